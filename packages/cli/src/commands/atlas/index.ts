import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { formatBytes, formatDuration, UserError } from '@shipkit/action-kit';
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
import type { Command, CommandContext, ParsedArgs } from '../../command';
import { textTable } from '../../text';
import {
  baseUrl,
  CommandInputs,
  clusterName,
  credentials,
  EXPORT_INPUTS,
  environmentOf,
  FRESHNESS_INPUTS,
  hexId,
  type InputSpec,
  optionsOf,
  POLICY_INPUTS,
  pointInTime,
  RESTORE_INPUTS,
  SNAPSHOT_INPUTS,
  SNAPSHOTS_INPUTS,
  target,
} from './inputs';

const CREDENTIALS_HELP = `
Credentials come from the environment, never the command line: a service account in ATLAS_CLIENT_ID
and ATLAS_CLIENT_SECRET (recommended), or a legacy API key in ATLAS_PUBLIC_KEY and ATLAS_PRIVATE_KEY.
The least project roles each command needs are in docs/ATLAS.md.`;

function details(specs: readonly InputSpec[], text: string): string {
  return `${text.trim()}\n${CREDENTIALS_HELP}\n\nEnvironment:\n${environmentOf(specs)}`;
}

/** The command's inputs, read once, with every secret given registered for redaction first. */
function read(specs: readonly InputSpec[], args: ParsedArgs, context: CommandContext): CommandInputs {
  if (args.positionals.length > 0) {
    throw new UserError(`Unexpected argument '${args.positionals[0]}': every value is given with an option.`);
  }
  const inputs = new CommandInputs(specs, args, context.env);
  for (const secret of inputs.secrets()) context.redactor.add(secret);
  return inputs;
}

