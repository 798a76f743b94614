export { UserError, errorMessage } from './errors';
export {
  Inputs,
  type InputSource,
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
export { Redactor, displayUri, secretForms, uriCredentials, type UriCredentials } from './secrets';
export { formatBytes, formatCount, formatDuration } from './format';
export { MemoryKeeper } from './memory';
export { ProgressReporter, type ProgressOptions } from './progress';
export { type Cell, details, escapeHtml, heading, sections, table } from './summary';
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
export { EXIT_GRACE_MS, type ProcessOptions, runProcess, SIGNAL_GRACE_MS } from './process';
