import { UserError } from '@shipkit/runtime';

/** The count rules, in the order their reasons are listed. */
export const RETENTION_RULES = ['last', 'hourly', 'daily', 'weekly', 'monthly', 'yearly'] as const;
export type RetentionRule = (typeof RETENTION_RULES)[number];

/**
 * How many backups or periods each rule keeps (`Infinity` = every one). Rules are OR-ed: a backup is
 * kept when any rule keeps it. A policy with no count rule keeps everything. The newest complete and
 * the newest verified backups are kept whatever the policy says (see `planRetention`).
 */
export type RetentionPolicy = { readonly [rule in RetentionRule]?: number };

const ACCEPTED =
  `accepted rules: ${RETENTION_RULES.join(', ')} (also spelled keep-${RETENTION_RULES[0]}, keep-daily, …), ` +
  'each as <rule>=<count> with a count of 1 or more, or <rule>=all; separate rules with commas, ' +
  'e.g. "daily=7,weekly=4,monthly=12,last=3"';

const MAX_COUNT = 1_000_000;

function isRule(name: string): name is RetentionRule {
  return (RETENTION_RULES as readonly string[]).includes(name);
}

/**
 * Parses a policy such as `daily=7,weekly=4,monthly=12,last=3` (or `keep-daily=7 keep-weekly=4`).
 * An empty spec is the empty policy, which keeps everything.
 */
export function parseRetention(spec: string): RetentionPolicy {
  const policy: { [rule in RetentionRule]?: number } = {};
  for (const part of spec.split(/[\s,;]+/).filter(Boolean)) {
    const match = /^(?:keep-)?([a-z]+)=(.*)$/i.exec(part);
    if (!match) {
      throw new UserError(`Retention policy part "${part}" is not of the form <rule>=<count>; ${ACCEPTED}.`);
    }
    const name = (match[1] ?? '').toLowerCase();
    const value = (match[2] ?? '').trim().toLowerCase();
    if (!isRule(name)) {
      throw new UserError(`Retention policy part "${part}" names an unknown rule "${name}"; ${ACCEPTED}.`);
    }
    if (policy[name] !== undefined) {
      throw new UserError(`Retention policy part "${part}" repeats the rule "${name}"; give each rule once.`);
    }
    policy[name] = parseCount(part, value);
  }
  return policy;
}

function parseCount(part: string, value: string): number {
  if (value === 'all') return Number.POSITIVE_INFINITY;
  if (!/^\d+$/.test(value)) {
    throw new UserError(
      `Retention policy part "${part}" has a count that is not a whole number; ${ACCEPTED}.`,
    );
  }
  const count = Number(value);
  if (count < 1 || count > MAX_COUNT) {
    throw new UserError(
      `Retention policy part "${part}" must keep between 1 and ${MAX_COUNT} (leave the rule out to turn it off); ${ACCEPTED}.`,
    );
  }
  return count;
}

/** The count rules in force, in display order. */
export function activeRules(policy: RetentionPolicy): [RetentionRule, number][] {
  return RETENTION_RULES.flatMap((rule): [RetentionRule, number][] => {
    const count = policy[rule];
    return count !== undefined && count > 0 ? [[rule, count]] : [];
  });
}

/** The policy written the way `parseRetention` reads it, or a phrase saying it keeps everything. */
export function describeRetention(policy: RetentionPolicy): string {
  const rules = activeRules(policy).map(([rule, count]) => `${rule}=${count === Infinity ? 'all' : count}`);
  return rules.length > 0 ? rules.join(',') : 'keep everything (no retention rules)';
}
