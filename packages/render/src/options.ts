import {
  booleanRow,
  durationRow,
  enumRow,
  JOB_TOKEN,
  OptionError,
  type OptionText,
  ref,
  say,
  textRow,
  type Values,
} from '@shipkit/runtime';
import { RENDER_API_URL } from './client';
import { type DeployFlowOptions, type DeployTrigger, SUPERSEDED_OUTCOMES } from './deploy';
import { parseHookUrl, serviceIdFromHookUrl } from './hook';
import { DEPLOY_MODES } from './types';

/**
 * The options of a Render deploy, shared by the render-deploy action and `shipkit deploy`; the
 * action adds the GitHub deployment and the post step's cancellation (`DEPLOY_ACTION_ROWS`).
 */
export const DEPLOY_ROWS = {
  'service-id': textRow({
    description:
      "The Render service id (srv-…, under the service's Settings). Optional with {deploy-hook-url}, which contains it.",
    flag: 'service',
    placeholder: '<srv-id>',
  }),
  'api-key': textRow({
    description:
      'A Render API key (rnd_…), from a secret. Needed to wait for the deploy, and for every option that reads or changes it.',
    secret: true,
    flag: false,
    env: 'RENDER_API_KEY',
  }),
  'deploy-hook-url': textRow({
    description:
      "The service's deploy hook URL, from a secret. Triggers through the hook instead of the API; with {api-key} too, the deploy is still followed.",
    secret: true,
    flag: false,
    env: 'RENDER_DEPLOY_HOOK_URL',
  }),
  commit: textRow({
    description:
      "Commit SHA to deploy (API trigger only). Default: the latest commit of the service's branch.",
    placeholder: '<sha>',
  }),
  'image-url': textRow({
    description:
      "Image to deploy for an image-backed service (e.g. ghcr.io/acme/shop:1.2.3); must match the service's image repository.",
    placeholder: '<image>',
  }),
  'clear-cache': booleanRow({
    description: 'Clear the build cache before building (API trigger only).',
    default: 'false',
  }),
  'deploy-mode': enumRow(DEPLOY_MODES, {
    description:
      "build_and_deploy, or deploy_only to redeploy the last build (then {commit}, {image-url} and {clear-cache} are not allowed). Default: Render's.",
  }),
  wait: booleanRow({
    description: 'Wait for the deploy to finish and fail unless it goes live. Needs {api-key}.',
    default: 'true',
  }),
  timeout: durationRow({
    description: 'How long to wait for the deploy, e.g. 30m or 1h. Then the deploy counts as failed.',
    default: '30m',
  }),
  'cancel-on-timeout': booleanRow({
    description: 'When the timeout is reached, cancel the deploy on Render too (otherwise it keeps going).',
    default: 'false',
  }),
  'poll-interval': durationRow({
    description:
      'How often to check the deploy once it has started (twice that while it is created or queued), e.g. 5s.',
    default: '5s',
  }),
  'superseded-outcome': enumRow(SUPERSEDED_OUTCOMES, {
    description:
      'What a deploy superseded by a newer one (deactivated) counts as. auto = failure unless it was seen live; success; failure.',
    default: 'auto',
  }),
  'rollback-on-failure': booleanRow({
    description:
      'When the deploy fails (build, pre-deploy, update or health check) and no earlier deploy is still live, roll back to the deploy it replaced and wait for it. The deploy still counts as failed.',
    default: 'false',
  }),
  'allow-auto-deploy': booleanRow({
    description:
      "Deploy even when the service's Auto-Deploy is on. By default such a service is refused before deploying: Render would ship every push by itself, around the deploy gates. Turn Auto-Deploy off instead.",
    default: 'false',
  }),
  'health-check-url': textRow({
    description:
      'After the deploy is live, request this URL until it answers HTTP 200; fail (and roll back, if asked) otherwise.',
    placeholder: '<url>',
  }),
  'health-check-timeout': durationRow({
    description: 'How long the health check may take.',
    default: '2m',
  }),
  'api-base-url': textRow({
    description: 'Render API base URL.',
    default: RENDER_API_URL,
    flag: 'api-url',
    placeholder: '<url>',
  }),
};

/** What only the action does: a GitHub deployment, and cancelling when the workflow is cancelled. */
export const DEPLOY_ACTION_ROWS = {
  'cancel-on-workflow-cancel': booleanRow({
    description:
      'When the workflow is cancelled while the deploy is in flight, cancel the deploy on Render (in the post step).',
    default: 'false',
  }),
  'github-deployment': booleanRow({
    description:
      'Record a GitHub deployment with in_progress/success/failure statuses (needs permissions deployments: write). Leave off in a job with `environment:`, which already records one.',
    default: 'false',
  }),
  'github-token': textRow({
    description: 'Token for the GitHub deployment.',
    default: JOB_TOKEN,
    secret: true,
  }),
  environment: textRow({
    description: 'Environment name of the GitHub deployment.',
    default: 'production',
  }),
};

const DEFAULTS = Object.fromEntries(
  (['timeout', 'poll-interval', 'health-check-timeout'] as const).map((key) => [
    key,
    DEPLOY_ROWS[key].parse(DEPLOY_ROWS[key].default),
  ]),
) as Record<'timeout' | 'poll-interval' | 'health-check-timeout', number>;

export const DEFAULT_TIMEOUT_MS = DEFAULTS.timeout;
/** The official CLI's cadence: every 5 s once a deploy has started, every 10 s while it is only created. */
export const DEFAULT_POLL_INTERVAL_MS = DEFAULTS['poll-interval'];
export const DEFAULT_HEALTH_CHECK_TIMEOUT_MS = DEFAULTS['health-check-timeout'];

