/**
 * Branch patterns as GitHub writes them in branch protection: `*` stays within one path segment,
 * `**` crosses `/`, `?` is one character; everything else is literal.
 */

// Characters git refuses in branch names (git check-ref-format): a pattern containing one can never
// match, so it is almost certainly a regular expression or a typo.
const FORBIDDEN_IN_BRANCH = /[\s~^:\\[]/;

export function globToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i] as string;
    if (char === '*' && pattern[i + 1] === '*') {
      source += '.*';
      i += 1;
    } else if (char === '*') {
      source += '[^/]*';
    } else if (char === '?') {
      source += '[^/]';
    } else {
      source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`);
}

const compiled = new Map<string, RegExp>();

export function matchesGlob(name: string, pattern: string): boolean {
  let regExp = compiled.get(pattern);
  if (!regExp) {
    regExp = globToRegExp(pattern);
    compiled.set(pattern, regExp);
  }
  return regExp.test(name);
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
