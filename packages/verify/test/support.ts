// Shared by the verify tests: stock mongodump archives, and backup folders built from an archive with
// the manifest computed from its content (as the backup pipeline writes it).
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { promisify } from 'node:util';
import { readArchive } from '@shipkit/archive';
import {
  archiveName,
  backupKeys,
  type Compression,
  compressStream,
  encryptStream,
  type Manifest,
  manifestSchema,
  newBackupId,
  TOOL,
} from '@shipkit/backup';
import { ContentHash } from '@shipkit/mongo';
import { FileStorage, type Storage } from '@shipkit/storage';
import type { Document, MongoClient } from 'mongodb';

const run = promisify(execFile);

/** `mongodump --archive` of one database, as the stock tool writes it (plain or --gzip). */
export async function stockDump(
  toolsBin: string,
  uri: string,
  db: string,
  file: string,
  gzip = false,
): Promise<Buffer> {
  await run(join(toolsBin, 'mongodump'), [
    `--uri=${uri}`,
    `--db=${db}`,
    `--archive=${file}`,
    ...(gzip ? ['--gzip'] : []),
  ]);
  return readFile(file);
}

export interface BuiltBackup {
  id: string;
  manifest: Manifest;
  /** Key of the archive object in the storage. */
  archiveKey: string;
  stored: Buffer;
}

/**
 * Stores a plain archive as a backup folder: compressed and encrypted as asked, with the manifest
 * (counts, CRCs, content hashes, options and indexes per namespace, SHA-256 of the stored object).
 */
export async function storeBackup(
  storage: Storage,
  archive: Buffer,
  options: { compression?: Compression; recipients?: string[]; at?: Date; edit?: (m: Manifest) => void } = {},
): Promise<BuiltBackup> {
  const compression = options.compression ?? 'zstd';
  const recipients = options.recipients ?? [];
  const at = options.at ?? new Date();
  const id = newBackupId(at);
  let stream: Readable = Readable.from([archive]).pipe(compressStream(compression));
  if (recipients.length > 0) stream = await encryptStream(stream, recipients);
  const stored = await buffer(stream);
  const name = archiveName(compression, recipients.length > 0);
  const keys = backupKeys(id, name);
  await storage.put(keys.archive, stored);
  const namespaces = await manifestNamespaces(archive);
  const manifest: Manifest = manifestSchema.parse({
    formatVersion: 1,
    backupId: id,
    startedAt: at.toISOString(),
    finishedAt: at.toISOString(),
    tool: TOOL,
    source: {
      serverVersion: '7.0.0',
      topology: 'standalone',
      databases: [...new Set(namespaces.map((n) => n.db))],
    },
    settings: { include: [], exclude: [], compression, parallelism: 4 },
    archive: {
      key: name,
      format: 'mongodump-archive',
      compression,
      recipients,
      size: stored.length,
      sha256: createHash('sha256').update(stored).digest('hex'),
    },
    totals: {
      namespaces: namespaces.length,
      documents: namespaces.reduce((t, n) => t + n.count, 0),
      bytes: namespaces.reduce((t, n) => t + n.bytes, 0),
    },
    namespaces,
  });
  options.edit?.(manifest);
  await storage.put(keys.manifest, Buffer.from(JSON.stringify(manifest, null, 2)));
  return { id, manifest, archiveKey: keys.archive, stored };
}

async function manifestNamespaces(archive: Buffer): Promise<Manifest['namespaces']> {
  const entries = new Map<string, Manifest['namespaces'][number]>();
  const hashes = new Map<string, ContentHash>();
  for await (const event of readArchive([archive])) {
    if (event.type === 'prelude') {
      for (const ns of event.namespaces) {
        const metadata = JSON.parse(ns.rawMetadata) as Document;
        entries.set(`${ns.db}.${ns.collection}`, {
          db: ns.db,
          collection: ns.collection,
          type: ns.type,
          count: 0,
          bytes: 0,
          crc: '0'.repeat(16),
          contentHash: '0'.repeat(64),
          options: metadata.options ?? {},
          indexes: metadata.indexes ?? [],
          ...(metadata.uuid ? { uuid: metadata.uuid } : {}),
        });
        hashes.set(`${ns.db}.${ns.collection}`, new ContentHash());
      }
    } else if (event.type === 'documents') {
      const name = `${event.ns.db}.${event.ns.collection}`;
      const entry = entries.get(name);
      if (!entry) continue;
      for (const doc of event.docs) {
        hashes.get(name)?.add(doc);
        entry.bytes += doc.length;
      }
      entry.count += event.docs.length;
    } else if (event.type === 'eof') {
      const entry = entries.get(`${event.ns.db}.${event.ns.collection}`);
      if (entry) entry.crc = event.crc.toString(16).padStart(16, '0');
    }
  }
  for (const [name, entry] of entries) entry.contentHash = hashes.get(name)?.hex() ?? entry.contentHash;
  return [...entries.values()];
}

/** A folder storage in a fresh temporary directory. */
export function fileStorage(dir: string): FileStorage {
  return new FileStorage({ kind: 'file', root: dir });
}

/** Raw documents of a collection, to compare byte for byte. */
export async function rawDocuments(client: MongoClient, db: string, collection: string): Promise<Buffer[]> {
  const docs = await client.db(db).collection(collection).find({}, { raw: true }).toArray();
  return (docs as unknown as Buffer[]).map((d) => Buffer.from(d)).sort(Buffer.compare);
}
