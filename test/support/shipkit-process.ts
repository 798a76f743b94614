/**
 * Runs the CLI as users run it: `node bin/shipkit.js …`, which loads the committed bundle
 * (`packages/cli/dist`). A started process can be watched (wait for a line it prints), signalled and
 * awaited, so tests can kill or stop it at a chosen moment. A bundle that is missing or older than the
 * sources fails the test, saying how to rebuild it: testing a stale bundle would prove nothing.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { staleness } from '../../scripts/bundle-sources';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const shipkitBin = join(repoRoot, 'bin', 'shipkit.js');
export const CLI_BUNDLE = join(repoRoot, 'packages', 'cli', 'dist');
export const CLI_BUILD = 'npm run build -w packages/cli';

let bundleIsFresh = false;

/** Throws, naming what changed and how to rebuild, unless the CLI bundle is what the tree builds. */
export function requireFreshCliBundle(): void {
  if (bundleIsFresh) return;
  const problem = staleness(CLI_BUNDLE, CLI_BUILD, repoRoot);
  if (problem) throw new Error(`The CLI bundle these tests run is not built from this tree: ${problem}`);
  bundleIsFresh = true;
}

export interface ShipkitRunOptions {
  /** The whole environment of the process (default: PATH and HOME only, plus `env`). */
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** The node binary that starts `bin/shipkit.js` (default: the one running the tests). */
  node?: string;
  /** Another copy of `bin/shipkit.js` to run (default: this repository's). */
  bin?: string;
  /** Kill the process with SIGKILL after this long; the result then has `killedByTest`. Default 5 min. */
  killAfterMs?: number;
}

export interface ShipkitExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr together, for "this value appears nowhere" assertions. */
  everything: string;
  durationMs: number;
  /** The test's own kill timer fired: the process did not end by itself. */
  killedByTest: boolean;
}

export interface ShipkitProcess {
  child: ChildProcess;
  pid: number;
  /** What the process printed so far. */
  output(): { stdout: string; stderr: string };
  /** Resolves when `pattern` appears in stdout or stderr; rejects if the process ends first or after `timeoutMs`. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  signal(signal: NodeJS.Signals): void;
  exited: Promise<ShipkitExit>;
}

export function startShipkit(argv: string[], options: ShipkitRunOptions = {}): ShipkitProcess {
  requireFreshCliBundle();
  const started = Date.now();
  const child = spawn(options.node ?? process.execPath, [options.bin ?? shipkitBin, ...argv], {
    cwd: options.cwd ?? repoRoot,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: process.env.TMPDIR, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const watchers = new Set<() => void>();
  const notify = () => {
    for (const watcher of watchers) watcher();
  };
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    notify();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    notify();
  });
  let killedByTest = false;
  const killer = setTimeout(() => {
    killedByTest = true;
    child.kill('SIGKILL');
  }, options.killAfterMs ?? 300_000);
  const exited = new Promise<ShipkitExit>((done) => {
    child.once('close', (code, signal) => {
      clearTimeout(killer);
      notify();
      done({
        code,
        signal,
        stdout,
        stderr,
        everything: `${stdout}\n${stderr}`,
        durationMs: Date.now() - started,
        killedByTest,
      });
    });
  });
  let ended = false;
  void exited.then(() => {
    ended = true;
    notify();
  });
  return {
    child,
    pid: child.pid ?? -1,
    output: () => ({ stdout, stderr }),
    waitFor(pattern, timeoutMs = 120_000) {
      return new Promise<void>((found, fail) => {
        const timer = setTimeout(() => {
          watchers.delete(check);
          fail(new Error(`shipkit did not print ${pattern} within ${timeoutMs} ms:\n${stdout}\n${stderr}`));
        }, timeoutMs);
        function check() {
          if (pattern.test(stdout) || pattern.test(stderr)) {
            watchers.delete(check);
            clearTimeout(timer);
            found();
          } else if (ended) {
            watchers.delete(check);
            clearTimeout(timer);
            fail(new Error(`shipkit ended before printing ${pattern}:\n${stdout}\n${stderr}`));
          }
        }
        watchers.add(check);
        check();
      });
    },
    signal: (signal) => {
      child.kill(signal);
    },
    exited,
  };
}

/** Runs `node bin/shipkit.js …` to its end. */
export function runShipkit(argv: string[], options: ShipkitRunOptions = {}): Promise<ShipkitExit> {
  return startShipkit(argv, options).exited;
}
