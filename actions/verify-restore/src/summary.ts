import { planMarkdown, type RestoreOutcome } from '@shipkit/restore';
import { heading, sections } from '@shipkit/runtime';
import { reportMarkdown, type VerificationReport } from '@shipkit/verify';

export function reportSummary(report: VerificationReport): string {
  return reportMarkdown(report);
}

/** The plan shown when `confirm` does not name the target databases. */
export function confirmationSummary(outcome: Extract<RestoreOutcome, { kind: 'plan' }>): string {
  const expected = outcome.confirmation?.expected ?? '';
  return sections(
    heading('❌ Restore not confirmed: nothing was written'),
    `Restoring \`${outcome.source.url}\` would do this. To run it, set \`confirm: ${expected}\`.`,
    planMarkdown(outcome.plan),
  );
}
