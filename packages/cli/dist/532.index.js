export const id = 532;
export const ids = [532];
export const modules = {

/***/ 8949:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E1: () => (/* binding */ parseList),
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   G0: () => (/* binding */ Inputs),
/* harmony export */   d_: () => (/* binding */ inputEnvName)
/* harmony export */ });
/* unused harmony exports readInput, requiredInput, parseBoolean, parseEnum, parseSize, parseInteger */
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8691);

function inputEnvName(name) {
    return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}
/** The trimmed value of an input, or '' when it is not set. */
function readInput(name, env = process.env) {
    return (env[inputEnvName(name)] ?? '').trim();
}
function requiredInput(name, env = process.env) {
    const value = readInput(name, env);
    if (value === '')
        throw new UserError(`Input '${name}' is required but was not given.`);
    return value;
}
const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];
/** Only the YAML 1.2 core-schema spellings count: anything else is an error, never silently false. */
function parseBoolean(name, raw) {
    if (TRUE.includes(raw))
        return true;
    if (FALSE.includes(raw))
        return false;
    throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`Input '${name}' must be a boolean (true or false), got '${raw}'.`);
}
function parseEnum(name, raw, allowed) {
    const found = allowed.find((value) => value === raw);
    if (found === undefined) {
        throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`Input '${name}' must be one of ${allowed.map((a) => `'${a}'`).join(', ')}, got '${raw}'.`);
    }
    return found;
}
const DURATION_UNITS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const DURATION_FORMS = "a duration such as '90s', '30m', '2h', '1h30m', '1d' or '500ms'";
/** `90s`, `30m`, `2h`, `1h30m`, `1d`, `500ms` → milliseconds. A bare number is refused: the unit matters. */
function parseDuration(name, raw) {
    const text = raw.replace(/\s+/g, '');
    const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)];
    const consumed = parts.map((p) => p[0]).join('');
    if (text === '' || parts.length === 0 || consumed !== text) {
        throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`Input '${name}' must be ${DURATION_FORMS}, got '${raw}'.`);
    }
    const ms = parts.reduce((sum, p) => sum + Number(p[1]) * DURATION_UNITS[p[2]], 0);
    if (!Number.isFinite(ms) || ms <= 0) {
        throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`Input '${name}' must be a positive duration (${DURATION_FORMS}), got '${raw}'.`);
    }
    return Math.round(ms);
}
const SIZE_UNITS = {
    b: 1,
    kb: 1e3,
    mb: 1e6,
    gb: 1e9,
    tb: 1e12,
    kib: 2 ** 10,
    mib: 2 ** 20,
    gib: 2 ** 30,
    tib: 2 ** 40,
};
const SIZE_FORMS = "a size such as '64MiB', '5MB', '1GiB' or '1048576' (bytes)";
/** `64MiB`, `5MB`, `1.5GiB`, `4096` → bytes. */
function parseSize(name, raw) {
    const match = /^(\d+(?:\.\d+)?)\s*([a-zA-Z]*)$/.exec(raw.trim());
    const unit = SIZE_UNITS[(match?.[2] || 'b').toLowerCase()];
    if (!match || unit === undefined)
        throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`Input '${name}' must be ${SIZE_FORMS}, got '${raw}'.`);
    const bytes = Math.round(Number(match[1]) * unit);
    if (!Number.isSafeInteger(bytes) || bytes <= 0) {
        throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`Input '${name}' must be a positive size (${SIZE_FORMS}), got '${raw}'.`);
    }
    return bytes;
}
/** Items separated by commas or newlines; blanks and surrounding spaces are dropped. */
function parseList(raw) {
    return raw
        .split(/[,\n]/)
        .map((item) => item.trim())
        .filter((item) => item !== '');
}
function parseInteger(name, raw, { min = 0, max = Number.MAX_SAFE_INTEGER } = {}) {
    const value = /^-?\d+$/.test(raw) ? Number(raw) : Number.NaN;
    if (!Number.isSafeInteger(value) || value < min || value > max) {
        throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`Input '${name}' must be a whole number from ${min} to ${max}, got '${raw}'.`);
    }
    return value;
}
/**
 * Reads inputs by name and parses each with the same rules; an empty optional input gives `undefined`,
 * so `action.yml` holds the defaults.
 */
class Inputs {
    env;
    display;
    /**
     * @param env where values come from (`INPUT_<NAME>` keys)
     * @param display how errors name an input; the CLI shows its option (and env variable) instead
     */
    constructor(env = process.env, display = (name) => name) {
        this.env = env;
        this.display = display;
    }
    string(name) {
        return readInput(name, this.env) || undefined;
    }
    required(name) {
        const value = readInput(name, this.env);
        if (value === '')
            throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`Input '${this.display(name)}' is required but was not given.`);
        return value;
    }
    boolean(name, fallback) {
        const raw = readInput(name, this.env);
        return raw === '' ? fallback : parseBoolean(this.display(name), raw);
    }
    enum(name, allowed, fallback) {
        const raw = readInput(name, this.env);
        return raw === '' ? fallback : parseEnum(this.display(name), raw, allowed);
    }
    duration(name, fallbackMs) {
        const raw = readInput(name, this.env);
        return raw === '' ? fallbackMs : parseDuration(this.display(name), raw);
    }
    size(name, fallbackBytes) {
        const raw = readInput(name, this.env);
        return raw === '' ? fallbackBytes : parseSize(this.display(name), raw);
    }
    integer(name, fallback, range) {
        const raw = readInput(name, this.env);
        return raw === '' ? fallback : parseInteger(this.display(name), raw, range);
    }
    list(name) {
        return parseList(readInput(name, this.env));
    }
}


/***/ }),

/***/ 9532:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  checkFreshness: () => (/* binding */ checkFreshness),
  exportCommand: () => (/* binding */ exportCommand),
  policy: () => (/* binding */ policy),
  restore: () => (/* binding */ restore),
  snapshot: () => (/* binding */ snapshot),
  snapshots: () => (/* binding */ snapshots)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ../action-kit/src/errors.ts
var errors = __webpack_require__(8691);
// EXTERNAL MODULE: ../action-kit/src/format.ts
var format = __webpack_require__(9423);
// EXTERNAL MODULE: ../atlas/src/auth.ts
var auth = __webpack_require__(7882);
// EXTERNAL MODULE: ../atlas/src/http.ts
var http = __webpack_require__(8928);
// EXTERNAL MODULE: ../atlas/src/client.ts + 1 modules
var client = __webpack_require__(1603);
// EXTERNAL MODULE: ../atlas/src/errors.ts
var src_errors = __webpack_require__(1395);
;// CONCATENATED MODULE: ../atlas/src/follow.ts

/**
 * Reads a job until it is finished or the deadline passes, logging each change of state. Returns the
 * last state read and whether time ran out first — also when it runs out during a read — and the job
 * itself carries on in Atlas either way.
 */
async function follow(first, read, job, options, deps) {
    let last = first;
    let shown = job.describe(first);
    deps.logger.info(shown);
    while (!job.finished(last)) {
        const remaining = options.deadline - deps.now();
        if (remaining <= 0)
            return { last, timedOut: true };
        await deps.sleep(Math.min(options.pollIntervalMs, remaining));
        if (options.deadline - deps.now() <= 0)
            return { last, timedOut: true };
        try {
            last = await read();
        }
        catch (error) {
            if (error instanceof src_errors/* AtlasDeadlineError */.Y)
                return { last, timedOut: true };
            throw error;
        }
        const line = job.describe(last);
        if (line !== shown) {
            deps.logger.info(line);
            shown = line;
        }
    }
    return { last, timedOut: false };
}

// EXTERNAL MODULE: ../atlas/src/tier.ts
var src_tier = __webpack_require__(8436);
;// CONCATENATED MODULE: ../atlas/src/require-tier.ts



