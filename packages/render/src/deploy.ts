import { displayUri, errorMessage, formatDuration, type Logger, UserError } from '@shipkit/runtime';
import { allDeploys, type RenderApi } from './client';
import type { DeploymentRecorder, DeploymentState } from './github-deployments';
import { networkReason, RenderApiError } from './http';
import {
  type Deploy,
  type DeployMode,
  type DeployStatus,
  FAILED_STATUSES,
  isCancellable,
  isFinished,
  type Service,
} from './types';

/** After a 202 the official CLI looks for the queued deploy for up to a minute, once a second. */
const QUEUED_LOOKUP_TIMEOUT_MS = 60_000;
const QUEUED_LOOKUP_INTERVAL_MS = 1_000;
/** Runner and Render clocks differ a little; look that far back for a deploy created "after" the trigger. */
const CLOCK_SKEW_MS = 60_000;
const HEARTBEAT_MS = 60_000;
const HEALTH_REQUEST_MIN_MS = 2_000;
const HEALTH_REQUEST_MAX_MS = 10_000;
const ROLLBACK_SEARCH_LIMIT = 200;
const ROLLBACK_PAGE_SIZE = 20;

export const SUPERSEDED_OUTCOMES = ['auto', 'success', 'failure'] as const;
/** What a `deactivated` (superseded) deploy counts as; `auto` = success only if it was seen `live`. */
export type SupersededOutcome = (typeof SUPERSEDED_OUTCOMES)[number];

export type DeployTrigger =
  | { kind: 'api'; commitId?: string; imageUrl?: string; clearCache?: boolean; deployMode?: DeployMode }
  | { kind: 'hook'; hookUrl: string; imageUrl?: string };

export interface DeployFlowOptions {
  /** Needed to wait; with a hook alone it may be unknown. */
  serviceId?: string;
  trigger: DeployTrigger;
  wait: boolean;
  timeoutMs: number;
  /** Poll interval once the deploy has started; twice that while it is created or queued. */
  pollIntervalMs: number;
  supersededOutcome: SupersededOutcome;
  cancelOnTimeout: boolean;
  rollbackOnFailure: boolean;
  /**
   * Deploy a service whose Auto-Deploy is on. Render then ships every push by itself, around the checks
   * and the backup gate in front of this deploy; so by default the flow refuses such a service.
   */
  allowAutoDeploy: boolean;
  healthCheck?: { url: string; timeoutMs: number };
  /** Link for GitHub deployment statuses when Render's dashboard URL is unknown (the workflow run). */
  runUrl?: string;
}

export interface DeployFlowDeps {
  /** Absent when only a deploy hook is configured: the flow triggers and cannot wait. */
  render?: RenderApi;
  triggerHook: (hookUrl: string, imageUrl: string | undefined) => Promise<{ deployId?: string }>;
  /** For the health check. */
  fetch: typeof globalThis.fetch;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  logger: Logger;
  deployments?: DeploymentRecorder;
  /** Called once the deploy id is known, e.g. to save it for a cancel-on-workflow-cancel step. */
  onDeployId?: (serviceId: string, deployId: string) => void | Promise<void>;
}

export type DeployOutcome = 'success' | 'failure' | 'triggered';

export interface TimelineEntry {
  at: number;
  deployId: string;
  status: DeployStatus;
  note?: string;
}

export interface DeployResult {
  outcome: DeployOutcome;
  /** One sentence saying what happened; the step's failure message on failure. */
  reason: string;
  serviceId?: string;
  service?: Service;
  deployId?: string;
  /** The deploy's last Render status. */
  status?: DeployStatus;
  commitId?: string;
  startedAt: number;
  /** From the trigger to the verdict (health check included, rollback not). */
  durationMs: number;
  timedOut: boolean;
  healthCheck?: { passed: boolean; detail: string };
  rolledBack: boolean;
  rollback?: { deployId: string; status?: DeployStatus; targetDeployId: string };
  timeline: TimelineEntry[];
}

const FAILURE_REASONS: Record<string, string> = {
  build_failed: 'its build failed',
  update_failed: 'it was built but the new instances did not become healthy',
  pre_deploy_failed: 'its pre-deploy command failed',
  canceled: 'it was canceled',
};

