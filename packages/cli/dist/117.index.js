export const id = 117;
export const ids = [117];
export const modules = {

/***/ 4117:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  G_: () => (/* reexport */ ATLAS_ID),
  AtlasClient: () => (/* reexport */ AtlasClient),
  H9: () => (/* reexport */ CLUSTER_NAME),
  D0: () => (/* reexport */ RestoreNotConfirmedError),
  hM: () => (/* reexport */ checkPolicy),
  _z: () => (/* reexport */ checkSnapshotFreshness),
  DJ: () => (/* reexport */ credentialSecrets),
  K$: () => (/* reexport */ describeCluster),
  v2: () => (/* reexport */ exportSnapshot),
  uU: () => (/* reexport */ parseDesiredPolicy),
  rW: () => (/* reexport */ parseZonedTime),
  q8: () => (/* reexport */ planRestore),
  realAtlasDeps: () => (/* reexport */ realAtlasDeps),
  aK: () => (/* reexport */ requireTier),
  DK: () => (/* reexport */ startRestore),
  El: () => (/* reexport */ takeOnDemandSnapshot)
});

// UNUSED EXPORTS: API_VERSIONS, ATLAS_BASE_URL, AtlasApiError, AtlasAuthError, AtlasDeadlineError, AtlasMaybeReceivedError, AtlasTransport, DEFAULT_RETRY, TIER_OFFERS, UnsupportedTierError, backoffDelay, checkConfirmation, comparePolicy, createOnce, desiredPolicySchema, mayResend, parseRetryAfter, requireBackupEnabled, tierOf

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ../atlas/src/auth.ts

/** Every value of the credentials that must never be shown: the edge registers them with its redactor. */
function credentialSecrets(credentials) {
    return credentials.kind === 'service-account'
        ? [credentials.clientSecret, basicAuth(credentials.clientId, credentials.clientSecret)]
        : [credentials.privateKey];
}
function basicAuth(user, password) {
    return Buffer.from(`${user}:${password}`).toString('base64');
}
/** Renew a token this long before it expires, or at 10% of its lifetime when that is longer. */
const TOKEN_RENEW_MARGIN_MS = 60_000;
/** Whether a cached token is still good for a request sent at `now`. */
function tokenIsFresh(token, now, lifetimeMs) {
    if (!token)
        return false;
    const margin = Math.max(TOKEN_RENEW_MARGIN_MS, lifetimeMs / 10);
    return token.expiresAt - now > margin;
}
/** The Digest challenge in a `WWW-Authenticate` header, or undefined when there is none. */
function parseDigestChallenge(header) {
    if (!header || !/^\s*Digest\s/i.test(header))
        return undefined;
    const params = {};
    for (const match of header.replace(/^\s*Digest\s+/i, '').matchAll(/([a-zA-Z]+)=(?:"([^"]*)"|([^,\s]*))/g)) {
        params[(match[1] ?? '').toLowerCase()] = match[2] ?? match[3] ?? '';
    }
    if (params.realm === undefined || !params.nonce)
        return undefined;
    return {
        realm: params.realm,
        nonce: params.nonce,
        ...(params.qop ? { qop: params.qop } : {}),
        ...(params.opaque ? { opaque: params.opaque } : {}),
        ...(params.algorithm ? { algorithm: params.algorithm } : {}),
        stale: /^true$/i.test(params.stale ?? ''),
    };
}
const md5 = (text) => (0,external_node_crypto_.createHash)('md5').update(text).digest('hex');
/**
 * The `Authorization` header answering a Digest challenge (RFC 7616 with MD5 and qop=auth, which is what
 * Atlas asks for). `nc` counts the uses of the challenge's nonce.
 */
function digestAuthorization(challenge, request) {
    const qop = challenge.qop
        ?.split(',')
        .map((q) => q.trim())
        .includes('auth')
        ? 'auth'
        : undefined;
    const nc = request.nc.toString(16).padStart(8, '0');
    const cnonce = request.cnonce ?? (0,external_node_crypto_.randomBytes)(8).toString('hex');
    const ha1 = md5(`${request.username}:${challenge.realm}:${request.password}`);
    const ha2 = md5(`${request.method}:${request.uri}`);
    const response = qop
        ? md5(`${ha1}:${challenge.nonce}:${nc}:${cnonce}:${qop}:${ha2}`)
        : md5(`${ha1}:${challenge.nonce}:${ha2}`);
    const fields = [
        `username="${request.username}"`,
        `realm="${challenge.realm}"`,
        `nonce="${challenge.nonce}"`,
        `uri="${request.uri}"`,
        `response="${response}"`,
        ...(challenge.algorithm ? [`algorithm=${challenge.algorithm}`] : []),
        ...(challenge.opaque ? [`opaque="${challenge.opaque}"`] : []),
        ...(qop ? [`qop=${qop}`, `nc=${nc}`, `cnonce="${cnonce}"`] : []),
    ];
    return `Digest ${fields.join(', ')}`;
}

// EXTERNAL MODULE: ../../node_modules/zod/v4/classic/schemas.js + 6 modules
var schemas = __webpack_require__(7821);
// EXTERNAL MODULE: ../action-kit/src/errors.ts
var errors = __webpack_require__(8691);
;// CONCATENATED MODULE: ../atlas/src/errors.ts

/**
 * An error from the Atlas Administration API that the user can act on. `status` is the HTTP status and
 * `errorCode` Atlas's application code (`CLUSTER_NOT_FOUND`…) when there was an answer.
 */
class AtlasApiError extends errors/* UserError */.y {
    status;
    errorCode;
    name = 'AtlasApiError';
    constructor(message, status, errorCode) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }
}
/** Atlas did not accept the credentials (HTTP 401, or the token endpoint refused them). */
class AtlasAuthError extends AtlasApiError {
    name = 'AtlasAuthError';
}
/**
 * A request that creates something failed in a way Atlas may have acted on (a 5xx, a timeout, a dropped
 * connection); it was not sent again. `attempts` counts the tries made.
 */
class AtlasMaybeReceivedError extends AtlasApiError {
    attempts;
    name = 'AtlasMaybeReceivedError';
    constructor(message, attempts, status, errorCode) {
        super(message, status, errorCode);
        this.attempts = attempts;
    }
}
/**
 * The run's deadline passed (or it was interrupted) before a network operation could finish. Not a
 * `UserError`: like a job that times out, it is a failed run (exit 1), not bad input.
 */
class AtlasDeadlineError extends Error {
    name = 'AtlasDeadlineError';
}
/** The operation does not exist for the cluster's tier (M0 has no Cloud Backup; Flex no on-demand snapshots…). */
class UnsupportedTierError extends errors/* UserError */.y {
    tier;
    operation;
    name = 'UnsupportedTierError';
    constructor(message, tier, operation) {
        super(message);
        this.tier = tier;
        this.operation = operation;
    }
}
/**
 * A restore that replaces every document of its target was asked for without the exact name of that
 * target as confirmation. `expected` is the name to type; the edge says where to type it.
 */
class RestoreNotConfirmedError extends errors/* UserError */.y {
    expected;
    given;
    name = 'RestoreNotConfirmedError';
    constructor(message, expected, given) {
        super(message);
        this.expected = expected;
        this.given = given;
    }
}

// EXTERNAL MODULE: ../action-kit/src/log.ts
var log = __webpack_require__(5900);
;// CONCATENATED MODULE: ../atlas/src/http.ts



const ATLAS_BASE_URL = 'https://cloud.mongodb.com';
const API_PREFIX = '/api/atlas/v2';
const TOKEN_PATH = '/api/oauth/token';
/**
 * The version date each family of endpoints is called with (`Accept: application/vnd.atlas.<date>+json`).
 * Atlas answers 406 to a date an endpoint does not have, so every request names its family.
 */
