export const id = 667;
export const ids = [667];
export const modules = {

/***/ 4667:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   checkFreshnessCommand: () => (/* binding */ checkFreshnessCommand)
/* harmony export */ });
/* harmony import */ var _shipkit_backup__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9988);
/* harmony import */ var _shipkit_storage__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5927);
/* harmony import */ var _shipkit_verify__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9806);
/* harmony import */ var _inputs__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1601);
/* harmony import */ var _backup__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9259);





const checkFreshnessCommand = {
    name: 'check-freshness',
    usage: '--at <url> --max-age <duration> [--require-verified]',
    options: {
        at: {
            type: 'string',
            value: '<url>',
            description: 's3://bucket/prefix or file:///path (env BACKUP_DESTINATION)',
        },
        'max-age': { type: 'string', value: '<duration>', description: 'e.g. 26h for a nightly backup' },
        'require-verified': { type: 'boolean', description: 'only backups with a passing verification count' },
        ..._backup__WEBPACK_IMPORTED_MODULE_4__.S3_OPTIONS,
    },
    details: `
For deploy gates and a watchdog workflow: scheduled workflows stop silently (GitHub disables them
after 60 days without activity), so check the backups rather than trust the schedule.
Exit code 0: fresh; 1: no qualifying backup, or the newest is too old.

Example:
  shipkit check-freshness --at s3://acme-backups/shop --max-age 26h --require-verified`,
    async run(args, context) {
        const inputs = (0,_inputs__WEBPACK_IMPORTED_MODULE_3__/* .optionInputs */ .t)(args, context.env, {
            aliases: { at: 'destination' },
            envFallbacks: { destination: 'BACKUP_DESTINATION', ..._backup__WEBPACK_IMPORTED_MODULE_4__.STORAGE_ENV },
        });
        const url = inputs.required('destination');
        inputs.required('max-age');
        const maxAgeMs = inputs.duration('max-age', 0);
        const storage = (0,_shipkit_storage__WEBPACK_IMPORTED_MODULE_1__.openStorage)(url, { s3: (0,_shipkit_backup__WEBPACK_IMPORTED_MODULE_0__/* .s3OptionsFromInputs */ .mD)(inputs, context.env) });
        try {
            const result = await (0,_shipkit_verify__WEBPACK_IMPORTED_MODULE_2__/* .checkFreshness */ .IW)(storage, {
                maxAgeMs,
                requireVerified: inputs.boolean('require-verified', false),
            });
            if (context.json)
                context.stdout(`${JSON.stringify(result, null, 2)}\n`);
            else
                context.stdout(`${result.fresh ? 'fresh' : 'STALE'}: ${result.message}\n`);
            return result.fresh ? 0 : 1;
        }
        finally {
            await storage.close();
        }
    },
};


/***/ })

};
