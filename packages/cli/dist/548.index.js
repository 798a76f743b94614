export const id = 548;
export const ids = [548];
export const modules = {

/***/ 483:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ic: () => (/* binding */ booleanOption),
/* harmony export */   Pp: () => (/* binding */ stringOption),
/* harmony export */   y8: () => (/* binding */ listOption)
/* harmony export */ });
/** A string option's value, or undefined. */
function stringOption(args, name) {
    const value = args.options[name];
    return typeof value === 'string' ? value : undefined;
}
function booleanOption(args, name) {
    return args.options[name] === true;
}
function listOption(args, name) {
    const value = args.options[name];
    if (Array.isArray(value))
        return value.filter((v) => typeof v === 'string');
    return typeof value === 'string' ? [value] : [];
}


/***/ }),

/***/ 8954:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Bi: () => (/* reexport */ DEFAULT_CONFIG_PATH),
  iM: () => (/* reexport */ DEFAULT_FLOWS),
  A5: () => (/* reexport */ DEFAULT_PROTECTED_BRANCHES),
  G4: () => (/* reexport */ defaultPolicy),
  wy: () => (/* reexport */ describePolicy),
  _3: () => (/* reexport */ evaluate_evaluate),
  _A: () => (/* reexport */ parsePolicyConfig)
});

// UNUSED EXPORTS: COMMENT_MARKER, CONVENTIONAL_TYPES, DEFAULT_BOT_BRANCHES, DEFAULT_OVERRIDE_LABEL, DEFAULT_TICKET_BRANCHES, LOOKUP_RETRY_DELAYS_MS, PolicyConfigError, RULES, branchPatternProblem, checkEvent, firstMatch, globToRegExp, matchesGlob, policyConfigSchema, policyJsonSchema, readEvent, renderComment, renderConfigProblems, renderSummary, resolvePolicy, syncStickyComment

