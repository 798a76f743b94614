// The reusable backup workflow (.github/workflows/mongo-backup.yml), job by job and step by step through
// test/workflow-runner, against the real test servers: the backup and verify-restore bundles through
// the runner protocol, the retention job through the shipkit CLI, the credentials step through bash, and
// outputs passed between steps and jobs as the runner passes them. Only the report job's github-script
// (which would talk to GitHub) is a stub that records what it was given.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { MongoClient } from 'mongodb';
import { testEnv, uniqueName } from '../support/env';
import { runWorkflow, type StubContext, type WorkflowResult } from '../workflow-runner/index';
import { repoRoot } from './support';

const BUNDLES = ['mongo-backup', 'verify-restore'];
/** The checkout whose workflow, bundles and CLI run. */
const root = repoRoot;

function requireBundles(): void {
  const missing = BUNDLES.filter((id) => !existsSync(join(root, 'actions', id, 'dist', 'index.js')));
  if (missing.length > 0) {
    throw new Error(
      `mongo-backup.yml runs the ${missing.join(' and ')} bundle(s), which are not built: ` +
        `${missing.map((id) => `npm run build -w actions/${id}`).join(' && ')}`,
    );
  }
}

describe('mongo-backup.yml, run job by job', () => {
  const env = testEnv();
  const database = uniqueName('wf_backup');
  const prefix = uniqueName('workflow');
  const destination = `s3://${env.s3.bucket}/${prefix}`;
  const s3 = new S3Client(env.s3.clientConfig);
  const mongo = new MongoClient(env.mongodbUri);
  let identity: string;
  let recipient: string;

  beforeAll(async () => {
    identity = await generateX25519Identity();
    recipient = await identityToRecipient(identity);
    const db = mongo.db(database);
    await db
      .collection<{ _id: number; total: number; sku: string }>('orders')
      .insertMany(Array.from({ length: 2000 }, (_, i) => ({ _id: i, total: i * 3, sku: `sku-${i % 17}` })));
    await db.collection('orders').createIndex({ sku: 1, total: -1 });
    await db
      .collection('customers')
      .insertMany(Array.from({ length: 150 }, (_, i) => ({ name: `customer ${i}` })));
  });

  afterAll(async () => {
    await mongo.db(database).dropDatabase();
    await mongo.close();
    s3.destroy();
  });

  async function backupsInStorage(): Promise<string[]> {
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: env.s3.bucket, Prefix: `${prefix}/` }));
    const ids = (listed.Contents ?? [])
      .map((object) => object.Key?.slice(prefix.length + 1).split('/')[0] ?? '')
      .filter((id) => id && !id.startsWith('.'));
    return [...new Set(ids)].sort();
  }

  async function run(
    mongodbUri: string,
    reports: StubContext[],
    extra: Record<string, string | number> = {},
  ): Promise<WorkflowResult> {
    return runWorkflow({
      root,
      workflow: '.github/workflows/mongo-backup.yml',
      inputs: {
        destination,
        ...extra,
        include: database,
        'encrypt-recipients': recipient,
        retention: 'last=1',
        'mongo-version': '8.0',
        's3-endpoint': env.s3.endpoint,
        's3-region': env.s3.region,
        's3-force-path-style': 'true',
      },
      secrets: {
        MONGODB_URI: mongodbUri,
        AWS_ACCESS_KEY_ID: env.s3.accessKeyId,
        AWS_SECRET_ACCESS_KEY: env.s3.secretAccessKey,
        AGE_IDENTITY: identity,
      },
      // The verify job's throwaway `mongo` service: the test server (verify restores under fresh names).
      stepInputs: { 'verify.verify': { 'scratch-mongodb-uri': env.mongodbUri } },
      stubs: {
        'actions/github-script': async (context) => {
          reports.push(context);
          return {};
        },
      },
    });
  }

  /** No secret in what a log would show (`::add-mask::` lines are the runner protocol, never displayed). */
  function expectNoSecrets(result: WorkflowResult, secrets: string[]): void {
    for (const step of result.steps) {
      const shown = `${step.stdout}\n${step.stderr}`
        .split('\n')
        .filter((line) => !line.startsWith('::add-mask::'))
        .join('\n');
      for (const secret of secrets.filter((s) => s.length >= 6)) {
        const at = shown.indexOf(secret);
        expect({
          step: step.name,
          leaked: at === -1 ? '' : shown.slice(Math.max(0, at - 60), at + 10),
        }).toEqual({
          step: step.name,
          leaked: '',
        });
      }
    }
  }

  test('backs up, verifies by a real restore, then prunes; twice, keeping the last backup', async () => {
    requireBundles();
    const reports: StubContext[] = [];
    const first = await run(env.mongodbUri, reports);
    const results = Object.fromEntries(Object.entries(first.jobs).map(([id, job]) => [id, job.result]));
    const failures = first.steps
      .filter((s) => s.outcome === 'failure')
      .map((s) => `${s.job} / ${s.name}:\n${s.stdout}\n${s.stderr}`);
    expect({ results, failures }).toEqual({
      results: {
        backup: 'success',
        plan: 'skipped',
        part: 'skipped',
        finalize: 'skipped',
        verify: 'success',
        prune: 'success',
        report: 'success',
      },
      failures: [],
    });
    const backupId = first.outputs['backup-id'] ?? '';
    expect(backupId).toMatch(/^\d{4}-\d\d-\d\dT\d{6}Z-/);
    expect(first.outputs).toMatchObject({ verified: 'true', documents: '2150', collections: '2' });
    expect(first.outputs['manifest-url']).toBe(`${destination}/${backupId}/manifest.json`);
    // The verify job restored exactly the backup the backup job wrote.
    const verify = first.jobs.verify?.steps.find((s) => s.id === 'verify');
    expect(verify?.with).toMatchObject({ source: destination, backup: backupId, mode: 'full' });
    // The steps' limits come from the jobs' (120 minutes by default), 5 minutes earlier.
    expect(first.jobs.backup?.steps.find((s) => s.id === 'backup')?.with.timeout).toBe('115m');
    expect(verify?.with.timeout).toBe('115m');
    expect(verify?.outputs['backup-id']).toBe(backupId);
    // Static keys reached the actions through GITHUB_ENV, not through the job's environment.
    expect(first.jobs.backup?.steps.find((s) => s.name === 'AWS credentials (static keys)')?.outcome).toBe(
      'success',
    );
    expect(first.jobs.backup?.steps.find((s) => s.name === 'AWS credentials (OIDC role)')?.outcome).toBe(
      'skipped',
    );
    expect(reports.map((r) => r.env.RESULTS?.trim())).toEqual([
      'backup=success plan=skipped parts=skipped finalize=skipped verify=success retention=success',
    ]);
    expect(reports[0]?.env.ISSUE_TITLE).toBe('Nightly backup failed');
    expect(await backupsInStorage()).toEqual([backupId]);

    const second = await run(env.mongodbUri, reports);
    const secondId = second.outputs['backup-id'] ?? '';
    expect(second.jobs.prune?.result).toBe('success');
    expect(secondId > backupId).toBe(true);
    expect(await backupsInStorage()).toEqual([secondId]);

    const password = decodeURIComponent(new URL(env.mongodbUri).password);
    expectNoSecrets(first, [password, identity, env.s3.secretAccessKey]);
    expectNoSecrets(second, [password, identity, env.s3.secretAccessKey]);
  }, 300_000);

  test('a job limit too short to report in is refused before anything runs, naming the input', async () => {
    const before = await backupsInStorage();
    const result = await runWorkflow({
      root,
      workflow: '.github/workflows/mongo-backup.yml',
      inputs: { destination, include: database, 'backup-timeout-minutes': 5 },
      secrets: { MONGODB_URI: env.mongodbUri },
      stubs: { 'actions/github-script': async () => ({}) },
    });
    expect(result.jobs.backup?.result).toBe('failure');
    expect(result.jobs.backup?.steps.find((s) => s.id === 'limit')?.stdout).toContain(
      "::error::backup-timeout-minutes must be a whole number of minutes, at least 10; got '5'.",
    );
    expect(result.jobs.backup?.steps.find((s) => s.id === 'backup')?.outcome).toBe('skipped');
    expect(await backupsInStorage()).toEqual(before);
  }, 60_000);

  test('a failed backup fails the run, skips verification and retention, and reports it', async () => {
    requireBundles();
    const before = await backupsInStorage();
    const reports: StubContext[] = [];
    const broken =
      'mongodb://shipkit:not-the-password@127.0.0.1:1/?serverSelectionTimeoutMS=1500&connectTimeoutMS=1500';
    const result = await run(broken, reports);
    const results = Object.fromEntries(Object.entries(result.jobs).map(([id, job]) => [id, job.result]));
    expect(results).toEqual({
      backup: 'failure',
      plan: 'skipped',
      part: 'skipped',
      finalize: 'skipped',
      verify: 'skipped',
      prune: 'skipped',
      report: 'success',
    });
    expect(result.outputs.verified).toBe('');
    expect(reports.map((r) => r.env.RESULTS?.trim())).toEqual([
      'backup=failure plan=skipped parts=skipped finalize=skipped verify=skipped retention=skipped',
    ]);
    expect(reports[0]?.env.BACKUP_ID).toBe('');
    expect(await backupsInStorage()).toEqual(before);
    expectNoSecrets(result, ['not-the-password']);
  }, 120_000);

  test('with parts: plan → a matrix of part jobs → finalize → verify → prune', async () => {
    requireBundles();
    const reports: StubContext[] = [];
    const before = await backupsInStorage();
    const result = await run(env.mongodbUri, reports, { parts: 3, 'max-parallel': 2 });
    const results = Object.fromEntries(Object.entries(result.jobs).map(([id, job]) => [id, job.result]));
    const failures = result.steps
      .filter((s) => s.outcome === 'failure')
      .map((s) => `${s.job} / ${s.name}:\n${s.stdout}\n${s.stderr}`);
    expect({ results, failures }).toEqual({
      results: {
        backup: 'skipped',
        plan: 'success',
        part: 'success',
        finalize: 'success',
        verify: 'success',
        prune: 'success',
        report: 'success',
      },
      failures: [],
    });
    // One leg per part, never more than max-parallel at once; no part needed its second attempt.
    expect(result.jobs.part?.legs).toBe(3);
    expect(result.jobs.part?.peakParallel).toBe(2);
    expect(result.steps.filter((s) => s.name === 'Write the part' && s.outcome === 'success')).toHaveLength(
      3,
    );
    expect(
      result.steps.filter((s) => s.name === 'Write the part (second attempt)').map((s) => s.outcome),
    ).toEqual(['skipped', 'skipped', 'skipped']);
    const backupId = result.outputs['backup-id'] ?? '';
    expect(backupId).toMatch(/^\d{4}-\d\d-\d\dT\d{6}Z-/);
    // Plan, parts and finalize are steps of the mongo-backup action, each with its summary table.
    const steps = result.steps.filter((s) => s.kind === 'action' && s.with['parts-step']);
    expect(steps.map((s) => `${s.with['parts-step']} ${s.outcome}`).sort()).toEqual([
      'finalize success',
      'part success',
      'part success',
      'part success',
      'plan success',
    ]);
    const parts = steps.filter((s) => s.name === 'Write the part');
    expect(parts.map((s) => s.with.part).sort()).toEqual(['1', '2', '3']);
    for (const part of parts) {
      expect(part.with['backup-id']).toBe(backupId);
      expect(part.summary).toContain(`MongoDB backup in parts: part ${part.with.part} of 3`);
    }
    expect(result.jobs.plan?.outputs).toEqual({ 'backup-id': backupId, matrix: '[1,2,3]' });
    expect(steps.find((s) => s.with['parts-step'] === 'plan')?.summary).toContain(
      '| part | estimated data |',
    );
    expect(steps.find((s) => s.with['parts-step'] === 'finalize')?.summary).toContain(
      'MongoDB backup in parts: finalized',
    );
    expect(result.outputs).toMatchObject({ verified: 'true', documents: '2150', collections: '2' });
    expect(result.outputs['manifest-url']).toBe(`${destination}/${backupId}/manifest.json`);
    expect(result.jobs.verify?.steps.find((s) => s.id === 'verify')?.with.backup).toBe(backupId);
    // Retention (last=1) kept the new backup in parts and removed the older ones.
    expect(before.length).toBeGreaterThanOrEqual(0);
    expect(await backupsInStorage()).toEqual([backupId]);
    expect(reports.map((r) => r.env.RESULTS?.trim())).toEqual([
      'backup=skipped plan=success parts=success finalize=success verify=success retention=success',
    ]);
    const password = decodeURIComponent(new URL(env.mongodbUri).password);
    expectNoSecrets(result, [password, identity, env.s3.secretAccessKey]);
  }, 300_000);
});
