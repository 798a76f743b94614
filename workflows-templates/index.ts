/**
 * The caller workflows a client repository copies into its `.github/workflows/` (what `shipkit init-client`
 * installs). Each one calls a reusable workflow of this repository as
 * `SHIPKIT_REPO/.github/workflows/<file>@v1`: {@link REPO_PLACEHOLDER} is the only thing to fill in, with
 * the `<owner>/<repo>` this toolkit is published under ({@link renderTemplate}).
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** Stands for `<owner>/<repo>` of mongo-shipkit, in `uses:` lines and comments. */
export const REPO_PLACEHOLDER = 'SHIPKIT_REPO';

export interface WorkflowTemplate {
  /** File name, the same in this folder and in the client's `.github/workflows/`. */
  file: string;
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

export const TEMPLATES: readonly WorkflowTemplate[] = [
  {
    file: 'nightly-backup.yml',
    calls: 'mongo-backup.yml',
    summary: 'Nightly backup, verified by a full restore, then retention; an issue when a night fails.',
    secrets: ['MONGODB_URI', ...STORAGE_SECRETS, 'AGE_IDENTITY'],
    variables: [...STORAGE_VARIABLES, 'MONGODB_DB', 'AGE_RECIPIENTS'],
    permissions: { contents: 'read', 'id-token': 'write', issues: 'write' },
  },
  {
    file: 'pull-request.yml',
    calls: 'pr-gates.yml',
    summary:
      "Branch policy on every pull request event and the application's CI (with a MongoDB service) on code changes, as two required checks.",
    secrets: [],
    variables: [],
    permissions: { contents: 'read', 'pull-requests': 'write' },
  },
  {
    file: 'deploy.yml',
    calls: 'render-deploy.yml',
    summary:
      'Render deploy from main only, with a fresh verified backup and Auto-Deploy off; health check and rollback.',
    secrets: ['RENDER_API_KEY', 'RENDER_DEPLOY_HOOK_URL', ...STORAGE_SECRETS],
    variables: ['RENDER_SERVICE_ID', ...STORAGE_VARIABLES],
    permissions: { contents: 'read', 'id-token': 'write' },
  },
  {
    file: 'restore.yml',
    calls: 'restore.yml',
    summary:
      'Manual disaster recovery with its own write-capable secret: typed confirmation, approval in a protected environment.',
    secrets: ['RESTORE_MONGODB_URI', 'AGE_IDENTITY', ...STORAGE_SECRETS],
    variables: [...STORAGE_VARIABLES, 'MONGODB_DB'],
    permissions: { contents: 'read', 'id-token': 'write' },
  },
  {
    file: 'restore-drill.yml',
    calls: 'restore-drill.yml',
    summary:
      'Weekly: restores the newest and an older backup, checks recovery time (RTO) and backup age (RPO); an issue when a target is missed.',
    secrets: ['AGE_IDENTITY', ...STORAGE_SECRETS, 'DRILL_MONGODB_URI'],
    variables: [...STORAGE_VARIABLES],
    permissions: { contents: 'read', 'id-token': 'write', issues: 'write' },
  },
  {
    file: 'backup-watchdog.yml',
    calls: 'backup-watchdog.yml',
    summary:
      'Every six hours: an issue when the newest verified backup is older than 26 hours; keeps the scheduled workflows enabled.',
    secrets: [...STORAGE_SECRETS],
    variables: [...STORAGE_VARIABLES],
    permissions: { contents: 'read', 'id-token': 'write', issues: 'write', actions: 'write' },
  },
];

/** Absolute path of a template file. */
export function templatePath(file: string): string {
  return fileURLToPath(new URL(file, import.meta.url));
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
  const template = TEMPLATES.find((t) => t.file === file);
  if (!template) throw new Error(`No workflow template ${file}: ${TEMPLATES.map((t) => t.file).join(', ')}.`);
  return renderTemplate(await readFile(templatePath(file), 'utf8'), repository);
}
