export const id = 930;
export const ids = [930];
export const modules = {

/***/ 5930:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runBackup: () => (/* reexport */ runBackup),
  runFinalize: () => (/* reexport */ runFinalize),
  runPart: () => (/* reexport */ runPart),
  runPlan: () => (/* reexport */ runPlan)
});

// UNUSED EXPORTS: ANOMALY_ACK_NAME, BACKUP_OPTIONS, COMPRESSIONS, DECRYPT_IDENTITY, DEFAULT_ANOMALY_DROP_PERCENT, DEFAULT_COMPRESSION, DESTINATION, FINALIZE_OPTIONS, FRAME_BYTES, IDENTITY_OPTION, LEGACY_VERIFICATION_NAME, MANIFEST_FORMAT_VERSION, MANIFEST_NAME, MAX_PARTS, MULTI_PART_FORMAT_VERSION, PART, PARTS, PART_OPTIONS, PLANNED_BACKUP, PLAN_NAME, PLAN_OPTIONS, SOURCE_URI, TOOL, VERIFICATION_FORMAT_VERSION, VERIFY_MODES, acknowledgeAnomaly, anomalyAckSchema, anomalySchema, archiveDigest, archiveEncoding, archiveName, backupIdTime, backupJson, backupJsonSchema, backupKeys, backupOptions, catalogJsonSchemas, checkCompressionLevel, checkRecipients, compressStream, decompressStream, decompressZstd, decryptStream, describeAnomaly, encryptStream, finalizeOptions, findAnomaly, findBackup, guardAgainstCollapse, inspectJson, inspectJsonSchema, isBackupId, isSameSource, isVerificationName, listBackups, listJsonSchema, manifestJsonSchema, manifestSchema, newBackupId, parseManifest, parseSse, partArchiveName, partOptions, partRecordName, partRecordSchema, partsDigest, planOptions, planSchema, prune, readManifest, readPlan, recipientOf, resolveBackup, sniffEncoding, storedArchives, sumParts, verificationName, verificationRecordSchema

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:stream/consumers"
var consumers_ = __webpack_require__(8321);
// EXTERNAL MODULE: external "node:stream/promises"
var promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: ../../node_modules/bson/lib/bson.node.mjs
var bson_node = __webpack_require__(320);
;// CONCATENATED MODULE: ../../packages/archive/src/crc64.ts
// CRC-64/XZ: reflected ECMA-182 polynomial, initial value and final xor all ones.
// This runs over every byte of a backup, so the loop avoids BigInt: the 64-bit state is two
// int32 halves, input is read as aligned 32-bit words, and 8 bytes are folded per step
// (slicing-by-8, one table of low halves and one of high halves).
const POLY_LO = 0xd7870f42 | 0;
const POLY_HI = 0xc96c5795 | 0;
const SLICES = 8;
// Word reads assume the platform's byte order is little-endian (the CRC consumes bytes in order).
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const [TABLE_LO, TABLE_HI] = buildTables();
function buildTables() {
    const tableLo = new Int32Array(SLICES * 256);
    const tableHi = new Int32Array(SLICES * 256);
    for (let i = 0; i < 256; i++) {
        let lo = i;
        let hi = 0;
        for (let bit = 0; bit < 8; bit++) {
            const carry = lo & 1;
            lo = (lo >>> 1) | ((hi & 1) << 31);
            hi = hi >>> 1;
            if (carry) {
                lo ^= POLY_LO;
                hi ^= POLY_HI;
            }
        }
        tableLo[i] = lo;
        tableHi[i] = hi;
    }
    // Table t pushes a byte through t more zero bytes: T[t][i] = T[t-1][i] >> 8 ^ T[0][T[t-1][i] & 0xff].
    for (let t = 1; t < SLICES; t++) {
        for (let i = 0; i < 256; i++) {
            const lo = tableLo[(t - 1) * 256 + i];
            const hi = tableHi[(t - 1) * 256 + i];
            const x = lo & 0xff;
            tableLo[t * 256 + i] = ((lo >>> 8) | (hi << 24)) ^ tableLo[x];
            tableHi[t * 256 + i] = (hi >>> 8) ^ tableHi[x];
        }
    }
    return [tableLo, tableHi];
}
// Documents are usually slices of one larger chunk, so the word view of the last backing buffer is
// kept instead of allocating a new one for every call (it holds on to that one buffer).
let cachedBuffer;
let cachedWords = new Int32Array(0);
function wordsOf(buffer, wordsNeeded) {
    // A resizable buffer may have grown since the view was made.
    if (buffer !== cachedBuffer || cachedWords.length < wordsNeeded) {
        cachedWords = new Int32Array(buffer, 0, buffer.byteLength >>> 2);
        cachedBuffer = buffer;
    }
    return cachedWords;
}
/** Incremental CRC-64/XZ: call `update` as often as needed, then read `value()`. */
class Crc64 {
    // Running state before the final inversion, as signed int32 halves.
    #lo = -1;
    #hi = -1;
    update(data) {
        const LO = TABLE_LO;
        const HI = TABLE_HI;
        const n = data.length;
        let lo = this.#lo;
        let hi = this.#hi;
        let i = 0;
        if (LITTLE_ENDIAN && n >= 16) {
            while ((data.byteOffset + i) & 3) {
                const x = (lo ^ data[i]) & 0xff;
                lo = ((lo >>> 8) | (hi << 24)) ^ LO[x];
                hi = (hi >>> 8) ^ HI[x];
                i++;
            }
            const first = (data.byteOffset + i) >>> 2;
            const end = first + (((n - i) >>> 3) << 1);
            const words = wordsOf(data.buffer, end);
            for (let w = first; w < end; w += 2) {
                // The first byte of the 8 is furthest from the end, so it goes through table 7.
                const a = words[w] ^ lo;
                const b = words[w + 1] ^ hi;
                const i0 = 1792 + (a & 0xff);
                const i1 = 1536 + ((a >>> 8) & 0xff);
                const i2 = 1280 + ((a >>> 16) & 0xff);
                const i3 = 1024 + (a >>> 24);
                const i4 = 768 + (b & 0xff);
                const i5 = 512 + ((b >>> 8) & 0xff);
                const i6 = 256 + ((b >>> 16) & 0xff);
                const i7 = b >>> 24;
                lo = LO[i0] ^ LO[i1] ^ LO[i2] ^ LO[i3] ^ LO[i4] ^ LO[i5] ^ LO[i6] ^ LO[i7];
                hi = HI[i0] ^ HI[i1] ^ HI[i2] ^ HI[i3] ^ HI[i4] ^ HI[i5] ^ HI[i6] ^ HI[i7];
            }
            i += (end - first) * 4;
        }
        for (; i < n; i++) {
            const x = (lo ^ data[i]) & 0xff;
            lo = ((lo >>> 8) | (hi << 24)) ^ LO[x];
            hi = (hi >>> 8) ^ HI[x];
        }
        this.#lo = lo;
        this.#hi = hi;
        return this;
    }
    /** The CRC of everything passed to `update` so far, as an unsigned 64-bit value. */
    value() {
        return (BigInt(~this.#hi >>> 0) << 32n) | BigInt(~this.#lo >>> 0);
    }
}
/** CRC-64/XZ of one buffer. */
function crc64(data) {
    return new Crc64().update(data).value();
}
const POLY = 0xc96c5795d7870f42n;
/** `mat` (64 columns over GF(2)) times `vec`. */
function gf2Times(mat, vec) {
    let sum = 0n;
    for (let i = 0; vec !== 0n; i++, vec >>= 1n)
        if (vec & 1n)
            sum ^= mat[i];
    return sum;
}
function gf2Square(mat) {
    return mat.map((column) => gf2Times(mat, column));
}
/**
 * The CRC-64/XZ of `a ‖ b` from the CRCs of `a` and `b` and the length of `b` (zlib's crc32_combine,
 * widened): parts of one namespace written on different machines get the CRC of their concatenation
 * without anyone reading the bytes again.
 */
function combineCrc64(crcA, crcB, lengthB) {
    if (lengthB <= 0)
        return crcA;
    // The operator that feeds one zero bit through the register, then two, four… by squaring.
    let odd = [POLY];
    for (let n = 1; n < 64; n++)
        odd.push(1n << BigInt(n - 1));
    let even = gf2Square(odd);
    odd = gf2Square(even);
    let crc = crcA;
    let remaining = lengthB;
    for (;;) {
        even = gf2Square(odd);
        if (remaining % 2 === 1)
            crc = gf2Times(even, crc);
        remaining = Math.floor(remaining / 2);
        if (remaining === 0)
            break;
        odd = gf2Square(even);
        if (remaining % 2 === 1)
            crc = gf2Times(odd, crc);
        remaining = Math.floor(remaining / 2);
        if (remaining === 0)
            break;
    }
    return crc ^ crcB;
}

;// CONCATENATED MODULE: ../../packages/archive/src/errors.ts
/**
 * The archive bytes (or a write request) break the mongodump archive format. The message names the
 * namespace and the byte offset in the archive when they are known; both are also on the error.
 */
class ArchiveFormatError extends Error {
    name = 'ArchiveFormatError';
    namespace;
    offset;
    constructor(message, details = {}) {
        super(message);
        this.namespace = details.namespace;
        this.offset = details.offset;
    }
}

;// CONCATENATED MODULE: ../../packages/archive/src/format.ts
// Constants and names of the mongodump archive format (see the package README).
/** The first four bytes of every archive (uint32 0x8199E26D, little-endian). */
const ARCHIVE_MAGIC = Buffer.from([0x6d, 0xe2, 0x99, 0x81]);
/** int32 -1: ends a block. */
const TERMINATOR = Buffer.from([0xff, 0xff, 0xff, 0xff]);
const ARCHIVE_VERSION = '0.1';
/** Smallest BSON document: an int32 length and the closing 0x00. */
const MIN_DOCUMENT_SIZE = 5;
/** The server's 16 MiB document limit plus the slack the server allows for internal documents. */
const MAX_DOCUMENT_SIZE = 16 * 1024 * 1024 + 16 * 1024;
const NAMESPACE_TYPES = ['collection', 'view', 'timeseries'];
const OPLOG_NAMESPACE = Object.freeze({ db: '', collection: 'oplog' });
/** Pre-8.3 servers dump a time-series collection's data under this collection name. */
const BUCKETS_PREFIX = 'system.buckets.';
function isOplog(ns) {
    return ns.db === '' && ns.collection === 'oplog';
}
/** `db.collection`, or `oplog` for the oplog pseudo-namespace. */
function namespaceName(ns) {
    return isOplog(ns) ? 'oplog' : `${ns.db}.${ns.collection}`;
}
/** An unambiguous map key (collection names may contain dots, database names may not). */
function namespaceKey(ns) {
    return `${ns.db}\u0000${ns.collection}`;
}
/**
 * Accepts `{ db, collection }` or `'db.collection'` (split at the first dot; database names have no
 * dots). The string `'oplog'` is not special: pass `OPLOG_NAMESPACE` for the oplog.
 */
function toNamespace(ns) {
    if (typeof ns !== 'string')
        return { db: ns.db, collection: ns.collection };
    const dot = ns.indexOf('.');
    if (dot <= 0 || dot === ns.length - 1) {
        throw new TypeError(`namespace "${ns}" is not of the form "db.collection"`);
    }
    return { db: ns.slice(0, dot), collection: ns.slice(dot + 1) };
}

;// CONCATENATED MODULE: ../../packages/archive/src/writer.ts





// Pieces smaller than this are copied together into one stream chunk; larger ones pass uncopied.
const COALESCE_BYTES = 64 * 1024;
/**
 * Writes a mongodump archive to `stream`, a byte Readable that respects backpressure.
 *
 * Concurrency: any number of producers may call `writeDocuments` / `endNamespace` without waiting
 * for each other. Calls are queued in call order, which is the order in the archive; one call's
 * documents are never split by another namespace, consecutive calls for the same namespace share a
 * data segment, and a change of namespace starts a new segment. Each call returns a promise that
 * resolves once its bytes have been accepted by the stream, so a producer that awaits its writes
 * holds at most one batch in memory while the consumer is slow. Format rules are checked when a
 * call is made: a call that would break them rejects with an `ArchiveFormatError` and writes
 * nothing. Document buffers are not copied when large: do not modify them after the call.
 */
class ArchiveWriter {
    /** The archive bytes. Pipe it to a file, a compressor or an upload. */
    stream;
    #timeseriesAsBuckets;
    #queue = [];
    #states = new Map();
    /** Data namespaces in prelude order (time-series entries mapped to their buckets when enabled). */
    #dataNamespaces = [];
    /** Prelude entries that cannot take documents directly, keyed by namespace, with the reason. */
    #redirects = new Map();
    #seen = [];
    #openSegment;
    #begun = false;
    #finishing = false;
    #oplogStarted = false;
    #pumping = false;
    #ended = false;
    /** The stream is at its high-water mark: the next chunk waits for the consumer. */
    #full = false;
    #readWaiter;
    #failure;
    #archiveBytes = 0;
    /** Small pieces are gathered here into stream chunks of up to COALESCE_BYTES. */
    #staging = Buffer.allocUnsafe(COALESCE_BYTES);
    #stagedBytes = 0;
    #documents = 0;
    constructor(options = {}) {
        this.#timeseriesAsBuckets = options.timeseriesAsBuckets ?? true;
        this.stream = new external_node_stream_.Readable({
            highWaterMark: options.highWaterMark ?? 1024 * 1024,
            read: () => {
                this.#full = false;
                const waiter = this.#readWaiter;
                this.#readWaiter = undefined;
                waiter?.();
            },
            destroy: (error, callback) => {
                if (error || !this.#ended) {
                    this.#fail(error ?? new Error('the archive stream was destroyed before the archive was finished'));
                }
                callback(error);
            },
        });
    }
    /** Bytes waiting in the stream for the consumer. Bounded by about `highWaterMark` plus one chunk. */
    get bufferedBytes() {
        return this.stream.readableLength;
    }
    /** Writes the magic number and the prelude. Must be called once, first. */
    begin(prelude) {
        try {
            if (this.#begun)
                throw new ArchiveFormatError('archive writer: begin() was already called');
            const bytes = this.#preludeBytes(prelude);
            this.#begun = true;
            return this.#enqueue([{ kind: 'bytes', bytes }]);
        }
        catch (error) {
            return Promise.reject(error);
        }
    }
    /**
     * Appends raw BSON documents to a namespace's data. An empty list still opens a segment, which is
     * how a view or an empty collection gets the segment mongorestore expects.
     */
    writeDocuments(ns, docs) {
        try {
            const state = this.#dataState(ns, 'writeDocuments');
            if (docs.length > 0 && state.isView) {
                throw new ArchiveFormatError(`archive writer: ${state.name} is a view and cannot have documents`, {
                    namespace: state.name,
                });
            }
            docs.forEach((doc, index) => {
                checkDocument(doc, index, state.name);
            });
            const parts = [];
            this.#planSegment(state, parts);
            // The list is copied so the caller may reuse it; the documents themselves are not copied yet.
            if (docs.length > 0)
                parts.push({ kind: 'documents', state, docs: [...docs] });
            return this.#enqueue(parts);
        }
        catch (error) {
            return Promise.reject(error);
        }
    }
    /**
     * Closes a namespace with its EOF block (CRC over all its documents). A namespace that never had a
     * segment gets an empty one first. After this, the namespace cannot be written again.
     */
    endNamespace(ns) {
        try {
            const state = this.#dataState(ns, 'endNamespace');
            return this.#enqueue(this.#planEnd(state));
        }
        catch (error) {
            return Promise.reject(error);
        }
    }
    /**
     * Closes every namespace other than the oplog that has had no segment yet (views, empty
     * collections) with an empty segment and its EOF block. Call it once all collection producers are
     * done, before writing the oplog.
     */
    endUnwrittenNamespaces() {
        try {
            if (!this.#begun)
                throw new ArchiveFormatError('archive writer: endUnwrittenNamespaces() called before begin()');
            if (this.#finishing) {
                throw new ArchiveFormatError('archive writer: endUnwrittenNamespaces() called after finish()');
            }
            const parts = [];
            for (const state of this.#dataNamespaces) {
                if (!state.hasSegment && !isOplog(state.ns))
                    parts.push(...this.#planEnd(state));
            }
            return this.#enqueue(parts);
        }
        catch (error) {
            return Promise.reject(error);
        }
    }
    /**
     * Closes every namespace that never had a segment (views, empty collections; the oplog last),
     * then ends the stream. Rejects, and destroys the stream, if a namespace has documents but was
     * never ended. Resolves with the final statistics once the last byte is in the stream.
     */
    finish() {
        try {
            if (!this.#begun)
                throw new ArchiveFormatError('archive writer: finish() called before begin()');
            if (this.#finishing)
                throw new ArchiveFormatError('archive writer: finish() was already called');
            const unended = this.#dataNamespaces.filter((state) => state.hasSegment && !state.closed);
            if (unended.length > 0) {
                const error = new ArchiveFormatError(`archive writer: finish() called while ${unended.map((s) => s.name).join(', ')} ` +
                    'had been written to but not ended with endNamespace()', { namespace: unended[0].name });
                this.stream.destroy(error);
                throw error;
            }
            const parts = [];
            const remaining = this.#dataNamespaces.filter((state) => !state.closed);
            const ordered = [...remaining.filter((s) => !isOplog(s.ns)), ...remaining.filter((s) => isOplog(s.ns))];
            for (const state of ordered)
                parts.push(...this.#planEnd(state));
            this.#finishing = true;
            return this.#enqueue(parts, true).then(() => this.stats());
        }
        catch (error) {
            return Promise.reject(error);
        }
    }
    /** Stops writing: the stream is destroyed with `error` and pending writes reject. */
    abort(error) {
        this.stream.destroy(error);
    }
    /** Count, bytes and CRC per namespace for everything handed to the stream so far. */
    stats() {
        return {
            namespaces: this.#seen.map((state) => ({ ...state.stats, crc: state.crc.value() })),
            documents: this.#documents,
            archiveBytes: this.#archiveBytes,
        };
    }
    #preludeBytes(prelude) {
        const { header } = prelude;
        const version = header.version ?? ARCHIVE_VERSION;
        if (version !== ARCHIVE_VERSION) {
            throw new ArchiveFormatError(`archive writer: version must be "${ARCHIVE_VERSION}", got "${version}"`);
        }
        const concurrency = header.concurrent_collections;
        if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 0x7fffffff) {
            throw new ArchiveFormatError(`archive writer: concurrent_collections must be a positive int32, got ${concurrency}`);
        }
        const chunks = [
            ARCHIVE_MAGIC,
            bson_node/* BSON */.lj.serialize({
                concurrent_collections: new bson_node/* Int32 */.P_(concurrency),
                version,
                server_version: String(header.server_version),
                tool_version: String(header.tool_version),
            }),
        ];
        const listed = new Set();
        for (const entry of prelude.namespaces) {
            const ns = { db: entry.db, collection: entry.collection };
            const name = namespaceName(ns);
            const key = namespaceKey(ns);
            if (listed.has(key))
                throw new ArchiveFormatError(`archive writer: ${name} is listed twice`);
            listed.add(key);
            if (!NAMESPACE_TYPES.includes(entry.type)) {
                throw new ArchiveFormatError(`archive writer: ${name} has unknown type "${entry.type}"`);
            }
            if (!isOplog(ns) && (ns.db === '' || ns.collection === '' || ns.db.includes('.'))) {
                throw new ArchiveFormatError(`archive writer: "${name}" is not a valid namespace`);
            }
            const metadata = serializeMetadata(entry, name);
            chunks.push(bson_node/* BSON */.lj.serialize({
                db: ns.db,
                collection: ns.collection,
                metadata,
                size: new bson_node/* Int32 */.P_(0),
                type: entry.type,
            }));
            let dataNs = ns;
            if (entry.type === 'timeseries' && this.#timeseriesAsBuckets) {
                dataNs = { db: ns.db, collection: BUCKETS_PREFIX + ns.collection };
                this.#redirects.set(key, `write time-series data to ${namespaceName(dataNs)}`);
            }
            this.#addDataNamespace(dataNs, entry.type === 'view');
        }
        chunks.push(TERMINATOR);
        return Buffer.concat(chunks);
    }
    #addDataNamespace(ns, isView) {
        const key = namespaceKey(ns);
        if (this.#states.has(key)) {
            throw new ArchiveFormatError(`archive writer: ${namespaceName(ns)} is both listed and a time-series bucket`);
        }
        const state = {
            ns,
            name: namespaceName(ns),
            hasSegment: false,
            closed: false,
            stats: { db: ns.db, collection: ns.collection, count: 0, bytes: 0, crc: 0n, closed: false },
            crc: new Crc64(),
            isView,
        };
        this.#states.set(key, state);
        this.#dataNamespaces.push(state);
    }
    /** Finds the namespace a write goes to and checks the ordering rules for it. */
    #dataState(nsLike, method) {
        if (!this.#begun)
            throw new ArchiveFormatError(`archive writer: ${method}() called before begin()`);
        if (this.#finishing)
            throw new ArchiveFormatError(`archive writer: ${method}() called after finish()`);
        const ns = toNamespace(nsLike);
        const key = namespaceKey(ns);
        const name = namespaceName(ns);
        const state = this.#states.get(key);
        if (!state) {
            const redirect = this.#redirects.get(key);
            throw new ArchiveFormatError(redirect
                ? `archive writer: ${name} is a time-series collection; ${redirect}`
                : `archive writer: ${name} is not listed in the prelude`, { namespace: name });
        }
        if (state.closed) {
            throw new ArchiveFormatError(`archive writer: ${name} was already ended; a namespace cannot reappear`, {
                namespace: name,
            });
        }
        if (isOplog(ns)) {
            const open = this.#dataNamespaces.filter((s) => !s.closed && !isOplog(s.ns));
            if (open.length > 0) {
                throw new ArchiveFormatError(`archive writer: the oplog must come last, but ${open.map((s) => s.name).join(', ')} ` +
                    'not ended yet (call endNamespace() for them first, views and empty collections included)', { namespace: name });
            }
        }
        else if (this.#oplogStarted) {
            throw new ArchiveFormatError(`archive writer: ${name} cannot be written after the oplog`, {
                namespace: name,
            });
        }
        return state;
    }
    #planSegment(state, parts) {
        if (this.#openSegment === state)
            return;
        if (this.#openSegment)
            parts.push({ kind: 'bytes', bytes: TERMINATOR });
        parts.push({ kind: 'segment', state });
        this.#openSegment = state;
        state.hasSegment = true;
        if (isOplog(state.ns))
            this.#oplogStarted = true;
    }
    #planEnd(state) {
        const parts = [];
        if (!state.hasSegment)
            this.#planSegment(state, parts);
        if (this.#openSegment)
            parts.push({ kind: 'bytes', bytes: TERMINATOR });
        this.#openSegment = undefined;
        parts.push({ kind: 'eof', state });
        state.closed = true;
        return parts;
    }
    #enqueue(parts, end = false) {
        if (this.#failure)
            return Promise.reject(this.#failure);
        return new Promise((resolve, reject) => {
            this.#queue.push({ parts, end, resolve, reject });
            if (!this.#pumping)
                void this.#pump();
        });
    }
    async #pump() {
        this.#pumping = true;
        try {
            for (let op = this.#queue.shift(); op; op = this.#queue.shift()) {
                try {
                    for (const part of op.parts)
                        await this.#write(part);
                    await this.#flush();
                    if (op.end) {
                        this.#ended = true;
                        this.stream.push(null);
                    }
                    op.resolve();
                }
                catch (error) {
                    op.reject(error);
                }
            }
        }
        finally {
            this.#pumping = false;
        }
    }
    /** Writes a part, updating the namespace's count, bytes and CRC as its documents go out. */
    async #write(part) {
        switch (part.kind) {
            case 'bytes':
                return this.#append(part.bytes);
            case 'segment':
                if (!this.#seen.includes(part.state))
                    this.#seen.push(part.state);
                return this.#append(segmentHeader(part.state.ns, false, 0n));
            case 'eof':
                part.state.stats.closed = true;
                await this.#append(segmentHeader(part.state.ns, true, part.state.crc.value()));
                return this.#append(TERMINATOR);
            case 'documents': {
                const { state } = part;
                const { crc, stats } = state;
                // Small documents are copied into the staging chunk; their CRC is taken over each copied run
                // at once, which is much cheaper than one call per document.
                let runStart = this.#stagedBytes;
                for (const doc of part.docs) {
                    const length = doc.byteLength;
                    stats.count++;
                    stats.bytes += length;
                    this.#documents++;
                    if (length < COALESCE_BYTES && this.#stagedBytes + length <= COALESCE_BYTES) {
                        this.#staging.set(doc, this.#stagedBytes);
                        this.#stagedBytes += length;
                        continue;
                    }
                    crc.update(this.#staging.subarray(runStart, this.#stagedBytes));
                    await this.#flush();
                    if (length < COALESCE_BYTES) {
                        this.#staging.set(doc, 0);
                        this.#stagedBytes = length;
                    }
                    else {
                        crc.update(doc);
                        await this.#push(Buffer.from(doc.buffer, doc.byteOffset, length));
                    }
                    runStart = 0;
                }
                crc.update(this.#staging.subarray(runStart, this.#stagedBytes));
            }
        }
    }
    /** Adds small bytes (headers, terminators) to the staging chunk. */
    async #append(bytes) {
        if (this.#stagedBytes + bytes.length > COALESCE_BYTES)
            await this.#flush();
        if (bytes.length > COALESCE_BYTES)
            return this.#push(bytes);
        bytes.copy(this.#staging, this.#stagedBytes);
        this.#stagedBytes += bytes.length;
    }
    /** Pushes the staging chunk. A mostly empty one is copied out so it does not pin a whole chunk. */
    async #flush() {
        const used = this.#stagedBytes;
        if (used === 0)
            return;
        let chunk;
        if (used >= COALESCE_BYTES / 2) {
            chunk = this.#staging.subarray(0, used);
            this.#staging = Buffer.allocUnsafe(COALESCE_BYTES);
        }
        else {
            chunk = Buffer.allocUnsafe(used);
            this.#staging.copy(chunk, 0, 0, used);
        }
        this.#stagedBytes = 0;
        await this.#push(chunk);
    }
    /** Hands a chunk to the stream, first waiting for room if the last push filled it. */
    async #push(chunk) {
        if (this.#full) {
            await new Promise((resolve) => {
                this.#readWaiter = resolve;
            });
        }
        if (this.#failure)
            throw this.#failure;
        this.#archiveBytes += chunk.length;
        this.#full = !this.stream.push(chunk);
    }
    #fail(error) {
        if (this.#failure)
            return;
        this.#failure = error;
        const waiter = this.#readWaiter;
        this.#readWaiter = undefined;
        waiter?.();
        for (let op = this.#queue.shift(); op; op = this.#queue.shift())
            op.reject(error);
    }
}
function segmentHeader(ns, eof, crc) {
    const header = bson_node/* BSON */.lj.serialize({
        db: ns.db,
        collection: ns.collection,
        EOF: eof,
        CRC: bson_node/* Long */.v2.fromBigInt(BigInt.asIntN(64, crc)),
    });
    return Buffer.from(header.buffer, header.byteOffset, header.byteLength);
}
function serializeMetadata(entry, name) {
    const { metadata } = entry;
    if (typeof metadata === 'string') {
        if (metadata === '') {
            if (isOplog(entry))
                return metadata;
            throw new ArchiveFormatError(`archive writer: ${name} has empty metadata (only the oplog may)`);
        }
        try {
            bson_node/* EJSON */.On.parse(metadata, { relaxed: false });
        }
        catch (error) {
            throw new ArchiveFormatError(`archive writer: metadata of ${name} is not valid Extended JSON: ${error.message}`);
        }
        return metadata;
    }
    const ordered = { options: metadata.options, indexes: metadata.indexes };
    if (metadata.uuid !== undefined) {
        if (!/^[0-9a-f]{32}$/.test(metadata.uuid)) {
            throw new ArchiveFormatError(`archive writer: uuid of ${name} must be 32 lowercase hex digits`);
        }
        ordered.uuid = metadata.uuid;
    }
    ordered.collectionName = metadata.collectionName;
    ordered.type = metadata.type;
    return bson_node/* EJSON */.On.stringify(ordered, { relaxed: false });
}
function checkDocument(doc, index, name) {
    const problem = (what) => new ArchiveFormatError(`archive writer: document #${index} for ${name} ${what}`, { namespace: name });
    if (!(doc instanceof Uint8Array))
        throw problem('is not a Buffer or Uint8Array of raw BSON');
    const size = doc.byteLength;
    if (size < MIN_DOCUMENT_SIZE || size > MAX_DOCUMENT_SIZE) {
        throw problem(`has ${size} bytes; a BSON document has ${MIN_DOCUMENT_SIZE}..${MAX_DOCUMENT_SIZE}`);
    }
    const declared = doc[0] | (doc[1] << 8) | (doc[2] << 16) | (doc[3] << 24);
    if (declared !== size)
        throw problem(`declares ${declared} bytes but has ${size}`);
    if (doc[size - 1] !== 0)
        throw problem('does not end with 0x00');
}

// EXTERNAL MODULE: ../../packages/runtime/src/log.ts
var log = __webpack_require__(2352);
// EXTERNAL MODULE: ../../packages/runtime/src/errors.ts
var errors = __webpack_require__(6631);
// EXTERNAL MODULE: ../../node_modules/mongodb/lib/index.js
var lib = __webpack_require__(5226);
// EXTERNAL MODULE: ../../packages/runtime/src/options/errors.ts
var options_errors = __webpack_require__(6960);
;// CONCATENATED MODULE: ../../packages/runtime/src/glob.ts
function tokens(pattern, options) {
    const out = [];
    for (let i = 0; i < pattern.length; i++) {
        const char = pattern[i];
        if (char === '*' && pattern[i + 1] === '*') {
            out.push({ kind: 'anyDeep' });
            i += 1;
        }
        else if (char === '*')
            out.push({ kind: 'any' });
        else if (char === '?' && !options.literalQuestionMark)
            out.push({ kind: 'one' });
        else
            out.push({ kind: 'text', text: char });
    }
    return out;
}
function escapeRegExp(text) {
    return text.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&');
}
/** The regular expression source of a pattern, unanchored; each wildcard is a capturing group. */
function globSource(pattern, options = {}) {
    const notSeparator = options.separator === undefined ? '.' : `[^${options.separator.replace(/[\\\]^-]/g, '\\$&')}]`;
    const source = (token) => {
        if (token.kind === 'text')
            return escapeRegExp(token.text);
        if (token.kind === 'any')
            return `(${notSeparator}*)`;
        if (token.kind === 'anyDeep')
            return '(.*)';
        return `(${notSeparator})`;
    };
    return tokens(pattern, options).map(source).join('');
}
const cache = new Map();
/** The whole-string matcher of a pattern (compiled once per pattern and options). */
function globToRegExp(pattern, options = {}) {
    const key = `${options.separator ?? ''}\0${options.literalQuestionMark ? 1 : 0}\0${pattern}`;
    let compiled = cache.get(key);
    if (!compiled) {
        compiled = new RegExp(`^${globSource(pattern, options)}$`, 's');
        cache.set(key, compiled);
    }
    return compiled;
}
function matchesGlob(text, pattern, options = {}) {
    return globToRegExp(pattern, options).test(text);
}
/** Whether a pattern holds a wildcard at all (otherwise it is compared as it is). */
function isGlob(pattern, options = {}) {
    return tokens(pattern, options).some((token) => token.kind !== 'text');
}
/** How many wildcards a pattern has: what a rename's two sides must agree on. */
function globWildcards(pattern, options = {}) {
    return tokens(pattern, options).filter((token) => token.kind !== 'text').length;
}
/** `pattern` with its wildcards replaced, in order, by `captures` (what another pattern's wildcards matched). */
function fillGlob(pattern, captures, options = {}) {
    let next = 0;
    return tokens(pattern, options)
        .map((token) => (token.kind === 'text' ? token.text : (captures[next++] ?? '')))
        .join('');
}

;// CONCATENATED MODULE: ../../packages/mongo/src/filters.ts

const PATTERN_HELP = 'expected db, db.collection or a glob with * and ? such as shop.*, *.events or shop.order?';
/** Parses one pattern; a malformed one is an `OptionError` about its option, `include` or `exclude`. */
function parseNamespacePattern(text, kind) {
    const trimmed = text.trim();
    const fail = (why) => new options_errors/* OptionError */.eR(kind, `has '${text}', which is not valid: ${why}; ${PATTERN_HELP}.`);
    if (trimmed === '')
        throw fail('it is empty');
    if (/\s/.test(trimmed))
        throw fail('it contains white space');
    const dot = trimmed.indexOf('.');
    const db = dot < 0 ? trimmed : trimmed.slice(0, dot);
    const collection = dot < 0 ? '*' : trimmed.slice(dot + 1);
    if (db === '')
        throw fail('the database part is empty');
    if (collection === '')
        throw fail('the collection part is empty');
    if (/[/\\"$]/.test(db))
        throw fail('database names cannot contain / \\ " or $');
    return { text: trimmed, kind, db, collection };
}
/**
 * Each part is matched on its own, with the suite's glob syntax and no separator: `*` matches any
 * run of characters (dots included), `?` exactly one; a part without a wildcard is compared as it is.
 */
function matchesPart(glob, name) {
    return isGlob(glob) ? matchesGlob(name, glob) : glob === name;
}
function patternMatches(pattern, ns) {
    return matchesPart(pattern.db, ns.db) && matchesPart(pattern.collection, ns.collection);
}
/** Databases a dump never takes, and admin, which it takes only when an include names it. */
const NEVER_DUMPED_DATABASES = new Set(['local', 'config']);
/**
 * Why mongodump's rules leave a namespace out of a dump, or undefined when it is dumped:
 * `local` and `config` never; `system.*` collections except `system.users` and `system.roles` in
 * admin and `system.js` anywhere. `system.buckets.<name>` is not a namespace of its own: its data
 * is dumped with the time-series collection `<name>`. `system.views` is not data: views come from
 * listCollections.
 */
function filters_skipReason(ns) {
    if (NEVER_DUMPED_DATABASES.has(ns.db))
        return `the ${ns.db} database is never dumped`;
    const { collection } = ns;
    if (!collection.startsWith('system.'))
        return undefined;
    if (collection === 'system.js')
        return undefined;
    if (ns.db === 'admin' && (collection === 'system.users' || collection === 'system.roles'))
        return undefined;
    if (collection.startsWith('system.buckets.')) {
        return `time-series buckets are dumped with their collection ${collection.slice('system.buckets.'.length)}`;
    }
    if (collection === 'system.views')
        return 'view definitions are dumped as views, not as data';
    return 'system collections are not dumped';
}
/** Compiled include/exclude filters plus the skip rules. */
class NamespaceFilter {
    include;
    exclude;
    constructor(spec = {}) {
        this.include = (spec.include ?? []).map((text) => parseNamespacePattern(text, 'include'));
        this.exclude = (spec.exclude ?? []).map((text) => parseNamespacePattern(text, 'exclude'));
    }
    /** Whether admin was named by an include (not merely matched by a glob). */
    get includesAdminExplicitly() {
        return this.include.some((pattern) => pattern.db === 'admin');
    }
    /** Whether any namespace of `db` can be dumped: used to avoid listing databases not wanted. */
    includesDatabase(db) {
        if (NEVER_DUMPED_DATABASES.has(db))
            return false;
        if (db === 'admin' && !this.includesAdminExplicitly)
            return false;
        if (this.exclude.some((pattern) => pattern.collection === '*' && matchesPart(pattern.db, db)))
            return false;
        return this.include.length === 0 || this.include.some((pattern) => matchesPart(pattern.db, db));
    }
    /** Whether the filters select a namespace, ignoring the skip rules. */
    selects(ns) {
        if (!this.includesDatabase(ns.db))
            return false;
        if (this.exclude.some((pattern) => patternMatches(pattern, ns)))
            return false;
        return this.include.length === 0 || this.include.some((pattern) => patternMatches(pattern, ns));
    }
    /** The final decision: selected by the filters and not left out by the skip rules. */
    includes(ns) {
        return filters_skipReason(ns) === undefined && this.selects(ns);
    }
    /**
     * Patterns that match none of `existing` (the namespaces a dump could take): a typo that would
     * silently dump nothing, or everything. An exclude counts as matching when it matches a
     * namespace the includes selected.
     */
    unmatched(existing) {
        const dumpable = existing.filter((ns) => filters_skipReason(ns) === undefined);
        const missing = [];
        for (const pattern of this.include) {
            if (!dumpable.some((ns) => patternMatches(pattern, ns)))
                missing.push(pattern);
        }
        for (const pattern of this.exclude) {
            if (!dumpable.some((ns) => patternMatches(pattern, ns)))
                missing.push(pattern);
        }
        return missing;
    }
}
const MAX_LISTED = 25;
/**
 * What is wrong with a filter that matches nothing ("matches nothing on the server. …"): lists
 * what exists, databases when the database part matched none, else the collections of the
 * databases it matched.
 */
function unmatchedReason(pattern, existing, databases = [...new Set(existing.map((ns) => ns.db))]) {
    const dumpable = existing.filter((ns) => filters_skipReason(ns) === undefined);
    const matchedDatabases = databases.filter((db) => matchesPart(pattern.db, db));
    const head = 'matches nothing on the server';
    const skipped = existing.find((ns) => patternMatches(pattern, ns) && filters_skipReason(ns) !== undefined);
    const why = skipped ? ` (${skipped.db}.${skipped.collection}: ${filters_skipReason(skipped)})` : '';
    if (NEVER_DUMPED_DATABASES.has(pattern.db))
        return `${head}: the ${pattern.db} database is never dumped.`;
    if (matchedDatabases.length === 0)
        return `${head}. Databases: ${listed(databases)}.`;
    const collections = dumpable
        .filter((ns) => matchedDatabases.includes(ns.db))
        .map((ns) => `${ns.db}.${ns.collection}`);
    return `${head}${why}. Collections there: ${listed(collections)}.`;
}
/** The error for a filter that matches nothing: a typo that would silently dump nothing, or everything. */
function unmatchedFilterError(pattern, existing, databases) {
    return new options_errors/* OptionError */.eR(pattern.kind, `has '${pattern.text}', which ${unmatchedReason(pattern, existing, databases)}`);
}
/** The warning for an exclude filter that matches nothing, in words that fit every edge. */
function unmatchedFilterWarning(pattern, existing, databases) {
    return `${pattern.kind} filter '${pattern.text}' ${unmatchedReason(pattern, existing, databases)}`;
}
/** Throws for the first include or exclude filter that matches nothing. */
function assertFiltersMatch(filter, existing, databases) {
    const [first] = filter.unmatched(existing);
    if (first)
        throw unmatchedFilterError(first, existing, databases);
}
function listed(names) {
    if (names.length === 0)
        return '(none)';
    const sorted = [...names].sort();
    const shown = sorted.slice(0, MAX_LISTED).join(', ');
    return sorted.length > MAX_LISTED ? `${shown} and ${sorted.length - MAX_LISTED} more` : shown;
}

// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: ../../packages/runtime/src/secrets.ts
var secrets = __webpack_require__(4727);
// EXTERNAL MODULE: ../../packages/runtime/src/deadline.ts
var src_deadline = __webpack_require__(5060);
// EXTERNAL MODULE: ../../packages/runtime/src/format.ts
var format = __webpack_require__(7907);
;// CONCATENATED MODULE: ../../packages/mongo/src/server.ts



const DEFAULT_MAX_BSON_OBJECT_SIZE = 16 * 1024 * 1024;
/** Reads the server's version, topology and flavor from `hello` and `buildInfo`. */
async function probeServer(client) {
    const admin = client.db('admin');
    const [hello, buildInfo] = await Promise.all([
        admin.command({ hello: 1 }).catch(() => admin.command({ isMaster: 1 })),
        admin.command({ buildInfo: 1 }),
    ]);
    return serverFactsFrom(hello, buildInfo);
}
/** The pure part of `probeServer`, for tests. */
function serverFactsFrom(hello, buildInfo) {
    const facts = {
        serverVersion: typeof buildInfo.version === 'string' ? buildInfo.version : 'unknown',
        topology: topologyOf(hello),
        maxBsonObjectSize: typeof hello.maxBsonObjectSize === 'number' ? hello.maxBsonObjectSize : DEFAULT_MAX_BSON_OBJECT_SIZE,
    };
    if (typeof buildInfo.ferretdbVersion === 'string') {
        facts.flavor = 'ferretdb';
        facts.flavorVersion = buildInfo.ferretdbVersion;
    }
    else if (typeof buildInfo.psmdbVersion === 'string') {
        facts.flavor = 'percona';
        facts.flavorVersion = buildInfo.psmdbVersion;
    }
    return facts;
}
function topologyOf(hello) {
    if (hello.msg === 'isdbgrid')
        return 'sharded';
    if (typeof hello.setName === 'string')
        return 'replicaSet';
    if (hello.isWritablePrimary === true || hello.ismaster === true || hello.secondary === true) {
        return 'standalone';
    }
    return 'unknown';
}
/**
 * Opens a client and proves it works (one `ping`), within the connect timeout. Works with
 * `mongodb+srv://` and TLS (Atlas). A refused connection or a host name that does not resolve fails at
 * once rather than after the timeout. Fails with a UserError that never contains the URI or the
 * password: malformed URI, unreachable hosts, wrong credentials.
 *
 * The one place every command and action connects through, so the timeouts and the deadline hold for
 * all of them.
 */
async function connect(uri, options = {}) {
    const redactor = new secrets/* Redactor */.pO();
    redactor.add(uri);
    let client;
    try {
        client = createClient(uri, options);
    }
    catch (error) {
        throw invalidUriError(error, redactor);
    }
    const { deadline } = options;
    const timeoutMs = client.options.serverSelectionTimeoutMS;
    const target = connectionTarget(client, timeoutMs);
    const hopeless = whenEveryServerRefuses(client);
    if (deadline)
        bindToDeadline(client, deadline);
    try {
        const ready = client.connect().then(() => client.db('admin').command({ ping: 1 }));
        const connected = withDeadline(Promise.race([ready, hopeless.promise]), 
        // The driver honours serverSelectionTimeoutMS; DNS (SRV, TXT) lookups are not bounded by it.
        timeoutMs + 1000, () => new ConnectTimeoutError());
        const startedAt = Date.now();
        await (deadline
            ? deadline.waitFor(`the MongoDB server ${target.hosts.join(', ')}`, connected)
            : connected);
        options.logger?.debug(`connected to ${target.hosts.join(', ')} in ${Date.now() - startedAt} ms (server selection timeout ${timeoutMs} ms)`);
        return client;
    }
    catch (error) {
        await disconnect(client);
        if (deadline?.stopped)
            throw deadline.reason;
        throw connectionError(error, target, redactor);
    }
    finally {
        hopeless.stop();
    }
}
/** The client for `uri`: the URI's timeouts stand unless `timeoutMs` overrides them. */
function createClient(uri, options) {
    const driverOptions = {
        ...options.driverOptions,
        ...(options.appName ? { appName: options.appName } : {}),
    };
    const client = new lib.MongoClient(uri, driverOptions);
    if (options.timeoutMs === undefined)
        return client;
    return new lib.MongoClient(uri, {
        ...driverOptions,
        serverSelectionTimeoutMS: options.timeoutMs,
        connectTimeoutMS: Math.min(options.timeoutMs, client.options.connectTimeoutMS),
    });
}
/**
 * Closes a client without letting a server that stopped answering hold the run: whatever the close
 * still waits for (killCursors, a new connection's handshake) is abandoned after `graceMs`.
 */
async function disconnect(client, graceMs = src_deadline/* CLEANUP_TIMEOUT_MS */.aE) {
    const gaveUp = new AbortController();
    const closed = client.close().catch(() => { });
    await Promise.race([closed, (0,external_node_timers_promises_.setTimeout)(graceMs, undefined, { signal: gaveUp.signal }).catch(() => { })]);
    gaveUp.abort();
}
/**
 * Ties a client to the run's deadline: each command in flight (a connection checked out) is a wait
 * the deadline can name, and the client is closed shortly after the run stops, which fails every
 * command still waiting on a server that does not answer. Not at once: a stopped run still cleans up
 * through its client (a cancelled restore drops its staging collections), and a server that answers
 * lets it do so within the wind-down time.
 */
function bindToDeadline(client, deadline) {
    const inFlight = new Map();
    const done = (event) => {
        const key = `${event.address}#${String(event.connectionId)}`;
        inFlight.get(key)?.end();
        inFlight.delete(key);
    };
    client.on('connectionCheckedOut', (event) => {
        const key = `${event.address}#${String(event.connectionId)}`;
        inFlight.get(key)?.end();
        inFlight.set(key, deadline.begin(`the MongoDB server ${event.address}`));
    });
    client.on('connectionCheckedIn', done);
    client.on('connectionClosed', done);
    const onStop = () => setTimeout(() => void disconnect(client), src_deadline/* CLEANUP_TIMEOUT_MS */.aE).unref();
    if (deadline.stopped)
        onStop();
    else
        deadline.signal.addEventListener('abort', onStop, { once: true });
    client.once('topologyClosed', () => {
        deadline.signal.removeEventListener('abort', onStop);
        for (const activity of inFlight.values())
            activity.end();
        inFlight.clear();
    });
}
/** Socket errors after which waiting for the server cannot help: nothing listens, or the name does not exist. */
const DEFINITIVE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ENETUNREACH', 'EHOSTUNREACH']);
/** A connection attempt that every server the client knows of refused outright. */
class ServersRefusedError extends Error {
    code;
    name = 'ServersRefusedError';
    constructor(code, cause) {
        super(messageOf(cause), { cause });
        this.code = code;
    }
}
/**
 * Rejects as soon as every server the client knows of has failed to connect in a way that waiting
 * will not fix (connection refused, unknown host): server selection would otherwise retry until its
 * timeout, 30 s by default.
 */
function whenEveryServerRefuses(client) {
    let listener;
    const promise = new Promise((_, reject) => {
        listener = (event) => {
            const servers = [...event.newDescription.servers.values()];
            const codes = servers.map((server) => definitiveCode(server.error));
            if (servers.length > 0 && codes.every((code) => code !== undefined)) {
                reject(new ServersRefusedError(codes[0], servers[0]?.error));
            }
        };
        client.on('topologyDescriptionChanged', listener);
    });
    promise.catch(() => { });
    return {
        promise,
        stop: () => {
            if (listener)
                client.off('topologyDescriptionChanged', listener);
        },
    };
}
function definitiveCode(error) {
    if (!error)
        return undefined;
    for (const each of causes(error)) {
        const code = each.code;
        if (typeof code === 'string' && DEFINITIVE_CODES.has(code))
            return code;
    }
    return undefined;
}
/** The hosts, SRV name and user of a constructed client (the driver has parsed the URI). */
function connectionTarget(client, timeoutMs) {
    const { srvHost, hosts, credentials } = client.options;
    const target = {
        hosts: srvHost ? [srvHost] : hosts.map((host) => host.toString()),
        srv: Boolean(srvHost),
        timeoutMs,
    };
    if (credentials?.username)
        target.username = credentials.username;
    return target;
}
class ConnectTimeoutError extends Error {
    name = 'ConnectTimeoutError';
}
/** A malformed URI: the driver's reason, without anything taken from the URI's secrets. */
function invalidUriError(error, redactor) {
    const reason = redact(messageOf(error), redactor);
    return new errors/* UserError */.y(`The MongoDB URI is not valid: ${reason}. ` +
        'Expected mongodb://user:password@host:port/?options or mongodb+srv://user:password@cluster-host/, ' +
        'with special characters in the user and password percent-encoded.');
}
const AUTHENTICATION_FAILED = 18;
/** Turns a failure to connect into a UserError that says what to check; other errors pass through. */
function connectionError(error, target, redactor) {
    const within = (0,format/* formatDuration */.a3)(target.timeoutMs);
    const where = target.hosts.join(', ') || 'the MongoDB server';
    if (isAuthenticationFailure(error)) {
        const user = target.username ?? '';
        return new errors/* UserError */.y(`Connecting to the MongoDB server: authentication failed for user '${user}'. ` +
            'Check the user name and password in the MongoDB URI, and authSource if the user is not defined in admin.');
    }
    if (error instanceof ServersRefusedError) {
        const reason = redact(error.message, redactor);
        if (error.code === 'ENOTFOUND') {
            return new errors/* UserError */.y(`Could not reach ${where}: the DNS lookup failed (${reason}). Check the host name in the MongoDB URI.`);
        }
        const what = error.code === 'ECONNREFUSED' ? 'the connection was refused' : 'there is no route to it';
        return new errors/* UserError */.y(`Could not reach ${where}: ${what} (${reason}). Check the host and port, and that the server is ` +
            'running and reachable from here.');
    }
    const dns = dnsFailure(error);
    if (dns) {
        return new errors/* UserError */.y(`Could not reach ${where} within ${within}: the DNS lookup failed (${dns}). ` +
            'Check the host name in the MongoDB URI.');
    }
    if (isUnreachable(error)) {
        const reason = redact(reachabilityReason(error), redactor);
        return new errors/* UserError */.y(`Could not reach ${where} within ${within}${reason ? ` (${reason})` : ''}. ` +
            'Check the host and port, that the server is running, and that its network access list allows this machine' +
            (target.srv ? '.' : ' (for Atlas, use the mongodb+srv:// connection string).'));
    }
    if (error instanceof Error) {
        const reason = redact(messageOf(error), redactor);
        if (reason !== error.message)
            return new Error(reason);
    }
    return error instanceof Error ? error : new Error(messageOf(error));
}
function isAuthenticationFailure(error) {
    for (const each of causes(error)) {
        if (each instanceof lib.MongoServerError && each.code === AUTHENTICATION_FAILED)
            return true;
        const { code, codeName } = each;
        if (code === AUTHENTICATION_FAILED || codeName === 'AuthenticationFailed')
            return true;
        if (/authentication failed/i.test(messageOf(each)))
            return true;
    }
    return false;
}
const DNS_CODES = new Set(['ENOTFOUND', 'ENODATA', 'ESERVFAIL', 'EREFUSED', 'ETIMEOUT', 'ECONNREFUSED']);
function dnsFailure(error) {
    for (const each of causes(error)) {
        const { code, syscall } = each;
        const message = messageOf(each);
        const isLookup = (typeof syscall === 'string' && /^(query|getaddrinfo)/.test(syscall)) ||
            /^(querySrv|queryTxt|getaddrinfo) /.test(message);
        if (isLookup && typeof code === 'string' && DNS_CODES.has(code))
            return code;
        if (/^querySrv |^queryTxt /.test(message))
            return message.split(' ')[1] ?? 'no answer';
    }
    return undefined;
}
function isUnreachable(error) {
    for (const each of causes(error)) {
        if (each instanceof ConnectTimeoutError)
            return true;
        const name = each.name;
        if (name === 'MongoServerSelectionError' ||
            name === 'MongoNetworkError' ||
            name === 'MongoNetworkTimeoutError' ||
            name === 'MongoTopologyClosedError') {
            return true;
        }
    }
    return false;
}
/** The most specific reason the driver gives: "connect ECONNREFUSED 127.0.0.1:1", a TLS failure… */
function reachabilityReason(error) {
    const servers = error.reason?.servers;
    if (servers instanceof Map) {
        for (const server of servers.values()) {
            if (server.error)
                return messageOf(server.error);
        }
    }
    if (error instanceof ConnectTimeoutError)
        return '';
    const message = messageOf(error);
    return /^Server selection timed out/i.test(message) ? '' : message;
}
/** The error, its causes, and the per-server errors of a server selection failure. */
function* causes(error, seen = new Set()) {
    let current = error;
    while (current !== undefined && current !== null && !seen.has(current)) {
        seen.add(current);
        yield current;
        const servers = current.reason?.servers;
        if (servers instanceof Map) {
            for (const server of servers.values())
                yield* causes(server.error, seen);
        }
        current = current.cause;
    }
}
function messageOf(error) {
    if (error instanceof Error)
        return error.message || error.name;
    return String(error);
}
function redact(text, redactor) {
    return redactor ? redactor.redact(text) : text;
}
async function withDeadline(work, ms, onTimeout) {
    let timer;
    const deadline = new Promise((_, reject) => {
        timer = setTimeout(() => reject(onTimeout()), ms);
    });
    try {
        return await Promise.race([work, deadline]);
    }
    finally {
        clearTimeout(timer);
        // A late failure of `work` after the deadline must not surface as an unhandled rejection.
        work.catch(() => { });
    }
}

;// CONCATENATED MODULE: ../../packages/mongo/src/dump/catalog.ts



/** Driver options that keep every BSON type as sent (Int32 stays Int32, Double stays Double…). */
const EXACT_BSON = { promoteValues: false, promoteLongs: false, bsonRegExp: true };
const catalog_BUCKETS_PREFIX = 'system.buckets.';
const UNAUTHORIZED = 13;
/** The server's error code; a number even when the reply was decoded with exact BSON types. */
function serverErrorCode(error) {
    if (!(error instanceof lib.MongoServerError) || error.code === undefined)
        return undefined;
    const code = Number(error.code.valueOf());
    return Number.isFinite(code) ? code : undefined;
}
/**
 * Lists the databases (nameOnly, authorizedDatabases: a user without listDatabases privilege, such as
 * Atlas shared tier users for admin, still gets the ones it can read) and, in the selected ones,
 * the collections, views and time-series collections with their options, uuid and indexes.
 */
async function readCatalog(client, filter, logger) {
    const databases = await listDatabaseNames(client, filter);
    const selectedDatabases = databases.filter((db) => filter.includesDatabase(db)).sort();
    const existing = [];
    const entries = [];
    for (const db of selectedDatabases) {
        const listed = await listCollectionInfos(client, db);
        const names = new Set(listed.map((info) => info.name));
        for (const info of listed)
            existing.push({ db, collection: info.name });
        for (const info of listed) {
            const ns = { db, collection: info.name };
            if (!filter.includes(ns))
                continue;
            const type = namespaceTypeOf(info);
            if (type === undefined) {
                logger.warn(`${db}.${ns.collection}: listCollections type '${String(info.type)}' is not dumped`);
                continue;
            }
            let dataCollection = ns.collection;
            if (type === 'view')
                dataCollection = undefined;
            if (type === 'timeseries') {
                dataCollection = catalog_BUCKETS_PREFIX + ns.collection;
                if (!names.has(dataCollection)) {
                    throw new Error(`${db}.${ns.collection} is a time-series collection without a ${dataCollection} collection ` +
                        '(servers from 8.3 keep time-series data differently); dumping it is not supported yet: exclude it');
                }
            }
            const options = (info.options ?? {});
            const entry = {
                db,
                collection: ns.collection,
                type,
                dataCollection,
                options,
                indexes: type === 'view' ? [] : await listIndexSpecs(client, db, ns.collection),
                capped: options.capped === true,
            };
            const uuid = uuidHex(info.info?.uuid);
            if (uuid)
                entry.uuid = uuid;
            entries.push(entry);
        }
    }
    return { databases, selectedDatabases, existing, entries };
}
async function listDatabaseNames(client, filter) {
    try {
        const reply = await client
            .db('admin')
            .command({ listDatabases: 1, nameOnly: true, authorizedDatabases: true });
        return reply.databases.map((db) => db.name);
    }
    catch (error) {
        if (serverErrorCode(error) !== UNAUTHORIZED)
            throw error;
        // Without the privilege, the databases named literally by include filters are all we can know.
        const named = filter.include.filter((p) => !/[*?]/.test(p.db)).map((p) => p.db);
        if (named.length === 0) {
            throw new errors/* UserError */.y('The MongoDB user may not list databases: name the databases to back up with include filters ' +
                `(e.g. include: shop), or grant it the listDatabases privilege (${error.message}).`);
        }
        return [...new Set(named)];
    }
}
async function listCollectionInfos(client, db) {
    try {
        return await client.db(db).listCollections({}, EXACT_BSON).toArray();
    }
    catch (error) {
        throw unauthorizedAsUserError(error, `list the collections of ${db}`);
    }
}
async function listIndexSpecs(client, db, collection) {
    try {
        return await client.db(db).collection(collection).listIndexes(EXACT_BSON).toArray();
    }
    catch (error) {
        throw unauthorizedAsUserError(error, `list the indexes of ${db}.${collection}`);
    }
}
function namespaceTypeOf(info) {
    const type = info.type ?? 'collection';
    return type === 'collection' || type === 'view' || type === 'timeseries' ? type : undefined;
}
/** A Binary/UUID (subtype 4) as 32 lowercase hex digits; anything else gives undefined. */
function uuidHex(value) {
    if (value && typeof value === 'object' && 'buffer' in value && 'sub_type' in value) {
        const bytes = value.buffer;
        if (bytes.length === 16)
            return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('hex');
    }
    return undefined;
}
/** A document as a canonical Extended JSON v2 object (types spelled out: `{"$numberInt": "1"}`). */
function canonicalEjson(value) {
    return lib.BSON.EJSON.serialize(value, { relaxed: false });
}
/** Keeps `why` readable: "not allowed to find on shop.orders" and what to do about it. */
function unauthorizedAsUserError(error, what) {
    if (serverErrorCode(error) === UNAUTHORIZED) {
        return new errors/* UserError */.y(`The MongoDB user is not allowed to ${what} (${error.message}). Grant it the read role on that ` +
            'database, or leave the namespace out with an exclude filter.');
    }
    return error;
}
/** Namespaces the skip rules leave out, for debug logs. */
function skippedNamespaces(existing) {
    return existing
        .filter((ns) => skipReason(ns) !== undefined)
        .map((ns) => `${ns.db}.${ns.collection} (${skipReason(ns)})`);
}

// EXTERNAL MODULE: ../../packages/runtime/src/options/rows.ts
var rows = __webpack_require__(8914);
;// CONCATENATED MODULE: ../../packages/mongo/src/content-hash.ts

/**
 * The order-independent content hash of a namespace: the sum, modulo 2^256, of the SHA-256 of every
 * document's raw BSON bytes, as 64 hex digits.
 *
 * Addition commutes, so the documents may be hashed in any order — parallel `_id` ranges while dumping,
 * an unsorted read of a restored collection — and the sums agree; a changed, missing or extra document
 * changes the sum, and a duplicated document counts twice. `merge` adds two partial hashes, so each
 * worker hashes its own range and the results are combined at the end. Recompute it from a database
 * with `find()` in any order over raw documents and the same sum.
 */
class ContentHash {
    // Little-endian 32-bit limbs of the 256-bit sum; plain numbers keep the per-document cost low.
    limbs = new Uint32Array(8);
    documents = 0;
    add(document) {
        addDigest(this.limbs, document);
        this.documents += 1;
    }
    /** Adds every document of a run of consecutive raw BSON documents; returns how many there were. */
    addRun(run) {
        const count = addRunDigests(this.limbs, run);
        this.documents += count;
        return count;
    }
    /** Adds another partial hash (e.g. one range of a collection). */
    merge(other) {
        this.addSum(other.limbs, other.documents);
    }
    /** Adds a partial sum of `count` documents, given as little-endian 32-bit limbs. */
    addSum(limbs, count) {
        addLimbs(this.limbs, limbs);
        this.documents += count;
    }
    get count() {
        return this.documents;
    }
    hex() {
        return limbsHex(this.limbs);
    }
}
/** The content hash of a set of documents in one call. */
function contentHashOf(documents) {
    const hash = new ContentHash();
    for (const document of documents)
        hash.add(document);
    return hash.hex();
}
/** The content hash of the union of disjoint sets of documents, from their hashes (hex). */
function sumContentHashes(hashes) {
    let sum = 0n;
    for (const hex of hashes)
        sum = (sum + BigInt(`0x${hex}`)) % 2n ** 256n;
    return sum.toString(16).padStart(64, '0');
}
/**
 * Adds the SHA-256 of `document`, a big-endian 256-bit number, to `limbs` (little-endian 32-bit limbs).
 * The digest comes back as a 'binary' (latin1) string, one character per byte: that call costs about a
 * third of one that returns a Buffer (measured: 0.5 against 1.4 µs for a 390-byte document), and the
 * call, not the hashing, is most of the cost of a small document where the CPU has SHA instructions.
 */
function addDigest(limbs, document) {
    const digest = (0,external_node_crypto_.hash)('sha256', document, 'binary');
    let carry = 0;
    for (let i = 0, at = 28; i < 8; i++, at -= 4) {
        const word = ((digest.charCodeAt(at) << 24) |
            (digest.charCodeAt(at + 1) << 16) |
            (digest.charCodeAt(at + 2) << 8) |
            digest.charCodeAt(at + 3)) >>>
            0;
        const sum = limbs[i] + word + carry;
        limbs[i] = sum >>> 0;
        carry = sum > 0xffffffff ? 1 : 0;
    }
}
/** `addDigest` for each document of a run of consecutive raw BSON documents; returns the count. */
function addRunDigests(limbs, run) {
    let count = 0;
    for (let at = 0; at + 4 <= run.length; count++) {
        const length = run[at] | (run[at + 1] << 8) | (run[at + 2] << 16) | (run[at + 3] << 24);
        if (length < 5 || at + length > run.length)
            throw new RangeError(`no document at byte ${at} of the run`);
        addDigest(limbs, run.subarray(at, at + length));
        at += length;
    }
    return count;
}
/** `limbs += other`, modulo 2^256. */
function addLimbs(limbs, other) {
    let carry = 0;
    for (let i = 0; i < 8; i++) {
        const sum = limbs[i] + other[i] + carry;
        limbs[i] = sum >>> 0;
        carry = sum > 0xffffffff ? 1 : 0;
    }
}
/** The 64 hex digits of a sum held as little-endian 32-bit limbs. */
function limbsHex(limbs) {
    let out = '';
    for (let i = 7; i >= 0; i--)
        out += limbs[i].toString(16).padStart(8, '0');
    return out;
}

;// CONCATENATED MODULE: ../../packages/mongo/src/dump/ranges.ts


/** The bracket of an `_id` decoded with exact types, when ranges over it are reliable. */
function idBracket(value) {
    if (typeof value === 'string')
        return 'string';
    if (typeof value === 'number' || typeof value === 'bigint')
        return 'number';
    if (value instanceof Date)
        return 'date';
    const bsonType = value?._bsontype;
    switch (bsonType) {
        case 'Int32':
        case 'Double':
        case 'Long':
        case 'Decimal128':
            return 'number';
        case 'BSONSymbol':
            return 'string';
        case 'ObjectId':
            return 'objectId';
        case 'Binary':
            return 'binData';
        default:
            return undefined;
    }
}
/** The filters of the ranges between sorted, distinct split points. */
function rangeFilters(points) {
    if (points.length === 0)
        return [{}];
    const filters = [{ _id: { $lt: points[0] } }];
    for (let i = 1; i < points.length; i++)
        filters.push({ _id: { $gte: points[i - 1], $lt: points[i] } });
    filters.push({ _id: { $gte: points[points.length - 1] } });
    return filters;
}
/** `count - 1` evenly spaced values of a sorted list, without repeats. */
function quantiles(sorted, count) {
    const points = [];
    let last;
    for (let i = 1; i < count; i++) {
        const value = sorted[Math.floor((i * sorted.length) / count)];
        if (value === undefined)
            continue;
        const bytes = Buffer.from(lib.BSON.serialize({ v: value }));
        if (last?.equals(bytes))
            continue;
        last = bytes;
        points.push(value);
    }
    return points;
}
const SAMPLES_PER_RANGE = 20;
// Server answers meaning "this server has no such stage/command", not "this query is wrong".
const UNSUPPORTED_CODES = new Set([59, 115, 238, 40324]);
function isUnsupported(error) {
    const code = serverErrorCode(error);
    return code !== undefined && UNSUPPORTED_CODES.has(code);
}
/**
 * Finds split points for `ranges` ranges: `$sample` (cheap on MongoDB) sorted by the server, or,
 * where `$sample` is not implemented (FerretDB), one sorted walk over `_id` keeping every n-th.
 */
async function planIdRanges(collection, options) {
    const wanted = Math.floor(options.ranges);
    if (wanted < 2)
        return { filters: [{}], method: 'single', reason: 'small enough for one range' };
    const signalOption = options.signal ? { signal: options.signal } : {};
    let sampled;
    try {
        sampled = await collection
            .aggregate([{ $sample: { size: wanted * SAMPLES_PER_RANGE } }, { $project: { _id: 1 } }, { $sort: { _id: 1 } }], { ...EXACT_BSON, ...signalOption })
            .toArray();
    }
    catch (error) {
        if (!isUnsupported(error))
            throw error;
    }
    if (sampled)
        return planFromSample(collection, sampled, wanted, signalOption);
    return planFromScan(collection, wanted, options.estimatedCount, signalOption);
}
async function planFromSample(collection, sampled, wanted, signalOption) {
    const edge = async (direction) => (await collection
        .find({}, { projection: { _id: 1 }, sort: { _id: direction }, limit: 1, ...EXACT_BSON, ...signalOption })
        .toArray())[0]?._id;
    const [smallest, largest] = await Promise.all([edge(1), edge(-1)]);
    const bracket = idBracket(smallest);
    if (bracket === undefined || idBracket(largest) !== bracket) {
        return { filters: [{}], method: 'single', reason: '_id values of several BSON types' };
    }
    const ids = sampled.map((doc) => doc._id).filter((id) => idBracket(id) === bracket);
    const points = quantiles(ids, wanted);
    if (points.length === 0)
        return { filters: [{}], method: 'single', reason: 'too few documents sampled' };
    return { filters: rangeFilters(points), method: 'sample', reason: `${ids.length} sampled _id values` };
}
async function planFromScan(collection, wanted, estimatedCount, signalOption) {
    const step = Math.max(1, Math.ceil(estimatedCount / wanted));
    const points = [];
    let bracket;
    let seen = 0;
    const cursor = collection.find({}, { projection: { _id: 1 }, sort: { _id: 1 }, batchSize: 10_000, ...EXACT_BSON, ...signalOption });
    try {
        for await (const doc of cursor) {
            const idType = idBracket(doc._id);
            if (seen === 0)
                bracket = idType;
            if (idType === undefined || idType !== bracket) {
                return { filters: [{}], method: 'single', reason: '_id values of several BSON types' };
            }
            if (seen > 0 && seen % step === 0 && points.length < wanted - 1)
                points.push(doc._id);
            seen++;
        }
    }
    finally {
        await cursor.close();
    }
    if (points.length === 0)
        return { filters: [{}], method: 'single', reason: 'too few documents' };
    return {
        filters: rangeFilters(points),
        method: 'scan',
        reason: `every ${step}th of ${seen} sorted _id values`,
    };
}

;// CONCATENATED MODULE: ../../packages/mongo/src/dump/read.ts

/** Picks `command` where getMore cannot land on another server, else `cursor`. */
function chooseReadMethod(client, server) {
    const { hosts, srvHost, loadBalanced } = client.options;
    if (loadBalanced)
        return 'cursor';
    if (server.topology === 'standalone')
        return 'command';
    // Commands go to the primary; the client's own read preference may send a cursor elsewhere.
    if (server.topology === 'replicaSet')
        return client.readPreference.mode === 'primary' ? 'command' : 'cursor';
    if (server.topology === 'sharded')
        return !srvHost && hosts.length === 1 ? 'command' : 'cursor';
    return 'cursor';
}
/** Yields the documents of `db.collection` matching `filter`, one server batch at a time. */
function readRawBatches(client, method, db, collection, options) {
    return method === 'command'
        ? commandBatches(client, client.db(db), collection, options)
        : cursorBatches(client.db(db), collection, options);
}
async function* commandBatches(client, db, collection, options) {
    // Cursors belong to the session that opened them: getMore must run in the same one.
    const session = client.startSession({ causalConsistency: false });
    const signalOption = options.signal ? { signal: options.signal } : {};
    let cursorId = 0n;
    try {
        const first = await db.command({ find: collection, filter: options.filter, batchSize: options.batchSize }, { session, fieldsAsRaw: { firstBatch: true }, useBigInt64: true, ...signalOption });
        cursorId = cursorIdOf(first);
        yield first.cursor.firstBatch;
        while (cursorId !== 0n) {
            const next = await db.command({ getMore: lib.Long.fromBigInt(cursorId), collection, batchSize: options.batchSize }, { session, fieldsAsRaw: { nextBatch: true }, useBigInt64: true, ...signalOption });
            cursorId = cursorIdOf(next);
            yield next.cursor.nextBatch;
        }
    }
    finally {
        if (cursorId !== 0n) {
            await db
                .command({ killCursors: collection, cursors: [lib.Long.fromBigInt(cursorId)] }, { session })
                .catch(() => { });
        }
        await session.endSession().catch(() => { });
    }
}
function cursorIdOf(reply) {
    const id = reply.cursor?.id;
    if (typeof id === 'bigint')
        return id;
    if (typeof id === 'number')
        return BigInt(id);
    throw new Error(`the server's find/getMore reply has no cursor id (${typeof id})`);
}
async function* cursorBatches(db, collection, options) {
    const cursor = db.collection(collection).find(options.filter, {
        raw: true,
        batchSize: options.batchSize,
        ...(options.signal ? { signal: options.signal } : {}),
    });
    try {
        while (await cursor.hasNext()) {
            yield cursor.readBufferedDocuments();
        }
    }
    finally {
        await cursor.close().catch(() => { });
    }
}

;// CONCATENATED MODULE: ../../packages/mongo/src/dump/dump.ts







const DEFAULTS = {
    parallelism: rows/* DEFAULT_PARALLELISM */.ri,
    splitThresholdBytes: 128 * 1024 * 1024,
    batchBytes: 4 * 1024 * 1024,
    toolVersion: 'shipkit',
};
// Documents per server batch when the average size is unknown.
const FALLBACK_BATCH_DOCUMENTS = 1000;
const MAX_BATCH_DOCUMENTS = 100_000;
/**
 * Dumps the selected namespaces into `writer`: the prelude (options, indexes, uuid per namespace),
 * then every collection's raw documents, collections and `_id` ranges of large collections read in
 * parallel, each namespace closed with its CRC as soon as its last range is done. Views get their
 * empty segment, time-series collections are read through `system.buckets.<name>`.
 *
 * The writer is begun and finished here; on any error or abort it is aborted, so no partial
 * archive ends cleanly. Memory per read is about two batches (one being written, one arriving).
 */
async function dumpDatabase(options, writer) {
    const inner = new AbortController();
    const onOuterAbort = () => inner.abort(options.signal?.reason);
    options.signal?.addEventListener('abort', onOuterAbort, { once: true });
    // Aborting the writer also releases reads waiting for the archive's consumer.
    inner.signal.addEventListener('abort', () => writer.abort(asError(inner.signal.reason)), { once: true });
    try {
        options.signal?.throwIfAborted();
        return await runDump(options, writer, inner);
    }
    catch (error) {
        if (!inner.signal.aborted)
            inner.abort(error);
        throw error;
    }
    finally {
        options.signal?.removeEventListener('abort', onOuterAbort);
    }
}
async function runDump(options, writer, inner) {
    const { client } = options;
    const logger = options.logger ?? log/* silentLogger */.qq;
    const parallelism = positive(options.parallelism, DEFAULTS.parallelism, 'parallelism');
    const maxRanges = positive(options.maxRangesPerCollection, parallelism * 2, 'maxRangesPerCollection');
    const batchBytes = positive(options.batchBytes, DEFAULTS.batchBytes, 'batchBytes');
    const signal = inner.signal;
    const filter = new NamespaceFilter(options);
    const server = await probeServer(client);
    // FerretDB 1.x filters _id ranges above its storage, so each range would scan the whole
    // collection: split there only when asked to explicitly.
    const splitThresholdBytes = options.splitThresholdBytes === undefined && server.flavor === 'ferretdb'
        ? Number.POSITIVE_INFINITY
        : positive(options.splitThresholdBytes, DEFAULTS.splitThresholdBytes, 'splitThresholdBytes');
    const readMethod = !options.readMethod || options.readMethod === 'auto'
        ? chooseReadMethod(client, server)
        : options.readMethod;
    const assigned = options.assigned;
    let entries;
    let databases;
    if (assigned) {
        entries = assigned.map((a) => a.entry);
        databases = [...new Set(entries.map((e) => e.db))].sort();
    }
    else {
        const catalog = await readCatalog(client, filter, logger);
        checkFilters(filter, catalog, options.requireIncludeMatch ?? true, logger);
        entries = catalog.entries;
        databases = catalog.selectedDatabases;
    }
    signal.throwIfAborted();
    const states = [];
    for (const entry of entries) {
        if (!entry.dataCollection)
            continue;
        const size = await collectionSize(client, entry.db, entry.dataCollection);
        states.push({
            entry,
            dataNamespace: { db: entry.db, collection: entry.dataCollection },
            size,
            batchSize: batchDocuments(size, batchBytes),
            method: 'single',
            rangeCounts: [],
            hash: new ContentHash(),
            remaining: 0,
        });
    }
    const plan = {
        namespaces: entries.length,
        documents: states.reduce((sum, s) => sum + s.size.count, 0),
        bytes: states.reduce((sum, s) => sum + (s.size.bytes ?? 0), 0),
        roughBytes: server.flavor === 'ferretdb',
    };
    const size = plan.bytes > 0
        ? ` and ${plan.roughBytes ? 'roughly ' : ''}${(0,format/* formatBytes */.z3)(plan.bytes)}${plan.roughBytes ? ' (the server reports storage sizes, not BSON: progress counts documents)' : ''}`
        : '';
    logger.info(`dumping ${plan.namespaces} namespaces, about ${(0,format/* formatCount */.B4)(plan.documents)} documents${size}, ` +
        `from ${databases.length} databases (reads: ${readMethod}, ${parallelism} at once)`);
    // Largest first, so a big collection does not start last and finish alone.
    states.sort((a, b) => (b.size.bytes ?? 0) - (a.size.bytes ?? 0) || b.size.count - a.size.count);
    const tasks = [];
    for (const state of states) {
        const filters = assigned?.find((a) => a.entry === state.entry)?.filters ??
            (await rangeFiltersFor(client, state, { splitThresholdBytes, maxRanges, signal }, logger));
        state.remaining = filters.length;
        state.rangeCounts = filters.map(() => 0);
        filters.forEach((rangeFilter, rangeIndex) => {
            tasks.push({ entry: state.entry, state, filter: rangeFilter, rangeIndex });
        });
    }
    options.onPlan?.(plan);
    await writer.begin({
        header: {
            concurrent_collections: parallelism,
            server_version: server.serverVersion,
            tool_version: options.toolVersion ?? DEFAULTS.toolVersion,
        },
        namespaces: entries.map(preludeEntry),
    });
    // Views have no data: their empty segment and EOF go first.
    for (const entry of entries) {
        if (!entry.dataCollection)
            await writer.endNamespace({ db: entry.db, collection: entry.collection });
    }
    const context = { client, writer, readMethod, batchBytes, signal, options, logger };
    await runPool(tasks, parallelism, signal, (task) => readRange(task, context), (error) => inner.abort(error));
    const archive = await writer.finish();
    // A part reads only some ranges of a split collection: its count is not the collection's.
    if (!assigned)
        for (const state of states)
            await warnOnCoverageGap(client, state, logger);
    return {
        server,
        databases,
        namespaces: entries.map((entry) => namespaceDump(entry, states, archive)),
        reads: states.map((state) => ({
            namespace: `${state.entry.db}.${state.entry.collection}`,
            dataCollection: state.entry.dataCollection,
            method: state.method,
            rangeCounts: state.rangeCounts,
            estimatedCount: state.size.count,
        })),
        readMethod,
        archive,
    };
}
function checkFilters(filter, catalog, requireIncludeMatch, logger) {
    for (const pattern of filter.unmatched(catalog.existing)) {
        if (pattern.kind === 'include' && requireIncludeMatch) {
            throw unmatchedFilterError(pattern, catalog.existing, catalog.databases);
        }
        logger.warn(unmatchedFilterWarning(pattern, catalog.existing, catalog.databases));
    }
}
/** Reads one range and hands its documents to the writer in byte-bounded batches. */
async function readRange(task, context) {
    const { state } = task;
    const { db, collection } = state.dataNamespace;
    const hash = new ContentHash();
    let count = 0;
    const batches = readRawBatches(context.client, context.readMethod, db, collection, {
        filter: task.filter,
        batchSize: state.batchSize,
        signal: context.signal,
    });
    try {
        // The next server batch is requested while this one is hashed and written.
        let pending = batches.next();
        for (;;) {
            const result = await pending;
            if (result.done)
                break;
            pending = batches.next();
            pending.catch(() => { });
            const docs = result.value;
            for (let start = 0; start < docs.length;) {
                const end = batchEnd(docs, start, context.batchBytes);
                const slice = docs.slice(start, end);
                let bytes = 0;
                for (const doc of slice) {
                    hash.add(doc);
                    bytes += doc.length;
                }
                await context.writer.writeDocuments(state.dataNamespace, slice);
                count += slice.length;
                context.options.onProgress?.(bytes, slice.length);
                start = end;
            }
            context.signal.throwIfAborted();
        }
    }
    catch (error) {
        throw unauthorizedAsUserError(error, `read ${db}.${collection}`);
    }
    finally {
        await batches.return(undefined).catch(() => { });
    }
    state.hash.merge(hash);
    state.rangeCounts[task.rangeIndex] = count;
    state.remaining -= 1;
    if (state.remaining === 0)
        await context.writer.endNamespace(state.dataNamespace);
}
/** The index after the last document that keeps the batch within `limit` bytes (at least one document). */
function batchEnd(docs, start, limit) {
    let bytes = 0;
    let end = start;
    while (end < docs.length) {
        bytes += docs[end].length;
        if (bytes > limit && end > start)
            break;
        end++;
    }
    return end;
}
/** Runs `work` over the tasks with at most `parallelism` at once; the first failure stops the rest. */
async function runPool(tasks, parallelism, signal, work, onFirstFailure) {
    let next = 0;
    let failure;
    const worker = async () => {
        while (!failure && next < tasks.length) {
            const task = tasks[next++];
            try {
                signal.throwIfAborted();
                await work(task);
            }
            catch (error) {
                if (!failure) {
                    failure = { error };
                    onFirstFailure(error);
                }
            }
        }
    };
    await Promise.all(Array.from({ length: Math.min(parallelism, tasks.length) }, worker));
    if (failure)
        throw failure.error;
}
async function rangeFiltersFor(client, state, limits, logger) {
    const { entry, size } = state;
    const name = `${entry.db}.${entry.dataCollection}`;
    // Capped collections keep insertion order, which ranges would scramble.
    if (entry.capped || size.bytes === undefined || size.bytes <= limits.splitThresholdBytes)
        return [{}];
    const ranges = Math.min(limits.maxRanges, Math.ceil(size.bytes / limits.splitThresholdBytes));
    const collection = client.db(entry.db).collection(entry.dataCollection);
    const plan = await planIdRanges(collection, { ranges, estimatedCount: size.count, signal: limits.signal });
    state.method = plan.method;
    if (plan.method === 'single')
        logger.info(`${name}: read as one range (${plan.reason})`);
    else
        logger.info(`${name}: read as ${plan.filters.length} _id ranges in parallel (${plan.reason})`);
    return plan.filters;
}
/**
 * Ranges are complete by construction (one `_id` type bracket, open-ended ends), but a document
 * of another type inserted during the dump would be missed: say so when the counts disagree.
 */
async function warnOnCoverageGap(client, state, logger) {
    if (state.rangeCounts.length < 2)
        return;
    const read = state.rangeCounts.reduce((sum, n) => sum + n, 0);
    const { db, collection } = state.dataNamespace;
    const now = await client.db(db).collection(collection).estimatedDocumentCount();
    if (now !== read) {
        logger.warn(`${db}.${collection}: the ${state.rangeCounts.length} _id ranges read ${read} documents but the ` +
            `collection now counts about ${now} (it changed during the dump, or an _id of another type appeared)`);
    }
}
/**
 * Document count and data size from `$collStats`, else the estimated count. The size is
 * avgObjSize × count, the average BSON document the server reports, rather than `size`, which some
 * servers give as storage used.
 */
async function collectionSize(client, db, collection) {
    const coll = client.db(db).collection(collection);
    try {
        // One document per shard on a sharded cluster.
        const perShard = await coll.aggregate([{ $collStats: { storageStats: {} } }]).toArray();
        let count = 0;
        let bytes = 0;
        for (const shard of perShard) {
            const stats = (shard.storageStats ?? {});
            const shardCount = Number(stats.count ?? 0);
            const average = Number(stats.avgObjSize ?? 0);
            count += shardCount;
            bytes += average > 0 ? Math.round(average * shardCount) : Number(stats.size ?? 0);
        }
        if (perShard.length > 0)
            return { count, bytes };
    }
    catch {
        // Not allowed or not implemented: fall back to the count.
    }
    try {
        return { count: await coll.estimatedDocumentCount(), bytes: undefined };
    }
    catch (error) {
        throw unauthorizedAsUserError(error, `count ${db}.${collection}`);
    }
}
function batchDocuments(size, batchBytes) {
    if (!size.bytes || !size.count)
        return FALLBACK_BATCH_DOCUMENTS;
    const average = size.bytes / size.count;
    return Math.max(1, Math.min(MAX_BATCH_DOCUMENTS, Math.floor(batchBytes / Math.max(average, 1))));
}
function preludeEntry(entry) {
    return {
        db: entry.db,
        collection: entry.collection,
        type: entry.type,
        metadata: {
            options: entry.options,
            indexes: entry.indexes,
            ...(entry.uuid ? { uuid: entry.uuid } : {}),
            collectionName: entry.collection,
            type: entry.type,
        },
    };
}
function namespaceDump(entry, states, archive) {
    const dataCollection = entry.dataCollection ?? entry.collection;
    const stats = archive.namespaces.find((ns) => ns.db === entry.db && ns.collection === dataCollection);
    const state = states.find((s) => s.entry === entry);
    const hash = state?.hash ?? new ContentHash();
    const count = stats?.count ?? 0;
    if (hash.count !== count) {
        throw new Error(`${entry.db}.${dataCollection}: hashed ${hash.count} documents but the archive holds ${count}`);
    }
    const dump = {
        db: entry.db,
        collection: entry.collection,
        type: entry.type,
        count,
        bytes: stats?.bytes ?? 0,
        crc: BigInt.asUintN(64, stats?.crc ?? 0n)
            .toString(16)
            .padStart(16, '0'),
        contentHash: hash.hex(),
        options: canonicalEjson(entry.options),
        indexes: entry.indexes.map(canonicalEjson),
    };
    if (entry.uuid)
        dump.uuid = entry.uuid;
    return dump;
}
function asError(reason) {
    return reason instanceof Error ? reason : new Error(String(reason ?? 'the dump was aborted'));
}
function positive(value, fallback, name) {
    if (value === undefined)
        return fallback;
    if (!Number.isFinite(value) || value < 1)
        throw new RangeError(`dump option ${name} must be at least 1, got ${value}`);
    return Math.floor(value);
}

;// CONCATENATED MODULE: ../../packages/mongo/src/dump/split.ts







/** Parts a split may have: a GitHub Actions matrix runs at most 256 jobs. */
const MAX_PARTS = 256;
async function planSplit(options) {
    const { client, parts } = options;
    const logger = options.logger ?? log/* silentLogger */.qq;
    if (!Number.isInteger(parts) || parts < 1 || parts > MAX_PARTS) {
        throw new RangeError(`a split needs 1 to ${MAX_PARTS} parts, got ${parts}`);
    }
    const filter = new NamespaceFilter(options);
    const server = await probeServer(client);
    const catalog = await readCatalog(client, filter, logger);
    for (const pattern of filter.unmatched(catalog.existing)) {
        if (pattern.kind === 'include' && (options.requireIncludeMatch ?? true)) {
            throw unmatchedFilterError(pattern, catalog.existing, catalog.databases);
        }
        logger.warn(unmatchedFilterWarning(pattern, catalog.existing, catalog.databases));
    }
    options.signal?.throwIfAborted();
    const namespaces = [];
    for (const entry of catalog.entries) {
        const size = entry.dataCollection
            ? await collectionSize(client, entry.db, entry.dataCollection)
            : { count: 0, bytes: 0 };
        namespaces.push(splitNamespace(entry, size.count, size.bytes ?? size.count));
    }
    const total = namespaces.reduce((sum, ns) => sum + ns.estimatedBytes, 0);
    // A collection bigger than half a part's share is cut, into pieces of about half a share.
    const share = total / parts;
    const units = [];
    for (const ns of namespaces) {
        const pieces = Math.min(2 * parts, Math.ceil((2 * ns.estimatedBytes) / Math.max(share, 1)));
        let filters = [{}];
        if (parts > 1 && pieces >= 2 && ns.dataCollection && !ns.capped) {
            const collection = client.db(ns.db).collection(ns.dataCollection);
            const plan = await planIdRanges(collection, {
                ranges: pieces,
                estimatedCount: ns.estimatedCount,
                ...(options.signal ? { signal: options.signal } : {}),
            });
            filters = plan.filters;
            logger.info(`${ns.db}.${ns.collection}: ${filters.length} _id range(s) (${plan.reason})`);
        }
        for (const rangeFilter of filters) {
            units.push({
                db: ns.db,
                collection: ns.collection,
                filter: canonicalEjson(rangeFilter),
                estimatedBytes: Math.round(ns.estimatedBytes / filters.length),
            });
        }
    }
    return { server, databases: catalog.selectedDatabases, namespaces, parts: balance(units, parts) };
}
/** Deals the units to `count` parts, largest first, each to the part with the fewest bytes so far. */
function balance(units, count) {
    const parts = Array.from({ length: count }, (_, i) => ({
        part: i + 1,
        estimatedBytes: 0,
        units: [],
    }));
    const order = [...units].sort((a, b) => b.estimatedBytes - a.estimatedBytes);
    for (const unit of order) {
        let lightest = parts[0];
        for (const part of parts)
            if (part.estimatedBytes < lightest.estimatedBytes)
                lightest = part;
        lightest.units.push(unit);
        lightest.estimatedBytes += unit.estimatedBytes;
    }
    return parts;
}
function splitNamespace(entry, count, bytes) {
    return {
        db: entry.db,
        collection: entry.collection,
        type: entry.type,
        ...(entry.dataCollection ? { dataCollection: entry.dataCollection } : {}),
        capped: entry.capped,
        options: canonicalEjson(entry.options),
        indexes: entry.indexes.map(canonicalEjson),
        ...(entry.uuid ? { uuid: entry.uuid } : {}),
        estimatedCount: count,
        estimatedBytes: bytes,
    };
}
/**
 * What one part dumps, with exact BSON types back from the plan's Extended JSON: every namespace
 * that has a unit in the part, in the plan's order, with the filters of its units.
 */
function assignedNamespaces(namespaces, part) {
    const assigned = [];
    for (const ns of namespaces) {
        const units = part.units.filter((u) => u.db === ns.db && u.collection === ns.collection);
        if (units.length === 0)
            continue;
        const exact = (value) => lib.BSON.EJSON.deserialize(value, { relaxed: false });
        const entry = {
            db: ns.db,
            collection: ns.collection,
            type: ns.type,
            dataCollection: ns.dataCollection,
            options: exact(ns.options),
            indexes: ns.indexes.map(exact),
            capped: ns.capped,
            ...(ns.uuid ? { uuid: ns.uuid } : {}),
        };
        assigned.push({ entry, filters: units.map((u) => exact(u.filter)) });
    }
    const unknown = part.units.find((u) => !namespaces.some((ns) => ns.db === u.db && ns.collection === u.collection));
    if (unknown) {
        throw new errors/* UserError */.y(`Part ${part.part} of the plan reads ${unknown.db}.${unknown.collection}, which the plan does not list.`);
    }
    return assigned;
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var external_node_fs_promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ../../packages/storage/src/errors.ts
var src_errors = __webpack_require__(1400);
// EXTERNAL MODULE: ../../packages/storage/src/keys.ts
var keys = __webpack_require__(139);
// EXTERNAL MODULE: ../../packages/storage/src/url.ts
var url = __webpack_require__(1094);
;// CONCATENATED MODULE: ../../packages/storage/src/file-storage.ts








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
        return (0,url/* formatStorageUrl */.EZ)(this.location, key);
    }
    pathOf(key) {
        return (0,external_node_path_.join)(this.location.root, ...(0,keys/* checkKey */.yR)(key).split('/'));
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
        return new errors/* UserError */.y(`Cannot ${action} ${path} (${problem}). Check the storage folder ${this.location.root} ` +
            '(given as file:///absolute/path) exists and is writable.');
    }
    /** A write the destination refused (full, read-only, not writable), in plain words; other errors as `explain`. */
    explainWrite(error, key, path) {
        const code = errnoCode(error);
        const refused = code ? REFUSED_WRITES[code] : undefined;
        if (!refused)
            return this.explain(error, 'write', path);
        return new src_errors/* DestinationWriteError */.Mb(refused.kind, this.describe(), key, refused.detail);
    }
    async put(key, body, options = {}) {
        this.deadline?.throwIfStopped();
        const target = this.pathOf(key);
        // Fail before writing anything when the key is visibly taken; the exclusive link below settles races.
        if (options.ifNoneMatch && (await this.head(key)))
            throw new src_errors/* ObjectExistsError */.qs(key, this.describe(key));
        const folder = (0,external_node_path_.dirname)(target);
        const temp = (0,external_node_path_.join)(folder, `.${(0,external_node_path_.basename)(target)}.partial-${(0,external_node_crypto_.randomBytes)(8).toString('hex')}`);
        let bytes = 0;
        // The stream may fail while the folder and file are being created; its error reaches the loop below.
        const holdEarlyError = () => { };
        if (!Buffer.isBuffer(body))
            body.on('error', holdEarlyError);
        let created;
        try {
            created = await makeFolders(folder);
            const handle = await (0,external_node_fs_promises_.open)(temp, 'wx');
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
                await (0,external_node_fs_promises_.rename)(temp, target);
            await this.syncFolder(folder);
        }
        catch (error) {
            await this.discard(temp, created);
            if (error instanceof src_errors/* ObjectExistsError */.qs)
                throw error;
            throw this.explainWrite(error, key, target);
        }
        return { key, bytes, parts: 1, ...(options.ifNoneMatch && { conditional: 'exclusive-create' }) };
    }
    /** Removes a failed write's temp file, and the folders the write created if they are left empty. */
    async discard(temp, createdFolder) {
        await (0,external_node_fs_promises_.unlink)(temp).catch(() => undefined);
        if (createdFolder)
            await this.removeEmptyFolders((0,external_node_path_.dirname)(temp), createdFolder);
    }
    /** A hard link creates the name only if it is free, atomically; `wx` copy where links are unsupported. */
    async publishExclusively(key, temp, target) {
        try {
            await (0,external_node_fs_promises_.link)(temp, target);
        }
        catch (error) {
            const code = errnoCode(error);
            if (code === 'EEXIST')
                throw new src_errors/* ObjectExistsError */.qs(key, this.describe(key));
            if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP')
                throw error;
            try {
                await (0,external_node_fs_promises_.copyFile)(temp, target, external_node_fs_.constants.COPYFILE_EXCL);
            }
            catch (copyError) {
                if (errnoCode(copyError) === 'EEXIST')
                    throw new src_errors/* ObjectExistsError */.qs(key, this.describe(key));
                throw copyError;
            }
        }
        await (0,external_node_fs_promises_.unlink)(temp);
    }
    /** Makes the rename itself durable; some file systems cannot open folders, which is fine. */
    async syncFolder(folder) {
        let handle;
        try {
            handle = await (0,external_node_fs_promises_.open)(folder, 'r');
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
            handle = await (0,external_node_fs_promises_.open)(path, 'r');
        }
        catch (error) {
            const code = errnoCode(error);
            if (code === 'ENOENT' || code === 'ENOTDIR')
                throw new src_errors/* ObjectNotFoundError */.d_(key, this.describe(key));
            throw this.explain(error, 'read', path);
        }
        if (!(await handle.stat()).isFile()) {
            await handle.close();
            throw new src_errors/* ObjectNotFoundError */.d_(key, this.describe(key));
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
            const info = await (0,external_node_fs_promises_.stat)(path);
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
        (0,keys/* checkListPrefix */.NJ)(prefix);
        // Start from the deepest folder the prefix names, and only descend where keys can still match.
        const folderPart = prefix.includes('/') ? prefix.slice(0, prefix.lastIndexOf('/')) : '';
        for await (const { key, path } of this.walk(folderPart, (candidate) => matchesPrefix(candidate, prefix))) {
            if (TEMP_FILE.test((0,external_node_path_.basename)(key)) || !key.startsWith(prefix))
                continue;
            const info = await (0,external_node_fs_promises_.stat)(path).catch(() => undefined);
            if (info?.isFile())
                yield { key, size: info.size, lastModified: new Date(info.mtimeMs) };
        }
    }
    /**
     * Files below `folderKey`, in the byte order S3 lists keys: a folder sorts as its name plus "/",
     * so `a-b` comes before everything in `a/`.
     */
    async *walk(folderKey, worthEntering) {
        const folder = folderKey === '' ? this.location.root : (0,external_node_path_.join)(this.location.root, ...folderKey.split('/'));
        let entries;
        try {
            entries = await (0,external_node_fs_promises_.readdir)(folder, { withFileTypes: true });
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
                yield { key, path: (0,external_node_path_.join)(folder, entry.name) };
            }
        }
    }
    async delete(key) {
        const path = this.pathOf(key);
        try {
            await (0,external_node_fs_promises_.unlink)(path);
        }
        catch (error) {
            const code = errnoCode(error);
            if (code === 'ENOENT' || code === 'ENOTDIR')
                return;
            throw this.explain(error, 'delete', path);
        }
        await this.removeEmptyFolders((0,external_node_path_.dirname)(path));
    }
    /**
     * Pruned backups should not leave empty folders behind; stops at the first folder still in use, at
     * the root, or after `last` (the outermost folder that may go).
     */
    async removeEmptyFolders(folder, last) {
        let current = folder;
        while ((0,external_node_path_.relative)(this.location.root, current) !== '' &&
            !(0,external_node_path_.relative)(this.location.root, current).startsWith('..')) {
            try {
                await (0,external_node_fs_promises_.rmdir)(current);
            }
            catch {
                return;
            }
            if (current === last)
                return;
            current = (0,external_node_path_.dirname)(current);
        }
    }
    async *listIncompleteUploads() {
        for await (const { key, path } of this.walk('', () => true)) {
            const match = TEMP_FILE.exec((0,external_node_path_.basename)(key));
            if (!match?.[1])
                continue;
            const folderKey = key.includes('/') ? key.slice(0, key.lastIndexOf('/')) : '';
            const info = await (0,external_node_fs_promises_.stat)(path).catch(() => undefined);
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
        if (!TEMP_FILE.test((0,external_node_path_.basename)(upload.uploadId))) {
            throw new Error(`abortUpload: "${upload.uploadId}" is not an incomplete upload of ${this.describe()}`);
        }
        const path = this.pathOf(upload.uploadId);
        await (0,external_node_fs_promises_.unlink)(path).catch((error) => {
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
    for (let current = folder;; current = (0,external_node_path_.dirname)(current)) {
        const info = await (0,external_node_fs_promises_.stat)(current).catch((error) => {
            if (errnoCode(error) === 'ENOENT')
                return undefined;
            throw error;
        });
        if (info)
            break;
        missing.unshift(current);
        if ((0,external_node_path_.dirname)(current) === current)
            break;
    }
    for (const path of missing) {
        await (0,external_node_fs_promises_.mkdir)(path).catch((error) => {
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

// EXTERNAL MODULE: ../../packages/storage/src/part-size.ts
var part_size = __webpack_require__(2582);
;// CONCATENATED MODULE: ../../packages/storage/src/lazy-s3-storage.ts


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
        this.#loading ??= Promise.all(/* import() */[__webpack_require__.e(299), __webpack_require__.e(189)]).then(__webpack_require__.bind(__webpack_require__, 3189)).then(({ S3Storage }) => new S3Storage(this.location, this.options));
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

;// CONCATENATED MODULE: ../../packages/storage/src/open.ts



/** The storage for `s3://bucket/prefix` or `file:///absolute/path` (a URL, or one already parsed). */
function openStorage(where, options = {}) {
    const location = typeof where === 'string' ? (0,url/* parseStorageUrl */.Yu)(where) : where;
    options.logger?.debug(`storage: ${describeOpening(location, options.s3)}`);
    if (location.kind === 'file') {
        return new FileStorage(location, options.deadline ? { deadline: options.deadline } : {});
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

// EXTERNAL MODULE: ../../node_modules/zod/v4/classic/schemas.js + 11 modules
var schemas = __webpack_require__(3045);
// EXTERNAL MODULE: ../../node_modules/zod/v4/classic/iso.js
var iso = __webpack_require__(3477);
// EXTERNAL MODULE: ../../packages/backup/src/codec.ts + 1 modules
var codec = __webpack_require__(272);
// EXTERNAL MODULE: ../../packages/backup/src/layout.ts
var layout = __webpack_require__(6826);
// EXTERNAL MODULE: ../../packages/backup/src/ids.ts
var ids = __webpack_require__(3364);
// EXTERNAL MODULE: ../../packages/backup/src/anomaly.ts
var src_anomaly = __webpack_require__(4183);
;// CONCATENATED MODULE: ../../packages/backup/src/manifest.ts







/**
 * manifest.json: written LAST, as the commit marker of a backup. It proves what the archive holds —
 * per namespace the count, bytes, CRC-64 and order-independent content hash, options and indexes — and
 * what was stored (size and SHA-256 of the object). It never holds credentials or hosts.
 */
const MANIFEST_FORMAT_VERSION = 1;
/** A backup written in parts (`shipkit backup plan/part/finalize`): `parts` instead of `archive`. */
const MULTI_PART_FORMAT_VERSION = 2;

/**
 * MongoDB's own rules for names, so a manifest cannot smuggle a path (`../../x`) or an impossible
 * name into a restore: database names have no `/\. "$` or NUL and at most 64 characters; collection
 * names are not empty and have no `$` or NUL.
 */
const databaseName = schemas/* string */.YjP()
    .min(1)
    .max(64)
    .regex(/^[^/\\. "$\0]+$/, 'not a valid MongoDB database name');
const collectionName = schemas/* string */.YjP()
    .min(1)
    .regex(/^[^$\0]+$/, 'not a valid MongoDB collection name');
/** The archive object: one file name inside the backup's folder, never a path out of it. */
const archiveKey = schemas/* string */.YjP()
    .regex(/^[A-Za-z0-9_-][A-Za-z0-9._-]*$/, "expected a file name in the backup's folder (no '/' or '..')")
    .refine((key) => key !== layout/* MANIFEST_NAME */.ir && !key.startsWith('verification') && !key.startsWith('anomaly'), {
    message: 'names a file the backup keeps for itself, not an archive',
});
const namespaceEntrySchema = schemas/* object */.Ikc({
    db: databaseName,
    collection: collectionName,
    type: schemas/* enum */.k5n(['collection', 'view', 'timeseries']),
    count: schemas/* number */.aig().int().nonnegative(),
    bytes: schemas/* number */.aig().int().nonnegative(),
    /** CRC-64/XZ over the namespace's document bytes in archive order, 16 hex digits (as in the archive's EOF block). */
    crc: schemas/* string */.YjP().regex(/^[0-9a-f]{16}$/),
    /** Sum of per-document SHA-256 modulo 2^256 (see @shipkit/mongo ContentHash). */
    contentHash: ids/* hex64 */._,
    /** Collection options and index specs as canonical Extended JSON v2, exactly as in the archive prelude. */
    options: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J()),
    indexes: schemas/* array */.YOg(schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J())),
    uuid: schemas/* string */.YjP()
        .regex(/^[0-9a-f]{32}$/)
        .optional(),
})
    .strict();
const compressionSchema = schemas/* enum */.k5n(['zstd', 'gzip', 'none']);
const recipientsSchema = schemas/* array */.YOg(schemas/* string */.YjP().regex(/^age1[0-9a-z]+$/));
/** What one part holds of a namespace: its share of the namespace's count, bytes, CRC and content hash. */
const partNamespaceSchema = schemas/* object */.Ikc({
    db: databaseName,
    collection: collectionName,
    count: schemas/* number */.aig().int().nonnegative(),
    bytes: schemas/* number */.aig().int().nonnegative(),
    crc: schemas/* string */.YjP().regex(/^[0-9a-f]{16}$/),
    contentHash: ids/* hex64 */._,
})
    .strict();
/** One part of a multi-part backup: its archive object, its part record, and when it read the source. */
const partArchiveSchema = schemas/* object */.Ikc({
    part: schemas/* number */.aig().int().min(1).max(layout/* MAX_PARTS */.kz),
    /** The part's archive, a self-contained mongodump archive (e.g. `part-001.mongodump.zst`). */
    key: archiveKey,
    size: schemas/* number */.aig().int().nonnegative(),
    sha256: ids/* hex64 */._,
    /** The part record (`part-001.json`) finalize checked, and its SHA-256. */
    record: archiveKey,
    recordSha256: ids/* hex64 */._,
    /** The part's read window: parts read the source at different moments. */
    startedAt: iso/* datetime */.w$(),
    finishedAt: iso/* datetime */.w$(),
    namespaces: schemas/* array */.YOg(partNamespaceSchema),
})
    .strict();
const partsSchema = schemas/* object */.Ikc({
    compression: compressionSchema,
    recipients: recipientsSchema,
    /** When the plan read the catalogue (the manifest's `startedAt` is the same moment). */
    plannedAt: iso/* datetime */.w$(),
    /** Bytes stored over every part. */
    size: schemas/* number */.aig().int().nonnegative(),
    /** SHA-256 of the parts' SHA-256 digests, one hex line each in part order: what verification records name. */
    sha256: ids/* hex64 */._,
    archives: schemas/* array */.YOg(partArchiveSchema).min(1).max(layout/* MAX_PARTS */.kz),
})
    .strict();
const manifestShape = schemas/* object */.Ikc({
    formatVersion: schemas/* union */.KCZ([schemas/* literal */.euz(MANIFEST_FORMAT_VERSION), schemas/* literal */.euz(MULTI_PART_FORMAT_VERSION)]),
    backupId: ids/* backupIdSchema */.T,
    startedAt: iso/* datetime */.w$(),
    finishedAt: iso/* datetime */.w$(),
    tool: schemas/* object */.Ikc({ name: schemas/* string */.YjP(), version: schemas/* string */.YjP() }).strict(),
    source: schemas/* object */.Ikc({
        serverVersion: schemas/* string */.YjP(),
        topology: schemas/* enum */.k5n(['standalone', 'replicaSet', 'sharded', 'unknown']),
        /** What the server says it is when it is not MongoDB itself (e.g. FerretDB), else omitted. */
        flavor: schemas/* string */.YjP().optional(),
        databases: schemas/* array */.YOg(schemas/* string */.YjP()),
    })
        .strict(),
    settings: schemas/* object */.Ikc({
        include: schemas/* array */.YOg(schemas/* string */.YjP()),
        exclude: schemas/* array */.YOg(schemas/* string */.YjP()),
        compression: schemas/* enum */.k5n(['zstd', 'gzip', 'none']),
        compressionLevel: schemas/* number */.aig().int().optional(),
        parallelism: schemas/* number */.aig().int().positive(),
    })
        .strict(),
    archive: schemas/* object */.Ikc({
        /** Object key relative to the backup's folder, e.g. `archive.mongodump.zst.age`. */
        key: archiveKey,
        format: schemas/* literal */.euz('mongodump-archive'),
        compression: schemas/* enum */.k5n(['zstd', 'gzip', 'none']),
        /** X25519 recipients (`age1…`) the archive is encrypted to; empty = not encrypted. */
        recipients: schemas/* array */.YOg(schemas/* string */.YjP().regex(/^age1[0-9a-z]+$/)),
        size: schemas/* number */.aig().int().nonnegative(),
        sha256: ids/* hex64 */._,
    })
        .strict()
        .optional(),
    /** A multi-part backup's archives (format version 2), instead of `archive`. */
    parts: partsSchema.optional(),
    totals: schemas/* object */.Ikc({
        namespaces: schemas/* number */.aig().int().nonnegative(),
        documents: schemas/* number */.aig().int().nonnegative(),
        bytes: schemas/* number */.aig().int().nonnegative(),
    })
        .strict(),
    namespaces: schemas/* array */.YOg(namespaceEntrySchema),
    /**
     * Set when the data collapsed compared with the previous backup (see anomaly.ts). Absent from
     * manifests written before the guard existed, and from every backup where nothing collapsed.
     */
    anomaly: src_anomaly/* anomalySchema */.XP.optional(),
})
    .strict();
const manifestSchema = manifestShape.superRefine((manifest, context) => {
    // The totals are sums of the namespaces: an edit to one without the other is caught here.
    const documents = manifest.namespaces.reduce((sum, ns) => sum + ns.count, 0);
    const bytes = manifest.namespaces.reduce((sum, ns) => sum + ns.bytes, 0);
    const sums = { namespaces: manifest.namespaces.length, documents, bytes };
    for (const [field, sum] of Object.entries(sums)) {
        if (manifest.totals[field] !== sum) {
            context.addIssue({
                code: 'custom',
                path: ['totals', field],
                message: `is ${manifest.totals[field]}, but the namespaces add up to ${sum}`,
            });
        }
    }
    const names = new Set();
    for (const [index, ns] of manifest.namespaces.entries()) {
        const name = `${ns.db}.${ns.collection}`;
        if (names.has(name)) {
            context.addIssue({ code: 'custom', path: ['namespaces', index], message: `lists ${name} twice` });
        }
        names.add(name);
    }
    checkLayout(manifest, context);
});
/** One archive (version 1) or parts (version 2), and parts that add up, in part order, to the namespaces. */
function checkLayout(manifest, context) {
    const multiPart = manifest.formatVersion === MULTI_PART_FORMAT_VERSION;
    if (multiPart !== (manifest.parts !== undefined) || multiPart === (manifest.archive !== undefined)) {
        context.addIssue({
            code: 'custom',
            path: [multiPart ? 'parts' : 'archive'],
            message: `format version ${manifest.formatVersion} needs ${multiPart ? '`parts` and no `archive`' : '`archive` and no `parts`'}`,
        });
        return;
    }
    const parts = manifest.parts;
    if (!parts)
        return;
    parts.archives.forEach((archive, index) => {
        if (archive.part !== index + 1) {
            context.addIssue({
                code: 'custom',
                path: ['parts', 'archives', index, 'part'],
                message: `is ${archive.part}, expected ${index + 1} (parts are listed 1 to n in order)`,
            });
        }
    });
    const size = parts.archives.reduce((sum, a) => sum + a.size, 0);
    if (size !== parts.size) {
        context.addIssue({
            code: 'custom',
            path: ['parts', 'size'],
            message: `is ${parts.size}, but the parts add up to ${size}`,
        });
    }
    if (partsDigest(parts.archives) !== parts.sha256) {
        context.addIssue({
            code: 'custom',
            path: ['parts', 'sha256'],
            message: "is not the SHA-256 of the parts' digests",
        });
    }
    for (const [index, ns] of manifest.namespaces.entries()) {
        const summed = sumParts(parts.archives, ns.db, ns.collection);
        for (const field of ['count', 'bytes', 'crc', 'contentHash']) {
            if (summed[field] !== ns[field]) {
                context.addIssue({
                    code: 'custom',
                    path: ['namespaces', index, field],
                    message: `is ${ns[field]}, but the parts holding ${ns.db}.${ns.collection} add up to ${summed[field]}`,
                });
            }
        }
    }
    const listed = new Set(manifest.namespaces.map((ns) => `${ns.db}.${ns.collection}`));
    for (const archive of parts.archives) {
        for (const ns of archive.namespaces) {
            if (!listed.has(`${ns.db}.${ns.collection}`)) {
                context.addIssue({
                    code: 'custom',
                    path: ['parts', 'archives', archive.part - 1],
                    message: `holds ${ns.db}.${ns.collection}, which the manifest does not list`,
                });
            }
        }
    }
}
/**
 * A namespace over every part: counts and bytes add, content hashes add modulo 2^256, and the CRC is
 * that of the parts' documents concatenated in part order.
 */
function sumParts(archives, db, collection) {
    let count = 0;
    let bytes = 0;
    let crc;
    const hashes = [];
    for (const archive of archives) {
        for (const ns of archive.namespaces) {
            if (ns.db !== db || ns.collection !== collection)
                continue;
            count += ns.count;
            bytes += ns.bytes;
            const partCrc = BigInt(`0x${ns.crc}`);
            crc = crc === undefined ? partCrc : combineCrc64(crc, partCrc, ns.bytes);
            hashes.push(ns.contentHash);
        }
    }
    return {
        count,
        bytes,
        crc: (crc ?? 0n).toString(16).padStart(16, '0'),
        contentHash: sumContentHashes(hashes),
    };
}
/** SHA-256 of the parts' SHA-256 digests, one hex line each, in part order. */
function partsDigest(archives) {
    return (0,external_node_crypto_.createHash)('sha256')
        .update(archives.map((a) => `${a.sha256}\n`).join(''))
        .digest('hex');
}
/** Every archive object the manifest names: one, or one per part. */
function storedArchives(manifest) {
    if (manifest.archive)
        return [manifest.archive];
    return (manifest.parts?.archives ?? []).map(({ part, key, size, sha256 }) => ({ part, key, size, sha256 }));
}
/** The digest verification records name: the archive's SHA-256, or the digest of the parts' digests. */
function archiveDigest(manifest) {
    return (manifest.archive ?? manifest.parts)?.sha256 ?? '';
}
/** How the archive (or every part) is encoded, and its stored size in all. */
function archiveEncoding(manifest) {
    const { compression, recipients, size } = (manifest.archive ?? manifest.parts);
    return { compression, recipients, size };
}
/** Parses and validates a manifest; the error says which field is wrong. */
function manifest_parseManifest(text, where) {
    let json;
    try {
        json = JSON.parse(text);
    }
    catch (error) {
        throw new Error(`${where} is not valid JSON: ${error.message}`);
    }
    const result = manifestSchema.safeParse(json);
    if (!result.success) {
        const issue = result.error.issues[0];
        throw new Error(`${where} is not a valid backup manifest: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
    }
    return result.data;
}
function manifestJsonSchema() {
    return z.toJSONSchema(manifestSchema, { target: 'draft-2020-12' });
}

// EXTERNAL MODULE: external "node:v8"
var external_node_v8_ = __webpack_require__(8877);
// EXTERNAL MODULE: external "node:vm"
var external_node_vm_ = __webpack_require__(714);
;// CONCATENATED MODULE: ../../packages/runtime/src/memory.ts


const DEFAULT_EVERY_BYTES = 32 * 1024 * 1024;
/**
 * Keeps a long streaming job's memory flat in the size of the data. Two things grow otherwise:
 * - V8's young generation: batches of documents survive a scavenge or two while in flight, and V8
 *   answers that by growing its semi-spaces (heapTotal 24 → 147 MiB over a 1 GiB backup, with 15–27 MiB
 *   live). The keeper holds them at their start size; measured, this costs no time.
 * - Buffers: every batch of raw documents and every stream chunk keeps its bytes outside V8's heap,
 *   and V8 frees them lazily. A full collection every `everyBytes` of data costs a few milliseconds
 *   on these small heaps.
 * Create it before the job allocates in earnest.
 */
class MemoryKeeper {
    everyBytes;
    #sinceLast = 0;
    constructor(everyBytes = DEFAULT_EVERY_BYTES) {
        this.everyBytes = everyBytes;
        holdYoungGeneration();
    }
    /** Counts bytes processed; collects garbage each time another `everyBytes` went by. */
    add(bytes) {
        this.#sinceLast += bytes;
        if (this.#sinceLast < this.everyBytes)
            return;
        this.#sinceLast = 0;
        fullCollection()?.();
    }
}
/**
 * Stops the semi-spaces from growing past their current size. Their maximum is fixed when the
 * process starts (`--max-semi-space-size`, which an action cannot pass); the growth factor is read
 * each time V8 grows them, so it can still be set from here.
 */
function holdYoungGeneration() {
    (0,external_node_v8_.setFlagsFromString)('--semi-space-growth-factor=1');
}
let collect;
/** V8's `gc()`, or null where it cannot be had. */
function fullCollection() {
    if (collect === undefined) {
        try {
            // The flag exposes `gc` to contexts created after it is set: create one and take it from there.
            (0,external_node_v8_.setFlagsFromString)('--expose-gc');
            collect = (0,external_node_vm_.runInNewContext)('gc');
        }
        catch {
            collect = null;
        }
    }
    return collect;
}

;// CONCATENATED MODULE: ../../packages/runtime/src/progress.ts

/**
 * Logs bytes and documents done, the rate and an ETA at a fixed interval — never per document, so a
 * million small documents cost a handful of log lines.
 */
class ProgressReporter {
    options;
    bytes = 0;
    documents = 0;
    startedAt;
    lastLoggedAt;
    now;
    intervalMs;
    constructor(options) {
        this.options = options;
        this.now = options.now ?? Date.now;
        this.intervalMs = options.intervalMs ?? 10_000;
        this.startedAt = this.now();
        this.lastLoggedAt = this.startedAt;
    }
    /** Totals learnt after the start (e.g. once the source is listed), for the percentage and ETA. */
    setTotals(totals) {
        if (totals.bytes !== undefined)
            this.options.totalBytes = totals.bytes;
        if (totals.documents !== undefined)
            this.options.totalDocuments = totals.documents;
    }
    add(bytes, documents = 0) {
        this.bytes += bytes;
        this.documents += documents;
        const now = this.now();
        if (now - this.lastLoggedAt >= this.intervalMs) {
            this.lastLoggedAt = now;
            this.options.log(this.line(now));
        }
    }
    /** The closing line, whatever the interval. */
    done() {
        this.options.log(`${this.line(this.now())} — done`);
    }
    get totals() {
        return { bytes: this.bytes, documents: this.documents, elapsedMs: this.now() - this.startedAt };
    }
    line(now = this.now()) {
        const elapsedMs = Math.max(now - this.startedAt, 1);
        const bytesPerSecond = (this.bytes / elapsedMs) * 1000;
        const parts = [`${this.options.label}: ${(0,format/* formatBytes */.z3)(this.bytes)}`];
        const { totalBytes, totalDocuments } = this.options;
        if (totalBytes)
            parts[0] += ` of ${(0,format/* formatBytes */.z3)(totalBytes)} (${percent(this.bytes, totalBytes)})`;
        parts.push(`${(0,format/* formatCount */.B4)(this.documents)} docs`);
        if (totalDocuments && !totalBytes)
            parts[1] += ` of ${(0,format/* formatCount */.B4)(totalDocuments)} (${percent(this.documents, totalDocuments)})`;
        parts.push(`${(0,format/* formatBytes */.z3)(Math.round(bytesPerSecond))}/s`);
        const eta = this.etaMs(elapsedMs);
        if (eta !== undefined)
            parts.push(`ETA ${(0,format/* formatDuration */.a3)(eta)}`);
        parts.push(`elapsed ${(0,format/* formatDuration */.a3)(elapsedMs)}`);
        return parts.join(', ');
    }
    etaMs(elapsedMs) {
        const { totalBytes, totalDocuments } = this.options;
        const fraction = totalBytes
            ? this.bytes / totalBytes
            : totalDocuments
                ? this.documents / totalDocuments
                : undefined;
        if (fraction === undefined || fraction <= 0)
            return undefined;
        return Math.max(0, (elapsedMs / Math.min(fraction, 1)) * (1 - Math.min(fraction, 1)));
    }
}
function percent(done, total) {
    return `${Math.min(100, (done / total) * 100).toFixed(1)}%`;
}

;// CONCATENATED MODULE: ../../packages/backup/src/verification.ts


/**
 * Verification records: written into a backup's folder by a passing verification, one object per mode
 * and scope, so a partial restore never replaces the record of a full verification:
 *
 *   verification.<mode>.json           every namespace was checked (mode integrity, full or restore)
 *   verification.<mode>.partial.json   only some namespaces were checked (a filtered restore)
 *   verification.json                  format 1, written by earlier versions (read, never written)
 *
 * A record names the backup, the archive's SHA-256 and the SHA-256 of the manifest it was checked
 * against, and lists the namespaces it covers, so the catalogue can prove that it belongs to this
 * backup, as it is now, and covers all of it.
 */
const VERIFICATION_FORMAT_VERSION = 2;
const VERIFY_MODES = ['integrity', 'full', 'restore'];
/** The name earlier versions wrote (format 1). */
const LEGACY_VERIFICATION_NAME = 'verification.json';
const tool = schemas/* object */.Ikc({ name: schemas/* string */.YjP(), version: schemas/* string */.YjP() }).strict();
const verificationRecordSchema = schemas/* object */.Ikc({
    formatVersion: schemas/* literal */.euz(VERIFICATION_FORMAT_VERSION),
    backupId: ids/* backupIdSchema */.T,
    mode: schemas/* enum */.k5n(VERIFY_MODES),
    /** `all`: every namespace of the manifest was checked; `partial`: a selection was. */
    scope: schemas/* enum */.k5n(['all', 'partial']),
    result: schemas/* literal */.euz('passed'),
    verifiedAt: iso/* datetime */.w$(),
    tool,
    archiveSha256: ids/* hex64 */._,
    /** SHA-256 of manifest.json as it was read for this verification: a later edit shows. */
    manifestSha256: ids/* hex64 */._,
    /** Namespaces checked (`db.collection`, as backed up). */
    namespaces: schemas/* array */.YOg(schemas/* string */.YjP()),
    /** Namespaces a restore never writes (server-managed system collections), checked in the archive only. */
    notRestorable: schemas/* array */.YOg(schemas/* string */.YjP()),
    /** Documents checked: restored and read back in full and restore modes, read from the archive in integrity. */
    documents: schemas/* number */.aig().int().nonnegative(),
})
    .strict();
/** Format 1, as earlier versions wrote it to verification.json: counts only, no SHA-256. */
const legacyVerificationSchema = schemas/* object */.Ikc({
    formatVersion: schemas/* literal */.euz(1),
    backupId: schemas/* string */.YjP(),
    verifiedAt: iso/* datetime */.w$(),
    mode: schemas/* enum */.k5n(VERIFY_MODES),
    result: schemas/* enum */.k5n(['passed', 'failed']),
    tool,
    namespaces: schemas/* number */.aig().int().nonnegative(),
    documents: schemas/* number */.aig().int().nonnegative(),
})
    .strict();
/** The file name of the record of one mode and scope. */
function verificationName(mode, scope) {
    return `verification.${mode}${scope === 'partial' ? '.partial' : ''}.json`;
}
const RECORD_NAME = /^verification\.(integrity|full|restore)(\.partial)?\.json$/;
/** Whether a file name in a backup's folder is a verification record (of any format). */
function isVerificationName(name) {
    return name === LEGACY_VERIFICATION_NAME || RECORD_NAME.test(name);
}
/** How strong a passing verification is: a restore read back beats reading the archive alone. */
function verificationStrength(mode) {
    return mode === 'integrity' ? 1 : 2;
}
/**
 * Judges one record against the backup it sits in. A record that cannot be read, names another
 * backup or archive, or was made against another manifest is damage (someone or something changed the
 * folder); a record that is sound but covers only part of the backup is kept and shown, not counted.
 */
function judgeRecord(name, text, folderId, manifest, manifestSha256) {
    let json;
    try {
        json = JSON.parse(text);
    }
    catch {
        return { damage: `${name} is not valid JSON` };
    }
    if (name === LEGACY_VERIFICATION_NAME)
        return judgeLegacy(name, json, folderId, manifest);
    const parsed = verificationRecordSchema.safeParse(json);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return {
            damage: `${name} is not a valid verification record: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`,
        };
    }
    const record = parsed.data;
    if (record.backupId !== folderId)
        return { damage: `${name} names backup ${record.backupId}, not ${folderId}` };
    if (verificationName(record.mode, record.scope) !== name) {
        return { damage: `${name} holds the record of a ${record.scope} ${record.mode} verification` };
    }
    if (record.archiveSha256 !== archiveDigest(manifest)) {
        return { damage: `${name} was made for another archive (SHA-256 ${record.archiveSha256.slice(0, 16)}…)` };
    }
    if (record.manifestSha256 !== manifestSha256) {
        return { damage: `manifest.json changed after ${name} was written` };
    }
    const listed = new Map(manifest.namespaces.map((ns) => [`${ns.db}.${ns.collection}`, ns.count]));
    const unknown = [...record.namespaces, ...record.notRestorable].filter((ns) => !listed.has(ns));
    if (unknown.length > 0) {
        return {
            damage: `${name} covers namespaces the manifest does not list: ${unknown.slice(0, 3).join(', ')}`,
        };
    }
    const expectedDocuments = record.namespaces.reduce((sum, ns) => sum + (listed.get(ns) ?? 0), 0);
    if (record.documents !== expectedDocuments) {
        return {
            damage: `${name} counted ${record.documents} documents, the manifest lists ${expectedDocuments} in those namespaces`,
        };
    }
    const covered = new Set([...record.namespaces, ...record.notRestorable]);
    const missing = [...listed.keys()].filter((ns) => !covered.has(ns));
    if (record.scope === 'all' && missing.length > 0) {
        return { damage: `${name} claims every namespace but misses ${missing.slice(0, 3).join(', ')}` };
    }
    const summary = {
        name,
        formatVersion: 2,
        mode: record.mode,
        scope: record.scope,
        verifiedAt: record.verifiedAt,
        namespaces: record.namespaces.length,
        documents: record.documents,
        counts: record.scope === 'all',
    };
    if (record.scope === 'partial') {
        summary.note = `covers ${record.namespaces.length} of ${listed.size} namespaces`;
    }
    return { summary };
}
/**
 * Format 1 has no SHA-256 and no namespace list: it counts only when it names this backup, passed,
 * and its counts equal the manifest's totals — earlier versions wrote the same file for a one-collection
 * restore (with the namespaces restored and every document read), and such a record covers nothing whole.
 */
function judgeLegacy(name, json, folderId, manifest) {
    const parsed = legacyVerificationSchema.safeParse(json);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return {
            damage: `${name} is not a valid verification record: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`,
        };
    }
    const record = parsed.data;
    if (record.backupId !== folderId)
        return { damage: `${name} names backup ${record.backupId}, not ${folderId}` };
    if (record.result !== 'passed')
        return { damage: `${name} says the ${record.mode} verification failed` };
    const whole = record.namespaces === manifest.totals.namespaces && record.documents === manifest.totals.documents;
    return {
        summary: {
            name,
            formatVersion: 1,
            mode: record.mode,
            scope: whole ? 'all' : 'partial',
            verifiedAt: record.verifiedAt,
            namespaces: record.namespaces,
            documents: record.documents,
            counts: whole,
            ...(whole
                ? {}
                : {
                    note: `format 1 record of ${record.namespaces} namespace(s) and ${record.documents} document(s), ` +
                        `the manifest holds ${manifest.totals.namespaces} and ${manifest.totals.documents}: not the whole backup`,
                }),
        },
    };
}

;// CONCATENATED MODULE: ../../packages/backup/src/catalog.ts








/** No manifest of ours comes near this; a bigger object is not read into memory. */
const MAX_MANIFEST_BYTES = 64 * 2 ** 20;
const MAX_RECORD_BYTES = 16 * 2 ** 20;
/** Lists the backup folders (newest first) and judges each: one LIST, then a GET per manifest and record. */
async function listBackups(storage, options = {}) {
    const folders = await listFolders(storage, '');
    const entries = await mapBounded([...folders.values()], options.concurrency ?? 8, (folder) => judgeFolder(storage, folder));
    return entries.sort((a, b) => (a.id < b.id ? 1 : -1));
}
/** One backup folder, judged; undefined when the folder holds nothing. */
async function findBackup(storage, id) {
    const folder = (await listFolders(storage, `${id}/`)).get(id);
    return folder ? judgeFolder(storage, folder) : undefined;
}
/**
 * `latest` (the newest complete or verified backup), `latest-verified`, or a backup id. `latest` never
 * picks a damaged backup; the damaged ones newer than its choice are returned so callers can say so.
 * A backup named by id is returned even when damaged (its `damage` says why), so it can be examined.
 */
async function catalog_resolveBackup(storage, ref) {
    if (ref === 'latest' || ref === 'latest-verified') {
        const entries = await listBackups(storage);
        const index = entries.findIndex((e) => (ref === 'latest' ? e.complete : e.verified));
        const entry = entries[index];
        if (!entry) {
            throw new UserError(`No ${ref === 'latest' ? 'complete' : 'verified'} backup found at ${storage.describe('')}` +
                (entries.length > 0 ? ` (${describeStates(entries)}; \`shipkit list\` shows why).` : '.'));
        }
        return { entry, passedOver: entries.slice(0, index).filter((e) => e.state === 'damaged') };
    }
    if (!isBackupId(ref)) {
        throw new UserError(`'${ref}' is not a backup id (e.g. 2026-11-25T030000Z-1a2b3c) nor 'latest'.`);
    }
    const entry = await findBackup(storage, ref);
    if (!entry)
        throw new UserError(`Backup ${ref} does not exist at ${storage.describe('')}.`);
    if (entry.state === 'incomplete') {
        throw new UserError(`Backup ${ref} has no manifest at ${storage.describe(`${ref}/${MANIFEST_NAME}`)}: it is incomplete ` +
            '(the run that wrote it failed or is still running) and cannot be restored or verified.');
    }
    return { entry, passedOver: [] };
}
/** Reads and validates a manifest by itself, with no judgement of its folder. */
async function readManifest(storage, id) {
    const key = `${id}/${MANIFEST_NAME}`;
    return parseManifest(await text(await storage.get(key)), storage.describe(key));
}
/** "2 damaged, 1 incomplete" */
function describeStates(entries) {
    const counts = new Map();
    for (const entry of entries)
        counts.set(entry.state, (counts.get(entry.state) ?? 0) + 1);
    return [...counts].map(([state, count]) => `${count} ${state}`).join(', ');
}
async function listFolders(storage, prefix) {
    const folders = new Map();
    for await (const object of storage.list(prefix)) {
        const slash = object.key.indexOf('/');
        if (slash < 0)
            continue;
        const id = object.key.slice(0, slash);
        if (!(0,layout/* isBackupId */["if"])(id))
            continue;
        let folder = folders.get(id);
        if (!folder) {
            folder = { id, objects: [] };
            folders.set(id, folder);
        }
        folder.objects.push({
            key: object.key,
            size: object.size,
            ...(object.lastModified ? { lastModified: object.lastModified } : {}),
        });
    }
    return folders;
}
/** Reads what the folder holds and decides its state. This is the only place states are decided. */
async function judgeFolder(storage, folder) {
    const { id, objects } = folder;
    const entry = {
        id,
        time: (0,layout/* backupIdTime */.NB)(id),
        state: 'incomplete',
        complete: false,
        verified: false,
        damage: [],
        verifications: [],
        openAnomaly: false,
        objects,
        bytes: objects.reduce((sum, o) => sum + o.size, 0),
    };
    const byName = new Map(objects.map((o) => [o.key.slice(id.length + 1), o]));
    const manifestObject = byName.get(layout/* MANIFEST_NAME */.ir);
    if (!manifestObject)
        return entry;
    const manifestText = await readSmall(storage, manifestObject.key, manifestObject.size, MAX_MANIFEST_BYTES);
    // Deleted since the listing (prune removes the manifest first): the folder is on its way out.
    if (manifestText === undefined)
        return entry;
    const damage = entry.damage;
    if (manifestText instanceof Error)
        damage.push(manifestText.message);
    else {
        try {
            entry.manifest = manifest_parseManifest(manifestText, layout/* MANIFEST_NAME */.ir);
            entry.manifestSha256 = (0,external_node_crypto_.createHash)('sha256').update(manifestText).digest('hex');
        }
        catch (error) {
            damage.push(error.message);
        }
    }
    const manifest = entry.manifest;
    if (manifest) {
        if (manifest.backupId !== id) {
            damage.push(`manifest.json names backup ${manifest.backupId}, not its folder ${id}`);
        }
        for (const expected of storedArchives(manifest)) {
            const what = expected.part === undefined ? 'the archive' : `part ${expected.part}'s archive`;
            const archive = byName.get(expected.key);
            if (!archive)
                damage.push(`${what} ${expected.key} named by manifest.json is missing`);
            else if (archive.size !== expected.size) {
                damage.push(`${what} ${expected.key} is ${archive.size} bytes, manifest.json says ${expected.size}`);
            }
        }
        for (const part of manifest.parts?.archives ?? []) {
            damage.push(...(await judgePartRecord(storage, byName.get(part.record), part)));
        }
        const records = [...byName].filter(([name]) => isVerificationName(name));
        for (const [name, object] of records) {
            const recordText = await readSmall(storage, object.key, object.size, MAX_RECORD_BYTES);
            if (recordText === undefined)
                continue;
            if (recordText instanceof Error) {
                damage.push(recordText.message);
                continue;
            }
            const verdict = judgeRecord(name, recordText, id, manifest, entry.manifestSha256);
            if ('damage' in verdict)
                damage.push(verdict.damage);
            else
                entry.verifications.push(verdict.summary);
        }
    }
    if (manifest?.anomaly) {
        entry.anomaly = manifest.anomaly;
        const acknowledged = manifest.anomaly.acceptedAt ?? (await readAck(storage, entry, byName.get(src_anomaly/* ANOMALY_ACK_NAME */.Qm)));
        if (acknowledged)
            entry.anomalyAcknowledgedAt = acknowledged;
        entry.openAnomaly = !acknowledged;
    }
    if (damage.length > 0) {
        entry.state = 'damaged';
        return entry;
    }
    const best = strongest(entry.verifications);
    if (best)
        entry.verification = best;
    entry.state = best ? 'verified' : 'complete';
    entry.complete = true;
    entry.verified = entry.state === 'verified';
    return entry;
}
/** A part record must still be the one finalize checked: its SHA-256 is in the manifest. */
async function judgePartRecord(storage, object, part) {
    const missing = `part ${part.part}'s record ${part.record} named by manifest.json is missing`;
    if (!object)
        return [missing];
    const recordText = await readSmall(storage, object.key, object.size, MAX_RECORD_BYTES);
    if (recordText === undefined)
        return [missing];
    if (recordText instanceof Error)
        return [recordText.message];
    if ((0,external_node_crypto_.createHash)('sha256').update(recordText).digest('hex') !== part.recordSha256) {
        return [`part ${part.part}'s record ${part.record} changed after manifest.json was written`];
    }
    return [];
}
/** The time of a sound acknowledgement in the folder; a record that is not sound is damage. */
async function readAck(storage, entry, object) {
    if (!object || !entry.manifestSha256)
        return undefined;
    const text = await readSmall(storage, object.key, object.size, MAX_RECORD_BYTES);
    if (text === undefined)
        return undefined;
    if (text instanceof Error) {
        entry.damage.push(text.message);
        return undefined;
    }
    const verdict = (0,src_anomaly/* judgeAck */.Jg)(text, entry.id, entry.manifestSha256);
    if ('damage' in verdict) {
        entry.damage.push(verdict.damage);
        return undefined;
    }
    return verdict.acknowledgedAt;
}
function strongest(summaries) {
    let best;
    for (const summary of summaries) {
        if (!summary.counts)
            continue;
        const stronger = best ? verificationStrength(summary.mode) - verificationStrength(best.mode) : 1;
        if (stronger > 0 || (stronger === 0 && best && summary.verifiedAt > best.verifiedAt))
            best = summary;
    }
    return best;
}
/** The object's text; undefined when it vanished since the listing; an Error (as damage) when too big. */
async function readSmall(storage, key, size, limit) {
    const name = key.slice(key.indexOf('/') + 1);
    if (size > limit)
        return new Error(`${name} is ${size} bytes, far more than such a file ever holds`);
    try {
        return await (0,consumers_.text)(await storage.get(key));
    }
    catch (error) {
        if (error instanceof src_errors/* ObjectNotFoundError */.d_)
            return undefined;
        throw error;
    }
}
/** Runs `work` over `items` with at most `limit` at once, keeping the order of `items`. */
async function mapBounded(items, limit, work) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const index = next++;
            results[index] = await work(items[index]);
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return results;
}

;// CONCATENATED MODULE: ../../packages/backup/src/guard.ts



/**
 * The anomaly guard's one step in a backup, between building the manifest and committing it: compare
 * with the newest complete backup of the same selection at the destination and, when the data
 * collapsed, return the anomaly for the manifest to record. Being in the manifest, the anomaly is
 * committed with the backup or not at all. A catalogue that cannot be read is a warning: the backup
 * itself must not fail for it.
 */
async function guardAgainstCollapse(storage, manifest, options) {
    if (options.dropPercent <= 0)
        return undefined;
    let previous;
    try {
        const entries = await listBackups(storage);
        previous = entries.find((e) => e.complete && e.id < manifest.backupId && e.manifest && (0,src_anomaly/* isSameSource */.E6)(e.manifest, manifest))?.manifest;
    }
    catch (error) {
        options.logger.warn(`could not compare with the previous backup: ${(0,errors/* errorMessage */.g)(error)}`);
        return undefined;
    }
    if (!previous)
        return undefined;
    const found = (0,src_anomaly/* findAnomaly */.Ho)(previous, manifest, options.dropPercent);
    if (!found)
        return undefined;
    const anomaly = options.accept ? { ...found, acceptedAt: options.now.toISOString() } : found;
    const words = (0,src_anomaly/* describeAnomaly */.Ng)(anomaly);
    if (options.accept)
        options.logger.warn(`anomaly accepted (accept-anomaly): ${words}`);
    else
        options.logger.error(`anomaly: the data collapsed: ${words}`);
    return anomaly;
}
/**
 * Records that a backup's collapse was intended (`<backup-id>/anomaly-ack.json`), so retention goes
 * back to its rules. The record names the manifest's SHA-256, so it belongs to this backup as it is.
 */
async function acknowledgeAnomaly(storage, backupId, options) {
    const { entry } = await resolveBackup(storage, backupId);
    if (entry.state === 'damaged') {
        throw new UserError(`Backup ${backupId} is damaged (${entry.damage.join('; ')}); there is nothing to acknowledge.`);
    }
    if (!entry.anomaly || !entry.manifestSha256) {
        throw new UserError(`Backup ${backupId} records no anomaly: its data did not collapse, there is nothing to acknowledge.`);
    }
    if (entry.anomalyAcknowledgedAt) {
        return { backupId, anomaly: entry.anomaly, acknowledgedAt: entry.anomalyAcknowledgedAt, already: true };
    }
    const record = {
        formatVersion: 1,
        backupId,
        acknowledgedAt: options.now.toISOString(),
        manifestSha256: entry.manifestSha256,
        ...(options.note ? { note: options.note } : {}),
    };
    await storage.put(`${backupId}/${ANOMALY_ACK_NAME}`, Buffer.from(`${JSON.stringify(record, null, 2)}\n`), {
        contentType: 'application/json',
    });
    return { backupId, anomaly: entry.anomaly, acknowledgedAt: record.acknowledgedAt, already: false };
}

;// CONCATENATED MODULE: ../../packages/retention/src/periods.ts
/** Calendar periods in UTC, so daylight-saving changes and the runner's time zone never move a boundary. */
const DAY_MS = 86_400_000;
function pad(value, width = 2) {
    return String(value).padStart(width, '0');
}
/** ISO 8601 week: weeks run Monday to Sunday and belong to the year that holds their Thursday. */
function isoWeek(time) {
    const midnight = Date.UTC(time.getUTCFullYear(), time.getUTCMonth(), time.getUTCDate());
    const daysSinceMonday = (time.getUTCDay() + 6) % 7;
    const thursday = new Date(midnight + (3 - daysSinceMonday) * DAY_MS);
    const year = thursday.getUTCFullYear();
    const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS));
    return { year, week };
}
/** A label naming the period that holds `time`; two times share a period exactly when their labels are equal. */
function periodLabel(rule, time) {
    const year = pad(time.getUTCFullYear(), 4);
    const month = pad(time.getUTCMonth() + 1);
    const day = pad(time.getUTCDate());
    switch (rule) {
        case 'hourly':
            return `${year}-${month}-${day}T${pad(time.getUTCHours())}Z`;
        case 'daily':
            return `${year}-${month}-${day}`;
        case 'weekly': {
            const { year: weekYear, week } = isoWeek(time);
            return `${pad(weekYear, 4)}-W${pad(week)}`;
        }
        case 'monthly':
            return `${year}-${month}`;
        case 'yearly':
            return year;
    }
}

// EXTERNAL MODULE: ../../packages/retention/src/policy.ts
var src_policy = __webpack_require__(9492);
;// CONCATENATED MODULE: ../../packages/retention/src/plan.ts


/** Oldest first; ties broken by id so no plan depends on input order. Unreadable times sort first. */
function oldestFirst(a, b) {
    const timeA = timeKey(a);
    const timeB = timeKey(b);
    if (timeA !== timeB)
        return timeA < timeB ? -1 : 1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
function newestFirst(a, b) {
    return oldestFirst(b, a);
}
function timeKey(backup) {
    const time = backup.time.getTime();
    return Number.isFinite(time) ? time : Number.NEGATIVE_INFINITY;
}
function hasValidTime(backup) {
    return Number.isFinite(backup.time.getTime());
}
function assertUniqueIds(backups) {
    const seen = new Set();
    for (const { id } of backups) {
        if (seen.has(id))
            throw new Error(`planRetention: backup id "${id}" appears twice`);
        seen.add(id);
    }
}
/**
 * restic-style retention over complete backups. For each count rule, walk the backups newest first
 * and keep the newest backup of each of the last n periods that hold one (`last` treats every backup
 * as its own period). A rule that runs out of backups before reaching n also keeps the oldest backup,
 * so a young history is never thinned from its far end. Rules are OR-ed.
 *
 * Whatever the rules say — and whoever calls (CLI, action, workflow) — the newest complete backup and
 * the newest verified backup are kept: the good copy is never lost to a keep rule. So is the newest
 * backup from before each unacknowledged anomaly (the last one that may hold what vanished). So are pinned
 * backups, backups dated after `now` (a clock we cannot trust) and backups without a readable time.
 * Damaged backups are listed apart and never removed here.
 */
function planRetention(backups, policy, now) {
    assertUniqueIds(backups);
    const complete = backups.filter((backup) => backup.complete && !backup.damaged).sort(newestFirst);
    const incomplete = backups
        .filter((backup) => !backup.complete && !backup.damaged)
        .sort(newestFirst)
        .map(({ id, time }) => ({ id, time }));
    const damaged = backups
        .filter((backup) => backup.damaged)
        .sort(newestFirst)
        .map(({ id, time, damaged: reason }) => ({ id, time, reason: reason }));
    const reasons = new Map(complete.map((backup) => [backup.id, []]));
    const keepFor = (backup, reason) => reasons.get(backup.id)?.push(reason);
    const rules = (0,src_policy/* activeRules */.IW)(policy);
    if (rules.length === 0) {
        for (const backup of complete)
            keepFor(backup, 'no retention rules');
    }
    const dated = complete.filter(hasValidTime);
    for (const [rule, count] of rules)
        applyRule(rule, count, dated, keepFor);
    const newestComplete = dated[0];
    if (newestComplete)
        keepFor(newestComplete, 'newest complete');
    const newestVerified = dated.find((backup) => backup.verified);
    if (newestVerified)
        keepFor(newestVerified, 'newest verified');
    for (const [index, backup] of dated.entries()) {
        const before = dated[index + 1];
        if (backup.openAnomaly && before)
            keepFor(before, `before the anomaly in ${backup.id}`);
    }
    for (const backup of complete) {
        if (backup.pinned)
            keepFor(backup, 'pinned');
        if (!hasValidTime(backup))
            keepFor(backup, 'time unknown');
        else if (backup.time.getTime() > now.getTime())
            keepFor(backup, 'dated after now');
    }
    const plan = { keep: [], remove: [], incomplete, damaged };
    for (const { id, time } of complete) {
        const why = reasons.get(id) ?? [];
        if (why.length > 0)
            plan.keep.push({ id, time, reasons: why });
        else
            plan.remove.push({ id, time });
    }
    return plan;
}
function applyRule(rule, count, newestFirstBackups, keepFor) {
    let remaining = count;
    let previousPeriod;
    const keptByRule = new Set();
    for (const backup of newestFirstBackups) {
        if (remaining <= 0)
            break;
        const period = rule === 'last' ? undefined : periodLabel(rule, backup.time);
        if (rule !== 'last' && period === previousPeriod)
            continue;
        previousPeriod = period;
        keepFor(backup, rule === 'last' ? `last ${count - remaining + 1}` : `${rule} ${period}`);
        keptByRule.add(backup.id);
        remaining -= 1;
    }
    const oldest = newestFirstBackups.at(-1);
    if (remaining > 0 && oldest && !keptByRule.has(oldest.id)) {
        keepFor(oldest, `oldest (${rule} rule not filled)`);
    }
}
/**
 * Which incomplete backups (data with no manifest) to delete: those older than `graceMs`, so a run
 * still uploading is left alone. Backups dated after `now` or with no readable time are kept.
 */
function planSweep(incomplete, graceMs, now) {
    if (!Number.isFinite(graceMs) || graceMs < 0) {
        throw new RangeError(`planSweep: graceMs must be a finite number ≥ 0, got ${graceMs}`);
    }
    const plan = { remove: [], keep: [] };
    for (const { id, time } of [...incomplete].sort(oldestFirst)) {
        const ageMs = now.getTime() - time.getTime();
        if (!Number.isFinite(ageMs))
            plan.keep.push({ id, time, reason: 'time unknown' });
        else if (ageMs < 0)
            plan.keep.push({ id, time, reason: 'dated after now' });
        else if (ageMs < graceMs)
            plan.keep.push({ id, time, reason: 'younger than the grace period; may still be uploading' });
        else
            plan.remove.push({ id, time, ageMs });
    }
    return plan;
}

;// CONCATENATED MODULE: ../../packages/backup/src/prune.ts




/**
 * Applies a retention policy to the backups the catalogue finds complete, then sweeps incomplete ones
 * past the grace period and aborts orphaned multipart uploads. Damaged backups are kept and reported
 * unless `deleteDamaged` is set. A backup is deleted manifest first, so an interrupted prune leaves an
 * incomplete folder (swept later), never a manifest pointing at missing data.
 */
async function prune(storage, options) {
    const { logger, now } = options;
    const dryRun = options.dryRun ?? false;
    const entries = await listBackups(storage);
    const plan = planRetention(entries.map((e) => ({
        id: e.id,
        time: e.time,
        complete: e.complete,
        verified: e.verified,
        openAnomaly: e.openAnomaly,
        ...(e.state === 'damaged' ? { damaged: e.damage.join('; ') } : {}),
    })), options.policy, now);
    const result = {
        kept: plan.keep.map((k) => ({ id: k.id, reasons: [...k.reasons] })),
        removed: [],
        retainedByLock: [],
        swept: [],
        damaged: [],
        abortedUploads: 0,
        dryRun,
    };
    /** Deletes one backup (unless a dry run); false when Object Lock retains it. */
    const remove = async (id) => {
        if (dryRun)
            return true;
        try {
            await deleteBackup(storage, id);
            return true;
        }
        catch (error) {
            if (!(error instanceof src_errors/* RetainedByLockError */.j0))
                throw error;
            logger.warn(`${id} is retained by an object lock; left in place`);
            result.retainedByLock.push(id);
            return false;
        }
    };
    for (const { id } of plan.remove) {
        if (!(await remove(id)))
            continue;
        logger.info(`${dryRun ? 'would remove' : 'removed'} ${id}`);
        result.removed.push(id);
    }
    for (const { id, reason } of plan.damaged) {
        if (!options.deleteDamaged) {
            logger.warn(`${id} is damaged and was kept (delete it with --delete-damaged): ${reason}`);
            result.damaged.push({ id, reason, deleted: false });
        }
        else if (await remove(id)) {
            logger.warn(`${dryRun ? 'would delete' : 'deleted'} damaged ${id}: ${reason}`);
            result.damaged.push({ id, reason, deleted: true });
        }
    }
    const grace = options.incompleteGraceMs ?? 24 * 3_600_000;
    const sweep = planSweep(entries.filter((e) => e.state === 'incomplete').map((e) => ({ id: e.id, time: e.time })), grace, now);
    for (const { id } of sweep.remove) {
        if (!(await remove(id)))
            continue;
        logger.info(`${dryRun ? 'would sweep' : 'swept'} incomplete ${id}`);
        result.swept.push(id);
    }
    for await (const upload of storage.listIncompleteUploads()) {
        // An upload of unknown age may belong to a backup running right now: leave it.
        if (!upload.initiated || now.getTime() - upload.initiated.getTime() < grace)
            continue;
        if (!dryRun)
            await storage.abortUpload(upload);
        result.abortedUploads += 1;
    }
    return result;
}
/**
 * Deletes the manifest first (from then on the backup does not exist), then whatever the folder holds
 * now — listed again, so a verification record written meanwhile goes too rather than staying behind.
 */
async function deleteBackup(storage, id) {
    await storage.delete(`${id}/${layout/* MANIFEST_NAME */.ir}`);
    const rest = [];
    for await (const object of storage.list(`${id}/`))
        rest.push(object.key);
    for (const key of rest)
        await storage.delete(key);
}

// EXTERNAL MODULE: ../../packages/backup/src/tool.ts
var src_tool = __webpack_require__(1890);
;// CONCATENATED MODULE: ../../packages/backup/src/pipeline.ts














/**
 * One pass, bounded memory, no temporary file:
 *   MongoDB ─raw BSON─▶ archive writer ─▶ compress ─▶ age (optional) ─▶ SHA-256 tap ─▶ storage
 * then manifest.json, written last and only if everything before it succeeded, as the commit marker.
 * Options are checked before anything connects, so bad input fails fast and leaves nothing behind.
 *
 * The run owns one deadline (the timeout, or a cancellation) that every network call is bound to.
 * Once it stops the run, the upload is aborted, no manifest is written, and the run ends within a
 * short grace even if a server never answers again.
 */
async function runBackup(options, deps) {
    const compression = options.compression ?? codec/* DEFAULT_COMPRESSION */.XC;
    const recipients = options.recipients ?? [];
    const parallelism = options.parallelism ?? rows/* DEFAULT_PARALLELISM */.ri;
    (0,codec/* checkCompressionLevel */.JR)(compression, options.compressionLevel);
    (0,codec/* checkRecipients */.$I)(recipients);
    if (!Number.isInteger(parallelism) || parallelism < 1 || parallelism > 64) {
        throw new options_errors/* OptionError */.eR('parallelism', `must be a whole number from 1 to 64, got ${parallelism}.`);
    }
    const deadline = new src_deadline/* Deadline */.B2({
        run: 'backup',
        ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }),
        ...(deps.signal && { signal: deps.signal }),
    });
    try {
        return await deadline.bound(backUp(options, deps, deadline, { compression, recipients, parallelism }));
    }
    finally {
        deadline.dispose();
    }
}
/**
 * The run in named stages: reach the destination, connect, size the upload, stream the archive,
 * commit the manifest, prune. The outer `try` alone turns a stop into what it means for the commit.
 */
async function backUp(options, deps, deadline, settings) {
    const now = deps.now ?? (() => new Date());
    const { logger } = deps;
    // The part size is fixed once the size is known (see below), so S3 storage reopens after connecting.
    let storage = deps.storage;
    const open = (s3) => openStorage(options.destination, { s3: s3 ?? {}, logger, deadline });
    const started = now();
    const commit = { state: 'not-started' };
    try {
        // Reach the destination (bucket exists, credentials work) before connecting to the source.
        storage ??= open(options.storage);
        for await (const _ of storage.list(''))
            break;
        const client = await connect(options.uri, {
            ...(options.connectTimeoutMs !== undefined && { timeoutMs: options.connectTimeoutMs }),
            deadline,
            logger,
        });
        try {
            if (!deps.storage && options.storage?.partSize === undefined && storage.location.kind === 's3') {
                // A fixed part size sized to the data keeps upload memory small (a 1 TiB-ready part is 105 MiB).
                const partSize = (0,part_size/* partSizeFor */.oV)(Math.max(2 * (await sourceDataSize(client)), 8 * 2 ** 30));
                await storage.close();
                storage = open({ ...options.storage, partSize });
            }
            const store = storage;
            const backupId = (0,layout/* newBackupId */._H)(started);
            const archive = (0,layout/* archiveName */.uv)(settings.compression, settings.recipients.length > 0);
            const keys = (0,layout/* backupKeys */.F1)(backupId, archive);
            logger.info(`backup ${backupId} → ${store.describe(keys.archive)}`);
            const streamed = await streamArchive(client, store, keys.archive, options, settings, deadline, logger);
            const finished = now();
            const built = buildManifest({ backupId, started, finished, archive, options, settings }, streamed);
            // Compared with the previous backup before the commit: the anomaly is committed with it or not at all.
            const anomaly = await guardAgainstCollapse(store, built, {
                dropPercent: options.anomalyDropPercent ?? src_anomaly/* DEFAULT_ANOMALY_DROP_PERCENT */.ux,
                accept: options.acceptAnomaly ?? false,
                now: finished,
                logger,
            });
            const manifest = anomaly ? { ...built, anomaly } : built;
            await commitManifest(store, keys.manifest, manifest, deadline, commit);
            logger.info(`backup ${backupId} committed: ${store.describe(keys.manifest)}`);
            const result = {
                backupId,
                backupUrl: store.describe(`${backupId}/`),
                manifestUrl: store.describe(keys.manifest),
                archiveUrl: store.describe(keys.archive),
                manifest,
                durationMs: now().getTime() - started.getTime(),
                ...(anomaly ? { anomaly } : {}),
            };
            if (options.retention) {
                result.prune = await prune(store, { policy: options.retention, now: now(), logger });
            }
            return result;
        }
        finally {
            await disconnect(client);
        }
    }
    catch (error) {
        // A stopped run reports why it stopped (what failed because of the stop is only a consequence),
        // and whether a backup was committed before it did.
        if (!deadline.stopped || commit.state === 'committed')
            throw error;
        throw stoppedBeforeCommit(deadline.reason, commit.state === 'manifest-sent');
    }
    finally {
        if (!deps.storage)
            await storage?.close();
    }
}
/**
 * The stream stage: MongoDB ─▶ archive writer ─▶ compress ─▶ age (optional) ─▶ SHA-256 tap ─▶
 * storage, every part bound to the deadline; returns what the dump found and what was stored.
 */
async function streamArchive(client, store, key, options, { compression, recipients, parallelism }, deadline, logger) {
    const writer = new ArchiveWriter();
    const stopWriter = () => writer.abort(deadline.reason);
    deadline.signal.addEventListener('abort', stopWriter, { once: true });
    const sha256 = (0,external_node_crypto_.createHash)('sha256');
    let storedBytes = 0;
    const tap = new external_node_stream_.Transform({
        transform(chunk, _encoding, done) {
            sha256.update(chunk);
            storedBytes += chunk.length;
            done(null, chunk);
        },
    });
    const compressed = writer.stream.pipe((0,codec/* compressStream */.fR)(compression, options.compressionLevel));
    writer.stream.on('error', (error) => compressed.destroy(error));
    const sealed = recipients.length > 0 ? await (0,codec/* encryptStream */.UO)(compressed, recipients) : compressed;
    const stored = (0,promises_.pipeline)(sealed, tap);
    const upload = store.put(key, tap, { contentType: 'application/octet-stream' });
    const memory = new MemoryKeeper();
    const progress = new ProgressReporter({
        label: 'backup',
        log: (line) => logger.info(line),
        intervalMs: options.progressIntervalMs ?? 10_000,
    });
    const onPlan = (plan) => {
        logger.info(`${plan.namespaces} namespaces, about ${plan.documents} documents`);
        progress.setTotals({ documents: plan.documents, ...(plan.bytes > 0 ? { bytes: plan.bytes } : {}) });
    };
    const dump = dumpDatabase({
        client,
        include: options.include ?? [],
        exclude: options.exclude ?? [],
        parallelism,
        signal: deadline.signal,
        logger,
        onPlan,
        onProgress: (bytes, documents) => {
            progress.add(bytes, documents);
            memory.add(bytes);
        },
        toolVersion: `${src_tool/* TOOL */.j.name} ${src_tool/* TOOL */.j.version}`,
    }, writer);
    const [dumped, put] = await allStages(deadline, [dump, upload, stored]);
    deadline.signal.removeEventListener('abort', stopWriter);
    progress.done();
    const digest = sha256.digest('hex');
    logger.info(`archive stored: ${(0,format/* formatBytes */.z3)(storedBytes)} in ${put.parts} part${put.parts === 1 ? '' : 's'}, SHA-256 ${digest}`);
    return { dumped, storedBytes, sha256: digest };
}
/** The manifest of a stored archive (pure). */
function buildManifest(run, { dumped, storedBytes, sha256 }) {
    const { options, settings } = run;
    return manifestSchema.parse({
        formatVersion: MANIFEST_FORMAT_VERSION,
        backupId: run.backupId,
        startedAt: run.started.toISOString(),
        finishedAt: run.finished.toISOString(),
        tool: src_tool/* TOOL */.j,
        source: {
            serverVersion: dumped.server.serverVersion,
            topology: dumped.server.topology,
            ...(dumped.server.flavor ? { flavor: dumped.server.flavor } : {}),
            databases: dumped.databases,
        },
        settings: {
            include: options.include ?? [],
            exclude: options.exclude ?? [],
            compression: settings.compression,
            ...(options.compressionLevel === undefined ? {} : { compressionLevel: options.compressionLevel }),
            parallelism: settings.parallelism,
        },
        archive: {
            key: run.archive,
            format: 'mongodump-archive',
            compression: settings.compression,
            recipients: settings.recipients,
            size: storedBytes,
            sha256,
        },
        totals: {
            namespaces: dumped.namespaces.length,
            documents: dumped.namespaces.reduce((sum, ns) => sum + ns.count, 0),
            bytes: dumped.namespaces.reduce((sum, ns) => sum + ns.bytes, 0),
        },
        namespaces: dumped.namespaces,
    });
}
/** The commit marker: only once it is written does the backup exist. Never sent once the run has stopped. */
async function commitManifest(store, key, manifest, deadline, commit) {
    deadline.throwIfStopped();
    commit.state = 'manifest-sent';
    await store.put(key, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), {
        contentType: 'application/json',
        ifNoneMatch: true,
    });
    commit.state = 'committed';
}
/**
 * Waits for every stage of the stream (dump, upload, compression) and, when one fails, stops the
 * run so the others stop too, then reports the failure that caused the rest: the disk that filled
 * up, not the "operation was aborted" of the stream it cut short.
 */
async function allStages(deadline, stages) {
    const watched = stages.map((stage) => stage.catch((error) => {
        if (!isConsequence(error))
            deadline.stop(error);
        throw error;
    }));
    const settled = await Promise.allSettled(watched);
    const failures = settled.flatMap((result) => (result.status === 'rejected' ? [result.reason] : []));
    if (failures.length === 0) {
        return settled.map((result) => result.value);
    }
    throw deadline.reason ?? failures.find((error) => !isConsequence(error)) ?? failures[0];
}
/** Errors a stream stage fails with because another stage broke the chain, not for a reason of its own. */
function isConsequence(error) {
    const { name, code } = (error ?? {});
    return (name === 'AbortError' ||
        code === 'ABORT_ERR' ||
        code === 'ERR_STREAM_PREMATURE_CLOSE' ||
        code === 'ERR_STREAM_DESTROYED');
}
/** A timeout or a cancellation says whether the backup was committed: it was not, or it may have been. */
function stoppedBeforeCommit(reason, manifestSent) {
    if (!(reason instanceof src_deadline/* DeadlineExceededError */.Kt || reason instanceof src_deadline/* CancelledError */.cc)) {
        return reason ?? new Error('the backup was stopped');
    }
    const message = manifestSent
        ? `${reason.message} The manifest was being written: the backup may or may not be committed (\`shipkit list\` shows which).`
        : `${reason.message} No backup was committed: no manifest was written.`;
    return reason instanceof src_deadline/* CancelledError */.cc
        ? new src_deadline/* CancelledError */.cc(message, reason.signal)
        : new src_deadline/* DeadlineExceededError */.Kt(message);
}
/** The uncompressed size of every database the user can see; 0 when the server will not say. */
async function sourceDataSize(client) {
    try {
        const { databases } = await client
            .db('admin')
            .admin()
            .listDatabases({ nameOnly: true, authorizedDatabases: true });
        let total = 0;
        for (const { name } of databases) {
            if (name === 'local' || name === 'config')
                continue;
            const stats = await client
                .db(name)
                .stats()
                .catch(() => undefined);
            total += Number(stats?.dataSize ?? 0);
        }
        return total;
    }
    catch {
        return 0;
    }
}

;// CONCATENATED MODULE: ../../packages/backup/src/parts.ts














/**
 * A backup in parts, for a database that outgrows one runner: `plan` reads the catalogue once and
 * deals whole collections and `_id` ranges to N parts; each `part` (any order, any machine, re-run at
 * will) writes a self-contained mongodump archive and then its record; `finalize` checks every part
 * against its record and writes manifest.json last. Until then the backup is incomplete, as always.
 */
const compression = schemas/* enum */.k5n(['zstd', 'gzip', 'none']);
const isoTime = iso/* datetime */.w$();
const ejsonObject = schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J());
const PLAN_FORMAT_VERSION = 1;
const planSchema = schemas/* object */.Ikc({
    formatVersion: schemas/* literal */.euz(PLAN_FORMAT_VERSION),
    backupId: ids/* backupIdSchema */.T,
    /** When the catalogue was read: the backup's `startedAt`. */
    plannedAt: isoTime,
    tool: schemas/* object */.Ikc({ name: schemas/* string */.YjP(), version: schemas/* string */.YjP() }).strict(),
    source: schemas/* object */.Ikc({
        serverVersion: schemas/* string */.YjP(),
        topology: schemas/* enum */.k5n(['standalone', 'replicaSet', 'sharded', 'unknown']),
        flavor: schemas/* string */.YjP().optional(),
        databases: schemas/* array */.YOg(schemas/* string */.YjP()),
    })
        .strict(),
    settings: schemas/* object */.Ikc({
        include: schemas/* array */.YOg(schemas/* string */.YjP()),
        exclude: schemas/* array */.YOg(schemas/* string */.YjP()),
        compression,
        compressionLevel: schemas/* number */.aig().int().optional(),
        recipients: schemas/* array */.YOg(schemas/* string */.YjP().regex(/^age1[0-9a-z]+$/)),
    })
        .strict(),
    namespaces: schemas/* array */.YOg(schemas/* object */.Ikc({
        db: schemas/* string */.YjP().min(1),
        collection: schemas/* string */.YjP().min(1),
        type: schemas/* enum */.k5n(['collection', 'view', 'timeseries']),
        dataCollection: schemas/* string */.YjP().optional(),
        capped: schemas/* boolean */.zMY(),
        options: ejsonObject,
        indexes: schemas/* array */.YOg(ejsonObject),
        uuid: schemas/* string */.YjP().optional(),
        estimatedCount: schemas/* number */.aig().nonnegative(),
        estimatedBytes: schemas/* number */.aig().nonnegative(),
    })
        .strict()),
    parts: schemas/* array */.YOg(schemas/* object */.Ikc({
        part: schemas/* number */.aig().int().min(1).max(MAX_PARTS),
        estimatedBytes: schemas/* number */.aig().nonnegative(),
        units: schemas/* array */.YOg(schemas/* object */.Ikc({
            db: schemas/* string */.YjP(),
            collection: schemas/* string */.YjP(),
            filter: ejsonObject,
            estimatedBytes: schemas/* number */.aig().nonnegative(),
        })
            .strict()),
    })
        .strict())
        .min(1)
        .max(MAX_PARTS),
})
    .strict();
const PART_RECORD_FORMAT_VERSION = 1;
/** What a part wrote, written after its archive: finalize trusts nothing else. */
const partRecordSchema = schemas/* object */.Ikc({
    formatVersion: schemas/* literal */.euz(PART_RECORD_FORMAT_VERSION),
    backupId: ids/* backupIdSchema */.T,
    part: schemas/* number */.aig().int().min(1).max(MAX_PARTS),
    parts: schemas/* number */.aig().int().min(1).max(MAX_PARTS),
    startedAt: isoTime,
    finishedAt: isoTime,
    tool: schemas/* object */.Ikc({ name: schemas/* string */.YjP(), version: schemas/* string */.YjP() }).strict(),
    archive: schemas/* object */.Ikc({
        key: schemas/* string */.YjP(),
        compression,
        size: schemas/* number */.aig().int().nonnegative(),
        sha256: ids/* hex64 */._,
    })
        .strict(),
    namespaces: schemas/* array */.YOg(partNamespaceSchema),
})
    .strict();
/** Runs `work` with the run's deadline and storage, closing both however it ends. */
async function withStorage(run, options, deps, work) {
    const deadline = new src_deadline/* Deadline */.B2({
        run,
        ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }),
        ...(deps.signal && { signal: deps.signal }),
    });
    const storage = deps.storage ??
        openStorage(options.destination, { s3: options.storage ?? {}, logger: deps.logger, deadline });
    try {
        return await deadline.bound(work(storage, deadline));
    }
    finally {
        if (!deps.storage)
            await storage.close();
        deadline.dispose();
    }
}
/** Reads the catalogue once and writes `<backup-id>/plan.json`; no data is read yet. */
async function runPlan(options, deps) {
    const compressionChoice = options.compression ?? codec/* DEFAULT_COMPRESSION */.XC;
    const recipients = options.recipients ?? [];
    (0,codec/* checkCompressionLevel */.JR)(compressionChoice, options.compressionLevel);
    (0,codec/* checkRecipients */.$I)(recipients);
    if (!Number.isInteger(options.parts) || options.parts < 1 || options.parts > MAX_PARTS) {
        throw new options_errors/* OptionError */.eR('parts', `must be a whole number from 1 to ${MAX_PARTS}, got ${options.parts}.`);
    }
    const now = deps.now ?? (() => new Date());
    return withStorage('backup plan', options, deps, async (storage, deadline) => {
        for await (const _ of storage.list(''))
            break;
        const client = await connect(options.uri, {
            ...(options.connectTimeoutMs !== undefined && { timeoutMs: options.connectTimeoutMs }),
            deadline,
        });
        try {
            const plannedAt = now();
            const split = await planSplit({
                client,
                parts: options.parts,
                include: options.include ?? [],
                exclude: options.exclude ?? [],
                signal: deadline.signal,
                logger: deps.logger,
            });
            const backupId = (0,layout/* newBackupId */._H)(plannedAt);
            const plan = planSchema.parse({
                formatVersion: PLAN_FORMAT_VERSION,
                backupId,
                plannedAt: plannedAt.toISOString(),
                tool: src_tool/* TOOL */.j,
                source: {
                    serverVersion: split.server.serverVersion,
                    topology: split.server.topology,
                    ...(split.server.flavor ? { flavor: split.server.flavor } : {}),
                    databases: split.databases,
                },
                settings: {
                    include: options.include ?? [],
                    exclude: options.exclude ?? [],
                    compression: compressionChoice,
                    ...(options.compressionLevel === undefined ? {} : { compressionLevel: options.compressionLevel }),
                    recipients,
                },
                namespaces: split.namespaces,
                parts: split.parts,
            });
            const key = `${backupId}/${layout/* PLAN_NAME */._K}`;
            deadline.throwIfStopped();
            await storage.put(key, Buffer.from(`${JSON.stringify(plan, null, 2)}\n`), {
                contentType: 'application/json',
                ifNoneMatch: true,
            });
            const estimatedBytes = plan.parts.map((p) => p.estimatedBytes);
            deps.logger.info(`backup ${backupId}: ${plan.namespaces.length} namespaces in ${plan.parts.length} parts of about ` +
                estimatedBytes.map((b) => (0,format/* formatBytes */.z3)(b)).join(', '));
            return {
                backupId,
                parts: plan.parts.length,
                planUrl: storage.describe(key),
                estimatedBytes,
                matrix: plan.parts.map((p) => p.part),
            };
        }
        finally {
            await disconnect(client);
        }
    });
}
/** The plan of a backup, validated; a missing or broken plan is the user's to fix. */
async function readPlan(storage, backupId) {
    if (!ids/* backupIdSchema */.T.safeParse(backupId).success) {
        throw new options_errors/* OptionError */.eR('backup', `must be a backup id such as 2026-11-25T030000Z-1a2b3c, got '${backupId}'.`);
    }
    const key = `${backupId}/${layout/* PLAN_NAME */._K}`;
    let raw;
    try {
        raw = await (0,consumers_.text)(await storage.get(key));
    }
    catch (error) {
        if (!(error instanceof src_errors/* ObjectNotFoundError */.d_))
            throw error;
        throw new errors/* UserError */.y(`Backup ${backupId} has no plan at ${storage.describe(key)}: run \`shipkit backup plan\` first and pass the backup id it prints.`);
    }
    const parsed = planSchema.safeParse(safeJson(raw));
    if (!parsed.success || parsed.data.backupId !== backupId) {
        const issue = parsed.success ? undefined : parsed.error.issues[0];
        throw new errors/* UserError */.y(`${storage.describe(key)} is not a valid plan for backup ${backupId}` +
            (issue ? `: ${issue.path.join('.') || '(root)'}: ${issue.message}` : ': it names another backup') +
            '.');
    }
    return parsed.data;
}
/**
 * Writes part K: its archive (the standard format, its own prelude, so stock mongorestore reads it
 * alone), then its record. The old record goes first, so a re-run that fails leaves the part missing
 * rather than a record describing another archive; other parts are never touched.
 */
async function runPart(options, deps) {
    const parallelism = options.parallelism ?? rows/* DEFAULT_PARALLELISM */.ri;
    if (!Number.isInteger(parallelism) || parallelism < 1 || parallelism > 64) {
        throw new options_errors/* OptionError */.eR('parallelism', `must be a whole number from 1 to 64, got ${parallelism}.`);
    }
    const now = deps.now ?? (() => new Date());
    return withStorage('backup part', options, deps, async (storage, deadline) => {
        const plan = await readPlan(storage, options.backupId);
        const planned = plan.parts.find((p) => p.part === options.part);
        if (!planned) {
            throw new options_errors/* OptionError */.eR('part', `must be a part of backup ${plan.backupId}: 1 to ${plan.parts.length}, got ${options.part}.`);
        }
        if (await storage.head(`${plan.backupId}/${layout/* MANIFEST_NAME */.ir}`)) {
            throw new errors/* UserError */.y(`Backup ${plan.backupId} is already finalized (it has a manifest): its parts can no longer be written.`);
        }
        const { settings } = plan;
        const recipients = settings.recipients;
        const archiveKey = `${plan.backupId}/${(0,layout/* partArchiveName */.Pp)(options.part, settings.compression, recipients.length > 0)}`;
        const recordKey = `${plan.backupId}/${(0,layout/* partRecordName */.cA)(options.part)}`;
        const assigned = assignedNamespaces(plan.namespaces, planned);
        const client = await connect(options.uri, {
            ...(options.connectTimeoutMs !== undefined && { timeoutMs: options.connectTimeoutMs }),
            deadline,
        });
        try {
            const startedAt = now();
            await storage.delete(recordKey);
            deps.logger.info(`backup ${plan.backupId} part ${options.part}/${plan.parts.length} → ${storage.describe(archiveKey)}`);
            const writer = new ArchiveWriter();
            const stopWriter = () => writer.abort(deadline.reason);
            deadline.signal.addEventListener('abort', stopWriter, { once: true });
            const sha256 = (0,external_node_crypto_.createHash)('sha256');
            let storedBytes = 0;
            const tap = new external_node_stream_.Transform({
                transform(chunk, _encoding, done) {
                    sha256.update(chunk);
                    storedBytes += chunk.length;
                    done(null, chunk);
                },
            });
            const compressed = writer.stream.pipe((0,codec/* compressStream */.fR)(settings.compression, settings.compressionLevel));
            writer.stream.on('error', (error) => compressed.destroy(error));
            const sealed = recipients.length > 0 ? await (0,codec/* encryptStream */.UO)(compressed, recipients) : compressed;
            const stored = (0,promises_.pipeline)(sealed, tap);
            const upload = storage.put(archiveKey, tap, { contentType: 'application/octet-stream' });
            const dump = dumpDatabase({
                client,
                assigned,
                parallelism,
                signal: deadline.signal,
                logger: deps.logger,
                toolVersion: `${src_tool/* TOOL */.j.name} ${src_tool/* TOOL */.j.version}`,
            }, writer);
            const [dumped] = await allStages(deadline, [dump, upload, stored]);
            deadline.signal.removeEventListener('abort', stopWriter);
            const record = partRecordSchema.parse({
                formatVersion: PART_RECORD_FORMAT_VERSION,
                backupId: plan.backupId,
                part: options.part,
                parts: plan.parts.length,
                startedAt: startedAt.toISOString(),
                finishedAt: now().toISOString(),
                tool: src_tool/* TOOL */.j,
                archive: {
                    key: archiveKey.slice(plan.backupId.length + 1),
                    compression: settings.compression,
                    size: storedBytes,
                    sha256: sha256.digest('hex'),
                },
                namespaces: dumped.namespaces.map(({ db, collection, count, bytes, crc, contentHash }) => ({
                    db,
                    collection,
                    count,
                    bytes,
                    crc,
                    contentHash,
                })),
            });
            deadline.throwIfStopped();
            await storage.put(recordKey, Buffer.from(`${JSON.stringify(record, null, 2)}\n`), {
                contentType: 'application/json',
            });
            deps.logger.info(`part ${options.part}: ${record.namespaces.reduce((sum, ns) => sum + ns.count, 0)} documents, ` +
                `${(0,format/* formatBytes */.z3)(storedBytes)} stored, SHA-256 ${record.archive.sha256}`);
            return {
                backupId: plan.backupId,
                part: options.part,
                record,
                archiveUrl: storage.describe(archiveKey),
            };
        }
        catch (error) {
            if (!deadline.stopped)
                throw error;
            throw stoppedBeforeCommit(deadline.reason, false);
        }
        finally {
            await disconnect(client);
        }
    });
}
/**
 * Checks every part — its record is there, names this backup and part, and its archive is there at
 * the record's size with the record's SHA-256 (read back) — then writes manifest.json, the commit
 * marker, last. Any missing or inconsistent part fails naming it, and no manifest is written.
 */
async function runFinalize(options, deps) {
    const now = deps.now ?? (() => new Date());
    return withStorage('backup finalize', options, deps, async (storage, deadline) => {
        const plan = await readPlan(storage, options.backupId);
        const { backupId } = plan;
        const manifestKey = `${backupId}/${layout/* MANIFEST_NAME */.ir}`;
        if (await storage.head(manifestKey)) {
            throw new errors/* UserError */.y(`Backup ${backupId} is already finalized: ${storage.describe(manifestKey)} exists.`);
        }
        const sizes = new Map();
        for await (const object of storage.list(`${backupId}/`))
            sizes.set(object.key, object.size);
        const problems = [];
        const archives = [];
        for (const planned of plan.parts) {
            const part = planned.part;
            const checked = await checkPart(storage, plan, part, sizes, deadline.signal);
            if (typeof checked === 'string')
                problems.push(`part ${part}: ${checked}`);
            else
                archives.push(checked);
        }
        if (problems.length > 0) {
            throw new errors/* UserError */.y(`Backup ${backupId} cannot be finalized; no manifest was written. ${problems.join('; ')}. ` +
                'Re-run each part named (shipkit backup part --part K), then finalize again.');
        }
        const compressionChoice = plan.settings.compression;
        const namespaces = plan.namespaces.map((ns) => {
            const summed = sumParts(archives, ns.db, ns.collection);
            return {
                db: ns.db,
                collection: ns.collection,
                type: ns.type,
                ...summed,
                options: ns.options,
                indexes: ns.indexes,
                ...(ns.uuid ? { uuid: ns.uuid } : {}),
            };
        });
        const manifest = manifestSchema.parse({
            formatVersion: MULTI_PART_FORMAT_VERSION,
            backupId,
            startedAt: plan.plannedAt,
            finishedAt: now().toISOString(),
            tool: src_tool/* TOOL */.j,
            source: plan.source,
            settings: {
                include: plan.settings.include,
                exclude: plan.settings.exclude,
                compression: compressionChoice,
                ...(plan.settings.compressionLevel === undefined
                    ? {}
                    : { compressionLevel: plan.settings.compressionLevel }),
                parallelism: plan.parts.length,
            },
            parts: {
                compression: compressionChoice,
                recipients: plan.settings.recipients,
                plannedAt: plan.plannedAt,
                size: archives.reduce((sum, a) => sum + a.size, 0),
                sha256: partsDigest(archives),
                archives,
            },
            totals: {
                namespaces: namespaces.length,
                documents: namespaces.reduce((sum, ns) => sum + ns.count, 0),
                bytes: namespaces.reduce((sum, ns) => sum + ns.bytes, 0),
            },
            namespaces,
        });
        deadline.throwIfStopped();
        await storage.put(manifestKey, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), {
            contentType: 'application/json',
            ifNoneMatch: true,
        });
        deps.logger.info(`backup ${backupId} committed in ${archives.length} parts: ${storage.describe(manifestKey)}`);
        return { backupId, manifest, manifestUrl: storage.describe(manifestKey) };
    });
}
/** The manifest's entry for one part, or what is wrong with it. */
async function checkPart(storage, plan, part, sizes, signal) {
    const recordName = (0,layout/* partRecordName */.cA)(part);
    const recordKey = `${plan.backupId}/${recordName}`;
    if (!sizes.has(recordKey))
        return `its record ${recordName} is missing (the part never finished)`;
    let raw;
    try {
        raw = await (0,consumers_.text)(await storage.get(recordKey));
    }
    catch (error) {
        if (error instanceof src_errors/* ObjectNotFoundError */.d_)
            return `its record ${recordName} is missing`;
        throw error;
    }
    const parsed = partRecordSchema.safeParse(safeJson(raw));
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return `its record ${recordName} is not valid: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`;
    }
    const record = parsed.data;
    if (record.backupId !== plan.backupId || record.part !== part || record.parts !== plan.parts.length) {
        return `its record ${recordName} describes part ${record.part}/${record.parts} of backup ${record.backupId}`;
    }
    const expectedKey = (0,layout/* partArchiveName */.Pp)(part, plan.settings.compression, plan.settings.recipients.length > 0);
    if (record.archive.key !== expectedKey || record.archive.compression !== plan.settings.compression) {
        return `its record names the archive ${record.archive.key}, expected ${expectedKey}`;
    }
    const archiveKey = `${plan.backupId}/${expectedKey}`;
    const size = sizes.get(archiveKey);
    if (size === undefined)
        return `its archive ${expectedKey} is missing`;
    if (size !== record.archive.size) {
        return `its archive ${expectedKey} is ${size} bytes, its record says ${record.archive.size}`;
    }
    const digest = (0,external_node_crypto_.createHash)('sha256');
    for await (const chunk of await storage.get(archiveKey)) {
        signal.throwIfAborted();
        digest.update(chunk);
    }
    const sha256 = digest.digest('hex');
    if (sha256 !== record.archive.sha256) {
        return `its archive ${expectedKey} has SHA-256 ${sha256}, its record says ${record.archive.sha256} (changed after it was written)`;
    }
    const planned = new Set(plan.parts.find((p) => p.part === part)?.units.map((u) => `${u.db}.${u.collection}`) ?? []);
    const held = new Set(record.namespaces.map((ns) => `${ns.db}.${ns.collection}`));
    if (planned.size !== held.size || [...planned].some((ns) => !held.has(ns))) {
        return `its record holds ${[...held].join(', ') || 'nothing'}, the plan gave it ${[...planned].join(', ') || 'nothing'}`;
    }
    return {
        part,
        key: expectedKey,
        size,
        sha256,
        record: recordName,
        recordSha256: (0,external_node_crypto_.createHash)('sha256').update(raw).digest('hex'),
        startedAt: record.startedAt,
        finishedAt: record.finishedAt,
        namespaces: record.namespaces,
    };
}
function safeJson(raw) {
    try {
        return JSON.parse(raw);
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ../../packages/backup/src/index.ts













/** zstd streams of several frames: decompressed frame by frame, several at once. */



/***/ }),

/***/ 2352:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   qq: () => (/* binding */ silentLogger)
/* harmony export */ });
/* unused harmony exports streamLogger, MemoryLogger */
const silentLogger = { info() { }, warn() { }, error() { }, debug() { } };
/** A logger that writes lines to a stream after removing secrets. */
function streamLogger(write, redact = (t) => t, debug = false) {
    const line = (prefix) => (message) => write(redact(`${prefix}${message}`));
    return {
        info: line(''),
        warn: line('warning: '),
        error: line('error: '),
        debug: debug ? line('debug: ') : () => { },
    };
}
/** Lines kept in memory, for tests. */
class MemoryLogger {
    lines = [];
    info(message) {
        this.lines.push(message);
    }
    warn(message) {
        this.lines.push(`warning: ${message}`);
    }
    error(message) {
        this.lines.push(`error: ${message}`);
    }
    debug(message) {
        this.lines.push(`debug: ${message}`);
    }
    get text() {
        return this.lines.join('\n');
    }
}


/***/ }),

/***/ 1400:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Mb: () => (/* binding */ DestinationWriteError),
/* harmony export */   d_: () => (/* binding */ ObjectNotFoundError),
/* harmony export */   j0: () => (/* binding */ RetainedByLockError),
/* harmony export */   qs: () => (/* binding */ ObjectExistsError)
/* harmony export */ });
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6631);

/** The object is protected by Object Lock (retention or legal hold): prune reports it as "retained by lock". */
class RetainedByLockError extends _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y {
    key;
    url;
    name = 'RetainedByLockError';
    constructor(key, url, detail) {
        super(`${url} is retained by Object Lock and cannot be deleted yet (${detail}).`);
        this.key = key;
        this.url = url;
    }
}
/** A conditional put found the key already there: another run (or an earlier one) wrote it. */
class ObjectExistsError extends _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y {
    key;
    url;
    name = 'ObjectExistsError';
    constructor(key, url) {
        super(`${url} already exists, so it was not replaced; another run may be writing the same backup.`);
        this.key = key;
        this.url = url;
    }
}
class ObjectNotFoundError extends _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y {
    key;
    url;
    name = 'ObjectNotFoundError';
    constructor(key, url) {
        super(`${url} does not exist.`);
        this.key = key;
        this.url = url;
    }
}
const REMEDIES = {
    full: 'Free space there (or raise its quota), or choose another destination.',
    'too-large': "Raise the store's object size limit (or its part size), or choose another destination.",
    'read-only': 'Make it writable (mount it read-write), or choose another destination.',
    'not-writable': 'Give the user (or the storage credentials) running shipkit permission to write there, or choose another destination.',
};
const STATES = {
    full: 'is full',
    'too-large': 'refuses an object this large',
    'read-only': 'is read-only',
    'not-writable': 'is not writable',
};
/**
 * A destination that cannot take a write: full, read-only, not writable, or refusing the object's size.
 * The one place that words these for every backend (file:// errno codes, S3 error codes), naming the
 * destination by its URL, which never holds credentials.
 */
class DestinationWriteError extends _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y {
    kind;
    destination;
    key;
    detail;
    name = 'DestinationWriteError';
    constructor(kind, 
    /** The destination's URL, e.g. `file:///backups` or `s3://bucket/prefix`. */
    destination, 
    /** What was being written, relative to the destination. */
    key, 
    /** The store's own word for it, e.g. `no space left on device, ENOSPC` or `AccessDenied, HTTP 403`. */
    detail) {
        super(`The destination ${destination} ${STATES[kind]} (${detail}) while writing ${key}. ${REMEDIES[kind]}`);
        this.kind = kind;
        this.destination = destination;
        this.key = key;
        this.detail = detail;
    }
}


/***/ }),

/***/ 139:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ID: () => (/* binding */ joinKey),
/* harmony export */   NJ: () => (/* binding */ checkListPrefix),
/* harmony export */   yR: () => (/* binding */ checkKey)
/* harmony export */ });
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6631);
/* harmony import */ var _url__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1094);


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

/***/ 2582:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B$: () => (/* binding */ checkKmsKey),
/* harmony export */   CT: () => (/* binding */ DEFAULT_PARTS_IN_FLIGHT),
/* harmony export */   jq: () => (/* binding */ checkPartSize),
/* harmony export */   kz: () => (/* binding */ MAX_PARTS),
/* harmony export */   oV: () => (/* binding */ partSizeFor)
/* harmony export */ });
/* unused harmony exports MIN_PART_SIZE, MAX_PART_SIZE, DEFAULT_PART_SIZE */
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6631);

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

/***/ 1094:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EZ: () => (/* binding */ formatStorageUrl),
/* harmony export */   Yu: () => (/* binding */ parseStorageUrl),
/* harmony export */   vz: () => (/* binding */ badSegment)
/* harmony export */ });
/* unused harmony export ACCEPTED_STORAGE_URLS */
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_url__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6631);


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
