export const id = 712;
export const ids = [712];
export const modules = {

/***/ 8712:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  IDENTITY_FILE: () => (/* binding */ IDENTITY_FILE),
  SOURCE_OPTIONS: () => (/* binding */ SOURCE_OPTIONS),
  backupRunOptions: () => (/* binding */ backupRunOptions),
  printReport: () => (/* binding */ printReport),
  readIdentity: () => (/* binding */ readIdentity),
  reportEvent: () => (/* binding */ reportEvent),
  verify: () => (/* binding */ verify)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ../backup/src/options.ts
var options = __webpack_require__(3453);
// EXTERNAL MODULE: ../backup/src/codec.ts
var codec = __webpack_require__(3957);
// EXTERNAL MODULE: ../mongo/src/restore/staging.ts
var staging = __webpack_require__(8001);
// EXTERNAL MODULE: ../mongo/src/options.ts
var src_options = __webpack_require__(6363);
// EXTERNAL MODULE: ../mongo/src/restore/namespaces.ts
var namespaces = __webpack_require__(7782);
// EXTERNAL MODULE: ../notify/src/outcomes.ts
var outcomes = __webpack_require__(3403);
// EXTERNAL MODULE: ../notify/src/options.ts
var notify_src_options = __webpack_require__(6034);
// EXTERNAL MODULE: ../runtime/src/options/row.ts
var row = __webpack_require__(3832);
// EXTERNAL MODULE: ../runtime/src/options/errors.ts
var errors = __webpack_require__(673);
// EXTERNAL MODULE: ../runtime/src/exit.ts
var exit = __webpack_require__(601);
// EXTERNAL MODULE: ../storage/src/options.ts
var storage_src_options = __webpack_require__(2914);
// EXTERNAL MODULE: ../verify/src/options.ts
var verify_src_options = __webpack_require__(8342);
// EXTERNAL MODULE: ../runtime/src/format.ts
var format = __webpack_require__(770);
;// CONCATENATED MODULE: ../verify/src/render.ts

const MARK = { passed: 'ok', failed: 'MISMATCH', 'not-checked': '–' };
/** The per-namespace table: expected vs actual count, and whether count, content hash, CRC and indexes match. */
function namespaceRows(report) {
    const restoring = report.mode !== 'integrity';
    const headers = [
        'namespace',
        ...(restoring ? ['restored as'] : []),
        'type',
        'expected',
        'actual',
        'count',
        'content hash',
        'crc',
        'indexes',
    ];
    const rows = report.namespaces.map((ns) => [
        ns.namespace,
        ...(restoring ? [ns.restoredAs ?? '–'] : []),
        ns.type,
        ns.expected.documents === undefined ? '–' : (0,format/* formatCount */.B4)(ns.expected.documents),
        actualCount(ns, restoring),
        MARK[ns.checks.count],
        MARK[ns.checks.contentHash],
        MARK[ns.checks.crc],
        MARK[ns.checks.indexes],
    ]);
    return { headers, rows };
}
function actualCount(ns, restoring) {
    const found = restoring ? ns.restored?.documents : ns.archive?.documents;
    return found === undefined ? '–' : (0,format/* formatCount */.B4)(found);
}
function headline(report) {
    const what = report.mode === 'restore' ? 'restore check' : `${report.mode} verification`;
    const subject = report.backupId ? `backup ${report.backupId}` : report.source;
    const documents = report.totals.restoredDocuments ?? report.totals.documents;
    return (`${what} of ${subject} ${report.result === 'passed' ? 'PASSED' : 'FAILED'}: ` +
        `${report.totals.namespaces} namespaces, ${(0,format/* formatCount */.B4)(documents)} documents, ` +
        `${(0,format/* formatBytes */.z3)(report.archive.storedBytes)} read in ${(0,format/* formatDuration */.a3)(report.durationMs)}`);
}
/**
 * What a notification says about a verification or a restore check (`checkEvent` of
 * `@shipkit/notify` turns it into the event): the same facts from the CLI and the action.
 */
function reportFacts(report) {
    return {
        result: report.result,
        headline: headline(report),
        source: report.source,
        ...(report.backupId ? { backupId: report.backupId } : {}),
        documents: report.totals.restoredDocuments ?? report.totals.documents,
        bytes: report.archive.storedBytes,
        durationMs: report.durationMs,
        problems: report.problems,
    };
}
/** The job summary of the action. */
function reportMarkdown(report) {
    const { headers, rows } = namespaceRows(report);
    const numeric = headers.map((h) => (h === 'expected' || h === 'actual' ? 'r' : 'l'));
    const sha = report.archive.sha256;
    return sections(heading(`${report.result === 'passed' ? '✅' : '❌'} ${headline(report)}`), `Archive \`${report.source}\` (${report.archive.layers.join(' + ') || 'plain'}), SHA-256: ${MARK[sha.state]}` +
        (sha.actual ? ` \`${sha.actual}\`` : ''), table(headers, rows, numeric), report.problems.length > 0 && heading('Problems', 4), report.problems.length > 0 && report.problems.map((p) => `- ${p.replace(/\n/g, '\n  ')}`).join('\n'), report.notChecked.length > 0 && heading('Not checked', 4), report.notChecked.length > 0 && report.notChecked.map((p) => `- ${p}`).join('\n'), report.target?.namespaces && heading('Target', 4), report.target?.namespaces &&
        table(['namespace', 'now', 'note'], report.target.namespaces.map((o) => [o.namespace, o.state, o.note ?? ''])), report.recorded && `Recorded in \`${report.recorded}\`.`);
}

// EXTERNAL MODULE: ../verify/src/report.ts
var src_report = __webpack_require__(7903);
// EXTERNAL MODULE: ../verify/src/run.ts
var run = __webpack_require__(7341);
// EXTERNAL MODULE: ./src/command.ts
var command = __webpack_require__(483);
// EXTERNAL MODULE: ./src/notify.ts + 3 modules
var notify = __webpack_require__(8139);
// EXTERNAL MODULE: ./src/text.ts
var src_text = __webpack_require__(9071);
;// CONCATENATED MODULE: ./src/commands/verify.ts











/** The age identity as a file; its text can also come from AGE_IDENTITY (`decrypt-identity`). */
const IDENTITY_FILE = (0,row/* textRow */.yL)({
    description: 'An age identity file that decrypts the backup (or the identity itself in AGE_IDENTITY).',
    placeholder: '<path>',
});
/** The options every command that reads one backup takes: verify and restore. */
const SOURCE_OPTIONS = {
    ...verify_src_options/* FROM_ROWS */.bK,
    'identity-file': IDENTITY_FILE,
    'decrypt-identity': options/* DECRYPT_IDENTITY */.F_,
    parallelism: verify_src_options/* RESTORE_PARALLELISM */.gt,
    'parallel-parts': verify_src_options/* PARALLEL_PARTS */.xh,
    report: (0,row/* textRow */.yL)({ description: 'Also write the JSON report to this file.', placeholder: '<path>' }),
    timeout: verify_src_options/* RUN_TIMEOUT */.AQ,
    ...storage_src_options/* S3_ROWS */.x,
};
/**
 * The identity that decrypts the backups, from `--identity-file` or AGE_IDENTITY, and the option
 * that gave it, for messages. Every identity read is handed to the redactor.
 */
async function readIdentity(options, context) {
    const file = options['identity-file'];
    if (!file) {
        const identity = options['decrypt-identity'];
        return { ...(identity ? { identity } : {}), identityOption: codec/* IDENTITY_OPTION */.fN };
    }
    let text;
    try {
        text = await (0,promises_.readFile)((0,external_node_path_.resolve)(context.cwd, file), 'utf8');
    }
    catch (error) {
        throw new errors/* OptionError */.eR('identity-file', `names ${file}, which cannot be read: ${error.message}`);
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
        location: (0,verify_src_options/* locationFrom */.WP)(options.from, options.latest, context.env),
        ...(await readIdentity(options, context)),
        parallelism: options.parallelism,
        parallelParts: options['parallel-parts'],
        timeoutMs: options.timeout,
        ...(connectTimeoutMs === undefined ? {} : { connectTimeoutMs }),
        storage: (0,storage_src_options/* s3Options */.h)(options, context.env),
    };
}
/** Prints a report (table, problems, what was not checked, or JSON) and returns the exit code. */
async function printReport(report, reportFile, context) {
    const reportPath = reportFile ? (0,external_node_path_.resolve)(context.cwd, reportFile) : undefined;
    if (reportPath)
        await (0,promises_.writeFile)(reportPath, `${JSON.stringify(report, null, 2)}\n`);
    if (context.json) {
        context.stdout(`${JSON.stringify(report, null, 2)}\n`);
    }
    else {
        const { headers, rows } = namespaceRows(report);
        context.stdout((0,src_text/* textTable */.e)(headers, rows, [headers.indexOf('expected'), headers.indexOf('actual')]));
        context.stdout(`\n${headline(report)}\n`);
        const outcomes = report.target?.namespaces;
        if (outcomes && report.result === 'passed')
            context.stdout(`${(0,staging/* describeOutcomes */.vl)(outcomes)}\n`);
        if (report.notChecked.length > 0) {
            context.stdout(`not checked:\n${report.notChecked.map((line) => `  - ${line}`).join('\n')}\n`);
        }
        if (report.recorded)
            context.stdout(`recorded: ${report.recorded}\n`);
        if (reportPath)
            context.stdout(`report: ${reportPath}\n`);
    }
    if (report.result === 'passed')
        return exit/* EXIT */.dc.ok;
    context.logger.error((0,src_report/* failureMessage */.o)(report));
    return exit/* EXIT */.dc.failed;
}
/** The event a verification or a restore check sends, from its report. */
function reportEvent(kind, report) {
    return (0,outcomes/* checkEvent */.XT)(kind, reportFacts(report), new Date(report.finishedAt));
}
const verify = (0,command/* command */.G)({
    name: 'verify',
    usage: '--from <backup-url | prefix --latest | backup-id | archive-url> [--mode integrity|full] [--scratch-uri <uri>] [options]',
    options: {
        ...SOURCE_OPTIONS,
        mode: verify_src_options/* VERIFY_MODE */.qh,
        'scratch-mongodb-uri': verify_src_options/* SCRATCH_URI */.In,
        'connect-timeout': src_options/* CONNECT_TIMEOUT */.x0,
        ...src_options/* RENAME_ROWS */.H3,
        ...notify_src_options/* NOTIFY_ROWS */.a,
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
        const started = Date.now();
        return (0,notify/* reporting */.v)(options, context, (error) => (0,outcomes/* failedEvent */.uG)('verify.failed', error, new Date(), {
            destination: options.from,
            durationMs: Date.now() - started,
        }), async () => {
            const { report } = await (0,run/* runVerify */.R9)({
                ...(await backupRunOptions(options, context)),
                mode: options.mode,
                renames: (0,namespaces/* pairRenames */.w)(options['ns-from'], options['ns-to']),
                ...(scratchUri ? { scratchUri } : {}),
            }, { logger: context.logger, signal: context.signal });
            const code = await printReport(report, options.report, context);
            return { code, event: reportEvent('verify', report) };
        });
    },
});


/***/ }),

