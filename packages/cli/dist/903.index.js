export const id = 903;
export const ids = [903];
export const modules = {

/***/ 2856:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Vr: () => (/* binding */ CONNECTION_ROWS),
/* harmony export */   WC: () => (/* binding */ CREDENTIAL_ROWS)
/* harmony export */ });
/* unused harmony export TARGET_ROWS */
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3832);
/**
 * The rows every `shipkit atlas …` command shares, defined once: the project and cluster, the
 * credentials (from the environment only) and where Atlas is. This module imports no Atlas code, so that
 * a command which only may talk to Atlas (`init-client`) can reuse the rows without loading it.
 */

/** Where the cluster is: its project and its name. */
const TARGET_ROWS = {
    'project-id': (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .textRow */ .yL)({
        description: 'The Atlas project id (24 hexadecimal digits, Project Settings).',
        required: true,
        flag: 'project',
        env: 'ATLAS_PROJECT_ID',
        placeholder: '<groupId>',
    }),
    cluster: (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .textRow */ .yL)({
        description: "The cluster's name.",
        required: true,
        env: 'ATLAS_CLUSTER',
        placeholder: '<name>',
    }),
};
/** A service account or a legacy API key, from the environment only, and where Atlas is. */
const CREDENTIAL_ROWS = {
    'client-id': (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .textRow */ .yL)({
        description: "A service account's client id (mdb_sa_id_…).",
        flag: false,
        env: 'ATLAS_CLIENT_ID',
    }),
    'client-secret': (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .textRow */ .yL)({
        description: "That service account's secret.",
        secret: true,
        flag: false,
        env: 'ATLAS_CLIENT_SECRET',
    }),
    'public-key': (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .textRow */ .yL)({
        description: "A legacy API key's public key (instead of a service account).",
        flag: false,
        env: 'ATLAS_PUBLIC_KEY',
    }),
    'private-key': (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .textRow */ .yL)({
        description: "That API key's private key.",
        secret: true,
        flag: false,
        env: 'ATLAS_PRIVATE_KEY',
    }),
    'base-url': (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .textRow */ .yL)({
        description: 'Where Atlas is.',
        default: 'https://cloud.mongodb.com',
        flag: false,
        env: 'ATLAS_BASE_URL',
    }),
};
/** What every command reads: the cluster, and how to reach Atlas. */
const CONNECTION_ROWS = { ...TARGET_ROWS, ...CREDENTIAL_ROWS };


/***/ }),

/***/ 8903:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  initClientCommand: () => (/* binding */ initClientCommand)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ../backup/src/options.ts
var options = __webpack_require__(3453);
// EXTERNAL MODULE: ../runtime/src/deadline.ts
var deadline = __webpack_require__(3181);
// EXTERNAL MODULE: ../runtime/src/log.ts
var log = __webpack_require__(979);
// EXTERNAL MODULE: ../runtime/src/retry.ts
var retry = __webpack_require__(179);
// EXTERNAL MODULE: ../runtime/src/format.ts
var format = __webpack_require__(770);
// EXTERNAL MODULE: ../runtime/src/errors.ts
var errors = __webpack_require__(3422);
;// CONCATENATED MODULE: ../github/src/errors.ts

/**
 * The one error of the GitHub client: what was asked (method, path without the query), what GitHub
 * answered and, in the message, what the edge says to do about it. The message never holds the token:
 * the client builds every one through its redactor.
 */
class GitHubApiError extends errors/* UserError */.y {
    name = 'GitHubApiError';
    method;
    path;
    status;
    githubMessage;
    documentationUrl;
    attempts;
    mayHaveBeenReceived;
    constructor(message, fields) {
        super(message);
        this.method = fields.method;
        this.path = fields.path;
        this.status = fields.status;
        this.githubMessage = fields.githubMessage;
        this.documentationUrl = fields.documentationUrl;
        this.attempts = fields.attempts;
        this.mayHaveBeenReceived = fields.mayHaveBeenReceived ?? false;
    }
}

;// CONCATENATED MODULE: ../github/src/client.ts


const DEFAULT_GITHUB_API_URL = 'https://api.github.com';
/** The REST API version every request names (`X-GitHub-Api-Version`). */
const GITHUB_API_VERSION = '2022-11-28';
const realGitHubDeps = () => ({
    fetch: globalThis.fetch,
    sleep: (ms, signal) => (0,deadline/* sleep */.yy)(ms, signal),
    now: Date.now,
    random: Math.random,
    logger: log/* silentLogger */.qq,
});
const GITHUB_RETRY = { ...retry/* DEFAULT_RETRY */.vI, maxRateLimitWaitMs: 60_000 };
/**
 * The one GitHub REST client: base URL (GHES too), token, API version and User-Agent on every request;
 * each try bounded by the request timeout and the run's deadline; retries with backoff of what may be
 * sent again, and waits for rate limits; pages followed by `Link: rel="next"`; every failure one
 * {@link GitHubApiError} that never holds the token.
 */
class GitHubClient {
    options;
    deps;
    apiUrl;
    policy;
    signal;
    constructor(options, deps = realGitHubDeps()) {
        this.options = options;
        this.deps = deps;
        this.apiUrl = (options.apiUrl || DEFAULT_GITHUB_API_URL).replace(/\/+$/, '');
        this.policy = { ...GITHUB_RETRY, ...options.retry };
        this.signal = options.deadline?.signal ?? options.signal;
    }
    /**
     * Sends a request and returns GitHub's answer when it is a success (or a status in `accept`); retries
     * what {@link mayResend} allows, and throws a {@link GitHubApiError} for everything else.
     */
    async request(request) {
        const url = this.url(request);
        const at = { method: request.method, path: url.pathname };
        for (let attempt = 1;; attempt++) {
            const isLast = attempt >= this.policy.attempts;
            let answer;
            try {
                answer = await this.send(url, request);
            }
            catch (thrown) {
                this.throwIfStopped(request, at, attempt);
                const reason = (0,retry/* networkReason */.d8)(thrown);
                if (!(0,retry/* mayResend */.NO)(request, { thrown })) {
                    // Only a connection never made proves GitHub did not act: a POST after a reset or a timeout may
                    // have created a comment or a deployment, and a second one would be a duplicate.
                    throw this.error(`GitHub gave no answer when asked to ${request.what}: ${reason}. The request may have reached GitHub, so it was not sent again.`, { ...at, attempts: attempt, mayHaveBeenReceived: true });
                }
                if (isLast) {
                    throw this.error(`Could not reach the GitHub API at ${this.apiUrl} (GITHUB_API_URL) to ${request.what}: ${reason} (after ${attempt} attempts).`, { ...at, attempts: attempt });
                }
                await this.wait((0,retry/* backoffDelay */.EY)(attempt, this.policy, this.deps.random), `Could not ${request.what} (${reason})`, request, at, attempt);
                continue;
            }
            const { response, text } = answer;
            const { status } = response;
            const body = parseJson(text);
            if ((status >= 200 && status < 300) || request.accept?.includes(status)) {
                return { status, body: body, headers: response.headers, attempts: attempt };
            }
            const fields = { ...at, status, attempts: attempt, ...githubFields(body) };
            const limited = rateLimit(response, this.deps.now());
            if (limited || status >= 500) {
                // A rate-limited request was not processed, so even a POST may be sent again; after a 5xx only
                // what is safe to repeat is.
                if (!(0,retry/* mayResend */.NO)(request, { status }, () => limited !== undefined)) {
                    throw this.error(`GitHub answered HTTP ${status}${afterColon(fields)} when asked to ${request.what}. The request may have been received, so it was not sent again.`, { ...fields, mayHaveBeenReceived: true });
                }
                const delay = limited?.waitMs ?? (0,retry/* backoffDelay */.EY)(attempt, this.policy, this.deps.random);
                if (limited && delay > this.policy.maxRateLimitWaitMs) {
                    const lifts = new Date(this.deps.now() + delay).toISOString().slice(11, 16);
                    throw this.error(`GitHub's rate limit stops the request to ${request.what} (HTTP ${status}${afterColon(fields)}); it lifts in ${(0,format/* formatDuration */.a3)(delay)}, at ${lifts} UTC. Run again after that.`, fields);
                }
                if (!isLast) {
                    const why = limited ? `rate limited, HTTP ${status}` : `HTTP ${status}`;
                    await this.wait(delay, `Could not ${request.what} yet (${why})`, request, at, attempt);
                    continue;
                }
            }
            const hint = request.hint?.(status);
            const verb = status >= 500 ? `GitHub failed to ${request.what}` : `GitHub refused to ${request.what}`;
            const tries = attempt > 1 ? `, after ${attempt} attempts` : '';
            throw this.error(`${verb} (HTTP ${status}${afterColon(fields)}${tries}).${hint ? ` ${hint}` : ''}`, fields);
        }
    }
    /** Every item of a listing, following `Link: rel="next"` from page to page (100 items a page). */
    async paginate(request) {
        const items = [];
        let page = {
            path: request.path,
            query: { per_page: 100, ...request.query },
        };
        while (page) {
            // A next link carries its own query: the first page's is not applied to it again.
            const response = await this.request({
                method: 'GET',
                what: request.what,
                ...page,
                ...(request.hint ? { hint: request.hint } : {}),
            });
            if (!Array.isArray(response.body)) {
                throw this.error(`GitHub answered the request to ${request.what} with no list.`, {
                    method: 'GET',
                    path: this.url({ path: page.path }).pathname,
                    status: response.status,
                    attempts: response.attempts,
                });
            }
            items.push(...response.body);
            const next = nextLink(response.headers.get('link'));
            page = next ? { path: next } : undefined;
        }
        return items;
    }
    url(request) {
        const absolute = /^https?:\/\//i.test(request.path);
        const url = new URL(absolute ? request.path : `${this.apiUrl}${request.path}`);
        // The token goes with every request: a link GitHub gave must not lead it anywhere else.
        if (absolute && !url.href.startsWith(`${this.apiUrl}/`)) {
            throw this.error(`GitHub gave a link outside ${this.apiUrl}; it is not followed with the token.`, {
                method: 'GET',
                path: url.pathname,
                attempts: 0,
            });
        }
        for (const [name, value] of Object.entries(request.query ?? {}))
            url.searchParams.set(name, String(value));
        return url;
    }
    /** One try, bounded by the request timeout and the run's deadline, the body read included. */
    async send(url, request) {
        const timeout = AbortSignal.timeout(this.policy.requestTimeoutMs);
        const signal = this.signal ? AbortSignal.any([timeout, this.signal]) : timeout;
        const attempt = (async () => {
            const response = await this.deps.fetch(url, {
                method: request.method,
                headers: {
                    accept: 'application/vnd.github+json',
                    authorization: `Bearer ${this.options.token}`,
                    'user-agent': this.options.userAgent,
                    'x-github-api-version': GITHUB_API_VERSION,
                    ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
                },
                ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
                signal,
            });
            return { response, text: await response.text() };
        })();
        const { deadline } = this.options;
        return deadline ? deadline.waitFor(`GitHub to ${request.what}`, attempt) : attempt;
    }
    async wait(ms, why, request, at, attempt) {
        this.deps.logger.info(`${this.redact(why)}; retrying in ${(0,retry/* retryDelayText */.Vd)(ms)}.`);
        try {
            await this.deps.sleep(ms, this.signal);
        }
        catch (thrown) {
            this.throwIfStopped(request, at, attempt);
            throw thrown;
        }
    }
    /** The run stopped (its deadline passed, or it was cancelled): nothing is tried again. */
    throwIfStopped(request, at, attempts) {
        if (!this.signal?.aborted)
            return;
        const reason = this.signal.reason;
        if (reason instanceof errors/* UserError */.y)
            throw reason;
        throw this.error(`Could not ${request.what}: the run was stopped (${(0,retry/* networkReason */.d8)(reason)}).`, {
            ...at,
            attempts,
        });
    }
    /** Every error of the client is made here, so none can carry the token. */
    error(message, fields) {
        const { githubMessage } = fields;
        return new GitHubApiError(this.redact(message), {
            ...fields,
            ...(githubMessage === undefined ? {} : { githubMessage: this.redact(githubMessage) }),
        });
    }
    redact(text) {
        const { token } = this.options;
        return token ? text.replaceAll(token, '***') : text;
    }
}
/**
 * How long GitHub asks to wait when it rate-limited the request: 429, or a 403 that is a rate limit
 * (a secondary limit sends `Retry-After`; an exhausted primary limit `x-ratelimit-remaining: 0` and
 * the epoch second it resets at). `waitMs` is absent when GitHub named no time (back off then).
 */
