import { z } from 'zod';
import { backupIdSchema, hex64 } from './ids';
import type { Manifest } from './manifest';

/**
 * The anomaly guard: a backup whose data collapsed compared with the previous complete backup of the
 * same source (a namespace gone, or fewer documents by more than the threshold, per namespace or in
 * all) is still committed — it is the truth about the source — but its manifest records the anomaly,
 * and until it is acknowledged retention keeps the newest backup from before it.
 *
 *   <backup-id>/anomaly-ack.json   written by `shipkit ack-anomaly`: the collapse was intended
 */
export const ANOMALY_ACK_NAME = 'anomaly-ack.json';

/** The threshold when none is given: half the documents gone. */
export const DEFAULT_ANOMALY_DROP_PERCENT = 50;

const count = z.number().int().nonnegative();

export const anomalySchema = z
  .object({
    /** The backup this one was compared with. */
    comparedWith: backupIdSchema,
    /** A drop by more than this share of the documents, in percent, is an anomaly. */
    dropPercent: z.number().gt(0).max(100),
    /** Each namespace that disappeared (`after` 0, `missing`) or lost more than the threshold. */
    namespaces: z.array(
      z
        .object({ namespace: z.string(), before: count, after: count, missing: z.boolean().optional() })
        .strict(),
    ),
    /** Present when the total number of documents fell by more than the threshold. */
    total: z.object({ before: count, after: count }).strict().optional(),
    /** Set when the backup was taken with accept-anomaly: the collapse was intended, and acknowledged at once. */
    acceptedAt: z.iso.datetime().optional(),
  })
  .strict();

export type Anomaly = z.infer<typeof anomalySchema>;

function droppedBeyond(before: number, after: number, dropPercent: number): boolean {
  return before > 0 && ((before - after) / before) * 100 > dropPercent;
}

/**
 * Compares a new backup with the previous one of the same source (pure). Undefined when nothing
 * collapsed or the guard is off (`dropPercent` 0).
 */
export function findAnomaly(
  previous: Manifest,
  current: Pick<Manifest, 'namespaces' | 'totals'>,
  dropPercent: number,
): Omit<Anomaly, 'acceptedAt'> | undefined {
  if (dropPercent <= 0) return undefined;
  const now = new Map(current.namespaces.map((ns) => [`${ns.db}.${ns.collection}`, ns.count]));
  const namespaces: Anomaly['namespaces'] = [];
  for (const ns of previous.namespaces) {
    const namespace = `${ns.db}.${ns.collection}`;
    const after = now.get(namespace);
    if (after === undefined) namespaces.push({ namespace, before: ns.count, after: 0, missing: true });
    else if (droppedBeyond(ns.count, after, dropPercent))
      namespaces.push({ namespace, before: ns.count, after });
  }
  const before = previous.totals.documents;
  const after = current.totals.documents;
  const total = droppedBeyond(before, after, dropPercent) ? { before, after } : undefined;
  if (namespaces.length === 0 && !total) return undefined;
  return { comparedWith: previous.backupId, dropPercent, namespaces, ...(total ? { total } : {}) };
}

/**
 * Which earlier backup a new one is compared with: the newest complete one taken with the same
 * selection (include/exclude), since another selection is another source as far as counts go.
 */
export function isSameSource(a: Pick<Manifest, 'settings'>, b: Pick<Manifest, 'settings'>): boolean {
  const same = (x: string[], y: string[]) =>
    x.length === y.length && [...x].sort().every((v, i) => v === [...y].sort()[i]);
  return same(a.settings.include, b.settings.include) && same(a.settings.exclude, b.settings.exclude);
}

/** "shop.orders 10,000 → 1,000; shop.carts gone (12)" */
export function describeAnomaly(anomaly: Pick<Anomaly, 'namespaces' | 'total' | 'comparedWith'>): string {
  const parts = anomaly.namespaces.map((ns) =>
    ns.missing
      ? `${ns.namespace} disappeared (had ${ns.before})`
      : `${ns.namespace} ${ns.before} → ${ns.after}`,
  );
  if (anomaly.total) parts.push(`all documents ${anomaly.total.before} → ${anomaly.total.after}`);
  return `${parts.join('; ')} (compared with ${anomaly.comparedWith})`;
}

/** The acknowledgement of an anomaly: the collapse was intended. */
export const anomalyAckSchema = z
  .object({
    formatVersion: z.literal(1),
    backupId: backupIdSchema,
    acknowledgedAt: z.iso.datetime(),
    /** SHA-256 of the manifest acknowledged: the record belongs to this backup as it is. */
    manifestSha256: hex64,
    note: z.string().max(1000).optional(),
  })
  .strict();

export type AnomalyAck = z.infer<typeof anomalyAckSchema>;

/** An acknowledgement as the catalogue judged it: its time, or why it does not count. */
export function judgeAck(
  text: string,
  folderId: string,
  manifestSha256: string,
): { acknowledgedAt: string } | { damage: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { damage: `${ANOMALY_ACK_NAME} is not valid JSON` };
  }
  const parsed = anomalyAckSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      damage: `${ANOMALY_ACK_NAME} is not a valid acknowledgement: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`,
    };
  }
  if (parsed.data.backupId !== folderId) {
    return { damage: `${ANOMALY_ACK_NAME} names backup ${parsed.data.backupId}, not ${folderId}` };
  }
  if (parsed.data.manifestSha256 !== manifestSha256) {
    return { damage: `manifest.json changed after ${ANOMALY_ACK_NAME} was written` };
  }
  return { acknowledgedAt: parsed.data.acknowledgedAt };
}
