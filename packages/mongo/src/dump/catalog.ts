import type { NamespaceType } from '@shipkit/archive';
import { type Logger, UserError } from '@shipkit/runtime';
import { BSON, type Document, type MongoClient, MongoServerError } from 'mongodb';
import { type NamespaceFilter, type NamespaceRef, skipReason } from '../filters';

/** Driver options that keep every BSON type as sent (Int32 stays Int32, Double stays Double…). */
export const EXACT_BSON = { promoteValues: false, promoteLongs: false, bsonRegExp: true } as const;

export const BUCKETS_PREFIX = 'system.buckets.';

/** One namespace of the prelude: what listCollections and listIndexes say about it. */
export interface CatalogEntry {
  db: string;
  /** The name listed in the prelude (for time-series: the collection's own name). */
  collection: string;
  type: NamespaceType;
  /** Where documents are read from: the collection itself, `system.buckets.<name>`, or none (views). */
  dataCollection: string | undefined;
  /** listCollections `options`, with exact BSON types. */
  options: Document;
  /** listIndexes specs, with exact BSON types; empty for views. */
  indexes: Document[];
  /** `info.uuid` as 32 lowercase hex digits, when the server gives one. */
  uuid?: string;
  capped: boolean;
}

export interface Catalog {
  /** Every database the user may list (skip rules and filters not applied). */
  databases: string[];
  /** Databases the filters select, in the order dumped. */
  selectedDatabases: string[];
  /** Every namespace listed in the selected databases, for "filter matches nothing" messages. */
  existing: NamespaceRef[];
  /** What the dump takes. */
  entries: CatalogEntry[];
}

const UNAUTHORIZED = 13;

/** The server's error code; a number even when the reply was decoded with exact BSON types. */
export function serverErrorCode(error: unknown): number | undefined {
  if (!(error instanceof MongoServerError) || error.code === undefined) return undefined;
  const code = Number(error.code.valueOf());
  return Number.isFinite(code) ? code : undefined;
}

/**
 * Lists the databases (nameOnly, authorizedDatabases: a user without listDatabases privilege, such as
 * Atlas shared tier users for admin, still gets the ones it can read) and, in the selected ones,
 * the collections, views and time-series collections with their options, uuid and indexes.
 */
export async function readCatalog(
  client: MongoClient,
  filter: NamespaceFilter,
  logger: Logger,
): Promise<Catalog> {
  const databases = await listDatabaseNames(client, filter);
  const selectedDatabases = databases.filter((db) => filter.includesDatabase(db)).sort();
  const existing: NamespaceRef[] = [];
  const entries: CatalogEntry[] = [];
  for (const db of selectedDatabases) {
    const listed = await listCollectionInfos(client, db);
    const names = new Set(listed.map((info) => info.name as string));
    for (const info of listed) existing.push({ db, collection: info.name as string });
    for (const info of listed) {
      const ns = { db, collection: info.name as string };
      if (!filter.includes(ns)) continue;
      const type = namespaceTypeOf(info);
      if (type === undefined) {
        logger.warn(`${db}.${ns.collection}: listCollections type '${String(info.type)}' is not dumped`);
        continue;
      }
      let dataCollection: string | undefined = ns.collection;
      if (type === 'view') dataCollection = undefined;
      if (type === 'timeseries') {
        dataCollection = BUCKETS_PREFIX + ns.collection;
        if (!names.has(dataCollection)) {
          throw new Error(
            `${db}.${ns.collection} is a time-series collection without a ${dataCollection} collection ` +
              '(servers from 8.3 keep time-series data differently); dumping it is not supported yet: exclude it',
          );
        }
      }
      const options = (info.options ?? {}) as Document;
      const entry: CatalogEntry = {
        db,
        collection: ns.collection,
        type,
        dataCollection,
        options,
        indexes: type === 'view' ? [] : await listIndexSpecs(client, db, ns.collection),
        capped: options.capped === true,
      };
      const uuid = uuidHex((info.info as Document | undefined)?.uuid);
      if (uuid) entry.uuid = uuid;
      entries.push(entry);
    }
  }
  return { databases, selectedDatabases, existing, entries };
}

async function listDatabaseNames(client: MongoClient, filter: NamespaceFilter): Promise<string[]> {
  try {
    const reply = await client
      .db('admin')
      .command({ listDatabases: 1, nameOnly: true, authorizedDatabases: true });
    return (reply.databases as { name: string }[]).map((db) => db.name);
  } catch (error) {
    if (serverErrorCode(error) !== UNAUTHORIZED) throw error;
    // Without the privilege, the databases named literally by include filters are all we can know.
    const named = filter.include.filter((p) => !/[*?]/.test(p.db)).map((p) => p.db);
    if (named.length === 0) {
      throw new UserError(
        'The MongoDB user may not list databases: name the databases to back up with include filters ' +
          `(e.g. include: shop), or grant it the listDatabases privilege (${(error as Error).message}).`,
      );
    }
    return [...new Set(named)];
  }
}

async function listCollectionInfos(client: MongoClient, db: string): Promise<Document[]> {
  try {
    return await client.db(db).listCollections({}, EXACT_BSON).toArray();
  } catch (error) {
    throw unauthorizedAsUserError(error, `list the collections of ${db}`);
  }
}

async function listIndexSpecs(client: MongoClient, db: string, collection: string): Promise<Document[]> {
  try {
    return await client.db(db).collection(collection).listIndexes(EXACT_BSON).toArray();
  } catch (error) {
    throw unauthorizedAsUserError(error, `list the indexes of ${db}.${collection}`);
  }
}

function namespaceTypeOf(info: Document): NamespaceType | undefined {
  const type = info.type ?? 'collection';
  return type === 'collection' || type === 'view' || type === 'timeseries' ? type : undefined;
}

/** A Binary/UUID (subtype 4) as 32 lowercase hex digits; anything else gives undefined. */
export function uuidHex(value: unknown): string | undefined {
  if (value && typeof value === 'object' && 'buffer' in value && 'sub_type' in value) {
    const bytes = (value as { buffer: Uint8Array }).buffer;
    if (bytes.length === 16) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('hex');
  }
  return undefined;
}

/** A document as a canonical Extended JSON v2 object (types spelled out: `{"$numberInt": "1"}`). */
export function canonicalEjson(value: Document): Record<string, unknown> {
  return BSON.EJSON.serialize(value, { relaxed: false }) as Record<string, unknown>;
}

/** Keeps `why` readable: "not allowed to find on shop.orders" and what to do about it. */
export function unauthorizedAsUserError(error: unknown, what: string): unknown {
  if (serverErrorCode(error) === UNAUTHORIZED) {
    return new UserError(
      `The MongoDB user is not allowed to ${what} (${(error as Error).message}). Grant it the read role on that ` +
        'database, or leave the namespace out with an exclude filter.',
    );
  }
  return error;
}

/** Namespaces the skip rules leave out, for debug logs. */
export function skippedNamespaces(existing: readonly NamespaceRef[]): string[] {
  return existing
    .filter((ns) => skipReason(ns) !== undefined)
    .map((ns) => `${ns.db}.${ns.collection} (${skipReason(ns)})`);
}
