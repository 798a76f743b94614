export const id = 340;
export const ids = [340];
export const modules = {

/***/ 2900:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C9: () => (/* binding */ indexesToBuild),
/* harmony export */   gu: () => (/* binding */ createCommand),
/* harmony export */   kn: () => (/* binding */ compareIndexSpecs),
/* harmony export */   zD: () => (/* binding */ indexSpecs)
/* harmony export */ });
/* unused harmony exports collectionOptions, normalizeIndexSpec */
/* harmony import */ var mongodb__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5226);

const { EJSON } = mongodb__WEBPACK_IMPORTED_MODULE_0__.BSON;
/**
 * What the archive prelude says about a namespace, turned into the commands that recreate it:
 * `create` with the original options (capped, validator, collation, clustered, time-series, views)
 * and `createIndexes` with the original specs. Values keep their BSON types (Int32, Long, Double…)
 * as parsed from canonical Extended JSON, so the server sees exactly what was dumped.
 */
/** The `create` command for a target namespace; `viewOn` follows a renamed source collection. */
function createCommand(target, entry, renameViewSource = (c) => c) {
    const options = { ...collectionOptions(entry) };
    if (entry.type === 'view' && typeof options.viewOn === 'string') {
        options.viewOn = renameViewSource(options.viewOn);
    }
    return { create: target.collection, ...options };
}
function collectionOptions(entry) {
    const options = entry.metadata?.options;
    return options !== null && typeof options === 'object' ? options : {};
}
/** Index specs as dumped, `ns` removed (servers refuse it, and it names the source). */
function indexSpecs(entry) {
    const indexes = entry.metadata?.indexes;
    if (!Array.isArray(indexes))
        return [];
    return indexes
        .filter((spec) => spec !== null && typeof spec === 'object')
        .map(({ ns: _ns, ...spec }) => spec);
}
/**
 * The indexes to build after the data: every spec except those the server creates with the
 * collection. Version 2 (the default) is left out of the command, since some servers refuse `v`;
 * a legacy version is kept so the index is rebuilt as it was.
 */
function indexesToBuild(entry) {
    return indexSpecs(entry)
        .filter((spec) => spec.name !== '_id_' && spec.clustered !== true)
        .map(({ v, ...spec }) => (v === undefined || Number(v) === 2 ? spec : { v, ...spec }));
}
// Fields that say nothing about what an index does, or that servers add or drop on their own.
const VOLATILE_INDEX_FIELDS = new Set(['v', 'ns', 'background']);
/**
 * A comparable form of an index spec, whatever its source: BSON values from a server or the archive,
 * or canonical Extended JSON from a manifest. Numbers lose their BSON type (1, 1.0 and Long(1) agree),
 * fields other than `key` are sorted, and the key keeps its order (which matters).
 */
function normalizeIndexSpec(spec) {
    const plain = EJSON.serialize(EJSON.deserialize(EJSON.serialize(spec), { relaxed: true }), {
        relaxed: true,
    });
    const fields = Object.keys(plain)
        .filter((name) => !VOLATILE_INDEX_FIELDS.has(name))
        .sort();
    const out = {};
    for (const name of fields)
        out[name] = name === 'key' ? plain[name] : sortKeys(plain[name]);
    return JSON.stringify(out);
}
function sortKeys(value) {
    if (Array.isArray(value))
        return value.map(sortKeys);
    if (value === null || typeof value !== 'object')
        return value;
    const out = {};
    for (const name of Object.keys(value).sort())
        out[name] = sortKeys(value[name]);
    return out;
}
/**
 * Compares two sets of index specs by name. Returns the differences in words, empty when they agree.
 * The `_id_` index is compared too: a clustered collection has none, a regular one always has one.
 */
function compareIndexSpecs(expected, actual) {
    const byName = (specs) => new Map(specs.map((spec) => [String(spec?.name), normalizeIndexSpec(spec)]));
    const want = byName(expected);
    const have = byName(actual);
    const problems = [];
    for (const [name, spec] of want) {
        const found = have.get(name);
        if (found === undefined)
            problems.push(`index ${name} is missing`);
        else if (found !== spec)
            problems.push(`index ${name} differs: expected ${spec}, found ${found}`);
    }
    for (const name of have.keys())
        if (!want.has(name))
            problems.push(`index ${name} is unexpected`);
    return problems;
}


/***/ }),

/***/ 7782:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ NamespaceMapper),
/* harmony export */   w: () => (/* binding */ pairRenames)
/* harmony export */ });
/* harmony import */ var _shipkit_archive__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9620);
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(673);
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(520);
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5981);


const PATTERN_FORM = "a database or namespace pattern such as 'shop', 'shop.*', '*.orders' or 'shop.orders'";
function compilePattern(pattern, option, oneCharWildcard = false) {
    const text = withCollections(pattern);
    const dot = text.indexOf('.');
    if (dot <= 0 || dot === text.length - 1)
        throw new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .OptionError */ .eR(option, `must be ${PATTERN_FORM}, got '${pattern}'.`);
    const literalQuestionMark = !oneCharWildcard;
    const db = (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_1__/* .globSource */ .sO)(text.slice(0, dot), { separator: '.', literalQuestionMark });
    const collection = (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_1__/* .globSource */ .sO)(text.slice(dot + 1), { literalQuestionMark });
    return new RegExp(`^${db}\\.${collection}$`, 's');
}
/** Rename patterns: `?` stands for itself, since collection names may hold one. */
const RENAME = { literalQuestionMark: true };
/** A bare database name stands for all its collections: `shop` is `shop.*`. */
function withCollections(pattern) {
    const text = pattern.trim();
    return text !== '' && !text.includes('.') ? `${text}.*` : text;
}
function wildcards(pattern) {
    return (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_1__/* .globWildcards */ .eD)(withCollections(pattern), RENAME);
}
/** Decides, for each source namespace, whether it is restored and what it is called in the target. */
class NamespaceMapper {
    #include;
    #exclude;
    #renames;
    constructor(selection = {}) {
        this.#include = (selection.include ?? []).map((p) => compilePattern(p, 'include', true));
        this.#exclude = (selection.exclude ?? []).map((p) => compilePattern(p, 'exclude', true));
        this.#renames = (selection.renames ?? []).map(({ from, to }) => {
            const target = withCollections(to);
            if (wildcards(from) !== wildcards(target)) {
                throw new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .OptionError */ .eR('ns-from', (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_2__/* .say */ .cv) `('${from}') and ${(0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_2__/* .ref */ .KR)('ns-to')} ('${to}') must have the same number of '*' wildcards.`);
            }
            compilePattern(target, 'ns-to');
            return { from: compilePattern(from, 'ns-from'), to: target };
        });
    }
    /** Whether a source namespace is restored. A time-series bucket follows its collection. */
    selects(ns) {
        const name = (0,_shipkit_archive__WEBPACK_IMPORTED_MODULE_3__/* .namespaceName */ .dz)(visibleNamespace(ns));
        if (this.#include.length > 0 && !this.#include.some((re) => re.test(name)))
            return false;
        return !this.#exclude.some((re) => re.test(name));
    }
    /** The target namespace for a source namespace (the same one when no rename matches). */
    target(ns) {
        const visible = visibleNamespace(ns);
        const renamed = this.#rename((0,_shipkit_archive__WEBPACK_IMPORTED_MODULE_3__/* .namespaceName */ .dz)(visible));
        const bucket = ns.collection !== visible.collection;
        return bucket ? { db: renamed.db, collection: _shipkit_archive__WEBPACK_IMPORTED_MODULE_3__/* .BUCKETS_PREFIX */ .p8 + renamed.collection } : renamed;
    }
    #rename(name) {
        for (const { from, to } of this.#renames) {
            const match = from.exec(name);
            if (!match)
                continue;
            return splitNamespace((0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_1__/* .fillGlob */ .eJ)(to, match.slice(1), RENAME), name);
        }
        return splitNamespace(name, name);
    }
}
/** A time-series bucket namespace is selected and renamed under its collection's name. */
function visibleNamespace(ns) {
    return ns.collection.startsWith(_shipkit_archive__WEBPACK_IMPORTED_MODULE_3__/* .BUCKETS_PREFIX */ .p8)
        ? { db: ns.db, collection: ns.collection.slice(_shipkit_archive__WEBPACK_IMPORTED_MODULE_3__/* .BUCKETS_PREFIX */ .p8.length) }
        : ns;
}
function splitNamespace(name, source) {
    const dot = name.indexOf('.');
    const db = name.slice(0, dot);
    const collection = name.slice(dot + 1);
    if (dot <= 0 || collection === '' || /[/\\ "$]/.test(db) || db.length >= 64) {
        throw new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .OptionError */ .eR('ns-to', `renames ${source} to '${name}', which is not a valid target namespace.`);
    }
    return { db, collection };
}
/** Pairs `ns-from`/`ns-to` lists given side by side, as the CLI and the action take them. */
function pairRenames(from, to) {
    if (from.length !== to.length) {
        throw new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .OptionError */ .eR('ns-from', (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_2__/* .say */ .cv) `and ${(0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_2__/* .ref */ .KR)('ns-to')} must be given in pairs: got ${from.length} and ${to.length}.`);
    }
    return from.map((pattern, i) => ({ from: pattern, to: to[i] }));
}


/***/ }),

/***/ 3813:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jw: () => (/* binding */ describeState),
/* harmony export */   q8: () => (/* binding */ planRestore),
/* harmony export */   z_: () => (/* binding */ refusalError)
/* harmony export */ });
/* unused harmony export unrestorableReason */
/* harmony import */ var _shipkit_archive__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9620);
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3422);
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5981);
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(673);
/* harmony import */ var _staging_names__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7132);



/** Why a source namespace is not restored at all, whatever the filters say; undefined if it is. */
function unrestorableReason(ns) {
    if ((0,_shipkit_archive__WEBPACK_IMPORTED_MODULE_0__/* .isOplog */ .y8)(ns))
        return 'the oplog is not replayed (point-in-time restore is not supported)';
    if (ns.db === 'local' || ns.db === 'config')
        return `the ${ns.db} database belongs to the server`;
    if (ns.db === 'admin' && ns.collection.startsWith('system.')) {
        return 'users, roles and server settings are not restored; recreate them on the target';
    }
    if (ns.collection.startsWith('system.') &&
        !ns.collection.startsWith(_shipkit_archive__WEBPACK_IMPORTED_MODULE_0__/* .BUCKETS_PREFIX */ .p8) &&
        ns.collection !== 'system.js') {
        return 'system collections are managed by the server';
    }
    return undefined;
}
/** Decides what happens to each namespace of the prelude, looking at (never changing) the target. */
async function planRestore(client, prelude, mapper, options) {
    const { drop, run } = options;
    if (drop && run === undefined)
        throw new Error('drop needs a staged restore (a run id)');
    const plan = {
        namespaces: [],
        excluded: [],
        skipped: [],
        targetDatabases: [],
        ...(run === undefined ? {} : { run }),
        leftovers: [],
        warnings: [],
    };
    const chosen = [];
    for (const entry of prelude) {
        const source = { db: entry.db, collection: entry.collection };
        const reason = unrestorableReason(source);
        if (reason)
            plan.skipped.push({ namespace: (0,_shipkit_archive__WEBPACK_IMPORTED_MODULE_0__/* .namespaceName */ .dz)(source), reason });
        else if (!mapper.selects(source))
            plan.excluded.push((0,_shipkit_archive__WEBPACK_IMPORTED_MODULE_0__/* .namespaceName */ .dz)(source));
        else
            chosen.push({ entry, target: mapper.target(source) });
    }
    const seen = new Map();
    for (const { entry, target } of chosen) {
        const name = (0,_shipkit_archive__WEBPACK_IMPORTED_MODULE_0__/* .namespaceName */ .dz)(target);
        const earlier = seen.get(name);
        if (earlier !== undefined) {
            throw new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y(`Both ${earlier} and ${(0,_shipkit_archive__WEBPACK_IMPORTED_MODULE_0__/* .namespaceName */ .dz)(entry)} would be restored into ${name}; change 'ns-from'/'ns-to'.`);
        }
        seen.set(name, (0,_shipkit_archive__WEBPACK_IMPORTED_MODULE_0__/* .namespaceName */ .dz)(entry));
    }
    const existingByDb = new Map();
    for (const db of new Set(chosen.map((c) => c.target.db))) {
        const listed = await client.db(db).listCollections({}, { nameOnly: false }).toArray();
        existingByDb.set(db, new Map(listed.map((info) => [info.name, (info.type ?? 'collection')])));
        for (const { name } of listed) {
            const staging = (0,_staging_names__WEBPACK_IMPORTED_MODULE_2__/* .parseStagingName */ .uP)(name);
            if (staging && staging.run !== run)
                plan.leftovers.push({ db, name, ...staging });
        }
    }
    for (const { entry, target } of chosen) {
        const existing = await targetState(client, target, existingByDb.get(target.db)?.get(target.collection));
        const decision = decide(entry.type, target, existing, drop, run !== undefined);
        const viewOn = entry.type === 'view' ? viewSource(entry, target, mapper, plan.warnings) : undefined;
        plan.namespaces.push({
            source: { db: entry.db, collection: entry.collection },
            target,
            type: entry.type,
            entry,
            existing,
            ...decision,
            writeTo: run !== undefined && stageable(entry.type, target)
                ? { db: target.db, collection: (0,_staging_names__WEBPACK_IMPORTED_MODULE_2__/* .stagingName */ .zb)(run, 'new', target.collection) }
                : target,
            ...(viewOn === undefined ? {} : { viewOn }),
        });
    }
    plan.targetDatabases = [...new Set(plan.namespaces.map((n) => n.target.db))].sort();
    return plan;
}
/**
 * Whether a namespace's data can be restored under a staging name and renamed into place: renames
 * within a database are atomic on MongoDB. Time-series collections cannot be renamed (MongoDB
 * before 8.3), and `system.*` names are the server's; views hold no data (they are created at the swap).
 */
function stageable(type, target) {
    return type === 'collection' && !target.collection.startsWith('system.');
}
/** A view reads a collection of its own database: it follows that collection if it was renamed. */
function viewSource(entry, target, mapper, warnings) {
    const options = entry.metadata?.options;
    if (typeof options?.viewOn !== 'string')
        return undefined;
    const read = mapper.target({ db: entry.db, collection: options.viewOn });
    if (read.db === target.db)
        return read.collection;
    warnings.push(`view ${(0,_shipkit_archive__WEBPACK_IMPORTED_MODULE_0__/* .namespaceName */ .dz)(target)} reads ${entry.db}.${options.viewOn}, which is restored into another ` +
        `database (${(0,_shipkit_archive__WEBPACK_IMPORTED_MODULE_0__/* .namespaceName */ .dz)(read)}); the view keeps reading ${target.db}.${options.viewOn}`);
    return options.viewOn;
}
async function targetState(client, target, type) {
    if (type === undefined)
        return { kind: 'absent' };
    if (type === 'view')
        return { kind: 'view' };
    const collection = client.db(target.db).collection(target.collection);
    const any = await collection.findOne({}, { projection: { _id: 1 } });
    const documents = any === null ? 0 : Math.max(1, await collection.estimatedDocumentCount());
    return { kind: type, documents };
}
function decide(type, target, existing, drop, staged) {
    if (existing.kind === 'absent')
        return { action: 'create' };
    // What cannot be renamed cannot be swapped: replacing it would destroy it before the check.
    const swappable = existing.kind !== 'timeseries' && (type === 'view' || stageable(type, target));
    if (staged && !swappable)
        return { action: 'refuse', refusal: 'not-swappable' };
    if (drop)
        return { action: 'replace' };
    // An empty collection of the same kind can take the documents; anything else would be overwritten.
    if (existing.kind === type && existing.kind !== 'view' && existing.documents === 0)
        return { action: 'reuse' };
    return { action: 'refuse', refusal: 'occupied' };
}
/**
 * The refusal, naming every namespace that would be overwritten or cannot be swapped, and the data
 * an interrupted swap left under staging names (it may be all that is left of a target).
 */
