export const id = 828;
export const ids = [828];
export const modules = {

/***/ 1336:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ ArchiveFormatError)
/* harmony export */ });
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


/***/ }),

/***/ 9620:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qz: () => (/* binding */ TERMINATOR),
/* harmony export */   bJ: () => (/* binding */ MAX_DOCUMENT_SIZE),
/* harmony export */   dz: () => (/* binding */ namespaceName),
/* harmony export */   gG: () => (/* binding */ ARCHIVE_VERSION),
/* harmony export */   jU: () => (/* binding */ namespaceKey),
/* harmony export */   mF: () => (/* binding */ NAMESPACE_TYPES),
/* harmony export */   p8: () => (/* binding */ BUCKETS_PREFIX),
/* harmony export */   r8: () => (/* binding */ MIN_DOCUMENT_SIZE),
/* harmony export */   rb: () => (/* binding */ ARCHIVE_MAGIC),
/* harmony export */   tL: () => (/* binding */ toNamespace),
/* harmony export */   y8: () => (/* binding */ isOplog)
/* harmony export */ });
/* unused harmony export OPLOG_NAMESPACE */
// Constants and names of the mongodump archive format (see the package README).
/** The first four bytes of every archive (uint32 0x8199E26D, little-endian). */
const ARCHIVE_MAGIC = Buffer.from([0x6d, 0xe2, 0x99, 0x81]);
/** int32 -1: ends a block. */
const TERMINATOR = Buffer.from([0xff, 0xff, 0xff, 0xff]);
const ARCHIVE_VERSION = '0.1';
/** Smallest BSON document: an int32 length and the closing 0x00. */
const MIN_DOCUMENT_SIZE = 5;
/** The server's 16 MiB document limit plus the slack the server allows for internal documents. */
const MAX_DOCUMENT_SIZE = 16 * 1024 * 1024 + 16 * 1024;
const NAMESPACE_TYPES = ['collection', 'view', 'timeseries'];
const OPLOG_NAMESPACE = Object.freeze({ db: '', collection: 'oplog' });
/** Pre-8.3 servers dump a time-series collection's data under this collection name. */
const BUCKETS_PREFIX = 'system.buckets.';
function isOplog(ns) {
    return ns.db === '' && ns.collection === 'oplog';
}
/** `db.collection`, or `oplog` for the oplog pseudo-namespace. */
function namespaceName(ns) {
    return isOplog(ns) ? 'oplog' : `${ns.db}.${ns.collection}`;
}
/** An unambiguous map key (collection names may contain dots, database names may not). */
function namespaceKey(ns) {
    return `${ns.db}\u0000${ns.collection}`;
}
/**
 * Accepts `{ db, collection }` or `'db.collection'` (split at the first dot; database names have no
 * dots). The string `'oplog'` is not special: pass `OPLOG_NAMESPACE` for the oplog.
 */
function toNamespace(ns) {
    if (typeof ns !== 'string')
        return { db: ns.db, collection: ns.collection };
    const dot = ns.indexOf('.');
    if (dot <= 0 || dot === ns.length - 1) {
        throw new TypeError(`namespace "${ns}" is not of the form "db.collection"`);
    }
    return { db: ns.slice(0, dot), collection: ns.slice(dot + 1) };
}


/***/ }),

/***/ 7158:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ng: () => (/* binding */ connect),
/* harmony export */   Zf: () => (/* binding */ disconnect),
/* harmony export */   _D: () => (/* binding */ probeServer)
/* harmony export */ });
/* unused harmony exports serverFactsFrom, connectionTarget, invalidUriError, connectionError */
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9196);
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3181);
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3422);
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(770);
/* harmony import */ var mongodb__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5226);



const DEFAULT_MAX_BSON_OBJECT_SIZE = 16 * 1024 * 1024;
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
    const redactor = new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_2__/* .Redactor */ .pO();
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
    const client = new mongodb__WEBPACK_IMPORTED_MODULE_1__.MongoClient(uri, driverOptions);
    if (options.timeoutMs === undefined)
        return client;
    return new mongodb__WEBPACK_IMPORTED_MODULE_1__.MongoClient(uri, {
        ...driverOptions,
        serverSelectionTimeoutMS: options.timeoutMs,
        connectTimeoutMS: Math.min(options.timeoutMs, client.options.connectTimeoutMS),
    });
}
/**
 * Closes a client without letting a server that stopped answering hold the run: whatever the close
 * still waits for (killCursors, a new connection's handshake) is abandoned after `graceMs`.
 */
