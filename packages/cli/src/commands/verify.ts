import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { type Inputs, UserError } from '@shipkit/runtime';
import { describeOutcomes } from '@shipkit/mongo';
import {
  commonOptionsFromInputs,
  failureMessage,
  headline,
  namespaceRows,
  runVerifyRestore,
  type VerificationReport,
  type VerifyRestoreOptions,
} from '@shipkit/verify';
import type { Command, CommandContext, OptionSpec, ParsedArgs } from '../command';
import { optionInputs } from '../inputs';
import { textTable } from '../text';
import { CONNECT_OPTIONS, S3_OPTIONS, STORAGE_ENV } from './backup';

/** The options that say which archive to read; shared by verify and restore. */
export const SOURCE_OPTIONS: Record<string, OptionSpec> = {
  from: {
    type: 'string',
    value: '<url>',
    description:
      'a backup (…/<backup-id>), a prefix with --latest, or an archive file such as one from mongodump --archive (env BACKUP_DESTINATION)',
  },
  latest: { type: 'boolean', description: 'take the newest complete backup under the --from prefix' },
  'identity-file': {
    type: 'string',
    value: '<path>',
    description: 'age identity file that decrypts the backup (or the identity itself in env AGE_IDENTITY)',
  },
  parallelism: {
    type: 'string',
    value: '<n>',
    description: 'insert batches in flight, namespaces read back at once (default 4)',
  },
  report: { type: 'string', value: '<path>', description: 'also write the JSON report to this file' },
  timeout: {
    type: 'string',
    value: '<duration>',
    description: 'fail after this long, waiting on the network included (default 6h)',
  },
  ...S3_OPTIONS,
};

export const RENAME_OPTIONS: Record<string, OptionSpec> = {
  'ns-from': {
    type: 'string',
    multiple: true,
    value: '<pattern>',
    description: "namespaces to rename, e.g. 'shop.*'",
  },
  'ns-to': {
    type: 'string',
    multiple: true,
    value: '<pattern>',
    description: "what each --ns-from becomes, e.g. 'drill_shop.*'",
  },
};

/** Parses the options every archive-reading command shares; every secret read is added to the redactor. */
export async function archiveOptions(
  args: ParsedArgs,
  context: CommandContext,
  extra: { aliases?: Record<string, string>; envFallbacks?: Record<string, string> } = {},
): Promise<{ inputs: Inputs; options: Omit<VerifyRestoreOptions, 'mode'> }> {
  const inputs = optionInputs(args, context.env, {
    aliases: { ...extra.aliases },
    envFallbacks: { from: 'BACKUP_DESTINATION', ...STORAGE_ENV, ...extra.envFallbacks },
  });
  const from = inputs.required('from');
  const latest = inputs.boolean('latest', false);
  const identity = await readIdentity(inputs, context);
  return {
    inputs,
    options: {
      location: latest ? { source: from, backup: 'latest' } : { backup: from },
      ...(identity ? { identity } : {}),
      ...commonOptionsFromInputs(inputs, context.env as NodeJS.ProcessEnv),
      identityInput: inputs.string('identity-file')
        ? '--identity-file'
        : context.env.AGE_IDENTITY
          ? 'AGE_IDENTITY'
          : '--identity-file (or AGE_IDENTITY)',
    },
  };
}

async function readIdentity(inputs: Inputs, context: CommandContext): Promise<string | undefined> {
  const file = inputs.string('identity-file');
  let identity = context.env.AGE_IDENTITY;
  if (file) {
    try {
      identity = await readFile(resolve(context.cwd, file), 'utf8');
    } catch (error) {
      throw new UserError(`--identity-file ${file} cannot be read: ${(error as Error).message}`);
    }
  }
  for (const line of (identity ?? '').split('\n')) context.redactor.add(line.trim());
  return identity?.trim() || undefined;
}

/** Prints a report (table, problems, what was not checked, or JSON) and returns the exit code. */
export async function printReport(
  report: VerificationReport,
  args: ParsedArgs,
  context: CommandContext,
): Promise<number> {
  const reportPath =
    typeof args.options.report === 'string' ? resolve(context.cwd, args.options.report) : undefined;
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
  if (report.result === 'passed') return 0;
  context.logger.error(failureMessage(report));
  return 1;
}

export const verify: Command = {
  name: 'verify',
  usage:
    '--from <backup-url | prefix --latest | archive-url> [--mode integrity|full] [--scratch-uri <uri>] [options]',
  options: {
    ...SOURCE_OPTIONS,
    mode: { type: 'string', value: 'integrity|full', description: 'what to check (default integrity)' },
    'scratch-uri': {
      type: 'string',
      value: '<uri>',
      description:
        'for --mode full: a server to restore into under fresh names, dropped after (env SCRATCH_MONGODB_URI)',
    },
    ...CONNECT_OPTIONS,
    ...RENAME_OPTIONS,
  },
  details: `
integrity: reads the stored object once — SHA-256 and size against the manifest, decryption,
decompression, every namespace CRC — and recomputes counts and content hashes per namespace.
full: also restores into the scratch server, reads every namespace back and compares counts,
content hashes and index specs. A passing check writes verification.json next to the manifest.
An archive without a manifest (stock mongodump) gets CRC and count checks; the report says what
could not be checked. Exit code 1 names every mismatch.

Examples:
  shipkit verify --from s3://acme-backups/shop --latest
  SCRATCH_MONGODB_URI=mongodb://localhost:27017 shipkit verify --from s3://acme-backups/shop/2026-11-25T030000Z-1a2b3c --mode full
  shipkit verify --from file:///backups/dump.archive.gz`,
  async run(args, context) {
    const { inputs, options } = await archiveOptions(args, context, {
      aliases: { 'scratch-uri': 'scratch-mongodb-uri' },
      envFallbacks: { 'scratch-mongodb-uri': 'SCRATCH_MONGODB_URI' },
    });
    const scratchUri = inputs.string('scratch-mongodb-uri');
    context.redactor.add(scratchUri);
    const mode = inputs.enum('mode', ['integrity', 'full'] as const, 'integrity');
    const outcome = await runVerifyRestore(
      { ...options, mode, ...(scratchUri ? { scratchUri } : {}) },
      { logger: context.logger, signal: context.signal },
    );
    if (outcome.kind !== 'report') throw new Error('unreachable: verification returned a plan');
    return printReport(outcome.report, args, context);
  },
};
