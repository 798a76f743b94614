import { setTimeout as delay } from 'node:timers/promises';
import { UserError } from './errors';
import { formatDuration } from './format';

/** The run was stopped from outside: SIGINT/SIGTERM to the CLI, or a cancelled workflow job. */
export class CancelledError extends UserError {
  override name = 'CancelledError';
  constructor(
    message: string,
    /** The signal that stopped the run, when one did. */
    readonly signal?: NodeJS.Signals,
  ) {
    super(message);
  }
}

/** The run's timeout passed. The message names what the run was still waiting for. */
export class DeadlineExceededError extends UserError {
  override name = 'DeadlineExceededError';
}

/**
 * How long a run may take to wind down once it was stopped (aborting an upload, closing clients)
 * before it gives up on whatever still has not noticed.
 */
export const STOP_GRACE_MS = 5_000;

/** The own deadline of a cleanup request sent after the run stopped, e.g. aborting a multipart upload. */
export const CLEANUP_TIMEOUT_MS = 3_000;

export interface DeadlineOptions {
  /** Names the run in messages: "backup", "integrity run", "listing". */
  run: string;
  /** The bound on the whole run; no bound when omitted (the run can still be cancelled). */
  timeoutMs?: number;
  /** Cancels the run from outside: the CLI's or the action's SIGINT/SIGTERM. */
  signal?: AbortSignal;
  now?: () => number;
}

/** One network call (or a download being read) that the run is waiting for. */
export interface Activity {
  /** Data moved: the wait is measured from now. */
  progress(): void;
  end(): void;
}

interface Waiting {
  what: string;
  since: number;
}

/**
 * The deadline of one run (a backup, a verification, a listing…): one AbortSignal that fires when the
 * timeout passes or the run is cancelled, handed to every network call the run makes. Calls say what
 * they are waiting for, so a run that times out names what hung instead of only saying it was slow.
 */
export class Deadline {
  readonly signal: AbortSignal;
  readonly timeoutMs: number | undefined;
  readonly #controller = new AbortController();
  readonly #run: string;
  readonly #now: () => number;
  readonly #waiting = new Set<Waiting>();
  readonly #parent: AbortSignal | undefined;
  readonly #onParentAbort = () => this.stop(this.#cancelled());
  #timer: NodeJS.Timeout | undefined;

  constructor(options: DeadlineOptions) {
    this.signal = this.#controller.signal;
    this.timeoutMs = options.timeoutMs;
    this.#run = options.run;
    this.#now = options.now ?? Date.now;
    this.#parent = options.signal;
    if (this.#parent?.aborted) this.stop(this.#cancelled());
    else this.#parent?.addEventListener('abort', this.#onParentAbort, { once: true });
    if (options.timeoutMs !== undefined && !this.stopped) {
      this.#timer = setTimeout(() => this.stop(this.#timedOut()), options.timeoutMs);
      this.#timer.unref();
    }
  }

  get stopped(): boolean {
    return this.signal.aborted;
  }

  /** Why the run stopped; undefined while it runs. */
  get reason(): Error | undefined {
    return this.stopped ? (this.signal.reason as Error) : undefined;
  }

  throwIfStopped(): void {
    if (this.stopped) throw this.signal.reason;
  }

  /** Stops the run now (the first reason wins): a stage failed and the others must not go on. */
  stop(reason: unknown): void {
    if (this.stopped) return;
    this.dispose();
    this.#controller.abort(reason instanceof Error ? reason : new Error(String(reason)));
  }

  /** Marks a wait on the network; call `end()` when it is over. */
  begin(what: string): Activity {
    const waiting: Waiting = { what, since: this.#now() };
    this.#waiting.add(waiting);
    return {
      progress: () => {
        waiting.since = this.#now();
      },
      end: () => {
        this.#waiting.delete(waiting);
      },
    };
  }

  /**
   * Waits for one network call. It rejects with the run's reason as soon as the run stops, even if
   * the call itself ignores the signal, so nothing the network does can hold the run past its end.
   */
  async waitFor<T>(what: string, work: Promise<T>): Promise<T> {
    this.throwIfStopped();
    const activity = this.begin(what);
    try {
      return await this.#race(work);
    } finally {
      activity.end();
    }
  }

  /**
   * Settles with `work`, or with the stop reason once `graceMs` has passed since the run stopped and
   * `work` still has not settled: the cleanup of a stopped run gets a short, bounded time.
   */
  async bound<T>(work: Promise<T>, graceMs = STOP_GRACE_MS): Promise<T> {
    work.catch(() => {});
    let onStop: (() => void) | undefined;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      onStop = () => {
        timer = setTimeout(() => reject(this.signal.reason), graceMs);
      };
      if (this.stopped) onStop();
      else this.signal.addEventListener('abort', onStop, { once: true });
    });
    try {
      return await Promise.race([work, late]);
    } finally {
      if (onStop) this.signal.removeEventListener('abort', onStop);
      clearTimeout(timer);
    }
  }

  /** Clears the timer once the run is over; it does not stop the run. */
  dispose(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#parent?.removeEventListener('abort', this.#onParentAbort);
  }

  #race<T>(work: Promise<T>): Promise<T> {
    let onAbort: (() => void) | undefined;
    const stopped = new Promise<never>((_, reject) => {
      onAbort = () => reject(this.signal.reason);
      this.signal.addEventListener('abort', onAbort, { once: true });
    });
    // A late failure of `work` after the run stopped must not surface as an unhandled rejection.
    work.catch(() => {});
    return Promise.race([work, stopped]).finally(() => {
      if (onAbort) this.signal.removeEventListener('abort', onAbort);
    });
  }

  #cancelled(): CancelledError {
    const reason = this.#parent?.reason as unknown;
    const signal = reason instanceof CancelledError ? reason.signal : undefined;
    return new CancelledError(`The ${this.#run} was cancelled${signal ? ` (${signal})` : ''}.`, signal);
  }

  #timedOut(): DeadlineExceededError {
    const within = `The ${this.#run} did not finish within its timeout (${formatDuration(this.timeoutMs ?? 0)})`;
    const now = this.#now();
    const oldest = [...this.#waiting].sort((a, b) => a.since - b.since);
    const first = oldest[0];
    if (!first) return new DeadlineExceededError(`${within}. Raise the timeout if the run is only slow.`);
    const others = oldest.length - 1;
    return new DeadlineExceededError(
      `${within}: still waiting for ${first.what}, silent for ${formatDuration(now - first.since)}` +
        `${others > 0 ? ` (and ${others} other request${others === 1 ? '' : 's'})` : ''}.`,
    );
  }
}

/**
 * Waits `ms` (timers/promises), ending early when `signal` fires: it then rejects with the signal's
 * reason (the run's CancelledError or DeadlineExceededError), not with a bare AbortError.
 */
export async function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  try {
    await delay(ms, undefined, signal ? { signal } : {});
  } catch (error) {
    throw signal?.aborted ? signal.reason : error;
  }
}
