// action.yml's inputs are generated from the action's table (test/workflows/docs.test.ts checks they
// match); here: how it runs, the operations it names, and the outputs main.ts sets.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { OPERATIONS } from '../src/inputs';

const actionYml = parse(readFileSync(new URL('../action.yml', import.meta.url), 'utf8')) as {
  inputs: Record<string, { description: string; required: boolean; default?: string }>;
  outputs: Record<string, { description: string }>;
  runs: Record<string, string>;
};
const main = readFileSync(new URL('../src/main.ts', import.meta.url), 'utf8');

describe('actions/atlas-backup/action.yml', () => {
  it('runs on node24', () => {
    expect(actionYml.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });

  it('names every operation in the operation input', () => {
    for (const operation of OPERATIONS)
      expect(actionYml.inputs.operation?.description).toContain(`${operation} (`);
  });

  it('declares every output main.ts sets', () => {
    const set = new Set([...main.matchAll(/^\s+'?([a-z-]+)'?: /gm)].map((m) => m[1] as string));
    const declared = Object.keys(actionYml.outputs);
    for (const name of declared)
      expect({ name, setInMain: set.has(name) }).toEqual({ name, setInMain: true });
  });
});
