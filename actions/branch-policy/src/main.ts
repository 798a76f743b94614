import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { actionLogger, readInputs, secrets, setOutputs, writeSummary } from '@shipkit/action-kit';
import * as core from '@shipkit/action-kit/runner';
import { DEFAULT_GITHUB_API_URL, GitHubApiError } from '@shipkit/github';
import {
  checkEvent,
  defaultPolicy,
  type Evaluation,
  type Policy,
  PolicyConfigError,
  type PolicyGitHub,
  parsePolicyConfig,
  renderConfigProblems,
  renderSummary,
  syncStickyComment,
} from '@shipkit/policy';
import { Deadline, errorMessage, OptionError, sleep, UserError } from '@shipkit/runtime';
import { gitHubClient } from './github';
import { BRANCH_POLICY_INPUTS, type BranchPolicyInputs, branchPolicyInputs } from './inputs';

export async function main(signal?: AbortSignal): Promise<void> {
  // The token is masked as it is read, before anything else can print it.
  const inputs = branchPolicyInputs(readInputs(BRANCH_POLICY_INPUTS));
  const deadline = new Deadline({
    run: 'branch policy check',
    timeoutMs: inputs.timeoutMs,
    ...(signal ? { signal } : {}),
  });
  try {
    await check(inputs, deadline);
  } finally {
    deadline.dispose();
  }
}

async function check(inputs: BranchPolicyInputs, deadline: Deadline): Promise<void> {
  const env = process.env;
  const { policy, source } = await loadPolicy(env.GITHUB_WORKSPACE || process.cwd(), inputs.configPath);
  const github = inputs.token
    ? gitHubClient({ token: inputs.token, apiUrl: apiUrl(), ...repository(), deadline, logger: actionLogger })
    : undefined;

  const evaluation = await checkEvent({
    eventName: env.GITHUB_EVENT_NAME ?? '',
    payload: await readEventPayload(),
    policy,
    failOnWarn: inputs.failOnWarn,
    ...(github ? { github } : {}),
    logger: actionLogger,
    sleep: (ms) => sleep(ms, deadline.signal),
  });

  if (evaluation.notice) core.notice(evaluation.notice);
  for (const violation of evaluation.violations) {
    const annotate = violation.severity === 'fail' ? core.error : core.warning;
    const note = violation.note ? ` (${violation.note})` : '';
    annotate(secrets.redact(`${violation.message}${note} Fix: ${violation.fix}`), {
      title: `Branch policy: ${violation.rule}`,
    });
  }
  setOutputs({ verdict: evaluation.verdict, violations: JSON.stringify(evaluation.violations) });
  if (evaluation.pullNumber !== undefined) await updateComment(evaluation, inputs, deadline, github);
  await writeSummary(renderSummary(evaluation, policy, source));

  if (evaluation.verdict === 'fail') {
    const rules = [...new Set(evaluation.violations.filter((v) => v.severity === 'fail').map((v) => v.rule))];
    const count = evaluation.violations.filter((v) => v.severity === 'fail').length;
    throw new UserError(
      `Branch policy failed: ${count} ${count === 1 ? 'violation' : 'violations'} (${rules.join(', ')}) in ${evaluation.subject}.`,
    );
  }
}

async function loadPolicy(
  workspace: string,
  configPath: string,
): Promise<{ policy: Policy; source: string }> {
  const file = isAbsolute(configPath) ? configPath : join(workspace, configPath);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (thrown) {
    if ((thrown as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new OptionError(
        'config-path',
        `names ${configPath}, which cannot be read: ${errorMessage(thrown)}`,
      );
    }
    // A forgotten checkout looks like a missing file; say so rather than silently judging by the defaults.
    const noCheckout = existsSync(join(workspace, '.git'))
      ? ''
      : '; the workspace has no checkout: run actions/checkout first';
    actionLogger.info(`No ${configPath}${noCheckout}. Using the default policy.`);
    return { policy: defaultPolicy(), source: `the default policy (no ${configPath}${noCheckout})` };
  }
  try {
    return { policy: parsePolicyConfig(text, configPath), source: configPath };
  } catch (thrown) {
    if (thrown instanceof PolicyConfigError) {
      await writeSummary(renderConfigProblems(thrown));
      for (const problem of thrown.problems) {
        core.error(`${problem.key ? `${problem.key}: ` : ''}${problem.message}`, {
          title: 'Branch policy config',
          file: configPath,
          startLine: problem.line,
          startColumn: problem.column,
        });
      }
    }
    throw thrown;
  }
}

async function updateComment(
  evaluation: Evaluation,
  inputs: BranchPolicyInputs,
  deadline: Deadline,
  github?: PolicyGitHub,
): Promise<void> {
  if (!inputs.comment || evaluation.pullNumber === undefined) return;
  if (!github) {
    actionLogger.info("Not commenting: the input 'github-token' is empty.");
    return;
  }
  try {
    await syncStickyComment({ github, pullNumber: evaluation.pullNumber, evaluation, logger: actionLogger });
  } catch (thrown) {
    if (deadline.stopped) throw thrown;
    // Forks' pull_request runs get a read-only token; the verdict still stands without the comment.
    const refused = !(thrown instanceof GitHubApiError) || [401, 403, 404].includes(thrown.status ?? 0);
    actionLogger.warn(
      `Could not update the pull request comment: ${errorMessage(thrown)}` +
        (refused
          ? ' The token needs pull-requests: write (read-only for pull requests from forks on pull_request events).'
          : ''),
    );
  }
}

async function readEventPayload(): Promise<unknown> {
  const path = process.env.GITHUB_EVENT_PATH;
  if (!path)
    throw new UserError('GITHUB_EVENT_PATH is not set: run this action in a GitHub Actions workflow.');
  return JSON.parse(await readFile(path, 'utf8'));
}

function apiUrl(): string {
  return process.env.GITHUB_API_URL || DEFAULT_GITHUB_API_URL;
}

function repository(): { owner: string; repo: string } {
  const [owner, repo] = (process.env.GITHUB_REPOSITORY ?? '').split('/');
  if (!owner || !repo)
    throw new UserError('GITHUB_REPOSITORY is not set: run this action in a GitHub Actions workflow.');
  return { owner, repo };
}
