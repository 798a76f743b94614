export const id = 648;
export const ids = [648];
export const modules = {

/***/ 3648:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Ci: () => (/* reexport */ assessDrill),
  IW: () => (/* reexport */ checkFreshness),
  bK: () => (/* reexport */ commonOptionsFromInputs),
  Vd: () => (/* reexport */ drillMarkdown),
  oh: () => (/* reexport */ failureMessage),
  Pl: () => (/* reexport */ headline),
  Jq: () => (/* reexport */ leftoversLine),
  Td: () => (/* reexport */ locateBackup),
  nB: () => (/* reexport */ namespaceRows),
  jB: () => (/* reexport */ parseOlderChoice),
  mD: () => (/* reexport */ planBackupRestore),
  LI: () => (/* reexport */ planDrill),
  Lq: () => (/* reexport */ planRows),
  dH: () => (/* reexport */ restoreBackup),
  Fx: () => (/* reexport */ runVerifyRestore)
});

// UNUSED EXPORTS: ArchiveStageError, ArchiveTally, MODES, VerificationFailedError, checkConfirmation, chooseIdentity, openStoredArchive, parseIdentities, planMarkdown, reportMarkdown, verifyBackup

// EXTERNAL MODULE: ../action-kit/src/index.ts + 11 modules
var src = __webpack_require__(6458);
// EXTERNAL MODULE: ../backup/src/index.ts + 10 modules
var backup_src = __webpack_require__(94);
// EXTERNAL MODULE: ../mongo/src/index.ts + 16 modules
var mongo_src = __webpack_require__(5862);
// EXTERNAL MODULE: ../storage/src/index.ts + 3 modules
var storage_src = __webpack_require__(5927);
// EXTERNAL MODULE: ../archive/src/index.ts + 6 modules
var archive_src = __webpack_require__(7750);
;// CONCATENATED MODULE: ../verify/src/compare.ts


const compare_short = (hash) => (hash ? `${hash.slice(0, 16)}…` : '(none)');
/**
 * One row per namespace: the manifest's promise against the archive's content (integrity) and, in
 * full and restore modes, against what the server holds after the restore. Without a manifest the
 * archive itself is what the restore is compared with.
 */
function compareNamespaces(input) {
    const { manifest, tally, restoredNamespaces } = input;
    const prelude = new Map((tally.prelude ?? []).filter((e) => !(0,archive_src/* isOplog */.y8)(e)).map((e) => [nameOf(e), e]));
    const listed = new Map((manifest?.namespaces ?? []).map((e) => [nameOf(e), e]));
    const names = [...new Set([...listed.keys(), ...prelude.keys()])].filter((name) => !restoredNamespaces || restoredNamespaces.has(name));
    const rows = [];
    const problems = [];
    for (const name of names) {
        const row = compareOne(name, listed.get(name), prelude.get(name), input);
        rows.push(row);
        problems.push(...row.problems);
    }
    // The oplog is the only data the prelude need not list; a backup of ours never holds one.
    if (manifest && tally.get('.oplog'))
        problems.push('the archive holds an oplog, which the manifest does not list');
    return { rows, problems };
}
function compareOne(name, listed, prelude, input) {
    const { manifest, tally, restored } = input;
    const type = listed?.type ?? prelude?.type ?? 'collection';
    const problems = [];
    const data = tally.get(name) ?? (type === 'timeseries' ? tally.get(bucketsName(name)) : undefined);
    const archive = data && {
        documents: data.documents,
        bytes: data.bytes,
        contentHash: data.contentHash,
        ...(data.crc ? { crc: data.crc } : {}),
    };
    const back = restored?.get(name);
    const row = {
        namespace: name,
        ...(back ? { restoredAs: back.target } : {}),
        type,
        expected: {},
        ...(archive ? { archive } : {}),
        ...(back
            ? {
                restored: {
                    documents: back.documents,
                    contentHash: back.contentHash,
                    indexes: back.indexes.length,
                },
            }
            : {}),
        checks: { count: 'not-checked', contentHash: 'not-checked', crc: 'not-checked', indexes: 'not-checked' },
        problems,
    };
    if (manifest && !listed)
        problems.push(`${name}: in the archive but not in the manifest`);
    if (!prelude && tally.complete)
        problems.push(`${name}: in the manifest but not in the archive`);
    // What the namespace should hold: the manifest's word, or else the archive's own content.
    const expectedIndexes = listed?.indexes ?? (prelude ? (0,mongo_src/* indexSpecs */.zD)(prelude) : undefined);
    const expected = listed
        ? { documents: listed.count, contentHash: listed.contentHash, crc: listed.crc }
        : restored && archive
            ? {
                documents: archive.documents,
                contentHash: archive.contentHash,
                ...(archive.crc ? { crc: archive.crc } : {}),
            }
            : {};
    row.expected = { ...expected, ...(expectedIndexes ? { indexes: expectedIndexes.length } : {}) };
    const verdicts = {
        count: [],
        contentHash: [],
        crc: [],
        indexes: [],
    };
    const check = (kind, ok, problem) => {
        verdicts[kind].push(ok ? 'passed' : 'failed');
        if (!ok)
            problems.push(problem);
    };
    if (listed && archive) {
        check('count', listed.count === archive.documents, `${name}: document count differs — manifest ${listed.count}, archive ${archive.documents}`);
        check('contentHash', listed.contentHash === archive.contentHash, `${name}: content hash differs — manifest ${compare_short(listed.contentHash)}, archive ${compare_short(archive.contentHash)}`);
        if (archive.crc) {
            check('crc', listed.crc === archive.crc, `${name}: CRC-64 differs — manifest ${listed.crc}, archive ${archive.crc}`);
        }
    }
    else if (archive?.crc) {
        // The reader checked the CRC stored in the archive against the documents.
        verdicts.crc.push('passed');
    }
    if (listed && prelude && !restored) {
        const differences = (0,mongo_src/* compareIndexSpecs */.kn)(listed.indexes, (0,mongo_src/* indexSpecs */.zD)(prelude));
        check('indexes', differences.length === 0, `${name}: archive index specs differ from the manifest — ${differences.join('; ')}`);
    }
    if (back) {
        const where = back.stagedAs
            ? `staged for ${back.target} as ${back.stagedAs}`
            : `restored as ${back.target}`;
        if (!back.exists) {
            problems.push(`${name}: the ${type} was not restored (${back.stagedAs ?? back.target} does not exist)`);
            verdicts.count.push('failed');
        }
        else if (type !== 'view') {
            if (expected.documents !== undefined) {
                check('count', back.documents === expected.documents, `${name}: document count differs — expected ${expected.documents}, ${where} ${back.documents}`);
            }
            if (expected.contentHash !== undefined) {
                check('contentHash', back.contentHash === expected.contentHash, `${name}: content hash differs — expected ${compare_short(expected.contentHash)}, ${where} ${compare_short(back.contentHash)}`);
            }
            if (expectedIndexes) {
                const differences = (0,mongo_src/* compareIndexSpecs */.kn)(expectedIndexes, back.indexes);
                check('indexes', differences.length === 0, `${name}: index specs differ (${where}) — ${differences.join('; ')}`);
            }
        }
    }
    row.checks = {
        count: combine(verdicts.count),
        contentHash: combine(verdicts.contentHash),
        crc: combine(verdicts.crc),
        indexes: combine(verdicts.indexes),
    };
    return row;
}
function combine(states) {
    if (states.includes('failed'))
        return 'failed';
    return states.includes('passed') ? 'passed' : 'not-checked';
}
function nameOf(ns) {
    return `${ns.db}.${ns.collection}`;
}
function bucketsName(name) {
    const dot = name.indexOf('.');
    return `${name.slice(0, dot)}.${archive_src/* BUCKETS_PREFIX */.p8}${name.slice(dot + 1)}`;
}

;// CONCATENATED MODULE: ../verify/src/identity.ts


const IDENTITY = /AGE-SECRET-KEY-1[0-9A-Z]+/g;
/** The identities in a secret: one key, or the text of an age identity file (comments allowed). */
function parseIdentities(secret) {
    return [...secret.matchAll(IDENTITY)].map((m) => m[0]);
}
/**
 * Picks the identity that decrypts a backup encrypted to `recipients`, so a wrong key is named
 * before anything is downloaded. With no recipients known (a bare archive), the first identity is
 * tried and age itself tells whether it fits.
 */
