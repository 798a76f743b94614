export const id = 605;
export const ids = [605];
export const modules = {

/***/ 4456:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   u: () => (/* binding */ ArchiveWriter)
/* harmony export */ });
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var bson__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(320);
/* harmony import */ var _crc64__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7983);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1336);
/* harmony import */ var _format__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9620);





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
        this.stream = new node_stream__WEBPACK_IMPORTED_MODULE_0__.Readable({
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
                throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .ArchiveFormatError */ .Y('archive writer: begin() was already called');
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
                throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .ArchiveFormatError */ .Y(`archive writer: ${state.name} is a view and cannot have documents`, {
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
                throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .ArchiveFormatError */ .Y('archive writer: endUnwrittenNamespaces() called before begin()');
            if (this.#finishing) {
                throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .ArchiveFormatError */ .Y('archive writer: endUnwrittenNamespaces() called after finish()');
            }
            const parts = [];
            for (const state of this.#dataNamespaces) {
                if (!state.hasSegment && !(0,_format__WEBPACK_IMPORTED_MODULE_3__/* .isOplog */ .y8)(state.ns))
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
                throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .ArchiveFormatError */ .Y('archive writer: finish() called before begin()');
            if (this.#finishing)
                throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .ArchiveFormatError */ .Y('archive writer: finish() was already called');
            const unended = this.#dataNamespaces.filter((state) => state.hasSegment && !state.closed);
            if (unended.length > 0) {
                const error = new _errors__WEBPACK_IMPORTED_MODULE_2__/* .ArchiveFormatError */ .Y(`archive writer: finish() called while ${unended.map((s) => s.name).join(', ')} ` +
                    'had been written to but not ended with endNamespace()', { namespace: unended[0].name });
                this.stream.destroy(error);
                throw error;
            }
            const parts = [];
            const remaining = this.#dataNamespaces.filter((state) => !state.closed);
            const ordered = [...remaining.filter((s) => !(0,_format__WEBPACK_IMPORTED_MODULE_3__/* .isOplog */ .y8)(s.ns)), ...remaining.filter((s) => (0,_format__WEBPACK_IMPORTED_MODULE_3__/* .isOplog */ .y8)(s.ns))];
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
        const version = header.version ?? _format__WEBPACK_IMPORTED_MODULE_3__/* .ARCHIVE_VERSION */ .gG;
        if (version !== _format__WEBPACK_IMPORTED_MODULE_3__/* .ARCHIVE_VERSION */ .gG) {
            throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .ArchiveFormatError */ .Y(`archive writer: version must be "${_format__WEBPACK_IMPORTED_MODULE_3__/* .ARCHIVE_VERSION */ .gG}", got "${version}"`);
        }
        const concurrency = header.concurrent_collections;
        if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 0x7fffffff) {
            throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .ArchiveFormatError */ .Y(`archive writer: concurrent_collections must be a positive int32, got ${concurrency}`);
        }
        const chunks = [
            _format__WEBPACK_IMPORTED_MODULE_3__/* .ARCHIVE_MAGIC */ .rb,
            bson__WEBPACK_IMPORTED_MODULE_1__/* .BSON */ .lj.serialize({
                concurrent_collections: new bson__WEBPACK_IMPORTED_MODULE_1__/* .Int32 */ .P_(concurrency),
                version,
                server_version: String(header.server_version),
                tool_version: String(header.tool_version),
            }),
        ];
        const listed = new Set();
        for (const entry of prelude.namespaces) {
            const ns = { db: entry.db, collection: entry.collection };
            const name = (0,_format__WEBPACK_IMPORTED_MODULE_3__/* .namespaceName */ .dz)(ns);
            const key = (0,_format__WEBPACK_IMPORTED_MODULE_3__/* .namespaceKey */ .jU)(ns);
            if (listed.has(key))
                throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .ArchiveFormatError */ .Y(`archive writer: ${name} is listed twice`);
            listed.add(key);
            if (!_format__WEBPACK_IMPORTED_MODULE_3__/* .NAMESPACE_TYPES */ .mF.includes(entry.type)) {
                throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .ArchiveFormatError */ .Y(`archive writer: ${name} has unknown type "${entry.type}"`);
            }
            if (!(0,_format__WEBPACK_IMPORTED_MODULE_3__/* .isOplog */ .y8)(ns) && (ns.db === '' || ns.collection === '' || ns.db.includes('.'))) {
                throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .ArchiveFormatError */ .Y(`archive writer: "${name}" is not a valid namespace`);
            }
            const metadata = serializeMetadata(entry, name);
            chunks.push(bson__WEBPACK_IMPORTED_MODULE_1__/* .BSON */ .lj.serialize({
                db: ns.db,
                collection: ns.collection,
                metadata,
                size: new bson__WEBPACK_IMPORTED_MODULE_1__/* .Int32 */ .P_(0),
                type: entry.type,
            }));
            let dataNs = ns;
            if (entry.type === 'timeseries' && this.#timeseriesAsBuckets) {
                dataNs = { db: ns.db, collection: _format__WEBPACK_IMPORTED_MODULE_3__/* .BUCKETS_PREFIX */ .p8 + ns.collection };
                this.#redirects.set(key, `write time-series data to ${(0,_format__WEBPACK_IMPORTED_MODULE_3__/* .namespaceName */ .dz)(dataNs)}`);
            }
            this.#addDataNamespace(dataNs, entry.type === 'view');
        }
        chunks.push(_format__WEBPACK_IMPORTED_MODULE_3__/* .TERMINATOR */ .Qz);
        return Buffer.concat(chunks);
    }
    #addDataNamespace(ns, isView) {
        const key = (0,_format__WEBPACK_IMPORTED_MODULE_3__/* .namespaceKey */ .jU)(ns);
        if (this.#states.has(key)) {
            throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .ArchiveFormatError */ .Y(`archive writer: ${(0,_format__WEBPACK_IMPORTED_MODULE_3__/* .namespaceName */ .dz)(ns)} is both listed and a time-series bucket`);
        }
        const state = {
            ns,
            name: (0,_format__WEBPACK_IMPORTED_MODULE_3__/* .namespaceName */ .dz)(ns),
            hasSegment: false,
            closed: false,
            stats: { db: ns.db, collection: ns.collection, count: 0, bytes: 0, crc: 0n, closed: false },
            crc: new _crc64__WEBPACK_IMPORTED_MODULE_4__/* .Crc64 */ .Vl(),
            isView,
        };
        this.#states.set(key, state);
        this.#dataNamespaces.push(state);
    }
    /** Finds the namespace a write goes to and checks the ordering rules for it. */
    #dataState(nsLike, method) {
        if (!this.#begun)
            throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .ArchiveFormatError */ .Y(`archive writer: ${method}() called before begin()`);
        if (this.#finishing)
            throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .ArchiveFormatError */ .Y(`archive writer: ${method}() called after finish()`);
        const ns = (0,_format__WEBPACK_IMPORTED_MODULE_3__/* .toNamespace */ .tL)(nsLike);
        const key = (0,_format__WEBPACK_IMPORTED_MODULE_3__/* .namespaceKey */ .jU)(ns);
        const name = (0,_format__WEBPACK_IMPORTED_MODULE_3__/* .namespaceName */ .dz)(ns);
        const state = this.#states.get(key);
        if (!state) {
            const redirect = this.#redirects.get(key);
            throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .ArchiveFormatError */ .Y(redirect
                ? `archive writer: ${name} is a time-series collection; ${redirect}`
                : `archive writer: ${name} is not listed in the prelude`, { namespace: name });
        }
        if (state.closed) {
            throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .ArchiveFormatError */ .Y(`archive writer: ${name} was already ended; a namespace cannot reappear`, {
                namespace: name,
            });
        }
        if ((0,_format__WEBPACK_IMPORTED_MODULE_3__/* .isOplog */ .y8)(ns)) {
            const open = this.#dataNamespaces.filter((s) => !s.closed && !(0,_format__WEBPACK_IMPORTED_MODULE_3__/* .isOplog */ .y8)(s.ns));
            if (open.length > 0) {
                throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .ArchiveFormatError */ .Y(`archive writer: the oplog must come last, but ${open.map((s) => s.name).join(', ')} ` +
                    'not ended yet (call endNamespace() for them first, views and empty collections included)', { namespace: name });
            }
        }
        else if (this.#oplogStarted) {
            throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .ArchiveFormatError */ .Y(`archive writer: ${name} cannot be written after the oplog`, {
                namespace: name,
            });
        }
        return state;
    }
    #planSegment(state, parts) {
        if (this.#openSegment === state)
            return;
        if (this.#openSegment)
            parts.push({ kind: 'bytes', bytes: _format__WEBPACK_IMPORTED_MODULE_3__/* .TERMINATOR */ .Qz });
        parts.push({ kind: 'segment', state });
        this.#openSegment = state;
        state.hasSegment = true;
        if ((0,_format__WEBPACK_IMPORTED_MODULE_3__/* .isOplog */ .y8)(state.ns))
            this.#oplogStarted = true;
    }
    #planEnd(state) {
        const parts = [];
        if (!state.hasSegment)
            this.#planSegment(state, parts);
        if (this.#openSegment)
            parts.push({ kind: 'bytes', bytes: _format__WEBPACK_IMPORTED_MODULE_3__/* .TERMINATOR */ .Qz });
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
                return this.#append(_format__WEBPACK_IMPORTED_MODULE_3__/* .TERMINATOR */ .Qz);
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
    const header = bson__WEBPACK_IMPORTED_MODULE_1__/* .BSON */ .lj.serialize({
        db: ns.db,
        collection: ns.collection,
        EOF: eof,
        CRC: bson__WEBPACK_IMPORTED_MODULE_1__/* .Long */ .v2.fromBigInt(BigInt.asIntN(64, crc)),
    });
    return Buffer.from(header.buffer, header.byteOffset, header.byteLength);
}
function serializeMetadata(entry, name) {
    const { metadata } = entry;
    if (typeof metadata === 'string') {
        if (metadata === '') {
            if ((0,_format__WEBPACK_IMPORTED_MODULE_3__/* .isOplog */ .y8)(entry))
                return metadata;
            throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .ArchiveFormatError */ .Y(`archive writer: ${name} has empty metadata (only the oplog may)`);
        }
        try {
            bson__WEBPACK_IMPORTED_MODULE_1__/* .EJSON */ .On.parse(metadata, { relaxed: false });
        }
        catch (error) {
            throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .ArchiveFormatError */ .Y(`archive writer: metadata of ${name} is not valid Extended JSON: ${error.message}`);
        }
        return metadata;
    }
    const ordered = { options: metadata.options, indexes: metadata.indexes };
    if (metadata.uuid !== undefined) {
        if (!/^[0-9a-f]{32}$/.test(metadata.uuid)) {
            throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .ArchiveFormatError */ .Y(`archive writer: uuid of ${name} must be 32 lowercase hex digits`);
        }
        ordered.uuid = metadata.uuid;
    }
    ordered.collectionName = metadata.collectionName;
    ordered.type = metadata.type;
    return bson__WEBPACK_IMPORTED_MODULE_1__/* .EJSON */ .On.stringify(ordered, { relaxed: false });
}
function checkDocument(doc, index, name) {
    const problem = (what) => new _errors__WEBPACK_IMPORTED_MODULE_2__/* .ArchiveFormatError */ .Y(`archive writer: document #${index} for ${name} ${what}`, { namespace: name });
    if (!(doc instanceof Uint8Array))
        throw problem('is not a Buffer or Uint8Array of raw BSON');
    const size = doc.byteLength;
    if (size < _format__WEBPACK_IMPORTED_MODULE_3__/* .MIN_DOCUMENT_SIZE */ .r8 || size > _format__WEBPACK_IMPORTED_MODULE_3__/* .MAX_DOCUMENT_SIZE */ .bJ) {
        throw problem(`has ${size} bytes; a BSON document has ${_format__WEBPACK_IMPORTED_MODULE_3__/* .MIN_DOCUMENT_SIZE */ .r8}..${_format__WEBPACK_IMPORTED_MODULE_3__/* .MAX_DOCUMENT_SIZE */ .bJ}`);
    }
    const declared = doc[0] | (doc[1] << 8) | (doc[2] << 16) | (doc[3] << 24);
    if (declared !== size)
        throw problem(`declares ${declared} bytes but has ${size}`);
    if (doc[size - 1] !== 0)
        throw problem('does not end with 0x00');
}


/***/ }),

/***/ 3074:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ guardAgainstCollapse),
/* harmony export */   q: () => (/* binding */ acknowledgeAnomaly)
/* harmony export */ });
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3422);
/* harmony import */ var _anomaly__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4678);
/* harmony import */ var _catalog__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3384);



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
        const entries = await (0,_catalog__WEBPACK_IMPORTED_MODULE_0__/* .listBackups */ .Cw)(storage);
        previous = entries.find((e) => e.complete && e.id < manifest.backupId && e.manifest && (0,_anomaly__WEBPACK_IMPORTED_MODULE_1__/* .isSameSource */ .E6)(e.manifest, manifest))?.manifest;
    }
    catch (error) {
        options.logger.warn(`could not compare with the previous backup: ${(0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .g)(error)}`);
        return undefined;
    }
    if (!previous)
        return undefined;
    const found = (0,_anomaly__WEBPACK_IMPORTED_MODULE_1__/* .findAnomaly */ .Ho)(previous, manifest, options.dropPercent);
    if (!found)
        return undefined;
    const anomaly = options.accept ? { ...found, acceptedAt: options.now.toISOString() } : found;
    const words = (0,_anomaly__WEBPACK_IMPORTED_MODULE_1__/* .describeAnomaly */ .Ng)(anomaly);
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
    const { entry } = await (0,_catalog__WEBPACK_IMPORTED_MODULE_0__/* .resolveBackup */ .p2)(storage, backupId);
    if (entry.state === 'damaged') {
        throw new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .y(`Backup ${backupId} is damaged (${entry.damage.join('; ')}); there is nothing to acknowledge.`);
    }
    if (!entry.anomaly || !entry.manifestSha256) {
        throw new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .y(`Backup ${backupId} records no anomaly: its data did not collapse, there is nothing to acknowledge.`);
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
    await storage.put(`${backupId}/${_anomaly__WEBPACK_IMPORTED_MODULE_1__/* .ANOMALY_ACK_NAME */ .Qm}`, Buffer.from(`${JSON.stringify(record, null, 2)}\n`), {
        contentType: 'application/json',
    });
    return { backupId, anomaly: entry.anomaly, acknowledgedAt: record.acknowledgedAt, already: false };
}


