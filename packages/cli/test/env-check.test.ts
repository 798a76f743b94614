import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { renderEnvExample } from '@shipkit/config';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { shipkit } from './shipkit';

const identity = await generateX25519Identity();
const recipient = await identityToRecipient(identity);
const strangerRecipient = await identityToRecipient(await generateX25519Identity());

const GOOD: Record<string, string> = {
  MONGODB_URI: 'mongodb+srv://shop_app:Xq7-good-pass-Zr@cluster9.qwerty.mongodb.net/?retryWrites=true',
  MONGODB_DB: 'shop_initech',
  BACKUP_DESTINATION: 's3://initech-backups/shop',
  AWS_REGION: 'eu-central-1',
  AWS_ACCESS_KEY_ID: 'AKIAQWERTYUIOPASDFGH',
  AWS_SECRET_ACCESS_KEY: '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',
  AGE_RECIPIENTS: recipient,
  AGE_IDENTITY: identity,
  RENDER_SERVICE_ID: 'srv-qwertyuiop123456',
  RENDER_API_KEY: 'rnd_QwertyUiopAsdfGhjkl123',
  OPENAI_API_KEY: 'sk-proj-QwertyUiopAsdfGhjklZxcv',
};

function envText(values: Record<string, string | undefined>, extra = ''): string {
  const lines = Object.entries(values)
    .filter((e): e is [string, string] => e[1] !== undefined)
    .map(([k, v]) => (v.includes('\n') ? `${k}="${v.replace(/\n/g, '\\n')}"` : `${k}='${v}'`));
  return `# test file\n${lines.join('\n')}\n${extra}`;
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'env-check-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function checkFile(name: string, text: string, ...flags: string[]) {
  await writeFile(join(dir, name), text);
  return shipkit(['env-check', '--file', name, ...flags], { cwd: dir });
}

/** Every distinctive piece of a value: the whole and, for URIs, the password. */
function valuePieces(values: Record<string, string | undefined>): string[] {
  const pieces: string[] = [];
  for (const value of Object.values(values)) {
    if (!value || value.length < 6) continue;
    pieces.push(value);
    const password = /:\/\/[^:/]+:(.+)@/.exec(value)?.[1];
    if (password && password.length >= 6) pieces.push(password);
    // A part of a value must not show either: the random tail of keys.
    if (!value.includes('://') && value.length >= 16) pieces.push(value.slice(-10));
  }
  return pieces;
}