async function chooseIdentity(secret, recipients, input, subject) {
    if (!secret) {
        if (recipients.length === 0)
            return undefined;
        throw new src/* UserError */.yo(`${subject} is encrypted with age (to ${recipients.join(', ')}): give the identity that decrypts it as '${input}'.`);
    }
    const identities = parseIdentities(secret);
    if (identities.length === 0) {
        throw new src/* UserError */.yo(`Input '${input}' must be an age identity (AGE-SECRET-KEY-1…, as written by age-keygen), or the text of an identity file.`);
    }
    if (recipients.length === 0)
        return identities[0];
    const publicKeys = [];
    for (const identity of identities) {
        let recipient;
        try {
            recipient = await (0,backup_src/* recipientOf */.du)(identity);
        }
        catch {
            throw new src/* UserError */.yo(`Input '${input}' holds a malformed age identity (AGE-SECRET-KEY-1…).`);
        }
        if (recipients.includes(recipient))
            return identity;
        publicKeys.push(recipient);
    }
    throw new src/* UserError */.yo(`The age identity given as '${input}' (public key ${publicKeys.join(', ')}) cannot decrypt ${subject}: ` +
        `it is encrypted to ${recipients.join(', ')}.`);
}

;// CONCATENATED MODULE: ../verify/src/read-back.ts


/**
 * Reads every restored namespace back where it was written (a staged restore: its staging
 * collection, before the swap): documents as raw BSON in any order (the content hash does not
 * depend on it), and the index specs. A time-series collection is read through its buckets, which is
 * what the archive holds. `parallelism` namespaces are read at once.
 */
