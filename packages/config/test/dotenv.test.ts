import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { formatEnv, formatEnvValue, parseEnv, setEnvValues } from '../src/dotenv';

describe('parseEnv', () => {
  it.each([
    ['plain', 'KEY=value', 'value'],
    ['spaces around = and the value', '  KEY =  value  ', 'value'],
    ['export prefix', 'export KEY=value', 'value'],
    ['inline comment after a space', 'KEY=value # a comment', 'value'],
    ['# without a space before it stays', 'KEY=a#b', 'a#b'],
    ['empty', 'KEY=', ''],
    ['single quotes keep everything literal', "KEY='a \\n $HOME # x'", 'a \\n $HOME # x'],
    ['double quotes with escapes', 'KEY="line1\\nline2\\t\\"q\\" \\\\ \\$"', 'line1\nline2\t"q" \\ $'],
    ['double quotes then a comment', 'KEY="a b" # note', 'a b'],
    ['back quotes', 'KEY=`it\'s "x"`', 'it\'s "x"'],
    ['= inside the value', 'KEY=a=b=c', 'a=b=c'],
    ['URI with ? and &', 'KEY=mongodb://u:p%40@h/?a=1&b=2', 'mongodb://u:p%40@h/?a=1&b=2'],
  ])('reads %s', (_label, text, expected) => {
    const parsed = parseEnv(text);
    expect(parsed.problems).toEqual([]);
    expect(parsed.values).toEqual({ KEY: expected });
  });

  it('reads multi-line quoted values, CRLF line ends, a BOM, comments and blank lines', () => {
    const text = [
      '\uFEFF# header',
      '',
      'FIRST=1',
      'PEM="-----BEGIN-----',
      'abc',
      '-----END-----"',
      "IDENTITY='# created: today",
      "AGE-SECRET-KEY-1XYZ'",
      '  # indented comment',
      'LAST=2',
    ].join('\r\n');
    const parsed = parseEnv(text);
    expect(parsed.problems).toEqual([]);
    expect(parsed.values).toEqual({
      FIRST: '1',
      PEM: '-----BEGIN-----\nabc\n-----END-----',
      IDENTITY: '# created: today\nAGE-SECRET-KEY-1XYZ',
      LAST: '2',
    });
    expect(parsed.entries.map((e) => [e.key, e.line])).toEqual([
      ['FIRST', 3],
      ['PEM', 4],
      ['IDENTITY', 7],
      ['LAST', 10],
    ]);
  });

  it('keeps the last of repeated keys and lists them as duplicates', () => {
    const parsed = parseEnv('A=1\nB=2\nA=3\n');
    expect(parsed.values).toEqual({ A: '3', B: '2' });
    expect(parsed.duplicates).toEqual(['A']);
  });

  it('reports broken lines by number and key, never by content', () => {
    const secret = 'hunter2-very-secret';
    const text = [
      `just-a-${secret}`,
      `9KEY=${secret}`,
      `GOOD=ok`,
      `QUOTED="${secret}" trailing`,
      `OPEN='${secret}`,
      'MORE=never reached',
    ].join('\n');
    const parsed = parseEnv(text);
    expect(parsed.problems.map((p) => [p.line, p.key])).toEqual([
      [1, undefined],
      [2, undefined],
      [4, 'QUOTED'],
      [5, 'OPEN'],
    ]);
    expect(parsed.values).toEqual({ GOOD: 'ok' });
    expect(JSON.stringify(parsed.problems)).not.toContain(secret);
    expect(parsed.problems[3]?.message).toMatch(/never closed/);
  });
});

describe('formatEnv', () => {
  it('writes bare values when safe and quotes the rest', () => {
    expect(formatEnvValue('mongodb://u:p%40@h:27017/db?authSource=admin&x=1')).toBe(
      "'mongodb://u:p%40@h:27017/db?authSource=admin&x=1'",
    );
    expect(formatEnvValue('shop_acme')).toBe('shop_acme');
    expect(formatEnvValue("it's")).toBe('"it\'s"');
    expect(formatEnv([['A', 'a b']])).toBe("A='a b'\n");
  });

  it('round-trips any value through parseEnv', () => {
    // The characters that matter to quoting, plus ordinary and non-ASCII ones.
    const value = fc.string({ unit: fc.constantFrom(...'aZ9 _-./:@%=\'"`\\#$\n\r\t é€'), maxLength: 40 });
    const key = fc.constantFrom('A', 'B_2', 'MONGODB_URI', '_X', 'lower_case');
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(key, value), { selector: (e) => e[0], maxLength: 8 }), (pairs) => {
        const parsed = parseEnv(formatEnv(pairs));
        expect(parsed.problems).toEqual([]);
        expect(parsed.values).toEqual(Object.fromEntries(pairs));
      }),
    );
  });
});

describe('setEnvValues', () => {
  it('replaces assignments in place, drops repeats, keeps comments, appends new keys under a header', () => {
    const text = [
      '# mine',
      'OPENAI_API_KEY=sk-keep',
      "MONGODB_URI='old",
      "still old'",
      'MONGODB_URI=older',
      'OTHER=1 # note',
    ].join('\n');
    const updated = setEnvValues(
      text,
      { MONGODB_URI: 'mongodb://h/db', MONGODB_DB: 'shop' },
      'added by a tool',
    );
    expect(updated).toBe(
      [
        '# mine',
        'OPENAI_API_KEY=sk-keep',
        'MONGODB_URI=mongodb://h/db',
        'OTHER=1 # note',
        '',
        '# added by a tool',
        'MONGODB_DB=shop',
        '',
      ].join('\n'),
    );
    expect(parseEnv(updated).values).toEqual({
      OPENAI_API_KEY: 'sk-keep',
      MONGODB_URI: 'mongodb://h/db',
      OTHER: '1',
      MONGODB_DB: 'shop',
    });
  });

  it('writes a new file', () => {
    expect(setEnvValues('', { A: '1' })).toBe('A=1\n');
  });
});
