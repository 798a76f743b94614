export {
  type CheckOptions,
  type CheckResult,
  type ConfigProblem,
  checkInstanceConfig,
  instanceConfigSchema,
  inTarget,
  TARGETS,
  type Target,
} from './check';
export {
  type EnvEntry,
  type EnvParseProblem,
  formatEnv,
  formatEnvValue,
  type ParsedEnv,
  parseEnv,
  setEnvValues,
} from './dotenv';
export { type EnvExampleOptions, renderEnvExample } from './env-example';
export {
  type BackupDestination,
  bech32Valid,
  databaseNameProblem,
  mongodbUriProblem,
  parseBackupDestination,
} from './values';
export {
  APPLICATION_VARIABLES,
  EXAMPLE_AGE_RECIPIENT,
  GROUP_TITLES,
  type Group,
  PLACE_LABELS,
  type Place,
  type Requirement,
  SUITE_VARIABLES,
  VARIABLE_NAMES,
  VARIABLES,
  type VariableSpec,
  variable,
} from './variables';
