export const id = 37;
export const ids = [37];
export const modules = {

/***/ 6037:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bi: () => (/* binding */ DEFAULT_CONFIG_PATH),
/* harmony export */   _A: () => (/* binding */ parsePolicyConfig)
/* harmony export */ });
/* unused harmony export PolicyConfigError */
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3422);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3483);
/* harmony import */ var _policy__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2925);
/* harmony import */ var _schema__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7452);




const DEFAULT_CONFIG_PATH = '.github/branch-policy.yml';
/** A config file the action cannot use: every problem, each with its key and line. */
class PolicyConfigError extends _shipkit_runtime__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y {
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
/* unused harmony export matchesGlob */
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(520);

/**
 * Branch patterns as GitHub writes them in branch protection: the suite's glob syntax (see
 * `globSource` in @shipkit/runtime) with `/` as the separator — `*` stays within one path segment,
 * `**` crosses `/`, `?` is one character; everything else is literal.
 */
const BRANCH = { separator: '/' };
// Characters git refuses in branch names (git check-ref-format): a pattern containing one can never
// match, so it is almost certainly a regular expression or a typo.
const FORBIDDEN_IN_BRANCH = /[\s~^:\\[]/;
/** Whether a branch matches a pattern: `*` stays within one path segment, `**` crosses `/`. */
function matchesGlob(name, pattern) {
    return (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .matchesGlob */ .kt)(name, pattern, BRANCH);
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


/***/ })

};