/***/ 7341:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jn: () => (/* binding */ archiveAccess),
/* harmony export */   R9: () => (/* binding */ runVerify),
/* harmony export */   Yu: () => (/* binding */ onBackup)
/* harmony export */ });
/* harmony import */ var _shipkit_mongo__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7158);
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3181);
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6546);
/* harmony import */ var _shipkit_storage__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6403);
/* harmony import */ var _check__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(925);
/* harmony import */ var _source__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8951);





/**
 * Locates the backup and runs `work` on it within the timeout and the caller's cancellation: one
 * deadline for the run, which every storage request, download and MongoDB command is bound to.
 * Every client and storage the run opened is closed when it ends, whatever happened.
 */
async function onBackup(options, deps, label, work) {
    const deadline = new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .Deadline */ .B2({
        run: label.name,
        timeoutMs: options.timeoutMs,
        ...(deps.signal && { signal: deps.signal }),
    });
    const clients = [];
    const opened = [];
    const open = deps.openStorage ??
        ((url) => (0,_shipkit_storage__WEBPACK_IMPORTED_MODULE_1__/* .openStorage */ .G)(url, { s3: options.storage, logger: deps.logger, deadline }));
    const connectTo = deps.connect ??
        ((uri) => (0,_shipkit_mongo__WEBPACK_IMPORTED_MODULE_2__/* .connect */ .Ng)(uri, {
            appName: 'shipkit-verify',
            deadline,
            logger: deps.logger,
            ...(options.connectTimeoutMs !== undefined && { timeoutMs: options.connectTimeoutMs }),
        }));
    const run = async () => {
        try {
            const source = await (0,_source__WEBPACK_IMPORTED_MODULE_3__/* .locateBackup */ .T)(options.location, (url) => {
                const storage = open(url);
                opened.push(storage);
                return storage;
            });
            for (const skipped of source.passedOver ?? []) {
                deps.logger.warn(`passed over damaged backup ${skipped.id}: ${skipped.damage.join('; ')}`);
            }
            const parts = source.manifest?.parts?.archives.length;
            const atOnce = parts
                ? `, ${parts} parts, ${Math.min(parts, options.parallelParts ?? 1)} read at once`
                : '';
            deps.logger.info(`reading ${source.url}${source.backupId ? ` (backup ${source.backupId}${atOnce})` : ''}`);
            const progress = new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_4__/* .ProgressReporter */ .P({
                label: label.progress,
                ...(source.manifest ? { totalBytes: source.manifest.totals.bytes } : {}),
                log: (line) => deps.logger.info(line),
                intervalMs: deps.progressIntervalMs ?? 10_000,
            });
            const checkDeps = {
                logger: deps.logger,
                signal: deadline.signal,
                progress,
                ...(deps.now ? { now: deps.now } : {}),
            };
            const connectTracked = async (uri) => {
                const client = await connectTo(uri);
                clients.push(client);
                return client;
            };
            return await work({ source, deadline, progress, checkDeps, connect: connectTracked });
        }
        catch (error) {
            // A stopped run reports why it stopped; what failed because of the stop is only a consequence —
            // unless it is that reason itself, told in more detail (a cancelled restore lists its targets).
            const reason = deadline.reason;
            throw reason && !(error instanceof Error && error.cause === reason) ? reason : error;
        }
        finally {
            await Promise.allSettled(clients.map((client) => (0,_shipkit_mongo__WEBPACK_IMPORTED_MODULE_2__/* .disconnect */ .Zf)(client)));
            await Promise.allSettled(opened.map((storage) => storage.close()));
        }
    };
    try {
        return await deadline.bound(run());
    }
    finally {
        deadline.dispose();
    }
}
/** The options of a run over a backup that the check stages take. */
function archiveAccess(options) {
    return {
        ...(options.identity ? { identity: options.identity } : {}),
        ...(options.identityOption ? { identityOption: options.identityOption } : {}),
        parallelism: options.parallelism,
        ...(options.parallelParts === undefined ? {} : { parallelParts: options.parallelParts }),
        ...(options.record === undefined ? {} : { record: options.record }),
    };
}
/**
 * Locates the backup and verifies it within the timeout: `integrity` streams the stored object once
 * with no database; `full` also restores it into the scratch server and compares what it reads back.
 */
async function runVerify(options, deps) {
    const label = { name: `${options.mode} run`, progress: `verify (${options.mode})` };
    return onBackup(options, deps, label, async (run) => {
        const scratch = options.mode === 'full' && options.scratchUri ? await run.connect(options.scratchUri) : undefined;
        const report = await (0,_check__WEBPACK_IMPORTED_MODULE_5__/* .verifyBackup */ .gu)(run.source, { ...archiveAccess(options), mode: options.mode, renames: options.renames }, { ...run.checkDeps, ...(scratch ? { scratch } : {}) });
        run.progress.done();
        return { source: run.source, report };
    });
}


/***/ })

};
