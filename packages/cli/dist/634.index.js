export const id = 634;
export const ids = [634];
export const modules = {

/***/ 3074:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ guardAgainstCollapse),
/* harmony export */   q: () => (/* binding */ acknowledgeAnomaly)
/* harmony export */ });
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3422);
/* harmony import */ var _anomaly__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4678);
/* harmony import */ var _catalog__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3384);



/**
 * The anomaly guard's one step in a backup, between building the manifest and committing it: compare
 * with the newest complete backup of the same selection at the destination and, when the data
 * collapsed, return the anomaly for the manifest to record. Being in the manifest, the anomaly is
 * committed with the backup or not at all. A catalogue that cannot be read is a warning: the backup
 * itself must not fail for it.
 */
async function guardAgainstCollapse(storage, manifest, options) {
    if (options.dropPercent <= 0)
        return undefined;
    let previous;
    try {
        const entries = await (0,_catalog__WEBPACK_IMPORTED_MODULE_0__/* .listBackups */ .Cw)(storage);
        previous = entries.find((e) => e.complete && e.id < manifest.backupId && e.manifest && (0,_anomaly__WEBPACK_IMPORTED_MODULE_1__/* .isSameSource */ .E6)(e.manifest, manifest))?.manifest;
    }
    catch (error) {
        options.logger.warn(`could not compare with the previous backup: ${(0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .g)(error)}`);
        return undefined;
    }
    if (!previous)
        return undefined;
    const found = (0,_anomaly__WEBPACK_IMPORTED_MODULE_1__/* .findAnomaly */ .Ho)(previous, manifest, options.dropPercent);
    if (!found)
        return undefined;
    const anomaly = options.accept ? { ...found, acceptedAt: options.now.toISOString() } : found;
    const words = (0,_anomaly__WEBPACK_IMPORTED_MODULE_1__/* .describeAnomaly */ .Ng)(anomaly);
    if (options.accept)
        options.logger.warn(`anomaly accepted (accept-anomaly): ${words}`);
    else
        options.logger.error(`anomaly: the data collapsed: ${words}`);
    return anomaly;
}
/**
 * Records that a backup's collapse was intended (`<backup-id>/anomaly-ack.json`), so retention goes
 * back to its rules. The record names the manifest's SHA-256, so it belongs to this backup as it is.
 */
async function acknowledgeAnomaly(storage, backupId, options) {
    const { entry } = await (0,_catalog__WEBPACK_IMPORTED_MODULE_0__/* .resolveBackup */ .p2)(storage, backupId);
    if (entry.state === 'damaged') {
        throw new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .y(`Backup ${backupId} is damaged (${entry.damage.join('; ')}); there is nothing to acknowledge.`);
    }
    if (!entry.anomaly || !entry.manifestSha256) {
        throw new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .y(`Backup ${backupId} records no anomaly: its data did not collapse, there is nothing to acknowledge.`);
    }
    if (entry.anomalyAcknowledgedAt) {
        return { backupId, anomaly: entry.anomaly, acknowledgedAt: entry.anomalyAcknowledgedAt, already: true };
    }
    const record = {
        formatVersion: 1,
        backupId,
        acknowledgedAt: options.now.toISOString(),
        manifestSha256: entry.manifestSha256,
        ...(options.note ? { note: options.note } : {}),
    };
    await storage.put(`${backupId}/${_anomaly__WEBPACK_IMPORTED_MODULE_1__/* .ANOMALY_ACK_NAME */ .Qm}`, Buffer.from(`${JSON.stringify(record, null, 2)}\n`), {
        contentType: 'application/json',
    });
    return { backupId, anomaly: entry.anomaly, acknowledgedAt: record.acknowledgedAt, already: false };
}


/***/ }),

/***/ 3931:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  R: () => (/* binding */ prune)
});

;// CONCATENATED MODULE: ../retention/src/periods.ts
/** Calendar periods in UTC, so daylight-saving changes and the runner's time zone never move a boundary. */
const DAY_MS = 86_400_000;
function pad(value, width = 2) {
    return String(value).padStart(width, '0');
}
/** ISO 8601 week: weeks run Monday to Sunday and belong to the year that holds their Thursday. */
function isoWeek(time) {
    const midnight = Date.UTC(time.getUTCFullYear(), time.getUTCMonth(), time.getUTCDate());
    const daysSinceMonday = (time.getUTCDay() + 6) % 7;
    const thursday = new Date(midnight + (3 - daysSinceMonday) * DAY_MS);
    const year = thursday.getUTCFullYear();
    const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS));
    return { year, week };
}
/** A label naming the period that holds `time`; two times share a period exactly when their labels are equal. */
function periodLabel(rule, time) {
    const year = pad(time.getUTCFullYear(), 4);
    const month = pad(time.getUTCMonth() + 1);
    const day = pad(time.getUTCDate());
    switch (rule) {
        case 'hourly':
            return `${year}-${month}-${day}T${pad(time.getUTCHours())}Z`;
        case 'daily':
            return `${year}-${month}-${day}`;
        case 'weekly': {
            const { year: weekYear, week } = isoWeek(time);
            return `${pad(weekYear, 4)}-W${pad(week)}`;
        }
        case 'monthly':
            return `${year}-${month}`;
        case 'yearly':
            return year;
    }
}

