import { namespaceName } from '@shipkit/archive';
import { describeState, type RestorePlan } from '@shipkit/mongo';
import { sections, table } from '@shipkit/runtime';

/** What interrupted restores left in the target databases, and what becomes of it. */
export function leftoversLine(plan: RestorePlan): string {
  const describe = (l: RestorePlan['leftovers'][number]) =>
    l.role === 'new'
      ? `${l.db}.${l.name} (restored data never swapped in; removed by this restore)`
      : `${l.db}.${l.name} (what ${l.db}.${l.collection} held before an interrupted swap; the restore refuses until it is renamed back or dropped)`;
  return `Left by interrupted restores: ${plan.leftovers.map(describe).join(', ')}`;
}

/** What a restore would do, one line per namespace. */
export function planRows(plan: RestorePlan): { headers: string[]; rows: string[][] } {
  return {
    headers: ['namespace', 'restore into', 'type', 'target now', 'action'],
    rows: plan.namespaces.map((n) => [
      namespaceName(n.source),
      namespaceName(n.target),
      n.type,
      describeState(n.existing),
      n.action,
    ]),
  };
}

export function planMarkdown(plan: RestorePlan): string {
  const { headers, rows } = planRows(plan);
  return sections(
    table(headers, rows),
    plan.excluded.length > 0 && `Excluded: ${plan.excluded.join(', ')}`,
    plan.skipped.length > 0 &&
      `Never restored: ${plan.skipped.map((s) => `${s.namespace} (${s.reason})`).join(', ')}`,
    plan.leftovers.length > 0 && leftoversLine(plan),
    `Target databases: ${plan.targetDatabases.join(', ') || '(none)'}`,
  );
}
