import type { AssociatedPull, PushFacts } from '../event';
import { firstMatch } from '../glob';
import type { Policy } from '../policy';
import { list, type RuleOutcome, shortSha } from './finding';

export interface ProtectedOutcome extends RuleOutcome {
  /** The merged pull request this push brought in, when there is one. */
  mergedPull?: AssociatedPull;
}

/** A protected branch changes through merged pull requests, or by an allowed actor. */
export function checkProtectedPush(
  push: PushFacts,
  pulls: readonly AssociatedPull[],
  policy: Pick<Policy, 'protected'>,
): ProtectedOutcome {
  const { branch, sha } = push;
  const actor = push.actors[0] ?? 'an unknown actor';
  const allowed = push.actors
    .map((login) => ({ login, pattern: firstMatch(login, policy.protected.allowedActors) }))
    .find((match) => match.pattern !== undefined);
  const mergedPull = pulls.find((pull) => pull.mergedAt !== null && pull.base === branch);

  if (allowed) {
    return {
      detail: `pushed by ${allowed.login}, an allowed actor (${allowed.pattern})`,
      findings: [],
      ...(mergedPull ? { mergedPull } : {}),
    };
  }
  if (push.forced) {
    return {
      detail: `force push to ${branch} by ${actor}`,
      findings: [
        {
          message: `${branch} was force-pushed by ${actor}, rewriting its history.`,
          matched: `forced push of ${shortSha(sha)} to protected branch ${branch}`,
          fix: `Restore ${branch} to the commit it had before the push, and block force pushes to ${branch} in its ruleset.`,
        },
      ],
    };
  }
  if (mergedPull) {
    return {
      detail: `merge of #${mergedPull.number} (${mergedPull.head} → ${mergedPull.base})`,
      findings: [],
      mergedPull,
    };
  }
  const associated =
    pulls.length > 0
      ? `associated pull requests: ${list(pulls.map((pull) => `#${pull.number} (${pull.mergedAt ? 'merged' : pull.state}, into ${pull.base})`))}`
      : `no pull request is associated with ${shortSha(sha)}`;
  return {
    detail: `direct push of ${shortSha(sha)} by ${actor}`,
    findings: [
      {
        message: `Commit ${shortSha(sha)} was pushed to ${branch} by ${actor} without a pull request.`,
        matched: associated,
        fix:
          `Revert the commit on ${branch} and bring the change in through a pull request. ` +
          `If ${actor} is automation that must push directly, list it under protected.allowed-actors.`,
      },
    ],
  };
}
