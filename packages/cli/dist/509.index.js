export const id = 509;
export const ids = [509];
export const modules = {

/***/ 9894:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  checkFreshnessCommand: () => (/* binding */ checkFreshnessCommand)
});

// EXTERNAL MODULE: ../notify/src/options.ts
var options = __webpack_require__(6034);
// EXTERNAL MODULE: ../notify/src/outcomes.ts
var outcomes = __webpack_require__(3403);
// EXTERNAL MODULE: ../runtime/src/options/row.ts
var row = __webpack_require__(3832);
// EXTERNAL MODULE: ../runtime/src/options/rows.ts
var rows = __webpack_require__(8463);
// EXTERNAL MODULE: ../runtime/src/exit.ts
var exit = __webpack_require__(601);
// EXTERNAL MODULE: ../storage/src/options.ts
var src_options = __webpack_require__(2914);
// EXTERNAL MODULE: ../backup/src/catalog.ts
var catalog = __webpack_require__(3384);
// EXTERNAL MODULE: ../runtime/src/format.ts
var format = __webpack_require__(770);
;// CONCATENATED MODULE: ../verify/src/freshness.ts


/**
 * Whether the newest complete (and, if asked, verified) backup is recent enough: for deploy gates and
 * for a watchdog that notices when scheduled backups stopped. Which backups count is the catalogue's
 * call; damaged ones never do. Age is measured from the backup's id, which is the time it started.
 */
async function checkFreshness(storage, options, now = () => new Date()) {
    const requireVerified = options.requireVerified ?? false;
    const entries = await (0,catalog/* listBackups */.Cw)(storage);
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
    const age = (0,format/* formatDuration */.a3)(Math.max(0, ageMs));
    return {
        ...base,
        fresh,
        newest: { id: newest.id, time: newest.time.toISOString(), ageMs, verified: newest.verified },
        message: (fresh
            ? `The newest ${kind} at ${base.location}, ${newest.id}, is ${age} old (allowed: ${(0,format/* formatDuration */.a3)(options.maxAgeMs)}).`
            : `The newest ${kind} at ${base.location}, ${newest.id}, is ${age} old: older than the allowed ` +
                `${(0,format/* formatDuration */.a3)(options.maxAgeMs)}. Check that scheduled backups still run (GitHub disables schedules after 60 days without activity).`) +
            alarm,
    };
}

// EXTERNAL MODULE: ./src/command.ts
var command = __webpack_require__(483);
// EXTERNAL MODULE: ./src/notify.ts + 3 modules
var notify = __webpack_require__(8139);
// EXTERNAL MODULE: ./src/commands/catalog.ts + 1 modules
var commands_catalog = __webpack_require__(634);
;// CONCATENATED MODULE: ./src/commands/check-freshness.ts







const checkFreshnessCommand = (0,command/* command */.G)({
    name: 'check-freshness',
    usage: '--at <url> --max-age <duration> [--require-verified]',
    options: {
        at: commands_catalog.AT,
        'max-age': (0,row/* durationRow */.re)({
            description: 'How old the newest qualifying backup may be, e.g. 26h for a nightly backup.',
            required: true,
        }),
        'require-verified': (0,row/* booleanRow */.HP)({
            description: 'Only backups with a passing verification count.',
            default: 'false',
        }),
        timeout: (0,rows/* timeoutRow */.o5)('10m', 'Fail after this long, e.g. 90s or 10m, waiting on the network included; the error names what did not answer.'),
        ...src_options/* S3_ROWS */.x,
        ...options/* NOTIFY_ROWS */.a,
    },
    details: `
For deploy gates and a watchdog workflow: scheduled workflows stop silently (GitHub disables them
after 60 days without activity), so check the backups rather than trust the schedule.
Exit code 0: fresh; 1: no qualifying backup, or the newest is too old. With --notify a stale
result sends freshness.stale; with --heartbeat every check pings it (success when fresh, /fail when
stale), so a watchdog that stops running raises the alarm by its silence.

Example:
  shipkit check-freshness --at s3://acme-backups/shop --max-age 26h --require-verified`,
    async run({ options }, context) {
        return (0,notify/* reporting */.v)(options, context, 
        // A check that could not look at the backups cannot say they are fresh: that is stale news too.
        (error) => (0,outcomes/* failedEvent */.uG)('freshness.stale', error, new Date(), { destination: options.at }), () => (0,commands_catalog.onStorage)(options.at, options, context, { run: 'freshness check' }, async (storage) => {
            const result = await checkFreshness(storage, {
                maxAgeMs: options['max-age'],
                requireVerified: options['require-verified'],
            });
            if (context.json)
                context.stdout(`${JSON.stringify(result, null, 2)}\n`);
            else
                context.stdout(`${result.fresh ? 'fresh' : 'STALE'}: ${result.message}\n`);
            return { code: result.fresh ? exit/* EXIT */.dc.ok : exit/* EXIT */.dc.failed, event: (0,outcomes/* freshnessEvent */.Up)(result, new Date()) };
        }));
    },
});


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

/***/ 3477:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   w$: () => (/* binding */ datetime)
/* harmony export */ });
/* unused harmony exports date, time, duration */
/* harmony import */ var _core_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1299);
/* harmony import */ var _schemas_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7821);



function datetime(params) {
    return _core_index_js__WEBPACK_IMPORTED_MODULE_0__/* ._isoDateTime */ .G1(_schemas_js__WEBPACK_IMPORTED_MODULE_1__/* .ZodISODateTime */ .You, params);
}
function date(params) {
    return core._isoDate(ZodISODate, params);
}
function time(params) {
    return core._isoTime(ZodISOTime, params);
}
function duration(params) {
    return core._isoDuration(ZodISODuration, params);
}


/***/ })

};
