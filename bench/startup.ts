/**
 * Start-up of each action's bundle: the time from process start to the action's first input error
 * (the bundle run with no inputs, as a step whose `with:` was forgotten runs it), against `node -e 0`
 * measured in the same rounds; and the size of what each action loads eagerly (its entry file).
 *
 *   npm run bench:startup [-- --rounds 25] [--actions mongo-backup,verify-restore] [--write]
 *                         [--tree label=/path/to/other/build ...] [--compile-cache] [--no-engine]
 *
 * Measures the bundles as they are: build them first (`npm run package`). Each round runs `node -e 0`
 * and then every case once, each a separate process timed from spawn to exit, so a figure and its
 * baseline share the machine's state of the moment: differences are taken per round, and their median
 * (and quartiles, which show a shared machine's noise) quoted. Each run gets a new, empty TMPDIR, as on
 * a runner's first start; "again" reruns in the TMPDIR the first run left, where Node's compile cache
 * (written under the temporary directory) would be warm.
 *
 * Cases: "no inputs" for every action (the target); "engine" for the actions that load their engine
 * as a chunk: inputs that pass parsing and fail in the engine without touching the network, to show
 * what a real run pays for that chunk before its first server round-trip (`--no-engine` leaves them out).
 * `--tree label=dir` (repeatable) measures the bundles in dir/actions/<name>/dist too, in the same
 * rounds (e.g. copies of the dist folders of earlier builds). `--compile-cache` measures every case a
 * second time with NODE_COMPILE_CACHE set, which caches the entry file as well. `--write` puts the
 * table into docs/benchmarks.md between the start-up section's markers.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { STARTUP_BUDGET } from './budget';
import { replaceStartupTable } from './startup-doc';

const root = resolve(fileURLToPath(import.meta.url), '../..');

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '25' },
    warmup: { type: 'string', default: '2' },
    actions: { type: 'string' },
    tree: { type: 'string', multiple: true, default: [] },
    engine: { type: 'boolean', default: true },
    'compile-cache': { type: 'boolean', default: false },
    write: { type: 'boolean', default: false },
    doc: { type: 'string', default: join(root, 'docs', 'benchmarks.md') },
  },
  allowNegative: true,
});
const rounds = Number(values.rounds);
const warmup = Number(values.warmup);
if (!Number.isInteger(rounds) || rounds < 3) throw new Error('--rounds: a whole number, at least 3');
if (!Number.isInteger(warmup) || warmup < 0) throw new Error('--warmup: a whole number, 0 or more');
if (Number(process.versions.node.split('.')[0]) < 24)
  throw new Error(`Node ${process.versions.node}: the actions run on node24; use \`npm run bench:startup\``);

/** Inputs that pass parsing and fail in the engine, with no server: the engine chunk is loaded first. */
const ENGINE_INPUTS: Record<string, (tmp: string) => Record<string, string>> = {
  'mongo-backup': (tmp) => ({
    'mongodb-uri': 'mongodb://127.0.0.1:99999',
    destination: `file://${tmp}/backups`,
  }),
  'verify-restore': (tmp) => ({ backup: `file://${tmp}/no-such-backup` }),
};

interface Case {
  action: string;
  tree: string;
  kind: 'no inputs' | 'engine';
  cache: boolean;
  /** The file action.yml runs (`runs.main`), and every entry it names (main, post) for the sizes. */
  main: string;
  entries: string[];
}

const trees = [
  ...values.tree.map((spec) => {
    const [label, dir] = spec.split('=');
    if (!label || !dir) throw new Error(`--tree ${spec}: expected label=dir`);
    return { label, dir: resolve(dir) };
  }),
  { label: 'this tree', dir: root },
];

