import {
  backoffDelay,
  DEFAULT_RETRY,
  type Deadline,
  formatDuration,
  type Logger,
  mayResend,
  networkReason,
  parseRetryAfter,
  type RetryPolicy,
  retryDelayText,
  silentLogger,
  sleep,
  UserError,
} from '@shipkit/runtime';
import { GitHubApiError, type GitHubApiErrorFields } from './errors';

export const DEFAULT_GITHUB_API_URL = 'https://api.github.com';
/** The REST API version every request names (`X-GitHub-Api-Version`). */
export const GITHUB_API_VERSION = '2022-11-28';

/** Everything that touches the network, the clock or chance, injected so tests neither wait nor guess. */
export interface GitHubDeps {
  fetch: typeof globalThis.fetch;
  /** Waits `ms`; rejects with the signal's reason as soon as it fires. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  now: () => number;
  /** In [0, 1); spreads retries of concurrent jobs apart. */
  random: () => number;
  logger: Logger;
}

export const realGitHubDeps = (): GitHubDeps => ({
  fetch: globalThis.fetch,
  sleep: (ms, signal) => sleep(ms, signal),
  now: Date.now,
  random: Math.random,
  logger: silentLogger,
});

export interface GitHubRetryPolicy extends RetryPolicy {
  /** A rate limit that lifts later than this is not waited for: the call fails saying when it lifts. */
  maxRateLimitWaitMs: number;
}

export const GITHUB_RETRY: GitHubRetryPolicy = { ...DEFAULT_RETRY, maxRateLimitWaitMs: 60_000 };

export interface GitHubClientOptions {
  token: string;
  /** `GITHUB_API_URL`: https://api.github.com, a GHES server's …/api/v3, or a fake in tests. */
  apiUrl?: string;
  /** GitHub refuses requests without one; it names the caller (`shipkit-branch-policy`). */
  userAgent: string;
  /** The run's deadline: requests and waits between tries end with it, and a timeout names the request. */
  deadline?: Deadline;
  /** Cancels requests in flight when the run has no {@link Deadline} (the deadline's signal otherwise). */
  signal?: AbortSignal;
  retry?: Partial<GitHubRetryPolicy>;
}

export type GitHubMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface GitHubRequest {
  method: GitHubMethod;
  /** Under the API URL (`/repos/acme/shop/deployments`), or a full URL under it that GitHub gave (a next page). */
  path: string;
  query?: Record<string, string | number>;
  /** Sent as JSON. */
  body?: unknown;
  /** What the request does, for log lines and errors ("create a GitHub deployment"); no secrets. */
  what: string;
  /** Safe to send more than once. Default: the idempotent methods (GET, HEAD, PUT, DELETE). */
  idempotent?: boolean;
  /** Statuses the caller handles itself, such as the 404 of a lookup: returned, not thrown. */
  accept?: readonly number[];
  /** What the user can do about a refusal, in the edge's words; appended to the error message. */
  hint?: (status: number) => string | undefined;
}

export interface GitHubResponse<T = unknown> {
  status: number;
  /** The parsed JSON body; undefined when there was none. */
  body: T;
  headers: Headers;
  /** How many tries it took. */
  attempts: number;
}

/**
 * The one GitHub REST client: base URL (GHES too), token, API version and User-Agent on every request;
 * each try bounded by the request timeout and the run's deadline; retries with backoff of what may be
 * sent again, and waits for rate limits; pages followed by `Link: rel="next"`; every failure one
 * {@link GitHubApiError} that never holds the token.
 */
export class GitHubClient {
  readonly apiUrl: string;
  private readonly policy: GitHubRetryPolicy;
  private readonly signal: AbortSignal | undefined;

  constructor(
    private readonly options: GitHubClientOptions,
    private readonly deps: GitHubDeps = realGitHubDeps(),
  ) {
    this.apiUrl = (options.apiUrl || DEFAULT_GITHUB_API_URL).replace(/\/+$/, '');
    this.policy = { ...GITHUB_RETRY, ...options.retry };
    this.signal = options.deadline?.signal ?? options.signal;
  }

