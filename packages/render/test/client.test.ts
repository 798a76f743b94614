import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { MemoryLogger } from '@shipkit/runtime';
import fc from 'fast-check';
import { FakeRenderApi } from '../../../test/fakes/render-api';
import { allDeploys, RenderClient } from '../src/client';
import { triggerDeployHook } from '../src/hook';
import {
  backoffDelay,
  DEFAULT_RETRY,
  type HttpDeps,
  mayResend,
  parseRetryAfter,
  RenderApiError,
} from '../src/http';

const SERVICE = 'srv-d1client0000000000';
let fake: FakeRenderApi;

beforeAll(async () => {
  fake = await FakeRenderApi.start();
});
afterAll(async () => {
  await fake.close();
});

/** Sleeps that only record how long they would have waited; a clock that they move. */
function instantDeps(random = 0.5): Partial<HttpDeps> & { sleeps: number[]; logger: MemoryLogger } {
  let now = Date.parse('2026-11-25T12:00:00Z');
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
    random: () => random,
    logger: new MemoryLogger(),
  };
}

let serviceCounter = 0;
let serviceId: string;
beforeEach(() => {
  serviceCounter += 1;
  serviceId = `${SERVICE}${serviceCounter}`;
  fake.addService(serviceId);
});

function client(deps = instantDeps(), apiKey = fake.apiKey) {
  return new RenderClient({ apiKey, baseUrl: fake.baseUrl }, deps);
}

