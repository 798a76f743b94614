// The reusable workflows around the backups — restore drill, watchdog, deploy gate, disaster recovery —
// run job by job through scripts/workflows-e2e.ts against the real test servers, the verify-restore and
// render-deploy bundles (the latter against the Render API fake) and the shipkit CLI. The backup they
// work on is written by `shipkit backup`; github-script steps (GitHub issues) are stubs that record
// what they were given.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { MongoClient } from 'mongodb';
import { runWorkflow, type StubContext, type WorkflowResult } from '../../scripts/workflows-e2e';
import { FakeRenderApi } from '../fakes/render-api';
import { testEnv, uniqueName } from '../support/env';
import { repoRoot } from './support';

const SERVICE = 'srv-d0workflow0test00000';

function requireBundles(ids: string[]): void {
  const missing = ids.filter((id) => !existsSync(join(repoRoot, 'actions', id, 'dist', 'index.js')));
  if (missing.length > 0) {
    throw new Error(
      `These workflows run the ${missing.join(' and ')} bundle(s), which are not built: ` +
        `${missing.map((id) => `npm run build -w actions/${id}`).join(' && ')}`,
    );
  }
}

function results(run: WorkflowResult): Record<string, string> {
  return Object.fromEntries(Object.entries(run.jobs).map(([id, job]) => [id, job.result]));
}

function failures(run: WorkflowResult): string {
  return run.steps
    .filter((step) => step.outcome === 'failure')
    .map((step) => `${step.job} / ${step.name}:\n${step.stdout}\n${step.stderr}`)
    .join('\n');
}

