/**
 * A local stand-in for the Atlas Administration API v2 (Cloud Backup, clusters, database users) and its
 * OAuth token endpoint, written from the contract in the reference notes: service-account tokens
 * (client credentials, Basic auth, `expires_in`) and HTTP Digest for API keys; `Accept:
 * application/vnd.atlas.<date>+json` checked per endpoint (406 otherwise); `{error, errorCode, detail,
 * reason, parameters}` error bodies; paged lists (`pageNum`, `itemsPerPage` ≤ 500, `includeCount` →
 * `{results, totalCount, links}`); tiers (M0 has no Cloud Backup, Flex lives under /flexClusters and the
 * cluster API refuses it, M10+ has everything); one on-demand snapshot at a time (409); exports and
 * restore jobs. Snapshots, exports and restore jobs walk a scripted list of states, one step per GET.
 * Scenarios inject what the network does: canned answers, 429 with Retry-After, tokens expiring early,
 * and answers lost after the fake acted (a 5xx from a proxy, a dropped connection).
 *
 * Where the contract names no error code (409 for a snapshot in progress, 406, an operation a tier does
 * not have), the fake uses a descriptive one; the client depends on the status, never on those codes.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody } from './http';

export type FakeTier = 'M0' | 'FLEX' | 'M10' | 'M30';
export type FakeSnapshotStatus = 'queued' | 'inProgress' | 'completed' | 'failed';
export type FakeExportState = 'Queued' | 'InProgress' | 'Successful' | 'Failed' | 'Cancelled';
export type FakeRestoreState = 'inProgress' | 'completed' | 'failed' | 'cancelled';

export interface FakeSnapshot {
  id: string;
  status: FakeSnapshotStatus;
  upcoming: FakeSnapshotStatus[];
  snapshotType: 'onDemand' | 'scheduled';
  description?: string;
  createdAt: string;
  expiresAt: string;
  retentionInDays?: number;
}

export interface FakeExport {
  id: string;
  state: FakeExportState;
  upcoming: FakeExportState[];
  snapshotId: string;
  exportBucketId: string;
  customData: { key: string; value: string }[];
  createdAt: string;
  finishedAt?: string;
  prefix: string;
  totalCollections: number;
  exportedCollections: number;
}

export interface FakeRestoreJob {
  id: string;
  state: FakeRestoreState;
  upcoming: FakeRestoreState[];
  deliveryType: string;
  snapshotId?: string;
  pointInTimeUTCSeconds?: number;
  targetClusterName: string;
  targetGroupId: string;
  finishedAt?: string;
}

export interface FakeCluster {
  projectId: string;
  name: string;
  tier: FakeTier;
  backupEnabled: boolean;
  pitEnabled: boolean;
  /** What `connectionStrings.standardSrv` (or `standard`) says. */
  connectionString: string;
  snapshots: FakeSnapshot[];
  exports: FakeExport[];
  restoreJobs: FakeRestoreJob[];
  /** Scripts for the next snapshots, exports and restore jobs created; then the defaults. */
  snapshotScripts: FakeSnapshotStatus[][];
  exportScripts: FakeExportState[][];
  restoreScripts: FakeRestoreState[][];
  schedule: Record<string, unknown>;
  /** Set when an automated or point-in-time restore completed into this cluster: its data was replaced. */
  restoredFrom?: string;
}

export interface FakeDatabaseUser {
  username: string;
  password: string;
  roles: { roleName: string; databaseName: string; collectionName?: string }[];
  scopes: { name: string; type: string }[];
}

export interface RecordedRequest {
  method: string;
  /** Path without the query. */
  path: string;
  query: URLSearchParams;
  accept?: string;
  contentType?: string;
  /** How the request authenticated: a bearer token, Digest, Basic (token endpoint), or not at all. */
  auth: 'bearer' | 'digest' | 'basic' | 'none';
  body?: unknown;
  /** What the client got: 0 when the connection was dropped without an answer. */
  status: number;
  /** The fake acted on the request before answering with `status`. */
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

interface Effect {
  method?: string;
  path: RegExp;
  run: () => void;
}

/** Version dates each family of endpoints serves (a request for another date is answered 406). */
const VERSIONS = {
  cluster: ['2023-01-01', '2023-02-01', '2024-08-05'],
  clusterStatus: ['2023-01-01'],
  flex: ['2024-11-13'],
  snapshots: ['2023-01-01'],
  exports: ['2023-01-01'],
  exportBuckets: ['2023-01-01', '2024-05-30'],
  restoreJobs: ['2023-01-01'],
  schedule: ['2023-01-01', '2024-08-05'],
  compliancePolicy: ['2023-01-01', '2023-10-01'],
  databaseUsers: ['2023-01-01'],
};

const DEFAULT_SNAPSHOT: FakeSnapshotStatus[] = ['queued', 'inProgress', 'completed'];
const DEFAULT_EXPORT: FakeExportState[] = ['Queued', 'InProgress', 'Successful'];
const DEFAULT_RESTORE: FakeRestoreState[] = ['inProgress', 'inProgress', 'completed'];
const REALM = 'MMS Public API';
const MAX_PAGE = 500;

/** Atlas's default policy for a new M10+ cluster. */
function defaultSchedule(cluster: { name: string }): Record<string, unknown> {
  return {
    clusterId: hex24(),
    clusterName: cluster.name,
    autoExportEnabled: false,
    referenceHourOfDay: 3,
    referenceMinuteOfHour: 17,
    restoreWindowDays: 7,
    useOrgAndGroupNamesInExportPrefix: false,
    copySettings: [],
    nextSnapshot: new Date(Date.now() + 3_600_000).toISOString(),
    policies: [
      {
        id: hex24(),
        policyItems: [
          item('hourly', 6, 'days', 2),
          item('daily', 1, 'days', 7),
          item('weekly', 6, 'weeks', 4),
          item('monthly', 40, 'months', 12),
        ],
      },
    ],
  };
}

function item(
  frequencyType: string,
  frequencyInterval: number,
  retentionUnit: string,
  retentionValue: number,
) {
  return { id: hex24(), frequencyType, frequencyInterval, retentionUnit, retentionValue };
}

function hex24(): string {
  return randomBytes(12).toString('hex');
}

export class FakeAtlasApi {
  readonly serviceAccount = {
    clientId: `mdb_sa_id_${randomBytes(12).toString('hex')}`,
    clientSecret: `mdb_sa_sk_${randomBytes(20).toString('hex')}`,
  };
  readonly apiKey = {
    publicKey: randomBytes(4).toString('hex'),
    privateKey: randomBytes(16).toString('hex'),
  };
  readonly requests: RecordedRequest[] = [];
  /** Every access token handed out, for "never printed" assertions. */
  readonly issuedTokens: string[] = [];
  /** `expires_in` of new tokens. */
  tokenLifetimeSeconds = 3600;
  /** Called when a database user is created or changed, as Atlas's automation applies it to the cluster. */
  onUserChange?: (change: { projectId: string; user: FakeDatabaseUser; created: boolean }) => Promise<void>;
  /** How many GETs of a cluster's status say PENDING after a user change. */
  pendingStatusReads = 1;