/**
 * Triggers a Render deploy (API or deploy hook), follows it to a finished status, and applies the
 * options: health check, rollback, cancel on timeout, GitHub deployment statuses. Returns a result
 * for outputs and the summary; throws only when nothing could be triggered.
 */
export async function deployToRender(
  options: DeployFlowOptions,
  deps: DeployFlowDeps,
): Promise<DeployResult> {
  return new DeployFlow(options, deps).run();
}

class DeployFlow {
  private readonly startedAt: number;
  private readonly timeline: TimelineEntry[] = [];
  private lastLogAt: number;
  private deployments: DeploymentRecorder | undefined;
  private service: Service | undefined;

  constructor(
    private readonly options: DeployFlowOptions,
    private readonly deps: DeployFlowDeps,
  ) {
    this.startedAt = deps.now();
    this.lastLogAt = this.startedAt;
  }

  async run(): Promise<DeployResult> {
    const { render } = this.deps;
    const { serviceId } = this.options;
    const canWait = render !== undefined && serviceId !== undefined;
    // Reading the service first checks the key, the id and Auto-Deploy before anything is triggered.
    if (render && serviceId) {
      this.service = await render.getService(serviceId);
      this.checkAutoDeploy(this.service);
    } else {
      this.deps.logger.warn(
        "Without an API key and the service id the service's Auto-Deploy setting cannot be read: make sure it is off, or every push deploys without this workflow's gates.",
      );
    }
    await this.startDeploymentRecord(canWait);

    let deploy: Deploy | undefined;
    try {
      deploy = await this.trigger();
    } catch (thrown) {
      await this.recordDeployment('failure', `Could not trigger the deploy: ${errorMessage(thrown)}`);
      throw thrown;
    }
    const base = {
      ...(serviceId ? { serviceId } : {}),
      ...(this.service ? { service: this.service } : {}),
      startedAt: this.startedAt,
      timeline: this.timeline,
    };

    if (!deploy) {
      return this.result({
        ...base,
        outcome: 'triggered',
        reason: 'Triggered a deploy through the deploy hook; Render did not say which deploy it started.',
      });
    }
    if (deploy.status) this.record(deploy.id, deploy.status, 'triggered');
    else this.log(`Triggered deploy ${deploy.id}.`);
    if (canWait) await this.deps.onDeployId?.(serviceId, deploy.id);
    await this.recordDeployment('in_progress', `Deploying ${deploy.id}`, deploy.id);

    if (!canWait) {
      const reason = `Triggered deploy ${deploy.id} through the deploy hook; without an API key (and service id) the action cannot wait for it to finish.`;
      if (this.options.wait) this.deps.logger.warn(reason);
      return this.result({ ...base, outcome: 'triggered', reason, deployId: deploy.id, ...statusOf(deploy) });
    }
    if (!this.options.wait) {
      const reason = `Triggered deploy ${deploy.id}; not waiting for it (wait: false).`;
      return this.result({ ...base, outcome: 'triggered', reason, deployId: deploy.id, ...statusOf(deploy) });
    }
    return this.follow(render, serviceId, deploy, base);
  }

  private checkAutoDeploy(service: Service): void {
    const trigger = service.autoDeploy;
    if (trigger === undefined || trigger === 'off') return;
    const when = trigger === 'checksPass' ? "once a push's checks pass" : 'on every push';
    const problem = `Render service ${service.id} has Auto-Deploy on (${trigger}): Render deploys its branch ${when} by itself, without the gates in front of this deploy (the fresh verified backup, the branch policy).`;
    const fix =
      "Turn it off in the service's Settings → Build & Deploy → Auto-Deploy: Off (or `autoDeployTrigger: off` in render.yaml)";
    if (!this.options.allowAutoDeploy) {
      throw new UserError(`${problem} ${fix}, or set allow-auto-deploy: true to deploy anyway.`);
    }
    this.deps.logger.warn(`${problem} Deploying anyway (allow-auto-deploy). ${fix}.`);
  }

