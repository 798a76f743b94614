export const id = 802;
export const ids = [802];
export const modules = {

/***/ 5802:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AT: () => (/* binding */ AT),
/* harmony export */   inspect: () => (/* binding */ inspect),
/* harmony export */   list: () => (/* binding */ list),
/* harmony export */   onStorage: () => (/* binding */ onStorage),
/* harmony export */   prune: () => (/* binding */ prune),
/* harmony export */   splitBackupUrl: () => (/* binding */ splitBackupUrl)
/* harmony export */ });
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(663);
/* harmony import */ var _shipkit_backup__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(94);
/* harmony import */ var _shipkit_retention__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5469);
/* harmony import */ var _shipkit_storage__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6087);
/* harmony import */ var _shipkit_verify__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8884);
/* harmony import */ var _command__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(483);
/* harmony import */ var _text__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9071);







/** Where the backups a command looks at are: `--at`, or BACKUP_DESTINATION. */
const AT = {
    ..._shipkit_backup__WEBPACK_IMPORTED_MODULE_1__/* .DESTINATION */ .tp,
    description: 'Where the backups are: s3://bucket/prefix or file:///path.',
    flag: 'at',
};
/**
 * Runs `work` on the storage at `url` within `timeoutMs` and the user's Ctrl-C: every request is
 * bound to that deadline, so a store that stops answering fails the command, naming what did not answer.
 */
