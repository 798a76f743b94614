export {
  allDeploys,
  type DeployMatch,
  RENDER_API_URL,
  type Reconciliation,
  type RenderApi,
  RenderClient,
  type RenderClientOptions,
  startDeployOnce,
} from './client';
export {
  cancelInFlightDeploy,
  type DeployFlowDeps,
  type DeployFlowOptions,
  type DeployOutcome,
  type DeployResult,
  type DeployTrigger,
  deployToRender,
  SUPERSEDED_OUTCOMES,
  type SupersededOutcome,
  type TimelineEntry,
} from './deploy';
export {
  type DeploymentDetails,
  type DeploymentRecorder,
  type DeploymentState,
  GitHubDeployments,
  type GitHubDeploymentsOptions,
} from './github-deployments';
export { type DeployHookOptions, parseHookUrl, serviceIdFromHookUrl, triggerDeployHook } from './hook';
export {
  backoffDelay,
  DEFAULT_RETRY,
  type FailedAttempt,
  type HttpDeps,
  MaybeReceivedError,
  mayResend,
  parseRetryAfter,
  RenderApiError,
  type RetryPolicy,
  realHttpDeps,
  sendWithRetry,
} from './http';
export {
  DEFAULT_HEALTH_CHECK_TIMEOUT_MS,
  DEFAULT_POLL_INTERVAL_MS,
  DEFAULT_TIMEOUT_MS,
  DEPLOY_ACTION_ROWS,
  DEPLOY_ROWS,
  type DeployInputs,
  type DeployValues,
  deployOptions,
} from './options';
export { deploySummary } from './summary';
export {
  CANCELLABLE_STATUSES,
  type CreateDeployOptions,
  DEPLOY_MODES,
  DEPLOY_STATUSES,
  type Deploy,
  type DeployFilters,
  type DeployMode,
  type DeployPage,
  type DeployStatus,
  FAILED_STATUSES,
  FINISHED_STATUSES,
  isCancellable,
  isFinished,
  type Service,
} from './types';
