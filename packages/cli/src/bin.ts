// The process entry of the CLI: SIGINT/SIGTERM become the AbortSignal `main` hands every command, and
// the process ends once the command is done (see `runProcess`).
import { runProcess } from '@shipkit/runtime';
import { main } from './main';

await runProcess((signal) => main(process.argv.slice(2), { signal }));
