/**
 * Runs the jobs of one of this repository's workflows on this machine, in `needs` order, the way the
 * GitHub runner would: `${{ }}` expressions and `if:` conditions evaluated against the github, inputs,
 * secrets, vars, env, steps, needs, job and runner contexts; `run:` steps through bash with
 * GITHUB_OUTPUT / GITHUB_ENV / GITHUB_PATH / GITHUB_STEP_SUMMARY; this repository's actions through their
 * bundles with `runAction` (the runner protocol), inputs defaulted from action.yml; outputs passed from
 * step to step and job to job.
 *
 * What cannot run here is replaced, and reported as such:
 * - `actions/checkout` into a folder (how the reusable workflows fetch mongo-shipkit at their own commit):
 *   that folder becomes a link to this checkout; an `npm ci` run inside it is skipped (this checkout is
 *   installed). A checkout without `path:` (the caller's repository) does nothing.
 * - `actions/setup-node`: the Node.js running this driver is used.
 * - service containers are not started: give the inputs that point at them with `stepInputs`.
 * - any other third-party action fails its step unless `stubs` handles it (e.g. github-script, which would
 *   talk to GitHub).
 * A job that calls a reusable workflow (`uses: ./.github/workflows/x.yml`, or `<owner>/<repo>/.github/
 * workflows/x.yml@ref` as a client's caller workflow names the suite) runs that workflow of this checkout
 * with the job's `with:` and `secrets:`, so a caller template runs end to end.
 *
 *   tsx test/workflow-runner/index.ts <workflow.yml> [--input name=value]… [--secret NAME]… [--step-input job.step.name=value]…
 * (`--secret NAME` reads the value from the environment variable NAME, never from the command line.)
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import {
  type ExpressionContext,
  evaluateCondition,
  evaluateTemplate,
  toText,
  type Value,
} from './expressions';
import { runLocalAction, runScript, type Yaml } from './steps';

const defaultRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export type Outcome = 'success' | 'failure' | 'skipped';

export interface StepRecord {
  job: string;
  id?: string;
  name: string;
  /** run: bash; action: one of ours through its bundle; simulated/stub: replaced (see `note`). */
  kind: 'run' | 'action' | 'simulated' | 'stub';
  outcome: Outcome;
  /** What the step's result counts as for the job (success when continue-on-error). */
  conclusion: Outcome;
  outputs: Record<string, string>;
  /** Inputs (action steps, stubs) and env (all steps), as evaluated; for assertions. */
  with: Record<string, string>;
  env: Record<string, string>;
  stdout: string;
  stderr: string;
  /** What the step wrote to GITHUB_STEP_SUMMARY. */
  summary: string;
  note?: string;
}

export interface JobRecord {
  id: string;
  result: Outcome;
  outputs: Record<string, string>;
  /** For a job that calls a reusable workflow: that workflow's run. */
  called?: WorkflowResult;
  steps: StepRecord[];
}

export interface StubContext {
  job: string;
  step: Yaml;
  with: Record<string, string>;
  env: Record<string, string>;
}

export type Stub = (context: StubContext) => Promise<{ outputs?: Record<string, string>; outcome?: Outcome }>;

export interface WorkflowRunOptions {
  /** The workflow file, relative to `root` or absolute. */
  workflow: string;
  /** Inputs of `on.workflow_call` (or workflow_dispatch); defaults come from the file. */
  inputs?: Record<string, string | number | boolean>;
  secrets?: Record<string, string>;
  vars?: Record<string, string>;
  /** The repository whose actions/*\/dist bundles and checkout are used (default: this one). */
  root?: string;
  /** Fields of the github context (repository, sha, event_name…). */
  github?: Record<string, Value>;
  /** Step inputs replaced after evaluation, by `job.stepId` (service container addresses). */
  stepInputs?: Record<string, Record<string, string>>;
  /** Third-party actions by `owner/repo` (the part of `uses:` before `@`). */
  stubs?: Record<string, Stub>;
  /** Environment every process gets (default: PATH, HOME, TMPDIR, LANG of this process). */
  baseEnv?: Record<string, string>;
  log?: (line: string) => void;
}