function readCases(): Case[] {
  const names = readdirSync(join(root, 'actions')).sort();
  const chosen = values.actions?.split(',').map((name) => name.trim());
  for (const name of chosen ?? [])
    if (!names.includes(name)) throw new Error(`--actions: no action '${name}' (one of ${names.join(', ')})`);
  return names
    .filter((name) => !chosen || chosen.includes(name))
    .flatMap((name) => {
      const yml = parseYaml(readFileSync(join(root, 'actions', name, 'action.yml'), 'utf8')) as {
        runs: { main: string; post?: string };
      };
      const relative = [yml.runs.main, ...(yml.runs.post ? [yml.runs.post] : [])];
      const kinds = [
        'no inputs',
        ...(values.engine && ENGINE_INPUTS[name] ? ['engine'] : []),
      ] as Case['kind'][];
      return kinds.flatMap((kind) =>
        trees.flatMap((tree) => {
          const entries = relative.map((entry) => join(tree.dir, 'actions', name, entry));
          // An older tree may predate an action: it simply has no row for it.
          if (tree.dir !== root && !statSync(entries[0] as string, { throwIfNoEntry: false })) return [];
          for (const entry of entries)
            if (!statSync(entry, { throwIfNoEntry: false }))
              throw new Error(`${entry} is missing: build the bundles (\`npm run package\`)`);
          const main = entries[0] as string;
          return [false, ...(values['compile-cache'] ? [true] : [])].map((cache) => ({
            action: name,
            tree: tree.label,
            kind,
            cache,
            main,
            entries,
          }));
        }),
      );
    });
}

/** The entry file's size, and the other scripts of its folder (chunks loaded on demand). */
function sizes(entry: string): { eager: number; lazy: number } {
  const dir = resolve(entry, '..');
  const lazy = readdirSync(dir)
    .filter((file) => file.endsWith('.js') && join(dir, file) !== entry)
    .reduce((sum, file) => sum + statSync(join(dir, file)).size, 0);
  return { eager: statSync(entry).size, lazy };
}

/** Makes a process print its CPU time (user + system, all threads) to stderr as it exits. */
const REPORT_CPU = `data:text/javascript,${encodeURIComponent(
  "import { writeSync } from 'node:fs'; process.on('exit', () => { const u = process.cpuUsage();" +
    " writeSync(2, '\\nstartup-cpu-us ' + (u.user + u.system) + '\\n'); });",
)}`;

interface Run {
  ms: number;
  cpuMs: number;
  status: number | null;
  /** The `::error::` line the run printed, if any. */
  error: string | undefined;
  tmp: string;
}

/**
 * One process from spawn to exit with the given inputs and nothing of this shell's environment but
 * PATH and HOME (no INPUT_*, GITHUB_*, NODE_OPTIONS), in a new TMPDIR unless `tmp` names one.
 */
function time(
  args: string[],
  options: { inputs?: Case['kind']; action?: string; cache?: boolean; tmp?: string } = {},
): Run {
  const dir = options.tmp ?? mkdtempSync(join(tmpdir(), 'shipkit-startup-'));
  const inputs =
    options.inputs === 'engine' && options.action ? (ENGINE_INPUTS[options.action]?.(dir) ?? {}) : {};
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    TMPDIR: dir,
    RUNNER_TEMP: dir,
    ...(options.cache ? { NODE_COMPILE_CACHE: join(dir, 'node-compile-cache') } : {}),
    ...Object.fromEntries(
      Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value]),
    ),
  };
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['--import', REPORT_CPU, ...args], {
    env,
    cwd: dir,
    encoding: 'utf8',
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.error) throw child.error;
  const cpu = /^startup-cpu-us (\d+)$/m.exec(child.stderr)?.[1];
  if (!cpu)
    throw new Error(`${args.join(' ')}: no CPU time reported (stderr: ${child.stderr.slice(0, 500)})`);
  return {
    ms,
    cpuMs: Number(cpu) / 1e3,
    status: child.status,
    error: /^::error::(.*)$/m.exec(child.stdout)?.[1],
    tmp: dir,
  };
}

function quantile(xs: number[], q: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const at = q * (sorted.length - 1);
  const low = sorted[Math.floor(at)] as number;
  const high = sorted[Math.ceil(at)] as number;
  return low + (high - low) * (at - Math.floor(at));
}

