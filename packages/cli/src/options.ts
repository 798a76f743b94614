/**
 * The CLI edge of the option tables: argv and the environment parsed into a command's typed
 * options, errors said with flags and variables, `--help` written from the same rows.
 */
import { parseArgs } from 'node:util';
import {
  type AnyRow,
  booleanRow,
  closest,
  flagOf,
  OptionError,
  parseTable,
  type Redactor,
  renderDescription,
  type Table,
  type Values,
  type Vocabulary,
} from '@shipkit/runtime';
import type { Command } from './command';

export const PROGRAM = 'shipkit';

/** The options every command takes. */
export const COMMON_OPTIONS = {
  json: booleanRow({
    description:
      'Print the result as one JSON document on stdout (refusals and failures too); logs stay on stderr.',
    default: 'false',
  }),
  verbose: booleanRow({
    description: 'Log debug details too (requests, server facts, plans, timings); with errors, their stack.',
    default: 'false',
  }),
  help: booleanRow({ description: 'Show this help.', default: 'false' }),
};

/** A mistake on the command line: an unknown option, a missing value, an unexpected argument. */
export class UsageError extends OptionError {
  override name = 'UsageError';
  constructor(message: string) {
    super(undefined, message);
  }
}

/** Where each option's value came from, so a message names it the way the user gave it. */
type Origin = 'flag' | 'env';

/** How the CLI names an option: by the flag or the variable that gave it, or both when neither did. */
export function cliVocabulary(table: Table, origins: ReadonlyMap<string, Origin> = new Map()): Vocabulary {
  const name = (key: string): string => {
    const row = table[key];
    if (!row) return `--${key}`;
    const flag = flagOf(key, row);
    const origin = origins.get(key);
    if (origin === 'env' && row.env) return row.env;
    if (!flag) return row.env ?? key;
    if (origin === 'flag' || !row.env) return `--${flag}`;
    return `--${flag} (or ${row.env})`;
  };
  return { subject: name, reference: name };
}

/** A description as the CLI shows it: other options by their flag (or variable). */
export function cliDescription(table: Table, description: string): string {
  return renderDescription(description, (key) => {
    const row = table[key];
    const flag = row ? flagOf(key, row) : key;
    return flag ? `--${flag}` : (row?.env ?? key);
  });
}

export interface ParsedCommandLine<Tb extends Table> {
  options: Values<Tb>;
  common: Values<typeof COMMON_OPTIONS>;
  positionals: string[];
  vocabulary: Vocabulary;
  /** The options given, each by the flag or the variable that gave it (for `--verbose`). */
  given: string[];
}

/**
 * Parses a command's argv and environment once, against its table: flags first, then each row's
 * environment variable. Secrets go to the redactor before anything is parsed. Mistakes are
 * `UsageError`s that suggest what was probably meant; bad values are `OptionError`s.
 */
export function parseCommandLine<Tb extends Table>(
  command: Command<Tb>,
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  redactor: Redactor,
): ParsedCommandLine<Tb> {
  const table: Table = { ...command.options, ...COMMON_OPTIONS };
  const flags = new Map<string, { key: string; row: AnyRow }>();
  for (const [key, row] of Object.entries(table)) {
    const flag = flagOf(key, row);
    if (flag) flags.set(flag, { key, row });
  }
  const parsed = parseFlags(command, argv, flags);
  if (parsed.values.help !== true && parsed.positionals.length > 0 && !command.positionals) {
    const [first] = parsed.positionals;
    throw new UsageError(
      `${PROGRAM} ${command.name} takes no arguments, got '${first}' (options start with --). See \`${PROGRAM} ${command.name} --help\`.`,
    );
  }
  const origins = new Map<string, Origin>();
  const read = (key: string, row: AnyRow): string | undefined => {
    const flag = flagOf(key, row);
    const given = flag === undefined ? undefined : parsed.values[flag];
    if (given !== undefined) {
      origins.set(key, 'flag');
      if (Array.isArray(given)) return given.map(String).join('\n');
      return String(given);
    }
    const fromEnv = row.env ? env[row.env] : undefined;
    if (fromEnv) origins.set(key, 'env');
    return fromEnv;
  };
  const secret = (text: string) => redactor.add(text);
  const vocabulary = cliVocabulary(table, origins);
  const common = parseTable(COMMON_OPTIONS, { read });
  if (common.help) {
    return { options: {} as Values<Tb>, common, positionals: parsed.positionals, vocabulary, given: [] };
  }
  const options = parseTable(command.options, { read, secret });
  const given = [...origins.keys()].filter((key) => key in command.options).map(vocabulary.reference);
  return { options, common, positionals: parsed.positionals, vocabulary, given };
}

