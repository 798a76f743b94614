export const id = 223;
export const ids = [223];
export const modules = {

/***/ 4678:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E6: () => (/* binding */ isSameSource),
/* harmony export */   Ho: () => (/* binding */ findAnomaly),
/* harmony export */   Jg: () => (/* binding */ judgeAck),
/* harmony export */   Ng: () => (/* binding */ describeAnomaly),
/* harmony export */   Qm: () => (/* binding */ ANOMALY_ACK_NAME),
/* harmony export */   XP: () => (/* binding */ anomalySchema),
/* harmony export */   ux: () => (/* binding */ DEFAULT_ANOMALY_DROP_PERCENT)
/* harmony export */ });
/* unused harmony export anomalyAckSchema */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7821);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3477);
/* harmony import */ var _ids__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1397);


/**
 * The anomaly guard: a backup whose data collapsed compared with the previous complete backup of the
 * same source (a namespace gone, or fewer documents by more than the threshold, per namespace or in
 * all) is still committed — it is the truth about the source — but its manifest records the anomaly,
 * and until it is acknowledged retention keeps the newest backup from before it.
 *
 *   <backup-id>/anomaly-ack.json   written by `shipkit ack-anomaly`: the collapse was intended
 */
const ANOMALY_ACK_NAME = 'anomaly-ack.json';
/** The threshold when none is given: half the documents gone. */
const DEFAULT_ANOMALY_DROP_PERCENT = 50;
const count = zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().nonnegative();
const anomalySchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    /** The backup this one was compared with. */
    comparedWith: _ids__WEBPACK_IMPORTED_MODULE_1__/* .backupIdSchema */ .T,
    /** A drop by more than this share of the documents, in percent, is an anomaly. */
    dropPercent: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().gt(0).max(100),
    /** Each namespace that disappeared (`after` 0, `missing`) or lost more than the threshold. */
    namespaces: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ namespace: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), before: count, after: count, missing: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().optional() })
        .strict()),
    /** Present when the total number of documents fell by more than the threshold. */
    total: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ before: count, after: count }).strict().optional(),
    /** Set when the backup was taken with accept-anomaly: the collapse was intended, and acknowledged at once. */
    acceptedAt: zod__WEBPACK_IMPORTED_MODULE_2__/* .datetime */ .w$().optional(),
})
    .strict();
function droppedBeyond(before, after, dropPercent) {
    return before > 0 && ((before - after) / before) * 100 > dropPercent;
}
/**
 * Compares a new backup with the previous one of the same source (pure). Undefined when nothing
 * collapsed or the guard is off (`dropPercent` 0).
 */
function findAnomaly(previous, current, dropPercent) {
    if (dropPercent <= 0)
        return undefined;
    const now = new Map(current.namespaces.map((ns) => [`${ns.db}.${ns.collection}`, ns.count]));
    const namespaces = [];
    for (const ns of previous.namespaces) {
        const namespace = `${ns.db}.${ns.collection}`;
        const after = now.get(namespace);
        if (after === undefined)
            namespaces.push({ namespace, before: ns.count, after: 0, missing: true });
        else if (droppedBeyond(ns.count, after, dropPercent))
            namespaces.push({ namespace, before: ns.count, after });
    }
    const before = previous.totals.documents;
    const after = current.totals.documents;
    const total = droppedBeyond(before, after, dropPercent) ? { before, after } : undefined;
    if (namespaces.length === 0 && !total)
        return undefined;
    return { comparedWith: previous.backupId, dropPercent, namespaces, ...(total ? { total } : {}) };
}
/**
 * Which earlier backup a new one is compared with: the newest complete one taken with the same
 * selection (include/exclude), since another selection is another source as far as counts go.
 */
function isSameSource(a, b) {
    const same = (x, y) => x.length === y.length && [...x].sort().every((v, i) => v === [...y].sort()[i]);
    return same(a.settings.include, b.settings.include) && same(a.settings.exclude, b.settings.exclude);
}
/** "shop.orders 10,000 → 1,000; shop.carts gone (12)" */
function describeAnomaly(anomaly) {
    const parts = anomaly.namespaces.map((ns) => ns.missing
        ? `${ns.namespace} disappeared (had ${ns.before})`
        : `${ns.namespace} ${ns.before} → ${ns.after}`);
    if (anomaly.total)
        parts.push(`all documents ${anomaly.total.before} → ${anomaly.total.after}`);
    return `${parts.join('; ')} (compared with ${anomaly.comparedWith})`;
}
/** The acknowledgement of an anomaly: the collapse was intended. */
const anomalyAckSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    formatVersion: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz(1),
    backupId: _ids__WEBPACK_IMPORTED_MODULE_1__/* .backupIdSchema */ .T,
    acknowledgedAt: zod__WEBPACK_IMPORTED_MODULE_2__/* .datetime */ .w$(),
    /** SHA-256 of the manifest acknowledged: the record belongs to this backup as it is. */
    manifestSha256: _ids__WEBPACK_IMPORTED_MODULE_1__/* .hex64 */ ._,
    note: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().max(1000).optional(),
})
    .strict();
/** An acknowledgement as the catalogue judged it: its time, or why it does not count. */
function judgeAck(text, folderId, manifestSha256) {
    let json;
    try {
        json = JSON.parse(text);
    }
    catch {
        return { damage: `${ANOMALY_ACK_NAME} is not valid JSON` };
    }
    const parsed = anomalyAckSchema.safeParse(json);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return {
            damage: `${ANOMALY_ACK_NAME} is not a valid acknowledgement: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`,
        };
    }
    if (parsed.data.backupId !== folderId) {
        return { damage: `${ANOMALY_ACK_NAME} names backup ${parsed.data.backupId}, not ${folderId}` };
    }
    if (parsed.data.manifestSha256 !== manifestSha256) {
        return { damage: `manifest.json changed after ${ANOMALY_ACK_NAME} was written` };
    }
    return { acknowledgedAt: parsed.data.acknowledgedAt };
}


/***/ }),

/***/ 3957:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $I: () => (/* binding */ checkRecipients),
/* harmony export */   JR: () => (/* binding */ checkCompressionLevel),
/* harmony export */   OB: () => (/* binding */ sniffEncoding),
/* harmony export */   UC: () => (/* binding */ decryptStream),
/* harmony export */   UO: () => (/* binding */ encryptStream),
/* harmony export */   XC: () => (/* binding */ DEFAULT_COMPRESSION),
/* harmony export */   _7: () => (/* binding */ COMPRESSIONS),
/* harmony export */   du: () => (/* binding */ recipientOf),
/* harmony export */   fN: () => (/* binding */ IDENTITY_OPTION),
/* harmony export */   fR: () => (/* binding */ compressStream)
/* harmony export */ });
/* unused harmony exports DEFAULT_LEVEL, decompressStream */
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(673);
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5981);
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3422);
/* harmony import */ var _zstd_frames__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8287);