describe('RenderClient', () => {
  it('creates a deploy with bearer auth and Render field names', async () => {
    const deploy = await client().createDeploy(serviceId, {
      commitId: 'a1b2c3d',
      clearCache: true,
      deployMode: 'build_and_deploy',
    });
    expect(deploy?.id).toMatch(/^dep-/);
    expect(deploy?.status).toBe('created');
    expect(deploy?.commit?.id).toBe('a1b2c3d');
    const [request] = fake.requestsTo('POST', new RegExp(`${serviceId}/deploys$`));
    expect(request?.authorization).toBe(`Bearer ${fake.apiKey}`);
    expect(request?.body).toEqual({
      commitId: 'a1b2c3d',
      clearCache: 'clear',
      deployMode: 'build_and_deploy',
    });
  });

  it('returns undefined for a 202 without body (queued behind a running deploy)', async () => {
    fake.script(serviceId, { statuses: ['queued', 'build_in_progress', 'live'], accepted: true });
    await expect(client().createDeploy(serviceId)).resolves.toBeUndefined();
    expect(fake.deploys(serviceId).map((d) => d.status)).toEqual(['queued']);
  });

  it('reads a deploy, which walks its scripted statuses', async () => {
    fake.script(serviceId, { statuses: ['created', 'build_in_progress', 'live'] });
    const api = client();
    const created = await api.createDeploy(serviceId);
    const id = created?.id ?? '';
    expect((await api.getDeploy(serviceId, id)).status).toBe('build_in_progress');
    expect((await api.getDeploy(serviceId, id)).status).toBe('live');
    expect((await api.getDeploy(serviceId, id)).status).toBe('live');
  });

  it('reads the service URL and dashboard URL', async () => {
    const service = await client().getService(serviceId);
    expect(service).toEqual({
      id: serviceId,
      name: 'shop-web',
      type: 'web_service',
      dashboardUrl: `https://dashboard.render.com/web/${serviceId}`,
      url: 'https://shop-web.onrender.com',
      autoDeploy: 'off',
    });
  });

  it("reads the service's Auto-Deploy setting from autoDeployTrigger, or from the older autoDeploy", async () => {
    expect((await client().getService(serviceId)).autoDeploy).toBe('off');
    const auto = `${serviceId}a`;
    fake.addService(auto, { autoDeployTrigger: 'checksPass' });
    expect((await client().getService(auto)).autoDeploy).toBe('checksPass');
    for (const [autoDeploy, expected] of [
      ['yes', 'commit'],
      ['no', 'off'],
    ]) {
      fake.intercept(
        { method: 'GET', path: new RegExp(`${serviceId}$`) },
        { status: 200, body: { id: serviceId, autoDeploy } },
      );
      expect((await client().getService(serviceId)).autoDeploy).toBe(expected);
    }
    fake.intercept(
      { method: 'GET', path: new RegExp(`${serviceId}$`) },
      { status: 200, body: { id: serviceId } },
    );
    expect(await client().getService(serviceId)).toEqual({ id: serviceId });
  });

  it('follows cursors over several pages and sends status and time filters', async () => {
    const seeded = fake.seed(
      serviceId,
      Array.from(
        { length: 45 },
        (_, i) => ({ status: i % 3 === 0 ? 'build_failed' : 'deactivated' }) as const,
      ),
    );
    const api = client();
    const all: string[] = [];
    for await (const deploy of allDeploys(api, serviceId, {}, 20)) all.push(deploy.id);
    expect(all).toEqual(seeded.map((d) => d.id).reverse());
    const pages = fake.requestsTo('GET', new RegExp(`${serviceId}/deploys$`));
    expect(pages).toHaveLength(3);
    expect(pages[0]?.query.get('cursor')).toBeNull();
    expect(pages[1]?.query.get('cursor')).toBeTruthy();
    expect(pages[2]?.query.get('cursor')).toBeTruthy();

    const createdAfter = Date.parse(seeded[30]?.createdAt ?? '');
    const failed = await api.listDeploys(
      serviceId,
      { statuses: ['build_failed', 'canceled'], createdAfter },
      { limit: 100 },
    );
    const last = fake.requests.at(-1);
    expect(last?.query.getAll('status')).toEqual(['build_failed', 'canceled']);
    expect(last?.query.get('createdAfter')).toBe(new Date(createdAfter).toISOString());
    expect(failed.deploys.map((d) => d.status)).toEqual([
      'build_failed',
      'build_failed',
      'build_failed',
      'build_failed',
    ]);
    expect(failed.nextCursor).toBeUndefined();
  });

  it('stops paging when a full page is followed by an empty one', async () => {
    fake.seed(
      serviceId,
      Array.from({ length: 4 }, () => ({ status: 'deactivated' }) as const),
    );
    const all = [];
    for await (const deploy of allDeploys(client(), serviceId, {}, 2)) all.push(deploy);
    expect(all).toHaveLength(4);
    expect(fake.requestsTo('GET', new RegExp(`${serviceId}/deploys$`))).toHaveLength(3);
  });

  it('waits as long as Retry-After says on 429, then succeeds', async () => {
    fake.rateLimit({ method: 'POST', path: new RegExp(`${serviceId}/deploys$`) }, 2, 7);
    const deps = instantDeps();
    const deploy = await client(deps).createDeploy(serviceId);
    expect(deploy?.id).toMatch(/^dep-/);
    expect(deps.sleeps).toEqual([7000, 7000]);
    expect(deps.logger.text).toContain('rate limited (HTTP 429)');
  });

  it('reads Retry-After given as an HTTP date against the injected clock', async () => {
    const deps = instantDeps();
    const in3s = new Date((deps.now?.() ?? 0) + 3000).toUTCString();
    fake.intercept(
      { path: new RegExp(`${serviceId}$`) },
      { status: 429, headers: { 'retry-after': in3s }, body: { message: 'slow down' } },
    );
    await client(deps).getService(serviceId);
    expect(deps.sleeps).toEqual([3000]);
  });

  it('backs off exponentially with jitter on 5xx', async () => {
    fake.intercept(
      { path: new RegExp(`${serviceId}$`) },
      { status: 500, body: { message: 'oops' } },
      { status: 503 },
      { status: 502, body: 'Bad Gateway' },
    );
    const deps = instantDeps(0.5);
    await client(deps).getService(serviceId);
    // ceilings 1s, 2s, 4s; random 0.5 puts each at three quarters of its ceiling
    expect(deps.sleeps).toEqual([750, 1500, 3000]);
  });

  it('gives up on 5xx after the configured attempts, quoting Render', async () => {
    fake.intercept(
      { path: new RegExp(`${serviceId}$`) },
      ...Array.from({ length: 3 }, () => ({ status: 503, body: { message: 'maintenance in progress' } })),
    );
    const deps = instantDeps();
    const api = new RenderClient(
      { apiKey: fake.apiKey, baseUrl: fake.baseUrl, retry: { attempts: 3 } },
      deps,
    );
    await expect(api.getService(serviceId)).rejects.toThrow(
      `Render failed to read service ${serviceId}: HTTP 503 after 3 attempts: maintenance in progress.`,
    );
    expect(deps.sleeps).toHaveLength(2);
  });

  it('retries network errors, then says the server could not be reached', async () => {
    const closed = await FakeRenderApi.start();
    const baseUrl = closed.baseUrl;
    await closed.close();
    const deps = instantDeps();
    const api = new RenderClient({ apiKey: fake.apiKey, baseUrl, retry: { attempts: 4 } }, deps);
    const error = await api.getDeploy(serviceId, 'dep-x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RenderApiError);
    expect((error as Error).message).toBe(
      `Could not read deploy dep-x of service ${serviceId}: ECONNREFUSED (after 4 attempts).`,
    );
    expect(deps.sleeps).toHaveLength(3);
  });

  it('explains a 401 without retrying and without the key', async () => {
    const wrongKey = 'rnd_wrongwrongwrongwrong';
    const deps = instantDeps();
    const error = (await client(deps, wrongKey)
      .createDeploy(serviceId)
      .catch((e: unknown) => e)) as RenderApiError;
    expect(error.status).toBe(401);
    expect(error.message).toContain('Render rejected the API key (HTTP 401) when trying to create a deploy');
    expect(error.message).toContain("Check 'api-key'");
    expect((error as RenderApiError).render({ subject: (k) => k, reference: (k) => `--${k}` })).toContain(
      'Check --api-key:',
    );
    expect(error.message).not.toContain(wrongKey);
    expect(deps.sleeps).toEqual([]);
    expect(fake.deploys(serviceId)).toHaveLength(0);
  });

  it('names the service on a 404 for an unknown service', async () => {
    await expect(client().createDeploy('srv-doesnotexist')).rejects.toThrow(
      /Render found no service srv-doesnotexist \(HTTP 404\): service not found\. Check the service id/,
    );
  });

  it('names the deploy on a 404 for an unknown deploy', async () => {
    await expect(client().getDeploy(serviceId, 'dep-missing')).rejects.toThrow(
      `Render found no deploy dep-missing for service ${serviceId} (HTTP 404): deploy not found.`,
    );
  });

  it("quotes Render's message on 400 and 409", async () => {
    await expect(
      client().createDeploy(serviceId, { deployMode: 'deploy_only', commitId: 'abc' }),
    ).rejects.toThrow(
      `Render refused to create a deploy for service ${serviceId} (HTTP 400): deploy_only cannot be combined with commitId, imageUrl or clearCache.`,
    );
    fake.intercept(
      { method: 'POST', path: new RegExp(`${serviceId}/deploys$`) },
      { status: 409, body: { id: 'conflict', message: 'service is suspended' } },
    );
    const error = (await client()
      .createDeploy(serviceId)
      .catch((e: unknown) => e)) as RenderApiError;
    expect(error.status).toBe(409);
    expect(error.message).toBe(
      `Render refused to create a deploy for service ${serviceId} (HTTP 409): service is suspended.`,
    );
  });

  it('cancels a running deploy and reports why a finished one cannot be', async () => {
    fake.script(serviceId, { statuses: ['created', 'build_in_progress'] });
    const api = client();
    const deploy = await api.createDeploy(serviceId);
    const id = deploy?.id ?? '';
    await api.getDeploy(serviceId, id);
    expect((await api.cancelDeploy(serviceId, id)).status).toBe('canceled');
    await expect(api.cancelDeploy(serviceId, id)).rejects.toThrow(
      `Render refused to cancel deploy ${id} of service ${serviceId} (HTTP 400): deploy ${id} cannot be canceled while canceled.`,
    );
  });

  it('rolls back to an earlier deploy, which starts a rollback deploy', async () => {
    const [previous] = fake.seed(serviceId, [{ status: 'live', commit: 'c0ffee' }]);
    const rollback = await client().rollback(serviceId, previous?.id ?? '');
    expect(rollback.trigger).toBe('rollback');
    expect(rollback.commit?.id).toBe('c0ffee');
    expect(fake.requests.at(-1)?.body).toEqual({ deployId: previous?.id });
  });
});

describe('triggerDeployHook', () => {
  it('triggers through the hook and returns the deploy id Render sends back', async () => {
    const { deployId } = await triggerDeployHook(
      fake.hookUrl(serviceId),
      { imageUrl: 'ghcr.io/acme/shop:1.2.3' },
      instantDeps(),
    );
    expect(deployId).toBe(fake.deploys(serviceId)[0]?.id);
    expect(fake.deploys(serviceId)[0]?.trigger).toBe('deploy_hook');
    expect(fake.deploys(serviceId)[0]?.image?.ref).toBe('ghcr.io/acme/shop:1.2.3');
    expect(fake.requests.at(-1)?.query.get('imgURL')).toBe('ghcr.io/acme/shop:1.2.3');
  });

  it('returns no id when the hook answers with an empty body', async () => {
    const quiet = `${serviceId}q`;
    fake.addService(quiet, { hookAnswer: 'empty' });
    await expect(triggerDeployHook(fake.hookUrl(quiet), {}, instantDeps())).resolves.toEqual({});
    expect(fake.deploys(quiet)).toHaveLength(1);
  });

  it('rejects a wrong hook key without repeating the URL', async () => {
    const url = `${fake.origin}/deploy/${serviceId}?key=notthekey123`;
    const error = (await triggerDeployHook(url, {}, instantDeps()).catch((e: unknown) => e)) as Error;
    expect(error.message).toContain('Render did not accept the deploy hook (HTTP 404)');
    expect(error.message).toContain("Check 'deploy-hook-url'");
    expect(error.message).not.toContain('notthekey123');
    expect(fake.deploys(serviceId)).toHaveLength(0);
  });

  it('refuses something that is not a URL', async () => {
    await expect(triggerDeployHook('srv-abc?key=secret', {}, instantDeps())).rejects.toThrow(
      "Option 'deploy-hook-url' is not a URL",
    );
  });
});

/** The real clock (reconciliation compares it with the fake's creation times); sleeps only recorded. */
function realClockDeps(): Partial<HttpDeps> & { sleeps: number[]; logger: MemoryLogger } {
  const sleeps: number[] = [];
  return {
    sleeps,
    now: Date.now,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    logger: new MemoryLogger(),
  };
}

/** A fetch whose first call fails as a refused connection does, before anything is sent. */
function refusedOnce(): typeof globalThis.fetch {
  let refused = false;
  return (async (...args: Parameters<typeof globalThis.fetch>) => {
    if (!refused) {
      refused = true;
      throw new TypeError('fetch failed', {
        cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }),
      });
    }
    return globalThis.fetch(...args);
  }) as typeof globalThis.fetch;
}

