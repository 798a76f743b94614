// The Admin API client against the loopback fake: tokens and Digest, versioned Accept headers, paging,
// errors that name the project, the cluster and Atlas's errorCode, retries that honour Retry-After and
// the run's deadline, and creates that never happen twice.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FakeAtlasApi } from '../../../test/fakes/atlas-api';
import { AtlasApiError, AtlasAuthError, AtlasDeadlineError } from '../src/errors';
import { API_VERSIONS, backoffDelay, DEFAULT_RETRY, mayResend, parseRetryAfter } from '../src/http';
import { clientOf, instantDeps } from './support';

let fake: FakeAtlasApi;
beforeAll(async () => {
  fake = await FakeAtlasApi.start();
});
afterAll(async () => {
  await fake?.close();
});

function newCluster(tier: 'M0' | 'FLEX' | 'M10' = 'M10', options: { backupEnabled?: boolean } = {}) {
  const projectId = fake.newProject();
  const cluster = fake.addCluster(projectId, `shop${fake.requests.length}`, { tier, ...options });
  return { projectId, cluster, name: cluster.name };
}

const since = (start: number) => fake.requests.slice(start);

describe('authentication', () => {
  it('gets one service-account token and reuses it, with a versioned Accept header per endpoint', async () => {
    const { projectId, name } = newCluster();
    const start = fake.requests.length;
    const client = clientOf(fake);
    const tier = await client.getTier(projectId, name);
    await client.listSnapshots(tier);
    await client.getSchedule(projectId, name);
    const requests = since(start);
    const tokenRequests = requests.filter((r) => r.path === '/api/oauth/token');
    expect(tokenRequests).toHaveLength(1);
    expect(tokenRequests[0]).toMatchObject({ auth: 'basic', body: 'grant_type=client_credentials' });
    expect(requests.filter((r) => r.path !== '/api/oauth/token').map((r) => [r.auth, r.accept])).toEqual([
      ['bearer', `application/vnd.atlas.${API_VERSIONS.cluster}+json`],
      ['bearer', `application/vnd.atlas.${API_VERSIONS.snapshots}+json`],
      ['bearer', `application/vnd.atlas.${API_VERSIONS.schedule}+json`],
    ]);
    expect(tier).toMatchObject({ kind: 'dedicated', instanceSize: 'M10', backupEnabled: true });
  });

  it('renews the token before it expires, by the injected clock', async () => {
    const { projectId, name } = newCluster();
    fake.tokenLifetimeSeconds = 120;
    try {
      const deps = instantDeps();
      const client = clientOf(fake, deps);
      const start = fake.requests.length;
      await client.getTier(projectId, name);
      await client.getTier(projectId, name);
      expect(since(start).filter((r) => r.path === '/api/oauth/token')).toHaveLength(1);
      await deps.sleep?.(61_000); // less than the renewal margin (60 s) is left
      await client.getTier(projectId, name);
      expect(since(start).filter((r) => r.path === '/api/oauth/token')).toHaveLength(2);
      expect(since(start).every((r) => r.status === 200)).toBe(true);
    } finally {
      fake.tokenLifetimeSeconds = 3600;
    }
  });

  it('gets a new token once when Atlas rejects a cached one (expired or revoked mid-run)', async () => {
    const { projectId, name } = newCluster();
    const client = clientOf(fake);
    await client.getTier(projectId, name);
    fake.expireTokens();
    const start = fake.requests.length;
    await expect(client.getTier(projectId, name)).resolves.toMatchObject({ kind: 'dedicated' });
    expect(
      since(start).map((r) => `${r.method} ${r.path.replace(/\/groups\/.*/, '/groups/…')} ${r.status}`),
    ).toEqual([
      'GET /api/atlas/v2/groups/… 401',
      'POST /api/oauth/token 200',
      'GET /api/atlas/v2/groups/… 200',
    ]);
  });

  it('answers the Digest challenge of an API key once, then reuses the nonce', async () => {
    const { projectId, name } = newCluster();
    const client = clientOf(fake, instantDeps(), { auth: 'api-key' });
    const start = fake.requests.length;
    const tier = await client.getTier(projectId, name);
    await client.listSnapshots(tier);
    expect(since(start).map((r) => [r.auth, r.status])).toEqual([
      ['none', 401],
      ['digest', 200],
      ['digest', 200],
    ]);
  });

  it('says which credentials Atlas rejected, and never shows the secret', async () => {
    const { projectId, name } = newCluster();
    const wrong = clientOf(fake, instantDeps(), {
      credentials: {
        kind: 'service-account',
        clientId: fake.serviceAccount.clientId,
        clientSecret: 'mdb_sa_sk_wrong-secret',
      },
    });
    const error = await wrong.getTier(projectId, name).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AtlasAuthError);
    expect((error as Error).message).toContain('Check ATLAS_CLIENT_ID and ATLAS_CLIENT_SECRET');
    expect((error as Error).message).toContain('invalid_client');
    expect((error as Error).message).not.toContain('wrong-secret');

    const badKey = clientOf(fake, instantDeps(), {
      auth: 'api-key',
      credentials: { kind: 'api-key', publicKey: fake.apiKey.publicKey, privateKey: 'nope-nope' },
    });
    await expect(badKey.getTier(projectId, name)).rejects.toThrow(
      /rejected the credentials \(HTTP 401 UNAUTHORIZED\)/,
    );
  });
});

