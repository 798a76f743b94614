export const id = 259;
export const ids = [259];
export const modules = {

/***/ 9259:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   backup: () => (/* binding */ backup)
/* harmony export */ });
/* harmony import */ var _shipkit_backup__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3453);
/* harmony import */ var _shipkit_backup__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2605);
/* harmony import */ var _shipkit_backup__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(4678);
/* harmony import */ var _shipkit_notify__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6034);
/* harmony import */ var _shipkit_notify__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3403);
/* harmony import */ var _shipkit_retention__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7337);
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(601);
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(770);
/* harmony import */ var _command__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(483);
/* harmony import */ var _notify__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8139);
/* harmony import */ var _text__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(9071);







const backup = (0,_command__WEBPACK_IMPORTED_MODULE_0__/* .command */ .G)({
    name: 'backup',
    usage: '--uri <mongodb-uri> --to <url> [options]',
    options: { ..._shipkit_backup__WEBPACK_IMPORTED_MODULE_1__/* .BACKUP_OPTIONS */ .mT, ..._shipkit_retention__WEBPACK_IMPORTED_MODULE_2__/* .KEEP_ROWS */ .gt, ..._shipkit_notify__WEBPACK_IMPORTED_MODULE_3__/* .NOTIFY_ROWS */ .a },
    details: `
Secrets are best passed through the environment (MONGODB_URI) so they stay out of shell history.
Retention is spelled as in prune: --retention daily=7,weekly=4 or --keep-daily 7 --keep-weekly 4.

Ctrl-C (SIGINT) or SIGTERM stops the backup: the upload is aborted and no manifest is written. A
second signal exits at once. When --timeout passes, every request still waiting is aborted, the error
names what did not answer, and the command ends within seconds whatever the servers do.

The anomaly guard compares each backup with the previous one of the same selection: a namespace
gone, or more than --anomaly-drop percent of the documents gone, is an anomaly. The backup is
kept and records it, the command exits 3 naming each namespace, and until the anomaly is
acknowledged (\`shipkit ack-anomaly --at <url> <backup-id>\`; or --accept-anomaly when taking a
backup right after an intended mass deletion) retention keeps the newest backup from before it.

--notify and --heartbeat tell the outcome to Slack, Teams, a webhook of your own, and a
dead-man's switch; one that cannot be reached is a warning, never a failed backup.`,
    async run({ options }, context) {
        const started = Date.now();
        return (0,_notify__WEBPACK_IMPORTED_MODULE_4__/* .reporting */ .v)(options, context, (error) => (0,_shipkit_notify__WEBPACK_IMPORTED_MODULE_5__/* .failedEvent */ .uG)('backup.failed', error, new Date(), {
            destination: options.destination,
            durationMs: Date.now() - started,
        }), async () => {
            const result = await (0,_shipkit_backup__WEBPACK_IMPORTED_MODULE_6__/* .runBackup */ .Q3)((0,_shipkit_backup__WEBPACK_IMPORTED_MODULE_1__/* .backupOptions */ .fI)(options, context.env), {
                logger: context.logger,
                signal: context.signal,
            });
            const { manifest } = result;
            const event = (0,_shipkit_notify__WEBPACK_IMPORTED_MODULE_5__/* .backupEvent */ .nF)({
                backupId: result.backupId,
                destination: options.destination,
                documents: manifest.totals.documents,
                namespaces: manifest.totals.namespaces,
                bytes: manifest.archive.size,
                durationMs: result.durationMs,
                ...(result.anomaly ? { anomaly: result.anomaly } : {}),
            }, new Date());
            return { code: printBackup(result, context), event };
        });
    },
});
/** Prints what the backup stored and returns the exit code: 3 for an anomaly nobody accepted. */
function printBackup(result, context) {
    const { manifest, anomaly } = result;
    const code = anomaly && !anomaly.acceptedAt ? _shipkit_runtime__WEBPACK_IMPORTED_MODULE_7__/* .EXIT */ .dc.anomaly : _shipkit_runtime__WEBPACK_IMPORTED_MODULE_7__/* .EXIT */ .dc.ok;
    if (code === _shipkit_runtime__WEBPACK_IMPORTED_MODULE_7__/* .EXIT */ .dc.anomaly && anomaly) {
        context.logger.error(`anomaly: backup ${result.backupId} was committed, but the data collapsed: ${(0,_shipkit_backup__WEBPACK_IMPORTED_MODULE_8__/* .describeAnomaly */ .Ng)(anomaly)}. ` +
            'Retention keeps the backup from before it until you acknowledge it with ' +
            `\`shipkit ack-anomaly --at <url> ${result.backupId}\` if the deletion was intended.`);
    }
    if (context.json) {
        context.stdout(`${JSON.stringify({ ...result, manifest: undefined, ...manifestSummary(result) }, null, 2)}\n`);
        return code;
    }
    context.stdout((0,_text__WEBPACK_IMPORTED_MODULE_9__/* .textTable */ .e)(['namespace', 'type', 'documents', 'bytes'], manifest.namespaces.map((ns) => [
        `${ns.db}.${ns.collection}`,
        ns.type,
        (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_10__/* .formatCount */ .B4)(ns.count),
        (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_10__/* .formatBytes */ .z3)(ns.bytes),
    ]), [2, 3]));
    context.stdout(`\nbackup ${result.backupId}: ${(0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_10__/* .formatCount */ .B4)(manifest.totals.documents)} documents in ` +
        `${manifest.totals.namespaces} namespaces, ${(0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_10__/* .formatBytes */ .z3)(manifest.archive.size)} stored ` +
        `(${manifest.archive.compression}${manifest.archive.recipients.length ? ', encrypted' : ''}) in ` +
        `${(0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_10__/* .formatDuration */ .a3)(result.durationMs)}\nmanifest: ${result.manifestUrl}\n`);
    if (result.prune) {
        context.stdout(`retention: kept ${result.prune.kept.length}, removed ${result.prune.removed.length}` +
            `${result.prune.retainedByLock.length ? `, retained by lock ${result.prune.retainedByLock.length}` : ''}` +
            `${result.prune.damaged.length ? `, damaged (kept) ${result.prune.damaged.length}` : ''}\n`);
    }
    if (anomaly) {
        context.stdout(`${anomaly.acceptedAt ? 'anomaly (accepted)' : 'ANOMALY'}: ${(0,_shipkit_backup__WEBPACK_IMPORTED_MODULE_8__/* .describeAnomaly */ .Ng)(anomaly)}\n`);
    }
    return code;
}
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


/***/ })

};
