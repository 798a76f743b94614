import { randomBytes } from 'node:crypto';
import { errorMessage, type Logger, UserError } from '@shipkit/runtime';
import type { MongoClient } from 'mongodb';
import { type MongoUriParts, parseMongoUri, uriForUser, uriUser } from './mongo-uri';

export type RoleName = 'readWrite' | 'read';

export interface Role {
  role: string;
  db: string;
}

export interface ProvisionOptions {
  /** A user allowed to create users and databases (e.g. root or userAdminAnyDatabase). */
  adminUri: string;
  client: string;
  database: string;
  /** Connection strings already in the client's `.env`: their users keep their passwords. */
  known: { appUri?: string; backupUri?: string };
  /** Give existing users new passwords when their current ones are not known. */
  resetPasswords: boolean;
}

export interface ProvisionDeps {
  connect: (uri: string) => Promise<MongoClient>;
  logger: Logger;
  now: () => Date;
  /** New passwords: 32 URL-safe random characters unless a test says otherwise. */
  newPassword?: () => string;
}

export interface ProvisionedUser {
  kind: 'application' | 'backup';
  user: string;
  intendedRoles: Role[];
  /** Roles the server reports for the user afterwards (usersInfo). */
  recordedRoles: Role[];
  action: 'created' | 'updated' | 'password-reset';
}

export type Enforcement = 'enforced' | 'not-enforced';

export interface ProvisionResult {
  database: string;
  users: ProvisionedUser[];
  appUri: string;
  backupUri: string;
  /** False when the server refused roles and the users were created without them. */
  rolesSupported: boolean;
  /** Whether the server says it enforces authorization (security.authorization, or reported privileges). */
  serverReportsAuthorization: boolean;
  /** What our own probe found: could the backup user write? */
  backupWriteRefused: Enforcement;
  /** Things to tell the operator, none fatal. */
  warnings: string[];
}

export const INSTANCE_COLLECTION = 'shipkit_instance';
const PROBE_COLLECTION = 'shipkit_probe';
const UNAUTHORIZED = 13;
const NOT_IMPLEMENTED = 238;

function defaultPassword(): string {
  return randomBytes(24).toString('base64url');
}

function rolesFor(kind: RoleName, database: string): Role[] {
  return [{ role: kind, db: database }];
}

function sameRoles(a: Role[], b: Role[]): boolean {
  const key = (roles: Role[]) =>
    roles
      .map((r) => `${r.db}.${r.role}`)
      .sort()
      .join(',');
  return key(a) === key(b);
}

function codeOf(error: unknown): number | undefined {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'number' ? code : undefined;
}

/**
 * Creates the client's database and its two least-privilege users (application: readWrite, backup:
 * read), then checks as each user that it can do what it must, and that the backup user cannot write.
 * Passwords only ever leave this function inside the returned URIs.
 */