describe('requests that start a deploy are never repeated blindly', () => {
  const deploysPath = () => new RegExp(`${serviceId}/deploys$`);

  it('adopts the deploy Render created when its answer is lost to a 502', async () => {
    fake.failAfterAccepting({ method: 'POST', path: deploysPath() }, { status: 502, body: 'Bad Gateway' });
    const deps = realClockDeps();
    const deploy = await client(deps).createDeploy(serviceId, { commitId: 'a1b2c3d' });
    expect(fake.deploys(serviceId)).toHaveLength(1);
    expect(deploy?.id).toBe(fake.deploys(serviceId)[0]?.id);
    expect(fake.requestsTo('POST', deploysPath())).toHaveLength(1);
    expect(deps.logger.text).toContain(
      `Render answered HTTP 502 when asked to create a deploy for service ${serviceId} (Bad Gateway). It started deploy ${deploy?.id}: following that one.`,
    );
  });

  it('adopts it when the connection drops after Render accepted the request', async () => {
    fake.failAfterAccepting({ method: 'POST', path: deploysPath() }, 'drop');
    const deploy = await client(realClockDeps()).createDeploy(serviceId);
    expect(fake.deploys(serviceId).map((d) => d.id)).toEqual([deploy?.id]);
    expect(fake.requestsTo('POST', deploysPath())).toHaveLength(1);
  });

  it('sends it again only once listing shows Render did not act on it', async () => {
    fake.intercept(
      { method: 'POST', path: deploysPath() },
      { status: 503, body: { message: 'maintenance' } },
    );
    const deps = realClockDeps();
    const deploy = await client(deps).createDeploy(serviceId);
    expect(fake.deploys(serviceId).map((d) => d.id)).toEqual([deploy?.id]);
    expect(fake.requestsTo('POST', deploysPath())).toHaveLength(2);
    // Three looks at the deploys created since, two seconds apart, before the second send.
    expect(fake.requestsTo('GET', deploysPath())).toHaveLength(3);
    expect(deps.sleeps).toEqual([2000, 2000]);
    expect(deps.logger.text).toContain(
      'No deploy appeared since, so it did not act on it: sending it again.',
    );
  });

  it('ignores deploys it did not start: another trigger or another commit', async () => {
    fake.seed(serviceId, [{ status: 'live', commit: 'b0b0b0b' }]);
    fake.intercept({ method: 'POST', path: deploysPath() }, { status: 500 });
    const deploy = await client(realClockDeps()).createDeploy(serviceId, { commitId: 'a1b2c3d' });
    expect(deploy?.commit?.id).toBe('a1b2c3d');
    expect(fake.deploys(serviceId)).toHaveLength(2);
  });

  it('gives up after the configured attempts when Render keeps failing without acting', async () => {
    fake.intercept(
      { method: 'POST', path: deploysPath() },
      ...Array.from({ length: 3 }, () => ({ status: 503, body: { message: 'maintenance' } })),
    );
    const api = new RenderClient(
      { apiKey: fake.apiKey, baseUrl: fake.baseUrl, retry: { attempts: 3 } },
      realClockDeps(),
    );
    await expect(api.createDeploy(serviceId)).rejects.toThrow(
      `Render answered HTTP 503 when asked to create a deploy for service ${serviceId} (maintenance). No deploy appeared after 3 attempts; giving up.`,
    );
    expect(fake.deploys(serviceId)).toHaveLength(0);
  });

  it('retries a request that certainly never left: a refused connection', async () => {
    const deps = { ...realClockDeps(), fetch: refusedOnce() };
    const deploy = await client(deps).createDeploy(serviceId);
    expect(fake.deploys(serviceId).map((d) => d.id)).toEqual([deploy?.id]);
    expect(fake.requestsTo('GET', deploysPath())).toHaveLength(0);
    expect(deps.logger.text).toContain('(ECONNREFUSED); retrying in');
  });

  it('adopts the rollback deploy when the rollback answer is lost', async () => {
    const [previous] = fake.seed(serviceId, [{ status: 'deactivated', commit: 'c0ffee' }]);
    fake.failAfterAccepting({ method: 'POST', path: new RegExp(`${serviceId}/rollback$`) }, { status: 502 });
    const rollback = await client(realClockDeps()).rollback(serviceId, previous?.id ?? '');
    const rollbacks = fake.deploys(serviceId).filter((d) => d.trigger === 'rollback');
    expect(rollbacks.map((d) => d.id)).toEqual([rollback.id]);
    expect(fake.requestsTo('POST', new RegExp(`${serviceId}/rollback$`))).toHaveLength(1);
  });

  it('never fires a deploy hook twice: fails saying it may have started a deploy, or adopts it with an API key', async () => {
    const hook = new RegExp(`/deploy/${serviceId}$`);
    fake.failAfterAccepting({ method: 'POST', path: hook }, { status: 502 });
    const error = (await triggerDeployHook(fake.hookUrl(serviceId), {}, realClockDeps()).catch(
      (e: unknown) => e,
    )) as Error;
    expect(error).toBeInstanceOf(RenderApiError);
    expect(error.message).toBe(
      "Render answered HTTP 502 when asked to trigger the deploy hook. Render may have started a deploy, so the request is not sent again (that could deploy twice): check the service's Events page; with an API key and the service id the deploy it started is looked up instead.",
    );
    expect(fake.deploys(serviceId)).toHaveLength(1);

    fake.failAfterAccepting({ method: 'POST', path: hook }, { status: 504 });
    const { deployId } = await triggerDeployHook(
      fake.hookUrl(serviceId),
      { reconcileWith: { api: client(realClockDeps()), serviceId } },
      realClockDeps(),
    );
    expect(fake.deploys(serviceId)).toHaveLength(2);
    expect(deployId).toBe(fake.deploys(serviceId)[1]?.id);
    expect(fake.requestsTo('POST', hook)).toHaveLength(2);
  });

  it('decides in one place what may be sent again', () => {
    const refused = { thrown: new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } }) };
    const reset = { thrown: new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } }) };
    const timeout = { thrown: Object.assign(new Error('timed out'), { name: 'TimeoutError' }) };
    const get = { method: 'GET' as const };
    const post = { method: 'POST' as const };
    const cancel = { method: 'POST' as const, idempotent: true };
    expect([get, cancel].map((r) => [reset, timeout, { status: 502 }].map((f) => mayResend(r, f)))).toEqual([
      [true, true, true],
      [true, true, true],
    ]);
    expect(
      [refused, reset, timeout, { status: 429 }, { status: 500 }, { status: 502 }].map((f) =>
        mayResend(post, f),
      ),
    ).toEqual([true, false, false, true, false, false]);
  });
});

describe('retry timing', () => {
  it('keeps every backoff between half and all of its capped exponential ceiling', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.double({ min: 0, max: 0.9999999, noNaN: true }),
        (retry, r) => {
          const delay = backoffDelay(retry, DEFAULT_RETRY, () => r);
          const ceiling = Math.min(DEFAULT_RETRY.maxDelayMs, DEFAULT_RETRY.baseDelayMs * 2 ** (retry - 1));
          return delay >= Math.floor(ceiling / 2) && delay <= ceiling;
        },
      ),
    );
  });

  it('reads Retry-After as seconds or an HTTP date, and ignores nonsense', () => {
    const now = Date.parse('2026-11-25T12:00:00Z');
    expect(parseRetryAfter('12', now)).toBe(12_000);
    expect(parseRetryAfter('0.5', now)).toBe(500);
    expect(parseRetryAfter('Wed, 25 Nov 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Wed, 25 Nov 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
