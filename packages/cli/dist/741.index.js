export const id = 741;
export const ids = [741];
export const modules = {

/***/ 1336:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ ArchiveFormatError)
/* harmony export */ });
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


/***/ }),

/***/ 9620:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qz: () => (/* binding */ TERMINATOR),
/* harmony export */   bJ: () => (/* binding */ MAX_DOCUMENT_SIZE),
/* harmony export */   dz: () => (/* binding */ namespaceName),
/* harmony export */   gG: () => (/* binding */ ARCHIVE_VERSION),
/* harmony export */   jU: () => (/* binding */ namespaceKey),
/* harmony export */   mF: () => (/* binding */ NAMESPACE_TYPES),
/* harmony export */   p8: () => (/* binding */ BUCKETS_PREFIX),
/* harmony export */   r8: () => (/* binding */ MIN_DOCUMENT_SIZE),
/* harmony export */   rb: () => (/* binding */ ARCHIVE_MAGIC),
/* harmony export */   tL: () => (/* binding */ toNamespace),
/* harmony export */   y8: () => (/* binding */ isOplog)
/* harmony export */ });
/* unused harmony export OPLOG_NAMESPACE */
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


/***/ }),

/***/ 6477:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ TOOL)
/* harmony export */ });
/**
 * The name and version recorded in manifests, archive preludes and verification records. Kept in
 * source (not read from package.json at run time) so bundles carry it; a test checks it matches the
 * root package.json, and the release script updates both.
 */
const TOOL = { name: 'mongo-shipkit', version: '0.1.0' };


/***/ }),

/***/ 1486:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SEED_IDENTITY_OPTION: () => (/* binding */ SEED_IDENTITY_OPTION),
/* harmony export */   backupSeeder: () => (/* binding */ backupSeeder)
/* harmony export */ });
/* harmony import */ var _shipkit_restore__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(29);
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(673);
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3422);
/* harmony import */ var _shipkit_verify__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8951);
/* harmony import */ var _shipkit_verify__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7903);



/** The option that gives the identity of an encrypted template backup. */
const SEED_IDENTITY_OPTION = 'seed-identity';
/**
 * Seeds a client's database from a template backup (a backup folder of this suite or a bare mongodump
 * archive): its one database is restored under the client's name, checked against the backup, and
 * nothing else is touched. A client database that already holds those collections is refused.
 */
function backupSeeder(deps) {
    return {
        async seed({ from, uri, database, logger }) {
            const source = await (0,_shipkit_verify__WEBPACK_IMPORTED_MODULE_0__/* .locateBackup */ .T)({ backup: from }, deps.openStorage);
            const access = deps.identity ? { identity: deps.identity, identityOption: SEED_IDENTITY_OPTION } : {};
            const client = await deps.connect(uri);
            try {
                const plan = await (0,_shipkit_restore__WEBPACK_IMPORTED_MODULE_1__/* .planBackupRestore */ .mD)(source, access, client);
                const databases = [...new Set(plan.namespaces.map((n) => n.source.db))];
                if (databases.length !== 1) {
                    throw new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_2__/* .OptionError */ .eR('seed-from', `must name a backup of one template database; ${source.url} holds ` +
                        `${databases.length === 0 ? 'none' : `${databases.length} (${databases.join(', ')})`}.`);
                }
                const template = databases[0];
                const report = await (0,_shipkit_restore__WEBPACK_IMPORTED_MODULE_1__/* .restoreBackup */ .dH)(source, {
                    ...access,
                    include: [`${template}.*`],
                    renames: [{ from: `${template}.*`, to: `${database}.*` }],
                    record: false,
                }, client, { logger });
                if (report.result !== 'passed')
                    throw new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .y(`Seeding ${database} failed: ${(0,_shipkit_verify__WEBPACK_IMPORTED_MODULE_4__/* .failureMessage */ .o)(report)}`);
                return {
                    sourceDatabase: template,
                    collections: report.totals.namespaces,
                    documents: report.totals.restoredDocuments ?? report.totals.documents,
                };
            }
            finally {
                await client.close();
            }
        },
    };
}


/***/ }),

/***/ 29:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dH: () => (/* binding */ restoreBackup),
/* harmony export */   mD: () => (/* binding */ planBackupRestore)
/* harmony export */ });
/* unused harmony export StagedRestore */
/* harmony import */ var _shipkit_backup__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3957);
/* harmony import */ var _shipkit_mongo__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7782);
/* harmony import */ var _shipkit_mongo__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3813);
/* harmony import */ var _shipkit_mongo__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7132);
/* harmony import */ var _shipkit_mongo__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8001);
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(673);
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(3422);
/* harmony import */ var _shipkit_verify__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(925);
/* harmony import */ var _shipkit_verify__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8674);




/**
 * The disaster-recovery path: restores into staging collections of `target`, reads them back and
 * checks them against the manifest (or, for a bare archive, against the archive itself), and swaps
 * them into place only when everything passed. Otherwise the staging is removed and the target left
 * as it was; the report (or the error thrown) says what each target namespace is.
 */
