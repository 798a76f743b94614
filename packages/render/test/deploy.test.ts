import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { MemoryLogger, UserError } from '@shipkit/runtime';
import { FakeGitHubDeployments } from '../../../test/fakes/github-deployments';
import { FakeRenderApi } from '../../../test/fakes/render-api';
import { RenderClient } from '../src/client';
import {
  cancelInFlightDeploy,
  type DeployFlowDeps,
  type DeployFlowOptions,
  deployToRender,
} from '../src/deploy';
import { GitHubDeployments } from '../src/github-deployments';
import { triggerDeployHook } from '../src/hook';
import { DEFAULT_POLL_INTERVAL_MS, DEFAULT_TIMEOUT_MS } from '../src/options';
import { deploySummary } from '../src/summary';

let render: FakeRenderApi;
let github: FakeGitHubDeployments;
beforeAll(async () => {
  [render, github] = await Promise.all([FakeRenderApi.start(), FakeGitHubDeployments.start()]);
});
afterAll(async () => {
  await Promise.all([render.close(), github.close()]);
});

let serviceId: string;
let counter = 0;
beforeEach(() => {
  counter += 1;
  serviceId = `srv-flow${counter}`;
  render.addService(serviceId);
});

/** A clock that only moves when the flow sleeps, so a 30-minute wait takes no time. */
function harness(overrides: Partial<DeployFlowDeps> = {}) {
  let now = Date.now();
  const sleeps: number[] = [];
  const logger = new MemoryLogger();
  const clock = {
    now: () => now,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
  };
  const http = { ...clock, random: () => 0.5, logger };
  const client = new RenderClient({ apiKey: render.apiKey, baseUrl: render.baseUrl }, http);
  const deps: DeployFlowDeps = {
    render: client,
    triggerHook: (url, imageUrl) => triggerDeployHook(url, imageUrl ? { imageUrl } : {}, http),
    fetch: globalThis.fetch,
    ...clock,
    logger,
    ...overrides,
  };
  return { deps, sleeps, logger, client, elapsed: (since: number) => now - since };
}

function options(extra: Partial<DeployFlowOptions> = {}): DeployFlowOptions {
  return {
    serviceId,
    trigger: { kind: 'api' },
    wait: true,
    timeoutMs: DEFAULT_TIMEOUT_MS,
    pollIntervalMs: DEFAULT_POLL_INTERVAL_MS,
    supersededOutcome: 'auto',
    allowAutoDeploy: false,
    cancelOnTimeout: false,
    rollbackOnFailure: false,
    ...extra,
  };
}

