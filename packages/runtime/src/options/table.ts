import { InvalidValue, OptionError } from './errors';
import type { AnyRow, Row } from './row';

/** The options of one action or command, by key; the key is the action input's name. */
export type Table = Readonly<Record<string, AnyRow>>;

/** The value a row gives: never undefined when it is required or has a default. */
export type Value<R> =
  R extends Row<infer T, infer E>
    ? R extends { required: true }
      ? T
      : R extends { default: infer D }
        ? D extends ''
          ? T | E
          : T
        : T | E
    : never;

/** Every option of a table, parsed. */
export type Values<Tb extends Table> = { -readonly [K in keyof Tb]: Value<Tb[K]> };

/** Where an edge reads raw option text from: the runner's `INPUT_*`, or argv and the environment. */
export interface TableSource {
  /** The text given for an option; undefined or blank when it was not given. */
  read(key: string, row: AnyRow): string | undefined;
  /** Receives each secret's text before it is parsed, so that nothing printed afterwards can hold it. */
  secret?(text: string): void;
}

/**
 * Parses a whole source into one typed object, once, at the edge. A missing required option or a
 * bad value is an `OptionError` naming the option by its key.
 */
export function parseTable<const Tb extends Table>(table: Tb, source: TableSource): Values<Tb> {
  const values: Record<string, unknown> = {};
  for (const [key, row] of Object.entries(table)) {
    const raw = (source.read(key, row) ?? '').trim();
    if (row.secret && raw !== '') source.secret?.(raw);
    values[key] = parseValue(key, row, raw);
  }
  return values as Values<Tb>;
}

/** One option's value from its raw text ('' when not given). */
export function parseValue(key: string, row: AnyRow, raw: string): unknown {
  if (raw === '') {
    if (row.required) throw new OptionError(key, 'is required but was not given.');
    return row.default && !isExpression(row.default) ? convert(key, row, row.default) : row.empty;
  }
  return convert(key, row, raw);
}

/**
 * A default such as `${{ github.token }}` is for the runner to evaluate (it passes the result as
 * the input); anywhere else the option counts as not given.
 */
export function isExpression(text: string): boolean {
  return text.trim().startsWith('${{');
}

function convert(key: string, row: AnyRow, raw: string): unknown {
  try {
    return row.parse(raw);
  } catch (error) {
    if (error instanceof InvalidValue) throw new OptionError(key, error.detail, { cause: error });
    throw error;
  }
}
