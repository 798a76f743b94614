import { Deadline, formatBytes, formatCount, type Inputs, UserError } from '@shipkit/runtime';
import {
  backupJson,
  type CatalogEntry,
  findBackup,
  inspectJson,
  isBackupId,
  listBackups,
  prune as pruneBackups,
  s3OptionsFromInputs,
  type VerificationSummary,
} from '@shipkit/backup';
import { describeRetention, RETENTION_RULES, type RetentionPolicy } from '@shipkit/retention';
import { openStorage, type Storage } from '@shipkit/storage';
import type { Command, CommandContext, ParsedArgs } from '../command';
import { optionInputs } from '../inputs';
import { textTable } from '../text';
import { S3_OPTIONS, STORAGE_ENV, timeoutOption } from './backup';

/** A command on the storage: its name in messages and how long it may take without `--timeout`. */
export interface StorageRun {
  run: string;
  defaultTimeoutMs: number;
}

/**
 * Runs `work` on the storage at `url` within `--timeout` and the user's Ctrl-C: every request is bound
 * to that deadline, so a store that stops answering fails the command, naming what did not answer.
 */
export async function onStorage<T>(
  url: string,
  inputs: Inputs,
  context: CommandContext,
  { run, defaultTimeoutMs }: StorageRun,
  work: (storage: Storage) => Promise<T>,
): Promise<T> {
  const deadline = new Deadline({
    run,
    timeoutMs: inputs.duration('timeout', defaultTimeoutMs),
    signal: context.signal,
  });
  const storage = openStorage(url, {
    s3: s3OptionsFromInputs(inputs, context.env as NodeJS.ProcessEnv),
    logger: context.logger,
    deadline,
  });
  try {
    return await deadline.bound(work(storage));
  } catch (error) {
    throw deadline.reason ?? error;
  } finally {
    deadline.dispose();
    await storage.close();
  }
}

function destinationInputs(args: ParsedArgs, context: CommandContext): Inputs {
  return optionInputs(args, context.env, {
    aliases: { at: 'destination' },
    envFallbacks: { destination: 'BACKUP_DESTINATION', ...STORAGE_ENV },
  });
}

/** The state as `list` shows it: alarms in capitals. */
function stateWord(entry: CatalogEntry): string {
  return entry.state === 'damaged' || entry.state === 'incomplete' ? entry.state.toUpperCase() : entry.state;
}

/** "full, 2026-11-25T03:20:11Z" */
function verificationWords(summary: VerificationSummary | undefined): string {
  return summary ? `${summary.mode}, ${summary.verifiedAt.replace(/\.\d+Z$/, 'Z')}` : '';
}

const LIST: StorageRun = { run: 'listing', defaultTimeoutMs: 10 * 60_000 };
const INSPECT: StorageRun = { run: 'inspection', defaultTimeoutMs: 10 * 60_000 };
const PRUNE: StorageRun = { run: 'prune', defaultTimeoutMs: 60 * 60_000 };

export const list: Command = {
  name: 'list',
  usage: '--at <url> [options]',
  options: {
    at: {
      type: 'string',
      value: '<url>',
      description: 's3://bucket/prefix or file:///path (env BACKUP_DESTINATION)',
    },
    ...timeoutOption('10m'),
    ...S3_OPTIONS,
  },
  details: `
States: verified (complete, and a verification record proves every namespace passed against this
archive; the strongest and when is shown), complete (manifest valid, names its folder, archive present
at its size), DAMAGED (a manifest or verification record fails those checks: the reason is listed; never
counted, never chosen by --latest, never pruned unless asked) and INCOMPLETE (no manifest: a run that
failed or is still running). --json prints docs/schema/backup-list.schema.json.`,
  async run(args, context) {
    const inputs = destinationInputs(args, context);
    return onStorage(inputs.required('destination'), inputs, context, LIST, async (storage) => {
      const entries = await listBackups(storage);
      if (context.json) {
        const backups = entries.map(backupJson);
        context.stdout(`${JSON.stringify({ location: storage.describe(), backups }, null, 2)}\n`);
        return 0;
      }
      if (entries.length === 0) {
        context.stdout(`no backups at ${storage.describe()}\n`);
        return 0;
      }
      context.stdout(
        textTable(
          ['backup', 'state', 'verification', 'stored', 'namespaces', 'documents', 'compression'],
          entries.map((entry) => {
            const manifest = entry.manifest;
            return [
              entry.id,
              stateWord(entry),
              verificationWords(entry.verification),
              formatBytes(entry.bytes),
              manifest?.totals.namespaces ?? '',
              manifest ? formatCount(manifest.totals.documents) : '',
              manifest
                ? `${manifest.archive.compression}${manifest.archive.recipients.length > 0 ? '+age' : ''}`
                : '',
            ];
          }),
          [3, 4, 5],
        ),
      );
      const damaged = entries.filter((entry) => entry.state === 'damaged');
      for (const entry of damaged) context.stdout(`\nDAMAGED ${entry.id}:\n${bullets(entry.damage)}`);
      if (damaged.length > 0) {
        context.stdout(
          '\nA damaged backup is an alarm: find out what changed it (`shipkit verify` names every problem). ' +
            'prune keeps it unless given --delete-damaged.\n',
        );
      }
      return 0;
    });
  },
};

