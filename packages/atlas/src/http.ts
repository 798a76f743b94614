import {
  backoffDelay,
  DEFAULT_RETRY,
  errorMessage,
  type FailedAttempt,
  type Logger,
  networkReason,
  parseRetryAfter,
  type RetryPolicy,
  retryDelayText as seconds,
  mayResend as sharedMayResend,
  silentLogger,
} from '@shipkit/runtime';
import {
  type AccessToken,
  type AtlasCredentials,
  basicAuth,
  type DigestChallenge,
  digestAuthorization,
  parseDigestChallenge,
  tokenIsFresh,
} from './auth';
import { AtlasApiError, AtlasAuthError, AtlasDeadlineError, AtlasMaybeReceivedError } from './errors';

export const ATLAS_BASE_URL = 'https://cloud.mongodb.com';
const API_PREFIX = '/api/atlas/v2';
const TOKEN_PATH = '/api/oauth/token';

/**
 * The version date each family of endpoints is called with (`Accept: application/vnd.atlas.<date>+json`).
 * Atlas answers 406 to a date an endpoint does not have, so every request names its family.
 */
export const API_VERSIONS = {
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
} as const;

export type ApiVersion = (typeof API_VERSIONS)[keyof typeof API_VERSIONS];

/** Everything that touches the network or the clock, injected so tests neither wait nor go online. */
export interface AtlasDeps {
  fetch: typeof globalThis.fetch;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  /** In [0, 1); spreads retries of concurrent jobs apart. */
  random: () => number;
  logger: Logger;
}