const API_VERSIONS = {
    cluster: '2024-08-05',
    clusterStatus: '2023-01-01',
    flex: '2024-11-13',
    snapshots: '2023-01-01',
    exports: '2023-01-01',
    exportBuckets: '2024-05-30',
    restoreJobs: '2023-01-01',
    schedule: '2024-08-05',
    compliancePolicy: '2023-10-01',
    databaseUsers: '2023-01-01',
};
/** The real network and clock; sleeps end early (rejecting) when `signal` aborts. */
function realAtlasDeps(signal) {
    return {
        fetch: globalThis.fetch,
        sleep: (ms) => new Promise((resolve, reject) => {
            if (signal?.aborted)
                return reject(signal.reason);
            const timer = setTimeout(() => {
                signal?.removeEventListener('abort', onAbort);
                resolve();
            }, ms);
            const onAbort = () => {
                clearTimeout(timer);
                reject(signal?.reason);
            };
            signal?.addEventListener('abort', onAbort, { once: true });
        }),
        now: Date.now,
        random: Math.random,
        logger: log/* silentLogger */.qq,
    };
}
const DEFAULT_RETRY = {
    attempts: 6,
    baseDelayMs: 1000,
    maxDelayMs: 30_000,
    requestTimeoutMs: 30_000,
};
/** Exponential backoff with equal jitter: retry n waits between half and all of base·2ⁿ⁻¹ (capped). */
function backoffDelay(retry, policy, random) {
    const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
    return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
/** `Retry-After` as delta-seconds or an HTTP date → milliseconds; undefined when absent or unreadable. */
function parseRetryAfter(header, now) {
    const value = header?.trim();
    if (!value)
        return undefined;
    if (/^\d+(\.\d+)?$/.test(value))
        return Math.round(Number(value) * 1000);
    const date = Date.parse(value);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
/**
 * Socket errors raised before a request is written: refused, unreachable, no such host. Anything else (a
 * reset, a timeout) may come after Atlas got the request.
 */
const NOT_SENT_CODES = new Set([
    'ECONNREFUSED',
    'ENOTFOUND',
    'EAI_AGAIN',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'UND_ERR_CONNECT_TIMEOUT',
]);
/**
 * The retry decision for every request this package sends: whether a failed attempt may be sent again as
 * it is. A read always may. A request that creates something (a snapshot, an export, a restore job, a
 * database user) only when Atlas certainly did not act on it: nothing was sent, or Atlas answered 429
 * (rate limited: nothing was processed) or 401 (not authenticated: nothing was processed). After a 5xx,
 * a timeout or a dropped connection it may have, and the caller reconciles (see `createOnce`).
 */
function mayResend(request, failure) {
    if (request.idempotent ?? request.method === 'GET')
        return true;
    if ('status' in failure)
        return failure.status === 429 || failure.status === 401;
    const code = failure.thrown?.cause?.code;
    return typeof code === 'string' && NOT_SENT_CODES.has(code);
}
/** Atlas's error body: `{error, errorCode, detail, reason, parameters}`; an OAuth error: `{error, error_description}`. */
function atlasError(body) {
    if (typeof body !== 'object' || body === null) {
        return typeof body === 'string' && body.trim() ? { detail: shorten(body.trim()) } : {};
    }
    const record = body;
    const errorCode = typeof record.errorCode === 'string' && record.errorCode
        ? record.errorCode
        : typeof record.error === 'string' && record.error
            ? record.error
            : undefined;
    const detail = [record.detail, record.error_description, record.reason].find((value) => typeof value === 'string' && value.trim() !== '');
    return { ...(errorCode ? { errorCode } : {}), ...(detail ? { detail: shorten(detail) } : {}) };
}
function shorten(text) {
    return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
/** Why a fetch threw: a timeout, a socket error code (ECONNREFUSED…) or the message. */
function networkReason(thrown) {
    const error = (typeof thrown === 'object' && thrown !== null ? thrown : {});
    if (error.name === 'TimeoutError')
        return 'no response in time';
    const reason = error.cause?.code ?? error.cause?.message ?? error.message;
    return typeof reason === 'string' && reason ? reason : (0,errors/* errorMessage */.g)(thrown);
}
function seconds(ms) {
    return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)}s`;
}
/** A service-account token lives an hour (`expires_in: 3600`) unless Atlas says otherwise. */
const DEFAULT_TOKEN_LIFETIME_MS = 3_600_000;
/**
 * Sends requests to the Atlas Administration API: versioned `Accept` headers, a service account's bearer
 * token (cached, renewed before it expires and once more when Atlas rejects it) or HTTP Digest for API
 * keys, retries with backoff (`Retry-After` honoured) for what {@link mayResend} allows, a time limit for
 * every request within the run's deadline, and errors that name the project, the cluster and Atlas's
 * `errorCode`.
 */
class AtlasTransport {
    options;
    deps;
    origin;
    policy;
    token;
    tokenLifetimeMs = DEFAULT_TOKEN_LIFETIME_MS;
    pendingToken;
    digest;
    constructor(options, deps) {
        this.options = options;
        this.deps = deps;
        this.origin = (options.baseUrl ?? ATLAS_BASE_URL).replace(/\/+$/, '');
        this.policy = { ...DEFAULT_RETRY, ...options.retry };
    }
    /** Sends a request and returns its 2xx answer; anything else is thrown as an {@link AtlasApiError}. */
    async send(request, policy = this.policy) {
        const { deps } = this;
        const url = this.url(request);
        // A 401 processed nothing: a new token, or the Digest challenge answered, and the request goes again.
        let reauthenticated = false;
        let challenges = 0;
        for (let attempt = 1;; attempt++) {
            const isLast = attempt >= policy.attempts;
            const timeoutMs = this.requestTimeout(request.what, policy);
            const authorization = await this.authorization(request.method, url);
            let response;
            try {
                response = await deps.fetch(url, {
                    method: request.method,
                    headers: {
                        accept: `application/vnd.atlas.${request.version}+json`,
                        ...(request.body === undefined
                            ? {}
                            : { 'content-type': `application/vnd.atlas.${request.version}+json` }),
                        ...(authorization ? { authorization } : {}),
                    },
                    ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
                    signal: this.requestSignal(timeoutMs),
                });
            }
            catch (thrown) {
                this.throwIfStopped(request.what);
                const reason = networkReason(thrown);
                if (!mayResend(request, { thrown })) {
                    throw new AtlasMaybeReceivedError(`Could not ${request.what}: ${reason} (the request may have reached Atlas).`, attempt);
                }
                if (isLast) {
                    throw new AtlasApiError(`Could not ${request.what}: ${reason} (after ${attempt} attempts).`);
                }
                await this.pause(backoffDelay(attempt, policy, deps.random), `Could not ${request.what} (${reason})`, request.what);
                continue;
            }
            const body = await readBody(response);
            if (response.ok)
                return { status: response.status, body, attempts: attempt };
            if (response.status === 401) {
                // Not authenticated: Atlas processed nothing, so even a POST may be sent again, once.
                const challenge = parseDigestChallenge(response.headers.get('www-authenticate'));
                if (this.options.credentials.kind === 'api-key' &&
                    challenge &&
                    (challenges === 0 || (challenge.stale && challenges < 3))) {
                    challenges += 1;
                    this.digest = { challenge, nc: 0 };
                    attempt--;
                    continue;
                }
                if (this.options.credentials.kind === 'service-account' && !reauthenticated) {
                    reauthenticated = true;
                    this.token = undefined;
                    deps.logger.debug(`Atlas did not accept the access token to ${request.what}: getting a new one.`);
                    attempt--;
                    continue;
                }
                throw this.failure(response.status, body, request, attempt);
            }
            if (response.status !== 429 && response.status < 500)
                throw this.failure(response.status, body, request, attempt);
            if (!mayResend(request, { status: response.status })) {
                const { errorCode, detail } = atlasError(body);
                throw new AtlasMaybeReceivedError(`Atlas answered HTTP ${response.status}${errorCode ? ` ${errorCode}` : ''} when asked to ${request.what}${detail ? ` (${detail})` : ''}.`, attempt, response.status, errorCode);
            }
            if (isLast)
                throw this.failure(response.status, body, request, attempt);
            const retryAfter = parseRetryAfter(response.headers.get('retry-after'), deps.now());
            const delay = retryAfter ?? backoffDelay(attempt, policy, deps.random);
            const why = response.status === 429 ? 'rate limited (HTTP 429)' : `HTTP ${response.status}`;
            if (!this.fitsDeadline(delay))
                throw this.failure(response.status, body, request, attempt, true);
            await this.pause(delay, `Could not ${request.what} yet (${why})`, request.what);
        }
    }
    url(request) {
        const query = new URLSearchParams();
        for (const [key, value] of Object.entries(request.query ?? {}))
            query.set(key, String(value));
        const text = query.toString();
        return `${this.origin}${API_PREFIX}${request.path}${text ? `?${text}` : ''}`;
    }
    /** What is left of the per-request limit and the run's deadline; throws when nothing is. */
    requestTimeout(what, policy) {
        this.throwIfStopped(what);
        if (this.options.deadline === undefined)
            return policy.requestTimeoutMs;
        const left = this.options.deadline - this.deps.now();
        if (left <= 0)
            throw this.deadlineError(what);
        return Math.min(policy.requestTimeoutMs, left);
    }
    requestSignal(timeoutMs) {
        const timeout = AbortSignal.timeout(timeoutMs);
        return this.options.signal ? AbortSignal.any([this.options.signal, timeout]) : timeout;
    }
    throwIfStopped(what) {
        if (this.options.signal?.aborted)
            throw this.deadlineError(what);
    }
    deadlineError(what) {
        const reason = this.options.signal?.aborted
            ? (0,errors/* errorMessage */.g)(this.options.signal.reason)
            : 'the deadline passed';
        return new AtlasDeadlineError(`Stopped before Atlas could ${what}: ${reason}.`);
    }
    fitsDeadline(delayMs) {
        return this.options.deadline === undefined || this.deps.now() + delayMs < this.options.deadline;
    }
    async pause(delayMs, why, what) {
        if (!this.fitsDeadline(delayMs))
            throw this.deadlineError(what);
        this.deps.logger.info(`${why}; retrying in ${seconds(delayMs)}.`);
        try {
            await this.deps.sleep(delayMs);
        }
        catch {
            throw this.deadlineError(what);
        }
    }
    async authorization(method, url) {
        const { credentials } = this.options;
        if (credentials.kind === 'service-account')
            return `Bearer ${await this.bearerToken()}`;
        if (!this.digest)
            return undefined; // the first request fetches the challenge
        this.digest.nc += 1;
        const { pathname, search } = new URL(url);
        return digestAuthorization(this.digest.challenge, {
            method,
            uri: `${pathname}${search}`,
            username: credentials.publicKey,
            password: credentials.privateKey,
            nc: this.digest.nc,
        });
    }
    /** A cached token while it has time left; otherwise one request for a new one (shared by concurrent callers). */
    async bearerToken() {
        if (this.token && tokenIsFresh(this.token, this.deps.now(), this.tokenLifetimeMs))
            return this.token.value;
        this.pendingToken ??= this.requestToken().finally(() => {
            this.pendingToken = undefined;
        });
        return this.pendingToken;
    }
    async requestToken() {
        const { credentials } = this.options;
        if (credentials.kind !== 'service-account')
            throw new Error('requestToken needs a service account');
        const { deps, policy } = this;
        const what = 'issue an access token for the service account';
        const url = `${this.origin}${TOKEN_PATH}`;
        for (let attempt = 1;; attempt++) {
            const isLast = attempt >= policy.attempts;
            const timeoutMs = this.requestTimeout(what, policy);
            let response;
            try {
                response = await deps.fetch(url, {
                    method: 'POST',
                    headers: {
                        authorization: `Basic ${basicAuth(credentials.clientId, credentials.clientSecret)}`,
                        'content-type': 'application/x-www-form-urlencoded',
                        accept: 'application/json',
                    },
                    body: 'grant_type=client_credentials',
                    signal: this.requestSignal(timeoutMs),
                });
            }
            catch (thrown) {
                this.throwIfStopped(what);
                // Asking for a token twice creates nothing lasting: every failure may be retried.
                if (isLast)
                    throw new AtlasApiError(`Could not ${what}: ${networkReason(thrown)} (after ${attempt} attempts).`);
                await this.pause(backoffDelay(attempt, policy, deps.random), `Could not ${what} (${networkReason(thrown)})`, what);
                continue;
            }
            const body = await readBody(response);
            if (response.ok) {
                const token = body;
                if (typeof token?.access_token !== 'string' || !token.access_token) {
                    throw new AtlasAuthError(`Atlas sent no access_token when asked to ${what}.`, response.status);
                }
                const lifetime = typeof token.expires_in === 'number' && token.expires_in > 0
                    ? token.expires_in * 1000
                    : DEFAULT_TOKEN_LIFETIME_MS;
                this.options.onSecret?.(token.access_token);
                this.tokenLifetimeMs = lifetime;
                this.token = { value: token.access_token, expiresAt: deps.now() + lifetime };
                return token.access_token;
            }
            if ((response.status === 429 || response.status >= 500) && !isLast) {
                const delay = parseRetryAfter(response.headers.get('retry-after'), deps.now()) ??
                    backoffDelay(attempt, policy, deps.random);
                await this.pause(delay, `Could not ${what} yet (HTTP ${response.status})`, what);
                continue;
            }
            const { errorCode, detail } = atlasError(body);
            const code = errorCode ? ` ${errorCode}` : '';
            if (response.status === 400 || response.status === 401) {
                throw new AtlasAuthError(`Atlas rejected the service account (HTTP ${response.status}${code}) when asked to ${what}${detail ? `: ${detail}` : ''}. ` +
                    `Check ${this.options.credentialSource ?? 'the client id and secret'}: a service account's client id (mdb_sa_id_…) and secret, from Organization → Access Manager → Applications → Service Accounts.`, response.status, errorCode);
            }
            throw new AtlasApiError(`Atlas could not ${what} (HTTP ${response.status}${code})${detail ? `: ${detail}` : ''}.`, response.status, errorCode);
        }
    }
    failure(status, body, request, attempts, outOfTime = false) {
        const { errorCode, detail } = atlasError(body);
        const code = errorCode ? ` ${errorCode}` : '';
        const said = detail ? `: ${detail}` : '';
        switch (status) {
            case 401:
                return new AtlasAuthError(`Atlas rejected the credentials (HTTP 401${code}) when asked to ${request.what}${said}. Check ${this.options.credentialSource ?? 'the credentials'}: a service account's client id and secret, or an API key's public and private key.`, status, errorCode);
            case 403:
                return new AtlasApiError(`Atlas refused (HTTP 403${code}) to ${request.what}${said}. ${request.role ? `The service account (or API key) needs the ${request.role} role on the project` : 'The service account (or API key) lacks a role on the project'}, and when the organization requires an API access list, this machine's IP address must be on it.`, status, errorCode);
            case 404:
                return new AtlasApiError(`Atlas found nothing (HTTP 404${code}) when asked to ${request.what}${said}. Check the project id (24 hexadecimal digits, Project Settings) and the names and ids given.`, status, errorCode);
            case 429:
                return new AtlasApiError(`Atlas kept rate-limiting (HTTP 429${code}) ${outOfTime ? 'until the deadline' : `after ${attempts} attempts`} to ${request.what}${said}. Cloud Backup endpoints are limited per project; try again in a few minutes.`, status, errorCode);
            default:
                return status >= 500
                    ? new AtlasApiError(`Atlas failed to ${request.what}: HTTP ${status}${code} ${outOfTime ? 'until the deadline' : `after ${attempts} attempts`}${said}.`, status, errorCode)
                    : new AtlasApiError(`Atlas refused to ${request.what} (HTTP ${status}${code})${said}.`, status, errorCode);
        }
    }
}
async function readBody(response) {
    const text = await response.text().catch(() => '');
    if (!text.trim())
        return undefined;
    try {
        return JSON.parse(text);
    }
    catch {
        return text;
    }
}