function rateLimit(response, now) {
    const { status, headers } = response;
    const retryAfter = (0,retry/* parseRetryAfter */.mu)(headers.get('retry-after'), now);
    const exhausted = headers.get('x-ratelimit-remaining') === '0';
    if (status !== 429 && !(status === 403 && (retryAfter !== undefined || exhausted)))
        return undefined;
    if (retryAfter !== undefined)
        return { waitMs: retryAfter };
    const reset = Number(headers.get('x-ratelimit-reset'));
    if (exhausted && reset > 0)
        return { waitMs: Math.max(0, reset * 1000 - now) };
    return {};
}
/** The URL of `rel="next"` in a `Link` header, if any. */
function nextLink(header) {
    for (const part of header?.split(',') ?? []) {
        const match = /^\s*<([^>]+)>\s*;(.*)$/.exec(part);
        if (match && /\brel="?[^"]*\bnext\b/.test(match[2] ?? ''))
            return match[1];
    }
    return undefined;
}
function parseJson(text) {
    try {
        return text ? JSON.parse(text) : undefined;
    }
    catch {
        return undefined;
    }
}
function githubFields(body) {
    const { message, documentation_url: documentationUrl } = (body ?? {});
    return {
        ...(typeof message === 'string' && message ? { githubMessage: message } : {}),
        ...(typeof documentationUrl === 'string' ? { documentationUrl } : {}),
    };
}
/** `: <GitHub's message>`, or nothing when it gave none. */
function afterColon({ githubMessage }) {
    return githubMessage ? `: ${githubMessage}` : '';
}

;// CONCATENATED MODULE: ../bootstrap/src/suite.ts

/** Used when the suite's package.json names no repository and none is given. */
const DEFAULT_SUITE_REPOSITORY = 'mongo-shipkit/mongo-shipkit';
const REPOSITORY = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;
function parseRepository(value, what) {
    const trimmed = value.trim();
    if (!REPOSITORY.test(trimmed)) {
        throw new errors/* UserError */.y(`${what} must be a GitHub repository as owner/name, e.g. acme/shop.`);
    }
    return trimmed;
}
/** owner/name from package.json's `repository` field: "owner/name", "github:owner/name" or a GitHub URL. */
function repositoryFromPackageJson(repository) {
    const text = typeof repository === 'string'
        ? repository
        : typeof repository === 'object' &&
            repository !== null &&
            typeof repository.url === 'string'
            ? repository.url
            : undefined;
    if (!text)
        return undefined;
    const match = /^(?:github:)?([\w-]+\/[\w.-]+?)(?:\.git)?$/.exec(text) ??
        /github\.com[/:]([\w-]+\/[\w.-]+?)(?:\.git)?\/?$/.exec(text);
    return match?.[1];
}
function suiteFromPackageJson(packageJson, override) {
    const version = typeof packageJson.version === 'string' ? packageJson.version : '';
    const major = /^(\d+)\.\d+\.\d+/.exec(version)?.[1];
    if (major === undefined)
        throw new Error(`the suite's package.json has no semver version (found '${version}')`);
    const repository = override !== undefined
        ? parseRepository(override, '--suite-repo')
        : (repositoryFromPackageJson(packageJson.repository) ?? DEFAULT_SUITE_REPOSITORY);
    return { repository, version, ref: `v${major}` };
}

// EXTERNAL MODULE: ../config/src/dotenv.ts
var dotenv = __webpack_require__(8089);
// EXTERNAL MODULE: ../config/src/variables.ts
var src_variables = __webpack_require__(630);
;// CONCATENATED MODULE: ../config/src/env-example.ts


const WIDTH = 110;
/** The text of `.env.example`: every variable with what it is, whether it is needed, where it goes. */
function renderEnvExample(options = {}) {
    const variables = options.variables ?? src_variables/* VARIABLES */.ut;
    const lines = [
        '# Every variable one instance of the shop needs: the GitHub workflows, the Render service and',
        '# `shipkit init-client` read these names. Generated from packages/config (`npm run env-example`):',
        '# change the schema there, not this file.',
        ...(options.subject ? [`# ${options.subject}`] : []),
        '#',
        '# Copy it to .env (never commit that file), fill it in, then check it without printing any value:',
        '#   npx shipkit env-check --file .env',
        '# An empty value means unset. Secrets go to GitHub secrets or the Render environment, never to git.',
    ];
    let group;
    for (const spec of variables) {
        if (spec.group !== group) {
            group = spec.group;
            lines.push('', `# ── ${src_variables/* GROUP_TITLES */.Cx[spec.group]} ${'─'.repeat(Math.max(3, 60 - src_variables/* GROUP_TITLES */.Cx[spec.group].length))}`);
        }
        const example = options.examples?.[spec.name] ?? spec.example;
        lines.push('', ...wrap(`${spec.name}: ${spec.description}`));
        lines.push(...wrap(`${requirementText(spec)} · ${spec.secret ? 'secret' : 'not secret'} · ${placesText(spec)}`));
        if (!spec.exampleAsValue)
            lines.push(...wrap(`Example: ${example}`));
        lines.push(`${spec.name}=${spec.exampleAsValue ? (0,dotenv/* formatEnvValue */.u$)(example) : ''}`);
    }
    return `${lines.join('\n')}\n`;
}
function requirementText(spec) {
    if (spec.requirement === 'required')
        return 'Required';
    if (spec.requirement === 'optional')
        return 'Optional';
    return `Conditional: ${spec.condition ?? 'see the description'}`;
}
function placesText(spec) {
    return spec.places.map((place) => src_variables/* PLACE_LABELS */.SH[place]).join(', ');
}
function wrap(text) {
    const lines = [];
    let line = '#';
    for (const word of text.split(' ')) {
        if (line.length + 1 + word.length > WIDTH && line !== '#') {
            lines.push(line);
            line = '#  ';
        }
        line += ` ${word}`;
    }
    lines.push(line);
    return lines;
}

// EXTERNAL MODULE: ../config/src/values.ts
var values = __webpack_require__(1561);
// EXTERNAL MODULE: ../config/src/check.ts
var src_check = __webpack_require__(9931);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ../bootstrap/src/mongo-uri.ts


