import type { AssociatedPull, PullRequestFacts, PushFacts } from '../src/event';

export function pullRequest(
  fields: Partial<PullRequestFacts> & { head: string; base: string },
): PullRequestFacts {
  return {
    kind: 'pull_request',
    eventName: 'pull_request',
    action: 'opened',
    number: 42,
    title: 'feat: add login form',
    draft: false,
    labels: [],
    author: 'alice',
    ...fields,
  };
}

export function push(fields: Partial<PushFacts> & { branch: string }): PushFacts {
  return {
    kind: 'push',
    sha: 'e5f60718293a4b5c6d7e8f9a0b1c2d3e4f5a6b7c',
    forced: false,
    actors: ['alice'],
    ...fields,
  };
}

export function merged(fields: Partial<AssociatedPull> & { head: string; base: string }): AssociatedPull {
  return {
    number: 57,
    state: 'closed',
    mergedAt: '2026-11-24T17:05:10Z',
    title: 'Release 1.4.0',
    labels: [],
    ...fields,
  };
}
