// The caller workflows clients copy: one placeholder for this repository, calls that match the reusable
// workflows' interfaces, only the configuration schema's secret and variable names, each one documented
// in the file's header, and the module init-client reads in step with the files.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { SUITE_VARIABLES } from '@shipkit/config';
import { readTemplate, REPO_PLACEHOLDER, renderTemplate, TEMPLATES } from '../../workflows-templates/index';
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
      ['backup-watchdog.yml', 'deploy.yml', 'nightly-backup.yml', 'pull-request.yml', 'restore.yml'].sort(),
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
      const [[, job] = ['', {}]] = jobs(file);
      expect({ file: name, permissions: job.permissions }).toEqual({
        file: name,
        permissions: template.permissions,
      });
    }
  });
});

describe('each template', () => {
  test.each(TEMPLATES.map((t) => [t.file, t.calls]))(
    '%s calls %s of this repository through the placeholder, at the major tag',
    (file, calls) => {
      const template = templates().find((t) => t.path.endsWith(`/${file}`)) as WorkflowFile;
      const uses = jobs(template).map(([, job]) => job.uses);
      expect(uses).toEqual([`${REPO_PLACEHOLDER}/.github/workflows/${calls}@v1`]);
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
        expect({ secret: name, places: places.get(name) }).toEqual({
          secret: name,
          places: expect.arrayContaining(['github-secret']),
        });
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
    },
  );
});
