import type { Logger, Redactor, Table, Values } from '@shipkit/runtime';

/** What a command may touch: injected so tests run commands in-process and read what they printed. */
export interface CommandContext {
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** Machine-readable output was asked for (`--json`): print one JSON document on stdout, logs on stderr. */
  json: boolean;
  /** Results go to stdout (already redacted); progress and logs go to the logger (stderr). */
  stdout(text: string): void;
  logger: Logger;
  /** Every secret a command reads (URIs, keys) is added here so nothing it prints can leak it. */
  redactor: Redactor;
  /** Fires when the user interrupts (SIGINT/SIGTERM); long work should stop cleanly. */
  signal: AbortSignal;
  /** In [0, 1): the one source of chance (the drill's choice of an older backup). */
  random: () => number;
}

/** A command's input: every option of its table parsed once, and its positional arguments. */
export interface CommandInput<Tb extends Table> {
  options: Values<Tb>;
  positionals: string[];
}

export interface Command<Tb extends Table = Table> {
  name: string;
  /** Usage line after the program and command name, e.g. "--uri <uri> --to <url> [options]". */
  usage: string;
  /** Every option, declared once: parsing, `--help` and docs/cli.md come from it. */
  options: Tb;
  /** What the positional arguments are, e.g. '<name>'; a command without it takes none. */
  positionals?: string;
  /** Extra help text: examples, notes. */
  details?: string;
  /** Returns the exit code (`EXIT` of @shipkit/runtime). */
  run(input: CommandInput<Tb>, context: CommandContext): Promise<number>;
}

/** Declares a command, keeping its table's types for `run`. */
export function command<const Tb extends Table>(spec: Command<Tb>): Command<Tb> {
  return spec;
}
