import { z } from 'zod';
import { EVENTS } from './events';
import { NOTIFICATION_VERSION } from './payloads';

/**
 * The generic webhook's body, as a schema: published as docs/schema/notification.schema.json
 * (`npm run schema -w packages/notify`) so receivers know every field.
 */
const count = z.number().int().nonnegative();

export const notificationSchema = z
  .object({
    version: z.literal(NOTIFICATION_VERSION),
    event: z.enum(EVENTS).meta({
      description:
        'What happened. freshness.ok only ever reaches the heartbeat, never a webhook (a daily "all is well" is no news).',
    }),
    at: z.iso.datetime().meta({ description: 'When the run ended.' }),
    summary: z.string().meta({ description: 'One line saying what happened.' }),
    backupId: z.string().optional(),
    destination: z.string().optional().meta({
      description: 'Where the backups are (s3://bucket/prefix, file:///path), never with credentials.',
    }),
    documents: count.optional(),
    bytes: count.optional().meta({ description: 'Bytes stored (backup) or read (verify, restore).' }),
    durationSeconds: count.optional(),
    failure: z.string().optional().meta({ description: 'What failed: the error, or the problems found.' }),
    anomalies: z
      .array(z.object({ namespace: z.string(), before: count, after: count }).strict())
      .optional()
      .meta({
        description:
          'backup.anomaly: each namespace whose documents collapsed, with its counts; "(all namespaces)" for the total.',
      }),
    ageSeconds: count
      .optional()
      .meta({ description: 'freshness.*: the age of the newest qualifying backup.' }),
    tool: z.object({ name: z.string(), version: z.string() }).strict(),
  })
  .strict();

export function notificationJsonSchema(): unknown {
  return z.toJSONSchema(notificationSchema, { target: 'draft-2020-12' });
}
