/**
 * A backup in parts against the one-part backup, on one server: for N parts, `backup plan`, the N
 * `backup part` processes run at once, then `backup finalize`, each a separate `node bin/shipkit.js`
 * process timed by GNU time (wall seconds, user + system CPU seconds).
 *
 *   npm run bench:parts -- --scale 5 [--parts 1,2,4]
 * scale 1 ≈ 10 MiB of BSON (see @shipkit/shop-seed). MONGODB_URI / MONGO_TOOLS_BIN select the server;
 * otherwise the test servers are started. Prints a Markdown table (docs/benchmarks.md, "Backups in parts").
 *
 * On one machine the parts share its cores and the one server, so the wall time of N concurrent parts
 * is no forecast of N runners. The table therefore also gives the CPU time of each part and "on N
 * runners": plan + the slowest part alone (its CPU time, or its wall time if larger, when it ran by
 * itself) + finalize — what a matrix of N machines against a server that is not the bottleneck takes.
 *
 * A second table restores each backup in parts with `shipkit restore`, the parts read one after
 * another (`--parallel-parts 1`) and all at once (`--parallel-parts N`), into a fresh database each.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { seedShop } from '@shipkit/shop-seed';
import { MongoClient } from 'mongodb';
import { startServers } from '../test/servers';

const run = promisify(execFile);
const root = resolve(fileURLToPath(import.meta.url), '../..');
const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '5' },
    parts: { type: 'string', default: '1,2,4' },
  },
});
const scale = Number(values.scale);
const partCounts = values.parts.split(',').map(Number);
const work = join(root, '.tmp', 'bench-parts');
await rm(work, { recursive: true, force: true });
await mkdir(work, { recursive: true });

const servers = process.env.MONGODB_URI
  ? undefined
  : await startServers((l) => console.log(`· ${l}`), { s3: false });
const uri = process.env.MONGODB_URI ?? (servers?.env.MONGODB_URI as string);
const client = await new MongoClient(uri).connect();
const db = 'bench_parts';
const marker = await client
  .db(db)
  .collection('bench_marker')
  .findOne({ _id: 'scale' as never });
if (marker?.scale !== scale) {
  console.log(`seeding ${db} at scale ${scale}…`);
  await client.db(db).dropDatabase();
  await seedShop(client.db(db), { scale });
  await client
    .db(db)
    .collection('bench_marker')
    .updateOne({ _id: 'scale' as never }, { $set: { scale } }, { upsert: true });
}
const env = { ...process.env, MONGODB_URI: uri };
const shipkit = join(root, 'bin', 'shipkit.js');

interface Timed {
  wall: number;
  cpu: number;
  stdout: string;
}

/** One `shipkit` process under GNU time. */
function timed(args: string[]): Promise<Timed> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('/usr/bin/time', ['-f', 'TIMED %e %U %S', 'node', shipkit, ...args], { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const match = /TIMED ([\d.]+) ([\d.]+) ([\d.]+)/.exec(stderr);
      if (code !== 0 || !match)
        return reject(new Error(`shipkit ${args[0]} ${args[1]} failed (${code}):\n${stderr.slice(-2000)}`));
      resolvePromise({ wall: Number(match[1]), cpu: Number(match[2]) + Number(match[3]), stdout });
    });
  });
}

const common = ['--include', db, '--exclude', `${db}.bench_marker`];
const rows: string[] = [];
const restoreRows: string[] = [];

/** `shipkit restore` of a backup into a fresh database, timed; the database is dropped after. */
async function timedRestore(from: string, parallelParts: number): Promise<Timed> {
  const target = `bench_parts_restore_${parallelParts}`;
  await client.db(target).dropDatabase();
  try {
    const args = ['restore', '--from', from, '--ns-from', `${db}.*`, '--ns-to', `${target}.*`];
    return await timed([...args, '--parallel-parts', String(parallelParts)]);
  } finally {
    await client.db(target).dropDatabase();
  }
}
const destination = (label: string) => `file://${join(work, label)}`;

