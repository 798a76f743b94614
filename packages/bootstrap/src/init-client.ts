import {
  checkInstanceConfig,
  databaseNameProblem,
  parseEnv,
  renderEnvExample,
  setEnvValues,
  VARIABLES,
} from '@shipkit/config';
import { type Logger, UserError } from '@shipkit/runtime';
import type { MongoClient } from 'mongodb';
import { type AtlasUsersApi, provisionAtlasDatabase } from './atlas-provision';
import { BRANCH_POLICY_PATH, renderBranchPolicy } from './branch-policy';
import { renderBlueprint, renderOperationsDoc } from './documents';
import { type FilePlan, generateFiles, STATE_PATH } from './generated';
import { GitHubRepositoryClient } from './github';
import { type Enforcement, type ProvisionResult, provisionDatabase, type Role } from './provision';
import type { FileStore } from './store';
import type { Suite } from './suite';
import { pinWorkflow, type WorkflowTemplate } from './workflows';

export const ENV_EXAMPLE_PATH = '.env.example';
export const OPERATIONS_PATH = 'docs/OPERATIONS.md';
export const WORKFLOWS_DIR = '.github/workflows';
export const PRODUCTION_ENVIRONMENT = 'production';

export interface WorkflowTemplates {
  /** The text in each template that stands for the suite's owner/name. */
  placeholder: string;
  workflows: WorkflowTemplate[];
}

/** Restores a template backup into the client's database, renaming its namespaces. */
export interface Seeder {
  seed(request: {
    from: string;
    /** Connection string allowed to write the client's database. */
    uri: string;
    database: string;
    logger: Logger;
  }): Promise<{ sourceDatabase: string; collections: number; documents: number }>;
}

export interface InitClientOptions {
  client: string;
  /** Default: shop_<client>, with - as _. */
  database?: string;
  suite: Suite;
  templates: WorkflowTemplates;
  force: boolean;
  dryRun: boolean;
  /** The client's local settings file, relative to the repository root. */
  envFile: string;
  /**
   * Create the database and its users: with an admin connection string, or on Atlas through the Admin API
   * (`atlas`, with `deps.atlas`), where database users are managed and a connection cannot create them.
   */
  provision?:
    | { adminUri: string; seedFrom?: string }
    | { atlas: { projectId: string; cluster: string }; seedFrom?: string };
  github?: { repository: string; token: string; apiUrl?: string };
}

export interface InitClientDeps {
  store: FileStore;
  logger: Logger;
  now: () => Date;
  connectMongo: (uri: string) => Promise<MongoClient>;
  fetch?: typeof fetch;
  seeder?: Seeder;
  /** The Atlas Administration API, for `provision.atlas`. */
  atlas?: AtlasUsersApi;
  sleep?: (ms: number) => Promise<void>;
  newPassword?: () => string;
  /** Told every secret the run creates or reads, before anything is printed (the CLI's redactor). */
  onSecret: (value: string) => void;
}

export type ChecklistStatus = 'done' | 'todo' | 'warning';

export interface ChecklistItem {
  status: ChecklistStatus;
  text: string;
  /** Lines shown under the item: a blueprint, commands. */
  detail?: string;
}

export interface ProvisionSummary {
  database: string;
  /** Where the users were created: through an admin connection, or through the Atlas Administration API. */
  via: 'admin-connection' | 'atlas-api';
  users: {
    kind: 'application' | 'backup';
    user: string;
    intendedRoles: Role[];
    recordedRoles: Role[];
    action: string;
  }[];
  rolesSupported: boolean;
  serverReportsAuthorization: boolean;
  backupWriteRefused: Enforcement;
  seeded?: { sourceDatabase: string; collections: number; documents: number };
}

export interface GitHubSummary {
  repository: string;
  secrets: { name: string; action: 'created' | 'updated' }[];
  variables: { name: string; action: 'created' | 'updated' }[];
  environment: string;
  /** Settings not uploaded, with the reason (no values). */
  skipped: { name: string; reason: string }[];
}

