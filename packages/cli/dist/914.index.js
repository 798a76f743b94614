export const id = 914;
export const ids = [914];
export const modules = {

/***/ 914:
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
// EXTERNAL MODULE: ../action-kit/src/errors.ts
var errors = __webpack_require__(8691);
// EXTERNAL MODULE: ../action-kit/src/inputs.ts
var inputs = __webpack_require__(8949);
// EXTERNAL MODULE: ../../node_modules/libsodium-wrappers/dist/modules-esm/libsodium-wrappers.mjs + 1 modules
var libsodium_wrappers = __webpack_require__(9724);
;// CONCATENATED MODULE: ../bootstrap/src/github.ts


const DEFAULT_GITHUB_API_URL = 'https://api.github.com';
/** A GitHub API call that has not answered in this long is given up: nothing may wait for ever. */
const REQUEST_TIMEOUT_MS = 30_000;
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
    apiUrl;
    fetch;
    publicKey;
    constructor(options) {
        this.options = options;
        this.apiUrl = (options.apiUrl ?? DEFAULT_GITHUB_API_URL).replace(/\/+$/, '');
        this.fetch = options.fetch ?? globalThis.fetch;
    }
    path(suffix) {
        const [owner, name] = this.options.repository.split('/');
        return `/repos/${encodeURIComponent(owner)}/${encodeURIComponent(name)}${suffix}`;
    }
    async request(method, path, body) {
        let response;
        try {
            response = await this.fetch(`${this.apiUrl}${path}`, {
                method,
                headers: {
                    accept: 'application/vnd.github+json',
                    authorization: `Bearer ${this.options.token}`,
                    'user-agent': 'shipkit-init-client',
                    'x-github-api-version': '2022-11-28',
                    ...(body === undefined ? {} : { 'content-type': 'application/json' }),
                },
                ...(body === undefined ? {} : { body: JSON.stringify(body) }),
                signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
            });
        }
        catch (error) {
            const reason = error.name === 'TimeoutError'
                ? `no answer within ${REQUEST_TIMEOUT_MS / 1000}s`
                : String(error);
            throw new errors/* UserError */.y(`Could not reach the GitHub API at ${this.apiUrl} (GITHUB_API_URL): ${reason}`);
        }
        const text = await response.text();
        let json;
        try {
            json = text ? JSON.parse(text) : undefined;
        }
        catch {
            json = undefined;
        }
        return { status: response.status, json };
    }
    fail(what, status, json, permission) {
        const message = json?.message;
        const detail = typeof message === 'string' ? `: ${message}` : '';
        const hint = status === 401
            ? ' GITHUB_TOKEN was refused: check that it is valid and not expired.'
            : status === 403
                ? ` GITHUB_TOKEN lacks the permission: it needs ${permission} on ${this.options.repository}.`
                : status === 404
                    ? ` Either ${this.options.repository} does not exist or GITHUB_TOKEN cannot see it (it needs ${permission}).`
                    : '';
        throw new errors/* UserError */.y(`GitHub refused to ${what} (HTTP ${status}${detail}).${hint}`);
    }
    async repositoryPublicKey() {
        if (this.publicKey)
            return this.publicKey;
        const { status, json } = await this.request('GET', this.path('/actions/secrets/public-key'));
        if (status !== 200)
            this.fail('give the repository public key', status, json, 'Secrets: read and write');
        const { key_id: keyId, key } = (json ?? {});
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
        const { status, json } = await this.request('PUT', this.path(`/actions/secrets/${encodeURIComponent(name)}`), {
            encrypted_value: encrypted,
            key_id: keyId,
        });
        if (status !== 201 && status !== 204)
            this.fail(`set the secret ${name}`, status, json, 'Secrets: read and write');
        return status === 201 ? 'created' : 'updated';
    }
    /** Creates or updates an Actions variable. */
    async putVariable(name, value) {
        const permission = 'Variables: read and write';
        const existing = await this.request('GET', this.path(`/actions/variables/${encodeURIComponent(name)}`));
        if (existing.status === 200) {
            const { status, json } = await this.request('PATCH', this.path(`/actions/variables/${encodeURIComponent(name)}`), {
                name,
                value,
            });
            if (status !== 204 && status !== 200)
                this.fail(`update the variable ${name}`, status, json, permission);
            return 'updated';
        }
        if (existing.status !== 404)
            this.fail(`read the variable ${name}`, existing.status, existing.json, permission);
        const { status, json } = await this.request('POST', this.path('/actions/variables'), { name, value });
        if (status !== 201)
            this.fail(`create the variable ${name}`, status, json, permission);
        return 'created';
    }
    /** Creates the deployment environment, or leaves an existing one's protection rules as they are. */
    async ensureEnvironment(name) {
        const { status, json } = await this.request('PUT', this.path(`/environments/${encodeURIComponent(name)}`), {});
        if (status !== 200)
            this.fail(`create the environment ${name}`, status, json, 'Administration: read and write');
    }
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

// EXTERNAL MODULE: ../mongo/src/server.ts
var server = __webpack_require__(7158);
// EXTERNAL MODULE: ./src/command.ts
var command = __webpack_require__(483);
;// CONCATENATED MODULE: ../../package.json
const package_namespaceObject = {"rE":"0.1.0"};
;// CONCATENATED MODULE: ../../workflows-templates/index.ts
/**
 * The caller workflows a client repository copies into its `.github/workflows/` (what `shipkit init-client`
 * installs). Each one calls a reusable workflow of this repository as
 * `SHIPKIT_REPO/.github/workflows/<file>@v1`: {@link REPO_PLACEHOLDER} is the only thing to fill in, with
 * the `<owner>/<repo>` this toolkit is published under ({@link renderTemplate}).
 */

/** Stands for `<owner>/<repo>` of mongo-shipkit, in `uses:` lines and comments. */
const REPO_PLACEHOLDER = 'SHIPKIT_REPO';
const STORAGE_SECRETS = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'];
const STORAGE_VARIABLES = ['BACKUP_DESTINATION', 'AWS_REGION', 'S3_ENDPOINT', 'AWS_ROLE_ARN'];
const TEMPLATES = [
    {
        file: 'nightly-backup.yml',
        url: new URL(/* asset import */ __webpack_require__(5235), __webpack_require__.b),
        calls: 'mongo-backup.yml',
        summary: 'Nightly backup, verified by a full restore, then retention; an issue when a night fails.',
        secrets: ['MONGODB_URI', ...STORAGE_SECRETS, 'AGE_IDENTITY'],
        variables: [...STORAGE_VARIABLES, 'MONGODB_DB', 'AGE_RECIPIENTS'],
        permissions: { contents: 'read', 'id-token': 'write', issues: 'write' },
    },
    {
        file: 'pull-request.yml',
        url: new URL(/* asset import */ __webpack_require__(5631), __webpack_require__.b),
        calls: 'pr-gates.yml',
        summary: "Branch policy on every pull request event and the application's CI (with a MongoDB service) on code changes, as two required checks.",
        secrets: [],
        variables: [],
        permissions: { contents: 'read', 'pull-requests': 'write' },
    },
    {
        file: 'deploy.yml',
        url: new URL(/* asset import */ __webpack_require__(6907), __webpack_require__.b),
        calls: 'render-deploy.yml',
        summary: 'Render deploy from main only, with a fresh verified backup and Auto-Deploy off; health check and rollback.',
        secrets: ['RENDER_API_KEY', 'RENDER_DEPLOY_HOOK_URL', ...STORAGE_SECRETS],
        variables: ['RENDER_SERVICE_ID', ...STORAGE_VARIABLES],
        permissions: { contents: 'read', 'id-token': 'write' },
    },
    {
        file: 'restore.yml',
        url: new URL(/* asset import */ __webpack_require__(5844), __webpack_require__.b),
        calls: 'restore.yml',
        summary: 'Manual disaster recovery with its own write-capable secret: typed confirmation, approval in a protected environment.',
        secrets: ['RESTORE_MONGODB_URI', 'AGE_IDENTITY', ...STORAGE_SECRETS],
        variables: [...STORAGE_VARIABLES, 'MONGODB_DB'],
        permissions: { contents: 'read', 'id-token': 'write' },
    },
    {
        file: 'restore-drill.yml',
        url: new URL(/* asset import */ __webpack_require__(7332), __webpack_require__.b),
        calls: 'restore-drill.yml',
        summary: 'Weekly: restores the newest and an older backup, checks recovery time (RTO) and backup age (RPO); an issue when a target is missed.',
        secrets: ['AGE_IDENTITY', ...STORAGE_SECRETS, 'DRILL_MONGODB_URI'],
        variables: [...STORAGE_VARIABLES],
        permissions: { contents: 'read', 'id-token': 'write', issues: 'write' },
    },
    {
        file: 'atlas-policy.yml',
        url: new URL(/* asset import */ __webpack_require__(9234), __webpack_require__.b),
        calls: 'atlas-policy.yml',
        summary: 'Weekly, for an Atlas M10+ cluster: compares its backup schedule with the policy in the file; an issue on drift. Skipped while ATLAS_PROJECT_ID is unset.',
        secrets: ['ATLAS_CLIENT_ID', 'ATLAS_CLIENT_SECRET'],
        variables: ['ATLAS_PROJECT_ID', 'ATLAS_CLUSTER'],
        permissions: { contents: 'read', issues: 'write' },
    },
    {
        file: 'backup-watchdog.yml',
        url: new URL(/* asset import */ __webpack_require__(4476), __webpack_require__.b),
        calls: 'backup-watchdog.yml',
        summary: 'Every six hours: an issue when the newest verified backup is older than 26 hours; keeps the scheduled workflows enabled.',
        secrets: [...STORAGE_SECRETS],
        variables: [...STORAGE_VARIABLES],
        permissions: { contents: 'read', 'id-token': 'write', issues: 'write', actions: 'write' },
    },
];
function template(file) {
    const found = TEMPLATES.find((t) => t.file === file);
    if (!found)
        throw new Error(`No workflow template ${file}: ${TEMPLATES.map((t) => t.file).join(', ')}.`);
    return found;
}
/** A template's text with the placeholder replaced by `repository` (`<owner>/<repo>`). */
function renderTemplate(text, repository) {
    if (!/^[A-Za-z0-9][A-Za-z0-9-]{0,38}\/[A-Za-z0-9._-]{1,100}$/.test(repository)) {
        throw new Error(`'${repository}' is not a GitHub repository name of the form <owner>/<repo>.`);
    }
    return text.replaceAll(REPO_PLACEHOLDER, repository);
}
/** Reads a template and fills in the repository. */
async function readTemplate(file, repository) {
    return renderTemplate(await readFile(template(file).url, 'utf8'), repository);
}

;// CONCATENATED MODULE: ./src/suite.ts
/**
 * What the CLI carries of the suite it belongs to: its package identity (version, repository) and the
 * caller workflow templates init-client installs. Both are imported, not read from a path computed
 * from this module's location, so the bundler builds them into packages/cli/dist: the bundle runs the
 * same from a clone, from npx, or from the workflows' sparse checkout of bin/ and packages/cli/dist,
 * and reads no file of the repository at run time.
 */



/** The fields of the suite's package.json that name it: `version`, and `repository` when it has one. */
const SUITE_PACKAGE = {
    version: package_namespaceObject.rE,
    ...( false ? { repository: package_namespaceObject.repository } : {}),
};
/** The caller workflow templates, with the text each one has in this build. */
async function suiteTemplates() {
    const workflows = await Promise.all(TEMPLATES.map(async (template) => ({
        name: template.file,
        text: await (0,promises_.readFile)(template.url, 'utf8'),
        summary: template.summary,
    })));
    return { placeholder: REPO_PLACEHOLDER, workflows };
}

// EXTERNAL MODULE: ./src/commands/backup.ts + 7 modules
var backup = __webpack_require__(7507);
;// CONCATENATED MODULE: ./src/commands/init-client.ts








/**
 * Seeding restores a template backup, which pulls in storage, decryption and the restore engine: loaded
 * only when --seed-from asks for it.
 */
async function loadSeeder(env, redact, connectMongo) {
    const [{ backupSeeder }, { openStorage }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(419), __webpack_require__.e(105)]).then(__webpack_require__.bind(__webpack_require__, 1486)),
        __webpack_require__.e(/* import() */ 100).then(__webpack_require__.bind(__webpack_require__, 1100)),
    ]);
    const identity = env.SEED_AGE_IDENTITY || env.AGE_IDENTITY;
    redact(identity);
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
/**
 * The Atlas project and cluster of `--atlas-project`/`--atlas-cluster`, and a client of the Admin API with
 * the credentials of the environment, loaded only when asked for.
 */
