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
 *   tsx scripts/workflows-e2e.ts <workflow.yml> [--input name=value]… [--secret NAME]… [--step-input job.step.name=value]…
 * (`--secret NAME` reads the value from the environment variable NAME, never from the command line.)
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { parseFileCommands, runAction } from '../test/runner/index';

const defaultRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// ─── Expressions ──────────────────────────────────────────────────────────────────────────────────────

export type Value = null | boolean | number | string | Value[] | { [key: string]: Value };

type Token =
  | { kind: 'number'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'word'; value: string }
  | { kind: 'op'; value: string };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new Error(`unterminated string in: ${text}`);
        if (text[i] === "'") {
          if (text[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += text[i];
        i++;
      }
      tokens.push({ kind: 'string', value });
    } else if (
      /[0-9]/.test(c) ||
      (c === '-' && /[0-9]/.test(text[i + 1] ?? '') && !isOperand(tokens.at(-1)))
    ) {
      const match = /^-?(0x[0-9a-fA-F]+|\d+(\.\d+)?([eE][+-]?\d+)?)/.exec(text.slice(i)) as RegExpExecArray;
      tokens.push({ kind: 'number', value: Number(match[0]) });
      i += match[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const match = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(text.slice(i)) as RegExpExecArray;
      tokens.push({ kind: 'word', value: match[0] });
      i += match[0].length;
    } else {
      const two = text.slice(i, i + 2);
      if (['==', '!=', '<=', '>=', '&&', '||'].includes(two)) {
        tokens.push({ kind: 'op', value: two });
        i += 2;
      } else if ('()[],.!<>*'.includes(c)) {
        tokens.push({ kind: 'op', value: c });
        i++;
      } else {
        throw new Error(`unexpected '${c}' in expression: ${text}`);
      }
    }
  }
  return tokens;
}

function isOperand(token: Token | undefined): boolean {
  return token !== undefined && (token.kind !== 'op' || token.value === ')' || token.value === ']');
}

type Node =
  | { type: 'literal'; value: Value }
  | { type: 'context'; name: string }
  | { type: 'member'; object: Node; property: Node | '*' }
  | { type: 'call'; name: string; args: Node[] }
  | { type: 'not'; operand: Node }
  | { type: 'binary'; op: string; left: Node; right: Node };

class Parser {
  private at = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly source: string,
  ) {}

  parse(): Node {
    const node = this.or();
    if (this.at < this.tokens.length) throw this.error('unexpected token');
    return node;
  }

  private error(message: string): Error {
    return new Error(`${message} at token ${this.at} of expression: ${this.source}`);
  }

  private peek(value: string): boolean {
    const token = this.tokens[this.at];
    return token?.kind === 'op' && token.value === value;
  }

  private expect(value: string): void {
    if (!this.peek(value)) throw this.error(`expected '${value}'`);
    this.at++;
  }

  private binary(next: () => Node, ops: string[]): Node {
    let left = next();
    for (;;) {
      const token = this.tokens[this.at];
      if (token?.kind !== 'op' || !ops.includes(token.value)) return left;
      this.at++;
      left = { type: 'binary', op: token.value, left, right: next() };
    }
  }

  private or = (): Node => this.binary(this.and, ['||']);
  private and = (): Node => this.binary(this.equality, ['&&']);
  private equality = (): Node => this.binary(this.comparison, ['==', '!=']);
  private comparison = (): Node => this.binary(this.unary, ['<', '<=', '>', '>=']);

  private unary = (): Node => {
    if (this.peek('!')) {
      this.at++;
      return { type: 'not', operand: this.unary() };
    }
    return this.postfix();
  };

  private postfix(): Node {
    let node = this.primary();
    for (;;) {
      if (this.peek('.')) {
        this.at++;
        if (this.peek('*')) {
          this.at++;
          node = { type: 'member', object: node, property: '*' };
          continue;
        }
        const token = this.tokens[this.at];
        if (token?.kind !== 'word') throw this.error('expected a property name');
        this.at++;
        node = { type: 'member', object: node, property: { type: 'literal', value: token.value } };
      } else if (this.peek('[')) {
        this.at++;
        if (this.peek('*')) {
          this.at++;
          this.expect(']');
          node = { type: 'member', object: node, property: '*' };
          continue;
        }
        const property = this.or();
        this.expect(']');
        node = { type: 'member', object: node, property };
      } else {
        return node;
      }
    }
  }

  private primary(): Node {
    const token = this.tokens[this.at];
    if (!token) throw this.error('unexpected end');
    this.at++;
    if (token.kind === 'number' || token.kind === 'string') return { type: 'literal', value: token.value };
    if (token.kind === 'op') {
      if (token.value !== '(') throw this.error(`unexpected '${token.value}'`);
      const node = this.or();
      this.expect(')');
      return node;
    }
    if (token.value === 'true' || token.value === 'false')
      return { type: 'literal', value: token.value === 'true' };
    if (token.value === 'null') return { type: 'literal', value: null };
    if (this.peek('(')) {
      this.at++;
      const args: Node[] = [];
      if (!this.peek(')')) {
        args.push(this.or());
        while (this.peek(',')) {
          this.at++;
          args.push(this.or());
        }
      }
      this.expect(')');
      return { type: 'call', name: token.value.toLowerCase(), args };
    }
    return { type: 'context', name: token.value };
  }
}

