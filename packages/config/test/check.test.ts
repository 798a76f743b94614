import { describe, expect, it } from '@jest/globals';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { checkInstanceConfig } from '../src/check';
import { bech32Valid, mongodbUriProblem } from '../src/values';
import { VARIABLES } from '../src/variables';

const identity = await generateX25519Identity();
const recipient = await identityToRecipient(identity);
const otherRecipient = await identityToRecipient(await generateX25519Identity());

/** A complete, valid configuration whose secrets are easy to search for in output. */
function validConfig(): Record<string, string> {
  return {
    MONGODB_URI:
      'mongodb+srv://shop_app:Pa55-word-SECRET@cluster0.abcde.mongodb.net/?retryWrites=true&w=majority',
    MONGODB_DB: 'shop_acme',
    BACKUP_DESTINATION: 's3://acme-backups/shop',
    AWS_REGION: 'eu-west-1',
    AWS_ROLE_ARN: 'arn:aws:iam::123456789012:role/acme-backups',
    AGE_RECIPIENTS: `${recipient},${otherRecipient}`,
    AGE_IDENTITY: identity,
    RENDER_SERVICE_ID: 'srv-abcdefgh12345678',
    RENDER_API_KEY: 'rnd_RealLookingKey0123456789',
    OPENAI_API_KEY: 'sk-proj-RealLookingOpenAiKey0123',
  };
}

describe('checkInstanceConfig', () => {
  it('accepts a complete configuration', async () => {
    const result = await checkInstanceConfig(validConfig());
    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('accepts keys instead of a role, an S3-compatible endpoint, and a hook instead of an API key', async () => {
    const { AWS_ROLE_ARN: _role, RENDER_API_KEY: _key, ...rest } = validConfig();
    const result = await checkInstanceConfig({
      ...rest,
      S3_ENDPOINT: 'https://s3.fr-par.scw.cloud',
      AWS_REGION: 'fr-par',
      AWS_ACCESS_KEY_ID: 'SCWXXXXXXXXXXXXXXXXX',
      AWS_SECRET_ACCESS_KEY: 'scaleway-secret-key-0123456789',
      RENDER_DEPLOY_HOOK_URL: 'https://api.render.com/deploy/srv-abcdefgh12345678?key=hookKey123',
    });
    expect(result.problems).toEqual([]);
  });

  it('treats blank values as unset', async () => {
    const result = await checkInstanceConfig({ ...validConfig(), MONGODB_DB: '   ' });
    expect(result.problems).toEqual([
      expect.objectContaining({ variable: 'MONGODB_DB', message: 'is missing' }),
    ]);
  });

  it('reports every problem at once, each with its variable and what is expected, and never a value', async () => {
    const broken: Record<string, string> = {
      MONGODB_URI: 'postgres://admin:TopSecretPw1@db.example.com/shop',
      MONGODB_DB: 'shop.acme',
      BACKUP_DESTINATION: 's3://Bad_Bucket/x',
      AGE_RECIPIENTS: 'age1notakeyatall',
      AGE_IDENTITY: 'AGE-SECRET-KEY-1NOPE',
      RENDER_SERVICE_ID: 'service-42',
      RENDER_API_KEY: 'rnd_short',
      OPENAI_API_KEY: 'pk-wrong-kind-of-key-abcdefghijkl',
    };
    const result = await checkInstanceConfig(broken);
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.variable).sort()).toEqual(Object.keys(broken).sort());
    for (const problem of result.problems) expect(problem.expected).toBeTruthy();
    const text = JSON.stringify(result);
    for (const value of Object.values(broken)) expect(text).not.toContain(value);
    expect(text).not.toContain('TopSecretPw1');
  });

  it.each<[string, Record<string, string | undefined>, string, RegExp]>([
    [
      'S3 without a region',
      { AWS_REGION: undefined },
      'AWS_REGION',
      /s3:\/\/ BACKUP_DESTINATION needs the region/,
    ],
    [
      'S3 without role or keys',
      { AWS_ROLE_ARN: undefined },
      'AWS_ROLE_ARN',
      /AWS_ROLE_ARN, or AWS_ACCESS_KEY_ID/,
    ],
    [
      'role and keys together',
      { AWS_ACCESS_KEY_ID: 'AKIAZZZZZZZZZZZZZZZZ' },
      'AWS_ROLE_ARN',
      /either the role or the keys/,
    ],
    [
      'one key without the other',
      { AWS_ROLE_ARN: undefined, AWS_ACCESS_KEY_ID: 'AKIAZZZZZZZZZZZZZZZZ' },
      'AWS_SECRET_ACCESS_KEY',
      /AWS_ACCESS_KEY_ID is set without it/,
    ],
    [
      'a role with an S3-compatible endpoint',
      { S3_ENDPOINT: 'https://minio.internal:9000' },
      'AWS_ROLE_ARN',
      /works with AWS only/,
    ],
    ['a non-AWS region on AWS', { AWS_REGION: 'auto' }, 'AWS_REGION', /not an AWS region/],
    [
      'a service id without API key or hook',
      { RENDER_API_KEY: undefined },
      'RENDER_API_KEY',
      /RENDER_SERVICE_ID needs it unless RENDER_DEPLOY_HOOK_URL/,
    ],
    [
      'no way to deploy',
      { RENDER_API_KEY: undefined, RENDER_SERVICE_ID: undefined },
      'RENDER_SERVICE_ID',
      /deploys need/,
    ],
    [
      'a hook of another service',
      { RENDER_DEPLOY_HOOK_URL: 'https://api.render.com/deploy/srv-zzzzzzzz99999999?key=k123' },
      'RENDER_DEPLOY_HOOK_URL',
      /another service/,
    ],
    [
      'an identity of another key',
      { AGE_RECIPIENTS: otherRecipient },
      'AGE_IDENTITY',
      /matches none of AGE_RECIPIENTS/,
    ],
    [
      'a secret left at its example value',
      { RENDER_API_KEY: VARIABLES.find((v) => v.name === 'RENDER_API_KEY')?.example },
      'RENDER_API_KEY',
      /example value/,
    ],
  ])('cross-field rule: %s', async (_label, change, variableName, message) => {
    const result = await checkInstanceConfig({ ...validConfig(), ...change });
    expect(result.problems).toEqual([
      expect.objectContaining({ variable: variableName, message: expect.stringMatching(message) }),
    ]);
  });

  it('checks the notification secrets without repeating them', async () => {
    const hookPath = 'T0001/B0002/HookTokenSECRET';
    const good = await checkInstanceConfig({
      ...validConfig(),
      SHIPKIT_NOTIFY: `https://hooks.slack.com/services/${hookPath}, webhook+https://ops.acme.example/hooks/shipkit`,
      SHIPKIT_NOTIFY_SECRET: 'a-long-enough-signing-secret',
      SHIPKIT_HEARTBEAT: 'https://hc-ping.com/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0',
    });
    expect(good.problems).toEqual([]);
    const bad = await checkInstanceConfig({
      ...validConfig(),
      SHIPKIT_NOTIFY: `https://hooks.slack.com/services/${hookPath},ftp://files.acme.example/${hookPath}`,
      SHIPKIT_NOTIFY_SECRET: 'short',
      SHIPKIT_HEARTBEAT: `hc-ping.com/${hookPath}`,
    });
    expect(bad.problems).toEqual([
      expect.objectContaining({
        variable: 'SHIPKIT_NOTIFY',
        message: expect.stringMatching(/entry 2 must be an http/),
      }),
      expect.objectContaining({
        variable: 'SHIPKIT_NOTIFY_SECRET',
        message: expect.stringMatching(/at least 16/),
      }),
      expect.objectContaining({ variable: 'SHIPKIT_HEARTBEAT', message: expect.stringMatching(/not a URL/) }),
    ]);
    expect(JSON.stringify(bad)).not.toContain('HookTokenSECRET');
    expect(JSON.stringify(bad)).not.toContain('short');
  });

  it('checks only what the target reads', async () => {
    const { OPENAI_API_KEY: _openai, ...github } = validConfig();
    expect((await checkInstanceConfig(github, { target: 'github' })).ok).toBe(true);
    expect((await checkInstanceConfig(github, { target: 'render' })).problems.map((p) => p.variable)).toEqual(
      ['OPENAI_API_KEY'],
    );
    const render = await checkInstanceConfig(
      {
        MONGODB_URI: validConfig().MONGODB_URI,
        MONGODB_DB: 'shop',
        OPENAI_API_KEY: validConfig().OPENAI_API_KEY,
      },
      { target: 'render' },
    );
    expect(render.ok).toBe(true);
    expect(render.checked).toEqual(['MONGODB_URI', 'MONGODB_DB', 'OPENAI_API_KEY']);
  });

  it('warns about a file:// destination for GitHub and a missing identity', async () => {
    const { AGE_IDENTITY: _id, AWS_ROLE_ARN: _role, AWS_REGION: _region, ...rest } = validConfig();
    const result = await checkInstanceConfig({ ...rest, BACKUP_DESTINATION: 'file:///var/backups/shop' });
    expect(result.problems).toEqual([]);
    expect(result.warnings.map((w) => w.variable)).toEqual(['BACKUP_DESTINATION', 'AGE_IDENTITY']);
  });
});

