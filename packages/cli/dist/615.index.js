export const id = 615;
export const ids = [615];
export const modules = {

/***/ 6477:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ TOOL)
/* harmony export */ });
/**
 * The name and version recorded in manifests, archive preludes and verification records. Kept in
 * source (not read from package.json at run time) so bundles carry it; a test checks it matches the
 * root package.json, and the release script updates both.
 */
const TOOL = { name: 'mongo-shipkit', version: '0.1.0' };


/***/ }),

/***/ 8139:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  v: () => (/* binding */ reporting)
});

// EXTERNAL MODULE: ../backup/src/tool.ts
var tool = __webpack_require__(6477);
// EXTERNAL MODULE: ../notify/src/deliver.ts
var deliver = __webpack_require__(1645);
;// CONCATENATED MODULE: ../notify/src/events.ts
/**
 * What a run tells the outside world when it ends: one event, from which every payload (generic
 * webhook, Slack, Teams, heartbeat) is built. It never holds a URI, a key or a hook URL.
 */
const EVENTS = (/* unused pure expression or super */ null && ([
    'backup.succeeded',
    'backup.failed',
    'backup.anomaly',
    'verify.succeeded',
    'verify.failed',
    'restore.succeeded',
    'restore.failed',
    'drill.succeeded',
    'drill.failed',
    'freshness.ok',
    'freshness.stale',
]));
/** Whether an event is bad news: the heartbeat reports it on `/fail`, and messages say so. */
function isAlarm(event) {
    return !event.endsWith('.succeeded') && event !== 'freshness.ok';
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ../runtime/src/format.ts
var format = __webpack_require__(770);
;// CONCATENATED MODULE: ../notify/src/payloads.ts



/** The version of the generic webhook body (docs/schema/notification.schema.json). */
const NOTIFICATION_VERSION = 1;
const SIGNATURE_HEADER = 'X-Shipkit-Signature';
/** The generic JSON webhook body: the event itself, versioned. */
function webhookBody(event, tool) {
    return JSON.stringify({ version: NOTIFICATION_VERSION, ...event, tool });
}
/**
 * `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`: the receiver recomputes it with the
 * shared secret and refuses a stale `t`, so a captured request cannot be replayed later.
 */
function signature(body, secret, at) {
    const t = Math.floor(at.getTime() / 1000);
    const v1 = (0,external_node_crypto_.createHmac)('sha256', secret).update(`${t}.${body}`).digest('hex');
    return `t=${t},v1=${v1}`;
}
/** The figures worth a line in a chat message, as label/value pairs. */
function facts(event) {
    const rows = [];
    if (event.backupId)
        rows.push(['Backup', event.backupId]);
    if (event.destination)
        rows.push(['Destination', event.destination]);
    if (event.documents !== undefined)
        rows.push(['Documents', (0,format/* formatCount */.B4)(event.documents)]);
    if (event.bytes !== undefined)
        rows.push(['Stored', (0,format/* formatBytes */.z3)(event.bytes)]);
    if (event.durationSeconds !== undefined)
        rows.push(['Duration', `${event.durationSeconds}s`]);
    for (const a of event.anomalies ?? []) {
        rows.push([a.namespace, `${(0,format/* formatCount */.B4)(a.before)} → ${(0,format/* formatCount */.B4)(a.after)} documents`]);
    }
    if (event.failure)
        rows.push(['What failed', event.failure]);
    return rows;
}
function title(event) {
    return `${isAlarm(event.event) ? '🔴' : '✅'} mongo-shipkit ${event.event}`;
}
/**
 * A Slack incoming-webhook message: `text` is the notification's fallback, `blocks` the message
 * (a header, the summary, then the figures as mrkdwn fields of at most 10 per section).
 */
function slackBody(event) {
    const fields = facts(event).map(([label, value]) => ({
        type: 'mrkdwn',
        text: `*${slackEscape(label)}*\n${slackEscape(value)}`,
    }));
    const blocks = [
        { type: 'header', text: { type: 'plain_text', text: title(event).slice(0, 150) } },
        { type: 'section', text: { type: 'mrkdwn', text: slackEscape(event.summary) } },
    ];
    for (let i = 0; i < fields.length; i += 10)
        blocks.push({ type: 'section', fields: fields.slice(i, i + 10) });
    return JSON.stringify({ text: `${title(event)}: ${event.summary}`, blocks });
}
/** Slack's three control characters in mrkdwn. */
function slackEscape(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
/**
 * A Teams message carrying one Adaptive Card, the shape both Teams incoming webhooks and the
 * Workflows "post to a channel when a webhook request is received" trigger accept.
 */
function teamsBody(event) {
    return JSON.stringify({
        type: 'message',
        attachments: [
            {
                contentType: 'application/vnd.microsoft.card.adaptive',
                contentUrl: null,
                content: {
                    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
                    type: 'AdaptiveCard',
                    version: '1.4',
                    body: [
                        {
                            type: 'TextBlock',
                            text: title(event),
                            weight: 'Bolder',
                            size: 'Medium',
                            wrap: true,
                            ...(isAlarm(event.event) ? { color: 'Attention' } : {}),
                        },
                        { type: 'TextBlock', text: event.summary, wrap: true },
                        { type: 'FactSet', facts: facts(event).map(([label, value]) => ({ title: label, value })) },
                    ],
                },
            },
        ],
    });
}
/** The request one notification URL receives for `event`, signed when a secret is given. */
function notificationRequest(target, event, options) {
    const headers = { 'content-type': 'application/json' };
    let body;
    if (target.format === 'slack')
        body = slackBody(event);
    else if (target.format === 'teams')
        body = teamsBody(event);
    else {
        body = webhookBody(event, options.tool);
        headers['user-agent'] = `${options.tool.name}/${options.tool.version}`;
        if (options.secret)
            headers[SIGNATURE_HEADER] = signature(body, options.secret, options.now);
    }
    return { url: target.url, label: target.label, method: 'POST', headers, body };
}
/**
 * The healthchecks.io convention: `<url>/start` when the run starts, `<url>` when it succeeds,
 * `<url>/fail` when it fails, with a short plain-text body saying what happened (Better Stack
 * heartbeats take the same suffixes). Cronitor telemetry URLs (cronitor.link) say it with
 * `?state=run|complete|fail` and a `message` parameter instead.
 */
function heartbeatRequest(target, signal, text = '') {
    const url = new URL(target.url);
    const message = text.slice(0, 1000);
    if (url.hostname === 'cronitor.link' || url.hostname.endsWith('.cronitor.link')) {
        url.searchParams.set('state', { start: 'run', success: 'complete', fail: 'fail' }[signal]);
        if (message)
            url.searchParams.set('message', message.slice(0, 500));
        return { url: url.toString(), label: target.label, method: 'GET', headers: {} };
    }
    if (signal !== 'success')
        url.pathname = `${url.pathname.replace(/\/+$/, '')}/${signal}`;
    return {
        url: url.toString(),
        label: target.label,
        method: 'POST',
        headers: { 'content-type': 'text/plain; charset=utf-8' },
        body: message,
    };
}

;// CONCATENATED MODULE: ../notify/src/notifier.ts




/**
 * Tells the receivers a run's outcome: the heartbeat when the run starts, then the event to every
 * notification URL and the heartbeat's success or fail when it ends. Never throws; each request's
 * outcome is returned so the edge can warn about the ones not delivered.
 */
class Notifier {
    config;
    deps;
    constructor(config, deps) {
        this.config = config;
        this.deps = deps;
    }
    get enabled() {
        return this.config.targets.length > 0 || this.config.heartbeat !== undefined;
    }
    async start() {
        const { heartbeat } = this.config;
        if (!heartbeat)
            return [];
        return [await this.send(heartbeatRequest(heartbeat, 'start'), 'heartbeat start')];
    }
    async finish(event) {
        const redact = this.deps.redact ?? ((text) => text);
        const now = this.deps.now?.() ?? new Date();
        const clean = JSON.parse(redact(JSON.stringify(event)));
        // A fresh backup every day is no news for a channel: only the heartbeat hears of it.
        const targets = clean.event === 'freshness.ok' ? [] : this.config.targets;
        const requests = targets.map((target) => [
            notificationRequest(target, clean, {
                ...(this.config.secret ? { secret: this.config.secret } : {}),
                tool: this.deps.tool,
                now,
            }),
            clean.event,
        ]);
        const { heartbeat } = this.config;
        if (heartbeat) {
            const signal = isAlarm(clean.event) ? 'fail' : 'success';
            const text = [clean.summary, clean.failure].filter(Boolean).join('\n');
            requests.push([heartbeatRequest(heartbeat, signal, text), `heartbeat ${signal}`]);
        }
        return Promise.all(requests.map(([request, what]) => this.send(request, what)));
    }
    send(request, what) {
        const options = {
            requestTimeoutMs: this.config.requestTimeoutMs,
            ...(this.deps.fetch ? { fetch: this.deps.fetch } : {}),
            ...(this.deps.sleep ? { sleep: this.deps.sleep } : {}),
        };
        return (0,deliver/* deliver */.cK)(request, what, options);
    }
}
/** "slack (hooks.slack.com): backup.failed not delivered: answered HTTP 500 (after 3 tries)" */
function describeDelivery(delivery) {
    return delivery.delivered
        ? `${delivery.label}: ${delivery.what} delivered`
        : `${delivery.label}: ${delivery.what} not delivered: ${delivery.error ?? 'failed'}`;
}
/**
 * Runs `work` between the heartbeat's start and the event it ends with — the `failed` event when it
 * throws, and then the error is thrown on. Deliveries that failed are warnings on `logger`, never a
 * failure: the run's own result or error is what the caller gets, with every delivery's outcome.
 */
async function reportRun(notifier, logger, failed, work) {
    if (!notifier.enabled)
        return { value: (await work()).value, deliveries: [] };
    const deliveries = warnAbout(logger, await notifier.start());
    let outcome;
    try {
        outcome = await work();
    }
    catch (error) {
        warnAbout(logger, await notifier.finish(failed(error)));
        throw error;
    }
    deliveries.push(...warnAbout(logger, await notifier.finish(outcome.event)));
    return { value: outcome.value, deliveries };
}
function warnAbout(logger, deliveries) {
    for (const delivery of deliveries) {
        if (delivery.delivered)
            logger.debug(describeDelivery(delivery));
        else
            logger.warn(`notification ${describeDelivery(delivery)}`);
    }
    return deliveries;
}
/** The job summary's rows about notifications: one per request, delivered or not. */
function deliveriesMarkdown(deliveries) {
    if (deliveries.length === 0)
        return undefined;
    const rows = deliveries.map((d) => [
        d.label,
        d.what,
        d.delivered ? 'delivered' : `**not delivered**: ${d.error ?? 'failed'}`,
        d.attempts,
    ]);
    return `#### Notifications\n\n${table(['receiver', 'sent', 'outcome', 'tries'], rows, ['l', 'l', 'l', 'r'])}`;
}

// EXTERNAL MODULE: ../notify/src/options.ts
var src_options = __webpack_require__(6034);
;// CONCATENATED MODULE: ./src/notify.ts


/**
 * Runs a command that tells receivers its outcome (`--notify`, `--heartbeat`): `work` returns its
 * exit code and the event to send; when it throws, the `failed` event is sent and the error goes on
 * to be reported as usual. A notification not delivered is a warning on stderr, never another exit code.
 */
async function reporting(options, context, failed, work) {
    const notifier = new Notifier((0,src_options/* notifyConfig */.J)(options, (secret) => context.redactor.add(secret)), { tool: tool/* TOOL */.j, redact: (text) => context.redactor.redact(text) });
    const { value } = await reportRun(notifier, context.logger, failed, async () => {
        const { code, event } = await work();
        return { value: code, event };
    });
    return value;
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


/***/ }),

/***/ 1645:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Zc: () => (/* binding */ DEFAULT_REQUEST_TIMEOUT_MS),
/* harmony export */   cK: () => (/* binding */ deliver)
/* harmony export */ });
/* unused harmony exports DEFAULT_ATTEMPTS, DEFAULT_BACKOFF_MS */
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3181);
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3422);

