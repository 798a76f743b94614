// Regenerates docs/schema/notification.schema.json (the generic webhook's body) from the zod schema:
// npm run schema -w packages/notify
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { notificationJsonSchema } from '../src/schema';

const target = fileURLToPath(new URL('../../../docs/schema/notification.schema.json', import.meta.url));
await writeFile(target, `${JSON.stringify(notificationJsonSchema(), null, 2)}\n`);
execFileSync('npx', ['biome', 'format', '--write', target], { stdio: 'ignore' });
console.log(`wrote ${target}`);