/** Splits a MongoDB connection string; `what` names the input in the error. Handles multi-host URIs. */
function parseMongoUri(uri, what) {
    const problem = (0,values/* mongodbUriProblem */.MB)(uri);
    if (problem)
        throw new errors/* UserError */.y(`${what} ${problem}.`);
    const scheme = uri.startsWith('mongodb+srv://') ? 'mongodb+srv' : 'mongodb';
    const rest = uri.slice(scheme.length + 3);
    const authorityEnd = rest.search(/[/?]/);
    const authority = authorityEnd < 0 ? rest : rest.slice(0, authorityEnd);
    const tail = authorityEnd < 0 ? '' : rest.slice(authorityEnd);
    const at = authority.lastIndexOf('@');
    const query = tail.indexOf('?');
    const path = (query < 0 ? tail : tail.slice(0, query)).replace(/^\//, '');
    return {
        scheme,
        ...(at < 0 ? {} : { userInfo: authority.slice(0, at) }),
        hosts: at < 0 ? authority : authority.slice(at + 1),
        database: decodeURIComponent(path),
        options: new URLSearchParams(query < 0 ? '' : tail.slice(query + 1)),
    };
}
/**
 * The same servers and options as `base`, logged in as another user of `database` (its auth source, unless
 * `authSource` says otherwise: Atlas's users all authenticate against `admin`): how the client's users
 * connect after provisioning.
 */
function uriForUser(base, user, password, database, authSource = database) {
    const options = new URLSearchParams(base.options);
    options.set('authSource', authSource);
    const credentials = `${encodeURIComponent(user)}:${encodeURIComponent(password)}`;
    return `${base.scheme}://${credentials}@${base.hosts}/${encodeURIComponent(database)}?${options.toString()}`;
}
/** The user name in a connection string, if any. */
function uriUser(uri) {
    try {
        const parts = parseMongoUri(uri, 'the connection string');
        const user = parts.userInfo?.split(':')[0];
        return user === undefined ? undefined : decodeURIComponent(user);
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ../bootstrap/src/provision.ts



const INSTANCE_COLLECTION = 'shipkit_instance';
const PROBE_COLLECTION = 'shipkit_probe';
const UNAUTHORIZED = 13;
const NOT_IMPLEMENTED = 238;
function defaultPassword() {
    return (0,external_node_crypto_.randomBytes)(24).toString('base64url');
}
function rolesFor(kind, database) {
    return [{ role: kind, db: database }];
}
function sameRoles(a, b) {
    const key = (roles) => roles
        .map((r) => `${r.db}.${r.role}`)
        .sort()
        .join(',');
    return key(a) === key(b);
}
function codeOf(error) {
    const code = error.code;
    return typeof code === 'number' ? code : undefined;
}
/**
 * Creates the client's database and its two least-privilege users (application: readWrite, backup:
 * read), then checks as each user that it can do what it must, and that the backup user cannot write.
 * Passwords only ever leave this function inside the returned URIs.
 */
async function provisionDatabase(options, deps) {
    const { database, client } = options;
    const base = parseMongoUri(options.adminUri, 'ADMIN_MONGODB_URI (--admin-uri)');
    const newPassword = deps.newPassword ?? defaultPassword;
    const admin = await connectOrExplain(deps, options.adminUri, 'the admin connection string');
    const warnings = [];
    try {
        const db = admin.db(database);
        // MongoDB creates a database with its first collection; this one also says whose database it is.
        await db
            .collection(INSTANCE_COLLECTION)
            .updateOne({ _id: 'instance' }, { $setOnInsert: { client, provisionedAt: deps.now() }, $set: { updatedAt: deps.now() } }, { upsert: true });
        let rolesSupported = true;
        const users = [];
        const uris = { application: '', backup: '' };
        for (const spec of [
            {
                kind: 'application',
                user: `${database}_app`,
                role: 'readWrite',
                known: options.known.appUri,
            },
            {
                kind: 'backup',
                user: `${database}_backup`,
                role: 'read',
                known: options.known.backupUri,
            },
        ]) {
            const intendedRoles = rolesFor(spec.role, database);
            const existing = await findUser(admin, database, spec.user);
            const knownUri = spec.known !== undefined && uriUser(spec.known) === spec.user ? spec.known : undefined;
            let action;
            let uri;
            if (!existing) {
                const password = newPassword();
                rolesSupported =
                    (await createUser(admin, database, spec.user, password, intendedRoles)) && rolesSupported;
                uri = uriForUser(base, spec.user, password, database);
                action = 'created';
            }
            else if (knownUri && !options.resetPasswords) {
                if (!sameRoles(existing.roles, intendedRoles)) {
                    rolesSupported = (await updateRoles(admin, database, spec.user, intendedRoles)) && rolesSupported;
                }
                uri = knownUri;
                action = 'updated';
            }
            else if (options.resetPasswords) {
                const password = newPassword();
                await admin.db(database).command({ updateUser: spec.user, pwd: password });
                if (!sameRoles(existing.roles, intendedRoles)) {
                    rolesSupported = (await updateRoles(admin, database, spec.user, intendedRoles)) && rolesSupported;
                }
                uri = uriForUser(base, spec.user, password, database);
                action = 'password-reset';
            }
            else {
                throw new errors/* UserError */.y(`The user ${spec.user} already exists on the server, but its password is not in the client's .env ` +
                    `(${spec.kind === 'application' ? 'MONGODB_URI' : 'MONGODB_BACKUP_URI'}). ` +
                    'Re-run with --force to give it a new password.');
            }
            const recorded = await findUser(admin, database, spec.user);
            users.push({
                kind: spec.kind,
                user: spec.user,
                intendedRoles,
                recordedRoles: recorded?.roles ?? [],
                action,
            });
            uris[spec.kind] = uri;
        }
        if (!rolesSupported) {
            warnings.push('roles are not supported by this server (createUser with roles is not implemented): both users were ' +
                'created without roles, so least privilege is not enforced by this server');
        }
        await checkApplicationUser(deps, uris.application, database);
        const backupWriteRefused = await checkBackupUser(deps, admin, uris.backup, database);
        if (backupWriteRefused === 'not-enforced') {
            warnings.push(`not enforced by this server: the backup user ${database}_backup could write to ${database} ` +
                '(its read-only role is recorded but this server does not enforce authorization)');
        }
        return {
            database,
            users,
            appUri: uris.application,
            backupUri: uris.backup,
            rolesSupported,
            serverReportsAuthorization: await serverReportsAuthorization(admin),
            backupWriteRefused,
            warnings,
        };
    }
    finally {
        await admin.close();
    }
}
async function connectOrExplain(deps, uri, what) {
    try {
        return await deps.connect(uri);
    }
    catch (error) {
        // The driver's message names hosts, not passwords; the CLI's redactor removes the URI regardless.
        throw new errors/* UserError */.y(`Could not connect with ${what}: ${(0,errors/* errorMessage */.g)(error)}`);
    }
}
async function findUser(admin, database, user) {
    const answer = await admin.db(database).command({ usersInfo: { user, db: database } });
    const found = answer.users?.find((u) => u.user === user);
    return found ? { roles: (found.roles ?? []).map((r) => ({ role: r.role, db: r.db })) } : undefined;
}
/** Returns false when the server cannot store roles (FerretDB 1.x) and the user was created without. */
async function createUser(admin, database, user, password, roles) {
    try {
        await admin.db(database).command({ createUser: user, pwd: password, roles });
        return true;
    }
    catch (error) {
        if (!rolesNotImplemented(error))
            throw error;
        await admin.db(database).command({ createUser: user, pwd: password, roles: [] });
        return false;
    }
}
async function updateRoles(admin, database, user, roles) {
    try {
        await admin.db(database).command({ updateUser: user, roles });
        return true;
    }
    catch (error) {
        if (!rolesNotImplemented(error))
            throw error;
        return false;
    }
}
function rolesNotImplemented(error) {
    return codeOf(error) === NOT_IMPLEMENTED && /roles/.test((0,errors/* errorMessage */.g)(error));
}
/** The application user can write to its database (a probe document, written and removed). */
async function checkApplicationUser(deps, uri, database) {
    const app = await connectOrExplain(deps, uri, 'the new application user');
    try {
        const probes = app.db(database).collection(INSTANCE_COLLECTION);
        await probes.updateOne({ _id: 'write-check' }, { $set: { at: deps.now() } }, { upsert: true });
        await probes.deleteOne({ _id: 'write-check' });
    }
    catch (error) {
        throw new errors/* UserError */.y(`The application user was created but cannot write to ${database}: ${(0,errors/* errorMessage */.g)(error)}`);
    }
    finally {
        await app.close();
    }
}
/**
 * The backup user must read; a write must be refused. Anything it managed to write is removed through
 * `cleaner`, a connection allowed to drop it (the admin's, or on Atlas the application user's).
 */
async function checkBackupUser(deps, cleaner, uri, database) {
    const backup = await connectOrExplain(deps, uri, 'the new backup user');
    try {
        try {
            await backup
                .db(database)
                .collection(INSTANCE_COLLECTION)
                .findOne({ _id: 'instance' });
            await backup.db(database).listCollections({}, { nameOnly: true }).toArray();
        }
        catch (error) {
            throw new errors/* UserError */.y(`The backup user was created but cannot read ${database}: ${(0,errors/* errorMessage */.g)(error)}`);
        }
        try {
            await backup
                .db(database)
                .collection(PROBE_COLLECTION)
                .insertOne({ probe: 'backup user must not write' });
        }
        catch (error) {
            if (codeOf(error) === UNAUTHORIZED || /not authorized|unauthorized/i.test((0,errors/* errorMessage */.g)(error)))
                return 'enforced';
            throw error;
        }
        await cleaner.db(database).collection(PROBE_COLLECTION).drop();
        return 'not-enforced';
    }
    finally {
        await backup.close();
    }
}
/**
 * Whether the server says it enforces access control: `security.authorization` in its options, or
 * per-user privileges in connectionStatus (servers that refuse getCmdLineOpts, such as Atlas, report those).
 */
async function serverReportsAuthorization(admin) {
    try {
        const options = await admin.db('admin').command({ getCmdLineOpts: 1 });
        const security = options.parsed?.security;
        if (security?.authorization === 'enabled' || security?.keyFile)
            return true;
    }
    catch {
        // not allowed to ask: fall through to connectionStatus
    }
    try {
        const status = await admin.db('admin').command({ connectionStatus: 1, showPrivileges: true });
        return Array.isArray(status.authInfo?.authenticatedUserPrivileges);
    }
    catch {
        return false;
    }
}

;// CONCATENATED MODULE: ../bootstrap/src/atlas-provision.ts




/** Atlas applies a new database user to the cluster within a minute or two; look this often, this long. */
const APPLIED_POLL_MS = 5_000;
const APPLIED_TIMEOUT_MS = 10 * 60_000;
/**
 * Creates the client's two least-privilege database users through the Atlas Administration API (the
 * application user: readWrite on the client's database; the backup user: read), each limited to the one
 * cluster, waits until Atlas has applied them, then checks as each user that it can do what it must
 * and that the backup user cannot write. The database itself is created by the application user's
 * first write (the instance marker). Passwords only ever leave this function inside the returned URIs.
 */
async function provisionAtlasDatabase(options, deps) {
    const { database, projectId, cluster } = options;
    const tier = await deps.atlas.getTier(projectId, cluster);
    if (!tier.connectionString) {
        throw new errors/* UserError */.y(`Atlas gave no connection string for cluster '${cluster}' in project ${projectId}: is it still being created?`);
    }
    const base = parseMongoUri(tier.connectionString, `the connection string Atlas gave for cluster '${cluster}'`);
    const newPassword = deps.newPassword ?? (() => (0,external_node_crypto_.randomBytes)(24).toString('base64url'));
    const users = [];
    const uris = { application: '', backup: '' };
    for (const spec of [
        { kind: 'application', user: `${database}_app`, role: 'readWrite', known: options.known.appUri },
        { kind: 'backup', user: `${database}_backup`, role: 'read', known: options.known.backupUri },
    ]) {
        const roles = [{ roleName: spec.role, databaseName: database }];
        const existing = await deps.atlas.getDatabaseUser(projectId, spec.user);
        const knownUri = spec.known !== undefined && uriUser(spec.known) === spec.user ? spec.known : undefined;
        const wanted = { username: spec.user, roles, clusters: [cluster] };
        let action;
        let recorded;
        let uri;
        if (!existing) {
            const password = newPassword();
            recorded = await deps.atlas.createDatabaseUser(projectId, {
                ...wanted,
                password,
                description: `${options.client}: ${spec.kind === 'application' ? 'the application' : 'backups (read only)'}`,
            });
            uri = uriForUser(base, spec.user, password, database, 'admin');
            action = 'created';
        }
        else if (knownUri && !options.resetPasswords) {
            recorded = await deps.atlas.updateDatabaseUser(projectId, wanted);
            uri = knownUri;
            action = 'updated';
        }
        else if (options.resetPasswords) {
            const password = newPassword();
            recorded = await deps.atlas.updateDatabaseUser(projectId, { ...wanted, password });
            uri = uriForUser(base, spec.user, password, database, 'admin');
            action = 'password-reset';
        }
        else {
            throw new errors/* UserError */.y(`The Atlas database user ${spec.user} already exists in project ${projectId}, but its password is not in the client's .env ` +
                `(${spec.kind === 'application' ? 'MONGODB_URI' : 'MONGODB_BACKUP_URI'}). Re-run with --force to give it a new password.`);
        }
        users.push({
            kind: spec.kind,
            user: spec.user,
            intendedRoles: toRoles(roles),
            recordedRoles: toRoles(recorded.roles),
            action,
        });
        uris[spec.kind] = uri;
    }
    await deps.onUsers({ appUri: uris.application, backupUri: uris.backup });
    await waitUntilApplied(options, deps);
    await checkApplicationUser(deps, uris.application, database);
    const app = await connectOrExplain(deps, uris.application, 'the new application user');
    try {
        // MongoDB creates a database with its first collection; this one also says whose database it is.
        await app
            .db(database)
            .collection(INSTANCE_COLLECTION)
            .updateOne({ _id: 'instance' }, {
            $setOnInsert: { client: options.client, provisionedAt: deps.now() },
            $set: { updatedAt: deps.now() },
        }, { upsert: true });
        const backupWriteRefused = await checkBackupUser(deps, app, uris.backup, database);
        const warnings = backupWriteRefused === 'not-enforced'
            ? [
                `not enforced by this server: the backup user ${database}_backup could write to ${database} ` +
                    '(its read-only role is recorded in Atlas, but the server did not refuse the write)',
            ]
            : [];
        return {
            database,
            users,
            appUri: uris.application,
            backupUri: uris.backup,
            rolesSupported: true,
            serverReportsAuthorization: await serverReportsAuthorization(app),
            backupWriteRefused,
            warnings,
        };
    }
    finally {
        await app.close();
    }
}
/** Atlas creates users asynchronously: the cluster knows them once its change status is APPLIED. */
async function waitUntilApplied(options, deps) {
    const started = deps.now().getTime();
    for (;;) {
        const status = await deps.atlas.clusterChangeStatus(options.projectId, options.cluster);
        if (status === 'APPLIED')
            return;
        if (deps.now().getTime() - started >= APPLIED_TIMEOUT_MS) {
            throw new errors/* UserError */.y(`Atlas has not applied the new database users to cluster '${options.cluster}' after ${APPLIED_TIMEOUT_MS / 60_000} minutes (its change status is ${status}): ` +
                'the users exist and their connection strings are in the env file; re-run init-client --provision later to check them.');
        }
        deps.logger.info(`Waiting for Atlas to apply the database users to cluster '${options.cluster}' (${status}).`);
        await deps.sleep(APPLIED_POLL_MS);
    }
}
function toRoles(roles) {
    return roles.map((r) => ({ role: r.roleName, db: r.databaseName }));
}

// EXTERNAL MODULE: ../policy/src/config.ts
var config = __webpack_require__(6037);
// EXTERNAL MODULE: ../policy/src/schema.ts
var schema = __webpack_require__(7452);
;// CONCATENATED MODULE: ../bootstrap/src/branch-policy.ts

const BRANCH_POLICY_PATH = config/* DEFAULT_CONFIG_PATH */.Bi;
const yamlList = (items) => `[${items.map((item) => (/^[\w./-]+$/.test(item) ? item : `'${item}'`)).join(', ')}]`;
/**
 * The default branch policy, written out with comments so a client's team sees what is enforced and where
 * to change it. The flows come from the policy package, so this file and the engine's defaults agree.
 */
function renderBranchPolicy() {
    const flows = schema/* DEFAULT_FLOWS */.iM.map((flow) => `  - from: ${yamlList(flow.from)}\n    to: ${yamlList(flow.to)}`).join('\n');
    return `# Branch policy, checked on every pull request and push by the branch-policy workflow.
# Generated by \`shipkit init-client\` with the suite's defaults; edit freely: a re-run keeps local edits
# unless --force is given. Every key is optional: an absent key means its default.
version: 1

# Which branches may open pull requests into which. A pull request matching no flow fails.
#   short-lived work → development → main, hotfixes to both, and main merged back into development.
flows:
${flows}

# Branches that change only through merged pull requests (direct pushes fail).
protected:
  branches: ${yamlList(schema/* DEFAULT_PROTECTED_BRANCHES */.A5)}
  # allowed-actors: ['release-bot[bot]']

# Head-branch names: by default any \`from\` pattern above. Uncomment to require a ticket reference.
# naming:
#   ticket: '[A-Z]+-\\d+'
#   ticket-branches: [feature/*, fix/*, hotfix/*]
#   max-length: 60

# Pull request titles as Conventional Commits headers (feat: …, fix(cart): …). Uncomment to enforce.
# titles:
#   require-scope: false

# Gentler handling while a team gets used to the rules: 'warn' reports without failing.
# severity:
#   flows: fail
#   naming: fail
#   protected: fail
#   titles: fail
`;
}

;// CONCATENATED MODULE: ../bootstrap/src/documents.ts

const cell = (text) => text.replace(/\|/g, '\\|');
/** docs/OPERATIONS.md for one client: what runs where, which settings exist, and the routine tasks. */
function renderOperationsDoc(facts) {
    const { client, database, suite, workflows } = facts;
    const variables = src_variables/* VARIABLES */.ut.filter((v) => !v.places.includes('local'))
        .map((v) => `| \`${v.name}\` | ${v.places.map((p) => src_variables/* PLACE_LABELS */.SH[p]).join(', ')} | ${v.secret ? 'yes' : 'no'} | ${cell(v.requirement === 'conditional' ? `when ${v.condition ?? '…'}` : v.requirement)} |`)
        .join('\n');
    const workflowList = workflows.length > 0
        ? workflows
            .map(({ name, summary }) => `- \`.github/workflows/${name}\`${summary ? `: ${summary}` : ''}`)
            .join('\n')
        : '- (no workflow templates were available when this file was generated)';
    return `# Operations: ${client}

Generated by \`shipkit init-client ${client}\` from ${suite.repository}@${suite.ref} (suite ${suite.version}).
Re-running it updates this file unless it was edited here; \`--force\` overwrites local edits.

| | |
| --- | --- |
| Client | ${client} |
| Database | \`${database}\` |
| Suite | [${suite.repository}](https://github.com/${suite.repository}), pinned to \`${suite.ref}\` |

## Workflows

These call the suite's reusable workflows and actions at \`${suite.ref}\`, which moves with every release of
that major version; a new major version needs a re-run of \`init-client\`.

${workflowList}

## Settings

Values never go into git. Secrets are GitHub Actions secrets or the Render service's environment; the rest
are GitHub Actions variables. \`.env.example\` describes each one; check a filled-in file, printing no value:

\`\`\`sh
npx shipkit env-check --file .env                  # everything
npx shipkit env-check --file .env --target github  # what the workflows read
npx shipkit env-check --file .env --target render  # what the Render service reads
\`\`\`

| Variable | Where | Secret | Needed |
| --- | --- | --- | --- |
${variables}

The database has two users: \`${database}_app\` (readWrite on \`${database}\`, the Render service's
\`MONGODB_URI\`) and \`${database}_backup\` (read on \`${database}\`, the GitHub secret \`MONGODB_URI\`).

## Routine

- **Backups.** The nightly backup workflow backs up \`${database}\`, proves the backup by restoring it into a
  throwaway database and comparing it, then applies retention. A failed night opens an issue; the
  watchdog opens one when the newest verified backup is older than 26 hours. Either is fixed the same day.
- **Deploys.** Pushes to \`main\` deploy to Render through the deploy workflow, only when a verified backup
  is fresh; a failed deploy is rolled back. Deploys are recorded in the \`production\` environment.
- **Restores.** The restore workflow is run by hand, with the database name typed as confirmation, and
  waits for approval in the \`production-restore\` environment. Give that environment required reviewers
  and its own \`MONGODB_URI\` secret: the application user's (the repository's is read-only).
- **Branches.** \`.github/branch-policy.yml\` says which branches may merge into which; the pull request
  workflow checks it with the application's CI.

## Changes

- **Rotate the database passwords:** \`shipkit init-client ${client} --dir . --provision --force\` with
  \`ADMIN_MONGODB_URI\` set writes new passwords to \`.env\` (mode 0600); then set \`MONGODB_URI\` in Render
  and re-run with \`--github-repo\` (or update the GitHub secret by hand).
- **Rotate other secrets:** change them in \`.env\`, run \`npx shipkit env-check --file .env\`, then
  \`shipkit init-client ${client} --dir . --github-repo <owner>/<repo>\`.
- **Update the suite:** re-run \`shipkit init-client ${client} --dir .\`; it shows a diff of each generated
  file and leaves files edited here alone.
`;
}
/** A render.yaml blueprint for the client's web service, with the environment the app reads. */
function renderBlueprint(client, database) {
    const env = src_variables/* VARIABLES */.ut.filter((v) => v.places.includes('render-env'))
        .map((v) => v.secret
        ? `      - key: ${v.name}\n        sync: false # secret: entered in the dashboard, never committed`
        : `      - key: ${v.name}\n        value: ${v.name === 'MONGODB_DB' ? database : v.example}`)
        .join('\n');
    return `services:
  - type: web
    name: shop-${client}
    runtime: node
    plan: starter
    branch: main
    buildCommand: npm ci && npm run build
    startCommand: npm start
    # Deploys come from the deploy workflow, behind its checks; with Auto-Deploy on, Render would also
    # deploy every push by itself (the deploy workflow refuses such a service).
    autoDeployTrigger: 'off' # quoted: YAML 1.1 parsers read a bare off as false
    envVars:
${env}
`;
}

;// CONCATENATED MODULE: ../bootstrap/src/diff.ts
/**
 * A unified diff of two texts, by line, for showing what a re-run would change. Files here are small
 * (workflows, docs), so the quadratic longest-common-subsequence table is fine.
 */
function lineEdits(before, after) {
    const rows = before.length;
    const cols = after.length;
    // common[i][j]: length of the longest common subsequence of before[i..] and after[j..]
    const common = Array.from({ length: rows + 1 }, () => new Uint32Array(cols + 1));
    for (let i = rows - 1; i >= 0; i--) {
        for (let j = cols - 1; j >= 0; j--) {
            common[i][j] =
                before[i] === after[j]
                    ? common[i + 1][j + 1] + 1
                    : Math.max(common[i + 1][j], common[i][j + 1]);
        }
    }
    const edits = [];
    let i = 0;
    let j = 0;
    while (i < rows || j < cols) {
        if (i < rows && j < cols && before[i] === after[j]) {
            edits.push({ kind: 'same', line: before[i] });
            i++;
            j++;
        }
        else if (i < rows && (j === cols || common[i + 1][j] >= common[i][j + 1])) {
            // Removals before additions, as diff tools show them.
            edits.push({ kind: 'removed', line: before[i] });
            i++;
        }
        else {
            edits.push({ kind: 'added', line: after[j] });
            j++;
        }
    }
    return edits;
}
function splitLines(text) {
    if (text === '')
        return [];
    const lines = text.split('\n');
    if (lines[lines.length - 1] === '')
        lines.pop();
    return lines;
}
/** `--- a/path` / `+++ b/path` and `@@` hunks with `context` lines around each change; '' when equal. */
function unifiedDiff(path, before, after, context = 3) {
    if (before === after)
        return '';
    const edits = lineEdits(splitLines(before ?? ''), splitLines(after));
    const changed = edits
        .map((edit, index) => (edit.kind === 'same' ? -1 : index))
        .filter((index) => index >= 0);
    const hunks = [];
    for (const index of changed) {
        const start = Math.max(0, index - context);
        const end = Math.min(edits.length, index + context + 1);
        const last = hunks[hunks.length - 1];
        if (last && start <= last[1])
            last[1] = end;
        else
            hunks.push([start, end]);
    }
    const out = [`--- ${before === undefined ? '/dev/null' : `a/${path}`}`, `+++ b/${path}`];
    for (const [start, end] of hunks) {
        let oldLine = 1;
        let newLine = 1;
        for (const edit of edits.slice(0, start)) {
            if (edit.kind !== 'added')
                oldLine++;
            if (edit.kind !== 'removed')
                newLine++;
        }
        const slice = edits.slice(start, end);
        const oldCount = slice.filter((e) => e.kind !== 'added').length;
        const newCount = slice.filter((e) => e.kind !== 'removed').length;
        out.push(`@@ -${oldCount === 0 ? oldLine - 1 : oldLine},${oldCount} +${newCount === 0 ? newLine - 1 : newLine},${newCount} @@`);
        for (const edit of slice)
            out.push(`${edit.kind === 'same' ? ' ' : edit.kind === 'added' ? '+' : '-'}${edit.line}`);
    }
    return `${out.join('\n')}\n`;
}

;// CONCATENATED MODULE: ../bootstrap/src/generated.ts


/** Where init-client remembers what it generated, so a re-run can tell its own output from local edits. */
const STATE_PATH = '.shipkit/generated.json';
function contentHash(text) {
    return `sha256:${(0,external_node_crypto_.createHash)('sha256').update(text).digest('hex')}`;
}
/**
 * Decides per file what a run does. `current` is what is on disk now; `recorded` the hash of what the
 * last run generated. Local edits survive unless `force`.
 */
function planFile(path, desired, current, recorded, force) {
    const plan = (action, extra = {}) => ({
        path,
        action,
        diff: action === 'unchanged' || action === 'kept' ? '' : unifiedDiff(path, current, desired),
        content: desired,
        ...extra,
    });
    if (current === desired)
        return plan('unchanged');
    if (current === undefined) {
        if (recorded === undefined)
            return plan('create');
        if (recorded === contentHash(desired))
            return plan(force ? 'overwrite' : 'kept', { deletedLocally: true });
        return plan(force ? 'overwrite' : 'conflict', { deletedLocally: true });
    }
    if (recorded !== undefined && contentHash(current) === recorded)
        return plan('update');
    if (recorded !== undefined && recorded === contentHash(desired) && !force)
        return plan('kept');
    return plan(force ? 'overwrite' : 'conflict');
}
const WRITES = ['create', 'update', 'overwrite'];
async function readState(store) {
    const text = await store.read(STATE_PATH);
    if (text === undefined)
        return undefined;
    try {
        const state = JSON.parse(text);
        return state && typeof state.files === 'object' ? state : undefined;
    }
    catch {
        return undefined;
    }
}
/** Plans every file, writes what the plan says (unless `dryRun`) and records the hashes of what it wrote. */
async function generateFiles(store, desired, meta, options) {
    const previous = await readState(store);
    const files = [];
    for (const [path, content] of desired) {
        const current = await store.read(path);
        files.push(planFile(path, content, current, previous?.files[path], options.force));
    }
    const recorded = {};
    for (const file of files) {
        const keepsOld = file.action === 'conflict' || file.action === 'kept';
        const hash = keepsOld ? previous?.files[file.path] : contentHash(file.content);
        if (hash !== undefined)
            recorded[file.path] = hash;
    }
    const state = {
        generator: 'shipkit init-client',
        ...meta,
        files: Object.fromEntries(Object.entries(recorded).sort(([a], [b]) => a.localeCompare(b))),
    };
    const stateText = `${JSON.stringify(state, null, 2)}\n`;
    const stateChanged = (await store.read(STATE_PATH)) !== stateText;
    const writes = files.filter((file) => WRITES.includes(file.action));
    if (!options.dryRun) {
        for (const file of writes)
            await store.write(file.path, file.content);
        if (stateChanged)
            await store.write(STATE_PATH, stateText);
    }
    return { files, changed: writes.length > 0 || stateChanged };
}

// EXTERNAL MODULE: ../../node_modules/libsodium-wrappers/dist/modules-esm/libsodium-wrappers.mjs + 1 modules
var libsodium_wrappers = __webpack_require__(9724);
;// CONCATENATED MODULE: ../bootstrap/src/github.ts




/** A libsodium sealed box of `value` to the repository's public key, base64: what GitHub expects. */
async function sealSecret(value, publicKeyBase64) {
    await libsodium_wrappers/* default.ready */.Ay.ready;
    const publicKey = libsodium_wrappers/* default.from_base64 */.Ay.from_base64(publicKeyBase64, libsodium_wrappers/* default.base64_variants */.Ay.base64_variants.ORIGINAL);
    const sealed = libsodium_wrappers/* default */.Ay.crypto_box_seal(libsodium_wrappers/* default.from_string */.Ay.from_string(value), publicKey);
    return libsodium_wrappers/* default.to_base64 */.Ay.to_base64(sealed, libsodium_wrappers/* default.base64_variants */.Ay.base64_variants.ORIGINAL);
}
/**
 * The few GitHub REST calls init-client makes: Actions secrets (sealed to the repository's key),
 * Actions variables and deployment environments. Errors say what the token lacks, never its value.
 */
class GitHubRepositoryClient {
    options;
    github;
    publicKey;
    constructor(options) {
        this.options = options;
        this.github = new GitHubClient({
            token: options.token,
            apiUrl: options.apiUrl ?? DEFAULT_GITHUB_API_URL,
            userAgent: 'shipkit-init-client',
            // Someone waits at the terminal: an unreachable API is reported after a few seconds.
            retry: { attempts: 3 },
        }, { ...realGitHubDeps(), ...(options.fetch ? { fetch: options.fetch } : {}) });
    }
    path(suffix) {
        const [owner, name] = this.options.repository.split('/');
        return `/repos/${encodeURIComponent(owner)}/${encodeURIComponent(name)}${suffix}`;
    }
    /** What the user can do about a refusal: which permission GITHUB_TOKEN lacks, on which repository. */
    hint(permission) {
        const { repository } = this.options;
        return (status) => status === 401
            ? 'GITHUB_TOKEN was refused: check that it is valid and not expired.'
            : status === 403
                ? `GITHUB_TOKEN lacks the permission: it needs ${permission} on ${repository}.`
                : status === 404
                    ? `Either ${repository} does not exist or GITHUB_TOKEN cannot see it (it needs ${permission}).`
                    : undefined;
    }
    async repositoryPublicKey() {
        if (this.publicKey)
            return this.publicKey;
        const { body } = await this.github.request({
            method: 'GET',
            path: this.path('/actions/secrets/public-key'),
            what: 'give the repository public key',
            hint: this.hint('Secrets: read and write'),
        });
        const { key_id: keyId, key } = body ?? {};
        if (typeof keyId !== 'string' || typeof key !== 'string') {
            throw new errors/* UserError */.y('GitHub answered the public-key request without key_id and key.');
        }
        this.publicKey = { keyId, key };
        return this.publicKey;
    }
    /** Creates or updates an Actions secret; returns whether it was created. */
    async putSecret(name, value) {
        const { keyId, key } = await this.repositoryPublicKey();
        const encrypted = await sealSecret(value, key);
        const { status } = await this.github.request({
            method: 'PUT',
            path: this.path(`/actions/secrets/${encodeURIComponent(name)}`),
            body: { encrypted_value: encrypted, key_id: keyId },
            what: `set the secret ${name}`,
            hint: this.hint('Secrets: read and write'),
        });
        return status === 201 ? 'created' : 'updated';
    }
    /** Creates or updates an Actions variable. */
    async putVariable(name, value) {
        const hint = this.hint('Variables: read and write');
        const path = this.path(`/actions/variables/${encodeURIComponent(name)}`);
        const existing = await this.github.request({
            method: 'GET',
            path,
            what: `read the variable ${name}`,
            accept: [404],
            hint,
        });
        if (existing.status !== 404) {
            await this.github.request({
                method: 'PATCH',
                path,
                body: { name, value },
                what: `update the variable ${name}`,
                // Setting the same value twice leaves the same variable.
                idempotent: true,
                hint,
            });
            return 'updated';
        }
        // Not resent after a lost answer (a second POST would fail as a duplicate): the next run updates it.
        await this.github.request({
            method: 'POST',
            path: this.path('/actions/variables'),
            body: { name, value },
            what: `create the variable ${name}`,
            hint,
        });
        return 'created';
    }
    /** Creates the deployment environment, or leaves an existing one's protection rules as they are. */
    async ensureEnvironment(name) {
        await this.github.request({
            method: 'PUT',
            path: this.path(`/environments/${encodeURIComponent(name)}`),
            body: {},
            what: `create the environment ${name}`,
            hint: this.hint('Administration: read and write'),
        });
    }
}

;// CONCATENATED MODULE: ../bootstrap/src/workflows.ts
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
/**
 * A caller workflow for a client: the template's placeholder becomes the suite repository, and every
 * reference into the suite (`uses: owner/name/…@ref`) is pinned to the suite's major version tag.
 */
function pinWorkflow(template, placeholder, suite) {
    const text = template.text.split(placeholder).join(suite.repository);
    const uses = new RegExp(`(uses:\\s*['"]?${escapeRegExp(suite.repository)}(?:/[^@\\s'"]*)?)@[^\\s'"#]+`, 'g');
    return text.replace(uses, `$1@${suite.ref}`);
}

;// CONCATENATED MODULE: ../bootstrap/src/init-client.ts









const ENV_EXAMPLE_PATH = '.env.example';
const OPERATIONS_PATH = 'docs/OPERATIONS.md';
const WORKFLOWS_DIR = '.github/workflows';
const PRODUCTION_ENVIRONMENT = 'production';
const CLIENT_NAME = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;
function defaultDatabase(client) {
    return `shop_${client.replace(/-/g, '_')}`;
}
/** Every file init-client generates for a client, by path. */
function renderClientFiles(client, database, suite, templates) {
    const files = new Map();
    const workflows = [...templates.workflows]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map(({ name, summary }) => ({ name, ...(summary ? { summary } : {}) }));
    for (const workflow of [...templates.workflows].sort((a, b) => a.name.localeCompare(b.name))) {
        files.set(`${WORKFLOWS_DIR}/${workflow.name}`, pinWorkflow(workflow, templates.placeholder, suite));
    }
    files.set(BRANCH_POLICY_PATH, renderBranchPolicy());
    files.set(ENV_EXAMPLE_PATH, renderEnvExample({
        subject: `For client ${client} (database ${database}).`,
        examples: {
            MONGODB_DB: database,
            BACKUP_DESTINATION: `s3://shop-backups/${client}`,
            AWS_ROLE_ARN: `arn:aws:iam::123456789012:role/shop-${client}-backups`,
        },
    }));
    files.set(OPERATIONS_PATH, renderOperationsDoc({ client, database, suite, workflows }));
    return files;
}
/**
 * Sets up one client's copy of the application repository: generated files (idempotent, local edits
 * kept), optionally its database and users, optionally its GitHub secrets; returns a checklist of what
 * was done and what is left. Secrets go to the local env file (mode 0600) and GitHub only.
 */
async function initClient(options, deps) {
    const { client } = options;
    if (!CLIENT_NAME.test(client)) {
        throw new errors/* UserError */.y(`The client name must be 1–40 lower-case letters, digits and hyphens (not at either end), e.g. acme-shop.`);
    }
    const database = options.database ?? defaultDatabase(client);
    const databaseProblem = (0,values/* databaseNameProblem */.Wf)(database);
    if (databaseProblem)
        throw new errors/* UserError */.y(`The database name (--db) ${databaseProblem}.`);
    if (options.dryRun && (options.provision || options.github)) {
        throw new errors/* UserError */.y('--dry-run only previews the generated files: run --provision and --github-repo without it.');
    }
    if (options.provision && 'adminUri' in options.provision)
        deps.onSecret(options.provision.adminUri);
    if (options.github)
        deps.onSecret(options.github.token);
    if (options.templates.workflows.length === 0) {
        throw new errors/* UserError */.y('No workflow templates were found to install: this copy of the suite has none.');
    }
    const checklist = [];
    const desired = renderClientFiles(client, database, options.suite, options.templates);
    const outcome = await generateFiles(deps.store, desired, { client, suite: options.suite }, { force: options.force, dryRun: options.dryRun });
    checklist.push(...fileChecklist(outcome.files, options.dryRun));
    const gitignoreUpdated = options.dryRun ? false : await ensureIgnored(deps.store, options.envFile);
    if (gitignoreUpdated)
        checklist.push({ status: 'done', text: `added ${options.envFile} to .gitignore` });
    let provision;
    if (options.provision) {
        provision = await provisionAndRecord(options, deps, database, checklist);
    }
    const envText = (await deps.store.read(options.envFile)) ?? '';
    const env = (0,dotenv/* parseEnv */.vc)(envText).values;
    for (const spec of src_variables/* VARIABLES */.ut)
        if (spec.secret && env[spec.name])
            deps.onSecret(env[spec.name]);
    if (env.MONGODB_BACKUP_URI)
        deps.onSecret(env.MONGODB_BACKUP_URI);
    let github;
    if (options.github)
        github = await configureGitHub(options.github, env, deps, checklist);
    checklist.push(...remainingSteps(options, database, env, github));
    return {
        client,
        database,
        files: outcome.files,
        changed: outcome.changed,
        gitignoreUpdated,
        ...(provision ? { provision } : {}),
        ...(github ? { github } : {}),
        checklist,
    };
}
function fileChecklist(files, dryRun) {
    const items = [];
    const list = (action) => files.filter((f) => f.action === action).map((f) => f.path);
    const written = [...list('create'), ...list('update'), ...list('overwrite')];
    const verb = dryRun ? 'would write' : 'wrote';
    if (written.length > 0)
        items.push({ status: 'done', text: `${verb} ${written.length} file(s): ${written.join(', ')}` });
    const unchanged = [...list('unchanged'), ...list('kept')];
    if (written.length === 0)
        items.push({ status: 'done', text: `generated files are up to date (${unchanged.length})` });
    for (const file of files.filter((f) => f.action === 'kept')) {
        items.push({
            status: 'done',
            text: `kept local edits of ${file.path}${file.deletedLocally ? ' (deleted locally)' : ''}`,
        });
    }
    for (const file of files.filter((f) => f.action === 'conflict')) {
        items.push({
            status: 'warning',
            text: `${file.path} was ${file.deletedLocally ? 'deleted' : 'edited'} locally and the generated version changed: left as it is (see the diff; --force overwrites)`,
        });
    }
    return items;
}
const IGNORES_ENV = (envFile) => new RegExp(`^/?(${envFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}|\\.env\\*?|\\*\\.env)$`);
/** Appends the env file to .gitignore unless a line already ignores it. */
async function ensureIgnored(store, envFile) {
    const text = (await store.read('.gitignore')) ?? '';
    const lines = text.split(/\r?\n/).map((line) => line.trim());
    if (lines.some((line) => IGNORES_ENV(envFile).test(line)))
        return false;
    const separator = text === '' || text.endsWith('\n') ? '' : '\n';
    await store.write('.gitignore', `${text}${separator}# local settings and secrets (shipkit init-client)\n${envFile}\n`);
    return true;
}
async function provisionAndRecord(options, deps, database, checklist) {
    const provision = options.provision;
    const envText = (await deps.store.read(options.envFile)) ?? '';
    const known = (0,dotenv/* parseEnv */.vc)(envText).values;
    const knownUris = {
        ...(known.MONGODB_URI ? { appUri: known.MONGODB_URI } : {}),
        ...(known.MONGODB_BACKUP_URI ? { backupUri: known.MONGODB_BACKUP_URI } : {}),
    };
    // The passwords exist only in these URIs: they are written before anything else can fail.
    const save = async (uris) => {
        deps.onSecret(uris.appUri);
        deps.onSecret(uris.backupUri);
        await deps.store.write(options.envFile, (0,dotenv/* setEnvValues */.ct)(envText, {
            MONGODB_DB: database,
            MONGODB_URI: uris.appUri,
            MONGODB_BACKUP_URI: uris.backupUri,
            ...('atlas' in provision
                ? { ATLAS_PROJECT_ID: provision.atlas.projectId, ATLAS_CLUSTER: provision.atlas.cluster }
                : {}),
        }, `database users of ${options.client}, written by shipkit init-client --provision; keep this file out of git`), { mode: 0o600 });
    };
    let result;
    if ('atlas' in provision) {
        if (!deps.atlas)
            throw new Error('provision.atlas needs deps.atlas');
        result = await provisionAtlasDatabase({
            ...provision.atlas,
            client: options.client,
            database,
            known: knownUris,
            resetPasswords: options.force,
        }, {
            atlas: deps.atlas,
            connect: deps.connectMongo,
            logger: deps.logger,
            now: deps.now,
            sleep: deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
            ...(deps.newPassword ? { newPassword: deps.newPassword } : {}),
            onUsers: save,
        });
    }
    else {
        result = await provisionDatabase({
            adminUri: provision.adminUri,
            client: options.client,
            database,
            known: knownUris,
            resetPasswords: options.force,
        }, {
            connect: deps.connectMongo,
            logger: deps.logger,
            now: deps.now,
            ...(deps.newPassword ? { newPassword: deps.newPassword } : {}),
        });
    }
    await save({ appUri: result.appUri, backupUri: result.backupUri });
    const summary = {
        database,
        via: 'atlas' in provision ? 'atlas-api' : 'admin-connection',
        users: result.users.map(({ kind, user, intendedRoles, recordedRoles, action }) => ({
            kind,
            user,
            intendedRoles,
            recordedRoles,
            action,
        })),
        rolesSupported: result.rolesSupported,
        serverReportsAuthorization: result.serverReportsAuthorization,
        backupWriteRefused: result.backupWriteRefused,
    };
    const describe = (u) => `${u.user} (${u.intendedRoles.map((r) => `${r.role} on ${r.db}`).join(', ')}; ${u.action.replace('-', ' ')})`;
    checklist.push({
        status: 'done',
        text: `database ${database} ready with users ${summary.users.map(describe).join(' and ')}${'atlas' in provision ? ` (Atlas database users of cluster ${provision.atlas.cluster}, created through the Admin API)` : ''}; their connection strings are in ${options.envFile} (mode 0600)`,
    });
    if (result.backupWriteRefused === 'enforced') {
        checklist.push({ status: 'done', text: 'checked: the backup user can read and cannot write' });
    }
    for (const warning of result.warnings)
        checklist.push({ status: 'warning', text: warning });
    if (provision.seedFrom) {
        if (!deps.seeder) {
            throw new errors/* UserError */.y('--seed-from needs the restore engine of @shipkit/mongo, which this copy of the suite does not include ' +
                'yet; the database and users were created, so re-run with --seed-from once it is available.');
        }
        const seeded = await deps.seeder.seed({
            from: provision.seedFrom,
            // On Atlas the application user (readWrite on the database) restores the template.
            uri: 'adminUri' in provision ? provision.adminUri : result.appUri,
            database,
            logger: deps.logger,
        });
        summary.seeded = seeded;
        checklist.push({
            status: 'done',
            text: `seeded ${database} from the template backup (database ${seeded.sourceDatabase}): ${seeded.collections} collection(s), ${seeded.documents} document(s)`,
        });
    }
    return summary;
}
async function configureGitHub(github, env, deps, checklist) {
    // The workflows' MONGODB_URI is the backup user's when init-client created one.
    const values = { ...env };
    if (env.MONGODB_BACKUP_URI)
        values.MONGODB_URI = env.MONGODB_BACKUP_URI;
    const check = await (0,src_check/* checkInstanceConfig */.Mq)(values, { target: 'github' });
    const invalid = new Map();
    for (const problem of check.problems) {
        if (values[problem.variable]?.trim())
            invalid.set(problem.variable, problem.message);
    }
    const client = new GitHubRepositoryClient({
        repository: github.repository,
        token: github.token,
        ...(github.apiUrl ? { apiUrl: github.apiUrl } : {}),
        ...(deps.fetch ? { fetch: deps.fetch } : {}),
    });
    const summary = {
        repository: github.repository,
        secrets: [],
        variables: [],
        environment: PRODUCTION_ENVIRONMENT,
        skipped: [],
    };
    for (const spec of src_variables/* VARIABLES */.ut) {
        const value = values[spec.name]?.trim() ? values[spec.name] : undefined;
        const asSecret = spec.places.includes('github-secret');
        const asVariable = spec.places.includes('github-variable');
        if (!asSecret && !asVariable)
            continue;
        if (value === undefined)
            continue;
        const problem = invalid.get(spec.name);
        if (problem) {
            summary.skipped.push({ name: spec.name, reason: problem });
            continue;
        }
        if (asSecret)
            summary.secrets.push({ name: spec.name, action: await client.putSecret(spec.name, value) });
        else
            summary.variables.push({ name: spec.name, action: await client.putVariable(spec.name, value) });
    }
    await client.ensureEnvironment(PRODUCTION_ENVIRONMENT);
    const names = (items) => items.map((i) => i.name).join(', ') || 'none';
    checklist.push({
        status: 'done',
        text: `set ${summary.secrets.length} GitHub secret(s) on ${github.repository}: ${names(summary.secrets)}`,
    });
    checklist.push({
        status: 'done',
        text: `set ${summary.variables.length} GitHub variable(s): ${names(summary.variables)}`,
    });
    checklist.push({ status: 'done', text: `GitHub environment '${PRODUCTION_ENVIRONMENT}' exists` });
    for (const skipped of summary.skipped) {
        checklist.push({
            status: 'todo',
            text: `fix ${skipped.name} in the env file (${skipped.reason}), then re-run with --github-repo`,
        });
    }
    for (const problem of check.problems.filter((p) => !invalid.has(p.variable))) {
        checklist.push({ status: 'todo', text: `GitHub: ${problem.variable} ${problem.message}` });
    }
    return summary;
}
function remainingSteps(options, database, env, github) {
    const items = [];
    if (!options.provision && !env.MONGODB_URI) {
        items.push({
            status: 'todo',
            text: `create the database ${database} with an application user (readWrite) and a backup user (read): re-run with --provision --admin-uri (on Atlas: --provision --atlas-project --atlas-cluster, with ATLAS_CLIENT_ID and ATLAS_CLIENT_SECRET set), or see docs/REPLICATION.md`,
        });
    }
    if (!github) {
        items.push({
            status: 'todo',
            text: 'set the GitHub secrets and variables and create the production environment: re-run with --github-repo owner/name (GITHUB_TOKEN set), or by hand as .env.example says',
        });
    }
    if (!env.RENDER_SERVICE_ID && !env.RENDER_DEPLOY_HOOK_URL) {
        items.push({
            status: 'todo',
            text: `create the Render service (New → Blueprint with this render.yaml, or a web service by hand with Auto-Deploy: Off), enter MONGODB_URI (the application user's, from ${options.envFile}) and OPENAI_API_KEY, then put RENDER_SERVICE_ID and RENDER_API_KEY (or RENDER_DEPLOY_HOOK_URL) in ${options.envFile} and re-run with --github-repo`,
            detail: renderBlueprint(options.client, database),
        });
    }
    else {
        items.push({
            status: 'todo',
            text: `in the Render service's environment, set MONGODB_URI (the application user's, from ${options.envFile}), MONGODB_DB=${database} and OPENAI_API_KEY; in its Settings, set Auto-Deploy to Off (the deploy workflow refuses a service that deploys every push by itself)`,
        });
    }
    items.push({
        status: 'todo',
        text: `commit the generated files (.github/, docs/OPERATIONS.md, .env.example, ${STATE_PATH}) and push them to development and main`,
    }, {
        status: 'todo',
        text: 'restrict the GitHub environment production to the main branch (Settings → Environments → production → Deployment branches and tags)',
    }, {
        status: 'todo',
        text: `create the GitHub environment production-restore with required reviewers (public repositories, or GitHub Enterprise; see docs/USAGE.md for other plans), and give it the secret RESTORE_MONGODB_URI: the application user's connection string, from ${options.envFile}`,
    }, {
        status: 'todo',
        text: 'run the Nightly backup workflow once by hand (Actions → Run workflow) and check that its summary shows the backup verified',
    }, {
        status: 'todo',
        text: 'merge into main (or run the Deploy workflow) for the first deploy, and check that it goes live',
    });
    return items;
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
;// CONCATENATED MODULE: ../bootstrap/src/store.ts


function inside(root, path) {
    const relative = (0,external_node_path_.normalize)(path);
    if ((0,external_node_path_.isAbsolute)(relative) || relative === '..' || relative.startsWith(`..${external_node_path_.sep}`)) {
        throw new Error(`refusing to touch ${path}: it is outside ${root}`);
    }
    return (0,external_node_path_.join)(root, relative);
}
function directoryStore(root) {
    return {
        async read(path) {
            try {
                return await (0,promises_.readFile)(inside(root, path), 'utf8');
            }
            catch (error) {
                if (error.code === 'ENOENT')
                    return undefined;
                throw error;
            }
        },
        async write(path, text, options = {}) {
            const target = inside(root, path);
            await (0,promises_.mkdir)((0,external_node_path_.dirname)(target), { recursive: true });
            await (0,promises_.writeFile)(target, text, options.mode === undefined ? {} : { mode: options.mode });
            // writeFile's mode applies only when it creates the file; an existing file keeps its mode otherwise.
            if (options.mode !== undefined)
                await (0,promises_.chmod)(target, options.mode);
        },
        describe: (path) => (0,external_node_path_.join)(root, path),
    };
}
/** Files in memory, for tests. */
function memoryStore(initial = {}) {
    const files = new Map(Object.entries(initial));
    const modes = new Map();
    return {
        files,
        modes,
        async read(path) {
            return files.get(path);
        },
        async write(path, text, options = {}) {
            files.set(path, text);
            if (options.mode !== undefined)
                modes.set(path, options.mode);
        },
        describe: (path) => path,
    };
}

// EXTERNAL MODULE: ../mongo/src/options.ts
var src_options = __webpack_require__(6363);
// EXTERNAL MODULE: ../mongo/src/server.ts
var server = __webpack_require__(7158);
// EXTERNAL MODULE: ../runtime/src/options/row.ts
var row = __webpack_require__(3832);
// EXTERNAL MODULE: ../runtime/src/options/errors.ts
var options_errors = __webpack_require__(673);
// EXTERNAL MODULE: ../runtime/src/options/text.ts
var options_text = __webpack_require__(5981);
// EXTERNAL MODULE: ../runtime/src/exit.ts
var exit = __webpack_require__(601);
// EXTERNAL MODULE: ./src/command.ts
var command = __webpack_require__(483);
// EXTERNAL MODULE: ./src/options.ts + 1 modules
var src_options_0 = __webpack_require__(9245);
// EXTERNAL MODULE: ./src/suite.ts + 2 modules
var src_suite = __webpack_require__(1968);
// EXTERNAL MODULE: ./src/commands/atlas/rows.ts
var rows = __webpack_require__(2856);
;// CONCATENATED MODULE: ./src/commands/init-client.ts










/**
 * Seeding restores a template backup, which pulls in storage, decryption and the restore engine: loaded
 * only when --seed-from asks for it.
 */
async function loadSeeder(env, identity, connectMongo) {
    const [{ backupSeeder }, { openStorage }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(320), __webpack_require__.e(384), __webpack_require__.e(340), __webpack_require__.e(741)]).then(__webpack_require__.bind(__webpack_require__, 1486)),
        Promise.all(/* import() */[__webpack_require__.e(403), __webpack_require__.e(100)]).then(__webpack_require__.bind(__webpack_require__, 1100)),
    ]);
    const region = env.AWS_REGION || env.AWS_DEFAULT_REGION;
    return backupSeeder({
        openStorage: (url) => openStorage(url, {
            s3: {
                ...(env.S3_ENDPOINT ? { endpoint: env.S3_ENDPOINT, forcePathStyle: true } : {}),
                ...(region ? { region } : {}),
            },
        }),
        connect: connectMongo,
        ...(identity ? { identity } : {}),
    });
}
const SYMBOLS = { done: '[x]', todo: '[ ]', warning: '[!]' };
const ACTION_NOTES = {
    kept: 'edited locally; nothing new to apply',
    conflict: 'edited locally; not overwritten (--force overwrites)',
    overwrite: 'local edits overwritten (--force)',
};
function printResult(result, dir, context) {
    const out = context.stdout;
    out(`init-client ${result.client} → ${dir} (database ${result.database})\n\nFiles:\n`);
    const width = Math.max(...result.files.map((f) => f.action.length));
    for (const file of result.files) {
        const note = ACTION_NOTES[file.action] ?? (file.deletedLocally ? 'deleted locally' : undefined);
        out(`  ${file.action.padEnd(width)}  ${file.path}${note ? `  (${note})` : ''}\n`);
    }
    for (const file of result.files) {
        if (file.diff && file.action !== 'create')
            out(`\n${file.diff}`);
    }
    out('\nChecklist:\n');
    for (const item of result.checklist) {
        out(`  ${SYMBOLS[item.status]} ${item.text}\n`);
        if (item.detail)
            out(`${item.detail.replace(/^/gm, '        ').trimEnd()}\n`);
    }
}
/** How long provisioning may talk to Atlas, waiting for the users to be applied included. */
const ATLAS_DEADLINE_MS = 15 * 60_000;
const INIT_CLIENT_OPTIONS = {
    dir: (0,row/* textRow */.yL)({
        description: "The clone of the client's application repository.",
        required: true,
        placeholder: '<path>',
    }),
    db: (0,row/* textRow */.yL)({ description: "The client's database. Default: shop_<name>.", placeholder: '<name>' }),
    'suite-repo': (0,row/* textRow */.yL)({
        description: 'The repository the workflows call. Default: from package.json.',
        placeholder: '<owner/name>',
    }),
    force: (0,row/* booleanRow */.HP)({
        description: 'Overwrite local edits of generated files; with {provision}, reset unknown passwords.',
        default: 'false',
    }),
    'dry-run': (0,row/* booleanRow */.HP)({
        description: 'Show what would change in the generated files; write nothing.',
        default: 'false',
    }),
    'env-file': (0,row/* textRow */.yL)({
        description: 'Local settings file in {dir}.',
        default: '.env',
        placeholder: '<path>',
    }),
    provision: (0,row/* booleanRow */.HP)({
        description: "Create the client's database and its application and backup users.",
        default: 'false',
    }),
    'admin-uri': (0,row/* textRow */.yL)({
        description: 'Admin connection string for {provision}.',
        secret: true,
        env: 'ADMIN_MONGODB_URI',
        placeholder: '<uri>',
    }),
    'seed-from': (0,row/* textRow */.yL)({
        description: "With {provision}: restore a template backup into the client's database.",
        placeholder: '<backup-url>',
    }),
    'seed-identity': {
        ...options/* DECRYPT_IDENTITY */.F_,
        description: 'The age identity of an encrypted template backup ({seed-from}); AGE_IDENTITY otherwise.',
        env: 'SEED_AGE_IDENTITY',
    },
    'decrypt-identity': options/* DECRYPT_IDENTITY */.F_,
    'github-repo': (0,row/* textRow */.yL)({
        description: 'Set its Actions secrets and variables and the production environment (needs {github-token}).',
        placeholder: '<owner/name>',
    }),
    'github-token': (0,row/* textRow */.yL)({
        description: 'A token with Secrets, Variables and Administration write access to {github-repo}.',
        secret: true,
        flag: false,
        env: 'GITHUB_TOKEN',
    }),
    'github-api-url': (0,row/* textRow */.yL)({
        description: 'The GitHub API.',
        default: DEFAULT_GITHUB_API_URL,
        flag: false,
        env: 'GITHUB_API_URL',
    }),
    'atlas-project': (0,row/* textRow */.yL)({
        description: 'With {provision} on Atlas: create the users through the Admin API in this project (needs {atlas-cluster}, and Atlas credentials in the environment).',
        placeholder: '<groupId>',
    }),
    'atlas-cluster': (0,row/* textRow */.yL)({
        description: 'With {atlas-project}: the cluster the users may connect to.',
        placeholder: '<name>',
    }),
    'atlas-client-id': {
        ...rows/* CREDENTIAL_ROWS */.WC['client-id'],
        description: "An Atlas service account's client id, with the Project Database Access Admin role.",
    },
    'atlas-client-secret': rows/* CREDENTIAL_ROWS */.WC['client-secret'],
    'atlas-public-key': rows/* CREDENTIAL_ROWS */.WC['public-key'],
    'atlas-private-key': rows/* CREDENTIAL_ROWS */.WC['private-key'],
    'atlas-base-url': rows/* CREDENTIAL_ROWS */.WC['base-url'],
    'connect-timeout': src_options/* CONNECT_TIMEOUT */.x0,
};
/**
 * The Atlas project and cluster of `--atlas-project`/`--atlas-cluster`, and a client of the Admin API with
 * the credentials of the environment, loaded only when asked for.
 */
function atlasTarget(options, context) {
    const { 'atlas-project': projectId, 'atlas-cluster': cluster } = options;
    if (!projectId && !cluster)
        return undefined;
    if (!projectId || !cluster) {
        throw options_errors/* OptionError */.eR.saying((0,options_text/* say */.cv) `${(0,options_text/* ref */.KR)('atlas-project')} and ${(0,options_text/* ref */.KR)('atlas-cluster')} go together.`);
    }
    if (!/^[a-f0-9]{24}$/.test(projectId)) {
        throw new options_errors/* OptionError */.eR('atlas-project', `must be an Atlas project id: 24 hexadecimal digits (Project Settings → Project ID), got '${projectId}'.`);
    }
    const { 'atlas-client-id': clientId, 'atlas-client-secret': clientSecret, 'atlas-public-key': publicKey, 'atlas-private-key': privateKey, } = options;
    const credentials = clientId || clientSecret
        ? clientId && clientSecret
            ? { kind: 'service-account', clientId, clientSecret }
            : undefined
        : publicKey && privateKey
            ? { kind: 'api-key', publicKey, privateKey }
            : undefined;
    if (!credentials) {
        throw options_errors/* OptionError */.eR.saying((0,options_text/* say */.cv) `${(0,options_text/* ref */.KR)('atlas-project')} needs Atlas credentials in the environment: ${(0,options_text/* ref */.KR)('atlas-client-id')} and ${(0,options_text/* ref */.KR)('atlas-client-secret')} (a service account with the Project Database Access Admin role), or ${(0,options_text/* ref */.KR)('atlas-public-key')} and ${(0,options_text/* ref */.KR)('atlas-private-key')}.`);
    }
    const baseUrl = options['atlas-base-url'];
    return {
        target: { projectId, cluster },
        client: async () => {
            const { AtlasClient, realAtlasDeps } = await Promise.all(/* import() */[__webpack_require__.e(603), __webpack_require__.e(846)]).then(__webpack_require__.bind(__webpack_require__, 9846));
            const deps = { ...realAtlasDeps(context.signal), logger: context.logger };
            return new AtlasClient({
                credentials,
                baseUrl,
                credentialSource: credentials.kind === 'service-account'
                    ? 'ATLAS_CLIENT_ID and ATLAS_CLIENT_SECRET'
                    : 'ATLAS_PUBLIC_KEY and ATLAS_PRIVATE_KEY',
                signal: context.signal,
                deadline: deps.now() + ATLAS_DEADLINE_MS,
                onSecret: (token) => context.redactor.add(token),
            }, deps);
        },
    };
}
const initClientCommand = (0,command/* command */.G)({
    name: 'init-client',
    usage: '<name> --dir <path> [--provision (--admin-uri <uri> | --atlas-project <groupId> --atlas-cluster <name>)] [--github-repo owner/name] [options]',
    positionals: '<name>',
    options: INIT_CLIENT_OPTIONS,
    details: `
Re-runs are safe: generated files unchanged since the last run are updated (with a diff), files edited
locally are left alone unless --force, and nothing is written when nothing changed. Hashes of what was
generated are kept in .shipkit/generated.json; commit it with the files.

Passwords of the users --provision creates are written only to the env file (mode 0600) and, with
--github-repo, to GitHub as sealed secrets; they are never printed.

--seed-from takes a backup folder URL (s3://bucket/prefix/<backup-id>, file:///…) or a mongodump
archive; its one database is restored under the client's database name. S3 access comes from the usual
AWS environment (AWS_REGION, S3_ENDPOINT, keys or a role); an encrypted backup needs SEED_AGE_IDENTITY
(or AGE_IDENTITY).

On Atlas, database users are managed by Atlas: with --atlas-project and --atlas-cluster, --provision
creates them through the Atlas Administration API (a service account with the Project Database Access
Admin role, in ATLAS_CLIENT_ID and ATLAS_CLIENT_SECRET, or an API key in ATLAS_PUBLIC_KEY and
ATLAS_PRIVATE_KEY), limited to that cluster, waits until Atlas has applied them, and checks them as with
an admin connection. The project and cluster go to the env file as ATLAS_PROJECT_ID and ATLAS_CLUSTER.`,
    async run({ options, positionals }, context) {
        const [client, ...extra] = positionals;
        if (!client || extra.length > 0)
            throw new src_options_0/* UsageError */.eb('Give exactly one client name, e.g. `shipkit init-client acme --dir ../acme-shop`.');
        const dir = (0,external_node_path_.resolve)(context.cwd, options.dir);
        if (!(0,external_node_fs_.statSync)(dir, { throwIfNoEntry: false })?.isDirectory()) {
            throw new options_errors/* OptionError */.eR('dir', `names ${options.dir}, which is not a folder: clone the client's repository first.`);
        }
        const suite = suiteFromPackageJson(src_suite/* SUITE_PACKAGE */.s, options['suite-repo']);
        const { provision, 'seed-from': seedFrom, 'admin-uri': adminUri, 'github-repo': githubRepo } = options;
        if (seedFrom && !provision)
            throw new options_errors/* OptionError */.eR('seed-from', (0,options_text/* say */.cv) `needs ${(0,options_text/* ref */.KR)('provision')}.`);
        const atlas = atlasTarget(options, context);
        if (atlas && !provision) {
            throw options_errors/* OptionError */.eR.saying((0,options_text/* say */.cv) `${(0,options_text/* ref */.KR)('atlas-project')} and ${(0,options_text/* ref */.KR)('atlas-cluster')} go with ${(0,options_text/* ref */.KR)('provision')}.`);
        }
        if (provision && !adminUri && !atlas) {
            throw new options_errors/* OptionError */.eR('provision', (0,options_text/* say */.cv) `needs an admin connection string: ${(0,options_text/* ref */.KR)('admin-uri')}, or on Atlas ${(0,options_text/* ref */.KR)('atlas-project')} and ${(0,options_text/* ref */.KR)('atlas-cluster')} with Atlas credentials in the environment.`);
        }
        const connectTimeout = options['connect-timeout'];
        const connectMongo = (uri) => (0,server/* connect */.Ng)(uri, {
            appName: 'shipkit-init-client',
            ...(connectTimeout === undefined ? {} : { timeoutMs: connectTimeout }),
        });
        const token = options['github-token'];
        if (githubRepo && !token) {
            throw new options_errors/* OptionError */.eR('github-repo', (0,options_text/* say */.cv) `needs ${(0,options_text/* ref */.KR)('github-token')}: a token with Secrets, Variables and Administration write access.`);
        }
        const seedIdentity = options['seed-identity'] ?? options['decrypt-identity'];
        const result = await initClient({
            client,
            ...(options.db ? { database: options.db } : {}),
            suite,
            templates: await (0,src_suite/* suiteTemplates */.$)(),
            force: options.force,
            dryRun: options['dry-run'],
            envFile: options['env-file'],
            ...(provision && atlas
                ? { provision: { atlas: atlas.target, ...(seedFrom ? { seedFrom } : {}) } }
                : provision && adminUri
                    ? { provision: { adminUri, ...(seedFrom ? { seedFrom } : {}) } }
                    : {}),
            ...(githubRepo && token
                ? {
                    github: {
                        repository: parseRepository(githubRepo, '--github-repo'),
                        token,
                        apiUrl: options['github-api-url'],
                    },
                }
                : {}),
        }, {
            store: directoryStore(dir),
            logger: context.logger,
            now: () => new Date(),
            connectMongo,
            ...(seedFrom ? { seeder: await loadSeeder(context.env, seedIdentity, connectMongo) } : {}),
            ...(atlas ? { atlas: await atlas.client() } : {}),
            onSecret: (value) => context.redactor.add(value),
        });
        if (context.json)
            context.stdout(`${JSON.stringify(result, null, 2)}\n`);
        else
            printResult(result, dir, context);
        return exit/* EXIT */.dc.ok;
    },
});


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

/***/ 179:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EY: () => (/* binding */ backoffDelay),
/* harmony export */   NO: () => (/* binding */ mayResend),
/* harmony export */   Vd: () => (/* binding */ retryDelayText),
/* harmony export */   d8: () => (/* binding */ networkReason),
/* harmony export */   mu: () => (/* binding */ parseRetryAfter),
/* harmony export */   vI: () => (/* binding */ DEFAULT_RETRY)
/* harmony export */ });
/* unused harmony exports isIdempotentMethod, neverSent */
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3422);

