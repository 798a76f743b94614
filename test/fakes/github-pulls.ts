/**
 * A loopback fake of the few GitHub REST endpoints branch policy calls: pull requests associated with a
 * commit, and issue comments (list with pagination, create, update, delete). It checks the token like
 * GitHub does and records every request, so tests can assert what the action asked for.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakePullRequest {
  number: number;
  state: 'open' | 'closed';
  title: string;
  merged_at: string | null;
  head: { ref: string; sha: string };
  base: { ref: string };
  labels: { name: string }[];
  user: { login: string };
}

export interface FakeComment {
  id: number;
  body: string;
  user: { login: string; type: string };
  created_at: string;
  updated_at: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  body?: unknown;
}

type Route = 'commit-pulls' | 'list-comments' | 'create-comment' | 'update-comment' | 'delete-comment';

export interface FakeOptions {
  /** The token the action must send; anything else gets 401 like GitHub's "Bad credentials". */
  token: string;
  owner?: string;
  repo?: string;
}

/** A pull request shaped like GitHub's REST responses (only the fields the action reads, plus a few). */
export function fakePull(fields: {
  number: number;
  head: string;
  base: string;
  title?: string;
  mergedAt?: string | null;
  labels?: string[];
  author?: string;
}): FakePullRequest {
  const merged = fields.mergedAt ?? null;
  return {
    number: fields.number,
    state: merged ? 'closed' : 'open',
    title: fields.title ?? `Pull request ${fields.number}`,
    merged_at: merged,
    head: { ref: fields.head, sha: '0123456789abcdef0123456789abcdef01234567' },
    base: { ref: fields.base },
    labels: (fields.labels ?? []).map((name) => ({ name })),
    user: { login: fields.author ?? 'alice' },
  };
}

export class FakeGitHubPulls {
  /** Pull requests returned for GET /repos/{owner}/{repo}/commits/{sha}/pulls, by sha. */
  readonly pullsByCommit = new Map<string, FakePullRequest[]>();
  /** Issue comments by issue number. */
  readonly comments = new Map<number, FakeComment[]>();
  readonly requests: RecordedRequest[] = [];
  /** Make a route answer with an error, e.g. 403 for a fork's read-only token. */
  readonly failures = new Map<Route, { status: number; message: string }>();
  /** Comments per page when the client does not ask (GitHub's default is 30). */
  defaultPageSize = 30;
  private nextCommentId = 9000001;

  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly options: Required<FakeOptions>,
  ) {}

  static async start(options: FakeOptions): Promise<FakeGitHubPulls> {
    let fake: FakeGitHubPulls | undefined;
    const server = createServer((request, response) => {
      fake
        ?.handle(request, response)
        .catch((error: unknown) => send(response, 500, { message: String(error) }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    fake = new FakeGitHubPulls(server, `http://127.0.0.1:${port}`, {
      owner: 'acme',
      repo: 'shop',
      ...options,
    });
    return fake;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) =>
      this.server.close((error) => (error ? reject(error) : resolve())),
    );
  }

  /** Seeds a comment as if someone (or an earlier run) had written it. */
  addComment(issueNumber: number, body: string, login = 'github-actions[bot]'): FakeComment {
    const now = new Date().toISOString();
    const comment = {
      id: this.nextCommentId++,
      body,
      user: { login, type: 'Bot' },
      created_at: now,
      updated_at: now,
    };
    this.comments.set(issueNumber, [...(this.comments.get(issueNumber) ?? []), comment]);
    return comment;
  }

  commentsOn(issueNumber: number): FakeComment[] {
    return this.comments.get(issueNumber) ?? [];
  }

  requestsTo(method: string, pathPrefix: string): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && r.path.startsWith(pathPrefix));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.url);
    const body = await readJson(request);
    this.requests.push({
      method: request.method ?? 'GET',
      path: url.pathname,
      authorization: request.headers.authorization,
      ...(body === undefined ? {} : { body }),
    });
    const { token } = this.options;
    if (
      request.headers.authorization !== `token ${token}` &&
      request.headers.authorization !== `Bearer ${token}`
    ) {
      return send(response, 401, {
        message: 'Bad credentials',
        documentation_url: 'https://docs.github.com/rest',
      });
    }
    const [status, payload, headers] = this.route(request.method ?? 'GET', url, body);
    send(response, status, payload, headers);
  }

  private route(method: string, url: URL, body: unknown): Reply {
    const base = `/repos/${this.options.owner}/${this.options.repo}`;
    const path = url.pathname;
    const commitPulls = new RegExp(`^${base}/commits/([0-9a-f]{7,40})/pulls$`).exec(path);
    const issueComments = new RegExp(`^${base}/issues/(\\d+)/comments$`).exec(path);
    const oneComment = new RegExp(`^${base}/issues/comments/(\\d+)$`).exec(path);

    if (commitPulls && method === 'GET') {
      return this.answer('commit-pulls', () => [200, this.pullsByCommit.get(commitPulls[1] ?? '') ?? []]);
    }
    if (issueComments && method === 'GET') {
      return this.answer('list-comments', () => this.listComments(url, Number(issueComments[1])));
    }
    if (issueComments && method === 'POST') {
      return this.answer('create-comment', () => [
        201,
        this.addComment(Number(issueComments[1]), bodyText(body)),
      ]);
    }
    if (oneComment && (method === 'PATCH' || method === 'DELETE')) {
      const id = Number(oneComment[1]);
      const found = [...this.comments.entries()].find(([, list]) => list.some((c) => c.id === id));
      if (!found) return [404, { message: 'Not Found' }];
      const [issueNumber, list] = found;
      if (method === 'DELETE') {
        return this.answer('delete-comment', () => {
          this.comments.set(
            issueNumber,
            list.filter((c) => c.id !== id),
          );
          return [204, undefined];
        });
      }
      return this.answer('update-comment', () => {
        const comment = list.find((c) => c.id === id) as FakeComment;
        comment.body = bodyText(body);
        comment.updated_at = new Date().toISOString();
        return [200, comment];
      });
    }
    return [404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' }];
  }

  private answer(route: Route, ok: () => Reply): Reply {
    const failure = this.failures.get(route);
    return failure ? [failure.status, { message: failure.message }] : ok();
  }

  private listComments(url: URL, issueNumber: number): Reply {
    const perPage = Math.min(Number(url.searchParams.get('per_page') ?? this.defaultPageSize), 100);
    const page = Number(url.searchParams.get('page') ?? 1);
    const all = this.commentsOn(issueNumber);
    const lastPage = Math.max(1, Math.ceil(all.length / perPage));
    const headers: Record<string, string> = {};
    if (page < lastPage) {
      const next = new URL(url);
      next.searchParams.set('page', String(page + 1));
      next.searchParams.set('per_page', String(perPage));
      headers.link = `<${next.href}>; rel="next"`;
    }
    return [200, all.slice((page - 1) * perPage, page * perPage), headers];
  }
}

type Reply = [status: number, payload: unknown, headers?: Record<string, string>];

function bodyText(body: unknown): string {
  return typeof body === 'object' && body !== null && 'body' in body
    ? String((body as { body: unknown }).body)
    : '';
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  if (chunks.length === 0) return undefined;
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

function send(
  response: ServerResponse,
  status: number,
  payload: unknown,
  headers: Record<string, string> = {},
): void {
  const text = payload === undefined ? '' : JSON.stringify(payload);
  response.writeHead(status, {
    ...(text ? { 'content-type': 'application/json; charset=utf-8' } : {}),
    'x-github-media-type': 'github.v3; format=json',
    ...headers,
  });
  response.end(text);
}
