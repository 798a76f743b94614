export const id = 64;
export const ids = [64];
export const modules = {

/***/ 9064:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IDENTITY_FILE: () => (/* binding */ IDENTITY_FILE),
/* harmony export */   SOURCE_OPTIONS: () => (/* binding */ SOURCE_OPTIONS),
/* harmony export */   backupRunOptions: () => (/* binding */ backupRunOptions),
/* harmony export */   printReport: () => (/* binding */ printReport),
/* harmony export */   readIdentity: () => (/* binding */ readIdentity),
/* harmony export */   verify: () => (/* binding */ verify)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _shipkit_backup__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(94);
/* harmony import */ var _shipkit_mongo__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4418);
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(663);
/* harmony import */ var _shipkit_storage__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6087);
/* harmony import */ var _shipkit_verify__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8884);
/* harmony import */ var _command__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(483);
/* harmony import */ var _text__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(9071);









/** The age identity as a file; its text can also come from AGE_IDENTITY (`decrypt-identity`). */
const IDENTITY_FILE = (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_4__/* .textRow */ .yL)({
    description: 'An age identity file that decrypts the backup (or the identity itself in AGE_IDENTITY).',
    placeholder: '<path>',
});
/** The options every command that reads one backup takes: verify and restore. */
const SOURCE_OPTIONS = {
    ..._shipkit_verify__WEBPACK_IMPORTED_MODULE_6__/* .FROM_ROWS */ .bK,
    'identity-file': IDENTITY_FILE,
    'decrypt-identity': _shipkit_backup__WEBPACK_IMPORTED_MODULE_2__/* .DECRYPT_IDENTITY */ .F_,
    parallelism: _shipkit_verify__WEBPACK_IMPORTED_MODULE_6__/* .RESTORE_PARALLELISM */ .gt,
    report: (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_4__/* .textRow */ .yL)({ description: 'Also write the JSON report to this file.', placeholder: '<path>' }),
    timeout: _shipkit_verify__WEBPACK_IMPORTED_MODULE_6__/* .RUN_TIMEOUT */ .AQ,
    ..._shipkit_storage__WEBPACK_IMPORTED_MODULE_5__.S3_ROWS,
};
/**
 * The identity that decrypts the backups, from `--identity-file` or AGE_IDENTITY, and the option
 * that gave it, for messages. Every identity read is handed to the redactor.
 */