;// CONCATENATED MODULE: ../atlas/src/once.ts


/** Atlas lists what it accepted at once; a few looks a little apart cover a slow answer. */
const RECONCILE_LOOKS = 3;
const RECONCILE_INTERVAL_MS = 2_000;
/**
 * Sends a request that creates something (an on-demand snapshot, an export job, a restore job, a database
 * user) so that it creates at most one. Failures Atlas certainly did not act on are retried by the
 * transport (see `mayResend`). After one it may have acted on (a 5xx, a timeout, a dropped connection),
 * `find` looks for what the request created and that is adopted; only when nothing appears is the request
 * sent again, with the attempts left. When looking fails, it stops rather than risk a second one.
 */
async function createOnce(request) {
    const { policy, deps } = request;
    let used = 0;
    for (;;) {
        try {
            return {
                value: await request.send({ ...policy, attempts: policy.attempts - used }),
                reconciled: false,
            };
        }
        catch (thrown) {
            if (!(thrown instanceof AtlasMaybeReceivedError))
                throw thrown;
            used += thrown.attempts;
            let found;
            try {
                found = await look(request.find, deps);
            }
            catch (listing) {
                throw new AtlasApiError(`${thrown.message} Could not check whether Atlas created a ${request.thing} (${(0,errors/* errorMessage */.g)(listing)}), so the request is not sent again: check the cluster's Backup page in Atlas.`, thrown.status, thrown.errorCode);
            }
            if (found !== undefined) {
                deps.logger.info(`${thrown.message} Atlas did create the ${request.thing}: following that one.`);
                return { value: found, reconciled: true };
            }
            if (used >= policy.attempts) {
                throw new AtlasApiError(`${thrown.message} No ${request.thing} appeared after ${used} attempts; giving up.`, thrown.status, thrown.errorCode);
            }
            deps.logger.info(`${thrown.message} No ${request.thing} appeared since, so Atlas did not act on it: sending it again.`);
        }
    }
}
async function look(find, deps) {
    for (let attempt = 1;; attempt++) {
        const found = await find();
        if (found !== undefined || attempt >= RECONCILE_LOOKS)
            return found;
        await deps.sleep(RECONCILE_INTERVAL_MS);
    }
}

;// CONCATENATED MODULE: ../atlas/src/tier.ts
/** Shared-tier sizes that Atlas now runs (or has migrated) as Flex clusters. */
const FLEX_SIZES = new Set(['M2', 'M5', 'FLEX']);
/** The tier of a cluster from its description; `providerName: TENANT` marks the shared tiers. */
function tierOf(projectId, cluster, description) {
    const regions = (description.replicationSpecs ?? []).flatMap((spec) => spec.regionConfigs ?? []);
    const sized = regions.find((region) => region.electableSpecs?.instanceSize);
    const instanceSize = (sized?.electableSpecs?.instanceSize ?? 'unknown').toUpperCase();
    const tenant = regions.some((region) => region.providerName === 'TENANT' || region.providerName === 'FLEX');
    const kind = instanceSize === 'M0'
        ? 'free'
        : FLEX_SIZES.has(instanceSize) || (tenant && instanceSize !== 'M0')
            ? 'flex'
            : 'dedicated';
    const connectionString = description.connectionStrings?.standardSrv ?? description.connectionStrings?.standard;
    return {
        kind,
        instanceSize: kind === 'flex' ? 'FLEX' : instanceSize,
        projectId,
        cluster,
        backupEnabled: kind === 'flex' ? true : kind === 'free' ? false : description.backupEnabled === true,
        pitEnabled: kind === 'dedicated' && description.pitEnabled === true,
        ...(connectionString ? { connectionString } : {}),
        ...(description.mongoDBVersion ? { mongoDBVersion: description.mongoDBVersion } : {}),
    };
}
/** A Flex cluster described by the Flex API (`GET /groups/{g}/flexClusters/{name}`, 2024-11-13). */
function flexTier(projectId, cluster, description) {
    const connectionString = description.connectionStrings?.standardSrv ?? description.connectionStrings?.standard;
    return {
        kind: 'flex',
        instanceSize: 'FLEX',
        projectId,
        cluster,
        backupEnabled: true,
        pitEnabled: false,
        ...(connectionString ? { connectionString } : {}),
        ...(description.mongoDBVersion ? { mongoDBVersion: description.mongoDBVersion } : {}),
    };
}
/** One line per tier: what Cloud Backup gives it, for messages and the docs. */
const TIER_OFFERS = {
    free: 'M0 has no Cloud Backup at all: no snapshots, no export, no restore jobs. ' +
        'A logical backup is the way to protect one: `shipkit backup` or the mongo-backup action (verified, encrypted, portable).',
    flex: 'Flex clusters get one snapshot a day, kept for the last 8 days, which can be listed, downloaded and restored; ' +
        'they have no on-demand snapshots, no export to a bucket and no point-in-time restore. ' +
        'For a backup taken right now (before a deploy), use a logical backup: `shipkit backup` or the mongo-backup action.',
    dedicated: 'Dedicated clusters (M10 and up) have scheduled and on-demand snapshots, export to a bucket, restore jobs, ' +
        'and point-in-time restores when continuous backup is on.',
};
/** "cluster 'shop' (M10) in project 65a1…", the way errors and logs name a cluster. */
function describeCluster(tier) {
    const size = tier.instanceSize && tier.instanceSize !== 'unknown' ? ` (${tier.instanceSize})` : '';
    return `cluster '${tier.cluster}'${size} in project ${tier.projectId}`;
}

;// CONCATENATED MODULE: ../atlas/src/client.ts





