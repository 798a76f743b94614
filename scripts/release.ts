/**
 * Cuts a release locally (see docs/RELEASING.md):
 *
 *   npm run release -- <X.Y.Z>        bump, changelog, rebuild dist/, commit, tag, move vX / vX.Y locally
 *   tsx scripts/release.ts notes <X.Y.Z>   print that version's CHANGELOG.md section (the release workflow's notes)
 *
 * Refuses (before changing anything) a version that is not semver or not above the current one, a tag
 * that exists, a tree that is not clean, a branch other than main, a main behind its remote, and a
 * changelog without notes under "Unreleased". Nothing is pushed: it prints the push command.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateDocs } from './docs';

export class ReleaseError extends Error {}

export interface SemVer {
  major: number;
  minor: number;
  patch: number;
  prerelease: string[];
  text: string;
}

const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*)(?:\.(?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*))*))?$/;

/** X.Y.Z or X.Y.Z-pre.N (no leading v, no build metadata); undefined for anything else. */
export function parseVersion(text: string): SemVer | undefined {
  const match = SEMVER.exec(text);
  if (!match) return undefined;
  return {
    major: Number(match[1]),
    minor: Number(match[2]),
    patch: Number(match[3]),
    prerelease: match[4] ? match[4].split('.') : [],
    text,
  };
}

/** Semver precedence: negative when a < b. */
export function compareVersions(a: SemVer, b: SemVer): number {
  for (const key of ['major', 'minor', 'patch'] as const) if (a[key] !== b[key]) return a[key] - b[key];
  if (a.prerelease.length === 0 || b.prerelease.length === 0)
    return b.prerelease.length - a.prerelease.length;
  for (let i = 0; i < Math.min(a.prerelease.length, b.prerelease.length); i++) {
    const [x = '', y = ''] = [a.prerelease[i], b.prerelease[i]];
    if (x === y) continue;
    const [nx, ny] = [/^\d+$/.test(x), /^\d+$/.test(y)];
    if (nx && ny) return Number(x) - Number(y);
    if (nx !== ny) return nx ? -1 : 1;
    return x < y ? -1 : 1;
  }
  return a.prerelease.length - b.prerelease.length;
}

const UNRELEASED = /^## \[?Unreleased\]?[^\n]*$/im;

