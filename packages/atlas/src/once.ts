import { errorMessage } from '@shipkit/runtime';
import { AtlasApiError, AtlasMaybeReceivedError } from './errors';
import type { AtlasDeps, RetryPolicy } from './http';

/** Atlas lists what it accepted at once; a few looks a little apart cover a slow answer. */
const RECONCILE_LOOKS = 3;
const RECONCILE_INTERVAL_MS = 2_000;

/**
 * Sends a request that creates something (an on-demand snapshot, an export job, a restore job, a database
 * user) so that it creates at most one. Failures Atlas certainly did not act on are retried by the
 * transport (see `mayResend`). After one it may have acted on (a 5xx, a timeout, a dropped connection),
 * `find` looks for what the request created and that is adopted; only when nothing appears is the request
 * sent again, with the attempts left. When looking fails, it stops rather than risk a second one.
 */
export async function createOnce<T>(request: {
  /** What the request does, for messages ("take an on-demand snapshot of cluster 'shop' in project …"). */
  what: string;
  /** What the request creates, for messages ("snapshot", "export job"). */
  thing: string;
  /** One send, with the attempts still available. */
  send: (policy: RetryPolicy) => Promise<T>;
  /** After an answer that may have been lost: what this request created, if it did. */
  find: () => Promise<T | undefined>;
  policy: RetryPolicy;
  deps: AtlasDeps;
}): Promise<{ value: T; reconciled: boolean }> {
  const { policy, deps } = request;
  let used = 0;
  for (;;) {
    try {
      return {
        value: await request.send({ ...policy, attempts: policy.attempts - used }),
        reconciled: false,
      };
    } catch (thrown) {
      if (!(thrown instanceof AtlasMaybeReceivedError)) throw thrown;
      used += thrown.attempts;
      let found: T | undefined;
      try {
        found = await look(request.find, deps);
      } catch (listing) {
        throw new AtlasApiError(
          `${thrown.message} Could not check whether Atlas created a ${request.thing} (${errorMessage(listing)}), so the request is not sent again: check the cluster's Backup page in Atlas.`,
          thrown.status,
          thrown.errorCode,
        );
      }
      if (found !== undefined) {
        deps.logger.info(`${thrown.message} Atlas did create the ${request.thing}: following that one.`);
        return { value: found, reconciled: true };
      }
      if (used >= policy.attempts) {
        throw new AtlasApiError(
          `${thrown.message} No ${request.thing} appeared after ${used} attempts; giving up.`,
          thrown.status,
          thrown.errorCode,
        );
      }
      deps.logger.info(
        `${thrown.message} No ${request.thing} appeared since, so Atlas did not act on it: sending it again.`,
      );
    }
  }
}

async function look<T>(
  find: () => Promise<T | undefined>,
  deps: Pick<AtlasDeps, 'sleep'>,
): Promise<T | undefined> {
  for (let attempt = 1; ; attempt++) {
    const found = await find();
    if (found !== undefined || attempt >= RECONCILE_LOOKS) return found;
    await deps.sleep(RECONCILE_INTERVAL_MS);
  }
}
