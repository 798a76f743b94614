export const id = 784;
export const ids = [784];
export const modules = {

/***/ 483:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ command)
/* harmony export */ });
/** Declares a command, keeping its table's types for `run`. */
function command(spec) {
    return spec;
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
// EXTERNAL MODULE: ../atlas/src/auth.ts
var auth = __webpack_require__(7882);
// EXTERNAL MODULE: ../atlas/src/http.ts
var http = __webpack_require__(8928);
// EXTERNAL MODULE: ../atlas/src/client.ts + 1 modules
var client = __webpack_require__(1603);
// EXTERNAL MODULE: ../runtime/src/format.ts
var format = __webpack_require__(770);
// EXTERNAL MODULE: ../atlas/src/errors.ts
var errors = __webpack_require__(1395);
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
            if (error instanceof errors/* AtlasDeadlineError */.Y)
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

// EXTERNAL MODULE: ../runtime/src/errors.ts
var src_errors = __webpack_require__(3422);
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
    throw new errors/* UnsupportedTierError */.Cx(`${lead} ${src_tier/* TIER_OFFERS */.N8[tier.kind]}`, tier, operation);
}
/** Dedicated clusters have Cloud Backup only when it is turned on. */
function requireBackupEnabled(tier, operation) {
    if (tier.backupEnabled)
        return;
    throw new src_errors/* UserError */.y(`Cannot ${operation}: Cloud Backup is off for ${(0,src_tier/* describeCluster */.K$)(tier)}. Turn it on in Atlas (the cluster's Edit Configuration → Additional Settings → Turn on Cloud Backup), or keep to logical backups.`);
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
            if (!(error instanceof errors/* AtlasApiError */.y1) || error.status !== 409)
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
        throw new src_errors/* UserError */.y(`Cannot export snapshot ${snapshot.id} of ${cluster}: it is ${snapshot.rawStatus}, and only a completed snapshot can be exported.`);
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
        throw new src_errors/* UserError */.y('A restore takes either a snapshot or a point in time, not both and not neither.');
    }
    const source = await client.getTier(request.projectId, request.cluster);
    requireTier(source, ['dedicated', 'flex'], 'restore a snapshot');
    const from = (0,src_tier/* describeCluster */.K$)(source);
    let snapshot;
    let pointInTime;
    if (request.snapshotId) {
        snapshot = await client.getSnapshot(source, request.snapshotId);
        if (snapshot.status !== 'completed') {
            throw new src_errors/* UserError */.y(`Cannot restore snapshot ${snapshot.id} of ${from}: it is ${snapshot.rawStatus}, and only a completed snapshot can be restored.`);
        }
    }
    else if (request.pointInTime) {
        if (source.kind === 'flex') {
            throw new errors/* UnsupportedTierError */.Cx(`Cannot restore a point in time of ${from}: Flex clusters have no continuous backup; restore one of their daily snapshots instead.`, source, 'restore a point in time');
        }
        if (!source.pitEnabled) {
            throw new src_errors/* UserError */.y(`Cannot restore a point in time of ${from}: continuous cloud backup is off for it. Restore a snapshot, or turn continuous backup on (it covers times after that).`);
        }
        if (request.pointInTime.getTime() > client.deps.now()) {
            throw new src_errors/* UserError */.y(`Cannot restore ${request.pointInTime.toISOString()}: that point in time is in the future.`);
        }
        pointInTime = new Date(Math.floor(request.pointInTime.getTime() / 1000) * 1000).toISOString();
    }
    const target = await client.getTier(request.targetProjectId ?? request.projectId, request.targetCluster);
    if (target.kind === 'free') {
        throw new errors/* UnsupportedTierError */.Cx(`Cannot restore into ${(0,src_tier/* describeCluster */.K$)(target)}: Atlas restores snapshots into Flex and dedicated clusters, not into M0.`, target, 'restore into a cluster');
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
    throw new errors/* RestoreNotConfirmedError */.D0(`This restore replaces all data of ${(0,src_tier/* describeCluster */.K$)(plan.target)}. Confirm with the exact name of the target cluster, '${expected}'${confirm === undefined || confirm === '' ? '' : `; got '${confirm}'`}. Nothing was started.`, expected, confirm);
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
        throw new src_errors/* UserError */.y(`${source} is not valid YAML or JSON: ${error.message.split('\n')[0]}`);
    }
    if (data === null || data === undefined) {
        throw new src_errors/* UserError */.y(`${source} is empty: write the policy to check (cluster, schedule and/or compliancePolicy).`);
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
        throw new src_errors/* UserError */.y(`${source} is not a valid Atlas backup policy:\n${problems.join('\n')}`);
    }
    const policy = result.data;
    if (!policy.cluster && !policy.schedule && !policy.compliancePolicy) {
        throw new src_errors/* UserError */.y(`${source} states nothing to check: give cluster, schedule and/or compliancePolicy.`);
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

// EXTERNAL MODULE: ../runtime/src/options/row.ts
var row = __webpack_require__(3832);
// EXTERNAL MODULE: ../runtime/src/exit.ts
var exit = __webpack_require__(601);
// EXTERNAL MODULE: ./src/command.ts
var command = __webpack_require__(483);
// EXTERNAL MODULE: ./src/text.ts
var src_text = __webpack_require__(9071);
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

// EXTERNAL MODULE: ./src/options.ts + 1 modules
var options = __webpack_require__(9245);
;// CONCATENATED MODULE: ./src/commands/atlas/inputs.ts
/**
 * The option tables of the `shipkit atlas …` commands. The rows every command shares (the project and
 * cluster, the credentials, which come from the environment only, where Atlas is, and following a job)
 * are defined once here; each command's table spreads them beside its own rows.
 */




const WAIT = (0,row/* booleanRow */.HP)({ description: 'Follow it until it ends.', default: 'false' });
function pollIntervalRow(fallback) {
    return (0,row/* durationRow */.re)({ description: 'With {wait}: how often to look.', default: fallback });
}
/** The deadline of every request (and, for the commands that follow a job, of the wait). */
function atlasTimeoutRow(fallback, andWait = false) {
    return (0,row/* durationRow */.re)({
        description: `Deadline for every request${andWait ? ' and for the wait' : ''}; then exit 1.`,
        default: fallback,
    });
}
/** The rows of a command that may follow the job it starts. */
function followRows(poll, timeout) {
    return { wait: WAIT, 'poll-interval': pollIntervalRow(poll), timeout: atlasTimeoutRow(timeout, true) };
}
/**
 * How a message names an option: by its flag and its variable, as `--help` shows them
 * (`--project (or ATLAS_PROJECT_ID)`), or by its variable alone when it is kept off the command line.
 */
function labelIn(table) {
    return (0,options/* cliVocabulary */.Dp)(table).subject;
}
/** The project and cluster, checked against the forms Atlas accepts. */
function target(values, label) {
    const projectId = values['project-id'];
    if (!ATLAS_ID.test(projectId)) {
        throw new src_errors/* UserError */.y(`${label('project-id')} must be an Atlas project id: 24 hexadecimal digits (Project Settings → Project ID), got '${projectId}'.`);
    }
    return { projectId, cluster: clusterName(values.cluster, 'cluster', label) };
}
function clusterName(cluster, key, label) {
    if (!CLUSTER_NAME.test(cluster)) {
        throw new src_errors/* UserError */.y(`${label(key)} must be a cluster name (letters, digits and hyphens), got '${cluster}'.`);
    }
    return cluster;
}
function hexId(id, key, what, label) {
    if (!ATLAS_ID.test(id))
        throw new src_errors/* UserError */.y(`${label(key)} must be ${what} (24 hexadecimal digits), got '${id}'.`);
    return id;
}
/** A service account (ATLAS_CLIENT_ID + ATLAS_CLIENT_SECRET) or an API key (ATLAS_PUBLIC_KEY + ATLAS_PRIVATE_KEY). */
function credentials(values, label) {
    const { 'client-id': clientId, 'client-secret': clientSecret, 'public-key': publicKey, 'private-key': privateKey, } = values;
    const pair = (a, b) => `${label(a)} and ${label(b)}`;
    if (clientId || clientSecret) {
        if (!clientId || !clientSecret) {
            throw new src_errors/* UserError */.y(`A service account needs both ${pair('client-id', 'client-secret')}.`);
        }
        return {
            credentials: { kind: 'service-account', clientId, clientSecret },
            source: pair('client-id', 'client-secret'),
        };
    }
    if (publicKey || privateKey) {
        if (!publicKey || !privateKey)
            throw new src_errors/* UserError */.y(`An API key needs both ${pair('public-key', 'private-key')}.`);
        return {
            credentials: { kind: 'api-key', publicKey, privateKey },
            source: pair('public-key', 'private-key'),
        };
    }
    throw new src_errors/* UserError */.y(`Give Atlas credentials: a service account in ${pair('client-id', 'client-secret')} (recommended), or an API key in ${pair('public-key', 'private-key')}.`);
}
function baseUrl(url, label) {
    if (!/^https?:\/\/[^/]/.test(url)) {
        throw new src_errors/* UserError */.y(`${label('base-url')} must be an http:// or https:// URL, got '${url}'.`);
    }
    return url;
}
/** `2026-11-25T03:00:00Z` (a time zone required: a restore must not depend on the machine's zone). */
function pointInTime(raw, label) {
    if (raw === undefined)
        return undefined;
    const date = parseZonedTime(raw);
    if (!date) {
        throw new src_errors/* UserError */.y(`${label('point-in-time')} must be an ISO 8601 time with its zone, e.g. 2026-11-25T03:00:00Z, got '${raw}'.`);
    }
    return date;
}

// EXTERNAL MODULE: ./src/commands/atlas/rows.ts
var rows = __webpack_require__(2856);
;// CONCATENATED MODULE: ./src/commands/atlas/index.ts







const CREDENTIALS_HELP = `
Credentials come from the environment, never the command line: a service account in ATLAS_CLIENT_ID
and ATLAS_CLIENT_SECRET (recommended), or a legacy API key in ATLAS_PUBLIC_KEY and ATLAS_PRIVATE_KEY.
The least project roles each command needs are in docs/ATLAS.md.`;
function details(text) {
    return `${text.trim()}\n${CREDENTIALS_HELP}`;
}
/** A client whose every request (and wait) ends by the command's deadline, or when the user interrupts. */
function connect(values, label, context, timeoutMs) {
    const { credentials: given, source } = credentials(values, label);
    for (const secret of (0,auth/* credentialSecrets */.DJ)(given))
        context.redactor.add(secret);
    const deps = { ...(0,http/* realAtlasDeps */.QM)(context.signal), logger: context.logger };
    return new client/* AtlasClient */.l({
        credentials: given,
        baseUrl: baseUrl(values['base-url'], label),
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
const SNAPSHOT_OPTIONS = {
    ...rows/* CONNECTION_ROWS */.Vr,
    description: (0,row/* textRow */.yL)({
        description: "Shown in Atlas. Default: 'shipkit on-demand snapshot <time>'.",
        placeholder: '<text>',
    }),
    'retention-days': (0,row/* integerRow */.d1)({
        description: 'How many days Atlas keeps the snapshot.',
        default: '7',
        min: 1,
        max: 3650,
        placeholder: '<days>',
    }),
    ...followRows('10s', '30m'),
};
const snapshot = (0,command/* command */.G)({
    name: 'atlas snapshot',
    usage: '--project <groupId> --cluster <name> [--description <text>] [--retention-days <days>] [--wait] [options]',
    options: SNAPSHOT_OPTIONS,
    details: details(`
Takes an on-demand Cloud Backup snapshot of an M10+ cluster and, with --wait, follows it until it is
completed (exit 0) or failed (exit 1); running out of --timeout exits 1 too, and Atlas carries on.
Atlas takes one on-demand snapshot at a time: when one is already queued or in progress, that one is
followed instead of taking a second. M0 clusters have no Cloud Backup and Flex clusters no on-demand
snapshots: both are refused, saying what they offer (a logical backup, \`shipkit backup\`, works on all).

Example:
  ATLAS_CLIENT_ID=… ATLAS_CLIENT_SECRET=… shipkit atlas snapshot --project 65a1b2c3d4e5f60718293a4b \\
    --cluster shop --description "before deploy $(git rev-parse --short HEAD)" --wait`),
    async run({ options }, context) {
        const label = labelIn(SNAPSHOT_OPTIONS);
        const where = target(options, label);
        const timeoutMs = options.timeout;
        const client = connect(options, label, context, timeoutMs);
        const result = await takeOnDemandSnapshot(client, {
            ...where,
            description: options.description ?? `shipkit on-demand snapshot ${new Date().toISOString()}`,
            retentionDays: options['retention-days'],
            wait: options.wait,
            pollIntervalMs: options['poll-interval'],
            timeoutMs,
        });
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
        return result.outcome === 'failed' || result.outcome === 'timed-out' ? exit/* EXIT */.dc.failed : exit/* EXIT */.dc.ok;
    },
});
const SNAPSHOTS_OPTIONS = { ...rows/* CONNECTION_ROWS */.Vr, timeout: atlasTimeoutRow('2m') };
const snapshots = (0,command/* command */.G)({
    name: 'atlas snapshots',
    usage: '--project <groupId> --cluster <name> [--json]',
    options: SNAPSHOTS_OPTIONS,
    details: details(`
Lists the cluster's Cloud Backup snapshots, newest first: on-demand and scheduled ones on M10+, the
daily ones on Flex. M0 has none (and is refused, saying so).`),
    async run({ options }, context) {
        const label = labelIn(SNAPSHOTS_OPTIONS);
        const where = target(options, label);
        const client = connect(options, label, context, options.timeout);
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
            return exit/* EXIT */.dc.ok;
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
        return exit/* EXIT */.dc.ok;
    },
});
const EXPORT_OPTIONS = {
    ...rows/* CONNECTION_ROWS */.Vr,
    'snapshot-id': (0,row/* textRow */.yL)({
        description: 'The completed snapshot to export.',
        required: true,
        flag: 'snapshot',
        placeholder: '<id>',
    }),
    'export-bucket-id': (0,row/* textRow */.yL)({
        description: "The export bucket's id in Atlas (Project → Backup → Export buckets), not its name.",
        required: true,
        flag: 'bucket',
        placeholder: '<exportBucketId>',
    }),
    ...followRows('30s', '2h'),
};
const exportCommand = (0,command/* command */.G)({
    name: 'atlas export',
    usage: '--project <groupId> --cluster <name> --snapshot <id> --bucket <exportBucketId> [--wait] [options]',
    options: EXPORT_OPTIONS,
    details: details(`
Exports a completed snapshot of an M10+ cluster to an export bucket set up in Atlas: one .json.gz of
Extended JSON per collection and a .complete marker, under the prefix the output names. With --wait it
follows the job: exit 0 when Successful, 1 when Failed or Cancelled (Atlas does not retry it, and what it
wrote stays) or when --timeout runs out.`),
    async run({ options }, context) {
        const label = labelIn(EXPORT_OPTIONS);
        const where = target(options, label);
        const timeoutMs = options.timeout;
        const snapshotId = hexId(options['snapshot-id'], 'snapshot-id', 'a snapshot id', label);
        const exportBucketId = hexId(options['export-bucket-id'], 'export-bucket-id', 'an export bucket id', label);
        const result = await exportSnapshot(connect(options, label, context, timeoutMs), {
            ...where,
            snapshotId,
            exportBucketId,
            wait: options.wait,
            pollIntervalMs: options['poll-interval'],
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
        return result.outcome === 'successful' || result.outcome === 'started' ? exit/* EXIT */.dc.ok : exit/* EXIT */.dc.failed;
    },
});
const RESTORE_OPTIONS = {
    ...rows/* CONNECTION_ROWS */.Vr,
    'snapshot-id': (0,row/* textRow */.yL)({
        description: 'The snapshot to restore.',
        flag: 'snapshot',
        placeholder: '<id>',
    }),
    'point-in-time': (0,row/* textRow */.yL)({
        description: 'Instead of a snapshot: the moment to restore (continuous backup), e.g. 2026-11-25T03:00:00Z.',
        placeholder: '<ISO time>',
    }),
    'target-cluster': (0,row/* textRow */.yL)({
        description: 'The cluster whose data is replaced.',
        required: true,
        placeholder: '<name>',
    }),
    'target-project-id': (0,row/* textRow */.yL)({
        description: "The target cluster's project. Default: {project-id}.",
        flag: 'target-project',
        placeholder: '<groupId>',
    }),
    confirm: (0,row/* textRow */.yL)({
        description: 'The target cluster name, typed again: nothing starts without it.',
        placeholder: '<name>',
    }),
    ...followRows('30s', '2h'),
};
const restore = (0,command/* command */.G)({
    name: 'atlas restore',
    usage: '--project <groupId> --cluster <name> (--snapshot <id> | --point-in-time <ISO time>) --target-cluster <name> --confirm <target cluster name> [--wait] [options]',
    options: RESTORE_OPTIONS,
    details: details(`
Restores a snapshot (or, with continuous backup, a point in time) of a cluster into a target cluster,
through an Atlas restore job. An automated or point-in-time restore REPLACES ALL DATA of the target
cluster: the plan is printed first, and nothing starts unless --confirm repeats the target cluster's
exact name. Exit 0: completed (or started, without --wait); 1: failed, cancelled, expired or timed out;
2: refused.

Example:
  shipkit atlas restore --project 65a1b2c3d4e5f60718293a4b --cluster shop --snapshot 6656f0e1d2c3b4a596877869 \\
    --target-cluster shop-staging --confirm shop-staging --wait`),
    async run({ options }, context) {
        const label = labelIn(RESTORE_OPTIONS);
        const where = target(options, label);
        const timeoutMs = options.timeout;
        const at = pointInTime(options['point-in-time'], label);
        const snapshotId = options['snapshot-id']
            ? hexId(options['snapshot-id'], 'snapshot-id', 'a snapshot id', label)
            : undefined;
        if (Boolean(snapshotId) === Boolean(at)) {
            throw new src_errors/* UserError */.y(`Give ${label('snapshot-id')} or ${label('point-in-time')}: one of the two says what to restore.`);
        }
        const targetProjectId = options['target-project-id']
            ? hexId(options['target-project-id'], 'target-project-id', 'an Atlas project id', label)
            : undefined;
        const targetCluster = clusterName(options['target-cluster'], 'target-cluster', label);
        const client = connect(options, label, context, timeoutMs);
        const plan = await planRestore(client, {
            ...where,
            ...(snapshotId ? { snapshotId } : {}),
            ...(at ? { pointInTime: at } : {}),
            targetCluster,
            ...(targetProjectId ? { targetProjectId } : {}),
        });
        const planText = `Restore plan\n${plan.lines.map((line) => `  ${line}`).join('\n')}\n`;
        if (!context.json)
            context.stdout(planText);
        try {
            const result = await startRestore(client, plan, {
                confirm: options.confirm,
                wait: options.wait,
                pollIntervalMs: options['poll-interval'],
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
            return result.outcome === 'completed' || result.outcome === 'started' ? exit/* EXIT */.dc.ok : exit/* EXIT */.dc.failed;
        }
        catch (error) {
            if (!(error instanceof errors/* RestoreNotConfirmedError */.D0))
                throw error;
            const message = `${error.message} Re-run with --confirm ${error.expected} to start it.`;
            if (!context.json)
                throw new src_errors/* UserError */.y(message);
            // One JSON document on stdout: the refusal with its plan; the reason on stderr too.
            context.logger.error(message);
            json(context, { outcome: 'refused', plan: plan.lines, message });
            return exit/* EXIT */.dc.refused;
        }
    },
});
const POLICY_OPTIONS = {
    ...rows/* CONNECTION_ROWS */.Vr,
    expect: (0,row/* textRow */.yL)({
        description: 'The desired policy, YAML or JSON (see docs/ATLAS.md).',
        required: true,
        placeholder: '<file>',
    }),
    timeout: atlasTimeoutRow('2m'),
};
const policy = (0,command/* command */.G)({
    name: 'atlas policy',
    usage: '--project <groupId> --cluster <name> --expect <file> [--json]',
    options: POLICY_OPTIONS,
    details: details(`
Compares the backup settings of an M10+ cluster (backup on, continuous backup, the backup schedule and
its policy items, and the project's Backup Compliance Policy when the file has a compliancePolicy
section) with a desired policy in YAML or JSON. Exit 0 when they match, 1 on drift, with a table of the
differences. Only what the file states is checked; docs/ATLAS.md has an example.`),
    async run({ options }, context) {
        const label = labelIn(POLICY_OPTIONS);
        const where = target(options, label);
        const file = options.expect;
        const path = (0,external_node_path_.resolve)(context.cwd, file);
        const text = await (0,promises_.readFile)(path, 'utf8').catch((error) => {
            throw new src_errors/* UserError */.y(`--expect ${file}: cannot read it (${error.code ?? error.message}).`);
        });
        const desired = parseDesiredPolicy(text, file);
        const result = await checkPolicy(connect(options, label, context, options.timeout), where, desired);
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
        return result.differences.length === 0 ? exit/* EXIT */.dc.ok : exit/* EXIT */.dc.failed;
    },
});
const FRESHNESS_OPTIONS = {
    ...rows/* CONNECTION_ROWS */.Vr,
    'max-age': (0,row/* durationRow */.re)({
        description: 'How old the newest completed snapshot may be, e.g. 26h.',
        required: true,
    }),
    timeout: atlasTimeoutRow('2m'),
};
const checkFreshness = (0,command/* command */.G)({
    name: 'atlas check-freshness',
    usage: '--project <groupId> --cluster <name> --max-age <duration> [--json]',
    options: FRESHNESS_OPTIONS,
    details: details(`
For deploy gates: exit 0 when the cluster's newest completed Cloud Backup snapshot (on demand, scheduled,
or Flex's daily one) is younger than --max-age, 1 otherwise. Pairs with \`shipkit check-freshness\`,
which checks the verified logical backups.`),
    async run({ options }, context) {
        const label = labelIn(FRESHNESS_OPTIONS);
        const where = target(options, label);
        const maxAgeMs = options['max-age'];
        const result = await checkSnapshotFreshness(connect(options, label, context, options.timeout), {
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
        return result.fresh ? exit/* EXIT */.dc.ok : exit/* EXIT */.dc.failed;
    },
});


/***/ }),

/***/ 2856:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Vr: () => (/* binding */ CONNECTION_ROWS),
/* harmony export */   WC: () => (/* binding */ CREDENTIAL_ROWS)
/* harmony export */ });
/* unused harmony export TARGET_ROWS */
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3832);
/**
 * The rows every `shipkit atlas …` command shares, defined once: the project and cluster, the
 * credentials (from the environment only) and where Atlas is. This module imports no Atlas code, so that
 * a command which only may talk to Atlas (`init-client`) can reuse the rows without loading it.
 */

/** Where the cluster is: its project and its name. */
const TARGET_ROWS = {
    'project-id': (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .textRow */ .yL)({
        description: 'The Atlas project id (24 hexadecimal digits, Project Settings).',
        required: true,
        flag: 'project',
        env: 'ATLAS_PROJECT_ID',
        placeholder: '<groupId>',
    }),
    cluster: (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .textRow */ .yL)({
        description: "The cluster's name.",
        required: true,
        env: 'ATLAS_CLUSTER',
        placeholder: '<name>',
    }),
};
/** A service account or a legacy API key, from the environment only, and where Atlas is. */
const CREDENTIAL_ROWS = {
    'client-id': (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .textRow */ .yL)({
        description: "A service account's client id (mdb_sa_id_…).",
        flag: false,
        env: 'ATLAS_CLIENT_ID',
    }),
    'client-secret': (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .textRow */ .yL)({
        description: "That service account's secret.",
        secret: true,
        flag: false,
        env: 'ATLAS_CLIENT_SECRET',
    }),
    'public-key': (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .textRow */ .yL)({
        description: "A legacy API key's public key (instead of a service account).",
        flag: false,
        env: 'ATLAS_PUBLIC_KEY',
    }),
    'private-key': (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .textRow */ .yL)({
        description: "That API key's private key.",
        secret: true,
        flag: false,
        env: 'ATLAS_PRIVATE_KEY',
    }),
    'base-url': (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .textRow */ .yL)({
        description: 'Where Atlas is.',
        default: 'https://cloud.mongodb.com',
        flag: false,
        env: 'ATLAS_BASE_URL',
    }),
};
/** What every command reads: the cluster, and how to reach Atlas. */
const CONNECTION_ROWS = { ...TARGET_ROWS, ...CREDENTIAL_ROWS };


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


/***/ }),

/***/ 179:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EY: () => (/* binding */ backoffDelay),
/* harmony export */   NO: () => (/* binding */ mayResend),
/* harmony export */   Vd: () => (/* binding */ retryDelayText),
/* harmony export */   d8: () => (/* binding */ networkReason),
/* harmony export */   mu: () => (/* binding */ parseRetryAfter),
/* harmony export */   vI: () => (/* binding */ DEFAULT_RETRY)
/* harmony export */ });
/* unused harmony exports isIdempotentMethod, neverSent */
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3422);

