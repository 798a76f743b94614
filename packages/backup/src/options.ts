import { type Inputs, parseList, UserError } from '@shipkit/runtime';
import { parseRetention } from '@shipkit/retention';
import type { S3StorageOptions } from '@shipkit/storage';
import { COMPRESSIONS } from './codec';
import type { BackupOptions } from './pipeline';

/**
 * Input names shared by the action (action.yml) and the CLI (`--<name>`), so both parse the same way.
 * The CLI spells two of them differently: `--uri` for `mongodb-uri` and `--to` for `destination`.
 */
export const S3_INPUTS = ['s3-endpoint', 's3-region', 's3-force-path-style', 's3-checksum'] as const;

/** The S3 options every command that touches storage takes. Region falls back to AWS_REGION. */
export function s3OptionsFromInputs(inputs: Inputs, env: NodeJS.ProcessEnv = process.env): S3StorageOptions {
  const endpoint = inputs.string('s3-endpoint');
  const region = inputs.string('s3-region') ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
  const checksum = inputs.enum('s3-checksum', ['when-supported', 'when-required'] as const, 'when-supported');
  const mode = checksum === 'when-required' ? 'WHEN_REQUIRED' : 'WHEN_SUPPORTED';
  return {
    ...(endpoint ? { endpoint } : {}),
    ...(region ? { region } : {}),
    forcePathStyle: inputs.boolean('s3-force-path-style', endpoint !== undefined),
    requestChecksumCalculation: mode,
    responseChecksumValidation: mode,
  };
}

/**
 * `connect-timeout` (the action input, or `--connect-timeout`): how long connecting to MongoDB may take.
 * Omitted when not given, so the URI's own serverSelectionTimeoutMS applies.
 */
export function connectTimeoutFromInputs(inputs: Inputs): { connectTimeoutMs?: number } {
  return inputs.string('connect-timeout') === undefined
    ? {}
    : { connectTimeoutMs: inputs.duration('connect-timeout', 30_000) };
}

const STORAGE_CLASSES = [
  'STANDARD',
  'STANDARD_IA',
  'ONEZONE_IA',
  'INTELLIGENT_TIERING',
  'GLACIER_IR',
  'GLACIER',
  'DEEP_ARCHIVE',
  'REDUCED_REDUNDANCY',
] as const;

/** `AES256`, `aws:kms` or `aws:kms:<key id or ARN>`. */
export function parseSse(raw: string): Pick<S3StorageOptions, 'serverSideEncryption' | 'kmsKeyId'> {
  if (raw === 'AES256') return { serverSideEncryption: 'AES256' };
  if (raw === 'aws:kms') return { serverSideEncryption: 'aws:kms' };
  if (raw.startsWith('aws:kms:') && raw.length > 8)
    return { serverSideEncryption: 'aws:kms', kmsKeyId: raw.slice(8) };
  throw new UserError(`Input 'sse' must be AES256, aws:kms or aws:kms:<key id>, got '${raw}'.`);
}

export function backupOptionsFromInputs(inputs: Inputs, env: NodeJS.ProcessEnv = process.env): BackupOptions {
  const level = inputs.string('compression-level');
  const retention = inputs.string('retention');
  const storageClass = inputs.string('storage-class');
  const sse = inputs.string('sse');
  return {
    uri: inputs.required('mongodb-uri'),
    destination: inputs.required('destination'),
    include: inputs.list('include'),
    exclude: inputs.list('exclude'),
    compression: inputs.enum('compression', COMPRESSIONS, 'zstd'),
    ...(level ? { compressionLevel: inputs.integer('compression-level', 0, { min: 1, max: 22 }) } : {}),
    recipients: parseList(inputs.string('encrypt-recipients') ?? ''),
    parallelism: inputs.integer('parallelism', 4, { min: 1, max: 64 }),
    ...(retention ? { retention: parseRetention(retention) } : {}),
    timeoutMs: inputs.duration('timeout', 2 * 3_600_000),
    ...connectTimeoutFromInputs(inputs),
    storage: {
      ...s3OptionsFromInputs(inputs, env),
      ...(storageClass ? { storageClass: inputs.enum('storage-class', STORAGE_CLASSES, 'STANDARD') } : {}),
      ...(sse ? parseSse(sse) : {}),
    },
  };
}
