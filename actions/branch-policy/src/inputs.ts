import { DEFAULT_CONFIG_PATH } from '@shipkit/policy';
import { booleanRow, JOB_TOKEN, textRow, timeoutRow, type Values } from '@shipkit/runtime';

/** Every input of the branch-policy action: action.yml is generated from it. */
export const BRANCH_POLICY_INPUTS = {
  'config-path': textRow({
    description:
      'Policy file, relative to the workspace. When the file does not exist, the default policy applies.',
    default: DEFAULT_CONFIG_PATH,
  }),
  'github-token': textRow({
    description: 'Token for looking up the pull request behind a push and for the pull request comment.',
    default: JOB_TOKEN,
    secret: true,
  }),
  comment: booleanRow({
    description:
      'Keep one comment on a non-compliant pull request, updated in place and removed once it complies.',
    default: 'true',
  }),
  'fail-on-warn': booleanRow({
    description: 'Fail the check on warnings too (except failures the override label turned into warnings).',
    default: 'false',
  }),
  timeout: timeoutRow(
    '5m',
    'Fail if the check takes longer, e.g. 2m: a GitHub API that stops answering ends the step by then, naming the request it was waiting for.',
  ),
};

export interface BranchPolicyInputs {
  configPath: string;
  /** Absent when the input is empty: comments are then skipped, and pushes cannot be checked. */
  token?: string;
  comment: boolean;
  failOnWarn: boolean;
  timeoutMs: number;
}

export function branchPolicyInputs(values: Values<typeof BRANCH_POLICY_INPUTS>): BranchPolicyInputs {
  const token = values['github-token'];
  return {
    configPath: values['config-path'],
    ...(token ? { token } : {}),
    comment: values.comment,
    failOnWarn: values['fail-on-warn'],
    timeoutMs: values.timeout,
  };
}
