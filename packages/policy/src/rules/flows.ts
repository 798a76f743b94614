import { firstMatch } from '../glob';
import type { Flow } from '../policy';
import { list, type RuleOutcome } from './finding';

/** A pull request may go from head to base only along a configured flow. */
export function checkFlow(head: string, base: string, flows: readonly Flow[]): RuleOutcome {
  for (const flow of flows) {
    const from = firstMatch(head, flow.from);
    const to = firstMatch(base, flow.to);
    if (from && to) return { detail: `${head} → ${base} (flow ${from} → ${to})`, findings: [] };
  }
  const headFlows = flows.filter((flow) => firstMatch(head, flow.from));
  const targets = unique(headFlows.flatMap((flow) => flow.to));
  const sources = unique(flows.filter((flow) => firstMatch(base, flow.to)).flatMap((flow) => flow.from));
  const headPatterns = unique(headFlows.map((flow) => firstMatch(head, flow.from) as string));

  const matched =
    targets.length > 0
      ? `${head} matches ${list(headPatterns)}, which may target ${list(targets)} only`
      : `no flow starts from ${head}`;
  const onlySources = sources.length > 0 ? ` Only ${list(sources)} may target ${base}.` : '';
  let fix: string;
  if (targets.length > 0) {
    fix = `Change the base branch to ${targets.join(' or ')} (Edit, next to the pull request's title).${onlySources}`;
  } else if (sources.length > 0) {
    fix = `Open the pull request from a branch matching ${list(sources)}: only those may target ${base}.`;
  } else {
    fix = `No flow targets ${base}. Choose a base branch that a flow lists, or add a flow to the policy file.`;
  }
  return {
    detail: `${head} → ${base}: no flow allows it`,
    findings: [{ message: `${head} may not be merged into ${base}.`, matched, fix }],
  };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
