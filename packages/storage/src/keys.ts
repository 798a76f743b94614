import { UserError } from '@shipkit/runtime';
import { badSegment } from './url';

/** Keys are `/`-separated with no empty, `.` or `..` segment, so they are safe as file paths too. */
export function checkKey(key: string): string {
  if (key === '' || key.includes('\\') || key.includes('\0') || badSegment(key) !== undefined) {
    throw new UserError(
      `Storage key "${key}" is not valid: use "/"-separated names without empty, "." or ".." parts, ` +
        'e.g. "2026-11-25T030000Z-ab12/manifest.json".',
    );
  }
  return key;
}

/** A listing prefix may be empty or end with `/`; what comes before must be a valid key. */
export function checkListPrefix(prefix: string): string {
  if (prefix === '') return prefix;
  checkKey(prefix.endsWith('/') ? prefix.slice(0, -1) : prefix);
  return prefix;
}

/** `base/key`, or `key` when the base is empty. */
export function joinKey(base: string, key: string): string {
  return base === '' ? key : `${base}/${key}`;
}
