import { createHash } from 'node:crypto';
import { combineCrc64 } from '@shipkit/archive';
import { sumContentHashes } from '@shipkit/mongo';
import { z } from 'zod';
import { anomalySchema } from './anomaly';
import { backupIdSchema, hex64 } from './ids';
import { MANIFEST_NAME, MAX_PARTS } from './layout';

/**
 * manifest.json: written LAST, as the commit marker of a backup. It proves what the archive holds —
 * per namespace the count, bytes, CRC-64 and order-independent content hash, options and indexes — and
 * what was stored (size and SHA-256 of the object). It never holds credentials or hosts.
 */
export const MANIFEST_FORMAT_VERSION = 1;
/** A backup written in parts (`shipkit backup plan/part/finalize`): `parts` instead of `archive`. */
export const MULTI_PART_FORMAT_VERSION = 2;

export { backupIdSchema, hex64 } from './ids';

/**
 * MongoDB's own rules for names, so a manifest cannot smuggle a path (`../../x`) or an impossible
 * name into a restore: database names have no `/\. "$` or NUL and at most 64 characters; collection
 * names are not empty and have no `$` or NUL.
 */
const databaseName = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[^/\\. "$\0]+$/, 'not a valid MongoDB database name');
const collectionName = z
  .string()
  .min(1)
  .regex(/^[^$\0]+$/, 'not a valid MongoDB collection name');

/** The archive object: one file name inside the backup's folder, never a path out of it. */
const archiveKey = z
  .string()
  .regex(/^[A-Za-z0-9_-][A-Za-z0-9._-]*$/, "expected a file name in the backup's folder (no '/' or '..')")
  .refine((key) => key !== MANIFEST_NAME && !key.startsWith('verification') && !key.startsWith('anomaly'), {
    message: 'names a file the backup keeps for itself, not an archive',
  });

export const namespaceEntrySchema = z
  .object({
    db: databaseName,
    collection: collectionName,
    type: z.enum(['collection', 'view', 'timeseries']),
    count: z.number().int().nonnegative(),
    bytes: z.number().int().nonnegative(),
    /** CRC-64/XZ over the namespace's document bytes in archive order, 16 hex digits (as in the archive's EOF block). */
    crc: z.string().regex(/^[0-9a-f]{16}$/),
    /** Sum of per-document SHA-256 modulo 2^256 (see @shipkit/mongo ContentHash). */
    contentHash: hex64,
    /** Collection options and index specs as canonical Extended JSON v2, exactly as in the archive prelude. */
    options: z.record(z.string(), z.unknown()),
    indexes: z.array(z.record(z.string(), z.unknown())),
    uuid: z
      .string()
      .regex(/^[0-9a-f]{32}$/)
      .optional(),
  })
  .strict();

const compressionSchema = z.enum(['zstd', 'gzip', 'none']);
const recipientsSchema = z.array(z.string().regex(/^age1[0-9a-z]+$/));

/** What one part holds of a namespace: its share of the namespace's count, bytes, CRC and content hash. */
export const partNamespaceSchema = z
  .object({
    db: databaseName,
    collection: collectionName,
    count: z.number().int().nonnegative(),
    bytes: z.number().int().nonnegative(),
    crc: z.string().regex(/^[0-9a-f]{16}$/),
    contentHash: hex64,
  })
  .strict();

/** One part of a multi-part backup: its archive object, its part record, and when it read the source. */
export const partArchiveSchema = z
  .object({
    part: z.number().int().min(1).max(MAX_PARTS),
    /** The part's archive, a self-contained mongodump archive (e.g. `part-001.mongodump.zst`). */
    key: archiveKey,
    size: z.number().int().nonnegative(),
    sha256: hex64,
    /** The part record (`part-001.json`) finalize checked, and its SHA-256. */
    record: archiveKey,
    recordSha256: hex64,
    /** The part's read window: parts read the source at different moments. */
    startedAt: z.iso.datetime(),
    finishedAt: z.iso.datetime(),
    namespaces: z.array(partNamespaceSchema),
  })
  .strict();

export const partsSchema = z
  .object({
    compression: compressionSchema,
    recipients: recipientsSchema,
    /** When the plan read the catalogue (the manifest's `startedAt` is the same moment). */
    plannedAt: z.iso.datetime(),
    /** Bytes stored over every part. */
    size: z.number().int().nonnegative(),
    /** SHA-256 of the parts' SHA-256 digests, one hex line each in part order: what verification records name. */
    sha256: hex64,
    archives: z.array(partArchiveSchema).min(1).max(MAX_PARTS),
  })
  .strict();

const manifestShape = z
  .object({
    formatVersion: z.union([z.literal(MANIFEST_FORMAT_VERSION), z.literal(MULTI_PART_FORMAT_VERSION)]),
    backupId: backupIdSchema,
    startedAt: z.iso.datetime(),
    finishedAt: z.iso.datetime(),
    tool: z.object({ name: z.string(), version: z.string() }).strict(),
    source: z
      .object({
        serverVersion: z.string(),
        topology: z.enum(['standalone', 'replicaSet', 'sharded', 'unknown']),
        /** What the server says it is when it is not MongoDB itself (e.g. FerretDB), else omitted. */
        flavor: z.string().optional(),
        databases: z.array(z.string()),
      })
      .strict(),
    settings: z
      .object({
        include: z.array(z.string()),
        exclude: z.array(z.string()),
        compression: z.enum(['zstd', 'gzip', 'none']),
        compressionLevel: z.number().int().optional(),
        parallelism: z.number().int().positive(),
      })
      .strict(),
    archive: z
      .object({
        /** Object key relative to the backup's folder, e.g. `archive.mongodump.zst.age`. */
        key: archiveKey,
        format: z.literal('mongodump-archive'),
        compression: z.enum(['zstd', 'gzip', 'none']),
        /** X25519 recipients (`age1…`) the archive is encrypted to; empty = not encrypted. */
        recipients: z.array(z.string().regex(/^age1[0-9a-z]+$/)),
        size: z.number().int().nonnegative(),
        sha256: hex64,
      })
      .strict()
      .optional(),
    /** A multi-part backup's archives (format version 2), instead of `archive`. */
    parts: partsSchema.optional(),
    totals: z
      .object({
        namespaces: z.number().int().nonnegative(),
        documents: z.number().int().nonnegative(),
        bytes: z.number().int().nonnegative(),
      })
      .strict(),
    namespaces: z.array(namespaceEntrySchema),
    /**
     * Set when the data collapsed compared with the previous backup (see anomaly.ts). Absent from
     * manifests written before the guard existed, and from every backup where nothing collapsed.
     */
    anomaly: anomalySchema.optional(),
  })
  .strict();

export const manifestSchema = manifestShape.superRefine((manifest, context) => {
  // The totals are sums of the namespaces: an edit to one without the other is caught here.
  const documents = manifest.namespaces.reduce((sum, ns) => sum + ns.count, 0);
  const bytes = manifest.namespaces.reduce((sum, ns) => sum + ns.bytes, 0);
  const sums = { namespaces: manifest.namespaces.length, documents, bytes };
  for (const [field, sum] of Object.entries(sums) as [keyof typeof sums, number][]) {
    if (manifest.totals[field] !== sum) {
      context.addIssue({
        code: 'custom',
        path: ['totals', field],
        message: `is ${manifest.totals[field]}, but the namespaces add up to ${sum}`,
      });
    }
  }
  const names = new Set<string>();
  for (const [index, ns] of manifest.namespaces.entries()) {
    const name = `${ns.db}.${ns.collection}`;
    if (names.has(name)) {
      context.addIssue({ code: 'custom', path: ['namespaces', index], message: `lists ${name} twice` });
    }
    names.add(name);
  }
  checkLayout(manifest, context);
});

/** One archive (version 1) or parts (version 2), and parts that add up, in part order, to the namespaces. */
function checkLayout(manifest: z.infer<typeof manifestShape>, context: z.RefinementCtx): void {
  const multiPart = manifest.formatVersion === MULTI_PART_FORMAT_VERSION;
  if (multiPart !== (manifest.parts !== undefined) || multiPart === (manifest.archive !== undefined)) {
    context.addIssue({
      code: 'custom',
      path: [multiPart ? 'parts' : 'archive'],
      message: `format version ${manifest.formatVersion} needs ${multiPart ? '`parts` and no `archive`' : '`archive` and no `parts`'}`,
    });
    return;
  }
  const parts = manifest.parts;
  if (!parts) return;
  parts.archives.forEach((archive, index) => {
    if (archive.part !== index + 1) {
      context.addIssue({
        code: 'custom',
        path: ['parts', 'archives', index, 'part'],
        message: `is ${archive.part}, expected ${index + 1} (parts are listed 1 to n in order)`,
      });
    }
  });
  const size = parts.archives.reduce((sum, a) => sum + a.size, 0);
  if (size !== parts.size) {
    context.addIssue({
      code: 'custom',
      path: ['parts', 'size'],
      message: `is ${parts.size}, but the parts add up to ${size}`,
    });
  }
  if (partsDigest(parts.archives) !== parts.sha256) {
    context.addIssue({
      code: 'custom',
      path: ['parts', 'sha256'],
      message: "is not the SHA-256 of the parts' digests",
    });
  }
  for (const [index, ns] of manifest.namespaces.entries()) {
    const summed = sumParts(parts.archives, ns.db, ns.collection);
    for (const field of ['count', 'bytes', 'crc', 'contentHash'] as const) {
      if (summed[field] !== ns[field]) {
        context.addIssue({
          code: 'custom',
          path: ['namespaces', index, field],
          message: `is ${ns[field]}, but the parts holding ${ns.db}.${ns.collection} add up to ${summed[field]}`,
        });
      }
    }
  }
  const listed = new Set(manifest.namespaces.map((ns) => `${ns.db}.${ns.collection}`));
  for (const archive of parts.archives) {
    for (const ns of archive.namespaces) {
      if (!listed.has(`${ns.db}.${ns.collection}`)) {
        context.addIssue({
          code: 'custom',
          path: ['parts', 'archives', archive.part - 1],
          message: `holds ${ns.db}.${ns.collection}, which the manifest does not list`,
        });
      }
    }
  }
}

type PartArchive = z.infer<typeof partArchiveSchema>;

/**
 * A namespace over every part: counts and bytes add, content hashes add modulo 2^256, and the CRC is
 * that of the parts' documents concatenated in part order.
 */
export function sumParts(
  archives: readonly Pick<PartArchive, 'namespaces'>[],
  db: string,
  collection: string,
): { count: number; bytes: number; crc: string; contentHash: string } {
  let count = 0;
  let bytes = 0;
  let crc: bigint | undefined;
  const hashes: string[] = [];
  for (const archive of archives) {
    for (const ns of archive.namespaces) {
      if (ns.db !== db || ns.collection !== collection) continue;
      count += ns.count;
      bytes += ns.bytes;
      const partCrc = BigInt(`0x${ns.crc}`);
      crc = crc === undefined ? partCrc : combineCrc64(crc, partCrc, ns.bytes);
      hashes.push(ns.contentHash);
    }
  }
  return {
    count,
    bytes,
    crc: (crc ?? 0n).toString(16).padStart(16, '0'),
    contentHash: sumContentHashes(hashes),
  };
}

/** SHA-256 of the parts' SHA-256 digests, one hex line each, in part order. */
export function partsDigest(archives: readonly Pick<PartArchive, 'sha256'>[]): string {
  return createHash('sha256')
    .update(archives.map((a) => `${a.sha256}\n`).join(''))
    .digest('hex');
}

/** One stored archive object of a backup, with what the manifest says of it. */
export interface StoredArchive {
  key: string;
  size: number;
  sha256: string;
  /** The part it is, in a multi-part backup. */
  part?: number;
}

/** Every archive object the manifest names: one, or one per part. */
export function storedArchives(manifest: Manifest): StoredArchive[] {
  if (manifest.archive) return [manifest.archive];
  return (manifest.parts?.archives ?? []).map(({ part, key, size, sha256 }) => ({ part, key, size, sha256 }));
}

/** The digest verification records name: the archive's SHA-256, or the digest of the parts' digests. */
export function archiveDigest(manifest: Manifest): string {
  return (manifest.archive ?? manifest.parts)?.sha256 ?? '';
}

/** How the archive (or every part) is encoded, and its stored size in all. */
export function archiveEncoding(manifest: Manifest): {
  compression: 'zstd' | 'gzip' | 'none';
  recipients: string[];
  size: number;
} {
  const { compression, recipients, size } = (manifest.archive ?? manifest.parts) as NonNullable<
    Manifest['parts']
  >;
  return { compression, recipients, size };
}

export type NamespaceEntry = z.infer<typeof namespaceEntrySchema>;
export type Manifest = z.infer<typeof manifestSchema>;
/** The manifest of a backup written in one piece (format version 1): it has its one archive. */
export type SinglePartManifest = Manifest & { archive: NonNullable<Manifest['archive']> };

/** Parses and validates a manifest; the error says which field is wrong. */
export function parseManifest(text: string, where: string): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${where} is not valid JSON: ${(error as Error).message}`);
  }
  const result = manifestSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(
      `${where} is not a valid backup manifest: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`,
    );
  }
  return result.data;
}

export function manifestJsonSchema(): unknown {
  return z.toJSONSchema(manifestSchema, { target: 'draft-2020-12' });
}
