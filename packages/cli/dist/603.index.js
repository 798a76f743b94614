export const id = 603;
export const ids = [603];
export const modules = {

/***/ 7882:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DJ: () => (/* binding */ credentialSecrets),
/* harmony export */   R2: () => (/* binding */ parseDigestChallenge),
/* harmony export */   a7: () => (/* binding */ digestAuthorization),
/* harmony export */   tB: () => (/* binding */ basicAuth),
/* harmony export */   yT: () => (/* binding */ tokenIsFresh)
/* harmony export */ });
/* unused harmony export TOKEN_RENEW_MARGIN_MS */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

/** Every value of the credentials that must never be shown: the edge registers them with its redactor. */
function credentialSecrets(credentials) {
    return credentials.kind === 'service-account'
        ? [credentials.clientSecret, basicAuth(credentials.clientId, credentials.clientSecret)]
        : [credentials.privateKey];
}
function basicAuth(user, password) {
    return Buffer.from(`${user}:${password}`).toString('base64');
}
/** Renew a token this long before it expires, or at 10% of its lifetime when that is longer. */
const TOKEN_RENEW_MARGIN_MS = 60_000;
/** Whether a cached token is still good for a request sent at `now`. */
function tokenIsFresh(token, now, lifetimeMs) {
    if (!token)
        return false;
    const margin = Math.max(TOKEN_RENEW_MARGIN_MS, lifetimeMs / 10);
    return token.expiresAt - now > margin;
}
/** The Digest challenge in a `WWW-Authenticate` header, or undefined when there is none. */
function parseDigestChallenge(header) {
    if (!header || !/^\s*Digest\s/i.test(header))
        return undefined;
    const params = {};
    for (const match of header.replace(/^\s*Digest\s+/i, '').matchAll(/([a-zA-Z]+)=(?:"([^"]*)"|([^,\s]*))/g)) {
        params[(match[1] ?? '').toLowerCase()] = match[2] ?? match[3] ?? '';
    }
    if (params.realm === undefined || !params.nonce)
        return undefined;
    return {
        realm: params.realm,
        nonce: params.nonce,
        ...(params.qop ? { qop: params.qop } : {}),
        ...(params.opaque ? { opaque: params.opaque } : {}),
        ...(params.algorithm ? { algorithm: params.algorithm } : {}),
        stale: /^true$/i.test(params.stale ?? ''),
    };
}
const md5 = (text) => (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('md5').update(text).digest('hex');
/**
 * The `Authorization` header answering a Digest challenge (RFC 7616 with MD5 and qop=auth, which is what
 * Atlas asks for). `nc` counts the uses of the challenge's nonce.
 */
function digestAuthorization(challenge, request) {
    const qop = challenge.qop
        ?.split(',')
        .map((q) => q.trim())
        .includes('auth')
        ? 'auth'
        : undefined;
    const nc = request.nc.toString(16).padStart(8, '0');
    const cnonce = request.cnonce ?? (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(8).toString('hex');
    const ha1 = md5(`${request.username}:${challenge.realm}:${request.password}`);
    const ha2 = md5(`${request.method}:${request.uri}`);
    const response = qop
        ? md5(`${ha1}:${challenge.nonce}:${nc}:${cnonce}:${qop}:${ha2}`)
        : md5(`${ha1}:${challenge.nonce}:${ha2}`);
    const fields = [
        `username="${request.username}"`,
        `realm="${challenge.realm}"`,
        `nonce="${challenge.nonce}"`,
        `uri="${request.uri}"`,
        `response="${response}"`,
        ...(challenge.algorithm ? [`algorithm=${challenge.algorithm}`] : []),
        ...(challenge.opaque ? [`opaque="${challenge.opaque}"`] : []),
        ...(qop ? [`qop=${qop}`, `nc=${nc}`, `cnonce="${cnonce}"`] : []),
    ];
    return `Digest ${fields.join(', ')}`;
}


/***/ }),

/***/ 1603:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  l: () => (/* binding */ AtlasClient)
});

// EXTERNAL MODULE: ../../node_modules/zod/v4/classic/schemas.js + 6 modules
var schemas = __webpack_require__(7821);
// EXTERNAL MODULE: ../atlas/src/errors.ts
var errors = __webpack_require__(1395);
// EXTERNAL MODULE: ../atlas/src/http.ts
var http = __webpack_require__(8928);
// EXTERNAL MODULE: ../runtime/src/errors.ts
var src_errors = __webpack_require__(3422);
;// CONCATENATED MODULE: ../atlas/src/once.ts


/** Atlas lists what it accepted at once; a few looks a little apart cover a slow answer. */
const RECONCILE_LOOKS = 3;
const RECONCILE_INTERVAL_MS = 2_000;
/**
 * Sends a request that creates something (an on-demand snapshot, an export job, a restore job, a database
 * user) so that it creates at most one. Failures Atlas certainly did not act on are retried by the
 * transport (see `mayResend`). After one it may have acted on (a 5xx, a timeout, a dropped connection),
 * `find` looks for what the request created and that is adopted; only when nothing appears is the request
 * sent again, with the attempts left. When looking fails, it stops rather than risk a second one.
 */
async function createOnce(request) {
    const { policy, deps } = request;
    let used = 0;
    for (;;) {
        try {
            return {
                value: await request.send({ ...policy, attempts: policy.attempts - used }),
                reconciled: false,
            };
        }
        catch (thrown) {
            if (!(thrown instanceof errors/* AtlasMaybeReceivedError */.tf))
                throw thrown;
            used += thrown.attempts;
            let found;
            try {
                found = await look(request.find, deps);
            }
            catch (listing) {
                throw new errors/* AtlasApiError */.y1(`${thrown.message} Could not check whether Atlas created a ${request.thing} (${(0,src_errors/* errorMessage */.g)(listing)}), so the request is not sent again: check the cluster's Backup page in Atlas.`, thrown.status, thrown.errorCode);
            }
            if (found !== undefined) {
                deps.logger.info(`${thrown.message} Atlas did create the ${request.thing}: following that one.`);
                return { value: found, reconciled: true };
            }
            if (used >= policy.attempts) {
                throw new errors/* AtlasApiError */.y1(`${thrown.message} No ${request.thing} appeared after ${used} attempts; giving up.`, thrown.status, thrown.errorCode);
            }
            deps.logger.info(`${thrown.message} No ${request.thing} appeared since, so Atlas did not act on it: sending it again.`);
        }
    }
}
async function look(find, deps) {
    for (let attempt = 1;; attempt++) {
        const found = await find();
        if (found !== undefined || attempt >= RECONCILE_LOOKS)
            return found;
        await deps.sleep(RECONCILE_INTERVAL_MS);
    }
}

// EXTERNAL MODULE: ../atlas/src/tier.ts
var src_tier = __webpack_require__(8436);
;// CONCATENATED MODULE: ../atlas/src/client.ts





