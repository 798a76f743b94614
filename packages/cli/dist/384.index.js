export const id = 384;
export const ids = [384];
export const modules = {

/***/ 7983:
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

/***/ 3384:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cw: () => (/* binding */ listBackups),
/* harmony export */   SC: () => (/* binding */ findBackup),
/* harmony export */   p2: () => (/* binding */ resolveBackup)
/* harmony export */ });
/* unused harmony export readManifest */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_stream_consumers__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8321);
/* harmony import */ var node_stream_consumers__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_stream_consumers__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3422);
/* harmony import */ var _shipkit_storage__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(1909);
/* harmony import */ var _anomaly__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4678);
/* harmony import */ var _layout__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9053);
/* harmony import */ var _manifest__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8410);
/* harmony import */ var _verification__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8860);








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
            throw new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .y(`No ${ref === 'latest' ? 'complete' : 'verified'} backup found at ${storage.describe('')}` +
                (entries.length > 0 ? ` (${describeStates(entries)}; \`shipkit list\` shows why).` : '.'));
        }
        return { entry, passedOver: entries.slice(0, index).filter((e) => e.state === 'damaged') };
    }
    if (!(0,_layout__WEBPACK_IMPORTED_MODULE_3__/* .isBackupId */ ["if"])(ref)) {
        throw new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .y(`'${ref}' is not a backup id (e.g. 2026-11-25T030000Z-1a2b3c) nor 'latest'.`);
    }
    const entry = await findBackup(storage, ref);
    if (!entry)
        throw new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .y(`Backup ${ref} does not exist at ${storage.describe('')}.`);
    if (entry.state === 'incomplete') {
        throw new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .y(`Backup ${ref} has no manifest at ${storage.describe(`${ref}/${_layout__WEBPACK_IMPORTED_MODULE_3__/* .MANIFEST_NAME */ .ir}`)}: it is incomplete ` +
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
        if (!(0,_layout__WEBPACK_IMPORTED_MODULE_3__/* .isBackupId */ ["if"])(id))
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
        time: (0,_layout__WEBPACK_IMPORTED_MODULE_3__/* .backupIdTime */ .NB)(id),
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
    const manifestObject = byName.get(_layout__WEBPACK_IMPORTED_MODULE_3__/* .MANIFEST_NAME */ .ir);
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
            entry.manifest = (0,_manifest__WEBPACK_IMPORTED_MODULE_4__/* .parseManifest */ .Ng)(manifestText, _layout__WEBPACK_IMPORTED_MODULE_3__/* .MANIFEST_NAME */ .ir);
            entry.manifestSha256 = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(manifestText).digest('hex');
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
        for (const expected of (0,_manifest__WEBPACK_IMPORTED_MODULE_4__/* .storedArchives */ .B6)(manifest)) {
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
        const records = [...byName].filter(([name]) => (0,_verification__WEBPACK_IMPORTED_MODULE_5__/* .isVerificationName */ .pK)(name));
        for (const [name, object] of records) {
            const recordText = await readSmall(storage, object.key, object.size, MAX_RECORD_BYTES);
            if (recordText === undefined)
                continue;
            if (recordText instanceof Error) {
                damage.push(recordText.message);
                continue;
            }
            const verdict = (0,_verification__WEBPACK_IMPORTED_MODULE_5__/* .judgeRecord */ .dy)(name, recordText, id, manifest, entry.manifestSha256);
            if ('damage' in verdict)
                damage.push(verdict.damage);
            else
                entry.verifications.push(verdict.summary);
        }
    }
    if (manifest?.anomaly) {
        entry.anomaly = manifest.anomaly;
        const acknowledged = manifest.anomaly.acceptedAt ?? (await readAck(storage, entry, byName.get(_anomaly__WEBPACK_IMPORTED_MODULE_6__/* .ANOMALY_ACK_NAME */ .Qm)));
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
    if ((0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(recordText).digest('hex') !== part.recordSha256) {
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
    const verdict = (0,_anomaly__WEBPACK_IMPORTED_MODULE_6__/* .judgeAck */ .Jg)(text, entry.id, entry.manifestSha256);
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
        const stronger = best ? (0,_verification__WEBPACK_IMPORTED_MODULE_5__/* .verificationStrength */ .xn)(summary.mode) - (0,_verification__WEBPACK_IMPORTED_MODULE_5__/* .verificationStrength */ .xn)(best.mode) : 1;
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
        return await (0,node_stream_consumers__WEBPACK_IMPORTED_MODULE_1__.text)(await storage.get(key));
    }
    catch (error) {
        if (error instanceof _shipkit_storage__WEBPACK_IMPORTED_MODULE_7__/* .ObjectNotFoundError */ .d_)
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


/***/ }),

/***/ 8410:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B6: () => (/* binding */ storedArchives),
/* harmony export */   Bk: () => (/* binding */ archiveDigest),
/* harmony export */   DN: () => (/* binding */ partsDigest),
/* harmony export */   Ng: () => (/* binding */ parseManifest),
/* harmony export */   VK: () => (/* binding */ MANIFEST_FORMAT_VERSION),
/* harmony export */   aU: () => (/* binding */ partNamespaceSchema),
/* harmony export */   i5: () => (/* binding */ sumParts),
/* harmony export */   mE: () => (/* binding */ archiveEncoding),
/* harmony export */   rc: () => (/* binding */ manifestSchema),
/* harmony export */   x1: () => (/* binding */ MULTI_PART_FORMAT_VERSION)
/* harmony export */ });
/* unused harmony exports namespaceEntrySchema, partArchiveSchema, partsSchema, manifestJsonSchema */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _shipkit_archive__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7983);
/* harmony import */ var _shipkit_mongo__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4573);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7821);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3477);
/* harmony import */ var _anomaly__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4678);
/* harmony import */ var _ids__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1397);
/* harmony import */ var _layout__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9053);







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

/***/ 8860:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HH: () => (/* binding */ verificationName),
/* harmony export */   TQ: () => (/* binding */ VERIFICATION_FORMAT_VERSION),
/* harmony export */   dy: () => (/* binding */ judgeRecord),
/* harmony export */   pK: () => (/* binding */ isVerificationName),
/* harmony export */   v4: () => (/* binding */ VERIFY_MODES),
/* harmony export */   xn: () => (/* binding */ verificationStrength)
/* harmony export */ });
/* unused harmony exports LEGACY_VERIFICATION_NAME, verificationRecordSchema, legacyVerificationSchema */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7821);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3477);
/* harmony import */ var _manifest__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1397);
/* harmony import */ var _manifest__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8410);


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

/***/ 4573:
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

/***/ 1909:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Mb: () => (/* binding */ DestinationWriteError),
/* harmony export */   d_: () => (/* binding */ ObjectNotFoundError),
/* harmony export */   j0: () => (/* binding */ RetainedByLockError),
/* harmony export */   qs: () => (/* binding */ ObjectExistsError)
/* harmony export */ });
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3422);

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


/***/ })

};