describe('mongodbUriProblem', () => {
  it.each([
    'mongodb://localhost',
    'mongodb://127.0.0.1:27017/shop',
    'mongodb://u:p%40ss@h1:27017,h2:27018/db?replicaSet=rs0&authSource=admin',
    'mongodb://[::1]:27017/',
    'mongodb+srv://u:p@cluster0.abc.mongodb.net/?retryWrites=true',
  ])('accepts %s', (uri) => {
    expect(mongodbUriProblem(uri)).toBeUndefined();
  });

  it.each([
    ['mysql://h/db', /must start with/],
    ['mongodb://', /no host/],
    ['mongodb://u:p@ss@host/db', /not percent-encoded/],
    ['mongodb://u:100%@host/db', /percent-encoding/],
    ['mongodb://h1,,h2/db', /host 2 of 3 is empty/],
    ['mongodb://host:99999/db', /port/],
    ['mongodb+srv://a.example.net:27017/', /must not give a port/],
    ['mongodb+srv://a.example.net,b.example.net/', /exactly one host/],
    ['mongodb://host/db?novalue', /name=value/],
    ['mongodb://host/my.db', /database path/],
  ])('refuses %s', (uri, message) => {
    expect(mongodbUriProblem(uri)).toMatch(message);
  });
});

describe('bech32Valid', () => {
  it('accepts real age keys and catches a single changed character', async () => {
    expect(bech32Valid(recipient)).toBe(true);
    expect(bech32Valid(identity)).toBe(true);
    const typo = recipient.slice(0, 10) + (recipient[10] === 'q' ? 'p' : 'q') + recipient.slice(11);
    expect(bech32Valid(typo)).toBe(false);
  });
});
