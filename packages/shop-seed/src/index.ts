// A deterministic "AI Shop" database for the demo, the tests and the benchmarks.
export {
  type BsonTypeSupport,
  probeBsonTypes,
  SHOP_BSON_TYPES,
  type ShopBsonType,
  sampleValue,
} from './bson-types';
export {
  customerId,
  DOCUMENTS_AT_SCALE_1,
  EMBEDDING_DIMENSIONS,
  GENERATORS,
  type GeneratorContext,
  productId,
  SHOP_COLLECTIONS,
  type ShopCollection,
  shopCounts,
} from './documents';
export { Random } from './random';
export {
  type ShopIndex,
  type ShopIndexKind,
  type ShopView,
  shopDescription,
  shopIndexes,
  shopViews,
} from './schema';
export { type IndexOutcome, type SeedOptions, type SeedReport, seedShop, type ViewOutcome } from './seed';
