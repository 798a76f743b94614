// The reusable workflows around the backups — verification, restore drill, watchdog, deploy gate,
// disaster recovery — and the caller templates of some, run job by job through test/workflow-runner
// against the real test servers, the verify-restore and render-deploy bundles (the latter against the
// Render API fake) and the shipkit CLI. The backups they work on are written by `shipkit backup`;
// github-script steps (GitHub issues, keep-alive) and artifact uploads are stubs that record what they
// were given.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { DrillRecord } from '@shipkit/verify';
import { MongoClient } from 'mongodb';
import { renderTemplate } from '../../workflows-templates/index';
import { FakeRenderApi } from '../fakes/render-api';
import { testEnv, uniqueName } from '../support/env';
import { runWorkflow, type StubContext, type WorkflowResult } from '../workflow-runner/index';
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

/** A workflow template as a client's repository holds it (the suite named acme/mongo-shipkit), in `dir`. */
async function clientCopy(dir: string, template: string): Promise<string> {
  const text = await readFile(join(repoRoot, 'workflows-templates', template), 'utf8');
  const path = join(dir, template);
  await writeFile(path, renderTemplate(text, 'acme/mongo-shipkit'));
  return path;
}

/** `shipkit backup` of one database into `destination`, through the committed CLI bundle. */
function backUp(database: string, destination: string): void {
  const env = testEnv();
  const run = spawnSync(
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
        AWS_ACCESS_KEY_ID: env.s3.accessKeyId,
        AWS_SECRET_ACCESS_KEY: env.s3.secretAccessKey,
      },
    },
  );
  expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: expect.any(String) });
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
  const keepAlive: StubContext[] = [];
  const uploads: StubContext[] = [];
  const stubs = {
    'actions/github-script': async (context: StubContext) => {
      if (context.env.ISSUE_TITLE !== undefined) reports.push(context);
      else keepAlive.push(context);
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

  const deploy = (extra: Record<string, string | boolean> = {}, ref = 'refs/heads/main') =>
    runWorkflow({
      workflow: '.github/workflows/render-deploy.yml',
      github: { ref, event_name: 'push' },
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
    keepAlive.length = 0;
    const stale = await watchdog();
    expect(results(stale)).toEqual({ check: 'failure', 'keep-alive': 'success', report: 'success' });
    // Every run re-enables the scheduled workflows, its own included (the caller's workflow ref names it).
    expect(keepAlive.map((k) => k.env)).toEqual([
      { WORKFLOWS: 'nightly-backup.yml restore-drill.yml', CALLER_WORKFLOW_REF: '' },
    ]);
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
      ref: 'success',
      backup: 'skipped',
      verify: 'skipped',
      'atlas-snapshot': 'skipped',
      freshness: 'failure',
      deploy: 'skipped',
    });
    expect(render.requests.filter((r) => r.method === 'POST')).toEqual([]);
  }, 120_000);

  test('a deploy from another ref than main is refused before anything starts, by the workflow and by the template', async () => {
    const refused = await deploy({}, 'refs/heads/feature/faster-checkout');
    expect(results(refused)).toEqual({
      ref: 'failure',
      backup: 'skipped',
      verify: 'skipped',
      'atlas-snapshot': 'skipped',
      freshness: 'skipped',
      deploy: 'skipped',
    });
    expect(refused.jobs.ref?.steps[0]?.stdout).toContain(
      '::error::Refusing to deploy refs/heads/feature/faster-checkout: only refs/heads/main deploys (input allowed-ref).',
    );
    expect(render.requests.filter((r) => r.method === 'POST')).toEqual([]);

    // The client's deploy.yml, started by hand (workflow_dispatch) from a feature branch: its job is skipped.
    const dir = await mkdtemp(join(tmpdir(), 'client-'));
    try {
      const template = await clientCopy(dir, 'deploy.yml');
      const vars = { RENDER_SERVICE_ID: SERVICE, BACKUP_DESTINATION: destination, AWS_REGION: env.s3.region };
      const fromFeature = await runWorkflow({
        workflow: template,
        github: { ref: 'refs/heads/feature/faster-checkout', event_name: 'workflow_dispatch' },
        vars,
        secrets: keys,
      });
      expect(results(fromFeature)).toEqual({ deploy: 'skipped' });
      // From main the same file calls the deploy workflow (whose freshness gate refuses: no backup yet).
      const fromMain = await runWorkflow({
        workflow: template,
        github: { ref: 'refs/heads/main', event_name: 'workflow_dispatch' },
        vars: { ...vars, S3_ENDPOINT: env.s3.endpoint },
        secrets: keys,
      });
      expect(results(fromMain.jobs.deploy?.called as WorkflowResult)).toMatchObject({
        ref: 'success',
        freshness: 'failure',
        deploy: 'skipped',
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    expect(render.requests.filter((r) => r.method === 'POST')).toEqual([]);
  }, 120_000);

  test('verify-restore.yml verifies the newest backup; then the watchdog is content and the deploy goes live', async () => {
    backUp(database, destination);
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
      expect.objectContaining({ name: 'verification-report', path: reportPath }),
    ]);

    reports.length = 0;
    const fresh = await watchdog();
    expect({ results: results(fresh), failures: failures(fresh) }).toEqual({
      results: { check: 'success', 'keep-alive': 'success', report: 'success' },
      failures: '',
    });
    expect(fresh.outputs.fresh).toBe('true');
    expect(reports.map((r) => r.env.RESULT)).toEqual(['success']);

    const deployed = await deploy({ commit: '0123456789abcdef0123456789abcdef01234567' });
    expect({ results: results(deployed), failures: failures(deployed) }).toEqual({
      results: {
        ref: 'success',
        backup: 'skipped',
        verify: 'skipped',
        'atlas-snapshot': 'skipped',
        freshness: 'success',
        deploy: 'success',
      },
      failures: '',
    });
    expect(deployed.outputs).toMatchObject({ status: 'live', 'rolled-back': 'false' });
    const created = render.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/deploys'));
    expect(created).toHaveLength(1);
    expect(created[0]?.body).toMatchObject({ commitId: '0123456789abcdef0123456789abcdef01234567' });
  }, 300_000);

  test('a service with Auto-Deploy on is refused before deploying, and deployed with allow-auto-deploy', async () => {
    const auto = `${SERVICE}auto`;
    render.addService(auto, { autoDeployTrigger: 'commit' });
    render.seed(auto, [{ status: 'live' }]);
    const refused = await deploy({ 'service-id': auto });
    expect(results(refused)).toMatchObject({ freshness: 'success', deploy: 'failure' });
    const step = refused.jobs.deploy?.steps.find((s) => s.id === 'deploy');
    expect(step?.stdout).toContain(`::error::Render service ${auto} has Auto-Deploy on (commit)`);
    expect(step?.with['allow-auto-deploy']).toBe('false');
    expect(render.requestsTo('POST', new RegExp(auto))).toEqual([]);

    const allowed = await deploy({ 'service-id': auto, 'allow-auto-deploy': true });
    expect({ results: results(allowed), failures: failures(allowed) }).toEqual({
      results: {
        ref: 'success',
        backup: 'skipped',
        verify: 'skipped',
        'atlas-snapshot': 'skipped',
        freshness: 'success',
        deploy: 'success',
      },
      failures: '',
    });
    expect(allowed.jobs.deploy?.steps.find((s) => s.id === 'deploy')?.stdout).toContain(
      '::warning::Render service',
    );
    expect(render.requestsTo('POST', new RegExp(`${auto}/deploys$`))).toHaveLength(1);
  }, 180_000);

  test('disaster recovery: no confirmation stops before the restore job, a wrong one writes nothing, the right one restores', async () => {
    expect(backupId).not.toBe('');
    const restore = (confirm: string, secrets: Record<string, string> = {}) =>
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
        // The repository's MONGODB_URI is the read-only backup user's: the restore must not use it.
        secrets: {
          ...keys,
          MONGODB_URI: 'mongodb://backup-user:read-only@127.0.0.1:1/',
          RESTORE_MONGODB_URI: env.mongodbUri,
          ...secrets,
        },
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

    // Without the write-capable secret the restore job stops, naming it, before the restore step.
    const noWriter = await restore(`${database}_restored`, { RESTORE_MONGODB_URI: '' });
    expect(results(noWriter)).toEqual({ confirm: 'success', restore: 'failure' });
    expect(noWriter.jobs.restore?.steps.find((s) => s.id === 'limit')?.stdout).toContain(
      "::error::RESTORE_MONGODB_URI is empty: give the 'production-restore' environment a RESTORE_MONGODB_URI secret",
    );
    expect(noWriter.jobs.restore?.steps.find((s) => s.id === 'restore')?.outcome).toBe('skipped');

    const restored = await restore(`${database}_restored`);
    expect({ results: results(restored), failures: failures(restored) }).toEqual({
      results: { confirm: 'success', restore: 'success' },
      failures: '',
    });
    expect(restored.jobs.restore?.steps.find((s) => s.id === 'restore')?.with['target-mongodb-uri']).toBe(
      env.mongodbUri,
    );
    expect(restored.outputs).toMatchObject({ verified: 'true', 'backup-id': backupId, documents: '500' });
    expect(await mongo.db(`${database}_restored`).collection('orders').countDocuments()).toBe(500);
  }, 300_000);
});

