import { CancelledError } from './deadline';
import { UserError } from './errors';

/**
 * The exit codes of every command, the same everywhere (docs/cli.md lists them):
 *   0    ok: the command did what was asked, its check passed;
 *   1    failed: the command ran and its check or its job failed (a verification found a mismatch,
 *        backups are stale, a deploy did not go live, a drill missed a target, a policy violation),
 *        or an unexpected error;
 *   2    refused: nothing was done as asked — bad usage (an unknown option, a bad value, a missing
 *        one) or something to fix first (a server that cannot be reached or stops answering within
 *        the timeout, a damaged backup, a target that holds data, a restore not confirmed);
 *   3    anomaly: the backup was written, but its data collapsed compared with the previous one (the
 *        anomaly guard); retention keeps the backup from before it until `shipkit ack-anomaly`;
 *   128+n cancelled by signal n: 130 for SIGINT (Ctrl-C), 143 for SIGTERM, 129 for SIGHUP.
 */
export const EXIT = { ok: 0, failed: 1, refused: 2, anomaly: 3 } as const;

export type Outcome = keyof typeof EXIT | 'cancelled';

const SIGNAL_NUMBERS: Partial<Record<NodeJS.Signals, number>> = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };

/** The exit code of a run stopped by `signal` (SIGINT when it is not known). */
export function cancelledExit(signal: NodeJS.Signals = 'SIGINT'): number {
  return 128 + (SIGNAL_NUMBERS[signal] ?? 2);
}

/** The exit code of a command that threw. */
export function exitCodeOf(thrown: unknown): number {
  if (thrown instanceof CancelledError) return cancelledExit(thrown.signal);
  return thrown instanceof UserError ? EXIT.refused : EXIT.failed;
}

/** What an exit code says, in a word (for `--json`). */
export function outcomeOf(code: number): Outcome {
  if (code >= 128) return 'cancelled';
  const found = (Object.keys(EXIT) as (keyof typeof EXIT)[]).find((key) => EXIT[key] === code);
  return found ?? 'failed';
}
