import { type Logger, OptionError } from '@shipkit/runtime';
import { type EvaluateOptions, type Evaluation, evaluate } from './evaluate';
import { type AssociatedPull, readEvent } from './event';
import { firstMatch } from './glob';
import type { Policy } from './policy';

/** The GitHub calls branch policy makes; the action implements them over the REST API. */
export interface PolicyGitHub {
  /** GET /repos/{owner}/{repo}/commits/{sha}/pulls */
  pullsForCommit(sha: string): Promise<AssociatedPull[]>;
  /** GET /repos/{owner}/{repo}/issues/{number}/comments, every page. */
  listComments(issueNumber: number): Promise<IssueComment[]>;
  createComment(issueNumber: number, body: string): Promise<void>;
  updateComment(commentId: number, body: string): Promise<void>;
  deleteComment(commentId: number): Promise<void>;
}

export interface IssueComment {
  id: number;
  body: string;
}

export interface CheckEventOptions extends EvaluateOptions {
  eventName: string;
  payload: unknown;
  policy: Policy;
  /** Needed only for pushes to protected branches. */
  github?: Pick<PolicyGitHub, 'pullsForCommit'>;
  logger: Logger;
  sleep: (ms: number) => Promise<void>;
  /** Waits before asking again when GitHub has not yet linked a just-pushed commit to its pull request. */
  lookupRetryDelaysMs?: readonly number[];
}

export const LOOKUP_RETRY_DELAYS_MS = [3000];

/** Reads the event, looks up what the engine needs from GitHub, and evaluates. */
export async function checkEvent(options: CheckEventOptions): Promise<Evaluation> {
  const event = readEvent(options.eventName, options.payload);
  if (event.kind !== 'push' || !firstMatch(event.branch, options.policy.protected.branches)) {
    return evaluate({ event }, options.policy, options);
  }
  if (!options.github) {
    throw new OptionError(
      'github-token',
      `is empty, but checking a push to ${event.branch} needs it to look up the pull request that was merged.`,
    );
  }
  // An allowed actor needs no pull request, so there is nothing worth waiting for.
  const allowedActor = event.actors.some((actor) =>
    firstMatch(actor, options.policy.protected.allowedActors),
  );
  const associatedPulls = await findAssociatedPulls(event.sha, event.branch, {
    ...options,
    ...(allowedActor ? { lookupRetryDelaysMs: [] } : {}),
  });
  return evaluate({ event, associatedPulls }, options.policy, options);
}

async function findAssociatedPulls(
  sha: string,
  branch: string,
  options: CheckEventOptions,
): Promise<AssociatedPull[]> {
  const github = options.github as Pick<PolicyGitHub, 'pullsForCommit'>;
  const delays = options.lookupRetryDelaysMs ?? LOOKUP_RETRY_DELAYS_MS;
  let pulls = await github.pullsForCommit(sha);
  for (const delay of delays) {
    if (pulls.some((pull) => pull.mergedAt !== null && pull.base === branch)) break;
    options.logger.info(
      `No merged pull request into ${branch} is linked to ${sha} yet; asking again in ${delay / 1000}s.`,
    );
    await options.sleep(delay);
    pulls = await github.pullsForCommit(sha);
  }
  return pulls;
}
