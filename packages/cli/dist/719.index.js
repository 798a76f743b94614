export const id = 719;
export const ids = [719,64];
export const modules = {

/***/ 4719:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   restore: () => (/* binding */ restore)
/* harmony export */ });
/* harmony import */ var _shipkit_mongo__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4418);
/* harmony import */ var _shipkit_restore__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1890);
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(663);
/* harmony import */ var _command__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(483);
/* harmony import */ var _text__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9071);
/* harmony import */ var _verify__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9064);






const restore = (0,_command__WEBPACK_IMPORTED_MODULE_4__/* .command */ .G)({
    name: 'restore',
    usage: '--from <backup-url | prefix --latest | backup-id | archive-url> --uri <target> [--ns-from <p> --ns-to <p>] [--drop] [--dry-run]',
    options: {
        ..._verify__WEBPACK_IMPORTED_MODULE_3__.SOURCE_OPTIONS,
        'target-mongodb-uri': { ..._shipkit_restore__WEBPACK_IMPORTED_MODULE_1__/* .TARGET_URI */ .Lt, required: true },
        'connect-timeout': _shipkit_mongo__WEBPACK_IMPORTED_MODULE_0__/* .CONNECT_TIMEOUT */ .x0,
        ..._shipkit_mongo__WEBPACK_IMPORTED_MODULE_0__/* .RENAME_ROWS */ .H3,
        include: _shipkit_restore__WEBPACK_IMPORTED_MODULE_1__/* .RESTORE_INCLUDE */ .Qg,
        exclude: _shipkit_restore__WEBPACK_IMPORTED_MODULE_1__/* .RESTORE_EXCLUDE */ .A7,
        drop: _shipkit_restore__WEBPACK_IMPORTED_MODULE_1__/* .DROP */ .q2,
        'dry-run': _shipkit_restore__WEBPACK_IMPORTED_MODULE_1__/* .DRY_RUN */ .yE,
        'no-read-back': _shipkit_restore__WEBPACK_IMPORTED_MODULE_1__/* .NO_READ_BACK */ .tp,
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
verification record is written).

Examples:
  MONGODB_URI=… shipkit restore --from s3://acme-backups/shop --latest --ns-from 'shop.*' --ns-to 'drill_shop.*'
  MONGODB_URI=… shipkit restore --from file:///backups/dump.archive --dry-run`,
    async run({ options }, context) {
        const readBack = !options['no-read-back'];
        const outcome = await (0,_shipkit_restore__WEBPACK_IMPORTED_MODULE_1__/* .runRestore */ .YL)({
            ...(await (0,_verify__WEBPACK_IMPORTED_MODULE_3__.backupRunOptions)(options, context)),
            targetUri: options['target-mongodb-uri'],
            renames: (0,_shipkit_mongo__WEBPACK_IMPORTED_MODULE_0__/* .pairRenames */ .wr)(options['ns-from'], options['ns-to']),
            include: options.include,
            exclude: options.exclude,
            drop: options.drop,
            dryRun: options['dry-run'],
            ...(readBack ? {} : { readBack }),
        }, { logger: context.logger, signal: context.signal });
        if (outcome.kind === 'report')
            return (0,_verify__WEBPACK_IMPORTED_MODULE_3__.printReport)(outcome.report, options.report, context);
        const { plan } = outcome;
        const refused = plan.namespaces.filter((n) => n.action === 'refuse');
        if (context.json) {
            const namespaces = plan.namespaces.map(({ entry: _entry, ...n }) => n);
            context.stdout(`${JSON.stringify({ dryRun: true, source: outcome.source.url, ...plan, namespaces }, null, 2)}\n`);
        }
        else {
            const { headers, rows } = (0,_shipkit_restore__WEBPACK_IMPORTED_MODULE_1__/* .planRows */ .Lq)(plan);
            context.stdout((0,_text__WEBPACK_IMPORTED_MODULE_5__/* .textTable */ .e)(headers, rows));
            if (plan.excluded.length > 0)
                context.stdout(`excluded: ${plan.excluded.join(', ')}\n`);
            if (plan.leftovers.length > 0)
                context.stdout(`${(0,_shipkit_restore__WEBPACK_IMPORTED_MODULE_1__/* .leftoversLine */ .Jq)(plan)}\n`);
            for (const skipped of plan.skipped)
                context.stdout(`never restored: ${skipped.namespace} (${skipped.reason})\n`);
            context.stdout(`\ndry run: ${(0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_2__/* .formatCount */ .B4)(plan.namespaces.length)} namespaces from ${outcome.source.url} into ` +
                `${plan.targetDatabases.join(', ') || '(nothing)'}; nothing was written\n`);
        }
        if (refused.length === 0)
            return _shipkit_runtime__WEBPACK_IMPORTED_MODULE_2__/* .EXIT */ .dc.ok;
        context.logger.error(`the restore would be refused: ${refused.map((n) => `${n.target.db}.${n.target.collection}`).join(', ')} ` +
            'already hold data (use --drop to replace them, or --ns-from/--ns-to to restore elsewhere)');
        return _shipkit_runtime__WEBPACK_IMPORTED_MODULE_2__/* .EXIT */ .dc.failed;
    },
});


