export const id = 979;
export const ids = [979];
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

/***/ 1979:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   envCheckCommand: () => (/* binding */ envCheckCommand)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _shipkit_config__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8089);
/* harmony import */ var _shipkit_config__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(630);
/* harmony import */ var _shipkit_config__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(9931);
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6590);
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3832);
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(673);
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(5981);
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(601);
/* harmony import */ var _command__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(483);





/** Problems of the file itself: unreadable lines, repeats, names that are not in the schema. */
function fileProblems(text, template) {
    const parsed = (0,_shipkit_config__WEBPACK_IMPORTED_MODULE_2__/* .parseEnv */ .vc)(text);
    const problems = parsed.problems.map((p) => ({
        variable: p.key ?? `line ${p.line}`,
        line: p.line,
        message: `line ${p.line} ${p.message}`,
    }));
    const warnings = parsed.duplicates.map((key) => ({
        variable: key,
        message: 'is assigned more than once; the last assignment wins',
    }));
    for (const entry of parsed.entries) {
        if (_shipkit_config__WEBPACK_IMPORTED_MODULE_3__/* .VARIABLE_NAMES */ .MK.includes(entry.key))
            continue;
        const near = closestName(entry.key);
        warnings.push({
            variable: entry.key,
            line: entry.line,
            message: `is not part of the configuration schema${near ? ` (did you mean ${near}?)` : ''}`,
        });
    }
    if (template) {
        const listed = new Set(parsed.entries.map((e) => e.key));
        for (const name of _shipkit_config__WEBPACK_IMPORTED_MODULE_3__/* .VARIABLE_NAMES */ .MK) {
            if (!listed.has(name))
                problems.push({ variable: name, message: 'is not listed in the template' });
        }
    }
    return { values: parsed.values, problems, warnings };
}
function closestName(name) {
    return (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_4__/* .closest */ .k)(name.toUpperCase(), _shipkit_config__WEBPACK_IMPORTED_MODULE_3__/* .VARIABLE_NAMES */ .MK);
}
function line(symbol, problem) {
    const expected = problem.expected ? ` — expected ${problem.expected}` : '';
    return `  ${symbol} ${problem.variable}: ${problem.message}${expected}\n`;
}
const envCheckCommand = (0,_command__WEBPACK_IMPORTED_MODULE_5__/* .command */ .G)({
    name: 'env-check',
    usage: '[--file <path>] [--target all|github|render] [--template]',
    options: {
        file: (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_6__/* .textRow */ .yL)({ description: 'A .env file to check. Default: the environment.', placeholder: '<path>' }),
        target: (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_6__/* .enumRow */ .QR)(_shipkit_config__WEBPACK_IMPORTED_MODULE_7__/* .TARGETS */ .dW, {
            description: 'Which variables: all, those the GitHub workflows read, or the Render service’s.',
            default: 'all',
        }),
        template: (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_6__/* .booleanRow */ .HP)({
            description: 'The file is a template such as .env.example: every variable listed, example values allowed.',
            default: 'false',
        }),
    },
    details: `
Reports every problem at once, each with the variable's name and what is expected, and exits 1 when
there is any. No value is ever printed, not even in part.

Examples:
  shipkit env-check --file .env
  shipkit env-check --target github            # in a workflow step, with the secrets in env:
  shipkit env-check --file .env.example --template`,
    async run({ options }, context) {
        const { target, template, file } = options;
        let values;
        const extraProblems = [];
        const extraWarnings = [];
        if (file !== undefined) {
            let text;
            try {
                text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(context.cwd, file), 'utf8');
            }
            catch {
                throw new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_8__/* .OptionError */ .eR('file', `names ${file}, which cannot be read: give the path of a .env file.`);
            }
            const fromFile = fileProblems(text, template);
            values = fromFile.values;
            extraProblems.push(...fromFile.problems);
            extraWarnings.push(...fromFile.warnings);
            // Messages never quote values; the redactor is the second line of defence for anything secret
            // (secrets of the schema, and whatever unknown keys hold).
            const secretNames = new Set(_shipkit_config__WEBPACK_IMPORTED_MODULE_3__/* .VARIABLES */ .ut.filter((v) => v.secret).map((v) => v.name));
            for (const [key, value] of Object.entries(fromFile.values)) {
                if (secretNames.has(key) || !_shipkit_config__WEBPACK_IMPORTED_MODULE_3__/* .VARIABLE_NAMES */ .MK.includes(key))
                    context.redactor.add(value);
            }
        }
        else {
            if (template)
                throw _shipkit_runtime__WEBPACK_IMPORTED_MODULE_8__/* .OptionError */ .eR.saying((0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_9__/* .say */ .cv) `${(0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_9__/* .ref */ .KR)('template')} needs ${(0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_9__/* .ref */ .KR)('file')}: the environment is not a template.`);
            values = context.env;
            for (const spec of _shipkit_config__WEBPACK_IMPORTED_MODULE_3__/* .VARIABLES */ .ut)
                if (spec.secret)
                    context.redactor.add(context.env[spec.name]);
        }
        const result = await (0,_shipkit_config__WEBPACK_IMPORTED_MODULE_7__/* .checkInstanceConfig */ .Mq)(values, { target, template });
        const report = {
            ...result,
            ok: result.ok && extraProblems.length === 0,
            problems: [...extraProblems, ...result.problems],
            warnings: [...extraWarnings, ...result.warnings],
            source: file === undefined ? 'environment' : 'file',
            ...(file === undefined ? {} : { file }),
            target,
        };
        if (context.json) {
            context.stdout(`${JSON.stringify(report, null, 2)}\n`);
            return report.ok ? _shipkit_runtime__WEBPACK_IMPORTED_MODULE_10__/* .EXIT */ .dc.ok : _shipkit_runtime__WEBPACK_IMPORTED_MODULE_10__/* .EXIT */ .dc.failed;
        }
        const where = file ?? 'the environment';
        const scope = target === 'all' ? '' : ` (${target} variables)`;
        if (report.ok) {
            context.stdout(`${where}${scope}: ${report.checked.length} variables checked, no problems\n`);
        }
        else {
            const count = report.problems.length;
            context.stdout(`${where}${scope}: ${count} ${count === 1 ? 'problem' : 'problems'}\n`);
            for (const problem of report.problems)
                context.stdout(line('✗', problem));
        }
        if (report.warnings.length > 0) {
            context.stdout(`${report.warnings.length} ${report.warnings.length === 1 ? 'warning' : 'warnings'}:\n`);
            for (const warning of report.warnings)
                context.stdout(line('!', warning));
        }
        return report.ok ? _shipkit_runtime__WEBPACK_IMPORTED_MODULE_10__/* .EXIT */ .dc.ok : _shipkit_runtime__WEBPACK_IMPORTED_MODULE_10__/* .EXIT */ .dc.failed;
    },
});


/***/ })

};
