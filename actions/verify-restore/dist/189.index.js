export const id = 189;
export const ids = [189];
export const modules = {

/***/ 3189:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  S3Storage: () => (/* binding */ S3Storage),
  createS3Client: () => (/* binding */ createS3Client)
});

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: ../../node_modules/@aws-sdk/client-s3/dist-cjs/index.js
var dist_cjs = __webpack_require__(8299);
// EXTERNAL MODULE: ../../packages/runtime/src/log.ts
var log = __webpack_require__(2352);
// EXTERNAL MODULE: ../../packages/runtime/src/secrets.ts
var secrets = __webpack_require__(4727);
// EXTERNAL MODULE: ../../packages/runtime/src/deadline.ts
var deadline = __webpack_require__(5060);
// EXTERNAL MODULE: ../../packages/runtime/src/errors.ts
var errors = __webpack_require__(6631);
// EXTERNAL MODULE: ../../packages/storage/src/errors.ts
var src_errors = __webpack_require__(1400);
// EXTERNAL MODULE: ../../packages/storage/src/keys.ts
var keys = __webpack_require__(6168);
// EXTERNAL MODULE: ../../packages/storage/src/part-size.ts
var part_size = __webpack_require__(2582);
;// CONCATENATED MODULE: ../../packages/storage/src/parts.ts
/** Cuts a stream of unknown length into parts of one fixed size, reusing part buffers. */
// The first part starts small and grows, so small objects (manifests) never cost a whole part of memory.
const FIRST_PART_START = 256 * 1024;
/** Full-size part buffers handed back after their upload, so a long upload allocates only a few. */
class PartBufferPool {
    partSize;
    free = [];
    constructor(partSize) {
        this.partSize = partSize;
    }
    take() {
        return this.free.pop() ?? Buffer.allocUnsafeSlow(this.partSize);
    }
    give(buffer) {
        if (buffer.length === this.partSize && buffer.byteOffset === 0)
            this.free.push(buffer);
    }
}
function asBuffer(chunk) {
    if (Buffer.isBuffer(chunk))
        return chunk;
    if (typeof chunk === 'string')
        return Buffer.from(chunk);
    if (chunk instanceof Uint8Array)
        return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    throw new TypeError(`put: the body stream produced a ${typeof chunk}, not bytes`);
}
/**
 * Yields parts of exactly `pool.partSize` bytes, then a final, possibly shorter one (empty only when
 * the whole source is). A full part is yielded only once a further byte has arrived, so `final` is
 * always known; what is held back is the rest of one source chunk, never a copy.
 */
async function* fixedSizeParts(source, pool) {
    const { partSize } = pool;
    let buffer = Buffer.allocUnsafeSlow(Math.min(partSize, FIRST_PART_START));
    let filled = 0;
    for await (const raw of source) {
        let chunk = asBuffer(raw);
        while (chunk.length > 0) {
            if (filled === partSize) {
                yield { data: buffer, final: false };
                buffer = pool.take();
                filled = 0;
            }
            const length = Math.min(partSize - filled, chunk.length);
            if (filled + length > buffer.length) {
                const grown = Buffer.allocUnsafeSlow(Math.min(partSize, Math.max(buffer.length * 2, filled + length)));
                buffer.copy(grown, 0, 0, filled);
                buffer = grown;
            }
            chunk.copy(buffer, filled, 0, length);
            filled += length;
            chunk = chunk.subarray(length);
        }
    }
    yield { data: filled === buffer.length ? buffer : buffer.subarray(0, filled), final: true };
}

// EXTERNAL MODULE: ../../packages/runtime/src/options/errors.ts
var options_errors = __webpack_require__(6960);
// EXTERNAL MODULE: ../../packages/runtime/src/options/text.ts
var options_text = __webpack_require__(8444);
;// CONCATENATED MODULE: ../../packages/storage/src/s3-errors.ts