function atlasTarget(args, context) {
    const projectId = (0,command/* stringOption */.Pp)(args, 'atlas-project');
    const cluster = (0,command/* stringOption */.Pp)(args, 'atlas-cluster');
    if (!projectId && !cluster)
        return undefined;
    if (!projectId || !cluster)
        throw new errors/* UserError */.y('--atlas-project and --atlas-cluster go together.');
    if (!/^[a-f0-9]{24}$/.test(projectId)) {
        throw new errors/* UserError */.y(`--atlas-project must be an Atlas project id: 24 hexadecimal digits (Project Settings → Project ID), got '${projectId}'.`);
    }
    const { env } = context;
    const credentials = env.ATLAS_CLIENT_ID || env.ATLAS_CLIENT_SECRET
        ? env.ATLAS_CLIENT_ID && env.ATLAS_CLIENT_SECRET
            ? {
                kind: 'service-account',
                clientId: env.ATLAS_CLIENT_ID,
                clientSecret: env.ATLAS_CLIENT_SECRET,
            }
            : undefined
        : env.ATLAS_PUBLIC_KEY && env.ATLAS_PRIVATE_KEY
            ? { kind: 'api-key', publicKey: env.ATLAS_PUBLIC_KEY, privateKey: env.ATLAS_PRIVATE_KEY }
            : undefined;
    context.redactor.add(env.ATLAS_CLIENT_SECRET);
    context.redactor.add(env.ATLAS_PRIVATE_KEY);
    if (!credentials) {
        throw new errors/* UserError */.y('--atlas-project needs Atlas credentials in the environment: ATLAS_CLIENT_ID and ATLAS_CLIENT_SECRET (a service account with the Project Database Access Admin role), or ATLAS_PUBLIC_KEY and ATLAS_PRIVATE_KEY.');
    }
    return {
        target: { projectId, cluster },
        client: async () => {
            const { AtlasClient, realAtlasDeps } = await Promise.all(/* import() */[__webpack_require__.e(603), __webpack_require__.e(846)]).then(__webpack_require__.bind(__webpack_require__, 9846));
            const deps = { ...realAtlasDeps(context.signal), logger: context.logger };
            return new AtlasClient({
                credentials,
                ...(env.ATLAS_BASE_URL ? { baseUrl: env.ATLAS_BASE_URL } : {}),
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
const initClientCommand = {
    name: 'init-client',
    usage: '<name> --dir <path> [--provision (--admin-uri <uri> | --atlas-project <groupId> --atlas-cluster <name>)] [--github-repo owner/name] [options]',
    options: {
        dir: { type: 'string', value: '<path>', description: "the clone of the client's application repository" },
        db: { type: 'string', value: '<name>', description: "the client's database (default shop_<name>)" },
        'suite-repo': {
            type: 'string',
            value: '<owner/name>',
            description: 'the repository the workflows call (default: from package.json)',
        },
        force: {
            type: 'boolean',
            description: 'overwrite local edits of generated files; with --provision, reset unknown passwords',
        },
        'dry-run': {
            type: 'boolean',
            description: 'show what would change in the generated files; write nothing',
        },
        'env-file': {
            type: 'string',
            value: '<path>',
            description: 'local settings file in --dir (default .env)',
        },
        provision: {
            type: 'boolean',
            description: "create the client's database and its application and backup users",
        },
        'admin-uri': {
            type: 'string',
            value: '<uri>',
            description: 'admin connection string for --provision (default: ADMIN_MONGODB_URI)',
        },
        'atlas-project': {
            type: 'string',
            value: '<groupId>',
            description: 'with --provision on Atlas: create the users through the Admin API in this project (ATLAS_CLIENT_ID and ATLAS_CLIENT_SECRET)',
        },
        'atlas-cluster': {
            type: 'string',
            value: '<name>',
            description: 'with --atlas-project: the cluster the users may connect to',
        },
        'seed-from': {
            type: 'string',
            value: '<backup-url>',
            description: "with --provision: restore a template backup into the client's database",
        },
        'github-repo': {
            type: 'string',
            value: '<owner/name>',
            description: 'set its Actions secrets and variables and the production environment (GITHUB_TOKEN)',
        },
        ...backup.CONNECT_OPTIONS,
    },
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
an admin connection. The project and cluster go to the env file as ATLAS_PROJECT_ID and ATLAS_CLUSTER.

Environment: ADMIN_MONGODB_URI, ATLAS_CLIENT_ID, ATLAS_CLIENT_SECRET (or ATLAS_PUBLIC_KEY, ATLAS_PRIVATE_KEY),
ATLAS_BASE_URL, GITHUB_TOKEN, GITHUB_API_URL (default ${DEFAULT_GITHUB_API_URL}).`,
    async run(args, context) {
        const [client, ...extra] = args.positionals;
        if (!client || extra.length > 0)
            throw new errors/* UserError */.y('Give exactly one client name, e.g. `shipkit init-client acme --dir ../acme-shop`.');
        const dirOption = (0,command/* stringOption */.Pp)(args, 'dir');
        if (!dirOption)
            throw new errors/* UserError */.y("--dir is required: the clone of the client's application repository.");
        const dir = (0,external_node_path_.resolve)(context.cwd, dirOption);
        if (!(0,external_node_fs_.statSync)(dir, { throwIfNoEntry: false })?.isDirectory()) {
            throw new errors/* UserError */.y(`--dir ${dirOption} is not a folder: clone the client's repository first.`);
        }
        const suite = suiteFromPackageJson(SUITE_PACKAGE, (0,command/* stringOption */.Pp)(args, 'suite-repo'));
        const adminUri = (0,command/* stringOption */.Pp)(args, 'admin-uri') ?? context.env.ADMIN_MONGODB_URI;
        context.redactor.add(adminUri);
        const provisionWanted = (0,command/* booleanOption */.Ic)(args, 'provision');
        const seedFrom = (0,command/* stringOption */.Pp)(args, 'seed-from');
        if (seedFrom && !provisionWanted)
            throw new errors/* UserError */.y('--seed-from needs --provision.');
        const atlas = atlasTarget(args, context);
        if (atlas && !provisionWanted)
            throw new errors/* UserError */.y('--atlas-project and --atlas-cluster go with --provision.');
        if (provisionWanted && !adminUri && !atlas) {
            throw new errors/* UserError */.y('--provision needs an admin connection string (--admin-uri <uri> or ADMIN_MONGODB_URI), or on Atlas --atlas-project and --atlas-cluster with ATLAS_CLIENT_ID and ATLAS_CLIENT_SECRET.');
        }
        const connectTimeout = (0,command/* stringOption */.Pp)(args, 'connect-timeout');
        const connectMongo = (uri) => (0,server/* connect */.Ng)(uri, {
            appName: 'shipkit-init-client',
            ...(connectTimeout ? { timeoutMs: (0,inputs/* parseDuration */.E9)('--connect-timeout', connectTimeout) } : {}),
        });
        const githubRepo = (0,command/* stringOption */.Pp)(args, 'github-repo');
        const token = context.env.GITHUB_TOKEN;
        context.redactor.add(token);
        if (githubRepo && !token) {
            throw new errors/* UserError */.y('--github-repo needs GITHUB_TOKEN: a token with Secrets, Variables and Administration write access.');
        }
        const result = await initClient({
            client,
            ...((0,command/* stringOption */.Pp)(args, 'db') ? { database: (0,command/* stringOption */.Pp)(args, 'db') } : {}),
            suite,
            templates: await suiteTemplates(),
            force: (0,command/* booleanOption */.Ic)(args, 'force'),
            dryRun: (0,command/* booleanOption */.Ic)(args, 'dry-run'),
            envFile: (0,command/* stringOption */.Pp)(args, 'env-file') ?? '.env',
            ...(provisionWanted && atlas
                ? { provision: { atlas: atlas.target, ...(seedFrom ? { seedFrom } : {}) } }
                : provisionWanted && adminUri
                    ? { provision: { adminUri, ...(seedFrom ? { seedFrom } : {}) } }
                    : {}),
            ...(githubRepo && token
                ? {
                    github: {
                        repository: parseRepository(githubRepo, '--github-repo'),
                        token,
                        apiUrl: context.env.GITHUB_API_URL || DEFAULT_GITHUB_API_URL,
                    },
                }
                : {}),
        }, {
            store: directoryStore(dir),
            logger: context.logger,
            now: () => new Date(),
            connectMongo,
            ...(seedFrom
                ? { seeder: await loadSeeder(context.env, (value) => context.redactor.add(value), connectMongo) }
                : {}),
            ...(atlas ? { atlas: await atlas.client() } : {}),
            onSecret: (value) => context.redactor.add(value),
        });
        if (context.json)
            context.stdout(`${JSON.stringify(result, null, 2)}\n`);
        else
            printResult(result, dir, context);
        return 0;
    },
};


/***/ }),

/***/ 6037:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bi: () => (/* binding */ DEFAULT_CONFIG_PATH),
/* harmony export */   _A: () => (/* binding */ parsePolicyConfig)
/* harmony export */ });
/* unused harmony export PolicyConfigError */
/* harmony import */ var _shipkit_action_kit__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8691);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3483);
/* harmony import */ var _policy__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2925);
/* harmony import */ var _schema__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7452);




