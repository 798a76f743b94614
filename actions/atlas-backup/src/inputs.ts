/**
 * The inputs of the atlas-backup action, one table (action.yml's inputs are generated from it), and their
 * reading into typed options, once. Secrets are masked before anything else reads them.
 */
import { type InputSource, readInputs } from '@shipkit/action-kit';
import { ATLAS_ID, type AtlasCredentials, CLUSTER_NAME, parseZonedTime } from '@shipkit/atlas';
import {
  booleanRow,
  durationRow,
  enumRow,
  integerRow,
  OptionError,
  textRow,
  UserError,
  type Values,
} from '@shipkit/runtime';

export const OPERATIONS = ['snapshot', 'export', 'restore', 'policy'] as const;
export type Operation = (typeof OPERATIONS)[number];

/** Every input of the atlas-backup action: action.yml is generated from it. */
export const ATLAS_BACKUP_INPUTS = {
  operation: enumRow(OPERATIONS, {
    description:
      'snapshot (on-demand snapshot of an M10+ cluster), export (a completed snapshot to an export bucket), restore (a snapshot or a point in time into a target cluster, replacing its data), or policy (compare the backup policy with a desired one; fails on drift).',
    required: true,
  }),
  'project-id': textRow({
    description: 'The Atlas project id: 24 hexadecimal digits (Project Settings → Project ID).',
    required: true,
  }),
  cluster: textRow({ description: "The cluster's name.", required: true }),
  'client-id': textRow({
    description: "A service account's client id (mdb_sa_id_…), from a secret. Recommended over an API key.",
  }),
  'client-secret': textRow({
    description: "That service account's secret, from a secret. Masked, as is every access token it gets.",
    secret: true,
  }),
  'public-key': textRow({ description: "A legacy API key's public key (instead of a service account)." }),
  'private-key': textRow({
    description: "That API key's private key, from a secret. Masked.",
    secret: true,
  }),
  'base-url': textRow({ description: 'Where Atlas is.', default: 'https://cloud.mongodb.com' }),
  description: textRow({
    description:
      "snapshot: shown in Atlas next to the snapshot. Default: 'shipkit on-demand snapshot <time> (<repository> run <id>)'.",
  }),
  'retention-days': integerRow({
    description: 'snapshot: how many days Atlas keeps it.',
    default: '7',
    min: 1,
    max: 3650,
  }),
  'snapshot-id': textRow({
    description:
      'export, restore: the snapshot (24 hexadecimal digits; `shipkit atlas snapshots` lists them).',
  }),
  'export-bucket-id': textRow({
    description:
      "export: the export bucket's id in Atlas (Project → Backup → Export buckets), not the bucket's name.",
  }),
  'target-cluster': textRow({ description: 'restore: the cluster whose data the restore replaces.' }),
  'target-project-id': textRow({
    description: "restore: the target cluster's project. Default: {project-id}.",
  }),
  'point-in-time': textRow({
    description:
      'restore: instead of {snapshot-id}, the moment to restore (needs continuous backup), e.g. 2026-11-25T03:00:00Z.',
  }),
  confirm: textRow({
    description:
      'restore: the target cluster name, typed again. Nothing starts without it (the restore replaces all of its data).',
  }),
  policy: textRow({
    description: 'policy: the desired policy, YAML or JSON (see docs/ATLAS.md). Or {policy-file}.',
  }),
  'policy-file': textRow({
    description: 'policy: a file holding the desired policy, relative to the workspace.',
  }),
  wait: booleanRow({
    description: 'Follow the snapshot, export or restore until it ends; the step fails unless it succeeds.',
    default: 'true',
  }),
  'poll-interval': durationRow({ description: 'How often to look while waiting.', default: '10s' }),
  timeout: durationRow({
    description:
      'Deadline for every request to Atlas and for the wait; then the step fails (Atlas carries on).',
    default: '1h',
  }),
};

export interface Connection {
  credentials: AtlasCredentials;
  credentialSource: string;
  baseUrl: string;
  projectId: string;
  cluster: string;
  wait: boolean;
  pollIntervalMs: number;
  timeoutMs: number;
}

export type OperationInputs =
  | { kind: 'snapshot'; description?: string; retentionDays: number }
  | { kind: 'export'; snapshotId: string; exportBucketId: string }
  | {
      kind: 'restore';
      snapshotId?: string;
      pointInTime?: Date;
      targetCluster: string;
      targetProjectId?: string;
      confirm: string | undefined;
    }
  | { kind: 'policy'; text: string; source: string }
  | { kind: 'policy-file'; path: string };

export interface AtlasBackupInputs {
  connection: Connection;
  operation: OperationInputs;
}

const q = (name: string) => `'${name}'`;