function bullets(lines: string[]): string {
  return lines.map((line) => `  - ${line}\n`).join('');
}

/** `<prefix-url>/<backup-id>/…` → the prefix and the id. */
export function splitBackupUrl(url: string): { prefix: string; id: string } {
  const parts = url.replace(/\/+$/, '').split('/');
  const idIndex = parts.findLastIndex((part) => isBackupId(part));
  if (idIndex < 0) {
    throw new UserError(
      `'${url}' does not name a backup: expected <destination>/<backup-id>, e.g. s3://bucket/shop/2026-11-25T030000Z-1a2b3c.`,
    );
  }
  return { prefix: parts.slice(0, idIndex).join('/'), id: parts[idIndex] as string };
}

export const inspect: Command = {
  name: 'inspect',
  usage: '<backup-url> [options]',
  options: { ...timeoutOption('10m'), ...S3_OPTIONS },
  async run(args, context) {
    const url = args.positionals[0];
    if (!url)
      throw new UserError(
        'inspect needs the URL of a backup, e.g. s3://bucket/shop/2026-11-25T030000Z-1a2b3c.',
      );
    const { prefix, id } = splitBackupUrl(url);
    const inputs = optionInputs(args, context.env, { envFallbacks: STORAGE_ENV });
    return onStorage(prefix, inputs, context, INSPECT, async (storage) => {
      const entry = await findBackup(storage, id);
      if (!entry) throw new UserError(`Backup ${id} does not exist at ${storage.describe('')}.`);
      if (context.json) {
        context.stdout(`${JSON.stringify(inspectJson(entry), null, 2)}\n`);
        return 0;
      }
      const lines = [`backup      ${id}`, `state       ${stateWord(entry)}`];
      if (entry.damage.length > 0) lines.push(`damage\n${bullets(entry.damage).trimEnd()}`);
      if (entry.state === 'incomplete') {
        lines.push('            no manifest: the run that wrote it failed or is still running');
      }
      const records = entry.verifications.map(
        (v) =>
          `            ${v === entry.verification ? '* ' : '  '}${v.name}: ${v.mode} (${v.scope}) ` +
          `at ${v.verifiedAt}, ${v.namespaces} namespace(s), ${formatCount(v.documents)} document(s)` +
          (v.note ? ` — not counted: ${v.note}` : ''),
      );
      lines.push(
        `verified    ${entry.verification ? verificationWords(entry.verification) : 'never (no record covers the whole backup)'}`,
        ...records,
      );
      const manifest = entry.manifest;
      if (!manifest) {
        context.stdout(`${lines.join('\n')}\n`);
        return 0;
      }
      const a = manifest.archive;
      lines.push(
        `taken       ${manifest.startedAt} → ${manifest.finishedAt} by ${manifest.tool.name} ${manifest.tool.version}`,
        `source      MongoDB ${manifest.source.serverVersion} (${manifest.source.topology}${manifest.source.flavor ? `, ${manifest.source.flavor}` : ''}); databases ${manifest.source.databases.join(', ')}`,
        `archive     ${a.key}: ${formatBytes(a.size)}, ${a.compression}${a.recipients.length ? `, age to ${a.recipients.length} recipient(s)` : ''}`,
        `sha256      ${a.sha256}`,
        '',
      );
      context.stdout(`${lines.join('\n')}\n`);
      context.stdout(
        textTable(
          ['namespace', 'type', 'documents', 'bytes', 'indexes', 'crc', 'content hash'],
          manifest.namespaces.map((ns) => [
            `${ns.db}.${ns.collection}`,
            ns.type,
            formatCount(ns.count),
            formatBytes(ns.bytes),
            ns.indexes.length,
            ns.crc,
            ns.contentHash,
          ]),
          [2, 3, 4],
        ),
      );
      return 0;
    });
  },
};

