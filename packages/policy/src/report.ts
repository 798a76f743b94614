import { details, escapeHtml, heading, sections, table } from '@shipkit/runtime';
import type { PolicyConfigError } from './config';
import type { CheckStatus, Evaluation, Verdict } from './evaluate';
import type { Policy } from './policy';

export interface PolicySetting {
  rule: string;
  setting: string;
  value: string;
}

const listOrNone = (values: readonly string[] | undefined, none: string) =>
  values && values.length > 0 ? values.join(', ') : none;

/** The effective policy, one setting per row: for `policy explain` and the job summary. */
export function describePolicy(policy: Policy): PolicySetting[] {
  const { naming, titles, exceptions } = policy;
  const rows: PolicySetting[] = policy.flows.map((flow, index) => ({
    rule: 'flows',
    setting: `flow ${index + 1}`,
    value: `${flow.from.join(', ')} → ${flow.to.join(', ')}`,
  }));
  rows.push(
    { rule: 'naming', setting: 'branches', value: naming.branches.join(', ') },
    {
      rule: 'naming',
      setting: 'ticket',
      value: naming.ticket
        ? `/${naming.ticket.pattern}/ on ${naming.ticket.branches.join(', ')}`
        : 'not required',
    },
    {
      rule: 'naming',
      setting: 'max-length',
      value: naming.maxLength === undefined ? 'no limit' : String(naming.maxLength),
    },
    { rule: 'naming', setting: 'lowercase', value: naming.lowercase ? 'required' : 'not required' },
    { rule: 'protected', setting: 'branches', value: listOrNone(policy.protected.branches, 'none') },
    {
      rule: 'protected',
      setting: 'allowed-actors',
      value: listOrNone(policy.protected.allowedActors, 'none'),
    },
  );
  if (titles) {
    rows.push(
      { rule: 'titles', setting: 'types', value: titles.types.join(', ') },
      { rule: 'titles', setting: 'scopes', value: listOrNone(titles.scopes, 'any') },
      { rule: 'titles', setting: 'require-scope', value: titles.requireScope ? 'yes' : 'no' },
      {
        rule: 'titles',
        setting: 'subject-pattern',
        value: titles.subjectPattern === undefined ? 'any' : `/${titles.subjectPattern}/`,
      },
    );
  } else {
    rows.push({ rule: 'titles', setting: 'enabled', value: 'no (add a titles section to check titles)' });
  }
  rows.push(
    { rule: 'exceptions', setting: 'bot-branches', value: listOrNone(exceptions.botBranches, 'none') },
    {
      rule: 'exceptions',
      setting: 'revert-branches',
      value: exceptions.revertBranches ? 'exempt' : 'checked',
    },
    {
      rule: 'exceptions',
      setting: 'drafts',
      value: exceptions.drafts === 'warn' ? 'failures become warnings' : 'enforced',
    },
    { rule: 'exceptions', setting: 'override-label', value: exceptions.overrideLabel ?? 'disabled' },
  );
  for (const [rule, severity] of Object.entries(policy.severity))
    rows.push({ rule: 'severity', setting: rule, value: severity });
  return rows;
}

const VERDICT_ICON: Record<Verdict, string> = { pass: '✅', warn: '⚠️', fail: '❌' };
const STATUS_LABEL: Record<CheckStatus, string> = {
  pass: '✅ pass',
  warn: '⚠️ warn',
  fail: '❌ fail',
  skipped: '➖ skipped',
  exempt: '🟦 exempt',
};

/** The job summary: verdict, the rule matrix with what matched, violations with fixes, the policy used. */
export function renderSummary(evaluation: Evaluation, policy: Policy, policySource: string): string {
  const violations =
    evaluation.violations.length > 0
      ? [
          heading('Violations', 4),
          table(
            ['Severity', 'Rule', 'Problem', 'What matched', 'How to fix'],
            evaluation.violations.map((v) => [
              STATUS_LABEL[v.severity] + (v.note ? ` (${v.note})` : ''),
              v.rule,
              escapeHtml(v.message),
              escapeHtml(v.matched),
              escapeHtml(v.fix),
            ]),
          ),
        ].join('\n\n')
      : undefined;
  const override = evaluation.override
    ? [
        heading('Override', 4),
        `The \`${evaluation.override.label}\` label on #${evaluation.override.pullNumber} turned ` +
          `${evaluation.override.overridden} ${evaluation.override.overridden === 1 ? 'failure' : 'failures'} into warnings` +
          `${evaluation.override.appliedBy ? `; applied by @${evaluation.override.appliedBy}` : ''}.`,
      ].join('\n\n')
    : undefined;
  const flows = table(
    ['From', 'To'],
    policy.flows.map((flow) => [flow.from.join(', '), flow.to.join(', ')]),
  );
  const settings = table(
    ['Rule', 'Setting', 'Value'],
    describePolicy(policy)
      .filter((row) => row.rule !== 'flows')
      .map((row) => [row.rule, row.setting, escapeHtml(row.value)]),
  );
  return sections(
    heading(`${VERDICT_ICON[evaluation.verdict]} Branch policy: ${evaluation.verdict}`),
    `Checked ${escapeHtml(evaluation.subject)} against ${escapeHtml(policySource)}.`,
    evaluation.notice && `> ${escapeHtml(evaluation.notice)}`,
    evaluation.exemption && `Exempt: ${escapeHtml(evaluation.exemption)}.`,
    heading('Rules', 4),
    table(
      ['Rule', 'Result', 'What matched'],
      evaluation.checks.map((check) => [check.rule, STATUS_LABEL[check.status], escapeHtml(check.detail)]),
    ),
    violations,
    override,
    details('Effective policy', `${flows}\n\n${settings}`),
  );
}

/** The job summary when the policy file itself is invalid: every problem with its line. */
export function renderConfigProblems(error: PolicyConfigError): string {
  return sections(
    heading('❌ Branch policy: the policy file is invalid'),
    `Nothing was checked: fix ${escapeHtml(error.file)} first.`,
    table(
      ['Line', 'Key', 'Problem'],
      error.problems.map((p) => [
        `${p.line}:${p.column}`,
        p.key ? `\`${p.key}\`` : '(file)',
        escapeHtml(p.message),
      ]),
    ),
  );
}
