// `npm run servers` on its own: starts fresh servers, prints working exports and `servers ready`,
// and stops what it started on SIGTERM.
import { execFile, spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from '@jest/globals';
import { MongoClient } from 'mongodb';

const main = fileURLToPath(new URL('./main.ts', import.meta.url));
const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

describe('npm run servers', () => {
  it('prints exports that work with the driver, the S3 SDK and mongo-tools, then stops cleanly', async () => {
    const env: Record<string, string | undefined> = { ...process.env };
    for (const name of ['MONGODB_URI', 'S3_ENDPOINT', 'S3_BUCKET', 'MONGO_TOOLS_BIN']) delete env[name];
    const child = spawn(tsx, [main], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no 'servers ready' within 60 s:\n${stderr}`)), 60_000);
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes('servers ready\n')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.on('exit', (code) => reject(new Error(`exited with ${code} before ready:\n${stderr}`)));
    });
    try {
      const exported = Object.fromEntries(
        [...stdout.matchAll(/^export ([A-Z_0-9]+)='([^']*)'$/gm)].map((m) => [
          m[1] as string,
          m[2] as string,
        ]),
      );
      expect(Object.keys(exported).sort()).toEqual(
        [
          'AWS_ACCESS_KEY_ID',
          'AWS_REGION',
          'AWS_SECRET_ACCESS_KEY',
          'MONGODB_URI',
          'MONGO_TOOLS_BIN',
          'S3_BUCKET',
          'S3_ENDPOINT',
        ].sort(),
      );
      expect(stderr).toMatch(/MongoDB: .*\nS3: .*\nmongo-tools: /);
      expect(exported.MONGODB_URI).not.toBe(process.env.MONGODB_URI);

      const client = await new MongoClient(exported.MONGODB_URI as string).connect();
      expect((await client.db('admin').command({ ping: 1 })).ok).toBe(1);
      await client.close();

      const s3 = new S3Client({
        endpoint: exported.S3_ENDPOINT as string,
        region: exported.AWS_REGION as string,
        forcePathStyle: true,
        credentials: {
          accessKeyId: exported.AWS_ACCESS_KEY_ID as string,
          secretAccessKey: exported.AWS_SECRET_ACCESS_KEY as string,
        },
      });
      const buckets = await s3.send(new ListBucketsCommand({}));
      expect(buckets.Buckets?.map((b) => b.Name)).toContain(exported.S3_BUCKET);
      s3.destroy();

      const { stdout: version } = await promisify(execFile)(
        join(exported.MONGO_TOOLS_BIN as string, 'mongodump'),
        [`--uri=${exported.MONGODB_URI}`, '--db=admin', '--collection=none', '--archive=/dev/null'],
      ).then(
        () => ({ stdout: 'dumped' }),
        (error: Error) => ({ stdout: error.message }),
      );
      expect(version).toBe('dumped');
    } finally {
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  });
});