export async function provisionDatabase(
  options: ProvisionOptions,
  deps: ProvisionDeps,
): Promise<ProvisionResult> {
  const { database, client } = options;
  const base = parseMongoUri(options.adminUri, 'ADMIN_MONGODB_URI (--admin-uri)');
  const newPassword = deps.newPassword ?? defaultPassword;
  const admin = await connectOrExplain(deps, options.adminUri, 'the admin connection string');
  const warnings: string[] = [];
  try {
    const db = admin.db(database);
    // MongoDB creates a database with its first collection; this one also says whose database it is.
    await db
      .collection<{ _id: string }>(INSTANCE_COLLECTION)
      .updateOne(
        { _id: 'instance' },
        { $setOnInsert: { client, provisionedAt: deps.now() }, $set: { updatedAt: deps.now() } },
        { upsert: true },
      );

    let rolesSupported = true;
    const users: ProvisionedUser[] = [];
    const uris: Record<'application' | 'backup', string> = { application: '', backup: '' };
    for (const spec of [
      {
        kind: 'application' as const,
        user: `${database}_app`,
        role: 'readWrite' as const,
        known: options.known.appUri,
      },
      {
        kind: 'backup' as const,
        user: `${database}_backup`,
        role: 'read' as const,
        known: options.known.backupUri,
      },
    ]) {
      const intendedRoles = rolesFor(spec.role, database);
      const existing = await findUser(admin, database, spec.user);
      const knownUri = spec.known !== undefined && uriUser(spec.known) === spec.user ? spec.known : undefined;
      let action: ProvisionedUser['action'];
      let uri: string;
      if (!existing) {
        const password = newPassword();
        rolesSupported =
          (await createUser(admin, database, spec.user, password, intendedRoles)) && rolesSupported;
        uri = uriForUser(base, spec.user, password, database);
        action = 'created';
      } else if (knownUri && !options.resetPasswords) {
        if (!sameRoles(existing.roles, intendedRoles)) {
          rolesSupported = (await updateRoles(admin, database, spec.user, intendedRoles)) && rolesSupported;
        }
        uri = knownUri;
        action = 'updated';
      } else if (options.resetPasswords) {
        const password = newPassword();
        await admin.db(database).command({ updateUser: spec.user, pwd: password });
        if (!sameRoles(existing.roles, intendedRoles)) {
          rolesSupported = (await updateRoles(admin, database, spec.user, intendedRoles)) && rolesSupported;
        }
        uri = uriForUser(base, spec.user, password, database);
        action = 'password-reset';
      } else {
        throw new UserError(
          `The user ${spec.user} already exists on the server, but its password is not in the client's .env ` +
            `(${spec.kind === 'application' ? 'MONGODB_URI' : 'MONGODB_BACKUP_URI'}). ` +
            'Re-run with --force to give it a new password.',
        );
      }
      const recorded = await findUser(admin, database, spec.user);
      users.push({
        kind: spec.kind,
        user: spec.user,
        intendedRoles,
        recordedRoles: recorded?.roles ?? [],
        action,
      });
      uris[spec.kind] = uri;
    }
    if (!rolesSupported) {
      warnings.push(
        'roles are not supported by this server (createUser with roles is not implemented): both users were ' +
          'created without roles, so least privilege is not enforced by this server',
      );
    }

    await checkApplicationUser(deps, uris.application, database);
    const backupWriteRefused = await checkBackupUser(deps, admin, uris.backup, database);
    if (backupWriteRefused === 'not-enforced') {
      warnings.push(
        `not enforced by this server: the backup user ${database}_backup could write to ${database} ` +
          '(its read-only role is recorded but this server does not enforce authorization)',
      );
    }
    return {
      database,
      users,
      appUri: uris.application,
      backupUri: uris.backup,
      rolesSupported,
      serverReportsAuthorization: await serverReportsAuthorization(admin),
      backupWriteRefused,
      warnings,
    };
  } finally {
    await admin.close();
  }
}

export async function connectOrExplain(
  deps: Pick<ProvisionDeps, 'connect'>,
  uri: string,
  what: string,
): Promise<MongoClient> {
  try {
    return await deps.connect(uri);
  } catch (error) {
    // The driver's message names hosts, not passwords; the CLI's redactor removes the URI regardless.
    throw new UserError(`Could not connect with ${what}: ${errorMessage(error)}`);
  }
}

async function findUser(
  admin: MongoClient,
  database: string,
  user: string,
): Promise<{ roles: Role[] } | undefined> {
  const answer = await admin.db(database).command({ usersInfo: { user, db: database } });
  const found = (answer.users as { user: string; roles?: Role[] }[] | undefined)?.find(
    (u) => u.user === user,
  );
  return found ? { roles: (found.roles ?? []).map((r) => ({ role: r.role, db: r.db })) } : undefined;
}

