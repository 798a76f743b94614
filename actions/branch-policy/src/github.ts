import type { getOctokit } from '@actions/github';
import type { AssociatedPull, PolicyGitHub } from '@shipkit/policy';

export interface GitHubClientOptions {
  token: string;
  /** GITHUB_API_URL: api.github.com, a GHES server, or a fake in tests. */
  apiUrl: string;
  owner: string;
  repo: string;
}

/** The few REST endpoints branch policy uses. */
export function gitHubClient({ token, apiUrl, owner, repo }: GitHubClientOptions): PolicyGitHub {
  // Octokit is a chunk of its own, loaded by the first request: most checks make none.
  let client: Promise<ReturnType<typeof getOctokit>> | undefined;
  const loadOctokit = () =>
    (client ??= import('@actions/github').then((github) => github.getOctokit(token, { baseUrl: apiUrl })));
  return {
    async pullsForCommit(sha) {
      const octokit = await loadOctokit();
      const { data } = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({
        owner,
        repo,
        commit_sha: sha,
        per_page: 100,
      });
      return data.map(
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
      const octokit = await loadOctokit();
      const comments = await octokit.paginate(octokit.rest.issues.listComments, {
        owner,
        repo,
        issue_number: issueNumber,
        per_page: 100,
      });
      return comments.map((comment) => ({ id: comment.id, body: comment.body ?? '' }));
    },
    async createComment(issueNumber, body) {
      const octokit = await loadOctokit();
      await octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body });
    },
    async updateComment(commentId, body) {
      const octokit = await loadOctokit();
      await octokit.rest.issues.updateComment({ owner, repo, comment_id: commentId, body });
    },
    async deleteComment(commentId) {
      const octokit = await loadOctokit();
      await octokit.rest.issues.deleteComment({ owner, repo, comment_id: commentId });
    },
  };
}