  private async follow(
    render: RenderApi,
    serviceId: string,
    triggered: Deploy,
    base: Pick<DeployResult, 'serviceId' | 'service' | 'startedAt' | 'timeline'>,
  ): Promise<DeployResult> {
    let verdict: Verdict;
    try {
      verdict = await this.verdict(render, serviceId, triggered);
    } catch (thrown) {
      verdict = {
        outcome: 'failure',
        reason: `Lost track of deploy ${triggered.id}: ${errorMessage(thrown)}`,
        deploy: triggered,
        timedOut: false,
        rollbackWorthy: false,
      };
    }
    const durationMs = this.deps.now() - this.startedAt;
    const result: DeployResult = {
      ...base,
      outcome: verdict.outcome,
      reason: verdict.reason,
      deployId: verdict.deploy.id,
      ...statusOf(verdict.deploy),
      ...(verdict.deploy.commit?.id ? { commitId: verdict.deploy.commit.id } : {}),
      durationMs,
      timedOut: verdict.timedOut,
      ...(verdict.healthCheck ? { healthCheck: verdict.healthCheck } : {}),
      rolledBack: false,
    };
    if (verdict.outcome === 'failure' && verdict.rollbackWorthy && this.options.rollbackOnFailure) {
      await this.rollBack(render, serviceId, verdict.deploy, result);
    }
    await this.recordDeployment(
      result.outcome === 'success' ? 'success' : 'failure',
      result.reason,
      result.deployId,
    );
    return result;
  }

  /** Waits for the deploy to finish and decides what it means. */
  private async verdict(render: RenderApi, serviceId: string, triggered: Deploy): Promise<Verdict> {
    const { options } = this;
    const waited = await this.waitUntilFinished(
      render,
      serviceId,
      triggered,
      this.startedAt + options.timeoutMs,
    );
    const { deploy } = waited;
    if (waited.timedOut) {
      return { ...(await this.timedOut(render, serviceId, deploy)), timedOut: true, rollbackWorthy: false };
    }
    const base = { deploy, timedOut: false };
    if (deploy.status === 'live') {
      if (!options.healthCheck)
        return { ...base, outcome: 'success', reason: `Deploy ${deploy.id} is live.`, rollbackWorthy: false };
      const healthCheck = await this.checkHealth(options.healthCheck.url, options.healthCheck.timeoutMs);
      return healthCheck.passed
        ? {
            ...base,
            outcome: 'success',
            reason: `Deploy ${deploy.id} is live and healthy.`,
            healthCheck,
            rollbackWorthy: false,
          }
        : {
            ...base,
            outcome: 'failure',
            reason: `Deploy ${deploy.id} went live but failed its health check: ${healthCheck.detail}.`,
            healthCheck,
            rollbackWorthy: true,
          };
    }
    if (deploy.status === 'deactivated') {
      const counts =
        options.supersededOutcome === 'auto'
          ? waited.seenLive
            ? 'success'
            : 'failure'
          : options.supersededOutcome;
      const when = waited.seenLive ? 'after it went live' : 'before it was seen live';
      return {
        ...base,
        outcome: counts,
        reason: `Deploy ${deploy.id} was superseded by a newer deploy (deactivated) ${when}; counted as ${counts} (superseded-outcome: ${options.supersededOutcome}).`,
        rollbackWorthy: false,
      };
    }
    const why = FAILURE_REASONS[deploy.status ?? ''] ?? `it finished as ${deploy.status}`;
    return {
      ...base,
      outcome: 'failure',
      reason: `Deploy ${deploy.id} failed (${deploy.status}): ${why}.`,
      // A canceled deploy was stopped on purpose; rolling back would undo that decision.
      rollbackWorthy: deploy.status !== 'canceled' && FAILED_STATUSES.includes(deploy.status ?? ''),
    };
  }

