import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { shipkit } from './shipkit';

let cwd: string;

beforeEach(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'policy-cli-'));
});
afterEach(async () => {
  await rm(cwd, { recursive: true, force: true });
});

/** Runs `shipkit policy …` in-process, through the CLI's main. */
async function shipkitPolicy(argv: string[]) {
  const run = await shipkit(['policy', ...argv], { cwd });
  return { code: run.code, stdout: run.stdout, logs: run.stderr };
}

async function writePolicy(text: string, path = '.github/branch-policy.yml'): Promise<void> {
  await mkdir(join(cwd, path, '..'), { recursive: true });
  await writeFile(join(cwd, path), text);
}

describe('shipkit policy check', () => {
  test('an allowed pair passes with exit code 0 and says which flow allowed it', async () => {
    const { code, stdout } = await shipkitPolicy(['check', '--from', 'feature/login', '--to', 'development']);
    expect(code).toBe(0);
    expect(stdout).toContain('feature/login → development: pass (the default policy)');
    expect(stdout).toMatch(/flows\s+pass\s+feature\/login → development \(flow feature\/\* → development\)/);
  });

  test('a refused pair fails with exit code 1, what matched and the fix', async () => {
    const { code, stdout } = await shipkitPolicy(['check', '--from', 'feature/login', '--to', 'main']);
    expect(code).toBe(1);
    expect(stdout).toContain('feature/login → main: fail (the default policy)');
    expect(stdout).toContain('fail  flows: feature/login may not be merged into main.');
    expect(stdout).toContain(
      '      matched: feature/login matches feature/*, which may target development only',
    );
    expect(stdout).toContain(
      "      fix: Change the base branch to development (Edit, next to the pull request's title).",
    );
  });

  test('--json prints one document with the verdict and the violations', async () => {
    const { code, stdout } = await shipkitPolicy(['check', '--from', 'login', '--to', 'main', '--json']);
    expect(code).toBe(1);
    const result = JSON.parse(stdout) as { verdict: string; violations: { rule: string }[]; policy: string };
    expect(result.verdict).toBe('fail');
    expect(result.policy).toBe('the default policy');
    expect(result.violations.map((v) => v.rule)).toEqual(['flows', 'naming']);
  });

  test('reads .github/branch-policy.yml from the working directory and checks --title', async () => {
    await writePolicy('titles:\n  types: [feat, fix]\n  require-scope: true\n');
    const { code, stdout } = await shipkitPolicy([
      'check',
      '--from',
      'feature/login',
      '--to',
      'development',
      '--title',
      'feat: add login',
      '--json',
    ]);
    expect(code).toBe(1);
    const result = JSON.parse(stdout) as { policy: string; violations: { rule: string; message: string }[] };
    expect(result.policy).toBe('.github/branch-policy.yml');
    expect(result.violations).toMatchObject([
      { rule: 'titles', message: 'The title has no scope, and a scope is required.' },
    ]);
  });

  test('without --title the title rule is left out, with a warning', async () => {
    await writePolicy('titles: {}\n');
    const { code, stdout, logs } = await shipkitPolicy([
      'check',
      '--from',
      'feature/login',
      '--to',
      'development',
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/titles\s+skipped\s+no --title given/);
    expect(logs).toBe('warning: .github/branch-policy.yml checks titles; pass --title to check one.\n');
  });

  test('--draft and --label apply the draft and override exceptions', async () => {
    const draft = await shipkitPolicy(['check', '--from', 'feature/x', '--to', 'main', '--draft']);
    expect(draft.code).toBe(0);
    expect(draft.stdout).toContain(
      'warn  flows: feature/x may not be merged into main. (draft pull request)',
    );
    const overridden = await shipkitPolicy([
      'check',
      '--from',
      'feature/x',
      '--to',
      'main',
      '--label',
      'policy-override',
    ]);
    expect(overridden.code).toBe(0);
    expect(overridden.stdout).toContain("(overridden by label 'policy-override')");
  });

  test.each([
    [['check', '--to', 'main'], '--from is required by policy check: the head (source) branch.'],
    [['check', '--from', 'feature/x'], '--to is required by policy check: the base (target) branch.'],
    [[], 'policy needs a subcommand: check or explain.'],
    [['lint'], "policy needs a subcommand: check or explain, got 'lint'."],
    [['explain', 'extra'], "policy explain takes no further arguments, got 'extra'."],
    [['explain', '--config', 'missing.yml'], '--config names missing.yml, which does not exist.'],
    [['check', '--form', 'feature/x'], 'shipkit policy has no option --form — did you mean --from?'],
  ])('usage error: %j exits 2, naming the option', async (argv, message) => {
    const run = await shipkitPolicy(argv);
    expect(run.code).toBe(2);
    expect(run.logs).toContain(`error: ${message}`);
  });

  test('an invalid policy file is reported with key and line', async () => {
    await writePolicy('naming:\n  lowercase: yes\n', 'policy.yml');
    const run = await shipkitPolicy(['explain', '--config', 'policy.yml']);
    expect(run.code).toBe(2);
    expect(run.logs).toContain("policy.yml:2:14: naming.lowercase: expected true or false, got 'yes'");
  });
});

describe('shipkit policy explain', () => {
  test('prints the effective policy as a table', async () => {
    const { code, stdout } = await shipkitPolicy(['explain']);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'Branch policy from the default policy',
      '',
      'rule        setting          value',
    ]);
    expect(lines[3]).toMatch(/^-{10} {2}-{15} {2}-+$/);
    expect(lines.slice(4, 6)).toEqual([
      'flows       flow 1           feature/*, fix/*, chore/*, docs/* → development',
      'flows       flow 2           development, release/*, hotfix/* → main',
    ]);
    expect(stdout).toMatch(/exceptions\s+override-label\s+policy-override/);
  });

  test('--json gives the policy and its settings', async () => {
    await writePolicy('protected:\n  allowed-actors: [release-bot]\n');
    const { stdout } = await shipkitPolicy(['explain', '--json']);
    const result = JSON.parse(stdout) as { source: string; policy: { protected: unknown } };
    expect(result.source).toBe('.github/branch-policy.yml');
    expect(result.policy.protected).toEqual({
      branches: ['main', 'development'],
      allowedActors: ['release-bot'],
    });
  });
});