async function readBack(client, planned, parallelism, signal) {
    const results = new Map();
    const queue = [...planned];
    const worker = async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
            signal?.throwIfAborted();
            results.set((0,archive_src/* namespaceName */.dz)(next.source), await readNamespace(client, next));
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, parallelism) }, worker));
    return results;
}
async function readNamespace(client, planned) {
    const target = planned.writeTo;
    const db = client.db(target.db);
    const listed = await db.listCollections({ name: target.collection }, { nameOnly: true }).toArray();
    const result = {
        target: (0,archive_src/* namespaceName */.dz)(planned.target),
        ...((0,mongo_src/* isStaged */.Fl)(planned) ? { stagedAs: (0,archive_src/* namespaceName */.dz)(target) } : {}),
        exists: listed.length > 0,
        documents: 0,
        contentHash: new mongo_src/* ContentHash */.yN().hex(),
        indexes: [],
    };
    if (!result.exists || planned.type === 'view')
        return result;
    const dataCollection = planned.type === 'timeseries' ? await timeseriesData(client, planned) : target.collection;
    const hash = new mongo_src/* ContentHash */.yN();
    const cursor = db.collection(dataCollection).find({}, { raw: true, batchSize: 10_000 });
    for await (const doc of cursor)
        hash.add(doc);
    result.documents = hash.count;
    result.contentHash = hash.hex();
    result.indexes = await db.collection(target.collection).listIndexes().toArray();
    return result;
}
/** Servers before 8.3 keep time-series data in `system.buckets.<name>`; newer ones serve it raw. */
async function timeseriesData(client, planned) {
    const buckets = `${archive_src/* BUCKETS_PREFIX */.p8}${planned.target.collection}`;
    const found = await client
        .db(planned.target.db)
        .listCollections({ name: buckets }, { nameOnly: true })
        .toArray();
    return found.length > 0 ? buckets : planned.target.collection;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
var external_node_zlib_default = /*#__PURE__*/__webpack_require__.n(external_node_zlib_);
;// CONCATENATED MODULE: ../verify/src/stored-archive.ts






class ArchiveStageError extends Error {
    stage;
    cause;
    name = 'ArchiveStageError';
    constructor(stage, message, cause) {
        super(message);
        this.stage = stage;
        this.cause = cause;
    }
}
/** Starts the download; a missing object is a `UserError`, anything else is found while reading. */
async function openStoredArchive(storage, key, options = {}) {
    const url = storage.describe(key);
    let stream;
    try {
        stream = await storage.get(key);
    }
    catch (error) {
        if (error instanceof src/* UserError */.yo)
            throw error;
        throw new ArchiveStageError('read', `Reading ${url} failed: ${messageOf(error)}`, error);
    }
    const stored = new DigestingReader(stream, url);
    const layers = [];
    return {
        events: layeredEvents(stored, url, layers, options),
        layers,
        digest: (drain) => stored.digest(drain),
        close: () => stored.close(),
    };
}
/** The compression among the layers ('none' when there is none). */
function compressionOf(layers) {
    return layers.find((l) => l !== 'age') ?? 'none';
}
async function* layeredEvents(stored, url, layers, options) {
    let head = new Peekable(stored);
    let encoding = (0,backup_src/* sniffEncoding */.OB)(await head.peek(32));
    if (encoding === 'age') {
        layers.push('age');
        head = new Peekable(await decrypt(head, url, options));
        encoding = (0,backup_src/* sniffEncoding */.OB)(await head.peek(32));
    }
    if (encoding === 'zstd' || encoding === 'gzip') {
        const compression = encoding;
        layers.push(compression);
        const plain = stage('decompress', pipeThrough(head, decompressor(compression)), (error) => corruption(`Decompressing ${url} (${compression})`, error));
        head = new Peekable(plain);
        encoding = (0,backup_src/* sniffEncoding */.OB)(await head.peek(32));
    }
    if (encoding !== 'archive')
        throw notAnArchive(url, layers, encoding, (await head.peek(16)).length);
    yield* parse(head, url);
}
async function* parse(source, url) {
    try {
        yield* (0,archive_src/* readArchive */.bL)(source);
    }
    catch (error) {
        if (error instanceof archive_src/* ArchiveFormatError */.Y3) {
            throw new ArchiveStageError('parse', `The archive in ${url} is damaged: ${error.message}`, error);
        }
        throw error;
    }
}
async function decrypt(source, url, options) {
    const input = options.identityInput ?? 'decrypt-identity';
    if (!options.identity) {
        throw new src/* UserError */.yo(`${url} is encrypted with age: give the identity that decrypts it as '${input}'.`);
    }
    const plaintext = await (0,backup_src/* decryptStream */.UC)(external_node_stream_.Readable.from(source), options.identity, input);
    return stage('decrypt', plaintext, (error) => corruption(`Decrypting ${url}`, error));
}
// zlib's default 16 KiB output chunks make decompression several times slower than 1 MiB ones
// (measured: 175 MB of archive out of zstd in ~0.65 s against ~0.13 s).
const DECOMPRESSED_CHUNK_BYTES = 1024 * 1024;
function decompressor(compression) {
    return compression === 'zstd'
        ? external_node_zlib_default().createZstdDecompress({ chunkSize: DECOMPRESSED_CHUNK_BYTES })
        : external_node_zlib_default().createGunzip({ chunkSize: DECOMPRESSED_CHUNK_BYTES });
}
function corruption(what, error) {
    return `${what} failed: the stored data was changed or cut off (${messageOf(error)}).`;
}
/** Errors from Node's streams may come from another realm (a VM context), where `instanceof Error` fails. */
function messageOf(error) {
    const message = error?.message;
    return typeof message === 'string' && message !== '' ? message : (0,src/* errorMessage */.gJ)(error);
}
/** Says what the object is not, and never shows its bytes: it may be any file (`--from file:///etc/…`). */
function notAnArchive(url, layers, found, size) {
    const inside = layers.length > 0 ? `after ${layers.join(' and ')}, ` : '';
    const what = size === 0 ? 'it is empty' : 'it does not start with the archive magic 6de29981, zstd, gzip or age';
    return new ArchiveStageError('parse', `${url} is not a mongodump archive: ${inside}${what}` +
        `${found === 'unknown' ? '' : ` (it looks like ${found})`}.`);
}
/** Errors of one layer are named after it; errors from layers below pass through unchanged. */
async function* stage(name, source, describe) {
    try {
        for await (const chunk of source)
            yield chunk;
    }
    catch (error) {
        if (error instanceof ArchiveStageError || error instanceof src/* UserError */.yo)
            throw error;
        throw new ArchiveStageError(name, describe(error), error);
    }
}
function pipeThrough(source, transform) {
    const input = external_node_stream_.Readable.from(source, { objectMode: false });
    input.on('error', (error) => transform.destroy(error));
    return input.pipe(transform);
}
/** Hashes and counts the stored bytes as they are read; can finish reading after the consumer stops. */
class DigestingReader {
    #stream;
    #iterator;
    #hash = (0,external_node_crypto_.createHash)('sha256');
    #url;
    #bytes = 0;
    #ended = false;
    #closed = false;
    constructor(stream, url) {
        this.#stream = stream;
        this.#iterator = stream[Symbol.asyncIterator]();
        this.#url = url;
    }
    async *[Symbol.asyncIterator]() {
        // Not `for await` over the stream: stopping this generator must not end the download,
        // which `digest(true)` may still need to finish.
        for (let chunk = await this.#next(); chunk; chunk = await this.#next())
            yield chunk;
    }
    async #next() {
        if (this.#ended || this.#closed)
            return undefined;
        let result;
        try {
            result = await this.#iterator.next();
        }
        catch (error) {
            throw new ArchiveStageError('read', `Reading ${this.#url} failed: ${messageOf(error)}`, error);
        }
        if (result.done) {
            this.#ended = true;
            return undefined;
        }
        const chunk = Buffer.isBuffer(result.value) ? result.value : Buffer.from(result.value);
        this.#hash.update(chunk);
        this.#bytes += chunk.length;
        return chunk;
    }
    async digest(drain) {
        if (drain)
            while (await this.#next())
                ;
        const complete = this.#ended;
        await this.close();
        return { sha256: this.#hash.copy().digest('hex'), bytes: this.#bytes, complete };
    }
    async close() {
        if (this.#closed)
            return;
        this.#closed = true;
        this.#stream.destroy();
    }
}
/** Lets the first bytes of a stream be inspected without losing them. */
class Peekable {
    #iterator;
    #buffered = [];
    #done = false;
    constructor(source) {
        this.#iterator = source[Symbol.asyncIterator]();
    }
    async peek(bytes) {
        let have = this.#buffered.reduce((sum, b) => sum + b.length, 0);
        while (have < bytes && !this.#done) {
            const next = await this.#iterator.next();
            if (next.done)
                this.#done = true;
            else {
                this.#buffered.push(next.value);
                have += next.value.length;
            }
        }
        return Buffer.concat(this.#buffered).subarray(0, bytes);
    }
    async *[Symbol.asyncIterator]() {
        const buffered = this.#buffered;
        this.#buffered = [];
        yield* buffered;
        try {
            while (!this.#done) {
                const next = await this.#iterator.next();
                if (next.done)
                    this.#done = true;
                else
                    yield next.value;
            }
        }
        finally {
            if (!this.#done)
                await this.#iterator.return?.();
        }
    }
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(5919);
;// CONCATENATED MODULE: ../verify/src/hash-pool.ts


/**
 * Worker threads that compute partial content hashes (the sum of every document's SHA-256, modulo
 * 2^256; see `ContentHash` of @shipkit/mongo) over runs of raw BSON documents. One SHA-256 per
 * document is the only per-document work of an integrity check, and at a few microseconds each it
 * would otherwise bound the check to one core; the sums commute, so any worker may take any run.
 */
// Plain CommonJS run with `eval`, so the bundled action needs no separate worker file.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { hash } = require('node:crypto');
parentPort.on('message', ({ id, bytes }) => {
  const buffer = Buffer.from(bytes);
  const limbs = new Uint32Array(8);
  let count = 0;
  for (let at = 0; at + 4 <= buffer.length; ) {
    const length = buffer.readInt32LE(at);
    const digest = hash('sha256', buffer.subarray(at, at + length), 'buffer');
    let carry = 0;
    for (let i = 0; i < 8; i++) {
      const sum = limbs[i] + digest.readUInt32BE(28 - i * 4) + carry;
      limbs[i] = sum >>> 0;
      carry = sum > 0xffffffff ? 1 : 0;
    }
    count += 1;
    at += length;
  }
  parentPort.postMessage({ id, limbs, count });
});
`;
const MODULUS = 1n << 256n;
class HashPool {
    #workers;
    #pending = new Map();
    #inFlight = new Set();
    #maxInFlight;
    #next = 0;
    #failure;
    constructor(size = defaultPoolSize()) {
        this.#workers = Array.from({ length: Math.max(1, size) }, () => this.#spawn());
        this.#maxInFlight = this.#workers.length * 2;
    }
    get size() {
        return this.#workers.length;
    }
    #spawn() {
        const worker = new external_node_worker_threads_.Worker(WORKER_SOURCE, { eval: true });
        worker.on('message', ({ id, limbs, count }) => {
            const pending = this.#pending.get(id);
            this.#pending.delete(id);
            let value = 0n;
            for (let i = 7; i >= 0; i--)
                value = (value << 32n) | BigInt(limbs[i]);
            pending?.resolve({ value, count });
        });
        worker.on('error', (error) => this.#fail(error));
        return worker;
    }
    #fail(error) {
        this.#failure ??= error;
        for (const pending of this.#pending.values())
            pending.reject(error);
        this.#pending.clear();
    }
    /** Every worker has work queued: a caller with spare time may rather hash inline. */
    get busy() {
        return this.#inFlight.size >= this.#maxInFlight;
    }
    /**
     * Hashes a run of consecutive documents on a worker and hands the partial sum to `onSum`. The
     * run's buffer is transferred: it must be a standalone `ArrayBuffer` the caller no longer uses.
     */
    hash(run, onSum) {
        if (this.#failure)
            throw this.#failure;
        const id = this.#next++;
        const worker = this.#workers[id % this.#workers.length];
        const task = new Promise((resolve, reject) => {
            this.#pending.set(id, { resolve, reject });
        }).then(({ value, count }) => onSum(value, count));
        const tracked = task.finally(() => this.#inFlight.delete(tracked));
        tracked.catch(() => { });
        this.#inFlight.add(tracked);
        worker.postMessage({ id, bytes: run.buffer }, [run.buffer]);
    }
    /** Waits for every queued run; throws the first worker failure. */
    async drain() {
        await Promise.all(this.#inFlight);
        if (this.#failure)
            throw this.#failure;
    }
    async close() {
        await Promise.allSettled(this.#workers.map((worker) => worker.terminate()));
    }
}
/** Leaves a core for reading, decompressing and checking CRCs. */
function defaultPoolSize() {
    return Math.min(4, Math.max(1, (0,external_node_os_.availableParallelism)() - 1));
}
/** Adds partial sums modulo 2^256. */
function addSums(a, b) {
    return (a + b) % MODULUS;
}

;// CONCATENATED MODULE: ../verify/src/tally.ts


// Documents handed to a worker at once: large enough to make messaging negligible.
const RUN_BYTES = 1024 * 1024;
/**
 * Recounts documents, bytes and content hashes per namespace as archive events pass through, for
 * integrity checks and to compare a restore against. Nothing is decoded; the one SHA-256 per
 * document runs on worker threads once the archive proves large, so hashing keeps up with reading.
 * Call `finish()` (or `close()` on failure) when the events are done.
 */
class ArchiveTally {
    /** Called per batch of documents with their bytes and count (for progress). */
    onDocuments;
    header;
    prelude;
    #namespaces = new Map();
    #poolAfterBytes;
    #poolSize;
    #pool;
    #seenBytes = 0;
    #complete = false;
    constructor(options = {}) {
        this.#poolAfterBytes = options.poolAfterBytes ?? 8 * 1024 * 1024;
        this.#poolSize = options.poolSize;
    }
    /** Passes events through unchanged while counting them. */
    async *tap(events) {
        for await (const event of events) {
            await this.observe(event);
            yield event;
        }
    }
    async observe(event) {
        switch (event.type) {
            case 'prelude':
                this.header = event.header;
                this.prelude = event.namespaces;
                return;
            case 'documents': {
                const entry = this.#entry(`${event.ns.db}.${event.ns.collection}`);
                let bytes = 0;
                for (const doc of event.docs)
                    bytes += doc.length;
                entry.tally.documents += event.docs.length;
                entry.tally.bytes += bytes;
                this.#seenBytes += bytes;
                this.onDocuments?.(bytes, event.docs.length);
                if (!this.#pool && this.#seenBytes <= this.#poolAfterBytes) {
                    for (const doc of event.docs)
                        entry.inline.add(doc);
                    return;
                }
                entry.queued.push(...spansOf(event.docs, bytes));
                entry.queuedBytes += bytes;
                if (entry.queuedBytes >= RUN_BYTES)
                    await this.#dispatch(entry);
                return;
            }
            case 'eof': {
                const entry = this.#entry(`${event.ns.db}.${event.ns.collection}`);
                entry.tally.crc = event.crc.toString(16).padStart(16, '0');
                await this.#dispatch(entry);
                return;
            }
            case 'end':
                this.#complete = true;
                return;
        }
    }
    async #dispatch(entry) {
        if (entry.queued.length === 0)
            return;
        const spans = entry.queued;
        const bytes = entry.queuedBytes;
        entry.queued = [];
        entry.queuedBytes = 0;
        this.#pool ??= new HashPool(this.#poolSize);
        if (this.#pool.busy) {
            // Every worker has work queued: hash here rather than wait, so all cores stay in use.
            for (const span of spans)
                forEachDocument(span, (doc) => entry.inline.add(doc));
            return;
        }
        // One standalone copy per run: the worker takes ownership of it, the archive's buffers stay put.
        const run = new Uint8Array(bytes);
        let at = 0;
        for (const span of spans) {
            run.set(span, at);
            at += span.length;
        }
        this.#pool.hash(run, (value) => {
            entry.pooled = addSums(entry.pooled, value);
        });
    }
    /** Hashes what is still queued and stops the workers; the content hashes are then final. */
    async finish() {
        try {
            for (const entry of this.#namespaces.values())
                await this.#dispatch(entry);
            await this.#pool?.drain();
        }
        finally {
            await this.close();
        }
    }
    /** Stops the workers without waiting for queued work (after a failure). */
    async close() {
        const pool = this.#pool;
        this.#pool = undefined;
        await pool?.close();
    }
    #entry(name) {
        let entry = this.#namespaces.get(name);
        if (!entry) {
            entry = {
                tally: { name, documents: 0, bytes: 0, crc: undefined },
                inline: new mongo_src/* ContentHash */.yN(),
                pooled: 0n,
                queued: [],
                queuedBytes: 0,
            };
            this.#namespaces.set(name, entry);
        }
        return entry;
    }
    /** Every archive was read to its end: all CRCs and the prelude's namespaces were checked. */
    get complete() {
        return this.#complete;
    }
    get(name) {
        const entry = this.#namespaces.get(name);
        if (!entry)
            return undefined;
        const sum = addSums(BigInt(`0x${entry.inline.hex()}`), entry.pooled);
        return { ...entry.tally, contentHash: sum.toString(16).padStart(64, '0') };
    }
    get namespaces() {
        return [...this.#namespaces.keys()].map((name) => this.get(name));
    }
    get documents() {
        let total = 0;
        for (const { tally } of this.#namespaces.values())
            total += tally.documents;
        return total;
    }
}
/**
 * The documents of one batch as few runs as possible: a data segment's documents lie back to back,
 * so a batch read from one chunk is a single run, copied in one call.
 */
function spansOf(docs, bytes) {
    const first = docs[0];
    const last = docs[docs.length - 1];
    if (!first || !last)
        return [];
    const contiguous = first.buffer === last.buffer && last.byteOffset + last.length - first.byteOffset === bytes;
    return contiguous ? [new Uint8Array(first.buffer, first.byteOffset, bytes)] : docs;
}
/** Calls `use` with each document of a run of consecutive documents. */
function forEachDocument(span, use) {
    const view = new DataView(span.buffer, span.byteOffset, span.byteLength);
    for (let at = 0; at + 4 <= span.length;) {
        const length = view.getInt32(at, true);
        use(span.subarray(at, at + length));
        at += length;
    }
}

;// CONCATENATED MODULE: ../verify/src/check.ts









/**
 * Verifies a backup. `integrity` streams the stored object once — SHA-256 and size against the
 * manifest, decryption, decompression, every namespace CRC, then counts, CRCs, content hashes and
 * index specs against the manifest — with no database. `full` also restores it into a scratch
 * server under fresh database names, reads every namespace back and compares counts, content hashes
 * and index specs, then drops the scratch databases. Problems found are in the report (result
 * `failed`); bad input, a wrong identity or a non-empty target are thrown as `UserError`.
 */
async function verifyBackup(source, options, deps = {}) {
    if (options.mode === 'integrity')
        return runCheck(source, 'integrity', options, undefined, deps);
    if (!deps.scratch) {
        throw new src/* UserError */.yo("Full verification restores into a scratch server: give 'scratch-mongodb-uri'.");
    }
    const prefix = deps.scratchPrefix ?? `vfy_${Math.random().toString(16).slice(2, 8)}_`;
    const auto = options.renames === undefined || options.renames.length === 0;
    const renames = auto ? [{ from: '*.*', to: `${prefix}*.*` }] : options.renames;
    return runCheck(source, 'full', options, {
        client: deps.scratch,
        selection: { renames },
        drop: false,
        staged: false,
        removeAfter: auto,
        readBack: true,
    }, deps);
}
/**
 * The disaster-recovery path: restores into staging collections of `target`, reads them back and
 * checks them against the manifest (or, for a bare archive, against the archive itself), and swaps
 * them into place only when everything passed. Otherwise the staging is removed and the target left
 * as it was; the report (or the error thrown) says what each target namespace is.
 */
async function restoreBackup(source, options, target, deps = {}) {
    return runCheck(source, 'restore', options, {
        client: target,
        selection: options,
        drop: options.drop ?? false,
        staged: true,
        removeAfter: false,
        readBack: options.readBack ?? true,
    }, deps);
}
/** What a restore would do, from the archive's prelude and the target's current state; writes nothing. */
async function planBackupRestore(source, options, target) {
    const mapper = new mongo_src/* NamespaceMapper */.hS(options);
    const identity = await identityFor(source, options);
    const opened = await openStoredArchive(source.storage, source.archiveKey, {
        ...(identity ? { identity } : {}),
        identityInput: options.identityInput ?? 'decrypt-identity',
    });
    try {
        for await (const event of opened.events) {
            if (event.type === 'prelude') {
                return await (0,mongo_src/* planRestore */.q8)(target, event.namespaces, mapper, {
                    drop: options.drop ?? false,
                    run: (0,mongo_src/* newRunId */.F$)(),
                });
            }
        }
        throw new Error(`${source.url} ended before its prelude`);
    }
    finally {
        await opened.close();
    }
}
async function identityFor(source, access) {
    const subject = source.backupId ? `backup ${source.backupId}` : source.url;
    const recipients = source.manifest?.archive.recipients ?? [];
    return chooseIdentity(access.identity, recipients, access.identityInput ?? 'decrypt-identity', subject);
}
async function runCheck(source, mode, options, restoreSpec, deps) {
    const now = deps.now ?? (() => new Date());
    const logger = deps.logger ?? src/* silentLogger */.qq;
    const startedAt = now();
    const { manifest } = source;
    const parallelism = options.parallelism ?? 4;
    const identity = await identityFor(source, options);
    const opened = await openStoredArchive(source.storage, source.archiveKey, {
        ...(identity ? { identity } : {}),
        identityInput: options.identityInput ?? 'decrypt-identity',
    }).catch(async (error) => {
        if (error instanceof storage_src.ObjectNotFoundError && source.backupId && !(await stillExists(source))) {
            throw new src/* UserError */.yo(`${disappeared(source)}.`);
        }
        throw error;
    });
    const tally = new ArchiveTally(options.hashing ?? {});
    const memory = new src/* MemoryKeeper */.g3();
    tally.onDocuments = (bytes, documents) => {
        deps.progress?.add(bytes, documents);
        memory.add(bytes);
    };
    let failure;
    let restoreResult;
    let plan;
    const staging = restoreSpec?.staged ? new mongo_src/* Staging */.CP(restoreSpec.client, { logger }) : undefined;
    // Whether the failure came out of the stored object (its layers or its archive), not the target.
    let failedReading = false;
    const events = (async function* () {
        try {
            yield* opened.events;
        }
        catch (error) {
            failedReading = true;
            throw error;
        }
    })();
    try {
        if (!restoreSpec) {
            for await (const event of events) {
                await tally.observe(event);
                deps.signal?.throwIfAborted();
            }
        }
        else {
            restoreResult = await (0,mongo_src/* restoreArchive */.By)(tally.tap(events), { ...restoreSpec.selection, drop: restoreSpec.drop, parallelism, ...batchOption(options.batchBytes) }, {
                client: restoreSpec.client,
                logger,
                ...(staging ? { staging } : {}),
                ...(deps.signal ? { signal: deps.signal } : {}),
                onPlan: (p) => {
                    plan = p;
                },
            });
        }
    }
    catch (error) {
        if (error instanceof mongo_src/* RestoreFailedError */.UM)
            restoreResult = error.result;
        failure = error;
    }
    try {
        await tally.finish();
    }
    catch (error) {
        failure ??= error;
    }
    const checkSha = manifest !== undefined && !options.skipSha256Check;
    let digest;
    let restored;
    try {
        // After a failure the rest of the object is still read when a manifest holds its SHA-256: a
        // changed stored object is then named as such, rather than by whatever layer tripped over it.
        // So is what follows the archive's end (a compressor's last frame, or bytes appended to it):
        // a whole archive swapped in from another backup must still fail on its SHA-256.
        const drain = checkSha && (failedReading || tally.complete) && !deps.signal?.aborted;
        digest = await opened.digest(drain);
        const storedChanged = checkSha && digest.complete && digest.sha256 !== manifest?.archive.sha256;
        // A damaged archive or refused documents are findings of the check; anything else (bad input, a
        // wrong identity, a target that cannot take the data, cancellation) stops it.
        const finding = failure instanceof ArchiveStageError || failure instanceof mongo_src/* RestoreFailedError */.UM;
        if (failure !== undefined && !finding && !(storedChanged && !deps.signal?.aborted))
            throw failure;
        if (restoreSpec?.readBack && plan && restoreResult) {
            // A staged restore creates its views at the swap, which proves they exist.
            const written = plan.namespaces.filter((n) => n.action !== 'refuse' && !(staging && n.type === 'view'));
            restored = await readBack(restoreSpec.client, written, parallelism, deps.signal);
        }
    }
    catch (error) {
        await removeScratch(restoreSpec, plan, logger);
        throw await abandon(staging, plan, error);
    }
    finally {
        await opened.close();
    }
    const removed = await removeScratch(restoreSpec, plan, logger);
    const problems = [];
    const notChecked = [];
    const sha256 = shaVerdict(source, digest, checkSha, problems, notChecked, options.skipSha256Check === true);
    // What the catalogue found wrong with the backup comes first: the rest may follow from it.
    problems.unshift(...(source.damage ?? []).map((d) => `backup ${source.backupId} is damaged: ${d}`));
    if (failure !== undefined)
        problems.push((0,src/* errorMessage */.gJ)(failure));
    if (manifest && tally.header) {
        const compression = compressionOf(opened.layers);
        if (compression !== manifest.archive.compression) {
            problems.push(`the stored archive is compressed with ${compression}, but the manifest says ${manifest.archive.compression}`);
        }
        const encrypted = opened.layers.includes('age');
        if (encrypted !== manifest.archive.recipients.length > 0) {
            problems.push(`the stored archive is ${encrypted ? '' : 'not '}encrypted, but the manifest says otherwise`);
        }
    }
    const restoredNamespaces = plan
        ? new Set(plan.namespaces.map((n) => `${n.source.db}.${n.source.collection}`))
        : undefined;
    const comparison = compareNamespaces({ manifest, tally, restored, restoredNamespaces });
    problems.push(...comparison.problems);
    let outcomes;
    if (staging && plan) {
        const unproven = manifest && !options.skipSha256Check && sha256.state !== 'passed'
            ? ["the stored object's SHA-256 could not be checked against the manifest"]
            : [];
        const settled = await settleStaged(staging, plan, { archiveComplete: tally.complete, problems: [...problems, ...unproven] }, deps.signal);
        outcomes = settled.outcomes;
        if (settled.problem)
            problems.push(settled.problem);
    }
    if (!manifest) {
        notChecked.push(mode === 'integrity'
            ? 'Expected counts, content hashes and index specs: the archive has no manifest (stock mongodump writes none). ' +
                'Each namespace CRC was checked and documents were counted.'
            : 'Whether the archive is complete: it has no manifest (stock mongodump writes none). ' +
                'Each namespace CRC was checked, and the restore was compared with the archive itself.');
    }
    if (restoreSpec && !restoreSpec.readBack) {
        notChecked.push('What the target holds: the restored namespaces were not read back (asked to skip it). ' +
            'The archive was checked and no document was refused.');
    }
    if (plan) {
        if (plan.excluded.length > 0)
            notChecked.push(`Not restored (excluded): ${plan.excluded.join(', ')}.`);
        for (const skipped of plan.skipped)
            notChecked.push(`Not restored: ${skipped.namespace} — ${skipped.reason}.`);
    }
    const finishedAt = now();
    const report = {
        tool: { ...backup_src/* TOOL */.js },
        mode,
        result: problems.length === 0 && tally.complete ? 'passed' : 'failed',
        source: source.url,
        ...(source.backupId ? { backupId: source.backupId } : {}),
        startedAt: startedAt.toISOString(),
        finishedAt: finishedAt.toISOString(),
        durationMs: finishedAt.getTime() - startedAt.getTime(),
        archive: { layers: [...opened.layers], storedBytes: digest.bytes, sha256, complete: tally.complete },
        namespaces: comparison.rows,
        totals: {
            namespaces: comparison.rows.length,
            documents: tally.documents,
            ...(manifest ? { expectedDocuments: manifest.totals.documents } : {}),
            ...(restored ? { restoredDocuments: [...restored.values()].reduce((t, r) => t + r.documents, 0) } : {}),
        },
        problems,
        notChecked,
        ...(plan
            ? {
                target: { databases: plan.targetDatabases, removed, ...(outcomes ? { namespaces: outcomes } : {}) },
            }
            : {}),
    };
    const proven = !restoreSpec || restoreSpec.readBack;
    if (report.result === 'passed' && source.backupId) {
        await settleRecord(source, report, plan, proven && options.record !== false, logger);
    }
    return report;
}
/**
 * Writes the verification record of a passing check, unless the backup was deleted meanwhile (prune
 * deletes the manifest first): then no record stays in its remains, and a verification fails, since
 * the backup it proved no longer exists (a restore did its job on the target all the same, and says
 * so). Existence is checked before writing and again after, as prune may delete it in between.
 */
async function settleRecord(source, report, plan, record, logger) {
    let exists = await stillExists(source);
    const recorded = exists && record ? await recordVerification(source, report, plan, logger) : undefined;
    if (recorded) {
        report.recorded = source.storage.describe(recorded);
        exists = await stillExists(source);
    }
    if (exists)
        return;
    if (recorded)
        await forgetRecord(source, recorded, logger);
    delete report.recorded;
    const gone = disappeared(source);
    if (report.mode === 'restore')
        report.notChecked.push(`${gone}.`);
    else {
        report.result = 'failed';
        report.problems.push(gone);
    }
}
async function stillExists(source) {
    return (await source.storage.head(`${source.backupId}/${backup_src/* MANIFEST_NAME */.ir}`)) !== undefined;
}
function disappeared(source) {
    return (`backup ${source.backupId} disappeared while it was being read (its ${backup_src/* MANIFEST_NAME */.ir} is gone, ` +
        'e.g. deleted by prune): it no longer exists, and no verification was recorded');
}
/**
 * The end of a staged restore. The swap — the only step that replaces anything of the target — runs
 * when the proof holds: the archive read to its end with every CRC, no problem found (stored
 * SHA-256, counts and content hashes against the manifest, the staged data read back, no refused
 * document). Anything else, cancellation included, removes the staging and leaves the target as it was.
 */
async function settleStaged(staging, plan, proof, signal) {
    if (signal?.aborted)
        throw await abandon(staging, plan, signal.reason);
    if (!proof.archiveComplete || proof.problems.length > 0)
        return { outcomes: await staging.discard(plan) };
    try {
        return { outcomes: await staging.swap(plan, proof) };
    }
    catch (error) {
        if (error instanceof mongo_src/* SwapFailedError */.V1)
            return { outcomes: error.outcomes, problem: error.summary };
        throw error;
    }
}
/** A staged restore that stops with an error: the staging is removed and the error says what each target is. */
async function abandon(staging, plan, error) {
    // Without a plan nothing was written; a refused plan wrote nothing either, and says so.
    if (!staging || !plan || (0,mongo_src/* refusalError */.z_)(plan))
        return error;
    const message = `${(0,src/* errorMessage */.gJ)(error)}\n${(0,mongo_src/* describeOutcomes */.vl)(await staging.discard(plan))}`;
    return error instanceof src/* UserError */.yo
        ? new src/* UserError */.yo(message, { cause: error })
        : new Error(message, { cause: error });
}
function batchOption(batchBytes) {
    return batchBytes === undefined ? {} : { batchBytes };
}
function shaVerdict(source, digest, checkSha, problems, notChecked, skipped) {
    const expected = source.manifest?.archive.sha256;
    if (!source.manifest) {
        notChecked.push('SHA-256 and size of the stored object: there is no manifest holding them.');
        return { actual: digest.sha256, state: 'not-checked' };
    }
    if (!checkSha) {
        if (skipped)
            notChecked.push('SHA-256 of the stored object: skipped on request.');
        return { ...(expected ? { expected } : {}), state: 'not-checked' };
    }
    if (!digest.complete) {
        notChecked.push('SHA-256 of the stored object: it could not be read to its end.');
        return { ...(expected ? { expected } : {}), state: 'not-checked' };
    }
    const { size, sha256 } = source.manifest.archive;
    if (digest.sha256 === sha256)
        return { expected: sha256, actual: digest.sha256, state: 'passed' };
    const sizeNote = digest.bytes === size
        ? `same size, ${digest.bytes} bytes`
        : `${digest.bytes} bytes, the manifest says ${size}`;
    // First: every later problem follows from it.
    problems.unshift(`the stored archive ${source.url} does not match its manifest: SHA-256 ${digest.sha256}, expected ${sha256} ` +
        `(${sizeNote}); it was changed or damaged after the backup was written`);
    return { expected: sha256, actual: digest.sha256, state: 'failed' };
}
/** Drops the scratch databases a full verification created; returns whether it did. */
async function removeScratch(spec, plan, logger) {
    if (!spec?.removeAfter || !plan)
        return false;
    let removed = true;
    for (const db of plan.targetDatabases) {
        try {
            await spec.client.db(db).dropDatabase();
        }
        catch (error) {
            removed = false;
            logger.warn(`could not drop scratch database ${db}: ${(0,src/* errorMessage */.gJ)(error)}`);
        }
    }
    return removed;
}
/**
 * Writes the verification record of this mode and scope next to the manifest (see
 * `@shipkit/backup` verification.ts for the layout); returns its key. A store that refuses it is a
 * warning, not a failure.
 */
async function recordVerification(source, report, plan, logger) {
    const { manifest, manifestSha256 } = source;
    const id = source.backupId;
    if (!manifest || !manifestSha256)
        return undefined;
    const listed = new Set(manifest.namespaces.map((ns) => `${ns.db}.${ns.collection}`));
    const namespaces = report.namespaces.map((row) => row.namespace).filter((ns) => listed.has(ns));
    const notRestorable = (plan?.skipped ?? []).map((s) => s.namespace).filter((ns) => listed.has(ns));
    const covered = new Set([...namespaces, ...notRestorable]);
    const record = {
        formatVersion: backup_src/* VERIFICATION_FORMAT_VERSION */.TQ,
        backupId: id,
        mode: report.mode,
        scope: [...listed].every((ns) => covered.has(ns)) ? 'all' : 'partial',
        result: 'passed',
        verifiedAt: report.finishedAt,
        tool: { ...backup_src/* TOOL */.js },
        archiveSha256: manifest.archive.sha256,
        manifestSha256,
        namespaces,
        notRestorable,
        documents: report.namespaces
            .filter((row) => row.type !== 'view' && listed.has(row.namespace))
            .reduce((sum, row) => sum + (row.restored?.documents ?? row.archive?.documents ?? 0), 0),
    };
    const key = `${id}/${(0,backup_src/* verificationName */.HH)(record.mode, record.scope)}`;
    try {
        await source.storage.put(key, Buffer.from(`${JSON.stringify(record, null, 2)}\n`), {
            contentType: 'application/json',
        });
        return key;
    }
    catch (error) {
        logger.warn(`the verification passed but ${source.storage.describe(key)} could not be written: ${(0,src/* errorMessage */.gJ)(error)}`);
        return undefined;
    }
}
async function forgetRecord(source, key, logger) {
    try {
        await source.storage.delete(key);
    }
    catch (error) {
        logger.warn(`could not remove ${source.storage.describe(key)}: ${(0,src/* errorMessage */.gJ)(error)}`);
    }
}

;// CONCATENATED MODULE: ../verify/src/drill.ts
/**
 * The restore drill: which backups it restores, and what the restores say about the recovery targets.
 * Pure — the CLI's `drill` command lists the backups, runs each restore and hands the measurements here.
 *
 * RPO (how much data a disaster would lose): the age of the newest complete backup when the drill starts.
 * RTO (how long recovery takes): each restore's time from start to verified — fetch, decrypt, restore
 * into the drill server and compare with the manifest.
 */


/** Parses `--older`: random, none or a backup id. */
function parseOlderChoice(value, label = '--older') {
    const text = (value ?? 'random').trim();
    if (text === '' || text === 'random')
        return { kind: 'random' };
    if (text === 'none')
        return { kind: 'none' };
    if (!(0,backup_src/* isBackupId */["if"])(text)) {
        throw new src/* UserError */.yo(`${label} must be random, none or a backup id such as 2026-11-25T031700Z-1a2b3c; got '${text}'.`);
    }
    return { kind: 'id', id: text };
}
/**
 * The newest complete backup, and one older complete backup as `older` says. `random` is in [0, 1).
 * Incomplete folders (no manifest) are not backups and are never chosen.
 */
function planDrill(candidates, older, random, location) {
    const complete = candidates.filter((c) => c.complete).sort((a, b) => (a.id < b.id ? 1 : -1));
    const [newest, ...rest] = complete;
    if (!newest) {
        throw new src/* UserError */.yo(`No complete backup at ${location}: there is nothing to drill.`);
    }
    const restores = [{ role: 'newest', id: newest.id, time: newest.time }];
    if (older.kind === 'none')
        return { restores, note: 'no older backup was asked for (--older none)' };
    if (older.kind === 'id') {
        if (older.id === newest.id) {
            throw new src/* UserError */.yo(`--older ${older.id} is the newest backup, which the drill restores anyway: name an older one.`);
        }
        const chosen = rest.find((c) => c.id === older.id);
        if (!chosen) {
            throw new src/* UserError */.yo(`--older ${older.id} is not a complete backup at ${location}; complete backups: ${complete.map((c) => c.id).join(', ')}.`);
        }
        return { restores: [...restores, { role: 'older', id: chosen.id, time: chosen.time }] };
    }
    if (rest.length === 0)
        return { restores, note: 'only one complete backup is retained: no older one to restore' };
    const chosen = rest[Math.min(rest.length - 1, Math.floor(random() * rest.length))];
    return { restores: [...restores, { role: 'older', id: chosen.id, time: chosen.time }] };
}
const seconds = (ms) => Math.round(ms / 100) / 10;
/** Judges a drill's restores against its targets. */
function assessDrill(drill) {
    const { targets, startedAt } = drill;
    const newest = drill.restores.find((r) => r.role === 'newest');
    if (!newest)
        throw new Error('a drill always restores the newest backup');
    const missed = [];
    const ageMs = Math.max(0, startedAt.getTime() - newest.time.getTime());
    const rpoMet = ageMs <= targets.rpoMs;
    if (!rpoMet) {
        missed.push(`RPO missed: the newest backup ${newest.id} was ${(0,src/* formatDuration */.a3)(ageMs)} old, over the ${(0,src/* formatDuration */.a3)(targets.rpoMs)} target.`);
    }
    const restores = drill.restores.map((r) => {
        const withinRto = r.verified && r.durationMs <= targets.rtoMs;
        if (!r.verified) {
            missed.push(`The ${r.role} backup ${r.id} did not restore correctly: ${r.problems.join('; ') || 'see its report'}.`);
        }
        else if (!withinRto) {
            missed.push(`RTO missed: restoring the ${r.role} backup ${r.id} took ${(0,src/* formatDuration */.a3)(r.durationMs)}, over the ${(0,src/* formatDuration */.a3)(targets.rtoMs)} target.`);
        }
        return {
            role: r.role,
            backupId: r.id,
            backupTime: r.time.toISOString(),
            ageSeconds: seconds(Math.max(0, startedAt.getTime() - r.time.getTime())),
            verified: r.verified,
            restoreSeconds: seconds(r.durationMs),
            withinRto,
            documents: r.documents,
            namespaces: r.namespaces,
            problems: r.problems,
        };
    });
    const rtoMet = restores.every((r) => r.withinRto);
    return {
        format: 'mongo-shipkit-restore-drill/1',
        startedAt: startedAt.toISOString(),
        finishedAt: drill.finishedAt.toISOString(),
        source: drill.source,
        passed: missed.length === 0,
        targets: { rtoSeconds: seconds(targets.rtoMs), rpoSeconds: seconds(targets.rpoMs) },
        rpo: {
            backupId: newest.id,
            backupTime: newest.time.toISOString(),
            ageSeconds: seconds(ageMs),
            met: rpoMet,
        },
        rto: { worstSeconds: Math.max(...restores.map((r) => r.restoreSeconds)), met: rtoMet },
        restores,
        missed,
        ...(drill.note ? { note: drill.note } : {}),
    };
}
const ms = (s) => s * 1000;
const mark = (met) => (met ? '✅' : '❌');
/** The drill as a job-summary table: one row per restore, then the two targets. */
function drillMarkdown(record) {
    const lines = [
        `### ${record.passed ? '✅ Restore drill met its targets' : '❌ Restore drill missed its targets'}`,
        '',
        `Backups at \`${record.source}\`, drill started ${record.startedAt}.`,
        '',
        '| Backup | Role | Age | Restore time | Verified | Documents | Within RTO |',
        '| --- | --- | --- | --- | --- | --- | --- |',
        ...record.restores.map((r) => `| \`${r.backupId}\` | ${r.role} | ${(0,src/* formatDuration */.a3)(ms(r.ageSeconds))} | ${(0,src/* formatDuration */.a3)(ms(r.restoreSeconds))} | ${mark(r.verified)} | ${r.documents} | ${mark(r.withinRto)} |`),
        '',
        '| Target | Goal | Measured | Met |',
        '| --- | --- | --- | --- |',
        `| RTO (restore time) | ≤ ${(0,src/* formatDuration */.a3)(ms(record.targets.rtoSeconds))} | ${(0,src/* formatDuration */.a3)(ms(record.rto.worstSeconds))} (slowest restore) | ${mark(record.rto.met)} |`,
        `| RPO (newest backup's age) | ≤ ${(0,src/* formatDuration */.a3)(ms(record.targets.rpoSeconds))} | ${(0,src/* formatDuration */.a3)(ms(record.rpo.ageSeconds))} | ${mark(record.rpo.met)} |`,
        '',
    ];
    if (record.note)
        lines.push(`Note: ${record.note}.`, '');
    if (record.missed.length > 0)
        lines.push(...record.missed.map((m) => `- ${m}`), '');
    return `${lines.join('\n')}\n`;
}

;// CONCATENATED MODULE: ../verify/src/freshness.ts


/**
 * Whether the newest complete (and, if asked, verified) backup is recent enough: for deploy gates and
 * for a watchdog that notices when scheduled backups stopped. Which backups count is the catalogue's
 * call; damaged ones never do. Age is measured from the backup's id, which is the time it started.
 */
async function checkFreshness(storage, options, now = () => new Date()) {
    const requireVerified = options.requireVerified ?? false;
    const entries = await (0,backup_src/* listBackups */.Cw)(storage);
    const qualifying = entries.filter((e) => (requireVerified ? e.verified : e.complete));
    const damaged = entries.filter((e) => e.state === 'damaged');
    const kind = requireVerified ? 'verified backup' : 'complete backup';
    const base = {
        location: storage.describe(),
        maxAgeMs: options.maxAgeMs,
        requireVerified,
        backups: entries.length,
        qualifying: qualifying.length,
        damaged: damaged.map((e) => ({ id: e.id, damage: e.damage })),
    };
    const alarm = damaged.length === 0
        ? ''
        : ` ${damaged.length} damaged backup(s) not counted, newest ${damaged[0]?.id}: ${damaged[0]?.damage.join('; ')}.`;
    const newest = qualifying[0];
    if (!newest) {
        const count = (state) => entries.filter((e) => e.state === state).length;
        const seen = entries.length === 0
            ? 'no backups at all'
            : `${entries.length} backup folder(s), ${count('incomplete')} incomplete, ${count('damaged')} damaged` +
                (requireVerified ? `, ${count('complete')} complete but not verified` : '');
        return { ...base, fresh: false, message: `No ${kind} at ${base.location} (${seen}).${alarm}` };
    }
    const ageMs = now().getTime() - newest.time.getTime();
    const fresh = ageMs <= options.maxAgeMs;
    const age = (0,src/* formatDuration */.a3)(Math.max(0, ageMs));
    return {
        ...base,
        fresh,
        newest: { id: newest.id, time: newest.time.toISOString(), ageMs, verified: newest.verified },
        message: (fresh
            ? `The newest ${kind} at ${base.location}, ${newest.id}, is ${age} old (allowed: ${(0,src/* formatDuration */.a3)(options.maxAgeMs)}).`
            : `The newest ${kind} at ${base.location}, ${newest.id}, is ${age} old: older than the allowed ` +
                `${(0,src/* formatDuration */.a3)(options.maxAgeMs)}. Check that scheduled backups still run (GitHub disables schedules after 60 days without activity).`) +
            alarm,
    };
}

;// CONCATENATED MODULE: ../verify/src/render.ts



const MARK = { passed: 'ok', failed: 'MISMATCH', 'not-checked': '–' };
/** The per-namespace table: expected vs actual count, and whether count, content hash, CRC and indexes match. */
function namespaceRows(report) {
    const restoring = report.mode !== 'integrity';
    const headers = [
        'namespace',
        ...(restoring ? ['restored as'] : []),
        'type',
        'expected',
        'actual',
        'count',
        'content hash',
        'crc',
        'indexes',
    ];
    const rows = report.namespaces.map((ns) => [
        ns.namespace,
        ...(restoring ? [ns.restoredAs ?? '–'] : []),
        ns.type,
        ns.expected.documents === undefined ? '–' : (0,src/* formatCount */.B4)(ns.expected.documents),
        actualCount(ns, restoring),
        MARK[ns.checks.count],
        MARK[ns.checks.contentHash],
        MARK[ns.checks.crc],
        MARK[ns.checks.indexes],
    ]);
    return { headers, rows };
}
function actualCount(ns, restoring) {
    const found = restoring ? ns.restored?.documents : ns.archive?.documents;
    return found === undefined ? '–' : (0,src/* formatCount */.B4)(found);
}
function headline(report) {
    const what = report.mode === 'restore' ? 'restore check' : `${report.mode} verification`;
    const subject = report.backupId ? `backup ${report.backupId}` : report.source;
    const documents = report.totals.restoredDocuments ?? report.totals.documents;
    return (`${what} of ${subject} ${report.result === 'passed' ? 'PASSED' : 'FAILED'}: ` +
        `${report.totals.namespaces} namespaces, ${(0,src/* formatCount */.B4)(documents)} documents, ` +
        `${(0,src/* formatBytes */.z3)(report.archive.storedBytes)} read in ${(0,src/* formatDuration */.a3)(report.durationMs)}`);
}
/** The job summary of the action. */
function reportMarkdown(report) {
    const { headers, rows } = namespaceRows(report);
    const numeric = headers.map((h) => (h === 'expected' || h === 'actual' ? 'r' : 'l'));
    const sha = report.archive.sha256;
    return sections(heading(`${report.result === 'passed' ? '✅' : '❌'} ${headline(report)}`), `Archive \`${report.source}\` (${report.archive.layers.join(' + ') || 'plain'}), SHA-256: ${MARK[sha.state]}` +
        (sha.actual ? ` \`${sha.actual}\`` : ''), table(headers, rows, numeric), report.problems.length > 0 && heading('Problems', 4), report.problems.length > 0 && report.problems.map((p) => `- ${p.replace(/\n/g, '\n  ')}`).join('\n'), report.notChecked.length > 0 && heading('Not checked', 4), report.notChecked.length > 0 && report.notChecked.map((p) => `- ${p}`).join('\n'), report.target?.namespaces && heading('Target', 4), report.target?.namespaces &&
        table(['namespace', 'now', 'note'], report.target.namespaces.map((o) => [o.namespace, o.state, o.note ?? ''])), report.recorded && `Recorded in \`${report.recorded}\`.`);
}
/** What interrupted restores left in the target databases, and what becomes of it. */
function leftoversLine(plan) {
    const describe = (l) => l.role === 'new'
        ? `${l.db}.${l.name} (restored data never swapped in; removed by this restore)`
        : `${l.db}.${l.name} (what ${l.db}.${l.collection} held before an interrupted swap; the restore refuses until it is renamed back or dropped)`;
    return `Left by interrupted restores: ${plan.leftovers.map(describe).join(', ')}`;
}
/** What a restore would do, one line per namespace. */
function planRows(plan) {
    return {
        headers: ['namespace', 'restore into', 'type', 'target now', 'action'],
        rows: plan.namespaces.map((n) => [
            (0,archive_src/* namespaceName */.dz)(n.source),
            (0,archive_src/* namespaceName */.dz)(n.target),
            n.type,
            (0,mongo_src/* describeState */.Jw)(n.existing),
            n.action,
        ]),
    };
}
function planMarkdown(plan) {
    const { headers, rows } = planRows(plan);
    return sections(table(headers, rows), plan.excluded.length > 0 && `Excluded: ${plan.excluded.join(', ')}`, plan.skipped.length > 0 &&
        `Never restored: ${plan.skipped.map((s) => `${s.namespace} (${s.reason})`).join(', ')}`, plan.leftovers.length > 0 && leftoversLine(plan), `Target databases: ${plan.targetDatabases.join(', ') || '(none)'}`);
}

;// CONCATENATED MODULE: ../verify/src/report.ts

/** Thrown by callers that turn a failed report into a failed step: its message names every problem. */
class VerificationFailedError extends Error {
    report;
    name = 'VerificationFailedError';
    constructor(report) {
        super(failureMessage(report));
        this.report = report;
    }
}
function failureMessage(report) {
    const what = report.mode === 'restore' ? 'Restore check' : `Verification (${report.mode})`;
    const subject = report.backupId ? `backup ${report.backupId}` : report.source;
    const count = report.problems.length;
    const outcomes = report.target?.namespaces;
    return [
        `${what} of ${subject} failed with ${count} problem${count === 1 ? '' : 's'}:`,
        ...report.problems.map((p) => `  - ${p}`),
        ...(outcomes ? [(0,mongo_src/* describeOutcomes */.vl)(outcomes)] : []),
    ].join('\n');
}

;// CONCATENATED MODULE: ../verify/src/source.ts


/**
 * Finds the archive a request names. A backup without a manifest does not exist: naming one is an
 * error that says so. A URL that is neither a backup folder nor an object is checked for backups
 * below it, to suggest `latest`.
 */
async function locateBackup(request, open) {
    const backup = request.backup.trim();
    if (backup.includes('://'))
        return locateUrl(backup, open);
    if (!request.source) {
        throw new src/* UserError */.yo(`Backup '${backup}' needs the prefix it is stored under ('source', e.g. s3://bucket/backups), ` +
            'or give the backup as a URL.');
    }
    return locateInPrefix(open(request.source), backup);
}
/** Asks the catalogue which backup `ref` is and what state it is in; never reads a manifest itself. */
async function locateInPrefix(storage, ref) {
    const { entry, passedOver } = await (0,backup_src/* resolveBackup */.p2)(storage, ref);
    const { manifest, manifestSha256 } = entry;
    if (!manifest || !manifestSha256) {
        throw new src/* UserError */.yo(`Backup ${entry.id} at ${storage.describe('')} is damaged and cannot be read: ${entry.damage.join('; ')}.`);
    }
    const archiveKey = `${entry.id}/${manifest.archive.key}`;
    return {
        storage,
        archiveKey,
        backupId: entry.id,
        manifest,
        manifestSha256,
        ...(entry.damage.length > 0 ? { damage: entry.damage } : {}),
        ...(passedOver.length > 0 ? { passedOver: passedOver.map((e) => ({ id: e.id, damage: e.damage })) } : {}),
        url: storage.describe(archiveKey),
    };
}
async function locateUrl(url, open) {
    let { parent, name } = splitUrl(url);
    if (name === backup_src/* MANIFEST_NAME */.ir && parent)
        ({ parent, name } = splitUrl(parent));
    if (parent !== undefined && (0,backup_src/* isBackupId */["if"])(name))
        return locateInPrefix(open(parent), name);
    if (parent !== undefined && name !== '') {
        const storage = open(parent);
        if (await storage.head(name))
            return { storage, archiveKey: name, url: storage.describe(name) };
    }
    const asPrefix = open(url);
    const backups = await (0,backup_src/* listBackups */.Cw)(asPrefix);
    if (backups.some((b) => b.state !== 'incomplete')) {
        throw new src/* UserError */.yo(`${asPrefix.describe()} holds backups, not one archive: ask for the newest with --latest (CLI) or ` +
            'backup: latest (action), or name one by its id.');
    }
    throw new src/* UserError */.yo(`Nothing to read at ${asPrefix.describe()}: it is neither a backup folder (…/<backup-id>), nor an ` +
        'archive file, nor a prefix holding backups.');
}
/** `s3://b/p/x` → `s3://b/p` and `x`; no parent when the URL is a bucket or a root. */
function splitUrl(url) {
    const trimmed = url.replace(/\/+$/, '');
    const slash = trimmed.lastIndexOf('/');
    const parent = trimmed.slice(0, slash);
    const name = trimmed.slice(slash + 1);
    return { parent: /:\/\/?$/.test(parent) || parent === '' ? undefined : parent, name };
}

;// CONCATENATED MODULE: ../verify/src/run.ts






const MODES = (/* unused pure expression or super */ null && (['integrity', 'full', 'restore']));
/** Reads the inputs shared by the action and the CLI (location and mode are read by each caller). */
function commonOptionsFromInputs(inputs, env) {
    return {
        identityInput: 'decrypt-identity',
        renames: (0,mongo_src/* pairRenames */.wr)(inputs.list('ns-from'), inputs.list('ns-to')),
        include: inputs.list('include'),
        exclude: inputs.list('exclude'),
        drop: inputs.boolean('drop', false),
        parallelism: inputs.integer('parallelism', 4, { min: 1, max: 64 }),
        timeoutMs: inputs.duration('timeout', 6 * 3_600_000),
        ...(0,backup_src/* connectTimeoutFromInputs */.B4)(inputs),
        storage: (0,backup_src/* s3OptionsFromInputs */.mD)(inputs, env),
    };
}
/** The comma-joined target databases `confirm` must equal (order and spaces do not matter). */
function checkConfirmation(plan, given) {
    const expected = plan.targetDatabases.join(',');
    const listed = (given ?? '')
        .split(',')
        .map((db) => db.trim())
        .filter((db) => db !== '')
        .sort();
    return { expected, given: given ?? '', matches: listed.length > 0 && listed.join(',') === expected };
}
/**
 * Locates the backup, then verifies it (`integrity`, `full`) or restores it (`restore`) within the
 * timeout. Restore mode plans first: with a confirmation required and not matching, or in a dry run,
 * it returns the plan and writes nothing.
 */
async function runVerifyRestore(options, deps) {
    // One deadline for the run: storage requests, downloads and MongoDB commands are all bound to it.
    const deadline = new src/* Deadline */.B2({
        run: `${options.mode} run`,
        timeoutMs: options.timeoutMs,
        ...(deps.signal && { signal: deps.signal }),
    });
    try {
        return await deadline.bound(verifyOrRestore(options, deps, deadline));
    }
    finally {
        deadline.dispose();
    }
}
async function verifyOrRestore(options, deps, deadline) {
    const open = deps.openStorage ??
        ((url) => (0,storage_src.openStorage)(url, { s3: options.storage, logger: deps.logger, deadline }));
    const connectTo = deps.connect ??
        ((uri) => (0,mongo_src/* connect */.Ng)(uri, {
            appName: 'shipkit-verify',
            deadline,
            ...(options.connectTimeoutMs !== undefined && { timeoutMs: options.connectTimeoutMs }),
        }));
    const clients = [];
    const opened = [];
    const openTracked = (url) => {
        const storage = open(url);
        opened.push(storage);
        return storage;
    };
    try {
        const source = await locateBackup(options.location, openTracked);
        for (const skipped of source.passedOver ?? []) {
            deps.logger.warn(`passed over damaged backup ${skipped.id}: ${skipped.damage.join('; ')}`);
        }
        if (options.mode === 'restore' && source.damage) {
            throw new src/* UserError */.yo(`Backup ${source.backupId} is damaged (${source.damage.join('; ')}): it is not restored. ` +
                '`shipkit verify` on it names every problem; restore another backup, or, knowing the risk, ' +
                'restore its archive with stock mongorestore (docs/RECOVERY.md, "With stock tools only").');
        }
        deps.logger.info(`reading ${source.url}${source.backupId ? ` (backup ${source.backupId})` : ''}`);
        const progress = new src/* ProgressReporter */.Py({
            label: options.mode === 'restore' ? 'restore' : `verify (${options.mode})`,
            ...(source.manifest ? { totalBytes: source.manifest.totals.bytes } : {}),
            log: (line) => deps.logger.info(line),
            intervalMs: deps.progressIntervalMs ?? 10_000,
        });
        const common = {
            ...(options.identity ? { identity: options.identity } : {}),
            identityInput: options.identityInput,
            parallelism: options.parallelism,
            ...(options.record === undefined ? {} : { record: options.record }),
        };
        const checkDeps = {
            logger: deps.logger,
            signal: deadline.signal,
            progress,
            ...(deps.now ? { now: deps.now } : {}),
        };
        if (options.mode !== 'restore') {
            let scratch;
            if (options.mode === 'full') {
                if (!options.scratchUri) {
                    throw new src/* UserError */.yo("Mode 'full' restores into a scratch server: give 'scratch-mongodb-uri'.");
                }
                const client = await connectTo(options.scratchUri);
                clients.push(client);
                scratch = client;
            }
            const report = await verifyBackup(source, { ...common, mode: options.mode, renames: options.renames }, { ...checkDeps, ...(scratch ? { scratch } : {}) });
            progress.done();
            return { kind: 'report', source, report };
        }
        if (!options.targetUri)
            throw new src/* UserError */.yo("Mode 'restore' needs the target server: give 'target-mongodb-uri'.");
        const target = await connectTo(options.targetUri);
        clients.push(target);
        const selection = { renames: options.renames, include: options.include, exclude: options.exclude };
        const plan = await planBackupRestore(source, { ...common, ...selection, drop: options.drop }, target);
        const confirmation = options.requireConfirmation ? checkConfirmation(plan, options.confirm) : undefined;
        if (options.dryRun || (confirmation && !confirmation.matches))
            return { kind: 'plan', source, plan, confirmation };
        const report = await restoreBackup(source, {
            ...common,
            ...selection,
            drop: options.drop,
            ...(options.readBack === false ? { readBack: false } : {}),
        }, target, checkDeps);
        progress.done();
        return { kind: 'report', source, report };
    }
    catch (error) {
        // A stopped run reports why it stopped; what failed because of the stop is only a consequence —
        // unless it is that reason itself, told in more detail (a cancelled restore lists its targets).
        const reason = deadline.reason;
        throw reason && !(error instanceof Error && error.cause === reason) ? reason : error;
    }
    finally {
        await Promise.allSettled(clients.map((client) => (0,mongo_src/* disconnect */.Zf)(client)));
        await Promise.allSettled(opened.map((storage) => storage.close()));
    }
}

;// CONCATENATED MODULE: ../verify/src/index.ts
// Verification of backups (integrity: no database; full: restore and compare), the restore path with
// its checks, and the freshness gate.












/***/ })

};
