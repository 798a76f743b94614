export const id = 713;
export const ids = [713];
export const modules = {

/***/ 3713:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runVerify: () => (/* reexport safe */ _run__WEBPACK_IMPORTED_MODULE_0__.R9)
/* harmony export */ });
/* harmony import */ var _run__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(139);
// Verification of backups (integrity: no database; full: restore and compare), the check stages the
// disaster-recovery restore (@shipkit/restore) shares, the restore drill and the freshness gate.














/***/ })

};