/**
 * The byte transformations between the archive and the stored object:
 *   archive → compress (zstd | gzip | none) → age encryption (optional) → storage
 * and back. zstd is Node 24's zlib binding, written as a series of frames (see zstd-frames.ts); gzip
 * is what `mongorestore --gzip` reads; age output is what `age -d` decrypts, with a MAC per 64 KiB
 * chunk so truncation and tampering are detected.
 */
// Loaded only when a backup is encrypted or decrypted: most runs never need it.
const loadAge = () => __webpack_require__.e(/* import() */ 291).then(__webpack_require__.bind(__webpack_require__, 8291));
const COMPRESSIONS = ['zstd', 'gzip', 'none'];
/** A backup's compression unless asked otherwise. */
const DEFAULT_COMPRESSION = 'zstd';
const DEFAULT_LEVEL = { zstd: 3, gzip: 6, none: undefined };
function compressStream(compression, level, options = {}) {
    switch (compression) {
        case 'zstd':
            return new FramedZstdCompress(level ?? DEFAULT_LEVEL.zstd, options.frameBytes);
        case 'gzip':
            return node_zlib__WEBPACK_IMPORTED_MODULE_1___default().createGzip({ level: level ?? DEFAULT_LEVEL.gzip });
        case 'none':
            return new node_stream__WEBPACK_IMPORTED_MODULE_0__.PassThrough();
    }
}
function decompressStream(compression) {
    switch (compression) {
        case 'zstd':
            return zstdDecompressStream();
        case 'gzip':
            return zlib.createGunzip();
        case 'none':
            return new PassThrough();
    }
}
/**
 * zstd compression that ends the frame after every `frameBytes` of input, so that a reader can
 * decompress the frames on several threads; a decoder reads them as one stream. One compressor
 * throughout: a frame end only resets its history, so memory stays that of one stream.
 */
class FramedZstdCompress extends node_stream__WEBPACK_IMPORTED_MODULE_0__.Duplex {
    #inner;
    #frameBytes;
    #sinceFrame = 0;
    constructor(level, frameBytes = _zstd_frames__WEBPACK_IMPORTED_MODULE_2__/* .FRAME_BYTES */ .K) {
        super();
        this.#frameBytes = frameBytes;
        this.#inner = node_zlib__WEBPACK_IMPORTED_MODULE_1___default().createZstdCompress({
            params: {
                [(node_zlib__WEBPACK_IMPORTED_MODULE_1___default().constants).ZSTD_c_compressionLevel]: level,
                [(node_zlib__WEBPACK_IMPORTED_MODULE_1___default().constants).ZSTD_c_checksumFlag]: 1,
            },
        });
        this.#inner.on('data', (chunk) => {
            if (!this.push(chunk))
                this.#inner.pause();
        });
        this.#inner.on('end', () => this.push(null));
        this.#inner.on('error', (error) => this.destroy(error));
    }
    _write(chunk, _encoding, callback) {
        this.#inner.write(chunk, (error) => callback(error));
        this.#sinceFrame += chunk.length;
        if (this.#sinceFrame >= this.#frameBytes) {
            this.#sinceFrame = 0;
            this.#inner.flush((node_zlib__WEBPACK_IMPORTED_MODULE_1___default().constants).ZSTD_e_end);
        }
    }
    _final(callback) {
        this.#inner.end(() => callback());
    }
    _read() {
        this.#inner.resume();
    }
    _destroy(error, callback) {
        this.#inner.destroy();
        callback(error);
    }
}
/** A Duplex over `decompressZstd`: every frame of the input, whatever its chunks. */
function zstdDecompressStream() {
    const input = new PassThrough();
    const output = Readable.from(decompressZstd(input));
    return Duplex.from({ writable: input, readable: output });
}
function checkCompressionLevel(compression, level) {
    if (level === undefined)
        return;
    const range = { zstd: [1, 22], gzip: [1, 9], none: [0, 0] }[compression];
    if (compression === 'none' || level < range[0] || level > range[1]) {
        throw new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_3__/* .OptionError */ .eR('compression-level', compression === 'none'
            ? (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_4__/* .say */ .cv) `cannot be used with ${(0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_4__/* .ref */ .KR)('compression')} 'none'.`
            : `for ${compression} must be from ${range[0]} to ${range[1]}, got ${level}.`);
    }
}
/** The option that gives the age identity decrypting a backup. */
const IDENTITY_OPTION = 'decrypt-identity';
const RECIPIENT = /^age1[023456789acdefghjklmnpqrstuvwxyz]{58}$/;
/** X25519 recipients (`age1…`, 62 characters); each bad one is named in the error. */
function checkRecipients(recipients) {
    const bad = recipients.filter((r) => !RECIPIENT.test(r));
    if (bad.length > 0) {
        const shown = bad.map((r) => `'${r.length > 20 ? `${r.slice(0, 12)}…` : r}'`).join(', ');
        throw new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_3__/* .OptionError */ .eR('encrypt-recipients', `has ${bad.length === 1 ? 'an invalid recipient' : 'invalid recipients'}: ${shown}. ` +
            'Each must be an age X25519 public key: age1 followed by 58 lower-case bech32 characters (see `age-keygen -y`).');
    }
}
async function encryptStream(plaintext, recipients) {
    checkRecipients(recipients);
    const { Encrypter } = await loadAge();
    const encrypter = new Encrypter();
    for (const recipient of recipients)
        encrypter.addRecipient(recipient);
    const web = await encrypter.encrypt(node_stream__WEBPACK_IMPORTED_MODULE_0__.Readable.toWeb(plaintext));
    return node_stream__WEBPACK_IMPORTED_MODULE_0__.Readable.fromWeb(web);
}
/**
 * Decrypts with an `AGE-SECRET-KEY-1…` identity; a wrong identity is an `OptionError` about the
 * option that gave it (`decrypt-identity`), not a stack trace.
 */
async function decryptStream(ciphertext, identity, option = IDENTITY_OPTION) {
    const trimmed = identity.trim();
    if (!/^AGE-SECRET-KEY-1[0-9A-Z]+$/.test(trimmed)) {
        throw new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_3__/* .OptionError */ .eR(option, 'must be an age identity (AGE-SECRET-KEY-1…, as written by age-keygen).');
    }
    const { Decrypter } = await loadAge();
    const decrypter = new Decrypter();
    decrypter.addIdentity(trimmed);
    try {
        const web = await decrypter.decrypt(node_stream__WEBPACK_IMPORTED_MODULE_0__.Readable.toWeb(ciphertext));
        return node_stream__WEBPACK_IMPORTED_MODULE_0__.Readable.fromWeb(web);
    }
    catch (error) {
        const message = error.message ?? '';
        if (/no identity matched/i.test(message)) {
            throw new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_3__/* .OptionError */ .eR(option, 'cannot decrypt this backup: it was encrypted to other recipients.');
        }
        throw new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_5__/* .UserError */ .y(`The backup could not be decrypted: ${message}`);
    }
}
/** The public key (`age1…`) of an identity, to check it matches a manifest's recipients. */
async function recipientOf(identity) {
    const { identityToRecipient } = await loadAge();
    return identityToRecipient(identity.trim());
}
/** What a stored object starts with: age, zstd, gzip or a bare mongodump archive. */
function sniffEncoding(head) {
    const b = Buffer.from(head);
    if (b.subarray(0, 21).toString('latin1') === 'age-encryption.org/v1')
        return 'age';
    if (b.length >= 4 && b.readUInt32LE(0) === 0xfd2fb528)
        return 'zstd';
    if (b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b)
        return 'gzip';
    if (b.length >= 4 && b.readUInt32LE(0) === 0x8199e26d)
        return 'archive';
    return 'unknown';
}


