import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody } from './http';

/** One request a receiver got, as it arrived. */
export interface ReceivedRequest {
  method: string;
  /** Path and query, e.g. `/ping/abc/start`. */
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** What the receiver does with the n-th request (from 1): answer a status, or never answer. */
export type HookBehaviour = (n: number, request: ReceivedRequest) => number | 'hang';

/**
 * A webhook / heartbeat receiver on loopback: it records every request and answers as told (200 by
 * default), or hangs. It stands in for Slack, Teams, a user's own endpoint or healthchecks.io.
 */
export class HookReceiver {
  readonly requests: ReceivedRequest[] = [];
  private readonly hanging = new Set<() => void>();
  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(behaviour: HookBehaviour = () => 200): Promise<HookReceiver> {
    let receiver: HookReceiver | undefined;
    const server = createServer(async (req, res) => {
      const request: ReceivedRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: await readBody(req),
      };
      const self = receiver as HookReceiver;
      self.requests.push(request);
      const answer = behaviour(self.requests.length, request);
      if (answer === 'hang') {
        const end = () => res.destroy();
        self.hanging.add(end);
        return;
      }
      res.writeHead(answer, { 'content-type': 'text/plain' }).end(answer < 300 ? 'ok' : 'no');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    receiver = new HookReceiver(server, `http://127.0.0.1:${port}`);
    return receiver;
  }

  /** The requests to paths starting with `prefix`. */
  to(prefix: string): ReceivedRequest[] {
    return this.requests.filter((r) => r.path.startsWith(prefix));
  }

  async stop(): Promise<void> {
    for (const end of this.hanging) end();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
