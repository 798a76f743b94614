/**
 * The bundled action (dist/index.js), run the way the GitHub runner runs it, against real webhook payloads
 * and a loopback fake of the GitHub endpoints it calls. Rebuild first: npm run build -w actions/branch-policy
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { FakeGitHubPulls, fakePull } from '../../../test/fakes/github-pulls';
import { type ActionResult, type RunActionOptions, runAction } from '../../../test/runner';

const ENTRY = new URL('../dist/index.js', import.meta.url).pathname;
const TOKEN = 'ghs_R3alLooking1nstallationT0ken0123456789';
const MARKER = '<!-- shipkit:branch-policy -->';
const POLICY = [
  '# yaml-language-server: $schema=../docs/schema/branch-policy.schema.json',
  'titles:',
  '  types: [feat, fix, docs, chore]',
  '',
].join('\n');

// Each test starts the bundle in a fresh node process; on a busy machine that alone can take seconds.
jest.setTimeout(30_000);

let fake: FakeGitHubPulls;
let workspace: string;

async function fixture(name: string): Promise<Record<string, unknown>> {
  return JSON.parse(
    await readFile(new URL(`../../../test/fixtures/events/${name}`, import.meta.url), 'utf8'),
  );
}

/** Runs the bundle for an event fixture (or a payload derived from one) and checks the token leaked nowhere. */
async function run(
  eventName: string,
  event: unknown,
  options: { inputs?: RunActionOptions['inputs']; env?: RunActionOptions['env'] } = {},
): Promise<ActionResult> {
  const result = await runAction(ENTRY, {
    eventName,
    event,
    inputs: { 'github-token': TOKEN, ...options.inputs },
    env: { GITHUB_API_URL: fake.url, GITHUB_WORKSPACE: workspace, ...options.env },
    timeoutMs: 30_000,
  });
  // The runner consumes ::add-mask:: itself; everything else a user could see must not hold the token.
  expect(result.stdout).toContain(`::add-mask::${TOKEN}`);
  const visible = result.everything.replace(`::add-mask::${TOKEN}`, '');
  expect(visible).not.toContain(TOKEN);
  return result;
}

const violationsOf = (result: ActionResult) =>
  (
    JSON.parse(result.outputs.violations ?? 'null') as { rule: string; severity: string; message: string }[]
  ).map((v) => [v.rule, v.severity, v.message]);
const ourComments = (issue: number) => fake.commentsOn(issue).filter((c) => c.body.includes(MARKER));

beforeAll(async () => {
  if (!existsSync(ENTRY))
    throw new Error(`${ENTRY} is missing: build it with npm run build -w actions/branch-policy`);
});

beforeEach(async () => {
  fake = await FakeGitHubPulls.start({ token: TOKEN });
  workspace = await mkdtemp(join(tmpdir(), 'branch-policy-ws-'));
  await mkdir(join(workspace, '.git'));
  await mkdir(join(workspace, '.github'));
  await writeFile(join(workspace, '.github/branch-policy.yml'), POLICY);
});

afterEach(async () => {
  await fake.close();
  await rm(workspace, { recursive: true, force: true });
});

