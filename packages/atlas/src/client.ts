import { z } from 'zod';
import type { AtlasCredentials } from './auth';
import { AtlasApiError } from './errors';
import {
  API_VERSIONS,
  type AtlasDeps,
  type AtlasRequest,
  AtlasTransport,
  type RetryPolicy,
  realAtlasDeps,
  type TransportOptions,
} from './http';
import { createOnce } from './once';
import { type ClusterDescription, describeCluster, flexTier, type Tier, tierOf } from './tier';
import type {
  BackupSchedule,
  CompliancePolicy,
  DatabaseUser,
  DatabaseUserRole,
  ExportBucket,
  ExportJob,
  PolicyItem,
  RestoreJob,
  RestoreState,
  Snapshot,
  SnapshotStatus,
} from './types';

export interface AtlasClientOptions {
  credentials: AtlasCredentials;
  /** Origin of Atlas (default https://cloud.mongodb.com); tests point it at a loopback fake. */
  baseUrl?: string;
  /** How the user gave the credentials, named when Atlas rejects them. */
  credentialSource?: string;
  retry?: Partial<RetryPolicy>;
  /** Aborts every request and wait (interrupt, or the run's deadline). */
  signal?: AbortSignal;
  /** When every network operation must have ended, by `deps.now`. */
  deadline?: number;
  /** Told each access token as it is issued (to mask it). */
  onSecret?: (value: string) => void;
}

/** Largest page Atlas serves. */
const PAGE_SIZE = 500;
/** A list longer than this many pages is not a backup list: stop rather than loop. */
const MAX_PAGES = 40;

const FLEX_CLUSTER_IN_CLUSTER_API = 'CANNOT_USE_FLEX_CLUSTER_IN_CLUSTER_API';