  private readonly clusters = new Map<string, FakeCluster>();
  private readonly buckets = new Map<string, { projectId: string; bucketName: string; iamRoleId: string }>();
  private readonly users = new Map<string, Map<string, FakeDatabaseUser>>();
  private readonly compliance = new Map<string, Record<string, unknown>>();
  private readonly pending = new Map<string, number>();
  private readonly tokens = new Map<string, { expiresAt: number; revoked: boolean }>();
  private readonly nonces = new Set<string>();
  private readonly interceptions: Interception[] = [];
  private readonly afterAccepting: AfterAccepting[] = [];
  private readonly effects: Effect[] = [];

  private constructor(private readonly server: Server) {}

  static async start(): Promise<FakeAtlasApi> {
    let fake: FakeAtlasApi | undefined;
    const server = createServer((request, response) => {
      fake?.handle(request, response).catch((error: unknown) => {
        if (response.headersSent) return;
        response.writeHead(500, { 'content-type': 'application/json' });
        response.end(
          JSON.stringify({ error: 500, errorCode: 'UNEXPECTED_ERROR', detail: `fake: ${String(error)}` }),
        );
      });
    });
    fake = new FakeAtlasApi(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  /** What `ATLAS_BASE_URL` points at. */
  get baseUrl(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** A new project id (24 hexadecimal digits). */
  newProject(): string {
    const id = hex24();
    this.users.set(id, new Map());
    return id;
  }

  addCluster(
    projectId: string,
    name: string,
    options: {
      tier?: FakeTier;
      backupEnabled?: boolean;
      pitEnabled?: boolean;
      connectionString?: string;
    } = {},
  ): FakeCluster {
    const tier = options.tier ?? 'M10';
    const cluster: FakeCluster = {
      projectId,
      name,
      tier,
      backupEnabled: tier === 'M0' ? false : (options.backupEnabled ?? true),
      pitEnabled: tier === 'M0' || tier === 'FLEX' ? false : (options.pitEnabled ?? false),
      connectionString: options.connectionString ?? `mongodb+srv://${name.toLowerCase()}.abcde.mongodb.net`,
      snapshots: [],
      exports: [],
      restoreJobs: [],
      snapshotScripts: [],
      exportScripts: [],
      restoreScripts: [],
      schedule: defaultSchedule({ name }),
    };
    this.clusters.set(`${projectId}/${name}`, cluster);
    return cluster;
  }

  cluster(projectId: string, name: string): FakeCluster {
    const cluster = this.clusters.get(`${projectId}/${name}`);
    if (!cluster) throw new Error(`fake: no cluster ${name} in ${projectId}`);
    return cluster;
  }

  /** A past snapshot, `ageMs` old. */
  seedSnapshot(
    cluster: FakeCluster,
    options: {
      status?: FakeSnapshotStatus;
      type?: 'onDemand' | 'scheduled';
      ageMs?: number;
      description?: string;
    } = {},
  ): FakeSnapshot {
    const createdAt = new Date(Date.now() - (options.ageMs ?? 3_600_000)).toISOString();
    const snapshot: FakeSnapshot = {
      id: hex24(),
      status: options.status ?? 'completed',
      upcoming: [],
      snapshotType: options.type ?? 'scheduled',
      createdAt,
      expiresAt: new Date(Date.parse(createdAt) + 7 * 86_400_000).toISOString(),
      ...(options.description ? { description: options.description } : {}),
    };
    cluster.snapshots.push(snapshot);
    return snapshot;
  }

  addExportBucket(projectId: string, bucketName = 'acme-atlas-exports'): string {
    const id = hex24();
    this.buckets.set(id, { projectId, bucketName, iamRoleId: hex24() });
    return id;
  }

  setCompliancePolicy(projectId: string, policy: Record<string, unknown>): void {
    this.compliance.set(projectId, policy);
  }

  databaseUser(projectId: string, username: string): FakeDatabaseUser | undefined {
    return this.users.get(projectId)?.get(username);
  }

  /** Every token handed out so far stops working: the next request with one gets 401. */
  expireTokens(): void {
    for (const token of this.tokens.values()) token.revoked = true;
  }

  /** Answer the next matching requests with these responses instead, in order. */
  intercept(match: { method?: string; path: RegExp }, ...responses: CannedResponse[]): void {
    this.interceptions.push({ ...match, responses });
  }

  /** Act on the next matching requests as usual, then answer them with these instead (a lost answer). */
  failAfterAccepting(match: { method?: string; path: RegExp }, ...answers: LostAnswer[]): void {
    this.afterAccepting.push({ ...match, answers });
  }

  /** Once the next matching request has been answered, `run` changes the world (e.g. {@link expireTokens}). */
  after(match: { method?: string; path: RegExp }, run: () => void): void {
    this.effects.push({ ...match, run });
  }

  /** The next `times` matching requests are rate limited: 429 `RATE_LIMITED` with `Retry-After`. */
  rateLimit(match: { method?: string; path: RegExp }, times: number, retryAfterSeconds: number): void {
    const response: CannedResponse = {
      status: 429,
      body: errorBody(
        429,
        'RATE_LIMITED',
        'Too many requests to the Cloud Backup endpoints of this project.',
      ),
      headers: {
        'retry-after': String(retryAfterSeconds),
        'ratelimit-limit': '100',
        'ratelimit-remaining': '0',
      },
    };
    this.intercept(match, ...Array.from({ length: times }, () => response));
  }

  /** Requests whose method and path match, for assertions. */
  requestsTo(method: string, path: RegExp): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && path.test(r.path));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.baseUrl);
    const method = request.method ?? 'GET';
    const text = await readBody(request);
    const contentType = request.headers['content-type'];
    let body: unknown;
    try {
      body = text && !contentType?.includes('x-www-form-urlencoded') ? JSON.parse(text) : text || undefined;
    } catch {
      body = text;
    }
    const authorization = request.headers.authorization ?? '';
    const auth = /^Bearer /.test(authorization)
      ? 'bearer'
      : /^Digest /.test(authorization)
        ? 'digest'
        : /^Basic /.test(authorization)
          ? 'basic'
          : 'none';
    const handled = await this.answer(method, url, request.headers.accept, authorization, body);
    const lost = this.afterAccepting.find(
      (a) => a.answers.length > 0 && (!a.method || a.method === method) && a.path.test(url.pathname),
    );
    const replacement = handled.status < 300 ? lost?.answers.shift() : undefined;
    const answer = replacement === 'drop' ? { status: 0 } : (replacement ?? handled);
    this.requests.push({
      method,
      path: url.pathname,
      query: url.searchParams,
      ...(request.headers.accept ? { accept: request.headers.accept } : {}),
      ...(contentType ? { contentType } : {}),
      auth,
      ...(body === undefined ? {} : { body }),
      status: answer.status,
      ...(replacement ? { accepted: true } : {}),
      at: Date.now(),
    });
    const effect = this.effects.findIndex(
      (e) => (!e.method || e.method === method) && e.path.test(url.pathname),
    );
    if (effect >= 0) this.effects.splice(effect, 1)[0]?.run();
    if (replacement === 'drop') {
      request.socket.destroy();
      return;
    }
    const hasBody = answer.body !== undefined;
    response.writeHead(answer.status, {
      ...(hasBody
        ? { 'content-type': typeof answer.body === 'string' ? 'text/plain' : 'application/json' }
        : {}),
      ...answer.headers,
    });
    response.end(
      hasBody ? (typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body)) : undefined,
    );
  }

