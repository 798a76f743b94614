// `shipkit init-client` from the bundle users run (node bin/shipkit.js → packages/cli/dist), in a clean
// clone outside this repository: the workflow templates and the suite's version travel in the bundle.
// Then --provision --seed-from (a backup the bundle made) --github-repo, against the test MongoDB
// server and the loopback GitHub secrets fake, printing no secret.
import { execFile } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parseEnv } from '@shipkit/config';
import { MongoClient } from 'mongodb';
import { FakeGitHubSecrets } from '../../../../test/fakes/github-secrets';
import { scratchDir } from '../../../../test/faults/harness';
import { testEnv, uniqueName } from '../../../../test/support/env';
import { repoRoot, runShipkit } from '../../../../test/support/shipkit-process';
import { REPO_PLACEHOLDER, TEMPLATES } from '../../../../workflows-templates/index';
import { expectExit, expectNoSecret, secretsOf, serverSecrets, stdoutJson } from './support';

const exec = promisify(execFile);
const SUITE = 'acme-org/mongo-shipkit';

let admin: MongoClient;
let github: FakeGitHubSecrets;
let clone: { path: string; remove(): Promise<void> };
let backups: { path: string; remove(): Promise<void> };
const template = uniqueName('bundle_tmpl');
const database = uniqueName('shop_bundle');

beforeAll(async () => {
  admin = await new MongoClient(testEnv().mongodbUri).connect();
  github = await FakeGitHubSecrets.start('acme/shop');
  clone = await scratchDir('client-clone');
  backups = await scratchDir('template-backups');
  await exec('git', ['init', '-q', clone.path]);
  await admin
    .db(template)
    .collection('products')
    .insertMany([{ sku: 'lamp' }, { sku: 'desk' }, { sku: 'chair' }]);
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
  await clone.remove();
  await backups.remove();
});

describe('shipkit init-client, from the bundle', () => {
  it('installs every workflow template, pinned to the suite’s major version, in a clone outside the repository', async () => {
    expect(clone.path.startsWith(repoRoot)).toBe(false);
    const run = await runShipkit(['init-client', 'acme', '--dir', '.', '--suite-repo', SUITE], {
      cwd: clone.path,
    });
    expectExit(run, 0);
    expect(run.stderr).toBe('');

    const { version } = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as {
      version: string;
    };
    const ref = `v${version.split('.')[0]}`;
    const installed = await readdir(join(clone.path, '.github', 'workflows'));
    expect(installed.sort()).toEqual(TEMPLATES.map((t) => t.file).sort());
    for (const file of installed) {
      const text = await readFile(join(clone.path, '.github', 'workflows', file), 'utf8');
      expect(text).not.toContain(REPO_PLACEHOLDER);
      const uses = [...text.matchAll(new RegExp(`uses:\\s*${SUITE}/\\S+`, 'g'))].map((m) => m[0]);
      expect(uses.length).toBeGreaterThan(0);
      for (const line of uses) expect(line).toMatch(new RegExp(`@${ref}$`));
    }
    for (const path of [
      '.github/branch-policy.yml',
      '.env.example',
      'docs/OPERATIONS.md',
      '.shipkit/generated.json',
    ]) {
      await expect(readFile(join(clone.path, path), 'utf8')).resolves.toBeTruthy();
    }

    const again = await runShipkit(['init-client', 'acme', '--dir', '.', '--suite-repo', SUITE, '--json'], {
      cwd: clone.path,
    });
    expectExit(again, 0);
    const { files } = stdoutJson<{ files: { action: string }[] }>(again);
    expect(new Set(files.map((f) => f.action))).toEqual(new Set(['unchanged']));
  });

  it('provisions the database, seeds it from a backup and sets the GitHub secrets, printing no secret', async () => {
    const backup = await runShipkit(
      ['backup', '--to', `file://${backups.path}`, '--include', template, '--json'],
      { env: { MONGODB_URI: testEnv().mongodbUri } },
    );
    expectExit(backup, 0);
    const { backupUrl } = stdoutJson<{ backupUrl: string }>(backup);
    // An operator's own setting in .env: uploaded as the secret the workflows read, never printed.
    const notify = 'https://hooks.slack.com/services/T0001/B0002/NotifyHookSECRET';
    await writeFile(join(clone.path, '.env'), `SHIPKIT_NOTIFY=${notify}\n`);

    const run = await runShipkit(
      [
        'init-client',
        'acme',
        '--dir',
        clone.path,
        '--db',
        database,
        '--provision',
        '--seed-from',
        backupUrl,
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
    expectExit(run, 0);
    expect(await admin.db(database).collection('products').countDocuments()).toBe(3);

    const env = parseEnv(await readFile(join(clone.path, '.env'), 'utf8')).values;
    expect(env.MONGODB_BACKUP_URI).toBeTruthy();
    expect(github.secrets.get('MONGODB_URI')).toBe(env.MONGODB_BACKUP_URI);
    expect(github.secrets.get('SHIPKIT_NOTIFY')).toBe(notify);
    expect(github.environments.size).toBeGreaterThan(0);
    expectNoSecret(run, [
      ...serverSecrets(),
      ...secretsOf(github.token, env.MONGODB_URI, env.MONGODB_BACKUP_URI, notify),
    ]);
  });
});