export const prune: Command = {
  name: 'prune',
  usage: '--at <url> [--keep-daily N …] [--dry-run] [options]',
  options: {
    at: {
      type: 'string',
      value: '<url>',
      description: 's3://bucket/prefix or file:///path (env BACKUP_DESTINATION)',
    },
    ...Object.fromEntries(
      RETENTION_RULES.map((rule) => [
        `keep-${rule}`,
        {
          type: 'string' as const,
          value: '<n>',
          description: `keep the newest backup of the last n ${rule === 'last' ? 'backups' : `${rule} periods`}`,
        },
      ]),
    ),
    'dry-run': { type: 'boolean', description: 'print what would be deleted, delete nothing' },
    'delete-damaged': {
      type: 'boolean',
      description: 'also delete the backups the catalogue finds damaged (each is reported with its reason)',
    },
    ...timeoutOption('1h'),
    ...S3_OPTIONS,
  },
  details: `
Whatever the rules say, the newest complete backup and the newest verified backup are kept. Damaged
backups (see \`shipkit list\`) are never counted by a rule and are kept and reported — an alarm, not
debris — unless --delete-damaged is given. Incomplete folders (no manifest) older than 24 hours are
swept. A backup is deleted manifest first.`,
  async run(args, context) {
    const policy: Record<string, number> = {};
    for (const rule of RETENTION_RULES) {
      const raw = args.options[`keep-${rule}`];
      if (typeof raw !== 'string') continue;
      if (!/^\d+$/.test(raw)) throw new UserError(`--keep-${rule} must be a whole number, got '${raw}'.`);
      policy[rule] = Number(raw);
    }
    if (Object.keys(policy).length === 0) {
      throw new UserError(
        `prune needs at least one rule: ${RETENTION_RULES.map((r) => `--keep-${r} N`).join(', ')}.`,
      );
    }
    const inputs = destinationInputs(args, context);
    return onStorage(inputs.required('destination'), inputs, context, PRUNE, async (storage) => {
      const result = await pruneBackups(storage, {
        policy: policy as RetentionPolicy,
        now: new Date(),
        logger: context.logger,
        dryRun: args.options['dry-run'] === true,
        deleteDamaged: args.options['delete-damaged'] === true,
      });
      if (context.json) {
        context.stdout(`${JSON.stringify({ policy, ...result }, null, 2)}\n`);
        return 0;
      }
      const verb = result.dryRun ? 'would remove' : 'removed';
      context.stdout(
        `policy: ${describeRetention(policy as RetentionPolicy)}; the newest complete and newest verified backups are always kept\n` +
          textTable(
            ['backup', 'decision', 'why'],
            [
              ...result.kept.map((k) => [k.id, 'keep', k.reasons.join('; ')]),
              ...result.removed.map((id) => [id, verb, 'outside every rule']),
              ...result.retainedByLock.map((id) => [
                id,
                'retained by lock',
                'Object Lock refused the delete',
              ]),
              ...result.swept.map((id) => [
                id,
                result.dryRun ? 'would sweep' : 'swept',
                'incomplete (no manifest)',
              ]),
              ...result.damaged.map((d) => [
                d.id,
                d.deleted
                  ? result.dryRun
                    ? 'would delete (damaged)'
                    : 'deleted (damaged)'
                  : 'keep (DAMAGED)',
                d.reason,
              ]),
            ],
          ),
      );
      return 0;
    });
  },
};
