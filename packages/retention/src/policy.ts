import { customRow, InvalidValue, OptionError, ref, say, type Values } from '@shipkit/runtime';

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
      throw new InvalidValue(`has a part "${part}" that is not of the form <rule>=<count>; ${ACCEPTED}.`);
    }
    const name = (match[1] ?? '').toLowerCase();
    const value = (match[2] ?? '').trim().toLowerCase();
    if (!isRule(name)) {
      throw new InvalidValue(`has a part "${part}" that names an unknown rule "${name}"; ${ACCEPTED}.`);
    }
    if (policy[name] !== undefined) {
      throw new InvalidValue(`has a part "${part}" that repeats the rule "${name}"; give each rule once.`);
    }
    policy[name] = parseCount(part, value);
  }
  return policy;
}

/** A rule's count, 1 or more or `all`; undefined when it is not a whole number, and `range` when out of range. */
function countOf(value: string): number | 'range' | undefined {
  if (value.toLowerCase() === 'all') return Number.POSITIVE_INFINITY;
  if (!/^\d+$/.test(value)) return undefined;
  const count = Number(value);
  return count < 1 || count > MAX_COUNT ? 'range' : count;
}

function parseCount(part: string, value: string): number {
  const count = countOf(value);
  if (count === undefined) {
    throw new InvalidValue(`has a part "${part}" whose count is not a whole number; ${ACCEPTED}.`);
  }
  if (count === 'range') {
    throw new InvalidValue(
      `has a part "${part}" that must keep between 1 and ${MAX_COUNT} (leave the rule out to turn it off); ${ACCEPTED}.`,
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

/** `--keep-daily 7`: one rule's count, with the same limits as in `daily=7`. */
function parseKeep(raw: string): number {
  const count = countOf(raw.trim());
  if (count === undefined || count === 'range') {
    throw new InvalidValue(
      `must keep between 1 and ${MAX_COUNT} (a whole number, or all; leave it out to turn the rule off), got '${raw}'.`,
    );
  }
  return count;
}

/**
 * Retention, spelled the same everywhere it is taken: `retention` (daily=7,weekly=4) and, on the
 * command line, one `--keep-<rule>` per rule; a rule given both ways is refused.
 */
export const RETENTION = customRow(parseRetention, {
  description:
    'Keep rules, e.g. daily=7,weekly=4,monthly=12 (also last, hourly, yearly). Default: keep all. Whatever the rules, the newest complete and the newest verified backups are never deleted, and damaged backups are kept and reported (delete them with shipkit prune --delete-damaged).',
  default: '',
  placeholder: '<rules>',
});

const RULE_PERIODS: Record<RetentionRule, string> = {
  last: 'the last n backups',
  hourly: 'the newest backup of each of the last n hours',
  daily: 'the newest backup of each of the last n days',
  weekly: 'the newest backup of each of the last n weeks',
  monthly: 'the newest backup of each of the last n months',
  yearly: 'the newest backup of each of the last n years',
};

function keepRow(rule: RetentionRule) {
  return customRow(parseKeep, {
    description: `Keep ${RULE_PERIODS[rule]}; the same as ${rule}=n in {retention}.`,
    placeholder: '<n>',
  });
}

export const KEEP_ROWS = {
  'keep-last': keepRow('last'),
  'keep-hourly': keepRow('hourly'),
  'keep-daily': keepRow('daily'),
  'keep-weekly': keepRow('weekly'),
  'keep-monthly': keepRow('monthly'),
  'keep-yearly': keepRow('yearly'),
};

export const RETENTION_ROWS = { retention: RETENTION, ...KEEP_ROWS };

/** The policy `retention` and the `keep-*` options give together; undefined when they give no rule. */
export function retentionPolicy(values: Partial<Values<typeof RETENTION_ROWS>>): RetentionPolicy | undefined {
  const policy: { [rule in RetentionRule]?: number } = { ...values.retention };
  for (const rule of RETENTION_RULES) {
    const count = values[`keep-${rule}`];
    if (count === undefined) continue;
    if (policy[rule] !== undefined) {
      throw new OptionError(
        `keep-${rule}`,
        say`repeats the rule ${rule} of ${ref('retention')}; give each rule once.`,
      );
    }
    policy[rule] = count;
  }
  return Object.keys(policy).length > 0 ? policy : undefined;
}
