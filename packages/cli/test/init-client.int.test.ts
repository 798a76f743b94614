// `shipkit init-client --provision --seed-from --github-repo` end to end: the test MongoDB server, a
// template mongodump archive, and the loopback GitHub secrets fake. Nothing secret may be printed.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parseEnv } from '@shipkit/config';
import { MongoClient } from 'mongodb';
import { FakeGitHubSecrets } from '../../../test/fakes/github-secrets';
import { TEST_MONGO_PASSWORD } from '../../../test/servers/index';
import { testEnv, uniqueName } from '../../../test/support/env';
import { shipkit } from './shipkit';

const exec = promisify(execFile);

let repo: string;
let admin: MongoClient;
let github: FakeGitHubSecrets;
const template = uniqueName('tmpl');
const database = uniqueName('shop_cli');

beforeAll(async () => {
  repo = await mkdtemp(join(tmpdir(), 'client-int-'));
  await exec('git', ['init', '-q', repo]);
  admin = await new MongoClient(testEnv().mongodbUri).connect();
  github = await FakeGitHubSecrets.start('acme/shop');
  await admin
    .db(template)
    .collection('products')
    .insertMany([{ sku: 'lamp' }, { sku: 'desk' }]);
});

afterAll(async () => {
  await github.close();
  for (const db of [template, database]) {
    await admin
      .db(db)
      .command({ dropAllUsersFromDatabase: 1 })
      .catch(() => undefined);
    await admin.db(db).dropDatabase();
  }
  await admin.close();
  await rm(repo, { recursive: true, force: true });
});

describe('shipkit init-client with a database and GitHub', () => {
  it('provisions, seeds from a template backup and sets the GitHub secrets, printing no secret', async () => {
    const archive = join(repo, '..', `${template}.archive`);
    await exec(join(testEnv().mongoToolsBin, 'mongodump'), [
      `--uri=${testEnv().mongodbUri}`,
      `--db=${template}`,
      `--archive=${archive}`,
    ]);
    const run = await shipkit(
      [
        'init-client',
        'acme',
        '--dir',
        repo,
        '--db',
        database,
        '--provision',
        '--seed-from',
        `file://${archive}`,
        '--github-repo',
        'acme/shop',
      ],
      {
        env: {
          ADMIN_MONGODB_URI: testEnv().mongodbUri,
          GITHUB_TOKEN: github.token,
          GITHUB_API_URL: github.url,
        },
      },
    );
    await rm(archive, { force: true });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\[x\] database .* ready with users/);
    expect(run.stdout).toMatch(
      new RegExp(
        `\\[x\\] seeded ${database} from the template backup \\(database ${template}\\): 1 collection\\(s\\), 2 document\\(s\\)`,
      ),
    );
    expect(run.stdout).toMatch(/\[x\] set \d+ GitHub secret\(s\) on acme\/shop: MONGODB_URI/);
    expect(await admin.db(database).collection('products').countDocuments()).toBe(2);

    const env = parseEnv(await readFile(join(repo, '.env'), 'utf8')).values;
    expect(github.secrets.get('MONGODB_URI')).toBe(env.MONGODB_BACKUP_URI);
    const secrets = [
      env.MONGODB_URI,
      env.MONGODB_BACKUP_URI,
      github.token,
      testEnv().mongodbUri,
      TEST_MONGO_PASSWORD,
    ];
    for (const uri of [env.MONGODB_URI, env.MONGODB_BACKUP_URI]) {
      secrets.push(decodeURIComponent(/:\/\/[^:]+:([^@]+)@/.exec(uri ?? '')?.[1] ?? 'missing password'));
    }
    for (const secret of secrets) expect(run.everything).not.toContain(secret);

    const json = await shipkit(
      ['init-client', 'acme', '--dir', repo, '--db', database, '--provision', '--json'],
      {
        env: { ADMIN_MONGODB_URI: testEnv().mongodbUri },
      },
    );
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).provision.users.map((u: { action: string }) => u.action)).toEqual([
      'updated',
      'updated',
    ]);
    for (const secret of secrets.slice(0, 2)) expect(json.everything).not.toContain(secret);
  });
});
