import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { errorMessage, Inputs, UserError } from '@shipkit/action-kit';
import { actionLogger, maskSecret, secrets, setOutputs, writeSummary } from '@shipkit/action-kit/action';
import * as core from '@shipkit/action-kit/runner';
import {
  checkEvent,
  DEFAULT_CONFIG_PATH,
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
import { gitHubClient } from './github';

export interface BranchPolicyInputs {
  configPath: string;
  /** Absent when the input is empty: comments are then skipped, and pushes cannot be checked. */
  token?: string;
  comment: boolean;
  failOnWarn: boolean;
}

export function readInputs(inputs = new Inputs()): BranchPolicyInputs {
  const token = inputs.string('github-token');
  return {
    configPath: inputs.string('config-path') ?? DEFAULT_CONFIG_PATH,
    ...(token ? { token } : {}),
    comment: inputs.boolean('comment', true),
    failOnWarn: inputs.boolean('fail-on-warn', false),
  };
}

export async function main(): Promise<void> {
  const rawInputs = new Inputs();
  // Masked before anything else is parsed, so no later failure can print it.
  maskSecret(rawInputs.string('github-token'));
  const inputs = readInputs(rawInputs);
  const env = process.env;
  const { policy, source } = await loadPolicy(env.GITHUB_WORKSPACE || process.cwd(), inputs.configPath);
  const github = inputs.token
    ? gitHubClient({ token: inputs.token, apiUrl: apiUrl(), ...repository() })
    : undefined;

  const evaluation = await checkEvent({
    eventName: env.GITHUB_EVENT_NAME ?? '',
    payload: await readEventPayload(),
    policy,
    failOnWarn: inputs.failOnWarn,
    ...(github ? { github } : {}),
    logger: actionLogger,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
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
  if (evaluation.pullNumber !== undefined) await updateComment(evaluation, inputs, github);
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
      throw new UserError(`Input 'config-path': cannot read ${configPath}: ${errorMessage(thrown)}`);
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
  github?: PolicyGitHub,
): Promise<void> {
  if (!inputs.comment || evaluation.pullNumber === undefined) return;
  if (!github) {
    actionLogger.info("Not commenting: input 'github-token' is empty.");
    return;
  }
  try {
    await syncStickyComment({ github, pullNumber: evaluation.pullNumber, evaluation, logger: actionLogger });
  } catch (thrown) {
    // Forks' pull_request runs get a read-only token; the verdict still stands without the comment.
    actionLogger.warn(
      `Could not update the pull request comment: ${errorMessage(thrown)}. ` +
        'The token needs pull-requests: write (read-only for pull requests from forks on pull_request events).',
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
  return process.env.GITHUB_API_URL || 'https://api.github.com';
}

function repository(): { owner: string; repo: string } {
  const [owner, repo] = (process.env.GITHUB_REPOSITORY ?? '').split('/');
  if (!owner || !repo)
    throw new UserError('GITHUB_REPOSITORY is not set: run this action in a GitHub Actions workflow.');
  return { owner, repo };
}
