// scripts/release.ts against a real temporary repository with a bare remote; the slow `npm run package`
// is replaced by a command that writes a bundle stamped with the version.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';
import {
  changelogSection,
  compareVersions,
  parseVersion,
  ReleaseError,
  type ReleaseOptions,
  release,
  releaseChangelog,
} from '../../scripts/release';
import { repoRoot } from './support';

const CHANGELOG = `# Changelog

## [Unreleased]

### Added
- Nightly backups.

[Unreleased]: https://github.com/acme/mongo-shipkit/compare/v0.9.0...HEAD
`;

const TEMPLATE = `jobs:
  backup:
    uses: SHIPKIT_REPO/.github/workflows/mongo-backup.yml@v1
`;

const ACTION = `name: Demo
description: A demo action.
inputs:
  who:
    description: Who.
    required: true
runs:
  using: node24
  main: dist/index.js
`;

/** Writes actions/demo/dist/index.js stamped with the package version, as a build would. */
const BUILD = [
  process.execPath,
  '-e',
  "const fs = require('node:fs'); fs.mkdirSync('actions/demo/dist', { recursive: true }); " +
    "fs.writeFileSync('actions/demo/dist/index.js', '// demo ' + require('./package.json').version + '\\n');",
];

// Each case drives a real git repository (a few dozen git processes).
jest.setTimeout(90_000);

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

let root: string;
let work: string;
let remote: string;

function git(args: string[], cwd = work): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

async function write(path: string, text: string): Promise<void> {
  await mkdir(join(work, path, '..'), { recursive: true });
  await writeFile(join(work, path), text);
}

function commitAll(message: string): void {
  git(['add', '--all']);
  git(['commit', '--quiet', '-m', message]);
}

const date = new Date('2026-11-25T12:00:00Z');

function run(version: string, extra: Partial<ReleaseOptions> = {}) {
  const lines: string[] = [];
  return {
    lines,
    result: release({
      version,
      cwd: work,
      build: BUILD,
      now: () => date,
      log: (line) => lines.push(line),
      ...extra,
    }),
  };
}

async function expectRefusal(
  version: string,
  message: RegExp,
  extra: Partial<ReleaseOptions> = {},
): Promise<void> {
  const head = git(['rev-parse', 'HEAD']);
  const before = git(['status', '--porcelain', '--untracked-files=all']);
  const tags = git(['tag', '--list']);
  const error = await run(version, extra).result.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ReleaseError);
  expect((error as Error).message).toMatch(message);
  expect(git(['rev-parse', 'HEAD'])).toBe(head);
  expect(git(['status', '--porcelain', '--untracked-files=all'])).toBe(before);
  expect(git(['tag', '--list'])).toBe(tags);
}

async function addNotes(line: string): Promise<void> {
  const text = await readFile(join(work, 'CHANGELOG.md'), 'utf8');
  await writeFile(
    join(work, 'CHANGELOG.md'),
    text.replace('## [Unreleased]\n', `## [Unreleased]\n\n### Changed\n- ${line}\n`),
  );
  commitAll(`Notes: ${line}`);
}

function pushed(command: string): void {
  const [program = '', ...args] = command.split(' ');
  expect(program).toBe('git');
  git(args);
}

const commitOf = (ref: string, cwd = work) => git(['rev-parse', `${ref}^{commit}`], cwd);

