/**
 * Signals reach the work: a backup stopped by SIGTERM (or a cancelled job's SIGINT) aborts its upload,
 * writes no manifest and exits promptly; one killed outright (SIGKILL) leaves nothing that counts as
 * a backup. Also through the Node < 24 hand-off of bin/shipkit.js and the mongo-backup action bundle.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import {
  createServer,
  request as forward,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from '@jest/globals';
import { MongoClient } from 'mongodb';
import { runAction } from '../runner/index';
import { testEnv, uniqueName } from '../support/env';
import { repoRoot, type ShipkitProcess, startShipkit } from '../support/shipkit-process';
import { fault, type PrivateS3, privateS3 } from './harness';
import { backupIdIn, listed, S3Probe, s3Cli, seedBlobs, sleep } from './stores';

let s3: PrivateS3 & { remove(): Promise<void> };
let probe: S3Probe;
let client: MongoClient;
let db: string;

beforeAll(async () => {
  s3 = await privateS3();
  probe = new S3Probe(s3.env);
  client = await new MongoClient(testEnv().mongodbUri).connect();
  db = uniqueName('fault_signals');
  // About 24 MiB that does not compress: a backup of it takes seconds and five 5 MiB parts.
  await seedBlobs(client, db, 24);
}, 180_000);

afterAll(async () => {
  await client.db(db).dropDatabase();
  await client.close();
  probe.close();
  await s3.remove();
});

const url = (prefix: string) => `s3://${s3.env.S3_BUCKET}/${prefix}`;

function startBackup(prefix: string, options: { endpoint?: string; node?: string } = {}): ShipkitProcess {
  const cli = s3Cli(s3.env);
  return startShipkit(
    [
      'backup',
      '--to',
      url(prefix),
      '--include',
      db,
      '--parallelism',
      '1',
      '--s3-endpoint',
      options.endpoint ?? s3.env.S3_ENDPOINT,
    ],
    { env: { MONGODB_URI: testEnv().mongodbUri, ...cli.env }, ...(options.node && { node: options.node }) },
  );
}

/** What the store holds for a stopped backup: no manifest, nothing listed as complete. */
async function nothingCommitted(prefix: string): Promise<{ objects: string[]; uploads: string[] }> {
  const objects = await probe.objects(prefix);
  expect(objects.filter((key) => key.endsWith('/manifest.json'))).toEqual([]);
  const cli = s3Cli(s3.env);
  const backups = await listed(url(prefix), cli);
  expect(backups.filter((backup) => backup.complete)).toEqual([]);
  return { objects, uploads: await probe.openUploads(prefix) };
}

function lastError(output: string): string {
  return output.split('\n').findLast((line) => line.startsWith('error:')) ?? '(no error line)';
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}

/** SIGTERM at a chosen moment: the process must stop within a few seconds, exit 143, commit nothing. */
async function terminated(prefix: string, run: ShipkitProcess): Promise<string> {
  const signalled = Date.now();
  run.signal('SIGTERM');
  const exit = await run.exited;
  const took = Date.now() - signalled;
  expect(exit.killedByTest).toBe(false);
  expect(exit.code).toBe(143);
  expect(took).toBeLessThan(10_000);
  expect(exit.stderr).toMatch(/The backup was cancelled \(SIGTERM\)\./);
  const { objects, uploads } = await nothingCommitted(prefix);
  expect(uploads).toEqual([]);
  return `exit 143 ${seconds(took)} after SIGTERM, "${lastError(exit.stderr)}"; objects: ${objects.length}, open uploads: 0`;
}

/** SIGKILL at a chosen moment: nothing can be tidied, but nothing may count as a backup. */
async function killed(prefix: string, run: ShipkitProcess): Promise<string> {
  run.signal('SIGKILL');
  const exit = await run.exited;
  expect(exit.signal).toBe('SIGKILL');
  // Long enough for anything still in flight to land; no CompleteMultipartUpload was ever sent.
  await sleep(2000);
  const { objects, uploads } = await nothingCommitted(prefix);
  return `killed; no manifest, not listed complete; objects: ${objects.map((key) => key.split('/').pop()).join(', ') || 'none'}, open uploads left for the sweep: ${uploads.length}`;
}

const hasUpload = (prefix: string) => async () => (await probe.openUploads(prefix)).length > 0;

fault(
  'SIGTERM to a backup during the dump',
  'stops within seconds, exit 143, upload aborted, no manifest, not listed as complete',
  async () => {
    const run = startBackup('term-dump');
    await run.waitFor(/namespaces, about/);
    return terminated('term-dump', run);
  },
);

