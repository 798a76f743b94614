export const id = 133;
export const ids = [133];
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

/***/ 5133:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  deploy: () => (/* binding */ deploy)
});

// EXTERNAL MODULE: ../runtime/src/options/row.ts
var row = __webpack_require__(3832);
// EXTERNAL MODULE: ../runtime/src/options/rows.ts
var rows = __webpack_require__(8463);
// EXTERNAL MODULE: ../runtime/src/options/errors.ts
var errors = __webpack_require__(673);
// EXTERNAL MODULE: ../runtime/src/options/text.ts
var options_text = __webpack_require__(5981);
// EXTERNAL MODULE: ../runtime/src/errors.ts
var src_errors = __webpack_require__(3422);
// EXTERNAL MODULE: ../../node_modules/zod/v4/classic/schemas.js + 6 modules
var schemas = __webpack_require__(7821);
// EXTERNAL MODULE: ../runtime/src/retry.ts
var retry = __webpack_require__(179);
// EXTERNAL MODULE: ../runtime/src/deadline.ts
var deadline = __webpack_require__(3181);
// EXTERNAL MODULE: ../runtime/src/log.ts
var log = __webpack_require__(979);
;// CONCATENATED MODULE: ../render/src/http.ts


const realHttpDeps = () => ({
    fetch: globalThis.fetch,
    sleep: (ms) => (0,deadline/* sleep */.yy)(ms),
    now: Date.now,
    random: Math.random,
    logger: log/* silentLogger */.qq,
});
/**
 * An error from Render's API that the user can act on; `status` is the HTTP status when there was
 * one. It may name the option at fault (`option`) and others (`ref`), in the words of the edge.
 */
class RenderApiError extends errors/* OptionError */.eR {
    status;
    code;
    name = 'RenderApiError';
    constructor(message, status, code, option) {
        super(option, message);
        this.status = status;
        this.code = code;
    }
}
const isRetryableStatus = (status) => status === 429 || status >= 500;
/**
 * A request that changes something failed in a way Render may have acted on (see {@link mayResend}); it
 * was not sent again. `attempts` counts the tries made.
 */
class MaybeReceivedError extends RenderApiError {
    attempts;
    name = 'MaybeReceivedError';
    constructor(message, attempts, status) {
        super(message, status);
        this.attempts = attempts;
    }
}
/**
 * Sends a request, retrying with backoff (429 after `Retry-After`) the failures {@link mayResend} allows.
 * That decision is the one shared with the other clients (`@shipkit/runtime`): a read or a cancel may
 * always be sent again; a request that changes something (create a deploy, roll back, fire a deploy hook)
 * only when Render certainly did not act on it: nothing was sent, or Render answered 429. After a 5xx, a
 * timeout or a dropped connection it may have started a deploy, and the caller reconciles instead (see
 * `startDeployOnce` in client.ts).
 * Returns the last response whatever its status (the caller turns statuses into errors); throws when the
 * server could not be reached at all, and a {@link MaybeReceivedError} when a request that changes
 * something may have been received and so is not retried.
 */
async function sendWithRetry(request, deps, policy = retry/* DEFAULT_RETRY */.vI) {
    for (let attempt = 1;; attempt++) {
        const isLast = attempt >= policy.attempts;
        let response;
        try {
            response = await deps.fetch(request.url, {
                method: request.method,
                headers: request.headers,
                ...(request.body === undefined ? {} : { body: request.body }),
                signal: deps.signal
                    ? AbortSignal.any([AbortSignal.timeout(policy.requestTimeoutMs), deps.signal])
                    : AbortSignal.timeout(policy.requestTimeoutMs),
            });
        }
        catch (thrown) {
            if (deps.signal?.aborted)
                throw deps.signal.reason;
            const reason = (0,retry/* networkReason */.d8)(thrown);
            if (!(0,retry/* mayResend */.NO)(request, { thrown })) {
                throw new MaybeReceivedError(`Could not ${request.what}: ${reason} (the request may have reached Render).`, attempt);
            }
            if (isLast) {
                throw new RenderApiError(`Could not ${request.what}: ${reason} (after ${attempt} attempts).`);
            }
            const delay = (0,retry/* backoffDelay */.EY)(attempt, policy, deps.random);
            deps.logger.info(`Could not ${request.what} (${reason}); retrying in ${(0,retry/* retryDelayText */.Vd)(delay)}.`);
            await deps.sleep(delay);
            continue;
        }
        const text = await response.text().catch(() => '');
        if (!isRetryableStatus(response.status)) {
            return { status: response.status, headers: response.headers, text, attempts: attempt };
        }
        if (!(0,retry/* mayResend */.NO)(request, { status: response.status })) {
            const { message } = renderMessage(text);
            throw new MaybeReceivedError(`Render answered HTTP ${response.status} when asked to ${request.what}${message ? ` (${message})` : ''}.`, attempt, response.status);
        }
        if (isLast)
            return { status: response.status, headers: response.headers, text, attempts: attempt };
        const retryAfter = response.status === 429 ? (0,retry/* parseRetryAfter */.mu)(response.headers.get('retry-after'), deps.now()) : undefined;
        const delay = retryAfter ?? (0,retry/* backoffDelay */.EY)(attempt, policy, deps.random);
        const why = response.status === 429 ? 'rate limited (HTTP 429)' : `HTTP ${response.status}`;
        deps.logger.info(`Could not ${request.what} yet (${why}); retrying in ${(0,retry/* retryDelayText */.Vd)(delay)}.`);
        await deps.sleep(delay);
    }
}
/** `{message}` of Render's error body, or the body text itself (shortened). */
function renderMessage(text) {
    try {
        const body = JSON.parse(text);
        if (typeof body === 'string')
            return body ? { message: body } : {};
        if (typeof body !== 'object' || body === null)
            return {};
        return {
            ...(typeof body.message === 'string' && body.message ? { message: body.message } : {}),
            ...(typeof body.code === 'string' && body.code ? { code: body.code } : {}),
        };
    }
    catch {
        const trimmed = text.trim();
        return trimmed ? { message: trimmed.length > 200 ? `${trimmed.slice(0, 200)}…` : trimmed } : {};
    }
}

;// CONCATENATED MODULE: ../render/src/client.ts



