import { actionLogger, setOutputs, writeSummary } from '@shipkit/action-kit/action';
import { readBackupInputs } from './inputs';
import { backupSummary } from './summary';

/** `signal` fires when the job is cancelled: the upload is aborted and no manifest is written. */
export async function main(signal: AbortSignal): Promise<void> {
  const options = readBackupInputs();
  // The engine (driver, archive writer, storage) is a chunk of its own, loaded once the inputs are
  // known good: a step with a wrong input fails without compiling it.
  const { runBackup } = await import('@shipkit/backup');
  const result = await runBackup(options, { logger: actionLogger, signal });
  const { manifest } = result;
  setOutputs({
    'backup-id': result.backupId,
    'backup-url': result.backupUrl,
    'manifest-url': result.manifestUrl,
    bytes: manifest.archive.size,
    documents: manifest.totals.documents,
    collections: manifest.totals.namespaces,
    'duration-seconds': Math.round(result.durationMs / 1000),
  });
  await writeSummary(backupSummary(result));
}
