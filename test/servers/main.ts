// `npm run servers`: start (or reuse) the test servers, print their exports, keep running until stopped.
import { startServers } from './index';

const servers = await startServers((line) => process.stderr.write(`${line}\n`));
for (const [name, value] of Object.entries(servers.env)) process.stdout.write(`export ${name}='${value}'\n`);
process.stdout.write('servers ready\n');

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  await servers.stop();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
setInterval(() => {}, 1 << 30);
