import { describe, expect, it } from '@jest/globals';
import { UserError } from '../src/errors';
import {
  Inputs,
  inputEnvName,
  parseBoolean,
  parseDuration,
  parseEnum,
  parseInteger,
  parseList,
  parseSize,
  requiredInput,
} from '../src/inputs';

describe('input names', () => {
  it('follow the runner: spaces to underscores, upper case', () => {
    expect(inputEnvName('mongodb-uri')).toBe('INPUT_MONGODB-URI');
    expect(inputEnvName('my input')).toBe('INPUT_MY_INPUT');
  });

  it('required inputs name themselves when missing or blank', () => {
    expect(() => requiredInput('destination', {})).toThrow(
      "Input 'destination' is required but was not given.",
    );
    expect(() => requiredInput('destination', { INPUT_DESTINATION: '   ' })).toThrow(UserError);
    expect(requiredInput('destination', { INPUT_DESTINATION: ' s3://b/p \n' })).toBe('s3://b/p');
  });
});

describe('parseBoolean', () => {
  it.each([
    ['true', true],
    ['True', true],
    ['TRUE', true],
    ['false', false],
    ['False', false],
    ['FALSE', false],
  ])('accepts the YAML core spelling %s', (raw, expected) => {
    expect(parseBoolean('wait', raw)).toBe(expected);
  });

  it.each(['yes', 'no', 'on', '1', '0', 'tru', ''])(
    'refuses %j, naming the input and the accepted forms',
    (raw) => {
      expect(() => parseBoolean('wait', raw)).toThrow(
        `Input 'wait' must be a boolean (true or false), got '${raw}'.`,
      );
    },
  );
});

describe('parseEnum', () => {
  it('returns the value or lists every accepted one', () => {
    expect(parseEnum('mode', 'full', ['integrity', 'full'] as const)).toBe('full');
    expect(() => parseEnum('mode', 'Full', ['integrity', 'full'] as const)).toThrow(
      "Input 'mode' must be one of 'integrity', 'full', got 'Full'.",
    );
  });
});

describe('parseDuration', () => {
  it.each([
    ['90s', 90_000],
    ['30m', 1_800_000],
    ['2h', 7_200_000],
    ['1h30m', 5_400_000],
    ['1d', 86_400_000],
    ['500ms', 500],
    ['1.5s', 1500],
    [' 2h 15m ', 8_100_000],
  ])('%s is %d ms', (raw, ms) => {
    expect(parseDuration('timeout', raw)).toBe(ms);
  });

  it.each(['90', '', 'm', '10 minutes', '-5s', '0s', '5x', '1h-'])(
    'refuses %j with the accepted forms',
    (raw) => {
      expect(() => parseDuration('timeout', raw)).toThrow(/^Input 'timeout' must be a (positive )?duration/);
      expect(() => parseDuration('timeout', raw)).toThrow(/'90s', '30m', '2h'/);
    },
  );
});

describe('parseSize', () => {
  it.each([
    ['64MiB', 64 * 2 ** 20],
    ['5MB', 5_000_000],
    ['1GiB', 2 ** 30],
    ['1.5KiB', 1536],
    ['4096', 4096],
    ['16 mib', 16 * 2 ** 20],
  ])('%s is %d bytes', (raw, bytes) => {
    expect(parseSize('part-size', raw)).toBe(bytes);
  });

  it.each(['', 'MiB', '64XB', '-1MiB', '0', 'ten MB'])('refuses %j, naming the input', (raw) => {
    expect(() => parseSize('part-size', raw)).toThrow(/^Input 'part-size' must be a (positive )?size/);
  });
});

describe('parseList and parseInteger', () => {
  it('splits on commas and newlines and drops blanks', () => {
    expect(parseList('shop.orders, shop.customers\n\nanalytics.*,')).toEqual([
      'shop.orders',
      'shop.customers',
      'analytics.*',
    ]);
    expect(parseList('')).toEqual([]);
  });

  it('accepts whole numbers in range only', () => {
    expect(parseInteger('parallelism', '4', { min: 1, max: 64 })).toBe(4);
    expect(() => parseInteger('parallelism', '0', { min: 1, max: 64 })).toThrow(
      "Input 'parallelism' must be a whole number from 1 to 64, got '0'.",
    );
    expect(() => parseInteger('parallelism', '2.5')).toThrow(/whole number/);
  });
});

describe('Inputs', () => {
  const inputs = new Inputs({
    INPUT_WAIT: 'false',
    INPUT_MODE: 'full',
    INPUT_TIMEOUT: '45m',
    'INPUT_PART-SIZE': '8MiB',
    INPUT_INCLUDE: 'a,b',
    INPUT_PARALLELISM: '8',
  });

  it('parses each kind once, with fallbacks for empty inputs', () => {
    expect(inputs.boolean('wait', true)).toBe(false);
    expect(inputs.boolean('drop', false)).toBe(false);
    expect(inputs.enum('mode', ['integrity', 'full'] as const, 'integrity')).toBe('full');
    expect(inputs.duration('timeout', 1000)).toBe(2_700_000);
    expect(inputs.size('part-size', 1)).toBe(8 * 2 ** 20);
    expect(inputs.list('include')).toEqual(['a', 'b']);
    expect(inputs.integer('parallelism', 4)).toBe(8);
    expect(inputs.string('missing')).toBeUndefined();
  });
});
