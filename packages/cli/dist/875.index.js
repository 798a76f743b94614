export const id = 875;
export const ids = [875,64];
export const modules = {

/***/ 8875:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  drill: () => (/* binding */ drill)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ../action-kit/src/errors.ts
var errors = __webpack_require__(8691);
// EXTERNAL MODULE: ../backup/src/catalog.ts
var catalog = __webpack_require__(3384);
// EXTERNAL MODULE: ../storage/src/open.ts + 1 modules
var src_open = __webpack_require__(6403);
// EXTERNAL MODULE: ../action-kit/src/format.ts
var format = __webpack_require__(9423);
// EXTERNAL MODULE: ../backup/src/layout.ts
var layout = __webpack_require__(9053);
;// CONCATENATED MODULE: ../verify/src/drill.ts
/**
 * The restore drill: which backups it restores, and what the restores say about the recovery targets.
 * Pure — the CLI's `drill` command lists the backups, runs each restore and hands the measurements here.
 *
 * RPO (how much data a disaster would lose): the age of the newest complete backup when the drill starts.
 * RTO (how long recovery takes): each restore's time from start to verified — fetch, decrypt, restore
 * into the drill server and compare with the manifest.
 */


/** Parses `--older`: random, none or a backup id. */
function parseOlderChoice(value, label = '--older') {
    const text = (value ?? 'random').trim();
    if (text === '' || text === 'random')
        return { kind: 'random' };
    if (text === 'none')
        return { kind: 'none' };
    if (!(0,layout/* isBackupId */["if"])(text)) {
        throw new errors/* UserError */.y(`${label} must be random, none or a backup id such as 2026-11-25T031700Z-1a2b3c; got '${text}'.`);
    }
    return { kind: 'id', id: text };
}
/**
 * The newest complete backup, and one older complete backup as `older` says. `random` is in [0, 1).
 * Incomplete folders (no manifest) are not backups and are never chosen.
 */
function planDrill(candidates, older, random, location) {
    const complete = candidates.filter((c) => c.complete).sort((a, b) => (a.id < b.id ? 1 : -1));
    const [newest, ...rest] = complete;
    if (!newest) {
        throw new errors/* UserError */.y(`No complete backup at ${location}: there is nothing to drill.`);
    }
    const restores = [{ role: 'newest', id: newest.id, time: newest.time }];
    if (older.kind === 'none')
        return { restores, note: 'no older backup was asked for (--older none)' };
    if (older.kind === 'id') {
        if (older.id === newest.id) {
            throw new errors/* UserError */.y(`--older ${older.id} is the newest backup, which the drill restores anyway: name an older one.`);
        }
        const chosen = rest.find((c) => c.id === older.id);
        if (!chosen) {
            throw new errors/* UserError */.y(`--older ${older.id} is not a complete backup at ${location}; complete backups: ${complete.map((c) => c.id).join(', ')}.`);
        }
        return { restores: [...restores, { role: 'older', id: chosen.id, time: chosen.time }] };
    }
    if (rest.length === 0)
        return { restores, note: 'only one complete backup is retained: no older one to restore' };
    const chosen = rest[Math.min(rest.length - 1, Math.floor(random() * rest.length))];
    return { restores: [...restores, { role: 'older', id: chosen.id, time: chosen.time }] };
}
const seconds = (ms) => Math.round(ms / 100) / 10;
/** Judges a drill's restores against its targets. */
function assessDrill(drill) {
    const { targets, startedAt } = drill;
    const newest = drill.restores.find((r) => r.role === 'newest');
    if (!newest)
        throw new Error('a drill always restores the newest backup');
    const missed = [];
    const ageMs = Math.max(0, startedAt.getTime() - newest.time.getTime());
    const rpoMet = ageMs <= targets.rpoMs;
    if (!rpoMet) {
        missed.push(`RPO missed: the newest backup ${newest.id} was ${(0,format/* formatDuration */.a3)(ageMs)} old, over the ${(0,format/* formatDuration */.a3)(targets.rpoMs)} target.`);
    }
    const restores = drill.restores.map((r) => {
        const withinRto = r.verified && r.durationMs <= targets.rtoMs;
        if (!r.verified) {
            missed.push(`The ${r.role} backup ${r.id} did not restore correctly: ${r.problems.join('; ') || 'see its report'}.`);
        }
        else if (!withinRto) {
            missed.push(`RTO missed: restoring the ${r.role} backup ${r.id} took ${(0,format/* formatDuration */.a3)(r.durationMs)}, over the ${(0,format/* formatDuration */.a3)(targets.rtoMs)} target.`);
        }
        return {
            role: r.role,
            backupId: r.id,
            backupTime: r.time.toISOString(),
            ageSeconds: seconds(Math.max(0, startedAt.getTime() - r.time.getTime())),
            verified: r.verified,
            restoreSeconds: seconds(r.durationMs),
            withinRto,
            documents: r.documents,
            namespaces: r.namespaces,
            problems: r.problems,
        };
    });
    const rtoMet = restores.every((r) => r.withinRto);
    return {
        format: 'mongo-shipkit-restore-drill/1',
        startedAt: startedAt.toISOString(),
        finishedAt: drill.finishedAt.toISOString(),
        source: drill.source,
        passed: missed.length === 0,
        targets: { rtoSeconds: seconds(targets.rtoMs), rpoSeconds: seconds(targets.rpoMs) },
        rpo: {
            backupId: newest.id,
            backupTime: newest.time.toISOString(),
            ageSeconds: seconds(ageMs),
            met: rpoMet,
        },
        rto: { worstSeconds: Math.max(...restores.map((r) => r.restoreSeconds)), met: rtoMet },
        restores,
        missed,
        ...(drill.note ? { note: drill.note } : {}),
    };
}
const ms = (s) => s * 1000;
const mark = (met) => (met ? '✅' : '❌');
/** The drill as a job-summary table: one row per restore, then the two targets. */
function drillMarkdown(record) {
    const lines = [
        `### ${record.passed ? '✅ Restore drill met its targets' : '❌ Restore drill missed its targets'}`,
        '',
        `Backups at \`${record.source}\`, drill started ${record.startedAt}.`,
        '',
        '| Backup | Role | Age | Restore time | Verified | Documents | Within RTO |',
        '| --- | --- | --- | --- | --- | --- | --- |',
        ...record.restores.map((r) => `| \`${r.backupId}\` | ${r.role} | ${(0,format/* formatDuration */.a3)(ms(r.ageSeconds))} | ${(0,format/* formatDuration */.a3)(ms(r.restoreSeconds))} | ${mark(r.verified)} | ${r.documents} | ${mark(r.withinRto)} |`),
        '',
        '| Target | Goal | Measured | Met |',
        '| --- | --- | --- | --- |',
        `| RTO (restore time) | ≤ ${(0,format/* formatDuration */.a3)(ms(record.targets.rtoSeconds))} | ${(0,format/* formatDuration */.a3)(ms(record.rto.worstSeconds))} (slowest restore) | ${mark(record.rto.met)} |`,
        `| RPO (newest backup's age) | ≤ ${(0,format/* formatDuration */.a3)(ms(record.targets.rpoSeconds))} | ${(0,format/* formatDuration */.a3)(ms(record.rpo.ageSeconds))} | ${mark(record.rpo.met)} |`,
        '',
    ];
    if (record.note)
        lines.push(`Note: ${record.note}.`, '');
    if (record.missed.length > 0)
        lines.push(...record.missed.map((m) => `- ${m}`), '');
    return `${lines.join('\n')}\n`;
}

// EXTERNAL MODULE: ../verify/src/run.ts
var run = __webpack_require__(7341);
// EXTERNAL MODULE: ./src/commands/backup.ts + 7 modules
var backup = __webpack_require__(7507);
// EXTERNAL MODULE: ./src/commands/verify.ts
var verify = __webpack_require__(9064);
;// CONCATENATED MODULE: ./src/commands/drill.ts








const DEFAULT_RTO_MS = 2 * 3_600_000;
const DEFAULT_RPO_MS = 26 * 3_600_000;
const drill = {
    name: 'drill',
    usage: '--from <prefix> --scratch-uri <uri> [--older random|none|<backup-id>] [--rto <duration>] [--rpo <duration>] [options]',
    options: {
        from: {
            type: 'string',
            value: '<url>',
            description: 's3://bucket/prefix or file:///path of the backups (env BACKUP_DESTINATION)',
        },
        'scratch-uri': {
            type: 'string',
            value: '<uri>',
            description: 'the drill server: each backup is restored under fresh database names, dropped after (env SCRATCH_MONGODB_URI)',
        },
        older: {
            type: 'string',
            value: 'random|none|<backup-id>',
            description: 'the older backup restored besides the newest (default random, among those retained)',
        },
        rto: {
            type: 'string',
            value: '<duration>',
            description: 'recovery time objective: the longest one restore may take (default 2h)',
        },
        rpo: {
            type: 'string',
            value: '<duration>',
            description: 'recovery point objective: the oldest the newest backup may be (default 26h)',
        },
        record: { type: 'string', value: '<path>', description: 'write the drill record (JSON) to this file' },
        summary: {
            type: 'string',
            value: '<path>',
            description: 'append the drill table (Markdown) to this file, e.g. $GITHUB_STEP_SUMMARY',
        },
        'identity-file': {
            type: 'string',
            value: '<path>',
            description: 'age identity file that decrypts the backups (or the identity itself in env AGE_IDENTITY)',
        },
        parallelism: {
            type: 'string',
            value: '<n>',
            description: 'insert batches in flight, namespaces read back at once (default 4)',
        },
        timeout: {
            type: 'string',
            value: '<duration>',
            description: 'stop one restore after this long (default 6h)',
        },
        ...backup.S3_OPTIONS,
    },
    details: `
A restore drill: the newest complete backup and one older one (chosen at random among those retained,
so every retained backup gets proven over time) are each restored into the drill server and compared
with their manifest, as verify --mode full does. The drill measures
  RTO — each restore's time, fetch to verified — against --rto, and
  RPO — the newest backup's age when the drill starts — against --rpo,
and keeps one JSON record per drill (--record) so drills can be compared over time.
Exit code 0: every restore verified and both targets were met; 1: a target was missed (the record and
the table say which).

Example:
  SCRATCH_MONGODB_URI=mongodb://localhost:27017 shipkit drill --from s3://acme-backups/shop --rto 1h --rpo 26h --record drill.json`,
    async run(args, context) {
        const { inputs, options } = await (0,verify.archiveOptions)(args, context, {
            aliases: { 'scratch-uri': 'scratch-mongodb-uri' },
            envFallbacks: { 'scratch-mongodb-uri': 'SCRATCH_MONGODB_URI' },
        });
        const scratchUri = inputs.required('scratch-mongodb-uri');
        context.redactor.add(scratchUri);
        const source = inputs.required('from');
        const targets = {
            rtoMs: inputs.duration('rto', DEFAULT_RTO_MS),
            rpoMs: inputs.duration('rpo', DEFAULT_RPO_MS),
        };
        const older = parseOlderChoice(inputs.string('older'));
        const storage = (0,src_open/* openStorage */.G)(source, { s3: options.storage });
        let location;
        let candidates;
        try {
            location = storage.describe();
            candidates = await (0,catalog/* listBackups */.Cw)(storage);
        }
        finally {
            await storage.close();
        }
        const plan = planDrill(candidates, older, Math.random, location);
        const startedAt = new Date();
        const measured = [];
        for (const planned of plan.restores) {
            measured.push(await restoreOne(planned, { ...options, scratchUri, source }, context));
        }
        const record = assessDrill({
            source: location,
            startedAt,
            finishedAt: new Date(),
            targets,
            restores: measured,
            ...(plan.note ? { note: plan.note } : {}),
        });
        await keep(record, inputs.string('record'), inputs.string('summary'), context);
        if (context.json)
            context.stdout(`${JSON.stringify(record, null, 2)}\n`);
        else
            context.stdout(drillMarkdown(record));
        if (!record.passed)
            context.logger.error(`Restore drill missed its targets: ${record.missed.join(' ')}`);
        return record.passed ? 0 : 1;
    },
};
/** Restores one backup as verify --mode full does, timed; a restore that throws is a failed restore. */
async function restoreOne(planned, options, context) {
    const { source, ...rest } = options;
    context.logger.info(`Restoring the ${planned.role} backup ${planned.id} into the drill server…`);
    const started = Date.now();
    try {
        const outcome = await (0,run/* runVerifyRestore */.F)({ ...rest, mode: 'full', location: { source, backup: planned.id } }, { logger: context.logger, signal: context.signal });
        if (outcome.kind !== 'report')
            throw new Error('unreachable: a full verification returned a plan');
        const { report } = outcome;
        return {
            ...planned,
            verified: report.result === 'passed',
            durationMs: Date.now() - started,
            documents: report.totals.restoredDocuments ?? report.totals.documents,
            namespaces: report.totals.namespaces,
            problems: report.problems,
        };
    }
    catch (error) {
        if (context.signal.aborted)
            throw error;
        return {
            ...planned,
            verified: false,
            durationMs: Date.now() - started,
            documents: 0,
            namespaces: 0,
            problems: [(0,errors/* errorMessage */.g)(error)],
        };
    }
}
/** Writes the record and appends the table, with every secret the command read redacted. */
async function keep(record, recordPath, summaryPath, context) {
    if (recordPath) {
        await (0,promises_.writeFile)((0,external_node_path_.resolve)(context.cwd, recordPath), context.redactor.redact(`${JSON.stringify(record, null, 2)}\n`));
    }
    if (summaryPath) {
        await (0,promises_.appendFile)((0,external_node_path_.resolve)(context.cwd, summaryPath), context.redactor.redact(drillMarkdown(record)));
    }
}


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
/* harmony import */ var _shipkit_action_kit__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8691);
/* harmony import */ var _shipkit_mongo__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(8001);
/* harmony import */ var _shipkit_verify__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8342);
/* harmony import */ var _shipkit_verify__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1062);
/* harmony import */ var _shipkit_verify__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(7903);
/* harmony import */ var _shipkit_verify__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(7341);
/* harmony import */ var _inputs__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1601);
/* harmony import */ var _text__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(9071);
/* harmony import */ var _backup__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7507);








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
    ..._backup__WEBPACK_IMPORTED_MODULE_2__.S3_OPTIONS,
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
    const inputs = (0,_inputs__WEBPACK_IMPORTED_MODULE_3__/* .optionInputs */ .t)(args, context.env, {
        aliases: { ...extra.aliases },
        envFallbacks: { from: 'BACKUP_DESTINATION', ..._backup__WEBPACK_IMPORTED_MODULE_2__.STORAGE_ENV, ...extra.envFallbacks },
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
            throw new _shipkit_action_kit__WEBPACK_IMPORTED_MODULE_5__/* .UserError */ .y(`--identity-file ${file} cannot be read: ${error.message}`);
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
        const { headers, rows } = (0,_shipkit_verify__WEBPACK_IMPORTED_MODULE_6__/* .namespaceRows */ .nB)(report);
        context.stdout((0,_text__WEBPACK_IMPORTED_MODULE_7__/* .textTable */ .e)(headers, rows, [headers.indexOf('expected'), headers.indexOf('actual')]));
        context.stdout(`\n${(0,_shipkit_verify__WEBPACK_IMPORTED_MODULE_6__/* .headline */ .Pl)(report)}\n`);
        const outcomes = report.target?.namespaces;
        if (outcomes && report.result === 'passed')
            context.stdout(`${(0,_shipkit_mongo__WEBPACK_IMPORTED_MODULE_8__/* .describeOutcomes */ .vl)(outcomes)}\n`);
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
    context.logger.error((0,_shipkit_verify__WEBPACK_IMPORTED_MODULE_9__/* .failureMessage */ .o)(report));
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
        ..._backup__WEBPACK_IMPORTED_MODULE_2__.CONNECT_OPTIONS,
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
        const outcome = await (0,_shipkit_verify__WEBPACK_IMPORTED_MODULE_10__/* .runVerifyRestore */ .F)({ ...options, mode, ...(scratchUri ? { scratchUri } : {}) }, { logger: context.logger, signal: context.signal });
        if (outcome.kind !== 'report')
            throw new Error('unreachable: verification returned a plan');
        return printReport(outcome.report, args, context);
    },
};


