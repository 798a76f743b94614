/**
 * Backup and restore benchmarks against stock mongo-tools, on one server, in one run:
 *   backup:  ours (zstd, gzip) vs `mongodump --archive --gzip` and `mongodump --archive | zstd`,
 *            plus the raw driver read of the same collections (the source limit), alone and through
 *            Node's zstd (the least CPU a backup from Node's driver writing zstd can spend);
 *   restore: ours vs `mongorestore --archive` (default, and with our worker count), plus raw driver
 *            inserts of the same documents and their indexes (the server's write limit);
 *   verify:  our integrity check vs reading the stored file (the I/O limit).
 * Each command is a separate process timed by GNU time: wall seconds, CPU seconds (user + system of
 * every process of the command, a pipeline's included) and peak RSS (of its largest process).
 *
 *   npm run bench -- --scale 5 [--rss-scale 20] [--runs 1] [--rows zstd,gzip,mongodump-gzip,raw] [--sections backup,verify] [--db bench_shop]
 * scale 1 ≈ 10 MiB of BSON (see @shipkit/shop-seed). MONGODB_URI / MONGO_TOOLS_BIN select the server and
 * tools; otherwise the test servers are started. Writes docs/benchmarks.md. One run at a time: each
 * starts by clearing .tmp/bench, where the backups of a run in progress are written.
 */
import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { probeServer } from '@shipkit/mongo';
import { formatBytes } from '@shipkit/runtime';
import { seedShop } from '@shipkit/shop-seed';
import { MongoClient } from 'mongodb';
import { startServers } from '../test/servers';
import { startCompatProxy } from '../test/support/mongo-compat-proxy';
import { keepStartupSection } from './startup-doc';

const run = promisify(execFile);
const root = resolve(fileURLToPath(import.meta.url), '../..');
const ROWS = ['zstd', 'gzip', 'mongodump-gzip', 'mongodump-zstd', 'raw', 'raw-zstd'] as const;
const SECTIONS = ['backup', 'restore', 'verify'] as const;
type Row = (typeof ROWS)[number];
const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '5' },
    'rss-scale': { type: 'string' },
    // Only the peak-RSS backup at --rss-scale (for a separate, long run); prints its table.
    'rss-only': { type: 'boolean', default: false },
    runs: { type: 'string', default: '1' },
    parallelism: { type: 'string', default: '4' },
    out: { type: 'string', default: join(root, 'docs', 'benchmarks.md') },
    // A shorter run: some of the backup rows, some of the sections.
    rows: { type: 'string', default: ROWS.join(',') },
    sections: { type: 'string', default: SECTIONS.join(',') },
    // Another database to measure, e.g. one already seeded (its bench_marker says at which scale).
    db: { type: 'string', default: 'bench_shop' },
  },
});
const runs = Number(values.runs);
/** The names in a comma-separated option, each one of `known` (checked before the long seeding). */
function listOption<T extends string>(option: 'rows' | 'sections', known: readonly T[]): T[] {
  const names = values[option].split(',').map((name) => name.trim());
  for (const name of names)
    if (!known.includes(name as T))
      throw new Error(`--${option}: unknown '${name}' (one of ${known.join(', ')})`);
  return names as T[];
}
const rowKeys = listOption('rows', ROWS);
const sections = new Set(listOption('sections', SECTIONS));
if (!rowKeys.includes('zstd'))
  throw new Error("--rows must include 'zstd' (restore, verify and sizes use it)");
const parallelism = values.parallelism as string;
const work = join(root, '.tmp', 'bench');
await rm(work, { recursive: true, force: true });
await mkdir(work, { recursive: true });

const servers = process.env.MONGODB_URI
  ? undefined
  : await startServers((l) => console.log(`· ${l}`), { s3: false });
const uri = process.env.MONGODB_URI ?? (servers?.env.MONGODB_URI as string);
const tools = process.env.MONGO_TOOLS_BIN ?? (servers?.env.MONGO_TOOLS_BIN as string);
const client = await new MongoClient(uri).connect();
const server = await probeServer(client);
// Stock mongorestore cannot create indexes on FerretDB without this shim; our restore goes through it too.
const proxy = server.flavor === 'ferretdb' ? await startCompatProxy(uri) : undefined;
const restoreUri = proxy?.uri ?? uri;
const env = { ...process.env, PATH: `${tools}:${process.env.PATH}`, MONGODB_URI: uri };
const shipkit = ['node', join(root, 'bin', 'shipkit.js')];

