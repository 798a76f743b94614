// Regenerates docs/schema/backup-list.schema.json and backup-inspect.schema.json (what `shipkit list
// --json` and `shipkit inspect --json` print) from the zod schemas: npm run schema -w packages/backup
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { catalogJsonSchemas } from '../src/catalog-json';

const schemas = catalogJsonSchemas();
for (const [name, schema] of Object.entries(schemas)) {
  const target = fileURLToPath(new URL(`../../../docs/schema/backup-${name}.schema.json`, import.meta.url));
  await writeFile(target, `${JSON.stringify(schema, null, 2)}\n`);
  execFileSync('npx', ['biome', 'format', '--write', target], { stdio: 'ignore' });
  console.log(`wrote ${target}`);
}
