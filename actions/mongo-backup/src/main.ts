import { actionLogger, setOutputs, writeSummary } from '@shipkit/action-kit';
import { runBackup } from '@shipkit/backup';
import { readBackupInputs } from './inputs';
import { backupSummary } from './summary';

/** `signal` fires when the job is cancelled: the upload is aborted and no manifest is written. */
export async function main(signal: AbortSignal): Promise<void> {
  const options = readBackupInputs();
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
