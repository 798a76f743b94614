import { describe, expect, test } from '@jest/globals';
import { evaluate } from '../src/evaluate';
import { defaultPolicy, type Policy } from '../src/policy';
import { merged, push } from './helpers';

const policy = defaultPolicy();
const withActors = (allowedActors: string[]): Policy => ({
  ...policy,
  protected: { ...policy.protected, allowedActors },
});

describe('pushes to protected branches', () => {
  test('the merge of a pull request into that branch passes, and its flow is checked too', () => {
    const evaluation = evaluate(
      {
        event: push({ branch: 'main', actors: ['bob'] }),
        associatedPulls: [merged({ head: 'release/1.4.0', base: 'main' })],
      },
      policy,
    );
    expect(evaluation.verdict).toBe('pass');
    expect(evaluation.subject).toBe('push to main (e5f6071)');
    expect(evaluation.checks).toEqual([
      { rule: 'flows', status: 'pass', detail: 'release/1.4.0 → main (flow release/* → main)' },
      { rule: 'naming', status: 'skipped', detail: 'checked on pull requests' },
      { rule: 'protected', status: 'pass', detail: 'merge of #57 (release/1.4.0 → main)' },
      { rule: 'titles', status: 'skipped', detail: 'checked on pull requests' },
    ]);
    expect(evaluation.pullNumber).toBeUndefined();
  });

  test('a merged pull request whose flow is refused fails the push', () => {
    const evaluation = evaluate(
      {
        event: push({ branch: 'main' }),
        associatedPulls: [merged({ number: 60, head: 'feature/x', base: 'main' })],
      },
      policy,
    );
    expect(evaluation.verdict).toBe('fail');
    expect(evaluation.violations.map((v) => [v.rule, v.message])).toEqual([
      ['flows', 'feature/x may not be merged into main.'],
    ]);
  });

  test('…unless that pull request carried the override label', () => {
    const evaluation = evaluate(
      {
        event: push({ branch: 'main' }),
        associatedPulls: [
          merged({ number: 60, head: 'feature/x', base: 'main', labels: ['policy-override'] }),
        ],
      },
      policy,
    );
    expect(evaluation.verdict).toBe('warn');
    expect(evaluation.override).toEqual({ label: 'policy-override', pullNumber: 60, overridden: 1 });
  });

  test.each([
    [[], 'no pull request is associated with e5f6071'],
    [
      [merged({ number: 61, head: 'feature/x', base: 'development', mergedAt: null, state: 'open' })],
      'associated pull requests: #61 (open, into development)',
    ],
    [
      [merged({ number: 62, head: 'feature/x', base: 'development' })],
      'associated pull requests: #62 (merged, into development)',
    ],
  ])('a direct push fails (%#)', (associatedPulls, matched) => {
    const evaluation = evaluate({ event: push({ branch: 'main' }), associatedPulls }, policy);
    expect(evaluation.verdict).toBe('fail');
    expect(evaluation.violations).toEqual([
      {
        rule: 'protected',
        severity: 'fail',
        message: 'Commit e5f6071 was pushed to main by alice without a pull request.',
        matched,
        fix:
          'Revert the commit on main and bring the change in through a pull request. ' +
          'If alice is automation that must push directly, list it under protected.allowed-actors.',
      },
    ]);
  });

  test.each([
    [['release-bot'], ['release-bot'], 'pushed by release-bot, an allowed actor (release-bot)'],
    [
      ['github-actions[bot]', 'github-actions[bot]'],
      ['*[bot]'],
      'pushed by github-actions[bot], an allowed actor (*[bot])',
    ],
    [['alice', 'deploy-bot'], ['deploy-bot'], 'pushed by deploy-bot, an allowed actor (deploy-bot)'],
  ])('allowed actors may push directly: %j', (actors, allowed, detail) => {
    const evaluation = evaluate(
      { event: push({ branch: 'development', actors }), associatedPulls: [] },
      withActors(allowed),
    );
    expect(evaluation.verdict).toBe('pass');
    expect(evaluation.checks.find((c) => c.rule === 'protected')).toEqual({
      rule: 'protected',
      status: 'pass',
      detail,
    });
  });

  test('a force push fails even when its head is a merged pull request', () => {
    const evaluation = evaluate(
      {
        event: push({ branch: 'main', forced: true }),
        associatedPulls: [merged({ head: 'release/1.4.0', base: 'main' })],
      },
      policy,
    );
    expect(evaluation.violations).toEqual([
      {
        rule: 'protected',
        severity: 'fail',
        message: 'main was force-pushed by alice, rewriting its history.',
        matched: 'forced push of e5f6071 to protected branch main',
        fix: 'Restore main to the commit it had before the push, and block force pushes to main in its ruleset.',
      },
    ]);
  });

  test('severity warn reports a direct push as a warning', () => {
    const evaluation = evaluate(
      { event: push({ branch: 'main' }), associatedPulls: [] },
      { ...policy, severity: { ...policy.severity, protected: 'warn' } },
    );
    expect(evaluation.verdict).toBe('warn');
  });

  test('a push to a branch that is not protected has nothing to check', () => {
    const evaluation = evaluate({ event: push({ branch: 'feature/x' }), associatedPulls: [] }, policy);
    expect(evaluation.verdict).toBe('pass');
    expect(evaluation.notice).toBe('Nothing to check: feature/x is not a protected branch.');
    expect(evaluation.checks.every((c) => c.status === 'skipped')).toBe(true);
  });

  test('protected branches may be globs', () => {
    const releases: Policy = { ...policy, protected: { branches: ['release/*'], allowedActors: [] } };
    expect(evaluate({ event: push({ branch: 'release/1.4' }), associatedPulls: [] }, releases).verdict).toBe(
      'fail',
    );
    expect(evaluate({ event: push({ branch: 'main' }), associatedPulls: [] }, releases).verdict).toBe('pass');
  });
});

describe('merge queue and other events', () => {
  test('a merge group passes with a notice naming the queued pull request', () => {
    const evaluation = evaluate(
      { event: { kind: 'merge_group', base: 'main', headSha: 'f60718293a4b', pullNumber: 57 } },
      policy,
    );
    expect(evaluation.verdict).toBe('pass');
    expect(evaluation.subject).toBe('merge queue into main (f607182)');
    expect(evaluation.notice).toBe(
      'Nothing to check in the merge queue: pull request #57 passed the branch policy before it was queued.',
    );
  });

  test('an ignored event passes with its reason', () => {
    const evaluation = evaluate(
      { event: { kind: 'ignored', reason: 'Nothing to check for schedule.' } },
      policy,
    );
    expect(evaluation).toMatchObject({
      verdict: 'pass',
      notice: 'Nothing to check for schedule.',
      violations: [],
    });
  });
});