export interface ExpressionContext {
  contexts: Record<string, Value>;
  /** success(), failure(), cancelled() where they apply (always() is always true). */
  status?: { success: boolean; failure: boolean; cancelled: boolean };
}

function truthy(value: Value): boolean {
  if (value === null) return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0 && !Number.isNaN(value);
  if (typeof value === 'string') return value !== '';
  return true;
}

function toNumber(value: Value): number {
  if (value === null) return 0;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return value.trim() === '' ? 0 : Number(value);
  return Number.NaN;
}

/** How the runner turns a value into text (in templates and string functions). */
export function toText(value: Value): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  return JSON.stringify(value, null, 2);
}

function equal(a: Value, b: Value): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  if (a === null && b === null) return true;
  const isObject = (v: Value) => v !== null && typeof v === 'object';
  if (isObject(a) || isObject(b)) return a === b;
  if (typeof a === typeof b) return a === b;
  return toNumber(a) === toNumber(b);
}

function compare(a: Value, b: Value, op: string): boolean {
  let x: number | string;
  let y: number | string;
  if (typeof a === 'string' && typeof b === 'string') [x, y] = [a.toLowerCase(), b.toLowerCase()];
  else [x, y] = [toNumber(a), toNumber(b)];
  if (typeof x === 'number' && (Number.isNaN(x) || Number.isNaN(y as number))) return false;
  return op === '<' ? x < y : op === '<=' ? x <= y : op === '>' ? x > y : x >= y;
}

function property(object: Value, name: Value): Value {
  if (object === null || typeof object !== 'object') return null;
  if (Array.isArray(object)) {
    const index = toNumber(name);
    return Number.isInteger(index) ? (object[index] ?? null) : null;
  }
  const key = toText(name);
  if (key in object) return object[key] ?? null;
  const found = Object.keys(object).find((k) => k.toLowerCase() === key.toLowerCase());
  return found === undefined ? null : (object[found] ?? null);
}

function format(template: string, args: Value[]): string {
  return template.replace(/\{\{|\}\}|\{(\d+)\}/g, (match, index: string | undefined) => {
    if (match === '{{') return '{';
    if (match === '}}') return '}';
    const value = args[Number(index)];
    if (value === undefined) throw new Error(`format(): no argument {${index}} in '${template}'`);
    return toText(value);
  });
}

