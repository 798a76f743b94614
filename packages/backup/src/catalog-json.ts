import { z } from 'zod';
import { anomalySchema } from './anomaly';
import type { CatalogEntry } from './catalog';
import { archiveEncoding, manifestSchema } from './manifest';
import { VERIFY_MODES } from './verification';

/**
 * The JSON `shipkit list --json` and `shipkit inspect --json` print, as schemas: published in
 * docs/schema/ (`npm run schema -w packages/backup`) so scripts reading them know every state.
 */

const verificationJson = z
  .object({
    name: z.string().meta({ description: "The record's file name in the backup's folder." }),
    formatVersion: z.union([z.literal(1), z.literal(2)]),
    mode: z.enum(VERIFY_MODES),
    scope: z.enum(['all', 'partial']).meta({
      description: 'all: every namespace was checked; partial: a selection (a filtered restore).',
    }),
    verifiedAt: z.iso.datetime(),
    namespaces: z.number().int().nonnegative(),
    documents: z.number().int().nonnegative(),
    counts: z.boolean().meta({ description: 'This record proves the whole backup verified.' }),
    note: z.string().optional().meta({ description: 'Why it does not count, when it does not.' }),
  })
  .strict();

export const backupJsonSchema = z
  .object({
    id: z.string(),
    time: z.iso.datetime().meta({ description: 'When the backup started (from its id).' }),
    state: z.enum(['verified', 'complete', 'damaged', 'incomplete']).meta({
      description:
        'verified: complete, and a verification record proves every namespace passed against this archive. ' +
        'complete: manifest.json parses, validates, names this folder, and the archive is there at its size. ' +
        'damaged: it has a manifest, but the manifest or a verification record fails those checks (see damage); ' +
        'never counted, never chosen by latest, never pruned unless asked. ' +
        'incomplete: no manifest — a run that failed or is still running.',
    }),
    complete: z.boolean().meta({ description: 'state is complete or verified.' }),
    verified: z.boolean().meta({ description: 'state is verified.' }),
    damage: z.array(z.string()).meta({ description: 'Why the backup is damaged; empty unless it is.' }),
    verification: verificationJson.optional().meta({
      description:
        'The strongest passing verification of the whole backup (full or restore over integrity; the newest of equals).',
    }),
    anomaly: anomalySchema.optional().meta({
      description:
        'The collapse of the data since the previous backup that the manifest records: namespaces gone or shrunk beyond the threshold.',
    }),
    anomalyAcknowledgedAt: z.iso.datetime().optional().meta({
      description:
        'When the anomaly was acknowledged (accept-anomaly, or ack-anomaly); absent while it is open.',
    }),
    openAnomaly: z.boolean().optional().meta({
      description: 'An anomaly nobody acknowledged yet: retention keeps the newest backup from before it.',
    }),
    bytes: z.number().int().nonnegative().meta({ description: 'Bytes stored in the folder.' }),
    namespaces: z.number().int().nonnegative().optional(),
    documents: z.number().int().nonnegative().optional(),
    compression: z.enum(['zstd', 'gzip', 'none']).optional(),
    encrypted: z.boolean().optional(),
    /** How many parts a multi-part backup has; absent for a backup written in one piece. */
    parts: z.number().int().positive().optional(),
  })
  .strict();

export const listJsonSchema = z
  .object({
    location: z.string(),
    backups: z.array(backupJsonSchema).meta({ description: 'Newest first.' }),
  })
  .strict();

export const inspectJsonSchema = backupJsonSchema
  .extend({
    verifications: z.array(verificationJson).meta({
      description: 'Every sound verification record of the backup, counted or not.',
    }),
    manifest: manifestSchema.nullable().meta({ description: 'null when it is missing or unreadable.' }),
  })
  .strict();

export type BackupJson = z.infer<typeof backupJsonSchema>;

/** One catalogue entry as `list --json` prints it. */
export function backupJson(entry: CatalogEntry): BackupJson {
  const { manifest } = entry;
  return {
    id: entry.id,
    time: entry.time.toISOString(),
    state: entry.state,
    complete: entry.complete,
    verified: entry.verified,
    damage: entry.damage,
    ...(entry.verification ? { verification: entry.verification } : {}),
    ...(entry.anomaly
      ? {
          anomaly: entry.anomaly,
          ...(entry.anomalyAcknowledgedAt ? { anomalyAcknowledgedAt: entry.anomalyAcknowledgedAt } : {}),
          openAnomaly: entry.openAnomaly,
        }
      : {}),
    bytes: entry.bytes,
    ...(manifest
      ? {
          namespaces: manifest.totals.namespaces,
          documents: manifest.totals.documents,
          compression: archiveEncoding(manifest).compression,
          encrypted: archiveEncoding(manifest).recipients.length > 0,
          ...(manifest.parts ? { parts: manifest.parts.archives.length } : {}),
        }
      : {}),
  };
}

/** One catalogue entry as `inspect --json` prints it. */
export function inspectJson(entry: CatalogEntry): z.infer<typeof inspectJsonSchema> {
  return { ...backupJson(entry), verifications: entry.verifications, manifest: entry.manifest ?? null };
}

export function catalogJsonSchemas(): { list: unknown; inspect: unknown } {
  return {
    list: z.toJSONSchema(listJsonSchema, { target: 'draft-2020-12' }),
    inspect: z.toJSONSchema(inspectJsonSchema, { target: 'draft-2020-12' }),
  };
}
