export const id = 139;
export const ids = [139];
export const modules = {

/***/ 468:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Vl: () => (/* binding */ Crc64),
/* harmony export */   wu: () => (/* binding */ combineCrc64)
/* harmony export */ });
/* unused harmony export crc64 */
// CRC-64/XZ: reflected ECMA-182 polynomial, initial value and final xor all ones.
// This runs over every byte of a backup, so the loop avoids BigInt: the 64-bit state is two
// int32 halves, input is read as aligned 32-bit words, and 8 bytes are folded per step
// (slicing-by-8, one table of low halves and one of high halves).
const POLY_LO = 0xd7870f42 | 0;
const POLY_HI = 0xc96c5795 | 0;
const SLICES = 8;
// Word reads assume the platform's byte order is little-endian (the CRC consumes bytes in order).
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const [TABLE_LO, TABLE_HI] = buildTables();
function buildTables() {
    const tableLo = new Int32Array(SLICES * 256);
    const tableHi = new Int32Array(SLICES * 256);
    for (let i = 0; i < 256; i++) {
        let lo = i;
        let hi = 0;
        for (let bit = 0; bit < 8; bit++) {
            const carry = lo & 1;
            lo = (lo >>> 1) | ((hi & 1) << 31);
            hi = hi >>> 1;
            if (carry) {
                lo ^= POLY_LO;
                hi ^= POLY_HI;
            }
        }
        tableLo[i] = lo;
        tableHi[i] = hi;
    }
    // Table t pushes a byte through t more zero bytes: T[t][i] = T[t-1][i] >> 8 ^ T[0][T[t-1][i] & 0xff].
    for (let t = 1; t < SLICES; t++) {
        for (let i = 0; i < 256; i++) {
            const lo = tableLo[(t - 1) * 256 + i];
            const hi = tableHi[(t - 1) * 256 + i];
            const x = lo & 0xff;
            tableLo[t * 256 + i] = ((lo >>> 8) | (hi << 24)) ^ tableLo[x];
            tableHi[t * 256 + i] = (hi >>> 8) ^ tableHi[x];
        }
    }
    return [tableLo, tableHi];
}
// Documents are usually slices of one larger chunk, so the word view of the last backing buffer is
// kept instead of allocating a new one for every call (it holds on to that one buffer).
let cachedBuffer;
let cachedWords = new Int32Array(0);
function wordsOf(buffer, wordsNeeded) {
    // A resizable buffer may have grown since the view was made.
    if (buffer !== cachedBuffer || cachedWords.length < wordsNeeded) {
        cachedWords = new Int32Array(buffer, 0, buffer.byteLength >>> 2);
        cachedBuffer = buffer;
    }
    return cachedWords;
}
/** Incremental CRC-64/XZ: call `update` as often as needed, then read `value()`. */
class Crc64 {
    // Running state before the final inversion, as signed int32 halves.
    #lo = -1;
    #hi = -1;
    update(data) {
        const LO = TABLE_LO;
        const HI = TABLE_HI;
        const n = data.length;
        let lo = this.#lo;
        let hi = this.#hi;
        let i = 0;
        if (LITTLE_ENDIAN && n >= 16) {
            while ((data.byteOffset + i) & 3) {
                const x = (lo ^ data[i]) & 0xff;
                lo = ((lo >>> 8) | (hi << 24)) ^ LO[x];
                hi = (hi >>> 8) ^ HI[x];
                i++;
            }
            const first = (data.byteOffset + i) >>> 2;
            const end = first + (((n - i) >>> 3) << 1);
            const words = wordsOf(data.buffer, end);
            for (let w = first; w < end; w += 2) {
                // The first byte of the 8 is furthest from the end, so it goes through table 7.
                const a = words[w] ^ lo;
                const b = words[w + 1] ^ hi;
                const i0 = 1792 + (a & 0xff);
                const i1 = 1536 + ((a >>> 8) & 0xff);
                const i2 = 1280 + ((a >>> 16) & 0xff);
                const i3 = 1024 + (a >>> 24);
                const i4 = 768 + (b & 0xff);
                const i5 = 512 + ((b >>> 8) & 0xff);
                const i6 = 256 + ((b >>> 16) & 0xff);
                const i7 = b >>> 24;
                lo = LO[i0] ^ LO[i1] ^ LO[i2] ^ LO[i3] ^ LO[i4] ^ LO[i5] ^ LO[i6] ^ LO[i7];
                hi = HI[i0] ^ HI[i1] ^ HI[i2] ^ HI[i3] ^ HI[i4] ^ HI[i5] ^ HI[i6] ^ HI[i7];
            }
            i += (end - first) * 4;
        }
        for (; i < n; i++) {
            const x = (lo ^ data[i]) & 0xff;
            lo = ((lo >>> 8) | (hi << 24)) ^ LO[x];
            hi = (hi >>> 8) ^ HI[x];
        }
        this.#lo = lo;
        this.#hi = hi;
        return this;
    }
    /** The CRC of everything passed to `update` so far, as an unsigned 64-bit value. */
    value() {
        return (BigInt(~this.#hi >>> 0) << 32n) | BigInt(~this.#lo >>> 0);
    }
}
/** CRC-64/XZ of one buffer. */
function crc64(data) {
    return new Crc64().update(data).value();
}
const POLY = 0xc96c5795d7870f42n;
/** `mat` (64 columns over GF(2)) times `vec`. */
function gf2Times(mat, vec) {
    let sum = 0n;
    for (let i = 0; vec !== 0n; i++, vec >>= 1n)
        if (vec & 1n)
            sum ^= mat[i];
    return sum;
}
function gf2Square(mat) {
    return mat.map((column) => gf2Times(mat, column));
}
/**
 * The CRC-64/XZ of `a ‖ b` from the CRCs of `a` and `b` and the length of `b` (zlib's crc32_combine,
 * widened): parts of one namespace written on different machines get the CRC of their concatenation
 * without anyone reading the bytes again.
 */
function combineCrc64(crcA, crcB, lengthB) {
    if (lengthB <= 0)
        return crcA;
    // The operator that feeds one zero bit through the register, then two, four… by squaring.
    let odd = [POLY];
    for (let n = 1; n < 64; n++)
        odd.push(1n << BigInt(n - 1));
    let even = gf2Square(odd);
    odd = gf2Square(even);
    let crc = crcA;
    let remaining = lengthB;
    for (;;) {
        even = gf2Square(odd);
        if (remaining % 2 === 1)
            crc = gf2Times(even, crc);
        remaining = Math.floor(remaining / 2);
        if (remaining === 0)
            break;
        odd = gf2Square(even);
        if (remaining % 2 === 1)
            crc = gf2Times(odd, crc);
        remaining = Math.floor(remaining / 2);
        if (remaining === 0)
            break;
    }
    return crc ^ crcB;
}


/***/ }),

/***/ 3249:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B6: () => (/* binding */ storedArchives),
/* harmony export */   Bk: () => (/* binding */ archiveDigest),
/* harmony export */   DN: () => (/* binding */ partsDigest),
/* harmony export */   Ng: () => (/* binding */ parseManifest),
/* harmony export */   mE: () => (/* binding */ archiveEncoding)
/* harmony export */ });
/* unused harmony exports MANIFEST_FORMAT_VERSION, MULTI_PART_FORMAT_VERSION, namespaceEntrySchema, partNamespaceSchema, partArchiveSchema, partsSchema, manifestSchema, sumParts, manifestJsonSchema */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _shipkit_archive__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(468);
/* harmony import */ var _shipkit_mongo__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(3804);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3045);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3477);
/* harmony import */ var _anomaly__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4183);
/* harmony import */ var _ids__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3364);
/* harmony import */ var _layout__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6826);







/**
 * manifest.json: written LAST, as the commit marker of a backup. It proves what the archive holds —
 * per namespace the count, bytes, CRC-64 and order-independent content hash, options and indexes — and
 * what was stored (size and SHA-256 of the object). It never holds credentials or hosts.
 */
const MANIFEST_FORMAT_VERSION = 1;
/** A backup written in parts (`shipkit backup plan/part/finalize`): `parts` instead of `archive`. */
const MULTI_PART_FORMAT_VERSION = 2;

/**
 * MongoDB's own rules for names, so a manifest cannot smuggle a path (`../../x`) or an impossible
 * name into a restore: database names have no `/\. "$` or NUL and at most 64 characters; collection
 * names are not empty and have no `$` or NUL.
 */
const databaseName = zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
    .min(1)
    .max(64)
    .regex(/^[^/\\. "$\0]+$/, 'not a valid MongoDB database name');
const collectionName = zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
    .min(1)
    .regex(/^[^$\0]+$/, 'not a valid MongoDB collection name');
/** The archive object: one file name inside the backup's folder, never a path out of it. */
const archiveKey = zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
    .regex(/^[A-Za-z0-9_-][A-Za-z0-9._-]*$/, "expected a file name in the backup's folder (no '/' or '..')")
    .refine((key) => key !== _layout__WEBPACK_IMPORTED_MODULE_2__/* .MANIFEST_NAME */ .ir && !key.startsWith('verification') && !key.startsWith('anomaly'), {
    message: 'names a file the backup keeps for itself, not an archive',
});
const namespaceEntrySchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    db: databaseName,
    collection: collectionName,
    type: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['collection', 'view', 'timeseries']),
    count: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().nonnegative(),
    bytes: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().nonnegative(),
    /** CRC-64/XZ over the namespace's document bytes in archive order, 16 hex digits (as in the archive's EOF block). */
    crc: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().regex(/^[0-9a-f]{16}$/),
    /** Sum of per-document SHA-256 modulo 2^256 (see @shipkit/mongo ContentHash). */
    contentHash: _ids__WEBPACK_IMPORTED_MODULE_3__/* .hex64 */ ._,
    /** Collection options and index specs as canonical Extended JSON v2, exactly as in the archive prelude. */
    options: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5J()),
    indexes: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5J())),
    uuid: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
        .regex(/^[0-9a-f]{32}$/)
        .optional(),
})
    .strict();
const compressionSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['zstd', 'gzip', 'none']);
const recipientsSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().regex(/^age1[0-9a-z]+$/));
/** What one part holds of a namespace: its share of the namespace's count, bytes, CRC and content hash. */
const partNamespaceSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    db: databaseName,
    collection: collectionName,
    count: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().nonnegative(),
    bytes: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().nonnegative(),
    crc: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().regex(/^[0-9a-f]{16}$/),
    contentHash: _ids__WEBPACK_IMPORTED_MODULE_3__/* .hex64 */ ._,
})
    .strict();
/** One part of a multi-part backup: its archive object, its part record, and when it read the source. */
const partArchiveSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    part: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().min(1).max(_layout__WEBPACK_IMPORTED_MODULE_2__/* .MAX_PARTS */ .kz),
    /** The part's archive, a self-contained mongodump archive (e.g. `part-001.mongodump.zst`). */
    key: archiveKey,
    size: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().nonnegative(),
    sha256: _ids__WEBPACK_IMPORTED_MODULE_3__/* .hex64 */ ._,
    /** The part record (`part-001.json`) finalize checked, and its SHA-256. */
    record: archiveKey,
    recordSha256: _ids__WEBPACK_IMPORTED_MODULE_3__/* .hex64 */ ._,
    /** The part's read window: parts read the source at different moments. */
    startedAt: zod__WEBPACK_IMPORTED_MODULE_4__/* .datetime */ .w$(),
    finishedAt: zod__WEBPACK_IMPORTED_MODULE_4__/* .datetime */ .w$(),
    namespaces: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(partNamespaceSchema),
})
    .strict();
const partsSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    compression: compressionSchema,
    recipients: recipientsSchema,
    /** When the plan read the catalogue (the manifest's `startedAt` is the same moment). */
    plannedAt: zod__WEBPACK_IMPORTED_MODULE_4__/* .datetime */ .w$(),
    /** Bytes stored over every part. */
    size: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().nonnegative(),
    /** SHA-256 of the parts' SHA-256 digests, one hex line each in part order: what verification records name. */
    sha256: _ids__WEBPACK_IMPORTED_MODULE_3__/* .hex64 */ ._,
    archives: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(partArchiveSchema).min(1).max(_layout__WEBPACK_IMPORTED_MODULE_2__/* .MAX_PARTS */ .kz),
})
    .strict();
const manifestShape = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    formatVersion: zod__WEBPACK_IMPORTED_MODULE_1__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .euz(MANIFEST_FORMAT_VERSION), zod__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .euz(MULTI_PART_FORMAT_VERSION)]),
    backupId: _ids__WEBPACK_IMPORTED_MODULE_3__/* .backupIdSchema */ .T,
    startedAt: zod__WEBPACK_IMPORTED_MODULE_4__/* .datetime */ .w$(),
    finishedAt: zod__WEBPACK_IMPORTED_MODULE_4__/* .datetime */ .w$(),
    tool: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ name: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), version: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP() }).strict(),
    source: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
        serverVersion: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
        topology: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['standalone', 'replicaSet', 'sharded', 'unknown']),
        /** What the server says it is when it is not MongoDB itself (e.g. FerretDB), else omitted. */
        flavor: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
        databases: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
    })
        .strict(),
    settings: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
        include: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
        exclude: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
        compression: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['zstd', 'gzip', 'none']),
        compressionLevel: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().optional(),
        parallelism: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().positive(),
    })
        .strict(),
    archive: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
        /** Object key relative to the backup's folder, e.g. `archive.mongodump.zst.age`. */
        key: archiveKey,
        format: zod__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .euz('mongodump-archive'),
        compression: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['zstd', 'gzip', 'none']),
        /** X25519 recipients (`age1…`) the archive is encrypted to; empty = not encrypted. */
        recipients: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().regex(/^age1[0-9a-z]+$/)),
        size: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().nonnegative(),
        sha256: _ids__WEBPACK_IMPORTED_MODULE_3__/* .hex64 */ ._,
    })
        .strict()
        .optional(),
    /** A multi-part backup's archives (format version 2), instead of `archive`. */
    parts: partsSchema.optional(),
    totals: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
        namespaces: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().nonnegative(),
        documents: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().nonnegative(),
        bytes: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().nonnegative(),
    })
        .strict(),
    namespaces: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(namespaceEntrySchema),
    /**
     * Set when the data collapsed compared with the previous backup (see anomaly.ts). Absent from
     * manifests written before the guard existed, and from every backup where nothing collapsed.
     */
    anomaly: _anomaly__WEBPACK_IMPORTED_MODULE_5__/* .anomalySchema */ .XP.optional(),
})
    .strict();
const manifestSchema = manifestShape.superRefine((manifest, context) => {
    // The totals are sums of the namespaces: an edit to one without the other is caught here.
    const documents = manifest.namespaces.reduce((sum, ns) => sum + ns.count, 0);
    const bytes = manifest.namespaces.reduce((sum, ns) => sum + ns.bytes, 0);
    const sums = { namespaces: manifest.namespaces.length, documents, bytes };
    for (const [field, sum] of Object.entries(sums)) {
        if (manifest.totals[field] !== sum) {
            context.addIssue({
                code: 'custom',
                path: ['totals', field],
                message: `is ${manifest.totals[field]}, but the namespaces add up to ${sum}`,
            });
        }
    }
    const names = new Set();
    for (const [index, ns] of manifest.namespaces.entries()) {
        const name = `${ns.db}.${ns.collection}`;
        if (names.has(name)) {
            context.addIssue({ code: 'custom', path: ['namespaces', index], message: `lists ${name} twice` });
        }
        names.add(name);
    }
    checkLayout(manifest, context);
});
/** One archive (version 1) or parts (version 2), and parts that add up, in part order, to the namespaces. */
function checkLayout(manifest, context) {
    const multiPart = manifest.formatVersion === MULTI_PART_FORMAT_VERSION;
    if (multiPart !== (manifest.parts !== undefined) || multiPart === (manifest.archive !== undefined)) {
        context.addIssue({
            code: 'custom',
            path: [multiPart ? 'parts' : 'archive'],
            message: `format version ${manifest.formatVersion} needs ${multiPart ? '`parts` and no `archive`' : '`archive` and no `parts`'}`,
        });
        return;
    }
    const parts = manifest.parts;
    if (!parts)
        return;
    parts.archives.forEach((archive, index) => {
        if (archive.part !== index + 1) {
            context.addIssue({
                code: 'custom',
                path: ['parts', 'archives', index, 'part'],
                message: `is ${archive.part}, expected ${index + 1} (parts are listed 1 to n in order)`,
            });
        }
    });
    const size = parts.archives.reduce((sum, a) => sum + a.size, 0);
    if (size !== parts.size) {
        context.addIssue({
            code: 'custom',
            path: ['parts', 'size'],
            message: `is ${parts.size}, but the parts add up to ${size}`,
        });
    }
    if (partsDigest(parts.archives) !== parts.sha256) {
        context.addIssue({
            code: 'custom',
            path: ['parts', 'sha256'],
            message: "is not the SHA-256 of the parts' digests",
        });
    }
    for (const [index, ns] of manifest.namespaces.entries()) {
        const summed = sumParts(parts.archives, ns.db, ns.collection);
        for (const field of ['count', 'bytes', 'crc', 'contentHash']) {
            if (summed[field] !== ns[field]) {
                context.addIssue({
                    code: 'custom',
                    path: ['namespaces', index, field],
                    message: `is ${ns[field]}, but the parts holding ${ns.db}.${ns.collection} add up to ${summed[field]}`,
                });
            }
        }
    }
    const listed = new Set(manifest.namespaces.map((ns) => `${ns.db}.${ns.collection}`));
    for (const archive of parts.archives) {
        for (const ns of archive.namespaces) {
            if (!listed.has(`${ns.db}.${ns.collection}`)) {
                context.addIssue({
                    code: 'custom',
                    path: ['parts', 'archives', archive.part - 1],
                    message: `holds ${ns.db}.${ns.collection}, which the manifest does not list`,
                });
            }
        }
    }
}
/**
 * A namespace over every part: counts and bytes add, content hashes add modulo 2^256, and the CRC is
 * that of the parts' documents concatenated in part order.
 */
