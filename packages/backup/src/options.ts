import { CONNECT_TIMEOUT, EXCLUDE, INCLUDE } from '@shipkit/mongo';
import { type KEEP_ROWS, RETENTION, retentionPolicy } from '@shipkit/retention';
import {
  booleanRow,
  customRow,
  enumRow,
  InvalidValue,
  integerRow,
  listRow,
  PARALLELISM,
  textRow,
  timeoutRow,
  type Values,
} from '@shipkit/runtime';
import { S3_ROWS, type S3StorageOptions, s3Options } from '@shipkit/storage';
import { DEFAULT_ANOMALY_DROP_PERCENT } from './anomaly';
import { COMPRESSIONS, DEFAULT_COMPRESSION } from './codec';
import { MAX_PARTS } from './layout';
import type { FinalizeOptions, PartOptions, PlanOptions } from './parts';
import type { BackupOptions } from './pipeline';

/** The source server of a backup. */
export const SOURCE_URI = textRow({
  description:
    'Connection string of the source (mongodb:// or mongodb+srv://). Secret: masked in every form.',
  required: true,
  secret: true,
  flag: 'uri',
  env: 'MONGODB_URI',
  placeholder: '<uri>',
});

/** The age identity that decrypts a backup: its text, never a path; on the command line from the environment only. */
export const DECRYPT_IDENTITY = textRow({
  description:
    'The age identity (AGE-SECRET-KEY-1…, or the text of an identity file) that decrypts an encrypted backup. Secret: masked.',
  default: '',
  secret: true,
  flag: false,
  env: 'AGE_IDENTITY',
});

/** Where backups are kept: each backup is a folder `<backup-id>/` below it. */
export const DESTINATION = textRow({
  description:
    'Where backups are kept: s3://bucket/prefix or file:///absolute/path. Each backup is a folder <backup-id>/ below it.',
  required: true,
  env: 'BACKUP_DESTINATION',
  placeholder: '<url>',
});

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
  throw new InvalidValue(`must be AES256, aws:kms or aws:kms:<key id>, got '${raw}'.`);
}

/** The options of a backup: the mongo-backup action's inputs and `shipkit backup`'s flags. */
export const BACKUP_OPTIONS = {
  'mongodb-uri': SOURCE_URI,
  destination: { ...DESTINATION, flag: 'to' },
  include: {
    ...INCLUDE,
    description:
      'Databases or namespaces to back up (db, db.collection, globs such as shop.*), comma or newline separated. Default: every database the user can read except admin, local and config.',
  },
  exclude: EXCLUDE,
  compression: enumRow(COMPRESSIONS, {
    description: 'zstd (smallest, fastest), gzip (what `mongorestore --gzip` reads directly) or none.',
    default: DEFAULT_COMPRESSION,
  }),
  'compression-level': integerRow({
    description: 'zstd 1–22 or gzip 1–9. Default: the algorithm’s own (zstd 3, gzip 6).',
    default: '',
    min: 1,
    max: 22,
  }),
  'encrypt-recipients': listRow({
    description:
      'age X25519 public keys (age1…) to encrypt to, comma or newline separated. Default: not encrypted.',
    default: '',
    env: 'AGE_RECIPIENTS',
    placeholder: '<age1…>',
  }),
  parallelism: {
    ...PARALLELISM,
    description: 'Collections (and _id ranges of large collections) read at once.',
  },
  retention: RETENTION,
  ...S3_ROWS,
  'storage-class': enumRow(STORAGE_CLASSES, {
    description: 'S3 storage class for the archive, e.g. STANDARD_IA. Default: the bucket’s.',
    default: '',
    placeholder: '<class>',
  }),
  sse: customRow(parseSse, {
    description: 'Server-side encryption: AES256, aws:kms or aws:kms:<key-id>. Default: the bucket’s.',
    default: '',
    placeholder: '<mode>',
  }),
  'anomaly-drop': integerRow({
    description:
      'The anomaly guard: a namespace that disappeared, or fewer documents than in the previous backup by more than this percent (per namespace or in all), marks the backup as an anomaly: it is kept, the run fails (the CLI exits 3), and retention keeps the backup from before it until the anomaly is acknowledged. 0 turns the guard off.',
    default: String(DEFAULT_ANOMALY_DROP_PERCENT),
    min: 0,
    max: 100,
    placeholder: '<percent>',
  }),
  'accept-anomaly': booleanRow({
    description:
      'The collapse is intended (a planned mass deletion): the anomaly is recorded as acknowledged, the run succeeds, and retention follows its rules.',
    default: 'false',
  }),
  timeout: timeoutRow(
    '2h',
    'Fail if the backup takes longer, e.g. 90m or 2h. Requests still waiting are then aborted, the upload with them (no manifest is written), and the run ends within seconds, naming what did not answer.',
  ),
  'connect-timeout': CONNECT_TIMEOUT,
};

