// `npm run env-example`: writes the repository's .env.example from the configuration schema.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderEnvExample } from '../src/index';

const target = join(dirname(fileURLToPath(import.meta.url)), '../../../.env.example');
writeFileSync(target, renderEnvExample());
process.stdout.write(`wrote ${target}\n`);
