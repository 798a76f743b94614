import {
  errorMessage,
  type Logger,
  messageIn,
  type ProcessOptions,
  parseTable,
  Redactor,
  runProcess,
  type Table,
  UserError,
  type Values,
  type Vocabulary,
} from '@shipkit/runtime';
import * as core from './runner';

/** Secrets registered with the runner for masking, and removed from anything we print ourselves. */
export const secrets = new Redactor((form) => core.setSecret(form));

/** Registers every spelling of a secret (URI, password, percent-encoded password, user:password). */
export function maskSecret(value: string | undefined): void {
  secrets.add(value);
}

/** An action names options by their inputs: `Input 'compression-level' must be…`. */
export const actionVocabulary: Vocabulary = {
  subject: (key) => `Input '${key}'`,
  reference: (key) => `'${key}'`,
};

/** Where inputs come from: the runner passes each as `INPUT_<NAME>` (spaces → `_`, upper case). */
export type InputSource = Readonly<Record<string, string | undefined>>;

export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/**
 * Reads every input of an action's table from the runner into one typed object. Secrets are
 * masked before anything parses them; an input left empty takes the table's default (which
 * action.yml declares too, being generated from it).
 */
export function readInputs<const Tb extends Table>(table: Tb, env: InputSource = process.env): Values<Tb> {
  return parseTable(table, { read: (key) => env[inputEnvName(key)], secret: maskSecret });
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
  const message = messageIn(thrown, actionVocabulary, errorMessage);
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