interface Measure {
  label: string;
  wallSeconds: number;
  /** User + system CPU seconds of every process of the command (GNU time counts reaped children). */
  cpuSeconds: number;
  peakRssMiB: number;
  storedBytes?: number;
}

/** Runs a shell command under GNU time; the median run by wall time. */
async function measure(
  label: string,
  command: string,
  output?: string,
  timesItself = false,
): Promise<Measure> {
  const results: Measure[] = [];
  for (let i = 0; i < runs; i++) {
    if (output) await rm(output, { recursive: true, force: true });
    const { stdout, stderr } = await run('/usr/bin/time', ['-v', 'bash', '-o', 'pipefail', '-c', command], {
      env,
      maxBuffer: 64 * 2 ** 20,
    });
    const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(stderr);
    const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
    const user = /User time \(seconds\): ([\d.]+)/.exec(stderr);
    const system = /System time \(seconds\): ([\d.]+)/.exec(stderr);
    if (!wall || !rss || !user || !system) throw new Error(`no timing for ${label}:\n${stderr.slice(-2000)}`);
    // A limit row times its own work, after start-up (loading TypeScript would otherwise dominate).
    const own = timesItself ? (JSON.parse(stdout) as { wallSeconds: number; cpuSeconds: number }) : undefined;
    const wallSeconds =
      own?.wallSeconds ?? Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]);
    const cpuSeconds = own?.cpuSeconds ?? Number(user[1]) + Number(system[1]);
    results.push({
      label,
      wallSeconds,
      cpuSeconds,
      peakRssMiB: Number(rss[1]) / 1024,
      ...(output ? { storedBytes: await sizeOf(output) } : {}),
    });
    console.log(
      `  ${label}: ${wallSeconds.toFixed(1)} s, CPU ${cpuSeconds.toFixed(2)} s, peak RSS ${(Number(rss[1]) / 1024).toFixed(0)} MiB`,
    );
  }
  results.sort((a, b) => a.wallSeconds - b.wallSeconds);
  return results[Math.floor(results.length / 2)] as Measure;
}

async function sizeOf(path: string): Promise<number> {
  const info = await stat(path);
  if (info.isFile()) return info.size;
  const { stdout } = await run('du', ['-sb', path]);
  return Number(stdout.split('\t')[0]);
}

async function seed(db: string, scale: number): Promise<{ bytes: number; documents: number }> {
  const marker = await client
    .db(db)
    .collection('bench_marker')
    .findOne({ _id: 'scale' as never });
  if (marker?.scale !== scale) {
    console.log(`seeding ${db} at scale ${scale}…`);
    await client.db(db).dropDatabase();
    await seedShop(client.db(db), { scale });
  }
  const names = (await client.db(db).listCollections({ type: 'collection' }).toArray()).map((c) => c.name);
  let bytes = 0;
  let documents = 0;
  for (const name of names.filter((n) => n !== 'bench_marker')) {
    const stats = await client.db(db).command({ collStats: name });
    bytes += Number(stats.size ?? 0);
    documents += Number(stats.count ?? 0);
  }
  await client
    .db(db)
    .collection('bench_marker')
    .updateOne({ _id: 'scale' as never }, { $set: { scale } }, { upsert: true });
  return { bytes, documents };
}

function backupCommand(db: string, compression: string, dir: string): string {
  return `${shipkit.join(' ')} backup --include ${db} --exclude ${db}.bench_marker --compression ${compression} --parallelism ${parallelism} --to ${pathToFileURL(dir).href} >/dev/null`;
}

/** The backup in `dir` and the dataset's size as raw BSON from its manifest (servers report storage sizes). */
async function backupFacts(dir: string): Promise<{ backupId: string; backupUrl: string; bytes: number }> {
  const shipkitJson = async (...args: string[]) =>
    JSON.parse((await run(shipkit[0] as string, [...shipkit.slice(1), ...args, '--json'], { env })).stdout);
  const listed = (await shipkitJson('list', '--at', pathToFileURL(dir).href)) as {
    backups: { id: string }[];
  };
  const backupId = listed.backups[0]?.id as string;
  const backupUrl = `${pathToFileURL(dir).href}/${backupId}`;
  const inspected = (await shipkitJson('inspect', backupUrl)) as { manifest: { totals: { bytes: number } } };
  return { backupId, backupUrl, bytes: inspected.manifest.totals.bytes };
}

