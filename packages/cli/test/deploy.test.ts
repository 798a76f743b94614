import { parseArgs } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { Redactor, streamLogger } from '@shipkit/runtime';
import { FakeRenderApi } from '../../../test/fakes/render-api';
import type { CommandContext, ParsedArgs } from '../src/command';
import { deploy } from '../src/commands/deploy';

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

/** Runs `shipkit deploy <argv>` in-process, as the CLI's main would, and keeps what it printed. */
async function shipkitDeploy(
  argv: string[],
  options: { env?: Record<string, string>; signal?: AbortSignal } = {},
) {
  const parsed = parseArgs({
    args: argv,
    options: {
      ...Object.fromEntries(
        Object.entries(deploy.options).map(([name, spec]) => [name, { type: spec.type }]),
      ),
      json: { type: 'boolean' },
    },
    strict: true,
  });
  const args: ParsedArgs = { options: parsed.values as ParsedArgs['options'], positionals: [] };
  const redactor = new Redactor();
  let stdout = '';
  let stderr = '';
  const context: CommandContext = {
    env: options.env ?? { RENDER_API_KEY: render.apiKey },
    cwd: process.cwd(),
    json: args.options.json === true,
    stdout: (text) => {
      stdout += redactor.redact(text);
    },
    logger: streamLogger(
      (line) => {
        stderr += `${line}\n`;
      },
      (text) => redactor.redact(text),
    ),
    redactor,
    signal: options.signal ?? new AbortController().signal,
  };
  const exitCode = await deploy.run(args, context);
  return { exitCode, stdout, stderr };
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

  it('names RENDER_API_KEY when no key is set, and --service when it is missing', async () => {
    await expect(shipkitDeploy(common(), { env: {} })).rejects.toThrow(
      "Give 'RENDER_API_KEY' (with '--service') to deploy through the Render API, or 'RENDER_DEPLOY_HOOK_URL'.",
    );
    await expect(shipkitDeploy(['--api-url', render.baseUrl])).rejects.toThrow(
      "Input '--service' is required with 'RENDER_API_KEY'",
    );
  });

  it('explains a rejected key without printing it', async () => {
    const wrong = 'rnd_wrongKeyForTheCli0000';
    const error = (await shipkitDeploy(common(), { env: { RENDER_API_KEY: wrong } }).catch(
      (e: unknown) => e,
    )) as Error;
    expect(error.message).toContain('Render rejected the API key (HTTP 401)');
    expect(error.message).toContain('Check RENDER_API_KEY');
    expect(error.message).not.toContain(wrong);
  });
});
