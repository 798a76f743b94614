import { AtlasDeadlineError } from './errors';
import type { AtlasDeps } from './http';

export interface FollowOptions {
  /** Time between reads. */
  pollIntervalMs: number;
  /** When to stop following, by `deps.now`. */
  deadline: number;
}

/**
 * Reads a job until it is finished or the deadline passes, logging each change of state. Returns the
 * last state read and whether time ran out first — also when it runs out during a read — and the job
 * itself carries on in Atlas either way.
 */
export async function follow<T>(
  first: T,
  read: () => Promise<T>,
  job: { finished: (state: T) => boolean; describe: (state: T) => string },
  options: FollowOptions,
  deps: Pick<AtlasDeps, 'now' | 'sleep' | 'logger'>,
): Promise<{ last: T; timedOut: boolean }> {
  let last = first;
  let shown = job.describe(first);
  deps.logger.info(shown);
  while (!job.finished(last)) {
    const remaining = options.deadline - deps.now();
    if (remaining <= 0) return { last, timedOut: true };
    await deps.sleep(Math.min(options.pollIntervalMs, remaining));
    if (options.deadline - deps.now() <= 0) return { last, timedOut: true };
    try {
      last = await read();
    } catch (error) {
      if (error instanceof AtlasDeadlineError) return { last, timedOut: true };
      throw error;
    }
    const line = job.describe(last);
    if (line !== shown) {
      deps.logger.info(line);
      shown = line;
    }
  }
  return { last, timedOut: false };
}
