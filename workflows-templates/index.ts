/**
 * The caller workflows a client repository copies into its `.github/workflows/` (what `shipkit init-client`
 * installs). Each one calls a reusable workflow of this repository as
 * `SHIPKIT_REPO/.github/workflows/<file>@v1`: {@link REPO_PLACEHOLDER} is the only thing to fill in, with
 * the `<owner>/<repo>` this toolkit is published under ({@link renderTemplate}).
 */
import { readFile } from 'node:fs/promises';

/** Stands for `<owner>/<repo>` of mongo-shipkit, in `uses:` lines and comments. */
export const REPO_PLACEHOLDER = 'SHIPKIT_REPO';

export interface WorkflowTemplate {
  /** File name, the same in this folder and in the client's `.github/workflows/`. */
  file: string;
  /**
   * Where its text is. Written as `new URL('./<file>', import.meta.url)`, which the CLI's bundler
   * follows: it copies the file next to the bundle and points the URL there, so the bundle reads no file
   * of this repository at run time.
   */
  url: URL;
  /** The reusable workflow of this repository it calls. */
  calls: string;
  /** One line, for listings. */
  summary: string;
  /** GitHub Actions secrets it reads (`secrets.X`). */
  secrets: readonly string[];
  /** GitHub Actions variables it reads (`vars.X`). */
  variables: readonly string[];
  /** What each calling job grants the reusable workflow. */
  permissions: Readonly<Record<string, 'read' | 'write'>>;
}

const STORAGE_SECRETS = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'] as const;
const STORAGE_VARIABLES = ['BACKUP_DESTINATION', 'AWS_REGION', 'S3_ENDPOINT', 'AWS_ROLE_ARN'] as const;
const NOTIFY_SECRETS = ['SHIPKIT_NOTIFY', 'SHIPKIT_NOTIFY_SECRET', 'SHIPKIT_HEARTBEAT'] as const;

export const TEMPLATES: readonly WorkflowTemplate[] = [
  {
    file: 'nightly-backup.yml',
    url: new URL('./nightly-backup.yml', import.meta.url),
    calls: 'mongo-backup.yml',
    summary: 'Nightly backup, verified by a full restore, then retention; an issue when a night fails.',
    secrets: ['MONGODB_URI', ...STORAGE_SECRETS, 'AGE_IDENTITY', ...NOTIFY_SECRETS],
    variables: [...STORAGE_VARIABLES, 'MONGODB_DB', 'AGE_RECIPIENTS'],
    permissions: { contents: 'read', 'id-token': 'write', issues: 'write' },
  },
  {
    file: 'pull-request.yml',
    url: new URL('./pull-request.yml', import.meta.url),
    calls: 'pr-gates.yml',
    summary:
      "Branch policy on every pull request event and the application's CI (with a MongoDB service) on code changes, as two required checks.",
    secrets: [],
    variables: [],
    permissions: { contents: 'read', 'pull-requests': 'write' },
  },
  {
    file: 'deploy.yml',
    url: new URL('./deploy.yml', import.meta.url),
    calls: 'render-deploy.yml',
    summary:
      'Render deploy from main only, with a fresh verified backup and Auto-Deploy off; health check and rollback.',
    secrets: ['RENDER_API_KEY', 'RENDER_DEPLOY_HOOK_URL', ...STORAGE_SECRETS],
    variables: ['RENDER_SERVICE_ID', ...STORAGE_VARIABLES],
    permissions: { contents: 'read', 'id-token': 'write' },
  },
  {
    file: 'restore.yml',
    url: new URL('./restore.yml', import.meta.url),
    calls: 'restore.yml',
    summary:
      'Manual disaster recovery with its own write-capable secret: typed confirmation, approval in a protected environment.',
    secrets: ['RESTORE_MONGODB_URI', 'AGE_IDENTITY', ...STORAGE_SECRETS, ...NOTIFY_SECRETS],
    variables: [...STORAGE_VARIABLES, 'MONGODB_DB'],
    permissions: { contents: 'read', 'id-token': 'write' },
  },
  {
    file: 'restore-drill.yml',
    url: new URL('./restore-drill.yml', import.meta.url),
    calls: 'restore-drill.yml',
    summary:
      'Weekly: restores the newest and an older backup, checks recovery time (RTO) and backup age (RPO); an issue when a target is missed.',
    secrets: ['AGE_IDENTITY', ...STORAGE_SECRETS, 'DRILL_MONGODB_URI', ...NOTIFY_SECRETS],
    variables: [...STORAGE_VARIABLES],
    permissions: { contents: 'read', 'id-token': 'write', issues: 'write' },
  },
  {
    file: 'atlas-policy.yml',
    url: new URL('./atlas-policy.yml', import.meta.url),
    calls: 'atlas-policy.yml',
    summary:
      'Weekly, for an Atlas M10+ cluster: compares its backup schedule with the policy in the file; an issue on drift. Skipped while ATLAS_PROJECT_ID is unset.',
    secrets: ['ATLAS_CLIENT_ID', 'ATLAS_CLIENT_SECRET'],
    variables: ['ATLAS_PROJECT_ID', 'ATLAS_CLUSTER'],
    permissions: { contents: 'read', issues: 'write' },
  },
  {
    file: 'backup-watchdog.yml',
    url: new URL('./backup-watchdog.yml', import.meta.url),
    calls: 'backup-watchdog.yml',
    summary:
      'Every six hours: an issue when the newest verified backup is older than 26 hours; keeps the scheduled workflows enabled.',
    secrets: [...STORAGE_SECRETS, ...NOTIFY_SECRETS],
    variables: [...STORAGE_VARIABLES],
    permissions: { contents: 'read', 'id-token': 'write', issues: 'write', actions: 'write' },
  },
];

function template(file: string): WorkflowTemplate {
  const found = TEMPLATES.find((t) => t.file === file);
  if (!found) throw new Error(`No workflow template ${file}: ${TEMPLATES.map((t) => t.file).join(', ')}.`);
  return found;
}

/** A template's text with the placeholder replaced by `repository` (`<owner>/<repo>`). */
export function renderTemplate(text: string, repository: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9-]{0,38}\/[A-Za-z0-9._-]{1,100}$/.test(repository)) {
    throw new Error(`'${repository}' is not a GitHub repository name of the form <owner>/<repo>.`);
  }
  return text.replaceAll(REPO_PLACEHOLDER, repository);
}

/** Reads a template and fills in the repository. */
export async function readTemplate(file: string, repository: string): Promise<string> {
  return renderTemplate(await readFile(template(file).url, 'utf8'), repository);
}
