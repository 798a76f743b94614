export const id = 756;
export const ids = [756];
export const modules = {

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

/***/ 2756:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  backupFinalize: () => (/* binding */ backupFinalize),
  backupPart: () => (/* binding */ backupPart),
  backupPlan: () => (/* binding */ backupPlan)
});

// EXTERNAL MODULE: ../backup/src/options.ts
var src_options = __webpack_require__(3453);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:stream/consumers"
var consumers_ = __webpack_require__(8321);
// EXTERNAL MODULE: external "node:stream/promises"
var promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: ../archive/src/writer.ts
var src_writer = __webpack_require__(4456);
// EXTERNAL MODULE: ../runtime/src/log.ts
var log = __webpack_require__(979);
// EXTERNAL MODULE: ../runtime/src/errors.ts
var errors = __webpack_require__(3422);
// EXTERNAL MODULE: ../../node_modules/mongodb/lib/index.js
var lib = __webpack_require__(5226);
// EXTERNAL MODULE: ../mongo/src/filters.ts
var filters = __webpack_require__(7710);
// EXTERNAL MODULE: ../mongo/src/server.ts
var src_server = __webpack_require__(7158);
// EXTERNAL MODULE: ../mongo/src/dump/catalog.ts
var dump_catalog = __webpack_require__(5755);
// EXTERNAL MODULE: ../mongo/src/dump/dump.ts + 1 modules
var dump_dump = __webpack_require__(3592);
// EXTERNAL MODULE: ../mongo/src/dump/ranges.ts
var ranges = __webpack_require__(8604);
;// CONCATENATED MODULE: ../mongo/src/dump/split.ts







