/**
 * An error the user can fix (bad input, unreachable server, missing bucket…). Its message is shown
 * as is, without a stack trace, so it must name the input and say what is accepted.
 */
export class UserError extends Error {
  override name = 'UserError';
}

/** The message of any thrown value: Errors, strings, objects, null alike. */
export function errorMessage(thrown: unknown): string {
  if (thrown instanceof Error) return thrown.message || thrown.name;
  if (typeof thrown === 'string') return thrown;
  if (thrown === null || thrown === undefined) return `unknown error (${String(thrown)} was thrown)`;
  try {
    return JSON.stringify(thrown);
  } catch {
    return String(thrown);
  }
}
