/** Damaged objects: whatever is altered in a stored backup, verification says so and fails. */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from '@jest/globals';
import { MongoClient } from 'mongodb';
import { testEnv, uniqueName } from '../support/env';
import { runShipkit } from '../support/shipkit-process';
import { fault, scratchDir } from './harness';

let client: MongoClient;
let db: string;
let dir: { path: string; remove(): Promise<void> };

beforeAll(async () => {
  client = await new MongoClient(testEnv().mongodbUri).connect();
  db = uniqueName('fault_tamper');
  await client
    .db(db)
    .collection<{ _id: number }>('orders')
    .insertMany(Array.from({ length: 500 }, (_, i) => ({ _id: i, total: i * 3, note: `order ${i}` })));
  dir = await scratchDir('tamper');
});

afterAll(async () => {
  await client.db(db).dropDatabase();
  await client.close();
  await dir.remove();
});

/** Backs `db` up into a folder of its own and returns the backup's folder path. */
async function backUp(label: string): Promise<string> {
  const prefix = join(dir.path, label);
  const run = await runShipkit(['backup', '--to', `file://${prefix}`, '--include', db, '--json'], {
    env: { MONGODB_URI: testEnv().mongodbUri },
  });
  expect(run.code).toBe(0);
  const [id] = await readdir(prefix);
  return join(prefix, id as string);
}

fault('one byte flipped in the stored archive', 'verify fails naming the damage', async () => {
  const folder = await backUp('flip');
  const archive = (await readdir(folder)).find((name) => name.startsWith('archive.')) as string;
  const bytes = await readFile(join(folder, archive));
  const middle = Math.floor(bytes.length / 2);
  bytes.writeUInt8(bytes.readUInt8(middle) ^ 0x01, middle);
  await writeFile(join(folder, archive), bytes);
  const run = await runShipkit(['verify', '--from', `file://${folder}`]);
  expect(run.code).toBe(1);
  expect(run.stderr).toMatch(/sha-?256/i);
  return `exit ${run.code}: ${run.stderr.split('\n').find((line) => /sha-?256/i.test(line))}`;
});
