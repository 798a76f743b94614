// init-client --provision on Atlas: the database users are created through the Admin API (the loopback
// fake), which — as Atlas's automation does — applies them to the cluster (here the real test server);
// then they are checked by connecting as each user. Passwords go to .env only.
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AtlasClient } from '@shipkit/atlas';
import { parseEnv } from '@shipkit/config';
import { MemoryLogger } from '@shipkit/runtime';
import { MongoClient } from 'mongodb';
import { FakeAtlasApi } from '../../../test/fakes/atlas-api';
import { testEnv, uniqueName } from '../../../test/support/env';
import { type InitClientResult, initClient } from '../src/init-client';
import { parseMongoUri } from '../src/mongo-uri';
import { directoryStore } from '../src/store';

const suite = { repository: 'o/suite', version: '1.0.0', ref: 'v1' };
const templates = { placeholder: 'OWNER/REPO', workflows: [{ name: 'ci.yml', text: 'on: push\n' }] };
const database = uniqueName('shop_atlas');
const client = `it-${uniqueName('a').slice(2).replace(/_/g, '-')}`;

let fake: FakeAtlasApi;
let admin: MongoClient;
let dir: string;
let projectId: string;
const applied: string[] = [];

/** The test server's address as Atlas would give it: no credentials, no auth source. */
function clusterConnectionString(): string {
  const parts = parseMongoUri(testEnv().mongodbUri, 'MONGODB_URI');
  const options = new URLSearchParams(parts.options);
  options.delete('authSource');
  return `${parts.scheme}://${parts.hosts}/${options.size ? `?${options}` : ''}`;
}

async function provision(
  force = false,
): Promise<{ result: InitClientResult; secrets: string[]; log: string }> {
  const secrets: string[] = [];
  const logger = new MemoryLogger();
  const result = await initClient(
    {
      client,
      database,
      suite,
      templates,
      force,
      dryRun: false,
      envFile: '.env',
      provision: { atlas: { projectId, cluster: 'Cluster0' } },
    },
    {
      store: directoryStore(dir),
      logger,
      now: () => new Date(),
      sleep: async () => {},
      connectMongo: (uri) => new MongoClient(uri, { serverSelectionTimeoutMS: 5000 }).connect(),
      atlas: new AtlasClient(
        { credentials: { kind: 'service-account', ...fake.serviceAccount }, baseUrl: fake.baseUrl },
        { logger },
      ),
      onSecret: (value) => secrets.push(value),
    },
  );
  return { result, secrets, log: logger.text };
}

beforeAll(async () => {
  fake = await FakeAtlasApi.start();
  admin = await new MongoClient(testEnv().mongodbUri).connect();
  dir = await mkdtemp(join(tmpdir(), 'atlas-provision-'));
  projectId = fake.newProject();
  fake.addCluster(projectId, 'Cluster0', { tier: 'M10', connectionString: clusterConnectionString() });
  // What Atlas's automation does with a new or changed database user: apply it to the cluster.
  fake.onUserChange = async ({ user, created }) => {
    applied.push(`${created ? 'create' : 'update'} ${user.username}`);
    const roles = user.roles.map((r) => ({ role: r.roleName, db: r.databaseName }));
    if (!created) {
      await admin.db('admin').command({ updateUser: user.username, pwd: user.password });
      return;
    }
    try {
      await admin.db('admin').command({ createUser: user.username, pwd: user.password, roles });
    } catch (error) {
      // FerretDB 1.x records no roles (NotImplemented): the user is created without, as provisioning warns.
      if ((error as { code?: number }).code !== 238) throw error;
      await admin.db('admin').command({ createUser: user.username, pwd: user.password, roles: [] });
    }
  };
});

