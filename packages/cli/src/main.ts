import { parseArgs } from 'node:util';
import { errorMessage, Redactor, streamLogger, UserError } from '@shipkit/action-kit';
import type { Command, CommandContext, OptionSpec, ParsedArgs } from './command';
import { type CommandEntry, type CommandGroup, commands } from './commands';

export const PROGRAM = 'shipkit';

export interface CliIo {
  env?: Readonly<Record<string, string | undefined>>;
  cwd?: string;
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
  signal?: AbortSignal;
}

const COMMON_OPTIONS: Record<string, OptionSpec> = {
  json: { type: 'boolean', description: 'print the result as one JSON document on stdout' },
  verbose: { type: 'boolean', description: 'log debug details' },
  help: { type: 'boolean', short: 'h', description: 'show this help' },
};

export function commandHelp(command: Command, summary: string): string {
  const options = { ...command.options, ...COMMON_OPTIONS };
  const width = Math.max(...Object.entries(options).map(([name, spec]) => optionLabel(name, spec).length));
  const lines = [
    `${PROGRAM} ${command.name} — ${summary}`,
    '',
    `Usage: ${PROGRAM} ${command.name} ${command.usage}`,
    '',
    'Options:',
    ...Object.entries(options).map(
      ([name, spec]) =>
        `  ${optionLabel(name, spec).padEnd(width)}  ${spec.description}${spec.multiple ? ' (repeatable)' : ''}`,
    ),
  ];
  if (command.details) lines.push('', command.details.trim());
  return `${lines.join('\n')}\n`;
}

function optionLabel(name: string, spec: OptionSpec): string {
  const short = spec.short ? `-${spec.short}, ` : '';
  return `${short}--${name}${spec.type === 'string' ? ` ${spec.value ?? '<value>'}` : ''}`;
}

export function programHelp(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    `${PROGRAM} — verified MongoDB backups, restore drills, branch policy and Render deploys`,
    '',
    `Usage: ${PROGRAM} <command> [options]     (${PROGRAM} <command> --help for details)`,
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
  ].join('\n');
}

/** The help of a command made of subcommands (`shipkit atlas`): its subcommands and what they do. */
export function groupHelp(group: CommandGroup): string {
  const width = Math.max(...group.subcommands.map((c) => c.name.length));
  return [
    `${PROGRAM} ${group.name} — ${group.summary}`,
    '',
    `Usage: ${PROGRAM} ${group.name} <command> [options]     (${PROGRAM} ${group.name} <command> --help for details)`,
    '',
    'Commands:',
    ...group.subcommands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
  ].join('\n');
}

function parseCommandArgs(command: Command, argv: string[]): ParsedArgs {
  const options = { ...command.options, ...COMMON_OPTIONS };
  try {
    const parsed = parseArgs({
      args: argv,
      options: Object.fromEntries(
        Object.entries(options).map(([name, spec]) => [
          name,
          {
            type: spec.type,
            ...(spec.multiple ? { multiple: true } : {}),
            ...(spec.short ? { short: spec.short } : {}),
          },
        ]),
      ),
      allowPositionals: true,
      strict: true,
    });
    return { options: parsed.values as ParsedArgs['options'], positionals: parsed.positionals };
  } catch (error) {
    throw new UserError(`${errorMessage(error)} — see \`${PROGRAM} ${command.name} --help\`.`);
  }
}

/** Runs the CLI and returns the exit code; never throws, never prints a secret it was given. */
export async function main(argv: string[], io: CliIo = {}): Promise<number> {
  const redactor = new Redactor();
  const writeOut = io.stdout ?? ((text: string) => process.stdout.write(text));
  const writeErr = io.stderr ?? ((text: string) => process.stderr.write(text));
  const stdout = (text: string) => writeOut(redactor.redact(text));
  const stderr = (text: string) => writeErr(redactor.redact(text));

  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    stdout(programHelp());
    return name === undefined ? 2 : 0;
  }
  const found = commands.find((c) => c.name === name);
  if (!found) {
    stderr(`error: unknown command '${name}'. Commands: ${commands.map((c) => c.name).join(', ')}.\n`);
    return 2;
  }
  let entry: CommandEntry;
  let commandArgs = rest;
  if ('subcommands' in found) {
    const [sub, ...subRest] = rest;
    if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') {
      stdout(groupHelp(found));
      return sub === undefined ? 2 : 0;
    }
    const child = found.subcommands.find((c) => c.name === sub);
    if (!child) {
      stderr(
        `error: unknown command '${name} ${sub}'. Commands: ${found.subcommands.map((c) => c.name).join(', ')}.\n`,
      );
      return 2;
    }
    entry = child;
    commandArgs = subRest;
  } else {
    entry = found;
  }
  const command = await entry.load();
  let args: ParsedArgs;
  try {
    args = parseCommandArgs(command, commandArgs);
  } catch (error) {
    stderr(`error: ${errorMessage(error)}\n`);
    return 2;
  }
  if (args.options.help === true) {
    stdout(commandHelp(command, entry.summary));
    return 0;
  }
  const verbose = args.options.verbose === true;
  const context: CommandContext = {
    env: io.env ?? process.env,
    cwd: io.cwd ?? process.cwd(),
    json: args.options.json === true,
    stdout,
    logger: streamLogger(
      (line) => stderr(`${line}\n`),
      (t) => t,
      verbose,
    ),
    redactor,
    signal: io.signal ?? new AbortController().signal,
  };
  try {
    return await command.run(args, context);
  } catch (error) {
    const message = errorMessage(error);
    const stack =
      verbose && error instanceof Error && !(error instanceof UserError) ? `\n${error.stack}` : '';
    stderr(`error: ${message}${stack}\n`);
    return error instanceof UserError ? 2 : 1;
  }
}
