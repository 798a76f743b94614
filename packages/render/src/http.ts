import {
  backoffDelay,
  DEFAULT_RETRY,
  type Logger,
  mayResend,
  networkReason,
  OptionError,
  type OptionText,
  parseRetryAfter,
  type RetryPolicy,
  retryDelayText as seconds,
  silentLogger,
  sleep,
} from '@shipkit/runtime';

export {
  backoffDelay,
  DEFAULT_RETRY,
  type FailedAttempt,
  mayResend,
  networkReason,
  parseRetryAfter,
  type RetryPolicy,
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
 * That decision is the one shared with the other clients (`@shipkit/runtime`): a read or a cancel may
 * always be sent again; a request that changes something (create a deploy, roll back, fire a deploy hook)
 * only when Render certainly did not act on it: nothing was sent, or Render answered 429. After a 5xx, a
 * timeout or a dropped connection it may have started a deploy, and the caller reconciles instead (see
 * `startDeployOnce` in client.ts).
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