/** Parts a split may have: a GitHub Actions matrix runs at most 256 jobs. */
const MAX_PARTS = 256;
async function planSplit(options) {
    const { client, parts } = options;
    const logger = options.logger ?? log/* silentLogger */.qq;
    if (!Number.isInteger(parts) || parts < 1 || parts > MAX_PARTS) {
        throw new RangeError(`a split needs 1 to ${MAX_PARTS} parts, got ${parts}`);
    }
    const filter = new filters/* NamespaceFilter */.ul(options);
    const server = await (0,src_server/* probeServer */._D)(client);
    const catalog = await (0,dump_catalog/* readCatalog */.uM)(client, filter, logger);
    for (const pattern of filter.unmatched(catalog.existing)) {
        if (pattern.kind === 'include' && (options.requireIncludeMatch ?? true)) {
            throw (0,filters/* unmatchedFilterError */.Kd)(pattern, catalog.existing, catalog.databases);
        }
        logger.warn((0,filters/* unmatchedFilterWarning */.KE)(pattern, catalog.existing, catalog.databases));
    }
    options.signal?.throwIfAborted();
    const namespaces = [];
    for (const entry of catalog.entries) {
        const size = entry.dataCollection
            ? await (0,dump_dump/* collectionSize */.O)(client, entry.db, entry.dataCollection)
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
            const plan = await (0,ranges/* planIdRanges */.jP)(collection, {
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
                filter: (0,dump_catalog/* canonicalEjson */.i9)(rangeFilter),
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
        options: (0,dump_catalog/* canonicalEjson */.i9)(entry.options),
        indexes: entry.indexes.map(dump_catalog/* canonicalEjson */.i9),
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

// EXTERNAL MODULE: ../runtime/src/deadline.ts
var src_deadline = __webpack_require__(3181);
// EXTERNAL MODULE: ../runtime/src/options/errors.ts
var options_errors = __webpack_require__(673);
// EXTERNAL MODULE: ../runtime/src/format.ts
var format = __webpack_require__(770);
// EXTERNAL MODULE: ../runtime/src/options/rows.ts
var rows = __webpack_require__(8463);
// EXTERNAL MODULE: ../storage/src/open.ts + 1 modules
var src_open = __webpack_require__(6403);
// EXTERNAL MODULE: ../storage/src/errors.ts
var src_errors = __webpack_require__(1909);
// EXTERNAL MODULE: ../../node_modules/zod/v4/classic/schemas.js + 6 modules
var schemas = __webpack_require__(7821);
// EXTERNAL MODULE: ../../node_modules/zod/v4/classic/iso.js
var iso = __webpack_require__(3477);
// EXTERNAL MODULE: ../backup/src/codec.ts
var codec = __webpack_require__(3957);
// EXTERNAL MODULE: ../backup/src/layout.ts
var layout = __webpack_require__(9053);
// EXTERNAL MODULE: ../backup/src/ids.ts
var ids = __webpack_require__(1397);
// EXTERNAL MODULE: ../backup/src/manifest.ts
var src_manifest = __webpack_require__(8410);
// EXTERNAL MODULE: ../backup/src/pipeline.ts
var pipeline = __webpack_require__(2605);
// EXTERNAL MODULE: ../backup/src/tool.ts
var tool = __webpack_require__(6477);
;// CONCATENATED MODULE: ../backup/src/parts.ts














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
    namespaces: schemas/* array */.YOg(src_manifest/* partNamespaceSchema */.aU),
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
        (0,src_open/* openStorage */.G)(options.destination, { s3: options.storage ?? {}, logger: deps.logger, deadline });
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
        const client = await (0,src_server/* connect */.Ng)(options.uri, {
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
                tool: tool/* TOOL */.j,
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
            await (0,src_server/* disconnect */.Zf)(client);
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
        const client = await (0,src_server/* connect */.Ng)(options.uri, {
            ...(options.connectTimeoutMs !== undefined && { timeoutMs: options.connectTimeoutMs }),
            deadline,
        });
        try {
            const startedAt = now();
            await storage.delete(recordKey);
            deps.logger.info(`backup ${plan.backupId} part ${options.part}/${plan.parts.length} → ${storage.describe(archiveKey)}`);
            const writer = new src_writer/* ArchiveWriter */.u();
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
            const dump = (0,dump_dump/* dumpDatabase */.m)({
                client,
                assigned,
                parallelism,
                signal: deadline.signal,
                logger: deps.logger,
                toolVersion: `${tool/* TOOL */.j.name} ${tool/* TOOL */.j.version}`,
            }, writer);
            const [dumped] = await (0,pipeline/* allStages */.Dk)(deadline, [dump, upload, stored]);
            deadline.signal.removeEventListener('abort', stopWriter);
            const record = partRecordSchema.parse({
                formatVersion: PART_RECORD_FORMAT_VERSION,
                backupId: plan.backupId,
                part: options.part,
                parts: plan.parts.length,
                startedAt: startedAt.toISOString(),
                finishedAt: now().toISOString(),
                tool: tool/* TOOL */.j,
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
            throw (0,pipeline/* stoppedBeforeCommit */.yC)(deadline.reason, false);
        }
        finally {
            await (0,src_server/* disconnect */.Zf)(client);
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
            const summed = (0,src_manifest/* sumParts */.i5)(archives, ns.db, ns.collection);
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
        const manifest = src_manifest/* manifestSchema */.rc.parse({
            formatVersion: src_manifest/* MULTI_PART_FORMAT_VERSION */.x1,
            backupId,
            startedAt: plan.plannedAt,
            finishedAt: now().toISOString(),
            tool: tool/* TOOL */.j,
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
                sha256: (0,src_manifest/* partsDigest */.DN)(archives),
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

// EXTERNAL MODULE: ../runtime/src/exit.ts
var exit = __webpack_require__(601);
// EXTERNAL MODULE: ./src/command.ts
var command = __webpack_require__(483);
;// CONCATENATED MODULE: ./src/commands/backup-parts.ts



const STEPS = `
A backup in parts: plan once, run every part (in any order, on any machine, each re-runnable), then
finalize, which checks every part and writes the manifest last. Until then the backup is incomplete:
list, restore and retention ignore it, and prune sweeps it after the grace period if it is abandoned.
  shipkit backup plan --uri … --to s3://bucket/backups --parts 4 --json   → {"backupId": …}
  shipkit backup part --uri … --to s3://bucket/backups --backup <id> --part 1   (… up to --part 4)
  shipkit backup finalize --to s3://bucket/backups --backup <id>`;
const backupPlan = (0,command/* command */.G)({
    name: 'backup plan',
    usage: '--uri <mongodb-uri> --to <url> --parts <n> [options]',
    options: src_options/* PLAN_OPTIONS */.VN,
    details: `${STEPS}

The plan reads the catalogue once, cuts large collections into _id ranges, and balances the parts by
estimated bytes. It writes <backup-id>/plan.json and prints the backup id (--json: the id, the number
of parts, the estimated bytes of each and the matrix [1 … n]).`,
    async run({ options }, context) {
        const result = await runPlan((0,src_options/* planOptions */.Su)(options, context.env), {
            logger: context.logger,
            signal: context.signal,
        });
        if (context.json) {
            context.stdout(`${JSON.stringify(result, null, 2)}\n`);
            return exit/* EXIT */.dc.ok;
        }
        context.stdout(`${result.backupId}\n` +
            `${result.parts} parts of about ${result.estimatedBytes.map((b) => (0,format/* formatBytes */.z3)(b)).join(', ')}; plan: ${result.planUrl}\n`);
        return exit/* EXIT */.dc.ok;
    },
});
const backupPart = (0,command/* command */.G)({
    name: 'backup part',
    usage: '--uri <mongodb-uri> --to <url> --backup <backup-id> --part <k> [options]',
    options: src_options/* PART_OPTIONS */.zd,
    details: `${STEPS}

A part writes a self-contained archive (stock mongorestore --archive reads it alone), then its record.
What it reads, the compression and the recipients come from the plan. A re-run replaces only this
part's objects; a part of a finalized backup is refused. Ctrl-C or SIGTERM aborts the upload.`,
    async run({ options }, context) {
        const result = await runPart((0,src_options/* partOptions */.iP)(options, context.env), {
            logger: context.logger,
            signal: context.signal,
        });
        const documents = result.record.namespaces.reduce((sum, ns) => sum + ns.count, 0);
        if (context.json) {
            context.stdout(`${JSON.stringify({
                backupId: result.backupId,
                part: result.part,
                archiveUrl: result.archiveUrl,
                bytes: result.record.archive.size,
                sha256: result.record.archive.sha256,
                documents,
                startedAt: result.record.startedAt,
                finishedAt: result.record.finishedAt,
            }, null, 2)}\n`);
            return exit/* EXIT */.dc.ok;
        }
        context.stdout(`backup ${result.backupId} part ${result.part}: ${(0,format/* formatCount */.B4)(documents)} documents, ` +
            `${(0,format/* formatBytes */.z3)(result.record.archive.size)} stored at ${result.archiveUrl}\n`);
        return exit/* EXIT */.dc.ok;
    },
});
const backupFinalize = (0,command/* command */.G)({
    name: 'backup finalize',
    usage: '--to <url> --backup <backup-id> [options]',
    options: src_options/* FINALIZE_OPTIONS */.CL,
    details: `${STEPS}

Finalize checks that every part's record and archive exist and agree (size, and SHA-256 read back),
sums counts and content hashes per namespace, and writes manifest.json last. A missing or
inconsistent part fails naming it (exit 2), and no manifest is written.`,
    async run({ options }, context) {
        const result = await runFinalize((0,src_options/* finalizeOptions */.Jv)(options, context.env), {
            logger: context.logger,
            signal: context.signal,
        });
        const { manifest } = result;
        const parts = manifest.parts?.archives ?? [];
        if (context.json) {
            context.stdout(`${JSON.stringify({
                backupId: result.backupId,
                manifestUrl: result.manifestUrl,
                parts: parts.length,
                bytes: manifest.parts?.size ?? 0,
                documents: manifest.totals.documents,
                collections: manifest.totals.namespaces,
                startedAt: manifest.startedAt,
                finishedAt: manifest.finishedAt,
                readWindows: parts.map((p) => ({
                    part: p.part,
                    startedAt: p.startedAt,
                    finishedAt: p.finishedAt,
                })),
            }, null, 2)}\n`);
            return exit/* EXIT */.dc.ok;
        }
        context.stdout(`backup ${result.backupId}: ${(0,format/* formatCount */.B4)(manifest.totals.documents)} documents in ` +
            `${manifest.totals.namespaces} namespaces, ${parts.length} parts, ${(0,format/* formatBytes */.z3)(manifest.parts?.size ?? 0)} stored\n` +
            `manifest: ${result.manifestUrl}\n`);
        return exit/* EXIT */.dc.ok;
    },
});


/***/ })

};