function refusalError(plan) {
    const refused = (why) => plan.namespaces
        .filter((n) => n.action === 'refuse' && n.refusal === why)
        .map((n) => `${(0,_shipkit_archive__WEBPACK_IMPORTED_MODULE_0__/* .namespaceName */ .dz)(n.target)} (${describeState(n.existing)})`)
        .join(', ');
    const occupied = refused('occupied');
    const fixed = refused('not-swappable');
    const previous = plan.leftovers.filter((l) => l.role === 'old');
    // What is in the way, then what to do about it.
    const found = [];
    const advice = [];
    if (occupied) {
        found.push((0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_3__/* .say */ .cv) `Refusing to restore into existing namespaces without ${(0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_3__/* .ref */ .KR)('drop')}: ${occupied}.`);
        advice.push((0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_3__/* .say */ .cv) `Restore under other names (${(0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_3__/* .ref */ .KR)('ns-from')}/${(0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_3__/* .ref */ .KR)('ns-to')}), or give ${(0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_3__/* .ref */ .KR)('drop')} to replace them.`);
    }
    if (fixed) {
        found.push(`Refusing to replace ${fixed}: a time-series collection cannot be renamed (MongoDB before 8.3), ` +
            'so a restored one cannot be swapped in after the check, and replacing it would destroy it first.');
        advice.push((0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_3__/* .say */ .cv) `Restore time-series collections under other names (${(0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_3__/* .ref */ .KR)('ns-from')}/${(0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_3__/* .ref */ .KR)('ns-to')}), or drop the existing one yourself once \`shipkit verify\` passed on this backup.`);
    }
    if (previous.length > 0) {
        const listed = previous.map((l) => `${l.db}.${l.name} (what ${l.db}.${l.collection} held)`).join(', ');
        found.push(`An earlier restore was interrupted while swapping and left previous data in ${listed}.`);
        advice.push('Check each one, rename it back to its name or drop it, then run the restore again.');
    }
    if (found.length === 0)
        return undefined;
    const sentences = [...found, 'Nothing was written.', ...advice];
    return _shipkit_runtime__WEBPACK_IMPORTED_MODULE_4__/* .OptionError */ .eR.saying(sentences.flatMap((sentence, i) => [...(i > 0 ? [' '] : []), ...asText(sentence)]));
}
function describeState(state) {
    switch (state.kind) {
        case 'absent':
            return 'absent';
        case 'view':
            return 'an existing view';
        default:
            return state.documents === 0
                ? `an empty ${state.kind}`
                : `holds ~${state.documents.toLocaleString('en-US')} document${state.documents === 1 ? '' : 's'}`;
    }
}
function asText(sentence) {
    return typeof sentence === 'string' ? [sentence] : sentence;
}


/***/ }),

/***/ 7132:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F$: () => (/* binding */ newRunId),
/* harmony export */   uP: () => (/* binding */ parseStagingName),
/* harmony export */   zb: () => (/* binding */ stagingName)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

/**
 * Names of the collections a staged restore keeps in a target's database, e.g. for `shop.orders`:
 *   `_shipkit_restore_3f2a1c0b_new_orders`  the restored data, until it is swapped in;
 *   `_shipkit_restore_3f2a1c0b_old_orders`  what `orders` held, from the swap until the last rename.
 * The run id is random, so they never collide with each other or with a user's collection, and the
 * fixed shape lets a later run recognise what an interrupted one (killed, power lost) left behind.
 * No dots: some servers (FerretDB) refuse to rename collections whose names hold one.
 */
const PREFIX = '_shipkit_restore_';
const PATTERN = /^_shipkit_restore_([0-9a-f]{8})_(new|old)_(.+)$/s;
function newRunId() {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(4).toString('hex');
}
function stagingName(run, role, collection) {
    return `${PREFIX}${run}_${role}_${collection}`;
}
function parseStagingName(name) {
    const match = PATTERN.exec(name);
    if (!match)
        return undefined;
    return { run: match[1], role: match[2], collection: match[3] };
}


/***/ }),

/***/ 8001:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CP: () => (/* binding */ Staging),
/* harmony export */   Fl: () => (/* binding */ isStaged),
/* harmony export */   V1: () => (/* binding */ SwapFailedError),
/* harmony export */   vl: () => (/* binding */ describeOutcomes)
/* harmony export */ });
/* harmony import */ var _shipkit_archive__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9620);
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(979);
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3422);
/* harmony import */ var _collection_spec__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2900);
/* harmony import */ var _plan__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3813);
/* harmony import */ var _staging_names__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7132);





/** The swap failed part-way; `outcomes` says exactly what each target namespace is now. */
class SwapFailedError extends Error {
    summary;
    outcomes;
    name = 'SwapFailedError';
    constructor(
    /** What failed and whether it was undone, in one sentence or two. */
    summary, outcomes) {
        super(`${summary}\n${describeOutcomes(outcomes)}`);
        this.summary = summary;
        this.outcomes = outcomes;
    }
}
class Staging {
    run;
    #client;
    #logger;
    /** Collections this run created: staging collections, and targets it had to write directly. */
    #created = new Map();
    constructor(client, options = {}) {
        this.#client = client;
        this.#logger = options.logger ?? _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .silentLogger */ .qq;
        this.run = options.run ?? (0,_staging_names__WEBPACK_IMPORTED_MODULE_1__/* .newRunId */ .F$)();
    }
    /** The engine reports every collection it creates, so that `discard` removes exactly those. */
    created(ns) {
        this.#created.set((0,_shipkit_archive__WEBPACK_IMPORTED_MODULE_2__/* .namespaceName */ .dz)(ns), ns);
    }
    /**
     * Removes the restored data that interrupted runs left in the target databases (copies of a
     * backup, nothing else). A target's previous data set aside by an interrupted swap is never
     * removed: the plan refuses to go on while it exists.
     */
    async removeLeftovers(plan) {
        for (const leftover of plan.leftovers) {
            if (leftover.role !== 'new')
                continue;
            this.#logger.warn(`removing ${leftover.db}.${leftover.name}: restored data of an interrupted restore (run ${leftover.run}) ` +
                `that was never swapped into ${leftover.db}.${leftover.collection}`);
            await this.#drop({ db: leftover.db, collection: leftover.name });
        }
    }
    /** Removes what this run created; every target stays as it was. */
    async discard(plan) {
        const kept = await this.#dropCreated();
        return written(plan).map((planned) => unchanged(planned, kept));
    }
    /**
     * Puts the staged restore in place. Refuses unless `proof` proves it. Not cancellable once
     * started: it is a few renames, and stopping half-way would leave a mix of old and new data.
     */
    async swap(plan, proof) {
        if (!proof.archiveComplete || proof.problems.length > 0) {
            throw new Error('the restore is not proven: the staged data must not replace anything');
        }
        const ordered = written(plan).sort((a, b) => Number(a.type === 'view') - Number(b.type === 'view'));
        const steps = [];
        for (const planned of ordered) {
            const step = { planned, movedIn: false };
            steps.push(step);
            try {
                await this.#setAside(step);
                await this.#moveIn(step);
            }
            catch (error) {
                throw await this.#rollBack(steps, plan, error);
            }
        }
        // Every target is in place: only now is what they held before dropped.
        const outcomes = [];
        for (const { planned, aside } of steps) {
            const namespace = (0,_shipkit_archive__WEBPACK_IMPORTED_MODULE_2__/* .namespaceName */ .dz)(planned.target);
            if (planned.existing.kind === 'absent') {
                outcomes.push({ namespace, state: 'restored' });
                continue;
            }
            let note = `was: ${(0,_plan__WEBPACK_IMPORTED_MODULE_3__/* .describeState */ .Jw)(planned.existing)}`;
            if (aside) {
                try {
                    await this.#drop({ db: planned.target.db, collection: aside });
                }
                catch (error) {
                    note += `; its previous data is still in ${planned.target.db}.${aside} (${(0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .g)(error)}): drop it`;
                    this.#logger.warn(`${namespace}: ${note}`);
                }
            }
            outcomes.push({ namespace, state: 'replaced', note });
        }
        this.#created.clear();
        return outcomes;
    }
    async #setAside(step) {
        const { target, existing, action } = step.planned;
        if (existing.kind === 'absent')
            return;
        const db = this.#client.db(target.db);
        if (existing.kind === 'view') {
            const [info] = await db.listCollections({ name: target.collection }).toArray();
            step.view = info?.options ?? {};
            await db.command({ drop: target.collection });
            return;
        }
        const aside = (0,_staging_names__WEBPACK_IMPORTED_MODULE_1__/* .stagingName */ .zb)(this.run, 'old', target.collection);
        await db.renameCollection(target.collection, aside);
        step.aside = aside;
        if (action !== 'replace' && (await db.collection(aside).findOne({}, { projection: { _id: 1 } }))) {
            throw new Error(`${(0,_shipkit_archive__WEBPACK_IMPORTED_MODULE_2__/* .namespaceName */ .dz)(target)} received documents while the restore ran`);
        }
    }
    async #moveIn(step) {
        const { planned } = step;
        const db = this.#client.db(planned.target.db);
        if (planned.type === 'view') {
            await db.command((0,_collection_spec__WEBPACK_IMPORTED_MODULE_5__/* .createCommand */ .gu)(planned.target, planned.entry, (read) => planned.viewOn ?? read));
        }
        else if (isStaged(planned)) {
            await db.renameCollection(planned.writeTo.collection, planned.target.collection);
        }
        step.movedIn = true;
    }
    /** Undoes `steps` in reverse, removes what this run created, and says where everything is. */
    async #rollBack(steps, plan, cause) {
        const failedAt = (0,_shipkit_archive__WEBPACK_IMPORTED_MODULE_2__/* .namespaceName */ .dz)(steps.at(-1).planned.target);
        const stuck = new Map();
        for (const step of [...steps].reverse()) {
            const { target, writeTo, type } = step.planned;
            const db = this.#client.db(target.db);
            try {
                if (step.movedIn) {
                    if (type === 'view' || !isStaged(step.planned))
                        await db.command({ drop: target.collection });
                    else
                        await db.renameCollection(target.collection, writeTo.collection);
                    step.movedIn = false;
                }
                if (step.aside) {
                    await db.renameCollection(step.aside, target.collection);
                    delete step.aside;
                }
                if (step.view) {
                    await db.command({ create: target.collection, ...step.view });
                    delete step.view;
                }
            }
            catch (error) {
                stuck.set((0,_shipkit_archive__WEBPACK_IMPORTED_MODULE_2__/* .namespaceName */ .dz)(target), (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .g)(error));
            }
        }
        const kept = await this.#dropCreated();
        const bySteps = new Map(steps.map((step) => [(0,_shipkit_archive__WEBPACK_IMPORTED_MODULE_2__/* .namespaceName */ .dz)(step.planned.target), step]));
        const outcomes = written(plan).map((planned) => {
            const step = bySteps.get((0,_shipkit_archive__WEBPACK_IMPORTED_MODULE_2__/* .namespaceName */ .dz)(planned.target));
            const why = stuck.get((0,_shipkit_archive__WEBPACK_IMPORTED_MODULE_2__/* .namespaceName */ .dz)(planned.target));
            return step && why !== undefined ? stuckOutcome(step, why) : unchanged(planned, kept);
        });
        const swappedBefore = steps.length - 1;
        const undone = stuck.size === 0
            ? swappedBefore === 0
                ? 'Nothing of the target was changed.'
                : `The ${swappedBefore} namespace${swappedBefore === 1 ? '' : 's'} swapped before it ${swappedBefore === 1 ? 'was' : 'were'} put back: nothing of the target was changed.`
            : 'It could not all be undone: the namespaces marked "needs attention" below say where their data is.';
        return new SwapFailedError(`Swapping the restored data into the target failed at ${failedAt}: ${(0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .g)(cause)}. ${undone}`, outcomes);
    }
    /** Drops every collection this run created; returns those that could not be dropped, with why. */
    async #dropCreated() {
        const kept = new Map();
        for (const [name, ns] of this.#created) {
            try {
                await this.#drop(ns);
                this.#created.delete(name);
            }
            catch (error) {
                kept.set(name, (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .g)(error));
                this.#logger.warn(`could not drop ${name}: ${(0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .g)(error)}`);
            }
        }
        return kept;
    }
    async #drop(ns) {
        try {
            await this.#client.db(ns.db).command({ drop: ns.collection });
        }
        catch (error) {
            // Servers before 7.0 answer NamespaceNotFound when there is nothing to drop.
            if (error.code !== 26)
                throw error;
        }
    }
}
/** Whether the namespace's data went under a staging name (not straight into the target). */
function isStaged(planned) {
    return (0,_shipkit_archive__WEBPACK_IMPORTED_MODULE_2__/* .namespaceName */ .dz)(planned.writeTo) !== (0,_shipkit_archive__WEBPACK_IMPORTED_MODULE_2__/* .namespaceName */ .dz)(planned.target);
}
/** The namespaces a plan writes (a refused plan writes nothing). */
function written(plan) {
    return plan.namespaces.filter((n) => n.action !== 'refuse');
}
/**
 * A target this run did not change, and, from `kept`, a collection of this run that could not be
 * dropped: a staging collection (the target is still as it was), or a time-series collection the run
 * created where nothing was (it holds part of the restore).
 */
function unchanged(planned, kept) {
    const namespace = (0,_shipkit_archive__WEBPACK_IMPORTED_MODULE_2__/* .namespaceName */ .dz)(planned.target);
    const outcome = planned.existing.kind === 'absent'
        ? { namespace, state: 'untouched', note: 'absent' }
        : { namespace, state: 'left as it was', note: (0,_plan__WEBPACK_IMPORTED_MODULE_3__/* .describeState */ .Jw)(planned.existing) };
    const leftover = (0,_shipkit_archive__WEBPACK_IMPORTED_MODULE_2__/* .namespaceName */ .dz)(planned.writeTo);
    const why = kept.get(leftover);
    if (why === undefined)
        return outcome;
    if (!isStaged(planned)) {
        return {
            namespace,
            state: 'needs attention',
            note: `it was absent and now holds part of the restore, which could not be dropped (${why}): drop it`,
            leftover,
        };
    }
    return {
        ...outcome,
        note: `${outcome.note}; the staging collection ${leftover} could not be dropped (${why}): drop it`,
        leftover,
    };
}
/** A namespace whose swap could not be undone: where its data is, and what to do. */
function stuckOutcome(step, why) {
    const { target } = step.planned;
    const namespace = (0,_shipkit_archive__WEBPACK_IMPORTED_MODULE_2__/* .namespaceName */ .dz)(target);
    const where = [];
    where.push(step.movedIn ? `${namespace} holds the restored data` : `${namespace} is absent`);
    if (step.aside)
        where.push(`its previous data is in ${target.db}.${step.aside}: rename it back to restore it`);
    if (step.view)
        where.push(`it was a view, to recreate with ${JSON.stringify(step.view)}`);
    if (!step.aside && !step.view && step.planned.existing.kind === 'absent' && step.movedIn)
        where.push('it did not exist before: drop it if unwanted');
    return { namespace, state: 'needs attention', note: `${where.join('; ')} (undo failed: ${why})` };
}
/** One line per target namespace and its state, under a line that sums them up. */
function describeOutcomes(outcomes) {
    const kept = outcomes.every((o) => o.state === 'untouched' || o.state === 'left as it was');
    const cleaned = outcomes.every((o) => o.leftover === undefined);
    const heading = kept
        ? `Target namespaces (nothing of the target changed${cleaned ? '; the staging collections were removed' : ''}):`
        : 'Target namespaces:';
    return [
        heading,
        ...outcomes.map((o) => `  ${o.namespace}: ${o.state}${o.note ? ` — ${o.note}` : ''}`),
    ].join('\n');
}


/***/ }),

/***/ 925:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  K5: () => (/* binding */ identityFor),
  k_: () => (/* binding */ runCheck),
  gu: () => (/* binding */ verifyBackup)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ../backup/src/manifest.ts
var src_manifest = __webpack_require__(8410);
// EXTERNAL MODULE: ../backup/src/codec.ts
var codec = __webpack_require__(3957);
// EXTERNAL MODULE: ../backup/src/tool.ts
var tool = __webpack_require__(6477);
// EXTERNAL MODULE: ../backup/src/layout.ts
var layout = __webpack_require__(9053);
// EXTERNAL MODULE: ../backup/src/verification.ts
var verification = __webpack_require__(8860);
// EXTERNAL MODULE: ../archive/src/format.ts
var format = __webpack_require__(9620);
// EXTERNAL MODULE: ../runtime/src/log.ts
var log = __webpack_require__(979);
// EXTERNAL MODULE: ../runtime/src/options/rows.ts
var rows = __webpack_require__(8463);
// EXTERNAL MODULE: ../runtime/src/errors.ts
var errors = __webpack_require__(3422);
// EXTERNAL MODULE: ../../node_modules/mongodb/lib/index.js
var lib = __webpack_require__(5226);
// EXTERNAL MODULE: ../mongo/src/restore/collection-spec.ts
var collection_spec = __webpack_require__(2900);
// EXTERNAL MODULE: ../mongo/src/restore/namespaces.ts
var namespaces = __webpack_require__(7782);
// EXTERNAL MODULE: ../mongo/src/restore/plan.ts
var restore_plan = __webpack_require__(3813);
// EXTERNAL MODULE: ../../node_modules/mongodb/lib/cmap/commands.js
var commands = __webpack_require__(9218);
;// CONCATENATED MODULE: ../mongo/src/restore/raw-insert.ts