/** Largest page Atlas serves. */
const PAGE_SIZE = 500;
/** A list longer than this many pages is not a backup list: stop rather than loop. */
const MAX_PAGES = 40;
const FLEX_CLUSTER_IN_CLUSTER_API = 'CANNOT_USE_FLEX_CLUSTER_IN_CLUSTER_API';
const iso = schemas/* string */.YjP().optional();
const policyItemSchema = schemas/* looseObject */._H3({
    frequencyType: schemas/* string */.YjP(),
    frequencyInterval: schemas/* number */.aig(),
    retentionUnit: schemas/* string */.YjP(),
    retentionValue: schemas/* number */.aig(),
});
const clusterSchema = schemas/* looseObject */._H3({
    name: schemas/* string */.YjP().optional(),
    backupEnabled: schemas/* boolean */.zMY().optional(),
    pitEnabled: schemas/* boolean */.zMY().optional(),
    mongoDBVersion: schemas/* string */.YjP().optional(),
    connectionStrings: schemas/* looseObject */._H3({ standardSrv: schemas/* string */.YjP().optional(), standard: schemas/* string */.YjP().optional() })
        .optional(),
    replicationSpecs: schemas/* array */.YOg(schemas/* looseObject */._H3({
        regionConfigs: schemas/* array */.YOg(schemas/* looseObject */._H3({
            providerName: schemas/* string */.YjP().optional(),
            electableSpecs: schemas/* looseObject */._H3({ instanceSize: schemas/* string */.YjP().optional() }).optional(),
        }))
            .optional(),
    }))
        .optional(),
});
const flexClusterSchema = schemas/* looseObject */._H3({
    name: schemas/* string */.YjP().optional(),
    mongoDBVersion: schemas/* string */.YjP().optional(),
    connectionStrings: schemas/* looseObject */._H3({ standardSrv: schemas/* string */.YjP().optional(), standard: schemas/* string */.YjP().optional() })
        .optional(),
});
const snapshotSchema = schemas/* looseObject */._H3({
    id: schemas/* string */.YjP().min(1),
    status: schemas/* string */.YjP().optional(),
    snapshotType: schemas/* string */.YjP().optional(),
    createdAt: iso,
    expiresAt: iso,
    description: schemas/* string */.YjP().optional(),
    storageSizeBytes: schemas/* number */.aig().optional(),
    mongodVersion: schemas/* string */.YjP().optional(),
    frequencyType: schemas/* string */.YjP().optional(),
});
const flexSnapshotSchema = schemas/* looseObject */._H3({
    id: schemas/* string */.YjP().min(1),
    status: schemas/* string */.YjP().optional(),
    startTime: iso,
    finishTime: iso,
    scheduledTime: iso,
    expiration: iso,
    mongoDBVersion: schemas/* string */.YjP().optional(),
});
const exportSchema = schemas/* looseObject */._H3({
    id: schemas/* string */.YjP().min(1),
    state: schemas/* string */.YjP().optional(),
    snapshotId: schemas/* string */.YjP().optional(),
    exportBucketId: schemas/* string */.YjP().optional(),
    prefix: schemas/* string */.YjP().optional(),
    createdAt: iso,
    finishedAt: iso,
    exportStatus: schemas/* looseObject */._H3({ exportedCollections: schemas/* number */.aig().optional(), totalCollections: schemas/* number */.aig().optional() })
        .optional(),
    stateReason: schemas/* looseObject */._H3({ errorCode: schemas/* string */.YjP().optional(), message: schemas/* string */.YjP().optional() }).optional(),
    customData: schemas/* array */.YOg(schemas/* looseObject */._H3({ key: schemas/* string */.YjP(), value: schemas/* string */.YjP() })).optional(),
});
const exportBucketSchema = schemas/* looseObject */._H3({
    _id: schemas/* string */.YjP().min(1),
    bucketName: schemas/* string */.YjP(),
    cloudProvider: schemas/* string */.YjP().optional(),
});
const restoreSchema = schemas/* looseObject */._H3({
    id: schemas/* string */.YjP().min(1),
    deliveryType: schemas/* string */.YjP().optional(),
    snapshotId: schemas/* string */.YjP().optional(),
    targetClusterName: schemas/* string */.YjP().optional(),
    targetGroupId: schemas/* string */.YjP().optional(),
    pointInTimeUTCSeconds: schemas/* number */.aig().optional(),
    cancelled: schemas/* boolean */.zMY().optional(),
    failed: schemas/* boolean */.zMY().optional(),
    expired: schemas/* boolean */.zMY().optional(),
    finishedAt: iso,
});
const flexRestoreSchema = schemas/* looseObject */._H3({
    id: schemas/* string */.YjP().min(1),
    status: schemas/* string */.YjP().optional(),
    snapshotId: schemas/* string */.YjP().optional(),
    targetDeploymentItemName: schemas/* string */.YjP().optional(),
    targetProjectId: schemas/* string */.YjP().optional(),
    restoreFinishedDate: iso,
    deliveryType: schemas/* string */.YjP().optional(),
});
const scheduleSchema = schemas/* looseObject */._H3({
    referenceHourOfDay: schemas/* number */.aig().optional(),
    referenceMinuteOfHour: schemas/* number */.aig().optional(),
    restoreWindowDays: schemas/* number */.aig().optional(),
    autoExportEnabled: schemas/* boolean */.zMY().optional(),
    export: schemas/* looseObject */._H3({ exportBucketId: schemas/* string */.YjP().optional(), frequencyType: schemas/* string */.YjP().optional() })
        .optional(),
    useOrgAndGroupNamesInExportPrefix: schemas/* boolean */.zMY().optional(),
    copySettings: schemas/* array */.YOg(schemas/* unknown */.L5J()).optional(),
    nextSnapshot: iso,
    policies: schemas/* array */.YOg(schemas/* looseObject */._H3({ policyItems: schemas/* array */.YOg(policyItemSchema).optional() })).optional(),
});
const complianceSchema = schemas/* looseObject */._H3({
    state: schemas/* string */.YjP().optional(),
    authorizedEmail: schemas/* string */.YjP().optional(),
    copyProtectionEnabled: schemas/* boolean */.zMY().optional(),
    encryptionAtRestEnabled: schemas/* boolean */.zMY().optional(),
    pitEnabled: schemas/* boolean */.zMY().optional(),
    restoreWindowDays: schemas/* number */.aig().optional(),
    scheduledPolicyItems: schemas/* array */.YOg(policyItemSchema).optional(),
    onDemandPolicyItem: policyItemSchema.optional(),
});
const roleSchema = schemas/* looseObject */._H3({
    roleName: schemas/* string */.YjP(),
    databaseName: schemas/* string */.YjP(),
    collectionName: schemas/* string */.YjP().optional(),
});
const userSchema = schemas/* looseObject */._H3({
    username: schemas/* string */.YjP(),
    databaseName: schemas/* string */.YjP().optional(),
    roles: schemas/* array */.YOg(roleSchema).optional(),
    scopes: schemas/* array */.YOg(schemas/* looseObject */._H3({ name: schemas/* string */.YjP(), type: schemas/* string */.YjP() })).optional(),
});
const pageSchema = schemas/* looseObject */._H3({
    results: schemas/* array */.YOg(schemas/* unknown */.L5J()).optional(),
    totalCount: schemas/* number */.aig().optional(),
});
/** Typed client for the Cloud Backup endpoints of the Atlas Administration API v2. */
class AtlasClient {
    transport;
    constructor(options, deps = {}) {
        const transport = {
            credentials: options.credentials,
            ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
            ...(options.credentialSource ? { credentialSource: options.credentialSource } : {}),
            ...(options.retry ? { retry: options.retry } : {}),
            ...(options.signal ? { signal: options.signal } : {}),
            ...(options.deadline === undefined ? {} : { deadline: options.deadline }),
            ...(options.onSecret ? { onSecret: options.onSecret } : {}),
        };
        this.transport = new http/* AtlasTransport */.ly(transport, { ...(0,http/* realAtlasDeps */.QM)(options.signal), ...deps });
    }
    get deps() {
        return this.transport.deps;
    }
    /**
     * The cluster's tier from its description; a Flex cluster, which the cluster API refuses, is read through
     * the Flex API instead.
     */
    async getTier(projectId, cluster) {
        const target = (0,src_tier/* describeCluster */.K$)({ projectId, cluster });
        try {
            const body = await this.call({
                method: 'GET',
                path: clusterPath(projectId, cluster),
                version: http/* API_VERSIONS */.Bo.cluster,
                what: `read ${target}`,
                role: 'Project Read Only',
            });
            return (0,src_tier/* tierOf */.kx)(projectId, cluster, parse(clusterSchema, body, 'cluster description'));
        }
        catch (error) {
            if (!(error instanceof errors/* AtlasApiError */.y1) || error.errorCode !== FLEX_CLUSTER_IN_CLUSTER_API)
                throw error;
        }
        const body = await this.call({
            method: 'GET',
            path: flexPath(projectId, cluster),
            version: http/* API_VERSIONS */.Bo.flex,
            what: `read Flex ${target}`,
            role: 'Project Read Only',
        });
        const flex = parse(flexClusterSchema, body, 'Flex cluster description');
        return (0,src_tier/* flexTier */.OH)(projectId, cluster, {
            ...(flex.mongoDBVersion ? { mongoDBVersion: flex.mongoDBVersion } : {}),
            ...(flex.connectionStrings
                ? {
                    connectionStrings: definedRecord({
                        standardSrv: flex.connectionStrings.standardSrv,
                        standard: flex.connectionStrings.standard,
                    }),
                }
                : {}),
        });
    }
    /** Whether the project's latest changes (a new database user…) reached the cluster: `PENDING` or `APPLIED`. */
    async clusterChangeStatus(projectId, cluster) {
        const body = await this.call({
            method: 'GET',
            path: `${clusterPath(projectId, cluster)}/status`,
            version: http/* API_VERSIONS */.Bo.clusterStatus,
            what: `read the change status of ${(0,src_tier/* describeCluster */.K$)({ projectId, cluster })}`,
            role: 'Project Read Only',
        });
        return parse(schemas/* looseObject */._H3({ changeStatus: schemas/* string */.YjP() }), body, 'cluster status').changeStatus;
    }
    /** Every snapshot of the cluster, newest first (Flex clusters: their daily snapshots). */
    async listSnapshots(tier) {
        const what = `list the snapshots of ${(0,src_tier/* describeCluster */.K$)(tier)}`;
        const snapshots = tier.kind === 'flex'
            ? (await this.list({
                method: 'GET',
                path: `${flexPath(tier.projectId, tier.cluster)}/backup/snapshots`,
                version: http/* API_VERSIONS */.Bo.flex,
                what,
                role: 'Project Read Only',
            })).map((item) => toFlexSnapshot(parse(flexSnapshotSchema, item, 'Flex snapshot')))
            : (await this.list({
                method: 'GET',
                path: `${clusterPath(tier.projectId, tier.cluster)}/backup/snapshots`,
                version: http/* API_VERSIONS */.Bo.snapshots,
                what,
                role: 'Project Read Only',
            })).map((item) => toSnapshot(parse(snapshotSchema, item, 'snapshot')));
        return snapshots.sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''));
    }
    async getSnapshot(tier, snapshotId) {
        const what = `read snapshot ${snapshotId} of ${(0,src_tier/* describeCluster */.K$)(tier)}`;
        if (tier.kind === 'flex') {
            const body = await this.call({
                method: 'GET',
                path: `${flexPath(tier.projectId, tier.cluster)}/backup/snapshots/${encodeURIComponent(snapshotId)}`,
                version: http/* API_VERSIONS */.Bo.flex,
                what,
                role: 'Project Read Only',
            });
            return toFlexSnapshot(parse(flexSnapshotSchema, body, 'Flex snapshot'));
        }
        const body = await this.call({
            method: 'GET',
            path: `${clusterPath(tier.projectId, tier.cluster)}/backup/snapshots/${encodeURIComponent(snapshotId)}`,
            version: http/* API_VERSIONS */.Bo.snapshots,
            what,
            role: 'Project Read Only',
        });
        return toSnapshot(parse(snapshotSchema, body, 'snapshot'));
    }
    /**
     * Takes one on-demand snapshot (dedicated tiers), at most once: after an answer that may have been lost,
     * the new on-demand snapshot with this description is adopted rather than a second one taken. Atlas
     * answers 409 while another on-demand snapshot is queued or in progress; that error is the caller's.
     */
    async takeSnapshot(tier, request) {
        const what = `take an on-demand snapshot of ${(0,src_tier/* describeCluster */.K$)(tier)}`;
        const before = new Set((await this.listSnapshots(tier)).map((s) => s.id));
        const { value, reconciled } = await createOnce({
            what,
            thing: 'snapshot',
            policy: this.transport.policy,
            deps: this.deps,
            send: async (policy) => toSnapshot(parse(snapshotSchema, await this.call({
                method: 'POST',
                path: `${clusterPath(tier.projectId, tier.cluster)}/backup/snapshots`,
                version: http/* API_VERSIONS */.Bo.snapshots,
                body: { description: request.description, retentionInDays: request.retentionInDays },
                what,
                role: 'Project Backup Creator',
            }, policy), 'snapshot')),
            find: async () => (await this.listSnapshots(tier)).find((s) => !before.has(s.id) && s.type === 'onDemand' && s.description === request.description),
        });
        return { snapshot: value, reconciled };
    }
    async getExportBucket(projectId, bucketId) {
        const body = await this.call({
            method: 'GET',
            path: `${groupPath(projectId)}/backup/exportBuckets/${encodeURIComponent(bucketId)}`,
            version: http/* API_VERSIONS */.Bo.exportBuckets,
            what: `read export bucket ${bucketId} of project ${projectId}`,
            role: 'Project Read Only',
        });
        const bucket = parse(exportBucketSchema, body, 'export bucket');
        return {
            id: bucket._id,
            bucketName: bucket.bucketName,
            ...(bucket.cloudProvider ? { cloudProvider: bucket.cloudProvider } : {}),
        };
    }
    async listExports(tier) {
        return (await this.list({
            method: 'GET',
            path: `${clusterPath(tier.projectId, tier.cluster)}/backup/exports`,
            version: http/* API_VERSIONS */.Bo.exports,
            what: `list the export jobs of ${(0,src_tier/* describeCluster */.K$)(tier)}`,
            role: 'Project Backup Manager',
        })).map((item) => toExport(parse(exportSchema, item, 'export job')));
    }
    async getExport(tier, exportId) {
        const body = await this.call({
            method: 'GET',
            path: `${clusterPath(tier.projectId, tier.cluster)}/backup/exports/${encodeURIComponent(exportId)}`,
            version: http/* API_VERSIONS */.Bo.exports,
            what: `read export job ${exportId} of ${(0,src_tier/* describeCluster */.K$)(tier)}`,
            role: 'Project Backup Manager',
        });
        return toExport(parse(exportSchema, body, 'export job'));
    }
    /**
     * Starts an export of a snapshot to an export bucket, at most once: the request carries a tag in its
     * `customData`, by which a job whose answer was lost is found and adopted.
     */
    async createExport(tier, request) {
        const what = `export snapshot ${request.snapshotId} of ${(0,src_tier/* describeCluster */.K$)(tier)} to export bucket ${request.exportBucketId}`;
        const customData = [{ key: 'shipkit-request', value: request.tag }];
        const { value, reconciled } = await createOnce({
            what,
            thing: 'export job',
            policy: this.transport.policy,
            deps: this.deps,
            send: async (policy) => toExport(parse(exportSchema, await this.call({
                method: 'POST',
                path: `${clusterPath(tier.projectId, tier.cluster)}/backup/exports`,
                version: http/* API_VERSIONS */.Bo.exports,
                body: { snapshotId: request.snapshotId, exportBucketId: request.exportBucketId, customData },
                what,
                role: 'Project Backup Export Operator',
            }, policy), 'export job')),
            find: async () => (await this.listExports(tier)).find((job) => job.snapshotId === request.snapshotId &&
                job.customData.some((d) => d.key === 'shipkit-request' && d.value === request.tag)),
        });
        return { job: value, reconciled };
    }
    async listRestoreJobs(tier) {
        const what = `list the restore jobs of ${(0,src_tier/* describeCluster */.K$)(tier)}`;
        if (tier.kind === 'flex') {
            return (await this.list({
                method: 'GET',
                path: `${flexPath(tier.projectId, tier.cluster)}/backup/restoreJobs`,
                version: http/* API_VERSIONS */.Bo.flex,
                what,
                role: 'Project Read Only',
            })).map((item) => toFlexRestore(parse(flexRestoreSchema, item, 'restore job')));
        }
        return (await this.list({
            method: 'GET',
            path: `${clusterPath(tier.projectId, tier.cluster)}/backup/restoreJobs`,
            version: http/* API_VERSIONS */.Bo.restoreJobs,
            what,
            role: 'Project Backup Manager',
        })).map((item) => toRestore(parse(restoreSchema, item, 'restore job')));
    }
    async getRestoreJob(tier, jobId) {
        const what = `read restore job ${jobId} of ${(0,src_tier/* describeCluster */.K$)(tier)}`;
        if (tier.kind === 'flex') {
            const body = await this.call({
                method: 'GET',
                path: `${flexPath(tier.projectId, tier.cluster)}/backup/restoreJobs/${encodeURIComponent(jobId)}`,
                version: http/* API_VERSIONS */.Bo.flex,
                what,
                role: 'Project Read Only',
            });
            return toFlexRestore(parse(flexRestoreSchema, body, 'restore job'));
        }
        const body = await this.call({
            method: 'GET',
            path: `${clusterPath(tier.projectId, tier.cluster)}/backup/restoreJobs/${encodeURIComponent(jobId)}`,
            version: http/* API_VERSIONS */.Bo.restoreJobs,
            what,
            role: 'Project Backup Manager',
        });
        return toRestore(parse(restoreSchema, body, 'restore job'));
    }
    /**
     * Starts a restore job of the source cluster (automated or point in time; on Flex, Flex's restore), at
     * most once: after an answer that may have been lost, a job that was not listed before and matches the
     * request is adopted. Whether the restore may run at all is decided before (see `startRestore`).
     */
    async createRestoreJob(source, request) {
        const target = (0,src_tier/* describeCluster */.K$)({ projectId: request.targetProjectId, cluster: request.targetCluster });
        const what = `restore ${request.snapshotId ? `snapshot ${request.snapshotId}` : 'a point in time'} of ${(0,src_tier/* describeCluster */.K$)(source)} into ${target}`;
        const before = new Set((await this.listRestoreJobs(source)).map((job) => job.id));
        const flex = source.kind === 'flex';
        const request_ = flex
            ? {
                method: 'POST',
                path: `${flexPath(source.projectId, source.cluster)}/backup/restoreJobs`,
                version: http/* API_VERSIONS */.Bo.flex,
                body: {
                    snapshotId: request.snapshotId,
                    targetDeploymentItemName: request.targetCluster,
                    targetProjectId: request.targetProjectId,
                },
                what,
                role: 'Project Backup Recovery Operator',
            }
            : {
                method: 'POST',
                path: `${clusterPath(source.projectId, source.cluster)}/backup/restoreJobs`,
                version: http/* API_VERSIONS */.Bo.restoreJobs,
                body: {
                    deliveryType: request.deliveryType,
                    ...(request.snapshotId ? { snapshotId: request.snapshotId } : {}),
                    ...(request.pointInTimeUTCSeconds === undefined
                        ? {}
                        : { pointInTimeUTCSeconds: request.pointInTimeUTCSeconds }),
                    targetClusterName: request.targetCluster,
                    targetGroupId: request.targetProjectId,
                },
                what,
                role: 'Project Backup Recovery Operator',
            };
        const { value, reconciled } = await createOnce({
            what,
            thing: 'restore job',
            policy: this.transport.policy,
            deps: this.deps,
            send: async (policy) => {
                const body = await this.call(request_, policy);
                return flex
                    ? toFlexRestore(parse(flexRestoreSchema, body, 'restore job'))
                    : toRestore(parse(restoreSchema, body, 'restore job'));
            },
            find: async () => (await this.listRestoreJobs(source)).find((job) => !before.has(job.id) &&
                job.targetCluster === request.targetCluster &&
                (request.snapshotId === undefined || job.snapshotId === request.snapshotId) &&
                (request.pointInTimeUTCSeconds === undefined ||
                    job.pointInTimeUTCSeconds === request.pointInTimeUTCSeconds)),
        });
        return { job: value, reconciled };
    }
    async getSchedule(projectId, cluster) {
        const body = await this.call({
            method: 'GET',
            path: `${clusterPath(projectId, cluster)}/backup/schedule`,
            version: http/* API_VERSIONS */.Bo.schedule,
            what: `read the backup schedule of ${(0,src_tier/* describeCluster */.K$)({ projectId, cluster })}`,
            role: 'Project Read Only',
        });
        const schedule = parse(scheduleSchema, body, 'backup schedule');
        return {
            ...definedRecord({
                referenceHourOfDay: schedule.referenceHourOfDay,
                referenceMinuteOfHour: schedule.referenceMinuteOfHour,
                restoreWindowDays: schedule.restoreWindowDays,
                autoExportEnabled: schedule.autoExportEnabled,
                useOrgAndGroupNamesInExportPrefix: schedule.useOrgAndGroupNamesInExportPrefix,
                nextSnapshot: schedule.nextSnapshot,
                copySettings: schedule.copySettings,
            }),
            ...(schedule.export
                ? {
                    export: definedRecord({
                        exportBucketId: schedule.export.exportBucketId,
                        frequencyType: schedule.export.frequencyType,
                    }),
                }
                : {}),
            policyItems: (schedule.policies ?? []).flatMap((p) => p.policyItems ?? []).map(toPolicyItem),
        };
    }
    /** The project's Backup Compliance Policy, or undefined when it has none. */
    async getCompliancePolicy(projectId) {
        let body;
        try {
            body = await this.call({
                method: 'GET',
                path: `${groupPath(projectId)}/backupCompliancePolicy`,
                version: http/* API_VERSIONS */.Bo.compliancePolicy,
                what: `read the Backup Compliance Policy of project ${projectId}`,
                role: 'Project Owner',
            });
        }
        catch (error) {
            if (error instanceof errors/* AtlasApiError */.y1 && error.status === 404)
                return undefined;
            throw error;
        }
        if (body === undefined || (typeof body === 'object' && body !== null && Object.keys(body).length === 0)) {
            return undefined;
        }
        const policy = parse(complianceSchema, body, 'Backup Compliance Policy');
        return {
            ...definedRecord({
                state: policy.state,
                authorizedEmail: policy.authorizedEmail,
                copyProtectionEnabled: policy.copyProtectionEnabled,
                encryptionAtRestEnabled: policy.encryptionAtRestEnabled,
                pitEnabled: policy.pitEnabled,
                restoreWindowDays: policy.restoreWindowDays,
            }),
            scheduledPolicyItems: (policy.scheduledPolicyItems ?? []).map(toPolicyItem),
            ...(policy.onDemandPolicyItem ? { onDemandPolicyItem: toPolicyItem(policy.onDemandPolicyItem) } : {}),
        };
    }
    /** A database user of the project (they all authenticate against `admin`), or undefined. */
    async getDatabaseUser(projectId, username) {
        try {
            const body = await this.call({
                method: 'GET',
                path: `${groupPath(projectId)}/databaseUsers/admin/${encodeURIComponent(username)}`,
                version: http/* API_VERSIONS */.Bo.databaseUsers,
                what: `read database user ${username} of project ${projectId}`,
                role: 'Project Read Only',
            });
            return toUser(parse(userSchema, body, 'database user'));
        }
        catch (error) {
            if (error instanceof errors/* AtlasApiError */.y1 && error.status === 404)
                return undefined;
            throw error;
        }
    }
    /**
     * Creates a database user limited to `roles` on the clusters in `scopes`, at most once: after an answer
     * that may have been lost, a user that now exists (and did not before) is taken to be this one.
     */
    async createDatabaseUser(projectId, user) {
        const what = `create database user ${user.username} in project ${projectId}`;
        const { value } = await createOnce({
            what,
            thing: 'database user',
            policy: this.transport.policy,
            deps: this.deps,
            send: async (policy) => toUser(parse(userSchema, await this.call({
                method: 'POST',
                path: `${groupPath(projectId)}/databaseUsers`,
                version: http/* API_VERSIONS */.Bo.databaseUsers,
                body: {
                    databaseName: 'admin',
                    groupId: projectId,
                    username: user.username,
                    password: user.password,
                    roles: user.roles,
                    scopes: user.clusters.map((name) => ({ name, type: 'CLUSTER' })),
                    ...(user.description ? { description: user.description } : {}),
                },
                what,
                role: 'Project Database Access Admin',
            }, policy), 'database user')),
            find: () => this.getDatabaseUser(projectId, user.username),
        });
        return value;
    }
    /** Sets a user's roles and scopes, and its password when given; sending it twice changes nothing more. */
    async updateDatabaseUser(projectId, user) {
        const body = await this.call({
            method: 'PATCH',
            path: `${groupPath(projectId)}/databaseUsers/admin/${encodeURIComponent(user.username)}`,
            version: http/* API_VERSIONS */.Bo.databaseUsers,
            body: {
                roles: user.roles,
                scopes: user.clusters.map((name) => ({ name, type: 'CLUSTER' })),
                ...(user.password ? { password: user.password } : {}),
            },
            what: `update database user ${user.username} in project ${projectId}`,
            idempotent: true,
            role: 'Project Database Access Admin',
        });
        return toUser(parse(userSchema, body, 'database user'));
    }
    async call(request, policy) {
        return (await this.transport.send(request, policy)).body;
    }
    /** Every item of a paged list (`pageNum`, `itemsPerPage`, `includeCount` → `{results, totalCount}`). */
    async list(request) {
        const items = [];
        for (let pageNum = 1; pageNum <= MAX_PAGES; pageNum++) {
            const body = await this.call({
                ...request,
                query: { ...request.query, pageNum, itemsPerPage: PAGE_SIZE, includeCount: true },
            });
            const page = parse(pageSchema, body ?? {}, 'list');
            const results = page.results ?? [];
            items.push(...results);
            if (results.length < PAGE_SIZE || (page.totalCount !== undefined && items.length >= page.totalCount)) {
                return items;
            }
        }
        throw new errors/* AtlasApiError */.y1(`Atlas kept sending pages when asked to ${request.what}: stopped after ${MAX_PAGES}.`);
    }
}
const groupPath = (projectId) => `/groups/${encodeURIComponent(projectId)}`;
const clusterPath = (projectId, cluster) => `${groupPath(projectId)}/clusters/${encodeURIComponent(cluster)}`;
const flexPath = (projectId, cluster) => `${groupPath(projectId)}/flexClusters/${encodeURIComponent(cluster)}`;
function parse(schema, body, what) {
    const result = schema.safeParse(body);
    if (!result.success) {
        const issue = result.error.issues[0];
        const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
        throw new errors/* AtlasApiError */.y1(`Atlas sent an unexpected ${what}${where}: ${issue?.message ?? 'bad shape'}.`);
    }
    return result.data;
}
/** The record without its undefined values, so optional properties stay omitted. */
function definedRecord(record) {
    return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}
