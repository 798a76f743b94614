export const id = 667;
export const ids = [667,259];
export const modules = {

/***/ 9259:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S3_OPTIONS: () => (/* binding */ S3_OPTIONS),
/* harmony export */   STORAGE_ENV: () => (/* binding */ STORAGE_ENV),
/* harmony export */   backup: () => (/* binding */ backup)
/* harmony export */ });
/* harmony import */ var _shipkit_action_kit__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4264);
/* harmony import */ var _shipkit_backup__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(94);
/* harmony import */ var _inputs__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1601);
/* harmony import */ var _text__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9071);




const S3_OPTIONS = {
    's3-endpoint': {
        type: 'string',
        value: '<url>',
        description: 'S3-compatible endpoint (env S3_ENDPOINT); empty = AWS',
    },
    's3-region': { type: 'string', value: '<region>', description: 'S3 region (default: AWS_REGION)' },
    's3-force-path-style': {
        type: 'string',
        value: 'true|false',
        description: 'path-style URLs (default: true with an endpoint)',
    },
    's3-checksum': {
        type: 'string',
        value: 'when-supported|when-required',
        description: 'checksum headers; when-required for R2/B2',
    },
};
const STORAGE_ENV = { 's3-endpoint': 'S3_ENDPOINT' };
const backup = {
    name: 'backup',
    usage: '--uri <mongodb-uri> --to <url> [options]',
    options: {
        uri: { type: 'string', value: '<uri>', description: 'source connection string (env MONGODB_URI)' },
        to: {
            type: 'string',
            value: '<url>',
            description: 's3://bucket/prefix or file:///path (env BACKUP_DESTINATION)',
        },
        include: { type: 'string', multiple: true, value: '<ns>', description: 'db, db.coll or glob to back up' },
        exclude: {
            type: 'string',
            multiple: true,
            value: '<ns>',
            description: 'db, db.coll or glob to leave out',
        },
        compression: {
            type: 'string',
            value: 'zstd|gzip|none',
            description: 'archive compression (default zstd)',
        },
        'compression-level': { type: 'string', value: '<n>', description: 'zstd 1-22, gzip 1-9' },
        'encrypt-recipients': {
            type: 'string',
            value: '<age1…>',
            description: 'age recipients, comma separated (env AGE_RECIPIENTS)',
        },
        parallelism: {
            type: 'string',
            value: '<n>',
            description: 'collections and ranges read at once (default 4)',
        },
        retention: { type: 'string', value: '<rules>', description: 'e.g. daily=7,weekly=4,monthly=12' },
        ...S3_OPTIONS,
        'storage-class': { type: 'string', value: '<class>', description: 'S3 storage class, e.g. STANDARD_IA' },
        sse: { type: 'string', value: '<mode>', description: 'AES256, aws:kms or aws:kms:<key-id>' },
        timeout: { type: 'string', value: '<duration>', description: 'fail after this long (default 2h)' },
    },
    details: 'Secrets are best passed through the environment (MONGODB_URI) so they stay out of shell history.',
    async run(args, context) {
        const inputs = (0,_inputs__WEBPACK_IMPORTED_MODULE_2__/* .optionInputs */ .t)(args, context.env, {
            aliases: { uri: 'mongodb-uri', to: 'destination' },
            envFallbacks: {
                'mongodb-uri': 'MONGODB_URI',
                destination: 'BACKUP_DESTINATION',
                'encrypt-recipients': 'AGE_RECIPIENTS',
                ...STORAGE_ENV,
            },
        });
        context.redactor.add(inputs.string('mongodb-uri'));
        const options = (0,_shipkit_backup__WEBPACK_IMPORTED_MODULE_1__/* .backupOptionsFromInputs */ .mx)(inputs, context.env);
        const result = await (0,_shipkit_backup__WEBPACK_IMPORTED_MODULE_1__/* .runBackup */ .Q3)(options, { logger: context.logger, signal: context.signal });
        const { manifest } = result;
        if (context.json) {
            context.stdout(`${JSON.stringify({ ...result, manifest: undefined, ...manifestSummary(result) }, null, 2)}\n`);
            return 0;
        }
        context.stdout((0,_text__WEBPACK_IMPORTED_MODULE_3__/* .textTable */ .e)(['namespace', 'type', 'documents', 'bytes'], manifest.namespaces.map((ns) => [
            `${ns.db}.${ns.collection}`,
            ns.type,
            (0,_shipkit_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .formatCount */ .B4)(ns.count),
            (0,_shipkit_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .formatBytes */ .z3)(ns.bytes),
        ]), [2, 3]));
        context.stdout(`\nbackup ${result.backupId}: ${(0,_shipkit_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .formatCount */ .B4)(manifest.totals.documents)} documents in ` +
            `${manifest.totals.namespaces} namespaces, ${(0,_shipkit_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .formatBytes */ .z3)(manifest.archive.size)} stored ` +
            `(${manifest.archive.compression}${manifest.archive.recipients.length ? ', encrypted' : ''}) in ` +
            `${(0,_shipkit_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(result.durationMs)}\nmanifest: ${result.manifestUrl}\n`);
        if (result.prune) {
            context.stdout(`retention: kept ${result.prune.kept.length}, removed ${result.prune.removed.length}` +
                `${result.prune.retainedByLock.length ? `, retained by lock ${result.prune.retainedByLock.length}` : ''}` +
                `${result.prune.damaged.length ? `, damaged (kept) ${result.prune.damaged.length}` : ''}\n`);
        }
        return 0;
    },
};
function manifestSummary(result) {
    const { manifest } = result;
    return {
        bytes: manifest.archive.size,
        documents: manifest.totals.documents,
        collections: manifest.totals.namespaces,
        durationSeconds: Math.round(result.durationMs / 1000),
        namespaces: manifest.namespaces.map((ns) => ({
            namespace: `${ns.db}.${ns.collection}`,
            type: ns.type,
            count: ns.count,
            bytes: ns.bytes,
            contentHash: ns.contentHash,
        })),
    };
}