/** A backup's typed options from its parsed table; the S3 region falls back to the environment's. */
export function backupOptions(
  values: Values<typeof BACKUP_OPTIONS> & Partial<Values<typeof KEEP_ROWS>>,
  env: Readonly<Record<string, string | undefined>> = process.env,
): BackupOptions {
  const level = values['compression-level'];
  const retention = retentionPolicy(values);
  const storageClass = values['storage-class'];
  const connectTimeoutMs = values['connect-timeout'];
  return {
    uri: values['mongodb-uri'],
    destination: values.destination,
    include: values.include,
    exclude: values.exclude,
    compression: values.compression,
    ...(level === undefined ? {} : { compressionLevel: level }),
    recipients: values['encrypt-recipients'],
    parallelism: values.parallelism,
    ...(retention ? { retention } : {}),
    anomalyDropPercent: values['anomaly-drop'],
    acceptAnomaly: values['accept-anomaly'],
    timeoutMs: values.timeout,
    ...(connectTimeoutMs === undefined ? {} : { connectTimeoutMs }),
    storage: {
      ...s3Options(values, env),
      ...(storageClass ? { storageClass } : {}),
      ...values.sse,
    },
  };
}

/** How many parts a backup is split into (`shipkit backup plan`, the reusable workflow's matrix). */
export const PARTS = integerRow({
  description:
    'Split the backup into this many parts, each written by its own job (a matrix of at most 256; see "Backups in parts"). 1 is one archive, as without parts.',
  default: '1',
  min: 1,
  max: MAX_PARTS,
});

/** The backup a part or a finalize belongs to: the id `plan` printed. */
export const PLANNED_BACKUP = textRow({
  description:
    'The id of the planned backup, as `shipkit backup plan` printed it, e.g. 2026-11-25T030000Z-1a2b3c.',
  required: true,
  placeholder: '<backup-id>',
});

/** Which part to write: 1 to the plan's number of parts. */
export const PART = integerRow({
  description:
    'The part to write, 1 to the number of parts of the plan. A part may be re-run: it replaces only its own objects.',
  required: true,
  min: 1,
  max: MAX_PARTS,
});

/** `shipkit backup plan`: the catalogue read once, the split written to <backup-id>/plan.json. */
export const PLAN_OPTIONS = {
  'mongodb-uri': BACKUP_OPTIONS['mongodb-uri'],
  destination: BACKUP_OPTIONS.destination,
  parts: { ...PARTS, default: '2' },
  include: BACKUP_OPTIONS.include,
  exclude: BACKUP_OPTIONS.exclude,
  compression: BACKUP_OPTIONS.compression,
  'compression-level': BACKUP_OPTIONS['compression-level'],
  'encrypt-recipients': BACKUP_OPTIONS['encrypt-recipients'],
  ...S3_ROWS,
  timeout: timeoutRow('10m'),
  'connect-timeout': CONNECT_TIMEOUT,
};

/** `shipkit backup part`: one part of a planned backup; what to read and how to store it come from the plan. */
export const PART_OPTIONS = {
  'mongodb-uri': BACKUP_OPTIONS['mongodb-uri'],
  destination: BACKUP_OPTIONS.destination,
  backup: PLANNED_BACKUP,
  part: PART,
  parallelism: BACKUP_OPTIONS.parallelism,
  ...S3_ROWS,
  'storage-class': BACKUP_OPTIONS['storage-class'],
  sse: BACKUP_OPTIONS.sse,
  timeout: timeoutRow('6h', BACKUP_OPTIONS.timeout.description),
  'connect-timeout': CONNECT_TIMEOUT,
};

/** `shipkit backup finalize`: every part checked, then the manifest written last. */
export const FINALIZE_OPTIONS = {
  destination: BACKUP_OPTIONS.destination,
  backup: PLANNED_BACKUP,
  ...S3_ROWS,
  timeout: timeoutRow('1h'),
};

function storageOf(
  values: Values<typeof S3_ROWS> & Partial<Values<Pick<typeof BACKUP_OPTIONS, 'storage-class' | 'sse'>>>,
  env: Readonly<Record<string, string | undefined>>,
): S3Settings {
  const storageClass = values['storage-class'];
  return { ...s3Options(values, env), ...(storageClass ? { storageClass } : {}), ...values.sse };
}

type S3Settings = Omit<S3StorageOptions, 'logger'>;

export function planOptions(
  values: Values<typeof PLAN_OPTIONS>,
  env: Readonly<Record<string, string | undefined>> = process.env,
): PlanOptions {
  const level = values['compression-level'];
  const connectTimeoutMs = values['connect-timeout'];
  return {
    uri: values['mongodb-uri'],
    destination: values.destination,
    parts: values.parts,
    include: values.include,
    exclude: values.exclude,
    compression: values.compression,
    ...(level === undefined ? {} : { compressionLevel: level }),
    recipients: values['encrypt-recipients'],
    storage: storageOf(values, env),
    timeoutMs: values.timeout,
    ...(connectTimeoutMs === undefined ? {} : { connectTimeoutMs }),
  };
}

export function partOptions(
  values: Values<typeof PART_OPTIONS>,
  env: Readonly<Record<string, string | undefined>> = process.env,
): PartOptions {
  const connectTimeoutMs = values['connect-timeout'];
  return {
    uri: values['mongodb-uri'],
    destination: values.destination,
    backupId: values.backup,
    part: values.part,
    parallelism: values.parallelism,
    storage: storageOf(values, env),
    timeoutMs: values.timeout,
    ...(connectTimeoutMs === undefined ? {} : { connectTimeoutMs }),
  };
}

export function finalizeOptions(
  values: Values<typeof FINALIZE_OPTIONS>,
  env: Readonly<Record<string, string | undefined>> = process.env,
): FinalizeOptions {
  return {
    destination: values.destination,
    backupId: values.backup,
    storage: storageOf(values, env),
    timeoutMs: values.timeout,
  };
}
