// Rules every workflow and template keeps, checked on the files themselves: calls into our actions match
// their action.yml, nothing secret or caller-controlled is pasted into scripts, third-party actions are
// pinned, jobs are bounded and least-privilege, and concurrency never borrows the caller's name.
import { describe, expect, test } from '@jest/globals';
import { evaluateTemplate, type Value } from '../workflow-runner/index';
import {
  expressions,
  isReusable,
  jobs,
  knownActions,
  ourAction,
  reusableWorkflows,
  steps,
  templates,
  triggers,
  type WorkflowFile,
  workflows,
  type Yaml,
} from './support';

const all = (): WorkflowFile[] => [...workflows(), ...templates()];

describe('calls into our actions', () => {
  test('every with: key is an input of the action, and every required input is passed', async () => {
    const actions = await knownActions();
    const problems: string[] = [];
    let calls = 0;
    for (const file of all()) {
      for (const [jobId, job] of jobs(file)) {
        for (const [index, step] of steps(job).entries()) {
          const id = typeof step.uses === 'string' ? ourAction(step.uses) : undefined;
          if (!id) continue;
          calls++;
          const where = `${file.path} jobs.${jobId}.steps[${index}] (${step.uses})`;
          const action = actions.get(id);
          if (!action) {
            problems.push(`${where}: no action ${id} (no actions/${id}/action.yml)`);
            continue;
          }
          const passed = Object.keys(step.with ?? {});
          for (const key of passed) {
            if (!(key in action.inputs)) {
              problems.push(
                `${where}: '${key}' is not an input of ${id} (${Object.keys(action.inputs).join(', ')})`,
              );
            }
          }
          for (const [name, input] of Object.entries(action.inputs)) {
            if (input.required && !input.hasDefault && !passed.includes(name)) {
              problems.push(`${where}: required input '${name}' of ${id} is not passed`);
            }
          }
        }
      }
    }
    expect(calls).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  test('every steps.<id>.outputs.<name> read from one of our actions is one of its outputs', async () => {
    const actions = await knownActions();
    const problems: string[] = [];
    for (const file of all()) {
      for (const [jobId, job] of jobs(file)) {
        const stepActions = new Map<string, string>();
        for (const step of steps(job)) {
          const id = typeof step.uses === 'string' ? ourAction(step.uses) : undefined;
          if (id && typeof step.id === 'string') stepActions.set(step.id, id);
        }
        const text = JSON.stringify(job);
        for (const match of text.matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
          const [, stepId = '', output = ''] = match;
          const id = stepActions.get(stepId);
          const action = id ? actions.get(id) : undefined;
          if (action && !action.outputs.includes(output)) {
            problems.push(
              `${file.path} jobs.${jobId}: ${id} has no output '${output}' (${action.outputs.join(', ')})`,
            );
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

/** Contexts whose values must reach a script through env:, never pasted into its text. */
const PASTED = [
  { pattern: /\bsecrets\./, why: 'a secret' },
  { pattern: /\binputs\./, why: 'an input' },
  { pattern: /\bgithub\.(event\.|head_ref\b)/, why: 'attacker-controllable event data' },
];

describe('scripts', () => {
  test('no secrets, inputs or event data expressions inside run: or github-script scripts', () => {
    const problems: string[] = [];
    for (const file of all()) {
      for (const [jobId, job] of jobs(file)) {
        for (const [index, step] of steps(job).entries()) {
          const scripts = [
            step.run,
            typeof step.uses === 'string' && step.uses.includes('github-script')
              ? step.with?.script
              : undefined,
          ];
          for (const script of scripts) {
            if (typeof script !== 'string') continue;
            for (const expression of expressions(script)) {
              for (const { pattern, why } of PASTED) {
                if (pattern.test(expression)) {
                  problems.push(
                    `${file.path} jobs.${jobId}.steps[${index}]: \${{ ${expression} }} pastes ${why} into the script; pass it through env:`,
                  );
                }
              }
            }
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

/** `uses:` values and the comment after them, from the text (YAML parsers drop comments). */
function usesLines(file: WorkflowFile): { line: number; uses: string; comment: string }[] {
  return file.text.split('\n').flatMap((text, index) => {
    const match = /^\s*(?:-\s+)?uses:\s*['"]?([^\s'"#]+)['"]?\s*(?:#\s*(.*))?$/.exec(text);
    return match ? [{ line: index + 1, uses: match[1] ?? '', comment: (match[2] ?? '').trim() }] : [];
  });
}

describe('third-party actions and workflows', () => {
  test('are pinned by a full commit SHA with the version in a comment, the same pin everywhere', () => {
    const problems: string[] = [];
    const pins = new Map<string, Set<string>>();
    for (const file of all()) {
      for (const { line, uses, comment } of usesLines(file)) {
        if (uses.startsWith('./')) continue; // this repository, same commit
        if (file.kind === 'template' && uses.startsWith('SHIPKIT_REPO/')) continue; // ours, by its major tag
        if (uses.startsWith('docker://')) {
          if (!/@sha256:[0-9a-f]{64}$/.test(uses))
            problems.push(`${file.path}:${line}: ${uses} is not pinned by digest`);
          continue;
        }
        const [name = '', ref = ''] = uses.split('@');
        if (!/^[0-9a-f]{40}$/.test(ref))
          problems.push(`${file.path}:${line}: ${uses} is not pinned by a 40-hex commit SHA`);
        if (!/^v\d+(\.\d+){0,2}\b/.test(comment)) {
          problems.push(`${file.path}:${line}: ${uses} needs its version in a comment (# v1.2.3)`);
        }
        const key = name.split('/').slice(0, 2).join('/');
        pins.set(key, (pins.get(key) ?? new Set()).add(`${ref} # ${comment}`));
      }
    }
    for (const [name, seen] of pins) {
      if (seen.size > 1)
        problems.push(`${name} is pinned differently across files: ${[...seen].join(' / ')}`);
    }
    expect(problems).toEqual([]);
  });
});

const LEVEL = { none: 0, read: 1, write: 2 } as const;
type Level = keyof typeof LEVEL;

function permissionMap(value: Yaml): Record<string, Level> | undefined {
  if (value === undefined || value === null) return undefined;
  if (value === 'read-all' || value === 'write-all') return { '*': value === 'read-all' ? 'read' : 'write' };
  return value as Record<string, Level>;
}

describe('jobs', () => {
  test('every job has explicit permissions and a timeout (jobs that call a workflow take its timeouts)', () => {
    const problems: string[] = [];
    for (const file of all()) {
      // Called workflows and templates grant per job; this repository's own workflows may grant once for all.
      const perJob = file.kind === 'template' || isReusable(file);
      for (const [jobId, job] of jobs(file)) {
        const where = `${file.path} jobs.${jobId}`;
        if (job.permissions === undefined && (perJob || file.doc.permissions === undefined)) {
          problems.push(`${where}: no permissions:`);
        }
        if (job.uses === undefined && job['timeout-minutes'] === undefined)
          problems.push(`${where}: no timeout-minutes:`);
      }
    }
    expect(problems).toEqual([]);
  });

  test('no read-all/write-all, and id-token: write only where a role is assumed or a called workflow needs it', () => {
    const problems: string[] = [];
    for (const file of all()) {
      for (const scope of [file.doc.permissions, ...jobs(file).map(([, job]) => job.permissions)]) {
        if (scope === 'read-all' || scope === 'write-all')
          problems.push(`${file.path}: permissions: ${scope}`);
      }
      for (const [jobId, job] of jobs(file)) {
        if (job.permissions?.['id-token'] !== 'write' || job.uses !== undefined) continue;
        const assumes = steps(job).some(
          (step: Yaml) =>
            typeof step.uses === 'string' && step.uses.startsWith('aws-actions/configure-aws-credentials@'),
        );
        if (!assumes) problems.push(`${file.path} jobs.${jobId}: id-token: write without a role assumption`);
      }
    }
    expect(problems).toEqual([]);
  });

  test('callers grant every permission the jobs of the workflow they call ask for', () => {
    const reusable = new Map(reusableWorkflows().map((w) => [w.path.split('/').pop() as string, w]));
    const problems: string[] = [];
    let calls = 0;
    for (const file of all()) {
      for (const [jobId, job] of jobs(file)) {
        if (typeof job.uses !== 'string') continue;
        const match = /(?:^\.\/|^SHIPKIT_REPO\/)\.github\/workflows\/([\w.-]+\.ya?ml)/.exec(job.uses);
        const called = match ? reusable.get(match[1] ?? '') : undefined;
        if (!called) continue;
        calls++;
        const granted = permissionMap(job.permissions) ?? permissionMap(file.doc.permissions) ?? {};
        for (const [calledJob, definition] of jobs(called)) {
          for (const [scope, level] of Object.entries(permissionMap(definition.permissions) ?? {})) {
            const has = granted[scope] ?? granted['*'] ?? 'none';
            if (LEVEL[has] < LEVEL[level]) {
              problems.push(
                `${file.path} jobs.${jobId} grants ${scope}: ${has}, but ${called.path} jobs.${calledJob} asks for ${scope}: ${level} (the run would not start)`,
              );
            }
          }
        }
      }
    }
    expect(calls).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });
});

describe('concurrency', () => {
  test('no concurrency group uses github.workflow (the caller name, inside a called workflow)', () => {
    const problems: string[] = [];
    for (const file of all()) {
      const scopes: [string, Yaml][] = [
        ['workflow', file.doc.concurrency],
        ...jobs(file).map(([id, job]): [string, Yaml] => [`jobs.${id}`, job.concurrency]),
      ];
      for (const [where, concurrency] of scopes) {
        const group = typeof concurrency === 'string' ? concurrency : concurrency?.group;
        if (typeof group === 'string' && /\bgithub\.workflow\b(?!_)/.test(group)) {
          problems.push(`${file.path} ${where}: concurrency group '${group}' uses github.workflow`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  test('every reusable workflow has a concurrency group', () => {
    const missing = reusableWorkflows()
      .filter((w) => !(typeof w.doc.concurrency === 'string' || typeof w.doc.concurrency?.group === 'string'))
      .map((w) => w.path);
    expect(missing).toEqual([]);
  });

  /** A concurrency group as GitHub evaluates it for these inputs. */
  const group = (concurrency: Yaml, inputs: Record<string, Value>) =>
    evaluateTemplate(concurrency?.group, { contexts: { inputs, github: { ref: 'refs/heads/main' } } });

  test('a restore shares one group with the backup, verify and prune jobs of the same storage, and only of it', () => {
    const byName = new Map(reusableWorkflows().map((w) => [w.path.split('/').pop(), w]));
    const backup = byName.get('mongo-backup.yml')?.doc;
    const restore = byName.get('restore.yml')?.doc;
    const storage = 's3://acme-backups/shop';
    // The backup run holds its group for all its jobs (backup, verify, prune, report), never cancelled.
    expect(backup.concurrency['cancel-in-progress']).toBe(false);
    for (const job of Object.values<Yaml>(backup.jobs)) expect(job.concurrency).toBeUndefined();
    // The restore job (not the whole run, which may wait days for an approval) takes the same group.
    const restoreJob = restore.jobs.restore;
    expect(restoreJob.concurrency['cancel-in-progress']).toBe(false);
    expect(group(restoreJob.concurrency, { source: storage })).toBe(
      group(backup.concurrency, { destination: storage }),
    );
    expect(group(restoreJob.concurrency, { source: 's3://acme-backups/crm' })).not.toBe(
      group(backup.concurrency, { destination: storage }),
    );
    // Two restores of one storage never overlap either; and nothing else uses the storage group.
    expect(String(group(restore.concurrency, { source: storage }))).not.toBe(
      group(backup.concurrency, { destination: storage }),
    );
  });
});

describe('time limits', () => {
  test('a job whose length is an input takes it in minutes, and its step stops 5 minutes before the job', () => {
    const problems: string[] = [];
    let derived = 0;
    for (const file of reusableWorkflows()) {
      const declared = Object.keys(triggers(file.doc).workflow_call?.inputs ?? {});
      // A free-text duration next to a fixed job limit is how the two drifted apart: none is left.
      for (const name of declared) {
        if (/-timeout$/.test(name) && name !== 'deploy-timeout' && name !== 'health-check-timeout')
          problems.push(
            `${file.path}: input ${name} is a free-text duration; take minutes (${name}-minutes)`,
          );
      }
      for (const [jobId, job] of jobs(file)) {
        const limit = /^\$\{\{\s*inputs\.([\w-]+-timeout-minutes)\s*\}\}$/.exec(
          String(job['timeout-minutes']),
        )?.[1];
        // Only jobs whose steps have a limit of their own (an action's timeout, the CLI's --timeout).
        const stepLimits = steps(job).some(
          (step: Yaml) => step.with?.timeout !== undefined || /--timeout\b/.test(String(step.run ?? '')),
        );
        if (!limit || !stepLimits) continue;
        derived++;
        const text = JSON.stringify(job);
        if (
          !text.includes(`JOB_MINUTES: \${{ inputs.${limit} }}`) &&
          !text.includes(`"JOB_MINUTES":"\${{ inputs.${limit} }}"`)
        )
          problems.push(`${file.path} jobs.${jobId}: no step derives the step's limit from ${limit}`);
        if (!/JOB_MINUTES - 5/.test(text))
          problems.push(`${file.path} jobs.${jobId}: the step does not stop before the job`);
      }
    }
    expect(derived).toBeGreaterThanOrEqual(5);
    expect(problems).toEqual([]);
  });
});

describe('checking out mongo-shipkit', () => {
  test('every checkout of the suite can use SHIPKIT_TOKEN, for a private or internal copy', () => {
    const problems: string[] = [];
    let checkouts = 0;
    for (const file of reusableWorkflows()) {
      const declared = Object.keys(triggers(file.doc).workflow_call?.secrets ?? {});
      for (const [jobId, job] of jobs(file)) {
        for (const step of steps(job)) {
          if (!String(step.uses ?? '').startsWith('actions/checkout@') || step.with?.path !== '.shipkit')
            continue;
          checkouts++;
          if (step.with?.token !== `\${{ secrets.SHIPKIT_TOKEN || github.token }}`)
            problems.push(`${file.path} jobs.${jobId}: the checkout of .shipkit does not use SHIPKIT_TOKEN`);
          if (!declared.includes('SHIPKIT_TOKEN'))
            problems.push(`${file.path}: SHIPKIT_TOKEN is not declared`);
        }
      }
    }
    expect(checkouts).toBeGreaterThan(10);
    expect([...new Set(problems)]).toEqual([]);
  });
});

describe('reusable workflows', () => {
  const expected = [
    'mongo-backup.yml',
    'verify-restore.yml',
    'restore-drill.yml',
    'restore.yml',
    'pr-gates.yml',
    'render-deploy.yml',
    'backup-watchdog.yml',
  ];

  test('all of them exist and are called with workflow_call', () => {
    const names = reusableWorkflows().map((w) => w.path.split('/').pop());
    expect(names).toEqual(expect.arrayContaining(expected));
  });

  test('have typed inputs with descriptions, declared secrets, and outputs that name a job output', () => {
    const problems: string[] = [];
    for (const file of reusableWorkflows()) {
      const call = triggers(file.doc).workflow_call ?? {};
      for (const [name, input] of Object.entries<Yaml>(call.inputs ?? {})) {
        if (!['string', 'boolean', 'number'].includes(input?.type))
          problems.push(`${file.path}: input ${name} has no type`);
        if (!input?.description) problems.push(`${file.path}: input ${name} has no description`);
        if (input?.required === true && input.default !== undefined)
          problems.push(`${file.path}: input ${name} is required and has a default`);
      }
      const declared = new Set(Object.keys(call.secrets ?? {}));
      for (const match of file.text.matchAll(/\bsecrets\.([A-Za-z_][\w-]*)/g)) {
        const name = match[1] ?? '';
        if (!declared.has(name) && name !== 'GITHUB_TOKEN')
          problems.push(`${file.path}: secrets.${name} is not declared under workflow_call.secrets`);
      }
      for (const [name, output] of Object.entries<Yaml>(call.outputs ?? {})) {
        const ref = /^\$\{\{\s*jobs\.([\w-]+)\.outputs\.([\w-]+)\s*\}\}$/.exec(String(output?.value ?? ''));
        const job = ref ? file.doc.jobs?.[ref[1] ?? ''] : undefined;
        if (!ref || !job) {
          problems.push(`${file.path}: output ${name} does not name a job output (${output?.value})`);
        } else if (!((ref[2] ?? '') in (job.outputs ?? {}))) {
          problems.push(`${file.path}: output ${name}: job ${ref[1]} has no output ${ref[2]}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