/***/ }),

/***/ 4667:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   checkFreshnessCommand: () => (/* binding */ checkFreshnessCommand)
/* harmony export */ });
/* harmony import */ var _shipkit_backup__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(94);
/* harmony import */ var _shipkit_storage__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5927);
/* harmony import */ var _shipkit_verify__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3648);
/* harmony import */ var _inputs__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1601);
/* harmony import */ var _backup__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9259);





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
        ..._backup__WEBPACK_IMPORTED_MODULE_4__.S3_OPTIONS,
    },
    details: `
For deploy gates and a watchdog workflow: scheduled workflows stop silently (GitHub disables them
after 60 days without activity), so check the backups rather than trust the schedule.
Exit code 0: fresh; 1: no qualifying backup, or the newest is too old.

Example:
  shipkit check-freshness --at s3://acme-backups/shop --max-age 26h --require-verified`,
    async run(args, context) {
        const inputs = (0,_inputs__WEBPACK_IMPORTED_MODULE_3__/* .optionInputs */ .t)(args, context.env, {
            aliases: { at: 'destination' },
            envFallbacks: { destination: 'BACKUP_DESTINATION', ..._backup__WEBPACK_IMPORTED_MODULE_4__.STORAGE_ENV },
        });
        const url = inputs.required('destination');
        inputs.required('max-age');
        const maxAgeMs = inputs.duration('max-age', 0);
        const storage = (0,_shipkit_storage__WEBPACK_IMPORTED_MODULE_1__.openStorage)(url, { s3: (0,_shipkit_backup__WEBPACK_IMPORTED_MODULE_0__/* .s3OptionsFromInputs */ .mD)(inputs, context.env) });
        try {
            const result = await (0,_shipkit_verify__WEBPACK_IMPORTED_MODULE_2__/* .checkFreshness */ .IW)(storage, {
                maxAgeMs,
                requireVerified: inputs.boolean('require-verified', false),
            });
            if (context.json)
                context.stdout(`${JSON.stringify(result, null, 2)}\n`);
            else
                context.stdout(`${result.fresh ? 'fresh' : 'STALE'}: ${result.message}\n`);
            return result.fresh ? 0 : 1;
        }
        finally {
            await storage.close();
        }
    },
};


/***/ }),

/***/ 1601:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ optionInputs)
/* harmony export */ });
/* harmony import */ var _shipkit_action_kit__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4264);

/**
 * Lets a CLI command parse its options with the same code, names and checks as the action's inputs:
 * option values are laid out as `INPUT_*` entries, with environment variables as fallbacks, and
 * errors name the option (and its variable).
 */
function optionInputs(args, env, spec = {}) {
    const aliases = spec.aliases ?? {};
    const fallbacks = spec.envFallbacks ?? {};
    const source = {};
    for (const [input, variable] of Object.entries(fallbacks)) {
        const value = env[variable];
        if (value)
            source[(0,_shipkit_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .inputEnvName */ .d_)(input)] = value;
    }
    for (const [option, value] of Object.entries(args.options)) {
        if (value === undefined || option === 'json' || option === 'help' || option === 'verbose')
            continue;
        const input = aliases[option] ?? option;
        source[(0,_shipkit_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .inputEnvName */ .d_)(input)] = Array.isArray(value) ? value.map(String).join('\n') : String(value);
    }
    const optionOf = Object.fromEntries(Object.entries(aliases).map(([option, input]) => [input, option]));
    return new _shipkit_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0(source, (input) => {
        const option = `--${optionOf[input] ?? input}`;
        return fallbacks[input] ? `${option} (or ${fallbacks[input]})` : option;
    });
}


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