function sumParts(archives, db, collection) {
    let count = 0;
    let bytes = 0;
    let crc;
    const hashes = [];
    for (const archive of archives) {
        for (const ns of archive.namespaces) {
            if (ns.db !== db || ns.collection !== collection)
                continue;
            count += ns.count;
            bytes += ns.bytes;
            const partCrc = BigInt(`0x${ns.crc}`);
            crc = crc === undefined ? partCrc : (0,_shipkit_archive__WEBPACK_IMPORTED_MODULE_6__/* .combineCrc64 */ .wu)(crc, partCrc, ns.bytes);
            hashes.push(ns.contentHash);
        }
    }
    return {
        count,
        bytes,
        crc: (crc ?? 0n).toString(16).padStart(16, '0'),
        contentHash: (0,_shipkit_mongo__WEBPACK_IMPORTED_MODULE_7__/* .sumContentHashes */ .pG)(hashes),
    };
}
/** SHA-256 of the parts' SHA-256 digests, one hex line each, in part order. */
function partsDigest(archives) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256')
        .update(archives.map((a) => `${a.sha256}\n`).join(''))
        .digest('hex');
}
/** Every archive object the manifest names: one, or one per part. */
function storedArchives(manifest) {
    if (manifest.archive)
        return [manifest.archive];
    return (manifest.parts?.archives ?? []).map(({ part, key, size, sha256 }) => ({ part, key, size, sha256 }));
}
/** The digest verification records name: the archive's SHA-256, or the digest of the parts' digests. */
function archiveDigest(manifest) {
    return (manifest.archive ?? manifest.parts)?.sha256 ?? '';
}
/** How the archive (or every part) is encoded, and its stored size in all. */
function archiveEncoding(manifest) {
    const { compression, recipients, size } = (manifest.archive ?? manifest.parts);
    return { compression, recipients, size };
}
/** Parses and validates a manifest; the error says which field is wrong. */
function parseManifest(text, where) {
    let json;
    try {
        json = JSON.parse(text);
    }
    catch (error) {
        throw new Error(`${where} is not valid JSON: ${error.message}`);
    }
    const result = manifestSchema.safeParse(json);
    if (!result.success) {
        const issue = result.error.issues[0];
        throw new Error(`${where} is not a valid backup manifest: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
    }
    return result.data;
}
function manifestJsonSchema() {
    return z.toJSONSchema(manifestSchema, { target: 'draft-2020-12' });
}


/***/ }),

/***/ 3419:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HH: () => (/* binding */ verificationName),
/* harmony export */   TQ: () => (/* binding */ VERIFICATION_FORMAT_VERSION),
/* harmony export */   dy: () => (/* binding */ judgeRecord),
/* harmony export */   pK: () => (/* binding */ isVerificationName),
/* harmony export */   xn: () => (/* binding */ verificationStrength)
/* harmony export */ });
/* unused harmony exports VERIFY_MODES, LEGACY_VERIFICATION_NAME, verificationRecordSchema, legacyVerificationSchema */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3045);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3477);
/* harmony import */ var _manifest__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3364);
/* harmony import */ var _manifest__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3249);


/**
 * Verification records: written into a backup's folder by a passing verification, one object per mode
 * and scope, so a partial restore never replaces the record of a full verification:
 *
 *   verification.<mode>.json           every namespace was checked (mode integrity, full or restore)
 *   verification.<mode>.partial.json   only some namespaces were checked (a filtered restore)
 *   verification.json                  format 1, written by earlier versions (read, never written)
 *
 * A record names the backup, the archive's SHA-256 and the SHA-256 of the manifest it was checked
 * against, and lists the namespaces it covers, so the catalogue can prove that it belongs to this
 * backup, as it is now, and covers all of it.
 */
const VERIFICATION_FORMAT_VERSION = 2;
const VERIFY_MODES = ['integrity', 'full', 'restore'];
/** The name earlier versions wrote (format 1). */
const LEGACY_VERIFICATION_NAME = 'verification.json';
const tool = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ name: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), version: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP() }).strict();
const verificationRecordSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    formatVersion: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz(VERIFICATION_FORMAT_VERSION),
    backupId: _manifest__WEBPACK_IMPORTED_MODULE_1__/* .backupIdSchema */ .T,
    mode: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(VERIFY_MODES),
    /** `all`: every namespace of the manifest was checked; `partial`: a selection was. */
    scope: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['all', 'partial']),
    result: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz('passed'),
    verifiedAt: zod__WEBPACK_IMPORTED_MODULE_2__/* .datetime */ .w$(),
    tool,
    archiveSha256: _manifest__WEBPACK_IMPORTED_MODULE_1__/* .hex64 */ ._,
    /** SHA-256 of manifest.json as it was read for this verification: a later edit shows. */
    manifestSha256: _manifest__WEBPACK_IMPORTED_MODULE_1__/* .hex64 */ ._,
    /** Namespaces checked (`db.collection`, as backed up). */
    namespaces: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()),
    /** Namespaces a restore never writes (server-managed system collections), checked in the archive only. */
    notRestorable: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()),
    /** Documents checked: restored and read back in full and restore modes, read from the archive in integrity. */
    documents: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().nonnegative(),
})
    .strict();
/** Format 1, as earlier versions wrote it to verification.json: counts only, no SHA-256. */
const legacyVerificationSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    formatVersion: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz(1),
    backupId: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    verifiedAt: zod__WEBPACK_IMPORTED_MODULE_2__/* .datetime */ .w$(),
    mode: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(VERIFY_MODES),
    result: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['passed', 'failed']),
    tool,
    namespaces: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().nonnegative(),
    documents: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().nonnegative(),
})
    .strict();
/** The file name of the record of one mode and scope. */
function verificationName(mode, scope) {
    return `verification.${mode}${scope === 'partial' ? '.partial' : ''}.json`;
}
const RECORD_NAME = /^verification\.(integrity|full|restore)(\.partial)?\.json$/;
/** Whether a file name in a backup's folder is a verification record (of any format). */
function isVerificationName(name) {
    return name === LEGACY_VERIFICATION_NAME || RECORD_NAME.test(name);
}
/** How strong a passing verification is: a restore read back beats reading the archive alone. */
function verificationStrength(mode) {
    return mode === 'integrity' ? 1 : 2;
}
/**
 * Judges one record against the backup it sits in. A record that cannot be read, names another
 * backup or archive, or was made against another manifest is damage (someone or something changed the
 * folder); a record that is sound but covers only part of the backup is kept and shown, not counted.
 */
function judgeRecord(name, text, folderId, manifest, manifestSha256) {
    let json;
    try {
        json = JSON.parse(text);
    }
    catch {
        return { damage: `${name} is not valid JSON` };
    }
    if (name === LEGACY_VERIFICATION_NAME)
        return judgeLegacy(name, json, folderId, manifest);
    const parsed = verificationRecordSchema.safeParse(json);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return {
            damage: `${name} is not a valid verification record: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`,
        };
    }
    const record = parsed.data;
    if (record.backupId !== folderId)
        return { damage: `${name} names backup ${record.backupId}, not ${folderId}` };
    if (verificationName(record.mode, record.scope) !== name) {
        return { damage: `${name} holds the record of a ${record.scope} ${record.mode} verification` };
    }
    if (record.archiveSha256 !== (0,_manifest__WEBPACK_IMPORTED_MODULE_3__/* .archiveDigest */ .Bk)(manifest)) {
        return { damage: `${name} was made for another archive (SHA-256 ${record.archiveSha256.slice(0, 16)}…)` };
    }
    if (record.manifestSha256 !== manifestSha256) {
        return { damage: `manifest.json changed after ${name} was written` };
    }
    const listed = new Map(manifest.namespaces.map((ns) => [`${ns.db}.${ns.collection}`, ns.count]));
    const unknown = [...record.namespaces, ...record.notRestorable].filter((ns) => !listed.has(ns));
    if (unknown.length > 0) {
        return {
            damage: `${name} covers namespaces the manifest does not list: ${unknown.slice(0, 3).join(', ')}`,
        };
    }
    const expectedDocuments = record.namespaces.reduce((sum, ns) => sum + (listed.get(ns) ?? 0), 0);
    if (record.documents !== expectedDocuments) {
        return {
            damage: `${name} counted ${record.documents} documents, the manifest lists ${expectedDocuments} in those namespaces`,
        };
    }
    const covered = new Set([...record.namespaces, ...record.notRestorable]);
    const missing = [...listed.keys()].filter((ns) => !covered.has(ns));
    if (record.scope === 'all' && missing.length > 0) {
        return { damage: `${name} claims every namespace but misses ${missing.slice(0, 3).join(', ')}` };
    }
    const summary = {
        name,
        formatVersion: 2,
        mode: record.mode,
        scope: record.scope,
        verifiedAt: record.verifiedAt,
        namespaces: record.namespaces.length,
        documents: record.documents,
        counts: record.scope === 'all',
    };
    if (record.scope === 'partial') {
        summary.note = `covers ${record.namespaces.length} of ${listed.size} namespaces`;
    }
    return { summary };
}
/**
 * Format 1 has no SHA-256 and no namespace list: it counts only when it names this backup, passed,
 * and its counts equal the manifest's totals — earlier versions wrote the same file for a one-collection
 * restore (with the namespaces restored and every document read), and such a record covers nothing whole.
 */
function judgeLegacy(name, json, folderId, manifest) {
    const parsed = legacyVerificationSchema.safeParse(json);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return {
            damage: `${name} is not a valid verification record: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`,
        };
    }
    const record = parsed.data;
    if (record.backupId !== folderId)
        return { damage: `${name} names backup ${record.backupId}, not ${folderId}` };
    if (record.result !== 'passed')
        return { damage: `${name} says the ${record.mode} verification failed` };
    const whole = record.namespaces === manifest.totals.namespaces && record.documents === manifest.totals.documents;
    return {
        summary: {
            name,
            formatVersion: 1,
            mode: record.mode,
            scope: whole ? 'all' : 'partial',
            verifiedAt: record.verifiedAt,
            namespaces: record.namespaces,
            documents: record.documents,
            counts: whole,
            ...(whole
                ? {}
                : {
                    note: `format 1 record of ${record.namespaces} namespace(s) and ${record.documents} document(s), ` +
                        `the manifest holds ${manifest.totals.namespaces} and ${manifest.totals.documents}: not the whole backup`,
                }),
        },
    };
}


/***/ }),

/***/ 3804:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   pG: () => (/* binding */ sumContentHashes),
/* harmony export */   yN: () => (/* binding */ ContentHash)
/* harmony export */ });
/* unused harmony exports contentHashOf, addDigest, addRunDigests, addLimbs, limbsHex */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

/**
 * The order-independent content hash of a namespace: the sum, modulo 2^256, of the SHA-256 of every
 * document's raw BSON bytes, as 64 hex digits.
 *
 * Addition commutes, so the documents may be hashed in any order — parallel `_id` ranges while dumping,
 * an unsorted read of a restored collection — and the sums agree; a changed, missing or extra document
 * changes the sum, and a duplicated document counts twice. `merge` adds two partial hashes, so each
 * worker hashes its own range and the results are combined at the end. Recompute it from a database
 * with `find()` in any order over raw documents and the same sum.
 */
class ContentHash {
    // Little-endian 32-bit limbs of the 256-bit sum; plain numbers keep the per-document cost low.
    limbs = new Uint32Array(8);
    documents = 0;
    add(document) {
        addDigest(this.limbs, document);
        this.documents += 1;
    }
    /** Adds every document of a run of consecutive raw BSON documents; returns how many there were. */
    addRun(run) {
        const count = addRunDigests(this.limbs, run);
        this.documents += count;
        return count;
    }
    /** Adds another partial hash (e.g. one range of a collection). */
    merge(other) {
        this.addSum(other.limbs, other.documents);
    }
    /** Adds a partial sum of `count` documents, given as little-endian 32-bit limbs. */
    addSum(limbs, count) {
        addLimbs(this.limbs, limbs);
        this.documents += count;
    }
    get count() {
        return this.documents;
    }
    hex() {
        return limbsHex(this.limbs);
    }
}
/** The content hash of a set of documents in one call. */
function contentHashOf(documents) {
    const hash = new ContentHash();
    for (const document of documents)
        hash.add(document);
    return hash.hex();
}
/** The content hash of the union of disjoint sets of documents, from their hashes (hex). */
function sumContentHashes(hashes) {
    let sum = 0n;
    for (const hex of hashes)
        sum = (sum + BigInt(`0x${hex}`)) % 2n ** 256n;
    return sum.toString(16).padStart(64, '0');
}
/**
 * Adds the SHA-256 of `document`, a big-endian 256-bit number, to `limbs` (little-endian 32-bit limbs).
 * The digest comes back as a 'binary' (latin1) string, one character per byte: that call costs about a
 * third of one that returns a Buffer (measured: 0.5 against 1.4 µs for a 390-byte document), and the
 * call, not the hashing, is most of the cost of a small document where the CPU has SHA instructions.
 */
function addDigest(limbs, document) {
    const digest = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.hash)('sha256', document, 'binary');
    let carry = 0;
    for (let i = 0, at = 28; i < 8; i++, at -= 4) {
        const word = ((digest.charCodeAt(at) << 24) |
            (digest.charCodeAt(at + 1) << 16) |
            (digest.charCodeAt(at + 2) << 8) |
            digest.charCodeAt(at + 3)) >>>
            0;
        const sum = limbs[i] + word + carry;
        limbs[i] = sum >>> 0;
        carry = sum > 0xffffffff ? 1 : 0;
    }
}
/** `addDigest` for each document of a run of consecutive raw BSON documents; returns the count. */
function addRunDigests(limbs, run) {
    let count = 0;
    for (let at = 0; at + 4 <= run.length; count++) {
        const length = run[at] | (run[at + 1] << 8) | (run[at + 2] << 16) | (run[at + 3] << 24);
        if (length < 5 || at + length > run.length)
            throw new RangeError(`no document at byte ${at} of the run`);
        addDigest(limbs, run.subarray(at, at + length));
        at += length;
    }
    return count;
}
/** `limbs += other`, modulo 2^256. */
function addLimbs(limbs, other) {
    let carry = 0;
    for (let i = 0; i < 8; i++) {
        const sum = limbs[i] + other[i] + carry;
        limbs[i] = sum >>> 0;
        carry = sum > 0xffffffff ? 1 : 0;
    }
}
/** The 64 hex digits of a sum held as little-endian 32-bit limbs. */
function limbsHex(limbs) {
    let out = '';
    for (let i = 7; i >= 0; i--)
        out += limbs[i].toString(16).padStart(8, '0');
    return out;
}


/***/ }),

/***/ 9715:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C9: () => (/* binding */ indexesToBuild),
/* harmony export */   gu: () => (/* binding */ createCommand),
/* harmony export */   kn: () => (/* binding */ compareIndexSpecs),
/* harmony export */   zD: () => (/* binding */ indexSpecs)
/* harmony export */ });
/* unused harmony exports collectionOptions, normalizeIndexSpec */
/* harmony import */ var mongodb__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5226);

const { EJSON } = mongodb__WEBPACK_IMPORTED_MODULE_0__.BSON;
/**
 * What the archive prelude says about a namespace, turned into the commands that recreate it:
 * `create` with the original options (capped, validator, collation, clustered, time-series, views)
 * and `createIndexes` with the original specs. Values keep their BSON types (Int32, Long, Double…)
 * as parsed from canonical Extended JSON, so the server sees exactly what was dumped.
 */
/** The `create` command for a target namespace; `viewOn` follows a renamed source collection. */
function createCommand(target, entry, renameViewSource = (c) => c) {
    const options = { ...collectionOptions(entry) };
    if (entry.type === 'view' && typeof options.viewOn === 'string') {
        options.viewOn = renameViewSource(options.viewOn);
    }
    return { create: target.collection, ...options };
}
function collectionOptions(entry) {
    const options = entry.metadata?.options;
    return options !== null && typeof options === 'object' ? options : {};
}
/** Index specs as dumped, `ns` removed (servers refuse it, and it names the source). */
function indexSpecs(entry) {
    const indexes = entry.metadata?.indexes;
    if (!Array.isArray(indexes))
        return [];
    return indexes
        .filter((spec) => spec !== null && typeof spec === 'object')
        .map(({ ns: _ns, ...spec }) => spec);
}
/**
 * The indexes to build after the data: every spec except those the server creates with the
 * collection. Version 2 (the default) is left out of the command, since some servers refuse `v`;
 * a legacy version is kept so the index is rebuilt as it was.
 */
function indexesToBuild(entry) {
    return indexSpecs(entry)
        .filter((spec) => spec.name !== '_id_' && spec.clustered !== true)
        .map(({ v, ...spec }) => (v === undefined || Number(v) === 2 ? spec : { v, ...spec }));
}
// Fields that say nothing about what an index does, or that servers add or drop on their own.
const VOLATILE_INDEX_FIELDS = new Set(['v', 'ns', 'background']);
/**
 * A comparable form of an index spec, whatever its source: BSON values from a server or the archive,
 * or canonical Extended JSON from a manifest. Numbers lose their BSON type (1, 1.0 and Long(1) agree),
 * fields other than `key` are sorted, and the key keeps its order (which matters).
 */
function normalizeIndexSpec(spec) {
    const plain = EJSON.serialize(EJSON.deserialize(EJSON.serialize(spec), { relaxed: true }), {
        relaxed: true,
    });
    const fields = Object.keys(plain)
        .filter((name) => !VOLATILE_INDEX_FIELDS.has(name))
        .sort();
    const out = {};
    for (const name of fields)
        out[name] = name === 'key' ? plain[name] : sortKeys(plain[name]);
    return JSON.stringify(out);
}
function sortKeys(value) {
    if (Array.isArray(value))
        return value.map(sortKeys);
    if (value === null || typeof value !== 'object')
        return value;
    const out = {};
    for (const name of Object.keys(value).sort())
        out[name] = sortKeys(value[name]);
    return out;
}
/**
 * Compares two sets of index specs by name. Returns the differences in words, empty when they agree.
 * The `_id_` index is compared too: a clustered collection has none, a regular one always has one.
 */
function compareIndexSpecs(expected, actual) {
    const byName = (specs) => new Map(specs.map((spec) => [String(spec?.name), normalizeIndexSpec(spec)]));
    const want = byName(expected);
    const have = byName(actual);
    const problems = [];
    for (const [name, spec] of want) {
        const found = have.get(name);
        if (found === undefined)
            problems.push(`index ${name} is missing`);
        else if (found !== spec)
            problems.push(`index ${name} differs: expected ${spec}, found ${found}`);
    }
    for (const name of have.keys())
        if (!want.has(name))
            problems.push(`index ${name} is unexpected`);
    return problems;
}


/***/ }),

/***/ 6770:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CP: () => (/* binding */ Staging),
/* harmony export */   Fl: () => (/* binding */ isStaged),
/* harmony export */   V1: () => (/* binding */ SwapFailedError),
/* harmony export */   vl: () => (/* binding */ describeOutcomes)
/* harmony export */ });
/* harmony import */ var _shipkit_archive__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5885);
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2352);
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6631);
/* harmony import */ var _collection_spec__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9715);
/* harmony import */ var _plan__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8388);
/* harmony import */ var _staging_names__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4167);





/** The swap failed part-way; `outcomes` says exactly what each target namespace is now. */
class SwapFailedError extends Error {
    summary;
    outcomes;
    name = 'SwapFailedError';
    constructor(
    /** What failed and whether it was undone, in one sentence or two. */
    summary, outcomes) {
        super(`${summary}\n${describeOutcomes(outcomes)}`);
        this.summary = summary;
        this.outcomes = outcomes;
    }
}
class Staging {
    run;
    #client;
    #logger;
    /** Collections this run created: staging collections, and targets it had to write directly. */
    #created = new Map();
    constructor(client, options = {}) {
        this.#client = client;
        this.#logger = options.logger ?? _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .silentLogger */ .qq;
        this.run = options.run ?? (0,_staging_names__WEBPACK_IMPORTED_MODULE_1__/* .newRunId */ .F$)();
    }
    /** The engine reports every collection it creates, so that `discard` removes exactly those. */
    created(ns) {
        this.#created.set((0,_shipkit_archive__WEBPACK_IMPORTED_MODULE_2__/* .namespaceName */ .dz)(ns), ns);
    }
    /**
     * Removes the restored data that interrupted runs left in the target databases (copies of a
     * backup, nothing else). A target's previous data set aside by an interrupted swap is never
     * removed: the plan refuses to go on while it exists.
     */
    async removeLeftovers(plan) {
        for (const leftover of plan.leftovers) {
            if (leftover.role !== 'new')
                continue;
            this.#logger.warn(`removing ${leftover.db}.${leftover.name}: restored data of an interrupted restore (run ${leftover.run}) ` +
                `that was never swapped into ${leftover.db}.${leftover.collection}`);
            await this.#drop({ db: leftover.db, collection: leftover.name });
        }
    }
    /** Removes what this run created; every target stays as it was. */
    async discard(plan) {
        const kept = await this.#dropCreated();
        return written(plan).map((planned) => unchanged(planned, kept));
    }
    /**
     * Puts the staged restore in place. Refuses unless `proof` proves it. Not cancellable once
     * started: it is a few renames, and stopping half-way would leave a mix of old and new data.
     */
    async swap(plan, proof) {
        if (!proof.archiveComplete || proof.problems.length > 0) {
            throw new Error('the restore is not proven: the staged data must not replace anything');
        }
        const ordered = written(plan).sort((a, b) => Number(a.type === 'view') - Number(b.type === 'view'));
        const steps = [];
        for (const planned of ordered) {
            const step = { planned, movedIn: false };
            steps.push(step);
            try {
                await this.#setAside(step);
                await this.#moveIn(step);
            }
            catch (error) {
                throw await this.#rollBack(steps, plan, error);
            }
        }
        // Every target is in place: only now is what they held before dropped.
        const outcomes = [];
        for (const { planned, aside } of steps) {
            const namespace = (0,_shipkit_archive__WEBPACK_IMPORTED_MODULE_2__/* .namespaceName */ .dz)(planned.target);
            if (planned.existing.kind === 'absent') {
                outcomes.push({ namespace, state: 'restored' });
                continue;
            }
            let note = `was: ${(0,_plan__WEBPACK_IMPORTED_MODULE_3__/* .describeState */ .Jw)(planned.existing)}`;
            if (aside) {
                try {
                    await this.#drop({ db: planned.target.db, collection: aside });
                }
                catch (error) {
                    note += `; its previous data is still in ${planned.target.db}.${aside} (${(0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .g)(error)}): drop it`;
                    this.#logger.warn(`${namespace}: ${note}`);
                }
            }
            outcomes.push({ namespace, state: 'replaced', note });
        }
        this.#created.clear();
        return outcomes;
    }
    async #setAside(step) {
        const { target, existing, action } = step.planned;
        if (existing.kind === 'absent')
            return;
        const db = this.#client.db(target.db);
        if (existing.kind === 'view') {
            const [info] = await db.listCollections({ name: target.collection }).toArray();
            step.view = info?.options ?? {};
            await db.command({ drop: target.collection });
            return;
        }
        const aside = (0,_staging_names__WEBPACK_IMPORTED_MODULE_1__/* .stagingName */ .zb)(this.run, 'old', target.collection);
        await db.renameCollection(target.collection, aside);
        step.aside = aside;
        if (action !== 'replace' && (await db.collection(aside).findOne({}, { projection: { _id: 1 } }))) {
            throw new Error(`${(0,_shipkit_archive__WEBPACK_IMPORTED_MODULE_2__/* .namespaceName */ .dz)(target)} received documents while the restore ran`);
        }
    }
    async #moveIn(step) {
        const { planned } = step;
        const db = this.#client.db(planned.target.db);
        if (planned.type === 'view') {
            await db.command((0,_collection_spec__WEBPACK_IMPORTED_MODULE_5__/* .createCommand */ .gu)(planned.target, planned.entry, (read) => planned.viewOn ?? read));
        }
        else if (isStaged(planned)) {
            await db.renameCollection(planned.writeTo.collection, planned.target.collection);
        }
        step.movedIn = true;
    }
    /** Undoes `steps` in reverse, removes what this run created, and says where everything is. */
    async #rollBack(steps, plan, cause) {
        const failedAt = (0,_shipkit_archive__WEBPACK_IMPORTED_MODULE_2__/* .namespaceName */ .dz)(steps.at(-1).planned.target);
        const stuck = new Map();
        for (const step of [...steps].reverse()) {
            const { target, writeTo, type } = step.planned;
            const db = this.#client.db(target.db);
            try {
                if (step.movedIn) {
                    if (type === 'view' || !isStaged(step.planned))
                        await db.command({ drop: target.collection });
                    else
                        await db.renameCollection(target.collection, writeTo.collection);
                    step.movedIn = false;
                }
                if (step.aside) {
                    await db.renameCollection(step.aside, target.collection);
                    delete step.aside;
                }
                if (step.view) {
                    await db.command({ create: target.collection, ...step.view });
                    delete step.view;
                }
            }
            catch (error) {
                stuck.set((0,_shipkit_archive__WEBPACK_IMPORTED_MODULE_2__/* .namespaceName */ .dz)(target), (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .g)(error));
            }
        }
        const kept = await this.#dropCreated();
        const bySteps = new Map(steps.map((step) => [(0,_shipkit_archive__WEBPACK_IMPORTED_MODULE_2__/* .namespaceName */ .dz)(step.planned.target), step]));
        const outcomes = written(plan).map((planned) => {
            const step = bySteps.get((0,_shipkit_archive__WEBPACK_IMPORTED_MODULE_2__/* .namespaceName */ .dz)(planned.target));
            const why = stuck.get((0,_shipkit_archive__WEBPACK_IMPORTED_MODULE_2__/* .namespaceName */ .dz)(planned.target));
            return step && why !== undefined ? stuckOutcome(step, why) : unchanged(planned, kept);
        });
        const swappedBefore = steps.length - 1;
        const undone = stuck.size === 0
            ? swappedBefore === 0
                ? 'Nothing of the target was changed.'
                : `The ${swappedBefore} namespace${swappedBefore === 1 ? '' : 's'} swapped before it ${swappedBefore === 1 ? 'was' : 'were'} put back: nothing of the target was changed.`
            : 'It could not all be undone: the namespaces marked "needs attention" below say where their data is.';
        return new SwapFailedError(`Swapping the restored data into the target failed at ${failedAt}: ${(0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .g)(cause)}. ${undone}`, outcomes);
    }
    /** Drops every collection this run created; returns those that could not be dropped, with why. */
    async #dropCreated() {
        const kept = new Map();
        for (const [name, ns] of this.#created) {
            try {
                await this.#drop(ns);
                this.#created.delete(name);
            }
            catch (error) {
                kept.set(name, (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .g)(error));
                this.#logger.warn(`could not drop ${name}: ${(0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .g)(error)}`);
            }
        }
        return kept;
    }
    async #drop(ns) {
        try {
            await this.#client.db(ns.db).command({ drop: ns.collection });
        }
        catch (error) {
            // Servers before 7.0 answer NamespaceNotFound when there is nothing to drop.
            if (error.code !== 26)
                throw error;
        }
    }
}
/** Whether the namespace's data went under a staging name (not straight into the target). */
function isStaged(planned) {
    return (0,_shipkit_archive__WEBPACK_IMPORTED_MODULE_2__/* .namespaceName */ .dz)(planned.writeTo) !== (0,_shipkit_archive__WEBPACK_IMPORTED_MODULE_2__/* .namespaceName */ .dz)(planned.target);
}
/** The namespaces a plan writes (a refused plan writes nothing). */
function written(plan) {
    return plan.namespaces.filter((n) => n.action !== 'refuse');
}
/**
 * A target this run did not change, and, from `kept`, a collection of this run that could not be
 * dropped: a staging collection (the target is still as it was), or a time-series collection the run
 * created where nothing was (it holds part of the restore).
 */
function unchanged(planned, kept) {
    const namespace = (0,_shipkit_archive__WEBPACK_IMPORTED_MODULE_2__/* .namespaceName */ .dz)(planned.target);
    const outcome = planned.existing.kind === 'absent'
        ? { namespace, state: 'untouched', note: 'absent' }
        : { namespace, state: 'left as it was', note: (0,_plan__WEBPACK_IMPORTED_MODULE_3__/* .describeState */ .Jw)(planned.existing) };
    const leftover = (0,_shipkit_archive__WEBPACK_IMPORTED_MODULE_2__/* .namespaceName */ .dz)(planned.writeTo);
    const why = kept.get(leftover);
    if (why === undefined)
        return outcome;
    if (!isStaged(planned)) {
        return {
            namespace,
            state: 'needs attention',
            note: `it was absent and now holds part of the restore, which could not be dropped (${why}): drop it`,
            leftover,
        };
    }
    return {
        ...outcome,
        note: `${outcome.note}; the staging collection ${leftover} could not be dropped (${why}): drop it`,
        leftover,
    };
}
/** A namespace whose swap could not be undone: where its data is, and what to do. */
function stuckOutcome(step, why) {
    const { target } = step.planned;
    const namespace = (0,_shipkit_archive__WEBPACK_IMPORTED_MODULE_2__/* .namespaceName */ .dz)(target);
    const where = [];
    where.push(step.movedIn ? `${namespace} holds the restored data` : `${namespace} is absent`);
    if (step.aside)
        where.push(`its previous data is in ${target.db}.${step.aside}: rename it back to restore it`);
    if (step.view)
        where.push(`it was a view, to recreate with ${JSON.stringify(step.view)}`);
    if (!step.aside && !step.view && step.planned.existing.kind === 'absent' && step.movedIn)
        where.push('it did not exist before: drop it if unwanted');
    return { namespace, state: 'needs attention', note: `${where.join('; ')} (undo failed: ${why})` };
}
/** One line per target namespace and its state, under a line that sums them up. */
function describeOutcomes(outcomes) {
    const kept = outcomes.every((o) => o.state === 'untouched' || o.state === 'left as it was');
    const cleaned = outcomes.every((o) => o.leftover === undefined);
    const heading = kept
        ? `Target namespaces (nothing of the target changed${cleaned ? '; the staging collections were removed' : ''}):`
        : 'Target namespaces:';
    return [
        heading,
        ...outcomes.map((o) => `  ${o.namespace}: ${o.state}${o.note ? ` — ${o.note}` : ''}`),
    ].join('\n');
}


/***/ }),

/***/ 2352:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   qq: () => (/* binding */ silentLogger)
/* harmony export */ });
/* unused harmony exports streamLogger, MemoryLogger */
const silentLogger = { info() { }, warn() { }, error() { }, debug() { } };
/** A logger that writes lines to a stream after removing secrets. */
function streamLogger(write, redact = (t) => t, debug = false) {
    const line = (prefix) => (message) => write(redact(`${prefix}${message}`));
    return {
        info: line(''),
        warn: line('warning: '),
        error: line('error: '),
        debug: debug ? line('debug: ') : () => { },
    };
}
/** Lines kept in memory, for tests. */
class MemoryLogger {
    lines = [];
    info(message) {
        this.lines.push(message);
    }
    warn(message) {
        this.lines.push(`warning: ${message}`);
    }
    error(message) {
        this.lines.push(`error: ${message}`);
    }
    debug(message) {
        this.lines.push(`debug: ${message}`);
    }
    get text() {
        return this.lines.join('\n');
    }
}


/***/ }),

/***/ 1400:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Mb: () => (/* binding */ DestinationWriteError),
/* harmony export */   d_: () => (/* binding */ ObjectNotFoundError),
/* harmony export */   j0: () => (/* binding */ RetainedByLockError),
/* harmony export */   qs: () => (/* binding */ ObjectExistsError)
/* harmony export */ });
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6631);

/** The object is protected by Object Lock (retention or legal hold): prune reports it as "retained by lock". */
class RetainedByLockError extends _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y {
    key;
    url;
    name = 'RetainedByLockError';
    constructor(key, url, detail) {
        super(`${url} is retained by Object Lock and cannot be deleted yet (${detail}).`);
        this.key = key;
        this.url = url;
    }
}
/** A conditional put found the key already there: another run (or an earlier one) wrote it. */
class ObjectExistsError extends _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y {
    key;
    url;
    name = 'ObjectExistsError';
    constructor(key, url) {
        super(`${url} already exists, so it was not replaced; another run may be writing the same backup.`);
        this.key = key;
        this.url = url;
    }
}
class ObjectNotFoundError extends _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y {
    key;
    url;
    name = 'ObjectNotFoundError';
    constructor(key, url) {
        super(`${url} does not exist.`);
        this.key = key;
        this.url = url;
    }
}
const REMEDIES = {
    full: 'Free space there (or raise its quota), or choose another destination.',
    'too-large': "Raise the store's object size limit (or its part size), or choose another destination.",
    'read-only': 'Make it writable (mount it read-write), or choose another destination.',
    'not-writable': 'Give the user (or the storage credentials) running shipkit permission to write there, or choose another destination.',
};
const STATES = {
    full: 'is full',
    'too-large': 'refuses an object this large',
    'read-only': 'is read-only',
    'not-writable': 'is not writable',
};
/**
 * A destination that cannot take a write: full, read-only, not writable, or refusing the object's size.
 * The one place that words these for every backend (file:// errno codes, S3 error codes), naming the
 * destination by its URL, which never holds credentials.
 */
class DestinationWriteError extends _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y {
    kind;
    destination;
    key;
    detail;
    name = 'DestinationWriteError';
    constructor(kind, 
    /** The destination's URL, e.g. `file:///backups` or `s3://bucket/prefix`. */
    destination, 
    /** What was being written, relative to the destination. */
    key, 
    /** The store's own word for it, e.g. `no space left on device, ENOSPC` or `AccessDenied, HTTP 403`. */
    detail) {
        super(`The destination ${destination} ${STATES[kind]} (${detail}) while writing ${key}. ${REMEDIES[kind]}`);
        this.kind = kind;
        this.destination = destination;
        this.key = key;
        this.detail = detail;
    }
}


/***/ }),

/***/ 6168:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ID: () => (/* binding */ joinKey),
/* harmony export */   NJ: () => (/* binding */ checkListPrefix),
/* harmony export */   yR: () => (/* binding */ checkKey)
/* harmony export */ });
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6631);
/* harmony import */ var _url__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1094);


/** Keys are `/`-separated with no empty, `.` or `..` segment, so they are safe as file paths too. */
function checkKey(key) {
    if (key === '' || key.includes('\\') || key.includes('\0') || (0,_url__WEBPACK_IMPORTED_MODULE_0__/* .badSegment */ .vz)(key) !== undefined) {
        throw new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y(`Storage key "${key}" is not valid: use "/"-separated names without empty, "." or ".." parts, ` +
            'e.g. "2026-11-25T030000Z-ab12/manifest.json".');
    }
    return key;
}
/** A listing prefix may be empty or end with `/`; what comes before must be a valid key. */
function checkListPrefix(prefix) {
    if (prefix === '')
        return prefix;
    checkKey(prefix.endsWith('/') ? prefix.slice(0, -1) : prefix);
    return prefix;
}
/** `base/key`, or `key` when the base is empty. */
function joinKey(base, key) {
    return base === '' ? key : `${base}/${key}`;
}


/***/ }),

/***/ 2582:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B$: () => (/* binding */ checkKmsKey),
/* harmony export */   CT: () => (/* binding */ DEFAULT_PARTS_IN_FLIGHT),
/* harmony export */   jq: () => (/* binding */ checkPartSize),
/* harmony export */   kz: () => (/* binding */ MAX_PARTS)
/* harmony export */ });
/* unused harmony exports MIN_PART_SIZE, MAX_PART_SIZE, DEFAULT_PART_SIZE, partSizeFor */
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6631);

const MiB = 1024 * 1024;
const MIN_PART_SIZE = 5 * MiB;
const MAX_PART_SIZE = 5 * 1024 * MiB;
const MAX_PARTS = 10_000;
/**
 * The smallest whole-MiB part size with which 10,000 parts hold 1 TiB. The length of a backup stream
 * is unknown when its upload starts, and some stores (R2) need every part but the last to have the
 * same size, so the size is fixed up front; memory is about (partsInFlight + 1) × partSize.
 * Callers that can estimate the size should pass `partSizeFor(estimate)` instead.
 */