export interface InitClientResult {
  client: string;
  database: string;
  files: FilePlan[];
  changed: boolean;
  gitignoreUpdated: boolean;
  provision?: ProvisionSummary;
  github?: GitHubSummary;
  checklist: ChecklistItem[];
}

const CLIENT_NAME = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;

export function defaultDatabase(client: string): string {
  return `shop_${client.replace(/-/g, '_')}`;
}

/** Every file init-client generates for a client, by path. */
export function renderClientFiles(
  client: string,
  database: string,
  suite: Suite,
  templates: WorkflowTemplates,
) {
  const files = new Map<string, string>();
  const workflows = [...templates.workflows]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map(({ name, summary }) => ({ name, ...(summary ? { summary } : {}) }));
  for (const workflow of [...templates.workflows].sort((a, b) => a.name.localeCompare(b.name))) {
    files.set(`${WORKFLOWS_DIR}/${workflow.name}`, pinWorkflow(workflow, templates.placeholder, suite));
  }
  files.set(BRANCH_POLICY_PATH, renderBranchPolicy());
  files.set(
    ENV_EXAMPLE_PATH,
    renderEnvExample({
      subject: `For client ${client} (database ${database}).`,
      examples: {
        MONGODB_DB: database,
        BACKUP_DESTINATION: `s3://shop-backups/${client}`,
        AWS_ROLE_ARN: `arn:aws:iam::123456789012:role/shop-${client}-backups`,
      },
    }),
  );
  files.set(OPERATIONS_PATH, renderOperationsDoc({ client, database, suite, workflows }));
  return files;
}

/**
 * Sets up one client's copy of the application repository: generated files (idempotent, local edits
 * kept), optionally its database and users, optionally its GitHub secrets; returns a checklist of what
 * was done and what is left. Secrets go to the local env file (mode 0600) and GitHub only.
 */
export async function initClient(
  options: InitClientOptions,
  deps: InitClientDeps,
): Promise<InitClientResult> {
  const { client } = options;
  if (!CLIENT_NAME.test(client)) {
    throw new UserError(
      `The client name must be 1–40 lower-case letters, digits and hyphens (not at either end), e.g. acme-shop.`,
    );
  }
  const database = options.database ?? defaultDatabase(client);
  const databaseProblem = databaseNameProblem(database);
  if (databaseProblem) throw new UserError(`The database name (--db) ${databaseProblem}.`);
  if (options.dryRun && (options.provision || options.github)) {
    throw new UserError(
      '--dry-run only previews the generated files: run --provision and --github-repo without it.',
    );
  }
  if (options.provision && 'adminUri' in options.provision) deps.onSecret(options.provision.adminUri);
  if (options.github) deps.onSecret(options.github.token);
  if (options.templates.workflows.length === 0) {
    throw new UserError('No workflow templates were found to install: this copy of the suite has none.');
  }

  const checklist: ChecklistItem[] = [];
  const desired = renderClientFiles(client, database, options.suite, options.templates);
  const outcome = await generateFiles(
    deps.store,
    desired,
    { client, suite: options.suite },
    { force: options.force, dryRun: options.dryRun },
  );
  checklist.push(...fileChecklist(outcome.files, options.dryRun));
  const gitignoreUpdated = options.dryRun ? false : await ensureIgnored(deps.store, options.envFile);
  if (gitignoreUpdated) checklist.push({ status: 'done', text: `added ${options.envFile} to .gitignore` });

  let provision: ProvisionSummary | undefined;
  if (options.provision) {
    provision = await provisionAndRecord(options, deps, database, checklist);
  }

  const envText = (await deps.store.read(options.envFile)) ?? '';
  const env = parseEnv(envText).values;
  for (const spec of VARIABLES) if (spec.secret && env[spec.name]) deps.onSecret(env[spec.name] as string);
  if (env.MONGODB_BACKUP_URI) deps.onSecret(env.MONGODB_BACKUP_URI);

  let github: GitHubSummary | undefined;
  if (options.github) github = await configureGitHub(options.github, env, deps, checklist);

  checklist.push(...remainingSteps(options, database, env, github));
  return {
    client,
    database,
    files: outcome.files,
    changed: outcome.changed,
    gitignoreUpdated,
    ...(provision ? { provision } : {}),
    ...(github ? { github } : {}),
    checklist,
  };
}