  private async answer(
    method: string,
    url: URL,
    accept: string | undefined,
    authorization: string,
    body: unknown,
  ): Promise<CannedResponse> {
    const path = url.pathname;
    const interception = this.interceptions.find(
      (i) => i.responses.length > 0 && (!i.method || i.method === method) && i.path.test(path),
    );
    if (interception) return interception.responses.shift() as CannedResponse;

    if (path === '/api/oauth/token' && method === 'POST') return this.issueToken(authorization, body);
    if (!path.startsWith('/api/atlas/v2/'))
      return error(404, 'RESOURCE_NOT_FOUND', `No resource at ${path}.`);
    const denied = this.authenticate(method, authorization);
    if (denied) return denied;

    const route = this.route(method, path.slice('/api/atlas/v2'.length));
    if (!route) return error(404, 'RESOURCE_NOT_FOUND', `No resource at ${path}.`);
    const version = /^application\/vnd\.atlas\.(\d{4}-\d{2}-\d{2})\+json$/.exec(accept ?? '')?.[1];
    if (!version || !route.versions.includes(version)) {
      return error(
        406,
        'INVALID_VERSION_DATE',
        `The Accept header must name one of the versions of this resource: ${route.versions.map((v) => `application/vnd.atlas.${v}+json`).join(', ')}.`,
      );
    }
    return route.run(url.searchParams, body);
  }

  private issueToken(authorization: string, body: unknown): CannedResponse {
    const expected = `Basic ${Buffer.from(`${this.serviceAccount.clientId}:${this.serviceAccount.clientSecret}`).toString('base64')}`;
    if (authorization !== expected) {
      return {
        status: 401,
        body: { error: 'invalid_client', error_description: 'Invalid client credentials.' },
      };
    }
    if (body !== 'grant_type=client_credentials') {
      return {
        status: 400,
        body: { error: 'unsupported_grant_type', error_description: 'Only client_credentials.' },
      };
    }
    const value = `eyJ${randomBytes(24).toString('base64url')}`;
    this.tokens.set(value, { expiresAt: Date.now() + this.tokenLifetimeSeconds * 1000, revoked: false });
    this.issuedTokens.push(value);
    return {
      status: 200,
      body: { access_token: value, expires_in: this.tokenLifetimeSeconds, token_type: 'Bearer' },
    };
  }