const SNAPSHOT_STATUSES = {
    queued: 'queued',
    inProgress: 'inProgress',
    completed: 'completed',
    failed: 'failed',
    // Flex
    PENDING: 'queued',
    QUEUED: 'queued',
    RUNNING: 'inProgress',
    COMPLETED: 'completed',
    FAILED: 'failed',
};
function toSnapshot(raw) {
    const rawStatus = raw.status ?? 'unknown';
    return {
        id: raw.id,
        status: SNAPSHOT_STATUSES[rawStatus] ?? 'unknown',
        rawStatus,
        type: raw.snapshotType ?? 'unknown',
        ...definedRecord({
            createdAt: raw.createdAt,
            expiresAt: raw.expiresAt,
            description: raw.description,
            storageSizeBytes: raw.storageSizeBytes,
            mongodVersion: raw.mongodVersion,
            frequencyType: raw.frequencyType,
        }),
    };
}
function toFlexSnapshot(raw) {
    const rawStatus = raw.status ?? 'unknown';
    const createdAt = raw.startTime ?? raw.scheduledTime ?? raw.finishTime;
    return {
        id: raw.id,
        status: SNAPSHOT_STATUSES[rawStatus] ?? 'unknown',
        rawStatus,
        type: 'flexDaily',
        ...definedRecord({ createdAt, expiresAt: raw.expiration, mongodVersion: raw.mongoDBVersion }),
    };
}
function toExport(raw) {
    return {
        id: raw.id,
        state: raw.state ?? 'unknown',
        ...definedRecord({
            snapshotId: raw.snapshotId,
            exportBucketId: raw.exportBucketId,
            prefix: raw.prefix,
            createdAt: raw.createdAt,
            finishedAt: raw.finishedAt,
            exportedCollections: raw.exportStatus?.exportedCollections,
            totalCollections: raw.exportStatus?.totalCollections,
        }),
        ...(raw.stateReason
            ? {
                stateReason: definedRecord({
                    errorCode: raw.stateReason.errorCode,
                    message: raw.stateReason.message,
                }),
            }
            : {}),
        customData: (raw.customData ?? []).map((d) => ({ key: d.key, value: d.value })),
    };
}
function restoreState(raw) {
    if (raw.failed)
        return 'failed';
    if (raw.cancelled)
        return 'cancelled';
    if (raw.expired)
        return 'expired';
    return raw.finishedAt ? 'completed' : 'inProgress';
}
function toRestore(raw) {
    return {
        id: raw.id,
        state: restoreState(raw),
        deliveryType: raw.deliveryType ?? 'unknown',
        ...definedRecord({
            snapshotId: raw.snapshotId,
            targetCluster: raw.targetClusterName,
            targetProjectId: raw.targetGroupId,
            pointInTimeUTCSeconds: raw.pointInTimeUTCSeconds,
            finishedAt: raw.finishedAt,
        }),
    };
}
const FLEX_RESTORE_STATES = {
    PENDING: 'inProgress',
    QUEUED: 'inProgress',
    RUNNING: 'inProgress',
    COMPLETED: 'completed',
    FAILED: 'failed',
};
function toFlexRestore(raw) {
    return {
        id: raw.id,
        state: FLEX_RESTORE_STATES[raw.status ?? ''] ?? 'inProgress',
        deliveryType: 'automated',
        ...definedRecord({
            snapshotId: raw.snapshotId,
            targetCluster: raw.targetDeploymentItemName,
            targetProjectId: raw.targetProjectId,
            finishedAt: raw.restoreFinishedDate,
        }),
    };
}
function toPolicyItem(raw) {
    return {
        frequencyType: raw.frequencyType,
        frequencyInterval: raw.frequencyInterval,
        retentionUnit: raw.retentionUnit,
        retentionValue: raw.retentionValue,
    };
}
function toUser(raw) {
    return {
        username: raw.username,
        databaseName: raw.databaseName ?? 'admin',
        roles: (raw.roles ?? []).map((r) => ({
            roleName: r.roleName,
            databaseName: r.databaseName,
            ...(r.collectionName ? { collectionName: r.collectionName } : {}),
        })),
        scopes: (raw.scopes ?? []).map((s) => ({ name: s.name, type: s.type })),
    };
}