/** Our zstd backup of the larger database (seeded at `--rss-scale`), for peak memory by size. */
async function measureBigBackup(): Promise<{ measured: Measure; bytes: number; documents: number }> {
  const big = Number(values['rss-scale']);
  const { documents } = await seed('bench_shop_big', big);
  const dir = join(work, 'big');
  const measured = await measure('ours, zstd (big)', backupCommand('bench_shop_big', 'zstd', dir), dir);
  return { measured, bytes: (await backupFacts(dir)).bytes, documents };
}

if (values['rss-only']) {
  const big = Number(values['rss-scale']);
  const { measured, bytes, documents } = await measureBigBackup();
  const table = `| BSON size | documents | wall s | stored | peak RSS MiB |
|---:|---:|---:|---:|---:|
| ${formatBytes(bytes)} (scale ${big}) | ${documents.toLocaleString('en-US')} | ${measured.wallSeconds.toFixed(1)} | ${formatBytes(measured.storedBytes ?? 0)} | ${measured.peakRssMiB.toFixed(0)} |
`;
  await client.close();
  await proxy?.close();
  await servers?.stop();
  await writeFile(values.out as string, table);
  console.log(`\n${table}`);
  process.exit(0);
}

const scale = Number(values.scale);
const db = values.db as string;
const data = await seed(db, scale);
console.log(`dataset: ${data.documents} documents (scale ${scale})`);
const exclude = `--excludeCollection=bench_marker`;

// Rows of the backup table by key; `--rows` picks some of them (a shorter run), restore needs `zstd`
// and one of the mongodump rows for its stock archive.
const backupRows: Record<Row, () => Promise<Measure>> = {
  zstd: () =>
    measure('ours, zstd', backupCommand(db, 'zstd', join(work, 'ours-zstd')), join(work, 'ours-zstd')),
  gzip: () =>
    measure('ours, gzip', backupCommand(db, 'gzip', join(work, 'ours-gzip')), join(work, 'ours-gzip')),
  'mongodump-gzip': () =>
    measure(
      'mongodump --archive --gzip',
      `mongodump --quiet --uri="$MONGODB_URI" --db=${db} ${exclude} --gzip --archive=${join(work, 'dump.gz')}`,
      join(work, 'dump.gz'),
    ),
  'mongodump-zstd': () =>
    measure(
      'mongodump --archive | zstd',
      `mongodump --quiet --uri="$MONGODB_URI" --db=${db} ${exclude} --archive | zstd -q -3 -o ${join(work, 'dump.zst')}`,
      join(work, 'dump.zst'),
    ),
  // Limit rows time their own work, after start-up.
  raw: () =>
    measure(
      'raw driver read, after start-up (source limit)',
      `npx tsx ${join(root, 'bench', 'raw-read.ts')} ${db} ${parallelism}`,
      undefined,
      true,
    ),
  'raw-zstd': () =>
    measure(
      'raw driver read + Node zstd -3, after start-up (CPU floor)',
      `npx tsx ${join(root, 'bench', 'raw-read.ts')} ${db} ${parallelism} zstd`,
      undefined,
      true,
    ),
};
console.log('backup');
const measuredRows = new Map<Row, Measure>();
for (const key of rowKeys) measuredRows.set(key, await backupRows[key]());
const backups = [...measuredRows.values()];

const oursBackup = join(work, 'ours-zstd');
const { backupUrl, backupId, bytes: bsonBytes } = await backupFacts(oursBackup);
/** The folder of our backup's stored archive. */
const storedArchive = join(oursBackup, backupId);
data.bytes = bsonBytes;

let restores: Measure[] = [];
// The stock tools restore mongodump's archive when one was made in this run, else ours (the same
// format); either way decompressed to a plain file first, as they read it.
const stockArchive = measuredRows.has('mongodump-zstd')
  ? { writer: 'mongodump', unpack: `zstd -q -d -c ${join(work, 'dump.zst')}` }
  : measuredRows.has('mongodump-gzip')
    ? { writer: 'mongodump', unpack: `gzip -d -c ${join(work, 'dump.gz')}` }
    : { writer: 'our backup', unpack: `zstd -q -d -c ${storedArchive}/archive.*` };