async function disconnect(client, graceMs = _shipkit_runtime__WEBPACK_IMPORTED_MODULE_3__/* .CLEANUP_TIMEOUT_MS */ .aE) {
    const gaveUp = new AbortController();
    const closed = client.close().catch(() => { });
    await Promise.race([closed, (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setTimeout)(graceMs, undefined, { signal: gaveUp.signal }).catch(() => { })]);
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
    const onStop = () => setTimeout(() => void disconnect(client), _shipkit_runtime__WEBPACK_IMPORTED_MODULE_3__/* .CLEANUP_TIMEOUT_MS */ .aE).unref();
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
    return new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .y(`The MongoDB URI is not valid: ${reason}. ` +
        'Expected mongodb://user:password@host:port/?options or mongodb+srv://user:password@cluster-host/, ' +
        'with special characters in the user and password percent-encoded.');
}
const AUTHENTICATION_FAILED = 18;
/** Turns a failure to connect into a UserError that says what to check; other errors pass through. */
function connectionError(error, target, redactor) {
    const within = (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_5__/* .formatDuration */ .a3)(target.timeoutMs);
    const where = target.hosts.join(', ') || 'the MongoDB server';
    if (isAuthenticationFailure(error)) {
        const user = target.username ?? '';
        return new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .y(`Connecting to the MongoDB server: authentication failed for user '${user}'. ` +
            'Check the user name and password in the MongoDB URI, and authSource if the user is not defined in admin.');
    }
    if (error instanceof ServersRefusedError) {
        const reason = redact(error.message, redactor);
        if (error.code === 'ENOTFOUND') {
            return new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .y(`Could not reach ${where}: the DNS lookup failed (${reason}). Check the host name in the MongoDB URI.`);
        }
        const what = error.code === 'ECONNREFUSED' ? 'the connection was refused' : 'there is no route to it';
        return new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .y(`Could not reach ${where}: ${what} (${reason}). Check the host and port, and that the server is ` +
            'running and reachable from here.');
    }
    const dns = dnsFailure(error);
    if (dns) {
        return new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .y(`Could not reach ${where} within ${within}: the DNS lookup failed (${dns}). ` +
            'Check the host name in the MongoDB URI.');
    }
    if (isUnreachable(error)) {
        const reason = redact(reachabilityReason(error), redactor);
        return new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .y(`Could not reach ${where} within ${within}${reason ? ` (${reason})` : ''}. ` +
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
        if (each instanceof mongodb__WEBPACK_IMPORTED_MODULE_1__.MongoServerError && each.code === AUTHENTICATION_FAILED)
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


/***/ }),

/***/ 520:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   eD: () => (/* binding */ globWildcards),
/* harmony export */   eJ: () => (/* binding */ fillGlob),
/* harmony export */   fg: () => (/* binding */ isGlob),
/* harmony export */   kt: () => (/* binding */ matchesGlob),
/* harmony export */   sO: () => (/* binding */ globSource)
/* harmony export */ });
/* unused harmony export globToRegExp */
function tokens(pattern, options) {
    const out = [];
    for (let i = 0; i < pattern.length; i++) {
        const char = pattern[i];
        if (char === '*' && pattern[i + 1] === '*') {
            out.push({ kind: 'anyDeep' });
            i += 1;
        }
        else if (char === '*')
            out.push({ kind: 'any' });
        else if (char === '?' && !options.literalQuestionMark)
            out.push({ kind: 'one' });
        else
            out.push({ kind: 'text', text: char });
    }
    return out;
}
function escapeRegExp(text) {
    return text.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&');
}
/** The regular expression source of a pattern, unanchored; each wildcard is a capturing group. */
function globSource(pattern, options = {}) {
    const notSeparator = options.separator === undefined ? '.' : `[^${options.separator.replace(/[\\\]^-]/g, '\\$&')}]`;
    const source = (token) => {
        if (token.kind === 'text')
            return escapeRegExp(token.text);
        if (token.kind === 'any')
            return `(${notSeparator}*)`;
        if (token.kind === 'anyDeep')
            return '(.*)';
        return `(${notSeparator})`;
    };
    return tokens(pattern, options).map(source).join('');
}
const cache = new Map();
/** The whole-string matcher of a pattern (compiled once per pattern and options). */
function globToRegExp(pattern, options = {}) {
    const key = `${options.separator ?? ''}\0${options.literalQuestionMark ? 1 : 0}\0${pattern}`;
    let compiled = cache.get(key);
    if (!compiled) {
        compiled = new RegExp(`^${globSource(pattern, options)}$`, 's');
        cache.set(key, compiled);
    }
    return compiled;
}
function matchesGlob(text, pattern, options = {}) {
    return globToRegExp(pattern, options).test(text);
}
/** Whether a pattern holds a wildcard at all (otherwise it is compared as it is). */
function isGlob(pattern, options = {}) {
    return tokens(pattern, options).some((token) => token.kind !== 'text');
}
/** How many wildcards a pattern has: what a rename's two sides must agree on. */
function globWildcards(pattern, options = {}) {
    return tokens(pattern, options).filter((token) => token.kind !== 'text').length;
}
/** `pattern` with its wildcards replaced, in order, by `captures` (what another pattern's wildcards matched). */
function fillGlob(pattern, captures, options = {}) {
    let next = 0;
    return tokens(pattern, options)
        .map((token) => (token.kind === 'text' ? token.text : (captures[next++] ?? '')))
        .join('');
}


