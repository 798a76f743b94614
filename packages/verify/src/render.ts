import { formatBytes, formatCount, formatDuration, heading, sections, table } from '@shipkit/runtime';
import type { CheckState, NamespaceReport, VerificationReport } from './report';

const MARK: Record<CheckState, string> = { passed: 'ok', failed: 'MISMATCH', 'not-checked': '–' };

/** The per-namespace table: expected vs actual count, and whether count, content hash, CRC and indexes match. */
export function namespaceRows(report: VerificationReport): { headers: string[]; rows: string[][] } {
  const restoring = report.mode !== 'integrity';
  const headers = [
    'namespace',
    ...(restoring ? ['restored as'] : []),
    'type',
    'expected',
    'actual',
    'count',
    'content hash',
    'crc',
    'indexes',
  ];
  const rows = report.namespaces.map((ns) => [
    ns.namespace,
    ...(restoring ? [ns.restoredAs ?? '–'] : []),
    ns.type,
    ns.expected.documents === undefined ? '–' : formatCount(ns.expected.documents),
    actualCount(ns, restoring),
    MARK[ns.checks.count],
    MARK[ns.checks.contentHash],
    MARK[ns.checks.crc],
    MARK[ns.checks.indexes],
  ]);
  return { headers, rows };
}

function actualCount(ns: NamespaceReport, restoring: boolean): string {
  const found = restoring ? ns.restored?.documents : ns.archive?.documents;
  return found === undefined ? '–' : formatCount(found);
}

export function headline(report: VerificationReport): string {
  const what = report.mode === 'restore' ? 'restore check' : `${report.mode} verification`;
  const subject = report.backupId ? `backup ${report.backupId}` : report.source;
  const documents = report.totals.restoredDocuments ?? report.totals.documents;
  return (
    `${what} of ${subject} ${report.result === 'passed' ? 'PASSED' : 'FAILED'}: ` +
    `${report.totals.namespaces} namespaces, ${formatCount(documents)} documents, ` +
    `${formatBytes(report.archive.storedBytes)} read in ${formatDuration(report.durationMs)}`
  );
}

/**
 * What a notification says about a verification or a restore check (`checkEvent` of
 * `@shipkit/notify` turns it into the event): the same facts from the CLI and the action.
 */
export function reportFacts(report: VerificationReport) {
  return {
    result: report.result,
    headline: headline(report),
    source: report.source,
    ...(report.backupId ? { backupId: report.backupId } : {}),
    documents: report.totals.restoredDocuments ?? report.totals.documents,
    bytes: report.archive.storedBytes,
    durationMs: report.durationMs,
    problems: report.problems,
  };
}

/** The job summary of the action. */
export function reportMarkdown(report: VerificationReport): string {
  const { headers, rows } = namespaceRows(report);
  const numeric = headers.map((h) => (h === 'expected' || h === 'actual' ? 'r' : 'l'));
  const sha = report.archive.sha256;
  return sections(
    heading(`${report.result === 'passed' ? '✅' : '❌'} ${headline(report)}`),
    `Archive \`${report.source}\` (${report.archive.layers.join(' + ') || 'plain'}), SHA-256: ${MARK[sha.state]}` +
      (sha.actual ? ` \`${sha.actual}\`` : ''),
    table(headers, rows, numeric as ('l' | 'r')[]),
    report.problems.length > 0 && heading('Problems', 4),
    report.problems.length > 0 && report.problems.map((p) => `- ${p.replace(/\n/g, '\n  ')}`).join('\n'),
    report.notChecked.length > 0 && heading('Not checked', 4),
    report.notChecked.length > 0 && report.notChecked.map((p) => `- ${p}`).join('\n'),
    report.target?.namespaces && heading('Target', 4),
    report.target?.namespaces &&
      table(
        ['namespace', 'now', 'note'],
        report.target.namespaces.map((o) => [o.namespace, o.state, o.note ?? '']),
      ),
    report.recorded && `Recorded in \`${report.recorded}\`.`,
  );
}