const RENDER_API_URL = 'https://api.render.com/v1';
const deploySchema = schemas/* looseObject */._H3({
    id: schemas/* string */.YjP().min(1),
    status: schemas/* string */.YjP().optional(),
    trigger: schemas/* string */.YjP().optional(),
    createdAt: schemas/* string */.YjP().optional(),
    updatedAt: schemas/* string */.YjP().optional(),
    startedAt: schemas/* string */.YjP().optional(),
    finishedAt: schemas/* string */.YjP().optional(),
    commit: schemas/* looseObject */._H3({ id: schemas/* string */.YjP().optional(), message: schemas/* string */.YjP().optional() }).optional(),
    image: schemas/* looseObject */._H3({ ref: schemas/* string */.YjP().optional(), sha: schemas/* string */.YjP().optional() }).optional(),
});
const deployListSchema = schemas/* array */.YOg(schemas/* looseObject */._H3({ cursor: schemas/* string */.YjP().optional(), deploy: deploySchema }));
const serviceSchema = schemas/* looseObject */._H3({
    id: schemas/* string */.YjP(),
    name: schemas/* string */.YjP().optional(),
    type: schemas/* string */.YjP().optional(),
    dashboardUrl: schemas/* string */.YjP().optional(),
    serviceDetails: schemas/* looseObject */._H3({ url: schemas/* string */.YjP().optional() }).optional(),
    /** `yes` / `no`: the older field, still sent. */
    autoDeploy: schemas/* string */.YjP().optional(),
    /** `off`, `commit` or `checksPass`: what `autoDeploy` became. */
    autoDeployTrigger: schemas/* string */.YjP().optional(),
});
/** Typed client for Render's deploy endpoints: bearer auth, retries, and errors that say what to fix. */
class RenderClient {
    options;
    baseUrl;
    policy;
    deps;
    constructor(options, deps = {}) {
        this.options = options;
        this.baseUrl = (options.baseUrl ?? RENDER_API_URL).replace(/\/+$/, '');
        this.policy = { ...retry/* DEFAULT_RETRY */.vI, ...options.retry };
        this.deps = { ...realHttpDeps(), ...deps };
    }
    async getService(serviceId) {
        const body = await this.call('GET', servicePath(serviceId), {
            what: `read service ${serviceId}`,
            serviceId,
        });
        const service = parse(serviceSchema, body, 'service');
        const autoDeploy = service.autoDeployTrigger ??
            (service.autoDeploy === 'yes' ? 'commit' : service.autoDeploy === 'no' ? 'off' : undefined);
        return {
            id: service.id,
            ...(service.name ? { name: service.name } : {}),
            ...(service.type ? { type: service.type } : {}),
            ...(service.dashboardUrl ? { dashboardUrl: service.dashboardUrl } : {}),
            ...(service.serviceDetails?.url ? { url: service.serviceDetails.url } : {}),
            ...(autoDeploy ? { autoDeploy } : {}),
        };
    }
    async createDeploy(serviceId, options = {}) {
        const payload = {
            ...(options.commitId ? { commitId: options.commitId } : {}),
            ...(options.imageUrl ? { imageUrl: options.imageUrl } : {}),
            ...(options.clearCache === undefined
                ? {}
                : { clearCache: options.clearCache ? 'clear' : 'do_not_clear' }),
            ...(options.deployMode ? { deployMode: options.deployMode } : {}),
        };
        const what = `create a deploy for service ${serviceId}`;
        return startDeployOnce({
            what,
            policy: this.policy,
            deps: this.deps,
            send: async (policy) => {
                const body = await this.call('POST', `${servicePath(serviceId)}/deploys`, { what, serviceId, body: payload }, policy);
                return body === undefined ? undefined : toDeploy(parse(deploySchema, body, 'deploy'));
            },
            adopt: (deploy) => deploy,
            reconcile: {
                api: this,
                serviceId,
                match: {
                    trigger: 'api',
                    ...(options.commitId ? { commitId: options.commitId } : {}),
                    ...(options.imageUrl ? { imageUrl: options.imageUrl } : {}),
                },
            },
        });
    }
    async getDeploy(serviceId, deployId) {
        const body = await this.call('GET', deployPath(serviceId, deployId), {
            what: `read deploy ${deployId} of service ${serviceId}`,
            serviceId,
            deployId,
        });
        return toDeploy(parse(deploySchema, body, 'deploy'));
    }
    async listDeploys(serviceId, filters = {}, page = {}) {
        const query = new URLSearchParams();
        for (const status of filters.statuses ?? [])
            query.append('status', status);
        for (const key of TIME_FILTERS) {
            const value = filters[key];
            if (value !== undefined)
                query.set(key, new Date(value).toISOString());
        }
        const limit = page.limit ?? 20;
        query.set('limit', String(limit));
        if (page.cursor)
            query.set('cursor', page.cursor);
        const body = await this.call('GET', `${servicePath(serviceId)}/deploys?${query}`, {
            what: `list deploys of service ${serviceId}`,
            serviceId,
        });
        const items = parse(deployListSchema, body ?? [], 'deploy list');
        const last = items.at(-1);
        // A short page is the last one; a full page may have a successor, which may be empty.
        const nextCursor = items.length >= limit ? last?.cursor : undefined;
        return { deploys: items.map((item) => toDeploy(item.deploy)), ...(nextCursor ? { nextCursor } : {}) };
    }
    async cancelDeploy(serviceId, deployId) {
        const body = await this.call('POST', `${deployPath(serviceId, deployId)}/cancel`, {
            what: `cancel deploy ${deployId} of service ${serviceId}`,
            serviceId,
            deployId,
            // Cancelling twice starts nothing: a repeat at worst hears that the deploy is already canceled.
            idempotent: true,
        });
        return toDeploy(parse(deploySchema, body, 'deploy'));
    }
    async rollback(serviceId, deployId) {
        const what = `roll service ${serviceId} back to deploy ${deployId}`;
        return startDeployOnce({
            what,
            policy: this.policy,
            deps: this.deps,
            send: async (policy) => {
                const body = await this.call('POST', `${servicePath(serviceId)}/rollback`, { what, serviceId, deployId, body: { deployId } }, policy);
                return toDeploy(parse(deploySchema, body, 'deploy'));
            },
            adopt: (deploy) => deploy,
            reconcile: { api: this, serviceId, match: { trigger: 'rollback' } },
        });
    }
    async call(method, path, context, policy = this.policy) {
        const response = await sendWithRetry({
            url: `${this.baseUrl}${path}`,
            method,
            what: context.what,
            headers: {
                authorization: `Bearer ${this.options.apiKey}`,
                accept: 'application/json',
                ...(context.body === undefined ? {} : { 'content-type': 'application/json' }),
            },
            ...(context.body === undefined ? {} : { body: JSON.stringify(context.body) }),
            ...(context.idempotent === undefined ? {} : { idempotent: context.idempotent }),
        }, this.deps, policy);
        if (response.status >= 200 && response.status < 300) {
            if (!response.text.trim())
                return undefined;
            try {
                return JSON.parse(response.text);
            }
            catch {
                throw new RenderApiError(`Render sent a response that is not JSON when asked to ${context.what}.`);
            }
        }
        throw this.failure(response, context);
    }
    failure(response, context) {
        const { status } = response;
        const { message, code } = renderMessage(response.text);
        const said = message ? `: ${message}` : '';
        const text = (() => {
            switch (status) {
                case 401:
                    return (0,options_text/* say */.cv) `Render rejected the API key (HTTP 401) when trying to ${context.what}. Check ${(0,options_text/* ref */.KR)('api-key')}: it must be a current Render API key (they start with 'rnd_', from Account Settings → API Keys).`;
                case 403:
                    return `Render refused access (HTTP 403) when trying to ${context.what}${said}. The API key's workspace must own service ${context.serviceId}.`;
                case 404:
                    return context.deployId
                        ? `Render found no deploy ${context.deployId} for service ${context.serviceId} (HTTP 404)${said}.`
                        : `Render found no service ${context.serviceId} (HTTP 404)${said}. Check the service id (Settings → Service ID, it looks like 'srv-…') and that the API key belongs to the workspace that owns it.`;
                case 429:
                    return `Render kept rate-limiting (HTTP 429) after ${response.attempts} attempts to ${context.what}${said}. Deploy triggers are limited to about 10 per minute per service.`;
                default:
                    return status >= 500
                        ? `Render failed to ${context.what}: HTTP ${status} after ${response.attempts} attempts${said}.`
                        : `Render refused to ${context.what} (HTTP ${status})${said}.`;
            }
        })();
        return new RenderApiError(text, status, code);
    }
}
/** Every deploy matching the filters, newest first, following cursors page after page. */
async function* allDeploys(api, serviceId, filters = {}, pageSize = 100) {
    let cursor;
    do {
        const page = await api.listDeploys(serviceId, filters, {
            limit: pageSize,
            ...(cursor ? { cursor } : {}),
        });
        yield* page.deploys;
        cursor = page.nextCursor;
    } while (cursor);
}
/** Render lists a deploy as soon as it accepts one: a few looks a little apart cover a slow answer. */
const RECONCILE_LOOKS = 3;
const RECONCILE_INTERVAL_MS = 2_000;
/** Runner and Render clocks differ a little; look that far back for a deploy created "after" the request. */
const CLOCK_SKEW_MS = 60_000;
/**
 * Sends a request that starts a deploy (create, rollback, deploy hook) so that it starts at most one.
 * Failures Render certainly did not act on are retried by `sendWithRetry` (see `mayResend`). After one
 * it may have acted on (a 5xx, a timeout, a dropped connection), the service's deploys created since
 * the request was sent are listed and the one it started is adopted; only when none appears is the
 * request sent again. Without a way to list them (a deploy hook and no API key) it fails, saying that a
 * deploy may have started, rather than risk a second one.
 */
