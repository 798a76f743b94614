export const id = 894;
export const ids = [894,634];
export const modules = {

/***/ 634:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  inspect: () => (/* binding */ inspect),
  list: () => (/* binding */ list),
  onStorage: () => (/* binding */ onStorage),
  prune: () => (/* binding */ catalog_prune),
  splitBackupUrl: () => (/* binding */ splitBackupUrl)
});

// EXTERNAL MODULE: ../action-kit/src/deadline.ts
var src_deadline = __webpack_require__(432);
// EXTERNAL MODULE: ../action-kit/src/format.ts
var format = __webpack_require__(9423);
// EXTERNAL MODULE: ../action-kit/src/errors.ts
var errors = __webpack_require__(8691);
// EXTERNAL MODULE: ../backup/src/options.ts
var options = __webpack_require__(3453);
// EXTERNAL MODULE: ../backup/src/catalog.ts
var catalog = __webpack_require__(3384);
// EXTERNAL MODULE: ../../node_modules/zod/v4/classic/schemas.js + 6 modules
var schemas = __webpack_require__(7821);
// EXTERNAL MODULE: ../../node_modules/zod/v4/classic/iso.js
var iso = __webpack_require__(3477);
// EXTERNAL MODULE: ../backup/src/manifest.ts
var manifest = __webpack_require__(8410);
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
    bytes: schemas/* number */.aig().int().nonnegative().meta({ description: 'Bytes stored in the folder.' }),
    namespaces: schemas/* number */.aig().int().nonnegative().optional(),
    documents: schemas/* number */.aig().int().nonnegative().optional(),
    compression: schemas/* enum */.k5n(['zstd', 'gzip', 'none']).optional(),
    encrypted: schemas/* boolean */.zMY().optional(),
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
    manifest: manifest/* manifestSchema */.rc.nullable().meta({ description: 'null when it is missing or unreadable.' }),
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
        bytes: entry.bytes,
        ...(manifest
            ? {
                namespaces: manifest.totals.namespaces,
                documents: manifest.totals.documents,
                compression: manifest.archive.compression,
                encrypted: manifest.archive.recipients.length > 0,
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
// EXTERNAL MODULE: ../retention/src/policy.ts
var src_policy = __webpack_require__(7337);
// EXTERNAL MODULE: ../storage/src/open.ts + 1 modules
var src_open = __webpack_require__(6403);
// EXTERNAL MODULE: ./src/inputs.ts
var src_inputs = __webpack_require__(1601);
// EXTERNAL MODULE: ./src/text.ts
var src_text = __webpack_require__(9071);
// EXTERNAL MODULE: ./src/commands/backup.ts + 7 modules
var backup = __webpack_require__(7507);
;// CONCATENATED MODULE: ./src/commands/catalog.ts







/**
 * Runs `work` on the storage at `url` within `--timeout` and the user's Ctrl-C: every request is bound
 * to that deadline, so a store that stops answering fails the command, naming what did not answer.
 */
async function onStorage(url, inputs, context, { run, defaultTimeoutMs }, work) {
    const deadline = new src_deadline/* Deadline */.B2({
        run,
        timeoutMs: inputs.duration('timeout', defaultTimeoutMs),
        signal: context.signal,
    });
    const storage = (0,src_open/* openStorage */.G)(url, {
        s3: (0,options/* s3OptionsFromInputs */.mD)(inputs, context.env),
        logger: context.logger,
        deadline,
    });
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
function destinationInputs(args, context) {
    return (0,src_inputs/* optionInputs */.t)(args, context.env, {
        aliases: { at: 'destination' },
        envFallbacks: { destination: 'BACKUP_DESTINATION', ...backup.STORAGE_ENV },
    });
}
/** The state as `list` shows it: alarms in capitals. */
function stateWord(entry) {
    return entry.state === 'damaged' || entry.state === 'incomplete' ? entry.state.toUpperCase() : entry.state;
}
/** "full, 2026-11-25T03:20:11Z" */
function verificationWords(summary) {
    return summary ? `${summary.mode}, ${summary.verifiedAt.replace(/\.\d+Z$/, 'Z')}` : '';
}
const LIST = { run: 'listing', defaultTimeoutMs: 10 * 60_000 };
const INSPECT = { run: 'inspection', defaultTimeoutMs: 10 * 60_000 };
const PRUNE = { run: 'prune', defaultTimeoutMs: 60 * 60_000 };
const list = {
    name: 'list',
    usage: '--at <url> [options]',
    options: {
        at: {
            type: 'string',
            value: '<url>',
            description: 's3://bucket/prefix or file:///path (env BACKUP_DESTINATION)',
        },
        ...(0,backup.timeoutOption)('10m'),
        ...backup.S3_OPTIONS,
    },
    details: `
States: verified (complete, and a verification record proves every namespace passed against this
archive; the strongest and when is shown), complete (manifest valid, names its folder, archive present
at its size), DAMAGED (a manifest or verification record fails those checks: the reason is listed; never
counted, never chosen by --latest, never pruned unless asked) and INCOMPLETE (no manifest: a run that
failed or is still running). --json prints docs/schema/backup-list.schema.json.`,
    async run(args, context) {
        const inputs = destinationInputs(args, context);
        return onStorage(inputs.required('destination'), inputs, context, LIST, async (storage) => {
            const entries = await (0,catalog/* listBackups */.Cw)(storage);
            if (context.json) {
                const backups = entries.map(backupJson);
                context.stdout(`${JSON.stringify({ location: storage.describe(), backups }, null, 2)}\n`);
                return 0;
            }
            if (entries.length === 0) {
                context.stdout(`no backups at ${storage.describe()}\n`);
                return 0;
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
                        ? `${manifest.archive.compression}${manifest.archive.recipients.length > 0 ? '+age' : ''}`
                        : '',
                ];
            }), [3, 4, 5]));
            const damaged = entries.filter((entry) => entry.state === 'damaged');
            for (const entry of damaged)
                context.stdout(`\nDAMAGED ${entry.id}:\n${bullets(entry.damage)}`);
            if (damaged.length > 0) {
                context.stdout('\nA damaged backup is an alarm: find out what changed it (`shipkit verify` names every problem). ' +
                    'prune keeps it unless given --delete-damaged.\n');
            }
            return 0;
        });
    },
};
function bullets(lines) {
    return lines.map((line) => `  - ${line}\n`).join('');
}
/** `<prefix-url>/<backup-id>/…` → the prefix and the id. */
function splitBackupUrl(url) {
    const parts = url.replace(/\/+$/, '').split('/');
    const idIndex = parts.findLastIndex((part) => (0,layout/* isBackupId */["if"])(part));
    if (idIndex < 0) {
        throw new errors/* UserError */.y(`'${url}' does not name a backup: expected <destination>/<backup-id>, e.g. s3://bucket/shop/2026-11-25T030000Z-1a2b3c.`);
    }
    return { prefix: parts.slice(0, idIndex).join('/'), id: parts[idIndex] };
}
const inspect = {
    name: 'inspect',
    usage: '<backup-url> [options]',
    options: { ...(0,backup.timeoutOption)('10m'), ...backup.S3_OPTIONS },
    async run(args, context) {
        const url = args.positionals[0];
        if (!url)
            throw new errors/* UserError */.y('inspect needs the URL of a backup, e.g. s3://bucket/shop/2026-11-25T030000Z-1a2b3c.');
        const { prefix, id } = splitBackupUrl(url);
        const inputs = (0,src_inputs/* optionInputs */.t)(args, context.env, { envFallbacks: backup.STORAGE_ENV });
        return onStorage(prefix, inputs, context, INSPECT, async (storage) => {
            const entry = await (0,catalog/* findBackup */.SC)(storage, id);
            if (!entry)
                throw new errors/* UserError */.y(`Backup ${id} does not exist at ${storage.describe('')}.`);
            if (context.json) {
                context.stdout(`${JSON.stringify(inspectJson(entry), null, 2)}\n`);
                return 0;
            }
            const lines = [`backup      ${id}`, `state       ${stateWord(entry)}`];
            if (entry.damage.length > 0)
                lines.push(`damage\n${bullets(entry.damage).trimEnd()}`);
            if (entry.state === 'incomplete') {
                lines.push('            no manifest: the run that wrote it failed or is still running');
            }
            const records = entry.verifications.map((v) => `            ${v === entry.verification ? '* ' : '  '}${v.name}: ${v.mode} (${v.scope}) ` +
                `at ${v.verifiedAt}, ${v.namespaces} namespace(s), ${(0,format/* formatCount */.B4)(v.documents)} document(s)` +
                (v.note ? ` — not counted: ${v.note}` : ''));
            lines.push(`verified    ${entry.verification ? verificationWords(entry.verification) : 'never (no record covers the whole backup)'}`, ...records);
            const manifest = entry.manifest;
            if (!manifest) {
                context.stdout(`${lines.join('\n')}\n`);
                return 0;
            }
            const a = manifest.archive;
            lines.push(`taken       ${manifest.startedAt} → ${manifest.finishedAt} by ${manifest.tool.name} ${manifest.tool.version}`, `source      MongoDB ${manifest.source.serverVersion} (${manifest.source.topology}${manifest.source.flavor ? `, ${manifest.source.flavor}` : ''}); databases ${manifest.source.databases.join(', ')}`, `archive     ${a.key}: ${(0,format/* formatBytes */.z3)(a.size)}, ${a.compression}${a.recipients.length ? `, age to ${a.recipients.length} recipient(s)` : ''}`, `sha256      ${a.sha256}`, '');
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
            return 0;
        });
    },
};
const catalog_prune = {
    name: 'prune',
    usage: '--at <url> [--keep-daily N …] [--dry-run] [options]',
    options: {
        at: {
            type: 'string',
            value: '<url>',
            description: 's3://bucket/prefix or file:///path (env BACKUP_DESTINATION)',
        },
        ...Object.fromEntries(src_policy/* RETENTION_RULES */.hO.map((rule) => [
            `keep-${rule}`,
            {
                type: 'string',
                value: '<n>',
                description: `keep the newest backup of the last n ${rule === 'last' ? 'backups' : `${rule} periods`}`,
            },
        ])),
        'dry-run': { type: 'boolean', description: 'print what would be deleted, delete nothing' },
        'delete-damaged': {
            type: 'boolean',
            description: 'also delete the backups the catalogue finds damaged (each is reported with its reason)',
        },
        ...(0,backup.timeoutOption)('1h'),
        ...backup.S3_OPTIONS,
    },
    details: `
Whatever the rules say, the newest complete backup and the newest verified backup are kept. Damaged
backups (see \`shipkit list\`) are never counted by a rule and are kept and reported — an alarm, not
debris — unless --delete-damaged is given. Incomplete folders (no manifest) older than 24 hours are
swept. A backup is deleted manifest first.`,
    async run(args, context) {
        const policy = {};
        for (const rule of src_policy/* RETENTION_RULES */.hO) {
            const raw = args.options[`keep-${rule}`];
            if (typeof raw !== 'string')
                continue;
            if (!/^\d+$/.test(raw))
                throw new errors/* UserError */.y(`--keep-${rule} must be a whole number, got '${raw}'.`);
            policy[rule] = Number(raw);
        }
        if (Object.keys(policy).length === 0) {
            throw new errors/* UserError */.y(`prune needs at least one rule: ${src_policy/* RETENTION_RULES */.hO.map((r) => `--keep-${r} N`).join(', ')}.`);
        }
        const inputs = destinationInputs(args, context);
        return onStorage(inputs.required('destination'), inputs, context, PRUNE, async (storage) => {
            const result = await (0,prune/* prune */.R)(storage, {
                policy: policy,
                now: new Date(),
                logger: context.logger,
                dryRun: args.options['dry-run'] === true,
                deleteDamaged: args.options['delete-damaged'] === true,
            });
            if (context.json) {
                context.stdout(`${JSON.stringify({ policy, ...result }, null, 2)}\n`);
                return 0;
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
            return 0;
        });
    },
};


/***/ }),