/***/ }),

/***/ 1062:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jq: () => (/* binding */ leftoversLine),
/* harmony export */   Lq: () => (/* binding */ planRows),
/* harmony export */   Pl: () => (/* binding */ headline),
/* harmony export */   nB: () => (/* binding */ namespaceRows)
/* harmony export */ });
/* unused harmony exports reportMarkdown, planMarkdown */
/* harmony import */ var _shipkit_action_kit__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9423);
/* harmony import */ var _shipkit_archive__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9620);
/* harmony import */ var _shipkit_mongo__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3813);



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
        ns.expected.documents === undefined ? '–' : (0,_shipkit_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .formatCount */ .B4)(ns.expected.documents),
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
    return found === undefined ? '–' : (0,_shipkit_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .formatCount */ .B4)(found);
}
function headline(report) {
    const what = report.mode === 'restore' ? 'restore check' : `${report.mode} verification`;
    const subject = report.backupId ? `backup ${report.backupId}` : report.source;
    const documents = report.totals.restoredDocuments ?? report.totals.documents;
    return (`${what} of ${subject} ${report.result === 'passed' ? 'PASSED' : 'FAILED'}: ` +
        `${report.totals.namespaces} namespaces, ${(0,_shipkit_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .formatCount */ .B4)(documents)} documents, ` +
        `${(0,_shipkit_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .formatBytes */ .z3)(report.archive.storedBytes)} read in ${(0,_shipkit_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(report.durationMs)}`);
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
            (0,_shipkit_archive__WEBPACK_IMPORTED_MODULE_1__/* .namespaceName */ .dz)(n.source),
            (0,_shipkit_archive__WEBPACK_IMPORTED_MODULE_1__/* .namespaceName */ .dz)(n.target),
            n.type,
            (0,_shipkit_mongo__WEBPACK_IMPORTED_MODULE_2__/* .describeState */ .Jw)(n.existing),
            n.action,
        ]),
    };
}
function planMarkdown(plan) {
    const { headers, rows } = planRows(plan);
    return sections(table(headers, rows), plan.excluded.length > 0 && `Excluded: ${plan.excluded.join(', ')}`, plan.skipped.length > 0 &&
        `Never restored: ${plan.skipped.map((s) => `${s.namespace} (${s.reason})`).join(', ')}`, plan.leftovers.length > 0 && leftoversLine(plan), `Target databases: ${plan.targetDatabases.join(', ') || '(none)'}`);
}