async function startDeployOnce(request) {
    const { policy, deps, reconcile } = request;
    let used = 0;
    for (;;) {
        const sentAt = deps.now();
        try {
            return await request.send({ ...policy, attempts: policy.attempts - used });
        }
        catch (thrown) {
            if (!(thrown instanceof MaybeReceivedError))
                throw thrown;
            used += thrown.attempts;
            if (!reconcile) {
                throw new RenderApiError(`${thrown.message} Render may have started a deploy, so the request is not sent again (that could deploy twice): check the service's Events page${request.unreconcilableHint ?? ''}.`, thrown.status);
            }
            let found;
            try {
                found = await findStartedDeploy(reconcile, sentAt, deps);
            }
            catch (listing) {
                throw new RenderApiError(`${thrown.message} Could not check whether it started a deploy (${(0,src_errors/* errorMessage */.g)(listing)}), so it is not sent again: check the service's Events page.`, thrown.status);
            }
            if (found) {
                deps.logger.info(`${thrown.message} It started deploy ${found.id}: following that one.`);
                return request.adopt(found);
            }
            if (used >= policy.attempts) {
                throw new RenderApiError(`${thrown.message} No deploy appeared after ${used} attempts; giving up.`, thrown.status);
            }
            deps.logger.info(`${thrown.message} No deploy appeared since, so it did not act on it: sending it again.`);
        }
    }
}
async function findStartedDeploy(reconcile, sentAt, deps) {
    const { api, serviceId, match } = reconcile;
    for (let look = 1;; look++) {
        // Newest first: the newest matching deploy is the one this request started.
        for await (const deploy of allDeploys(api, serviceId, { createdAfter: sentAt - CLOCK_SKEW_MS })) {
            if (startedBy(deploy, match))
                return deploy;
        }
        if (look >= RECONCILE_LOOKS)
            return undefined;
        await deps.sleep(RECONCILE_INTERVAL_MS);
    }
}
function startedBy(deploy, match) {
    if (deploy.trigger !== match.trigger)
        return false;
    if (match.commitId && deploy.commit?.id && deploy.commit.id !== match.commitId)
        return false;
    if (match.imageUrl && deploy.image?.ref && deploy.image.ref !== match.imageUrl)
        return false;
    return true;
}
const TIME_FILTERS = [
    'createdBefore',
    'createdAfter',
    'updatedBefore',
    'updatedAfter',
    'finishedBefore',
    'finishedAfter',
];
const servicePath = (serviceId) => `/services/${encodeURIComponent(serviceId)}`;
const deployPath = (serviceId, deployId) => `${servicePath(serviceId)}/deploys/${encodeURIComponent(deployId)}`;
function parse(schema, body, what) {
    const result = schema.safeParse(body);
    if (!result.success) {
        throw new RenderApiError(`Render sent an unexpected ${what}: ${result.error.issues[0]?.message ?? 'bad shape'}.`);
    }
    return result.data;
}
/** Drops the fields Render left out, so optional properties stay omitted rather than `undefined`. */
function toDeploy(raw) {
    const deploy = { id: raw.id };
    for (const key of ['status', 'trigger', 'createdAt', 'updatedAt', 'startedAt', 'finishedAt']) {
        const value = raw[key];
        if (value !== undefined)
            deploy[key] = value;
    }
    if (raw.commit)
        deploy.commit = defined({ id: raw.commit.id, message: raw.commit.message });
    if (raw.image)
        deploy.image = defined({ ref: raw.image.ref, sha: raw.image.sha });
    return deploy;
}
function defined(record) {
    return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}

// EXTERNAL MODULE: ../runtime/src/format.ts
var format = __webpack_require__(770);
// EXTERNAL MODULE: ../runtime/src/secrets.ts
var secrets = __webpack_require__(9196);
;// CONCATENATED MODULE: ../render/src/types.ts
/** The Render deploy API's shapes, as far as deploys need them (see the public `render-oss/cli` client). */
const DEPLOY_STATUSES = (/* unused pure expression or super */ null && ([
    'created',
    'queued',
    'build_in_progress',
    'update_in_progress',
    'pre_deploy_in_progress',
    'live',
    'deactivated',
    'build_failed',
    'update_failed',
    'pre_deploy_failed',
    'canceled',
]));
const FINISHED_STATUSES = [
    'live',
    'deactivated',
    'build_failed',
    'update_failed',
    'pre_deploy_failed',
    'canceled',
];
const FAILED_STATUSES = [
    'build_failed',
    'update_failed',
    'pre_deploy_failed',
    'canceled',
];
const CANCELLABLE_STATUSES = [
    'created',
    'build_in_progress',
    'update_in_progress',
    'pre_deploy_in_progress',
];
const types_isFinished = (status) => status !== undefined && FINISHED_STATUSES.includes(status);
const types_isCancellable = (status) => status !== undefined && CANCELLABLE_STATUSES.includes(status);
const DEPLOY_MODES = ['build_and_deploy', 'deploy_only'];

;// CONCATENATED MODULE: ../render/src/deploy.ts




/** After a 202 the official CLI looks for the queued deploy for up to a minute, once a second. */
const QUEUED_LOOKUP_TIMEOUT_MS = 60_000;
const QUEUED_LOOKUP_INTERVAL_MS = 1_000;
/** Runner and Render clocks differ a little; look that far back for a deploy created "after" the trigger. */
const deploy_CLOCK_SKEW_MS = 60_000;
const HEARTBEAT_MS = 60_000;
const HEALTH_REQUEST_MIN_MS = 2_000;
const HEALTH_REQUEST_MAX_MS = 10_000;
const ROLLBACK_SEARCH_LIMIT = 200;
const ROLLBACK_PAGE_SIZE = 20;
const SUPERSEDED_OUTCOMES = ['auto', 'success', 'failure'];
const FAILURE_REASONS = {
    build_failed: 'its build failed',
    update_failed: 'it was built but the new instances did not become healthy',
    pre_deploy_failed: 'its pre-deploy command failed',
    canceled: 'it was canceled',
};
/**
 * Triggers a Render deploy (API or deploy hook), follows it to a finished status, and applies the
 * options: health check, rollback, cancel on timeout, GitHub deployment statuses. Returns a result
 * for outputs and the summary; throws only when nothing could be triggered.
 */
