// actionlint on every workflow, every template (as a client gets it, and with its calls resolved against
// the reusable workflows here, so inputs and secrets are checked) and every action.yml (through a
// workflow that uses each action with its required inputs, which makes actionlint read the metadata).
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { stringify } from 'yaml';
import { listActions } from '../../scripts/docs';
import { REPO_PLACEHOLDER, renderTemplate } from '../../workflows-templates/index';
import {
  ACTIONLINT_CONFIG,
  actionlint,
  actionlintPath,
  describeFindings,
  repoRoot,
  templates,
  workflows,
} from './support';

const timeout = 60_000;

describe('actionlint', () => {
  let project: string;

  beforeAll(async () => {
    actionlintPath(); // fails with how to build it, before anything else
    project = await mkdtemp(join(tmpdir(), 'shipkit-actionlint-'));
    await mkdir(join(project, '.git')); // actionlint looks for the repository root
    await mkdir(join(project, '.github', 'workflows'), { recursive: true });
    await copyFile(join(repoRoot, ACTIONLINT_CONFIG), join(project, ACTIONLINT_CONFIG));
    await symlink(join(repoRoot, 'actions'), join(project, 'actions'));
  });

  test(
    "passes as a contributor runs it: plain `actionlint` in the repository, with the repository's config",
    async () => {
      const run = (args: string[]) =>
        new Promise<{ code: number; output: string }>((done) => {
          execFile(actionlintPath(), ['-no-color', ...args], { cwd: repoRoot }, (error, stdout, stderr) =>
            done({
              code: typeof error?.code === 'number' ? error.code : error ? -1 : 0,
              output: `${stdout}${stderr}`,
            }),
          );
        });
      expect(await run([])).toEqual({ code: 0, output: '' });
      // The config is what makes it pass: with an empty one the job.workflow_* context is reported.
      const empty = join(project, 'empty-actionlint.yaml');
      await writeFile(empty, '');
      const bare = await run(['-config-file', empty]);
      expect(bare.code).toBe(1);
      expect(bare.output).toMatch(/property "workflow_repository" is not defined/);
    },
    timeout,
  );

  afterAll(async () => {
    if (project) await rm(project, { recursive: true, force: true });
  });

  test(
    "this repository's workflows",
    async () => {
      const files = workflows().map((w) => w.path);
      expect(files.length).toBeGreaterThan(0);
      const findings = await actionlint(files);
      expect(describeFindings(findings)).toBe('');
    },
    timeout,
  );

  test(
    'the templates and the caller in docs/USAGE.md, with their calls checked against the reusable workflows',
    async () => {
      const dir = join(project, '.github', 'workflows');
      const linted: string[] = [];
      for (const workflow of workflows()) {
        await writeFile(join(project, workflow.path), workflow.text);
      }
      for (const template of templates()) {
        const name = template.path.split('/').pop() as string;
        // As a client repository holds it.
        await writeFile(join(dir, `rendered-${name}`), renderTemplate(template.text, 'acme/mongo-shipkit'));
        // Calling the reusable workflows of this checkout, so actionlint checks every input and secret.
        const local = template.text.replace(
          new RegExp(`${REPO_PLACEHOLDER}/(\\.github/workflows/[\\w.-]+\\.ya?ml)@[\\w.-]+`, 'g'),
          './$1',
        );
        expect(local).not.toBe(template.text);
        await writeFile(join(dir, `local-${name}`), local);
        linted.push(`.github/workflows/rendered-${name}`, `.github/workflows/local-${name}`);
      }
      // The minimal caller in docs/USAGE.md, the same way.
      const usage = /```yaml\n([\s\S]*?)```/.exec(
        await readFile(join(repoRoot, 'docs', 'USAGE.md'), 'utf8'),
      )?.[1];
      expect(usage).toContain('<owner>/<repo>/.github/workflows/mongo-backup.yml@v1');
      await writeFile(
        join(dir, 'usage-nightly-backup.yml'),
        (usage ?? '').replace(/<owner>\/<repo>\/(\.github\/workflows\/[\w.-]+\.ya?ml)@[\w.-]+/g, './$1'),
      );
      linted.push('.github/workflows/usage-nightly-backup.yml');
      expect(linted.length).toBeGreaterThan(0);
      const findings = await actionlint(linted, project);
      expect(describeFindings(findings)).toBe('');
    },
    timeout,
  );

  test(
    'every action.yml',
    async () => {
      const actions = await listActions(repoRoot);
      expect(actions.length).toBeGreaterThan(0);
      const jobs: Record<string, unknown> = {};
      for (const action of actions) {
        const required = Object.entries(action.metadata.inputs ?? {}).filter(
          ([, input]) => input?.required === true,
        );
        jobs[action.id] = {
          'runs-on': 'ubuntu-latest',
          'timeout-minutes': 5,
          permissions: {},
          steps: [
            {
              uses: `./actions/${action.id}`,
              ...(required.length > 0
                ? { with: Object.fromEntries(required.map(([name]) => [name, 'x'])) }
                : {}),
            },
          ],
        };
      }
      const file = '.github/workflows/uses-every-action.yml';
      await writeFile(join(project, file), stringify({ name: 'uses every action', on: 'push', jobs }));
      const findings = await actionlint([file], project);
      expect(describeFindings(findings)).toBe('');
    },
    timeout,
  );
});
