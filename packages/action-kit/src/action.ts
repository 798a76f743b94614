import { errorMessage, UserError } from './errors';
import type { Logger } from './log';
import { type ProcessOptions, runProcess } from './process';
import * as core from './runner';
import { Redactor } from './secrets';

/** Secrets registered with the runner for masking, and removed from anything we print ourselves. */
export const secrets = new Redactor((form) => core.setSecret(form));

/** Registers every spelling of a secret (URI, password, percent-encoded password, user:password). */
export function maskSecret(value: string | undefined): void {
  secrets.add(value);
}

export const actionLogger: Logger = {
  info: (message) => core.info(secrets.redact(message)),
  warn: (message) => core.warning(secrets.redact(message)),
  error: (message) => core.error(secrets.redact(message)),
  debug: (message) => core.debug(secrets.redact(message)),
};

export function setOutputs(outputs: Record<string, string | number | boolean>): void {
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, secrets.redact(String(value)));
}

export async function writeSummary(markdown: string): Promise<void> {
  await core.appendSummary(secrets.redact(markdown));
}

/** The message shown when an action fails: clean, redacted, with the stack only under RUNNER_DEBUG=1. */
export function failureMessage(thrown: unknown, debug = process.env.RUNNER_DEBUG === '1'): string {
  const message = errorMessage(thrown);
  const stack =
    debug && thrown instanceof Error && !(thrown instanceof UserError) ? `\n${thrown.stack ?? ''}` : '';
  return secrets.redact(`${message}${stack}`);
}

/**
 * Runs an action's main function: any thrown value — Error, string, object, undefined — becomes
 * `core.setFailed` with a clean message and exit code 1. Call it from the entry file only, so that
 * importing the action's modules runs nothing.
 *
 * A cancelled job gets SIGINT, then SIGTERM 7.5 s later: `main` is handed an AbortSignal that the
 * first one fires, so it stops its work (aborts an upload, closes its clients) while the runner
 * waits; the second ends the process. Once `main` is done the process exits even if a socket to a
 * server that stopped answering is still open.
 */
export async function run(
  main: (signal: AbortSignal) => Promise<void>,
  options: ProcessOptions = {},
): Promise<void> {
  await runProcess(
    async (signal) => {
      try {
        await main(signal);
        return 0;
      } catch (thrown) {
        core.setFailed(failureMessage(thrown));
        return 1;
      }
    },
    { note: (line) => core.info(line), ...options },
  );
}
