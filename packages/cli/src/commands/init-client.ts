import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseDuration, UserError } from '@shipkit/runtime';
import {
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
import { booleanOption, type Command, type CommandContext, stringOption } from '../command';
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

export const initClientCommand: Command = {
  name: 'init-client',
  usage: '<name> --dir <path> [--provision --admin-uri <uri>] [--github-repo owner/name] [options]',
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

Environment: ADMIN_MONGODB_URI, GITHUB_TOKEN, GITHUB_API_URL (default ${DEFAULT_GITHUB_API_URL}).`,

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
    if (provisionWanted && !adminUri) {
      throw new UserError(
        '--provision needs an admin connection string: --admin-uri <uri> or ADMIN_MONGODB_URI.',
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
        ...(provisionWanted && adminUri
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
        onSecret: (value) => context.redactor.add(value),
      },
    );
    if (context.json) context.stdout(`${JSON.stringify(result, null, 2)}\n`);
    else printResult(result, dir, context);
    return 0;
  },
};
