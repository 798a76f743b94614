import type { Db, Document } from 'mongodb';
import { type BsonTypeSupport, probeBsonTypes } from './bson-types';
import {
  GENERATORS,
  type GeneratorContext,
  SHOP_COLLECTIONS,
  type ShopCollection,
  shopCounts,
} from './documents';
import { type ShopIndexKind, shopIndexes, shopViews } from './schema';

export interface SeedOptions {
  /** 1 ≈ 10 MiB of BSON; counts grow linearly (orders and events dominate). Default 1. */
  scale?: number;
  /** Same seed, same documents, byte for byte. Default 1. */
  seed?: number | string;
  /** Documents per insertMany. Default 1000. */
  batchSize?: number;
  /** insertMany calls in flight. Default 4. */
  parallelism?: number;
  /** Type support found earlier, to skip the probe. */
  types?: BsonTypeSupport;
  signal?: AbortSignal;
}

export interface IndexOutcome {
  collection: ShopCollection;
  name: string;
  kind: ShopIndexKind;
  created: boolean;
  /** The server's answer when it refused the index. */
  error?: string;
}

export interface ViewOutcome {
  name: string;
  created: boolean;
  error?: string;
}

export interface SeedReport {
  counts: Record<ShopCollection, number>;
  bsonTypes: BsonTypeSupport;
  /** How the float32 copy of each embedding is stored. */
  vectorEncoding: 'vector-subtype-9' | 'binary-subtype-0' | 'none';
  indexes: IndexOutcome[];
  views: ViewOutcome[];
}

/**
 * Creates the AI Shop in `db` (which should be empty): documents first, in large unordered batches
 * with several in flight, then the indexes and views. Deterministic: the same seed and scale give
 * byte-identical documents, whatever the insert order.
 */
export async function seedShop(db: Db, options: SeedOptions = {}): Promise<SeedReport> {
  const scale = options.scale ?? 1;
  const seed = options.seed ?? 1;
  const batchSize = options.batchSize ?? 1000;
  const parallelism = options.parallelism ?? 4;
  const bsonTypes = options.types ?? (await probeBsonTypes(db));
  const types = new Set(bsonTypes.accepted);
  const context: GeneratorContext = { seed, counts: shopCounts(scale), types };

  await insertAll(db, context, batchSize, parallelism, options.signal);

  const indexes: IndexOutcome[] = [];
  for (const index of shopIndexes) {
    options.signal?.throwIfAborted();
    const outcome: IndexOutcome = {
      collection: index.collection,
      name: index.name,
      kind: index.kind,
      created: false,
    };
    try {
      await db.collection(index.collection).createIndex(index.key, { ...index.options, name: index.name });
      outcome.created = true;
    } catch (error) {
      outcome.error = (error as Error).message;
    }
    indexes.push(outcome);
  }

  const views: ViewOutcome[] = [];
  for (const view of shopViews) {
    try {
      await db.createCollection(view.name, { viewOn: view.viewOn, pipeline: view.pipeline });
      views.push({ name: view.name, created: true });
    } catch (error) {
      views.push({ name: view.name, created: false, error: (error as Error).message });
    }
  }

  return {
    counts: context.counts,
    bsonTypes,
    vectorEncoding: types.has('vector')
      ? 'vector-subtype-9'
      : types.has('binary')
        ? 'binary-subtype-0'
        : 'none',
    indexes,
    views,
  };
}

/** Batches of every collection, generated lazily so memory holds only the batches in flight. */
function* batchesOf(context: GeneratorContext, batchSize: number): Generator<[ShopCollection, Document[]]> {
  for (const name of SHOP_COLLECTIONS) {
    let batch: Document[] = [];
    for (const doc of GENERATORS[name](context)) {
      batch.push(doc);
      if (batch.length >= batchSize) {
        yield [name, batch];
        batch = [];
      }
    }
    if (batch.length > 0) yield [name, batch];
  }
}

async function insertAll(
  db: Db,
  context: GeneratorContext,
  batchSize: number,
  parallelism: number,
  signal: AbortSignal | undefined,
): Promise<void> {
  const batches = batchesOf(context, batchSize);
  let failed = false;
  const worker = async () => {
    for (let next = batches.next(); !next.done && !failed; next = batches.next()) {
      signal?.throwIfAborted();
      const [name, docs] = next.value;
      try {
        // Ids are set by the generators, so a retried batch cannot duplicate documents.
        await db.collection(name).insertMany(docs, { ordered: false });
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, parallelism) }, worker));
}
