import { z } from 'zod';
import { archiveDigest, backupIdSchema, hex64, type Manifest } from './manifest';

/**
 * Verification records: written into a backup's folder by a passing verification, one object per mode
 * and scope, so a partial restore never replaces the record of a full verification:
 *
 *   verification.<mode>.json           every namespace was checked (mode integrity, full or restore)
 *   verification.<mode>.partial.json   only some namespaces were checked (a filtered restore)
 *   verification.json                  format 1, written by earlier versions (read, never written)
 *
 * A record names the backup, the archive's SHA-256 and the SHA-256 of the manifest it was checked
 * against, and lists the namespaces it covers, so the catalogue can prove that it belongs to this
 * backup, as it is now, and covers all of it.
 */
export const VERIFICATION_FORMAT_VERSION = 2;

export const VERIFY_MODES = ['integrity', 'full', 'restore'] as const;
export type VerificationMode = (typeof VERIFY_MODES)[number];
export type VerificationScope = 'all' | 'partial';

/** The name earlier versions wrote (format 1). */
export const LEGACY_VERIFICATION_NAME = 'verification.json';

const tool = z.object({ name: z.string(), version: z.string() }).strict();

export const verificationRecordSchema = z
  .object({
    formatVersion: z.literal(VERIFICATION_FORMAT_VERSION),
    backupId: backupIdSchema,
    mode: z.enum(VERIFY_MODES),
    /** `all`: every namespace of the manifest was checked; `partial`: a selection was. */
    scope: z.enum(['all', 'partial']),
    result: z.literal('passed'),
    verifiedAt: z.iso.datetime(),
    tool,
    archiveSha256: hex64,
    /** SHA-256 of manifest.json as it was read for this verification: a later edit shows. */
    manifestSha256: hex64,
    /** Namespaces checked (`db.collection`, as backed up). */
    namespaces: z.array(z.string()),
    /** Namespaces a restore never writes (server-managed system collections), checked in the archive only. */
    notRestorable: z.array(z.string()),
    /** Documents checked: restored and read back in full and restore modes, read from the archive in integrity. */
    documents: z.number().int().nonnegative(),
  })
  .strict();

export type VerificationRecord = z.infer<typeof verificationRecordSchema>;

/** Format 1, as earlier versions wrote it to verification.json: counts only, no SHA-256. */
export const legacyVerificationSchema = z
  .object({
    formatVersion: z.literal(1),
    backupId: z.string(),
    verifiedAt: z.iso.datetime(),
    mode: z.enum(VERIFY_MODES),
    result: z.enum(['passed', 'failed']),
    tool,
    namespaces: z.number().int().nonnegative(),
    documents: z.number().int().nonnegative(),
  })
  .strict();

export type LegacyVerification = z.infer<typeof legacyVerificationSchema>;

/** The file name of the record of one mode and scope. */
export function verificationName(mode: VerificationMode, scope: VerificationScope): string {
  return `verification.${mode}${scope === 'partial' ? '.partial' : ''}.json`;
}

const RECORD_NAME = /^verification\.(integrity|full|restore)(\.partial)?\.json$/;

/** Whether a file name in a backup's folder is a verification record (of any format). */
export function isVerificationName(name: string): boolean {
  return name === LEGACY_VERIFICATION_NAME || RECORD_NAME.test(name);
}

/** A verification record as the catalogue judged it. */
export interface VerificationSummary {
  /** The record's file name in the backup's folder. */
  name: string;
  formatVersion: 1 | 2;
  mode: VerificationMode;
  scope: VerificationScope;
  verifiedAt: string;
  namespaces: number;
  documents: number;
  /** It proves the whole backup verified: passed, this backup, this archive, every namespace. */
  counts: boolean;
  /** Why it does not count, when it does not. */
  note?: string;
}

/** What one record says about its backup: a summary, or the damage it reveals. */
export type RecordVerdict = { summary: VerificationSummary } | { damage: string };

/** How strong a passing verification is: a restore read back beats reading the archive alone. */
export function verificationStrength(mode: VerificationMode): number {
  return mode === 'integrity' ? 1 : 2;
}

