/**
 * The one glob syntax of the suite — branch patterns of the branch policy, namespace filters of a
 * backup, namespace selections and renames of a restore:
 *
 *   *    any run of characters that holds no separator (any run at all when there is none)
 *   **   any run of characters, separators included
 *   ?    exactly one character other than the separator (or itself, with `literalQuestionMark`)
 *
 * Everything else stands for itself: no character classes, braces or escapes. Branch patterns use
 * `/` as the separator, as GitHub's branch protection does; a namespace's database part uses `.`.
 * Each wildcard captures what it matched, in order, so a rename can carry it over (`fillGlob`).
 */
export interface GlobOptions {
  /** The character `*` and `?` do not cross. */
  separator?: string;
  /** `?` stands for itself (rename patterns, as collection names may hold one). */
  literalQuestionMark?: boolean;
}

type Token = { kind: 'text'; text: string } | { kind: 'any' | 'anyDeep' | 'one' };

function tokens(pattern: string, options: GlobOptions): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i] as string;
    if (char === '*' && pattern[i + 1] === '*') {
      out.push({ kind: 'anyDeep' });
      i += 1;
    } else if (char === '*') out.push({ kind: 'any' });
    else if (char === '?' && !options.literalQuestionMark) out.push({ kind: 'one' });
    else out.push({ kind: 'text', text: char });
  }
  return out;
}

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&');
}

/** The regular expression source of a pattern, unanchored; each wildcard is a capturing group. */
export function globSource(pattern: string, options: GlobOptions = {}): string {
  const notSeparator =
    options.separator === undefined ? '.' : `[^${options.separator.replace(/[\\\]^-]/g, '\\$&')}]`;
  const source = (token: Token): string => {
    if (token.kind === 'text') return escapeRegExp(token.text);
    if (token.kind === 'any') return `(${notSeparator}*)`;
    if (token.kind === 'anyDeep') return '(.*)';
    return `(${notSeparator})`;
  };
  return tokens(pattern, options).map(source).join('');
}

const cache = new Map<string, RegExp>();

/** The whole-string matcher of a pattern (compiled once per pattern and options). */
export function globToRegExp(pattern: string, options: GlobOptions = {}): RegExp {
  const key = `${options.separator ?? ''}\0${options.literalQuestionMark ? 1 : 0}\0${pattern}`;
  let compiled = cache.get(key);
  if (!compiled) {
    compiled = new RegExp(`^${globSource(pattern, options)}$`, 's');
    cache.set(key, compiled);
  }
  return compiled;
}

export function matchesGlob(text: string, pattern: string, options: GlobOptions = {}): boolean {
  return globToRegExp(pattern, options).test(text);
}

/** Whether a pattern holds a wildcard at all (otherwise it is compared as it is). */
export function isGlob(pattern: string, options: GlobOptions = {}): boolean {
  return tokens(pattern, options).some((token) => token.kind !== 'text');
}

/** How many wildcards a pattern has: what a rename's two sides must agree on. */
export function globWildcards(pattern: string, options: GlobOptions = {}): number {
  return tokens(pattern, options).filter((token) => token.kind !== 'text').length;
}

/** `pattern` with its wildcards replaced, in order, by `captures` (what another pattern's wildcards matched). */
export function fillGlob(pattern: string, captures: readonly string[], options: GlobOptions = {}): string {
  let next = 0;
  return tokens(pattern, options)
    .map((token) => (token.kind === 'text' ? token.text : (captures[next++] ?? '')))
    .join('');
}
