import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseDuration, UserError } from '@shipkit/action-kit';
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
import { connect } from '@shipkit/mongo';
import type { Storage } from '@shipkit/storage';
import type { MongoClient } from 'mongodb';
import { booleanOption, type Command, type CommandContext, type ParsedArgs, stringOption } from '../command';
import { SUITE_PACKAGE, suiteTemplates } from '../suite';
import { CONNECT_OPTIONS } from './backup';

/**
 * Seeding restores a template backup, which pulls in storage, decryption and the restore engine: loaded
 * only when --seed-from asks for it.
 */
async function loadSeeder(
  env: CommandContext['env'],
  redact: (value: string | undefined) => void,
  connectMongo: (uri: string) => Promise<MongoClient>,
): Promise<Seeder> {
  const [{ backupSeeder }, { openStorage }] = await Promise.all([
    import('@shipkit/bootstrap/seed'),
    import('@shipkit/storage'),
  ]);
  const identity = env.SEED_AGE_IDENTITY || env.AGE_IDENTITY;
  redact(identity);
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

/**
 * The Atlas project and cluster of `--atlas-project`/`--atlas-cluster`, and a client of the Admin API with
 * the credentials of the environment, loaded only when asked for.
 */
function atlasTarget(
  args: ParsedArgs,
  context: CommandContext,
): { target: { projectId: string; cluster: string }; client: () => Promise<AtlasUsersApi> } | undefined {
  const projectId = stringOption(args, 'atlas-project');
  const cluster = stringOption(args, 'atlas-cluster');
  if (!projectId && !cluster) return undefined;
  if (!projectId || !cluster) throw new UserError('--atlas-project and --atlas-cluster go together.');
  if (!/^[a-f0-9]{24}$/.test(projectId)) {
    throw new UserError(
      `--atlas-project must be an Atlas project id: 24 hexadecimal digits (Project Settings → Project ID), got '${projectId}'.`,
    );
  }
  const { env } = context;
  const credentials =
    env.ATLAS_CLIENT_ID || env.ATLAS_CLIENT_SECRET
      ? env.ATLAS_CLIENT_ID && env.ATLAS_CLIENT_SECRET
        ? ({
            kind: 'service-account',
            clientId: env.ATLAS_CLIENT_ID,
            clientSecret: env.ATLAS_CLIENT_SECRET,
          } as const)
        : undefined
      : env.ATLAS_PUBLIC_KEY && env.ATLAS_PRIVATE_KEY
        ? ({ kind: 'api-key', publicKey: env.ATLAS_PUBLIC_KEY, privateKey: env.ATLAS_PRIVATE_KEY } as const)
        : undefined;
  context.redactor.add(env.ATLAS_CLIENT_SECRET);
  context.redactor.add(env.ATLAS_PRIVATE_KEY);
  if (!credentials) {
    throw new UserError(
      '--atlas-project needs Atlas credentials in the environment: ATLAS_CLIENT_ID and ATLAS_CLIENT_SECRET (a service account with the Project Database Access Admin role), or ATLAS_PUBLIC_KEY and ATLAS_PRIVATE_KEY.',
    );
  }
  return {
    target: { projectId, cluster },
    client: async () => {
      const { AtlasClient, realAtlasDeps } = await import('@shipkit/atlas');
      const deps = { ...realAtlasDeps(context.signal), logger: context.logger };
      return new AtlasClient(
        {
          credentials,
          ...(env.ATLAS_BASE_URL ? { baseUrl: env.ATLAS_BASE_URL } : {}),
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

export const initClientCommand: Command = {
  name: 'init-client',
  usage:
    '<name> --dir <path> [--provision (--admin-uri <uri> | --atlas-project <groupId> --atlas-cluster <name>)] [--github-repo owner/name] [options]',
  options: {
    dir: { type: 'string', value: '<path>', description: "the clone of the client's application repository" },
    db: { type: 'string', value: '<name>', description: "the client's database (default shop_<name>)" },
    'suite-repo': {
      type: 'string',
      value: '<owner/name>',
      description: 'the repository the workflows call (default: from package.json)',
    },
    force: {
      type: 'boolean',
      description: 'overwrite local edits of generated files; with --provision, reset unknown passwords',
    },
    'dry-run': {
      type: 'boolean',
      description: 'show what would change in the generated files; write nothing',
    },
    'env-file': {
      type: 'string',
      value: '<path>',
      description: 'local settings file in --dir (default .env)',
    },
    provision: {
      type: 'boolean',
      description: "create the client's database and its application and backup users",
    },
    'admin-uri': {
      type: 'string',
      value: '<uri>',
      description: 'admin connection string for --provision (default: ADMIN_MONGODB_URI)',
    },
    'atlas-project': {
      type: 'string',
      value: '<groupId>',
      description:
        'with --provision on Atlas: create the users through the Admin API in this project (ATLAS_CLIENT_ID and ATLAS_CLIENT_SECRET)',
    },
    'atlas-cluster': {
      type: 'string',
      value: '<name>',
      description: 'with --atlas-project: the cluster the users may connect to',
    },
    'seed-from': {
      type: 'string',
      value: '<backup-url>',
      description: "with --provision: restore a template backup into the client's database",
    },
    'github-repo': {
      type: 'string',
      value: '<owner/name>',
      description: 'set its Actions secrets and variables and the production environment (GITHUB_TOKEN)',
    },
    ...CONNECT_OPTIONS,
  },
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
an admin connection. The project and cluster go to the env file as ATLAS_PROJECT_ID and ATLAS_CLUSTER.

Environment: ADMIN_MONGODB_URI, ATLAS_CLIENT_ID, ATLAS_CLIENT_SECRET (or ATLAS_PUBLIC_KEY, ATLAS_PRIVATE_KEY),
ATLAS_BASE_URL, GITHUB_TOKEN, GITHUB_API_URL (default ${DEFAULT_GITHUB_API_URL}).`,

  async run(args, context) {
    const [client, ...extra] = args.positionals;
    if (!client || extra.length > 0)
      throw new UserError(
        'Give exactly one client name, e.g. `shipkit init-client acme --dir ../acme-shop`.',
      );
    const dirOption = stringOption(args, 'dir');
    if (!dirOption)
      throw new UserError("--dir is required: the clone of the client's application repository.");
    const dir = resolve(context.cwd, dirOption);
    if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
      throw new UserError(`--dir ${dirOption} is not a folder: clone the client's repository first.`);
    }

    const suite = suiteFromPackageJson(SUITE_PACKAGE, stringOption(args, 'suite-repo'));

    const adminUri = stringOption(args, 'admin-uri') ?? context.env.ADMIN_MONGODB_URI;
    context.redactor.add(adminUri);
    const provisionWanted = booleanOption(args, 'provision');
    const seedFrom = stringOption(args, 'seed-from');
    if (seedFrom && !provisionWanted) throw new UserError('--seed-from needs --provision.');
    const atlas = atlasTarget(args, context);
    if (atlas && !provisionWanted)
      throw new UserError('--atlas-project and --atlas-cluster go with --provision.');
    if (provisionWanted && !adminUri && !atlas) {
      throw new UserError(
        '--provision needs an admin connection string (--admin-uri <uri> or ADMIN_MONGODB_URI), or on Atlas --atlas-project and --atlas-cluster with ATLAS_CLIENT_ID and ATLAS_CLIENT_SECRET.',
      );
    }
    const connectTimeout = stringOption(args, 'connect-timeout');
    const connectMongo = (uri: string) =>
      connect(uri, {
        appName: 'shipkit-init-client',
        ...(connectTimeout ? { timeoutMs: parseDuration('--connect-timeout', connectTimeout) } : {}),
      });
    const githubRepo = stringOption(args, 'github-repo');
    const token = context.env.GITHUB_TOKEN;
    context.redactor.add(token);
    if (githubRepo && !token) {
      throw new UserError(
        '--github-repo needs GITHUB_TOKEN: a token with Secrets, Variables and Administration write access.',
      );
    }

    const result = await initClient(
      {
        client,
        ...(stringOption(args, 'db') ? { database: stringOption(args, 'db') as string } : {}),
        suite,
        templates: await suiteTemplates(),
        force: booleanOption(args, 'force'),
        dryRun: booleanOption(args, 'dry-run'),
        envFile: stringOption(args, 'env-file') ?? '.env',
        ...(provisionWanted && atlas
          ? { provision: { atlas: atlas.target, ...(seedFrom ? { seedFrom } : {}) } }
          : provisionWanted && adminUri
            ? { provision: { adminUri, ...(seedFrom ? { seedFrom } : {}) } }
            : {}),
        ...(githubRepo && token
          ? {
              github: {
                repository: parseRepository(githubRepo, '--github-repo'),
                token,
                apiUrl: context.env.GITHUB_API_URL || DEFAULT_GITHUB_API_URL,
              },
            }
          : {}),
      },
      {
        store: directoryStore(dir),
        logger: context.logger,
        now: () => new Date(),
        connectMongo,
        ...(seedFrom
          ? { seeder: await loadSeeder(context.env, (value) => context.redactor.add(value), connectMongo) }
          : {}),
        ...(atlas ? { atlas: await atlas.client() } : {}),
        onSecret: (value) => context.redactor.add(value),
      },
    );
    if (context.json) context.stdout(`${JSON.stringify(result, null, 2)}\n`);
    else printResult(result, dir, context);
    return 0;
  },
};
