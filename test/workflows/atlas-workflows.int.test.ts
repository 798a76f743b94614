// The Atlas side of the workflows, run job by job through test/workflow-runner: the deploy workflow
// taking an Atlas on-demand snapshot before deploying and gating on it, against the Atlas API fake (the
// atlas-backup bundle and the shipkit CLI bundle) and the Render API fake; and the weekly policy check as
// a client's copy of its template runs it. github-script steps (the drift issue) are stubs that record
// what they were given.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { renderTemplate } from '../../workflows-templates/index';
import { FakeAtlasApi, type FakeTier } from '../fakes/atlas-api';
import { FakeRenderApi } from '../fakes/render-api';
import { runWorkflow, type StubContext, type WorkflowResult } from '../workflow-runner/index';
import { repoRoot } from './support';

const SERVICE = 'srv-d0atlasworkflow0000';
let atlas: FakeAtlasApi;
let render: FakeRenderApi;
let dir: string;
let counter = 0;

beforeAll(async () => {
  const missing = ['atlas-backup', 'render-deploy'].filter(
    (id) => !existsSync(join(repoRoot, 'actions', id, 'dist', 'index.js')),
  );
  if (missing.length > 0) {
    throw new Error(
      `Build the bundles these workflows run: ${missing.map((id) => `npm run build -w actions/${id}`).join(' && ')}`,
    );
  }
  [atlas, render] = await Promise.all([FakeAtlasApi.start(), FakeRenderApi.start()]);
  render.addService(SERVICE);
  render.seed(SERVICE, [{ status: 'live' }]);
  dir = await mkdtemp(join(tmpdir(), 'client-'));
});

afterAll(async () => {
  await Promise.all([atlas?.close(), render?.close()]);
  await rm(dir, { recursive: true, force: true });
});

function newCluster(tier: FakeTier = 'M10') {
  counter += 1;
  const projectId = atlas.newProject();
  return { projectId, cluster: atlas.addCluster(projectId, `wf-${counter}`, { tier }) };
}

const results = (run: WorkflowResult) =>
  Object.fromEntries(Object.entries(run.jobs).map(([id, job]) => [id, job.result]));

function failures(run: WorkflowResult): string {
  return run.steps
    .filter((step) => step.outcome === 'failure')
    .map((step) => `${step.job} / ${step.name}:\n${step.stdout}\n${step.stderr}`)
    .join('\n');
}

/** The environment every process of the run gets: Atlas is the fake, not cloud.mongodb.com. */
const baseEnv = () => ({
  PATH: process.env.PATH ?? '',
  HOME: process.env.HOME ?? '',
  TMPDIR: process.env.TMPDIR ?? tmpdir(),
  ATLAS_BASE_URL: atlas.baseUrl,
});

const atlasSecrets = () => ({
  ATLAS_CLIENT_ID: atlas.serviceAccount.clientId,
  ATLAS_CLIENT_SECRET: atlas.serviceAccount.clientSecret,
});

function deploy(inputs: Record<string, string | boolean>) {
  return runWorkflow({
    workflow: '.github/workflows/render-deploy.yml',
    github: { ref: 'refs/heads/main', event_name: 'push', repository: 'acme/shop', run_id: '77' },
    inputs: { 'service-id': SERVICE, ...inputs },
    secrets: { RENDER_API_KEY: render.apiKey, ...atlasSecrets() },
    baseEnv: baseEnv(),
    stepInputs: {
      // The API base URLs are not workflow inputs: production talks to Render and Atlas themselves.
      'deploy.deploy': { 'api-base-url': render.baseUrl, 'poll-interval': '1s' },
      'atlas-snapshot.snapshot': { 'base-url': atlas.baseUrl, 'poll-interval': '50ms' },
    },
  });
}

/** What a person could see: every step's output (less the `::add-mask::` lines the runner consumes) and summary. */
function noSecrets(run: WorkflowResult): void {
  const shown = (stdout: string) =>
    stdout
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n');
  const text = run.steps.map((s) => `${shown(s.stdout)}${s.stderr}${s.summary}`).join('\n');
  for (const secret of [atlas.serviceAccount.clientSecret, ...atlas.issuedTokens]) {
    if (text.includes(secret)) throw new Error(`a step printed a secret (${secret.length} chars)`);
  }
}

