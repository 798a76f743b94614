import {
  Binary,
  BSONRegExp,
  Code,
  Decimal128,
  type Document,
  Double,
  Int32,
  Long,
  MaxKey,
  MinKey,
  ObjectId,
  Timestamp,
  UUID,
} from 'mongodb';
import type { ShopBsonType } from './bson-types';
import { Random } from './random';

/** The collections of the shop, in the order they are seeded. */
export const SHOP_COLLECTIONS = ['products', 'customers', 'orders', 'reviews', 'events'] as const;
export type ShopCollection = (typeof SHOP_COLLECTIONS)[number];

/** Documents per collection at scale 1 (about 10 MiB of BSON); counts grow linearly with scale. */
export const DOCUMENTS_AT_SCALE_1: Readonly<Record<ShopCollection, number>> = {
  products: 100,
  customers: 1_000,
  orders: 5_000,
  reviews: 1_000,
  events: 16_000,
};

export const EMBEDDING_DIMENSIONS = 384;

export function shopCounts(scale: number): Record<ShopCollection, number> {
  if (!Number.isFinite(scale) || scale <= 0)
    throw new RangeError(`scale must be a positive number, got ${scale}`);
  const counts = {} as Record<ShopCollection, number>;
  for (const name of SHOP_COLLECTIONS)
    counts[name] = Math.max(1, Math.round(DOCUMENTS_AT_SCALE_1[name] * scale));
  return counts;
}

/** Settings every generator shares: which types the server takes, and the shop's size. */
export interface GeneratorContext {
  seed: number | string;
  counts: Record<ShopCollection, number>;
  types: ReadonlySet<ShopBsonType>;
}

// Reference ids are derived one PRNG per index; memoized per context, as orders and events cite them often.
const idCaches = new WeakMap<GeneratorContext, { products: ObjectId[]; customers: UUID[] }>();

function cachedIds(context: GeneratorContext) {
  let cache = idCaches.get(context);
  if (!cache) {
    cache = { products: [], customers: [] };
    idCaches.set(context, cache);
  }
  return cache;
}

function productRef(context: GeneratorContext, index: number): ObjectId {
  const cache = cachedIds(context).products;
  cache[index] ??= productId(context.seed, index);
  return cache[index];
}

function customerRef(context: GeneratorContext, index: number): UUID {
  const cache = cachedIds(context).customers;
  cache[index] ??= customerId(context.seed, index);
  return cache[index];
}

// Everything happens in 2025, so dates and ids do not depend on when the seed runs.
const EPOCH_MS = Date.UTC(2025, 0, 1);
const YEAR_MS = 365 * 24 * 3600 * 1000;

const ADJECTIVES = [
  'Neural',
  'Quantum',
  'Adaptive',
  'Generative',
  'Sparse',
  'Robust',
  'Federated',
  'Latent',
  'Tiny',
  'Multimodal',
];
const NOUNS = [
  'Assistant',
  'Copilot',
  'Vision Kit',
  'Embedding API',
  'Tutor',
  'Summarizer',
  'Agent',
  'Translator',
  'Classifier',
  'Speech Box',
];
const CATEGORIES = ['assistants', 'vision', 'speech', 'nlp', 'robotics', 'dev-tools', 'hardware', 'courses'];
const WORDS = (
  'model inference latency tokens context window prompt agent vector search retrieval fine tune dataset ' +
  'benchmark accuracy throughput gpu cpu edge cloud privacy local offline streaming batch quantized ' +
  'weights training evaluation safety alignment reasoning multilingual summary chat voice image video ' +
  'label cluster embedding similarity ranking recommendation pipeline deploy monitor drift feedback'
).split(' ');
const FIRST_NAMES = [
  'Ada',
  'Alan',
  'Grace',
  'Edsger',
  'Barbara',
  'Donald',
  'Frances',
  'Ken',
  'Radia',
  'Tim',
  'Yann',
  'Fei-Fei',
];
const LAST_NAMES = [
  'Lovelace',
  'Turing',
  'Hopper',
  'Dijkstra',
  'Liskov',
  'Knuth',
  'Allen',
  'Thompson',
  'Perlman',
  'Berners-Lee',
];
const CITIES = [
  'Lisbon',
  'Nairobi',
  'Osaka',
  'Montreal',
  'Berlin',
  'Austin',
  'Bangalore',
  'Lima',
  'Oslo',
  'Perth',
];
const COUNTRIES = ['PT', 'KE', 'JP', 'CA', 'DE', 'US', 'IN', 'PE', 'NO', 'AU'];
const ORDER_STATUSES = ['open', 'paid', 'shipped', 'delivered', 'returned', 'cancelled'];
const EVENT_TYPES = ['page_view', 'search', 'add_to_cart', 'checkout', 'login', 'recommendation_click'];