describe('errors', () => {
  it('name the project, the cluster and the errorCode', async () => {
    const projectId = fake.newProject();
    const error = (await clientOf(fake)
      .getTier(projectId, 'missing-cluster')
      .catch((e: unknown) => e)) as AtlasApiError;
    expect(error).toBeInstanceOf(AtlasApiError);
    expect(error.status).toBe(404);
    expect(error.errorCode).toBe('CLUSTER_NOT_FOUND');
    expect(error.message).toContain(`cluster 'missing-cluster' in project ${projectId}`);
    expect(error.message).toContain('HTTP 404 CLUSTER_NOT_FOUND');
  });

  it('name the least role on a 403', async () => {
    const { projectId, name } = newCluster();
    fake.intercept(
      { method: 'POST', path: /backup\/snapshots$/ },
      {
        status: 403,
        body: { error: 403, errorCode: 'USER_UNAUTHORIZED', detail: 'Current user is not authorized.' },
      },
    );
    const client = clientOf(fake);
    const tier = await client.getTier(projectId, name);
    await expect(client.takeSnapshot(tier, { description: 'x', retentionInDays: 1 })).rejects.toThrow(
      /HTTP 403 USER_UNAUTHORIZED.*needs the Project Backup Creator role/,
    );
  });

  it('a wrong version date is answered 406, which the client reports', async () => {
    const { projectId, name } = newCluster();
    const client = clientOf(fake);
    await expect(
      client.transport.send({
        method: 'GET',
        path: `/groups/${projectId}/clusters/${name}/backup/schedule`,
        version: '2023-10-01',
        what: 'read the schedule',
      }),
    ).rejects.toThrow(/HTTP 406 INVALID_VERSION_DATE/);
  });
});

describe('retries', () => {
  it('waits as long as Retry-After says on a 429, then succeeds', async () => {
    const { projectId, name } = newCluster();
    const deps = instantDeps();
    const client = clientOf(fake, deps);
    const tier = await client.getTier(projectId, name);
    fake.rateLimit({ method: 'GET', path: /backup\/snapshots$/ }, 2, 7);
    await expect(client.listSnapshots(tier)).resolves.toEqual([]);
    expect(deps.sleeps).toEqual([7000, 7000]);
    expect(deps.logger.text).toContain('(rate limited (HTTP 429)); retrying in 7.0s');
  });

  it('retries a 5xx of a read with backoff; gives up with the errorCode after the attempts', async () => {
    const { projectId, name } = newCluster();
    const deps = instantDeps();
    const client = clientOf(fake, deps, { retry: { attempts: 3 } });
    const tier = await client.getTier(projectId, name);
    const failure = {
      status: 503,
      body: { error: 503, errorCode: 'SERVICE_UNAVAILABLE', detail: 'try later' },
    };
    fake.intercept({ method: 'GET', path: /backup\/schedule$/ }, failure, failure, failure);
    await expect(client.getSchedule(projectId, name)).rejects.toThrow(
      `Atlas failed to read the backup schedule of cluster '${name}' in project ${projectId}: HTTP 503 SERVICE_UNAVAILABLE after 3 attempts: try later.`,
    );
    expect(deps.sleeps).toEqual([750, 1500]);
    expect(tier.kind).toBe('dedicated');
  });

  it('stops at the deadline instead of sleeping past it', async () => {
    const { projectId, name } = newCluster();
    const deps = instantDeps();
    const client = clientOf(fake, deps, { deadline: (deps.now?.() ?? 0) + 5_000 });
    await client.getTier(projectId, name);
    fake.rateLimit({ method: 'GET', path: /clusters\/[^/]+$/ }, 1, 60);
    await expect(client.getTier(projectId, name)).rejects.toThrow(
      /kept rate-limiting \(HTTP 429 RATE_LIMITED\) until the deadline/,
    );
    await deps.sleep?.(10_000);
    await expect(client.getTier(projectId, name)).rejects.toBeInstanceOf(AtlasDeadlineError);
  });

  it('an aborted run stops every request', async () => {
    const { projectId, name } = newCluster();
    const controller = new AbortController();
    controller.abort(new Error('interrupted by SIGINT'));
    await expect(
      clientOf(fake, instantDeps(), { signal: controller.signal }).getTier(projectId, name),
    ).rejects.toThrow(/Stopped before Atlas could read cluster .*: interrupted by SIGINT/);
  });

  it('mayResend: reads always; creates only after 429, 401 or a connection never made', () => {
    const post = { method: 'POST' as const };
    expect(mayResend({ method: 'GET' }, { status: 500 })).toBe(true);
    expect(mayResend(post, { status: 429 })).toBe(true);
    expect(mayResend(post, { status: 401 })).toBe(true);
    expect(mayResend(post, { status: 502 })).toBe(false);
    expect(mayResend(post, { thrown: { cause: { code: 'ECONNREFUSED' } } })).toBe(true);
    expect(mayResend(post, { thrown: { cause: { code: 'ECONNRESET' } } })).toBe(false);
    expect(mayResend({ method: 'PATCH', idempotent: true }, { status: 500 })).toBe(true);
  });

  it('parses Retry-After and spreads backoff', () => {
    expect(parseRetryAfter('12', 0)).toBe(12_000);
    expect(parseRetryAfter('Thu, 01 Jan 1970 00:00:30 GMT', 10_000)).toBe(20_000);
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
    expect(backoffDelay(1, DEFAULT_RETRY, () => 0)).toBe(500);
    expect(backoffDelay(10, DEFAULT_RETRY, () => 1)).toBe(30_000);
  });
});

