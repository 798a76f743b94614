import { formatCount } from '@shipkit/runtime';
import { leftoversLine, planRows, runVerifyRestore } from '@shipkit/verify';
import type { Command } from '../command';
import { textTable } from '../text';
import { CONNECT_OPTIONS } from './backup';
import { archiveOptions, printReport, RENAME_OPTIONS, SOURCE_OPTIONS } from './verify';

export const restore: Command = {
  name: 'restore',
  usage:
    '--from <backup-url | prefix --latest | archive-url> --uri <target> [--ns-from <p> --ns-to <p>] [--drop] [--dry-run]',
  options: {
    ...SOURCE_OPTIONS,
    uri: { type: 'string', value: '<uri>', description: 'target connection string (env MONGODB_URI)' },
    ...CONNECT_OPTIONS,
    ...RENAME_OPTIONS,
    include: {
      type: 'string',
      multiple: true,
      value: '<ns>',
      description: 'db, db.coll or glob to restore (default all)',
    },
    exclude: {
      type: 'string',
      multiple: true,
      value: '<ns>',
      description: 'db, db.coll or glob to leave out',
    },
    drop: {
      type: 'boolean',
      description:
        'replace target namespaces that exist, once the restore is proven (without it, non-empty targets are refused)',
    },
    'dry-run': { type: 'boolean', description: 'print what would be restored where, and write nothing' },
    'no-read-back': {
      type: 'boolean',
      description: 'skip reading the restored data back (faster; the archive is still checked)',
    },
  },
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
verification.json is written).

Examples:
  MONGODB_URI=… shipkit restore --from s3://acme-backups/shop --latest --ns-from 'shop.*' --ns-to 'drill_shop.*'
  MONGODB_URI=… shipkit restore --from file:///backups/dump.archive --dry-run`,
  async run(args, context) {
    const { inputs, options } = await archiveOptions(args, context, {
      aliases: { uri: 'target-mongodb-uri' },
      envFallbacks: { 'target-mongodb-uri': 'MONGODB_URI' },
    });
    const targetUri = inputs.required('target-mongodb-uri');
    context.redactor.add(targetUri);
    const dryRun = inputs.boolean('dry-run', false);
    const readBack = !inputs.boolean('no-read-back', false);
    const outcome = await runVerifyRestore(
      { ...options, mode: 'restore', targetUri, dryRun, ...(readBack ? {} : { readBack }) },
      { logger: context.logger, signal: context.signal },
    );
    if (outcome.kind === 'report') return printReport(outcome.report, args, context);

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
    if (refused.length === 0) return 0;
    context.logger.error(
      `the restore would be refused: ${refused.map((n) => `${n.target.db}.${n.target.collection}`).join(', ')} ` +
        'already hold data (use --drop to replace them, or --ns-from/--ns-to to restore elsewhere)',
    );
    return 1;
  },
};
