import { z } from 'zod';
import {
  accessKeyIdProblem,
  ageIdentityProblem,
  ageRecipientsProblem,
  atlasClientIdProblem,
  atlasClientSecretProblem,
  atlasClusterProblem,
  atlasProjectIdProblem,
  backupDestinationProblem,
  databaseNameProblem,
  deployHookUrlProblem,
  httpUrlProblem,
  mongodbUriProblem,
  notifyTargetsProblem,
  openAiKeyProblem,
  regionProblem,
  renderApiKeyProblem,
  renderServiceIdProblem,
  roleArnProblem,
  secretAccessKeyProblem,
} from './values';

/**
 * Where a variable is read. `github-secret` and `github-variable` are the repository's Actions secrets and
 * variables (the workflows' `secrets.X` / `vars.X`); `github-environment-secret` is a secret of the
 * `production-restore` environment, which only the restore job can read; `render-env` is the Render
 * service's environment; `local` stays in the operator's `.env` and is read by `shipkit init-client` only.
 */
export type Place =
  | 'github-secret'
  | 'github-environment-secret'
  | 'github-variable'
  | 'render-env'
  | 'local';

export type Requirement = 'required' | 'conditional' | 'optional';

export type Group =
  | 'database'
  | 'backups'
  | 'encryption'
  | 'atlas'
  | 'deploys'
  | 'notifications'
  | 'application';

export interface VariableSpec {
  name: string;
  group: Group;
  description: string;
  /** What a valid value looks like, in words, for problem messages. */
  expected: string;
  example: string;
  /** The example goes in `.env.example` as the value; false: as a comment only (alternatives, optional keys). */
  exampleAsValue: boolean;
  secret: boolean;
  requirement: Requirement;
  /** For conditional variables: when they are needed. */
  condition?: string;
  places: Place[];
  schema: z.ZodType<string, string>;
}

/** A string schema whose refinement says what is wrong without quoting the value. */
function checked(problem: (value: string) => string | undefined): z.ZodType<string, string> {
  return z.string().superRefine((value, ctx) => {
    const found = problem(value);
    if (found) ctx.addIssue({ code: 'custom', message: found });
  });
}

export const EXAMPLE_AGE_RECIPIENT = 'age1c38ddlj6yz7cxal00jsg9zv6kvn80ptqdm8kyd8tckzk0m4en3zs9wnsxm';

