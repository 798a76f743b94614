// Fails when a committed bundle (actions/*/dist, packages/cli/dist) differs from a fresh build: a stale
// bundle is what users run.
import { execFileSync } from 'node:child_process';

execFileSync('npm', ['run', 'package', '--silent'], { stdio: 'inherit' });
const bundles = ['actions/*/dist', 'packages/cli/dist'];
const changed = execFileSync('git', ['status', '--porcelain', '--', ...bundles], { encoding: 'utf8' }).trim();
if (changed) {
  console.error(`dist/ is stale — rebuild with \`npm run package\` and commit:\n${changed}`);
  execFileSync('git', ['--no-pager', 'diff', '--stat', '--', ...bundles], { stdio: 'inherit' });
  process.exit(1);
}
console.log('dist/ is up to date');
