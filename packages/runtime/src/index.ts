export {
  type Activity,
  CancelledError,
  CLEANUP_TIMEOUT_MS,
  Deadline,
  DeadlineExceededError,
  type DeadlineOptions,
  STOP_GRACE_MS,
  sleep,
} from './deadline';
export { errorMessage, UserError } from './errors';
export { cancelledExit, EXIT, exitCodeOf, type Outcome, outcomeOf } from './exit';
export { formatBytes, formatCount, formatDuration } from './format';
export {
  fillGlob,
  type GlobOptions,
  globSource,
  globToRegExp,
  globWildcards,
  isGlob,
  matchesGlob,
} from './glob';
export { type Logger, MemoryLogger, silentLogger, streamLogger } from './log';
export { MemoryKeeper } from './memory';
export * from './options';
export { EXIT_GRACE_MS, type ProcessOptions, runProcess, SIGNAL_GRACE_MS } from './process';
export { type ProgressOptions, ProgressReporter } from './progress';
export {
  backoffDelay,
  DEFAULT_RETRY,
  type FailedAttempt,
  isIdempotentMethod,
  mayResend,
  networkReason,
  neverSent,
  parseRetryAfter,
  type RetryPolicy,
  retryDelayText,
} from './retry';
export { displayUri, Redactor, secretForms, type UriCredentials, uriCredentials } from './secrets';
export { type Cell, details, escapeHtml, heading, sections, table } from './summary';
