export {
  type Activity,
  abortableSleep,
  CancelledError,
  CLEANUP_TIMEOUT_MS,
  Deadline,
  DeadlineExceededError,
  type DeadlineOptions,
  STOP_GRACE_MS,
} from './deadline';
export { errorMessage, UserError } from './errors';
export { formatBytes, formatCount, formatDuration } from './format';
export {
  type InputSource,
  Inputs,
  inputEnvName,
  parseBoolean,
  parseDuration,
  parseEnum,
  parseInteger,
  parseList,
  parseSize,
  readInput,
  requiredInput,
} from './inputs';
export { type Logger, MemoryLogger, silentLogger, streamLogger } from './log';
export { MemoryKeeper } from './memory';
export { EXIT_GRACE_MS, type ProcessOptions, runProcess, SIGNAL_GRACE_MS } from './process';
export { type ProgressOptions, ProgressReporter } from './progress';
export { displayUri, Redactor, secretForms, type UriCredentials, uriCredentials } from './secrets';
export { type Cell, details, escapeHtml, heading, sections, table } from './summary';
