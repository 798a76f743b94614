// Regenerates docs/schema/branch-policy.schema.json from the zod schema: npm run schema -w packages/policy
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { policyJsonSchema } from '../src/schema';

const target = fileURLToPath(new URL('../../../docs/schema/branch-policy.schema.json', import.meta.url));
await writeFile(target, `${JSON.stringify(policyJsonSchema(), null, 2)}\n`);
execFileSync('npx', ['biome', 'format', '--write', target], { stdio: 'ignore' });
console.log(`wrote ${target}`);