// EXTERNAL MODULE: ../retention/src/policy.ts
var src_policy = __webpack_require__(7337);
;// CONCATENATED MODULE: ../retention/src/plan.ts


/** Oldest first; ties broken by id so no plan depends on input order. Unreadable times sort first. */
function oldestFirst(a, b) {
    const timeA = timeKey(a);
    const timeB = timeKey(b);
    if (timeA !== timeB)
        return timeA < timeB ? -1 : 1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
function newestFirst(a, b) {
    return oldestFirst(b, a);
}
function timeKey(backup) {
    const time = backup.time.getTime();
    return Number.isFinite(time) ? time : Number.NEGATIVE_INFINITY;
}
function hasValidTime(backup) {
    return Number.isFinite(backup.time.getTime());
}
function assertUniqueIds(backups) {
    const seen = new Set();
    for (const { id } of backups) {
        if (seen.has(id))
            throw new Error(`planRetention: backup id "${id}" appears twice`);
        seen.add(id);
    }
}
/**
 * restic-style retention over complete backups. For each count rule, walk the backups newest first
 * and keep the newest backup of each of the last n periods that hold one (`last` treats every backup
 * as its own period). A rule that runs out of backups before reaching n also keeps the oldest backup,
 * so a young history is never thinned from its far end. Rules are OR-ed.
 *
 * Whatever the rules say — and whoever calls (CLI, action, workflow) — the newest complete backup and
 * the newest verified backup are kept: the good copy is never lost to a keep rule. So is the newest
 * backup from before each unacknowledged anomaly (the last one that may hold what vanished). So are pinned
 * backups, backups dated after `now` (a clock we cannot trust) and backups without a readable time.
 * Damaged backups are listed apart and never removed here.
 */
function planRetention(backups, policy, now) {
    assertUniqueIds(backups);
    const complete = backups.filter((backup) => backup.complete && !backup.damaged).sort(newestFirst);
    const incomplete = backups
        .filter((backup) => !backup.complete && !backup.damaged)
        .sort(newestFirst)
        .map(({ id, time }) => ({ id, time }));
    const damaged = backups
        .filter((backup) => backup.damaged)
        .sort(newestFirst)
        .map(({ id, time, damaged: reason }) => ({ id, time, reason: reason }));
    const reasons = new Map(complete.map((backup) => [backup.id, []]));
    const keepFor = (backup, reason) => reasons.get(backup.id)?.push(reason);
    const rules = (0,src_policy/* activeRules */.IW)(policy);
    if (rules.length === 0) {
        for (const backup of complete)
            keepFor(backup, 'no retention rules');
    }
    const dated = complete.filter(hasValidTime);
    for (const [rule, count] of rules)
        applyRule(rule, count, dated, keepFor);
    const newestComplete = dated[0];
    if (newestComplete)
        keepFor(newestComplete, 'newest complete');
    const newestVerified = dated.find((backup) => backup.verified);
    if (newestVerified)
        keepFor(newestVerified, 'newest verified');
    for (const [index, backup] of dated.entries()) {
        const before = dated[index + 1];
        if (backup.openAnomaly && before)
            keepFor(before, `before the anomaly in ${backup.id}`);
    }
    for (const backup of complete) {
        if (backup.pinned)
            keepFor(backup, 'pinned');
        if (!hasValidTime(backup))
            keepFor(backup, 'time unknown');
        else if (backup.time.getTime() > now.getTime())
            keepFor(backup, 'dated after now');
    }
    const plan = { keep: [], remove: [], incomplete, damaged };
    for (const { id, time } of complete) {
        const why = reasons.get(id) ?? [];
        if (why.length > 0)
            plan.keep.push({ id, time, reasons: why });
        else
            plan.remove.push({ id, time });
    }
    return plan;
}
function applyRule(rule, count, newestFirstBackups, keepFor) {
    let remaining = count;
    let previousPeriod;
    const keptByRule = new Set();
    for (const backup of newestFirstBackups) {
        if (remaining <= 0)
            break;
        const period = rule === 'last' ? undefined : periodLabel(rule, backup.time);
        if (rule !== 'last' && period === previousPeriod)
            continue;
        previousPeriod = period;
        keepFor(backup, rule === 'last' ? `last ${count - remaining + 1}` : `${rule} ${period}`);
        keptByRule.add(backup.id);
        remaining -= 1;
    }
    const oldest = newestFirstBackups.at(-1);
    if (remaining > 0 && oldest && !keptByRule.has(oldest.id)) {
        keepFor(oldest, `oldest (${rule} rule not filled)`);
    }
}
/**
 * Which incomplete backups (data with no manifest) to delete: those older than `graceMs`, so a run
 * still uploading is left alone. Backups dated after `now` or with no readable time are kept.
 */
function planSweep(incomplete, graceMs, now) {
    if (!Number.isFinite(graceMs) || graceMs < 0) {
        throw new RangeError(`planSweep: graceMs must be a finite number ≥ 0, got ${graceMs}`);
    }
    const plan = { remove: [], keep: [] };
    for (const { id, time } of [...incomplete].sort(oldestFirst)) {
        const ageMs = now.getTime() - time.getTime();
        if (!Number.isFinite(ageMs))
            plan.keep.push({ id, time, reason: 'time unknown' });
        else if (ageMs < 0)
            plan.keep.push({ id, time, reason: 'dated after now' });
        else if (ageMs < graceMs)
            plan.keep.push({ id, time, reason: 'younger than the grace period; may still be uploading' });
        else
            plan.remove.push({ id, time, ageMs });
    }
    return plan;
}

// EXTERNAL MODULE: ../storage/src/errors.ts
var errors = __webpack_require__(1909);
// EXTERNAL MODULE: ../backup/src/catalog.ts
var catalog = __webpack_require__(3384);
// EXTERNAL MODULE: ../backup/src/layout.ts
var layout = __webpack_require__(9053);
;// CONCATENATED MODULE: ../backup/src/prune.ts




/**
 * Applies a retention policy to the backups the catalogue finds complete, then sweeps incomplete ones
 * past the grace period and aborts orphaned multipart uploads. Damaged backups are kept and reported
 * unless `deleteDamaged` is set. A backup is deleted manifest first, so an interrupted prune leaves an
 * incomplete folder (swept later), never a manifest pointing at missing data.
 */
async function prune(storage, options) {
    const { logger, now } = options;
    const dryRun = options.dryRun ?? false;
    const entries = await (0,catalog/* listBackups */.Cw)(storage);
    const plan = planRetention(entries.map((e) => ({
        id: e.id,
        time: e.time,
        complete: e.complete,
        verified: e.verified,
        openAnomaly: e.openAnomaly,
        ...(e.state === 'damaged' ? { damaged: e.damage.join('; ') } : {}),
    })), options.policy, now);
    const result = {
        kept: plan.keep.map((k) => ({ id: k.id, reasons: [...k.reasons] })),
        removed: [],
        retainedByLock: [],
        swept: [],
        damaged: [],
        abortedUploads: 0,
        dryRun,
    };
    /** Deletes one backup (unless a dry run); false when Object Lock retains it. */
    const remove = async (id) => {
        if (dryRun)
            return true;
        try {
            await deleteBackup(storage, id);
            return true;
        }
        catch (error) {
            if (!(error instanceof errors/* RetainedByLockError */.j0))
                throw error;
            logger.warn(`${id} is retained by an object lock; left in place`);
            result.retainedByLock.push(id);
            return false;
        }
    };
    for (const { id } of plan.remove) {
        if (!(await remove(id)))
            continue;
        logger.info(`${dryRun ? 'would remove' : 'removed'} ${id}`);
        result.removed.push(id);
    }
    for (const { id, reason } of plan.damaged) {
        if (!options.deleteDamaged) {
            logger.warn(`${id} is damaged and was kept (delete it with --delete-damaged): ${reason}`);
            result.damaged.push({ id, reason, deleted: false });
        }
        else if (await remove(id)) {
            logger.warn(`${dryRun ? 'would delete' : 'deleted'} damaged ${id}: ${reason}`);
            result.damaged.push({ id, reason, deleted: true });
        }
    }
    const grace = options.incompleteGraceMs ?? 24 * 3_600_000;
    const sweep = planSweep(entries.filter((e) => e.state === 'incomplete').map((e) => ({ id: e.id, time: e.time })), grace, now);
    for (const { id } of sweep.remove) {
        if (!(await remove(id)))
            continue;
        logger.info(`${dryRun ? 'would sweep' : 'swept'} incomplete ${id}`);
        result.swept.push(id);
    }
    for await (const upload of storage.listIncompleteUploads()) {
        // An upload of unknown age may belong to a backup running right now: leave it.
        if (!upload.initiated || now.getTime() - upload.initiated.getTime() < grace)
            continue;
        if (!dryRun)
            await storage.abortUpload(upload);
        result.abortedUploads += 1;
    }
    return result;
}
/**
 * Deletes the manifest first (from then on the backup does not exist), then whatever the folder holds
 * now — listed again, so a verification record written meanwhile goes too rather than staying behind.
 */
async function deleteBackup(storage, id) {
    await storage.delete(`${id}/${layout/* MANIFEST_NAME */.ir}`);
    const rest = [];
    for await (const object of storage.list(`${id}/`))
        rest.push(object.key);
    for (const key of rest)
        await storage.delete(key);
}


/***/ }),

