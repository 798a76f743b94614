import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { evaluate } from '../src/evaluate';
import { defaultPolicy, type Policy } from '../src/policy';
import { pullRequest } from './helpers';

const policy = defaultPolicy();
const flowsOnly = (head: string, base: string) =>
  evaluate({ event: pullRequest({ head, base }) }, policy).violations.filter((v) => v.rule === 'flows');

describe('default flows: every allowed pair passes', () => {
  test.each([
    ['feature/login-form', 'development', 'feature/* → development'],
    ['fix/cart-total', 'development', 'fix/* → development'],
    ['chore/bump-node', 'development', 'chore/* → development'],
    ['docs/readme', 'development', 'docs/* → development'],
    ['development', 'main', 'development → main'],
    ['release/1.4.0', 'main', 'release/* → main'],
    ['hotfix/payment-timeout', 'main', 'hotfix/* → main'],
    ['hotfix/payment-timeout', 'development', 'hotfix/* → development'],
    ['main', 'development', 'main → development'],
  ])('%s → %s (flow %s)', (head, base, flow) => {
    const evaluation = evaluate({ event: pullRequest({ head, base }) }, policy);
    expect(evaluation.verdict).toBe('pass');
    expect(evaluation.violations).toEqual([]);
    expect(evaluation.checks.find((c) => c.rule === 'flows')).toEqual({
      rule: 'flows',
      status: 'pass',
      detail: `${head} → ${base} (flow ${flow})`,
    });
  });
});

describe('default flows: refused pairs say what matched and how to fix it', () => {
  test.each([
    [
      'feature/login-form',
      'main',
      'feature/login-form matches feature/*, which may target development only',
      "Change the base branch to development (Edit, next to the pull request's title). Only development, release/*, hotfix/* may target main.",
    ],
    [
      'fix/cart-total',
      'main',
      'fix/cart-total matches fix/*, which may target development only',
      "Change the base branch to development (Edit, next to the pull request's title). Only development, release/*, hotfix/* may target main.",
    ],
    [
      'chore/bump-node',
      'main',
      'chore/bump-node matches chore/*, which may target development only',
      "Change the base branch to development (Edit, next to the pull request's title). Only development, release/*, hotfix/* may target main.",
    ],
    [
      'docs/readme',
      'main',
      'docs/readme matches docs/*, which may target development only',
      "Change the base branch to development (Edit, next to the pull request's title). Only development, release/*, hotfix/* may target main.",
    ],
    [
      'release/1.4.0',
      'development',
      'release/1.4.0 matches release/*, which may target main only',
      "Change the base branch to main (Edit, next to the pull request's title). Only feature/*, fix/*, chore/*, docs/*, hotfix/*, main may target development.",
    ],
    [
      'feature/login-form',
      'release/1.4.0',
      'feature/login-form matches feature/*, which may target development only',
      "Change the base branch to development (Edit, next to the pull request's title).",
    ],
    [
      'development',
      'feature/login-form',
      'development matches development, which may target main only',
      "Change the base branch to main (Edit, next to the pull request's title).",
    ],
    [
      'hotfix/payment-timeout',
      'release/1.4.0',
      'hotfix/payment-timeout matches hotfix/*, which may target main, development only',
      "Change the base branch to main or development (Edit, next to the pull request's title).",
    ],
    [
      'login-form',
      'development',
      'no flow starts from login-form',
      'Open the pull request from a branch matching feature/*, fix/*, chore/*, docs/*, hotfix/*, main: only those may target development.',
    ],
    [
      'feature/auth/login',
      'development',
      'no flow starts from feature/auth/login',
      'Open the pull request from a branch matching feature/*, fix/*, chore/*, docs/*, hotfix/*, main: only those may target development.',
    ],
    [
      'experiment/x',
      'staging',
      'no flow starts from experiment/x',
      'No flow targets staging. Choose a base branch that a flow lists, or add a flow to the policy file.',
    ],
  ])('%s → %s', (head, base, matched, fix) => {
    expect(flowsOnly(head, base)).toEqual([
      { rule: 'flows', severity: 'fail', message: `${head} may not be merged into ${base}.`, matched, fix },
    ]);
  });
});

describe('configured flows', () => {
  const stacked: Policy = {
    ...policy,
    flows: [...policy.flows, { from: ['feature/**'], to: ['feature/**'] }],
  };

  test('a flow with globs on both sides allows stacked pull requests', () => {
    const evaluation = evaluate(
      { event: pullRequest({ head: 'feature/step-2', base: 'feature/step-1' }) },
      stacked,
    );
    expect(evaluation.violations.filter((v) => v.rule === 'flows')).toEqual([]);
  });

  test('severity warn reports a refused flow as a warning', () => {
    const lenient: Policy = { ...policy, severity: { ...policy.severity, flows: 'warn' } };
    const evaluation = evaluate({ event: pullRequest({ head: 'feature/x', base: 'main' }) }, lenient);
    expect(evaluation.verdict).toBe('warn');
    expect(evaluation.violations.map((v) => [v.rule, v.severity])).toEqual([['flows', 'warn']]);
  });

  test('a pull request passes the flow rule exactly when some flow matches both ends (property)', () => {
    const branch = fc.constantFrom(
      'main',
      'development',
      'feature/a',
      'fix/b',
      'chore/c',
      'docs/d',
      'release/1.0',
      'hotfix/e',
      'feature/a/b',
      'other',
    );
    const allowedPairs = new Set([
      'feature/a>development',
      'fix/b>development',
      'chore/c>development',
      'docs/d>development',
      'development>main',
      'release/1.0>main',
      'hotfix/e>main',
      'hotfix/e>development',
      'main>development',
    ]);
    fc.assert(
      fc.property(branch, branch, (head, base) => {
        expect(flowsOnly(head, base).length === 0).toBe(allowedPairs.has(`${head}>${base}`));
      }),
    );
  });
});