/***/ }),

/***/ 1395:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cx: () => (/* binding */ UnsupportedTierError),
/* harmony export */   D0: () => (/* binding */ RestoreNotConfirmedError),
/* harmony export */   MT: () => (/* binding */ AtlasAuthError),
/* harmony export */   Y: () => (/* binding */ AtlasDeadlineError),
/* harmony export */   tf: () => (/* binding */ AtlasMaybeReceivedError),
/* harmony export */   y1: () => (/* binding */ AtlasApiError)
/* harmony export */ });
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3422);

/**
 * An error from the Atlas Administration API that the user can act on. `status` is the HTTP status and
 * `errorCode` Atlas's application code (`CLUSTER_NOT_FOUND`…) when there was an answer.
 */
class AtlasApiError extends _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y {
    status;
    errorCode;
    name = 'AtlasApiError';
    constructor(message, status, errorCode) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }
}
/** Atlas did not accept the credentials (HTTP 401, or the token endpoint refused them). */
class AtlasAuthError extends AtlasApiError {
    name = 'AtlasAuthError';
}
/**
 * A request that creates something failed in a way Atlas may have acted on (a 5xx, a timeout, a dropped
 * connection); it was not sent again. `attempts` counts the tries made.
 */
class AtlasMaybeReceivedError extends AtlasApiError {
    attempts;
    name = 'AtlasMaybeReceivedError';
    constructor(message, attempts, status, errorCode) {
        super(message, status, errorCode);
        this.attempts = attempts;
    }
}
/**
 * The run's deadline passed (or it was interrupted) before a network operation could finish. Not a
 * `UserError`: like a job that times out, it is a failed run (exit 1), not bad input.
 */