  /** Undefined when the request is authenticated; the 401 otherwise (with a Digest challenge). */
  private authenticate(method: string, authorization: string): CannedResponse | undefined {
    if (authorization.startsWith('Bearer ')) {
      const token = this.tokens.get(authorization.slice('Bearer '.length));
      if (token && !token.revoked && token.expiresAt > Date.now()) return undefined;
      return error(401, 'UNAUTHORIZED', 'The access token is invalid or expired.');
    }
    if (authorization.startsWith('Digest ')) {
      const verified = verifyDigest(authorization, method, (user) =>
        user === this.apiKey.publicKey ? this.apiKey.privateKey : undefined,
      );
      if (verified && this.nonces.has(verified.nonce)) return undefined;
      return this.challenge(Boolean(verified));
    }
    return this.challenge(false);
  }

  private challenge(stale: boolean): CannedResponse {
    const nonce = randomBytes(16).toString('base64url');
    this.nonces.add(nonce);
    return {
      ...error(401, 'UNAUTHORIZED', 'You are not authorized for this resource.'),
      headers: {
        'www-authenticate': `Digest realm="${REALM}", domain="", nonce="${nonce}", algorithm=MD5, qop="auth", stale=${stale}`,
      },
    };
  }

  private route(
    method: string,
    path: string,
  ):
    | {
        versions: string[];
        run: (query: URLSearchParams, body: unknown) => Promise<CannedResponse> | CannedResponse;
      }
    | undefined {
    const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
    const [groups, projectId = '', kind, name = '', ...rest] = parts;
    if (groups !== 'groups') return undefined;
    const sub = rest.join('/');
    const m = (want: string) => method === want;

    if (kind === 'clusters' && name) {
      const cluster = this.clusters.get(`${projectId}/${name}`);
      const found =
        (run: (c: FakeCluster) => CannedResponse | Promise<CannedResponse>) =>
        (): CannedResponse | Promise<CannedResponse> => {
          if (!cluster)
            return error(404, 'CLUSTER_NOT_FOUND', `No cluster named ${name} exists in group ${projectId}.`);
          if (cluster.tier === 'FLEX') {
            return error(
              400,
              'CANNOT_USE_FLEX_CLUSTER_IN_CLUSTER_API',
              `Cluster ${name} is a Flex cluster: use the Flex cluster API.`,
            );
          }
          return run(cluster);
        };
      const backup = (run: (c: FakeCluster) => CannedResponse | Promise<CannedResponse>) =>
        found((c) =>
          c.tier === 'M0'
            ? error(
                400,
                'TENANT_CLUSTER_CLOUD_BACKUP_UNSUPPORTED',
                `Cluster ${name} is an M0 cluster, which has no Cloud Backup.`,
              )
            : !c.backupEnabled
              ? error(400, 'CLOUD_BACKUP_NOT_ENABLED', `Cloud Backup is not enabled for cluster ${name}.`)
              : run(c),
        );
      if (sub === '' && m('GET'))
        return { versions: VERSIONS.cluster, run: found((c) => ok(this.clusterJson(c))) };
      if (sub === 'status' && m('GET'))
        return { versions: VERSIONS.clusterStatus, run: found(() => this.status(projectId)) };
      if (sub === 'backup/snapshots' && m('GET')) {
        return {
          versions: VERSIONS.snapshots,
          run: (q) => backup((c) => page(c.snapshots.map(snapshotJson), q))(),
        };
      }
      if (sub === 'backup/snapshots' && m('POST')) {
        return { versions: VERSIONS.snapshots, run: (_q, b) => backup((c) => this.takeSnapshot(c, b))() };
      }
      const snapshotId = /^backup\/snapshots\/([^/]+)$/.exec(sub)?.[1];
      if (snapshotId && m('GET')) {
        return {
          versions: VERSIONS.snapshots,
          run: backup((c) => {
            const snapshot = c.snapshots.find((s) => s.id === snapshotId);
            if (!snapshot)
              return error(404, 'SNAPSHOT_NOT_FOUND', `No snapshot with ID ${snapshotId} exists.`);
            advance(snapshot);
            return ok(snapshotJson(snapshot));
          }),
        };
      }
      if (sub === 'backup/exports' && m('GET')) {
        return {
          versions: VERSIONS.exports,
          run: (q) => backup((c) => page(c.exports.map(exportJson), q))(),
        };
      }
      if (sub === 'backup/exports' && m('POST')) {
        return { versions: VERSIONS.exports, run: (_q, b) => backup((c) => this.createExport(c, b))() };
      }
      const exportId = /^backup\/exports\/([^/]+)$/.exec(sub)?.[1];
      if (exportId && m('GET')) {
        return {
          versions: VERSIONS.exports,
          run: backup((c) => {
            const job = c.exports.find((e) => e.id === exportId);
            if (!job) return error(404, 'EXPORT_JOB_NOT_FOUND', `No export job with ID ${exportId} exists.`);
            advanceExport(job);
            return ok(exportJson(job));
          }),
        };
      }
      if (sub === 'backup/restoreJobs' && m('GET')) {
        return {
          versions: VERSIONS.restoreJobs,
          run: (q) => backup((c) => page(c.restoreJobs.map(restoreJson), q))(),
        };
      }
      if (sub === 'backup/restoreJobs' && m('POST')) {
        return { versions: VERSIONS.restoreJobs, run: (_q, b) => backup((c) => this.createRestore(c, b))() };
      }
      const jobId = /^backup\/restoreJobs\/([^/]+)$/.exec(sub)?.[1];
      if (jobId && m('GET')) {
        return {
          versions: VERSIONS.restoreJobs,
          run: backup((c) => {
            const job = c.restoreJobs.find((j) => j.id === jobId);
            if (!job) return error(404, 'RESTORE_JOB_NOT_FOUND', `No restore job with ID ${jobId} exists.`);
            this.advanceRestore(job, c);
            return ok(restoreJson(job));
          }),
        };
      }
      if (sub === 'backup/schedule' && m('GET'))
        return { versions: VERSIONS.schedule, run: backup((c) => ok(c.schedule)) };
      return undefined;
    }

    if (kind === 'flexClusters' && name) {
      const cluster = this.clusters.get(`${projectId}/${name}`);
      const flex = (run: (c: FakeCluster) => CannedResponse) => (): CannedResponse => {
        if (!cluster)
          return error(404, 'CLUSTER_NOT_FOUND', `No cluster named ${name} exists in group ${projectId}.`);
        if (cluster.tier !== 'FLEX') {
          return error(
            400,
            'CANNOT_USE_NON_FLEX_CLUSTER_IN_FLEX_API',
            `Cluster ${name} is not a Flex cluster.`,
          );
        }
        return run(cluster);
      };
      if (sub === '' && m('GET')) return { versions: VERSIONS.flex, run: flex((c) => ok(this.flexJson(c))) };
      if (sub === 'backup/snapshots' && m('GET')) {
        return {
          versions: VERSIONS.flex,
          run: (q) => flex((c) => page(c.snapshots.map(flexSnapshotJson), q))(),
        };
      }
      const snapshotId = /^backup\/snapshots\/([^/]+)$/.exec(sub)?.[1];
      if (snapshotId && m('GET')) {
        return {
          versions: VERSIONS.flex,
          run: flex((c) => {
            const snapshot = c.snapshots.find((s) => s.id === snapshotId);
            return snapshot
              ? ok(flexSnapshotJson(snapshot))
              : error(404, 'SNAPSHOT_NOT_FOUND', `No snapshot ${snapshotId}.`);
          }),
        };
      }
      if (sub === 'backup/restoreJobs' && m('GET')) {
        return {
          versions: VERSIONS.flex,
          run: (q) => flex((c) => page(c.restoreJobs.map(flexRestoreJson), q))(),
        };
      }
      if (sub === 'backup/restoreJobs' && m('POST')) {
        return { versions: VERSIONS.flex, run: (_q, b) => flex((c) => this.createFlexRestore(c, b))() };
      }
      const jobId = /^backup\/restoreJobs\/([^/]+)$/.exec(sub)?.[1];
      if (jobId && m('GET')) {
        return {
          versions: VERSIONS.flex,
          run: flex((c) => {
            const job = c.restoreJobs.find((j) => j.id === jobId);
            if (!job) return error(404, 'RESTORE_JOB_NOT_FOUND', `No restore job ${jobId}.`);
            this.advanceRestore(job, c);
            return ok(flexRestoreJson(job));
          }),
        };
      }
      return undefined;
    }

    if (kind === 'backup' && name === 'exportBuckets' && rest.length === 1 && m('GET')) {
      const bucketId = rest[0] as string;
      return {
        versions: VERSIONS.exportBuckets,
        run: () => {
          const bucket = this.buckets.get(bucketId);
          if (!bucket || bucket.projectId !== projectId) {
            return error(
              404,
              'EXPORT_BUCKET_NOT_FOUND',
              `No export bucket with ID ${bucketId} exists in group ${projectId}.`,
            );
          }
          return ok({
            _id: bucketId,
            bucketName: bucket.bucketName,
            cloudProvider: 'AWS',
            iamRoleId: bucket.iamRoleId,
          });
        },
      };
    }
    if (kind === 'backupCompliancePolicy' && !name && m('GET')) {
      return {
        versions: VERSIONS.compliancePolicy,
        run: () => {
          const policy = this.compliance.get(projectId);
          return policy
            ? ok({ projectId, state: 'ACTIVE', ...policy })
            : error(404, 'RESOURCE_NOT_FOUND', `Group ${projectId} has no Backup Compliance Policy.`);
        },
      };
    }
    if (kind === 'databaseUsers' && !name && m('POST')) {
      return { versions: VERSIONS.databaseUsers, run: (_q, b) => this.createUser(projectId, b) };
    }
    if (kind === 'databaseUsers' && name === 'admin' && rest.length === 1) {
      const username = rest[0] as string;
      const user = this.users.get(projectId)?.get(username);
      const missing = () => error(404, 'USERNAME_NOT_FOUND', `No user with username ${username} exists.`);
      if (m('GET'))
        return {
          versions: VERSIONS.databaseUsers,
          run: () => (user ? ok(userJson(projectId, user)) : missing()),
        };
      if (m('PATCH')) {
        return {
          versions: VERSIONS.databaseUsers,
          run: (_q, b) => (user ? this.updateUser(projectId, user, b) : missing()),
        };
      }
    }
    return undefined;
  }

