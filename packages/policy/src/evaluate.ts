import type { AssociatedPull, EventFacts, PullRequestFacts, PushFacts } from './event';
import { firstMatch } from './glob';
import { type Policy, RULES, type RuleName, type Severity } from './policy';
import { type Finding, type RuleOutcome, shortSha } from './rules/finding';
import { checkFlow } from './rules/flows';
import { checkNaming } from './rules/naming';
import { checkProtectedPush } from './rules/protected';
import { checkTitle } from './rules/titles';

export type Verdict = 'pass' | 'warn' | 'fail';

export interface Violation extends Finding {
  rule: RuleName;
  severity: Severity;
  /** Why the severity differs from the rule's own (draft, override label, fail-on-warn). */
  note?: string;
}

export type CheckStatus = 'pass' | 'warn' | 'fail' | 'skipped' | 'exempt';

/** One row of the rule matrix: how a rule came out and what it matched. */
export interface RuleCheck {
  rule: RuleName;
  status: CheckStatus;
  detail: string;
}

export interface Evaluation {
  verdict: Verdict;
  /** What was judged: "pull request #42 (feature/login → development)". */
  subject: string;
  checks: RuleCheck[];
  violations: Violation[];
  /** Set when a pull request's head is exempt (bot or revert branch). */
  exemption?: string;
  /** Set when the override label is on the pull request. */
  override?: { label: string; pullNumber: number; appliedBy?: string; overridden: number };
  /** Set when the event has nothing to check, with the reason. */
  notice?: string;
  /** The pull request under review, which a comment belongs on (pull request events only). */
  pullNumber?: number;
}

export interface EvaluationInput {
  event: EventFacts;
  /** For pushes: the pull requests associated with the pushed commit, looked up by the caller. */
  associatedPulls?: readonly AssociatedPull[];
}

export interface EvaluateOptions {
  /** Report warnings as failures (except those the override label granted). */
  failOnWarn?: boolean;
}

const REVERT_BRANCH = /^revert-\d+-/;

/** The pure engine: (event, policy) → verdict, a row per rule, and every violation with its fix. */
export function evaluate(input: EvaluationInput, policy: Policy, options: EvaluateOptions = {}): Evaluation {
  const { event } = input;
  switch (event.kind) {
    case 'pull_request':
      return evaluatePullRequest(event, policy, options);
    case 'push':
      return evaluatePush(event, input.associatedPulls ?? [], policy, options);
    case 'merge_group': {
      // The pull request passed this check to enter the queue; failing here would only stall the queue.
      const which = event.pullNumber ? `pull request #${event.pullNumber}` : 'each queued pull request';
      return nothingToCheck(
        `merge queue into ${event.base} (${shortSha(event.headSha)})`,
        `Nothing to check in the merge queue: ${which} passed the branch policy before it was queued.`,
      );
    }
    case 'ignored':
      return nothingToCheck('this event', event.reason);
  }
}

function nothingToCheck(subject: string, notice: string): Evaluation {
  return {
    verdict: 'pass',
    subject,
    checks: RULES.map((rule) => ({ rule, status: 'skipped', detail: 'nothing to check' })),
    violations: [],
    notice,
  };
}

function evaluatePullRequest(pr: PullRequestFacts, policy: Policy, options: EvaluateOptions): Evaluation {
  const source = pr.forkOf ? `${pr.forkOf}:${pr.head}` : pr.head;
  const subject = `pull request #${pr.number} (${source} → ${pr.base})`;
  const exemption = exemptionOf(pr.head, policy);
  if (exemption) {
    return {
      verdict: 'pass',
      subject,
      checks: RULES.map((rule) => ({
        rule,
        status: rule === 'protected' ? 'skipped' : 'exempt',
        detail: rule === 'protected' ? 'applies to pushes' : exemption,
      })),
      violations: [],
      exemption,
      pullNumber: pr.number,
    };
  }
  const outcomes: Partial<Record<RuleName, RuleOutcome>> = {
    flows: checkFlow(pr.head, pr.base, policy.flows),
    naming: checkNaming(pr.head, policy.naming),
  };
  if (policy.titles) outcomes.titles = checkTitle(pr.title, pr.head, policy.titles);
  const skipped: Partial<Record<RuleName, string>> = {
    protected: 'applies to pushes',
    titles: 'not configured',
  };
  const evaluation = judge({
    subject,
    outcomes,
    skipped,
    policy,
    options,
    draft: pr.draft,
    pull: { number: pr.number, labels: pr.labels, ...(pr.labeledBy ? { labeledBy: pr.labeledBy } : {}) },
  });
  return { ...evaluation, pullNumber: pr.number };
}

