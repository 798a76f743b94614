import { describe, expect, it } from '@jest/globals';
import { UserError } from '@shipkit/runtime';
import {
  assertFiltersMatch,
  NamespaceFilter,
  parseNamespacePattern,
  skipReason,
  unmatchedFilterError,
} from '../src/filters';

const ns = (name: string) => {
  const dot = name.indexOf('.');
  return { db: name.slice(0, dot), collection: name.slice(dot + 1) };
};

describe('parseNamespacePattern', () => {
  it.each([
    ['shop', { db: 'shop', collection: '*' }],
    ['shop.orders', { db: 'shop', collection: 'orders' }],
    ['shop.*', { db: 'shop', collection: '*' }],
    ['*.events', { db: '*', collection: 'events' }],
    ['shop.order?', { db: 'shop', collection: 'order?' }],
    ['shop.a.b', { db: 'shop', collection: 'a.b' }],
    ['  shop.orders ', { db: 'shop', collection: 'orders' }],
  ])('%j → %j', (text, expected) => {
    expect(parseNamespacePattern(text, 'include')).toMatchObject(expected);
  });

  it.each([
    ['', /empty/],
    ['   ', /empty/],
    ['.orders', /database part is empty/],
    ['shop.', /collection part is empty/],
    ['sh op', /white space/],
    ['a/b.c', /cannot contain/],
  ])('rejects %j with a UserError naming the filter', (text, why) => {
    const attempt = () => parseNamespacePattern(text, 'exclude');
    expect(attempt).toThrow(UserError);
    expect(attempt).toThrow(why);
    expect(attempt).toThrow(/^Option 'exclude' has /);
  });
});

describe('skipReason (what mongodump leaves out)', () => {
  it.each([
    ['shop.orders', undefined],
    ['local.oplog.rs', /local database is never dumped/],
    ['local.startup_log', /never dumped/],
    ['config.chunks', /config database is never dumped/],
    ['admin.system.users', undefined],
    ['admin.system.roles', undefined],
    ['admin.system.version', /system collections/],
    ['shop.system.users', /system collections/],
    ['shop.system.js', undefined],
    ['admin.system.js', undefined],
    ['shop.system.profile', /system collections/],
    ['shop.system.views', /views/],
    ['shop.system.buckets.metrics', /dumped with their collection metrics/],
    ['shop.systemic', undefined],
    ['admin.accounts', undefined],
  ])('%s → %p', (name, expected) => {
    const reason = skipReason(ns(name));
    if (expected === undefined) expect(reason).toBeUndefined();
    else expect(reason).toMatch(expected);
  });
});

