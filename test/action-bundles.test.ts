// What an action loads before it reads its inputs: its entry file alone — the engine, the AWS SDK and age
// are chunks loaded afterwards — within the size of the start-up budget. Checks the bundles
// as built in actions/*/dist (rebuild them first: `npm run package`); how fast they start is measured by
// bench/startup.ts, not here.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from '@jest/globals';
import { parse as parseYaml } from 'yaml';
import { STARTUP_BUDGET } from '../bench/budget';
import { repoRoot } from './support/shipkit-process';

interface Entry {
  action: string;
  kind: 'main' | 'post';
  file: string;
}

const entries: Entry[] = readdirSync(join(repoRoot, 'actions'))
  .sort()
  .flatMap((action) => {
    const { runs } = parseYaml(readFileSync(join(repoRoot, 'actions', action, 'action.yml'), 'utf8')) as {
      runs: { main: string; post?: string };
    };
    return [
      { action, kind: 'main' as const, file: join(repoRoot, 'actions', action, runs.main) },
      ...(runs.post
        ? [{ action, kind: 'post' as const, file: join(repoRoot, 'actions', action, runs.post) }]
        : []),
    ];
  });

/** Prints every file the process loads (import or require) to stderr as `loaded <url>`. */
const RECORD_LOADS = `data:text/javascript,${encodeURIComponent(
  "import { registerHooks } from 'node:module'; import { writeSync } from 'node:fs';" +
    "registerHooks({ load(url, context, next) { if (url.startsWith('file:')) writeSync(2, 'loaded ' + url + '\\n'); return next(url, context); } });",
)}`;

const scratch = mkdtempSync(join(tmpdir(), 'action-bundles-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The entry run as a step with these inputs only (nothing but PATH and HOME from this environment). */
function runBare(file: string, inputs: Record<string, string> = {}) {
  const child = spawnSync(process.execPath, ['--import', RECORD_LOADS, file], {
    cwd: scratch,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? scratch,
      TMPDIR: scratch,
      ...Object.fromEntries(
        Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value]),
      ),
    },
    encoding: 'utf8',
    timeout: 30_000,
  });
  const loaded = [...child.stderr.matchAll(/^loaded (file:\S+)$/gm)].map((m) =>
    relative(repoRoot, fileURLToPath(m[1] as string)),
  );
  return { status: child.status, stdout: child.stdout, loaded };
}

describe('action bundles', () => {
  it.each(entries.map((entry): [string, Entry] => [`${entry.action} (${entry.kind})`, entry]))(
    '%s loads only its entry file before it reads its inputs, within the size budget',
    (_name, { action, kind, file }) => {
      const built = statSync(file, { throwIfNoEntry: false });
      if (!built)
        throw new Error(`${relative(repoRoot, file)} is missing: run \`npm run build -w actions/${action}\``);
      expect(built.size).toBeLessThanOrEqual(STARTUP_BUDGET.eagerBytes);
      const run = runBare(file);
      if (kind === 'main') {
        // Every action needs an input or the runner's event: without them it fails on that, cleanly.
        expect(run.status).toBe(1);
        expect(run.stdout).toMatch(/^::error::/m);
        expect(run.stdout).not.toMatch(/\n\s+at /);
      } else {
        expect(run.status).toBe(0);
      }
      expect(run.loaded).toEqual([relative(repoRoot, file)]);
    },
  );

  it('would see an engine chunk loaded: verify-restore given a backup URL loads its engine to look there', () => {
    const run = runBare(join(repoRoot, 'actions', 'verify-restore', 'dist', 'index.js'), {
      backup: `file://${scratch}/no-such-backup`,
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^::error::/m);
    expect(run.loaded[0]).toBe('actions/verify-restore/dist/index.js');
    expect(run.loaded.slice(1)).toContainEqual(
      expect.stringMatching(/^actions\/verify-restore\/dist\/\d+\.index\.js$/),
    );
  });

  it.each([
    ['mongo-backup', ['mongodb', '@aws-sdk/client-s3', 'age-encryption', 'zod']],
    ['verify-restore', ['mongodb', '@aws-sdk/client-s3', 'age-encryption', 'zod']],
    ['branch-policy', ['yaml', 'zod']],
  ])("%s's licenses.txt names the packages of its lazily loaded chunks too", (action, packages) => {
    const text = readFileSync(join(repoRoot, 'actions', action, 'dist', 'licenses.txt'), 'utf8');
    const named = text.split('\n\n').map((block) => block.split('\n')[0]);
    for (const name of packages) expect(named).toContain(name);
  });
});
