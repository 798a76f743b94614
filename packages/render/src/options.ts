import { type Inputs, UserError } from '@shipkit/runtime';
import { RENDER_API_URL } from './client';
import {
  DEFAULT_HEALTH_CHECK_TIMEOUT_MS,
  DEFAULT_POLL_INTERVAL_MS,
  DEFAULT_TIMEOUT_MS,
  type DeployFlowOptions,
  type DeployTrigger,
  SUPERSEDED_OUTCOMES,
  type SupersededOutcome,
} from './deploy';
import { parseHookUrl, serviceIdFromHookUrl } from './hook';
import { DEPLOY_MODES, type DeployMode } from './types';

/**
 * Input names shared by the action (action.yml) and the CLI (`--<name>`), and the fallbacks used when
 * an input is absent; action.yml declares the same defaults.
 */
export const DEPLOY_INPUT_DEFAULTS = {
  'clear-cache': false,
  wait: true,
  timeout: DEFAULT_TIMEOUT_MS,
  'cancel-on-timeout': false,
  'poll-interval': DEFAULT_POLL_INTERVAL_MS,
  'superseded-outcome': 'auto' as SupersededOutcome,
  'rollback-on-failure': false,
  'allow-auto-deploy': false,
  'cancel-on-workflow-cancel': false,
  'health-check-timeout': DEFAULT_HEALTH_CHECK_TIMEOUT_MS,
  'github-deployment': false,
  environment: 'production',
  'api-base-url': RENDER_API_URL,
};

export interface DeployInputs {
  flow: DeployFlowOptions;
  apiKey?: string;
  apiBaseUrl: string;
  cancelOnWorkflowCancel: boolean;
  githubDeployment?: { token: string; environment: string };
  /** The commit asked for, for the GitHub deployment's ref. */
  commit?: string;
}

export interface DeployInputSettings {
  /** How messages name an input; the CLI shows its option or environment variable instead. */
  label?: (name: string) => string;
  /** Fallbacks that differ from the action's (the CLI does not wait unless asked). */
  defaults?: Partial<typeof DEPLOY_INPUT_DEFAULTS>;
}

const SERVICE_ID = /^(srv|crn)-[a-z0-9]+$/;
const HTTP_URL = /^https?:\/\/[^/]/;