export type DeployValues = Values<typeof DEPLOY_ROWS> & Partial<Values<typeof DEPLOY_ACTION_ROWS>>;

export interface DeployInputs {
  flow: DeployFlowOptions;
  apiKey?: string;
  apiBaseUrl: string;
  cancelOnWorkflowCancel: boolean;
  githubDeployment?: { token: string; environment: string };
  /** The commit asked for, for the GitHub deployment's ref. */
  commit?: string;
}

const SERVICE_ID = /^(srv|crn)-[a-z0-9]+$/;
const HTTP_URL = /^https?:\/\/[^/]/;

/** Checks the deploy options together; contradictions are errors that name the options involved. */
export function deployOptions(values: DeployValues): DeployInputs {
  const apiKey = values['api-key'];
  const hookUrl = values['deploy-hook-url'];
  if (!apiKey && !hookUrl) {
    throw OptionError.saying(
      say`Give ${ref('api-key')} (with ${ref('service-id')}) to deploy through the Render API, or ${ref('deploy-hook-url')}.`,
    );
  }
  if (hookUrl) parseHookUrl(hookUrl);

  const serviceId = values['service-id'] ?? (hookUrl ? serviceIdFromHookUrl(hookUrl) : undefined);
  if (serviceId !== undefined && !SERVICE_ID.test(serviceId)) {
    throw new OptionError(
      'service-id',
      `must be a Render service id such as 'srv-d0abc123xyz' (Settings → Service ID), not a name; got '${serviceId}'.`,
    );
  }
  if (apiKey && !serviceId) {
    throw new OptionError(
      'service-id',
      say`is required with ${ref('api-key')} (unless ${ref('deploy-hook-url')} names the service).`,
    );
  }

  const trigger = deployTrigger(values, hookUrl);
  const { wait } = values;
  const cancelOnWorkflowCancel = values['cancel-on-workflow-cancel'] ?? false;
  const healthCheckUrl = values['health-check-url'];
  const githubDeployment = values['github-deployment'] ?? false;
  const following = {
    'rollback-on-failure': values['rollback-on-failure'],
    'cancel-on-timeout': values['cancel-on-timeout'],
    'cancel-on-workflow-cancel': cancelOnWorkflowCancel,
    'health-check-url': Boolean(healthCheckUrl),
    'github-deployment': githubDeployment,
  };
  for (const [key, asked] of Object.entries(following)) {
    if (asked && !apiKey) {
      throw new OptionError(key, say`needs ${ref('api-key')}: without it the deploy cannot be followed.`);
    }
    if (asked && !wait) throw new OptionError(key, say`needs ${ref('wait')}.`);
  }
  if (healthCheckUrl && !HTTP_URL.test(healthCheckUrl)) {
    throw new OptionError('health-check-url', `must be an http:// or https:// URL, got '${healthCheckUrl}'.`);
  }
  const githubToken = values['github-token'];
  if (githubDeployment && !githubToken) {
    throw new OptionError(
      'github-deployment',
      say`needs ${ref('github-token')} (the job's github.token by default).`,
    );
  }
  const apiBaseUrl = values['api-base-url'];
  if (!HTTP_URL.test(apiBaseUrl)) {
    throw new OptionError('api-base-url', `must be an http:// or https:// URL, got '${apiBaseUrl}'.`);
  }
  const { commit } = values;

  const flow: DeployFlowOptions = {
    ...(serviceId ? { serviceId } : {}),
    trigger,
    wait,
    timeoutMs: values.timeout,
    pollIntervalMs: values['poll-interval'],
    supersededOutcome: values['superseded-outcome'],
    cancelOnTimeout: values['cancel-on-timeout'],
    rollbackOnFailure: values['rollback-on-failure'],
    allowAutoDeploy: values['allow-auto-deploy'],
    ...(healthCheckUrl
      ? { healthCheck: { url: healthCheckUrl, timeoutMs: values['health-check-timeout'] } }
      : {}),
  };
  return {
    flow,
    ...(apiKey ? { apiKey } : {}),
    apiBaseUrl,
    cancelOnWorkflowCancel,
    ...(githubDeployment && githubToken
      ? { githubDeployment: { token: githubToken, environment: values.environment ?? 'production' } }
      : {}),
    ...(commit ? { commit } : {}),
  };
}

function deployTrigger(values: DeployValues, hookUrl: string | undefined): DeployTrigger {
  const { commit } = values;
  const imageUrl = values['image-url'];
  const clearCache = values['clear-cache'];
  const deployMode = values['deploy-mode'];
  if (deployMode === 'deploy_only' && (commit || imageUrl || clearCache)) {
    throw new OptionError(
      'deploy-mode',
      say`deploy_only redeploys the last build; remove ${ref('commit')}, ${ref('image-url')} and ${ref('clear-cache')}.`,
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
  const apiOnly = (['commit', 'clear-cache', 'deploy-mode'] as const).filter((key) => Boolean(values[key]));
  const [first, ...others] = apiOnly;
  if (first) {
    const alongside: OptionText =
      others.length > 0
        ? ['(with ', ...others.flatMap((key, i) => [...(i > 0 ? [', '] : []), ref(key)]), ') ']
        : [];
    throw new OptionError(first, [
      ...alongside,
      ...say`needs the API trigger, but ${ref('deploy-hook-url')} is set; a deploy hook deploys the branch's latest commit (or ${ref('image-url')}). Remove ${ref('deploy-hook-url')} to deploy through the API.`,
    ]);
  }
  return { kind: 'hook', hookUrl, ...(imageUrl ? { imageUrl } : {}) };
}