describe('shipkit env-check', () => {
  it('passes a good file and says how many variables it checked', async () => {
    const run = await checkFile('good.env', envText(GOOD));
    expect(run.stdout).toContain('variables checked, no problems');
    expect(run.code).toBe(0);
    for (const piece of valuePieces(GOOD)) expect(run.everything).not.toContain(piece);
  });

  const BROKEN: [string, Record<string, string | undefined>, string[]][] = [
    ['a missing database URI', { MONGODB_URI: undefined }, ['MONGODB_URI']],
    [
      'an unencoded @ in the password',
      { MONGODB_URI: 'mongodb://shop_app:p@ss-w0rd-Secret@db1.initech.com:27017/shop_initech' },
      ['MONGODB_URI'],
    ],
    ['a PostgreSQL URI', { MONGODB_URI: 'postgres://app:Pg-Secret-77@pg.initech.com/shop' }, ['MONGODB_URI']],
    ['a database name with a dot', { MONGODB_DB: 'shop.initech' }, ['MONGODB_DB']],
    [
      'an http destination',
      { BACKUP_DESTINATION: 'https://backups.initech.com/shop' },
      ['BACKUP_DESTINATION'],
    ],
    ['S3 without a region', { AWS_REGION: undefined }, ['AWS_REGION']],
    ['a key id without its secret', { AWS_SECRET_ACCESS_KEY: undefined }, ['AWS_SECRET_ACCESS_KEY']],
    [
      'a role and keys together',
      { AWS_ROLE_ARN: 'arn:aws:iam::210987654321:role/initech-backups' },
      ['AWS_ROLE_ARN'],
    ],
    [
      'a mistyped recipient',
      { AGE_RECIPIENTS: `${recipient.slice(0, -1)}${recipient.endsWith('q') ? 'p' : 'q'}` },
      ['AGE_RECIPIENTS'],
    ],
    ['an identity of another key', { AGE_RECIPIENTS: strangerRecipient }, ['AGE_IDENTITY']],
    ['a service id without a key or hook', { RENDER_API_KEY: undefined }, ['RENDER_API_KEY']],
    ['a bad API key', { RENDER_API_KEY: 'render-Qwerty-secret-key' }, ['RENDER_API_KEY']],
    [
      'a hook URL over http with no key',
      { RENDER_DEPLOY_HOOK_URL: 'http://api.render.com/deploy/srv-qwertyuiop123456?token=Hook-Secret-1' },
      ['RENDER_DEPLOY_HOOK_URL'],
    ],
    ['a missing AI key', { OPENAI_API_KEY: undefined }, ['OPENAI_API_KEY']],
    ['a wrong AI key', { OPENAI_API_KEY: 'pk-live-QwertyUiopAsdfGhjkl' }, ['OPENAI_API_KEY']],
    [
      'several problems at once',
      { MONGODB_URI: 'mongodb://h:99999/x', MONGODB_DB: undefined, OPENAI_API_KEY: 'nope-Secret-Value-123' },
      ['MONGODB_URI', 'MONGODB_DB', 'OPENAI_API_KEY'],
    ],
  ];

  it.each(BROKEN)(
    'reports %s by name, with what is expected, and prints no value',
    async (label, change, names) => {
      const values = { ...GOOD, ...change };
      const run = await checkFile(`${label.replace(/\W+/g, '-')}.env`, envText(values));
      expect(run.code).toBe(1);
      const problemLines = run.stdout.split('\n').filter((line) => line.startsWith('  ✗ '));
      expect(problemLines.map((line) => /✗ (\w+):/.exec(line)?.[1]).sort()).toEqual([...names].sort());
      for (const line of problemLines) expect(line).toMatch(/ — expected /);
      for (const piece of valuePieces({ ...GOOD, ...change })) expect(run.everything).not.toContain(piece);

      const json = await shipkit(['env-check', '--file', `${label.replace(/\W+/g, '-')}.env`, '--json'], {
        cwd: dir,
      });
      const report = JSON.parse(json.stdout) as { ok: boolean; problems: { variable: string }[] };
      expect(report.ok).toBe(false);
      expect(report.problems.map((p) => p.variable).sort()).toEqual([...names].sort());
      for (const piece of valuePieces(values)) expect(json.everything).not.toContain(piece);
    },
  );

  it('reports broken lines by number, never their content, and warns about unknown and repeated keys', async () => {
    const secret = 'Unterminated-Secret-Value-42';
    const text = `${envText(GOOD)}MONGO_URI=mongodb://typo-Secret-99@h/db\nMONGODB_DB=shop_again\nBROKEN LINE ${secret}\nDANGLING="${secret}\n`;
    const run = await checkFile('lines.env', text);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/✗ line \d+: line \d+ is not a KEY=value assignment/);
    expect(run.stdout).toMatch(/✗ DANGLING: line \d+ has a double quote that is never closed/);
    expect(run.stdout).toMatch(
      /! MONGO_URI: is not part of the configuration schema \(did you mean MONGODB_URI\?\)/,
    );
    expect(run.stdout).toMatch(/! MONGODB_DB: is assigned more than once/);
    expect(run.everything).not.toContain(secret);
    expect(run.everything).not.toContain('typo-Secret-99');
  });

  it('checks the environment when no file is given, by target', async () => {
    const { OPENAI_API_KEY: _key, ...github } = GOOD;
    const ok = await shipkit(['env-check', '--target', 'github'], {
      env: { ...github, PATH: '/usr/bin' },
    });
    expect(ok.code).toBe(0);
    const render = await shipkit(['env-check', '--target', 'render'], { env: github });
    expect(render.code).toBe(1);
    expect(render.stdout).toContain('✗ OPENAI_API_KEY: is missing');
    for (const piece of valuePieces(GOOD)) expect(render.everything).not.toContain(piece);
  });

  it('accepts the generated .env.example as a template, and refuses it as real settings', async () => {
    const template = await checkFile('.env.example', renderEnvExample(), '--template');
    expect(template.stdout).toContain('no problems');
    expect(template.code).toBe(0);
    const real = await checkFile('.env.example', renderEnvExample());
    expect(real.code).toBe(1);
    expect(real.stdout).toContain('still holds the example value');
    const partial = await checkFile('partial.env.example', envText(GOOD), '--template');
    expect(partial.stdout).toMatch(/✗ AWS_ROLE_ARN: is not listed in the template/);
  });

  it('refuses bad usage with exit code 2, naming the option', async () => {
    const target = await shipkit(['env-check', '--target', 'aws']);
    expect(target).toMatchObject({
      code: 2,
      stderr: "error: --target must be one of 'all', 'github', 'render', got 'aws'.\n",
    });
    expect((await shipkit(['env-check', '--file', 'no-such.env'], { cwd: dir })).code).toBe(2);
  });
});
