export const id = 100;
export const ids = [100];
export const modules = {

/***/ 1100:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ACCEPTED_STORAGE_URLS: () => (/* reexport safe */ _url__WEBPACK_IMPORTED_MODULE_5__.dc),
/* harmony export */   DEFAULT_PARTS_IN_FLIGHT: () => (/* reexport safe */ _part_size__WEBPACK_IMPORTED_MODULE_4__.CT),
/* harmony export */   DEFAULT_PART_SIZE: () => (/* reexport safe */ _part_size__WEBPACK_IMPORTED_MODULE_4__.US),
/* harmony export */   DestinationWriteError: () => (/* reexport safe */ _errors__WEBPACK_IMPORTED_MODULE_0__.Mb),
/* harmony export */   FileStorage: () => (/* reexport safe */ _file_storage__WEBPACK_IMPORTED_MODULE_1__.E),
/* harmony export */   MAX_PARTS: () => (/* reexport safe */ _part_size__WEBPACK_IMPORTED_MODULE_4__.kz),
/* harmony export */   MAX_PART_SIZE: () => (/* reexport safe */ _part_size__WEBPACK_IMPORTED_MODULE_4__.Tp),
/* harmony export */   MIN_PART_SIZE: () => (/* reexport safe */ _part_size__WEBPACK_IMPORTED_MODULE_4__.fq),
/* harmony export */   ObjectExistsError: () => (/* reexport safe */ _errors__WEBPACK_IMPORTED_MODULE_0__.qs),
/* harmony export */   ObjectNotFoundError: () => (/* reexport safe */ _errors__WEBPACK_IMPORTED_MODULE_0__.d_),
/* harmony export */   RetainedByLockError: () => (/* reexport safe */ _errors__WEBPACK_IMPORTED_MODULE_0__.j0),
/* harmony export */   checkKey: () => (/* reexport safe */ _keys__WEBPACK_IMPORTED_MODULE_2__.yR),
/* harmony export */   formatStorageUrl: () => (/* reexport safe */ _url__WEBPACK_IMPORTED_MODULE_5__.EZ),
/* harmony export */   openStorage: () => (/* reexport safe */ _open__WEBPACK_IMPORTED_MODULE_3__.G),
/* harmony export */   parseStorageUrl: () => (/* reexport safe */ _url__WEBPACK_IMPORTED_MODULE_5__.Yu),
/* harmony export */   partSizeFor: () => (/* reexport safe */ _part_size__WEBPACK_IMPORTED_MODULE_4__.oV)
/* harmony export */ });
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1909);
/* harmony import */ var _file_storage__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3220);
/* harmony import */ var _keys__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4534);
/* harmony import */ var _open__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6403);
/* harmony import */ var _part_size__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4869);
/* harmony import */ var _url__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(569);








/***/ })

};
