import { describe, expect, test } from '@jest/globals';
import { evaluate } from '../src/evaluate';
import { defaultPolicy, type Policy } from '../src/policy';
import { pullRequest } from './helpers';

const policy = defaultPolicy();
const withExceptions = (exceptions: Partial<Policy['exceptions']>): Policy => ({
  ...policy,
  exceptions: { ...policy.exceptions, ...exceptions },
});
// feature → main with a name no pattern allows: two failures to downgrade.
const badPullRequest = { head: 'Feature/x', base: 'main' };

describe('exempt branches', () => {
  test.each([
    ['dependabot/npm_and_yarn/express-4.21.2', 'main', 'bot branch (dependabot/**)'],
    ['renovate/major-react', 'development', 'bot branch (renovate/**)'],
    ['revert-42-feature/login-form', 'development', 'GitHub revert branch (revert-<number>-…)'],
    ['revert-57-release/1.4.0', 'main', 'GitHub revert branch (revert-<number>-…)'],
  ])('%s → %s is exempt from every pull request rule', (head, base, exemption) => {
    const evaluation = evaluate(
      { event: pullRequest({ head, base, title: 'Bump something' }) },
      { ...policy, titles: { types: ['feat'], requireScope: true } },
    );
    expect(evaluation.verdict).toBe('pass');
    expect(evaluation.exemption).toBe(exemption);
    expect(evaluation.checks).toEqual([
      { rule: 'flows', status: 'exempt', detail: exemption },
      { rule: 'naming', status: 'exempt', detail: exemption },
      { rule: 'protected', status: 'skipped', detail: 'applies to pushes' },
      { rule: 'titles', status: 'exempt', detail: exemption },
    ]);
  });

  test.each([
    ['revert-feature/x', 'a branch merely named revert-… is not GitHub’s'],
    ['dependabot', 'the bot prefix alone'],
  ])('%s is checked (%s)', (head) => {
    expect(evaluate({ event: pullRequest({ head, base: 'main' }) }, policy).verdict).toBe('fail');
  });

  test('revert branches are checked when revert-branches is false', () => {
    const evaluation = evaluate(
      { event: pullRequest({ head: 'revert-42-feature/login-form', base: 'development' }) },
      withExceptions({ revertBranches: false }),
    );
    expect(evaluation.exemption).toBeUndefined();
    expect(evaluation.violations.map((v) => v.rule)).toEqual(['flows', 'naming']);
  });

  test('bot branches can be configured away', () => {
    const evaluation = evaluate(
      { event: pullRequest({ head: 'dependabot/npm_and_yarn/x', base: 'main' }) },
      withExceptions({ botBranches: [] }),
    );
    expect(evaluation.verdict).toBe('fail');
  });
});

describe('drafts', () => {
  test('failures of a draft become warnings by default', () => {
    const evaluation = evaluate({ event: pullRequest({ ...badPullRequest, draft: true }) }, policy);
    expect(evaluation.verdict).toBe('warn');
    expect(evaluation.violations.map((v) => [v.rule, v.severity, v.note])).toEqual([
      ['flows', 'warn', 'draft pull request'],
      ['naming', 'warn', 'draft pull request'],
    ]);
    expect(evaluation.checks.map((c) => c.status)).toEqual(['warn', 'warn', 'skipped', 'skipped']);
  });

  test('drafts: enforce keeps them failures', () => {
    const evaluation = evaluate(
      { event: pullRequest({ ...badPullRequest, draft: true }) },
      withExceptions({ drafts: 'enforce' }),
    );
    expect(evaluation.verdict).toBe('fail');
    expect(evaluation.violations.every((v) => v.severity === 'fail' && v.note === undefined)).toBe(true);
  });

  test('fail-on-warn makes a draft fail again, and says why', () => {
    const evaluation = evaluate({ event: pullRequest({ ...badPullRequest, draft: true }) }, policy, {
      failOnWarn: true,
    });
    expect(evaluation.verdict).toBe('fail');
    expect(evaluation.violations.map((v) => v.note)).toEqual([
      'draft pull request; fail-on-warn',
      'draft pull request; fail-on-warn',
    ]);
  });
});

