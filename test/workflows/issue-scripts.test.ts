// The github-script steps that keep one issue per failure streak (backup, restore drill, watchdog), run
// with a recording stand-in for the Octokit client: open on the first failure, comment on the next ones,
// close after a success, leave pull requests and other issues alone.
import { describe, expect, test } from '@jest/globals';
import { jobs, reusableWorkflows, steps, type Yaml } from './support';

interface Issue {
  number: number;
  title: string;
  pull_request?: object;
}

interface Call {
  method: string;
  args: Record<string, unknown>;
}

function fakeGitHub(open: Issue[]) {
  const calls: Call[] = [];
  const record = (method: string) => async (args: Record<string, unknown>) => {
    calls.push({ method, args });
    return { data: { number: 99 } };
  };
  const listForRepo = async () => ({ data: open });
  const github = {
    paginate: async (method: unknown, args: Record<string, unknown>) => {
      expect(method).toBe(listForRepo);
      calls.push({ method: 'listForRepo', args });
      return open;
    },
    rest: {
      issues: {
        listForRepo,
        create: record('create'),
        createComment: record('createComment'),
        update: record('update'),
      },
    },
  };
  return { github, calls };
}

const context = {
  serverUrl: 'https://github.com',
  repo: { owner: 'acme', repo: 'shop' },
  runId: 42,
};

const core = { notice: () => {}, info: () => {}, warning: () => {} };

type AsyncFn = (...args: unknown[]) => Promise<unknown>;
const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => AsyncFn;

function issueScript(file: string): string {
  const workflow = reusableWorkflows().find((w) => w.path.endsWith(`/${file}`));
  const step = jobs(workflow as NonNullable<typeof workflow>)
    .flatMap(([, job]) => steps(job))
    .find((s: Yaml) => typeof s.uses === 'string' && s.uses.startsWith('actions/github-script@'));
  return String(step?.with?.script ?? '');
}

async function run(file: string, env: Record<string, string>, open: Issue[]): Promise<Call[]> {
  const { github, calls } = fakeGitHub(open);
  const script = new AsyncFunction('github', 'context', 'core', 'process', issueScript(file));
  await script(github, context, core, { env });
  return calls.filter((call) => call.method !== 'listForRepo');
}

const CASES: {
  file: string;
  title: string;
  failed: Record<string, string>;
  succeeded: Record<string, string>;
}[] = [
  {
    file: 'mongo-backup.yml',
    title: 'Nightly backup failed',
    failed: {
      RESULTS: 'backup=success verify=failure retention=skipped',
      BACKUP_ID: '2026-11-25T031700Z-1a2b3c',
    },
    succeeded: {
      RESULTS: 'backup=success verify=success retention=success',
      BACKUP_ID: '2026-11-26T031700Z-4d5e6f',
    },
  },
  {
    file: 'verify-restore.yml',
    title: 'Restore drill failed',
    failed: { RESULT: 'failure', BACKUP_ID: '2026-11-25T031700Z-1a2b3c' },
    succeeded: { RESULT: 'success', BACKUP_ID: '2026-11-25T031700Z-1a2b3c' },
  },
  {
    file: 'backup-watchdog.yml',
    title: 'Backups are stale',
    failed: { RESULT: 'failure', REPORT: 'STALE: the newest verified backup is 31h old', MAX_AGE: '26h' },
    succeeded: { RESULT: 'success', REPORT: 'fresh: 3h old', MAX_AGE: '26h' },
  },
];

describe.each(CASES)('the issue script of $file', ({ file, title, failed, succeeded }) => {
  const others: Issue[] = [
    { number: 3, title, pull_request: {} },
    { number: 4, title: `${title} (old)` },
  ];

  test('is found', () => {
    expect(issueScript(file)).toContain('ISSUE_TITLE');
  });

  test('opens an issue on the first failure', async () => {
    const calls = await run(file, { ISSUE_TITLE: title, ...failed }, others);
    expect(calls.map((c) => c.method)).toEqual(['create']);
    expect(calls[0]?.args).toMatchObject({ owner: 'acme', repo: 'shop', title });
    expect(String(calls[0]?.args.body)).toContain('https://github.com/acme/shop/actions/runs/42');
  });

  test('comments on the open issue on the next failures', async () => {
    const calls = await run(file, { ISSUE_TITLE: title, ...failed }, [...others, { number: 7, title }]);
    expect(calls.map((c) => [c.method, c.args.issue_number])).toEqual([['createComment', 7]]);
  });

  test('closes the open issue after a success, and does nothing when there is none', async () => {
    const calls = await run(file, { ISSUE_TITLE: title, ...succeeded }, [...others, { number: 7, title }]);
    expect(calls.map((c) => [c.method, c.args.issue_number, c.args.state])).toEqual([
      ['createComment', 7, undefined],
      ['update', 7, 'closed'],
    ]);
    expect(await run(file, { ISSUE_TITLE: title, ...succeeded }, others)).toEqual([]);
  });
});

test('the backup report names the failed jobs', async () => {
  const calls = await run(
    'mongo-backup.yml',
    {
      ISSUE_TITLE: 'Nightly backup failed',
      RESULTS: 'backup=failure verify=skipped retention=skipped',
      BACKUP_ID: '',
    },
    [],
  );
  expect(String(calls[0]?.args.body)).toMatch(/failed: backup\./);
  expect(String(calls[0]?.args.body)).toContain('No backup was written.');
});
