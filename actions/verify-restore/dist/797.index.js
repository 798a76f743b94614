export const id = 797;
export const ids = [797];
export const modules = {

/***/ 3797:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  VerificationFailedError: () => (/* reexport */ VerificationFailedError),
  runVerify: () => (/* reexport */ run/* runVerify */.R9)
});

// UNUSED EXPORTS: ArchiveStageError, ArchiveTally, FROM_ROWS, LOCATION_ROWS, PARALLEL_PARTS, RESTORE_PARALLELISM, RUN_TIMEOUT, SCRATCH_URI, VERIFY_MODE, archiveAccess, assessDrill, checkFreshness, checkLocation, chooseIdentity, drillFacts, drillMarkdown, failureMessage, headline, identityFor, locateBackup, locationFrom, namespaceRows, onBackup, openBackupArchive, openStoredArchive, parseIdentities, parseOlderChoice, planDrill, reportFacts, reportMarkdown, runCheck, verifyBackup

// EXTERNAL MODULE: ../../packages/mongo/src/restore/staging.ts
var staging = __webpack_require__(6770);
;// CONCATENATED MODULE: ../../packages/verify/src/report.ts

/** Thrown by callers that turn a failed report into a failed step: its message names every problem. */
class VerificationFailedError extends Error {
    report;
    name = 'VerificationFailedError';
    constructor(report) {
        super(failureMessage(report));
        this.report = report;
    }
}
function failureMessage(report) {
    const what = report.mode === 'restore' ? 'Restore check' : `Verification (${report.mode})`;
    const subject = report.backupId ? `backup ${report.backupId}` : report.source;
    const count = report.problems.length;
    const outcomes = report.target?.namespaces;
    return [
        `${what} of ${subject} failed with ${count} problem${count === 1 ? '' : 's'}:`,
        ...report.problems.map((p) => `  - ${p}`),
        ...(outcomes ? [(0,staging/* describeOutcomes */.vl)(outcomes)] : []),
    ].join('\n');
}

// EXTERNAL MODULE: ../../packages/verify/src/run.ts + 7 modules
var run = __webpack_require__(139);
;// CONCATENATED MODULE: ../../packages/verify/src/index.ts
// Verification of backups (integrity: no database; full: restore and compare), the check stages the
// disaster-recovery restore (@shipkit/restore) shares, the restore drill and the freshness gate.














/***/ })

};
