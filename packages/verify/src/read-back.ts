import { BUCKETS_PREFIX, namespaceName } from '@shipkit/archive';
import { ContentHash, isStaged, type PlannedNamespace } from '@shipkit/mongo';
import type { Document, MongoClient } from 'mongodb';

/** What a restored namespace holds, recomputed from the server. */
export interface RestoredNamespace {
  target: string;
  /** The staging collection that was read, when the data is not in place yet. */
  stagedAs?: string;
  exists: boolean;
  documents: number;
  contentHash: string;
  indexes: Document[];
}

/**
 * Reads every restored namespace back where it was written (a staged restore: its staging
 * collection, before the swap): documents as raw BSON in any order (the content hash does not
 * depend on it), and the index specs. A time-series collection is read through its buckets, which is
 * what the archive holds. `parallelism` namespaces are read at once.
 */
export async function readBack(
  client: MongoClient,
  planned: readonly PlannedNamespace[],
  parallelism: number,
  signal?: AbortSignal,
): Promise<Map<string, RestoredNamespace>> {
  const results = new Map<string, RestoredNamespace>();
  const queue = [...planned];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      signal?.throwIfAborted();
      results.set(namespaceName(next.source), await readNamespace(client, next));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, parallelism) }, worker));
  return results;
}

async function readNamespace(client: MongoClient, planned: PlannedNamespace): Promise<RestoredNamespace> {
  const target = planned.writeTo;
  const db = client.db(target.db);
  const listed = await db.listCollections({ name: target.collection }, { nameOnly: true }).toArray();
  const result: RestoredNamespace = {
    target: namespaceName(planned.target),
    ...(isStaged(planned) ? { stagedAs: namespaceName(target) } : {}),
    exists: listed.length > 0,
    documents: 0,
    contentHash: new ContentHash().hex(),
    indexes: [],
  };
  if (!result.exists || planned.type === 'view') return result;
  const dataCollection =
    planned.type === 'timeseries' ? await timeseriesData(client, planned) : target.collection;
  const hash = new ContentHash();
  const cursor = db.collection(dataCollection).find({}, { raw: true, batchSize: 10_000 });
  for await (const doc of cursor) hash.add(doc as unknown as Uint8Array);
  result.documents = hash.count;
  result.contentHash = hash.hex();
  result.indexes = await db.collection(target.collection).listIndexes().toArray();
  return result;
}

/** Servers before 8.3 keep time-series data in `system.buckets.<name>`; newer ones serve it raw. */
async function timeseriesData(client: MongoClient, planned: PlannedNamespace): Promise<string> {
  const buckets = `${BUCKETS_PREFIX}${planned.target.collection}`;
  const found = await client
    .db(planned.target.db)
    .listCollections({ name: buckets }, { nameOnly: true })
    .toArray();
  return found.length > 0 ? buckets : planned.target.collection;
}