const DEFAULT_CONFIG_PATH = '.github/branch-policy.yml';
/** A config file the action cannot use: every problem, each with its key and line. */
class PolicyConfigError extends _shipkit_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y {
    file;
    problems;
    name = 'PolicyConfigError';
    constructor(file, problems) {
        super(`${file} is not a valid branch policy (${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}):\n` +
            problems
                .map((p) => `  ${file}:${p.line}:${p.column}: ${p.key ? `${p.key}: ` : ''}${p.message}`)
                .join('\n'));
        this.file = file;
        this.problems = problems;
    }
}
/** Parses and validates a policy file; throws PolicyConfigError naming each bad key and its line. */
function parsePolicyConfig(text, file = DEFAULT_CONFIG_PATH) {
    const lineCounter = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
    const position = (offset) => {
        const { line, col } = lineCounter.linePos(offset);
        return { line, column: col };
    };
    if (doc.errors.length > 0) {
        throw new PolicyConfigError(file, doc.errors.map((error) => ({
            key: '',
            ...position(error.pos[0]),
            message: `YAML syntax: ${error.message}`,
        })));
    }
    // An empty file (or one with only comments) means "all defaults".
    const data = doc.contents === null ? {} : doc.toJS();
    const result = _schema__WEBPACK_IMPORTED_MODULE_2__/* .policyConfigSchema */ .uX.safeParse(data, { reportInput: true });
    if (result.success)
        return (0,_policy__WEBPACK_IMPORTED_MODULE_3__/* .resolvePolicy */ .nZ)(result.data);
    const locate = (path, key) => position(offsetOf(doc.contents, path, key));
    const problems = result.error.issues.flatMap((issue) => describeIssue(issue, []));
    throw new PolicyConfigError(file, problems
        .map((p) => ({
        key: formatKey(p.path),
        ...locate(p.path.slice(0, p.keyIsUnknown ? -1 : undefined), p.unknownKey),
        message: p.message,
    }))
        .sort((a, b) => a.line - b.line || a.column - b.column));
}
function describeIssue(issue, prefix) {
    const path = [...prefix, ...issue.path];
    const input = issue.input;
    switch (issue.code) {
        case 'unrecognized_keys':
            return issue.keys.map((key) => ({
                path: [...path, key],
                message: unknownKeyMessage(key, allowedKeysAt(path)),
                keyIsUnknown: true,
                unknownKey: key,
            }));
        case 'invalid_type':
            return [
                {
                    path,
                    message: invalidTypeMessage(issue.expected, input),
                },
            ];
        case 'invalid_value':
            return [
                {
                    path,
                    message: `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${describeValue(input)}`,
                },
            ];
        case 'too_small':
            return [{ path, message: tooSmallMessage(issue.origin, issue.minimum) }];
        case 'too_big':
            return [{ path, message: `must be at most ${issue.maximum}, got ${describeValue(input)}` }];
        case 'invalid_union': {
            if (input === undefined)
                return [{ path, message: 'is required' }];
            // A list with a bad entry: report the entry, not "neither a string nor a list".
            const deeper = issue.errors.find((branch) => branch.some((inner) => inner.path.length > 0));
            if (deeper)
                return deeper.flatMap((inner) => describeIssue(inner, path));
            return [{ path, message: `${issue.message}, got ${describeValue(input)}` }];
        }
        default:
            return [{ path, message: issue.message }];
    }
}
function invalidTypeMessage(expected, input) {
    if (input === undefined)
        return 'is required';
    // `naming:` with nothing after it: YAML reads null, the user meant "defaults".
    if (input === null && expected === 'object')
        return 'is empty; remove the key for the defaults, or write {}';
    return `expected ${typeName(expected)}, got ${describeValue(input)}`;
}
function tooSmallMessage(origin, minimum) {
    if (origin === 'array')
        return 'must list at least one entry';
    if (origin === 'string')
        return 'must not be empty';
    return `must be at least ${minimum}`;
}
function typeName(expected) {
    const names = {
        string: 'a string',
        number: 'a number',
        int: 'a whole number',
        boolean: 'true or false',
        array: 'a list',
        object: 'a mapping of keys to values',
    };
    return names[expected] ?? expected;
}
function describeValue(value) {
    if (value === null || value === undefined)
        return 'an empty value';
    if (Array.isArray(value))
        return 'a list';
    if (typeof value === 'object')
        return 'a mapping';
    if (typeof value === 'string')
        return `'${value}'`;
    return String(value);
}
function formatKey(path) {
    return path.reduce((key, part) => typeof part === 'number' ? `${key}[${part}]` : key ? `${key}.${String(part)}` : String(part), '');
}
/** Where a path points in the file: the value's node, or the nearest ancestor that exists. */
function offsetOf(root, path, unknownKey) {
    let node = root;
    let offset = node?.range?.[0] ?? 0;
    for (const part of path) {
        const child = childOf(node, part);
        if (!child)
            break;
        node = child;
        offset = child.range?.[0] ?? offset;
    }
    if (unknownKey !== undefined && (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node)) {
        const pair = node.items.find((item) => (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(item.key) && item.key.value === unknownKey);
        const keyNode = pair?.key;
        if (keyNode?.range)
            offset = keyNode.range[0];
    }
    return offset;
}
function childOf(node, part) {
    if (!node || typeof node !== 'object' || !('items' in node))
        return null;
    const items = node.items;
    if (typeof part === 'number')
        return items[part] ?? null;
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node))
        return null;
    const pair = node.items.find((item) => (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(item.key) && item.key.value === part);
    return pair?.value ?? pair?.key ?? null;
}
/** The keys allowed at a path, read from the published schema, for "did you mean" hints. */
function allowedKeysAt(path) {
    let node = (0,_schema__WEBPACK_IMPORTED_MODULE_2__/* .policyJsonSchema */ .qF)();
    for (const part of path) {
        if (!node)
            return [];
        const options = node.anyOf ?? [node];
        node =
            typeof part === 'number'
                ? options.find((o) => o.items)?.items
                : options.find((o) => o.properties?.[String(part)])?.properties?.[String(part)];
    }
    return Object.keys(node?.properties ?? {});
}
function unknownKeyMessage(key, allowed) {
    const closest = allowed
        .map((candidate) => ({ candidate, distance: editDistance(normalizeKey(key), normalizeKey(candidate)) }))
        .sort((a, b) => a.distance - b.distance)[0];
    const hint = closest && closest.distance <= Math.max(2, Math.floor(key.length / 3))
        ? ` (did you mean '${closest.candidate}'?)`
        : '';
    const list = allowed.length > 0 ? `; allowed here: ${allowed.join(', ')}` : '';
    return `unknown key${hint}${list}`;
}
// `max_length`, `maxLength` and `max-length` are the same key to a human.
function normalizeKey(key) {
    return key.replace(/[-_]/g, '').toLowerCase();
}
function editDistance(a, b) {
    let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
        }
        previous = current;
    }
    return previous[b.length];
}


