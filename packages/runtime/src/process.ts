import { CancelledError } from './deadline';
import { cancelledExit } from './exit';

/** How long the work may take to stop after the first SIGINT/SIGTERM before the process ends anyway. */
export const SIGNAL_GRACE_MS = 10_000;
/**
 * Once the work is done (its output written, its clients closed), how long lingering sockets — a
 * connection to a server that stopped answering, which the MongoDB driver keeps until its own connect
 * timeout — may hold the process.
 */
export const EXIT_GRACE_MS = 500;
/**
 * A second signal this soon after the first is the same interruption delivered twice: a terminal's
 * Ctrl-C reaches every process of the foreground group, and `bin/shipkit.js` forwards it as well.
 */
const ECHO_MS = 500;

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

export interface ProcessOptions {
  /** Where notes about signals go; stderr by default. */
  note?: (line: string) => void;
  /**
   * End the process once the work is done, after `EXIT_GRACE_MS` at most, even if a socket to a
   * frozen server is still open. Default true; tests that run the work in-process turn it off.
   */
  exit?: boolean;
}

/**
 * Runs a process's work — a CLI command, an action's main — with SIGINT, SIGTERM and SIGHUP turned into
 * the AbortSignal it is given, and makes sure the process ends:
 *   - the first signal aborts the work, which stops cleanly (aborts its upload, writes no manifest);
 *   - a second signal, or `SIGNAL_GRACE_MS` without the work stopping, ends the process at once;
 *   - once the work is done the process exits, whatever the network still holds open.
 * A run stopped by a signal exits with 128 + the signal's number (130 for SIGINT, 143 for SIGTERM),
 * unless it had finished successfully anyway.
 */
export async function runProcess(
  work: (signal: AbortSignal) => Promise<number>,
  options: ProcessOptions = {},
): Promise<number> {
  const note = options.note ?? ((line: string) => process.stderr.write(`${line}\n`));
  const controller = new AbortController();
  let first: { signal: (typeof SIGNALS)[number]; at: number } | undefined;
  const onSignal = (signal: (typeof SIGNALS)[number]) => {
    const now = Date.now();
    if (!first) {
      first = { signal, at: now };
      note(`${signal} received: stopping (send it again to exit at once).`);
      controller.abort(new CancelledError(`Cancelled by ${signal}.`, signal));
      setTimeout(() => {
        note(`Still running ${SIGNAL_GRACE_MS / 1000}s after ${signal}: exiting.`);
        process.exit(cancelledExit(signal));
      }, SIGNAL_GRACE_MS).unref();
      return;
    }
    if (now - first.at < ECHO_MS) return;
    note(`${signal} received again: exiting now.`);
    process.exit(cancelledExit(first.signal));
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
  let code: number;
  try {
    code = await work(controller.signal);
  } finally {
    for (const signal of SIGNALS) process.off(signal, onSignal);
  }
  if (first && code !== 0) code = cancelledExit(first.signal);
  process.exitCode = code;
  if (options.exit !== false) {
    const exitCode = code;
    setTimeout(() => process.exit(exitCode), EXIT_GRACE_MS).unref();
  }
  return code;
}