describe('release', () => {
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'shipkit-release-'));
    work = join(root, 'work');
    remote = join(root, 'remote.git');
    git(['init', '--quiet', '--bare', '--initial-branch=main', remote], root);
    await mkdir(work);
    git(['init', '--quiet', '--initial-branch=main']);
    git(['config', 'user.name', 'Release Test']);
    git(['config', 'user.email', 'release@example.com']);
    git(['config', 'commit.gpgsign', 'false']);
    git(['config', 'tag.gpgsign', 'false']);
    await write(
      'package.json',
      json({
        name: 'mongo-shipkit',
        version: '0.9.0',
        private: true,
        workspaces: ['packages/*', 'actions/*'],
      }),
    );
    await write('packages/lib/package.json', json({ name: '@shipkit/lib', version: '0.9.0', private: true }));
    await write('actions/demo/package.json', json({ name: '@shipkit/action-demo', private: true }));
    await write('actions/demo/action.yml', ACTION);
    await write('actions/demo/dist/index.js', '// demo 0.9.0\n');
    await write(
      'package-lock.json',
      json({
        name: 'mongo-shipkit',
        version: '0.9.0',
        lockfileVersion: 3,
        packages: {
          '': { name: 'mongo-shipkit', version: '0.9.0', workspaces: ['packages/*', 'actions/*'] },
          'actions/demo': { name: '@shipkit/action-demo' },
          'packages/lib': { name: '@shipkit/lib', version: '0.9.0' },
          'node_modules/@shipkit/lib': { resolved: 'packages/lib', link: true },
        },
      }),
    );
    await write('CHANGELOG.md', CHANGELOG);
    await write('workflows-templates/nightly-backup.yml', TEMPLATE);
    commitAll('Initial');
    git(['remote', 'add', 'origin', remote]);
    git(['push', '--quiet', 'origin', 'main']);
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  test('bumps every version, releases the changelog, rebuilds dist/, commits, tags and moves v1 / v1.0', async () => {
    const { result, lines } = run('1.0.0');
    const outcome = await result;
    expect(outcome).toMatchObject({ version: '1.0.0', tag: 'v1.0.0', movedTags: ['v1', 'v1.0'] });
    expect(outcome.pushCommand).toBe('git push --atomic origin main v1.0.0');
    expect(lines.join('\n')).toContain('git push --atomic origin main v1.0.0');

    const read = async (path: string) => readFile(join(work, path), 'utf8');
    expect(JSON.parse(await read('package.json')).version).toBe('1.0.0');
    expect(JSON.parse(await read('packages/lib/package.json')).version).toBe('1.0.0');
    expect(Object.keys(JSON.parse(await read('actions/demo/package.json')))).toEqual([
      'name',
      'version',
      'private',
    ]);
    const lock = JSON.parse(await read('package-lock.json'));
    expect([
      lock.version,
      lock.packages[''].version,
      lock.packages['packages/lib'].version,
      lock.packages['actions/demo'].version,
    ]).toEqual(['1.0.0', '1.0.0', '1.0.0', '1.0.0']);
    const changelog = await read('CHANGELOG.md');
    expect(changelog).toContain(
      '## [Unreleased]\n\n## [1.0.0] - 2026-11-25\n\n### Added\n- Nightly backups.\n',
    );
    expect(changelog).toContain('[Unreleased]: https://github.com/acme/mongo-shipkit/compare/v1.0.0...HEAD');
    expect(changelog).toContain('[1.0.0]: https://github.com/acme/mongo-shipkit/compare/v0.9.0...v1.0.0');
    expect(await read('actions/demo/dist/index.js')).toBe('// demo 1.0.0\n');
    expect(await read('docs/actions/demo.md')).toContain('- uses: <owner>/<repo>/actions/demo@v1');

    // One commit with all of it, a clean tree, and the tags.
    expect(git(['status', '--porcelain', '--untracked-files=all'])).toBe('');
    expect(git(['log', '-1', '--format=%s'])).toBe('Release v1.0.0');
    expect(git(['show', '--name-only', '--format=', 'HEAD']).split('\n').sort()).toEqual(
      [
        'CHANGELOG.md',
        'actions/demo/dist/index.js',
        'actions/demo/package.json',
        'docs/actions/demo.md',
        'package-lock.json',
        'package.json',
        'packages/lib/package.json',
      ].sort(),
    );
    expect(git(['cat-file', '-t', 'v1.0.0'])).toBe('tag');
    expect(git(['tag', '--list', '--format=%(contents)', 'v1.0.0'])).toContain('- Nightly backups.');
    for (const tag of ['v1.0.0', 'v1', 'v1.0']) expect(commitOf(tag)).toBe(outcome.commit);

    // The printed command pushes main and the release tag; the moving tags follow on GitHub.
    pushed(outcome.pushCommand);
    expect(commitOf('main', remote)).toBe(outcome.commit);
    expect(commitOf('v1.0.0', remote)).toBe(outcome.commit);
    expect(git(['tag', '--list'], remote).split('\n')).toEqual(['v1.0.0']);
  }, 30_000);

  test('moves v1 to each minor release, keeps v1.0, and follows a new major in the templates', async () => {
    const first = await run('1.0.0').result;
    pushed(first.pushCommand);
    await addNotes('Faster restores.');
    const second = await run('1.1.0').result;
    pushed(second.pushCommand);
    expect(commitOf('v1')).toBe(second.commit);
    expect(commitOf('v1.1')).toBe(second.commit);
    expect(commitOf('v1.0')).toBe(first.commit);
    expect(commitOf('v1.0.0')).toBe(first.commit);
    expect(await readFile(join(work, 'workflows-templates/nightly-backup.yml'), 'utf8')).toContain(
      'mongo-backup.yml@v1',
    );

    await addNotes('Inputs renamed.');
    const third = await run('2.0.0').result;
    expect(third.movedTags).toEqual(['v2', 'v2.0']);
    expect(commitOf('v1')).toBe(second.commit);
    expect(commitOf('v2')).toBe(third.commit);
    expect(await readFile(join(work, 'workflows-templates/nightly-backup.yml'), 'utf8')).toContain(
      'uses: SHIPKIT_REPO/.github/workflows/mongo-backup.yml@v2',
    );
    expect(await readFile(join(work, 'docs/actions/demo.md'), 'utf8')).toContain('actions/demo@v2');
    expect(git(['show', '--name-only', '--format=', 'HEAD'])).toContain(
      'workflows-templates/nightly-backup.yml',
    );

    await addNotes('Release candidate.');
    const candidate = await run('2.1.0-rc.1').result;
    expect(candidate.movedTags).toEqual([]);
    expect(commitOf('v2')).toBe(third.commit);
    expect(git(['tag', '--list', 'v2.1'])).toBe('');
  }, 60_000);

  test('refuses what is not a semver version', async () => {
    for (const version of ['v1.0.0', '1.0', '1.0.0.0', 'latest', '01.0.0', '1.0.0+build.1', '']) {
      await expectRefusal(version, /is not a semver version/);
    }
  });

  test('refuses to go backwards, to repeat a version, or to reuse a tag', async () => {
    await expectRefusal('0.9.0', /does not come after the current version 0\.9\.0/);
    await expectRefusal('0.8.9', /versions only go up/);
    await expectRefusal('0.9.0-rc.1', /does not come after/);
    git(['tag', 'v1.0.0']);
    await expectRefusal('1.0.0', /Tag v1\.0\.0 already exists/);
    git(['tag', 'v1.2.0']);
    await expectRefusal('1.1.0', /newest release tag v1\.2\.0/);
  });

  test('refuses a dirty tree, another branch, a stale main, and missing notes', async () => {
    await writeFile(join(work, 'stray.txt'), 'x');
    await expectRefusal('1.0.0', /not clean[\s\S]*stray\.txt/);
    await rm(join(work, 'stray.txt'));

    await writeFile(join(work, 'package.json'), `${await readFile(join(work, 'package.json'), 'utf8')}\n`);
    await expectRefusal('1.0.0', /not clean/);
    git(['checkout', '--quiet', '--', 'package.json']);

    git(['checkout', '--quiet', '-b', 'feature/x']);
    await expectRefusal('1.0.0', /cut from main, but feature\/x is checked out/);
    git(['checkout', '--quiet', 'main']);

    const other = join(root, 'other');
    git(['clone', '--quiet', remote, other], root);
    git(
      [
        '-c',
        'user.name=Other',
        '-c',
        'user.email=o@example.com',
        'commit',
        '--quiet',
        '--allow-empty',
        '-m',
        'Elsewhere',
      ],
      other,
    );
    git(['push', '--quiet', 'origin', 'main'], other);
    await expectRefusal('1.0.0', /behind \(or has diverged from\) origin\/main: pull first/);
    git(['pull', '--quiet', '--ff-only', 'origin', 'main']);

    await writeFile(join(work, 'CHANGELOG.md'), CHANGELOG.replace('### Added\n- Nightly backups.\n', ''));
    commitAll('No notes');
    await expectRefusal('1.0.0', /nothing under "## \[Unreleased\]"/);
  }, 30_000);

  test('stops without committing when the build fails', async () => {
    const { result } = run('1.0.0', { build: [process.execPath, '-e', 'process.exit(3)'] });
    await expect(result).rejects.toThrow(/failed \(exit code 3\)[\s\S]*git checkout -- \./);
    expect(git(['log', '-1', '--format=%s'])).toBe('Initial');
    expect(git(['tag', '--list'])).toBe('');
  });

  test("commits the CLI's rebuilt bundle along with the actions'", async () => {
    const build = [
      process.execPath,
      '-e',
      `${BUILD[2]} fs.mkdirSync('packages/cli/dist', { recursive: true }); ` +
        "fs.writeFileSync('packages/cli/dist/index.js', '// cli ' + require('./package.json').version + '\\n');",
    ];
    const outcome = await run('1.0.0', { build }).result;
    expect(git(['show', '--name-only', '--format=', outcome.commit]).split('\n')).toEqual(
      expect.arrayContaining(['actions/demo/dist/index.js', 'packages/cli/dist/index.js']),
    );
    expect(await readFile(join(work, 'packages/cli/dist/index.js'), 'utf8')).toBe('// cli 1.0.0\n');
    expect(git(['status', '--porcelain', '--untracked-files=all'])).toBe('');
  }, 30_000);

  test('stops without committing when the build touches files outside dist/', async () => {
    const build = [
      process.execPath,
      '-e',
      "require('node:fs').writeFileSync('packages/lib/generated.txt', 'x')",
    ];
    await expect(run('1.0.0', { build }).result).rejects.toThrow(
      /outside actions\/\*\/dist[\s\S]*packages\/lib\/generated\.txt/,
    );
    expect(git(['log', '-1', '--format=%s'])).toBe('Initial');
  });
});