/** Everything one instance of the product needs, in the order `.env.example` lists it. */
export const SUITE_VARIABLES: readonly VariableSpec[] = [
  {
    name: 'MONGODB_URI',
    group: 'database',
    description:
      "Connection string of the instance's database. In Render it is the application user's (readWrite); " +
      "as the GitHub secret it is the backup user's (read).",
    expected: 'a mongodb:// or mongodb+srv:// connection string with percent-encoded credentials',
    example: 'mongodb+srv://shop_app:change-me@cluster0.example.mongodb.net/?retryWrites=true&w=majority',
    exampleAsValue: true,
    secret: true,
    requirement: 'required',
    places: ['github-secret', 'render-env'],
    schema: checked(mongodbUriProblem),
  },
  {
    name: 'MONGODB_DB',
    group: 'database',
    description:
      "Name of the instance's database: what is backed up, restored in drills and used by the app.",
    expected: 'a MongoDB database name (at most 63 bytes, no / \\ . " $ * < > : | ? or spaces)',
    example: 'shop_acme',
    exampleAsValue: true,
    secret: false,
    requirement: 'required',
    places: ['github-variable', 'render-env'],
    schema: checked(databaseNameProblem),
  },
  {
    name: 'RESTORE_MONGODB_URI',
    group: 'database',
    description:
      'Connection string of a user that can write (readWrite on the database), for the restore workflow only: ' +
      'a secret of the production-restore environment, which only the approved restore job can read — never ' +
      "the backup user's read-only MONGODB_URI.",
    expected: 'a mongodb:// or mongodb+srv:// connection string with percent-encoded credentials',
    example: 'mongodb+srv://shop_app:change-me@cluster0.example.mongodb.net/?retryWrites=true&w=majority',
    exampleAsValue: false,
    secret: true,
    requirement: 'optional',
    places: ['github-environment-secret'],
    schema: checked(mongodbUriProblem),
  },
  {
    name: 'DRILL_MONGODB_URI',
    group: 'database',
    description:
      'A server restore drills restore into, under fresh database names dropped afterwards — e.g. a cluster ' +
      'sized like production, so the measured recovery time is realistic. Empty: a throwaway MongoDB on the runner.',
    expected: 'a mongodb:// or mongodb+srv:// connection string with percent-encoded credentials',
    example: 'mongodb+srv://shop_drill:change-me@drill.example.mongodb.net/',
    exampleAsValue: false,
    secret: true,
    requirement: 'optional',
    places: ['github-secret'],
    schema: checked(mongodbUriProblem),
  },
  {
    name: 'MONGODB_BACKUP_URI',
    group: 'database',
    description:
      'Connection string of the read-only backup user, kept locally by `shipkit init-client --provision`; ' +
      '`init-client --github-repo` uploads it as the GitHub secret MONGODB_URI (else MONGODB_URI is used).',
    expected: 'a mongodb:// or mongodb+srv:// connection string with percent-encoded credentials',
    example: 'mongodb+srv://shop_backup:change-me@cluster0.example.mongodb.net/?retryWrites=true&w=majority',
    exampleAsValue: false,
    secret: true,
    requirement: 'optional',
    places: ['local'],
    schema: checked(mongodbUriProblem),
  },
  {
    name: 'BACKUP_DESTINATION',
    group: 'backups',
    description: 'Where backups are written: an S3 bucket and key prefix, or a local folder.',
    expected: 's3://<bucket>/<prefix> or file:///<absolute folder>',
    example: 's3://acme-shop-backups/production',
    exampleAsValue: true,
    secret: false,
    requirement: 'required',
    places: ['github-variable'],
    schema: checked(backupDestinationProblem),
  },
  {
    name: 'AWS_REGION',
    group: 'backups',
    description: 'Region of the backup bucket (for S3-compatible stores, the region their endpoint expects).',
    expected: 'a region name such as eu-west-1',
    example: 'eu-west-1',
    exampleAsValue: true,
    secret: false,
    requirement: 'conditional',
    condition: 'needed when BACKUP_DESTINATION is s3://',
    places: ['github-variable'],
    schema: checked(regionProblem),
  },
  {
    name: 'S3_ENDPOINT',
    group: 'backups',
    description: 'Endpoint of an S3-compatible store (MinIO, R2, Scaleway…); leave empty for AWS S3.',
    expected: 'an http:// or https:// URL without credentials or ?query',
    example: 'https://s3.fr-par.scw.cloud',
    exampleAsValue: false,
    secret: false,
    requirement: 'optional',
    places: ['github-variable'],
    schema: checked((value) => httpUrlProblem(value)),
  },
  {
    name: 'AWS_ROLE_ARN',
    group: 'backups',
    description: 'IAM role the workflows assume through GitHub OIDC: no long-lived keys to leak or rotate.',
    expected: 'an IAM role ARN, arn:aws:iam::<12-digit account>:role/<name>',
    example: 'arn:aws:iam::123456789012:role/shop-acme-backups',
    exampleAsValue: true,
    secret: false,
    requirement: 'conditional',
    condition: 'for s3:// on AWS: this role, or AWS_ACCESS_KEY_ID with AWS_SECRET_ACCESS_KEY',
    places: ['github-variable'],
    schema: checked(roleArnProblem),
  },
  {
    name: 'AWS_ACCESS_KEY_ID',
    group: 'backups',
    description: 'Access key of a user allowed to write the backup prefix, when no role is used.',
    expected: 'an access key id (AKIA… on AWS)',
    example: 'AKIAIOSFODNN7EXAMPLE',
    exampleAsValue: false,
    secret: true,
    requirement: 'conditional',
    condition: 'with AWS_SECRET_ACCESS_KEY, instead of AWS_ROLE_ARN (always for S3_ENDPOINT stores)',
    places: ['github-secret'],
    schema: checked(accessKeyIdProblem),
  },
  {
    name: 'AWS_SECRET_ACCESS_KEY',
    group: 'backups',
    description: 'Secret of AWS_ACCESS_KEY_ID.',
    expected: 'a secret access key (40 characters on AWS)',
    example: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    exampleAsValue: false,
    secret: true,
    requirement: 'conditional',
    condition: 'with AWS_ACCESS_KEY_ID',
    places: ['github-secret'],
    schema: checked(secretAccessKeyProblem),
  },
  {
    name: 'AGE_RECIPIENTS',
    group: 'encryption',
    description:
      'Public keys every backup is encrypted to, separated by commas or line breaks. Keep one whose ' +
      'identity is stored offline, so that losing GitHub does not lose the backups.',
    expected: 'age public keys (age1…) or SSH public keys, separated by commas or line breaks',
    example: EXAMPLE_AGE_RECIPIENT,
    exampleAsValue: true,
    secret: false,
    requirement: 'required',
    places: ['github-variable'],
    schema: checked(ageRecipientsProblem),
  },
  {
    name: 'AGE_IDENTITY',
    group: 'encryption',
    description: 'Secret key that decrypts backups in restore drills; it must match one of AGE_RECIPIENTS.',
    expected: 'an age secret key (AGE-SECRET-KEY-1…), or the lines of an age identity file',
    example: 'AGE-SECRET-KEY-1… (from `age-keygen`)',
    exampleAsValue: false,
    secret: true,
    requirement: 'optional',
    places: ['github-secret'],
    schema: checked(ageIdentityProblem),
  },
  {
    name: 'ATLAS_PROJECT_ID',
    group: 'atlas',
    description:
      'Atlas project of the cluster, for Cloud Backup on M10+ and Flex clusters (snapshots before deploys, the weekly policy check). Not for M0, which has none.',
    expected: 'an Atlas project id: 24 hexadecimal digits',
    example: '65a1b2c3d4e5f60718293a4b',
    exampleAsValue: false,
    secret: false,
    requirement: 'optional',
    places: ['github-variable'],
    schema: checked(atlasProjectIdProblem),
  },
  {
    name: 'ATLAS_CLUSTER',
    group: 'atlas',
    description: 'Name of the Atlas cluster, with ATLAS_PROJECT_ID.',
    expected: 'a cluster name (letters, digits, hyphens)',
    example: 'Cluster0',
    exampleAsValue: false,
    secret: false,
    requirement: 'conditional',
    condition: 'with ATLAS_PROJECT_ID',
    places: ['github-variable'],
    schema: checked(atlasClusterProblem),
  },
  {
    name: 'ATLAS_CLIENT_ID',
    group: 'atlas',
    description:
      "Client id of an Atlas service account with the project's backup roles (docs/ATLAS.md lists the least ones).",
    expected: 'a service account client id, mdb_sa_id_…',
    example: 'mdb_sa_id_65a1b2c3d4e5f60718293a4b',
    exampleAsValue: false,
    secret: true,
    requirement: 'conditional',
    condition: 'with ATLAS_PROJECT_ID',
    places: ['github-secret'],
    schema: checked(atlasClientIdProblem),
  },
  {
    name: 'ATLAS_CLIENT_SECRET',
    group: 'atlas',
    description: "That service account's secret (shown once, when it is created).",
    expected: 'a service account secret, mdb_sa_sk_…',
    example: 'mdb_sa_sk_ReplaceWithTheServiceAccountSecret',
    exampleAsValue: false,
    secret: true,
    requirement: 'conditional',
    condition: 'with ATLAS_CLIENT_ID',
    places: ['github-secret'],
    schema: checked(atlasClientSecretProblem),
  },
  {
    name: 'RENDER_SERVICE_ID',
    group: 'deploys',
    description: "Render service this instance deploys to (the srv-… id in the service's URL).",
    expected: 'a Render service id, srv-…',
    example: 'srv-d0example0acme0shop0',
    exampleAsValue: true,
    secret: false,
    requirement: 'conditional',
    condition: 'deploys need this with RENDER_API_KEY, or RENDER_DEPLOY_HOOK_URL',
    places: ['github-variable'],
    schema: checked(renderServiceIdProblem),
  },
  {
    name: 'RENDER_API_KEY',
    group: 'deploys',
    description:
      'Render API key used to start deploys and follow them to live (Account settings → API keys).',
    expected: 'a Render API key, rnd_…',
    example: 'rnd_ReplaceWithYourRenderApiKey',
    exampleAsValue: true,
    secret: true,
    requirement: 'conditional',
    condition: 'needed with RENDER_SERVICE_ID unless RENDER_DEPLOY_HOOK_URL is set',
    places: ['github-secret'],
    schema: checked(renderApiKeyProblem),
  },
  {
    name: 'RENDER_DEPLOY_HOOK_URL',
    group: 'deploys',
    description: "The service's deploy hook (Settings → Deploy Hook): starts deploys without an API key.",
    expected: "an https:// URL with the hook's key= parameter",
    example: 'https://api.render.com/deploy/srv-d0example0acme0shop0?key=ReplaceWithHookKey',
    exampleAsValue: false,
    secret: true,
    requirement: 'conditional',
    condition: 'instead of (or with) RENDER_SERVICE_ID and RENDER_API_KEY',
    places: ['github-secret'],
    schema: checked(deployHookUrlProblem),
  },
  {
    name: 'SHIPKIT_NOTIFY',
    group: 'notifications',
    description:
      'Where backups, verifications, restores and stale-backup alerts are reported: Slack or Teams ' +
      'incoming-webhook URLs, or https:// endpoints of your own (a signed JSON webhook).',
    expected:
      'http(s) URLs separated by commas or line breaks, each optionally prefixed slack+, teams+ or webhook+',
    example: 'https://hooks.slack.com/services/T000/B000/ReplaceWithYourHookPath',
    exampleAsValue: false,
    secret: true,
    requirement: 'optional',
    places: ['github-secret'],
    schema: checked(notifyTargetsProblem),
  },
  {
    name: 'SHIPKIT_NOTIFY_SECRET',
    group: 'notifications',
    description:
      'Signs the generic JSON webhooks of SHIPKIT_NOTIFY (X-Shipkit-Signature, HMAC-SHA256), so the receiver can check them.',
    expected: 'a random string of at least 16 characters',
    example: '(openssl rand -hex 32)',
    exampleAsValue: false,
    secret: true,
    requirement: 'optional',
    places: ['github-secret'],
    schema: checked((value) => (value.length < 16 ? 'must be at least 16 characters long' : undefined)),
  },
  {
    name: 'SHIPKIT_HEARTBEAT',
    group: 'notifications',
    description:
      "A dead-man's switch (healthchecks.io, Cronitor, Better Stack) pinged when each run starts, succeeds or fails, " +
      'so silence — GitHub not running the schedule at all — raises an alarm too.',
    expected: 'an http(s) URL',
    example: 'https://hc-ping.com/ReplaceWithYourCheckUuid',
    exampleAsValue: false,
    secret: true,
    requirement: 'optional',
    places: ['github-secret'],
    schema: checked((value) => httpUrlProblem(value, { allowQuery: true })),
  },
];

