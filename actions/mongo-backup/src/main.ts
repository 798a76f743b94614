import { actionLogger, secrets, setOutputs, writeSummary } from '@shipkit/action-kit';
import type { FinalizeOptions, PartOptions, PlanOptions } from '@shipkit/backup';
import { describeAnomaly, TOOL } from '@shipkit/backup';
import type { NotifyConfig } from '@shipkit/notify';
import { backupEvent, deliveriesMarkdown, failedEvent, Notifier, reportRun } from '@shipkit/notify';
import { UserError } from '@shipkit/runtime';
import { type BackupStep, readBackupInputs } from './inputs';
import { backupSummary, finalizeSummary, partSummary, planSummary } from './summary';

/** `signal` fires when the job is cancelled: the upload is aborted and no manifest is written. */
export async function main(signal: AbortSignal): Promise<void> {
  const { run, notify } = readBackupInputs();
  switch (run.step) {
    case 'backup':
      return backUp(run.options, notify, signal);
    case 'plan':
      return plan(run.options, signal);
    case 'part':
      return part(run.options, signal);
    case 'finalize':
      return finalize(run.options, notify, signal);
  }
}

/** The whole backup in this step. */
async function backUp(
  options: Extract<BackupStep, { step: 'backup' }>['options'],
  notify: NotifyConfig,
  signal: AbortSignal,
): Promise<void> {
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

/** A backup in parts, step 1: the plan; its outputs feed the part jobs' matrix. */
async function plan(options: PlanOptions, signal: AbortSignal): Promise<void> {
  const { runPlan } = await import('@shipkit/backup');
  const result = await runPlan(options, { logger: actionLogger, signal });
  setOutputs({
    'backup-id': result.backupId,
    'parts-matrix': JSON.stringify(result.matrix),
    parts: result.parts,
  });
  await writeSummary(planSummary(result));
}

/** Step 2, once per part (a matrix job each): the part's archive, then its record. */
async function part(options: PartOptions, signal: AbortSignal): Promise<void> {
  const { runPart } = await import('@shipkit/backup');
  const result = await runPart(options, { logger: actionLogger, signal });
  setOutputs({
    'backup-id': result.backupId,
    part: result.part,
    bytes: result.record.archive.size,
    documents: result.record.namespaces.reduce((sum, ns) => sum + ns.count, 0),
  });
  await writeSummary(partSummary(result));
}

/**
 * Step 3: every part checked, the manifest written last. The backup exists from here on, so this is
 * the step that reports it (notify, heartbeat), as a whole backup's step does.
 */
async function finalize(options: FinalizeOptions, notify: NotifyConfig, signal: AbortSignal): Promise<void> {
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
      const { runFinalize } = await import('@shipkit/backup');
      const finalized = await runFinalize(options, { logger: actionLogger, signal });
      const { manifest } = finalized;
      const durationMs = Date.parse(manifest.finishedAt) - Date.parse(manifest.startedAt);
      const event = backupEvent(
        {
          backupId: finalized.backupId,
          destination: options.destination,
          documents: manifest.totals.documents,
          namespaces: manifest.totals.namespaces,
          bytes: manifest.parts?.size ?? 0,
          durationMs,
        },
        new Date(),
      );
      return { value: finalized, event };
    },
  );
  const { manifest } = result;
  setOutputs({
    'backup-id': result.backupId,
    'backup-url': result.manifestUrl.replace(/manifest\.json$/, ''),
    'manifest-url': result.manifestUrl,
    bytes: manifest.parts?.size ?? 0,
    documents: manifest.totals.documents,
    collections: manifest.totals.namespaces,
    'duration-seconds': Math.round((Date.parse(manifest.finishedAt) - Date.parse(manifest.startedAt)) / 1000),
    anomaly: false,
  });
  await writeSummary(finalizeSummary(result, deliveriesMarkdown(deliveries)));
}
