// The process entry of the CLI: wires signals and the exit code around `main`.
import { main } from './main';

const controller = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => controller.abort(new Error(`interrupted by ${signal}`)));
}
process.exitCode = await main(process.argv.slice(2), { signal: controller.signal });