  private clusterJson(cluster: FakeCluster): unknown {
    const tenant = cluster.tier === 'M0';
    return {
      id: hex24(),
      groupId: cluster.projectId,
      name: cluster.name,
      clusterType: 'REPLICASET',
      mongoDBVersion: '8.0.4',
      stateName: 'IDLE',
      backupEnabled: cluster.backupEnabled,
      pitEnabled: cluster.pitEnabled,
      connectionStrings: /^mongodb\+srv:/.test(cluster.connectionString)
        ? { standardSrv: cluster.connectionString }
        : { standard: cluster.connectionString },
      replicationSpecs: [
        {
          id: hex24(),
          zoneName: 'Zone 1',
          regionConfigs: [
            tenant
              ? {
                  providerName: 'TENANT',
                  backingProviderName: 'AWS',
                  regionName: 'US_EAST_1',
                  electableSpecs: { instanceSize: 'M0' },
                }
              : {
                  providerName: 'AWS',
                  regionName: 'US_EAST_1',
                  priority: 7,
                  electableSpecs: { instanceSize: cluster.tier, nodeCount: 3, diskSizeGB: 10 },
                },
          ],
        },
      ],
    };
  }

  private flexJson(cluster: FakeCluster): unknown {
    return {
      id: hex24(),
      groupId: cluster.projectId,
      name: cluster.name,
      clusterType: 'REPLICASET',
      mongoDBVersion: '8.0.4',
      stateName: 'IDLE',
      backupSettings: { enabled: true },
      providerSettings: { backingProviderName: 'AWS', providerName: 'FLEX', regionName: 'US_EAST_1' },
      connectionStrings: { standardSrv: cluster.connectionString },
    };
  }