const DEFAULT_ATTEMPTS = 3;
const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;
const DEFAULT_BACKOFF_MS = 1_000;
/**
 * Sends one request with bounded retries: network errors, timeouts, 429 and 5xx are tried again
 * after a backoff; any other answer is final. Never throws: the outcome says what happened, and
 * never holds the URL (it carries a token).
 */
async function deliver(request, what, options = {}) {
    const attempts = Math.max(1, options.attempts ?? DEFAULT_ATTEMPTS);
    const timeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    const backoffMs = options.backoffMs ?? DEFAULT_BACKOFF_MS;
    const send = options.fetch ?? fetch;
    const wait = options.sleep ?? _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .sleep */ .yy;
    const outcome = { label: request.label, what, delivered: false, attempts: 0 };
    for (let attempt = 1; attempt <= attempts; attempt++) {
        if (attempt > 1)
            await wait(backoffMs * 2 ** (attempt - 2));
        outcome.attempts = attempt;
        let retry;
        try {
            const response = await send(request.url, {
                method: request.method,
                headers: request.headers,
                ...(request.body === undefined ? {} : { body: request.body }),
                signal: AbortSignal.timeout(timeoutMs),
                redirect: 'error',
            });
            // The body is not needed; reading it frees the connection.
            await response.arrayBuffer().catch(() => undefined);
            outcome.status = response.status;
            if (response.ok) {
                outcome.delivered = true;
                delete outcome.error;
                return outcome;
            }
            outcome.error = `answered HTTP ${response.status}`;
            retry = response.status === 429 || response.status >= 500;
        }
        catch (error) {
            delete outcome.status;
            outcome.error = describeFailure(error, timeoutMs);
            retry = true;
        }
        if (!retry)
            break;
    }
    if (outcome.attempts > 1)
        outcome.error = `${outcome.error} (after ${outcome.attempts} tries)`;
    return outcome;
}
/** A network error in words that hold no URL. */
function describeFailure(error, timeoutMs) {
    const { name } = (error ?? {});
    if (name === 'TimeoutError' || name === 'AbortError')
        return `no answer within ${Math.round(timeoutMs / 1000)}s`;
    const cause = error.cause;
    if (cause && typeof cause.code === 'string')
        return `could not connect (${cause.code})`;
    // fetch's own messages ("fetch failed", "bad port") name no URL; anything longer is cut short to be safe.
    const message = error.message;
    const text = typeof message === 'string' ? message : (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .g)(error);
    const detail = cause && typeof cause.message === 'string' ? `: ${cause.message}` : '';
    return `${text}${detail}`.split('\n')[0]?.slice(0, 120) ?? 'failed';
}