/** Largest page Atlas serves. */
const PAGE_SIZE = 500;
/** A list longer than this many pages is not a backup list: stop rather than loop. */
const MAX_PAGES = 40;
const FLEX_CLUSTER_IN_CLUSTER_API = 'CANNOT_USE_FLEX_CLUSTER_IN_CLUSTER_API';
const iso = schemas/* string */.YjP().optional();
const policyItemSchema = schemas/* looseObject */._H3({
    frequencyType: schemas/* string */.YjP(),
    frequencyInterval: schemas/* number */.aig(),
    retentionUnit: schemas/* string */.YjP(),
    retentionValue: schemas/* number */.aig(),
});
const clusterSchema = schemas/* looseObject */._H3({
    name: schemas/* string */.YjP().optional(),
    backupEnabled: schemas/* boolean */.zMY().optional(),
    pitEnabled: schemas/* boolean */.zMY().optional(),
    mongoDBVersion: schemas/* string */.YjP().optional(),
    connectionStrings: schemas/* looseObject */._H3({ standardSrv: schemas/* string */.YjP().optional(), standard: schemas/* string */.YjP().optional() })
        .optional(),
    replicationSpecs: schemas/* array */.YOg(schemas/* looseObject */._H3({
        regionConfigs: schemas/* array */.YOg(schemas/* looseObject */._H3({
            providerName: schemas/* string */.YjP().optional(),
            electableSpecs: schemas/* looseObject */._H3({ instanceSize: schemas/* string */.YjP().optional() }).optional(),
        }))
            .optional(),
    }))
        .optional(),
});
const flexClusterSchema = schemas/* looseObject */._H3({
    name: schemas/* string */.YjP().optional(),
    mongoDBVersion: schemas/* string */.YjP().optional(),
    connectionStrings: schemas/* looseObject */._H3({ standardSrv: schemas/* string */.YjP().optional(), standard: schemas/* string */.YjP().optional() })
        .optional(),
});
const snapshotSchema = schemas/* looseObject */._H3({
    id: schemas/* string */.YjP().min(1),
    status: schemas/* string */.YjP().optional(),
    snapshotType: schemas/* string */.YjP().optional(),
    createdAt: iso,
    expiresAt: iso,
    description: schemas/* string */.YjP().optional(),
    storageSizeBytes: schemas/* number */.aig().optional(),
    mongodVersion: schemas/* string */.YjP().optional(),
    frequencyType: schemas/* string */.YjP().optional(),
});
const flexSnapshotSchema = schemas/* looseObject */._H3({
    id: schemas/* string */.YjP().min(1),
    status: schemas/* string */.YjP().optional(),
    startTime: iso,
    finishTime: iso,
    scheduledTime: iso,
    expiration: iso,
    mongoDBVersion: schemas/* string */.YjP().optional(),
});
const exportSchema = schemas/* looseObject */._H3({
    id: schemas/* string */.YjP().min(1),
    state: schemas/* string */.YjP().optional(),
    snapshotId: schemas/* string */.YjP().optional(),
    exportBucketId: schemas/* string */.YjP().optional(),
    prefix: schemas/* string */.YjP().optional(),
    createdAt: iso,
    finishedAt: iso,
    exportStatus: schemas/* looseObject */._H3({ exportedCollections: schemas/* number */.aig().optional(), totalCollections: schemas/* number */.aig().optional() })
        .optional(),
    stateReason: schemas/* looseObject */._H3({ errorCode: schemas/* string */.YjP().optional(), message: schemas/* string */.YjP().optional() }).optional(),
    customData: schemas/* array */.YOg(schemas/* looseObject */._H3({ key: schemas/* string */.YjP(), value: schemas/* string */.YjP() })).optional(),
});
const exportBucketSchema = schemas/* looseObject */._H3({
    _id: schemas/* string */.YjP().min(1),
    bucketName: schemas/* string */.YjP(),
    cloudProvider: schemas/* string */.YjP().optional(),
});
const restoreSchema = schemas/* looseObject */._H3({
    id: schemas/* string */.YjP().min(1),
    deliveryType: schemas/* string */.YjP().optional(),
    snapshotId: schemas/* string */.YjP().optional(),
    targetClusterName: schemas/* string */.YjP().optional(),
    targetGroupId: schemas/* string */.YjP().optional(),
    pointInTimeUTCSeconds: schemas/* number */.aig().optional(),
    cancelled: schemas/* boolean */.zMY().optional(),
    failed: schemas/* boolean */.zMY().optional(),
    expired: schemas/* boolean */.zMY().optional(),
    finishedAt: iso,
});
const flexRestoreSchema = schemas/* looseObject */._H3({
    id: schemas/* string */.YjP().min(1),
    status: schemas/* string */.YjP().optional(),
    snapshotId: schemas/* string */.YjP().optional(),
    targetDeploymentItemName: schemas/* string */.YjP().optional(),
    targetProjectId: schemas/* string */.YjP().optional(),
    restoreFinishedDate: iso,
    deliveryType: schemas/* string */.YjP().optional(),
});
const scheduleSchema = schemas/* looseObject */._H3({
    referenceHourOfDay: schemas/* number */.aig().optional(),
    referenceMinuteOfHour: schemas/* number */.aig().optional(),
    restoreWindowDays: schemas/* number */.aig().optional(),
    autoExportEnabled: schemas/* boolean */.zMY().optional(),
    export: schemas/* looseObject */._H3({ exportBucketId: schemas/* string */.YjP().optional(), frequencyType: schemas/* string */.YjP().optional() })
        .optional(),
    useOrgAndGroupNamesInExportPrefix: schemas/* boolean */.zMY().optional(),
    copySettings: schemas/* array */.YOg(schemas/* unknown */.L5J()).optional(),
    nextSnapshot: iso,
    policies: schemas/* array */.YOg(schemas/* looseObject */._H3({ policyItems: schemas/* array */.YOg(policyItemSchema).optional() })).optional(),
});
const complianceSchema = schemas/* looseObject */._H3({
    state: schemas/* string */.YjP().optional(),
    authorizedEmail: schemas/* string */.YjP().optional(),
    copyProtectionEnabled: schemas/* boolean */.zMY().optional(),
    encryptionAtRestEnabled: schemas/* boolean */.zMY().optional(),
    pitEnabled: schemas/* boolean */.zMY().optional(),
    restoreWindowDays: schemas/* number */.aig().optional(),
    scheduledPolicyItems: schemas/* array */.YOg(policyItemSchema).optional(),
    onDemandPolicyItem: policyItemSchema.optional(),
});
const roleSchema = schemas/* looseObject */._H3({
    roleName: schemas/* string */.YjP(),
    databaseName: schemas/* string */.YjP(),
    collectionName: schemas/* string */.YjP().optional(),
});
const userSchema = schemas/* looseObject */._H3({
    username: schemas/* string */.YjP(),
    databaseName: schemas/* string */.YjP().optional(),
    roles: schemas/* array */.YOg(roleSchema).optional(),
    scopes: schemas/* array */.YOg(schemas/* looseObject */._H3({ name: schemas/* string */.YjP(), type: schemas/* string */.YjP() })).optional(),
});
const pageSchema = schemas/* looseObject */._H3({
    results: schemas/* array */.YOg(schemas/* unknown */.L5J()).optional(),
    totalCount: schemas/* number */.aig().optional(),
});
/** Typed client for the Cloud Backup endpoints of the Atlas Administration API v2. */
class AtlasClient {
    transport;
    constructor(options, deps = {}) {
        const transport = {
            credentials: options.credentials,
            ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
            ...(options.credentialSource ? { credentialSource: options.credentialSource } : {}),
            ...(options.retry ? { retry: options.retry } : {}),
            ...(options.signal ? { signal: options.signal } : {}),
            ...(options.deadline === undefined ? {} : { deadline: options.deadline }),
            ...(options.onSecret ? { onSecret: options.onSecret } : {}),
        };
        this.transport = new AtlasTransport(transport, { ...realAtlasDeps(options.signal), ...deps });
    }
    get deps() {
        return this.transport.deps;
    }
    /**
     * The cluster's tier from its description; a Flex cluster, which the cluster API refuses, is read through
     * the Flex API instead.
     */
    async getTier(projectId, cluster) {
        const target = describeCluster({ projectId, cluster });
        try {
            const body = await this.call({
                method: 'GET',
                path: clusterPath(projectId, cluster),
                version: API_VERSIONS.cluster,
                what: `read ${target}`,
                role: 'Project Read Only',
            });
            return tierOf(projectId, cluster, parse(clusterSchema, body, 'cluster description'));
        }
        catch (error) {
            if (!(error instanceof AtlasApiError) || error.errorCode !== FLEX_CLUSTER_IN_CLUSTER_API)
                throw error;
        }
        const body = await this.call({
            method: 'GET',
            path: flexPath(projectId, cluster),
            version: API_VERSIONS.flex,
            what: `read Flex ${target}`,
            role: 'Project Read Only',
        });
        const flex = parse(flexClusterSchema, body, 'Flex cluster description');
        return flexTier(projectId, cluster, {
            ...(flex.mongoDBVersion ? { mongoDBVersion: flex.mongoDBVersion } : {}),
            ...(flex.connectionStrings
                ? {
                    connectionStrings: definedRecord({
                        standardSrv: flex.connectionStrings.standardSrv,
                        standard: flex.connectionStrings.standard,
                    }),
                }
                : {}),
        });
    }
    /** Whether the project's latest changes (a new database user…) reached the cluster: `PENDING` or `APPLIED`. */
    async clusterChangeStatus(projectId, cluster) {
        const body = await this.call({
            method: 'GET',
            path: `${clusterPath(projectId, cluster)}/status`,
            version: API_VERSIONS.clusterStatus,
            what: `read the change status of ${describeCluster({ projectId, cluster })}`,
            role: 'Project Read Only',
        });
        return parse(schemas/* looseObject */._H3({ changeStatus: schemas/* string */.YjP() }), body, 'cluster status').changeStatus;
    }
    /** Every snapshot of the cluster, newest first (Flex clusters: their daily snapshots). */
    async listSnapshots(tier) {
        const what = `list the snapshots of ${describeCluster(tier)}`;
        const snapshots = tier.kind === 'flex'
            ? (await this.list({
                method: 'GET',
                path: `${flexPath(tier.projectId, tier.cluster)}/backup/snapshots`,
                version: API_VERSIONS.flex,
                what,
                role: 'Project Read Only',
            })).map((item) => toFlexSnapshot(parse(flexSnapshotSchema, item, 'Flex snapshot')))
            : (await this.list({
                method: 'GET',
                path: `${clusterPath(tier.projectId, tier.cluster)}/backup/snapshots`,
                version: API_VERSIONS.snapshots,
                what,
                role: 'Project Read Only',
            })).map((item) => toSnapshot(parse(snapshotSchema, item, 'snapshot')));
        return snapshots.sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''));
    }
    async getSnapshot(tier, snapshotId) {
        const what = `read snapshot ${snapshotId} of ${describeCluster(tier)}`;
        if (tier.kind === 'flex') {
            const body = await this.call({
                method: 'GET',
                path: `${flexPath(tier.projectId, tier.cluster)}/backup/snapshots/${encodeURIComponent(snapshotId)}`,
                version: API_VERSIONS.flex,
                what,
                role: 'Project Read Only',
            });
            return toFlexSnapshot(parse(flexSnapshotSchema, body, 'Flex snapshot'));
        }
        const body = await this.call({
            method: 'GET',
            path: `${clusterPath(tier.projectId, tier.cluster)}/backup/snapshots/${encodeURIComponent(snapshotId)}`,
            version: API_VERSIONS.snapshots,
            what,
            role: 'Project Read Only',
        });
        return toSnapshot(parse(snapshotSchema, body, 'snapshot'));
    }
    /**
     * Takes one on-demand snapshot (dedicated tiers), at most once: after an answer that may have been lost,
     * the new on-demand snapshot with this description is adopted rather than a second one taken. Atlas
     * answers 409 while another on-demand snapshot is queued or in progress; that error is the caller's.
     */
    async takeSnapshot(tier, request) {
        const what = `take an on-demand snapshot of ${describeCluster(tier)}`;
        const before = new Set((await this.listSnapshots(tier)).map((s) => s.id));
        const { value, reconciled } = await createOnce({
            what,
            thing: 'snapshot',
            policy: this.transport.policy,
            deps: this.deps,
            send: async (policy) => toSnapshot(parse(snapshotSchema, await this.call({
                method: 'POST',
                path: `${clusterPath(tier.projectId, tier.cluster)}/backup/snapshots`,
                version: API_VERSIONS.snapshots,
                body: { description: request.description, retentionInDays: request.retentionInDays },
                what,
                role: 'Project Backup Creator',
            }, policy), 'snapshot')),
            find: async () => (await this.listSnapshots(tier)).find((s) => !before.has(s.id) && s.type === 'onDemand' && s.description === request.description),
        });
        return { snapshot: value, reconciled };
    }
    async getExportBucket(projectId, bucketId) {
        const body = await this.call({
            method: 'GET',
            path: `${groupPath(projectId)}/backup/exportBuckets/${encodeURIComponent(bucketId)}`,
            version: API_VERSIONS.exportBuckets,
            what: `read export bucket ${bucketId} of project ${projectId}`,
            role: 'Project Read Only',
        });
        const bucket = parse(exportBucketSchema, body, 'export bucket');
        return {
            id: bucket._id,
            bucketName: bucket.bucketName,
            ...(bucket.cloudProvider ? { cloudProvider: bucket.cloudProvider } : {}),
        };
    }
    async listExports(tier) {
        return (await this.list({
            method: 'GET',
            path: `${clusterPath(tier.projectId, tier.cluster)}/backup/exports`,
            version: API_VERSIONS.exports,
            what: `list the export jobs of ${describeCluster(tier)}`,
            role: 'Project Backup Manager',
        })).map((item) => toExport(parse(exportSchema, item, 'export job')));
    }
    async getExport(tier, exportId) {
        const body = await this.call({
            method: 'GET',
            path: `${clusterPath(tier.projectId, tier.cluster)}/backup/exports/${encodeURIComponent(exportId)}`,
            version: API_VERSIONS.exports,
            what: `read export job ${exportId} of ${describeCluster(tier)}`,
            role: 'Project Backup Manager',
        });
        return toExport(parse(exportSchema, body, 'export job'));
    }
    /**
     * Starts an export of a snapshot to an export bucket, at most once: the request carries a tag in its
     * `customData`, by which a job whose answer was lost is found and adopted.
     */
    async createExport(tier, request) {
        const what = `export snapshot ${request.snapshotId} of ${describeCluster(tier)} to export bucket ${request.exportBucketId}`;
        const customData = [{ key: 'shipkit-request', value: request.tag }];
        const { value, reconciled } = await createOnce({
            what,
            thing: 'export job',
            policy: this.transport.policy,
            deps: this.deps,
            send: async (policy) => toExport(parse(exportSchema, await this.call({
                method: 'POST',
                path: `${clusterPath(tier.projectId, tier.cluster)}/backup/exports`,
                version: API_VERSIONS.exports,
                body: { snapshotId: request.snapshotId, exportBucketId: request.exportBucketId, customData },
                what,
                role: 'Project Backup Export Operator',
            }, policy), 'export job')),
            find: async () => (await this.listExports(tier)).find((job) => job.snapshotId === request.snapshotId &&
                job.customData.some((d) => d.key === 'shipkit-request' && d.value === request.tag)),
        });
        return { job: value, reconciled };
    }
    async listRestoreJobs(tier) {
        const what = `list the restore jobs of ${describeCluster(tier)}`;
        if (tier.kind === 'flex') {
            return (await this.list({
                method: 'GET',
                path: `${flexPath(tier.projectId, tier.cluster)}/backup/restoreJobs`,
                version: API_VERSIONS.flex,
                what,
                role: 'Project Read Only',
            })).map((item) => toFlexRestore(parse(flexRestoreSchema, item, 'restore job')));
        }
        return (await this.list({
            method: 'GET',
            path: `${clusterPath(tier.projectId, tier.cluster)}/backup/restoreJobs`,
            version: API_VERSIONS.restoreJobs,
            what,
            role: 'Project Backup Manager',
        })).map((item) => toRestore(parse(restoreSchema, item, 'restore job')));
    }
    async getRestoreJob(tier, jobId) {
        const what = `read restore job ${jobId} of ${describeCluster(tier)}`;
        if (tier.kind === 'flex') {
            const body = await this.call({
                method: 'GET',
                path: `${flexPath(tier.projectId, tier.cluster)}/backup/restoreJobs/${encodeURIComponent(jobId)}`,
                version: API_VERSIONS.flex,
                what,
                role: 'Project Read Only',
            });
            return toFlexRestore(parse(flexRestoreSchema, body, 'restore job'));
        }
        const body = await this.call({
            method: 'GET',
            path: `${clusterPath(tier.projectId, tier.cluster)}/backup/restoreJobs/${encodeURIComponent(jobId)}`,
            version: API_VERSIONS.restoreJobs,
            what,
            role: 'Project Backup Manager',
        });
        return toRestore(parse(restoreSchema, body, 'restore job'));
    }
    /**
     * Starts a restore job of the source cluster (automated or point in time; on Flex, Flex's restore), at
     * most once: after an answer that may have been lost, a job that was not listed before and matches the
     * request is adopted. Whether the restore may run at all is decided before (see `startRestore`).
     */
    async createRestoreJob(source, request) {
        const target = describeCluster({ projectId: request.targetProjectId, cluster: request.targetCluster });
        const what = `restore ${request.snapshotId ? `snapshot ${request.snapshotId}` : 'a point in time'} of ${describeCluster(source)} into ${target}`;
        const before = new Set((await this.listRestoreJobs(source)).map((job) => job.id));
        const flex = source.kind === 'flex';
        const request_ = flex
            ? {
                method: 'POST',
                path: `${flexPath(source.projectId, source.cluster)}/backup/restoreJobs`,
                version: API_VERSIONS.flex,
                body: {
                    snapshotId: request.snapshotId,
                    targetDeploymentItemName: request.targetCluster,
                    targetProjectId: request.targetProjectId,
                },
                what,
                role: 'Project Backup Recovery Operator',
            }
            : {
                method: 'POST',
                path: `${clusterPath(source.projectId, source.cluster)}/backup/restoreJobs`,
                version: API_VERSIONS.restoreJobs,
                body: {
                    deliveryType: request.deliveryType,
                    ...(request.snapshotId ? { snapshotId: request.snapshotId } : {}),
                    ...(request.pointInTimeUTCSeconds === undefined
                        ? {}
                        : { pointInTimeUTCSeconds: request.pointInTimeUTCSeconds }),
                    targetClusterName: request.targetCluster,
                    targetGroupId: request.targetProjectId,
                },
                what,
                role: 'Project Backup Recovery Operator',
            };
        const { value, reconciled } = await createOnce({
            what,
            thing: 'restore job',
            policy: this.transport.policy,
            deps: this.deps,
            send: async (policy) => {
                const body = await this.call(request_, policy);
                return flex
                    ? toFlexRestore(parse(flexRestoreSchema, body, 'restore job'))
                    : toRestore(parse(restoreSchema, body, 'restore job'));
            },
            find: async () => (await this.listRestoreJobs(source)).find((job) => !before.has(job.id) &&
                job.targetCluster === request.targetCluster &&
                (request.snapshotId === undefined || job.snapshotId === request.snapshotId) &&
                (request.pointInTimeUTCSeconds === undefined ||
                    job.pointInTimeUTCSeconds === request.pointInTimeUTCSeconds)),
        });
        return { job: value, reconciled };
    }
    async getSchedule(projectId, cluster) {
        const body = await this.call({
            method: 'GET',
            path: `${clusterPath(projectId, cluster)}/backup/schedule`,
            version: API_VERSIONS.schedule,
            what: `read the backup schedule of ${describeCluster({ projectId, cluster })}`,
            role: 'Project Read Only',
        });
        const schedule = parse(scheduleSchema, body, 'backup schedule');
        return {
            ...definedRecord({
                referenceHourOfDay: schedule.referenceHourOfDay,
                referenceMinuteOfHour: schedule.referenceMinuteOfHour,
                restoreWindowDays: schedule.restoreWindowDays,
                autoExportEnabled: schedule.autoExportEnabled,
                useOrgAndGroupNamesInExportPrefix: schedule.useOrgAndGroupNamesInExportPrefix,
                nextSnapshot: schedule.nextSnapshot,
                copySettings: schedule.copySettings,
            }),
            ...(schedule.export
                ? {
                    export: definedRecord({
                        exportBucketId: schedule.export.exportBucketId,
                        frequencyType: schedule.export.frequencyType,
                    }),
                }
                : {}),
            policyItems: (schedule.policies ?? []).flatMap((p) => p.policyItems ?? []).map(toPolicyItem),
        };
    }
    /** The project's Backup Compliance Policy, or undefined when it has none. */
    async getCompliancePolicy(projectId) {
        let body;
        try {
            body = await this.call({
                method: 'GET',
                path: `${groupPath(projectId)}/backupCompliancePolicy`,
                version: API_VERSIONS.compliancePolicy,
                what: `read the Backup Compliance Policy of project ${projectId}`,
                role: 'Project Owner',
            });
        }
        catch (error) {
            if (error instanceof AtlasApiError && error.status === 404)
                return undefined;
            throw error;
        }
        if (body === undefined || (typeof body === 'object' && body !== null && Object.keys(body).length === 0)) {
            return undefined;
        }
        const policy = parse(complianceSchema, body, 'Backup Compliance Policy');
        return {
            ...definedRecord({
                state: policy.state,
                authorizedEmail: policy.authorizedEmail,
                copyProtectionEnabled: policy.copyProtectionEnabled,
                encryptionAtRestEnabled: policy.encryptionAtRestEnabled,
                pitEnabled: policy.pitEnabled,
                restoreWindowDays: policy.restoreWindowDays,
            }),
            scheduledPolicyItems: (policy.scheduledPolicyItems ?? []).map(toPolicyItem),
            ...(policy.onDemandPolicyItem ? { onDemandPolicyItem: toPolicyItem(policy.onDemandPolicyItem) } : {}),
        };
    }
    /** A database user of the project (they all authenticate against `admin`), or undefined. */
    async getDatabaseUser(projectId, username) {
        try {
            const body = await this.call({
                method: 'GET',
                path: `${groupPath(projectId)}/databaseUsers/admin/${encodeURIComponent(username)}`,
                version: API_VERSIONS.databaseUsers,
                what: `read database user ${username} of project ${projectId}`,
                role: 'Project Read Only',
            });
            return toUser(parse(userSchema, body, 'database user'));
        }
        catch (error) {
            if (error instanceof AtlasApiError && error.status === 404)
                return undefined;
            throw error;
        }
    }
    /**
     * Creates a database user limited to `roles` on the clusters in `scopes`, at most once: after an answer
     * that may have been lost, a user that now exists (and did not before) is taken to be this one.
     */
    async createDatabaseUser(projectId, user) {
        const what = `create database user ${user.username} in project ${projectId}`;
        const { value } = await createOnce({
            what,
            thing: 'database user',
            policy: this.transport.policy,
            deps: this.deps,
            send: async (policy) => toUser(parse(userSchema, await this.call({
                method: 'POST',
                path: `${groupPath(projectId)}/databaseUsers`,
                version: API_VERSIONS.databaseUsers,
                body: {
                    databaseName: 'admin',
                    groupId: projectId,
                    username: user.username,
                    password: user.password,
                    roles: user.roles,
                    scopes: user.clusters.map((name) => ({ name, type: 'CLUSTER' })),
                    ...(user.description ? { description: user.description } : {}),
                },
                what,
                role: 'Project Database Access Admin',
            }, policy), 'database user')),
            find: () => this.getDatabaseUser(projectId, user.username),
        });
        return value;
    }
    /** Sets a user's roles and scopes, and its password when given; sending it twice changes nothing more. */
    async updateDatabaseUser(projectId, user) {
        const body = await this.call({
            method: 'PATCH',
            path: `${groupPath(projectId)}/databaseUsers/admin/${encodeURIComponent(user.username)}`,
            version: API_VERSIONS.databaseUsers,
            body: {
                roles: user.roles,
                scopes: user.clusters.map((name) => ({ name, type: 'CLUSTER' })),
                ...(user.password ? { password: user.password } : {}),
            },
            what: `update database user ${user.username} in project ${projectId}`,
            idempotent: true,
            role: 'Project Database Access Admin',
        });
        return toUser(parse(userSchema, body, 'database user'));
    }
    async call(request, policy) {
        return (await this.transport.send(request, policy)).body;
    }
    /** Every item of a paged list (`pageNum`, `itemsPerPage`, `includeCount` → `{results, totalCount}`). */
    async list(request) {
        const items = [];
        for (let pageNum = 1; pageNum <= MAX_PAGES; pageNum++) {
            const body = await this.call({
                ...request,
                query: { ...request.query, pageNum, itemsPerPage: PAGE_SIZE, includeCount: true },
            });
            const page = parse(pageSchema, body ?? {}, 'list');
            const results = page.results ?? [];
            items.push(...results);
            if (results.length < PAGE_SIZE || (page.totalCount !== undefined && items.length >= page.totalCount)) {
                return items;
            }
        }
        throw new AtlasApiError(`Atlas kept sending pages when asked to ${request.what}: stopped after ${MAX_PAGES}.`);
    }
}
const groupPath = (projectId) => `/groups/${encodeURIComponent(projectId)}`;
const clusterPath = (projectId, cluster) => `${groupPath(projectId)}/clusters/${encodeURIComponent(cluster)}`;
const flexPath = (projectId, cluster) => `${groupPath(projectId)}/flexClusters/${encodeURIComponent(cluster)}`;
function parse(schema, body, what) {
    const result = schema.safeParse(body);
    if (!result.success) {
        const issue = result.error.issues[0];
        const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
        throw new AtlasApiError(`Atlas sent an unexpected ${what}${where}: ${issue?.message ?? 'bad shape'}.`);
    }
    return result.data;
}
/** The record without its undefined values, so optional properties stay omitted. */
function definedRecord(record) {
    return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}
