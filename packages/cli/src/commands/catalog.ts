import { Deadline, formatBytes, formatCount, type Inputs, UserError } from '@shipkit/action-kit';
import {
  isBackupId,
  listBackups,
  prune as pruneBackups,
  readManifest,
  readVerification,
  s3OptionsFromInputs,
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
  async run(args, context) {
    const inputs = destinationInputs(args, context);
    return onStorage(inputs.required('destination'), inputs, context, LIST, async (storage) => {
      const entries = await listBackups(storage);
      const rows = [];
      for (const entry of entries) {
        const manifest = entry.complete ? await readManifest(storage, entry.id) : undefined;
        rows.push({
          id: entry.id,
          time: entry.time.toISOString(),
          complete: entry.complete,
          verified: entry.verified,
          bytes: entry.bytes,
          namespaces: manifest?.totals.namespaces,
          documents: manifest?.totals.documents,
          compression: manifest?.archive.compression,
          encrypted: manifest ? manifest.archive.recipients.length > 0 : undefined,
        });
      }
      if (context.json) {
        context.stdout(`${JSON.stringify({ location: storage.describe(), backups: rows }, null, 2)}\n`);
        return 0;
      }
      if (rows.length === 0) {
        context.stdout(`no backups at ${storage.describe()}\n`);
        return 0;
      }
      context.stdout(
        textTable(
          ['backup', 'state', 'stored', 'namespaces', 'documents', 'compression'],
          rows.map((r) => [
            r.id,
            !r.complete ? 'INCOMPLETE' : r.verified ? 'verified' : 'complete',
            formatBytes(r.bytes),
            r.namespaces ?? '',
            r.documents === undefined ? '' : formatCount(r.documents),
            r.compression ? `${r.compression}${r.encrypted ? '+age' : ''}` : '',
          ]),
          [2, 3, 4],
        ),
      );
      return 0;
    });
  },
};

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
      const manifest = await readManifest(storage, id);
      const verification = await readVerification(storage, id);
      if (context.json) {
        context.stdout(`${JSON.stringify({ manifest, verification: verification ?? null }, null, 2)}\n`);
        return 0;
      }
      const a = manifest.archive;
      context.stdout(
        [
          `backup      ${manifest.backupId}`,
          `taken       ${manifest.startedAt} → ${manifest.finishedAt} by ${manifest.tool.name} ${manifest.tool.version}`,
          `source      MongoDB ${manifest.source.serverVersion} (${manifest.source.topology}${manifest.source.flavor ? `, ${manifest.source.flavor}` : ''}); databases ${manifest.source.databases.join(', ')}`,
          `archive     ${a.key}: ${formatBytes(a.size)}, ${a.compression}${a.recipients.length ? `, age to ${a.recipients.length} recipient(s)` : ''}`,
          `sha256      ${a.sha256}`,
          `verified    ${verification ? `${verification.result} (${verification.mode}) at ${verification.verifiedAt}` : 'never'}`,
          '',
        ].join('\n'),
      );
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
    ...timeoutOption('1h'),
    ...S3_OPTIONS,
  },
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
      });
      if (context.json) {
        context.stdout(`${JSON.stringify({ policy, ...result }, null, 2)}\n`);
        return 0;
      }
      const verb = result.dryRun ? 'would remove' : 'removed';
      context.stdout(
        `policy: ${describeRetention(policy as RetentionPolicy)}\n` +
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
            ],
          ),
      );
      return 0;
    });
  },
};
