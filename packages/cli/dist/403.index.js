export const id = 403;
export const ids = [403];
export const modules = {

/***/ 3220:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ FileStorage)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3422);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(1909);
/* harmony import */ var _keys__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4534);
/* harmony import */ var _url__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(569);








/**
 * Writes go to `.<name>.partial-<random>` in the target folder and are renamed into place once
 * flushed to disk, so a reader never sees half a file. Temp files left by a crash are this
 * backend's incomplete uploads: listing skips them, the sweep removes them.
 */
const TEMP_FILE = /^\.(.+)\.partial-[0-9a-f]{16}$/;
function errnoCode(error) {
    const code = error?.code;
    return typeof code === 'string' ? code : undefined;
}
function toBuffer(chunk) {
    if (Buffer.isBuffer(chunk))
        return chunk;
    if (typeof chunk === 'string')
        return Buffer.from(chunk);
    if (chunk instanceof Uint8Array)
        return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    throw new TypeError(`put: the body stream produced a ${typeof chunk}, not bytes`);
}
/** Write failures that say the destination cannot take the data, by errno code. */
const REFUSED_WRITES = {
    ENOSPC: { kind: 'full', detail: 'no space left on device, ENOSPC' },
    EDQUOT: { kind: 'full', detail: 'disk quota exceeded, EDQUOT' },
    EFBIG: { kind: 'too-large', detail: 'file too large for the file system, EFBIG' },
    EROFS: { kind: 'read-only', detail: 'read-only file system, EROFS' },
    EACCES: { kind: 'not-writable', detail: 'permission denied, EACCES' },
    EPERM: { kind: 'not-writable', detail: 'operation not permitted, EPERM' },
};
class FileStorage {
    location;
    deadline;
    constructor(location, options = {}) {
        this.location = location;
        this.deadline = options.deadline;
    }
    describe(key) {
        return (0,_url__WEBPACK_IMPORTED_MODULE_4__/* .formatStorageUrl */ .EZ)(this.location, key);
    }
    pathOf(key) {
        return (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(this.location.root, ...(0,_keys__WEBPACK_IMPORTED_MODULE_5__/* .checkKey */ .yR)(key).split('/'));
    }
    /** File system errors a user can fix, as a `UserError` naming the folder. */
    explain(error, action, path) {
        const code = errnoCode(error);
        const problems = {
            EACCES: 'permission denied',
            EPERM: 'operation not permitted',
            EROFS: 'the file system is read-only',
            ENOSPC: 'the disk is full',
            EDQUOT: 'the disk quota is exhausted',
            ENOTDIR: 'a file stands where a folder is needed',
            EISDIR: 'a folder stands where a file is needed',
        };
        const problem = code ? problems[code] : undefined;
        if (!problem)
            return error instanceof Error ? error : new Error(String(error));
        return new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_6__/* .UserError */ .y(`Cannot ${action} ${path} (${problem}). Check the storage folder ${this.location.root} ` +
            '(given as file:///absolute/path) exists and is writable.');
    }
    /** A write the destination refused (full, read-only, not writable), in plain words; other errors as `explain`. */
    explainWrite(error, key, path) {
        const code = errnoCode(error);
        const refused = code ? REFUSED_WRITES[code] : undefined;
        if (!refused)
            return this.explain(error, 'write', path);
        return new _errors__WEBPACK_IMPORTED_MODULE_7__/* .DestinationWriteError */ .Mb(refused.kind, this.describe(), key, refused.detail);
    }
    async put(key, body, options = {}) {
        this.deadline?.throwIfStopped();
        const target = this.pathOf(key);
        // Fail before writing anything when the key is visibly taken; the exclusive link below settles races.
        if (options.ifNoneMatch && (await this.head(key)))
            throw new _errors__WEBPACK_IMPORTED_MODULE_7__/* .ObjectExistsError */ .qs(key, this.describe(key));
        const folder = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)(target);
        const temp = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(folder, `.${(0,node_path__WEBPACK_IMPORTED_MODULE_3__.basename)(target)}.partial-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(8).toString('hex')}`);
        let bytes = 0;
        // The stream may fail while the folder and file are being created; its error reaches the loop below.
        const holdEarlyError = () => { };
        if (!Buffer.isBuffer(body))
            body.on('error', holdEarlyError);
        let created;
        try {
            created = await makeFolders(folder);
            const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.open)(temp, 'wx');
            try {
                for await (const chunk of Buffer.isBuffer(body) ? [body] : body) {
                    this.deadline?.throwIfStopped();
                    const data = toBuffer(chunk);
                    for (let offset = 0; offset < data.length;) {
                        offset += (await handle.write(data, offset, data.length - offset)).bytesWritten;
                    }
                    bytes += data.length;
                }
                await handle.sync();
            }
            finally {
                await handle.close();
            }
        }
        catch (error) {
            await this.discard(temp, created);
            if (this.deadline?.stopped)
                throw this.deadline.reason;
            throw this.explainWrite(error, key, target);
        }
        finally {
            if (!Buffer.isBuffer(body))
                body.off('error', holdEarlyError);
        }
        try {
            if (options.ifNoneMatch)
                await this.publishExclusively(key, temp, target);
            else
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rename)(temp, target);
            await this.syncFolder(folder);
        }
        catch (error) {
            await this.discard(temp, created);
            if (error instanceof _errors__WEBPACK_IMPORTED_MODULE_7__/* .ObjectExistsError */ .qs)
                throw error;
            throw this.explainWrite(error, key, target);
        }
        return { key, bytes, parts: 1, ...(options.ifNoneMatch && { conditional: 'exclusive-create' }) };
    }
    /** Removes a failed write's temp file, and the folders the write created if they are left empty. */
    async discard(temp, createdFolder) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.unlink)(temp).catch(() => undefined);
        if (createdFolder)
            await this.removeEmptyFolders((0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)(temp), createdFolder);
    }
    /** A hard link creates the name only if it is free, atomically; `wx` copy where links are unsupported. */
    async publishExclusively(key, temp, target) {
        try {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.link)(temp, target);
        }
        catch (error) {
            const code = errnoCode(error);
            if (code === 'EEXIST')
                throw new _errors__WEBPACK_IMPORTED_MODULE_7__/* .ObjectExistsError */ .qs(key, this.describe(key));
            if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP')
                throw error;
            try {
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.copyFile)(temp, target, node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.COPYFILE_EXCL);
            }
            catch (copyError) {
                if (errnoCode(copyError) === 'EEXIST')
                    throw new _errors__WEBPACK_IMPORTED_MODULE_7__/* .ObjectExistsError */ .qs(key, this.describe(key));
                throw copyError;
            }
        }
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.unlink)(temp);
    }
    /** Makes the rename itself durable; some file systems cannot open folders, which is fine. */
    async syncFolder(folder) {
        let handle;
        try {
            handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.open)(folder, 'r');
            await handle.sync();
        }
        catch {
            // Best effort only.
        }
        finally {
            await handle?.close();
        }
    }
    async get(key) {
        return this.read(key, undefined, undefined);
    }
    async getRange(key, start, end) {
        if (!Number.isInteger(start) ||
            start < 0 ||
            (end !== undefined && (!Number.isInteger(end) || end < start))) {
            throw new RangeError(`getRange: invalid byte range ${start}-${end ?? ''}`);
        }
        return this.read(key, start, end);
    }
    async read(key, start, end) {
        const path = this.pathOf(key);
        let handle;
        try {
            handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.open)(path, 'r');
        }
        catch (error) {
            const code = errnoCode(error);
            if (code === 'ENOENT' || code === 'ENOTDIR')
                throw new _errors__WEBPACK_IMPORTED_MODULE_7__/* .ObjectNotFoundError */ .d_(key, this.describe(key));
            throw this.explain(error, 'read', path);
        }
        if (!(await handle.stat()).isFile()) {
            await handle.close();
            throw new _errors__WEBPACK_IMPORTED_MODULE_7__/* .ObjectNotFoundError */ .d_(key, this.describe(key));
        }
        return handle.createReadStream({
            autoClose: true,
            ...(start !== undefined && { start }),
            ...(end !== undefined && { end }),
        });
    }
    async head(key) {
        const path = this.pathOf(key);
        try {
            const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.stat)(path);
            return info.isFile() ? { size: info.size, lastModified: new Date(info.mtimeMs) } : undefined;
        }
        catch (error) {
            const code = errnoCode(error);
            if (code === 'ENOENT' || code === 'ENOTDIR')
                return undefined;
            throw this.explain(error, 'read', path);
        }
    }
    async *list(prefix = '') {
        (0,_keys__WEBPACK_IMPORTED_MODULE_5__/* .checkListPrefix */ .NJ)(prefix);
        // Start from the deepest folder the prefix names, and only descend where keys can still match.
        const folderPart = prefix.includes('/') ? prefix.slice(0, prefix.lastIndexOf('/')) : '';
        for await (const { key, path } of this.walk(folderPart, (candidate) => matchesPrefix(candidate, prefix))) {
            if (TEMP_FILE.test((0,node_path__WEBPACK_IMPORTED_MODULE_3__.basename)(key)) || !key.startsWith(prefix))
                continue;
            const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.stat)(path).catch(() => undefined);
            if (info?.isFile())
                yield { key, size: info.size, lastModified: new Date(info.mtimeMs) };
        }
    }
    /**
     * Files below `folderKey`, in the byte order S3 lists keys: a folder sorts as its name plus "/",
     * so `a-b` comes before everything in `a/`.
     */
    async *walk(folderKey, worthEntering) {
        const folder = folderKey === '' ? this.location.root : (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(this.location.root, ...folderKey.split('/'));
        let entries;
        try {
            entries = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readdir)(folder, { withFileTypes: true });
        }
        catch (error) {
            const code = errnoCode(error);
            if (code === 'ENOENT' || code === 'ENOTDIR')
                return;
            throw this.explain(error, 'list', folder);
        }
        const sorted = entries
            .filter((entry) => entry.isFile() || entry.isDirectory())
            .map((entry) => ({ entry, sortKey: entry.isDirectory() ? `${entry.name}/` : entry.name }))
            .sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
        for (const { entry } of sorted) {
            const key = folderKey === '' ? entry.name : `${folderKey}/${entry.name}`;
            if (entry.isDirectory()) {
                if (worthEntering(`${key}/`))
                    yield* this.walk(key, worthEntering);
            }
            else {
                yield { key, path: (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(folder, entry.name) };
            }
        }
    }
    async delete(key) {
        const path = this.pathOf(key);
        try {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.unlink)(path);
        }
        catch (error) {
            const code = errnoCode(error);
            if (code === 'ENOENT' || code === 'ENOTDIR')
                return;
            throw this.explain(error, 'delete', path);
        }
        await this.removeEmptyFolders((0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)(path));
    }
    /**
     * Pruned backups should not leave empty folders behind; stops at the first folder still in use, at
     * the root, or after `last` (the outermost folder that may go).
     */
    async removeEmptyFolders(folder, last) {
        let current = folder;
        while ((0,node_path__WEBPACK_IMPORTED_MODULE_3__.relative)(this.location.root, current) !== '' &&
            !(0,node_path__WEBPACK_IMPORTED_MODULE_3__.relative)(this.location.root, current).startsWith('..')) {
            try {
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rmdir)(current);
            }
            catch {
                return;
            }
            if (current === last)
                return;
            current = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)(current);
        }
    }
    async *listIncompleteUploads() {
        for await (const { key, path } of this.walk('', () => true)) {
            const match = TEMP_FILE.exec((0,node_path__WEBPACK_IMPORTED_MODULE_3__.basename)(key));
            if (!match?.[1])
                continue;
            const folderKey = key.includes('/') ? key.slice(0, key.lastIndexOf('/')) : '';
            const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.stat)(path).catch(() => undefined);
            if (!info)
                continue;
            yield {
                key: folderKey === '' ? match[1] : `${folderKey}/${match[1]}`,
                uploadId: key,
                initiated: new Date(info.mtimeMs),
            };
        }
    }
    async abortUpload(upload) {
        // The upload id is the temp file's key; refuse anything else so the sweep can only remove temp files.
        if (!TEMP_FILE.test((0,node_path__WEBPACK_IMPORTED_MODULE_3__.basename)(upload.uploadId))) {
            throw new Error(`abortUpload: "${upload.uploadId}" is not an incomplete upload of ${this.describe()}`);
        }
        const path = this.pathOf(upload.uploadId);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.unlink)(path).catch((error) => {
            if (errnoCode(error) !== 'ENOENT')
                throw this.explain(error, 'delete', path);
        });
    }
    async close() { }
}
/**
 * `mkdir -p` that reports the real reason it failed: a recursive mkdir says ENOENT on a read-only
 * file system. Returns the outermost folder it created, if any.
 */