if (sections.has('restore')) {
  console.log('restore');
  await run('bash', ['-c', `${stockArchive.unpack} > ${join(work, 'dump.archive')}`]);
  const dropTargets = async () => {
    for (const target of ['bench_r_ours', 'bench_r_stock', 'bench_r_stock_w', 'bench_r_raw'])
      await client.db(target).dropDatabase();
  };
  await dropTargets();
  restores = [
    // Like mongorestore, without reading the restored data back (the archive is still fully checked).
    await measure(
      'ours, restore --no-read-back',
      `${shipkit.join(' ')} restore --from ${backupUrl} --uri "${restoreUri}" --ns-from '${db}.*' --ns-to 'bench_r_ours.*' --parallelism ${parallelism} --no-read-back >/dev/null`,
    ),
    await measure(
      'mongorestore --archive (default)',
      `mongorestore --quiet --uri="${restoreUri}" --archive=${join(work, 'dump.archive')} --nsFrom='${db}.*' --nsTo='bench_r_stock.*'`,
    ),
    await measure(
      `mongorestore --numInsertionWorkersPerCollection=${parallelism}`,
      `mongorestore --quiet --uri="${restoreUri}" --archive=${join(work, 'dump.archive')} --nsFrom='${db}.*' --nsTo='bench_r_stock_w.*' --numInsertionWorkersPerCollection=${parallelism}`,
    ),
    // What any restore must do on this server (inserts, then indexes), with nothing else: the limit.
    await measure(
      'raw driver write, after start-up (server limit)',
      `MONGODB_URI="${restoreUri}" npx tsx ${join(root, 'bench', 'raw-write.ts')} ${join(work, 'dump.archive')} bench_r_raw ${parallelism}`,
      undefined,
      true,
    ),
  ];
  await dropTargets();
}

let verifies: Measure[] = [];
if (sections.has('verify')) {
  console.log('integrity verification');
  verifies = [
    await measure(
      'ours, verify --mode integrity',
      `${shipkit.join(' ')} verify --from ${backupUrl} --mode integrity >/dev/null`,
    ),
    await measure('zstd -dc (decompression limit)', `zstd -q -dc ${storedArchive}/archive.* > /dev/null`),
    await measure('read the stored archive (I/O limit)', `cat ${storedArchive}/archive.* > /dev/null`),
  ];
}

let rss: Measure[] = [];
if (values['rss-scale']) {
  const { measured, bytes } = await measureBigBackup();
  rss = [
    { ...measuredRows.get('zstd'), label: `ours, zstd, ${formatBytes(data.bytes)}` } as Measure,
    { ...measured, label: `ours, zstd, ${formatBytes(bytes)}` },
  ];
}
await client.close();
await proxy?.close();
await servers?.stop();

const mib = (bytes: number) => bytes / 2 ** 20;
const gib = mib(data.bytes) / 1024;
const rate = (m: Measure) => (mib(data.bytes) / m.wallSeconds).toFixed(2);
const cell = (text: string) => text.replace(/\|/g, '\\|');
/** How many times better than `reference` (wall time or CPU seconds): above 1 is better. */
const times = (ours: number, reference: number | undefined) =>
  reference === undefined ? '' : `${(reference / ours).toFixed(2)}×`;
const speedVs = (reference: Measure | undefined) => (m: Measure) =>
  times(m.wallSeconds, reference?.wallSeconds);
const cpuVs = (reference: Measure | undefined) => (m: Measure) => times(m.cpuSeconds, reference?.cpuSeconds);
/** A table row: wall, rate, CPU, CPU per GiB of BSON, stored size, peak RSS, then the ratio columns. */
const row = (m: Measure, ratios: ((m: Measure) => string)[]) =>
  `| ${cell(m.label)} | ${m.wallSeconds.toFixed(1)} | ${rate(m)} | ${m.cpuSeconds.toFixed(2)} | ${(m.cpuSeconds / gib).toFixed(2)} | ${m.storedBytes === undefined ? '' : formatBytes(m.storedBytes)} | ${m.peakRssMiB.toFixed(0)} | ${ratios.map((r) => r(m)).join(' | ')} |`;
