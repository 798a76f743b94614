import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DECRYPT_IDENTITY, IDENTITY_OPTION } from '@shipkit/backup';
import { CONNECT_TIMEOUT, describeOutcomes, pairRenames, RENAME_ROWS } from '@shipkit/mongo';
import { checkEvent, failedEvent, NOTIFY_ROWS, type NotifyEvent } from '@shipkit/notify';
import { EXIT, OptionError, textRow, type Values } from '@shipkit/runtime';
import { S3_ROWS, s3Options } from '@shipkit/storage';
import {
  type BackupRunOptions,
  FROM_ROWS,
  failureMessage,
  headline,
  locationFrom,
  namespaceRows,
  PARALLEL_PARTS,
  RESTORE_PARALLELISM,
  RUN_TIMEOUT,
  reportFacts,
  runVerify,
  SCRATCH_URI,
  VERIFY_MODE,
  type VerificationReport,
} from '@shipkit/verify';
import { type CommandContext, command } from '../command';
import { reporting } from '../notify';
import { textTable } from '../text';

/** The age identity as a file; its text can also come from AGE_IDENTITY (`decrypt-identity`). */
export const IDENTITY_FILE = textRow({
  description: 'An age identity file that decrypts the backup (or the identity itself in AGE_IDENTITY).',
  placeholder: '<path>',
});

/** The options every command that reads one backup takes: verify and restore. */
export const SOURCE_OPTIONS = {
  ...FROM_ROWS,
  'identity-file': IDENTITY_FILE,
  'decrypt-identity': DECRYPT_IDENTITY,
  parallelism: RESTORE_PARALLELISM,
  'parallel-parts': PARALLEL_PARTS,
  report: textRow({ description: 'Also write the JSON report to this file.', placeholder: '<path>' }),
  timeout: RUN_TIMEOUT,
  ...S3_ROWS,
};

type SourceValues = Values<typeof SOURCE_OPTIONS>;

/**
 * The identity that decrypts the backups, from `--identity-file` or AGE_IDENTITY, and the option
 * that gave it, for messages. Every identity read is handed to the redactor.
 */
export async function readIdentity(
  options: Pick<SourceValues, 'identity-file' | 'decrypt-identity'>,
  context: CommandContext,
): Promise<{ identity?: string; identityOption: string }> {
  const file = options['identity-file'];
  if (!file) {
    const identity = options['decrypt-identity'];
    return { ...(identity ? { identity } : {}), identityOption: IDENTITY_OPTION };
  }
  let text: string;
  try {
    text = await readFile(resolve(context.cwd, file), 'utf8');
  } catch (error) {
    throw new OptionError(
      'identity-file',
      `names ${file}, which cannot be read: ${(error as Error).message}`,
    );
  }
  for (const line of text.split('\n')) context.redactor.add(line.trim());
  const identity = text.trim();
  return { ...(identity ? { identity } : {}), identityOption: 'identity-file' };
}

/** What every run over one backup takes, from the options verify and restore share. */
export async function backupRunOptions(
  options: SourceValues & { 'connect-timeout'?: number | undefined },
  context: CommandContext,
): Promise<BackupRunOptions> {
  const connectTimeoutMs = options['connect-timeout'];
  return {
    location: locationFrom(options.from, options.latest, context.env),
    ...(await readIdentity(options, context)),
    parallelism: options.parallelism,
    parallelParts: options['parallel-parts'],
    timeoutMs: options.timeout,
    ...(connectTimeoutMs === undefined ? {} : { connectTimeoutMs }),
    storage: s3Options(options, context.env),
  };
}

/** Prints a report (table, problems, what was not checked, or JSON) and returns the exit code. */
export async function printReport(
  report: VerificationReport,
  reportFile: string | undefined,
  context: CommandContext,
): Promise<number> {
  const reportPath = reportFile ? resolve(context.cwd, reportFile) : undefined;
  if (reportPath) await writeFile(reportPath, `${JSON.stringify(report, null, 2)}\n`);
  if (context.json) {
    context.stdout(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    const { headers, rows } = namespaceRows(report);
    context.stdout(textTable(headers, rows, [headers.indexOf('expected'), headers.indexOf('actual')]));
    context.stdout(`\n${headline(report)}\n`);
    const outcomes = report.target?.namespaces;
    if (outcomes && report.result === 'passed') context.stdout(`${describeOutcomes(outcomes)}\n`);
    if (report.notChecked.length > 0) {
      context.stdout(`not checked:\n${report.notChecked.map((line) => `  - ${line}`).join('\n')}\n`);
    }
    if (report.recorded) context.stdout(`recorded: ${report.recorded}\n`);
    if (reportPath) context.stdout(`report: ${reportPath}\n`);
  }
  if (report.result === 'passed') return EXIT.ok;
  context.logger.error(failureMessage(report));
  return EXIT.failed;
}

/** The event a verification or a restore check sends, from its report. */
export function reportEvent(kind: 'verify' | 'restore', report: VerificationReport): NotifyEvent {
  return checkEvent(kind, reportFacts(report), new Date(report.finishedAt));
}

export const verify = command({
  name: 'verify',
  usage:
    '--from <backup-url | prefix --latest | backup-id | archive-url> [--mode integrity|full] [--scratch-uri <uri>] [options]',
  options: {
    ...SOURCE_OPTIONS,
    mode: VERIFY_MODE,
    'scratch-mongodb-uri': SCRATCH_URI,
    'connect-timeout': CONNECT_TIMEOUT,
    ...RENAME_ROWS,
    ...NOTIFY_ROWS,
  },
  details: `
integrity: reads the stored object once — SHA-256 and size against the manifest, decryption,
decompression, every namespace CRC — and recomputes counts and content hashes per namespace.
full: also restores into the scratch server, reads every namespace back and compares counts,
content hashes and index specs. A passing check writes a verification record next to the manifest.
An archive without a manifest (stock mongodump) gets CRC and count checks; the report says what
could not be checked. Exit code 1 names every mismatch.

Examples:
  shipkit verify --from s3://acme-backups/shop --latest
  SCRATCH_MONGODB_URI=mongodb://localhost:27017 shipkit verify --from s3://acme-backups/shop/2026-11-25T030000Z-1a2b3c --mode full
  BACKUP_DESTINATION=s3://acme-backups/shop shipkit verify --from 2026-11-25T030000Z-1a2b3c
  shipkit verify --from file:///backups/dump.archive.gz`,
  async run({ options }, context) {
    const scratchUri = options['scratch-mongodb-uri'];
    const started = Date.now();
    return reporting(
      options,
      context,
      (error) =>
        failedEvent('verify.failed', error, new Date(), {
          destination: options.from,
          durationMs: Date.now() - started,
        }),
      async () => {
        const { report } = await runVerify(
          {
            ...(await backupRunOptions(options, context)),
            mode: options.mode,
            renames: pairRenames(options['ns-from'], options['ns-to']),
            ...(scratchUri ? { scratchUri } : {}),
          },
          { logger: context.logger, signal: context.signal },
        );
        const code = await printReport(report, options.report, context);
        return { code, event: reportEvent('verify', report) };
      },
    );
  },
});
