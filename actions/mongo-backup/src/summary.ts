import type { BackupResult, FinalizeResult, PartResult, PlanResult } from '@shipkit/backup';
import {
  details,
  formatBytes,
  formatCount,
  formatDuration,
  heading,
  sections,
  table,
} from '@shipkit/runtime';

export function backupSummary(result: BackupResult, notifications?: string): string {
  const { manifest, prune, anomaly } = result;
  const totals = table(
    ['backup', 'namespaces', 'documents', 'data', 'stored', 'compression', 'encrypted', 'duration'],
    [
      [
        `\`${result.backupId}\``,
        manifest.totals.namespaces,
        formatCount(manifest.totals.documents),
        formatBytes(manifest.totals.bytes),
        formatBytes(manifest.archive.size),
        manifest.archive.compression,
        manifest.archive.recipients.length > 0
          ? `yes (${manifest.archive.recipients.length} recipient(s))`
          : 'no',
        formatDuration(result.durationMs),
      ],
    ],
    ['l', 'r', 'r', 'r', 'r', 'l', 'l', 'r'],
  );
  const perNamespace = table(
    ['namespace', 'type', 'documents', 'bytes', 'indexes', 'content hash'],
    manifest.namespaces.map((ns) => [
      `${ns.db}.${ns.collection}`,
      ns.type,
      formatCount(ns.count),
      formatBytes(ns.bytes),
      ns.indexes.length,
      `\`${ns.contentHash.slice(0, 12)}…\``,
    ]),
    ['l', 'l', 'r', 'r', 'r', 'l'],
  );
  const retention = prune
    ? table(
        ['kept', 'removed', 'damaged (kept)', 'retained by lock', 'incomplete swept'],
        [
          [
            prune.kept.length,
            prune.removed.length,
            prune.damaged.length,
            prune.retainedByLock.length,
            prune.swept.length,
          ],
        ],
        ['r', 'r', 'r', 'r', 'r'],
      )
    : undefined;
  // A damaged backup is an alarm: name each one, with why, where nobody can miss it.
  const damaged =
    prune && prune.damaged.length > 0
      ? `**Damaged backups** (kept; \`shipkit list\` and \`shipkit verify\` say more):\n\n${prune.damaged
          .map((d) => `- \`${d.id}\`: ${d.reason}`)
          .join('\n')}`
      : undefined;
  // An anomaly is an alarm too: each namespace that collapsed, with its counts before and after.
  const collapse = anomaly
    ? `**${anomaly.acceptedAt ? 'Anomaly (accepted)' : 'ANOMALY'}** — the data collapsed since \`${anomaly.comparedWith}\`:\n\n${table(
        ['namespace', 'before', 'after'],
        [
          ...anomaly.namespaces.map((ns) => [
            `${ns.namespace}${ns.missing ? ' (gone)' : ''}`,
            formatCount(ns.before),
            formatCount(ns.after),
          ]),
          ...(anomaly.total
            ? [['all namespaces', formatCount(anomaly.total.before), formatCount(anomaly.total.after)]]
            : []),
        ],
        ['l', 'r', 'r'],
      )}${anomaly.acceptedAt ? '' : '\n\nRetention keeps the backup from before it until the anomaly is acknowledged (`shipkit ack-anomaly`).'}`
    : undefined;
  return sections(
    heading('MongoDB backup'),
    collapse,
    totals,
    `Manifest: \`${result.manifestUrl}\` — archive SHA-256 \`${manifest.archive.sha256}\``,
    details(`${manifest.namespaces.length} namespaces`, perNamespace),
    retention && heading('Retention', 4),
    retention,
    damaged,
    notifications,
  );
}

/** The plan step of a backup in parts: the backup id and each part's estimated share. */
export function planSummary(result: PlanResult): string {
  return sections(
    heading('MongoDB backup in parts: plan'),
    table(
      ['backup', 'parts', 'plan'],
      [[`\`${result.backupId}\``, result.parts, `\`${result.planUrl}\``]],
      ['l', 'r', 'l'],
    ),
    table(
      ['part', 'estimated data'],
      result.estimatedBytes.map((bytes, index) => [index + 1, formatBytes(bytes)]),
      ['r', 'r'],
    ),
  );
}

/** The part step: what the part wrote. */
export function partSummary(result: PartResult): string {
  const { record } = result;
  const documents = record.namespaces.reduce((sum, ns) => sum + ns.count, 0);
  const read = Date.parse(record.finishedAt) - Date.parse(record.startedAt);
  return sections(
    heading(`MongoDB backup in parts: part ${result.part} of ${record.parts}`),
    table(
      ['backup', 'part', 'namespaces', 'documents', 'stored', 'read in', 'archive SHA-256'],
      [
        [
          `\`${result.backupId}\``,
          `${result.part} of ${record.parts}`,
          record.namespaces.length,
          formatCount(documents),
          formatBytes(record.archive.size),
          formatDuration(read),
          `\`${record.archive.sha256.slice(0, 12)}…\``,
        ],
      ],
      ['l', 'r', 'r', 'r', 'r', 'r', 'l'],
    ),
    `Archive: \`${result.archiveUrl}\``,
  );
}

/** The finalize step: the committed backup, and each part's read window. */
export function finalizeSummary(result: FinalizeResult, notifications?: string): string {
  const { manifest } = result;
  const parts = manifest.parts?.archives ?? [];
  return sections(
    heading('MongoDB backup in parts: finalized'),
    table(
      ['backup', 'parts', 'namespaces', 'documents', 'data', 'stored'],
      [
        [
          `\`${result.backupId}\``,
          parts.length,
          manifest.totals.namespaces,
          formatCount(manifest.totals.documents),
          formatBytes(manifest.totals.bytes),
          formatBytes(manifest.parts?.size ?? 0),
        ],
      ],
      ['l', 'r', 'r', 'r', 'r', 'r'],
    ),
    `Manifest: \`${result.manifestUrl}\``,
    table(
      ['part', 'namespaces', 'documents', 'stored', 'read from', 'read until'],
      parts.map((p) => [
        p.part,
        p.namespaces.length,
        formatCount(p.namespaces.reduce((sum, ns) => sum + ns.count, 0)),
        formatBytes(p.size),
        p.startedAt,
        p.finishedAt,
      ]),
      ['r', 'r', 'r', 'r', 'l', 'l'],
    ),
    notifications,
  );
}