describe('override label', () => {
  test('turns failures into warnings and is recorded', () => {
    const evaluation = evaluate(
      { event: pullRequest({ ...badPullRequest, labels: ['policy-override', 'urgent'] }) },
      policy,
    );
    expect(evaluation.verdict).toBe('warn');
    expect(evaluation.violations.map((v) => [v.severity, v.note])).toEqual([
      ['warn', "overridden by label 'policy-override'"],
      ['warn', "overridden by label 'policy-override'"],
    ]);
    expect(evaluation.override).toEqual({ label: 'policy-override', pullNumber: 42, overridden: 2 });
  });

  test('records who applied it when the event is that labeling', () => {
    const event = pullRequest({
      ...badPullRequest,
      action: 'labeled',
      labels: ['policy-override'],
      labeledBy: { label: 'policy-override', actor: 'lead-dev' },
    });
    expect(evaluate({ event }, policy).override).toEqual({
      label: 'policy-override',
      pullNumber: 42,
      overridden: 2,
      appliedBy: 'lead-dev',
    });
  });

  test('another label being applied is not recorded as the override', () => {
    const event = pullRequest({
      ...badPullRequest,
      action: 'labeled',
      labels: ['policy-override', 'urgent'],
      labeledBy: { label: 'urgent', actor: 'someone' },
    });
    expect(evaluate({ event }, policy).override?.appliedBy).toBeUndefined();
  });

  test('wins over fail-on-warn: the label is the audited way out', () => {
    const evaluation = evaluate(
      { event: pullRequest({ ...badPullRequest, labels: ['policy-override'] }) },
      policy,
      {
        failOnWarn: true,
      },
    );
    expect(evaluation.verdict).toBe('warn');
  });

  test('a custom label name is honoured, the default one then is not', () => {
    const custom = withExceptions({ overrideLabel: 'ship-it' });
    expect(evaluate({ event: pullRequest({ ...badPullRequest, labels: ['ship-it'] }) }, custom).verdict).toBe(
      'warn',
    );
    expect(
      evaluate({ event: pullRequest({ ...badPullRequest, labels: ['policy-override'] }) }, custom).verdict,
    ).toBe('fail');
  });

  test('does nothing when disabled', () => {
    const { overrideLabel: _dropped, ...exceptions } = policy.exceptions;
    const evaluation = evaluate(
      { event: pullRequest({ ...badPullRequest, labels: ['policy-override'] }) },
      { ...policy, exceptions },
    );
    expect(evaluation.verdict).toBe('fail');
    expect(evaluation.override).toBeUndefined();
  });

  test('on a compliant pull request it overrides nothing', () => {
    const evaluation = evaluate(
      { event: pullRequest({ head: 'feature/x', base: 'development', labels: ['policy-override'] }) },
      policy,
    );
    expect(evaluation.verdict).toBe('pass');
    expect(evaluation.override).toEqual({ label: 'policy-override', pullNumber: 42, overridden: 0 });
  });
});

describe('fail-on-warn', () => {
  test('turns a warn-severity rule into a failure', () => {
    const lenient: Policy = { ...policy, severity: { ...policy.severity, naming: 'warn' } };
    const event = pullRequest({ head: 'login', base: 'development' });
    expect(evaluate({ event }, lenient).verdict).toBe('fail'); // the flow still fails
    const onlyNaming: Policy = { ...lenient, flows: [{ from: ['**'], to: ['**'] }] };
    expect(evaluate({ event }, onlyNaming).verdict).toBe('warn');
    expect(evaluate({ event }, onlyNaming, { failOnWarn: true }).verdict).toBe('fail');
  });
});
