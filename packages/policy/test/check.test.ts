import { readFileSync } from 'node:fs';
import { describe, expect, test } from '@jest/globals';
import { MemoryLogger } from '@shipkit/runtime';
import { checkEvent } from '../src/check';
import type { AssociatedPull } from '../src/event';
import { defaultPolicy } from '../src/policy';
import { merged } from './helpers';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../../test/fixtures/events/${name}`, import.meta.url), 'utf8'));

/** Answers the associated-pulls lookup from a script: one answer per call, the last one repeating. */
function scriptedLookup(answers: AssociatedPull[][]) {
  const calls: string[] = [];
  return {
    calls,
    pullsForCommit: async (sha: string) => {
      calls.push(sha);
      return answers[Math.min(calls.length - 1, answers.length - 1)] ?? [];
    },
  };
}

function recordingSleep() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

describe('checkEvent', () => {
  test('a push waits and asks again until GitHub links the commit to its merged pull request', async () => {
    const lookup = scriptedLookup([[], [merged({ head: 'release/1.4.0', base: 'main' })]]);
    const { waits, sleep } = recordingSleep();
    const logger = new MemoryLogger();
    const evaluation = await checkEvent({
      eventName: 'push',
      payload: fixture('push.main-merged-pr.json'),
      policy: defaultPolicy(),
      github: lookup,
      logger,
      sleep,
      lookupRetryDelaysMs: [1000, 2000],
    });
    expect(evaluation.verdict).toBe('pass');
    expect(lookup.calls).toEqual([
      'd4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f5a6b',
      'd4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f5a6b',
    ]);
    expect(waits).toEqual([1000]);
    expect(logger.text).toBe(
      'No merged pull request into main is linked to d4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f5a6b yet; asking again in 1s.',
    );
  });

  test('a direct push fails after the retries run out', async () => {
    const lookup = scriptedLookup([[]]);
    const { waits, sleep } = recordingSleep();
    const evaluation = await checkEvent({
      eventName: 'push',
      payload: fixture('push.main-direct.json'),
      policy: defaultPolicy(),
      github: lookup,
      logger: new MemoryLogger(),
      sleep,
      lookupRetryDelaysMs: [1000, 2000],
    });
    expect(evaluation.verdict).toBe('fail');
    expect(lookup.calls).toHaveLength(3);
    expect(waits).toEqual([1000, 2000]);
  });

  test('an allowed actor is not kept waiting', async () => {
    const lookup = scriptedLookup([[]]);
    const { waits, sleep } = recordingSleep();
    const policy = defaultPolicy();
    const evaluation = await checkEvent({
      eventName: 'push',
      payload: fixture('push.main-direct.json'),
      policy: { ...policy, protected: { ...policy.protected, allowedActors: ['alice'] } },
      github: lookup,
      logger: new MemoryLogger(),
      sleep,
    });
    expect(evaluation.verdict).toBe('pass');
    expect(waits).toEqual([]);
  });

  test('pull requests need no GitHub calls', async () => {
    const evaluation = await checkEvent({
      eventName: 'pull_request',
      payload: fixture('pull_request.edited-base.json'),
      policy: defaultPolicy(),
      logger: new MemoryLogger(),
      sleep: async () => {},
    });
    expect(evaluation.verdict).toBe('pass');
    expect(evaluation.pullNumber).toBe(42);
  });

  test('a push to a protected branch without a token is a UserError naming the input', async () => {
    await expect(
      checkEvent({
        eventName: 'push',
        payload: fixture('push.main-direct.json'),
        policy: defaultPolicy(),
        logger: new MemoryLogger(),
        sleep: async () => {},
      }),
    ).rejects.toThrow(
      "Option 'github-token' is empty, but checking a push to main needs it to look up the pull request that was merged.",
    );
  });
});
