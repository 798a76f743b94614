import {
  DEPLOY_ROWS,
  type DeployResult,
  deployOptions,
  deployToRender,
  RenderClient,
  realHttpDeps,
  triggerDeployHook,
} from '@shipkit/render';
import { EXIT, formatDuration, sleep } from '@shipkit/runtime';
import { command } from '../command';

export const deploy = command({
  name: 'deploy',
  usage:
    '--service <srv-id> [--commit <sha>] [--wait] [--timeout <duration>] [--rollback-on-failure] [options]',
  options: {
    ...DEPLOY_ROWS,
    // A terminal does not wait unless asked.
    wait: { ...DEPLOY_ROWS.wait, default: 'false' as const, switch: true },
  },
  details: `
The API key is read from RENDER_API_KEY (or deploy through a hook with RENDER_DEPLOY_HOOK_URL), so it
stays out of shell history. Exit codes: 0 live (or triggered without --wait), 1 the deploy failed or
timed out, 2 bad usage or a request Render refused.

Examples:
  RENDER_API_KEY=rnd_… shipkit deploy --service srv-d0abc123 --commit "$(git rev-parse HEAD)" --wait
  shipkit deploy --service srv-d0abc123 --wait --timeout 20m --rollback-on-failure --json`,
  async run({ options }, context) {
    const parsed = deployOptions(options);
    const http = {
      ...realHttpDeps(),
      logger: context.logger,
      sleep: (ms: number) => sleep(ms, context.signal),
      signal: context.signal,
    };
    const render = parsed.apiKey
      ? new RenderClient({ apiKey: parsed.apiKey, baseUrl: parsed.apiBaseUrl }, http)
      : undefined;
    const result = await deployToRender(parsed.flow, {
      ...(render ? { render } : {}),
      triggerHook: (hookUrl, imageUrl) =>
        triggerDeployHook(
          hookUrl,
          {
            ...(imageUrl ? { imageUrl } : {}),
            ...(render && parsed.flow.serviceId
              ? { reconcileWith: { api: render, serviceId: parsed.flow.serviceId } }
              : {}),
          },
          http,
        ),
      fetch: http.fetch,
      now: http.now,
      sleep: http.sleep,
      logger: context.logger,
    });
    context.stdout(context.json ? `${JSON.stringify(jsonResult(result), null, 2)}\n` : textResult(result));
    return result.outcome === 'failure' ? EXIT.failed : EXIT.ok;
  },
});

function jsonResult(result: DeployResult) {
  return {
    outcome: result.outcome,
    reason: result.reason,
    serviceId: result.serviceId ?? null,
    deployId: result.deployId ?? null,
    status: result.status ?? null,
    serviceUrl: result.service?.url ?? null,
    durationSeconds: Math.round(result.durationMs / 1000),
    timedOut: result.timedOut,
    rolledBack: result.rolledBack,
    rollback: result.rollback ?? null,
    healthCheck: result.healthCheck ?? null,
    timeline: result.timeline.map((entry) => ({ ...entry, at: new Date(entry.at).toISOString() })),
  };
}

function textResult(result: DeployResult): string {
  const lines = [result.reason];
  if (result.outcome !== 'triggered') lines.push(`took ${formatDuration(result.durationMs)}`);
  if (result.service?.url && result.outcome === 'success') lines.push(`url: ${result.service.url}`);
  return `${lines.join('\n')}\n`;
}