/***/ 634:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  AT: () => (/* binding */ AT),
  ackAnomaly: () => (/* binding */ ackAnomaly),
  inspect: () => (/* binding */ inspect),
  list: () => (/* binding */ list),
  onStorage: () => (/* binding */ onStorage),
  prune: () => (/* binding */ catalog_prune),
  splitBackupUrl: () => (/* binding */ splitBackupUrl)
});

// EXTERNAL MODULE: ../backup/src/options.ts
var options = __webpack_require__(3453);
// EXTERNAL MODULE: ../backup/src/anomaly.ts
var anomaly = __webpack_require__(4678);
// EXTERNAL MODULE: ../backup/src/catalog.ts
var catalog = __webpack_require__(3384);
// EXTERNAL MODULE: ../../node_modules/zod/v4/classic/schemas.js + 6 modules
var schemas = __webpack_require__(7821);
// EXTERNAL MODULE: ../../node_modules/zod/v4/classic/iso.js
var iso = __webpack_require__(3477);
// EXTERNAL MODULE: ../backup/src/manifest.ts
var src_manifest = __webpack_require__(8410);
// EXTERNAL MODULE: ../backup/src/verification.ts
var verification = __webpack_require__(8860);
;// CONCATENATED MODULE: ../backup/src/catalog-json.ts




