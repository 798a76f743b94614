export const id = 423;
export const ids = [423];
export const modules = {

/***/ 9931:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Mq: () => (/* binding */ checkInstanceConfig),
/* harmony export */   dW: () => (/* binding */ TARGETS)
/* harmony export */ });
/* unused harmony exports inTarget, instanceConfigSchema */
/* harmony import */ var age_encryption__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8291);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7821);
/* harmony import */ var _values__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1561);
/* harmony import */ var _variables__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(630);




const TARGETS = ['all', 'github', 'render'];
function inTarget(spec, target) {
    if (target === 'all')
        return true;
    if (target === 'github')
        return spec.places.some((place) => place.startsWith('github-'));
    return spec.places.includes('render-env');
}
/** Unset and blank are the same: an Actions secret that does not exist expands to ''. */
function blankToUndefined(value) {
    return typeof value === 'string' && value.trim() === '' ? undefined : value;
}
/**
 * The instance configuration as one zod schema: each variable's shape, which are required, and the rules
 * between variables. Issues carry the variable's name as their path and never the value.
 */
function instanceConfigSchema(options = {}) {
    const target = options.target ?? 'all';
    const specs = (options.variables ?? _variables__WEBPACK_IMPORTED_MODULE_1__/* .VARIABLES */ .ut).filter((spec) => inTarget(spec, target));
    const shape = Object.fromEntries(specs.map((spec) => [spec.name, zod__WEBPACK_IMPORTED_MODULE_2__/* .preprocess */ .vkY(blankToUndefined, spec.schema.optional())]));
    const warnings = [];
    const schema = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc(shape).superRefine(async (parsed, ctx) => {
        const values = parsed;
        const byName = new Map(specs.map((spec) => [spec.name, spec]));
        const rule = {
            value: (name) => (byName.has(name) ? values[name] : undefined),
            valid: (name) => {
                const spec = byName.get(name);
                const value = values[name];
                return spec !== undefined && value !== undefined && spec.schema.safeParse(value).success;
            },
            inScope: (name) => byName.has(name),
            problem: (variable, message) => ctx.addIssue({ code: 'custom', path: [variable], message }),
            warning: (variable, message) => warnings.push({ variable, message }),
        };
        for (const spec of specs) {
            const value = values[spec.name];
            if (value === undefined && spec.requirement === 'required') {
                rule.problem(spec.name, 'is missing');
            }
            if (value !== undefined && spec.secret && !options.template && value === spec.example) {
                rule.problem(spec.name, 'still holds the example value from .env.example; set the real one');
            }
        }
        backupStorageRules(rule);
        deployRules(rule);
        atlasRules(rule);
        await encryptionRules(rule);
    });
    return { schema, warnings, specs };
}
function backupStorageRules(rule) {
    const destination = rule.valid('BACKUP_DESTINATION')
        ? (0,_values__WEBPACK_IMPORTED_MODULE_3__/* .parseBackupDestination */ .og)(rule.value('BACKUP_DESTINATION'))
        : undefined;
    if (destination === undefined || typeof destination === 'string')
        return;
    if (destination.kind === 'file') {
        if (rule.inScope('AWS_REGION')) {
            rule.warning('BACKUP_DESTINATION', 'is a file:// folder: on a GitHub-hosted runner it disappears with the runner; use s3:// there');
        }
        return;
    }
    const endpoint = rule.value('S3_ENDPOINT');
    const role = rule.value('AWS_ROLE_ARN');
    const keyId = rule.value('AWS_ACCESS_KEY_ID');
    const secret = rule.value('AWS_SECRET_ACCESS_KEY');
    const onAws = endpoint === undefined;
    if (rule.inScope('AWS_REGION')) {
        const region = rule.value('AWS_REGION');
        if (region === undefined)
            rule.problem('AWS_REGION', 'is missing: an s3:// BACKUP_DESTINATION needs the region');
        else if (onAws && rule.valid('AWS_REGION') && !_values__WEBPACK_IMPORTED_MODULE_3__/* .AWS_REGION_FORM */ .Uu.test(region)) {
            rule.problem('AWS_REGION', 'is not an AWS region name such as eu-west-1 (and no S3_ENDPOINT is set)');
        }
    }
    if (!rule.inScope('AWS_ROLE_ARN') || !rule.inScope('AWS_ACCESS_KEY_ID'))
        return;
    if (role !== undefined && !onAws) {
        rule.problem('AWS_ROLE_ARN', 'works with AWS only; an S3_ENDPOINT store needs AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY');
        return;
    }
    if (role !== undefined && (keyId !== undefined || secret !== undefined)) {
        rule.problem('AWS_ROLE_ARN', 'is set together with access keys: keep either the role or the keys, not both');
        return;
    }
    if (role === undefined && keyId === undefined && secret === undefined) {
        rule.problem(onAws ? 'AWS_ROLE_ARN' : 'AWS_ACCESS_KEY_ID', onAws
            ? 'is missing: an s3:// BACKUP_DESTINATION needs AWS_ROLE_ARN, or AWS_ACCESS_KEY_ID with AWS_SECRET_ACCESS_KEY'
            : 'is missing: an S3_ENDPOINT store needs AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY');
        return;
    }
    if (role !== undefined)
        return;
    if (keyId === undefined)
        rule.problem('AWS_ACCESS_KEY_ID', 'is missing: AWS_SECRET_ACCESS_KEY is set without it');
    if (secret === undefined)
        rule.problem('AWS_SECRET_ACCESS_KEY', 'is missing: AWS_ACCESS_KEY_ID is set without it');
    if (onAws &&
        keyId !== undefined &&
        rule.valid('AWS_ACCESS_KEY_ID') &&
        !_values__WEBPACK_IMPORTED_MODULE_3__/* .AWS_ACCESS_KEY_ID_FORM */ .er.test(keyId)) {
        rule.problem('AWS_ACCESS_KEY_ID', 'is not an AWS access key id (AKIA… and 16 more letters or digits)');
    }
    if (onAws &&
        secret !== undefined &&
        rule.valid('AWS_SECRET_ACCESS_KEY') &&
        !_values__WEBPACK_IMPORTED_MODULE_3__/* .AWS_SECRET_ACCESS_KEY_FORM */ .Fe.test(secret)) {
        rule.problem('AWS_SECRET_ACCESS_KEY', 'is not an AWS secret access key (40 letters, digits, / and +)');
    }
}
function deployRules(rule) {
    if (!rule.inScope('RENDER_SERVICE_ID'))
        return;
    const serviceId = rule.value('RENDER_SERVICE_ID');
    const apiKey = rule.value('RENDER_API_KEY');
    const hook = rule.value('RENDER_DEPLOY_HOOK_URL');
    if (serviceId === undefined && hook === undefined) {
        rule.problem('RENDER_SERVICE_ID', 'is missing: deploys need RENDER_SERVICE_ID with RENDER_API_KEY, or RENDER_DEPLOY_HOOK_URL');
    }
    if (serviceId !== undefined && apiKey === undefined && hook === undefined) {
        rule.problem('RENDER_API_KEY', 'is missing: RENDER_SERVICE_ID needs it unless RENDER_DEPLOY_HOOK_URL is set');
    }
    if (apiKey !== undefined && serviceId === undefined) {
        rule.problem('RENDER_SERVICE_ID', 'is missing: RENDER_API_KEY is set but names no service to deploy');
    }
    if (serviceId !== undefined && hook !== undefined && rule.valid('RENDER_DEPLOY_HOOK_URL')) {
        const hookService = (0,_values__WEBPACK_IMPORTED_MODULE_3__/* .deployHookServiceId */ .Zc)(hook);
        if (hookService !== undefined && hookService !== serviceId) {
            rule.problem('RENDER_DEPLOY_HOOK_URL', 'belongs to another service than RENDER_SERVICE_ID');
        }
    }
}
/** Atlas Cloud Backup needs all four together: the project, its cluster and a service account's id and secret. */
function atlasRules(rule) {
    const names = ['ATLAS_PROJECT_ID', 'ATLAS_CLUSTER', 'ATLAS_CLIENT_ID', 'ATLAS_CLIENT_SECRET'];
    if (!names.every((name) => rule.inScope(name)))
        return;
    const set = names.filter((name) => rule.value(name) !== undefined);
    if (set.length === 0 || set.length === names.length)
        return;
    for (const name of names.filter((n) => !set.includes(n))) {
        rule.problem(name, `is missing: Atlas Cloud Backup needs it with ${set.join(', ')}`);
    }
}
async function encryptionRules(rule) {
    if (rule.inScope('AGE_IDENTITY') &&
        rule.value('AGE_IDENTITY') === undefined &&
        rule.valid('BACKUP_DESTINATION')) {
        rule.warning('AGE_IDENTITY', 'is not set: the verification of each backup and restores cannot decrypt the backups without it');
    }
    if (!rule.valid('AGE_IDENTITY') || !rule.valid('AGE_RECIPIENTS'))
        return;
    const recipients = new Set((0,_values__WEBPACK_IMPORTED_MODULE_3__/* .splitRecipients */ .hf)(rule.value('AGE_RECIPIENTS')));
    let matched = false;
    for (const identity of (0,_values__WEBPACK_IMPORTED_MODULE_3__/* .splitIdentities */ .zV)(rule.value('AGE_IDENTITY'))) {
        if (identity.startsWith('AGE-PLUGIN-'))
            return; // plugin identities (hardware keys) cannot be checked here
        try {
            if (recipients.has(await (0,age_encryption__WEBPACK_IMPORTED_MODULE_0__.identityToRecipient)(identity)))
                matched = true;
        }
        catch {
            rule.problem('AGE_IDENTITY', 'could not be read as an age secret key');
            return;
        }
    }
    if (!matched) {
        rule.problem('AGE_IDENTITY', 'matches none of AGE_RECIPIENTS: it could not decrypt backups encrypted to those keys');
    }
}
/** Checks every variable of the target at once; all problems are returned, none thrown. */
async function checkInstanceConfig(values, options = {}) {
    const { schema, warnings, specs } = instanceConfigSchema(options);
    const input = Object.fromEntries(specs.map((spec) => [spec.name, values[spec.name]]));
    const result = await schema.safeParseAsync(input);
    const expected = new Map(specs.map((spec) => [spec.name, spec.expected]));
    const problems = result.success
        ? []
        : result.error.issues.map((issue) => {
            const name = String(issue.path[0] ?? '');
            const shape = expected.get(name);
            return { variable: name, message: issue.message, ...(shape ? { expected: shape } : {}) };
        });
    const order = new Map(specs.map((spec, index) => [spec.name, index]));
    const byOrder = (a, b) => (order.get(a.variable) ?? 0) - (order.get(b.variable) ?? 0);
    return {
        ok: problems.length === 0,
        problems: dedupe(problems).sort(byOrder),
        warnings: dedupe(warnings).sort(byOrder),
        checked: specs.map((spec) => spec.name),
    };
}
function dedupe(problems) {
    const seen = new Set();
    return problems.filter((p) => {
        const key = `${p.variable}\n${p.message}`;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}


/***/ }),

