export const id = 259;
export const ids = [259];
export const modules = {

/***/ 9259:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   backup: () => (/* binding */ backup)
/* harmony export */ });
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(663);
/* harmony import */ var _shipkit_backup__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(94);
/* harmony import */ var _shipkit_retention__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5469);
/* harmony import */ var _command__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(483);
/* harmony import */ var _text__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9071);





const backup = (0,_command__WEBPACK_IMPORTED_MODULE_3__/* .command */ .G)({
    name: 'backup',
    usage: '--uri <mongodb-uri> --to <url> [options]',
    options: { ..._shipkit_backup__WEBPACK_IMPORTED_MODULE_1__/* .BACKUP_OPTIONS */ .mT, ..._shipkit_retention__WEBPACK_IMPORTED_MODULE_2__/* .KEEP_ROWS */ .gt },
    details: `
Secrets are best passed through the environment (MONGODB_URI) so they stay out of shell history.
Retention is spelled as in prune: --retention daily=7,weekly=4 or --keep-daily 7 --keep-weekly 4.

Ctrl-C (SIGINT) or SIGTERM stops the backup: the upload is aborted and no manifest is written. A
second signal exits at once. When --timeout passes, every request still waiting is aborted, the error
names what did not answer, and the command ends within seconds whatever the servers do.`,
    async run({ options }, context) {
        const result = await (0,_shipkit_backup__WEBPACK_IMPORTED_MODULE_1__/* .runBackup */ .Q3)((0,_shipkit_backup__WEBPACK_IMPORTED_MODULE_1__/* .backupOptions */ .fI)(options, context.env), {
            logger: context.logger,
            signal: context.signal,
        });
        const { manifest } = result;
        if (context.json) {
            context.stdout(`${JSON.stringify({ ...result, manifest: undefined, ...manifestSummary(result) }, null, 2)}\n`);
            return _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .EXIT */ .dc.ok;
        }
        context.stdout((0,_text__WEBPACK_IMPORTED_MODULE_4__/* .textTable */ .e)(['namespace', 'type', 'documents', 'bytes'], manifest.namespaces.map((ns) => [
            `${ns.db}.${ns.collection}`,
            ns.type,
            (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .formatCount */ .B4)(ns.count),
            (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .formatBytes */ .z3)(ns.bytes),
        ]), [2, 3]));
        context.stdout(`\nbackup ${result.backupId}: ${(0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .formatCount */ .B4)(manifest.totals.documents)} documents in ` +
            `${manifest.totals.namespaces} namespaces, ${(0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .formatBytes */ .z3)(manifest.archive.size)} stored ` +
            `(${manifest.archive.compression}${manifest.archive.recipients.length ? ', encrypted' : ''}) in ` +
            `${(0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(result.durationMs)}\nmanifest: ${result.manifestUrl}\n`);
        if (result.prune) {
            context.stdout(`retention: kept ${result.prune.kept.length}, removed ${result.prune.removed.length}` +
                `${result.prune.retainedByLock.length ? `, retained by lock ${result.prune.retainedByLock.length}` : ''}` +
                `${result.prune.damaged.length ? `, damaged (kept) ${result.prune.damaged.length}` : ''}\n`);
        }
        return _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .EXIT */ .dc.ok;
    },
});
function manifestSummary(result) {
    const { manifest } = result;
    return {
        bytes: manifest.archive.size,
        documents: manifest.totals.documents,
        collections: manifest.totals.namespaces,
        durationSeconds: Math.round(result.durationMs / 1000),
        namespaces: manifest.namespaces.map((ns) => ({
            namespace: `${ns.db}.${ns.collection}`,
            type: ns.type,
            count: ns.count,
            bytes: ns.bytes,
            contentHash: ns.contentHash,
        })),
    };
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
