import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from '@jest/globals';
import { Deadline, DeadlineExceededError, MemoryLogger } from '@shipkit/runtime';
import { readBody } from '../../../test/fakes/http';
import { GitHubApiError, GitHubClient, type GitHubDeps, nextLink, realGitHubDeps } from '../src';

const TOKEN = 'ghs_L00kingLikeARealT0ken0123456789abcdef';
const NOW = Date.parse('2026-12-07T04:00:00Z');

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

type Handler = (request: IncomingMessage, response: ServerResponse, index: number) => void;

/** A loopback server answering with `handlers[i]` for the i-th request (the last one repeats). */
async function serve(...handlers: Handler[]): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((request, response) => {
    void readBody(request).then((body) => {
      const index = seen.length;
      seen.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body });
      (handlers[Math.min(index, handlers.length - 1)] as Handler)(request, response, index);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Handler =>
  (_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(JSON.stringify(body));
  };

/** Real network, instant and recorded sleeps, a fixed clock and chance. */
function testDeps(): GitHubDeps & { sleeps: number[]; logger: MemoryLogger } {
  const sleeps: number[] = [];
  return {
    ...realGitHubDeps(),
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    now: () => NOW,
    random: () => 0.5,
    logger: new MemoryLogger(),
    sleeps,
  };
}

function client(
  apiUrl: string,
  deps: GitHubDeps,
  extra: Partial<ConstructorParameters<typeof GitHubClient>[0]> = {},
) {
  return new GitHubClient({ token: TOKEN, apiUrl, userAgent: 'shipkit-test', ...extra }, deps);
}

async function failure(promise: Promise<unknown>): Promise<GitHubApiError> {
  const thrown = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(thrown).toBeInstanceOf(GitHubApiError);
  return thrown as GitHubApiError;
}

describe('GitHubClient', () => {
  it('sends the token, the media type, the API version and a User-Agent under the API URL (GHES paths kept)', async () => {
    const server = await serve(json(200, { ok: true }));
    const deps = testDeps();
    const response = await client(`${server.url}/api/v3/`, deps).request({
      method: 'POST',
      path: '/repos/acme/shop/deployments',
      body: { ref: 'main' },
      what: 'create a GitHub deployment',
    });
    expect(response).toMatchObject({ status: 200, body: { ok: true }, attempts: 1 });
    const [request] = server.seen;
    expect(request?.url).toBe('/api/v3/repos/acme/shop/deployments');
    expect(request?.headers).toMatchObject({
      authorization: `Bearer ${TOKEN}`,
      accept: 'application/vnd.github+json',
      'x-github-api-version': '2022-11-28',
      'user-agent': 'shipkit-test',
      'content-type': 'application/json',
    });
    expect(JSON.parse(request?.body ?? '')).toEqual({ ref: 'main' });
  });

  it('retries a GET after a 502 with backoff, and succeeds', async () => {
    const server = await serve(json(502, { message: 'Bad gateway' }), json(502, {}), json(200, [1]));
    const deps = testDeps();
    const response = await client(server.url, deps).request({ method: 'GET', path: '/x', what: 'read x' });
    expect(response).toMatchObject({ status: 200, body: [1], attempts: 3 });
    expect(server.seen).toHaveLength(3);
    // Equal jitter with random 0.5: three quarters of 1s, then of 2s.
    expect(deps.sleeps).toEqual([750, 1500]);
    expect(deps.logger.text).toContain('Could not read x yet (HTTP 502); retrying in 0.8s.');
  });

  it('gives up on a 5xx after the last attempt, saying how often it tried', async () => {
    const server = await serve(json(503, { message: 'Unavailable' }));
    const error = await failure(
      client(server.url, testDeps(), { retry: { attempts: 2 } }).request({
        method: 'GET',
        path: '/x',
        what: 'read x',
      }),
    );
    expect(error.message).toBe('GitHub failed to read x (HTTP 503: Unavailable, after 2 attempts).');
    expect(server.seen).toHaveLength(2);
  });

  it('never resends a POST after the connection was reset: GitHub may have acted on it', async () => {
    const server = await serve((request) => request.socket.destroy(), json(201, { id: 1 }));
    const error = await failure(
      client(server.url, testDeps()).request({
        method: 'POST',
        path: '/repos/acme/shop/issues/1/comments',
        body: { body: 'hello' },
        what: 'comment on pull request #1',
      }),
    );
    expect(server.seen).toHaveLength(1);
    expect(error.mayHaveBeenReceived).toBe(true);
    expect(error.message).toMatch(
      /^GitHub gave no answer when asked to comment on pull request #1: the connection dropped \(\w+\)\. The request may have reached GitHub, so it was not sent again\.$/,
    );
  });

  it('resends a POST whose connection was refused (it never left), and says when GitHub stays unreachable', async () => {
    const server = await serve(json(200, {}));
    for (const open of servers.splice(0)) await new Promise<void>((resolve) => open.close(() => resolve()));
    const deps = testDeps();
    const error = await failure(
      client(server.url, deps, { retry: { attempts: 2 } }).request({
        method: 'POST',
        path: '/a',
        what: 'create a',
      }),
    );
    expect(error.message).toBe(
      `Could not reach the GitHub API at ${server.url} (GITHUB_API_URL) to create a: ECONNREFUSED (after 2 attempts).`,
    );
    expect(error.mayHaveBeenReceived).toBe(false);
    expect(deps.sleeps).toHaveLength(1);
  });

  it('never resends a POST after a 502, but does an idempotent one', async () => {
    const server = await serve(json(502, {}), json(201, { id: 1 }));
    const error = await failure(
      client(server.url, testDeps()).request({ method: 'POST', path: '/a', what: 'create a' }),
    );
    expect(error).toMatchObject({ status: 502, mayHaveBeenReceived: true });
    expect(server.seen).toHaveLength(1);
    const status = await client(server.url, testDeps()).request({
      method: 'POST',
      path: '/b',
      what: 'post a status',
      idempotent: true,
    });
    expect(status.status).toBe(201);
  });

  it('waits as long as Retry-After says on a 429, even for a POST (GitHub processed nothing)', async () => {
    const server = await serve(
      json(429, { message: 'Too many requests' }, { 'retry-after': '7' }),
      json(201, {}),
    );
    const deps = testDeps();
    const response = await client(server.url, deps).request({ method: 'POST', path: '/a', what: 'create a' });
    expect(response.attempts).toBe(2);
    expect(deps.sleeps).toEqual([7000]);
    expect(deps.logger.text).toContain('Could not create a yet (rate limited, HTTP 429); retrying in 7.0s.');
  });

  it('waits for the reset of a 403 secondary or exhausted rate limit, and not for a plain 403', async () => {
    const reset = String(NOW / 1000 + 42);
    const server = await serve(
      json(403, { message: 'You have exceeded a secondary rate limit' }, { 'retry-after': '3' }),
      json(
        403,
        { message: 'API rate limit exceeded' },
        { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset },
      ),
      json(200, []),
      json(403, { message: 'Resource not accessible by integration' }, { 'x-ratelimit-remaining': '4999' }),
    );
    const deps = testDeps();
    const github = client(server.url, deps);
    expect((await github.request({ method: 'GET', path: '/x', what: 'read x' })).attempts).toBe(3);
    expect(deps.sleeps).toEqual([3000, 42_000]);
    const refused = await failure(
      github.request({
        method: 'GET',
        path: '/x',
        what: 'read x',
        hint: (status) => (status === 403 ? 'The token needs contents: read.' : undefined),
      }),
    );
    expect(refused.message).toBe(
      'GitHub refused to read x (HTTP 403: Resource not accessible by integration). The token needs contents: read.',
    );
    expect(server.seen).toHaveLength(4);
  });

  it('does not wait for a rate limit that lifts later than it may wait: it says when to run again', async () => {
    const reset = String(NOW / 1000 + 3600);
    const server = await serve(
      json(
        403,
        { message: 'API rate limit exceeded' },
        { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset },
      ),
    );
    const deps = testDeps();
    const error = await failure(
      client(server.url, deps).request({ method: 'GET', path: '/x', what: 'read x' }),
    );
    expect(error.message).toContain(
      "GitHub's rate limit stops the request to read x (HTTP 403: API rate limit exceeded)",
    );
    expect(error.message).toContain('at 05:00 UTC');
    expect(deps.sleeps).toEqual([]);
  });

  it('follows Link rel="next" across three pages', async () => {
    const page = (n: number, next?: number): Handler => {
      return (request, response) => {
        const url = new URL(request.url ?? '/', 'http://x');
        const host = `http://${request.headers.host}`;
        response.writeHead(200, {
          'content-type': 'application/json',
          ...(next
            ? {
                link: `<${host}/api/v3/items?per_page=${url.searchParams.get('per_page')}&page=${next}>; rel="next", <${host}/api/v3/items?page=3>; rel="last"`,
              }
            : {}),
        });
        response.end(JSON.stringify([`item ${n}a`, `item ${n}b`]));
      };
    };
    const server = await serve(page(1, 2), page(2, 3), page(3));
    const items = await client(`${server.url}/api/v3`, testDeps()).paginate<string>({
      path: '/items',
      query: { state: 'open' },
      what: 'list items',
    });
    expect(items).toEqual(['item 1a', 'item 1b', 'item 2a', 'item 2b', 'item 3a', 'item 3b']);
    expect(server.seen.map((s) => s.url)).toEqual([
      '/api/v3/items?per_page=100&state=open',
      '/api/v3/items?per_page=100&page=2',
      '/api/v3/items?per_page=100&page=3',
    ]);
  });

  it('does not follow a next link away from the API URL with the token', async () => {
    const server = await serve(json(200, [1], { link: '<http://198.51.100.7/steal?page=2>; rel="next"' }));
    const error = await failure(
      client(server.url, testDeps()).paginate({ path: '/items', what: 'list items' }),
    );
    expect(error.message).toContain('not followed with the token');
    expect(server.seen).toHaveLength(1);
  });

  it('ends with the deadline when GitHub never answers, naming the request', async () => {
    const server = await serve(() => {
      // Headers never come: a frozen server.
    });
    const deadline = new Deadline({ run: 'branch policy check', timeoutMs: 300 });
    const started = Date.now();
    const thrown = await client(server.url, realGitHubDeps(), { deadline })
      .request({
        method: 'GET',
        path: '/repos/acme/shop/commits/abc/pulls',
        what: 'list the pull requests of commit abc',
      })
      .catch((error: unknown) => error);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(thrown).toBeInstanceOf(DeadlineExceededError);
    expect((thrown as Error).message).toMatch(
      /^The branch policy check did not finish within its timeout \(.+\): still waiting for GitHub to list the pull requests of commit abc, silent for/,
    );
    expect(server.seen).toHaveLength(1);
  });

  it('ends a response frozen after its headers by the request timeout, and retries a GET', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('[1,');
    });
    const deps = testDeps();
    const error = await failure(
      client(server.url, deps, { retry: { attempts: 2, requestTimeoutMs: 200 } }).request({
        method: 'GET',
        path: '/x?secret=abc',
        what: 'read x',
      }),
    );
    expect(error.message).toBe(
      `Could not reach the GitHub API at ${server.url} (GITHUB_API_URL) to read x: no response in time (after 2 attempts).`,
    );
    expect(error).toMatchObject({ method: 'GET', path: '/x', attempts: 2 });
    expect(server.seen).toHaveLength(2);
  });

  it('keeps the token out of errors and logs, even when GitHub echoes it', async () => {
    const echo: Handler = (request, response) => {
      response.writeHead(502, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          message: `bad ${request.headers.authorization}`,
          documentation_url: 'https://docs.github.com/rest',
        }),
      );
    };
    const server = await serve(echo);
    const deps = testDeps();
    const error = await failure(
      client(server.url, deps, { retry: { attempts: 2 } }).request({
        method: 'GET',
        path: '/x',
        what: 'read x',
      }),
    );
    expect(error).toMatchObject({ status: 502, documentationUrl: 'https://docs.github.com/rest' });
    for (const text of [error.message, error.githubMessage ?? '', deps.logger.text, JSON.stringify(error)]) {
      expect(text).not.toContain(TOKEN);
    }
    expect(error.githubMessage).toBe('bad Bearer ***');
  });
});

describe('nextLink', () => {
  it('finds rel="next" among the relations, and nothing when there is none', () => {
    expect(
      nextLink(
        '<https://api.github.com/x?page=3>; rel="last", <https://api.github.com/x?page=2>; rel="next"',
      ),
    ).toBe('https://api.github.com/x?page=2');
    expect(nextLink('<https://api.github.com/x?page=1>; rel="prev"')).toBeUndefined();
    expect(nextLink(null)).toBeUndefined();
  });
});
