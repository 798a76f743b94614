/**
 * A local stand-in for Render's deploy API (https://api.render.com/v1) and its deploy hooks, following
 * the contract in the reference notes: bearer auth, 201 or 202-without-body on create, `{cursor, deploy}`
 * lists with cursor paging and filters, cancel and rollback, `{id?, message?}` error bodies and 429 with
 * `Retry-After`. Each deploy walks a scripted list of statuses, one step per GET of that deploy.
 * It also plays the deployed app's health endpoint (`/apps/{serviceId}/health`) for health-check tests,
 * and the failures that come after Render accepted a request (a proxy's 502, a dropped connection).
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody } from './http';

export type FakeStatus =
  | 'created'
  | 'queued'
  | 'build_in_progress'
  | 'update_in_progress'
  | 'pre_deploy_in_progress'
  | 'live'
  | 'deactivated'
  | 'build_failed'
  | 'update_failed'
  | 'pre_deploy_failed'
  | 'canceled';

const FINISHED: FakeStatus[] = [
  'live',
  'deactivated',
  'build_failed',
  'update_failed',
  'pre_deploy_failed',
  'canceled',
];
const CANCELLABLE: FakeStatus[] = [
  'created',
  'build_in_progress',
  'update_in_progress',
  'pre_deploy_in_progress',
];
const STARTED: FakeStatus[] = ['build_in_progress', 'update_in_progress', 'pre_deploy_in_progress'];

export interface FakeDeploy {
  id: string;
  serviceId: string;
  status: FakeStatus;
  /** Statuses still to come, one per GET of the deploy. */
  upcoming: FakeStatus[];
  trigger: string;
  createdAt: string;
  updatedAt: string;
  startedAt?: string;
  finishedAt?: string;
  commit?: { id: string; message: string; createdAt: string };
  image?: { ref: string; sha: string };
  /** Order of creation, to list newest first even within one millisecond. */
  sequence: number;
}

export interface FakeService {
  id: string;
  name: string;
  url: string;
  /** Render's default is `commit` (every push deploys); the fake's is `off`, the setting the suite asks for. */
  autoDeployTrigger: 'off' | 'commit' | 'checksPass';
  hookKey: string;
  /** What the hook answers: the observed `{"deploy": {"id"}}` or an empty body. */
  hookAnswer: 'deploy' | 'empty';
  deploys: FakeDeploy[];
  /** Scripts for the next deploys created by the API or the hook; then `defaultScript`. */
  scripts: DeployScript[];
  rollbackScripts: FakeStatus[][];
  /** HTTP statuses the app's health endpoint answers, in turn; the last one sticks. */
  health: number[];
}

export interface DeployScript {
  /** The first is the status at creation; each GET of the deploy moves one step; the last one sticks. */
  statuses: FakeStatus[];
  /** Answer the create with 202 and no body, as Render does when queuing behind a running deploy. */
  accepted?: boolean;
}

export interface RecordedRequest {
  method: string;
  /** Path without the query. */
  path: string;
  query: URLSearchParams;
  authorization?: string;
  body?: unknown;
  /** What the client got: 0 when the connection was dropped without an answer. */
  status: number;
  /** The fake acted on the request (created a deploy…) before answering with `status`. */
  accepted?: boolean;
  at: number;
}

interface CannedResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

interface Interception {
  method?: string;
  path: RegExp;
  responses: CannedResponse[];
}

/** After acting on a request: answer this instead, or drop the connection without an answer. */
export type LostAnswer = CannedResponse | 'drop';

interface AfterAccepting {
  method?: string;
  path: RegExp;
  answers: LostAnswer[];
}

const DEFAULT_SCRIPT: FakeStatus[] = ['created', 'build_in_progress', 'update_in_progress', 'live'];
const DEFAULT_ROLLBACK: FakeStatus[] = ['created', 'update_in_progress', 'live'];
const SEED_SPACING_MS = 60_000;

