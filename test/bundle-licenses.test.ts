import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { bundledLicenses, packageRoot, renderLicenses } from '../scripts/bundle-licenses';
import { repoRoot } from './support/shipkit-process';

describe('bundle licenses', () => {
  it('finds the package of a file under node_modules, scoped and nested ones too', () => {
    expect(packageRoot('/r/node_modules/zod/v4/index.js')).toBe('/r/node_modules/zod');
    expect(packageRoot('/r/node_modules/a/node_modules/@s/c/lib/x.js')).toBe(
      '/r/node_modules/a/node_modules/@s/c',
    );
    expect(packageRoot('/r/packages/archive/src/index.ts')).toBeUndefined();
  });

  it('lists every third-party package of every chunk once, with its license, and none of ours', () => {
    const modules = (...paths: string[]) => paths.map((path) => ({ nameForCondition: join(repoRoot, path) }));
    const stats = {
      modules: [
        ...modules('node_modules/zod/index.js', 'packages/archive/src/index.ts'),
        { nameForCondition: 'external "node:fs"' },
        // A concatenated module lists the modules it holds.
        { modules: modules('node_modules/@actions/core/lib/core.js', 'node_modules/zod/v4/index.js') },
      ],
    };
    const licenses = bundledLicenses(stats);
    expect(licenses.map((l) => [l.name, l.license])).toEqual([
      ['@actions/core', 'MIT'],
      ['zod', 'MIT'],
    ]);
    for (const { text } of licenses) expect(text).toMatch(/Permission is hereby granted/);
    const rendered = renderLicenses(licenses);
    expect(rendered.startsWith('@actions/core\nMIT\n')).toBe(true);
    expect(rendered).toContain('\n\nzod\nMIT\n');
  });
});
