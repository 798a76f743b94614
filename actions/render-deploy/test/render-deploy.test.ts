/**
 * The bundled action (dist/, built by `npm run build -w actions/render-deploy`) run as the GitHub runner
 * runs it, against a local Render API fake and a GitHub deployments fake, with millisecond poll intervals.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { FakeGitHubDeployments } from '../../../test/fakes/github-deployments';
import { FakeRenderApi } from '../../../test/fakes/render-api';
import { type ActionResult, type RunActionOptions, runAction } from '../../../test/runner';

// Each scenario starts one or two Node processes; on a busy machine that alone takes a few seconds.
jest.setTimeout(60_000);

const MAIN = fileURLToPath(new URL('../dist/index.js', import.meta.url));
const POST = fileURLToPath(new URL('../dist/post/index.js', import.meta.url));

let render: FakeRenderApi;
let github: FakeGitHubDeployments;
let serviceId: string;
let counter = 0;

beforeAll(async () => {
  for (const entry of [MAIN, POST]) {
    if (!existsSync(entry))
      throw new Error(`${entry} is missing: run \`npm run build -w actions/render-deploy\` first.`);
  }
  [render, github] = await Promise.all([FakeRenderApi.start(), FakeGitHubDeployments.start()]);
});
afterAll(async () => {
  await Promise.all([render?.close(), github?.close()]);
});
beforeEach(() => {
  counter += 1;
  serviceId = `srv-action${counter}`;
  render.addService(serviceId);
});

/** Secrets handed to the action; checked absent from everything every run printed or wrote. */
const secrets = () => [
  render.apiKey,
  ...[...Array(counter).keys()].map((i) => hookKeyOf(`srv-action${i + 1}`)),
];
function hookKeyOf(id: string): string {
  try {
    return new URL(render.hookUrl(id)).searchParams.get('key') ?? '';
  } catch {
    return '';
  }
}

async function deploy(
  inputs: RunActionOptions['inputs'] = {},
  options: RunActionOptions = {},
): Promise<ActionResult> {
  const result = await runAction(MAIN, {
    timeoutMs: 30_000,
    ...options,
    inputs: {
      'service-id': serviceId,
      'api-key': render.apiKey,
      'api-base-url': render.baseUrl,
      'poll-interval': '20ms',
      ...inputs,
    },
  });
  for (const secret of secrets()) expect(shown(result.everything)).not.toContain(secret);
  return result;
}

/** What a log reader sees: the runner consumes `::add-mask::` commands instead of printing them. */
const shown = (text: string) =>
  text
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
const maskedByRunner = (result: ActionResult) =>
  [...result.stdout.matchAll(/^::add-mask::(.*)$/gm)].map((m) => m[1]);

const errors = (result: ActionResult) =>
  result.annotations.filter((a) => a.level === 'error').map((a) => a.message);

