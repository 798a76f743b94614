import { describe, expect, it } from '@jest/globals';
import { UserError } from '../src/errors';
import {
  booleanRow,
  closest,
  customRow,
  DEFAULT_PARALLELISM,
  durationRow,
  enumRow,
  InvalidValue,
  integerRow,
  listRow,
  mentions,
  OptionError,
  PARALLELISM,
  parseBoolean,
  parseDuration,
  parseEnum,
  parseInteger,
  parseList,
  parseSize,
  parseTable,
  ref,
  renderDescription,
  say,
  sizeRow,
  TABLE_VOCABULARY,
  textRow,
  type Values,
  type Vocabulary,
} from '../src/options';

/** The message a parser's refusal gives, with the option's key in front. */
function refusal(parse: () => unknown): string {
  try {
    parse();
  } catch (error) {
    if (error instanceof InvalidValue) return error.message;
    throw error;
  }
  throw new Error('the value was accepted');
}

describe('value parsers', () => {
  it.each([
    ['true', true],
    ['True', true],
    ['TRUE', true],
    ['false', false],
    ['False', false],
    ['FALSE', false],
  ])('take the YAML core spelling %s of a boolean', (raw, expected) => {
    expect(parseBoolean(raw)).toBe(expected);
  });

  it.each(['yes', 'no', 'on', '1', '0', 'tru'])('refuse %j as a boolean, saying what is accepted', (raw) => {
    expect(refusal(() => parseBoolean(raw))).toBe(`must be a boolean (true or false), got '${raw}'.`);
  });

  it('list every accepted value of an enum', () => {
    expect(parseEnum('full', ['integrity', 'full'] as const)).toBe('full');
    expect(refusal(() => parseEnum('Full', ['integrity', 'full'] as const))).toBe(
      "must be one of 'integrity', 'full', got 'Full'.",
    );
  });

  it.each([
    ['90s', 90_000],
    ['30m', 1_800_000],
    ['2h', 7_200_000],
    ['1h30m', 5_400_000],
    ['1d', 86_400_000],
    ['500ms', 500],
    ['1.5s', 1500],
    [' 2h 15m ', 8_100_000],
  ])('read the duration %s as %d ms', (raw, ms) => {
    expect(parseDuration(raw)).toBe(ms);
  });

  it.each(['90', 'm', '10 minutes', '-5s', '0s', '5x', '1h-'])(
    'refuse %j as a duration, with the accepted forms',
    (raw) => {
      expect(refusal(() => parseDuration(raw))).toMatch(
        /^must be a (positive )?duration.*'90s', '30m', '2h'/,
      );
    },
  );

  it.each([
    ['64MiB', 64 * 2 ** 20],
    ['5MB', 5_000_000],
    ['1GiB', 2 ** 30],
    ['1.5KiB', 1536],
    ['4096', 4096],
    ['16 mib', 16 * 2 ** 20],
  ])('read the size %s as %d bytes', (raw, bytes) => {
    expect(parseSize(raw)).toBe(bytes);
  });

  it.each(['MiB', '64XB', '-1MiB', '0', 'ten MB'])('refuse %j as a size', (raw) => {
    expect(refusal(() => parseSize(raw))).toMatch(/^must be a (positive )?size/);
  });

  it('split lists on commas and newlines, dropping blanks', () => {
    expect(parseList('shop.orders, shop.customers\n\nanalytics.*,')).toEqual([
      'shop.orders',
      'shop.customers',
      'analytics.*',
    ]);
    expect(parseList('')).toEqual([]);
  });

  it('take whole numbers in range only', () => {
    expect(parseInteger('4', { min: 1, max: 64 })).toBe(4);
    expect(refusal(() => parseInteger('0', { min: 1, max: 64 }))).toBe(
      "must be a whole number from 1 to 64, got '0'.",
    );
    expect(refusal(() => parseInteger('2.5'))).toMatch(/whole number/);
  });
});

const TABLE = {
  destination: textRow({ description: 'Where backups go.', required: true, flag: 'to' }),
  uri: textRow({ description: 'The source.', secret: true }),
  wait: booleanRow({ description: 'Wait.', default: 'true' }),
  drop: booleanRow({ description: 'Replace.', default: 'false' }),
  mode: enumRow(['integrity', 'full'] as const, { description: 'What to check.', default: 'integrity' }),
  timeout: durationRow({ description: 'Bound.', default: '2h' }),
  'part-size': sizeRow({ description: 'Part size.' }),
  include: listRow({ description: 'Namespaces.', default: '' }),
  parallelism: PARALLELISM,
  level: integerRow({ description: 'Level.', min: 1, max: 9, default: '' }),
  sse: customRow(
    (raw) => {
      if (raw !== 'AES256') throw new InvalidValue(say`must be AES256 with ${ref('uri')}, got '${raw}'.`);
      return { sse: raw };
    },
    { description: 'Encryption.' },
  ),
};

