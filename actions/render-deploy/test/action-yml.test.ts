import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { parseBoolean, parseDuration } from '@shipkit/runtime';
import { DEPLOY_INPUT_DEFAULTS } from '@shipkit/render';
import { parse } from 'yaml';

const actionYml = parse(readFileSync(new URL('../action.yml', import.meta.url), 'utf8')) as {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, unknown>;
  runs: Record<string, string>;
};

describe('action.yml', () => {
  it('runs on node24 with a post step only on cancellation', () => {
    expect(actionYml.runs).toEqual({
      using: 'node24',
      main: 'dist/index.js',
      post: 'dist/post/index.js',
      'post-if': 'cancelled()',
    });
  });

  it('declares the same defaults the code falls back to', () => {
    for (const [name, fallback] of Object.entries(DEPLOY_INPUT_DEFAULTS)) {
      const declared = actionYml.inputs[name]?.default;
      expect([name, declared]).not.toEqual([name, undefined]);
      const parsed =
        typeof fallback === 'boolean'
          ? parseBoolean(name, declared ?? '')
          : typeof fallback === 'number'
            ? parseDuration(name, declared ?? '')
            : declared;
      expect([name, parsed]).toEqual([name, fallback]);
    }
  });

  it('declares every input the options parser reads', () => {
    expect(Object.keys(actionYml.inputs).sort()).toEqual(
      [
        'service-id',
        'api-key',
        'deploy-hook-url',
        'commit',
        'image-url',
        'clear-cache',
        'deploy-mode',
        'wait',
        'timeout',
        'cancel-on-timeout',
        'poll-interval',
        'superseded-outcome',
        'rollback-on-failure',
        'allow-auto-deploy',
        'cancel-on-workflow-cancel',
        'health-check-url',
        'health-check-timeout',
        'github-deployment',
        'github-token',
        'environment',
        'api-base-url',
      ].sort(),
    );
  });

  it('declares the outputs the action sets', () => {
    expect(Object.keys(actionYml.outputs).sort()).toEqual(
      ['deploy-id', 'duration-seconds', 'rolled-back', 'service-url', 'status'].sort(),
    );
  });
});