const single = await timed(['backup', '--to', destination('one'), ...common]);
console.log(`one-part backup: ${single.wall.toFixed(1)} s wall, ${single.cpu.toFixed(1)} s CPU`);
rows.push(
  `| one-part \`shipkit backup\` | 1 | ${single.wall.toFixed(1)} | — | ${single.cpu.toFixed(1)} | — | ${single.wall.toFixed(1)} | — |`,
);

for (const n of partCounts) {
  const to = destination(`parts-${n}`);
  const plan = await timed(['backup', 'plan', '--json', '--to', to, '--parts', String(n), ...common]);
  const { backupId } = JSON.parse(plan.stdout) as { backupId: string };
  const started = Date.now();
  const parts = await Promise.all(
    Array.from({ length: n }, (_, k) =>
      timed(['backup', 'part', '--to', to, '--backup', backupId, '--part', String(k + 1)]),
    ),
  );
  const concurrent = (Date.now() - started) / 1000;
  const finalize = await timed(['backup', 'finalize', '--to', to, '--backup', backupId]);
  const total = plan.wall + concurrent + finalize.wall;
  const overhead = ((plan.wall + finalize.wall) / total) * 100;
  // The slowest part on a machine of its own: alone it needs about its CPU time (never less than its
  // share of the one-part wall time, which the server's own work bounds).
  const slowest = Math.max(...parts.map((p) => Math.max(p.cpu, single.wall / n)));
  const onRunners = plan.wall + slowest + finalize.wall;
  const cpuPerPart = parts.map((p) => p.cpu.toFixed(1)).join(' / ');
  console.log(
    `${n} parts: plan ${plan.wall.toFixed(1)} s, parts ${concurrent.toFixed(1)} s (CPU ${cpuPerPart}), finalize ${finalize.wall.toFixed(1)} s`,
  );
  if (n > 1) {
    for (const parallelParts of [1, n]) {
      const restored = await timedRestore(`${to}/${backupId}`, parallelParts);
      console.log(
        `restore of ${n} parts, ${parallelParts} at once: ${restored.wall.toFixed(1)} s wall, ${restored.cpu.toFixed(1)} s CPU`,
      );
      restoreRows.push(
        `| ${n} | ${parallelParts} | ${restored.wall.toFixed(1)} | ${restored.cpu.toFixed(1)} | ${((restored.cpu / restored.wall) * 100).toFixed(0)} % |`,
      );
    }
  }
  rows.push(
    `| plan + ${n} concurrent parts + finalize | ${n} | ${total.toFixed(1)} | ${plan.wall.toFixed(1)} + ${concurrent.toFixed(1)} + ${finalize.wall.toFixed(1)} | ${cpuPerPart} | ${overhead.toFixed(0)} % | ${onRunners.toFixed(1)} | ${(single.wall / onRunners).toFixed(2)}× |`,
  );
}

const { stdout: du } = await run('du', ['-sb', join(work, 'one')]);
console.log(
  [
    '',
    `Scale ${scale} (${(Number(du.split('\t')[0]) / 2 ** 20).toFixed(1)} MiB stored, zstd), ${cpus().length} cores, load average ${loadavg()[0]?.toFixed(1)} at the end.`,
    '',
    '| run | parts | wall s | plan + parts + finalize s | CPU s per part | plan + finalize share | on N runners s (est.) | speed-up on N runners |',
    '| --- | ---: | ---: | --- | --- | ---: | ---: | ---: |',
    ...rows,
    '',
    'Restoring a backup in parts (`shipkit restore`, read back and checked), its parts one after another and all at once:',
    '',
    '| parts | read at once | wall s | CPU s | CPU / wall |',
    '| ---: | ---: | ---: | ---: | ---: |',
    ...restoreRows,
  ].join('\n'),
);

await client.close();
await servers?.stop();
await rm(work, { recursive: true, force: true });
