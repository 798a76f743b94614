// The one glob syntax of the suite (branch patterns, backup filters, restore selections and renames),
// as documented in src/glob.ts.
import { describe, expect, test } from '@jest/globals';
import { fillGlob, globToRegExp, globWildcards, isGlob, matchesGlob } from '../src/glob';

describe('matchesGlob', () => {
  test.each([
    // * stays within a segment when there is a separator, and crosses anything without one
    ['feature/*', 'feature/login', { separator: '/' }, true],
    ['feature/*', 'feature/a/b', { separator: '/' }, false],
    ['feature/*', 'feature/a/b', {}, true],
    // ** crosses separators
    ['feature/**', 'feature/a/b', { separator: '/' }, true],
    // ? is one character other than the separator, or itself when literal
    ['shop.order?', 'shop.orders', {}, true],
    ['shop.order?', 'shop.order', {}, false],
    ['a?b', 'a/b', { separator: '/' }, false],
    ['order?', 'order?', { literalQuestionMark: true }, true],
    ['order?', 'orders', { literalQuestionMark: true }, false],
    // everything else stands for itself: no classes, braces or escapes, and the match is whole
    ['[ab]', '[ab]', {}, true],
    ['[ab]', 'a', {}, false],
    ['{a,b}', 'a', {}, false],
    ['shop', 'shop2', {}, false],
    ['a.b', 'axb', {}, false],
  ])('%j against %j (%j) is %j', (pattern, text, options, expected) => {
    expect(matchesGlob(text, pattern, options)).toBe(expected);
  });
});

describe('wildcards', () => {
  test('are counted, captured in order and carried over by a rename', () => {
    expect(isGlob('shop.orders')).toBe(false);
    expect(isGlob('shop.*')).toBe(true);
    expect(isGlob('order?', { literalQuestionMark: true })).toBe(false);
    expect(globWildcards('*.logs_*')).toBe(2);
    const captures = globToRegExp('*.logs_*', { separator: '.' }).exec('shop.logs_2026')?.slice(1);
    expect(captures).toEqual(['shop', '2026']);
    expect(fillGlob('archive_*.logs_*', captures ?? [])).toBe('archive_shop.logs_2026');
  });
});
