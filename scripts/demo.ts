/**
 * The main job on the embedded default, end to end: seed an AI-shop database, back it up to a local
 * folder, verify the backup by restoring it into scratch databases (counts, content hashes, indexes),
 * then restore the same archive with stock `mongorestore` alone and compare again. Backup, manifest
 * and verification are the `shipkit` commands users run — `node bin/shipkit.js`, the committed bundle —
 * so the demo shows what ships, not the sources.
 *
 *   npm run demo [-- --scale 2] [--to file:///path]
 * MONGODB_URI points it at your own server; otherwise a local FerretDB is started (built on first use).
 */
import { execFile, spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import type { Manifest } from '@shipkit/backup';
import { ContentHash, connect, probeServer } from '@shipkit/mongo';
import { displayUri, formatBytes, formatCount, formatDuration } from '@shipkit/runtime';
import { seedShop } from '@shipkit/shop-seed';
import type { VerificationReport } from '@shipkit/verify';
import { textTable } from '../packages/cli/src/text';
import { startServers } from '../test/servers';
import { startCompatProxy } from '../test/support/mongo-compat-proxy';
import { staleness } from './bundle-sources';

const sh = promisify(execFile);
const root = resolve(fileURLToPath(import.meta.url), '../..');
const { values } = parseArgs({
  options: { scale: { type: 'string', default: '2' }, to: { type: 'string' } },
});
const say = (line: string) => process.stdout.write(`${line}\n`);

const stale = staleness(join(root, 'packages', 'cli', 'dist'), 'npm run build -w packages/cli', root);
if (stale) {
  console.error(`The demo runs the CLI bundle, which is not built from these sources: ${stale}`);
  process.exit(1);
}

/**
 * Runs `node bin/shipkit.js <argv> --json` and returns its exit code and JSON result; what it logs
 * (progress: bytes, documents, rate, ETA) is shown as it comes, indented.
 */
async function shipkit<T>(argv: string[], env: Record<string, string>): Promise<{ code: number; result: T }> {
  const child = spawn(process.execPath, [join(root, 'bin', 'shipkit.js'), ...argv, '--json'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  createInterface({ input: child.stderr }).on('line', (line) => process.stderr.write(`  ${line}\n`));
  const code = await new Promise<number>((done) => child.once('close', (exit) => done(exit ?? 1)));
  try {
    return { code, result: JSON.parse(stdout) as T };
  } catch {
    throw new Error(`shipkit ${argv[0]} exited ${code} without a JSON result:\n${stdout}`);
  }
}

const servers = process.env.MONGODB_URI ? undefined : await startServers((l) => say(`· ${l}`), { s3: false });
const uri = process.env.MONGODB_URI ?? (servers?.env.MONGODB_URI as string);
const toolsBin = process.env.MONGO_TOOLS_BIN ?? servers?.env.MONGO_TOOLS_BIN;
const destination = values.to ?? pathToFileURL(join(root, '.tmp', 'demo-backups')).href;
if (destination.startsWith('file:')) await mkdir(fileURLToPath(destination), { recursive: true });
const client = await connect(uri, { appName: 'shipkit-demo' });
const started = Date.now();
let exitCode = 1;
try {
  const source = 'shop_demo';
  const stockTarget = 'shop_demo_stock';
  for (const db of [source, stockTarget]) await client.db(db).dropDatabase();

  say(`\n1. seeding ${source} (scale ${values.scale}) on ${displayUri(uri)}`);
  const seeded = await seedShop(client.db(source), { scale: Number(values.scale) });
  const refused = seeded.indexes.filter((i) => !i.created).map((i) => i.name);
  say(
    `   ${Object.entries(seeded.counts)
      .map(([c, n]) => `${c} ${formatCount(n)}`)
      .join(', ')}; ${seeded.indexes.length - refused.length} indexes` +
      (refused.length ? ` (the server refused: ${refused.join(', ')})` : ''),
  );

  say(`\n2. backing up to ${destination} (shipkit backup)`);
  const cliEnv = { MONGODB_URI: uri, SCRATCH_MONGODB_URI: uri };
  const { code: backedUp, result: backup } = await shipkit<{
    backupId: string;
    backupUrl: string;
    manifestUrl: string;
    durationMs: number;
  }>(['backup', '--to', destination, '--include', source, '--compression', 'zstd'], cliEnv);
  if (backedUp !== 0) throw new Error(`shipkit backup failed (exit ${backedUp})`);
  const { result: inspected } = await shipkit<{ manifest: Manifest }>(['inspect', backup.backupUrl], cliEnv);
  const { manifest } = inspected;
  say(
    `   backup ${backup.backupId}: ${formatCount(manifest.totals.documents)} documents, ` +
      `${formatBytes(manifest.totals.bytes)} of BSON stored as ${formatBytes(manifest.archive!.size)} in ${formatDuration(backup.durationMs)}`,
  );

  say(
    '\n3. verifying (shipkit verify --mode full): restore into scratch databases, then counts, content hashes and indexes',
  );
  const { result: report } = await shipkit<VerificationReport>(
    ['verify', '--from', backup.backupUrl, '--mode', 'full'],
    cliEnv,
  );
  say(`\n4. restoring the archive with stock mongorestore into ${stockTarget}`);
  const server = await probeServer(client);
  const proxy = server.flavor === 'ferretdb' ? await startCompatProxy(uri) : undefined;
  try {
    const archive = join(fileURLToPath(destination), backup.backupId, manifest.archive!.key);
    await sh(
      'bash',
      [
        '-o',
        'pipefail',
        '-c',
        'zstd -dc "$ARCHIVE" | mongorestore --quiet --archive --uri="$URI" --nsFrom="$FROM" --nsTo="$TO"',
      ],
      {
        env: {
          PATH: `${toolsBin}:${process.env.PATH}`,
          ARCHIVE: archive,
          URI: proxy?.uri ?? uri,
          FROM: `${source}.*`,
          TO: `${stockTarget}.*`,
        },
      },
    );
  } finally {
    await proxy?.close();
  }
  const stockRows: (string | number)[][] = [];
  let stockOk = true;
  for (const ns of manifest.namespaces.filter((n) => n.type === 'collection')) {
    const hash = new ContentHash();
    for await (const doc of client.db(stockTarget).collection(ns.collection).find({}, { raw: true })) {
      hash.add(doc as unknown as Uint8Array);
    }
    const indexes = (await client.db(stockTarget).collection(ns.collection).indexes()).length;
    const ok = hash.count === ns.count && hash.hex() === ns.contentHash && indexes === ns.indexes.length;
    stockOk &&= ok;
    stockRows.push([
      ns.collection,
      formatCount(hash.count),
      hash.hex() === ns.contentHash ? 'equal' : 'DIFFERENT',
      `${indexes}/${ns.indexes.length}`,
      ok ? 'ok' : 'MISMATCH',
    ]);
  }

  say('\nReport');
  say(
    textTable(
      ['namespace', 'manifest docs', 'verified docs', 'hash', 'indexes', 'verify'],
      report.namespaces.map((ns) => [
        ns.namespace,
        ns.expected.documents === undefined ? '' : formatCount(ns.expected.documents),
        ns.restored ? formatCount(ns.restored.documents) : '',
        ns.checks.contentHash,
        ns.checks.indexes,
        ns.problems.length ? 'FAILED' : 'passed',
      ]),
      [1, 2],
    ),
  );
  say(`stock mongorestore into ${stockTarget}:`);
  say(textTable(['collection', 'documents', 'content hash', 'indexes', 'result'], stockRows, [1]));
  const passed = report.result === 'passed' && stockOk;
  say(
    `${passed ? 'PASSED' : 'FAILED'}: backup ${backup.backupId} verified (${report.result}) and restored by stock mongorestore ` +
      `(${stockOk ? 'identical' : 'different'}) in ${formatDuration(Date.now() - started)} — manifest: ${backup.manifestUrl}`,
  );
  exitCode = passed ? 0 : 1;
} finally {
  await client.close();
  await servers?.stop();
}
process.exit(exitCode);
