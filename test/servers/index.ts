/**
 * Finds or starts the real servers the integration tests need, and says how it found each:
 *   MongoDB  — MONGODB_URI; else `mongod` on PATH; else FerretDB (SQLite backend, auth on); else mongodb-memory-server.
 *   S3       — S3_ENDPOINT; else versitygw (posix backend); else s3rver.
 *   tools    — MONGO_TOOLS_BIN; else mongodump/mongorestore/bsondump from the binary cache.
 * Missing binaries are built by scripts/build-test-bins.sh (Go). Nothing is skipped: what cannot be had
 * is an error that says how to get it.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CreateBucketCommand, HeadBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { MongoClient } from 'mongodb';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface Servers {
  env: Record<string, string>;
  /** One line per component: what was used and how it was found. */
  found: string[];
  stop(): Promise<void>;
}

export function binDir(): string {
  return process.env.SHIPKIT_BIN_DIR ?? join(homedir(), '.cache', 'mongo-shipkit', 'bin');
}

export function pinnedVersions(): Record<string, string> {
  const text = readFileSync(join(repoRoot, 'test/servers/versions.env'), 'utf8');
  return Object.fromEntries(
    text
      .split('\n')
      .filter((line) => /^[A-Z_]+=/.test(line))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

function onPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, command);
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitFor(what: string, check: () => Promise<unknown>, child: ChildProcess, log: () => string) {
  const deadline = Date.now() + 30_000;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited with code ${child.exitCode}:\n${log()}`);
    try {
      await check();
      return;
    } catch (error) {
      lastError = error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`${what} did not become ready within 30 s: ${String(lastError)}\n${log()}`);
}

function startProcess(command: string, args: string[], cwd?: string) {
  const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { child, log: () => output };
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((done) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('close', () => {
      clearTimeout(timer);
      done();
    });
    child.kill('SIGTERM');
  });
}

function ensureBinaries(names: string[], say: (line: string) => void): void {
  const missing = names.filter((name) => !existsSync(join(binDir(), name)));
  if (missing.length === 0) return;
  say(`building missing test binaries (${missing.join(', ')}) with scripts/build-test-bins.sh…`);
  try {
    execFileSync('bash', [join(repoRoot, 'scripts/build-test-bins.sh')], { stdio: ['ignore', 2, 2] });
  } catch {
    throw new Error(
      `Could not build ${missing.join(', ')}. Run \`bash scripts/build-test-bins.sh\` (needs Go 1.24+ and the ` +
        'Go module proxy), or point MONGODB_URI / S3_ENDPOINT / MONGO_TOOLS_BIN at servers and tools you have.',
    );
  }
}

/** The test user's password has characters that must be percent-encoded, so masking of every form is exercised. */
export const TEST_MONGO_USER = 'shipkit';
export const TEST_MONGO_PASSWORD = 'S3cr@t:p/w%d-long-enough';

/** What to start: everything by default; the demo needs no S3. */
export interface ServerNeeds {
  s3?: boolean;
}

export async function startServers(
  say: (line: string) => void = () => {},
  needs: ServerNeeds = {},
): Promise<Servers> {
  const wantS3 = needs.s3 ?? true;
  const stops: (() => Promise<void>)[] = [];
  const env: Record<string, string> = {};
  const found: string[] = [];
  const note = (line: string) => {
    found.push(line);
    say(line);
  };
  try {
    const needed = [
      ...(process.env.MONGODB_URI || onPath('mongod') ? [] : ['ferretdb']),
      ...(process.env.S3_ENDPOINT || !wantS3 ? [] : ['versitygw']),
      ...(process.env.MONGO_TOOLS_BIN ? [] : ['mongodump', 'mongorestore', 'bsondump']),
    ];
    ensureBinaries(needed, say);
    Object.assign(env, await startMongo(note, stops));
    if (wantS3) Object.assign(env, await startS3(note, stops));
    env.MONGO_TOOLS_BIN = findMongoTools(note);
  } catch (error) {
    for (const stop of stops.reverse()) await stop();
    throw error;
  }
  return {
    env,
    found,
    async stop() {
      for (const stop of stops.reverse()) await stop();
    },
  };
}