fault(
  'SIGKILL of a backup during the dump',
  'no manifest; the backup is not listed as complete',
  async () => {
    const run = startBackup('kill-dump');
    await run.waitFor(/namespaces, about/);
    return killed('kill-dump', run);
  },
);

fault(
  'SIGTERM to a backup during a multipart upload to S3',
  'stops within seconds, exit 143, the multipart upload aborted, no manifest, not listed as complete',
  async () => {
    const run = startBackup('term-upload');
    await probe.until('a multipart upload', hasUpload('term-upload'));
    const observed = await terminated('term-upload', run);
    expect((await probe.objects('term-upload')).filter((key) => key.includes('/archive.'))).toEqual([]);
    return observed;
  },
);

fault(
  'SIGKILL of a backup during a multipart upload to S3',
  'no manifest, not listed as complete, and no archive object ever appears (the upload is never completed)',
  async () => {
    const run = startBackup('kill-upload');
    await probe.until('a multipart upload', hasUpload('kill-upload'));
    const observed = await killed('kill-upload', run);
    expect((await probe.objects('kill-upload')).filter((key) => key.includes('/archive.'))).toEqual([]);
    return observed;
  },
);

/**
 * A proxy to the private S3 server that holds every request for a manifest.json — neither forwarded
 * nor answered, not even with "100 Continue" — like a server that froze just as the manifest was
 * about to be written. Everything else goes through.
 */
async function manifestStall(): Promise<{ endpoint: string; held(): number; close(): Promise<void> }> {
  const target = new URL(s3.env.S3_ENDPOINT);
  const held: ServerResponse[] = [];
  const sockets = new Set<Socket>();
  const pass = (incoming: IncomingMessage, response: ServerResponse) => {
    const { expect: _expect, ...headers } = incoming.headers;
    const upstream = forward(
      { host: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on('error', () => response.destroy());
    incoming.pipe(upstream);
  };
  const route = (incoming: IncomingMessage, response: ServerResponse, continueFirst: boolean) => {
    if (/\/manifest\.json(\?|$)/.test(incoming.url ?? '')) {
      held.push(response);
      return;
    }
    if (continueFirst) response.writeContinue();
    pass(incoming, response);
  };
  const server: Server = createServer((incoming, response) => route(incoming, response, false));
  server.on('checkContinue', (incoming, response) => route(incoming, response, true));
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    held: () => held.length,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((closed) => server.close(closed));
    },
  };
}

fault(
  'SIGTERM to a backup just before its manifest is written (the archive is stored, the store stops answering)',
  'stops within seconds, exit 143, no manifest; the backup is listed as incomplete, nothing left open',
  async () => {
    const stall = await manifestStall();
    try {
      const run = startBackup('term-commit', { endpoint: stall.endpoint });
      await run.waitFor(/archive stored/);
      await probe.until('the manifest request', async () => stall.held() > 0, 30_000);
      const observed = await terminated('term-commit', run);
      const backups = await listed(url('term-commit'), s3Cli(s3.env));
      expect(backups).toEqual([expect.objectContaining({ complete: false })]);
      return `${observed}; listed: ${backups.map((b) => `${b.id} incomplete`).join(', ')}`;
    } finally {
      await stall.close();
    }
  },
);

fault(
  'SIGKILL of a backup just before its manifest is written',
  'no manifest; the backup is listed as incomplete (archive without manifest), never as complete',
  async () => {
    const stall = await manifestStall();
    try {
      const run = startBackup('kill-commit', { endpoint: stall.endpoint });
      await run.waitFor(/archive stored/);
      const id = backupIdIn(run.output().stderr);
      await probe.until('the manifest request', async () => stall.held() > 0, 30_000);
      const observed = await killed('kill-commit', run);
      const backups = await listed(url('kill-commit'), s3Cli(s3.env));
      expect(backups).toEqual([expect.objectContaining({ id, complete: false })]);
      return `${observed}; listed: ${id} incomplete`;
    } finally {
      await stall.close();
    }
  },
);

/** A node older than 24 on this machine: bin/shipkit.js then hands the run to node_modules' Node 24. */
function olderNode(): string {
  for (const candidate of ['/usr/local/bin/node', '/usr/bin/node', '/bin/node']) {
    if (!existsSync(candidate)) continue;
    const version = execFileSync(candidate, ['--version'], { encoding: 'utf8' }).trim();
    if (Number(version.slice(1).split('.')[0]) < 24) return candidate;
  }
  throw new Error(
    'No Node.js older than 24 in /usr/local/bin, /usr/bin or /bin: the hand-off fault needs one (the system node).',
  );
}

