import type { Namespace } from './format';

/** The prelude header, with the archive's own key names. */
export interface ArchiveHeader {
  concurrent_collections: number;
  /** Always "0.1". */
  version: string;
  server_version: string;
  tool_version: string;
}

/** Per-namespace totals over the documents of the data segments. */
export interface NamespaceStats extends Namespace {
  /** Number of documents. */
  count: number;
  /** Sum of the documents' byte lengths. */
  bytes: number;
  /** CRC-64/XZ over the documents in archive order (what the EOF block stores). */
  crc: bigint;
  /** Whether the namespace's EOF block has been written or read. */
  closed: boolean;
}

export interface ArchiveStats {
  /** One entry per namespace that has data segments, in order of first appearance. */
  namespaces: NamespaceStats[];
  /** Documents over all namespaces. */
  documents: number;
  /** Archive bytes written or read so far, framing included. */
  archiveBytes: number;
}
