/**
 * The CLI as users get it: the bundle run from outside this repository, from a copy holding only what
 * the workflows check out (bin/ and packages/cli/dist), without its bundle, and with a bundle older than
 * the sources. It works wherever it is complete, and says how to rebuild it where it is not.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from '@jest/globals';
import { MongoClient } from 'mongodb';
import { SOURCES_FILE, staleness } from '../../scripts/bundle-sources';
import { TEMPLATES } from '../../workflows-templates/index';
import { testEnv, uniqueName } from '../support/env';
import { CLI_BUILD, repoRoot, runShipkit } from '../support/shipkit-process';
import { fault, scratchDir } from './harness';

let client: MongoClient;
const db = uniqueName('fault_bundle');
const scratch: { remove(): Promise<void> }[] = [];

async function folder(label: string): Promise<string> {
  const dir = await scratchDir(label);
  scratch.push(dir);
  return dir.path;
}

/** A copy of this repository's `paths` (and nothing else) in a folder of its own. */
async function copyOf(label: string, paths: string[]): Promise<string> {
  const root = await folder(label);
  for (const path of paths) await cp(join(repoRoot, path), join(root, path), { recursive: true });
  return root;
}

beforeAll(async () => {
  client = await new MongoClient(testEnv().mongodbUri).connect();
  await client
    .db(db)
    .collection<{ _id: number }>('orders')
    .insertMany(Array.from({ length: 200 }, (_, i) => ({ _id: i, total: i })));
});

afterAll(async () => {
  await client.db(db).dropDatabase();
  await client.close();
  for (const dir of scratch) await dir.remove();
});

fault(
  'init-client from the bundle, in a clean clone outside the repository',
  'exit 0; every workflow template installed',
  async () => {
    const clone = await folder('clone');
    execFileSync('git', ['init', '-q', clone]);
    const run = await runShipkit(['init-client', 'acme', '--dir', '.'], { cwd: clone });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const workflows = await readdir(join(clone, '.github', 'workflows'));
    expect(workflows.sort()).toEqual(TEMPLATES.map((t) => t.file).sort());
    return `exit ${run.code}: ${workflows.length} workflows installed (${workflows.join(', ')})`;
  },
);

fault(
  'the CLI from a copy of only bin/ and packages/cli/dist (what the workflows check out)',
  'backup, list and verify work from the copy',
  async () => {
    const copy = await copyOf('sparse', ['bin', 'packages/cli/dist']);
    expect((await readdir(copy)).sort()).toEqual(['bin', 'packages']);
    const bin = join(copy, 'bin', 'shipkit.js');
    const destination = `file://${join(copy, 'backups')}`;
    const backup = await runShipkit(['backup', '--to', destination, '--include', db, '--json'], {
      bin,
      cwd: copy,
      env: { MONGODB_URI: testEnv().mongodbUri },
    });
    expect(backup.stderr).not.toMatch(/error/i);
    expect(backup.code).toBe(0);
    const { backupId } = JSON.parse(backup.stdout) as { backupId: string };
    const list = await runShipkit(['list', '--at', destination], { bin, cwd: copy });
    expect(list.code).toBe(0);
    expect(list.stdout).toContain(backupId);
    const verify = await runShipkit(['verify', '--from', destination, '--latest'], { bin, cwd: copy });
    expect(verify.code).toBe(0);
    return `backup, list, verify: exit ${backup.code}, ${list.code}, ${verify.code} — backup ${backupId} verified`;
  },
);

fault(
  'the CLI bundle is missing (a copy of bin/ alone)',
  'exit 2 naming `npm run build -w packages/cli`; no stack trace, nothing else run',
  async () => {
    const copy = await copyOf('no-bundle', ['bin']);
    const run = await runShipkit(['list', '--at', `file://${copy}`], {
      bin: join(copy, 'bin', 'shipkit.js'),
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('npm run build -w packages/cli');
    expect(run.everything).not.toMatch(/\n\s+at /);
    return `exit ${run.code}: ${run.stderr.trim()}`;
  },
);

fault(
  'a source file changed after the bundle was built',
  'the bundled-CLI tests refuse to run, naming the file and the build command',
  async () => {
    const root = await folder('stale');
    const dist = join(root, 'packages', 'cli', 'dist');
    await mkdir(join(root, 'packages', 'cli', 'src'), { recursive: true });
    await mkdir(dist, { recursive: true });
    await writeFile(join(dist, 'index.js'), '');
    const built = 'export const answer = 41;\n';
    await writeFile(
      join(dist, SOURCES_FILE),
      JSON.stringify({ 'packages/cli/src/main.ts': createHash('sha256').update(built).digest('hex') }),
    );
    await writeFile(join(root, 'packages', 'cli', 'src', 'main.ts'), built);
    expect(staleness(dist, CLI_BUILD, root)).toBeUndefined();
    await writeFile(join(root, 'packages', 'cli', 'src', 'main.ts'), 'export const answer = 42;\n');
    const problem = staleness(dist, CLI_BUILD, root);
    expect(problem).toContain('packages/cli/src/main.ts changed since it was built');
    expect(problem).toContain(CLI_BUILD);
    return problem ?? '';
  },
);
