/**
 * Runs a bundled action (`dist/index.js`) the way the GitHub runner does: inputs as `INPUT_*`,
 * outputs, summary and state through the files named by `GITHUB_OUTPUT`, `GITHUB_STEP_SUMMARY` and
 * `GITHUB_STATE`, the event payload at `GITHUB_EVENT_PATH`, and the exit code as the step's result.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunActionOptions {
  /** Inputs by their `action.yml` names; values are passed as strings. */
  inputs?: Record<string, string | number | boolean | undefined>;
  /** Extra environment (e.g. `GITHUB_TOKEN`, `GITHUB_API_URL`). */
  env?: Record<string, string | undefined>;
  eventName?: string;
  /** Payload written to `GITHUB_EVENT_PATH`. */
  event?: unknown;
  /** State saved by a previous `main` run, handed to a `post` run as `STATE_*`. */
  state?: Record<string, string>;
  /** Kill the process after this long (it then counts as a failure). */
  timeoutMs?: number;
  /** Inherit the test process's environment (default false: only a minimal PATH/HOME). */
  inheritEnv?: boolean;
  /**
   * Called with the action's process as soon as it is started, e.g. to watch its output and signal
   * it the way the runner does when a job is cancelled (SIGINT, then SIGTERM 7.5 s later).
   */
  onStart?: (child: ChildProcess) => void;
}

export interface ActionResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  outputs: Record<string, string>;
  state: Record<string, string>;
  summary: string;
  stdout: string;
  stderr: string;
  /** `::error::`, `::warning::` and `::notice::` lines, without their properties. */
  annotations: { level: 'error' | 'warning' | 'notice'; message: string }[];
  /** What a person could see — stdout less `::add-mask::` lines, stderr, summary, outputs, state — for "the secret appears nowhere" assertions. */
  everything: string;
}

export async function runAction(entry: string, options: RunActionOptions = {}): Promise<ActionResult> {
  const dir = await mkdtemp(join(tmpdir(), 'runner-'));
  try {
    const files = {
      output: join(dir, 'output'),
      summary: join(dir, 'summary'),
      state: join(dir, 'state'),
      env: join(dir, 'env'),
      path: join(dir, 'path'),
      event: join(dir, 'event.json'),
    };
    await Promise.all([
      writeFile(files.output, ''),
      writeFile(files.summary, ''),
      writeFile(files.state, ''),
      writeFile(files.env, ''),
      writeFile(files.path, ''),
      writeFile(files.event, JSON.stringify(options.event ?? {})),
    ]);
    const base: Record<string, string | undefined> = options.inheritEnv
      ? { ...process.env }
      : { PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: process.env.TMPDIR };
    const env: Record<string, string | undefined> = {
      ...base,
      GITHUB_ACTIONS: 'true',
      CI: 'true',
      GITHUB_OUTPUT: files.output,
      GITHUB_STEP_SUMMARY: files.summary,
      GITHUB_STATE: files.state,
      GITHUB_ENV: files.env,
      GITHUB_PATH: files.path,
      GITHUB_EVENT_PATH: files.event,
      GITHUB_EVENT_NAME: options.eventName ?? 'workflow_dispatch',
      GITHUB_REPOSITORY: 'acme/shop',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_RUN_ID: '1234',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_WORKFLOW: 'test',
      GITHUB_JOB: 'test',
      GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
      GITHUB_REF: 'refs/heads/main',
      GITHUB_ACTOR: 'octocat',
      RUNNER_TEMP: dir,
      RUNNER_OS: 'Linux',
      ...options.env,
    };
    for (const [name, value] of Object.entries(options.inputs ?? {})) {
      if (value !== undefined) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = String(value);
    }
    for (const [name, value] of Object.entries(options.state ?? {})) env[`STATE_${name}`] = value;

    const child = spawn(process.execPath, [entry], { env: clean(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    options.onStart?.(child);
    const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), options.timeoutMs) : undefined;
    const [exitCode, signal] = await new Promise<[number | null, NodeJS.Signals | null]>(
      (resolve, reject) => {
        child.on('error', reject);
        child.on('close', (code, sig) => resolve([code, sig]));
      },
    );
    if (timer) clearTimeout(timer);

    const outputs = parseFileCommands(await readFile(files.output, 'utf8'));
    const state = parseFileCommands(await readFile(files.state, 'utf8'));
    const summary = await readFile(files.summary, 'utf8');
    const annotations = [...stdout.matchAll(/^::(error|warning|notice)(?: [^:]*)?::(.*)$/gm)].map((m) => ({
      level: m[1] as 'error' | 'warning' | 'notice',
      message: unescapeCommand(m[2] ?? ''),
    }));
    // The runner consumes `::add-mask::` lines (they carry the secrets to hide) and never shows them.
    const shown = stdout
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n');
    const everything = [shown, stderr, summary, JSON.stringify(outputs), JSON.stringify(state)].join('\n');
    return { exitCode, signal, outputs, state, summary, stdout, stderr, annotations, everything };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function clean(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
}

/** Parses the `name<<DELIM\nvalue\nDELIM` (and legacy `name=value`) lines of GITHUB_OUTPUT/GITHUB_STATE. */
export function parseFileCommands(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name = '', delimiter] = heredoc;
      const value: string[] = [];
      for (i += 1; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] ?? '');
      result[name] = value.join('\n');
    } else if (line.includes('=')) {
      const eq = line.indexOf('=');
      result[line.slice(0, eq)] = line.slice(eq + 1);
    }
  }
  return result;
}

function unescapeCommand(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}
