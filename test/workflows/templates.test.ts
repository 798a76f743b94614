// The caller workflows clients copy: one placeholder for this repository, calls that match the reusable
// workflows' interfaces, only the configuration schema's secret and variable names, each one documented
// in the file's header, and the module init-client reads in step with the files.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { SUITE_VARIABLES } from '@shipkit/config';
import { REPO_PLACEHOLDER, readTemplate, renderTemplate, TEMPLATES } from '../../workflows-templates/index';
import { evaluateCondition } from '../workflow-runner/index';
import {
  jobs,
  repoRoot,
  reusableWorkflows,
  templates,
  triggers,
  type WorkflowFile,
  type Yaml,
} from './support';

/** The names the configuration schema (and init-client) use for the workflows' secrets and variables. */
const NAMES = [
  'MONGODB_URI',
  'RESTORE_MONGODB_URI',
  'DRILL_MONGODB_URI',
  'MONGODB_DB',
  'BACKUP_DESTINATION',
  'AWS_REGION',
  'S3_ENDPOINT',
  'AWS_ROLE_ARN',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AGE_RECIPIENTS',
  'AGE_IDENTITY',
  'RENDER_SERVICE_ID',
  'RENDER_API_KEY',
  'RENDER_DEPLOY_HOOK_URL',
  'ATLAS_PROJECT_ID',
  'ATLAS_CLUSTER',
  'ATLAS_CLIENT_ID',
  'ATLAS_CLIENT_SECRET',
  'SHIPKIT_NOTIFY',
  'SHIPKIT_NOTIFY_SECRET',
  'SHIPKIT_HEARTBEAT',
];

function used(file: WorkflowFile, context: 'secrets' | 'vars'): string[] {
  const names = [...file.text.matchAll(new RegExp(`\\b${context}\\.([A-Za-z_][\\w]*)`, 'g'))].map(
    (m) => m[1] ?? '',
  );
  return [...new Set(names)].sort();
}

function header(file: WorkflowFile): string {
  const lines = file.text.split('\n');
  const end = lines.findIndex((line) => !line.startsWith('#'));
  return lines.slice(0, end).join('\n');
}

const byFile = new Map(TEMPLATES.map((t) => [t.file, t]));
const calledWorkflows = new Map(reusableWorkflows().map((w) => [w.path.split('/').pop() as string, w]));

describe('workflows-templates/index.ts', () => {
  test('lists exactly the template files', () => {
    const files = readdirSync(join(repoRoot, 'workflows-templates')).filter((name) => /\.ya?ml$/.test(name));
    expect([...byFile.keys()].sort()).toEqual(files.sort());
    expect([...byFile.keys()].sort()).toEqual(
      [
        'atlas-policy.yml',
        'backup-watchdog.yml',
        'deploy.yml',
        'nightly-backup.yml',
        'pull-request.yml',
        'restore-drill.yml',
        'restore.yml',
      ].sort(),
    );
  });

  test('renders the placeholder everywhere, and only into an <owner>/<repo> name', async () => {
    const text = await readTemplate('nightly-backup.yml', 'acme/mongo-shipkit');
    expect(text).not.toContain(REPO_PLACEHOLDER);
    expect(text).toContain('uses: acme/mongo-shipkit/.github/workflows/mongo-backup.yml@v1');
    expect(() => renderTemplate('x', 'acme')).toThrow(/<owner>\/<repo>/);
    expect(() => renderTemplate('x', 'acme/shop\nuses: evil/x@main')).toThrow(/<owner>\/<repo>/);
    await expect(readTemplate('nope.yml', 'acme/x')).rejects.toThrow(/No workflow template/);
  });

  test('says what each template reads and grants, as the files do', () => {
    for (const file of templates()) {
      const name = file.path.split('/').pop() as string;
      const template = byFile.get(name);
      expect(template).toBeDefined();
      if (!template) continue;
      expect({ file: name, secrets: [...template.secrets].sort() }).toEqual({
        file: name,
        secrets: used(file, 'secrets'),
      });
      expect({ file: name, variables: [...template.variables].sort() }).toEqual({
        file: name,
        variables: used(file, 'vars'),
      });
      for (const [, job] of jobs(file)) {
        expect({ file: name, permissions: job.permissions }).toEqual({
          file: name,
          permissions: template.permissions,
        });
      }
    }
  });
});