function sectionBounds(
  text: string,
  heading: RegExp,
): { start: number; bodyStart: number; end: number } | undefined {
  const match = heading.exec(text);
  if (!match) return undefined;
  const bodyStart = match.index + match[0].length;
  const rest = text.slice(bodyStart);
  const next = /^(## |\[[^\]]+\]:\s)/m.exec(rest);
  return { start: match.index, bodyStart, end: next ? bodyStart + next.index : text.length };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The notes of one version in a Keep a Changelog file, without the heading. */
export function changelogSection(text: string, version: string): string | undefined {
  const bounds = sectionBounds(text, new RegExp(`^## \\[?${escapeRegExp(version)}\\]?(?:\\s[^\\n]*)?$`, 'm'));
  return bounds ? text.slice(bounds.bodyStart, bounds.end).trim() : undefined;
}

/** Moves the "Unreleased" notes under a `## [version] - date` heading, leaving "Unreleased" empty. */
export function releaseChangelog(text: string, version: string, date: string): string {
  const bounds = sectionBounds(text, UNRELEASED);
  if (!bounds) throw new ReleaseError('CHANGELOG.md has no "## [Unreleased]" section.');
  const notes = text.slice(bounds.bodyStart, bounds.end).trim();
  if (!notes)
    throw new ReleaseError(
      'CHANGELOG.md has nothing under "## [Unreleased]": write the release notes first.',
    );
  const heading = text.slice(bounds.start, bounds.bodyStart);
  let result = `${text.slice(0, bounds.start)}${heading}\n\n## [${version}] - ${date}\n\n${notes}\n\n${text.slice(bounds.end).replace(/^\n+/, '')}`;
  // Keep a Changelog link references, when the file has them.
  const link = /^\[Unreleased\]:\s*(\S+)\/compare\/(v[^.\s]+\.[^.\s]+\.[^.\s]+)\.\.\.HEAD\s*$/im.exec(result);
  if (link) {
    const [line, base, previous] = link;
    result = result.replace(
      line,
      `[Unreleased]: ${base}/compare/v${version}...HEAD\n[${version}]: ${base}/compare/${previous}...v${version}`,
    );
  }
  return `${result.trimEnd()}\n`;
}

export interface ReleaseOptions {
  version: string;
  /** The repository (default: this one). */
  cwd?: string;
  branch?: string;
  remote?: string;
  /** Rebuilds the committed bundles; default `npm run package`. */
  build?: readonly string[];
  /** Fetch the branch from the remote to refuse releasing a stale main (default true when the remote exists). */
  fetch?: boolean;
  now?: () => Date;
  log?: (line: string) => void;
}

export interface ReleaseResult {
  version: string;
  tag: string;
  commit: string;
  /** vX and vX.Y, moved to the release commit (none for a pre-release). */
  movedTags: string[];
  pushCommand: string;
}

const defaultRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface Files {
  read(path: string): Promise<string>;
  write(path: string, text: string): Promise<void>;
}

function git(cwd: string, args: string[]): string {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new ReleaseError(`git ${args.join(' ')} failed: ${stderr.trim() || String(error)}`);
  }
}

function gitOk(cwd: string, args: string[]): boolean {
  try {
    execFileSync('git', args, { cwd, stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Folders matched by the root package.json `workspaces` (`dir/*` and plain paths) that hold a package.json. */
function workspaceFolders(root: string, patterns: readonly string[]): string[] {
  const folders: string[] = [];
  for (const pattern of patterns) {
    if (pattern.endsWith('/*')) {
      const base = pattern.slice(0, -2);
      if (!existsSync(join(root, base))) continue;
      for (const entry of readdirSync(join(root, base), { withFileTypes: true })) {
        if (entry.isDirectory() && existsSync(join(root, base, entry.name, 'package.json')))
          folders.push(`${base}/${entry.name}`);
      }
    } else if (existsSync(join(root, pattern, 'package.json'))) folders.push(pattern);
  }
  return folders.sort();
}

/** The object with `version` set, placed after `name` when it was missing. */
function withVersion<T extends Record<string, unknown>>(object: T, version: string): T {
  if ('version' in object) return { ...object, version };
  const entries = Object.entries(object);
  const at = entries.findIndex(([key]) => key === 'name') + 1;
  entries.splice(at, 0, ['version', version]);
  return Object.fromEntries(entries) as T;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** Rewrites `…/.github/workflows/<file>@vN` (templates, usage docs) to the released major. */
export function pinMajor(text: string, major: number): string {
  return text.replace(/(\/\.github\/workflows\/[\w.-]+\.ya?ml)@v\d+\b/g, `$1@v${major}`);
}

export async function release(options: ReleaseOptions): Promise<ReleaseResult> {
  const cwd = options.cwd ?? defaultRoot;
  const branch = options.branch ?? 'main';
  const remote = options.remote ?? 'origin';
  const log = options.log ?? ((line: string) => console.log(line));
  const files: Files = {
    read: (path) => readFile(join(cwd, path), 'utf8'),
    write: (path, text) => writeFile(join(cwd, path), text),
  };

  // 1. Everything that can refuse, before anything changes.
  const next = parseVersion(options.version);
  if (!next) {
    throw new ReleaseError(
      `'${options.version}' is not a semver version: expected X.Y.Z or X.Y.Z-pre.N (no leading v).`,
    );
  }
  const tag = `v${next.text}`;
  const current = git(cwd, ['symbolic-ref', '--quiet', '--short', 'HEAD']);
  if (current !== branch)
    throw new ReleaseError(`Releases are cut from ${branch}, but ${current} is checked out.`);
  const dirty = git(cwd, ['status', '--porcelain', '--untracked-files=all']);
  if (dirty) throw new ReleaseError(`The working tree is not clean; commit or remove these first:\n${dirty}`);
  const hasRemote = gitOk(cwd, ['remote', 'get-url', remote]);
  if (hasRemote && options.fetch !== false) git(cwd, ['fetch', '--quiet', '--tags', remote, branch]);
  if (hasRemote && gitOk(cwd, ['rev-parse', '--verify', '--quiet', `refs/remotes/${remote}/${branch}`])) {
    if (!gitOk(cwd, ['merge-base', '--is-ancestor', `${remote}/${branch}`, 'HEAD'])) {
      throw new ReleaseError(`${branch} is behind (or has diverged from) ${remote}/${branch}: pull first.`);
    }
  }
  const rootPackage = JSON.parse(await files.read('package.json')) as Record<string, unknown> & {
    version?: string;
    workspaces?: string[];
  };
  const previous = parseVersion(rootPackage.version ?? '0.0.0');
  if (!previous)
    throw new ReleaseError(`package.json has version '${rootPackage.version}', which is not semver.`);
  if (compareVersions(next, previous) <= 0) {
    throw new ReleaseError(
      `${next.text} does not come after the current version ${previous.text}: versions only go up.`,
    );
  }
  const tags = git(cwd, ['tag', '--list', 'v*']).split('\n').filter(Boolean);
  if (tags.includes(tag)) throw new ReleaseError(`Tag ${tag} already exists.`);
  const newest = tags
    .map((name) => parseVersion(name.slice(1)))
    .filter((v): v is SemVer => v !== undefined)
    .sort(compareVersions)
    .pop();
  if (newest && compareVersions(next, newest) <= 0) {
    throw new ReleaseError(`${next.text} does not come after the newest release tag v${newest.text}.`);
  }
  if (!existsSync(join(cwd, 'CHANGELOG.md'))) throw new ReleaseError('There is no CHANGELOG.md.');
  const date = (options.now ?? (() => new Date()))().toISOString().slice(0, 10);
  const changelog = releaseChangelog(await files.read('CHANGELOG.md'), next.text, date);
  const notes = changelogSection(changelog, next.text) ?? '';

  // 2. Versions, changelog, references to the major tag, docs.
  const changed = new Set<string>();
  const writeJson = async (path: string, value: unknown) => {
    await files.write(path, json(value));
    changed.add(path);
  };
  await writeJson('package.json', withVersion(rootPackage, next.text));
  const folders = workspaceFolders(cwd, rootPackage.workspaces ?? []);
  for (const folder of folders) {
    const path = `${folder}/package.json`;
    await writeJson(
      path,
      withVersion(JSON.parse(await files.read(path)) as Record<string, unknown>, next.text),
    );
  }
  if (existsSync(join(cwd, 'package-lock.json'))) {
    const lock = JSON.parse(await files.read('package-lock.json')) as {
      version?: string;
      packages?: Record<string, Record<string, unknown>>;
    };
    const packages = lock.packages ?? {};
    for (const key of ['', ...folders]) {
      const entry = packages[key];
      if (entry) packages[key] = withVersion(entry, next.text);
    }
    await writeJson('package-lock.json', { ...withVersion(lock, next.text), packages });
  }
  await files.write('CHANGELOG.md', changelog);
  changed.add('CHANGELOG.md');
  // The version manifests record, kept in source so bundles carry it.
  const toolFile = 'packages/backup/src/tool.ts';
  if (existsSync(join(cwd, toolFile))) {
    const text = await files.read(toolFile);
    const updated = text.replace(/version: '[^']*'/, `version: '${next.text}'`);
    if (updated !== text) {
      await files.write(toolFile, updated);
      changed.add(toolFile);
    }
  }
  if (next.major >= 1) {
    const pinned = [
      ...(existsSync(join(cwd, 'workflows-templates'))
        ? readdirSync(join(cwd, 'workflows-templates'))
            .filter((name) => /\.ya?ml$/.test(name))
            .map((name) => `workflows-templates/${name}`)
        : []),
      ...(existsSync(join(cwd, 'docs', 'USAGE.md')) ? ['docs/USAGE.md'] : []),
    ];
    for (const path of pinned) {
      const text = await files.read(path);
      const updated = pinMajor(text, next.major);
      if (updated !== text) {
        await files.write(path, updated);
        changed.add(path);
      }
    }
  }
  if (existsSync(join(cwd, 'actions'))) {
    const { outOfDate } = await generateDocs({ root: cwd });
    for (const path of outOfDate) changed.add(path);
  }
  log(`${previous.text} → ${next.text}: ${changed.size} files updated`);

  // 3. The bundles, built from the new version.
  const [command = 'npm', ...args] = options.build ?? ['npm', 'run', 'package'];
  log(`rebuilding dist/: ${[command, ...args].join(' ')}`);
  const built = spawnSync(command, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
  if (built.status !== 0) {
    throw new ReleaseError(
      `${[command, ...args].join(' ')} failed (${built.error?.message ?? `exit code ${built.status}`}). ` +
        'The tree holds the half-made release: `git checkout -- . && git clean -fd` returns to the last commit.',
    );
  }

  // 4. One commit, the annotated tag, the moving tags.
  // -z: NUL-separated `XY path` entries, unquoted (renames, which carry a second path, are not expected).
  const status = execFileSync('git', ['status', '--porcelain', '-z', '--untracked-files=all'], {
    cwd,
    encoding: 'utf8',
  });
  const paths = status
    .split('\0')
    .filter(Boolean)
    .map((entry) => entry.slice(3));
  // The bundles: each action's, and the CLI's (it carries the version and the workflow templates).
  const bundle = /^(actions\/[^/]+|packages\/cli)\/dist\//;
  const unexpected = paths.filter((path) => !changed.has(path) && !bundle.test(path));
  if (unexpected.length > 0) {
    throw new ReleaseError(
      'The build changed files outside actions/*/dist and packages/cli/dist (nothing was committed); check them, then ' +
        `\`git checkout -- . && git clean -fd\`:\n${unexpected.join('\n')}`,
    );
  }
  git(cwd, ['add', '--all', '--', ...paths]);
  git(cwd, ['commit', '--quiet', '-m', `Release ${tag}`]);
  const commit = git(cwd, ['rev-parse', 'HEAD']);
  git(cwd, ['tag', '--annotate', tag, '-m', `${tag}\n\n${notes}`]);
  const movedTags = next.prerelease.length > 0 ? [] : [`v${next.major}`, `v${next.major}.${next.minor}`];
  for (const moving of movedTags) git(cwd, ['tag', '--force', moving, commit]);
  const pushCommand = `git push --atomic ${remote} ${branch} ${tag}`;
  log(
    `committed ${commit.slice(0, 12)} and tagged ${tag}${movedTags.length ? `; moved ${movedTags.join(' and ')} locally` : ''}`,
  );
  log(`push it with:\n  ${pushCommand}`);
  if (movedTags.length > 0) {
    log(
      `the release workflow publishes the GitHub release and moves ${movedTags.join(' and ')} on GitHub once its checks pass`,
    );
  }
  return { version: next.text, tag, commit, movedTags, pushCommand };
}

async function main(argv: string[]): Promise<number> {
  const [first, second] = argv;
  if (first === 'notes') {
    const path = join(defaultRoot, 'CHANGELOG.md');
    const text = existsSync(path) ? await readFile(path, 'utf8') : '';
    const notes = second ? changelogSection(text, second) : undefined;
    if (!notes) {
      console.error(`CHANGELOG.md has no section for '${second ?? ''}'.`);
      return 1;
    }
    console.log(notes);
    return 0;
  }
  if (!first || argv.length !== 1) {
    console.error('usage: npm run release -- <X.Y.Z>');
    return 2;
  }
  try {
    await release({ version: first });
    return 0;
  } catch (error) {
    if (error instanceof ReleaseError) {
      console.error(`release: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