const iso = z.string().optional();
const policyItemSchema = z.looseObject({
  frequencyType: z.string(),
  frequencyInterval: z.number(),
  retentionUnit: z.string(),
  retentionValue: z.number(),
});
const clusterSchema = z.looseObject({
  name: z.string().optional(),
  backupEnabled: z.boolean().optional(),
  pitEnabled: z.boolean().optional(),
  mongoDBVersion: z.string().optional(),
  connectionStrings: z
    .looseObject({ standardSrv: z.string().optional(), standard: z.string().optional() })
    .optional(),
  replicationSpecs: z
    .array(
      z.looseObject({
        regionConfigs: z
          .array(
            z.looseObject({
              providerName: z.string().optional(),
              electableSpecs: z.looseObject({ instanceSize: z.string().optional() }).optional(),
            }),
          )
          .optional(),
      }),
    )
    .optional(),
});
const flexClusterSchema = z.looseObject({
  name: z.string().optional(),
  mongoDBVersion: z.string().optional(),
  connectionStrings: z
    .looseObject({ standardSrv: z.string().optional(), standard: z.string().optional() })
    .optional(),
});
const snapshotSchema = z.looseObject({
  id: z.string().min(1),
  status: z.string().optional(),
  snapshotType: z.string().optional(),
  createdAt: iso,
  expiresAt: iso,
  description: z.string().optional(),
  storageSizeBytes: z.number().optional(),
  mongodVersion: z.string().optional(),
  frequencyType: z.string().optional(),
});
const flexSnapshotSchema = z.looseObject({
  id: z.string().min(1),
  status: z.string().optional(),
  startTime: iso,
  finishTime: iso,
  scheduledTime: iso,
  expiration: iso,
  mongoDBVersion: z.string().optional(),
});
const exportSchema = z.looseObject({
  id: z.string().min(1),
  state: z.string().optional(),
  snapshotId: z.string().optional(),
  exportBucketId: z.string().optional(),
  prefix: z.string().optional(),
  createdAt: iso,
  finishedAt: iso,
  exportStatus: z
    .looseObject({ exportedCollections: z.number().optional(), totalCollections: z.number().optional() })
    .optional(),
  stateReason: z.looseObject({ errorCode: z.string().optional(), message: z.string().optional() }).optional(),
  customData: z.array(z.looseObject({ key: z.string(), value: z.string() })).optional(),
});
const exportBucketSchema = z.looseObject({
  _id: z.string().min(1),
  bucketName: z.string(),
  cloudProvider: z.string().optional(),
});
const restoreSchema = z.looseObject({
  id: z.string().min(1),
  deliveryType: z.string().optional(),
  snapshotId: z.string().optional(),
  targetClusterName: z.string().optional(),
  targetGroupId: z.string().optional(),
  pointInTimeUTCSeconds: z.number().optional(),
  cancelled: z.boolean().optional(),
  failed: z.boolean().optional(),
  expired: z.boolean().optional(),
  finishedAt: iso,
});
const flexRestoreSchema = z.looseObject({
  id: z.string().min(1),
  status: z.string().optional(),
  snapshotId: z.string().optional(),
  targetDeploymentItemName: z.string().optional(),
  targetProjectId: z.string().optional(),
  restoreFinishedDate: iso,
  deliveryType: z.string().optional(),
});
const scheduleSchema = z.looseObject({
  referenceHourOfDay: z.number().optional(),
  referenceMinuteOfHour: z.number().optional(),
  restoreWindowDays: z.number().optional(),
  autoExportEnabled: z.boolean().optional(),
  export: z
    .looseObject({ exportBucketId: z.string().optional(), frequencyType: z.string().optional() })
    .optional(),
  useOrgAndGroupNamesInExportPrefix: z.boolean().optional(),
  copySettings: z.array(z.unknown()).optional(),
  nextSnapshot: iso,
  policies: z.array(z.looseObject({ policyItems: z.array(policyItemSchema).optional() })).optional(),
});
const complianceSchema = z.looseObject({
  state: z.string().optional(),
  authorizedEmail: z.string().optional(),
  copyProtectionEnabled: z.boolean().optional(),
  encryptionAtRestEnabled: z.boolean().optional(),
  pitEnabled: z.boolean().optional(),
  restoreWindowDays: z.number().optional(),
  scheduledPolicyItems: z.array(policyItemSchema).optional(),
  onDemandPolicyItem: policyItemSchema.optional(),
});
const roleSchema = z.looseObject({
  roleName: z.string(),
  databaseName: z.string(),
  collectionName: z.string().optional(),
});
const userSchema = z.looseObject({
  username: z.string(),
  databaseName: z.string().optional(),
  roles: z.array(roleSchema).optional(),
  scopes: z.array(z.looseObject({ name: z.string(), type: z.string() })).optional(),
});
const pageSchema = z.looseObject({
  results: z.array(z.unknown()).optional(),
  totalCount: z.number().optional(),
});

/** Typed client for the Cloud Backup endpoints of the Atlas Administration API v2. */
export class AtlasClient {
  readonly transport: AtlasTransport;

  constructor(options: AtlasClientOptions, deps: Partial<AtlasDeps> = {}) {
    const transport: TransportOptions = {
      credentials: options.credentials,
      ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
      ...(options.credentialSource ? { credentialSource: options.credentialSource } : {}),
      ...(options.retry ? { retry: options.retry } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.deadline === undefined ? {} : { deadline: options.deadline }),
      ...(options.onSecret ? { onSecret: options.onSecret } : {}),
    };
    this.transport = new AtlasTransport(transport, { ...realAtlasDeps(options.signal), ...deps });
  }

  get deps(): AtlasDeps {
    return this.transport.deps;
  }

