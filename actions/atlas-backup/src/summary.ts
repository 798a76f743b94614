import {
  describeCluster,
  type ExportResult,
  type PolicyCheck,
  type RestorePlan,
  type RestoreResult,
  type SnapshotResult,
} from '@shipkit/atlas';
import { type Cell, formatDuration, heading, sections, table } from '@shipkit/runtime';

const facts = (rows: [string, Cell][]) =>
  table(
    ['', ''],
    rows.filter(([, value]) => value !== undefined && value !== ''),
  );

const code = (text: string | undefined) => (text ? `\`${text}\`` : undefined);

export function snapshotSummary(result: SnapshotResult): string {
  const ok = result.outcome === 'completed' || result.outcome === 'started';
  return sections(
    heading(`${ok ? '✅' : '❌'} Atlas on-demand snapshot ${result.snapshot.rawStatus}`),
    facts([
      ['Cluster', describeCluster(result.tier)],
      ['Snapshot', code(result.snapshot.id)],
      ['Description', result.snapshot.description],
      ['Taken', result.snapshot.createdAt],
      ['Kept until', result.snapshot.expiresAt],
      [
        'Adopted',
        result.adopted ? 'yes: one was already in progress (Atlas takes one at a time)' : undefined,
      ],
      ['Duration', formatDuration(result.durationMs)],
    ]),
    result.message,
  );
}

export function exportSummary(result: ExportResult): string {
  const ok = result.outcome === 'successful' || result.outcome === 'started';
  return sections(
    heading(`${ok ? '✅' : '❌'} Atlas snapshot export ${result.job.state}`),
    facts([
      ['Cluster', describeCluster(result.tier)],
      ['Snapshot', code(result.snapshot.id)],
      [
        'Bucket',
        `${result.bucket.bucketName}${result.bucket.cloudProvider ? ` (${result.bucket.cloudProvider})` : ''}`,
      ],
      ['Prefix', code(result.job.prefix)],
      [
        'Collections',
        result.job.totalCollections === undefined
          ? undefined
          : `${result.job.exportedCollections ?? 0} / ${result.job.totalCollections}`,
      ],
      ['Export job', code(result.job.id)],
      ['Duration', formatDuration(result.durationMs)],
    ]),
    result.message,
  );
}

export function restorePlanSummary(plan: RestorePlan, refused?: string): string {
  return sections(
    heading(refused ? '⛔ Atlas restore refused' : 'Atlas restore plan'),
    ['```', ...plan.lines, '```'].join('\n'),
    refused,
  );
}

export function restoreSummary(result: RestoreResult): string {
  const ok = result.outcome === 'completed' || result.outcome === 'started';
  return sections(
    heading(`${ok ? '✅' : '❌'} Atlas restore ${result.outcome}`),
    ['```', ...result.plan.lines, '```'].join('\n'),
    facts([
      ['Restore job', code(result.job.id)],
      ['Duration', formatDuration(result.durationMs)],
    ]),
    result.message,
  );
}

export function policySummary(check: PolicyCheck, source: string): string {
  const drifted = check.differences.length > 0;
  return sections(
    heading(`${drifted ? '❌ Atlas backup policy drifted' : '✅ Atlas backup policy matches'}`),
    `${check.message} Desired policy: ${source}.`,
    drifted ? differencesTable(check) : undefined,
  );
}

/** The differences as a Markdown table: for the summary and for an issue. */
export function differencesTable(check: PolicyCheck): string {
  return table(
    ['setting', 'expected', 'actual'],
    check.differences.map((d) => [`\`${d.field}\``, d.expected, d.actual]),
  );
}