/**
 * Refuses an operation the cluster's tier does not have, saying what the tier is, what it offers
 * instead, and — for M0, which has no Cloud Backup at all — that a logical backup is the way.
 */
function requireTier(tier, allowed, operation) {
    if (allowed.includes(tier.kind))
        return;
    const what = (0,src_tier/* describeCluster */.K$)(tier);
    const lead = tier.kind === 'free'
        ? `Cannot ${operation}: ${what} is an M0 (free) cluster.`
        : tier.kind === 'flex'
            ? `Cannot ${operation}: ${what} is a Flex cluster, which does not offer it.`
            : `Cannot ${operation}: ${what} is a dedicated cluster; this works on ${allowed.join(' and ')} clusters only.`;
    throw new src_errors/* UnsupportedTierError */.Cx(`${lead} ${src_tier/* TIER_OFFERS */.N8[tier.kind]}`, tier, operation);
}
/** Dedicated clusters have Cloud Backup only when it is turned on. */
function requireBackupEnabled(tier, operation) {
    if (tier.backupEnabled)
        return;
    throw new errors/* UserError */.y(`Cannot ${operation}: Cloud Backup is off for ${(0,src_tier/* describeCluster */.K$)(tier)}. Turn it on in Atlas (the cluster's Edit Configuration → Additional Settings → Turn on Cloud Backup), or keep to logical backups.`);
}

;// CONCATENATED MODULE: ../atlas/src/types.ts
/** The models the client returns: Atlas's answers, normalised so dedicated and Flex clusters read alike. */
const FINISHED_SNAPSHOT = ['completed', 'failed'];
const FINISHED_EXPORT = ['Successful', 'Failed', 'Cancelled'];

;// CONCATENATED MODULE: ../atlas/src/snapshot.ts






/** How often a 409 may be answered by finding nothing in progress before giving up (it finished meanwhile). */
const CONFLICT_TRIES = 3;
/**
 * Takes one on-demand snapshot of a dedicated cluster and, when asked, follows it to `completed` or
 * `failed`. M0 and Flex clusters are refused, saying what they offer instead.
 *
 * Atlas takes one on-demand snapshot at a time and answers 409 while one is queued or in progress. That
 * one is adopted rather than waited out: it was started before this request, so it holds the data as it
 * was before whatever comes next (a deploy), which is what this snapshot is for, and a second one would
 * cost storage and time for the same protection. The result says so (`adopted`), with that snapshot's
 * own description and expiry.
 */