describe('the weekly restore drill, from its template', () => {
  const env = testEnv();
  const database = uniqueName('wf_drill');
  const destination = `s3://${env.s3.bucket}/${uniqueName('drill')}`;
  const keys = { AWS_ACCESS_KEY_ID: env.s3.accessKeyId, AWS_SECRET_ACCESS_KEY: env.s3.secretAccessKey };
  const vars = { BACKUP_DESTINATION: destination, AWS_REGION: env.s3.region, S3_ENDPOINT: env.s3.endpoint };
  const mongo = new MongoClient(env.mongodbUri);
  const reports: StubContext[] = [];
  /** Each uploaded drill record, read when it was uploaded (the job's workspace goes afterwards). */
  const records: { name: string; record: DrillRecord }[] = [];
  const stubs = {
    'actions/github-script': async (context: StubContext) => {
      reports.push(context);
      return {};
    },
    'actions/upload-artifact': async (context: StubContext) => {
      const record = JSON.parse(readFileSync(context.with.path ?? '', 'utf8')) as DrillRecord;
      records.push({ name: context.with.name ?? '', record });
      return {};
    },
  };
  const backups: string[] = [];
  let dir: string;

  beforeAll(async () => {
    requireBundles(['verify-restore']);
    dir = await mkdtemp(join(tmpdir(), 'client-'));
    const orders = mongo.db(database).collection<{ n: number }>('orders');
    // Three nights: each backup holds 100 more orders than the one before.
    for (let night = 1; night <= 3; night++) {
      await orders.insertMany(Array.from({ length: 100 }, (_, i) => ({ n: night * 1000 + i })));
      backUp(database, destination);
      await new Promise((resolve) => setTimeout(resolve, 1100)); // backup ids have a one-second resolution
    }
    const listed = spawnSync(
      process.execPath,
      [join(repoRoot, 'bin', 'shipkit.js'), 'list', '--at', destination, '--json'],
      {
        encoding: 'utf8',
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          S3_ENDPOINT: env.s3.endpoint,
          AWS_REGION: env.s3.region,
          ...keys,
        },
      },
    );
    backups.push(...(JSON.parse(listed.stdout) as { backups: { id: string }[] }).backups.map((b) => b.id));
  }, 180_000);

  afterAll(async () => {
    await mongo.db(database).dropDatabase();
    await mongo.close();
    await rm(dir, { recursive: true, force: true });
  });

  test('backup → drill of the newest and an older backup → a table and a record with RTO and RPO', async () => {
    expect(backups).toHaveLength(3);
    const [newest, ...older] = backups;
    const template = await clientCopy(dir, 'restore-drill.yml');
    reports.length = 0;
    records.length = 0;
    const run = await runWorkflow({
      workflow: template,
      github: { event_name: 'schedule' },
      vars,
      // The drill server: the test server (fresh database names, dropped afterwards).
      secrets: { ...keys, DRILL_MONGODB_URI: env.mongodbUri },
      stubs,
    });
    const called = run.jobs.drill?.called as WorkflowResult;
    expect({ results: results(called), failures: failures(run) }).toEqual({
      results: { drill: 'success', report: 'success' },
      failures: '',
    });
    expect(run.jobs.drill?.result).toBe('success');

    expect(records).toHaveLength(1);
    const [{ name, record } = { name: '', record: {} as DrillRecord }] = records;
    expect(name).toBe('restore-drill-record-1');
    expect(record).toMatchObject({
      format: 'mongo-shipkit-restore-drill/1',
      passed: true,
      targets: { rtoSeconds: 7200, rpoSeconds: 93_600 },
      rpo: { backupId: newest, met: true },
      rto: { met: true },
      missed: [],
    });
    expect(record.rpo.ageSeconds).toBeLessThan(600);
    expect(record.restores.map((r) => [r.role, r.verified, r.withinRto])).toEqual([
      ['newest', true, true],
      ['older', true, true],
    ]);
    expect(record.restores[0]).toMatchObject({ backupId: newest, documents: 300 });
    // An older backup, one the nightly check would not have just verified.
    expect(older).toContain(record.restores[1]?.backupId);
    expect([100, 200]).toContain(record.restores[1]?.documents);
    for (const restore of record.restores) expect(restore.restoreSeconds).toBeGreaterThan(0);
    expect(record.source).not.toContain(env.s3.secretAccessKey);

    const step = called.jobs.drill?.steps.find((s) => s.id === 'drill');
    expect(step?.summary).toContain('### ✅ Restore drill met its targets');
    expect(step?.summary).toContain('| RTO (restore time) | ≤ 2h00m |');
    expect(step?.summary).toContain("| RPO (newest backup's age) | ≤ 26h00m |");
    expect(run.outputs).toEqual({});
    expect(called.outputs).toMatchObject({
      passed: 'true',
      backups: `${newest} ${record.restores[1]?.backupId}`,
    });
    expect(
      reports.map((r) => ({ RESULT: r.env.RESULT, PASSED: r.env.PASSED, MISSED: r.env.MISSED })),
    ).toEqual([{ RESULT: 'success', PASSED: 'true', MISSED: '[]' }]);
    const password = decodeURIComponent(new URL(env.mongodbUri).password);
    for (const text of [
      JSON.stringify(record),
      ...run.steps.map((s) => `${s.stdout}${s.stderr}${s.summary}`),
    ]) {
      expect(text).not.toContain(env.s3.secretAccessKey);
      if (password.length >= 6) expect(text).not.toContain(password);
    }
  }, 300_000);

  test('a missed target fails the drill, and the report names it for the issue', async () => {
    const oldest = backups.at(-1) as string;
    reports.length = 0;
    records.length = 0;
    const run = await runWorkflow({
      workflow: '.github/workflows/restore-drill.yml',
      inputs: {
        source: destination,
        rpo: '1s', // the newest backup is seconds old: missed
        'older-backup': oldest,
        's3-endpoint': env.s3.endpoint,
        's3-region': env.s3.region,
      },
      secrets: { ...keys, DRILL_MONGODB_URI: env.mongodbUri },
      stubs,
    });
    expect(results(run)).toEqual({ drill: 'failure', report: 'success' });
    const [{ record } = { record: {} as DrillRecord }] = records;
    expect(record.passed).toBe(false);
    expect(record.rpo.met).toBe(false);
    expect(record.rto.met).toBe(true);
    expect(record.restores.map((r) => r.backupId)).toEqual([backups[0], oldest]);
    expect(record.missed).toEqual([
      expect.stringMatching(/^RPO missed: the newest backup .* old, over the 1\.0s target\.$/),
    ]);
    expect(run.jobs.drill?.steps.find((s) => s.id === 'drill')?.summary).toContain(
      '### ❌ Restore drill missed its targets',
    );
    expect(reports).toHaveLength(1);
    expect(reports[0]?.env).toMatchObject({ RESULT: 'failure', PASSED: 'false' });
    expect(JSON.parse(reports[0]?.env.MISSED ?? '[]')).toEqual(record.missed);
  }, 300_000);
});
