export const id = 105;
export const ids = [105];
export const modules = {

/***/ 1486:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SEED_IDENTITY_OPTION: () => (/* binding */ SEED_IDENTITY_OPTION),
/* harmony export */   backupSeeder: () => (/* binding */ backupSeeder)
/* harmony export */ });
/* harmony import */ var _shipkit_restore__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1890);
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(663);
/* harmony import */ var _shipkit_verify__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8884);



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
            const source = await (0,_shipkit_verify__WEBPACK_IMPORTED_MODULE_2__/* .locateBackup */ .Td)({ backup: from }, deps.openStorage);
            const access = deps.identity ? { identity: deps.identity, identityOption: SEED_IDENTITY_OPTION } : {};
            const client = await deps.connect(uri);
            try {
                const plan = await (0,_shipkit_restore__WEBPACK_IMPORTED_MODULE_0__/* .planBackupRestore */ .mD)(source, access, client);
                const databases = [...new Set(plan.namespaces.map((n) => n.source.db))];
                if (databases.length !== 1) {
                    throw new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_1__/* .OptionError */ .eR('seed-from', `must name a backup of one template database; ${source.url} holds ` +
                        `${databases.length === 0 ? 'none' : `${databases.length} (${databases.join(', ')})`}.`);
                }
                const template = databases[0];
                const report = await (0,_shipkit_restore__WEBPACK_IMPORTED_MODULE_0__/* .restoreBackup */ .dH)(source, {
                    ...access,
                    include: [`${template}.*`],
                    renames: [{ from: `${template}.*`, to: `${database}.*` }],
                    record: false,
                }, client, { logger });
                if (report.result !== 'passed')
                    throw new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`Seeding ${database} failed: ${(0,_shipkit_verify__WEBPACK_IMPORTED_MODULE_2__/* .failureMessage */ .oh)(report)}`);
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
