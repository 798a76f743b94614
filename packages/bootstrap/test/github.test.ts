import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { parseEnv } from '@shipkit/config';
import { MemoryLogger } from '@shipkit/runtime';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { FakeGitHubSecrets } from '../../../test/fakes/github-secrets';
import { GitHubRepositoryClient, sealSecret } from '../src/github';
import { initClient } from '../src/init-client';
import { memoryStore } from '../src/store';

let fake: FakeGitHubSecrets;
beforeEach(async () => {
  fake = await FakeGitHubSecrets.start('globex/shop');
});
afterEach(async () => {
  await fake.close();
});

describe('GitHubRepositoryClient', () => {
  it('seals secrets to the repository key so that only its private key opens them', async () => {
    const client = new GitHubRepositoryClient({
      repository: 'globex/shop',
      token: fake.token,
      apiUrl: fake.url,
    });
    const value = 'mongodb://u:p%40ss@db.example.com/shop?authSource=shop';
    expect(await client.putSecret('MONGODB_URI', value)).toBe('created');
    expect(await client.putSecret('MONGODB_URI', value)).toBe('updated');
    expect(fake.secrets.get('MONGODB_URI')).toBe(value);
    const sent = fake.requests.find((r) => r.method === 'PUT')?.body as {
      encrypted_value: string;
      key_id: string;
    };
    expect(sent.key_id).toBe(fake.keyId);
    expect(sent.encrypted_value).not.toContain(value);
    // Sealed boxes use a fresh ephemeral key: the same value never seals the same way twice.
    expect(await sealSecret(value, fake.publicKeyBase64)).not.toBe(
      await sealSecret(value, fake.publicKeyBase64),
    );
  });

  it('creates then updates variables, and creates the environment', async () => {
    const client = new GitHubRepositoryClient({
      repository: 'globex/shop',
      token: fake.token,
      apiUrl: fake.url,
    });
    expect(await client.putVariable('MONGODB_DB', 'shop_globex')).toBe('created');
    expect(await client.putVariable('MONGODB_DB', 'shop_globex2')).toBe('updated');
    expect(fake.variables.get('MONGODB_DB')).toBe('shop_globex2');
    await client.ensureEnvironment('production');
    expect([...fake.environments]).toEqual(['production']);
  });

  it('explains refusals without showing the token', async () => {
    const wrongToken = 'ghp_wrongTokenValue0123456789';
    const refused = new GitHubRepositoryClient({
      repository: 'globex/shop',
      token: wrongToken,
      apiUrl: fake.url,
    });
    await expect(refused.putSecret('X', 'y')).rejects.toThrow(/HTTP 401.*GITHUB_TOKEN was refused/);
    await refused
      .putSecret('X', 'y')
      .catch((error: Error) => expect(error.message).not.toContain(wrongToken));

    const elsewhere = new GitHubRepositoryClient({
      repository: 'globex/other',
      token: fake.token,
      apiUrl: fake.url,
    });
    await expect(elsewhere.putSecret('X', 'y')).rejects.toThrow(
      /HTTP 404.*does not exist or GITHUB_TOKEN cannot see it/,
    );

    fake.forbidden = true;
    const client = new GitHubRepositoryClient({
      repository: 'globex/shop',
      token: fake.token,
      apiUrl: fake.url,
    });
    await expect(client.ensureEnvironment('production')).rejects.toThrow(/Administration: read and write/);
  });
});

