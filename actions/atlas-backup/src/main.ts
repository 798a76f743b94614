import { readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { actionLogger, maskSecret, setOutputs, writeSummary } from '@shipkit/action-kit';
import {
  AtlasClient,
  checkPolicy,
  exportSnapshot,
  parseDesiredPolicy,
  planRestore,
  RestoreNotConfirmedError,
  realAtlasDeps,
  startRestore,
  takeOnDemandSnapshot,
} from '@shipkit/atlas';
import { UserError } from '@shipkit/runtime';
import { type Connection, readAtlasBackupInputs } from './inputs';
import {
  differencesTable,
  exportSummary,
  policySummary,
  restorePlanSummary,
  restoreSummary,
  snapshotSummary,
} from './summary';

export async function main(signal?: AbortSignal): Promise<void> {
  const { connection, operation } = readAtlasBackupInputs();
  const client = connect(connection, signal);
  const where = { projectId: connection.projectId, cluster: connection.cluster };
  const follow = {
    wait: connection.wait,
    pollIntervalMs: connection.pollIntervalMs,
    timeoutMs: connection.timeoutMs,
  };

  switch (operation.kind) {
    case 'snapshot': {
      const result = await takeOnDemandSnapshot(client, {
        ...where,
        ...follow,
        description: operation.description ?? defaultDescription(),
        retentionDays: operation.retentionDays,
      });
      setOutputs({
        outcome: result.outcome,
        tier: result.tier.instanceSize,
        'snapshot-id': result.snapshot.id,
        status: result.snapshot.rawStatus,
      });
      await writeSummary(snapshotSummary(result));
      if (result.outcome === 'failed' || result.outcome === 'timed-out') throw new UserError(result.message);
      actionLogger.info(result.message);
      return;
    }
    case 'export': {
      const result = await exportSnapshot(client, { ...where, ...follow, ...operation });
      setOutputs({
        outcome: result.outcome,
        tier: result.tier.instanceSize,
        'snapshot-id': result.snapshot.id,
        status: result.job.state,
        'export-id': result.job.id,
        'export-prefix': result.job.prefix ?? '',
      });
      await writeSummary(exportSummary(result));
      if (result.outcome !== 'successful' && result.outcome !== 'started')
        throw new UserError(result.message);
      actionLogger.info(result.message);
      return;
    }
    case 'restore': {
      const plan = await planRestore(client, {
        ...where,
        ...(operation.snapshotId ? { snapshotId: operation.snapshotId } : {}),
        ...(operation.pointInTime ? { pointInTime: operation.pointInTime } : {}),
        targetCluster: operation.targetCluster,
        ...(operation.targetProjectId ? { targetProjectId: operation.targetProjectId } : {}),
      });
      actionLogger.info(`Restore plan:\n${plan.lines.map((line) => `  ${line}`).join('\n')}`);
      let result: Awaited<ReturnType<typeof startRestore>>;
      try {
        result = await startRestore(client, plan, { ...follow, confirm: operation.confirm });
      } catch (error) {
        if (!(error instanceof RestoreNotConfirmedError)) throw error;
        const message = `${error.message} Set input 'confirm' to ${error.expected} to start it.`;
        setOutputs({ outcome: 'refused', tier: plan.source.instanceSize, status: 'refused' });
        await writeSummary(restorePlanSummary(plan, message));
        throw new UserError(message);
      }
      setOutputs({
        outcome: result.outcome,
        tier: plan.source.instanceSize,
        'snapshot-id': plan.snapshot?.id ?? '',
        status: result.job.state,
        'restore-job-id': result.job.id,
      });
      await writeSummary(restoreSummary(result));
      if (result.outcome !== 'completed' && result.outcome !== 'started') throw new UserError(result.message);
      actionLogger.info(result.message);
      return;
    }
    case 'policy':
    case 'policy-file': {
      const { text, source } = operation.kind === 'policy' ? operation : await readPolicyFile(operation.path);
      const check = await checkPolicy(client, where, parseDesiredPolicy(text, source));
      const drifted = check.differences.length > 0;
      setOutputs({
        outcome: drifted ? 'drift' : 'matches',
        tier: check.tier.instanceSize,
        drift: drifted,
        differences: check.differences.length,
        report: drifted ? differencesTable(check) : '',
      });
      await writeSummary(policySummary(check, source));
      if (drifted) {
        throw new UserError(
          `${check.message}\n${check.differences.map((d) => `  ${d.field}: expected ${d.expected}, actual ${d.actual}`).join('\n')}`,
        );
      }
      actionLogger.info(check.message);
      return;
    }
  }
}

/** Every request and wait ends by the step's deadline; every access token is masked as it is issued. */
function connect(connection: Connection, signal?: AbortSignal): AtlasClient {
  const deps = { ...realAtlasDeps(signal), logger: actionLogger };
  return new AtlasClient(
    {
      ...(signal ? { signal } : {}),
      credentials: connection.credentials,
      baseUrl: connection.baseUrl,
      credentialSource: connection.credentialSource,
      deadline: deps.now() + connection.timeoutMs,
      onSecret: maskSecret,
    },
    deps,
  );
}

function defaultDescription(): string {
  const { GITHUB_REPOSITORY: repository, GITHUB_RUN_ID: run } = process.env;
  const origin = repository && run ? ` (${repository} run ${run})` : '';
  return `shipkit on-demand snapshot ${new Date().toISOString()}${origin}`;
}

async function readPolicyFile(path: string): Promise<{ text: string; source: string }> {
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
  const full = isAbsolute(path) ? path : join(workspace, path);
  try {
    return { text: await readFile(full, 'utf8'), source: path };
  } catch (error) {
    throw new UserError(
      `Input 'policy-file' ${path}: cannot read it (${(error as NodeJS.ErrnoException).code ?? 'error'}).`,
    );
  }
}
