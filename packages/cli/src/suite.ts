/**
 * What the CLI carries of the suite it belongs to: its package identity (version, repository) and the
 * caller workflow templates init-client installs. Both are imported, not read from a path computed
 * from this module's location, so the bundler builds them into packages/cli/dist: the bundle runs the
 * same from a clone, from npx, or from the workflows' sparse checkout of bin/ and packages/cli/dist,
 * and reads no file of the repository at run time.
 */
import { readFile } from 'node:fs/promises';
import type { WorkflowTemplates } from '@shipkit/bootstrap';
import suitePackage from '../../../package.json' with { type: 'json' };
import { REPO_PLACEHOLDER, TEMPLATES } from '../../../workflows-templates/index';

/** The fields of the suite's package.json that name it: `version`, and `repository` when it has one. */
export const SUITE_PACKAGE: { version: string; repository?: unknown } = {
  version: suitePackage.version,
  ...('repository' in suitePackage ? { repository: suitePackage.repository } : {}),
};

/** The caller workflow templates, with the text each one has in this build. */
export async function suiteTemplates(): Promise<WorkflowTemplates> {
  const workflows = await Promise.all(
    TEMPLATES.map(async (template) => ({
      name: template.file,
      text: await readFile(template.url, 'utf8'),
      summary: template.summary,
    })),
  );
  return { placeholder: REPO_PLACEHOLDER, workflows };
}
