/**
 * Messages and descriptions name options by their table key; each edge says them in its own words
 * (an action by its input names, the CLI by its flags and environment variables).
 */

/** A reference to an option inside a message, rendered by the edge that shows the message. */
export interface OptionRef {
  readonly option: string;
}

/** Text with references to options: plain strings stay as they are, whatever they contain. */
export type OptionText = readonly (string | OptionRef)[];

/** `ref('api-key')`: an option named inside a message. */
export function ref(key: string): OptionRef {
  return { option: key };
}

/**
 * Builds option text from a template: interpolated `ref(key)`s become references, anything else
 * (values the user gave included) stays plain text.
 *
 *   say`needs ${ref('api-key')}: without it the deploy cannot be followed.`
 */
export function say(strings: TemplateStringsArray, ...values: unknown[]): OptionText {
  const parts: (string | OptionRef)[] = [];
  strings.forEach((text, index) => {
    if (text !== '') parts.push(text);
    if (index >= values.length) return;
    const value = values[index];
    parts.push(isRef(value) ? value : String(value));
  });
  return parts;
}

function isRef(value: unknown): value is OptionRef {
  return typeof value === 'object' && value !== null && typeof (value as OptionRef).option === 'string';
}

/** Option text as one string, each reference named by `name`. */
export function renderText(text: OptionText, name: (key: string) => string): string {
  return text.map((part) => (typeof part === 'string' ? part : name(part.option))).join('');
}

const MENTION = /\{([a-z][a-z0-9-]*)\}/g;

/**
 * A description as an edge shows it: each `{key}` (descriptions are written by us, never hold user
 * input) becomes `name(key)`.
 */
export function renderDescription(description: string, name: (key: string) => string): string {
  return description.replace(MENTION, (_, key: string) => name(key));
}

/** The options a description mentions, for checking that each exists in its table. */
export function mentions(description: string): string[] {
  return [...description.matchAll(MENTION)].map((match) => match[1] as string);
}
