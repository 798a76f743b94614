import { describe, expect, test } from '@jest/globals';
import { InvalidValue } from '@shipkit/runtime';
import { describeRetention, parseRetention } from '../src/index';

describe('parseRetention', () => {
  test.each([
    ['daily=7,weekly=4,monthly=12,last=3', { daily: 7, weekly: 4, monthly: 12, last: 3 }],
    ['keep-daily=7,keep-weekly=4', { daily: 7, weekly: 4 }],
    [' hourly=24 , yearly=all ', { hourly: 24, yearly: Number.POSITIVE_INFINITY }],
    ['Keep-Last=2\nKEEP-MONTHLY=6', { last: 2, monthly: 6 }],
    ['', {}],
    ['   ', {}],
  ])('%j', (spec, policy) => {
    expect(parseRetention(spec)).toEqual(policy);
  });

  test.each([
    ['daily=7,fortnightly=2', /"fortnightly=2".*unknown rule "fortnightly"/],
    ['daily', /part "daily" that is not of the form <rule>=<count>/],
    ['daily=seven', /"daily=seven".*not a whole number/],
    ['daily=-1', /"daily=-1".*not a whole number/],
    ['daily=0', /part "daily=0" that must keep between 1 and/],
    ['daily=7,keep-daily=3', /part "keep-daily=3" that repeats the rule "daily"/],
  ])('%j is refused with a message naming the part and the accepted rules', (spec, message) => {
    const thrown = (() => {
      try {
        parseRetention(spec);
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    // A row's parser: the table that calls it names the option (`--retention`, `Input 'retention'`).
    expect(thrown).toBeInstanceOf(InvalidValue);
    expect((thrown as Error).message).toMatch(message);
    if (!/repeats/.test(String(message))) {
      expect((thrown as Error).message).toContain('last, hourly, daily, weekly, monthly, yearly');
    }
  });
});

describe('describeRetention', () => {
  test('writes the policy back in the form parseRetention reads', () => {
    const policy = parseRetention('monthly=12,last=3,daily=all');
    expect(describeRetention(policy)).toBe('last=3,daily=all,monthly=12');
    expect(parseRetention(describeRetention(policy))).toEqual(policy);
  });

  test('says when a policy keeps everything', () => {
    expect(describeRetention({})).toBe('keep everything (no retention rules)');
    expect(describeRetention({ daily: 7 })).toBe('daily=7');
  });
});
