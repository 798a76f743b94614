export const id = 105;
export const ids = [105];
export const modules = {

/***/ 1486:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   backupSeeder: () => (/* binding */ backupSeeder)
/* harmony export */ });
/* harmony import */ var _shipkit_action_kit__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8691);
/* harmony import */ var _shipkit_verify__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8951);
/* harmony import */ var _shipkit_verify__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8270);
/* harmony import */ var _shipkit_verify__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7903);


/**
 * Seeds a client's database from a template backup (a backup folder of this suite or a bare mongodump
 * archive): its one database is restored under the client's name, checked against the backup, and
 * nothing else is touched. A client database that already holds those collections is refused.
 */
function backupSeeder(deps) {
    return {
        async seed({ from, uri, database, logger }) {
            const source = await (0,_shipkit_verify__WEBPACK_IMPORTED_MODULE_0__/* .locateBackup */ .T)({ backup: from }, deps.openStorage);
            const access = deps.identity ? { identity: deps.identity, identityInput: 'SEED_AGE_IDENTITY' } : {};
            const client = await deps.connect(uri);
            try {
                const plan = await (0,_shipkit_verify__WEBPACK_IMPORTED_MODULE_1__/* .planBackupRestore */ .mD)(source, access, client);
                const databases = [...new Set(plan.namespaces.map((n) => n.source.db))];
                if (databases.length !== 1) {
                    throw new _shipkit_action_kit__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .y(`--seed-from must name a backup of one template database; ${source.url} holds ` +
                        `${databases.length === 0 ? 'none' : `${databases.length} (${databases.join(', ')})`}.`);
                }
                const template = databases[0];
                const report = await (0,_shipkit_verify__WEBPACK_IMPORTED_MODULE_1__/* .restoreBackup */ .dH)(source, {
                    ...access,
                    include: [`${template}.*`],
                    renames: [{ from: `${template}.*`, to: `${database}.*` }],
                    record: false,
                }, client, { logger });
                if (report.result !== 'passed')
                    throw new _shipkit_action_kit__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .y(`Seeding ${database} failed: ${(0,_shipkit_verify__WEBPACK_IMPORTED_MODULE_3__/* .failureMessage */ .o)(report)}`);
                return {
                    sourceDatabase: template,
                    collections: report.totals.namespaces,
                    documents: report.totals.restoredDocuments ?? report.totals.documents,
                };
            }
            finally {
                await client.close();
            }
        },
    };
}


/***/ })

};