async function takeOnDemandSnapshot(client, options) {
    const { deps } = client;
    const started = deps.now();
    const deadline = started + options.timeoutMs;
    const tier = await client.getTier(options.projectId, options.cluster);
    requireTier(tier, ['dedicated'], 'take an on-demand snapshot');
    requireBackupEnabled(tier, 'take an on-demand snapshot');
    const cluster = (0,src_tier/* describeCluster */.K$)(tier);
    const { snapshot: first, adopted, reconciled } = await startSnapshot(client, tier, options);
    deps.logger.info(adopted
        ? `Atlas was already taking on-demand snapshot ${first.id} of ${cluster} (${quoted(first.description)}): following it rather than taking a second one.`
        : `Atlas accepted on-demand snapshot ${first.id} of ${cluster}${reconciled ? ' (found after its answer was lost)' : ''}.`);
    const base = { tier, adopted, reconciled };
    if (!options.wait) {
        return {
            ...base,
            outcome: 'started',
            snapshot: first,
            durationMs: deps.now() - started,
            message: `On-demand snapshot ${first.id} of ${cluster} is ${first.rawStatus}; not waiting for it.`,
        };
    }
    const { last, timedOut } = await follow(first, () => client.getSnapshot(tier, first.id), {
        finished: (s) => FINISHED_SNAPSHOT.includes(s.status),
        describe: (s) => `Snapshot ${s.id}: ${s.rawStatus}`,
    }, { pollIntervalMs: options.pollIntervalMs, deadline }, deps);
    const durationMs = deps.now() - started;
    const took = (0,format/* formatDuration */.a3)(durationMs);
    if (timedOut) {
        return {
            ...base,
            outcome: 'timed-out',
            snapshot: last,
            durationMs,
            message: `On-demand snapshot ${last.id} of ${cluster} is still ${last.rawStatus} after ${took}: Atlas carries on with it, but it is not completed yet.`,
        };
    }
    if (last.status === 'failed') {
        return {
            ...base,
            outcome: 'failed',
            snapshot: last,
            durationMs,
            message: `On-demand snapshot ${last.id} of ${cluster} failed after ${took}; see the cluster's Backup page in Atlas.`,
        };
    }
    return {
        ...base,
        outcome: 'completed',
        snapshot: last,
        durationMs,
        message: `On-demand snapshot ${last.id} of ${cluster} completed in ${took}${last.expiresAt ? `; Atlas keeps it until ${last.expiresAt}` : ''}.`,
    };
}
async function startSnapshot(client, tier, options) {
    for (let attempt = 1;; attempt++) {
        try {
            const { snapshot, reconciled } = await client.takeSnapshot(tier, {
                description: options.description,
                retentionInDays: options.retentionDays,
            });
            return { snapshot, adopted: false, reconciled };
        }
        catch (error) {
            if (!(error instanceof src_errors/* AtlasApiError */.y1) || error.status !== 409)
                throw error;
            // A 409 created nothing: find the snapshot in the way, or ask again if it finished meanwhile.
            const running = (await client.listSnapshots(tier)).find((s) => s.type === 'onDemand' && (s.status === 'queued' || s.status === 'inProgress'));
            if (running)
                return { snapshot: running, adopted: true, reconciled: false };
            if (attempt >= CONFLICT_TRIES)
                throw error;
            client.deps.logger.info(`${error.message} No on-demand snapshot is in progress any more: asking again.`);
        }
    }
}
function quoted(text) {
    return text ? `"${text}"` : 'no description';
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ../atlas/src/export.ts






/**
 * Exports a completed snapshot of a dedicated cluster to an export bucket (one `.json.gz` of Extended
 * JSON per collection, then a `.complete` marker, under the job's prefix) and, when asked, follows the
 * job until it is Successful, Failed or Cancelled. Atlas does not retry a failed export: what it wrote
 * stays, and the result says where.
 */
async function exportSnapshot(client, options) {
    const { deps } = client;
    const started = deps.now();
    const deadline = started + options.timeoutMs;
    const tier = await client.getTier(options.projectId, options.cluster);
    requireTier(tier, ['dedicated'], 'export a snapshot');
    requireBackupEnabled(tier, 'export a snapshot');
    const cluster = (0,src_tier/* describeCluster */.K$)(tier);
    const snapshot = await client.getSnapshot(tier, options.snapshotId);
    if (snapshot.status !== 'completed') {
        throw new errors/* UserError */.y(`Cannot export snapshot ${snapshot.id} of ${cluster}: it is ${snapshot.rawStatus}, and only a completed snapshot can be exported.`);
    }
    const bucket = await client.getExportBucket(options.projectId, options.exportBucketId);
    const tag = options.tag ?? (0,external_node_crypto_.randomBytes)(8).toString('hex');
    const { job: first, reconciled } = await client.createExport(tier, {
        snapshotId: snapshot.id,
        exportBucketId: bucket.id,
        tag,
    });
    const base = { tier, snapshot, bucket, reconciled };
    const to = `${bucket.cloudProvider ?? 'bucket'} ${bucket.bucketName}`;
    if (!options.wait) {
        return {
            ...base,
            outcome: 'started',
            job: first,
            durationMs: deps.now() - started,
            message: `Export job ${first.id} of snapshot ${snapshot.id} to ${to} is ${first.state}; not waiting for it.`,
        };
    }
    const { last, timedOut } = await follow(first, () => client.getExport(tier, first.id), {
        finished: (job) => FINISHED_EXPORT.includes(job.state),
        describe: (job) => `Export job ${job.id}: ${job.state}${job.totalCollections ? ` (${job.exportedCollections ?? 0}/${job.totalCollections} collections)` : ''}`,
    }, { pollIntervalMs: options.pollIntervalMs, deadline }, deps);
    const durationMs = deps.now() - started;
    const took = (0,format/* formatDuration */.a3)(durationMs);
    const where = last.prefix ? ` under ${last.prefix}` : '';
    if (timedOut) {
        return {
            ...base,
            outcome: 'timed-out',
            job: last,
            durationMs,
            message: `Export job ${last.id} of snapshot ${snapshot.id} is still ${last.state} after ${took}: Atlas carries on with it, but it is not finished yet.`,
        };
    }
    if (last.state === 'Successful') {
        return {
            ...base,
            outcome: 'successful',
            job: last,
            durationMs,
            message: `Exported snapshot ${snapshot.id} of ${cluster} to ${to}${where} in ${took} (one .json.gz per collection and a .complete marker).`,
        };
    }
    const reason = last.stateReason?.message
        ? `: ${last.stateReason.message}${last.stateReason.errorCode ? ` (${last.stateReason.errorCode})` : ''}`
        : '';
    return {
        ...base,
        outcome: last.state === 'Cancelled' ? 'cancelled' : 'failed',
        job: last,
        durationMs,
        message: `Export job ${last.id} of snapshot ${snapshot.id} ended ${last.state}${reason}. Atlas does not retry a failed export ` +
            `and leaves what it wrote${where} in ${to} (no .complete marker): delete it before exporting again.`,
    };
}

;// CONCATENATED MODULE: ../atlas/src/restore.ts





/**
 * Works out and checks what a restore would do, without changing anything: the source's tier allows it,
 * the snapshot exists and is completed (or continuous backup covers the point in time), and the target
 * cluster exists. The plan says, in its last line, that every document of the target is replaced.
 */
async function planRestore(client, request) {
    if (Boolean(request.snapshotId) === Boolean(request.pointInTime)) {
        throw new errors/* UserError */.y('A restore takes either a snapshot or a point in time, not both and not neither.');
    }
    const source = await client.getTier(request.projectId, request.cluster);
    requireTier(source, ['dedicated', 'flex'], 'restore a snapshot');
    const from = (0,src_tier/* describeCluster */.K$)(source);
    let snapshot;
    let pointInTime;
    if (request.snapshotId) {
        snapshot = await client.getSnapshot(source, request.snapshotId);
        if (snapshot.status !== 'completed') {
            throw new errors/* UserError */.y(`Cannot restore snapshot ${snapshot.id} of ${from}: it is ${snapshot.rawStatus}, and only a completed snapshot can be restored.`);
        }
    }
    else if (request.pointInTime) {
        if (source.kind === 'flex') {
            throw new src_errors/* UnsupportedTierError */.Cx(`Cannot restore a point in time of ${from}: Flex clusters have no continuous backup; restore one of their daily snapshots instead.`, source, 'restore a point in time');
        }
        if (!source.pitEnabled) {
            throw new errors/* UserError */.y(`Cannot restore a point in time of ${from}: continuous cloud backup is off for it. Restore a snapshot, or turn continuous backup on (it covers times after that).`);
        }
        if (request.pointInTime.getTime() > client.deps.now()) {
            throw new errors/* UserError */.y(`Cannot restore ${request.pointInTime.toISOString()}: that point in time is in the future.`);
        }
        pointInTime = new Date(Math.floor(request.pointInTime.getTime() / 1000) * 1000).toISOString();
    }
    const target = await client.getTier(request.targetProjectId ?? request.projectId, request.targetCluster);
    if (target.kind === 'free') {
        throw new src_errors/* UnsupportedTierError */.Cx(`Cannot restore into ${(0,src_tier/* describeCluster */.K$)(target)}: Atlas restores snapshots into Flex and dedicated clusters, not into M0.`, target, 'restore into a cluster');
    }
    const deliveryType = pointInTime ? 'pointInTime' : 'automated';
    const into = (0,src_tier/* describeCluster */.K$)(target);
    const lines = [
        `source:   ${from}`,
        snapshot
            ? `restore:  snapshot ${snapshot.id}, taken ${snapshot.createdAt ?? 'at an unknown time'} (${snapshot.type}${snapshot.description ? `, "${snapshot.description}"` : ''})`
            : `restore:  the data as it was at ${pointInTime} (point in time, from continuous backup)`,
        `into:     ${into}`,
        `delivery: ${deliveryType}`,
        `effect:   Atlas REPLACES ALL DATA of cluster '${target.cluster}': every database and collection on it now is lost.`,
    ];
    return {
        source,
        target,
        deliveryType,
        ...(snapshot ? { snapshot } : {}),
        ...(pointInTime ? { pointInTime } : {}),
        lines,
    };
}
/**
 * The one check that stands between a plan and a restore that replaces every document of its target:
 * the confirmation must be the target cluster's exact name.
 */
function checkConfirmation(plan, confirm) {
    const expected = plan.target.cluster;
    if (confirm === expected)
        return;
    throw new src_errors/* RestoreNotConfirmedError */.D0(`This restore replaces all data of ${(0,src_tier/* describeCluster */.K$)(plan.target)}. Confirm with the exact name of the target cluster, '${expected}'${confirm === undefined || confirm === '' ? '' : `; got '${confirm}'`}. Nothing was started.`, expected, confirm);
}
/** Starts the planned restore (at most once), after {@link checkConfirmation}, and follows it when asked. */
async function startRestore(client, plan, options) {
    checkConfirmation(plan, options.confirm);
    const { deps } = client;
    const started = deps.now();
    const deadline = started + options.timeoutMs;
    const { job: first, reconciled } = await client.createRestoreJob(plan.source, {
        deliveryType: plan.deliveryType,
        ...(plan.snapshot ? { snapshotId: plan.snapshot.id } : {}),
        ...(plan.pointInTime ? { pointInTimeUTCSeconds: Date.parse(plan.pointInTime) / 1000 } : {}),
        targetProjectId: plan.target.projectId,
        targetCluster: plan.target.cluster,
    });
    const into = (0,src_tier/* describeCluster */.K$)(plan.target);
    deps.logger.info(`Atlas accepted restore job ${first.id} into ${into}${reconciled ? ' (found after its answer was lost)' : ''}.`);
    if (!options.wait) {
        return {
            outcome: 'started',
            plan,
            job: first,
            reconciled,
            durationMs: deps.now() - started,
            message: `Restore job ${first.id} into ${into} started; not waiting for it.`,
        };
    }
    const { last, timedOut } = await follow(first, () => client.getRestoreJob(plan.source, first.id), {
        finished: (job) => job.state !== 'inProgress',
        describe: (job) => `Restore job ${job.id}: ${job.state}`,
    }, { pollIntervalMs: options.pollIntervalMs, deadline }, deps);
    const durationMs = deps.now() - started;
    const took = (0,format/* formatDuration */.a3)(durationMs);
    const outcome = timedOut
        ? 'timed-out'
        : last.state === 'inProgress'
            ? 'timed-out'
            : last.state;
    const message = outcome === 'completed'
        ? `Restore job ${last.id} into ${into} completed in ${took}.`
        : outcome === 'timed-out'
            ? `Restore job ${last.id} into ${into} is still running after ${took}: Atlas carries on with it; the target cluster is not usable until it finishes.`
            : `Restore job ${last.id} into ${into} ${outcome} after ${took}; see the cluster's Backup → Restores page in Atlas.`;
    return { outcome, plan, job: last, reconciled, durationMs, message };
}

// EXTERNAL MODULE: ../../node_modules/yaml/dist/index.js
var dist = __webpack_require__(3483);
// EXTERNAL MODULE: ../../node_modules/zod/v4/classic/schemas.js + 6 modules
var schemas = __webpack_require__(7821);
;// CONCATENATED MODULE: ../atlas/src/policy.ts





const policyItem = schemas/* strictObject */.rej({
    frequencyType: schemas/* enum */.k5n(['hourly', 'daily', 'weekly', 'monthly', 'yearly']),
    frequencyInterval: schemas/* number */.aig().int().min(1).max(40),
    retentionUnit: schemas/* enum */.k5n(['days', 'weeks', 'months', 'years']),
    retentionValue: schemas/* number */.aig().int().min(1),
});
const onDemandItem = schemas/* strictObject */.rej({
    frequencyType: schemas/* literal */.euz('ondemand').default('ondemand'),
    frequencyInterval: schemas/* number */.aig().int().min(0).max(40).default(0),
    retentionUnit: schemas/* enum */.k5n(['days', 'weeks', 'months', 'years']),
    retentionValue: schemas/* number */.aig().int().min(1),
});
/**
 * The desired backup policy of a cluster, in Atlas's own field names (so a value copied from the API or
 * the Atlas CLI fits). Only what it states is checked; an unknown key is an error, never ignored.
 */
const desiredPolicySchema = schemas/* strictObject */.rej({
    /** From the cluster description. */
    cluster: schemas/* strictObject */.rej({
        backupEnabled: schemas/* boolean */.zMY().optional(),
        pitEnabled: schemas/* boolean */.zMY().optional(),
    })
        .optional(),
    /** From the cluster's backup schedule. `policyItems` is compared as a whole: missing and extra items are drift. */
    schedule: schemas/* strictObject */.rej({
        referenceHourOfDay: schemas/* number */.aig().int().min(0).max(23).optional(),
        referenceMinuteOfHour: schemas/* number */.aig().int().min(0).max(59).optional(),
        restoreWindowDays: schemas/* number */.aig().int().min(1).optional(),
        autoExportEnabled: schemas/* boolean */.zMY().optional(),
        exportBucketId: schemas/* string */.YjP()
            .regex(/^[a-f0-9]{24}$/, 'an export bucket id is 24 hexadecimal digits')
            .optional(),
        policyItems: schemas/* array */.YOg(policyItem).optional(),
    })
        .optional(),
    /**
     * The project's Backup Compliance Policy, which must exist when this section is given (reading it needs
     * the Project Owner role, so leave the section out where that role is not granted).
     */
    compliancePolicy: schemas/* strictObject */.rej({
        pitEnabled: schemas/* boolean */.zMY().optional(),
        restoreWindowDays: schemas/* number */.aig().int().min(1).optional(),
        copyProtectionEnabled: schemas/* boolean */.zMY().optional(),
        encryptionAtRestEnabled: schemas/* boolean */.zMY().optional(),
        scheduledPolicyItems: schemas/* array */.YOg(policyItem).optional(),
        onDemandPolicyItem: onDemandItem.optional(),
    })
        .optional(),
});
/** Reads a desired policy written in YAML or JSON; errors name the source and the key. */
function parseDesiredPolicy(text, source) {
    let data;
    try {
        data = (0,dist/* parse */.qg)(text, { uniqueKeys: true });
    }
    catch (error) {
        throw new errors/* UserError */.y(`${source} is not valid YAML or JSON: ${error.message.split('\n')[0]}`);
    }
    if (data === null || data === undefined) {
        throw new errors/* UserError */.y(`${source} is empty: write the policy to check (cluster, schedule and/or compliancePolicy).`);
    }
    const result = desiredPolicySchema.safeParse(data);
    if (!result.success) {
        const problems = result.error.issues.map((issue) => {
            const key = issue.path.map(String).join('.');
            const message = issue.code === 'unrecognized_keys'
                ? `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'`).join(', ')} (allowed: see docs/ATLAS.md)`
                : issue.message;
            return `  ${key || '(top level)'}: ${message}`;
        });
        throw new errors/* UserError */.y(`${source} is not a valid Atlas backup policy:\n${problems.join('\n')}`);
    }
    const policy = result.data;
    if (!policy.cluster && !policy.schedule && !policy.compliancePolicy) {
        throw new errors/* UserError */.y(`${source} states nothing to check: give cluster, schedule and/or compliancePolicy.`);
    }
    return policy;
}
/**
 * Compares a dedicated cluster's backup settings (cluster description, backup schedule, and the project's
 * Backup Compliance Policy when the desired policy mentions it) with the desired policy.
 */
async function checkPolicy(client, target, desired) {
    const tier = await client.getTier(target.projectId, target.cluster);
    requireTier(tier, ['dedicated'], 'check the backup policy');
    const schedule = desired.schedule ? await client.getSchedule(target.projectId, target.cluster) : undefined;
    const compliance = desired.compliancePolicy
        ? await client.getCompliancePolicy(target.projectId)
        : undefined;
    const { checked, differences } = comparePolicy(desired, {
        cluster: { backupEnabled: tier.backupEnabled, pitEnabled: tier.pitEnabled },
        ...(schedule ? { schedule } : {}),
        compliancePolicy: compliance,
    });
    const what = (0,src_tier/* describeCluster */.K$)(tier);
    return {
        tier,
        checked,
        differences,
        message: differences.length === 0
            ? `The backup policy of ${what} matches: ${checked} setting(s) checked.`
            : `The backup policy of ${what} has drifted: ${differences.length} difference(s) in ${checked} setting(s) checked.`,
    };
}
/** Every difference between what the desired policy states and the actual settings (pure). */
function comparePolicy(desired, actual) {
    const differences = [];
    let checked = 0;
    const compare = (field, want, have) => {
        if (want === undefined)
            return;
        checked += 1;
        if (want !== have)
            differences.push({ field, expected: show(want), actual: show(have) });
    };
    for (const [key, want] of Object.entries(desired.cluster ?? {})) {
        compare(`cluster.${key}`, want, actual.cluster[key]);
    }
    if (desired.schedule) {
        const have = actual.schedule;
        const { policyItems, exportBucketId, ...plain } = desired.schedule;
        for (const [key, want] of Object.entries(plain)) {
            compare(`schedule.${key}`, want, have?.[key]);
        }
        compare('schedule.exportBucketId', exportBucketId, have?.export?.exportBucketId);
        if (policyItems) {
            checked += 1;
            differences.push(...compareItems('schedule.policyItems', policyItems, have?.policyItems ?? []));
        }
    }
    if (desired.compliancePolicy) {
        const have = actual.compliancePolicy;
        checked += 1;
        if (!have) {
            differences.push({ field: 'compliancePolicy', expected: 'a Backup Compliance Policy', actual: 'none' });
        }
        else {
            const { scheduledPolicyItems, onDemandPolicyItem, ...plain } = desired.compliancePolicy;
            for (const [key, want] of Object.entries(plain)) {
                compare(`compliancePolicy.${key}`, want, have[key]);
            }
            if (scheduledPolicyItems) {
                checked += 1;
                differences.push(...compareItems('compliancePolicy.scheduledPolicyItems', scheduledPolicyItems, have.scheduledPolicyItems));
            }
            if (onDemandPolicyItem) {
                compare('compliancePolicy.onDemandPolicyItem', retention(onDemandPolicyItem), have.onDemandPolicyItem ? retention(have.onDemandPolicyItem) : 'none');
            }
        }
    }
    return { checked, differences };
}
/** Policy items matched by frequency (`hourly every 6`); each one's retention compared; missing and extra ones listed. */
function compareItems(field, desired, actual) {
    const differences = [];
    const byFrequency = (items) => new Map(items.map((item) => [frequency(item), item]));
    const want = byFrequency(desired);
    const have = byFrequency(actual);
    for (const [key, item] of want) {
        const found = have.get(key);
        if (!found)
            differences.push({ field: `${field}[${key}]`, expected: retention(item), actual: 'missing' });
        else if (retention(found) !== retention(item))
            differences.push({ field: `${field}[${key}]`, expected: retention(item), actual: retention(found) });
    }
    for (const [key, item] of have) {
        if (!want.has(key))
            differences.push({ field: `${field}[${key}]`, expected: 'none', actual: retention(item) });
    }
    return differences;
}
function frequency(item) {
    return `${item.frequencyType} every ${item.frequencyInterval}`;
}
function retention(item) {
    return `kept ${item.retentionValue} ${item.retentionUnit}`;
}
function show(value) {
    return value === undefined ? 'not set' : String(value);
}

;// CONCATENATED MODULE: ../atlas/src/freshness.ts



/**
 * Whether the cluster's newest completed Cloud Backup snapshot (on demand, scheduled, or Flex's daily one)
 * is recent enough: the Atlas side of a deploy gate. Age is measured from when the snapshot was taken.
 */
async function checkSnapshotFreshness(client, options) {
    const tier = await client.getTier(options.projectId, options.cluster);
    requireTier(tier, ['dedicated', 'flex'], 'check the age of Atlas snapshots');
    const snapshots = await client.listSnapshots(tier);
    const completed = snapshots.filter((s) => s.status === 'completed' && Boolean(s.createdAt));
    const what = (0,src_tier/* describeCluster */.K$)(tier);
    const allowed = (0,format/* formatDuration */.a3)(options.maxAgeMs);
    const base = { tier, maxAgeMs: options.maxAgeMs, snapshots: snapshots.length, completed: completed.length };
    const newest = completed.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))[0];
    if (!newest) {
        return {
            ...base,
            fresh: false,
            message: `No completed snapshot of ${what} (${snapshots.length} snapshot(s) listed).`,
        };
    }
    const ageMs = client.deps.now() - Date.parse(newest.createdAt);
    const fresh = ageMs <= options.maxAgeMs;
    const age = (0,format/* formatDuration */.a3)(Math.max(0, ageMs));
    return {
        ...base,
        fresh,
        newest: {
            id: newest.id,
            type: newest.type,
            createdAt: newest.createdAt,
            ageMs,
            ...(newest.description ? { description: newest.description } : {}),
        },
        message: fresh
            ? `The newest completed snapshot of ${what}, ${newest.id} (${newest.type}), is ${age} old (allowed: ${allowed}).`
            : `The newest completed snapshot of ${what}, ${newest.id} (${newest.type}), is ${age} old: older than the allowed ${allowed}.`,
    };
}

// EXTERNAL MODULE: ./src/text.ts
var src_text = __webpack_require__(9071);
// EXTERNAL MODULE: ../action-kit/src/inputs.ts
var inputs = __webpack_require__(8949);
;// CONCATENATED MODULE: ../atlas/src/names.ts
/** Atlas's ids (projects, snapshots, export buckets, jobs): 24 hexadecimal digits. */
const ATLAS_ID = /^[a-f0-9]{24}$/;
/** A cluster's name, as Atlas allows it. */
const CLUSTER_NAME = /^[a-zA-Z0-9][a-zA-Z0-9-]*$/;
/**
 * An ISO 8601 time with its zone (`2026-11-25T03:00:00Z`, `…+02:00`), or undefined: a restore must not
 * depend on the machine's time zone.
 */
function parseZonedTime(text) {
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(text))
        return undefined;
    const date = new Date(text);
    return Number.isNaN(date.getTime()) ? undefined : date;
}

// EXTERNAL MODULE: ./src/inputs.ts
var src_inputs = __webpack_require__(1601);
;// CONCATENATED MODULE: ./src/commands/atlas/inputs.ts
/**
 * Every input of the `shipkit atlas …` commands, one typed list per command: name, type, default,
 * description, CLI flag, environment fallback, secret. The options `--help` shows and the values the
 * commands read both come from these lists, nothing else.
 */



const CONNECTION = [
    {
        name: 'project-id',
        flag: 'project',
        type: 'string',
        value: '<groupId>',
        env: 'ATLAS_PROJECT_ID',
        description: 'the Atlas project id (24 hexadecimal digits, Project Settings)',
    },
    {
        name: 'cluster',
        flag: 'cluster',
        type: 'string',
        value: '<name>',
        env: 'ATLAS_CLUSTER',
        description: "the cluster's name",
    },
    {
        name: 'client-id',
        type: 'string',
        env: 'ATLAS_CLIENT_ID',
        description: "a service account's client id (mdb_sa_id_…)",
    },
    {
        name: 'client-secret',
        type: 'string',
        env: 'ATLAS_CLIENT_SECRET',
        secret: true,
        description: "that service account's secret",
    },
    {
        name: 'public-key',
        type: 'string',
        env: 'ATLAS_PUBLIC_KEY',
        description: "a legacy API key's public key (instead of a service account)",
    },
    {
        name: 'private-key',
        type: 'string',
        env: 'ATLAS_PRIVATE_KEY',
        secret: true,
        description: "that API key's private key",
    },
    {
        name: 'base-url',
        type: 'string',
        env: 'ATLAS_BASE_URL',
        default: 'https://cloud.mongodb.com',
        description: 'where Atlas is',
    },
];
const timeout = (fallback, what) => ({
    name: 'timeout',
    flag: 'timeout',
    type: 'duration',
    value: '<duration>',
    default: fallback,
    description: `deadline for every request${what}; then exit 1 (default ${fallback})`,
});
const wait = {
    name: 'wait',
    flag: 'wait',
    type: 'boolean',
    default: 'false',
    description: 'follow it until it ends',
};
const pollInterval = (fallback) => ({
    name: 'poll-interval',
    flag: 'poll-interval',
    type: 'duration',
    value: '<duration>',
    default: fallback,
    description: `with --wait: how often to look (default ${fallback})`,
});
const SNAPSHOT_INPUTS = [
    ...CONNECTION,
    {
        name: 'description',
        flag: 'description',
        type: 'string',
        value: '<text>',
        description: "shown in Atlas (default: 'shipkit on-demand snapshot <time>')",
    },
    {
        name: 'retention-days',
        flag: 'retention-days',
        type: 'integer',
        value: '<days>',
        default: '7',
        description: 'how long Atlas keeps the snapshot (default 7)',
    },
    wait,
    pollInterval('10s'),
    timeout('30m', ' and for the wait'),
];
const SNAPSHOTS_INPUTS = [...CONNECTION, timeout('2m', '')];
const EXPORT_INPUTS = [
    ...CONNECTION,
    {
        name: 'snapshot-id',
        flag: 'snapshot',
        type: 'string',
        value: '<id>',
        description: 'the completed snapshot to export',
    },
    {
        name: 'export-bucket-id',
        flag: 'bucket',
        type: 'string',
        value: '<exportBucketId>',
        description: "the export bucket's id in Atlas (Project → Backup → Export buckets), not its name",
    },
    wait,
    pollInterval('30s'),
    timeout('2h', ' and for the wait'),
];
const RESTORE_INPUTS = [
    ...CONNECTION,
    {
        name: 'snapshot-id',
        flag: 'snapshot',
        type: 'string',
        value: '<id>',
        description: 'the snapshot to restore',
    },
    {
        name: 'point-in-time',
        flag: 'point-in-time',
        type: 'string',
        value: '<ISO time>',
        description: 'instead of a snapshot: the moment to restore (continuous backup), e.g. 2026-11-25T03:00:00Z',
    },
    {
        name: 'target-cluster',
        flag: 'target-cluster',
        type: 'string',
        value: '<name>',
        description: 'the cluster whose data is replaced',
    },
    {
        name: 'target-project-id',
        flag: 'target-project',
        type: 'string',
        value: '<groupId>',
        description: "the target cluster's project (default: --project)",
    },
    {
        name: 'confirm',
        flag: 'confirm',
        type: 'string',
        value: '<name>',
        description: 'the target cluster name, typed again: nothing starts without it',
    },
    wait,
    pollInterval('30s'),
    timeout('2h', ' and for the wait'),
];
const POLICY_INPUTS = [
    ...CONNECTION,
    {
        name: 'expect',
        flag: 'expect',
        type: 'string',
        value: '<file>',
        description: 'the desired policy, YAML or JSON (see docs/ATLAS.md)',
    },
    timeout('2m', ''),
];
const FRESHNESS_INPUTS = [
    ...CONNECTION,
    {
        name: 'max-age',
        flag: 'max-age',
        type: 'duration',
        value: '<duration>',
        description: 'the newest completed snapshot may be this old, e.g. 26h',
    },
    timeout('2m', ''),
];
/** The command-line options of a list: every input with a flag (never a secret). */
function optionsOf(specs) {
    const options = {};
    for (const spec of specs) {
        const flag = spec.flag;
        if (!flag || spec.secret)
            continue;
        const env = spec.env ? ` (env ${spec.env})` : '';
        options[flag] = {
            type: spec.type === 'boolean' ? 'boolean' : 'string',
            description: `${spec.description}${env}`,
            ...(spec.value ? { value: spec.value } : {}),
        };
    }
    return options;
}
/** The environment variables of a list, for `--help`. */
function environmentOf(specs) {
    return specs
        .filter((spec) => spec.env && !spec.flag)
        .map((spec) => `  ${spec.env.padEnd(20)} ${spec.description}${spec.default ? ` (default ${spec.default})` : ''}`)
        .join('\n');
}
/**
 * The values of one command's inputs, read once: options, then environment variables, then the list's
 * defaults; errors name the option or the variable.
 */
class CommandInputs {
    specs;
    inputs;
    byName;
    constructor(specs, args, env) {
        this.specs = specs;
        this.byName = new Map(specs.map((spec) => [spec.name, spec]));
        const aliases = Object.fromEntries(specs
            .filter((spec) => spec.flag && spec.flag !== spec.name)
            .map((spec) => [spec.flag, spec.name]));
        // Only what the list puts on the command line is read from it.
        const onCommandLine = new Set(specs.flatMap((spec) => (spec.flag ? [spec.flag] : [])));
        const options = Object.fromEntries(Object.entries(args.options).filter(([option]) => onCommandLine.has(option)));
        const envFallbacks = Object.fromEntries(specs.filter((spec) => spec.env).map((spec) => [spec.name, spec.env]));
        this.inputs = (0,src_inputs/* optionInputs */.t)({ ...args, options }, env, { aliases, envFallbacks });
    }
    /** How errors name an input: its option, and its variable when it has one. */
    label(name) {
        const spec = this.spec(name);
        const flag = spec.flag ? `--${spec.flag}` : undefined;
        if (flag && spec.env)
            return `${flag} (or ${spec.env})`;
        return flag ?? spec.env ?? name;
    }
    string(name) {
        return this.inputs.string(name) ?? this.spec(name).default;
    }
    required(name) {
        const value = this.string(name);
        if (value === undefined)
            throw new errors/* UserError */.y(`${this.label(name)} is required.`);
        return value;
    }
    boolean(name) {
        return this.inputs.boolean(name, this.spec(name).default === 'true');
    }
    duration(name) {
        const spec = this.spec(name);
        if (spec.default === undefined)
            this.required(name);
        return this.inputs.duration(name, spec.default === undefined ? 0 : (0,inputs/* parseDuration */.E9)(name, spec.default));
    }
    integer(name, range = {}) {
        const spec = this.spec(name);
        return this.inputs.integer(name, Number(spec.default ?? Number.NaN), range);
    }
    /** Every secret value given, for the redactor. */
    secrets() {
        return this.specs.filter((spec) => spec.secret).flatMap((spec) => this.inputs.string(spec.name) ?? []);
    }
    spec(name) {
        const spec = this.byName.get(name);
        if (!spec)
            throw new Error(`no input '${name}' in this command's list`);
        return spec;
    }
}
/** The project and cluster, checked against the forms Atlas accepts. */
function target(inputs) {
    const projectId = inputs.required('project-id');
    if (!ATLAS_ID.test(projectId)) {
        throw new errors/* UserError */.y(`${inputs.label('project-id')} must be an Atlas project id: 24 hexadecimal digits (Project Settings → Project ID), got '${projectId}'.`);
    }
    return { projectId, cluster: clusterName(inputs, 'cluster') };
}
function clusterName(inputs, name) {
    const cluster = inputs.required(name);
    if (!CLUSTER_NAME.test(cluster)) {
        throw new errors/* UserError */.y(`${inputs.label(name)} must be a cluster name (letters, digits and hyphens), got '${cluster}'.`);
    }
    return cluster;
}
function hexId(inputs, name, what) {
    const id = inputs.required(name);
    if (!ATLAS_ID.test(id))
        throw new errors/* UserError */.y(`${inputs.label(name)} must be ${what} (24 hexadecimal digits), got '${id}'.`);
    return id;
}
/** A service account (ATLAS_CLIENT_ID + ATLAS_CLIENT_SECRET) or an API key (ATLAS_PUBLIC_KEY + ATLAS_PRIVATE_KEY). */
function credentials(inputs) {
    const clientId = inputs.string('client-id');
    const clientSecret = inputs.string('client-secret');
    const publicKey = inputs.string('public-key');
    const privateKey = inputs.string('private-key');
    const pair = (a, b) => `${inputs.label(a)} and ${inputs.label(b)}`;
    if (clientId || clientSecret) {
        if (!clientId || !clientSecret) {
            throw new errors/* UserError */.y(`A service account needs both ${pair('client-id', 'client-secret')}.`);
        }
        return {
            credentials: { kind: 'service-account', clientId, clientSecret },
            source: pair('client-id', 'client-secret'),
        };
    }
    if (publicKey || privateKey) {
        if (!publicKey || !privateKey)
            throw new errors/* UserError */.y(`An API key needs both ${pair('public-key', 'private-key')}.`);
        return {
            credentials: { kind: 'api-key', publicKey, privateKey },
            source: pair('public-key', 'private-key'),
        };
    }
    throw new errors/* UserError */.y(`Give Atlas credentials: a service account in ${pair('client-id', 'client-secret')} (recommended), or an API key in ${pair('public-key', 'private-key')}.`);
}
function baseUrl(inputs) {
    const url = inputs.required('base-url');
    if (!/^https?:\/\/[^/]/.test(url)) {
        throw new errors/* UserError */.y(`${inputs.label('base-url')} must be an http:// or https:// URL, got '${url}'.`);
    }
    return url;
}
/** `2026-11-25T03:00:00Z` (a time zone required: a restore must not depend on the machine's zone). */
function pointInTime(inputs) {
    const raw = inputs.string('point-in-time');
    if (raw === undefined)
        return undefined;
    const date = parseZonedTime(raw);
    if (!date) {
        throw new errors/* UserError */.y(`${inputs.label('point-in-time')} must be an ISO 8601 time with its zone, e.g. 2026-11-25T03:00:00Z, got '${raw}'.`);
    }
    return date;
}

;// CONCATENATED MODULE: ./src/commands/atlas/index.ts






const CREDENTIALS_HELP = `
Credentials come from the environment, never the command line: a service account in ATLAS_CLIENT_ID
and ATLAS_CLIENT_SECRET (recommended), or a legacy API key in ATLAS_PUBLIC_KEY and ATLAS_PRIVATE_KEY.
The least project roles each command needs are in docs/ATLAS.md.`;
function details(specs, text) {
    return `${text.trim()}\n${CREDENTIALS_HELP}\n\nEnvironment:\n${environmentOf(specs)}`;
}
/** The command's inputs, read once, with every secret given registered for redaction first. */
function read(specs, args, context) {
    if (args.positionals.length > 0) {
        throw new errors/* UserError */.y(`Unexpected argument '${args.positionals[0]}': every value is given with an option.`);
    }
    const inputs = new CommandInputs(specs, args, context.env);
    for (const secret of inputs.secrets())
        context.redactor.add(secret);
    return inputs;
}
/** A client whose every request (and wait) ends by the command's deadline, or when the user interrupts. */
function connect(inputs, context, timeoutMs) {
    const { credentials: given, source } = credentials(inputs);
    for (const secret of (0,auth/* credentialSecrets */.DJ)(given))
        context.redactor.add(secret);
    const deps = { ...(0,http/* realAtlasDeps */.QM)(context.signal), logger: context.logger };
    return new client/* AtlasClient */.l({
        credentials: given,
        baseUrl: baseUrl(inputs),
        credentialSource: source,
        signal: context.signal,
        deadline: deps.now() + timeoutMs,
        onSecret: (token) => context.redactor.add(token),
    }, deps);
}
function json(context, value) {
    context.stdout(`${JSON.stringify(value, null, 2)}\n`);
}
function snapshotJson(snapshot) {
    return {
        id: snapshot.id,
        type: snapshot.type,
        status: snapshot.rawStatus,
        createdAt: snapshot.createdAt ?? null,
        expiresAt: snapshot.expiresAt ?? null,
        description: snapshot.description ?? null,
        storageSizeBytes: snapshot.storageSizeBytes ?? null,
    };
}
const snapshot = {
    name: 'atlas snapshot',
    usage: '--project <groupId> --cluster <name> [--description <text>] [--retention-days N] [--wait] [options]',
    options: optionsOf(SNAPSHOT_INPUTS),
    details: details(SNAPSHOT_INPUTS, `
Takes an on-demand Cloud Backup snapshot of an M10+ cluster and, with --wait, follows it until it is
completed (exit 0) or failed (exit 1); running out of --timeout exits 1 too, and Atlas carries on.
Atlas takes one on-demand snapshot at a time: when one is already queued or in progress, that one is
followed instead of taking a second. M0 clusters have no Cloud Backup and Flex clusters no on-demand
snapshots: both are refused, saying what they offer (a logical backup, \`shipkit backup\`, works on all).

Example:
  ATLAS_CLIENT_ID=… ATLAS_CLIENT_SECRET=… shipkit atlas snapshot --project 65a1b2c3d4e5f60718293a4b \\
    --cluster shop --description "before deploy $(git rev-parse --short HEAD)" --wait`),
    async run(args, context) {
        const inputs = read(SNAPSHOT_INPUTS, args, context);
        const where = target(inputs);
        const timeoutMs = inputs.duration('timeout');
        const options = {
            ...where,
            description: inputs.string('description') ?? `shipkit on-demand snapshot ${new Date().toISOString()}`,
            retentionDays: inputs.integer('retention-days', { min: 1, max: 3650 }),
            wait: inputs.boolean('wait'),
            pollIntervalMs: inputs.duration('poll-interval'),
            timeoutMs,
        };
        const result = await takeOnDemandSnapshot(connect(inputs, context, timeoutMs), options);
        const message = result.outcome === 'timed-out'
            ? `${result.message} (--timeout ${(0,format/* formatDuration */.a3)(timeoutMs)})`
            : result.message;
        if (context.json) {
            json(context, {
                outcome: result.outcome,
                projectId: where.projectId,
                cluster: where.cluster,
                tier: result.tier.instanceSize,
                snapshotId: result.snapshot.id,
                status: result.snapshot.rawStatus,
                adopted: result.adopted,
                reconciled: result.reconciled,
                durationSeconds: Math.round(result.durationMs / 1000),
                snapshot: snapshotJson(result.snapshot),
                message,
            });
        }
        else {
            context.stdout(`${message}\nsnapshot ${result.snapshot.id}: ${result.snapshot.rawStatus}\n`);
        }
        return result.outcome === 'failed' || result.outcome === 'timed-out' ? 1 : 0;
    },
};
const snapshots = {
    name: 'atlas snapshots',
    usage: '--project <groupId> --cluster <name> [--json]',
    options: optionsOf(SNAPSHOTS_INPUTS),
    details: details(SNAPSHOTS_INPUTS, `
Lists the cluster's Cloud Backup snapshots, newest first: on-demand and scheduled ones on M10+, the
daily ones on Flex. M0 has none (and is refused, saying so).`),
    async run(args, context) {
        const inputs = read(SNAPSHOTS_INPUTS, args, context);
        const where = target(inputs);
        const client = connect(inputs, context, inputs.duration('timeout'));
        const tier = await client.getTier(where.projectId, where.cluster);
        requireTier(tier, ['dedicated', 'flex'], 'list snapshots');
        const list = await client.listSnapshots(tier);
        if (context.json) {
            json(context, {
                projectId: where.projectId,
                cluster: where.cluster,
                tier: tier.instanceSize,
                snapshots: list.map(snapshotJson),
            });
            return 0;
        }
        context.stdout(`${(0,src_tier/* describeCluster */.K$)(tier)}: ${list.length} snapshot(s)\n`);
        if (list.length > 0) {
            context.stdout((0,src_text/* textTable */.e)(['id', 'type', 'status', 'taken', 'expires', 'size', 'description'], list.map((s) => [
                s.id,
                s.type,
                s.rawStatus,
                s.createdAt ?? '',
                s.expiresAt ?? '',
                s.storageSizeBytes === undefined ? '' : (0,format/* formatBytes */.z3)(s.storageSizeBytes),
                s.description ?? '',
            ]), [5]));
        }
        return 0;
    },
};
const exportCommand = {
    name: 'atlas export',
    usage: '--project <groupId> --cluster <name> --snapshot <id> --bucket <exportBucketId> [--wait] [options]',
    options: optionsOf(EXPORT_INPUTS),
    details: details(EXPORT_INPUTS, `
Exports a completed snapshot of an M10+ cluster to an export bucket set up in Atlas: one .json.gz of
Extended JSON per collection and a .complete marker, under the prefix the output names. With --wait it
follows the job: exit 0 when Successful, 1 when Failed or Cancelled (Atlas does not retry it, and what it
wrote stays) or when --timeout runs out.`),
    async run(args, context) {
        const inputs = read(EXPORT_INPUTS, args, context);
        const where = target(inputs);
        const timeoutMs = inputs.duration('timeout');
        const result = await exportSnapshot(connect(inputs, context, timeoutMs), {
            ...where,
            snapshotId: hexId(inputs, 'snapshot-id', 'a snapshot id'),
            exportBucketId: hexId(inputs, 'export-bucket-id', 'an export bucket id'),
            wait: inputs.boolean('wait'),
            pollIntervalMs: inputs.duration('poll-interval'),
            timeoutMs,
        });
        if (context.json) {
            json(context, {
                outcome: result.outcome,
                projectId: where.projectId,
                cluster: where.cluster,
                snapshotId: result.snapshot.id,
                exportId: result.job.id,
                state: result.job.state,
                bucket: result.bucket.bucketName,
                prefix: result.job.prefix ?? null,
                exportedCollections: result.job.exportedCollections ?? null,
                totalCollections: result.job.totalCollections ?? null,
                reconciled: result.reconciled,
                durationSeconds: Math.round(result.durationMs / 1000),
                message: result.message,
            });
        }
        else {
            context.stdout(`${result.message}\nexport ${result.job.id}: ${result.job.state}${result.job.prefix ? `, prefix ${result.job.prefix}` : ''}\n`);
        }
        return result.outcome === 'successful' || result.outcome === 'started' ? 0 : 1;
    },
};
const restore = {
    name: 'atlas restore',
    usage: '--project <groupId> --cluster <name> (--snapshot <id> | --point-in-time <ISO time>) --target-cluster <name> --confirm <target cluster name> [--wait] [options]',
    options: optionsOf(RESTORE_INPUTS),
    details: details(RESTORE_INPUTS, `
Restores a snapshot (or, with continuous backup, a point in time) of a cluster into a target cluster,
through an Atlas restore job. An automated or point-in-time restore REPLACES ALL DATA of the target
cluster: the plan is printed first, and nothing starts unless --confirm repeats the target cluster's
exact name. Exit 0: completed (or started, without --wait); 1: failed, cancelled, expired or timed out;
2: refused.

Example:
  shipkit atlas restore --project 65a1b2c3d4e5f60718293a4b --cluster shop --snapshot 6656f0e1d2c3b4a596877869 \\
    --target-cluster shop-staging --confirm shop-staging --wait`),
    async run(args, context) {
        const inputs = read(RESTORE_INPUTS, args, context);
        const where = target(inputs);
        const timeoutMs = inputs.duration('timeout');
        const at = pointInTime(inputs);
        const snapshotId = inputs.string('snapshot-id')
            ? hexId(inputs, 'snapshot-id', 'a snapshot id')
            : undefined;
        if (Boolean(snapshotId) === Boolean(at)) {
            throw new errors/* UserError */.y(`Give ${inputs.label('snapshot-id')} or ${inputs.label('point-in-time')}: one of the two says what to restore.`);
        }
        const targetProjectId = inputs.string('target-project-id')
            ? hexId(inputs, 'target-project-id', 'an Atlas project id')
            : undefined;
        const client = connect(inputs, context, timeoutMs);
        const plan = await planRestore(client, {
            ...where,
            ...(snapshotId ? { snapshotId } : {}),
            ...(at ? { pointInTime: at } : {}),
            targetCluster: clusterName(inputs, 'target-cluster'),
            ...(targetProjectId ? { targetProjectId } : {}),
        });
        const planText = `Restore plan\n${plan.lines.map((line) => `  ${line}`).join('\n')}\n`;
        if (!context.json)
            context.stdout(planText);
        try {
            const result = await startRestore(client, plan, {
                confirm: inputs.string('confirm'),
                wait: inputs.boolean('wait'),
                pollIntervalMs: inputs.duration('poll-interval'),
                timeoutMs,
            });
            if (context.json) {
                json(context, {
                    outcome: result.outcome,
                    plan: plan.lines,
                    restoreJobId: result.job.id,
                    state: result.job.state,
                    reconciled: result.reconciled,
                    durationSeconds: Math.round(result.durationMs / 1000),
                    message: result.message,
                });
            }
            else {
                context.stdout(`${result.message}\nrestore job ${result.job.id}: ${result.job.state}\n`);
            }
            return result.outcome === 'completed' || result.outcome === 'started' ? 0 : 1;
        }
        catch (error) {
            if (!(error instanceof src_errors/* RestoreNotConfirmedError */.D0))
                throw error;
            if (context.json)
                json(context, { outcome: 'refused', plan: plan.lines, message: error.message });
            throw new errors/* UserError */.y(`${error.message} Re-run with --confirm ${error.expected} to start it.`);
        }
    },
};
const policy = {
    name: 'atlas policy',
    usage: '--project <groupId> --cluster <name> --expect <file> [--json]',
    options: optionsOf(POLICY_INPUTS),
    details: details(POLICY_INPUTS, `
Compares the backup settings of an M10+ cluster (backup on, continuous backup, the backup schedule and
its policy items, and the project's Backup Compliance Policy when the file has a compliancePolicy
section) with a desired policy in YAML or JSON. Exit 0 when they match, 1 on drift, with a table of the
differences. Only what the file states is checked; docs/ATLAS.md has an example.`),
    async run(args, context) {
        const inputs = read(POLICY_INPUTS, args, context);
        const where = target(inputs);
        const file = inputs.required('expect');
        const path = (0,external_node_path_.resolve)(context.cwd, file);
        const text = await (0,promises_.readFile)(path, 'utf8').catch((error) => {
            throw new errors/* UserError */.y(`--expect ${file}: cannot read it (${error.code ?? error.message}).`);
        });
        const desired = parseDesiredPolicy(text, file);
        const result = await checkPolicy(connect(inputs, context, inputs.duration('timeout')), where, desired);
        if (context.json) {
            json(context, {
                matches: result.differences.length === 0,
                projectId: where.projectId,
                cluster: where.cluster,
                checked: result.checked,
                differences: result.differences,
                message: result.message,
            });
        }
        else {
            context.stdout(`${result.message}\n`);
            if (result.differences.length > 0) {
                context.stdout((0,src_text/* textTable */.e)(['setting', 'expected', 'actual'], result.differences.map((d) => [d.field, d.expected, d.actual])));
            }
        }
        return result.differences.length === 0 ? 0 : 1;
    },
};
const checkFreshness = {
    name: 'atlas check-freshness',
    usage: '--project <groupId> --cluster <name> --max-age <duration> [--json]',
    options: optionsOf(FRESHNESS_INPUTS),
    details: details(FRESHNESS_INPUTS, `
For deploy gates: exit 0 when the cluster's newest completed Cloud Backup snapshot (on demand, scheduled,
or Flex's daily one) is younger than --max-age, 1 otherwise. Pairs with \`shipkit check-freshness\`,
which checks the verified logical backups.`),
    async run(args, context) {
        const inputs = read(FRESHNESS_INPUTS, args, context);
        const where = target(inputs);
        const maxAgeMs = inputs.duration('max-age');
        const result = await checkSnapshotFreshness(connect(inputs, context, inputs.duration('timeout')), {
            ...where,
            maxAgeMs,
        });
        if (context.json) {
            json(context, {
                fresh: result.fresh,
                projectId: where.projectId,
                cluster: where.cluster,
                tier: result.tier.instanceSize,
                maxAgeMs,
                newest: result.newest ?? null,
                snapshots: result.snapshots,
                completed: result.completed,
                message: result.message,
            });
        }
        else {
            context.stdout(`${result.fresh ? 'fresh' : 'STALE'}: ${result.message}\n`);
        }
        return result.fresh ? 0 : 1;
    },
};


/***/ }),