/** The real network and clock; sleeps end early (rejecting) when `signal` aborts. */
export function realAtlasDeps(signal?: AbortSignal): AtlasDeps {
  return {
    fetch: globalThis.fetch,
    sleep: (ms) =>
      new Promise((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
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
    logger: silentLogger,
  };
}

export {
  backoffDelay,
  DEFAULT_RETRY,
  type FailedAttempt,
  networkReason,
  parseRetryAfter,
  type RetryPolicy,
} from '@shipkit/runtime';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface AtlasRequest {
  method: HttpMethod;
  /** Under `/api/atlas/v2`, e.g. `/groups/{id}/clusters/{name}`. */
  path: string;
  version: ApiVersion;
  query?: Record<string, string | number | boolean>;
  body?: unknown;
  /** What the request does, naming the project and cluster: "take an on-demand snapshot of cluster 'shop' in project 65…". */
  what: string;
  /**
   * Safe to send more than once. Default: reads only. A request that creates something is sent again
   * only when Atlas certainly did not act on it (see {@link mayResend}); the caller reconciles otherwise.
   */
  idempotent?: boolean;
  /** The least Atlas project role that allows the request, named when Atlas answers 403. */
  role?: string;
}

export interface AtlasResponse {
  status: number;
  /** The parsed JSON body; undefined when there was none. */
  body: unknown;
  attempts: number;
}

/**
 * The retry decision for every request this package sends: whether a failed attempt may be sent again as
 * it is (the shared decision of `@shipkit/runtime`). A read always may. A request that creates something (a snapshot, an export, a restore job, a
 * database user) only when Atlas certainly did not act on it: nothing was sent, or Atlas answered 429
 * (rate limited: nothing was processed) or 401 (not authenticated: nothing was processed). After a 5xx,
 * a timeout or a dropped connection it may have, and the caller reconciles (see `createOnce`).
 */
export function mayResend(
  request: Pick<AtlasRequest, 'method' | 'idempotent'>,
  failure: FailedAttempt,
): boolean {
  return sharedMayResend(request, failure, (status) => status === 429 || status === 401);
}

/** Atlas's error body: `{error, errorCode, detail, reason, parameters}`; an OAuth error: `{error, error_description}`. */
export function atlasError(body: unknown): { errorCode?: string; detail?: string } {
  if (typeof body !== 'object' || body === null) {
    return typeof body === 'string' && body.trim() ? { detail: shorten(body.trim()) } : {};
  }
  const record = body as Record<string, unknown>;
  const errorCode =
    typeof record.errorCode === 'string' && record.errorCode
      ? record.errorCode
      : typeof record.error === 'string' && record.error
        ? record.error
        : undefined;
  const detail = [record.detail, record.error_description, record.reason].find(
    (value): value is string => typeof value === 'string' && value.trim() !== '',
  );
  return { ...(errorCode ? { errorCode } : {}), ...(detail ? { detail: shorten(detail) } : {}) };
}

function shorten(text: string): string {
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

export interface TransportOptions {
  credentials: AtlasCredentials;
  /** Origin of Atlas (default https://cloud.mongodb.com); the API is under /api/atlas/v2, tokens at /api/oauth/token. */
  baseUrl?: string;
  /** How the user gave the credentials, named when Atlas rejects them ("ATLAS_CLIENT_ID and ATLAS_CLIENT_SECRET"). */
  credentialSource?: string;
  retry?: Partial<RetryPolicy>;
  /** Aborts every request and wait: the user interrupted, or the run's deadline passed. */
  signal?: AbortSignal;
  /** When every network operation must have ended (by `deps.now`); requests get no longer than what is left. */
  deadline?: number;
  /** Told each access token as it is issued, so the edge can mask it before anything could print it. */
  onSecret?: (value: string) => void;
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
export class AtlasTransport {
  readonly origin: string;
  readonly policy: RetryPolicy;
  private token: AccessToken | undefined;
  private tokenLifetimeMs = DEFAULT_TOKEN_LIFETIME_MS;
  private pendingToken: Promise<string> | undefined;
  private digest?: { challenge: DigestChallenge; nc: number };

  constructor(
    private readonly options: TransportOptions,
    readonly deps: AtlasDeps,
  ) {
    this.origin = (options.baseUrl ?? ATLAS_BASE_URL).replace(/\/+$/, '');
    this.policy = { ...DEFAULT_RETRY, ...options.retry };
  }

  /** Sends a request and returns its 2xx answer; anything else is thrown as an {@link AtlasApiError}. */
  async send(request: AtlasRequest, policy: RetryPolicy = this.policy): Promise<AtlasResponse> {
    const { deps } = this;
    const url = this.url(request);
    // A 401 processed nothing: a new token, or the Digest challenge answered, and the request goes again.
    let reauthenticated = false;
    let challenges = 0;
    for (let attempt = 1; ; attempt++) {
      const isLast = attempt >= policy.attempts;
      const timeoutMs = this.requestTimeout(request.what, policy);
      const authorization = await this.authorization(request.method, url);
      let response: Response;
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
      } catch (thrown) {
        this.throwIfStopped(request.what);
        const reason = networkReason(thrown);
        if (!mayResend(request, { thrown })) {
          throw new AtlasMaybeReceivedError(
            `Could not ${request.what}: ${reason} (the request may have reached Atlas).`,
            attempt,
          );
        }
        if (isLast) {
          throw new AtlasApiError(`Could not ${request.what}: ${reason} (after ${attempt} attempts).`);
        }
        await this.pause(
          backoffDelay(attempt, policy, deps.random),
          `Could not ${request.what} (${reason})`,
          request.what,
        );
        continue;
      }
      const body = await readBody(response);
      if (response.ok) return { status: response.status, body, attempts: attempt };

      if (response.status === 401) {
        // Not authenticated: Atlas processed nothing, so even a POST may be sent again, once.
        const challenge = parseDigestChallenge(response.headers.get('www-authenticate'));
        if (
          this.options.credentials.kind === 'api-key' &&
          challenge &&
          (challenges === 0 || (challenge.stale && challenges < 3))
        ) {
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
        throw new AtlasMaybeReceivedError(
          `Atlas answered HTTP ${response.status}${errorCode ? ` ${errorCode}` : ''} when asked to ${request.what}${detail ? ` (${detail})` : ''}.`,
          attempt,
          response.status,
          errorCode,
        );
      }
      if (isLast) throw this.failure(response.status, body, request, attempt);
      const retryAfter = parseRetryAfter(response.headers.get('retry-after'), deps.now());
      const delay = retryAfter ?? backoffDelay(attempt, policy, deps.random);
      const why = response.status === 429 ? 'rate limited (HTTP 429)' : `HTTP ${response.status}`;
      if (!this.fitsDeadline(delay)) throw this.failure(response.status, body, request, attempt, true);
      await this.pause(delay, `Could not ${request.what} yet (${why})`, request.what);
    }
  }

  private url(request: AtlasRequest): string {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(request.query ?? {})) query.set(key, String(value));
    const text = query.toString();
    return `${this.origin}${API_PREFIX}${request.path}${text ? `?${text}` : ''}`;
  }

  /** What is left of the per-request limit and the run's deadline; throws when nothing is. */
  private requestTimeout(what: string, policy: RetryPolicy): number {
    this.throwIfStopped(what);
    if (this.options.deadline === undefined) return policy.requestTimeoutMs;
    const left = this.options.deadline - this.deps.now();
    if (left <= 0) throw this.deadlineError(what);
    return Math.min(policy.requestTimeoutMs, left);
  }

  private requestSignal(timeoutMs: number): AbortSignal {
    const timeout = AbortSignal.timeout(timeoutMs);
    return this.options.signal ? AbortSignal.any([this.options.signal, timeout]) : timeout;
  }

  private throwIfStopped(what: string): void {
    if (this.options.signal?.aborted) throw this.deadlineError(what);
  }

  private deadlineError(what: string): AtlasDeadlineError {
    const reason = this.options.signal?.aborted
      ? errorMessage(this.options.signal.reason)
      : 'the deadline passed';
    return new AtlasDeadlineError(`Stopped before Atlas could ${what}: ${reason}.`);
  }

  private fitsDeadline(delayMs: number): boolean {
    return this.options.deadline === undefined || this.deps.now() + delayMs < this.options.deadline;
  }

  private async pause(delayMs: number, why: string, what: string): Promise<void> {
    if (!this.fitsDeadline(delayMs)) throw this.deadlineError(what);
    this.deps.logger.info(`${why}; retrying in ${seconds(delayMs)}.`);
    try {
      await this.deps.sleep(delayMs);
    } catch {
      throw this.deadlineError(what);
    }
  }

  private async authorization(method: string, url: string): Promise<string | undefined> {
    const { credentials } = this.options;
    if (credentials.kind === 'service-account') return `Bearer ${await this.bearerToken()}`;
    if (!this.digest) return undefined; // the first request fetches the challenge
    this.digest.nc += 1;
    const { pathname, search } = new URL(url);
    return digestAuthorization(this.digest.challenge, {
      method,
      uri: `${pathname}${search}`,
      username: credentials.publicKey,
      password: credentials.privateKey,
      nc: this.digest.nc,
    });
  }

  /** A cached token while it has time left; otherwise one request for a new one (shared by concurrent callers). */
  private async bearerToken(): Promise<string> {
    if (this.token && tokenIsFresh(this.token, this.deps.now(), this.tokenLifetimeMs))
      return this.token.value;
    this.pendingToken ??= this.requestToken().finally(() => {
      this.pendingToken = undefined;
    });
    return this.pendingToken;
  }

  private async requestToken(): Promise<string> {
    const { credentials } = this.options;
    if (credentials.kind !== 'service-account') throw new Error('requestToken needs a service account');
    const { deps, policy } = this;
    const what = 'issue an access token for the service account';
    const url = `${this.origin}${TOKEN_PATH}`;
    for (let attempt = 1; ; attempt++) {
      const isLast = attempt >= policy.attempts;
      const timeoutMs = this.requestTimeout(what, policy);
      let response: Response;
      try {
        response = await deps.fetch(url, {
          method: 'POST',
          headers: {
            authorization: `Basic ${basicAuth(credentials.clientId, credentials.clientSecret)}`,
            'content-type': 'application/x-www-form-urlencoded',
            accept: 'application/json',
          },
          body: 'grant_type=client_credentials',
          signal: this.requestSignal(timeoutMs),
        });
      } catch (thrown) {
        this.throwIfStopped(what);
        // Asking for a token twice creates nothing lasting: every failure may be retried.
        if (isLast)
          throw new AtlasApiError(`Could not ${what}: ${networkReason(thrown)} (after ${attempt} attempts).`);
        await this.pause(
          backoffDelay(attempt, policy, deps.random),
          `Could not ${what} (${networkReason(thrown)})`,
          what,
        );
        continue;
      }
      const body = await readBody(response);
      if (response.ok) {
        const token = body as { access_token?: unknown; expires_in?: unknown } | undefined;
        if (typeof token?.access_token !== 'string' || !token.access_token) {
          throw new AtlasAuthError(`Atlas sent no access_token when asked to ${what}.`, response.status);
        }
        const lifetime =
          typeof token.expires_in === 'number' && token.expires_in > 0
            ? token.expires_in * 1000
            : DEFAULT_TOKEN_LIFETIME_MS;
        this.options.onSecret?.(token.access_token);
        this.tokenLifetimeMs = lifetime;
        this.token = { value: token.access_token, expiresAt: deps.now() + lifetime };
        return token.access_token;
      }
      if ((response.status === 429 || response.status >= 500) && !isLast) {
        const delay =
          parseRetryAfter(response.headers.get('retry-after'), deps.now()) ??
          backoffDelay(attempt, policy, deps.random);
        await this.pause(delay, `Could not ${what} yet (HTTP ${response.status})`, what);
        continue;
      }
      const { errorCode, detail } = atlasError(body);
      const code = errorCode ? ` ${errorCode}` : '';
      if (response.status === 400 || response.status === 401) {
        throw new AtlasAuthError(
          `Atlas rejected the service account (HTTP ${response.status}${code}) when asked to ${what}${detail ? `: ${detail}` : ''}. ` +
            `Check ${this.options.credentialSource ?? 'the client id and secret'}: a service account's client id (mdb_sa_id_…) and secret, from Organization → Access Manager → Applications → Service Accounts.`,
          response.status,
          errorCode,
        );
      }
      throw new AtlasApiError(
        `Atlas could not ${what} (HTTP ${response.status}${code})${detail ? `: ${detail}` : ''}.`,
        response.status,
        errorCode,
      );
    }
  }

  private failure(
    status: number,
    body: unknown,
    request: AtlasRequest,
    attempts: number,
    outOfTime = false,
  ): AtlasApiError {
    const { errorCode, detail } = atlasError(body);
    const code = errorCode ? ` ${errorCode}` : '';
    const said = detail ? `: ${detail}` : '';
    switch (status) {
      case 401:
        return new AtlasAuthError(
          `Atlas rejected the credentials (HTTP 401${code}) when asked to ${request.what}${said}. Check ${this.options.credentialSource ?? 'the credentials'}: a service account's client id and secret, or an API key's public and private key.`,
          status,
          errorCode,
        );
      case 403:
        return new AtlasApiError(
          `Atlas refused (HTTP 403${code}) to ${request.what}${said}. ${request.role ? `The service account (or API key) needs the ${request.role} role on the project` : 'The service account (or API key) lacks a role on the project'}, and when the organization requires an API access list, this machine's IP address must be on it.`,
          status,
          errorCode,
        );
      case 404:
        return new AtlasApiError(
          `Atlas found nothing (HTTP 404${code}) when asked to ${request.what}${said}. Check the project id (24 hexadecimal digits, Project Settings) and the names and ids given.`,
          status,
          errorCode,
        );
      case 429:
        return new AtlasApiError(
          `Atlas kept rate-limiting (HTTP 429${code}) ${outOfTime ? 'until the deadline' : `after ${attempts} attempts`} to ${request.what}${said}. Cloud Backup endpoints are limited per project; try again in a few minutes.`,
          status,
          errorCode,
        );
      default:
        return status >= 500
          ? new AtlasApiError(
              `Atlas failed to ${request.what}: HTTP ${status}${code} ${outOfTime ? 'until the deadline' : `after ${attempts} attempts`}${said}.`,
              status,
              errorCode,
            )
          : new AtlasApiError(
              `Atlas refused to ${request.what} (HTTP ${status}${code})${said}.`,
              status,
              errorCode,
            );
    }
  }
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => '');
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
