import { describe, expect, test } from '@jest/globals';
import { evaluate } from '../src/evaluate';
import { defaultPolicy, type Policy } from '../src/policy';
import { CONVENTIONAL_TYPES } from '../src/schema';
import { pullRequest } from './helpers';

const RENAME = 'Rename the branch on GitHub (Branches page, pencil icon) so this pull request stays open.';

function withNaming(naming: Partial<Policy['naming']>): Policy {
  const policy = defaultPolicy();
  return { ...policy, naming: { ...policy.naming, ...naming } };
}

function namingViolations(head: string, policy: Policy) {
  return evaluate({ event: pullRequest({ head, base: 'development' }) }, policy)
    .violations.filter((v) => v.rule === 'naming')
    .map(({ message, matched, fix }) => ({ message, matched, fix }));
}

describe('naming', () => {
  const strict = withNaming({
    lowercase: true,
    maxLength: 30,
    ticket: { pattern: '[A-Z]+-\\d+', branches: ['feature/*', 'fix/*'] },
    branches: ['feature/*', 'fix/*', 'chore/*', 'docs/*', 'hotfix/*'],
  });

  test.each([
    ['feature/x', defaultPolicy(), 'feature/x matches feature/*'],
    ['chore/bump-node', strict, 'chore/bump-node matches chore/*'],
  ])('%s passes', (head, policy, detail) => {
    const evaluation = evaluate({ event: pullRequest({ head, base: 'development' }) }, policy);
    expect(evaluation.checks.find((c) => c.rule === 'naming')).toEqual({
      rule: 'naming',
      status: 'pass',
      detail,
    });
  });

  test('a ticket reference is named in what matched', () => {
    const ticketPolicy = withNaming({ ticket: { pattern: '[a-z]+-\\d+', branches: ['feature/*'] } });
    const evaluation = evaluate(
      { event: pullRequest({ head: 'feature/abc-12-login', base: 'development' }) },
      ticketPolicy,
    );
    expect(evaluation.checks.find((c) => c.rule === 'naming')?.detail).toBe(
      'feature/abc-12-login matches feature/*, ticket abc-12',
    );
  });

  test.each([
    [
      'login-form',
      defaultPolicy(),
      [
        {
          message: "Branch name 'login-form' matches none of the allowed patterns.",
          matched: 'allowed: feature/*, fix/*, chore/*, docs/*, development, release/*, hotfix/*, main',
          fix: `Use a name such as 'feature/login-form'. ${RENAME}`,
        },
      ],
    ],
    [
      'feat/login',
      defaultPolicy(),
      [
        {
          message: "Branch name 'feat/login' matches none of the allowed patterns.",
          matched: 'allowed: feature/*, fix/*, chore/*, docs/*, development, release/*, hotfix/*, main',
          fix: `Use a name such as 'feature/login'. ${RENAME}`,
        },
      ],
    ],
    [
      'feature/Login-Form',
      withNaming({ lowercase: true }),
      [
        {
          message:
            "Branch name 'feature/Login-Form' has upper-case letters; only lower-case names are allowed.",
          matched: 'upper-case: LF',
          fix: `Rename it to 'feature/login-form'. ${RENAME}`,
        },
      ],
    ],
    [
      'feature/a-very-long-branch-name-for-a-small-change',
      withNaming({ maxLength: 30 }),
      [
        {
          message:
            "Branch name 'feature/a-very-long-branch-name-for-a-small-change' is 50 characters long; the limit is 30.",
          matched: 'length 50 > 30',
          fix: `Shorten the name by 20 characters or more. ${RENAME}`,
        },
      ],
    ],
    [
      'fix/cart-total',
      strict,
      [
        {
          message: "Branch name 'fix/cart-total' has no ticket reference matching /[A-Z]+-\\d+/.",
          matched: 'fix/* branches need a ticket reference',
          fix: `Put the ticket id in the name, after the prefix (e.g. 'fix/<TICKET>-cart-total'). ${RENAME}`,
        },
      ],
    ],
    [
      'Wip/Everything-At-Once-Without-A-Ticket',
      strict,
      [
        {
          message:
            "Branch name 'Wip/Everything-At-Once-Without-A-Ticket' matches none of the allowed patterns.",
          matched: 'allowed: feature/*, fix/*, chore/*, docs/*, hotfix/*',
          fix: `Use a name such as 'feature/everything-at-once-without-a-ticket'. ${RENAME}`,
        },
        {
          message:
            "Branch name 'Wip/Everything-At-Once-Without-A-Ticket' has upper-case letters; only lower-case names are allowed.",
          matched: 'upper-case: WEAOT',
          fix: `Rename it to 'wip/everything-at-once-without-a-ticket'. ${RENAME}`,
        },
        {
          message:
            "Branch name 'Wip/Everything-At-Once-Without-A-Ticket' is 39 characters long; the limit is 30.",
          matched: 'length 39 > 30',
          fix: `Shorten the name by 9 characters or more. ${RENAME}`,
        },
      ],
    ],
  ])('%s', (head, policy, expected) => {
    expect(namingViolations(head, policy)).toEqual(expected);
  });

  test('a ticket id keeps its case under lowercase; the words around it do not', () => {
    expect(namingViolations('feature/ABC-12-Login', strict)).toEqual([
      {
        message:
          "Branch name 'feature/ABC-12-Login' has upper-case letters; only lower-case names are allowed.",
        matched: 'upper-case: L',
        fix: `Rename it to 'feature/ABC-12-login'. ${RENAME}`,
      },
    ]);
  });

  test('the ticket is required only on the listed branches', () => {
    expect(namingViolations('chore/bump-node', strict)).toEqual([]);
    expect(namingViolations('feature/ABC-12-login', strict)).toEqual([]);
  });
});

