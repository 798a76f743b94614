import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  AtlasClient,
  checkPolicy,
  checkSnapshotFreshness,
  credentialSecrets,
  describeCluster,
  exportSnapshot,
  parseDesiredPolicy,
  planRestore,
  RestoreNotConfirmedError,
  realAtlasDeps,
  requireTier,
  type Snapshot,
  startRestore,
  takeOnDemandSnapshot,
} from '@shipkit/atlas';
import {
  durationRow,
  EXIT,
  formatBytes,
  formatDuration,
  integerRow,
  textRow,
  UserError,
} from '@shipkit/runtime';
import { type CommandContext, command } from '../../command';
import { textTable } from '../../text';
import {
  atlasTimeoutRow,
  baseUrl,
  CONNECTION_ROWS,
  clusterName,
  credentials,
  followRows,
  hexId,
  labelIn,
  pointInTime,
  target,
} from './inputs';

const CREDENTIALS_HELP = `
Credentials come from the environment, never the command line: a service account in ATLAS_CLIENT_ID
and ATLAS_CLIENT_SECRET (recommended), or a legacy API key in ATLAS_PUBLIC_KEY and ATLAS_PRIVATE_KEY.
The least project roles each command needs are in docs/ATLAS.md.`;

function details(text: string): string {
  return `${text.trim()}\n${CREDENTIALS_HELP}`;
}

type Connection = {
  'client-id': string | undefined;
  'client-secret': string | undefined;
  'public-key': string | undefined;
  'private-key': string | undefined;
  'base-url': string;
  'project-id': string;
  cluster: string;
};

/** A client whose every request (and wait) ends by the command's deadline, or when the user interrupts. */
function connect(
  values: Connection,
  label: (key: string) => string,
  context: CommandContext,
  timeoutMs: number,
): AtlasClient {
  const { credentials: given, source } = credentials(values, label);
  for (const secret of credentialSecrets(given)) context.redactor.add(secret);
  const deps = { ...realAtlasDeps(context.signal), logger: context.logger };
  return new AtlasClient(
    {
      credentials: given,
      baseUrl: baseUrl(values['base-url'], label),
      credentialSource: source,
      signal: context.signal,
      deadline: deps.now() + timeoutMs,
      onSecret: (token) => context.redactor.add(token),
    },
    deps,
  );
}

function json(context: CommandContext, value: unknown): void {
  context.stdout(`${JSON.stringify(value, null, 2)}\n`);
}

function snapshotJson(snapshot: Snapshot) {
  return {
    id: snapshot.id,
    type: snapshot.type,
    status: snapshot.rawStatus,
    createdAt: snapshot.createdAt ?? null,
    expiresAt: snapshot.expiresAt ?? null,
    description: snapshot.description ?? null,
    storageSizeBytes: snapshot.storageSizeBytes ?? null,
  };
}

const SNAPSHOT_OPTIONS = {
  ...CONNECTION_ROWS,
  description: textRow({
    description: "Shown in Atlas. Default: 'shipkit on-demand snapshot <time>'.",
    placeholder: '<text>',
  }),
  'retention-days': integerRow({
    description: 'How many days Atlas keeps the snapshot.',
    default: '7',
    min: 1,
    max: 3650,
    placeholder: '<days>',
  }),
  ...followRows('10s', '30m'),
};

