import { errorMessage, sleep as realSleep } from '@shipkit/runtime';
import type { OutgoingRequest } from './payloads';

/** How one request went: a failure is a warning for the run, never its failure. */
export interface Delivery {
  label: string;
  /** What was sent: an event name, or `heartbeat start`/`success`/`fail`. */
  what: string;
  delivered: boolean;
  attempts: number;
  /** The last HTTP status, when there was an answer. */
  status?: number;
  /** Why it was not delivered (no URL, no body). */
  error?: string;
}

export interface DeliveryOptions {
  /** Tries in all, the first included. Default 3. */
  attempts?: number;
  /** How long one try may take before it is abandoned. Default 10 s. */
  requestTimeoutMs?: number;
  /** The wait before the second try; doubled for each next one. Default 1 s. */
  backoffMs?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_ATTEMPTS = 3;
export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;
export const DEFAULT_BACKOFF_MS = 1_000;

/**
 * Sends one request with bounded retries: network errors, timeouts, 429 and 5xx are tried again
 * after a backoff; any other answer is final. Never throws: the outcome says what happened, and
 * never holds the URL (it carries a token).
 */
export async function deliver(
  request: OutgoingRequest,
  what: string,
  options: DeliveryOptions = {},
): Promise<Delivery> {
  const attempts = Math.max(1, options.attempts ?? DEFAULT_ATTEMPTS);
  const timeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const backoffMs = options.backoffMs ?? DEFAULT_BACKOFF_MS;
  const send = options.fetch ?? fetch;
  const wait = options.sleep ?? realSleep;
  const outcome: Delivery = { label: request.label, what, delivered: false, attempts: 0 };
  for (let attempt = 1; attempt <= attempts; attempt++) {
    if (attempt > 1) await wait(backoffMs * 2 ** (attempt - 2));
    outcome.attempts = attempt;
    let retry: boolean;
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
    } catch (error) {
      delete outcome.status;
      outcome.error = describeFailure(error, timeoutMs);
      retry = true;
    }
    if (!retry) break;
  }
  if (outcome.attempts > 1) outcome.error = `${outcome.error} (after ${outcome.attempts} tries)`;
  return outcome;
}

/** A network error in words that hold no URL. */
function describeFailure(error: unknown, timeoutMs: number): string {
  const { name } = (error ?? {}) as { name?: unknown };
  if (name === 'TimeoutError' || name === 'AbortError')
    return `no answer within ${Math.round(timeoutMs / 1000)}s`;
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (cause && typeof cause.code === 'string') return `could not connect (${cause.code})`;
  // fetch's own messages ("fetch failed", "bad port") name no URL; anything longer is cut short to be safe.
  const message = (error as { message?: unknown }).message;
  const text = typeof message === 'string' ? message : errorMessage(error);
  const detail = cause && typeof cause.message === 'string' ? `: ${cause.message}` : '';
  return `${text}${detail}`.split('\n')[0]?.slice(0, 120) ?? 'failed';
}
