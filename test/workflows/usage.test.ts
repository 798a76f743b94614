// docs/USAGE.md is what a client follows to set up GitHub, Render and AWS: its tables and the trust policy
// are checked against the workflows and templates they describe, so they cannot drift apart.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { TEMPLATES } from '../../workflows-templates/index';
import { jobs, repoRoot, reusableWorkflows, templates, type Yaml } from './support';

const usage = readFileSync(join(repoRoot, 'docs', 'USAGE.md'), 'utf8');

/** The rows of the Markdown table whose header row starts with `| <first> |`. */
function table(first: string): string[][] {
  const lines = usage.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`| ${first} |`));
  expect(start).toBeGreaterThanOrEqual(0);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim()),
    );
  }
  return rows;
}

const names = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1] as string);

describe('docs/USAGE.md', () => {
  test('lists every template, and every secret and variable the templates read', () => {
    const listed = table('File').map(([file = '']) => names(file)[0]);
    expect(listed.sort()).toEqual(TEMPLATES.map((t) => t.file).sort());
    const settings = table('Name').flatMap(([name = '']) => names(name));
    for (const template of TEMPLATES) {
      for (const name of [...template.secrets, ...template.variables]) {
        expect({ template: template.file, name, documented: settings.includes(name) }).toEqual({
          template: template.file,
          name,
          documented: true,
        });
      }
    }
  });

  test("gives each reusable workflow's permissions as its jobs ask for them", () => {
    const byFile = new Map(reusableWorkflows().map((w) => [w.path.split('/').pop() as string, w]));
    const rows = table('Reusable workflow');
    expect(rows.map(([file = '']) => names(file)[0]).sort()).toEqual([...byFile.keys()].sort());
    for (const [file = '', granted = ''] of rows) {
      const workflow = byFile.get(names(file)[0] ?? '');
      const asked = new Set<string>();
      for (const [, job] of jobs(workflow as NonNullable<typeof workflow>)) {
        for (const [scope, level] of Object.entries<Yaml>(job.permissions ?? {}))
          asked.add(`${scope}: ${level}`);
      }
      expect({ file, granted: names(granted).sort() }).toEqual({ file, granted: [...asked].sort() });
    }
  });

  test('gives the AWS trust policy with both subjects the workflows present', () => {
    const json = /```json\n([\s\S]*?)```/.exec(usage)?.[1] ?? '';
    const policy = JSON.parse(json) as Yaml;
    const [statement] = policy.Statement;
    expect(statement).toMatchObject({
      Effect: 'Allow',
      Action: 'sts:AssumeRoleWithWebIdentity',
      Principal: {
        Federated: expect.stringMatching(/:oidc-provider\/token\.actions\.githubusercontent\.com$/),
      },
    });
    const restore = templates().find((t) => t.path.endsWith('/restore.yml'));
    const [[, restoreJob] = ['', {}]] = jobs(restore as NonNullable<typeof restore>);
    expect(statement.Condition.StringEquals).toEqual({
      'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
      'token.actions.githubusercontent.com:sub': [
        'repo:acme/shop:ref:refs/heads/main',
        `repo:acme/shop:environment:${restoreJob.with.environment}`,
      ],
    });
  });

  test('says which GitHub plans have environments and reviewers, and how to set up the heartbeat', () => {
    const plans = table('Feature');
    expect(plans.map(([what = '']) => what)).toEqual([
      'Environments, environment secrets, deployment branches',
      'Required reviewers, wait timers',
    ]);
    const plansSection = usage.slice(usage.indexOf('## GitHub plans'), usage.indexOf('## Restore\n'));
    for (const plan of ['Free', 'Pro', 'Team', 'Enterprise'])
      expect(plansSection).toMatch(new RegExp(`\\*\\*[^*]*\\b${plan}\\b[^*]*:\\*\\*`));
    expect(usage).toContain('### Alarm from outside GitHub: the heartbeat');
    expect(usage).not.toContain('Not available yet');
    expect(usage).toContain('`SHIPKIT_HEARTBEAT`');
    expect(usage).toContain('--heartbeat <url>');
  });
});
