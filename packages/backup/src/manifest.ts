import { z } from 'zod';
import { anomalySchema } from './anomaly';
import { backupIdSchema, hex64 } from './ids';
import { MANIFEST_NAME } from './layout';

/**
 * manifest.json: written LAST, as the commit marker of a backup. It proves what the archive holds —
 * per namespace the count, bytes, CRC-64 and order-independent content hash, options and indexes — and
 * what was stored (size and SHA-256 of the object). It never holds credentials or hosts.
 */
export const MANIFEST_FORMAT_VERSION = 1;

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

export const manifestSchema = z
  .object({
    formatVersion: z.literal(MANIFEST_FORMAT_VERSION),
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
      .strict(),
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
  .strict()
  .superRefine((manifest, context) => {
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
  });

export type NamespaceEntry = z.infer<typeof namespaceEntrySchema>;
export type Manifest = z.infer<typeof manifestSchema>;

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
