import { actionLogger, readInputs } from '@shipkit/action-kit';
import * as core from '@shipkit/action-kit/runner';
import { cancelInFlightDeploy, RenderClient, realHttpDeps } from '@shipkit/render';
import { RENDER_DEPLOY_INPUTS } from './inputs';
import { STATE } from './state';

/**
 * The post step, run only when the workflow was cancelled (`post-if: cancelled()`): cancels the Render
 * deploy the main step was following, if it saved one (cancel-on-workflow-cancel) and it is still running.
 */
export async function cancelOnWorkflowCancel(): Promise<void> {
  const serviceId = core.getState(STATE.serviceId);
  const deployId = core.getState(STATE.deployId);
  if (!serviceId || !deployId) {
    actionLogger.info('No Render deploy in flight to cancel.');
    return;
  }
  const inputs = readInputs(RENDER_DEPLOY_INPUTS);
  const client = new RenderClient(
    { apiKey: inputs['api-key'] ?? '', baseUrl: inputs['api-base-url'] },
    { ...realHttpDeps(), logger: actionLogger },
  );
  actionLogger.info(await cancelInFlightDeploy(client, serviceId, deployId));
}
