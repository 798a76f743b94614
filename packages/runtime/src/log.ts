/** What core code logs through; the action maps it onto the runner, the CLI onto stderr. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  debug(message: string): void;
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {}, debug() {} };

/** A logger that writes lines to a stream after removing secrets. */
export function streamLogger(
  write: (line: string) => void,
  redact: (text: string) => string = (t) => t,
  debug = false,
): Logger {
  const line = (prefix: string) => (message: string) => write(redact(`${prefix}${message}`));
  return {
    info: line(''),
    warn: line('warning: '),
    error: line('error: '),
    debug: debug ? line('debug: ') : () => {},
  };
}

/** Lines kept in memory, for tests. */
export class MemoryLogger implements Logger {
  readonly lines: string[] = [];
  info(message: string): void {
    this.lines.push(message);
  }
  warn(message: string): void {
    this.lines.push(`warning: ${message}`);
  }
  error(message: string): void {
    this.lines.push(`error: ${message}`);
  }
  debug(message: string): void {
    this.lines.push(`debug: ${message}`);
  }
  get text(): string {
    return this.lines.join('\n');
  }
}
