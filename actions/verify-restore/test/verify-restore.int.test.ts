// The bundled action, run as the GitHub runner runs it, against real MongoDB and S3 servers.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { runBackup } from '@shipkit/backup';
import { MemoryLogger } from '@shipkit/runtime';
import { openStorage } from '@shipkit/storage';
import { generateIdentity, identityToRecipient } from 'age-encryption';
import { MongoClient } from 'mongodb';
import { runAction } from '../../../test/runner';
import { testEnv, uniqueName } from '../../../test/support/env';

jest.setTimeout(180_000);

const entry = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'index.js');
let client: MongoClient;
let shop: string;
let prefix: string;
let identity: string;
let backupId: string;
const dropAfter: string[] = [];

function s3Inputs() {
  const { s3 } = testEnv();
  return { 's3-endpoint': s3.endpoint, 's3-region': s3.region, 's3-force-path-style': 'true' };
}

function awsEnv() {
  const { s3 } = testEnv();
  return { AWS_ACCESS_KEY_ID: s3.accessKeyId, AWS_SECRET_ACCESS_KEY: s3.secretAccessKey };
}

/** What the run printed, without the `add-mask` commands that hand each secret to the runner for masking. */
function printed(result: { everything: string }): string {
  return result.everything.replace(/^::add-mask::.*$/gm, '');
}

/** The password of the test server's URI, which must appear nowhere. */
function password(uri: string): string {
  return decodeURIComponent(/:\/\/[^:]+:([^@]+)@/.exec(uri)?.[1] ?? 'no-password-in-uri');
}

beforeAll(async () => {
  const { mongodbUri, s3 } = testEnv();
  client = await new MongoClient(mongodbUri).connect();
  shop = uniqueName('actshop');
  dropAfter.push(shop);
  await client
    .db(shop)
    .collection<{ _id: number }>('orders')
    .insertMany(
      Array.from({ length: 250 }, (_, i) => ({ _id: i, total: i * 1.5, status: i % 3 ? 'paid' : 'open' })),
    );
  await client.db(shop).collection('orders').createIndex({ status: 1, total: -1 }, { name: 'status_total' });
  await client
    .db(shop)
    .collection<{ _id: string }>('customers')
    .insertMany(Array.from({ length: 12 }, (_, i) => ({ _id: `c${i}`, name: `Customer ${i}` })));
  identity = await generateIdentity();
  prefix = uniqueName('action-verify');
  const result = await runBackup(
    {
      uri: mongodbUri,
      destination: `s3://${s3.bucket}/${prefix}`,
      include: [shop],
      recipients: [await identityToRecipient(identity)],
      storage: { endpoint: s3.endpoint, region: s3.region, forcePathStyle: true, credentials: s3 },
    },
    { logger: new MemoryLogger() },
  );
  backupId = result.backupId;
});

afterAll(async () => {
  for (const db of dropAfter) await client.db(db).dropDatabase();
  await client.close();
});