const DEFAULT_PART_SIZE = 105 * MiB;
const DEFAULT_PARTS_IN_FLIGHT = 1;
/** A part size for objects up to `maxBytes` (with room to spare), never below the S3 minimum. */
function partSizeFor(maxBytes) {
    const needed = Math.ceil(maxBytes / MAX_PARTS / MiB) * MiB;
    return Math.min(MAX_PART_SIZE, Math.max(MIN_PART_SIZE, needed));
}
/** The part size to use, refusing one S3 would reject. */
function checkPartSize(partSize) {
    const size = partSize ?? DEFAULT_PART_SIZE;
    if (!Number.isInteger(size) || size < MIN_PART_SIZE || size > MAX_PART_SIZE) {
        throw new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`S3 part size ${partSize} is out of range: use a whole number of bytes from 5 MiB to 5 GiB.`);
    }
    return size;
}
/** A KMS key only makes sense with KMS server-side encryption. */
function checkKmsKey(serverSideEncryption, kmsKeyId) {
    if (kmsKeyId && !serverSideEncryption?.startsWith('aws:kms')) {
        throw new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`A KMS key id was given with server-side encryption "${serverSideEncryption ?? 'none'}"; ` +
            'a KMS key needs server-side encryption aws:kms (accepted: AES256, aws:kms).');
    }
}


/***/ }),

/***/ 1094:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EZ: () => (/* binding */ formatStorageUrl),
/* harmony export */   Yu: () => (/* binding */ parseStorageUrl),
/* harmony export */   vz: () => (/* binding */ badSegment)
/* harmony export */ });
/* unused harmony export ACCEPTED_STORAGE_URLS */
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_url__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6631);


const ACCEPTED_STORAGE_URLS = 's3://bucket/prefix, file:///absolute/path';
function refuse(shown, problem) {
    throw new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y(`Storage URL "${shown}" ${problem}; accepted forms: ${ACCEPTED_STORAGE_URLS}.`);
}
/** Segments of a prefix or key: no empty, `.` or `..` segments, so keys map safely onto folders too. */
function badSegment(path) {
    return path.split('/').find((segment) => segment === '' || segment === '.' || segment === '..');
}
// Loose on purpose: legacy AWS buckets and other providers allow upper case and underscores.
const BUCKET_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{1,61}[A-Za-z0-9]$/;
/**
 * Parses where backups live: `s3://bucket/prefix` or `file:///absolute/path`. Credentials never
 * belong in the URL (they come from the AWS credential chain), so a URL carrying them is refused
 * without echoing it.
 */