/**
 * Sends an unordered `insert` of documents that are already raw BSON. With the driver's document
 * sequences (OP_MSG kind 1) the bytes go out as they came from the archive; a driver without them
 * falls back to decoding each document (with every BSON type kept) and letting the driver re-encode
 * it — measured at several times the CPU cost per document, so it is only the fallback.
 */
class RawInserter {
    encoding;
    constructor(encoding = documentSequencesAvailable() ? 'document-sequence' : 'decoded') {
        this.encoding = encoding;
    }
    async insert(db, collection, docs) {
        const documents = this.encoding === 'document-sequence'
            ? commands.makeDocumentSequence('documents', docs, docs)
            : docs.map((doc) => lib.BSON.deserialize(doc, DECODE_EXACT));
        const reply = await db.command({ insert: collection, documents, ordered: false });
        return outcome(reply, docs.length);
    }
}
// Keep every value's BSON type, so the re-encoded bytes equal the original ones.
const DECODE_EXACT = { promoteLongs: false, promoteValues: false, promoteBuffers: false, bsonRegExp: true };
function documentSequencesAvailable() {
    return typeof commands.makeDocumentSequence === 'function';
}
function outcome(reply, sent) {
    const writeErrors = Array.isArray(reply.writeErrors) ? reply.writeErrors : [];
    const failures = writeErrors.map((error) => ({
        index: Number(error.index),
        code: Number(error.code),
        message: String(error.errmsg ?? error.message ?? 'unknown write error'),
    }));
    const inserted = typeof reply.n === 'number' ? reply.n : sent - failures.length;
    if (reply.writeConcernError) {
        const wce = reply.writeConcernError;
        throw new Error(`the server could not confirm the write concern: ${String(wce.errmsg ?? wce.code)}`);
    }
    return { inserted, failures };
}

// EXTERNAL MODULE: ../mongo/src/restore/staging.ts
var restore_staging = __webpack_require__(8001);
;// CONCATENATED MODULE: ../mongo/src/restore/engine.ts








const { EJSON } = lib.BSON;
/** Documents were refused or indexes could not be built: the target is not a faithful copy. */
class RestoreFailedError extends Error {
    result;
    name = 'RestoreFailedError';
    constructor(result) {
        super(describeFailure(result));
        this.result = result;
    }
}
// Measured at 256 MiB on FerretDB: 1 MiB batches restored in 55.8–59.2 s against 61.1–67.3 s with 8 MiB
// ones, and peak RSS fell from 310–314 to 197–216 MiB (four batches in flight, one filling per namespace).
const DEFAULT_BATCH_BYTES = 1024 * 1024;
// The server's maxWriteBatchSize.
const MAX_BATCH_DOCUMENTS = 100_000;
/**
 * Restores the namespaces of an archive (events from `readArchive`, which checks every CRC) into
 * `deps.client`: plans first (refusing non-empty targets unless `drop`), creates collections with
 * their options, streams documents as raw BSON in byte-bounded unordered batches with `parallelism`
 * batches in flight, builds each collection's indexes once its data is in, and creates views last.
 * Every refused document is counted; any refusal or failed index build throws `RestoreFailedError`
 * with the full result. Nothing is restored silently in part.
 *
 * With `deps.staging` every collection is written under a staging name and no target is changed:
 * views and the swap are left to `staging.swap`, and what was created to `staging.discard`.
 */
