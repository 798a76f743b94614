import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { contentHashOf, probeServer, type ServerFacts } from '@shipkit/mongo';
import { type Document, MongoClient } from 'mongodb';
import { testEnv, uniqueName } from '../../../test/support/env';
import {
  type SeedReport,
  SHOP_BSON_TYPES,
  SHOP_COLLECTIONS,
  seedShop,
  shopCounts,
  shopIndexes,
} from '../src';

let client: MongoClient;
let server: ServerFacts;
const databases: string[] = [];
let first: string;
let report: SeedReport;

beforeAll(async () => {
  client = await new MongoClient(testEnv().mongodbUri).connect();
  server = await probeServer(client);
  first = uniqueName('seed_a');
  databases.push(first);
  report = await seedShop(client.db(first), { scale: 0.05, seed: 11, batchSize: 250, parallelism: 3 });
});

afterAll(async () => {
  for (const db of databases) await client.db(db).dropDatabase();
  await client.close();
});

async function hashes(db: string): Promise<string[]> {
  const out: string[] = [];
  for (const name of SHOP_COLLECTIONS) {
    const docs = await client.db(db).collection(name).find({}, { raw: true }).toArray();
    out.push(contentHashOf(docs as unknown as Uint8Array[]));
  }
  return out;
}

describe('seedShop on the test server', () => {
  it('inserts the documents the scale asks for', async () => {
    expect(report.counts).toEqual(shopCounts(0.05));
    for (const name of SHOP_COLLECTIONS) {
      expect([name, await client.db(first).collection(name).countDocuments()]).toEqual([
        name,
        report.counts[name],
      ]);
    }
  });

  it('reports which BSON types, indexes and views the server took', async () => {
    const { accepted, refused } = report.bsonTypes;
    expect([...accepted, ...refused.map((r) => r.type)].sort()).toEqual([...SHOP_BSON_TYPES].sort());
    expect(report.vectorEncoding).toBe(accepted.includes('vector') ? 'vector-subtype-9' : 'binary-subtype-0');
    expect(report.indexes.map((i) => i.name)).toEqual(shopIndexes.map((i) => i.name));
    for (const outcome of report.indexes.filter((i) => i.created)) {
      const names = (await client.db(first).collection(outcome.collection).listIndexes().toArray()).map(
        (spec: Document) => spec.name,
      );
      expect(names).toContain(outcome.name);
    }
    if (server.flavor === 'ferretdb') {
      // What FerretDB 1.24 (SQLite) refuses; the shop is seeded without it.
      expect(refused.map((r) => r.type).sort()).toEqual(['decimal128', 'javascript', 'maxKey', 'minKey']);
      expect(
        report.indexes
          .filter((i) => !i.created)
          .map((i) => i.kind)
          .sort(),
      ).toEqual(['partial', 'partial', 'text', 'ttl']);
      expect(report.views).toEqual([
        { name: 'activeProducts', created: false, error: expect.stringMatching(/not implemented/) },
      ]);
    } else {
      expect(refused).toEqual([]);
      expect(report.indexes.every((i) => i.created)).toBe(true);
      expect(report.views.every((v) => v.created)).toBe(true);
    }
  });

  it('is deterministic: the same seed gives the same content in another database', async () => {
    const second = uniqueName('seed_b');
    databases.push(second);
    await seedShop(client.db(second), {
      scale: 0.05,
      seed: 11,
      batchSize: 100,
      parallelism: 5,
      types: report.bsonTypes,
    });
    expect(await hashes(second)).toEqual(await hashes(first));
  });
});