/***/ }),

/***/ 5625:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Kw: () => (/* binding */ branchPatternProblem),
/* harmony export */   o4: () => (/* binding */ firstMatch)
/* harmony export */ });
/* unused harmony exports globToRegExp, matchesGlob */
/**
 * Branch patterns as GitHub writes them in branch protection: `*` stays within one path segment,
 * `**` crosses `/`, `?` is one character; everything else is literal.
 */
// Characters git refuses in branch names (git check-ref-format): a pattern containing one can never
// match, so it is almost certainly a regular expression or a typo.
const FORBIDDEN_IN_BRANCH = /[\s~^:\\[]/;
function globToRegExp(pattern) {
    let source = '';
    for (let i = 0; i < pattern.length; i++) {
        const char = pattern[i];
        if (char === '*' && pattern[i + 1] === '*') {
            source += '.*';
            i += 1;
        }
        else if (char === '*') {
            source += '[^/]*';
        }
        else if (char === '?') {
            source += '[^/]';
        }
        else {
            source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
        }
    }
    return new RegExp(`^${source}$`);
}
const compiled = new Map();
function matchesGlob(name, pattern) {
    let regExp = compiled.get(pattern);
    if (!regExp) {
        regExp = globToRegExp(pattern);
        compiled.set(pattern, regExp);
    }
    return regExp.test(name);
}
/** The first pattern that matches the name, for saying *what* matched. */
function firstMatch(name, patterns) {
    return patterns.find((pattern) => matchesGlob(name, pattern));
}
/** Why a branch pattern can never match a branch, or undefined when it is usable. */
function branchPatternProblem(pattern) {
    if (pattern.trim() === '')
        return 'must not be empty';
    const forbidden = FORBIDDEN_IN_BRANCH.exec(pattern);
    if (forbidden) {
        const shown = /\s/.test(forbidden[0]) ? 'whitespace' : `'${forbidden[0]}'`;
        return `'${pattern}' contains ${shown}, which git does not allow in branch names (patterns use * and ** only, not regular expressions)`;
    }
    if (pattern.split('/').some((segment) => segment.startsWith('.')) || pattern.includes('..')) {
        return `'${pattern}' has a path segment starting with '.' or a '..', which git does not allow in branch names (patterns use * and ** only, not regular expressions)`;
    }
    if (pattern.startsWith('refs/'))
        return `'${pattern}' must be a branch name without 'refs/heads/'`;
    return undefined;
}


/***/ }),

