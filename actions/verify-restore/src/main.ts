import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserError } from '@shipkit/action-kit';
import { actionLogger, setOutputs, writeSummary } from '@shipkit/action-kit/action';
import { readVerifyRestoreInputs } from './inputs';
import { confirmationSummary, reportSummary } from './summary';

/** `signal` fires when the job is cancelled: the run stops, and the process ends, within seconds. */
export async function main(signal: AbortSignal): Promise<void> {
  const options = readVerifyRestoreInputs();
  // The engine (driver, archive reader, storage) is a chunk of its own, loaded once the inputs are
  // known good: a step with a wrong input fails without compiling it.
  const { runVerifyRestore, VerificationFailedError } = await import('@shipkit/verify');
  const outcome = await runVerifyRestore(options, { logger: actionLogger, signal });
  const backupId = outcome.source.backupId ?? '';
  if (outcome.kind === 'plan') {
    setOutputs({ verified: false, 'backup-id': backupId });
    await writeSummary(confirmationSummary(outcome));
    const expected = outcome.confirmation?.expected ?? '';
    throw new UserError(
      `Input 'confirm' must be exactly '${expected}' (the databases this restore writes) to run it; ` +
        `got '${outcome.confirmation?.given ?? ''}'. Nothing was written; the plan is in the job summary.`,
    );
  }
  const { report } = outcome;
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