export const snapshot = command({
  name: 'atlas snapshot',
  usage:
    '--project <groupId> --cluster <name> [--description <text>] [--retention-days <days>] [--wait] [options]',
  options: SNAPSHOT_OPTIONS,
  details: details(
    `
Takes an on-demand Cloud Backup snapshot of an M10+ cluster and, with --wait, follows it until it is
completed (exit 0) or failed (exit 1); running out of --timeout exits 1 too, and Atlas carries on.
Atlas takes one on-demand snapshot at a time: when one is already queued or in progress, that one is
followed instead of taking a second. M0 clusters have no Cloud Backup and Flex clusters no on-demand
snapshots: both are refused, saying what they offer (a logical backup, \`shipkit backup\`, works on all).

Example:
  ATLAS_CLIENT_ID=… ATLAS_CLIENT_SECRET=… shipkit atlas snapshot --project 65a1b2c3d4e5f60718293a4b \\
    --cluster shop --description "before deploy $(git rev-parse --short HEAD)" --wait`,
  ),
  async run({ options }, context) {
    const label = labelIn(SNAPSHOT_OPTIONS);
    const where = target(options, label);
    const timeoutMs = options.timeout;
    const client = connect(options, label, context, timeoutMs);
    const result = await takeOnDemandSnapshot(client, {
      ...where,
      description: options.description ?? `shipkit on-demand snapshot ${new Date().toISOString()}`,
      retentionDays: options['retention-days'],
      wait: options.wait,
      pollIntervalMs: options['poll-interval'],
      timeoutMs,
    });
    const message =
      result.outcome === 'timed-out'
        ? `${result.message} (--timeout ${formatDuration(timeoutMs)})`
        : result.message;
    if (context.json) {
      json(context, {
        outcome: result.outcome,
        projectId: where.projectId,
        cluster: where.cluster,
        tier: result.tier.instanceSize,
        snapshotId: result.snapshot.id,
        status: result.snapshot.rawStatus,
        adopted: result.adopted,
        reconciled: result.reconciled,
        durationSeconds: Math.round(result.durationMs / 1000),
        snapshot: snapshotJson(result.snapshot),
        message,
      });
    } else {
      context.stdout(`${message}\nsnapshot ${result.snapshot.id}: ${result.snapshot.rawStatus}\n`);
    }
    return result.outcome === 'failed' || result.outcome === 'timed-out' ? EXIT.failed : EXIT.ok;
  },
});

const SNAPSHOTS_OPTIONS = { ...CONNECTION_ROWS, timeout: atlasTimeoutRow('2m') };

export const snapshots = command({
  name: 'atlas snapshots',
  usage: '--project <groupId> --cluster <name> [--json]',
  options: SNAPSHOTS_OPTIONS,
  details: details(
    `
Lists the cluster's Cloud Backup snapshots, newest first: on-demand and scheduled ones on M10+, the
daily ones on Flex. M0 has none (and is refused, saying so).`,
  ),
  async run({ options }, context) {
    const label = labelIn(SNAPSHOTS_OPTIONS);
    const where = target(options, label);
    const client = connect(options, label, context, options.timeout);
    const tier = await client.getTier(where.projectId, where.cluster);
    requireTier(tier, ['dedicated', 'flex'], 'list snapshots');
    const list = await client.listSnapshots(tier);
    if (context.json) {
      json(context, {
        projectId: where.projectId,
        cluster: where.cluster,
        tier: tier.instanceSize,
        snapshots: list.map(snapshotJson),
      });
      return EXIT.ok;
    }
    context.stdout(`${describeCluster(tier)}: ${list.length} snapshot(s)\n`);
    if (list.length > 0) {
      context.stdout(
        textTable(
          ['id', 'type', 'status', 'taken', 'expires', 'size', 'description'],
          list.map((s) => [
            s.id,
            s.type,
            s.rawStatus,
            s.createdAt ?? '',
            s.expiresAt ?? '',
            s.storageSizeBytes === undefined ? '' : formatBytes(s.storageSizeBytes),
            s.description ?? '',
          ]),
          [5],
        ),
      );
    }
    return EXIT.ok;
  },
});

const EXPORT_OPTIONS = {
  ...CONNECTION_ROWS,
  'snapshot-id': textRow({
    description: 'The completed snapshot to export.',
    required: true,
    flag: 'snapshot',
    placeholder: '<id>',
  }),
  'export-bucket-id': textRow({
    description: "The export bucket's id in Atlas (Project → Backup → Export buckets), not its name.",
    required: true,
    flag: 'bucket',
    placeholder: '<exportBucketId>',
  }),
  ...followRows('30s', '2h'),
};

