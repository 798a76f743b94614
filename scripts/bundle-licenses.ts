/**
 * The licenses of the third-party code a bundle carries, lazily loaded chunks included: after
 * `ncc build … --stats-out <stats>`, writes `<dist>/licenses.txt` — each package under node_modules
 * that the bundler read, with its license type and text, sorted by name. (ncc's own `--license` writes
 * one file per chunk under the same name, so only one chunk's licenses survive in a split bundle.)
 *
 *   tsx scripts/bundle-licenses.ts <stats.json> <dist>
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

export const LICENSES_FILE = 'licenses.txt';

interface StatsModule {
  nameForCondition?: string;
  modules?: StatsModule[];
}

interface PackageLicense {
  name: string;
  license: string;
  text: string;
}

/** The folder of the package a file under node_modules belongs to (`…/node_modules/@scope/name`). */
export function packageRoot(file: string): string | undefined {
  const parts = file.split(sep);
  const at = parts.lastIndexOf('node_modules');
  if (at < 0 || at + 1 >= parts.length) return undefined;
  const scoped = parts[at + 1]?.startsWith('@');
  return parts.slice(0, at + (scoped ? 3 : 2)).join(sep);
}

function licenseOf(root: string): PackageLicense {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    name: string;
    license?: string | { type?: string };
    licenses?: { type?: string }[];
  };
  const declared =
    typeof manifest.license === 'string'
      ? manifest.license
      : (manifest.license?.type ?? manifest.licenses?.map((l) => l.type).join(' OR ') ?? 'UNKNOWN');
  const file = readdirSync(root)
    .filter((name) => /^(licen[cs]e|copying)([.-]|$)/i.test(name))
    .sort()[0];
  return {
    name: manifest.name,
    license: declared,
    text: file ? readFileSync(join(root, file), 'utf8').trim() : '',
  };
}

/** Every package under node_modules among the modules webpack stats list (nested ones included). */
export function bundledLicenses(stats: { modules?: StatsModule[] }): PackageLicense[] {
  const roots = new Set<string>();
  const walk = (modules: StatsModule[] = []) => {
    for (const module of modules) {
      walk(module.modules);
      const root = module.nameForCondition && packageRoot(module.nameForCondition);
      if (root && existsSync(join(root, 'package.json'))) roots.add(root);
    }
  };
  walk(stats.modules);
  const byName = new Map([...roots].map(licenseOf).map((entry) => [entry.name, entry]));
  return [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export function renderLicenses(licenses: PackageLicense[]): string {
  return `${licenses.map(({ name, license, text }) => [name, license, text].filter(Boolean).join('\n')).join('\n\n')}\n`;
}

export function record(statsPath: string, dist: string): void {
  const stats = JSON.parse(readFileSync(statsPath, 'utf8')) as { modules?: StatsModule[] };
  writeFileSync(join(dist, LICENSES_FILE), renderLicenses(bundledLicenses(stats)));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [statsPath, dist] = process.argv.slice(2);
  if (!statsPath || !dist) {
    console.error('usage: tsx scripts/bundle-licenses.ts <stats.json> <dist>');
    process.exit(2);
  }
  record(resolve(statsPath), resolve(dist));
}
