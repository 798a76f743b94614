export {
  DEFAULT_GITHUB_API_URL,
  GITHUB_API_VERSION,
  GITHUB_RETRY,
  GitHubClient,
  type GitHubClientOptions,
  type GitHubDeps,
  type GitHubMethod,
  type GitHubRequest,
  type GitHubResponse,
  type GitHubRetryPolicy,
  nextLink,
  realGitHubDeps,
} from './client';
export { GitHubApiError, type GitHubApiErrorFields } from './errors';
