/**
 * The GitHub API misbehaving under the bundled actions: a server that stops answering ends the run by
 * its deadline, naming the request it hung on; a request that creates something is never sent twice
 * after the connection dropped, since GitHub may already have acted on it.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect } from '@jest/globals';
import { readBody } from '../fakes/http';
import { FakeRenderApi } from '../fakes/render-api';
import { type ActionResult, runAction } from '../runner';
import { fault, scratchDir } from './harness';

const BRANCH_POLICY = fileURLToPath(new URL('../../actions/branch-policy/dist/index.js', import.meta.url));
const RENDER_DEPLOY = fileURLToPath(new URL('../../actions/render-deploy/dist/index.js', import.meta.url));
const TOKEN = 'ghs_FaultSuiteT0kenThatMustNeverShow0123';
const COMMIT = '0123456789abcdef0123456789abcdef01234567';

/** A loopback stand-in for the GitHub API whose answers the fault decides, recording what it got. */
async function gitHubThat(
  answer: (request: IncomingMessage, response: ServerResponse) => void,
): Promise<{ url: string; requests: { method: string; path: string }[]; close(): Promise<void> }> {
  const requests: { method: string; path: string }[] = [];
  const server: Server = createServer((request, response) => {
    void readBody(request).then(() => {
      requests.push({ method: request.method ?? '', path: new URL(request.url ?? '/', 'http://x').pathname });
      answer(request, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const errors = (result: ActionResult) =>
  result.annotations.filter((a) => a.level === 'error').map((a) => a.message);
const warnings = (result: ActionResult) =>
  result.annotations.filter((a) => a.level === 'warning').map((a) => a.message);
const shown = (result: ActionResult) => result.everything.replace(`::add-mask::${TOKEN}`, '');

let render: FakeRenderApi;

beforeAll(async () => {
  for (const entry of [BRANCH_POLICY, RENDER_DEPLOY]) {
    if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run package\` first.`);
  }
  render = await FakeRenderApi.start();
});

afterAll(async () => {
  await render?.close();
});

fault(
  'the GitHub API freezes while branch policy looks up the pull request of a push',
  'the step fails by its timeout (2s) within seconds, naming the GitHub request it was waiting for',
  async () => {
    const github = await gitHubThat(() => {
      // Never answers: the connection stays open and silent.
    });
    const workspace = await scratchDir('branch-policy');
    try {
      await mkdir(join(workspace.path, '.git'));
      const started = Date.now();
      const result = await runAction(BRANCH_POLICY, {
        eventName: 'push',
        event: {
          ref: 'refs/heads/main',
          after: COMMIT,
          head_commit: { id: COMMIT, message: 'fix: hotfix', author: { username: 'alice' } },
          pusher: { name: 'alice' },
          sender: { login: 'alice', type: 'User' },
          repository: { full_name: 'acme/shop', default_branch: 'main' },
        },
        inputs: { 'github-token': TOKEN, timeout: '2s' },
        env: { GITHUB_API_URL: github.url, GITHUB_WORKSPACE: workspace.path },
        timeoutMs: 30_000,
      });
      const elapsed = Date.now() - started;
      expect(result.exitCode).toBe(1);
      expect(github.requests.map((r) => r.path)).toContain(`/repos/acme/shop/commits/${COMMIT}/pulls`);
      const [error] = errors(result);
      expect(error).toMatch(
        /^The branch policy check did not finish within its timeout \(2\.0s\): still waiting for GitHub to list the pull requests of commit 0123456789ab, silent for/,
      );
      expect(elapsed).toBeLessThan(15_000);
      expect(shown(result)).not.toContain(TOKEN);
      return `exit 1 after ${(elapsed / 1000).toFixed(1)}s: ${error}`;
    } finally {
      await github.close();
      await workspace.remove();
    }
  },
);

fault(
  'a secondary rate limit (403 with Retry-After) on the pull request comment',
  'the comment is posted once the limit lifts: exactly one comment, no warning',
  async () => {
    const comments: string[] = [];
    let posts = 0;
    const github = await gitHubThat((request, response) => {
      const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        response.writeHead(status, { 'content-type': 'application/json', ...headers });
        response.end(JSON.stringify(body));
      };
      if (request.method === 'GET') return reply(200, []);
      posts += 1;
      if (posts === 1) {
        return reply(403, { message: 'You have exceeded a secondary rate limit.' }, { 'retry-after': '1' });
      }
      comments.push('policy comment');
      return reply(201, { id: 1, body: '' });
    });
    const workspace = await scratchDir('branch-policy');
    try {
      await mkdir(join(workspace.path, '.git'));
      const event = JSON.parse(
        await readFile(new URL('../fixtures/events/pull_request.opened.json', import.meta.url), 'utf8'),
      ) as unknown;
      const result = await runAction(BRANCH_POLICY, {
        eventName: 'pull_request',
        event,
        inputs: { 'github-token': TOKEN },
        env: { GITHUB_API_URL: github.url, GITHUB_WORKSPACE: workspace.path },
        timeoutMs: 30_000,
      });
      expect(result.outputs.verdict).toBe('fail');
      expect({ posts, comments: comments.length }).toEqual({ posts: 2, comments: 1 });
      expect(warnings(result).filter((w) => w.includes('comment'))).toEqual([]);
      expect(result.stdout).toContain(
        'Could not comment on pull request #42 yet (rate limited, HTTP 403); retrying in 1.0s.',
      );
      expect(shown(result)).not.toContain(TOKEN);
      return `2 POSTs (the first refused by the limit), 1 comment, no warning; verdict ${result.outputs.verdict}`;
    } finally {
      await github.close();
      await workspace.remove();
    }
  },
);

fault(
  'the connection drops after GitHub received the request creating a deployment (render-deploy)',
  'the POST is sent once, never again; the deploy still goes live with a warning',
  async () => {
    const github = await gitHubThat((request) => request.socket.destroy());
    const serviceId = 'srv-faultgithub0001';
    render.addService(serviceId);
    render.seed(serviceId, [{ status: 'live' }]);
    try {
      const result = await runAction(RENDER_DEPLOY, {
        timeoutMs: 60_000,
        inputs: {
          'service-id': serviceId,
          'api-key': render.apiKey,
          'api-base-url': render.baseUrl,
          'poll-interval': '20ms',
          commit: COMMIT,
          'github-deployment': 'true',
          'github-token': TOKEN,
          environment: 'staging',
        },
        env: { GITHUB_API_URL: github.url },
      });
      const posts = github.requests.filter((r) => r.method === 'POST');
      expect(posts).toEqual([{ method: 'POST', path: '/repos/acme/shop/deployments' }]);
      expect({ exit: result.exitCode, status: result.outputs.status }).toEqual({ exit: 0, status: 'live' });
      const warning = warnings(result).find((w) => w.startsWith('Could not create the GitHub deployment'));
      expect(warning).toMatch(/The request may have reached GitHub, so it was not sent again\.$/);
      expect(shown(result)).not.toContain(TOKEN);
      return `${posts.length} POST to /deployments, no status posted; deploy live, exit 0; ${warning}`;
    } finally {
      await github.close();
    }
  },
);
