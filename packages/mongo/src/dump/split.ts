import type { NamespaceType } from '@shipkit/archive';
import { type Logger, silentLogger, UserError } from '@shipkit/runtime';
import { BSON, type Document, type MongoClient } from 'mongodb';
import { type FilterSpec, NamespaceFilter, unmatchedFilterError, unmatchedFilterWarning } from '../filters';
import { probeServer, type ServerFacts } from '../server';
import { type CatalogEntry, canonicalEjson, readCatalog } from './catalog';
import { type AssignedNamespace, collectionSize } from './dump';
import { planIdRanges } from './ranges';

/**
 * Splitting one backup into parts that run on different machines: the catalogue is read once, large
 * collections are cut into `_id` ranges (the range splitter of a one-part dump), and whole
 * collections and ranges are dealt to the parts largest first, each to the part holding the fewest
 * bytes so far, so the parts end up about equal.
 *
 * Everything a part needs is plain JSON (canonical Extended JSON for options, indexes and filters),
 * so a plan written on one runner is read back with exact BSON types on another.
 */
export interface SplitOptions extends FilterSpec {
  client: MongoClient;
  parts: number;
  /** Whether an include filter that matches nothing fails the plan (default) or is only a warning. */
  requireIncludeMatch?: boolean;
  signal?: AbortSignal;
  logger?: Logger;
}

/** One namespace as the plan records it: its catalogue entry, as canonical Extended JSON. */
export interface SplitNamespace {
  db: string;
  collection: string;
  type: NamespaceType;
  /** Where documents are read from; absent for views. */
  dataCollection?: string | undefined;
  capped: boolean;
  options: Record<string, unknown>;
  indexes: Record<string, unknown>[];
  uuid?: string | undefined;
  estimatedCount: number;
  estimatedBytes: number;
}

/** A piece of work of one part: a whole namespace (filter `{}`) or one `_id` range of it. */
export interface SplitUnit {
  db: string;
  collection: string;
  /** The find filter, as canonical Extended JSON. */
  filter: Record<string, unknown>;
  estimatedBytes: number;
}

export interface SplitPart {
  part: number;
  estimatedBytes: number;
  units: SplitUnit[];
}

export interface SplitPlan {
  server: ServerFacts;
  databases: string[];
  namespaces: SplitNamespace[];
  parts: SplitPart[];
}

/** Parts a split may have: a GitHub Actions matrix runs at most 256 jobs. */
export const MAX_PARTS = 256;

export async function planSplit(options: SplitOptions): Promise<SplitPlan> {
  const { client, parts } = options;
  const logger = options.logger ?? silentLogger;
  if (!Number.isInteger(parts) || parts < 1 || parts > MAX_PARTS) {
    throw new RangeError(`a split needs 1 to ${MAX_PARTS} parts, got ${parts}`);
  }
  const filter = new NamespaceFilter(options);
  const server = await probeServer(client);
  const catalog = await readCatalog(client, filter, logger);
  for (const pattern of filter.unmatched(catalog.existing)) {
    if (pattern.kind === 'include' && (options.requireIncludeMatch ?? true)) {
      throw unmatchedFilterError(pattern, catalog.existing, catalog.databases);
    }
    logger.warn(unmatchedFilterWarning(pattern, catalog.existing, catalog.databases));
  }
  options.signal?.throwIfAborted();

  const namespaces: SplitNamespace[] = [];
  for (const entry of catalog.entries) {
    const size = entry.dataCollection
      ? await collectionSize(client, entry.db, entry.dataCollection)
      : { count: 0, bytes: 0 };
    namespaces.push(splitNamespace(entry, size.count, size.bytes ?? size.count));
  }
  const total = namespaces.reduce((sum, ns) => sum + ns.estimatedBytes, 0);
  // A collection bigger than half a part's share is cut, into pieces of about half a share.
  const share = total / parts;
  const units: SplitUnit[] = [];
  for (const ns of namespaces) {
    const pieces = Math.min(2 * parts, Math.ceil((2 * ns.estimatedBytes) / Math.max(share, 1)));
    let filters: Document[] = [{}];
    if (parts > 1 && pieces >= 2 && ns.dataCollection && !ns.capped) {
      const collection = client.db(ns.db).collection(ns.dataCollection);
      const plan = await planIdRanges(collection, {
        ranges: pieces,
        estimatedCount: ns.estimatedCount,
        ...(options.signal ? { signal: options.signal } : {}),
      });
      filters = plan.filters;
      logger.info(`${ns.db}.${ns.collection}: ${filters.length} _id range(s) (${plan.reason})`);
    }
    for (const rangeFilter of filters) {
      units.push({
        db: ns.db,
        collection: ns.collection,
        filter: canonicalEjson(rangeFilter),
        estimatedBytes: Math.round(ns.estimatedBytes / filters.length),
      });
    }
  }
  return { server, databases: catalog.selectedDatabases, namespaces, parts: balance(units, parts) };
}

/** Deals the units to `count` parts, largest first, each to the part with the fewest bytes so far. */
export function balance(units: readonly SplitUnit[], count: number): SplitPart[] {
  const parts: SplitPart[] = Array.from({ length: count }, (_, i) => ({
    part: i + 1,
    estimatedBytes: 0,
    units: [],
  }));
  const order = [...units].sort((a, b) => b.estimatedBytes - a.estimatedBytes);
  for (const unit of order) {
    let lightest = parts[0] as SplitPart;
    for (const part of parts) if (part.estimatedBytes < lightest.estimatedBytes) lightest = part;
    lightest.units.push(unit);
    lightest.estimatedBytes += unit.estimatedBytes;
  }
  return parts;
}

function splitNamespace(entry: CatalogEntry, count: number, bytes: number): SplitNamespace {
  return {
    db: entry.db,
    collection: entry.collection,
    type: entry.type,
    ...(entry.dataCollection ? { dataCollection: entry.dataCollection } : {}),
    capped: entry.capped,
    options: canonicalEjson(entry.options),
    indexes: entry.indexes.map(canonicalEjson),
    ...(entry.uuid ? { uuid: entry.uuid } : {}),
    estimatedCount: count,
    estimatedBytes: bytes,
  };
}

/**
 * What one part dumps, with exact BSON types back from the plan's Extended JSON: every namespace
 * that has a unit in the part, in the plan's order, with the filters of its units.
 */
export function assignedNamespaces(
  namespaces: readonly SplitNamespace[],
  part: SplitPart,
): AssignedNamespace[] {
  const assigned: AssignedNamespace[] = [];
  for (const ns of namespaces) {
    const units = part.units.filter((u) => u.db === ns.db && u.collection === ns.collection);
    if (units.length === 0) continue;
    const exact = (value: Record<string, unknown>) =>
      BSON.EJSON.deserialize(value, { relaxed: false }) as Document;
    const entry: CatalogEntry = {
      db: ns.db,
      collection: ns.collection,
      type: ns.type,
      dataCollection: ns.dataCollection,
      options: exact(ns.options),
      indexes: ns.indexes.map(exact),
      capped: ns.capped,
      ...(ns.uuid ? { uuid: ns.uuid } : {}),
    };
    assigned.push({ entry, filters: units.map((u) => exact(u.filter)) });
  }
  const unknown = part.units.find(
    (u) => !namespaces.some((ns) => ns.db === u.db && ns.collection === u.collection),
  );
  if (unknown) {
    throw new UserError(
      `Part ${part.part} of the plan reads ${unknown.db}.${unknown.collection}, which the plan does not list.`,
    );
  }
  return assigned;
}