export class FakeRenderApi {
  readonly apiKey = `rnd_${randomBytes(12).toString('hex')}`;
  readonly requests: RecordedRequest[] = [];
  private readonly services = new Map<string, FakeService>();
  private readonly interceptions: Interception[] = [];
  private readonly afterAccepting: AfterAccepting[] = [];
  private sequence = 0;
  private deployCounter = 0;

  private constructor(private readonly server: Server) {}

  static async start(): Promise<FakeRenderApi> {
    let fake: FakeRenderApi | undefined;
    const server = createServer((request, response) => {
      fake?.handle(request, response).catch((error: unknown) => {
        response.writeHead(500, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ message: `fake server error: ${String(error)}` }));
      });
    });
    fake = new FakeRenderApi(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get origin(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  /** What `api-base-url` points at. */
  get baseUrl(): string {
    return `${this.origin}/v1`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  addService(
    id: string,
    options: {
      name?: string;
      hookAnswer?: 'deploy' | 'empty';
      autoDeployTrigger?: FakeService['autoDeployTrigger'];
    } = {},
  ): FakeService {
    const service: FakeService = {
      id,
      name: options.name ?? 'shop-web',
      url: `https://${options.name ?? 'shop-web'}.onrender.com`,
      autoDeployTrigger: options.autoDeployTrigger ?? 'off',
      hookKey: randomBytes(10).toString('hex'),
      hookAnswer: options.hookAnswer ?? 'deploy',
      deploys: [],
      scripts: [],
      rollbackScripts: [],
      health: [200],
    };
    this.services.set(id, service);
    return service;
  }

  /** The service's secret deploy hook URL. */
  hookUrl(serviceId: string): string {
    return `${this.origin}/deploy/${serviceId}?key=${this.service(serviceId).hookKey}`;
  }

  /** Past deploys, oldest first, spaced a minute apart and ending a minute ago. */
  seed(serviceId: string, history: { status: FakeStatus; commit?: string }[]): FakeDeploy[] {
    const service = this.service(serviceId);
    const now = Date.now();
    return history.map((entry, index) => {
      const at = new Date(now - (history.length - index) * SEED_SPACING_MS).toISOString();
      const deploy = this.newDeploy(service, [entry.status], 'new_commit', at, entry.commit);
      if (FINISHED.includes(entry.status)) deploy.finishedAt = at;
      return deploy;
    });
  }

  /** How the next deploy (API or hook) goes. */
  script(serviceId: string, script: DeployScript): void {
    this.service(serviceId).scripts.push(script);
  }

  /** How the next rollback deploy goes. */
  scriptRollback(serviceId: string, statuses: FakeStatus[]): void {
    this.service(serviceId).rollbackScripts.push(statuses);
  }

  /** The URL of the service's (pretend) app health endpoint. */
  healthUrl(serviceId: string): string {
    return `${this.origin}/apps/${serviceId}/health`;
  }

  /** What the health endpoint answers, in turn; the last status sticks. */
  setHealth(serviceId: string, statuses: number[]): void {
    this.service(serviceId).health = [...statuses];
  }

  /** Answer the next matching requests with these responses instead (errors, 429s…), in order. */
  intercept(match: { method?: string; path: RegExp }, ...responses: CannedResponse[]): void {
    this.interceptions.push({ ...match, responses });
  }

  /**
   * Act on the next matching requests as usual (create the deploy, start the rollback, fire the hook),
   * then answer them with these instead, as a proxy does when Render's answer is lost: a 502, or a
   * connection dropped without an answer ('drop').
   */
  failAfterAccepting(match: { method?: string; path: RegExp }, ...answers: LostAnswer[]): void {
    this.afterAccepting.push({ ...match, answers });
  }

  rateLimit(match: { method?: string; path: RegExp }, times: number, retryAfterSeconds: number): void {
    const response: CannedResponse = {
      status: 429,
      body: { message: 'rate limit exceeded' },
      headers: {
        'retry-after': String(retryAfterSeconds),
        'ratelimit-limit': '10',
        'ratelimit-remaining': '0',
        'ratelimit-reset': String(retryAfterSeconds),
      },
    };
    this.intercept(match, ...Array.from({ length: times }, () => response));
  }

  deploys(serviceId: string): FakeDeploy[] {
    return this.service(serviceId).deploys;
  }

  deploy(serviceId: string, deployId: string): FakeDeploy | undefined {
    return this.service(serviceId).deploys.find((d) => d.id === deployId);
  }

  /** Requests whose path matches, for assertions. */
  requestsTo(method: string, path: RegExp): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && path.test(r.path));
  }

  private service(id: string): FakeService {
    const service = this.services.get(id);
    if (!service) throw new Error(`fake: no service ${id}`);
    return service;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.origin);
    const method = request.method ?? 'GET';
    const text = await readBody(request);
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text;
    }
    const handled = this.answer(method, url, request.headers.authorization, body);
    const lost = this.afterAccepting.find(
      (a) => a.answers.length > 0 && (!a.method || a.method === method) && a.path.test(url.pathname),
    );
    const replacement = handled.status < 300 ? lost?.answers.shift() : undefined;
    const answer = replacement === 'drop' ? { status: 0 } : (replacement ?? handled);
    this.requests.push({
      method,
      path: url.pathname,
      query: url.searchParams,
      ...(request.headers.authorization ? { authorization: request.headers.authorization } : {}),
      ...(body === undefined ? {} : { body }),
      status: answer.status,
      ...(replacement ? { accepted: true } : {}),
      at: Date.now(),
    });
    if (replacement === 'drop') {
      request.socket.destroy();
      return;
    }
    const hasBody = answer.body !== undefined;
    response.writeHead(answer.status, {
      ...(hasBody ? { 'content-type': 'application/json' } : {}),
      ...answer.headers,
    });
    response.end(hasBody ? JSON.stringify(answer.body) : undefined);
  }

  private answer(method: string, url: URL, authorization: string | undefined, body: unknown): CannedResponse {
    const path = url.pathname;
    const interception = this.interceptions.find(
      (i) => i.responses.length > 0 && (!i.method || i.method === method) && i.path.test(path),
    );
    if (interception) return interception.responses.shift() as CannedResponse;

    const hook = /^\/deploy\/([^/]+)$/.exec(path);
    if (hook && (method === 'GET' || method === 'POST'))
      return this.hook(hook[1] as string, url.searchParams);

    const app = /^\/apps\/([^/]+)\/health$/.exec(path);
    if (app && method === 'GET') {
      const service = this.services.get(app[1] as string);
      if (!service) return error(404, 'not found');
      const status =
        service.health.length > 1 ? (service.health.shift() as number) : (service.health[0] ?? 200);
      return { status, body: { ok: status === 200 } };
    }

    if (!path.startsWith('/v1/')) return error(404, 'not found');
    if (authorization !== `Bearer ${this.apiKey}`) return error(401, 'unauthorized');

    const route = /^\/v1\/services\/([^/]+)(\/deploys(?:\/([^/]+)(\/cancel)?)?|\/rollback)?$/.exec(path);
    if (!route) return error(404, 'not found');
    const [, serviceId = '', sub, deployId, cancel] = route;
    const service = this.services.get(decodeURIComponent(serviceId));
    if (!service) return error(404, 'service not found');

    if (!sub && method === 'GET') return ok(200, this.serviceJson(service));
    if (sub === '/deploys' && method === 'POST') return this.create(service, body);
    if (sub === '/deploys' && method === 'GET') return this.list(service, url.searchParams);
    if (sub === '/rollback' && method === 'POST') return this.rollback(service, body);
    if (deployId) {
      const deploy = service.deploys.find((d) => d.id === decodeURIComponent(deployId));
      if (!deploy) return error(404, 'deploy not found');
      if (cancel && method === 'POST') return this.cancel(deploy);
      if (!cancel && method === 'GET') {
        this.advance(service, deploy);
        return ok(200, deployJson(deploy));
      }
    }
    return error(405, 'method not allowed');
  }

  private create(service: FakeService, body: unknown): CannedResponse {
    const options = (body ?? {}) as Record<string, unknown>;
    if (typeof options !== 'object' || Array.isArray(options)) return error(400, 'invalid JSON body');
    const { clearCache, commitId, imageUrl, deployMode } = options;
    if (clearCache !== undefined && clearCache !== 'clear' && clearCache !== 'do_not_clear') {
      return error(400, 'clearCache must be one of clear, do_not_clear');
    }
    if (deployMode !== undefined && deployMode !== 'build_and_deploy' && deployMode !== 'deploy_only') {
      return error(400, 'deployMode must be one of build_and_deploy, deploy_only');
    }
    if (deployMode === 'deploy_only' && (commitId || imageUrl || clearCache)) {
      return error(400, 'deploy_only cannot be combined with commitId, imageUrl or clearCache');
    }
    const script = service.scripts.shift() ?? { statuses: DEFAULT_SCRIPT };
    const deploy = this.newDeploy(
      service,
      script.statuses,
      'api',
      new Date().toISOString(),
      typeof commitId === 'string' ? commitId : undefined,
      typeof imageUrl === 'string' ? imageUrl : undefined,
    );
    return script.accepted ? { status: 202 } : ok(201, deployJson(deploy));
  }

  private list(service: FakeService, query: URLSearchParams): CannedResponse {
    const limit = Number(query.get('limit') ?? '20');
    if (!Number.isInteger(limit) || limit < 1 || limit > 100)
      return error(400, 'limit must be between 1 and 100');
    const statuses = query.getAll('status');
    const bounds: [string, keyof FakeDeploy, 'before' | 'after'][] = [
      ['createdBefore', 'createdAt', 'before'],
      ['createdAfter', 'createdAt', 'after'],
      ['updatedBefore', 'updatedAt', 'before'],
      ['updatedAfter', 'updatedAt', 'after'],
      ['finishedBefore', 'finishedAt', 'before'],
      ['finishedAfter', 'finishedAt', 'after'],
    ];
    const filters: { field: keyof FakeDeploy; side: 'before' | 'after'; at: number }[] = [];
    for (const [param, field, side] of bounds) {
      const value = query.get(param);
      if (value === null) continue;
      const at = Date.parse(value);
      if (Number.isNaN(at)) return error(400, `${param} must be an ISO 8601 timestamp`);
      filters.push({ field, side, at });
    }
    let matching = [...service.deploys]
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.sequence - a.sequence)
      .filter((d) => statuses.length === 0 || statuses.includes(d.status))
      .filter((d) =>
        filters.every(({ field, side, at }) => {
          const value = d[field];
          if (typeof value !== 'string') return false;
          return side === 'before' ? Date.parse(value) < at : Date.parse(value) > at;
        }),
      );
    const cursor = query.get('cursor');
    if (cursor) {
      const index = matching.findIndex((d) => cursorOf(d) === cursor);
      if (index < 0) return error(400, 'invalid cursor');
      matching = matching.slice(index + 1);
    }
    return ok(
      200,
      matching.slice(0, limit).map((d) => ({ cursor: cursorOf(d), deploy: deployJson(d) })),
    );
  }

  private cancel(deploy: FakeDeploy): CannedResponse {
    if (!CANCELLABLE.includes(deploy.status)) {
      return error(400, `deploy ${deploy.id} cannot be canceled while ${deploy.status}`);
    }
    this.setStatus(this.service(deploy.serviceId), deploy, 'canceled');
    deploy.upcoming = [];
    return ok(200, deployJson(deploy));
  }

  private rollback(service: FakeService, body: unknown): CannedResponse {
    const deployId = (body as { deployId?: unknown } | undefined)?.deployId;
    if (typeof deployId !== 'string' || !deployId) return error(400, 'deployId is required');
    const target = service.deploys.find((d) => d.id === deployId);
    if (!target) return error(404, 'deploy not found');
    const statuses = service.rollbackScripts.shift() ?? DEFAULT_ROLLBACK;
    const deploy = this.newDeploy(service, statuses, 'rollback', new Date().toISOString(), target.commit?.id);
    return ok(201, deployJson(deploy));
  }

  private hook(serviceId: string, query: URLSearchParams): CannedResponse {
    const service = this.services.get(serviceId);
    if (!service || query.get('key') !== service.hookKey) return error(404, 'Not Found');
    const script = service.scripts.shift() ?? { statuses: DEFAULT_SCRIPT };
    const image = query.get('imgURL') ?? undefined;
    const deploy = this.newDeploy(
      service,
      script.statuses,
      'deploy_hook',
      new Date().toISOString(),
      undefined,
      image,
    );
    return service.hookAnswer === 'deploy' ? ok(200, { deploy: { id: deploy.id } }) : { status: 200 };
  }

  private newDeploy(
    service: FakeService,
    statuses: FakeStatus[],
    trigger: string,
    createdAt: string,
    commitId?: string,
    imageRef?: string,
  ): FakeDeploy {
    const [first = 'created', ...upcoming] = statuses;
    this.deployCounter += 1;
    const deploy: FakeDeploy = {
      id: `dep-${String(this.deployCounter).padStart(4, '0')}${randomBytes(8).toString('hex')}`,
      serviceId: service.id,
      status: 'created',
      upcoming,
      trigger,
      createdAt,
      updatedAt: createdAt,
      sequence: this.sequence++,
      commit: {
        id: commitId ?? randomBytes(20).toString('hex'),
        message: 'Ship it',
        createdAt,
      },
      ...(imageRef ? { image: { ref: imageRef, sha: `sha256:${randomBytes(32).toString('hex')}` } } : {}),
    };
    service.deploys.push(deploy);
    this.setStatus(service, deploy, first, createdAt);
    return deploy;
  }

  private advance(service: FakeService, deploy: FakeDeploy): void {
    const next = deploy.upcoming.shift();
    if (next) this.setStatus(service, deploy, next);
  }

  private setStatus(
    service: FakeService,
    deploy: FakeDeploy,
    status: FakeStatus,
    at = new Date().toISOString(),
  ): void {
    deploy.status = status;
    deploy.updatedAt = at;
    if (STARTED.includes(status)) deploy.startedAt ??= at;
    if (FINISHED.includes(status)) deploy.finishedAt = at;
    // One deploy serves a service at a time: going live deactivates the one before.
    if (status === 'live') {
      for (const other of service.deploys) {
        if (other !== deploy && other.status === 'live') {
          other.status = 'deactivated';
          other.updatedAt = at;
        }
      }
    }
  }

  private serviceJson(service: FakeService): unknown {
    return {
      id: service.id,
      name: service.name,
      type: 'web_service',
      slug: service.name,
      dashboardUrl: `https://dashboard.render.com/web/${service.id}`,
      serviceDetails: { url: service.url },
      autoDeploy: service.autoDeployTrigger === 'off' ? 'no' : 'yes',
      autoDeployTrigger: service.autoDeployTrigger,
    };
  }
}

function deployJson(deploy: FakeDeploy): unknown {
  const { serviceId: _serviceId, upcoming: _upcoming, sequence: _sequence, ...shown } = deploy;
  return shown;
}

function cursorOf(deploy: FakeDeploy): string {
  return Buffer.from(`c:${deploy.id}`).toString('base64url');
}

function ok(status: number, body: unknown): CannedResponse {
  return { status, body };
}

function error(status: number, message: string): CannedResponse {
  return { status, body: { id: randomBytes(4).toString('hex'), message } };
}
