// The github-script steps of the reusable workflows, run with a recording stand-in for the Octokit
// client: the ones that keep one issue per failure streak (backup, verification, restore drill, watchdog)
// open on the first failure, comment on the next ones, close after a success, leave pull requests and
// other issues alone; the watchdog's keep-alive re-enables the scheduled workflows.
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

function fakeGitHub(open: Issue[], workflows: string[] = []) {
  const calls: Call[] = [];
  const record = (method: string) => async (args: Record<string, unknown>) => {
    calls.push({ method, args });
    return { data: { number: 99 } };
  };
  const enableWorkflow = async (args: Record<string, unknown>) => {
    calls.push({ method: 'enableWorkflow', args });
    if (!workflows.includes(String(args.workflow_id)))
      throw Object.assign(new Error('Not Found'), { status: 404 });
    return { status: 204 };
  };
  const listForRepo = async () => ({ data: open });
  const github = {
    paginate: async (method: unknown, args: Record<string, unknown>) => {
      expect(method).toBe(listForRepo);
      calls.push({ method: 'listForRepo', args });
      return open;
    },
    rest: {
      actions: { enableWorkflow },
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

const messages: string[] = [];
const core = {
  notice: () => {},
  info: (m: string) => messages.push(`info: ${m}`),
  warning: (m: string) => messages.push(`warning: ${m}`),
  setFailed: (m: string) => messages.push(`failed: ${m}`),
};

type AsyncFn = (...args: unknown[]) => Promise<unknown>;
const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => AsyncFn;

/** The script of the github-script step of `file` whose script mentions `marker`. */
function githubScript(file: string, marker: string): string {
  const workflow = reusableWorkflows().find((w) => w.path.endsWith(`/${file}`));
  const step = jobs(workflow as NonNullable<typeof workflow>)
    .flatMap(([, job]) => steps(job))
    .find(
      (s: Yaml) =>
        typeof s.uses === 'string' &&
        s.uses.startsWith('actions/github-script@') &&
        String(s.with?.script ?? '').includes(marker),
    );
  return String(step?.with?.script ?? '');
}

const issueScript = (file: string) => githubScript(file, 'ISSUE_TITLE');

async function runScript(
  source: string,
  env: Record<string, string>,
  open: Issue[],
  workflows: string[] = [],
): Promise<Call[]> {
  const { github, calls } = fakeGitHub(open, workflows);
  const script = new AsyncFunction('github', 'context', 'core', 'process', source);
  await script(github, context, core, { env });
  return calls.filter((call) => call.method !== 'listForRepo');
}

const run = (file: string, env: Record<string, string>, open: Issue[]) =>
  runScript(issueScript(file), env, open);

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
    title: 'Backup verification failed',
    failed: { RESULT: 'failure', BACKUP_ID: '2026-11-25T031700Z-1a2b3c' },
    succeeded: { RESULT: 'success', BACKUP_ID: '2026-11-25T031700Z-1a2b3c' },
  },
  {
    file: 'restore-drill.yml',
    title: 'Restore drill missed its targets',
    failed: {
      RESULT: 'failure',
      PASSED: 'false',
      MISSED: JSON.stringify([
        'RTO missed: restoring the older backup 2026-11-20T031700Z-0a0b0c took 2h10m, over the 2h00m target.',
      ]),
      BACKUPS: '2026-11-25T031700Z-1a2b3c 2026-11-20T031700Z-0a0b0c',
    },
    succeeded: {
      RESULT: 'success',
      PASSED: 'true',
      MISSED: '[]',
      BACKUPS: '2026-11-25T031700Z-1a2b3c 2026-11-20T031700Z-0a0b0c',
    },
  },
  {
    file: 'atlas-policy.yml',
    title: 'Atlas backup policy drifted',
    failed: {
      RESULT: 'failure',
      DRIFT: 'true',
      CLUSTER: 'shop',
      REPORT:
        '| setting | expected | actual |\n| --- | --- | --- |\n| `schedule.restoreWindowDays` | 7 | 2 |',
    },
    succeeded: { RESULT: 'success', DRIFT: 'false', CLUSTER: 'shop', REPORT: '' },
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

test('the drift report holds the table of differences, and says so when the check itself failed', async () => {
  const drift = await run(
    'atlas-policy.yml',
    {
      ISSUE_TITLE: 'Atlas backup policy drifted',
      RESULT: 'failure',
      DRIFT: 'true',
      CLUSTER: 'shop',
      REPORT: '| `schedule.restoreWindowDays` | 7 | 2 |',
    },
    [],
  );
  expect(String(drift[0]?.args.body)).toContain(
    'The backup policy of the Atlas cluster shop differs from the desired one',
  );
  expect(String(drift[0]?.args.body)).toContain('| `schedule.restoreWindowDays` | 7 | 2 |');
  const broken = await run(
    'atlas-policy.yml',
    { ISSUE_TITLE: 'Atlas backup policy drifted', RESULT: 'failure', DRIFT: '', CLUSTER: 'shop', REPORT: '' },
    [],
  );
  expect(String(broken[0]?.args.body)).toContain('could not run');
});

describe('the backup report says what the night left in storage', () => {
  const report = async (results: string, backupId: string) => {
    const calls = await run(
      'mongo-backup.yml',
      { ISSUE_TITLE: 'Nightly backup failed', RESULTS: results, BACKUP_ID: backupId },
      [],
    );
    return String(calls[0]?.args.body);
  };
  const id = '2026-11-25T031700Z-1a2b3c';

  test('a verified backup whose retention failed is not called unverified', async () => {
    const body = await report('backup=success verify=success retention=failure', id);
    expect(body).toMatch(/failed: retention\./);
    expect(body).toContain(`Backup \`${id}\` was written and verified.`);
    expect(body).toContain('Retention did not run to its end: older backups stay in storage');
    expect(body).not.toContain('not verified');
  });

  test('a backup that failed its verification is one not to rely on', async () => {
    const body = await report('backup=success verify=failure retention=skipped', id);
    expect(body).toContain(`Backup \`${id}\` was written but not verified: do not rely on it.`);
    expect(body).not.toContain('Retention');
  });

  test('with verification off it says so', async () => {
    expect(await report('backup=success verify=skipped retention=failure', id)).toContain(
      `Backup \`${id}\` was written (verification is off).`,
    );
  });
});

test.each(CASES)('$file assigns the issue it opens to issue-assignees', async ({ file, title, failed }) => {
  const calls = await run(
    file,
    { ISSUE_TITLE: title, ISSUE_ASSIGNEES: 'octocat, hubot  monalisa', ...failed },
    [],
  );
  expect(calls[0]).toMatchObject({ method: 'create', args: { assignees: ['octocat', 'hubot', 'monalisa'] } });
  const none = await run(file, { ISSUE_TITLE: title, ...failed }, []);
  expect(none[0]?.args.assignees).toEqual([]);
});

describe("the watchdog's keep-alive", () => {
  const script = githubScript('backup-watchdog.yml', 'enableWorkflow');

  test('re-enables its own workflow and the listed ones, and warns about files that do not exist', async () => {
    messages.length = 0;
    const calls = await runScript(
      script,
      {
        WORKFLOWS: 'nightly-backup.yml, restore-drill.yml backup-watchdog.yml',
        CALLER_WORKFLOW_REF: 'acme/shop/.github/workflows/backup-watchdog.yml@refs/heads/main',
      },
      [],
      ['backup-watchdog.yml', 'nightly-backup.yml'],
    );
    expect(calls.map((c) => c.args.workflow_id)).toEqual([
      'backup-watchdog.yml',
      'nightly-backup.yml',
      'restore-drill.yml',
    ]);
    expect(calls[0]?.args).toMatchObject({ owner: 'acme', repo: 'shop' });
    expect(messages).toContainEqual(
      'warning: No workflow restore-drill.yml in this repository to keep enabled: remove it from keep-alive.',
    );
  });

  test('fails naming the permission when the token may not enable workflows', async () => {
    messages.length = 0;
    const { github } = fakeGitHub([]);
    github.rest.actions.enableWorkflow = async () => {
      throw Object.assign(new Error('Resource not accessible by integration'), { status: 403 });
    };
    const run403 = new AsyncFunction('github', 'context', 'core', 'process', script);
    await run403(github, context, core, {
      env: { WORKFLOWS: '', CALLER_WORKFLOW_REF: 'acme/shop/.github/workflows/watchdog.yml@refs/heads/main' },
    });
    expect(messages).toEqual([
      'failed: Could not re-enable watchdog.yml (HTTP 403): the calling job must grant actions: write.',
    ]);
  });
});
