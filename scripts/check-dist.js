// Fails when a committed actions/*/dist differs from a fresh build: a stale bundle is what users run.
import { execFileSync } from 'node:child_process';

execFileSync('npm', ['run', 'package', '--silent'], { stdio: 'inherit' });
const changed = execFileSync('git', ['status', '--porcelain', '--', 'actions/*/dist'], {
  encoding: 'utf8',
}).trim();
if (changed) {
  console.error(`dist/ is stale — rebuild with \`npm run package\` and commit:\n${changed}`);
  execFileSync('git', ['--no-pager', 'diff', '--stat', '--', 'actions/*/dist'], { stdio: 'inherit' });
  process.exit(1);
}
console.log('dist/ is up to date');