/***/ }),

/***/ 1397:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ backupIdSchema),
/* harmony export */   _: () => (/* binding */ hex64)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7821);

/** Schemas the manifest and the records next to it share. */
const hex64 = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().regex(/^[0-9a-f]{64}$/, 'expected 64 lower-case hex digits');
const backupIdSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{6}Z-[0-9a-f]{6}$/, 'expected a backup id such as 2026-11-25T030000Z-1a2b3c');


/***/ }),

/***/ 9053:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F1: () => (/* binding */ backupKeys),
/* harmony export */   NB: () => (/* binding */ backupIdTime),
/* harmony export */   Pp: () => (/* binding */ partArchiveName),
/* harmony export */   _H: () => (/* binding */ newBackupId),
/* harmony export */   _K: () => (/* binding */ PLAN_NAME),
/* harmony export */   cA: () => (/* binding */ partRecordName),
/* harmony export */   "if": () => (/* binding */ isBackupId),
/* harmony export */   ir: () => (/* binding */ MANIFEST_NAME),
/* harmony export */   kz: () => (/* binding */ MAX_PARTS),
/* harmony export */   uv: () => (/* binding */ archiveName)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

/**
 * Where a backup's objects live under the destination prefix:
 *   <backup-id>/archive.mongodump[.gz|.zst][.age]   the data, in mongodump's archive format
 *   <backup-id>/manifest.json                        written last: without it the backup does not exist
 *   <backup-id>/verification.<mode>[.partial].json   written by a passing verification (see verification.ts)
 * Backup ids sort by time: `2026-11-25T030000Z-1a2b3c`.
 */
const MANIFEST_NAME = 'manifest.json';
/**
 * A backup written in parts (see parts.ts) also holds, before its manifest:
 *   <backup-id>/plan.json                               what each part reads, written first
 *   <backup-id>/part-001.mongodump[.gz|.zst][.age]     each part's self-contained archive
 *   <backup-id>/part-001.json                           each part's record, written after its archive
 */
const PLAN_NAME = 'plan.json';
/** A GitHub Actions matrix runs at most 256 jobs. */
const MAX_PARTS = 256;
function partStem(part) {
    return `part-${String(part).padStart(3, '0')}`;
}
function partArchiveName(part, compression, encrypted) {
    return `${partStem(part)}${archiveName(compression, encrypted).slice('archive'.length)}`;
}
function partRecordName(part) {
    return `${partStem(part)}.json`;
}
const BACKUP_ID = /^(\d{4})-(\d{2})-(\d{2})T(\d{2})(\d{2})(\d{2})Z-[0-9a-f]{6}$/;
function newBackupId(at, random = () => (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(2)) {
    const iso = at.toISOString(); // 2026-11-25T03:00:00.000Z
    // The suffix starts with the milliseconds (3 hex digits, 000–3e7), then 3 random ones: of two
    // backups started in the same second, the later one sorts after, so "newest" never depends on chance.
    const millis = at.getUTCMilliseconds().toString(16).padStart(3, '0');
    const suffix = `${millis}${random().toString('hex').slice(0, 3)}`;
    return `${iso.slice(0, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z-${suffix}`;
}
function isBackupId(text) {
    return BACKUP_ID.test(text);
}
/** The time a backup id names. */
function backupIdTime(id) {
    const m = BACKUP_ID.exec(id);
    if (!m)
        throw new Error(`'${id}' is not a backup id (expected e.g. 2026-11-25T030000Z-1a2b3c)`);
    return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]));
}
function archiveName(compression, encrypted) {
    const ext = { zstd: '.zst', gzip: '.gz', none: '' }[compression];
    return `archive.mongodump${ext}${encrypted ? '.age' : ''}`;
}
function backupKeys(id, archive) {
    return {
        archive: `${id}/${archive}`,
        manifest: `${id}/${MANIFEST_NAME}`,
    };
}


/***/ }),

/***/ 3453:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CL: () => (/* binding */ FINALIZE_OPTIONS),
/* harmony export */   F_: () => (/* binding */ DECRYPT_IDENTITY),
/* harmony export */   Jv: () => (/* binding */ finalizeOptions),
/* harmony export */   Su: () => (/* binding */ planOptions),
/* harmony export */   VN: () => (/* binding */ PLAN_OPTIONS),
/* harmony export */   fI: () => (/* binding */ backupOptions),
/* harmony export */   iP: () => (/* binding */ partOptions),
/* harmony export */   mT: () => (/* binding */ BACKUP_OPTIONS),
/* harmony export */   tp: () => (/* binding */ DESTINATION),
/* harmony export */   zd: () => (/* binding */ PART_OPTIONS)
/* harmony export */ });
/* unused harmony exports SOURCE_URI, parseSse, PARTS, PLANNED_BACKUP, PART */
/* harmony import */ var _shipkit_mongo__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6363);
/* harmony import */ var _shipkit_retention__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7337);
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3832);
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(673);
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8463);
/* harmony import */ var _shipkit_storage__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2914);
/* harmony import */ var _anomaly__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4678);
/* harmony import */ var _codec__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3957);
/* harmony import */ var _layout__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(9053);