/***/ }),

/***/ 6034:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ notifyConfig),
/* harmony export */   a: () => (/* binding */ NOTIFY_ROWS)
/* harmony export */ });
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3832);
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5608);
/* harmony import */ var _deliver__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1645);
/* harmony import */ var _targets__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5626);



/** The rows every command that reports its outcome takes: backup, verify, restore, check-freshness. */
const NOTIFY_ROWS = {
    notify: (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .customRow */ .Kl)((raw) => (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_1__/* .parseList */ .E1)(raw).map(_targets__WEBPACK_IMPORTED_MODULE_2__/* .parseTarget */ .hu), {
        description: 'Where to send the outcome: Slack or Teams incoming-webhook URLs, or any URL for the generic JSON webhook (signed with {notify-secret}); a slack+, teams+ or webhook+ prefix forces the format. Secret: hook URLs carry tokens.',
        default: '',
        secret: true,
        multiple: true,
        env: 'SHIPKIT_NOTIFY',
        placeholder: '<url>',
    }),
    'notify-secret': (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .textRow */ .yL)({
        description: 'Signs generic webhooks: X-Shipkit-Signature: t=<unix seconds>,v1=<HMAC-SHA256 of "<t>.<body>">. Secret.',
        default: '',
        secret: true,
        env: 'SHIPKIT_NOTIFY_SECRET',
        placeholder: '<secret>',
    }),
    heartbeat: (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .customRow */ .Kl)(_targets__WEBPACK_IMPORTED_MODULE_2__/* .parseHeartbeat */ .CW, {
        description: "A dead-man's switch (healthchecks.io, Cronitor or Better Stack URL): pinged at <url>/start when the run starts, <url> when it succeeds, <url>/fail when it fails. Secret.",
        default: '',
        secret: true,
        env: 'SHIPKIT_HEARTBEAT',
        placeholder: '<url>',
    }),
    'notify-timeout': (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .durationRow */ .re)({
        description: 'How long each notification or heartbeat request may take; a request is tried 3 times in all. One that cannot be delivered is a warning, never a failure of the run.',
        default: `${_deliver__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_REQUEST_TIMEOUT_MS */ .Zc / 1000}s`,
    }),
};
/**
 * The typed settings from the parsed rows. Each URL is handed to `addSecret` as it will be sent
 * (without its format prefix), so no spelling of it can be printed.
 */