class AtlasDeadlineError extends Error {
    name = 'AtlasDeadlineError';
}
/** The operation does not exist for the cluster's tier (M0 has no Cloud Backup; Flex no on-demand snapshots…). */
class UnsupportedTierError extends _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y {
    tier;
    operation;
    name = 'UnsupportedTierError';
    constructor(message, tier, operation) {
        super(message);
        this.tier = tier;
        this.operation = operation;
    }
}
/**
 * A restore that replaces every document of its target was asked for without the exact name of that
 * target as confirmation. `expected` is the name to type; the edge says where to type it.
 */
class RestoreNotConfirmedError extends _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y {
    expected;
    given;
    name = 'RestoreNotConfirmedError';
    constructor(message, expected, given) {
        super(message);
        this.expected = expected;
        this.given = given;
    }
}


/***/ }),

/***/ 8928:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bo: () => (/* binding */ API_VERSIONS),
/* harmony export */   QM: () => (/* binding */ realAtlasDeps),
/* harmony export */   ly: () => (/* binding */ AtlasTransport)
/* harmony export */ });
/* unused harmony exports ATLAS_BASE_URL, mayResend, atlasError */
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(979);
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(179);
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3422);
/* harmony import */ var _auth__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7882);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1395);



const ATLAS_BASE_URL = 'https://cloud.mongodb.com';
const API_PREFIX = '/api/atlas/v2';
const TOKEN_PATH = '/api/oauth/token';
/**
 * The version date each family of endpoints is called with (`Accept: application/vnd.atlas.<date>+json`).
 * Atlas answers 406 to a date an endpoint does not have, so every request names its family.
 */