/** A client whose every request (and wait) ends by the command's deadline, or when the user interrupts. */
function connect(inputs: CommandInputs, context: CommandContext, timeoutMs: number): AtlasClient {
  const { credentials: given, source } = credentials(inputs);
  for (const secret of credentialSecrets(given)) context.redactor.add(secret);
  const deps = { ...realAtlasDeps(context.signal), logger: context.logger };
  return new AtlasClient(
    {
      credentials: given,
      baseUrl: baseUrl(inputs),
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

export const snapshot: Command = {
  name: 'atlas snapshot',
  usage:
    '--project <groupId> --cluster <name> [--description <text>] [--retention-days N] [--wait] [options]',
  options: optionsOf(SNAPSHOT_INPUTS),
  details: details(
    SNAPSHOT_INPUTS,
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
  async run(args, context) {
    const inputs = read(SNAPSHOT_INPUTS, args, context);
    const where = target(inputs);
    const timeoutMs = inputs.duration('timeout');
    const options = {
      ...where,
      description: inputs.string('description') ?? `shipkit on-demand snapshot ${new Date().toISOString()}`,
      retentionDays: inputs.integer('retention-days', { min: 1, max: 3650 }),
      wait: inputs.boolean('wait'),
      pollIntervalMs: inputs.duration('poll-interval'),
      timeoutMs,
    };
    const result = await takeOnDemandSnapshot(connect(inputs, context, timeoutMs), options);
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
    return result.outcome === 'failed' || result.outcome === 'timed-out' ? 1 : 0;
  },
};

export const snapshots: Command = {
  name: 'atlas snapshots',
  usage: '--project <groupId> --cluster <name> [--json]',
  options: optionsOf(SNAPSHOTS_INPUTS),
  details: details(
    SNAPSHOTS_INPUTS,
    `
Lists the cluster's Cloud Backup snapshots, newest first: on-demand and scheduled ones on M10+, the
daily ones on Flex. M0 has none (and is refused, saying so).`,
  ),
  async run(args, context) {
    const inputs = read(SNAPSHOTS_INPUTS, args, context);
    const where = target(inputs);
    const client = connect(inputs, context, inputs.duration('timeout'));
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
      return 0;
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
    return 0;
  },
};

export const exportCommand: Command = {
  name: 'atlas export',
  usage: '--project <groupId> --cluster <name> --snapshot <id> --bucket <exportBucketId> [--wait] [options]',
  options: optionsOf(EXPORT_INPUTS),
  details: details(
    EXPORT_INPUTS,
    `
Exports a completed snapshot of an M10+ cluster to an export bucket set up in Atlas: one .json.gz of
Extended JSON per collection and a .complete marker, under the prefix the output names. With --wait it
follows the job: exit 0 when Successful, 1 when Failed or Cancelled (Atlas does not retry it, and what it
wrote stays) or when --timeout runs out.`,
  ),
  async run(args, context) {
    const inputs = read(EXPORT_INPUTS, args, context);
    const where = target(inputs);
    const timeoutMs = inputs.duration('timeout');
    const result = await exportSnapshot(connect(inputs, context, timeoutMs), {
      ...where,
      snapshotId: hexId(inputs, 'snapshot-id', 'a snapshot id'),
      exportBucketId: hexId(inputs, 'export-bucket-id', 'an export bucket id'),
      wait: inputs.boolean('wait'),
      pollIntervalMs: inputs.duration('poll-interval'),
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
    return result.outcome === 'successful' || result.outcome === 'started' ? 0 : 1;
  },
};

export const restore: Command = {
  name: 'atlas restore',
  usage:
    '--project <groupId> --cluster <name> (--snapshot <id> | --point-in-time <ISO time>) --target-cluster <name> --confirm <target cluster name> [--wait] [options]',
  options: optionsOf(RESTORE_INPUTS),
  details: details(
    RESTORE_INPUTS,
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
  async run(args, context) {
    const inputs = read(RESTORE_INPUTS, args, context);
    const where = target(inputs);
    const timeoutMs = inputs.duration('timeout');
    const at = pointInTime(inputs);
    const snapshotId = inputs.string('snapshot-id')
      ? hexId(inputs, 'snapshot-id', 'a snapshot id')
      : undefined;
    if (Boolean(snapshotId) === Boolean(at)) {
      throw new UserError(
        `Give ${inputs.label('snapshot-id')} or ${inputs.label('point-in-time')}: one of the two says what to restore.`,
      );
    }
    const targetProjectId = inputs.string('target-project-id')
      ? hexId(inputs, 'target-project-id', 'an Atlas project id')
      : undefined;
    const client = connect(inputs, context, timeoutMs);
    const plan = await planRestore(client, {
      ...where,
      ...(snapshotId ? { snapshotId } : {}),
      ...(at ? { pointInTime: at } : {}),
      targetCluster: clusterName(inputs, 'target-cluster'),
      ...(targetProjectId ? { targetProjectId } : {}),
    });
    const planText = `Restore plan\n${plan.lines.map((line) => `  ${line}`).join('\n')}\n`;
    if (!context.json) context.stdout(planText);
    try {
      const result = await startRestore(client, plan, {
        confirm: inputs.string('confirm'),
        wait: inputs.boolean('wait'),
        pollIntervalMs: inputs.duration('poll-interval'),
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
      return result.outcome === 'completed' || result.outcome === 'started' ? 0 : 1;
    } catch (error) {
      if (!(error instanceof RestoreNotConfirmedError)) throw error;
      if (context.json) json(context, { outcome: 'refused', plan: plan.lines, message: error.message });
      throw new UserError(`${error.message} Re-run with --confirm ${error.expected} to start it.`);
    }
  },
};

export const policy: Command = {
  name: 'atlas policy',
  usage: '--project <groupId> --cluster <name> --expect <file> [--json]',
  options: optionsOf(POLICY_INPUTS),
  details: details(
    POLICY_INPUTS,
    `
Compares the backup settings of an M10+ cluster (backup on, continuous backup, the backup schedule and
its policy items, and the project's Backup Compliance Policy when the file has a compliancePolicy
section) with a desired policy in YAML or JSON. Exit 0 when they match, 1 on drift, with a table of the
differences. Only what the file states is checked; docs/ATLAS.md has an example.`,
  ),
  async run(args, context) {
    const inputs = read(POLICY_INPUTS, args, context);
    const where = target(inputs);
    const file = inputs.required('expect');
    const path = resolve(context.cwd, file);
    const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new UserError(`--expect ${file}: cannot read it (${error.code ?? error.message}).`);
    });
    const desired = parseDesiredPolicy(text, file);
    const result = await checkPolicy(connect(inputs, context, inputs.duration('timeout')), where, desired);
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
    return result.differences.length === 0 ? 0 : 1;
  },
};

export const checkFreshness: Command = {
  name: 'atlas check-freshness',
  usage: '--project <groupId> --cluster <name> --max-age <duration> [--json]',
  options: optionsOf(FRESHNESS_INPUTS),
  details: details(
    FRESHNESS_INPUTS,
    `
For deploy gates: exit 0 when the cluster's newest completed Cloud Backup snapshot (on demand, scheduled,
or Flex's daily one) is younger than --max-age, 1 otherwise. Pairs with \`shipkit check-freshness\`,
which checks the verified logical backups.`,
  ),
  async run(args, context) {
    const inputs = read(FRESHNESS_INPUTS, args, context);
    const where = target(inputs);
    const maxAgeMs = inputs.duration('max-age');
    const result = await checkSnapshotFreshness(connect(inputs, context, inputs.duration('timeout')), {
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
    return result.fresh ? 0 : 1;
  },
};
