export const id = 846;
export const ids = [846];
export const modules = {

/***/ 9846:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AtlasClient: () => (/* reexport safe */ _client__WEBPACK_IMPORTED_MODULE_0__.l),
/* harmony export */   realAtlasDeps: () => (/* reexport safe */ _http__WEBPACK_IMPORTED_MODULE_1__.QM)
/* harmony export */ });
/* harmony import */ var _client__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1603);
/* harmony import */ var _http__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8928);















/***/ })

};