  /**
   * The cluster's tier from its description; a Flex cluster, which the cluster API refuses, is read through
   * the Flex API instead.
   */
  async getTier(projectId: string, cluster: string): Promise<Tier> {
    const target = describeCluster({ projectId, cluster });
    try {
      const body = await this.call({
        method: 'GET',
        path: clusterPath(projectId, cluster),
        version: API_VERSIONS.cluster,
        what: `read ${target}`,
        role: 'Project Read Only',
      });
      return tierOf(
        projectId,
        cluster,
        parse(clusterSchema, body, 'cluster description') as ClusterDescription,
      );
    } catch (error) {
      if (!(error instanceof AtlasApiError) || error.errorCode !== FLEX_CLUSTER_IN_CLUSTER_API) throw error;
    }
    const body = await this.call({
      method: 'GET',
      path: flexPath(projectId, cluster),
      version: API_VERSIONS.flex,
      what: `read Flex ${target}`,
      role: 'Project Read Only',
    });
    const flex = parse(flexClusterSchema, body, 'Flex cluster description');
    return flexTier(projectId, cluster, {
      ...(flex.mongoDBVersion ? { mongoDBVersion: flex.mongoDBVersion } : {}),
      ...(flex.connectionStrings
        ? {
            connectionStrings: definedRecord({
              standardSrv: flex.connectionStrings.standardSrv,
              standard: flex.connectionStrings.standard,
            }),
          }
        : {}),
    });
  }

  /** Whether the project's latest changes (a new database user…) reached the cluster: `PENDING` or `APPLIED`. */
  async clusterChangeStatus(projectId: string, cluster: string): Promise<string> {
    const body = await this.call({
      method: 'GET',
      path: `${clusterPath(projectId, cluster)}/status`,
      version: API_VERSIONS.clusterStatus,
      what: `read the change status of ${describeCluster({ projectId, cluster })}`,
      role: 'Project Read Only',
    });
    return parse(z.looseObject({ changeStatus: z.string() }), body, 'cluster status').changeStatus;
  }

