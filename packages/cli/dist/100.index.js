export const id = 100;
export const ids = [100];
export const modules = {

/***/ 1909:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Mb: () => (/* binding */ DestinationWriteError),
/* harmony export */   d_: () => (/* binding */ ObjectNotFoundError),
/* harmony export */   j0: () => (/* binding */ RetainedByLockError),
/* harmony export */   qs: () => (/* binding */ ObjectExistsError)
/* harmony export */ });
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3422);

/** The object is protected by Object Lock (retention or legal hold): prune reports it as "retained by lock". */
class RetainedByLockError extends _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y {
    key;
    url;
    name = 'RetainedByLockError';
    constructor(key, url, detail) {
        super(`${url} is retained by Object Lock and cannot be deleted yet (${detail}).`);
        this.key = key;
        this.url = url;
    }
}
/** A conditional put found the key already there: another run (or an earlier one) wrote it. */
class ObjectExistsError extends _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y {
    key;
    url;
    name = 'ObjectExistsError';
    constructor(key, url) {
        super(`${url} already exists, so it was not replaced; another run may be writing the same backup.`);
        this.key = key;
        this.url = url;
    }
}
class ObjectNotFoundError extends _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y {
    key;
    url;
    name = 'ObjectNotFoundError';
    constructor(key, url) {
        super(`${url} does not exist.`);
        this.key = key;
        this.url = url;
    }
}
const REMEDIES = {
    full: 'Free space there (or raise its quota), or choose another destination.',
    'too-large': "Raise the store's object size limit (or its part size), or choose another destination.",
    'read-only': 'Make it writable (mount it read-write), or choose another destination.',
    'not-writable': 'Give the user (or the storage credentials) running shipkit permission to write there, or choose another destination.',
};
const STATES = {
    full: 'is full',
    'too-large': 'refuses an object this large',
    'read-only': 'is read-only',
    'not-writable': 'is not writable',
};
/**
 * A destination that cannot take a write: full, read-only, not writable, or refusing the object's size.
 * The one place that words these for every backend (file:// errno codes, S3 error codes), naming the
 * destination by its URL, which never holds credentials.
 */
class DestinationWriteError extends _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y {
    kind;
    destination;
    key;
    detail;
    name = 'DestinationWriteError';
    constructor(kind, 
    /** The destination's URL, e.g. `file:///backups` or `s3://bucket/prefix`. */
    destination, 
    /** What was being written, relative to the destination. */
    key, 
    /** The store's own word for it, e.g. `no space left on device, ENOSPC` or `AccessDenied, HTTP 403`. */
    detail) {
        super(`The destination ${destination} ${STATES[kind]} (${detail}) while writing ${key}. ${REMEDIES[kind]}`);
        this.kind = kind;
        this.destination = destination;
        this.key = key;
        this.detail = detail;
    }
}


/***/ }),

/***/ 1100:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ACCEPTED_STORAGE_URLS: () => (/* reexport safe */ _url__WEBPACK_IMPORTED_MODULE_6__.dc),
/* harmony export */   DEFAULT_PARTS_IN_FLIGHT: () => (/* reexport safe */ _part_size__WEBPACK_IMPORTED_MODULE_5__.CT),
/* harmony export */   DEFAULT_PART_SIZE: () => (/* reexport safe */ _part_size__WEBPACK_IMPORTED_MODULE_5__.US),
/* harmony export */   DestinationWriteError: () => (/* reexport safe */ _errors__WEBPACK_IMPORTED_MODULE_0__.Mb),
/* harmony export */   FileStorage: () => (/* reexport safe */ _file_storage__WEBPACK_IMPORTED_MODULE_1__.E),
/* harmony export */   MAX_PARTS: () => (/* reexport safe */ _part_size__WEBPACK_IMPORTED_MODULE_5__.kz),
/* harmony export */   MAX_PART_SIZE: () => (/* reexport safe */ _part_size__WEBPACK_IMPORTED_MODULE_5__.Tp),
/* harmony export */   MIN_PART_SIZE: () => (/* reexport safe */ _part_size__WEBPACK_IMPORTED_MODULE_5__.fq),
/* harmony export */   ObjectExistsError: () => (/* reexport safe */ _errors__WEBPACK_IMPORTED_MODULE_0__.qs),
/* harmony export */   ObjectNotFoundError: () => (/* reexport safe */ _errors__WEBPACK_IMPORTED_MODULE_0__.d_),
/* harmony export */   RetainedByLockError: () => (/* reexport safe */ _errors__WEBPACK_IMPORTED_MODULE_0__.j0),
/* harmony export */   S3_ROWS: () => (/* reexport safe */ _options__WEBPACK_IMPORTED_MODULE_4__.x),
/* harmony export */   checkKey: () => (/* reexport safe */ _keys__WEBPACK_IMPORTED_MODULE_2__.yR),
/* harmony export */   formatStorageUrl: () => (/* reexport safe */ _url__WEBPACK_IMPORTED_MODULE_6__.EZ),
/* harmony export */   openStorage: () => (/* reexport safe */ _open__WEBPACK_IMPORTED_MODULE_3__.G),
/* harmony export */   parseStorageUrl: () => (/* reexport safe */ _url__WEBPACK_IMPORTED_MODULE_6__.Yu),
/* harmony export */   partSizeFor: () => (/* reexport safe */ _part_size__WEBPACK_IMPORTED_MODULE_5__.oV),
/* harmony export */   s3Options: () => (/* reexport safe */ _options__WEBPACK_IMPORTED_MODULE_4__.h)
/* harmony export */ });
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1909);
/* harmony import */ var _file_storage__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3220);
/* harmony import */ var _keys__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4534);
/* harmony import */ var _open__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6403);
/* harmony import */ var _options__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2914);
/* harmony import */ var _part_size__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4869);
/* harmony import */ var _url__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(569);









/***/ })

};
