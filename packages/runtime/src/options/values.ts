import { InvalidValue } from './errors';

/**
 * Parsers of option values: each takes the trimmed, non-empty text an action input, a flag or an
 * environment variable gave, and returns the typed value or throws `InvalidValue` saying what is
 * accepted. They never name the option: the table that calls them does.
 */

const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];

/** Only the YAML 1.2 core-schema spellings count: anything else is an error, never silently false. */
export function parseBoolean(raw: string): boolean {
  if (TRUE.includes(raw)) return true;
  if (FALSE.includes(raw)) return false;
  throw new InvalidValue(`must be a boolean (true or false), got '${raw}'.`);
}

export function parseEnum<const T extends string>(raw: string, allowed: readonly T[]): T {
  const found = allowed.find((value) => value === raw);
  if (found === undefined) {
    throw new InvalidValue(`must be one of ${allowed.map((a) => `'${a}'`).join(', ')}, got '${raw}'.`);
  }
  return found;
}

const DURATION_UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
export const DURATION_FORMS = "a duration such as '90s', '30m', '2h', '1h30m', '1d' or '500ms'";

/** `90s`, `30m`, `2h`, `1h30m`, `1d`, `500ms` → milliseconds. A bare number is refused: the unit matters. */
export function parseDuration(raw: string): number {
  const text = raw.replace(/\s+/g, '');
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)];
  const consumed = parts.map((p) => p[0]).join('');
  if (text === '' || parts.length === 0 || consumed !== text) {
    throw new InvalidValue(`must be ${DURATION_FORMS}, got '${raw}'.`);
  }
  const ms = parts.reduce((sum, p) => sum + Number(p[1]) * (DURATION_UNITS[p[2] as string] as number), 0);
  if (!Number.isFinite(ms) || ms <= 0) {
    throw new InvalidValue(`must be a positive duration (${DURATION_FORMS}), got '${raw}'.`);
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
export function parseSize(raw: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([a-zA-Z]*)$/.exec(raw.trim());
  const unit = SIZE_UNITS[(match?.[2] || 'b').toLowerCase()];
  if (!match || unit === undefined) throw new InvalidValue(`must be ${SIZE_FORMS}, got '${raw}'.`);
  const bytes = Math.round(Number(match[1]) * unit);
  if (!Number.isSafeInteger(bytes) || bytes <= 0) {
    throw new InvalidValue(`must be a positive size (${SIZE_FORMS}), got '${raw}'.`);
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

export interface IntegerRange {
  min?: number;
  max?: number;
}

export function parseInteger(
  raw: string,
  { min = 0, max = Number.MAX_SAFE_INTEGER }: IntegerRange = {},
): number {
  const value = /^-?\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new InvalidValue(`must be a whole number from ${min} to ${max}, got '${raw}'.`);
  }
  return value;
}
