export const id = 974;
export const ids = [974];
export const modules = {

/***/ 483:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ command)
/* harmony export */ });
/** Declares a command, keeping its table's types for `run`. */
function command(spec) {
    return spec;
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

// EXTERNAL MODULE: ../runtime/src/options/row.ts
var row = __webpack_require__(3832);
// EXTERNAL MODULE: ../runtime/src/options/errors.ts
var errors = __webpack_require__(673);
// EXTERNAL MODULE: ../runtime/src/exit.ts
var exit = __webpack_require__(601);
// EXTERNAL MODULE: ./src/command.ts
var command = __webpack_require__(483);
// EXTERNAL MODULE: ./src/options.ts + 1 modules
var options = __webpack_require__(9245);
// EXTERNAL MODULE: ./src/text.ts
var src_text = __webpack_require__(9071);
;// CONCATENATED MODULE: ./src/commands/policy.ts








const SUBCOMMANDS = ['check', 'explain'];
const POLICY_OPTIONS = {
    from: (0,row/* textRow */.yL)({ description: 'check: the head (source) branch.', placeholder: '<branch>' }),
    to: (0,row/* textRow */.yL)({ description: 'check: the base (target) branch.', placeholder: '<branch>' }),
    title: (0,row/* textRow */.yL)({
        description: 'check: the pull request title (checked when the policy has titles).',
        placeholder: '<title>',
    }),
    draft: (0,row/* booleanRow */.HP)({ description: 'check: judge it as a draft pull request.', default: 'false' }),
    label: {
        ...(0,row/* listRow */.f0)({ description: 'check: a label on the pull request.', placeholder: '<label>' }),
        // A label may hold a comma: each --label is one label.
        parse: (raw) => raw.split('\n').filter((label) => label.trim() !== ''),
    },
    config: (0,row/* textRow */.yL)({
        description: `Policy file. Default: ${config/* DEFAULT_CONFIG_PATH */.Bi} when it exists, else the default policy.`,
        placeholder: '<file>',
    }),
};
const policy = (0,command/* command */.G)({
    name: 'policy',
    usage: 'check --from <branch> --to <branch> [--title "…"] [options]   or   policy explain [options]',
    positionals: 'check | explain',
    options: POLICY_OPTIONS,
    details: `
Examples:
  shipkit policy check --from feature/login --to main
  shipkit policy check --from feature/ABC-12-login --to development --title "feat(auth): add login"
  shipkit policy explain --config .github/branch-policy.yml --json

check exits 0 on pass or warn, 1 on fail.`,
    async run({ options, positionals }, context) {
        const subcommand = parseSubcommand(positionals);
        const { policy: effective, source } = await loadPolicy(options, context);
        return subcommand === 'check'
            ? check(options, context, effective, source)
            : explain(context, effective, source);
    },
});
function parseSubcommand(positionals) {
    const [name, ...extra] = positionals;
    const found = SUBCOMMANDS.find((s) => s === name);
    if (!found) {
        throw new options/* UsageError */.eb(`policy needs a subcommand: ${SUBCOMMANDS.join(' or ')}${name ? `, got '${name}'` : ''}.`);
    }
    if (extra.length > 0)
        throw new options/* UsageError */.eb(`policy ${found} takes no further arguments, got '${extra.join(' ')}'.`);
    return found;
}
async function loadPolicy(options, context) {
    const explicit = options.config;
    const path = explicit ?? config/* DEFAULT_CONFIG_PATH */.Bi;
    const file = (0,external_node_path_.isAbsolute)(path) ? path : (0,external_node_path_.join)(context.cwd, path);
    if (!(0,external_node_fs_.existsSync)(file)) {
        if (explicit)
            throw new errors/* OptionError */.eR('config', `names ${explicit}, which does not exist.`);
        return { policy: (0,src_policy/* defaultPolicy */.G4)(), source: 'the default policy' };
    }
    return { policy: (0,config/* parsePolicyConfig */._A)(await (0,promises_.readFile)(file, 'utf8'), path), source: path };
}
function check(options, context, effective, source) {
    const { from, to, title } = options;
    if (!from)
        throw new errors/* OptionError */.eR('from', 'is required by policy check: the head (source) branch.');
    if (!to)
        throw new errors/* OptionError */.eR('to', 'is required by policy check: the base (target) branch.');
    if (effective.titles && title === undefined) {
        context.logger.warn(`${source} checks titles; pass --title to check one.`);
    }
    const event = {
        kind: 'pull_request',
        eventName: 'cli',
        action: 'opened',
        number: 0,
        title: title ?? '',
        draft: options.draft,
        head: from,
        base: to,
        labels: options.label,
        author: '',
    };
    const evaluation = evaluate({ event }, title === undefined ? withoutTitles(effective) : effective);
    if (title === undefined && effective.titles) {
        evaluation.checks = evaluation.checks.map((c) => c.rule === 'titles' ? { ...c, detail: 'no --title given' } : c);
    }
    const exitCode = evaluation.verdict === 'fail' ? exit/* EXIT */.dc.failed : exit/* EXIT */.dc.ok;
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
        return exit/* EXIT */.dc.ok;
    }
    const rows = describePolicy(effective).map((row) => [row.rule, row.setting, row.value]);
    context.stdout(`Branch policy from ${source}\n\n${(0,src_text/* textTable */.e)(['rule', 'setting', 'value'], rows)}`);
    return exit/* EXIT */.dc.ok;
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


/***/ })

};
