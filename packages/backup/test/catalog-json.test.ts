import { readFileSync } from 'node:fs';
import { describe, expect, test } from '@jest/globals';
import { catalogJsonSchemas, manifestJsonSchema } from '../src';

describe('the published JSON Schemas of list and inspect', () => {
  const schemas = catalogJsonSchemas();
  test.each(['list', 'inspect'] as const)(
    'docs/schema/backup-%s.schema.json equals what the CLI prints (regenerate: npm run schema -w packages/backup)',
    (name) => {
      const published = new URL(`../../../docs/schema/backup-${name}.schema.json`, import.meta.url);
      expect(JSON.parse(readFileSync(published, 'utf8'))).toEqual(schemas[name]);
    },
  );

  test('name every state and what it means', () => {
    const text = JSON.stringify(schemas.list);
    for (const state of ['verified', 'complete', 'damaged', 'incomplete']) {
      expect(text).toContain(`${state}: `);
    }
  });

  test('the manifest schema, with its new name and key checks, still converts', () => {
    expect(manifestJsonSchema()).toMatchObject({ type: 'object' });
  });
});
