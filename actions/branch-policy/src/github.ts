import { GitHubClient, type GitHubDeps, realGitHubDeps } from '@shipkit/github';
import type { AssociatedPull, PolicyGitHub } from '@shipkit/policy';
import type { Deadline, Logger } from '@shipkit/runtime';

export interface GitHubClientOptions {
  token: string;
  /** GITHUB_API_URL: api.github.com, a GHES server, or a fake in tests. */
  apiUrl: string;
  owner: string;
  repo: string;
  /** The check's deadline: a GitHub API that stops answering ends the run by it, naming the request. */
  deadline: Deadline;
  logger: Logger;
}

interface PullResponse {
  number: number;
  state: string;
  merged_at?: string | null;
  base: { ref: string };
  head: { ref: string };
  title: string;
  labels: { name?: string }[];
}

/** The few REST endpoints branch policy uses. */
export function gitHubClient({
  token,
  apiUrl,
  owner,
  repo,
  deadline,
  logger,
}: GitHubClientOptions): PolicyGitHub {
  const deps: GitHubDeps = { ...realGitHubDeps(), logger };
  const github = new GitHubClient({ token, apiUrl, userAgent: 'shipkit-branch-policy', deadline }, deps);
  const base = `/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}`;
  return {
    async pullsForCommit(sha) {
      const { body } = await github.request<PullResponse[]>({
        method: 'GET',
        path: `${base}/commits/${encodeURIComponent(sha)}/pulls`,
        query: { per_page: 100 },
        what: `list the pull requests of commit ${sha.slice(0, 12)}`,
      });
      return (Array.isArray(body) ? body : []).map(
        (pull): AssociatedPull => ({
          number: pull.number,
          state: pull.state,
          mergedAt: pull.merged_at ?? null,
          base: pull.base.ref,
          head: pull.head.ref,
          title: pull.title,
          labels: pull.labels.map((label) => label.name ?? '').filter(Boolean),
        }),
      );
    },
    async listComments(issueNumber) {
      const comments = await github.paginate<{ id: number; body?: string | null }>({
        path: `${base}/issues/${issueNumber}/comments`,
        what: `list the comments of pull request #${issueNumber}`,
      });
      return comments.map((comment) => ({ id: comment.id, body: comment.body ?? '' }));
    },
    async createComment(issueNumber, body) {
      await github.request({
        method: 'POST',
        path: `${base}/issues/${issueNumber}/comments`,
        body: { body },
        what: `comment on pull request #${issueNumber}`,
      });
    },
    async updateComment(commentId, body) {
      await github.request({
        method: 'PATCH',
        path: `${base}/issues/comments/${commentId}`,
        body: { body },
        what: `update comment ${commentId}`,
        // Setting the same text twice leaves the same comment.
        idempotent: true,
      });
    },
    async deleteComment(commentId) {
      await github.request({
        method: 'DELETE',
        path: `${base}/issues/comments/${commentId}`,
        what: `delete comment ${commentId}`,
        // A comment deleted by the try whose answer was lost is gone: the retry's 404 means done.
        accept: [404],
      });
    },
  };
}