/** Reads and checks every deploy input once; contradictions are errors that name the inputs involved. */
export function deployInputsFromInputs(inputs: Inputs, settings: DeployInputSettings = {}): DeployInputs {
  const label = settings.label ?? ((name: string) => name);
  const q = (name: string) => `'${label(name)}'`;
  const defaults = { ...DEPLOY_INPUT_DEFAULTS, ...settings.defaults };

  const apiKey = inputs.string('api-key');
  const hookUrl = inputs.string('deploy-hook-url');
  if (!apiKey && !hookUrl) {
    throw new UserError(
      `Give ${q('api-key')} (with ${q('service-id')}) to deploy through the Render API, or ${q('deploy-hook-url')}.`,
    );
  }
  if (hookUrl) parseHookUrl(hookUrl, `input ${q('deploy-hook-url')}`);

  const serviceId = inputs.string('service-id') ?? (hookUrl ? serviceIdFromHookUrl(hookUrl) : undefined);
  if (serviceId !== undefined && !SERVICE_ID.test(serviceId)) {
    throw new UserError(
      `Input ${q('service-id')} must be a Render service id such as 'srv-d0abc123xyz' (Settings → Service ID), not a name; got '${serviceId}'.`,
    );
  }
  if (apiKey && !serviceId) {
    throw new UserError(
      `Input ${q('service-id')} is required with ${q('api-key')} (unless ${q('deploy-hook-url')} names the service).`,
    );
  }

  const trigger = parseTrigger(inputs, hookUrl, q, defaults['clear-cache']);
  const wait = inputs.boolean('wait', defaults.wait);
  const rollbackOnFailure = inputs.boolean('rollback-on-failure', defaults['rollback-on-failure']);
  const cancelOnTimeout = inputs.boolean('cancel-on-timeout', defaults['cancel-on-timeout']);
  const cancelOnWorkflowCancel = inputs.boolean(
    'cancel-on-workflow-cancel',
    defaults['cancel-on-workflow-cancel'],
  );
  const healthCheckUrl = inputs.string('health-check-url');
  const githubDeployment = inputs.boolean('github-deployment', defaults['github-deployment']);
  const followingOptions = {
    'rollback-on-failure': rollbackOnFailure,
    'cancel-on-timeout': cancelOnTimeout,
    'cancel-on-workflow-cancel': cancelOnWorkflowCancel,
    'health-check-url': Boolean(healthCheckUrl),
    'github-deployment': githubDeployment,
  };
  for (const [name, asked] of Object.entries(followingOptions)) {
    if (asked && !apiKey) {
      throw new UserError(
        `Input ${q(name)} needs ${q('api-key')}: without it the deploy cannot be followed.`,
      );
    }
    if (asked && !wait) throw new UserError(`Input ${q(name)} needs ${q('wait')} to be true.`);
  }
  if (healthCheckUrl && !HTTP_URL.test(healthCheckUrl)) {
    throw new UserError(
      `Input ${q('health-check-url')} must be an http:// or https:// URL, got '${healthCheckUrl}'.`,
    );
  }
  const githubToken = inputs.string('github-token');
  if (githubDeployment && !githubToken) {
    throw new UserError(
      `Input ${q('github-deployment')} needs ${q('github-token')} (the job's github.token by default).`,
    );
  }
  const apiBaseUrl = inputs.string('api-base-url') ?? defaults['api-base-url'];
  if (!HTTP_URL.test(apiBaseUrl)) {
    throw new UserError(
      `Input ${q('api-base-url')} must be an http:// or https:// URL, got '${apiBaseUrl}'.`,
    );
  }
  const commit = inputs.string('commit');

  const flow: DeployFlowOptions = {
    ...(serviceId ? { serviceId } : {}),
    trigger,
    wait,
    timeoutMs: inputs.duration('timeout', defaults.timeout),
    pollIntervalMs: inputs.duration('poll-interval', defaults['poll-interval']),
    supersededOutcome: inputs.enum('superseded-outcome', SUPERSEDED_OUTCOMES, defaults['superseded-outcome']),
    cancelOnTimeout,
    rollbackOnFailure,
    allowAutoDeploy: inputs.boolean('allow-auto-deploy', defaults['allow-auto-deploy']),
    ...(healthCheckUrl
      ? {
          healthCheck: {
            url: healthCheckUrl,
            timeoutMs: inputs.duration('health-check-timeout', defaults['health-check-timeout']),
          },
        }
      : {}),
  };
  return {
    flow,
    ...(apiKey ? { apiKey } : {}),
    apiBaseUrl,
    cancelOnWorkflowCancel,
    ...(githubDeployment && githubToken
      ? {
          githubDeployment: {
            token: githubToken,
            environment: inputs.string('environment') ?? defaults.environment,
          },
        }
      : {}),
    ...(commit ? { commit } : {}),
  };
}

function parseTrigger(
  inputs: Inputs,
  hookUrl: string | undefined,
  q: (name: string) => string,
  clearCacheDefault: boolean,
): DeployTrigger {
  const commit = inputs.string('commit');
  const imageUrl = inputs.string('image-url');
  const clearCache = inputs.boolean('clear-cache', clearCacheDefault);
  const deployMode: DeployMode | undefined = inputs.string('deploy-mode')
    ? inputs.enum('deploy-mode', DEPLOY_MODES, 'build_and_deploy')
    : undefined;
  if (deployMode === 'deploy_only' && (commit || imageUrl || clearCache)) {
    throw new UserError(
      `Input ${q('deploy-mode')} deploy_only redeploys the last build; remove ${q('commit')}, ${q('image-url')} and ${q('clear-cache')}.`,
    );
  }
  if (!hookUrl) {
    return {
      kind: 'api',
      ...(commit ? { commitId: commit } : {}),
      ...(imageUrl ? { imageUrl } : {}),
      ...(clearCache ? { clearCache } : {}),
      ...(deployMode ? { deployMode } : {}),
    };
  }
  const apiOnly = [commit && 'commit', clearCache && 'clear-cache', deployMode && 'deploy-mode'].filter(
    (name): name is string => typeof name === 'string',
  );
  if (apiOnly.length > 0) {
    throw new UserError(
      `Input ${apiOnly.map(q).join(', ')} needs the API trigger, but ${q('deploy-hook-url')} is set; a deploy hook deploys the branch's latest commit (or ${q('image-url')}). Remove ${q('deploy-hook-url')} to deploy through the API.`,
    );
  }
  return { kind: 'hook', hookUrl, ...(imageUrl ? { imageUrl } : {}) };
}