async function readIdentity(options, context) {
    const file = options['identity-file'];
    if (!file) {
        const identity = options['decrypt-identity'];
        return { ...(identity ? { identity } : {}), identityOption: _shipkit_backup__WEBPACK_IMPORTED_MODULE_2__/* .IDENTITY_OPTION */ .fN };
    }
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(context.cwd, file), 'utf8');
    }
    catch (error) {
        throw new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_4__/* .OptionError */ .eR('identity-file', `names ${file}, which cannot be read: ${error.message}`);
    }
    for (const line of text.split('\n'))
        context.redactor.add(line.trim());
    const identity = text.trim();
    return { ...(identity ? { identity } : {}), identityOption: 'identity-file' };
}
/** What every run over one backup takes, from the options verify and restore share. */
async function backupRunOptions(options, context) {
    const connectTimeoutMs = options['connect-timeout'];
    return {
        location: (0,_shipkit_verify__WEBPACK_IMPORTED_MODULE_6__/* .locationFrom */ .WP)(options.from, options.latest, context.env),
        ...(await readIdentity(options, context)),
        parallelism: options.parallelism,
        timeoutMs: options.timeout,
        ...(connectTimeoutMs === undefined ? {} : { connectTimeoutMs }),
        storage: (0,_shipkit_storage__WEBPACK_IMPORTED_MODULE_5__.s3Options)(options, context.env),
    };
}
/** Prints a report (table, problems, what was not checked, or JSON) and returns the exit code. */
async function printReport(report, reportFile, context) {
    const reportPath = reportFile ? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(context.cwd, reportFile) : undefined;
    if (reportPath)
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(reportPath, `${JSON.stringify(report, null, 2)}\n`);
    if (context.json) {
        context.stdout(`${JSON.stringify(report, null, 2)}\n`);
    }
    else {
        const { headers, rows } = (0,_shipkit_verify__WEBPACK_IMPORTED_MODULE_6__/* .namespaceRows */ .nB)(report);
        context.stdout((0,_text__WEBPACK_IMPORTED_MODULE_7__/* .textTable */ .e)(headers, rows, [headers.indexOf('expected'), headers.indexOf('actual')]));
        context.stdout(`\n${(0,_shipkit_verify__WEBPACK_IMPORTED_MODULE_6__/* .headline */ .Pl)(report)}\n`);
        const outcomes = report.target?.namespaces;
        if (outcomes && report.result === 'passed')
            context.stdout(`${(0,_shipkit_mongo__WEBPACK_IMPORTED_MODULE_3__/* .describeOutcomes */ .vl)(outcomes)}\n`);
        if (report.notChecked.length > 0) {
            context.stdout(`not checked:\n${report.notChecked.map((line) => `  - ${line}`).join('\n')}\n`);
        }
        if (report.recorded)
            context.stdout(`recorded: ${report.recorded}\n`);
        if (reportPath)
            context.stdout(`report: ${reportPath}\n`);
    }
    if (report.result === 'passed')
        return _shipkit_runtime__WEBPACK_IMPORTED_MODULE_4__/* .EXIT */ .dc.ok;
    context.logger.error((0,_shipkit_verify__WEBPACK_IMPORTED_MODULE_6__/* .failureMessage */ .oh)(report));
    return _shipkit_runtime__WEBPACK_IMPORTED_MODULE_4__/* .EXIT */ .dc.failed;
}
const verify = (0,_command__WEBPACK_IMPORTED_MODULE_8__/* .command */ .G)({
    name: 'verify',
    usage: '--from <backup-url | prefix --latest | backup-id | archive-url> [--mode integrity|full] [--scratch-uri <uri>] [options]',
    options: {
        ...SOURCE_OPTIONS,
        mode: _shipkit_verify__WEBPACK_IMPORTED_MODULE_6__/* .VERIFY_MODE */ .qh,
        'scratch-mongodb-uri': _shipkit_verify__WEBPACK_IMPORTED_MODULE_6__/* .SCRATCH_URI */ .In,
        'connect-timeout': _shipkit_mongo__WEBPACK_IMPORTED_MODULE_3__/* .CONNECT_TIMEOUT */ .x0,
        ..._shipkit_mongo__WEBPACK_IMPORTED_MODULE_3__/* .RENAME_ROWS */ .H3,
    },
    details: `
integrity: reads the stored object once — SHA-256 and size against the manifest, decryption,
decompression, every namespace CRC — and recomputes counts and content hashes per namespace.
full: also restores into the scratch server, reads every namespace back and compares counts,
content hashes and index specs. A passing check writes a verification record next to the manifest.
An archive without a manifest (stock mongodump) gets CRC and count checks; the report says what
could not be checked. Exit code 1 names every mismatch.

Examples:
  shipkit verify --from s3://acme-backups/shop --latest
  SCRATCH_MONGODB_URI=mongodb://localhost:27017 shipkit verify --from s3://acme-backups/shop/2026-11-25T030000Z-1a2b3c --mode full
  BACKUP_DESTINATION=s3://acme-backups/shop shipkit verify --from 2026-11-25T030000Z-1a2b3c
  shipkit verify --from file:///backups/dump.archive.gz`,
    async run({ options }, context) {
        const scratchUri = options['scratch-mongodb-uri'];
        const { report } = await (0,_shipkit_verify__WEBPACK_IMPORTED_MODULE_6__/* .runVerify */ .R9)({
            ...(await backupRunOptions(options, context)),
            mode: options.mode,
            renames: (0,_shipkit_mongo__WEBPACK_IMPORTED_MODULE_3__/* .pairRenames */ .wr)(options['ns-from'], options['ns-to']),
            ...(scratchUri ? { scratchUri } : {}),
        }, { logger: context.logger, signal: context.signal });
        return printReport(report, options.report, context);
    },
});


/***/ }),

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


/***/ })

};