describe('initClient --github-repo', () => {
  it("uploads the env file's GitHub settings (the backup user's URI as MONGODB_URI) and prints no value", async () => {
    const identity = await generateX25519Identity();
    const env: Record<string, string> = {
      MONGODB_URI:
        'mongodb://shop_globex_app:App-Pass-0123456789@db.globex.net:27017/shop_globex?authSource=shop_globex',
      MONGODB_BACKUP_URI:
        'mongodb://shop_globex_backup:Backup-Pass-0123456789@db.globex.net:27017/shop_globex?authSource=shop_globex',
      MONGODB_DB: 'shop_globex',
      BACKUP_DESTINATION: 's3://globex-backups/shop',
      AWS_REGION: 'eu-west-3',
      AWS_ACCESS_KEY_ID: 'AKIAGLOBEXGLOBEX1234',
      AWS_SECRET_ACCESS_KEY: 'Gl0bexSecretAccessKey/0123456789abcdefgh',
      AGE_RECIPIENTS: await identityToRecipient(identity),
      AGE_IDENTITY: identity,
      RENDER_SERVICE_ID: 'srv-globex0000000000',
      RENDER_API_KEY: 'rnd_NotTheExampleGlobexKey42',
      OPENAI_API_KEY: 'sk-globex-openai-key-0123456789',
    };
    const store = memoryStore({
      '.env': Object.entries(env)
        .map(([k, v]) => `${k}='${v}'`)
        .join('\n'),
    });
    const secrets: string[] = [];
    const result = await initClient(
      {
        client: 'globex',
        suite: { repository: 'o/suite', version: '1.0.0', ref: 'v1' },
        templates: { placeholder: 'OWNER/REPO', workflows: [{ name: 'ci.yml', text: 'on: push\n' }] },
        force: false,
        dryRun: false,
        envFile: '.env',
        github: { repository: 'globex/shop', token: fake.token, apiUrl: fake.url },
      },
      {
        store,
        logger: new MemoryLogger(),
        now: () => new Date('2026-01-01T00:00:00Z'),
        connectMongo: () => Promise.reject(new Error('no database in this test')),
        onSecret: (value) => secrets.push(value),
      },
    );
    expect(Object.fromEntries(fake.secrets)).toEqual({
      MONGODB_URI: env.MONGODB_BACKUP_URI,
      AWS_ACCESS_KEY_ID: env.AWS_ACCESS_KEY_ID,
      AWS_SECRET_ACCESS_KEY: env.AWS_SECRET_ACCESS_KEY,
      AGE_IDENTITY: env.AGE_IDENTITY,
      RENDER_API_KEY: env.RENDER_API_KEY,
    });
    expect(Object.fromEntries(fake.variables)).toEqual({
      MONGODB_DB: 'shop_globex',
      BACKUP_DESTINATION: env.BACKUP_DESTINATION,
      AWS_REGION: env.AWS_REGION,
      AGE_RECIPIENTS: env.AGE_RECIPIENTS,
      RENDER_SERVICE_ID: env.RENDER_SERVICE_ID,
    });
    expect([...fake.environments]).toEqual(['production']);
    expect(result.github?.skipped).toEqual([]);
    // Every secret was handed to the redactor, and none is in the result.
    for (const name of [
      'MONGODB_URI',
      'MONGODB_BACKUP_URI',
      'AGE_IDENTITY',
      'RENDER_API_KEY',
      'OPENAI_API_KEY',
    ]) {
      expect(secrets).toContain(env[name]);
    }
    const printed = JSON.stringify(result);
    for (const secret of [fake.token, ...Object.values(env).filter((v) => v.length > 12)]) {
      if (!/^(s3|srv|age1|shop)/.test(secret)) expect(printed).not.toContain(secret);
    }
    expect(printed).not.toContain('Backup-Pass-0123456789');
    expect(parseEnv(store.files.get('.env') ?? '').values).toEqual(env);
  });

  it('does not upload a value that fails its check, and lists it as left to do', async () => {
    const store = memoryStore({
      '.env': "MONGODB_DB=shop_globex\nRENDER_API_KEY='rnd_ReplaceWithYourRenderApiKey'\n",
    });
    const result = await initClient(
      {
        client: 'globex',
        suite: { repository: 'o/suite', version: '1.0.0', ref: 'v1' },
        templates: { placeholder: 'OWNER/REPO', workflows: [{ name: 'ci.yml', text: 'on: push\n' }] },
        force: false,
        dryRun: false,
        envFile: '.env',
        github: { repository: 'globex/shop', token: fake.token, apiUrl: fake.url },
      },
      {
        store,
        logger: new MemoryLogger(),
        now: () => new Date(),
        connectMongo: () => Promise.reject(new Error('unused')),
        onSecret: () => {},
      },
    );
    expect(fake.secrets.has('RENDER_API_KEY')).toBe(false);
    expect(result.github?.skipped.map((s) => s.name)).toEqual(['RENDER_API_KEY']);
    const todo = result.checklist.filter((item) => item.status === 'todo').map((item) => item.text);
    expect(todo.some((text) => text.startsWith('fix RENDER_API_KEY'))).toBe(true);
    expect(todo.some((text) => text.startsWith('GitHub: MONGODB_URI is missing'))).toBe(true);
  });
});
