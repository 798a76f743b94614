import { type ClientSession, type Db, type Document, Long, type MongoClient } from 'mongodb';
import type { ServerFacts } from '../server';

/**
 * Raw reads: documents arrive as the server's BSON bytes, never decoded and re-encoded.
 *
 * - `command`: `find`/`getMore` commands whose batch array is returned undecoded (`fieldsAsRaw`),
 *   one Buffer per document. About 15× less CPU per byte than the driver's `raw` cursor, which
 *   builds a lazy document object for each document; but a getMore must reach the server holding
 *   the cursor, so it is only used when every command goes to one server.
 * - `cursor`: the driver's `find({}, {raw: true})`, which pins getMore to the cursor's server.
 */
export type ReadMethod = 'command' | 'cursor';

export interface RawReadOptions {
  filter: Document;
  /** Documents per server batch (the server also caps a batch at 16 MiB). */
  batchSize: number;
  signal?: AbortSignal;
}

/** Picks `command` where getMore cannot land on another server, else `cursor`. */
export function chooseReadMethod(client: MongoClient, server: ServerFacts): ReadMethod {
  const { hosts, srvHost, loadBalanced } = client.options;
  if (loadBalanced) return 'cursor';
  if (server.topology === 'standalone') return 'command';
  // Commands go to the primary; the client's own read preference may send a cursor elsewhere.
  if (server.topology === 'replicaSet')
    return client.readPreference.mode === 'primary' ? 'command' : 'cursor';
  if (server.topology === 'sharded') return !srvHost && hosts.length === 1 ? 'command' : 'cursor';
  return 'cursor';
}

/** Yields the documents of `db.collection` matching `filter`, one server batch at a time. */
export function readRawBatches(
  client: MongoClient,
  method: ReadMethod,
  db: string,
  collection: string,
  options: RawReadOptions,
): AsyncGenerator<Buffer[]> {
  return method === 'command'
    ? commandBatches(client, client.db(db), collection, options)
    : cursorBatches(client.db(db), collection, options);
}

async function* commandBatches(
  client: MongoClient,
  db: Db,
  collection: string,
  options: RawReadOptions,
): AsyncGenerator<Buffer[]> {
  // Cursors belong to the session that opened them: getMore must run in the same one.
  const session: ClientSession = client.startSession({ causalConsistency: false });
  const signalOption = options.signal ? { signal: options.signal } : {};
  let cursorId = 0n;
  try {
    const first = await db.command(
      { find: collection, filter: options.filter, batchSize: options.batchSize },
      { session, fieldsAsRaw: { firstBatch: true }, useBigInt64: true, ...signalOption },
    );
    cursorId = cursorIdOf(first);
    yield (first.cursor as Document).firstBatch as Buffer[];
    while (cursorId !== 0n) {
      const next = await db.command(
        { getMore: Long.fromBigInt(cursorId), collection, batchSize: options.batchSize },
        { session, fieldsAsRaw: { nextBatch: true }, useBigInt64: true, ...signalOption },
      );
      cursorId = cursorIdOf(next);
      yield (next.cursor as Document).nextBatch as Buffer[];
    }
  } finally {
    if (cursorId !== 0n) {
      await db
        .command({ killCursors: collection, cursors: [Long.fromBigInt(cursorId)] }, { session })
        .catch(() => {});
    }
    await session.endSession().catch(() => {});
  }
}

function cursorIdOf(reply: Document): bigint {
  const id = (reply.cursor as Document | undefined)?.id;
  if (typeof id === 'bigint') return id;
  if (typeof id === 'number') return BigInt(id);
  throw new Error(`the server's find/getMore reply has no cursor id (${typeof id})`);
}

async function* cursorBatches(db: Db, collection: string, options: RawReadOptions): AsyncGenerator<Buffer[]> {
  const cursor = db.collection(collection).find(options.filter, {
    raw: true,
    batchSize: options.batchSize,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  try {
    while (await cursor.hasNext()) {
      yield cursor.readBufferedDocuments() as unknown as Buffer[];
    }
  } finally {
    await cursor.close().catch(() => {});
  }
}
