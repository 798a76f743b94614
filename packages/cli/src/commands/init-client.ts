import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { DECRYPT_IDENTITY } from '@shipkit/backup';
import {
  type AtlasUsersApi,
  type ChecklistItem,
  DEFAULT_GITHUB_API_URL,
  directoryStore,
  type FilePlan,
  type InitClientResult,
  initClient,
  parseRepository,
  type Seeder,
  suiteFromPackageJson,
} from '@shipkit/bootstrap';
import { CONNECT_TIMEOUT, connect } from '@shipkit/mongo';
import { booleanRow, EXIT, OptionError, ref, say, textRow, type Values } from '@shipkit/runtime';
import type { MongoClient } from 'mongodb';
import { type CommandContext, command } from '../command';
import { UsageError } from '../options';
import { SUITE_PACKAGE, suiteTemplates } from '../suite';
import { CREDENTIAL_ROWS } from './atlas/rows';

/**
 * Seeding restores a template backup, which pulls in storage, decryption and the restore engine: loaded
 * only when --seed-from asks for it.
 */
async function loadSeeder(
  env: CommandContext['env'],
  identity: string | undefined,
  connectMongo: (uri: string) => Promise<MongoClient>,
): Promise<Seeder> {
  const [{ backupSeeder }, { openStorage }] = await Promise.all([
    import('@shipkit/bootstrap/seed'),
    import('@shipkit/storage'),
  ]);
  const region = env.AWS_REGION || env.AWS_DEFAULT_REGION;
  return backupSeeder({
    openStorage: (url) =>
      openStorage(url, {
        s3: {
          ...(env.S3_ENDPOINT ? { endpoint: env.S3_ENDPOINT, forcePathStyle: true } : {}),
          ...(region ? { region } : {}),
        },
      }),
    connect: connectMongo,
    ...(identity ? { identity } : {}),
  });
}

const SYMBOLS: Record<ChecklistItem['status'], string> = { done: '[x]', todo: '[ ]', warning: '[!]' };
const ACTION_NOTES: Partial<Record<FilePlan['action'], string>> = {
  kept: 'edited locally; nothing new to apply',
  conflict: 'edited locally; not overwritten (--force overwrites)',
  overwrite: 'local edits overwritten (--force)',
};

function printResult(result: InitClientResult, dir: string, context: CommandContext): void {
  const out = context.stdout;
  out(`init-client ${result.client} → ${dir} (database ${result.database})\n\nFiles:\n`);
  const width = Math.max(...result.files.map((f) => f.action.length));
  for (const file of result.files) {
    const note = ACTION_NOTES[file.action] ?? (file.deletedLocally ? 'deleted locally' : undefined);
    out(`  ${file.action.padEnd(width)}  ${file.path}${note ? `  (${note})` : ''}\n`);
  }
  for (const file of result.files) {
    if (file.diff && file.action !== 'create') out(`\n${file.diff}`);
  }
  out('\nChecklist:\n');
  for (const item of result.checklist) {
    out(`  ${SYMBOLS[item.status]} ${item.text}\n`);
    if (item.detail) out(`${item.detail.replace(/^/gm, '        ').trimEnd()}\n`);
  }
}

/** How long provisioning may talk to Atlas, waiting for the users to be applied included. */
const ATLAS_DEADLINE_MS = 15 * 60_000;