/***/ 2925:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G4: () => (/* binding */ defaultPolicy),
/* harmony export */   nZ: () => (/* binding */ resolvePolicy),
/* harmony export */   y0: () => (/* binding */ RULES)
/* harmony export */ });
/* harmony import */ var _schema__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7452);

const RULES = ['flows', 'naming', 'protected', 'titles'];
const asList = (value) => (Array.isArray(value) ? value : [value]);
const unique = (values) => [...new Set(values)];
function resolvePolicy(config) {
    const flows = config.flows.map((flow) => ({ from: asList(flow.from), to: asList(flow.to) }));
    const { naming, titles, exceptions } = config;
    const policy = {
        flows,
        naming: {
            branches: naming.branches ?? unique(flows.flatMap((flow) => flow.from)),
            lowercase: naming.lowercase,
        },
        protected: { branches: config.protected.branches, allowedActors: config.protected['allowed-actors'] },
        exceptions: {
            botBranches: exceptions['bot-branches'],
            revertBranches: exceptions['revert-branches'],
            drafts: exceptions.drafts,
        },
        severity: config.severity,
    };
    if (naming.ticket !== undefined)
        policy.naming.ticket = { pattern: naming.ticket, branches: naming['ticket-branches'] };
    if (naming['max-length'] !== undefined)
        policy.naming.maxLength = naming['max-length'];
    if (exceptions['override-label'] !== false)
        policy.exceptions.overrideLabel = exceptions['override-label'];
    if (titles) {
        policy.titles = { types: titles.types, requireScope: titles['require-scope'] };
        if (titles.scopes)
            policy.titles.scopes = titles.scopes;
        if (titles['subject-pattern'] !== undefined)
            policy.titles.subjectPattern = titles['subject-pattern'];
    }
    return policy;
}
/** The policy used when the repository has no config file: the schema's defaults. */
function defaultPolicy() {
    return resolvePolicy(_schema__WEBPACK_IMPORTED_MODULE_0__/* .policyConfigSchema */ .uX.parse({}));
}


