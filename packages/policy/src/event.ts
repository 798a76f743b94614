import { z } from 'zod';

/** A pull request as the rules see it, from a pull_request / pull_request_target payload. */
export interface PullRequestFacts {
  kind: 'pull_request';
  eventName: string;
  action: string;
  number: number;
  title: string;
  draft: boolean;
  head: string;
  base: string;
  /** `owner/repo` of the head when it is a fork, for messages. */
  forkOf?: string;
  labels: string[];
  author: string;
  /** Who applied a label, known when this event is that `labeled` action. */
  labeledBy?: { label: string; actor: string };
}

export interface PushFacts {
  kind: 'push';
  branch: string;
  sha: string;
  forced: boolean;
  /** Logins that could be the actor: the event's sender and the pusher's name. */
  actors: string[];
}

export interface MergeGroupFacts {
  kind: 'merge_group';
  base: string;
  headSha: string;
  pullNumber?: number;
}

export interface IgnoredEvent {
  kind: 'ignored';
  reason: string;
}

export type EventFacts = PullRequestFacts | PushFacts | MergeGroupFacts | IgnoredEvent;

/** A pull request associated with a pushed commit (GET /repos/{owner}/{repo}/commits/{sha}/pulls). */
export interface AssociatedPull {
  number: number;
  state: string;
  mergedAt: string | null;
  base: string;
  head: string;
  title: string;
  labels: string[];
}

const pullRequestPayload = z.object({
  action: z.string(),
  number: z.number().int(),
  pull_request: z.object({
    title: z.string(),
    draft: z.boolean().optional(),
    user: z.object({ login: z.string() }).nullable().optional(),
    labels: z.array(z.object({ name: z.string() })).default([]),
    head: z.object({ ref: z.string(), repo: z.object({ full_name: z.string() }).nullable().optional() }),
    base: z.object({ ref: z.string(), repo: z.object({ full_name: z.string() }).nullable().optional() }),
  }),
  label: z.object({ name: z.string() }).optional(),
  sender: z.object({ login: z.string() }).optional(),
});

const pushPayload = z.object({
  ref: z.string(),
  after: z.string(),
  forced: z.boolean().default(false),
  deleted: z.boolean().default(false),
  pusher: z.object({ name: z.string() }).optional(),
  sender: z.object({ login: z.string() }).optional(),
});

const mergeGroupPayload = z.object({
  merge_group: z.object({ head_sha: z.string(), head_ref: z.string(), base_ref: z.string() }),
});

const PULL_REQUEST_EVENTS = ['pull_request', 'pull_request_target'];
// A closed pull request can no longer change; judging it would only repaint an old comment.
const IGNORED_PULL_REQUEST_ACTIONS = [
  'closed',
  'assigned',
  'unassigned',
  'review_requested',
  'review_request_removed',
];

const branchOf = (ref: string) => ref.replace(/^refs\/heads\//, '');

/** Reads the facts the rules need from a webhook payload; throws when a supported event lacks them. */
export function readEvent(eventName: string, payload: unknown): EventFacts {
  if (PULL_REQUEST_EVENTS.includes(eventName)) return readPullRequest(eventName, payload);
  if (eventName === 'push') return readPush(payload);
  if (eventName === 'merge_group') return readMergeGroup(payload);
  return {
    kind: 'ignored',
    reason: `Nothing to check for '${eventName}' events: branch policy checks pull_request, pull_request_target, push and merge_group.`,
  };
}

function parsePayload<T>(schema: z.ZodType<T>, eventName: string, payload: unknown): T {
  const result = schema.safeParse(payload);
  if (result.success) return result.data;
  const where = result.error.issues.map((issue) => issue.path.join('.') || '(root)').join(', ');
  throw new Error(`The ${eventName} event payload is missing fields the branch policy needs: ${where}.`);
}

function readPullRequest(eventName: string, payload: unknown): EventFacts {
  const event = parsePayload(pullRequestPayload, eventName, payload);
  if (IGNORED_PULL_REQUEST_ACTIONS.includes(event.action)) {
    return { kind: 'ignored', reason: `Nothing to check for ${eventName} '${event.action}'.` };
  }
  const pr = event.pull_request;
  const facts: PullRequestFacts = {
    kind: 'pull_request',
    eventName,
    action: event.action,
    number: event.number,
    title: pr.title,
    draft: pr.draft ?? false,
    head: pr.head.ref,
    base: pr.base.ref,
    labels: pr.labels.map((label) => label.name),
    author: pr.user?.login ?? '',
  };
  const headRepo = pr.head.repo?.full_name;
  const baseRepo = pr.base.repo?.full_name;
  if (headRepo && baseRepo && headRepo !== baseRepo) facts.forkOf = headRepo;
  if (event.action === 'labeled' && event.label && event.sender) {
    facts.labeledBy = { label: event.label.name, actor: event.sender.login };
  }
  return facts;
}

function readPush(payload: unknown): EventFacts {
  const event = parsePayload(pushPayload, 'push', payload);
  if (!event.ref.startsWith('refs/heads/'))
    return { kind: 'ignored', reason: `Nothing to check for a push to ${event.ref}.` };
  const branch = branchOf(event.ref);
  // Deleting a branch is the business of rulesets ("restrict deletions"), not of a status check.
  if (event.deleted) return { kind: 'ignored', reason: `Nothing to check: ${branch} was deleted.` };
  const actors = [event.sender?.login, event.pusher?.name].filter((a): a is string => Boolean(a));
  return { kind: 'push', branch, sha: event.after, forced: event.forced, actors: [...new Set(actors)] };
}

function readMergeGroup(payload: unknown): EventFacts {
  const { merge_group: group } = parsePayload(mergeGroupPayload, 'merge_group', payload);
  const facts: MergeGroupFacts = {
    kind: 'merge_group',
    base: branchOf(group.base_ref),
    headSha: group.head_sha,
  };
  // gh-readonly-queue/<base>/pr-<number>-<sha>
  const pullNumber = /\/pr-(\d+)-[0-9a-f]+$/.exec(group.head_ref)?.[1];
  if (pullNumber) facts.pullNumber = Number(pullNumber);
  return facts;
}