  private async waitUntilFinished(
    render: RenderApi,
    serviceId: string,
    first: Deploy,
    deadline: number,
  ): Promise<{ deploy: Deploy; timedOut: boolean; seenLive: boolean }> {
    const { now, sleep } = this.deps;
    let deploy = first.status ? first : await render.getDeploy(serviceId, first.id);
    if (!first.status && deploy.status) this.record(deploy.id, deploy.status);
    let seenLive = deploy.status === 'live';
    while (!isFinished(deploy.status)) {
      const remaining = deadline - now();
      if (remaining <= 0) return { deploy, timedOut: true, seenLive };
      await sleep(Math.min(this.pollInterval(deploy.status), remaining));
      const next = await render.getDeploy(serviceId, deploy.id);
      if (next.status !== deploy.status && next.status) this.record(next.id, next.status);
      else this.heartbeat(next);
      seenLive ||= next.status === 'live';
      deploy = next;
    }
    return { deploy, timedOut: false, seenLive };
  }

  private async timedOut(
    render: RenderApi,
    serviceId: string,
    deploy: Deploy,
  ): Promise<Omit<Verdict, 'timedOut' | 'rollbackWorthy'>> {
    const limit = formatDuration(this.options.timeoutMs);
    const reason = `Deploy ${deploy.id} did not finish within ${limit} (last status: ${deploy.status ?? 'unknown'}).`;
    if (!this.options.cancelOnTimeout) {
      return {
        outcome: 'failure',
        reason: `${reason} It keeps going on Render (cancel-on-timeout is off).`,
        deploy,
      };
    }
    if (!isCancellable(deploy.status)) {
      return {
        outcome: 'failure',
        reason: `${reason} Render cannot cancel a deploy that is ${deploy.status}.`,
        deploy,
      };
    }
    let canceled: Deploy;
    try {
      canceled = await render.cancelDeploy(serviceId, deploy.id);
    } catch (thrown) {
      // It may have moved on (e.g. gone live) since the last poll.
      return { outcome: 'failure', reason: `${reason} Could not cancel it: ${errorMessage(thrown)}`, deploy };
    }
    this.record(canceled.id, canceled.status ?? 'canceled', 'canceled after the timeout');
    return {
      outcome: 'failure',
      reason: `${reason} Canceled it on Render.`,
      deploy: { ...canceled, status: canceled.status ?? 'canceled' },
    };
  }

  /**
   * Rolls back to the deploy this one replaced, then waits for it. When an earlier deploy is still live
   * (Render keeps the previous deploy serving when a build or update fails), there is nothing to undo.
   */
  private async rollBack(
    render: RenderApi,
    serviceId: string,
    failed: Deploy,
    result: DeployResult,
  ): Promise<void> {
    try {
      const target = await this.rollbackTarget(render, serviceId, failed);
      if (!target) {
        result.reason += ' No earlier deploy was found to roll back to.';
        return;
      }
      if (target.status === 'live') {
        result.reason += ` Deploy ${target.id} is still live, so there is nothing to roll back.`;
        this.log(`Not rolling back: the previous deploy ${target.id} is still live.`);
        return;
      }
      this.log(
        `Rolling back to deploy ${target.id}${target.commit?.id ? ` (commit ${target.commit.id.slice(0, 7)})` : ''}.`,
      );
      const rollback = await render.rollback(serviceId, target.id);
      this.record(rollback.id, rollback.status ?? 'created', `rollback to ${target.id}`);
      const waited = await this.waitUntilFinished(
        render,
        serviceId,
        rollback,
        this.deps.now() + this.options.timeoutMs,
      );
      result.rollback = { deployId: rollback.id, targetDeployId: target.id, ...statusOf(waited.deploy) };
      result.rolledBack = waited.deploy.status === 'live';
      result.reason += result.rolledBack
        ? ` Rolled back to deploy ${target.id} (rollback deploy ${rollback.id} is live).`
        : ` The rollback to deploy ${target.id} did not go live (${waited.timedOut ? 'timed out' : waited.deploy.status}).`;
    } catch (thrown) {
      result.reason += ` The rollback failed: ${errorMessage(thrown)}`;
    }
  }

