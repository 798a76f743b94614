export const id = 64;
export const ids = [64,259];
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
/* harmony import */ var _shipkit_action_kit__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4264);
/* harmony import */ var _shipkit_mongo__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5862);
/* harmony import */ var _shipkit_verify__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3648);
/* harmony import */ var _inputs__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1601);
/* harmony import */ var _text__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(9071);
/* harmony import */ var _backup__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9259);








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
    timeout: { type: 'string', value: '<duration>', description: 'fail after this long (default 6h)' },
    ..._backup__WEBPACK_IMPORTED_MODULE_6__.S3_OPTIONS,
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
    const inputs = (0,_inputs__WEBPACK_IMPORTED_MODULE_5__/* .optionInputs */ .t)(args, context.env, {
        aliases: { ...extra.aliases },
        envFallbacks: { from: 'BACKUP_DESTINATION', ..._backup__WEBPACK_IMPORTED_MODULE_6__.STORAGE_ENV, ...extra.envFallbacks },
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
            throw new _shipkit_action_kit__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`--identity-file ${file} cannot be read: ${error.message}`);
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
        const { headers, rows } = (0,_shipkit_verify__WEBPACK_IMPORTED_MODULE_4__/* .namespaceRows */ .nB)(report);
        context.stdout((0,_text__WEBPACK_IMPORTED_MODULE_7__/* .textTable */ .e)(headers, rows, [headers.indexOf('expected'), headers.indexOf('actual')]));
        context.stdout(`\n${(0,_shipkit_verify__WEBPACK_IMPORTED_MODULE_4__/* .headline */ .Pl)(report)}\n`);
        const outcomes = report.target?.namespaces;
        if (outcomes && report.result === 'passed')
            context.stdout(`${(0,_shipkit_mongo__WEBPACK_IMPORTED_MODULE_3__/* .describeOutcomes */ .vl)(outcomes)}\n`);
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
    context.logger.error((0,_shipkit_verify__WEBPACK_IMPORTED_MODULE_4__/* .failureMessage */ .oh)(report));
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
        const outcome = await (0,_shipkit_verify__WEBPACK_IMPORTED_MODULE_4__/* .runVerifyRestore */ .Fx)({ ...options, mode, ...(scratchUri ? { scratchUri } : {}) }, { logger: context.logger, signal: context.signal });
        if (outcome.kind !== 'report')
            throw new Error('unreachable: verification returned a plan');
        return printReport(outcome.report, args, context);
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
