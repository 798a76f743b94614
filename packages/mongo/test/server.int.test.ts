import { type AddressInfo, createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Deadline, DeadlineExceededError, UserError } from '@shipkit/runtime';
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

  it('fails at once, not after the timeout, with "the connection was refused" for a closed port', async () => {
    const port = await closedPort();
    const started = Date.now();
    const error = await failure(
      connect(`mongodb://someone:hunter2-secret@127.0.0.1:${port}/?authSource=admin`, { timeoutMs: 20_000 }),
    );
    expect(Date.now() - started).toBeLessThan(3000);
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toMatch(
      new RegExp(
        `^Could not reach 127\\.0\\.0\\.1:${port}: the connection was refused \\(connect ECONNREFUSED`,
      ),
    );
    expect(error.message).not.toContain('hunter2-secret');
  });

  it('fails at once with "the DNS lookup failed" for a host name that does not exist', async () => {
    const started = Date.now();
    const error = await failure(connect('mongodb://someone:hunter2-secret@no-such-host.invalid/'));
    expect(Date.now() - started).toBeLessThan(3000);
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toMatch(
      /^Could not reach no-such-host\.invalid:27017: the DNS lookup failed \(getaddrinfo ENOTFOUND no-such-host\.invalid\)\. Check the host name/,
    );
    expect(error.message).not.toContain('hunter2-secret');
  });

  describe('a server that accepts connections and never answers', () => {
    let silent: Server;
    let port: number;
    const sockets = new Set<Socket>();
    beforeAll(async () => {
      // Accepts TCP connections and reads, never writes: what a frozen or firewalled server looks like.
      silent = createServer((socket) => {
        sockets.add(socket);
        socket.on('data', () => {});
      });
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      port = (silent.address() as AddressInfo).port;
    });
    afterAll(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    });

    it("honours the URI's serverSelectionTimeoutMS", async () => {
      const started = Date.now();
      const error = await failure(connect(`mongodb://127.0.0.1:${port}/?serverSelectionTimeoutMS=1500`));
      const took = Date.now() - started;
      expect(took).toBeGreaterThanOrEqual(1400);
      expect(took).toBeLessThan(4000);
      expect(error.message).toMatch(new RegExp(`^Could not reach 127\\.0\\.0\\.1:${port} within 1\\.5s`));
    });

    it('lets an explicit connect timeout override the URI', async () => {
      const started = Date.now();
      const error = await failure(
        connect(`mongodb://127.0.0.1:${port}/?serverSelectionTimeoutMS=60000`, { timeoutMs: 1000 }),
      );
      expect(Date.now() - started).toBeLessThan(3500);
      expect(error.message).toMatch(/ within 1\.0s/);
    });

    it("gives up when the run's deadline passes, naming the server it waited for", async () => {
      const deadline = new Deadline({ run: 'backup', timeoutMs: 800 });
      const started = Date.now();
      const error = await failure(connect(`mongodb://127.0.0.1:${port}/`, { deadline }));
      expect(Date.now() - started).toBeLessThan(3000);
      expect(error).toBeInstanceOf(DeadlineExceededError);
      expect(error.message).toMatch(
        new RegExp(
          `^The backup did not finish within its timeout \\(0\\.8s\\): still waiting for the MongoDB server 127\\.0\\.0\\.1:${port}`,
        ),
      );
    });
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