describe('pull requests', () => {
  test("the sticky comment's lifecycle: created, left alone, updated in place, deleted once compliant", async () => {
    const reviewer = fake.addComment(42, 'Please target development.', 'bob');

    const opened = await run('pull_request', await fixture('pull_request.opened.json'));
    expect(opened.exitCode).toBe(1);
    expect(opened.outputs.verdict).toBe('fail');
    expect(violationsOf(opened)).toEqual([
      ['flows', 'fail', 'feature/login-form may not be merged into main.'],
      [
        'titles',
        'fail',
        "Title 'Add login form' is not a Conventional Commits header ('type(scope): subject').",
      ],
    ]);
    expect(opened.annotations).toEqual([
      {
        level: 'error',
        message:
          "feature/login-form may not be merged into main. Fix: Change the base branch to development (Edit, next to the pull request's title). Only development, release/*, hotfix/* may target main.",
      },
      {
        level: 'error',
        message:
          "Title 'Add login form' is not a Conventional Commits header ('type(scope): subject'). Fix: Edit the title, e.g. 'feat: add login form'.",
      },
      {
        level: 'error',
        message:
          'Branch policy failed: 2 violations (flows, titles) in pull request #42 (feature/login-form → main).',
      },
    ]);
    expect(opened.stdout).toContain('::error title=Branch policy%3A flows::');
    expect(opened.summary).toContain('### ❌ Branch policy: fail');
    expect(opened.summary).toContain(
      'Checked pull request #42 (feature/login-form → main) against .github/branch-policy.yml.',
    );
    expect(opened.summary).toContain('| flows | ❌ fail | feature/login-form → main: no flow allows it |');
    expect(opened.summary).toContain('| naming | ✅ pass | feature/login-form matches feature/* |');
    expect(opened.summary).toContain(
      "| titles | ❌ fail | 'Add login form' is not a Conventional Commits header |",
    );
    const [created] = ourComments(42);
    expect(ourComments(42)).toHaveLength(1);
    expect(created?.body).toContain('### ❌ Branch policy: 2 problems');
    expect(created?.body).toContain("Title 'Add login form' is not a Conventional Commits header");
    for (const request of fake.requests) expect(request.authorization).toBe(`Bearer ${TOKEN}`);

    const synchronized = await run('pull_request', await fixture('pull_request.synchronize.json'));
    expect(synchronized.exitCode).toBe(1);
    expect(fake.requestsTo('PATCH', '/repos/acme/shop/issues/comments')).toHaveLength(0);
    expect(fake.requestsTo('POST', '/repos/acme/shop/issues/42/comments')).toHaveLength(1);

    const retitled = await run('pull_request', await fixture('pull_request.edited-title.json'));
    expect(retitled.exitCode).toBe(1);
    expect(violationsOf(retitled)).toEqual([
      ['flows', 'fail', 'feature/login-form may not be merged into main.'],
    ]);
    expect(fake.requestsTo('PATCH', `/repos/acme/shop/issues/comments/${created?.id}`)).toHaveLength(1);
    expect(ourComments(42)).toHaveLength(1);
    expect(ourComments(42)[0]?.id).toBe(created?.id);
    expect(ourComments(42)[0]?.body).toContain('### ❌ Branch policy: 1 problem');
    expect(ourComments(42)[0]?.body).not.toContain('Conventional Commits');

    const rebased = await run('pull_request', await fixture('pull_request.edited-base.json'));
    expect(rebased.exitCode).toBe(0);
    expect(rebased.outputs).toMatchObject({ verdict: 'pass', violations: '[]' });
    expect(rebased.annotations).toEqual([]);
    expect(rebased.summary).toContain('### ✅ Branch policy: pass');
    expect(rebased.summary).toContain(
      '| flows | ✅ pass | feature/login-form → development (flow feature/* → development) |',
    );
    expect(rebased.summary).toContain(
      "| titles | ✅ pass | 'feat(auth): add login form': type feat, scope auth |",
    );
    expect(ourComments(42)).toEqual([]);
    expect(fake.commentsOn(42)).toEqual([reviewer]);
  }, 60_000);

  test('finds its comment beyond the first page of comments', async () => {
    for (let i = 0; i < 120; i++) fake.addComment(42, `comment ${i}`, 'bob');
    const ours = fake.addComment(42, `${MARKER}\nan older verdict`);
    await run('pull_request', await fixture('pull_request.opened.json'));
    expect(fake.requestsTo('GET', '/repos/acme/shop/issues/42/comments')).toHaveLength(2);
    expect(fake.requestsTo('POST', '/repos/acme/shop/issues/42/comments')).toHaveLength(0);
    expect(ourComments(42).map((c) => c.id)).toEqual([ours.id]);
    expect(ourComments(42)[0]?.body).toContain('feature/login-form may not be merged into main.');
  });

  test('a draft fails gently: warnings, exit 0, and a comment', async () => {
    const event = await fixture('pull_request.opened.json');
    (event.pull_request as { draft: boolean }).draft = true;
    const result = await run('pull_request', event);
    expect(result.exitCode).toBe(0);
    expect(result.outputs.verdict).toBe('warn');
    expect(result.annotations.map((a) => a.level)).toEqual(['warning', 'warning']);
    expect(result.annotations[0]?.message).toContain('(draft pull request)');
    expect(ourComments(42)[0]?.body).toContain('### ⚠️ Branch policy: 2 problems (warnings)');
  });

  test('fail-on-warn fails the draft', async () => {
    const event = await fixture('pull_request.opened.json');
    (event.pull_request as { draft: boolean }).draft = true;
    const result = await run('pull_request', event, { inputs: { 'fail-on-warn': 'true' } });
    expect(result.exitCode).toBe(1);
    expect(result.outputs.verdict).toBe('fail');
  });

  test('the override label turns failures into warnings and is recorded with who applied it', async () => {
    const event = await fixture('pull_request.opened.json');
    const label = { id: 6100009, name: 'policy-override', color: 'b60205', default: false };
    (event.pull_request as { labels: unknown[] }).labels = [label];
    const labeled = {
      ...event,
      action: 'labeled',
      label,
      sender: { login: 'lead-dev', id: 1003, type: 'User' },
    };
    const result = await run('pull_request', labeled);
    expect(result.exitCode).toBe(0);
    expect(result.outputs.verdict).toBe('warn');
    expect(result.summary).toContain(
      'The `policy-override` label on #42 turned 2 failures into warnings; applied by @lead-dev.',
    );
    expect(ourComments(42)[0]?.body).toContain('applied by @lead-dev');
  });

  test('pull_request_target from a fork passes and leaves no comment', async () => {
    const result = await run('pull_request_target', await fixture('pull_request_target.opened.json'));
    expect(result.exitCode).toBe(0);
    expect(result.outputs.verdict).toBe('pass');
    expect(result.summary).toContain(
      'Checked pull request #61 (octo-contributor/shop:docs/readme-typo → development)',
    );
    expect(fake.requestsTo('POST', '/repos/acme/shop/issues/61/comments')).toEqual([]);
    expect(fake.requestsTo('GET', '/repos/acme/shop/issues/61/comments')).toHaveLength(1);
  });

  test('a Dependabot pull request into main is exempt', async () => {
    const result = await run('pull_request', await fixture('pull_request.opened-dependabot.json'));
    expect(result.exitCode).toBe(0);
    expect(result.outputs.verdict).toBe('pass');
    expect(result.summary).toContain('Exempt: bot branch (dependabot/**).');
    expect(result.summary).toContain('| flows | 🟦 exempt | bot branch (dependabot/**) |');
  });

  test("a read-only token (a fork's pull_request run) only costs the comment, not the verdict", async () => {
    fake.failures.set('create-comment', { status: 403, message: 'Resource not accessible by integration' });
    const result = await run('pull_request', await fixture('pull_request.opened.json'));
    expect(result.exitCode).toBe(1);
    expect(result.outputs.verdict).toBe('fail');
    expect(result.annotations).toContainEqual({
      level: 'warning',
      message: expect.stringContaining(
        'Could not update the pull request comment: GitHub refused to comment on pull request #42 (HTTP 403: Resource not accessible by integration). The token needs pull-requests: write',
      ) as unknown as string,
    });
  });

  test('comment: false makes no comment calls', async () => {
    const result = await run('pull_request', await fixture('pull_request.opened.json'), {
      inputs: { comment: 'false' },
    });
    expect(result.exitCode).toBe(1);
    expect(fake.requests).toEqual([]);
  });

  test('an API error that echoes the token is redacted', async () => {
    fake.failures.set('list-comments', { status: 500, message: `internal error for token ${TOKEN}` });
    const result = await run('pull_request', await fixture('pull_request.opened.json'));
    expect(result.stdout).toContain('internal error for token ***');
  });
});

