import { describe, expect, it } from '@jest/globals';
import type { PreludeNamespace } from '@shipkit/archive';
import {
  describeOutcomes,
  newRunId,
  type PlannedNamespace,
  parseStagingName,
  type RestorePlan,
  refusalError,
  stagingName,
} from '../src/restore';

describe('staging names', () => {
  it('are recognised again, and nothing else is', () => {
    const run = newRunId();
    expect(run).toMatch(/^[0-9a-f]{8}$/);
    expect(stagingName(run, 'new', 'orders.2026')).toBe(`_shipkit_restore_${run}_new_orders.2026`);
    expect(parseStagingName(stagingName(run, 'old', 'orders'))).toEqual({
      run,
      role: 'old',
      collection: 'orders',
    });
    for (const name of [
      'orders',
      '_shipkit_restore_orders',
      '_shipkit_restore_0badf00d_mid_orders',
      '_shipkit_restore_0BADF00D_new_x',
    ]) {
      expect(parseStagingName(name)).toBeUndefined();
    }
  });
});

const entry: PreludeNamespace = {
  db: 'shop',
  collection: 'orders',
  type: 'collection',
  rawMetadata: '',
  metadata: {},
};

function planned(collection: string, overrides: Partial<PlannedNamespace>): PlannedNamespace {
  const target = { db: 'shop', collection };
  return {
    source: target,
    target,
    type: 'collection',
    entry: { ...entry, collection },
    existing: { kind: 'absent' },
    action: 'create',
    writeTo: target,
    ...overrides,
  };
}

function plan(namespaces: PlannedNamespace[], leftovers: RestorePlan['leftovers'] = []): RestorePlan {
  return { namespaces, excluded: [], skipped: [], targetDatabases: ['shop'], leftovers, warnings: [] };
}

describe('refusalError', () => {
  it('is undefined when nothing is in the way', () => {
    expect(refusalError(plan([planned('orders', {})]))).toBeUndefined();
  });

  it('names what holds data, what cannot be swapped, and the previous data an interrupted swap left', () => {
    const refused = refusalError(
      plan(
        [
          planned('orders', {
            existing: { kind: 'collection', documents: 12 },
            action: 'refuse',
            refusal: 'occupied',
          }),
          planned('metrics', {
            type: 'timeseries',
            existing: { kind: 'timeseries', documents: 3 },
            action: 'refuse',
            refusal: 'not-swappable',
          }),
        ],
        [
          {
            db: 'shop',
            name: '_shipkit_restore_0badf00d_old_users',
            run: '0badf00d',
            role: 'old',
            collection: 'users',
          },
        ],
      ),
    );
    expect(refused?.message).toBe(
      "Refusing to restore into existing namespaces without 'drop': shop.orders (holds ~12 documents). " +
        'Refusing to replace shop.metrics (holds ~3 documents): a time-series collection cannot be renamed ' +
        '(MongoDB before 8.3), so a restored one cannot be swapped in after the check, and replacing it would ' +
        'destroy it first. An earlier restore was interrupted while swapping and left previous data in ' +
        'shop._shipkit_restore_0badf00d_old_users (what shop.users held). Nothing was written. ' +
        "Restore under other names ('ns-from'/'ns-to'), or give 'drop' to replace them. Restore time-series " +
        "collections under other names ('ns-from'/'ns-to'), or drop the existing one yourself once `shipkit verify` " +
        'passed on this backup. Check each one, rename it back to its name or drop it, then run the restore again.',
    );
  });

  it('lets restored data an interrupted run left pass: the restore removes it', () => {
    const leftover = {
      db: 'shop',
      name: '_shipkit_restore_0badf00d_new_users',
      run: '0badf00d',
      role: 'new' as const,
      collection: 'users',
    };
    expect(refusalError(plan([planned('orders', {})], [leftover]))).toBeUndefined();
  });
});

describe('describeOutcomes', () => {
  it('says when nothing of the target changed, and lists every namespace with its state', () => {
    expect(
      describeOutcomes([
        { namespace: 'shop.orders', state: 'left as it was', note: 'holds ~12 documents' },
        { namespace: 'shop.users', state: 'untouched', note: 'absent' },
      ]),
    ).toBe(
      'Target namespaces (nothing of the target changed; the staging collections were removed):\n' +
        '  shop.orders: left as it was — holds ~12 documents\n' +
        '  shop.users: untouched — absent',
    );
    expect(
      describeOutcomes([
        { namespace: 'shop.orders', state: 'replaced', note: 'was: holds ~12 documents' },
        { namespace: 'shop.users', state: 'restored' },
      ]),
    ).toBe('Target namespaces:\n  shop.orders: replaced — was: holds ~12 documents\n  shop.users: restored');
  });
});