describe('creating at most once', () => {
  it('a 502 after Atlas took the snapshot: the snapshot is found and adopted, not taken again', async () => {
    const { projectId, name, cluster } = newCluster();
    const client = clientOf(fake);
    const tier = await client.getTier(projectId, name);
    fake.failAfterAccepting(
      { method: 'POST', path: /backup\/snapshots$/ },
      { status: 502, body: 'Bad Gateway' },
    );
    const { snapshot, reconciled } = await client.takeSnapshot(tier, {
      description: 'pre-deploy',
      retentionInDays: 2,
    });
    expect(reconciled).toBe(true);
    expect(cluster.snapshots.map((s) => s.id)).toEqual([snapshot.id]);
    expect(fake.requestsTo('POST', new RegExp(`${name}/backup/snapshots$`))).toHaveLength(1);
  });

  it('a 500 before Atlas acted: nothing appears, so the request is sent again, once', async () => {
    const { projectId, name, cluster } = newCluster();
    const client = clientOf(fake);
    const tier = await client.getTier(projectId, name);
    fake.intercept(
      { method: 'POST', path: /backup\/snapshots$/ },
      { status: 500, body: { error: 500, errorCode: 'UNEXPECTED_ERROR' } },
    );
    const { snapshot, reconciled } = await client.takeSnapshot(tier, {
      description: 'pre-deploy',
      retentionInDays: 2,
    });
    expect(reconciled).toBe(false);
    expect(cluster.snapshots.map((s) => s.id)).toEqual([snapshot.id]);
    expect(fake.requestsTo('POST', new RegExp(`${name}/backup/snapshots$`)).map((r) => r.status)).toEqual([
      500, 200,
    ]);
  });

  it('a dropped connection after Atlas created the export job: found by its customData tag', async () => {
    const { projectId, name, cluster } = newCluster();
    const done = fake.seedSnapshot(cluster);
    const bucket = fake.addExportBucket(projectId);
    const client = clientOf(fake);
    const tier = await client.getTier(projectId, name);
    fake.failAfterAccepting({ method: 'POST', path: /backup\/exports$/ }, 'drop');
    const { job, reconciled } = await client.createExport(tier, {
      snapshotId: done.id,
      exportBucketId: bucket,
      tag: 't1',
    });
    expect(reconciled).toBe(true);
    expect(cluster.exports.map((e) => e.id)).toEqual([job.id]);
  });
});

describe('lists and tiers', () => {
  it('follows pages of up to 500 items', async () => {
    const { projectId, name, cluster } = newCluster();
    for (let i = 0; i < 501; i++) fake.seedSnapshot(cluster, { ageMs: (i + 1) * 60_000 });
    const client = clientOf(fake);
    const start = fake.requests.length;
    const snapshots = await client.listSnapshots(await client.getTier(projectId, name));
    expect(snapshots).toHaveLength(501);
    expect(
      snapshots[0]?.createdAt &&
        snapshots[500]?.createdAt &&
        snapshots[0].createdAt > snapshots[500].createdAt,
    ).toBe(true);
    const pages = since(start).filter((r) => r.path.endsWith('/backup/snapshots'));
    expect(
      pages.map((r) => [r.query.get('pageNum'), r.query.get('itemsPerPage'), r.query.get('includeCount')]),
    ).toEqual([
      ['1', '500', 'true'],
      ['2', '500', 'true'],
    ]);
  });

  it('reads M0 from the cluster API, Flex through the Flex API when the cluster API refuses it', async () => {
    const free = newCluster('M0');
    const flex = newCluster('FLEX');
    const client = clientOf(fake);
    await expect(client.getTier(free.projectId, free.name)).resolves.toMatchObject({
      kind: 'free',
      instanceSize: 'M0',
      backupEnabled: false,
    });
    const start = fake.requests.length;
    await expect(client.getTier(flex.projectId, flex.name)).resolves.toMatchObject({
      kind: 'flex',
      backupEnabled: true,
    });
    expect(since(start).map((r) => [r.path.split('/').slice(-2)[0], r.status, r.accept])).toEqual([
      ['clusters', 400, `application/vnd.atlas.${API_VERSIONS.cluster}+json`],
      ['flexClusters', 200, `application/vnd.atlas.${API_VERSIONS.flex}+json`],
    ]);
  });
});