describe('render-deploy.yml with an Atlas snapshot before deploying', () => {
  test('takes one on-demand snapshot, waits until it is completed, the gate accepts it, and the deploy goes live', async () => {
    const { projectId, cluster } = newCluster();
    const run = await deploy({
      'pre-deploy-backup': 'atlas-snapshot',
      'atlas-project-id': projectId,
      'atlas-cluster': cluster.name,
      'accept-atlas-snapshot': true,
      commit: '0123456789abcdef0123456789abcdef01234567',
    });
    expect({ results: results(run), failures: failures(run) }).toEqual({
      results: {
        ref: 'success',
        backup: 'skipped',
        verify: 'skipped',
        'atlas-snapshot': 'success',
        freshness: 'success',
        deploy: 'success',
      },
      failures: '',
    });
    expect(cluster.snapshots).toHaveLength(1);
    const [snapshot] = cluster.snapshots;
    expect(snapshot).toMatchObject({ status: 'completed', retentionInDays: 7 });
    expect(snapshot?.description).toBe(
      'Before deploying 0123456789abcdef0123456789abcdef01234567 (acme/shop run 77)',
    );
    expect(run.outputs).toMatchObject({ 'atlas-snapshot-id': snapshot?.id, status: 'live' });
    const gate = run.jobs.freshness?.steps.at(-1);
    expect(gate?.stdout).toContain(`fresh: The newest completed snapshot of cluster '${cluster.name}' (M10)`);
    expect(run.jobs['atlas-snapshot']?.steps.find((s) => s.id === 'snapshot')?.summary).toContain(
      '### ✅ Atlas on-demand snapshot completed',
    );
    noSecrets(run);
  }, 180_000);

  test('on M0 the snapshot job fails saying why, and nothing is deployed', async () => {
    const { projectId, cluster } = newCluster('M0');
    const before = render.requests.filter((r) => r.method === 'POST').length;
    const run = await deploy({
      'pre-deploy-backup': 'atlas-snapshot',
      'atlas-project-id': projectId,
      'atlas-cluster': cluster.name,
      'accept-atlas-snapshot': true,
    });
    expect(results(run)).toMatchObject({
      'atlas-snapshot': 'failure',
      freshness: 'skipped',
      deploy: 'skipped',
    });
    const step = run.jobs['atlas-snapshot']?.steps.find((s) => s.id === 'snapshot');
    expect(step?.stdout).toMatch(
      /::error::Cannot take an on-demand snapshot: .* is an M0 \(free\) cluster\. M0 has no Cloud Backup at all/,
    );
    expect(render.requests.filter((r) => r.method === 'POST')).toHaveLength(before);
  }, 180_000);

  test('the gate refuses when the newest Atlas snapshot is too old and there is no verified backup', async () => {
    const { projectId, cluster } = newCluster();
    atlas.seedSnapshot(cluster, { ageMs: 40 * 3_600_000 });
    const run = await deploy({
      'atlas-project-id': projectId,
      'atlas-cluster': cluster.name,
      'accept-atlas-snapshot': true,
    });
    expect(results(run)).toMatchObject({
      'atlas-snapshot': 'skipped',
      freshness: 'failure',
      deploy: 'skipped',
    });
    expect(run.jobs.freshness?.steps.at(-1)?.stdout).toContain(
      '::error::No verified backup and no completed Atlas snapshot younger than 26h: not deploying.',
    );
  }, 180_000);

  test('refuses an unknown pre-deploy-backup, or atlas-snapshot without a cluster, before anything starts', async () => {
    const unknown = await deploy({ 'pre-deploy-backup': 'yes' });
    expect(results(unknown)).toMatchObject({
      ref: 'failure',
      'atlas-snapshot': 'skipped',
      deploy: 'skipped',
    });
    expect(unknown.jobs.ref?.steps.at(-1)?.stdout).toContain(
      "::error::pre-deploy-backup must be logical, atlas-snapshot or none; got 'yes'.",
    );
    const noCluster = await deploy({ 'pre-deploy-backup': 'atlas-snapshot' });
    expect(results(noCluster)).toMatchObject({ ref: 'failure', deploy: 'skipped' });
    expect(noCluster.jobs.ref?.steps.at(-1)?.stdout).toContain('need atlas-project-id and atlas-cluster');
  }, 120_000);
});

describe('atlas-policy.yml, from its template', () => {
  const reports: StubContext[] = [];
  const stubs = {
    'actions/github-script': async (context: StubContext) => {
      reports.push(context);
      return {};
    },
  };

  async function clientCopy(): Promise<string> {
    const text = await readFile(join(repoRoot, 'workflows-templates', 'atlas-policy.yml'), 'utf8');
    const path = join(dir, 'atlas-policy.yml');
    await writeFile(path, renderTemplate(text, 'acme/mongo-shipkit'));
    return path;
  }

  const check = async (vars: Record<string, string>) =>
    runWorkflow({
      workflow: await clientCopy(),
      github: { ref: 'refs/heads/main', event_name: 'schedule' },
      vars,
      secrets: atlasSecrets(),
      baseEnv: baseEnv(),
      stepInputs: { 'check.policy': { 'base-url': atlas.baseUrl } },
      stubs,
    });

  test("passes on Atlas's default policy, reports drift with the differences, and is skipped without a project", async () => {
    const { projectId, cluster } = newCluster();
    reports.length = 0;
    const matching = await check({ ATLAS_PROJECT_ID: projectId, ATLAS_CLUSTER: cluster.name });
    const called = matching.jobs.policy?.called as WorkflowResult;
    expect({ results: results(called), failures: failures(matching) }).toEqual({
      results: { check: 'success', report: 'success' },
      failures: '',
    });
    expect(reports.map((r) => [r.env.RESULT, r.env.DRIFT])).toEqual([['success', 'false']]);

    // Someone shortened the daily snapshots' retention in Atlas.
    const items = (
      cluster.schedule.policies as { policyItems: { frequencyType: string; retentionValue: number }[] }[]
    )[0]?.policyItems;
    const daily = items?.find((item) => item.frequencyType === 'daily');
    if (daily) daily.retentionValue = 3;
    reports.length = 0;
    const drifted = await check({ ATLAS_PROJECT_ID: projectId, ATLAS_CLUSTER: cluster.name });
    expect(results(drifted.jobs.policy?.called as WorkflowResult)).toEqual({
      check: 'failure',
      report: 'success',
    });
    expect(reports).toHaveLength(1);
    expect(reports[0]?.env).toMatchObject({ RESULT: 'failure', DRIFT: 'true', CLUSTER: cluster.name });
    expect(reports[0]?.env.REPORT).toContain(
      '| `schedule.policyItems[daily every 1]` | kept 7 days | kept 3 days |',
    );
    noSecrets(drifted);

    reports.length = 0;
    const skipped = await check({});
    expect(results(skipped)).toEqual({ policy: 'skipped' });
    expect(reports).toEqual([]);
  }, 180_000);
});
