import { abortableSleep, formatDuration } from '@shipkit/runtime';
import {
  type DeployResult,
  deployInputsFromInputs,
  deployToRender,
  RenderClient,
  realHttpDeps,
  triggerDeployHook,
} from '@shipkit/render';
import type { Command } from '../command';
import { optionInputs } from '../inputs';

/** The CLI's names for the shared deploy inputs; secrets come only from the environment, never argv. */
const OPTION_INPUTS = {
  aliases: { service: 'service-id', 'api-url': 'api-base-url' },
  envFallbacks: { 'api-key': 'RENDER_API_KEY', 'deploy-hook-url': 'RENDER_DEPLOY_HOOK_URL' },
};
const LABELS: Record<string, string> = {
  'service-id': '--service',
  'api-base-url': '--api-url',
  'api-key': 'RENDER_API_KEY',
  'deploy-hook-url': 'RENDER_DEPLOY_HOOK_URL',
};

export const deploy: Command = {
  name: 'deploy',
  usage:
    '--service <srv-id> [--commit <sha>] [--wait] [--timeout <duration>] [--rollback-on-failure] [options]',
  options: {
    service: { type: 'string', value: '<srv-id>', description: 'Render service id (Settings → Service ID)' },
    commit: {
      type: 'string',
      value: '<sha>',
      description: 'commit to deploy (default: latest on the branch)',
    },
    'image-url': {
      type: 'string',
      value: '<image>',
      description: 'image to deploy, for image-backed services',
    },
    'clear-cache': { type: 'boolean', description: 'clear the build cache first' },
    'deploy-mode': {
      type: 'string',
      value: 'build_and_deploy|deploy_only',
      description: 'deploy_only redeploys the last build',
    },
    wait: { type: 'boolean', description: 'wait until the deploy finishes; exit 1 unless it goes live' },
    timeout: {
      type: 'string',
      value: '<duration>',
      description: 'with --wait: give up after this long (default 30m)',
    },
    'cancel-on-timeout': {
      type: 'boolean',
      description: 'cancel the deploy on Render when the timeout is reached',
    },
    'poll-interval': {
      type: 'string',
      value: '<duration>',
      description: 'check every (default 5s; doubled while queued)',
    },
    'superseded-outcome': {
      type: 'string',
      value: 'auto|success|failure',
      description: 'what a deploy superseded by a newer one counts as (default auto)',
    },
    'rollback-on-failure': {
      type: 'boolean',
      description: 'if this deploy fails after replacing the live one, roll back to it',
    },
    'allow-auto-deploy': {
      type: 'boolean',
      description: "deploy even when the service's Auto-Deploy is on (refused by default)",
    },
    'health-check-url': {
      type: 'string',
      value: '<url>',
      description: 'once live, wait for HTTP 200 from this URL',
    },
    'health-check-timeout': {
      type: 'string',
      value: '<duration>',
      description: 'how long the health check may take (default 2m)',
    },
    'api-url': {
      type: 'string',
      value: '<url>',
      description: 'Render API base URL (default https://api.render.com/v1)',
    },
  },
  details: `
The API key is read from RENDER_API_KEY (or deploy through a hook with RENDER_DEPLOY_HOOK_URL), so it
stays out of shell history. Exit codes: 0 live (or triggered without --wait), 1 the deploy failed or
timed out, 2 bad usage or a request Render refused.

Examples:
  RENDER_API_KEY=rnd_… shipkit deploy --service srv-d0abc123 --commit "$(git rev-parse HEAD)" --wait
  shipkit deploy --service srv-d0abc123 --wait --timeout 20m --rollback-on-failure --json`,
  async run(args, context) {
    const inputs = optionInputs(args, context.env, OPTION_INPUTS);
    context.redactor.add(inputs.string('api-key'));
    context.redactor.add(inputs.string('deploy-hook-url'));
    const parsed = deployInputsFromInputs(inputs, {
      label: (name) => LABELS[name] ?? `--${name}`,
      defaults: { wait: false },
    });
    const http = {
      ...realHttpDeps(),
      logger: context.logger,
      sleep: abortableSleep(context.signal),
      signal: context.signal,
    };
    const render = parsed.apiKey
      ? new RenderClient(
          { apiKey: parsed.apiKey, baseUrl: parsed.apiBaseUrl, keySource: 'RENDER_API_KEY' },
          http,
        )
      : undefined;
    const result = await deployToRender(parsed.flow, {
      ...(render ? { render } : {}),
      triggerHook: (hookUrl, imageUrl) =>
        triggerDeployHook(
          hookUrl,
          {
            hookSource: 'RENDER_DEPLOY_HOOK_URL',
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
    return result.outcome === 'failure' ? 1 : 0;
  },
};

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