const DEFAULT_RETRY = {
    attempts: 6,
    baseDelayMs: 1000,
    maxDelayMs: 30_000,
    requestTimeoutMs: 30_000,
};
/**
 * Exponential backoff with "equal jitter": the delay for retry n lies between half and all of
 * base·2ⁿ⁻¹ (capped), so parallel jobs spread out yet none retries immediately.
 */
function backoffDelay(retry, policy, random) {
    const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
    return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
/** `Retry-After` as delta-seconds or an HTTP date → milliseconds to wait; undefined when absent or unreadable. */
function parseRetryAfter(header, now) {
    const value = header?.trim();
    if (!value)
        return undefined;
    if (/^\d+(\.\d+)?$/.test(value))
        return Math.round(Number(value) * 1000);
    const date = Date.parse(value);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
/** Methods a server must treat the same however often they arrive (RFC 9110 §9.2.2). */
const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);
const isIdempotentMethod = (method) => IDEMPOTENT_METHODS.has(method.toUpperCase());
/**
 * Socket errors raised before a request is written: the connection was refused, the host could not be
 * reached or its name did not resolve. Anything else (a reset, a timeout) may come after the server got it.
 */
const NOT_SENT_CODES = new Set([
    'ECONNREFUSED',
    'ENOTFOUND',
    'EAI_AGAIN',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'UND_ERR_CONNECT_TIMEOUT',
]);
/** Whether what fetch threw proves the request never left this machine. Duck-typed across realms. */
function neverSent(thrown) {
    const code = thrown?.cause?.code;
    return typeof code === 'string' && NOT_SENT_CODES.has(code);
}
/**
 * The resend decision shared by the HTTP clients: whether a failed attempt may be sent again as it is.
 * A request safe to repeat (`idempotent`, by default the idempotent methods) always may. One that changes
 * something only when the server certainly did not act on it: nothing was sent, or it answered a status
 * that says it processed nothing (`unprocessed`, 429 by default). After a 5xx, a timeout or a dropped
 * connection it may have acted, and sending it again could do the thing twice: the caller reconciles.
 */
function mayResend(request, failure, unprocessed = (status) => status === 429) {
    if (request.idempotent ?? isIdempotentMethod(request.method))
        return true;
    if ('status' in failure)
        return unprocessed(failure.status);
    return neverSent(failure.thrown);
}
/** Why a fetch threw: a timeout, a socket error code (ECONNREFUSED…) or the message. Duck-typed, as errors from another realm fail `instanceof`. */
function networkReason(thrown) {
    const error = (typeof thrown === 'object' && thrown !== null ? thrown : {});
    if (error.name === 'TimeoutError')
        return 'no response in time';
    const code = error.cause?.code;
    if (code === 'UND_ERR_SOCKET' || code === 'ECONNRESET')
        return `the connection dropped (${code})`;
    const reason = code ?? error.cause?.message ?? error.message;
    return typeof reason === 'string' && reason ? reason : (0,_errors__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .g)(thrown);
}
/** A wait as log lines say it: "1.5s", "42s". */
function retryDelayText(ms) {
    return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)}s`;
}


/***/ })

};
