import { describe, expect, it } from '@jest/globals';
import type { RestorePlan } from '@shipkit/mongo';
import { checkConfirmation } from '../src/run';

const plan = { targetDatabases: ['drill_crm', 'drill_shop'] } as RestorePlan;

describe('checkConfirmation', () => {
  it.each([
    ['drill_crm,drill_shop', true],
    ['drill_shop, drill_crm', true],
    ['drill_shop', false],
    ['drill_crm,drill_shop,other', false],
    ['', false],
  ])("confirm '%s' matches: %s", (given, matches) => {
    expect(checkConfirmation(plan, given)).toEqual({ expected: 'drill_crm,drill_shop', given, matches });
  });

  it('never matches a plan that writes nothing', () => {
    expect(checkConfirmation({ targetDatabases: [] } as unknown as RestorePlan, '').matches).toBe(false);
  });
});
