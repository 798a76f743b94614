import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { TOOL } from '../src/tool';

describe('TOOL', () => {
  it('carries the root package version', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'));
    expect(TOOL).toEqual({ name: pkg.name, version: pkg.version });
  });
});
