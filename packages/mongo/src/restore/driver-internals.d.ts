// The driver builds OP_MSG document sequences from already serialized documents internally; the
// restore engine uses that to send archive documents without decoding them (see raw-insert.ts).
declare module 'mongodb/lib/cmap/commands.js' {
  export function makeDocumentSequence(
    field: string,
    documents: unknown[],
    serialized: Uint8Array[],
  ): unknown;
}
