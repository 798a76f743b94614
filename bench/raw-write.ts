/**
 * The server's write limit for a restore: reads an uncompressed mongodump archive and sends its
 * documents as raw BSON inserts, `inFlight` batches at a time over all collections, then builds each
 * collection's indexes — what any restore must do, with no checks, staging or swap. A restore cannot
 * be faster than this on the same server. Prints its own wall and CPU seconds, from after start-up.
 *   tsx bench/raw-write.ts <archive> <target-db> [inFlight]
 */
import { createReadStream } from 'node:fs';
import { type PreludeNamespace, readArchive } from '@shipkit/archive';
import { createCommand, indexesToBuild, RawInserter } from '@shipkit/mongo';
import { MongoClient } from 'mongodb';

const [path, target, inFlightArg = '4'] = process.argv.slice(2);
if (!path || !target) throw new Error('usage: tsx bench/raw-write.ts <archive> <target-db> [inFlight]');
const inFlight = Number(inFlightArg);
const BATCH_BYTES = 4 << 20;
const BATCH_DOCS = 1000;

const started = performance.now();
const cpuBefore = process.cpuUsage();
const client = await new MongoClient(process.env.MONGODB_URI as string).connect();
const db = client.db(target);
const inserter = new RawInserter();
const entries = new Map<string, PreludeNamespace>();
const pending = new Map<string, { docs: Uint8Array[]; bytes: number; sent: Promise<unknown>[] }>();
const running = new Set<Promise<unknown>>();
const indexBuilds: Promise<unknown>[] = [];

async function send(collection: string, docs: Uint8Array[]): Promise<void> {
  while (running.size >= inFlight) await Promise.race(running);
  const insert = inserter.insert(db, collection, docs).then((outcome) => {
    if (outcome.failures.length) throw new Error(`${collection}: ${outcome.failures[0]?.message}`);
  });
  const tracked = insert.finally(() => running.delete(tracked));
  running.add(tracked);
  pending.get(collection)?.sent.push(tracked);
}

let documents = 0;
for await (const event of readArchive(createReadStream(path, { highWaterMark: 1 << 20 }))) {
  if (event.type === 'prelude') {
    for (const entry of event.namespaces) {
      if (entry.type !== 'collection') continue;
      entries.set(entry.collection, entry);
      pending.set(entry.collection, { docs: [], bytes: 0, sent: [] });
      await db.command(createCommand({ db: target, collection: entry.collection }, entry));
    }
  } else if (event.type === 'documents') {
    const batch = pending.get(event.ns.collection);
    if (!batch) continue;
    for (const doc of event.docs) {
      batch.docs.push(doc);
      batch.bytes += doc.length;
      documents += 1;
      if (batch.docs.length >= BATCH_DOCS || batch.bytes >= BATCH_BYTES) {
        await send(event.ns.collection, batch.docs);
        batch.docs = [];
        batch.bytes = 0;
      }
    }
  } else if (event.type === 'eof') {
    const batch = pending.get(event.ns.collection);
    const entry = entries.get(event.ns.collection);
    if (!batch || !entry) continue;
    if (batch.docs.length) await send(event.ns.collection, batch.docs);
    batch.docs = [];
    const inserted = Promise.all(batch.sent);
    indexBuilds.push(
      inserted.then(async () => {
        const indexes = indexesToBuild(entry);
        if (indexes.length) await db.command({ createIndexes: event.ns.collection, indexes });
      }),
    );
  }
}
await Promise.all(indexBuilds);
await client.close();
const cpu = process.cpuUsage(cpuBefore);
const wallSeconds = (performance.now() - started) / 1000;
process.stdout.write(
  `${JSON.stringify({ documents, wallSeconds, cpuSeconds: (cpu.user + cpu.system) / 1e6 })}\n`,
);
