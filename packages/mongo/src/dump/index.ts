// The dump engine: raw documents of the selected namespaces into a mongodump archive writer.
export { type Catalog, type CatalogEntry, canonicalEjson, readCatalog, uuidHex } from './catalog';
export {
  type AssignedNamespace,
  type DumpOptions,
  type DumpPlan,
  type DumpResult,
  dumpDatabase,
  type NamespaceDump,
  type NamespaceRead,
} from './dump';
export {
  type IdBracket,
  idBracket,
  planIdRanges,
  quantiles,
  type RangeMethod,
  type RangePlan,
  rangeFilters,
} from './ranges';
export { chooseReadMethod, type RawReadOptions, type ReadMethod, readRawBatches } from './read';
export {
  assignedNamespaces,
  balance,
  MAX_PARTS,
  planSplit,
  type SplitNamespace,
  type SplitOptions,
  type SplitPart,
  type SplitPlan,
  type SplitUnit,
} from './split';