const API_VERSIONS = {
    cluster: '2024-08-05',
    clusterStatus: '2023-01-01',
    flex: '2024-11-13',
    snapshots: '2023-01-01',
    exports: '2023-01-01',
    exportBuckets: '2024-05-30',
    restoreJobs: '2023-01-01',
    schedule: '2024-08-05',
    compliancePolicy: '2023-10-01',
    databaseUsers: '2023-01-01',
};
/** The real network and clock; sleeps end early (rejecting) when `signal` aborts. */
function realAtlasDeps(signal) {
    return {
        fetch: globalThis.fetch,
        sleep: (ms) => new Promise((resolve, reject) => {
            if (signal?.aborted)
                return reject(signal.reason);
            const timer = setTimeout(() => {
                signal?.removeEventListener('abort', onAbort);
                resolve();
            }, ms);
            const onAbort = () => {
                clearTimeout(timer);
                reject(signal?.reason);
            };
            signal?.addEventListener('abort', onAbort, { once: true });
        }),
        now: Date.now,
        random: Math.random,
        logger: _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .silentLogger */ .qq,
    };
}

/**
 * The retry decision for every request this package sends: whether a failed attempt may be sent again as
 * it is (the shared decision of `@shipkit/runtime`). A read always may. A request that creates something (a snapshot, an export, a restore job, a
 * database user) only when Atlas certainly did not act on it: nothing was sent, or Atlas answered 429
 * (rate limited: nothing was processed) or 401 (not authenticated: nothing was processed). After a 5xx,
 * a timeout or a dropped connection it may have, and the caller reconciles (see `createOnce`).
 */
