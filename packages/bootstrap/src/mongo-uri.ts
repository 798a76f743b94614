import { mongodbUriProblem } from '@shipkit/config';
import { UserError } from '@shipkit/runtime';

export interface MongoUriParts {
  scheme: 'mongodb' | 'mongodb+srv';
  /** Percent-encoded `user:password`, as written; undefined without credentials. */
  userInfo?: string;
  /** `host:port,host:port` as written. */
  hosts: string;
  database: string;
  options: URLSearchParams;
}

/** Splits a MongoDB connection string; `what` names the input in the error. Handles multi-host URIs. */
export function parseMongoUri(uri: string, what: string): MongoUriParts {
  const problem = mongodbUriProblem(uri);
  if (problem) throw new UserError(`${what} ${problem}.`);
  const scheme = uri.startsWith('mongodb+srv://') ? 'mongodb+srv' : 'mongodb';
  const rest = uri.slice(scheme.length + 3);
  const authorityEnd = rest.search(/[/?]/);
  const authority = authorityEnd < 0 ? rest : rest.slice(0, authorityEnd);
  const tail = authorityEnd < 0 ? '' : rest.slice(authorityEnd);
  const at = authority.lastIndexOf('@');
  const query = tail.indexOf('?');
  const path = (query < 0 ? tail : tail.slice(0, query)).replace(/^\//, '');
  return {
    scheme,
    ...(at < 0 ? {} : { userInfo: authority.slice(0, at) }),
    hosts: at < 0 ? authority : authority.slice(at + 1),
    database: decodeURIComponent(path),
    options: new URLSearchParams(query < 0 ? '' : tail.slice(query + 1)),
  };
}

/**
 * The same servers and options as `base`, logged in as another user of `database` (its auth source, unless
 * `authSource` says otherwise: Atlas's users all authenticate against `admin`): how the client's users
 * connect after provisioning.
 */
export function uriForUser(
  base: MongoUriParts,
  user: string,
  password: string,
  database: string,
  authSource = database,
): string {
  const options = new URLSearchParams(base.options);
  options.set('authSource', authSource);
  const credentials = `${encodeURIComponent(user)}:${encodeURIComponent(password)}`;
  return `${base.scheme}://${credentials}@${base.hosts}/${encodeURIComponent(database)}?${options.toString()}`;
}

/** The user name in a connection string, if any. */
export function uriUser(uri: string): string | undefined {
  try {
    const parts = parseMongoUri(uri, 'the connection string');
    const user = parts.userInfo?.split(':')[0];
    return user === undefined ? undefined : decodeURIComponent(user);
  } catch {
    return undefined;
  }
}
