// Jobs as the runner runs them: a synthetic workflow (run: steps, a local action through the runner
// protocol, job needs and conditions, the mongo-shipkit checkout and install replaced, stubs) in a
// temporary repository.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { runWorkflow, type StubContext } from './jobs';

const ACTION = `name: Echo
description: Says hello.
inputs:
  name:
    description: Who.
    required: true
  token:
    description: A secret.
    required: true
  shout:
    description: Louder.
    default: \${{ github.repository }}
outputs:
  greeting:
    description: The greeting.
runs:
  using: node24
  main: dist/index.js
`;

const BUNDLE = `const fs = require('node:fs');
const name = process.env['INPUT_NAME'];
fs.appendFileSync(process.env.GITHUB_OUTPUT,
  'greeting=hello ' + name + '\\n' +
  'token-length=' + process.env['INPUT_TOKEN'].length + '\\n' +
  'shout=' + process.env['INPUT_SHOUT'] + '\\n' +
  'region=' + (process.env.AWS_REGION || '') + '\\n');
if (name === 'fail') process.exit(1);
`;

const WORKFLOW = `
on:
  workflow_call:
    inputs:
      name:
        type: string
        required: true
      loud:
        type: boolean
        default: false
    secrets:
      TOKEN:
        required: true
    outputs:
      greeting:
        value: \${{ jobs.first.outputs.greeting }}
defaults:
  run:
    shell: bash
jobs:
  first:
    runs-on: ubuntu-latest
    outputs:
      greeting: \${{ steps.echo.outputs.greeting }}
    steps:
      - name: Check out mongo-shipkit
        uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1
        with:
          path: .shipkit
      - name: Install
        working-directory: .shipkit
        run: npm ci --omit=dev
      - name: Prepare
        id: prepare
        env:
          NAME: \${{ inputs.name }}
        run: |
          test -f .shipkit/actions/echo/action.yml
          echo "who=$NAME" >>"$GITHUB_OUTPUT"
          echo "AWS_REGION=eu-west-3" >>"$GITHUB_ENV"
      - name: Loud
        if: inputs.loud
        run: exit 1
      - name: Echo
        id: echo
        uses: ./.shipkit/actions/echo
        with:
          name: \${{ steps.prepare.outputs.who }}
          token: \${{ secrets.TOKEN }}
      - name: Allowed to fail
        continue-on-error: true
        run: exit 3
  second:
    needs: first
    runs-on: ubuntu-latest
    steps:
      - name: Fail
        id: fail
        uses: ./actions/echo
        with:
          name: fail
          token: x
      - name: After a failure
        run: echo never
      - name: Only on failure
        if: failure()
        env:
          GREETING: \${{ needs.first.outputs.greeting }}
        run: echo "first said $GREETING"
  third:
    needs: second
    runs-on: ubuntu-latest
    steps:
      - run: echo never
  report:
    needs: [first, second, third]
    if: \${{ !cancelled() }}
    runs-on: ubuntu-latest
    steps:
      - uses: actions/github-script@ed597411d8f924073f98dfc5c65a23a2325f34cd
        env:
          RESULTS: first=\${{ needs.first.result }} second=\${{ needs.second.result }} third=\${{ needs.third.result }}
        with:
          script: core.notice('hi')
      - uses: some/unknown-action@0123456789012345678901234567890123456789
`;

const CALLED = `
on:
  workflow_call:
    inputs:
      name:
        type: string
        required: true
      loud:
        type: boolean
        default: true
    secrets:
      TOKEN:
        required: false
    outputs:
      said:
        value: \${{ jobs.say.outputs.said }}
jobs:
  say:
    runs-on: ubuntu-latest
    outputs:
      said: \${{ steps.say.outputs.said }}
    steps:
      - id: say
        env:
          NAME: \${{ inputs.name }}
          LOUD: \${{ inputs.loud }}
          TOKEN: \${{ secrets.TOKEN }}
        run: echo "said=$NAME loud=$LOUD token=\${#TOKEN}" >>"$GITHUB_OUTPUT"
`;

const CALLER = `
on:
  workflow_dispatch:
    inputs:
      who:
        default: Ada
jobs:
  call:
    if: github.ref == 'refs/heads/main'
    uses: acme/mongo-shipkit/.github/workflows/called.yml@v1
    with:
      name: \${{ inputs.who }}
      loud: false
    secrets:
      TOKEN: \${{ secrets.APP_TOKEN }}
  inherit:
    uses: ./.github/workflows/called.yml
    with:
      name: \${{ vars.MISSING }}
    secrets: inherit
  after:
    needs: call
    runs-on: ubuntu-latest
    steps:
      - env:
          SAID: \${{ needs.call.outputs.said }}
        run: echo "$SAID"
`;