function evaluateNode(node: Node, ctx: ExpressionContext): Value {
  switch (node.type) {
    case 'literal':
      return node.value;
    case 'context': {
      const value = property(ctx.contexts as Value, node.name);
      if (
        value === null &&
        !Object.keys(ctx.contexts).some((k) => k.toLowerCase() === node.name.toLowerCase())
      ) {
        throw new Error(`unknown context '${node.name}'`);
      }
      return value;
    }
    case 'member': {
      const object = evaluateNode(node.object, ctx);
      if (node.property === '*') {
        if (object === null || typeof object !== 'object') return [];
        return Array.isArray(object) ? object : Object.values(object);
      }
      const name = evaluateNode(node.property, ctx);
      if (Array.isArray(object) && node.object.type === 'member' && node.object.property === '*') {
        return object.map((item) => property(item, name));
      }
      return property(object, name);
    }
    case 'not':
      return !truthy(evaluateNode(node.operand, ctx));
    case 'binary': {
      const left = evaluateNode(node.left, ctx);
      if (node.op === '&&') return truthy(left) ? evaluateNode(node.right, ctx) : left;
      if (node.op === '||') return truthy(left) ? left : evaluateNode(node.right, ctx);
      const right = evaluateNode(node.right, ctx);
      if (node.op === '==') return equal(left, right);
      if (node.op === '!=') return !equal(left, right);
      return compare(left, right, node.op);
    }
    case 'call':
      return call(node.name, node.args, ctx);
  }
}

function call(name: string, argNodes: Node[], ctx: ExpressionContext): Value {
  const args = () => argNodes.map((arg) => evaluateNode(arg, ctx));
  const status = ctx.status ?? { success: true, failure: false, cancelled: false };
  switch (name) {
    case 'success':
      return status.success;
    case 'failure':
      return status.failure;
    case 'cancelled':
      return status.cancelled;
    case 'always':
      return true;
    case 'contains': {
      const [search = null, item = null] = args();
      if (Array.isArray(search)) return search.some((value) => equal(value, item));
      return toText(search).toLowerCase().includes(toText(item).toLowerCase());
    }
    case 'startswith': {
      const [text = null, prefix = null] = args();
      return toText(text).toLowerCase().startsWith(toText(prefix).toLowerCase());
    }
    case 'endswith': {
      const [text = null, suffix = null] = args();
      return toText(text).toLowerCase().endsWith(toText(suffix).toLowerCase());
    }
    case 'format': {
      const [template = null, ...rest] = args();
      return format(toText(template), rest);
    }
    case 'join': {
      const [items = null, separator = ','] = args();
      return Array.isArray(items) ? items.map(toText).join(toText(separator)) : toText(items);
    }
    case 'tojson':
      return JSON.stringify(args()[0] ?? null, null, 2);
    case 'fromjson':
      return JSON.parse(toText(args()[0] ?? null)) as Value;
    default:
      throw new Error(`${name}() is not supported by this driver`);
  }
}

/** Evaluates one expression (the text inside `${{ }}`). */
export function evaluate(expression: string, ctx: ExpressionContext): Value {
  return evaluateNode(new Parser(tokenize(expression), expression).parse(), ctx);
}

const TEMPLATE = /\$\{\{([\s\S]*?)\}\}/g;

/** A YAML value with `${{ }}` in it: one whole expression keeps its type, anything else becomes text. */
export function evaluateTemplate(value: unknown, ctx: ExpressionContext): Value {
  if (typeof value !== 'string') return (value ?? null) as Value;
  const whole = /^\s*\$\{\{([\s\S]*?)\}\}\s*$/.exec(value);
  if (whole && !(whole[1] ?? '').includes('}}')) return evaluate(whole[1] ?? '', ctx);
  return value.replace(TEMPLATE, (_, expression: string) => toText(evaluate(expression, ctx)));
}

