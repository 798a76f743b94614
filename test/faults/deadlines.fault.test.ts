/**
 * `--timeout` is a deadline: a server that freezes (SIGSTOP: connections are still accepted, nothing
 * is answered) cannot hold a run past its timeout plus a short grace; the process exits, says what did
 * not answer, and an upload it abandoned never turns into an archive later. Connecting fails at once
 * when nothing listens or the host does not exist, and honours the URI's timeouts and --connect-timeout.
 */
import { readdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from '@jest/globals';
import { MongoClient } from 'mongodb';
import { runAction } from '../runner/index';
import { testEnv, uniqueName } from '../support/env';
import { repoRoot, runShipkit, type ShipkitExit, startShipkit } from '../support/shipkit-process';
import { fault, type PrivateMongo, type PrivateS3, privateMongo, privateS3, scratchDir } from './harness';
import { listed, S3Probe, s3Cli, seedBlobs, sleep } from './stores';

/** What a stopped run may take beyond its timeout: winding down (5 s at most), exiting, starting node. */
const GRACE_MS = 8_000;
/**
 * The timeout of the frozen-S3 backups: long enough that the archive's next part is on its way to the
 * frozen server when it passes (before that, the run is truthfully still waiting for MongoDB).
 */
const BACKUP_TIMEOUT = '10s';
const BACKUP_TIMEOUT_MS = 10_000;

let s3: PrivateS3 & { remove(): Promise<void> };
let mongo: PrivateMongo & { remove(): Promise<void> };
let probe: S3Probe;
let client: MongoClient;
let db: string;
let folder: { path: string; remove(): Promise<void> };

beforeAll(async () => {
  [s3, mongo, folder] = await Promise.all([privateS3(), privateMongo(), scratchDir('deadlines')]);
  probe = new S3Probe(s3.env);
  client = await new MongoClient(testEnv().mongodbUri).connect();
  db = uniqueName('fault_deadlines');
  // Incompressible data: a backup of it takes seconds, its archive several 5 MiB parts.
  await seedBlobs(client, db, 24);
  const own = await new MongoClient(mongo.uri).connect();
  await seedBlobs(own, 'frozen_source', 24);
  await own.close();
}, 300_000);

afterAll(async () => {
  await client.db(db).dropDatabase();
  await client.close();
  probe.close();
  await Promise.all([s3.remove(), mongo.remove(), folder.remove()]);
});

const url = (prefix: string) => `s3://${s3.env.S3_BUCKET}/${prefix}`;
const cli = () => s3Cli(s3.env);

function errorLine(exit: ShipkitExit): string {
  return exit.stderr.split('\n').findLast((line) => line.startsWith('error:')) ?? '(no error line)';
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}

/** Thaws the S3 server, waits for what it held to be applied, and checks no archive or manifest appeared. */
async function thawedAndEmpty(prefix: string): Promise<string> {
  s3.thaw();
  await sleep(3000);
  const objects = await probe.objects(prefix);
  expect(objects).toEqual([]);
  const uploads = await probe.openUploads(prefix);
  return `after thawing and 3 s: no object; open uploads left for the sweep: ${uploads.length}`;
}

fault(
  'S3 server frozen (SIGSTOP) during a backup with --timeout 10s',
  'exits by the timeout + grace naming the S3 endpoint; no archive object appears after the server thaws',
  async () => {
    const run = startShipkit(
      [
        'backup',
        '--to',
        url('frozen-backup'),
        '--include',
        db,
        '--parallelism',
        '1',
        '--timeout',
        BACKUP_TIMEOUT,
        ...cli().flags,
      ],
      { env: { MONGODB_URI: testEnv().mongodbUri, ...cli().env } },
    );
    await probe.until(
      'a multipart upload',
      async () => (await probe.openUploads('frozen-backup')).length > 0,
    );
    s3.freeze();
    const exit = await run.exited;
    try {
      expect(exit.killedByTest).toBe(false);
      expect(exit.code).toBe(2);
      expect(exit.durationMs).toBeLessThan(BACKUP_TIMEOUT_MS + GRACE_MS);
      expect(errorLine(exit)).toMatch(
        new RegExp(
          `^error: The backup did not finish within its timeout \\(10s\\): still waiting for the S3 endpoint ${s3.env.S3_ENDPOINT} \\(.*archive\\.mongodump\\.zst\\).*No backup was committed`,
        ),
      );
    } finally {
      s3.thaw();
    }
    const thawed = await thawedAndEmpty('frozen-backup');
    return `exit ${exit.code} after ${seconds(exit.durationMs)}; ${thawed}; "${errorLine(exit)}"`;
  },
);

fault(
  'S3 server frozen during a backup by the mongo-backup action (timeout: 10s)',
  'the step fails by the timeout + grace naming the S3 endpoint; no archive object appears after the thaw',
  async () => {
    let started = 0;
    const result = await runAction(join(repoRoot, 'actions/mongo-backup/dist/index.js'), {
      inputs: {
        'mongodb-uri': testEnv().mongodbUri,
        destination: url('frozen-action'),
        include: db,
        parallelism: 1,
        timeout: BACKUP_TIMEOUT,
        's3-endpoint': s3.env.S3_ENDPOINT,
      },
      env: cli().env,
      timeoutMs: 60_000,
      onStart() {
        started = Date.now();
        void probe
          .until('a multipart upload', async () => (await probe.openUploads('frozen-action')).length > 0)
          .then(() => s3.freeze());
      },
    });
    const took = Date.now() - started;
    try {
      expect(result.signal).toBeNull();
      expect(result.exitCode).toBe(1);
      expect(took).toBeLessThan(BACKUP_TIMEOUT_MS + GRACE_MS);
      const failure = result.annotations.find((annotation) => annotation.level === 'error')?.message ?? '';
      expect(failure).toMatch(
        new RegExp(
          `^The backup did not finish within its timeout \\(10s\\): still waiting for the S3 endpoint ${s3.env.S3_ENDPOINT}`,
        ),
      );
      const thawed = await thawedAndEmpty('frozen-action');
      return `exit 1 after ${seconds(took)}; ${thawed}; "${failure}"`;
    } finally {
      s3.thaw();
    }
  },
);

fault(
  'S3 server frozen during `list --timeout 3s`',
  'exits by the timeout + grace, naming the listing that got no answer',
  async () => {
    s3.freeze();
    let exit: ShipkitExit;
    try {
      exit = await runShipkit(['list', '--at', url('frozen-list'), '--timeout', '3s', ...cli().flags], {
        env: cli().env,
      });
    } finally {
      s3.thaw();
    }
    expect(exit.killedByTest).toBe(false);
    expect(exit.code).toBe(2);
    expect(exit.durationMs).toBeLessThan(3_000 + GRACE_MS);
    expect(errorLine(exit)).toMatch(
      new RegExp(
        `^error: The listing did not finish within its timeout \\(3\\.0s\\): still waiting for the S3 endpoint ${s3.env.S3_ENDPOINT} ` +
          `\\(listing of ${url('frozen-list')}\\), silent for \\d\\.\\ds\\.$`,
      ),
    );
    return `exit 2 after ${seconds(exit.durationMs)}: "${errorLine(exit)}"`;
  },
);

fault(
  'S3 server frozen while `verify --timeout 6s` reads the archive',
  'exits by the timeout + grace, naming the download that stopped',
  async () => {
    const backup = await runShipkit(
      ['backup', '--to', url('frozen-verify'), '--include', db, '--json', ...cli().flags],
      { env: { MONGODB_URI: testEnv().mongodbUri, ...cli().env } },
    );
    expect(backup.code).toBe(0);
    const { backupUrl } = JSON.parse(backup.stdout) as { backupUrl: string };
    const run = startShipkit(['verify', '--from', backupUrl, '--timeout', '6s', ...cli().flags], {
      env: cli().env,
    });
    await run.waitFor(/^reading s3:/m);
    s3.freeze();
    let exit: ShipkitExit;
    try {
      exit = await run.exited;
    } finally {
      s3.thaw();
    }
    expect(exit.killedByTest).toBe(false);
    expect(exit.code).toBe(2);
    expect(exit.durationMs).toBeLessThan(6_000 + GRACE_MS);
    expect(errorLine(exit)).toMatch(
      new RegExp(
        `^error: The integrity run did not finish within its timeout \\(6\\.0s\\): still waiting for the S3 endpoint ${s3.env.S3_ENDPOINT} \\(download of .*archive\\.mongodump\\.zst\\), silent for`,
      ),
    );
    return `exit 2 after ${seconds(exit.durationMs)}: "${errorLine(exit)}"`;
  },
);

fault(
  'MongoDB frozen (SIGSTOP) during a backup with --timeout 5s',
  'exits by the timeout + grace naming the MongoDB server; nothing is left that counts as a backup',
  async () => {
    const destination = `file://${join(folder.path, 'frozen-mongo')}`;
    const run = startShipkit(
      ['backup', '--to', destination, '--include', 'frozen_source', '--parallelism', '1', '--timeout', '5s'],
      { env: { MONGODB_URI: mongo.uri } },
    );
    await run.waitFor(/namespaces, about/);
    mongo.freeze();
    let exit: ShipkitExit;
    try {
      exit = await run.exited;
    } finally {
      mongo.thaw();
    }
    const address = new URL(mongo.uri).host;
    expect(exit.killedByTest).toBe(false);
    expect(exit.code).toBe(2);
    expect(exit.durationMs).toBeLessThan(5_000 + GRACE_MS);
    expect(errorLine(exit)).toMatch(
      new RegExp(
        `^error: The backup did not finish within its timeout \\(5\\.0s\\): still waiting for the MongoDB server ${address.replace(/\./g, '\\.')}, silent for .*No backup was committed`,
      ),
    );
    const left = await readdir(join(folder.path, 'frozen-mongo'), { recursive: true }).catch(() => []);
    expect(left).toEqual([]);
    expect(await listed(destination)).toEqual([]);
    return `exit 2 after ${seconds(exit.durationMs)}: "${errorLine(exit)}"; destination left empty`;
  },
);

/** A port on 127.0.0.1 that nothing listens on. */
async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function backupFrom(uri: string, extra: string[] = []): Promise<ShipkitExit> {
  return runShipkit(['backup', '--to', `file://${join(folder.path, 'connect')}`, ...extra], {
    env: { MONGODB_URI: uri },
  });
}

fault(
  'MongoDB connection refused (nothing listens on the port)',
  'fails at once (well under 5 s) saying the connection was refused',
  async () => {
    const port = await closedPort();
    const exit = await backupFrom(`mongodb://backup:hunter2-secret@127.0.0.1:${port}/`);
    expect(exit.code).toBe(2);
    expect(exit.durationMs).toBeLessThan(3_000);
    expect(errorLine(exit)).toMatch(
      new RegExp(`^error: Could not reach 127\\.0\\.0\\.1:${port}: the connection was refused`),
    );
    expect(exit.everything).not.toContain('hunter2-secret');
    return `exit 2 after ${seconds(exit.durationMs)}: "${errorLine(exit)}"`;
  },
);

fault(
  'MongoDB host name that does not resolve (mongodb://no-such-host.invalid/)',
  'fails at once (well under 5 s) saying the DNS lookup failed',
  async () => {
    const exit = await backupFrom('mongodb://no-such-host.invalid/');
    expect(exit.code).toBe(2);
    expect(exit.durationMs).toBeLessThan(3_000);
    expect(errorLine(exit)).toMatch(
      /^error: Could not reach no-such-host\.invalid:27017: the DNS lookup failed \(getaddrinfo ENOTFOUND no-such-host\.invalid\)/,
    );
    return `exit 2 after ${seconds(exit.durationMs)}: "${errorLine(exit)}"`;
  },
);

fault(
  'serverSelectionTimeoutMS=1500 in the URI, against a frozen MongoDB',
  "the URI's own timeout is honoured: gives up after about 1.5 s, not 30 s",
  async () => {
    mongo.freeze();
    let exit: ShipkitExit;
    try {
      exit = await backupFrom(`${mongo.uri}?serverSelectionTimeoutMS=1500`);
    } finally {
      mongo.thaw();
    }
    expect(exit.code).toBe(2);
    expect(exit.durationMs).toBeGreaterThanOrEqual(1_500);
    expect(exit.durationMs).toBeLessThan(5_000);
    expect(errorLine(exit)).toMatch(/^error: Could not reach 127\.0\.0\.1:\d+ within 1\.5s/);
    return `exit 2 after ${seconds(exit.durationMs)}: "${errorLine(exit)}"`;
  },
);

fault(
  '--connect-timeout 1s with serverSelectionTimeoutMS=60000 in the URI, against a frozen MongoDB',
  '--connect-timeout overrides the URI: gives up after about 1 s',
  async () => {
    mongo.freeze();
    let exit: ShipkitExit;
    try {
      exit = await backupFrom(`${mongo.uri}?serverSelectionTimeoutMS=60000`, ['--connect-timeout', '1s']);
    } finally {
      mongo.thaw();
    }
    expect(exit.code).toBe(2);
    expect(exit.durationMs).toBeGreaterThanOrEqual(1_000);
    expect(exit.durationMs).toBeLessThan(4_500);
    expect(errorLine(exit)).toMatch(/^error: Could not reach 127\.0\.0\.1:\d+ within 1\.0s/);
    return `exit 2 after ${seconds(exit.durationMs)}: "${errorLine(exit)}"`;
  },
);