/**
 * The JSON `shipkit list --json` and `shipkit inspect --json` print, as schemas: published in
 * docs/schema/ (`npm run schema -w packages/backup`) so scripts reading them know every state.
 */
const verificationJson = schemas/* object */.Ikc({
    name: schemas/* string */.YjP().meta({ description: "The record's file name in the backup's folder." }),
    formatVersion: schemas/* union */.KCZ([schemas/* literal */.euz(1), schemas/* literal */.euz(2)]),
    mode: schemas/* enum */.k5n(verification/* VERIFY_MODES */.v4),
    scope: schemas/* enum */.k5n(['all', 'partial']).meta({
        description: 'all: every namespace was checked; partial: a selection (a filtered restore).',
    }),
    verifiedAt: iso/* datetime */.w$(),
    namespaces: schemas/* number */.aig().int().nonnegative(),
    documents: schemas/* number */.aig().int().nonnegative(),
    counts: schemas/* boolean */.zMY().meta({ description: 'This record proves the whole backup verified.' }),
    note: schemas/* string */.YjP().optional().meta({ description: 'Why it does not count, when it does not.' }),
})
    .strict();
const backupJsonSchema = schemas/* object */.Ikc({
    id: schemas/* string */.YjP(),
    time: iso/* datetime */.w$().meta({ description: 'When the backup started (from its id).' }),
    state: schemas/* enum */.k5n(['verified', 'complete', 'damaged', 'incomplete']).meta({
        description: 'verified: complete, and a verification record proves every namespace passed against this archive. ' +
            'complete: manifest.json parses, validates, names this folder, and the archive is there at its size. ' +
            'damaged: it has a manifest, but the manifest or a verification record fails those checks (see damage); ' +
            'never counted, never chosen by latest, never pruned unless asked. ' +
            'incomplete: no manifest — a run that failed or is still running.',
    }),
    complete: schemas/* boolean */.zMY().meta({ description: 'state is complete or verified.' }),
    verified: schemas/* boolean */.zMY().meta({ description: 'state is verified.' }),
    damage: schemas/* array */.YOg(schemas/* string */.YjP()).meta({ description: 'Why the backup is damaged; empty unless it is.' }),
    verification: verificationJson.optional().meta({
        description: 'The strongest passing verification of the whole backup (full or restore over integrity; the newest of equals).',
    }),
    anomaly: anomaly/* anomalySchema */.XP.optional().meta({
        description: 'The collapse of the data since the previous backup that the manifest records: namespaces gone or shrunk beyond the threshold.',
    }),
    anomalyAcknowledgedAt: iso/* datetime */.w$().optional().meta({
        description: 'When the anomaly was acknowledged (accept-anomaly, or ack-anomaly); absent while it is open.',
    }),
    openAnomaly: schemas/* boolean */.zMY().optional().meta({
        description: 'An anomaly nobody acknowledged yet: retention keeps the newest backup from before it.',
    }),
    bytes: schemas/* number */.aig().int().nonnegative().meta({ description: 'Bytes stored in the folder.' }),
    namespaces: schemas/* number */.aig().int().nonnegative().optional(),
    documents: schemas/* number */.aig().int().nonnegative().optional(),
    compression: schemas/* enum */.k5n(['zstd', 'gzip', 'none']).optional(),
    encrypted: schemas/* boolean */.zMY().optional(),
    /** How many parts a multi-part backup has; absent for a backup written in one piece. */
    parts: schemas/* number */.aig().int().positive().optional(),
})
    .strict();
const listJsonSchema = schemas/* object */.Ikc({
    location: schemas/* string */.YjP(),
    backups: schemas/* array */.YOg(backupJsonSchema).meta({ description: 'Newest first.' }),
})
    .strict();
