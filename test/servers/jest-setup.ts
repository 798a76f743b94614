// Starts the real servers once for the projects that need them (integration, faults); workers inherit
// the exported environment.
import { type Servers, startServers } from './index';

declare global {
  var __shipkitServers: Servers | undefined;
}

export default async function setup(): Promise<void> {
  if (globalThis.__shipkitServers) return;
  const servers = await startServers((line) => process.stderr.write(`  ${line}\n`));
  Object.assign(process.env, servers.env);
  globalThis.__shipkitServers = servers;
}