async function startMongo(note: (line: string) => void, stops: (() => Promise<void>)[]) {
  if (process.env.MONGODB_URI) {
    await pingMongo(process.env.MONGODB_URI);
    note('MongoDB: using MONGODB_URI from the environment');
    return { MONGODB_URI: process.env.MONGODB_URI };
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'shipkit-mongo-'));
  stops.push(() => rm(dataDir, { recursive: true, force: true }));
  const port = await freePort();
  const mongod = onPath('mongod');
  if (mongod) {
    const { child, log } = startProcess(mongod, [
      '--dbpath',
      dataDir,
      '--bind_ip',
      '127.0.0.1',
      '--port',
      String(port),
    ]);
    stops.push(() => stopProcess(child));
    const uri = `mongodb://127.0.0.1:${port}/`;
    await waitFor('mongod', () => pingMongo(uri), child, log);
    note(`MongoDB: mongod from PATH (${mongod}) on port ${port}, no auth`);
    return { MONGODB_URI: uri };
  }
  if (existsSync(join(binDir(), 'ferretdb'))) {
    const server = await startFerretdb(dataDir, {
      port,
      user: { name: TEST_MONGO_USER, password: TEST_MONGO_PASSWORD },
    });
    stops.push(server.stop);
    note(
      `MongoDB: FerretDB ${pinnedVersions().FERRETDB_VERSION} (SQLite backend, SCRAM auth) on port ${port}`,
    );
    return { MONGODB_URI: server.uri };
  }
  try {
    const { MongoMemoryServer } = await import('mongodb-memory-server' as string);
    const server = await MongoMemoryServer.create();
    stops.push(() => server.stop());
    note('MongoDB: mongodb-memory-server');
    return { MONGODB_URI: server.getUri() as string };
  } catch {
    throw new Error(
      'No MongoDB for the tests: set MONGODB_URI, put mongod on PATH, or build FerretDB with ' +
        '`bash scripts/build-test-bins.sh` (needs Go and the Go module proxy).',
    );
  }
}

async function pingMongo(uri: string): Promise<void> {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 2000 });
  try {
    await client.db('admin').command({ ping: 1 });
  } finally {
    await client.close();
  }
}

const S3_ACCESS_KEY = 'shipkit-test-access';
const S3_SECRET_KEY = 'shipkit-test-secret-key-0123456789';
const S3_REGION = 'us-east-1';
const S3_BUCKET = 'shipkit-test';

async function startS3(note: (line: string) => void, stops: (() => Promise<void>)[]) {
  if (process.env.S3_ENDPOINT) {
    const env: S3Env = {
      S3_ENDPOINT: process.env.S3_ENDPOINT,
      S3_BUCKET: process.env.S3_BUCKET ?? S3_BUCKET,
      AWS_ACCESS_KEY_ID: process.env.AWS_ACCESS_KEY_ID ?? S3_ACCESS_KEY,
      AWS_SECRET_ACCESS_KEY: process.env.AWS_SECRET_ACCESS_KEY ?? S3_SECRET_KEY,
      AWS_REGION: process.env.AWS_REGION ?? S3_REGION,
    };
    await ensureBucket(env);
    note(`S3: using S3_ENDPOINT from the environment (${env.S3_ENDPOINT}), bucket ${env.S3_BUCKET}`);
    return env;
  }
  const root = await mkdtemp(join(tmpdir(), 'shipkit-s3-'));
  stops.push(() => rm(root, { recursive: true, force: true }));
  const port = await freePort();
  const env: S3Env = {
    S3_ENDPOINT: `http://127.0.0.1:${port}`,
    S3_BUCKET,
    AWS_ACCESS_KEY_ID: S3_ACCESS_KEY,
    AWS_SECRET_ACCESS_KEY: S3_SECRET_KEY,
    AWS_REGION: S3_REGION,
  };
  if (existsSync(join(binDir(), 'versitygw'))) {
    const server = await startVersitygw(root, port);
    stops.push(server.stop);
    note(
      `S3: versitygw ${pinnedVersions().VERSITYGW_VERSION} (posix backend) on port ${port}, bucket ${S3_BUCKET}`,
    );
    return server.env;
  }
  try {
    const { default: S3rver } = await import('s3rver' as string);
    const server = new S3rver({ port, address: '127.0.0.1', directory: root, silent: true });
    await server.run();
    stops.push(() => server.close());
    await ensureBucket(env);
    note(`S3: s3rver on port ${port}`);
    return env;
  } catch {
    throw new Error(
      'No S3 server for the tests: set S3_ENDPOINT (with AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY), or build ' +
        'versitygw with `bash scripts/build-test-bins.sh` (needs Go and the Go module proxy).',
    );
  }
}

