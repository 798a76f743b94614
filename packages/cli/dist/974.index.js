export const id = 974;
export const ids = [974];
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

/***/ 1974:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  policy: () => (/* binding */ policy)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ../action-kit/src/errors.ts
var errors = __webpack_require__(8691);
// EXTERNAL MODULE: ../policy/src/config.ts
var config = __webpack_require__(6037);
// EXTERNAL MODULE: ../policy/src/policy.ts
var src_policy = __webpack_require__(2925);
// EXTERNAL MODULE: ../policy/src/glob.ts
var glob = __webpack_require__(5625);
;// CONCATENATED MODULE: ../policy/src/rules/finding.ts
const list = (values) => values.join(', ');
const shortSha = (sha) => sha.slice(0, 7);

;// CONCATENATED MODULE: ../policy/src/rules/flows.ts


/** A pull request may go from head to base only along a configured flow. */
function checkFlow(head, base, flows) {
    for (const flow of flows) {
        const from = (0,glob/* firstMatch */.o4)(head, flow.from);
        const to = (0,glob/* firstMatch */.o4)(base, flow.to);
        if (from && to)
            return { detail: `${head} → ${base} (flow ${from} → ${to})`, findings: [] };
    }
    const headFlows = flows.filter((flow) => (0,glob/* firstMatch */.o4)(head, flow.from));
    const targets = unique(headFlows.flatMap((flow) => flow.to));
    const sources = unique(flows.filter((flow) => (0,glob/* firstMatch */.o4)(base, flow.to)).flatMap((flow) => flow.from));
    const headPatterns = unique(headFlows.map((flow) => (0,glob/* firstMatch */.o4)(head, flow.from)));
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
function unique(values) {
    return [...new Set(values)];
}

;// CONCATENATED MODULE: ../policy/src/rules/naming.ts


// Renaming on GitHub retargets open pull requests; deleting and re-pushing would close this one.
const RENAME_HINT = 'Rename the branch on GitHub (Branches page, pencil icon) so this pull request stays open.';
/** Head-branch names: allowed patterns, case, length and a ticket reference. */
function checkNaming(head, naming) {
    const findings = [];
    const pattern = (0,glob/* firstMatch */.o4)(head, naming.branches);
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
    const ticketBranch = ticket ? (0,glob/* firstMatch */.o4)(head, ticket.branches) : undefined;
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
        .map((login) => ({ login, pattern: (0,glob/* firstMatch */.o4)(login, policy.protected.allowedActors) }))
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
function evaluate(input, policy, options = {}) {
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
        checks: src_policy/* RULES */.y0.map((rule) => ({ rule, status: 'skipped', detail: 'nothing to check' })),
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
            checks: src_policy/* RULES */.y0.map((rule) => ({
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
    if (!(0,glob/* firstMatch */.o4)(push.branch, policy.protected.branches)) {
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
    const bot = (0,glob/* firstMatch */.o4)(head, policy.exceptions.botBranches);
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
    for (const rule of src_policy/* RULES */.y0) {
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
    const checks = src_policy/* RULES */.y0.map((rule) => {
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

// EXTERNAL MODULE: ./src/command.ts
var command = __webpack_require__(483);
// EXTERNAL MODULE: ./src/text.ts
var src_text = __webpack_require__(9071);
;// CONCATENATED MODULE: ./src/commands/policy.ts







const SUBCOMMANDS = ['check', 'explain'];
const policy = {
    name: 'policy',
    usage: 'check --from <branch> --to <branch> [--title "…"] [options]   or   policy explain [options]',
    options: {
        from: { type: 'string', value: '<branch>', description: 'check: the head (source) branch' },
        to: { type: 'string', value: '<branch>', description: 'check: the base (target) branch' },
        title: {
            type: 'string',
            value: '<title>',
            description: 'check: the pull request title (checked when the policy has titles)',
        },
        draft: { type: 'boolean', description: 'check: judge it as a draft pull request' },
        label: {
            type: 'string',
            value: '<label>',
            multiple: true,
            description: 'check: a label on the pull request',
        },
        config: {
            type: 'string',
            value: '<file>',
            description: `policy file (default: ${config/* DEFAULT_CONFIG_PATH */.Bi} when it exists, else the default policy)`,
        },
    },
    details: `
Examples:
  shipkit policy check --from feature/login --to main
  shipkit policy check --from feature/ABC-12-login --to development --title "feat(auth): add login"
  shipkit policy explain --config .github/branch-policy.yml --json

check exits 0 on pass or warn, 1 on fail.`,
    async run(args, context) {
        const subcommand = parseSubcommand(args);
        const { policy: effective, source } = await loadPolicy(args, context);
        return subcommand === 'check'
            ? check(args, context, effective, source)
            : explain(context, effective, source);
    },
};
function parseSubcommand(args) {
    const [name, ...extra] = args.positionals;
    const found = SUBCOMMANDS.find((s) => s === name);
    if (!found) {
        throw new errors/* UserError */.y(`policy needs a subcommand: ${SUBCOMMANDS.join(' or ')}${name ? `, got '${name}'` : ''}.`);
    }
    if (extra.length > 0)
        throw new errors/* UserError */.y(`policy ${found} takes no further arguments, got '${extra.join(' ')}'.`);
    return found;
}
async function loadPolicy(args, context) {
    const explicit = (0,command/* stringOption */.Pp)(args, 'config');
    const path = explicit ?? config/* DEFAULT_CONFIG_PATH */.Bi;
    const file = (0,external_node_path_.isAbsolute)(path) ? path : (0,external_node_path_.join)(context.cwd, path);
    if (!(0,external_node_fs_.existsSync)(file)) {
        if (explicit)
            throw new errors/* UserError */.y(`--config: ${explicit} does not exist.`);
        return { policy: (0,src_policy/* defaultPolicy */.G4)(), source: 'the default policy' };
    }
    return { policy: (0,config/* parsePolicyConfig */._A)(await (0,promises_.readFile)(file, 'utf8'), path), source: path };
}
function check(args, context, effective, source) {
    const from = (0,command/* stringOption */.Pp)(args, 'from');
    const to = (0,command/* stringOption */.Pp)(args, 'to');
    if (!from || !to)
        throw new errors/* UserError */.y('policy check needs --from <branch> and --to <branch>.');
    const title = (0,command/* stringOption */.Pp)(args, 'title');
    if (effective.titles && title === undefined) {
        context.logger.warn(`${source} checks titles; pass --title to check one.`);
    }
    const event = {
        kind: 'pull_request',
        eventName: 'cli',
        action: 'opened',
        number: 0,
        title: title ?? '',
        draft: (0,command/* booleanOption */.Ic)(args, 'draft'),
        head: from,
        base: to,
        labels: (0,command/* listOption */.y8)(args, 'label'),
        author: '',
    };
    const evaluation = evaluate({ event }, title === undefined ? withoutTitles(effective) : effective);
    if (title === undefined && effective.titles) {
        evaluation.checks = evaluation.checks.map((c) => c.rule === 'titles' ? { ...c, detail: 'no --title given' } : c);
    }
    const exitCode = evaluation.verdict === 'fail' ? 1 : 0;
    if (context.json) {
        const { verdict, checks, violations, exemption, override } = evaluation;
        const result = {
            from,
            to,
            ...(title === undefined ? {} : { title }),
            policy: source,
            verdict,
            checks,
            violations,
        };
        context.stdout(`${JSON.stringify({ ...result, ...(exemption ? { exemption } : {}), ...(override ? { override } : {}) }, null, 2)}\n`);
        return exitCode;
    }
    const lines = [`${from} → ${to}: ${evaluation.verdict} (${source})`, ''];
    lines.push((0,src_text/* textTable */.e)(['rule', 'result', 'what matched'], evaluation.checks.map((c) => [c.rule, c.status, c.detail])));
    for (const v of evaluation.violations) {
        lines.push(`${v.severity}  ${v.rule}: ${v.message}${v.note ? ` (${v.note})` : ''}`, `      matched: ${v.matched}`, `      fix: ${v.fix}`);
    }
    context.stdout(`${lines.join('\n')}\n`);
    return exitCode;
}
/** Without --title there is nothing to judge the title by, so the rule is left out rather than failed. */
function withoutTitles(effective) {
    const { titles: _skipped, ...rest } = effective;
    return rest;
}
function explain(context, effective, source) {
    if (context.json) {
        context.stdout(`${JSON.stringify({ source, policy: effective, settings: describePolicy(effective) }, null, 2)}\n`);
        return 0;
    }
    const rows = describePolicy(effective).map((row) => [row.rule, row.setting, row.value]);
    context.stdout(`Branch policy from ${source}\n\n${(0,src_text/* textTable */.e)(['rule', 'setting', 'value'], rows)}`);
    return 0;
}


/***/ }),

/***/ 9071:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ textTable)
/* harmony export */ });
/** A plain-text table with aligned columns, for terminal output. */
function textTable(headers, rows, rightAligned = []) {
    const cells = [headers, ...rows.map((row) => row.map(String))];
    const widths = headers.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
    const line = (row) => row
        .map((cell, i) => rightAligned.includes(i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd();
    return `${[line(headers), line(widths.map((w) => '-'.repeat(w))), ...cells.slice(1).map(line)].join('\n')}\n`;
}


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


/***/ })

};