  private takeSnapshot(cluster: FakeCluster, body: unknown): CannedResponse {
    const request = (body ?? {}) as { description?: unknown; retentionInDays?: unknown };
    if (typeof request.retentionInDays !== 'number' || request.retentionInDays < 1) {
      return error(400, 'INVALID_ATTRIBUTE', 'retentionInDays must be at least 1.');
    }
    const running = cluster.snapshots.find(
      (s) => s.snapshotType === 'onDemand' && (s.status === 'queued' || s.status === 'inProgress'),
    );
    if (running) {
      return error(
        409,
        'ON_DEMAND_SNAPSHOT_IN_PROGRESS',
        `An on-demand snapshot (${running.id}) is already queued or in progress for cluster ${cluster.name}.`,
      );
    }
    const [first = 'queued', ...upcoming] = cluster.snapshotScripts.shift() ?? DEFAULT_SNAPSHOT;
    const createdAt = new Date().toISOString();
    const snapshot: FakeSnapshot = {
      id: hex24(),
      status: first,
      upcoming,
      snapshotType: 'onDemand',
      createdAt,
      expiresAt: new Date(Date.now() + request.retentionInDays * 86_400_000).toISOString(),
      retentionInDays: request.retentionInDays,
      ...(typeof request.description === 'string' ? { description: request.description } : {}),
    };
    cluster.snapshots.push(snapshot);
    return ok(snapshotJson(snapshot));
  }

  private createExport(cluster: FakeCluster, body: unknown): CannedResponse {
    const request = (body ?? {}) as { snapshotId?: unknown; exportBucketId?: unknown; customData?: unknown };
    const snapshot = cluster.snapshots.find((s) => s.id === request.snapshotId);
    if (!snapshot)
      return error(404, 'SNAPSHOT_NOT_FOUND', `No snapshot with ID ${String(request.snapshotId)} exists.`);
    if (snapshot.status !== 'completed')
      return error(400, 'SNAPSHOT_NOT_COMPLETE', `Snapshot ${snapshot.id} is not completed.`);
    const bucket = this.buckets.get(String(request.exportBucketId));
    if (!bucket || bucket.projectId !== cluster.projectId) {
      return error(
        404,
        'EXPORT_BUCKET_NOT_FOUND',
        `No export bucket with ID ${String(request.exportBucketId)} exists.`,
      );
    }
    const [first = 'Queued', ...upcoming] = cluster.exportScripts.shift() ?? DEFAULT_EXPORT;
    const now = new Date();
    const job: FakeExport = {
      id: hex24(),
      state: first,
      upcoming,
      snapshotId: snapshot.id,
      exportBucketId: String(request.exportBucketId),
      customData: Array.isArray(request.customData)
        ? (request.customData as { key: string; value: string }[])
        : [],
      createdAt: now.toISOString(),
      prefix: `/exported_snapshots/acme/${cluster.projectId}/${cluster.name}/${snapshot.createdAt.slice(0, 10)}/${Math.floor(now.getTime() / 1000)}`,
      totalCollections: 4,
      exportedCollections: 0,
    };
    cluster.exports.push(job);
    return ok(exportJson(job));
  }

  private createRestore(source: FakeCluster, body: unknown): CannedResponse {
    const request = (body ?? {}) as Record<string, unknown>;
    const { deliveryType, snapshotId, targetClusterName, targetGroupId, pointInTimeUTCSeconds } = request;
    if (deliveryType !== 'automated' && deliveryType !== 'pointInTime' && deliveryType !== 'download') {
      return error(400, 'INVALID_ATTRIBUTE', 'deliveryType must be automated, download or pointInTime.');
    }
    if (typeof targetClusterName !== 'string' || typeof targetGroupId !== 'string') {
      return error(400, 'MISSING_ATTRIBUTE', 'targetClusterName and targetGroupId are required.');
    }
    const target = this.clusters.get(`${targetGroupId}/${targetClusterName}`);
    if (!target)
      return error(
        404,
        'CLUSTER_NOT_FOUND',
        `No cluster named ${targetClusterName} exists in group ${targetGroupId}.`,
      );
    if (deliveryType === 'pointInTime') {
      if (!source.pitEnabled) return error(400, 'PIT_NOT_ENABLED', 'Continuous Cloud Backup is not enabled.');
      if (typeof pointInTimeUTCSeconds !== 'number')
        return error(400, 'MISSING_ATTRIBUTE', 'pointInTimeUTCSeconds is required.');
    } else {
      const snapshot = source.snapshots.find((s) => s.id === snapshotId);
      if (!snapshot)
        return error(404, 'SNAPSHOT_NOT_FOUND', `No snapshot with ID ${String(snapshotId)} exists.`);
    }
    const [first = 'inProgress', ...upcoming] = source.restoreScripts.shift() ?? DEFAULT_RESTORE;
    const job: FakeRestoreJob = {
      id: hex24(),
      state: first,
      upcoming,
      deliveryType,
      ...(typeof snapshotId === 'string' ? { snapshotId } : {}),
      ...(typeof pointInTimeUTCSeconds === 'number' ? { pointInTimeUTCSeconds } : {}),
      targetClusterName,
      targetGroupId,
    };
    source.restoreJobs.push(job);
    return ok(restoreJson(job));
  }