function parseFlags(
  command: Command,
  argv: readonly string[],
  flags: ReadonlyMap<string, { key: string; row: AnyRow }>,
) {
  try {
    return parseArgs({
      args: [...argv],
      options: Object.fromEntries(
        [...flags].map(([flag, { row }]) => [
          flag,
          {
            type: row.switch ? ('boolean' as const) : ('string' as const),
            ...(row.multiple ? { multiple: true } : {}),
            ...(flag === 'help' ? { short: 'h' } : {}),
          },
        ]),
      ),
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw usageError(command, error, flags);
  }
}

/** The option parser's complaint, in our words: what was wrong, and what was probably meant. */
function usageError(
  command: Command,
  error: unknown,
  flags: ReadonlyMap<string, { key: string; row: AnyRow }>,
): UsageError {
  const help = `See \`${PROGRAM} ${command.name} --help\`.`;
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown }).code;
  const named = /'(-[^' ]+)/.exec(message)?.[1] ?? '';
  const given = named.replace(/^-+/, '').replace(/=.*$/, '');
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    // An option may be tried by its action input's name too (`--mongodb-uri` for `--uri`).
    const spellings = new Map<string, string>();
    for (const flag of flags.keys()) spellings.set(flag, flag);
    for (const [flag, { key }] of flags) if (!spellings.has(key)) spellings.set(key, flag);
    const spelt = closest(given, [...spellings.keys()]);
    const near = spelt === undefined ? undefined : spellings.get(spelt);
    return new UsageError(
      `${PROGRAM} ${command.name} has no option ${named}${near ? ` — did you mean --${near}?` : '.'} ${help}`,
    );
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return /argument missing/.test(message)
      ? new UsageError(`--${given} needs a value. ${help}`)
      : new UsageError(`--${given} takes no value. ${help}`);
  }
  return new UsageError(`${message} ${help}`);
}

/** Wraps `text` at `width` columns, the lines after the first indented by `indent`. */
function wrap(text: string, width: number, indent: number): string {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && line.length + 1 + word.length > width - indent) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join(`\n${' '.repeat(indent)}`);
}

const HELP_WIDTH = 100;
const LABEL_WIDTH = 30;

/** `--flag <placeholder>` as the help lists it. */
function optionLabel(flag: string, row: AnyRow): string {
  const short = flag === 'help' ? '-h, ' : '';
  return `${short}--${flag}${row.switch ? '' : ` ${row.placeholder ?? '<value>'}`}`;
}

/** What the help says of one option: its description, then its default, variable and repeatability. */
function optionText(table: Table, row: AnyRow, withEnv: boolean): string {
  const notes = [
    row.required ? 'required' : '',
    row.default && !row.switch ? `default: ${row.default}` : '',
    withEnv && row.env ? `env: ${row.env}` : '',
    row.multiple ? 'repeatable' : '',
  ].filter(Boolean);
  return `${cliDescription(table, row.description)}${notes.length > 0 ? ` [${notes.join('; ')}]` : ''}`;
}

/** The command's `--help`, written from its table. */
export function commandHelp(command: Command, summary: string): string {
  const table: Table = { ...command.options, ...COMMON_OPTIONS };
  const rows = Object.entries(table);
  const flagged = rows.flatMap(([key, row]) => {
    const flag = flagOf(key, row);
    return flag ? [{ key, row, label: optionLabel(flag, row) }] : [];
  });
  const envOnly = rows.filter(([key, row]) => !flagOf(key, row) && row.env);
  // Labels longer than the column put their description on the next line.
  const width = Math.min(
    LABEL_WIDTH,
    Math.max(...flagged.map((o) => o.label.length), ...envOnly.map(([, row]) => row.env?.length ?? 0)),
  );
  const indent = width + 4;
  const entry = (label: string, text: string) =>
    label.length > width
      ? `  ${label}\n${' '.repeat(indent)}${wrap(text, HELP_WIDTH, indent)}`
      : `  ${label.padEnd(width)}  ${wrap(text, HELP_WIDTH, indent)}`;
  const lines = [
    `${PROGRAM} ${command.name} — ${summary}`,
    '',
    `Usage: ${PROGRAM} ${command.name} ${command.usage}`,
    '',
    'Options:',
    ...flagged.map(({ row, label }) => entry(label, optionText(table, row, true))),
  ];
  if (envOnly.length > 0) {
    lines.push('', 'Environment (kept off the command line):');
    for (const [, row] of envOnly) {
      lines.push(
        `  ${(row.env ?? '').padEnd(width)}  ${wrap(optionText(table, row, false), HELP_WIDTH, indent)}`,
      );
    }
  }
  if (command.details) lines.push('', command.details.trim());
  lines.push('', `Exit codes: see \`${PROGRAM} --help\`.`);
  return `${lines.join('\n')}\n`;
}
