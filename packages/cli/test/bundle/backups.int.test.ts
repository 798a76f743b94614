// The backup commands from the bundle users run (node bin/shipkit.js → packages/cli/dist), in the order
// of a real week: backup (encrypted, to S3), list, inspect, verify (integrity and full), check-freshness,
// restore (dry run, then for real), a second backup, prune. Each run is checked by its exit code and
// its effect on the servers, and nothing it prints holds a secret.

import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { generateIdentity, identityToRecipient } from 'age-encryption';
import { MongoClient } from 'mongodb';
import { testEnv, uniqueName } from '../../../../test/support/env';
import { runShipkit, type ShipkitExit } from '../../../../test/support/shipkit-process';
import { expectExit, expectNoSecret, s3Env, secretsOf, serverSecrets, stdoutJson } from './support';

interface BackupJson {
  backupId: string;
  backupUrl: string;
  documents: number;
  collections: number;
  namespaces: { namespace: string; count: number }[];
}

let client: MongoClient;
let s3: S3Client;
const db = uniqueName('bundle_shop');
const restored = uniqueName('bundle_restored');
const prefix = uniqueName('bundle-cli');
let destination: string;
let identity: string;
let secrets: string[];
const backups: string[] = [];

/** Runs a command with the user's environment: the database, the S3 keys and the age keys. */
async function shipkit(argv: string[], env: Record<string, string> = {}): Promise<ShipkitExit> {
  const run = await runShipkit(argv, {
    env: {
      MONGODB_URI: testEnv().mongodbUri,
      AGE_RECIPIENTS: await identityToRecipient(identity),
      ...s3Env(),
      ...env,
    },
  });
  expectNoSecret(run, secrets);
  return run;
}

/** The backup ids that have a manifest in the bucket, read from S3 itself. */
async function storedBackups(): Promise<string[]> {
  const listed = await s3.send(
    new ListObjectsV2Command({ Bucket: testEnv().s3.bucket, Prefix: `${prefix}/` }),
  );
  return (listed.Contents ?? [])
    .map((object) => object.Key ?? '')
    .filter((key) => key.endsWith('/manifest.json'))
    .map((key) => key.split('/')[1] as string)
    .sort();
}

beforeAll(async () => {
  client = await new MongoClient(testEnv().mongodbUri).connect();
  s3 = new S3Client({ ...testEnv().s3.clientConfig });
  destination = `s3://${testEnv().s3.bucket}/${prefix}`;
  identity = await generateIdentity();
  secrets = [...serverSecrets(), ...secretsOf(identity)];
  await client
    .db(db)
    .collection<{ _id: number }>('orders')
    .insertMany(Array.from({ length: 300 }, (_, i) => ({ _id: i, total: i * 2.5, note: `order ${i}` })));
  await client.db(db).collection('orders').createIndex({ total: -1 }, { name: 'total_desc' });
  await client
    .db(db)
    .collection<{ _id: string }>('customers')
    .insertMany(Array.from({ length: 25 }, (_, i) => ({ _id: `c${i}`, name: `Customer ${i}` })));
});

afterAll(async () => {
  for (const name of [db, restored]) await client.db(name).dropDatabase();
  await client.close();
  s3.destroy();
});

