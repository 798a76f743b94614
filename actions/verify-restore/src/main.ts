import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { actionLogger, readInputs, setOutputs, writeSummary } from '@shipkit/action-kit';
import { runRestore, unconfirmedError } from '@shipkit/restore';
import { OptionError } from '@shipkit/runtime';
import { runVerify, VerificationFailedError, type VerificationReport } from '@shipkit/verify';
import { VERIFY_RESTORE_INPUTS, verifyRestoreOptions } from './inputs';
import { confirmationSummary, reportSummary } from './summary';

/** `signal` fires when the job is cancelled: the run stops, and the process ends, within seconds. */
export async function main(signal: AbortSignal): Promise<void> {
  const run = verifyRestoreOptions(readInputs(VERIFY_RESTORE_INPUTS));
  const deps = { logger: actionLogger, signal };
  if (run.mode !== 'restore') {
    const { source, report } = await runVerify(run.options, deps);
    return finish(report, source.backupId ?? '');
  }
  const outcome = await runRestore(run.options, deps);
  const backupId = outcome.source.backupId ?? '';
  if (outcome.kind === 'report') return finish(outcome.report, backupId);
  setOutputs({ verified: false, 'backup-id': backupId });
  await writeSummary(confirmationSummary(outcome));
  const refusal = unconfirmedError(outcome.confirmation);
  throw new OptionError('confirm', [...refusal.text, ' The plan is in the job summary.']);
}

/** Writes the report, sets the outputs and the summary; a failed check fails the step. */
async function finish(report: VerificationReport, backupId: string): Promise<void> {
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
  await writeSummary(reportSummary(report));
  if (report.result !== 'passed') throw new VerificationFailedError(report);
}