afterAll(async () => {
  for (const user of [`${database}_app`, `${database}_backup`]) {
    await admin
      .db('admin')
      .command({ dropUser: user })
      .catch(() => undefined);
  }
  await admin
    .db(database)
    .dropDatabase()
    .catch(() => undefined);
  await admin?.close();
  await fake?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('init-client --provision on Atlas', () => {
  let first: Awaited<ReturnType<typeof provision>>;

  beforeAll(async () => {
    first = await provision();
  });

  it('creates both users through the Admin API with least-privilege roles, limited to the cluster', () => {
    const app = fake.databaseUser(projectId, `${database}_app`);
    const backup = fake.databaseUser(projectId, `${database}_backup`);
    expect(app).toMatchObject({
      roles: [{ roleName: 'readWrite', databaseName: database }],
      scopes: [{ name: 'Cluster0', type: 'CLUSTER' }],
    });
    expect(backup).toMatchObject({
      roles: [{ roleName: 'read', databaseName: database }],
      scopes: [{ name: 'Cluster0', type: 'CLUSTER' }],
    });
    const posts = fake.requestsTo('POST', new RegExp(`/groups/${projectId}/databaseUsers$`));
    expect(posts.map((r) => (r.body as { databaseName: string }).databaseName)).toEqual(['admin', 'admin']);
    expect(first.result.provision).toMatchObject({
      via: 'atlas-api',
      rolesSupported: true,
      users: [
        { user: `${database}_app`, action: 'created', recordedRoles: [{ role: 'readWrite', db: database }] },
        { user: `${database}_backup`, action: 'created', recordedRoles: [{ role: 'read', db: database }] },
      ],
    });
  });

  it('waits until Atlas applied them, then checks them by connecting as each user', async () => {
    expect(fake.requestsTo('GET', /\/clusters\/Cluster0\/status$/).map((r) => r.status)).toEqual([200, 200]);
    expect(first.log).toContain(
      "Waiting for Atlas to apply the database users to cluster 'Cluster0' (PENDING).",
    );
    // The application user created the database with its first write, the instance marker.
    const marker = await admin
      .db(database)
      .collection('shipkit_instance')
      .findOne({ _id: 'instance' as never });
    expect(marker).toMatchObject({ client });
    expect(['enforced', 'not-enforced']).toContain(first.result.provision?.backupWriteRefused);
  });

  it('writes the connection strings (authSource admin), the project and the cluster to .env only, mode 0600', async () => {
    const text = await readFile(join(dir, '.env'), 'utf8');
    const env = parseEnv(text).values;
    expect(env).toMatchObject({
      MONGODB_DB: database,
      ATLAS_PROJECT_ID: projectId,
      ATLAS_CLUSTER: 'Cluster0',
    });
    for (const [name, user] of [
      ['MONGODB_URI', `${database}_app`],
      ['MONGODB_BACKUP_URI', `${database}_backup`],
    ] as const) {
      const uri = env[name] ?? '';
      expect(uri).toContain(`${user}:`);
      expect(new URLSearchParams(uri.split('?')[1]).get('authSource')).toBe('admin');
      expect(first.secrets).toContain(uri);
      expect(JSON.stringify(first.result)).not.toContain(uri.split('@')[0]?.split(':').pop());
    }
    expect((await stat(join(dir, '.env'))).mode & 0o777).toBe(0o600);
    expect(first.result.checklist).toContainEqual(
      expect.objectContaining({
        status: 'done',
        text: expect.stringMatching(/created through the Admin API/),
      }),
    );
  });

  it('a re-run keeps the users and their passwords; --force gives them new ones', async () => {
    const before = parseEnv(await readFile(join(dir, '.env'), 'utf8')).values;
    const again = await provision();
    expect(again.result.provision?.users.map((u) => u.action)).toEqual(['updated', 'updated']);
    expect(parseEnv(await readFile(join(dir, '.env'), 'utf8')).values.MONGODB_URI).toBe(before.MONGODB_URI);
    const forced = await provision(true);
    expect(forced.result.provision?.users.map((u) => u.action)).toEqual(['password-reset', 'password-reset']);
    const after = parseEnv(await readFile(join(dir, '.env'), 'utf8')).values;
    expect(after.MONGODB_URI).not.toBe(before.MONGODB_URI);
    expect(fake.databaseUser(projectId, `${database}_app`)?.password).toBe(
      decodeURIComponent((after.MONGODB_URI ?? '').split('@')[0]?.split(':').pop() ?? ''),
    );
    expect(applied.filter((line) => line.startsWith('create'))).toHaveLength(2);
  });
});