/***/ 1601:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ optionInputs)
/* harmony export */ });
/* harmony import */ var _shipkit_action_kit__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8949);

/**
 * Lets a CLI command parse its options with the same code, names and checks as the action's inputs:
 * option values are laid out as `INPUT_*` entries, with environment variables as fallbacks, and
 * errors name the option (and its variable).
 */
function optionInputs(args, env, spec = {}) {
    const aliases = spec.aliases ?? {};
    const fallbacks = spec.envFallbacks ?? {};
    const source = {};
    for (const [input, variable] of Object.entries(fallbacks)) {
        const value = env[variable];
        if (value)
            source[(0,_shipkit_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .inputEnvName */ .d_)(input)] = value;
    }
    for (const [option, value] of Object.entries(args.options)) {
        if (value === undefined || option === 'json' || option === 'help' || option === 'verbose')
            continue;
        const input = aliases[option] ?? option;
        source[(0,_shipkit_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .inputEnvName */ .d_)(input)] = Array.isArray(value) ? value.map(String).join('\n') : String(value);
    }
    const optionOf = Object.fromEntries(Object.entries(aliases).map(([option, input]) => [input, option]));
    return new _shipkit_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0(source, (input) => {
        const option = `--${optionOf[input] ?? input}`;
        return fallbacks[input] ? `${option} (or ${fallbacks[input]})` : option;
    });
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