export interface WorkflowResult {
  jobs: Record<string, JobRecord>;
  /** `on.workflow_call.outputs`, evaluated. */
  outputs: Record<string, string>;
  /** Steps in the order they ran or were skipped. */
  steps: StepRecord[];
}

function inputDefaults(doc: Yaml): Record<string, Value> {
  const on = doc.on ?? {};
  const declared: Record<string, Yaml> = {
    ...(on.workflow_dispatch?.inputs ?? {}),
    ...(on.workflow_call?.inputs ?? {}),
  };
  return Object.fromEntries(
    Object.entries(declared).map(([name, spec]) => {
      const fallback = spec?.default;
      if (spec?.type === 'boolean') return [name, fallback === true || fallback === 'true'];
      if (spec?.type === 'number') return [name, fallback === undefined ? null : Number(fallback)];
      return [name, fallback === undefined ? '' : String(fallback)];
    }),
  );
}

function typedInputs(doc: Yaml, given: Record<string, string | number | boolean>): Record<string, Value> {
  const values = inputDefaults(doc);
  const declared: Record<string, Yaml> = {
    ...(doc.on?.workflow_dispatch?.inputs ?? {}),
    ...(doc.on?.workflow_call?.inputs ?? {}),
  };
  for (const [name, value] of Object.entries(given)) {
    const spec = declared[name];
    if (!spec) throw new Error(`the workflow has no input '${name}' (${Object.keys(declared).join(', ')})`);
    if (spec.type === 'boolean') values[name] = value === true || value === 'true';
    else if (spec.type === 'number') values[name] = Number(value);
    else values[name] = String(value);
  }
  for (const [name, spec] of Object.entries(declared)) {
    if (spec?.required === true && !(name in given))
      throw new Error(`the workflow needs the input '${name}'`);
  }
  return values;
}

function jobOrder(jobs: Record<string, Yaml>): string[] {
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string) => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') throw new Error(`jobs form a cycle through ${id}`);
    state.set(id, 'visiting');
    for (const need of needsOf(jobs[id])) {
      if (!(need in jobs)) throw new Error(`job ${id} needs unknown job ${need}`);
      visit(need);
    }
    state.set(id, 'done');
    order.push(id);
  };
  for (const id of Object.keys(jobs)) visit(id);
  return order;
}

function needsOf(job: Yaml): string[] {
  if (!job?.needs) return [];
  return Array.isArray(job.needs) ? job.needs : [job.needs];
}

/** The step's name as the runner shows it: `name:` with its expressions, else `uses:` or the first script line. */
function stepName(step: Yaml, ctx: ExpressionContext): string {
  if (step.name !== undefined) {
    try {
      return toText(evaluateTemplate(step.name, ctx));
    } catch {
      return String(step.name);
    }
  }
  return String(step.uses ?? String(step.run ?? '').split('\n')[0]);
}

function textRecord(value: Value): Record<string, string> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toText(v)]));
}

function evaluateMap(map: Yaml, ctx: ExpressionContext): Record<string, string> {
  return Object.fromEntries(
    Object.entries<unknown>(map ?? {}).map(([k, v]) => [k, toText(evaluateTemplate(v, ctx))]),
  );
}

/**
 * The reusable workflow a job calls, as a path of this checkout: `./.github/workflows/x.yml`, or the
 * suite named as a client names it (`<owner>/<repo>/.github/workflows/x.yml@ref`, SHIPKIT_REPO in the
 * templates), which this checkout stands for.
 */
function calledWorkflow(uses: string): string {
  const match = /^(?:\.\/|[\w.-]+\/[\w.-]+\/)(\.github\/workflows\/[\w.-]+\.ya?ml)(?:@[\w./-]+)?$/.exec(uses);
  if (!match) throw new Error(`cannot run the workflow ${uses}: only this repository's reusable workflows`);
  return match[1] as string;
}

/** A `with:` value as an input: a missing context value is an empty string, as on GitHub. */
function inputValue(value: Value): string | number | boolean {
  if (value === null) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return value;
}

