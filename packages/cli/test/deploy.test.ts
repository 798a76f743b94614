import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { FakeRenderApi } from '../../../test/fakes/render-api';
import { shipkit } from './shipkit';

let render: FakeRenderApi;
let serviceId: string;
let counter = 0;
beforeAll(async () => {
  render = await FakeRenderApi.start();
});
afterAll(async () => {
  await render.close();
});
beforeEach(() => {
  counter += 1;
  serviceId = `srv-cli${counter}`;
  render.addService(serviceId);
});

/** Runs `shipkit deploy <argv>` in-process, through the CLI's main, and keeps what it printed. */
async function shipkitDeploy(
  argv: string[],
  options: { env?: Record<string, string>; signal?: AbortSignal } = {},
) {
  const run = await shipkit(['deploy', ...argv], {
    env: options.env ?? { RENDER_API_KEY: render.apiKey },
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return { exitCode: run.code, stdout: run.stdout, stderr: run.stderr };
}

const common = () => ['--service', serviceId, '--api-url', render.baseUrl, '--poll-interval', '20ms'];

describe('shipkit deploy', () => {
  it('deploys a commit, waits until live and prints the result as JSON', async () => {
    render.script(serviceId, { statuses: ['created', 'build_in_progress', 'live'] });
    const { exitCode, stdout, stderr } = await shipkitDeploy([
      ...common(),
      '--commit',
      'abc1234',
      '--wait',
      '--json',
    ]);
    expect(exitCode).toBe(0);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({
      outcome: 'success',
      serviceId,
      deployId: render.deploys(serviceId)[0]?.id,
      status: 'live',
      serviceUrl: 'https://shop-web.onrender.com',
      rolledBack: false,
    });
    expect(result.timeline.map((e: { status: string }) => e.status)).toEqual([
      'created',
      'build_in_progress',
      'live',
    ]);
    expect(result.timeline[0].at).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(render.deploys(serviceId)[0]?.commit?.id).toBe('abc1234');
    expect(stderr).toContain('build_in_progress');
    expect(`${stdout}${stderr}`).not.toContain(render.apiKey);
  });

  it('only triggers without --wait', async () => {
    const { exitCode, stdout } = await shipkitDeploy(common());
    expect(exitCode).toBe(0);
    const id = render.deploys(serviceId)[0]?.id;
    expect(stdout).toBe(`Triggered deploy ${id}; not waiting for it (wait: false).\n`);
    expect(render.requestsTo('GET', new RegExp(`${serviceId}/deploys/`))).toHaveLength(0);
  });

  it('exits 1 on a failed deploy and rolls back when asked', async () => {
    render.seed(serviceId, [{ status: 'deactivated' }]);
    render.script(serviceId, { statuses: ['created', 'build_in_progress', 'build_failed'] });
    const { exitCode, stdout } = await shipkitDeploy([
      ...common(),
      '--wait',
      '--rollback-on-failure',
      '--json',
    ]);
    expect(exitCode).toBe(1);
    const result = JSON.parse(stdout);
    expect(result.status).toBe('build_failed');
    expect(result.rolledBack).toBe(true);
    expect(render.deploys(serviceId).at(-1)?.trigger).toBe('rollback');
  });

  it('exits 1 when --timeout passes', async () => {
    render.script(serviceId, { statuses: ['created', 'build_in_progress'] });
    const { exitCode, stdout } = await shipkitDeploy([...common(), '--wait', '--timeout', '200ms', '--json']);
    expect(exitCode).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({ timedOut: true, status: 'build_in_progress' });
  });

  it('stops waiting when interrupted, leaving the deploy to Render', async () => {
    render.script(serviceId, { statuses: ['created', 'build_in_progress'] });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('interrupted by SIGINT')), 300);
    const { exitCode, stdout } = await shipkitDeploy([...common(), '--wait'], { signal: controller.signal });
    expect(exitCode).toBe(1);
    expect(stdout).toMatch(/^Lost track of deploy dep-\w+: interrupted by SIGINT/);
    expect(render.deploys(serviceId)[0]?.status).toBe('build_in_progress');
  });

  it('names RENDER_API_KEY when no key is set, and --service when it is missing; exits 2', async () => {
    expect(await shipkitDeploy(common(), { env: {} })).toMatchObject({
      exitCode: 2,
      stderr:
        'error: Give RENDER_API_KEY (with --service) to deploy through the Render API, or RENDER_DEPLOY_HOOK_URL.\n',
    });
    expect(await shipkitDeploy(['--api-url', render.baseUrl])).toMatchObject({
      exitCode: 2,
      stderr:
        'error: --service is required with RENDER_API_KEY (unless RENDER_DEPLOY_HOOK_URL names the service).\n',
    });
  });

  it('explains a rejected key without printing it', async () => {
    const wrong = 'rnd_wrongKeyForTheCli0000';
    const run = await shipkitDeploy(common(), { env: { RENDER_API_KEY: wrong } });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('Render rejected the API key (HTTP 401)');
    expect(run.stderr).toContain('Check RENDER_API_KEY');
    expect(`${run.stdout}${run.stderr}`).not.toContain(wrong);
  });
});
