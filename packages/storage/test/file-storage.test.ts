import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { UserError } from '@shipkit/runtime';
import {
  type ListedObject,
  ObjectExistsError,
  ObjectNotFoundError,
  openStorage,
  type Storage,
} from '../src/index';

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

const keysOf = (objects: ListedObject[]) => objects.map((object) => object.key);

describe('file storage', () => {
  let root: string;
  let storage: Storage;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'shipkit-file-storage-'));
    storage = openStorage(`file://${root}/backups`);
  });
  afterEach(async () => {
    await storage.close();
    await rm(root, { recursive: true, force: true });
  });

  test('put creates folders, reports bytes, and get/head/getRange read it back', async () => {
    const result = await storage.put('2026-11-25T030000Z-ab/archive.gz', Readable.from(['hello ', 'world']));
    expect(result).toEqual({ key: '2026-11-25T030000Z-ab/archive.gz', bytes: 11, parts: 1 });
    expect(await text(await storage.get('2026-11-25T030000Z-ab/archive.gz'))).toBe('hello world');
    expect(await text(await storage.getRange('2026-11-25T030000Z-ab/archive.gz', 6))).toBe('world');
    expect(await text(await storage.getRange('2026-11-25T030000Z-ab/archive.gz', 0, 4))).toBe('hello');
    const head = await storage.head('2026-11-25T030000Z-ab/archive.gz');
    expect(head?.size).toBe(11);
    expect(head?.lastModified).toBeInstanceOf(Date);
    expect(storage.describe('2026-11-25T030000Z-ab/archive.gz')).toBe(
      `file://${root}/backups/2026-11-25T030000Z-ab/archive.gz`,
    );
  });

  test('put accepts a Buffer and replaces an existing file when not conditional', async () => {
    await storage.put('a/x', Buffer.from('one'));
    await storage.put('a/x', Buffer.from('two!'));
    expect(await text(await storage.get('a/x'))).toBe('two!');
  });

  test('a conditional put refuses an existing key and leaves it untouched', async () => {
    const first = await storage.put('id/manifest.json', Buffer.from('{"n":1}'), { ifNoneMatch: true });
    expect(first.conditional).toBe('exclusive-create');
    await expect(
      storage.put('id/manifest.json', Buffer.from('{"n":2}'), { ifNoneMatch: true }),
    ).rejects.toThrow(ObjectExistsError);
    expect(await text(await storage.get('id/manifest.json'))).toBe('{"n":1}');
    expect(await readdir(join(root, 'backups/id'))).toEqual(['manifest.json']);
  });

  test('of two concurrent conditional puts exactly one wins', async () => {
    const outcomes = await Promise.allSettled(
      ['a', 'b', 'c', 'd'].map((body) =>
        storage.put('race/manifest.json', Buffer.from(body), { ifNoneMatch: true }),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    for (const outcome of outcomes.filter((o) => o.status === 'rejected')) {
      expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(ObjectExistsError);
    }
  });

  test('a failing source leaves neither the object, nor a temp file, nor the folder it created', async () => {
    const source = new Readable({ read() {} });
    const put = storage.put('broken/archive', source);
    source.push(Buffer.alloc(1000, 1));
    setImmediate(() => source.destroy(new Error('dump connection lost')));
    await expect(put).rejects.toThrow(/dump connection lost/);
    expect(await storage.head('broken/archive')).toBeUndefined();
    expect(await readdir(join(root, 'backups'))).not.toContain('broken');
  });

  test('readers never see a half-written file: the data lives under a temp name until complete', async () => {
    const source = new Readable({ read() {} });
    const put = storage.put('slow/archive', source);
    source.push(Buffer.from('part one'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await storage.head('slow/archive')).toBeUndefined();
    expect(keysOf(await all(storage.list()))).toEqual([]);
    const [incomplete] = await all(storage.listIncompleteUploads());
    expect(incomplete?.key).toBe('slow/archive');
    source.push(null);
    await put;
    expect(await text(await storage.get('slow/archive'))).toBe('part one');
    expect(await all(storage.listIncompleteUploads())).toEqual([]);
  });

  test('list walks folders recursively in S3 key order and filters by prefix', async () => {
    for (const key of ['b/2', 'a/1', 'a-c', 'a/sub/deep', 'ab', 'c'])
      await storage.put(key, Buffer.from(key));
    expect(keysOf(await all(storage.list()))).toEqual(['a-c', 'a/1', 'a/sub/deep', 'ab', 'b/2', 'c']);
    expect(keysOf(await all(storage.list('a/')))).toEqual(['a/1', 'a/sub/deep']);
    expect(keysOf(await all(storage.list('a')))).toEqual(['a-c', 'a/1', 'a/sub/deep', 'ab']);
    expect(keysOf(await all(storage.list('a/s')))).toEqual(['a/sub/deep']);
    expect(keysOf(await all(storage.list('zzz')))).toEqual([]);
    const [first] = await all(storage.list('c'));
    expect(first).toEqual({ key: 'c', size: 1, lastModified: expect.any(Date) });
  });

  test('listing a folder that does not exist yet is empty', async () => {
    expect(await all(openStorage(`file://${root}/nothing-here`).list())).toEqual([]);
  });

  test('delete removes the file and the folders it leaves empty, never the root', async () => {
    await storage.put('id1/archive', Buffer.from('x'));
    await storage.put('id1/manifest.json', Buffer.from('x'));
    await storage.put('id2/archive', Buffer.from('x'));
    await storage.delete('id1/manifest.json');
    await storage.delete('id1/archive');
    await storage.delete('id2/archive');
    await storage.delete('never/existed');
    expect(await readdir(join(root, 'backups'))).toEqual([]);
  });

  test('get of a missing key is ObjectNotFoundError; head is undefined', async () => {
    await expect(storage.get('missing')).rejects.toThrow(ObjectNotFoundError);
    await storage.put('folder/file', Buffer.from('x'));
    await expect(storage.get('folder')).rejects.toThrow(ObjectNotFoundError);
    expect(await storage.head('missing')).toBeUndefined();
    expect(await storage.head('folder')).toBeUndefined();
  });

  test('temp files left by a crash are incomplete uploads the sweep can abort', async () => {
    await storage.put('id/archive', Buffer.from('complete'));
    await writeFile(join(root, 'backups/id/.archive.partial-0123456789abcdef'), 'half');
    await writeFile(join(root, 'backups/.top.partial-fedcba9876543210'), 'half');
    const incomplete = await all(storage.listIncompleteUploads());
    expect(incomplete.map(({ key, uploadId }) => ({ key, uploadId }))).toEqual([
      { key: 'top', uploadId: '.top.partial-fedcba9876543210' },
      { key: 'id/archive', uploadId: 'id/.archive.partial-0123456789abcdef' },
    ]);
    expect(incomplete[0]?.initiated).toBeInstanceOf(Date);
    expect(keysOf(await all(storage.list()))).toEqual(['id/archive']);
    for (const upload of incomplete) await storage.abortUpload(upload);
    expect(await all(storage.listIncompleteUploads())).toEqual([]);
    expect(await text(await storage.get('id/archive'))).toBe('complete');
    await expect(storage.abortUpload({ key: 'id/archive', uploadId: 'id/archive' })).rejects.toThrow(
      /not an incomplete upload/,
    );
  });

  test.each(['../escape', 'a/../../b', '/abs', 'a//b', '', 'a\\b'])('the key %j is refused', async (key) => {
    await expect(storage.put(key, Buffer.from('x'))).rejects.toThrow(UserError);
    await expect(storage.get(key)).rejects.toThrow(/is not valid/);
  });

  test('a file standing where the folder should be is a UserError naming the path', async () => {
    await writeFile(join(root, 'blocker'), 'x');
    const blocked = openStorage(`file://${root}/blocker/backups`);
    const error = await blocked
      .put('id/archive', Buffer.from('x'))
      .catch((thrown: unknown) => thrown as Error);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(/a file stands where a folder is needed/);
    expect((error as Error).message).toContain(`${root}/blocker/backups`);
  });
});