async function onStorage(url, options, context, { run }, work) {
    const deadline = new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .Deadline */ .B2({ run, timeoutMs: options.timeout, signal: context.signal });
    const storage = (0,_shipkit_storage__WEBPACK_IMPORTED_MODULE_3__.openStorage)(url, { s3: (0,_shipkit_storage__WEBPACK_IMPORTED_MODULE_3__.s3Options)(options, context.env), logger: context.logger, deadline });
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
/** The state as `list` shows it: alarms in capitals. */
function stateWord(entry) {
    return entry.state === 'damaged' || entry.state === 'incomplete' ? entry.state.toUpperCase() : entry.state;
}
/** "full, 2026-11-25T03:20:11Z" */
function verificationWords(summary) {
    return summary ? `${summary.mode}, ${summary.verifiedAt.replace(/\.\d+Z$/, 'Z')}` : '';
}
/** The bound on a command that only reads or tidies the storage. */
function storageTimeout(defaultText) {
    return (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .timeoutRow */ .o5)(defaultText, 'Fail after this long, e.g. 90s or 10m, waiting on the network included; the error names what did not answer.');
}
const list = (0,_command__WEBPACK_IMPORTED_MODULE_5__/* .command */ .G)({
    name: 'list',
    usage: '--at <url> [options]',
    options: { at: AT, timeout: storageTimeout('10m'), ..._shipkit_storage__WEBPACK_IMPORTED_MODULE_3__.S3_ROWS },
    details: `
States: verified (complete, and a verification record proves every namespace passed against this
archive; the strongest and when is shown), complete (manifest valid, names its folder, archive present
at its size), DAMAGED (a manifest or verification record fails those checks: the reason is listed; never
counted, never chosen by --latest, never pruned unless asked) and INCOMPLETE (no manifest: a run that
failed or is still running). --json prints docs/schema/backup-list.schema.json.`,
    async run({ options }, context) {
        return onStorage(options.at, options, context, { run: 'listing' }, async (storage) => {
            const entries = await (0,_shipkit_backup__WEBPACK_IMPORTED_MODULE_1__/* .listBackups */ .Cw)(storage);
            if (context.json) {
                const backups = entries.map(_shipkit_backup__WEBPACK_IMPORTED_MODULE_1__/* .backupJson */ .zD);
                context.stdout(`${JSON.stringify({ location: storage.describe(), backups }, null, 2)}\n`);
                return _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .EXIT */ .dc.ok;
            }
            if (entries.length === 0) {
                context.stdout(`no backups at ${storage.describe()}\n`);
                return _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .EXIT */ .dc.ok;
            }
            context.stdout((0,_text__WEBPACK_IMPORTED_MODULE_6__/* .textTable */ .e)(['backup', 'state', 'verification', 'stored', 'namespaces', 'documents', 'compression'], entries.map((entry) => {
                const manifest = entry.manifest;
                return [
                    entry.id,
                    stateWord(entry),
                    verificationWords(entry.verification),
                    (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .formatBytes */ .z3)(entry.bytes),
                    manifest?.totals.namespaces ?? '',
                    manifest ? (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .formatCount */ .B4)(manifest.totals.documents) : '',
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
            return _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .EXIT */ .dc.ok;
        });
    },
});
function bullets(lines) {
    return lines.map((line) => `  - ${line}\n`).join('');
}
/** `<prefix-url>/<backup-id>/…` → the prefix and the id. */
function splitBackupUrl(url) {
    const parts = url.replace(/\/+$/, '').split('/');
    const idIndex = parts.findLastIndex((part) => (0,_shipkit_backup__WEBPACK_IMPORTED_MODULE_1__/* .isBackupId */ ["if"])(part));
    if (idIndex < 0) {
        throw new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .OptionError */ .eR('from', (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .say */ .cv) `'${url}' does not name a backup: expected <destination>/<backup-id>, e.g. s3://bucket/shop/2026-11-25T030000Z-1a2b3c.`);
    }
    return { prefix: parts.slice(0, idIndex).join('/'), id: parts[idIndex] };
}
/** The prefix and which backup under it (`latest`, or an id) that --from, --latest or a URL name. */
function inspected(options, positional, env) {
    const from = positional ?? options.from;
    if (!from)
        throw new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .OptionError */ .eR('from', 'is required: the URL of a backup, or a prefix with --latest.');
    const location = (0,_shipkit_verify__WEBPACK_IMPORTED_MODULE_4__/* .locationFrom */ .WP)(from, options.latest, env);
    if (location.source)
        return { prefix: location.source, ref: location.backup };
    const { prefix, id } = splitBackupUrl(location.backup);
    return { prefix, ref: id };
}
const INSPECT_OPTIONS = {
    ..._shipkit_verify__WEBPACK_IMPORTED_MODULE_4__/* .FROM_ROWS */ .bK,
    from: { ..._shipkit_verify__WEBPACK_IMPORTED_MODULE_4__/* .FROM_ROWS */ .bK.from, required: false },
    timeout: storageTimeout('10m'),
    ..._shipkit_storage__WEBPACK_IMPORTED_MODULE_3__.S3_ROWS,
};
const inspect = (0,_command__WEBPACK_IMPORTED_MODULE_5__/* .command */ .G)({
    name: 'inspect',
    usage: '--from <backup-url | prefix --latest | backup-id> [options]   (or inspect <backup-url>)',
    positionals: '[<backup-url>]',
    options: INSPECT_OPTIONS,
    async run({ options, positionals }, context) {
        if (positionals.length > 1)
            throw new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .OptionError */ .eR('from', 'takes one backup, got several.');
        const { prefix, ref } = inspected(options, positionals[0], context.env);
        return onStorage(prefix, options, context, { run: 'inspection' }, async (storage) => {
            const entry = ref === 'latest' || ref === 'latest-verified'
                ? (await (0,_shipkit_backup__WEBPACK_IMPORTED_MODULE_1__/* .resolveBackup */ .p2)(storage, ref)).entry
                : await (0,_shipkit_backup__WEBPACK_IMPORTED_MODULE_1__/* .findBackup */ .SC)(storage, ref);
            if (!entry)
                throw new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Backup ${ref} does not exist at ${storage.describe('')}.`);
            const id = entry.id;
            if (context.json) {
                context.stdout(`${JSON.stringify((0,_shipkit_backup__WEBPACK_IMPORTED_MODULE_1__/* .inspectJson */ .jj)(entry), null, 2)}\n`);
                return _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .EXIT */ .dc.ok;
            }
            const lines = [`backup      ${id}`, `state       ${stateWord(entry)}`];
            if (entry.damage.length > 0)
                lines.push(`damage\n${bullets(entry.damage).trimEnd()}`);
            if (entry.state === 'incomplete') {
                lines.push('            no manifest: the run that wrote it failed or is still running');
            }
            const records = entry.verifications.map((v) => `            ${v === entry.verification ? '* ' : '  '}${v.name}: ${v.mode} (${v.scope}) ` +
                `at ${v.verifiedAt}, ${v.namespaces} namespace(s), ${(0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .formatCount */ .B4)(v.documents)} document(s)` +
                (v.note ? ` — not counted: ${v.note}` : ''));
            lines.push(`verified    ${entry.verification ? verificationWords(entry.verification) : 'never (no record covers the whole backup)'}`, ...records);
            const manifest = entry.manifest;
            if (!manifest) {
                context.stdout(`${lines.join('\n')}\n`);
                return _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .EXIT */ .dc.ok;
            }
            const a = manifest.archive;
            lines.push(`taken       ${manifest.startedAt} → ${manifest.finishedAt} by ${manifest.tool.name} ${manifest.tool.version}`, `source      MongoDB ${manifest.source.serverVersion} (${manifest.source.topology}${manifest.source.flavor ? `, ${manifest.source.flavor}` : ''}); databases ${manifest.source.databases.join(', ')}`, `archive     ${a.key}: ${(0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .formatBytes */ .z3)(a.size)}, ${a.compression}${a.recipients.length ? `, age to ${a.recipients.length} recipient(s)` : ''}`, `sha256      ${a.sha256}`, '');
            context.stdout(`${lines.join('\n')}\n`);
            context.stdout((0,_text__WEBPACK_IMPORTED_MODULE_6__/* .textTable */ .e)(['namespace', 'type', 'documents', 'bytes', 'indexes', 'crc', 'content hash'], manifest.namespaces.map((ns) => [
                `${ns.db}.${ns.collection}`,
                ns.type,
                (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .formatCount */ .B4)(ns.count),
                (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .formatBytes */ .z3)(ns.bytes),
                ns.indexes.length,
                ns.crc,
                ns.contentHash,
            ]), [2, 3, 4]));
            return _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .EXIT */ .dc.ok;
        });
    },
});
const prune = (0,_command__WEBPACK_IMPORTED_MODULE_5__/* .command */ .G)({
    name: 'prune',
    usage: '--at <url> (--retention <rules> | --keep-daily N …) [--dry-run] [options]',
    options: {
        at: AT,
        ..._shipkit_retention__WEBPACK_IMPORTED_MODULE_2__/* .RETENTION_ROWS */ .ll,
        'dry-run': (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .booleanRow */ .HP)({
            description: 'Print what would be deleted, and delete nothing.',
            default: 'false',
        }),
        'delete-damaged': (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .booleanRow */ .HP)({
            description: 'Also delete the backups the catalogue finds damaged (each is reported with its reason).',
            default: 'false',
        }),
        timeout: storageTimeout('1h'),
        ..._shipkit_storage__WEBPACK_IMPORTED_MODULE_3__.S3_ROWS,
    },
    details: `
Whatever the rules say, the newest complete backup and the newest verified backup are kept. Damaged
backups (see \`shipkit list\`) are never counted by a rule and are kept and reported — an alarm, not
debris — unless --delete-damaged is given. Incomplete folders (no manifest) older than 24 hours are
swept. A backup is deleted manifest first.`,
    async run({ options }, context) {
        const policy = (0,_shipkit_retention__WEBPACK_IMPORTED_MODULE_2__/* .retentionPolicy */ .$Y)(options);
        if (!policy) {
            throw new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .OptionError */ .eR('retention', `or one of ${_shipkit_retention__WEBPACK_IMPORTED_MODULE_2__/* .RETENTION_RULES */ .hO.map((r) => `--keep-${r}`).join(', ')} is required: prune needs a rule to apply.`);
        }
        return onStorage(options.at, options, context, { run: 'prune' }, async (storage) => {
            const result = await (0,_shipkit_backup__WEBPACK_IMPORTED_MODULE_1__/* .prune */ .R3)(storage, {
                policy,
                now: new Date(),
                logger: context.logger,
                dryRun: options['dry-run'],
                deleteDamaged: options['delete-damaged'],
            });
            if (context.json) {
                context.stdout(`${JSON.stringify({ policy, ...result }, null, 2)}\n`);
                return _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .EXIT */ .dc.ok;
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
            return _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .EXIT */ .dc.ok;
        });
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


/***/ })

};
