import {
  errorMessage,
  type Logger,
  OptionError,
  type OptionText,
  silentLogger,
  sleep,
} from '@shipkit/runtime';

/** Everything that touches the network or the clock, injected so tests neither wait nor go online. */
export interface HttpDeps {
  fetch: typeof globalThis.fetch;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  /** In [0, 1); spreads retries of concurrent jobs apart. */
  random: () => number;
  logger: Logger;
  /** Cancels requests in flight (SIGINT/SIGTERM, a cancelled job); nothing is retried after it fired. */
  signal?: AbortSignal;
}

export const realHttpDeps = (): HttpDeps => ({
  fetch: globalThis.fetch,
  sleep: (ms) => sleep(ms),
  now: Date.now,
  random: Math.random,
  logger: silentLogger,
});

export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A hung connection must not outlive the deploy timeout. */
  requestTimeoutMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 6,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  requestTimeoutMs: 30_000,
};

/**
 * Exponential backoff with "equal jitter": the delay for retry n lies between half and all of
 * base·2ⁿ⁻¹ (capped), so parallel jobs spread out yet none retries immediately.
 */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** `Retry-After` as delta-seconds or an HTTP date → milliseconds to wait; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null | undefined, now: number): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * An error from Render's API that the user can act on; `status` is the HTTP status when there was
 * one. It may name the option at fault (`option`) and others (`ref`), in the words of the edge.
 */
export class RenderApiError extends OptionError {
  override name = 'RenderApiError';
  constructor(
    message: string | OptionText,
    readonly status?: number,
    readonly code?: string,
    option?: string,
  ) {
    super(option, message);
  }
}

export interface HttpRequest {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  /** What the request does, for log lines and errors; must not contain secrets. */
  what: string;
  /** Safe to send more than once (reads, a cancel). Default: GET only; see {@link mayResend}. */
  idempotent?: boolean;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  text: string;
  /** How many tries it took. */
  attempts: number;
}

const isRetryableStatus = (status: number) => status === 429 || status >= 500;

/**
 * Socket errors raised before a request is written: the connection was refused, the host could not be
 * reached or its name did not resolve. Anything else (a reset, a timeout) may come after Render got it.
 */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** A failed attempt: what fetch threw, or the HTTP status Render answered. */
export type FailedAttempt = { thrown: unknown } | { status: number };

/**
 * The retry decision, for every request this package sends: whether a failed attempt may be sent
 * again as it is. A read or a cancel may always be. A request that changes something (create a deploy,
 * roll back, fire a deploy hook) only when Render certainly did not act on it: nothing was sent
 * (connection refused, no such host), or Render answered 429, which says it processed nothing. After
 * a 5xx, a timeout or a dropped connection it may have started a deploy, and sending the request again
 * would start a second one: the caller reconciles instead (see `startDeployOnce` in client.ts).
 */
export function mayResend(
  request: Pick<HttpRequest, 'method' | 'idempotent'>,
  failure: FailedAttempt,
): boolean {
  if (request.idempotent ?? request.method === 'GET') return true;
  if ('status' in failure) return failure.status === 429;
  const code = (failure.thrown as { cause?: { code?: unknown } } | null)?.cause?.code;
  return typeof code === 'string' && NOT_SENT_CODES.has(code);
}

/**
 * A request that changes something failed in a way Render may have acted on (see {@link mayResend}); it
 * was not sent again. `attempts` counts the tries made.
 */
export class MaybeReceivedError extends RenderApiError {
  override name = 'MaybeReceivedError';
  constructor(
    message: string,
    readonly attempts: number,
    status?: number,
  ) {
    super(message, status);
  }
}

/**
 * Sends a request, retrying with backoff (429 after `Retry-After`) the failures {@link mayResend} allows.
 * Returns the last response whatever its status (the caller turns statuses into errors); throws when the
 * server could not be reached at all, and a {@link MaybeReceivedError} when a request that changes
 * something may have been received and so is not retried.
 */
export async function sendWithRetry(
  request: HttpRequest,
  deps: HttpDeps,
  policy: RetryPolicy = DEFAULT_RETRY,
): Promise<HttpResponse> {
  for (let attempt = 1; ; attempt++) {
    const isLast = attempt >= policy.attempts;
    let response: Response;
    try {
      response = await deps.fetch(request.url, {
        method: request.method,
        headers: request.headers,
        ...(request.body === undefined ? {} : { body: request.body }),
        signal: deps.signal
          ? AbortSignal.any([AbortSignal.timeout(policy.requestTimeoutMs), deps.signal])
          : AbortSignal.timeout(policy.requestTimeoutMs),
      });
    } catch (thrown) {
      if (deps.signal?.aborted) throw deps.signal.reason;
      const reason = networkReason(thrown);
      if (!mayResend(request, { thrown })) {
        throw new MaybeReceivedError(
          `Could not ${request.what}: ${reason} (the request may have reached Render).`,
          attempt,
        );
      }
      if (isLast) {
        throw new RenderApiError(`Could not ${request.what}: ${reason} (after ${attempt} attempts).`);
      }
      const delay = backoffDelay(attempt, policy, deps.random);
      deps.logger.info(`Could not ${request.what} (${reason}); retrying in ${seconds(delay)}.`);
      await deps.sleep(delay);
      continue;
    }
    const text = await response.text().catch(() => '');
    if (!isRetryableStatus(response.status)) {
      return { status: response.status, headers: response.headers, text, attempts: attempt };
    }
    if (!mayResend(request, { status: response.status })) {
      const { message } = renderMessage(text);
      throw new MaybeReceivedError(
        `Render answered HTTP ${response.status} when asked to ${request.what}${message ? ` (${message})` : ''}.`,
        attempt,
        response.status,
      );
    }
    if (isLast) return { status: response.status, headers: response.headers, text, attempts: attempt };
    const retryAfter =
      response.status === 429 ? parseRetryAfter(response.headers.get('retry-after'), deps.now()) : undefined;
    const delay = retryAfter ?? backoffDelay(attempt, policy, deps.random);
    const why = response.status === 429 ? 'rate limited (HTTP 429)' : `HTTP ${response.status}`;
    deps.logger.info(`Could not ${request.what} yet (${why}); retrying in ${seconds(delay)}.`);
    await deps.sleep(delay);
  }
}

/** Why a fetch threw: a timeout, a socket error code (ECONNREFUSED…) or the message. Duck-typed, as errors from another realm fail `instanceof`. */
export function networkReason(thrown: unknown): string {
  const error = (typeof thrown === 'object' && thrown !== null ? thrown : {}) as {
    name?: unknown;
    message?: unknown;
    cause?: { code?: unknown; message?: unknown };
  };
  if (error.name === 'TimeoutError') return 'no response in time';
  const reason = error.cause?.code ?? error.cause?.message ?? error.message;
  return typeof reason === 'string' && reason ? reason : errorMessage(thrown);
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)}s`;
}

/** `{message}` of Render's error body, or the body text itself (shortened). */
export function renderMessage(text: string): { message?: string; code?: string } {
  try {
    const body = JSON.parse(text) as { message?: unknown; code?: unknown } | string;
    if (typeof body === 'string') return body ? { message: body } : {};
    if (typeof body !== 'object' || body === null) return {};
    return {
      ...(typeof body.message === 'string' && body.message ? { message: body.message } : {}),
      ...(typeof body.code === 'string' && body.code ? { code: body.code } : {}),
    };
  } catch {
    const trimmed = text.trim();
    return trimmed ? { message: trimmed.length > 200 ? `${trimmed.slice(0, 200)}…` : trimmed } : {};
  }
}