  private createFlexRestore(source: FakeCluster, body: unknown): CannedResponse {
    const request = (body ?? {}) as Record<string, unknown>;
    const { snapshotId, targetDeploymentItemName, targetProjectId } = request;
    if (typeof snapshotId !== 'string' || typeof targetDeploymentItemName !== 'string') {
      return error(400, 'MISSING_ATTRIBUTE', 'snapshotId and targetDeploymentItemName are required.');
    }
    if (!source.snapshots.some((s) => s.id === snapshotId))
      return error(404, 'SNAPSHOT_NOT_FOUND', `No snapshot ${snapshotId}.`);
    const targetGroupId = typeof targetProjectId === 'string' ? targetProjectId : source.projectId;
    if (!this.clusters.has(`${targetGroupId}/${targetDeploymentItemName}`)) {
      return error(404, 'CLUSTER_NOT_FOUND', `No cluster named ${targetDeploymentItemName} exists.`);
    }
    const [first = 'inProgress', ...upcoming] = source.restoreScripts.shift() ?? DEFAULT_RESTORE;
    const job: FakeRestoreJob = {
      id: hex24(),
      state: first,
      upcoming,
      deliveryType: 'RESTORE',
      snapshotId,
      targetClusterName: targetDeploymentItemName,
      targetGroupId,
    };
    source.restoreJobs.push(job);
    return ok(flexRestoreJson(job));
  }

  private advanceRestore(job: FakeRestoreJob, source: FakeCluster): void {
    const next = job.upcoming.shift();
    if (!next) return;
    job.state = next;
    if (next !== 'inProgress') job.finishedAt = new Date().toISOString();
    if (next === 'completed') {
      const target = this.clusters.get(`${job.targetGroupId}/${job.targetClusterName}`);
      if (target) target.restoredFrom = job.snapshotId ?? `${source.name}@${job.pointInTimeUTCSeconds}`;
    }
  }

  private async createUser(projectId: string, body: unknown): Promise<CannedResponse> {
    const request = (body ?? {}) as Record<string, unknown>;
    const { username, password, roles, scopes, databaseName } = request;
    if (typeof username !== 'string' || typeof password !== 'string' || !Array.isArray(roles)) {
      return error(400, 'MISSING_ATTRIBUTE', 'username, password and roles are required.');
    }
    if (databaseName !== 'admin')
      return error(400, 'INVALID_ATTRIBUTE', 'databaseName must be admin for password users.');
    const users = this.users.get(projectId);
    if (!users) return error(404, 'GROUP_NOT_FOUND', `No group with ID ${projectId} exists.`);
    if (users.has(username)) return error(409, 'USER_ALREADY_EXISTS', `The user ${username} already exists.`);
    const user: FakeDatabaseUser = {
      username,
      password,
      roles: roles as FakeDatabaseUser['roles'],
      scopes: Array.isArray(scopes) ? (scopes as FakeDatabaseUser['scopes']) : [],
    };
    users.set(username, user);
    this.pending.set(projectId, this.pendingStatusReads);
    await this.onUserChange?.({ projectId, user, created: true });
    return { status: 201, body: userJson(projectId, user) };
  }

  private async updateUser(
    projectId: string,
    user: FakeDatabaseUser,
    body: unknown,
  ): Promise<CannedResponse> {
    const request = (body ?? {}) as Record<string, unknown>;
    if (typeof request.password === 'string') user.password = request.password;
    if (Array.isArray(request.roles)) user.roles = request.roles as FakeDatabaseUser['roles'];
    if (Array.isArray(request.scopes)) user.scopes = request.scopes as FakeDatabaseUser['scopes'];
    this.pending.set(projectId, this.pendingStatusReads);
    await this.onUserChange?.({ projectId, user, created: false });
    return ok(userJson(projectId, user));
  }

  private status(projectId: string): CannedResponse {
    const left = this.pending.get(projectId) ?? 0;
    if (left > 0) this.pending.set(projectId, left - 1);
    return ok({ changeStatus: left > 0 ? 'PENDING' : 'APPLIED' });
  }
}

function advance(snapshot: FakeSnapshot): void {
  const next = snapshot.upcoming.shift();
  if (next) snapshot.status = next;
}

function advanceExport(job: FakeExport): void {
  const next = job.upcoming.shift();
  if (!next) return;
  job.state = next;
  if (next === 'InProgress')
    job.exportedCollections = Math.min(job.totalCollections, job.exportedCollections + 2);
  if (next === 'Successful') job.exportedCollections = job.totalCollections;
  if (next === 'Successful' || next === 'Failed' || next === 'Cancelled')
    job.finishedAt = new Date().toISOString();
}

function snapshotJson(s: FakeSnapshot): unknown {
  return {
    id: s.id,
    createdAt: s.createdAt,
    expiresAt: s.expiresAt,
    frequencyType: s.snapshotType === 'onDemand' ? 'ondemand' : 'daily',
    mongodVersion: '8.0.4',
    replicaSetName: 'atlas-abc123-shard-0',
    snapshotType: s.snapshotType,
    status: s.status,
    storageSizeBytes: 1_048_576,
    type: 'replicaSet',
    cloudProvider: 'AWS',
    policyItems: [],
    ...(s.description !== undefined ? { description: s.description } : {}),
  };
}