/** The source server of a backup. */
const SOURCE_URI = (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .textRow */ .yL)({
    description: 'Connection string of the source (mongodb:// or mongodb+srv://). Secret: masked in every form.',
    required: true,
    secret: true,
    flag: 'uri',
    env: 'MONGODB_URI',
    placeholder: '<uri>',
});
/** The age identity that decrypts a backup: its text, never a path; on the command line from the environment only. */
const DECRYPT_IDENTITY = (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .textRow */ .yL)({
    description: 'The age identity (AGE-SECRET-KEY-1…, or the text of an identity file) that decrypts an encrypted backup. Secret: masked.',
    default: '',
    secret: true,
    flag: false,
    env: 'AGE_IDENTITY',
});
/** Where backups are kept: each backup is a folder `<backup-id>/` below it. */
const DESTINATION = (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .textRow */ .yL)({
    description: 'Where backups are kept: s3://bucket/prefix or file:///absolute/path. Each backup is a folder <backup-id>/ below it.',
    required: true,
    env: 'BACKUP_DESTINATION',
    placeholder: '<url>',
});
const STORAGE_CLASSES = [
    'STANDARD',
    'STANDARD_IA',
    'ONEZONE_IA',
    'INTELLIGENT_TIERING',
    'GLACIER_IR',
    'GLACIER',
    'DEEP_ARCHIVE',
    'REDUCED_REDUNDANCY',
];
/** `AES256`, `aws:kms` or `aws:kms:<key id or ARN>`. */
function parseSse(raw) {
    if (raw === 'AES256')
        return { serverSideEncryption: 'AES256' };
    if (raw === 'aws:kms')
        return { serverSideEncryption: 'aws:kms' };
    if (raw.startsWith('aws:kms:') && raw.length > 8)
        return { serverSideEncryption: 'aws:kms', kmsKeyId: raw.slice(8) };
    throw new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_1__/* .InvalidValue */ .h6(`must be AES256, aws:kms or aws:kms:<key id>, got '${raw}'.`);
}
/** The options of a backup: the mongo-backup action's inputs and `shipkit backup`'s flags. */
const BACKUP_OPTIONS = {
    'mongodb-uri': SOURCE_URI,
    destination: { ...DESTINATION, flag: 'to' },
    include: {
        ..._shipkit_mongo__WEBPACK_IMPORTED_MODULE_2__/* .INCLUDE */ .rM,
        description: 'Databases or namespaces to back up (db, db.collection, globs such as shop.*), comma or newline separated. Default: every database the user can read except admin, local and config.',
    },
    exclude: _shipkit_mongo__WEBPACK_IMPORTED_MODULE_2__/* .EXCLUDE */ .Hx,
    compression: (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .enumRow */ .QR)(_codec__WEBPACK_IMPORTED_MODULE_3__/* .COMPRESSIONS */ ._7, {
        description: 'zstd (smallest, fastest), gzip (what `mongorestore --gzip` reads directly) or none.',
        default: _codec__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_COMPRESSION */ .XC,
    }),
    'compression-level': (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .integerRow */ .d1)({
        description: 'zstd 1–22 or gzip 1–9. Default: the algorithm’s own (zstd 3, gzip 6).',
        default: '',
        min: 1,
        max: 22,
    }),
    'encrypt-recipients': (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .listRow */ .f0)({
        description: 'age X25519 public keys (age1…) to encrypt to, comma or newline separated. Default: not encrypted.',
        default: '',
        env: 'AGE_RECIPIENTS',
        placeholder: '<age1…>',
    }),
    parallelism: {
        ..._shipkit_runtime__WEBPACK_IMPORTED_MODULE_4__/* .PARALLELISM */ .Px,
        description: 'Collections (and _id ranges of large collections) read at once.',
    },
    retention: _shipkit_retention__WEBPACK_IMPORTED_MODULE_5__/* .RETENTION */ .xA,
    ..._shipkit_storage__WEBPACK_IMPORTED_MODULE_6__/* .S3_ROWS */ .x,
    'storage-class': (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .enumRow */ .QR)(STORAGE_CLASSES, {
        description: 'S3 storage class for the archive, e.g. STANDARD_IA. Default: the bucket’s.',
        default: '',
        placeholder: '<class>',
    }),
    sse: (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .customRow */ .Kl)(parseSse, {
        description: 'Server-side encryption: AES256, aws:kms or aws:kms:<key-id>. Default: the bucket’s.',
        default: '',
        placeholder: '<mode>',
    }),
    'anomaly-drop': (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .integerRow */ .d1)({
        description: 'The anomaly guard: a namespace that disappeared, or fewer documents than in the previous backup by more than this percent (per namespace or in all), marks the backup as an anomaly: it is kept, the run fails (the CLI exits 3), and retention keeps the backup from before it until the anomaly is acknowledged. 0 turns the guard off.',
        default: String(_anomaly__WEBPACK_IMPORTED_MODULE_7__/* .DEFAULT_ANOMALY_DROP_PERCENT */ .ux),
        min: 0,
        max: 100,
        placeholder: '<percent>',
    }),
    'accept-anomaly': (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .booleanRow */ .HP)({
        description: 'The collapse is intended (a planned mass deletion): the anomaly is recorded as acknowledged, the run succeeds, and retention follows its rules.',
        default: 'false',
    }),
    timeout: (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_4__/* .timeoutRow */ .o5)('2h', 'Fail if the backup takes longer, e.g. 90m or 2h. Requests still waiting are then aborted, the upload with them (no manifest is written), and the run ends within seconds, naming what did not answer.'),
    'connect-timeout': _shipkit_mongo__WEBPACK_IMPORTED_MODULE_2__/* .CONNECT_TIMEOUT */ .x0,
};
/** A backup's typed options from its parsed table; the S3 region falls back to the environment's. */
function backupOptions(values, env = process.env) {
    const level = values['compression-level'];
    const retention = (0,_shipkit_retention__WEBPACK_IMPORTED_MODULE_5__/* .retentionPolicy */ .$Y)(values);
    const storageClass = values['storage-class'];
    const connectTimeoutMs = values['connect-timeout'];
    return {
        uri: values['mongodb-uri'],
        destination: values.destination,
        include: values.include,
        exclude: values.exclude,
        compression: values.compression,
        ...(level === undefined ? {} : { compressionLevel: level }),
        recipients: values['encrypt-recipients'],
        parallelism: values.parallelism,
        ...(retention ? { retention } : {}),
        anomalyDropPercent: values['anomaly-drop'],
        acceptAnomaly: values['accept-anomaly'],
        timeoutMs: values.timeout,
        ...(connectTimeoutMs === undefined ? {} : { connectTimeoutMs }),
        storage: {
            ...(0,_shipkit_storage__WEBPACK_IMPORTED_MODULE_6__/* .s3Options */ .h)(values, env),
            ...(storageClass ? { storageClass } : {}),
            ...values.sse,
        },
    };
}
/** How many parts a backup is split into (`shipkit backup plan`, the reusable workflow's matrix). */
const PARTS = (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .integerRow */ .d1)({
    description: 'Split the backup into this many parts, each written by its own job (a matrix of at most 256; see "Backups in parts"). 1 is one archive, as without parts.',
    default: '1',
    min: 1,
    max: _layout__WEBPACK_IMPORTED_MODULE_8__/* .MAX_PARTS */ .kz,
});
/** The backup a part or a finalize belongs to: the id `plan` printed. */
const PLANNED_BACKUP = (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .textRow */ .yL)({
    description: 'The id of the planned backup, as `shipkit backup plan` printed it, e.g. 2026-11-25T030000Z-1a2b3c.',
    required: true,
    placeholder: '<backup-id>',
});
/** Which part to write: 1 to the plan's number of parts. */
const PART = (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .integerRow */ .d1)({
    description: 'The part to write, 1 to the number of parts of the plan. A part may be re-run: it replaces only its own objects.',
    required: true,
    min: 1,
    max: _layout__WEBPACK_IMPORTED_MODULE_8__/* .MAX_PARTS */ .kz,
});
/** `shipkit backup plan`: the catalogue read once, the split written to <backup-id>/plan.json. */
const PLAN_OPTIONS = {
    'mongodb-uri': BACKUP_OPTIONS['mongodb-uri'],
    destination: BACKUP_OPTIONS.destination,
    parts: { ...PARTS, default: '2' },
    include: BACKUP_OPTIONS.include,
    exclude: BACKUP_OPTIONS.exclude,
    compression: BACKUP_OPTIONS.compression,
    'compression-level': BACKUP_OPTIONS['compression-level'],
    'encrypt-recipients': BACKUP_OPTIONS['encrypt-recipients'],
    ..._shipkit_storage__WEBPACK_IMPORTED_MODULE_6__/* .S3_ROWS */ .x,
    timeout: (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_4__/* .timeoutRow */ .o5)('10m'),
    'connect-timeout': _shipkit_mongo__WEBPACK_IMPORTED_MODULE_2__/* .CONNECT_TIMEOUT */ .x0,
};
/** `shipkit backup part`: one part of a planned backup; what to read and how to store it come from the plan. */
const PART_OPTIONS = {
    'mongodb-uri': BACKUP_OPTIONS['mongodb-uri'],
    destination: BACKUP_OPTIONS.destination,
    backup: PLANNED_BACKUP,
    part: PART,
    parallelism: BACKUP_OPTIONS.parallelism,
    ..._shipkit_storage__WEBPACK_IMPORTED_MODULE_6__/* .S3_ROWS */ .x,
    'storage-class': BACKUP_OPTIONS['storage-class'],
    sse: BACKUP_OPTIONS.sse,
    timeout: (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_4__/* .timeoutRow */ .o5)('6h', BACKUP_OPTIONS.timeout.description),
    'connect-timeout': _shipkit_mongo__WEBPACK_IMPORTED_MODULE_2__/* .CONNECT_TIMEOUT */ .x0,
};
/** `shipkit backup finalize`: every part checked, then the manifest written last. */
const FINALIZE_OPTIONS = {
    destination: BACKUP_OPTIONS.destination,
    backup: PLANNED_BACKUP,
    ..._shipkit_storage__WEBPACK_IMPORTED_MODULE_6__/* .S3_ROWS */ .x,
    timeout: (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_4__/* .timeoutRow */ .o5)('1h'),
};
function storageOf(values, env) {
    const storageClass = values['storage-class'];
    return { ...(0,_shipkit_storage__WEBPACK_IMPORTED_MODULE_6__/* .s3Options */ .h)(values, env), ...(storageClass ? { storageClass } : {}), ...values.sse };
}
function planOptions(values, env = process.env) {
    const level = values['compression-level'];
    const connectTimeoutMs = values['connect-timeout'];
    return {
        uri: values['mongodb-uri'],
        destination: values.destination,
        parts: values.parts,
        include: values.include,
        exclude: values.exclude,
        compression: values.compression,
        ...(level === undefined ? {} : { compressionLevel: level }),
        recipients: values['encrypt-recipients'],
        storage: storageOf(values, env),
        timeoutMs: values.timeout,
        ...(connectTimeoutMs === undefined ? {} : { connectTimeoutMs }),
    };
}
function partOptions(values, env = process.env) {
    const connectTimeoutMs = values['connect-timeout'];
    return {
        uri: values['mongodb-uri'],
        destination: values.destination,
        backupId: values.backup,
        part: values.part,
        parallelism: values.parallelism,
        storage: storageOf(values, env),
        timeoutMs: values.timeout,
        ...(connectTimeoutMs === undefined ? {} : { connectTimeoutMs }),
    };
}
function finalizeOptions(values, env = process.env) {
    return {
        destination: values.destination,
        backupId: values.backup,
        storage: storageOf(values, env),
        timeoutMs: values.timeout,
    };
}