const inspectJsonSchema = backupJsonSchema
    .extend({
    verifications: schemas/* array */.YOg(verificationJson).meta({
        description: 'Every sound verification record of the backup, counted or not.',
    }),
    manifest: src_manifest/* manifestSchema */.rc.nullable().meta({ description: 'null when it is missing or unreadable.' }),
})
    .strict();
/** One catalogue entry as `list --json` prints it. */
function backupJson(entry) {
    const { manifest } = entry;
    return {
        id: entry.id,
        time: entry.time.toISOString(),
        state: entry.state,
        complete: entry.complete,
        verified: entry.verified,
        damage: entry.damage,
        ...(entry.verification ? { verification: entry.verification } : {}),
        ...(entry.anomaly
            ? {
                anomaly: entry.anomaly,
                ...(entry.anomalyAcknowledgedAt ? { anomalyAcknowledgedAt: entry.anomalyAcknowledgedAt } : {}),
                openAnomaly: entry.openAnomaly,
            }
            : {}),
        bytes: entry.bytes,
        ...(manifest
            ? {
                namespaces: manifest.totals.namespaces,
                documents: manifest.totals.documents,
                compression: (0,src_manifest/* archiveEncoding */.mE)(manifest).compression,
                encrypted: (0,src_manifest/* archiveEncoding */.mE)(manifest).recipients.length > 0,
                ...(manifest.parts ? { parts: manifest.parts.archives.length } : {}),
            }
            : {}),
    };
}
/** One catalogue entry as `inspect --json` prints it. */
function inspectJson(entry) {
    return { ...backupJson(entry), verifications: entry.verifications, manifest: entry.manifest ?? null };
}
function catalogJsonSchemas() {
    return {
        list: z.toJSONSchema(listJsonSchema, { target: 'draft-2020-12' }),
        inspect: z.toJSONSchema(inspectJsonSchema, { target: 'draft-2020-12' }),
    };
}

// EXTERNAL MODULE: ../backup/src/layout.ts
var layout = __webpack_require__(9053);
// EXTERNAL MODULE: ../backup/src/prune.ts + 2 modules
var prune = __webpack_require__(3931);
// EXTERNAL MODULE: ../backup/src/guard.ts
var guard = __webpack_require__(3074);
// EXTERNAL MODULE: ../retention/src/policy.ts
var src_policy = __webpack_require__(7337);
// EXTERNAL MODULE: ../runtime/src/deadline.ts
var src_deadline = __webpack_require__(3181);
// EXTERNAL MODULE: ../runtime/src/options/rows.ts
var rows = __webpack_require__(8463);
// EXTERNAL MODULE: ../runtime/src/exit.ts
var exit = __webpack_require__(601);
// EXTERNAL MODULE: ../runtime/src/format.ts
var format = __webpack_require__(770);
// EXTERNAL MODULE: ../runtime/src/options/errors.ts
var errors = __webpack_require__(673);
// EXTERNAL MODULE: ../runtime/src/options/text.ts
var options_text = __webpack_require__(5981);
// EXTERNAL MODULE: ../runtime/src/errors.ts
var src_errors = __webpack_require__(3422);
// EXTERNAL MODULE: ../runtime/src/options/row.ts
var row = __webpack_require__(3832);
// EXTERNAL MODULE: ../storage/src/open.ts + 1 modules
var src_open = __webpack_require__(6403);
// EXTERNAL MODULE: ../storage/src/options.ts
var src_options = __webpack_require__(2914);
// EXTERNAL MODULE: ../verify/src/options.ts
var verify_src_options = __webpack_require__(8342);
// EXTERNAL MODULE: ./src/command.ts
var command = __webpack_require__(483);
// EXTERNAL MODULE: ./src/text.ts
var src_text = __webpack_require__(9071);
;// CONCATENATED MODULE: ./src/commands/catalog.ts







/** Where the backups a command looks at are: `--at`, or BACKUP_DESTINATION. */
const AT = {
    ...options/* DESTINATION */.tp,
    description: 'Where the backups are: s3://bucket/prefix or file:///path.',
    flag: 'at',
};
/**
 * Runs `work` on the storage at `url` within `timeoutMs` and the user's Ctrl-C: every request is
 * bound to that deadline, so a store that stops answering fails the command, naming what did not answer.
 */