  /**
   * The newest deploy created before the failed one that is still live, or else the newest deactivated
   * one (superseded: usually the deploy the failed one replaced). Pages through the service's history.
   */
  private async rollbackTarget(
    render: RenderApi,
    serviceId: string,
    failed: Deploy,
  ): Promise<Deploy | undefined> {
    const createdBefore = failed.createdAt ? Date.parse(failed.createdAt) : Number.NaN;
    const filters = {
      statuses: ['live', 'deactivated'],
      ...(Number.isNaN(createdBefore) ? {} : { createdBefore }),
    };
    let newestDeactivated: Deploy | undefined;
    let seen = 0;
    for await (const deploy of allDeploys(render, serviceId, filters, ROLLBACK_PAGE_SIZE)) {
      if (++seen > ROLLBACK_SEARCH_LIMIT) break;
      if (deploy.id === failed.id) continue;
      if (deploy.status === 'live') return deploy;
      newestDeactivated ??= deploy;
    }
    return newestDeactivated;
  }

  private async trigger(): Promise<Deploy | undefined> {
    const { trigger, serviceId } = this.options;
    const { render } = this.deps;
    const triggeredAt = this.deps.now();
    if (trigger.kind === 'hook') {
      const { deployId } = await this.deps.triggerHook(trigger.hookUrl, trigger.imageUrl);
      this.log(`Triggered the deploy hook${serviceId ? ` of service ${serviceId}` : ''}.`);
      if (deployId) return { id: deployId };
      // A hook-started deploy may already be building by the time it is looked up.
      const statuses = ['queued', 'created', 'build_in_progress'];
      return render && serviceId ? this.findNewDeploy(render, serviceId, triggeredAt, statuses) : undefined;
    }
    if (!render || !serviceId)
      throw new RenderApiError('Deploying through the API needs an API key and a service id.');
    const created = await render.createDeploy(serviceId, {
      ...(trigger.commitId ? { commitId: trigger.commitId } : {}),
      ...(trigger.imageUrl ? { imageUrl: trigger.imageUrl } : {}),
      ...(trigger.clearCache === undefined ? {} : { clearCache: trigger.clearCache }),
      ...(trigger.deployMode ? { deployMode: trigger.deployMode } : {}),
    });
    if (created) return created;
    this.log('Render queued the deploy behind one already in progress (HTTP 202); looking up its id.');
    return this.findNewDeploy(render, serviceId, triggeredAt, ['queued']);
  }

  /** After a 202 (or a hook without an id): the newest deploy in `statuses` created since the trigger. */
  private async findNewDeploy(
    render: RenderApi,
    serviceId: string,
    triggeredAt: number,
    statuses: DeployStatus[],
  ): Promise<Deploy> {
    const { now, sleep } = this.deps;
    const givesUpAt = now() + QUEUED_LOOKUP_TIMEOUT_MS;
    const interval = Math.min(QUEUED_LOOKUP_INTERVAL_MS, this.options.pollIntervalMs);
    for (;;) {
      const page = await render.listDeploys(
        serviceId,
        { statuses, createdAfter: triggeredAt - CLOCK_SKEW_MS },
        { limit: 1 },
      );
      const found = page.deploys[0];
      if (found) return found;
      if (now() >= givesUpAt) {
        throw new RenderApiError(
          `Render accepted the deploy for service ${serviceId} but no ${statuses.join('/')} deploy appeared within ${formatDuration(QUEUED_LOOKUP_TIMEOUT_MS)}; check the service's Events page.`,
        );
      }
      await sleep(interval);
    }
  }

  private async checkHealth(url: string, timeoutMs: number): Promise<{ passed: boolean; detail: string }> {
    const { now, sleep, fetch } = this.deps;
    const shown = displayUri(url);
    const deadline = now() + timeoutMs;
    this.log(`Health check: waiting for HTTP 200 from ${shown} (up to ${formatDuration(timeoutMs)}).`);
    let last = 'no answer';
    for (let attempt = 1; ; attempt++) {
      try {
        // A request may run a little past the deadline, so a slow answer still says what it was.
        const requestTimeout = Math.min(
          HEALTH_REQUEST_MAX_MS,
          Math.max(HEALTH_REQUEST_MIN_MS, deadline - now()),
        );
        const response = await fetch(url, { signal: AbortSignal.timeout(requestTimeout) });
        await response.body?.cancel();
        last = `HTTP ${response.status}`;
        if (response.status === 200) {
          this.log(`Health check passed: ${shown} answered HTTP 200 (attempt ${attempt}).`);
          return { passed: true, detail: `${shown} answered HTTP 200` };
        }
      } catch (thrown) {
        last = networkReason(thrown);
      }
      const remaining = deadline - now();
      if (remaining <= 0) {
        return {
          passed: false,
          detail: `${shown} gave no HTTP 200 within ${formatDuration(timeoutMs)} (last: ${last})`,
        };
      }
      await sleep(Math.min(this.options.pollIntervalMs, remaining));
    }
  }