function parseStorageUrl(url) {
    const text = url.trim();
    if (text === '')
        refuse(text, 'is empty');
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1]?.toLowerCase();
    if (scheme === 's3')
        return parseS3Url(text);
    if (scheme === 'file')
        return parseFileUrl(text);
    if (text.startsWith('/'))
        refuse(text, `is a bare path; write it as file://${text}`);
    if (scheme === undefined)
        refuse(text, 'has no scheme');
    return refuse(text, `has the unsupported scheme "${scheme}:"`);
}
function parseS3Url(text) {
    if (!/^s3:\/\//i.test(text))
        refuse(text, 'must start with s3:// followed by the bucket name');
    const rest = text.slice('s3://'.length);
    const slash = rest.indexOf('/');
    const bucket = slash < 0 ? rest : rest.slice(0, slash);
    if (bucket.includes('@')) {
        throw new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y('Storage URL s3://…@… carries credentials, which must not be written in the URL: provide them through ' +
            `the AWS credential chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or an assumed role); accepted forms: ${ACCEPTED_STORAGE_URLS}.`);
    }
    if (/[?#]/.test(rest))
        refuse(text, 'has a query or fragment; options such as the region are separate inputs');
    if (bucket === '')
        refuse(text, 'has no bucket name');
    if (!BUCKET_NAME.test(bucket)) {
        refuse(text, `has an invalid bucket name "${bucket}" (3–63 letters, digits, dots, hyphens or underscores)`);
    }
    const prefix = slash < 0 ? '' : rest.slice(slash + 1).replace(/^\/+|\/+$/g, '');
    if (prefix !== '' && badSegment(prefix) !== undefined) {
        refuse(text, 'has an empty, "." or ".." segment in its prefix');
    }
    return { kind: 's3', bucket, prefix };
}
function parseFileUrl(text) {
    const match = /^file:\/\/(localhost)?(\/.*)?$/i.exec(text);
    if (!match || match[2] === undefined) {
        refuse(text, 'is not an absolute file URL (a relative path cannot be used; note the three slashes)');
    }
    let root;
    try {
        root = (0,node_url__WEBPACK_IMPORTED_MODULE_0__.fileURLToPath)(`file://${match[2]}`);
    }
    catch {
        return refuse(text, 'is not a valid file URL');
    }
    root = root.replace(/\/+$/, '');
    if (root === '')
        refuse(text, 'names the file system root; choose a folder for the backups');
    return { kind: 'file', root };
}
/** The URL for a location, or for one key inside it; never holds credentials. */
function formatStorageUrl(location, key) {
    if (location.kind === 's3') {
        const path = [location.prefix, key].filter((part) => part).join('/');
        return `s3://${location.bucket}${path ? `/${path}` : ''}`;
    }
    const base = (0,node_url__WEBPACK_IMPORTED_MODULE_0__.pathToFileURL)(location.root).href;
    return key ? `${base}/${key.split('/').map(encodeURIComponent).join('/')}` : base;
}


/***/ }),

/***/ 1664:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  K5: () => (/* binding */ identityFor),
  k_: () => (/* binding */ runCheck),
  gu: () => (/* binding */ verifyBackup)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ../../packages/backup/src/manifest.ts
var src_manifest = __webpack_require__(3249);
// EXTERNAL MODULE: ../../packages/backup/src/codec.ts
var codec = __webpack_require__(2368);
// EXTERNAL MODULE: ../../packages/backup/src/tool.ts
var tool = __webpack_require__(1890);
// EXTERNAL MODULE: ../../packages/backup/src/layout.ts
var layout = __webpack_require__(6826);
// EXTERNAL MODULE: ../../packages/backup/src/verification.ts
var verification = __webpack_require__(3419);
// EXTERNAL MODULE: ../../packages/archive/src/format.ts
var format = __webpack_require__(5885);
// EXTERNAL MODULE: ../../packages/runtime/src/log.ts
var log = __webpack_require__(2352);
// EXTERNAL MODULE: ../../packages/runtime/src/options/rows.ts
var rows = __webpack_require__(8914);
// EXTERNAL MODULE: ../../packages/runtime/src/errors.ts
var errors = __webpack_require__(6631);
// EXTERNAL MODULE: ../../node_modules/mongodb/lib/index.js
var lib = __webpack_require__(5226);
// EXTERNAL MODULE: ../../packages/mongo/src/restore/collection-spec.ts
var collection_spec = __webpack_require__(9715);
// EXTERNAL MODULE: ../../packages/mongo/src/restore/namespaces.ts + 1 modules
var namespaces = __webpack_require__(2849);
// EXTERNAL MODULE: ../../packages/mongo/src/restore/plan.ts
var restore_plan = __webpack_require__(8388);
// EXTERNAL MODULE: ../../node_modules/mongodb/lib/cmap/commands.js
var commands = __webpack_require__(9218);
;// CONCATENATED MODULE: ../../packages/mongo/src/restore/raw-insert.ts


/**
 * Sends an unordered `insert` of documents that are already raw BSON. With the driver's document
 * sequences (OP_MSG kind 1) the bytes go out as they came from the archive; a driver without them
 * falls back to decoding each document (with every BSON type kept) and letting the driver re-encode
 * it — measured at several times the CPU cost per document, so it is only the fallback.
 */
class RawInserter {
    encoding;
    constructor(encoding = documentSequencesAvailable() ? 'document-sequence' : 'decoded') {
        this.encoding = encoding;
    }
    async insert(db, collection, docs) {
        const documents = this.encoding === 'document-sequence'
            ? commands.makeDocumentSequence('documents', docs, docs)
            : docs.map((doc) => lib.BSON.deserialize(doc, DECODE_EXACT));
        const reply = await db.command({ insert: collection, documents, ordered: false });
        return outcome(reply, docs.length);
    }
}
// Keep every value's BSON type, so the re-encoded bytes equal the original ones.
const DECODE_EXACT = { promoteLongs: false, promoteValues: false, promoteBuffers: false, bsonRegExp: true };
function documentSequencesAvailable() {
    return typeof commands.makeDocumentSequence === 'function';
}
function outcome(reply, sent) {
    const writeErrors = Array.isArray(reply.writeErrors) ? reply.writeErrors : [];
    const failures = writeErrors.map((error) => ({
        index: Number(error.index),
        code: Number(error.code),
        message: String(error.errmsg ?? error.message ?? 'unknown write error'),
    }));
    const inserted = typeof reply.n === 'number' ? reply.n : sent - failures.length;
    if (reply.writeConcernError) {
        const wce = reply.writeConcernError;
        throw new Error(`the server could not confirm the write concern: ${String(wce.errmsg ?? wce.code)}`);
    }
    return { inserted, failures };
}

// EXTERNAL MODULE: ../../packages/mongo/src/restore/staging.ts
var restore_staging = __webpack_require__(6770);
;// CONCATENATED MODULE: ../../packages/mongo/src/restore/engine.ts








const { EJSON } = lib.BSON;
/** Documents were refused or indexes could not be built: the target is not a faithful copy. */
class RestoreFailedError extends Error {
    result;
    name = 'RestoreFailedError';
    constructor(result) {
        super(describeFailure(result));
        this.result = result;
    }
}
// Measured at 256 MiB on FerretDB: 1 MiB batches restored in 55.8–59.2 s against 61.1–67.3 s with 8 MiB
// ones, and peak RSS fell from 310–314 to 197–216 MiB (four batches in flight, one filling per namespace).
const DEFAULT_BATCH_BYTES = 1024 * 1024;
// The server's maxWriteBatchSize.
const MAX_BATCH_DOCUMENTS = 100_000;
/**
 * Restores the namespaces of an archive (events from `readArchive`, which checks every CRC) into
 * `deps.client`: plans first (refusing non-empty targets unless `drop`), creates collections with
 * their options, streams documents as raw BSON in byte-bounded unordered batches with `parallelism`
 * batches in flight, builds each collection's indexes once its data is in, and creates views last.
 * Every refused document is counted; any refusal or failed index build throws `RestoreFailedError`
 * with the full result. Nothing is restored silently in part.
 *
 * With `deps.staging` every collection is written under a staging name and no target is changed:
 * views and the swap are left to `staging.swap`, and what was created to `staging.discard`.
 */
async function restoreArchive(events, options, deps) {
    const mapper = new namespaces/* NamespaceMapper */.h(options);
    return new RestoreRun(options, deps, mapper).execute(events);
}
class RestoreRun {
    #options;
    #deps;
    #mapper;
    #logger;
    #inserter;
    #parallelism;
    #batchBytes;
    #shownFailures;
    #startedAt;
    #inFlight = new Set();
    /** Data runs by data namespace key; null for namespaces whose documents are not restored. */
    #runs = new Map();
    #stats = new Map();
    #failures = [];
    #plan;
    #fatal;
    #sent = 0;
    #sentBytes = 0;
    constructor(options, deps, mapper) {
        this.#options = options;
        this.#deps = deps;
        this.#mapper = mapper;
        this.#logger = deps.logger ?? log/* silentLogger */.qq;
        this.#inserter = deps.inserter ?? new RawInserter();
        this.#parallelism = Math.max(1, options.parallelism ?? rows/* DEFAULT_PARALLELISM */.ri);
        this.#batchBytes = Math.max(1, options.batchBytes ?? DEFAULT_BATCH_BYTES);
        this.#shownFailures = options.shownFailures ?? 10;
        this.#startedAt = (deps.now ?? Date.now)();
    }
    async execute(events) {
        const iterator = events[Symbol.asyncIterator]();
        try {
            for (;;) {
                this.#throwIfStopped();
                const next = await iterator.next();
                if (next.done)
                    break;
                const event = next.value;
                if (event.type === 'prelude')
                    await this.#prepare(event.namespaces);
                else if (!this.#plan)
                    throw new Error('the archive did not start with its prelude');
                else if (event.type === 'documents')
                    await this.#add(event.ns, event.docs);
                else if (event.type === 'eof')
                    await this.#close(event.ns);
            }
            if (!this.#plan)
                throw new Error('the archive ended before its prelude');
            await this.#settle(true);
            this.#throwIfStopped();
            await this.#createViews(this.#plan);
            await this.#buildRemainingIndexes(this.#plan);
        }
        catch (error) {
            // Documents still batched are not sent: the archive or the target failed, the restore stops.
            await this.#settle(false);
            await iterator.return?.();
            throw error;
        }
        const result = this.#result(this.#plan);
        if (result.failed > 0 || result.namespaces.some((n) => n.indexErrors.length > 0)) {
            throw new RestoreFailedError(result);
        }
        return result;
    }
    #throwIfStopped() {
        if (this.#fatal)
            throw this.#fatal;
        const { signal } = this.#deps;
        if (signal?.aborted)
            throw signal.reason ?? new Error('the restore was cancelled');
    }
    async #prepare(prelude) {
        const { client, staging } = this.#deps;
        const plan = await (0,restore_plan/* planRestore */.q8)(client, prelude, this.#mapper, {
            drop: this.#options.drop ?? false,
            ...(staging ? { run: staging.run } : {}),
        });
        this.#plan = plan;
        this.#deps.onPlan?.(plan);
        const refusal = (0,restore_plan/* refusalError */.z_)(plan);
        if (refusal)
            throw refusal;
        for (const skipped of plan.skipped)
            this.#logger.warn(`not restored: ${skipped.namespace} — ${skipped.reason}`);
        for (const warning of plan.warnings)
            this.#logger.warn(warning);
        await staging?.removeLeftovers(plan);
        for (const planned of plan.namespaces) {
            this.#stats.set(planned, newStats());
            // Views are created once their collections are in place: by the swap, or last (direct).
            if (planned.type === 'view' || (planned.action === 'reuse' && !(0,restore_staging/* isStaged */.Fl)(planned)))
                continue;
            await this.#create(planned);
            staging?.created(planned.writeTo);
        }
    }
    async #create(planned) {
        const db = this.#deps.client.db(planned.writeTo.db);
        const command = (0,collection_spec/* createCommand */.gu)(planned.writeTo, planned.entry, (read) => planned.viewOn ?? read);
        try {
            await db.command(command);
        }
        catch (error) {
            const { create: _name, ...options } = command;
            const staged = (0,restore_staging/* isStaged */.Fl)(planned) ? ` (staged as ${(0,format/* namespaceName */.dz)(planned.writeTo)})` : '';
            throw new Error(`The target refused to create ${(0,format/* namespaceName */.dz)(planned.target)}${staged} with the archive's options ` +
                `${EJSON.stringify(options, { relaxed: true })}: ${(0,errors/* errorMessage */.g)(error)}`);
        }
    }
    #dataRun(ns) {
        const key = `${ns.db}\u0000${ns.collection}`;
        const known = this.#runs.get(key);
        if (known !== undefined)
            return known;
        const plan = this.#plan;
        // Time-series data arrives as the buckets of the listed collection (servers before 8.3).
        const planned = plan.namespaces.find((n) => n.source.db === ns.db &&
            (n.source.collection === ns.collection ||
                (n.type === 'timeseries' && `${format/* BUCKETS_PREFIX */.p8}${n.source.collection}` === ns.collection)));
        let run = null;
        if (planned) {
            // Time-series buckets keep their own name; they are never staged.
            const into = (0,restore_staging/* isStaged */.Fl)(planned) ? planned.writeTo : this.#mapper.target(ns);
            run = {
                planned,
                name: (0,format/* namespaceName */.dz)(this.#mapper.target(ns)),
                db: this.#deps.client.db(into.db),
                collection: into.collection,
                serial: collectionIsCapped(planned.entry),
                batch: [],
                batchBytes: 0,
                pending: new Set(),
                stats: this.#stats.get(planned),
            };
        }
        this.#runs.set(key, run);
        return run;
    }
    async #add(ns, docs) {
        const run = this.#dataRun(ns);
        if (!run)
            return;
        for (const doc of docs) {
            const full = run.batchBytes + doc.length > this.#batchBytes || run.batch.length >= MAX_BATCH_DOCUMENTS;
            if (full && run.batch.length > 0)
                await this.#flush(run);
            run.batch.push(doc);
            run.batchBytes += doc.length;
            run.stats.documents += 1;
            run.stats.bytes += doc.length;
        }
        if (run.batchBytes >= this.#batchBytes)
            await this.#flush(run);
    }
    async #flush(run) {
        if (run.batch.length === 0)
            return;
        const docs = run.batch;
        run.batch = [];
        run.batchBytes = 0;
        if (run.serial)
            await Promise.all(run.pending);
        while (this.#inFlight.size >= this.#parallelism)
            await Promise.race(this.#inFlight);
        this.#throwIfStopped();
        const task = this.#insert(run, docs).finally(() => {
            this.#inFlight.delete(task);
            run.pending.delete(task);
        });
        this.#inFlight.add(task);
        run.pending.add(task);
    }
    /** Never rejects: a failed command (not a refused document) stops the whole restore. */
    async #insert(run, docs) {
        try {
            const { inserted, failures } = await this.#inserter.insert(run.db, run.collection, docs);
            run.stats.inserted += inserted;
            run.stats.failed += failures.length;
            for (const failure of failures)
                this.#recordFailure(run, docs, failure);
            this.#sent += docs.length;
            for (const doc of docs)
                this.#sentBytes += doc.length;
            this.#deps.onProgress?.({ documents: this.#sent, bytes: this.#sentBytes, namespace: run.name });
        }
        catch (error) {
            this.#fatal ??= new Error(`Inserting into ${run.name} failed: ${(0,errors/* errorMessage */.g)(error)}`);
        }
    }
    #recordFailure(run, docs, failure) {
        const codes = run.stats.failuresByCode;
        codes.set(failure.code, (codes.get(failure.code) ?? 0) + 1);
        if (this.#failures.length >= this.#shownFailures)
            return;
        const doc = docs[failure.index];
        this.#failures.push({
            namespace: run.name,
            id: doc ? documentId(doc) : '?',
            code: failure.code,
            message: failure.message,
        });
    }
    /** A namespace's EOF: send what is left, then build its indexes once all its batches are in. */
    async #close(ns) {
        const run = this.#dataRun(ns);
        if (!run)
            return;
        await this.#flush(run);
        const stats = run.stats;
        if (stats.indexTask)
            return;
        // The reader goes on with other namespaces while this one's last batches and indexes finish.
        stats.indexTask = Promise.allSettled([...run.pending]).then(() => this.#buildIndexes(run.planned, stats));
    }
    async #buildIndexes(planned, stats) {
        if (planned.type === 'view' || this.#fatal)
            return;
        const specs = (0,collection_spec/* indexesToBuild */.C9)(planned.entry);
        if (specs.length === 0)
            return;
        const { db: database, collection } = planned.writeTo;
        const db = this.#deps.client.db(database);
        const name = (0,format/* namespaceName */.dz)(planned.target);
        try {
            await db.command({ createIndexes: collection, indexes: specs });
            stats.indexesBuilt += specs.length;
            return;
        }
        catch {
            // Build them one by one to name the index that fails and still build the others.
        }
        for (const spec of specs) {
            try {
                await db.command({ createIndexes: collection, indexes: [spec] });
                stats.indexesBuilt += 1;
            }
            catch (error) {
                stats.indexErrors.push(`${name} index ${String(spec.name)}: ${(0,errors/* errorMessage */.g)(error)}`);
            }
        }
    }
    async #settle(flush) {
        if (flush) {
            for (const run of new Set(this.#runs.values()))
                if (run && !this.#fatal)
                    await this.#flush(run);
        }
        while (this.#inFlight.size > 0)
            await Promise.allSettled([...this.#inFlight]);
        await Promise.allSettled([...this.#stats.values()].map((s) => s.indexTask));
    }
    async #createViews(plan) {
        if (this.#deps.staging)
            return;
        for (const planned of plan.namespaces)
            if (planned.type === 'view')
                await this.#create(planned);
    }
    async #buildRemainingIndexes(plan) {
        for (const planned of plan.namespaces) {
            const stats = this.#stats.get(planned);
            if (!stats.indexTask) {
                stats.indexTask = this.#buildIndexes(planned, stats);
                await stats.indexTask;
            }
        }
    }
    #result(plan) {
        const namespaces = plan.namespaces.map((planned) => {
            const stats = this.#stats.get(planned);
            return {
                source: (0,format/* namespaceName */.dz)(planned.source),
                target: (0,format/* namespaceName */.dz)(planned.target),
                type: planned.type,
                action: planned.action,
                documents: stats.documents,
                bytes: stats.bytes,
                inserted: stats.inserted,
                failed: stats.failed,
                failuresByCode: Object.fromEntries([...stats.failuresByCode].map(([code, n]) => [String(code), n])),
                indexesBuilt: stats.indexesBuilt,
                indexErrors: stats.indexErrors,
            };
        });
        const sum = (pick) => namespaces.reduce((t, n) => t + pick(n), 0);
        return {
            namespaces,
            plan,
            documents: sum((n) => n.documents),
            inserted: sum((n) => n.inserted),
            failed: sum((n) => n.failed),
            bytes: sum((n) => n.bytes),
            failures: this.#failures,
            encoding: this.#inserter.encoding,
            durationMs: (this.#deps.now ?? Date.now)() - this.#startedAt,
        };
    }
}
function newStats() {
    return {
        documents: 0,
        bytes: 0,
        inserted: 0,
        failed: 0,
        failuresByCode: new Map(),
        indexesBuilt: 0,
        indexErrors: [],
        indexTask: undefined,
    };
}
function collectionIsCapped(entry) {
    const options = entry.metadata?.options;
    return options?.capped === true;
}
function documentId(doc) {
    try {
        const { _id } = lib.BSON.deserialize(doc, { promoteValues: false, bsonRegExp: true });
        return _id === undefined ? '(no _id)' : EJSON.stringify(_id, { relaxed: true });
    }
    catch {
        return '(unreadable)';
    }
}
const CODE_NAMES = {
    '11000': 'duplicate key',
    '121': 'document validation failed',
    '53': 'invalid _id',
    '2': 'bad value',
};
function codeName(code) {
    return CODE_NAMES[code] ?? `error code ${code}`;
}
function describeFailure(result) {
    const lines = [];
    if (result.failed > 0) {
        const perNamespace = result.namespaces
            .filter((n) => n.failed > 0)
            .map((n) => {
            const codes = Object.entries(n.failuresByCode)
                .sort(([codeA, a], [codeB, b]) => b - a || Number(codeA) - Number(codeB))
                .map(([code, count]) => `${codeName(code)} ×${count}`)
                .join(', ');
            return `${n.target}: ${n.failed} (${codes})`;
        });
        lines.push(`The restore failed: ${result.failed.toLocaleString('en-US')} of ${result.documents.toLocaleString('en-US')} ` +
            `documents were refused by the target — ${perNamespace.join('; ')}.`);
        lines.push(`First ${result.failures.length === 1 ? 'error' : `${result.failures.length} errors`}:`, ...result.failures.map((f) => `  ${f.namespace} _id ${f.id}: ${f.message} (code ${f.code})`));
    }
    const indexErrors = result.namespaces.flatMap((n) => n.indexErrors);
    if (indexErrors.length > 0) {
        if (lines.length === 0)
            lines.push('The restore failed: indexes could not be built.');
        lines.push('Index builds that failed:', ...indexErrors.map((e) => `  ${e}`));
    }
    return lines.join('\n');
}

// EXTERNAL MODULE: ../../packages/runtime/src/options/errors.ts
var options_errors = __webpack_require__(6960);
// EXTERNAL MODULE: ../../packages/runtime/src/options/text.ts
var options_text = __webpack_require__(8444);
// EXTERNAL MODULE: external "node:v8"
var external_node_v8_ = __webpack_require__(8877);
// EXTERNAL MODULE: external "node:vm"
var external_node_vm_ = __webpack_require__(714);
;// CONCATENATED MODULE: ../../packages/runtime/src/memory.ts


const DEFAULT_EVERY_BYTES = 32 * 1024 * 1024;
/**
 * Keeps a long streaming job's memory flat in the size of the data. Two things grow otherwise:
 * - V8's young generation: batches of documents survive a scavenge or two while in flight, and V8
 *   answers that by growing its semi-spaces (heapTotal 24 → 147 MiB over a 1 GiB backup, with 15–27 MiB
 *   live). The keeper holds them at their start size; measured, this costs no time.
 * - Buffers: every batch of raw documents and every stream chunk keeps its bytes outside V8's heap,
 *   and V8 frees them lazily. A full collection every `everyBytes` of data costs a few milliseconds
 *   on these small heaps.
 * Create it before the job allocates in earnest.
 */
class MemoryKeeper {
    everyBytes;
    #sinceLast = 0;
    constructor(everyBytes = DEFAULT_EVERY_BYTES) {
        this.everyBytes = everyBytes;
        holdYoungGeneration();
    }
    /** Counts bytes processed; collects garbage each time another `everyBytes` went by. */
    add(bytes) {
        this.#sinceLast += bytes;
        if (this.#sinceLast < this.everyBytes)
            return;
        this.#sinceLast = 0;
        fullCollection()?.();
    }
}
/**
 * Stops the semi-spaces from growing past their current size. Their maximum is fixed when the
 * process starts (`--max-semi-space-size`, which an action cannot pass); the growth factor is read
 * each time V8 grows them, so it can still be set from here.
 */
function holdYoungGeneration() {
    (0,external_node_v8_.setFlagsFromString)('--semi-space-growth-factor=1');
}
let collect;
/** V8's `gc()`, or null where it cannot be had. */
function fullCollection() {
    if (collect === undefined) {
        try {
            // The flag exposes `gc` to contexts created after it is set: create one and take it from there.
            (0,external_node_v8_.setFlagsFromString)('--expose-gc');
            collect = (0,external_node_vm_.runInNewContext)('gc');
        }
        catch {
            collect = null;
        }
    }
    return collect;
}

// EXTERNAL MODULE: ../../packages/storage/src/errors.ts
var src_errors = __webpack_require__(1400);
;// CONCATENATED MODULE: ../../packages/verify/src/compare.ts


const compare_short = (hash) => (hash ? `${hash.slice(0, 16)}…` : '(none)');
/**
 * One row per namespace: the manifest's promise against the archive's content (integrity) and, in
 * full and restore modes, against what the server holds after the restore. Without a manifest the
 * archive itself is what the restore is compared with.
 */
function compareNamespaces(input) {
    const { manifest, tally, restoredNamespaces } = input;
    const prelude = new Map((tally.prelude ?? []).filter((e) => !(0,format/* isOplog */.y8)(e)).map((e) => [nameOf(e), e]));
    const listed = new Map((manifest?.namespaces ?? []).map((e) => [nameOf(e), e]));
    const names = [...new Set([...listed.keys(), ...prelude.keys()])].filter((name) => !restoredNamespaces || restoredNamespaces.has(name));
    const rows = [];
    const problems = [];
    for (const name of names) {
        const row = compareOne(name, listed.get(name), prelude.get(name), input);
        rows.push(row);
        problems.push(...row.problems);
    }
    // The oplog is the only data the prelude need not list; a backup of ours never holds one.
    if (manifest && tally.get('.oplog'))
        problems.push('the archive holds an oplog, which the manifest does not list');
    return { rows, problems };
}
function compareOne(name, listed, prelude, input) {
    const { manifest, tally, restored } = input;
    const type = listed?.type ?? prelude?.type ?? 'collection';
    const problems = [];
    const data = tally.get(name) ?? (type === 'timeseries' ? tally.get(bucketsName(name)) : undefined);
    const archive = data && {
        documents: data.documents,
        bytes: data.bytes,
        contentHash: data.contentHash,
        ...(data.crc ? { crc: data.crc } : {}),
    };
    const back = restored?.get(name);
    const row = {
        namespace: name,
        ...(back ? { restoredAs: back.target } : {}),
        type,
        expected: {},
        ...(archive ? { archive } : {}),
        ...(back
            ? {
                restored: {
                    documents: back.documents,
                    contentHash: back.contentHash,
                    indexes: back.indexes.length,
                },
            }
            : {}),
        checks: { count: 'not-checked', contentHash: 'not-checked', crc: 'not-checked', indexes: 'not-checked' },
        problems,
    };
    if (manifest && !listed)
        problems.push(`${name}: in the archive but not in the manifest`);
    if (!prelude && tally.complete)
        problems.push(`${name}: in the manifest but not in the archive`);
    // What the namespace should hold: the manifest's word, or else the archive's own content.
    const expectedIndexes = listed?.indexes ?? (prelude ? (0,collection_spec/* indexSpecs */.zD)(prelude) : undefined);
    const expected = listed
        ? { documents: listed.count, contentHash: listed.contentHash, crc: listed.crc }
        : restored && archive
            ? {
                documents: archive.documents,
                contentHash: archive.contentHash,
                ...(archive.crc ? { crc: archive.crc } : {}),
            }
            : {};
    row.expected = { ...expected, ...(expectedIndexes ? { indexes: expectedIndexes.length } : {}) };
    const verdicts = {
        count: [],
        contentHash: [],
        crc: [],
        indexes: [],
    };
    const check = (kind, ok, problem) => {
        verdicts[kind].push(ok ? 'passed' : 'failed');
        if (!ok)
            problems.push(problem);
    };
    if (listed && archive) {
        check('count', listed.count === archive.documents, `${name}: document count differs — manifest ${listed.count}, archive ${archive.documents}`);
        check('contentHash', listed.contentHash === archive.contentHash, `${name}: content hash differs — manifest ${compare_short(listed.contentHash)}, archive ${compare_short(archive.contentHash)}`);
        if (archive.crc) {
            check('crc', listed.crc === archive.crc, `${name}: CRC-64 differs — manifest ${listed.crc}, archive ${archive.crc}`);
        }
    }
    else if (archive?.crc) {
        // The reader checked the CRC stored in the archive against the documents.
        verdicts.crc.push('passed');
    }
    if (listed && prelude && !restored) {
        const differences = (0,collection_spec/* compareIndexSpecs */.kn)(listed.indexes, (0,collection_spec/* indexSpecs */.zD)(prelude));
        check('indexes', differences.length === 0, `${name}: archive index specs differ from the manifest — ${differences.join('; ')}`);
    }
    if (back) {
        const where = back.stagedAs
            ? `staged for ${back.target} as ${back.stagedAs}`
            : `restored as ${back.target}`;
        if (!back.exists) {
            problems.push(`${name}: the ${type} was not restored (${back.stagedAs ?? back.target} does not exist)`);
            verdicts.count.push('failed');
        }
        else if (type !== 'view') {
            if (expected.documents !== undefined) {
                check('count', back.documents === expected.documents, `${name}: document count differs — expected ${expected.documents}, ${where} ${back.documents}`);
            }
            if (expected.contentHash !== undefined) {
                check('contentHash', back.contentHash === expected.contentHash, `${name}: content hash differs — expected ${compare_short(expected.contentHash)}, ${where} ${compare_short(back.contentHash)}`);
            }
            if (expectedIndexes) {
                const differences = (0,collection_spec/* compareIndexSpecs */.kn)(expectedIndexes, back.indexes);
                check('indexes', differences.length === 0, `${name}: index specs differ (${where}) — ${differences.join('; ')}`);
            }
        }
    }
    row.checks = {
        count: combine(verdicts.count),
        contentHash: combine(verdicts.contentHash),
        crc: combine(verdicts.crc),
        indexes: combine(verdicts.indexes),
    };
    return row;
}
function combine(states) {
    if (states.includes('failed'))
        return 'failed';
    return states.includes('passed') ? 'passed' : 'not-checked';
}
function nameOf(ns) {
    return `${ns.db}.${ns.collection}`;
}
function bucketsName(name) {
    const dot = name.indexOf('.');
    return `${name.slice(0, dot)}.${format/* BUCKETS_PREFIX */.p8}${name.slice(dot + 1)}`;
}

;// CONCATENATED MODULE: ../../packages/verify/src/identity.ts


const IDENTITY = /AGE-SECRET-KEY-1[0-9A-Z]+/g;
/** The identities in a secret: one key, or the text of an age identity file (comments allowed). */
function parseIdentities(secret) {
    return [...secret.matchAll(IDENTITY)].map((m) => m[0]);
}
/**
 * Picks the identity that decrypts a backup encrypted to `recipients`, so a wrong key is named
 * before anything is downloaded. With no recipients known (a bare archive), the first identity is
 * tried and age itself tells whether it fits.
 */
async function chooseIdentity(secret, recipients, option, subject) {
    if (!secret) {
        if (recipients.length === 0)
            return undefined;
        throw options_errors/* OptionError */.eR.saying((0,options_text/* say */.cv) `${subject} is encrypted with age (to ${recipients.join(', ')}): give the identity that decrypts it as ${(0,options_text/* ref */.KR)(option)}.`);
    }
    const identities = parseIdentities(secret);
    if (identities.length === 0) {
        throw new options_errors/* OptionError */.eR(option, 'must be an age identity (AGE-SECRET-KEY-1…, as written by age-keygen), or the text of an identity file.');
    }
    if (recipients.length === 0)
        return identities[0];
    const publicKeys = [];
    for (const identity of identities) {
        let recipient;
        try {
            recipient = await (0,codec/* recipientOf */.du)(identity);
        }
        catch {
            throw new options_errors/* OptionError */.eR(option, 'holds a malformed age identity (AGE-SECRET-KEY-1…).');
        }
        if (recipients.includes(recipient))
            return identity;
        publicKeys.push(recipient);
    }
    throw new options_errors/* OptionError */.eR(option, `(public key ${publicKeys.join(', ')}) cannot decrypt ${subject}: it is encrypted to ${recipients.join(', ')}.`);
}

// EXTERNAL MODULE: ../../packages/mongo/src/content-hash.ts
var content_hash = __webpack_require__(3804);
;// CONCATENATED MODULE: ../../packages/verify/src/read-back.ts


/**
 * Reads every restored namespace back where it was written (a staged restore: its staging
 * collection, before the swap): documents as raw BSON in any order (the content hash does not
 * depend on it), and the index specs. A time-series collection is read through its buckets, which is
 * what the archive holds. `parallelism` namespaces are read at once.
 */
async function readBack(client, planned, parallelism, signal) {
    const results = new Map();
    const queue = [...planned];
    const worker = async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
            signal?.throwIfAborted();
            results.set((0,format/* namespaceName */.dz)(next.source), await readNamespace(client, next));
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, parallelism) }, worker));
    return results;
}
async function readNamespace(client, planned) {
    const target = planned.writeTo;
    const db = client.db(target.db);
    const listed = await db.listCollections({ name: target.collection }, { nameOnly: true }).toArray();
    const result = {
        target: (0,format/* namespaceName */.dz)(planned.target),
        ...((0,restore_staging/* isStaged */.Fl)(planned) ? { stagedAs: (0,format/* namespaceName */.dz)(target) } : {}),
        exists: listed.length > 0,
        documents: 0,
        contentHash: new content_hash/* ContentHash */.yN().hex(),
        indexes: [],
    };
    if (!result.exists || planned.type === 'view')
        return result;
    const dataCollection = planned.type === 'timeseries' ? await timeseriesData(client, planned) : target.collection;
    const hash = new content_hash/* ContentHash */.yN();
    const cursor = db.collection(dataCollection).find({}, { raw: true, batchSize: 10_000 });
    for await (const doc of cursor)
        hash.add(doc);
    result.documents = hash.count;
    result.contentHash = hash.hex();
    result.indexes = await db.collection(target.collection).listIndexes().toArray();
    return result;
}
/** Servers before 8.3 keep time-series data in `system.buckets.<name>`; newer ones serve it raw. */
async function timeseriesData(client, planned) {
    const buckets = `${format/* BUCKETS_PREFIX */.p8}${planned.target.collection}`;
    const found = await client
        .db(planned.target.db)
        .listCollections({ name: buckets }, { nameOnly: true })
        .toArray();
    return found.length > 0 ? buckets : planned.target.collection;
}

// EXTERNAL MODULE: ../../packages/verify/src/stored-archive.ts + 3 modules
var stored_archive = __webpack_require__(3667);
// EXTERNAL MODULE: ../../packages/verify/src/stored-parts.ts
var stored_parts = __webpack_require__(8649);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(5919);
;// CONCATENATED MODULE: ../../packages/verify/src/hash-pool.ts


/**
 * Worker threads that compute partial content hashes (the sum of every document's SHA-256, modulo
 * 2^256; see `ContentHash` of @shipkit/mongo) over runs of raw BSON documents. One SHA-256 per
 * document is most of the work of an integrity check; the sums commute, so any worker may take any run.
 *
 * Runs travel through slots of one SharedArrayBuffer: the caller copies a run into a free slot and the
 * worker hashes it there, so no buffer is allocated, transferred and freed per run (measured: a fresh
 * 1 MiB buffer per run cost more CPU than the copy, in page faults and garbage collection).
 */
// The same sum as `addRunDigests` of @shipkit/mongo (digests as 'binary' strings, the cheap call).
// Plain CommonJS run with `eval`, so the bundled action needs no separate worker file.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { hash } = require('node:crypto');
const memory = new Uint8Array(workerData.memory);
parentPort.on('message', ({ id, start, length }) => {
  const run = memory.subarray(start, start + length);
  const limbs = new Uint32Array(8);
  let count = 0;
  for (let at = 0; at + 4 <= run.length; count++) {
    const size = run[at] | (run[at + 1] << 8) | (run[at + 2] << 16) | (run[at + 3] << 24);
    if (size < 5 || at + size > run.length) throw new RangeError('no document at byte ' + at + ' of a run');
    const digest = hash('sha256', run.subarray(at, at + size), 'binary');
    let carry = 0;
    for (let i = 0, d = 28; i < 8; i++, d -= 4) {
      const word = ((digest.charCodeAt(d) << 24) | (digest.charCodeAt(d + 1) << 16) |
        (digest.charCodeAt(d + 2) << 8) | digest.charCodeAt(d + 3)) >>> 0;
      const sum = limbs[i] + word + carry;
      limbs[i] = sum >>> 0;
      carry = sum > 0xffffffff ? 1 : 0;
    }
    at += size;
  }
  parentPort.postMessage({ id, limbs, count });
});
`;
/** Bytes of one slot: the most a run handed to a worker may hold. */
const SLOT_BYTES = 1024 * 1024;
// Slots per worker: one being hashed, one waiting, one being filled.
const SLOTS_PER_WORKER = 3;
class HashPool {
    #workers;
    #memory;
    #freeSlots;
    #tasks = new Map();
    #drained;
    #next = 0;
    #failure;
    constructor(size = defaultPoolSize()) {
        const workers = Math.max(1, size);
        const slots = workers * SLOTS_PER_WORKER;
        this.#memory = new SharedArrayBuffer(slots * SLOT_BYTES);
        this.#freeSlots = Array.from({ length: slots }, (_, i) => i);
        this.#workers = Array.from({ length: workers }, () => this.#spawn());
    }
    get size() {
        return this.#workers.length;
    }
    #spawn() {
        const worker = new external_node_worker_threads_.Worker(WORKER_SOURCE, { eval: true, workerData: { memory: this.#memory } });
        worker.on('message', ({ id, limbs, count }) => {
            const task = this.#tasks.get(id);
            if (!task)
                return;
            this.#tasks.delete(id);
            this.#freeSlots.push(task.slot);
            task.onSum(limbs, count);
            if (this.#tasks.size === 0)
                this.#drained?.();
        });
        worker.on('error', (error) => this.#fail(error));
        return worker;
    }
    #fail(error) {
        this.#failure ??= error;
        this.#tasks.clear();
        this.#drained?.();
    }
    /** Every slot is in use: a caller with spare time may rather hash inline. */
    get busy() {
        return this.#freeSlots.length === 0;
    }
    /**
     * Copies a run of consecutive documents (given as pieces, at most `SLOT_BYTES` in all) into a free
     * slot and has a worker hash it; `onSum` gets the partial sum as little-endian 32-bit limbs. Call
     * only when not `busy`.
     */
    hash(pieces, onSum) {
        if (this.#failure)
            throw this.#failure;
        const slot = this.#freeSlots.pop();
        if (slot === undefined)
            throw new Error('HashPool.hash called while every slot is in use');
        const start = slot * SLOT_BYTES;
        const view = new Uint8Array(this.#memory, start, SLOT_BYTES);
        let length = 0;
        for (const piece of pieces) {
            view.set(piece, length);
            length += piece.length;
        }
        const id = this.#next++;
        this.#tasks.set(id, { slot, onSum });
        this.#workers[id % this.#workers.length].postMessage({ id, start, length });
    }
    /** Waits for every run handed out; throws the first worker failure. */
    async drain() {
        if (this.#tasks.size > 0 && !this.#failure) {
            await new Promise((resolve) => {
                this.#drained = resolve;
            });
            this.#drained = undefined;
        }
        if (this.#failure)
            throw this.#failure;
    }
    async close() {
        await Promise.allSettled(this.#workers.map((worker) => worker.terminate()));
    }
}
/** Leaves a core for reading, decompressing and checking CRCs. */
function defaultPoolSize() {
    return Math.min(4, Math.max(1, (0,external_node_os_.availableParallelism)() - 1));
}

;// CONCATENATED MODULE: ../../packages/verify/src/tally.ts



/**
 * Recounts documents, bytes and content hashes per namespace as archive events pass through, for
 * integrity checks and to compare a restore against. Nothing is decoded; the one SHA-256 per
 * document runs on worker threads once the archive proves large and there are cores to spare.
 * Call `finish()` (or `close()` on failure) when the events are done.
 */
class ArchiveTally {
    /** Called per batch of documents with their bytes and count (for progress). */
    onDocuments;
    header;
    prelude;
    #namespaces = new Map();
    #poolAfterBytes;
    #poolSize;
    #pool;
    #seenBytes = 0;
    #complete = false;
    constructor(options = {}) {
        this.#poolAfterBytes = options.poolAfterBytes ?? defaultPoolAfterBytes();
        this.#poolSize = options.poolSize;
    }
    /** Passes events through unchanged while counting them. */
    async *tap(events) {
        for await (const event of events) {
            this.observe(event);
            yield event;
        }
    }
    observe(event) {
        switch (event.type) {
            case 'prelude':
                this.header = event.header;
                this.prelude = event.namespaces;
                return;
            case 'documents': {
                const entry = this.#entry(`${event.ns.db}.${event.ns.collection}`);
                const { run } = event;
                entry.tally.documents += event.count;
                entry.tally.bytes += run.length;
                this.#seenBytes += run.length;
                this.onDocuments?.(run.length, event.count);
                if (!this.#pool && this.#seenBytes <= this.#poolAfterBytes) {
                    entry.hash.addRun(run);
                    return;
                }
                if (entry.queuedBytes + run.length > SLOT_BYTES)
                    this.#dispatch(entry);
                if (run.length > SLOT_BYTES) {
                    // A run larger than a slot (one large document): hashed here.
                    entry.hash.addRun(run);
                    return;
                }
                entry.queued.push(run);
                entry.queuedBytes += run.length;
                return;
            }
            case 'eof': {
                const entry = this.#entry(`${event.ns.db}.${event.ns.collection}`);
                entry.tally.crc = event.crc.toString(16).padStart(16, '0');
                this.#dispatch(entry);
                return;
            }
            case 'end':
                this.#complete = true;
                return;
        }
    }
    /** Hands the queued runs to a worker, or hashes them here when every worker has work waiting. */
    #dispatch(entry) {
        if (entry.queued.length === 0)
            return;
        const runs = entry.queued;
        entry.queued = [];
        entry.queuedBytes = 0;
        this.#pool ??= new HashPool(this.#poolSize);
        if (this.#pool.busy) {
            for (const run of runs)
                entry.hash.addRun(run);
            return;
        }
        this.#pool.hash(runs, (limbs, count) => entry.hash.addSum(limbs, count));
    }
    /** Hashes what is still queued and stops the workers; the content hashes are then final. */
    async finish() {
        try {
            for (const entry of this.#namespaces.values())
                this.#dispatch(entry);
            await this.#pool?.drain();
        }
        finally {
            await this.close();
        }
    }
    /** Stops the workers without waiting for queued work (after a failure). */
    async close() {
        const pool = this.#pool;
        this.#pool = undefined;
        await pool?.close();
    }
    #entry(name) {
        let entry = this.#namespaces.get(name);
        if (!entry) {
            entry = {
                tally: { name, documents: 0, bytes: 0, crc: undefined },
                hash: new content_hash/* ContentHash */.yN(),
                queued: [],
                queuedBytes: 0,
            };
            this.#namespaces.set(name, entry);
        }
        return entry;
    }
    /** Every archive was read to its end: all CRCs and the prelude's namespaces were checked. */
    get complete() {
        return this.#complete;
    }
    get(name) {
        const entry = this.#namespaces.get(name);
        if (!entry)
            return undefined;
        return { ...entry.tally, contentHash: entry.hash.hex() };
    }
    get namespaces() {
        return [...this.#namespaces.keys()].map((name) => this.get(name));
    }
    get documents() {
        let total = 0;
        for (const { tally } of this.#namespaces.values())
            total += tally.documents;
        return total;
    }
}
/**
 * On two cores the zstd frames already decompress on the second one, and a hashing worker competing
 * for it cost more than it saved: at 256 MiB of BSON, 2.3–3.2 CPU seconds and 218–223 MiB of peak
 * RSS with the worker against 1.5–2.5 s and 182–195 MiB inline, and no shorter wall time.
 */
function defaultPoolAfterBytes() {
    return (0,external_node_os_.availableParallelism)() > 2 ? 8 * 1024 * 1024 : Number.POSITIVE_INFINITY;
}

;// CONCATENATED MODULE: ../../packages/verify/src/check.ts











/**
 * Verifies a backup. `integrity` streams the stored object once — SHA-256 and size against the
 * manifest, decryption, decompression, every namespace CRC, then counts, CRCs, content hashes and
 * index specs against the manifest — with no database. `full` also restores it into a scratch
 * server under fresh database names, reads every namespace back and compares counts, content hashes
 * and index specs, then drops the scratch databases. Problems found are in the report (result
 * `failed`); bad input, a wrong identity or a non-empty target are thrown as `UserError`.
 */
async function verifyBackup(source, options, deps = {}) {
    if (options.mode === 'integrity')
        return runCheck(source, 'integrity', options, undefined, deps);
    if (!deps.scratch) {
        throw new options_errors/* OptionError */.eR('scratch-mongodb-uri', (0,options_text/* say */.cv) `is required with ${(0,options_text/* ref */.KR)('mode')} full: a full verification restores into a scratch server.`);
    }
    const prefix = deps.scratchPrefix ?? `vfy_${(0,external_node_crypto_.randomBytes)(3).toString('hex')}_`;
    const auto = options.renames === undefined || options.renames.length === 0;
    const renames = auto ? [{ from: '*.*', to: `${prefix}*.*` }] : options.renames;
    return runCheck(source, 'full', options, {
        client: deps.scratch,
        selection: { renames },
        drop: false,
        removeAfter: auto,
        readBack: true,
    }, deps);
}
/** What the manifest says of the stored archive: the one object, or every part (their digest and total size). */
function archiveOf(manifest) {
    return { ...(0,src_manifest/* archiveEncoding */.mE)(manifest), sha256: (0,src_manifest/* archiveDigest */.Bk)(manifest) };
}
/** The identity that decrypts `source`, chosen among those given before anything is downloaded. */
async function identityFor(source, access) {
    const subject = source.backupId ? `backup ${source.backupId}` : source.url;
    const recipients = source.manifest ? archiveOf(source.manifest).recipients : [];
    return chooseIdentity(access.identity, recipients, access.identityOption ?? codec/* IDENTITY_OPTION */.fN, subject);
}
/**
 * A check in named stages: open the stored object, stream it (tallying, and restoring when asked),
 * prove the stored object and the restored data, list the findings, settle a staged restore, report.
 * `CheckRun` alone holds what went wrong on the way.
 */
async function runCheck(source, mode, options, restoreSpec, deps) {
    const now = deps.now ?? (() => new Date());
    const logger = deps.logger ?? log/* silentLogger */.qq;
    const startedAt = now();
    const opened = await openArchive(source, options, restoreSpec !== undefined);
    const swap = restoreSpec?.swap;
    const staging = swap?.staging;
    const run = new CheckRun(opened, new ArchiveTally(options.hashing ?? {}));
    await streamArchive(run, options, restoreSpec, staging, deps, logger);
    const checkSha = source.manifest !== undefined && !options.skipSha256Check;
    const { digest, restored, removed } = await proveStored(run, checkSha && source.manifest ? archiveOf(source.manifest).sha256 : undefined, restoreSpec, swap, options.parallelism ?? rows/* DEFAULT_PARALLELISM */.ri, deps.signal, logger);
    const findings = listFindings(source, mode, run, { digest, restored, checkSha, restoreSpec }, options);
    const outcomes = swap && run.plan ? await settleRun(swap, run, findings, source, options, deps) : undefined;
    const finishedAt = now();
    const report = {
        tool: { ...tool/* TOOL */.j },
        mode,
        result: findings.problems.length === 0 && run.tally.complete ? 'passed' : 'failed',
        source: source.url,
        ...(source.backupId ? { backupId: source.backupId } : {}),
        startedAt: startedAt.toISOString(),
        finishedAt: finishedAt.toISOString(),
        durationMs: finishedAt.getTime() - startedAt.getTime(),
        archive: {
            layers: [...opened.layers],
            storedBytes: digest.bytes,
            sha256: findings.sha256,
            complete: run.tally.complete,
        },
        namespaces: findings.rows,
        totals: {
            namespaces: findings.rows.length,
            documents: run.tally.documents,
            ...(source.manifest ? { expectedDocuments: source.manifest.totals.documents } : {}),
            ...(restored ? { restoredDocuments: [...restored.values()].reduce((t, r) => t + r.documents, 0) } : {}),
        },
        problems: findings.problems,
        notChecked: findings.notChecked,
        ...(run.plan
            ? {
                target: {
                    databases: run.plan.targetDatabases,
                    removed,
                    ...(outcomes ? { namespaces: outcomes } : {}),
                },
            }
            : {}),
    };
    const proven = !restoreSpec || restoreSpec.readBack;
    if (report.result === 'passed' && source.backupId) {
        await settleRecord(source, report, run.plan, proven && options.record !== false, logger);
    }
    return report;
}
/**
 * What one check has read and what went wrong on the way, in one place: the first failure wins
 * (what fails later is its consequence), and whether it came out of the stored object (its layers
 * or its archive) rather than the target.
 */
class CheckRun {
    opened;
    tally;
    failure;
    failedReading = false;
    restoreResult;
    plan;
    events;
    constructor(opened, tally) {
        this.opened = opened;
        this.tally = tally;
        const run = this;
        this.events = (async function* () {
            try {
                yield* opened.events;
            }
            catch (error) {
                run.failedReading = true;
                throw error;
            }
        })();
    }
    get failed() {
        return this.failure !== undefined;
    }
    fail(error) {
        if (error instanceof RestoreFailedError)
            this.restoreResult ??= error.result;
        this.failure ??= error;
    }
}
// A restore is paced by its target, not by decompression, and its batches hold documents for a
// while: it keeps less decompressed ahead and collects garbage more often than an integrity check.
// Measured on a 256 MiB restore into FerretDB, three runs each: peak RSS 194–214 MiB with 8 MiB ahead
// per frame and a collection every 32 MiB, 185–190 with 2 and 16, 180–182 with 2 and 8 (for 0.8 CPU s
// more, in the same wall time). A collection every 1 MiB held 165 MiB but took 11 CPU s instead of 7.
const RESTORE_AHEAD_BYTES = 2 * 1024 * 1024;
const RESTORE_COLLECT_EVERY_BYTES = 8 * 1024 * 1024;
/** Stage 1: the stored object opened, its layers peeled (a deleted backup named as such). */
async function openArchive(source, options, restoring) {
    const identity = await identityFor(source, options);
    return (0,stored_parts/* openBackupArchive */.F)(source, {
        ...(identity ? { identity } : {}),
        identityOption: options.identityOption ?? codec/* IDENTITY_OPTION */.fN,
        ...(restoring ? { aheadBytes: RESTORE_AHEAD_BYTES } : {}),
    }, options.parallelParts).catch(async (error) => {
        if (error instanceof src_errors/* ObjectNotFoundError */.d_ && source.backupId && !(await stillExists(source))) {
            throw new errors/* UserError */.y(`${disappeared(source)}.`);
        }
        throw error;
    });
}
/** Stage 2: every event tallied, and restored when asked; failures are kept in `run`, not thrown. */
async function streamArchive(run, options, restoreSpec, staging, deps, logger) {
    const { tally } = run;
    const memory = new MemoryKeeper(restoreSpec ? RESTORE_COLLECT_EVERY_BYTES : undefined);
    tally.onDocuments = (bytes, documents) => {
        deps.progress?.add(bytes, documents);
        memory.add(bytes);
    };
    try {
        if (!restoreSpec) {
            for await (const event of run.events) {
                tally.observe(event);
                deps.signal?.throwIfAborted();
            }
        }
        else {
            run.restoreResult = await restoreArchive(tally.tap(run.events), {
                ...restoreSpec.selection,
                drop: restoreSpec.drop,
                parallelism: options.parallelism ?? rows/* DEFAULT_PARALLELISM */.ri,
                ...batchOption(options.batchBytes),
            }, {
                client: restoreSpec.client,
                logger,
                ...(staging ? { staging } : {}),
                ...(deps.signal ? { signal: deps.signal } : {}),
                onPlan: (p) => {
                    run.plan = p;
                },
            });
        }
    }
    catch (error) {
        run.fail(error);
    }
    try {
        await tally.finish();
    }
    catch (error) {
        run.fail(error);
    }
}
/**
 * Stage 3: the stored object's digest, and the restored data read back. A failure that is not a
 * finding of the check stops it here: the staging is removed and the error says what each target is.
 */
async function proveStored(run, 
/** The SHA-256 the manifest holds, when it is to be checked. */
expectedSha256, restoreSpec, swap, parallelism, signal, logger) {
    const { opened, plan } = run;
    let digest;
    let restored;
    try {
        // After a failure the rest of the object is still read when a manifest holds its SHA-256: a
        // changed stored object is then named as such, rather than by whatever layer tripped over it.
        // So is what follows the archive's end (a compressor's last frame, or bytes appended to it):
        // a whole archive swapped in from another backup must still fail on its SHA-256.
        const checkSha = expectedSha256 !== undefined;
        const drain = checkSha && (run.failedReading || run.tally.complete) && !signal?.aborted;
        digest = await opened.digest(drain);
        const storedChanged = checkSha && digest.complete && digest.sha256 !== expectedSha256;
        // A damaged archive or refused documents are findings of the check; anything else (bad input, a
        // wrong identity, a target that cannot take the data, cancellation) stops it.
        const finding = run.failure instanceof stored_archive/* ArchiveStageError */.t0 || run.failure instanceof RestoreFailedError;
        if (run.failed && !finding && !(storedChanged && !signal?.aborted))
            throw run.failure;
        if (restoreSpec?.readBack && plan && run.restoreResult) {
            // A staged restore creates its views at the swap, which proves they exist.
            const written = plan.namespaces.filter((n) => n.action !== 'refuse' && !(swap && n.type === 'view'));
            restored = await readBack(restoreSpec.client, written, parallelism, signal);
        }
    }
    catch (error) {
        await removeScratch(restoreSpec, plan, logger);
        throw swap ? await swap.abandon(plan, error) : error;
    }
    finally {
        await opened.close();
    }
    return { digest, restored, removed: await removeScratch(restoreSpec, plan, logger) };
}
/** Stage 4: every problem found and everything not checked, archive-wide ones first. */
function listFindings(source, mode, run, proof, options) {
    const { manifest } = source;
    const { tally, opened, plan } = run;
    const problems = [];
    const notChecked = [];
    const sha256 = shaVerdict(source, proof.digest, proof.checkSha, problems, notChecked, options.skipSha256Check === true);
    // What the catalogue found wrong with the backup comes first: the rest may follow from it.
    problems.unshift(...(source.damage ?? []).map((d) => `backup ${source.backupId} is damaged: ${d}`));
    if (run.failed)
        problems.push((0,errors/* errorMessage */.g)(run.failure));
    if (manifest && tally.header) {
        const compression = (0,stored_archive/* compressionOf */.MB)(opened.layers);
        if (compression !== archiveOf(manifest).compression) {
            problems.push(`the stored archive is compressed with ${compression}, but the manifest says ${archiveOf(manifest).compression}`);
        }
        const encrypted = opened.layers.includes('age');
        if (encrypted !== archiveOf(manifest).recipients.length > 0) {
            problems.push(`the stored archive is ${encrypted ? '' : 'not '}encrypted, but the manifest says otherwise`);
        }
    }
    const restoredNamespaces = plan
        ? new Set(plan.namespaces.map((n) => `${n.source.db}.${n.source.collection}`))
        : undefined;
    const comparison = compareNamespaces({ manifest, tally, restored: proof.restored, restoredNamespaces });
    problems.push(...comparison.problems);
    if (!manifest) {
        notChecked.push(mode === 'integrity'
            ? 'Expected counts, content hashes and index specs: the archive has no manifest (stock mongodump writes none). ' +
                'Each namespace CRC was checked and documents were counted.'
            : 'Whether the archive is complete: it has no manifest (stock mongodump writes none). ' +
                'Each namespace CRC was checked, and the restore was compared with the archive itself.');
    }
    if (proof.restoreSpec && !proof.restoreSpec.readBack) {
        notChecked.push('What the target holds: the restored namespaces were not read back (asked to skip it). ' +
            'The archive was checked and no document was refused.');
    }
    if (plan) {
        if (plan.excluded.length > 0)
            notChecked.push(`Not restored (excluded): ${plan.excluded.join(', ')}.`);
        for (const skipped of plan.skipped)
            notChecked.push(`Not restored: ${skipped.namespace} — ${skipped.reason}.`);
    }
    return { problems, notChecked, sha256, rows: comparison.rows };
}
/** Stage 5 of a staged restore: swapped in when the proof holds, else discarded; a failed swap is a problem. */
async function settleRun(swap, run, findings, source, options, deps) {
    const unproven = source.manifest && !options.skipSha256Check && findings.sha256.state !== 'passed'
        ? ["the stored object's SHA-256 could not be checked against the manifest"]
        : [];
    const settled = await swap.settle(run.plan, { archiveComplete: run.tally.complete, problems: [...findings.problems, ...unproven] }, deps.signal);
    if (settled.problem)
        findings.problems.push(settled.problem);
    return settled.outcomes;
}
/**
 * Writes the verification record of a passing check, unless the backup was deleted meanwhile (prune
 * deletes the manifest first): then no record stays in its remains, and a verification fails, since
 * the backup it proved no longer exists (a restore did its job on the target all the same, and says
 * so). Existence is checked before writing and again after, as prune may delete it in between.
 */
async function settleRecord(source, report, plan, record, logger) {
    let exists = await stillExists(source);
    const recorded = exists && record ? await recordVerification(source, report, plan, logger) : undefined;
    if (recorded) {
        report.recorded = source.storage.describe(recorded);
        exists = await stillExists(source);
    }
    if (exists)
        return;
    if (recorded)
        await forgetRecord(source, recorded, logger);
    delete report.recorded;
    const gone = disappeared(source);
    if (report.mode === 'restore')
        report.notChecked.push(`${gone}.`);
    else {
        report.result = 'failed';
        report.problems.push(gone);
    }
}
async function stillExists(source) {
    return (await source.storage.head(`${source.backupId}/${layout/* MANIFEST_NAME */.ir}`)) !== undefined;
}
function disappeared(source) {
    return (`backup ${source.backupId} disappeared while it was being read (its ${layout/* MANIFEST_NAME */.ir} is gone, ` +
        'e.g. deleted by prune): it no longer exists, and no verification was recorded');
}
function batchOption(batchBytes) {
    return batchBytes === undefined ? {} : { batchBytes };
}
function shaVerdict(source, digest, checkSha, problems, notChecked, skipped) {
    const expected = source.manifest && archiveOf(source.manifest).sha256;
    if (!source.manifest) {
        notChecked.push('SHA-256 and size of the stored object: there is no manifest holding them.');
        return { actual: digest.sha256, state: 'not-checked' };
    }
    if (!checkSha) {
        if (skipped)
            notChecked.push('SHA-256 of the stored object: skipped on request.');
        return { ...(expected ? { expected } : {}), state: 'not-checked' };
    }
    if (!digest.complete) {
        notChecked.push('SHA-256 of the stored object: it could not be read to its end.');
        return { ...(expected ? { expected } : {}), state: 'not-checked' };
    }
    const { size, sha256 } = archiveOf(source.manifest);
    if (digest.sha256 === sha256)
        return { expected: sha256, actual: digest.sha256, state: 'passed' };
    const sizeNote = digest.bytes === size
        ? `same size, ${digest.bytes} bytes`
        : `${digest.bytes} bytes, the manifest says ${size}`;
    // First: every later problem follows from it.
    problems.unshift(digest.changed
        ? `the stored parts of ${source.url} do not match the manifest: ${digest.changed.join(', ')} ` +
            `changed or damaged after the backup was written (${sizeNote})`
        : `the stored archive ${source.url} does not match its manifest: SHA-256 ${digest.sha256}, expected ${sha256} ` +
            `(${sizeNote}); it was changed or damaged after the backup was written`);
    return { expected: sha256, actual: digest.sha256, state: 'failed' };
}
/** Drops the scratch databases a full verification created; returns whether it did. */
async function removeScratch(spec, plan, logger) {
    if (!spec?.removeAfter || !plan)
        return false;
    let removed = true;
    for (const db of plan.targetDatabases) {
        try {
            await spec.client.db(db).dropDatabase();
        }
        catch (error) {
            removed = false;
            logger.warn(`could not drop scratch database ${db}: ${(0,errors/* errorMessage */.g)(error)}`);
        }
    }
    return removed;
}
/**
 * Writes the verification record of this mode and scope next to the manifest (see
 * `@shipkit/backup` verification.ts for the layout); returns its key. A store that refuses it is a
 * warning, not a failure.
 */
async function recordVerification(source, report, plan, logger) {
    const { manifest, manifestSha256 } = source;
    const id = source.backupId;
    if (!manifest || !manifestSha256)
        return undefined;
    const listed = new Set(manifest.namespaces.map((ns) => `${ns.db}.${ns.collection}`));
    const namespaces = report.namespaces.map((row) => row.namespace).filter((ns) => listed.has(ns));
    const notRestorable = (plan?.skipped ?? []).map((s) => s.namespace).filter((ns) => listed.has(ns));
    const covered = new Set([...namespaces, ...notRestorable]);
    const record = {
        formatVersion: verification/* VERIFICATION_FORMAT_VERSION */.TQ,
        backupId: id,
        mode: report.mode,
        scope: [...listed].every((ns) => covered.has(ns)) ? 'all' : 'partial',
        result: 'passed',
        verifiedAt: report.finishedAt,
        tool: { ...tool/* TOOL */.j },
        archiveSha256: archiveOf(manifest).sha256,
        manifestSha256,
        namespaces,
        notRestorable,
        documents: report.namespaces
            .filter((row) => row.type !== 'view' && listed.has(row.namespace))
            .reduce((sum, row) => sum + (row.restored?.documents ?? row.archive?.documents ?? 0), 0),
    };
    const key = `${id}/${(0,verification/* verificationName */.HH)(record.mode, record.scope)}`;
    try {
        await source.storage.put(key, Buffer.from(`${JSON.stringify(record, null, 2)}\n`), {
            contentType: 'application/json',
        });
        return key;
    }
    catch (error) {
        logger.warn(`the verification passed but ${source.storage.describe(key)} could not be written: ${(0,errors/* errorMessage */.g)(error)}`);
        return undefined;
    }
}
async function forgetRecord(source, key, logger) {
    try {
        await source.storage.delete(key);
    }
    catch (error) {
        logger.warn(`could not remove ${source.storage.describe(key)}: ${(0,errors/* errorMessage */.g)(error)}`);
    }
}


/***/ }),

/***/ 139:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Jn: () => (/* binding */ archiveAccess),
  Yu: () => (/* binding */ onBackup),
  R9: () => (/* binding */ runVerify)
});

// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: ../../packages/runtime/src/secrets.ts
var secrets = __webpack_require__(4727);
// EXTERNAL MODULE: ../../packages/runtime/src/deadline.ts
var src_deadline = __webpack_require__(5060);
// EXTERNAL MODULE: ../../packages/runtime/src/errors.ts
var errors = __webpack_require__(6631);
// EXTERNAL MODULE: ../../packages/runtime/src/format.ts
var format = __webpack_require__(7907);
// EXTERNAL MODULE: ../../node_modules/mongodb/lib/index.js
var lib = __webpack_require__(5226);
;// CONCATENATED MODULE: ../../packages/mongo/src/server.ts



const DEFAULT_MAX_BSON_OBJECT_SIZE = (/* unused pure expression or super */ null && (16 * 1024 * 1024));
/** Reads the server's version, topology and flavor from `hello` and `buildInfo`. */
async function probeServer(client) {
    const admin = client.db('admin');
    const [hello, buildInfo] = await Promise.all([
        admin.command({ hello: 1 }).catch(() => admin.command({ isMaster: 1 })),
        admin.command({ buildInfo: 1 }),
    ]);
    return serverFactsFrom(hello, buildInfo);
}
/** The pure part of `probeServer`, for tests. */
function serverFactsFrom(hello, buildInfo) {
    const facts = {
        serverVersion: typeof buildInfo.version === 'string' ? buildInfo.version : 'unknown',
        topology: topologyOf(hello),
        maxBsonObjectSize: typeof hello.maxBsonObjectSize === 'number' ? hello.maxBsonObjectSize : DEFAULT_MAX_BSON_OBJECT_SIZE,
    };
    if (typeof buildInfo.ferretdbVersion === 'string') {
        facts.flavor = 'ferretdb';
        facts.flavorVersion = buildInfo.ferretdbVersion;
    }
    else if (typeof buildInfo.psmdbVersion === 'string') {
        facts.flavor = 'percona';
        facts.flavorVersion = buildInfo.psmdbVersion;
    }
    return facts;
}
function topologyOf(hello) {
    if (hello.msg === 'isdbgrid')
        return 'sharded';
    if (typeof hello.setName === 'string')
        return 'replicaSet';
    if (hello.isWritablePrimary === true || hello.ismaster === true || hello.secondary === true) {
        return 'standalone';
    }
    return 'unknown';
}
/**
 * Opens a client and proves it works (one `ping`), within the connect timeout. Works with
 * `mongodb+srv://` and TLS (Atlas). A refused connection or a host name that does not resolve fails at
 * once rather than after the timeout. Fails with a UserError that never contains the URI or the
 * password: malformed URI, unreachable hosts, wrong credentials.
 *
 * The one place every command and action connects through, so the timeouts and the deadline hold for
 * all of them.
 */
async function connect(uri, options = {}) {
    const redactor = new secrets/* Redactor */.pO();
    redactor.add(uri);
    let client;
    try {
        client = createClient(uri, options);
    }
    catch (error) {
        throw invalidUriError(error, redactor);
    }
    const { deadline } = options;
    const timeoutMs = client.options.serverSelectionTimeoutMS;
    const target = connectionTarget(client, timeoutMs);
    const hopeless = whenEveryServerRefuses(client);
    if (deadline)
        bindToDeadline(client, deadline);
    try {
        const ready = client.connect().then(() => client.db('admin').command({ ping: 1 }));
        const connected = withDeadline(Promise.race([ready, hopeless.promise]), 
        // The driver honours serverSelectionTimeoutMS; DNS (SRV, TXT) lookups are not bounded by it.
        timeoutMs + 1000, () => new ConnectTimeoutError());
        const startedAt = Date.now();
        await (deadline
            ? deadline.waitFor(`the MongoDB server ${target.hosts.join(', ')}`, connected)
            : connected);
        options.logger?.debug(`connected to ${target.hosts.join(', ')} in ${Date.now() - startedAt} ms (server selection timeout ${timeoutMs} ms)`);
        return client;
    }
    catch (error) {
        await disconnect(client);
        if (deadline?.stopped)
            throw deadline.reason;
        throw connectionError(error, target, redactor);
    }
    finally {
        hopeless.stop();
    }
}
/** The client for `uri`: the URI's timeouts stand unless `timeoutMs` overrides them. */
function createClient(uri, options) {
    const driverOptions = {
        ...options.driverOptions,
        ...(options.appName ? { appName: options.appName } : {}),
    };
    const client = new lib.MongoClient(uri, driverOptions);
    if (options.timeoutMs === undefined)
        return client;
    return new lib.MongoClient(uri, {
        ...driverOptions,
        serverSelectionTimeoutMS: options.timeoutMs,
        connectTimeoutMS: Math.min(options.timeoutMs, client.options.connectTimeoutMS),
    });
}
/**
 * Closes a client without letting a server that stopped answering hold the run: whatever the close
 * still waits for (killCursors, a new connection's handshake) is abandoned after `graceMs`.
 */
async function disconnect(client, graceMs = src_deadline/* CLEANUP_TIMEOUT_MS */.aE) {
    const gaveUp = new AbortController();
    const closed = client.close().catch(() => { });
    await Promise.race([closed, (0,promises_.setTimeout)(graceMs, undefined, { signal: gaveUp.signal }).catch(() => { })]);
    gaveUp.abort();
}
/**
 * Ties a client to the run's deadline: each command in flight (a connection checked out) is a wait
 * the deadline can name, and the client is closed shortly after the run stops, which fails every
 * command still waiting on a server that does not answer. Not at once: a stopped run still cleans up
 * through its client (a cancelled restore drops its staging collections), and a server that answers
 * lets it do so within the wind-down time.
 */
function bindToDeadline(client, deadline) {
    const inFlight = new Map();
    const done = (event) => {
        const key = `${event.address}#${String(event.connectionId)}`;
        inFlight.get(key)?.end();
        inFlight.delete(key);
    };
    client.on('connectionCheckedOut', (event) => {
        const key = `${event.address}#${String(event.connectionId)}`;
        inFlight.get(key)?.end();
        inFlight.set(key, deadline.begin(`the MongoDB server ${event.address}`));
    });
    client.on('connectionCheckedIn', done);
    client.on('connectionClosed', done);
    const onStop = () => setTimeout(() => void disconnect(client), src_deadline/* CLEANUP_TIMEOUT_MS */.aE).unref();
    if (deadline.stopped)
        onStop();
    else
        deadline.signal.addEventListener('abort', onStop, { once: true });
    client.once('topologyClosed', () => {
        deadline.signal.removeEventListener('abort', onStop);
        for (const activity of inFlight.values())
            activity.end();
        inFlight.clear();
    });
}
/** Socket errors after which waiting for the server cannot help: nothing listens, or the name does not exist. */
const DEFINITIVE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ENETUNREACH', 'EHOSTUNREACH']);
/** A connection attempt that every server the client knows of refused outright. */
class ServersRefusedError extends Error {
    code;
    name = 'ServersRefusedError';
    constructor(code, cause) {
        super(messageOf(cause), { cause });
        this.code = code;
    }
}
/**
 * Rejects as soon as every server the client knows of has failed to connect in a way that waiting
 * will not fix (connection refused, unknown host): server selection would otherwise retry until its
 * timeout, 30 s by default.
 */
function whenEveryServerRefuses(client) {
    let listener;
    const promise = new Promise((_, reject) => {
        listener = (event) => {
            const servers = [...event.newDescription.servers.values()];
            const codes = servers.map((server) => definitiveCode(server.error));
            if (servers.length > 0 && codes.every((code) => code !== undefined)) {
                reject(new ServersRefusedError(codes[0], servers[0]?.error));
            }
        };
        client.on('topologyDescriptionChanged', listener);
    });
    promise.catch(() => { });
    return {
        promise,
        stop: () => {
            if (listener)
                client.off('topologyDescriptionChanged', listener);
        },
    };
}
function definitiveCode(error) {
    if (!error)
        return undefined;
    for (const each of causes(error)) {
        const code = each.code;
        if (typeof code === 'string' && DEFINITIVE_CODES.has(code))
            return code;
    }
    return undefined;
}
/** The hosts, SRV name and user of a constructed client (the driver has parsed the URI). */
function connectionTarget(client, timeoutMs) {
    const { srvHost, hosts, credentials } = client.options;
    const target = {
        hosts: srvHost ? [srvHost] : hosts.map((host) => host.toString()),
        srv: Boolean(srvHost),
        timeoutMs,
    };
    if (credentials?.username)
        target.username = credentials.username;
    return target;
}
class ConnectTimeoutError extends Error {
    name = 'ConnectTimeoutError';
}
/** A malformed URI: the driver's reason, without anything taken from the URI's secrets. */
function invalidUriError(error, redactor) {
    const reason = redact(messageOf(error), redactor);
    return new errors/* UserError */.y(`The MongoDB URI is not valid: ${reason}. ` +
        'Expected mongodb://user:password@host:port/?options or mongodb+srv://user:password@cluster-host/, ' +
        'with special characters in the user and password percent-encoded.');
}
const AUTHENTICATION_FAILED = 18;
/** Turns a failure to connect into a UserError that says what to check; other errors pass through. */
function connectionError(error, target, redactor) {
    const within = (0,format/* formatDuration */.a3)(target.timeoutMs);
    const where = target.hosts.join(', ') || 'the MongoDB server';
    if (isAuthenticationFailure(error)) {
        const user = target.username ?? '';
        return new errors/* UserError */.y(`Connecting to the MongoDB server: authentication failed for user '${user}'. ` +
            'Check the user name and password in the MongoDB URI, and authSource if the user is not defined in admin.');
    }
    if (error instanceof ServersRefusedError) {
        const reason = redact(error.message, redactor);
        if (error.code === 'ENOTFOUND') {
            return new errors/* UserError */.y(`Could not reach ${where}: the DNS lookup failed (${reason}). Check the host name in the MongoDB URI.`);
        }
        const what = error.code === 'ECONNREFUSED' ? 'the connection was refused' : 'there is no route to it';
        return new errors/* UserError */.y(`Could not reach ${where}: ${what} (${reason}). Check the host and port, and that the server is ` +
            'running and reachable from here.');
    }
    const dns = dnsFailure(error);
    if (dns) {
        return new errors/* UserError */.y(`Could not reach ${where} within ${within}: the DNS lookup failed (${dns}). ` +
            'Check the host name in the MongoDB URI.');
    }
    if (isUnreachable(error)) {
        const reason = redact(reachabilityReason(error), redactor);
        return new errors/* UserError */.y(`Could not reach ${where} within ${within}${reason ? ` (${reason})` : ''}. ` +
            'Check the host and port, that the server is running, and that its network access list allows this machine' +
            (target.srv ? '.' : ' (for Atlas, use the mongodb+srv:// connection string).'));
    }
    if (error instanceof Error) {
        const reason = redact(messageOf(error), redactor);
        if (reason !== error.message)
            return new Error(reason);
    }
    return error instanceof Error ? error : new Error(messageOf(error));
}
function isAuthenticationFailure(error) {
    for (const each of causes(error)) {
        if (each instanceof lib.MongoServerError && each.code === AUTHENTICATION_FAILED)
            return true;
        const { code, codeName } = each;
        if (code === AUTHENTICATION_FAILED || codeName === 'AuthenticationFailed')
            return true;
        if (/authentication failed/i.test(messageOf(each)))
            return true;
    }
    return false;
}
const DNS_CODES = new Set(['ENOTFOUND', 'ENODATA', 'ESERVFAIL', 'EREFUSED', 'ETIMEOUT', 'ECONNREFUSED']);
function dnsFailure(error) {
    for (const each of causes(error)) {
        const { code, syscall } = each;
        const message = messageOf(each);
        const isLookup = (typeof syscall === 'string' && /^(query|getaddrinfo)/.test(syscall)) ||
            /^(querySrv|queryTxt|getaddrinfo) /.test(message);
        if (isLookup && typeof code === 'string' && DNS_CODES.has(code))
            return code;
        if (/^querySrv |^queryTxt /.test(message))
            return message.split(' ')[1] ?? 'no answer';
    }
    return undefined;
}
function isUnreachable(error) {
    for (const each of causes(error)) {
        if (each instanceof ConnectTimeoutError)
            return true;
        const name = each.name;
        if (name === 'MongoServerSelectionError' ||
            name === 'MongoNetworkError' ||
            name === 'MongoNetworkTimeoutError' ||
            name === 'MongoTopologyClosedError') {
            return true;
        }
    }
    return false;
}
/** The most specific reason the driver gives: "connect ECONNREFUSED 127.0.0.1:1", a TLS failure… */
function reachabilityReason(error) {
    const servers = error.reason?.servers;
    if (servers instanceof Map) {
        for (const server of servers.values()) {
            if (server.error)
                return messageOf(server.error);
        }
    }
    if (error instanceof ConnectTimeoutError)
        return '';
    const message = messageOf(error);
    return /^Server selection timed out/i.test(message) ? '' : message;
}
/** The error, its causes, and the per-server errors of a server selection failure. */
function* causes(error, seen = new Set()) {
    let current = error;
    while (current !== undefined && current !== null && !seen.has(current)) {
        seen.add(current);
        yield current;
        const servers = current.reason?.servers;
        if (servers instanceof Map) {
            for (const server of servers.values())
                yield* causes(server.error, seen);
        }
        current = current.cause;
    }
}
function messageOf(error) {
    if (error instanceof Error)
        return error.message || error.name;
    return String(error);
}
function redact(text, redactor) {
    return redactor ? redactor.redact(text) : text;
}
async function withDeadline(work, ms, onTimeout) {
    let timer;
    const deadline = new Promise((_, reject) => {
        timer = setTimeout(() => reject(onTimeout()), ms);
    });
    try {
        return await Promise.race([work, deadline]);
    }
    finally {
        clearTimeout(timer);
        // A late failure of `work` after the deadline must not surface as an unhandled rejection.
        work.catch(() => { });
    }
}

;// CONCATENATED MODULE: ../../packages/runtime/src/progress.ts

/**
 * Logs bytes and documents done, the rate and an ETA at a fixed interval — never per document, so a
 * million small documents cost a handful of log lines.
 */
class ProgressReporter {
    options;
    bytes = 0;
    documents = 0;
    startedAt;
    lastLoggedAt;
    now;
    intervalMs;
    constructor(options) {
        this.options = options;
        this.now = options.now ?? Date.now;
        this.intervalMs = options.intervalMs ?? 10_000;
        this.startedAt = this.now();
        this.lastLoggedAt = this.startedAt;
    }
    /** Totals learnt after the start (e.g. once the source is listed), for the percentage and ETA. */
    setTotals(totals) {
        if (totals.bytes !== undefined)
            this.options.totalBytes = totals.bytes;
        if (totals.documents !== undefined)
            this.options.totalDocuments = totals.documents;
    }
    add(bytes, documents = 0) {
        this.bytes += bytes;
        this.documents += documents;
        const now = this.now();
        if (now - this.lastLoggedAt >= this.intervalMs) {
            this.lastLoggedAt = now;
            this.options.log(this.line(now));
        }
    }
    /** The closing line, whatever the interval. */
    done() {
        this.options.log(`${this.line(this.now())} — done`);
    }
    get totals() {
        return { bytes: this.bytes, documents: this.documents, elapsedMs: this.now() - this.startedAt };
    }
    line(now = this.now()) {
        const elapsedMs = Math.max(now - this.startedAt, 1);
        const bytesPerSecond = (this.bytes / elapsedMs) * 1000;
        const parts = [`${this.options.label}: ${(0,format/* formatBytes */.z3)(this.bytes)}`];
        const { totalBytes, totalDocuments } = this.options;
        if (totalBytes)
            parts[0] += ` of ${(0,format/* formatBytes */.z3)(totalBytes)} (${percent(this.bytes, totalBytes)})`;
        parts.push(`${(0,format/* formatCount */.B4)(this.documents)} docs`);
        if (totalDocuments && !totalBytes)
            parts[1] += ` of ${(0,format/* formatCount */.B4)(totalDocuments)} (${percent(this.documents, totalDocuments)})`;
        parts.push(`${(0,format/* formatBytes */.z3)(Math.round(bytesPerSecond))}/s`);
        const eta = this.etaMs(elapsedMs);
        if (eta !== undefined)
            parts.push(`ETA ${(0,format/* formatDuration */.a3)(eta)}`);
        parts.push(`elapsed ${(0,format/* formatDuration */.a3)(elapsedMs)}`);
        return parts.join(', ');
    }
    etaMs(elapsedMs) {
        const { totalBytes, totalDocuments } = this.options;
        const fraction = totalBytes
            ? this.bytes / totalBytes
            : totalDocuments
                ? this.documents / totalDocuments
                : undefined;
        if (fraction === undefined || fraction <= 0)
            return undefined;
        return Math.max(0, (elapsedMs / Math.min(fraction, 1)) * (1 - Math.min(fraction, 1)));
    }
}
function percent(done, total) {
    return `${Math.min(100, (done / total) * 100).toFixed(1)}%`;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var external_node_fs_promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ../../packages/storage/src/errors.ts
var src_errors = __webpack_require__(1400);
// EXTERNAL MODULE: ../../packages/storage/src/keys.ts
var keys = __webpack_require__(6168);
// EXTERNAL MODULE: ../../packages/storage/src/url.ts
var url = __webpack_require__(1094);
;// CONCATENATED MODULE: ../../packages/storage/src/file-storage.ts








/**
 * Writes go to `.<name>.partial-<random>` in the target folder and are renamed into place once
 * flushed to disk, so a reader never sees half a file. Temp files left by a crash are this
 * backend's incomplete uploads: listing skips them, the sweep removes them.
 */
const TEMP_FILE = /^\.(.+)\.partial-[0-9a-f]{16}$/;
function errnoCode(error) {
    const code = error?.code;
    return typeof code === 'string' ? code : undefined;
}
function toBuffer(chunk) {
    if (Buffer.isBuffer(chunk))
        return chunk;
    if (typeof chunk === 'string')
        return Buffer.from(chunk);
    if (chunk instanceof Uint8Array)
        return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    throw new TypeError(`put: the body stream produced a ${typeof chunk}, not bytes`);
}
/** Write failures that say the destination cannot take the data, by errno code. */
const REFUSED_WRITES = {
    ENOSPC: { kind: 'full', detail: 'no space left on device, ENOSPC' },
    EDQUOT: { kind: 'full', detail: 'disk quota exceeded, EDQUOT' },
    EFBIG: { kind: 'too-large', detail: 'file too large for the file system, EFBIG' },
    EROFS: { kind: 'read-only', detail: 'read-only file system, EROFS' },
    EACCES: { kind: 'not-writable', detail: 'permission denied, EACCES' },
    EPERM: { kind: 'not-writable', detail: 'operation not permitted, EPERM' },
};
class FileStorage {
    location;
    deadline;
    constructor(location, options = {}) {
        this.location = location;
        this.deadline = options.deadline;
    }
    describe(key) {
        return (0,url/* formatStorageUrl */.EZ)(this.location, key);
    }
    pathOf(key) {
        return (0,external_node_path_.join)(this.location.root, ...(0,keys/* checkKey */.yR)(key).split('/'));
    }
    /** File system errors a user can fix, as a `UserError` naming the folder. */
    explain(error, action, path) {
        const code = errnoCode(error);
        const problems = {
            EACCES: 'permission denied',
            EPERM: 'operation not permitted',
            EROFS: 'the file system is read-only',
            ENOSPC: 'the disk is full',
            EDQUOT: 'the disk quota is exhausted',
            ENOTDIR: 'a file stands where a folder is needed',
            EISDIR: 'a folder stands where a file is needed',
        };
        const problem = code ? problems[code] : undefined;
        if (!problem)
            return error instanceof Error ? error : new Error(String(error));
        return new errors/* UserError */.y(`Cannot ${action} ${path} (${problem}). Check the storage folder ${this.location.root} ` +
            '(given as file:///absolute/path) exists and is writable.');
    }
    /** A write the destination refused (full, read-only, not writable), in plain words; other errors as `explain`. */
    explainWrite(error, key, path) {
        const code = errnoCode(error);
        const refused = code ? REFUSED_WRITES[code] : undefined;
        if (!refused)
            return this.explain(error, 'write', path);
        return new src_errors/* DestinationWriteError */.Mb(refused.kind, this.describe(), key, refused.detail);
    }
    async put(key, body, options = {}) {
        this.deadline?.throwIfStopped();
        const target = this.pathOf(key);
        // Fail before writing anything when the key is visibly taken; the exclusive link below settles races.
        if (options.ifNoneMatch && (await this.head(key)))
            throw new src_errors/* ObjectExistsError */.qs(key, this.describe(key));
        const folder = (0,external_node_path_.dirname)(target);
        const temp = (0,external_node_path_.join)(folder, `.${(0,external_node_path_.basename)(target)}.partial-${(0,external_node_crypto_.randomBytes)(8).toString('hex')}`);
        let bytes = 0;
        // The stream may fail while the folder and file are being created; its error reaches the loop below.
        const holdEarlyError = () => { };
        if (!Buffer.isBuffer(body))
            body.on('error', holdEarlyError);
        let created;
        try {
            created = await makeFolders(folder);
            const handle = await (0,external_node_fs_promises_.open)(temp, 'wx');
            try {
                for await (const chunk of Buffer.isBuffer(body) ? [body] : body) {
                    this.deadline?.throwIfStopped();
                    const data = toBuffer(chunk);
                    for (let offset = 0; offset < data.length;) {
                        offset += (await handle.write(data, offset, data.length - offset)).bytesWritten;
                    }
                    bytes += data.length;
                }
                await handle.sync();
            }
            finally {
                await handle.close();
            }
        }
        catch (error) {
            await this.discard(temp, created);
            if (this.deadline?.stopped)
                throw this.deadline.reason;
            throw this.explainWrite(error, key, target);
        }
        finally {
            if (!Buffer.isBuffer(body))
                body.off('error', holdEarlyError);
        }
        try {
            if (options.ifNoneMatch)
                await this.publishExclusively(key, temp, target);
            else
                await (0,external_node_fs_promises_.rename)(temp, target);
            await this.syncFolder(folder);
        }
        catch (error) {
            await this.discard(temp, created);
            if (error instanceof src_errors/* ObjectExistsError */.qs)
                throw error;
            throw this.explainWrite(error, key, target);
        }
        return { key, bytes, parts: 1, ...(options.ifNoneMatch && { conditional: 'exclusive-create' }) };
    }
    /** Removes a failed write's temp file, and the folders the write created if they are left empty. */
    async discard(temp, createdFolder) {
        await (0,external_node_fs_promises_.unlink)(temp).catch(() => undefined);
        if (createdFolder)
            await this.removeEmptyFolders((0,external_node_path_.dirname)(temp), createdFolder);
    }
    /** A hard link creates the name only if it is free, atomically; `wx` copy where links are unsupported. */
    async publishExclusively(key, temp, target) {
        try {
            await (0,external_node_fs_promises_.link)(temp, target);
        }
        catch (error) {
            const code = errnoCode(error);
            if (code === 'EEXIST')
                throw new src_errors/* ObjectExistsError */.qs(key, this.describe(key));
            if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP')
                throw error;
            try {
                await (0,external_node_fs_promises_.copyFile)(temp, target, external_node_fs_.constants.COPYFILE_EXCL);
            }
            catch (copyError) {
                if (errnoCode(copyError) === 'EEXIST')
                    throw new src_errors/* ObjectExistsError */.qs(key, this.describe(key));
                throw copyError;
            }
        }
        await (0,external_node_fs_promises_.unlink)(temp);
    }
    /** Makes the rename itself durable; some file systems cannot open folders, which is fine. */
    async syncFolder(folder) {
        let handle;
        try {
            handle = await (0,external_node_fs_promises_.open)(folder, 'r');
            await handle.sync();
        }
        catch {
            // Best effort only.
        }
        finally {
            await handle?.close();
        }
    }
    async get(key) {
        return this.read(key, undefined, undefined);
    }
    async getRange(key, start, end) {
        if (!Number.isInteger(start) ||
            start < 0 ||
            (end !== undefined && (!Number.isInteger(end) || end < start))) {
            throw new RangeError(`getRange: invalid byte range ${start}-${end ?? ''}`);
        }
        return this.read(key, start, end);
    }
    async read(key, start, end) {
        const path = this.pathOf(key);
        let handle;
        try {
            handle = await (0,external_node_fs_promises_.open)(path, 'r');
        }
        catch (error) {
            const code = errnoCode(error);
            if (code === 'ENOENT' || code === 'ENOTDIR')
                throw new src_errors/* ObjectNotFoundError */.d_(key, this.describe(key));
            throw this.explain(error, 'read', path);
        }
        if (!(await handle.stat()).isFile()) {
            await handle.close();
            throw new src_errors/* ObjectNotFoundError */.d_(key, this.describe(key));
        }
        return handle.createReadStream({
            autoClose: true,
            ...(start !== undefined && { start }),
            ...(end !== undefined && { end }),
        });
    }
    async head(key) {
        const path = this.pathOf(key);
        try {
            const info = await (0,external_node_fs_promises_.stat)(path);
            return info.isFile() ? { size: info.size, lastModified: new Date(info.mtimeMs) } : undefined;
        }
        catch (error) {
            const code = errnoCode(error);
            if (code === 'ENOENT' || code === 'ENOTDIR')
                return undefined;
            throw this.explain(error, 'read', path);
        }
    }
    async *list(prefix = '') {
        (0,keys/* checkListPrefix */.NJ)(prefix);
        // Start from the deepest folder the prefix names, and only descend where keys can still match.
        const folderPart = prefix.includes('/') ? prefix.slice(0, prefix.lastIndexOf('/')) : '';
        for await (const { key, path } of this.walk(folderPart, (candidate) => matchesPrefix(candidate, prefix))) {
            if (TEMP_FILE.test((0,external_node_path_.basename)(key)) || !key.startsWith(prefix))
                continue;
            const info = await (0,external_node_fs_promises_.stat)(path).catch(() => undefined);
            if (info?.isFile())
                yield { key, size: info.size, lastModified: new Date(info.mtimeMs) };
        }
    }
    /**
     * Files below `folderKey`, in the byte order S3 lists keys: a folder sorts as its name plus "/",
     * so `a-b` comes before everything in `a/`.
     */
    async *walk(folderKey, worthEntering) {
        const folder = folderKey === '' ? this.location.root : (0,external_node_path_.join)(this.location.root, ...folderKey.split('/'));
        let entries;
        try {
            entries = await (0,external_node_fs_promises_.readdir)(folder, { withFileTypes: true });
        }
        catch (error) {
            const code = errnoCode(error);
            if (code === 'ENOENT' || code === 'ENOTDIR')
                return;
            throw this.explain(error, 'list', folder);
        }
        const sorted = entries
            .filter((entry) => entry.isFile() || entry.isDirectory())
            .map((entry) => ({ entry, sortKey: entry.isDirectory() ? `${entry.name}/` : entry.name }))
            .sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
        for (const { entry } of sorted) {
            const key = folderKey === '' ? entry.name : `${folderKey}/${entry.name}`;
            if (entry.isDirectory()) {
                if (worthEntering(`${key}/`))
                    yield* this.walk(key, worthEntering);
            }
            else {
                yield { key, path: (0,external_node_path_.join)(folder, entry.name) };
            }
        }
    }
    async delete(key) {
        const path = this.pathOf(key);
        try {
            await (0,external_node_fs_promises_.unlink)(path);
        }
        catch (error) {
            const code = errnoCode(error);
            if (code === 'ENOENT' || code === 'ENOTDIR')
                return;
            throw this.explain(error, 'delete', path);
        }
        await this.removeEmptyFolders((0,external_node_path_.dirname)(path));
    }
    /**
     * Pruned backups should not leave empty folders behind; stops at the first folder still in use, at
     * the root, or after `last` (the outermost folder that may go).
     */
    async removeEmptyFolders(folder, last) {
        let current = folder;
        while ((0,external_node_path_.relative)(this.location.root, current) !== '' &&
            !(0,external_node_path_.relative)(this.location.root, current).startsWith('..')) {
            try {
                await (0,external_node_fs_promises_.rmdir)(current);
            }
            catch {
                return;
            }
            if (current === last)
                return;
            current = (0,external_node_path_.dirname)(current);
        }
    }
    async *listIncompleteUploads() {
        for await (const { key, path } of this.walk('', () => true)) {
            const match = TEMP_FILE.exec((0,external_node_path_.basename)(key));
            if (!match?.[1])
                continue;
            const folderKey = key.includes('/') ? key.slice(0, key.lastIndexOf('/')) : '';
            const info = await (0,external_node_fs_promises_.stat)(path).catch(() => undefined);
            if (!info)
                continue;
            yield {
                key: folderKey === '' ? match[1] : `${folderKey}/${match[1]}`,
                uploadId: key,
                initiated: new Date(info.mtimeMs),
            };
        }
    }
    async abortUpload(upload) {
        // The upload id is the temp file's key; refuse anything else so the sweep can only remove temp files.
        if (!TEMP_FILE.test((0,external_node_path_.basename)(upload.uploadId))) {
            throw new Error(`abortUpload: "${upload.uploadId}" is not an incomplete upload of ${this.describe()}`);
        }
        const path = this.pathOf(upload.uploadId);
        await (0,external_node_fs_promises_.unlink)(path).catch((error) => {
            if (errnoCode(error) !== 'ENOENT')
                throw this.explain(error, 'delete', path);
        });
    }
    async close() { }
}
/**
 * `mkdir -p` that reports the real reason it failed: a recursive mkdir says ENOENT on a read-only
 * file system. Returns the outermost folder it created, if any.
 */
async function makeFolders(folder) {
    const missing = [];
    for (let current = folder;; current = (0,external_node_path_.dirname)(current)) {
        const info = await (0,external_node_fs_promises_.stat)(current).catch((error) => {
            if (errnoCode(error) === 'ENOENT')
                return undefined;
            throw error;
        });
        if (info)
            break;
        missing.unshift(current);
        if ((0,external_node_path_.dirname)(current) === current)
            break;
    }
    for (const path of missing) {
        await (0,external_node_fs_promises_.mkdir)(path).catch((error) => {
            if (errnoCode(error) !== 'EEXIST')
                throw error;
        });
    }
    return missing[0];
}
/** Could a key under `folderKey` (which ends in "/") start with `prefix`? */
function matchesPrefix(folderKey, prefix) {
    return folderKey.startsWith(prefix) || prefix.startsWith(folderKey);
}

// EXTERNAL MODULE: ../../packages/storage/src/part-size.ts
var part_size = __webpack_require__(2582);
;// CONCATENATED MODULE: ../../packages/storage/src/lazy-s3-storage.ts


/**
 * An `S3Storage` whose AWS SDK (tens of MiB once loaded) is imported on first use, so commands and
 * backups to `file://` never pay for it. Options are checked at once, as `S3Storage` does.
 */
class LazyS3Storage {
    location;
    options;
    #loading;
    constructor(location, options = {}) {
        this.location = location;
        this.options = options;
        (0,part_size/* checkPartSize */.jq)(options.partSize);
        (0,part_size/* checkKmsKey */.B$)(options.serverSideEncryption, options.kmsKeyId);
    }
    #storage() {
        this.#loading ??= Promise.all(/* import() */[__webpack_require__.e(299), __webpack_require__.e(189)]).then(__webpack_require__.bind(__webpack_require__, 3189)).then(({ S3Storage }) => new S3Storage(this.location, this.options));
        return this.#loading;
    }
    describe(key) {
        return (0,url/* formatStorageUrl */.EZ)(this.location, key);
    }
    async put(key, body, options) {
        return (await this.#storage()).put(key, body, options);
    }
    async get(key) {
        return (await this.#storage()).get(key);
    }
    async getRange(key, start, end) {
        return (await this.#storage()).getRange(key, start, end);
    }
    async head(key) {
        return (await this.#storage()).head(key);
    }
    async *list(prefix) {
        yield* (await this.#storage()).list(prefix);
    }
    async delete(key) {
        return (await this.#storage()).delete(key);
    }
    async *listIncompleteUploads() {
        yield* (await this.#storage()).listIncompleteUploads();
    }
    async abortUpload(upload) {
        return (await this.#storage()).abortUpload(upload);
    }
    async close() {
        if (this.#loading)
            await (await this.#loading).close();
    }
}

;// CONCATENATED MODULE: ../../packages/storage/src/open.ts



/** The storage for `s3://bucket/prefix` or `file:///absolute/path` (a URL, or one already parsed). */
function openStorage(where, options = {}) {
    const location = typeof where === 'string' ? (0,url/* parseStorageUrl */.Yu)(where) : where;
    options.logger?.debug(`storage: ${describeOpening(location, options.s3)}`);
    if (location.kind === 'file') {
        return new FileStorage(location, options.deadline ? { deadline: options.deadline } : {});
    }
    return new LazyS3Storage(location, {
        ...options.s3,
        ...(options.logger && { logger: options.logger }),
        ...(options.deadline && { deadline: options.deadline }),
    });
}
/** Where the storage is and how it is reached, for debug logs: never a credential. */
function describeOpening(location, s3) {
    if (location.kind === 'file')
        return `folder ${location.root}`;
    const settings = [
        `endpoint ${s3?.endpoint ?? 'AWS'}`,
        `region ${s3?.region ?? 'from the environment'}`,
        ...(s3?.forcePathStyle === undefined ? [] : [`path-style ${s3.forcePathStyle}`]),
        ...(s3?.requestChecksumCalculation ? [`checksums ${s3.requestChecksumCalculation}`] : []),
    ];
    return `bucket ${location.bucket}, prefix '${location.prefix}' (${settings.join(', ')})`;
}

// EXTERNAL MODULE: ../../packages/verify/src/check.ts + 8 modules
var check = __webpack_require__(1664);
// EXTERNAL MODULE: external "node:stream/consumers"
var consumers_ = __webpack_require__(8321);
// EXTERNAL MODULE: ../../packages/backup/src/anomaly.ts
var anomaly = __webpack_require__(4183);
// EXTERNAL MODULE: ../../packages/backup/src/layout.ts
var layout = __webpack_require__(6826);
// EXTERNAL MODULE: ../../packages/backup/src/manifest.ts
var src_manifest = __webpack_require__(3249);
// EXTERNAL MODULE: ../../packages/backup/src/verification.ts
var verification = __webpack_require__(3419);
;// CONCATENATED MODULE: ../../packages/backup/src/catalog.ts








/** No manifest of ours comes near this; a bigger object is not read into memory. */
const MAX_MANIFEST_BYTES = 64 * 2 ** 20;
const MAX_RECORD_BYTES = 16 * 2 ** 20;
/** Lists the backup folders (newest first) and judges each: one LIST, then a GET per manifest and record. */
async function listBackups(storage, options = {}) {
    const folders = await listFolders(storage, '');
    const entries = await mapBounded([...folders.values()], options.concurrency ?? 8, (folder) => judgeFolder(storage, folder));
    return entries.sort((a, b) => (a.id < b.id ? 1 : -1));
}
/** One backup folder, judged; undefined when the folder holds nothing. */
async function findBackup(storage, id) {
    const folder = (await listFolders(storage, `${id}/`)).get(id);
    return folder ? judgeFolder(storage, folder) : undefined;
}
/**
 * `latest` (the newest complete or verified backup), `latest-verified`, or a backup id. `latest` never
 * picks a damaged backup; the damaged ones newer than its choice are returned so callers can say so.
 * A backup named by id is returned even when damaged (its `damage` says why), so it can be examined.
 */
async function resolveBackup(storage, ref) {
    if (ref === 'latest' || ref === 'latest-verified') {
        const entries = await listBackups(storage);
        const index = entries.findIndex((e) => (ref === 'latest' ? e.complete : e.verified));
        const entry = entries[index];
        if (!entry) {
            throw new errors/* UserError */.y(`No ${ref === 'latest' ? 'complete' : 'verified'} backup found at ${storage.describe('')}` +
                (entries.length > 0 ? ` (${describeStates(entries)}; \`shipkit list\` shows why).` : '.'));
        }
        return { entry, passedOver: entries.slice(0, index).filter((e) => e.state === 'damaged') };
    }
    if (!(0,layout/* isBackupId */["if"])(ref)) {
        throw new errors/* UserError */.y(`'${ref}' is not a backup id (e.g. 2026-11-25T030000Z-1a2b3c) nor 'latest'.`);
    }
    const entry = await findBackup(storage, ref);
    if (!entry)
        throw new errors/* UserError */.y(`Backup ${ref} does not exist at ${storage.describe('')}.`);
    if (entry.state === 'incomplete') {
        throw new errors/* UserError */.y(`Backup ${ref} has no manifest at ${storage.describe(`${ref}/${layout/* MANIFEST_NAME */.ir}`)}: it is incomplete ` +
            '(the run that wrote it failed or is still running) and cannot be restored or verified.');
    }
    return { entry, passedOver: [] };
}
/** Reads and validates a manifest by itself, with no judgement of its folder. */
async function readManifest(storage, id) {
    const key = `${id}/${MANIFEST_NAME}`;
    return parseManifest(await text(await storage.get(key)), storage.describe(key));
}
/** "2 damaged, 1 incomplete" */
function describeStates(entries) {
    const counts = new Map();
    for (const entry of entries)
        counts.set(entry.state, (counts.get(entry.state) ?? 0) + 1);
    return [...counts].map(([state, count]) => `${count} ${state}`).join(', ');
}
async function listFolders(storage, prefix) {
    const folders = new Map();
    for await (const object of storage.list(prefix)) {
        const slash = object.key.indexOf('/');
        if (slash < 0)
            continue;
        const id = object.key.slice(0, slash);
        if (!(0,layout/* isBackupId */["if"])(id))
            continue;
        let folder = folders.get(id);
        if (!folder) {
            folder = { id, objects: [] };
            folders.set(id, folder);
        }
        folder.objects.push({
            key: object.key,
            size: object.size,
            ...(object.lastModified ? { lastModified: object.lastModified } : {}),
        });
    }
    return folders;
}
/** Reads what the folder holds and decides its state. This is the only place states are decided. */
async function judgeFolder(storage, folder) {
    const { id, objects } = folder;
    const entry = {
        id,
        time: (0,layout/* backupIdTime */.NB)(id),
        state: 'incomplete',
        complete: false,
        verified: false,
        damage: [],
        verifications: [],
        openAnomaly: false,
        objects,
        bytes: objects.reduce((sum, o) => sum + o.size, 0),
    };
    const byName = new Map(objects.map((o) => [o.key.slice(id.length + 1), o]));
    const manifestObject = byName.get(layout/* MANIFEST_NAME */.ir);
    if (!manifestObject)
        return entry;
    const manifestText = await readSmall(storage, manifestObject.key, manifestObject.size, MAX_MANIFEST_BYTES);
    // Deleted since the listing (prune removes the manifest first): the folder is on its way out.
    if (manifestText === undefined)
        return entry;
    const damage = entry.damage;
    if (manifestText instanceof Error)
        damage.push(manifestText.message);
    else {
        try {
            entry.manifest = (0,src_manifest/* parseManifest */.Ng)(manifestText, layout/* MANIFEST_NAME */.ir);
            entry.manifestSha256 = (0,external_node_crypto_.createHash)('sha256').update(manifestText).digest('hex');
        }
        catch (error) {
            damage.push(error.message);
        }
    }
    const manifest = entry.manifest;
    if (manifest) {
        if (manifest.backupId !== id) {
            damage.push(`manifest.json names backup ${manifest.backupId}, not its folder ${id}`);
        }
        for (const expected of (0,src_manifest/* storedArchives */.B6)(manifest)) {
            const what = expected.part === undefined ? 'the archive' : `part ${expected.part}'s archive`;
            const archive = byName.get(expected.key);
            if (!archive)
                damage.push(`${what} ${expected.key} named by manifest.json is missing`);
            else if (archive.size !== expected.size) {
                damage.push(`${what} ${expected.key} is ${archive.size} bytes, manifest.json says ${expected.size}`);
            }
        }
        for (const part of manifest.parts?.archives ?? []) {
            damage.push(...(await judgePartRecord(storage, byName.get(part.record), part)));
        }
        const records = [...byName].filter(([name]) => (0,verification/* isVerificationName */.pK)(name));
        for (const [name, object] of records) {
            const recordText = await readSmall(storage, object.key, object.size, MAX_RECORD_BYTES);
            if (recordText === undefined)
                continue;
            if (recordText instanceof Error) {
                damage.push(recordText.message);
                continue;
            }
            const verdict = (0,verification/* judgeRecord */.dy)(name, recordText, id, manifest, entry.manifestSha256);
            if ('damage' in verdict)
                damage.push(verdict.damage);
            else
                entry.verifications.push(verdict.summary);
        }
    }
    if (manifest?.anomaly) {
        entry.anomaly = manifest.anomaly;
        const acknowledged = manifest.anomaly.acceptedAt ?? (await readAck(storage, entry, byName.get(anomaly/* ANOMALY_ACK_NAME */.Qm)));
        if (acknowledged)
            entry.anomalyAcknowledgedAt = acknowledged;
        entry.openAnomaly = !acknowledged;
    }
    if (damage.length > 0) {
        entry.state = 'damaged';
        return entry;
    }
    const best = strongest(entry.verifications);
    if (best)
        entry.verification = best;
    entry.state = best ? 'verified' : 'complete';
    entry.complete = true;
    entry.verified = entry.state === 'verified';
    return entry;
}
/** A part record must still be the one finalize checked: its SHA-256 is in the manifest. */
async function judgePartRecord(storage, object, part) {
    const missing = `part ${part.part}'s record ${part.record} named by manifest.json is missing`;
    if (!object)
        return [missing];
    const recordText = await readSmall(storage, object.key, object.size, MAX_RECORD_BYTES);
    if (recordText === undefined)
        return [missing];
    if (recordText instanceof Error)
        return [recordText.message];
    if ((0,external_node_crypto_.createHash)('sha256').update(recordText).digest('hex') !== part.recordSha256) {
        return [`part ${part.part}'s record ${part.record} changed after manifest.json was written`];
    }
    return [];
}
/** The time of a sound acknowledgement in the folder; a record that is not sound is damage. */
async function readAck(storage, entry, object) {
    if (!object || !entry.manifestSha256)
        return undefined;
    const text = await readSmall(storage, object.key, object.size, MAX_RECORD_BYTES);
    if (text === undefined)
        return undefined;
    if (text instanceof Error) {
        entry.damage.push(text.message);
        return undefined;
    }
    const verdict = (0,anomaly/* judgeAck */.Jg)(text, entry.id, entry.manifestSha256);
    if ('damage' in verdict) {
        entry.damage.push(verdict.damage);
        return undefined;
    }
    return verdict.acknowledgedAt;
}
function strongest(summaries) {
    let best;
    for (const summary of summaries) {
        if (!summary.counts)
            continue;
        const stronger = best ? (0,verification/* verificationStrength */.xn)(summary.mode) - (0,verification/* verificationStrength */.xn)(best.mode) : 1;
        if (stronger > 0 || (stronger === 0 && best && summary.verifiedAt > best.verifiedAt))
            best = summary;
    }
    return best;
}
/** The object's text; undefined when it vanished since the listing; an Error (as damage) when too big. */
async function readSmall(storage, key, size, limit) {
    const name = key.slice(key.indexOf('/') + 1);
    if (size > limit)
        return new Error(`${name} is ${size} bytes, far more than such a file ever holds`);
    try {
        return await (0,consumers_.text)(await storage.get(key));
    }
    catch (error) {
        if (error instanceof src_errors/* ObjectNotFoundError */.d_)
            return undefined;
        throw error;
    }
}
/** Runs `work` over `items` with at most `limit` at once, keeping the order of `items`. */
async function mapBounded(items, limit, work) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const index = next++;
            results[index] = await work(items[index]);
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return results;
}

// EXTERNAL MODULE: ../../packages/runtime/src/options/errors.ts
var options_errors = __webpack_require__(6960);
// EXTERNAL MODULE: ../../packages/runtime/src/options/text.ts
var options_text = __webpack_require__(8444);
// EXTERNAL MODULE: ../../packages/verify/src/options.ts
var options = __webpack_require__(2115);
;// CONCATENATED MODULE: ../../packages/verify/src/source.ts



/**
 * Finds the archive a request names. A backup without a manifest does not exist: naming one is an
 * error that says so. A URL that is neither a backup folder nor an object is checked for backups
 * below it, to suggest `latest`.
 */
async function locateBackup(request, open) {
    const backup = request.backup.trim();
    if (backup.includes('://'))
        return locateUrl(backup, open);
    const { source } = (0,options/* checkLocation */.c9)(request);
    return locateInPrefix(open(source), backup);
}
/** Asks the catalogue which backup `ref` is and what state it is in; never reads a manifest itself. */
async function locateInPrefix(storage, ref) {
    const { entry, passedOver } = await resolveBackup(storage, ref);
    const { manifest, manifestSha256 } = entry;
    if (!manifest || !manifestSha256) {
        throw new errors/* UserError */.y(`Backup ${entry.id} at ${storage.describe('')} is damaged and cannot be read: ${entry.damage.join('; ')}.`);
    }
    // A backup in parts is read part after part (see stored-parts.ts): its folder names it.
    const archiveKey = `${entry.id}/${manifest.archive?.key ?? ''}`;
    return {
        storage,
        archiveKey,
        backupId: entry.id,
        manifest,
        manifestSha256,
        ...(entry.damage.length > 0 ? { damage: entry.damage } : {}),
        ...(passedOver.length > 0 ? { passedOver: passedOver.map((e) => ({ id: e.id, damage: e.damage })) } : {}),
        url: storage.describe(archiveKey),
    };
}
async function locateUrl(url, open) {
    let { parent, name } = splitUrl(url);
    if (name === layout/* MANIFEST_NAME */.ir && parent)
        ({ parent, name } = splitUrl(parent));
    if (parent !== undefined && (0,layout/* isBackupId */["if"])(name))
        return locateInPrefix(open(parent), name);
    if (parent !== undefined && name !== '') {
        const storage = open(parent);
        if (await storage.head(name))
            return { storage, archiveKey: name, url: storage.describe(name) };
    }
    const asPrefix = open(url);
    const backups = await listBackups(asPrefix);
    if (backups.some((b) => b.state !== 'incomplete')) {
        throw options_errors/* OptionError */.eR.saying((0,options_text/* say */.cv) `${asPrefix.describe()} holds backups, not one archive: ask for the newest (${(0,options_text/* ref */.KR)('latest')}), or name one by its id.`);
    }
    throw new errors/* UserError */.y(`Nothing to read at ${asPrefix.describe()}: it is neither a backup folder (…/<backup-id>), nor an ` +
        'archive file, nor a prefix holding backups.');
}
/** `s3://b/p/x` → `s3://b/p` and `x`; no parent when the URL is a bucket or a root. */
function splitUrl(url) {
    const trimmed = url.replace(/\/+$/, '');
    const slash = trimmed.lastIndexOf('/');
    const parent = trimmed.slice(0, slash);
    const name = trimmed.slice(slash + 1);
    return { parent: /:\/\/?$/.test(parent) || parent === '' ? undefined : parent, name };
}

;// CONCATENATED MODULE: ../../packages/verify/src/run.ts





/**
 * Locates the backup and runs `work` on it within the timeout and the caller's cancellation: one
 * deadline for the run, which every storage request, download and MongoDB command is bound to.
 * Every client and storage the run opened is closed when it ends, whatever happened.
 */
async function onBackup(options, deps, label, work) {
    const deadline = new src_deadline/* Deadline */.B2({
        run: label.name,
        timeoutMs: options.timeoutMs,
        ...(deps.signal && { signal: deps.signal }),
    });
    const clients = [];
    const opened = [];
    const open = deps.openStorage ??
        ((url) => openStorage(url, { s3: options.storage, logger: deps.logger, deadline }));
    const connectTo = deps.connect ??
        ((uri) => connect(uri, {
            appName: 'shipkit-verify',
            deadline,
            logger: deps.logger,
            ...(options.connectTimeoutMs !== undefined && { timeoutMs: options.connectTimeoutMs }),
        }));
    const run = async () => {
        try {
            const source = await locateBackup(options.location, (url) => {
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
            const progress = new ProgressReporter({
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
            await Promise.allSettled(clients.map((client) => disconnect(client)));
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
        const report = await (0,check/* verifyBackup */.gu)(run.source, { ...archiveAccess(options), mode: options.mode, renames: options.renames }, { ...run.checkDeps, ...(scratch ? { scratch } : {}) });
        run.progress.done();
        return { source: run.source, report };
    });
}


/***/ }),

/***/ 3667:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  t0: () => (/* binding */ ArchiveStageError),
  MB: () => (/* binding */ compressionOf),
  a8: () => (/* binding */ openStoredArchive)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
var external_node_zlib_default = /*#__PURE__*/__webpack_require__.n(external_node_zlib_);
// EXTERNAL MODULE: ../../node_modules/bson/lib/bson.node.mjs
var bson_node = __webpack_require__(320);
;// CONCATENATED MODULE: ../../packages/archive/src/bson-check.ts
// A structural walk of raw BSON: every length consistent with its container, every element type
// known, every string and name terminated, array keys "0", "1", ... in order. Nothing is decoded,
// and nesting is followed with an explicit stack so hostile depth cannot overflow the call stack.
/** Value size of the fixed-size element types, indexed by type byte; -1 for the others. */
const FIXED_SIZES = new Int8Array(256).fill(-1);
for (const [type, size] of [
    [0x01, 8], // double
    [0x06, 0], // undefined
    [0x07, 12], // ObjectId
    [0x09, 8], // UTC datetime
    [0x0a, 0], // null
    [0x10, 4], // int32
    [0x11, 8], // timestamp
    [0x12, 8], // int64
    [0x13, 16], // decimal128
    [0x7f, 0], // max key
    [0xff, 0], // min key
]) {
    FIXED_SIZES[type] = size;
}
function int32At(buf, at) {
    return buf[at] | (buf[at + 1] << 8) | (buf[at + 2] << 16) | (buf[at + 3] << 24);
}
function hex(byte) {
    return `0x${byte.toString(16).padStart(2, '0')}`;
}
/** Checks that `doc` is exactly one well-formed BSON document. Returns the first problem, or null. */
function findBsonProblem(doc) {
    const size = doc.length;
    if (size < 5)
        return { message: `document of ${size} bytes is shorter than the minimum 5`, offset: 0 };
    const declared = int32At(doc, 0);
    if (declared !== size) {
        return {
            message: `document length field says ${declared} but the document has ${size} bytes`,
            offset: 0,
        };
    }
    if (doc[size - 1] !== 0)
        return { message: 'document does not end with 0x00', offset: size - 1 };
    const stack = [{ end: size - 1, isArray: false, nextIndex: 0 }];
    let pos = 4;
    for (;;) {
        const frame = stack[stack.length - 1];
        if (pos === frame.end) {
            stack.pop();
            pos++;
            if (stack.length === 0)
                return null;
            continue;
        }
        const elementStart = pos;
        const type = doc[pos];
        if (type === 0) {
            return {
                message: `0x00 where an element was expected, ${frame.end - pos} bytes before the end`,
                offset: pos,
            };
        }
        pos++;
        const nameEnd = doc.indexOf(0, pos);
        if (nameEnd < 0 || nameEnd >= frame.end)
            return { message: 'field name is not terminated', offset: pos };
        if (frame.isArray) {
            const expected = String(frame.nextIndex++);
            if (!nameEquals(doc, pos, nameEnd, expected)) {
                return { message: `array key is not "${expected}"`, offset: pos };
            }
        }
        pos = nameEnd + 1;
        const room = frame.end - pos;
        const fixed = FIXED_SIZES[type];
        if (fixed >= 0) {
            if (fixed > room)
                return { message: `element of type ${hex(type)} overruns its document`, offset: elementStart };
            pos += fixed;
            continue;
        }
        switch (type) {
            case 0x08: {
                if (room < 1)
                    return { message: 'boolean overruns its document', offset: elementStart };
                const value = doc[pos];
                if (value > 1)
                    return { message: `boolean byte is ${hex(value)}, not 0x00 or 0x01`, offset: pos };
                pos += 1;
                break;
            }
            case 0x02: // string
            case 0x0d: // JavaScript code
            case 0x0e: {
                // symbol
                const after = stringEnd(doc, pos, frame.end);
                if (typeof after !== 'number')
                    return after;
                pos = after;
                break;
            }
            case 0x0c: {
                // DBPointer: a string then an ObjectId
                const after = stringEnd(doc, pos, frame.end);
                if (typeof after !== 'number')
                    return after;
                if (after + 12 > frame.end)
                    return { message: 'DBPointer overruns its document', offset: elementStart };
                pos = after + 12;
                break;
            }
            case 0x03:
            case 0x04: {
                if (room < 5)
                    return { message: 'embedded document overruns its document', offset: elementStart };
                const length = int32At(doc, pos);
                if (length < 5 || length > room) {
                    return { message: `embedded document length ${length} does not fit its container`, offset: pos };
                }
                const end = pos + length - 1;
                if (doc[end] !== 0)
                    return { message: 'embedded document does not end with 0x00', offset: end };
                stack.push({ end, isArray: type === 0x04, nextIndex: 0 });
                pos += 4;
                break;
            }
            case 0x05: {
                if (room < 5)
                    return { message: 'binary overruns its document', offset: elementStart };
                const length = int32At(doc, pos);
                if (length < 0 || length > room - 5) {
                    return { message: `binary length ${length} does not fit its document`, offset: pos };
                }
                // Subtype 2 (old binary) repeats the length inside the payload.
                if (doc[pos + 4] === 0x02 && (length < 4 || int32At(doc, pos + 5) !== length - 4)) {
                    return { message: 'old binary (subtype 2) inner length is inconsistent', offset: pos };
                }
                pos += 5 + length;
                break;
            }
            case 0x0b: {
                // regular expression: pattern and options, both cstrings
                for (let part = 0; part < 2; part++) {
                    const end = doc.indexOf(0, pos);
                    if (end < 0 || end >= frame.end)
                        return { message: 'regular expression is not terminated', offset: pos };
                    pos = end + 1;
                }
                break;
            }
            case 0x0f: {
                // code with scope: int32 total, string, document
                if (room < 14)
                    return { message: 'code with scope overruns its document', offset: elementStart };
                const total = int32At(doc, pos);
                if (total < 14 || total > room) {
                    return { message: `code with scope length ${total} does not fit its document`, offset: pos };
                }
                const scopeStart = stringEnd(doc, pos + 4, pos + total);
                if (typeof scopeStart !== 'number')
                    return scopeStart;
                const scopeLength = pos + total - scopeStart;
                if (scopeLength < 5 || int32At(doc, scopeStart) !== scopeLength) {
                    return { message: 'code with scope: scope document length is inconsistent', offset: scopeStart };
                }
                const end = scopeStart + scopeLength - 1;
                if (doc[end] !== 0)
                    return { message: 'scope document does not end with 0x00', offset: end };
                stack.push({ end, isArray: false, nextIndex: 0 });
                pos = scopeStart + 4;
                break;
            }
            default:
                return { message: `unknown element type ${hex(type)}`, offset: elementStart };
        }
    }
}
/** Checks a length-prefixed string at `at` that must end before `limit`; returns the index after it. */
function stringEnd(doc, at, limit) {
    if (at + 4 > limit)
        return { message: 'string length overruns its document', offset: at };
    const length = int32At(doc, at);
    if (length < 1 || length > limit - at - 4) {
        return { message: `string length ${length} does not fit its document`, offset: at };
    }
    const end = at + 4 + length;
    if (doc[end - 1] !== 0)
        return { message: 'string is not terminated with 0x00', offset: end - 1 };
    return end;
}
function nameEquals(doc, start, end, expected) {
    if (end - start !== expected.length)
        return false;
    for (let i = 0; i < expected.length; i++) {
        if (doc[start + i] !== expected.charCodeAt(i))
            return false;
    }
    return true;
}
const BSON_STRING = 0x02;
const BSON_BOOLEAN = 0x08;
const BSON_INT32 = 0x10;
const BSON_INT64 = 0x12;
const TYPE_NAMES = {
    [BSON_STRING]: 'string',
    [BSON_BOOLEAN]: 'boolean',
    [BSON_INT32]: 'int32',
    [BSON_INT64]: 'int64',
};
function bsonTypeName(type) {
    return TYPE_NAMES[type] ?? `BSON type ${hex(type)}`;
}
const utf8 = new TextDecoder('utf-8', { fatal: true });
/** Lists the top-level fields of a document, or returns the problem if it is not well-formed. */
function readHeaderFields(doc) {
    const problem = findBsonProblem(doc);
    if (problem)
        return problem;
    const fields = [];
    const view = new DataView(doc.buffer, doc.byteOffset, doc.byteLength);
    let pos = 4;
    while (pos < doc.length - 1) {
        const type = doc[pos];
        const nameEnd = doc.indexOf(0, pos + 1);
        let name;
        try {
            name = utf8.decode(doc.subarray(pos + 1, nameEnd));
        }
        catch {
            return { message: 'field name is not valid UTF-8', offset: pos + 1 };
        }
        pos = nameEnd + 1;
        const field = { name, type };
        let size;
        switch (type) {
            case BSON_STRING: {
                const length = view.getInt32(pos, true);
                try {
                    field.value = utf8.decode(doc.subarray(pos + 4, pos + 4 + length - 1));
                }
                catch {
                    return { message: `value of "${name}" is not valid UTF-8`, offset: pos };
                }
                size = 4 + length;
                break;
            }
            case BSON_BOOLEAN:
                field.value = doc[pos] === 1;
                size = 1;
                break;
            case BSON_INT32:
                field.value = view.getInt32(pos, true);
                size = 4;
                break;
            case BSON_INT64:
                field.value = view.getBigInt64(pos, true);
                size = 8;
                break;
            default:
                size = elementSize(doc, view, type, pos);
        }
        fields.push(field);
        pos += size;
    }
    return fields;
}
/** Size of an element value already known to be well-formed. */
function elementSize(doc, view, type, pos) {
    const fixed = FIXED_SIZES[type];
    if (fixed >= 0)
        return fixed;
    switch (type) {
        case 0x0d:
        case 0x0e:
            return 4 + view.getInt32(pos, true);
        case 0x0c:
            return 4 + view.getInt32(pos, true) + 12;
        case 0x03:
        case 0x04:
        case 0x0f:
            return view.getInt32(pos, true);
        case 0x05:
            return 5 + view.getInt32(pos, true);
        case 0x0b: {
            const patternEnd = doc.indexOf(0, pos);
            return doc.indexOf(0, patternEnd + 1) + 1 - pos;
        }
        default:
            throw new Error(`unreachable: element type ${hex(type)} passed the structural check`);
    }
}

// EXTERNAL MODULE: ../../packages/archive/src/crc64.ts
var crc64 = __webpack_require__(468);
;// CONCATENATED MODULE: ../../packages/archive/src/errors.ts
/**
 * The archive bytes (or a write request) break the mongodump archive format. The message names the
 * namespace and the byte offset in the archive when they are known; both are also on the error.
 */
class ArchiveFormatError extends Error {
    name = 'ArchiveFormatError';
    namespace;
    offset;
    constructor(message, details = {}) {
        super(message);
        this.namespace = details.namespace;
        this.offset = details.offset;
    }
}

// EXTERNAL MODULE: ../../packages/archive/src/format.ts
var format = __webpack_require__(5885);
;// CONCATENATED MODULE: ../../packages/archive/src/reader.ts





const PRELUDE_HEADER_FIELDS = {
    concurrent_collections: [BSON_INT32],
    version: [BSON_STRING],
    server_version: [BSON_STRING],
    tool_version: [BSON_STRING],
};
const PRELUDE_ENTRY_FIELDS = {
    db: [BSON_STRING],
    collection: [BSON_STRING],
    metadata: [BSON_STRING],
    size: [BSON_INT32, BSON_INT64],
    type: [BSON_STRING],
};
const SEGMENT_HEADER_FIELDS = {
    db: [BSON_STRING],
    collection: [BSON_STRING],
    EOF: [BSON_BOOLEAN],
    CRC: [BSON_INT64],
};
/**
 * Streaming parser and verifier of a mongodump archive. Iterate it (`for await`) to get the
 * prelude, the documents of each data segment, each EOF block and finally the statistics. Any
 * violation of the format is thrown as an `ArchiveFormatError` naming the namespace and byte offset.
 *
 * Memory stays bounded: at most one input chunk plus one document that straddles chunks is held,
 * and every `documents` event is emitted before the next chunk is pulled.
 */
class ArchiveReader {
    #source;
    #options;
    #used = false;
    constructor(source, options = {}) {
        this.#source = source;
        this.#options = options;
    }
    [Symbol.asyncIterator]() {
        if (this.#used)
            throw new TypeError('an ArchiveReader can be iterated only once');
        this.#used = true;
        return parse(this.#source, this.#options);
    }
}
/** Iterates the events of an archive; see `ArchiveReader`. */
function readArchive(source, options = {}) {
    return parse(source, options);
}
/** Reads a whole archive, checking every rule, and returns its statistics. */
async function verifyArchive(source, options = {}) {
    for await (const event of parse(source, options)) {
        if (event.type === 'end')
            return event.stats;
    }
    throw new Error('unreachable: the archive parser finished without an end event');
}
/** Hands out bytes from a chunked source, joining pieces only when something straddles chunks. */
class ChunkCursor {
    #iterator;
    #ahead = [];
    #chunk = Buffer.alloc(0);
    #pos = 0;
    /** Archive offset of `#chunk[0]`. */
    #base = 0;
    #done = false;
    constructor(source) {
        if (source && typeof source[Symbol.asyncIterator] === 'function') {
            this.#iterator = source[Symbol.asyncIterator]();
        }
        else if (source && typeof source[Symbol.iterator] === 'function') {
            this.#iterator = source[Symbol.iterator]();
        }
        else {
            throw new TypeError('archive source must be a Readable or an iterable of Buffers');
        }
    }
    get offset() {
        return this.#base + this.#pos;
    }
    get available() {
        return this.#chunk.length - this.#pos;
    }
    /** The current chunk and position, valid for `available` bytes. */
    get buffer() {
        return this.#chunk;
    }
    get position() {
        return this.#pos;
    }
    skip(count) {
        this.#pos += count;
    }
    /** Makes `count` bytes contiguous at `position`; false if the source ends first. */
    async ensure(count) {
        if (this.available >= count)
            return true;
        if (this.available === 0) {
            const next = await this.#next();
            if (!next)
                return false;
            this.#base += this.#chunk.length;
            this.#chunk = next;
            this.#pos = 0;
            if (next.length >= count)
                return true;
        }
        const joined = Buffer.allocUnsafe(count);
        let filled = this.#chunk.copy(joined, 0, this.#pos);
        const start = this.offset;
        while (filled < count) {
            const next = await this.#next();
            if (!next) {
                // Keep what was gathered so `available` reports it for the truncation message.
                this.#chunk = joined.subarray(0, filled);
                this.#base = start;
                this.#pos = 0;
                return false;
            }
            const take = Math.min(count - filled, next.length);
            next.copy(joined, filled, 0, take);
            filled += take;
            if (take < next.length)
                this.#ahead.push(next.subarray(take));
        }
        this.#chunk = joined;
        this.#base = start;
        this.#pos = 0;
        return true;
    }
    /** True when every byte has been consumed and the source has ended. */
    async atEnd() {
        return !(await this.ensure(1)) && this.available === 0;
    }
    async close() {
        await this.#iterator.return?.();
    }
    async #next() {
        const queued = this.#ahead.shift();
        if (queued)
            return queued;
        while (!this.#done) {
            const result = await this.#iterator.next();
            if (result.done) {
                this.#done = true;
                break;
            }
            const chunk = result.value;
            if (!(chunk instanceof Uint8Array)) {
                throw new TypeError(`archive source produced ${typeof chunk} instead of bytes (read the stream without an encoding)`);
            }
            if (chunk.length > 0)
                return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
        }
        return undefined;
    }
}
async function* parse(source, options) {
    const cursor = new ChunkCursor(source);
    try {
        yield* parseArchive(cursor, options);
    }
    finally {
        // Releases (for a Readable: destroys) the source; a failure there must not hide the real error.
        await cursor.close().catch(() => undefined);
    }
}
async function* parseArchive(cursor, options) {
    await readMagic(cursor);
    const prelude = await readPrelude(cursor);
    yield { type: 'prelude', header: prelude.header, namespaces: [...prelude.listed.values()] };
    const namespaces = new NamespaceStates(prelude.listed, options);
    // Data and EOF blocks until the stream ends.
    for (;;) {
        const blockOffset = cursor.offset;
        if (await cursor.atEnd())
            break;
        const { state, eof } = await readBlockHeader(cursor, namespaces, blockOffset);
        if (eof)
            yield await readEof(cursor, state, blockOffset);
        else
            yield* readSegment(cursor, state, namespaces, options.validateBson ?? false);
    }
    yield { type: 'end', stats: namespaces.finish(cursor.offset) };
}
/** Stage 1: the 4-byte magic number. */
async function readMagic(cursor) {
    if (!(await cursor.ensure(4))) {
        if (cursor.available === 0)
            throw new ArchiveFormatError('not a mongodump archive: the input is empty', { offset: 0 });
        throw new ArchiveFormatError(`not a mongodump archive: the input has only ${cursor.available} bytes, fewer than the 4-byte magic number`, { offset: 0 });
    }
    const magic = cursor.buffer.subarray(cursor.position, cursor.position + 4);
    if (!magic.equals(format/* ARCHIVE_MAGIC */.rb)) {
        throw new ArchiveFormatError(`not a mongodump archive: expected magic number ${format/* ARCHIVE_MAGIC */.rb.toString('hex')} at byte offset 0, ` +
            `found ${magic.toString('hex')}`, { offset: 0 });
    }
    cursor.skip(4);
}
/** Stage 2: the prelude — its header, one entry per namespace, the terminator. */
async function readPrelude(cursor) {
    const headerOffset = cursor.offset;
    const headerDoc = await readDocument(cursor, 'the prelude header');
    if (headerDoc === 'terminator') {
        throw new ArchiveFormatError(`terminator at byte offset ${headerOffset} where the prelude header was expected`, { offset: headerOffset });
    }
    const headerFields = checkFields(headerDoc, PRELUDE_HEADER_FIELDS, [], 'the prelude header', headerOffset);
    if (headerFields.version !== format/* ARCHIVE_VERSION */.gG) {
        throw new ArchiveFormatError(`the prelude header at byte offset ${headerOffset} has version "${headerFields.version}"; ` +
            `only "${format/* ARCHIVE_VERSION */.gG}" is known`, { offset: headerOffset });
    }
    const header = {
        concurrent_collections: headerFields.concurrent_collections,
        version: headerFields.version,
        server_version: headerFields.server_version,
        tool_version: headerFields.tool_version,
    };
    const listed = new Map();
    for (let index = 0;; index++) {
        const entryOffset = cursor.offset;
        const what = `prelude entry #${index}`;
        const entryDoc = await readDocument(cursor, what);
        if (entryDoc === 'terminator')
            break;
        const entry = preludeEntry(entryDoc, what, entryOffset);
        const key = (0,format/* namespaceKey */.jU)(entry);
        if (listed.has(key)) {
            throw new ArchiveFormatError(`${what} (${(0,format/* namespaceName */.dz)(entry)}) at byte offset ${entryOffset} lists the namespace a second time`, {
                namespace: (0,format/* namespaceName */.dz)(entry),
                offset: entryOffset,
            });
        }
        listed.set(key, entry);
    }
    return { header, listed };
}
/** One prelude entry, its metadata parsed. */
function preludeEntry(doc, what, offset) {
    const fields = checkFields(doc, PRELUDE_ENTRY_FIELDS, ['type'], what, offset);
    const ns = { db: fields.db, collection: fields.collection };
    const name = (0,format/* namespaceName */.dz)(ns);
    const fail = (problem) => new ArchiveFormatError(`${what} (${name}) at byte offset ${offset} ${problem}`, {
        namespace: name,
        offset,
    });
    if (!(0,format/* isOplog */.y8)(ns) && (ns.db === '' || ns.collection === ''))
        throw fail('has an empty database or collection name');
    const type = (fields.type ?? 'collection');
    if (!format/* NAMESPACE_TYPES */.mF.includes(type))
        throw fail(`has unknown type "${type}"`);
    const rawMetadata = fields.metadata;
    let metadata = null;
    if (rawMetadata !== '') {
        let parsed;
        try {
            parsed = bson_node/* EJSON */.On.parse(rawMetadata, { relaxed: false });
        }
        catch (error) {
            throw fail(`has metadata that is not valid Extended JSON: ${error.message}`);
        }
        if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
            throw fail('has metadata that is not an Extended JSON object');
        }
        metadata = parsed;
    }
    return { db: ns.db, collection: ns.collection, type, metadata, rawMetadata };
}
/**
 * The namespaces met in data blocks, and the rules between blocks: a namespace the prelude lists,
 * never again after its EOF block, nothing after the oplog; at the end, every one closed.
 */
class NamespaceStates {
    #listed;
    #allowUnlisted;
    #states = new Map();
    #order = [];
    #oplog;
    documents = 0;
    constructor(listed, options) {
        this.#listed = listed;
        this.#allowUnlisted = options.allowUnlistedNamespaces ?? false;
    }
    /** The state of the namespace a block header names, checked against the rules. */
    enter(ns, eof, blockOffset) {
        const name = (0,format/* namespaceName */.dz)(ns);
        const fail = (problem) => new ArchiveFormatError(problem, { namespace: name, offset: blockOffset });
        const key = (0,format/* namespaceKey */.jU)(ns);
        let state = this.#states.get(key);
        if (!state) {
            if (!this.#listed.has(key) &&
                !(0,format/* isOplog */.y8)(ns) &&
                !isListedBuckets(ns, this.#listed) &&
                !this.#allowUnlisted) {
                throw fail(`the block header at byte offset ${blockOffset} names ${name}, which the prelude does not list`);
            }
            state = {
                ns: Object.freeze(ns),
                name,
                crc: new crc64/* Crc64 */.Vl(),
                stats: { db: ns.db, collection: ns.collection, count: 0, bytes: 0, crc: 0n, closed: false },
                segments: 0,
            };
            this.#states.set(key, state);
            this.#order.push(state);
        }
        if (state.stats.closed) {
            throw fail(`${name} appears again at byte offset ${blockOffset}, after its EOF block`);
        }
        if (this.#oplog && state !== this.#oplog) {
            throw fail(`${name} appears at byte offset ${blockOffset}, after the oplog started; the oplog must come last`);
        }
        if (eof) {
            if (state.segments === 0) {
                throw fail(`the EOF block of ${name} at byte offset ${blockOffset} comes before any data segment`);
            }
        }
        else {
            state.segments++;
            if ((0,format/* isOplog */.y8)(ns))
                this.#oplog = state;
        }
        return state;
    }
    /** Stage 4: the end of the stream — every namespace closed, every listed one seen. */
    finish(endOffset) {
        const open = this.#order.filter((state) => !state.stats.closed);
        if (open.length > 0) {
            throw new ArchiveFormatError(`the archive ends at byte offset ${endOffset} with namespaces still open (no EOF block): ` +
                open.map((state) => state.name).join(', '), { namespace: open[0].name, offset: endOffset });
        }
        const closed = (ns) => this.#states.get((0,format/* namespaceKey */.jU)(ns))?.stats.closed === true;
        const unseen = [...this.#listed.values()].filter((entry) => !closed(entry) &&
            !(entry.type === 'timeseries' &&
                closed({ db: entry.db, collection: format/* BUCKETS_PREFIX */.p8 + entry.collection })));
        if (unseen.length > 0) {
            throw new ArchiveFormatError(`the archive ends at byte offset ${endOffset} before all collections were seen; ` +
                `no data segment and EOF block for: ${unseen.map(format/* namespaceName */.dz).join(', ')}`, { namespace: (0,format/* namespaceName */.dz)(unseen[0]), offset: endOffset });
        }
        return {
            namespaces: this.#order.map((state) => ({ ...state.stats })),
            documents: this.documents,
            archiveBytes: endOffset,
        };
    }
}
/** Stage 3a: a block header — which namespace, and whether it is its EOF block. */
async function readBlockHeader(cursor, namespaces, blockOffset) {
    const headerDoc = await readDocument(cursor, 'a block header');
    if (headerDoc === 'terminator') {
        throw new ArchiveFormatError(`terminator at byte offset ${blockOffset} where a block header was expected`, {
            offset: blockOffset,
        });
    }
    const fields = checkFields(headerDoc, SEGMENT_HEADER_FIELDS, [], 'the block header', blockOffset);
    const ns = { db: fields.db, collection: fields.collection };
    const eof = fields.EOF === true;
    const state = namespaces.enter(ns, eof, blockOffset);
    if (eof)
        state.storedCrc = BigInt.asUintN(64, fields.CRC);
    return { state, eof };
}
/** Stage 3b: an EOF block — its terminator, and its CRC against the documents'. */
async function readEof(cursor, state, blockOffset) {
    const { name } = state;
    const bodyOffset = cursor.offset;
    if ((await readLength(cursor, `the terminator of the EOF block of ${name}`, name)) !== -1) {
        throw new ArchiveFormatError(`the EOF block of ${name} at byte offset ${blockOffset} is followed by data at byte offset ` +
            `${bodyOffset} instead of the terminator`, { namespace: name, offset: bodyOffset });
    }
    cursor.skip(4);
    const stored = state.storedCrc;
    const computed = state.crc.value();
    if (stored !== computed) {
        throw new ArchiveFormatError(`CRC mismatch for ${name}: the EOF block at byte offset ${blockOffset} stores ${hex64(stored)}, ` +
            `the ${state.stats.count} documents (${state.stats.bytes} bytes) give ${hex64(computed)}`, { namespace: name, offset: blockOffset });
    }
    state.stats.closed = true;
    state.stats.crc = computed;
    return { type: 'eof', ns: state.ns, crc: stored, computedCrc: computed };
}
/**
 * Stage 3c: a data segment — documents until the terminator. The documents of one chunk go out as
 * one run of consecutive bytes (their CRC taken over the run at once), before the next chunk is
 * pulled. Hot loop: it awaits only when a length or a document reaches past the current chunk.
 */
async function* readSegment(cursor, state, namespaces, validateBson) {
    const { name } = state;
    const what = () => documentName(state);
    let run = new RunBuilder(state, cursor);
    for (;;) {
        if (cursor.available < 4) {
            const event = run.take(cursor);
            if (event)
                yield event;
            await readLength(cursor, what, name);
            run = new RunBuilder(state, cursor);
        }
        const docOffset = cursor.offset;
        const length = cursor.buffer.readInt32LE(cursor.position);
        if (length === -1) {
            const event = run.take(cursor);
            cursor.skip(4);
            if (event)
                yield event;
            return;
        }
        checkLength(length, what, name, docOffset);
        if (cursor.available < length) {
            const event = run.take(cursor);
            if (event)
                yield event;
            await ensureDocument(cursor, length, what, name, docOffset);
            run = new RunBuilder(state, cursor);
        }
        const start = cursor.position;
        if (cursor.buffer[start + length - 1] !== 0) {
            throw new ArchiveFormatError(`${what()} at byte offset ${docOffset} does not end with 0x00`, {
                namespace: name,
                offset: docOffset,
            });
        }
        cursor.skip(length);
        if (validateBson) {
            const problem = findBsonProblem(cursor.buffer.subarray(start, start + length));
            if (problem) {
                throw new ArchiveFormatError(`${documentName(state)} at byte offset ${docOffset} is not valid BSON: ${problem.message} ` +
                    `(byte offset ${docOffset + problem.offset})`, { namespace: name, offset: docOffset });
            }
        }
        state.stats.count++;
        state.stats.bytes += length;
        namespaces.documents++;
        run.count++;
    }
}
/** The documents taken from one chunk since `start`, as a `documents` event. */
class RunBuilder {
    count = 0;
    #state;
    #chunk;
    #start;
    #offset;
    constructor(state, cursor) {
        this.#state = state;
        this.#chunk = cursor.buffer;
        this.#start = cursor.position;
        this.#offset = cursor.offset;
    }
    /** The event for the documents taken so far (null if none), their CRC added. */
    take(cursor) {
        if (this.count === 0)
            return null;
        const run = this.#chunk.subarray(this.#start, cursor.position);
        this.#state.crc.update(run);
        const event = new DocumentsEvent(this.#state.ns, run, this.count, this.#offset);
        this.count = 0;
        return event;
    }
}
/** Documents of one namespace that lie back to back in one chunk; `docs` splits them when asked. */
class DocumentsEvent {
    ns;
    run;
    count;
    offset;
    type = 'documents';
    #docs;
    constructor(ns, run, count, offset) {
        this.ns = ns;
        this.run = run;
        this.count = count;
        this.offset = offset;
    }
    get docs() {
        this.#docs ??= splitRun(this.run, this.count);
        return this.#docs;
    }
}
/** A `documents` event for documents given one by one (copied into one run when they are not already one). */
function documentRun(ns, docs, offset = 0) {
    const run = Buffer.concat(docs);
    return new DocumentsEvent(ns, run, docs.length, offset);
}
function splitRun(run, count) {
    const docs = new Array(count);
    for (let i = 0, at = 0; i < count; i++) {
        const length = run.readInt32LE(at);
        docs[i] = run.subarray(at, at + length);
        at += length;
    }
    return docs;
}
function isListedBuckets(ns, listed) {
    if (!ns.collection.startsWith(format/* BUCKETS_PREFIX */.p8))
        return false;
    const entry = listed.get((0,format/* namespaceKey */.jU)({ db: ns.db, collection: ns.collection.slice(format/* BUCKETS_PREFIX */.p8.length) }));
    return entry?.type === 'timeseries';
}
function describe(what) {
    return typeof what === 'string' ? what : what();
}
function documentName(state) {
    return `document #${state.stats.count} of ${state.name}`;
}
function errorDetails(namespace, offset) {
    return namespace === undefined ? { offset } : { namespace, offset };
}
/** Reads the int32 at the cursor without consuming it. */
async function readLength(cursor, what, namespace) {
    const offset = cursor.offset;
    if (!(await cursor.ensure(4))) {
        throw new ArchiveFormatError(`archive truncated: the stream ends at byte offset ${offset + cursor.available} inside the length of ` +
            `${describe(what)} (byte offset ${offset})`, errorDetails(namespace, offset));
    }
    return cursor.buffer.readInt32LE(cursor.position);
}
function checkLength(length, what, namespace, offset) {
    if (length < format/* MIN_DOCUMENT_SIZE */.r8 || length > format/* MAX_DOCUMENT_SIZE */.bJ) {
        throw new ArchiveFormatError(`${describe(what)} at byte offset ${offset} has length ${length}; a document has ${format/* MIN_DOCUMENT_SIZE */.r8}..` +
            `${format/* MAX_DOCUMENT_SIZE */.bJ} bytes`, errorDetails(namespace, offset));
    }
}
/** Makes a whole document of `length` bytes available at the cursor. */
async function ensureDocument(cursor, length, what, namespace, offset) {
    if (!(await cursor.ensure(length))) {
        throw new ArchiveFormatError(`archive truncated: ${describe(what)} at byte offset ${offset} has ${length} bytes but the stream ends ` +
            `after ${cursor.available}`, errorDetails(namespace, offset));
    }
}
/** Consumes an available document (length already checked) and checks its final 0x00. */
function takeDocument(cursor, length, what, namespace, offset) {
    const start = cursor.position;
    const doc = cursor.buffer.subarray(start, start + length);
    cursor.skip(length);
    if (doc[length - 1] !== 0) {
        throw new ArchiveFormatError(`${describe(what)} at byte offset ${offset} does not end with 0x00`, errorDetails(namespace, offset));
    }
    return doc;
}
/** Reads a header document, or consumes a terminator. */
async function readDocument(cursor, what) {
    const offset = cursor.offset;
    const length = await readLength(cursor, what, undefined);
    if (length === -1) {
        cursor.skip(4);
        return 'terminator';
    }
    checkLength(length, what, undefined, offset);
    if (cursor.available < length)
        await ensureDocument(cursor, length, what, undefined, offset);
    return takeDocument(cursor, length, what, undefined, offset);
}
/** Checks a header's keys and types against `spec` (exact key set) and returns the values by key. */
function checkFields(doc, spec, optional, what, offset) {
    const fail = (problem) => new ArchiveFormatError(`${what} at byte offset ${offset} ${problem}`, { offset });
    const fields = readHeaderFields(doc);
    if (!Array.isArray(fields))
        throw fail(`is not valid BSON: ${fields.message} (byte offset ${offset + fields.offset})`);
    const values = {};
    const found = new Set();
    for (const field of fields) {
        const allowed = Object.hasOwn(spec, field.name) ? spec[field.name] : undefined;
        if (!allowed) {
            throw fail(`has unexpected key "${field.name}"; the keys must be ${Object.keys(spec).join(', ')}`);
        }
        if (found.has(field.name))
            throw fail(`has key "${field.name}" twice`);
        found.add(field.name);
        if (!allowed.includes(field.type)) {
            throw fail(`has "${field.name}" of type ${bsonTypeName(field.type)}; expected ${allowed.map(bsonTypeName).join(' or ')}`);
        }
        values[field.name] = field.value;
    }
    const missing = Object.keys(spec).filter((key) => !found.has(key) && !optional.includes(key));
    if (missing.length > 0)
        throw fail(`lacks ${missing.map((key) => `"${key}"`).join(', ')}`);
    return values;
}
function hex64(value) {
    return `0x${value.toString(16).padStart(16, '0')}`;
}

// EXTERNAL MODULE: ../../packages/backup/src/codec.ts
var codec = __webpack_require__(2368);
// EXTERNAL MODULE: ../../packages/backup/src/zstd-frames.ts
var zstd_frames = __webpack_require__(8946);
// EXTERNAL MODULE: ../../packages/runtime/src/errors.ts
var errors = __webpack_require__(6631);
// EXTERNAL MODULE: ../../packages/runtime/src/options/errors.ts
var options_errors = __webpack_require__(6960);
// EXTERNAL MODULE: ../../packages/runtime/src/options/text.ts
var options_text = __webpack_require__(8444);
;// CONCATENATED MODULE: ../../packages/verify/src/stored-archive.ts






class ArchiveStageError extends Error {
    stage;
    cause;
    name = 'ArchiveStageError';
    constructor(stage, message, cause) {
        super(message);
        this.stage = stage;
        this.cause = cause;
    }
}
/** Starts the download; a missing object is a `UserError`, anything else is found while reading. */
async function openStoredArchive(storage, key, options = {}) {
    const url = storage.describe(key);
    let stream;
    try {
        stream = await storage.get(key);
    }
    catch (error) {
        if (error instanceof errors/* UserError */.y)
            throw error;
        throw new ArchiveStageError('read', `Reading ${url} failed: ${messageOf(error)}`, error);
    }
    const stored = new DigestingReader(stream, url);
    const layers = [];
    return {
        events: layeredEvents(stored, url, layers, options),
        layers,
        digest: (drain) => stored.digest(drain),
        close: () => stored.close(),
    };
}
/** The compression among the layers ('none' when there is none). */
function compressionOf(layers) {
    return layers.find((l) => l !== 'age') ?? 'none';
}
async function* layeredEvents(stored, url, layers, options) {
    let head = new Peekable(stored);
    let encoding = (0,codec/* sniffEncoding */.OB)(await head.peek(32));
    if (encoding === 'age') {
        layers.push('age');
        head = new Peekable(await decrypt(head, url, options));
        encoding = (0,codec/* sniffEncoding */.OB)(await head.peek(32));
    }
    if (encoding === 'zstd' || encoding === 'gzip') {
        const compression = encoding;
        layers.push(compression);
        const plain = stage('decompress', decompress(head, compression, options.aheadBytes), (error) => corruption(`Decompressing ${url} (${compression})`, error));
        head = new Peekable(plain);
        encoding = (0,codec/* sniffEncoding */.OB)(await head.peek(32));
    }
    if (encoding !== 'archive')
        throw notAnArchive(url, layers, encoding, (await head.peek(16)).length);
    yield* stored_archive_parse(head, url);
}
async function* stored_archive_parse(source, url) {
    try {
        yield* readArchive(source);
    }
    catch (error) {
        if (error instanceof ArchiveFormatError) {
            throw new ArchiveStageError('parse', `The archive in ${url} is damaged: ${error.message}`, error);
        }
        throw error;
    }
}
async function decrypt(source, url, options) {
    const option = options.identityOption ?? codec/* IDENTITY_OPTION */.fN;
    if (!options.identity) {
        throw options_errors/* OptionError */.eR.saying((0,options_text/* say */.cv) `${url} is encrypted with age: give the identity that decrypts it as ${(0,options_text/* ref */.KR)(option)}.`);
    }
    const plaintext = await (0,codec/* decryptStream */.UC)(external_node_stream_.Readable.from(source), options.identity, option);
    return stage('decrypt', plaintext, (error) => corruption(`Decrypting ${url}`, error));
}
// zlib's default 16 KiB output chunks make decompression several times slower than 1 MiB ones
// (measured: 175 MB of archive out of zstd in ~0.65 s against ~0.13 s).
const DECOMPRESSED_CHUNK_BYTES = 1024 * 1024;
/** zstd frame by frame, several frames at once (a backup writes one every 8 MiB); gzip as one stream. */
function decompress(source, compression, aheadBytes) {
    return compression === 'zstd'
        ? (0,zstd_frames/* decompressZstd */.l)(source, { chunkSize: DECOMPRESSED_CHUNK_BYTES, ...(aheadBytes ? { aheadBytes } : {}) })
        : pipeThrough(source, external_node_zlib_default().createGunzip({ chunkSize: DECOMPRESSED_CHUNK_BYTES }));
}
function corruption(what, error) {
    return `${what} failed: the stored data was changed or cut off (${messageOf(error)}).`;
}
/** Errors from Node's streams may come from another realm (a VM context), where `instanceof Error` fails. */
function messageOf(error) {
    const message = error?.message;
    return typeof message === 'string' && message !== '' ? message : (0,errors/* errorMessage */.g)(error);
}
/** Says what the object is not, and never shows its bytes: it may be any file (`--from file:///etc/…`). */
function notAnArchive(url, layers, found, size) {
    const inside = layers.length > 0 ? `after ${layers.join(' and ')}, ` : '';
    const what = size === 0 ? 'it is empty' : 'it does not start with the archive magic 6de29981, zstd, gzip or age';
    return new ArchiveStageError('parse', `${url} is not a mongodump archive: ${inside}${what}` +
        `${found === 'unknown' ? '' : ` (it looks like ${found})`}.`);
}
/** Errors of one layer are named after it; errors from layers below pass through unchanged. */
async function* stage(name, source, describe) {
    try {
        for await (const chunk of source)
            yield chunk;
    }
    catch (error) {
        if (error instanceof ArchiveStageError || error instanceof errors/* UserError */.y)
            throw error;
        throw new ArchiveStageError(name, describe(error), error);
    }
}
function pipeThrough(source, transform) {
    const input = external_node_stream_.Readable.from(source, { objectMode: false });
    input.on('error', (error) => transform.destroy(error));
    return input.pipe(transform);
}
/** Hashes and counts the stored bytes as they are read; can finish reading after the consumer stops. */
class DigestingReader {
    #stream;
    #iterator;
    #hash = (0,external_node_crypto_.createHash)('sha256');
    #url;
    #bytes = 0;
    #ended = false;
    #closed = false;
    constructor(stream, url) {
        this.#stream = stream;
        this.#iterator = stream[Symbol.asyncIterator]();
        this.#url = url;
    }
    async *[Symbol.asyncIterator]() {
        // Not `for await` over the stream: stopping this generator must not end the download,
        // which `digest(true)` may still need to finish.
        for (let chunk = await this.#next(); chunk; chunk = await this.#next())
            yield chunk;
    }
    async #next() {
        if (this.#ended || this.#closed)
            return undefined;
        let result;
        try {
            result = await this.#iterator.next();
        }
        catch (error) {
            throw new ArchiveStageError('read', `Reading ${this.#url} failed: ${messageOf(error)}`, error);
        }
        if (result.done) {
            this.#ended = true;
            return undefined;
        }
        const chunk = Buffer.isBuffer(result.value) ? result.value : Buffer.from(result.value);
        this.#hash.update(chunk);
        this.#bytes += chunk.length;
        return chunk;
    }
    async digest(drain) {
        if (drain)
            while (await this.#next())
                ;
        const complete = this.#ended;
        await this.close();
        return { sha256: this.#hash.copy().digest('hex'), bytes: this.#bytes, complete };
    }
    async close() {
        if (this.#closed)
            return;
        this.#closed = true;
        this.#stream.destroy();
    }
}
/** Lets the first bytes of a stream be inspected without losing them. */
class Peekable {
    #iterator;
    #buffered = [];
    #done = false;
    constructor(source) {
        this.#iterator = source[Symbol.asyncIterator]();
    }
    async peek(bytes) {
        let have = this.#buffered.reduce((sum, b) => sum + b.length, 0);
        while (have < bytes && !this.#done) {
            const next = await this.#iterator.next();
            if (next.done)
                this.#done = true;
            else {
                this.#buffered.push(next.value);
                have += next.value.length;
            }
        }
        return Buffer.concat(this.#buffered).subarray(0, bytes);
    }
    async *[Symbol.asyncIterator]() {
        const buffered = this.#buffered;
        this.#buffered = [];
        yield* buffered;
        try {
            while (!this.#done) {
                const next = await this.#iterator.next();
                if (next.done)
                    this.#done = true;
                else
                    yield next.value;
            }
        }
        finally {
            if (!this.#done)
                await this.#iterator.return?.();
        }
    }
}


/***/ }),

/***/ 8649:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ openBackupArchive)
/* harmony export */ });
/* harmony import */ var _shipkit_archive__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(468);
/* harmony import */ var _shipkit_backup__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3249);
/* harmony import */ var mongodb__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5226);
/* harmony import */ var _stored_archive__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3667);




/**
 * The archive a source names, opened as one stream of events: the one stored object, or — for a
 * backup in parts — every part, up to `parallelParts` of them read at once, their events merged into
 * one stream as if they were one archive. The prelude lists every namespace of the backup (from the
 * manifest); a namespace split over parts gets one EOF, once every part holding it has ended it, with
 * the CRC of its documents combined in part order (the manifest's). So a restore stages a split
 * namespace into one collection — parts read at once insert their disjoint `_id` ranges into it side
 * by side — builds its indexes once, and swaps once, after every part.
 */
async function openBackupArchive(source, options, parallelParts = 1) {
    const parts = source.manifest?.parts;
    if (!source.manifest || !parts || !source.backupId) {
        return (0,_stored_archive__WEBPACK_IMPORTED_MODULE_1__/* .openStoredArchive */ .a8)(source.storage, source.archiveKey, options);
    }
    return new PartsArchive(source, source.manifest, options, parallelParts);
}
class PartsArchive {
    layers = [];
    events;
    #opened;
    #source;
    #manifest;
    #options;
    #parallel;
    #closed = false;
    constructor(source, manifest, options, parallelParts) {
        this.#source = source;
        this.#manifest = manifest;
        this.#options = options;
        this.#opened = (manifest.parts?.archives ?? []).map(() => undefined);
        this.#parallel = Math.max(1, Math.min(parallelParts, this.#opened.length));
        this.events = this.#events();
    }
    #keyOf(index) {
        const part = this.#manifest.parts?.archives[index];
        return `${this.#source.backupId}/${part?.key}`;
    }
    async #open(index) {
        const opened = await (0,_stored_archive__WEBPACK_IMPORTED_MODULE_1__/* .openStoredArchive */ .a8)(this.#source.storage, this.#keyOf(index), this.#options);
        this.#opened[index] = opened;
        return opened;
    }
    /**
     * The parts' events merged: each part read in flight holds at most one event nobody took yet, so
     * memory grows with the number of parts read at once, never with their size. Parts are taken in
     * turn among those that have an event ready, so none waits behind another.
     */
    async *#events() {
        const archives = this.#manifest.parts?.archives ?? [];
        // How many parts hold each namespace: its EOF is passed on once all of them ended it, and only then.
        const holders = new Map();
        for (const archive of archives) {
            for (const ns of archive.namespaces) {
                const key = `${ns.db}.${ns.collection}`;
                holders.set(key, (holders.get(key) ?? 0) + 1);
            }
        }
        const ends = new Map();
        const partBytes = archives.map(() => new Map());
        const partStats = archives.map(() => undefined);
        const reading = new Map();
        const read = (index, iterator) => iterator.next().then((result) => ({ index, result }), (error) => ({ index, error }));
        let toOpen = 0;
        const openNext = async () => {
            const index = toOpen++;
            const iterator = (await this.#open(index)).events[Symbol.asyncIterator]();
            reading.set(index, { iterator, next: read(index, iterator) });
        };
        while (reading.size < this.#parallel && toOpen < archives.length)
            await openNext();
        let preluded = false;
        let last = -1;
        while (reading.size > 0 && !this.#closed) {
            // The part after the one last taken comes first among those ready: they take turns.
            const turn = (index) => (index - last - 1 + archives.length) % archives.length;
            const order = [...reading.keys()].sort((a, b) => turn(a) - turn(b));
            const step = await Promise.race(order.map((index) => reading.get(index).next));
            if ('error' in step)
                throw step.error;
            const { index, result } = step;
            const part = reading.get(index);
            if (result.done) {
                reading.delete(index);
                if (toOpen < archives.length && !this.#closed)
                    await openNext();
                continue;
            }
            last = index;
            const event = result.value;
            if (event.type === 'prelude') {
                if (!preluded) {
                    preluded = true;
                    this.layers.push(...(this.#opened[index]?.layers ?? []));
                    yield { type: 'prelude', header: event.header, namespaces: preludeOf(this.#manifest) };
                }
            }
            else if (event.type === 'documents') {
                const key = `${event.ns.db}.${event.ns.collection}`;
                const bytes = event.docs.reduce((sum, doc) => sum + doc.length, 0);
                const counted = partBytes[index];
                counted.set(key, (counted.get(key) ?? 0) + bytes);
                yield event;
            }
            else if (event.type === 'eof') {
                const key = `${event.ns.db}.${event.ns.collection}`;
                const listed = listedName(this.#manifest, event.ns.db, event.ns.collection);
                this.#checkPartCrc(index, listed, event.crc);
                const ended = ends.get(key) ?? new Map();
                ends.set(key, ended);
                ended.set(index, { crc: event.crc, bytes: partBytes[index]?.get(key) ?? 0 });
                if (ended.size === holders.get(listed)) {
                    const crc = combineInPartOrder(ended);
                    yield { type: 'eof', ns: event.ns, crc, computedCrc: crc };
                }
            }
            else {
                partStats[index] = event.stats;
            }
            part.next = read(index, part.iterator);
        }
        if (this.#closed)
            return;
        yield { type: 'end', stats: sumStats(partStats) };
    }
    /** A part's namespace CRC against its part record, as finalize recorded it: a mismatch names the part. */
    #checkPartCrc(index, listed, crc) {
        const archive = this.#manifest.parts?.archives[index];
        const recorded = archive?.namespaces.find((ns) => `${ns.db}.${ns.collection}` === listed)?.crc;
        if (!archive || recorded === undefined || BigInt(`0x${recorded}`) === crc)
            return;
        throw new _stored_archive__WEBPACK_IMPORTED_MODULE_1__/* .ArchiveStageError */ .t0('parse', `part ${archive.part} (${archive.key}) is damaged: ${listed} has CRC-64 ${crc.toString(16).padStart(16, '0')}, its part record says ${recorded}`);
    }
    async digest(drain) {
        const archives = this.#manifest.parts?.archives ?? [];
        const digests = [];
        for (let index = 0; index < archives.length; index++) {
            let opened = this.#opened[index];
            if (!opened) {
                if (!drain) {
                    digests.push({ sha256: '', bytes: 0, complete: false });
                    continue;
                }
                opened = await this.#open(index);
            }
            digests.push(await opened.digest(drain));
        }
        const complete = digests.every((d) => d.complete);
        const changed = archives
            .filter((archive, index) => digests[index]?.complete && digests[index]?.sha256 !== archive.sha256)
            .map((archive) => `part ${archive.part} (${archive.key})`);
        return {
            sha256: (0,_shipkit_backup__WEBPACK_IMPORTED_MODULE_2__/* .partsDigest */ .DN)(digests),
            bytes: digests.reduce((sum, d) => sum + d.bytes, 0),
            complete,
            ...(changed.length > 0 ? { changed } : {}),
        };
    }
    async close() {
        this.#closed = true;
        for (const opened of this.#opened)
            await opened?.close();
    }
}
/** The prelude of the whole backup, from the manifest: what each part's prelude says of its namespaces. */
function preludeOf(manifest) {
    return manifest.namespaces.map((ns) => {
        const metadata = {
            options: ns.options,
            indexes: ns.indexes,
            ...(ns.uuid ? { uuid: ns.uuid } : {}),
            collectionName: ns.collection,
            type: ns.type,
        };
        const rawMetadata = JSON.stringify(metadata);
        return {
            db: ns.db,
            collection: ns.collection,
            type: ns.type,
            metadata: mongodb__WEBPACK_IMPORTED_MODULE_0__.BSON.EJSON.parse(rawMetadata, { relaxed: false }),
            rawMetadata,
        };
    });
}
/** The name the manifest lists a namespace under (a time-series collection's data is in system.buckets.). */
function listedName(manifest, db, collection) {
    const bucket = 'system.buckets.';
    if (collection.startsWith(bucket)) {
        const listed = manifest.namespaces.find((ns) => ns.db === db && ns.collection === collection.slice(bucket.length) && ns.type === 'timeseries');
        if (listed)
            return `${db}.${listed.collection}`;
    }
    return `${db}.${collection}`;
}
/** A namespace's CRC over the parts holding it: their CRCs combined in part order. */
function combineInPartOrder(ends) {
    let crc;
    for (const [, end] of [...ends].sort(([a], [b]) => a - b)) {
        crc = crc === undefined ? end.crc : (0,_shipkit_archive__WEBPACK_IMPORTED_MODULE_3__/* .combineCrc64 */ .wu)(crc, end.crc, end.bytes);
    }
    return crc ?? 0n;
}
/** The archive statistics over every part read to its end, namespaces combined in part order. */
function sumStats(parts) {
    const totals = new Map();
    let documents = 0;
    let archiveBytes = 0;
    for (const stats of parts) {
        if (!stats)
            continue;
        for (const ns of stats.namespaces) {
            const key = `${ns.db}.${ns.collection}`;
            const sum = totals.get(key);
            totals.set(key, sum
                ? {
                    ...sum,
                    count: sum.count + ns.count,
                    bytes: sum.bytes + ns.bytes,
                    crc: (0,_shipkit_archive__WEBPACK_IMPORTED_MODULE_3__/* .combineCrc64 */ .wu)(sum.crc, ns.crc, ns.bytes),
                    closed: ns.closed,
                }
                : { ...ns });
        }
        documents += stats.documents;
        archiveBytes += stats.archiveBytes;
    }
    return { namespaces: [...totals.values()], documents, archiveBytes };
}


/***/ })

};
