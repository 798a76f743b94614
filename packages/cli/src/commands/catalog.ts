import {
  acknowledgeAnomaly,
  archiveDigest,
  archiveEncoding,
  backupJson,
  type CatalogEntry,
  DESTINATION,
  describeAnomaly,
  findBackup,
  inspectJson,
  isBackupId,
  listBackups,
  prune as pruneBackups,
  resolveBackup,
  type VerificationSummary,
} from '@shipkit/backup';
import { describeRetention, RETENTION_ROWS, RETENTION_RULES, retentionPolicy } from '@shipkit/retention';
import {
  booleanRow,
  Deadline,
  EXIT,
  formatBytes,
  formatCount,
  OptionError,
  say,
  textRow,
  timeoutRow,
  UserError,
  type Values,
} from '@shipkit/runtime';
import { openStorage, S3_ROWS, type Storage, s3Options } from '@shipkit/storage';
import { FROM_ROWS, locationFrom } from '@shipkit/verify';
import { type CommandContext, command } from '../command';
import { textTable } from '../text';

/** Where the backups a command looks at are: `--at`, or BACKUP_DESTINATION. */
export const AT = {
  ...DESTINATION,
  description: 'Where the backups are: s3://bucket/prefix or file:///path.',
  flag: 'at',
};

/** A command on the storage: its name in messages. */
export interface StorageRun {
  run: string;
}

/**
 * Runs `work` on the storage at `url` within `timeoutMs` and the user's Ctrl-C: every request is
 * bound to that deadline, so a store that stops answering fails the command, naming what did not answer.
 */
export async function onStorage<T>(
  url: string,
  options: Values<typeof S3_ROWS> & { timeout: number },
  context: CommandContext,
  { run }: StorageRun,
  work: (storage: Storage) => Promise<T>,
): Promise<T> {
  const deadline = new Deadline({ run, timeoutMs: options.timeout, signal: context.signal });
  const storage = openStorage(url, { s3: s3Options(options, context.env), logger: context.logger, deadline });
  try {
    return await deadline.bound(work(storage));
  } catch (error) {
    throw deadline.reason ?? error;
  } finally {
    deadline.dispose();
    await storage.close();
  }
}

/** The state as `list` shows it: alarms in capitals; an anomaly after it. */
function stateWord(entry: CatalogEntry): string {
  const state =
    entry.state === 'damaged' || entry.state === 'incomplete' ? entry.state.toUpperCase() : entry.state;
  if (!entry.anomaly) return state;
  return `${state}, ${entry.openAnomaly ? 'ANOMALY' : 'anomaly (acknowledged)'}`;
}

/** What `list` and `inspect` say of an anomaly. */
function anomalyLines(entry: CatalogEntry): string {
  if (!entry.anomaly) return '';
  const status = entry.openAnomaly
    ? `open: retention keeps the backup from before it until \`shipkit ack-anomaly --at <url> ${entry.id}\``
    : `acknowledged ${entry.anomalyAcknowledgedAt}`;
  return `${describeAnomaly(entry.anomaly)}; ${status}`;
}

/** "full, 2026-11-25T03:20:11Z" */
function verificationWords(summary: VerificationSummary | undefined): string {
  return summary ? `${summary.mode}, ${summary.verifiedAt.replace(/\.\d+Z$/, 'Z')}` : '';
}

/** The bound on a command that only reads or tidies the storage. */
function storageTimeout<const D extends string>(defaultText: D) {
  return timeoutRow(
    defaultText,
    'Fail after this long, e.g. 90s or 10m, waiting on the network included; the error names what did not answer.',
  );
}

export const list = command({
  name: 'list',
  usage: '--at <url> [options]',
  options: { at: AT, timeout: storageTimeout('10m'), ...S3_ROWS },
  details: `
States: verified (complete, and a verification record proves every namespace passed against this
archive; the strongest and when is shown), complete (manifest valid, names its folder, archive present
at its size), DAMAGED (a manifest or verification record fails those checks: the reason is listed; never
counted, never chosen by --latest, never pruned unless asked) and INCOMPLETE (no manifest: a run that
failed or is still running). --json prints docs/schema/backup-list.schema.json.`,
  async run({ options }, context) {
    return onStorage(options.at, options, context, { run: 'listing' }, async (storage) => {
      const entries = await listBackups(storage);
      if (context.json) {
        const backups = entries.map(backupJson);
        context.stdout(`${JSON.stringify({ location: storage.describe(), backups }, null, 2)}\n`);
        return EXIT.ok;
      }
      if (entries.length === 0) {
        context.stdout(`no backups at ${storage.describe()}\n`);
        return EXIT.ok;
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
                ? `${archiveEncoding(manifest).compression}${archiveEncoding(manifest).recipients.length > 0 ? '+age' : ''}`
                : '',
            ];
          }),
          [3, 4, 5],
        ),
      );
      for (const entry of entries.filter((e) => e.openAnomaly)) {
        context.stdout(`\nANOMALY ${entry.id}: ${anomalyLines(entry)}\n`);
      }
      const damaged = entries.filter((entry) => entry.state === 'damaged');
      for (const entry of damaged) context.stdout(`\nDAMAGED ${entry.id}:\n${bullets(entry.damage)}`);
      if (damaged.length > 0) {
        context.stdout(
          '\nA damaged backup is an alarm: find out what changed it (`shipkit verify` names every problem). ' +
            'prune keeps it unless given --delete-damaged.\n',
        );
      }
      return EXIT.ok;
    });
  },
});