describe('render-deploy action (bundled)', () => {
  it('deploys, waits until live, and reports outputs, transitions and a timeline summary', async () => {
    render.script(serviceId, { statuses: ['created', 'build_in_progress', 'update_in_progress', 'live'] });
    const result = await deploy({ commit: 'abc1234def' });
    expect(result.exitCode).toBe(0);
    const [deploy1] = render.deploys(serviceId);
    expect(result.outputs).toMatchObject({
      'deploy-id': deploy1?.id,
      status: 'live',
      'service-url': 'https://shop-web.onrender.com',
      'rolled-back': 'false',
    });
    expect(result.outputs['duration-seconds']).toMatch(/^\d+$/);
    expect(deploy1?.commit?.id).toBe('abc1234def');
    for (const status of ['created', 'build_in_progress', 'update_in_progress', 'live']) {
      expect(result.stdout).toMatch(
        new RegExp(`^\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z \\[\\+[\\d.]+s\\] ${deploy1?.id} ${status}`, 'm'),
      );
    }
    expect(result.summary).toContain('### ✅ Render deploy live');
    expect(result.summary).toContain('| Time (UTC) | Elapsed | Deploy | Status | Note |');
    expect(result.summary).toMatch(/\| `dep-\w+` \| update_in_progress \|/);
    expect(result.state).toEqual({});
  });

  it('fails the step when the build fails', async () => {
    render.script(serviceId, { statuses: ['created', 'build_in_progress', 'build_failed'] });
    const result = await deploy();
    expect(result.exitCode).toBe(1);
    expect(result.outputs.status).toBe('build_failed');
    expect(errors(result)).toEqual([
      `Deploy ${result.outputs['deploy-id']} failed (build_failed): its build failed.`,
    ]);
    expect(result.summary).toContain('### ❌ Render deploy build_failed');
  });

  it('fails the step when the update fails after a good build', async () => {
    render.script(serviceId, {
      statuses: ['created', 'build_in_progress', 'update_in_progress', 'update_failed'],
    });
    const result = await deploy();
    expect(result.exitCode).toBe(1);
    expect(result.outputs.status).toBe('update_failed');
    expect(result.summary).toMatch(/build_in_progress[\s\S]*update_in_progress[\s\S]*update_failed/);
    expect(errors(result)[0]).toContain('did not become healthy');
  });

  it('follows a deploy queued behind another one (202 without body)', async () => {
    render.seed(serviceId, [{ status: 'live' }, { status: 'build_in_progress' }]);
    render.script(serviceId, { statuses: ['queued', 'queued', 'build_in_progress', 'live'], accepted: true });
    const result = await deploy();
    expect(result.exitCode).toBe(0);
    expect(result.outputs['deploy-id']).toBe(render.deploys(serviceId).at(-1)?.id);
    expect(result.outputs.status).toBe('live');
    expect(result.stdout).toContain('HTTP 202');
  });

  it('fails a deploy superseded (deactivated) before it went live, unless superseded-outcome says success', async () => {
    render.script(serviceId, { statuses: ['created', 'build_in_progress', 'deactivated'] });
    const failed = await deploy();
    expect(failed.exitCode).toBe(1);
    expect(failed.outputs.status).toBe('deactivated');
    expect(errors(failed)[0]).toContain('superseded by a newer deploy');

    render.script(serviceId, { statuses: ['created', 'build_in_progress', 'deactivated'] });
    const tolerated = await deploy({ 'superseded-outcome': 'success' });
    expect(tolerated.exitCode).toBe(0);
  });

  it('waits out a 429 as Retry-After says, then deploys', async () => {
    // Two seconds: longer than any backoff of a first retry (at most 1 s), so only Retry-After explains the wait.
    render.rateLimit({ method: 'POST', path: new RegExp(`${serviceId}/deploys$`) }, 1, 2);
    render.script(serviceId, { statuses: ['created', 'live'] });
    const result = await deploy();
    expect(result.exitCode).toBe(0);
    const creates = render.requestsTo('POST', new RegExp(`${serviceId}/deploys$`));
    expect(creates.map((r) => r.status)).toEqual([429, 201]);
    expect((creates[1]?.at ?? 0) - (creates[0]?.at ?? 0)).toBeGreaterThanOrEqual(1950);
    expect(result.stdout).toContain('rate limited (HTTP 429)');
  });

  it('times out and cancels the Render deploy when asked', async () => {
    render.script(serviceId, { statuses: ['created', 'build_in_progress'] });
    const result = await deploy({ timeout: '400ms', 'cancel-on-timeout': true });
    expect(result.exitCode).toBe(1);
    expect(result.outputs.status).toBe('canceled');
    expect(errors(result)[0]).toMatch(
      /did not finish within 0\.4s \(last status: (created|build_in_progress)\)\. Canceled it on Render\.$/,
    );
    const id = result.outputs['deploy-id'] ?? '';
    expect(render.deploy(serviceId, id)?.status).toBe('canceled');
    expect(render.requestsTo('POST', new RegExp(`${id}/cancel$`))).toHaveLength(1);
  });

  it('rolls back a live deploy that fails its health check, and waits for the rollback to go live', async () => {
    const [good] = render
      .seed(serviceId, [
        ...Array.from({ length: 3 }, () => ({ status: 'deactivated' }) as const),
        { status: 'live', commit: 'g00dc0mm1t' },
      ])
      .slice(-1);
    render.script(serviceId, { statuses: ['created', 'build_in_progress', 'update_in_progress', 'live'] });
    render.scriptRollback(serviceId, ['created', 'update_in_progress', 'live']);
    render.setHealth(serviceId, [500]);
    const result = await deploy({
      'rollback-on-failure': true,
      'health-check-url': render.healthUrl(serviceId),
      'health-check-timeout': '300ms',
    });
    expect(result.exitCode).toBe(1);
    expect(result.outputs['rolled-back']).toBe('true');
    expect(result.outputs.status).toBe('live');
    expect(render.requestsTo('POST', new RegExp(`${serviceId}/rollback$`))[0]?.body).toEqual({
      deployId: good?.id,
    });
    const rollback = render.deploys(serviceId).at(-1);
    expect(rollback?.trigger).toBe('rollback');
    expect(rollback?.status).toBe('live');
    expect(rollback?.commit?.id).toBe('g00dc0mm1t');
    expect(errors(result)[0]).toContain(`Rolled back to deploy ${good?.id}`);
    expect(result.summary).toContain('| Rollback |');
    expect(result.summary).toContain(`| \`${rollback?.id}\` | created | rollback to ${good?.id} |`);
    expect(result.summary).toContain(`| \`${rollback?.id}\` | live |  |`);
  });

  it('fails a live deploy whose health check never answers 200', async () => {
    render.script(serviceId, { statuses: ['created', 'build_in_progress', 'live'] });
    render.setHealth(serviceId, [503]);
    const result = await deploy({
      'health-check-url': render.healthUrl(serviceId),
      'health-check-timeout': '300ms',
    });
    expect(result.exitCode).toBe(1);
    expect(result.outputs.status).toBe('live');
    expect(errors(result)[0]).toContain('went live but failed its health check');
    expect(errors(result)[0]).toContain('(last: HTTP 503)');
    expect(result.summary).toContain('| Health check | failed:');
  });

  it('passes a live deploy once its health check answers 200', async () => {
    render.script(serviceId, { statuses: ['created', 'live'] });
    render.setHealth(serviceId, [502, 503, 200]);
    const result = await deploy({
      'health-check-url': render.healthUrl(serviceId),
      'health-check-timeout': '5s',
    });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('Health check passed');
  });

  it('cancels the in-flight deploy in the post step when the workflow is cancelled', async () => {
    render.script(serviceId, { statuses: ['created', 'build_in_progress'] });
    // The runner stops the main step when the workflow is cancelled; a kill stands in for that.
    const main = await deploy({ 'cancel-on-workflow-cancel': true, timeout: '1h' }, { timeoutMs: 4_000 });
    expect(main.signal).toBe('SIGKILL');
    const deployId = render.deploys(serviceId)[0]?.id;
    expect(main.state).toEqual({ 'render-service-id': serviceId, 'render-deploy-id': deployId });

    const post = await runAction(POST, {
      inputs: { 'api-key': render.apiKey, 'api-base-url': render.baseUrl, 'cancel-on-workflow-cancel': true },
      state: main.state,
    });
    expect(post.exitCode).toBe(0);
    expect(post.stdout).toContain(`Canceled deploy ${deployId} on Render`);
    expect(render.deploy(serviceId, deployId ?? '')?.status).toBe('canceled');
    expect(shown(post.everything)).not.toContain(render.apiKey);
  });

  it('leaves the deploy alone in the post step when the main step had finished', async () => {
    render.script(serviceId, { statuses: ['created', 'live'] });
    const main = await deploy({ 'cancel-on-workflow-cancel': true });
    expect(main.exitCode).toBe(0);
    const post = await runAction(POST, {
      inputs: { 'api-key': render.apiKey, 'api-base-url': render.baseUrl },
      state: main.state,
    });
    expect(post.exitCode).toBe(0);
    expect(post.stdout).toContain('No Render deploy in flight to cancel.');
    expect(render.requestsTo('POST', /\/cancel$/).filter((r) => r.path.includes(serviceId))).toHaveLength(0);
  });

  it('with only a deploy hook, triggers and reports that it cannot wait', async () => {
    const result = await deploy({
      'service-id': undefined,
      'api-key': undefined,
      'api-base-url': undefined,
      'deploy-hook-url': render.hookUrl(serviceId),
      'image-url': 'ghcr.io/acme/shop:1.4.0',
    });
    expect(result.exitCode).toBe(0);
    const [hooked] = render.deploys(serviceId);
    expect(hooked?.trigger).toBe('deploy_hook');
    expect(hooked?.image?.ref).toBe('ghcr.io/acme/shop:1.4.0');
    expect(result.outputs['deploy-id']).toBe(hooked?.id);
    expect(result.annotations).toContainEqual({
      level: 'warning',
      message: `Triggered deploy ${hooked?.id} through the deploy hook; without an API key (and service id) the action cannot wait for it to finish.`,
    });
    expect(result.summary).toContain('### 🚀 Render deploy triggered');
  });

  it('explains a rejected API key and triggers nothing', async () => {
    const wrongKey = 'rnd_notTheRightKeyAtAll0123';
    const result = await deploy({ 'api-key': wrongKey });
    expect(result.exitCode).toBe(1);
    expect(errors(result)[0]).toContain('Render rejected the API key (HTTP 401) when trying to read service');
    expect(errors(result)[0]).toContain("Check 'api-key': it must be a current Render API key");
    expect(shown(result.everything)).not.toContain(wrongKey);
    expect(maskedByRunner(result)).toContain(wrongKey);
    expect(render.deploys(serviceId)).toHaveLength(0);
  });

  it('refuses a service whose Auto-Deploy is on, naming the setting, and deploys it with allow-auto-deploy', async () => {
    const auto = `${serviceId}auto`;
    render.addService(auto, { autoDeployTrigger: 'commit' });
    const refused = await deploy({ 'service-id': auto });
    expect(refused.exitCode).toBe(1);
    expect(errors(refused)[0]).toContain(`Render service ${auto} has Auto-Deploy on (commit)`);
    expect(errors(refused)[0]).toContain('Settings → Build & Deploy → Auto-Deploy: Off');
    expect(errors(refused)[0]).toContain('allow-auto-deploy: true');
    expect(render.deploys(auto)).toHaveLength(0);

    const allowed = await deploy({ 'service-id': auto, 'allow-auto-deploy': 'true' });
    expect(allowed.exitCode).toBe(0);
    expect(allowed.outputs.status).toBe('live');
    expect(allowed.annotations).toContainEqual({
      level: 'warning',
      message: expect.stringContaining('Deploying anyway (allow-auto-deploy)'),
    });
    expect(render.deploys(auto)).toHaveLength(1);
  });

  it('names an unknown service id', async () => {
    const result = await deploy({ 'service-id': 'srv-doesnotexist42' });
    expect(result.exitCode).toBe(1);
    expect(errors(result)[0]).toMatch(/^Render found no service srv-doesnotexist42 \(HTTP 404\)/);
  });

  it('never shows the API key or the hook key, even when Render fails and retries', async () => {
    const hookUrl = render.hookUrl(serviceId);
    const hookKey = new URL(hookUrl).searchParams.get('key') ?? '';
    render.intercept(
      { method: 'POST', path: new RegExp(`/deploy/${serviceId}$`) },
      { status: 500, body: { message: `boom ${render.apiKey} ${hookKey}` } },
    );
    render.script(serviceId, { statuses: ['created', 'build_in_progress', 'build_failed'] });
    const result = await deploy({ 'deploy-hook-url': hookUrl, 'rollback-on-failure': true });
    expect(result.exitCode).toBe(1);
    // The hook's answer was a 500: it is fired again only after listing showed no deploy it started.
    expect(result.stdout).toContain('sending it again');
    expect(render.deploys(serviceId).filter((d) => d.trigger === 'deploy_hook')).toHaveLength(1);
    expect(hookKey.length).toBeGreaterThan(10);
    for (const text of [
      shown(result.stdout),
      result.stderr,
      result.summary,
      JSON.stringify(result.outputs),
    ]) {
      expect(text).not.toContain(render.apiKey);
      expect(text).not.toContain(hookKey);
      expect(text).not.toContain(hookUrl);
    }
    // The runner is told to mask both, in case a later step prints them.
    expect(maskedByRunner(result)).toEqual(expect.arrayContaining([render.apiKey, hookKey, hookUrl]));
  });

  it('records a GitHub deployment when asked, with environment and log URLs', async () => {
    render.script(serviceId, { statuses: ['created', 'build_in_progress', 'live'] });
    const before = github.statuses.length;
    const result = await deploy(
      { 'github-deployment': true, 'github-token': github.token, environment: 'staging' },
      { env: { GITHUB_API_URL: github.url } },
    );
    expect(result.exitCode).toBe(0);
    const deployment = github.deployments.at(-1);
    expect(deployment).toMatchObject({
      repository: 'acme/shop',
      environment: 'staging',
      ref: '0123456789abcdef0123456789abcdef01234567',
    });
    const statuses = github.statuses.slice(before);
    expect(statuses.map((s) => s.state)).toEqual(['in_progress', 'success']);
    expect(statuses[1]).toMatchObject({
      environment_url: 'https://shop-web.onrender.com',
      log_url: `https://dashboard.render.com/web/${serviceId}/deploys/${result.outputs['deploy-id']}`,
    });
    expect(shown(result.everything)).not.toContain(github.token);
  });

  it('refuses a boolean input that is not true or false', async () => {
    const result = await deploy({ wait: 'yes' });
    expect(result.exitCode).toBe(1);
    expect(errors(result)).toEqual(["Input 'wait' must be a boolean (true or false), got 'yes'."]);
    expect(render.deploys(serviceId)).toHaveLength(0);
  });
});