/***/ 9894:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  checkFreshnessCommand: () => (/* binding */ checkFreshnessCommand)
});

// EXTERNAL MODULE: ../action-kit/src/format.ts
var format = __webpack_require__(9423);
// EXTERNAL MODULE: ../backup/src/catalog.ts
var catalog = __webpack_require__(3384);
;// CONCATENATED MODULE: ../verify/src/freshness.ts


/**
 * Whether the newest complete (and, if asked, verified) backup is recent enough: for deploy gates and
 * for a watchdog that notices when scheduled backups stopped. Which backups count is the catalogue's
 * call; damaged ones never do. Age is measured from the backup's id, which is the time it started.
 */
async function checkFreshness(storage, options, now = () => new Date()) {
    const requireVerified = options.requireVerified ?? false;
    const entries = await (0,catalog/* listBackups */.Cw)(storage);
    const qualifying = entries.filter((e) => (requireVerified ? e.verified : e.complete));
    const damaged = entries.filter((e) => e.state === 'damaged');
    const kind = requireVerified ? 'verified backup' : 'complete backup';
    const base = {
        location: storage.describe(),
        maxAgeMs: options.maxAgeMs,
        requireVerified,
        backups: entries.length,
        qualifying: qualifying.length,
        damaged: damaged.map((e) => ({ id: e.id, damage: e.damage })),
    };
    const alarm = damaged.length === 0
        ? ''
        : ` ${damaged.length} damaged backup(s) not counted, newest ${damaged[0]?.id}: ${damaged[0]?.damage.join('; ')}.`;
    const newest = qualifying[0];
    if (!newest) {
        const count = (state) => entries.filter((e) => e.state === state).length;
        const seen = entries.length === 0
            ? 'no backups at all'
            : `${entries.length} backup folder(s), ${count('incomplete')} incomplete, ${count('damaged')} damaged` +
                (requireVerified ? `, ${count('complete')} complete but not verified` : '');
        return { ...base, fresh: false, message: `No ${kind} at ${base.location} (${seen}).${alarm}` };
    }
    const ageMs = now().getTime() - newest.time.getTime();
    const fresh = ageMs <= options.maxAgeMs;
    const age = (0,format/* formatDuration */.a3)(Math.max(0, ageMs));
    return {
        ...base,
        fresh,
        newest: { id: newest.id, time: newest.time.toISOString(), ageMs, verified: newest.verified },
        message: (fresh
            ? `The newest ${kind} at ${base.location}, ${newest.id}, is ${age} old (allowed: ${(0,format/* formatDuration */.a3)(options.maxAgeMs)}).`
            : `The newest ${kind} at ${base.location}, ${newest.id}, is ${age} old: older than the allowed ` +
                `${(0,format/* formatDuration */.a3)(options.maxAgeMs)}. Check that scheduled backups still run (GitHub disables schedules after 60 days without activity).`) +
            alarm,
    };
}

