import { describe, expect, test } from '@jest/globals';
import { MemoryLogger } from '@shipkit/runtime';
import type { IssueComment, PolicyGitHub } from '../src/check';
import { COMMENT_MARKER, renderComment, syncStickyComment } from '../src/comment';
import { evaluate } from '../src/evaluate';
import { defaultPolicy } from '../src/policy';
import { pullRequest } from './helpers';

type CommentClient = Pick<PolicyGitHub, 'listComments' | 'createComment' | 'updateComment' | 'deleteComment'>;

/** Comments of one pull request kept in memory, with a log of every write. */
function commentStore(initial: IssueComment[] = []) {
  let comments = [...initial];
  let nextId = 100;
  const writes: string[] = [];
  const client: CommentClient = {
    listComments: async () => comments.map((c) => ({ ...c })),
    createComment: async (_issue, body) => {
      comments.push({ id: nextId++, body });
      writes.push('create');
    },
    updateComment: async (id, body) => {
      comments = comments.map((c) => (c.id === id ? { id, body } : c));
      writes.push(`update ${id}`);
    },
    deleteComment: async (id) => {
      comments = comments.filter((c) => c.id !== id);
      writes.push(`delete ${id}`);
    },
  };
  return { client, writes, comments: () => comments };
}

const policy = defaultPolicy();
const failing = evaluate({ event: pullRequest({ head: 'feature/login-form', base: 'main' }) }, policy);
const failingDifferently = evaluate({ event: pullRequest({ head: 'login-form', base: 'main' }) }, policy);
const passing = evaluate({ event: pullRequest({ head: 'feature/login-form', base: 'development' }) }, policy);

describe('the sticky comment', () => {
  test('is created, left alone when unchanged, updated in place, then removed once compliant', async () => {
    const store = commentStore([{ id: 1, body: 'LGTM, but please fix the base branch' }]);
    const sync = (evaluation: typeof failing) =>
      syncStickyComment({ github: store.client, pullNumber: 42, evaluation, logger: new MemoryLogger() });

    expect(await sync(failing)).toBe('created');
    expect(await sync(failing)).toBe('unchanged');
    expect(await sync(failingDifferently)).toBe('updated');
    expect(store.comments().filter((c) => c.body.includes(COMMENT_MARKER))).toHaveLength(1);
    expect(store.comments().find((c) => c.id === 100)?.body).toBe(renderComment(failingDifferently));
    expect(await sync(passing)).toBe('deleted');
    expect(await sync(passing)).toBe('none');
    expect(store.writes).toEqual(['create', 'update 100', 'delete 100']);
    expect(store.comments()).toEqual([{ id: 1, body: 'LGTM, but please fix the base branch' }]);
  });

  test('duplicates left by racing runs are deleted, the first one kept', async () => {
    const store = commentStore([
      { id: 7, body: `${COMMENT_MARKER}\nold` },
      { id: 8, body: `${COMMENT_MARKER}\nolder` },
    ]);
    expect(
      await syncStickyComment({
        github: store.client,
        pullNumber: 42,
        evaluation: failing,
        logger: new MemoryLogger(),
      }),
    ).toBe('updated');
    expect(store.writes).toEqual(['delete 8', 'update 7']);
  });

  test('says what failed and how to fix it, behind the hidden marker', () => {
    const body = renderComment(failing);
    expect(body.startsWith(`${COMMENT_MARKER}\n`)).toBe(true);
    expect(body).toContain('### ❌ Branch policy: 1 problem');
    expect(body).toContain('Checked pull request #42 (feature/login-form → main).');
    expect(body).toContain(
      "| ❌ fail | flows | feature/login-form may not be merged into main. | Change the base branch to development (Edit, next to the pull request's title). Only development, release/*, hotfix/* may target main. |",
    );
  });

  test('records an override and who applied it', () => {
    const overridden = evaluate(
      {
        event: pullRequest({
          head: 'feature/login-form',
          base: 'main',
          action: 'labeled',
          labels: ['policy-override'],
          labeledBy: { label: 'policy-override', actor: 'lead-dev' },
        }),
      },
      policy,
    );
    const body = renderComment(overridden);
    expect(body).toContain('### ⚠️ Branch policy: 1 problem (warnings)');
    expect(body).toContain("_(overridden by label 'policy-override')_");
    expect(body).toContain('turned into warnings by the `policy-override` label, applied by @lead-dev');
  });
});
