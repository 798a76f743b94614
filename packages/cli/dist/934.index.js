export const id = 934;
export const ids = [934];
export const modules = {

/***/ 9071:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ textTable)
/* harmony export */ });
/** A plain-text table with aligned columns, for terminal output. */
function textTable(headers, rows, rightAligned = []) {
    const cells = [headers, ...rows.map((row) => row.map(String))];
    const widths = headers.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
    const line = (row) => row
        .map((cell, i) => rightAligned.includes(i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd();
    return `${[line(headers), line(widths.map((w) => '-'.repeat(w))), ...cells.slice(1).map(line)].join('\n')}\n`;
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