/***/ }),

/***/ 7452:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A5: () => (/* binding */ DEFAULT_PROTECTED_BRANCHES),
/* harmony export */   iM: () => (/* binding */ DEFAULT_FLOWS),
/* harmony export */   qF: () => (/* binding */ policyJsonSchema),
/* harmony export */   uX: () => (/* binding */ policyConfigSchema)
/* harmony export */ });
/* unused harmony exports DEFAULT_TICKET_BRANCHES, DEFAULT_BOT_BRANCHES, DEFAULT_OVERRIDE_LABEL, CONVENTIONAL_TYPES */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7821);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9947);
/* harmony import */ var _glob__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5625);


/** The branches of the usual flow: short-lived work → development → main, with back-merges. */
const DEFAULT_FLOWS = [
    { from: ['feature/*', 'fix/*', 'chore/*', 'docs/*'], to: ['development'] },
    { from: ['development', 'release/*', 'hotfix/*'], to: ['main'] },
    { from: ['hotfix/*'], to: ['development'] },
    { from: ['main'], to: ['development'] },
];
const DEFAULT_PROTECTED_BRANCHES = ['main', 'development'];
const DEFAULT_TICKET_BRANCHES = ['feature/*', 'fix/*', 'hotfix/*'];
const DEFAULT_BOT_BRANCHES = ['dependabot/**', 'renovate/**'];
const DEFAULT_OVERRIDE_LABEL = 'policy-override';
/** The Conventional Commits types most tools (commitlint, action-semantic-pull-request) accept by default. */
const CONVENTIONAL_TYPES = [
    'feat',
    'fix',
    'docs',
    'style',
    'refactor',
    'perf',
    'test',
    'build',
    'ci',
    'chore',
    'revert',
];
const branchPattern = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
    .superRefine((pattern, ctx) => {
    const problem = (0,_glob__WEBPACK_IMPORTED_MODULE_1__/* .branchPatternProblem */ .Kw)(pattern);
    if (problem)
        ctx.addIssue({ code: 'custom', message: problem });
})
    .describe('A branch name or glob: * matches within one path segment, ** across /, ? one character.');