describe('runWorkflow', () => {
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'workflows-e2e-'));
    await mkdir(join(root, 'actions', 'echo', 'dist'), { recursive: true });
    await mkdir(join(root, '.github', 'workflows'), { recursive: true });
    await writeFile(join(root, 'actions', 'echo', 'action.yml'), ACTION);
    await writeFile(join(root, 'actions', 'echo', 'dist', 'index.js'), BUNDLE);
    await writeFile(join(root, 'workflow.yml'), WORKFLOW);
    await writeFile(join(root, '.github', 'workflows', 'called.yml'), CALLED);
    await writeFile(join(root, 'caller.yml'), CALLER);
  });

  test('runs a job that calls a reusable workflow of this checkout, with its inputs, secrets and condition', async () => {
    const run = (ref: string) =>
      runWorkflow({
        workflow: 'caller.yml',
        root,
        github: { ref, event_name: 'workflow_dispatch' },
        secrets: { APP_TOKEN: 'token-1234' },
      });
    const main = await run('refs/heads/main');
    expect(Object.fromEntries(Object.entries(main.jobs).map(([id, job]) => [id, job.result]))).toEqual({
      call: 'success',
      inherit: 'success',
      after: 'success',
    });
    expect(main.jobs.call?.outputs).toEqual({ said: 'Ada loud=false token=10' });
    // secrets: inherit passes the caller's secrets by name; a missing variable is an empty input.
    expect(main.jobs.inherit?.outputs).toEqual({ said: ' loud=true token=0' });
    expect(main.steps.find((step) => step.job === 'after')?.stdout).toBe('Ada loud=false token=10\n');
    expect(main.steps.map((step) => step.job)).toEqual(['call / say', 'inherit / say', 'after']);

    const feature = await run('refs/heads/feature/x');
    expect(feature.jobs.call?.result).toBe('skipped');
    expect(feature.jobs.after?.result).toBe('skipped');
  }, 60_000);

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  test('runs the jobs in order, passing outputs, env and results along as the runner does', async () => {
    const stubbed: StubContext[] = [];
    const result = await runWorkflow({
      workflow: 'workflow.yml',
      root,
      inputs: { name: 'Ada' },
      secrets: { TOKEN: 'secret-token-value' },
      stubs: {
        'actions/github-script': async (context) => {
          stubbed.push(context);
          return {};
        },
      },
    });
    const step = (job: string, name: string) => result.jobs[job]?.steps.find((s) => s.name === name);

    expect(result.jobs.first?.result).toBe('success');
    expect(step('first', 'Check out mongo-shipkit')).toMatchObject({ kind: 'simulated', outcome: 'success' });
    expect(step('first', 'Install')).toMatchObject({
      kind: 'simulated',
      note: expect.stringContaining('installed'),
    });
    expect(step('first', 'Loud')?.outcome).toBe('skipped');
    expect(step('first', 'Echo')).toMatchObject({
      kind: 'action',
      outcome: 'success',
      outputs: { greeting: 'hello Ada', 'token-length': '18', shout: 'acme/shop', region: 'eu-west-3' },
    });
    expect(step('first', 'Allowed to fail')).toMatchObject({ outcome: 'failure', conclusion: 'success' });
    expect(result.outputs).toEqual({ greeting: 'hello Ada' });

    expect(result.jobs.second?.result).toBe('failure');
    expect(step('second', 'Fail')?.outcome).toBe('failure');
    expect(step('second', 'After a failure')?.outcome).toBe('skipped');
    expect(step('second', 'Only on failure')?.stdout).toBe('first said hello Ada\n');
    expect(result.jobs.third?.result).toBe('skipped');

    expect(stubbed).toHaveLength(1);
    expect(stubbed[0]?.env.RESULTS).toBe('first=success second=failure third=skipped');
    expect(stubbed[0]?.with.script).toBe("core.notice('hi')");
    expect(result.jobs.report?.result).toBe('failure');
    expect(result.jobs.report?.steps[1]).toMatchObject({
      outcome: 'failure',
      note: expect.stringContaining('no stub'),
    });
  }, 60_000);

  test('refuses inputs the workflow does not take, and requires its required ones', async () => {
    await expect(
      runWorkflow({ workflow: 'workflow.yml', root, inputs: { name: 'x', nope: 1 } }),
    ).rejects.toThrow(/no input 'nope'/);
    await expect(runWorkflow({ workflow: 'workflow.yml', root })).rejects.toThrow(/needs the input 'name'/);
  });
});