/***/ }),

/***/ 2605:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dk: () => (/* binding */ allStages),
/* harmony export */   Q3: () => (/* binding */ runBackup),
/* harmony export */   yC: () => (/* binding */ stoppedBeforeCommit)
/* harmony export */ });
/* unused harmony export sourceDataSize */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _shipkit_archive__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(4456);
/* harmony import */ var _shipkit_mongo__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(7158);
/* harmony import */ var _shipkit_mongo__WEBPACK_IMPORTED_MODULE_17__ = __webpack_require__(3592);
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8463);
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(673);
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3181);
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_15__ = __webpack_require__(6306);
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_16__ = __webpack_require__(6546);
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_19__ = __webpack_require__(770);
/* harmony import */ var _shipkit_storage__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(6403);
/* harmony import */ var _shipkit_storage__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(4869);
/* harmony import */ var _anomaly__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(4678);
/* harmony import */ var _codec__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3957);
/* harmony import */ var _guard__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(3074);
/* harmony import */ var _layout__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(9053);
/* harmony import */ var _manifest__WEBPACK_IMPORTED_MODULE_20__ = __webpack_require__(8410);
/* harmony import */ var _prune__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(3931);
/* harmony import */ var _tool__WEBPACK_IMPORTED_MODULE_18__ = __webpack_require__(6477);














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
    const compression = options.compression ?? _codec__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_COMPRESSION */ .XC;
    const recipients = options.recipients ?? [];
    const parallelism = options.parallelism ?? _shipkit_runtime__WEBPACK_IMPORTED_MODULE_4__/* .DEFAULT_PARALLELISM */ .ri;
    (0,_codec__WEBPACK_IMPORTED_MODULE_3__/* .checkCompressionLevel */ .JR)(compression, options.compressionLevel);
    (0,_codec__WEBPACK_IMPORTED_MODULE_3__/* .checkRecipients */ .$I)(recipients);
    if (!Number.isInteger(parallelism) || parallelism < 1 || parallelism > 64) {
        throw new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_5__/* .OptionError */ .eR('parallelism', `must be a whole number from 1 to 64, got ${parallelism}.`);
    }
    const deadline = new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_6__/* .Deadline */ .B2({
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
    const open = (s3) => (0,_shipkit_storage__WEBPACK_IMPORTED_MODULE_7__/* .openStorage */ .G)(options.destination, { s3: s3 ?? {}, logger, deadline });
    const started = now();
    const commit = { state: 'not-started' };
    try {
        // Reach the destination (bucket exists, credentials work) before connecting to the source.
        storage ??= open(options.storage);
        for await (const _ of storage.list(''))
            break;
        const client = await (0,_shipkit_mongo__WEBPACK_IMPORTED_MODULE_8__/* .connect */ .Ng)(options.uri, {
            ...(options.connectTimeoutMs !== undefined && { timeoutMs: options.connectTimeoutMs }),
            deadline,
            logger,
        });
        try {
            if (!deps.storage && options.storage?.partSize === undefined && storage.location.kind === 's3') {
                // A fixed part size sized to the data keeps upload memory small (a 1 TiB-ready part is 105 MiB).
                const partSize = (0,_shipkit_storage__WEBPACK_IMPORTED_MODULE_9__/* .partSizeFor */ .oV)(Math.max(2 * (await sourceDataSize(client)), 8 * 2 ** 30));
                await storage.close();
                storage = open({ ...options.storage, partSize });
            }
            const store = storage;
            const backupId = (0,_layout__WEBPACK_IMPORTED_MODULE_10__/* .newBackupId */ ._H)(started);
            const archive = (0,_layout__WEBPACK_IMPORTED_MODULE_10__/* .archiveName */ .uv)(settings.compression, settings.recipients.length > 0);
            const keys = (0,_layout__WEBPACK_IMPORTED_MODULE_10__/* .backupKeys */ .F1)(backupId, archive);
            logger.info(`backup ${backupId} → ${store.describe(keys.archive)}`);
            const streamed = await streamArchive(client, store, keys.archive, options, settings, deadline, logger);
            const finished = now();
            const built = buildManifest({ backupId, started, finished, archive, options, settings }, streamed);
            // Compared with the previous backup before the commit: the anomaly is committed with it or not at all.
            const anomaly = await (0,_guard__WEBPACK_IMPORTED_MODULE_11__/* .guardAgainstCollapse */ ._)(store, built, {
                dropPercent: options.anomalyDropPercent ?? _anomaly__WEBPACK_IMPORTED_MODULE_12__/* .DEFAULT_ANOMALY_DROP_PERCENT */ .ux,
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
                result.prune = await (0,_prune__WEBPACK_IMPORTED_MODULE_13__/* .prune */ .R)(store, { policy: options.retention, now: now(), logger });
            }
            return result;
        }
        finally {
            await (0,_shipkit_mongo__WEBPACK_IMPORTED_MODULE_8__/* .disconnect */ .Zf)(client);
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
    const writer = new _shipkit_archive__WEBPACK_IMPORTED_MODULE_14__/* .ArchiveWriter */ .u();
    const stopWriter = () => writer.abort(deadline.reason);
    deadline.signal.addEventListener('abort', stopWriter, { once: true });
    const sha256 = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    let storedBytes = 0;
    const tap = new node_stream__WEBPACK_IMPORTED_MODULE_1__.Transform({
        transform(chunk, _encoding, done) {
            sha256.update(chunk);
            storedBytes += chunk.length;
            done(null, chunk);
        },
    });
    const compressed = writer.stream.pipe((0,_codec__WEBPACK_IMPORTED_MODULE_3__/* .compressStream */ .fR)(compression, options.compressionLevel));
    writer.stream.on('error', (error) => compressed.destroy(error));
    const sealed = recipients.length > 0 ? await (0,_codec__WEBPACK_IMPORTED_MODULE_3__/* .encryptStream */ .UO)(compressed, recipients) : compressed;
    const stored = (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_2__.pipeline)(sealed, tap);
    const upload = store.put(key, tap, { contentType: 'application/octet-stream' });
    const memory = new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_15__/* .MemoryKeeper */ .g();
    const progress = new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_16__/* .ProgressReporter */ .P({
        label: 'backup',
        log: (line) => logger.info(line),
        intervalMs: options.progressIntervalMs ?? 10_000,
    });
    const onPlan = (plan) => {
        logger.info(`${plan.namespaces} namespaces, about ${plan.documents} documents`);
        progress.setTotals({ documents: plan.documents, ...(plan.bytes > 0 ? { bytes: plan.bytes } : {}) });
    };
    const dump = (0,_shipkit_mongo__WEBPACK_IMPORTED_MODULE_17__/* .dumpDatabase */ .m)({
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
        toolVersion: `${_tool__WEBPACK_IMPORTED_MODULE_18__/* .TOOL */ .j.name} ${_tool__WEBPACK_IMPORTED_MODULE_18__/* .TOOL */ .j.version}`,
    }, writer);
    const [dumped, put] = await allStages(deadline, [dump, upload, stored]);
    deadline.signal.removeEventListener('abort', stopWriter);
    progress.done();
    const digest = sha256.digest('hex');
    logger.info(`archive stored: ${(0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_19__/* .formatBytes */ .z3)(storedBytes)} in ${put.parts} part${put.parts === 1 ? '' : 's'}, SHA-256 ${digest}`);
    return { dumped, storedBytes, sha256: digest };
}
/** The manifest of a stored archive (pure). */
function buildManifest(run, { dumped, storedBytes, sha256 }) {
    const { options, settings } = run;
    return _manifest__WEBPACK_IMPORTED_MODULE_20__/* .manifestSchema */ .rc.parse({
        formatVersion: _manifest__WEBPACK_IMPORTED_MODULE_20__/* .MANIFEST_FORMAT_VERSION */ .VK,
        backupId: run.backupId,
        startedAt: run.started.toISOString(),
        finishedAt: run.finished.toISOString(),
        tool: _tool__WEBPACK_IMPORTED_MODULE_18__/* .TOOL */ .j,
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
    if (!(reason instanceof _shipkit_runtime__WEBPACK_IMPORTED_MODULE_6__/* .DeadlineExceededError */ .Kt || reason instanceof _shipkit_runtime__WEBPACK_IMPORTED_MODULE_6__/* .CancelledError */ .cc)) {
        return reason ?? new Error('the backup was stopped');
    }
    const message = manifestSent
        ? `${reason.message} The manifest was being written: the backup may or may not be committed (\`shipkit list\` shows which).`
        : `${reason.message} No backup was committed: no manifest was written.`;
    return reason instanceof _shipkit_runtime__WEBPACK_IMPORTED_MODULE_6__/* .CancelledError */ .cc
        ? new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_6__/* .CancelledError */ .cc(message, reason.signal)
        : new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_6__/* .DeadlineExceededError */ .Kt(message);
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


/***/ }),

/***/ 3931:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  R: () => (/* binding */ prune)
});

;// CONCATENATED MODULE: ../retention/src/periods.ts
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

// EXTERNAL MODULE: ../retention/src/policy.ts
var src_policy = __webpack_require__(7337);
;// CONCATENATED MODULE: ../retention/src/plan.ts


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

// EXTERNAL MODULE: ../storage/src/errors.ts
var errors = __webpack_require__(1909);
// EXTERNAL MODULE: ../backup/src/catalog.ts
var catalog = __webpack_require__(3384);
// EXTERNAL MODULE: ../backup/src/layout.ts
var layout = __webpack_require__(9053);
;// CONCATENATED MODULE: ../backup/src/prune.ts




/**
 * Applies a retention policy to the backups the catalogue finds complete, then sweeps incomplete ones
 * past the grace period and aborts orphaned multipart uploads. Damaged backups are kept and reported
 * unless `deleteDamaged` is set. A backup is deleted manifest first, so an interrupted prune leaves an
 * incomplete folder (swept later), never a manifest pointing at missing data.
 */
async function prune(storage, options) {
    const { logger, now } = options;
    const dryRun = options.dryRun ?? false;
    const entries = await (0,catalog/* listBackups */.Cw)(storage);
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
            if (!(error instanceof errors/* RetainedByLockError */.j0))
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


/***/ }),

/***/ 5755:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hd: () => (/* binding */ serverErrorCode),
/* harmony export */   ck: () => (/* binding */ unauthorizedAsUserError),
/* harmony export */   hT: () => (/* binding */ EXACT_BSON),
/* harmony export */   i9: () => (/* binding */ canonicalEjson),
/* harmony export */   uM: () => (/* binding */ readCatalog)
/* harmony export */ });
/* unused harmony exports BUCKETS_PREFIX, uuidHex, skippedNamespaces */
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3422);
/* harmony import */ var mongodb__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5226);



