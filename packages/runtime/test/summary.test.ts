import { describe, expect, it } from '@jest/globals';
import { details, sections, table } from '../src/summary';

describe('summary helpers', () => {
  it('builds a markdown table with alignment and escaped cells', () => {
    expect(
      table(
        ['namespace', 'documents'],
        [
          ['shop.orders', 12],
          ['a|b', undefined],
        ],
        ['l', 'r'],
      ),
    ).toBe(
      ['| namespace | documents |', '| --- | ---: |', '| shop.orders | 12 |', '| a\\|b |  |'].join('\n'),
    );
  });

  it('wraps details and joins sections, dropping empty ones', () => {
    expect(details('5 <namespaces>', 'body')).toBe(
      '<details><summary>5 &lt;namespaces&gt;</summary>\n\nbody\n\n</details>',
    );
    expect(sections('a', undefined, false, 'b')).toBe('a\n\nb\n');
  });
});