/***/ }),

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


/***/ }),

/***/ 1890:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  q2: () => (/* reexport */ DROP),
  yE: () => (/* reexport */ DRY_RUN),
  tp: () => (/* reexport */ NO_READ_BACK),
  A7: () => (/* reexport */ RESTORE_EXCLUDE),
  Qg: () => (/* reexport */ RESTORE_INCLUDE),
  Lt: () => (/* reexport */ TARGET_URI),
  Jq: () => (/* reexport */ leftoversLine),
  mD: () => (/* reexport */ planBackupRestore),
  Lq: () => (/* reexport */ planRows),
  dH: () => (/* reexport */ restoreBackup),
  YL: () => (/* reexport */ runRestore)
});

// UNUSED EXPORTS: CONFIRM, StagedRestore, checkConfirmation, planMarkdown, unconfirmedError

// EXTERNAL MODULE: ../runtime/src/index.ts + 20 modules
var src = __webpack_require__(663);
// EXTERNAL MODULE: ../mongo/src/index.ts + 17 modules
var mongo_src = __webpack_require__(4418);
;// CONCATENATED MODULE: ../restore/src/options.ts


/** The server a disaster-recovery restore writes into. */
const TARGET_URI = (0,src/* textRow */.yL)({
    description: 'The server to restore into. Secret: masked in every form.',
    default: '',
    secret: true,
    flag: 'uri',
    env: 'MONGODB_URI',
    placeholder: '<uri>',
});
const DROP = (0,src/* booleanRow */.HP)({
    description: 'Replace target namespaces that exist. The restore is staged: what they held is dropped only after the whole backup was restored under staging names, checked against its manifest and swapped in; any failure leaves them as they were. Without it, a target that holds documents is refused and nothing is written.',
    default: 'false',
});
/** The action's typed confirmation: the databases the restore writes. */
const CONFIRM = (0,src/* textRow */.yL)({
    description: 'The comma-separated list of the databases the restore writes (e.g. drill_shop,drill_crm). Anything else prints the plan and fails without writing.',
    default: '',
    placeholder: '<databases>',
});
const DRY_RUN = (0,src/* booleanRow */.HP)({
    description: 'Print what would be restored where, and write nothing.',
    default: 'false',
});
const NO_READ_BACK = (0,src/* booleanRow */.HP)({
    description: 'Skip reading the restored data back (faster; the archive is still checked, refused documents still fail the restore, and no verification record is written).',
    default: 'false',
});
const RESTORE_INCLUDE = {
    ...mongo_src/* INCLUDE */.rM,
    description: 'Namespaces to restore (db, db.collection, globs such as shop.*), comma or newline separated. Default: all.',
};
const RESTORE_EXCLUDE = mongo_src/* EXCLUDE */.Hx;

// EXTERNAL MODULE: ../archive/src/index.ts + 6 modules
var archive_src = __webpack_require__(7750);
;// CONCATENATED MODULE: ../restore/src/render.ts



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

// EXTERNAL MODULE: ../backup/src/index.ts + 10 modules
var backup_src = __webpack_require__(94);
// EXTERNAL MODULE: ../verify/src/index.ts + 14 modules
var verify_src = __webpack_require__(8884);
;// CONCATENATED MODULE: ../restore/src/restore.ts




