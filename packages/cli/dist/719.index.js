export const id = 719;
export const ids = [719,64];
export const modules = {

/***/ 4719:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   restore: () => (/* binding */ restore)
/* harmony export */ });
/* harmony import */ var _shipkit_action_kit__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6458);
/* harmony import */ var _shipkit_verify__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3648);
/* harmony import */ var _text__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9071);
/* harmony import */ var _backup__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9259);
/* harmony import */ var _verify__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9064);





const restore = {
    name: 'restore',
    usage: '--from <backup-url | prefix --latest | archive-url> --uri <target> [--ns-from <p> --ns-to <p>] [--drop] [--dry-run]',
    options: {
        ..._verify__WEBPACK_IMPORTED_MODULE_3__.SOURCE_OPTIONS,
        uri: { type: 'string', value: '<uri>', description: 'target connection string (env MONGODB_URI)' },
        ..._backup__WEBPACK_IMPORTED_MODULE_2__.CONNECT_OPTIONS,
        ..._verify__WEBPACK_IMPORTED_MODULE_3__.RENAME_OPTIONS,
        include: {
            type: 'string',
            multiple: true,
            value: '<ns>',
            description: 'db, db.coll or glob to restore (default all)',
        },
        exclude: {
            type: 'string',
            multiple: true,
            value: '<ns>',
            description: 'db, db.coll or glob to leave out',
        },
        drop: {
            type: 'boolean',
            description: 'replace target namespaces that exist, once the restore is proven (without it, non-empty targets are refused)',
        },
        'dry-run': { type: 'boolean', description: 'print what would be restored where, and write nothing' },
        'no-read-back': {
            type: 'boolean',
            description: 'skip reading the restored data back (faster; the archive is still checked)',
        },
    },
    details: `
Collections are created with their options, documents sent in parallel unordered batches, indexes
built after the data, views last. A target namespace that already holds documents is refused unless
--drop is given. Every document the target refuses (duplicate key, validation) is counted and fails
the restore, with the first errors shown.

The restore is staged: each collection is written as _shipkit_restore_<run>_new_<name> in its target
database and read back there — count, content hash and indexes against the manifest (or, for a bare
archive, the archive). Only when the whole archive was read, every CRC and the stored SHA-256 matched
and nothing differs are the staged collections renamed into place, and what the targets held dropped.
Any failure, SIGINT/SIGTERM or --timeout removes the staging and leaves every target as it was; the
message lists each target namespace and its state. Staging left by a killed run is removed by the next
restore into that database. --no-read-back skips the read-back (the archive is still checked; no
verification.json is written).

Examples:
  MONGODB_URI=… shipkit restore --from s3://acme-backups/shop --latest --ns-from 'shop.*' --ns-to 'drill_shop.*'
  MONGODB_URI=… shipkit restore --from file:///backups/dump.archive --dry-run`,
    async run(args, context) {
        const { inputs, options } = await (0,_verify__WEBPACK_IMPORTED_MODULE_3__.archiveOptions)(args, context, {
            aliases: { uri: 'target-mongodb-uri' },
            envFallbacks: { 'target-mongodb-uri': 'MONGODB_URI' },
        });
        const targetUri = inputs.required('target-mongodb-uri');
        context.redactor.add(targetUri);
        const dryRun = inputs.boolean('dry-run', false);
        const readBack = !inputs.boolean('no-read-back', false);
        const outcome = await (0,_shipkit_verify__WEBPACK_IMPORTED_MODULE_1__/* .runVerifyRestore */ .Fx)({ ...options, mode: 'restore', targetUri, dryRun, ...(readBack ? {} : { readBack }) }, { logger: context.logger, signal: context.signal });
        if (outcome.kind === 'report')
            return (0,_verify__WEBPACK_IMPORTED_MODULE_3__.printReport)(outcome.report, args, context);
        const { plan } = outcome;
        const refused = plan.namespaces.filter((n) => n.action === 'refuse');
        if (context.json) {
            const namespaces = plan.namespaces.map(({ entry: _entry, ...n }) => n);
            context.stdout(`${JSON.stringify({ dryRun: true, source: outcome.source.url, ...plan, namespaces }, null, 2)}\n`);
        }
        else {
            const { headers, rows } = (0,_shipkit_verify__WEBPACK_IMPORTED_MODULE_1__/* .planRows */ .Lq)(plan);
            context.stdout((0,_text__WEBPACK_IMPORTED_MODULE_4__/* .textTable */ .e)(headers, rows));
            if (plan.excluded.length > 0)
                context.stdout(`excluded: ${plan.excluded.join(', ')}\n`);
            if (plan.leftovers.length > 0)
                context.stdout(`${(0,_shipkit_verify__WEBPACK_IMPORTED_MODULE_1__/* .leftoversLine */ .Jq)(plan)}\n`);
            for (const skipped of plan.skipped)
                context.stdout(`never restored: ${skipped.namespace} (${skipped.reason})\n`);
            context.stdout(`\ndry run: ${(0,_shipkit_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .formatCount */ .B4)(plan.namespaces.length)} namespaces from ${outcome.source.url} into ` +
                `${plan.targetDatabases.join(', ') || '(nothing)'}; nothing was written\n`);
        }
        if (refused.length === 0)
            return 0;
        context.logger.error(`the restore would be refused: ${refused.map((n) => `${n.target.db}.${n.target.collection}`).join(', ')} ` +
            'already hold data (use --drop to replace them, or --ns-from/--ns-to to restore elsewhere)');
        return 1;
    },
};