function mayResend(request, failure) {
    return (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_1__/* .mayResend */ .NO)(request, failure, (status) => status === 429 || status === 401);
}
/** Atlas's error body: `{error, errorCode, detail, reason, parameters}`; an OAuth error: `{error, error_description}`. */
function atlasError(body) {
    if (typeof body !== 'object' || body === null) {
        return typeof body === 'string' && body.trim() ? { detail: shorten(body.trim()) } : {};
    }
    const record = body;
    const errorCode = typeof record.errorCode === 'string' && record.errorCode
        ? record.errorCode
        : typeof record.error === 'string' && record.error
            ? record.error
            : undefined;
    const detail = [record.detail, record.error_description, record.reason].find((value) => typeof value === 'string' && value.trim() !== '');
    return { ...(errorCode ? { errorCode } : {}), ...(detail ? { detail: shorten(detail) } : {}) };
}
function shorten(text) {
    return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
/** A service-account token lives an hour (`expires_in: 3600`) unless Atlas says otherwise. */
const DEFAULT_TOKEN_LIFETIME_MS = 3_600_000;
/**
 * Sends requests to the Atlas Administration API: versioned `Accept` headers, a service account's bearer
 * token (cached, renewed before it expires and once more when Atlas rejects it) or HTTP Digest for API
 * keys, retries with backoff (`Retry-After` honoured) for what {@link mayResend} allows, a time limit for
 * every request within the run's deadline, and errors that name the project, the cluster and Atlas's
 * `errorCode`.
 */
class AtlasTransport {
    options;
    deps;
    origin;
    policy;
    token;
    tokenLifetimeMs = DEFAULT_TOKEN_LIFETIME_MS;
    pendingToken;
    digest;
    constructor(options, deps) {
        this.options = options;
        this.deps = deps;
        this.origin = (options.baseUrl ?? ATLAS_BASE_URL).replace(/\/+$/, '');
        this.policy = { ..._shipkit_runtime__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_RETRY */ .vI, ...options.retry };
    }
    /** Sends a request and returns its 2xx answer; anything else is thrown as an {@link AtlasApiError}. */
    async send(request, policy = this.policy) {
        const { deps } = this;
        const url = this.url(request);
        // A 401 processed nothing: a new token, or the Digest challenge answered, and the request goes again.
        let reauthenticated = false;
        let challenges = 0;
        for (let attempt = 1;; attempt++) {
            const isLast = attempt >= policy.attempts;
            const timeoutMs = this.requestTimeout(request.what, policy);
            const authorization = await this.authorization(request.method, url);
            let response;
            try {
                response = await deps.fetch(url, {
                    method: request.method,
                    headers: {
                        accept: `application/vnd.atlas.${request.version}+json`,
                        ...(request.body === undefined
                            ? {}
                            : { 'content-type': `application/vnd.atlas.${request.version}+json` }),
                        ...(authorization ? { authorization } : {}),
                    },
                    ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
                    signal: this.requestSignal(timeoutMs),
                });
            }
            catch (thrown) {
                this.throwIfStopped(request.what);
                const reason = (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_1__/* .networkReason */ .d8)(thrown);
                if (!mayResend(request, { thrown })) {
                    throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .AtlasMaybeReceivedError */ .tf(`Could not ${request.what}: ${reason} (the request may have reached Atlas).`, attempt);
                }
                if (isLast) {
                    throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .AtlasApiError */ .y1(`Could not ${request.what}: ${reason} (after ${attempt} attempts).`);
                }
                await this.pause((0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_1__/* .backoffDelay */ .EY)(attempt, policy, deps.random), `Could not ${request.what} (${reason})`, request.what);
                continue;
            }
            const body = await readBody(response);
            if (response.ok)
                return { status: response.status, body, attempts: attempt };
            if (response.status === 401) {
                // Not authenticated: Atlas processed nothing, so even a POST may be sent again, once.
                const challenge = (0,_auth__WEBPACK_IMPORTED_MODULE_3__/* .parseDigestChallenge */ .R2)(response.headers.get('www-authenticate'));
                if (this.options.credentials.kind === 'api-key' &&
                    challenge &&
                    (challenges === 0 || (challenge.stale && challenges < 3))) {
                    challenges += 1;
                    this.digest = { challenge, nc: 0 };
                    attempt--;
                    continue;
                }
                if (this.options.credentials.kind === 'service-account' && !reauthenticated) {
                    reauthenticated = true;
                    this.token = undefined;
                    deps.logger.debug(`Atlas did not accept the access token to ${request.what}: getting a new one.`);
                    attempt--;
                    continue;
                }
                throw this.failure(response.status, body, request, attempt);
            }
            if (response.status !== 429 && response.status < 500)
                throw this.failure(response.status, body, request, attempt);
            if (!mayResend(request, { status: response.status })) {
                const { errorCode, detail } = atlasError(body);
                throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .AtlasMaybeReceivedError */ .tf(`Atlas answered HTTP ${response.status}${errorCode ? ` ${errorCode}` : ''} when asked to ${request.what}${detail ? ` (${detail})` : ''}.`, attempt, response.status, errorCode);
            }
            if (isLast)
                throw this.failure(response.status, body, request, attempt);
            const retryAfter = (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_1__/* .parseRetryAfter */ .mu)(response.headers.get('retry-after'), deps.now());
            const delay = retryAfter ?? (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_1__/* .backoffDelay */ .EY)(attempt, policy, deps.random);
            const why = response.status === 429 ? 'rate limited (HTTP 429)' : `HTTP ${response.status}`;
            if (!this.fitsDeadline(delay))
                throw this.failure(response.status, body, request, attempt, true);
            await this.pause(delay, `Could not ${request.what} yet (${why})`, request.what);
        }
    }
    url(request) {
        const query = new URLSearchParams();
        for (const [key, value] of Object.entries(request.query ?? {}))
            query.set(key, String(value));
        const text = query.toString();
        return `${this.origin}${API_PREFIX}${request.path}${text ? `?${text}` : ''}`;
    }
    /** What is left of the per-request limit and the run's deadline; throws when nothing is. */
    requestTimeout(what, policy) {
        this.throwIfStopped(what);
        if (this.options.deadline === undefined)
            return policy.requestTimeoutMs;
        const left = this.options.deadline - this.deps.now();
        if (left <= 0)
            throw this.deadlineError(what);
        return Math.min(policy.requestTimeoutMs, left);
    }
    requestSignal(timeoutMs) {
        const timeout = AbortSignal.timeout(timeoutMs);
        return this.options.signal ? AbortSignal.any([this.options.signal, timeout]) : timeout;
    }
    throwIfStopped(what) {
        if (this.options.signal?.aborted)
            throw this.deadlineError(what);
    }
    deadlineError(what) {
        const reason = this.options.signal?.aborted
            ? (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .g)(this.options.signal.reason)
            : 'the deadline passed';
        return new _errors__WEBPACK_IMPORTED_MODULE_2__/* .AtlasDeadlineError */ .Y(`Stopped before Atlas could ${what}: ${reason}.`);
    }
    fitsDeadline(delayMs) {
        return this.options.deadline === undefined || this.deps.now() + delayMs < this.options.deadline;
    }
    async pause(delayMs, why, what) {
        if (!this.fitsDeadline(delayMs))
            throw this.deadlineError(what);
        this.deps.logger.info(`${why}; retrying in ${(0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_1__/* .retryDelayText */ .Vd)(delayMs)}.`);
        try {
            await this.deps.sleep(delayMs);
        }
        catch {
            throw this.deadlineError(what);
        }
    }
    async authorization(method, url) {
        const { credentials } = this.options;
        if (credentials.kind === 'service-account')
            return `Bearer ${await this.bearerToken()}`;
        if (!this.digest)
            return undefined; // the first request fetches the challenge
        this.digest.nc += 1;
        const { pathname, search } = new URL(url);
        return (0,_auth__WEBPACK_IMPORTED_MODULE_3__/* .digestAuthorization */ .a7)(this.digest.challenge, {
            method,
            uri: `${pathname}${search}`,
            username: credentials.publicKey,
            password: credentials.privateKey,
            nc: this.digest.nc,
        });
    }
    /** A cached token while it has time left; otherwise one request for a new one (shared by concurrent callers). */
    async bearerToken() {
        if (this.token && (0,_auth__WEBPACK_IMPORTED_MODULE_3__/* .tokenIsFresh */ .yT)(this.token, this.deps.now(), this.tokenLifetimeMs))
            return this.token.value;
        this.pendingToken ??= this.requestToken().finally(() => {
            this.pendingToken = undefined;
        });
        return this.pendingToken;
    }
    async requestToken() {
        const { credentials } = this.options;
        if (credentials.kind !== 'service-account')
            throw new Error('requestToken needs a service account');
        const { deps, policy } = this;
        const what = 'issue an access token for the service account';
        const url = `${this.origin}${TOKEN_PATH}`;
        for (let attempt = 1;; attempt++) {
            const isLast = attempt >= policy.attempts;
            const timeoutMs = this.requestTimeout(what, policy);
            let response;
            try {
                response = await deps.fetch(url, {
                    method: 'POST',
                    headers: {
                        authorization: `Basic ${(0,_auth__WEBPACK_IMPORTED_MODULE_3__/* .basicAuth */ .tB)(credentials.clientId, credentials.clientSecret)}`,
                        'content-type': 'application/x-www-form-urlencoded',
                        accept: 'application/json',
                    },
                    body: 'grant_type=client_credentials',
                    signal: this.requestSignal(timeoutMs),
                });
            }
            catch (thrown) {
                this.throwIfStopped(what);
                // Asking for a token twice creates nothing lasting: every failure may be retried.
                if (isLast)
                    throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .AtlasApiError */ .y1(`Could not ${what}: ${(0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_1__/* .networkReason */ .d8)(thrown)} (after ${attempt} attempts).`);
                await this.pause((0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_1__/* .backoffDelay */ .EY)(attempt, policy, deps.random), `Could not ${what} (${(0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_1__/* .networkReason */ .d8)(thrown)})`, what);
                continue;
            }
            const body = await readBody(response);
            if (response.ok) {
                const token = body;
                if (typeof token?.access_token !== 'string' || !token.access_token) {
                    throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .AtlasAuthError */ .MT(`Atlas sent no access_token when asked to ${what}.`, response.status);
                }
                const lifetime = typeof token.expires_in === 'number' && token.expires_in > 0
                    ? token.expires_in * 1000
                    : DEFAULT_TOKEN_LIFETIME_MS;
                this.options.onSecret?.(token.access_token);
                this.tokenLifetimeMs = lifetime;
                this.token = { value: token.access_token, expiresAt: deps.now() + lifetime };
                return token.access_token;
            }
            if ((response.status === 429 || response.status >= 500) && !isLast) {
                const delay = (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_1__/* .parseRetryAfter */ .mu)(response.headers.get('retry-after'), deps.now()) ??
                    (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_1__/* .backoffDelay */ .EY)(attempt, policy, deps.random);
                await this.pause(delay, `Could not ${what} yet (HTTP ${response.status})`, what);
                continue;
            }
            const { errorCode, detail } = atlasError(body);
            const code = errorCode ? ` ${errorCode}` : '';
            if (response.status === 400 || response.status === 401) {
                throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .AtlasAuthError */ .MT(`Atlas rejected the service account (HTTP ${response.status}${code}) when asked to ${what}${detail ? `: ${detail}` : ''}. ` +
                    `Check ${this.options.credentialSource ?? 'the client id and secret'}: a service account's client id (mdb_sa_id_…) and secret, from Organization → Access Manager → Applications → Service Accounts.`, response.status, errorCode);
            }
            throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .AtlasApiError */ .y1(`Atlas could not ${what} (HTTP ${response.status}${code})${detail ? `: ${detail}` : ''}.`, response.status, errorCode);
        }
    }
    failure(status, body, request, attempts, outOfTime = false) {
        const { errorCode, detail } = atlasError(body);
        const code = errorCode ? ` ${errorCode}` : '';
        const said = detail ? `: ${detail}` : '';
        switch (status) {
            case 401:
                return new _errors__WEBPACK_IMPORTED_MODULE_2__/* .AtlasAuthError */ .MT(`Atlas rejected the credentials (HTTP 401${code}) when asked to ${request.what}${said}. Check ${this.options.credentialSource ?? 'the credentials'}: a service account's client id and secret, or an API key's public and private key.`, status, errorCode);
            case 403:
                return new _errors__WEBPACK_IMPORTED_MODULE_2__/* .AtlasApiError */ .y1(`Atlas refused (HTTP 403${code}) to ${request.what}${said}. ${request.role ? `The service account (or API key) needs the ${request.role} role on the project` : 'The service account (or API key) lacks a role on the project'}, and when the organization requires an API access list, this machine's IP address must be on it.`, status, errorCode);
            case 404:
                return new _errors__WEBPACK_IMPORTED_MODULE_2__/* .AtlasApiError */ .y1(`Atlas found nothing (HTTP 404${code}) when asked to ${request.what}${said}. Check the project id (24 hexadecimal digits, Project Settings) and the names and ids given.`, status, errorCode);
            case 429:
                return new _errors__WEBPACK_IMPORTED_MODULE_2__/* .AtlasApiError */ .y1(`Atlas kept rate-limiting (HTTP 429${code}) ${outOfTime ? 'until the deadline' : `after ${attempts} attempts`} to ${request.what}${said}. Cloud Backup endpoints are limited per project; try again in a few minutes.`, status, errorCode);
            default:
                return status >= 500
                    ? new _errors__WEBPACK_IMPORTED_MODULE_2__/* .AtlasApiError */ .y1(`Atlas failed to ${request.what}: HTTP ${status}${code} ${outOfTime ? 'until the deadline' : `after ${attempts} attempts`}${said}.`, status, errorCode)
                    : new _errors__WEBPACK_IMPORTED_MODULE_2__/* .AtlasApiError */ .y1(`Atlas refused to ${request.what} (HTTP ${status}${code})${said}.`, status, errorCode);
        }
    }
}
async function readBody(response) {
    const text = await response.text().catch(() => '');
    if (!text.trim())
        return undefined;
    try {
        return JSON.parse(text);
    }
    catch {
        return text;
    }
}


/***/ }),

