import { UserError } from '../errors';
import { type OptionText, renderText } from './text';

/** How an edge names options: an action by its input names, the CLI by its flags and variables. */
export interface Vocabulary {
  /** The option an error is about, where the message starts: "Input 'compression-level'", "--compression-level". */
  subject(key: string): string;
  /** An option named inside a message: "'api-key'", "RENDER_API_KEY". */
  reference(key: string): string;
}

/** Names options by their table key, until an edge says them in its own words. */
export const TABLE_VOCABULARY: Vocabulary = {
  subject: (key) => `Option '${key}'`,
  reference: (key) => `'${key}'`,
};

/**
 * A user error about options, said by their table keys: core code throws it without knowing
 * whether an action input or a CLI flag gave the value, and the edge that read the value renders
 * the message in its own vocabulary (`render`).
 *
 *   new OptionError('parallelism', "must be a whole number from 1 to 64, got 'x'.")
 *   OptionError.saying(say`… Restore under other names (${ref('ns-from')}/${ref('ns-to')}) …`)
 */
export class OptionError extends UserError {
  override name = 'OptionError';
  /** The option the error is about, when it is about one; its message then starts with it. */
  readonly key: string | undefined;
  readonly text: OptionText;

  /** `key` undefined: an error whose text names options without being about one of them. */
  constructor(key: string | undefined, detail: string | OptionText, options?: ErrorOptions) {
    const text = typeof detail === 'string' ? [detail] : detail;
    super(render(key, text, TABLE_VOCABULARY), options);
    this.key = key;
    this.text = text;
  }

  /** An error whose text names options without being about one of them. */
  static saying(text: OptionText, options?: ErrorOptions): OptionError {
    return new (
      OptionError as new (
        key: string | undefined,
        detail: OptionText,
        options?: ErrorOptions,
      ) => OptionError
    )(undefined, text, options);
  }

  /** The message in an edge's words. */
  render(vocabulary: Vocabulary): string {
    return render(this.key, this.text, vocabulary);
  }
}

function render(key: string | undefined, text: OptionText, vocabulary: Vocabulary): string {
  const body = renderText(text, vocabulary.reference);
  return key === undefined ? body : `${vocabulary.subject(key)} ${body}`;
}

/**
 * Thrown by a row's parser: what is wrong with the value, without naming the option (the table
 * that called the parser knows which one it is, and turns it into an `OptionError`).
 */
export class InvalidValue extends Error {
  override name = 'InvalidValue';
  constructor(readonly detail: string | OptionText) {
    super(renderText(typeof detail === 'string' ? [detail] : detail, TABLE_VOCABULARY.reference));
  }
}

/** Any thrown value's message; an `OptionError` said in `vocabulary`. */
export function messageIn(
  thrown: unknown,
  vocabulary: Vocabulary,
  fallback: (thrown: unknown) => string,
): string {
  return thrown instanceof OptionError ? thrown.render(vocabulary) : fallback(thrown);
}
