import { actionLogger, secrets, setOutputs, writeSummary } from '@shipkit/action-kit';
import { describeAnomaly, TOOL } from '@shipkit/backup';
import { backupEvent, deliveriesMarkdown, failedEvent, Notifier, reportRun } from '@shipkit/notify';
import { UserError } from '@shipkit/runtime';
import { readBackupInputs } from './inputs';
import { backupSummary } from './summary';

/** `signal` fires when the job is cancelled: the upload is aborted and no manifest is written. */
export async function main(signal: AbortSignal): Promise<void> {
  const { options, notify } = readBackupInputs();
  const notifier = new Notifier(notify, { tool: TOOL, redact: (text) => secrets.redact(text) });
  const started = Date.now();
  const { value: result, deliveries } = await reportRun(
    notifier,
    actionLogger,
    (error) =>
      failedEvent('backup.failed', error, new Date(), {
        destination: options.destination,
        durationMs: Date.now() - started,
      }),
    async () => {
      // The engine (driver, archive writer, storage) is a chunk of its own, loaded once the inputs
      // are known good: a step with a wrong input fails without compiling it.
      const { runBackup } = await import('@shipkit/backup');
      const backup = await runBackup(options, { logger: actionLogger, signal });
      const { manifest } = backup;
      const event = backupEvent(
        {
          backupId: backup.backupId,
          destination: options.destination,
          documents: manifest.totals.documents,
          namespaces: manifest.totals.namespaces,
          bytes: manifest.archive.size,
          durationMs: backup.durationMs,
          ...(backup.anomaly ? { anomaly: backup.anomaly } : {}),
        },
        new Date(),
      );
      return { value: backup, event };
    },
  );
  const { manifest, anomaly } = result;
  const open = anomaly !== undefined && !anomaly.acceptedAt;
  setOutputs({
    'backup-id': result.backupId,
    'backup-url': result.backupUrl,
    'manifest-url': result.manifestUrl,
    bytes: manifest.archive.size,
    documents: manifest.totals.documents,
    collections: manifest.totals.namespaces,
    'duration-seconds': Math.round(result.durationMs / 1000),
    anomaly: open,
  });
  await writeSummary(backupSummary(result, deliveriesMarkdown(deliveries)));
  if (open) {
    // The backup is committed; the step fails so that nobody misses it.
    throw new UserError(
      `Anomaly: backup ${result.backupId} was committed, but the data collapsed: ${describeAnomaly(anomaly)}. ` +
        'Retention keeps the backup from before it until the anomaly is acknowledged ' +
        `(\`shipkit ack-anomaly --at <destination> ${result.backupId}\`), if the deletion was intended.`,
    );
  }
}