/** Driver options that keep every BSON type as sent (Int32 stays Int32, Double stays Double…). */
const EXACT_BSON = { promoteValues: false, promoteLongs: false, bsonRegExp: true };
const BUCKETS_PREFIX = 'system.buckets.';
const UNAUTHORIZED = 13;
/** The server's error code; a number even when the reply was decoded with exact BSON types. */
function serverErrorCode(error) {
    if (!(error instanceof mongodb__WEBPACK_IMPORTED_MODULE_0__.MongoServerError) || error.code === undefined)
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
                dataCollection = BUCKETS_PREFIX + ns.collection;
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
            throw new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y('The MongoDB user may not list databases: name the databases to back up with include filters ' +
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
    return mongodb__WEBPACK_IMPORTED_MODULE_0__.BSON.EJSON.serialize(value, { relaxed: false });
}
/** Keeps `why` readable: "not allowed to find on shop.orders" and what to do about it. */
function unauthorizedAsUserError(error, what) {
    if (serverErrorCode(error) === UNAUTHORIZED) {
        return new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y(`The MongoDB user is not allowed to ${what} (${error.message}). Grant it the read role on that ` +
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


/***/ }),

/***/ 3592:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  O: () => (/* binding */ collectionSize),
  m: () => (/* binding */ dumpDatabase)
});