export const exportCommand = command({
  name: 'atlas export',
  usage: '--project <groupId> --cluster <name> --snapshot <id> --bucket <exportBucketId> [--wait] [options]',
  options: EXPORT_OPTIONS,
  details: details(
    `
Exports a completed snapshot of an M10+ cluster to an export bucket set up in Atlas: one .json.gz of
Extended JSON per collection and a .complete marker, under the prefix the output names. With --wait it
follows the job: exit 0 when Successful, 1 when Failed or Cancelled (Atlas does not retry it, and what it
wrote stays) or when --timeout runs out.`,
  ),
  async run({ options }, context) {
    const label = labelIn(EXPORT_OPTIONS);
    const where = target(options, label);
    const timeoutMs = options.timeout;
    const snapshotId = hexId(options['snapshot-id'], 'snapshot-id', 'a snapshot id', label);
    const exportBucketId = hexId(
      options['export-bucket-id'],
      'export-bucket-id',
      'an export bucket id',
      label,
    );
    const result = await exportSnapshot(connect(options, label, context, timeoutMs), {
      ...where,
      snapshotId,
      exportBucketId,
      wait: options.wait,
      pollIntervalMs: options['poll-interval'],
      timeoutMs,
    });
    if (context.json) {
      json(context, {
        outcome: result.outcome,
        projectId: where.projectId,
        cluster: where.cluster,
        snapshotId: result.snapshot.id,
        exportId: result.job.id,
        state: result.job.state,
        bucket: result.bucket.bucketName,
        prefix: result.job.prefix ?? null,
        exportedCollections: result.job.exportedCollections ?? null,
        totalCollections: result.job.totalCollections ?? null,
        reconciled: result.reconciled,
        durationSeconds: Math.round(result.durationMs / 1000),
        message: result.message,
      });
    } else {
      context.stdout(
        `${result.message}\nexport ${result.job.id}: ${result.job.state}${result.job.prefix ? `, prefix ${result.job.prefix}` : ''}\n`,
      );
    }
    return result.outcome === 'successful' || result.outcome === 'started' ? EXIT.ok : EXIT.failed;
  },
});

const RESTORE_OPTIONS = {
  ...CONNECTION_ROWS,
  'snapshot-id': textRow({
    description: 'The snapshot to restore.',
    flag: 'snapshot',
    placeholder: '<id>',
  }),
  'point-in-time': textRow({
    description:
      'Instead of a snapshot: the moment to restore (continuous backup), e.g. 2026-11-25T03:00:00Z.',
    placeholder: '<ISO time>',
  }),
  'target-cluster': textRow({
    description: 'The cluster whose data is replaced.',
    required: true,
    placeholder: '<name>',
  }),
  'target-project-id': textRow({
    description: "The target cluster's project. Default: {project-id}.",
    flag: 'target-project',
    placeholder: '<groupId>',
  }),
  confirm: textRow({
    description: 'The target cluster name, typed again: nothing starts without it.',
    placeholder: '<name>',
  }),
  ...followRows('30s', '2h'),
};

export const restore = command({
  name: 'atlas restore',
  usage:
    '--project <groupId> --cluster <name> (--snapshot <id> | --point-in-time <ISO time>) --target-cluster <name> --confirm <target cluster name> [--wait] [options]',
  options: RESTORE_OPTIONS,
  details: details(
    `
Restores a snapshot (or, with continuous backup, a point in time) of a cluster into a target cluster,
through an Atlas restore job. An automated or point-in-time restore REPLACES ALL DATA of the target
cluster: the plan is printed first, and nothing starts unless --confirm repeats the target cluster's
exact name. Exit 0: completed (or started, without --wait); 1: failed, cancelled, expired or timed out;
2: refused.

Example:
  shipkit atlas restore --project 65a1b2c3d4e5f60718293a4b --cluster shop --snapshot 6656f0e1d2c3b4a596877869 \\
    --target-cluster shop-staging --confirm shop-staging --wait`,
  ),
  async run({ options }, context) {
    const label = labelIn(RESTORE_OPTIONS);
    const where = target(options, label);
    const timeoutMs = options.timeout;
    const at = pointInTime(options['point-in-time'], label);
    const snapshotId = options['snapshot-id']
      ? hexId(options['snapshot-id'], 'snapshot-id', 'a snapshot id', label)
      : undefined;
    if (Boolean(snapshotId) === Boolean(at)) {
      throw new UserError(
        `Give ${label('snapshot-id')} or ${label('point-in-time')}: one of the two says what to restore.`,
      );
    }
    const targetProjectId = options['target-project-id']
      ? hexId(options['target-project-id'], 'target-project-id', 'an Atlas project id', label)
      : undefined;
    const targetCluster = clusterName(options['target-cluster'], 'target-cluster', label);
    const client = connect(options, label, context, timeoutMs);
    const plan = await planRestore(client, {
      ...where,
      ...(snapshotId ? { snapshotId } : {}),
      ...(at ? { pointInTime: at } : {}),
      targetCluster,
      ...(targetProjectId ? { targetProjectId } : {}),
    });
    const planText = `Restore plan\n${plan.lines.map((line) => `  ${line}`).join('\n')}\n`;
    if (!context.json) context.stdout(planText);
    try {
      const result = await startRestore(client, plan, {
        confirm: options.confirm,
        wait: options.wait,
        pollIntervalMs: options['poll-interval'],
        timeoutMs,
      });
      if (context.json) {
        json(context, {
          outcome: result.outcome,
          plan: plan.lines,
          restoreJobId: result.job.id,
          state: result.job.state,
          reconciled: result.reconciled,
          durationSeconds: Math.round(result.durationMs / 1000),
          message: result.message,
        });
      } else {
        context.stdout(`${result.message}\nrestore job ${result.job.id}: ${result.job.state}\n`);
      }
      return result.outcome === 'completed' || result.outcome === 'started' ? EXIT.ok : EXIT.failed;
    } catch (error) {
      if (!(error instanceof RestoreNotConfirmedError)) throw error;
      const message = `${error.message} Re-run with --confirm ${error.expected} to start it.`;
      if (!context.json) throw new UserError(message);
      // One JSON document on stdout: the refusal with its plan; the reason on stderr too.
      context.logger.error(message);
      json(context, { outcome: 'refused', plan: plan.lines, message });
      return EXIT.refused;
    }
  },
});