  /**
   * Sends a request and returns GitHub's answer when it is a success (or a status in `accept`); retries
   * what {@link mayResend} allows, and throws a {@link GitHubApiError} for everything else.
   */
  async request<T = unknown>(request: GitHubRequest): Promise<GitHubResponse<T>> {
    const url = this.url(request);
    const at = { method: request.method, path: url.pathname };
    for (let attempt = 1; ; attempt++) {
      const isLast = attempt >= this.policy.attempts;
      let answer: { response: Response; text: string };
      try {
        answer = await this.send(url, request);
      } catch (thrown) {
        this.throwIfStopped(request, at, attempt);
        const reason = networkReason(thrown);
        if (!mayResend(request, { thrown })) {
          // Only a connection never made proves GitHub did not act: a POST after a reset or a timeout may
          // have created a comment or a deployment, and a second one would be a duplicate.
          throw this.error(
            `GitHub gave no answer when asked to ${request.what}: ${reason}. The request may have reached GitHub, so it was not sent again.`,
            { ...at, attempts: attempt, mayHaveBeenReceived: true },
          );
        }
        if (isLast) {
          throw this.error(
            `Could not reach the GitHub API at ${this.apiUrl} (GITHUB_API_URL) to ${request.what}: ${reason} (after ${attempt} attempts).`,
            { ...at, attempts: attempt },
          );
        }
        await this.wait(
          backoffDelay(attempt, this.policy, this.deps.random),
          `Could not ${request.what} (${reason})`,
          request,
          at,
          attempt,
        );
        continue;
      }
      const { response, text } = answer;
      const { status } = response;
      const body = parseJson(text);
      if ((status >= 200 && status < 300) || request.accept?.includes(status)) {
        return { status, body: body as T, headers: response.headers, attempts: attempt };
      }
      const fields = { ...at, status, attempts: attempt, ...githubFields(body) };
      const limited = rateLimit(response, this.deps.now());
      if (limited || status >= 500) {
        // A rate-limited request was not processed, so even a POST may be sent again; after a 5xx only
        // what is safe to repeat is.
        if (!mayResend(request, { status }, () => limited !== undefined)) {
          throw this.error(
            `GitHub answered HTTP ${status}${afterColon(fields)} when asked to ${request.what}. The request may have been received, so it was not sent again.`,
            { ...fields, mayHaveBeenReceived: true },
          );
        }
        const delay = limited?.waitMs ?? backoffDelay(attempt, this.policy, this.deps.random);
        if (limited && delay > this.policy.maxRateLimitWaitMs) {
          const lifts = new Date(this.deps.now() + delay).toISOString().slice(11, 16);
          throw this.error(
            `GitHub's rate limit stops the request to ${request.what} (HTTP ${status}${afterColon(fields)}); it lifts in ${formatDuration(delay)}, at ${lifts} UTC. Run again after that.`,
            fields,
          );
        }
        if (!isLast) {
          const why = limited ? `rate limited, HTTP ${status}` : `HTTP ${status}`;
          await this.wait(delay, `Could not ${request.what} yet (${why})`, request, at, attempt);
          continue;
        }
      }
      const hint = request.hint?.(status);
      const verb = status >= 500 ? `GitHub failed to ${request.what}` : `GitHub refused to ${request.what}`;
      const tries = attempt > 1 ? `, after ${attempt} attempts` : '';
      throw this.error(
        `${verb} (HTTP ${status}${afterColon(fields)}${tries}).${hint ? ` ${hint}` : ''}`,
        fields,
      );
    }
  }

  /** Every item of a listing, following `Link: rel="next"` from page to page (100 items a page). */
  async paginate<T>(request: Pick<GitHubRequest, 'path' | 'query' | 'what' | 'hint'>): Promise<T[]> {
    const items: T[] = [];
    let page: Pick<GitHubRequest, 'path' | 'query'> | undefined = {
      path: request.path,
      query: { per_page: 100, ...request.query },
    };
    while (page) {
      // A next link carries its own query: the first page's is not applied to it again.
      const response = await this.request({
        method: 'GET',
        what: request.what,
        ...page,
        ...(request.hint ? { hint: request.hint } : {}),
      });
      if (!Array.isArray(response.body)) {
        throw this.error(`GitHub answered the request to ${request.what} with no list.`, {
          method: 'GET',
          path: this.url({ path: page.path }).pathname,
          status: response.status,
          attempts: response.attempts,
        });
      }
      items.push(...(response.body as T[]));
      const next = nextLink(response.headers.get('link'));
      page = next ? { path: next } : undefined;
    }
    return items;
  }

  private url(request: Pick<GitHubRequest, 'path' | 'query'>): URL {
    const absolute = /^https?:\/\//i.test(request.path);
    const url = new URL(absolute ? request.path : `${this.apiUrl}${request.path}`);
    // The token goes with every request: a link GitHub gave must not lead it anywhere else.
    if (absolute && !url.href.startsWith(`${this.apiUrl}/`)) {
      throw this.error(`GitHub gave a link outside ${this.apiUrl}; it is not followed with the token.`, {
        method: 'GET',
        path: url.pathname,
        attempts: 0,
      });
    }
    for (const [name, value] of Object.entries(request.query ?? {}))
      url.searchParams.set(name, String(value));
    return url;
  }

