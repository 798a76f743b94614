// This repository's own automation, as GitHub runs it: the CI gate runs `npm run all` on the servers
// .ci/run uses (versitygw from the cached test binaries, a MongoDB replica set), runs on main are never
// cancelled (the release waits for them), check-dist keeps every bundle it rebuilt, and Dependabot
// watches both the pinned actions and npm.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { parse } from 'yaml';
import { evaluate } from '../workflow-runner/index';
import { repoRoot, steps, type WorkflowFile, workflows, type Yaml } from './support';

function workflow(name: string): WorkflowFile {
  const file = workflows().find((w) => w.path === `.github/workflows/${name}`);
  if (!file) throw new Error(`no .github/workflows/${name}`);
  return file;
}

/** `cancel-in-progress` for an event, as GitHub evaluates it. */
function cancels(file: WorkflowFile, eventName: string): boolean {
  const value: unknown = file.doc.concurrency?.['cancel-in-progress'];
  if (typeof value === 'boolean') return value;
  const expression = /^\$\{\{([\s\S]*)\}\}$/.exec(String(value).trim())?.[1] ?? 'false';
  return (
    evaluate(expression, { contexts: { github: { event_name: eventName, ref: 'refs/heads/main' } } }) === true
  );
}

describe('ci.yml', () => {
  const ci = workflow('ci.yml');
  const gate = ci.doc.jobs.gate as Yaml;
  const scripts = steps(gate)
    .map((step: Yaml) => String(step.run ?? ''))
    .join('\n');

  test('runs the gate of .ci/run: the test binaries from scripts/build-test-bins.sh, then npm run all', () => {
    const ciRun = readFileSync(join(repoRoot, '.ci', 'run'), 'utf8');
    for (const command of ['bash scripts/build-test-bins.sh', 'npm run all']) {
      expect(ciRun).toContain(command);
      expect(scripts).toContain(command);
    }
  });

  test('uses versitygw as .ci/run does (no S3 server image, no S3_ENDPOINT), cached between runs', () => {
    expect(ci.text).not.toMatch(/minio/i);
    expect(JSON.stringify(gate.env ?? {})).not.toContain('S3_ENDPOINT');
    const cache = steps(gate).find((step: Yaml) => String(step.uses ?? '').startsWith('actions/cache@'));
    expect(cache?.with?.path).toBe('~/.cache/mongo-shipkit/bin');
    expect(cache?.with?.key).toContain(
      "hashFiles('test/servers/versions.env', 'scripts/build-test-bins.sh')",
    );
    const order = steps(gate).map((step: Yaml) => String(step.uses ?? step.run ?? ''));
    const cacheAt = order.findIndex((s) => s.startsWith('actions/cache@'));
    const buildAt = order.findIndex((s) => s.includes('build-test-bins.sh'));
    expect(cacheAt).toBeGreaterThanOrEqual(0);
    expect(cacheAt).toBeLessThan(buildAt);
  });

  test('runs against a real MongoDB replica set', () => {
    expect(gate.env?.MONGODB_URI).toContain('replicaSet=rs0');
    expect(scripts).toMatch(/docker run .* mongo:\d+\.\d+ --replSet rs0/);
    expect(scripts).toContain('rs.initiate()');
  });

  test.each([['ci.yml'], ['check-dist.yml'], ['dogfood.yml']])(
    '%s cancels superseded pull request runs only, never a run on main',
    (name) => {
      const file = workflow(name);
      expect(cancels(file, 'pull_request')).toBe(true);
      expect(cancels(file, 'push')).toBe(false);
    },
  );

  test('is the run the release waits for', () => {
    expect(workflow('release.yml').text).toContain('--workflow ci.yml --commit "$sha"');
  });
});

describe('check-dist.yml', () => {
  test('uploads every bundle it rebuilt when they differ, the CLI included', () => {
    const job = workflow('check-dist.yml').doc.jobs['check-dist'] as Yaml;
    const upload = steps(job).find((step: Yaml) =>
      String(step.uses ?? '').startsWith('actions/upload-artifact@'),
    );
    expect(upload?.if).toContain('failure()');
    const paths = String(upload?.with?.path ?? '')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    expect(paths.sort()).toEqual(['actions/*/dist/', 'packages/cli/dist/']);
    // The same bundles scripts/check-dist.js rebuilds and compares.
    const script = readFileSync(join(repoRoot, 'scripts', 'check-dist.js'), 'utf8');
    expect(script).toContain("['actions/*/dist', 'packages/cli/dist']");
  });
});

describe('.github/dependabot.yml', () => {
  test('updates the pinned actions and the npm packages of the repository root', () => {
    const config = parse(readFileSync(join(repoRoot, '.github', 'dependabot.yml'), 'utf8')) as Yaml;
    expect(config.version).toBe(2);
    const updates = (config.updates as Yaml[]).map((u) => [u['package-ecosystem'], u.directory]);
    expect(updates.sort()).toEqual([
      ['github-actions', '/'],
      ['npm', '/'],
    ]);
    for (const update of config.updates as Yaml[]) expect(update.schedule?.interval).toBe('weekly');
  });
});
