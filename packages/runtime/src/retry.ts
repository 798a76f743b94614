import { errorMessage } from './errors';

/**
 * The one retry policy of every HTTP client (Render, GitHub): how often, how long between tries, and how
 * long one try may take. Each client decides what may be resent; the timing is the same for all.
 */
export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A hung connection must not outlive the run: one try is aborted after this long. */
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

/** Methods a server must treat the same however often they arrive (RFC 9110 §9.2.2). */
const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);

export const isIdempotentMethod = (method: string): boolean => IDEMPOTENT_METHODS.has(method.toUpperCase());

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
export function neverSent(thrown: unknown): boolean {
  const code = (thrown as { cause?: { code?: unknown } } | null)?.cause?.code;
  return typeof code === 'string' && NOT_SENT_CODES.has(code);
}

/** A failed attempt: what fetch threw, or the HTTP status the server answered. */
export type FailedAttempt = { thrown: unknown } | { status: number };

/**
 * The resend decision shared by the HTTP clients: whether a failed attempt may be sent again as it is.
 * A request safe to repeat (`idempotent`, by default the idempotent methods) always may. One that changes
 * something only when the server certainly did not act on it: nothing was sent, or it answered a status
 * that says it processed nothing (`unprocessed`, 429 by default). After a 5xx, a timeout or a dropped
 * connection it may have acted, and sending it again could do the thing twice: the caller reconciles.
 */
export function mayResend(
  request: { method: string; idempotent?: boolean },
  failure: FailedAttempt,
  unprocessed: (status: number) => boolean = (status) => status === 429,
): boolean {
  if (request.idempotent ?? isIdempotentMethod(request.method)) return true;
  if ('status' in failure) return unprocessed(failure.status);
  return neverSent(failure.thrown);
}

/** Why a fetch threw: a timeout, a socket error code (ECONNREFUSED…) or the message. Duck-typed, as errors from another realm fail `instanceof`. */
export function networkReason(thrown: unknown): string {
  const error = (typeof thrown === 'object' && thrown !== null ? thrown : {}) as {
    name?: unknown;
    message?: unknown;
    cause?: { code?: unknown; message?: unknown };
  };
  if (error.name === 'TimeoutError') return 'no response in time';
  const code = error.cause?.code;
  if (code === 'UND_ERR_SOCKET' || code === 'ECONNRESET') return `the connection dropped (${code})`;
  const reason = code ?? error.cause?.message ?? error.message;
  return typeof reason === 'string' && reason ? reason : errorMessage(thrown);
}

/** A wait as log lines say it: "1.5s", "42s". */
export function retryDelayText(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)}s`;
}
