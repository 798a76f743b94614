import type { Readable } from 'node:stream';
import { checkKmsKey, checkPartSize } from './part-size';
import type { S3Storage, S3StorageOptions } from './s3-storage';
import type { IncompleteUpload, ListedObject, ObjectHead, PutOptions, PutResult, Storage } from './types';
import { formatStorageUrl, type S3Location } from './url';

/**
 * An `S3Storage` whose AWS SDK (tens of MiB once loaded) is imported on first use, so commands and
 * backups to `file://` never pay for it. Options are checked at once, as `S3Storage` does.
 */
export class LazyS3Storage implements Storage {
  #loading: Promise<S3Storage> | undefined;

  constructor(
    readonly location: S3Location,
    private readonly options: S3StorageOptions = {},
  ) {
    checkPartSize(options.partSize);
    checkKmsKey(options.serverSideEncryption, options.kmsKeyId);
  }

  #storage(): Promise<S3Storage> {
    this.#loading ??= import('./s3-storage').then(
      ({ S3Storage }) => new S3Storage(this.location, this.options),
    );
    return this.#loading;
  }

  describe(key?: string): string {
    return formatStorageUrl(this.location, key);
  }

  async put(key: string, body: Readable | Buffer, options?: PutOptions): Promise<PutResult> {
    return (await this.#storage()).put(key, body, options);
  }

  async get(key: string): Promise<Readable> {
    return (await this.#storage()).get(key);
  }

  async getRange(key: string, start: number, end?: number): Promise<Readable> {
    return (await this.#storage()).getRange(key, start, end);
  }

  async head(key: string): Promise<ObjectHead | undefined> {
    return (await this.#storage()).head(key);
  }

  async *list(prefix?: string): AsyncIterable<ListedObject> {
    yield* (await this.#storage()).list(prefix);
  }

  async delete(key: string): Promise<void> {
    return (await this.#storage()).delete(key);
  }

  async *listIncompleteUploads(): AsyncIterable<IncompleteUpload> {
    yield* (await this.#storage()).listIncompleteUploads();
  }

  async abortUpload(upload: IncompleteUpload): Promise<void> {
    return (await this.#storage()).abortUpload(upload);
  }

  async close(): Promise<void> {
    if (this.#loading) await (await this.#loading).close();
  }
}
