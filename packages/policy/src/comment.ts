import type { Logger } from '@shipkit/runtime';
import { escapeHtml, table } from '@shipkit/runtime';
import type { PolicyGitHub } from './check';
import type { Evaluation } from './evaluate';

/** Hidden in the rendered comment; finds our comment among everyone else's. */
export const COMMENT_MARKER = '<!-- shipkit:branch-policy -->';

export type CommentAction = 'created' | 'updated' | 'unchanged' | 'deleted' | 'none';

/** The sticky comment's body for a pull request that does not comply. */
export function renderComment(evaluation: Evaluation): string {
  const failed = evaluation.verdict === 'fail';
  const count = evaluation.violations.length;
  const headline = `${failed ? '❌' : '⚠️'} Branch policy: ${count} ${count === 1 ? 'problem' : 'problems'}${failed ? '' : ' (warnings)'}`;
  const rows = evaluation.violations.map((v) => [
    v.severity === 'fail' ? '❌ fail' : '⚠️ warn',
    v.rule,
    escapeHtml(v.message) + (v.note ? ` _(${escapeHtml(v.note)})_` : ''),
    escapeHtml(v.fix),
  ]);
  const override = evaluation.override
    ? `Failures were turned into warnings by the \`${evaluation.override.label}\` label` +
      `${evaluation.override.appliedBy ? `, applied by @${evaluation.override.appliedBy}` : ''}; this is recorded in the check's summary.`
    : undefined;
  return [
    COMMENT_MARKER,
    `### ${headline}`,
    `Checked ${escapeHtml(evaluation.subject)}.`,
    table(['', 'Rule', 'Problem', 'How to fix'], rows),
    override,
    '<sub>This comment is updated on every change and removed once the pull request complies.</sub>',
  ]
    .filter((part): part is string => Boolean(part))
    .join('\n\n');
}

export interface SyncCommentOptions {
  github: Pick<PolicyGitHub, 'listComments' | 'createComment' | 'updateComment' | 'deleteComment'>;
  pullNumber: number;
  evaluation: Evaluation;
  logger: Logger;
}

/**
 * Keeps one comment per pull request: created or updated in place while it does not comply,
 * deleted once it does. Extra copies (from two runs racing) are deleted.
 */
export async function syncStickyComment({
  github,
  pullNumber,
  evaluation,
  logger,
}: SyncCommentOptions): Promise<CommentAction> {
  const ours = (await github.listComments(pullNumber)).filter((comment) =>
    comment.body.includes(COMMENT_MARKER),
  );
  const [kept, ...duplicates] = ours;
  for (const duplicate of duplicates) await github.deleteComment(duplicate.id);

  if (evaluation.verdict === 'pass') {
    if (!kept) return 'none';
    await github.deleteComment(kept.id);
    logger.info(`Removed the branch policy comment from #${pullNumber}: it complies now.`);
    return 'deleted';
  }
  const body = renderComment(evaluation);
  if (!kept) {
    await github.createComment(pullNumber, body);
    logger.info(`Commented on #${pullNumber}.`);
    return 'created';
  }
  if (kept.body === body) return 'unchanged';
  await github.updateComment(kept.id, body);
  logger.info(`Updated the branch policy comment on #${pullNumber}.`);
  return 'updated';
}
