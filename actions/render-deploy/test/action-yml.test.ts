import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
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

  it('declares the outputs the action sets', () => {
    expect(Object.keys(actionYml.outputs).sort()).toEqual(
      ['deploy-id', 'duration-seconds', 'rolled-back', 'service-url', 'status'].sort(),
    );
  });
});
