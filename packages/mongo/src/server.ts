import { setTimeout as delay } from 'node:timers/promises';
import {
  type Activity,
  CLEANUP_TIMEOUT_MS,
  type Deadline,
  formatDuration,
  type Logger,
  Redactor,
  UserError,
} from '@shipkit/runtime';
import {
  type Document,
  MongoClient,
  type MongoClientOptions,
  MongoServerError,
  type TopologyDescriptionChangedEvent,
} from 'mongodb';

export type Topology = 'standalone' | 'replicaSet' | 'sharded' | 'unknown';

/** What a backup records about its source. Never the URI, the hosts or the credentials. */
export interface ServerFacts {
  /** `buildInfo.version`: the MongoDB version the server reports (or emulates). */
  serverVersion: string;
  topology: Topology;
  /** Set when the server is not MongoDB itself, e.g. `ferretdb`. */
  flavor?: string;
  /** The flavor's own version, e.g. FerretDB's `v1.24.2`. */
  flavorVersion?: string;
  /** Largest document the server accepts (`hello.maxBsonObjectSize`). */
  maxBsonObjectSize: number;
}

const DEFAULT_MAX_BSON_OBJECT_SIZE = 16 * 1024 * 1024;

/** Reads the server's version, topology and flavor from `hello` and `buildInfo`. */
export async function probeServer(client: MongoClient): Promise<ServerFacts> {
  const admin = client.db('admin');
  const [hello, buildInfo] = await Promise.all([
    admin.command({ hello: 1 }).catch(() => admin.command({ isMaster: 1 })),
    admin.command({ buildInfo: 1 }),
  ]);
  return serverFactsFrom(hello, buildInfo);
}

/** The pure part of `probeServer`, for tests. */
export function serverFactsFrom(hello: Document, buildInfo: Document): ServerFacts {
  const facts: ServerFacts = {
    serverVersion: typeof buildInfo.version === 'string' ? buildInfo.version : 'unknown',
    topology: topologyOf(hello),
    maxBsonObjectSize:
      typeof hello.maxBsonObjectSize === 'number' ? hello.maxBsonObjectSize : DEFAULT_MAX_BSON_OBJECT_SIZE,
  };
  if (typeof buildInfo.ferretdbVersion === 'string') {
    facts.flavor = 'ferretdb';
    facts.flavorVersion = buildInfo.ferretdbVersion;
  } else if (typeof buildInfo.psmdbVersion === 'string') {
    facts.flavor = 'percona';
    facts.flavorVersion = buildInfo.psmdbVersion;
  }
  return facts;
}

function topologyOf(hello: Document): Topology {
  if (hello.msg === 'isdbgrid') return 'sharded';
  if (typeof hello.setName === 'string') return 'replicaSet';
  if (hello.isWritablePrimary === true || hello.ismaster === true || hello.secondary === true) {
    return 'standalone';
  }
  return 'unknown';
}

export interface ConnectOptions {
  /**
   * How long to wait for the server before giving up with a UserError (`--connect-timeout`). Without
   * it the URI's own serverSelectionTimeoutMS and connectTimeoutMS apply, else the driver's 30 s.
   */
  timeoutMs?: number;
  /** Shown in the server's logs and `currentOp`. */
  appName?: string;
  /** Further driver options (pool size, TLS files…); the timeouts above win. */
  driverOptions?: MongoClientOptions;
  /**
   * The run's deadline: connecting gives up when the run stops, the client is then closed (which ends
   * every command still waiting for an answer), and a command the server never answers is what a
   * timed-out run names.
   */
  deadline?: Deadline;
  /** Told at debug level where the client connected and how long it took (never the URI). */
  logger?: Logger;
}

/** Where a URI points, without credentials: enough to say what could not be reached. */
export interface ConnectionTarget {
  /** `host:port` of each seed, or the SRV name for `mongodb+srv://`. */
  hosts: string[];
  srv: boolean;
  username?: string;
  timeoutMs: number;
}