describe('verify-restore action (bundled)', () => {
  it('verifies the latest backup in integrity mode as a nightly workflow would', async () => {
    const { s3 } = testEnv();
    const result = await runAction(entry, {
      inputs: {
        source: `s3://${s3.bucket}/${prefix}`,
        backup: 'latest',
        'decrypt-identity': identity,
        ...s3Inputs(),
      },
      env: awsEnv(),
    });
    expect(result.annotations.filter((a) => a.level === 'error')).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toMatchObject({
      verified: 'true',
      'backup-id': backupId,
      documents: '262',
      namespaces: '2',
    });
    expect(result.outputs['report-path']).toMatch(new RegExp(`shipkit-integrity-report-${backupId}\\.json$`));
    expect(result.summary).toContain(`integrity verification of backup ${backupId} PASSED`);
    expect(result.summary).toMatch(
      new RegExp(`\\| ${shop}\\.orders \\| collection \\| 250 \\| 250 \\| ok \\| ok \\| ok \\| ok \\|`),
    );
    expect(result.stdout).toContain(`::add-mask::${identity}`);
    expect(printed(result)).not.toContain(identity);
  });

  it('runs a full verification into a scratch server and masks its URI', async () => {
    const { mongodbUri, s3 } = testEnv();
    const result = await runAction(entry, {
      inputs: {
        source: `s3://${s3.bucket}/${prefix}`,
        backup: backupId,
        mode: 'full',
        'scratch-mongodb-uri': mongodbUri,
        'decrypt-identity': identity,
        ...s3Inputs(),
      },
      env: awsEnv(),
    });
    expect(result.exitCode).toBe(0);
    expect(result.outputs.verified).toBe('true');
    expect(result.summary).toMatch(
      /\| vfy_[0-9a-f]{6}_actshop_[0-9a-f]{8}\.orders \| collection \| 250 \| 250 \| ok \| ok \| ok \| ok \|/,
    );
    for (const form of [password(mongodbUri), encodeURIComponent(password(mongodbUri)), mongodbUri]) {
      expect(printed(result)).not.toContain(form);
    }
  });

  it('refuses to restore when confirm does not list the target databases, and prints the plan', async () => {
    const { mongodbUri, s3 } = testEnv();
    const drill = uniqueName('drill');
    dropAfter.push(drill);
    const result = await runAction(entry, {
      inputs: {
        source: `s3://${s3.bucket}/${prefix}`,
        mode: 'restore',
        'target-mongodb-uri': mongodbUri,
        'ns-from': `${shop}.*`,
        'ns-to': `${drill}.*`,
        confirm: shop,
        'decrypt-identity': identity,
        ...s3Inputs(),
      },
      env: awsEnv(),
    });
    expect(result.exitCode).toBe(1);
    expect(result.outputs.verified).toBe('false');
    expect(result.annotations).toContainEqual({
      level: 'error',
      message: `Input 'confirm' must be exactly '${drill}' (the databases this restore writes) to run it; got '${shop}'. Nothing was written. The plan is in the job summary.`,
    });
    expect(result.summary).toContain('Restore not confirmed: nothing was written');
    expect(result.summary).toContain(`| ${shop}.orders | ${drill}.orders | collection | absent | create |`);
    expect(result.summary).toContain(`set \`confirm: ${drill}\``);
    const databases = (await client.db().admin().listDatabases()).databases.map((d) => d.name);
    expect(databases).not.toContain(drill);
  });

  it('restores with a matching confirm and checks the restored data', async () => {
    const { mongodbUri, s3 } = testEnv();
    const drill = uniqueName('drill');
    dropAfter.push(drill);
    const result = await runAction(entry, {
      inputs: {
        source: `s3://${s3.bucket}/${prefix}`,
        mode: 'restore',
        'target-mongodb-uri': mongodbUri,
        'ns-from': `${shop}.*`,
        'ns-to': `${drill}.*`,
        confirm: drill,
        'decrypt-identity': identity,
        parallelism: '2',
        ...s3Inputs(),
      },
      env: awsEnv(),
    });
    expect(result.annotations.filter((a) => a.level === 'error')).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toMatchObject({ verified: 'true', documents: '262' });
    expect(await client.db(drill).collection('orders').countDocuments()).toBe(250);
    expect((await client.db(drill).collection('orders').indexes()).map((i) => i.name).sort()).toEqual([
      '_id_',
      'status_total',
    ]);
  });

  it('fails, naming every problem, when the stored archive was changed', async () => {
    const { s3 } = testEnv();
    const tamperedPrefix = uniqueName('tampered');
    const storage = openStorage(`s3://${s3.bucket}/${prefix}`, {
      s3: { endpoint: s3.endpoint, region: s3.region, forcePathStyle: true, credentials: s3 },
    });
    const copy = openStorage(`s3://${s3.bucket}/${tamperedPrefix}`, {
      s3: { endpoint: s3.endpoint, region: s3.region, forcePathStyle: true, credentials: s3 },
    });
    for await (const object of storage.list(`${backupId}/`)) {
      if (/\/verification[^/]*\.json$/.test(object.key)) continue;
      const body = Buffer.from(await (await storage.get(object.key)).toArray().then((c) => Buffer.concat(c)));
      if (object.key.includes('archive.'))
        body[body.length - 100] = (body[body.length - 100] as number) ^ 0x10;
      await copy.put(object.key, body);
    }
    const result = await runAction(entry, {
      inputs: { source: `s3://${s3.bucket}/${tamperedPrefix}`, 'decrypt-identity': identity, ...s3Inputs() },
      env: awsEnv(),
    });
    expect(result.exitCode).toBe(1);
    expect(result.outputs.verified).toBe('false');
    const error = result.annotations.find((a) => a.level === 'error')?.message ?? '';
    expect(error).toContain(`Verification (integrity) of backup ${backupId} failed with 2 problems:`);
    expect(error).toMatch(
      /- the stored archive s3:\/\/.* does not match its manifest: SHA-256 [0-9a-f]{64}, expected [0-9a-f]{64}/,
    );
    expect(result.summary).toContain('#### Problems');
    await storage.close();
    await copy.close();
  });

  it('fails with a clear message when inputs are wrong', async () => {
    const result = await runAction(entry, { inputs: { backup: 'latest', mode: 'everything' } });
    expect(result.exitCode).toBe(1);
    expect(result.annotations).toContainEqual({
      level: 'error',
      message: "Input 'mode' must be one of 'integrity', 'full', 'restore', got 'everything'.",
    });
  });
});