async function restoreArchive(events, options, deps) {
    const mapper = new namespaces/* NamespaceMapper */.h(options);
    return new RestoreRun(options, deps, mapper).execute(events);
}
class RestoreRun {
    #options;
    #deps;
    #mapper;
    #logger;
    #inserter;
    #parallelism;
    #batchBytes;
    #shownFailures;
    #startedAt;
    #inFlight = new Set();
    /** Data runs by data namespace key; null for namespaces whose documents are not restored. */
    #runs = new Map();
    #stats = new Map();
    #failures = [];
    #plan;
    #fatal;
    #sent = 0;
    #sentBytes = 0;
    constructor(options, deps, mapper) {
        this.#options = options;
        this.#deps = deps;
        this.#mapper = mapper;
        this.#logger = deps.logger ?? log/* silentLogger */.qq;
        this.#inserter = deps.inserter ?? new RawInserter();
        this.#parallelism = Math.max(1, options.parallelism ?? rows/* DEFAULT_PARALLELISM */.ri);
        this.#batchBytes = Math.max(1, options.batchBytes ?? DEFAULT_BATCH_BYTES);
        this.#shownFailures = options.shownFailures ?? 10;
        this.#startedAt = (deps.now ?? Date.now)();
    }
    async execute(events) {
        const iterator = events[Symbol.asyncIterator]();
        try {
            for (;;) {
                this.#throwIfStopped();
                const next = await iterator.next();
                if (next.done)
                    break;
                const event = next.value;
                if (event.type === 'prelude')
                    await this.#prepare(event.namespaces);
                else if (!this.#plan)
                    throw new Error('the archive did not start with its prelude');
                else if (event.type === 'documents')
                    await this.#add(event.ns, event.docs);
                else if (event.type === 'eof')
                    await this.#close(event.ns);
            }
            if (!this.#plan)
                throw new Error('the archive ended before its prelude');
            await this.#settle(true);
            this.#throwIfStopped();
            await this.#createViews(this.#plan);
            await this.#buildRemainingIndexes(this.#plan);
        }
        catch (error) {
            // Documents still batched are not sent: the archive or the target failed, the restore stops.
            await this.#settle(false);
            await iterator.return?.();
            throw error;
        }
        const result = this.#result(this.#plan);
        if (result.failed > 0 || result.namespaces.some((n) => n.indexErrors.length > 0)) {
            throw new RestoreFailedError(result);
        }
        return result;
    }
    #throwIfStopped() {
        if (this.#fatal)
            throw this.#fatal;
        const { signal } = this.#deps;
        if (signal?.aborted)
            throw signal.reason ?? new Error('the restore was cancelled');
    }
    async #prepare(prelude) {
        const { client, staging } = this.#deps;
        const plan = await (0,restore_plan/* planRestore */.q8)(client, prelude, this.#mapper, {
            drop: this.#options.drop ?? false,
            ...(staging ? { run: staging.run } : {}),
        });
        this.#plan = plan;
        this.#deps.onPlan?.(plan);
        const refusal = (0,restore_plan/* refusalError */.z_)(plan);
        if (refusal)
            throw refusal;
        for (const skipped of plan.skipped)
            this.#logger.warn(`not restored: ${skipped.namespace} — ${skipped.reason}`);
        for (const warning of plan.warnings)
            this.#logger.warn(warning);
        await staging?.removeLeftovers(plan);
        for (const planned of plan.namespaces) {
            this.#stats.set(planned, newStats());
            // Views are created once their collections are in place: by the swap, or last (direct).
            if (planned.type === 'view' || (planned.action === 'reuse' && !(0,restore_staging/* isStaged */.Fl)(planned)))
                continue;
            await this.#create(planned);
            staging?.created(planned.writeTo);
        }
    }
    async #create(planned) {
        const db = this.#deps.client.db(planned.writeTo.db);
        const command = (0,collection_spec/* createCommand */.gu)(planned.writeTo, planned.entry, (read) => planned.viewOn ?? read);
        try {
            await db.command(command);
        }
        catch (error) {
            const { create: _name, ...options } = command;
            const staged = (0,restore_staging/* isStaged */.Fl)(planned) ? ` (staged as ${(0,format/* namespaceName */.dz)(planned.writeTo)})` : '';
            throw new Error(`The target refused to create ${(0,format/* namespaceName */.dz)(planned.target)}${staged} with the archive's options ` +
                `${EJSON.stringify(options, { relaxed: true })}: ${(0,errors/* errorMessage */.g)(error)}`);
        }
    }
    #dataRun(ns) {
        const key = `${ns.db}\u0000${ns.collection}`;
        const known = this.#runs.get(key);
        if (known !== undefined)
            return known;
        const plan = this.#plan;
        // Time-series data arrives as the buckets of the listed collection (servers before 8.3).
        const planned = plan.namespaces.find((n) => n.source.db === ns.db &&
            (n.source.collection === ns.collection ||
                (n.type === 'timeseries' && `${format/* BUCKETS_PREFIX */.p8}${n.source.collection}` === ns.collection)));
        let run = null;
        if (planned) {
            // Time-series buckets keep their own name; they are never staged.
            const into = (0,restore_staging/* isStaged */.Fl)(planned) ? planned.writeTo : this.#mapper.target(ns);
            run = {
                planned,
                name: (0,format/* namespaceName */.dz)(this.#mapper.target(ns)),
                db: this.#deps.client.db(into.db),
                collection: into.collection,
                serial: collectionIsCapped(planned.entry),
                batch: [],
                batchBytes: 0,
                pending: new Set(),
                stats: this.#stats.get(planned),
            };
        }
        this.#runs.set(key, run);
        return run;
    }
    async #add(ns, docs) {
        const run = this.#dataRun(ns);
        if (!run)
            return;
        for (const doc of docs) {
            const full = run.batchBytes + doc.length > this.#batchBytes || run.batch.length >= MAX_BATCH_DOCUMENTS;
            if (full && run.batch.length > 0)
                await this.#flush(run);
            run.batch.push(doc);
            run.batchBytes += doc.length;
            run.stats.documents += 1;
            run.stats.bytes += doc.length;
        }
        if (run.batchBytes >= this.#batchBytes)
            await this.#flush(run);
    }
    async #flush(run) {
        if (run.batch.length === 0)
            return;
        const docs = run.batch;
        run.batch = [];
        run.batchBytes = 0;
        if (run.serial)
            await Promise.all(run.pending);
        while (this.#inFlight.size >= this.#parallelism)
            await Promise.race(this.#inFlight);
        this.#throwIfStopped();
        const task = this.#insert(run, docs).finally(() => {
            this.#inFlight.delete(task);
            run.pending.delete(task);
        });
        this.#inFlight.add(task);
        run.pending.add(task);
    }
    /** Never rejects: a failed command (not a refused document) stops the whole restore. */
    async #insert(run, docs) {
        try {
            const { inserted, failures } = await this.#inserter.insert(run.db, run.collection, docs);
            run.stats.inserted += inserted;
            run.stats.failed += failures.length;
            for (const failure of failures)
                this.#recordFailure(run, docs, failure);
            this.#sent += docs.length;
            for (const doc of docs)
                this.#sentBytes += doc.length;
            this.#deps.onProgress?.({ documents: this.#sent, bytes: this.#sentBytes, namespace: run.name });
        }
        catch (error) {
            this.#fatal ??= new Error(`Inserting into ${run.name} failed: ${(0,errors/* errorMessage */.g)(error)}`);
        }
    }
    #recordFailure(run, docs, failure) {
        const codes = run.stats.failuresByCode;
        codes.set(failure.code, (codes.get(failure.code) ?? 0) + 1);
        if (this.#failures.length >= this.#shownFailures)
            return;
        const doc = docs[failure.index];
        this.#failures.push({
            namespace: run.name,
            id: doc ? documentId(doc) : '?',
            code: failure.code,
            message: failure.message,
        });
    }
    /** A namespace's EOF: send what is left, then build its indexes once all its batches are in. */
    async #close(ns) {
        const run = this.#dataRun(ns);
        if (!run)
            return;
        await this.#flush(run);
        const stats = run.stats;
        if (stats.indexTask)
            return;
        // The reader goes on with other namespaces while this one's last batches and indexes finish.
        stats.indexTask = Promise.allSettled([...run.pending]).then(() => this.#buildIndexes(run.planned, stats));
    }
    async #buildIndexes(planned, stats) {
        if (planned.type === 'view' || this.#fatal)
            return;
        const specs = (0,collection_spec/* indexesToBuild */.C9)(planned.entry);
        if (specs.length === 0)
            return;
        const { db: database, collection } = planned.writeTo;
        const db = this.#deps.client.db(database);
        const name = (0,format/* namespaceName */.dz)(planned.target);
        try {
            await db.command({ createIndexes: collection, indexes: specs });
            stats.indexesBuilt += specs.length;
            return;
        }
        catch {
            // Build them one by one to name the index that fails and still build the others.
        }
        for (const spec of specs) {
            try {
                await db.command({ createIndexes: collection, indexes: [spec] });
                stats.indexesBuilt += 1;
            }
            catch (error) {
                stats.indexErrors.push(`${name} index ${String(spec.name)}: ${(0,errors/* errorMessage */.g)(error)}`);
            }
        }
    }
    async #settle(flush) {
        if (flush) {
            for (const run of new Set(this.#runs.values()))
                if (run && !this.#fatal)
                    await this.#flush(run);
        }
        while (this.#inFlight.size > 0)
            await Promise.allSettled([...this.#inFlight]);
        await Promise.allSettled([...this.#stats.values()].map((s) => s.indexTask));
    }
    async #createViews(plan) {
        if (this.#deps.staging)
            return;
        for (const planned of plan.namespaces)
            if (planned.type === 'view')
                await this.#create(planned);
    }
    async #buildRemainingIndexes(plan) {
        for (const planned of plan.namespaces) {
            const stats = this.#stats.get(planned);
            if (!stats.indexTask) {
                stats.indexTask = this.#buildIndexes(planned, stats);
                await stats.indexTask;
            }
        }
    }
    #result(plan) {
        const namespaces = plan.namespaces.map((planned) => {
            const stats = this.#stats.get(planned);
            return {
                source: (0,format/* namespaceName */.dz)(planned.source),
                target: (0,format/* namespaceName */.dz)(planned.target),
                type: planned.type,
                action: planned.action,
                documents: stats.documents,
                bytes: stats.bytes,
                inserted: stats.inserted,
                failed: stats.failed,
                failuresByCode: Object.fromEntries([...stats.failuresByCode].map(([code, n]) => [String(code), n])),
                indexesBuilt: stats.indexesBuilt,
                indexErrors: stats.indexErrors,
            };
        });
        const sum = (pick) => namespaces.reduce((t, n) => t + pick(n), 0);
        return {
            namespaces,
            plan,
            documents: sum((n) => n.documents),
            inserted: sum((n) => n.inserted),
            failed: sum((n) => n.failed),
            bytes: sum((n) => n.bytes),
            failures: this.#failures,
            encoding: this.#inserter.encoding,
            durationMs: (this.#deps.now ?? Date.now)() - this.#startedAt,
        };
    }
}
function newStats() {
    return {
        documents: 0,
        bytes: 0,
        inserted: 0,
        failed: 0,
        failuresByCode: new Map(),
        indexesBuilt: 0,
        indexErrors: [],
        indexTask: undefined,
    };
}
function collectionIsCapped(entry) {
    const options = entry.metadata?.options;
    return options?.capped === true;
}
function documentId(doc) {
    try {
        const { _id } = lib.BSON.deserialize(doc, { promoteValues: false, bsonRegExp: true });
        return _id === undefined ? '(no _id)' : EJSON.stringify(_id, { relaxed: true });
    }
    catch {
        return '(unreadable)';
    }
}
const CODE_NAMES = {
    '11000': 'duplicate key',
    '121': 'document validation failed',
    '53': 'invalid _id',
    '2': 'bad value',
};
function codeName(code) {
    return CODE_NAMES[code] ?? `error code ${code}`;
}
function describeFailure(result) {
    const lines = [];
    if (result.failed > 0) {
        const perNamespace = result.namespaces
            .filter((n) => n.failed > 0)
            .map((n) => {
            const codes = Object.entries(n.failuresByCode)
                .sort(([codeA, a], [codeB, b]) => b - a || Number(codeA) - Number(codeB))
                .map(([code, count]) => `${codeName(code)} ×${count}`)
                .join(', ');
            return `${n.target}: ${n.failed} (${codes})`;
        });
        lines.push(`The restore failed: ${result.failed.toLocaleString('en-US')} of ${result.documents.toLocaleString('en-US')} ` +
            `documents were refused by the target — ${perNamespace.join('; ')}.`);
        lines.push(`First ${result.failures.length === 1 ? 'error' : `${result.failures.length} errors`}:`, ...result.failures.map((f) => `  ${f.namespace} _id ${f.id}: ${f.message} (code ${f.code})`));
    }
    const indexErrors = result.namespaces.flatMap((n) => n.indexErrors);
    if (indexErrors.length > 0) {
        if (lines.length === 0)
            lines.push('The restore failed: indexes could not be built.');
        lines.push('Index builds that failed:', ...indexErrors.map((e) => `  ${e}`));
    }
    return lines.join('\n');
}

// EXTERNAL MODULE: ../runtime/src/options/errors.ts
var options_errors = __webpack_require__(673);
// EXTERNAL MODULE: ../runtime/src/options/text.ts
var options_text = __webpack_require__(5981);
// EXTERNAL MODULE: ../runtime/src/memory.ts
var src_memory = __webpack_require__(6306);
// EXTERNAL MODULE: ../storage/src/errors.ts
var src_errors = __webpack_require__(1909);
;// CONCATENATED MODULE: ../verify/src/compare.ts


const compare_short = (hash) => (hash ? `${hash.slice(0, 16)}…` : '(none)');
/**
 * One row per namespace: the manifest's promise against the archive's content (integrity) and, in
 * full and restore modes, against what the server holds after the restore. Without a manifest the
 * archive itself is what the restore is compared with.
 */
function compareNamespaces(input) {
    const { manifest, tally, restoredNamespaces } = input;
    const prelude = new Map((tally.prelude ?? []).filter((e) => !(0,format/* isOplog */.y8)(e)).map((e) => [nameOf(e), e]));
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
    const expectedIndexes = listed?.indexes ?? (prelude ? (0,collection_spec/* indexSpecs */.zD)(prelude) : undefined);
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
        const differences = (0,collection_spec/* compareIndexSpecs */.kn)(listed.indexes, (0,collection_spec/* indexSpecs */.zD)(prelude));
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
                const differences = (0,collection_spec/* compareIndexSpecs */.kn)(expectedIndexes, back.indexes);
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
    return `${name.slice(0, dot)}.${format/* BUCKETS_PREFIX */.p8}${name.slice(dot + 1)}`;
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
async function chooseIdentity(secret, recipients, option, subject) {
    if (!secret) {
        if (recipients.length === 0)
            return undefined;
        throw options_errors/* OptionError */.eR.saying((0,options_text/* say */.cv) `${subject} is encrypted with age (to ${recipients.join(', ')}): give the identity that decrypts it as ${(0,options_text/* ref */.KR)(option)}.`);
    }
    const identities = parseIdentities(secret);
    if (identities.length === 0) {
        throw new options_errors/* OptionError */.eR(option, 'must be an age identity (AGE-SECRET-KEY-1…, as written by age-keygen), or the text of an identity file.');
    }
    if (recipients.length === 0)
        return identities[0];
    const publicKeys = [];
    for (const identity of identities) {
        let recipient;
        try {
            recipient = await (0,codec/* recipientOf */.du)(identity);
        }
        catch {
            throw new options_errors/* OptionError */.eR(option, 'holds a malformed age identity (AGE-SECRET-KEY-1…).');
        }
        if (recipients.includes(recipient))
            return identity;
        publicKeys.push(recipient);
    }
    throw new options_errors/* OptionError */.eR(option, `(public key ${publicKeys.join(', ')}) cannot decrypt ${subject}: it is encrypted to ${recipients.join(', ')}.`);
}

// EXTERNAL MODULE: ../mongo/src/content-hash.ts
var content_hash = __webpack_require__(4573);
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
            results.set((0,format/* namespaceName */.dz)(next.source), await readNamespace(client, next));
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
        target: (0,format/* namespaceName */.dz)(planned.target),
        ...((0,restore_staging/* isStaged */.Fl)(planned) ? { stagedAs: (0,format/* namespaceName */.dz)(target) } : {}),
        exists: listed.length > 0,
        documents: 0,
        contentHash: new content_hash/* ContentHash */.yN().hex(),
        indexes: [],
    };
    if (!result.exists || planned.type === 'view')
        return result;
    const dataCollection = planned.type === 'timeseries' ? await timeseriesData(client, planned) : target.collection;
    const hash = new content_hash/* ContentHash */.yN();
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
    const buckets = `${format/* BUCKETS_PREFIX */.p8}${planned.target.collection}`;
    const found = await client
        .db(planned.target.db)
        .listCollections({ name: buckets }, { nameOnly: true })
        .toArray();
    return found.length > 0 ? buckets : planned.target.collection;
}

// EXTERNAL MODULE: ../verify/src/stored-archive.ts + 2 modules
var stored_archive = __webpack_require__(1461);
// EXTERNAL MODULE: ../verify/src/stored-parts.ts
var stored_parts = __webpack_require__(8674);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(5919);
;// CONCATENATED MODULE: ../verify/src/hash-pool.ts


/**
 * Worker threads that compute partial content hashes (the sum of every document's SHA-256, modulo
 * 2^256; see `ContentHash` of @shipkit/mongo) over runs of raw BSON documents. One SHA-256 per
 * document is most of the work of an integrity check; the sums commute, so any worker may take any run.
 *
 * Runs travel through slots of one SharedArrayBuffer: the caller copies a run into a free slot and the
 * worker hashes it there, so no buffer is allocated, transferred and freed per run (measured: a fresh
 * 1 MiB buffer per run cost more CPU than the copy, in page faults and garbage collection).
 */
// The same sum as `addRunDigests` of @shipkit/mongo (digests as 'binary' strings, the cheap call).
// Plain CommonJS run with `eval`, so the bundled action needs no separate worker file.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { hash } = require('node:crypto');
const memory = new Uint8Array(workerData.memory);
parentPort.on('message', ({ id, start, length }) => {
  const run = memory.subarray(start, start + length);
  const limbs = new Uint32Array(8);
  let count = 0;
  for (let at = 0; at + 4 <= run.length; count++) {
    const size = run[at] | (run[at + 1] << 8) | (run[at + 2] << 16) | (run[at + 3] << 24);
    if (size < 5 || at + size > run.length) throw new RangeError('no document at byte ' + at + ' of a run');
    const digest = hash('sha256', run.subarray(at, at + size), 'binary');
    let carry = 0;
    for (let i = 0, d = 28; i < 8; i++, d -= 4) {
      const word = ((digest.charCodeAt(d) << 24) | (digest.charCodeAt(d + 1) << 16) |
        (digest.charCodeAt(d + 2) << 8) | digest.charCodeAt(d + 3)) >>> 0;
      const sum = limbs[i] + word + carry;
      limbs[i] = sum >>> 0;
      carry = sum > 0xffffffff ? 1 : 0;
    }
    at += size;
  }
  parentPort.postMessage({ id, limbs, count });
});
`;
/** Bytes of one slot: the most a run handed to a worker may hold. */
const SLOT_BYTES = 1024 * 1024;
// Slots per worker: one being hashed, one waiting, one being filled.
const SLOTS_PER_WORKER = 3;
class HashPool {
    #workers;
    #memory;
    #freeSlots;
    #tasks = new Map();
    #drained;
    #next = 0;
    #failure;
    constructor(size = defaultPoolSize()) {
        const workers = Math.max(1, size);
        const slots = workers * SLOTS_PER_WORKER;
        this.#memory = new SharedArrayBuffer(slots * SLOT_BYTES);
        this.#freeSlots = Array.from({ length: slots }, (_, i) => i);
        this.#workers = Array.from({ length: workers }, () => this.#spawn());
    }
    get size() {
        return this.#workers.length;
    }
    #spawn() {
        const worker = new external_node_worker_threads_.Worker(WORKER_SOURCE, { eval: true, workerData: { memory: this.#memory } });
        worker.on('message', ({ id, limbs, count }) => {
            const task = this.#tasks.get(id);
            if (!task)
                return;
            this.#tasks.delete(id);
            this.#freeSlots.push(task.slot);
            task.onSum(limbs, count);
            if (this.#tasks.size === 0)
                this.#drained?.();
        });
        worker.on('error', (error) => this.#fail(error));
        return worker;
    }
    #fail(error) {
        this.#failure ??= error;
        this.#tasks.clear();
        this.#drained?.();
    }
    /** Every slot is in use: a caller with spare time may rather hash inline. */
    get busy() {
        return this.#freeSlots.length === 0;
    }
    /**
     * Copies a run of consecutive documents (given as pieces, at most `SLOT_BYTES` in all) into a free
     * slot and has a worker hash it; `onSum` gets the partial sum as little-endian 32-bit limbs. Call
     * only when not `busy`.
     */
    hash(pieces, onSum) {
        if (this.#failure)
            throw this.#failure;
        const slot = this.#freeSlots.pop();
        if (slot === undefined)
            throw new Error('HashPool.hash called while every slot is in use');
        const start = slot * SLOT_BYTES;
        const view = new Uint8Array(this.#memory, start, SLOT_BYTES);
        let length = 0;
        for (const piece of pieces) {
            view.set(piece, length);
            length += piece.length;
        }
        const id = this.#next++;
        this.#tasks.set(id, { slot, onSum });
        this.#workers[id % this.#workers.length].postMessage({ id, start, length });
    }
    /** Waits for every run handed out; throws the first worker failure. */
    async drain() {
        if (this.#tasks.size > 0 && !this.#failure) {
            await new Promise((resolve) => {
                this.#drained = resolve;
            });
            this.#drained = undefined;
        }
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

;// CONCATENATED MODULE: ../verify/src/tally.ts



/**
 * Recounts documents, bytes and content hashes per namespace as archive events pass through, for
 * integrity checks and to compare a restore against. Nothing is decoded; the one SHA-256 per
 * document runs on worker threads once the archive proves large and there are cores to spare.
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
        this.#poolAfterBytes = options.poolAfterBytes ?? defaultPoolAfterBytes();
        this.#poolSize = options.poolSize;
    }
    /** Passes events through unchanged while counting them. */
    async *tap(events) {
        for await (const event of events) {
            this.observe(event);
            yield event;
        }
    }
    observe(event) {
        switch (event.type) {
            case 'prelude':
                this.header = event.header;
                this.prelude = event.namespaces;
                return;
            case 'documents': {
                const entry = this.#entry(`${event.ns.db}.${event.ns.collection}`);
                const { run } = event;
                entry.tally.documents += event.count;
                entry.tally.bytes += run.length;
                this.#seenBytes += run.length;
                this.onDocuments?.(run.length, event.count);
                if (!this.#pool && this.#seenBytes <= this.#poolAfterBytes) {
                    entry.hash.addRun(run);
                    return;
                }
                if (entry.queuedBytes + run.length > SLOT_BYTES)
                    this.#dispatch(entry);
                if (run.length > SLOT_BYTES) {
                    // A run larger than a slot (one large document): hashed here.
                    entry.hash.addRun(run);
                    return;
                }
                entry.queued.push(run);
                entry.queuedBytes += run.length;
                return;
            }
            case 'eof': {
                const entry = this.#entry(`${event.ns.db}.${event.ns.collection}`);
                entry.tally.crc = event.crc.toString(16).padStart(16, '0');
                this.#dispatch(entry);
                return;
            }
            case 'end':
                this.#complete = true;
                return;
        }
    }
    /** Hands the queued runs to a worker, or hashes them here when every worker has work waiting. */
    #dispatch(entry) {
        if (entry.queued.length === 0)
            return;
        const runs = entry.queued;
        entry.queued = [];
        entry.queuedBytes = 0;
        this.#pool ??= new HashPool(this.#poolSize);
        if (this.#pool.busy) {
            for (const run of runs)
                entry.hash.addRun(run);
            return;
        }
        this.#pool.hash(runs, (limbs, count) => entry.hash.addSum(limbs, count));
    }
    /** Hashes what is still queued and stops the workers; the content hashes are then final. */
    async finish() {
        try {
            for (const entry of this.#namespaces.values())
                this.#dispatch(entry);
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
                hash: new content_hash/* ContentHash */.yN(),
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
        return { ...entry.tally, contentHash: entry.hash.hex() };
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
 * On two cores the zstd frames already decompress on the second one, and a hashing worker competing
 * for it cost more than it saved: at 256 MiB of BSON, 2.3–3.2 CPU seconds and 218–223 MiB of peak
 * RSS with the worker against 1.5–2.5 s and 182–195 MiB inline, and no shorter wall time.
 */
function defaultPoolAfterBytes() {
    return (0,external_node_os_.availableParallelism)() > 2 ? 8 * 1024 * 1024 : Number.POSITIVE_INFINITY;
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
        throw new options_errors/* OptionError */.eR('scratch-mongodb-uri', (0,options_text/* say */.cv) `is required with ${(0,options_text/* ref */.KR)('mode')} full: a full verification restores into a scratch server.`);
    }
    const prefix = deps.scratchPrefix ?? `vfy_${(0,external_node_crypto_.randomBytes)(3).toString('hex')}_`;
    const auto = options.renames === undefined || options.renames.length === 0;
    const renames = auto ? [{ from: '*.*', to: `${prefix}*.*` }] : options.renames;
    return runCheck(source, 'full', options, {
        client: deps.scratch,
        selection: { renames },
        drop: false,
        removeAfter: auto,
        readBack: true,
    }, deps);
}
/** What the manifest says of the stored archive: the one object, or every part (their digest and total size). */
function archiveOf(manifest) {
    return { ...(0,src_manifest/* archiveEncoding */.mE)(manifest), sha256: (0,src_manifest/* archiveDigest */.Bk)(manifest) };
}
/** The identity that decrypts `source`, chosen among those given before anything is downloaded. */
async function identityFor(source, access) {
    const subject = source.backupId ? `backup ${source.backupId}` : source.url;
    const recipients = source.manifest ? archiveOf(source.manifest).recipients : [];
    return chooseIdentity(access.identity, recipients, access.identityOption ?? codec/* IDENTITY_OPTION */.fN, subject);
}
/**
 * A check in named stages: open the stored object, stream it (tallying, and restoring when asked),
 * prove the stored object and the restored data, list the findings, settle a staged restore, report.
 * `CheckRun` alone holds what went wrong on the way.
 */
async function runCheck(source, mode, options, restoreSpec, deps) {
    const now = deps.now ?? (() => new Date());
    const logger = deps.logger ?? log/* silentLogger */.qq;
    const startedAt = now();
    const opened = await openArchive(source, options, restoreSpec !== undefined);
    const swap = restoreSpec?.swap;
    const staging = swap?.staging;
    const run = new CheckRun(opened, new ArchiveTally(options.hashing ?? {}));
    await streamArchive(run, options, restoreSpec, staging, deps, logger);
    const checkSha = source.manifest !== undefined && !options.skipSha256Check;
    const { digest, restored, removed } = await proveStored(run, checkSha && source.manifest ? archiveOf(source.manifest).sha256 : undefined, restoreSpec, swap, options.parallelism ?? rows/* DEFAULT_PARALLELISM */.ri, deps.signal, logger);
    const findings = listFindings(source, mode, run, { digest, restored, checkSha, restoreSpec }, options);
    const outcomes = swap && run.plan ? await settleRun(swap, run, findings, source, options, deps) : undefined;
    const finishedAt = now();
    const report = {
        tool: { ...tool/* TOOL */.j },
        mode,
        result: findings.problems.length === 0 && run.tally.complete ? 'passed' : 'failed',
        source: source.url,
        ...(source.backupId ? { backupId: source.backupId } : {}),
        startedAt: startedAt.toISOString(),
        finishedAt: finishedAt.toISOString(),
        durationMs: finishedAt.getTime() - startedAt.getTime(),
        archive: {
            layers: [...opened.layers],
            storedBytes: digest.bytes,
            sha256: findings.sha256,
            complete: run.tally.complete,
        },
        namespaces: findings.rows,
        totals: {
            namespaces: findings.rows.length,
            documents: run.tally.documents,
            ...(source.manifest ? { expectedDocuments: source.manifest.totals.documents } : {}),
            ...(restored ? { restoredDocuments: [...restored.values()].reduce((t, r) => t + r.documents, 0) } : {}),
        },
        problems: findings.problems,
        notChecked: findings.notChecked,
        ...(run.plan
            ? {
                target: {
                    databases: run.plan.targetDatabases,
                    removed,
                    ...(outcomes ? { namespaces: outcomes } : {}),
                },
            }
            : {}),
    };
    const proven = !restoreSpec || restoreSpec.readBack;
    if (report.result === 'passed' && source.backupId) {
        await settleRecord(source, report, run.plan, proven && options.record !== false, logger);
    }
    return report;
}
/**
 * What one check has read and what went wrong on the way, in one place: the first failure wins
 * (what fails later is its consequence), and whether it came out of the stored object (its layers
 * or its archive) rather than the target.
 */
class CheckRun {
    opened;
    tally;
    failure;
    failedReading = false;
    restoreResult;
    plan;
    events;
    constructor(opened, tally) {
        this.opened = opened;
        this.tally = tally;
        const run = this;
        this.events = (async function* () {
            try {
                yield* opened.events;
            }
            catch (error) {
                run.failedReading = true;
                throw error;
            }
        })();
    }
    get failed() {
        return this.failure !== undefined;
    }
    fail(error) {
        if (error instanceof RestoreFailedError)
            this.restoreResult ??= error.result;
        this.failure ??= error;
    }
}
// A restore is paced by its target, not by decompression, and its batches hold documents for a
// while: it keeps less decompressed ahead and collects garbage more often than an integrity check.
// Measured on a 256 MiB restore into FerretDB, three runs each: peak RSS 194–214 MiB with 8 MiB ahead
// per frame and a collection every 32 MiB, 185–190 with 2 and 16, 180–182 with 2 and 8 (for 0.8 CPU s
// more, in the same wall time). A collection every 1 MiB held 165 MiB but took 11 CPU s instead of 7.
const RESTORE_AHEAD_BYTES = 2 * 1024 * 1024;
const RESTORE_COLLECT_EVERY_BYTES = 8 * 1024 * 1024;
/** Stage 1: the stored object opened, its layers peeled (a deleted backup named as such). */
async function openArchive(source, options, restoring) {
    const identity = await identityFor(source, options);
    return (0,stored_parts/* openBackupArchive */.F)(source, {
        ...(identity ? { identity } : {}),
        identityOption: options.identityOption ?? codec/* IDENTITY_OPTION */.fN,
        ...(restoring ? { aheadBytes: RESTORE_AHEAD_BYTES } : {}),
    }, options.parallelParts).catch(async (error) => {
        if (error instanceof src_errors/* ObjectNotFoundError */.d_ && source.backupId && !(await stillExists(source))) {
            throw new errors/* UserError */.y(`${disappeared(source)}.`);
        }
        throw error;
    });
}
/** Stage 2: every event tallied, and restored when asked; failures are kept in `run`, not thrown. */
async function streamArchive(run, options, restoreSpec, staging, deps, logger) {
    const { tally } = run;
    const memory = new src_memory/* MemoryKeeper */.g(restoreSpec ? RESTORE_COLLECT_EVERY_BYTES : undefined);
    tally.onDocuments = (bytes, documents) => {
        deps.progress?.add(bytes, documents);
        memory.add(bytes);
    };
    try {
        if (!restoreSpec) {
            for await (const event of run.events) {
                tally.observe(event);
                deps.signal?.throwIfAborted();
            }
        }
        else {
            run.restoreResult = await restoreArchive(tally.tap(run.events), {
                ...restoreSpec.selection,
                drop: restoreSpec.drop,
                parallelism: options.parallelism ?? rows/* DEFAULT_PARALLELISM */.ri,
                ...batchOption(options.batchBytes),
            }, {
                client: restoreSpec.client,
                logger,
                ...(staging ? { staging } : {}),
                ...(deps.signal ? { signal: deps.signal } : {}),
                onPlan: (p) => {
                    run.plan = p;
                },
            });
        }
    }
    catch (error) {
        run.fail(error);
    }
    try {
        await tally.finish();
    }
    catch (error) {
        run.fail(error);
    }
}
/**
 * Stage 3: the stored object's digest, and the restored data read back. A failure that is not a
 * finding of the check stops it here: the staging is removed and the error says what each target is.
 */
async function proveStored(run, 
/** The SHA-256 the manifest holds, when it is to be checked. */
expectedSha256, restoreSpec, swap, parallelism, signal, logger) {
    const { opened, plan } = run;
    let digest;
    let restored;
    try {
        // After a failure the rest of the object is still read when a manifest holds its SHA-256: a
        // changed stored object is then named as such, rather than by whatever layer tripped over it.
        // So is what follows the archive's end (a compressor's last frame, or bytes appended to it):
        // a whole archive swapped in from another backup must still fail on its SHA-256.
        const checkSha = expectedSha256 !== undefined;
        const drain = checkSha && (run.failedReading || run.tally.complete) && !signal?.aborted;
        digest = await opened.digest(drain);
        const storedChanged = checkSha && digest.complete && digest.sha256 !== expectedSha256;
        // A damaged archive or refused documents are findings of the check; anything else (bad input, a
        // wrong identity, a target that cannot take the data, cancellation) stops it.
        const finding = run.failure instanceof stored_archive/* ArchiveStageError */.t0 || run.failure instanceof RestoreFailedError;
        if (run.failed && !finding && !(storedChanged && !signal?.aborted))
            throw run.failure;
        if (restoreSpec?.readBack && plan && run.restoreResult) {
            // A staged restore creates its views at the swap, which proves they exist.
            const written = plan.namespaces.filter((n) => n.action !== 'refuse' && !(swap && n.type === 'view'));
            restored = await readBack(restoreSpec.client, written, parallelism, signal);
        }
    }
    catch (error) {
        await removeScratch(restoreSpec, plan, logger);
        throw swap ? await swap.abandon(plan, error) : error;
    }
    finally {
        await opened.close();
    }
    return { digest, restored, removed: await removeScratch(restoreSpec, plan, logger) };
}
/** Stage 4: every problem found and everything not checked, archive-wide ones first. */
function listFindings(source, mode, run, proof, options) {
    const { manifest } = source;
    const { tally, opened, plan } = run;
    const problems = [];
    const notChecked = [];
    const sha256 = shaVerdict(source, proof.digest, proof.checkSha, problems, notChecked, options.skipSha256Check === true);
    // What the catalogue found wrong with the backup comes first: the rest may follow from it.
    problems.unshift(...(source.damage ?? []).map((d) => `backup ${source.backupId} is damaged: ${d}`));
    if (run.failed)
        problems.push((0,errors/* errorMessage */.g)(run.failure));
    if (manifest && tally.header) {
        const compression = (0,stored_archive/* compressionOf */.MB)(opened.layers);
        if (compression !== archiveOf(manifest).compression) {
            problems.push(`the stored archive is compressed with ${compression}, but the manifest says ${archiveOf(manifest).compression}`);
        }
        const encrypted = opened.layers.includes('age');
        if (encrypted !== archiveOf(manifest).recipients.length > 0) {
            problems.push(`the stored archive is ${encrypted ? '' : 'not '}encrypted, but the manifest says otherwise`);
        }
    }
    const restoredNamespaces = plan
        ? new Set(plan.namespaces.map((n) => `${n.source.db}.${n.source.collection}`))
        : undefined;
    const comparison = compareNamespaces({ manifest, tally, restored: proof.restored, restoredNamespaces });
    problems.push(...comparison.problems);
    if (!manifest) {
        notChecked.push(mode === 'integrity'
            ? 'Expected counts, content hashes and index specs: the archive has no manifest (stock mongodump writes none). ' +
                'Each namespace CRC was checked and documents were counted.'
            : 'Whether the archive is complete: it has no manifest (stock mongodump writes none). ' +
                'Each namespace CRC was checked, and the restore was compared with the archive itself.');
    }
    if (proof.restoreSpec && !proof.restoreSpec.readBack) {
        notChecked.push('What the target holds: the restored namespaces were not read back (asked to skip it). ' +
            'The archive was checked and no document was refused.');
    }
    if (plan) {
        if (plan.excluded.length > 0)
            notChecked.push(`Not restored (excluded): ${plan.excluded.join(', ')}.`);
        for (const skipped of plan.skipped)
            notChecked.push(`Not restored: ${skipped.namespace} — ${skipped.reason}.`);
    }
    return { problems, notChecked, sha256, rows: comparison.rows };
}
/** Stage 5 of a staged restore: swapped in when the proof holds, else discarded; a failed swap is a problem. */
async function settleRun(swap, run, findings, source, options, deps) {
    const unproven = source.manifest && !options.skipSha256Check && findings.sha256.state !== 'passed'
        ? ["the stored object's SHA-256 could not be checked against the manifest"]
        : [];
    const settled = await swap.settle(run.plan, { archiveComplete: run.tally.complete, problems: [...findings.problems, ...unproven] }, deps.signal);
    if (settled.problem)
        findings.problems.push(settled.problem);
    return settled.outcomes;
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
    return (await source.storage.head(`${source.backupId}/${layout/* MANIFEST_NAME */.ir}`)) !== undefined;
}
function disappeared(source) {
    return (`backup ${source.backupId} disappeared while it was being read (its ${layout/* MANIFEST_NAME */.ir} is gone, ` +
        'e.g. deleted by prune): it no longer exists, and no verification was recorded');
}
function batchOption(batchBytes) {
    return batchBytes === undefined ? {} : { batchBytes };
}
function shaVerdict(source, digest, checkSha, problems, notChecked, skipped) {
    const expected = source.manifest && archiveOf(source.manifest).sha256;
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
    const { size, sha256 } = archiveOf(source.manifest);
    if (digest.sha256 === sha256)
        return { expected: sha256, actual: digest.sha256, state: 'passed' };
    const sizeNote = digest.bytes === size
        ? `same size, ${digest.bytes} bytes`
        : `${digest.bytes} bytes, the manifest says ${size}`;
    // First: every later problem follows from it.
    problems.unshift(digest.changed
        ? `the stored parts of ${source.url} do not match the manifest: ${digest.changed.join(', ')} ` +
            `changed or damaged after the backup was written (${sizeNote})`
        : `the stored archive ${source.url} does not match its manifest: SHA-256 ${digest.sha256}, expected ${sha256} ` +
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
            logger.warn(`could not drop scratch database ${db}: ${(0,errors/* errorMessage */.g)(error)}`);
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
        formatVersion: verification/* VERIFICATION_FORMAT_VERSION */.TQ,
        backupId: id,
        mode: report.mode,
        scope: [...listed].every((ns) => covered.has(ns)) ? 'all' : 'partial',
        result: 'passed',
        verifiedAt: report.finishedAt,
        tool: { ...tool/* TOOL */.j },
        archiveSha256: archiveOf(manifest).sha256,
        manifestSha256,
        namespaces,
        notRestorable,
        documents: report.namespaces
            .filter((row) => row.type !== 'view' && listed.has(row.namespace))
            .reduce((sum, row) => sum + (row.restored?.documents ?? row.archive?.documents ?? 0), 0),
    };
    const key = `${id}/${(0,verification/* verificationName */.HH)(record.mode, record.scope)}`;
    try {
        await source.storage.put(key, Buffer.from(`${JSON.stringify(record, null, 2)}\n`), {
            contentType: 'application/json',
        });
        return key;
    }
    catch (error) {
        logger.warn(`the verification passed but ${source.storage.describe(key)} could not be written: ${(0,errors/* errorMessage */.g)(error)}`);
        return undefined;
    }
}
async function forgetRecord(source, key, logger) {
    try {
        await source.storage.delete(key);
    }
    catch (error) {
        logger.warn(`could not remove ${source.storage.describe(key)}: ${(0,errors/* errorMessage */.g)(error)}`);
    }
}


/***/ }),

/***/ 8342:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AQ: () => (/* binding */ RUN_TIMEOUT),
/* harmony export */   In: () => (/* binding */ SCRATCH_URI),
/* harmony export */   WP: () => (/* binding */ locationFrom),
/* harmony export */   bK: () => (/* binding */ FROM_ROWS),
/* harmony export */   c9: () => (/* binding */ checkLocation),
/* harmony export */   gt: () => (/* binding */ RESTORE_PARALLELISM),
/* harmony export */   qh: () => (/* binding */ VERIFY_MODE),
/* harmony export */   xh: () => (/* binding */ PARALLEL_PARTS)
/* harmony export */ });
/* unused harmony export LOCATION_ROWS */
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3832);
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8463);
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(673);
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5981);

/** A throwaway server a full verification restores into, under fresh database names. */
const SCRATCH_URI = (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .textRow */ .yL)({
    description: 'For a full verification: a server to restore into, under fresh database names that are dropped afterwards. Secret: masked in every form.',
    default: '',
    secret: true,
    flag: 'scratch-uri',
    env: 'SCRATCH_MONGODB_URI',
    placeholder: '<uri>',
});
/** What a verification checks. */
const VERIFY_MODE = (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .enumRow */ .QR)(['integrity', 'full'], {
    description: 'integrity (no database: SHA-256, decryption, decompression, CRCs, counts and content hashes against the manifest) or full (also restore into {scratch-mongodb-uri} and compare counts, content hashes and indexes).',
    default: 'integrity',
});
/** Insert batches in flight while restoring, and namespaces read back at once. */
const RESTORE_PARALLELISM = {
    ..._shipkit_runtime__WEBPACK_IMPORTED_MODULE_1__/* .PARALLELISM */ .Px,
    description: 'Insert batches in flight at once while restoring; namespaces read back at once.',
};
/** Parts of a backup in parts read and restored at once. */
const PARALLEL_PARTS = (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .integerRow */ .d1)({
    description: "For a backup in parts: how many parts are read (and restored) at once, at most the backup's number of parts. Each adds its own download and decompression; a collection split over parts is still staged once, indexed once, and swapped in once after every part was proven.",
    default: '3',
    min: 1,
    max: 16,
});
/** The bound on a verification or a restore. */
const RUN_TIMEOUT = (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_1__/* .timeoutRow */ .o5)('6h');
/**
 * Where the backup to read is, on the command line: a backup (…/<backup-id>), a prefix with
 * `--latest`, an archive file, or a bare backup id under BACKUP_DESTINATION.
 */
const FROM_ROWS = {
    from: (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .textRow */ .yL)({
        description: 'The backup to read: its URL (…/<backup-id>), a prefix with {latest}, an archive file such as one from mongodump --archive, or a bare backup id (or latest) under BACKUP_DESTINATION.',
        required: true,
        env: 'BACKUP_DESTINATION',
        placeholder: '<url>',
    }),
    latest: (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .booleanRow */ .HP)({
        description: 'Take the newest complete backup under the {from} prefix.',
        default: 'false',
    }),
};
/**
 * Where the backup to read is, in an action: a prefix and which backup under it (or a URL, which
 * needs no prefix).
 */
const LOCATION_ROWS = {
    source: (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .textRow */ .yL)({
        description: 'Where backups are stored: s3://bucket/prefix or file:///absolute/path (the destination of mongo-backup). Not needed when {backup} is a URL.',
        default: '',
        placeholder: '<url>',
    }),
    backup: (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .textRow */ .yL)({
        description: 'Which backup: latest (the newest complete one; damaged backups are passed over with a warning), latest-verified (the newest with a verification of every namespace), a backup id such as 2026-11-25T030000Z-1a2b3c, or a URL of a backup folder or of a bare archive file (e.g. one written by mongodump --archive, plain, --gzip, zstd or age).',
        default: 'latest',
    }),
};
/**
 * `--from` and `--latest` as a request: a URL is read as it is (the newest backup under it with
 * `--latest`); anything else is a backup id (or `latest`) under the prefix the environment names.
 */
function locationFrom(from, latest, env) {
    if (latest)
        return { source: from, backup: 'latest' };
    if (from.includes('://'))
        return { backup: from };
    const prefix = env.BACKUP_DESTINATION;
    if (!prefix || prefix === from) {
        throw new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_2__/* .OptionError */ .eR('from', (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_3__/* .say */ .cv) `'${from}' is no URL, so it names a backup under a prefix: set BACKUP_DESTINATION to it (e.g. s3://bucket/backups), or give the backup's URL (or a prefix with ${(0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_3__/* .ref */ .KR)('latest')}).`);
    }
    return { source: prefix, backup: from };
}
/**
 * The request, refused at once when it names a backup by `latest` or id without the prefix to find it
 * in: an action checks it with its inputs, before it loads its engine.
 */
function checkLocation(request) {
    const backup = request.backup.trim();
    if (!backup.includes('://') && !request.source) {
        throw _shipkit_runtime__WEBPACK_IMPORTED_MODULE_2__/* .OptionError */ .eR.saying((0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_3__/* .say */ .cv) `Backup '${backup}' needs the prefix it is stored under (${(0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_3__/* .ref */ .KR)('source')}, e.g. s3://bucket/backups), or give the backup as a URL.`);
    }
    return request;
}


/***/ }),

/***/ 7903:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   o: () => (/* binding */ failureMessage)
/* harmony export */ });
/* unused harmony export VerificationFailedError */
/* harmony import */ var _shipkit_mongo__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8001);

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
        ...(outcomes ? [(0,_shipkit_mongo__WEBPACK_IMPORTED_MODULE_0__/* .describeOutcomes */ .vl)(outcomes)] : []),
    ].join('\n');
}