/***/ }),

/***/ 6306:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ MemoryKeeper)
/* harmony export */ });
/* harmony import */ var node_v8__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8877);
/* harmony import */ var node_v8__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_v8__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_vm__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(714);
/* harmony import */ var node_vm__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_vm__WEBPACK_IMPORTED_MODULE_1__);


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
    (0,node_v8__WEBPACK_IMPORTED_MODULE_0__.setFlagsFromString)('--semi-space-growth-factor=1');
}
let collect;
/** V8's `gc()`, or null where it cannot be had. */
function fullCollection() {
    if (collect === undefined) {
        try {
            // The flag exposes `gc` to contexts created after it is set: create one and take it from there.
            (0,node_v8__WEBPACK_IMPORTED_MODULE_0__.setFlagsFromString)('--expose-gc');
            collect = (0,node_vm__WEBPACK_IMPORTED_MODULE_1__.runInNewContext)('gc');
        }
        catch {
            collect = null;
        }
    }
    return collect;
}


/***/ }),

/***/ 6546:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ ProgressReporter)
/* harmony export */ });
/* harmony import */ var _format__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(770);

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
        const parts = [`${this.options.label}: ${(0,_format__WEBPACK_IMPORTED_MODULE_0__/* .formatBytes */ .z3)(this.bytes)}`];
        const { totalBytes, totalDocuments } = this.options;
        if (totalBytes)
            parts[0] += ` of ${(0,_format__WEBPACK_IMPORTED_MODULE_0__/* .formatBytes */ .z3)(totalBytes)} (${percent(this.bytes, totalBytes)})`;
        parts.push(`${(0,_format__WEBPACK_IMPORTED_MODULE_0__/* .formatCount */ .B4)(this.documents)} docs`);
        if (totalDocuments && !totalBytes)
            parts[1] += ` of ${(0,_format__WEBPACK_IMPORTED_MODULE_0__/* .formatCount */ .B4)(totalDocuments)} (${percent(this.documents, totalDocuments)})`;
        parts.push(`${(0,_format__WEBPACK_IMPORTED_MODULE_0__/* .formatBytes */ .z3)(Math.round(bytesPerSecond))}/s`);
        const eta = this.etaMs(elapsedMs);
        if (eta !== undefined)
            parts.push(`ETA ${(0,_format__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(eta)}`);
        parts.push(`elapsed ${(0,_format__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(elapsedMs)}`);
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


/***/ })

};