function s3ErrorFacts(error) {
    const record = (typeof error === 'object' && error !== null ? error : {});
    // A connection attempt over several addresses fails with an AggregateError whose parts hold the code.
    const nested = Array.isArray(record.errors)
        ? record.errors[0]
        : undefined;
    const socketCode = typeof record.code === 'string' ? record.code : nested?.code;
    const message = (0,errors/* errorMessage */.g)(error);
    const code = typeof record.Code === 'string'
        ? record.Code
        : typeof socketCode === 'string' && /^E[A-Z_]+$/.test(socketCode)
            ? socketCode
            : // Errors from another realm reach us only as text ("AWS SDK error wrapper for Error: connect ECONNREFUSED …").
                (SOCKET_CODE_IN_TEXT.exec(message)?.[1] ??
                    (typeof record.name === 'string' ? record.name : 'Error'));
    return { code, status: record.$metadata?.httpStatusCode, message, attempts: record.$metadata?.attempts };
}
const SOCKET_CODE_IN_TEXT = /\b(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|ETIMEDOUT|EPIPE)\b/;
const UNREACHABLE_CODES = new Set([
    'ECONNREFUSED',
    'ECONNRESET',
    'ENOTFOUND',
    'EAI_AGAIN',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'ETIMEDOUT',
    'EPIPE',
    'TimeoutError',
]);
const CREDENTIAL_CODES = new Set([
    'InvalidAccessKeyId',
    'SignatureDoesNotMatch',
    'InvalidToken',
    'ExpiredToken',
    'TokenRefreshRequired',
    'InvalidClientTokenId',
    'XAdminUserNotFound', // versitygw: no user with this access key id
]);
/** No such object (HEAD answers a bare 404); a missing bucket or an unknown access key is something else. */
function isNotFound(facts) {
    if (facts.code === 'NoSuchBucket' || facts.code === 'NoSuchUpload' || CREDENTIAL_CODES.has(facts.code))
        return false;
    return facts.status === 404 || facts.code === 'NotFound' || facts.code === 'NoSuchKey';
}
function isPreconditionFailed(facts) {
    // 409 ConditionalRequestConflict: a concurrent conditional write to the same key won the race.
    return (facts.status === 412 ||
        facts.code === 'PreconditionFailed' ||
        facts.code === 'ConditionalRequestConflict' ||
        (facts.status === 409 && /conditional/i.test(facts.code)));
}
function isNotImplemented(facts) {
    return facts.status === 501 || facts.code === 'NotImplemented';
}
function isAccessDenied(facts) {
    return facts.code === 'AccessDenied' || (facts.status === 403 && !CREDENTIAL_CODES.has(facts.code));
}
function mentionsObjectLock(facts) {
    return /object ?lock|retention|legal ?hold|worm/i.test(facts.message);
}
/** Codes with which S3-compatible stores say they are out of room (MinIO, Ceph, Wasabi, B2…). */
const FULL_CODES = new Set(['QuotaExceeded', 'XMinioStorageFull', 'StorageFull', 'InsufficientStorage']);
/** A write the store refused for good: full, too large, or not allowed. */
function refusedWrite(facts) {
    if (FULL_CODES.has(facts.code) || facts.status === 507)
        return 'full';
    if (facts.code === 'EntityTooLarge')
        return 'too-large';
    if (isAccessDenied(facts))
        return 'not-writable';
    return undefined;
}
/**
 * Turns what a user can fix (missing bucket, bad credentials, unreachable endpoint, wrong region)
 * into a `UserError` saying what to change; anything else keeps its cause under a message with context.
 */
