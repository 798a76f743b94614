import { randomBytes } from 'node:crypto';
import { constants, type Dirent } from 'node:fs';
import { copyFile, link, mkdir, open, readdir, rename, rmdir, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import type { Readable } from 'node:stream';
import { type Deadline, UserError } from '@shipkit/runtime';
import { DestinationWriteError, ObjectExistsError, ObjectNotFoundError, type RefusedWrite } from './errors';
import { checkKey, checkListPrefix } from './keys';
import type { IncompleteUpload, ListedObject, ObjectHead, PutOptions, PutResult, Storage } from './types';
import { type FileLocation, formatStorageUrl } from './url';

/**
 * Writes go to `.<name>.partial-<random>` in the target folder and are renamed into place once
 * flushed to disk, so a reader never sees half a file. Temp files left by a crash are this
 * backend's incomplete uploads: listing skips them, the sweep removes them.
 */
const TEMP_FILE = /^\.(.+)\.partial-[0-9a-f]{16}$/;

function errnoCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function toBuffer(chunk: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (typeof chunk === 'string') return Buffer.from(chunk);
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  throw new TypeError(`put: the body stream produced a ${typeof chunk}, not bytes`);
}

/** Write failures that say the destination cannot take the data, by errno code. */
const REFUSED_WRITES: Record<string, { kind: RefusedWrite; detail: string }> = {
  ENOSPC: { kind: 'full', detail: 'no space left on device, ENOSPC' },
  EDQUOT: { kind: 'full', detail: 'disk quota exceeded, EDQUOT' },
  EFBIG: { kind: 'too-large', detail: 'file too large for the file system, EFBIG' },
  EROFS: { kind: 'read-only', detail: 'read-only file system, EROFS' },
  EACCES: { kind: 'not-writable', detail: 'permission denied, EACCES' },
  EPERM: { kind: 'not-writable', detail: 'operation not permitted, EPERM' },
};

export interface FileStorageOptions {
  /** The run's deadline: a write stops, and leaves nothing behind, once the run is stopped. */
  deadline?: Deadline;
}

export class FileStorage implements Storage {
  readonly location: FileLocation;
  private readonly deadline: Deadline | undefined;

  constructor(location: FileLocation, options: FileStorageOptions = {}) {
    this.location = location;
    this.deadline = options.deadline;
  }

  describe(key?: string): string {
    return formatStorageUrl(this.location, key);
  }

  private pathOf(key: string): string {
    return join(this.location.root, ...checkKey(key).split('/'));
  }

  /** File system errors a user can fix, as a `UserError` naming the folder. */
  private explain(error: unknown, action: string, path: string): Error {
    const code = errnoCode(error);
    const problems: Record<string, string> = {
      EACCES: 'permission denied',
      EPERM: 'operation not permitted',
      EROFS: 'the file system is read-only',
      ENOSPC: 'the disk is full',
      EDQUOT: 'the disk quota is exhausted',
      ENOTDIR: 'a file stands where a folder is needed',
      EISDIR: 'a folder stands where a file is needed',
    };
    const problem = code ? problems[code] : undefined;
    if (!problem) return error instanceof Error ? error : new Error(String(error));
    return new UserError(
      `Cannot ${action} ${path} (${problem}). Check the storage folder ${this.location.root} ` +
        '(given as file:///absolute/path) exists and is writable.',
    );
  }

  /** A write the destination refused (full, read-only, not writable), in plain words; other errors as `explain`. */
  private explainWrite(error: unknown, key: string, path: string): Error {
    const code = errnoCode(error);
    const refused = code ? REFUSED_WRITES[code] : undefined;
    if (!refused) return this.explain(error, 'write', path);
    return new DestinationWriteError(refused.kind, this.describe(), key, refused.detail);
  }

  async put(key: string, body: Readable | Buffer, options: PutOptions = {}): Promise<PutResult> {
    this.deadline?.throwIfStopped();
    const target = this.pathOf(key);
    // Fail before writing anything when the key is visibly taken; the exclusive link below settles races.
    if (options.ifNoneMatch && (await this.head(key))) throw new ObjectExistsError(key, this.describe(key));
    const folder = dirname(target);
    const temp = join(folder, `.${basename(target)}.partial-${randomBytes(8).toString('hex')}`);
    let bytes = 0;
    // The stream may fail while the folder and file are being created; its error reaches the loop below.
    const holdEarlyError = () => {};
    if (!Buffer.isBuffer(body)) body.on('error', holdEarlyError);
    let created: string | undefined;
    try {
      created = await makeFolders(folder);
      const handle = await open(temp, 'wx');
      try {
        for await (const chunk of Buffer.isBuffer(body) ? [body] : body) {
          this.deadline?.throwIfStopped();
          const data = toBuffer(chunk);
          for (let offset = 0; offset < data.length; ) {
            offset += (await handle.write(data, offset, data.length - offset)).bytesWritten;
          }
          bytes += data.length;
        }
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch (error) {
      await this.discard(temp, created);
      if (this.deadline?.stopped) throw this.deadline.reason;
      throw this.explainWrite(error, key, target);
    } finally {
      if (!Buffer.isBuffer(body)) body.off('error', holdEarlyError);
    }
    try {
      if (options.ifNoneMatch) await this.publishExclusively(key, temp, target);
      else await rename(temp, target);
      await this.syncFolder(folder);
    } catch (error) {
      await this.discard(temp, created);
      if (error instanceof ObjectExistsError) throw error;
      throw this.explainWrite(error, key, target);
    }
    return { key, bytes, parts: 1, ...(options.ifNoneMatch && { conditional: 'exclusive-create' as const }) };
  }

  /** Removes a failed write's temp file, and the folders the write created if they are left empty. */
  private async discard(temp: string, createdFolder: string | undefined): Promise<void> {
    await unlink(temp).catch(() => undefined);
    if (createdFolder) await this.removeEmptyFolders(dirname(temp), createdFolder);
  }

  /** A hard link creates the name only if it is free, atomically; `wx` copy where links are unsupported. */
  private async publishExclusively(key: string, temp: string, target: string): Promise<void> {
    try {
      await link(temp, target);
    } catch (error) {
      const code = errnoCode(error);
      if (code === 'EEXIST') throw new ObjectExistsError(key, this.describe(key));
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP') throw error;
      try {
        await copyFile(temp, target, constants.COPYFILE_EXCL);
      } catch (copyError) {
        if (errnoCode(copyError) === 'EEXIST') throw new ObjectExistsError(key, this.describe(key));
        throw copyError;
      }
    }
    await unlink(temp);
  }

  /** Makes the rename itself durable; some file systems cannot open folders, which is fine. */
  private async syncFolder(folder: string): Promise<void> {
    let handle: Awaited<ReturnType<typeof open>> | undefined;
    try {
      handle = await open(folder, 'r');
      await handle.sync();
    } catch {
      // Best effort only.
    } finally {
      await handle?.close();
    }
  }

  async get(key: string): Promise<Readable> {
    return this.read(key, undefined, undefined);
  }

  async getRange(key: string, start: number, end?: number): Promise<Readable> {
    if (
      !Number.isInteger(start) ||
      start < 0 ||
      (end !== undefined && (!Number.isInteger(end) || end < start))
    ) {
      throw new RangeError(`getRange: invalid byte range ${start}-${end ?? ''}`);
    }
    return this.read(key, start, end);
  }

  private async read(key: string, start: number | undefined, end: number | undefined): Promise<Readable> {
    const path = this.pathOf(key);
    let handle: Awaited<ReturnType<typeof open>>;
    try {
      handle = await open(path, 'r');
    } catch (error) {
      const code = errnoCode(error);
      if (code === 'ENOENT' || code === 'ENOTDIR') throw new ObjectNotFoundError(key, this.describe(key));
      throw this.explain(error, 'read', path);
    }
    if (!(await handle.stat()).isFile()) {
      await handle.close();
      throw new ObjectNotFoundError(key, this.describe(key));
    }
    return handle.createReadStream({
      autoClose: true,
      ...(start !== undefined && { start }),
      ...(end !== undefined && { end }),
    });
  }

  async head(key: string): Promise<ObjectHead | undefined> {
    const path = this.pathOf(key);
    try {
      const info = await stat(path);
      return info.isFile() ? { size: info.size, lastModified: new Date(info.mtimeMs) } : undefined;
    } catch (error) {
      const code = errnoCode(error);
      if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
      throw this.explain(error, 'read', path);
    }
  }

  async *list(prefix = ''): AsyncIterable<ListedObject> {
    checkListPrefix(prefix);
    // Start from the deepest folder the prefix names, and only descend where keys can still match.
    const folderPart = prefix.includes('/') ? prefix.slice(0, prefix.lastIndexOf('/')) : '';
    for await (const { key, path } of this.walk(folderPart, (candidate) =>
      matchesPrefix(candidate, prefix),
    )) {
      if (TEMP_FILE.test(basename(key)) || !key.startsWith(prefix)) continue;
      const info = await stat(path).catch(() => undefined);
      if (info?.isFile()) yield { key, size: info.size, lastModified: new Date(info.mtimeMs) };
    }
  }

  /**
   * Files below `folderKey`, in the byte order S3 lists keys: a folder sorts as its name plus "/",
   * so `a-b` comes before everything in `a/`.
   */
  private async *walk(
    folderKey: string,
    worthEntering: (folderKey: string) => boolean,
  ): AsyncIterable<{ key: string; path: string }> {
    const folder = folderKey === '' ? this.location.root : join(this.location.root, ...folderKey.split('/'));
    let entries: Dirent[];
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      const code = errnoCode(error);
      if (code === 'ENOENT' || code === 'ENOTDIR') return;
      throw this.explain(error, 'list', folder);
    }
    const sorted = entries
      .filter((entry) => entry.isFile() || entry.isDirectory())
      .map((entry) => ({ entry, sortKey: entry.isDirectory() ? `${entry.name}/` : entry.name }))
      .sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
    for (const { entry } of sorted) {
      const key = folderKey === '' ? entry.name : `${folderKey}/${entry.name}`;
      if (entry.isDirectory()) {
        if (worthEntering(`${key}/`)) yield* this.walk(key, worthEntering);
      } else {
        yield { key, path: join(folder, entry.name) };
      }
    }
  }

  async delete(key: string): Promise<void> {
    const path = this.pathOf(key);
    try {
      await unlink(path);
    } catch (error) {
      const code = errnoCode(error);
      if (code === 'ENOENT' || code === 'ENOTDIR') return;
      throw this.explain(error, 'delete', path);
    }
    await this.removeEmptyFolders(dirname(path));
  }

  /**
   * Pruned backups should not leave empty folders behind; stops at the first folder still in use, at
   * the root, or after `last` (the outermost folder that may go).
   */
  private async removeEmptyFolders(folder: string, last?: string): Promise<void> {
    let current = folder;
    while (
      relative(this.location.root, current) !== '' &&
      !relative(this.location.root, current).startsWith('..')
    ) {
      try {
        await rmdir(current);
      } catch {
        return;
      }
      if (current === last) return;
      current = dirname(current);
    }
  }

  async *listIncompleteUploads(): AsyncIterable<IncompleteUpload> {
    for await (const { key, path } of this.walk('', () => true)) {
      const match = TEMP_FILE.exec(basename(key));
      if (!match?.[1]) continue;
      const folderKey = key.includes('/') ? key.slice(0, key.lastIndexOf('/')) : '';
      const info = await stat(path).catch(() => undefined);
      if (!info) continue;
      yield {
        key: folderKey === '' ? match[1] : `${folderKey}/${match[1]}`,
        uploadId: key,
        initiated: new Date(info.mtimeMs),
      };
    }
  }

  async abortUpload(upload: IncompleteUpload): Promise<void> {
    // The upload id is the temp file's key; refuse anything else so the sweep can only remove temp files.
    if (!TEMP_FILE.test(basename(upload.uploadId))) {
      throw new Error(`abortUpload: "${upload.uploadId}" is not an incomplete upload of ${this.describe()}`);
    }
    const path = this.pathOf(upload.uploadId);
    await unlink(path).catch((error: unknown) => {
      if (errnoCode(error) !== 'ENOENT') throw this.explain(error, 'delete', path);
    });
  }

  async close(): Promise<void> {}
}

/**
 * `mkdir -p` that reports the real reason it failed: a recursive mkdir says ENOENT on a read-only
 * file system. Returns the outermost folder it created, if any.
 */
async function makeFolders(folder: string): Promise<string | undefined> {
  const missing: string[] = [];
  for (let current = folder; ; current = dirname(current)) {
    const info = await stat(current).catch((error: unknown) => {
      if (errnoCode(error) === 'ENOENT') return undefined;
      throw error;
    });
    if (info) break;
    missing.unshift(current);
    if (dirname(current) === current) break;
  }
  for (const path of missing) {
    await mkdir(path).catch((error: unknown) => {
      if (errnoCode(error) !== 'EEXIST') throw error;
    });
  }
  return missing[0];
}

/** Could a key under `folderKey` (which ends in "/") start with `prefix`? */
function matchesPrefix(folderKey: string, prefix: string): boolean {
  return folderKey.startsWith(prefix) || prefix.startsWith(folderKey);
}
