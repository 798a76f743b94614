import { CONNECT_TIMEOUT, pairRenames, RENAME_ROWS } from '@shipkit/mongo';
import { failedEvent, NOTIFY_ROWS } from '@shipkit/notify';
import {
  DROP,
  DRY_RUN,
  leftoversLine,
  NO_READ_BACK,
  planRows,
  RESTORE_EXCLUDE,
  RESTORE_INCLUDE,
  runRestore,
  TARGET_URI,
} from '@shipkit/restore';
import { EXIT, formatCount, type Values } from '@shipkit/runtime';
import { type CommandContext, command } from '../command';
import { reporting } from '../notify';
import { textTable } from '../text';
import { backupRunOptions, printReport, reportEvent, SOURCE_OPTIONS } from './verify';

const RESTORE_OPTIONS = {
  ...SOURCE_OPTIONS,
  'target-mongodb-uri': { ...TARGET_URI, required: true as const },
  'connect-timeout': CONNECT_TIMEOUT,
  ...RENAME_ROWS,
  include: RESTORE_INCLUDE,
  exclude: RESTORE_EXCLUDE,
  drop: DROP,
  'dry-run': DRY_RUN,
  'no-read-back': NO_READ_BACK,
  ...NOTIFY_ROWS,
};

export const restore = command({
  name: 'restore',
  usage:
    '--from <backup-url | prefix --latest | backup-id | archive-url> --uri <target> [--ns-from <p> --ns-to <p>] [--drop] [--dry-run]',
  options: RESTORE_OPTIONS,
  details: `
Collections are created with their options, documents sent in parallel unordered batches, indexes
built after the data, views last. A target namespace that already holds documents is refused unless
--drop is given. Every document the target refuses (duplicate key, validation) is counted and fails
the restore, with the first errors shown.

The restore is staged: each collection is written as _shipkit_restore_<run>_new_<name> in its target
database and read back there — count, content hash and indexes against the manifest (or, for a bare
archive, the archive). Only when the whole archive was read, every CRC and the stored SHA-256 matched
and nothing differs are the staged collections renamed into place, and what the targets held dropped.
Any failure, SIGINT/SIGTERM or --timeout removes the staging and leaves every target as it was; the
message lists each target namespace and its state. Staging left by a killed run is removed by the next
restore into that database. --no-read-back skips the read-back (the archive is still checked; no
verification record is written).

Examples:
  MONGODB_URI=… shipkit restore --from s3://acme-backups/shop --latest --ns-from 'shop.*' --ns-to 'drill_shop.*'
  MONGODB_URI=… shipkit restore --from file:///backups/dump.archive --dry-run

--notify and --heartbeat report a restore's outcome (not a dry run's).`,
  async run({ options }, context) {
    if (options['dry-run']) return restoreOrPlan(options, context);
    const started = Date.now();
    return reporting(
      options,
      context,
      (error) =>
        failedEvent('restore.failed', error, new Date(), {
          destination: options.from,
          durationMs: Date.now() - started,
        }),
      async () => {
        const outcome = await runRestore(await restoreOptions(options, context), {
          logger: context.logger,
          signal: context.signal,
        });
        if (outcome.kind !== 'report') throw new Error('a restore that is not a dry run returned a plan');
        const code = await printReport(outcome.report, options.report, context);
        return { code, event: reportEvent('restore', outcome.report) };
      },
    );
  },
});

type RestoreValues = Values<typeof RESTORE_OPTIONS>;

async function restoreOptions(options: RestoreValues, context: CommandContext) {
  const readBack = !options['no-read-back'];
  return {
    ...(await backupRunOptions(options, context)),
    targetUri: options['target-mongodb-uri'],
    renames: pairRenames(options['ns-from'], options['ns-to']),
    include: options.include,
    exclude: options.exclude,
    drop: options.drop,
    dryRun: options['dry-run'],
    ...(readBack ? {} : { readBack }),
  };
}

/** A dry run prints the plan; nothing is notified. */
async function restoreOrPlan(options: RestoreValues, context: CommandContext): Promise<number> {
  {
    const outcome = await runRestore(await restoreOptions(options, context), {
      logger: context.logger,
      signal: context.signal,
    });
    if (outcome.kind === 'report') return printReport(outcome.report, options.report, context);

    const { plan } = outcome;
    const refused = plan.namespaces.filter((n) => n.action === 'refuse');
    if (context.json) {
      const namespaces = plan.namespaces.map(({ entry: _entry, ...n }) => n);
      context.stdout(
        `${JSON.stringify({ dryRun: true, source: outcome.source.url, ...plan, namespaces }, null, 2)}\n`,
      );
    } else {
      const { headers, rows } = planRows(plan);
      context.stdout(textTable(headers, rows));
      if (plan.excluded.length > 0) context.stdout(`excluded: ${plan.excluded.join(', ')}\n`);
      if (plan.leftovers.length > 0) context.stdout(`${leftoversLine(plan)}\n`);
      for (const skipped of plan.skipped)
        context.stdout(`never restored: ${skipped.namespace} (${skipped.reason})\n`);
      context.stdout(
        `\ndry run: ${formatCount(plan.namespaces.length)} namespaces from ${outcome.source.url} into ` +
          `${plan.targetDatabases.join(', ') || '(nothing)'}; nothing was written\n`,
      );
    }
    if (refused.length === 0) return EXIT.ok;
    context.logger.error(
      `the restore would be refused: ${refused.map((n) => `${n.target.db}.${n.target.collection}`).join(', ')} ` +
        'already hold data (use --drop to replace them, or --ns-from/--ns-to to restore elsewhere)',
    );
    return EXIT.failed;
  }
}
