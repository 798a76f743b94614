/**
 * The main job on the embedded default, end to end: seed an AI-shop database, back it up to a local
 * folder, verify the backup by restoring it into scratch databases (counts, content hashes, indexes),
 * then restore the same archive with stock `mongorestore` alone and compare again.
 *
 *   npm run demo [-- --scale 2] [--to file:///path]
 * MONGODB_URI points it at your own server; otherwise a local FerretDB is started (built on first use).
 */
import { execFile } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { displayUri, formatBytes, formatCount, formatDuration, streamLogger } from '@shipkit/action-kit';
import { runBackup } from '@shipkit/backup';
import { ContentHash, connect, probeServer } from '@shipkit/mongo';
import { seedShop } from '@shipkit/shop-seed';
import { runVerifyRestore } from '@shipkit/verify';
import { textTable } from '../packages/cli/src/text';
import { startServers } from '../test/servers';
import { startCompatProxy } from '../test/support/mongo-compat-proxy';

const sh = promisify(execFile);
const root = resolve(fileURLToPath(import.meta.url), '../..');
const { values } = parseArgs({
  options: { scale: { type: 'string', default: '2' }, to: { type: 'string' } },
});
const log = streamLogger((line) => process.stderr.write(`  ${line}\n`));
const say = (line: string) => process.stdout.write(`${line}\n`);

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

  say(`\n2. backing up to ${destination}`);
  const backup = await runBackup(
    { uri, destination, include: [source], compression: 'zstd', progressIntervalMs: 2000 },
    { logger: log },
  );
  const { manifest } = backup;
  say(
    `   backup ${backup.backupId}: ${formatCount(manifest.totals.documents)} documents, ` +
      `${formatBytes(manifest.totals.bytes)} of BSON stored as ${formatBytes(manifest.archive.size)} in ${formatDuration(backup.durationMs)}`,
  );

  say('\n3. verifying: full restore into scratch databases, then counts, content hashes and indexes');
  const outcome = await runVerifyRestore(
    {
      location: { backup: backup.backupUrl },
      mode: 'full',
      scratchUri: uri,
      identityInput: 'decrypt-identity',
      renames: [],
      include: [],
      exclude: [],
      drop: false,
      parallelism: 4,
      timeoutMs: 3_600_000,
      storage: {},
    },
    { logger: log, progressIntervalMs: 2000 },
  );
  if (outcome.kind !== 'report') throw new Error('a full verification returns a report');
  const verified = outcome;

  say(`\n4. restoring the archive with stock mongorestore into ${stockTarget}`);
  const server = await probeServer(client);
  const proxy = server.flavor === 'ferretdb' ? await startCompatProxy(uri) : undefined;
  try {
    const archive = join(fileURLToPath(destination), backup.backupId, manifest.archive.key);
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
      verified.report.namespaces.map((ns) => [
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
  const passed = verified.report.result === 'passed' && stockOk;
  say(
    `${passed ? 'PASSED' : 'FAILED'}: backup ${backup.backupId} verified (${verified.report.result}) and restored by stock mongorestore ` +
      `(${stockOk ? 'identical' : 'different'}) in ${formatDuration(Date.now() - started)} — manifest: ${backup.manifestUrl}`,
  );
  exitCode = passed ? 0 : 1;
} finally {
  await client.close();
  await servers?.stop();
}
process.exit(exitCode);
