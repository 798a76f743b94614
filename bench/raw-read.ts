/**
 * The source-read limit: reads every collection of a database as raw BSON with the backup's read method
 * (batches of a fixed 10,000 documents), `parallelism` collections at a time, and does nothing
 * else with the bytes. A backup cannot be faster than this, nor spend less CPU. With `zstd`, the bytes
 * also go through Node's zstd at the backup's level (3), in the batches they arrive in: the least CPU
 * any backup writing zstd from Node's driver can spend. Prints its own wall and CPU seconds, from after
 * start-up (loading TypeScript would otherwise dominate).
 *   tsx bench/raw-read.ts <db> [parallelism] [zstd]
 */
import { once } from 'node:events';
import { constants, createZstdCompress } from 'node:zlib';
import { chooseReadMethod, probeServer, readRawBatches } from '@shipkit/mongo';
import { MongoClient } from 'mongodb';

const [dbName = 'bench_shop', parallelism = '4', compress] = process.argv.slice(2);
// About the backup's 4 MiB per batch at the dataset's overall average size; the backup sizes each
// collection's batches by that collection's average instead.
const BATCH_DOCUMENTS = 10_000;

const started = performance.now();
const cpuBefore = process.cpuUsage();
const client = await new MongoClient(process.env.MONGODB_URI as string).connect();
const method = chooseReadMethod(client, await probeServer(client));
const db = client.db(dbName);
const names = (await db.listCollections({ type: 'collection' }).toArray())
  .map((c) => c.name)
  .filter((name) => name !== 'bench_marker');
const zstd =
  compress === 'zstd'
    ? createZstdCompress({ params: { [constants.ZSTD_c_compressionLevel]: 3 } }).resume()
    : undefined;
let bytes = 0;
let documents = 0;
const queue = [...names];
await Promise.all(
  Array.from({ length: Number(parallelism) }, async () => {
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
      const batches = readRawBatches(client, method, dbName, name, {
        filter: {},
        batchSize: BATCH_DOCUMENTS,
      });
      for await (const batch of batches) {
        for (const doc of batch) bytes += doc.length;
        documents += batch.length;
        if (zstd && !zstd.write(Buffer.concat(batch))) await once(zstd, 'drain');
      }
    }
  }),
);
if (zstd) await new Promise((resolve) => zstd.end(resolve));
await client.close();
const cpu = process.cpuUsage(cpuBefore);
process.stdout.write(
  `${JSON.stringify({
    bytes,
    documents,
    method,
    wallSeconds: (performance.now() - started) / 1000,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
  })}\n`,
);