/***/ 8089:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ct: () => (/* binding */ setEnvValues),
/* harmony export */   u$: () => (/* binding */ formatEnvValue),
/* harmony export */   vc: () => (/* binding */ parseEnv)
/* harmony export */ });
/* unused harmony export formatEnv */
/**
 * A small `.env` reader and writer. Accepted:
 *   KEY=value            unquoted; a ` #` starts a comment; surrounding spaces are dropped
 *   export KEY=value     the shell prefix is ignored
 *   KEY='literal'        no escapes; may span lines
 *   KEY="text\n"         \n \r \t \" \\ \$ escapes; may span lines
 *   # comment, blank lines, CRLF line ends, a UTF-8 byte order mark
 * No `${VAR}` expansion: values are taken as written. Problems name the line and the key, never the value,
 * since a broken line may hold a secret.
 */
const KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
const DOUBLE_QUOTE_ESCAPES = {
    n: '\n',
    r: '\r',
    t: '\t',
    '"': '"',
    '\\': '\\',
    $: '$',
};
function parseEnv(text) {
    const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
    const entries = [];
    const problems = [];
    let index = 0;
    while (index < lines.length) {
        const lineNumber = index + 1;
        // Only leading space goes: trailing space may belong to a quoted value that continues below.
        const line = (lines[index] ?? '').trimStart();
        index += 1;
        if (line.trim() === '' || line.startsWith('#'))
            continue;
        const assignment = /^(?:export\s+)?([^=\s]+)\s*=\s*(.*)$/.exec(line);
        if (!assignment) {
            problems.push({ line: lineNumber, message: 'is not a KEY=value assignment' });
            continue;
        }
        const key = assignment[1];
        const rest = assignment[2];
        if (!KEY.test(key)) {
            problems.push({
                line: lineNumber,
                message: 'has a key that is not a variable name (letters, digits and _, not starting with a digit)',
            });
            continue;
        }
        const quote = rest[0];
        if (quote !== '"' && quote !== "'" && quote !== '`') {
            entries.push({ key, value: stripInlineComment(rest), line: lineNumber, endLine: lineNumber });
            continue;
        }
        // A quoted value runs to its closing quote, possibly lines later.
        let body = rest.slice(1);
        let closing = findClosingQuote(body, quote);
        while (closing < 0 && index < lines.length) {
            body += `\n${lines[index] ?? ''}`;
            index += 1;
            closing = findClosingQuote(body, quote);
        }
        if (closing < 0) {
            problems.push({
                line: lineNumber,
                key,
                message: `has a ${quoteName(quote)} quote that is never closed`,
            });
            continue;
        }
        const after = body.slice(closing + 1).trim();
        if (after !== '' && !after.startsWith('#')) {
            problems.push({
                line: lineNumber,
                key,
                message: 'has text after the closing quote (only a # comment may follow)',
            });
            continue;
        }
        const raw = body.slice(0, closing);
        entries.push({
            key,
            value: quote === '"' ? unescapeDoubleQuoted(raw) : raw,
            line: lineNumber,
            endLine: index,
        });
    }
    const values = {};
    const seen = new Set();
    const duplicates = new Set();
    for (const entry of entries) {
        if (seen.has(entry.key))
            duplicates.add(entry.key);
        seen.add(entry.key);
        values[entry.key] = entry.value;
    }
    return { entries, values, duplicates: [...duplicates], problems };
}
function stripInlineComment(value) {
    const comment = value.search(/\s#/);
    return (comment < 0 ? value : value.slice(0, comment)).trim();
}
function findClosingQuote(body, quote) {
    for (let i = 0; i < body.length; i++) {
        if (quote === '"' && body[i] === '\\') {
            i += 1;
            continue;
        }
        if (body[i] === quote)
            return i;
    }
    return -1;
}
function unescapeDoubleQuoted(raw) {
    return raw.replace(/\\(.)/gs, (whole, next) => DOUBLE_QUOTE_ESCAPES[next] ?? whole);
}
function quoteName(quote) {
    return quote === '"' ? 'double' : quote === "'" ? 'single' : 'back';
}
/** A value written so that `parseEnv` reads it back exactly: bare when that is safe, else quoted. */
function formatEnvValue(value) {
    if (/^[A-Za-z0-9_./:@,+=%-]*$/.test(value))
        return value;
    if (!value.includes("'") && !value.includes('\r'))
        return `'${value}'`;
    const escaped = value
        .replace(/\\/g, '\\\\')
        .replace(/"/g, '\\"')
        .replace(/\n/g, '\\n')
        .replace(/\r/g, '\\r')
        .replace(/\t/g, '\\t')
        .replace(/\$/g, '\\$');
    return `"${escaped}"`;
}
/** `KEY=value` lines for the given entries, in order, with a trailing newline. */
function formatEnv(values) {
    const lines = [];
    for (const [key, value] of values) {
        if (!KEY.test(key))
            throw new Error(`'${key}' is not a valid variable name`);
        lines.push(`${key}=${formatEnvValue(value)}`);
    }
    return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
/**
 * `text` with each key in `updates` set: an existing assignment is replaced where it stands (its other
 * assignments removed), a new key is appended. Comments and other lines are kept as they are.
 */
function setEnvValues(text, updates, appendHeader) {
    const parsed = parseEnv(text);
    const lines = text === '' ? [] : text.replace(/\r?\n$/, '').split(/\r?\n/);
    const replaced = new Set();
    // Work from the bottom up so earlier line numbers stay valid.
    for (const entry of [...parsed.entries].reverse()) {
        const value = updates[entry.key];
        if (value === undefined)
            continue;
        const isFirst = parsed.entries.find((e) => e.key === entry.key) === entry;
        lines.splice(entry.line - 1, entry.endLine - entry.line + 1, ...(isFirst ? [`${entry.key}=${formatEnvValue(value)}`] : []));
        replaced.add(entry.key);
    }
    const added = Object.entries(updates).filter(([key]) => !replaced.has(key));
    if (added.length > 0) {
        if (lines.length > 0 && lines[lines.length - 1] !== '')
            lines.push('');
        if (appendHeader)
            lines.push(...appendHeader.split('\n').map((line) => `# ${line}`));
        lines.push(...formatEnv(added).trimEnd().split('\n'));
    }
    return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}


/***/ }),

/***/ 1561:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D$: () => (/* binding */ atlasClientIdProblem),
/* harmony export */   Fe: () => (/* binding */ AWS_SECRET_ACCESS_KEY_FORM),
/* harmony export */   Hv: () => (/* binding */ httpUrlProblem),
/* harmony export */   MB: () => (/* binding */ mongodbUriProblem),
/* harmony export */   Og: () => (/* binding */ regionProblem),
/* harmony export */   PB: () => (/* binding */ deployHookUrlProblem),
/* harmony export */   PT: () => (/* binding */ atlasClusterProblem),
/* harmony export */   Rc: () => (/* binding */ ageIdentityProblem),
/* harmony export */   SS: () => (/* binding */ backupDestinationProblem),
/* harmony export */   Uu: () => (/* binding */ AWS_REGION_FORM),
/* harmony export */   VV: () => (/* binding */ atlasProjectIdProblem),
/* harmony export */   Wf: () => (/* binding */ databaseNameProblem),
/* harmony export */   ZM: () => (/* binding */ renderApiKeyProblem),
/* harmony export */   Zc: () => (/* binding */ deployHookServiceId),
/* harmony export */   Ze: () => (/* binding */ openAiKeyProblem),
/* harmony export */   eF: () => (/* binding */ atlasClientSecretProblem),
/* harmony export */   er: () => (/* binding */ AWS_ACCESS_KEY_ID_FORM),
/* harmony export */   hf: () => (/* binding */ splitRecipients),
/* harmony export */   k0: () => (/* binding */ accessKeyIdProblem),
/* harmony export */   l3: () => (/* binding */ roleArnProblem),
/* harmony export */   lK: () => (/* binding */ notifyTargetsProblem),
/* harmony export */   nm: () => (/* binding */ ageRecipientsProblem),
/* harmony export */   og: () => (/* binding */ parseBackupDestination),
/* harmony export */   rr: () => (/* binding */ secretAccessKeyProblem),
/* harmony export */   uQ: () => (/* binding */ renderServiceIdProblem),
/* harmony export */   zV: () => (/* binding */ splitIdentities)
/* harmony export */ });
/* unused harmony export bech32Valid */
/* harmony import */ var _shipkit_notify__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5626);
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5608);


