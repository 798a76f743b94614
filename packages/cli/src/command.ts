import type { Logger, Redactor } from '@shipkit/runtime';

export interface OptionSpec {
  type: 'string' | 'boolean';
  description: string;
  /** Shown in --help, e.g. "<url>". */
  value?: string;
  multiple?: boolean;
  short?: string;
}

export type ParsedOptions = Record<string, string | boolean | string[] | boolean[] | undefined>;

export interface ParsedArgs {
  options: ParsedOptions;
  positionals: string[];
}

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
  /** Resolves when the user interrupts (SIGINT/SIGTERM); long work should stop cleanly. */
  signal: AbortSignal;
}

export interface Command {
  name: string;
  /** Usage line after the program and command name, e.g. "--uri <uri> --to <url> [options]". */
  usage: string;
  options: Record<string, OptionSpec>;
  /** Extra help text: examples, notes. */
  details?: string;
  /** Returns the process exit code: 0 success, 1 a failed check or job, 2 bad usage. */
  run(args: ParsedArgs, context: CommandContext): Promise<number>;
}

/** A string option's value, or undefined. */
export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.options[name];
  return typeof value === 'string' ? value : undefined;
}

export function booleanOption(args: ParsedArgs, name: string): boolean {
  return args.options[name] === true;
}

export function listOption(args: ParsedArgs, name: string): string[] {
  const value = args.options[name];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' ? [value] : [];
}