async function restoreBackup(source, options, target, deps = {}) {
    return (0,_shipkit_verify__WEBPACK_IMPORTED_MODULE_0__/* .runCheck */ .k_)(source, 'restore', options, {
        client: target,
        selection: options,
        drop: options.drop ?? false,
        swap: new StagedRestore(target, deps.logger),
        removeAfter: false,
        readBack: options.readBack ?? true,
    }, deps);
}
/** What a restore would do, from the archive's prelude and the target's current state; writes nothing. */
async function planBackupRestore(source, options, target) {
    const mapper = new _shipkit_mongo__WEBPACK_IMPORTED_MODULE_1__/* .NamespaceMapper */ .h(options);
    const identity = await (0,_shipkit_verify__WEBPACK_IMPORTED_MODULE_0__/* .identityFor */ .K5)(source, options);
    const opened = await (0,_shipkit_verify__WEBPACK_IMPORTED_MODULE_2__/* .openBackupArchive */ .F)(source, {
        ...(identity ? { identity } : {}),
        identityOption: options.identityOption ?? _shipkit_backup__WEBPACK_IMPORTED_MODULE_3__/* .IDENTITY_OPTION */ .fN,
    });
    try {
        for await (const event of opened.events) {
            if (event.type === 'prelude') {
                return await (0,_shipkit_mongo__WEBPACK_IMPORTED_MODULE_4__/* .planRestore */ .q8)(target, event.namespaces, mapper, {
                    drop: options.drop ?? false,
                    run: (0,_shipkit_mongo__WEBPACK_IMPORTED_MODULE_5__/* .newRunId */ .F$)(),
                });
            }
        }
        throw new Error(`${source.url} ended before its prelude`);
    }
    finally {
        await opened.close();
    }
}
/**
 * How a staged restore ends. The swap — the only step that replaces anything of the target — runs
 * when the proof holds: the archive read to its end with every CRC, no problem found (stored
 * SHA-256, counts and content hashes against the manifest, the staged data read back, no refused
 * document). Anything else, cancellation included, removes the staging and leaves the target as
 * it was.
 */
class StagedRestore {
    staging;
    constructor(target, logger) {
        this.staging = new _shipkit_mongo__WEBPACK_IMPORTED_MODULE_6__/* .Staging */ .CP(target, logger ? { logger } : {});
    }
    async settle(plan, proof, signal) {
        if (signal?.aborted)
            throw await this.abandon(plan, signal.reason);
        if (!proof.archiveComplete || proof.problems.length > 0) {
            return { outcomes: await this.staging.discard(plan) };
        }
        try {
            return { outcomes: await this.staging.swap(plan, proof) };
        }
        catch (error) {
            if (error instanceof _shipkit_mongo__WEBPACK_IMPORTED_MODULE_6__/* .SwapFailedError */ .V1)
                return { outcomes: error.outcomes, problem: error.summary };
            throw error;
        }
    }
    /** A restore that stops with an error: the staging is removed and the error says what each target is. */
    async abandon(plan, error) {
        // Without a plan nothing was written; a refused plan wrote nothing either, and says so.
        if (!plan || (0,_shipkit_mongo__WEBPACK_IMPORTED_MODULE_4__/* .refusalError */ .z_)(plan))
            return error;
        const outcomes = `\n${(0,_shipkit_mongo__WEBPACK_IMPORTED_MODULE_6__/* .describeOutcomes */ .vl)(await this.staging.discard(plan))}`;
        if (error instanceof _shipkit_runtime__WEBPACK_IMPORTED_MODULE_7__/* .OptionError */ .eR) {
            const text = [...error.text, outcomes];
            return error.key === undefined
                ? _shipkit_runtime__WEBPACK_IMPORTED_MODULE_7__/* .OptionError */ .eR.saying(text, { cause: error })
                : new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_7__/* .OptionError */ .eR(error.key, text, { cause: error });
        }
        const message = `${(0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_8__/* .errorMessage */ .g)(error)}${outcomes}`;
        return error instanceof _shipkit_runtime__WEBPACK_IMPORTED_MODULE_8__/* .UserError */ .y
            ? new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_8__/* .UserError */ .y(message, { cause: error })
            : new Error(message, { cause: error });
    }
}


/***/ }),

/***/ 6306:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ MemoryKeeper)
/* harmony export */ });
/* harmony import */ var node_v8__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8877);
/* harmony import */ var node_v8__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_v8__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_vm__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(714);
/* harmony import */ var node_vm__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_vm__WEBPACK_IMPORTED_MODULE_1__);


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
    (0,node_v8__WEBPACK_IMPORTED_MODULE_0__.setFlagsFromString)('--semi-space-growth-factor=1');
}
let collect;
/** V8's `gc()`, or null where it cannot be had. */
function fullCollection() {
    if (collect === undefined) {
        try {
            // The flag exposes `gc` to contexts created after it is set: create one and take it from there.
            (0,node_v8__WEBPACK_IMPORTED_MODULE_0__.setFlagsFromString)('--expose-gc');
            collect = (0,node_vm__WEBPACK_IMPORTED_MODULE_1__.runInNewContext)('gc');
        }
        catch {
            collect = null;
        }
    }
    return collect;
}


/***/ })

};
