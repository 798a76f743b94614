/**
 * The archive bytes (or a write request) break the mongodump archive format. The message names the
 * namespace and the byte offset in the archive when they are known; both are also on the error.
 */
export class ArchiveFormatError extends Error {
  override readonly name = 'ArchiveFormatError';
  readonly namespace: string | undefined;
  readonly offset: number | undefined;

  constructor(message: string, details: { namespace?: string; offset?: number } = {}) {
    super(message);
    this.namespace = details.namespace;
    this.offset = details.offset;
  }
}