const INIT_CLIENT_OPTIONS = {
  dir: textRow({
    description: "The clone of the client's application repository.",
    required: true,
    placeholder: '<path>',
  }),
  db: textRow({ description: "The client's database. Default: shop_<name>.", placeholder: '<name>' }),
  'suite-repo': textRow({
    description: 'The repository the workflows call. Default: from package.json.',
    placeholder: '<owner/name>',
  }),
  force: booleanRow({
    description: 'Overwrite local edits of generated files; with {provision}, reset unknown passwords.',
    default: 'false',
  }),
  'dry-run': booleanRow({
    description: 'Show what would change in the generated files; write nothing.',
    default: 'false',
  }),
  'env-file': textRow({
    description: 'Local settings file in {dir}.',
    default: '.env',
    placeholder: '<path>',
  }),
  provision: booleanRow({
    description: "Create the client's database and its application and backup users.",
    default: 'false',
  }),
  'admin-uri': textRow({
    description: 'Admin connection string for {provision}.',
    secret: true,
    env: 'ADMIN_MONGODB_URI',
    placeholder: '<uri>',
  }),
  'seed-from': textRow({
    description: "With {provision}: restore a template backup into the client's database.",
    placeholder: '<backup-url>',
  }),
  'seed-identity': {
    ...DECRYPT_IDENTITY,
    description: 'The age identity of an encrypted template backup ({seed-from}); AGE_IDENTITY otherwise.',
    env: 'SEED_AGE_IDENTITY',
  },
  'decrypt-identity': DECRYPT_IDENTITY,
  'github-repo': textRow({
    description:
      'Set its Actions secrets and variables and the production environment (needs {github-token}).',
    placeholder: '<owner/name>',
  }),
  'github-token': textRow({
    description: 'A token with Secrets, Variables and Administration write access to {github-repo}.',
    secret: true,
    flag: false,
    env: 'GITHUB_TOKEN',
  }),
  'github-api-url': textRow({
    description: 'The GitHub API.',
    default: DEFAULT_GITHUB_API_URL,
    flag: false,
    env: 'GITHUB_API_URL',
  }),
  'atlas-project': textRow({
    description:
      'With {provision} on Atlas: create the users through the Admin API in this project (needs {atlas-cluster}, and Atlas credentials in the environment).',
    placeholder: '<groupId>',
  }),
  'atlas-cluster': textRow({
    description: 'With {atlas-project}: the cluster the users may connect to.',
    placeholder: '<name>',
  }),
  'atlas-client-id': {
    ...CREDENTIAL_ROWS['client-id'],
    description: "An Atlas service account's client id, with the Project Database Access Admin role.",
  },
  'atlas-client-secret': CREDENTIAL_ROWS['client-secret'],
  'atlas-public-key': CREDENTIAL_ROWS['public-key'],
  'atlas-private-key': CREDENTIAL_ROWS['private-key'],
  'atlas-base-url': CREDENTIAL_ROWS['base-url'],
  'connect-timeout': CONNECT_TIMEOUT,
};

type InitClientValues = Values<typeof INIT_CLIENT_OPTIONS>;

/**
 * The Atlas project and cluster of `--atlas-project`/`--atlas-cluster`, and a client of the Admin API with
 * the credentials of the environment, loaded only when asked for.
 */
function atlasTarget(
  options: InitClientValues,
  context: CommandContext,
): { target: { projectId: string; cluster: string }; client: () => Promise<AtlasUsersApi> } | undefined {
  const { 'atlas-project': projectId, 'atlas-cluster': cluster } = options;
  if (!projectId && !cluster) return undefined;
  if (!projectId || !cluster) {
    throw OptionError.saying(say`${ref('atlas-project')} and ${ref('atlas-cluster')} go together.`);
  }
  if (!/^[a-f0-9]{24}$/.test(projectId)) {
    throw new OptionError(
      'atlas-project',
      `must be an Atlas project id: 24 hexadecimal digits (Project Settings → Project ID), got '${projectId}'.`,
    );
  }
  const {
    'atlas-client-id': clientId,
    'atlas-client-secret': clientSecret,
    'atlas-public-key': publicKey,
    'atlas-private-key': privateKey,
  } = options;
  const credentials =
    clientId || clientSecret
      ? clientId && clientSecret
        ? ({ kind: 'service-account', clientId, clientSecret } as const)
        : undefined
      : publicKey && privateKey
        ? ({ kind: 'api-key', publicKey, privateKey } as const)
        : undefined;
  if (!credentials) {
    throw OptionError.saying(
      say`${ref('atlas-project')} needs Atlas credentials in the environment: ${ref('atlas-client-id')} and ${ref('atlas-client-secret')} (a service account with the Project Database Access Admin role), or ${ref('atlas-public-key')} and ${ref('atlas-private-key')}.`,
    );
  }
  const baseUrl = options['atlas-base-url'];
  return {
    target: { projectId, cluster },
    client: async () => {
      const { AtlasClient, realAtlasDeps } = await import('@shipkit/atlas');
      const deps = { ...realAtlasDeps(context.signal), logger: context.logger };
      return new AtlasClient(
        {
          credentials,
          baseUrl,
          credentialSource:
            credentials.kind === 'service-account'
              ? 'ATLAS_CLIENT_ID and ATLAS_CLIENT_SECRET'
              : 'ATLAS_PUBLIC_KEY and ATLAS_PRIVATE_KEY',
          signal: context.signal,
          deadline: deps.now() + ATLAS_DEADLINE_MS,
          onSecret: (token) => context.redactor.add(token),
        },
        deps,
      );
    },
  };
}

