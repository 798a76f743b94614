/**
 * Runs one command in-process the way `main` does (same option parsing, redacted stdout and stderr),
 * without loading the other commands, and keeps everything it printed.
 */
import { parseArgs } from 'node:util';
import { Redactor, streamLogger } from '@shipkit/runtime';
import type { Command, CommandContext, ParsedArgs } from '../src/command';

export interface CommandRun {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout and stderr together, for "this value appears nowhere" assertions. */
  everything: string;
}

export async function runCommand(
  command: Command,
  argv: string[],
  io: { env?: Record<string, string | undefined>; cwd?: string } = {},
): Promise<CommandRun> {
  const redactor = new Redactor();
  let stdout = '';
  let stderr = '';
  const options = {
    ...command.options,
    json: { type: 'boolean' as const, description: '' },
    verbose: { type: 'boolean' as const, description: '' },
  };
  const parsed = parseArgs({
    args: argv,
    options: Object.fromEntries(Object.entries(options).map(([name, spec]) => [name, { type: spec.type }])),
    allowPositionals: true,
    strict: true,
  });
  const args: ParsedArgs = {
    options: parsed.values as ParsedArgs['options'],
    positionals: parsed.positionals,
  };
  const context: CommandContext = {
    env: io.env ?? {},
    cwd: io.cwd ?? process.cwd(),
    json: args.options.json === true,
    stdout: (text) => {
      stdout += redactor.redact(text);
    },
    logger: streamLogger((line) => {
      stderr += `${redactor.redact(line)}\n`;
    }),
    redactor,
    signal: new AbortController().signal,
  };
  let code: number;
  try {
    code = await command.run(args, context);
  } catch (error) {
    stderr += `error: ${redactor.redact(error instanceof Error ? error.message : String(error))}\n`;
    code = (error as Error).name === 'UserError' ? 2 : 1;
  }
  return { code, stdout, stderr, everything: `${stdout}\n${stderr}` };
}