function notifyConfig(values, addSecret) {
    const targets = values.notify ?? [];
    for (const target of targets)
        addSecret(target.url);
    const heartbeat = values.heartbeat;
    if (heartbeat)
        addSecret(heartbeat.url);
    const secret = values['notify-secret'];
    return {
        targets,
        ...(secret ? { secret } : {}),
        ...(heartbeat ? { heartbeat } : {}),
        requestTimeoutMs: values['notify-timeout'],
    };
}


/***/ }),

/***/ 3403:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Up: () => (/* binding */ freshnessEvent),
/* harmony export */   XT: () => (/* binding */ checkEvent),
/* harmony export */   ij: () => (/* binding */ drillEvent),
/* harmony export */   nF: () => (/* binding */ backupEvent),
/* harmony export */   uG: () => (/* binding */ failedEvent)
/* harmony export */ });
/* unused harmony export publicLocation */
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(770);
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3422);

/**
 * The events of each command, from the facts of its result (structural types, so this package
 * depends on no engine). The edges call these; the payload builders turn the event into bodies.
 */
/** A location safe to show anywhere: no user, password, query or fragment. */
function publicLocation(url) {
    try {
        const parsed = new URL(url);
        parsed.username = '';
        parsed.password = '';
        parsed.search = '';
        parsed.hash = '';
        return parsed.toString();
    }
    catch {
        return url.replace(/\/\/[^/@]*@/, '//').replace(/[?#].*$/, '');
    }
}
function backupEvent(facts, at) {
    const base = {
        at: at.toISOString(),
        backupId: facts.backupId,
        destination: publicLocation(facts.destination),
        documents: facts.documents,
        bytes: facts.bytes,
        durationSeconds: Math.round(facts.durationMs / 1000),
    };
    const stored = `${(0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .formatCount */ .B4)(facts.documents)} documents in ${facts.namespaces} namespaces, ${(0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .formatBytes */ .z3)(facts.bytes)} stored in ${(0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(facts.durationMs)}`;
    const { anomaly } = facts;
    if (anomaly && !anomaly.acceptedAt) {
        const anomalies = anomaly.namespaces.map(({ namespace, before, after }) => ({
            namespace,
            before,
            after,
        }));
        if (anomaly.total)
            anomalies.push({ namespace: '(all namespaces)', ...anomaly.total });
        return {
            ...base,
            event: 'backup.anomaly',
            summary: `backup ${facts.backupId}: the data collapsed since ${anomaly.comparedWith} — ${anomalies
                .map((a) => `${a.namespace} ${(0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .formatCount */ .B4)(a.before)} → ${(0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .formatCount */ .B4)(a.after)}`)
                .join('; ')}. The backup before it is kept until the anomaly is acknowledged.`,
            anomalies,
        };
    }
    return { ...base, event: 'backup.succeeded', summary: `backup ${facts.backupId}: ${stored}` };
}
/** The event of a run that ended in an error: what failed, in the error's own words. */
function failedEvent(event, error, at, context) {
    const failure = (0,_shipkit_runtime__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .g)(error).slice(0, 2000);
    const command = event.slice(0, event.indexOf('.'));
    const where = context.destination ? ` (${publicLocation(context.destination)})` : '';
    return {
        event,
        at: at.toISOString(),
        summary: `${command}${where} failed: ${failure.split('\n')[0]?.slice(0, 200)}`,
        ...(context.backupId ? { backupId: context.backupId } : {}),
        ...(context.destination ? { destination: publicLocation(context.destination) } : {}),
        ...(context.durationMs !== undefined ? { durationSeconds: Math.round(context.durationMs / 1000) } : {}),
        failure,
    };
}
/** A verification or a restore, from its report. */
function checkEvent(kind, facts, at) {
    const passed = facts.result === 'passed';
    return {
        event: `${kind}.${passed ? 'succeeded' : 'failed'}`,
        at: at.toISOString(),
        summary: facts.headline,
        ...(facts.backupId ? { backupId: facts.backupId } : {}),
        destination: publicLocation(facts.source),
        documents: facts.documents,
        bytes: facts.bytes,
        durationSeconds: Math.round(facts.durationMs / 1000),
        ...(passed ? {} : { failure: facts.problems.slice(0, 20).join('\n') }),
    };
}
/** A restore drill, from its record: bad news when a target was missed or a restore failed. */
function drillEvent(facts, at) {
    return {
        event: facts.passed ? 'drill.succeeded' : 'drill.failed',
        at: at.toISOString(),
        summary: `restore drill of ${publicLocation(facts.source)} ${facts.passed ? 'PASSED' : 'FAILED'}: ${facts.measured}`,
        ...(facts.backupId ? { backupId: facts.backupId } : {}),
        destination: publicLocation(facts.source),
        documents: facts.documents,
        durationSeconds: Math.round(facts.durationMs / 1000),
        ...(facts.passed ? {} : { failure: facts.missed.slice(0, 20).join('\n') }),
    };
}
function freshnessEvent(facts, at) {
    return {
        event: facts.fresh ? 'freshness.ok' : 'freshness.stale',
        at: at.toISOString(),
        summary: facts.message,
        destination: publicLocation(facts.location),
        ...(facts.newest ? { backupId: facts.newest.id, ageSeconds: Math.round(facts.newest.ageMs / 1000) } : {}),
        ...(facts.fresh ? {} : { failure: facts.message }),
    };
}


/***/ }),