/***/ }),

/***/ 8951:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ locateBackup)
/* harmony export */ });
/* harmony import */ var _shipkit_backup__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3384);
/* harmony import */ var _shipkit_backup__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9053);
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3422);
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(673);
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5981);
/* harmony import */ var _options__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8342);



/**
 * Finds the archive a request names. A backup without a manifest does not exist: naming one is an
 * error that says so. A URL that is neither a backup folder nor an object is checked for backups
 * below it, to suggest `latest`.
 */
async function locateBackup(request, open) {
    const backup = request.backup.trim();
    if (backup.includes('://'))
        return locateUrl(backup, open);
    const { source } = (0,_options__WEBPACK_IMPORTED_MODULE_0__/* .checkLocation */ .c9)(request);
    return locateInPrefix(open(source), backup);
}
/** Asks the catalogue which backup `ref` is and what state it is in; never reads a manifest itself. */
async function locateInPrefix(storage, ref) {
    const { entry, passedOver } = await (0,_shipkit_backup__WEBPACK_IMPORTED_MODULE_1__/* .resolveBackup */ .p2)(storage, ref);
    const { manifest, manifestSha256 } = entry;
    if (!manifest || !manifestSha256) {
        throw new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .y(`Backup ${entry.id} at ${storage.describe('')} is damaged and cannot be read: ${entry.damage.join('; ')}.`);
    }
    // A backup in parts is read part after part (see stored-parts.ts): its folder names it.
    const archiveKey = `${entry.id}/${manifest.archive?.key ?? ''}`;
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
    if (name === _shipkit_backup__WEBPACK_IMPORTED_MODULE_3__/* .MANIFEST_NAME */ .ir && parent)
        ({ parent, name } = splitUrl(parent));
    if (parent !== undefined && (0,_shipkit_backup__WEBPACK_IMPORTED_MODULE_3__/* .isBackupId */ ["if"])(name))
        return locateInPrefix(open(parent), name);
    if (parent !== undefined && name !== '') {
        const storage = open(parent);
        if (await storage.head(name))
            return { storage, archiveKey: name, url: storage.describe(name) };
    }
    const asPrefix = open(url);
    const backups = await (0,_shipkit_backup__WEBPACK_IMPORTED_MODULE_1__/* .listBackups */ .Cw)(asPrefix);
    if (backups.some((b) => b.state !== 'incomplete')) {
        throw _shipkit_runtime__WEBPACK_IMPORTED_MODULE_4__/* .OptionError */ .eR.saying((0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_5__/* .say */ .cv) `${asPrefix.describe()} holds backups, not one archive: ask for the newest (${(0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_5__/* .ref */ .KR)('latest')}), or name one by its id.`);
    }
    throw new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .y(`Nothing to read at ${asPrefix.describe()}: it is neither a backup folder (…/<backup-id>), nor an ` +
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


/***/ }),

