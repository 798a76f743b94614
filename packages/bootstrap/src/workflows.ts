import type { Suite } from './suite';

export interface WorkflowTemplate {
  /** File name under .github/workflows/. */
  name: string;
  text: string;
  /** One line on what it does, for docs/OPERATIONS.md. */
  summary?: string;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A caller workflow for a client: the template's placeholder becomes the suite repository, and every
 * reference into the suite (`uses: owner/name/…@ref`) is pinned to the suite's major version tag.
 */
export function pinWorkflow(template: WorkflowTemplate, placeholder: string, suite: Suite): string {
  const text = template.text.split(placeholder).join(suite.repository);
  const uses = new RegExp(
    `(uses:\\s*['"]?${escapeRegExp(suite.repository)}(?:/[^@\\s'"]*)?)@[^\\s'"#]+`,
    'g',
  );
  return text.replace(uses, `$1@${suite.ref}`);
}