/***/ 5626:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CW: () => (/* binding */ parseHeartbeat),
/* harmony export */   hu: () => (/* binding */ parseTarget),
/* harmony export */   sj: () => (/* binding */ targetAddress)
/* harmony export */ });
/* harmony import */ var _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(673);

const PREFIX = /^(slack|teams|webhook)\+(https?:\/\/.*)$/i;
/** Hosts of Teams incoming webhooks (Office 365 connectors) and of Workflows (Power Automate) triggers. */
const TEAMS_HOSTS = [
    /(^|\.)webhook\.office\.com$/,
    /^outlook\.office(365)?\.com$/,
    /(^|\.)logic\.azure\.com$/,
    /(^|\.)powerautomate\.com$/,
    /(^|\.)powerplatform\.com$/,
    /^flow\.microsoft\.com$/,
];
/**
 * Where a notification goes, and in which format: chosen by the host (hooks.slack.com is Slack; Teams
 * webhook and Workflows hosts are Teams; anything else gets the generic JSON webhook), unless a prefix
 * says it (`slack+https://…`, `teams+https://…`, `webhook+https://…`). Errors never repeat the URL.
 */
function parseTarget(text) {
    const trimmed = text.trim();
    const prefixed = PREFIX.exec(trimmed);
    const raw = targetAddress(trimmed);
    let url;
    try {
        url = new URL(raw);
    }
    catch {
        throw new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .InvalidValue */ .h6('must be http(s) URLs (optionally prefixed slack+, teams+ or webhook+), got something that is not a URL.');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .InvalidValue */ .h6(`must be http(s) URLs, got a ${url.protocol} URL.`);
    }
    const format = prefixed ? prefixed[1]?.toLowerCase() : detectFormat(url.hostname);
    return { format, url: url.toString(), label: `${format} (${url.host})` };
}
/** The URL a target sends to: its text without a `slack+` / `teams+` / `webhook+` format prefix. */
function targetAddress(text) {
    const trimmed = text.trim();
    return PREFIX.exec(trimmed)?.[2] ?? trimmed;
}
function detectFormat(host) {
    if (host === 'hooks.slack.com')
        return 'slack';
    if (TEAMS_HOSTS.some((pattern) => pattern.test(host)))
        return 'teams';
    return 'webhook';
}
function parseHeartbeat(text) {
    let url;
    try {
        url = new URL(text.trim());
    }
    catch {
        throw new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .InvalidValue */ .h6('must be an http(s) URL, got something that is not a URL.');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new _shipkit_runtime__WEBPACK_IMPORTED_MODULE_0__/* .InvalidValue */ .h6(`must be an http(s) URL, got a ${url.protocol} URL.`);
    }
    return { url: url.toString(), label: `heartbeat (${url.host})` };
}


/***/ })

};
