// Code that ships in a bundle (packages/*/src, actions/*/src, workflows-templates) names what it loads at
// run time in a form the bundler follows: a file as `new URL('./literal', import.meta.url)` (copied next
// to the bundle, the URL rewritten), a module by a literal `import('…')`. A path computed from the
// module's own location works from the sources and breaks in dist/, where that location is another one.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { repoRoot } from './support/shipkit-process';

function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.ts$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

const BUNDLED = [
  ...readdirSync(join(repoRoot, 'packages')).flatMap((name) =>
    sources(join(repoRoot, 'packages', name, 'src')),
  ),
  ...readdirSync(join(repoRoot, 'actions')).flatMap((name) =>
    sources(join(repoRoot, 'actions', name, 'src')),
  ),
  join(repoRoot, 'workflows-templates', 'index.ts'),
];

/** What the bundler follows, removed before looking for what it cannot. */
const FOLLOWED = [/new URL\('\.\/[^'\n]+', import\.meta\.url\)/g, /\bimport\('[^'\n]+'\)/g];
const LOCATION_BOUND = [
  {
    pattern: /import\.meta\.(url|dirname|filename)/,
    what: "import.meta outside new URL('./file', import.meta.url)",
  },
  { pattern: /\b__(dirname|filename)\b/, what: '__dirname/__filename' },
  { pattern: /\bimport\((?!['"])/, what: 'import() of a computed specifier' },
];

describe('bundled code', () => {
  it('loads files and modules only in forms the bundler follows', () => {
    expect(BUNDLED.length).toBeGreaterThan(50);
    const found: string[] = [];
    for (const file of BUNDLED) {
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, index) => {
        const rest = FOLLOWED.reduce((text, pattern) => text.replace(pattern, ''), line);
        for (const { pattern, what } of LOCATION_BOUND) {
          if (pattern.test(rest)) found.push(`${relative(repoRoot, file)}:${index + 1}: ${what}`);
        }
      });
    }
    expect(found).toEqual([]);
  });

  it('would notice the path that broke init-client in the bundle', () => {
    const line = "const suiteRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');";
    const rest = FOLLOWED.reduce((text, pattern) => text.replace(pattern, ''), line);
    expect(LOCATION_BOUND.some(({ pattern }) => pattern.test(rest))).toBe(true);
    expect(LOCATION_BOUND.some(({ pattern }) => pattern.test('await import(SEED_MODULE)'))).toBe(true);
  });
});