const branchPatterns = zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([branchPattern, zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(branchPattern).min(1)], {
    error: 'expected a branch pattern or a list of branch patterns',
});
const regularExpression = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().superRefine((source, ctx) => {
    if (source === '') {
        ctx.addIssue({ code: 'custom', message: 'must not be empty' });
        return;
    }
    try {
        new RegExp(source);
    }
    catch (thrown) {
        const reason = thrown instanceof Error ? thrown.message : String(thrown);
        ctx.addIssue({ code: 'custom', message: `is not a valid regular expression: ${reason}` });
    }
});
// fail: the check fails; warn: it passes with a warning (useful while rolling a rule out).
const severity = zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['fail', 'warn']);
const flowSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    from: branchPatterns.describe('Head (source) branches this flow allows.'),
    to: branchPatterns.describe('Base (target) branches they may open pull requests against.'),
})
    .describe('One allowed source → target pair.');
const namingSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    branches: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(branchPattern)
        .min(1)
        .optional()
        .describe('Allowed head-branch names. Default: every `from` pattern of the flows.'),
    ticket: regularExpression
        .optional()
        .describe("A regular expression a ticket reference must match somewhere in the branch name, e.g. '[A-Z]+-\\d+'."),
    'ticket-branches': zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(branchPattern)
        .min(1)
        .default(DEFAULT_TICKET_BRANCHES)
        .describe('Which head branches need the ticket reference.'),
    'max-length': zod__WEBPACK_IMPORTED_MODULE_0__/* .int */ .Whr()
        .min(1)
        .max(255)
        .optional()
        .describe('Longest allowed head-branch name, in characters.'),
    lowercase: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().default(false).describe('Refuse upper-case letters in head-branch names.'),
})
    .describe('Rules for head-branch names of pull requests.');
const protectedSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    branches: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(branchPattern)
        .default(DEFAULT_PROTECTED_BRANCHES)
        .describe('Branches that change only through merged pull requests.'),
    'allowed-actors': zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1))
        .default([])
        .describe("Logins (globs allowed, e.g. '*[bot]') that may push to protected branches directly."),
})
    .describe('Pushes to these branches fail unless they are the merge of a pull request into that branch.');
const titlesSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    types: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().regex(/^[a-z][a-z0-9-]*$/, 'must be a lower-case word such as feat'))
        .min(1)
        .default(CONVENTIONAL_TYPES)
        .describe('Allowed Conventional Commits types.'),
    scopes: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1)).min(1).optional().describe('Allowed scopes. Default: any scope.'),
    'require-scope': zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().default(false).describe('Refuse titles without a (scope).'),
    'subject-pattern': regularExpression
        .optional()
        .describe("A regular expression the subject (after 'type(scope): ') must match, e.g. '^[a-z]'."),
})
    .describe('Pull request titles must be Conventional Commits headers. Omit the section to skip this rule.');
const exceptionsSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    'bot-branches': zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(branchPattern)
        .default(DEFAULT_BOT_BRANCHES)
        .describe('Head branches of bots, exempt from every pull request rule.'),
    'revert-branches': zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY()
        .default(true)
        .describe("Exempt GitHub's own revert branches (revert-<number>-<branch>) from every pull request rule."),
    drafts: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['warn', 'enforce'])
        .default('warn')
        .describe('warn: failures of draft pull requests are reported as warnings; enforce: as failures.'),
    'override-label': zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1), zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz(false)], { error: 'expected a label name, or false to disable' })
        .default(DEFAULT_OVERRIDE_LABEL)
        .describe('A label that turns failures into warnings, recorded in the summary. false disables it.'),
})
    .describe('What the rules do not apply to, or apply to more gently.');
const severitySchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    flows: severity.default('fail').describe('How a refused source → target pair is reported.'),
    naming: severity.default('fail').describe('How a badly named head branch is reported.'),
    protected: severity.default('fail').describe('How a push that bypassed pull requests is reported.'),
    titles: severity
        .default('fail')
        .describe('How a title that is not a Conventional Commits header is reported.'),
})
    .describe('How each rule reports its violations.');
const policyConfigSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    version: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz(1).optional().describe('Config format version; only 1 exists.'),
    flows: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(flowSchema)
        .min(1)
        .default(DEFAULT_FLOWS.map((flow) => ({ ...flow })))
        .describe('Allowed source → target pairs. A pull request matching no flow fails. Replaces the defaults.'),
    naming: namingSchema.prefault({}),
    protected: protectedSchema.prefault({}),
    titles: titlesSchema.optional(),
    exceptions: exceptionsSchema.prefault({}),
    severity: severitySchema.prefault({}),
})
    .describe('Branch policy for pull requests and pushes (.github/branch-policy.yml).');
/** The published JSON Schema: generated, so it cannot drift from what the action accepts. */
function policyJsonSchema() {
    const generated = zod__WEBPACK_IMPORTED_MODULE_2__/* .toJSONSchema */ .bl(policyConfigSchema, { target: 'draft-2020-12', io: 'input' });
    return { ...generated, title: 'Branch policy (.github/branch-policy.yml)' };
}


/***/ }),

/***/ 9234:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

module.exports = __webpack_require__.p + "d12c502e4da57800daae.yml";

/***/ }),

/***/ 4476:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

module.exports = __webpack_require__.p + "b8f1b0ebb5396a6c8f35.yml";

/***/ }),

/***/ 6907:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

module.exports = __webpack_require__.p + "024a723e4484b156a923.yml";

/***/ }),

/***/ 5235:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

module.exports = __webpack_require__.p + "08a6a3a590c388ceb89f.yml";

/***/ }),

/***/ 5631:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

module.exports = __webpack_require__.p + "febb65ddd68229420c78.yml";

/***/ }),

/***/ 7332:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

module.exports = __webpack_require__.p + "e2e1e8272a40e8453d43.yml";

/***/ }),

/***/ 5844:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

module.exports = __webpack_require__.p + "32c2c54c26cfc32bc715.yml";

/***/ })

};
