/**
 * Every input of action.yml, in one typed list (name, type, default, description, required, secret), and
 * their reading into typed options, once. Secrets are masked before anything else reads them.
 */
import { Inputs, parseDuration, UserError } from '@shipkit/action-kit';
import { maskSecret } from '@shipkit/action-kit/action';
import { ATLAS_ID, type AtlasCredentials, CLUSTER_NAME, parseZonedTime } from '@shipkit/atlas';

export const OPERATIONS = ['snapshot', 'export', 'restore', 'policy'] as const;
export type Operation = (typeof OPERATIONS)[number];

export interface ActionInputSpec {
  name: string;
  type: 'string' | 'boolean' | 'duration' | 'integer' | 'enum';
  /** As action.yml declares it. */
  default?: string;
  description: string;
  required?: boolean;
  secret?: boolean;
  /** For enums. */
  values?: readonly string[];
}

export const ATLAS_BACKUP_INPUTS: readonly ActionInputSpec[] = [
  {
    name: 'operation',
    type: 'enum',
    values: OPERATIONS,
    required: true,
    description:
      'snapshot (on-demand snapshot of an M10+ cluster), export (a completed snapshot to an export bucket), restore (a snapshot or a point in time into a target cluster, replacing its data), or policy (compare the backup policy with a desired one; fails on drift).',
  },
  {
    name: 'project-id',
    type: 'string',
    required: true,
    description: 'The Atlas project id: 24 hexadecimal digits (Project Settings → Project ID).',
  },
  { name: 'cluster', type: 'string', required: true, description: "The cluster's name." },
  {
    name: 'client-id',
    type: 'string',
    description: "A service account's client id (mdb_sa_id_…), from a secret. Recommended over an API key.",
  },
  {
    name: 'client-secret',
    type: 'string',
    secret: true,
    description: "That service account's secret, from a secret. Masked, as is every access token it gets.",
  },
  {
    name: 'public-key',
    type: 'string',
    description: "A legacy API key's public key (instead of a service account).",
  },
  {
    name: 'private-key',
    type: 'string',
    secret: true,
    description: "That API key's private key, from a secret. Masked.",
  },
  { name: 'base-url', type: 'string', default: 'https://cloud.mongodb.com', description: 'Where Atlas is.' },
  {
    name: 'description',
    type: 'string',
    description:
      "snapshot: shown in Atlas next to the snapshot. Default: 'shipkit on-demand snapshot <time> (<repository> run <id>)'.",
  },
  {
    name: 'retention-days',
    type: 'integer',
    default: '7',
    description: 'snapshot: how many days Atlas keeps it.',
  },
  {
    name: 'snapshot-id',
    type: 'string',
    description:
      'export, restore: the snapshot (24 hexadecimal digits; `shipkit atlas snapshots` lists them).',
  },
  {
    name: 'export-bucket-id',
    type: 'string',
    description:
      "export: the export bucket's id in Atlas (Project → Backup → Export buckets), not the bucket's name.",
  },
  {
    name: 'target-cluster',
    type: 'string',
    description: 'restore: the cluster whose data the restore replaces.',
  },
  {
    name: 'target-project-id',
    type: 'string',
    description: "restore: the target cluster's project. Default: project-id.",
  },
  {
    name: 'point-in-time',
    type: 'string',
    description:
      'restore: instead of snapshot-id, the moment to restore (needs continuous backup), e.g. 2026-11-25T03:00:00Z.',
  },
  {
    name: 'confirm',
    type: 'string',
    description:
      'restore: the target cluster name, typed again. Nothing starts without it (the restore replaces all of its data).',
  },
  {
    name: 'policy',
    type: 'string',
    description: 'policy: the desired policy, YAML or JSON (see docs/ATLAS.md). Or policy-file.',
  },
  {
    name: 'policy-file',
    type: 'string',
    description: 'policy: a file holding the desired policy, relative to the workspace.',
  },
  {
    name: 'wait',
    type: 'boolean',
    default: 'true',
    description: 'Follow the snapshot, export or restore until it ends; the step fails unless it succeeds.',
  },
  {
    name: 'poll-interval',
    type: 'duration',
    default: '10s',
    description: 'How often to look while waiting.',
  },
  {
    name: 'timeout',
    type: 'duration',
    default: '1h',
    description:
      'Deadline for every request to Atlas and for the wait; then the step fails (Atlas carries on).',
  },
];

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

