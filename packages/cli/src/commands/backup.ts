import { EXIT, formatBytes, formatCount, formatDuration } from '@shipkit/runtime';
import { BACKUP_OPTIONS, backupOptions, runBackup } from '@shipkit/backup';
import { KEEP_ROWS } from '@shipkit/retention';
import { command } from '../command';
import { textTable } from '../text';

export const backup = command({
  name: 'backup',
  usage: '--uri <mongodb-uri> --to <url> [options]',
  options: { ...BACKUP_OPTIONS, ...KEEP_ROWS },
  details: `
Secrets are best passed through the environment (MONGODB_URI) so they stay out of shell history.
Retention is spelled as in prune: --retention daily=7,weekly=4 or --keep-daily 7 --keep-weekly 4.

Ctrl-C (SIGINT) or SIGTERM stops the backup: the upload is aborted and no manifest is written. A
second signal exits at once. When --timeout passes, every request still waiting is aborted, the error
names what did not answer, and the command ends within seconds whatever the servers do.`,
  async run({ options }, context) {
    const result = await runBackup(backupOptions(options, context.env), {
      logger: context.logger,
      signal: context.signal,
    });
    const { manifest } = result;
    if (context.json) {
      context.stdout(
        `${JSON.stringify({ ...result, manifest: undefined, ...manifestSummary(result) }, null, 2)}\n`,
      );
      return EXIT.ok;
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
    return EXIT.ok;
  },
});

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