/***/ 1461:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  t0: () => (/* binding */ ArchiveStageError),
  MB: () => (/* binding */ compressionOf),
  a8: () => (/* binding */ openStoredArchive)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
var external_node_zlib_default = /*#__PURE__*/__webpack_require__.n(external_node_zlib_);
// EXTERNAL MODULE: ../../node_modules/bson/lib/bson.node.mjs
var bson_node = __webpack_require__(320);
;// CONCATENATED MODULE: ../archive/src/bson-check.ts
// A structural walk of raw BSON: every length consistent with its container, every element type
// known, every string and name terminated, array keys "0", "1", ... in order. Nothing is decoded,
// and nesting is followed with an explicit stack so hostile depth cannot overflow the call stack.
/** Value size of the fixed-size element types, indexed by type byte; -1 for the others. */
const FIXED_SIZES = new Int8Array(256).fill(-1);
for (const [type, size] of [
    [0x01, 8], // double
    [0x06, 0], // undefined
    [0x07, 12], // ObjectId
    [0x09, 8], // UTC datetime
    [0x0a, 0], // null
    [0x10, 4], // int32
    [0x11, 8], // timestamp
    [0x12, 8], // int64
    [0x13, 16], // decimal128
    [0x7f, 0], // max key
    [0xff, 0], // min key
]) {
    FIXED_SIZES[type] = size;
}
function int32At(buf, at) {
    return buf[at] | (buf[at + 1] << 8) | (buf[at + 2] << 16) | (buf[at + 3] << 24);
}
function hex(byte) {
    return `0x${byte.toString(16).padStart(2, '0')}`;
}
/** Checks that `doc` is exactly one well-formed BSON document. Returns the first problem, or null. */
function findBsonProblem(doc) {
    const size = doc.length;
    if (size < 5)
        return { message: `document of ${size} bytes is shorter than the minimum 5`, offset: 0 };
    const declared = int32At(doc, 0);
    if (declared !== size) {
        return {
            message: `document length field says ${declared} but the document has ${size} bytes`,
            offset: 0,
        };
    }
    if (doc[size - 1] !== 0)
        return { message: 'document does not end with 0x00', offset: size - 1 };
    const stack = [{ end: size - 1, isArray: false, nextIndex: 0 }];
    let pos = 4;
    for (;;) {
        const frame = stack[stack.length - 1];
        if (pos === frame.end) {
            stack.pop();
            pos++;
            if (stack.length === 0)
                return null;
            continue;
        }
        const elementStart = pos;
        const type = doc[pos];
        if (type === 0) {
            return {
                message: `0x00 where an element was expected, ${frame.end - pos} bytes before the end`,
                offset: pos,
            };
        }
        pos++;
        const nameEnd = doc.indexOf(0, pos);
        if (nameEnd < 0 || nameEnd >= frame.end)
            return { message: 'field name is not terminated', offset: pos };
        if (frame.isArray) {
            const expected = String(frame.nextIndex++);
            if (!nameEquals(doc, pos, nameEnd, expected)) {
                return { message: `array key is not "${expected}"`, offset: pos };
            }
        }
        pos = nameEnd + 1;
        const room = frame.end - pos;
        const fixed = FIXED_SIZES[type];
        if (fixed >= 0) {
            if (fixed > room)
                return { message: `element of type ${hex(type)} overruns its document`, offset: elementStart };
            pos += fixed;
            continue;
        }
        switch (type) {
            case 0x08: {
                if (room < 1)
                    return { message: 'boolean overruns its document', offset: elementStart };
                const value = doc[pos];
                if (value > 1)
                    return { message: `boolean byte is ${hex(value)}, not 0x00 or 0x01`, offset: pos };
                pos += 1;
                break;
            }
            case 0x02: // string
            case 0x0d: // JavaScript code
            case 0x0e: {
                // symbol
                const after = stringEnd(doc, pos, frame.end);
                if (typeof after !== 'number')
                    return after;
                pos = after;
                break;
            }
            case 0x0c: {
                // DBPointer: a string then an ObjectId
                const after = stringEnd(doc, pos, frame.end);
                if (typeof after !== 'number')
                    return after;
                if (after + 12 > frame.end)
                    return { message: 'DBPointer overruns its document', offset: elementStart };
                pos = after + 12;
                break;
            }
            case 0x03:
            case 0x04: {
                if (room < 5)
                    return { message: 'embedded document overruns its document', offset: elementStart };
                const length = int32At(doc, pos);
                if (length < 5 || length > room) {
                    return { message: `embedded document length ${length} does not fit its container`, offset: pos };
                }
                const end = pos + length - 1;
                if (doc[end] !== 0)
                    return { message: 'embedded document does not end with 0x00', offset: end };
                stack.push({ end, isArray: type === 0x04, nextIndex: 0 });
                pos += 4;
                break;
            }
            case 0x05: {
                if (room < 5)
                    return { message: 'binary overruns its document', offset: elementStart };
                const length = int32At(doc, pos);
                if (length < 0 || length > room - 5) {
                    return { message: `binary length ${length} does not fit its document`, offset: pos };
                }
                // Subtype 2 (old binary) repeats the length inside the payload.
                if (doc[pos + 4] === 0x02 && (length < 4 || int32At(doc, pos + 5) !== length - 4)) {
                    return { message: 'old binary (subtype 2) inner length is inconsistent', offset: pos };
                }
                pos += 5 + length;
                break;
            }
            case 0x0b: {
                // regular expression: pattern and options, both cstrings
                for (let part = 0; part < 2; part++) {
                    const end = doc.indexOf(0, pos);
                    if (end < 0 || end >= frame.end)
                        return { message: 'regular expression is not terminated', offset: pos };
                    pos = end + 1;
                }
                break;
            }
            case 0x0f: {
                // code with scope: int32 total, string, document
                if (room < 14)
                    return { message: 'code with scope overruns its document', offset: elementStart };
                const total = int32At(doc, pos);
                if (total < 14 || total > room) {
                    return { message: `code with scope length ${total} does not fit its document`, offset: pos };
                }
                const scopeStart = stringEnd(doc, pos + 4, pos + total);
                if (typeof scopeStart !== 'number')
                    return scopeStart;
                const scopeLength = pos + total - scopeStart;
                if (scopeLength < 5 || int32At(doc, scopeStart) !== scopeLength) {
                    return { message: 'code with scope: scope document length is inconsistent', offset: scopeStart };
                }
                const end = scopeStart + scopeLength - 1;
                if (doc[end] !== 0)
                    return { message: 'scope document does not end with 0x00', offset: end };
                stack.push({ end, isArray: false, nextIndex: 0 });
                pos = scopeStart + 4;
                break;
            }
            default:
                return { message: `unknown element type ${hex(type)}`, offset: elementStart };
        }
    }
}
/** Checks a length-prefixed string at `at` that must end before `limit`; returns the index after it. */
function stringEnd(doc, at, limit) {
    if (at + 4 > limit)
        return { message: 'string length overruns its document', offset: at };
    const length = int32At(doc, at);
    if (length < 1 || length > limit - at - 4) {
        return { message: `string length ${length} does not fit its document`, offset: at };
    }
    const end = at + 4 + length;
    if (doc[end - 1] !== 0)
        return { message: 'string is not terminated with 0x00', offset: end - 1 };
    return end;
}
function nameEquals(doc, start, end, expected) {
    if (end - start !== expected.length)
        return false;
    for (let i = 0; i < expected.length; i++) {
        if (doc[start + i] !== expected.charCodeAt(i))
            return false;
    }
    return true;
}
const BSON_STRING = 0x02;
const BSON_BOOLEAN = 0x08;
const BSON_INT32 = 0x10;
const BSON_INT64 = 0x12;
const TYPE_NAMES = {
    [BSON_STRING]: 'string',
    [BSON_BOOLEAN]: 'boolean',
    [BSON_INT32]: 'int32',
    [BSON_INT64]: 'int64',
};
function bsonTypeName(type) {
    return TYPE_NAMES[type] ?? `BSON type ${hex(type)}`;
}
const utf8 = new TextDecoder('utf-8', { fatal: true });
/** Lists the top-level fields of a document, or returns the problem if it is not well-formed. */
function readHeaderFields(doc) {
    const problem = findBsonProblem(doc);
    if (problem)
        return problem;
    const fields = [];
    const view = new DataView(doc.buffer, doc.byteOffset, doc.byteLength);
    let pos = 4;
    while (pos < doc.length - 1) {
        const type = doc[pos];
        const nameEnd = doc.indexOf(0, pos + 1);
        let name;
        try {
            name = utf8.decode(doc.subarray(pos + 1, nameEnd));
        }
        catch {
            return { message: 'field name is not valid UTF-8', offset: pos + 1 };
        }
        pos = nameEnd + 1;
        const field = { name, type };
        let size;
        switch (type) {
            case BSON_STRING: {
                const length = view.getInt32(pos, true);
                try {
                    field.value = utf8.decode(doc.subarray(pos + 4, pos + 4 + length - 1));
                }
                catch {
                    return { message: `value of "${name}" is not valid UTF-8`, offset: pos };
                }
                size = 4 + length;
                break;
            }
            case BSON_BOOLEAN:
                field.value = doc[pos] === 1;
                size = 1;
                break;
            case BSON_INT32:
                field.value = view.getInt32(pos, true);
                size = 4;
                break;
            case BSON_INT64:
                field.value = view.getBigInt64(pos, true);
                size = 8;
                break;
            default:
                size = elementSize(doc, view, type, pos);
        }
        fields.push(field);
        pos += size;
    }
    return fields;
}
/** Size of an element value already known to be well-formed. */
function elementSize(doc, view, type, pos) {
    const fixed = FIXED_SIZES[type];
    if (fixed >= 0)
        return fixed;
    switch (type) {
        case 0x0d:
        case 0x0e:
            return 4 + view.getInt32(pos, true);
        case 0x0c:
            return 4 + view.getInt32(pos, true) + 12;
        case 0x03:
        case 0x04:
        case 0x0f:
            return view.getInt32(pos, true);
        case 0x05:
            return 5 + view.getInt32(pos, true);
        case 0x0b: {
            const patternEnd = doc.indexOf(0, pos);
            return doc.indexOf(0, patternEnd + 1) + 1 - pos;
        }
        default:
            throw new Error(`unreachable: element type ${hex(type)} passed the structural check`);
    }
}

// EXTERNAL MODULE: ../archive/src/crc64.ts
var crc64 = __webpack_require__(7983);
// EXTERNAL MODULE: ../archive/src/errors.ts
var errors = __webpack_require__(1336);
// EXTERNAL MODULE: ../archive/src/format.ts
var format = __webpack_require__(9620);
;// CONCATENATED MODULE: ../archive/src/reader.ts





const PRELUDE_HEADER_FIELDS = {
    concurrent_collections: [BSON_INT32],
    version: [BSON_STRING],
    server_version: [BSON_STRING],
    tool_version: [BSON_STRING],
};
const PRELUDE_ENTRY_FIELDS = {
    db: [BSON_STRING],
    collection: [BSON_STRING],
    metadata: [BSON_STRING],
    size: [BSON_INT32, BSON_INT64],
    type: [BSON_STRING],
};
const SEGMENT_HEADER_FIELDS = {
    db: [BSON_STRING],
    collection: [BSON_STRING],
    EOF: [BSON_BOOLEAN],
    CRC: [BSON_INT64],
};
/**
 * Streaming parser and verifier of a mongodump archive. Iterate it (`for await`) to get the
 * prelude, the documents of each data segment, each EOF block and finally the statistics. Any
 * violation of the format is thrown as an `ArchiveFormatError` naming the namespace and byte offset.
 *
 * Memory stays bounded: at most one input chunk plus one document that straddles chunks is held,
 * and every `documents` event is emitted before the next chunk is pulled.
 */