/** Reads every input once; the secrets are masked before anything is parsed. */
export function readAtlasBackupInputs(env: InputSource = process.env): AtlasBackupInputs {
  const values = readInputs(ATLAS_BACKUP_INPUTS, env);
  const projectId = id(values['project-id'], 'project-id', 'an Atlas project id') as string;
  const cluster = clusterName(values.cluster, 'cluster');
  const connection: Connection = {
    ...credentials(values),
    baseUrl: baseUrl(values['base-url']),
    projectId,
    cluster,
    wait: values.wait,
    pollIntervalMs: values['poll-interval'],
    timeoutMs: values.timeout,
  };
  return { connection, operation: readOperation(values) };
}

function readOperation(values: Values<typeof ATLAS_BACKUP_INPUTS>): OperationInputs {
  switch (values.operation) {
    case 'snapshot': {
      const { description } = values;
      return {
        kind: 'snapshot',
        ...(description ? { description } : {}),
        retentionDays: values['retention-days'],
      };
    }
    case 'export':
      return {
        kind: 'export',
        snapshotId: id(
          required(values['snapshot-id'], 'snapshot-id', 'export'),
          'snapshot-id',
          'a snapshot id',
        ),
        exportBucketId: id(
          required(values['export-bucket-id'], 'export-bucket-id', 'export'),
          'export-bucket-id',
          'an export bucket id',
        ),
      };
    case 'restore': {
      const snapshotId = values['snapshot-id'] && id(values['snapshot-id'], 'snapshot-id', 'a snapshot id');
      const raw = values['point-in-time'];
      const pointInTime = raw === undefined ? undefined : parseZonedTime(raw);
      if (raw !== undefined && !pointInTime) {
        throw new OptionError(
          'point-in-time',
          `must be an ISO 8601 time with its zone, e.g. 2026-11-25T03:00:00Z, got '${raw}'.`,
        );
      }
      if (Boolean(snapshotId) === Boolean(pointInTime)) {
        throw new UserError(
          `Operation restore needs ${q('snapshot-id')} or ${q('point-in-time')}: one of the two.`,
        );
      }
      const targetProjectId =
        values['target-project-id'] &&
        id(values['target-project-id'], 'target-project-id', 'an Atlas project id');
      return {
        kind: 'restore',
        ...(snapshotId ? { snapshotId } : {}),
        ...(pointInTime ? { pointInTime } : {}),
        targetCluster: clusterName(
          required(values['target-cluster'], 'target-cluster', 'restore'),
          'target-cluster',
        ),
        ...(targetProjectId ? { targetProjectId } : {}),
        confirm: values.confirm,
      };
    }
    case 'policy': {
      const { policy: text, 'policy-file': path } = values;
      if (Boolean(text) === Boolean(path)) {
        throw new UserError(
          `Operation policy needs ${q('policy')} (the desired policy itself) or ${q('policy-file')}: one of the two.`,
        );
      }
      return text
        ? { kind: 'policy', text, source: "input 'policy'" }
        : { kind: 'policy-file', path: path as string };
    }
  }
}

function required(value: string | undefined, key: string, operation: Operation): string {
  if (value === undefined) throw new OptionError(key, `is required by operation ${operation}.`);
  return value;
}

function id(value: string, key: string, what: string): string {
  if (!ATLAS_ID.test(value))
    throw new OptionError(key, `must be ${what}: 24 hexadecimal digits, got '${value}'.`);
  return value;
}

function clusterName(value: string, key: string): string {
  if (!CLUSTER_NAME.test(value)) {
    throw new OptionError(key, `must be a cluster name (letters, digits and hyphens), got '${value}'.`);
  }
  return value;
}

function baseUrl(url: string): string {
  if (!/^https?:\/\/[^/]/.test(url)) {
    throw new OptionError('base-url', `must be an http:// or https:// URL, got '${url}'.`);
  }
  return url;
}

function credentials(values: Values<typeof ATLAS_BACKUP_INPUTS>): {
  credentials: AtlasCredentials;
  credentialSource: string;
} {
  const {
    'client-id': clientId,
    'client-secret': clientSecret,
    'public-key': publicKey,
    'private-key': privateKey,
  } = values;
  if (clientId || clientSecret) {
    if (!clientId || !clientSecret)
      throw new UserError("A service account needs both inputs 'client-id' and 'client-secret'.");
    return {
      credentials: { kind: 'service-account', clientId, clientSecret },
      credentialSource: "inputs 'client-id' and 'client-secret'",
    };
  }
  if (publicKey || privateKey) {
    if (!publicKey || !privateKey)
      throw new UserError("An API key needs both inputs 'public-key' and 'private-key'.");
    return {
      credentials: { kind: 'api-key', publicKey, privateKey },
      credentialSource: "inputs 'public-key' and 'private-key'",
    };
  }
  throw new UserError(
    "Give Atlas credentials: a service account in inputs 'client-id' and 'client-secret' (recommended), or an API key in 'public-key' and 'private-key', each from a secret.",
  );
}
