export const id = 503;
export const ids = [503];
export const modules = {

/***/ 3503:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   policy: () => (/* binding */ policy)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _shipkit_action_kit__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6458);
/* harmony import */ var _shipkit_policy__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8954);
/* harmony import */ var _command__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(483);
/* harmony import */ var _text__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9071);







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
            description: `policy file (default: ${_shipkit_policy__WEBPACK_IMPORTED_MODULE_4__/* .DEFAULT_CONFIG_PATH */ .Bi} when it exists, else the default policy)`,
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
        throw new _shipkit_action_kit__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`policy needs a subcommand: ${SUBCOMMANDS.join(' or ')}${name ? `, got '${name}'` : ''}.`);
    }
    if (extra.length > 0)
        throw new _shipkit_action_kit__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`policy ${found} takes no further arguments, got '${extra.join(' ')}'.`);
    return found;
}
async function loadPolicy(args, context) {
    const explicit = (0,_command__WEBPACK_IMPORTED_MODULE_5__/* .stringOption */ .Pp)(args, 'config');
    const path = explicit ?? _shipkit_policy__WEBPACK_IMPORTED_MODULE_4__/* .DEFAULT_CONFIG_PATH */ .Bi;
    const file = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.isAbsolute)(path) ? path : (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(context.cwd, path);
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file)) {
        if (explicit)
            throw new _shipkit_action_kit__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`--config: ${explicit} does not exist.`);
        return { policy: (0,_shipkit_policy__WEBPACK_IMPORTED_MODULE_4__/* .defaultPolicy */ .G4)(), source: 'the default policy' };
    }
    return { policy: (0,_shipkit_policy__WEBPACK_IMPORTED_MODULE_4__/* .parsePolicyConfig */ ._A)(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(file, 'utf8'), path), source: path };
}
function check(args, context, effective, source) {
    const from = (0,_command__WEBPACK_IMPORTED_MODULE_5__/* .stringOption */ .Pp)(args, 'from');
    const to = (0,_command__WEBPACK_IMPORTED_MODULE_5__/* .stringOption */ .Pp)(args, 'to');
    if (!from || !to)
        throw new _shipkit_action_kit__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo('policy check needs --from <branch> and --to <branch>.');
    const title = (0,_command__WEBPACK_IMPORTED_MODULE_5__/* .stringOption */ .Pp)(args, 'title');
    if (effective.titles && title === undefined) {
        context.logger.warn(`${source} checks titles; pass --title to check one.`);
    }
    const event = {
        kind: 'pull_request',
        eventName: 'cli',
        action: 'opened',
        number: 0,
        title: title ?? '',
        draft: (0,_command__WEBPACK_IMPORTED_MODULE_5__/* .booleanOption */ .Ic)(args, 'draft'),
        head: from,
        base: to,
        labels: (0,_command__WEBPACK_IMPORTED_MODULE_5__/* .listOption */ .y8)(args, 'label'),
        author: '',
    };
    const evaluation = (0,_shipkit_policy__WEBPACK_IMPORTED_MODULE_4__/* .evaluate */ ._3)({ event }, title === undefined ? withoutTitles(effective) : effective);
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
    lines.push((0,_text__WEBPACK_IMPORTED_MODULE_6__/* .textTable */ .e)(['rule', 'result', 'what matched'], evaluation.checks.map((c) => [c.rule, c.status, c.detail])));
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
        context.stdout(`${JSON.stringify({ source, policy: effective, settings: (0,_shipkit_policy__WEBPACK_IMPORTED_MODULE_4__/* .describePolicy */ .wy)(effective) }, null, 2)}\n`);
        return 0;
    }
    const rows = (0,_shipkit_policy__WEBPACK_IMPORTED_MODULE_4__/* .describePolicy */ .wy)(effective).map((row) => [row.rule, row.setting, row.value]);
    context.stdout(`Branch policy from ${source}\n\n${(0,_text__WEBPACK_IMPORTED_MODULE_6__/* .textTable */ .e)(['rule', 'setting', 'value'], rows)}`);
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


/***/ })

};
