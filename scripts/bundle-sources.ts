/**
 * What a bundle was built from, so a test can tell a stale bundle from a fresh one without rebuilding
 * it: after `ncc build … --stats-out <stats>`, `record` writes `<dist>/sources.json` — every file of
 * this repository the bundler read (sources, templates, the root package.json) and package-lock.json
 * (the dependencies), each with its SHA-256 — and `staleness` compares that list with the tree.
 *
 *   tsx scripts/bundle-sources.ts <stats.json> <dist>     record, then delete the stats file
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const SOURCES_FILE = 'sources.json';

const defaultRoot = resolve(fileURLToPath(import.meta.url), '../..');

interface StatsModule {
  nameForCondition?: string;
  modules?: StatsModule[];
}

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** The repository files among the modules webpack stats list (nested ones included), sorted. */
export function repositoryFiles(stats: { modules?: StatsModule[] }, root: string): string[] {
  const files = new Set<string>();
  const walk = (modules: StatsModule[] = []) => {
    for (const module of modules) {
      walk(module.modules);
      const path = module.nameForCondition;
      if (!path || !isAbsolute(path)) continue;
      const inRepo = relative(root, path);
      if (inRepo.startsWith('..') || inRepo.split(sep).includes('node_modules')) continue;
      files.add(inRepo.split(sep).join('/'));
    }
  };
  walk(stats.modules);
  return [...files].sort();
}

export function record(statsPath: string, dist: string, root = defaultRoot): void {
  const stats = JSON.parse(readFileSync(statsPath, 'utf8')) as { modules?: StatsModule[] };
  const files = [...repositoryFiles(stats, root), 'package-lock.json'];
  const sources = Object.fromEntries(files.map((file) => [file, sha256(join(root, file))]));
  writeFileSync(join(dist, SOURCES_FILE), `${JSON.stringify(sources, null, 2)}\n`);
  rmSync(statsPath);
}

/**
 * Why the bundle in `dist` is not what the tree builds — missing, or built from other sources — or
 * undefined when it is fresh. `build` is the command that rebuilds it.
 */
export function staleness(dist: string, build: string, root = defaultRoot): string | undefined {
  const where = relative(root, dist);
  if (!existsSync(join(dist, 'index.js'))) return `${where}/index.js is missing: run \`${build}\`.`;
  const recordPath = join(dist, SOURCES_FILE);
  if (!existsSync(recordPath)) {
    return `${where} does not say what it was built from (no ${SOURCES_FILE}): run \`${build}\`.`;
  }
  const recorded = JSON.parse(readFileSync(recordPath, 'utf8')) as Record<string, string>;
  const changed = Object.entries(recorded)
    .filter(([file, hash]) => !existsSync(join(root, file)) || sha256(join(root, file)) !== hash)
    .map(([file]) => file);
  if (changed.length === 0) return undefined;
  const named =
    changed.slice(0, 3).join(', ') + (changed.length > 3 ? ` and ${changed.length - 3} more` : '');
  return `${where} is stale: ${named} changed since it was built. Run \`${build}\`.`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [statsPath, dist] = process.argv.slice(2);
  if (!statsPath || !dist) {
    console.error('usage: tsx scripts/bundle-sources.ts <stats.json> <dist>');
    process.exit(2);
  }
  record(resolve(statsPath), resolve(dist));
}