function explainS3Error(error, context) {
    if (error instanceof errors/* UserError */.y)
        return error;
    const facts = s3ErrorFacts(error);
    const where = `${context.action} at ${context.endpoint}`;
    if (facts.code === 'NoSuchBucket') {
        return new errors/* UserError */.y(`Bucket "${context.bucket}" does not exist (${where}). Check the bucket name in the storage URL ` +
            '(s3://bucket/prefix), the endpoint and the region, or create the bucket.');
    }
    if (CREDENTIAL_CODES.has(facts.code)) {
        return new errors/* UserError */.y(`The S3 credentials were rejected (${facts.code}) during ${where}. Check AWS_ACCESS_KEY_ID and ` +
            'AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN), or the role assumed through OIDC.');
    }
    if (facts.code === 'CredentialsProviderError' || /could not load credentials/i.test(facts.message)) {
        return new errors/* UserError */.y(`No AWS credentials were found for ${where}: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, ` +
            'or assume a role first (in a workflow, e.g. aws-actions/configure-aws-credentials with OIDC).');
    }
    const refused = context.write ? refusedWrite(facts) : undefined;
    if (context.write && refused) {
        const status = facts.status ? `, HTTP ${facts.status}` : '';
        return new src_errors/* DestinationWriteError */.Mb(refused, context.write.destination, context.write.key, `${facts.code}${status} from ${context.endpoint}`);
    }
    if (isAccessDenied(facts)) {
        return new errors/* UserError */.y(`Access denied during ${where} (${facts.code}${facts.status ? `, HTTP ${facts.status}` : ''}). The credentials ` +
            `are wrong, or lack permission on bucket "${context.bucket}", or the bucket policy refuses them.`);
    }
    if (facts.code === 'PermanentRedirect' ||
        facts.code === 'AuthorizationHeaderMalformed' ||
        facts.status === 301) {
        return options_errors/* OptionError */.eR.saying((0,options_text/* say */.cv) `Bucket "${context.bucket}" is in another region than the one configured (${where}); set ${(0,options_text/* ref */.KR)('s3-region')} (or AWS_REGION) to the bucket region.`);
    }
    if (/region is missing/i.test(facts.message)) {
        return options_errors/* OptionError */.eR.saying((0,options_text/* say */.cv) `No AWS region is set for ${where}: set ${(0,options_text/* ref */.KR)('s3-region')} or AWS_REGION.`);
    }
    if (UNREACHABLE_CODES.has(facts.code)) {
        const attempts = facts.attempts
            ? ` after ${facts.attempts} attempt${facts.attempts === 1 ? '' : 's'}`
            : '';
        return new errors/* UserError */.y(`Cannot reach ${context.endpoint} (${facts.code})${attempts} during ${context.action}. Check the endpoint ` +
            '(an http(s) URL such as https://s3.eu-west-1.amazonaws.com) and that the server is reachable from here.');
    }
    const status = facts.status ? `, HTTP ${facts.status}` : '';
    return new Error(`${context.action} failed at ${context.endpoint} (${facts.code}${status}): ${facts.message}`, {
        cause: error,
    });
}

// EXTERNAL MODULE: ../../packages/storage/src/url.ts
var url = __webpack_require__(1094);
;// CONCATENATED MODULE: ../../packages/storage/src/s3-storage.ts