async function makeFolders(folder) {
    const missing = [];
    for (let current = folder;; current = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)(current)) {
        const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.stat)(current).catch((error) => {
            if (errnoCode(error) === 'ENOENT')
                return undefined;
            throw error;
        });
        if (info)
            break;
        missing.unshift(current);
        if ((0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)(current) === current)
            break;
    }
    for (const path of missing) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)(path).catch((error) => {
            if (errnoCode(error) !== 'EEXIST')
                throw error;
        });
    }
    return missing[0];
}
/** Could a key under `folderKey` (which ends in "/") start with `prefix`? */
function matchesPrefix(folderKey, prefix) {
    return folderKey.startsWith(prefix) || prefix.startsWith(folderKey);
}


/***/ }),

/***/ 4534:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ID: () => (/* binding */ joinKey),
/* harmony export */   NJ: () => (/* binding */ checkListPrefix),
/* harmony export */   yR: () => (/* binding */ checkKey)
/* harmony export */ });
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3422);
/* harmony import */ var _url__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(569);


/** Keys are `/`-separated with no empty, `.` or `..` segment, so they are safe as file paths too. */
function checkKey(key) {
    if (key === '' || key.includes('\\') || key.includes('\0') || (0,_url__WEBPACK_IMPORTED_MODULE_0__/* .badSegment */ .vz)(key) !== undefined) {
        throw new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y(`Storage key "${key}" is not valid: use "/"-separated names without empty, "." or ".." parts, ` +
            'e.g. "2026-11-25T030000Z-ab12/manifest.json".');
    }
    return key;
}
/** A listing prefix may be empty or end with `/`; what comes before must be a valid key. */
function checkListPrefix(prefix) {
    if (prefix === '')
        return prefix;
    checkKey(prefix.endsWith('/') ? prefix.slice(0, -1) : prefix);
    return prefix;
}
/** `base/key`, or `key` when the base is empty. */
function joinKey(base, key) {
    return base === '' ? key : `${base}/${key}`;
}