/**
 * Shape checks for single values. Each returns what is wrong in words, or undefined when the value is
 * fine. No message quotes the value or any part of it: these values are often secrets.
 */
const MONGODB_SCHEMES = ['mongodb://', 'mongodb+srv://'];
const HOSTNAME = /^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*\.?$/;
const DATABASE_FORBIDDEN = /[/\\. "$*<>:|?\0]/;
const RESERVED_DATABASES = ['admin', 'local', 'config'];
function mongodbUriProblem(uri) {
    const scheme = MONGODB_SCHEMES.find((s) => uri.startsWith(s));
    if (!scheme)
        return 'must start with mongodb:// or mongodb+srv://';
    if (/\s/.test(uri))
        return 'must not contain spaces or line breaks';
    const rest = uri.slice(scheme.length);
    const authorityEnd = rest.search(/[/?#]/);
    const authority = authorityEnd < 0 ? rest : rest.slice(0, authorityEnd);
    const tail = authorityEnd < 0 ? '' : rest.slice(authorityEnd);
    const at = authority.lastIndexOf('@');
    const userInfo = at < 0 ? undefined : authority.slice(0, at);
    const hostList = at < 0 ? authority : authority.slice(at + 1);
    if (userInfo !== undefined) {
        const problem = userInfoProblem(userInfo);
        if (problem)
            return problem;
    }
    if (hostList === '')
        return 'has no host after the scheme (and credentials)';
    const hosts = hostList.split(',');
    for (const [index, host] of hosts.entries()) {
        const problem = hostProblem(host);
        if (problem)
            return hosts.length > 1 ? `host ${index + 1} of ${hosts.length} ${problem}` : `host ${problem}`;
    }
    if (scheme === 'mongodb+srv://') {
        if (hosts.length !== 1)
            return 'uses mongodb+srv:// and so must name exactly one host';
        if (hosts[0]?.includes(':'))
            return 'uses mongodb+srv:// and so must not give a port';
        if (!hosts[0]?.includes('.'))
            return 'uses mongodb+srv:// and so needs a DNS name such as cluster0.example.net';
    }
    if (tail.startsWith('#'))
        return 'must not have a #fragment';
    if (tail !== '' && !tail.startsWith('/') && !tail.startsWith('?'))
        return 'must have a / before the database and options';
    const [path = '', query] = (tail.startsWith('/') ? tail.slice(1) : tail).split('?', 2);
    if (path !== '') {
        const database = safeDecode(path);
        if (database === undefined || DATABASE_FORBIDDEN.test(database)) {
            return 'has a database path that is not a valid database name';
        }
    }
    const options = tail.includes('?') ? (query ?? '') : undefined;
    if (options !== undefined && options !== '') {
        for (const pair of options.split('&')) {
            if (!/^[A-Za-z0-9_.-]+=[^=]*$/.test(pair))
                return 'has an option that is not name=value after the ?';
        }
    }
    return undefined;
}
function userInfoProblem(userInfo) {
    const colon = userInfo.indexOf(':');
    const user = colon < 0 ? userInfo : userInfo.slice(0, colon);
    const password = colon < 0 ? '' : userInfo.slice(colon + 1);
    if (user === '')
        return 'has credentials without a user name before the @';
    for (const part of [user, password]) {
        if (/[@:/?#[\]]/.test(part)) {
            return 'has a user name or password with @ : / ? # [ or ] that is not percent-encoded (e.g. @ as %40)';
        }
        if (/%(?![0-9A-Fa-f]{2})/.test(part)) {
            return 'has a % in the user name or password that does not start a percent-encoding (write % as %25)';
        }
    }
    return undefined;
}
function hostProblem(host) {
    if (host === '')
        return 'is empty (check the commas between hosts)';
    let name = host;
    let port;
    if (host.startsWith('[')) {
        const close = host.indexOf(']');
        if (close < 0)
            return 'has an IPv6 address without its closing ]';
        name = host.slice(1, close);
        const after = host.slice(close + 1);
        if (after !== '' && !after.startsWith(':'))
            return 'has text after the IPv6 address';
        port = after === '' ? undefined : after.slice(1);
        if (!/^[0-9A-Fa-f:.]+$/.test(name))
            return 'is not a valid IPv6 address';
    }
    else {
        const colon = host.lastIndexOf(':');
        if (colon >= 0) {
            name = host.slice(0, colon);
            port = host.slice(colon + 1);
        }
        if (!HOSTNAME.test(name))
            return 'is not a valid host name or address';
    }
    if (port !== undefined) {
        const number = /^\d{1,5}$/.test(port) ? Number(port) : Number.NaN;
        if (!(number >= 1 && number <= 65535))
            return 'has a port that is not a number from 1 to 65535';
    }
    return undefined;
}
function safeDecode(text) {
    try {
        return decodeURIComponent(text);
    }
    catch {
        return undefined;
    }
}
function databaseNameProblem(name) {
    if (Buffer.byteLength(name, 'utf8') > 63)
        return 'must be at most 63 bytes long';
    if (DATABASE_FORBIDDEN.test(name))
        return 'must not contain / \\ . " $ * < > : | ? or spaces';
    if (RESERVED_DATABASES.includes(name))
        return "must not be one of MongoDB's own databases (admin, local, config)";
    return undefined;
}
/** `s3://bucket/prefix` or `file:///absolute/folder`. */
function parseBackupDestination(value) {
    if (value.startsWith('s3://')) {
        const rest = value.slice('s3://'.length);
        const slash = rest.indexOf('/');
        const bucket = slash < 0 ? rest : rest.slice(0, slash);
        const prefix = slash < 0 ? '' : rest.slice(slash + 1);
        if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket) || bucket.includes('..')) {
            return 'has a bucket name that is not a valid S3 bucket name (3–63 lower-case letters, digits, dots, hyphens)';
        }
        if (prefix.includes('//') || /[\s\\]/.test(prefix)) {
            return 'has a key prefix with an empty segment, a space or a backslash';
        }
        return { kind: 's3', bucket, prefix };
    }
    if (value.startsWith('file://')) {
        const path = value.slice('file://'.length);
        if (!path.startsWith('/'))
            return 'must name an absolute folder, as in file:///var/backups/shop';
        return { kind: 'file', path };
    }
    return 'must start with s3:// (an S3 bucket) or file:// (a local folder)';
}
function backupDestinationProblem(value) {
    const parsed = parseBackupDestination(value);
    return typeof parsed === 'string' ? parsed : undefined;
}
function httpUrlProblem(value, { allowQuery = false } = {}) {
    let url;
    try {
        url = new URL(value);
    }
    catch {
        return 'is not a URL';
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
        return 'must be an http:// or https:// URL';
    if (url.username || url.password)
        return 'must not carry credentials';
    if (!allowQuery && url.search)
        return 'must not have a ?query';
    return undefined;
}
/** Notification targets: http(s) URLs, each optionally prefixed with its format (as `@shipkit/notify` reads them). */
function notifyTargetsProblem(value) {
    const entries = (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .parseList */ .E1)(value);
    if (entries.length === 0)
        return 'lists no URL';
    for (const [index, entry] of entries.entries()) {
        const problem = httpUrlProblem((0,_shipkit_notify__WEBPACK_IMPORTED_MODULE_1__/* .targetAddress */ .sj)(entry), { allowQuery: true });
        if (problem)
            return `entry ${index + 1} ${problem}`;
    }
    return undefined;
}
const LOOPBACK = ['127.0.0.1', 'localhost', '[::1]'];
function deployHookUrlProblem(value) {
    const problem = httpUrlProblem(value, { allowQuery: true });
    if (problem)
        return problem;
    const url = new URL(value);
    if (url.protocol !== 'https:' && !LOOPBACK.includes(url.hostname))
        return 'must be an https:// URL';
    if (!url.searchParams.get('key'))
        return "must carry the hook's key= parameter, as Render shows it";
    return undefined;
}
/** The service id in a Render deploy hook URL (`…/deploy/srv-…?key=…`), when it has one. */
function deployHookServiceId(value) {
    try {
        return /\/deploy\/(srv-[a-z0-9]+)\/?$/.exec(new URL(value).pathname)?.[1];
    }
    catch {
        return undefined;
    }
}
const AWS_REGION_FORM = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const AWS_ACCESS_KEY_ID_FORM = /^A[KS]IA[A-Z0-9]{16}$/;
const AWS_SECRET_ACCESS_KEY_FORM = /^[A-Za-z0-9/+]{40}$/;
function regionProblem(value) {
    return /^[a-z0-9][a-z0-9-]{1,40}$/.test(value) ? undefined : 'must be a region name such as eu-west-1';
}
function roleArnProblem(value) {
    return /^arn:aws(-cn|-us-gov)?:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/.test(value)
        ? undefined
        : 'must be an IAM role ARN, arn:aws:iam::<12-digit account>:role/<name>';
}
function accessKeyIdProblem(value) {
    return /^[A-Za-z0-9]{16,128}$/.test(value) ? undefined : 'must be 16–128 letters and digits';
}
function secretAccessKeyProblem(value) {
    return /^\S{16,128}$/.test(value) ? undefined : 'must be 16–128 characters without spaces';
}
const BECH32_CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
/** Checks a bech32 string's checksum (age keys use bech32 without the 90-character limit). */
function bech32Valid(text) {
    if (text !== text.toLowerCase() && text !== text.toUpperCase())
        return false;
    const lower = text.toLowerCase();
    const separator = lower.lastIndexOf('1');
    if (separator < 1 || separator + 7 > lower.length)
        return false;
    const hrp = lower.slice(0, separator);
    const data = [];
    for (const char of lower.slice(separator + 1)) {
        const value = BECH32_CHARSET.indexOf(char);
        if (value < 0)
            return false;
        data.push(value);
    }
    const expanded = [
        ...[...hrp].map((c) => c.charCodeAt(0) >> 5),
        0,
        ...[...hrp].map((c) => c.charCodeAt(0) & 31),
    ];
    return polymod([...expanded, ...data]) === 1;
}
function polymod(values) {
    const generators = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
    let checksum = 1;
    for (const value of values) {
        const top = checksum >>> 25;
        checksum = ((checksum & 0x1ffffff) << 5) ^ value;
        for (let bit = 0; bit < 5; bit++)
            if ((top >>> bit) & 1)
                checksum ^= generators[bit];
    }
    return checksum;
}
/** Recipients separated by commas or line breaks; blank entries are ignored. */
function splitRecipients(value) {
    return value
        .split(/[,\n]/)
        .map((entry) => entry.trim())
        .filter((entry) => entry !== '' && !entry.startsWith('#'));
}
const X25519_RECIPIENT = /^age1[02-9ac-hj-np-z]{58}$/;
const PLUGIN_RECIPIENT = /^age1[a-z0-9]+1[02-9ac-hj-np-z]{6,}$/;
const SSH_RECIPIENT = /^ssh-(ed25519|rsa) [A-Za-z0-9+/]+={0,2}( .*)?$/;
function ageRecipientsProblem(value) {
    const recipients = splitRecipients(value);
    if (recipients.length === 0)
        return 'lists no recipient';
    for (const [index, recipient] of recipients.entries()) {
        const where = recipients.length > 1 ? `entry ${index + 1} of ${recipients.length}` : 'the recipient';
        if (SSH_RECIPIENT.test(recipient))
            continue;
        if (!X25519_RECIPIENT.test(recipient) && !PLUGIN_RECIPIENT.test(recipient)) {
            return `${where} is not an age public key (age1…) or an SSH public key (ssh-ed25519 …)`;
        }
        if (!bech32Valid(recipient))
            return `${where} has a wrong checksum: a character was mistyped or lost`;
    }
    return undefined;
}
/** The identity lines of an age identity file: comments and blank lines dropped. */
function splitIdentities(value) {
    return value
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== '' && !line.startsWith('#'));
}
function ageIdentityProblem(value) {
    const identities = splitIdentities(value);
    if (identities.length === 0)
        return 'holds no identity';
    for (const [index, identity] of identities.entries()) {
        const where = identities.length > 1 ? `line ${index + 1} of ${identities.length}` : 'the identity';
        if (!/^AGE-(SECRET-KEY-(PQ-)?|PLUGIN-[A-Z0-9]+-)1[02-9AC-HJ-NP-Z]+$/.test(identity)) {
            return `${where} is not an age secret key (AGE-SECRET-KEY-1…)`;
        }
        if (!bech32Valid(identity))
            return `${where} has a wrong checksum: a character was mistyped or lost`;
    }
    return undefined;
}
function renderServiceIdProblem(value) {
    return /^srv-[a-z0-9]{8,40}$/.test(value)
        ? undefined
        : "must be a Render service id: srv- and lower-case letters and digits, from the service's Settings";
}
function renderApiKeyProblem(value) {
    return /^rnd_[A-Za-z0-9]{16,}$/.test(value)
        ? undefined
        : 'must be a Render API key: rnd_ and letters and digits';
}
function openAiKeyProblem(value) {
    return /^sk-[A-Za-z0-9_-]{20,}$/.test(value)
        ? undefined
        : 'must be an OpenAI API key: sk- and at least 20 more characters';
}
function atlasProjectIdProblem(value) {
    return /^[a-f0-9]{24}$/.test(value)
        ? undefined
        : 'must be an Atlas project id: 24 hexadecimal digits (Project Settings → Project ID)';
}
function atlasClusterProblem(value) {
    return /^[a-zA-Z0-9][a-zA-Z0-9-]*$/.test(value)
        ? undefined
        : 'must be a cluster name: letters, digits and hyphens, as Atlas shows it';
}
function atlasClientIdProblem(value) {
    return /^mdb_sa_id_[A-Za-z0-9]+$/.test(value)
        ? undefined
        : "must be a service account's client id, mdb_sa_id_… (Organization → Access Manager → Service Accounts)";
}
function atlasClientSecretProblem(value) {
    return /^mdb_sa_sk_\S+$/.test(value) ? undefined : "must be a service account's secret, mdb_sa_sk_…";
}


/***/ }),

