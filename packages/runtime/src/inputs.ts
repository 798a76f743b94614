import { UserError } from './errors';

/** Where inputs come from: the runner passes each as `INPUT_<NAME>` (spaces → `_`, upper case). */
export type InputSource = Readonly<Record<string, string | undefined>>;

export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/** The trimmed value of an input, or '' when it is not set. */
export function readInput(name: string, env: InputSource = process.env): string {
  return (env[inputEnvName(name)] ?? '').trim();
}

export function requiredInput(name: string, env: InputSource = process.env): string {
  const value = readInput(name, env);
  if (value === '') throw new UserError(`Input '${name}' is required but was not given.`);
  return value;
}

const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];

/** Only the YAML 1.2 core-schema spellings count: anything else is an error, never silently false. */
export function parseBoolean(name: string, raw: string): boolean {
  if (TRUE.includes(raw)) return true;
  if (FALSE.includes(raw)) return false;
  throw new UserError(`Input '${name}' must be a boolean (true or false), got '${raw}'.`);
}

export function parseEnum<const T extends string>(name: string, raw: string, allowed: readonly T[]): T {
  const found = allowed.find((value) => value === raw);
  if (found === undefined) {
    throw new UserError(
      `Input '${name}' must be one of ${allowed.map((a) => `'${a}'`).join(', ')}, got '${raw}'.`,
    );
  }
  return found;
}

const DURATION_UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const DURATION_FORMS = "a duration such as '90s', '30m', '2h', '1h30m', '1d' or '500ms'";

/** `90s`, `30m`, `2h`, `1h30m`, `1d`, `500ms` → milliseconds. A bare number is refused: the unit matters. */
export function parseDuration(name: string, raw: string): number {
  const text = raw.replace(/\s+/g, '');
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)];
  const consumed = parts.map((p) => p[0]).join('');
  if (text === '' || parts.length === 0 || consumed !== text) {
    throw new UserError(`Input '${name}' must be ${DURATION_FORMS}, got '${raw}'.`);
  }
  const ms = parts.reduce((sum, p) => sum + Number(p[1]) * (DURATION_UNITS[p[2] as string] as number), 0);
  if (!Number.isFinite(ms) || ms <= 0) {
    throw new UserError(`Input '${name}' must be a positive duration (${DURATION_FORMS}), got '${raw}'.`);
  }
  return Math.round(ms);
}

const SIZE_UNITS: Record<string, number> = {
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  kib: 2 ** 10,
  mib: 2 ** 20,
  gib: 2 ** 30,
  tib: 2 ** 40,
};
const SIZE_FORMS = "a size such as '64MiB', '5MB', '1GiB' or '1048576' (bytes)";

/** `64MiB`, `5MB`, `1.5GiB`, `4096` → bytes. */
export function parseSize(name: string, raw: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([a-zA-Z]*)$/.exec(raw.trim());
  const unit = SIZE_UNITS[(match?.[2] || 'b').toLowerCase()];
  if (!match || unit === undefined)
    throw new UserError(`Input '${name}' must be ${SIZE_FORMS}, got '${raw}'.`);
  const bytes = Math.round(Number(match[1]) * unit);
  if (!Number.isSafeInteger(bytes) || bytes <= 0) {
    throw new UserError(`Input '${name}' must be a positive size (${SIZE_FORMS}), got '${raw}'.`);
  }
  return bytes;
}

/** Items separated by commas or newlines; blanks and surrounding spaces are dropped. */
export function parseList(raw: string): string[] {
  return raw
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

export function parseInteger(
  name: string,
  raw: string,
  { min = 0, max = Number.MAX_SAFE_INTEGER } = {},
): number {
  const value = /^-?\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new UserError(`Input '${name}' must be a whole number from ${min} to ${max}, got '${raw}'.`);
  }
  return value;
}

/**
 * Reads inputs by name and parses each with the same rules; an empty optional input gives `undefined`,
 * so `action.yml` holds the defaults.
 */
export class Inputs {
  /**
   * @param env where values come from (`INPUT_<NAME>` keys)
   * @param display how errors name an input; the CLI shows its option (and env variable) instead
   */
  constructor(
    private readonly env: InputSource = process.env,
    private readonly display: (name: string) => string = (name) => name,
  ) {}

  string(name: string): string | undefined {
    return readInput(name, this.env) || undefined;
  }
  required(name: string): string {
    const value = readInput(name, this.env);
    if (value === '') throw new UserError(`Input '${this.display(name)}' is required but was not given.`);
    return value;
  }
  boolean(name: string, fallback: boolean): boolean {
    const raw = readInput(name, this.env);
    return raw === '' ? fallback : parseBoolean(this.display(name), raw);
  }
  enum<const T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const raw = readInput(name, this.env);
    return raw === '' ? fallback : parseEnum(this.display(name), raw, allowed);
  }
  duration(name: string, fallbackMs: number): number {
    const raw = readInput(name, this.env);
    return raw === '' ? fallbackMs : parseDuration(this.display(name), raw);
  }
  size(name: string, fallbackBytes: number): number {
    const raw = readInput(name, this.env);
    return raw === '' ? fallbackBytes : parseSize(this.display(name), raw);
  }
  integer(name: string, fallback: number, range?: { min?: number; max?: number }): number {
    const raw = readInput(name, this.env);
    return raw === '' ? fallback : parseInteger(this.display(name), raw, range);
  }
  list(name: string): string[] {
    return parseList(readInput(name, this.env));
  }
}
