import { readFileSync } from 'node:fs';
import { describe, expect, test } from '@jest/globals';
import { readEvent } from '../src/event';

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`../../../test/fixtures/events/${name}`, import.meta.url), 'utf8'));

describe('reading webhook payloads', () => {
  test('pull_request opened', () => {
    expect(readEvent('pull_request', fixture('pull_request.opened.json'))).toEqual({
      kind: 'pull_request',
      eventName: 'pull_request',
      action: 'opened',
      number: 42,
      title: 'Add login form',
      draft: false,
      head: 'feature/login-form',
      base: 'main',
      labels: [],
      author: 'alice',
    });
  });

  test('pull_request edited (base changed) reads the new base', () => {
    expect(readEvent('pull_request', fixture('pull_request.edited-base.json'))).toMatchObject({
      action: 'edited',
      base: 'development',
      title: 'feat(auth): add login form',
    });
  });

  test('pull_request_target from a fork names the fork', () => {
    expect(readEvent('pull_request_target', fixture('pull_request_target.opened.json'))).toMatchObject({
      eventName: 'pull_request_target',
      head: 'docs/readme-typo',
      base: 'development',
      forkOf: 'octo-contributor/shop',
      author: 'octo-contributor',
    });
  });

  test('a labeled action records who applied the label', () => {
    const payload = fixture('pull_request.opened.json');
    const labeled = {
      ...payload,
      action: 'labeled',
      label: { name: 'policy-override' },
      sender: { login: 'lead-dev' },
    };
    expect(readEvent('pull_request', labeled)).toMatchObject({
      labeledBy: { label: 'policy-override', actor: 'lead-dev' },
    });
  });

  test('a closed pull request is not judged', () => {
    const closed = { ...fixture('pull_request.opened.json'), action: 'closed' };
    expect(readEvent('pull_request', closed)).toEqual({
      kind: 'ignored',
      reason: "Nothing to check for pull_request 'closed'.",
    });
  });

  test('push to main', () => {
    expect(readEvent('push', fixture('push.main-direct.json'))).toEqual({
      kind: 'push',
      branch: 'main',
      sha: 'e5f60718293a4b5c6d7e8f9a0b1c2d3e4f5a6b7c',
      forced: false,
      actors: ['alice'],
    });
  });

  test('push of a tag and deletion of a branch are ignored', () => {
    const payload = fixture('push.main-direct.json');
    expect(readEvent('push', { ...payload, ref: 'refs/tags/v1.4.0' })).toEqual({
      kind: 'ignored',
      reason: 'Nothing to check for a push to refs/tags/v1.4.0.',
    });
    expect(readEvent('push', { ...payload, deleted: true })).toEqual({
      kind: 'ignored',
      reason: 'Nothing to check: main was deleted.',
    });
  });

  test('merge_group reads the base and the queued pull request', () => {
    expect(readEvent('merge_group', fixture('merge_group.checks_requested.json'))).toEqual({
      kind: 'merge_group',
      base: 'main',
      headSha: 'f60718293a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d',
      pullNumber: 57,
    });
  });

  test('other events have nothing to check', () => {
    expect(readEvent('workflow_dispatch', {})).toEqual({
      kind: 'ignored',
      reason:
        "Nothing to check for 'workflow_dispatch' events: branch policy checks pull_request, pull_request_target, push and merge_group.",
    });
  });

  test('a payload missing what the rules need is an error naming the fields', () => {
    expect(() =>
      readEvent('pull_request', { action: 'opened', number: 1, pull_request: { title: 'x' } }),
    ).toThrow(
      'The pull_request event payload is missing fields the branch policy needs: pull_request.head, pull_request.base.',
    );
  });
});