/***/ 630:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cx: () => (/* binding */ GROUP_TITLES),
/* harmony export */   MK: () => (/* binding */ VARIABLE_NAMES),
/* harmony export */   SH: () => (/* binding */ PLACE_LABELS),
/* harmony export */   ut: () => (/* binding */ VARIABLES)
/* harmony export */ });
/* unused harmony exports EXAMPLE_AGE_RECIPIENT, SUITE_VARIABLES, APPLICATION_VARIABLES, variable */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7821);
/* harmony import */ var _values__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1561);


/** A string schema whose refinement says what is wrong without quoting the value. */
function checked(problem) {
    return zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().superRefine((value, ctx) => {
        const found = problem(value);
        if (found)
            ctx.addIssue({ code: 'custom', message: found });
    });
}
const EXAMPLE_AGE_RECIPIENT = 'age1c38ddlj6yz7cxal00jsg9zv6kvn80ptqdm8kyd8tckzk0m4en3zs9wnsxm';
/** Everything one instance of the product needs, in the order `.env.example` lists it. */
const SUITE_VARIABLES = [
    {
        name: 'MONGODB_URI',
        group: 'database',
        description: "Connection string of the instance's database. In Render it is the application user's (readWrite); " +
            "as the GitHub secret it is the backup user's (read).",
        expected: 'a mongodb:// or mongodb+srv:// connection string with percent-encoded credentials',
        example: 'mongodb+srv://shop_app:change-me@cluster0.example.mongodb.net/?retryWrites=true&w=majority',
        exampleAsValue: true,
        secret: true,
        requirement: 'required',
        places: ['github-secret', 'render-env'],
        schema: checked(_values__WEBPACK_IMPORTED_MODULE_1__/* .mongodbUriProblem */ .MB),
    },
    {
        name: 'MONGODB_DB',
        group: 'database',
        description: "Name of the instance's database: what is backed up, restored in drills and used by the app.",
        expected: 'a MongoDB database name (at most 63 bytes, no / \\ . " $ * < > : | ? or spaces)',
        example: 'shop_acme',
        exampleAsValue: true,
        secret: false,
        requirement: 'required',
        places: ['github-variable', 'render-env'],
        schema: checked(_values__WEBPACK_IMPORTED_MODULE_1__/* .databaseNameProblem */ .Wf),
    },
    {
        name: 'RESTORE_MONGODB_URI',
        group: 'database',
        description: 'Connection string of a user that can write (readWrite on the database), for the restore workflow only: ' +
            'a secret of the production-restore environment, which only the approved restore job can read — never ' +
            "the backup user's read-only MONGODB_URI.",
        expected: 'a mongodb:// or mongodb+srv:// connection string with percent-encoded credentials',
        example: 'mongodb+srv://shop_app:change-me@cluster0.example.mongodb.net/?retryWrites=true&w=majority',
        exampleAsValue: false,
        secret: true,
        requirement: 'optional',
        places: ['github-environment-secret'],
        schema: checked(_values__WEBPACK_IMPORTED_MODULE_1__/* .mongodbUriProblem */ .MB),
    },
    {
        name: 'DRILL_MONGODB_URI',
        group: 'database',
        description: 'A server restore drills restore into, under fresh database names dropped afterwards — e.g. a cluster ' +
            'sized like production, so the measured recovery time is realistic. Empty: a throwaway MongoDB on the runner.',
        expected: 'a mongodb:// or mongodb+srv:// connection string with percent-encoded credentials',
        example: 'mongodb+srv://shop_drill:change-me@drill.example.mongodb.net/',
        exampleAsValue: false,
        secret: true,
        requirement: 'optional',
        places: ['github-secret'],
        schema: checked(_values__WEBPACK_IMPORTED_MODULE_1__/* .mongodbUriProblem */ .MB),
    },
    {
        name: 'MONGODB_BACKUP_URI',
        group: 'database',
        description: 'Connection string of the read-only backup user, kept locally by `shipkit init-client --provision`; ' +
            '`init-client --github-repo` uploads it as the GitHub secret MONGODB_URI (else MONGODB_URI is used).',
        expected: 'a mongodb:// or mongodb+srv:// connection string with percent-encoded credentials',
        example: 'mongodb+srv://shop_backup:change-me@cluster0.example.mongodb.net/?retryWrites=true&w=majority',
        exampleAsValue: false,
        secret: true,
        requirement: 'optional',
        places: ['local'],
        schema: checked(_values__WEBPACK_IMPORTED_MODULE_1__/* .mongodbUriProblem */ .MB),
    },
    {
        name: 'BACKUP_DESTINATION',
        group: 'backups',
        description: 'Where backups are written: an S3 bucket and key prefix, or a local folder.',
        expected: 's3://<bucket>/<prefix> or file:///<absolute folder>',
        example: 's3://acme-shop-backups/production',
        exampleAsValue: true,
        secret: false,
        requirement: 'required',
        places: ['github-variable'],
        schema: checked(_values__WEBPACK_IMPORTED_MODULE_1__/* .backupDestinationProblem */ .SS),
    },
    {
        name: 'AWS_REGION',
        group: 'backups',
        description: 'Region of the backup bucket (for S3-compatible stores, the region their endpoint expects).',
        expected: 'a region name such as eu-west-1',
        example: 'eu-west-1',
        exampleAsValue: true,
        secret: false,
        requirement: 'conditional',
        condition: 'needed when BACKUP_DESTINATION is s3://',
        places: ['github-variable'],
        schema: checked(_values__WEBPACK_IMPORTED_MODULE_1__/* .regionProblem */ .Og),
    },
    {
        name: 'S3_ENDPOINT',
        group: 'backups',
        description: 'Endpoint of an S3-compatible store (MinIO, R2, Scaleway…); leave empty for AWS S3.',
        expected: 'an http:// or https:// URL without credentials or ?query',
        example: 'https://s3.fr-par.scw.cloud',
        exampleAsValue: false,
        secret: false,
        requirement: 'optional',
        places: ['github-variable'],
        schema: checked((value) => (0,_values__WEBPACK_IMPORTED_MODULE_1__/* .httpUrlProblem */ .Hv)(value)),
    },
    {
        name: 'AWS_ROLE_ARN',
        group: 'backups',
        description: 'IAM role the workflows assume through GitHub OIDC: no long-lived keys to leak or rotate.',
        expected: 'an IAM role ARN, arn:aws:iam::<12-digit account>:role/<name>',
        example: 'arn:aws:iam::123456789012:role/shop-acme-backups',
        exampleAsValue: true,
        secret: false,
        requirement: 'conditional',
        condition: 'for s3:// on AWS: this role, or AWS_ACCESS_KEY_ID with AWS_SECRET_ACCESS_KEY',
        places: ['github-variable'],
        schema: checked(_values__WEBPACK_IMPORTED_MODULE_1__/* .roleArnProblem */ .l3),
    },
    {
        name: 'AWS_ACCESS_KEY_ID',
        group: 'backups',
        description: 'Access key of a user allowed to write the backup prefix, when no role is used.',
        expected: 'an access key id (AKIA… on AWS)',
        example: 'AKIAIOSFODNN7EXAMPLE',
        exampleAsValue: false,
        secret: true,
        requirement: 'conditional',
        condition: 'with AWS_SECRET_ACCESS_KEY, instead of AWS_ROLE_ARN (always for S3_ENDPOINT stores)',
        places: ['github-secret'],
        schema: checked(_values__WEBPACK_IMPORTED_MODULE_1__/* .accessKeyIdProblem */ .k0),
    },
    {
        name: 'AWS_SECRET_ACCESS_KEY',
        group: 'backups',
        description: 'Secret of AWS_ACCESS_KEY_ID.',
        expected: 'a secret access key (40 characters on AWS)',
        example: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
        exampleAsValue: false,
        secret: true,
        requirement: 'conditional',
        condition: 'with AWS_ACCESS_KEY_ID',
        places: ['github-secret'],
        schema: checked(_values__WEBPACK_IMPORTED_MODULE_1__/* .secretAccessKeyProblem */ .rr),
    },
    {
        name: 'AGE_RECIPIENTS',
        group: 'encryption',
        description: 'Public keys every backup is encrypted to, separated by commas or line breaks. Keep one whose ' +
            'identity is stored offline, so that losing GitHub does not lose the backups.',
        expected: 'age public keys (age1…) or SSH public keys, separated by commas or line breaks',
        example: EXAMPLE_AGE_RECIPIENT,
        exampleAsValue: true,
        secret: false,
        requirement: 'required',
        places: ['github-variable'],
        schema: checked(_values__WEBPACK_IMPORTED_MODULE_1__/* .ageRecipientsProblem */ .nm),
    },
    {
        name: 'AGE_IDENTITY',
        group: 'encryption',
        description: 'Secret key that decrypts backups in restore drills; it must match one of AGE_RECIPIENTS.',
        expected: 'an age secret key (AGE-SECRET-KEY-1…), or the lines of an age identity file',
        example: 'AGE-SECRET-KEY-1… (from `age-keygen`)',
        exampleAsValue: false,
        secret: true,
        requirement: 'optional',
        places: ['github-secret'],
        schema: checked(_values__WEBPACK_IMPORTED_MODULE_1__/* .ageIdentityProblem */ .Rc),
    },
    {
        name: 'ATLAS_PROJECT_ID',
        group: 'atlas',
        description: 'Atlas project of the cluster, for Cloud Backup on M10+ and Flex clusters (snapshots before deploys, the weekly policy check). Not for M0, which has none.',
        expected: 'an Atlas project id: 24 hexadecimal digits',
        example: '65a1b2c3d4e5f60718293a4b',
        exampleAsValue: false,
        secret: false,
        requirement: 'optional',
        places: ['github-variable'],
        schema: checked(_values__WEBPACK_IMPORTED_MODULE_1__/* .atlasProjectIdProblem */ .VV),
    },
    {
        name: 'ATLAS_CLUSTER',
        group: 'atlas',
        description: 'Name of the Atlas cluster, with ATLAS_PROJECT_ID.',
        expected: 'a cluster name (letters, digits, hyphens)',
        example: 'Cluster0',
        exampleAsValue: false,
        secret: false,
        requirement: 'conditional',
        condition: 'with ATLAS_PROJECT_ID',
        places: ['github-variable'],
        schema: checked(_values__WEBPACK_IMPORTED_MODULE_1__/* .atlasClusterProblem */ .PT),
    },
    {
        name: 'ATLAS_CLIENT_ID',
        group: 'atlas',
        description: "Client id of an Atlas service account with the project's backup roles (docs/ATLAS.md lists the least ones).",
        expected: 'a service account client id, mdb_sa_id_…',
        example: 'mdb_sa_id_65a1b2c3d4e5f60718293a4b',
        exampleAsValue: false,
        secret: true,
        requirement: 'conditional',
        condition: 'with ATLAS_PROJECT_ID',
        places: ['github-secret'],
        schema: checked(_values__WEBPACK_IMPORTED_MODULE_1__/* .atlasClientIdProblem */ .D$),
    },
    {
        name: 'ATLAS_CLIENT_SECRET',
        group: 'atlas',
        description: "That service account's secret (shown once, when it is created).",
        expected: 'a service account secret, mdb_sa_sk_…',
        example: 'mdb_sa_sk_ReplaceWithTheServiceAccountSecret',
        exampleAsValue: false,
        secret: true,
        requirement: 'conditional',
        condition: 'with ATLAS_CLIENT_ID',
        places: ['github-secret'],
        schema: checked(_values__WEBPACK_IMPORTED_MODULE_1__/* .atlasClientSecretProblem */ .eF),
    },
    {
        name: 'RENDER_SERVICE_ID',
        group: 'deploys',
        description: "Render service this instance deploys to (the srv-… id in the service's URL).",
        expected: 'a Render service id, srv-…',
        example: 'srv-d0example0acme0shop0',
        exampleAsValue: true,
        secret: false,
        requirement: 'conditional',
        condition: 'deploys need this with RENDER_API_KEY, or RENDER_DEPLOY_HOOK_URL',
        places: ['github-variable'],
        schema: checked(_values__WEBPACK_IMPORTED_MODULE_1__/* .renderServiceIdProblem */ .uQ),
    },
    {
        name: 'RENDER_API_KEY',
        group: 'deploys',
        description: 'Render API key used to start deploys and follow them to live (Account settings → API keys).',
        expected: 'a Render API key, rnd_…',
        example: 'rnd_ReplaceWithYourRenderApiKey',
        exampleAsValue: true,
        secret: true,
        requirement: 'conditional',
        condition: 'needed with RENDER_SERVICE_ID unless RENDER_DEPLOY_HOOK_URL is set',
        places: ['github-secret'],
        schema: checked(_values__WEBPACK_IMPORTED_MODULE_1__/* .renderApiKeyProblem */ .ZM),
    },
    {
        name: 'RENDER_DEPLOY_HOOK_URL',
        group: 'deploys',
        description: "The service's deploy hook (Settings → Deploy Hook): starts deploys without an API key.",
        expected: "an https:// URL with the hook's key= parameter",
        example: 'https://api.render.com/deploy/srv-d0example0acme0shop0?key=ReplaceWithHookKey',
        exampleAsValue: false,
        secret: true,
        requirement: 'conditional',
        condition: 'instead of (or with) RENDER_SERVICE_ID and RENDER_API_KEY',
        places: ['github-secret'],
        schema: checked(_values__WEBPACK_IMPORTED_MODULE_1__/* .deployHookUrlProblem */ .PB),
    },
    {
        name: 'SHIPKIT_NOTIFY',
        group: 'notifications',
        description: 'Where backups, verifications, restores and stale-backup alerts are reported: Slack or Teams ' +
            'incoming-webhook URLs, or https:// endpoints of your own (a signed JSON webhook).',
        expected: 'http(s) URLs separated by commas or line breaks, each optionally prefixed slack+, teams+ or webhook+',
        example: 'https://hooks.slack.com/services/T000/B000/ReplaceWithYourHookPath',
        exampleAsValue: false,
        secret: true,
        requirement: 'optional',
        places: ['github-secret'],
        schema: checked(_values__WEBPACK_IMPORTED_MODULE_1__/* .notifyTargetsProblem */ .lK),
    },
    {
        name: 'SHIPKIT_NOTIFY_SECRET',
        group: 'notifications',
        description: 'Signs the generic JSON webhooks of SHIPKIT_NOTIFY (X-Shipkit-Signature, HMAC-SHA256), so the receiver can check them.',
        expected: 'a random string of at least 16 characters',
        example: '(openssl rand -hex 32)',
        exampleAsValue: false,
        secret: true,
        requirement: 'optional',
        places: ['github-secret'],
        schema: checked((value) => (value.length < 16 ? 'must be at least 16 characters long' : undefined)),
    },
    {
        name: 'SHIPKIT_HEARTBEAT',
        group: 'notifications',
        description: "A dead-man's switch (healthchecks.io, Cronitor, Better Stack) pinged when each run starts, succeeds or fails, " +
            'so silence — GitHub not running the schedule at all — raises an alarm too.',
        expected: 'an http(s) URL',
        example: 'https://hc-ping.com/ReplaceWithYourCheckUuid',
        exampleAsValue: false,
        secret: true,
        requirement: 'optional',
        places: ['github-secret'],
        schema: checked((value) => (0,_values__WEBPACK_IMPORTED_MODULE_1__/* .httpUrlProblem */ .Hv)(value, { allowQuery: true })),
    },
];
/** The application's own keys: read by the shop itself, so they live in the Render environment. */
const APPLICATION_VARIABLES = [
    {
        name: 'OPENAI_API_KEY',
        group: 'application',
        description: "The shop's AI provider key (product descriptions, search, the assistant).",
        expected: 'an OpenAI API key, sk-…',
        example: 'sk-ReplaceWithYourOpenAiApiKey',
        exampleAsValue: true,
        secret: true,
        requirement: 'required',
        places: ['render-env'],
        schema: checked(_values__WEBPACK_IMPORTED_MODULE_1__/* .openAiKeyProblem */ .Ze),
    },
];
const VARIABLES = [...SUITE_VARIABLES, ...APPLICATION_VARIABLES];
const VARIABLE_NAMES = VARIABLES.map((v) => v.name);
function variable(name) {
    const found = VARIABLES.find((v) => v.name === name);
    if (!found)
        throw new Error(`no variable ${name} in the configuration schema`);
    return found;
}
const GROUP_TITLES = {
    database: 'Database',
    backups: 'Backups',
    encryption: 'Backup encryption (age)',
    atlas: 'Atlas Cloud Backup (M10+ and Flex clusters)',
    deploys: 'Deploys (Render)',
    notifications: 'Notifications',
    application: 'Application',
};
const PLACE_LABELS = {
    'github-secret': 'GitHub secret',
    'github-environment-secret': 'GitHub secret of the production-restore environment',
    'github-variable': 'GitHub variable',
    'render-env': 'Render environment',
    local: 'local .env only',
};


