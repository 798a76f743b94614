import { describe, expect, it } from '@jest/globals';
import { unifiedDiff } from '../src/diff';
import { contentHash, generateFiles, planFile, STATE_PATH } from '../src/generated';
import { memoryStore } from '../src/store';

const meta = { client: 'acme', suite: { repository: 'o/suite', version: '1.2.3', ref: 'v1' } };
const V1 = 'line 1\nline 2\nline 3\n';
const V2 = 'line 1\nline 2 changed\nline 3\n';
const EDITED = 'line 1\nline 2\nline 3\nmy own line\n';

describe('planFile', () => {
  it.each([
    ['a new file', undefined, undefined, false, 'create'],
    ['the same text', V2, contentHash(V1), false, 'unchanged'],
    ['our own output, template changed', V1, contentHash(V1), false, 'update'],
    ['a local edit, template unchanged', EDITED, contentHash(V2), false, 'kept'],
    ['a local edit, template changed', EDITED, contentHash(V1), false, 'conflict'],
    ['a local edit, template changed, --force', EDITED, contentHash(V1), true, 'overwrite'],
    ['a file that is not ours', EDITED, undefined, false, 'conflict'],
    ['deleted locally, template unchanged', undefined, contentHash(V2), false, 'kept'],
    ['deleted locally, template changed', undefined, contentHash(V1), false, 'conflict'],
    ['deleted locally, --force', undefined, contentHash(V1), true, 'overwrite'],
  ] as const)('%s → %s', (_label, current, recorded, force, action) => {
    expect(planFile('f.txt', V2, current, recorded, force).action).toBe(action);
  });
});

describe('generateFiles', () => {
  it('creates, then does nothing on a re-run, then updates its own output and keeps local edits', async () => {
    const store = memoryStore();
    const first = await generateFiles(
      store,
      new Map([
        ['a.txt', V1],
        ['b.txt', V1],
      ]),
      meta,
      { force: false, dryRun: false },
    );
    expect(first.files.map((f) => f.action)).toEqual(['create', 'create']);
    expect(JSON.parse(store.files.get(STATE_PATH) ?? '{}').files).toEqual({
      'a.txt': contentHash(V1),
      'b.txt': contentHash(V1),
    });

    const snapshot = new Map(store.files);
    const again = await generateFiles(
      store,
      new Map([
        ['a.txt', V1],
        ['b.txt', V1],
      ]),
      meta,
      { force: false, dryRun: false },
    );
    expect(again.changed).toBe(false);
    expect(again.files.map((f) => f.action)).toEqual(['unchanged', 'unchanged']);
    expect(store.files).toEqual(snapshot);

    store.files.set('b.txt', EDITED);
    const next = await generateFiles(
      store,
      new Map([
        ['a.txt', V2],
        ['b.txt', V2],
      ]),
      meta,
      { force: false, dryRun: false },
    );
    expect(next.files.map((f) => f.action)).toEqual(['update', 'conflict']);
    expect(store.files.get('a.txt')).toBe(V2);
    expect(store.files.get('b.txt')).toBe(EDITED);
    expect(next.files[0]?.diff).toContain('+line 2 changed');
    expect(next.files[1]?.diff).toContain('-my own line');
    // The conflict keeps the old hash, so the edit is still recognised as local next time.
    expect(JSON.parse(store.files.get(STATE_PATH) ?? '{}').files['b.txt']).toBe(contentHash(V1));

    const forced = await generateFiles(
      store,
      new Map([
        ['a.txt', V2],
        ['b.txt', V2],
      ]),
      meta,
      { force: true, dryRun: false },
    );
    expect(forced.files.map((f) => f.action)).toEqual(['unchanged', 'overwrite']);
    expect(store.files.get('b.txt')).toBe(V2);
  });

  it('writes nothing in a dry run', async () => {
    const store = memoryStore();
    const outcome = await generateFiles(store, new Map([['a.txt', V1]]), meta, {
      force: false,
      dryRun: true,
    });
    expect(outcome.changed).toBe(true);
    expect(store.files.size).toBe(0);
  });
});

describe('unifiedDiff', () => {
  it('shows changed lines with context and hunk headers', () => {
    const before = Array.from({ length: 12 }, (_, i) => `l${i + 1}`).join('\n');
    const after = before.replace('l2', 'L2').replace('l11', 'l11\nnew');
    expect(unifiedDiff('x.txt', `${before}\n`, `${after}\n`)).toBe(
      [
        '--- a/x.txt',
        '+++ b/x.txt',
        '@@ -1,5 +1,5 @@',
        ' l1',
        '-l2',
        '+L2',
        ' l3',
        ' l4',
        ' l5',
        '@@ -9,4 +9,5 @@',
        ' l9',
        ' l10',
        ' l11',
        '+new',
        ' l12',
        '',
      ].join('\n'),
    );
    expect(unifiedDiff('x.txt', 'same\n', 'same\n')).toBe('');
    expect(unifiedDiff('new.txt', undefined, 'a\n')).toBe(
      '--- /dev/null\n+++ b/new.txt\n@@ -0,0 +1,1 @@\n+a\n',
    );
  });
});
