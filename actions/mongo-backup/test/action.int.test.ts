// The bundled action, run as a client workflow runs it (INPUT_*, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, exit code).
import { readdir, readFile } from 'node:fs/promises';
import { type AddressInfo, createServer, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { secretForms, uriCredentials } from '@shipkit/action-kit';
import { MongoClient } from 'mongodb';
import { fileDestination, seedSmallShop } from '../../../packages/backup/test/support';
import { runAction } from '../../../test/runner';
import { testEnv } from '../../../test/support/env';

const entry = fileURLToPath(new URL('../dist/index.js', import.meta.url));
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
    expect(result.stdout).toMatch(/backup: .* docs, .*\/s.* — done/);

    const manifestText = await readFile(fileURLToPath(outputs['manifest-url'] as string), 'utf8');
    const forms = [...secretForms(uri), password, encodeURIComponent(password)];
    for (const form of forms) {
      expect(result.everything).not.toContain(form);
      expect(manifestText).not.toContain(form);
    }
    expect(manifestText).not.toContain('127.0.0.1');
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