async function deployToRender(options, deps) {
    return new DeployFlow(options, deps).run();
}
class DeployFlow {
    options;
    deps;
    startedAt;
    timeline = [];
    lastLogAt;
    deployments;
    service;
    constructor(options, deps) {
        this.options = options;
        this.deps = deps;
        this.startedAt = deps.now();
        this.lastLogAt = this.startedAt;
    }
    async run() {
        const { render } = this.deps;
        const { serviceId } = this.options;
        const canWait = render !== undefined && serviceId !== undefined;
        // Reading the service first checks the key, the id and Auto-Deploy before anything is triggered.
        if (render && serviceId) {
            this.service = await render.getService(serviceId);
            this.checkAutoDeploy(this.service);
        }
        else {
            this.deps.logger.warn("Without an API key and the service id the service's Auto-Deploy setting cannot be read: make sure it is off, or every push deploys without this workflow's gates.");
        }
        await this.startDeploymentRecord(canWait);
        let deploy;
        try {
            deploy = await this.trigger();
        }
        catch (thrown) {
            await this.recordDeployment('failure', `Could not trigger the deploy: ${(0,src_errors/* errorMessage */.g)(thrown)}`);
            throw thrown;
        }
        const base = {
            ...(serviceId ? { serviceId } : {}),
            ...(this.service ? { service: this.service } : {}),
            startedAt: this.startedAt,
            timeline: this.timeline,
        };
        if (!deploy) {
            return this.result({
                ...base,
                outcome: 'triggered',
                reason: 'Triggered a deploy through the deploy hook; Render did not say which deploy it started.',
            });
        }
        if (deploy.status)
            this.record(deploy.id, deploy.status, 'triggered');
        else
            this.log(`Triggered deploy ${deploy.id}.`);
        if (canWait)
            await this.deps.onDeployId?.(serviceId, deploy.id);
        await this.recordDeployment('in_progress', `Deploying ${deploy.id}`, deploy.id);
        if (!canWait) {
            const reason = `Triggered deploy ${deploy.id} through the deploy hook; without an API key (and service id) the action cannot wait for it to finish.`;
            if (this.options.wait)
                this.deps.logger.warn(reason);
            return this.result({ ...base, outcome: 'triggered', reason, deployId: deploy.id, ...statusOf(deploy) });
        }
        if (!this.options.wait) {
            const reason = `Triggered deploy ${deploy.id}; not waiting for it (wait: false).`;
            return this.result({ ...base, outcome: 'triggered', reason, deployId: deploy.id, ...statusOf(deploy) });
        }
        return this.follow(render, serviceId, deploy, base);
    }
    checkAutoDeploy(service) {
        const trigger = service.autoDeploy;
        if (trigger === undefined || trigger === 'off')
            return;
        const when = trigger === 'checksPass' ? "once a push's checks pass" : 'on every push';
        const problem = `Render service ${service.id} has Auto-Deploy on (${trigger}): Render deploys its branch ${when} by itself, without the gates in front of this deploy (the fresh verified backup, the branch policy).`;
        const fix = "Turn it off in the service's Settings → Build & Deploy → Auto-Deploy: Off (or `autoDeployTrigger: off` in render.yaml)";
        if (!this.options.allowAutoDeploy) {
            throw new src_errors/* UserError */.y(`${problem} ${fix}, or set allow-auto-deploy: true to deploy anyway.`);
        }
        this.deps.logger.warn(`${problem} Deploying anyway (allow-auto-deploy). ${fix}.`);
    }
    async follow(render, serviceId, triggered, base) {
        let verdict;
        try {
            verdict = await this.verdict(render, serviceId, triggered);
        }
        catch (thrown) {
            verdict = {
                outcome: 'failure',
                reason: `Lost track of deploy ${triggered.id}: ${(0,src_errors/* errorMessage */.g)(thrown)}`,
                deploy: triggered,
                timedOut: false,
                rollbackWorthy: false,
            };
        }
        const durationMs = this.deps.now() - this.startedAt;
        const result = {
            ...base,
            outcome: verdict.outcome,
            reason: verdict.reason,
            deployId: verdict.deploy.id,
            ...statusOf(verdict.deploy),
            ...(verdict.deploy.commit?.id ? { commitId: verdict.deploy.commit.id } : {}),
            durationMs,
            timedOut: verdict.timedOut,
            ...(verdict.healthCheck ? { healthCheck: verdict.healthCheck } : {}),
            rolledBack: false,
        };
        if (verdict.outcome === 'failure' && verdict.rollbackWorthy && this.options.rollbackOnFailure) {
            await this.rollBack(render, serviceId, verdict.deploy, result);
        }
        await this.recordDeployment(result.outcome === 'success' ? 'success' : 'failure', result.reason, result.deployId);
        return result;
    }
    /** Waits for the deploy to finish and decides what it means. */
    async verdict(render, serviceId, triggered) {
        const { options } = this;
        const waited = await this.waitUntilFinished(render, serviceId, triggered, this.startedAt + options.timeoutMs);
        const { deploy } = waited;
        if (waited.timedOut) {
            return { ...(await this.timedOut(render, serviceId, deploy)), timedOut: true, rollbackWorthy: false };
        }
        const base = { deploy, timedOut: false };
        if (deploy.status === 'live') {
            if (!options.healthCheck)
                return { ...base, outcome: 'success', reason: `Deploy ${deploy.id} is live.`, rollbackWorthy: false };
            const healthCheck = await this.checkHealth(options.healthCheck.url, options.healthCheck.timeoutMs);
            return healthCheck.passed
                ? {
                    ...base,
                    outcome: 'success',
                    reason: `Deploy ${deploy.id} is live and healthy.`,
                    healthCheck,
                    rollbackWorthy: false,
                }
                : {
                    ...base,
                    outcome: 'failure',
                    reason: `Deploy ${deploy.id} went live but failed its health check: ${healthCheck.detail}.`,
                    healthCheck,
                    rollbackWorthy: true,
                };
        }
        if (deploy.status === 'deactivated') {
            const counts = options.supersededOutcome === 'auto'
                ? waited.seenLive
                    ? 'success'
                    : 'failure'
                : options.supersededOutcome;
            const when = waited.seenLive ? 'after it went live' : 'before it was seen live';
            return {
                ...base,
                outcome: counts,
                reason: `Deploy ${deploy.id} was superseded by a newer deploy (deactivated) ${when}; counted as ${counts} (superseded-outcome: ${options.supersededOutcome}).`,
                rollbackWorthy: false,
            };
        }
        const why = FAILURE_REASONS[deploy.status ?? ''] ?? `it finished as ${deploy.status}`;
        return {
            ...base,
            outcome: 'failure',
            reason: `Deploy ${deploy.id} failed (${deploy.status}): ${why}.`,
            // A canceled deploy was stopped on purpose; rolling back would undo that decision.
            rollbackWorthy: deploy.status !== 'canceled' && FAILED_STATUSES.includes(deploy.status ?? ''),
        };
    }
    async waitUntilFinished(render, serviceId, first, deadline) {
        const { now, sleep } = this.deps;
        let deploy = first.status ? first : await render.getDeploy(serviceId, first.id);
        if (!first.status && deploy.status)
            this.record(deploy.id, deploy.status);
        let seenLive = deploy.status === 'live';
        while (!types_isFinished(deploy.status)) {
            const remaining = deadline - now();
            if (remaining <= 0)
                return { deploy, timedOut: true, seenLive };
            await sleep(Math.min(this.pollInterval(deploy.status), remaining));
            const next = await render.getDeploy(serviceId, deploy.id);
            if (next.status !== deploy.status && next.status)
                this.record(next.id, next.status);
            else
                this.heartbeat(next);
            seenLive ||= next.status === 'live';
            deploy = next;
        }
        return { deploy, timedOut: false, seenLive };
    }
    async timedOut(render, serviceId, deploy) {
        const limit = (0,format/* formatDuration */.a3)(this.options.timeoutMs);
        const reason = `Deploy ${deploy.id} did not finish within ${limit} (last status: ${deploy.status ?? 'unknown'}).`;
        if (!this.options.cancelOnTimeout) {
            return {
                outcome: 'failure',
                reason: `${reason} It keeps going on Render (cancel-on-timeout is off).`,
                deploy,
            };
        }
        if (!types_isCancellable(deploy.status)) {
            return {
                outcome: 'failure',
                reason: `${reason} Render cannot cancel a deploy that is ${deploy.status}.`,
                deploy,
            };
        }
        let canceled;
        try {
            canceled = await render.cancelDeploy(serviceId, deploy.id);
        }
        catch (thrown) {
            // It may have moved on (e.g. gone live) since the last poll.
            return { outcome: 'failure', reason: `${reason} Could not cancel it: ${(0,src_errors/* errorMessage */.g)(thrown)}`, deploy };
        }
        this.record(canceled.id, canceled.status ?? 'canceled', 'canceled after the timeout');
        return {
            outcome: 'failure',
            reason: `${reason} Canceled it on Render.`,
            deploy: { ...canceled, status: canceled.status ?? 'canceled' },
        };
    }
    /**
     * Rolls back to the deploy this one replaced, then waits for it. When an earlier deploy is still live
     * (Render keeps the previous deploy serving when a build or update fails), there is nothing to undo.
     */
    async rollBack(render, serviceId, failed, result) {
        try {
            const target = await this.rollbackTarget(render, serviceId, failed);
            if (!target) {
                result.reason += ' No earlier deploy was found to roll back to.';
                return;
            }
            if (target.status === 'live') {
                result.reason += ` Deploy ${target.id} is still live, so there is nothing to roll back.`;
                this.log(`Not rolling back: the previous deploy ${target.id} is still live.`);
                return;
            }
            this.log(`Rolling back to deploy ${target.id}${target.commit?.id ? ` (commit ${target.commit.id.slice(0, 7)})` : ''}.`);
            const rollback = await render.rollback(serviceId, target.id);
            this.record(rollback.id, rollback.status ?? 'created', `rollback to ${target.id}`);
            const waited = await this.waitUntilFinished(render, serviceId, rollback, this.deps.now() + this.options.timeoutMs);
            result.rollback = { deployId: rollback.id, targetDeployId: target.id, ...statusOf(waited.deploy) };
            result.rolledBack = waited.deploy.status === 'live';
            result.reason += result.rolledBack
                ? ` Rolled back to deploy ${target.id} (rollback deploy ${rollback.id} is live).`
                : ` The rollback to deploy ${target.id} did not go live (${waited.timedOut ? 'timed out' : waited.deploy.status}).`;
        }
        catch (thrown) {
            result.reason += ` The rollback failed: ${(0,src_errors/* errorMessage */.g)(thrown)}`;
        }
    }
    /**
     * The newest deploy created before the failed one that is still live, or else the newest deactivated
     * one (superseded: usually the deploy the failed one replaced). Pages through the service's history.
     */
    async rollbackTarget(render, serviceId, failed) {
        const createdBefore = failed.createdAt ? Date.parse(failed.createdAt) : Number.NaN;
        const filters = {
            statuses: ['live', 'deactivated'],
            ...(Number.isNaN(createdBefore) ? {} : { createdBefore }),
        };
        let newestDeactivated;
        let seen = 0;
        for await (const deploy of allDeploys(render, serviceId, filters, ROLLBACK_PAGE_SIZE)) {
            if (++seen > ROLLBACK_SEARCH_LIMIT)
                break;
            if (deploy.id === failed.id)
                continue;
            if (deploy.status === 'live')
                return deploy;
            newestDeactivated ??= deploy;
        }
        return newestDeactivated;
    }
    async trigger() {
        const { trigger, serviceId } = this.options;
        const { render } = this.deps;
        const triggeredAt = this.deps.now();
        if (trigger.kind === 'hook') {
            const { deployId } = await this.deps.triggerHook(trigger.hookUrl, trigger.imageUrl);
            this.log(`Triggered the deploy hook${serviceId ? ` of service ${serviceId}` : ''}.`);
            if (deployId)
                return { id: deployId };
            // A hook-started deploy may already be building by the time it is looked up.
            const statuses = ['queued', 'created', 'build_in_progress'];
            return render && serviceId ? this.findNewDeploy(render, serviceId, triggeredAt, statuses) : undefined;
        }
        if (!render || !serviceId)
            throw new RenderApiError('Deploying through the API needs an API key and a service id.');
        const created = await render.createDeploy(serviceId, {
            ...(trigger.commitId ? { commitId: trigger.commitId } : {}),
            ...(trigger.imageUrl ? { imageUrl: trigger.imageUrl } : {}),
            ...(trigger.clearCache === undefined ? {} : { clearCache: trigger.clearCache }),
            ...(trigger.deployMode ? { deployMode: trigger.deployMode } : {}),
        });
        if (created)
            return created;
        this.log('Render queued the deploy behind one already in progress (HTTP 202); looking up its id.');
        return this.findNewDeploy(render, serviceId, triggeredAt, ['queued']);
    }
    /** After a 202 (or a hook without an id): the newest deploy in `statuses` created since the trigger. */
    async findNewDeploy(render, serviceId, triggeredAt, statuses) {
        const { now, sleep } = this.deps;
        const givesUpAt = now() + QUEUED_LOOKUP_TIMEOUT_MS;
        const interval = Math.min(QUEUED_LOOKUP_INTERVAL_MS, this.options.pollIntervalMs);
        for (;;) {
            const page = await render.listDeploys(serviceId, { statuses, createdAfter: triggeredAt - deploy_CLOCK_SKEW_MS }, { limit: 1 });
            const found = page.deploys[0];
            if (found)
                return found;
            if (now() >= givesUpAt) {
                throw new RenderApiError(`Render accepted the deploy for service ${serviceId} but no ${statuses.join('/')} deploy appeared within ${(0,format/* formatDuration */.a3)(QUEUED_LOOKUP_TIMEOUT_MS)}; check the service's Events page.`);
            }
            await sleep(interval);
        }
    }
    async checkHealth(url, timeoutMs) {
        const { now, sleep, fetch } = this.deps;
        const shown = (0,secrets/* displayUri */.XX)(url);
        const deadline = now() + timeoutMs;
        this.log(`Health check: waiting for HTTP 200 from ${shown} (up to ${(0,format/* formatDuration */.a3)(timeoutMs)}).`);
        let last = 'no answer';
        for (let attempt = 1;; attempt++) {
            try {
                // A request may run a little past the deadline, so a slow answer still says what it was.
                const requestTimeout = Math.min(HEALTH_REQUEST_MAX_MS, Math.max(HEALTH_REQUEST_MIN_MS, deadline - now()));
                const response = await fetch(url, { signal: AbortSignal.timeout(requestTimeout) });
                await response.body?.cancel();
                last = `HTTP ${response.status}`;
                if (response.status === 200) {
                    this.log(`Health check passed: ${shown} answered HTTP 200 (attempt ${attempt}).`);
                    return { passed: true, detail: `${shown} answered HTTP 200` };
                }
            }
            catch (thrown) {
                last = (0,retry/* networkReason */.d8)(thrown);
            }
            const remaining = deadline - now();
            if (remaining <= 0) {
                return {
                    passed: false,
                    detail: `${shown} gave no HTTP 200 within ${(0,format/* formatDuration */.a3)(timeoutMs)} (last: ${last})`,
                };
            }
            await sleep(Math.min(this.options.pollIntervalMs, remaining));
        }
    }
    pollInterval(status) {
        const waiting = status === undefined || status === 'created' || status === 'queued';
        return waiting ? this.options.pollIntervalMs * 2 : this.options.pollIntervalMs;
    }
    record(deployId, status, note) {
        const at = this.deps.now();
        this.timeline.push({ at, deployId, status, ...(note ? { note } : {}) });
        this.log(`${deployId} ${status}${note ? ` (${note})` : ''}`, at);
    }
    heartbeat(deploy) {
        if (this.deps.now() - this.lastLogAt >= HEARTBEAT_MS)
            this.log(`${deploy.id} still ${deploy.status ?? 'pending'}`);
    }
    log(message, at = this.deps.now()) {
        this.lastLogAt = at;
        this.deps.logger.info(`${new Date(at).toISOString()} [+${(0,format/* formatDuration */.a3)(at - this.startedAt)}] ${message}`);
    }
    async startDeploymentRecord(canWait) {
        const { deployments } = this.deps;
        if (!deployments)
            return;
        if (!canWait || !this.options.wait) {
            this.deps.logger.warn('A GitHub deployment is recorded only when the action waits for the deploy (wait: true and an API key); skipping it.');
            return;
        }
        try {
            await deployments.start();
            this.deployments = deployments;
        }
        catch (thrown) {
            this.deps.logger.warn(`Could not create the GitHub deployment: ${(0,src_errors/* errorMessage */.g)(thrown)}`);
        }
    }
    async recordDeployment(state, description, deployId) {
        if (!this.deployments)
            return;
        const dashboard = this.service?.dashboardUrl;
        const logUrl = dashboard && deployId ? `${dashboard.replace(/\/+$/, '')}/deploys/${deployId}` : this.options.runUrl;
        try {
            await this.deployments.update(state, {
                description,
                ...(this.service?.url ? { environmentUrl: this.service.url } : {}),
                ...(logUrl ? { logUrl } : {}),
            });
        }
        catch (thrown) {
            this.deps.logger.warn(`Could not update the GitHub deployment: ${(0,src_errors/* errorMessage */.g)(thrown)}`);
        }
    }
    result(partial) {
        return { ...partial, durationMs: this.deps.now() - this.startedAt, timedOut: false, rolledBack: false };
    }
}
function statusOf(deploy) {
    return deploy.status ? { status: deploy.status } : {};
}
/**
 * Cancels a deploy that is still running (the action's post step on workflow cancel). Returns what it
 * did, for the log.
 */
