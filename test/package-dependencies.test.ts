// Each package's package.json declares what its code imports, and nothing it does not: `dependencies`
// for what its src/ imports (what its bundle carries), `devDependencies` for what only its tests and
// scripts import. An undeclared import works only through hoisting; an unused dependency is one the
// bundler may still pull in (the driver bundles any optional module it finds installed).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { repoRoot } from './support/shipkit-process';

/** The test runner comes from the root for every package. */
const RUNNER = ['@jest/globals'];

interface Manifest {
  name: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

function files(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|js)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => !file.split('/').some((part) => part === 'node_modules' || part === 'dist'));
}

const SPECIFIERS = [
  /^\s*(?:import|export)\b[^'"`;]*?\bfrom\s*'([^']+)'/gm,
  /^\s*import\s*'([^']+)'/gm,
  /\bimport\(\s*'([^']+)'\s*\)/g,
];

/** The packages a file imports (`@scope/name` or `name`), builtins and relative paths left out. */
function importedPackages(source: string): string[] {
  const found = new Set<string>();
  for (const pattern of SPECIFIERS) {
    for (const [, specifier = ''] of source.matchAll(pattern)) {
      if (specifier.startsWith('.') || specifier.startsWith('node:') || builtinModules.includes(specifier))
        continue;
      const name = /^((?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*)(?:\/[\w./-]*)?$/.exec(specifier)?.[1];
      if (name) found.add(name);
    }
  }
  return [...found];
}

function importsOf(folders: string[]): Map<string, string[]> {
  const users = new Map<string, string[]>();
  for (const file of folders.flatMap(files)) {
    for (const name of importedPackages(readFileSync(file, 'utf8')))
      users.set(name, [...(users.get(name) ?? []), relative(repoRoot, file)]);
  }
  return users;
}

const workspaces = ['packages', 'actions'].flatMap((group) =>
  readdirSync(join(repoRoot, group)).map((name) => join(repoRoot, group, name)),
);

describe('package.json of each workspace', () => {
  it.each(workspaces.map((dir) => [relative(repoRoot, dir), dir]))(
    '%s declares what it imports, and only that',
    (_name, dir) => {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
      const dependencies = Object.keys(manifest.dependencies ?? {});
      const devDependencies = Object.keys(manifest.devDependencies ?? {});
      const shipped = importsOf([join(dir, 'src')]);
      const rest = importsOf([join(dir, 'test'), join(dir, 'scripts')]);
      const problems = [
        ...[...shipped]
          .filter(([name]) => name !== manifest.name && !dependencies.includes(name))
          .map(([name, by]) => `${name} is imported by ${by[0]} but not in dependencies`),
        ...[...rest]
          .filter(
            ([name]) =>
              name !== manifest.name &&
              !RUNNER.includes(name) &&
              !dependencies.includes(name) &&
              !devDependencies.includes(name),
          )
          .map(([name, by]) => `${name} is imported by ${by[0]} but not declared`),
        ...dependencies
          .filter((name) => !shipped.has(name))
          .map((name) => `dependency ${name} is not imported by src/`),
        ...devDependencies
          .filter((name) => !rest.has(name))
          .map((name) => `devDependency ${name} is not imported by test/ or scripts/`),
      ];
      expect(problems).toEqual([]);
    },
  );

  it('the root declares what its tests, benchmarks and scripts import, and installs nothing else', () => {
    const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as Manifest;
    const declared = [
      ...Object.keys(manifest.dependencies ?? {}),
      ...Object.keys(manifest.devDependencies ?? {}),
    ];
    const used = importsOf(['test', 'bench', 'scripts', 'bin'].map((folder) => join(repoRoot, folder)));
    const undeclared = [...used]
      .filter(([name]) => !name.startsWith('@shipkit/') && !declared.includes(name))
      .map(([name, by]) => `${name} (${by[0]})`);
    expect(undeclared).toEqual([]);
    // What a production install (`npm ci --omit=dev`, the release job) gets from the root: tsx only.
    expect(Object.keys(manifest.dependencies ?? {})).toEqual(['tsx']);
    expect(used.has('tsx')).toBe(true);
  });

  it('finds static, dynamic, type-only and re-export imports, and leaves builtins out', () => {
    const source = [
      "import { a } from '@scope/pkg/sub';",
      "import type { B } from 'typed';",
      "export { c } from 'reexported';",
      // Split so that this file's own scan does not find it.
      'const d = await import' + "('lazy/esm/api');",
      "import 'side-effect';",
      "import { readFile } from 'node:fs/promises';",
      "import { join } from 'path';",
      "import { e } from './relative';",
      'const text = `use --from "shop.*"`;',
    ].join('\n');
    expect(importedPackages(source).sort()).toEqual(
      ['@scope/pkg', 'lazy', 'reexported', 'side-effect', 'typed'].sort(),
    );
  });
});
