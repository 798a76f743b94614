export const id = 503;
export const ids = [503];
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
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(663);
/* harmony import */ var _shipkit_policy__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8954);
/* harmony import */ var _command__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(483);
/* harmony import */ var _options__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3076);
/* harmony import */ var _text__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(9071);








const SUBCOMMANDS = ['check', 'explain'];
const POLICY_OPTIONS = {
    from: (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_3__/* .textRow */ .yL)({ description: 'check: the head (source) branch.', placeholder: '<branch>' }),
    to: (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_3__/* .textRow */ .yL)({ description: 'check: the base (target) branch.', placeholder: '<branch>' }),
    title: (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_3__/* .textRow */ .yL)({
        description: 'check: the pull request title (checked when the policy has titles).',
        placeholder: '<title>',
    }),
    draft: (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_3__/* .booleanRow */ .HP)({ description: 'check: judge it as a draft pull request.', default: 'false' }),
    label: {
        ...(0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_3__/* .listRow */ .f0)({ description: 'check: a label on the pull request.', placeholder: '<label>' }),
        // A label may hold a comma: each --label is one label.
        parse: (raw) => raw.split('\n').filter((label) => label.trim() !== ''),
    },
    config: (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_3__/* .textRow */ .yL)({
        description: `Policy file. Default: ${_shipkit_policy__WEBPACK_IMPORTED_MODULE_4__/* .DEFAULT_CONFIG_PATH */ .Bi} when it exists, else the default policy.`,
        placeholder: '<file>',
    }),
};
const policy = (0,_command__WEBPACK_IMPORTED_MODULE_6__/* .command */ .G)({
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
        throw new _options__WEBPACK_IMPORTED_MODULE_5__/* .UsageError */ .eb(`policy needs a subcommand: ${SUBCOMMANDS.join(' or ')}${name ? `, got '${name}'` : ''}.`);
    }
    if (extra.length > 0)
        throw new _options__WEBPACK_IMPORTED_MODULE_5__/* .UsageError */ .eb(`policy ${found} takes no further arguments, got '${extra.join(' ')}'.`);
    return found;
}
async function loadPolicy(options, context) {
    const explicit = options.config;
    const path = explicit ?? _shipkit_policy__WEBPACK_IMPORTED_MODULE_4__/* .DEFAULT_CONFIG_PATH */ .Bi;
    const file = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.isAbsolute)(path) ? path : (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(context.cwd, path);
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file)) {
        if (explicit)
            throw new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_3__/* .OptionError */ .eR('config', `names ${explicit}, which does not exist.`);
        return { policy: (0,_shipkit_policy__WEBPACK_IMPORTED_MODULE_4__/* .defaultPolicy */ .G4)(), source: 'the default policy' };
    }
    return { policy: (0,_shipkit_policy__WEBPACK_IMPORTED_MODULE_4__/* .parsePolicyConfig */ ._A)(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(file, 'utf8'), path), source: path };
}
function check(options, context, effective, source) {
    const { from, to, title } = options;
    if (!from)
        throw new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_3__/* .OptionError */ .eR('from', 'is required by policy check: the head (source) branch.');
    if (!to)
        throw new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_3__/* .OptionError */ .eR('to', 'is required by policy check: the base (target) branch.');
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
    const evaluation = (0,_shipkit_policy__WEBPACK_IMPORTED_MODULE_4__/* .evaluate */ ._3)({ event }, title === undefined ? withoutTitles(effective) : effective);
    if (title === undefined && effective.titles) {
        evaluation.checks = evaluation.checks.map((c) => c.rule === 'titles' ? { ...c, detail: 'no --title given' } : c);
    }
    const exitCode = evaluation.verdict === 'fail' ? _shipkit_runtime__WEBPACK_IMPORTED_MODULE_3__/* .EXIT */ .dc.failed : _shipkit_runtime__WEBPACK_IMPORTED_MODULE_3__/* .EXIT */ .dc.ok;
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
    lines.push((0,_text__WEBPACK_IMPORTED_MODULE_7__/* .textTable */ .e)(['rule', 'result', 'what matched'], evaluation.checks.map((c) => [c.rule, c.status, c.detail])));
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
        return _shipkit_runtime__WEBPACK_IMPORTED_MODULE_3__/* .EXIT */ .dc.ok;
    }
    const rows = (0,_shipkit_policy__WEBPACK_IMPORTED_MODULE_4__/* .describePolicy */ .wy)(effective).map((row) => [row.rule, row.setting, row.value]);
    context.stdout(`Branch policy from ${source}\n\n${(0,_text__WEBPACK_IMPORTED_MODULE_7__/* .textTable */ .e)(['rule', 'setting', 'value'], rows)}`);
    return _shipkit_runtime__WEBPACK_IMPORTED_MODULE_3__/* .EXIT */ .dc.ok;
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