const SNAPSHOT_STATUSES = {
    queued: 'queued',
    inProgress: 'inProgress',
    completed: 'completed',
    failed: 'failed',
    // Flex
    PENDING: 'queued',
    QUEUED: 'queued',
    RUNNING: 'inProgress',
    COMPLETED: 'completed',
    FAILED: 'failed',
};
function toSnapshot(raw) {
    const rawStatus = raw.status ?? 'unknown';
    return {
        id: raw.id,
        status: SNAPSHOT_STATUSES[rawStatus] ?? 'unknown',
        rawStatus,
        type: raw.snapshotType ?? 'unknown',
        ...definedRecord({
            createdAt: raw.createdAt,
            expiresAt: raw.expiresAt,
            description: raw.description,
            storageSizeBytes: raw.storageSizeBytes,
            mongodVersion: raw.mongodVersion,
            frequencyType: raw.frequencyType,
        }),
    };
}
function toFlexSnapshot(raw) {
    const rawStatus = raw.status ?? 'unknown';
    const createdAt = raw.startTime ?? raw.scheduledTime ?? raw.finishTime;
    return {
        id: raw.id,
        status: SNAPSHOT_STATUSES[rawStatus] ?? 'unknown',
        rawStatus,
        type: 'flexDaily',
        ...definedRecord({ createdAt, expiresAt: raw.expiration, mongodVersion: raw.mongoDBVersion }),
    };
}
function toExport(raw) {
    return {
        id: raw.id,
        state: raw.state ?? 'unknown',
        ...definedRecord({
            snapshotId: raw.snapshotId,
            exportBucketId: raw.exportBucketId,
            prefix: raw.prefix,
            createdAt: raw.createdAt,
            finishedAt: raw.finishedAt,
            exportedCollections: raw.exportStatus?.exportedCollections,
            totalCollections: raw.exportStatus?.totalCollections,
        }),
        ...(raw.stateReason
            ? {
                stateReason: definedRecord({
                    errorCode: raw.stateReason.errorCode,
                    message: raw.stateReason.message,
                }),
            }
            : {}),
        customData: (raw.customData ?? []).map((d) => ({ key: d.key, value: d.value })),
    };
}
function restoreState(raw) {
    if (raw.failed)
        return 'failed';
    if (raw.cancelled)
        return 'cancelled';
    if (raw.expired)
        return 'expired';
    return raw.finishedAt ? 'completed' : 'inProgress';
}
function toRestore(raw) {
    return {
        id: raw.id,
        state: restoreState(raw),
        deliveryType: raw.deliveryType ?? 'unknown',
        ...definedRecord({
            snapshotId: raw.snapshotId,
            targetCluster: raw.targetClusterName,
            targetProjectId: raw.targetGroupId,
            pointInTimeUTCSeconds: raw.pointInTimeUTCSeconds,
            finishedAt: raw.finishedAt,
        }),
    };
}
const FLEX_RESTORE_STATES = {
    PENDING: 'inProgress',
    QUEUED: 'inProgress',
    RUNNING: 'inProgress',
    COMPLETED: 'completed',
    FAILED: 'failed',
};
function toFlexRestore(raw) {
    return {
        id: raw.id,
        state: FLEX_RESTORE_STATES[raw.status ?? ''] ?? 'inProgress',
        deliveryType: 'automated',
        ...definedRecord({
            snapshotId: raw.snapshotId,
            targetCluster: raw.targetDeploymentItemName,
            targetProjectId: raw.targetProjectId,
            finishedAt: raw.restoreFinishedDate,
        }),
    };
}
function toPolicyItem(raw) {
    return {
        frequencyType: raw.frequencyType,
        frequencyInterval: raw.frequencyInterval,
        retentionUnit: raw.retentionUnit,
        retentionValue: raw.retentionValue,
    };
}
function toUser(raw) {
    return {
        username: raw.username,
        databaseName: raw.databaseName ?? 'admin',
        roles: (raw.roles ?? []).map((r) => ({
            roleName: r.roleName,
            databaseName: r.databaseName,
            ...(r.collectionName ? { collectionName: r.collectionName } : {}),
        })),
        scopes: (raw.scopes ?? []).map((s) => ({ name: s.name, type: s.type })),
    };
}

