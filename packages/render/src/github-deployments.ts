import { DEFAULT_RETRY, type HttpDeps, realHttpDeps, sendWithRetry } from './http';

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

/** Creates one GitHub deployment and posts its statuses (REST, `deployments: write`). */
export class GitHubDeployments implements DeploymentRecorder {
  private deploymentId: number | undefined;
  private readonly deps: HttpDeps;

  constructor(
    private readonly options: GitHubDeploymentsOptions,
    deps: Partial<HttpDeps> = {},
  ) {
    this.deps = { ...realHttpDeps(), ...deps };
  }

  async start(): Promise<void> {
    const { ref, environment } = this.options;
    const created = await this.post('create a GitHub deployment', '/deployments', {
      ref,
      environment,
      description: 'Render deploy',
      // The deploy is already decided; GitHub must neither merge the default branch in nor wait for checks.
      auto_merge: false,
      required_contexts: [],
    });
    const id = (created as { id?: unknown }).id;
    if (typeof id !== 'number') throw new Error('GitHub created a deployment but returned no id.');
    this.deploymentId = id;
  }

  async update(state: DeploymentState, details: DeploymentDetails): Promise<void> {
    if (this.deploymentId === undefined) return;
    await this.post(
      `set the GitHub deployment to ${state}`,
      `/deployments/${this.deploymentId}/statuses`,
      {
        state,
        description: details.description.slice(0, 140),
        ...(details.environmentUrl ? { environment_url: details.environmentUrl } : {}),
        ...(details.logUrl ? { log_url: details.logUrl } : {}),
        auto_inactive: true,
      },
      // The same status twice only repeats a line in the deployment's history.
      { idempotent: true },
    );
  }

  private async post(
    what: string,
    path: string,
    body: unknown,
    options: { idempotent?: boolean } = {},
  ): Promise<unknown> {
    const base = this.options.apiUrl.replace(/\/+$/, '');
    const response = await sendWithRetry(
      {
        url: `${base}/repos/${this.options.repository}${path}`,
        method: 'POST',
        what,
        headers: {
          authorization: `Bearer ${this.options.token}`,
          accept: 'application/vnd.github+json',
          'content-type': 'application/json',
          'user-agent': 'shipkit-render-deploy',
          'x-github-api-version': '2022-11-28',
        },
        body: JSON.stringify(body),
        ...options,
      },
      this.deps,
      { ...DEFAULT_RETRY, attempts: 3 },
    );
    if (response.status >= 200 && response.status < 300) return JSON.parse(response.text || '{}');
    const message = githubMessage(response.text);
    const hint =
      response.status === 403 || response.status === 404
        ? " The job needs 'permissions: deployments: write' and a token for this repository."
        : '';
    throw new Error(
      `GitHub refused to ${what} (HTTP ${response.status})${message ? `: ${message}` : ''}.${hint}`,
    );
  }
}

function githubMessage(text: string): string {
  try {
    const message = (JSON.parse(text) as { message?: unknown }).message;
    return typeof message === 'string' ? message : '';
  } catch {
    return '';
  }
}