const DEFAULT_RETRY = {
    attempts: 6,
    baseDelayMs: 1000,
    maxDelayMs: 30_000,
    requestTimeoutMs: 30_000,
};
/**
 * Exponential backoff with "equal jitter": the delay for retry n lies between half and all of
 * base·2ⁿ⁻¹ (capped), so parallel jobs spread out yet none retries immediately.
 */
function backoffDelay(retry, policy, random) {
    const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
    return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
/** `Retry-After` as delta-seconds or an HTTP date → milliseconds to wait; undefined when absent or unreadable. */
function parseRetryAfter(header, now) {
    const value = header?.trim();
    if (!value)
        return undefined;
    if (/^\d+(\.\d+)?$/.test(value))
        return Math.round(Number(value) * 1000);
    const date = Date.parse(value);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
/** Methods a server must treat the same however often they arrive (RFC 9110 §9.2.2). */
const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);
const isIdempotentMethod = (method) => IDEMPOTENT_METHODS.has(method.toUpperCase());
/**
 * Socket errors raised before a request is written: the connection was refused, the host could not be
 * reached or its name did not resolve. Anything else (a reset, a timeout) may come after the server got it.
 */
const NOT_SENT_CODES = new Set([
    'ECONNREFUSED',
    'ENOTFOUND',
    'EAI_AGAIN',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'UND_ERR_CONNECT_TIMEOUT',
]);
/** Whether what fetch threw proves the request never left this machine. Duck-typed across realms. */
function neverSent(thrown) {
    const code = thrown?.cause?.code;
    return typeof code === 'string' && NOT_SENT_CODES.has(code);
}
/**
 * The resend decision shared by the HTTP clients: whether a failed attempt may be sent again as it is.
 * A request safe to repeat (`idempotent`, by default the idempotent methods) always may. One that changes
 * something only when the server certainly did not act on it: nothing was sent, or it answered a status
 * that says it processed nothing (`unprocessed`, 429 by default). After a 5xx, a timeout or a dropped
 * connection it may have acted, and sending it again could do the thing twice: the caller reconciles.
 */
function mayResend(request, failure, unprocessed = (status) => status === 429) {
    if (request.idempotent ?? isIdempotentMethod(request.method))
        return true;
    if ('status' in failure)
        return unprocessed(failure.status);
    return neverSent(failure.thrown);
}
/** Why a fetch threw: a timeout, a socket error code (ECONNREFUSED…) or the message. Duck-typed, as errors from another realm fail `instanceof`. */
function networkReason(thrown) {
    const error = (typeof thrown === 'object' && thrown !== null ? thrown : {});
    if (error.name === 'TimeoutError')
        return 'no response in time';
    const code = error.cause?.code;
    if (code === 'UND_ERR_SOCKET' || code === 'ECONNRESET')
        return `the connection dropped (${code})`;
    const reason = code ?? error.cause?.message ?? error.message;
    return typeof reason === 'string' && reason ? reason : (0,_errors__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .g)(thrown);
}
/** A wait as log lines say it: "1.5s", "42s". */
function retryDelayText(ms) {
    return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)}s`;
}


/***/ })

};
