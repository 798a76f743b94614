import {
  FINALIZE_OPTIONS,
  finalizeOptions,
  PART_OPTIONS,
  PLAN_OPTIONS,
  partOptions,
  planOptions,
  runFinalize,
  runPart,
  runPlan,
} from '@shipkit/backup';
import { EXIT, formatBytes, formatCount } from '@shipkit/runtime';
import { command } from '../command';

const STEPS = `
A backup in parts: plan once, run every part (in any order, on any machine, each re-runnable), then
finalize, which checks every part and writes the manifest last. Until then the backup is incomplete:
list, restore and retention ignore it, and prune sweeps it after the grace period if it is abandoned.
  shipkit backup plan --uri … --to s3://bucket/backups --parts 4 --json   → {"backupId": …}
  shipkit backup part --uri … --to s3://bucket/backups --backup <id> --part 1   (… up to --part 4)
  shipkit backup finalize --to s3://bucket/backups --backup <id>`;

export const backupPlan = command({
  name: 'backup plan',
  usage: '--uri <mongodb-uri> --to <url> --parts <n> [options]',
  options: PLAN_OPTIONS,
  details: `${STEPS}

The plan reads the catalogue once, cuts large collections into _id ranges, and balances the parts by
estimated bytes. It writes <backup-id>/plan.json and prints the backup id (--json: the id, the number
of parts, the estimated bytes of each and the matrix [1 … n]).`,
  async run({ options }, context) {
    const result = await runPlan(planOptions(options, context.env), {
      logger: context.logger,
      signal: context.signal,
    });
    if (context.json) {
      context.stdout(`${JSON.stringify(result, null, 2)}\n`);
      return EXIT.ok;
    }
    context.stdout(
      `${result.backupId}\n` +
        `${result.parts} parts of about ${result.estimatedBytes.map((b) => formatBytes(b)).join(', ')}; plan: ${result.planUrl}\n`,
    );
    return EXIT.ok;
  },
});

export const backupPart = command({
  name: 'backup part',
  usage: '--uri <mongodb-uri> --to <url> --backup <backup-id> --part <k> [options]',
  options: PART_OPTIONS,
  details: `${STEPS}

A part writes a self-contained archive (stock mongorestore --archive reads it alone), then its record.
What it reads, the compression and the recipients come from the plan. A re-run replaces only this
part's objects; a part of a finalized backup is refused. Ctrl-C or SIGTERM aborts the upload.`,
  async run({ options }, context) {
    const result = await runPart(partOptions(options, context.env), {
      logger: context.logger,
      signal: context.signal,
    });
    const documents = result.record.namespaces.reduce((sum, ns) => sum + ns.count, 0);
    if (context.json) {
      context.stdout(
        `${JSON.stringify(
          {
            backupId: result.backupId,
            part: result.part,
            archiveUrl: result.archiveUrl,
            bytes: result.record.archive.size,
            sha256: result.record.archive.sha256,
            documents,
            startedAt: result.record.startedAt,
            finishedAt: result.record.finishedAt,
          },
          null,
          2,
        )}\n`,
      );
      return EXIT.ok;
    }
    context.stdout(
      `backup ${result.backupId} part ${result.part}: ${formatCount(documents)} documents, ` +
        `${formatBytes(result.record.archive.size)} stored at ${result.archiveUrl}\n`,
    );
    return EXIT.ok;
  },
});

export const backupFinalize = command({
  name: 'backup finalize',
  usage: '--to <url> --backup <backup-id> [options]',
  options: FINALIZE_OPTIONS,
  details: `${STEPS}

Finalize checks that every part's record and archive exist and agree (size, and SHA-256 read back),
sums counts and content hashes per namespace, and writes manifest.json last. A missing or
inconsistent part fails naming it (exit 2), and no manifest is written.`,
  async run({ options }, context) {
    const result = await runFinalize(finalizeOptions(options, context.env), {
      logger: context.logger,
      signal: context.signal,
    });
    const { manifest } = result;
    const parts = manifest.parts?.archives ?? [];
    if (context.json) {
      context.stdout(
        `${JSON.stringify(
          {
            backupId: result.backupId,
            manifestUrl: result.manifestUrl,
            parts: parts.length,
            bytes: manifest.parts?.size ?? 0,
            documents: manifest.totals.documents,
            collections: manifest.totals.namespaces,
            startedAt: manifest.startedAt,
            finishedAt: manifest.finishedAt,
            readWindows: parts.map((p) => ({
              part: p.part,
              startedAt: p.startedAt,
              finishedAt: p.finishedAt,
            })),
          },
          null,
          2,
        )}\n`,
      );
      return EXIT.ok;
    }
    context.stdout(
      `backup ${result.backupId}: ${formatCount(manifest.totals.documents)} documents in ` +
        `${manifest.totals.namespaces} namespaces, ${parts.length} parts, ${formatBytes(manifest.parts?.size ?? 0)} stored\n` +
        `manifest: ${result.manifestUrl}\n`,
    );
    return EXIT.ok;
  },
});