/***/ }),

/***/ 6403:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  G: () => (/* binding */ openStorage)
});

// EXTERNAL MODULE: ../storage/src/file-storage.ts
var file_storage = __webpack_require__(3220);
// EXTERNAL MODULE: ../storage/src/part-size.ts
var part_size = __webpack_require__(4869);
// EXTERNAL MODULE: ../storage/src/url.ts
var url = __webpack_require__(569);
;// CONCATENATED MODULE: ../storage/src/lazy-s3-storage.ts


/**
 * An `S3Storage` whose AWS SDK (tens of MiB once loaded) is imported on first use, so commands and
 * backups to `file://` never pay for it. Options are checked at once, as `S3Storage` does.
 */
class LazyS3Storage {
    location;
    options;
    #loading;
    constructor(location, options = {}) {
        this.location = location;
        this.options = options;
        (0,part_size/* checkPartSize */.jq)(options.partSize);
        (0,part_size/* checkKmsKey */.B$)(options.serverSideEncryption, options.kmsKeyId);
    }
    #storage() {
        this.#loading ??= Promise.all(/* import() */[__webpack_require__.e(299), __webpack_require__.e(590)]).then(__webpack_require__.bind(__webpack_require__, 1590)).then(({ S3Storage }) => new S3Storage(this.location, this.options));
        return this.#loading;
    }
    describe(key) {
        return (0,url/* formatStorageUrl */.EZ)(this.location, key);
    }
    async put(key, body, options) {
        return (await this.#storage()).put(key, body, options);
    }
    async get(key) {
        return (await this.#storage()).get(key);
    }
    async getRange(key, start, end) {
        return (await this.#storage()).getRange(key, start, end);
    }
    async head(key) {
        return (await this.#storage()).head(key);
    }
    async *list(prefix) {
        yield* (await this.#storage()).list(prefix);
    }
    async delete(key) {
        return (await this.#storage()).delete(key);
    }
    async *listIncompleteUploads() {
        yield* (await this.#storage()).listIncompleteUploads();
    }
    async abortUpload(upload) {
        return (await this.#storage()).abortUpload(upload);
    }
    async close() {
        if (this.#loading)
            await (await this.#loading).close();
    }
}

;// CONCATENATED MODULE: ../storage/src/open.ts



/** The storage for `s3://bucket/prefix` or `file:///absolute/path` (a URL, or one already parsed). */
function openStorage(where, options = {}) {
    const location = typeof where === 'string' ? (0,url/* parseStorageUrl */.Yu)(where) : where;
    options.logger?.debug(`storage: ${describeOpening(location, options.s3)}`);
    if (location.kind === 'file') {
        return new file_storage/* FileStorage */.E(location, options.deadline ? { deadline: options.deadline } : {});
    }
    return new LazyS3Storage(location, {
        ...options.s3,
        ...(options.logger && { logger: options.logger }),
        ...(options.deadline && { deadline: options.deadline }),
    });
}
/** Where the storage is and how it is reached, for debug logs: never a credential. */
function describeOpening(location, s3) {
    if (location.kind === 'file')
        return `folder ${location.root}`;
    const settings = [
        `endpoint ${s3?.endpoint ?? 'AWS'}`,
        `region ${s3?.region ?? 'from the environment'}`,
        ...(s3?.forcePathStyle === undefined ? [] : [`path-style ${s3.forcePathStyle}`]),
        ...(s3?.requestChecksumCalculation ? [`checksums ${s3.requestChecksumCalculation}`] : []),
    ];
    return `bucket ${location.bucket}, prefix '${location.prefix}' (${settings.join(', ')})`;
}


/***/ }),

/***/ 4869:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B$: () => (/* binding */ checkKmsKey),
/* harmony export */   CT: () => (/* binding */ DEFAULT_PARTS_IN_FLIGHT),
/* harmony export */   Tp: () => (/* binding */ MAX_PART_SIZE),
/* harmony export */   US: () => (/* binding */ DEFAULT_PART_SIZE),
/* harmony export */   fq: () => (/* binding */ MIN_PART_SIZE),
/* harmony export */   jq: () => (/* binding */ checkPartSize),
/* harmony export */   kz: () => (/* binding */ MAX_PARTS),
/* harmony export */   oV: () => (/* binding */ partSizeFor)
/* harmony export */ });
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3422);

const MiB = 1024 * 1024;
const MIN_PART_SIZE = 5 * MiB;
const MAX_PART_SIZE = 5 * 1024 * MiB;
const MAX_PARTS = 10_000;
/**
 * The smallest whole-MiB part size with which 10,000 parts hold 1 TiB. The length of a backup stream
 * is unknown when its upload starts, and some stores (R2) need every part but the last to have the
 * same size, so the size is fixed up front; memory is about (partsInFlight + 1) × partSize.
 * Callers that can estimate the size should pass `partSizeFor(estimate)` instead.
 */
const DEFAULT_PART_SIZE = 105 * MiB;
const DEFAULT_PARTS_IN_FLIGHT = 1;
/** A part size for objects up to `maxBytes` (with room to spare), never below the S3 minimum. */
function partSizeFor(maxBytes) {
    const needed = Math.ceil(maxBytes / MAX_PARTS / MiB) * MiB;
    return Math.min(MAX_PART_SIZE, Math.max(MIN_PART_SIZE, needed));
}
/** The part size to use, refusing one S3 would reject. */
function checkPartSize(partSize) {
    const size = partSize ?? DEFAULT_PART_SIZE;
    if (!Number.isInteger(size) || size < MIN_PART_SIZE || size > MAX_PART_SIZE) {
        throw new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`S3 part size ${partSize} is out of range: use a whole number of bytes from 5 MiB to 5 GiB.`);
    }
    return size;
}
/** A KMS key only makes sense with KMS server-side encryption. */
function checkKmsKey(serverSideEncryption, kmsKeyId) {
    if (kmsKeyId && !serverSideEncryption?.startsWith('aws:kms')) {
        throw new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`A KMS key id was given with server-side encryption "${serverSideEncryption ?? 'none'}"; ` +
            'a KMS key needs server-side encryption aws:kms (accepted: AES256, aws:kms).');
    }
}


/***/ }),