/**
 * Opens a client and proves it works (one `ping`), within the connect timeout. Works with
 * `mongodb+srv://` and TLS (Atlas). A refused connection or a host name that does not resolve fails at
 * once rather than after the timeout. Fails with a UserError that never contains the URI or the
 * password: malformed URI, unreachable hosts, wrong credentials.
 *
 * The one place every command and action connects through, so the timeouts and the deadline hold for
 * all of them.
 */
export async function connect(uri: string, options: ConnectOptions = {}): Promise<MongoClient> {
  const redactor = new Redactor();
  redactor.add(uri);
  let client: MongoClient;
  try {
    client = createClient(uri, options);
  } catch (error) {
    throw invalidUriError(error, redactor);
  }
  const { deadline } = options;
  const timeoutMs = client.options.serverSelectionTimeoutMS;
  const target = connectionTarget(client, timeoutMs);
  const hopeless = whenEveryServerRefuses(client);
  if (deadline) bindToDeadline(client, deadline);
  try {
    const ready = client.connect().then(() => client.db('admin').command({ ping: 1 }));
    const connected = withDeadline(
      Promise.race([ready, hopeless.promise]),
      // The driver honours serverSelectionTimeoutMS; DNS (SRV, TXT) lookups are not bounded by it.
      timeoutMs + 1000,
      () => new ConnectTimeoutError(),
    );
    const startedAt = Date.now();
    await (deadline
      ? deadline.waitFor(`the MongoDB server ${target.hosts.join(', ')}`, connected)
      : connected);
    options.logger?.debug(
      `connected to ${target.hosts.join(', ')} in ${Date.now() - startedAt} ms (server selection timeout ${timeoutMs} ms)`,
    );
    return client;
  } catch (error) {
    await disconnect(client);
    if (deadline?.stopped) throw deadline.reason;
    throw connectionError(error, target, redactor);
  } finally {
    hopeless.stop();
  }
}

/** The client for `uri`: the URI's timeouts stand unless `timeoutMs` overrides them. */
function createClient(uri: string, options: ConnectOptions): MongoClient {
  const driverOptions: MongoClientOptions = {
    ...options.driverOptions,
    ...(options.appName ? { appName: options.appName } : {}),
  };
  const client = new MongoClient(uri, driverOptions);
  if (options.timeoutMs === undefined) return client;
  return new MongoClient(uri, {
    ...driverOptions,
    serverSelectionTimeoutMS: options.timeoutMs,
    connectTimeoutMS: Math.min(options.timeoutMs, client.options.connectTimeoutMS),
  });
}

/**
 * Closes a client without letting a server that stopped answering hold the run: whatever the close
 * still waits for (killCursors, a new connection's handshake) is abandoned after `graceMs`.
 */
export async function disconnect(client: MongoClient, graceMs = CLEANUP_TIMEOUT_MS): Promise<void> {
  const gaveUp = new AbortController();
  const closed = client.close().catch(() => {});
  await Promise.race([closed, delay(graceMs, undefined, { signal: gaveUp.signal }).catch(() => {})]);
  gaveUp.abort();
}

/**
 * Ties a client to the run's deadline: each command in flight (a connection checked out) is a wait
 * the deadline can name, and the client is closed shortly after the run stops, which fails every
 * command still waiting on a server that does not answer. Not at once: a stopped run still cleans up
 * through its client (a cancelled restore drops its staging collections), and a server that answers
 * lets it do so within the wind-down time.
 */
function bindToDeadline(client: MongoClient, deadline: Deadline): void {
  const inFlight = new Map<string, Activity>();
  const done = (event: { address: string; connectionId?: number | '<monitor>' }) => {
    const key = `${event.address}#${String(event.connectionId)}`;
    inFlight.get(key)?.end();
    inFlight.delete(key);
  };
  client.on('connectionCheckedOut', (event) => {
    const key = `${event.address}#${String(event.connectionId)}`;
    inFlight.get(key)?.end();
    inFlight.set(key, deadline.begin(`the MongoDB server ${event.address}`));
  });
  client.on('connectionCheckedIn', done);
  client.on('connectionClosed', done);
  const onStop = () => setTimeout(() => void disconnect(client), CLEANUP_TIMEOUT_MS).unref();
  if (deadline.stopped) onStop();
  else deadline.signal.addEventListener('abort', onStop, { once: true });
  client.once('topologyClosed', () => {
    deadline.signal.removeEventListener('abort', onStop);
    for (const activity of inFlight.values()) activity.end();
    inFlight.clear();
  });
}

