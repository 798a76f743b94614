// The bundled action, run as a client workflow runs it (INPUT_*, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, exit code).
import { readdir, readFile } from 'node:fs/promises';
import { type AddressInfo, createServer, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { listBackups } from '@shipkit/backup';
import { secretForms, uriCredentials } from '@shipkit/runtime';
import { FileStorage } from '@shipkit/storage';
import { generateIdentity, identityToRecipient } from 'age-encryption';
import { MongoClient } from 'mongodb';
import { fileDestination, s3Destination, seedSmallShop } from '../../../packages/backup/test/support';
import { runAction } from '../../../test/runner';
import { fakeBackup, fakeVerification } from '../../../test/support/catalog';
import { testEnv } from '../../../test/support/env';

const entry = fileURLToPath(new URL('../dist/index.js', import.meta.url));
const verifyEntry = fileURLToPath(new URL('../../verify-restore/dist/index.js', import.meta.url));
let client: MongoClient;
let source: string;

beforeAll(async () => {
  client = await new MongoClient(testEnv().mongodbUri).connect();
  source = await seedSmallShop(client, 200);
});

afterAll(async () => {
  await client.db(source).dropDatabase();
  await client.close();
});

describe('mongo-backup action', () => {
  it('backs up, sets every output, writes a summary table, and never shows the password', async () => {
    const uri = testEnv().mongodbUri;
    const password = uriCredentials(uri)?.password ?? '';
    expect(password.length).toBeGreaterThan(8);
    const destination = await fileDestination();
    const result = await runAction(entry, {
      inputs: { 'mongodb-uri': uri, destination, include: source, compression: 'gzip', retention: 'last=3' },
    });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    const { outputs } = result;
    expect(outputs['backup-id']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{6}Z-[0-9a-f]{6}$/);
    expect(outputs['manifest-url']).toBe(`${destination}/${outputs['backup-id']}/manifest.json`);
    expect(Number(outputs.documents)).toBe(200 + 40 + 400 + 1);
    expect(Number(outputs.collections)).toBe(4);
    expect(Number(outputs.bytes)).toBeGreaterThan(1000);
    expect(Number(outputs['duration-seconds'])).toBeGreaterThanOrEqual(0);
    expect(result.summary).toContain('| namespace | type | documents | bytes | indexes | content hash |');
    expect(result.summary).toContain(`| ${source}.orders | collection | 400 |`);
    expect(result.stdout).toMatch(/backup: .* docs( of \d+ \([\d.]+%\))?, .*\/s.* — done/);

    const manifestText = await readFile(fileURLToPath(outputs['manifest-url'] as string), 'utf8');
    const forms = [...secretForms(uri), password, encodeURIComponent(password)];
    for (const form of forms) {
      expect(result.everything).not.toContain(form);
      expect(manifestText).not.toContain(form);
    }
    expect(manifestText).not.toContain('127.0.0.1');
  });

  it('backs up encrypted to S3, applies retention, and the verify-restore bundle decrypts and checks it', async () => {
    const { s3 } = testEnv();
    const destination = s3Destination();
    const identity = await generateIdentity();
    const recipient = await identityToRecipient(identity);
    const s3Inputs = { 's3-endpoint': s3.endpoint, 's3-region': s3.region };
    const env = { AWS_ACCESS_KEY_ID: s3.accessKeyId, AWS_SECRET_ACCESS_KEY: s3.secretAccessKey };
    const backUp = () =>
      runAction(entry, {
        inputs: {
          'mongodb-uri': testEnv().mongodbUri,
          destination,
          include: source,
          'encrypt-recipients': recipient,
          retention: 'last=1',
          ...s3Inputs,
        },
        env,
      });
    const first = await backUp();
    expect(first.exitCode).toBe(0);
    // Backup ids are named to the second: the second backup starts in a new one, so it is the newer.
    await sleep(1000 - (Date.now() % 1000) + 5);
    const second = await backUp();
    expect(second.exitCode).toBe(0);

    const client = new S3Client({ ...s3.clientConfig });
    const prefix = destination.slice(`s3://${s3.bucket}/`.length);
    const keys = (
      (await client.send(new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: `${prefix}/` }))).Contents ??
      []
    ).map((object) => object.Key?.slice(prefix.length + 1));
    client.destroy();
    const newest = second.outputs['backup-id'] as string;
    expect(keys.filter((key) => key?.endsWith('manifest.json'))).toEqual([`${newest}/manifest.json`]);
    expect(keys).toContain(`${newest}/archive.mongodump.zst.age`);

    const verify = await runAction(verifyEntry, {
      inputs: { source: destination, backup: 'latest', 'decrypt-identity': identity, ...s3Inputs },
      env,
    });
    expect(verify.exitCode).toBe(0);
    expect(verify.outputs).toMatchObject({ verified: 'true', 'backup-id': newest, documents: '641' });

    const secrets = [...secretForms(testEnv().mongodbUri), s3.secretAccessKey, identity];
    for (const run of [first, second]) {
      for (const secret of secrets) expect(run.everything).not.toContain(secret);
    }
  });

  it('applies retention without losing the newest verified backup or a damaged one, and names the damage', async () => {
    const destination = await fileDestination();
    const storage = new FileStorage({ kind: 'file', root: fileURLToPath(destination) });
    const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000);
    const oldVerified = await fakeBackup(storage, hoursAgo(72));
    await fakeVerification(storage, oldVerified, 'full');
    const verified = await fakeBackup(storage, hoursAgo(48));
    await fakeVerification(storage, verified, 'full');
    const unverified = await fakeBackup(storage, hoursAgo(24));
    const damaged = await fakeBackup(storage, hoursAgo(12));
    await storage.put(`${damaged.id}/manifest.json`, Buffer.from('{"formatVersion": 1, "backupId": "'));

    const result = await runAction(entry, {
      inputs: { 'mongodb-uri': testEnv().mongodbUri, destination, include: source, retention: 'last=1' },
    });
    expect(result.exitCode).toBe(0);
    const left = (await listBackups(storage)).map((e) => [e.id, e.state]);
    expect(left).toEqual([
      [result.outputs['backup-id'], 'complete'],
      [damaged.id, 'damaged'],
      [verified.id, 'verified'],
    ]);
    expect(left.map(([id]) => id)).not.toContain(unverified.id);
    expect(left.map(([id]) => id)).not.toContain(oldVerified.id);
    expect(result.summary).toContain(
      '| kept | removed | damaged (kept) | retained by lock | incomplete swept |',
    );
    expect(result.summary).toContain(`- \`${damaged.id}\`: manifest.json is not valid JSON`);
    expect(result.annotations).toContainEqual({
      level: 'warning',
      message: expect.stringContaining(`${damaged.id} is damaged and was kept`),
    });
  });

  it('fails with a clean annotation, no stack and no manifest on a wrong password', async () => {
    const uri = testEnv().mongodbUri.replace(/:[^:@/]+@/, ':Wr0ng%2Fsecret-pw@');
    const destination = await fileDestination();
    const result = await runAction(entry, { inputs: { 'mongodb-uri': uri, destination, include: source } });
    expect(result.exitCode).toBe(1);
    expect(result.annotations).toEqual([
      { level: 'error', message: expect.stringMatching(/authentication failed/i) },
    ]);
    expect(result.everything).not.toMatch(/\n\s+at /);
    for (const form of ['Wr0ng%2Fsecret-pw', 'Wr0ng/secret-pw'])
      expect(result.everything).not.toContain(form);
    const files = await readdir(fileURLToPath(destination), { recursive: true });
    expect(files.filter((f) => String(f).endsWith('manifest.json'))).toEqual([]);
  });

  it('names a bad input before connecting anywhere', async () => {
    const result = await runAction(entry, {
      inputs: {
        'mongodb-uri': testEnv().mongodbUri,
        destination: await fileDestination(),
        compression: 'brotli',
      },
    });
    expect(result.exitCode).toBe(1);
    expect(result.annotations[0]?.message).toBe(
      "Input 'compression' must be one of 'zstd', 'gzip', 'none', got 'brotli'.",
    );
  });

  it('gives up connecting after connect-timeout, over the URI, and names the input when it is no duration', async () => {
    // Accepts connections and never answers, like a server behind a firewall that drops replies.
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => {
      sockets.add(socket);
      socket.on('data', () => {});
    });
    await new Promise<void>((listening) => silent.listen(0, '127.0.0.1', listening));
    const { port } = silent.address() as AddressInfo;
    try {
      const inputs = {
        'mongodb-uri': `mongodb://127.0.0.1:${port}/?serverSelectionTimeoutMS=60000`,
        destination: await fileDestination(),
      };
      const started = Date.now();
      const result = await runAction(entry, { inputs: { ...inputs, 'connect-timeout': '1s' } });
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(result.exitCode).toBe(1);
      expect(result.annotations[0]?.message).toMatch(
        new RegExp(`^Could not reach 127\\.0\\.0\\.1:${port} within 1\\.0s`),
      );
      const bad = await runAction(entry, { inputs: { ...inputs, 'connect-timeout': 'soon' } });
      expect(bad.annotations[0]?.message).toMatch(/^Input 'connect-timeout' must be a duration/);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((closed) => silent.close(closed));
    }
  });
});
