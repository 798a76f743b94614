/**
 * The source-read limit: reads every collection of a database as raw BSON with the driver, `parallelism`
 * collections at a time, and does nothing with the bytes. A backup cannot be faster than this.
 *   tsx bench/raw-read.ts <db> [parallelism]
 */
import { MongoClient } from 'mongodb';

const [dbName = 'bench_shop', parallelism = '4'] = process.argv.slice(2);
const client = await new MongoClient(process.env.MONGODB_URI as string).connect();
const db = client.db(dbName);
const names = (await db.listCollections({ type: 'collection' }).toArray()).map((c) => c.name);
let bytes = 0;
let documents = 0;
const queue = [...names];
await Promise.all(
  Array.from({ length: Number(parallelism) }, async () => {
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
      for await (const doc of db.collection(name).find({}, { raw: true, batchSize: 1000 })) {
        bytes += (doc as unknown as Uint8Array).length;
        documents += 1;
      }
    }
  }),
);
await client.close();
process.stdout.write(`${JSON.stringify({ bytes, documents })}\n`);
