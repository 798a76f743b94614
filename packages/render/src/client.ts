import { errorMessage, ref, say } from '@shipkit/runtime';
import { z } from 'zod';
import {
  DEFAULT_RETRY,
  type HttpDeps,
  type HttpResponse,
  MaybeReceivedError,
  RenderApiError,
  type RetryPolicy,
  realHttpDeps,
  renderMessage,
  sendWithRetry,
} from './http';
import type { CreateDeployOptions, Deploy, DeployFilters, DeployPage, Service } from './types';

export const RENDER_API_URL = 'https://api.render.com/v1';

export interface RenderClientOptions {
  apiKey: string;
  /** Defaults to Render's public API; tests point it at a loopback fake. */
  baseUrl?: string;
  retry?: Partial<RetryPolicy>;
}

/** The operations the deploy flow needs; `RenderClient` implements them over HTTP. */
export interface RenderApi {
  getService(serviceId: string): Promise<Service>;
  /** `undefined` when Render queued the deploy behind a running one (202, no body). */
  createDeploy(serviceId: string, options?: CreateDeployOptions): Promise<Deploy | undefined>;
  getDeploy(serviceId: string, deployId: string): Promise<Deploy>;
  listDeploys(
    serviceId: string,
    filters?: DeployFilters,
    page?: { limit?: number; cursor?: string },
  ): Promise<DeployPage>;
  cancelDeploy(serviceId: string, deployId: string): Promise<Deploy>;
  rollback(serviceId: string, deployId: string): Promise<Deploy>;
}

const deploySchema = z.looseObject({
  id: z.string().min(1),
  status: z.string().optional(),
  trigger: z.string().optional(),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
  startedAt: z.string().optional(),
  finishedAt: z.string().optional(),
  commit: z.looseObject({ id: z.string().optional(), message: z.string().optional() }).optional(),
  image: z.looseObject({ ref: z.string().optional(), sha: z.string().optional() }).optional(),
});
const deployListSchema = z.array(z.looseObject({ cursor: z.string().optional(), deploy: deploySchema }));
const serviceSchema = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  type: z.string().optional(),
  dashboardUrl: z.string().optional(),
  serviceDetails: z.looseObject({ url: z.string().optional() }).optional(),
  /** `yes` / `no`: the older field, still sent. */
  autoDeploy: z.string().optional(),
  /** `off`, `commit` or `checksPass`: what `autoDeploy` became. */
  autoDeployTrigger: z.string().optional(),
});

/** Typed client for Render's deploy endpoints: bearer auth, retries, and errors that say what to fix. */
export class RenderClient implements RenderApi {
  private readonly baseUrl: string;
  private readonly policy: RetryPolicy;
  private readonly deps: HttpDeps;

  constructor(
    private readonly options: RenderClientOptions,
    deps: Partial<HttpDeps> = {},
  ) {
    this.baseUrl = (options.baseUrl ?? RENDER_API_URL).replace(/\/+$/, '');
    this.policy = { ...DEFAULT_RETRY, ...options.retry };
    this.deps = { ...realHttpDeps(), ...deps };
  }

