// `bin/shipkit.js` started by a Node.js older than 24 (a system node) hands the run to the node@24 that
// `npm ci` installed: help, a zstd backup (zstd needs Node 24, so a backup that works proves the hand-off)
// and its verification all work, with the exit codes of the bundle.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MongoClient } from 'mongodb';
import { scratchDir } from '../../../../test/faults/harness';
import { testEnv, uniqueName } from '../../../../test/support/env';
import { runShipkit } from '../../../../test/support/shipkit-process';
import { programHelp } from '../../src/main';
import { expectExit, expectNoSecret, serverSecrets, stdoutJson } from './support';

/**
 * A node older than 24: SHIPKIT_OLD_NODE, else the first on PATH or in the usual system places (what
 * `which -a node` lists). None is a failure saying how to name one, not a skip.
 */
function olderNode(): { path: string; version: string } {
  const candidates = [
    ...(process.env.SHIPKIT_OLD_NODE ? [process.env.SHIPKIT_OLD_NODE] : []),
    ...(process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'node')),
    '/usr/local/bin/node',
    '/usr/bin/node',
  ];
  for (const path of candidates) {
    if (!existsSync(path)) continue;
    const version = execFileSync(path, ['--version'], { encoding: 'utf8' }).trim();
    if (Number(/^v(\d+)/.exec(version)?.[1]) < 24) return { path, version };
  }
  throw new Error(
    'No Node.js older than 24 found on PATH, in /usr/local/bin or /usr/bin, to test the hand-off to ' +
      'node@24: install one (e.g. Debian’s nodejs) or set SHIPKIT_OLD_NODE to its path.',
  );
}

let node: { path: string; version: string };
let client: MongoClient;
let dir: { path: string; remove(): Promise<void> };
const db = uniqueName('bundle_old_node');

beforeAll(async () => {
  node = olderNode();
  client = await new MongoClient(testEnv().mongodbUri).connect();
  await client
    .db(db)
    .collection<{ _id: number }>('items')
    .insertMany(Array.from({ length: 120 }, (_, i) => ({ _id: i, sku: `sku-${i}` })));
  dir = await scratchDir('old-node');
});

afterAll(async () => {
  await client.db(db).dropDatabase();
  await client.close();
  await dir.remove();
});

describe(`bin/shipkit.js started by an older node`, () => {
  it('prints the help of the bundle', async () => {
    expect(node.version).toMatch(/^v(1\d|2[0-3])\./);
    const run = await runShipkit(['--help'], { node: node.path });
    expectExit(run, 0);
    expect(run.stdout).toBe(programHelp());
  });

  it('backs up with zstd and verifies the backup', async () => {
    const destination = `file://${dir.path}/backups`;
    const env = { MONGODB_URI: testEnv().mongodbUri };
    const backup = await runShipkit(['backup', '--to', destination, '--include', db, '--json'], {
      node: node.path,
      env,
    });
    expectExit(backup, 0);
    const { backupId, documents } = stdoutJson<{ backupId: string; documents: number }>(backup);
    expect(documents).toBe(120);
    const folder = join(dir.path, 'backups', backupId);
    const manifest = JSON.parse(await readFile(join(folder, 'manifest.json'), 'utf8'));
    expect(manifest.archive.compression).toBe('zstd');
    expect(await readdir(folder)).toContain(manifest.archive.key);

    const verify = await runShipkit(['verify', '--from', `${destination}/${backupId}`, '--json'], {
      node: node.path,
    });
    expectExit(verify, 0);
    expect(stdoutJson(verify)).toMatchObject({ result: 'passed' });
    for (const run of [backup, verify]) expectNoSecret(run, serverSecrets());
  });
});
