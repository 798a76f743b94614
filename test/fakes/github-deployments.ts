/**
 * A local stand-in for GitHub's deployments REST endpoints (what `GITHUB_API_URL` points at):
 * `POST /repos/{owner}/{repo}/deployments` and `POST …/deployments/{id}/statuses`, with GitHub's
 * answers for a bad token (401), a missing User-Agent or permission (403) and invalid fields (422).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readJsonBody } from './http';

const STATES = ['error', 'failure', 'inactive', 'in_progress', 'queued', 'pending', 'success'];

export interface FakeDeployment {
  id: number;
  repository: string;
  ref: string;
  environment: string;
  description?: string;
  auto_merge?: boolean;
  required_contexts?: string[];
}

export interface FakeDeploymentStatus {
  deploymentId: number;
  state: string;
  description?: string;
  environment_url?: string;
  log_url?: string;
}

export interface RecordedGitHubRequest {
  method: string;
  path: string;
  authorization?: string;
  body?: unknown;
  status: number;
}

export class FakeGitHubDeployments {
  readonly token = 'ghs_fakeInstallationToken0123456789';
  readonly deployments: FakeDeployment[] = [];
  readonly statuses: FakeDeploymentStatus[] = [];
  readonly requests: RecordedGitHubRequest[] = [];
  /** Answer like a token without `deployments: write`. */
  forbidden = false;

  private constructor(private readonly server: Server) {}

  static async start(): Promise<FakeGitHubDeployments> {
    let fake: FakeGitHubDeployments | undefined;
    const server = createServer((request, response) => {
      fake?.handle(request, response).catch(() => {
        response.writeHead(500);
        response.end();
      });
    });
    fake = new FakeGitHubDeployments(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  /** What `GITHUB_API_URL` points at. */
  get url(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const method = request.method ?? 'GET';
    const path = new URL(request.url ?? '/', this.url).pathname;
    const body = await readJsonBody(request);
    const [status, answer] = this.answer(method, path, request, body);
    this.requests.push({
      method,
      path,
      ...(request.headers.authorization ? { authorization: request.headers.authorization } : {}),
      ...(body === undefined ? {} : { body }),
      status,
    });
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(answer));
  }

  private answer(method: string, path: string, request: IncomingMessage, body: unknown): [number, unknown] {
    if (!request.headers['user-agent']) {
      return [
        403,
        {
          message:
            'Request forbidden by administrative rules. Please make sure your request has a User-Agent header.',
        },
      ];
    }
    const auth = request.headers.authorization;
    if (auth !== `Bearer ${this.token}` && auth !== `token ${this.token}`)
      return [401, { message: 'Bad credentials' }];
    const create = /^\/repos\/([^/]+\/[^/]+)\/deployments$/.exec(path);
    const status = /^\/repos\/([^/]+\/[^/]+)\/deployments\/(\d+)\/statuses$/.exec(path);
    if (method !== 'POST' || (!create && !status)) return [404, { message: 'Not Found' }];
    if (this.forbidden) return [403, { message: 'Resource not accessible by integration' }];
    const fields = (body ?? {}) as Record<string, unknown>;

    if (create) {
      if (typeof fields.ref !== 'string' || !fields.ref)
        return [422, { message: 'Invalid request: ref is required' }];
      const deployment: FakeDeployment = {
        id: 1000 + this.deployments.length + 1,
        repository: create[1] as string,
        ref: fields.ref,
        environment: typeof fields.environment === 'string' ? fields.environment : 'production',
        ...(typeof fields.description === 'string' ? { description: fields.description } : {}),
        ...(typeof fields.auto_merge === 'boolean' ? { auto_merge: fields.auto_merge } : {}),
        ...(Array.isArray(fields.required_contexts)
          ? { required_contexts: fields.required_contexts as string[] }
          : {}),
      };
      this.deployments.push(deployment);
      return [201, { ...deployment, url: `${this.url}${path}/${deployment.id}` }];
    }

    const deploymentId = Number(status?.[2]);
    if (!this.deployments.some((d) => d.id === deploymentId)) return [404, { message: 'Not Found' }];
    if (typeof fields.state !== 'string' || !STATES.includes(fields.state)) {
      return [422, { message: `Invalid request: state must be one of ${STATES.join(', ')}` }];
    }
    const recorded: FakeDeploymentStatus = {
      deploymentId,
      state: fields.state,
      ...(typeof fields.description === 'string' ? { description: fields.description } : {}),
      ...(typeof fields.environment_url === 'string' ? { environment_url: fields.environment_url } : {}),
      ...(typeof fields.log_url === 'string' ? { log_url: fields.log_url } : {}),
    };
    this.statuses.push(recorded);
    return [201, { id: this.statuses.length, ...recorded }];
  }
}