const cases = readCases();
const base: number[] = [];
const baseCpu: number[] = [];
const first = new Map<Case, number[]>(cases.map((c) => [c, []]));
const firstCpu = new Map<Case, number[]>(cases.map((c) => [c, []]));
const again = new Map<Case, number[]>(cases.map((c) => [c, []]));
const errors = new Map<Case, string>();
const load = [loadavg()[0] as number];
console.log(`start-up: ${cases.length} cases, ${warmup} + ${rounds} rounds, Node ${process.versions.node}`);
for (let round = 0; round < warmup + rounds; round++) {
  const counted = round >= warmup;
  const scratch: string[] = [];
  try {
    const baseline = time(['-e', '0']);
    scratch.push(baseline.tmp);
    if (counted) {
      base.push(baseline.ms);
      baseCpu.push(baseline.cpuMs);
    }
    for (const c of cases) {
      const options = { inputs: c.kind, action: c.action, cache: c.cache };
      const cold = time([c.main], options);
      scratch.push(cold.tmp);
      const warm = time([c.main], { ...options, tmp: cold.tmp });
      for (const run of [cold, warm]) {
        // A figure means something only if the run ended where it should: on a clean error (no stack), exit 1.
        if (run.status !== 1 || !run.error || /%0A\s+at /.test(run.error))
          throw new Error(
            `${c.action} (${c.tree}, ${c.kind}): expected exit 1 on an error, got ${run.status} (${run.error ?? 'no ::error:: line'})`,
          );
      }
      errors.set(c, cold.error as string);
      if (counted) {
        first.get(c)?.push(cold.ms - baseline.ms);
        firstCpu.get(c)?.push(cold.cpuMs - baseline.cpuMs);
        again.get(c)?.push(warm.ms - baseline.ms);
      }
    }
  } finally {
    for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
  }
  load.push(loadavg()[0] as number);
  process.stdout.write(counted ? '.' : 'w');
}
process.stdout.write('\n');

const ms = (x: number) => x.toFixed(0);
const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(2);
const baseMs = quantile(base, 0.5);
const several = trees.length > 1;
const rows = cases.map((c) => {
  const over = first.get(c) as number[];
  const median = quantile(over, 0.5);
  const { eager, lazy } = sizes(c.main);
  const post = c.entries.slice(1).map((entry) => ` (post: ${mib(sizes(entry).eager)})`);
  const judged = c.kind === 'no inputs';
  const within =
    median <= STARTUP_BUDGET.overNodeMs &&
    c.entries.every((entry) => sizes(entry).eager <= STARTUP_BUDGET.eagerBytes);
  return [
    c.action,
    ...(several ? [c.tree] : []),
    `${c.kind}${c.cache ? ', NODE_COMPILE_CACHE' : ''}`,
    `+${ms(median)} (${ms(quantile(over, 0.25))}–${ms(quantile(over, 0.75))})`,
    `${((baseMs + median) / baseMs).toFixed(2)}×`,
    `+${ms(quantile(firstCpu.get(c) as number[], 0.5))}`,
    `+${ms(quantile(again.get(c) as number[], 0.5))}`,
    `${mib(eager)}${post.join('')}`,
    mib(lazy),
    judged ? (within ? 'yes' : '**no**') : '',
    (errors.get(c) ?? '').replace(/\|/g, '\\|'),
  ];
});
const header = [
  'action',
  ...(several ? ['build'] : []),
  'case',
  'first start: ms over node -e 0 (quartiles)',
  '× node -e 0',
  'CPU: ms over',
  'again: ms over',
  'eager MiB',
  'lazy MiB',
  'within targets',
  'error it stopped on',
];
const left = new Set(['action', 'build', 'case', 'within targets', 'error it stopped on']);
const args = process.argv.slice(2).filter((arg) => arg !== '--write');
const table = `Measured by \`npm run bench:startup${args.length ? ` -- ${args.join(' ')}` : ''}\` on ${new Date().toISOString().slice(0, 10)}:
${cpus().length} cores (load average ${Math.min(...load).toFixed(1)}–${Math.max(...load).toFixed(1)} during the run), Node ${process.versions.node}; ${rounds} rounds after ${warmup} not counted.
\`node -e 0\` took ${ms(baseMs)} ms (median), ${ms(quantile(baseCpu, 0.5))} ms of CPU.

| ${header.join(' | ')} |
|${header.map((name) => (left.has(name) ? '---' : '---:')).join('|')}|
${rows.map((cells) => `| ${cells.join(' | ')} |`).join('\n')}`;
console.log(`\n${table}\n`);

if (values.write) {
  const path = values.doc as string;
  writeFileSync(path, replaceStartupTable(readFileSync(path, 'utf8'), table));
  console.log(`wrote the start-up table into ${path}`);
}
