import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { checkInstanceConfig } from '../src/check';
import { parseEnv } from '../src/dotenv';
import { renderEnvExample } from '../src/env-example';
import { VARIABLE_NAMES, VARIABLES } from '../src/variables';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../../..');

describe('.env.example', () => {
  it('is the one generated from the schema (run `npm run env-example` after changing it)', () => {
    const committed = readFileSync(join(repoRoot, '.env.example'), 'utf8');
    expect(committed).toBe(renderEnvExample());
  });

  it('lists every variable once, in schema order', () => {
    const parsed = parseEnv(renderEnvExample());
    expect(parsed.problems).toEqual([]);
    expect(parsed.duplicates).toEqual([]);
    expect(parsed.entries.map((e) => e.key)).toEqual(VARIABLE_NAMES);
  });

  it('passes the check as a template: its values have the right shapes and agree with each other', async () => {
    const result = await checkInstanceConfig(parseEnv(renderEnvExample()).values, { template: true });
    expect(result.problems).toEqual([]);
  });

  it("flags the secrets' example values when used as real configuration", async () => {
    const result = await checkInstanceConfig(parseEnv(renderEnvExample()).values);
    const flagged = result.problems.filter((p) => /example value/.test(p.message)).map((p) => p.variable);
    const secretsWithValues = VARIABLES.filter((v) => v.secret && v.exampleAsValue).map((v) => v.name);
    expect(flagged).toEqual(secretsWithValues);
  });

  it.each(VARIABLES.filter((v) => !v.example.includes('…')).map((v) => [v.name, v] as const))(
    'documents a valid example for %s',
    (_name, spec) => {
      expect(spec.schema.safeParse(spec.example).success).toBe(true);
    },
  );

  it('marks each variable as secret or not, required or not, and where it is used', () => {
    const text = renderEnvExample({ examples: { MONGODB_DB: 'shop_globex' }, subject: 'For client globex.' });
    expect(text).toContain('MONGODB_DB=shop_globex');
    expect(text).toContain('# For client globex.');
    expect(text).toMatch(
      /# OPENAI_API_KEY: .*\n# Required · secret · Render environment\nOPENAI_API_KEY=sk-/,
    );
    expect(text).toMatch(
      /# Optional · secret · GitHub secret\n# Example: AGE-SECRET-KEY-1… .*\nAGE_IDENTITY=\n/,
    );
  });
});
