export { InvalidValue, messageIn, OptionError, TABLE_VOCABULARY, type Vocabulary } from './errors';
export {
  type AnyRow,
  booleanRow,
  customRow,
  durationRow,
  enumRow,
  flagOf,
  integerRow,
  listRow,
  type Row,
  type RowSpec,
  sizeRow,
  textRow,
} from './row';
export { DEFAULT_PARALLELISM, JOB_TOKEN, PARALLELISM, timeoutRow } from './rows';
export { closest, editDistance } from './suggest';
export {
  isExpression,
  parseTable,
  parseValue,
  type Table,
  type TableSource,
  type Value,
  type Values,
} from './table';
export {
  mentions,
  type OptionRef,
  type OptionText,
  ref,
  renderDescription,
  renderText,
  say,
} from './text';
export {
  DURATION_FORMS,
  type IntegerRange,
  parseBoolean,
  parseDuration,
  parseEnum,
  parseInteger,
  parseList,
  parseSize,
} from './values';