describe('pushes to protected branches', () => {
  test('the merge of a pull request passes, after looking it up by commit', async () => {
    const sha = 'd4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f5a6b';
    fake.pullsByCommit.set(sha, [
      fakePull({
        number: 57,
        head: 'release/1.4.0',
        base: 'main',
        mergedAt: '2026-11-24T17:05:10Z',
        title: 'Release 1.4.0',
      }),
    ]);
    const result = await run('push', await fixture('push.main-merged-pr.json'));
    expect(result.exitCode).toBe(0);
    expect(result.outputs.verdict).toBe('pass');
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /repos/acme/shop/commits/${sha}/pulls`,
    ]);
    expect(result.summary).toContain('| protected | ✅ pass | merge of #57 (release/1.4.0 → main) |');
    expect(result.summary).toContain('| flows | ✅ pass | release/1.4.0 → main (flow release/* → main) |');
  });

  test('a direct push fails, after asking GitHub twice', async () => {
    const result = await run('push', await fixture('push.main-direct.json'));
    expect(result.exitCode).toBe(1);
    expect(result.outputs.verdict).toBe('fail');
    expect(fake.requestsTo('GET', '/repos/acme/shop/commits/')).toHaveLength(2);
    expect(result.annotations.map((a) => a.message)).toEqual([
      'Commit e5f6071 was pushed to main by alice without a pull request. Fix: Revert the commit on main and bring the change in through a pull request. If alice is automation that must push directly, list it under protected.allowed-actors.',
      'Branch policy failed: 1 violation (protected) in push to main (e5f6071).',
    ]);
    expect(result.summary).toContain('no pull request is associated with e5f6071');
  });

  test('an allowed actor may push directly', async () => {
    await writeFile(join(workspace, '.github/branch-policy.yml'), 'protected:\n  allowed-actors: [alice]\n');
    const result = await run('push', await fixture('push.main-direct.json'));
    expect(result.exitCode).toBe(0);
    expect(result.summary).toContain('| protected | ✅ pass | pushed by alice, an allowed actor (alice) |');
  });

  test('a token GitHub refuses fails the step without showing the token', async () => {
    const result = await runAction(ENTRY, {
      eventName: 'push',
      event: await fixture('push.main-direct.json'),
      inputs: { 'github-token': 'ghs_WrongT0kenThatShouldNeverBePrinted01' },
      env: { GITHUB_API_URL: fake.url, GITHUB_WORKSPACE: workspace },
    });
    expect(result.exitCode).toBe(1);
    expect(result.annotations.at(-1)?.message).toContain('Bad credentials');
    expect(
      result.everything.replace('::add-mask::ghs_WrongT0kenThatShouldNeverBePrinted01', ''),
    ).not.toContain('ghs_WrongT0kenThatShouldNeverBePrinted01');
  });
});

describe('other events and configs', () => {
  test('merge_group passes with a notice', async () => {
    const result = await run('merge_group', await fixture('merge_group.checks_requested.json'));
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toMatchObject({ verdict: 'pass', violations: '[]' });
    expect(result.annotations).toEqual([
      {
        level: 'notice',
        message:
          'Nothing to check in the merge queue: pull request #57 passed the branch policy before it was queued.',
      },
    ]);
    expect(fake.requests).toEqual([]);
  });

  test('an event it does not check gives a clear notice', async () => {
    const result = await run('workflow_dispatch', { inputs: {}, ref: 'refs/heads/main' });
    expect(result.exitCode).toBe(0);
    expect(result.outputs.verdict).toBe('pass');
    expect(result.annotations).toEqual([
      {
        level: 'notice',
        message:
          "Nothing to check for 'workflow_dispatch' events: branch policy checks pull_request, pull_request_target, push and merge_group.",
      },
    ]);
  });

  test('a bad policy file fails with an annotation on each bad line', async () => {
    await writeFile(
      join(workspace, '.github/branch-policy.yml'),
      'naming:\n  max_length: 40\nexceptions:\n  drafts: skip\n',
    );
    const result = await run('pull_request', await fixture('pull_request.opened.json'));
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain(
      "::error title=Branch policy config,file=.github/branch-policy.yml,line=2,col=3::naming.max_length: unknown key (did you mean 'max-length'?)",
    );
    expect(result.stdout).toContain(
      '::error title=Branch policy config,file=.github/branch-policy.yml,line=4,col=11::exceptions.drafts: must be one of "warn", "enforce", got \'skip\'',
    );
    expect(result.annotations.at(-1)?.message).toBe(
      [
        '.github/branch-policy.yml is not a valid branch policy (2 problems):',
        "  .github/branch-policy.yml:2:3: naming.max_length: unknown key (did you mean 'max-length'?); allowed here: branches, ticket, ticket-branches, max-length, lowercase",
        '  .github/branch-policy.yml:4:11: exceptions.drafts: must be one of "warn", "enforce", got \'skip\'',
      ].join('\n'),
    );
    expect(result.outputs.verdict).toBeUndefined();
    expect(result.summary).toContain('### ❌ Branch policy: the policy file is invalid');
    expect(result.summary).toContain(
      '| 4:11 | `exceptions.drafts` | must be one of "warn", "enforce", got \'skip\' |',
    );
  });

  test('no policy file and no checkout: the default policy, and a hint to check out', async () => {
    await rm(join(workspace, '.git'), { recursive: true });
    await rm(join(workspace, '.github'), { recursive: true });
    const result = await run('pull_request', await fixture('pull_request.edited-base.json'));
    expect(result.exitCode).toBe(0);
    expect(result.summary).toContain(
      'against the default policy (no .github/branch-policy.yml; the workspace has no checkout: run actions/checkout first).',
    );
  });

  test('config-path points elsewhere', async () => {
    await writeFile(join(workspace, 'policy.yml'), 'flows:\n  - from: feature/*\n    to: main\n');
    const result = await run('pull_request', await fixture('pull_request.opened.json'), {
      inputs: { 'config-path': 'policy.yml' },
    });
    expect(result.exitCode).toBe(0);
    expect(result.summary).toContain('against policy.yml.');
  });

  test('a boolean input with a typo is refused by name', async () => {
    const result = await run('pull_request', await fixture('pull_request.opened.json'), {
      inputs: { comment: 'yes' },
    });
    expect(result.exitCode).toBe(1);
    expect(result.annotations).toEqual([
      { level: 'error', message: "Input 'comment' must be a boolean (true or false), got 'yes'." },
    ]);
  });
});