/** `./actions/<id>` or `./<folder>/actions/<id>` of this repository: the action id. */
function localAction(uses: string): string | undefined {
  return /^\.\/(?:[\w.-]+\/)?actions\/([a-z0-9-]+)\/?$/.exec(uses)?.[1];
}

export async function runWorkflow(options: WorkflowRunOptions): Promise<WorkflowResult> {
  const root = options.root ?? defaultRoot;
  const log = options.log ?? (() => {});
  const path = isAbsolute(options.workflow) ? options.workflow : join(root, options.workflow);
  const doc = parse(await readFile(path, 'utf8')) as Yaml;
  const inputs = typedInputs(doc, options.inputs ?? {});
  // Each job gets its own workspace below this folder, as each job gets a fresh runner.
  const base = await mkdtemp(join(tmpdir(), 'workflow-e2e-'));
  const head = existsSync(join(root, '.git'))
    ? execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim()
    : '0000000000000000000000000000000000000000';
  const github: Record<string, Value> = {
    repository: 'acme/shop',
    repository_owner: 'acme',
    server_url: 'https://github.com',
    api_url: 'https://api.github.com',
    run_id: '1234',
    run_attempt: '1',
    run_number: '1',
    sha: '0123456789abcdef0123456789abcdef01234567',
    ref: 'refs/heads/main',
    ref_name: 'main',
    event_name: 'schedule',
    event: {},
    actor: 'octocat',
    workflow: 'Nightly backup',
    token: 'ghs_driver-token-not-valid',
    ...options.github,
  };
  const baseEnv = options.baseEnv ?? {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? base,
    ...(process.env.TMPDIR ? { TMPDIR: process.env.TMPDIR } : {}),
    ...(process.env.LANG ? { LANG: process.env.LANG } : {}),
  };
  const secrets: Record<string, Value> = {
    GITHUB_TOKEN: toText(github.token ?? ''),
    ...(options.secrets ?? {}),
  };
  const jobs: Record<string, Yaml> = doc.jobs ?? {};
  const records: Record<string, JobRecord> = {};
  const allSteps: StepRecord[] = [];
  const workflowEnv: Record<string, Value> = {};

  try {
    for (const jobId of jobOrder(jobs)) {
      const job = jobs[jobId];
      const needs = Object.fromEntries(
        needsOf(job).map((need) => [
          need,
          { result: records[need]?.result ?? 'skipped', outputs: records[need]?.outputs ?? {} },
        ]),
      ) as Record<string, Value>;
      const needResults = Object.values(needs).map((n) => (n as { result: string }).result);
      const contexts = (extra: Record<string, Value>): Record<string, Value> => ({
        github: github as Value,
        inputs: inputs as Value,
        secrets: secrets as Value,
        vars: (options.vars ?? {}) as Value,
        needs: needs as Value,
        env: workflowEnv as Value,
        strategy: {},
        matrix: {},
        runner: {
          os: 'Linux',
          arch: 'X64',
          name: 'workflows-e2e',
          temp: join(workspace, '_temp'),
          tool_cache: join(workspace, '_tool'),
        },
        ...extra,
      });
      const jobStatus = {
        success: needResults.every((r) => r === 'success'),
        failure: needResults.some((r) => r === 'failure'),
        cancelled: false,
      };
      const workspace = join(base, jobId);
      await mkdir(workspace, { recursive: true });
      github.workspace = workspace;
      const record: JobRecord = { id: jobId, result: 'skipped', outputs: {}, steps: [] };
      records[jobId] = record;
      if (!evaluateCondition(job.if, { contexts: contexts({}), status: jobStatus })) {
        log(`job ${jobId}: skipped`);
        continue;
      }
      if (typeof job.uses === 'string') {
        const ctx = { contexts: contexts({}) };
        const withValues = Object.fromEntries(
          Object.entries<unknown>(job.with ?? {}).map(([name, value]) => [
            name,
            inputValue(evaluateTemplate(value, ctx)),
          ]),
        );
        const passed =
          job.secrets === 'inherit' ? textRecord(secrets as Value) : evaluateMap(job.secrets, ctx);
        log(`job ${jobId}: calls ${job.uses}`);
        const called = await runWorkflow({
          ...options,
          workflow: calledWorkflow(job.uses),
          inputs: withValues,
          secrets: passed,
          github,
          log: (line) => log(`  ${line}`),
        });
        record.called = called;
        record.result = Object.values(called.jobs).some((j) => j.result === 'failure')
          ? 'failure'
          : 'success';
        record.outputs = called.outputs;
        allSteps.push(...called.steps.map((step) => ({ ...step, job: `${jobId} / ${step.job}` })));
        log(`job ${jobId}: ${record.result}`);
        continue;
      }
      log(`job ${jobId}: running`);
      const jobContext: Record<string, Value> = {
        status: 'success',
        services: Object.fromEntries(
          Object.keys(job.services ?? {}).map((id) => [id, { id: '', network: '', ports: {} }]),
        ),
        container: { id: '', network: '' },
        workflow_repository: 'local/mongo-shipkit',
        workflow_sha: head,
        workflow_ref: `local/mongo-shipkit/${options.workflow}@${head}`,
        workflow_file_path: options.workflow,
      };
      const steps: Record<string, Value> = {};
      const fileEnv: Record<string, string> = {};
      const pathAdditions: string[] = [];
      const timeoutMinutes = Number(
        evaluateTemplate(job['timeout-minutes'] ?? 360, { contexts: contexts({ job: jobContext }) }),
      );
      const deadline = Date.now() + timeoutMinutes * 60_000;
      let failed = false;
      const jobEnv = evaluateMap(job.env, { contexts: contexts({ job: jobContext, steps }) });
      const temp = join(workspace, '_temp');
      await mkdir(temp, { recursive: true });

      for (const [index, step] of (job.steps ?? []).entries()) {
        const stepKey = step.id ?? `step-${index}`;
        const name = stepName(step, { contexts: contexts({ job: jobContext, steps }) });
        const envContext = { ...workflowEnv, ...jobEnv, ...fileEnv } as Record<string, Value>;
        const ctx = (): ExpressionContext => ({
          contexts: contexts({ job: jobContext, steps, env: envContext }),
          status: { success: !failed, failure: failed, cancelled: false },
        });
        const stepRecord: StepRecord = {
          job: jobId,
          ...(step.id ? { id: step.id } : {}),
          name,
          kind: step.uses ? 'action' : 'run',
          outcome: 'skipped',
          conclusion: 'skipped',
          outputs: {},
          with: {},
          env: {},
          stdout: '',
          stderr: '',
          summary: '',
        };
        record.steps.push(stepRecord);
        allSteps.push(stepRecord);
        if (!evaluateCondition(step.if, ctx())) {
          steps[stepKey] = { outputs: {}, outcome: 'skipped', conclusion: 'skipped' };
          log(`  ${name}: skipped`);
          continue;
        }
        const stepEnv = evaluateMap(step.env, ctx());
        Object.assign(envContext, stepEnv);
        const env: Record<string, string> = {
          ...baseEnv,
          ...textRecord(workflowEnv as Value),
          ...jobEnv,
          ...fileEnv,
          ...stepEnv,
          ...(pathAdditions.length ? { PATH: [...pathAdditions, baseEnv.PATH].join(':') } : {}),
        };
        stepRecord.env = stepEnv;
        const remaining = Math.max(deadline - Date.now(), 1);
        let outcome: Outcome;
        try {
          if (step.run !== undefined) {
            const shell = step.shell ?? job.defaults?.run?.shell ?? doc.defaults?.run?.shell ?? 'bash';
            if (shell !== 'bash') throw new Error(`shell ${shell} is not supported by this driver`);
            const directory =
              step['working-directory'] ??
              job.defaults?.run?.['working-directory'] ??
              doc.defaults?.run?.['working-directory'];
            const cwd = directory ? join(workspace, toText(evaluateTemplate(directory, ctx()))) : workspace;
            const script = toText(evaluateTemplate(step.run, ctx()));
            if (
              directory &&
              /(^|\/)\.shipkit$/.test(toText(evaluateTemplate(directory, ctx()))) &&
              /^\s*npm (ci|install)\b/.test(script)
            ) {
              stepRecord.kind = 'simulated';
              stepRecord.note = 'mongo-shipkit is this checkout, already installed';
              outcome = 'success';
            } else {
              const result = await runScript(script, cwd, env, workspace, remaining);
              Object.assign(stepRecord, {
                stdout: result.stdout,
                stderr: result.stderr,
                summary: result.summary,
                outputs: result.outputs,
              });
              Object.assign(fileEnv, result.env);
              pathAdditions.unshift(...result.path);
              outcome = result.exitCode === 0 ? 'success' : 'failure';
            }
          } else {
            const uses = String(step.uses);
            const withValues = evaluateMap(step.with, ctx());
            Object.assign(withValues, options.stepInputs?.[`${jobId}.${step.id}`] ?? {});
            stepRecord.with = withValues;
            const id = localAction(uses);
            const owner = uses.split('@')[0] ?? uses;
            if (id) {
              const result = await runLocalAction(root, id, withValues, env, github, remaining);
              Object.assign(stepRecord, {
                stdout: result.stdout,
                stderr: result.stderr,
                summary: result.summary,
                outputs: result.outputs,
              });
              outcome = result.exitCode === 0 ? 'success' : 'failure';
            } else if (owner === 'actions/checkout') {
              stepRecord.kind = 'simulated';
              if (withValues.path) {
                await mkdir(dirname(join(workspace, withValues.path)), { recursive: true });
                await symlink(root, join(workspace, withValues.path));
                stepRecord.note = `${withValues.path} links to ${root}`;
              } else {
                stepRecord.note = 'the caller repository is not needed';
              }
              outcome = 'success';
            } else if (owner === 'actions/setup-node') {
              stepRecord.kind = 'simulated';
              stepRecord.note = `Node.js ${process.versions.node} of this process`;
              outcome = 'success';
            } else if (options.stubs?.[owner]) {
              stepRecord.kind = 'stub';
              const result = await (options.stubs[owner] as Stub)({
                job: jobId,
                step,
                with: withValues,
                env: stepEnv,
              });
              stepRecord.outputs = result.outputs ?? {};
              outcome = result.outcome ?? 'success';
            } else {
              stepRecord.kind = 'stub';
              stepRecord.note = `${uses} cannot run here (no stub given)`;
              outcome = 'failure';
            }
          }
        } catch (error) {
          stepRecord.stderr += `\n${error instanceof Error ? error.message : String(error)}`;
          outcome = 'failure';
        }
        const continueOnError = step['continue-on-error'] === true || step['continue-on-error'] === 'true';
        stepRecord.outcome = outcome;
        stepRecord.conclusion = outcome === 'failure' && continueOnError ? 'success' : outcome;
        steps[stepKey] = { outputs: stepRecord.outputs, outcome, conclusion: stepRecord.conclusion };
        if (stepRecord.conclusion === 'failure') {
          failed = true;
          jobContext.status = 'failure';
        }
        log(`  ${name}: ${outcome}${stepRecord.note ? ` (${stepRecord.note})` : ''}`);
      }
      record.result = failed ? 'failure' : 'success';
      record.outputs = evaluateMap(job.outputs, { contexts: contexts({ job: jobContext, steps }) });
      log(`job ${jobId}: ${record.result}`);
    }
  } finally {
    await rm(base, { recursive: true, force: true });
  }

  const jobsContext = Object.fromEntries(
    Object.entries(records).map(([id, r]) => [id, { result: r.result, outputs: r.outputs }]),
  );
  const outputs = Object.fromEntries(
    Object.entries<Yaml>(doc.on?.workflow_call?.outputs ?? {}).map(([name, spec]) => [
      name,
      toText(
        evaluateTemplate(spec?.value, {
          contexts: { jobs: jobsContext as Value, github: github as Value, inputs: inputs as Value },
        }),
      ),
    ]),
  );
  return { jobs: records, outputs, steps: allSteps };
}
