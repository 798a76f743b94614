/**
 * Bad input, through the bundled CLI against the real servers: a mistaken option, value or spelling is
 * refused with exit code 2 before anything is written or deleted, in the CLI's own words (its flags,
 * with a suggestion), as JSON under --json, and never with a secret it was given.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from '@jest/globals';
import { MongoClient } from 'mongodb';
import { testEnv, uniqueName } from '../support/env';
import { runShipkit } from '../support/shipkit-process';
import { fault, scratchDir } from './harness';

const PASSWORD = 'Inputs-S3cret-pw';
const SECRET_URI = `mongodb://admin:${PASSWORD}@127.0.0.1:9/`;

let client: MongoClient;
let db: string;
let dir: { path: string; remove(): Promise<void> };

beforeAll(async () => {
  client = await new MongoClient(testEnv().mongodbUri).connect();
  db = uniqueName('fault_inputs');
  await client
    .db(db)
    .collection<{ _id: number }>('orders')
    .insertMany(Array.from({ length: 50 }, (_, i) => ({ _id: i, total: i })));
  dir = await scratchDir('inputs');
});

afterAll(async () => {
  await client.db(db).dropDatabase();
  await client.close();
  await dir.remove();
});

const shipkit = (argv: string[], env: Record<string, string> = {}) =>
  runShipkit(argv, { env: { MONGODB_URI: testEnv().mongodbUri, ...env } });

/** What is in a folder, or nothing when it does not exist. */
async function entries(path: string): Promise<string[]> {
  return readdir(path).catch(() => []);
}

fault(
  'prune --keep-daily 0 over a folder of backups',
  'refused (exit 2) naming --keep-daily, as daily=0 is; every backup kept',
  async () => {
    const prefix = join(dir.path, 'prune');
    for (let i = 0; i < 2; i++) {
      expect((await shipkit(['backup', '--to', `file://${prefix}`, '--include', db])).code).toBe(0);
    }
    const before = await entries(prefix);
    expect(before).toHaveLength(2);
    const run = await shipkit(['prune', '--at', `file://${prefix}`, '--keep-daily', '0']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: --keep-daily must keep between 1 and /);
    expect(await entries(prefix)).toEqual(before);
    return `exit ${run.code}: ${run.stderr.trim()}; ${before.length} backups still there`;
  },
);

fault(
  'backup with a retention of 0 given on the command line',
  'refused (exit 2) before connecting: nothing written at the destination',
  async () => {
    const prefix = join(dir.path, 'backup-zero');
    const run = await shipkit([
      'backup',
      '--to',
      `file://${prefix}`,
      '--include',
      db,
      '--retention',
      'daily=0',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: --retention has a part "daily=0" that must keep between 1 and/);
    expect(await entries(prefix)).toEqual([]);
    return `exit ${run.code}: ${run.stderr.trim()}; destination empty`;
  },
);

fault(
  'a password-bearing URI given to a misspelt option, with --json',
  'refused (exit 2) with a JSON document suggesting the option; the password appears nowhere',
  async () => {
    const run = await shipkit(
      ['backup', '--mongodb-uri', SECRET_URI, '--to', `file://${dir.path}/x`, '--json'],
      {},
    );
    expect(run.code).toBe(2);
    const document = JSON.parse(run.stdout);
    expect(document).toMatchObject({ ok: false, exitCode: 2, outcome: 'refused' });
    expect(document.error).toContain('has no option --mongodb-uri — did you mean --uri?');
    expect(`${run.stdout}${run.stderr}`).not.toContain(PASSWORD);
    expect(run.stderr).not.toMatch(/\n\s+at |ERR_PARSE_ARGS/);
    return `exit ${run.code}: ${document.error}`;
  },
);

fault(
  'a password-bearing URI that cannot be reached, with --verbose',
  'refused (exit 2) naming the host; the debug detail names options, never the password',
  async () => {
    const run = await shipkit(
      ['backup', '--to', `file://${dir.path}/y`, '--verbose', '--connect-timeout', '2s'],
      {
        MONGODB_URI: SECRET_URI,
      },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('options given MONGODB_URI, --to, --connect-timeout');
    expect(run.stderr).toContain('127.0.0.1:9');
    expect(`${run.stdout}${run.stderr}`).not.toContain(PASSWORD);
    return `exit ${run.code}: ${run.stderr.split('\n').find((line) => line.startsWith('error:'))}`;
  },
);
