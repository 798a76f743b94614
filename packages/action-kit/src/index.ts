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