describe('deployToRender', () => {
  it('polls with the CLI cadence (10 s while created, then 5 s) and logs each transition with a timestamp', async () => {
    render.script(serviceId, {
      statuses: ['created', 'created', 'build_in_progress', 'update_in_progress', 'live'],
    });
    const { deps, sleeps, logger } = harness();
    const ids: string[] = [];
    const result = await deployToRender(
      options({ trigger: { kind: 'api', commitId: 'abc1234', clearCache: false } }),
      { ...deps, onDeployId: (service, id) => void ids.push(`${service}/${id}`) },
    );
    expect(result.outcome).toBe('success');
    expect(result.status).toBe('live');
    expect(result.commitId).toBe('abc1234');
    expect(sleeps).toEqual([10_000, 10_000, 5_000, 5_000]);
    expect(result.durationMs).toBe(30_000);
    expect(result.timeline.map((e) => e.status)).toEqual([
      'created',
      'build_in_progress',
      'update_in_progress',
      'live',
    ]);
    expect(ids).toEqual([`${serviceId}/${result.deployId}`]);
    expect(result.service?.url).toBe('https://shop-web.onrender.com');
    expect(
      logger.lines.filter(
        (l) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z \[\+/.test(l) && l.includes(' live'),
      ),
    ).toHaveLength(1);
    expect(render.requests.find((r) => r.method === 'POST')?.body).toEqual({
      commitId: 'abc1234',
      clearCache: 'do_not_clear',
    });
  });

  it('fails on a build failure', async () => {
    render.script(serviceId, { statuses: ['created', 'build_in_progress', 'build_failed'] });
    const result = await deployToRender(options(), harness().deps);
    expect(result.outcome).toBe('failure');
    expect(result.status).toBe('build_failed');
    expect(result.reason).toBe(`Deploy ${result.deployId} failed (build_failed): its build failed.`);
  });

  it('fails when the update fails after a good build', async () => {
    render.script(serviceId, {
      statuses: ['created', 'build_in_progress', 'update_in_progress', 'update_failed'],
    });
    const result = await deployToRender(options(), harness().deps);
    expect(result.outcome).toBe('failure');
    expect(result.timeline.map((e) => e.status)).toEqual([
      'created',
      'build_in_progress',
      'update_in_progress',
      'update_failed',
    ]);
    expect(result.reason).toContain('did not become healthy');
  });

  it('finds a deploy queued behind another (202 without body) through the list filters', async () => {
    render.seed(serviceId, [{ status: 'live' }, { status: 'build_in_progress' }]);
    render.script(serviceId, { statuses: ['queued', 'queued', 'build_in_progress', 'live'], accepted: true });
    const { deps, sleeps, logger } = harness();
    const result = await deployToRender(options(), deps);
    const queued = render.deploys(serviceId).at(-1);
    expect(result.deployId).toBe(queued?.id);
    expect(result.outcome).toBe('success');
    const lookup = render.requestsTo('GET', new RegExp(`${serviceId}/deploys$`))[0];
    expect(lookup?.query.getAll('status')).toEqual(['queued']);
    expect(lookup?.query.get('limit')).toBe('1');
    expect(lookup?.query.get('createdAfter')).toBeTruthy();
    expect(sleeps.slice(0, 2)).toEqual([10_000, 10_000]);
    expect(logger.text).toContain('HTTP 202');
  });

  it('counts a deactivated deploy never seen live as a failure by default', async () => {
    render.script(serviceId, { statuses: ['created', 'build_in_progress', 'deactivated'] });
    const result = await deployToRender(options(), harness().deps);
    expect(result.outcome).toBe('failure');
    expect(result.reason).toContain('superseded by a newer deploy (deactivated) before it was seen live');
  });

  it('counts a deactivated deploy as the superseded-outcome input says', async () => {
    render.script(serviceId, { statuses: ['created', 'build_in_progress', 'deactivated'] });
    const result = await deployToRender(options({ supersededOutcome: 'success' }), harness().deps);
    expect(result.outcome).toBe('success');
  });

  it('counts a deactivated deploy as a failure when superseded-outcome is failure', async () => {
    render.script(serviceId, { statuses: ['created', 'build_in_progress', 'deactivated'] });
    const result = await deployToRender(options({ supersededOutcome: 'failure' }), harness().deps);
    expect(result.outcome).toBe('failure');
    expect(result.reason).toContain('counted as failure (superseded-outcome: failure)');
  });

  it('times out, and cancels the deploy on Render when asked', async () => {
    render.script(serviceId, { statuses: ['created', 'build_in_progress'] });
    const { deps, elapsed } = harness();
    const started = deps.now();
    const result = await deployToRender(options({ timeoutMs: 60_000, cancelOnTimeout: true }), deps);
    expect(result.outcome).toBe('failure');
    expect(result.timedOut).toBe(true);
    expect(result.status).toBe('canceled');
    expect(result.reason).toBe(
      `Deploy ${result.deployId} did not finish within 1m00s (last status: build_in_progress). Canceled it on Render.`,
    );
    expect(elapsed(started)).toBe(60_000);
    expect(render.requestsTo('POST', new RegExp(`${serviceId}/deploys/.*/cancel$`))).toHaveLength(1);
    expect(render.deploy(serviceId, result.deployId ?? '')?.status).toBe('canceled');
  });

  it('times out without touching the deploy when cancel-on-timeout is off', async () => {
    render.script(serviceId, { statuses: ['created', 'build_in_progress'] });
    const result = await deployToRender(options({ timeoutMs: 20_000 }), harness().deps);
    expect(result.timedOut).toBe(true);
    expect(result.reason).toContain('It keeps going on Render');
    expect(render.requestsTo('POST', new RegExp(`${serviceId}/deploys/.*/cancel$`))).toHaveLength(0);
  });

  it('does not roll back when the previous deploy is still live, found past the first page of the list', async () => {
    const [good] = render.seed(serviceId, [
      { status: 'live', commit: 'g00d' },
      // Superseded before going live: they match the list filter but are no rollback target.
      ...Array.from({ length: 25 }, () => ({ status: 'deactivated' }) as const),
      { status: 'build_failed' },
    ]);
    render.script(serviceId, {
      statuses: ['created', 'build_in_progress', 'update_in_progress', 'update_failed'],
    });
    const result = await deployToRender(options({ rollbackOnFailure: true }), harness().deps);
    expect(result.outcome).toBe('failure');
    expect(result.rolledBack).toBe(false);
    expect(result.reason).toContain(`Deploy ${good?.id} is still live, so there is nothing to roll back.`);
    const listing = render.requestsTo('GET', new RegExp(`${serviceId}/deploys$`));
    expect(listing).toHaveLength(2);
    expect(listing[0]?.query.getAll('status')).toEqual(['live', 'deactivated']);
    expect(listing[0]?.query.get('createdBefore')).toBe(render.deploys(serviceId).at(-1)?.createdAt);
    expect(listing[1]?.query.get('cursor')).toBeTruthy();
    expect(render.requestsTo('POST', new RegExp(`${serviceId}/rollback$`))).toHaveLength(0);
  });

  it('rolls back to the deploy the failed one replaced when none is live any more, then waits for it', async () => {
    const [good] = render.seed(serviceId, [{ status: 'deactivated', commit: 'g00d' }]);
    render.script(serviceId, {
      statuses: ['created', 'build_in_progress', 'update_in_progress', 'update_failed'],
    });
    render.scriptRollback(serviceId, ['created', 'update_in_progress', 'live']);
    const result = await deployToRender(options({ rollbackOnFailure: true }), harness().deps);
    expect(result.outcome).toBe('failure');
    expect(result.rolledBack).toBe(true);
    expect(result.rollback).toEqual({
      deployId: expect.stringMatching(/^dep-/),
      targetDeployId: good?.id,
      status: 'live',
    });
    expect(result.reason).toContain(`Rolled back to deploy ${good?.id}`);
    const rollbackDeploy = render.deploy(serviceId, result.rollback?.deployId ?? '');
    expect(rollbackDeploy?.trigger).toBe('rollback');
    expect(rollbackDeploy?.commit?.id).toBe('g00d');
    expect(result.timeline.filter((e) => e.deployId === rollbackDeploy?.id).map((e) => e.status)).toEqual([
      'created',
      'update_in_progress',
      'live',
    ]);
  });

  it('does not roll back a deploy that was canceled', async () => {
    render.seed(serviceId, [{ status: 'live' }]);
    render.script(serviceId, { statuses: ['created', 'canceled'] });
    const result = await deployToRender(options({ rollbackOnFailure: true }), harness().deps);
    expect(result.outcome).toBe('failure');
    expect(result.rolledBack).toBe(false);
    expect(render.requestsTo('POST', new RegExp(`${serviceId}/rollback$`))).toHaveLength(0);
  });

  it('passes once the health check answers 200', async () => {
    render.script(serviceId, { statuses: ['created', 'live'] });
    const answers = [503, 502, 200];
    const seen: string[] = [];
    const fetch = (async (url: string | URL | Request) => {
      seen.push(String(url));
      return new Response('ok', { status: answers.shift() ?? 500 });
    }) as typeof globalThis.fetch;
    const result = await deployToRender(
      options({ healthCheck: { url: 'https://shop.example/healthz', timeoutMs: 60_000 } }),
      harness({ fetch }).deps,
    );
    expect(result.outcome).toBe('success');
    expect(result.healthCheck?.passed).toBe(true);
    expect(seen).toEqual(Array(3).fill('https://shop.example/healthz'));
  });

  it('fails a live deploy whose health check never passes, and rolls back to the deploy it replaced', async () => {
    const [previous] = render.seed(serviceId, [{ status: 'live', commit: 'prev' }]);
    render.script(serviceId, { statuses: ['created', 'build_in_progress', 'live'] });
    const fetch = (async () => new Response('down', { status: 503 })) as typeof globalThis.fetch;
    const { deps } = harness({ fetch });
    const result = await deployToRender(
      options({
        healthCheck: { url: 'https://shop.example/healthz', timeoutMs: 30_000 },
        rollbackOnFailure: true,
      }),
      deps,
    );
    expect(result.outcome).toBe('failure');
    expect(result.healthCheck).toEqual({
      passed: false,
      detail: 'https://shop.example/healthz gave no HTTP 200 within 30s (last: HTTP 503)',
    });
    expect(result.rollback?.targetDeployId).toBe(previous?.id);
    expect(result.rolledBack).toBe(true);
  });

  it('with a hook and no API key, triggers and says it cannot wait', async () => {
    const { deps, logger } = harness();
    const { render: _omitted, ...hookOnly } = deps;
    const result = await deployToRender(
      options({
        serviceId: undefined,
        trigger: { kind: 'hook', hookUrl: render.hookUrl(serviceId) },
      } as never),
      hookOnly,
    );
    expect(result.outcome).toBe('triggered');
    expect(result.deployId).toBe(render.deploys(serviceId)[0]?.id);
    expect(result.reason).toContain('cannot wait');
    expect(logger.lines.some((l) => l.startsWith('warning: ') && l.includes('cannot wait'))).toBe(true);
  });

  it('with a hook that returns no id and an API key, finds the new deploy and waits for it', async () => {
    const quiet = `${serviceId}-quiet`;
    render.addService(quiet, { hookAnswer: 'empty' });
    render.script(quiet, { statuses: ['created', 'build_in_progress', 'live'] });
    const result = await deployToRender(
      options({ serviceId: quiet, trigger: { kind: 'hook', hookUrl: render.hookUrl(quiet) } }),
      harness().deps,
    );
    expect(result.outcome).toBe('success');
    expect(result.deployId).toBe(render.deploys(quiet)[0]?.id);
  });

  it('does not wait when asked not to', async () => {
    const { deps, sleeps } = harness();
    const result = await deployToRender(options({ wait: false }), deps);
    expect(result.outcome).toBe('triggered');
    expect(result.status).toBe('created');
    expect(sleeps).toEqual([]);
  });

  it('records a GitHub deployment with in_progress then success, the environment URL and the log URL', async () => {
    render.script(serviceId, { statuses: ['created', 'live'] });
    const deployments = new GitHubDeployments({
      apiUrl: github.url,
      token: github.token,
      repository: 'acme/shop',
      ref: '0123456789abcdef0123456789abcdef01234567',
      environment: 'production',
    });
    const before = github.statuses.length;
    const result = await deployToRender(options(), harness({ deployments }).deps);
    const deployment = github.deployments.at(-1);
    expect(deployment).toMatchObject({
      ref: '0123456789abcdef0123456789abcdef01234567',
      environment: 'production',
    });
    expect(deployment?.required_contexts).toEqual([]);
    expect(deployment?.auto_merge).toBe(false);
    const statuses = github.statuses.slice(before);
    expect(statuses.map((s) => s.state)).toEqual(['in_progress', 'success']);
    expect(statuses[1]?.environment_url).toBe('https://shop-web.onrender.com');
    expect(statuses[1]?.log_url).toBe(
      `https://dashboard.render.com/web/${serviceId}/deploys/${result.deployId}`,
    );
  });

  it('warns and still deploys when the token may not create deployments', async () => {
    github.forbidden = true;
    try {
      const deployments = new GitHubDeployments({
        apiUrl: github.url,
        token: github.token,
        repository: 'acme/shop',
        ref: 'main',
        environment: 'production',
      });
      const { deps, logger } = harness({ deployments });
      const result = await deployToRender(options(), deps);
      expect(result.outcome).toBe('success');
      expect(logger.text).toContain(
        "warning: Could not create the GitHub deployment: GitHub refused to create a GitHub deployment (HTTP 403: Resource not accessible by integration). The job needs 'permissions: deployments: write'",
      );
    } finally {
      github.forbidden = false;
    }
  });

  it('reports a failure, with the deploy id, when Render stops answering mid-deploy', async () => {
    render.script(serviceId, { statuses: ['created', 'build_in_progress'] });
    render.intercept(
      { method: 'GET', path: /\/deploys\/dep-/ },
      ...Array.from({ length: 6 }, () => ({ status: 502, body: 'Bad Gateway' })),
    );
    const result = await deployToRender(options(), harness().deps);
    expect(result.outcome).toBe('failure');
    expect(result.deployId).toMatch(/^dep-/);
    expect(result.reason).toMatch(
      /^Lost track of deploy dep-\w+: Render failed to read deploy .* HTTP 502 after 6 attempts: Bad Gateway\.$/,
    );
  });

  it('refuses, before triggering anything, a service whose Auto-Deploy is on', async () => {
    for (const trigger of ['commit', 'checksPass'] as const) {
      const auto = `${serviceId}-${trigger.toLowerCase()}`;
      render.addService(auto, { autoDeployTrigger: trigger });
      const error = (await deployToRender(options({ serviceId: auto }), harness().deps).catch(
        (e: unknown) => e,
      )) as Error;
      expect(error).toBeInstanceOf(UserError);
      expect(error.message).toMatch(
        new RegExp(
          `^Render service ${auto} has Auto-Deploy on \\(${trigger}\\): Render deploys its branch .* by itself, without the gates in front of this deploy .* Turn it off in the service's Settings → Build & Deploy → Auto-Deploy: Off \\(or \`autoDeployTrigger: off\` in render.yaml\\), or set allow-auto-deploy: true to deploy anyway\\.$`,
        ),
      );
      expect(render.requestsTo('POST', new RegExp(auto))).toHaveLength(0);
    }
  });

  it('deploys a service whose Auto-Deploy is on when allowed, with a warning', async () => {
    const auto = `${serviceId}-auto`;
    render.addService(auto, { autoDeployTrigger: 'commit' });
    const { deps, logger } = harness();
    const result = await deployToRender(options({ serviceId: auto, allowAutoDeploy: true }), deps);
    expect(result.outcome).toBe('success');
    expect(logger.lines).toContainEqual(
      expect.stringMatching(
        /^warning: Render service .* has Auto-Deploy on \(commit\).* Deploying anyway \(allow-auto-deploy\)\./,
      ),
    );
  });

  it('throws, before triggering anything, when the service does not exist', async () => {
    await expect(deployToRender(options({ serviceId: 'srv-nope' }), harness().deps)).rejects.toThrow(
      'Render found no service srv-nope (HTTP 404)',
    );
    expect(render.requestsTo('POST', /srv-nope/)).toHaveLength(0);
  });
});

describe('cancelInFlightDeploy', () => {
  it('cancels a deploy that is still building and leaves a finished one alone', async () => {
    render.script(serviceId, { statuses: ['build_in_progress'] });
    render.script(serviceId, { statuses: ['live'] });
    const { client } = harness();
    const running = await client.createDeploy(serviceId);
    const done = await client.createDeploy(serviceId);
    await expect(cancelInFlightDeploy(client, serviceId, running?.id ?? '')).resolves.toBe(
      `Canceled deploy ${running?.id} on Render (now canceled).`,
    );
    await expect(cancelInFlightDeploy(client, serviceId, done?.id ?? '')).resolves.toBe(
      `Deploy ${done?.id} already finished (live); nothing to cancel.`,
    );
    expect(render.requestsTo('POST', new RegExp(`${serviceId}/deploys/.*/cancel$`))).toHaveLength(1);
  });
});

describe('deploySummary', () => {
  it('shows the verdict and the status timeline as a table', async () => {
    render.script(serviceId, { statuses: ['created', 'build_in_progress', 'build_failed'] });
    const result = await deployToRender(options(), harness().deps);
    const markdown = deploySummary(result);
    expect(markdown).toContain('### ❌ Render deploy build_failed');
    expect(markdown).toContain(`| Deploy | \`${result.deployId}\` |`);
    expect(markdown).toContain('| Time (UTC) | Elapsed | Deploy | Status | Note |');
    const rows = markdown
      .split('\n')
      .filter((line) => line.includes(`| \`${result.deployId}\` |`) && /\d\dZ \|/.test(line));
    expect(rows.map((row) => row.split('|')[4]?.trim())).toEqual([
      'created',
      'build_in_progress',
      'build_failed',
    ]);
    expect(markdown).not.toContain('undefined');
  });
});