/***/ 569:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EZ: () => (/* binding */ formatStorageUrl),
/* harmony export */   Yu: () => (/* binding */ parseStorageUrl),
/* harmony export */   dc: () => (/* binding */ ACCEPTED_STORAGE_URLS),
/* harmony export */   vz: () => (/* binding */ badSegment)
/* harmony export */ });
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_url__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3422);


const ACCEPTED_STORAGE_URLS = 's3://bucket/prefix, file:///absolute/path';
function refuse(shown, problem) {
    throw new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y(`Storage URL "${shown}" ${problem}; accepted forms: ${ACCEPTED_STORAGE_URLS}.`);
}
/** Segments of a prefix or key: no empty, `.` or `..` segments, so keys map safely onto folders too. */
function badSegment(path) {
    return path.split('/').find((segment) => segment === '' || segment === '.' || segment === '..');
}
// Loose on purpose: legacy AWS buckets and other providers allow upper case and underscores.
const BUCKET_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{1,61}[A-Za-z0-9]$/;
/**
 * Parses where backups live: `s3://bucket/prefix` or `file:///absolute/path`. Credentials never
 * belong in the URL (they come from the AWS credential chain), so a URL carrying them is refused
 * without echoing it.
 */
function parseStorageUrl(url) {
    const text = url.trim();
    if (text === '')
        refuse(text, 'is empty');
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1]?.toLowerCase();
    if (scheme === 's3')
        return parseS3Url(text);
    if (scheme === 'file')
        return parseFileUrl(text);
    if (text.startsWith('/'))
        refuse(text, `is a bare path; write it as file://${text}`);
    if (scheme === undefined)
        refuse(text, 'has no scheme');
    return refuse(text, `has the unsupported scheme "${scheme}:"`);
}
function parseS3Url(text) {
    if (!/^s3:\/\//i.test(text))
        refuse(text, 'must start with s3:// followed by the bucket name');
    const rest = text.slice('s3://'.length);
    const slash = rest.indexOf('/');
    const bucket = slash < 0 ? rest : rest.slice(0, slash);
    if (bucket.includes('@')) {
        throw new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y('Storage URL s3://…@… carries credentials, which must not be written in the URL: provide them through ' +
            `the AWS credential chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or an assumed role); accepted forms: ${ACCEPTED_STORAGE_URLS}.`);
    }
    if (/[?#]/.test(rest))
        refuse(text, 'has a query or fragment; options such as the region are separate inputs');
    if (bucket === '')
        refuse(text, 'has no bucket name');
    if (!BUCKET_NAME.test(bucket)) {
        refuse(text, `has an invalid bucket name "${bucket}" (3–63 letters, digits, dots, hyphens or underscores)`);
    }
    const prefix = slash < 0 ? '' : rest.slice(slash + 1).replace(/^\/+|\/+$/g, '');
    if (prefix !== '' && badSegment(prefix) !== undefined) {
        refuse(text, 'has an empty, "." or ".." segment in its prefix');
    }
    return { kind: 's3', bucket, prefix };
}
function parseFileUrl(text) {
    const match = /^file:\/\/(localhost)?(\/.*)?$/i.exec(text);
    if (!match || match[2] === undefined) {
        refuse(text, 'is not an absolute file URL (a relative path cannot be used; note the three slashes)');
    }
    let root;
    try {
        root = (0,node_url__WEBPACK_IMPORTED_MODULE_0__.fileURLToPath)(`file://${match[2]}`);
    }
    catch {
        return refuse(text, 'is not a valid file URL');
    }
    root = root.replace(/\/+$/, '');
    if (root === '')
        refuse(text, 'names the file system root; choose a folder for the backups');
    return { kind: 'file', root };
}
/** The URL for a location, or for one key inside it; never holds credentials. */
function formatStorageUrl(location, key) {
    if (location.kind === 's3') {
        const path = [location.prefix, key].filter((part) => part).join('/');
        return `s3://${location.bucket}${path ? `/${path}` : ''}`;
    }
    const base = (0,node_url__WEBPACK_IMPORTED_MODULE_0__.pathToFileURL)(location.root).href;
    return key ? `${base}/${key.split('/').map(encodeURIComponent).join('/')}` : base;
}


/***/ })

};
