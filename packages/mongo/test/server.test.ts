import { describe, expect, it } from '@jest/globals';
import { Redactor, UserError } from '@shipkit/runtime';
import {
  MongoClient,
  MongoNetworkError,
  MongoParseError,
  MongoServerError,
  MongoServerSelectionError,
  type TopologyDescription,
} from 'mongodb';
import {
  type ConnectionTarget,
  connectionError,
  connectionTarget,
  invalidUriError,
  serverFactsFrom,
} from '../src/server';

const PASSWORD = 'S3cr@t:p/w%d';
const URI = `mongodb://backup:${encodeURIComponent(PASSWORD)}@db1.example.net:27017,db2.example.net:27018/?authSource=admin`;

function redactor(): Redactor {
  const r = new Redactor();
  r.add(URI);
  return r;
}

function selectionError(serverError: Error): MongoServerSelectionError {
  const description = { servers: new Map([['db1.example.net:27017', { error: serverError }]]) };
  return new MongoServerSelectionError(
    'Server selection timed out after 5000 ms',
    description as unknown as TopologyDescription,
  );
}

const target: ConnectionTarget = {
  hosts: ['db1.example.net:27017', 'db2.example.net:27018'],
  srv: false,
  username: 'backup',
  timeoutMs: 5000,
};

function expectNoSecret(message: string): void {
  expect(message).not.toContain(PASSWORD);
  expect(message).not.toContain(encodeURIComponent(PASSWORD));
}

describe('connectionError', () => {
  it.each([
    [
      'wrong credentials',
      new MongoServerError({
        ok: 0,
        code: 18,
        codeName: 'AuthenticationFailed',
        errmsg: 'Authentication failed.',
      }),
      /^Connecting to the MongoDB server: authentication failed for user 'backup'\. Check/,
    ],
    [
      'wrong credentials inside a selection error',
      selectionError(
        new MongoServerError({
          ok: 0,
          code: 18,
          codeName: 'AuthenticationFailed',
          errmsg: 'Authentication failed.',
        }),
      ),
      /authentication failed for user 'backup'/,
    ],
    [
      'refused connections',
      selectionError(new MongoNetworkError('connect ECONNREFUSED 10.0.0.1:27017')),
      /^Could not reach db1\.example\.net:27017, db2\.example\.net:27018 within 5\.0s \(connect ECONNREFUSED 10\.0\.0\.1:27017\)\. Check the host and port/,
    ],
    [
      'a plain selection timeout',
      new MongoServerSelectionError('Server selection timed out after 5000 ms', {
        servers: new Map(),
      } as unknown as TopologyDescription),
      /^Could not reach db1\.example\.net:27017, db2\.example\.net:27018 within 5\.0s\. Check/,
    ],
    [
      'a TLS failure',
      selectionError(new MongoNetworkError('unable to verify the first certificate')),
      /within 5\.0s \(unable to verify the first certificate\)/,
    ],
    [
      'an SRV lookup failure',
      Object.assign(new Error('querySrv ENOTFOUND _mongodb._tcp.cluster0.example.net'), {
        code: 'ENOTFOUND',
        syscall: 'querySrv',
      }),
      /^Could not reach .* within 5\.0s: the DNS lookup failed \(ENOTFOUND\)\. Check the host name/,
    ],
  ])('%s', (_, error, expected) => {
    const mapped = connectionError(error, target, redactor());
    expect(mapped).toBeInstanceOf(UserError);
    expect(mapped.message).toMatch(expected);
    expectNoSecret(mapped.message);
  });

  it('passes other errors through, with any secret removed', () => {
    const mapped = connectionError(new Error(`boom while using ${URI}`), target, redactor());
    expect(mapped).not.toBeInstanceOf(UserError);
    expect(mapped.message).toBe('boom while using ***');
  });

  it('suggests the SRV string only when it is not already used', () => {
    const refused = selectionError(new MongoNetworkError('connect ECONNREFUSED 10.0.0.1:27017'));
    expect(connectionError(refused, target).message).toMatch(/mongodb\+srv:\/\/ connection string/);
    const srv = { ...target, hosts: ['cluster0.example.net'], srv: true };
    expect(connectionError(refused, srv).message).not.toMatch(/mongodb\+srv/);
  });
});

describe('invalidUriError', () => {
  it.each([
    'http://db.example.net',
    'mongodb://user:pa:ss@host/',
    `mongodb://backup:${encodeURIComponent(PASSWORD)}@host:notaport/`,
    `mongodb://backup:${encodeURIComponent(PASSWORD)}@host/?tls=maybe`,
    `mongodb://backup:${encodeURIComponent(PASSWORD)}@host/?unknownOption=1`,
  ])('%s is a UserError about "the MongoDB URI" that does not print it', (uri) => {
    let thrown: unknown;
    try {
      new MongoClient(uri);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeDefined();
    const r = new Redactor();
    r.add(uri);
    const error = invalidUriError(thrown, r);
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toMatch(/^The MongoDB URI is not valid: .+\. Expected mongodb:\/\//);
    expect(error.message).not.toContain(uri);
    expectNoSecret(error.message);
  });

  it('keeps the driver reason', () => {
    expect(invalidUriError(new MongoParseError('option foo is not supported')).message).toMatch(
      /not valid: option foo is not supported\./,
    );
  });
});

describe('connectionTarget', () => {
  it('lists the hosts and the user, never the password', () => {
    const client = new MongoClient(URI);
    expect(connectionTarget(client, 1000)).toEqual({
      hosts: ['db1.example.net:27017', 'db2.example.net:27018'],
      srv: false,
      username: 'backup',
      timeoutMs: 1000,
    });
  });

  it('names the SRV host for mongodb+srv://', () => {
    const client = new MongoClient('mongodb+srv://reader:pw@cluster0.example.net/shop');
    expect(connectionTarget(client, 1000)).toMatchObject({ hosts: ['cluster0.example.net'], srv: true });
  });
});

describe('serverFactsFrom', () => {
  it.each([
    [
      'a standalone mongod',
      { isWritablePrimary: true, maxBsonObjectSize: 16777216 },
      { version: '8.0.4' },
      { serverVersion: '8.0.4', topology: 'standalone', maxBsonObjectSize: 16777216 },
    ],
    [
      'a replica set member',
      { isWritablePrimary: true, setName: 'rs0', maxBsonObjectSize: 16777216 },
      { version: '7.0.2' },
      { serverVersion: '7.0.2', topology: 'replicaSet', maxBsonObjectSize: 16777216 },
    ],
    [
      'a mongos',
      { isWritablePrimary: true, msg: 'isdbgrid', maxBsonObjectSize: 16777216 },
      { version: '7.0.2' },
      { serverVersion: '7.0.2', topology: 'sharded', maxBsonObjectSize: 16777216 },
    ],
    [
      'FerretDB',
      { isWritablePrimary: true, maxBsonObjectSize: 16777216 },
      { version: '7.0.42', ferretdbVersion: 'v1.24.2' },
      {
        serverVersion: '7.0.42',
        topology: 'standalone',
        flavor: 'ferretdb',
        flavorVersion: 'v1.24.2',
        maxBsonObjectSize: 16777216,
      },
    ],
    [
      'an answer without the usual fields',
      {},
      {},
      { serverVersion: 'unknown', topology: 'unknown', maxBsonObjectSize: 16 * 1024 * 1024 },
    ],
  ])('%s', (_, hello, buildInfo, expected) => {
    expect(serverFactsFrom(hello, buildInfo)).toEqual(expected);
  });
});
