export {
  type AtlasProvisionDeps,
  type AtlasProvisionOptions,
  type AtlasUsersApi,
  provisionAtlasDatabase,
} from './atlas-provision';
export { BRANCH_POLICY_PATH, renderBranchPolicy } from './branch-policy';
export { unifiedDiff } from './diff';
export { type ClientFacts, renderBlueprint, renderOperationsDoc } from './documents';
export {
  contentHash,
  type FileAction,
  type FilePlan,
  type GeneratedState,
  generateFiles,
  planFile,
  readState,
  STATE_PATH,
} from './generated';
export { DEFAULT_GITHUB_API_URL, GitHubRepositoryClient, sealSecret } from './github';
export {
  type ChecklistItem,
  type ChecklistStatus,
  defaultDatabase,
  ENV_EXAMPLE_PATH,
  type GitHubSummary,
  type InitClientDeps,
  type InitClientOptions,
  type InitClientResult,
  initClient,
  OPERATIONS_PATH,
  PRODUCTION_ENVIRONMENT,
  type ProvisionSummary,
  renderClientFiles,
  type Seeder,
  WORKFLOWS_DIR,
  type WorkflowTemplates,
} from './init-client';
export { type MongoUriParts, parseMongoUri, uriForUser, uriUser } from './mongo-uri';
export {
  type Enforcement,
  INSTANCE_COLLECTION,
  type ProvisionDeps,
  type ProvisionedUser,
  type ProvisionOptions,
  type ProvisionResult,
  provisionDatabase,
  type Role,
  serverReportsAuthorization,
} from './provision';
export { directoryStore, type FileStore, memoryStore } from './store';
export {
  DEFAULT_SUITE_REPOSITORY,
  parseRepository,
  repositoryFromPackageJson,
  type Suite,
  suiteFromPackageJson,
} from './suite';
export { pinWorkflow, type WorkflowTemplate } from './workflows';
