import { createServer } from 'node:net';
import { describe, expect, it } from '@jest/globals';
import { UserError } from '@shipkit/action-kit';
import { testEnv } from '../../../test/support/env';
import { connect, probeServer } from '../src/server';

/** A port on 127.0.0.1 that nothing listens on. */
async function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function failure(attempt: Promise<unknown>): Promise<Error> {
  try {
    await attempt;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the connection to fail');
}

function password(uri: string): string {
  return decodeURIComponent(uri.slice(uri.indexOf('://') + 3, uri.lastIndexOf('@')).split(':')[1] ?? '');
}

describe('connect against the test server', () => {
  it('connects, and probeServer reports version, topology and flavor without hosts', async () => {
    const { mongodbUri } = testEnv();
    const client = await connect(mongodbUri, { timeoutMs: 10_000, appName: 'shipkit-test' });
    try {
      const facts = await probeServer(client);
      expect(facts.serverVersion).toMatch(/^\d+\.\d+/);
      expect(['standalone', 'replicaSet', 'sharded']).toContain(facts.topology);
      expect(facts.maxBsonObjectSize).toBeGreaterThanOrEqual(16 * 1024 * 1024);
      if (facts.flavor !== undefined) expect(facts.flavor).toBe('ferretdb');
      expect(JSON.stringify(facts)).not.toMatch(/127\.0\.0\.1|localhost|shipkit:/);
    } finally {
      await client.close();
    }
  });

  it('fails with "authentication failed for user" on a wrong password, never printing it', async () => {
    const { mongodbUri } = testEnv();
    const wrong = mongodbUri.replace(/:[^:@/]+@/, ':not-the-password-1234@');
    const error = await failure(connect(wrong, { timeoutMs: 10_000 }));
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toMatch(/authentication failed for user 'shipkit'/);
    expect(error.message).not.toContain('not-the-password-1234');
    expect(error.message).not.toContain(password(mongodbUri));
  });

  it('fails within the timeout with "could not reach" for a closed port', async () => {
    const port = await closedPort();
    const started = Date.now();
    const error = await failure(
      connect(`mongodb://someone:hunter2-secret@127.0.0.1:${port}/?authSource=admin`, { timeoutMs: 1500 }),
    );
    expect(Date.now() - started).toBeLessThan(5000);
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toMatch(new RegExp(`^Could not reach 127\\.0\\.0\\.1:${port} within 1\\.5s`));
    expect(error.message).not.toContain('hunter2-secret');
  });

  it('refuses a malformed URI as "the MongoDB URI", without printing it', async () => {
    const error = await failure(
      connect('mongodb://user:hunter2-secret@host:port-not-a-number/', { timeoutMs: 1000 }),
    );
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toMatch(/^The MongoDB URI is not valid: /);
    expect(error.message).not.toContain('hunter2-secret');
  });
});