class ArchiveReader {
    #source;
    #options;
    #used = false;
    constructor(source, options = {}) {
        this.#source = source;
        this.#options = options;
    }
    [Symbol.asyncIterator]() {
        if (this.#used)
            throw new TypeError('an ArchiveReader can be iterated only once');
        this.#used = true;
        return parse(this.#source, this.#options);
    }
}
/** Iterates the events of an archive; see `ArchiveReader`. */
function readArchive(source, options = {}) {
    return parse(source, options);
}
/** Reads a whole archive, checking every rule, and returns its statistics. */
async function verifyArchive(source, options = {}) {
    for await (const event of parse(source, options)) {
        if (event.type === 'end')
            return event.stats;
    }
    throw new Error('unreachable: the archive parser finished without an end event');
}
/** Hands out bytes from a chunked source, joining pieces only when something straddles chunks. */
class ChunkCursor {
    #iterator;
    #ahead = [];
    #chunk = Buffer.alloc(0);
    #pos = 0;
    /** Archive offset of `#chunk[0]`. */
    #base = 0;
    #done = false;
    constructor(source) {
        if (source && typeof source[Symbol.asyncIterator] === 'function') {
            this.#iterator = source[Symbol.asyncIterator]();
        }
        else if (source && typeof source[Symbol.iterator] === 'function') {
            this.#iterator = source[Symbol.iterator]();
        }
        else {
            throw new TypeError('archive source must be a Readable or an iterable of Buffers');
        }
    }
    get offset() {
        return this.#base + this.#pos;
    }
    get available() {
        return this.#chunk.length - this.#pos;
    }
    /** The current chunk and position, valid for `available` bytes. */
    get buffer() {
        return this.#chunk;
    }
    get position() {
        return this.#pos;
    }
    skip(count) {
        this.#pos += count;
    }
    /** Makes `count` bytes contiguous at `position`; false if the source ends first. */
    async ensure(count) {
        if (this.available >= count)
            return true;
        if (this.available === 0) {
            const next = await this.#next();
            if (!next)
                return false;
            this.#base += this.#chunk.length;
            this.#chunk = next;
            this.#pos = 0;
            if (next.length >= count)
                return true;
        }
        const joined = Buffer.allocUnsafe(count);
        let filled = this.#chunk.copy(joined, 0, this.#pos);
        const start = this.offset;
        while (filled < count) {
            const next = await this.#next();
            if (!next) {
                // Keep what was gathered so `available` reports it for the truncation message.
                this.#chunk = joined.subarray(0, filled);
                this.#base = start;
                this.#pos = 0;
                return false;
            }
            const take = Math.min(count - filled, next.length);
            next.copy(joined, filled, 0, take);
            filled += take;
            if (take < next.length)
                this.#ahead.push(next.subarray(take));
        }
        this.#chunk = joined;
        this.#base = start;
        this.#pos = 0;
        return true;
    }
    /** True when every byte has been consumed and the source has ended. */
    async atEnd() {
        return !(await this.ensure(1)) && this.available === 0;
    }
    async close() {
        await this.#iterator.return?.();
    }
    async #next() {
        const queued = this.#ahead.shift();
        if (queued)
            return queued;
        while (!this.#done) {
            const result = await this.#iterator.next();
            if (result.done) {
                this.#done = true;
                break;
            }
            const chunk = result.value;
            if (!(chunk instanceof Uint8Array)) {
                throw new TypeError(`archive source produced ${typeof chunk} instead of bytes (read the stream without an encoding)`);
            }
            if (chunk.length > 0)
                return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
        }
        return undefined;
    }
}
async function* parse(source, options) {
    const cursor = new ChunkCursor(source);
    try {
        yield* parseArchive(cursor, options);
    }
    finally {
        // Releases (for a Readable: destroys) the source; a failure there must not hide the real error.
        await cursor.close().catch(() => undefined);
    }
}
async function* parseArchive(cursor, options) {
    await readMagic(cursor);
    const prelude = await readPrelude(cursor);
    yield { type: 'prelude', header: prelude.header, namespaces: [...prelude.listed.values()] };
    const namespaces = new NamespaceStates(prelude.listed, options);
    // Data and EOF blocks until the stream ends.
    for (;;) {
        const blockOffset = cursor.offset;
        if (await cursor.atEnd())
            break;
        const { state, eof } = await readBlockHeader(cursor, namespaces, blockOffset);
        if (eof)
            yield await readEof(cursor, state, blockOffset);
        else
            yield* readSegment(cursor, state, namespaces, options.validateBson ?? false);
    }
    yield { type: 'end', stats: namespaces.finish(cursor.offset) };
}
/** Stage 1: the 4-byte magic number. */
async function readMagic(cursor) {
    if (!(await cursor.ensure(4))) {
        if (cursor.available === 0)
            throw new errors/* ArchiveFormatError */.Y('not a mongodump archive: the input is empty', { offset: 0 });
        throw new errors/* ArchiveFormatError */.Y(`not a mongodump archive: the input has only ${cursor.available} bytes, fewer than the 4-byte magic number`, { offset: 0 });
    }
    const magic = cursor.buffer.subarray(cursor.position, cursor.position + 4);
    if (!magic.equals(format/* ARCHIVE_MAGIC */.rb)) {
        throw new errors/* ArchiveFormatError */.Y(`not a mongodump archive: expected magic number ${format/* ARCHIVE_MAGIC */.rb.toString('hex')} at byte offset 0, ` +
            `found ${magic.toString('hex')}`, { offset: 0 });
    }
    cursor.skip(4);
}
/** Stage 2: the prelude — its header, one entry per namespace, the terminator. */
async function readPrelude(cursor) {
    const headerOffset = cursor.offset;
    const headerDoc = await readDocument(cursor, 'the prelude header');
    if (headerDoc === 'terminator') {
        throw new errors/* ArchiveFormatError */.Y(`terminator at byte offset ${headerOffset} where the prelude header was expected`, { offset: headerOffset });
    }
    const headerFields = checkFields(headerDoc, PRELUDE_HEADER_FIELDS, [], 'the prelude header', headerOffset);
    if (headerFields.version !== format/* ARCHIVE_VERSION */.gG) {
        throw new errors/* ArchiveFormatError */.Y(`the prelude header at byte offset ${headerOffset} has version "${headerFields.version}"; ` +
            `only "${format/* ARCHIVE_VERSION */.gG}" is known`, { offset: headerOffset });
    }
    const header = {
        concurrent_collections: headerFields.concurrent_collections,
        version: headerFields.version,
        server_version: headerFields.server_version,
        tool_version: headerFields.tool_version,
    };
    const listed = new Map();
    for (let index = 0;; index++) {
        const entryOffset = cursor.offset;
        const what = `prelude entry #${index}`;
        const entryDoc = await readDocument(cursor, what);
        if (entryDoc === 'terminator')
            break;
        const entry = preludeEntry(entryDoc, what, entryOffset);
        const key = (0,format/* namespaceKey */.jU)(entry);
        if (listed.has(key)) {
            throw new errors/* ArchiveFormatError */.Y(`${what} (${(0,format/* namespaceName */.dz)(entry)}) at byte offset ${entryOffset} lists the namespace a second time`, {
                namespace: (0,format/* namespaceName */.dz)(entry),
                offset: entryOffset,
            });
        }
        listed.set(key, entry);
    }
    return { header, listed };
}
/** One prelude entry, its metadata parsed. */
function preludeEntry(doc, what, offset) {
    const fields = checkFields(doc, PRELUDE_ENTRY_FIELDS, ['type'], what, offset);
    const ns = { db: fields.db, collection: fields.collection };
    const name = (0,format/* namespaceName */.dz)(ns);
    const fail = (problem) => new errors/* ArchiveFormatError */.Y(`${what} (${name}) at byte offset ${offset} ${problem}`, {
        namespace: name,
        offset,
    });
    if (!(0,format/* isOplog */.y8)(ns) && (ns.db === '' || ns.collection === ''))
        throw fail('has an empty database or collection name');
    const type = (fields.type ?? 'collection');
    if (!format/* NAMESPACE_TYPES */.mF.includes(type))
        throw fail(`has unknown type "${type}"`);
    const rawMetadata = fields.metadata;
    let metadata = null;
    if (rawMetadata !== '') {
        let parsed;
        try {
            parsed = bson_node/* EJSON */.On.parse(rawMetadata, { relaxed: false });
        }
        catch (error) {
            throw fail(`has metadata that is not valid Extended JSON: ${error.message}`);
        }
        if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
            throw fail('has metadata that is not an Extended JSON object');
        }
        metadata = parsed;
    }
    return { db: ns.db, collection: ns.collection, type, metadata, rawMetadata };
}
/**
 * The namespaces met in data blocks, and the rules between blocks: a namespace the prelude lists,
 * never again after its EOF block, nothing after the oplog; at the end, every one closed.
 */
class NamespaceStates {
    #listed;
    #allowUnlisted;
    #states = new Map();
    #order = [];
    #oplog;
    documents = 0;
    constructor(listed, options) {
        this.#listed = listed;
        this.#allowUnlisted = options.allowUnlistedNamespaces ?? false;
    }
    /** The state of the namespace a block header names, checked against the rules. */
    enter(ns, eof, blockOffset) {
        const name = (0,format/* namespaceName */.dz)(ns);
        const fail = (problem) => new errors/* ArchiveFormatError */.Y(problem, { namespace: name, offset: blockOffset });
        const key = (0,format/* namespaceKey */.jU)(ns);
        let state = this.#states.get(key);
        if (!state) {
            if (!this.#listed.has(key) &&
                !(0,format/* isOplog */.y8)(ns) &&
                !isListedBuckets(ns, this.#listed) &&
                !this.#allowUnlisted) {
                throw fail(`the block header at byte offset ${blockOffset} names ${name}, which the prelude does not list`);
            }
            state = {
                ns: Object.freeze(ns),
                name,
                crc: new crc64/* Crc64 */.Vl(),
                stats: { db: ns.db, collection: ns.collection, count: 0, bytes: 0, crc: 0n, closed: false },
                segments: 0,
            };
            this.#states.set(key, state);
            this.#order.push(state);
        }
        if (state.stats.closed) {
            throw fail(`${name} appears again at byte offset ${blockOffset}, after its EOF block`);
        }
        if (this.#oplog && state !== this.#oplog) {
            throw fail(`${name} appears at byte offset ${blockOffset}, after the oplog started; the oplog must come last`);
        }
        if (eof) {
            if (state.segments === 0) {
                throw fail(`the EOF block of ${name} at byte offset ${blockOffset} comes before any data segment`);
            }
        }
        else {
            state.segments++;
            if ((0,format/* isOplog */.y8)(ns))
                this.#oplog = state;
        }
        return state;
    }
    /** Stage 4: the end of the stream — every namespace closed, every listed one seen. */
    finish(endOffset) {
        const open = this.#order.filter((state) => !state.stats.closed);
        if (open.length > 0) {
            throw new errors/* ArchiveFormatError */.Y(`the archive ends at byte offset ${endOffset} with namespaces still open (no EOF block): ` +
                open.map((state) => state.name).join(', '), { namespace: open[0].name, offset: endOffset });
        }
        const closed = (ns) => this.#states.get((0,format/* namespaceKey */.jU)(ns))?.stats.closed === true;
        const unseen = [...this.#listed.values()].filter((entry) => !closed(entry) &&
            !(entry.type === 'timeseries' &&
                closed({ db: entry.db, collection: format/* BUCKETS_PREFIX */.p8 + entry.collection })));
        if (unseen.length > 0) {
            throw new errors/* ArchiveFormatError */.Y(`the archive ends at byte offset ${endOffset} before all collections were seen; ` +
                `no data segment and EOF block for: ${unseen.map(format/* namespaceName */.dz).join(', ')}`, { namespace: (0,format/* namespaceName */.dz)(unseen[0]), offset: endOffset });
        }
        return {
            namespaces: this.#order.map((state) => ({ ...state.stats })),
            documents: this.documents,
            archiveBytes: endOffset,
        };
    }
}
/** Stage 3a: a block header — which namespace, and whether it is its EOF block. */
async function readBlockHeader(cursor, namespaces, blockOffset) {
    const headerDoc = await readDocument(cursor, 'a block header');
    if (headerDoc === 'terminator') {
        throw new errors/* ArchiveFormatError */.Y(`terminator at byte offset ${blockOffset} where a block header was expected`, {
            offset: blockOffset,
        });
    }
    const fields = checkFields(headerDoc, SEGMENT_HEADER_FIELDS, [], 'the block header', blockOffset);
    const ns = { db: fields.db, collection: fields.collection };
    const eof = fields.EOF === true;
    const state = namespaces.enter(ns, eof, blockOffset);
    if (eof)
        state.storedCrc = BigInt.asUintN(64, fields.CRC);
    return { state, eof };
}
/** Stage 3b: an EOF block — its terminator, and its CRC against the documents'. */
async function readEof(cursor, state, blockOffset) {
    const { name } = state;
    const bodyOffset = cursor.offset;
    if ((await readLength(cursor, `the terminator of the EOF block of ${name}`, name)) !== -1) {
        throw new errors/* ArchiveFormatError */.Y(`the EOF block of ${name} at byte offset ${blockOffset} is followed by data at byte offset ` +
            `${bodyOffset} instead of the terminator`, { namespace: name, offset: bodyOffset });
    }
    cursor.skip(4);
    const stored = state.storedCrc;
    const computed = state.crc.value();
    if (stored !== computed) {
        throw new errors/* ArchiveFormatError */.Y(`CRC mismatch for ${name}: the EOF block at byte offset ${blockOffset} stores ${hex64(stored)}, ` +
            `the ${state.stats.count} documents (${state.stats.bytes} bytes) give ${hex64(computed)}`, { namespace: name, offset: blockOffset });
    }
    state.stats.closed = true;
    state.stats.crc = computed;
    return { type: 'eof', ns: state.ns, crc: stored, computedCrc: computed };
}
/**
 * Stage 3c: a data segment — documents until the terminator. The documents of one chunk go out as
 * one run of consecutive bytes (their CRC taken over the run at once), before the next chunk is
 * pulled. Hot loop: it awaits only when a length or a document reaches past the current chunk.
 */
async function* readSegment(cursor, state, namespaces, validateBson) {
    const { name } = state;
    const what = () => documentName(state);
    let run = new RunBuilder(state, cursor);
    for (;;) {
        if (cursor.available < 4) {
            const event = run.take(cursor);
            if (event)
                yield event;
            await readLength(cursor, what, name);
            run = new RunBuilder(state, cursor);
        }
        const docOffset = cursor.offset;
        const length = cursor.buffer.readInt32LE(cursor.position);
        if (length === -1) {
            const event = run.take(cursor);
            cursor.skip(4);
            if (event)
                yield event;
            return;
        }
        checkLength(length, what, name, docOffset);
        if (cursor.available < length) {
            const event = run.take(cursor);
            if (event)
                yield event;
            await ensureDocument(cursor, length, what, name, docOffset);
            run = new RunBuilder(state, cursor);
        }
        const start = cursor.position;
        if (cursor.buffer[start + length - 1] !== 0) {
            throw new errors/* ArchiveFormatError */.Y(`${what()} at byte offset ${docOffset} does not end with 0x00`, {
                namespace: name,
                offset: docOffset,
            });
        }
        cursor.skip(length);
        if (validateBson) {
            const problem = findBsonProblem(cursor.buffer.subarray(start, start + length));
            if (problem) {
                throw new errors/* ArchiveFormatError */.Y(`${documentName(state)} at byte offset ${docOffset} is not valid BSON: ${problem.message} ` +
                    `(byte offset ${docOffset + problem.offset})`, { namespace: name, offset: docOffset });
            }
        }
        state.stats.count++;
        state.stats.bytes += length;
        namespaces.documents++;
        run.count++;
    }
}
/** The documents taken from one chunk since `start`, as a `documents` event. */
class RunBuilder {
    count = 0;
    #state;
    #chunk;
    #start;
    #offset;
    constructor(state, cursor) {
        this.#state = state;
        this.#chunk = cursor.buffer;
        this.#start = cursor.position;
        this.#offset = cursor.offset;
    }
    /** The event for the documents taken so far (null if none), their CRC added. */
    take(cursor) {
        if (this.count === 0)
            return null;
        const run = this.#chunk.subarray(this.#start, cursor.position);
        this.#state.crc.update(run);
        const event = new DocumentsEvent(this.#state.ns, run, this.count, this.#offset);
        this.count = 0;
        return event;
    }
}
/** Documents of one namespace that lie back to back in one chunk; `docs` splits them when asked. */
class DocumentsEvent {
    ns;
    run;
    count;
    offset;
    type = 'documents';
    #docs;
    constructor(ns, run, count, offset) {
        this.ns = ns;
        this.run = run;
        this.count = count;
        this.offset = offset;
    }
    get docs() {
        this.#docs ??= splitRun(this.run, this.count);
        return this.#docs;
    }
}
/** A `documents` event for documents given one by one (copied into one run when they are not already one). */
function documentRun(ns, docs, offset = 0) {
    const run = Buffer.concat(docs);
    return new DocumentsEvent(ns, run, docs.length, offset);
}
function splitRun(run, count) {
    const docs = new Array(count);
    for (let i = 0, at = 0; i < count; i++) {
        const length = run.readInt32LE(at);
        docs[i] = run.subarray(at, at + length);
        at += length;
    }
    return docs;
}
function isListedBuckets(ns, listed) {
    if (!ns.collection.startsWith(format/* BUCKETS_PREFIX */.p8))
        return false;
    const entry = listed.get((0,format/* namespaceKey */.jU)({ db: ns.db, collection: ns.collection.slice(format/* BUCKETS_PREFIX */.p8.length) }));
    return entry?.type === 'timeseries';
}
function describe(what) {
    return typeof what === 'string' ? what : what();
}
function documentName(state) {
    return `document #${state.stats.count} of ${state.name}`;
}
function errorDetails(namespace, offset) {
    return namespace === undefined ? { offset } : { namespace, offset };
}
/** Reads the int32 at the cursor without consuming it. */
async function readLength(cursor, what, namespace) {
    const offset = cursor.offset;
    if (!(await cursor.ensure(4))) {
        throw new errors/* ArchiveFormatError */.Y(`archive truncated: the stream ends at byte offset ${offset + cursor.available} inside the length of ` +
            `${describe(what)} (byte offset ${offset})`, errorDetails(namespace, offset));
    }
    return cursor.buffer.readInt32LE(cursor.position);
}
function checkLength(length, what, namespace, offset) {
    if (length < format/* MIN_DOCUMENT_SIZE */.r8 || length > format/* MAX_DOCUMENT_SIZE */.bJ) {
        throw new errors/* ArchiveFormatError */.Y(`${describe(what)} at byte offset ${offset} has length ${length}; a document has ${format/* MIN_DOCUMENT_SIZE */.r8}..` +
            `${format/* MAX_DOCUMENT_SIZE */.bJ} bytes`, errorDetails(namespace, offset));
    }
}
/** Makes a whole document of `length` bytes available at the cursor. */
async function ensureDocument(cursor, length, what, namespace, offset) {
    if (!(await cursor.ensure(length))) {
        throw new errors/* ArchiveFormatError */.Y(`archive truncated: ${describe(what)} at byte offset ${offset} has ${length} bytes but the stream ends ` +
            `after ${cursor.available}`, errorDetails(namespace, offset));
    }
}
/** Consumes an available document (length already checked) and checks its final 0x00. */
function takeDocument(cursor, length, what, namespace, offset) {
    const start = cursor.position;
    const doc = cursor.buffer.subarray(start, start + length);
    cursor.skip(length);
    if (doc[length - 1] !== 0) {
        throw new errors/* ArchiveFormatError */.Y(`${describe(what)} at byte offset ${offset} does not end with 0x00`, errorDetails(namespace, offset));
    }
    return doc;
}
/** Reads a header document, or consumes a terminator. */
async function readDocument(cursor, what) {
    const offset = cursor.offset;
    const length = await readLength(cursor, what, undefined);
    if (length === -1) {
        cursor.skip(4);
        return 'terminator';
    }
    checkLength(length, what, undefined, offset);
    if (cursor.available < length)
        await ensureDocument(cursor, length, what, undefined, offset);
    return takeDocument(cursor, length, what, undefined, offset);
}
/** Checks a header's keys and types against `spec` (exact key set) and returns the values by key. */
function checkFields(doc, spec, optional, what, offset) {
    const fail = (problem) => new errors/* ArchiveFormatError */.Y(`${what} at byte offset ${offset} ${problem}`, { offset });
    const fields = readHeaderFields(doc);
    if (!Array.isArray(fields))
        throw fail(`is not valid BSON: ${fields.message} (byte offset ${offset + fields.offset})`);
    const values = {};
    const found = new Set();
    for (const field of fields) {
        const allowed = Object.hasOwn(spec, field.name) ? spec[field.name] : undefined;
        if (!allowed) {
            throw fail(`has unexpected key "${field.name}"; the keys must be ${Object.keys(spec).join(', ')}`);
        }
        if (found.has(field.name))
            throw fail(`has key "${field.name}" twice`);
        found.add(field.name);
        if (!allowed.includes(field.type)) {
            throw fail(`has "${field.name}" of type ${bsonTypeName(field.type)}; expected ${allowed.map(bsonTypeName).join(' or ')}`);
        }
        values[field.name] = field.value;
    }
    const missing = Object.keys(spec).filter((key) => !found.has(key) && !optional.includes(key));
    if (missing.length > 0)
        throw fail(`lacks ${missing.map((key) => `"${key}"`).join(', ')}`);
    return values;
}
function hex64(value) {
    return `0x${value.toString(16).padStart(16, '0')}`;
}

// EXTERNAL MODULE: ../backup/src/codec.ts
var codec = __webpack_require__(3957);
// EXTERNAL MODULE: ../backup/src/zstd-frames.ts
var zstd_frames = __webpack_require__(8287);
// EXTERNAL MODULE: ../runtime/src/errors.ts
var src_errors = __webpack_require__(3422);
// EXTERNAL MODULE: ../runtime/src/options/errors.ts
var options_errors = __webpack_require__(673);
// EXTERNAL MODULE: ../runtime/src/options/text.ts
var options_text = __webpack_require__(5981);
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
        if (error instanceof src_errors/* UserError */.y)
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
    let encoding = (0,codec/* sniffEncoding */.OB)(await head.peek(32));
    if (encoding === 'age') {
        layers.push('age');
        head = new Peekable(await decrypt(head, url, options));
        encoding = (0,codec/* sniffEncoding */.OB)(await head.peek(32));
    }
    if (encoding === 'zstd' || encoding === 'gzip') {
        const compression = encoding;
        layers.push(compression);
        const plain = stage('decompress', decompress(head, compression, options.aheadBytes), (error) => corruption(`Decompressing ${url} (${compression})`, error));
        head = new Peekable(plain);
        encoding = (0,codec/* sniffEncoding */.OB)(await head.peek(32));
    }
    if (encoding !== 'archive')
        throw notAnArchive(url, layers, encoding, (await head.peek(16)).length);
    yield* stored_archive_parse(head, url);
}
async function* stored_archive_parse(source, url) {
    try {
        yield* readArchive(source);
    }
    catch (error) {
        if (error instanceof errors/* ArchiveFormatError */.Y) {
            throw new ArchiveStageError('parse', `The archive in ${url} is damaged: ${error.message}`, error);
        }
        throw error;
    }
}
async function decrypt(source, url, options) {
    const option = options.identityOption ?? codec/* IDENTITY_OPTION */.fN;
    if (!options.identity) {
        throw options_errors/* OptionError */.eR.saying((0,options_text/* say */.cv) `${url} is encrypted with age: give the identity that decrypts it as ${(0,options_text/* ref */.KR)(option)}.`);
    }
    const plaintext = await (0,codec/* decryptStream */.UC)(external_node_stream_.Readable.from(source), options.identity, option);
    return stage('decrypt', plaintext, (error) => corruption(`Decrypting ${url}`, error));
}
// zlib's default 16 KiB output chunks make decompression several times slower than 1 MiB ones
// (measured: 175 MB of archive out of zstd in ~0.65 s against ~0.13 s).
const DECOMPRESSED_CHUNK_BYTES = 1024 * 1024;
/** zstd frame by frame, several frames at once (a backup writes one every 8 MiB); gzip as one stream. */
function decompress(source, compression, aheadBytes) {
    return compression === 'zstd'
        ? (0,zstd_frames/* decompressZstd */.l)(source, { chunkSize: DECOMPRESSED_CHUNK_BYTES, ...(aheadBytes ? { aheadBytes } : {}) })
        : pipeThrough(source, external_node_zlib_default().createGunzip({ chunkSize: DECOMPRESSED_CHUNK_BYTES }));
}
function corruption(what, error) {
    return `${what} failed: the stored data was changed or cut off (${messageOf(error)}).`;
}
/** Errors from Node's streams may come from another realm (a VM context), where `instanceof Error` fails. */
function messageOf(error) {
    const message = error?.message;
    return typeof message === 'string' && message !== '' ? message : (0,src_errors/* errorMessage */.g)(error);
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
        if (error instanceof ArchiveStageError || error instanceof src_errors/* UserError */.y)
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


/***/ }),

