import type { CreateIndexesOptions, Document, IndexSpecification } from 'mongodb';
import type { ShopCollection } from './documents';

export type ShopIndexKind = 'unique' | 'compound' | 'ttl' | 'partial' | 'text';

export interface ShopIndex {
  collection: ShopCollection;
  name: string;
  kind: ShopIndexKind;
  key: IndexSpecification;
  options: CreateIndexesOptions;
}

/** About 63 years: the TTL index is real, but no seeded event ever expires during a test. */
const TTL_SECONDS = 2_000_000_000;

/** The indexes the shop asks for; servers that refuse some (FerretDB 1.x) are reported, not fatal. */
export const shopIndexes: readonly ShopIndex[] = [
  { collection: 'products', name: 'sku_unique', kind: 'unique', key: { sku: 1 }, options: { unique: true } },
  {
    collection: 'products',
    name: 'category_price',
    kind: 'compound',
    key: { category: 1, price: -1 },
    options: {},
  },
  {
    collection: 'products',
    name: 'name_description_text',
    kind: 'text',
    key: { name: 'text', description: 'text' },
    options: { weights: { name: 5, description: 1 } },
  },
  {
    collection: 'products',
    name: 'low_stock_partial',
    kind: 'partial',
    key: { stock: 1 },
    options: { partialFilterExpression: { stock: { $lt: 10 } } },
  },
  {
    collection: 'customers',
    name: 'email_unique',
    kind: 'unique',
    key: { email: 1 },
    options: { unique: true },
  },
  {
    collection: 'orders',
    name: 'customer_placedAt',
    kind: 'compound',
    key: { customerId: 1, placedAt: -1 },
    options: {},
  },
  {
    collection: 'orders',
    name: 'open_orders_partial',
    kind: 'partial',
    key: { placedAt: 1 },
    options: { partialFilterExpression: { status: 'open' } },
  },
  {
    collection: 'reviews',
    name: 'product_rating',
    kind: 'compound',
    key: { productId: 1, rating: -1 },
    options: {},
  },
  {
    collection: 'events',
    name: 'at_ttl',
    kind: 'ttl',
    key: { at: 1 },
    options: { expireAfterSeconds: TTL_SECONDS },
  },
  {
    collection: 'events',
    name: 'customer_at',
    kind: 'compound',
    key: { customerId: 1, at: -1 },
    options: {},
  },
];

export interface ShopView {
  name: string;
  viewOn: ShopCollection;
  pipeline: Document[];
}

/** Views the shop asks for, where the server supports views. */
export const shopViews: readonly ShopView[] = [
  {
    name: 'activeProducts',
    viewOn: 'products',
    pipeline: [{ $match: { active: true } }, { $project: { embedding: 0, embeddingVector: 0 } }],
  },
];

/** A one-paragraph description of the shop, for docs and test messages. */
export const shopDescription =
  'An "AI Shop": products (text, 384-dimension embeddings as a double array and as a float32 vector), ' +
  'customers (UUID ids), orders with line items, reviews (int64 ids) and events (the bulk); every BSON ' +
  'type the server accepts except the deprecated symbol, undefined, DBPointer and code-with-scope; ' +
  'unique, compound, TTL, partial and text indexes and an activeProducts view where the server supports them.';