  /** One try, bounded by the request timeout and the run's deadline, the body read included. */
  private async send(url: URL, request: GitHubRequest): Promise<{ response: Response; text: string }> {
    const timeout = AbortSignal.timeout(this.policy.requestTimeoutMs);
    const signal = this.signal ? AbortSignal.any([timeout, this.signal]) : timeout;
    const attempt = (async () => {
      const response = await this.deps.fetch(url, {
        method: request.method,
        headers: {
          accept: 'application/vnd.github+json',
          authorization: `Bearer ${this.options.token}`,
          'user-agent': this.options.userAgent,
          'x-github-api-version': GITHUB_API_VERSION,
          ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
        signal,
      });
      return { response, text: await response.text() };
    })();
    const { deadline } = this.options;
    return deadline ? deadline.waitFor(`GitHub to ${request.what}`, attempt) : attempt;
  }

  private async wait(
    ms: number,
    why: string,
    request: GitHubRequest,
    at: Pick<GitHubApiErrorFields, 'method' | 'path'>,
    attempt: number,
  ): Promise<void> {
    this.deps.logger.info(`${this.redact(why)}; retrying in ${retryDelayText(ms)}.`);
    try {
      await this.deps.sleep(ms, this.signal);
    } catch (thrown) {
      this.throwIfStopped(request, at, attempt);
      throw thrown;
    }
  }

  /** The run stopped (its deadline passed, or it was cancelled): nothing is tried again. */
  private throwIfStopped(
    request: GitHubRequest,
    at: Pick<GitHubApiErrorFields, 'method' | 'path'>,
    attempts: number,
  ): void {
    if (!this.signal?.aborted) return;
    const reason = this.signal.reason as unknown;
    if (reason instanceof UserError) throw reason;
    throw this.error(`Could not ${request.what}: the run was stopped (${networkReason(reason)}).`, {
      ...at,
      attempts,
    });
  }

  /** Every error of the client is made here, so none can carry the token. */
  private error(message: string, fields: GitHubApiErrorFields): GitHubApiError {
    const { githubMessage } = fields;
    return new GitHubApiError(this.redact(message), {
      ...fields,
      ...(githubMessage === undefined ? {} : { githubMessage: this.redact(githubMessage) }),
    });
  }

  private redact(text: string): string {
    const { token } = this.options;
    return token ? text.replaceAll(token, '***') : text;
  }
}

/**
 * How long GitHub asks to wait when it rate-limited the request: 429, or a 403 that is a rate limit
 * (a secondary limit sends `Retry-After`; an exhausted primary limit `x-ratelimit-remaining: 0` and
 * the epoch second it resets at). `waitMs` is absent when GitHub named no time (back off then).
 */
function rateLimit(response: Response, now: number): { waitMs?: number } | undefined {
  const { status, headers } = response;
  const retryAfter = parseRetryAfter(headers.get('retry-after'), now);
  const exhausted = headers.get('x-ratelimit-remaining') === '0';
  if (status !== 429 && !(status === 403 && (retryAfter !== undefined || exhausted))) return undefined;
  if (retryAfter !== undefined) return { waitMs: retryAfter };
  const reset = Number(headers.get('x-ratelimit-reset'));
  if (exhausted && reset > 0) return { waitMs: Math.max(0, reset * 1000 - now) };
  return {};
}

/** The URL of `rel="next"` in a `Link` header, if any. */
export function nextLink(header: string | null): string | undefined {
  for (const part of header?.split(',') ?? []) {
    const match = /^\s*<([^>]+)>\s*;(.*)$/.exec(part);
    if (match && /\brel="?[^"]*\bnext\b/.test(match[2] ?? '')) return match[1];
  }
  return undefined;
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

function githubFields(body: unknown): Pick<GitHubApiErrorFields, 'githubMessage' | 'documentationUrl'> {
  const { message, documentation_url: documentationUrl } = (body ?? {}) as {
    message?: unknown;
    documentation_url?: unknown;
  };
  return {
    ...(typeof message === 'string' && message ? { githubMessage: message } : {}),
    ...(typeof documentationUrl === 'string' ? { documentationUrl } : {}),
  };
}

/** `: <GitHub's message>`, or nothing when it gave none. */
function afterColon({ githubMessage }: Pick<GitHubApiErrorFields, 'githubMessage'>): string {
  return githubMessage ? `: ${githubMessage}` : '';
}
