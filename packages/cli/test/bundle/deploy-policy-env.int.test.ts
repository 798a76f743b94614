// deploy (against the loopback Render API fake), policy and env-check from the bundle users run
// (node bin/shipkit.js → packages/cli/dist): exit codes, effects on the fake, and no key or value printed.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { renderEnvExample } from '@shipkit/config';
import { generateIdentity, identityToRecipient } from 'age-encryption';
import { FakeRenderApi } from '../../../../test/fakes/render-api';
import { scratchDir } from '../../../../test/faults/harness';
import { runShipkit } from '../../../../test/support/shipkit-process';
import { expectExit, expectNoSecret, secretsOf, stdoutJson } from './support';

let render: FakeRenderApi;
let dir: { path: string; remove(): Promise<void> };

beforeAll(async () => {
  render = await FakeRenderApi.start();
  dir = await scratchDir('bundle-config');
});

afterAll(async () => {
  await render.close();
  await dir.remove();
});

describe('shipkit deploy, from the bundle, against the Render API fake', () => {
  const deployArgs = (service: string) => [
    'deploy',
    '--service',
    service,
    '--api-url',
    render.baseUrl,
    '--poll-interval',
    '20ms',
  ];

  it('deploys a commit and waits until it is live', async () => {
    render.addService('srv-bundle1');
    render.script('srv-bundle1', { statuses: ['created', 'build_in_progress', 'live'] });
    const run = await runShipkit([...deployArgs('srv-bundle1'), '--commit', 'abc1234', '--wait', '--json'], {
      env: { RENDER_API_KEY: render.apiKey },
    });
    expectExit(run, 0);
    expect(stdoutJson(run)).toMatchObject({ outcome: 'success', status: 'live', serviceId: 'srv-bundle1' });
    expect(render.deploys('srv-bundle1').map((d) => d.commit?.id)).toEqual(['abc1234']);
    expectNoSecret(run, secretsOf(render.apiKey));
  });

  it('exits 1 on a failed build, rolling back to the deploy it replaced', async () => {
    render.addService('srv-bundle2');
    render.seed('srv-bundle2', [{ status: 'deactivated' }]);
    render.script('srv-bundle2', { statuses: ['created', 'build_in_progress', 'build_failed'] });
    const run = await runShipkit(
      [...deployArgs('srv-bundle2'), '--wait', '--rollback-on-failure', '--json'],
      {
        env: { RENDER_API_KEY: render.apiKey },
      },
    );
    expectExit(run, 1);
    expect(stdoutJson(run)).toMatchObject({ status: 'build_failed', rolledBack: true });
    expect(render.deploys('srv-bundle2').at(-1)?.trigger).toBe('rollback');
    expectNoSecret(run, secretsOf(render.apiKey));
  });

  it('triggers through a deploy hook without printing its key', async () => {
    render.addService('srv-bundle3');
    const hook = render.hookUrl('srv-bundle3');
    const run = await runShipkit(['deploy', '--poll-interval', '20ms'], {
      env: { RENDER_DEPLOY_HOOK_URL: hook },
    });
    expectExit(run, 0);
    expect(render.deploys('srv-bundle3')).toHaveLength(1);
    expectNoSecret(run, secretsOf(hook));
  });

  it('explains a rejected API key with exit code 2 and does not print it', async () => {
    render.addService('srv-bundle4');
    const wrong = 'rnd_wrongKeyFromTheBundle00';
    const run = await runShipkit(deployArgs('srv-bundle4'), { env: { RENDER_API_KEY: wrong } });
    expectExit(run, 2);
    expect(run.stderr).toMatch(/RENDER_API_KEY/);
    expect(render.deploys('srv-bundle4')).toEqual([]);
    expectNoSecret(run, secretsOf(wrong));
  });
});

describe('shipkit policy, from the bundle', () => {
  it('passes an allowed pair (0) and fails a refused one (1)', async () => {
    const pass = await runShipkit(['policy', 'check', '--from', 'feature/login', '--to', 'development']);
    expectExit(pass, 0);
    const fail = await runShipkit(['policy', 'check', '--from', 'feature/login', '--to', 'main', '--json']);
    expectExit(fail, 1);
    expect(stdoutJson(fail)).toMatchObject({ verdict: 'fail' });
  });

  it("reads the working directory's policy file, and names a broken one with exit code 2", async () => {
    await mkdir(join(dir.path, '.github'), { recursive: true });
    await writeFile(
      join(dir.path, '.github', 'branch-policy.yml'),
      'protected:\n  allowed-actors: [release-bot]\n',
    );
    const explain = await runShipkit(['policy', 'explain', '--json'], { cwd: dir.path });
    expectExit(explain, 0);
    expect(stdoutJson(explain)).toMatchObject({
      source: '.github/branch-policy.yml',
      policy: { protected: { allowedActors: ['release-bot'] } },
    });
    await writeFile(join(dir.path, 'broken.yml'), 'naming:\n  lowercase: yes\n');
    const broken = await runShipkit(['policy', 'explain', '--config', 'broken.yml'], { cwd: dir.path });
    expectExit(broken, 2);
    expect(broken.stderr).toContain('broken.yml:2:14: naming.lowercase');
  });
});

describe('shipkit env-check, from the bundle', () => {
  it('accepts the .env.example template and names every problem of a settings file, printing no value', async () => {
    await writeFile(join(dir.path, '.env.example'), renderEnvExample());
    const template = await runShipkit(['env-check', '--file', '.env.example', '--template'], {
      cwd: dir.path,
    });
    expectExit(template, 0);

    const identity = await generateIdentity();
    const values = {
      MONGODB_URI: 'mongodb://shop_app:p@ss-Bundle-Secret@db1.initech.com:27017/shop',
      MONGODB_DB: 'shop_initech',
      BACKUP_DESTINATION: 's3://initech-backups/shop',
      AWS_REGION: 'eu-central-1',
      AWS_ACCESS_KEY_ID: 'AKIAQWERTYUIOPASDFGH',
      AWS_SECRET_ACCESS_KEY: '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',
      AGE_RECIPIENTS: await identityToRecipient(identity),
      AGE_IDENTITY: identity,
      RENDER_SERVICE_ID: 'srv-qwertyuiop123456',
      RENDER_API_KEY: 'rnd_QwertyUiopAsdfGhjkl123',
      OPENAI_API_KEY: 'pk-live-Bundle-Secret-Value',
    };
    await writeFile(
      join(dir.path, 'broken.env'),
      Object.entries(values)
        .map(([name, value]) => `${name}='${value}'`)
        .join('\n'),
    );
    const run = await runShipkit(['env-check', '--file', 'broken.env', '--json'], { cwd: dir.path });
    expectExit(run, 1);
    const report = stdoutJson<{ ok: boolean; problems: { variable: string }[] }>(run);
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => p.variable).sort()).toEqual(['MONGODB_URI', 'OPENAI_API_KEY']);
    expectNoSecret(run, [
      'p@ss-Bundle-Secret',
      'pk-live-Bundle-Secret-Value',
      values.AWS_SECRET_ACCESS_KEY,
      values.RENDER_API_KEY,
      identity,
    ]);
  });
});