  /** Every snapshot of the cluster, newest first (Flex clusters: their daily snapshots). */
  async listSnapshots(tier: Tier): Promise<Snapshot[]> {
    const what = `list the snapshots of ${describeCluster(tier)}`;
    const snapshots =
      tier.kind === 'flex'
        ? (
            await this.list({
              method: 'GET',
              path: `${flexPath(tier.projectId, tier.cluster)}/backup/snapshots`,
              version: API_VERSIONS.flex,
              what,
              role: 'Project Read Only',
            })
          ).map((item) => toFlexSnapshot(parse(flexSnapshotSchema, item, 'Flex snapshot')))
        : (
            await this.list({
              method: 'GET',
              path: `${clusterPath(tier.projectId, tier.cluster)}/backup/snapshots`,
              version: API_VERSIONS.snapshots,
              what,
              role: 'Project Read Only',
            })
          ).map((item) => toSnapshot(parse(snapshotSchema, item, 'snapshot')));
    return snapshots.sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''));
  }

  async getSnapshot(tier: Tier, snapshotId: string): Promise<Snapshot> {
    const what = `read snapshot ${snapshotId} of ${describeCluster(tier)}`;
    if (tier.kind === 'flex') {
      const body = await this.call({
        method: 'GET',
        path: `${flexPath(tier.projectId, tier.cluster)}/backup/snapshots/${encodeURIComponent(snapshotId)}`,
        version: API_VERSIONS.flex,
        what,
        role: 'Project Read Only',
      });
      return toFlexSnapshot(parse(flexSnapshotSchema, body, 'Flex snapshot'));
    }
    const body = await this.call({
      method: 'GET',
      path: `${clusterPath(tier.projectId, tier.cluster)}/backup/snapshots/${encodeURIComponent(snapshotId)}`,
      version: API_VERSIONS.snapshots,
      what,
      role: 'Project Read Only',
    });
    return toSnapshot(parse(snapshotSchema, body, 'snapshot'));
  }

  /**
   * Takes one on-demand snapshot (dedicated tiers), at most once: after an answer that may have been lost,
   * the new on-demand snapshot with this description is adopted rather than a second one taken. Atlas
   * answers 409 while another on-demand snapshot is queued or in progress; that error is the caller's.
   */
  async takeSnapshot(
    tier: Tier,
    request: { description: string; retentionInDays: number },
  ): Promise<{ snapshot: Snapshot; reconciled: boolean }> {
    const what = `take an on-demand snapshot of ${describeCluster(tier)}`;
    const before = new Set((await this.listSnapshots(tier)).map((s) => s.id));
    const { value, reconciled } = await createOnce({
      what,
      thing: 'snapshot',
      policy: this.transport.policy,
      deps: this.deps,
      send: async (policy) =>
        toSnapshot(
          parse(
            snapshotSchema,
            await this.call(
              {
                method: 'POST',
                path: `${clusterPath(tier.projectId, tier.cluster)}/backup/snapshots`,
                version: API_VERSIONS.snapshots,
                body: { description: request.description, retentionInDays: request.retentionInDays },
                what,
                role: 'Project Backup Creator',
              },
              policy,
            ),
            'snapshot',
          ),
        ),
      find: async () =>
        (await this.listSnapshots(tier)).find(
          (s) => !before.has(s.id) && s.type === 'onDemand' && s.description === request.description,
        ),
    });
    return { snapshot: value, reconciled };
  }

  async getExportBucket(projectId: string, bucketId: string): Promise<ExportBucket> {
    const body = await this.call({
      method: 'GET',
      path: `${groupPath(projectId)}/backup/exportBuckets/${encodeURIComponent(bucketId)}`,
      version: API_VERSIONS.exportBuckets,
      what: `read export bucket ${bucketId} of project ${projectId}`,
      role: 'Project Read Only',
    });
    const bucket = parse(exportBucketSchema, body, 'export bucket');
    return {
      id: bucket._id,
      bucketName: bucket.bucketName,
      ...(bucket.cloudProvider ? { cloudProvider: bucket.cloudProvider } : {}),
    };
  }

  async listExports(tier: Tier): Promise<ExportJob[]> {
    return (
      await this.list({
        method: 'GET',
        path: `${clusterPath(tier.projectId, tier.cluster)}/backup/exports`,
        version: API_VERSIONS.exports,
        what: `list the export jobs of ${describeCluster(tier)}`,
        role: 'Project Backup Manager',
      })
    ).map((item) => toExport(parse(exportSchema, item, 'export job')));
  }

  async getExport(tier: Tier, exportId: string): Promise<ExportJob> {
    const body = await this.call({
      method: 'GET',
      path: `${clusterPath(tier.projectId, tier.cluster)}/backup/exports/${encodeURIComponent(exportId)}`,
      version: API_VERSIONS.exports,
      what: `read export job ${exportId} of ${describeCluster(tier)}`,
      role: 'Project Backup Manager',
    });
    return toExport(parse(exportSchema, body, 'export job'));
  }

  /**
   * Starts an export of a snapshot to an export bucket, at most once: the request carries a tag in its
   * `customData`, by which a job whose answer was lost is found and adopted.
   */
  async createExport(
    tier: Tier,
    request: { snapshotId: string; exportBucketId: string; tag: string },
  ): Promise<{ job: ExportJob; reconciled: boolean }> {
    const what = `export snapshot ${request.snapshotId} of ${describeCluster(tier)} to export bucket ${request.exportBucketId}`;
    const customData = [{ key: 'shipkit-request', value: request.tag }];
    const { value, reconciled } = await createOnce({
      what,
      thing: 'export job',
      policy: this.transport.policy,
      deps: this.deps,
      send: async (policy) =>
        toExport(
          parse(
            exportSchema,
            await this.call(
              {
                method: 'POST',
                path: `${clusterPath(tier.projectId, tier.cluster)}/backup/exports`,
                version: API_VERSIONS.exports,
                body: { snapshotId: request.snapshotId, exportBucketId: request.exportBucketId, customData },
                what,
                role: 'Project Backup Export Operator',
              },
              policy,
            ),
            'export job',
          ),
        ),
      find: async () =>
        (await this.listExports(tier)).find(
          (job) =>
            job.snapshotId === request.snapshotId &&
            job.customData.some((d) => d.key === 'shipkit-request' && d.value === request.tag),
        ),
    });
    return { job: value, reconciled };
  }

  async listRestoreJobs(tier: Tier): Promise<RestoreJob[]> {
    const what = `list the restore jobs of ${describeCluster(tier)}`;
    if (tier.kind === 'flex') {
      return (
        await this.list({
          method: 'GET',
          path: `${flexPath(tier.projectId, tier.cluster)}/backup/restoreJobs`,
          version: API_VERSIONS.flex,
          what,
          role: 'Project Read Only',
        })
      ).map((item) => toFlexRestore(parse(flexRestoreSchema, item, 'restore job')));
    }
    return (
      await this.list({
        method: 'GET',
        path: `${clusterPath(tier.projectId, tier.cluster)}/backup/restoreJobs`,
        version: API_VERSIONS.restoreJobs,
        what,
        role: 'Project Backup Manager',
      })
    ).map((item) => toRestore(parse(restoreSchema, item, 'restore job')));
  }

  async getRestoreJob(tier: Tier, jobId: string): Promise<RestoreJob> {
    const what = `read restore job ${jobId} of ${describeCluster(tier)}`;
    if (tier.kind === 'flex') {
      const body = await this.call({
        method: 'GET',
        path: `${flexPath(tier.projectId, tier.cluster)}/backup/restoreJobs/${encodeURIComponent(jobId)}`,
        version: API_VERSIONS.flex,
        what,
        role: 'Project Read Only',
      });
      return toFlexRestore(parse(flexRestoreSchema, body, 'restore job'));
    }
    const body = await this.call({
      method: 'GET',
      path: `${clusterPath(tier.projectId, tier.cluster)}/backup/restoreJobs/${encodeURIComponent(jobId)}`,
      version: API_VERSIONS.restoreJobs,
      what,
      role: 'Project Backup Manager',
    });
    return toRestore(parse(restoreSchema, body, 'restore job'));
  }

  /**
   * Starts a restore job of the source cluster (automated or point in time; on Flex, Flex's restore), at
   * most once: after an answer that may have been lost, a job that was not listed before and matches the
   * request is adopted. Whether the restore may run at all is decided before (see `startRestore`).
   */
  async createRestoreJob(
    source: Tier,
    request: {
      deliveryType: 'automated' | 'pointInTime';
      snapshotId?: string;
      pointInTimeUTCSeconds?: number;
      targetProjectId: string;
      targetCluster: string;
    },
  ): Promise<{ job: RestoreJob; reconciled: boolean }> {
    const target = describeCluster({ projectId: request.targetProjectId, cluster: request.targetCluster });
    const what = `restore ${request.snapshotId ? `snapshot ${request.snapshotId}` : 'a point in time'} of ${describeCluster(source)} into ${target}`;
    const before = new Set((await this.listRestoreJobs(source)).map((job) => job.id));
    const flex = source.kind === 'flex';
    const request_: AtlasRequest = flex
      ? {
          method: 'POST',
          path: `${flexPath(source.projectId, source.cluster)}/backup/restoreJobs`,
          version: API_VERSIONS.flex,
          body: {
            snapshotId: request.snapshotId,
            targetDeploymentItemName: request.targetCluster,
            targetProjectId: request.targetProjectId,
          },
          what,
          role: 'Project Backup Recovery Operator',
        }
      : {
          method: 'POST',
          path: `${clusterPath(source.projectId, source.cluster)}/backup/restoreJobs`,
          version: API_VERSIONS.restoreJobs,
          body: {
            deliveryType: request.deliveryType,
            ...(request.snapshotId ? { snapshotId: request.snapshotId } : {}),
            ...(request.pointInTimeUTCSeconds === undefined
              ? {}
              : { pointInTimeUTCSeconds: request.pointInTimeUTCSeconds }),
            targetClusterName: request.targetCluster,
            targetGroupId: request.targetProjectId,
          },
          what,
          role: 'Project Backup Recovery Operator',
        };
    const { value, reconciled } = await createOnce({
      what,
      thing: 'restore job',
      policy: this.transport.policy,
      deps: this.deps,
      send: async (policy) => {
        const body = await this.call(request_, policy);
        return flex
          ? toFlexRestore(parse(flexRestoreSchema, body, 'restore job'))
          : toRestore(parse(restoreSchema, body, 'restore job'));
      },
      find: async () =>
        (await this.listRestoreJobs(source)).find(
          (job) =>
            !before.has(job.id) &&
            job.targetCluster === request.targetCluster &&
            (request.snapshotId === undefined || job.snapshotId === request.snapshotId) &&
            (request.pointInTimeUTCSeconds === undefined ||
              job.pointInTimeUTCSeconds === request.pointInTimeUTCSeconds),
        ),
    });
    return { job: value, reconciled };
  }

  async getSchedule(projectId: string, cluster: string): Promise<BackupSchedule> {
    const body = await this.call({
      method: 'GET',
      path: `${clusterPath(projectId, cluster)}/backup/schedule`,
      version: API_VERSIONS.schedule,
      what: `read the backup schedule of ${describeCluster({ projectId, cluster })}`,
      role: 'Project Read Only',
    });
    const schedule = parse(scheduleSchema, body, 'backup schedule');
    return {
      ...definedRecord({
        referenceHourOfDay: schedule.referenceHourOfDay,
        referenceMinuteOfHour: schedule.referenceMinuteOfHour,
        restoreWindowDays: schedule.restoreWindowDays,
        autoExportEnabled: schedule.autoExportEnabled,
        useOrgAndGroupNamesInExportPrefix: schedule.useOrgAndGroupNamesInExportPrefix,
        nextSnapshot: schedule.nextSnapshot,
        copySettings: schedule.copySettings,
      }),
      ...(schedule.export
        ? {
            export: definedRecord({
              exportBucketId: schedule.export.exportBucketId,
              frequencyType: schedule.export.frequencyType,
            }),
          }
        : {}),
      policyItems: (schedule.policies ?? []).flatMap((p) => p.policyItems ?? []).map(toPolicyItem),
    };
  }

  /** The project's Backup Compliance Policy, or undefined when it has none. */
  async getCompliancePolicy(projectId: string): Promise<CompliancePolicy | undefined> {
    let body: unknown;
    try {
      body = await this.call({
        method: 'GET',
        path: `${groupPath(projectId)}/backupCompliancePolicy`,
        version: API_VERSIONS.compliancePolicy,
        what: `read the Backup Compliance Policy of project ${projectId}`,
        role: 'Project Owner',
      });
    } catch (error) {
      if (error instanceof AtlasApiError && error.status === 404) return undefined;
      throw error;
    }
    if (body === undefined || (typeof body === 'object' && body !== null && Object.keys(body).length === 0)) {
      return undefined;
    }
    const policy = parse(complianceSchema, body, 'Backup Compliance Policy');
    return {
      ...definedRecord({
        state: policy.state,
        authorizedEmail: policy.authorizedEmail,
        copyProtectionEnabled: policy.copyProtectionEnabled,
        encryptionAtRestEnabled: policy.encryptionAtRestEnabled,
        pitEnabled: policy.pitEnabled,
        restoreWindowDays: policy.restoreWindowDays,
      }),
      scheduledPolicyItems: (policy.scheduledPolicyItems ?? []).map(toPolicyItem),
      ...(policy.onDemandPolicyItem ? { onDemandPolicyItem: toPolicyItem(policy.onDemandPolicyItem) } : {}),
    };
  }

  /** A database user of the project (they all authenticate against `admin`), or undefined. */
  async getDatabaseUser(projectId: string, username: string): Promise<DatabaseUser | undefined> {
    try {
      const body = await this.call({
        method: 'GET',
        path: `${groupPath(projectId)}/databaseUsers/admin/${encodeURIComponent(username)}`,
        version: API_VERSIONS.databaseUsers,
        what: `read database user ${username} of project ${projectId}`,
        role: 'Project Read Only',
      });
      return toUser(parse(userSchema, body, 'database user'));
    } catch (error) {
      if (error instanceof AtlasApiError && error.status === 404) return undefined;
      throw error;
    }
  }

  /**
   * Creates a database user limited to `roles` on the clusters in `scopes`, at most once: after an answer
   * that may have been lost, a user that now exists (and did not before) is taken to be this one.
   */
  async createDatabaseUser(
    projectId: string,
    user: {
      username: string;
      password: string;
      roles: DatabaseUserRole[];
      clusters: string[];
      description?: string;
    },
  ): Promise<DatabaseUser> {
    const what = `create database user ${user.username} in project ${projectId}`;
    const { value } = await createOnce({
      what,
      thing: 'database user',
      policy: this.transport.policy,
      deps: this.deps,
      send: async (policy) =>
        toUser(
          parse(
            userSchema,
            await this.call(
              {
                method: 'POST',
                path: `${groupPath(projectId)}/databaseUsers`,
                version: API_VERSIONS.databaseUsers,
                body: {
                  databaseName: 'admin',
                  groupId: projectId,
                  username: user.username,
                  password: user.password,
                  roles: user.roles,
                  scopes: user.clusters.map((name) => ({ name, type: 'CLUSTER' })),
                  ...(user.description ? { description: user.description } : {}),
                },
                what,
                role: 'Project Database Access Admin',
              },
              policy,
            ),
            'database user',
          ),
        ),
      find: () => this.getDatabaseUser(projectId, user.username),
    });
    return value;
  }

  /** Sets a user's roles and scopes, and its password when given; sending it twice changes nothing more. */
  async updateDatabaseUser(
    projectId: string,
    user: { username: string; password?: string; roles: DatabaseUserRole[]; clusters: string[] },
  ): Promise<DatabaseUser> {
    const body = await this.call({
      method: 'PATCH',
      path: `${groupPath(projectId)}/databaseUsers/admin/${encodeURIComponent(user.username)}`,
      version: API_VERSIONS.databaseUsers,
      body: {
        roles: user.roles,
        scopes: user.clusters.map((name) => ({ name, type: 'CLUSTER' })),
        ...(user.password ? { password: user.password } : {}),
      },
      what: `update database user ${user.username} in project ${projectId}`,
      idempotent: true,
      role: 'Project Database Access Admin',
    });
    return toUser(parse(userSchema, body, 'database user'));
  }

  private async call(request: AtlasRequest, policy?: RetryPolicy): Promise<unknown> {
    return (await this.transport.send(request, policy)).body;
  }

  /** Every item of a paged list (`pageNum`, `itemsPerPage`, `includeCount` → `{results, totalCount}`). */
  private async list(request: AtlasRequest): Promise<unknown[]> {
    const items: unknown[] = [];
    for (let pageNum = 1; pageNum <= MAX_PAGES; pageNum++) {
      const body = await this.call({
        ...request,
        query: { ...request.query, pageNum, itemsPerPage: PAGE_SIZE, includeCount: true },
      });
      const page = parse(pageSchema, body ?? {}, 'list');
      const results = page.results ?? [];
      items.push(...results);
      if (results.length < PAGE_SIZE || (page.totalCount !== undefined && items.length >= page.totalCount)) {
        return items;
      }
    }
    throw new AtlasApiError(
      `Atlas kept sending pages when asked to ${request.what}: stopped after ${MAX_PAGES}.`,
    );
  }
}