// EXTERNAL MODULE: ../runtime/src/options/rows.ts
var rows = __webpack_require__(8463);
// EXTERNAL MODULE: ../runtime/src/log.ts
var log = __webpack_require__(979);
// EXTERNAL MODULE: ../runtime/src/format.ts
var format = __webpack_require__(770);
// EXTERNAL MODULE: ../mongo/src/content-hash.ts
var content_hash = __webpack_require__(4573);
// EXTERNAL MODULE: ../mongo/src/filters.ts
var filters = __webpack_require__(7710);
// EXTERNAL MODULE: ../mongo/src/server.ts
var src_server = __webpack_require__(7158);
// EXTERNAL MODULE: ../mongo/src/dump/catalog.ts
var dump_catalog = __webpack_require__(5755);
// EXTERNAL MODULE: ../mongo/src/dump/ranges.ts
var dump_ranges = __webpack_require__(8604);
// EXTERNAL MODULE: ../../node_modules/mongodb/lib/index.js
var lib = __webpack_require__(5226);
;// CONCATENATED MODULE: ../mongo/src/dump/read.ts

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

;// CONCATENATED MODULE: ../mongo/src/dump/dump.ts







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
    const filter = new filters/* NamespaceFilter */.ul(options);
    const server = await (0,src_server/* probeServer */._D)(client);
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
        const catalog = await (0,dump_catalog/* readCatalog */.uM)(client, filter, logger);
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
            hash: new content_hash/* ContentHash */.yN(),
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
            throw (0,filters/* unmatchedFilterError */.Kd)(pattern, catalog.existing, catalog.databases);
        }
        logger.warn((0,filters/* unmatchedFilterWarning */.KE)(pattern, catalog.existing, catalog.databases));
    }
}
/** Reads one range and hands its documents to the writer in byte-bounded batches. */
async function readRange(task, context) {
    const { state } = task;
    const { db, collection } = state.dataNamespace;
    const hash = new content_hash/* ContentHash */.yN();
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
        throw (0,dump_catalog/* unauthorizedAsUserError */.ck)(error, `read ${db}.${collection}`);
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
    const plan = await (0,dump_ranges/* planIdRanges */.jP)(collection, { ranges, estimatedCount: size.count, signal: limits.signal });
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
        throw (0,dump_catalog/* unauthorizedAsUserError */.ck)(error, `count ${db}.${collection}`);
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
    const hash = state?.hash ?? new content_hash/* ContentHash */.yN();
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
        options: (0,dump_catalog/* canonicalEjson */.i9)(entry.options),
        indexes: entry.indexes.map(dump_catalog/* canonicalEjson */.i9),
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


/***/ }),