function bullets(lines: string[]): string {
  return lines.map((line) => `  - ${line}\n`).join('');
}

/** `<prefix-url>/<backup-id>/…` → the prefix and the id. */
export function splitBackupUrl(url: string): { prefix: string; id: string } {
  const parts = url.replace(/\/+$/, '').split('/');
  const idIndex = parts.findLastIndex((part) => isBackupId(part));
  if (idIndex < 0) {
    throw new OptionError(
      'from',
      say`'${url}' does not name a backup: expected <destination>/<backup-id>, e.g. s3://bucket/shop/2026-11-25T030000Z-1a2b3c.`,
    );
  }
  return { prefix: parts.slice(0, idIndex).join('/'), id: parts[idIndex] as string };
}

/** The prefix and which backup under it (`latest`, or an id) that --from, --latest or a URL name. */
function inspected(
  options: Values<typeof INSPECT_OPTIONS>,
  positional: string | undefined,
  env: CommandContext['env'],
): { prefix: string; ref: string } {
  const from = positional ?? options.from;
  if (!from) throw new OptionError('from', 'is required: the URL of a backup, or a prefix with --latest.');
  const location = locationFrom(from, options.latest, env);
  if (location.source) return { prefix: location.source, ref: location.backup };
  const { prefix, id } = splitBackupUrl(location.backup);
  return { prefix, ref: id };
}

const INSPECT_OPTIONS = {
  ...FROM_ROWS,
  from: { ...FROM_ROWS.from, required: false as const },
  timeout: storageTimeout('10m'),
  ...S3_ROWS,
};

export const inspect = command({
  name: 'inspect',
  usage: '--from <backup-url | prefix --latest | backup-id> [options]   (or inspect <backup-url>)',
  positionals: '[<backup-url>]',
  options: INSPECT_OPTIONS,
  async run({ options, positionals }, context) {
    if (positionals.length > 1) throw new OptionError('from', 'takes one backup, got several.');
    const { prefix, ref } = inspected(options, positionals[0], context.env);
    return onStorage(prefix, options, context, { run: 'inspection' }, async (storage) => {
      const entry =
        ref === 'latest' || ref === 'latest-verified'
          ? (await resolveBackup(storage, ref)).entry
          : await findBackup(storage, ref);
      if (!entry) throw new UserError(`Backup ${ref} does not exist at ${storage.describe('')}.`);
      const id = entry.id;
      if (context.json) {
        context.stdout(`${JSON.stringify(inspectJson(entry), null, 2)}\n`);
        return EXIT.ok;
      }
      const lines = [`backup      ${id}`, `state       ${stateWord(entry)}`];
      if (entry.damage.length > 0) lines.push(`damage\n${bullets(entry.damage).trimEnd()}`);
      if (entry.state === 'incomplete') {
        lines.push('            no manifest: the run that wrote it failed or is still running');
      }
      if (entry.anomaly) lines.push(`anomaly     ${anomalyLines(entry)}`);
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
        return EXIT.ok;
      }
      const a = archiveEncoding(manifest);
      const encoding = `${a.compression}${a.recipients.length ? `, age to ${a.recipients.length} recipient(s)` : ''}`;
      lines.push(
        `taken       ${manifest.startedAt} → ${manifest.finishedAt} by ${manifest.tool.name} ${manifest.tool.version}`,
        `source      MongoDB ${manifest.source.serverVersion} (${manifest.source.topology}${manifest.source.flavor ? `, ${manifest.source.flavor}` : ''}); databases ${manifest.source.databases.join(', ')}`,
        ...(manifest.parts
          ? [
              `archive     ${manifest.parts.archives.length} parts: ${formatBytes(a.size)}, ${encoding}; planned ${manifest.parts.plannedAt}`,
              ...manifest.parts.archives.map(
                (p) =>
                  `  part ${String(p.part).padStart(3)}  ${p.key}: ${formatBytes(p.size)}, read ${p.startedAt} → ${p.finishedAt}, sha256 ${p.sha256}`,
              ),
            ]
          : [`archive     ${manifest.archive?.key}: ${formatBytes(a.size)}, ${encoding}`]),
        `sha256      ${archiveDigest(manifest)}${manifest.parts ? " (of the parts' digests)" : ''}`,
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
      return EXIT.ok;
    });
  },
});