function evaluatePush(
  push: PushFacts,
  pulls: readonly AssociatedPull[],
  policy: Policy,
  options: EvaluateOptions,
): Evaluation {
  const subject = `push to ${push.branch} (${shortSha(push.sha)})`;
  if (!firstMatch(push.branch, policy.protected.branches)) {
    return nothingToCheck(subject, `Nothing to check: ${push.branch} is not a protected branch.`);
  }
  const protectedOutcome = checkProtectedPush(push, pulls, policy);
  const merged = protectedOutcome.mergedPull;
  const outcomes: Partial<Record<RuleName, RuleOutcome>> = { protected: protectedOutcome };
  // A merge that reached the branch without the check (e.g. before it was required) is still judged by its flow.
  if (merged) outcomes.flows = checkFlow(merged.head, merged.base, policy.flows);
  return judge({
    subject,
    outcomes,
    skipped: {
      flows: 'no merged pull request',
      naming: 'checked on pull requests',
      titles: 'checked on pull requests',
    },
    policy,
    options,
    draft: false,
    ...(merged ? { pull: { number: merged.number, labels: merged.labels } } : {}),
  });
}

function exemptionOf(head: string, policy: Policy): string | undefined {
  const bot = firstMatch(head, policy.exceptions.botBranches);
  if (bot) return `bot branch (${bot})`;
  if (policy.exceptions.revertBranches && REVERT_BRANCH.test(head))
    return 'GitHub revert branch (revert-<number>-…)';
  return undefined;
}

interface Judgement {
  subject: string;
  outcomes: Partial<Record<RuleName, RuleOutcome>>;
  skipped: Partial<Record<RuleName, string>>;
  policy: Policy;
  options: EvaluateOptions;
  draft: boolean;
  pull?: { number: number; labels: string[]; labeledBy?: { label: string; actor: string } };
}

/** Applies severities, then draft leniency, then fail-on-warn, then the override label — in that order. */
function judge({ subject, outcomes, skipped, policy, options, draft, pull }: Judgement): Evaluation {
  const label = policy.exceptions.overrideLabel;
  const overridden = label !== undefined && pull?.labels.includes(label) === true;
  const violations: Violation[] = [];
  for (const rule of RULES) {
    for (const finding of outcomes[rule]?.findings ?? []) {
      const violation: Violation = { rule, ...finding, severity: policy.severity[rule] };
      if (draft && policy.exceptions.drafts === 'warn' && violation.severity === 'fail') {
        violation.severity = 'warn';
        violation.note = 'draft pull request';
      }
      if (options.failOnWarn && violation.severity === 'warn') {
        violation.severity = 'fail';
        violation.note = violation.note ? `${violation.note}; fail-on-warn` : 'fail-on-warn';
      }
      if (overridden && violation.severity === 'fail') {
        violation.severity = 'warn';
        violation.note = `overridden by label '${label}'`;
      }
      violations.push(violation);
    }
  }
  const checks = RULES.map((rule): RuleCheck => {
    const outcome = outcomes[rule];
    if (!outcome) return { rule, status: 'skipped', detail: skipped[rule] ?? 'not applicable' };
    const severities = violations.filter((v) => v.rule === rule).map((v) => v.severity);
    return { rule, status: worst(severities), detail: outcome.detail };
  });
  const evaluation: Evaluation = {
    verdict: worst(violations.map((v) => v.severity)),
    subject,
    checks,
    violations,
  };
  if (overridden && pull && label !== undefined) {
    evaluation.override = {
      label,
      pullNumber: pull.number,
      overridden: violations.filter((v) => v.note?.startsWith('overridden')).length,
      ...(pull.labeledBy?.label === label ? { appliedBy: pull.labeledBy.actor } : {}),
    };
  }
  return evaluation;
}

function worst(severities: readonly Severity[]): Verdict {
  if (severities.includes('fail')) return 'fail';
  if (severities.includes('warn')) return 'warn';
  return 'pass';
}