/***/ 8604:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   jP: () => (/* binding */ planIdRanges)
/* harmony export */ });
/* unused harmony exports idBracket, rangeFilters, quantiles */
/* harmony import */ var mongodb__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5226);
/* harmony import */ var _catalog__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5755);


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
        const bytes = Buffer.from(mongodb__WEBPACK_IMPORTED_MODULE_0__.BSON.serialize({ v: value }));
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
    const code = (0,_catalog__WEBPACK_IMPORTED_MODULE_1__/* .serverErrorCode */ .Hd)(error);
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
            .aggregate([{ $sample: { size: wanted * SAMPLES_PER_RANGE } }, { $project: { _id: 1 } }, { $sort: { _id: 1 } }], { ..._catalog__WEBPACK_IMPORTED_MODULE_1__/* .EXACT_BSON */ .hT, ...signalOption })
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
        .find({}, { projection: { _id: 1 }, sort: { _id: direction }, limit: 1, ..._catalog__WEBPACK_IMPORTED_MODULE_1__/* .EXACT_BSON */ .hT, ...signalOption })
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
    const cursor = collection.find({}, { projection: { _id: 1 }, sort: { _id: 1 }, batchSize: 10_000, ..._catalog__WEBPACK_IMPORTED_MODULE_1__/* .EXACT_BSON */ .hT, ...signalOption });
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