function fileChecklist(files: FilePlan[], dryRun: boolean): ChecklistItem[] {
  const items: ChecklistItem[] = [];
  const list = (action: FilePlan['action']) => files.filter((f) => f.action === action).map((f) => f.path);
  const written = [...list('create'), ...list('update'), ...list('overwrite')];
  const verb = dryRun ? 'would write' : 'wrote';
  if (written.length > 0)
    items.push({ status: 'done', text: `${verb} ${written.length} file(s): ${written.join(', ')}` });
  const unchanged = [...list('unchanged'), ...list('kept')];
  if (written.length === 0)
    items.push({ status: 'done', text: `generated files are up to date (${unchanged.length})` });
  for (const file of files.filter((f) => f.action === 'kept')) {
    items.push({
      status: 'done',
      text: `kept local edits of ${file.path}${file.deletedLocally ? ' (deleted locally)' : ''}`,
    });
  }
  for (const file of files.filter((f) => f.action === 'conflict')) {
    items.push({
      status: 'warning',
      text: `${file.path} was ${file.deletedLocally ? 'deleted' : 'edited'} locally and the generated version changed: left as it is (see the diff; --force overwrites)`,
    });
  }
  return items;
}

const IGNORES_ENV = (envFile: string) =>
  new RegExp(`^/?(${envFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}|\\.env\\*?|\\*\\.env)$`);

/** Appends the env file to .gitignore unless a line already ignores it. */
async function ensureIgnored(store: FileStore, envFile: string): Promise<boolean> {
  const text = (await store.read('.gitignore')) ?? '';
  const lines = text.split(/\r?\n/).map((line) => line.trim());
  if (lines.some((line) => IGNORES_ENV(envFile).test(line))) return false;
  const separator = text === '' || text.endsWith('\n') ? '' : '\n';
  await store.write(
    '.gitignore',
    `${text}${separator}# local settings and secrets (shipkit init-client)\n${envFile}\n`,
  );
  return true;
}

