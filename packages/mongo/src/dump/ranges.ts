import { BSON, type Collection, type Document } from 'mongodb';
import { EXACT_BSON, serverErrorCode } from './catalog';

/**
 * Splitting one collection into `_id` ranges read in parallel.
 *
 * `{_id: {$gte: lo, $lt: hi}}` only matches values of lo's and hi's BSON type bracket (numbers of
 * every width together, strings, ObjectIds…), so ranges cover a collection only when every `_id`
 * is in one bracket. Sorted by `_id`, the brackets come in a fixed order, so the smallest and the
 * largest `_id` having the same bracket proves it; otherwise the collection is read as one range.
 * The first and last ranges are open-ended ({$lt: first point}, {$gte: last point}).
 */

export type IdBracket = 'number' | 'string' | 'objectId' | 'date' | 'binData';

/** The bracket of an `_id` decoded with exact types, when ranges over it are reliable. */
export function idBracket(value: unknown): IdBracket | undefined {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number' || typeof value === 'bigint') return 'number';
  if (value instanceof Date) return 'date';
  const bsonType = (value as { _bsontype?: unknown } | null | undefined)?._bsontype;
  switch (bsonType) {
    case 'Int32':
    case 'Double':
    case 'Long':
    case 'Decimal128':
      return 'number';
    case 'BSONSymbol':
      return 'string';
    case 'ObjectId':
      return 'objectId';
    case 'Binary':
      return 'binData';
    default:
      return undefined;
  }
}

export type RangeMethod = 'single' | 'sample' | 'scan';

export interface RangePlan {
  /** One find filter per range; `[{}]` when the collection is read whole. */
  filters: Document[];
  method: RangeMethod;
  /** Why the collection is read as one range, or how the points were found. */
  reason: string;
}

/** The filters of the ranges between sorted, distinct split points. */
export function rangeFilters(points: readonly unknown[]): Document[] {
  if (points.length === 0) return [{}];
  const filters: Document[] = [{ _id: { $lt: points[0] } }];
  for (let i = 1; i < points.length; i++) filters.push({ _id: { $gte: points[i - 1], $lt: points[i] } });
  filters.push({ _id: { $gte: points[points.length - 1] } });
  return filters;
}

/** `count - 1` evenly spaced values of a sorted list, without repeats. */
export function quantiles(sorted: readonly unknown[], count: number): unknown[] {
  const points: unknown[] = [];
  let last: Buffer | undefined;
  for (let i = 1; i < count; i++) {
    const value = sorted[Math.floor((i * sorted.length) / count)];
    if (value === undefined) continue;
    const bytes = Buffer.from(BSON.serialize({ v: value }));
    if (last?.equals(bytes)) continue;
    last = bytes;
    points.push(value);
  }
  return points;
}

const SAMPLES_PER_RANGE = 20;

// Server answers meaning "this server has no such stage/command", not "this query is wrong".
const UNSUPPORTED_CODES = new Set([59, 115, 238, 40324]);

function isUnsupported(error: unknown): boolean {
  const code = serverErrorCode(error);
  return code !== undefined && UNSUPPORTED_CODES.has(code);
}

export interface PlanRangesOptions {
  /** How many ranges are wanted (at least 2 to split). */
  ranges: number;
  /** The collection's estimated document count. */
  estimatedCount: number;
  signal?: AbortSignal;
}

/**
 * Finds split points for `ranges` ranges: `$sample` (cheap on MongoDB) sorted by the server, or,
 * where `$sample` is not implemented (FerretDB), one sorted walk over `_id` keeping every n-th.
 */
export async function planIdRanges(collection: Collection, options: PlanRangesOptions): Promise<RangePlan> {
  const wanted = Math.floor(options.ranges);
  if (wanted < 2) return { filters: [{}], method: 'single', reason: 'small enough for one range' };
  const signalOption = options.signal ? { signal: options.signal } : {};
  let sampled: Document[] | undefined;
  try {
    sampled = await collection
      .aggregate(
        [{ $sample: { size: wanted * SAMPLES_PER_RANGE } }, { $project: { _id: 1 } }, { $sort: { _id: 1 } }],
        { ...EXACT_BSON, ...signalOption },
      )
      .toArray();
  } catch (error) {
    if (!isUnsupported(error)) throw error;
  }
  if (sampled) return planFromSample(collection, sampled, wanted, signalOption);
  return planFromScan(collection, wanted, options.estimatedCount, signalOption);
}

async function planFromSample(
  collection: Collection,
  sampled: Document[],
  wanted: number,
  signalOption: { signal?: AbortSignal },
): Promise<RangePlan> {
  const edge = async (direction: 1 | -1) =>
    (
      await collection
        .find(
          {},
          { projection: { _id: 1 }, sort: { _id: direction }, limit: 1, ...EXACT_BSON, ...signalOption },
        )
        .toArray()
    )[0]?._id;
  const [smallest, largest] = await Promise.all([edge(1), edge(-1)]);
  const bracket = idBracket(smallest);
  if (bracket === undefined || idBracket(largest) !== bracket) {
    return { filters: [{}], method: 'single', reason: '_id values of several BSON types' };
  }
  const ids = sampled.map((doc) => doc._id).filter((id) => idBracket(id) === bracket);
  const points = quantiles(ids, wanted);
  if (points.length === 0) return { filters: [{}], method: 'single', reason: 'too few documents sampled' };
  return { filters: rangeFilters(points), method: 'sample', reason: `${ids.length} sampled _id values` };
}

async function planFromScan(
  collection: Collection,
  wanted: number,
  estimatedCount: number,
  signalOption: { signal?: AbortSignal },
): Promise<RangePlan> {
  const step = Math.max(1, Math.ceil(estimatedCount / wanted));
  const points: unknown[] = [];
  let bracket: IdBracket | undefined;
  let seen = 0;
  const cursor = collection.find(
    {},
    { projection: { _id: 1 }, sort: { _id: 1 }, batchSize: 10_000, ...EXACT_BSON, ...signalOption },
  );
  try {
    for await (const doc of cursor) {
      const idType = idBracket(doc._id);
      if (seen === 0) bracket = idType;
      if (idType === undefined || idType !== bracket) {
        return { filters: [{}], method: 'single', reason: '_id values of several BSON types' };
      }
      if (seen > 0 && seen % step === 0 && points.length < wanted - 1) points.push(doc._id);
      seen++;
    }
  } finally {
    await cursor.close();
  }
  if (points.length === 0) return { filters: [{}], method: 'single', reason: 'too few documents' };
  return {
    filters: rangeFilters(points),
    method: 'scan',
    reason: `every ${step}th of ${seen} sorted _id values`,
  };
}