/***/ 8674:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ openBackupArchive)
/* harmony export */ });
/* harmony import */ var _shipkit_archive__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7983);
/* harmony import */ var _shipkit_backup__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8410);
/* harmony import */ var mongodb__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5226);
/* harmony import */ var _stored_archive__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1461);




/**
 * The archive a source names, opened as one stream of events: the one stored object, or — for a
 * backup in parts — every part, up to `parallelParts` of them read at once, their events merged into
 * one stream as if they were one archive. The prelude lists every namespace of the backup (from the
 * manifest); a namespace split over parts gets one EOF, once every part holding it has ended it, with
 * the CRC of its documents combined in part order (the manifest's). So a restore stages a split
 * namespace into one collection — parts read at once insert their disjoint `_id` ranges into it side
 * by side — builds its indexes once, and swaps once, after every part.
 */
async function openBackupArchive(source, options, parallelParts = 1) {
    const parts = source.manifest?.parts;
    if (!source.manifest || !parts || !source.backupId) {
        return (0,_stored_archive__WEBPACK_IMPORTED_MODULE_1__/* .openStoredArchive */ .a8)(source.storage, source.archiveKey, options);
    }
    return new PartsArchive(source, source.manifest, options, parallelParts);
}
class PartsArchive {
    layers = [];
    events;
    #opened;
    #source;
    #manifest;
    #options;
    #parallel;
    #closed = false;
    constructor(source, manifest, options, parallelParts) {
        this.#source = source;
        this.#manifest = manifest;
        this.#options = options;
        this.#opened = (manifest.parts?.archives ?? []).map(() => undefined);
        this.#parallel = Math.max(1, Math.min(parallelParts, this.#opened.length));
        this.events = this.#events();
    }
    #keyOf(index) {
        const part = this.#manifest.parts?.archives[index];
        return `${this.#source.backupId}/${part?.key}`;
    }
    async #open(index) {
        const opened = await (0,_stored_archive__WEBPACK_IMPORTED_MODULE_1__/* .openStoredArchive */ .a8)(this.#source.storage, this.#keyOf(index), this.#options);
        this.#opened[index] = opened;
        return opened;
    }
    /**
     * The parts' events merged: each part read in flight holds at most one event nobody took yet, so
     * memory grows with the number of parts read at once, never with their size. Parts are taken in
     * turn among those that have an event ready, so none waits behind another.
     */
    async *#events() {
        const archives = this.#manifest.parts?.archives ?? [];
        // How many parts hold each namespace: its EOF is passed on once all of them ended it, and only then.
        const holders = new Map();
        for (const archive of archives) {
            for (const ns of archive.namespaces) {
                const key = `${ns.db}.${ns.collection}`;
                holders.set(key, (holders.get(key) ?? 0) + 1);
            }
        }
        const ends = new Map();
        const partBytes = archives.map(() => new Map());
        const partStats = archives.map(() => undefined);
        const reading = new Map();
        const read = (index, iterator) => iterator.next().then((result) => ({ index, result }), (error) => ({ index, error }));
        let toOpen = 0;
        const openNext = async () => {
            const index = toOpen++;
            const iterator = (await this.#open(index)).events[Symbol.asyncIterator]();
            reading.set(index, { iterator, next: read(index, iterator) });
        };
        while (reading.size < this.#parallel && toOpen < archives.length)
            await openNext();
        let preluded = false;
        let last = -1;
        while (reading.size > 0 && !this.#closed) {
            // The part after the one last taken comes first among those ready: they take turns.
            const turn = (index) => (index - last - 1 + archives.length) % archives.length;
            const order = [...reading.keys()].sort((a, b) => turn(a) - turn(b));
            const step = await Promise.race(order.map((index) => reading.get(index).next));
            if ('error' in step)
                throw step.error;
            const { index, result } = step;
            const part = reading.get(index);
            if (result.done) {
                reading.delete(index);
                if (toOpen < archives.length && !this.#closed)
                    await openNext();
                continue;
            }
            last = index;
            const event = result.value;
            if (event.type === 'prelude') {
                if (!preluded) {
                    preluded = true;
                    this.layers.push(...(this.#opened[index]?.layers ?? []));
                    yield { type: 'prelude', header: event.header, namespaces: preludeOf(this.#manifest) };
                }
            }
            else if (event.type === 'documents') {
                const key = `${event.ns.db}.${event.ns.collection}`;
                const bytes = event.docs.reduce((sum, doc) => sum + doc.length, 0);
                const counted = partBytes[index];
                counted.set(key, (counted.get(key) ?? 0) + bytes);
                yield event;
            }
            else if (event.type === 'eof') {
                const key = `${event.ns.db}.${event.ns.collection}`;
                const listed = listedName(this.#manifest, event.ns.db, event.ns.collection);
                this.#checkPartCrc(index, listed, event.crc);
                const ended = ends.get(key) ?? new Map();
                ends.set(key, ended);
                ended.set(index, { crc: event.crc, bytes: partBytes[index]?.get(key) ?? 0 });
                if (ended.size === holders.get(listed)) {
                    const crc = combineInPartOrder(ended);
                    yield { type: 'eof', ns: event.ns, crc, computedCrc: crc };
                }
            }
            else {
                partStats[index] = event.stats;
            }
            part.next = read(index, part.iterator);
        }
        if (this.#closed)
            return;
        yield { type: 'end', stats: sumStats(partStats) };
    }
    /** A part's namespace CRC against its part record, as finalize recorded it: a mismatch names the part. */
    #checkPartCrc(index, listed, crc) {
        const archive = this.#manifest.parts?.archives[index];
        const recorded = archive?.namespaces.find((ns) => `${ns.db}.${ns.collection}` === listed)?.crc;
        if (!archive || recorded === undefined || BigInt(`0x${recorded}`) === crc)
            return;
        throw new _stored_archive__WEBPACK_IMPORTED_MODULE_1__/* .ArchiveStageError */ .t0('parse', `part ${archive.part} (${archive.key}) is damaged: ${listed} has CRC-64 ${crc.toString(16).padStart(16, '0')}, its part record says ${recorded}`);
    }
    async digest(drain) {
        const archives = this.#manifest.parts?.archives ?? [];
        const digests = [];
        for (let index = 0; index < archives.length; index++) {
            let opened = this.#opened[index];
            if (!opened) {
                if (!drain) {
                    digests.push({ sha256: '', bytes: 0, complete: false });
                    continue;
                }
                opened = await this.#open(index);
            }
            digests.push(await opened.digest(drain));
        }
        const complete = digests.every((d) => d.complete);
        const changed = archives
            .filter((archive, index) => digests[index]?.complete && digests[index]?.sha256 !== archive.sha256)
            .map((archive) => `part ${archive.part} (${archive.key})`);
        return {
            sha256: (0,_shipkit_backup__WEBPACK_IMPORTED_MODULE_2__/* .partsDigest */ .DN)(digests),
            bytes: digests.reduce((sum, d) => sum + d.bytes, 0),
            complete,
            ...(changed.length > 0 ? { changed } : {}),
        };
    }
    async close() {
        this.#closed = true;
        for (const opened of this.#opened)
            await opened?.close();
    }
}
/** The prelude of the whole backup, from the manifest: what each part's prelude says of its namespaces. */
function preludeOf(manifest) {
    return manifest.namespaces.map((ns) => {
        const metadata = {
            options: ns.options,
            indexes: ns.indexes,
            ...(ns.uuid ? { uuid: ns.uuid } : {}),
            collectionName: ns.collection,
            type: ns.type,
        };
        const rawMetadata = JSON.stringify(metadata);
        return {
            db: ns.db,
            collection: ns.collection,
            type: ns.type,
            metadata: mongodb__WEBPACK_IMPORTED_MODULE_0__.BSON.EJSON.parse(rawMetadata, { relaxed: false }),
            rawMetadata,
        };
    });
}
/** The name the manifest lists a namespace under (a time-series collection's data is in system.buckets.). */
function listedName(manifest, db, collection) {
    const bucket = 'system.buckets.';
    if (collection.startsWith(bucket)) {
        const listed = manifest.namespaces.find((ns) => ns.db === db && ns.collection === collection.slice(bucket.length) && ns.type === 'timeseries');
        if (listed)
            return `${db}.${listed.collection}`;
    }
    return `${db}.${collection}`;
}
/** A namespace's CRC over the parts holding it: their CRCs combined in part order. */
function combineInPartOrder(ends) {
    let crc;
    for (const [, end] of [...ends].sort(([a], [b]) => a - b)) {
        crc = crc === undefined ? end.crc : (0,_shipkit_archive__WEBPACK_IMPORTED_MODULE_3__/* .combineCrc64 */ .wu)(crc, end.crc, end.bytes);
    }
    return crc ?? 0n;
}
/** The archive statistics over every part read to its end, namespaces combined in part order. */
function sumStats(parts) {
    const totals = new Map();
    let documents = 0;
    let archiveBytes = 0;
    for (const stats of parts) {
        if (!stats)
            continue;
        for (const ns of stats.namespaces) {
            const key = `${ns.db}.${ns.collection}`;
            const sum = totals.get(key);
            totals.set(key, sum
                ? {
                    ...sum,
                    count: sum.count + ns.count,
                    bytes: sum.bytes + ns.bytes,
                    crc: (0,_shipkit_archive__WEBPACK_IMPORTED_MODULE_3__/* .combineCrc64 */ .wu)(sum.crc, ns.crc, ns.bytes),
                    closed: ns.closed,
                }
                : { ...ns });
        }
        documents += stats.documents;
        archiveBytes += stats.archiveBytes;
    }
    return { namespaces: [...totals.values()], documents, archiveBytes };
}


/***/ })

};
