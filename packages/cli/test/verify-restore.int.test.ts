import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { ArchiveWriter } from '@shipkit/archive';
import { runBackup } from '@shipkit/backup';
import { MemoryLogger } from '@shipkit/runtime';
import { generateIdentity, identityToRecipient } from 'age-encryption';
import { BSON, MongoClient } from 'mongodb';
import { testEnv, uniqueName } from '../../../test/support/env';
import { main } from '../src/main';

jest.setTimeout(180_000);
const run = promisify(execFile);

let client: MongoClient;
let shop: string;
let dir: string;
let backups: string;
let backupId: string;
let identity: string;
const dropAfter: string[] = [];

async function shipkit(argv: string[], env: Record<string, string | undefined> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    env: { AWS_REGION: testEnv().s3.region, ...env },
    cwd: dir,
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  });
  return { code, stdout, stderr, everything: `${stdout}\n${stderr}` };
}

/** The password of the test server's URI, which must never be printed. */
function password(uri: string): string {
  return decodeURIComponent(/:\/\/[^:]+:([^@]+)@/.exec(uri)?.[1] ?? 'no-password-in-uri');
}

beforeAll(async () => {
  const { mongodbUri } = testEnv();
  client = await new MongoClient(mongodbUri).connect();
  shop = uniqueName('clishop');
  dropAfter.push(shop);
  await client
    .db(shop)
    .collection<{ _id: number }>('orders')
    .insertMany(Array.from({ length: 300 }, (_, i) => ({ _id: i, total: i * 2.5, note: `order ${i}` })));
  await client.db(shop).collection('orders').createIndex({ total: -1 }, { name: 'total_desc' });
  await client
    .db(shop)
    .collection<{ _id: string }>('customers')
    .insertMany(Array.from({ length: 20 }, (_, i) => ({ _id: `c${i}`, name: `Customer ${i}` })));
  dir = await mkdtemp(join(tmpdir(), 'cli-verify-'));
  backups = `file://${dir}/backups`;
  identity = await generateIdentity();
  const result = await runBackup(
    {
      uri: mongodbUri,
      destination: backups,
      include: [shop],
      recipients: [await identityToRecipient(identity)],
    },
    { logger: new MemoryLogger() },
  );
  backupId = result.backupId;
});

afterAll(async () => {
  for (const db of dropAfter) await client.db(db).dropDatabase();
  await client.close();
  await rm(dir, { recursive: true, force: true });
});

describe('shipkit verify', () => {
  it('verifies the newest backup under a prefix (integrity), identity from AGE_IDENTITY, and never prints it', async () => {
    const out = await shipkit(['verify', '--from', backups, '--latest'], { AGE_IDENTITY: identity });
    expect(out.stderr).not.toContain('error');
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(
      new RegExp(`${shop}\\.orders\\s+collection\\s+300\\s+300\\s+ok\\s+ok\\s+ok\\s+ok`),
    );
    expect(out.stdout).toContain(
      `integrity verification of backup ${backupId} PASSED: 2 namespaces, 320 documents`,
    );
    expect(out.stdout).toContain(`recorded: ${backups}/${backupId}/verification.integrity.json`);
    expect(out.everything).not.toContain(identity);
  });

  it('runs a full verification into a scratch server given by SCRATCH_MONGODB_URI, as JSON', async () => {
    const { mongodbUri } = testEnv();
    const identityFile = join(dir, 'identity.txt');
    await writeFile(
      identityFile,
      `# created: 2026-11-25\n# public key: ${await identityToRecipient(identity)}\n${identity}\n`,
    );
    const out = await shipkit(
      [
        'verify',
        '--from',
        `${backups}/${backupId}`,
        '--mode',
        'full',
        '--identity-file',
        identityFile,
        '--json',
      ],
      { SCRATCH_MONGODB_URI: mongodbUri },
    );
    expect(out.code).toBe(0);
    const report = JSON.parse(out.stdout);
    expect(report).toMatchObject({
      mode: 'full',
      result: 'passed',
      backupId,
      totals: { restoredDocuments: 320 },
    });
    expect(report.namespaces.map((n: { checks: unknown }) => n.checks)).toEqual([
      { count: 'passed', contentHash: 'passed', crc: 'passed', indexes: 'passed' },
      { count: 'passed', contentHash: 'passed', crc: 'passed', indexes: 'passed' },
    ]);
    expect(out.everything).not.toContain(password(mongodbUri));
    expect(out.everything).not.toContain(identity);
  });

  it('verifies an archive file written by stock mongodump --gzip and says what it could not check', async () => {
    const { mongodbUri, mongoToolsBin } = testEnv();
    const file = join(dir, 'stock.archive.gz');
    await run(join(mongoToolsBin, 'mongodump'), [
      `--uri=${mongodbUri}`,
      `--db=${shop}`,
      `--archive=${file}`,
      '--gzip',
    ]);
    const out = await shipkit(['verify', '--from', `file://${file}`, '--report', 'report.json']);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('SHA-256 and size of the stored object: there is no manifest holding them.');
    const report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8'));
    expect(report).toMatchObject({ result: 'passed', archive: { layers: ['gzip'] } });
  });

  it('exits 1 naming the problem when the stored archive was changed', async () => {
    const copy = uniqueName('tampered');
    const source = join(dir, 'backups', backupId);
    const target = join(dir, copy, backupId);
    await run('mkdir', ['-p', target]);
    await run('cp', ['-r', `${source}/.`, target]);
    for (const name of await readdir(target)) {
      if (name.startsWith('verification')) await rm(join(target, name));
    }
    const archive = join(target, 'archive.mongodump.zst.age');
    const bytes = await readFile(archive);
    bytes[bytes.length - 40] = (bytes[bytes.length - 40] as number) ^ 0xff;
    await writeFile(archive, bytes);

    const out = await shipkit(['verify', '--from', `file://${dir}/${copy}`, '--latest'], {
      AGE_IDENTITY: identity,
    });
    expect(out.code).toBe(1);
    expect(out.stdout).toContain('FAILED');
    expect(out.stderr).toContain(
      `error: Verification (integrity) of backup ${backupId} failed with 2 problems:`,
    );
    expect(out.stderr).toMatch(
      / {2}- the stored archive .* does not match its manifest: SHA-256 [0-9a-f]{64}, expected/,
    );
    expect(out.stderr).toMatch(/ {2}- Decrypting .* failed: the stored data was changed or cut off/);
  });

  it('refuses a wrong identity with exit code 2', async () => {
    const out = await shipkit(['verify', '--from', backups, '--latest'], {
      AGE_IDENTITY: await generateIdentity(),
    });
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/error: AGE_IDENTITY \(public key age1\w+\) cannot decrypt backup/);
  });
});

