import {
  closest,
  EXIT,
  errorMessage,
  exitCodeOf,
  formatDuration,
  messageIn,
  OptionError,
  outcomeOf,
  Redactor,
  streamLogger,
  UserError,
  type Vocabulary,
} from '@shipkit/runtime';
import type { CommandContext } from './command';
import { commands, GROUPS, groupCommands } from './commands';
import { cliVocabulary, commandHelp, PROGRAM, parseCommandLine, UsageError } from './options';
import { SUITE_PACKAGE } from './suite';

export { commandHelp, PROGRAM } from './options';

export interface CliIo {
  env?: Readonly<Record<string, string | undefined>>;
  cwd?: string;
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
  signal?: AbortSignal;
  /** In [0, 1); Math.random unless a test fixes it. */
  random?: () => number;
}

/** The exit codes, as `shipkit --help` and docs/cli.md list them. */
export const EXIT_CODES: readonly [code: string, meaning: string][] = [
  [String(EXIT.ok), 'ok: the command did what was asked, its check passed'],
  [
    String(EXIT.failed),
    'failed: a check or the job failed (a verification mismatch, stale backups, a deploy that did not go live, a missed drill target, a policy violation), or an unexpected error',
  ],
  [
    String(EXIT.refused),
    'refused: bad usage (an unknown option, a bad or missing value), or something to fix first (a server that cannot be reached or stops answering, a damaged backup, a target that holds data); nothing was done as asked',
  ],
  [
    String(EXIT.anomaly),
    'anomaly: the backup was written, but its data collapsed compared with the previous one (see --anomaly-drop); retention keeps the backup from before it until ack-anomaly',
  ],
  ['130, 143', 'cancelled by SIGINT (Ctrl-C) or SIGTERM (128 + the signal number)'],
];

export function programHelp(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const codeWidth = Math.max(...EXIT_CODES.map(([code]) => code.length));
  return [
    `${PROGRAM} — verified MongoDB backups, restore drills, branch policy and Render deploys`,
    '',
    `Usage: ${PROGRAM} <command> [options]     (${PROGRAM} <command> --help for details)`,
    `       ${PROGRAM} --version`,
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Exit codes (every command):',
    ...EXIT_CODES.map(([code, meaning]) => `  ${code.padEnd(codeWidth)}  ${meaning}`),
    '',
  ].join('\n');
}

/** The help of a group of commands (`shipkit atlas`): the commands whose name starts with its name. */
export function groupHelp(group: string): string {
  const members = groupCommands(group).map((c) => ({ ...c, name: c.name.slice(group.length + 1) }));
  const width = Math.max(...members.map((c) => c.name.length));
  const summary = GROUPS[group];
  return [
    `${PROGRAM} ${group}${summary ? ` — ${summary}` : ''}`,
    '',
    `Usage: ${PROGRAM} ${group} <command> [options]     (${PROGRAM} ${group} <command> --help for details)`,
    '',
    'Commands:',
    ...members.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
  ].join('\n');
}

/** Runs the CLI and returns the exit code; never throws, never prints a secret it was given. */
export async function main(argv: string[], io: CliIo = {}): Promise<number> {
  const redactor = new Redactor();
  const writeOut = io.stdout ?? ((text: string) => process.stdout.write(text));
  const writeErr = io.stderr ?? ((text: string) => process.stderr.write(text));
  const stdout = (text: string) => writeOut(redactor.redact(text));
  const stderr = (text: string) => writeErr(redactor.redact(text));
  // Known before anything is parsed, so that even a mistake on the command line answers in JSON.
  let json = argv.includes('--json');
  let verbose = argv.includes('--verbose');
  let vocabulary: Vocabulary = cliVocabulary({});

  /** The error on stderr, and with --json a document on stdout saying how the command ended. */
  const fail = (error: unknown, code = exitCodeOf(error)): number => {
    const message = messageIn(error, vocabulary, errorMessage);
    const stack =
      verbose && error instanceof Error && !(error instanceof UserError) ? `\n${error.stack}` : '';
    stderr(`error: ${message}${stack}\n`);
    if (json) {
      const option = error instanceof OptionError && error.key ? vocabulary.reference(error.key) : undefined;
      const document = {
        ok: false,
        exitCode: code,
        outcome: outcomeOf(code),
        error: message,
        ...(option ? { option } : {}),
      };
      stdout(`${JSON.stringify(document, null, 2)}\n`);
    }
    return code;
  };

  const [name, ...rest] = argv;
  if (name === '--version' || name === '-V' || name === 'version') {
    stdout(
      json
        ? `${JSON.stringify({ version: SUITE_PACKAGE.version })}\n`
        : `${PROGRAM} ${SUITE_PACKAGE.version}\n`,
    );
    return EXIT.ok;
  }
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    stdout(programHelp());
    return name === undefined ? EXIT.refused : EXIT.ok;
  }
  const [word, ...afterWord] = rest;
  const subcommand = word ? commands.find((c) => c.name === `${name} ${word}`) : undefined;
  const args = subcommand ? afterWord : rest;
  const entry = subcommand ?? commands.find((c) => c.name === name);
  if (!entry && groupCommands(name).length > 0) {
    // A group's name alone (`shipkit atlas`): its commands, or which one was not found.
    if (word === undefined || word === '--help' || word === '-h' || word === 'help') {
      stdout(groupHelp(name));
      return word === undefined ? EXIT.refused : EXIT.ok;
    }
    const names = groupCommands(name).map((c) => c.name.slice(name.length + 1));
    return fail(new UsageError(`unknown command '${name} ${word}'. Commands: ${names.join(', ')}.`));
  }
  if (!entry) {
    const near = closest(
      name,
      commands.map((c) => c.name),
    );
    return fail(
      new UsageError(
        `unknown command '${name}'${near ? ` — did you mean '${near}'?` : '.'} Commands: ${commands.map((c) => c.name).join(', ')}.`,
      ),
    );
  }
  const command = await entry.load();
  const env = io.env ?? process.env;
  let parsed: ReturnType<typeof parseCommandLine>;
  try {
    parsed = parseCommandLine(command, args, env, redactor);
  } catch (error) {
    vocabulary = cliVocabulary({ ...command.options });
    return fail(error);
  }
  vocabulary = parsed.vocabulary;
  if (parsed.common.help) {
    stdout(commandHelp(command, entry.summary));
    return EXIT.ok;
  }
  verbose = parsed.common.verbose;
  json = parsed.common.json;
  const context: CommandContext = {
    env,
    cwd: io.cwd ?? process.cwd(),
    json,
    stdout,
    logger: streamLogger(
      (line) => stderr(`${line}\n`),
      (t) => t,
      verbose,
    ),
    redactor,
    signal: io.signal ?? new AbortController().signal,
    random: io.random ?? Math.random,
  };
  context.logger.debug(
    `${PROGRAM} ${SUITE_PACKAGE.version} ${command.name}: options given ${parsed.given.join(', ') || 'none'}; the others take their defaults`,
  );
  const startedAt = Date.now();
  let code: number;
  try {
    code = await command.run({ options: parsed.options, positionals: parsed.positionals }, context);
  } catch (error) {
    code = fail(error);
  }
  context.logger.debug(
    `${command.name} ended (${outcomeOf(code)}, exit code ${code}) after ${formatDuration(Date.now() - startedAt)}`,
  );
  return code;
}
