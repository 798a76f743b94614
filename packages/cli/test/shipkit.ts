/**
 * Runs the CLI in-process through its injectable entry, `main(argv, io)` — the option parsing,
 * redaction and exit codes users get — and keeps everything it printed.
 */
import { type CliIo, main } from '../src/main';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout and stderr together, for "this value appears nowhere" assertions. */
  everything: string;
}

/** `shipkit <argv>` with the environment given (none by default: tests never read the real one). */
export async function shipkit(argv: string[], io: Omit<CliIo, 'stdout' | 'stderr'> = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    env: {},
    ...io,
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  });
  return { code, stdout, stderr, everything: `${stdout}\n${stderr}` };
}