async function provisionAndRecord(
  options: InitClientOptions,
  deps: InitClientDeps,
  database: string,
  checklist: ChecklistItem[],
): Promise<ProvisionSummary> {
  const provision = options.provision as NonNullable<InitClientOptions['provision']>;
  const envText = (await deps.store.read(options.envFile)) ?? '';
  const known = parseEnv(envText).values;
  const knownUris = {
    ...(known.MONGODB_URI ? { appUri: known.MONGODB_URI } : {}),
    ...(known.MONGODB_BACKUP_URI ? { backupUri: known.MONGODB_BACKUP_URI } : {}),
  };
  // The passwords exist only in these URIs: they are written before anything else can fail.
  const save = async (uris: { appUri: string; backupUri: string }) => {
    deps.onSecret(uris.appUri);
    deps.onSecret(uris.backupUri);
    await deps.store.write(
      options.envFile,
      setEnvValues(
        envText,
        {
          MONGODB_DB: database,
          MONGODB_URI: uris.appUri,
          MONGODB_BACKUP_URI: uris.backupUri,
          ...('atlas' in provision
            ? { ATLAS_PROJECT_ID: provision.atlas.projectId, ATLAS_CLUSTER: provision.atlas.cluster }
            : {}),
        },
        `database users of ${options.client}, written by shipkit init-client --provision; keep this file out of git`,
      ),
      { mode: 0o600 },
    );
  };
  let result: ProvisionResult;
  if ('atlas' in provision) {
    if (!deps.atlas) throw new Error('provision.atlas needs deps.atlas');
    result = await provisionAtlasDatabase(
      {
        ...provision.atlas,
        client: options.client,
        database,
        known: knownUris,
        resetPasswords: options.force,
      },
      {
        atlas: deps.atlas,
        connect: deps.connectMongo,
        logger: deps.logger,
        now: deps.now,
        sleep: deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
        ...(deps.newPassword ? { newPassword: deps.newPassword } : {}),
        onUsers: save,
      },
    );
  } else {
    result = await provisionDatabase(
      {
        adminUri: provision.adminUri,
        client: options.client,
        database,
        known: knownUris,
        resetPasswords: options.force,
      },
      {
        connect: deps.connectMongo,
        logger: deps.logger,
        now: deps.now,
        ...(deps.newPassword ? { newPassword: deps.newPassword } : {}),
      },
    );
  }
  await save({ appUri: result.appUri, backupUri: result.backupUri });
  const summary: ProvisionSummary = {
    database,
    via: 'atlas' in provision ? 'atlas-api' : 'admin-connection',
    users: result.users.map(({ kind, user, intendedRoles, recordedRoles, action }) => ({
      kind,
      user,
      intendedRoles,
      recordedRoles,
      action,
    })),
    rolesSupported: result.rolesSupported,
    serverReportsAuthorization: result.serverReportsAuthorization,
    backupWriteRefused: result.backupWriteRefused,
  };
  const describe = (u: ProvisionSummary['users'][number]) =>
    `${u.user} (${u.intendedRoles.map((r) => `${r.role} on ${r.db}`).join(', ')}; ${u.action.replace('-', ' ')})`;
  checklist.push({
    status: 'done',
    text: `database ${database} ready with users ${summary.users.map(describe).join(' and ')}${'atlas' in provision ? ` (Atlas database users of cluster ${provision.atlas.cluster}, created through the Admin API)` : ''}; their connection strings are in ${options.envFile} (mode 0600)`,
  });
  if (result.backupWriteRefused === 'enforced') {
    checklist.push({ status: 'done', text: 'checked: the backup user can read and cannot write' });
  }
  for (const warning of result.warnings) checklist.push({ status: 'warning', text: warning });

  if (provision.seedFrom) {
    if (!deps.seeder) {
      throw new UserError(
        '--seed-from needs the restore engine of @shipkit/mongo, which this copy of the suite does not include ' +
          'yet; the database and users were created, so re-run with --seed-from once it is available.',
      );
    }
    const seeded = await deps.seeder.seed({
      from: provision.seedFrom,
      // On Atlas the application user (readWrite on the database) restores the template.
      uri: 'adminUri' in provision ? provision.adminUri : result.appUri,
      database,
      logger: deps.logger,
    });
    summary.seeded = seeded;
    checklist.push({
      status: 'done',
      text: `seeded ${database} from the template backup (database ${seeded.sourceDatabase}): ${seeded.collections} collection(s), ${seeded.documents} document(s)`,
    });
  }
  return summary;
}

async function configureGitHub(
  github: NonNullable<InitClientOptions['github']>,
  env: Record<string, string>,
  deps: InitClientDeps,
  checklist: ChecklistItem[],
): Promise<GitHubSummary> {
  // The workflows' MONGODB_URI is the backup user's when init-client created one.
  const values: Record<string, string> = { ...env };
  if (env.MONGODB_BACKUP_URI) values.MONGODB_URI = env.MONGODB_BACKUP_URI;
  const check = await checkInstanceConfig(values, { target: 'github' });
  const invalid = new Map<string, string>();
  for (const problem of check.problems) {
    if (values[problem.variable]?.trim()) invalid.set(problem.variable, problem.message);
  }
  const client = new GitHubRepositoryClient({
    repository: github.repository,
    token: github.token,
    ...(github.apiUrl ? { apiUrl: github.apiUrl } : {}),
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
  });
  const summary: GitHubSummary = {
    repository: github.repository,
    secrets: [],
    variables: [],
    environment: PRODUCTION_ENVIRONMENT,
    skipped: [],
  };
  for (const spec of VARIABLES) {
    const value = values[spec.name]?.trim() ? values[spec.name] : undefined;
    const asSecret = spec.places.includes('github-secret');
    const asVariable = spec.places.includes('github-variable');
    if (!asSecret && !asVariable) continue;
    if (value === undefined) continue;
    const problem = invalid.get(spec.name);
    if (problem) {
      summary.skipped.push({ name: spec.name, reason: problem });
      continue;
    }
    if (asSecret) summary.secrets.push({ name: spec.name, action: await client.putSecret(spec.name, value) });
    else summary.variables.push({ name: spec.name, action: await client.putVariable(spec.name, value) });
  }
  await client.ensureEnvironment(PRODUCTION_ENVIRONMENT);

  const names = (items: { name: string }[]) => items.map((i) => i.name).join(', ') || 'none';
  checklist.push({
    status: 'done',
    text: `set ${summary.secrets.length} GitHub secret(s) on ${github.repository}: ${names(summary.secrets)}`,
  });
  checklist.push({
    status: 'done',
    text: `set ${summary.variables.length} GitHub variable(s): ${names(summary.variables)}`,
  });
  checklist.push({ status: 'done', text: `GitHub environment '${PRODUCTION_ENVIRONMENT}' exists` });
  for (const skipped of summary.skipped) {
    checklist.push({
      status: 'todo',
      text: `fix ${skipped.name} in the env file (${skipped.reason}), then re-run with --github-repo`,
    });
  }
  for (const problem of check.problems.filter((p) => !invalid.has(p.variable))) {
    checklist.push({ status: 'todo', text: `GitHub: ${problem.variable} ${problem.message}` });
  }
  return summary;
}