/** The application's own keys: read by the shop itself, so they live in the Render environment. */
export const APPLICATION_VARIABLES: readonly VariableSpec[] = [
  {
    name: 'OPENAI_API_KEY',
    group: 'application',
    description: "The shop's AI provider key (product descriptions, search, the assistant).",
    expected: 'an OpenAI API key, sk-…',
    example: 'sk-ReplaceWithYourOpenAiApiKey',
    exampleAsValue: true,
    secret: true,
    requirement: 'required',
    places: ['render-env'],
    schema: checked(openAiKeyProblem),
  },
];

export const VARIABLES: readonly VariableSpec[] = [...SUITE_VARIABLES, ...APPLICATION_VARIABLES];

export const VARIABLE_NAMES = VARIABLES.map((v) => v.name);

export function variable(name: string): VariableSpec {
  const found = VARIABLES.find((v) => v.name === name);
  if (!found) throw new Error(`no variable ${name} in the configuration schema`);
  return found;
}

export const GROUP_TITLES: Record<Group, string> = {
  database: 'Database',
  backups: 'Backups',
  encryption: 'Backup encryption (age)',
  atlas: 'Atlas Cloud Backup (M10+ and Flex clusters)',
  deploys: 'Deploys (Render)',
  notifications: 'Notifications',
  application: 'Application',
};

export const PLACE_LABELS: Record<Place, string> = {
  'github-secret': 'GitHub secret',
  'github-environment-secret': 'GitHub secret of the production-restore environment',
  'github-variable': 'GitHub variable',
  'render-env': 'Render environment',
  local: 'local .env only',
};