/** Returns false when the server cannot store roles (FerretDB 1.x) and the user was created without. */
async function createUser(
  admin: MongoClient,
  database: string,
  user: string,
  password: string,
  roles: Role[],
): Promise<boolean> {
  try {
    await admin.db(database).command({ createUser: user, pwd: password, roles });
    return true;
  } catch (error) {
    if (!rolesNotImplemented(error)) throw error;
    await admin.db(database).command({ createUser: user, pwd: password, roles: [] });
    return false;
  }
}

async function updateRoles(
  admin: MongoClient,
  database: string,
  user: string,
  roles: Role[],
): Promise<boolean> {
  try {
    await admin.db(database).command({ updateUser: user, roles });
    return true;
  } catch (error) {
    if (!rolesNotImplemented(error)) throw error;
    return false;
  }
}

function rolesNotImplemented(error: unknown): boolean {
  return codeOf(error) === NOT_IMPLEMENTED && /roles/.test(errorMessage(error));
}

/** The application user can write to its database (a probe document, written and removed). */
export async function checkApplicationUser(
  deps: Pick<ProvisionDeps, 'connect' | 'now'>,
  uri: string,
  database: string,
): Promise<void> {
  const app = await connectOrExplain(deps, uri, 'the new application user');
  try {
    const probes = app.db(database).collection<{ _id: string }>(INSTANCE_COLLECTION);
    await probes.updateOne({ _id: 'write-check' }, { $set: { at: deps.now() } }, { upsert: true });
    await probes.deleteOne({ _id: 'write-check' });
  } catch (error) {
    throw new UserError(
      `The application user was created but cannot write to ${database}: ${errorMessage(error)}`,
    );
  } finally {
    await app.close();
  }
}

/**
 * The backup user must read; a write must be refused. Anything it managed to write is removed through
 * `cleaner`, a connection allowed to drop it (the admin's, or on Atlas the application user's).
 */
export async function checkBackupUser(
  deps: Pick<ProvisionDeps, 'connect'>,
  cleaner: MongoClient,
  uri: string,
  database: string,
): Promise<Enforcement> {
  const backup = await connectOrExplain(deps, uri, 'the new backup user');
  try {
    try {
      await backup
        .db(database)
        .collection(INSTANCE_COLLECTION)
        .findOne({ _id: 'instance' as never });
      await backup.db(database).listCollections({}, { nameOnly: true }).toArray();
    } catch (error) {
      throw new UserError(`The backup user was created but cannot read ${database}: ${errorMessage(error)}`);
    }
    try {
      await backup
        .db(database)
        .collection(PROBE_COLLECTION)
        .insertOne({ probe: 'backup user must not write' });
    } catch (error) {
      if (codeOf(error) === UNAUTHORIZED || /not authorized|unauthorized/i.test(errorMessage(error)))
        return 'enforced';
      throw error;
    }
    await cleaner.db(database).collection(PROBE_COLLECTION).drop();
    return 'not-enforced';
  } finally {
    await backup.close();
  }
}

/**
 * Whether the server says it enforces access control: `security.authorization` in its options, or
 * per-user privileges in connectionStatus (servers that refuse getCmdLineOpts, such as Atlas, report those).
 */
export async function serverReportsAuthorization(admin: MongoClient): Promise<boolean> {
  try {
    const options = await admin.db('admin').command({ getCmdLineOpts: 1 });
    const security = (
      options.parsed as { security?: { authorization?: string; keyFile?: string } } | undefined
    )?.security;
    if (security?.authorization === 'enabled' || security?.keyFile) return true;
  } catch {
    // not allowed to ask: fall through to connectionStatus
  }
  try {
    const status = await admin.db('admin').command({ connectionStatus: 1, showPrivileges: true });
    return Array.isArray(
      (status.authInfo as { authenticatedUserPrivileges?: unknown } | undefined)?.authenticatedUserPrivileges,
    );
  } catch {
    return false;
  }
}

export type { MongoUriParts };