export const prune = command({
  name: 'prune',
  usage: '--at <url> (--retention <rules> | --keep-daily N …) [--dry-run] [options]',
  options: {
    at: AT,
    ...RETENTION_ROWS,
    'dry-run': booleanRow({
      description: 'Print what would be deleted, and delete nothing.',
      default: 'false',
    }),
    'delete-damaged': booleanRow({
      description: 'Also delete the backups the catalogue finds damaged (each is reported with its reason).',
      default: 'false',
    }),
    timeout: storageTimeout('1h'),
    ...S3_ROWS,
  },
  details: `
Whatever the rules say, the newest complete backup and the newest verified backup are kept, and so
is the newest backup from before each anomaly nobody acknowledged (see \`shipkit ack-anomaly\`). Damaged
backups (see \`shipkit list\`) are never counted by a rule and are kept and reported — an alarm, not
debris — unless --delete-damaged is given. Incomplete folders (no manifest) older than 24 hours are
swept. A backup is deleted manifest first.`,
  async run({ options }, context) {
    const policy = retentionPolicy(options);
    if (!policy) {
      throw new OptionError(
        'retention',
        `or one of ${RETENTION_RULES.map((r) => `--keep-${r}`).join(', ')} is required: prune needs a rule to apply.`,
      );
    }
    return onStorage(options.at, options, context, { run: 'prune' }, async (storage) => {
      const result = await pruneBackups(storage, {
        policy,
        now: new Date(),
        logger: context.logger,
        dryRun: options['dry-run'],
        deleteDamaged: options['delete-damaged'],
      });
      if (context.json) {
        context.stdout(`${JSON.stringify({ policy, ...result }, null, 2)}\n`);
        return EXIT.ok;
      }
      const verb = result.dryRun ? 'would remove' : 'removed';
      context.stdout(
        `policy: ${describeRetention(policy)}; the newest complete and newest verified backups are always kept\n` +
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
      return EXIT.ok;
    });
  },
});

export const ackAnomaly = command({
  name: 'ack-anomaly',
  usage: '--at <url> <backup-id> [--note <text>]',
  positionals: '<backup-id>',
  options: {
    at: AT,
    note: textRow({
      description: 'Why the collapse was intended, kept in the acknowledgement, e.g. "purged 2024 orders".',
      placeholder: '<text>',
    }),
    timeout: storageTimeout('10m'),
    ...S3_ROWS,
  },
  details: `
A backup whose data collapsed (a namespace gone, or more documents gone than --anomaly-drop allows)
is kept but marked as an anomaly, and retention keeps the newest backup from before it. When the
deletion was intended, acknowledge it: <backup-id>/anomaly-ack.json is written next to the manifest
(naming its SHA-256), and retention follows its rules again.

Example:
  shipkit ack-anomaly --at s3://acme-backups/shop 2026-11-25T030000Z-1a2b3c --note "purged 2024 orders"`,
  async run({ options, positionals }, context) {
    const [id, ...more] = positionals;
    if (!id || more.length > 0) {
      throw new UserError('shipkit ack-anomaly takes one backup id, e.g. 2026-11-25T030000Z-1a2b3c.');
    }
    if (!isBackupId(id)) throw new UserError(`'${id}' is not a backup id (e.g. 2026-11-25T030000Z-1a2b3c).`);
    return onStorage(options.at, options, context, { run: 'acknowledgement' }, async (storage) => {
      const result = await acknowledgeAnomaly(storage, id, {
        now: new Date(),
        ...(options.note ? { note: options.note } : {}),
      });
      if (context.json) context.stdout(`${JSON.stringify(result, null, 2)}\n`);
      else {
        context.stdout(
          `${result.already ? 'already acknowledged' : 'acknowledged'} ${id} (${result.acknowledgedAt}): ` +
            `${describeAnomaly(result.anomaly)}\nretention follows its rules again for the backups before it\n`,
        );
      }
      return EXIT.ok;
    });
  },
});