/***/ }),

/***/ 8287:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ FRAME_BYTES),
/* harmony export */   l: () => (/* binding */ decompressZstd)
/* harmony export */ });
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_1__);


/**
 * zstd streams of several frames. A backup ends a frame every `FRAME_BYTES` of archive, so a reader can
 * decompress frames on several threads at once; any zstd decoder (`zstd -d`, and so `mongorestore`
 * behind it) reads the frames one after the other as one stream.
 *
 * Node's zstd decompressor cannot be trusted with such a stream: when a frame ends inside an input
 * chunk it drops the rest of that chunk (Node 24.21). `decompressZstd` therefore finds each frame's
 * end from its block headers, without decompressing, and hands every frame to a decompressor of its
 * own.
 */
/** Archive bytes per frame written by `compressStream`: small enough to spread, large enough to compress. */
const FRAME_BYTES = 8 * 1024 * 1024;
const ZSTD_MAGIC = 0xfd2fb528;
// Skippable frames: 0x184D2A50 to 0x184D2A5F, a 4-byte length, then data any decoder ignores.
const SKIPPABLE_MASK = 0xfffffff0;
const SKIPPABLE_MAGIC = 0x184d2a50;
/**
 * The decompressed bytes of a zstd stream of any number of frames, in order. Each complete frame of at
 * most `wholeFrameBytes` gets a decompressor of its own, `concurrency` of them at work at once in the
 * thread pool, each holding at most about `aheadBytes` of output ahead of the reader; a larger frame (the
 * zstd tool writes one frame for a whole stream) streams through one decompressor as its input
 * arrives. Corrupt or cut-off data is thrown as zstd reports it, or as a description of the bytes that
 * are not a frame, when the reader reaches it.
 */
