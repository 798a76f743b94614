// docs/actions/<name>.md carry input/output tables generated from action.yml by `npm run docs`.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { BEGIN, END, generateDocs } from '../../scripts/docs';
import { repoRoot } from './support';

describe('docs/actions', () => {
  test('match every actions/*/action.yml (run `npm run docs` after changing one)', async () => {
    const { outOfDate, orphans } = await generateDocs({ root: repoRoot, check: true });
    expect({ outOfDate, orphans, fix: 'npm run docs' }).toEqual({
      outOfDate: [],
      orphans: [],
      fix: 'npm run docs',
    });
  });
});

describe('scripts/docs.ts', () => {
  async function project(actionYml: string): Promise<string> {
    const root = await mkdtemp(join(tmpdir(), 'shipkit-docs-'));
    await mkdir(join(root, 'actions', 'demo'), { recursive: true });
    await writeFile(join(root, 'actions', 'demo', 'action.yml'), actionYml);
    return root;
  }

  const demo = `name: Demo
description: Does a demo.
inputs:
  token:
    description: 'A token | with a pipe, and a <placeholder>.'
    required: true
  level:
    description: |
      How much,
      over two lines.
    default: '3'
outputs:
  result:
    description: What happened.
runs:
  using: node24
  main: dist/index.js
`;

  test('writes a page with the tables, keeps hand-written text around them, and detects drift', async () => {
    const root = await project(demo);
    try {
      expect(await generateDocs({ root, check: true })).toEqual({
        outOfDate: ['docs/actions/demo.md'],
        orphans: [],
      });
      await generateDocs({ root });
      const page = join(root, 'docs', 'actions', 'demo.md');
      const written = await readFile(page, 'utf8');
      expect(written).toContain('# Demo');
      expect(written).toContain('| `token` | yes |  | A token \\| with a pipe, and a &lt;placeholder&gt;. |');
      expect(written).toContain('| `level` | no | `3` | How much, over two lines. |');
      expect(written).toContain('| `result` | What happened. |');
      expect(written).toContain('    token: …');

      await writeFile(page, `${written}\n## Notes\n\nWritten by hand.\n`);
      expect(await generateDocs({ root, check: true })).toEqual({ outOfDate: [], orphans: [] });

      await writeFile(
        join(root, 'actions', 'demo', 'action.yml'),
        demo.replace('What happened.', 'The outcome.'),
      );
      expect((await generateDocs({ root, check: true })).outOfDate).toEqual(['docs/actions/demo.md']);
      await generateDocs({ root });
      const updated = await readFile(page, 'utf8');
      expect(updated).toContain('| `result` | The outcome. |');
      expect(updated).toContain('Written by hand.');
      expect(updated.indexOf(BEGIN)).toBeLessThan(updated.indexOf(END));

      await writeFile(join(root, 'docs', 'actions', 'gone.md'), '# Gone\n');
      expect((await generateDocs({ root, check: true })).orphans).toEqual(['docs/actions/gone.md']);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