async function onStorage(url, options, context, { run }, work) {
    const deadline = new src_deadline/* Deadline */.B2({ run, timeoutMs: options.timeout, signal: context.signal });
    const storage = (0,src_open/* openStorage */.G)(url, { s3: (0,src_options/* s3Options */.h)(options, context.env), logger: context.logger, deadline });
    try {
        return await deadline.bound(work(storage));
    }
    catch (error) {
        throw deadline.reason ?? error;
    }
    finally {
        deadline.dispose();
        await storage.close();
    }
}
/** The state as `list` shows it: alarms in capitals; an anomaly after it. */
function stateWord(entry) {
    const state = entry.state === 'damaged' || entry.state === 'incomplete' ? entry.state.toUpperCase() : entry.state;
    if (!entry.anomaly)
        return state;
    return `${state}, ${entry.openAnomaly ? 'ANOMALY' : 'anomaly (acknowledged)'}`;
}
/** What `list` and `inspect` say of an anomaly. */
function anomalyLines(entry) {
    if (!entry.anomaly)
        return '';
    const status = entry.openAnomaly
        ? `open: retention keeps the backup from before it until \`shipkit ack-anomaly --at <url> ${entry.id}\``
        : `acknowledged ${entry.anomalyAcknowledgedAt}`;
    return `${(0,anomaly/* describeAnomaly */.Ng)(entry.anomaly)}; ${status}`;
}
/** "full, 2026-11-25T03:20:11Z" */
function verificationWords(summary) {
    return summary ? `${summary.mode}, ${summary.verifiedAt.replace(/\.\d+Z$/, 'Z')}` : '';
}
/** The bound on a command that only reads or tidies the storage. */
function storageTimeout(defaultText) {
    return (0,rows/* timeoutRow */.o5)(defaultText, 'Fail after this long, e.g. 90s or 10m, waiting on the network included; the error names what did not answer.');
}
const list = (0,command/* command */.G)({
    name: 'list',
    usage: '--at <url> [options]',
    options: { at: AT, timeout: storageTimeout('10m'), ...src_options/* S3_ROWS */.x },
    details: `
States: verified (complete, and a verification record proves every namespace passed against this
archive; the strongest and when is shown), complete (manifest valid, names its folder, archive present
at its size), DAMAGED (a manifest or verification record fails those checks: the reason is listed; never
counted, never chosen by --latest, never pruned unless asked) and INCOMPLETE (no manifest: a run that
failed or is still running). --json prints docs/schema/backup-list.schema.json.`,
    async run({ options }, context) {
        return onStorage(options.at, options, context, { run: 'listing' }, async (storage) => {
            const entries = await (0,catalog/* listBackups */.Cw)(storage);
            if (context.json) {
                const backups = entries.map(backupJson);
                context.stdout(`${JSON.stringify({ location: storage.describe(), backups }, null, 2)}\n`);
                return exit/* EXIT */.dc.ok;
            }
            if (entries.length === 0) {
                context.stdout(`no backups at ${storage.describe()}\n`);
                return exit/* EXIT */.dc.ok;
            }
            context.stdout((0,src_text/* textTable */.e)(['backup', 'state', 'verification', 'stored', 'namespaces', 'documents', 'compression'], entries.map((entry) => {
                const manifest = entry.manifest;
                return [
                    entry.id,
                    stateWord(entry),
                    verificationWords(entry.verification),
                    (0,format/* formatBytes */.z3)(entry.bytes),
                    manifest?.totals.namespaces ?? '',
                    manifest ? (0,format/* formatCount */.B4)(manifest.totals.documents) : '',
                    manifest
                        ? `${(0,src_manifest/* archiveEncoding */.mE)(manifest).compression}${(0,src_manifest/* archiveEncoding */.mE)(manifest).recipients.length > 0 ? '+age' : ''}`
                        : '',
                ];
            }), [3, 4, 5]));
            for (const entry of entries.filter((e) => e.openAnomaly)) {
                context.stdout(`\nANOMALY ${entry.id}: ${anomalyLines(entry)}\n`);
            }
            const damaged = entries.filter((entry) => entry.state === 'damaged');
            for (const entry of damaged)
                context.stdout(`\nDAMAGED ${entry.id}:\n${bullets(entry.damage)}`);
            if (damaged.length > 0) {
                context.stdout('\nA damaged backup is an alarm: find out what changed it (`shipkit verify` names every problem). ' +
                    'prune keeps it unless given --delete-damaged.\n');
            }
            return exit/* EXIT */.dc.ok;
        });
    },
});
function bullets(lines) {
    return lines.map((line) => `  - ${line}\n`).join('');
}
/** `<prefix-url>/<backup-id>/…` → the prefix and the id. */
function splitBackupUrl(url) {
    const parts = url.replace(/\/+$/, '').split('/');
    const idIndex = parts.findLastIndex((part) => (0,layout/* isBackupId */["if"])(part));
    if (idIndex < 0) {
        throw new errors/* OptionError */.eR('from', (0,options_text/* say */.cv) `'${url}' does not name a backup: expected <destination>/<backup-id>, e.g. s3://bucket/shop/2026-11-25T030000Z-1a2b3c.`);
    }
    return { prefix: parts.slice(0, idIndex).join('/'), id: parts[idIndex] };
}
/** The prefix and which backup under it (`latest`, or an id) that --from, --latest or a URL name. */
function inspected(options, positional, env) {
    const from = positional ?? options.from;
    if (!from)
        throw new errors/* OptionError */.eR('from', 'is required: the URL of a backup, or a prefix with --latest.');
    const location = (0,verify_src_options/* locationFrom */.WP)(from, options.latest, env);
    if (location.source)
        return { prefix: location.source, ref: location.backup };
    const { prefix, id } = splitBackupUrl(location.backup);
    return { prefix, ref: id };
}
const INSPECT_OPTIONS = {
    ...verify_src_options/* FROM_ROWS */.bK,
    from: { ...verify_src_options/* FROM_ROWS */.bK.from, required: false },
    timeout: storageTimeout('10m'),
    ...src_options/* S3_ROWS */.x,
};
const inspect = (0,command/* command */.G)({
    name: 'inspect',
    usage: '--from <backup-url | prefix --latest | backup-id> [options]   (or inspect <backup-url>)',
    positionals: '[<backup-url>]',
    options: INSPECT_OPTIONS,
    async run({ options, positionals }, context) {
        if (positionals.length > 1)
            throw new errors/* OptionError */.eR('from', 'takes one backup, got several.');
        const { prefix, ref } = inspected(options, positionals[0], context.env);
        return onStorage(prefix, options, context, { run: 'inspection' }, async (storage) => {
            const entry = ref === 'latest' || ref === 'latest-verified'
                ? (await (0,catalog/* resolveBackup */.p2)(storage, ref)).entry
                : await (0,catalog/* findBackup */.SC)(storage, ref);
            if (!entry)
                throw new src_errors/* UserError */.y(`Backup ${ref} does not exist at ${storage.describe('')}.`);
            const id = entry.id;
            if (context.json) {
                context.stdout(`${JSON.stringify(inspectJson(entry), null, 2)}\n`);
                return exit/* EXIT */.dc.ok;
            }
            const lines = [`backup      ${id}`, `state       ${stateWord(entry)}`];
            if (entry.damage.length > 0)
                lines.push(`damage\n${bullets(entry.damage).trimEnd()}`);
            if (entry.state === 'incomplete') {
                lines.push('            no manifest: the run that wrote it failed or is still running');
            }
            if (entry.anomaly)
                lines.push(`anomaly     ${anomalyLines(entry)}`);
            const records = entry.verifications.map((v) => `            ${v === entry.verification ? '* ' : '  '}${v.name}: ${v.mode} (${v.scope}) ` +
                `at ${v.verifiedAt}, ${v.namespaces} namespace(s), ${(0,format/* formatCount */.B4)(v.documents)} document(s)` +
                (v.note ? ` — not counted: ${v.note}` : ''));
            lines.push(`verified    ${entry.verification ? verificationWords(entry.verification) : 'never (no record covers the whole backup)'}`, ...records);
            const manifest = entry.manifest;
            if (!manifest) {
                context.stdout(`${lines.join('\n')}\n`);
                return exit/* EXIT */.dc.ok;
            }
            const a = (0,src_manifest/* archiveEncoding */.mE)(manifest);
            const encoding = `${a.compression}${a.recipients.length ? `, age to ${a.recipients.length} recipient(s)` : ''}`;
            lines.push(`taken       ${manifest.startedAt} → ${manifest.finishedAt} by ${manifest.tool.name} ${manifest.tool.version}`, `source      MongoDB ${manifest.source.serverVersion} (${manifest.source.topology}${manifest.source.flavor ? `, ${manifest.source.flavor}` : ''}); databases ${manifest.source.databases.join(', ')}`, ...(manifest.parts
                ? [
                    `archive     ${manifest.parts.archives.length} parts: ${(0,format/* formatBytes */.z3)(a.size)}, ${encoding}; planned ${manifest.parts.plannedAt}`,
                    ...manifest.parts.archives.map((p) => `  part ${String(p.part).padStart(3)}  ${p.key}: ${(0,format/* formatBytes */.z3)(p.size)}, read ${p.startedAt} → ${p.finishedAt}, sha256 ${p.sha256}`),
                ]
                : [`archive     ${manifest.archive?.key}: ${(0,format/* formatBytes */.z3)(a.size)}, ${encoding}`]), `sha256      ${(0,src_manifest/* archiveDigest */.Bk)(manifest)}${manifest.parts ? " (of the parts' digests)" : ''}`, '');
            context.stdout(`${lines.join('\n')}\n`);
            context.stdout((0,src_text/* textTable */.e)(['namespace', 'type', 'documents', 'bytes', 'indexes', 'crc', 'content hash'], manifest.namespaces.map((ns) => [
                `${ns.db}.${ns.collection}`,
                ns.type,
                (0,format/* formatCount */.B4)(ns.count),
                (0,format/* formatBytes */.z3)(ns.bytes),
                ns.indexes.length,
                ns.crc,
                ns.contentHash,
            ]), [2, 3, 4]));
            return exit/* EXIT */.dc.ok;
        });
    },
});
const catalog_prune = (0,command/* command */.G)({
    name: 'prune',
    usage: '--at <url> (--retention <rules> | --keep-daily N …) [--dry-run] [options]',
    options: {
        at: AT,
        ...src_policy/* RETENTION_ROWS */.ll,
        'dry-run': (0,row/* booleanRow */.HP)({
            description: 'Print what would be deleted, and delete nothing.',
            default: 'false',
        }),
        'delete-damaged': (0,row/* booleanRow */.HP)({
            description: 'Also delete the backups the catalogue finds damaged (each is reported with its reason).',
            default: 'false',
        }),
        timeout: storageTimeout('1h'),
        ...src_options/* S3_ROWS */.x,
    },
    details: `
Whatever the rules say, the newest complete backup and the newest verified backup are kept, and so
is the newest backup from before each anomaly nobody acknowledged (see \`shipkit ack-anomaly\`). Damaged
backups (see \`shipkit list\`) are never counted by a rule and are kept and reported — an alarm, not
debris — unless --delete-damaged is given. Incomplete folders (no manifest) older than 24 hours are
swept. A backup is deleted manifest first.`,
    async run({ options }, context) {
        const policy = (0,src_policy/* retentionPolicy */.$Y)(options);
        if (!policy) {
            throw new errors/* OptionError */.eR('retention', `or one of ${src_policy/* RETENTION_RULES */.hO.map((r) => `--keep-${r}`).join(', ')} is required: prune needs a rule to apply.`);
        }
        return onStorage(options.at, options, context, { run: 'prune' }, async (storage) => {
            const result = await (0,prune/* prune */.R)(storage, {
                policy,
                now: new Date(),
                logger: context.logger,
                dryRun: options['dry-run'],
                deleteDamaged: options['delete-damaged'],
            });
            if (context.json) {
                context.stdout(`${JSON.stringify({ policy, ...result }, null, 2)}\n`);
                return exit/* EXIT */.dc.ok;
            }
            const verb = result.dryRun ? 'would remove' : 'removed';
            context.stdout(`policy: ${(0,src_policy/* describeRetention */.uN)(policy)}; the newest complete and newest verified backups are always kept\n` +
                (0,src_text/* textTable */.e)(['backup', 'decision', 'why'], [
                    ...result.kept.map((k) => [k.id, 'keep', k.reasons.join('; ')]),
                    ...result.removed.map((id) => [id, verb, 'outside every rule']),
                    ...result.retainedByLock.map((id) => [
                        id,
                        'retained by lock',
                        'Object Lock refused the delete',
                    ]),
                    ...result.swept.map((id) => [
                        id,
                        result.dryRun ? 'would sweep' : 'swept',
                        'incomplete (no manifest)',
                    ]),
                    ...result.damaged.map((d) => [
                        d.id,
                        d.deleted
                            ? result.dryRun
                                ? 'would delete (damaged)'
                                : 'deleted (damaged)'
                            : 'keep (DAMAGED)',
                        d.reason,
                    ]),
                ]));
            return exit/* EXIT */.dc.ok;
        });
    },
});
const ackAnomaly = (0,command/* command */.G)({
    name: 'ack-anomaly',
    usage: '--at <url> <backup-id> [--note <text>]',
    positionals: '<backup-id>',
    options: {
        at: AT,
        note: (0,row/* textRow */.yL)({
            description: 'Why the collapse was intended, kept in the acknowledgement, e.g. "purged 2024 orders".',
            placeholder: '<text>',
        }),
        timeout: storageTimeout('10m'),
        ...src_options/* S3_ROWS */.x,
    },
    details: `
A backup whose data collapsed (a namespace gone, or more documents gone than --anomaly-drop allows)
is kept but marked as an anomaly, and retention keeps the newest backup from before it. When the
deletion was intended, acknowledge it: <backup-id>/anomaly-ack.json is written next to the manifest
(naming its SHA-256), and retention follows its rules again.

Example:
  shipkit ack-anomaly --at s3://acme-backups/shop 2026-11-25T030000Z-1a2b3c --note "purged 2024 orders"`,
    async run({ options, positionals }, context) {
        const [id, ...more] = positionals;
        if (!id || more.length > 0) {
            throw new src_errors/* UserError */.y('shipkit ack-anomaly takes one backup id, e.g. 2026-11-25T030000Z-1a2b3c.');
        }
        if (!(0,layout/* isBackupId */["if"])(id))
            throw new src_errors/* UserError */.y(`'${id}' is not a backup id (e.g. 2026-11-25T030000Z-1a2b3c).`);
        return onStorage(options.at, options, context, { run: 'acknowledgement' }, async (storage) => {
            const result = await (0,guard/* acknowledgeAnomaly */.q)(storage, id, {
                now: new Date(),
                ...(options.note ? { note: options.note } : {}),
            });
            if (context.json)
                context.stdout(`${JSON.stringify(result, null, 2)}\n`);
            else {
                context.stdout(`${result.already ? 'already acknowledged' : 'acknowledged'} ${id} (${result.acknowledgedAt}): ` +
                    `${(0,anomaly/* describeAnomaly */.Ng)(result.anomaly)}\nretention follows its rules again for the backups before it\n`);
            }
            return exit/* EXIT */.dc.ok;
        });
    },
});


/***/ })

};