const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;
const DEFAULT_SOCKET_TIMEOUT_MS = 60_000;
const DEFAULT_MAX_ATTEMPTS = 5;
/** An S3 client configured so that nothing hangs: bounded connect time, idle time and attempts. */
function createS3Client(options) {
    const config = {
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
    if (options.endpoint !== undefined)
        config.endpoint = options.endpoint;
    else
        config.followRegionRedirects = true;
    const region = options.region ??
        // S3-compatible servers mostly ignore the region, but the SDK cannot sign without one.
        (options.endpoint !== undefined
            ? (process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1')
            : undefined);
    if (region !== undefined)
        config.region = region;
    if (options.credentials)
        config.credentials = options.credentials;
    if (options.requestChecksumCalculation)
        config.requestChecksumCalculation = options.requestChecksumCalculation;
    if (options.responseChecksumValidation)
        config.responseChecksumValidation = options.responseChecksumValidation;
    return new dist_cjs/* S3Client */.YxF(config);
}
/** The data to upload could not be read: the producer's fault, not the store's. */
class SourceReadError extends Error {
    original;
    constructor(original) {
        super(original instanceof Error ? original.message : String(original), { cause: original });
        this.original = original;
    }
}
/** The error to report when the source failed; undefined for any other failure. */
function sourceFailure(action, error) {
    if (!(error instanceof SourceReadError))
        return undefined;
    return new Error(`${action} stopped: reading the data to upload failed: ${error.message}`, {
        cause: error.original,
    });
}
function errorText(error) {
    return error instanceof Error ? error.message || error.name : String(error);
}
async function nextPart(parts) {
    let next;
    try {
        next = await parts.next();
    }
    catch (error) {
        throw new SourceReadError(error);
    }
    if (next.done)
        throw new Error('fixedSizeParts ended without a final part');
    return next.value;
}
class S3Storage {
    location;
    client;
    ownsClient;
    logger;
    deadline;
    partSize;
    partsInFlight;
    listPageSize;
    endpointText;
    writeParams = {};
    /** Learnt from the first conditional write, so later ones skip a header the store rejects. */
    conditionalHeader = 'unknown';
    constructor(location, options = {}) {
        this.location = location;
        this.partSize = (0,part_size/* checkPartSize */.jq)(options.partSize);
        (0,part_size/* checkKmsKey */.B$)(options.serverSideEncryption, options.kmsKeyId);
        this.partsInFlight = Math.max(1, Math.floor(options.partsInFlight ?? part_size/* DEFAULT_PARTS_IN_FLIGHT */.CT));
        this.listPageSize = Math.min(1000, Math.max(1, Math.floor(options.listPageSize ?? 1000)));
        this.client = options.client ?? createS3Client(options);
        this.ownsClient = options.client === undefined;
        this.logger = options.logger ?? log/* silentLogger */.qq;
        this.deadline = options.deadline;
        this.endpointText =
            options.endpoint !== undefined
                ? `the S3 endpoint ${(0,secrets/* displayUri */.XX)(options.endpoint)}`
                : `AWS S3${options.region ? ` (region ${options.region})` : ''}`;
        if (options.storageClass)
            this.writeParams.StorageClass = options.storageClass;
        if (options.serverSideEncryption)
            this.writeParams.ServerSideEncryption = options.serverSideEncryption;
        if (options.kmsKeyId)
            this.writeParams.SSEKMSKeyId = options.kmsKeyId;
    }
    describe(key) {
        return (0,url/* formatStorageUrl */.EZ)(this.location, key);
    }
    objectKey(key) {
        return (0,keys/* joinKey */.ID)(this.location.prefix, (0,keys/* checkKey */.yR)(key));
    }
    /** The location prefix with its trailing slash, so `backups` never matches `backups-old/…`. */
    get prefixWithSlash() {
        return this.location.prefix === '' ? '' : `${this.location.prefix}/`;
    }
    relativeKey(fullKey) {
        return fullKey.slice(this.prefixWithSlash.length);
    }
    explain(error, action, writing) {
        // Once the run has stopped, every request fails for that reason: the run's reason is the one to give.
        if (this.deadline?.stopped)
            return this.deadline.reason;
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
    async request(what, send) {
        if (!this.deadline)
            return send({});
        return this.deadline.waitFor(`${this.endpointText} (${what})`, send({ abortSignal: this.deadline.signal }));
    }
    /** A request that tidies up after a failure, possibly after the run stopped: it has its own short deadline. */
    async cleanupRequest(send) {
        const abortSignal = AbortSignal.timeout(deadline/* CLEANUP_TIMEOUT_MS */.aE);
        const gaveUp = new Promise((_, reject) => {
            abortSignal.addEventListener('abort', () => reject(abortSignal.reason), { once: true });
        });
        const work = send({ abortSignal });
        work.catch(() => { });
        return Promise.race([work, gaveUp]);
    }
    async checksumAlgorithm() {
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
    async put(key, body, options = {}) {
        const Key = this.objectKey(key);
        const pool = new PartBufferPool(this.partSize);
        if (Buffer.isBuffer(body) && body.length <= this.partSize) {
            return this.putSingle(key, Key, body, options);
        }
        const parts = fixedSizeParts(Buffer.isBuffer(body) ? [body] : body, pool);
        let first;
        try {
            first = await nextPart(parts);
        }
        catch (error) {
            if (this.deadline?.stopped)
                throw this.deadline.reason;
            throw sourceFailure(`upload of ${this.describe(key)}`, error) ?? error;
        }
        return this.putMultipart(key, Key, first, parts, pool, body, options);
    }
    async putSingle(key, Key, data, options) {
        const action = `upload of ${this.describe(key)}`;
        const write = async (ifNoneMatch) => this.request(action, (sendOptions) => this.client.send(new dist_cjs/* PutObjectCommand */.wKZ({
            Bucket: this.location.bucket,
            Key,
            Body: data,
            ContentLength: data.length,
            ...(options.contentType && { ContentType: options.contentType }),
            ...(ifNoneMatch && { IfNoneMatch: '*' }),
            ...this.writeParams,
        }), sendOptions));
        try {
            const { result, conditional } = await this.writeConditionally(key, options, write);
            return {
                key,
                bytes: data.length,
                parts: 1,
                ...(result.ETag && { etag: result.ETag }),
                ...(conditional && { conditional }),
            };
        }
        catch (error) {
            throw this.explain(error, action, key);
        }
    }
    /**
     * Runs `write` with `If-None-Match: *` when asked to; if the store answers 501/NotImplemented,
     * falls back to HEAD then an unconditional write, and remembers that for later writes.
     */
    async writeConditionally(key, options, write) {
        if (!options.ifNoneMatch)
            return { result: await write(false) };
        if (this.conditionalHeader !== 'rejected') {
            try {
                const result = await write(true);
                this.conditionalHeader = 'supported';
                return { result, conditional: 'if-none-match' };
            }
            catch (error) {
                const facts = s3ErrorFacts(error);
                if (isPreconditionFailed(facts))
                    throw new src_errors/* ObjectExistsError */.qs(key, this.describe(key));
                if (!isNotImplemented(facts))
                    throw error;
                this.conditionalHeader = 'rejected';
                this.logger.warn(`${this.endpointText} does not support conditional writes (If-None-Match); checking with HEAD before ` +
                    'writing instead, which does not guard against a concurrent writer.');
            }
        }
        if (await this.head(key))
            throw new src_errors/* ObjectExistsError */.qs(key, this.describe(key));
        return { result: await write(false), conditional: 'head-then-put' };
    }
    async putMultipart(key, Key, firstPart, parts, pool, body, options) {
        const action = `multipart upload of ${this.describe(key)}`;
        const Bucket = this.location.bucket;
        const checksum = await this.checksumAlgorithm();
        let uploadId;
        try {
            const created = await this.request(`start of the ${action}`, (sendOptions) => this.client.send(new dist_cjs/* CreateMultipartUploadCommand */.nG4({
                Bucket,
                Key,
                ...(options.contentType && { ContentType: options.contentType }),
                ...(checksum && { ChecksumAlgorithm: checksum }),
                ...this.writeParams,
            }), sendOptions));
            if (!created.UploadId)
                throw new Error('CreateMultipartUpload was answered without an UploadId');
            uploadId = created.UploadId;
        }
        catch (error) {
            await parts.return(undefined).catch(() => undefined);
            throw this.explain(error, action, key);
        }
        const completed = [];
        const inFlight = new Set();
        let failure;
        let bytes = 0;
        const fail = (error) => {
            failure ??= { error };
            // Stop the producer at once instead of letting it fill another part nobody will send.
            if (body instanceof external_node_stream_.Readable)
                body.destroy(error instanceof Error ? error : new Error(String(error)));
        };
        const uploadPart = async (PartNumber, data) => {
            const answer = await this.request(`part ${PartNumber} of the ${action}`, (sendOptions) => this.client.send(new dist_cjs/* UploadPartCommand */.iVK({
                Bucket,
                Key,
                UploadId: uploadId,
                PartNumber,
                Body: data,
                ContentLength: data.length,
                ...(checksum && { ChecksumAlgorithm: checksum }),
            }), sendOptions));
            if (!answer.ETag)
                throw new Error(`part ${PartNumber} was answered without an ETag`);
            completed[PartNumber - 1] = {
                PartNumber,
                ETag: answer.ETag,
                ...(answer.ChecksumCRC32 && { ChecksumCRC32: answer.ChecksumCRC32 }),
            };
            pool.give(data);
        };
        try {
            let part = firstPart;
            for (let partNumber = 1;; partNumber++) {
                if (partNumber > part_size/* MAX_PARTS */.kz) {
                    throw new errors/* UserError */.y(`${action} needs more than ${part_size/* MAX_PARTS */.kz} parts of ${this.partSize / 2 ** 20} MiB; raise the part size ` +
                        `(it limits objects to ${((this.partSize * part_size/* MAX_PARTS */.kz) / 1024 ** 4).toFixed(2)} TiB).`);
                }
                bytes += part.data.length;
                const task = uploadPart(partNumber, part.data).then(() => {
                    inFlight.delete(task);
                }, (error) => {
                    inFlight.delete(task);
                    fail(error);
                });
                inFlight.add(task);
                if (part.final)
                    break;
                // Fill the next part while this one uploads, then wait for a free slot.
                part = await nextPart(parts);
                while (inFlight.size >= this.partsInFlight && !failure)
                    await Promise.race(inFlight);
                if (failure)
                    throw failure.error;
            }
            await Promise.all(inFlight);
            if (failure)
                throw failure.error;
            // The only request that makes the object appear: `request` never sends it once the run has stopped.
            const complete = (ifNoneMatch) => this.request(`completion of the ${action}`, (sendOptions) => this.client.send(new dist_cjs/* CompleteMultipartUploadCommand */.Gym({
                Bucket,
                Key,
                UploadId: uploadId,
                MultipartUpload: { Parts: completed },
                ...(ifNoneMatch && { IfNoneMatch: '*' }),
            }), sendOptions));
            const { result, conditional } = await this.writeConditionally(key, options, complete);
            // An answer parsed from an <Error> body, or an empty one, carries no ETag: not a finished object.
            if (!result.ETag)
                throw new Error('CompleteMultipartUpload was answered without an ETag');
            return { key, bytes, parts: completed.length, etag: result.ETag, ...(conditional && { conditional }) };
        }
        catch (error) {
            failure ??= { error };
            await Promise.allSettled(inFlight);
            await parts.return(undefined).catch(() => undefined);
            await this.abortQuietly(Key, uploadId, action);
            if (this.deadline?.stopped)
                throw this.deadline.reason;
            throw sourceFailure(action, failure.error) ?? this.explain(failure.error, action, key);
        }
    }
    /**
     * Aborts a multipart upload that will not be completed, with a deadline of its own since the run may
     * have stopped already. A server that does not answer in time still gets the request: one that was
     * frozen applies it when it wakes up. If it cannot be sent at all, the upload stays listed under the
     * prefix, and the sweep of incomplete uploads aborts it.
     */
    async abortQuietly(Key, UploadId, action) {
        try {
            await this.cleanupRequest((sendOptions) => this.client.send(new dist_cjs/* AbortMultipartUploadCommand */.tfP({ Bucket: this.location.bucket, Key, UploadId }), sendOptions));
        }
        catch (error) {
            this.logger.warn(`Could not abort the ${action} (upload id ${UploadId}): ${errorText(error)}. It stays listed as an ` +
                'incomplete upload, its parts billed, until the sweep of incomplete uploads (prune) or a bucket ' +
                'lifecycle rule removes it; it can never complete by itself.');
        }
    }
    async get(key) {
        return this.getObject(key, undefined);
    }
    async getRange(key, start, end) {
        if (!Number.isInteger(start) ||
            start < 0 ||
            (end !== undefined && (!Number.isInteger(end) || end < start))) {
            throw new RangeError(`getRange: invalid byte range ${start}-${end ?? ''}`);
        }
        return this.getObject(key, `bytes=${start}-${end ?? ''}`);
    }
    async getObject(key, Range) {
        const action = `download of ${this.describe(key)}`;
        try {
            const answer = await this.request(action, (sendOptions) => this.client.send(new dist_cjs/* GetObjectCommand */.jLs({
                Bucket: this.location.bucket,
                Key: this.objectKey(key),
                ...(Range && { Range }),
            }), sendOptions));
            if (!(answer.Body instanceof external_node_stream_.Readable))
                throw new Error('GetObject answered without a body stream');
            return this.deadline ? this.watchedBody(answer.Body, action, this.deadline) : answer.Body;
        }
        catch (error) {
            if (s3ErrorFacts(error).code === 'NoSuchKey')
                throw new src_errors/* ObjectNotFoundError */.d_(key, this.describe(key));
            throw this.explain(error, action);
        }
    }
    /**
     * The body of a download, within the run's deadline: reading it counts as waiting on the server
     * (named if the run times out while no data arrives), and it fails with the run's reason when the
     * run stops.
     */
    watchedBody(body, action, deadline) {
        const activity = deadline.begin(`${this.endpointText} (${action})`);
        const watched = new external_node_stream_.Transform({
            transform(chunk, _encoding, done) {
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
    async head(key) {
        try {
            const answer = await this.request(`check of ${this.describe(key)}`, (sendOptions) => this.client.send(new dist_cjs/* HeadObjectCommand */.l81({ Bucket: this.location.bucket, Key: this.objectKey(key) }), sendOptions));
            return {
                size: answer.ContentLength ?? 0,
                lastModified: answer.LastModified ?? new Date(0),
                ...(answer.ETag && { etag: answer.ETag }),
            };
        }
        catch (error) {
            if (isNotFound(s3ErrorFacts(error)))
                return undefined;
            throw this.explain(error, `check of ${this.describe(key)}`);
        }
    }
    async *list(prefix = '') {
        const Prefix = this.prefixWithSlash + (0,keys/* checkListPrefix */.NJ)(prefix);
        let ContinuationToken;
        do {
            let page;
            try {
                page = await this.request(`listing of ${this.describe(prefix)}`, (sendOptions) => this.client.send(new dist_cjs/* ListObjectsV2Command */.u6x({
                    Bucket: this.location.bucket,
                    Prefix,
                    MaxKeys: this.listPageSize,
                    ...(ContinuationToken && { ContinuationToken }),
                }), sendOptions));
            }
            catch (error) {
                throw this.explain(error, `listing of ${this.describe(prefix)}`);
            }
            for (const object of page.Contents ?? []) {
                if (object.Key === undefined)
                    continue;
                yield {
                    key: this.relativeKey(object.Key),
                    size: object.Size ?? 0,
                    lastModified: object.LastModified ?? new Date(0),
                };
            }
            ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
        } while (ContinuationToken);
    }
    async delete(key) {
        const Key = this.objectKey(key);
        try {
            await this.request(`deletion of ${this.describe(key)}`, (sendOptions) => this.client.send(new dist_cjs/* DeleteObjectCommand */.k4j({ Bucket: this.location.bucket, Key }), sendOptions));
        }
        catch (error) {
            const facts = s3ErrorFacts(error);
            if (isAccessDenied(facts)) {
                if (mentionsObjectLock(facts))
                    throw new src_errors/* RetainedByLockError */.j0(key, this.describe(key), facts.message);
                const lock = await this.lockOn(Key);
                if (lock)
                    throw new src_errors/* RetainedByLockError */.j0(key, this.describe(key), lock);
            }
            if (isNotFound(facts))
                return;
            throw this.explain(error, `deletion of ${this.describe(key)}`);
        }
    }
    /** Why a delete was refused, when the object carries a retention date ahead or a legal hold. */
    async lockOn(Key) {
        try {
            const answer = await this.request(`check of ${Key}`, (sendOptions) => this.client.send(new dist_cjs/* HeadObjectCommand */.l81({ Bucket: this.location.bucket, Key }), sendOptions));
            const until = answer.ObjectLockRetainUntilDate;
            if (until && until.getTime() > Date.now()) {
                return `${answer.ObjectLockMode ?? 'retention'} until ${until.toISOString()}`;
            }
            if (answer.ObjectLockLegalHoldStatus === 'ON')
                return 'legal hold';
        }
        catch {
            // The delete's own error is the one to report.
        }
        return undefined;
    }
    async *listIncompleteUploads() {
        let KeyMarker;
        let UploadIdMarker;
        for (;;) {
            let page;
            try {
                page = await this.request(`listing of incomplete uploads under ${this.describe()}`, (sendOptions) => this.client.send(new dist_cjs/* ListMultipartUploadsCommand */.mo2({
                    Bucket: this.location.bucket,
                    Prefix: this.prefixWithSlash,
                    MaxUploads: this.listPageSize,
                    ...(KeyMarker && { KeyMarker }),
                    ...(UploadIdMarker && { UploadIdMarker }),
                }), sendOptions));
            }
            catch (error) {
                throw this.explain(error, `listing of incomplete uploads under ${this.describe()}`);
            }
            for (const upload of page.Uploads ?? []) {
                if (!upload.Key || !upload.UploadId)
                    continue;
                yield {
                    key: this.relativeKey(upload.Key),
                    uploadId: upload.UploadId,
                    ...(upload.Initiated && { initiated: upload.Initiated }),
                };
            }
            if (!page.IsTruncated || (!page.NextKeyMarker && !page.NextUploadIdMarker))
                return;
            KeyMarker = page.NextKeyMarker;
            UploadIdMarker = page.NextUploadIdMarker;
        }
    }
    async abortUpload(upload) {
        try {
            await this.request(`abort of the incomplete upload of ${this.describe(upload.key)}`, (sendOptions) => this.client.send(new dist_cjs/* AbortMultipartUploadCommand */.tfP({
                Bucket: this.location.bucket,
                Key: this.objectKey(upload.key),
                UploadId: upload.uploadId,
            }), sendOptions));
        }
        catch (error) {
            if (s3ErrorFacts(error).code === 'NoSuchUpload')
                return;
            throw this.explain(error, `abort of the incomplete upload of ${this.describe(upload.key)}`);
        }
    }
    async close() {
        if (this.ownsClient)
            this.client.destroy();
    }
}


/***/ })

};
