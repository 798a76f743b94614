import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { actionLogger, maskSecret, readInputs, secrets, setOutputs, writeSummary } from '@shipkit/action-kit';
import { TOOL } from '@shipkit/backup';
import {
  checkEvent,
  deliveriesMarkdown,
  failedEvent,
  Notifier,
  notifyConfig,
  reportRun,
} from '@shipkit/notify';
import { OptionError } from '@shipkit/runtime';
import { reportFacts, type VerificationReport } from '@shipkit/verify';
import { VERIFY_RESTORE_INPUTS, verifyRestoreOptions } from './inputs';
import { confirmationSummary, reportSummary } from './summary';

/** `signal` fires when the job is cancelled: the run stops, and the process ends, within seconds. */
export async function main(signal: AbortSignal): Promise<void> {
  const values = readInputs(VERIFY_RESTORE_INPUTS);
  const run = verifyRestoreOptions(values);
  const notifier = new Notifier(notifyConfig(values, maskSecret), {
    tool: TOOL,
    redact: (text) => secrets.redact(text),
  });
  const deps = { logger: actionLogger, signal };
  const kind = run.mode === 'restore' ? 'restore' : 'verify';
  const location = values.source ?? values.backup;
  const started = Date.now();
  const { value: finished, deliveries } = await reportRun(
    notifier,
    actionLogger,
    (error) =>
      failedEvent(`${kind}.failed`, error, new Date(), {
        destination: location,
        durationMs: Date.now() - started,
      }),
    async () => {
      const checked = await check(run, deps);
      return { value: checked, event: reportEvent(kind, checked.report) };
    },
  );
  return finish(finished.report, finished.backupId, deliveriesMarkdown(deliveries));
}

/** Verifies, or restores and checks; a restore that was not confirmed is refused here. */
async function check(
  run: ReturnType<typeof verifyRestoreOptions>,
  deps: { logger: typeof actionLogger; signal: AbortSignal },
): Promise<{ report: VerificationReport; backupId: string }> {
  // The engines (driver, archive reader, storage) are chunks of their own, loaded once the inputs
  // are known good: a step with a wrong input fails without compiling them.
  if (run.mode !== 'restore') {
    const { runVerify } = await import('@shipkit/verify');
    const { source, report } = await runVerify(run.options, deps);
    return { report, backupId: source.backupId ?? '' };
  }
  const { runRestore, unconfirmedError } = await import('@shipkit/restore');
  const outcome = await runRestore(run.options, deps);
  const backupId = outcome.source.backupId ?? '';
  if (outcome.kind === 'report') return { report: outcome.report, backupId };
  setOutputs({ verified: false, 'backup-id': backupId });
  await writeSummary(confirmationSummary(outcome));
  const refusal = unconfirmedError(outcome.confirmation);
  throw new OptionError('confirm', [...refusal.text, ' The plan is in the job summary.']);
}

/** The event a verification or a restore check sends. */
function reportEvent(kind: 'verify' | 'restore', report: VerificationReport) {
  return checkEvent(kind, reportFacts(report), new Date(report.finishedAt));
}

/** Writes the report, sets the outputs and the summary; a failed check fails the step. */
async function finish(report: VerificationReport, backupId: string, notifications?: string): Promise<void> {
  const reportPath = join(
    process.env.RUNNER_TEMP ?? tmpdir(),
    `shipkit-${report.mode}-report-${backupId || 'archive'}.json`,
  );
  await writeFile(reportPath, `${JSON.stringify(report, null, 2)}\n`);
  setOutputs({
    verified: report.result === 'passed',
    'backup-id': backupId,
    'report-path': reportPath,
    documents: report.totals.restoredDocuments ?? report.totals.documents,
    namespaces: report.totals.namespaces,
    'duration-seconds': Math.round(report.durationMs / 1000),
  });
  await writeSummary(`${reportSummary(report)}${notifications ? `\n${notifications}\n` : ''}`);
  if (report.result !== 'passed') {
    const { VerificationFailedError } = await import('@shipkit/verify');
    throw new VerificationFailedError(report);
  }
}
