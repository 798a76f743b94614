import { randomBytes } from 'node:crypto';
import type { AtlasClient, DatabaseUser, DatabaseUserRole } from '@shipkit/atlas';
import { type Logger, UserError } from '@shipkit/runtime';
import type { MongoClient } from 'mongodb';
import { parseMongoUri, uriForUser, uriUser } from './mongo-uri';
import {
  checkApplicationUser,
  checkBackupUser,
  connectOrExplain,
  INSTANCE_COLLECTION,
  type ProvisionedUser,
  type ProvisionResult,
  type Role,
  serverReportsAuthorization,
} from './provision';

/** What provisioning needs of the Atlas Administration API. */
export type AtlasUsersApi = Pick<
  AtlasClient,
  'getTier' | 'getDatabaseUser' | 'createDatabaseUser' | 'updateDatabaseUser' | 'clusterChangeStatus'
>;

export interface AtlasProvisionOptions {
  projectId: string;
  cluster: string;
  client: string;
  database: string;
  /** Connection strings already in the client's `.env`: their users keep their passwords. */
  known: { appUri?: string; backupUri?: string };
  /** Give existing users new passwords when their current ones are not known. */
  resetPasswords: boolean;
}

export interface AtlasProvisionDeps {
  atlas: AtlasUsersApi;
  connect: (uri: string) => Promise<MongoClient>;
  logger: Logger;
  now: () => Date;
  sleep: (ms: number) => Promise<void>;
  newPassword?: () => string;
  /**
   * Called with both connection strings as soon as the users exist, before waiting for Atlas and
   * checking them: the passwords exist only in these URIs, so they are saved before anything can fail.
   */
  onUsers: (uris: { appUri: string; backupUri: string }) => Promise<void>;
}

/** Atlas applies a new database user to the cluster within a minute or two; look this often, this long. */
const APPLIED_POLL_MS = 5_000;
const APPLIED_TIMEOUT_MS = 10 * 60_000;

/**
 * Creates the client's two least-privilege database users through the Atlas Administration API (the
 * application user: readWrite on the client's database; the backup user: read), each limited to the one
 * cluster, waits until Atlas has applied them, then checks as each user that it can do what it must
 * and that the backup user cannot write. The database itself is created by the application user's
 * first write (the instance marker). Passwords only ever leave this function inside the returned URIs.
 */
export async function provisionAtlasDatabase(
  options: AtlasProvisionOptions,
  deps: AtlasProvisionDeps,
): Promise<ProvisionResult> {
  const { database, projectId, cluster } = options;
  const tier = await deps.atlas.getTier(projectId, cluster);
  if (!tier.connectionString) {
    throw new UserError(
      `Atlas gave no connection string for cluster '${cluster}' in project ${projectId}: is it still being created?`,
    );
  }
  const base = parseMongoUri(
    tier.connectionString,
    `the connection string Atlas gave for cluster '${cluster}'`,
  );
  const newPassword = deps.newPassword ?? (() => randomBytes(24).toString('base64url'));
  const users: ProvisionedUser[] = [];
  const uris: Record<'application' | 'backup', string> = { application: '', backup: '' };
  for (const spec of [
    { kind: 'application' as const, user: `${database}_app`, role: 'readWrite', known: options.known.appUri },
    { kind: 'backup' as const, user: `${database}_backup`, role: 'read', known: options.known.backupUri },
  ]) {
    const roles: DatabaseUserRole[] = [{ roleName: spec.role, databaseName: database }];
    const existing = await deps.atlas.getDatabaseUser(projectId, spec.user);
    const knownUri = spec.known !== undefined && uriUser(spec.known) === spec.user ? spec.known : undefined;
    const wanted = { username: spec.user, roles, clusters: [cluster] };
    let action: ProvisionedUser['action'];
    let recorded: DatabaseUser;
    let uri: string;
    if (!existing) {
      const password = newPassword();
      recorded = await deps.atlas.createDatabaseUser(projectId, {
        ...wanted,
        password,
        description: `${options.client}: ${spec.kind === 'application' ? 'the application' : 'backups (read only)'}`,
      });
      uri = uriForUser(base, spec.user, password, database, 'admin');
      action = 'created';
    } else if (knownUri && !options.resetPasswords) {
      recorded = await deps.atlas.updateDatabaseUser(projectId, wanted);
      uri = knownUri;
      action = 'updated';
    } else if (options.resetPasswords) {
      const password = newPassword();
      recorded = await deps.atlas.updateDatabaseUser(projectId, { ...wanted, password });
      uri = uriForUser(base, spec.user, password, database, 'admin');
      action = 'password-reset';
    } else {
      throw new UserError(
        `The Atlas database user ${spec.user} already exists in project ${projectId}, but its password is not in the client's .env ` +
          `(${spec.kind === 'application' ? 'MONGODB_URI' : 'MONGODB_BACKUP_URI'}). Re-run with --force to give it a new password.`,
      );
    }
    users.push({
      kind: spec.kind,
      user: spec.user,
      intendedRoles: toRoles(roles),
      recordedRoles: toRoles(recorded.roles),
      action,
    });
    uris[spec.kind] = uri;
  }

  await deps.onUsers({ appUri: uris.application, backupUri: uris.backup });
  await waitUntilApplied(options, deps);

  await checkApplicationUser(deps, uris.application, database);
  const app = await connectOrExplain(deps, uris.application, 'the new application user');
  try {
    // MongoDB creates a database with its first collection; this one also says whose database it is.
    await app
      .db(database)
      .collection<{ _id: string }>(INSTANCE_COLLECTION)
      .updateOne(
        { _id: 'instance' },
        {
          $setOnInsert: { client: options.client, provisionedAt: deps.now() },
          $set: { updatedAt: deps.now() },
        },
        { upsert: true },
      );
    const backupWriteRefused = await checkBackupUser(deps, app, uris.backup, database);
    const warnings =
      backupWriteRefused === 'not-enforced'
        ? [
            `not enforced by this server: the backup user ${database}_backup could write to ${database} ` +
              '(its read-only role is recorded in Atlas, but the server did not refuse the write)',
          ]
        : [];
    return {
      database,
      users,
      appUri: uris.application,
      backupUri: uris.backup,
      rolesSupported: true,
      serverReportsAuthorization: await serverReportsAuthorization(app),
      backupWriteRefused,
      warnings,
    };
  } finally {
    await app.close();
  }
}

/** Atlas creates users asynchronously: the cluster knows them once its change status is APPLIED. */
async function waitUntilApplied(options: AtlasProvisionOptions, deps: AtlasProvisionDeps): Promise<void> {
  const started = deps.now().getTime();
  for (;;) {
    const status = await deps.atlas.clusterChangeStatus(options.projectId, options.cluster);
    if (status === 'APPLIED') return;
    if (deps.now().getTime() - started >= APPLIED_TIMEOUT_MS) {
      throw new UserError(
        `Atlas has not applied the new database users to cluster '${options.cluster}' after ${APPLIED_TIMEOUT_MS / 60_000} minutes (its change status is ${status}): ` +
          'the users exist and their connection strings are in the env file; re-run init-client --provision later to check them.',
      );
    }
    deps.logger.info(
      `Waiting for Atlas to apply the database users to cluster '${options.cluster}' (${status}).`,
    );
    await deps.sleep(APPLIED_POLL_MS);
  }
}

function toRoles(roles: DatabaseUserRole[]): Role[] {
  return roles.map((r) => ({ role: r.roleName, db: r.databaseName }));
}