async function* decompressZstd(source, options = {}) {
    // Two frames at once keep both cores busy beside the reader; a third only held memory (measured on
    // 256 MiB: the integrity check's peak RSS 175 → 144 MiB at the same 2.8 s, a restore's 216 → 199 MiB).
    const concurrency = Math.max(1, options.concurrency ?? 2);
    const wholeFrameBytes = options.wholeFrameBytes ?? 16 * 1024 * 1024;
    const chunkSize = options.chunkSize ?? 1024 * 1024;
    const aheadBytes = Math.max(1, options.aheadBytes ?? FRAME_BYTES);
    const input = new ByteQueue(source);
    const ahead = [];
    try {
        for (;;) {
            const frame = await nextFrame(input, wholeFrameBytes);
            if (frame === 'end')
                break;
            if (frame.kind === 'skippable')
                continue;
            if (frame.kind === 'cut') {
                // What the cut-off frame still holds comes out first, as from a single stream, then the error.
                for (let next = ahead.shift(); next; next = ahead.shift())
                    yield* next.read();
                try {
                    yield* decompressed(frame.parts, chunkSize);
                }
                catch {
                    // zstd says only "unexpected end of file"; the error says where.
                }
                throw frame.error;
            }
            if (frame.kind === 'whole') {
                ahead.push(new FrameOutput(frame.parts, chunkSize, aheadBytes));
                if (ahead.length >= concurrency)
                    yield* ahead.shift().read();
                continue;
            }
            // A large frame: everything before it first, then its output as its input arrives.
            for (let next = ahead.shift(); next; next = ahead.shift())
                yield* next.read();
            yield* decompressed(frame.rest(), chunkSize);
        }
        for (let next = ahead.shift(); next; next = ahead.shift())
            yield* next.read();
    }
    finally {
        for (const output of ahead)
            output.close();
        await input.close();
    }
}
/** What a decompressor makes of `input`, as it comes. */
function decompressed(input, chunkSize) {
    const decompressor = node_zlib__WEBPACK_IMPORTED_MODULE_1___default().createZstdDecompress({ chunkSize });
    const source = node_stream__WEBPACK_IMPORTED_MODULE_0__.Readable.from(input, { objectMode: false });
    source.on('error', (error) => decompressor.destroy(error));
    return source.pipe(decompressor);
}
/**
 * One frame decompressed ahead of the reader: its output is gathered until `aheadBytes` are held, then
 * waits for `read` to take some. A failure is kept for `read` to throw, in its place in the stream.
 */
class FrameOutput {
    #decompressor;
    #chunks = [];
    #aheadBytes;
    #held = 0;
    #done = false;
    #failure;
    /** Wakes `read` (a chunk arrived, or the end) or the producer (room was made). */
    #wake;
    constructor(compressed, chunkSize, aheadBytes) {
        this.#aheadBytes = aheadBytes;
        this.#decompressor = node_zlib__WEBPACK_IMPORTED_MODULE_1___default().createZstdDecompress({ chunkSize });
        for (const part of compressed)
            this.#decompressor.write(part);
        this.#decompressor.end();
        void this.#gather();
    }
    async #gather() {
        try {
            for await (const chunk of this.#decompressor) {
                this.#chunks.push(chunk);
                this.#held += chunk.length;
                this.#signal();
                while (this.#held >= this.#aheadBytes && !this.#done)
                    await this.#wait();
            }
        }
        catch (error) {
            this.#failure = error;
        }
        finally {
            this.#done = true;
            this.#signal();
        }
    }
    async *read() {
        for (;;) {
            const chunk = this.#chunks.shift();
            if (chunk) {
                this.#held -= chunk.length;
                this.#signal();
                yield chunk;
            }
            else if (this.#done) {
                if (this.#failure !== undefined)
                    throw this.#failure;
                return;
            }
            else
                await this.#wait();
        }
    }
    close() {
        this.#done = true;
        this.#decompressor.destroy();
        this.#signal();
    }
    #wait() {
        return new Promise((resolve) => {
            this.#wake = resolve;
        });
    }
    #signal() {
        const wake = this.#wake;
        this.#wake = undefined;
        wake?.();
    }
}
/** Finds the next frame's end from its header and block headers; 'end' when the input is used up. */
async function nextFrame(input, wholeFrameBytes) {
    if (!(await input.fill(1)))
        return 'end';
    if (!(await input.fill(4)))
        throw notAFrame(input, 'it ends within a frame magic number');
    const magic = input.uint32(0);
    if ((magic & SKIPPABLE_MASK) >>> 0 === SKIPPABLE_MAGIC) {
        if (!(await input.fill(8)))
            throw cutOff(input);
        for await (const _ of passOn(input, 8 + input.uint32(4)))
            ;
        return { kind: 'skippable' };
    }
    if (magic !== ZSTD_MAGIC)
        throw notAFrame(input, `it starts with ${input.hex(0, 4)}`);
    if (!(await input.fill(5)))
        throw cutOff(input);
    const descriptor = input.byte(4);
    if (descriptor & 0x08)
        throw notAFrame(input, 'its header sets the reserved bit');
    const singleSegment = (descriptor >> 5) & 1;
    const contentSizeBytes = [singleSegment, 2, 4, 8][descriptor >> 6];
    const dictionaryBytes = [0, 1, 2, 4][descriptor & 3];
    const checksumBytes = descriptor & 0x04 ? 4 : 0;
    let end = 5 + (singleSegment ? 0 : 1) + dictionaryBytes + contentSizeBytes;
    // Block by block: 3 header bytes (last-block bit, type, size), then the block's bytes.
    for (;;) {
        if (end > wholeFrameBytes)
            return { kind: 'large', rest: () => largeFrame(input, end, checksumBytes) };
        if (!(await input.fill(end + 3)))
            return cutFrame(input);
        const { last, bytes } = blockAt(input, end);
        end += 3 + bytes;
        if (last)
            break;
    }
    end += checksumBytes;
    if (!(await input.fill(end)))
        return cutFrame(input);
    return { kind: 'whole', parts: input.take(end) };
}
/** The rest of the input, which ends inside a frame. */
function cutFrame(input) {
    const error = cutOff(input);
    return { kind: 'cut', parts: input.take(input.length), error };
}
/** The bytes of a large frame to its end; the first `scanned` (its header and whole blocks) are known. */
async function* largeFrame(input, scanned, checksumBytes) {
    yield* passOn(input, scanned);
    for (;;) {
        if (!(await input.fill(3)))
            throw cutOff(input);
        const { last, bytes } = blockAt(input, 0);
        yield* passOn(input, 3 + bytes + (last ? checksumBytes : 0));
        if (last)
            return;
    }
}
/** The next `count` bytes, handed on as they arrive (so a decompressor keeps pace with the input). */
async function* passOn(input, count) {
    for (let left = count; left > 0;) {
        if (!(await input.fill(1)))
            throw cutOff(input);
        const take = Math.min(left, input.length);
        yield* input.take(take);
        left -= take;
    }
}
function blockAt(input, at) {
    const header = input.byte(at) | (input.byte(at + 1) << 8) | (input.byte(at + 2) << 16);
    const type = (header >> 1) & 3;
    if (type === 3)
        throw notAFrame(input, `a block header at byte ${input.consumed + at} has the reserved type`);
    const size = header >>> 3;
    return { last: (header & 1) === 1, bytes: type === 1 ? 1 : size };
}
function cutOff(input) {
    return new Error(`the zstd data ends inside a frame, at byte ${input.consumed + input.length}`);
}
function notAFrame(input, why) {
    return new Error(`the bytes at ${input.consumed} are not a zstd frame: ${why}`);
}
/** Input bytes from an async source, readable at any offset ahead without copying them together. */
class ByteQueue {
    #iterator;
    #chunks = [];
    /** Bytes held in `#chunks`. */
    length = 0;
    /** Bytes taken out since the start. */
    consumed = 0;
    #done = false;
    constructor(source) {
        this.#iterator = source[Symbol.asyncIterator]();
    }
    /** Pulls input until `count` bytes are held; false if the input ends first. */
    async fill(count) {
        while (this.length < count && !this.#done) {
            const next = await this.#iterator.next();
            if (next.done)
                this.#done = true;
            else if (next.value.length > 0) {
                this.#chunks.push(next.value);
                this.length += next.value.length;
            }
        }
        return this.length >= count;
    }
    byte(at) {
        for (const chunk of this.#chunks) {
            if (at < chunk.length)
                return chunk[at];
            at -= chunk.length;
        }
        throw new RangeError(`byte ${at} is not held`);
    }
    uint32(at) {
        return ((this.byte(at) | (this.byte(at + 1) << 8) | (this.byte(at + 2) << 16) | (this.byte(at + 3) << 24)) >>> 0);
    }
    hex(at, count) {
        let out = '';
        for (let i = 0; i < count; i++)
            out += this.byte(at + i)
                .toString(16)
                .padStart(2, '0');
        return out;
    }
    /** Removes the first `count` bytes, returned as slices of the input chunks. */
    take(count) {
        const out = [];
        let left = count;
        while (left > 0) {
            const chunk = this.#chunks[0];
            if (chunk.length <= left) {
                out.push(chunk);
                this.#chunks.shift();
                left -= chunk.length;
            }
            else {
                out.push(chunk.subarray(0, left));
                this.#chunks[0] = chunk.subarray(left);
                left = 0;
            }
        }
        this.length -= count;
        this.consumed += count;
        return out;
    }
    async close() {
        await this.#iterator.return?.();
    }
}