/** Socket errors after which waiting for the server cannot help: nothing listens, or the name does not exist. */
const DEFINITIVE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ENETUNREACH', 'EHOSTUNREACH']);

/** A connection attempt that every server the client knows of refused outright. */
class ServersRefusedError extends Error {
  override name = 'ServersRefusedError';
  constructor(
    readonly code: string,
    cause: unknown,
  ) {
    super(messageOf(cause), { cause });
  }
}

/**
 * Rejects as soon as every server the client knows of has failed to connect in a way that waiting
 * will not fix (connection refused, unknown host): server selection would otherwise retry until its
 * timeout, 30 s by default.
 */
function whenEveryServerRefuses(client: MongoClient): { promise: Promise<never>; stop(): void } {
  let listener: ((event: TopologyDescriptionChangedEvent) => void) | undefined;
  const promise = new Promise<never>((_, reject) => {
    listener = (event) => {
      const servers = [...event.newDescription.servers.values()];
      const codes = servers.map((server) => definitiveCode(server.error));
      if (servers.length > 0 && codes.every((code) => code !== undefined)) {
        reject(new ServersRefusedError(codes[0] as string, servers[0]?.error));
      }
    };
    client.on('topologyDescriptionChanged', listener);
  });
  promise.catch(() => {});
  return {
    promise,
    stop: () => {
      if (listener) client.off('topologyDescriptionChanged', listener);
    },
  };
}

function definitiveCode(error: unknown): string | undefined {
  if (!error) return undefined;
  for (const each of causes(error)) {
    const code = (each as { code?: unknown }).code;
    if (typeof code === 'string' && DEFINITIVE_CODES.has(code)) return code;
  }
  return undefined;
}

/** The hosts, SRV name and user of a constructed client (the driver has parsed the URI). */
export function connectionTarget(client: MongoClient, timeoutMs: number): ConnectionTarget {
  const { srvHost, hosts, credentials } = client.options;
  const target: ConnectionTarget = {
    hosts: srvHost ? [srvHost] : hosts.map((host) => host.toString()),
    srv: Boolean(srvHost),
    timeoutMs,
  };
  if (credentials?.username) target.username = credentials.username;
  return target;
}

class ConnectTimeoutError extends Error {
  override name = 'ConnectTimeoutError';
}

/** A malformed URI: the driver's reason, without anything taken from the URI's secrets. */
export function invalidUriError(error: unknown, redactor?: Redactor): UserError {
  const reason = redact(messageOf(error), redactor);
  return new UserError(
    `The MongoDB URI is not valid: ${reason}. ` +
      'Expected mongodb://user:password@host:port/?options or mongodb+srv://user:password@cluster-host/, ' +
      'with special characters in the user and password percent-encoded.',
  );
}

const AUTHENTICATION_FAILED = 18;

