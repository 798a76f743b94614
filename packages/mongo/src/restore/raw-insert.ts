import { BSON, type Db, type Document } from 'mongodb';
import * as driverCommands from 'mongodb/lib/cmap/commands.js';

/** A document the server refused, by its position in the batch. */
export interface WriteFailure {
  index: number;
  code: number;
  message: string;
}

export interface InsertOutcome {
  inserted: number;
  failures: WriteFailure[];
}

export type InsertEncoding = 'document-sequence' | 'decoded';

/**
 * Sends an unordered `insert` of documents that are already raw BSON. With the driver's document
 * sequences (OP_MSG kind 1) the bytes go out as they came from the archive; a driver without them
 * falls back to decoding each document (with every BSON type kept) and letting the driver re-encode
 * it — measured at several times the CPU cost per document, so it is only the fallback.
 */
export class RawInserter {
  readonly encoding: InsertEncoding;

  constructor(encoding: InsertEncoding = documentSequencesAvailable() ? 'document-sequence' : 'decoded') {
    this.encoding = encoding;
  }

  async insert(db: Db, collection: string, docs: readonly Uint8Array[]): Promise<InsertOutcome> {
    const documents =
      this.encoding === 'document-sequence'
        ? driverCommands.makeDocumentSequence('documents', docs as Uint8Array[], docs as Uint8Array[])
        : docs.map((doc) => BSON.deserialize(doc, DECODE_EXACT));
    const reply = await db.command({ insert: collection, documents, ordered: false });
    return outcome(reply, docs.length);
  }
}

// Keep every value's BSON type, so the re-encoded bytes equal the original ones.
const DECODE_EXACT = { promoteLongs: false, promoteValues: false, promoteBuffers: false, bsonRegExp: true };

function documentSequencesAvailable(): boolean {
  return typeof driverCommands.makeDocumentSequence === 'function';
}

function outcome(reply: Document, sent: number): InsertOutcome {
  const writeErrors: Document[] = Array.isArray(reply.writeErrors) ? reply.writeErrors : [];
  const failures = writeErrors.map((error) => ({
    index: Number(error.index),
    code: Number(error.code),
    message: String(error.errmsg ?? error.message ?? 'unknown write error'),
  }));
  const inserted = typeof reply.n === 'number' ? reply.n : sent - failures.length;
  if (reply.writeConcernError) {
    const wce = reply.writeConcernError as Document;
    throw new Error(`the server could not confirm the write concern: ${String(wce.errmsg ?? wce.code)}`);
  }
  return { inserted, failures };
}
