// The actions run on Node 24 (runs.using: node24); tests on any other major prove nothing.
const major = Number(process.versions.node.split('.')[0]);
if (major !== 24) {
  console.error(
    `Tests must run on Node 24 (the GitHub Actions runtime), but this is Node ${process.versions.node}.\n` +
      'Run them through npm (`npm test`), which puts the node@24 devDependency first on PATH, after `npm ci`.',
  );
  process.exit(1);
}