// EXTERNAL MODULE: ../action-kit/src/format.ts
var format = __webpack_require__(9423);
;// CONCATENATED MODULE: ../atlas/src/follow.ts

/**
 * Reads a job until it is finished or the deadline passes, logging each change of state. Returns the
 * last state read and whether time ran out first — also when it runs out during a read — and the job
 * itself carries on in Atlas either way.
 */
async function follow(first, read, job, options, deps) {
    let last = first;
    let shown = job.describe(first);
    deps.logger.info(shown);
    while (!job.finished(last)) {
        const remaining = options.deadline - deps.now();
        if (remaining <= 0)
            return { last, timedOut: true };
        await deps.sleep(Math.min(options.pollIntervalMs, remaining));
        if (options.deadline - deps.now() <= 0)
            return { last, timedOut: true };
        try {
            last = await read();
        }
        catch (error) {
            if (error instanceof AtlasDeadlineError)
                return { last, timedOut: true };
            throw error;
        }
        const line = job.describe(last);
        if (line !== shown) {
            deps.logger.info(line);
            shown = line;
        }
    }
    return { last, timedOut: false };
}

;// CONCATENATED MODULE: ../atlas/src/require-tier.ts



/**
 * Refuses an operation the cluster's tier does not have, saying what the tier is, what it offers
 * instead, and — for M0, which has no Cloud Backup at all — that a logical backup is the way.
 */
function requireTier(tier, allowed, operation) {
    if (allowed.includes(tier.kind))
        return;
    const what = describeCluster(tier);
    const lead = tier.kind === 'free'
        ? `Cannot ${operation}: ${what} is an M0 (free) cluster.`
        : tier.kind === 'flex'
            ? `Cannot ${operation}: ${what} is a Flex cluster, which does not offer it.`
            : `Cannot ${operation}: ${what} is a dedicated cluster; this works on ${allowed.join(' and ')} clusters only.`;
    throw new UnsupportedTierError(`${lead} ${TIER_OFFERS[tier.kind]}`, tier, operation);
}
/** Dedicated clusters have Cloud Backup only when it is turned on. */
function requireBackupEnabled(tier, operation) {
    if (tier.backupEnabled)
        return;
    throw new errors/* UserError */.y(`Cannot ${operation}: Cloud Backup is off for ${describeCluster(tier)}. Turn it on in Atlas (the cluster's Edit Configuration → Additional Settings → Turn on Cloud Backup), or keep to logical backups.`);
}

;// CONCATENATED MODULE: ../atlas/src/types.ts
/** The models the client returns: Atlas's answers, normalised so dedicated and Flex clusters read alike. */
const FINISHED_SNAPSHOT = ['completed', 'failed'];
const FINISHED_EXPORT = ['Successful', 'Failed', 'Cancelled'];

;// CONCATENATED MODULE: ../atlas/src/export.ts






/**
 * Exports a completed snapshot of a dedicated cluster to an export bucket (one `.json.gz` of Extended
 * JSON per collection, then a `.complete` marker, under the job's prefix) and, when asked, follows the
 * job until it is Successful, Failed or Cancelled. Atlas does not retry a failed export: what it wrote
 * stays, and the result says where.
 */
async function exportSnapshot(client, options) {
    const { deps } = client;
    const started = deps.now();
    const deadline = started + options.timeoutMs;
    const tier = await client.getTier(options.projectId, options.cluster);
    requireTier(tier, ['dedicated'], 'export a snapshot');
    requireBackupEnabled(tier, 'export a snapshot');
    const cluster = describeCluster(tier);
    const snapshot = await client.getSnapshot(tier, options.snapshotId);
    if (snapshot.status !== 'completed') {
        throw new errors/* UserError */.y(`Cannot export snapshot ${snapshot.id} of ${cluster}: it is ${snapshot.rawStatus}, and only a completed snapshot can be exported.`);
    }
    const bucket = await client.getExportBucket(options.projectId, options.exportBucketId);
    const tag = options.tag ?? (0,external_node_crypto_.randomBytes)(8).toString('hex');
    const { job: first, reconciled } = await client.createExport(tier, {
        snapshotId: snapshot.id,
        exportBucketId: bucket.id,
        tag,
    });
    const base = { tier, snapshot, bucket, reconciled };
    const to = `${bucket.cloudProvider ?? 'bucket'} ${bucket.bucketName}`;
    if (!options.wait) {
        return {
            ...base,
            outcome: 'started',
            job: first,
            durationMs: deps.now() - started,
            message: `Export job ${first.id} of snapshot ${snapshot.id} to ${to} is ${first.state}; not waiting for it.`,
        };
    }
    const { last, timedOut } = await follow(first, () => client.getExport(tier, first.id), {
        finished: (job) => FINISHED_EXPORT.includes(job.state),
        describe: (job) => `Export job ${job.id}: ${job.state}${job.totalCollections ? ` (${job.exportedCollections ?? 0}/${job.totalCollections} collections)` : ''}`,
    }, { pollIntervalMs: options.pollIntervalMs, deadline }, deps);
    const durationMs = deps.now() - started;
    const took = (0,format/* formatDuration */.a3)(durationMs);
    const where = last.prefix ? ` under ${last.prefix}` : '';
    if (timedOut) {
        return {
            ...base,
            outcome: 'timed-out',
            job: last,
            durationMs,
            message: `Export job ${last.id} of snapshot ${snapshot.id} is still ${last.state} after ${took}: Atlas carries on with it, but it is not finished yet.`,
        };
    }
    if (last.state === 'Successful') {
        return {
            ...base,
            outcome: 'successful',
            job: last,
            durationMs,
            message: `Exported snapshot ${snapshot.id} of ${cluster} to ${to}${where} in ${took} (one .json.gz per collection and a .complete marker).`,
        };
    }
    const reason = last.stateReason?.message
        ? `: ${last.stateReason.message}${last.stateReason.errorCode ? ` (${last.stateReason.errorCode})` : ''}`
        : '';
    return {
        ...base,
        outcome: last.state === 'Cancelled' ? 'cancelled' : 'failed',
        job: last,
        durationMs,
        message: `Export job ${last.id} of snapshot ${snapshot.id} ended ${last.state}${reason}. Atlas does not retry a failed export ` +
            `and leaves what it wrote${where} in ${to} (no .complete marker): delete it before exporting again.`,
    };
}