/***/ }),

/***/ 5626:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CW: () => (/* binding */ parseHeartbeat),
/* harmony export */   hu: () => (/* binding */ parseTarget),
/* harmony export */   sj: () => (/* binding */ targetAddress)
/* harmony export */ });
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(673);

const PREFIX = /^(slack|teams|webhook)\+(https?:\/\/.*)$/i;
/** Hosts of Teams incoming webhooks (Office 365 connectors) and of Workflows (Power Automate) triggers. */
const TEAMS_HOSTS = [
    /(^|\.)webhook\.office\.com$/,
    /^outlook\.office(365)?\.com$/,
    /(^|\.)logic\.azure\.com$/,
    /(^|\.)powerautomate\.com$/,
    /(^|\.)powerplatform\.com$/,
    /^flow\.microsoft\.com$/,
];
/**
 * Where a notification goes, and in which format: chosen by the host (hooks.slack.com is Slack; Teams
 * webhook and Workflows hosts are Teams; anything else gets the generic JSON webhook), unless a prefix
 * says it (`slack+https://…`, `teams+https://…`, `webhook+https://…`). Errors never repeat the URL.
 */
function parseTarget(text) {
    const trimmed = text.trim();
    const prefixed = PREFIX.exec(trimmed);
    const raw = targetAddress(trimmed);
    let url;
    try {
        url = new URL(raw);
    }
    catch {
        throw new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .InvalidValue */ .h6('must be http(s) URLs (optionally prefixed slack+, teams+ or webhook+), got something that is not a URL.');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .InvalidValue */ .h6(`must be http(s) URLs, got a ${url.protocol} URL.`);
    }
    const format = prefixed ? prefixed[1]?.toLowerCase() : detectFormat(url.hostname);
    return { format, url: url.toString(), label: `${format} (${url.host})` };
}
/** The URL a target sends to: its text without a `slack+` / `teams+` / `webhook+` format prefix. */
function targetAddress(text) {
    const trimmed = text.trim();
    return PREFIX.exec(trimmed)?.[2] ?? trimmed;
}
function detectFormat(host) {
    if (host === 'hooks.slack.com')
        return 'slack';
    if (TEAMS_HOSTS.some((pattern) => pattern.test(host)))
        return 'teams';
    return 'webhook';
}
function parseHeartbeat(text) {
    let url;
    try {
        url = new URL(text.trim());
    }
    catch {
        throw new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .InvalidValue */ .h6('must be an http(s) URL, got something that is not a URL.');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .InvalidValue */ .h6(`must be an http(s) URL, got a ${url.protocol} URL.`);
    }
    return { url: url.toString(), label: `heartbeat (${url.host})` };
}


/***/ })

};
