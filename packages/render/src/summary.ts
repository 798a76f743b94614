import { type Cell, formatDuration, heading, sections, table } from '@shipkit/runtime';
import type { DeployResult } from './deploy';

const ICONS = { success: '✅', failure: '❌', triggered: '🚀' } as const;

/** The job summary: what was deployed, the verdict, and the status timeline as a table. */
export function deploySummary(result: DeployResult): string {
  const title = `${ICONS[result.outcome]} Render deploy ${result.outcome === 'triggered' ? 'triggered' : (result.status ?? result.outcome)}`;
  const service = result.service?.name
    ? `${result.service.name} (\`${result.serviceId}\`)`
    : result.serviceId
      ? `\`${result.serviceId}\``
      : undefined;
  const facts: [string, Cell][] = [
    ['Service', service],
    ['Deploy', result.deployId ? `\`${result.deployId}\`` : undefined],
    ['Commit', result.commitId ? `\`${result.commitId.slice(0, 12)}\`` : undefined],
    ['Result', result.reason],
    ['Duration', result.outcome === 'triggered' ? undefined : formatDuration(result.durationMs)],
    ['URL', result.service?.url],
    [
      'Health check',
      result.healthCheck
        ? `${result.healthCheck.passed ? 'passed' : 'failed'}: ${result.healthCheck.detail}`
        : undefined,
    ],
    [
      'Rollback',
      result.rollback
        ? `to \`${result.rollback.targetDeployId}\` via \`${result.rollback.deployId}\`: ${result.rollback.status ?? 'unknown'}`
        : undefined,
    ],
  ];
  const timeline = result.timeline.map((entry) => [
    new Date(entry.at)
      .toISOString()
      .replace('T', ' ')
      .replace(/\.\d+Z$/, 'Z'),
    `+${formatDuration(entry.at - result.startedAt)}`,
    `\`${entry.deployId}\``,
    entry.status,
    entry.note,
  ]);
  return sections(
    heading(title),
    table(
      ['', ''],
      facts.filter(([, value]) => value !== undefined && value !== ''),
    ),
    timeline.length > 0 && heading('Status timeline', 4),
    timeline.length > 0 && table(['Time (UTC)', 'Elapsed', 'Deploy', 'Status', 'Note'], timeline, ['l', 'r']),
  );
}
