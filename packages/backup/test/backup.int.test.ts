import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ArchiveReader, namespaceName } from '@shipkit/archive';
import { parseTable, UserError } from '@shipkit/runtime';
import { openStorage } from '@shipkit/storage';
import { MongoClient } from 'mongodb';
import { testEnv } from '../../../test/support/env';
import { BACKUP_OPTIONS, backupOptions, listBackups, manifestSchema, readManifest, runBackup } from '../src';
import { addBlobs, fileDestination, logger, s3Destination, s3Options, seedSmallShop } from './support';

let client: MongoClient;
let source: string;

beforeAll(async () => {
  client = await new MongoClient(testEnv().mongodbUri).connect();
  source = await seedSmallShop(client, 2000);
});

afterAll(async () => {
  await client.db(source).dropDatabase();
  await client.close();
});

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('runBackup to S3', () => {
  it('uploads a multi-part archive and commits a manifest that matches the data', async () => {
    await addBlobs(client, source, 12);
    const destination = s3Destination();
    const result = await runBackup(
      {
        uri: testEnv().mongodbUri,
        destination,
        include: [source],
        compression: 'none',
        storage: { ...s3Options(), partSize: 5 * 2 ** 20 },
      },
      { logger: logger() },
    );
    const storage = openStorage(destination, { s3: s3Options() });
    try {
      const manifest = await readManifest(storage, result.backupId);
      expect(manifestSchema.parse(manifest)).toEqual(result.manifest);
      expect(manifest.archive!.size).toBeGreaterThan(5 * 2 ** 20);
      const orders = manifest.namespaces.find((ns) => ns.collection === 'orders');
      expect(orders?.count).toBe(4000);
      expect(manifest.totals.documents).toBe(2000 + 40 + 4000 + 1 + 12);
      expect(orders?.indexes.map((i) => i.name)).toEqual(expect.arrayContaining(['_id_', 'customer_recent']));

      // The stored archive reads back with every CRC and count as the manifest says.
      const reader = new ArchiveReader(await storage.get(`${result.backupId}/${manifest.archive!.key}`));
      const counts = new Map<string, number>();
      for await (const event of reader) {
        if (event.type === 'documents') {
          const name = namespaceName(event.ns);
          counts.set(name, (counts.get(name) ?? 0) + event.docs.length);
        }
      }
      for (const ns of manifest.namespaces)
        expect(counts.get(`${ns.db}.${ns.collection}`) ?? 0).toBe(ns.count);
      const listed = await listBackups(storage);
      expect(listed.map((e) => [e.id, e.complete])).toEqual([[result.backupId, true]]);
    } finally {
      await storage.close();
    }
  });
});

describe('bad input fails clearly and leaves no manifest', () => {
  const uri = () => testEnv().mongodbUri;
  const cases: [string, () => Promise<Record<string, string>>, RegExp][] = [
    [
      'an unreachable host',
      async () => ({ 'mongodb-uri': 'mongodb://127.0.0.1:9/?connectTimeoutMS=1000' }),
      /could not reach 127\.0\.0\.1:9/i,
    ],
    [
      'a wrong password',
      async () => ({ 'mongodb-uri': uri().replace(/:[^:@/]+@/, ':wrong-password@') }),
      /authentication failed/i,
    ],
    ['a malformed URI', async () => ({ 'mongodb-uri': 'mongodb://user:pa@ss@/' }), /MongoDB URI/],
    [
      'an unknown destination scheme',
      async () => ({ destination: 'ftp://backups/shop' }),
      /s3:\/\/bucket\/prefix/,
    ],
    [
      'a missing bucket',
      async () => ({ destination: 's3://no-such-bucket-shipkit/p' }),
      /no-such-bucket-shipkit/,
    ],
    [
      'an invalid recipient',
      async () => ({ 'encrypt-recipients': 'age1notakey' }),
      /Option 'encrypt-recipients'/,
    ],
    ['an invalid retention spec', async () => ({ retention: 'daily=seven' }), /daily/],
    ['an include filter that matches nothing', async () => ({ include: 'no_such_db_xyz' }), /no_such_db_xyz/],
  ];

  it.each(cases)('%s', async (_label, overrides, message) => {
    const destination = await fileDestination();
    const { s3 } = testEnv();
    const values: Record<string, string> = {
      'mongodb-uri': uri(),
      destination,
      include: source,
      's3-endpoint': s3.endpoint,
      ...(await overrides()),
    };
    const started = Date.now();
    const attempt = (async () => {
      const options = backupOptions(parseTable(BACKUP_OPTIONS, { read: (key) => values[key] }), process.env);
      return runBackup({ ...options, connectTimeoutMs: 3000 }, { logger: logger() });
    })();
    await expect(attempt).rejects.toThrow(message);
    expect(Date.now() - started).toBeLessThan(20_000);
    const error = await attempt.catch((e: Error) => e);
    expect(error).toBeInstanceOf(UserError);
    const files = await filesUnder(fileURLToPath(destination));
    expect(files.filter((f) => f.endsWith('manifest.json'))).toEqual([]);
  });
});

describe('retention after a backup', () => {
  it('keeps the newest backups per rule against the S3 server', async () => {
    const destination = s3Destination();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const result = await runBackup(
        {
          uri: testEnv().mongodbUri,
          destination,
          include: [`${source}.customers`],
          storage: s3Options(),
          retention: { last: 2 },
        },
        { logger: logger(), now: () => new Date(Date.UTC(2026, 10, 20 + i, 3)) },
      );
      ids.push(result.backupId);
      if (i === 2) {
        expect(result.prune?.removed).toEqual([ids[0]]);
        expect(result.prune?.kept.map((k) => k.id).sort()).toEqual([ids[1], ids[2]].sort());
      }
    }
    const storage = openStorage(destination, { s3: s3Options() });
    try {
      expect((await listBackups(storage)).map((e) => e.id).sort()).toEqual([ids[1], ids[2]].sort());
    } finally {
      await storage.close();
    }
  });
});