async function cancelInFlightDeploy(render, serviceId, deployId) {
    const deploy = await render.getDeploy(serviceId, deployId);
    if (isFinished(deploy.status))
        return `Deploy ${deployId} already finished (${deploy.status}); nothing to cancel.`;
    if (!isCancellable(deploy.status))
        return `Deploy ${deployId} is ${deploy.status}; Render cannot cancel it in that state.`;
    const canceled = await render.cancelDeploy(serviceId, deployId);
    return `Canceled deploy ${deployId} on Render (now ${canceled.status ?? 'canceled'}).`;
}

;// CONCATENATED MODULE: ../render/src/hook.ts



/**
 * A deploy hook URL (the option `deploy-hook-url`), checked; the message never repeats the URL,
 * which holds a secret key.
 */
function parseHookUrl(hookUrl) {
    let url;
    try {
        url = new URL(hookUrl);
    }
    catch {
        throw new RenderApiError("is not a URL; copy it from the service's Settings → Deploy Hook (https://api.render.com/deploy/srv-…?key=…).", undefined, undefined, HOOK_OPTION);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new RenderApiError(`must be an https:// URL, got a ${url.protocol} URL.`, undefined, undefined, HOOK_OPTION);
    }
    return url;
}
const HOOK_OPTION = 'deploy-hook-url';
/** The service id in a hook URL's path (`/deploy/srv-…`), so a hook plus an API key needs no `service-id`. */
function serviceIdFromHookUrl(hookUrl) {
    try {
        return /\/deploy\/((?:srv|crn)-[A-Za-z0-9]+)\/?$/.exec(new URL(hookUrl).pathname)?.[1];
    }
    catch {
        return undefined;
    }
}
/**
 * Triggers a deploy through a deploy hook. Render answers `{"deploy": {"id": …}}` today, but that is
 * not a documented contract, so the id is returned only when present.
 */