// EXTERNAL MODULE: ./src/inputs.ts
var src_inputs = __webpack_require__(1601);
// EXTERNAL MODULE: ./src/commands/backup.ts + 7 modules
var backup = __webpack_require__(7507);
// EXTERNAL MODULE: ./src/commands/catalog.ts + 1 modules
var commands_catalog = __webpack_require__(634);
;// CONCATENATED MODULE: ./src/commands/check-freshness.ts




const checkFreshnessCommand = {
    name: 'check-freshness',
    usage: '--at <url> --max-age <duration> [--require-verified]',
    options: {
        at: {
            type: 'string',
            value: '<url>',
            description: 's3://bucket/prefix or file:///path (env BACKUP_DESTINATION)',
        },
        'max-age': { type: 'string', value: '<duration>', description: 'e.g. 26h for a nightly backup' },
        'require-verified': { type: 'boolean', description: 'only backups with a passing verification count' },
        ...(0,backup.timeoutOption)('10m'),
        ...backup.S3_OPTIONS,
    },
    details: `
For deploy gates and a watchdog workflow: scheduled workflows stop silently (GitHub disables them
after 60 days without activity), so check the backups rather than trust the schedule.
Exit code 0: fresh; 1: no qualifying backup, or the newest is too old.

Example:
  shipkit check-freshness --at s3://acme-backups/shop --max-age 26h --require-verified`,
    async run(args, context) {
        const inputs = (0,src_inputs/* optionInputs */.t)(args, context.env, {
            aliases: { at: 'destination' },
            envFallbacks: { destination: 'BACKUP_DESTINATION', ...backup.STORAGE_ENV },
        });
        const url = inputs.required('destination');
        inputs.required('max-age');
        const maxAgeMs = inputs.duration('max-age', 0);
        const run = { run: 'freshness check', defaultTimeoutMs: 10 * 60_000 };
        return (0,commands_catalog.onStorage)(url, inputs, context, run, async (storage) => {
            const result = await checkFreshness(storage, {
                maxAgeMs,
                requireVerified: inputs.boolean('require-verified', false),
            });
            if (context.json)
                context.stdout(`${JSON.stringify(result, null, 2)}\n`);
            else
                context.stdout(`${result.fresh ? 'fresh' : 'STALE'}: ${result.message}\n`);
            return result.fresh ? 0 : 1;
        });
    },
};


/***/ })

};
