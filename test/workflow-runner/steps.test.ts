// One step as the runner runs it: a bash script with the GITHUB_* files, and a local action through
// its bundle with every input given as with: says, else as action.yml defaults it.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { runLocalAction, runScript } from './steps';

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'workflow-steps-'));
  await mkdir(join(root, '_temp'), { recursive: true });
  await mkdir(join(root, 'actions', 'greet', 'dist'), { recursive: true });
  await writeFile(
    join(root, 'actions', 'greet', 'action.yml'),
    `name: Greet
inputs:
  name:
    description: Who.
    required: true
  repo:
    description: Where.
    default: \${{ github.repository }}
runs:
  using: node24
  main: dist/index.js
`,
  );
  await writeFile(
    join(root, 'actions', 'greet', 'dist', 'index.js'),
    `const fs = require('node:fs');
fs.appendFileSync(process.env.GITHUB_OUTPUT, 'said=hello ' + process.env.INPUT_NAME + ' of ' + process.env.INPUT_REPO + '\\n');
process.exitCode = process.env.INPUT_NAME === 'fail' ? 1 : 0;
`,
  );
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('runScript', () => {
  test('runs bash with -e and pipefail, and reads back outputs, env, path and the summary', async () => {
    const result = await runScript(
      [
        'echo "out=1" >> "$GITHUB_OUTPUT"',
        'echo "SEEN=$GIVEN" >> "$GITHUB_ENV"',
        'echo /opt/tool/bin >> "$GITHUB_PATH"',
        'echo "## done" >> "$GITHUB_STEP_SUMMARY"',
        'echo "ci=$CI actions=$GITHUB_ACTIONS"',
      ].join('\n'),
      root,
      { GIVEN: 'yes', PATH: process.env.PATH ?? '' },
      root,
      10_000,
    );
    expect(result).toMatchObject({
      exitCode: 0,
      stdout: 'ci=true actions=true\n',
      outputs: { out: '1' },
      env: { SEEN: 'yes' },
      path: ['/opt/tool/bin'],
      summary: '## done\n',
    });
    const failed = await runScript(
      'false | cat\necho unreachable',
      root,
      { PATH: process.env.PATH ?? '' },
      root,
      10_000,
    );
    expect(failed.exitCode).toBe(1);
    expect(failed.stdout).toBe('');
  });

  test('kills a script that outlives its timeout', async () => {
    const startedAt = Date.now();
    const result = await runScript('sleep 30', root, { PATH: process.env.PATH ?? '' }, root, 200);
    expect(result.exitCode).toBeNull();
    expect(Date.now() - startedAt).toBeLessThan(10_000);
  });
});

describe('runLocalAction', () => {
  const github = { repository: 'acme/shop', sha: 'abc', ref: 'refs/heads/main', event_name: 'push' };

  test('gives with: values, and action.yml defaults evaluated against the github context', async () => {
    const result = await runLocalAction(root, 'greet', { name: 'Ada' }, {}, github, 30_000);
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toEqual({ said: 'hello Ada of acme/shop' });
  });

  test('refuses an input the action does not declare, and a required one left out', async () => {
    await expect(
      runLocalAction(root, 'greet', { name: 'Ada', colour: 'red' }, {}, github, 30_000),
    ).rejects.toThrow("actions/greet has no input 'colour'");
    await expect(runLocalAction(root, 'greet', {}, {}, github, 30_000)).rejects.toThrow(
      "actions/greet needs the input 'name'",
    );
    await expect(runLocalAction(root, 'missing', {}, {}, github, 30_000)).rejects.toThrow(
      'actions/missing/dist/index.js does not exist',
    );
  });
});
