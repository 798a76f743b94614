/**
 * Lost answers from Render: Render acted on a request (created the deploy, started the rollback, fired
 * the hook) and the client then got a 502 from a proxy, or no answer at all. Whatever was lost, exactly
 * one deploy exists and the run follows that one — through the bundled render-deploy action.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect } from '@jest/globals';
import { FakeRenderApi } from '../fakes/render-api';
import { type ActionResult, runAction } from '../runner';
import { fault } from './harness';

const ACTION = fileURLToPath(new URL('../../actions/render-deploy/dist/index.js', import.meta.url));
const COMMIT = '0123456789abcdef0123456789abcdef01234567';

let render: FakeRenderApi;
let counter = 0;

beforeAll(async () => {
  if (!existsSync(ACTION)) {
    throw new Error(`${ACTION} is missing: run \`npm run build -w actions/render-deploy\` first.`);
  }
  render = await FakeRenderApi.start();
});

afterAll(async () => {
  await render?.close();
});

/** A service of the fault's own, with one live deploy before it. */
function newService(): string {
  counter += 1;
  const id = `srv-fault${counter}render`;
  render.addService(id);
  render.seed(id, [{ status: 'live' }]);
  return id;
}

function deploy(serviceId: string, inputs: Record<string, string>): Promise<ActionResult> {
  return runAction(ACTION, {
    timeoutMs: 60_000,
    inputs: {
      'service-id': serviceId,
      'api-key': render.apiKey,
      'api-base-url': render.baseUrl,
      'poll-interval': '20ms',
      ...inputs,
    },
  });
}

const created = (serviceId: string, trigger: string) =>
  render.deploys(serviceId).filter((d) => d.trigger === trigger);

const errors = (result: ActionResult) =>
  result.annotations.filter((a) => a.level === 'error').map((a) => a.message);

fault(
  'a 502 after an accepted Render deploy',
  'exactly one deploy exists and the run follows it to live',
  async () => {
    const serviceId = newService();
    render.failAfterAccepting(
      { method: 'POST', path: new RegExp(`${serviceId}/deploys$`) },
      { status: 502, body: 'Bad Gateway' },
    );
    const result = await deploy(serviceId, { commit: COMMIT });
    const deploys = created(serviceId, 'api');
    expect(deploys).toHaveLength(1);
    expect(render.requestsTo('POST', new RegExp(`${serviceId}/deploys$`))).toHaveLength(1);
    expect({ exit: result.exitCode, ...result.outputs }).toMatchObject({
      exit: 0,
      'deploy-id': deploys[0]?.id,
      status: 'live',
    });
    return `1 deploy (${deploys[0]?.id}), 1 POST; the action followed it: exit 0, status live`;
  },
);

fault(
  'the connection dropped after an accepted Render deploy',
  'exactly one deploy exists and the run follows it to live',
  async () => {
    const serviceId = newService();
    render.failAfterAccepting({ method: 'POST', path: new RegExp(`${serviceId}/deploys$`) }, 'drop');
    const result = await deploy(serviceId, { commit: COMMIT });
    const deploys = created(serviceId, 'api');
    expect(deploys).toHaveLength(1);
    expect({ exit: result.exitCode, ...result.outputs }).toMatchObject({
      exit: 0,
      'deploy-id': deploys[0]?.id,
      status: 'live',
    });
    return `1 deploy (${deploys[0]?.id}); the action followed it: exit 0, status live`;
  },
);

fault(
  'a 502 after an accepted rollback',
  'exactly one rollback deploy exists and the run follows it to live',
  async () => {
    const serviceId = newService();
    // The new deploy goes live but never answers its health check: the action rolls back.
    render.script(serviceId, { statuses: ['created', 'build_in_progress', 'live'] });
    render.setHealth(serviceId, [500]);
    render.failAfterAccepting(
      { method: 'POST', path: new RegExp(`${serviceId}/rollback$`) },
      { status: 502 },
    );
    const result = await deploy(serviceId, {
      commit: COMMIT,
      'health-check-url': render.healthUrl(serviceId),
      'health-check-timeout': '200ms',
      'rollback-on-failure': 'true',
    });
    const rollbacks = created(serviceId, 'rollback');
    expect(rollbacks).toHaveLength(1);
    expect(render.requestsTo('POST', new RegExp(`${serviceId}/rollback$`))).toHaveLength(1);
    expect(result.exitCode).toBe(1);
    expect(result.outputs['rolled-back']).toBe('true');
    expect(errors(result)[0]).toContain(`rollback deploy ${rollbacks[0]?.id} is live`);
    return `1 rollback deploy (${rollbacks[0]?.id}), 1 POST; rolled-back true (the step fails for the health check)`;
  },
);

fault(
  'a 502 after an accepted deploy hook, with an API key',
  'the hook fires once; the deploy it started is found by listing deploy_hook deploys and followed to live',
  async () => {
    const serviceId = newService();
    render.failAfterAccepting({ method: 'POST', path: new RegExp(`/deploy/${serviceId}$`) }, { status: 502 });
    const result = await deploy(serviceId, { 'deploy-hook-url': render.hookUrl(serviceId) });
    const deploys = created(serviceId, 'deploy_hook');
    expect(deploys).toHaveLength(1);
    expect(render.requestsTo('POST', new RegExp(`/deploy/${serviceId}$`))).toHaveLength(1);
    expect({ exit: result.exitCode, ...result.outputs }).toMatchObject({
      exit: 0,
      'deploy-id': deploys[0]?.id,
      status: 'live',
    });
    return `hook fired once, 1 deploy (${deploys[0]?.id}) adopted and followed: exit 0, status live`;
  },
);

fault(
  'a 502 after an accepted deploy hook, without an API key',
  'the hook is not fired again; the step fails saying a deploy may have started',
  async () => {
    const serviceId = newService();
    render.failAfterAccepting({ method: 'POST', path: new RegExp(`/deploy/${serviceId}$`) }, { status: 502 });
    const result = await runAction(ACTION, {
      timeoutMs: 60_000,
      inputs: { 'deploy-hook-url': render.hookUrl(serviceId) },
    });
    expect(created(serviceId, 'deploy_hook')).toHaveLength(1);
    expect(render.requestsTo('POST', new RegExp(`/deploy/${serviceId}$`))).toHaveLength(1);
    expect(result.exitCode).toBe(1);
    const [message = ''] = errors(result);
    expect(message).toContain('Render may have started a deploy, so the request is not sent again');
    expect(message).not.toContain(new URL(render.hookUrl(serviceId)).searchParams.get('key') ?? '');
    return `hook fired once, 1 deploy; exit 1: ${message.slice(0, 120)}`;
  },
);