  private pollInterval(status: DeployStatus | undefined): number {
    const waiting = status === undefined || status === 'created' || status === 'queued';
    return waiting ? this.options.pollIntervalMs * 2 : this.options.pollIntervalMs;
  }

  private record(deployId: string, status: DeployStatus, note?: string): void {
    const at = this.deps.now();
    this.timeline.push({ at, deployId, status, ...(note ? { note } : {}) });
    this.log(`${deployId} ${status}${note ? ` (${note})` : ''}`, at);
  }

  private heartbeat(deploy: Deploy): void {
    if (this.deps.now() - this.lastLogAt >= HEARTBEAT_MS)
      this.log(`${deploy.id} still ${deploy.status ?? 'pending'}`);
  }

  private log(message: string, at = this.deps.now()): void {
    this.lastLogAt = at;
    this.deps.logger.info(
      `${new Date(at).toISOString()} [+${formatDuration(at - this.startedAt)}] ${message}`,
    );
  }

  private async startDeploymentRecord(canWait: boolean): Promise<void> {
    const { deployments } = this.deps;
    if (!deployments) return;
    if (!canWait || !this.options.wait) {
      this.deps.logger.warn(
        'A GitHub deployment is recorded only when the action waits for the deploy (wait: true and an API key); skipping it.',
      );
      return;
    }
    try {
      await deployments.start();
      this.deployments = deployments;
    } catch (thrown) {
      this.deps.logger.warn(`Could not create the GitHub deployment: ${errorMessage(thrown)}`);
    }
  }

  private async recordDeployment(
    state: DeploymentState,
    description: string,
    deployId?: string,
  ): Promise<void> {
    if (!this.deployments) return;
    const dashboard = this.service?.dashboardUrl;
    const logUrl =
      dashboard && deployId ? `${dashboard.replace(/\/+$/, '')}/deploys/${deployId}` : this.options.runUrl;
    try {
      await this.deployments.update(state, {
        description,
        ...(this.service?.url ? { environmentUrl: this.service.url } : {}),
        ...(logUrl ? { logUrl } : {}),
      });
    } catch (thrown) {
      this.deps.logger.warn(`Could not update the GitHub deployment: ${errorMessage(thrown)}`);
    }
  }

  private result(partial: Omit<DeployResult, 'durationMs' | 'timedOut' | 'rolledBack'>): DeployResult {
    return { ...partial, durationMs: this.deps.now() - this.startedAt, timedOut: false, rolledBack: false };
  }
}

interface Verdict {
  outcome: DeployOutcome;
  reason: string;
  deploy: Deploy;
  timedOut: boolean;
  healthCheck?: { passed: boolean; detail: string };
  /** Whether rollback-on-failure applies: a failed build/update/pre-deploy or a failed health check. */
  rollbackWorthy: boolean;
}

function statusOf(deploy: Deploy): { status?: DeployStatus } {
  return deploy.status ? { status: deploy.status } : {};
}

/**
 * Cancels a deploy that is still running (the action's post step on workflow cancel). Returns what it
 * did, for the log.
 */
export async function cancelInFlightDeploy(
  render: RenderApi,
  serviceId: string,
  deployId: string,
): Promise<string> {
  const deploy = await render.getDeploy(serviceId, deployId);
  if (isFinished(deploy.status))
    return `Deploy ${deployId} already finished (${deploy.status}); nothing to cancel.`;
  if (!isCancellable(deploy.status))
    return `Deploy ${deployId} is ${deploy.status}; Render cannot cancel it in that state.`;
  const canceled = await render.cancelDeploy(serviceId, deployId);
  return `Canceled deploy ${deployId} on Render (now ${canceled.status ?? 'canceled'}).`;
}