const POLICY_OPTIONS = {
  ...CONNECTION_ROWS,
  expect: textRow({
    description: 'The desired policy, YAML or JSON (see docs/ATLAS.md).',
    required: true,
    placeholder: '<file>',
  }),
  timeout: atlasTimeoutRow('2m'),
};

export const policy = command({
  name: 'atlas policy',
  usage: '--project <groupId> --cluster <name> --expect <file> [--json]',
  options: POLICY_OPTIONS,
  details: details(
    `
Compares the backup settings of an M10+ cluster (backup on, continuous backup, the backup schedule and
its policy items, and the project's Backup Compliance Policy when the file has a compliancePolicy
section) with a desired policy in YAML or JSON. Exit 0 when they match, 1 on drift, with a table of the
differences. Only what the file states is checked; docs/ATLAS.md has an example.`,
  ),
  async run({ options }, context) {
    const label = labelIn(POLICY_OPTIONS);
    const where = target(options, label);
    const file = options.expect;
    const path = resolve(context.cwd, file);
    const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new UserError(`--expect ${file}: cannot read it (${error.code ?? error.message}).`);
    });
    const desired = parseDesiredPolicy(text, file);
    const result = await checkPolicy(connect(options, label, context, options.timeout), where, desired);
    if (context.json) {
      json(context, {
        matches: result.differences.length === 0,
        projectId: where.projectId,
        cluster: where.cluster,
        checked: result.checked,
        differences: result.differences,
        message: result.message,
      });
    } else {
      context.stdout(`${result.message}\n`);
      if (result.differences.length > 0) {
        context.stdout(
          textTable(
            ['setting', 'expected', 'actual'],
            result.differences.map((d) => [d.field, d.expected, d.actual]),
          ),
        );
      }
    }
    return result.differences.length === 0 ? EXIT.ok : EXIT.failed;
  },
});

const FRESHNESS_OPTIONS = {
  ...CONNECTION_ROWS,
  'max-age': durationRow({
    description: 'How old the newest completed snapshot may be, e.g. 26h.',
    required: true,
  }),
  timeout: atlasTimeoutRow('2m'),
};

export const checkFreshness = command({
  name: 'atlas check-freshness',
  usage: '--project <groupId> --cluster <name> --max-age <duration> [--json]',
  options: FRESHNESS_OPTIONS,
  details: details(
    `
For deploy gates: exit 0 when the cluster's newest completed Cloud Backup snapshot (on demand, scheduled,
or Flex's daily one) is younger than --max-age, 1 otherwise. Pairs with \`shipkit check-freshness\`,
which checks the verified logical backups.`,
  ),
  async run({ options }, context) {
    const label = labelIn(FRESHNESS_OPTIONS);
    const where = target(options, label);
    const maxAgeMs = options['max-age'];
    const result = await checkSnapshotFreshness(connect(options, label, context, options.timeout), {
      ...where,
      maxAgeMs,
    });
    if (context.json) {
      json(context, {
        fresh: result.fresh,
        projectId: where.projectId,
        cluster: where.cluster,
        tier: result.tier.instanceSize,
        maxAgeMs,
        newest: result.newest ?? null,
        snapshots: result.snapshots,
        completed: result.completed,
        message: result.message,
      });
    } else {
      context.stdout(`${result.fresh ? 'fresh' : 'STALE'}: ${result.message}\n`);
    }
    return result.fresh ? EXIT.ok : EXIT.failed;
  },
});
