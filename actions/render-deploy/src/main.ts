import { actionLogger, readInputs, setOutputs, writeSummary } from '@shipkit/action-kit';
import * as core from '@shipkit/action-kit/runner';
import {
  deployOptions,
  deploySummary,
  deployToRender,
  GitHubDeployments,
  RenderClient,
  realHttpDeps,
  triggerDeployHook,
} from '@shipkit/render';
import { UserError } from '@shipkit/runtime';
import { RENDER_DEPLOY_INPUTS } from './inputs';
import { STATE } from './state';

export async function main(): Promise<void> {
  // The secrets (api-key, deploy-hook-url, github-token) are masked as they are read.
  const inputs = deployOptions(readInputs(RENDER_DEPLOY_INPUTS));
  const env = process.env;
  const http = { ...realHttpDeps(), logger: actionLogger };

  const render = inputs.apiKey
    ? new RenderClient({ apiKey: inputs.apiKey, baseUrl: inputs.apiBaseUrl }, http)
    : undefined;
  const deployments = inputs.githubDeployment
    ? new GitHubDeployments(
        {
          apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
          token: inputs.githubDeployment.token,
          repository: env.GITHUB_REPOSITORY ?? '',
          ref: inputs.commit ?? env.GITHUB_SHA ?? 'HEAD',
          environment: inputs.githubDeployment.environment,
        },
        http,
      )
    : undefined;
  const runUrl =
    env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
      ? `${env.GITHUB_SERVER_URL ?? 'https://github.com'}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
      : undefined;

  const result = await deployToRender(
    { ...inputs.flow, ...(runUrl ? { runUrl } : {}) },
    {
      ...(render ? { render } : {}),
      ...(deployments ? { deployments } : {}),
      triggerHook: (hookUrl, imageUrl) =>
        triggerDeployHook(
          hookUrl,
          {
            ...(imageUrl ? { imageUrl } : {}),
            ...(render && inputs.flow.serviceId
              ? { reconcileWith: { api: render, serviceId: inputs.flow.serviceId } }
              : {}),
          },
          http,
        ),
      fetch: http.fetch,
      now: http.now,
      sleep: http.sleep,
      logger: actionLogger,
      onDeployId: (serviceId, deployId) => {
        if (!inputs.cancelOnWorkflowCancel) return;
        core.saveState(STATE.serviceId, serviceId);
        core.saveState(STATE.deployId, deployId);
      },
    },
  );
  // The post step cancels only a deploy this step was still following when the workflow was cancelled.
  if (inputs.cancelOnWorkflowCancel) core.saveState(STATE.deployId, '');

  setOutputs({
    'deploy-id': result.deployId ?? '',
    status: result.status ?? '',
    'service-url': result.service?.url ?? '',
    'duration-seconds': Math.round(result.durationMs / 1000),
    'rolled-back': result.rolledBack,
  });
  await writeSummary(deploySummary(result));
  if (result.outcome === 'failure') throw new UserError(result.reason);
  actionLogger.info(result.reason);
}
