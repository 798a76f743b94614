export const id = 890;
export const ids = [890];
export const modules = {

/***/ 7890:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runRestore: () => (/* reexport */ runRestore),
  unconfirmedError: () => (/* reexport */ unconfirmedError)
});

// UNUSED EXPORTS: CONFIRM, DROP, DRY_RUN, NO_READ_BACK, RESTORE_EXCLUDE, RESTORE_INCLUDE, StagedRestore, TARGET_URI, checkConfirmation, leftoversLine, planBackupRestore, planMarkdown, planRows, restoreBackup

// EXTERNAL MODULE: ../../packages/runtime/src/options/errors.ts
var errors = __webpack_require__(6960);
// EXTERNAL MODULE: ../../packages/runtime/src/options/text.ts
var options_text = __webpack_require__(8444);
// EXTERNAL MODULE: ../../packages/verify/src/run.ts + 7 modules
var src_run = __webpack_require__(139);
// EXTERNAL MODULE: ../../packages/backup/src/codec.ts
var codec = __webpack_require__(2368);
// EXTERNAL MODULE: ../../packages/mongo/src/restore/namespaces.ts + 1 modules
var namespaces = __webpack_require__(2849);
// EXTERNAL MODULE: ../../packages/mongo/src/restore/plan.ts
var restore_plan = __webpack_require__(8388);
// EXTERNAL MODULE: ../../packages/mongo/src/restore/staging-names.ts
var staging_names = __webpack_require__(4167);
// EXTERNAL MODULE: ../../packages/mongo/src/restore/staging.ts
var staging = __webpack_require__(6770);
// EXTERNAL MODULE: ../../packages/runtime/src/errors.ts
var src_errors = __webpack_require__(6631);
// EXTERNAL MODULE: ../../packages/verify/src/check.ts + 8 modules
var check = __webpack_require__(1664);
// EXTERNAL MODULE: ../../packages/verify/src/stored-parts.ts
var stored_parts = __webpack_require__(8649);
;// CONCATENATED MODULE: ../../packages/restore/src/restore.ts




/**
 * The disaster-recovery path: restores into staging collections of `target`, reads them back and
 * checks them against the manifest (or, for a bare archive, against the archive itself), and swaps
 * them into place only when everything passed. Otherwise the staging is removed and the target left
 * as it was; the report (or the error thrown) says what each target namespace is.
 */
async function restoreBackup(source, options, target, deps = {}) {
    return (0,check/* runCheck */.k_)(source, 'restore', options, {
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
    const mapper = new namespaces/* NamespaceMapper */.h(options);
    const identity = await (0,check/* identityFor */.K5)(source, options);
    const opened = await (0,stored_parts/* openBackupArchive */.F)(source, {
        ...(identity ? { identity } : {}),
        identityOption: options.identityOption ?? codec/* IDENTITY_OPTION */.fN,
    });
    try {
        for await (const event of opened.events) {
            if (event.type === 'prelude') {
                return await (0,restore_plan/* planRestore */.q8)(target, event.namespaces, mapper, {
                    drop: options.drop ?? false,
                    run: (0,staging_names/* newRunId */.F$)(),
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
        this.staging = new staging/* Staging */.CP(target, logger ? { logger } : {});
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
            if (error instanceof staging/* SwapFailedError */.V1)
                return { outcomes: error.outcomes, problem: error.summary };
            throw error;
        }
    }
    /** A restore that stops with an error: the staging is removed and the error says what each target is. */
    async abandon(plan, error) {
        // Without a plan nothing was written; a refused plan wrote nothing either, and says so.
        if (!plan || (0,restore_plan/* refusalError */.z_)(plan))
            return error;
        const outcomes = `\n${(0,staging/* describeOutcomes */.vl)(await this.staging.discard(plan))}`;
        if (error instanceof errors/* OptionError */.eR) {
            const text = [...error.text, outcomes];
            return error.key === undefined
                ? errors/* OptionError */.eR.saying(text, { cause: error })
                : new errors/* OptionError */.eR(error.key, text, { cause: error });
        }
        const message = `${(0,src_errors/* errorMessage */.g)(error)}${outcomes}`;
        return error instanceof src_errors/* UserError */.y
            ? new src_errors/* UserError */.y(message, { cause: error })
            : new Error(message, { cause: error });
    }
}

;// CONCATENATED MODULE: ../../packages/restore/src/run.ts



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
    return (0,src_run/* onBackup */.Yu)(options, deps, { name: 'restore run', progress: 'restore' }, async (run) => {
        const { source } = run;
        if (source.damage) {
            throw errors/* OptionError */.eR.saying((0,options_text/* say */.cv) `Backup ${source.backupId} is damaged (${source.damage.join('; ')}): it is not restored. \`shipkit verify\` on it names every problem; restore another backup, or, knowing the risk, restore its archive with stock mongorestore (docs/RECOVERY.md, "With stock tools only").`);
        }
        if (!options.targetUri)
            throw new errors/* OptionError */.eR('target-mongodb-uri', 'is required but was not given.');
        const target = await run.connect(options.targetUri);
        const access = (0,src_run/* archiveAccess */.Jn)(options);
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
    return new errors/* OptionError */.eR('confirm', (0,options_text/* say */.cv) `must be exactly '${confirmation?.expected ?? ''}' (the databases this restore writes) to run it; got '${confirmation?.given ?? ''}'. Nothing was written.`);
}

;// CONCATENATED MODULE: ../../packages/restore/src/index.ts
// The disaster-recovery restore: a backup restored into a real target under staging names, checked,
// and swapped in only once proven (the check stages come from @shipkit/verify, the restore engine
// from @shipkit/mongo); its typed confirmation, its plan and its options.






/***/ })

};
