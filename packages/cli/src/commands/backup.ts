import { formatBytes, formatCount, formatDuration } from '@shipkit/runtime';
import { backupOptionsFromInputs, runBackup } from '@shipkit/backup';
import type { Command, OptionSpec } from '../command';
import { optionInputs } from '../inputs';
import { textTable } from '../text';

export const S3_OPTIONS: Record<string, OptionSpec> = {
  's3-endpoint': {
    type: 'string',
    value: '<url>',
    description: 'S3-compatible endpoint (env S3_ENDPOINT); empty = AWS',
  },
  's3-region': { type: 'string', value: '<region>', description: 'S3 region (default: AWS_REGION)' },
  's3-force-path-style': {
    type: 'string',
    value: 'true|false',
    description: 'path-style URLs (default: true with an endpoint)',
  },
  's3-checksum': {
    type: 'string',
    value: 'when-supported|when-required',
    description: 'checksum headers; when-required for R2/B2',
  },
};

export const STORAGE_ENV = { 's3-endpoint': 'S3_ENDPOINT' };

/** Every command that connects to MongoDB takes it. */
export const CONNECT_OPTIONS: Record<string, OptionSpec> = {
  'connect-timeout': {
    type: 'string',
    value: '<duration>',
    description:
      "give up connecting to MongoDB after this long (default: the URI's serverSelectionTimeoutMS, else 30s)",
  },
};

/** `--timeout` of a command that only reads or tidies the storage (list, inspect, prune, check-freshness). */
export function timeoutOption(defaultText: string): Record<string, OptionSpec> {
  return {
    timeout: {
      type: 'string',
      value: '<duration>',
      description: `fail after this long, waiting on the network included (default ${defaultText})`,
    },
  };
}

export const backup: Command = {
  name: 'backup',
  usage: '--uri <mongodb-uri> --to <url> [options]',
  options: {
    uri: { type: 'string', value: '<uri>', description: 'source connection string (env MONGODB_URI)' },
    to: {
      type: 'string',
      value: '<url>',
      description: 's3://bucket/prefix or file:///path (env BACKUP_DESTINATION)',
    },
    include: { type: 'string', multiple: true, value: '<ns>', description: 'db, db.coll or glob to back up' },
    exclude: {
      type: 'string',
      multiple: true,
      value: '<ns>',
      description: 'db, db.coll or glob to leave out',
    },
    compression: {
      type: 'string',
      value: 'zstd|gzip|none',
      description: 'archive compression (default zstd)',
    },
    'compression-level': { type: 'string', value: '<n>', description: 'zstd 1-22, gzip 1-9' },
    'encrypt-recipients': {
      type: 'string',
      value: '<age1…>',
      description: 'age recipients, comma separated (env AGE_RECIPIENTS)',
    },
    parallelism: {
      type: 'string',
      value: '<n>',
      description: 'collections and ranges read at once (default 4)',
    },
    retention: { type: 'string', value: '<rules>', description: 'e.g. daily=7,weekly=4,monthly=12' },
    ...S3_OPTIONS,
    'storage-class': { type: 'string', value: '<class>', description: 'S3 storage class, e.g. STANDARD_IA' },
    sse: { type: 'string', value: '<mode>', description: 'AES256, aws:kms or aws:kms:<key-id>' },
    timeout: {
      type: 'string',
      value: '<duration>',
      description: 'fail after this long, waiting on the network included (default 2h)',
    },
    ...CONNECT_OPTIONS,
  },
  details: `
Secrets are best passed through the environment (MONGODB_URI) so they stay out of shell history.

Ctrl-C (SIGINT) or SIGTERM stops the backup: the upload is aborted and no manifest is written. A
second signal exits at once. When --timeout passes, every request still waiting is aborted, the error
names what did not answer, and the command ends within seconds whatever the servers do.`,
  async run(args, context) {
    const inputs = optionInputs(args, context.env, {
      aliases: { uri: 'mongodb-uri', to: 'destination' },
      envFallbacks: {
        'mongodb-uri': 'MONGODB_URI',
        destination: 'BACKUP_DESTINATION',
        'encrypt-recipients': 'AGE_RECIPIENTS',
        ...STORAGE_ENV,
      },
    });
    context.redactor.add(inputs.string('mongodb-uri'));
    const options = backupOptionsFromInputs(inputs, context.env as NodeJS.ProcessEnv);
    const result = await runBackup(options, { logger: context.logger, signal: context.signal });
    const { manifest } = result;
    if (context.json) {
      context.stdout(
        `${JSON.stringify({ ...result, manifest: undefined, ...manifestSummary(result) }, null, 2)}\n`,
      );
      return 0;
    }
    context.stdout(
      textTable(
        ['namespace', 'type', 'documents', 'bytes'],
        manifest.namespaces.map((ns) => [
          `${ns.db}.${ns.collection}`,
          ns.type,
          formatCount(ns.count),
          formatBytes(ns.bytes),
        ]),
        [2, 3],
      ),
    );
    context.stdout(
      `\nbackup ${result.backupId}: ${formatCount(manifest.totals.documents)} documents in ` +
        `${manifest.totals.namespaces} namespaces, ${formatBytes(manifest.archive.size)} stored ` +
        `(${manifest.archive.compression}${manifest.archive.recipients.length ? ', encrypted' : ''}) in ` +
        `${formatDuration(result.durationMs)}\nmanifest: ${result.manifestUrl}\n`,
    );
    if (result.prune) {
      context.stdout(
        `retention: kept ${result.prune.kept.length}, removed ${result.prune.removed.length}` +
          `${result.prune.retainedByLock.length ? `, retained by lock ${result.prune.retainedByLock.length}` : ''}` +
          `${result.prune.damaged.length ? `, damaged (kept) ${result.prune.damaged.length}` : ''}\n`,
      );
    }
    return 0;
  },
};

function manifestSummary(result: Awaited<ReturnType<typeof runBackup>>) {
  const { manifest } = result;
  return {
    bytes: manifest.archive.size,
    documents: manifest.totals.documents,
    collections: manifest.totals.namespaces,
    durationSeconds: Math.round(result.durationMs / 1000),
    namespaces: manifest.namespaces.map((ns) => ({
      namespace: `${ns.db}.${ns.collection}`,
      type: ns.type,
      count: ns.count,
      bytes: ns.bytes,
      contentHash: ns.contentHash,
    })),
  };
}