const groupPath = (projectId: string) => `/groups/${encodeURIComponent(projectId)}`;
const clusterPath = (projectId: string, cluster: string) =>
  `${groupPath(projectId)}/clusters/${encodeURIComponent(cluster)}`;
const flexPath = (projectId: string, cluster: string) =>
  `${groupPath(projectId)}/flexClusters/${encodeURIComponent(cluster)}`;

function parse<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const result = schema.safeParse(body);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    throw new AtlasApiError(`Atlas sent an unexpected ${what}${where}: ${issue?.message ?? 'bad shape'}.`);
  }
  return result.data;
}

/** The record without its undefined values, so optional properties stay omitted. */
function definedRecord<T extends Record<string, unknown>>(
  record: T,
): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}

const SNAPSHOT_STATUSES: Record<string, SnapshotStatus> = {
  queued: 'queued',
  inProgress: 'inProgress',
  completed: 'completed',
  failed: 'failed',
  // Flex
  PENDING: 'queued',
  QUEUED: 'queued',
  RUNNING: 'inProgress',
  COMPLETED: 'completed',
  FAILED: 'failed',
};

function toSnapshot(raw: z.infer<typeof snapshotSchema>): Snapshot {
  const rawStatus = raw.status ?? 'unknown';
  return {
    id: raw.id,
    status: SNAPSHOT_STATUSES[rawStatus] ?? 'unknown',
    rawStatus,
    type: raw.snapshotType ?? 'unknown',
    ...definedRecord({
      createdAt: raw.createdAt,
      expiresAt: raw.expiresAt,
      description: raw.description,
      storageSizeBytes: raw.storageSizeBytes,
      mongodVersion: raw.mongodVersion,
      frequencyType: raw.frequencyType,
    }),
  };
}

