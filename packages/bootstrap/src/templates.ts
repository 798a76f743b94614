import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { WorkflowTemplates } from './init-client';

/** What the suite's workflow templates stand in for the suite repository with, unless their module says. */
export const DEFAULT_TEMPLATE_PLACEHOLDER = 'OWNER/REPO';

/**
 * The caller workflow templates in a folder: every `.yml`/`.yaml` file, read as text. The placeholder is
 * the one the folder's module declares, passed in by the caller.
 */
export async function readWorkflowTemplates(
  folder: string,
  placeholder: string = DEFAULT_TEMPLATE_PLACEHOLDER,
): Promise<WorkflowTemplates> {
  let names: string[];
  try {
    names = (await readdir(folder)).filter((name) => /\.ya?ml$/.test(name)).sort();
  } catch {
    names = [];
  }
  const workflows = await Promise.all(
    names.map(async (name) => ({ name, text: await readFile(join(folder, name), 'utf8') })),
  );
  return { placeholder, workflows };
}
