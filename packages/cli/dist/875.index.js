export const id = 875;
export const ids = [875,712];
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
// EXTERNAL MODULE: ../backup/src/options.ts
var options = __webpack_require__(3453);
// EXTERNAL MODULE: ../backup/src/catalog.ts
var catalog = __webpack_require__(3384);
// EXTERNAL MODULE: ../notify/src/options.ts
var src_options = __webpack_require__(6034);
// EXTERNAL MODULE: ../notify/src/outcomes.ts
var outcomes = __webpack_require__(3403);
// EXTERNAL MODULE: ../runtime/src/options/row.ts
var row = __webpack_require__(3832);
// EXTERNAL MODULE: ../runtime/src/options/rows.ts
var rows = __webpack_require__(8463);
// EXTERNAL MODULE: ../runtime/src/exit.ts
var exit = __webpack_require__(601);
// EXTERNAL MODULE: ../runtime/src/errors.ts
var errors = __webpack_require__(3422);
// EXTERNAL MODULE: ../storage/src/options.ts
var storage_src_options = __webpack_require__(2914);
// EXTERNAL MODULE: ../storage/src/open.ts + 1 modules
var src_open = __webpack_require__(6403);
// EXTERNAL MODULE: ../verify/src/options.ts
var verify_src_options = __webpack_require__(8342);
// EXTERNAL MODULE: ../backup/src/layout.ts
var layout = __webpack_require__(9053);
// EXTERNAL MODULE: ../runtime/src/options/errors.ts
var options_errors = __webpack_require__(673);
// EXTERNAL MODULE: ../runtime/src/format.ts
var format = __webpack_require__(770);
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
function parseOlderChoice(value) {
    const text = (value ?? 'random').trim();
    if (text === '' || text === 'random')
        return { kind: 'random' };
    if (text === 'none')
        return { kind: 'none' };
    if (!(0,layout/* isBackupId */["if"])(text)) {
        throw new options_errors/* InvalidValue */.h6(`must be random, none or a backup id such as 2026-11-25T031700Z-1a2b3c; got '${text}'.`);
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
        return { restores, note: 'no older backup was asked for' };
    if (older.kind === 'id') {
        if (older.id === newest.id) {
            throw new options_errors/* OptionError */.eR('older', `names ${older.id}, the newest backup, which the drill restores anyway: name an older one.`);
        }
        const chosen = rest.find((c) => c.id === older.id);
        if (!chosen) {
            throw new options_errors/* OptionError */.eR('older', `names ${older.id}, which is not a complete backup at ${location}; complete backups: ${complete.map((c) => c.id).join(', ')}.`);
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
/** What a notification says about a drill (`drillEvent` of `@shipkit/notify` turns it into the event). */
function drillFacts(record) {
    const ms = (seconds) => seconds * 1000;
    const restores = record.restores.length;
    return {
        passed: record.passed,
        source: record.source,
        ...(record.rpo.backupId ? { backupId: record.rpo.backupId } : {}),
        documents: record.restores.reduce((sum, r) => sum + r.documents, 0),
        durationMs: Date.parse(record.finishedAt) - Date.parse(record.startedAt),
        missed: record.missed,
        measured: `${restores} restore${restores === 1 ? '' : 's'}, slowest ${(0,format/* formatDuration */.a3)(ms(record.rto.worstSeconds))} ` +
            `(RTO ${(0,format/* formatDuration */.a3)(ms(record.targets.rtoSeconds))}); newest backup ${(0,format/* formatDuration */.a3)(ms(record.rpo.ageSeconds))} old ` +
            `(RPO ${(0,format/* formatDuration */.a3)(ms(record.targets.rpoSeconds))})`,
    };
}
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
// EXTERNAL MODULE: ./src/command.ts
var command = __webpack_require__(483);
// EXTERNAL MODULE: ./src/notify.ts + 3 modules
var notify = __webpack_require__(8139);
// EXTERNAL MODULE: ./src/commands/catalog.ts + 1 modules
var commands_catalog = __webpack_require__(634);
// EXTERNAL MODULE: ./src/commands/verify.ts + 1 modules
var verify = __webpack_require__(8712);
;// CONCATENATED MODULE: ./src/commands/drill.ts











const DRILL_OPTIONS = {
    from: { ...commands_catalog.AT, flag: 'from', description: 'Where the backups are: s3://bucket/prefix or file:///path.' },
    'scratch-mongodb-uri': {
        ...verify_src_options/* SCRATCH_URI */.In,
        description: 'The drill server: each backup is restored under fresh database names, dropped after. Secret: masked in every form.',
        required: true,
    },
    older: (0,row/* customRow */.Kl)(parseOlderChoice, {
        description: 'The older backup restored besides the newest: random (among those retained), none, or a backup id.',
        default: 'random',
        placeholder: 'random|none|<backup-id>',
    }),
    rto: (0,row/* durationRow */.re)({
        description: 'Recovery time objective: the longest one restore may take.',
        default: '2h',
    }),
    rpo: (0,row/* durationRow */.re)({
        description: 'Recovery point objective: the oldest the newest backup may be.',
        default: '26h',
    }),
    record: (0,row/* textRow */.yL)({ description: 'Write the drill record (JSON) to this file.', placeholder: '<path>' }),
    summary: (0,row/* textRow */.yL)({
        description: 'Append the drill table (Markdown) to this file, e.g. $GITHUB_STEP_SUMMARY.',
        placeholder: '<path>',
    }),
    'identity-file': verify.IDENTITY_FILE,
    'decrypt-identity': options/* DECRYPT_IDENTITY */.F_,
    parallelism: verify_src_options/* RESTORE_PARALLELISM */.gt,
    'parallel-parts': verify_src_options/* PARALLEL_PARTS */.xh,
    timeout: (0,rows/* timeoutRow */.o5)('6h', 'Stop one restore after this long, e.g. 90m or 6h.'),
    ...storage_src_options/* S3_ROWS */.x,
    ...src_options/* NOTIFY_ROWS */.a,
};
const drill = (0,command/* command */.G)({
    name: 'drill',
    usage: '--from <prefix> --scratch-uri <uri> [--older random|none|<backup-id>] [--rto <duration>] [--rpo <duration>] [options]',
    options: DRILL_OPTIONS,
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
    async run({ options }, context) {
        const started = Date.now();
        return (0,notify/* reporting */.v)(options, context, (error) => (0,outcomes/* failedEvent */.uG)('drill.failed', error, new Date(), {
            destination: options.from,
            durationMs: Date.now() - started,
        }), async () => {
            const record = await runDrill(options, context);
            return {
                code: record.passed ? exit/* EXIT */.dc.ok : exit/* EXIT */.dc.failed,
                event: (0,outcomes/* drillEvent */.ij)(drillFacts(record), new Date()),
            };
        });
    },
});
/** Restores the planned backups one after the other, assesses the drill and keeps its record. */
async function runDrill(options, context) {
    const source = options.from;
    const storageOptions = (0,storage_src_options/* s3Options */.h)(options, context.env);
    const storage = (0,src_open/* openStorage */.G)(source, { s3: storageOptions });
    let location;
    let candidates;
    try {
        location = storage.describe();
        candidates = await (0,catalog/* listBackups */.Cw)(storage);
    }
    finally {
        await storage.close();
    }
    const plan = planDrill(candidates, options.older, context.random, location);
    const run = {
        ...(await (0,verify.readIdentity)(options, context)),
        mode: 'full',
        renames: [],
        scratchUri: options['scratch-mongodb-uri'],
        parallelism: options.parallelism,
        parallelParts: options['parallel-parts'],
        timeoutMs: options.timeout,
        storage: storageOptions,
    };
    const startedAt = new Date();
    const measured = [];
    for (const planned of plan.restores) {
        measured.push(await restoreOne(planned, { ...run, location: { source, backup: planned.id } }, context));
    }
    const record = assessDrill({
        source: location,
        startedAt,
        finishedAt: new Date(),
        targets: { rtoMs: options.rto, rpoMs: options.rpo },
        restores: measured,
        ...(plan.note ? { note: plan.note } : {}),
    });
    await keep(record, options.record, options.summary, context);
    if (context.json)
        context.stdout(`${JSON.stringify(record, null, 2)}\n`);
    else
        context.stdout(drillMarkdown(record));
    if (!record.passed)
        context.logger.error(`Restore drill missed its targets: ${record.missed.join(' ')}`);
    return record;
}
/** Restores one backup as verify --mode full does, timed; a restore that throws is a failed restore. */
async function restoreOne(planned, options, context) {
    context.logger.info(`Restoring the ${planned.role} backup ${planned.id} into the drill server…`);
    const started = Date.now();
    try {
        const { report } = await (0,run/* runVerify */.R9)(options, { logger: context.logger, signal: context.signal });
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
