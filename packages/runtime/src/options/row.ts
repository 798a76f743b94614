import {
  type IntegerRange,
  parseBoolean,
  parseDuration,
  parseEnum,
  parseInteger,
  parseList,
  parseSize,
} from './values';

/**
 * One option, declared once: what `action.yml`, the CLI's flags and `--help`, and the docs say about
 * it are all generated from (or checked against) this.
 */
export interface RowSpec {
  /** What the option does, in words that fit every edge; `{key}` mentions another option of the table. */
  readonly description: string;
  /**
   * The default as `action.yml` writes it ('4', '2h', 'zstd'), parsed like a given value when the
   * option is not given. Absent or '': the option's `empty` value.
   */
  readonly default?: string;
  readonly required?: boolean;
  /** Masked by an action and redacted by the CLI as soon as it is read, in every spelling. */
  readonly secret?: boolean;
  /** The CLI flag, `--<flag>` (default: the key); `false` keeps it off the command line: `env` only. */
  readonly flag?: string | false;
  /** The environment variable the CLI reads when the flag is not given. */
  readonly env?: string;
  /** The value's placeholder in the CLI's help, e.g. '<n>'. */
  readonly placeholder?: string;
  /** A CLI switch: the flag alone means true, and takes no value. */
  readonly switch?: boolean;
  /** Given once per value on the command line; a comma or newline separated list in an action. */
  readonly multiple?: boolean;
}

export interface Row<T = unknown, E = unknown> extends RowSpec {
  /** What kind of value it takes, for the docs. */
  readonly type: 'string' | 'boolean' | 'integer' | 'duration' | 'size' | 'list' | 'enum';
  /** Turns the trimmed, non-empty text given into the value; throws `InvalidValue` otherwise. */
  readonly parse: (raw: string) => T;
  /** The value of an option not given that has no default. */
  readonly empty: E;
}

/** Any row, whatever its value. */
// biome-ignore lint/suspicious/noExplicitAny: a table holds rows of every value type
export type AnyRow = Row<any, any>;

export function textRow<const S extends RowSpec>(spec: S): Row<string, undefined> & S {
  return { placeholder: '<value>', ...spec, type: 'string', parse: (raw) => raw, empty: undefined };
}

/** A boolean: `true`/`false` in an action; on the command line a switch when it defaults to false. */
export function booleanRow<const S extends RowSpec>(spec: S): Row<boolean, undefined> & S {
  return {
    placeholder: 'true|false',
    switch: spec.default === 'false',
    ...spec,
    type: 'boolean',
    parse: parseBoolean,
    empty: undefined,
  };
}

export function integerRow<const S extends RowSpec & IntegerRange>(spec: S): Row<number, undefined> & S {
  return {
    placeholder: '<n>',
    ...spec,
    type: 'integer',
    parse: (raw) => parseInteger(raw, spec),
    empty: undefined,
  };
}

/** A duration in milliseconds, written '90s', '30m', '2h', '1h30m'. */
export function durationRow<const S extends RowSpec>(spec: S): Row<number, undefined> & S {
  return { placeholder: '<duration>', ...spec, type: 'duration', parse: parseDuration, empty: undefined };
}

/** A size in bytes, written '64MiB', '5MB' or in bytes. */
export function sizeRow<const S extends RowSpec>(spec: S): Row<number, undefined> & S {
  return { placeholder: '<size>', ...spec, type: 'size', parse: parseSize, empty: undefined };
}

export function enumRow<const T extends string, const S extends RowSpec>(
  values: readonly T[],
  spec: S,
): Row<T, undefined> & S {
  return {
    placeholder: values.join('|'),
    ...spec,
    type: 'enum',
    parse: (raw) => parseEnum(raw, values),
    empty: undefined,
  };
}

/** Items separated by commas or newlines; on the command line, the flag given once per item. */
export function listRow<const S extends RowSpec>(spec: S): Row<string[], string[]> & S {
  return { placeholder: '<item>', multiple: true, ...spec, type: 'list', parse: parseList, empty: [] };
}

/** A row whose text needs its own parser (retention rules, server-side encryption…). */
export function customRow<T, const S extends RowSpec>(
  parse: (raw: string) => T,
  spec: S,
): Row<T, undefined> & S {
  return { placeholder: '<value>', ...spec, type: 'string', parse, empty: undefined };
}

/** The CLI flag of a row, or undefined when it is read from the environment only. */
export function flagOf(key: string, row: RowSpec): string | undefined {
  return row.flag === false ? undefined : (row.flag ?? key);
}