/***/ }),

/***/ 483:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ command)
/* harmony export */ });
/** Declares a command, keeping its table's types for `run`. */
function command(spec) {
    return spec;
}


/***/ }),

/***/ 6363:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H3: () => (/* binding */ RENAME_ROWS),
/* harmony export */   Hx: () => (/* binding */ EXCLUDE),
/* harmony export */   rM: () => (/* binding */ INCLUDE),
/* harmony export */   x0: () => (/* binding */ CONNECT_TIMEOUT)
/* harmony export */ });
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3832);

/** How long connecting to MongoDB may take: every command and action that connects takes it. */
const CONNECT_TIMEOUT = (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .durationRow */ .re)({
    description: "How long connecting to MongoDB may take, e.g. 10s. Default: the URI's serverSelectionTimeoutMS, else 30s. A refused connection or an unknown host fails at once.",
    default: '',
});
/** Namespaces a backup takes or a restore writes; tables give each its own description. */
const INCLUDE = (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .listRow */ .f0)({
    description: 'Databases or namespaces to take (db, db.collection, globs such as shop.*), comma or newline separated. Default: all.',
    default: '',
    placeholder: '<ns>',
});
const EXCLUDE = (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .listRow */ .f0)({
    description: 'Databases or namespaces to leave out, same forms as {include}. Exclude wins.',
    default: '',
    placeholder: '<ns>',
});
/** Renames of a restore, given side by side: the n-th `ns-from` becomes the n-th `ns-to`. */
const RENAME_ROWS = {
    'ns-from': (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .listRow */ .f0)({
        description: 'Namespace patterns to rename, e.g. shop.* (paired with {ns-to}, in the same order).',
        default: '',
        placeholder: '<pattern>',
    }),
    'ns-to': (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .listRow */ .f0)({
        description: 'What each {ns-from} pattern becomes, e.g. drill_shop.* (as many * as its {ns-from}).',
        default: '',
        placeholder: '<pattern>',
    }),
};


/***/ }),

/***/ 7337:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $Y: () => (/* binding */ retentionPolicy),
/* harmony export */   IW: () => (/* binding */ activeRules),
/* harmony export */   gt: () => (/* binding */ KEEP_ROWS),
/* harmony export */   hO: () => (/* binding */ RETENTION_RULES),
/* harmony export */   ll: () => (/* binding */ RETENTION_ROWS),
/* harmony export */   uN: () => (/* binding */ describeRetention),
/* harmony export */   xA: () => (/* binding */ RETENTION)
/* harmony export */ });
/* unused harmony export parseRetention */
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(673);
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3832);
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5981);

/** The count rules, in the order their reasons are listed. */
const RETENTION_RULES = ['last', 'hourly', 'daily', 'weekly', 'monthly', 'yearly'];
const ACCEPTED = `accepted rules: ${RETENTION_RULES.join(', ')} (also spelled keep-${RETENTION_RULES[0]}, keep-daily, …), ` +
    'each as <rule>=<count> with a count of 1 or more, or <rule>=all; separate rules with commas, ' +
    'e.g. "daily=7,weekly=4,monthly=12,last=3"';
const MAX_COUNT = 1_000_000;
function isRule(name) {
    return RETENTION_RULES.includes(name);
}
/**
 * Parses a policy such as `daily=7,weekly=4,monthly=12,last=3` (or `keep-daily=7 keep-weekly=4`).
 * An empty spec is the empty policy, which keeps everything.
 */
function parseRetention(spec) {
    const policy = {};
    for (const part of spec.split(/[\s,;]+/).filter(Boolean)) {
        const match = /^(?:keep-)?([a-z]+)=(.*)$/i.exec(part);
        if (!match) {
            throw new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .InvalidValue */ .h6(`has a part "${part}" that is not of the form <rule>=<count>; ${ACCEPTED}.`);
        }
        const name = (match[1] ?? '').toLowerCase();
        const value = (match[2] ?? '').trim().toLowerCase();
        if (!isRule(name)) {
            throw new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .InvalidValue */ .h6(`has a part "${part}" that names an unknown rule "${name}"; ${ACCEPTED}.`);
        }
        if (policy[name] !== undefined) {
            throw new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .InvalidValue */ .h6(`has a part "${part}" that repeats the rule "${name}"; give each rule once.`);
        }
        policy[name] = parseCount(part, value);
    }
    return policy;
}
/** A rule's count, 1 or more or `all`; undefined when it is not a whole number, and `range` when out of range. */
function countOf(value) {
    if (value.toLowerCase() === 'all')
        return Number.POSITIVE_INFINITY;
    if (!/^\d+$/.test(value))
        return undefined;
    const count = Number(value);
    return count < 1 || count > MAX_COUNT ? 'range' : count;
}
function parseCount(part, value) {
    const count = countOf(value);
    if (count === undefined) {
        throw new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .InvalidValue */ .h6(`has a part "${part}" whose count is not a whole number; ${ACCEPTED}.`);
    }
    if (count === 'range') {
        throw new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .InvalidValue */ .h6(`has a part "${part}" that must keep between 1 and ${MAX_COUNT} (leave the rule out to turn it off); ${ACCEPTED}.`);
    }
    return count;
}
/** The count rules in force, in display order. */
function activeRules(policy) {
    return RETENTION_RULES.flatMap((rule) => {
        const count = policy[rule];
        return count !== undefined && count > 0 ? [[rule, count]] : [];
    });
}
/** The policy written the way `parseRetention` reads it, or a phrase saying it keeps everything. */
function describeRetention(policy) {
    const rules = activeRules(policy).map(([rule, count]) => `${rule}=${count === Infinity ? 'all' : count}`);
    return rules.length > 0 ? rules.join(',') : 'keep everything (no retention rules)';
}
/** `--keep-daily 7`: one rule's count, with the same limits as in `daily=7`. */
function parseKeep(raw) {
    const count = countOf(raw.trim());
    if (count === undefined || count === 'range') {
        throw new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .InvalidValue */ .h6(`must keep between 1 and ${MAX_COUNT} (a whole number, or all; leave it out to turn the rule off), got '${raw}'.`);
    }
    return count;
}
/**
 * Retention, spelled the same everywhere it is taken: `retention` (daily=7,weekly=4) and, on the
 * command line, one `--keep-<rule>` per rule; a rule given both ways is refused.
 */