describe('restore drill, watchdog, deploy gate and restore workflows', () => {
  const env = testEnv();
  const database = uniqueName('wf_ops');
  const destination = `s3://${env.s3.bucket}/${uniqueName('ops')}`;
  const storage = {
    's3-endpoint': env.s3.endpoint,
    's3-region': env.s3.region,
    's3-force-path-style': 'true',
  };
  const keys = { AWS_ACCESS_KEY_ID: env.s3.accessKeyId, AWS_SECRET_ACCESS_KEY: env.s3.secretAccessKey };
  const mongo = new MongoClient(env.mongodbUri);
  const reports: StubContext[] = [];
  const uploads: StubContext[] = [];
  const stubs = {
    'actions/github-script': async (context: StubContext) => {
      reports.push(context);
      return {};
    },
    'actions/upload-artifact': async (context: StubContext) => {
      uploads.push(context);
      return {};
    },
  };
  let render: FakeRenderApi;
  let backupId = '';

  beforeAll(async () => {
    requireBundles(['verify-restore', 'render-deploy']);
    await mongo
      .db(database)
      .collection('orders')
      .insertMany(Array.from({ length: 500 }, (_, i) => ({ n: i })));
    render = await FakeRenderApi.start();
    render.addService(SERVICE);
    render.seed(SERVICE, [{ status: 'live' }]);
  });

  afterAll(async () => {
    for (const name of [database, `${database}_restored`]) await mongo.db(name).dropDatabase();
    await mongo.close();
    await render?.close();
  });

  const deploy = (extra: Record<string, string | boolean> = {}) =>
    runWorkflow({
      workflow: '.github/workflows/render-deploy.yml',
      inputs: {
        'service-id': SERVICE,
        'backup-source': destination,
        'health-check-url': render.healthUrl(SERVICE),
        ...storage,
        ...extra,
      },
      secrets: { ...keys, RENDER_API_KEY: render.apiKey },
      // The action's API base URL is not a workflow input: production talks to api.render.com.
      stepInputs: { 'deploy.deploy': { 'api-base-url': render.baseUrl, 'poll-interval': '1s' } },
    });

  const watchdog = () =>
    runWorkflow({
      workflow: '.github/workflows/backup-watchdog.yml',
      inputs: { source: destination, 'max-age': '2h', ...storage },
      secrets: keys,
      stubs,
    });

  test('before any backup: the watchdog reports stale backups and the deploy gate refuses', async () => {
    reports.length = 0;
    const stale = await watchdog();
    expect(results(stale)).toEqual({ check: 'failure', report: 'success' });
    expect(stale.outputs.fresh).toBe('false');
    expect(reports).toHaveLength(1);
    expect(reports[0]?.env).toMatchObject({
      RESULT: 'failure',
      ISSUE_TITLE: 'Backups are stale',
      MAX_AGE: '2h',
    });
    expect(reports[0]?.env.REPORT).toMatch(/STALE/);

    const refused = await deploy();
    expect(results(refused)).toEqual({
      backup: 'skipped',
      verify: 'skipped',
      freshness: 'failure',
      deploy: 'skipped',
    });
    expect(render.requests.filter((r) => r.method === 'POST')).toEqual([]);
  }, 120_000);

  test('the restore drill verifies the newest backup; then the watchdog is content and the deploy goes live', async () => {
    const backup = spawnSync(
      process.execPath,
      [join(repoRoot, 'bin', 'shipkit.js'), 'backup', '--to', destination, '--include', database, '--json'],
      {
        encoding: 'utf8',
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          MONGODB_URI: env.mongodbUri,
          S3_ENDPOINT: env.s3.endpoint,
          AWS_REGION: env.s3.region,
          ...keys,
        },
      },
    );
    expect({ status: backup.status, stderr: backup.stderr }).toEqual({
      status: 0,
      stderr: expect.any(String),
    });
    reports.length = 0;
    const drill = await runWorkflow({
      workflow: '.github/workflows/verify-restore.yml',
      inputs: { source: destination, ...storage },
      secrets: keys,
      stepInputs: { 'drill.verify': { 'scratch-mongodb-uri': env.mongodbUri } },
      stubs,
    });
    expect({ results: results(drill), failures: failures(drill) }).toEqual({
      results: { drill: 'success', report: 'success' },
      failures: '',
    });
    expect(drill.outputs).toMatchObject({ verified: 'true', documents: '500', namespaces: '1' });
    backupId = drill.outputs['backup-id'] ?? '';
    expect(backupId).not.toBe('');
    expect(reports.map((r) => r.env.RESULT)).toEqual(['success']);
    // The JSON report the action wrote is kept as an artifact.
    const reportPath = drill.jobs.drill?.steps.find((s) => s.id === 'verify')?.outputs['report-path'] ?? '';
    expect(reportPath).not.toBe('');
    expect(uploads.map((u) => u.with)).toEqual([
      expect.objectContaining({ name: 'restore-drill-report', path: reportPath }),
    ]);

    reports.length = 0;
    const fresh = await watchdog();
    expect({ results: results(fresh), failures: failures(fresh) }).toEqual({
      results: { check: 'success', report: 'success' },
      failures: '',
    });
    expect(fresh.outputs.fresh).toBe('true');
    expect(reports.map((r) => r.env.RESULT)).toEqual(['success']);

    const deployed = await deploy({ commit: '0123456789abcdef0123456789abcdef01234567' });
    expect({ results: results(deployed), failures: failures(deployed) }).toEqual({
      results: { backup: 'skipped', verify: 'skipped', freshness: 'success', deploy: 'success' },
      failures: '',
    });
    expect(deployed.outputs).toMatchObject({ status: 'live', 'rolled-back': 'false' });
    const created = render.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/deploys'));
    expect(created).toHaveLength(1);
    expect(created[0]?.body).toMatchObject({ commitId: '0123456789abcdef0123456789abcdef01234567' });
  }, 300_000);

  test('disaster recovery: no confirmation stops before the restore job, a wrong one writes nothing, the right one restores', async () => {
    expect(backupId).not.toBe('');
    const restore = (confirm: string) =>
      runWorkflow({
        workflow: '.github/workflows/restore.yml',
        inputs: {
          source: destination,
          backup: backupId,
          confirm,
          'ns-from': `${database}.*`,
          'ns-to': `${database}_restored.*`,
          ...storage,
        },
        secrets: { ...keys, MONGODB_URI: env.mongodbUri },
        stubs,
      });
    const refused = await restore(' ');
    expect(results(refused)).toEqual({ confirm: 'failure', restore: 'skipped' });
    expect(refused.steps[0]?.stdout).toContain("Type the database(s) this restore writes into 'confirm'");

    // The action compares the confirmation with the databases its plan writes, and writes nothing.
    const wrong = await restore(database);
    expect(results(wrong)).toEqual({ confirm: 'success', restore: 'failure' });
    expect(wrong.jobs.restore?.steps.find((s) => s.id === 'restore')?.outcome).toBe('failure');
    expect(await mongo.db(`${database}_restored`).collection('orders').countDocuments()).toBe(0);

    const restored = await restore(`${database}_restored`);
    expect({ results: results(restored), failures: failures(restored) }).toEqual({
      results: { confirm: 'success', restore: 'success' },
      failures: '',
    });
    expect(restored.outputs).toMatchObject({ verified: 'true', 'backup-id': backupId, documents: '500' });
    expect(await mongo.db(`${database}_restored`).collection('orders').countDocuments()).toBe(500);
  }, 300_000);
});