/**
 * The disaster-recovery path: restores into staging collections of `target`, reads them back and
 * checks them against the manifest (or, for a bare archive, against the archive itself), and swaps
 * them into place only when everything passed. Otherwise the staging is removed and the target left
 * as it was; the report (or the error thrown) says what each target namespace is.
 */
async function restoreBackup(source, options, target, deps = {}) {
    return (0,verify_src/* runCheck */.k_)(source, 'restore', options, {
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
    const mapper = new mongo_src/* NamespaceMapper */.hS(options);
    const identity = await (0,verify_src/* identityFor */.K5)(source, options);
    const opened = await (0,verify_src/* openStoredArchive */.a8)(source.storage, source.archiveKey, {
        ...(identity ? { identity } : {}),
        identityOption: options.identityOption ?? backup_src/* IDENTITY_OPTION */.fN,
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
        this.staging = new mongo_src/* Staging */.CP(target, logger ? { logger } : {});
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
            if (error instanceof mongo_src/* SwapFailedError */.V1)
                return { outcomes: error.outcomes, problem: error.summary };
            throw error;
        }
    }
    /** A restore that stops with an error: the staging is removed and the error says what each target is. */
    async abandon(plan, error) {
        // Without a plan nothing was written; a refused plan wrote nothing either, and says so.
        if (!plan || (0,mongo_src/* refusalError */.z_)(plan))
            return error;
        const outcomes = `\n${(0,mongo_src/* describeOutcomes */.vl)(await this.staging.discard(plan))}`;
        if (error instanceof src/* OptionError */.eR) {
            const text = [...error.text, outcomes];
            return error.key === undefined
                ? src/* OptionError */.eR.saying(text, { cause: error })
                : new src/* OptionError */.eR(error.key, text, { cause: error });
        }
        const message = `${(0,src/* errorMessage */.gJ)(error)}${outcomes}`;
        return error instanceof src/* UserError */.yo
            ? new src/* UserError */.yo(message, { cause: error })
            : new Error(message, { cause: error });
    }
}

;// CONCATENATED MODULE: ../restore/src/run.ts



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
 * Locates the backup and restores it into the target within the timeout. It plans first: in a dry
 * run, or with a confirmation asked for that does not match, it returns the plan and writes nothing.
 * A backup the catalogue finds damaged is never restored.
 */
async function runRestore(options, deps) {
    return (0,verify_src/* onBackup */.Yu)(options, deps, { name: 'restore run', progress: 'restore' }, async (run) => {
        const { source } = run;
        if (source.damage) {
            throw src/* OptionError */.eR.saying((0,src/* say */.cv) `Backup ${source.backupId} is damaged (${source.damage.join('; ')}): it is not restored. \`shipkit verify\` on it names every problem; restore another backup, or, knowing the risk, restore its archive with stock mongorestore (docs/RECOVERY.md, "With stock tools only").`);
        }
        if (!options.targetUri)
            throw new src/* OptionError */.eR('target-mongodb-uri', 'is required but was not given.');
        const target = await run.connect(options.targetUri);
        const access = (0,verify_src/* archiveAccess */.Jn)(options);
        const selection = { renames: options.renames, include: options.include, exclude: options.exclude };
        const plan = await planBackupRestore(source, { ...access, ...selection, drop: options.drop }, target);
        const confirmation = options.confirm === undefined ? undefined : checkConfirmation(plan, options.confirm);
        if (options.dryRun || (confirmation && !confirmation.matches)) {
            return { kind: 'plan', source, plan, confirmation };
        }
        const report = await restoreBackup(source, {
            ...access,
            ...selection,
            drop: options.drop,
            ...(options.readBack === false ? { readBack: false } : {}),
        }, target, run.checkDeps);
        run.progress.done();
        return { kind: 'report', source, report };
    });
}
/** The refusal of a restore whose confirmation does not name the databases it writes. */
function unconfirmedError(confirmation) {
    return new OptionError('confirm', say `must be exactly '${confirmation?.expected ?? ''}' (the databases this restore writes) to run it; got '${confirmation?.given ?? ''}'. Nothing was written.`);
}

;// CONCATENATED MODULE: ../restore/src/index.ts
// The disaster-recovery restore: a backup restored into a real target under staging names, checked,
// and swapped in only once proven (the check stages come from @shipkit/verify, the restore engine
// from @shipkit/mongo); its typed confirmation, its plan and its options.






/***/ })

};
