import {
  BACKUP_OPTIONS,
  type BackupResult,
  backupOptions,
  describeAnomaly,
  runBackup,
} from '@shipkit/backup';
import { backupEvent, failedEvent, NOTIFY_ROWS } from '@shipkit/notify';
import { KEEP_ROWS } from '@shipkit/retention';
import { EXIT, formatBytes, formatCount, formatDuration } from '@shipkit/runtime';
import { type CommandContext, command } from '../command';
import { reporting } from '../notify';
import { textTable } from '../text';

export const backup = command({
  name: 'backup',
  usage: '--uri <mongodb-uri> --to <url> [options]',
  options: { ...BACKUP_OPTIONS, ...KEEP_ROWS, ...NOTIFY_ROWS },
  details: `
Secrets are best passed through the environment (MONGODB_URI) so they stay out of shell history.
Retention is spelled as in prune: --retention daily=7,weekly=4 or --keep-daily 7 --keep-weekly 4.

Ctrl-C (SIGINT) or SIGTERM stops the backup: the upload is aborted and no manifest is written. A
second signal exits at once. When --timeout passes, every request still waiting is aborted, the error
names what did not answer, and the command ends within seconds whatever the servers do.

The anomaly guard compares each backup with the previous one of the same selection: a namespace
gone, or more than --anomaly-drop percent of the documents gone, is an anomaly. The backup is
kept and records it, the command exits 3 naming each namespace, and until the anomaly is
acknowledged (\`shipkit ack-anomaly --at <url> <backup-id>\`; or --accept-anomaly when taking a
backup right after an intended mass deletion) retention keeps the newest backup from before it.

--notify and --heartbeat tell the outcome to Slack, Teams, a webhook of your own, and a
dead-man's switch; one that cannot be reached is a warning, never a failed backup.`,
  async run({ options }, context) {
    const started = Date.now();
    return reporting(
      options,
      context,
      (error) =>
        failedEvent('backup.failed', error, new Date(), {
          destination: options.destination,
          durationMs: Date.now() - started,
        }),
      async () => {
        const result = await runBackup(backupOptions(options, context.env), {
          logger: context.logger,
          signal: context.signal,
        });
        const { manifest } = result;
        const event = backupEvent(
          {
            backupId: result.backupId,
            destination: options.destination,
            documents: manifest.totals.documents,
            namespaces: manifest.totals.namespaces,
            bytes: manifest.archive.size,
            durationMs: result.durationMs,
            ...(result.anomaly ? { anomaly: result.anomaly } : {}),
          },
          new Date(),
        );
        return { code: printBackup(result, context), event };
      },
    );
  },
});

/** Prints what the backup stored and returns the exit code: 3 for an anomaly nobody accepted. */
function printBackup(result: BackupResult, context: CommandContext): number {
  const { manifest, anomaly } = result;
  const code = anomaly && !anomaly.acceptedAt ? EXIT.anomaly : EXIT.ok;
  if (code === EXIT.anomaly && anomaly) {
    context.logger.error(
      `anomaly: backup ${result.backupId} was committed, but the data collapsed: ${describeAnomaly(anomaly)}. ` +
        'Retention keeps the backup from before it until you acknowledge it with ' +
        `\`shipkit ack-anomaly --at <url> ${result.backupId}\` if the deletion was intended.`,
    );
  }
  if (context.json) {
    context.stdout(
      `${JSON.stringify({ ...result, manifest: undefined, ...manifestSummary(result) }, null, 2)}\n`,
    );
    return code;
  }
  context.stdout(
    textTable(
      ['namespace', 'type', 'documents', 'bytes'],
      manifest.namespaces.map((ns) => [
        `${ns.db}.${ns.collection}`,
        ns.type,
        formatCount(ns.count),
        formatBytes(ns.bytes),
      ]),
      [2, 3],
    ),
  );
  context.stdout(
    `\nbackup ${result.backupId}: ${formatCount(manifest.totals.documents)} documents in ` +
      `${manifest.totals.namespaces} namespaces, ${formatBytes(manifest.archive.size)} stored ` +
      `(${manifest.archive.compression}${manifest.archive.recipients.length ? ', encrypted' : ''}) in ` +
      `${formatDuration(result.durationMs)}\nmanifest: ${result.manifestUrl}\n`,
  );
  if (result.prune) {
    context.stdout(
      `retention: kept ${result.prune.kept.length}, removed ${result.prune.removed.length}` +
        `${result.prune.retainedByLock.length ? `, retained by lock ${result.prune.retainedByLock.length}` : ''}` +
        `${result.prune.damaged.length ? `, damaged (kept) ${result.prune.damaged.length}` : ''}\n`,
    );
  }
  if (anomaly) {
    context.stdout(`${anomaly.acceptedAt ? 'anomaly (accepted)' : 'ANOMALY'}: ${describeAnomaly(anomaly)}\n`);
  }
  return code;
}

function manifestSummary(result: Awaited<ReturnType<typeof runBackup>>) {
  const { manifest } = result;
  return {
    bytes: manifest.archive.size,
    documents: manifest.totals.documents,
    collections: manifest.totals.namespaces,
    durationSeconds: Math.round(result.durationMs / 1000),
    namespaces: manifest.namespaces.map((ns) => ({
      namespace: `${ns.db}.${ns.collection}`,
      type: ns.type,
      count: ns.count,
      bytes: ns.bytes,
      contentHash: ns.contentHash,
    })),
  };
}