describe('shipkit restore', () => {
  it('restores under renamed namespaces with the target URI from MONGODB_URI, then checks it', async () => {
    const { mongodbUri } = testEnv();
    const drill = uniqueName('drill');
    dropAfter.push(drill);
    const out = await shipkit(
      ['restore', '--from', backups, '--latest', '--ns-from', `${shop}.*`, '--ns-to', `${drill}.*`],
      {
        MONGODB_URI: mongodbUri,
        AGE_IDENTITY: identity,
      },
    );
    expect(out.stderr).not.toContain('error');
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(
      new RegExp(`${shop}\\.orders\\s+${drill}\\.orders\\s+collection\\s+300\\s+300\\s+ok`),
    );
    expect(await client.db(drill).collection('orders').countDocuments()).toBe(300);
    expect(out.everything).not.toContain(password(mongodbUri));
  });

  it('with --no-read-back restores and checks the archive, says the target was not read back, records nothing', async () => {
    const { mongodbUri } = testEnv();
    const drill = uniqueName('fast');
    dropAfter.push(drill);
    const out = await shipkit(
      [
        'restore',
        '--from',
        backups,
        '--latest',
        '--ns-from',
        `${shop}.*`,
        '--ns-to',
        `${drill}.*`,
        '--no-read-back',
        '--json',
      ],
      { MONGODB_URI: mongodbUri, AGE_IDENTITY: identity },
    );
    expect(out.code).toBe(0);
    const report = JSON.parse(out.stdout) as {
      result: string;
      mode: string;
      notChecked: string[];
      recorded?: unknown;
      totals: { documents: number; restoredDocuments?: number };
    };
    expect(report).toMatchObject({ result: 'passed', mode: 'restore', totals: { documents: 320 } });
    expect(report.totals.restoredDocuments).toBeUndefined();
    expect(report.recorded).toBeUndefined();
    expect(report.notChecked.join(' ')).toContain('the restored namespaces were not read back');
    expect(await client.db(drill).collection('orders').countDocuments()).toBe(300);
    expect(await client.db(drill).collection('customers').countDocuments()).toBe(20);
  });

  it('prints the plan in a dry run and writes nothing; refuses a non-empty target without --drop', async () => {
    const { mongodbUri } = testEnv();
    const env = { MONGODB_URI: mongodbUri, AGE_IDENTITY: identity };
    const dry = await shipkit(['restore', '--from', backups, '--latest', '--dry-run'], env);
    expect(dry.code).toBe(1);
    expect(dry.stdout).toMatch(
      new RegExp(`${shop}\\.orders\\s+${shop}\\.orders\\s+collection\\s+holds ~300 documents\\s+refuse`),
    );
    expect(dry.stdout).toContain(`into ${shop}; nothing was written`);
    // The prelude order (and so the plan's) is the dump's; compare as sets.
    const refusedNames = /the restore would be refused: (.*) already hold data/
      .exec(dry.stderr)?.[1]
      ?.split(', ');
    expect(refusedNames?.sort()).toEqual([`${shop}.customers`, `${shop}.orders`]);

    const refused = await shipkit(['restore', '--from', backups, '--latest'], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('error: Refusing to restore into existing namespaces without --drop: ');
    expect(refused.stderr).toContain(`${shop}.orders (holds ~300 documents)`);
    expect(refused.stderr).toContain(`${shop}.customers (holds ~20 documents)`);
    expect(refused.stderr).toContain('Nothing was written.');
    expect(await client.db(shop).collection('orders').countDocuments()).toBe(300);
  });

  it('restores a stock mongodump archive file and fails, counting them, when documents are refused', async () => {
    const { mongodbUri } = testEnv();
    const writer = new ArchiveWriter();
    const bytes = buffer(writer.stream);
    const db = uniqueName('dupsrc');
    await writer.begin({
      header: { concurrent_collections: 1, server_version: '7.0.0', tool_version: 'test' },
      namespaces: [
        {
          db,
          collection: 'items',
          type: 'collection',
          metadata: {
            options: {},
            indexes: [{ v: 2, key: { _id: 1 }, name: '_id_' }],
            collectionName: 'items',
            type: 'collection',
          },
        },
      ],
    });
    const docs = [
      ...Array.from({ length: 50 }, (_, i) => ({ _id: i })),
      { _id: 3 },
      { _id: 4 },
      { _id: [9] },
    ];
    await writer.writeDocuments(
      { db, collection: 'items' },
      docs.map((d) => BSON.serialize(d)),
    );
    await writer.endNamespace({ db, collection: 'items' });
    await writer.finish();
    const file = join(dir, 'duplicates.archive');
    await writeFile(file, await bytes);
    const target = uniqueName('duptgt');
    dropAfter.push(target);

    const out = await shipkit(['restore', '--from', `file://${file}`, '--ns-from', db, '--ns-to', target], {
      MONGODB_URI: mongodbUri,
    });
    expect(out.code).toBe(1);
    expect(out.stderr).toContain(
      `The restore failed: 3 of 53 documents were refused by the target — ${target}.items: 3 (duplicate key ×2, invalid _id ×1).`,
    );
    // Read back where it was staged; the target itself was never written.
    expect(out.stderr).toMatch(
      new RegExp(
        `${db}\\.items: document count differs — expected 53, staged for ${target}\\.items as ${target}\\._shipkit_restore_[0-9a-f]{8}_new_items 50`,
      ),
    );
    expect(out.stderr).toContain(`  ${target}.items: untouched — absent`);
    expect(await client.db(target).listCollections().toArray()).toEqual([]);
  });
});

describe('shipkit check-freshness', () => {
  it('passes for a recent backup, fails for a too small max age and when verification is required but missing', async () => {
    const fresh = await shipkit(['check-freshness', '--at', backups, '--max-age', '26h']);
    expect(fresh.code).toBe(0);
    expect(fresh.stdout).toMatch(
      new RegExp(
        `^fresh: The newest complete backup at ${backups}, ${backupId}, is .* old \\(allowed: 26h00m\\)\\.`,
      ),
    );

    const stale = await shipkit(['check-freshness', '--at', backups, '--max-age', '1ms', '--json']);
    expect(stale.code).toBe(1);
    expect(JSON.parse(stale.stdout)).toMatchObject({
      fresh: false,
      newest: { id: backupId },
      requireVerified: false,
    });

    const unverifiedDir = `file://${await mkdtemp(join(dir, 'unverified-'))}`;
    await runBackup(
      { uri: testEnv().mongodbUri, destination: unverifiedDir, include: [shop] },
      { logger: new MemoryLogger() },
    );
    const unverified = await shipkit([
      'check-freshness',
      '--at',
      unverifiedDir,
      '--max-age',
      '26h',
      '--require-verified',
    ]);
    expect(unverified.code).toBe(1);
    expect(unverified.stdout).toBe(
      `STALE: No verified backup at ${unverifiedDir} (1 backup folder(s), 0 incomplete, 0 damaged, 1 complete but not verified).\n`,
    );
  });
});