;// CONCATENATED MODULE: ../atlas/src/freshness.ts



/**
 * Whether the cluster's newest completed Cloud Backup snapshot (on demand, scheduled, or Flex's daily one)
 * is recent enough: the Atlas side of a deploy gate. Age is measured from when the snapshot was taken.
 */
async function checkSnapshotFreshness(client, options) {
    const tier = await client.getTier(options.projectId, options.cluster);
    requireTier(tier, ['dedicated', 'flex'], 'check the age of Atlas snapshots');
    const snapshots = await client.listSnapshots(tier);
    const completed = snapshots.filter((s) => s.status === 'completed' && Boolean(s.createdAt));
    const what = describeCluster(tier);
    const allowed = (0,format/* formatDuration */.a3)(options.maxAgeMs);
    const base = { tier, maxAgeMs: options.maxAgeMs, snapshots: snapshots.length, completed: completed.length };
    const newest = completed.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))[0];
    if (!newest) {
        return {
            ...base,
            fresh: false,
            message: `No completed snapshot of ${what} (${snapshots.length} snapshot(s) listed).`,
        };
    }
    const ageMs = client.deps.now() - Date.parse(newest.createdAt);
    const fresh = ageMs <= options.maxAgeMs;
    const age = (0,format/* formatDuration */.a3)(Math.max(0, ageMs));
    return {
        ...base,
        fresh,
        newest: {
            id: newest.id,
            type: newest.type,
            createdAt: newest.createdAt,
            ageMs,
            ...(newest.description ? { description: newest.description } : {}),
        },
        message: fresh
            ? `The newest completed snapshot of ${what}, ${newest.id} (${newest.type}), is ${age} old (allowed: ${allowed}).`
            : `The newest completed snapshot of ${what}, ${newest.id} (${newest.type}), is ${age} old: older than the allowed ${allowed}.`,
    };
}

;// CONCATENATED MODULE: ../atlas/src/names.ts
/** Atlas's ids (projects, snapshots, export buckets, jobs): 24 hexadecimal digits. */
const ATLAS_ID = /^[a-f0-9]{24}$/;
/** A cluster's name, as Atlas allows it. */
const CLUSTER_NAME = /^[a-zA-Z0-9][a-zA-Z0-9-]*$/;
/**
 * An ISO 8601 time with its zone (`2026-11-25T03:00:00Z`, `…+02:00`), or undefined: a restore must not
 * depend on the machine's time zone.
 */
function parseZonedTime(text) {
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(text))
        return undefined;
    const date = new Date(text);
    return Number.isNaN(date.getTime()) ? undefined : date;
}

// EXTERNAL MODULE: ../../node_modules/yaml/dist/index.js
var dist = __webpack_require__(3483);
;// CONCATENATED MODULE: ../atlas/src/policy.ts





const policyItem = schemas/* strictObject */.rej({
    frequencyType: schemas/* enum */.k5n(['hourly', 'daily', 'weekly', 'monthly', 'yearly']),
    frequencyInterval: schemas/* number */.aig().int().min(1).max(40),
    retentionUnit: schemas/* enum */.k5n(['days', 'weeks', 'months', 'years']),
    retentionValue: schemas/* number */.aig().int().min(1),
});
const onDemandItem = schemas/* strictObject */.rej({
    frequencyType: schemas/* literal */.euz('ondemand').default('ondemand'),
    frequencyInterval: schemas/* number */.aig().int().min(0).max(40).default(0),
    retentionUnit: schemas/* enum */.k5n(['days', 'weeks', 'months', 'years']),
    retentionValue: schemas/* number */.aig().int().min(1),
});
/**
 * The desired backup policy of a cluster, in Atlas's own field names (so a value copied from the API or
 * the Atlas CLI fits). Only what it states is checked; an unknown key is an error, never ignored.
 */
