/**
 * One step of a job, run the way the runner runs it: a `run:` script through bash with the
 * GITHUB_OUTPUT / GITHUB_ENV / GITHUB_PATH / GITHUB_STEP_SUMMARY files, or one of this repository's
 * actions through its bundle (`runAction`, the runner protocol), every input given as with: says,
 * else as action.yml defaults it.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseFileCommands, runAction } from '../runner/index';
import { evaluateTemplate, toText, type Value } from './expressions';

// biome-ignore lint/suspicious/noExplicitAny: workflow YAML is untyped by nature
export type Yaml = any;

export interface ProcessResult {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  summary: string;
  outputs: Record<string, string>;
  env: Record<string, string>;
  path: string[];
}

export async function runScript(
  script: string,
  cwd: string,
  env: Record<string, string>,
  workspace: string,
  timeoutMs: number,
): Promise<ProcessResult> {
  const dir = await mkdtemp(join(workspace, '_temp', 'step-'));
  const files = {
    script: join(dir, 'script.sh'),
    output: join(dir, 'output'),
    env: join(dir, 'env'),
    path: join(dir, 'path'),
    summary: join(dir, 'summary'),
  };
  await Promise.all([
    writeFile(files.script, script),
    ...[files.output, files.env, files.path, files.summary].map((file) => writeFile(file, '')),
  ]);
  const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', files.script], {
    cwd,
    env: {
      ...env,
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: workspace,
      RUNNER_TEMP: join(workspace, '_temp'),
      RUNNER_OS: 'Linux',
      GITHUB_OUTPUT: files.output,
      GITHUB_ENV: files.env,
      GITHUB_PATH: files.path,
      GITHUB_STEP_SUMMARY: files.summary,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so that a timeout ends what the script started too (a `sleep` would
    // otherwise hold its output open, and the step, until it ends by itself).
    detached: true,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const timer = setTimeout(() => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }, timeoutMs);
  const exitCode = await new Promise<number | null>((done, fail) => {
    child.on('error', fail);
    child.on('close', (code) => done(code));
  });
  clearTimeout(timer);
  return {
    exitCode,
    stdout,
    stderr,
    summary: await readFile(files.summary, 'utf8'),
    outputs: parseFileCommands(await readFile(files.output, 'utf8')),
    env: parseFileCommands(await readFile(files.env, 'utf8')),
    path: (await readFile(files.path, 'utf8')).split('\n').filter(Boolean),
  };
}

export async function runLocalAction(
  root: string,
  id: string,
  withValues: Record<string, string>,
  env: Record<string, string>,
  github: Record<string, Value>,
  timeoutMs: number,
): Promise<ProcessResult> {
  const entry = join(root, 'actions', id, 'dist', 'index.js');
  if (!existsSync(entry)) {
    throw new Error(
      `actions/${id}/dist/index.js does not exist: build it with \`npm run build -w actions/${id}\`.`,
    );
  }
  const metadata = parse(await readFile(join(root, 'actions', id, 'action.yml'), 'utf8')) as Yaml;
  const declared: Record<string, Yaml> = metadata.inputs ?? {};
  for (const key of Object.keys(withValues)) {
    if (!(key in declared)) throw new Error(`actions/${id} has no input '${key}'`);
  }
  // The runner gives every input: the value from with:, else the action.yml default (expressions allowed).
  const inputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(declared)) {
    if (name in withValues) inputs[name] = withValues[name] as string;
    else if (spec?.default !== undefined)
      inputs[name] = toText(evaluateTemplate(spec.default, { contexts: { github: github as Value } }));
    else if (spec?.required === true) throw new Error(`actions/${id} needs the input '${name}'`);
  }
  const result = await runAction(entry, {
    inputs,
    env: {
      ...env,
      GITHUB_REPOSITORY: toText(github.repository ?? null),
      GITHUB_SHA: toText(github.sha ?? null),
      GITHUB_REF: toText(github.ref ?? null),
    },
    eventName: toText(github.event_name ?? null),
    event: github.event,
    timeoutMs,
  });
  return {
    exitCode: result.exitCode,
    stdout: result.stdout,
    stderr: result.stderr,
    summary: result.summary,
    outputs: result.outputs,
    env: {},
    path: [],
  };
}