describe('versions and changelog', () => {
  test('semver precedence', () => {
    const order = [
      '0.9.0',
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-alpha.beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0-rc.1',
      '1.0.0',
      '1.0.1',
      '1.10.0',
      '2.0.0',
    ];
    const parsed = order.map((v) => parseVersion(v));
    expect(parsed.every(Boolean)).toBe(true);
    const shuffled = [...parsed].reverse().sort((a, b) => compareVersions(a!, b!));
    expect(shuffled.map((v) => v?.text)).toEqual(order);
  });

  test('a released section can be read back as the release notes', () => {
    const released = releaseChangelog(CHANGELOG, '1.0.0', '2026-11-25');
    expect(changelogSection(released, '1.0.0')).toBe('### Added\n- Nightly backups.');
    expect(changelogSection(released, 'Unreleased')).toBe('');
    expect(changelogSection(released, '0.1.0')).toBeUndefined();
    expect(() => releaseChangelog('# Changelog\n', '1.0.0', '2026-11-25')).toThrow(
      /no "## \[Unreleased\]" section/,
    );
  });

  test('the CLI refuses a bad version with exit code 1, and prints notes', () => {
    const cli = (args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'scripts/release.ts', ...args], {
        cwd: repoRoot,
        encoding: 'utf8',
      });
    const refused = cli(['one.two']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("'one.two' is not a semver version");
    const missing = cli(['notes', '99.0.0']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("no section for '99.0.0'");
  }, 30_000);
});
