import { appendFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { errorMessage } from '@shipkit/runtime';
import { listBackups } from '@shipkit/backup';
import { openStorage } from '@shipkit/storage';
import {
  assessDrill,
  type DrillRecord,
  drillMarkdown,
  type MeasuredRestore,
  type PlannedRestore,
  parseOlderChoice,
  planDrill,
  runVerifyRestore,
  type VerifyRestoreOptions,
} from '@shipkit/verify';
import type { Command, CommandContext } from '../command';
import { S3_OPTIONS } from './backup';
import { archiveOptions } from './verify';

const DEFAULT_RTO_MS = 2 * 3_600_000;
const DEFAULT_RPO_MS = 26 * 3_600_000;

export const drill: Command = {
  name: 'drill',
  usage:
    '--from <prefix> --scratch-uri <uri> [--older random|none|<backup-id>] [--rto <duration>] [--rpo <duration>] [options]',
  options: {
    from: {
      type: 'string',
      value: '<url>',
      description: 's3://bucket/prefix or file:///path of the backups (env BACKUP_DESTINATION)',
    },
    'scratch-uri': {
      type: 'string',
      value: '<uri>',
      description:
        'the drill server: each backup is restored under fresh database names, dropped after (env SCRATCH_MONGODB_URI)',
    },
    older: {
      type: 'string',
      value: 'random|none|<backup-id>',
      description: 'the older backup restored besides the newest (default random, among those retained)',
    },
    rto: {
      type: 'string',
      value: '<duration>',
      description: 'recovery time objective: the longest one restore may take (default 2h)',
    },
    rpo: {
      type: 'string',
      value: '<duration>',
      description: 'recovery point objective: the oldest the newest backup may be (default 26h)',
    },
    record: { type: 'string', value: '<path>', description: 'write the drill record (JSON) to this file' },
    summary: {
      type: 'string',
      value: '<path>',
      description: 'append the drill table (Markdown) to this file, e.g. $GITHUB_STEP_SUMMARY',
    },
    'identity-file': {
      type: 'string',
      value: '<path>',
      description: 'age identity file that decrypts the backups (or the identity itself in env AGE_IDENTITY)',
    },
    parallelism: {
      type: 'string',
      value: '<n>',
      description: 'insert batches in flight, namespaces read back at once (default 4)',
    },
    timeout: {
      type: 'string',
      value: '<duration>',
      description: 'stop one restore after this long (default 6h)',
    },
    ...S3_OPTIONS,
  },
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
  async run(args, context) {
    const { inputs, options } = await archiveOptions(args, context, {
      aliases: { 'scratch-uri': 'scratch-mongodb-uri' },
      envFallbacks: { 'scratch-mongodb-uri': 'SCRATCH_MONGODB_URI' },
    });
    const scratchUri = inputs.required('scratch-mongodb-uri');
    context.redactor.add(scratchUri);
    const source = inputs.required('from');
    const targets = {
      rtoMs: inputs.duration('rto', DEFAULT_RTO_MS),
      rpoMs: inputs.duration('rpo', DEFAULT_RPO_MS),
    };
    const older = parseOlderChoice(inputs.string('older'));

    const storage = openStorage(source, { s3: options.storage });
    let location: string;
    let candidates: Awaited<ReturnType<typeof listBackups>>;
    try {
      location = storage.describe();
      candidates = await listBackups(storage);
    } finally {
      await storage.close();
    }
    const plan = planDrill(candidates, older, Math.random, location);
    const startedAt = new Date();
    const measured: MeasuredRestore[] = [];
    for (const planned of plan.restores) {
      measured.push(await restoreOne(planned, { ...options, scratchUri, source }, context));
    }
    const record = assessDrill({
      source: location,
      startedAt,
      finishedAt: new Date(),
      targets,
      restores: measured,
      ...(plan.note ? { note: plan.note } : {}),
    });
    await keep(record, inputs.string('record'), inputs.string('summary'), context);
    if (context.json) context.stdout(`${JSON.stringify(record, null, 2)}\n`);
    else context.stdout(drillMarkdown(record));
    if (!record.passed) context.logger.error(`Restore drill missed its targets: ${record.missed.join(' ')}`);
    return record.passed ? 0 : 1;
  },
};

/** Restores one backup as verify --mode full does, timed; a restore that throws is a failed restore. */
async function restoreOne(
  planned: PlannedRestore,
  options: Omit<VerifyRestoreOptions, 'mode' | 'location'> & { scratchUri: string; source: string },
  context: CommandContext,
): Promise<MeasuredRestore> {
  const { source, ...rest } = options;
  context.logger.info(`Restoring the ${planned.role} backup ${planned.id} into the drill server…`);
  const started = Date.now();
  try {
    const outcome = await runVerifyRestore(
      { ...rest, mode: 'full', location: { source, backup: planned.id } },
      { logger: context.logger, signal: context.signal },
    );
    if (outcome.kind !== 'report') throw new Error('unreachable: a full verification returned a plan');
    const { report } = outcome;
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
