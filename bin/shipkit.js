#!/usr/bin/env node
// Runs the shipkit CLI: the committed bundle (packages/cli/dist), or its TypeScript sources when
// SHIPKIT_FROM_SOURCE=1. The CLI needs Node 24 (zstd in zlib); when started by an older node, it re-runs
// itself with the node@24 that `npm ci` installed, if there is one.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  const node24 = join(root, 'node_modules', 'node', 'bin', 'node');
  if (!existsSync(node24)) {
    console.error(
      `shipkit needs Node.js 24 or later (this is ${process.versions.node}); run \`npm ci\` first.`,
    );
    process.exit(2);
  }
  const result = spawnSync(node24, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  process.exit(result.status ?? 1);
}
const bundle = join(root, 'packages', 'cli', 'dist', 'index.js');
if (process.env.SHIPKIT_FROM_SOURCE === '1') {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(join(root, 'packages', 'cli', 'src', 'bin.ts')).href);
} else if (existsSync(bundle)) {
  await import(pathToFileURL(bundle).href);
} else {
  // Never fall back to the sources silently: what runs must be what was built and tested.
  console.error(
    `shipkit: its bundle ${bundle} is missing. Build it with \`npm run build -w packages/cli\` ` +
      '(in a checkout, after `npm ci`), or run the sources with SHIPKIT_FROM_SOURCE=1.',
  );
  process.exit(2);
}