describe('the backup commands, from the bundle', () => {
  it('backup: an encrypted backup to S3, with the counts of the source', async () => {
    const run = await shipkit(['backup', '--to', destination, '--include', db, '--json']);
    expectExit(run, 0);
    const result = stdoutJson<BackupJson>(run);
    expect(result.backupId).toMatch(/^\d{4}-\d\d-\d\dT\d{6}Z-[0-9a-f]+$/);
    expect(result).toMatchObject({ documents: 325, collections: 2 });
    expect(result.namespaces).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ namespace: `${db}.orders`, count: 300 }),
        expect.objectContaining({ namespace: `${db}.customers`, count: 25 }),
      ]),
    );
    backups.push(result.backupId);
    expect(await storedBackups()).toEqual(backups);
  });

  it('list: shows the backup', async () => {
    const run = await shipkit(['list', '--at', destination]);
    expectExit(run, 0);
    expect(run.stdout).toContain(backups[0]);
  });

  it('inspect: shows its manifest — encrypted, both namespaces', async () => {
    const run = await shipkit(['inspect', `${destination}/${backups[0]}`, '--json']);
    expectExit(run, 0);
    const { manifest } = stdoutJson<{
      manifest: { backupId: string; archive: { recipients: string[] }; namespaces: { count: number }[] };
    }>(run);
    expect(manifest.backupId).toBe(backups[0]);
    expect(manifest.archive.recipients).toEqual([await identityToRecipient(identity)]);
    expect(manifest.namespaces.map((ns) => ns.count).sort((a, b) => a - b)).toEqual([25, 300]);
  });

  it('verify --mode integrity: fails without the identity, naming it; passes with it', async () => {
    const without = await shipkit(['verify', '--from', destination, '--latest']);
    expect(without.code).not.toBe(0);
    expect(without.stderr).toMatch(/AGE_IDENTITY|--identity-file/);
    expect(without.everything).not.toMatch(/\n\s+at /);

    const run = await shipkit(['verify', '--from', destination, '--latest', '--json'], {
      AGE_IDENTITY: identity,
    });
    expectExit(run, 0);
    expect(stdoutJson(run)).toMatchObject({ result: 'passed', mode: 'integrity' });
  });

  it('verify --mode full: restores into the scratch server and compares', async () => {
    const run = await shipkit(
      ['verify', '--from', `${destination}/${backups[0]}`, '--mode', 'full', '--json'],
      { AGE_IDENTITY: identity, SCRATCH_MONGODB_URI: testEnv().mongodbUri },
    );
    expectExit(run, 0);
    expect(stdoutJson(run)).toMatchObject({ result: 'passed', mode: 'full' });
  });

  it('check-freshness: fresh with a verified backup, failing where there is none', async () => {
    const fresh = await shipkit([
      'check-freshness',
      '--at',
      destination,
      '--max-age',
      '1h',
      '--require-verified',
    ]);
    expectExit(fresh, 0);
    const empty = await shipkit([
      'check-freshness',
      '--at',
      `${destination}-nothing-here`,
      '--max-age',
      '1h',
    ]);
    expectExit(empty, 1);
  });

  it('restore --dry-run: plans the restore and writes nothing', async () => {
    const run = await shipkit(
      [
        'restore',
        '--from',
        destination,
        '--latest',
        '--ns-from',
        `${db}.*`,
        '--ns-to',
        `${restored}.*`,
        '--dry-run',
      ],
      { AGE_IDENTITY: identity },
    );
    expectExit(run, 0);
    expect(run.stdout).toContain(`${restored}`);
    expect(await client.db(restored).listCollections().toArray()).toEqual([]);
  });

  it('restore: the data, its indexes and the same counts arrive under the new name', async () => {
    const run = await shipkit(
      ['restore', '--from', destination, '--latest', '--ns-from', `${db}.*`, '--ns-to', `${restored}.*`],
      { AGE_IDENTITY: identity },
    );
    expectExit(run, 0);
    expect(await client.db(restored).collection('orders').countDocuments()).toBe(300);
    expect(await client.db(restored).collection('customers').countDocuments()).toBe(25);
    expect((await client.db(restored).collection('orders').indexes()).map((i) => i.name)).toContain(
      'total_desc',
    );
    expect(await client.db(restored).collection<{ _id: number }>('orders').findOne({ _id: 7 })).toEqual({
      _id: 7,
      total: 17.5,
      note: 'order 7',
    });
  });

  it('prune: --dry-run deletes nothing; then only the newest (verified) backup is kept', async () => {
    const second = await shipkit(['backup', '--to', destination, '--include', db, '--json']);
    expectExit(second, 0);
    backups.push(stdoutJson<BackupJson>(second).backupId);
    const verified = await shipkit(['verify', '--from', destination, '--latest'], { AGE_IDENTITY: identity });
    expectExit(verified, 0);
    expect(await storedBackups()).toEqual(backups);

    const dryRun = await shipkit(['prune', '--at', destination, '--keep-last', '1', '--dry-run']);
    expectExit(dryRun, 0);
    expect(await storedBackups()).toEqual(backups);

    const run = await shipkit(['prune', '--at', destination, '--keep-last', '1']);
    expectExit(run, 0);
    expect(await storedBackups()).toEqual([backups[1]]);
    const list = await shipkit(['list', '--at', destination]);
    expect(list.stdout).toContain(backups[1]);
    expect(list.stdout).not.toContain(backups[0]);
  });
});
