// What the CLI carries of the suite: imported (so the bundle holds it), and the same as the files.
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { REPO_PLACEHOLDER, TEMPLATES } from '../../../workflows-templates/index';
import { SUITE_PACKAGE, suiteTemplates } from '../src/suite';

const root = fileURLToPath(new URL('../../../', import.meta.url));

describe('the suite the CLI carries', () => {
  it("has the root package.json's version", async () => {
    const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
    expect(SUITE_PACKAGE.version).toBe(pkg.version);
    expect(SUITE_PACKAGE.repository).toEqual(pkg.repository);
  });

  it('names each template by a URL of its own file', () => {
    for (const template of TEMPLATES) expect(basename(fileURLToPath(template.url))).toBe(template.file);
  });

  it('holds every workflow template, with the text of its file', async () => {
    const files = (await readdir(join(root, 'workflows-templates'))).filter((f) => /\.ya?ml$/.test(f));
    const templates = await suiteTemplates();
    expect(templates.placeholder).toBe(REPO_PLACEHOLDER);
    expect(templates.workflows.map((w) => w.name).sort()).toEqual(files.sort());
    for (const workflow of templates.workflows) {
      expect(workflow.text).toBe(await readFile(join(root, 'workflows-templates', workflow.name), 'utf8'));
      expect(workflow.summary).toBeTruthy();
    }
  });
});