function sentence(random: Random, words: number): string {
  const parts: string[] = [];
  for (let i = 0; i < words; i++) parts.push(random.pick(WORDS));
  const text = parts.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** An ObjectId whose time part is `atMs` and whose other 8 bytes come from the PRNG. */
function objectIdAt(random: Random, atMs: number): ObjectId {
  const bytes = Buffer.alloc(12);
  bytes.writeUInt32BE(Math.floor(atMs / 1000), 0);
  random.bytes(8).copy(bytes, 4);
  return new ObjectId(bytes);
}

function uuidFrom(random: Random): UUID {
  const bytes = random.bytes(16);
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x40; // version 4
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80; // RFC 4122 variant
  return new UUID(bytes);
}

/** Money: Decimal128 where the server takes it, else a double. */
function money(types: ReadonlySet<ShopBsonType>, cents: number): Decimal128 | Double {
  return types.has('decimal128') ? Decimal128.fromString((cents / 100).toFixed(2)) : new Double(cents / 100);
}

/** Ids of other collections are derived from the index alone, so references resolve without lookups. */
export function productId(seed: number | string, index: number): ObjectId {
  return objectIdAt(new Random(seed, `product-id-${index}`), EPOCH_MS + index * 1000);
}

export function customerId(seed: number | string, index: number): UUID {
  return uuidFrom(new Random(seed, `customer-id-${index}`));
}

export function* products(context: GeneratorContext): Generator<Document> {
  const random = new Random(context.seed, 'products');
  const { types } = context;
  for (let i = 0; i < context.counts.products; i++) {
    const embedding: Double[] = [];
    const floats = new Float32Array(EMBEDDING_DIMENSIONS);
    for (let d = 0; d < EMBEDDING_DIMENSIONS; d++) {
      const value = Math.fround(random.next() * 2 - 1);
      floats[d] = value;
      // Double, not a JS number: a whole number would otherwise be stored as int32.
      embedding.push(new Double(value));
    }
    const priceCents = random.int(99, 99_999);
    const doc: Document = {
      _id: productRef(context, i),
      sku: `AI-${String(i).padStart(6, '0')}`,
      name: `${random.pick(ADJECTIVES)} ${random.pick(NOUNS)} ${i}`,
      description: sentence(random, random.int(20, 60)),
      category: random.pick(CATEGORIES),
      tags: Array.from({ length: random.int(1, 5) }, () => random.pick(WORDS)),
      price: money(types, priceCents),
      stock: new Int32(random.int(0, 500)),
      rating: new Double(Math.round(random.next() * 40 + 10) / 10),
      active: random.chance(0.9),
      createdAt: new Date(EPOCH_MS + random.int(0, YEAR_MS)),
      discontinuedAt: null,
      attributes: {
        vendor: random.pick(LAST_NAMES),
        license: random.pick(['MIT', 'Apache-2.0', 'proprietary']),
      },
      embedding,
      embeddingModel: 'all-MiniLM-L6-v2',
    };
    if (types.has('vector')) doc.embeddingVector = Binary.fromFloat32Array(floats);
    else if (types.has('binary')) doc.embeddingVector = new Binary(Buffer.from(floats.buffer));
    if (types.has('timestamp')) doc.catalogVersion = new Timestamp({ t: 1735689600 + i, i: 1 });
    yield doc;
  }
}

export function* customers(context: GeneratorContext): Generator<Document> {
  const random = new Random(context.seed, 'customers');
  const { types } = context;
  for (let i = 0; i < context.counts.customers; i++) {
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const city = random.int(0, CITIES.length - 1);
    const doc: Document = {
      _id: customerRef(context, i),
      email: `${first}.${last}.${i}@example.com`.toLowerCase(),
      name: { first, last },
      address: { city: CITIES[city], country: COUNTRIES[city], postcode: String(random.int(10000, 99999)) },
      createdAt: new Date(EPOCH_MS + random.int(0, YEAR_MS)),
      lastLoginAt: random.chance(0.2) ? null : new Date(EPOCH_MS + random.int(0, YEAR_MS)),
      loyaltyPoints: Long.fromNumber(random.int(0, 5_000_000) * 1000),
      tier: random.pick(['free', 'pro', 'team', 'enterprise']),
      marketingOptIn: random.chance(0.4),
      avatar: new Binary(random.bytes(48)),
    };
    if (types.has('regex')) doc.emailDomainRule = new BSONRegExp('@example\\.com$', 'i');
    yield doc;
  }
}

export function* orders(context: GeneratorContext): Generator<Document> {
  const random = new Random(context.seed, 'orders');
  const { types, counts } = context;
  for (let i = 0; i < counts.orders; i++) {
    const placedAt = EPOCH_MS + Math.floor((i / counts.orders) * YEAR_MS);
    const items: Document[] = [];
    let totalCents = 0;
    for (let line = random.int(1, 6); line > 0; line--) {
      const product = random.int(0, counts.products - 1);
      const quantity = random.int(1, 4);
      const unitCents = random.int(99, 99_999);
      totalCents += unitCents * quantity;
      items.push({
        productId: productRef(context, product),
        sku: `AI-${String(product).padStart(6, '0')}`,
        quantity: new Int32(quantity),
        unitPrice: money(types, unitCents),
        note: random.chance(0.1) ? sentence(random, 8) : null,
      });
    }
    const status = random.pick(ORDER_STATUSES);
    const city = random.int(0, CITIES.length - 1);
    yield {
      _id: objectIdAt(random, placedAt),
      customerId: customerRef(context, random.int(0, counts.customers - 1)),
      items,
      total: money(types, totalCents),
      currency: 'EUR',
      status,
      placedAt: new Date(placedAt),
      shippedAt:
        status === 'open' || status === 'paid' ? null : new Date(placedAt + random.int(1, 5) * 86_400_000),
      shipping: { city: CITIES[city], country: COUNTRIES[city], express: random.chance(0.25) },
      payment: { method: random.pick(['card', 'paypal', 'invoice']), last4: String(random.int(1000, 9999)) },
      giftMessage: random.chance(0.05) ? sentence(random, 12) : null,
    };
  }
}

export function* reviews(context: GeneratorContext): Generator<Document> {
  const random = new Random(context.seed, 'reviews');
  const { types, counts } = context;
  for (let i = 0; i < counts.reviews; i++) {
    const doc: Document = {
      // Numeric ids (int64), so the shop has numeric, ObjectId and UUID keyed collections.
      _id: Long.fromNumber(1_000_000 + i),
      productId: productRef(context, random.int(0, counts.products - 1)),
      customerId: customerRef(context, random.int(0, counts.customers - 1)),
      rating: new Int32(random.int(1, 5)),
      title: sentence(random, random.int(3, 7)),
      body: sentence(random, random.int(15, 60)),
      helpfulVotes: Long.fromNumber(random.int(0, 300)),
      verifiedPurchase: random.chance(0.7),
      createdAt: new Date(EPOCH_MS + random.int(0, YEAR_MS)),
    };
    if (types.has('javascript')) doc.moderationRule = new Code('function (r) { return r.rating >= 2; }');
    yield doc;
  }
}

export function* events(context: GeneratorContext): Generator<Document> {
  const random = new Random(context.seed, 'events');
  const { types, counts } = context;
  for (let i = 0; i < counts.events; i++) {
    const at = EPOCH_MS + Math.floor((i / counts.events) * YEAR_MS);
    const type = random.pick(EVENT_TYPES);
    const doc: Document = {
      _id: objectIdAt(random, at),
      type,
      at: new Date(at),
      customerId: random.chance(0.8) ? customerRef(context, random.int(0, counts.customers - 1)) : null,
      sessionId: uuidFrom(random),
      seq: Long.fromNumber(i),
      payload:
        type === 'search'
          ? { query: sentence(random, random.int(1, 4)), results: new Int32(random.int(0, 50)) }
          : {
              productIds: Array.from({ length: random.int(0, 3) }, () =>
                productRef(context, random.int(0, counts.products - 1)),
              ),
            },
      client: {
        app: random.pick(['web', 'ios', 'android']),
        version: `${random.int(1, 4)}.${random.int(0, 20)}`,
      },
      durationMs: new Double(Math.round(random.next() * 500_000) / 1000),
    };
    if (types.has('timestamp'))
      doc.ingestedAt = new Timestamp({ t: Math.floor(at / 1000) + 1, i: 1 + (i % 100) });
    if (types.has('minKey') && types.has('maxKey')) doc.window = { from: new MinKey(), to: new MaxKey() };
    yield doc;
  }
}

export const GENERATORS: Readonly<
  Record<ShopCollection, (context: GeneratorContext) => Generator<Document>>
> = {
  products,
  customers,
  orders,
  reviews,
  events,
};
