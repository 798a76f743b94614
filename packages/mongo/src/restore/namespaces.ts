import { BUCKETS_PREFIX, type Namespace, namespaceName } from '@shipkit/archive';
import {
  fillGlob,
  type GlobOptions,
  globSource,
  globWildcards,
  OptionError,
  ref,
  say,
} from '@shipkit/runtime';

/**
 * Which namespaces of an archive are restored, and under which names. Patterns are `db.collection`
 * in the suite's glob syntax (`globSource` in @shipkit/runtime), as in mongorestore's
 * `--nsInclude`/`--nsFrom`: `shop.*`, `*.orders`, `shop.orders`; a bare `shop` means `shop.*`. A `*`
 * of the database part stops at the dot, one of the collection part may span dots; in
 * include/exclude `?` is any one character, in renames it stands for itself. A rename maps the text
 * each wildcard of `from` matched onto the wildcard at the same position in `to`.
 */
export interface NamespaceRename {
  from: string;
  to: string;
}

export interface NamespaceSelection {
  /** Source namespaces to restore; empty means all. */
  include?: readonly string[];
  /** Source namespaces to leave out, applied after `include`. */
  exclude?: readonly string[];
  /** Tried in order; the first whose `from` matches renames the namespace. */
  renames?: readonly NamespaceRename[];
}

const PATTERN_FORM = "a database or namespace pattern such as 'shop', 'shop.*', '*.orders' or 'shop.orders'";

function compilePattern(pattern: string, option: string, oneCharWildcard = false): RegExp {
  const text = withCollections(pattern);
  const dot = text.indexOf('.');
  if (dot <= 0 || dot === text.length - 1)
    throw new OptionError(option, `must be ${PATTERN_FORM}, got '${pattern}'.`);
  const literalQuestionMark = !oneCharWildcard;
  const db = globSource(text.slice(0, dot), { separator: '.', literalQuestionMark });
  const collection = globSource(text.slice(dot + 1), { literalQuestionMark });
  return new RegExp(`^${db}\\.${collection}$`, 's');
}

/** Rename patterns: `?` stands for itself, since collection names may hold one. */
const RENAME: GlobOptions = { literalQuestionMark: true };

/** A bare database name stands for all its collections: `shop` is `shop.*`. */
function withCollections(pattern: string): string {
  const text = pattern.trim();
  return text !== '' && !text.includes('.') ? `${text}.*` : text;
}

function wildcards(pattern: string): number {
  return globWildcards(withCollections(pattern), RENAME);
}

/** Decides, for each source namespace, whether it is restored and what it is called in the target. */
export class NamespaceMapper {
  readonly #include: RegExp[];
  readonly #exclude: RegExp[];
  readonly #renames: { from: RegExp; to: string }[];

  constructor(selection: NamespaceSelection = {}) {
    this.#include = (selection.include ?? []).map((p) => compilePattern(p, 'include', true));
    this.#exclude = (selection.exclude ?? []).map((p) => compilePattern(p, 'exclude', true));
    this.#renames = (selection.renames ?? []).map(({ from, to }) => {
      const target = withCollections(to);
      if (wildcards(from) !== wildcards(target)) {
        throw new OptionError(
          'ns-from',
          say`('${from}') and ${ref('ns-to')} ('${to}') must have the same number of '*' wildcards.`,
        );
      }
      compilePattern(target, 'ns-to');
      return { from: compilePattern(from, 'ns-from'), to: target };
    });
  }

  /** Whether a source namespace is restored. A time-series bucket follows its collection. */
  selects(ns: Namespace): boolean {
    const name = namespaceName(visibleNamespace(ns));
    if (this.#include.length > 0 && !this.#include.some((re) => re.test(name))) return false;
    return !this.#exclude.some((re) => re.test(name));
  }

  /** The target namespace for a source namespace (the same one when no rename matches). */
  target(ns: Namespace): Namespace {
    const visible = visibleNamespace(ns);
    const renamed = this.#rename(namespaceName(visible));
    const bucket = ns.collection !== visible.collection;
    return bucket ? { db: renamed.db, collection: BUCKETS_PREFIX + renamed.collection } : renamed;
  }

  #rename(name: string): Namespace {
    for (const { from, to } of this.#renames) {
      const match = from.exec(name);
      if (!match) continue;
      return splitNamespace(fillGlob(to, match.slice(1), RENAME), name);
    }
    return splitNamespace(name, name);
  }
}

/** A time-series bucket namespace is selected and renamed under its collection's name. */
function visibleNamespace(ns: Namespace): Namespace {
  return ns.collection.startsWith(BUCKETS_PREFIX)
    ? { db: ns.db, collection: ns.collection.slice(BUCKETS_PREFIX.length) }
    : ns;
}

function splitNamespace(name: string, source: string): Namespace {
  const dot = name.indexOf('.');
  const db = name.slice(0, dot);
  const collection = name.slice(dot + 1);
  if (dot <= 0 || collection === '' || /[/\\ "$]/.test(db) || db.length >= 64) {
    throw new OptionError('ns-to', `renames ${source} to '${name}', which is not a valid target namespace.`);
  }
  return { db, collection };
}

/** Pairs `ns-from`/`ns-to` lists given side by side, as the CLI and the action take them. */
export function pairRenames(from: readonly string[], to: readonly string[]): NamespaceRename[] {
  if (from.length !== to.length) {
    throw new OptionError(
      'ns-from',
      say`and ${ref('ns-to')} must be given in pairs: got ${from.length} and ${to.length}.`,
    );
  }
  return from.map((pattern, i) => ({ from: pattern, to: to[i] as string }));
}