describe('titles', () => {
  const base: Policy = { ...defaultPolicy(), titles: { types: CONVENTIONAL_TYPES, requireScope: false } };
  const scoped: Policy = {
    ...base,
    titles: {
      types: ['feat', 'fix', 'chore'],
      scopes: ['auth', 'cart'],
      requireScope: true,
      subjectPattern: '^[a-z]',
    },
  };
  const titleViolations = (title: string, policy: Policy, head = 'feature/login-form') =>
    evaluate({ event: pullRequest({ head, base: 'development', title }) }, policy)
      .violations.filter((v) => v.rule === 'titles')
      .map(({ message, fix }) => ({ message, fix }));

  test.each([
    ['feat: add login form', base, "'feat: add login form': type feat"],
    ['fix(cart): round totals', base, "'fix(cart): round totals': type fix, scope cart"],
    [
      'feat(auth,cart)!: drop legacy sessions',
      scoped,
      "'feat(auth,cart)!: drop legacy sessions': type feat, scope auth,cart, breaking",
    ],
    ['revert: feat: add login form', base, "'revert: feat: add login form': type revert"],
  ])('%j passes', (title, policy, detail) => {
    const evaluation = evaluate(
      { event: pullRequest({ head: 'feature/login-form', base: 'development', title }) },
      policy,
    );
    expect(evaluation.violations).toEqual([]);
    expect(evaluation.checks.find((c) => c.rule === 'titles')).toEqual({
      rule: 'titles',
      status: 'pass',
      detail,
    });
  });

  test.each([
    [
      'Add login form',
      base,
      'feature/login-form',
      [
        {
          message: "Title 'Add login form' is not a Conventional Commits header ('type(scope): subject').",
          fix: "Edit the title, e.g. 'feat: add login form'.",
        },
      ],
    ],
    [
      'Fixes the cart total',
      base,
      'hotfix/cart-total',
      [
        {
          message:
            "Title 'Fixes the cart total' is not a Conventional Commits header ('type(scope): subject').",
          fix: "Edit the title, e.g. 'fix: fixes the cart total'.",
        },
      ],
    ],
    [
      'Feature: login form',
      scoped,
      'feature/login-form',
      [
        {
          message: "Type 'Feature' is not allowed in pull request titles.",
          fix: 'Start the title with one of: feat, fix, chore.',
        },
        {
          message: 'The title has no scope, and a scope is required.',
          fix: "Add one: 'feat(auth): login form'; allowed scopes: auth, cart.",
        },
      ],
    ],
    [
      'feat:missing space',
      base,
      'feature/login-form',
      [
        {
          message:
            "Title 'feat:missing space' is not a Conventional Commits header ('type(scope): subject').",
          fix: "Edit the title, e.g. 'feat: missing space'.",
        },
      ],
    ],
    [
      'docs(search): explain filters',
      scoped,
      'docs/search',
      [
        {
          message: "Type 'docs' is not allowed in pull request titles.",
          fix: 'Start the title with one of: feat, fix, chore.',
        },
        { message: "Scope 'search' is not allowed in pull request titles.", fix: 'Use one of: auth, cart.' },
      ],
    ],
    [
      'feat(): add login form',
      base,
      'feature/login-form',
      [
        {
          message: 'The title has an empty scope.',
          fix: "Name the scope inside the parentheses or remove them: 'feat: add login form'.",
        },
      ],
    ],
    [
      'feat(auth): ',
      scoped,
      'feature/login-form',
      [
        {
          message: "The title has no subject after 'feat:'.",
          fix: "Describe the change after the colon, e.g. 'feat(auth): add login form'.",
        },
      ],
    ],
    [
      'feat(auth): Add login form',
      scoped,
      'feature/login-form',
      [
        {
          message: "Subject 'Add login form' does not match /^[a-z]/.",
          fix: 'Reword the subject so it matches /^[a-z]/.',
        },
      ],
    ],
  ])('%j is refused', (title, policy, head, expected) => {
    expect(titleViolations(title, policy, head)).toEqual(expected);
  });

  test('titles are skipped when the policy has no titles section', () => {
    const evaluation = evaluate(
      { event: pullRequest({ head: 'feature/x', base: 'development', title: 'whatever' }) },
      defaultPolicy(),
    );
    expect(evaluation.checks.find((c) => c.rule === 'titles')).toEqual({
      rule: 'titles',
      status: 'skipped',
      detail: 'not configured',
    });
  });
});