function toFlexSnapshot(raw: z.infer<typeof flexSnapshotSchema>): Snapshot {
  const rawStatus = raw.status ?? 'unknown';
  const createdAt = raw.startTime ?? raw.scheduledTime ?? raw.finishTime;
  return {
    id: raw.id,
    status: SNAPSHOT_STATUSES[rawStatus] ?? 'unknown',
    rawStatus,
    type: 'flexDaily',
    ...definedRecord({ createdAt, expiresAt: raw.expiration, mongodVersion: raw.mongoDBVersion }),
  };
}

function toExport(raw: z.infer<typeof exportSchema>): ExportJob {
  return {
    id: raw.id,
    state: raw.state ?? 'unknown',
    ...definedRecord({
      snapshotId: raw.snapshotId,
      exportBucketId: raw.exportBucketId,
      prefix: raw.prefix,
      createdAt: raw.createdAt,
      finishedAt: raw.finishedAt,
      exportedCollections: raw.exportStatus?.exportedCollections,
      totalCollections: raw.exportStatus?.totalCollections,
    }),
    ...(raw.stateReason
      ? {
          stateReason: definedRecord({
            errorCode: raw.stateReason.errorCode,
            message: raw.stateReason.message,
          }),
        }
      : {}),
    customData: (raw.customData ?? []).map((d) => ({ key: d.key, value: d.value })),
  };
}