const RETENTION = (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_1__/* .customRow */ .Kl)(parseRetention, {
    description: 'Keep rules, e.g. daily=7,weekly=4,monthly=12 (also last, hourly, yearly). Default: keep all. Whatever the rules, the newest complete and the newest verified backups are never deleted, and damaged backups are kept and reported (delete them with shipkit prune --delete-damaged).',
    default: '',
    placeholder: '<rules>',
});
const RULE_PERIODS = {
    last: 'the last n backups',
    hourly: 'the newest backup of each of the last n hours',
    daily: 'the newest backup of each of the last n days',
    weekly: 'the newest backup of each of the last n weeks',
    monthly: 'the newest backup of each of the last n months',
    yearly: 'the newest backup of each of the last n years',
};
function keepRow(rule) {
    return (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_1__/* .customRow */ .Kl)(parseKeep, {
        description: `Keep ${RULE_PERIODS[rule]}; the same as ${rule}=n in {retention}.`,
        placeholder: '<n>',
    });
}
const KEEP_ROWS = {
    'keep-last': keepRow('last'),
    'keep-hourly': keepRow('hourly'),
    'keep-daily': keepRow('daily'),
    'keep-weekly': keepRow('weekly'),
    'keep-monthly': keepRow('monthly'),
    'keep-yearly': keepRow('yearly'),
};
const RETENTION_ROWS = { retention: RETENTION, ...KEEP_ROWS };
/** The policy `retention` and the `keep-*` options give together; undefined when they give no rule. */
function retentionPolicy(values) {
    const policy = { ...values.retention };
    for (const rule of RETENTION_RULES) {
        const count = values[`keep-${rule}`];
        if (count === undefined)
            continue;
        if (policy[rule] !== undefined) {
            throw new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .OptionError */ .eR(`keep-${rule}`, (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_2__/* .say */ .cv) `repeats the rule ${rule} of ${(0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_2__/* .ref */ .KR)('retention')}; give each rule once.`);
        }
        policy[rule] = count;
    }
    return Object.keys(policy).length > 0 ? policy : undefined;
}


/***/ }),

/***/ 8463:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IK: () => (/* binding */ JOB_TOKEN),
/* harmony export */   Px: () => (/* binding */ PARALLELISM),
/* harmony export */   o5: () => (/* binding */ timeoutRow),
/* harmony export */   ri: () => (/* binding */ DEFAULT_PARALLELISM)
/* harmony export */ });
/* harmony import */ var _row__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3832);

/**
 * Rows that several tables share, in their most general words; a table may override the
 * description (`{ ...PARALLELISM, description: '…' }`), never the parsing.
 */
/** How much work runs at once: reads of a backup, insert batches of a restore. */
const PARALLELISM = (0,_row__WEBPACK_IMPORTED_MODULE_0__/* .integerRow */ .d1)({
    description: 'How many reads or writes run at once.',
    default: '4',
    min: 1,
    max: 64,
});
/** The parallelism a core function uses when its caller gives none: the row's default. */
const DEFAULT_PARALLELISM = PARALLELISM.parse(PARALLELISM.default);
/** The bound on a whole run, the network included; each command has its own default. */
function timeoutRow(defaultText, description) {
    return (0,_row__WEBPACK_IMPORTED_MODULE_0__/* .durationRow */ .re)({
        description: description ??
            'Fail if the run takes longer, e.g. 90m or 2h. Requests still waiting are then aborted, and the run ends within seconds, naming what did not answer.',
        default: defaultText,
    });
}
/** The default of a token input: the job's own token, which the runner substitutes. */
// biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, evaluated by the runner
const JOB_TOKEN = '${{ github.token }}';


/***/ }),

/***/ 2914:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ s3Options),
/* harmony export */   x: () => (/* binding */ S3_ROWS)
/* harmony export */ });
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3832);

/** The options of every command and action that reads or writes S3-compatible storage. */
const S3_ROWS = {
    's3-endpoint': (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .textRow */ .yL)({
        description: 'S3-compatible endpoint URL (MinIO, R2, B2, …). Default: AWS.',
        default: '',
        env: 'S3_ENDPOINT',
        placeholder: '<url>',
    }),
    's3-region': (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .textRow */ .yL)({
        description: 'S3 region. Default: AWS_REGION (or AWS_DEFAULT_REGION) from the environment, else us-east-1.',
        default: '',
        placeholder: '<region>',
    }),
    's3-force-path-style': (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .booleanRow */ .HP)({
        description: 'Use path-style URLs (needed by MinIO-style servers). Default: true with {s3-endpoint}, false for AWS.',
        default: '',
    }),
    's3-checksum': (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .enumRow */ .QR)(['when-supported', 'when-required'], {
        description: 'when-supported (the SDK default) or when-required, for stores that reject checksum headers (Cloudflare R2, Backblaze B2).',
        default: 'when-supported',
    }),
};
/** The S3 options of a parsed table; the region falls back to AWS_REGION (or AWS_DEFAULT_REGION). */
function s3Options(values, env = process.env) {
    const endpoint = values['s3-endpoint'];
    const region = values['s3-region'] || env.AWS_REGION || env.AWS_DEFAULT_REGION;
    const mode = values['s3-checksum'] === 'when-required' ? 'WHEN_REQUIRED' : 'WHEN_SUPPORTED';
    return {
        ...(endpoint ? { endpoint } : {}),
        ...(region ? { region } : {}),
        forcePathStyle: values['s3-force-path-style'] ?? endpoint !== undefined,
        requestChecksumCalculation: mode,
        responseChecksumValidation: mode,
    };
}


/***/ })

};