async function triggerDeployHook(hookUrl, options = {}, deps = {}) {
    const url = parseHookUrl(hookUrl);
    if (options.imageUrl)
        url.searchParams.set('imgURL', options.imageUrl);
    const http = { ...realHttpDeps(), ...deps };
    const what = 'trigger the deploy hook';
    const { reconcileWith, imageUrl } = options;
    return startDeployOnce({
        what,
        policy: { ...retry/* DEFAULT_RETRY */.vI, ...options.retry },
        deps: http,
        send: async (policy) => {
            const response = await sendWithRetry({ url: url.href, method: 'POST', headers: { accept: 'application/json' }, what }, http, policy);
            return hookAnswer(response);
        },
        adopt: (deploy) => ({ deployId: deploy.id }),
        ...(reconcileWith
            ? {
                reconcile: {
                    ...reconcileWith,
                    match: { trigger: 'deploy_hook', ...(imageUrl ? { imageUrl } : {}) },
                },
            }
            : {}),
        unreconcilableHint: '; with an API key and the service id the deploy it started is looked up instead',
    });
}
function hookAnswer(response) {
    if (response.status >= 200 && response.status < 300) {
        return deployIdOf(response.text);
    }
    const { message } = renderMessage(response.text);
    const said = message ? `: ${message}` : '';
    if (response.status === 404 || response.status === 401 || response.status === 403) {
        throw new RenderApiError((0,options_text/* say */.cv) `Render did not accept the deploy hook (HTTP ${response.status})${said}. Check ${(0,options_text/* ref */.KR)(HOOK_OPTION)}: copy it again from the service's Settings → Deploy Hook (regenerating the hook invalidates the old URL).`, response.status);
    }
    throw new RenderApiError(`Render could not trigger the deploy hook (HTTP ${response.status} after ${response.attempts} attempts)${said}.`, response.status);
}
function deployIdOf(text) {
    try {
        const id = JSON.parse(text).deploy?.id;
        return typeof id === 'string' && id ? { deployId: id } : {};
    }
    catch {
        return {};
    }
}

;// CONCATENATED MODULE: ../render/src/options.ts





/**
 * The options of a Render deploy, shared by the render-deploy action and `shipkit deploy`; the
 * action adds the GitHub deployment and the post step's cancellation (`DEPLOY_ACTION_ROWS`).
 */
