import { isGlob, matchesGlob, OptionError } from '@shipkit/runtime';

/**
 * Which namespaces a dump takes: include/exclude patterns (`db`, `db.coll`, globs such as `shop.*`,
 * `*.events`, `shop.order?`; exclude wins), on top of the rules mongodump follows for databases and
 * system collections (`skipReason`).
 */

export type FilterKind = 'include' | 'exclude';

export interface NamespacePattern {
  /** The pattern as the user wrote it. */
  text: string;
  kind: FilterKind;
  /** The database part; a pattern without a dot takes every collection of the database. */
  db: string;
  collection: string;
}

export interface NamespaceRef {
  db: string;
  collection: string;
}

const PATTERN_HELP =
  'expected db, db.collection or a glob with * and ? such as shop.*, *.events or shop.order?';

/** Parses one pattern; a malformed one is an `OptionError` about its option, `include` or `exclude`. */
export function parseNamespacePattern(text: string, kind: FilterKind): NamespacePattern {
  const trimmed = text.trim();
  const fail = (why: string) =>
    new OptionError(kind, `has '${text}', which is not valid: ${why}; ${PATTERN_HELP}.`);
  if (trimmed === '') throw fail('it is empty');
  if (/\s/.test(trimmed)) throw fail('it contains white space');
  const dot = trimmed.indexOf('.');
  const db = dot < 0 ? trimmed : trimmed.slice(0, dot);
  const collection = dot < 0 ? '*' : trimmed.slice(dot + 1);
  if (db === '') throw fail('the database part is empty');
  if (collection === '') throw fail('the collection part is empty');
  if (/[/\\"$]/.test(db)) throw fail('database names cannot contain / \\ " or $');
  return { text: trimmed, kind, db, collection };
}

/**
 * Each part is matched on its own, with the suite's glob syntax and no separator: `*` matches any
 * run of characters (dots included), `?` exactly one; a part without a wildcard is compared as it is.
 */
function matchesPart(glob: string, name: string): boolean {
  return isGlob(glob) ? matchesGlob(name, glob) : glob === name;
}

export function patternMatches(pattern: NamespacePattern, ns: NamespaceRef): boolean {
  return matchesPart(pattern.db, ns.db) && matchesPart(pattern.collection, ns.collection);
}

/** Databases a dump never takes, and admin, which it takes only when an include names it. */
const NEVER_DUMPED_DATABASES = new Set(['local', 'config']);

/**
 * Why mongodump's rules leave a namespace out of a dump, or undefined when it is dumped:
 * `local` and `config` never; `system.*` collections except `system.users` and `system.roles` in
 * admin and `system.js` anywhere. `system.buckets.<name>` is not a namespace of its own: its data
 * is dumped with the time-series collection `<name>`. `system.views` is not data: views come from
 * listCollections.
 */
export function skipReason(ns: NamespaceRef): string | undefined {
  if (NEVER_DUMPED_DATABASES.has(ns.db)) return `the ${ns.db} database is never dumped`;
  const { collection } = ns;
  if (!collection.startsWith('system.')) return undefined;
  if (collection === 'system.js') return undefined;
  if (ns.db === 'admin' && (collection === 'system.users' || collection === 'system.roles')) return undefined;
  if (collection.startsWith('system.buckets.')) {
    return `time-series buckets are dumped with their collection ${collection.slice('system.buckets.'.length)}`;
  }
  if (collection === 'system.views') return 'view definitions are dumped as views, not as data';
  return 'system collections are not dumped';
}

export interface FilterSpec {
  include?: readonly string[];
  exclude?: readonly string[];
}

/** Compiled include/exclude filters plus the skip rules. */
export class NamespaceFilter {
  readonly include: readonly NamespacePattern[];
  readonly exclude: readonly NamespacePattern[];

  constructor(spec: FilterSpec = {}) {
    this.include = (spec.include ?? []).map((text) => parseNamespacePattern(text, 'include'));
    this.exclude = (spec.exclude ?? []).map((text) => parseNamespacePattern(text, 'exclude'));
  }

  /** Whether admin was named by an include (not merely matched by a glob). */
  get includesAdminExplicitly(): boolean {
    return this.include.some((pattern) => pattern.db === 'admin');
  }

  /** Whether any namespace of `db` can be dumped: used to avoid listing databases not wanted. */
  includesDatabase(db: string): boolean {
    if (NEVER_DUMPED_DATABASES.has(db)) return false;
    if (db === 'admin' && !this.includesAdminExplicitly) return false;
    if (this.exclude.some((pattern) => pattern.collection === '*' && matchesPart(pattern.db, db)))
      return false;
    return this.include.length === 0 || this.include.some((pattern) => matchesPart(pattern.db, db));
  }

  /** Whether the filters select a namespace, ignoring the skip rules. */
  selects(ns: NamespaceRef): boolean {
    if (!this.includesDatabase(ns.db)) return false;
    if (this.exclude.some((pattern) => patternMatches(pattern, ns))) return false;
    return this.include.length === 0 || this.include.some((pattern) => patternMatches(pattern, ns));
  }

  /** The final decision: selected by the filters and not left out by the skip rules. */
  includes(ns: NamespaceRef): boolean {
    return skipReason(ns) === undefined && this.selects(ns);
  }

  /**
   * Patterns that match none of `existing` (the namespaces a dump could take): a typo that would
   * silently dump nothing, or everything. An exclude counts as matching when it matches a
   * namespace the includes selected.
   */
  unmatched(existing: readonly NamespaceRef[]): NamespacePattern[] {
    const dumpable = existing.filter((ns) => skipReason(ns) === undefined);
    const missing: NamespacePattern[] = [];
    for (const pattern of this.include) {
      if (!dumpable.some((ns) => patternMatches(pattern, ns))) missing.push(pattern);
    }
    for (const pattern of this.exclude) {
      if (!dumpable.some((ns) => patternMatches(pattern, ns))) missing.push(pattern);
    }
    return missing;
  }
}

const MAX_LISTED = 25;

/**
 * What is wrong with a filter that matches nothing ("matches nothing on the server. …"): lists
 * what exists, databases when the database part matched none, else the collections of the
 * databases it matched.
 */
export function unmatchedReason(
  pattern: NamespacePattern,
  existing: readonly NamespaceRef[],
  databases: readonly string[] = [...new Set(existing.map((ns) => ns.db))],
): string {
  const dumpable = existing.filter((ns) => skipReason(ns) === undefined);
  const matchedDatabases = databases.filter((db) => matchesPart(pattern.db, db));
  const head = 'matches nothing on the server';
  const skipped = existing.find((ns) => patternMatches(pattern, ns) && skipReason(ns) !== undefined);
  const why = skipped ? ` (${skipped.db}.${skipped.collection}: ${skipReason(skipped)})` : '';
  if (NEVER_DUMPED_DATABASES.has(pattern.db)) return `${head}: the ${pattern.db} database is never dumped.`;
  if (matchedDatabases.length === 0) return `${head}. Databases: ${listed(databases)}.`;
  const collections = dumpable
    .filter((ns) => matchedDatabases.includes(ns.db))
    .map((ns) => `${ns.db}.${ns.collection}`);
  return `${head}${why}. Collections there: ${listed(collections)}.`;
}

/** The error for a filter that matches nothing: a typo that would silently dump nothing, or everything. */
export function unmatchedFilterError(
  pattern: NamespacePattern,
  existing: readonly NamespaceRef[],
  databases?: readonly string[],
): OptionError {
  return new OptionError(
    pattern.kind,
    `has '${pattern.text}', which ${unmatchedReason(pattern, existing, databases)}`,
  );
}

/** The warning for an exclude filter that matches nothing, in words that fit every edge. */
export function unmatchedFilterWarning(
  pattern: NamespacePattern,
  existing: readonly NamespaceRef[],
  databases?: readonly string[],
): string {
  return `${pattern.kind} filter '${pattern.text}' ${unmatchedReason(pattern, existing, databases)}`;
}

/** Throws for the first include or exclude filter that matches nothing. */
export function assertFiltersMatch(
  filter: NamespaceFilter,
  existing: readonly NamespaceRef[],
  databases?: readonly string[],
): void {
  const [first] = filter.unmatched(existing);
  if (first) throw unmatchedFilterError(first, existing, databases);
}

function listed(names: readonly string[]): string {
  if (names.length === 0) return '(none)';
  const sorted = [...names].sort();
  const shown = sorted.slice(0, MAX_LISTED).join(', ');
  return sorted.length > MAX_LISTED ? `${shown} and ${sorted.length - MAX_LISTED} more` : shown;
}