/** Turns a failure to connect into a UserError that says what to check; other errors pass through. */
export function connectionError(error: unknown, target: ConnectionTarget, redactor?: Redactor): Error {
  const within = formatDuration(target.timeoutMs);
  const where = target.hosts.join(', ') || 'the MongoDB server';
  if (isAuthenticationFailure(error)) {
    const user = target.username ?? '';
    return new UserError(
      `Connecting to the MongoDB server: authentication failed for user '${user}'. ` +
        'Check the user name and password in the MongoDB URI, and authSource if the user is not defined in admin.',
    );
  }
  if (error instanceof ServersRefusedError) {
    const reason = redact(error.message, redactor);
    if (error.code === 'ENOTFOUND') {
      return new UserError(
        `Could not reach ${where}: the DNS lookup failed (${reason}). Check the host name in the MongoDB URI.`,
      );
    }
    const what = error.code === 'ECONNREFUSED' ? 'the connection was refused' : 'there is no route to it';
    return new UserError(
      `Could not reach ${where}: ${what} (${reason}). Check the host and port, and that the server is ` +
        'running and reachable from here.',
    );
  }
  const dns = dnsFailure(error);
  if (dns) {
    return new UserError(
      `Could not reach ${where} within ${within}: the DNS lookup failed (${dns}). ` +
        'Check the host name in the MongoDB URI.',
    );
  }
  if (isUnreachable(error)) {
    const reason = redact(reachabilityReason(error), redactor);
    return new UserError(
      `Could not reach ${where} within ${within}${reason ? ` (${reason})` : ''}. ` +
        'Check the host and port, that the server is running, and that its network access list allows this machine' +
        (target.srv ? '.' : ' (for Atlas, use the mongodb+srv:// connection string).'),
    );
  }
  if (error instanceof Error) {
    const reason = redact(messageOf(error), redactor);
    if (reason !== error.message) return new Error(reason);
  }
  return error instanceof Error ? error : new Error(messageOf(error));
}

function isAuthenticationFailure(error: unknown): boolean {
  for (const each of causes(error)) {
    if (each instanceof MongoServerError && each.code === AUTHENTICATION_FAILED) return true;
    const { code, codeName } = each as { code?: unknown; codeName?: unknown };
    if (code === AUTHENTICATION_FAILED || codeName === 'AuthenticationFailed') return true;
    if (/authentication failed/i.test(messageOf(each))) return true;
  }
  return false;
}

const DNS_CODES = new Set(['ENOTFOUND', 'ENODATA', 'ESERVFAIL', 'EREFUSED', 'ETIMEOUT', 'ECONNREFUSED']);

function dnsFailure(error: unknown): string | undefined {
  for (const each of causes(error)) {
    const { code, syscall } = each as { code?: unknown; syscall?: unknown };
    const message = messageOf(each);
    const isLookup =
      (typeof syscall === 'string' && /^(query|getaddrinfo)/.test(syscall)) ||
      /^(querySrv|queryTxt|getaddrinfo) /.test(message);
    if (isLookup && typeof code === 'string' && DNS_CODES.has(code)) return code;
    if (/^querySrv |^queryTxt /.test(message)) return message.split(' ')[1] ?? 'no answer';
  }
  return undefined;
}

function isUnreachable(error: unknown): boolean {
  for (const each of causes(error)) {
    if (each instanceof ConnectTimeoutError) return true;
    const name = (each as { name?: unknown }).name;
    if (
      name === 'MongoServerSelectionError' ||
      name === 'MongoNetworkError' ||
      name === 'MongoNetworkTimeoutError' ||
      name === 'MongoTopologyClosedError'
    ) {
      return true;
    }
  }
  return false;
}

/** The most specific reason the driver gives: "connect ECONNREFUSED 127.0.0.1:1", a TLS failure… */
function reachabilityReason(error: unknown): string {
  const servers = (error as { reason?: { servers?: Map<string, { error?: unknown }> } }).reason?.servers;
  if (servers instanceof Map) {
    for (const server of servers.values()) {
      if (server.error) return messageOf(server.error);
    }
  }
  if (error instanceof ConnectTimeoutError) return '';
  const message = messageOf(error);
  return /^Server selection timed out/i.test(message) ? '' : message;
}

/** The error, its causes, and the per-server errors of a server selection failure. */
function* causes(error: unknown, seen = new Set<unknown>()): Generator<unknown> {
  let current: unknown = error;
  while (current !== undefined && current !== null && !seen.has(current)) {
    seen.add(current);
    yield current;
    const servers = (current as { reason?: { servers?: unknown } }).reason?.servers;
    if (servers instanceof Map) {
      for (const server of servers.values()) yield* causes((server as { error?: unknown }).error, seen);
    }
    current = (current as { cause?: unknown }).cause;
  }
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

function redact(text: string, redactor: Redactor | undefined): string {
  return redactor ? redactor.redact(text) : text;
}

async function withDeadline<T>(work: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
    // A late failure of `work` after the deadline must not surface as an unhandled rejection.
    work.catch(() => {});
  }
}