function restoreState(raw: z.infer<typeof restoreSchema>): RestoreState {
  if (raw.failed) return 'failed';
  if (raw.cancelled) return 'cancelled';
  if (raw.expired) return 'expired';
  return raw.finishedAt ? 'completed' : 'inProgress';
}

function toRestore(raw: z.infer<typeof restoreSchema>): RestoreJob {
  return {
    id: raw.id,
    state: restoreState(raw),
    deliveryType: raw.deliveryType ?? 'unknown',
    ...definedRecord({
      snapshotId: raw.snapshotId,
      targetCluster: raw.targetClusterName,
      targetProjectId: raw.targetGroupId,
      pointInTimeUTCSeconds: raw.pointInTimeUTCSeconds,
      finishedAt: raw.finishedAt,
    }),
  };
}

const FLEX_RESTORE_STATES: Record<string, RestoreState> = {
  PENDING: 'inProgress',
  QUEUED: 'inProgress',
  RUNNING: 'inProgress',
  COMPLETED: 'completed',
  FAILED: 'failed',
};

function toFlexRestore(raw: z.infer<typeof flexRestoreSchema>): RestoreJob {
  return {
    id: raw.id,
    state: FLEX_RESTORE_STATES[raw.status ?? ''] ?? 'inProgress',
    deliveryType: 'automated',
    ...definedRecord({
      snapshotId: raw.snapshotId,
      targetCluster: raw.targetDeploymentItemName,
      targetProjectId: raw.targetProjectId,
      finishedAt: raw.restoreFinishedDate,
    }),
  };
}

function toPolicyItem(raw: z.infer<typeof policyItemSchema>): PolicyItem {
  return {
    frequencyType: raw.frequencyType,
    frequencyInterval: raw.frequencyInterval,
    retentionUnit: raw.retentionUnit,
    retentionValue: raw.retentionValue,
  };
}

function toUser(raw: z.infer<typeof userSchema>): DatabaseUser {
  return {
    username: raw.username,
    databaseName: raw.databaseName ?? 'admin',
    roles: (raw.roles ?? []).map((r) => ({
      roleName: r.roleName,
      databaseName: r.databaseName,
      ...(r.collectionName ? { collectionName: r.collectionName } : {}),
    })),
    scopes: (raw.scopes ?? []).map((s) => ({ name: s.name, type: s.type })),
  };
}
