import type { Namespace, PreludeNamespace } from '@shipkit/archive';
import { BSON, type Document } from 'mongodb';

const { EJSON } = BSON;

/**
 * What the archive prelude says about a namespace, turned into the commands that recreate it:
 * `create` with the original options (capped, validator, collation, clustered, time-series, views)
 * and `createIndexes` with the original specs. Values keep their BSON types (Int32, Long, Double…)
 * as parsed from canonical Extended JSON, so the server sees exactly what was dumped.
 */

/** The `create` command for a target namespace; `viewOn` follows a renamed source collection. */
export function createCommand(
  target: Namespace,
  entry: PreludeNamespace,
  renameViewSource: (collection: string) => string = (c) => c,
): Document {
  const options = { ...collectionOptions(entry) };
  if (entry.type === 'view' && typeof options.viewOn === 'string') {
    options.viewOn = renameViewSource(options.viewOn);
  }
  return { create: target.collection, ...options };
}

export function collectionOptions(entry: PreludeNamespace): Document {
  const options = entry.metadata?.options;
  return options !== null && typeof options === 'object' ? (options as Document) : {};
}

/** Index specs as dumped, `ns` removed (servers refuse it, and it names the source). */
export function indexSpecs(entry: PreludeNamespace): Document[] {
  const indexes = entry.metadata?.indexes;
  if (!Array.isArray(indexes)) return [];
  return indexes
    .filter((spec): spec is Document => spec !== null && typeof spec === 'object')
    .map(({ ns: _ns, ...spec }) => spec);
}

/**
 * The indexes to build after the data: every spec except those the server creates with the
 * collection. Version 2 (the default) is left out of the command, since some servers refuse `v`;
 * a legacy version is kept so the index is rebuilt as it was.
 */
export function indexesToBuild(entry: PreludeNamespace): Document[] {
  return indexSpecs(entry)
    .filter((spec) => spec.name !== '_id_' && spec.clustered !== true)
    .map(({ v, ...spec }) => (v === undefined || Number(v) === 2 ? spec : { v, ...spec }));
}

// Fields that say nothing about what an index does, or that servers add or drop on their own.
const VOLATILE_INDEX_FIELDS = new Set(['v', 'ns', 'background']);

/**
 * A comparable form of an index spec, whatever its source: BSON values from a server or the archive,
 * or canonical Extended JSON from a manifest. Numbers lose their BSON type (1, 1.0 and Long(1) agree),
 * fields other than `key` are sorted, and the key keeps its order (which matters).
 */
export function normalizeIndexSpec(spec: unknown): string {
  const plain = EJSON.serialize(EJSON.deserialize(EJSON.serialize(spec as Document), { relaxed: true }), {
    relaxed: true,
  }) as Document;
  const fields = Object.keys(plain)
    .filter((name) => !VOLATILE_INDEX_FIELDS.has(name))
    .sort();
  const out: Document = {};
  for (const name of fields) out[name] = name === 'key' ? plain[name] : sortKeys(plain[name]);
  return JSON.stringify(out);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Document = {};
  for (const name of Object.keys(value).sort()) out[name] = sortKeys((value as Document)[name]);
  return out;
}

/**
 * Compares two sets of index specs by name. Returns the differences in words, empty when they agree.
 * The `_id_` index is compared too: a clustered collection has none, a regular one always has one.
 */
export function compareIndexSpecs(expected: readonly unknown[], actual: readonly unknown[]): string[] {
  const byName = (specs: readonly unknown[]) =>
    new Map(specs.map((spec) => [String((spec as Document)?.name), normalizeIndexSpec(spec)]));
  const want = byName(expected);
  const have = byName(actual);
  const problems: string[] = [];
  for (const [name, spec] of want) {
    const found = have.get(name);
    if (found === undefined) problems.push(`index ${name} is missing`);
    else if (found !== spec) problems.push(`index ${name} differs: expected ${spec}, found ${found}`);
  }
  for (const name of have.keys()) if (!want.has(name)) problems.push(`index ${name} is unexpected`);
  return problems;
}
