import { describe, expect, test } from '@jest/globals';
import { evaluate } from '../src/evaluate';
import { defaultPolicy } from '../src/policy';
import { describePolicy, renderSummary } from '../src/report';
import { pullRequest, push } from './helpers';

const policy = defaultPolicy();

describe('job summary', () => {
  test('shows the verdict, the rule matrix with what matched, and the violations with fixes', () => {
    const evaluation = evaluate({ event: pullRequest({ head: 'feature/login-form', base: 'main' }) }, policy);
    const summary = renderSummary(evaluation, policy, '.github/branch-policy.yml');
    expect(summary).toContain('### ❌ Branch policy: fail');
    expect(summary).toContain(
      'Checked pull request #42 (feature/login-form → main) against .github/branch-policy.yml.',
    );
    expect(summary).toContain(
      [
        '| Rule | Result | What matched |',
        '| --- | --- | --- |',
        '| flows | ❌ fail | feature/login-form → main: no flow allows it |',
        '| naming | ✅ pass | feature/login-form matches feature/* |',
        '| protected | ➖ skipped | applies to pushes |',
        '| titles | ➖ skipped | not configured |',
      ].join('\n'),
    );
    expect(summary).toContain(
      '| ❌ fail | flows | feature/login-form may not be merged into main. | feature/login-form matches feature/*, which may target development only |',
    );
    expect(summary).toContain('| development, release/*, hotfix/* | main |');
  });

  test('records the override label', () => {
    const evaluation = evaluate(
      {
        event: pullRequest({
          head: 'feature/x',
          base: 'main',
          action: 'labeled',
          labels: ['policy-override'],
          labeledBy: { label: 'policy-override', actor: 'lead-dev' },
        }),
      },
      policy,
    );
    expect(renderSummary(evaluation, policy, 'the default policy')).toContain(
      'The `policy-override` label on #42 turned 1 failure into warnings; applied by @lead-dev.',
    );
  });

  test('shows the notice of an event with nothing to check', () => {
    const evaluation = evaluate({ event: push({ branch: 'feature/x' }) }, policy);
    expect(renderSummary(evaluation, policy, 'the default policy')).toContain(
      '> Nothing to check: feature/x is not a protected branch.',
    );
  });
});

describe('describePolicy', () => {
  test('lists the default policy setting by setting', () => {
    expect(describePolicy(policy)).toEqual([
      { rule: 'flows', setting: 'flow 1', value: 'feature/*, fix/*, chore/*, docs/* → development' },
      { rule: 'flows', setting: 'flow 2', value: 'development, release/*, hotfix/* → main' },
      { rule: 'flows', setting: 'flow 3', value: 'hotfix/* → development' },
      { rule: 'flows', setting: 'flow 4', value: 'main → development' },
      {
        rule: 'naming',
        setting: 'branches',
        value: 'feature/*, fix/*, chore/*, docs/*, development, release/*, hotfix/*, main',
      },
      { rule: 'naming', setting: 'ticket', value: 'not required' },
      { rule: 'naming', setting: 'max-length', value: 'no limit' },
      { rule: 'naming', setting: 'lowercase', value: 'not required' },
      { rule: 'protected', setting: 'branches', value: 'main, development' },
      { rule: 'protected', setting: 'allowed-actors', value: 'none' },
      { rule: 'titles', setting: 'enabled', value: 'no (add a titles section to check titles)' },
      { rule: 'exceptions', setting: 'bot-branches', value: 'dependabot/**, renovate/**' },
      { rule: 'exceptions', setting: 'revert-branches', value: 'exempt' },
      { rule: 'exceptions', setting: 'drafts', value: 'failures become warnings' },
      { rule: 'exceptions', setting: 'override-label', value: 'policy-override' },
      { rule: 'severity', setting: 'flows', value: 'fail' },
      { rule: 'severity', setting: 'naming', value: 'fail' },
      { rule: 'severity', setting: 'protected', value: 'fail' },
      { rule: 'severity', setting: 'titles', value: 'fail' },
    ]);
  });
});