/***/ }),

/***/ 7710:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KE: () => (/* binding */ unmatchedFilterWarning),
/* harmony export */   Kd: () => (/* binding */ unmatchedFilterError),
/* harmony export */   ul: () => (/* binding */ NamespaceFilter)
/* harmony export */ });
/* unused harmony exports parseNamespacePattern, patternMatches, skipReason, unmatchedReason, assertFiltersMatch */
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(673);
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(520);

const PATTERN_HELP = 'expected db, db.collection or a glob with * and ? such as shop.*, *.events or shop.order?';
/** Parses one pattern; a malformed one is an `OptionError` about its option, `include` or `exclude`. */
function parseNamespacePattern(text, kind) {
    const trimmed = text.trim();
    const fail = (why) => new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .OptionError */ .eR(kind, `has '${text}', which is not valid: ${why}; ${PATTERN_HELP}.`);
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
    return (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_1__/* .isGlob */ .fg)(glob) ? (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_1__/* .matchesGlob */ .kt)(name, glob) : glob === name;
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
function skipReason(ns) {
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
        return skipReason(ns) === undefined && this.selects(ns);
    }
    /**
     * Patterns that match none of `existing` (the namespaces a dump could take): a typo that would
     * silently dump nothing, or everything. An exclude counts as matching when it matches a
     * namespace the includes selected.
     */
    unmatched(existing) {
        const dumpable = existing.filter((ns) => skipReason(ns) === undefined);
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
    const dumpable = existing.filter((ns) => skipReason(ns) === undefined);
    const matchedDatabases = databases.filter((db) => matchesPart(pattern.db, db));
    const head = 'matches nothing on the server';
    const skipped = existing.find((ns) => patternMatches(pattern, ns) && skipReason(ns) !== undefined);
    const why = skipped ? ` (${skipped.db}.${skipped.collection}: ${skipReason(skipped)})` : '';
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
    return new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .OptionError */ .eR(pattern.kind, `has '${pattern.text}', which ${unmatchedReason(pattern, existing, databases)}`);
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


/***/ })

};