/***/ 8436:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K$: () => (/* binding */ describeCluster),
/* harmony export */   N8: () => (/* binding */ TIER_OFFERS),
/* harmony export */   OH: () => (/* binding */ flexTier),
/* harmony export */   kx: () => (/* binding */ tierOf)
/* harmony export */ });
/** Shared-tier sizes that Atlas now runs (or has migrated) as Flex clusters. */
const FLEX_SIZES = new Set(['M2', 'M5', 'FLEX']);
/** The tier of a cluster from its description; `providerName: TENANT` marks the shared tiers. */
function tierOf(projectId, cluster, description) {
    const regions = (description.replicationSpecs ?? []).flatMap((spec) => spec.regionConfigs ?? []);
    const sized = regions.find((region) => region.electableSpecs?.instanceSize);
    const instanceSize = (sized?.electableSpecs?.instanceSize ?? 'unknown').toUpperCase();
    const tenant = regions.some((region) => region.providerName === 'TENANT' || region.providerName === 'FLEX');
    const kind = instanceSize === 'M0'
        ? 'free'
        : FLEX_SIZES.has(instanceSize) || (tenant && instanceSize !== 'M0')
            ? 'flex'
            : 'dedicated';
    const connectionString = description.connectionStrings?.standardSrv ?? description.connectionStrings?.standard;
    return {
        kind,
        instanceSize: kind === 'flex' ? 'FLEX' : instanceSize,
        projectId,
        cluster,
        backupEnabled: kind === 'flex' ? true : kind === 'free' ? false : description.backupEnabled === true,
        pitEnabled: kind === 'dedicated' && description.pitEnabled === true,
        ...(connectionString ? { connectionString } : {}),
        ...(description.mongoDBVersion ? { mongoDBVersion: description.mongoDBVersion } : {}),
    };
}
/** A Flex cluster described by the Flex API (`GET /groups/{g}/flexClusters/{name}`, 2024-11-13). */
function flexTier(projectId, cluster, description) {
    const connectionString = description.connectionStrings?.standardSrv ?? description.connectionStrings?.standard;
    return {
        kind: 'flex',
        instanceSize: 'FLEX',
        projectId,
        cluster,
        backupEnabled: true,
        pitEnabled: false,
        ...(connectionString ? { connectionString } : {}),
        ...(description.mongoDBVersion ? { mongoDBVersion: description.mongoDBVersion } : {}),
    };
}
/** One line per tier: what Cloud Backup gives it, for messages and the docs. */
const TIER_OFFERS = {
    free: 'M0 has no Cloud Backup at all: no snapshots, no export, no restore jobs. ' +
        'A logical backup is the way to protect one: `shipkit backup` or the mongo-backup action (verified, encrypted, portable).',
    flex: 'Flex clusters get one snapshot a day, kept for the last 8 days, which can be listed, downloaded and restored; ' +
        'they have no on-demand snapshots, no export to a bucket and no point-in-time restore. ' +
        'For a backup taken right now (before a deploy), use a logical backup: `shipkit backup` or the mongo-backup action.',
    dedicated: 'Dedicated clusters (M10 and up) have scheduled and on-demand snapshots, export to a bucket, restore jobs, ' +
        'and point-in-time restores when continuous backup is on.',
};
/** "cluster 'shop' (M10) in project 65a1…", the way errors and logs name a cluster. */
function describeCluster(tier) {
    const size = tier.instanceSize && tier.instanceSize !== 'unknown' ? ` (${tier.instanceSize})` : '';
    return `cluster '${tier.cluster}'${size} in project ${tier.projectId}`;
}


/***/ })

};
