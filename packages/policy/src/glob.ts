import { type GlobOptions, matchesGlob as matchesPattern } from '@shipkit/runtime';

/**
 * Branch patterns as GitHub writes them in branch protection: the suite's glob syntax (see
 * `globSource` in @shipkit/runtime) with `/` as the separator — `*` stays within one path segment,
 * `**` crosses `/`, `?` is one character; everything else is literal.
 */
const BRANCH: GlobOptions = { separator: '/' };

// Characters git refuses in branch names (git check-ref-format): a pattern containing one can never
// match, so it is almost certainly a regular expression or a typo.
const FORBIDDEN_IN_BRANCH = /[\s~^:\\[]/;

/** Whether a branch matches a pattern: `*` stays within one path segment, `**` crosses `/`. */
export function matchesGlob(name: string, pattern: string): boolean {
  return matchesPattern(name, pattern, BRANCH);
}

/** The first pattern that matches the name, for saying *what* matched. */
export function firstMatch(name: string, patterns: readonly string[]): string | undefined {
  return patterns.find((pattern) => matchesGlob(name, pattern));
}

/** Why a branch pattern can never match a branch, or undefined when it is usable. */
export function branchPatternProblem(pattern: string): string | undefined {
  if (pattern.trim() === '') return 'must not be empty';
  const forbidden = FORBIDDEN_IN_BRANCH.exec(pattern);
  if (forbidden) {
    const shown = /\s/.test(forbidden[0]) ? 'whitespace' : `'${forbidden[0]}'`;
    return `'${pattern}' contains ${shown}, which git does not allow in branch names (patterns use * and ** only, not regular expressions)`;
  }
  if (pattern.split('/').some((segment) => segment.startsWith('.')) || pattern.includes('..')) {
    return `'${pattern}' has a path segment starting with '.' or a '..', which git does not allow in branch names (patterns use * and ** only, not regular expressions)`;
  }
  if (pattern.startsWith('refs/')) return `'${pattern}' must be a branch name without 'refs/heads/'`;
  return undefined;
}