describe('NamespaceFilter', () => {
  const cases: { include?: string[]; exclude?: string[]; yes: string[]; no: string[] }[] = [
    {
      yes: ['shop.orders', 'crm.leads', 'shop.system.js'],
      no: ['admin.accounts', 'local.x', 'config.x', 'shop.system.profile'],
    },
    { include: ['shop'], yes: ['shop.orders', 'shop.a.b'], no: ['shopping.orders', 'crm.leads'] },
    { include: ['shop.orders'], yes: ['shop.orders'], no: ['shop.orders2', 'shop.order', 'crm.orders'] },
    { include: ['shop.*'], yes: ['shop.orders', 'shop.a.b'], no: ['crm.orders'] },
    { include: ['*.events'], yes: ['shop.events', 'crm.events'], no: ['shop.events2', 'admin.events'] },
    { include: ['shop.order?'], yes: ['shop.orders', 'shop.order1'], no: ['shop.order', 'shop.orders2'] },
    { include: ['sh*p.*'], yes: ['shop.x', 'sheep.x'], no: ['shopping.x'] },
    { include: ['shop'], exclude: ['shop.events'], yes: ['shop.orders'], no: ['shop.events'] },
    { include: ['shop.events'], exclude: ['shop'], yes: [], no: ['shop.events', 'shop.orders'] },
    { exclude: ['*.tmp_*'], yes: ['shop.orders'], no: ['shop.tmp_1', 'crm.tmp_x'] },
    {
      include: ['admin'],
      yes: ['admin.system.users', 'admin.accounts'],
      no: ['admin.system.version', 'shop.orders'],
    },
    { include: ['*'], yes: ['shop.orders'], no: ['admin.system.users', 'admin.accounts'] },
    { include: ['local'], yes: [], no: ['local.oplog.rs'] },
    { include: ['shop.a.*'], yes: ['shop.a.b', 'shop.a.b.c'], no: ['shop.ab'] },
    { include: ['shop.(x)+'], yes: ['shop.(x)+'], no: ['shop.xx'] },
  ];

  const labelled = cases.map((c) => ({
    ...c,
    label: `include ${c.include ?? '(all)'}, exclude ${c.exclude ?? '(none)'}`,
  }));
  it.each(labelled)('$label', ({ include, exclude, yes, no }) => {
    const filter = new NamespaceFilter({ ...(include ? { include } : {}), ...(exclude ? { exclude } : {}) });
    for (const name of yes) expect([name, filter.includes(ns(name))]).toEqual([name, true]);
    for (const name of no) expect([name, filter.includes(ns(name))]).toEqual([name, false]);
  });

  it('prunes databases before listing them', () => {
    const filter = new NamespaceFilter({ include: ['shop.*', '*.events'], exclude: ['crm'] });
    expect(
      ['shop', 'crm', 'web', 'admin', 'local', 'config'].filter((db) => filter.includesDatabase(db)),
    ).toEqual(['shop', 'web']);
  });

  it('reports the patterns that match nothing, skip rules applied', () => {
    const existing = ['shop.orders', 'shop.events', 'shop.system.profile', 'crm.leads'].map(ns);
    const filter = new NamespaceFilter({
      include: ['shop.orders', 'shop.orderz', 'shop.system.profile', '*.leads'],
      exclude: ['shop.nothing', 'crm'],
    });
    expect(filter.unmatched(existing).map((p) => `${p.kind}:${p.text}`)).toEqual([
      'include:shop.orderz',
      'include:shop.system.profile',
      'exclude:shop.nothing',
    ]);
  });
});

describe('unmatchedFilterError', () => {
  const existing = ['shop.orders', 'shop.events', 'shop.system.profile', 'crm.leads'].map(ns);

  it('lists the collections of the database the filter named', () => {
    const error = unmatchedFilterError(parseNamespacePattern('shop.orderz', 'include'), existing);
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toBe(
      "Option 'include' has 'shop.orderz', which matches nothing on the server. Collections there: shop.events, shop.orders.",
    );
  });

  it('lists the databases when no database matched', () => {
    const error = unmatchedFilterError(parseNamespacePattern('shpo', 'include'), existing, [
      'crm',
      'shop',
      'web',
    ]);
    expect(error.message).toBe(
      "Option 'include' has 'shpo', which matches nothing on the server. Databases: crm, shop, web.",
    );
  });

  it('says why a namespace that exists is not dumped', () => {
    const error = unmatchedFilterError(parseNamespacePattern('shop.system.profile', 'include'), existing);
    expect(error.message).toMatch(/shop\.system\.profile: system collections are not dumped/);
  });

  it('says local and config are never dumped', () => {
    const error = unmatchedFilterError(parseNamespacePattern('local.oplog.rs', 'include'), [], ['local']);
    expect(error.message).toMatch(/local database is never dumped/);
  });

  it('keeps long lists short', () => {
    const many = Array.from({ length: 40 }, (_, i) => ns(`big.c${String(i).padStart(2, '0')}`));
    const error = unmatchedFilterError(parseNamespacePattern('big.nope', 'include'), many);
    expect(error.message).toMatch(/big\.c24 and 15 more\.$/);
  });

  it('assertFiltersMatch throws for the first unmatched pattern only', () => {
    const filter = new NamespaceFilter({ include: ['shop.orders', 'crm.nope'] });
    expect(() => assertFiltersMatch(filter, existing)).toThrow(/'crm\.nope'.*crm\.leads/);
    expect(() => assertFiltersMatch(new NamespaceFilter({ include: ['shop'] }), existing)).not.toThrow();
  });
});
