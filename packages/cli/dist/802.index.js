export const id = 802;
export const ids = [802];
export const modules = {

/***/ 5802:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   inspect: () => (/* binding */ inspect),
/* harmony export */   list: () => (/* binding */ list),
/* harmony export */   onStorage: () => (/* binding */ onStorage),
/* harmony export */   prune: () => (/* binding */ prune),
/* harmony export */   splitBackupUrl: () => (/* binding */ splitBackupUrl)
/* harmony export */ });
/* harmony import */ var _shipkit_action_kit__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6458);
/* harmony import */ var _shipkit_backup__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(94);
/* harmony import */ var _shipkit_retention__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5469);
/* harmony import */ var _shipkit_storage__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5927);
/* harmony import */ var _inputs__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1601);
/* harmony import */ var _text__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9071);
/* harmony import */ var _backup__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9259);







/**
 * Runs `work` on the storage at `url` within `--timeout` and the user's Ctrl-C: every request is bound
 * to that deadline, so a store that stops answering fails the command, naming what did not answer.
 */
async function onStorage(url, inputs, context, { run, defaultTimeoutMs }, work) {
    const deadline = new _shipkit_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .Deadline */ .B2({
        run,
        timeoutMs: inputs.duration('timeout', defaultTimeoutMs),
        signal: context.signal,
    });
    const storage = (0,_shipkit_storage__WEBPACK_IMPORTED_MODULE_3__.openStorage)(url, {
        s3: (0,_shipkit_backup__WEBPACK_IMPORTED_MODULE_1__/* .s3OptionsFromInputs */ .mD)(inputs, context.env),
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
    return (0,_inputs__WEBPACK_IMPORTED_MODULE_4__/* .optionInputs */ .t)(args, context.env, {
        aliases: { at: 'destination' },
        envFallbacks: { destination: 'BACKUP_DESTINATION', ..._backup__WEBPACK_IMPORTED_MODULE_5__.STORAGE_ENV },
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
        ...(0,_backup__WEBPACK_IMPORTED_MODULE_5__.timeoutOption)('10m'),
        ..._backup__WEBPACK_IMPORTED_MODULE_5__.S3_OPTIONS,
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
            const entries = await (0,_shipkit_backup__WEBPACK_IMPORTED_MODULE_1__/* .listBackups */ .Cw)(storage);
            if (context.json) {
                const backups = entries.map(_shipkit_backup__WEBPACK_IMPORTED_MODULE_1__/* .backupJson */ .zD);
                context.stdout(`${JSON.stringify({ location: storage.describe(), backups }, null, 2)}\n`);
                return 0;
            }
            if (entries.length === 0) {
                context.stdout(`no backups at ${storage.describe()}\n`);
                return 0;
            }
            context.stdout((0,_text__WEBPACK_IMPORTED_MODULE_6__/* .textTable */ .e)(['backup', 'state', 'verification', 'stored', 'namespaces', 'documents', 'compression'], entries.map((entry) => {
                const manifest = entry.manifest;
                return [
                    entry.id,
                    stateWord(entry),
                    verificationWords(entry.verification),
                    (0,_shipkit_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .formatBytes */ .z3)(entry.bytes),
                    manifest?.totals.namespaces ?? '',
                    manifest ? (0,_shipkit_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .formatCount */ .B4)(manifest.totals.documents) : '',
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
    const idIndex = parts.findLastIndex((part) => (0,_shipkit_backup__WEBPACK_IMPORTED_MODULE_1__/* .isBackupId */ ["if"])(part));
    if (idIndex < 0) {
        throw new _shipkit_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`'${url}' does not name a backup: expected <destination>/<backup-id>, e.g. s3://bucket/shop/2026-11-25T030000Z-1a2b3c.`);
    }
    return { prefix: parts.slice(0, idIndex).join('/'), id: parts[idIndex] };
}
const inspect = {
    name: 'inspect',
    usage: '<backup-url> [options]',
    options: { ...(0,_backup__WEBPACK_IMPORTED_MODULE_5__.timeoutOption)('10m'), ..._backup__WEBPACK_IMPORTED_MODULE_5__.S3_OPTIONS },
    async run(args, context) {
        const url = args.positionals[0];
        if (!url)
            throw new _shipkit_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('inspect needs the URL of a backup, e.g. s3://bucket/shop/2026-11-25T030000Z-1a2b3c.');
        const { prefix, id } = splitBackupUrl(url);
        const inputs = (0,_inputs__WEBPACK_IMPORTED_MODULE_4__/* .optionInputs */ .t)(args, context.env, { envFallbacks: _backup__WEBPACK_IMPORTED_MODULE_5__.STORAGE_ENV });
        return onStorage(prefix, inputs, context, INSPECT, async (storage) => {
            const entry = await (0,_shipkit_backup__WEBPACK_IMPORTED_MODULE_1__/* .findBackup */ .SC)(storage, id);
            if (!entry)
                throw new _shipkit_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Backup ${id} does not exist at ${storage.describe('')}.`);
            if (context.json) {
                context.stdout(`${JSON.stringify((0,_shipkit_backup__WEBPACK_IMPORTED_MODULE_1__/* .inspectJson */ .jj)(entry), null, 2)}\n`);
                return 0;
            }
            const lines = [`backup      ${id}`, `state       ${stateWord(entry)}`];
            if (entry.damage.length > 0)
                lines.push(`damage\n${bullets(entry.damage).trimEnd()}`);
            if (entry.state === 'incomplete') {
                lines.push('            no manifest: the run that wrote it failed or is still running');
            }
            const records = entry.verifications.map((v) => `            ${v === entry.verification ? '* ' : '  '}${v.name}: ${v.mode} (${v.scope}) ` +
                `at ${v.verifiedAt}, ${v.namespaces} namespace(s), ${(0,_shipkit_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .formatCount */ .B4)(v.documents)} document(s)` +
                (v.note ? ` — not counted: ${v.note}` : ''));
            lines.push(`verified    ${entry.verification ? verificationWords(entry.verification) : 'never (no record covers the whole backup)'}`, ...records);
            const manifest = entry.manifest;
            if (!manifest) {
                context.stdout(`${lines.join('\n')}\n`);
                return 0;
            }
            const a = manifest.archive;
            lines.push(`taken       ${manifest.startedAt} → ${manifest.finishedAt} by ${manifest.tool.name} ${manifest.tool.version}`, `source      MongoDB ${manifest.source.serverVersion} (${manifest.source.topology}${manifest.source.flavor ? `, ${manifest.source.flavor}` : ''}); databases ${manifest.source.databases.join(', ')}`, `archive     ${a.key}: ${(0,_shipkit_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .formatBytes */ .z3)(a.size)}, ${a.compression}${a.recipients.length ? `, age to ${a.recipients.length} recipient(s)` : ''}`, `sha256      ${a.sha256}`, '');
            context.stdout(`${lines.join('\n')}\n`);
            context.stdout((0,_text__WEBPACK_IMPORTED_MODULE_6__/* .textTable */ .e)(['namespace', 'type', 'documents', 'bytes', 'indexes', 'crc', 'content hash'], manifest.namespaces.map((ns) => [
                `${ns.db}.${ns.collection}`,
                ns.type,
                (0,_shipkit_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .formatCount */ .B4)(ns.count),
                (0,_shipkit_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .formatBytes */ .z3)(ns.bytes),
                ns.indexes.length,
                ns.crc,
                ns.contentHash,
            ]), [2, 3, 4]));
            return 0;
        });
    },
};
const prune = {
    name: 'prune',
    usage: '--at <url> [--keep-daily N …] [--dry-run] [options]',
    options: {
        at: {
            type: 'string',
            value: '<url>',
            description: 's3://bucket/prefix or file:///path (env BACKUP_DESTINATION)',
        },
        ...Object.fromEntries(_shipkit_retention__WEBPACK_IMPORTED_MODULE_2__/* .RETENTION_RULES */ .hO.map((rule) => [
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
        ...(0,_backup__WEBPACK_IMPORTED_MODULE_5__.timeoutOption)('1h'),
        ..._backup__WEBPACK_IMPORTED_MODULE_5__.S3_OPTIONS,
    },
    details: `
Whatever the rules say, the newest complete backup and the newest verified backup are kept. Damaged
backups (see \`shipkit list\`) are never counted by a rule and are kept and reported — an alarm, not
debris — unless --delete-damaged is given. Incomplete folders (no manifest) older than 24 hours are
swept. A backup is deleted manifest first.`,
    async run(args, context) {
        const policy = {};
        for (const rule of _shipkit_retention__WEBPACK_IMPORTED_MODULE_2__/* .RETENTION_RULES */ .hO) {
            const raw = args.options[`keep-${rule}`];
            if (typeof raw !== 'string')
                continue;
            if (!/^\d+$/.test(raw))
                throw new _shipkit_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`--keep-${rule} must be a whole number, got '${raw}'.`);
            policy[rule] = Number(raw);
        }
        if (Object.keys(policy).length === 0) {
            throw new _shipkit_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`prune needs at least one rule: ${_shipkit_retention__WEBPACK_IMPORTED_MODULE_2__/* .RETENTION_RULES */ .hO.map((r) => `--keep-${r} N`).join(', ')}.`);
        }
        const inputs = destinationInputs(args, context);
        return onStorage(inputs.required('destination'), inputs, context, PRUNE, async (storage) => {
            const result = await (0,_shipkit_backup__WEBPACK_IMPORTED_MODULE_1__/* .prune */ .R3)(storage, {
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
            context.stdout(`policy: ${(0,_shipkit_retention__WEBPACK_IMPORTED_MODULE_2__/* .describeRetention */ .uN)(policy)}; the newest complete and newest verified backups are always kept\n` +
                (0,_text__WEBPACK_IMPORTED_MODULE_6__/* .textTable */ .e)(['backup', 'decision', 'why'], [
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


/***/ })

};