function remainingSteps(
  options: InitClientOptions,
  database: string,
  env: Record<string, string>,
  github: GitHubSummary | undefined,
): ChecklistItem[] {
  const items: ChecklistItem[] = [];
  if (!options.provision && !env.MONGODB_URI) {
    items.push({
      status: 'todo',
      text: `create the database ${database} with an application user (readWrite) and a backup user (read): re-run with --provision --admin-uri (on Atlas: --provision --atlas-project --atlas-cluster, with ATLAS_CLIENT_ID and ATLAS_CLIENT_SECRET set), or see docs/REPLICATION.md`,
    });
  }
  if (!github) {
    items.push({
      status: 'todo',
      text: 'set the GitHub secrets and variables and create the production environment: re-run with --github-repo owner/name (GITHUB_TOKEN set), or by hand as .env.example says',
    });
  }
  if (!env.RENDER_SERVICE_ID && !env.RENDER_DEPLOY_HOOK_URL) {
    items.push({
      status: 'todo',
      text: `create the Render service (New → Blueprint with this render.yaml, or a web service by hand with Auto-Deploy: Off), enter MONGODB_URI (the application user's, from ${options.envFile}) and OPENAI_API_KEY, then put RENDER_SERVICE_ID and RENDER_API_KEY (or RENDER_DEPLOY_HOOK_URL) in ${options.envFile} and re-run with --github-repo`,
      detail: renderBlueprint(options.client, database),
    });
  } else {
    items.push({
      status: 'todo',
      text: `in the Render service's environment, set MONGODB_URI (the application user's, from ${options.envFile}), MONGODB_DB=${database} and OPENAI_API_KEY; in its Settings, set Auto-Deploy to Off (the deploy workflow refuses a service that deploys every push by itself)`,
    });
  }
  items.push(
    {
      status: 'todo',
      text: `commit the generated files (.github/, docs/OPERATIONS.md, .env.example, ${STATE_PATH}) and push them to development and main`,
    },
    {
      status: 'todo',
      text: 'restrict the GitHub environment production to the main branch (Settings → Environments → production → Deployment branches and tags)',
    },
    {
      status: 'todo',
      text: `create the GitHub environment production-restore with required reviewers (public repositories, or GitHub Enterprise; see docs/USAGE.md for other plans), and give it the secret RESTORE_MONGODB_URI: the application user's connection string, from ${options.envFile}`,
    },
    {
      status: 'todo',
      text: 'run the Nightly backup workflow once by hand (Actions → Run workflow) and check that its summary shows the backup verified',
    },
    {
      status: 'todo',
      text: 'merge into main (or run the Deploy workflow) for the first deploy, and check that it goes live',
    },
  );
  return items;
}