/***/ }),

/***/ 7341:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ runVerifyRestore)
/* harmony export */ });
/* unused harmony export checkConfirmation */
/* harmony import */ var _shipkit_action_kit__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(432);
/* harmony import */ var _shipkit_action_kit__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8691);
/* harmony import */ var _shipkit_action_kit__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9579);
/* harmony import */ var _shipkit_mongo__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7158);
/* harmony import */ var _shipkit_storage__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6403);
/* harmony import */ var _check__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8270);
/* harmony import */ var _source__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8951);





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
 * Locates the backup, then verifies it (`integrity`, `full`) or restores it (`restore`) within the
 * timeout. Restore mode plans first: with a confirmation required and not matching, or in a dry run,
 * it returns the plan and writes nothing.
 */
async function runVerifyRestore(options, deps) {
    // One deadline for the run: storage requests, downloads and MongoDB commands are all bound to it.
    const deadline = new _shipkit_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .Deadline */ .B2({
        run: `${options.mode} run`,
        timeoutMs: options.timeoutMs,
        ...(deps.signal && { signal: deps.signal }),
    });
    try {
        return await deadline.bound(verifyOrRestore(options, deps, deadline));
    }
    finally {
        deadline.dispose();
    }
}
async function verifyOrRestore(options, deps, deadline) {
    const open = deps.openStorage ??
        ((url) => (0,_shipkit_storage__WEBPACK_IMPORTED_MODULE_1__/* .openStorage */ .G)(url, { s3: options.storage, logger: deps.logger, deadline }));
    const connectTo = deps.connect ??
        ((uri) => (0,_shipkit_mongo__WEBPACK_IMPORTED_MODULE_2__/* .connect */ .Ng)(uri, {
            appName: 'shipkit-verify',
            deadline,
            ...(options.connectTimeoutMs !== undefined && { timeoutMs: options.connectTimeoutMs }),
        }));
    const clients = [];
    const opened = [];
    const openTracked = (url) => {
        const storage = open(url);
        opened.push(storage);
        return storage;
    };
    try {
        const source = await (0,_source__WEBPACK_IMPORTED_MODULE_3__/* .locateBackup */ .T)(options.location, openTracked);
        for (const skipped of source.passedOver ?? []) {
            deps.logger.warn(`passed over damaged backup ${skipped.id}: ${skipped.damage.join('; ')}`);
        }
        if (options.mode === 'restore' && source.damage) {
            throw new _shipkit_action_kit__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .y(`Backup ${source.backupId} is damaged (${source.damage.join('; ')}): it is not restored. ` +
                '`shipkit verify` on it names every problem; restore another backup, or, knowing the risk, ' +
                'restore its archive with stock mongorestore (docs/RECOVERY.md, "With stock tools only").');
        }
        deps.logger.info(`reading ${source.url}${source.backupId ? ` (backup ${source.backupId})` : ''}`);
        const progress = new _shipkit_action_kit__WEBPACK_IMPORTED_MODULE_5__/* .ProgressReporter */ .P({
            label: options.mode === 'restore' ? 'restore' : `verify (${options.mode})`,
            ...(source.manifest ? { totalBytes: source.manifest.totals.bytes } : {}),
            log: (line) => deps.logger.info(line),
            intervalMs: deps.progressIntervalMs ?? 10_000,
        });
        const common = {
            ...(options.identity ? { identity: options.identity } : {}),
            identityInput: options.identityInput,
            parallelism: options.parallelism,
            ...(options.record === undefined ? {} : { record: options.record }),
        };
        const checkDeps = {
            logger: deps.logger,
            signal: deadline.signal,
            progress,
            ...(deps.now ? { now: deps.now } : {}),
        };
        if (options.mode !== 'restore') {
            let scratch;
            if (options.mode === 'full') {
                if (!options.scratchUri) {
                    throw new _shipkit_action_kit__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .y("Mode 'full' restores into a scratch server: give 'scratch-mongodb-uri'.");
                }
                const client = await connectTo(options.scratchUri);
                clients.push(client);
                scratch = client;
            }
            const report = await (0,_check__WEBPACK_IMPORTED_MODULE_6__/* .verifyBackup */ .gu)(source, { ...common, mode: options.mode, renames: options.renames }, { ...checkDeps, ...(scratch ? { scratch } : {}) });
            progress.done();
            return { kind: 'report', source, report };
        }
        if (!options.targetUri)
            throw new _shipkit_action_kit__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .y("Mode 'restore' needs the target server: give 'target-mongodb-uri'.");
        const target = await connectTo(options.targetUri);
        clients.push(target);
        const selection = { renames: options.renames, include: options.include, exclude: options.exclude };
        const plan = await (0,_check__WEBPACK_IMPORTED_MODULE_6__/* .planBackupRestore */ .mD)(source, { ...common, ...selection, drop: options.drop }, target);
        const confirmation = options.requireConfirmation ? checkConfirmation(plan, options.confirm) : undefined;
        if (options.dryRun || (confirmation && !confirmation.matches))
            return { kind: 'plan', source, plan, confirmation };
        const report = await (0,_check__WEBPACK_IMPORTED_MODULE_6__/* .restoreBackup */ .dH)(source, {
            ...common,
            ...selection,
            drop: options.drop,
            ...(options.readBack === false ? { readBack: false } : {}),
        }, target, checkDeps);
        progress.done();
        return { kind: 'report', source, report };
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
}


/***/ })

};