const desiredPolicySchema = schemas/* strictObject */.rej({
    /** From the cluster description. */
    cluster: schemas/* strictObject */.rej({
        backupEnabled: schemas/* boolean */.zMY().optional(),
        pitEnabled: schemas/* boolean */.zMY().optional(),
    })
        .optional(),
    /** From the cluster's backup schedule. `policyItems` is compared as a whole: missing and extra items are drift. */
    schedule: schemas/* strictObject */.rej({
        referenceHourOfDay: schemas/* number */.aig().int().min(0).max(23).optional(),
        referenceMinuteOfHour: schemas/* number */.aig().int().min(0).max(59).optional(),
        restoreWindowDays: schemas/* number */.aig().int().min(1).optional(),
        autoExportEnabled: schemas/* boolean */.zMY().optional(),
        exportBucketId: schemas/* string */.YjP()
            .regex(/^[a-f0-9]{24}$/, 'an export bucket id is 24 hexadecimal digits')
            .optional(),
        policyItems: schemas/* array */.YOg(policyItem).optional(),
    })
        .optional(),
    /**
     * The project's Backup Compliance Policy, which must exist when this section is given (reading it needs
     * the Project Owner role, so leave the section out where that role is not granted).
     */
    compliancePolicy: schemas/* strictObject */.rej({
        pitEnabled: schemas/* boolean */.zMY().optional(),
        restoreWindowDays: schemas/* number */.aig().int().min(1).optional(),
        copyProtectionEnabled: schemas/* boolean */.zMY().optional(),
        encryptionAtRestEnabled: schemas/* boolean */.zMY().optional(),
        scheduledPolicyItems: schemas/* array */.YOg(policyItem).optional(),
        onDemandPolicyItem: onDemandItem.optional(),
    })
        .optional(),
});
/** Reads a desired policy written in YAML or JSON; errors name the source and the key. */
function parseDesiredPolicy(text, source) {
    let data;
    try {
        data = (0,dist/* parse */.qg)(text, { uniqueKeys: true });
    }
    catch (error) {
        throw new errors/* UserError */.y(`${source} is not valid YAML or JSON: ${error.message.split('\n')[0]}`);
    }
    if (data === null || data === undefined) {
        throw new errors/* UserError */.y(`${source} is empty: write the policy to check (cluster, schedule and/or compliancePolicy).`);
    }
    const result = desiredPolicySchema.safeParse(data);
    if (!result.success) {
        const problems = result.error.issues.map((issue) => {
            const key = issue.path.map(String).join('.');
            const message = issue.code === 'unrecognized_keys'
                ? `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'`).join(', ')} (allowed: see docs/ATLAS.md)`
                : issue.message;
            return `  ${key || '(top level)'}: ${message}`;
        });
        throw new errors/* UserError */.y(`${source} is not a valid Atlas backup policy:\n${problems.join('\n')}`);
    }
    const policy = result.data;
    if (!policy.cluster && !policy.schedule && !policy.compliancePolicy) {
        throw new errors/* UserError */.y(`${source} states nothing to check: give cluster, schedule and/or compliancePolicy.`);
    }
    return policy;
}
/**
 * Compares a dedicated cluster's backup settings (cluster description, backup schedule, and the project's
 * Backup Compliance Policy when the desired policy mentions it) with the desired policy.
 */
async function checkPolicy(client, target, desired) {
    const tier = await client.getTier(target.projectId, target.cluster);
    requireTier(tier, ['dedicated'], 'check the backup policy');
    const schedule = desired.schedule ? await client.getSchedule(target.projectId, target.cluster) : undefined;
    const compliance = desired.compliancePolicy
        ? await client.getCompliancePolicy(target.projectId)
        : undefined;
    const { checked, differences } = comparePolicy(desired, {
        cluster: { backupEnabled: tier.backupEnabled, pitEnabled: tier.pitEnabled },
        ...(schedule ? { schedule } : {}),
        compliancePolicy: compliance,
    });
    const what = describeCluster(tier);
    return {
        tier,
        checked,
        differences,
        message: differences.length === 0
            ? `The backup policy of ${what} matches: ${checked} setting(s) checked.`
            : `The backup policy of ${what} has drifted: ${differences.length} difference(s) in ${checked} setting(s) checked.`,
    };
}
/** Every difference between what the desired policy states and the actual settings (pure). */
function comparePolicy(desired, actual) {
    const differences = [];
    let checked = 0;
    const compare = (field, want, have) => {
        if (want === undefined)
            return;
        checked += 1;
        if (want !== have)
            differences.push({ field, expected: show(want), actual: show(have) });
    };
    for (const [key, want] of Object.entries(desired.cluster ?? {})) {
        compare(`cluster.${key}`, want, actual.cluster[key]);
    }
    if (desired.schedule) {
        const have = actual.schedule;
        const { policyItems, exportBucketId, ...plain } = desired.schedule;
        for (const [key, want] of Object.entries(plain)) {
            compare(`schedule.${key}`, want, have?.[key]);
        }
        compare('schedule.exportBucketId', exportBucketId, have?.export?.exportBucketId);
        if (policyItems) {
            checked += 1;
            differences.push(...compareItems('schedule.policyItems', policyItems, have?.policyItems ?? []));
        }
    }
    if (desired.compliancePolicy) {
        const have = actual.compliancePolicy;
        checked += 1;
        if (!have) {
            differences.push({ field: 'compliancePolicy', expected: 'a Backup Compliance Policy', actual: 'none' });
        }
        else {
            const { scheduledPolicyItems, onDemandPolicyItem, ...plain } = desired.compliancePolicy;
            for (const [key, want] of Object.entries(plain)) {
                compare(`compliancePolicy.${key}`, want, have[key]);
            }
            if (scheduledPolicyItems) {
                checked += 1;
                differences.push(...compareItems('compliancePolicy.scheduledPolicyItems', scheduledPolicyItems, have.scheduledPolicyItems));
            }
            if (onDemandPolicyItem) {
                compare('compliancePolicy.onDemandPolicyItem', retention(onDemandPolicyItem), have.onDemandPolicyItem ? retention(have.onDemandPolicyItem) : 'none');
            }
        }
    }
    return { checked, differences };
}
/** Policy items matched by frequency (`hourly every 6`); each one's retention compared; missing and extra ones listed. */
function compareItems(field, desired, actual) {
    const differences = [];
    const byFrequency = (items) => new Map(items.map((item) => [frequency(item), item]));
    const want = byFrequency(desired);
    const have = byFrequency(actual);
    for (const [key, item] of want) {
        const found = have.get(key);
        if (!found)
            differences.push({ field: `${field}[${key}]`, expected: retention(item), actual: 'missing' });
        else if (retention(found) !== retention(item))
            differences.push({ field: `${field}[${key}]`, expected: retention(item), actual: retention(found) });
    }
    for (const [key, item] of have) {
        if (!want.has(key))
            differences.push({ field: `${field}[${key}]`, expected: 'none', actual: retention(item) });
    }
    return differences;
}
function frequency(item) {
    return `${item.frequencyType} every ${item.frequencyInterval}`;
}
function retention(item) {
    return `kept ${item.retentionValue} ${item.retentionUnit}`;
}
function show(value) {
    return value === undefined ? 'not set' : String(value);
}

;// CONCATENATED MODULE: ../atlas/src/restore.ts





/**
 * Works out and checks what a restore would do, without changing anything: the source's tier allows it,
 * the snapshot exists and is completed (or continuous backup covers the point in time), and the target
 * cluster exists. The plan says, in its last line, that every document of the target is replaced.
 */
async function planRestore(client, request) {
    if (Boolean(request.snapshotId) === Boolean(request.pointInTime)) {
        throw new errors/* UserError */.y('A restore takes either a snapshot or a point in time, not both and not neither.');
    }
    const source = await client.getTier(request.projectId, request.cluster);
    requireTier(source, ['dedicated', 'flex'], 'restore a snapshot');
    const from = describeCluster(source);
    let snapshot;
    let pointInTime;
    if (request.snapshotId) {
        snapshot = await client.getSnapshot(source, request.snapshotId);
        if (snapshot.status !== 'completed') {
            throw new errors/* UserError */.y(`Cannot restore snapshot ${snapshot.id} of ${from}: it is ${snapshot.rawStatus}, and only a completed snapshot can be restored.`);
        }
    }
    else if (request.pointInTime) {
        if (source.kind === 'flex') {
            throw new UnsupportedTierError(`Cannot restore a point in time of ${from}: Flex clusters have no continuous backup; restore one of their daily snapshots instead.`, source, 'restore a point in time');
        }
        if (!source.pitEnabled) {
            throw new errors/* UserError */.y(`Cannot restore a point in time of ${from}: continuous cloud backup is off for it. Restore a snapshot, or turn continuous backup on (it covers times after that).`);
        }
        if (request.pointInTime.getTime() > client.deps.now()) {
            throw new errors/* UserError */.y(`Cannot restore ${request.pointInTime.toISOString()}: that point in time is in the future.`);
        }
        pointInTime = new Date(Math.floor(request.pointInTime.getTime() / 1000) * 1000).toISOString();
    }
    const target = await client.getTier(request.targetProjectId ?? request.projectId, request.targetCluster);
    if (target.kind === 'free') {
        throw new UnsupportedTierError(`Cannot restore into ${describeCluster(target)}: Atlas restores snapshots into Flex and dedicated clusters, not into M0.`, target, 'restore into a cluster');
    }
    const deliveryType = pointInTime ? 'pointInTime' : 'automated';
    const into = describeCluster(target);
    const lines = [
        `source:   ${from}`,
        snapshot
            ? `restore:  snapshot ${snapshot.id}, taken ${snapshot.createdAt ?? 'at an unknown time'} (${snapshot.type}${snapshot.description ? `, "${snapshot.description}"` : ''})`
            : `restore:  the data as it was at ${pointInTime} (point in time, from continuous backup)`,
        `into:     ${into}`,
        `delivery: ${deliveryType}`,
        `effect:   Atlas REPLACES ALL DATA of cluster '${target.cluster}': every database and collection on it now is lost.`,
    ];
    return {
        source,
        target,
        deliveryType,
        ...(snapshot ? { snapshot } : {}),
        ...(pointInTime ? { pointInTime } : {}),
        lines,
    };
}
/**
 * The one check that stands between a plan and a restore that replaces every document of its target:
 * the confirmation must be the target cluster's exact name.
 */
function checkConfirmation(plan, confirm) {
    const expected = plan.target.cluster;
    if (confirm === expected)
        return;
    throw new RestoreNotConfirmedError(`This restore replaces all data of ${describeCluster(plan.target)}. Confirm with the exact name of the target cluster, '${expected}'${confirm === undefined || confirm === '' ? '' : `; got '${confirm}'`}. Nothing was started.`, expected, confirm);
}
/** Starts the planned restore (at most once), after {@link checkConfirmation}, and follows it when asked. */
async function startRestore(client, plan, options) {
    checkConfirmation(plan, options.confirm);
    const { deps } = client;
    const started = deps.now();
    const deadline = started + options.timeoutMs;
    const { job: first, reconciled } = await client.createRestoreJob(plan.source, {
        deliveryType: plan.deliveryType,
        ...(plan.snapshot ? { snapshotId: plan.snapshot.id } : {}),
        ...(plan.pointInTime ? { pointInTimeUTCSeconds: Date.parse(plan.pointInTime) / 1000 } : {}),
        targetProjectId: plan.target.projectId,
        targetCluster: plan.target.cluster,
    });
    const into = describeCluster(plan.target);
    deps.logger.info(`Atlas accepted restore job ${first.id} into ${into}${reconciled ? ' (found after its answer was lost)' : ''}.`);
    if (!options.wait) {
        return {
            outcome: 'started',
            plan,
            job: first,
            reconciled,
            durationMs: deps.now() - started,
            message: `Restore job ${first.id} into ${into} started; not waiting for it.`,
        };
    }
    const { last, timedOut } = await follow(first, () => client.getRestoreJob(plan.source, first.id), {
        finished: (job) => job.state !== 'inProgress',
        describe: (job) => `Restore job ${job.id}: ${job.state}`,
    }, { pollIntervalMs: options.pollIntervalMs, deadline }, deps);
    const durationMs = deps.now() - started;
    const took = (0,format/* formatDuration */.a3)(durationMs);
    const outcome = timedOut
        ? 'timed-out'
        : last.state === 'inProgress'
            ? 'timed-out'
            : last.state;
    const message = outcome === 'completed'
        ? `Restore job ${last.id} into ${into} completed in ${took}.`
        : outcome === 'timed-out'
            ? `Restore job ${last.id} into ${into} is still running after ${took}: Atlas carries on with it; the target cluster is not usable until it finishes.`
            : `Restore job ${last.id} into ${into} ${outcome} after ${took}; see the cluster's Backup → Restores page in Atlas.`;
    return { outcome, plan, job: last, reconciled, durationMs, message };
}

;// CONCATENATED MODULE: ../atlas/src/snapshot.ts






/** How often a 409 may be answered by finding nothing in progress before giving up (it finished meanwhile). */
const CONFLICT_TRIES = 3;
/**
 * Takes one on-demand snapshot of a dedicated cluster and, when asked, follows it to `completed` or
 * `failed`. M0 and Flex clusters are refused, saying what they offer instead.
 *
 * Atlas takes one on-demand snapshot at a time and answers 409 while one is queued or in progress. That
 * one is adopted rather than waited out: it was started before this request, so it holds the data as it
 * was before whatever comes next (a deploy), which is what this snapshot is for, and a second one would
 * cost storage and time for the same protection. The result says so (`adopted`), with that snapshot's
 * own description and expiry.
 */
async function takeOnDemandSnapshot(client, options) {
    const { deps } = client;
    const started = deps.now();
    const deadline = started + options.timeoutMs;
    const tier = await client.getTier(options.projectId, options.cluster);
    requireTier(tier, ['dedicated'], 'take an on-demand snapshot');
    requireBackupEnabled(tier, 'take an on-demand snapshot');
    const cluster = describeCluster(tier);
    const { snapshot: first, adopted, reconciled } = await startSnapshot(client, tier, options);
    deps.logger.info(adopted
        ? `Atlas was already taking on-demand snapshot ${first.id} of ${cluster} (${quoted(first.description)}): following it rather than taking a second one.`
        : `Atlas accepted on-demand snapshot ${first.id} of ${cluster}${reconciled ? ' (found after its answer was lost)' : ''}.`);
    const base = { tier, adopted, reconciled };
    if (!options.wait) {
        return {
            ...base,
            outcome: 'started',
            snapshot: first,
            durationMs: deps.now() - started,
            message: `On-demand snapshot ${first.id} of ${cluster} is ${first.rawStatus}; not waiting for it.`,
        };
    }
    const { last, timedOut } = await follow(first, () => client.getSnapshot(tier, first.id), {
        finished: (s) => FINISHED_SNAPSHOT.includes(s.status),
        describe: (s) => `Snapshot ${s.id}: ${s.rawStatus}`,
    }, { pollIntervalMs: options.pollIntervalMs, deadline }, deps);
    const durationMs = deps.now() - started;
    const took = (0,format/* formatDuration */.a3)(durationMs);
    if (timedOut) {
        return {
            ...base,
            outcome: 'timed-out',
            snapshot: last,
            durationMs,
            message: `On-demand snapshot ${last.id} of ${cluster} is still ${last.rawStatus} after ${took}: Atlas carries on with it, but it is not completed yet.`,
        };
    }
    if (last.status === 'failed') {
        return {
            ...base,
            outcome: 'failed',
            snapshot: last,
            durationMs,
            message: `On-demand snapshot ${last.id} of ${cluster} failed after ${took}; see the cluster's Backup page in Atlas.`,
        };
    }
    return {
        ...base,
        outcome: 'completed',
        snapshot: last,
        durationMs,
        message: `On-demand snapshot ${last.id} of ${cluster} completed in ${took}${last.expiresAt ? `; Atlas keeps it until ${last.expiresAt}` : ''}.`,
    };
}
async function startSnapshot(client, tier, options) {
    for (let attempt = 1;; attempt++) {
        try {
            const { snapshot, reconciled } = await client.takeSnapshot(tier, {
                description: options.description,
                retentionInDays: options.retentionDays,
            });
            return { snapshot, adopted: false, reconciled };
        }
        catch (error) {
            if (!(error instanceof AtlasApiError) || error.status !== 409)
                throw error;
            // A 409 created nothing: find the snapshot in the way, or ask again if it finished meanwhile.
            const running = (await client.listSnapshots(tier)).find((s) => s.type === 'onDemand' && (s.status === 'queued' || s.status === 'inProgress'));
            if (running)
                return { snapshot: running, adopted: true, reconciled: false };
            if (attempt >= CONFLICT_TRIES)
                throw error;
            client.deps.logger.info(`${error.message} No on-demand snapshot is in progress any more: asking again.`);
        }
    }
}
function quoted(text) {
    return text ? `"${text}"` : 'no description';
}

;// CONCATENATED MODULE: ../atlas/src/index.ts















/***/ })

};