  async getService(serviceId: string): Promise<Service> {
    const body = await this.call('GET', servicePath(serviceId), {
      what: `read service ${serviceId}`,
      serviceId,
    });
    const service = parse(serviceSchema, body, 'service');
    const autoDeploy =
      service.autoDeployTrigger ??
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

  async createDeploy(serviceId: string, options: CreateDeployOptions = {}): Promise<Deploy | undefined> {
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
        const body = await this.call(
          'POST',
          `${servicePath(serviceId)}/deploys`,
          { what, serviceId, body: payload },
          policy,
        );
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

  async getDeploy(serviceId: string, deployId: string): Promise<Deploy> {
    const body = await this.call('GET', deployPath(serviceId, deployId), {
      what: `read deploy ${deployId} of service ${serviceId}`,
      serviceId,
      deployId,
    });
    return toDeploy(parse(deploySchema, body, 'deploy'));
  }

  async listDeploys(
    serviceId: string,
    filters: DeployFilters = {},
    page: { limit?: number; cursor?: string } = {},
  ): Promise<DeployPage> {
    const query = new URLSearchParams();
    for (const status of filters.statuses ?? []) query.append('status', status);
    for (const key of TIME_FILTERS) {
      const value = filters[key];
      if (value !== undefined) query.set(key, new Date(value).toISOString());
    }
    const limit = page.limit ?? 20;
    query.set('limit', String(limit));
    if (page.cursor) query.set('cursor', page.cursor);
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

  async cancelDeploy(serviceId: string, deployId: string): Promise<Deploy> {
    const body = await this.call('POST', `${deployPath(serviceId, deployId)}/cancel`, {
      what: `cancel deploy ${deployId} of service ${serviceId}`,
      serviceId,
      deployId,
      // Cancelling twice starts nothing: a repeat at worst hears that the deploy is already canceled.
      idempotent: true,
    });
    return toDeploy(parse(deploySchema, body, 'deploy'));
  }

  async rollback(serviceId: string, deployId: string): Promise<Deploy> {
    const what = `roll service ${serviceId} back to deploy ${deployId}`;
    return startDeployOnce({
      what,
      policy: this.policy,
      deps: this.deps,
      send: async (policy) => {
        const body = await this.call(
          'POST',
          `${servicePath(serviceId)}/rollback`,
          { what, serviceId, deployId, body: { deployId } },
          policy,
        );
        return toDeploy(parse(deploySchema, body, 'deploy'));
      },
      adopt: (deploy) => deploy,
      reconcile: { api: this, serviceId, match: { trigger: 'rollback' } },
    });
  }

  private async call(
    method: 'GET' | 'POST',
    path: string,
    context: { what: string; serviceId: string; deployId?: string; body?: unknown; idempotent?: boolean },
    policy: RetryPolicy = this.policy,
  ): Promise<unknown> {
    const response = await sendWithRetry(
      {
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
      },
      this.deps,
      policy,
    );
    if (response.status >= 200 && response.status < 300) {
      if (!response.text.trim()) return undefined;
      try {
        return JSON.parse(response.text);
      } catch {
        throw new RenderApiError(`Render sent a response that is not JSON when asked to ${context.what}.`);
      }
    }
    throw this.failure(response, context);
  }

  private failure(response: HttpResponse, context: { what: string; serviceId: string; deployId?: string }) {
    const { status } = response;
    const { message, code } = renderMessage(response.text);
    const said = message ? `: ${message}` : '';
    const text = (() => {
      switch (status) {
        case 401:
          return say`Render rejected the API key (HTTP 401) when trying to ${context.what}. Check ${ref('api-key')}: it must be a current Render API key (they start with 'rnd_', from Account Settings → API Keys).`;
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
export async function* allDeploys(
  api: Pick<RenderApi, 'listDeploys'>,
  serviceId: string,
  filters: DeployFilters = {},
  pageSize = 100,
): AsyncGenerator<Deploy> {
  let cursor: string | undefined;
  do {
    const page = await api.listDeploys(serviceId, filters, {
      limit: pageSize,
      ...(cursor ? { cursor } : {}),
    });
    yield* page.deploys;
    cursor = page.nextCursor;
  } while (cursor);
}

/** How to recognise, among the deploys created since a request was sent, the one it started. */
export interface DeployMatch {
  /** The deploy's `trigger`: `api`, `rollback`, `deploy_hook`. */
  trigger: string;
  commitId?: string;
  imageUrl?: string;
}

/** Where to look for a deploy that a request may have started. */
export interface Reconciliation {
  api: Pick<RenderApi, 'listDeploys'>;
  serviceId: string;
  match: DeployMatch;
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
export async function startDeployOnce<T>(request: {
  what: string;
  /** One send, with the attempts still available. */
  send: (policy: RetryPolicy) => Promise<T>;
  adopt: (deploy: Deploy) => T;
  reconcile?: Reconciliation;
  /** Appended to the failure when there is no way to reconcile. */
  unreconcilableHint?: string;
  policy: RetryPolicy;
  deps: HttpDeps;
}): Promise<T> {
  const { policy, deps, reconcile } = request;
  let used = 0;
  for (;;) {
    const sentAt = deps.now();
    try {
      return await request.send({ ...policy, attempts: policy.attempts - used });
    } catch (thrown) {
      if (!(thrown instanceof MaybeReceivedError)) throw thrown;
      used += thrown.attempts;
      if (!reconcile) {
        throw new RenderApiError(
          `${thrown.message} Render may have started a deploy, so the request is not sent again (that could deploy twice): check the service's Events page${request.unreconcilableHint ?? ''}.`,
          thrown.status,
        );
      }
      let found: Deploy | undefined;
      try {
        found = await findStartedDeploy(reconcile, sentAt, deps);
      } catch (listing) {
        throw new RenderApiError(
          `${thrown.message} Could not check whether it started a deploy (${errorMessage(listing)}), so it is not sent again: check the service's Events page.`,
          thrown.status,
        );
      }
      if (found) {
        deps.logger.info(`${thrown.message} It started deploy ${found.id}: following that one.`);
        return request.adopt(found);
      }
      if (used >= policy.attempts) {
        throw new RenderApiError(
          `${thrown.message} No deploy appeared after ${used} attempts; giving up.`,
          thrown.status,
        );
      }
      deps.logger.info(
        `${thrown.message} No deploy appeared since, so it did not act on it: sending it again.`,
      );
    }
  }
}

async function findStartedDeploy(
  reconcile: Reconciliation,
  sentAt: number,
  deps: Pick<HttpDeps, 'sleep'>,
): Promise<Deploy | undefined> {
  const { api, serviceId, match } = reconcile;
  for (let look = 1; ; look++) {
    // Newest first: the newest matching deploy is the one this request started.
    for await (const deploy of allDeploys(api, serviceId, { createdAfter: sentAt - CLOCK_SKEW_MS })) {
      if (startedBy(deploy, match)) return deploy;
    }
    if (look >= RECONCILE_LOOKS) return undefined;
    await deps.sleep(RECONCILE_INTERVAL_MS);
  }
}

function startedBy(deploy: Deploy, match: DeployMatch): boolean {
  if (deploy.trigger !== match.trigger) return false;
  if (match.commitId && deploy.commit?.id && deploy.commit.id !== match.commitId) return false;
  if (match.imageUrl && deploy.image?.ref && deploy.image.ref !== match.imageUrl) return false;
  return true;
}

const TIME_FILTERS = [
  'createdBefore',
  'createdAfter',
  'updatedBefore',
  'updatedAfter',
  'finishedBefore',
  'finishedAfter',
] as const;

const servicePath = (serviceId: string) => `/services/${encodeURIComponent(serviceId)}`;
const deployPath = (serviceId: string, deployId: string) =>
  `${servicePath(serviceId)}/deploys/${encodeURIComponent(deployId)}`;

function parse<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const result = schema.safeParse(body);
  if (!result.success) {
    throw new RenderApiError(
      `Render sent an unexpected ${what}: ${result.error.issues[0]?.message ?? 'bad shape'}.`,
    );
  }
  return result.data;
}

/** Drops the fields Render left out, so optional properties stay omitted rather than `undefined`. */
function toDeploy(raw: z.infer<typeof deploySchema>): Deploy {
  const deploy: Deploy = { id: raw.id };
  for (const key of ['status', 'trigger', 'createdAt', 'updatedAt', 'startedAt', 'finishedAt'] as const) {
    const value = raw[key];
    if (value !== undefined) deploy[key] = value;
  }
  if (raw.commit) deploy.commit = defined({ id: raw.commit.id, message: raw.commit.message });
  if (raw.image) deploy.image = defined({ ref: raw.image.ref, sha: raw.image.sha });
  return deploy;
}

function defined<T extends Record<string, unknown>>(
  record: T,
): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}