/** A FerretDB server of its own (e.g. for a test that freezes it). */
export interface FerretdbServer {
  uri: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts FerretDB (SQLite backend) on `dataDir`: with `user`, authentication is on and that user is
 * created; without, it accepts any client.
 */
export async function startFerretdb(
  dataDir: string,
  options: { port?: number; user?: { name: string; password: string } } = {},
): Promise<FerretdbServer> {
  const ferretdb = join(binDir(), 'ferretdb');
  if (!existsSync(ferretdb)) {
    throw new Error(
      `FerretDB is not built in ${binDir()}: run \`bash scripts/build-test-bins.sh\` (needs Go and the Go module proxy).`,
    );
  }
  const port = options.port ?? (await freePort());
  const { user } = options;
  const { child, log } = startProcess(
    ferretdb,
    [
      '--handler=sqlite',
      `--sqlite-url=file:${dataDir}/`,
      `--listen-addr=127.0.0.1:${port}`,
      '--debug-addr=-',
      '--telemetry=disable',
      '--log-level=warn',
      `--state-dir=${dataDir}`,
      ...(user
        ? [
            '--test-enable-new-auth',
            '--setup-database=admin',
            `--setup-username=${user.name}`,
            `--setup-password=${user.password}`,
          ]
        : []),
    ],
    dataDir,
  );
  // FerretDB speaks SCRAM-SHA-256 only and does not advertise it, so drivers must be told.
  const uri = user
    ? `mongodb://${user.name}:${encodeURIComponent(user.password)}@127.0.0.1:${port}/` +
      '?authSource=admin&authMechanism=SCRAM-SHA-256'
    : `mongodb://127.0.0.1:${port}/`;
  try {
    await waitFor('FerretDB', () => pingMongo(uri), child, log);
  } catch (error) {
    await stopProcess(child);
    throw error;
  }
  return { uri, child, stop: () => stopProcess(child) };
}

/** A versitygw server of its own (e.g. for a test that freezes it), with the test bucket created. */
export interface VersitygwServer {
  env: S3Env;
  child: ChildProcess;
  stop(): Promise<void>;
}

export async function startVersitygw(root: string, port?: number): Promise<VersitygwServer> {
  const listen = port ?? (await freePort());
  const env: S3Env = {
    S3_ENDPOINT: `http://127.0.0.1:${listen}`,
    S3_BUCKET,
    AWS_ACCESS_KEY_ID: S3_ACCESS_KEY,
    AWS_SECRET_ACCESS_KEY: S3_SECRET_KEY,
    AWS_REGION: S3_REGION,
  };
  const { child, log } = startProcess(join(binDir(), 'versitygw'), [
    '--access',
    S3_ACCESS_KEY,
    '--secret',
    S3_SECRET_KEY,
    '--region',
    S3_REGION,
    '--port',
    `127.0.0.1:${listen}`,
    'posix',
    root,
  ]);
  try {
    await waitFor('versitygw', () => ensureBucket(env), child, log);
  } catch (error) {
    await stopProcess(child);
    throw error;
  }
  return { env, child, stop: () => stopProcess(child) };
}

export interface S3Env {
  S3_ENDPOINT: string;
  S3_BUCKET: string;
  AWS_ACCESS_KEY_ID: string;
  AWS_SECRET_ACCESS_KEY: string;
  AWS_REGION: string;
}

async function ensureBucket(env: S3Env): Promise<void> {
  const client = new S3Client({
    endpoint: env.S3_ENDPOINT,
    region: env.AWS_REGION,
    forcePathStyle: true,
    credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY },
  });
  try {
    await client.send(new HeadBucketCommand({ Bucket: env.S3_BUCKET }));
  } catch {
    await client.send(new CreateBucketCommand({ Bucket: env.S3_BUCKET }));
  } finally {
    client.destroy();
  }
}

function findMongoTools(note: (line: string) => void): string {
  const fromEnv = process.env.MONGO_TOOLS_BIN;
  const dir = fromEnv ?? binDir();
  const missing = ['mongodump', 'mongorestore', 'bsondump'].filter((tool) => !existsSync(join(dir, tool)));
  if (missing.length > 0) {
    throw new Error(
      `mongo-tools not found in ${dir} (missing ${missing.join(', ')}): run \`bash scripts/build-test-bins.sh\` ` +
        'or set MONGO_TOOLS_BIN to a folder holding mongodump, mongorestore and bsondump.',
    );
  }
  const version = execFileSync(join(dir, 'mongodump'), ['--version'], { encoding: 'utf8' }).split('\n')[0];
  note(`mongo-tools: ${fromEnv ? 'MONGO_TOOLS_BIN' : 'built from source'} in ${dir} (${version})`);
  return dir;
}
