import { appendFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DECRYPT_IDENTITY, listBackups } from '@shipkit/backup';
import { drillEvent, failedEvent, NOTIFY_ROWS } from '@shipkit/notify';
import {
  customRow,
  durationRow,
  EXIT,
  errorMessage,
  textRow,
  timeoutRow,
  type Values,
} from '@shipkit/runtime';
import { openStorage, S3_ROWS, s3Options } from '@shipkit/storage';
import {
  assessDrill,
  type DrillRecord,
  drillFacts,
  drillMarkdown,
  type MeasuredRestore,
  PARALLEL_PARTS,
  type PlannedRestore,
  parseOlderChoice,
  planDrill,
  RESTORE_PARALLELISM,
  runVerify,
  SCRATCH_URI,
  type VerifyRunOptions,
} from '@shipkit/verify';
import { type CommandContext, command } from '../command';
import { reporting } from '../notify';
import { AT } from './catalog';
import { IDENTITY_FILE, readIdentity } from './verify';

const DRILL_OPTIONS = {
  from: { ...AT, flag: 'from', description: 'Where the backups are: s3://bucket/prefix or file:///path.' },
  'scratch-mongodb-uri': {
    ...SCRATCH_URI,
    description:
      'The drill server: each backup is restored under fresh database names, dropped after. Secret: masked in every form.',
    required: true as const,
  },
  older: customRow(parseOlderChoice, {
    description:
      'The older backup restored besides the newest: random (among those retained), none, or a backup id.',
    default: 'random',
    placeholder: 'random|none|<backup-id>',
  }),
  rto: durationRow({
    description: 'Recovery time objective: the longest one restore may take.',
    default: '2h',
  }),
  rpo: durationRow({
    description: 'Recovery point objective: the oldest the newest backup may be.',
    default: '26h',
  }),
  record: textRow({ description: 'Write the drill record (JSON) to this file.', placeholder: '<path>' }),
  summary: textRow({
    description: 'Append the drill table (Markdown) to this file, e.g. $GITHUB_STEP_SUMMARY.',
    placeholder: '<path>',
  }),
  'identity-file': IDENTITY_FILE,
  'decrypt-identity': DECRYPT_IDENTITY,
  parallelism: RESTORE_PARALLELISM,
  'parallel-parts': PARALLEL_PARTS,
  timeout: timeoutRow('6h', 'Stop one restore after this long, e.g. 90m or 6h.'),
  ...S3_ROWS,
  ...NOTIFY_ROWS,
};

type DrillOptions = Values<typeof DRILL_OPTIONS>;

export const drill = command({
  name: 'drill',
  usage:
    '--from <prefix> --scratch-uri <uri> [--older random|none|<backup-id>] [--rto <duration>] [--rpo <duration>] [options]',
  options: DRILL_OPTIONS,
  details: `
A restore drill: the newest complete backup and one older one (chosen at random among those retained,
so every retained backup gets proven over time) are each restored into the drill server and compared
with their manifest, as verify --mode full does. The drill measures
  RTO — each restore's time, fetch to verified — against --rto, and
  RPO — the newest backup's age when the drill starts — against --rpo,
and keeps one JSON record per drill (--record) so drills can be compared over time.
Exit code 0: every restore verified and both targets were met; 1: a target was missed (the record and
the table say which).

Example:
  SCRATCH_MONGODB_URI=mongodb://localhost:27017 shipkit drill --from s3://acme-backups/shop --rto 1h --rpo 26h --record drill.json`,
  async run({ options }, context) {
    const started = Date.now();
    return reporting(
      options,
      context,
      (error) =>
        failedEvent('drill.failed', error, new Date(), {
          destination: options.from,
          durationMs: Date.now() - started,
        }),
      async () => {
        const record = await runDrill(options, context);
        return {
          code: record.passed ? EXIT.ok : EXIT.failed,
          event: drillEvent(drillFacts(record), new Date()),
        };
      },
    );
  },
});

/** Restores the planned backups one after the other, assesses the drill and keeps its record. */
async function runDrill(options: DrillOptions, context: CommandContext): Promise<DrillRecord> {
  const source = options.from;
  const storageOptions = s3Options(options, context.env);
  const storage = openStorage(source, { s3: storageOptions });
  let location: string;
  let candidates: Awaited<ReturnType<typeof listBackups>>;
  try {
    location = storage.describe();
    candidates = await listBackups(storage);
  } finally {
    await storage.close();
  }
  const plan = planDrill(candidates, options.older, context.random, location);
  const run: Omit<VerifyRunOptions, 'location'> = {
    ...(await readIdentity(options, context)),
    mode: 'full',
    renames: [],
    scratchUri: options['scratch-mongodb-uri'],
    parallelism: options.parallelism,
    parallelParts: options['parallel-parts'],
    timeoutMs: options.timeout,
    storage: storageOptions,
  };
  const startedAt = new Date();
  const measured: MeasuredRestore[] = [];
  for (const planned of plan.restores) {
    measured.push(await restoreOne(planned, { ...run, location: { source, backup: planned.id } }, context));
  }
  const record = assessDrill({
    source: location,
    startedAt,
    finishedAt: new Date(),
    targets: { rtoMs: options.rto, rpoMs: options.rpo },
    restores: measured,
    ...(plan.note ? { note: plan.note } : {}),
  });
  await keep(record, options.record, options.summary, context);
  if (context.json) context.stdout(`${JSON.stringify(record, null, 2)}\n`);
  else context.stdout(drillMarkdown(record));
  if (!record.passed) context.logger.error(`Restore drill missed its targets: ${record.missed.join(' ')}`);
  return record;
}

/** Restores one backup as verify --mode full does, timed; a restore that throws is a failed restore. */
async function restoreOne(
  planned: PlannedRestore,
  options: VerifyRunOptions,
  context: CommandContext,
): Promise<MeasuredRestore> {
  context.logger.info(`Restoring the ${planned.role} backup ${planned.id} into the drill server…`);
  const started = Date.now();
  try {
    const { report } = await runVerify(options, { logger: context.logger, signal: context.signal });
    return {
      ...planned,
      verified: report.result === 'passed',
      durationMs: Date.now() - started,
      documents: report.totals.restoredDocuments ?? report.totals.documents,
      namespaces: report.totals.namespaces,
      problems: report.problems,
    };
  } catch (error) {
    if (context.signal.aborted) throw error;
    return {
      ...planned,
      verified: false,
      durationMs: Date.now() - started,
      documents: 0,
      namespaces: 0,
      problems: [errorMessage(error)],
    };
  }
}

/** Writes the record and appends the table, with every secret the command read redacted. */
async function keep(
  record: DrillRecord,
  recordPath: string | undefined,
  summaryPath: string | undefined,
  context: CommandContext,
): Promise<void> {
  if (recordPath) {
    await writeFile(
      resolve(context.cwd, recordPath),
      context.redactor.redact(`${JSON.stringify(record, null, 2)}\n`),
    );
  }
  if (summaryPath) {
    await appendFile(resolve(context.cwd, summaryPath), context.redactor.redact(drillMarkdown(record)));
  }
}
