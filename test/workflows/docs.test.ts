// The option tables are the one source of truth: `npm run docs` writes action.yml's inputs from the
// actions' tables, docs/actions/<name>.md from action.yml, and docs/cli.md from the CLI's help, itself
// written from the commands' tables. These tests fail on any drift between them.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { commands } from '@shipkit/cli';
import { booleanRow, integerRow, mentions, type Table, textRow } from '@shipkit/runtime';
import { parse } from 'yaml';
import { BEGIN, END, generateDocs, renderInputs, withInputs } from '../../scripts/docs';
import { ACTION_TABLES } from '../../scripts/option-tables';
import { repoRoot } from './support';

describe('action.yml, docs/actions and docs/cli.md', () => {
  test('match the option tables (run `npm run docs` after changing one)', async () => {
    const { outOfDate, orphans } = await generateDocs({ root: repoRoot, check: true });
    expect({ outOfDate, orphans, fix: 'npm run docs' }).toEqual({
      outOfDate: [],
      orphans: [],
      fix: 'npm run docs',
    });
  });

  test('every option a description mentions exists in its table', async () => {
    const tables: [string, Table][] = Object.entries(ACTION_TABLES);
    for (const entry of commands) tables.push([`shipkit ${entry.name}`, (await entry.load()).options]);
    const unknown = tables.flatMap(([owner, table]) =>
      Object.entries(table).flatMap(([key, row]) =>
        mentions(row.description)
          .filter((other) => !(other in table))
          .map((other) => `${owner} ${key}: {${other}}`),
      ),
    );
    expect(unknown).toEqual([]);
  });
});

describe('action.yml inputs from a table', () => {
  const table = {
    token: textRow({ description: 'A token; see {level}.', required: true, secret: true }),
    level: integerRow({ description: 'How much.', default: '3', min: 1, max: 9 }),
    dry: booleanRow({ description: 'Only say what would be done.', default: 'false' }),
    name: textRow({ description: 'A name: "quoted", with a # too.' }),
  };

  test('says each input the way the runner reads it, defaults included', () => {
    expect(parse(renderInputs(table))).toEqual({
      inputs: {
        token: { description: 'A token; see level.', required: true },
        level: { description: 'How much.', required: false, default: '3' },
        dry: { description: 'Only say what would be done.', required: false, default: 'false' },
        name: { description: 'A name: "quoted", with a # too.', required: false, default: '' },
      },
    });
  });

  test('replaces only the inputs block of an action.yml', () => {
    const yml =
      'name: Demo\ninputs:\n  old:\n    description: Gone.\noutputs:\n  result:\n    description: Kept.\nruns:\n  using: node24\n';
    const written = parse(withInputs(yml, renderInputs(table))) as Record<string, unknown>;
    expect(Object.keys(written.inputs as object)).toEqual(['token', 'level', 'dry', 'name']);
    expect(written.outputs).toEqual({ result: { description: 'Kept.' } });
    expect(written.runs).toEqual({ using: 'node24' });
    const added = parse(withInputs('name: Demo\nruns:\n  using: node24\n', renderInputs(table)));
    expect(Object.keys(added.inputs)).toEqual(['token', 'level', 'dry', 'name']);
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
      expect(await generateDocs({ root, check: true, tables: {}, cli: false })).toEqual({
        outOfDate: ['docs/actions/demo.md'],
        orphans: [],
      });
      await generateDocs({ root, tables: {}, cli: false });
      const page = join(root, 'docs', 'actions', 'demo.md');
      const written = await readFile(page, 'utf8');
      expect(written).toContain('# Demo');
      expect(written).toContain('| `token` | yes |  | A token \\| with a pipe, and a &lt;placeholder&gt;. |');
      expect(written).toContain('| `level` | no | `3` | How much, over two lines. |');
      expect(written).toContain('| `result` | What happened. |');
      expect(written).toContain('    token: …');

      await writeFile(page, `${written}\n## Notes\n\nWritten by hand.\n`);
      expect(await generateDocs({ root, check: true, tables: {}, cli: false })).toEqual({
        outOfDate: [],
        orphans: [],
      });

      await writeFile(
        join(root, 'actions', 'demo', 'action.yml'),
        demo.replace('What happened.', 'The outcome.'),
      );
      expect((await generateDocs({ root, check: true, tables: {}, cli: false })).outOfDate).toEqual([
        'docs/actions/demo.md',
      ]);
      await generateDocs({ root, tables: {}, cli: false });
      const updated = await readFile(page, 'utf8');
      expect(updated).toContain('| `result` | The outcome. |');
      expect(updated).toContain('Written by hand.');
      expect(updated.indexOf(BEGIN)).toBeLessThan(updated.indexOf(END));

      await writeFile(join(root, 'docs', 'actions', 'gone.md'), '# Gone\n');
      expect((await generateDocs({ root, check: true, tables: {}, cli: false })).orphans).toEqual([
        'docs/actions/gone.md',
      ]);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