function parse(given: Record<string, string>, secrets: string[] = []): Values<typeof TABLE> {
  return parseTable(TABLE, { read: (key) => given[key], secret: (text) => secrets.push(text) });
}

describe('parseTable', () => {
  it('parses a whole source once into one typed object, with defaults and empty values', () => {
    const values = parse({ destination: ' s3://b/p \n', mode: 'full', 'part-size': '8MiB', include: 'a,b' });
    expect(values).toEqual({
      destination: 's3://b/p',
      uri: undefined,
      wait: true,
      drop: false,
      mode: 'full',
      timeout: 7_200_000,
      'part-size': 8 * 2 ** 20,
      include: ['a', 'b'],
      parallelism: DEFAULT_PARALLELISM,
      level: undefined,
      sse: undefined,
    });
    // Typed: a required option or one with a default is never undefined.
    const destination: string = values.destination;
    const timeout: number = values.timeout;
    const level: number | undefined = values.level;
    expect([destination, timeout, level]).toEqual(['s3://b/p', 7_200_000, undefined]);
  });

  it('names a missing required option and a bad value by their key', () => {
    expect(() => parse({})).toThrow(new OptionError('destination', 'is required but was not given.'));
    const error = (() => {
      try {
        parse({ destination: 'x', parallelism: '0' });
      } catch (thrown) {
        return thrown as OptionError;
      }
      throw new Error('accepted');
    })();
    expect(error).toBeInstanceOf(OptionError);
    expect(error).toBeInstanceOf(UserError);
    expect(error.key).toBe('parallelism');
    expect(error.message).toBe("Option 'parallelism' must be a whole number from 1 to 64, got '0'.");
  });

  it('hands every secret to the edge before parsing anything', () => {
    const secrets: string[] = [];
    parse({ destination: 'x', uri: ' mongodb://u:p@h ' }, secrets);
    expect(secrets).toEqual(['mongodb://u:p@h']);
  });

  it('lets a parser name another option, which the edge renders in its own words', () => {
    const cli: Vocabulary = { subject: (key) => `--${key}`, reference: (key) => `--${key}` };
    try {
      parse({ destination: 'x', sse: 'aws:kms' });
      throw new Error('accepted');
    } catch (thrown) {
      expect(thrown).toBeInstanceOf(OptionError);
      expect((thrown as OptionError).message).toBe("Option 'sse' must be AES256 with 'uri', got 'aws:kms'.");
      expect((thrown as OptionError).render(cli)).toBe("--sse must be AES256 with --uri, got 'aws:kms'.");
    }
  });
});

describe('option text', () => {
  it('keeps the values a message quotes as they are, braces included', () => {
    const error = new OptionError('include', say`got '{destination}' with ${ref('drop')}.`);
    expect(error.render(TABLE_VOCABULARY)).toBe("Option 'include' got '{destination}' with 'drop'.");
  });

  it('can name options without being about one', () => {
    const error = OptionError.saying(say`Restore elsewhere (${ref('ns-from')}), or set ${ref('drop')}.`);
    expect(error.key).toBeUndefined();
    expect(error.render({ subject: (k) => k, reference: (k) => `--${k}` })).toBe(
      'Restore elsewhere (--ns-from), or set --drop.',
    );
  });

  it('renders the mentions of a description', () => {
    const text = 'Default: true with {s3-endpoint}, else false.';
    expect(mentions(text)).toEqual(['s3-endpoint']);
    expect(renderDescription(text, (key) => `--${key}`)).toBe(
      'Default: true with --s3-endpoint, else false.',
    );
  });
});

describe('closest', () => {
  it('finds the same name spelt another way, or within a few typos', () => {
    const flags = ['ns-from', 'ns-to', 'from', 'latest', 'parallelism'];
    expect(closest('nsFrom', flags)).toBe('ns-from');
    expect(closest('ns_to', flags)).toBe('ns-to');
    expect(closest('paralellism', flags)).toBe('parallelism');
    expect(closest('latset', flags)).toBe('latest');
    expect(closest('compression', flags)).toBeUndefined();
  });
});