function childrenOf(pid: number): number[] {
  const text = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
  return text === '' ? [] : text.split(/\s+/).map(Number);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

fault(
  'SIGTERM to bin/shipkit.js on Node 20, which runs the backup in a Node 24 child',
  'the signal reaches the Node 24 process: it stops, the wrapper exits 143 with it, nothing is committed',
  async () => {
    const node = olderNode();
    const run = startBackup('term-wrapper', { node });
    await run.waitFor(/namespaces, about/);
    const [worker] = childrenOf(run.pid);
    expect(worker).toBeDefined();
    expect(readFileSync(`/proc/${worker}/cmdline`, 'utf8')).toContain(join('node_modules', 'node', 'bin'));
    const observed = await terminated('term-wrapper', run);
    expect(alive(worker as number)).toBe(false);
    return `${execFileSync(node, ['--version'], { encoding: 'utf8' }).trim()} wrapper: ${observed}; the Node 24 child (pid ${worker}) is gone`;
  },
);

fault(
  'A cancelled job: the runner sends SIGINT to the mongo-backup action during its upload',
  'the action aborts its upload and exits before the runner escalates to SIGTERM; no manifest',
  async () => {
    const cli = s3Cli(s3.env);
    let escalated = false;
    let interrupted = 0;
    const result = await runAction(join(repoRoot, 'actions/mongo-backup/dist/index.js'), {
      inputs: {
        'mongodb-uri': testEnv().mongodbUri,
        destination: url('action-cancel'),
        include: db,
        parallelism: 1,
        's3-endpoint': s3.env.S3_ENDPOINT,
      },
      env: cli.env,
      timeoutMs: 120_000,
      onStart(child) {
        void probe.until('a multipart upload', hasUpload('action-cancel')).then(() => {
          interrupted = Date.now();
          child.kill('SIGINT');
          // The runner's escalation, 7.5 s after SIGINT.
          setTimeout(() => {
            if (child.exitCode === null && child.signalCode === null) {
              escalated = true;
              child.kill('SIGTERM');
            }
          }, 7_500).unref();
        });
      },
    });
    const took = Date.now() - interrupted;
    expect(interrupted).toBeGreaterThan(0);
    expect(escalated).toBe(false);
    expect(result.exitCode).toBe(130);
    const failure = result.annotations.find((annotation) => annotation.level === 'error')?.message ?? '';
    expect(failure).toMatch(/^The backup was cancelled \(SIGINT\)\. No backup was committed/);
    const { uploads } = await nothingCommitted('action-cancel');
    expect(uploads).toEqual([]);
    return `exit 130 ${seconds(took)} after SIGINT, no SIGTERM needed: "${failure}"; open uploads: 0`;
  },
);

fault(
  'A cancelled job: the runner sends SIGINT to the verify-restore action while it reads a backup',
  'the action stops reading and exits before the runner escalates to SIGTERM; no verification is recorded',
  async () => {
    const backup = startBackup('verify-cancel');
    const made = await backup.exited;
    expect(made.code).toBe(0);
    const id = backupIdIn(made.stderr);
    let escalated = false;
    let interrupted = 0;
    const result = await runAction(join(repoRoot, 'actions/verify-restore/dist/index.js'), {
      inputs: {
        source: url('verify-cancel'),
        backup: 'latest',
        mode: 'integrity',
        's3-endpoint': s3.env.S3_ENDPOINT,
      },
      env: s3Cli(s3.env).env,
      timeoutMs: 120_000,
      onStart(child) {
        let output = '';
        child.stdout?.on('data', (chunk: Buffer | string) => {
          output += chunk.toString();
          if (interrupted === 0 && /reading s3:/.test(output)) {
            interrupted = Date.now();
            child.kill('SIGINT');
            setTimeout(() => {
              if (child.exitCode === null && child.signalCode === null) {
                escalated = true;
                child.kill('SIGTERM');
              }
            }, 7_500).unref();
          }
        });
      },
    });
    const took = Date.now() - interrupted;
    expect(interrupted).toBeGreaterThan(0);
    expect(escalated).toBe(false);
    expect(result.exitCode).toBe(130);
    const failure = result.annotations.find((annotation) => annotation.level === 'error')?.message ?? '';
    expect(failure).toBe('The integrity run was cancelled (SIGINT).');
    expect(await probe.objects(`verify-cancel/${id}`)).not.toContainEqual(
      expect.stringMatching(/verification\.json$/),
    );
    return `exit 130 ${seconds(took)} after SIGINT, no SIGTERM needed: "${failure}"; no verification.json`;
  },
);
