// `shipkit init-client --provision` on Atlas, from the bundle users run: the users are created through
// the Admin API (the loopback fake, which applies them to the real test server as Atlas's automation
// would), checked by connecting as each, and written to .env; no secret printed.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parseEnv } from '@shipkit/config';
import { MongoClient } from 'mongodb';
import { FakeAtlasApi } from '../../../../test/fakes/atlas-api';
import { scratchDir } from '../../../../test/faults/harness';
import { testEnv, uniqueName } from '../../../../test/support/env';
import { runShipkit } from '../../../../test/support/shipkit-process';
import { parseMongoUri } from '../../../bootstrap/src/mongo-uri';
import { expectExit, expectNoSecret, secretsOf } from './support';

const exec = promisify(execFile);
const database = uniqueName('shop_atlas_cli');

let fake: FakeAtlasApi;
let admin: MongoClient;
let clone: { path: string; remove(): Promise<void> };
let projectId: string;

beforeAll(async () => {
  fake = await FakeAtlasApi.start();
  admin = await new MongoClient(testEnv().mongodbUri).connect();
  clone = await scratchDir('atlas-client');
  await exec('git', ['init', '-q', clone.path]);
  projectId = fake.newProject();
  const parts = parseMongoUri(testEnv().mongodbUri, 'MONGODB_URI');
  const options = new URLSearchParams(parts.options);
  options.delete('authSource');
  fake.addCluster(projectId, 'Cluster0', {
    connectionString: `${parts.scheme}://${parts.hosts}/${options.size ? `?${options}` : ''}`,
  });
  fake.onUserChange = async ({ user, created }) => {
    const command = created
      ? { createUser: user.username, pwd: user.password, roles: [] }
      : { updateUser: user.username, pwd: user.password };
    await admin.db('admin').command(command);
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
    ?.db(database)
    .dropDatabase()
    .catch(() => undefined);
  await admin?.close();
  await fake?.close();
  await clone?.remove();
});

const args = () => ['init-client', 'acme', '--dir', '.', '--db', database, '--provision'];

describe('shipkit init-client --provision on Atlas, from the bundle', () => {
  it('refuses without Atlas credentials, naming them, before creating anything', async () => {
    const run = await runShipkit([...args(), '--atlas-project', projectId, '--atlas-cluster', 'Cluster0'], {
      cwd: clone.path,
      env: { ATLAS_BASE_URL: fake.baseUrl },
    });
    expectExit(run, 2);
    expect(run.stderr).toContain(
      '--atlas-project needs Atlas credentials in the environment: ATLAS_CLIENT_ID and ATLAS_CLIENT_SECRET',
    );
    expect(fake.databaseUser(projectId, `${database}_app`)).toBeUndefined();
  });

  it('creates the users through the Admin API and writes their connection strings to .env only', async () => {
    const run = await runShipkit([...args(), '--atlas-project', projectId, '--atlas-cluster', 'Cluster0'], {
      cwd: clone.path,
      env: {
        ATLAS_BASE_URL: fake.baseUrl,
        ATLAS_CLIENT_ID: fake.serviceAccount.clientId,
        ATLAS_CLIENT_SECRET: fake.serviceAccount.clientSecret,
      },
    });
    expectExit(run, 0);
    expect(run.stdout).toContain(
      `[x] database ${database} ready with users ${database}_app (readWrite on ${database}; created) and ${database}_backup (read on ${database}; created) (Atlas database users of cluster Cluster0, created through the Admin API)`,
    );
    expect(fake.databaseUser(projectId, `${database}_backup`)?.roles).toEqual([
      { roleName: 'read', databaseName: database },
    ]);
    const env = parseEnv(await readFile(join(clone.path, '.env'), 'utf8')).values;
    expect(env).toMatchObject({
      ATLAS_PROJECT_ID: projectId,
      ATLAS_CLUSTER: 'Cluster0',
      MONGODB_DB: database,
    });
    expectNoSecret(run, [
      fake.serviceAccount.clientSecret,
      ...fake.issuedTokens,
      ...secretsOf(env.MONGODB_URI, env.MONGODB_BACKUP_URI),
    ]);
  });
});