const spec = (name: string): ActionInputSpec => {
  const found = ATLAS_BACKUP_INPUTS.find((input) => input.name === name);
  if (!found) throw new Error(`no input '${name}' in ATLAS_BACKUP_INPUTS`);
  return found;
};
const fallback = (name: string) => spec(name).default ?? '';
const q = (name: string) => `'${name}'`;

/** Reads every input once; the secrets are masked before anything is parsed. */
export function readAtlasBackupInputs(env: NodeJS.ProcessEnv = process.env): AtlasBackupInputs {
  const inputs = new Inputs(env);
  for (const input of ATLAS_BACKUP_INPUTS) if (input.secret) maskSecret(inputs.string(input.name));
  const operation = inputs.enum('operation', OPERATIONS, 'snapshot');
  inputs.required('operation');
  const projectId = id(inputs, 'project-id', 'an Atlas project id', true) as string;
  const cluster = clusterName(inputs, 'cluster');
  const connection: Connection = {
    ...credentials(inputs),
    baseUrl: baseUrl(inputs),
    projectId,
    cluster,
    wait: inputs.boolean('wait', fallback('wait') === 'true'),
    pollIntervalMs: inputs.duration(
      'poll-interval',
      parseDuration('poll-interval', fallback('poll-interval')),
    ),
    timeoutMs: inputs.duration('timeout', parseDuration('timeout', fallback('timeout'))),
  };
  return { connection, operation: readOperation(inputs, operation) };
}

function readOperation(inputs: Inputs, operation: Operation): OperationInputs {
  switch (operation) {
    case 'snapshot': {
      const description = inputs.string('description');
      return {
        kind: 'snapshot',
        ...(description ? { description } : {}),
        retentionDays: inputs.integer('retention-days', Number(fallback('retention-days')), {
          min: 1,
          max: 3650,
        }),
      };
    }
    case 'export':
      return {
        kind: 'export',
        snapshotId: id(inputs, 'snapshot-id', 'a snapshot id', true) as string,
        exportBucketId: id(inputs, 'export-bucket-id', 'an export bucket id', true) as string,
      };
    case 'restore': {
      const snapshotId = id(inputs, 'snapshot-id', 'a snapshot id', false);
      const raw = inputs.string('point-in-time');
      const pointInTime = raw === undefined ? undefined : parseZonedTime(raw);
      if (raw !== undefined && !pointInTime) {
        throw new UserError(
          `Input 'point-in-time' must be an ISO 8601 time with its zone, e.g. 2026-11-25T03:00:00Z, got '${raw}'.`,
        );
      }
      if (Boolean(snapshotId) === Boolean(pointInTime)) {
        throw new UserError(
          `Operation restore needs ${q('snapshot-id')} or ${q('point-in-time')}: one of the two.`,
        );
      }
      const targetProjectId = id(inputs, 'target-project-id', 'an Atlas project id', false);
      return {
        kind: 'restore',
        ...(snapshotId ? { snapshotId } : {}),
        ...(pointInTime ? { pointInTime } : {}),
        targetCluster: clusterName(inputs, 'target-cluster'),
        ...(targetProjectId ? { targetProjectId } : {}),
        confirm: inputs.string('confirm'),
      };
    }
    case 'policy': {
      const text = inputs.string('policy');
      const path = inputs.string('policy-file');
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

function id(inputs: Inputs, name: string, what: string, required: boolean): string | undefined {
  const value = required ? inputs.required(name) : inputs.string(name);
  if (value !== undefined && !ATLAS_ID.test(value)) {
    throw new UserError(`Input ${q(name)} must be ${what}: 24 hexadecimal digits, got '${value}'.`);
  }
  return value;
}

function clusterName(inputs: Inputs, name: string): string {
  const value = inputs.required(name);
  if (!CLUSTER_NAME.test(value)) {
    throw new UserError(
      `Input ${q(name)} must be a cluster name (letters, digits and hyphens), got '${value}'.`,
    );
  }
  return value;
}

function baseUrl(inputs: Inputs): string {
  const url = inputs.string('base-url') ?? fallback('base-url');
  if (!/^https?:\/\/[^/]/.test(url))
    throw new UserError(`Input 'base-url' must be an http:// or https:// URL, got '${url}'.`);
  return url;
}

function credentials(inputs: Inputs): { credentials: AtlasCredentials; credentialSource: string } {
  const clientId = inputs.string('client-id');
  const clientSecret = inputs.string('client-secret');
  const publicKey = inputs.string('public-key');
  const privateKey = inputs.string('private-key');
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
