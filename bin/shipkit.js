#!/usr/bin/env node
// Runs the shipkit CLI: the committed bundle (packages/cli/dist), or its TypeScript sources when
// SHIPKIT_FROM_SOURCE=1. The CLI needs Node 24 (zstd in zlib); when started by an older node, it re-runs
// itself with the node@24 that `npm ci` installed, if there is one.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { constants } from 'node:os';
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
  const child = spawn(node24, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  // Signals sent to this process are the user's (Ctrl-C, `kill`, a CI runner stopping the step): they
  // must reach the process doing the work, which stops it cleanly. The CLI counts a copy of the same
  // signal arriving at once (a terminal signals the whole process group) as one.
  const forwarded = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  const forward = (signal) => child.kill(signal);
  for (const signal of forwarded) process.on(signal, forward);
  child.on('error', (error) => {
    console.error(`shipkit: could not start ${node24}: ${error.message}`);
    process.exit(2);
  });
  child.on('exit', (code, signal) => {
    for (const each of forwarded) process.off(each, forward);
    if (signal) {
      // Die the way the child died, so the caller sees the same status.
      process.kill(process.pid, signal);
      process.exit(128 + (constants.signals[signal] ?? 0));
    }
    process.exit(code ?? 1);
  });
} else {
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
}
