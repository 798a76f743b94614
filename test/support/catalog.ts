/**
 * Backup folders for catalogue tests that need no server: an archive object (any bytes — the catalogue
 * checks its size, verification reads it) with a schema-valid manifest naming it, and verification
 * records written the way a passing verification writes them.
 */
import { createHash } from 'node:crypto';
import {
  type Manifest,
  manifestSchema,
  newBackupId,
  TOOL,
  type VerificationMode,
  type VerificationRecord,
  type VerificationScope,
  verificationName,
} from '@shipkit/backup';
import type { Storage } from '@shipkit/storage';

export interface FakeBackup {
  id: string;
  manifest: Manifest;
  /** The exact bytes of manifest.json. */
  manifestText: string;
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** A complete backup taken at `at`: two namespaces of 60 and 40 documents, archive `archive.mongodump.zst`. */
export async function fakeBackup(
  storage: Storage,
  at: Date,
  options: { data?: Buffer; edit?: (manifest: Manifest) => void } = {},
): Promise<FakeBackup> {
  const id = newBackupId(at);
  const data = options.data ?? Buffer.from(`archive of ${id}`);
  const namespace = (collection: string, count: number) => ({
    db: 'shop',
    collection,
    type: 'collection' as const,
    count,
    bytes: count * 100,
    crc: '0123456789abcdef',
    contentHash: sha256(collection),
    options: {},
    indexes: [{ v: { $numberInt: '2' }, key: { _id: { $numberInt: '1' } }, name: '_id_' }],
  });
  const manifest = manifestSchema.parse({
    formatVersion: 1,
    backupId: id,
    startedAt: at.toISOString(),
    finishedAt: at.toISOString(),
    tool: TOOL,
    source: { serverVersion: '7.0.0', topology: 'standalone', databases: ['shop'] },
    settings: { include: ['shop'], exclude: [], compression: 'zstd', parallelism: 4 },
    archive: {
      key: 'archive.mongodump.zst',
      format: 'mongodump-archive',
      compression: 'zstd',
      recipients: [],
      size: data.length,
      sha256: sha256(data),
    },
    totals: { namespaces: 2, documents: 100, bytes: 10_000 },
    namespaces: [namespace('orders', 60), namespace('customers', 40)],
  });
  options.edit?.(manifest);
  const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
  await storage.put(`${id}/archive.mongodump.zst`, data);
  await storage.put(`${id}/manifest.json`, Buffer.from(manifestText));
  return { id, manifest, manifestText };
}

/** The record a passing verification of `namespaces` (default: all) writes; returns it and its key. */
export async function fakeVerification(
  storage: Storage,
  backup: FakeBackup,
  mode: VerificationMode,
  options: {
    namespaces?: string[];
    at?: Date;
    edit?: (record: VerificationRecord) => void;
  } = {},
): Promise<{ key: string; record: VerificationRecord }> {
  const all = backup.manifest.namespaces.map((ns) => `${ns.db}.${ns.collection}`);
  const namespaces = options.namespaces ?? all;
  const scope: VerificationScope = all.every((ns) => namespaces.includes(ns)) ? 'all' : 'partial';
  const record: VerificationRecord = {
    formatVersion: 2,
    backupId: backup.id,
    mode,
    scope,
    result: 'passed',
    verifiedAt: (options.at ?? new Date()).toISOString(),
    tool: { ...TOOL },
    archiveSha256: backup.manifest.archive!.sha256,
    manifestSha256: sha256(backup.manifestText),
    namespaces,
    notRestorable: [],
    documents: backup.manifest.namespaces
      .filter((ns) => namespaces.includes(`${ns.db}.${ns.collection}`))
      .reduce((sum, ns) => sum + ns.count, 0),
  };
  options.edit?.(record);
  const key = `${backup.id}/${verificationName(mode, scope)}`;
  await storage.put(key, Buffer.from(JSON.stringify(record, null, 2)));
  return { key, record };
}
