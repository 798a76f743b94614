import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { branchPatternProblem, firstMatch, matchesGlob } from '../src/glob';

describe('branch patterns', () => {
  test.each([
    ['feature/*', 'feature/login', true],
    ['feature/*', 'feature/', true],
    ['feature/*', 'feature/a/b', false],
    ['feature/*', 'features/login', false],
    ['feature/*', 'xfeature/login', false],
    ['feature/**', 'feature/a/b', true],
    ['dependabot/**', 'dependabot/npm_and_yarn/express-4.21.2', true],
    ['dependabot/**', 'dependabot', false],
    ['release/?.?', 'release/1.4', true],
    ['release/?.?', 'release/1.40', false],
    ['release/1.4', 'release/1x4', false],
    ['main', 'main', true],
    ['main', 'main2', false],
    ['main', 'xmain', false],
    ['*', 'main', true],
    ['*', 'feature/login', false],
    ['**', 'feature/login', true],
    ['*[bot]', 'dependabot[bot]', true],
    ['*[bot]', 'dependabotb', false],
    ['v1.0+build', 'v1.0+build', true],
  ])('%s matches %s: %s', (pattern, name, expected) => {
    expect(matchesGlob(name, pattern)).toBe(expected);
  });

  test('firstMatch names the pattern that matched, in order', () => {
    expect(firstMatch('hotfix/pay', ['feature/*', 'hotfix/*', '**'])).toBe('hotfix/*');
    expect(firstMatch('other', ['feature/*', 'hotfix/*'])).toBeUndefined();
  });

  test('a single * never crosses a slash (property)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z0-9-]{1,8}$/),
        fc.stringMatching(/^[a-z0-9-]{0,8}(\/[a-z0-9-]{1,8}){1,3}$/),
        (prefix, rest) => {
          expect(matchesGlob(`${prefix}/${rest}`, `${prefix}/*`)).toBe(false);
          expect(matchesGlob(`${prefix}/${rest}`, `${prefix}/**`)).toBe(true);
        },
      ),
    );
  });

  test.each([
    ['feature/*', undefined],
    ['dependabot/**', undefined],
    ['', 'must not be empty'],
    [
      'feature/.*',
      "'feature/.*' has a path segment starting with '.' or a '..', which git does not allow in branch names (patterns use * and ** only, not regular expressions)",
    ],
    [
      'feature/[a-z]+',
      "'feature/[a-z]+' contains '[', which git does not allow in branch names (patterns use * and ** only, not regular expressions)",
    ],
    [
      '^main$',
      "'^main$' contains '^', which git does not allow in branch names (patterns use * and ** only, not regular expressions)",
    ],
    [
      'my branch',
      "'my branch' contains whitespace, which git does not allow in branch names (patterns use * and ** only, not regular expressions)",
    ],
    ['refs/heads/main', "'refs/heads/main' must be a branch name without 'refs/heads/'"],
  ])('pattern %j: %s', (pattern, problem) => {
    expect(branchPatternProblem(pattern)).toBe(problem);
  });
});
