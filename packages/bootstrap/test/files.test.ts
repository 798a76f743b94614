import { describe, expect, it } from '@jest/globals';
import { parseEnv, VARIABLES } from '@shipkit/config';
import { defaultPolicy, parsePolicyConfig } from '@shipkit/policy';
import { parse as parseYaml } from 'yaml';
import { renderBranchPolicy } from '../src/branch-policy';
import { renderBlueprint, renderOperationsDoc } from '../src/documents';
import { renderClientFiles } from '../src/init-client';
import { repositoryFromPackageJson, suiteFromPackageJson } from '../src/suite';
import { pinWorkflow } from '../src/workflows';

const suite = { repository: 'globex/mongo-shipkit', version: '2.4.1', ref: 'v2' };

describe('the branch policy file', () => {
  it("parses with the policy engine's own schema and gives its default policy", () => {
    expect(parsePolicyConfig(renderBranchPolicy())).toEqual(defaultPolicy());
  });

  it('states the flows of the usual branching model', () => {
    expect(parseYaml(renderBranchPolicy()).flows).toEqual([
      { from: ['feature/*', 'fix/*', 'chore/*', 'docs/*'], to: ['development'] },
      { from: ['development', 'release/*', 'hotfix/*'], to: ['main'] },
      { from: ['hotfix/*'], to: ['development'] },
      { from: ['main'], to: ['development'] },
    ]);
  });
});

describe('pinWorkflow', () => {
  it('puts the suite repository in place of the placeholder and pins every reference to v<major>', () => {
    const template = {
      name: 'backup.yml',
      text: [
        'jobs:',
        '  backup:',
        '    uses: OWNER/REPO/.github/workflows/backup.yml@main',
        '  deploy:',
        '    steps:',
        "      - uses: 'OWNER/REPO/actions/render-deploy@v0.1.0'",
        '      - uses: actions/checkout@v4',
        '      - run: echo OWNER/REPO',
      ].join('\n'),
    };
    expect(pinWorkflow(template, 'OWNER/REPO', suite)).toBe(
      [
        'jobs:',
        '  backup:',
        '    uses: globex/mongo-shipkit/.github/workflows/backup.yml@v2',
        '  deploy:',
        '    steps:',
        "      - uses: 'globex/mongo-shipkit/actions/render-deploy@v2'",
        '      - uses: actions/checkout@v4',
        '      - run: echo globex/mongo-shipkit',
      ].join('\n'),
    );
  });
});

describe('suite', () => {
  it('pins v<major> of the package version and reads the repository field in its usual forms', () => {
    expect(suiteFromPackageJson({ version: '0.1.0' })).toEqual({
      repository: 'mongo-shipkit/mongo-shipkit',
      version: '0.1.0',
      ref: 'v0',
    });
    expect(suiteFromPackageJson({ version: '3.0.0', repository: 'a/b' }, 'c/d').repository).toBe('c/d');
    expect(repositoryFromPackageJson('github:acme/kit')).toBe('acme/kit');
    expect(repositoryFromPackageJson({ url: 'git+https://github.com/acme/kit.git' })).toBe('acme/kit');
    expect(() => suiteFromPackageJson({ version: '1.0.0' }, 'not a repo')).toThrow(/owner\/name/);
  });
});

describe("a client's files", () => {
  const files = renderClientFiles('globex', 'shop_globex', suite, {
    placeholder: 'OWNER/REPO',
    workflows: [{ name: 'deploy.yml', text: 'on: push\n# OWNER/REPO\n' }],
  });

  it('are the workflows, the branch policy, .env.example and docs/OPERATIONS.md', () => {
    expect([...files.keys()]).toEqual([
      '.github/workflows/deploy.yml',
      '.github/branch-policy.yml',
      '.env.example',
      'docs/OPERATIONS.md',
    ]);
    expect(files.get('.github/workflows/deploy.yml')).toBe('on: push\n# globex/mongo-shipkit\n');
  });

  it("name the client's database in .env.example and the operations guide", () => {
    expect(parseEnv(files.get('.env.example') ?? '').values.MONGODB_DB).toBe('shop_globex');
    const doc = renderOperationsDoc({
      client: 'globex',
      database: 'shop_globex',
      suite,
      workflows: [{ name: 'deploy.yml', summary: 'Deploys.' }],
    });
    expect(doc).toContain('# Operations: globex');
    expect(doc).toContain('- `.github/workflows/deploy.yml`: Deploys.');
    expect(doc).toContain('| `RENDER_API_KEY` | GitHub secret | yes |');
  });

  it('come with a render.yaml blueprint whose secrets are never committed', () => {
    const blueprint = parseYaml(renderBlueprint('globex', 'shop_globex'));
    expect(blueprint.services[0].name).toBe('shop-globex');
    // Deploys come only from the deploy workflow, behind its gates.
    expect(blueprint.services[0].autoDeployTrigger).toBe('off');
    expect(blueprint.services[0]).not.toHaveProperty('autoDeploy');
    expect(blueprint.services[0].envVars).toEqual([
      { key: 'MONGODB_URI', sync: false },
      { key: 'MONGODB_DB', value: 'shop_globex' },
      { key: 'OPENAI_API_KEY', sync: false },
    ]);
  });
});

describe("the suite's workflow templates", () => {
  it('read only secrets and variables of the configuration schema, each from the place the schema says', async () => {
    // The templates folder is not a package: its module is loaded by path.
    const { TEMPLATES } = (await import(
      new URL('../../../workflows-templates/index.ts', import.meta.url).pathname
    )) as {
      TEMPLATES: { file: string; secrets: readonly string[]; variables: readonly string[] }[];
    };
    expect(TEMPLATES.length).toBeGreaterThan(0);
    const places = new Map(VARIABLES.map((v) => [v.name, v.places]));
    for (const template of TEMPLATES) {
      for (const name of template.secrets)
        expect([
          template.file,
          name,
          places
            .get(name)
            ?.some((place) => place === 'github-secret' || place === 'github-environment-secret'),
        ]).toEqual([template.file, name, true]);
      for (const name of template.variables)
        expect([template.file, name, places.get(name)?.includes('github-variable')]).toEqual([
          template.file,
          name,
          true,
        ]);
    }
  });
});

describe('docs/REPLICATION.md', () => {
  it('names every variable of the schema, and its env-check step passes every one the workflows read', async () => {
    const { readFile } = await import('node:fs/promises');
    const guide = await readFile(new URL('../../../docs/REPLICATION.md', import.meta.url), 'utf8');
    for (const spec of VARIABLES) expect(guide).toContain(`\`${spec.name}\``);
    const step =
      /run: node bin\/shipkit\.js env-check --target github[^\n]*\n\s+env:\n((?:\s+[A-Z0-9_]+: .*\n)+)/.exec(
        guide,
      );
    const passed = [...(step?.[1] ?? '').matchAll(/([A-Z0-9_]+):/g)].map((m) => m[1]);
    const github = VARIABLES.filter((v) => v.places.some((p) => p.startsWith('github-'))).map((v) => v.name);
    expect(passed.sort()).toEqual([...github].sort());
  });
});
