import { Inputs, readInput } from '@shipkit/action-kit';
import { actionLogger, maskSecret } from '@shipkit/action-kit/action';
import * as core from '@shipkit/action-kit/runner';
import { cancelInFlightDeploy, RENDER_API_URL, RenderClient, realHttpDeps } from '@shipkit/render';
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
  const apiKey = readInput('api-key');
  maskSecret(apiKey);
  const inputs = new Inputs();
  const client = new RenderClient(
    { apiKey, baseUrl: inputs.string('api-base-url') ?? RENDER_API_URL, keySource: "input 'api-key'" },
    { ...realHttpDeps(), logger: actionLogger },
  );
  actionLogger.info(await cancelInFlightDeploy(client, serviceId, deployId));
}
