import { describe, expect, it } from '@jest/globals';
import { NamespaceMapper, pairRenames } from '../src/restore/namespaces';

const ns = (name: string) => ({
  db: name.slice(0, name.indexOf('.')),
  collection: name.slice(name.indexOf('.') + 1),
});
const target = (mapper: NamespaceMapper, name: string) => {
  const t = mapper.target(ns(name));
  return `${t.db}.${t.collection}`;
};

describe('NamespaceMapper', () => {
  it('selects everything by default and keeps names', () => {
    const mapper = new NamespaceMapper();
    expect(mapper.selects(ns('shop.orders'))).toBe(true);
    expect(target(mapper, 'shop.orders')).toBe('shop.orders');
  });

  it.each([
    [['shop.*'], [], 'shop.orders', true],
    [['shop.*'], [], 'crm.orders', false],
    [['shop'], [], 'shop.orders', true],
    [['*.orders'], [], 'crm.orders', true],
    [['shop.order?'], [], 'shop.orders', true],
    [['shop.order?'], [], 'shop.order', false],
    [[], ['shop.events'], 'shop.events', false],
    [['shop.*'], ['shop.events'], 'shop.orders', true],
    [['shop.*'], ['*.system.js'], 'shop.system.js', false],
  ])('include %j exclude %j: %s selected = %s', (include, exclude, name, selected) => {
    expect(new NamespaceMapper({ include, exclude }).selects(ns(name))).toBe(selected);
  });

  it('renames with wildcards, the first matching pair winning', () => {
    const mapper = new NamespaceMapper({
      renames: [
        { from: 'shop.orders', to: 'archive.orders_2026' },
        { from: 'shop.*', to: 'drill_shop.*' },
        { from: '*.users', to: '*_copy.users' },
      ],
    });
    expect(target(mapper, 'shop.orders')).toBe('archive.orders_2026');
    expect(target(mapper, 'shop.customers.v2')).toBe('drill_shop.customers.v2');
    expect(target(mapper, 'crm.users')).toBe('crm_copy.users');
    expect(target(mapper, 'crm.deals')).toBe('crm.deals');
  });

  it('treats a bare database name as all its collections, in renames too', () => {
    expect(target(new NamespaceMapper({ renames: [{ from: 'shop', to: 'drill' }] }), 'shop.orders')).toBe(
      'drill.orders',
    );
  });

  it('lets a database wildcard stop at the first dot', () => {
    const mapper = new NamespaceMapper({ renames: [{ from: '*.*', to: 'vfy_1_*.*' }] });
    expect(target(mapper, 'shop.system.buckets.weather')).toBe('vfy_1_shop.system.buckets.weather');
  });

  it('selects and renames time-series buckets with their collection', () => {
    const mapper = new NamespaceMapper({
      include: ['shop.weather'],
      renames: [{ from: 'shop.weather', to: 'drill.temps' }],
    });
    expect(mapper.selects(ns('shop.system.buckets.weather'))).toBe(true);
    expect(target(mapper, 'shop.system.buckets.weather')).toBe('drill.system.buckets.temps');
  });

  it('refuses malformed patterns, naming the input', () => {
    expect(() => new NamespaceMapper({ include: ['.orders'] })).toThrow(
      /Option 'include' must be a database or namespace pattern/,
    );
    expect(() => new NamespaceMapper({ renames: [{ from: 'shop.*', to: 'drill.orders' }] })).toThrow(
      "Option 'ns-from' ('shop.*') and 'ns-to' ('drill.orders') must have the same number of '*' wildcards.",
    );
  });

  it('refuses a rename that gives an invalid database name', () => {
    const mapper = new NamespaceMapper({ renames: [{ from: 'shop.*', to: 'a/b.*' }] });
    expect(() => mapper.target(ns('shop.orders'))).toThrow(
      "Option 'ns-to' renames shop.orders to 'a/b.orders', which is not a valid target namespace.",
    );
  });
});

describe('pairRenames', () => {
  it('pairs ns-from and ns-to lists', () => {
    expect(pairRenames(['shop.*', 'crm.*'], ['a.*', 'b.*'])).toEqual([
      { from: 'shop.*', to: 'a.*' },
      { from: 'crm.*', to: 'b.*' },
    ]);
  });

  it('refuses unpaired lists', () => {
    expect(() => pairRenames(['shop.*'], [])).toThrow(
      "Option 'ns-from' and 'ns-to' must be given in pairs: got 1 and 0.",
    );
  });
});