// EXTERNAL MODULE: ../action-kit/src/index.ts + 11 modules
var src = __webpack_require__(6458);
;// CONCATENATED MODULE: ../policy/src/glob.ts
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
function glob_firstMatch(name, patterns) {
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

// EXTERNAL MODULE: ../../node_modules/zod/v4/classic/schemas.js + 6 modules
var schemas = __webpack_require__(7821);
// EXTERNAL MODULE: ../../node_modules/zod/v4/core/json-schema-processors.js
var json_schema_processors = __webpack_require__(9947);
;// CONCATENATED MODULE: ../policy/src/schema.ts


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
const branchPattern = schemas/* string */.YjP()
    .superRefine((pattern, ctx) => {
    const problem = branchPatternProblem(pattern);
    if (problem)
        ctx.addIssue({ code: 'custom', message: problem });
})
    .describe('A branch name or glob: * matches within one path segment, ** across /, ? one character.');
const branchPatterns = schemas/* union */.KCZ([branchPattern, schemas/* array */.YOg(branchPattern).min(1)], {
    error: 'expected a branch pattern or a list of branch patterns',
});
const regularExpression = schemas/* string */.YjP().superRefine((source, ctx) => {
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
const severity = schemas/* enum */.k5n(['fail', 'warn']);
const flowSchema = schemas/* strictObject */.rej({
    from: branchPatterns.describe('Head (source) branches this flow allows.'),
    to: branchPatterns.describe('Base (target) branches they may open pull requests against.'),
})
    .describe('One allowed source → target pair.');
const namingSchema = schemas/* strictObject */.rej({
    branches: schemas/* array */.YOg(branchPattern)
        .min(1)
        .optional()
        .describe('Allowed head-branch names. Default: every `from` pattern of the flows.'),
    ticket: regularExpression
        .optional()
        .describe("A regular expression a ticket reference must match somewhere in the branch name, e.g. '[A-Z]+-\\d+'."),
    'ticket-branches': schemas/* array */.YOg(branchPattern)
        .min(1)
        .default(DEFAULT_TICKET_BRANCHES)
        .describe('Which head branches need the ticket reference.'),
    'max-length': schemas/* int */.Whr()
        .min(1)
        .max(255)
        .optional()
        .describe('Longest allowed head-branch name, in characters.'),
    lowercase: schemas/* boolean */.zMY().default(false).describe('Refuse upper-case letters in head-branch names.'),
})
    .describe('Rules for head-branch names of pull requests.');
const protectedSchema = schemas/* strictObject */.rej({
    branches: schemas/* array */.YOg(branchPattern)
        .default(DEFAULT_PROTECTED_BRANCHES)
        .describe('Branches that change only through merged pull requests.'),
    'allowed-actors': schemas/* array */.YOg(schemas/* string */.YjP().min(1))
        .default([])
        .describe("Logins (globs allowed, e.g. '*[bot]') that may push to protected branches directly."),
})
    .describe('Pushes to these branches fail unless they are the merge of a pull request into that branch.');
const titlesSchema = schemas/* strictObject */.rej({
    types: schemas/* array */.YOg(schemas/* string */.YjP().regex(/^[a-z][a-z0-9-]*$/, 'must be a lower-case word such as feat'))
        .min(1)
        .default(CONVENTIONAL_TYPES)
        .describe('Allowed Conventional Commits types.'),
    scopes: schemas/* array */.YOg(schemas/* string */.YjP().min(1)).min(1).optional().describe('Allowed scopes. Default: any scope.'),
    'require-scope': schemas/* boolean */.zMY().default(false).describe('Refuse titles without a (scope).'),
    'subject-pattern': regularExpression
        .optional()
        .describe("A regular expression the subject (after 'type(scope): ') must match, e.g. '^[a-z]'."),
})
    .describe('Pull request titles must be Conventional Commits headers. Omit the section to skip this rule.');
const exceptionsSchema = schemas/* strictObject */.rej({
    'bot-branches': schemas/* array */.YOg(branchPattern)
        .default(DEFAULT_BOT_BRANCHES)
        .describe('Head branches of bots, exempt from every pull request rule.'),
    'revert-branches': schemas/* boolean */.zMY()
        .default(true)
        .describe("Exempt GitHub's own revert branches (revert-<number>-<branch>) from every pull request rule."),
    drafts: schemas/* enum */.k5n(['warn', 'enforce'])
        .default('warn')
        .describe('warn: failures of draft pull requests are reported as warnings; enforce: as failures.'),
    'override-label': schemas/* union */.KCZ([schemas/* string */.YjP().min(1), schemas/* literal */.euz(false)], { error: 'expected a label name, or false to disable' })
        .default(DEFAULT_OVERRIDE_LABEL)
        .describe('A label that turns failures into warnings, recorded in the summary. false disables it.'),
})
    .describe('What the rules do not apply to, or apply to more gently.');
const severitySchema = schemas/* strictObject */.rej({
    flows: severity.default('fail').describe('How a refused source → target pair is reported.'),
    naming: severity.default('fail').describe('How a badly named head branch is reported.'),
    protected: severity.default('fail').describe('How a push that bypassed pull requests is reported.'),
    titles: severity
        .default('fail')
        .describe('How a title that is not a Conventional Commits header is reported.'),
})
    .describe('How each rule reports its violations.');
const policyConfigSchema = schemas/* strictObject */.rej({
    version: schemas/* literal */.euz(1).optional().describe('Config format version; only 1 exists.'),
    flows: schemas/* array */.YOg(flowSchema)
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
    const generated = json_schema_processors/* toJSONSchema */.bl(policyConfigSchema, { target: 'draft-2020-12', io: 'input' });
    return { ...generated, title: 'Branch policy (.github/branch-policy.yml)' };
}

;// CONCATENATED MODULE: ../policy/src/policy.ts

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
    return resolvePolicy(policyConfigSchema.parse({}));
}

;// CONCATENATED MODULE: ../policy/src/rules/finding.ts
const list = (values) => values.join(', ');
const shortSha = (sha) => sha.slice(0, 7);

;// CONCATENATED MODULE: ../policy/src/rules/flows.ts


/** A pull request may go from head to base only along a configured flow. */
function checkFlow(head, base, flows) {
    for (const flow of flows) {
        const from = glob_firstMatch(head, flow.from);
        const to = glob_firstMatch(base, flow.to);
        if (from && to)
            return { detail: `${head} → ${base} (flow ${from} → ${to})`, findings: [] };
    }
    const headFlows = flows.filter((flow) => glob_firstMatch(head, flow.from));
    const targets = flows_unique(headFlows.flatMap((flow) => flow.to));
    const sources = flows_unique(flows.filter((flow) => glob_firstMatch(base, flow.to)).flatMap((flow) => flow.from));
    const headPatterns = flows_unique(headFlows.map((flow) => glob_firstMatch(head, flow.from)));
    const matched = targets.length > 0
        ? `${head} matches ${list(headPatterns)}, which may target ${list(targets)} only`
        : `no flow starts from ${head}`;
    const onlySources = sources.length > 0 ? ` Only ${list(sources)} may target ${base}.` : '';
    let fix;
    if (targets.length > 0) {
        fix = `Change the base branch to ${targets.join(' or ')} (Edit, next to the pull request's title).${onlySources}`;
    }
    else if (sources.length > 0) {
        fix = `Open the pull request from a branch matching ${list(sources)}: only those may target ${base}.`;
    }
    else {
        fix = `No flow targets ${base}. Choose a base branch that a flow lists, or add a flow to the policy file.`;
    }
    return {
        detail: `${head} → ${base}: no flow allows it`,
        findings: [{ message: `${head} may not be merged into ${base}.`, matched, fix }],
    };
}
function flows_unique(values) {
    return [...new Set(values)];
}

;// CONCATENATED MODULE: ../policy/src/rules/naming.ts


// Renaming on GitHub retargets open pull requests; deleting and re-pushing would close this one.
const RENAME_HINT = 'Rename the branch on GitHub (Branches page, pencil icon) so this pull request stays open.';
/** Head-branch names: allowed patterns, case, length and a ticket reference. */
function checkNaming(head, naming) {
    const findings = [];
    const pattern = glob_firstMatch(head, naming.branches);
    if (!pattern) {
        findings.push({
            message: `Branch name '${head}' matches none of the allowed patterns.`,
            matched: `allowed: ${list(naming.branches)}`,
            fix: `Use a name such as '${exampleName(head, naming.branches)}'. ${RENAME_HINT}`,
        });
    }
    // A ticket id keeps its own case (ABC-12): "lower-case only" is about the words around it.
    const ticketMatch = naming.ticket ? new RegExp(naming.ticket.pattern).exec(head) : null;
    const lowered = lowerCaseExcept(head, ticketMatch);
    if (naming.lowercase && head !== lowered) {
        findings.push({
            message: `Branch name '${head}' has upper-case letters; only lower-case names are allowed.`,
            matched: `upper-case: ${[...new Set(withoutMatch(head, ticketMatch).match(/\p{Lu}/gu) ?? [])].join('')}`,
            fix: `Rename it to '${lowered}'. ${RENAME_HINT}`,
        });
    }
    if (naming.maxLength !== undefined && head.length > naming.maxLength) {
        findings.push({
            message: `Branch name '${head}' is ${head.length} characters long; the limit is ${naming.maxLength}.`,
            matched: `length ${head.length} > ${naming.maxLength}`,
            fix: `Shorten the name by ${head.length - naming.maxLength} characters or more. ${RENAME_HINT}`,
        });
    }
    const ticket = naming.ticket;
    const ticketBranch = ticket ? glob_firstMatch(head, ticket.branches) : undefined;
    if (ticket && ticketBranch && !ticketMatch) {
        findings.push({
            message: `Branch name '${head}' has no ticket reference matching /${ticket.pattern}/.`,
            matched: `${ticketBranch} branches need a ticket reference`,
            fix: `Put the ticket id in the name, after the prefix (e.g. '${head.replace(/\/.*$/, '')}/<TICKET>-${lastSegment(head)}'). ${RENAME_HINT}`,
        });
    }
    const detail = findings.length === 0
        ? [`${head} matches ${pattern}`, ticketBranch && ticketMatch ? `ticket ${ticketMatch[0]}` : undefined]
            .filter(Boolean)
            .join(', ')
        : `${head}: ${findings.length} ${findings.length === 1 ? 'problem' : 'problems'}`;
    return { detail, findings };
}
function withoutMatch(name, match) {
    return match ? name.slice(0, match.index) + name.slice(match.index + match[0].length) : name;
}
function lowerCaseExcept(name, match) {
    if (!match)
        return name.toLowerCase();
    const end = match.index + match[0].length;
    return `${name.slice(0, match.index).toLowerCase()}${match[0]}${name.slice(end).toLowerCase()}`;
}
function lastSegment(name) {
    return name.split('/').pop() || name;
}
/** The first wildcard pattern with the branch's own last segment in place of the wildcard. */
function exampleName(head, patterns) {
    const wildcard = patterns.find((pattern) => pattern.includes('*')) ?? patterns[0] ?? 'feature/*';
    return wildcard.replace(/\*\*|\*/, lastSegment(head).toLowerCase()).replace(/\*\*|\*|\?/g, 'x');
}

;// CONCATENATED MODULE: ../policy/src/rules/protected.ts


/** A protected branch changes through merged pull requests, or by an allowed actor. */
function checkProtectedPush(push, pulls, policy) {
    const { branch, sha } = push;
    const actor = push.actors[0] ?? 'an unknown actor';
    const allowed = push.actors
        .map((login) => ({ login, pattern: glob_firstMatch(login, policy.protected.allowedActors) }))
        .find((match) => match.pattern !== undefined);
    const mergedPull = pulls.find((pull) => pull.mergedAt !== null && pull.base === branch);
    if (allowed) {
        return {
            detail: `pushed by ${allowed.login}, an allowed actor (${allowed.pattern})`,
            findings: [],
            ...(mergedPull ? { mergedPull } : {}),
        };
    }
    if (push.forced) {
        return {
            detail: `force push to ${branch} by ${actor}`,
            findings: [
                {
                    message: `${branch} was force-pushed by ${actor}, rewriting its history.`,
                    matched: `forced push of ${shortSha(sha)} to protected branch ${branch}`,
                    fix: `Restore ${branch} to the commit it had before the push, and block force pushes to ${branch} in its ruleset.`,
                },
            ],
        };
    }
    if (mergedPull) {
        return {
            detail: `merge of #${mergedPull.number} (${mergedPull.head} → ${mergedPull.base})`,
            findings: [],
            mergedPull,
        };
    }
    const associated = pulls.length > 0
        ? `associated pull requests: ${list(pulls.map((pull) => `#${pull.number} (${pull.mergedAt ? 'merged' : pull.state}, into ${pull.base})`))}`
        : `no pull request is associated with ${shortSha(sha)}`;
    return {
        detail: `direct push of ${shortSha(sha)} by ${actor}`,
        findings: [
            {
                message: `Commit ${shortSha(sha)} was pushed to ${branch} by ${actor} without a pull request.`,
                matched: associated,
                fix: `Revert the commit on ${branch} and bring the change in through a pull request. ` +
                    `If ${actor} is automation that must push directly, list it under protected.allowed-actors.`,
            },
        ],
    };
}

;// CONCATENATED MODULE: ../policy/src/rules/titles.ts

// type(scope)!: subject — scope and ! optional; anything before the colon that is not this shape is refused.
const HEADER = /^(?<type>[^\s():!]+)(?:\((?<scope>[^()]*)\))?(?<breaking>!)?:(?<space>\s?)(?<subject>.*)$/;
/** What a branch prefix usually means as a Conventional Commits type, for the suggested title. */
const TYPE_FOR_PREFIX = {
    feature: 'feat',
    feat: 'feat',
    fix: 'fix',
    hotfix: 'fix',
    docs: 'docs',
    chore: 'chore',
};
/** Pull request titles as Conventional Commits headers: type, scope and subject. */
function checkTitle(title, head, titles) {
    const parsed = HEADER.exec(title.trim())?.groups;
    // "feat:subject" lacks the space the spec requires; "feat:" alone is reported as a missing subject.
    const header = parsed && (parsed.space !== '' || parsed.subject === '') ? parsed : undefined;
    if (!header) {
        return {
            detail: `'${title}' is not a Conventional Commits header`,
            findings: [
                {
                    message: `Title '${title}' is not a Conventional Commits header ('type(scope): subject').`,
                    matched: `title '${title}'`,
                    fix: `Edit the title, e.g. '${suggestTitle(title, head, titles)}'.`,
                },
            ],
        };
    }
    const type = header.type;
    const subject = (header.subject ?? '').trim();
    const scopes = header.scope === undefined ? [] : header.scope.split(',').map((scope) => scope.trim());
    const findings = [];
    const validType = titles.types.includes(type) ? type : suggestType(type, titles);
    if (!titles.types.includes(type)) {
        findings.push({
            message: `Type '${type}' is not allowed in pull request titles.`,
            matched: `type '${type}'`,
            fix: `Start the title with one of: ${list(titles.types)}.`,
        });
    }
    if (header.scope === undefined && titles.requireScope) {
        findings.push({
            message: 'The title has no scope, and a scope is required.',
            matched: `title '${title}'`,
            fix: `Add one: '${validType}(${titles.scopes?.[0] ?? 'scope'}): ${subject}'${titles.scopes ? `; allowed scopes: ${list(titles.scopes)}` : ''}.`,
        });
    }
    for (const scope of scopes) {
        if (scope === '') {
            findings.push({
                message: 'The title has an empty scope.',
                matched: `title '${title}'`,
                fix: `Name the scope inside the parentheses or remove them: '${validType}: ${subject}'.`,
            });
        }
        else if (titles.scopes && !titles.scopes.includes(scope)) {
            findings.push({
                message: `Scope '${scope}' is not allowed in pull request titles.`,
                matched: `scope '${scope}'`,
                fix: `Use one of: ${list(titles.scopes)}.`,
            });
        }
    }
    if (subject === '') {
        findings.push({
            message: `The title has no subject after '${type}:'.`,
            matched: `title '${title}'`,
            fix: `Describe the change after the colon, e.g. '${validType}${header.scope ? `(${header.scope})` : ''}: add login form'.`,
        });
    }
    else if (titles.subjectPattern !== undefined && !new RegExp(titles.subjectPattern).test(subject)) {
        findings.push({
            message: `Subject '${subject}' does not match /${titles.subjectPattern}/.`,
            matched: `subject '${subject}'`,
            fix: `Reword the subject so it matches /${titles.subjectPattern}/.`,
        });
    }
    const described = [
        `type ${type}`,
        scopes.length > 0 ? `scope ${scopes.join(',')}` : undefined,
        header.breaking ? 'breaking' : undefined,
    ];
    return {
        detail: findings.length === 0
            ? `'${title}': ${described.filter(Boolean).join(', ')}`
            : `'${title}': ${findings.length} ${findings.length === 1 ? 'problem' : 'problems'}`,
        findings,
    };
}
/** An allowed type for a word such as a branch prefix ("feature" → "feat"), else the first allowed type. */
function suggestType(word, titles) {
    const mapped = TYPE_FOR_PREFIX[word.toLowerCase()];
    return mapped && titles.types.includes(mapped) ? mapped : (titles.types[0] ?? 'feat');
}
function suggestTitle(title, head, titles) {
    const type = suggestType(head.split('/')[0] ?? '', titles);
    const scope = titles.requireScope ? `(${titles.scopes?.[0] ?? 'scope'})` : '';
    // Drop an existing "Feature:"-like prefix so the suggestion does not repeat it.
    const words = title.replace(/^[^:]{1,20}:\s*/, '').trim() || 'describe the change';
    return `${type}${scope}: ${words.charAt(0).toLowerCase()}${words.slice(1)}`;
}

;// CONCATENATED MODULE: ../policy/src/evaluate.ts







const REVERT_BRANCH = /^revert-\d+-/;
/** The pure engine: (event, policy) → verdict, a row per rule, and every violation with its fix. */
function evaluate_evaluate(input, policy, options = {}) {
    const { event } = input;
    switch (event.kind) {
        case 'pull_request':
            return evaluatePullRequest(event, policy, options);
        case 'push':
            return evaluatePush(event, input.associatedPulls ?? [], policy, options);
        case 'merge_group': {
            // The pull request passed this check to enter the queue; failing here would only stall the queue.
            const which = event.pullNumber ? `pull request #${event.pullNumber}` : 'each queued pull request';
            return nothingToCheck(`merge queue into ${event.base} (${shortSha(event.headSha)})`, `Nothing to check in the merge queue: ${which} passed the branch policy before it was queued.`);
        }
        case 'ignored':
            return nothingToCheck('this event', event.reason);
    }
}
function nothingToCheck(subject, notice) {
    return {
        verdict: 'pass',
        subject,
        checks: RULES.map((rule) => ({ rule, status: 'skipped', detail: 'nothing to check' })),
        violations: [],
        notice,
    };
}
function evaluatePullRequest(pr, policy, options) {
    const source = pr.forkOf ? `${pr.forkOf}:${pr.head}` : pr.head;
    const subject = `pull request #${pr.number} (${source} → ${pr.base})`;
    const exemption = exemptionOf(pr.head, policy);
    if (exemption) {
        return {
            verdict: 'pass',
            subject,
            checks: RULES.map((rule) => ({
                rule,
                status: rule === 'protected' ? 'skipped' : 'exempt',
                detail: rule === 'protected' ? 'applies to pushes' : exemption,
            })),
            violations: [],
            exemption,
            pullNumber: pr.number,
        };
    }
    const outcomes = {
        flows: checkFlow(pr.head, pr.base, policy.flows),
        naming: checkNaming(pr.head, policy.naming),
    };
    if (policy.titles)
        outcomes.titles = checkTitle(pr.title, pr.head, policy.titles);
    const skipped = {
        protected: 'applies to pushes',
        titles: 'not configured',
    };
    const evaluation = judge({
        subject,
        outcomes,
        skipped,
        policy,
        options,
        draft: pr.draft,
        pull: { number: pr.number, labels: pr.labels, ...(pr.labeledBy ? { labeledBy: pr.labeledBy } : {}) },
    });
    return { ...evaluation, pullNumber: pr.number };
}
function evaluatePush(push, pulls, policy, options) {
    const subject = `push to ${push.branch} (${shortSha(push.sha)})`;
    if (!glob_firstMatch(push.branch, policy.protected.branches)) {
        return nothingToCheck(subject, `Nothing to check: ${push.branch} is not a protected branch.`);
    }
    const protectedOutcome = checkProtectedPush(push, pulls, policy);
    const merged = protectedOutcome.mergedPull;
    const outcomes = { protected: protectedOutcome };
    // A merge that reached the branch without the check (e.g. before it was required) is still judged by its flow.
    if (merged)
        outcomes.flows = checkFlow(merged.head, merged.base, policy.flows);
    return judge({
        subject,
        outcomes,
        skipped: {
            flows: 'no merged pull request',
            naming: 'checked on pull requests',
            titles: 'checked on pull requests',
        },
        policy,
        options,
        draft: false,
        ...(merged ? { pull: { number: merged.number, labels: merged.labels } } : {}),
    });
}
function exemptionOf(head, policy) {
    const bot = glob_firstMatch(head, policy.exceptions.botBranches);
    if (bot)
        return `bot branch (${bot})`;
    if (policy.exceptions.revertBranches && REVERT_BRANCH.test(head))
        return 'GitHub revert branch (revert-<number>-…)';
    return undefined;
}
/** Applies severities, then draft leniency, then fail-on-warn, then the override label — in that order. */
function judge({ subject, outcomes, skipped, policy, options, draft, pull }) {
    const label = policy.exceptions.overrideLabel;
    const overridden = label !== undefined && pull?.labels.includes(label) === true;
    const violations = [];
    for (const rule of RULES) {
        for (const finding of outcomes[rule]?.findings ?? []) {
            const violation = { rule, ...finding, severity: policy.severity[rule] };
            if (draft && policy.exceptions.drafts === 'warn' && violation.severity === 'fail') {
                violation.severity = 'warn';
                violation.note = 'draft pull request';
            }
            if (options.failOnWarn && violation.severity === 'warn') {
                violation.severity = 'fail';
                violation.note = violation.note ? `${violation.note}; fail-on-warn` : 'fail-on-warn';
            }
            if (overridden && violation.severity === 'fail') {
                violation.severity = 'warn';
                violation.note = `overridden by label '${label}'`;
            }
            violations.push(violation);
        }
    }
    const checks = RULES.map((rule) => {
        const outcome = outcomes[rule];
        if (!outcome)
            return { rule, status: 'skipped', detail: skipped[rule] ?? 'not applicable' };
        const severities = violations.filter((v) => v.rule === rule).map((v) => v.severity);
        return { rule, status: worst(severities), detail: outcome.detail };
    });
    const evaluation = {
        verdict: worst(violations.map((v) => v.severity)),
        subject,
        checks,
        violations,
    };
    if (overridden && pull && label !== undefined) {
        evaluation.override = {
            label,
            pullNumber: pull.number,
            overridden: violations.filter((v) => v.note?.startsWith('overridden')).length,
            ...(pull.labeledBy?.label === label ? { appliedBy: pull.labeledBy.actor } : {}),
        };
    }
    return evaluation;
}
function worst(severities) {
    if (severities.includes('fail'))
        return 'fail';
    if (severities.includes('warn'))
        return 'warn';
    return 'pass';
}

;// CONCATENATED MODULE: ../policy/src/event.ts

const pullRequestPayload = schemas/* object */.Ikc({
    action: schemas/* string */.YjP(),
    number: schemas/* number */.aig().int(),
    pull_request: schemas/* object */.Ikc({
        title: schemas/* string */.YjP(),
        draft: schemas/* boolean */.zMY().optional(),
        user: schemas/* object */.Ikc({ login: schemas/* string */.YjP() }).nullable().optional(),
        labels: schemas/* array */.YOg(schemas/* object */.Ikc({ name: schemas/* string */.YjP() })).default([]),
        head: schemas/* object */.Ikc({ ref: schemas/* string */.YjP(), repo: schemas/* object */.Ikc({ full_name: schemas/* string */.YjP() }).nullable().optional() }),
        base: schemas/* object */.Ikc({ ref: schemas/* string */.YjP(), repo: schemas/* object */.Ikc({ full_name: schemas/* string */.YjP() }).nullable().optional() }),
    }),
    label: schemas/* object */.Ikc({ name: schemas/* string */.YjP() }).optional(),
    sender: schemas/* object */.Ikc({ login: schemas/* string */.YjP() }).optional(),
});
const pushPayload = schemas/* object */.Ikc({
    ref: schemas/* string */.YjP(),
    after: schemas/* string */.YjP(),
    forced: schemas/* boolean */.zMY().default(false),
    deleted: schemas/* boolean */.zMY().default(false),
    pusher: schemas/* object */.Ikc({ name: schemas/* string */.YjP() }).optional(),
    sender: schemas/* object */.Ikc({ login: schemas/* string */.YjP() }).optional(),
});
const mergeGroupPayload = schemas/* object */.Ikc({
    merge_group: schemas/* object */.Ikc({ head_sha: schemas/* string */.YjP(), head_ref: schemas/* string */.YjP(), base_ref: schemas/* string */.YjP() }),
});
const PULL_REQUEST_EVENTS = (/* unused pure expression or super */ null && (['pull_request', 'pull_request_target']));
// A closed pull request can no longer change; judging it would only repaint an old comment.
const IGNORED_PULL_REQUEST_ACTIONS = (/* unused pure expression or super */ null && ([
    'closed',
    'assigned',
    'unassigned',
    'review_requested',
    'review_request_removed',
]));
const branchOf = (ref) => ref.replace(/^refs\/heads\//, '');
/** Reads the facts the rules need from a webhook payload; throws when a supported event lacks them. */
function event_readEvent(eventName, payload) {
    if (PULL_REQUEST_EVENTS.includes(eventName))
        return readPullRequest(eventName, payload);
    if (eventName === 'push')
        return readPush(payload);
    if (eventName === 'merge_group')
        return readMergeGroup(payload);
    return {
        kind: 'ignored',
        reason: `Nothing to check for '${eventName}' events: branch policy checks pull_request, pull_request_target, push and merge_group.`,
    };
}
function parsePayload(schema, eventName, payload) {
    const result = schema.safeParse(payload);
    if (result.success)
        return result.data;
    const where = result.error.issues.map((issue) => issue.path.join('.') || '(root)').join(', ');
    throw new Error(`The ${eventName} event payload is missing fields the branch policy needs: ${where}.`);
}
function readPullRequest(eventName, payload) {
    const event = parsePayload(pullRequestPayload, eventName, payload);
    if (IGNORED_PULL_REQUEST_ACTIONS.includes(event.action)) {
        return { kind: 'ignored', reason: `Nothing to check for ${eventName} '${event.action}'.` };
    }
    const pr = event.pull_request;
    const facts = {
        kind: 'pull_request',
        eventName,
        action: event.action,
        number: event.number,
        title: pr.title,
        draft: pr.draft ?? false,
        head: pr.head.ref,
        base: pr.base.ref,
        labels: pr.labels.map((label) => label.name),
        author: pr.user?.login ?? '',
    };
    const headRepo = pr.head.repo?.full_name;
    const baseRepo = pr.base.repo?.full_name;
    if (headRepo && baseRepo && headRepo !== baseRepo)
        facts.forkOf = headRepo;
    if (event.action === 'labeled' && event.label && event.sender) {
        facts.labeledBy = { label: event.label.name, actor: event.sender.login };
    }
    return facts;
}
function readPush(payload) {
    const event = parsePayload(pushPayload, 'push', payload);
    if (!event.ref.startsWith('refs/heads/'))
        return { kind: 'ignored', reason: `Nothing to check for a push to ${event.ref}.` };
    const branch = branchOf(event.ref);
    // Deleting a branch is the business of rulesets ("restrict deletions"), not of a status check.
    if (event.deleted)
        return { kind: 'ignored', reason: `Nothing to check: ${branch} was deleted.` };
    const actors = [event.sender?.login, event.pusher?.name].filter((a) => Boolean(a));
    return { kind: 'push', branch, sha: event.after, forced: event.forced, actors: [...new Set(actors)] };
}
function readMergeGroup(payload) {
    const { merge_group: group } = parsePayload(mergeGroupPayload, 'merge_group', payload);
    const facts = {
        kind: 'merge_group',
        base: branchOf(group.base_ref),
        headSha: group.head_sha,
    };
    // gh-readonly-queue/<base>/pr-<number>-<sha>
    const pullNumber = /\/pr-(\d+)-[0-9a-f]+$/.exec(group.head_ref)?.[1];
    if (pullNumber)
        facts.pullNumber = Number(pullNumber);
    return facts;
}

;// CONCATENATED MODULE: ../policy/src/check.ts




const LOOKUP_RETRY_DELAYS_MS = (/* unused pure expression or super */ null && ([3000]));
/** Reads the event, looks up what the engine needs from GitHub, and evaluates. */
async function checkEvent(options) {
    const event = readEvent(options.eventName, options.payload);
    if (event.kind !== 'push' || !firstMatch(event.branch, options.policy.protected.branches)) {
        return evaluate({ event }, options.policy, options);
    }
    if (!options.github) {
        throw new UserError(`Input 'github-token' is empty, but checking a push to ${event.branch} needs it to look up the pull request that was merged.`);
    }
    // An allowed actor needs no pull request, so there is nothing worth waiting for.
    const allowedActor = event.actors.some((actor) => firstMatch(actor, options.policy.protected.allowedActors));
    const associatedPulls = await findAssociatedPulls(event.sha, event.branch, {
        ...options,
        ...(allowedActor ? { lookupRetryDelaysMs: [] } : {}),
    });
    return evaluate({ event, associatedPulls }, options.policy, options);
}
async function findAssociatedPulls(sha, branch, options) {
    const github = options.github;
    const delays = options.lookupRetryDelaysMs ?? LOOKUP_RETRY_DELAYS_MS;
    let pulls = await github.pullsForCommit(sha);
    for (const delay of delays) {
        if (pulls.some((pull) => pull.mergedAt !== null && pull.base === branch))
            break;
        options.logger.info(`No merged pull request into ${branch} is linked to ${sha} yet; asking again in ${delay / 1000}s.`);
        await options.sleep(delay);
        pulls = await github.pullsForCommit(sha);
    }
    return pulls;
}

;// CONCATENATED MODULE: ../policy/src/comment.ts

/** Hidden in the rendered comment; finds our comment among everyone else's. */
const COMMENT_MARKER = '<!-- shipkit:branch-policy -->';
/** The sticky comment's body for a pull request that does not comply. */
function renderComment(evaluation) {
    const failed = evaluation.verdict === 'fail';
    const count = evaluation.violations.length;
    const headline = `${failed ? '❌' : '⚠️'} Branch policy: ${count} ${count === 1 ? 'problem' : 'problems'}${failed ? '' : ' (warnings)'}`;
    const rows = evaluation.violations.map((v) => [
        v.severity === 'fail' ? '❌ fail' : '⚠️ warn',
        v.rule,
        escapeHtml(v.message) + (v.note ? ` _(${escapeHtml(v.note)})_` : ''),
        escapeHtml(v.fix),
    ]);
    const override = evaluation.override
        ? `Failures were turned into warnings by the \`${evaluation.override.label}\` label` +
            `${evaluation.override.appliedBy ? `, applied by @${evaluation.override.appliedBy}` : ''}; this is recorded in the check's summary.`
        : undefined;
    return [
        COMMENT_MARKER,
        `### ${headline}`,
        `Checked ${escapeHtml(evaluation.subject)}.`,
        table(['', 'Rule', 'Problem', 'How to fix'], rows),
        override,
        '<sub>This comment is updated on every change and removed once the pull request complies.</sub>',
    ]
        .filter((part) => Boolean(part))
        .join('\n\n');
}
/**
 * Keeps one comment per pull request: created or updated in place while it does not comply,
 * deleted once it does. Extra copies (from two runs racing) are deleted.
 */
async function syncStickyComment({ github, pullNumber, evaluation, logger, }) {
    const ours = (await github.listComments(pullNumber)).filter((comment) => comment.body.includes(COMMENT_MARKER));
    const [kept, ...duplicates] = ours;
    for (const duplicate of duplicates)
        await github.deleteComment(duplicate.id);
    if (evaluation.verdict === 'pass') {
        if (!kept)
            return 'none';
        await github.deleteComment(kept.id);
        logger.info(`Removed the branch policy comment from #${pullNumber}: it complies now.`);
        return 'deleted';
    }
    const body = renderComment(evaluation);
    if (!kept) {
        await github.createComment(pullNumber, body);
        logger.info(`Commented on #${pullNumber}.`);
        return 'created';
    }
    if (kept.body === body)
        return 'unchanged';
    await github.updateComment(kept.id, body);
    logger.info(`Updated the branch policy comment on #${pullNumber}.`);
    return 'updated';
}

// EXTERNAL MODULE: ../../node_modules/yaml/dist/index.js
var dist = __webpack_require__(3483);
;// CONCATENATED MODULE: ../policy/src/config.ts




const DEFAULT_CONFIG_PATH = '.github/branch-policy.yml';
/** A config file the action cannot use: every problem, each with its key and line. */
class PolicyConfigError extends src/* UserError */.yo {
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
    const lineCounter = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
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
    const result = policyConfigSchema.safeParse(data, { reportInput: true });
    if (result.success)
        return resolvePolicy(result.data);
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
    if (unknownKey !== undefined && (0,dist/* isMap */.jh)(node)) {
        const pair = node.items.find((item) => (0,dist/* isScalar */.jn)(item.key) && item.key.value === unknownKey);
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
    if (!(0,dist/* isMap */.jh)(node))
        return null;
    const pair = node.items.find((item) => (0,dist/* isScalar */.jn)(item.key) && item.key.value === part);
    return pair?.value ?? pair?.key ?? null;
}
/** The keys allowed at a path, read from the published schema, for "did you mean" hints. */
function allowedKeysAt(path) {
    let node = policyJsonSchema();
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

;// CONCATENATED MODULE: ../policy/src/report.ts

const listOrNone = (values, none) => values && values.length > 0 ? values.join(', ') : none;
/** The effective policy, one setting per row: for `policy explain` and the job summary. */
function describePolicy(policy) {
    const { naming, titles, exceptions } = policy;
    const rows = policy.flows.map((flow, index) => ({
        rule: 'flows',
        setting: `flow ${index + 1}`,
        value: `${flow.from.join(', ')} → ${flow.to.join(', ')}`,
    }));
    rows.push({ rule: 'naming', setting: 'branches', value: naming.branches.join(', ') }, {
        rule: 'naming',
        setting: 'ticket',
        value: naming.ticket
            ? `/${naming.ticket.pattern}/ on ${naming.ticket.branches.join(', ')}`
            : 'not required',
    }, {
        rule: 'naming',
        setting: 'max-length',
        value: naming.maxLength === undefined ? 'no limit' : String(naming.maxLength),
    }, { rule: 'naming', setting: 'lowercase', value: naming.lowercase ? 'required' : 'not required' }, { rule: 'protected', setting: 'branches', value: listOrNone(policy.protected.branches, 'none') }, {
        rule: 'protected',
        setting: 'allowed-actors',
        value: listOrNone(policy.protected.allowedActors, 'none'),
    });
    if (titles) {
        rows.push({ rule: 'titles', setting: 'types', value: titles.types.join(', ') }, { rule: 'titles', setting: 'scopes', value: listOrNone(titles.scopes, 'any') }, { rule: 'titles', setting: 'require-scope', value: titles.requireScope ? 'yes' : 'no' }, {
            rule: 'titles',
            setting: 'subject-pattern',
            value: titles.subjectPattern === undefined ? 'any' : `/${titles.subjectPattern}/`,
        });
    }
    else {
        rows.push({ rule: 'titles', setting: 'enabled', value: 'no (add a titles section to check titles)' });
    }
    rows.push({ rule: 'exceptions', setting: 'bot-branches', value: listOrNone(exceptions.botBranches, 'none') }, {
        rule: 'exceptions',
        setting: 'revert-branches',
        value: exceptions.revertBranches ? 'exempt' : 'checked',
    }, {
        rule: 'exceptions',
        setting: 'drafts',
        value: exceptions.drafts === 'warn' ? 'failures become warnings' : 'enforced',
    }, { rule: 'exceptions', setting: 'override-label', value: exceptions.overrideLabel ?? 'disabled' });
    for (const [rule, severity] of Object.entries(policy.severity))
        rows.push({ rule: 'severity', setting: rule, value: severity });
    return rows;
}
const VERDICT_ICON = { pass: '✅', warn: '⚠️', fail: '❌' };
const STATUS_LABEL = {
    pass: '✅ pass',
    warn: '⚠️ warn',
    fail: '❌ fail',
    skipped: '➖ skipped',
    exempt: '🟦 exempt',
};
/** The job summary: verdict, the rule matrix with what matched, violations with fixes, the policy used. */
function renderSummary(evaluation, policy, policySource) {
    const violations = evaluation.violations.length > 0
        ? [
            heading('Violations', 4),
            table(['Severity', 'Rule', 'Problem', 'What matched', 'How to fix'], evaluation.violations.map((v) => [
                STATUS_LABEL[v.severity] + (v.note ? ` (${v.note})` : ''),
                v.rule,
                escapeHtml(v.message),
                escapeHtml(v.matched),
                escapeHtml(v.fix),
            ])),
        ].join('\n\n')
        : undefined;
    const override = evaluation.override
        ? [
            heading('Override', 4),
            `The \`${evaluation.override.label}\` label on #${evaluation.override.pullNumber} turned ` +
                `${evaluation.override.overridden} ${evaluation.override.overridden === 1 ? 'failure' : 'failures'} into warnings` +
                `${evaluation.override.appliedBy ? `; applied by @${evaluation.override.appliedBy}` : ''}.`,
        ].join('\n\n')
        : undefined;
    const flows = table(['From', 'To'], policy.flows.map((flow) => [flow.from.join(', '), flow.to.join(', ')]));
    const settings = table(['Rule', 'Setting', 'Value'], describePolicy(policy)
        .filter((row) => row.rule !== 'flows')
        .map((row) => [row.rule, row.setting, escapeHtml(row.value)]));
    return sections(heading(`${VERDICT_ICON[evaluation.verdict]} Branch policy: ${evaluation.verdict}`), `Checked ${escapeHtml(evaluation.subject)} against ${escapeHtml(policySource)}.`, evaluation.notice && `> ${escapeHtml(evaluation.notice)}`, evaluation.exemption && `Exempt: ${escapeHtml(evaluation.exemption)}.`, heading('Rules', 4), table(['Rule', 'Result', 'What matched'], evaluation.checks.map((check) => [check.rule, STATUS_LABEL[check.status], escapeHtml(check.detail)])), violations, override, details('Effective policy', `${flows}\n\n${settings}`));
}
/** The job summary when the policy file itself is invalid: every problem with its line. */
function renderConfigProblems(error) {
    return sections(heading('❌ Branch policy: the policy file is invalid'), `Nothing was checked: fix ${escapeHtml(error.file)} first.`, table(['Line', 'Key', 'Problem'], error.problems.map((p) => [
        `${p.line}:${p.column}`,
        p.key ? `\`${p.key}\`` : '(file)',
        escapeHtml(p.message),
    ])));
}

;// CONCATENATED MODULE: ../policy/src/index.ts











/***/ })

};