export const initClientCommand = command({
  name: 'init-client',
  usage:
    '<name> --dir <path> [--provision (--admin-uri <uri> | --atlas-project <groupId> --atlas-cluster <name>)] [--github-repo owner/name] [options]',
  positionals: '<name>',
  options: INIT_CLIENT_OPTIONS,
  details: `
Re-runs are safe: generated files unchanged since the last run are updated (with a diff), files edited
locally are left alone unless --force, and nothing is written when nothing changed. Hashes of what was
generated are kept in .shipkit/generated.json; commit it with the files.

Passwords of the users --provision creates are written only to the env file (mode 0600) and, with
--github-repo, to GitHub as sealed secrets; they are never printed.

--seed-from takes a backup folder URL (s3://bucket/prefix/<backup-id>, file:///…) or a mongodump
archive; its one database is restored under the client's database name. S3 access comes from the usual
AWS environment (AWS_REGION, S3_ENDPOINT, keys or a role); an encrypted backup needs SEED_AGE_IDENTITY
(or AGE_IDENTITY).

On Atlas, database users are managed by Atlas: with --atlas-project and --atlas-cluster, --provision
creates them through the Atlas Administration API (a service account with the Project Database Access
Admin role, in ATLAS_CLIENT_ID and ATLAS_CLIENT_SECRET, or an API key in ATLAS_PUBLIC_KEY and
ATLAS_PRIVATE_KEY), limited to that cluster, waits until Atlas has applied them, and checks them as with
an admin connection. The project and cluster go to the env file as ATLAS_PROJECT_ID and ATLAS_CLUSTER.`,

  async run({ options, positionals }, context) {
    const [client, ...extra] = positionals;
    if (!client || extra.length > 0)
      throw new UsageError(
        'Give exactly one client name, e.g. `shipkit init-client acme --dir ../acme-shop`.',
      );
    const dir = resolve(context.cwd, options.dir);
    if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
      throw new OptionError(
        'dir',
        `names ${options.dir}, which is not a folder: clone the client's repository first.`,
      );
    }
    const suite = suiteFromPackageJson(SUITE_PACKAGE, options['suite-repo']);
    const { provision, 'seed-from': seedFrom, 'admin-uri': adminUri, 'github-repo': githubRepo } = options;
    if (seedFrom && !provision) throw new OptionError('seed-from', say`needs ${ref('provision')}.`);
    const atlas = atlasTarget(options, context);
    if (atlas && !provision) {
      throw OptionError.saying(
        say`${ref('atlas-project')} and ${ref('atlas-cluster')} go with ${ref('provision')}.`,
      );
    }
    if (provision && !adminUri && !atlas) {
      throw new OptionError(
        'provision',
        say`needs an admin connection string: ${ref('admin-uri')}, or on Atlas ${ref('atlas-project')} and ${ref('atlas-cluster')} with Atlas credentials in the environment.`,
      );
    }
    const connectTimeout = options['connect-timeout'];
    const connectMongo = (uri: string) =>
      connect(uri, {
        appName: 'shipkit-init-client',
        ...(connectTimeout === undefined ? {} : { timeoutMs: connectTimeout }),
      });
    const token = options['github-token'];
    if (githubRepo && !token) {
      throw new OptionError(
        'github-repo',
        say`needs ${ref('github-token')}: a token with Secrets, Variables and Administration write access.`,
      );
    }
    const seedIdentity = options['seed-identity'] ?? options['decrypt-identity'];
    const result = await initClient(
      {
        client,
        ...(options.db ? { database: options.db } : {}),
        suite,
        templates: await suiteTemplates(),
        force: options.force,
        dryRun: options['dry-run'],
        envFile: options['env-file'],
        ...(provision && atlas
          ? { provision: { atlas: atlas.target, ...(seedFrom ? { seedFrom } : {}) } }
          : provision && adminUri
            ? { provision: { adminUri, ...(seedFrom ? { seedFrom } : {}) } }
            : {}),
        ...(githubRepo && token
          ? {
              github: {
                repository: parseRepository(githubRepo, '--github-repo'),
                token,
                apiUrl: options['github-api-url'],
              },
            }
          : {}),
      },
      {
        store: directoryStore(dir),
        logger: context.logger,
        now: () => new Date(),
        connectMongo,
        ...(seedFrom ? { seeder: await loadSeeder(context.env, seedIdentity, connectMongo) } : {}),
        ...(atlas ? { atlas: await atlas.client() } : {}),
        onSecret: (value) => context.redactor.add(value),
      },
    );
    if (context.json) context.stdout(`${JSON.stringify(result, null, 2)}\n`);
    else printResult(result, dir, context);
    return EXIT.ok;
  },
});