// The backup's time over the raw read's: the source-read limit is 1.00×, the target ≤ 1.3×.
const rawRead = measuredRows.get('raw');
const overRaw = (m: Measure) => (rawRead ? ` ${(m.wallSeconds / rawRead.wallSeconds).toFixed(2)}× |` : '');
// A restore's time over the raw write's: the server's write limit is 1.00×.
const overRawWrite = (m: Measure) => {
  const limit = restores.find((r) => r.label.startsWith('raw driver write'));
  return limit ? `${(m.wallSeconds / limit.wallSeconds).toFixed(2)}×` : '';
};
const machine = `${cpus().length} cores, ${formatBytes(totalmem())} RAM, Node ${process.versions.node}`;
const serverLine = `${server.flavor ? `${server.flavor} ${server.flavorVersion ?? ''}` : 'MongoDB'} (reports ${server.serverVersion}, ${server.topology})`;
const options = [
  `--scale ${scale}`,
  values['rss-scale'] ? `--rss-scale ${values['rss-scale']}` : '',
  runs > 1 ? `--runs ${runs}` : '',
  values.rows !== ROWS.join(',') ? `--rows ${values.rows}` : '',
  values.sections !== SECTIONS.join(',') ? `--sections ${values.sections}` : '',
  db !== 'bench_shop' ? `--db ${db}` : '',
]
  .filter(Boolean)
  .join(' ');
const markdown = `# Benchmarks

Measured by \`npm run bench -- ${options}\` on ${new Date().toISOString().slice(0, 10)}:
${machine}; server ${serverLine}; dataset \`${db}\` from \`@shipkit/shop-seed\` at scale ${scale}:
${formatBytes(data.bytes)} of BSON in ${data.documents.toLocaleString('en-US')} documents. Each command is a separate
process timed by GNU time (${runs > 1 ? `median of ${runs} runs` : 'one run'}); rates are the dataset's BSON size over wall time;
ratios are against the stock tool measured in the same run (higher is better).

## Backup

| command | wall s | MiB/s | CPU s | CPU s/GiB | stored | peak RSS MiB | speed vs mongodump --gzip | CPU vs mongodump \\| zstd |${rawRead ? ' time vs raw read |' : ''}
|---|---:|---:|---:|---:|---:|---:|---:|---:|${rawRead ? '---:|' : ''}
${backups.map((m) => row(m, [speedVs(measuredRows.get('mongodump-gzip')), cpuVs(measuredRows.get('mongodump-zstd'))]) + overRaw(m)).join('\n')}
${
  restores.length
    ? `
## Restore

The stock restores and the raw write read the archive written by ${stockArchive.writer}, decompressed to a file.

| command | wall s | MiB/s | CPU s | CPU s/GiB | | peak RSS MiB | speed vs mongorestore default | speed vs mongorestore, same workers | CPU vs mongorestore default | time vs raw write |
|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
${restores.map((m) => row(m, [speedVs(restores[1]), speedVs(restores[2]), cpuVs(restores[1]), overRawWrite])).join('\n')}
`
    : ''
}${
  verifies.length
    ? `
## Integrity verification

| command | wall s | MiB/s of BSON | CPU s | CPU s/GiB | | peak RSS MiB | speed vs zstd -dc | speed vs reading the file |
|---|---:|---:|---:|---:|---:|---:|---:|---:|
${verifies.map((m) => row(m, [speedVs(verifies[1]), speedVs(verifies[2])])).join('\n')}
`
    : ''
}${
  rss.length
    ? `
## Peak memory of a backup by database size

| backup | wall s | stored | peak RSS MiB |
|---|---:|---:|---:|
${rss.map((m) => `| ${m.label} | ${m.wallSeconds.toFixed(1)} | ${m.storedBytes === undefined ? '' : formatBytes(m.storedBytes)} | ${m.peakRssMiB.toFixed(0)} |`).join('\n')}
`
    : ''
}`;
// The start-up section (npm run bench:startup) is measured separately: keep it.
const previous = await readFile(values.out as string, 'utf8').catch(() => undefined);
await writeFile(values.out as string, keepStartupSection(markdown, previous));
console.log(`\n${markdown}`);
process.exit(0);
