import { Readable, Transform } from 'node:stream';
import {
  AbortMultipartUploadCommand,
  type ChecksumAlgorithm,
  type CompletedPart,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  type ListMultipartUploadsCommandOutput,
  ListObjectsV2Command,
  type ListObjectsV2CommandOutput,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
  type ServerSideEncryption,
  type StorageClass,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import {
  CLEANUP_TIMEOUT_MS,
  type Deadline,
  displayUri,
  type Logger,
  silentLogger,
  UserError,
} from '@shipkit/runtime';
import { ObjectExistsError, ObjectNotFoundError, RetainedByLockError } from './errors';
import { checkKey, checkListPrefix, joinKey } from './keys';
import { checkKmsKey, checkPartSize, DEFAULT_PARTS_IN_FLIGHT, MAX_PARTS } from './part-size';
import { fixedSizeParts, type Part, PartBufferPool } from './parts';
import {
  explainS3Error,
  isAccessDenied,
  isNotFound,
  isNotImplemented,
  isPreconditionFailed,
  mentionsObjectLock,
  s3ErrorFacts,
} from './s3-errors';
import type {
  ConditionalWrite,
  IncompleteUpload,
  ListedObject,
  ObjectHead,
  PutOptions,
  PutResult,
  Storage,
} from './types';
import { formatStorageUrl, type S3Location } from './url';

export type ChecksumMode = 'WHEN_SUPPORTED' | 'WHEN_REQUIRED';

export interface S3StorageOptions {
  /** For S3-compatible stores (MinIO, R2, B2, versitygw…); omitted for AWS. */
  endpoint?: string;
  region?: string;
  /** Defaults to true with a custom endpoint (MinIO-style servers), false for AWS. */
  forcePathStyle?: boolean;
  storageClass?: StorageClass;
  serverSideEncryption?: ServerSideEncryption;
  /** With `serverSideEncryption: 'aws:kms'`; the bucket's default key when omitted. */
  kmsKeyId?: string;
  /** `WHEN_REQUIRED` for stores that reject the SDK's default checksum headers (R2, B2). */
  requestChecksumCalculation?: ChecksumMode;
  responseChecksumValidation?: ChecksumMode;
  /** Explicit keys, for tests; otherwise the standard AWS credential chain (env, profile, OIDC role…). */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** Fixed multipart part size, 5 MiB .. 5 GiB; also the largest object sent with one PUT. */
  partSize?: number;
  /** Parts uploading while the next one fills. */
  partsInFlight?: number;
  /** Time allowed to open a connection. */
  connectTimeoutMs?: number;
  /** Time a connection may stay silent (sending or receiving) before the request fails. */
  socketTimeoutMs?: number;
  /** Attempts per request, including the first (503 SlowDown, dropped connections… are retried). */
  maxAttempts?: number;
  /** Keys per listing request (S3 returns at most 1000). */
  listPageSize?: number;
  /** A ready client, e.g. with custom middleware; the connection options above are then ignored. */
  client?: S3Client;
  logger?: Logger;
  /**
   * The run's deadline: every request is sent with its AbortSignal and aborted when the run stops, and
   * a multipart upload is never completed after that.
   */
  deadline?: Deadline;
}

const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;
const DEFAULT_SOCKET_TIMEOUT_MS = 60_000;
const DEFAULT_MAX_ATTEMPTS = 5;

/** An S3 client configured so that nothing hangs: bounded connect time, idle time and attempts. */
export function createS3Client(options: S3StorageOptions): S3Client {
  const config: S3ClientConfig = {
    forcePathStyle: options.forcePathStyle ?? options.endpoint !== undefined,
    maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    retryMode: 'standard',
    // Every request with a body (a part, the manifest, a completion) sends its headers first and its
    // body only once the server answers "100 Continue" (or has said nothing for 6 s): a server that
    // froze holds at most the headers of a write, which it cannot apply when it wakes up after the run
    // has given up on it.
    expectContinueHeader: true,
    requestHandler: {
      connectionTimeout: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
      socketTimeout: options.socketTimeoutMs ?? DEFAULT_SOCKET_TIMEOUT_MS,
    },
  };
  if (options.endpoint !== undefined) config.endpoint = options.endpoint;
  else config.followRegionRedirects = true;
  const region =
    options.region ??
    // S3-compatible servers mostly ignore the region, but the SDK cannot sign without one.
    (options.endpoint !== undefined
      ? (process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1')
      : undefined);
  if (region !== undefined) config.region = region;
  if (options.credentials) config.credentials = options.credentials;
  if (options.requestChecksumCalculation)
    config.requestChecksumCalculation = options.requestChecksumCalculation;
  if (options.responseChecksumValidation)
    config.responseChecksumValidation = options.responseChecksumValidation;
  return new S3Client(config);
}

type ConditionalHeaderSupport = 'unknown' | 'supported' | 'rejected';

/** The data to upload could not be read: the producer's fault, not the store's. */
class SourceReadError extends Error {
  constructor(readonly original: unknown) {
    super(original instanceof Error ? original.message : String(original), { cause: original });
  }
}

/** The error to report when the source failed; undefined for any other failure. */
function sourceFailure(action: string, error: unknown): Error | undefined {
  if (!(error instanceof SourceReadError)) return undefined;
  return new Error(`${action} stopped: reading the data to upload failed: ${error.message}`, {
    cause: error.original,
  });
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message || error.name : String(error);
}

async function nextPart(parts: AsyncGenerator<Part>): Promise<Part> {
  let next: IteratorResult<Part>;
  try {
    next = await parts.next();
  } catch (error) {
    throw new SourceReadError(error);
  }
  if (next.done) throw new Error('fixedSizeParts ended without a final part');
  return next.value;
}

export class S3Storage implements Storage {
  readonly location: S3Location;
  private readonly client: S3Client;
  private readonly ownsClient: boolean;
  private readonly logger: Logger;
  private readonly deadline: Deadline | undefined;
  private readonly partSize: number;
  private readonly partsInFlight: number;
  private readonly listPageSize: number;
  private readonly endpointText: string;
  private readonly writeParams: {
    StorageClass?: StorageClass;
    ServerSideEncryption?: ServerSideEncryption;
    SSEKMSKeyId?: string;
  } = {};
  /** Learnt from the first conditional write, so later ones skip a header the store rejects. */
  private conditionalHeader: ConditionalHeaderSupport = 'unknown';

  constructor(location: S3Location, options: S3StorageOptions = {}) {
    this.location = location;
    this.partSize = checkPartSize(options.partSize);
    checkKmsKey(options.serverSideEncryption, options.kmsKeyId);
    this.partsInFlight = Math.max(1, Math.floor(options.partsInFlight ?? DEFAULT_PARTS_IN_FLIGHT));
    this.listPageSize = Math.min(1000, Math.max(1, Math.floor(options.listPageSize ?? 1000)));
    this.client = options.client ?? createS3Client(options);
    this.ownsClient = options.client === undefined;
    this.logger = options.logger ?? silentLogger;
    this.deadline = options.deadline;
    this.endpointText =
      options.endpoint !== undefined
        ? `the S3 endpoint ${displayUri(options.endpoint)}`
        : `AWS S3${options.region ? ` (region ${options.region})` : ''}`;
    if (options.storageClass) this.writeParams.StorageClass = options.storageClass;
    if (options.serverSideEncryption) this.writeParams.ServerSideEncryption = options.serverSideEncryption;
    if (options.kmsKeyId) this.writeParams.SSEKMSKeyId = options.kmsKeyId;
  }

  describe(key?: string): string {
    return formatStorageUrl(this.location, key);
  }

  private objectKey(key: string): string {
    return joinKey(this.location.prefix, checkKey(key));
  }

  /** The location prefix with its trailing slash, so `backups` never matches `backups-old/…`. */
  private get prefixWithSlash(): string {
    return this.location.prefix === '' ? '' : `${this.location.prefix}/`;
  }

  private relativeKey(fullKey: string): string {
    return fullKey.slice(this.prefixWithSlash.length);
  }

  private explain(error: unknown, action: string, writing?: string): Error {
    // Once the run has stopped, every request fails for that reason: the run's reason is the one to give.
    if (this.deadline?.stopped) return this.deadline.reason as Error;
    return explainS3Error(error, {
      action,
      bucket: this.location.bucket,
      endpoint: this.endpointText,
      ...(writing !== undefined && { write: { destination: this.describe(), key: writing } }),
    });
  }

  /**
   * Sends one request within the run's deadline: with its AbortSignal, so the request is dropped the
   * moment the run stops, and named in the timeout message if it is what the run was waiting for.
   */
  private async request<T>(
    what: string,
    send: (options: { abortSignal?: AbortSignal }) => Promise<T>,
  ): Promise<T> {
    if (!this.deadline) return send({});
    return this.deadline.waitFor(
      `${this.endpointText} (${what})`,
      send({ abortSignal: this.deadline.signal }),
    );
  }

  /** A request that tidies up after a failure, possibly after the run stopped: it has its own short deadline. */
  private async cleanupRequest<T>(send: (options: { abortSignal: AbortSignal }) => Promise<T>): Promise<T> {
    const abortSignal = AbortSignal.timeout(CLEANUP_TIMEOUT_MS);
    const gaveUp = new Promise<never>((_, reject) => {
      abortSignal.addEventListener('abort', () => reject(abortSignal.reason), { once: true });
    });
    const work = send({ abortSignal });
    work.catch(() => {});
    return Promise.race([work, gaveUp]);
  }

  private async checksumAlgorithm(): Promise<ChecksumAlgorithm | undefined> {
    const mode = await this.client.config.requestChecksumCalculation();
    return mode === 'WHEN_SUPPORTED' ? 'CRC32' : undefined;
  }

  /**
   * A buffer that fits in one part goes up with one PUT. A stream always goes up as a multipart
   * upload, even when it fits in one part: the object then appears only through
   * CompleteMultipartUpload, sent once every part is stored and never after the run has stopped. The
   * bytes of a single PUT, once on the wire, could still be applied by a server that was frozen and
   * wakes up after the run gave up — an archive appearing by itself after the run ended.
   */
  async put(key: string, body: Readable | Buffer, options: PutOptions = {}): Promise<PutResult> {
    const Key = this.objectKey(key);
    const pool = new PartBufferPool(this.partSize);
    if (Buffer.isBuffer(body) && body.length <= this.partSize) {
      return this.putSingle(key, Key, body, options);
    }
    const parts = fixedSizeParts(Buffer.isBuffer(body) ? [body] : body, pool);
    let first: Part;
    try {
      first = await nextPart(parts);
    } catch (error) {
      if (this.deadline?.stopped) throw this.deadline.reason;
      throw sourceFailure(`upload of ${this.describe(key)}`, error) ?? error;
    }
    return this.putMultipart(key, Key, first, parts, pool, body, options);
  }

  private async putSingle(key: string, Key: string, data: Buffer, options: PutOptions): Promise<PutResult> {
    const action = `upload of ${this.describe(key)}`;
    const write = async (ifNoneMatch: boolean) =>
      this.request(action, (sendOptions) =>
        this.client.send(
          new PutObjectCommand({
            Bucket: this.location.bucket,
            Key,
            Body: data,
            ContentLength: data.length,
            ...(options.contentType && { ContentType: options.contentType }),
            ...(ifNoneMatch && { IfNoneMatch: '*' }),
            ...this.writeParams,
          }),
          sendOptions,
        ),
      );
    try {
      const { result, conditional } = await this.writeConditionally(key, options, write);
      return {
        key,
        bytes: data.length,
        parts: 1,
        ...(result.ETag && { etag: result.ETag }),
        ...(conditional && { conditional }),
      };
    } catch (error) {
      throw this.explain(error, action, key);
    }
  }

  /**
   * Runs `write` with `If-None-Match: *` when asked to; if the store answers 501/NotImplemented,
   * falls back to HEAD then an unconditional write, and remembers that for later writes.
   */
  private async writeConditionally<T>(
    key: string,
    options: PutOptions,
    write: (ifNoneMatch: boolean) => Promise<T>,
  ): Promise<{ result: T; conditional?: ConditionalWrite }> {
    if (!options.ifNoneMatch) return { result: await write(false) };
    if (this.conditionalHeader !== 'rejected') {
      try {
        const result = await write(true);
        this.conditionalHeader = 'supported';
        return { result, conditional: 'if-none-match' };
      } catch (error) {
        const facts = s3ErrorFacts(error);
        if (isPreconditionFailed(facts)) throw new ObjectExistsError(key, this.describe(key));
        if (!isNotImplemented(facts)) throw error;
        this.conditionalHeader = 'rejected';
        this.logger.warn(
          `${this.endpointText} does not support conditional writes (If-None-Match); checking with HEAD before ` +
            'writing instead, which does not guard against a concurrent writer.',
        );
      }
    }
    if (await this.head(key)) throw new ObjectExistsError(key, this.describe(key));
    return { result: await write(false), conditional: 'head-then-put' };
  }

  private async putMultipart(
    key: string,
    Key: string,
    firstPart: Part,
    parts: AsyncGenerator<Part>,
    pool: PartBufferPool,
    body: Readable | Buffer,
    options: PutOptions,
  ): Promise<PutResult> {
    const action = `multipart upload of ${this.describe(key)}`;
    const Bucket = this.location.bucket;
    const checksum = await this.checksumAlgorithm();
    let uploadId: string;
    try {
      const created = await this.request(`start of the ${action}`, (sendOptions) =>
        this.client.send(
          new CreateMultipartUploadCommand({
            Bucket,
            Key,
            ...(options.contentType && { ContentType: options.contentType }),
            ...(checksum && { ChecksumAlgorithm: checksum }),
            ...this.writeParams,
          }),
          sendOptions,
        ),
      );
      if (!created.UploadId) throw new Error('CreateMultipartUpload was answered without an UploadId');
      uploadId = created.UploadId;
    } catch (error) {
      await parts.return(undefined).catch(() => undefined);
      throw this.explain(error, action, key);
    }

    const completed: CompletedPart[] = [];
    const inFlight = new Set<Promise<void>>();
    let failure: { error: unknown } | undefined;
    let bytes = 0;
    const fail = (error: unknown) => {
      failure ??= { error };
      // Stop the producer at once instead of letting it fill another part nobody will send.
      if (body instanceof Readable) body.destroy(error instanceof Error ? error : new Error(String(error)));
    };
    const uploadPart = async (PartNumber: number, data: Buffer) => {
      const answer = await this.request(`part ${PartNumber} of the ${action}`, (sendOptions) =>
        this.client.send(
          new UploadPartCommand({
            Bucket,
            Key,
            UploadId: uploadId,
            PartNumber,
            Body: data,
            ContentLength: data.length,
            ...(checksum && { ChecksumAlgorithm: checksum }),
          }),
          sendOptions,
        ),
      );
      if (!answer.ETag) throw new Error(`part ${PartNumber} was answered without an ETag`);
      completed[PartNumber - 1] = {
        PartNumber,
        ETag: answer.ETag,
        ...(answer.ChecksumCRC32 && { ChecksumCRC32: answer.ChecksumCRC32 }),
      };
      pool.give(data);
    };

    try {
      let part = firstPart;
      for (let partNumber = 1; ; partNumber++) {
        if (partNumber > MAX_PARTS) {
          throw new UserError(
            `${action} needs more than ${MAX_PARTS} parts of ${this.partSize / 2 ** 20} MiB; raise the part size ` +
              `(it limits objects to ${((this.partSize * MAX_PARTS) / 1024 ** 4).toFixed(2)} TiB).`,
          );
        }
        bytes += part.data.length;
        const task: Promise<void> = uploadPart(partNumber, part.data).then(
          () => {
            inFlight.delete(task);
          },
          (error: unknown) => {
            inFlight.delete(task);
            fail(error);
          },
        );
        inFlight.add(task);
        if (part.final) break;
        // Fill the next part while this one uploads, then wait for a free slot.
        part = await nextPart(parts);
        while (inFlight.size >= this.partsInFlight && !failure) await Promise.race(inFlight);
        if (failure) throw failure.error;
      }
      await Promise.all(inFlight);
      if (failure) throw failure.error;

      // The only request that makes the object appear: `request` never sends it once the run has stopped.
      const complete = (ifNoneMatch: boolean) =>
        this.request(`completion of the ${action}`, (sendOptions) =>
          this.client.send(
            new CompleteMultipartUploadCommand({
              Bucket,
              Key,
              UploadId: uploadId,
              MultipartUpload: { Parts: completed },
              ...(ifNoneMatch && { IfNoneMatch: '*' }),
            }),
            sendOptions,
          ),
        );
      const { result, conditional } = await this.writeConditionally(key, options, complete);
      // An answer parsed from an <Error> body, or an empty one, carries no ETag: not a finished object.
      if (!result.ETag) throw new Error('CompleteMultipartUpload was answered without an ETag');
      return { key, bytes, parts: completed.length, etag: result.ETag, ...(conditional && { conditional }) };
    } catch (error) {
      failure ??= { error };
      await Promise.allSettled(inFlight);
      await parts.return(undefined).catch(() => undefined);
      await this.abortQuietly(Key, uploadId, action);
      if (this.deadline?.stopped) throw this.deadline.reason;
      throw sourceFailure(action, failure.error) ?? this.explain(failure.error, action, key);
    }
  }

  /**
   * Aborts a multipart upload that will not be completed, with a deadline of its own since the run may
   * have stopped already. A server that does not answer in time still gets the request: one that was
   * frozen applies it when it wakes up. If it cannot be sent at all, the upload stays listed under the
   * prefix, and the sweep of incomplete uploads aborts it.
   */
  private async abortQuietly(Key: string, UploadId: string, action: string): Promise<void> {
    try {
      await this.cleanupRequest((sendOptions) =>
        this.client.send(
          new AbortMultipartUploadCommand({ Bucket: this.location.bucket, Key, UploadId }),
          sendOptions,
        ),
      );
    } catch (error) {
      this.logger.warn(
        `Could not abort the ${action} (upload id ${UploadId}): ${errorText(error)}. It stays listed as an ` +
          'incomplete upload, its parts billed, until the sweep of incomplete uploads (prune) or a bucket ' +
          'lifecycle rule removes it; it can never complete by itself.',
      );
    }
  }

  async get(key: string): Promise<Readable> {
    return this.getObject(key, undefined);
  }

  async getRange(key: string, start: number, end?: number): Promise<Readable> {
    if (
      !Number.isInteger(start) ||
      start < 0 ||
      (end !== undefined && (!Number.isInteger(end) || end < start))
    ) {
      throw new RangeError(`getRange: invalid byte range ${start}-${end ?? ''}`);
    }
    return this.getObject(key, `bytes=${start}-${end ?? ''}`);
  }

  private async getObject(key: string, Range: string | undefined): Promise<Readable> {
    const action = `download of ${this.describe(key)}`;
    try {
      const answer = await this.request(action, (sendOptions) =>
        this.client.send(
          new GetObjectCommand({
            Bucket: this.location.bucket,
            Key: this.objectKey(key),
            ...(Range && { Range }),
          }),
          sendOptions,
        ),
      );
      if (!(answer.Body instanceof Readable)) throw new Error('GetObject answered without a body stream');
      return this.deadline ? this.watchedBody(answer.Body, action, this.deadline) : answer.Body;
    } catch (error) {
      if (s3ErrorFacts(error).code === 'NoSuchKey') throw new ObjectNotFoundError(key, this.describe(key));
      throw this.explain(error, action);
    }
  }

  /**
   * The body of a download, within the run's deadline: reading it counts as waiting on the server
   * (named if the run times out while no data arrives), and it fails with the run's reason when the
   * run stops.
   */
  private watchedBody(body: Readable, action: string, deadline: Deadline): Readable {
    const activity = deadline.begin(`${this.endpointText} (${action})`);
    const watched = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        activity.progress();
        done(null, chunk);
      },
    });
    const onStop = () => watched.destroy(deadline.reason);
    deadline.signal.addEventListener('abort', onStop, { once: true });
    const finish = () => {
      activity.end();
      deadline.signal.removeEventListener('abort', onStop);
    };
    watched.once('close', finish);
    body.once('error', (error) => watched.destroy(error));
    watched.once('close', () => body.destroy());
    return body.pipe(watched);
  }

  async head(key: string): Promise<ObjectHead | undefined> {
    try {
      const answer = await this.request(`check of ${this.describe(key)}`, (sendOptions) =>
        this.client.send(
          new HeadObjectCommand({ Bucket: this.location.bucket, Key: this.objectKey(key) }),
          sendOptions,
        ),
      );
      return {
        size: answer.ContentLength ?? 0,
        lastModified: answer.LastModified ?? new Date(0),
        ...(answer.ETag && { etag: answer.ETag }),
      };
    } catch (error) {
      if (isNotFound(s3ErrorFacts(error))) return undefined;
      throw this.explain(error, `check of ${this.describe(key)}`);
    }
  }

  async *list(prefix = ''): AsyncIterable<ListedObject> {
    const Prefix = this.prefixWithSlash + checkListPrefix(prefix);
    let ContinuationToken: string | undefined;
    do {
      let page: ListObjectsV2CommandOutput;
      try {
        page = await this.request(`listing of ${this.describe(prefix)}`, (sendOptions) =>
          this.client.send(
            new ListObjectsV2Command({
              Bucket: this.location.bucket,
              Prefix,
              MaxKeys: this.listPageSize,
              ...(ContinuationToken && { ContinuationToken }),
            }),
            sendOptions,
          ),
        );
      } catch (error) {
        throw this.explain(error, `listing of ${this.describe(prefix)}`);
      }
      for (const object of page.Contents ?? []) {
        if (object.Key === undefined) continue;
        yield {
          key: this.relativeKey(object.Key),
          size: object.Size ?? 0,
          lastModified: object.LastModified ?? new Date(0),
        };
      }
      ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (ContinuationToken);
  }

  async delete(key: string): Promise<void> {
    const Key = this.objectKey(key);
    try {
      await this.request(`deletion of ${this.describe(key)}`, (sendOptions) =>
        this.client.send(new DeleteObjectCommand({ Bucket: this.location.bucket, Key }), sendOptions),
      );
    } catch (error) {
      const facts = s3ErrorFacts(error);
      if (isAccessDenied(facts)) {
        if (mentionsObjectLock(facts)) throw new RetainedByLockError(key, this.describe(key), facts.message);
        const lock = await this.lockOn(Key);
        if (lock) throw new RetainedByLockError(key, this.describe(key), lock);
      }
      if (isNotFound(facts)) return;
      throw this.explain(error, `deletion of ${this.describe(key)}`);
    }
  }

  /** Why a delete was refused, when the object carries a retention date ahead or a legal hold. */
  private async lockOn(Key: string): Promise<string | undefined> {
    try {
      const answer = await this.request(`check of ${Key}`, (sendOptions) =>
        this.client.send(new HeadObjectCommand({ Bucket: this.location.bucket, Key }), sendOptions),
      );
      const until = answer.ObjectLockRetainUntilDate;
      if (until && until.getTime() > Date.now()) {
        return `${answer.ObjectLockMode ?? 'retention'} until ${until.toISOString()}`;
      }
      if (answer.ObjectLockLegalHoldStatus === 'ON') return 'legal hold';
    } catch {
      // The delete's own error is the one to report.
    }
    return undefined;
  }

  async *listIncompleteUploads(): AsyncIterable<IncompleteUpload> {
    let KeyMarker: string | undefined;
    let UploadIdMarker: string | undefined;
    for (;;) {
      let page: ListMultipartUploadsCommandOutput;
      try {
        page = await this.request(`listing of incomplete uploads under ${this.describe()}`, (sendOptions) =>
          this.client.send(
            new ListMultipartUploadsCommand({
              Bucket: this.location.bucket,
              Prefix: this.prefixWithSlash,
              MaxUploads: this.listPageSize,
              ...(KeyMarker && { KeyMarker }),
              ...(UploadIdMarker && { UploadIdMarker }),
            }),
            sendOptions,
          ),
        );
      } catch (error) {
        throw this.explain(error, `listing of incomplete uploads under ${this.describe()}`);
      }
      for (const upload of page.Uploads ?? []) {
        if (!upload.Key || !upload.UploadId) continue;
        yield {
          key: this.relativeKey(upload.Key),
          uploadId: upload.UploadId,
          ...(upload.Initiated && { initiated: upload.Initiated }),
        };
      }
      if (!page.IsTruncated || (!page.NextKeyMarker && !page.NextUploadIdMarker)) return;
      KeyMarker = page.NextKeyMarker;
      UploadIdMarker = page.NextUploadIdMarker;
    }
  }

  async abortUpload(upload: IncompleteUpload): Promise<void> {
    try {
      await this.request(`abort of the incomplete upload of ${this.describe(upload.key)}`, (sendOptions) =>
        this.client.send(
          new AbortMultipartUploadCommand({
            Bucket: this.location.bucket,
            Key: this.objectKey(upload.key),
            UploadId: upload.uploadId,
          }),
          sendOptions,
        ),
      );
    } catch (error) {
      if (s3ErrorFacts(error).code === 'NoSuchUpload') return;
      throw this.explain(error, `abort of the incomplete upload of ${this.describe(upload.key)}`);
    }
  }

  async close(): Promise<void> {
    if (this.ownsClient) this.client.destroy();
  }
}