/** An `if:` condition: with or without `${{ }}`; success() is implied when no status function appears. */
export function evaluateCondition(condition: unknown, ctx: ExpressionContext): boolean {
  if (condition === undefined || condition === null) return ctx.status?.success ?? true;
  if (typeof condition === 'boolean') return condition && (ctx.status?.success ?? true);
  let expression = String(condition).trim();
  const wrapped = /^\$\{\{([\s\S]*)\}\}$/.exec(expression);
  if (wrapped) expression = (wrapped[1] ?? '').trim();
  if (!/\b(success|failure|always|cancelled)\s*\(/i.test(expression))
    expression = `success() && (${expression})`;
  return truthy(evaluate(expression, ctx));
}

// ─── Workflows ────────────────────────────────────────────────────────────────────────────────────────

// biome-ignore lint/suspicious/noExplicitAny: workflow YAML is untyped by nature
type Yaml = any;

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
  /** For a matrix job: how many legs it ran, and the most that ran at once. */
  legs?: number;
  peakParallel?: number;
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

/**
 * The combinations of a job's `strategy.matrix` (one empty one without a matrix): a map of lists, or an
 * expression (`${{ fromJSON(needs.plan.outputs.matrix) }}`) giving one, crossed like GitHub does, then
 * `include` entries added as combinations of their own and `exclude` entries removed.
 */
export function matrixLegs(strategy: Yaml, ctx: ExpressionContext): Record<string, Value>[] {
  if (!strategy?.matrix) return [{}];
  const evaluate = (value: unknown): Value =>
    typeof value === 'string'
      ? evaluateTemplate(value, ctx)
      : Array.isArray(value)
        ? value.map(evaluate)
        : (value as Value);
  const matrix = evaluate(strategy.matrix);
  if (matrix === null || typeof matrix !== 'object' || Array.isArray(matrix)) {
    throw new Error(`strategy.matrix must be a map of lists, got ${JSON.stringify(matrix)}`);
  }
  let legs: Record<string, Value>[] = [{}];
  for (const [key, raw] of Object.entries(matrix)) {
    if (key === 'include' || key === 'exclude') continue;
    const values = evaluate(raw);
    if (!Array.isArray(values))
      throw new Error(`strategy.matrix.${key} must be a list, got ${JSON.stringify(values)}`);
    legs = legs.flatMap((leg) => values.map((value) => ({ ...leg, [key]: value })));
  }
  const matches = (leg: Record<string, Value>, entry: Value) =>
    entry !== null &&
    typeof entry === 'object' &&
    !Array.isArray(entry) &&
    Object.entries(entry).every(([k, v]) => JSON.stringify(leg[k]) === JSON.stringify(v));
  const exclude = evaluate(matrix.exclude ?? []);
  if (Array.isArray(exclude)) legs = legs.filter((leg) => !exclude.some((entry) => matches(leg, entry)));
  const include = evaluate(matrix.include ?? []);
  if (Array.isArray(include)) {
    for (const entry of include)
      if (entry && typeof entry === 'object' && !Array.isArray(entry)) legs.push(entry);
  }
  if (Object.keys(matrix).length > 0 && legs.length === 0)
    throw new Error('strategy.matrix gives no combination');
  if (legs.length > 256)
    throw new Error(`strategy.matrix gives ${legs.length} combinations; GitHub runs at most 256`);
  return legs;
}

/** Runs `work` over the items with at most `limit` at once; results in item order. */
async function runPool<T, R>(
  items: T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
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
      // A matrix job runs once per combination (its legs), at most max-parallel at once, each on a fresh
      // workspace; it fails when a leg fails, and its outputs are those the legs set, the last one winning.
      const legs = matrixLegs(job.strategy, { contexts: contexts({}) });
      const maxParallel = Number(
        evaluateTemplate(job.strategy?.['max-parallel'] ?? legs.length, { contexts: contexts({}) }),
      );
      record.legs = legs.length;
      let peak = 0;
      let running = 0;
      const runLeg = async (matrix: Record<string, Value>, legIndex: number) => {
        const legName =
          legs.length > 1 || job.strategy?.matrix
            ? `${jobId} (${Object.values(matrix).map(toText).join(', ')})`
            : jobId;
        const legWorkspace = legs.length > 1 ? join(base, `${jobId}-${legIndex + 1}`) : workspace;
        await mkdir(legWorkspace, { recursive: true });
        const legGithub = { ...github, workspace: legWorkspace };
        const legContexts: Record<string, Value> = {
          github: legGithub,
          matrix: matrix as Value,
          strategy: { 'job-index': legIndex, 'job-total': legs.length, 'max-parallel': maxParallel },
        };
        log(`job ${legName}: running`);
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
          evaluateTemplate(job['timeout-minutes'] ?? 360, {
            contexts: contexts({ ...legContexts, job: jobContext }),
          }),
        );
        const deadline = Date.now() + timeoutMinutes * 60_000;
        let failed = false;
        const jobEnv = evaluateMap(job.env, {
          contexts: contexts({ ...legContexts, job: jobContext, steps }),
        });
        const temp = join(legWorkspace, '_temp');
        await mkdir(temp, { recursive: true });

        for (const [index, step] of (job.steps ?? []).entries()) {
          const stepKey = step.id ?? `step-${index}`;
          const name = stepName(step, { contexts: contexts({ ...legContexts, job: jobContext, steps }) });
          const envContext = { ...workflowEnv, ...jobEnv, ...fileEnv } as Record<string, Value>;
          const ctx = (): ExpressionContext => ({
            contexts: contexts({ ...legContexts, job: jobContext, steps, env: envContext }),
            status: { success: !failed, failure: failed, cancelled: false },
          });
          const stepRecord: StepRecord = {
            job: legName,
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
              const cwd = directory
                ? join(legWorkspace, toText(evaluateTemplate(directory, ctx())))
                : legWorkspace;
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
                const result = await runScript(script, cwd, env, legWorkspace, remaining);
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
                const result = await runLocalAction(root, id, withValues, env, legGithub, remaining);
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
                  await mkdir(dirname(join(legWorkspace, withValues.path)), { recursive: true });
                  await symlink(root, join(legWorkspace, withValues.path));
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
        log(`job ${legName}: ${failed ? 'failure' : 'success'}`);
        return {
          failed,
          outputs: evaluateMap(job.outputs, {
            contexts: contexts({ ...legContexts, job: jobContext, steps }),
          }),
        };
      };
      const results = await runPool(legs, Math.max(1, maxParallel), async (matrix, legIndex) => {
        running++;
        peak = Math.max(peak, running);
        try {
          return await runLeg(matrix, legIndex);
        } finally {
          running--;
        }
      });
      record.peakParallel = peak;
      const failed = results.some((r) => r.failed);
      record.outputs = Object.assign({}, ...results.map((r) => r.outputs));
      record.result = failed ? 'failure' : 'success';
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

interface ProcessResult {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  summary: string;
  outputs: Record<string, string>;
  env: Record<string, string>;
  path: string[];
}

async function runScript(
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
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
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

async function runLocalAction(
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

// ─── Command line ─────────────────────────────────────────────────────────────────────────────────────

async function main(argv: string[]): Promise<number> {
  const [workflow, ...rest] = argv;
  if (!workflow) {
    console.error(
      'usage: tsx scripts/workflows-e2e.ts <workflow.yml> [--input name=value]… [--secret NAME]… [--step-input job.step.name=value]…',
    );
    return 2;
  }
  const inputs: Record<string, string> = {};
  const secrets: Record<string, string> = {};
  const stepInputs: Record<string, Record<string, string>> = {};
  for (let i = 0; i < rest.length; i += 2) {
    const [flag, value = ''] = [rest[i], rest[i + 1]];
    const eq = value.indexOf('=');
    if (flag === '--input' && eq > 0) inputs[value.slice(0, eq)] = value.slice(eq + 1);
    else if (flag === '--secret' && value) {
      const secret = process.env[value];
      if (secret === undefined) throw new Error(`--secret ${value}: set the environment variable ${value}`);
      secrets[value] = secret;
    } else if (flag === '--step-input' && eq > 0) {
      const key = value.slice(0, eq);
      const dot = key.lastIndexOf('.');
      const step = key.slice(0, dot);
      stepInputs[step] = { ...stepInputs[step], [key.slice(dot + 1)]: value.slice(eq + 1) };
    } else {
      console.error(`unknown argument ${flag} ${value}`);
      return 2;
    }
  }
  const result = await runWorkflow({
    workflow,
    inputs,
    secrets,
    stepInputs,
    log: (line) => console.log(line),
  });
  for (const [name, value] of Object.entries(result.outputs)) console.log(`output ${name}=${value}`);
  return Object.values(result.jobs).some((job) => job.result === 'failure') ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