const FLEX_STATUS: Record<FakeSnapshotStatus, string> = {
  queued: 'QUEUED',
  inProgress: 'RUNNING',
  completed: 'COMPLETED',
  failed: 'FAILED',
};

function flexSnapshotJson(s: FakeSnapshot): unknown {
  return {
    id: s.id,
    status: FLEX_STATUS[s.status],
    scheduledTime: s.createdAt,
    startTime: s.createdAt,
    ...(s.status === 'completed'
      ? { finishTime: new Date(Date.parse(s.createdAt) + 60_000).toISOString() }
      : {}),
    expiration: s.expiresAt,
    mongoDBVersion: '8.0.4',
  };
}

function exportJson(job: FakeExport): unknown {
  return {
    id: job.id,
    snapshotId: job.snapshotId,
    exportBucketId: job.exportBucketId,
    state: job.state,
    createdAt: job.createdAt,
    ...(job.finishedAt ? { finishedAt: job.finishedAt } : {}),
    prefix: job.prefix,
    customData: job.customData,
    exportStatus: { exportedCollections: job.exportedCollections, totalCollections: job.totalCollections },
    ...(job.state === 'Failed'
      ? { stateReason: { errorCode: 'EXPORT_FAILED', message: 'Access denied to the export bucket.' } }
      : {}),
    components: [],
  };
}

function restoreJson(job: FakeRestoreJob): unknown {
  return {
    id: job.id,
    deliveryType: job.deliveryType,
    ...(job.snapshotId ? { snapshotId: job.snapshotId } : {}),
    ...(job.pointInTimeUTCSeconds !== undefined ? { pointInTimeUTCSeconds: job.pointInTimeUTCSeconds } : {}),
    targetClusterName: job.targetClusterName,
    targetGroupId: job.targetGroupId,
    cancelled: job.state === 'cancelled',
    failed: job.state === 'failed',
    expired: false,
    ...(job.finishedAt ? { finishedAt: job.finishedAt } : {}),
    deliveryUrl: [],
  };
}

const FLEX_RESTORE_STATUS: Record<FakeRestoreState, string> = {
  inProgress: 'RUNNING',
  completed: 'COMPLETED',
  failed: 'FAILED',
  cancelled: 'FAILED',
};

function flexRestoreJson(job: FakeRestoreJob): unknown {
  return {
    id: job.id,
    deliveryType: 'RESTORE',
    snapshotId: job.snapshotId,
    status: FLEX_RESTORE_STATUS[job.state],
    targetDeploymentItemName: job.targetClusterName,
    targetProjectId: job.targetGroupId,
    ...(job.finishedAt ? { restoreFinishedDate: job.finishedAt } : {}),
  };
}

function userJson(projectId: string, user: FakeDatabaseUser): unknown {
  return {
    databaseName: 'admin',
    groupId: projectId,
    username: user.username,
    roles: user.roles,
    scopes: user.scopes,
    awsIAMType: 'NONE',
    ldapAuthType: 'NONE',
    oidcAuthType: 'NONE',
    x509Type: 'NONE',
  };
}

/** A page of a list, as Atlas pages them. */
function page(items: unknown[], query: URLSearchParams): CannedResponse {
  const pageNum = Number(query.get('pageNum') ?? '1');
  const itemsPerPage = Number(query.get('itemsPerPage') ?? '100');
  if (!Number.isInteger(itemsPerPage) || itemsPerPage < 1 || itemsPerPage > MAX_PAGE) {
    return error(400, 'INVALID_QUERY_PARAMETER', `itemsPerPage must be between 1 and ${MAX_PAGE}.`);
  }
  if (!Number.isInteger(pageNum) || pageNum < 1)
    return error(400, 'INVALID_QUERY_PARAMETER', 'pageNum must be at least 1.');
  const results = items.slice((pageNum - 1) * itemsPerPage, pageNum * itemsPerPage);
  return ok({
    results,
    ...(query.get('includeCount') === 'false' ? {} : { totalCount: items.length }),
    links: [],
  });
}

function ok(body: unknown): CannedResponse {
  return { status: 200, body };
}

function errorBody(status: number, errorCode: string, detail: string): unknown {
  return { error: status, errorCode, detail, reason: REASONS[status] ?? 'Error', parameters: [] };
}

function error(status: number, errorCode: string, detail: string): CannedResponse {
  return { status, body: errorBody(status, errorCode, detail) };
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  406: 'Not Acceptable',
  409: 'Conflict',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

/** Checks a Digest `Authorization` header as the server does (RFC 7616, MD5, qop=auth). */
function verifyDigest(
  header: string,
  method: string,
  lookup: (username: string) => string | undefined,
): { username: string; nonce: string } | undefined {
  const fields: Record<string, string> = {};
  for (const match of header.replace(/^\s*Digest\s+/i, '').matchAll(/([a-zA-Z]+)=(?:"([^"]*)"|([^,\s]*))/g)) {
    fields[(match[1] ?? '').toLowerCase()] = match[2] ?? match[3] ?? '';
  }
  const { username, realm, nonce, uri, response, qop, nc, cnonce } = fields;
  if (!username || realm !== REALM || !nonce || !uri || !response) return undefined;
  const password = lookup(username);
  if (password === undefined) return undefined;
  const ha1 = md5(`${username}:${realm}:${password}`);
  const ha2 = md5(`${method}:${uri}`);
  const expected = qop ? md5(`${ha1}:${nonce}:${nc}:${cnonce}:${qop}:${ha2}`) : md5(`${ha1}:${nonce}:${ha2}`);
  return expected === response ? { username, nonce } : undefined;
}