/***/ }),

/***/ 9064:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RENAME_OPTIONS: () => (/* binding */ RENAME_OPTIONS),
/* harmony export */   SOURCE_OPTIONS: () => (/* binding */ SOURCE_OPTIONS),
/* harmony export */   archiveOptions: () => (/* binding */ archiveOptions),
/* harmony export */   printReport: () => (/* binding */ printReport),
/* harmony export */   verify: () => (/* binding */ verify)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _shipkit_action_kit__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6458);
/* harmony import */ var _shipkit_mongo__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5862);
/* harmony import */ var _shipkit_verify__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3648);
/* harmony import */ var _inputs__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1601);
/* harmony import */ var _text__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(9071);
/* harmony import */ var _backup__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9259);








/** The options that say which archive to read; shared by verify and restore. */
const SOURCE_OPTIONS = {
    from: {
        type: 'string',
        value: '<url>',
        description: 'a backup (…/<backup-id>), a prefix with --latest, or an archive file such as one from mongodump --archive (env BACKUP_DESTINATION)',
    },
    latest: { type: 'boolean', description: 'take the newest complete backup under the --from prefix' },
    'identity-file': {
        type: 'string',
        value: '<path>',
        description: 'age identity file that decrypts the backup (or the identity itself in env AGE_IDENTITY)',
    },
    parallelism: {
        type: 'string',
        value: '<n>',
        description: 'insert batches in flight, namespaces read back at once (default 4)',
    },
    report: { type: 'string', value: '<path>', description: 'also write the JSON report to this file' },
    timeout: {
        type: 'string',
        value: '<duration>',
        description: 'fail after this long, waiting on the network included (default 6h)',
    },
    ..._backup__WEBPACK_IMPORTED_MODULE_6__.S3_OPTIONS,
};
const RENAME_OPTIONS = {
    'ns-from': {
        type: 'string',
        multiple: true,
        value: '<pattern>',
        description: "namespaces to rename, e.g. 'shop.*'",
    },
    'ns-to': {
        type: 'string',
        multiple: true,
        value: '<pattern>',
        description: "what each --ns-from becomes, e.g. 'drill_shop.*'",
    },
};
/** Parses the options every archive-reading command shares; every secret read is added to the redactor. */
async function archiveOptions(args, context, extra = {}) {
    const inputs = (0,_inputs__WEBPACK_IMPORTED_MODULE_5__/* .optionInputs */ .t)(args, context.env, {
        aliases: { ...extra.aliases },
        envFallbacks: { from: 'BACKUP_DESTINATION', ..._backup__WEBPACK_IMPORTED_MODULE_6__.STORAGE_ENV, ...extra.envFallbacks },
    });
    const from = inputs.required('from');
    const latest = inputs.boolean('latest', false);
    const identity = await readIdentity(inputs, context);
    return {
        inputs,
        options: {
            location: latest ? { source: from, backup: 'latest' } : { backup: from },
            ...(identity ? { identity } : {}),
            ...(0,_shipkit_verify__WEBPACK_IMPORTED_MODULE_4__/* .commonOptionsFromInputs */ .bK)(inputs, context.env),
            identityInput: inputs.string('identity-file')
                ? '--identity-file'
                : context.env.AGE_IDENTITY
                    ? 'AGE_IDENTITY'
                    : '--identity-file (or AGE_IDENTITY)',
        },
    };
}
async function readIdentity(inputs, context) {
    const file = inputs.string('identity-file');
    let identity = context.env.AGE_IDENTITY;
    if (file) {
        try {
            identity = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(context.cwd, file), 'utf8');
        }
        catch (error) {
            throw new _shipkit_action_kit__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`--identity-file ${file} cannot be read: ${error.message}`);
        }
    }
    for (const line of (identity ?? '').split('\n'))
        context.redactor.add(line.trim());
    return identity?.trim() || undefined;
}
/** Prints a report (table, problems, what was not checked, or JSON) and returns the exit code. */
async function printReport(report, args, context) {
    const reportPath = typeof args.options.report === 'string' ? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(context.cwd, args.options.report) : undefined;
    if (reportPath)
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(reportPath, `${JSON.stringify(report, null, 2)}\n`);
    if (context.json) {
        context.stdout(`${JSON.stringify(report, null, 2)}\n`);
    }
    else {
        const { headers, rows } = (0,_shipkit_verify__WEBPACK_IMPORTED_MODULE_4__/* .namespaceRows */ .nB)(report);
        context.stdout((0,_text__WEBPACK_IMPORTED_MODULE_7__/* .textTable */ .e)(headers, rows, [headers.indexOf('expected'), headers.indexOf('actual')]));
        context.stdout(`\n${(0,_shipkit_verify__WEBPACK_IMPORTED_MODULE_4__/* .headline */ .Pl)(report)}\n`);
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
        return 0;
    context.logger.error((0,_shipkit_verify__WEBPACK_IMPORTED_MODULE_4__/* .failureMessage */ .oh)(report));
    return 1;
}
const verify = {
    name: 'verify',
    usage: '--from <backup-url | prefix --latest | archive-url> [--mode integrity|full] [--scratch-uri <uri>] [options]',
    options: {
        ...SOURCE_OPTIONS,
        mode: { type: 'string', value: 'integrity|full', description: 'what to check (default integrity)' },
        'scratch-uri': {
            type: 'string',
            value: '<uri>',
            description: 'for --mode full: a server to restore into under fresh names, dropped after (env SCRATCH_MONGODB_URI)',
        },
        ..._backup__WEBPACK_IMPORTED_MODULE_6__.CONNECT_OPTIONS,
        ...RENAME_OPTIONS,
    },
    details: `
integrity: reads the stored object once — SHA-256 and size against the manifest, decryption,
decompression, every namespace CRC — and recomputes counts and content hashes per namespace.
full: also restores into the scratch server, reads every namespace back and compares counts,
content hashes and index specs. A passing check writes verification.json next to the manifest.
An archive without a manifest (stock mongodump) gets CRC and count checks; the report says what
could not be checked. Exit code 1 names every mismatch.

Examples:
  shipkit verify --from s3://acme-backups/shop --latest
  SCRATCH_MONGODB_URI=mongodb://localhost:27017 shipkit verify --from s3://acme-backups/shop/2026-11-25T030000Z-1a2b3c --mode full
  shipkit verify --from file:///backups/dump.archive.gz`,
    async run(args, context) {
        const { inputs, options } = await archiveOptions(args, context, {
            aliases: { 'scratch-uri': 'scratch-mongodb-uri' },
            envFallbacks: { 'scratch-mongodb-uri': 'SCRATCH_MONGODB_URI' },
        });
        const scratchUri = inputs.string('scratch-mongodb-uri');
        context.redactor.add(scratchUri);
        const mode = inputs.enum('mode', ['integrity', 'full'], 'integrity');
        const outcome = await (0,_shipkit_verify__WEBPACK_IMPORTED_MODULE_4__/* .runVerifyRestore */ .Fx)({ ...options, mode, ...(scratchUri ? { scratchUri } : {}) }, { logger: context.logger, signal: context.signal });
        if (outcome.kind !== 'report')
            throw new Error('unreachable: verification returned a plan');
        return printReport(outcome.report, args, context);
    },
};


/***/ })

};
