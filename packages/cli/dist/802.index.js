export const id = 802;
export const ids = [802];
export const modules = {

/***/ 5802:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   inspect: () => (/* binding */ inspect),
/* harmony export */   list: () => (/* binding */ list),
/* harmony export */   prune: () => (/* binding */ prune),
/* harmony export */   splitBackupUrl: () => (/* binding */ splitBackupUrl)
/* harmony export */ });
/* harmony import */ var _shipkit_action_kit__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4264);
/* harmony import */ var _shipkit_backup__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9988);
/* harmony import */ var _shipkit_retention__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5469);
/* harmony import */ var _shipkit_storage__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5927);
/* harmony import */ var _inputs__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1601);
/* harmony import */ var _text__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9071);
/* harmony import */ var _backup__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9259);







function storageAt(args, context, urlOption = 'at') {
    const inputs = (0,_inputs__WEBPACK_IMPORTED_MODULE_4__/* .optionInputs */ .t)(args, context.env, {
        aliases: { [urlOption]: 'destination' },
        envFallbacks: { destination: 'BACKUP_DESTINATION', ..._backup__WEBPACK_IMPORTED_MODULE_5__.STORAGE_ENV },
    });
    return (0,_shipkit_storage__WEBPACK_IMPORTED_MODULE_3__.openStorage)(inputs.required('destination'), {
        s3: (0,_shipkit_backup__WEBPACK_IMPORTED_MODULE_1__/* .s3OptionsFromInputs */ .mD)(inputs, context.env),
    });
}
const list = {
    name: 'list',
    usage: '--at <url> [options]',
    options: {
        at: {
            type: 'string',
            value: '<url>',
            description: 's3://bucket/prefix or file:///path (env BACKUP_DESTINATION)',
        },
        ..._backup__WEBPACK_IMPORTED_MODULE_5__.S3_OPTIONS,
    },
    async run(args, context) {
        const storage = storageAt(args, context);
        try {
            const entries = await (0,_shipkit_backup__WEBPACK_IMPORTED_MODULE_1__/* .listBackups */ .Cw)(storage);
            const rows = [];
            for (const entry of entries) {
                const manifest = entry.complete ? await (0,_shipkit_backup__WEBPACK_IMPORTED_MODULE_1__/* .readManifest */ .WI)(storage, entry.id) : undefined;
                rows.push({
                    id: entry.id,
                    time: entry.time.toISOString(),
                    complete: entry.complete,
                    verified: entry.verified,
                    bytes: entry.bytes,
                    namespaces: manifest?.totals.namespaces,
                    documents: manifest?.totals.documents,
                    compression: manifest?.archive.compression,
                    encrypted: manifest ? manifest.archive.recipients.length > 0 : undefined,
                });
            }
            if (context.json) {
                context.stdout(`${JSON.stringify({ location: storage.describe(), backups: rows }, null, 2)}\n`);
                return 0;
            }
            if (rows.length === 0) {
                context.stdout(`no backups at ${storage.describe()}\n`);
                return 0;
            }
            context.stdout((0,_text__WEBPACK_IMPORTED_MODULE_6__/* .textTable */ .e)(['backup', 'state', 'stored', 'namespaces', 'documents', 'compression'], rows.map((r) => [
                r.id,
                !r.complete ? 'INCOMPLETE' : r.verified ? 'verified' : 'complete',
                (0,_shipkit_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .formatBytes */ .z3)(r.bytes),
                r.namespaces ?? '',
                r.documents === undefined ? '' : (0,_shipkit_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .formatCount */ .B4)(r.documents),
                r.compression ? `${r.compression}${r.encrypted ? '+age' : ''}` : '',
            ]), [2, 3, 4]));
            return 0;
        }
        finally {
            await storage.close();
        }
    },
};
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
    options: { ..._backup__WEBPACK_IMPORTED_MODULE_5__.S3_OPTIONS },
    async run(args, context) {
        const url = args.positionals[0];
        if (!url)
            throw new _shipkit_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('inspect needs the URL of a backup, e.g. s3://bucket/shop/2026-11-25T030000Z-1a2b3c.');
        const { prefix, id } = splitBackupUrl(url);
        const inputs = (0,_inputs__WEBPACK_IMPORTED_MODULE_4__/* .optionInputs */ .t)(args, context.env, { envFallbacks: _backup__WEBPACK_IMPORTED_MODULE_5__.STORAGE_ENV });
        const storage = (0,_shipkit_storage__WEBPACK_IMPORTED_MODULE_3__.openStorage)(prefix, {
            s3: (0,_shipkit_backup__WEBPACK_IMPORTED_MODULE_1__/* .s3OptionsFromInputs */ .mD)(inputs, context.env),
        });
        try {
            const manifest = await (0,_shipkit_backup__WEBPACK_IMPORTED_MODULE_1__/* .readManifest */ .WI)(storage, id);
            const verification = await (0,_shipkit_backup__WEBPACK_IMPORTED_MODULE_1__/* .readVerification */ .C1)(storage, id);
            if (context.json) {
                context.stdout(`${JSON.stringify({ manifest, verification: verification ?? null }, null, 2)}\n`);
                return 0;
            }
            const a = manifest.archive;
            context.stdout([
                `backup      ${manifest.backupId}`,
                `taken       ${manifest.startedAt} → ${manifest.finishedAt} by ${manifest.tool.name} ${manifest.tool.version}`,
                `source      MongoDB ${manifest.source.serverVersion} (${manifest.source.topology}${manifest.source.flavor ? `, ${manifest.source.flavor}` : ''}); databases ${manifest.source.databases.join(', ')}`,
                `archive     ${a.key}: ${(0,_shipkit_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .formatBytes */ .z3)(a.size)}, ${a.compression}${a.recipients.length ? `, age to ${a.recipients.length} recipient(s)` : ''}`,
                `sha256      ${a.sha256}`,
                `verified    ${verification ? `${verification.result} (${verification.mode}) at ${verification.verifiedAt}` : 'never'}`,
                '',
            ].join('\n'));
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
        }
        finally {
            await storage.close();
        }
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
        ..._backup__WEBPACK_IMPORTED_MODULE_5__.S3_OPTIONS,
    },
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
        const storage = storageAt(args, context);
        try {
            const result = await (0,_shipkit_backup__WEBPACK_IMPORTED_MODULE_1__/* .prune */ .R3)(storage, {
                policy: policy,
                now: new Date(),
                logger: context.logger,
                dryRun: args.options['dry-run'] === true,
            });
            if (context.json) {
                context.stdout(`${JSON.stringify({ policy, ...result }, null, 2)}\n`);
                return 0;
            }
            const verb = result.dryRun ? 'would remove' : 'removed';
            context.stdout(`policy: ${(0,_shipkit_retention__WEBPACK_IMPORTED_MODULE_2__/* .describeRetention */ .uN)(policy)}\n` +
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
                ]));
            return 0;
        }
        finally {
            await storage.close();
        }
    },
};


/***/ })

};