const DEPLOY_ROWS = {
    'service-id': (0,row/* textRow */.yL)({
        description: "The Render service id (srv-…, under the service's Settings). Optional with {deploy-hook-url}, which contains it.",
        flag: 'service',
        placeholder: '<srv-id>',
    }),
    'api-key': (0,row/* textRow */.yL)({
        description: 'A Render API key (rnd_…), from a secret. Needed to wait for the deploy, and for every option that reads or changes it.',
        secret: true,
        flag: false,
        env: 'RENDER_API_KEY',
    }),
    'deploy-hook-url': (0,row/* textRow */.yL)({
        description: "The service's deploy hook URL, from a secret. Triggers through the hook instead of the API; with {api-key} too, the deploy is still followed.",
        secret: true,
        flag: false,
        env: 'RENDER_DEPLOY_HOOK_URL',
    }),
    commit: (0,row/* textRow */.yL)({
        description: "Commit SHA to deploy (API trigger only). Default: the latest commit of the service's branch.",
        placeholder: '<sha>',
    }),
    'image-url': (0,row/* textRow */.yL)({
        description: "Image to deploy for an image-backed service (e.g. ghcr.io/acme/shop:1.2.3); must match the service's image repository.",
        placeholder: '<image>',
    }),
    'clear-cache': (0,row/* booleanRow */.HP)({
        description: 'Clear the build cache before building (API trigger only).',
        default: 'false',
    }),
    'deploy-mode': (0,row/* enumRow */.QR)(DEPLOY_MODES, {
        description: "build_and_deploy, or deploy_only to redeploy the last build (then {commit}, {image-url} and {clear-cache} are not allowed). Default: Render's.",
    }),
    wait: (0,row/* booleanRow */.HP)({
        description: 'Wait for the deploy to finish and fail unless it goes live. Needs {api-key}.',
        default: 'true',
    }),
    timeout: (0,row/* durationRow */.re)({
        description: 'How long to wait for the deploy, e.g. 30m or 1h. Then the deploy counts as failed.',
        default: '30m',
    }),
    'cancel-on-timeout': (0,row/* booleanRow */.HP)({
        description: 'When the timeout is reached, cancel the deploy on Render too (otherwise it keeps going).',
        default: 'false',
    }),
    'poll-interval': (0,row/* durationRow */.re)({
        description: 'How often to check the deploy once it has started (twice that while it is created or queued), e.g. 5s.',
        default: '5s',
    }),
    'superseded-outcome': (0,row/* enumRow */.QR)(SUPERSEDED_OUTCOMES, {
        description: 'What a deploy superseded by a newer one (deactivated) counts as. auto = failure unless it was seen live; success; failure.',
        default: 'auto',
    }),
    'rollback-on-failure': (0,row/* booleanRow */.HP)({
        description: 'When the deploy fails (build, pre-deploy, update or health check) and no earlier deploy is still live, roll back to the deploy it replaced and wait for it. The deploy still counts as failed.',
        default: 'false',
    }),
    'allow-auto-deploy': (0,row/* booleanRow */.HP)({
        description: "Deploy even when the service's Auto-Deploy is on. By default such a service is refused before deploying: Render would ship every push by itself, around the deploy gates. Turn Auto-Deploy off instead.",
        default: 'false',
    }),
    'health-check-url': (0,row/* textRow */.yL)({
        description: 'After the deploy is live, request this URL until it answers HTTP 200; fail (and roll back, if asked) otherwise.',
        placeholder: '<url>',
    }),
    'health-check-timeout': (0,row/* durationRow */.re)({
        description: 'How long the health check may take.',
        default: '2m',
    }),
    'api-base-url': (0,row/* textRow */.yL)({
        description: 'Render API base URL.',
        default: RENDER_API_URL,
        flag: 'api-url',
        placeholder: '<url>',
    }),
};
/** What only the action does: a GitHub deployment, and cancelling when the workflow is cancelled. */
const DEPLOY_ACTION_ROWS = {
    'cancel-on-workflow-cancel': (0,row/* booleanRow */.HP)({
        description: 'When the workflow is cancelled while the deploy is in flight, cancel the deploy on Render (in the post step).',
        default: 'false',
    }),
    'github-deployment': (0,row/* booleanRow */.HP)({
        description: 'Record a GitHub deployment with in_progress/success/failure statuses (needs permissions deployments: write). Leave off in a job with `environment:`, which already records one.',
        default: 'false',
    }),
    'github-token': (0,row/* textRow */.yL)({
        description: 'Token for the GitHub deployment.',
        default: rows/* JOB_TOKEN */.IK,
        secret: true,
    }),
    environment: (0,row/* textRow */.yL)({
        description: 'Environment name of the GitHub deployment.',
        default: 'production',
    }),
};
const DEFAULTS = Object.fromEntries(['timeout', 'poll-interval', 'health-check-timeout'].map((key) => [
    key,
    DEPLOY_ROWS[key].parse(DEPLOY_ROWS[key].default),
]));
const DEFAULT_TIMEOUT_MS = DEFAULTS.timeout;
/** The official CLI's cadence: every 5 s once a deploy has started, every 10 s while it is only created. */
const DEFAULT_POLL_INTERVAL_MS = DEFAULTS['poll-interval'];
const DEFAULT_HEALTH_CHECK_TIMEOUT_MS = DEFAULTS['health-check-timeout'];
const SERVICE_ID = /^(srv|crn)-[a-z0-9]+$/;
const HTTP_URL = /^https?:\/\/[^/]/;
/** Checks the deploy options together; contradictions are errors that name the options involved. */
function deployOptions(values) {
    const apiKey = values['api-key'];
    const hookUrl = values['deploy-hook-url'];
    if (!apiKey && !hookUrl) {
        throw errors/* OptionError */.eR.saying((0,options_text/* say */.cv) `Give ${(0,options_text/* ref */.KR)('api-key')} (with ${(0,options_text/* ref */.KR)('service-id')}) to deploy through the Render API, or ${(0,options_text/* ref */.KR)('deploy-hook-url')}.`);
    }
    if (hookUrl)
        parseHookUrl(hookUrl);
    const serviceId = values['service-id'] ?? (hookUrl ? serviceIdFromHookUrl(hookUrl) : undefined);
    if (serviceId !== undefined && !SERVICE_ID.test(serviceId)) {
        throw new errors/* OptionError */.eR('service-id', `must be a Render service id such as 'srv-d0abc123xyz' (Settings → Service ID), not a name; got '${serviceId}'.`);
    }
    if (apiKey && !serviceId) {
        throw new errors/* OptionError */.eR('service-id', (0,options_text/* say */.cv) `is required with ${(0,options_text/* ref */.KR)('api-key')} (unless ${(0,options_text/* ref */.KR)('deploy-hook-url')} names the service).`);
    }
    const trigger = deployTrigger(values, hookUrl);
    const { wait } = values;
    const cancelOnWorkflowCancel = values['cancel-on-workflow-cancel'] ?? false;
    const healthCheckUrl = values['health-check-url'];
    const githubDeployment = values['github-deployment'] ?? false;
    const following = {
        'rollback-on-failure': values['rollback-on-failure'],
        'cancel-on-timeout': values['cancel-on-timeout'],
        'cancel-on-workflow-cancel': cancelOnWorkflowCancel,
        'health-check-url': Boolean(healthCheckUrl),
        'github-deployment': githubDeployment,
    };
    for (const [key, asked] of Object.entries(following)) {
        if (asked && !apiKey) {
            throw new errors/* OptionError */.eR(key, (0,options_text/* say */.cv) `needs ${(0,options_text/* ref */.KR)('api-key')}: without it the deploy cannot be followed.`);
        }
        if (asked && !wait)
            throw new errors/* OptionError */.eR(key, (0,options_text/* say */.cv) `needs ${(0,options_text/* ref */.KR)('wait')}.`);
    }
    if (healthCheckUrl && !HTTP_URL.test(healthCheckUrl)) {
        throw new errors/* OptionError */.eR('health-check-url', `must be an http:// or https:// URL, got '${healthCheckUrl}'.`);
    }
    const githubToken = values['github-token'];
    if (githubDeployment && !githubToken) {
        throw new errors/* OptionError */.eR('github-deployment', (0,options_text/* say */.cv) `needs ${(0,options_text/* ref */.KR)('github-token')} (the job's github.token by default).`);
    }
    const apiBaseUrl = values['api-base-url'];
    if (!HTTP_URL.test(apiBaseUrl)) {
        throw new errors/* OptionError */.eR('api-base-url', `must be an http:// or https:// URL, got '${apiBaseUrl}'.`);
    }
    const { commit } = values;
    const flow = {
        ...(serviceId ? { serviceId } : {}),
        trigger,
        wait,
        timeoutMs: values.timeout,
        pollIntervalMs: values['poll-interval'],
        supersededOutcome: values['superseded-outcome'],
        cancelOnTimeout: values['cancel-on-timeout'],
        rollbackOnFailure: values['rollback-on-failure'],
        allowAutoDeploy: values['allow-auto-deploy'],
        ...(healthCheckUrl
            ? { healthCheck: { url: healthCheckUrl, timeoutMs: values['health-check-timeout'] } }
            : {}),
    };
    return {
        flow,
        ...(apiKey ? { apiKey } : {}),
        apiBaseUrl,
        cancelOnWorkflowCancel,
        ...(githubDeployment && githubToken
            ? { githubDeployment: { token: githubToken, environment: values.environment ?? 'production' } }
            : {}),
        ...(commit ? { commit } : {}),
    };
}
function deployTrigger(values, hookUrl) {
    const { commit } = values;
    const imageUrl = values['image-url'];
    const clearCache = values['clear-cache'];
    const deployMode = values['deploy-mode'];
    if (deployMode === 'deploy_only' && (commit || imageUrl || clearCache)) {
        throw new errors/* OptionError */.eR('deploy-mode', (0,options_text/* say */.cv) `deploy_only redeploys the last build; remove ${(0,options_text/* ref */.KR)('commit')}, ${(0,options_text/* ref */.KR)('image-url')} and ${(0,options_text/* ref */.KR)('clear-cache')}.`);
    }
    if (!hookUrl) {
        return {
            kind: 'api',
            ...(commit ? { commitId: commit } : {}),
            ...(imageUrl ? { imageUrl } : {}),
            ...(clearCache ? { clearCache } : {}),
            ...(deployMode ? { deployMode } : {}),
        };
    }
    const apiOnly = ['commit', 'clear-cache', 'deploy-mode'].filter((key) => Boolean(values[key]));
    const [first, ...others] = apiOnly;
    if (first) {
        const alongside = others.length > 0
            ? ['(with ', ...others.flatMap((key, i) => [...(i > 0 ? [', '] : []), (0,options_text/* ref */.KR)(key)]), ') ']
            : [];
        throw new errors/* OptionError */.eR(first, [
            ...alongside,
            ...(0,options_text/* say */.cv) `needs the API trigger, but ${(0,options_text/* ref */.KR)('deploy-hook-url')} is set; a deploy hook deploys the branch's latest commit (or ${(0,options_text/* ref */.KR)('image-url')}). Remove ${(0,options_text/* ref */.KR)('deploy-hook-url')} to deploy through the API.`,
        ]);
    }
    return { kind: 'hook', hookUrl, ...(imageUrl ? { imageUrl } : {}) };
}