describe('each template', () => {
  test.each(TEMPLATES.map((t) => [t.file, t.calls]))(
    '%s calls %s of this repository through the placeholder, at the major tag',
    (file, calls) => {
      const template = templates().find((t) => t.path.endsWith(`/${file}`)) as WorkflowFile;
      const uses = new Set(jobs(template).map(([, job]) => job.uses));
      expect([...uses]).toEqual([`${REPO_PLACEHOLDER}/.github/workflows/${calls}@v1`]);
      expect(calledWorkflows.has(calls)).toBe(true);
      // No other repository is named in a uses: line.
      for (const match of template.text.matchAll(/uses:\s*(\S+)/g))
        expect(match[1]).toMatch(/^SHIPKIT_REPO\//);
    },
  );

  test.each(TEMPLATES.map((t) => [t.file]))(
    '%s passes what the called workflow takes, and all it requires',
    (file) => {
      const template = templates().find((t) => t.path.endsWith(`/${file}`)) as WorkflowFile;
      const problems: string[] = [];
      for (const [jobId, job] of jobs(template)) {
        const called = calledWorkflows.get(
          String(job.uses)
            .replace(/^.*\/\.github\/workflows\//, '')
            .replace(/@.*$/, ''),
        );
        const call: Yaml = called ? (triggers(called.doc).workflow_call ?? {}) : {};
        const inputs: Record<string, Yaml> = call.inputs ?? {};
        const secrets: Record<string, Yaml> = call.secrets ?? {};
        for (const key of Object.keys(job.with ?? {}))
          if (!(key in inputs)) problems.push(`${jobId}: input ${key} is not taken`);
        for (const key of Object.keys(job.secrets ?? {}))
          if (!(key in secrets)) problems.push(`${jobId}: secret ${key} is not taken`);
        for (const [name, input] of Object.entries(inputs)) {
          if (input?.required && !(name in (job.with ?? {})))
            problems.push(`${jobId}: required input ${name} missing`);
        }
        for (const [name, secret] of Object.entries(secrets)) {
          if (secret?.required && !(name in (job.secrets ?? {})))
            problems.push(`${jobId}: required secret ${name} missing`);
        }
      }
      expect(problems).toEqual([]);
    },
  );

  test.each(TEMPLATES.map((t) => [t.file]))(
    '%s reads only the schema names, secrets as secrets and variables as variables, all explained in its header',
    (file) => {
      const template = templates().find((t) => t.path.endsWith(`/${file}`)) as WorkflowFile;
      const places = new Map(SUITE_VARIABLES.map((v) => [v.name, v.places]));
      const comment = header(template);
      for (const name of used(template, 'secrets')) {
        expect({ secret: name, known: NAMES.includes(name) }).toEqual({ secret: name, known: true });
        expect({
          secret: name,
          github: places.get(name)?.some((p) => p === 'github-secret' || p === 'github-environment-secret'),
        }).toEqual({ secret: name, github: true });
        expect({ secret: name, inHeader: comment.includes(name) }).toEqual({ secret: name, inHeader: true });
      }
      for (const name of used(template, 'vars')) {
        expect({ variable: name, known: NAMES.includes(name) }).toEqual({ variable: name, known: true });
        expect({ variable: name, places: places.get(name) }).toEqual({
          variable: name,
          places: expect.arrayContaining(['github-variable']),
        });
        expect({ variable: name, inHeader: comment.includes(name) }).toEqual({
          variable: name,
          inHeader: true,
        });
      }
      expect(comment).toMatch(/Permissions/);
      for (const scope of Object.keys(byFile.get(file)?.permissions ?? {})) expect(comment).toContain(scope);
      // Why every permission is granted even for a feature that is off, and how to pin the suite.
      const prose = comment.replace(/\n#\s*/g, ' ');
      expect(prose).toMatch(
        /GitHub checks (every job's permissions|the permissions of every job|every job of the called workflow) .*when the run starts/,
      );
      expect(comment).toMatch(/Pinning:/);
      expect(template.text).toMatch(/Dependabot/);
    },
  );
});

function template(file: string): WorkflowFile {
  return templates().find((t) => t.path.endsWith(`/${file}`)) as WorkflowFile;
}

/** A job's `if:` for a run of `ref` triggered by `event` (with `action` for pull_request events). */
function runs(job: Yaml, ref: string, event: string, action?: string): boolean {
  return evaluateCondition(job.if, {
    contexts: {
      github: { ref, event_name: event, event: action ? { action } : {} },
      inputs: {},
      vars: {},
    },
  });
}

describe('deploy.yml', () => {
  const [[, job] = ['', {}]] = jobs(template('deploy.yml'));

  test('deploys only from main, whatever triggered it, and tells the called workflow so', () => {
    expect(runs(job, 'refs/heads/main', 'push')).toBe(true);
    expect(runs(job, 'refs/heads/main', 'workflow_dispatch')).toBe(true);
    expect(runs(job, 'refs/heads/feature/x', 'workflow_dispatch')).toBe(false);
    expect(runs(job, 'refs/tags/v1.0.0', 'workflow_dispatch')).toBe(false);
    expect(job.with['allowed-ref']).toBe('refs/heads/main');
  });

  test('tells the client to turn Auto-Deploy off and to restrict the environment to main', () => {
    const text = template('deploy.yml').text;
    expect(text).toContain('Auto-Deploy: Off');
    expect(text).toContain('autoDeployTrigger: off');
    expect(text).toMatch(/Deployment branches and tags: main only/);
  });
});

describe('pull-request.yml', () => {
  const calls = Object.fromEntries(jobs(template('pull-request.yml')));

  test('re-runs only the branch policy on a title edit or a label, the CI on code changes', () => {
    expect(calls.policy?.with).toMatchObject({ 'application-ci': false });
    expect(calls.ci?.with).toMatchObject({ 'branch-policy': false });
    for (const action of ['edited', 'labeled', 'unlabeled']) {
      expect([action, runs(calls.policy, 'refs/pull/7/merge', 'pull_request', action)]).toEqual([
        action,
        true,
      ]);
      expect([action, runs(calls.ci, 'refs/pull/7/merge', 'pull_request', action)]).toEqual([action, false]);
    }
    for (const action of ['opened', 'synchronize', 'reopened', 'ready_for_review']) {
      expect([action, runs(calls.ci, 'refs/pull/7/merge', 'pull_request', action)]).toEqual([action, true]);
    }
    expect(runs(calls.ci, 'refs/heads/main', 'push')).toBe(true);
  });
});

describe('restore.yml', () => {
  test('passes the write-capable RESTORE_MONGODB_URI, never the backup user’s MONGODB_URI', () => {
    const [[, job] = ['', {}]] = jobs(template('restore.yml'));
    expect(Object.keys(job.secrets)).toContain('RESTORE_MONGODB_URI');
    expect(template('restore.yml').text).not.toMatch(/secrets\.MONGODB_URI\b/);
    expect(job.with.environment).toBe('production-restore');
  });
});

describe('atlas-policy.yml', () => {
  const [[, job] = ['', {}]] = jobs(template('atlas-policy.yml'));

  test('runs only where an Atlas project is configured, and its policy is one the check accepts', async () => {
    const runsWith = (vars: Record<string, string>) =>
      evaluateCondition(job.if, { contexts: { github: { ref: 'refs/heads/main' }, inputs: {}, vars } });
    expect(runsWith({})).toBe(false);
    expect(runsWith({ ATLAS_PROJECT_ID: '65a1b2c3d4e5f60718293a4b' })).toBe(true);
    const { parseDesiredPolicy } = await import('@shipkit/atlas');
    expect(parseDesiredPolicy(job.with.policy, 'atlas-policy.yml').schedule?.policyItems).toHaveLength(4);
  });
});

describe('backup-watchdog.yml', () => {
  test('keeps the other scheduled templates enabled, and may: actions: write', () => {
    const [[, job] = ['', {}]] = jobs(template('backup-watchdog.yml'));
    expect(job.permissions.actions).toBe('write');
    const kept = String(job.with['keep-alive']).split(/\s+/);
    expect(kept.sort()).toEqual(['atlas-policy.yml', 'nightly-backup.yml', 'restore-drill.yml']);
    for (const file of kept) expect(byFile.get(file)?.file).toBe(file);
  });
});
