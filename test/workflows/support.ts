/** Shared by the workflow drift tests: the files, their parsed YAML, our actions' metadata and actionlint. */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { type ActionMetadata, listActions } from '../../scripts/docs';
import { binDir } from '../servers/index';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

// biome-ignore lint/suspicious/noExplicitAny: parsed workflow YAML is untyped by nature
export type Yaml = any;

export interface WorkflowFile {
  /** Relative to the repository root. */
  path: string;
  text: string;
  doc: Yaml;
  kind: 'workflow' | 'template';
}

function yamlFiles(folder: string): string[] {
  const dir = join(repoRoot, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => `${folder}/${name}`);
}

function load(path: string, kind: WorkflowFile['kind']): WorkflowFile {
  const text = readFileSync(join(repoRoot, path), 'utf8');
  return { path, text, doc: parse(text), kind };
}

let cachedWorkflows: WorkflowFile[] | undefined;
let cachedTemplates: WorkflowFile[] | undefined;

/** .github/workflows/*.yml, read once per test file. */
export function workflows(): WorkflowFile[] {
  cachedWorkflows ??= yamlFiles('.github/workflows').map((path) => load(path, 'workflow'));
  return cachedWorkflows;
}

/** workflows-templates/*.yml, read once per test file. */
export function templates(): WorkflowFile[] {
  cachedTemplates ??= yamlFiles('workflows-templates').map((path) => load(path, 'template'));
  return cachedTemplates;
}

/** `on:` as an object, whatever form it was written in. */
export function triggers(doc: Yaml): Record<string, Yaml> {
  const on = doc?.on ?? doc?.true; // YAML 1.1 parsers read a bare `on` key as true
  if (typeof on === 'string') return { [on]: null };
  if (Array.isArray(on)) return Object.fromEntries(on.map((name: string) => [name, null]));
  return on ?? {};
}

export function isReusable(file: WorkflowFile): boolean {
  return 'workflow_call' in triggers(file.doc);
}

export function reusableWorkflows(): WorkflowFile[] {
  return workflows().filter(isReusable);
}

export function jobs(file: WorkflowFile): [string, Yaml][] {
  return Object.entries(file.doc?.jobs ?? {});
}

export function steps(job: Yaml): Yaml[] {
  return Array.isArray(job?.steps) ? job.steps : [];
}

/**
 * The action id when `uses` names one of this repository's actions: `./actions/<id>` (this repository's
 * own workflows), `./.shipkit/actions/<id>` (reusable workflows, after checking out mongo-shipkit at the
 * workflow's commit) or `<owner>/<repo>/actions/<id>@<ref>`.
 */
export function ourAction(uses: string): string | undefined {
  const match =
    /^\.\/(?:\.shipkit\/)?actions\/([a-z0-9-]+)\/?$/.exec(uses) ??
    /^(?:SHIPKIT_REPO|[\w.-]+\/mongo-shipkit)\/actions\/([a-z0-9-]+)@[\w.-]+$/.exec(uses);
  return match?.[1];
}

export interface KnownAction {
  inputs: Record<string, { required: boolean; hasDefault: boolean }>;
  outputs: string[];
}

/** Every actions/<id>/action.yml, by id. */
export async function knownActions(): Promise<Map<string, KnownAction>> {
  const known = new Map<string, KnownAction>();
  for (const action of await listActions(repoRoot)) known.set(action.id, fromMetadata(action.metadata));
  return known;
}

function fromMetadata(metadata: ActionMetadata): KnownAction {
  return {
    inputs: Object.fromEntries(
      Object.entries(metadata.inputs ?? {}).map(([name, input]) => [
        name,
        { required: input?.required === true, hasDefault: input?.default !== undefined },
      ]),
    ),
    outputs: Object.keys(metadata.outputs ?? {}),
  };
}

export function actionlintPath(): string {
  const path = join(binDir(), 'actionlint');
  if (!existsSync(path)) {
    throw new Error(
      `actionlint is not at ${path}: run \`bash scripts/build-test-bins.sh\` (it builds the pinned actionlint ` +
        'with Go into that folder, which SHIPKIT_BIN_DIR overrides).',
    );
  }
  return path;
}

export interface Finding {
  message: string;
  filepath: string;
  line: number;
  column: number;
  kind: string;
}

/**
 * Findings that are not problems of the files: a bundle not built yet (`dist/index.js` missing) is
 * check-dist's finding, not a workflow's. (What actionlint itself does not know yet, the
 * `job.workflow_repository` / `job.workflow_sha` context, is ignored by `.github/actionlint.yaml`, which
 * a plain `actionlint` reads too.)
 */
const TOLERATED: { reason: string; test: (finding: Finding) => boolean }[] = [
  {
    reason: 'action bundle not built yet',
    test: (f) =>
      f.kind === 'action' &&
      /^file "dist\/index\.js" does not exist in "[^"]*\/actions\/[a-z0-9-]+"/.test(f.message),
  },
];

/** The repository's actionlint configuration, which actionlint reads from `<project>/.github/`. */
export const ACTIONLINT_CONFIG = '.github/actionlint.yaml';

/** Runs actionlint on `files` (relative to `cwd`, which must hold `.github/`) and returns the real findings. */
export async function actionlint(files: string[], cwd: string = repoRoot): Promise<Finding[]> {
  const binary = actionlintPath();
  const stdout = await new Promise<string>((done, fail) => {
    execFile(
      binary,
      ['-no-color', '-format', '{{json .}}', ...files],
      { cwd, maxBuffer: 16 * 1024 * 1024 },
      (error, out, err) => {
        // Exit code 1 means "found problems" and still prints them; anything else is a failure to run.
        if (error && error.code !== 1) fail(new Error(`actionlint failed: ${error.message}\n${err}`));
        else done(out);
      },
    );
  });
  const findings = (stdout.trim() ? JSON.parse(stdout) : []) as Finding[];
  return findings.filter((finding) => !TOLERATED.some((rule) => rule.test(finding)));
}

export function describeFindings(findings: Finding[]): string {
  return findings.map((f) => `${f.filepath}:${f.line}:${f.column}: ${f.message} [${f.kind}]`).join('\n');
}

/** Every `${{ … }}` expression in a string. */
export function expressions(text: string): string[] {
  return [...text.matchAll(/\$\{\{([\s\S]*?)\}\}/g)].map((m) => (m[1] ?? '').trim());
}