// EXTERNAL MODULE: ../runtime/src/exit.ts
var exit = __webpack_require__(601);
// EXTERNAL MODULE: ./src/command.ts
var command = __webpack_require__(483);
;// CONCATENATED MODULE: ./src/commands/deploy.ts



const deploy = (0,command/* command */.G)({
    name: 'deploy',
    usage: '--service <srv-id> [--commit <sha>] [--wait] [--timeout <duration>] [--rollback-on-failure] [options]',
    options: {
        ...DEPLOY_ROWS,
        // A terminal does not wait unless asked.
        wait: { ...DEPLOY_ROWS.wait, default: 'false', switch: true },
    },
    details: `
The API key is read from RENDER_API_KEY (or deploy through a hook with RENDER_DEPLOY_HOOK_URL), so it
stays out of shell history. Exit codes: 0 live (or triggered without --wait), 1 the deploy failed or
timed out, 2 bad usage or a request Render refused.

Examples:
  RENDER_API_KEY=rnd_… shipkit deploy --service srv-d0abc123 --commit "$(git rev-parse HEAD)" --wait
  shipkit deploy --service srv-d0abc123 --wait --timeout 20m --rollback-on-failure --json`,
    async run({ options }, context) {
        const parsed = deployOptions(options);
        const http = {
            ...realHttpDeps(),
            logger: context.logger,
            sleep: (ms) => (0,deadline/* sleep */.yy)(ms, context.signal),
            signal: context.signal,
        };
        const render = parsed.apiKey
            ? new RenderClient({ apiKey: parsed.apiKey, baseUrl: parsed.apiBaseUrl }, http)
            : undefined;
        const result = await deployToRender(parsed.flow, {
            ...(render ? { render } : {}),
            triggerHook: (hookUrl, imageUrl) => triggerDeployHook(hookUrl, {
                ...(imageUrl ? { imageUrl } : {}),
                ...(render && parsed.flow.serviceId
                    ? { reconcileWith: { api: render, serviceId: parsed.flow.serviceId } }
                    : {}),
            }, http),
            fetch: http.fetch,
            now: http.now,
            sleep: http.sleep,
            logger: context.logger,
        });
        context.stdout(context.json ? `${JSON.stringify(jsonResult(result), null, 2)}\n` : textResult(result));
        return result.outcome === 'failure' ? exit/* EXIT */.dc.failed : exit/* EXIT */.dc.ok;
    },
});
function jsonResult(result) {
    return {
        outcome: result.outcome,
        reason: result.reason,
        serviceId: result.serviceId ?? null,
        deployId: result.deployId ?? null,
        status: result.status ?? null,
        serviceUrl: result.service?.url ?? null,
        durationSeconds: Math.round(result.durationMs / 1000),
        timedOut: result.timedOut,
        rolledBack: result.rolledBack,
        rollback: result.rollback ?? null,
        healthCheck: result.healthCheck ?? null,
        timeline: result.timeline.map((entry) => ({ ...entry, at: new Date(entry.at).toISOString() })),
    };
}
function textResult(result) {
    const lines = [result.reason];
    if (result.outcome !== 'triggered')
        lines.push(`took ${(0,format/* formatDuration */.a3)(result.durationMs)}`);
    if (result.service?.url && result.outcome === 'success')
        lines.push(`url: ${result.service.url}`);
    return `${lines.join('\n')}\n`;
}


/***/ }),

/***/ 8463:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IK: () => (/* binding */ JOB_TOKEN),
/* harmony export */   Px: () => (/* binding */ PARALLELISM),
/* harmony export */   o5: () => (/* binding */ timeoutRow),
/* harmony export */   ri: () => (/* binding */ DEFAULT_PARALLELISM)
/* harmony export */ });
/* harmony import */ var _row__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3832);

/**
 * Rows that several tables share, in their most general words; a table may override the
 * description (`{ ...PARALLELISM, description: '…' }`), never the parsing.
 */
/** How much work runs at once: reads of a backup, insert batches of a restore. */
const PARALLELISM = (0,_row__WEBPACK_IMPORTED_MODULE_0__/* .integerRow */ .d1)({
    description: 'How many reads or writes run at once.',
    default: '4',
    min: 1,
    max: 64,
});
/** The parallelism a core function uses when its caller gives none: the row's default. */
const DEFAULT_PARALLELISM = PARALLELISM.parse(PARALLELISM.default);
/** The bound on a whole run, the network included; each command has its own default. */
function timeoutRow(defaultText, description) {
    return (0,_row__WEBPACK_IMPORTED_MODULE_0__/* .durationRow */ .re)({
        description: description ??
            'Fail if the run takes longer, e.g. 90m or 2h. Requests still waiting are then aborted, and the run ends within seconds, naming what did not answer.',
        default: defaultText,
    });
}
/** The default of a token input: the job's own token, which the runner substitutes. */
// biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, evaluated by the runner
const JOB_TOKEN = '${{ github.token }}';


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
