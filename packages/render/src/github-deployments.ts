import { GitHubClient, realGitHubDeps } from '@shipkit/github';
import type { HttpDeps } from './http';

export type DeploymentState = 'in_progress' | 'success' | 'failure';

export interface DeploymentDetails {
  description: string;
  environmentUrl?: string;
  logUrl?: string;
}

/** Where the deploy flow records its progress as a GitHub deployment; optional. */
export interface DeploymentRecorder {
  start(): Promise<void>;
  update(state: DeploymentState, details: DeploymentDetails): Promise<void>;
}

export interface GitHubDeploymentsOptions {
  /** `GITHUB_API_URL` (https://api.github.com, or a GHES / test server). */
  apiUrl: string;
  token: string;
  /** `owner/name`. */
  repository: string;
  /** The commit deployed. */
  ref: string;
  environment: string;
}

const PERMISSION_HINT = (status: number) =>
  status === 403 || status === 404
    ? "The job needs 'permissions: deployments: write' and a token for this repository."
    : undefined;

/** Creates one GitHub deployment and posts its statuses (REST, `deployments: write`). */
export class GitHubDeployments implements DeploymentRecorder {
  private deploymentId: number | undefined;
  private readonly github: GitHubClient;

  constructor(
    private readonly options: GitHubDeploymentsOptions,
    deps: Partial<HttpDeps> = {},
  ) {
    const { signal, sleep, ...shared } = deps;
    this.github = new GitHubClient(
      {
        token: options.token,
        apiUrl: options.apiUrl,
        userAgent: 'shipkit-render-deploy',
        ...(signal ? { signal } : {}),
        // A deployment record is a side show of the deploy: a GitHub that stops answering must not hold
        // the deploy up for long (3 tries of at most 10 s each).
        retry: { attempts: 3, requestTimeoutMs: 10_000 },
      },
      { ...realGitHubDeps(), ...shared, ...(sleep ? { sleep: (ms) => sleep(ms) } : {}) },
    );
  }

  async start(): Promise<void> {
    const { ref, environment } = this.options;
    const { body } = await this.github.request<{ id?: unknown }>({
      method: 'POST',
      path: `/repos/${this.options.repository}/deployments`,
      what: 'create a GitHub deployment',
      body: {
        ref,
        environment,
        description: 'Render deploy',
        // The deploy is already decided; GitHub must neither merge the default branch in nor wait for checks.
        auto_merge: false,
        required_contexts: [],
      },
      hint: PERMISSION_HINT,
    });
    const id = body?.id;
    if (typeof id !== 'number') throw new Error('GitHub created a deployment but returned no id.');
    this.deploymentId = id;
  }

  async update(state: DeploymentState, details: DeploymentDetails): Promise<void> {
    if (this.deploymentId === undefined) return;
    await this.github.request({
      method: 'POST',
      path: `/repos/${this.options.repository}/deployments/${this.deploymentId}/statuses`,
      what: `set the GitHub deployment to ${state}`,
      body: {
        state,
        description: details.description.slice(0, 140),
        ...(details.environmentUrl ? { environment_url: details.environmentUrl } : {}),
        ...(details.logUrl ? { log_url: details.logUrl } : {}),
        auto_inactive: true,
      },
      // The same status twice only repeats a line in the deployment's history.
      idempotent: true,
      hint: PERMISSION_HINT,
    });
  }
}