/**
 * Judges one record against the backup it sits in. A record that cannot be read, names another
 * backup or archive, or was made against another manifest is damage (someone or something changed the
 * folder); a record that is sound but covers only part of the backup is kept and shown, not counted.
 */
export function judgeRecord(
  name: string,
  text: string,
  folderId: string,
  manifest: Manifest,
  manifestSha256: string,
): RecordVerdict {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { damage: `${name} is not valid JSON` };
  }
  if (name === LEGACY_VERIFICATION_NAME) return judgeLegacy(name, json, folderId, manifest);
  const parsed = verificationRecordSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      damage: `${name} is not a valid verification record: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`,
    };
  }
  const record = parsed.data;
  if (record.backupId !== folderId)
    return { damage: `${name} names backup ${record.backupId}, not ${folderId}` };
  if (verificationName(record.mode, record.scope) !== name) {
    return { damage: `${name} holds the record of a ${record.scope} ${record.mode} verification` };
  }
  if (record.archiveSha256 !== archiveDigest(manifest)) {
    return { damage: `${name} was made for another archive (SHA-256 ${record.archiveSha256.slice(0, 16)}…)` };
  }
  if (record.manifestSha256 !== manifestSha256) {
    return { damage: `manifest.json changed after ${name} was written` };
  }
  const listed = new Map(manifest.namespaces.map((ns) => [`${ns.db}.${ns.collection}`, ns.count]));
  const unknown = [...record.namespaces, ...record.notRestorable].filter((ns) => !listed.has(ns));
  if (unknown.length > 0) {
    return {
      damage: `${name} covers namespaces the manifest does not list: ${unknown.slice(0, 3).join(', ')}`,
    };
  }
  const expectedDocuments = record.namespaces.reduce((sum, ns) => sum + (listed.get(ns) ?? 0), 0);
  if (record.documents !== expectedDocuments) {
    return {
      damage: `${name} counted ${record.documents} documents, the manifest lists ${expectedDocuments} in those namespaces`,
    };
  }
  const covered = new Set([...record.namespaces, ...record.notRestorable]);
  const missing = [...listed.keys()].filter((ns) => !covered.has(ns));
  if (record.scope === 'all' && missing.length > 0) {
    return { damage: `${name} claims every namespace but misses ${missing.slice(0, 3).join(', ')}` };
  }
  const summary: VerificationSummary = {
    name,
    formatVersion: 2,
    mode: record.mode,
    scope: record.scope,
    verifiedAt: record.verifiedAt,
    namespaces: record.namespaces.length,
    documents: record.documents,
    counts: record.scope === 'all',
  };
  if (record.scope === 'partial') {
    summary.note = `covers ${record.namespaces.length} of ${listed.size} namespaces`;
  }
  return { summary };
}

/**
 * Format 1 has no SHA-256 and no namespace list: it counts only when it names this backup, passed,
 * and its counts equal the manifest's totals — earlier versions wrote the same file for a one-collection
 * restore (with the namespaces restored and every document read), and such a record covers nothing whole.
 */
function judgeLegacy(name: string, json: unknown, folderId: string, manifest: Manifest): RecordVerdict {
  const parsed = legacyVerificationSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      damage: `${name} is not a valid verification record: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`,
    };
  }
  const record = parsed.data;
  if (record.backupId !== folderId)
    return { damage: `${name} names backup ${record.backupId}, not ${folderId}` };
  if (record.result !== 'passed') return { damage: `${name} says the ${record.mode} verification failed` };
  const whole =
    record.namespaces === manifest.totals.namespaces && record.documents === manifest.totals.documents;
  return {
    summary: {
      name,
      formatVersion: 1,
      mode: record.mode,
      scope: whole ? 'all' : 'partial',
      verifiedAt: record.verifiedAt,
      namespaces: record.namespaces,
      documents: record.documents,
      counts: whole,
      ...(whole
        ? {}
        : {
            note:
              `format 1 record of ${record.namespaces} namespace(s) and ${record.documents} document(s), ` +
              `the manifest holds ${manifest.totals.namespaces} and ${manifest.totals.documents}: not the whole backup`,
          }),
    },
  };
}
