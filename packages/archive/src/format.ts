// Constants and names of the mongodump archive format (see the package README).

/** The first four bytes of every archive (uint32 0x8199E26D, little-endian). */
export const ARCHIVE_MAGIC = Buffer.from([0x6d, 0xe2, 0x99, 0x81]);

/** int32 -1: ends a block. */
export const TERMINATOR = Buffer.from([0xff, 0xff, 0xff, 0xff]);

export const ARCHIVE_VERSION = '0.1';

/** Smallest BSON document: an int32 length and the closing 0x00. */
export const MIN_DOCUMENT_SIZE = 5;

/** The server's 16 MiB document limit plus the slack the server allows for internal documents. */
export const MAX_DOCUMENT_SIZE = 16 * 1024 * 1024 + 16 * 1024;

export type NamespaceType = 'collection' | 'view' | 'timeseries';

export const NAMESPACE_TYPES: readonly NamespaceType[] = ['collection', 'view', 'timeseries'];

/** A database and collection. The oplog is the pseudo-namespace `{ db: '', collection: 'oplog' }`. */
export interface Namespace {
  db: string;
  collection: string;
}

export const OPLOG_NAMESPACE: Readonly<Namespace> = Object.freeze({ db: '', collection: 'oplog' });

/** Pre-8.3 servers dump a time-series collection's data under this collection name. */
export const BUCKETS_PREFIX = 'system.buckets.';

export function isOplog(ns: Namespace): boolean {
  return ns.db === '' && ns.collection === 'oplog';
}

/** `db.collection`, or `oplog` for the oplog pseudo-namespace. */
export function namespaceName(ns: Namespace): string {
  return isOplog(ns) ? 'oplog' : `${ns.db}.${ns.collection}`;
}

/** An unambiguous map key (collection names may contain dots, database names may not). */
export function namespaceKey(ns: Namespace): string {
  return `${ns.db}\u0000${ns.collection}`;
}

/**
 * Accepts `{ db, collection }` or `'db.collection'` (split at the first dot; database names have no
 * dots). The string `'oplog'` is not special: pass `OPLOG_NAMESPACE` for the oplog.
 */
export function toNamespace(ns: Namespace | string): Namespace {
  if (typeof ns !== 'string') return { db: ns.db, collection: ns.collection };
  const dot = ns.indexOf('.');
  if (dot <= 0 || dot === ns.length - 1) {
    throw new TypeError(`namespace "${ns}" is not of the form "db.collection"`);
  }
  return { db: ns.slice(0, dot), collection: ns.slice(dot + 1) };
}
