// action.yml declares exactly the inputs of the action's one typed list, with the same descriptions,
// defaults and required flags, so the list is the single place an input is defined.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { parseBoolean, parseDuration, parseInteger } from '@shipkit/action-kit';
import { parse } from 'yaml';
import { ATLAS_BACKUP_INPUTS, OPERATIONS } from '../src/inputs';

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

  it('declares the inputs of ATLAS_BACKUP_INPUTS, in order, with their descriptions, defaults and required flags', () => {
    expect(Object.keys(actionYml.inputs)).toEqual(ATLAS_BACKUP_INPUTS.map((input) => input.name));
    for (const input of ATLAS_BACKUP_INPUTS) {
      expect({ name: input.name, ...actionYml.inputs[input.name] }).toEqual({
        name: input.name,
        description: input.description,
        required: input.required === true,
        ...(input.default === undefined ? {} : { default: input.default }),
      });
    }
  });

  it('has defaults the parsers accept, and names every operation in the operation input', () => {
    for (const input of ATLAS_BACKUP_INPUTS) {
      if (input.default === undefined) continue;
      if (input.type === 'boolean') parseBoolean(input.name, input.default);
      if (input.type === 'duration') parseDuration(input.name, input.default);
      if (input.type === 'integer') parseInteger(input.name, input.default);
    }
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
