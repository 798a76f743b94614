// `shipkit init-client` into a throwaway git repository, with the suite's real workflow templates.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { binDir } from '../../../test/servers/index';
import { shipkit } from './shipkit';

const exec = promisify(execFile);
const SUITE = 'acme-org/mongo-shipkit';

let repo: string;
let firstRun: Awaited<ReturnType<typeof shipkit>>;

async function generatedFiles(): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const walk = async (folder: string, prefix: string) => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      if (entry.name === '.git') continue;
      const path = `${prefix}${entry.name}`;
      if (entry.isDirectory()) await walk(join(folder, entry.name), `${path}/`);
      else files[path] = await readFile(join(folder, entry.name), 'utf8');
    }
  };
  await walk(repo, '');
  return files;
}

function init(...extra: string[]) {
  return shipkit(['init-client', 'acme', '--dir', repo, '--suite-repo', SUITE, ...extra], { env: {} });
}

beforeAll(async () => {
  repo = await mkdtemp(join(tmpdir(), 'client-repo-'));
  await exec('git', ['init', '-q', repo]);
  firstRun = await init();
});

afterAll(async () => {
  await rm(repo, { recursive: true, force: true });
});

describe('shipkit init-client', () => {
  it('writes the workflows, the branch policy, .env.example and docs/OPERATIONS.md', async () => {
    expect(firstRun.stderr).toBe('');
    expect(firstRun.code).toBe(0);
    const files = await generatedFiles();
    const workflows = Object.keys(files).filter((path) => path.startsWith('.github/workflows/'));
    expect(workflows.length).toBeGreaterThan(0);
    for (const path of [
      '.github/branch-policy.yml',
      '.env.example',
      'docs/OPERATIONS.md',
      '.shipkit/generated.json',
    ]) {
      expect(files[path]).toBeDefined();
    }
    expect(files['.gitignore']).toMatch(/^\.env$/m);
    expect(firstRun.stdout).toMatch(/\[x\] wrote \d+ file\(s\)/);
    expect(firstRun.stdout).toMatch(/\[ \] create the Render service/);
    expect(firstRun.stdout).toContain('type: web');
  });

  it('pins every reference into the suite to its major version and leaves no placeholder', async () => {
    const files = await generatedFiles();
    const version = JSON.parse(await readFile(new URL('../../../package.json', import.meta.url), 'utf8'))
      .version as string;
    const ref = `v${version.split('.')[0]}`;
    for (const [path, text] of Object.entries(files).filter(([p]) => p.startsWith('.github/workflows/'))) {
      const suiteUses = [...text.matchAll(/uses:\s*['"]?([^\s'"#]+)/g)]
        .map((m) => m[1] as string)
        .filter((uses) => uses.startsWith(`${SUITE}/`));
      for (const uses of suiteUses) expect(`${path}: ${uses}`).toMatch(new RegExp(`@${ref}$`));
      expect(text).not.toMatch(/<owner>\/<repo>|OWNER\/REPO/);
    }
  });

  it('writes workflows that actionlint accepts', async () => {
    const actionlint = join(binDir(), 'actionlint');
    if (!existsSync(actionlint)) {
      throw new Error(
        `actionlint is not in ${binDir()}: run \`bash scripts/build-test-bins.sh\` (or set SHIPKIT_BIN_DIR).`,
      );
    }
    const result = await exec(actionlint, ['-no-color'], { cwd: repo }).then(
      (out) => ({ code: 0, output: out.stdout + out.stderr }),
      (error: { code?: number; stdout?: string; stderr?: string }) => ({
        code: error.code ?? 1,
        output: `${error.stdout ?? ''}${error.stderr ?? ''}`,
      }),
    );
    expect(result.output).toBe('');
    expect(result.code).toBe(0);
  });

  it('writes an .env.example that env-check accepts as a template', async () => {
    const run = await shipkit(['env-check', '--file', '.env.example', '--template'], { cwd: repo });
    expect(run.stdout).toContain('no problems');
    expect(run.code).toBe(0);
  });

  it('changes nothing on a re-run', async () => {
    const before = await generatedFiles();
    const times = await Promise.all(
      Object.keys(before).map(async (p) => (await stat(join(repo, p))).mtimeMs),
    );
    const again = await init();
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/\[x\] generated files are up to date/);
    expect(again.stdout).not.toMatch(/^\s*(create|update|conflict|overwrite) /m);
    expect(await generatedFiles()).toEqual(before);
    expect(
      await Promise.all(Object.keys(before).map(async (p) => (await stat(join(repo, p))).mtimeMs)),
    ).toEqual(times);
  });

  it('previews with --dry-run without writing', async () => {
    const before = await generatedFiles();
    const preview = await init('--dry-run', '--suite-repo', 'other-org/mongo-shipkit');
    expect(preview.stdout).toMatch(/\[x\] would write \d+ file\(s\)/);
    expect(preview.stdout).toContain('+Generated by `shipkit init-client acme` from other-org/mongo-shipkit');
    expect(await generatedFiles()).toEqual(before);
  });

  it('keeps a local edit when the generated text changes, and overwrites it only with --force', async () => {
    const path = join(repo, 'docs/OPERATIONS.md');
    const edited = `${await readFile(path, 'utf8')}\n## Our on-call rota\n\nAda, then Linus.\n`;
    await writeFile(path, edited);

    // Unchanged template: the edit is simply kept.
    const same = await init();
    expect(same.stdout).toMatch(/kept\s+docs\/OPERATIONS\.md/);
    expect(await readFile(path, 'utf8')).toBe(edited);

    // Another suite repository changes every generated file: ours are updated, the edited one is not.
    const moved = await init('--suite-repo', 'other-org/mongo-shipkit');
    expect(moved.code).toBe(0);
    expect(moved.stdout).toMatch(/conflict\s+docs\/OPERATIONS\.md/);
    expect(moved.stdout).toMatch(/update\s+\.env\.example|update\s+\.github\/workflows\//);
    expect(moved.stdout).toContain('-Ada, then Linus.');
    expect(moved.stdout).toMatch(/\[!\] docs\/OPERATIONS\.md was edited locally/);
    expect(await readFile(path, 'utf8')).toBe(edited);

    const forced = await init('--suite-repo', 'other-org/mongo-shipkit', '--force');
    expect(forced.stdout).toMatch(/overwrite\s+docs\/OPERATIONS\.md/);
    expect(await readFile(path, 'utf8')).not.toContain('Ada, then Linus.');
    expect(await readFile(path, 'utf8')).toContain('other-org/mongo-shipkit');
  });

  it('refuses bad usage with a clear message and exit code 2', async () => {
    const noDir = await shipkit(['init-client', 'acme'], { env: {} });
    expect(noDir.code).toBe(2);
    expect(noDir.stderr).toContain('--dir is required');
    const badName = await shipkit(['init-client', 'Acme Shop', '--dir', repo], { env: {} });
    expect(badName.stderr).toMatch(/client name must be/);
    const noAdmin = await shipkit(['init-client', 'acme', '--dir', repo, '--provision'], { env: {} });
    expect(noAdmin.stderr).toMatch(
      /--provision needs an admin connection string: --admin-uri \(or ADMIN_MONGODB_URI\)/,
    );
    const noToken = await shipkit(['init-client', 'acme', '--dir', repo, '--github-repo', 'acme/shop'], {
      env: {},
    });
    expect(noToken.stderr).toMatch(/needs GITHUB_TOKEN/);
  });
});
