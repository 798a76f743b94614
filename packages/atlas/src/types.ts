/** The models the client returns: Atlas's answers, normalised so dedicated and Flex clusters read alike. */

export type SnapshotStatus = 'queued' | 'inProgress' | 'completed' | 'failed' | 'unknown';

export interface Snapshot {
  id: string;
  status: SnapshotStatus;
  /** Atlas's word for the status (`inProgress`, Flex's `RUNNING`…). */
  rawStatus: string;
  /** `onDemand`, `scheduled`, `fallback`, or `flexDaily` for a Flex cluster's daily snapshot. */
  type: string;
  /** When the snapshot was taken (ISO 8601): the data it holds is from then. */
  createdAt?: string;
  expiresAt?: string;
  description?: string;
  storageSizeBytes?: number;
  mongodVersion?: string;
  frequencyType?: string;
}

export const FINISHED_SNAPSHOT: readonly SnapshotStatus[] = ['completed', 'failed'];

export type ExportState = 'Queued' | 'InProgress' | 'Successful' | 'Failed' | 'Cancelled';

export interface ExportJob {
  id: string;
  /** Atlas's state; an unknown word is kept as it is and means "not finished". */
  state: ExportState | (string & {});
  snapshotId?: string;
  exportBucketId?: string;
  /** Where the objects go in the bucket: `/exported_snapshots/{org}/{project}/{cluster}/{date}/{timestamp}`. */
  prefix?: string;
  createdAt?: string;
  finishedAt?: string;
  exportedCollections?: number;
  totalCollections?: number;
  stateReason?: { errorCode?: string; message?: string };
  customData: { key: string; value: string }[];
}

export const FINISHED_EXPORT: readonly string[] = ['Successful', 'Failed', 'Cancelled'];

export interface ExportBucket {
  id: string;
  bucketName: string;
  cloudProvider?: string;
}

export type RestoreState = 'inProgress' | 'completed' | 'failed' | 'cancelled' | 'expired';

export type DeliveryType = 'automated' | 'pointInTime' | 'download';

export interface RestoreJob {
  id: string;
  state: RestoreState;
  deliveryType: string;
  snapshotId?: string;
  targetCluster?: string;
  targetProjectId?: string;
  pointInTimeUTCSeconds?: number;
  finishedAt?: string;
}

export interface PolicyItem {
  frequencyType: string;
  frequencyInterval: number;
  retentionUnit: string;
  retentionValue: number;
}

/** `GET …/backup/schedule` (2024-08-05), the parts a policy is checked against. */
export interface BackupSchedule {
  referenceHourOfDay?: number;
  referenceMinuteOfHour?: number;
  restoreWindowDays?: number;
  autoExportEnabled?: boolean;
  export?: { exportBucketId?: string; frequencyType?: string };
  useOrgAndGroupNamesInExportPrefix?: boolean;
  copySettings?: unknown[];
  policyItems: PolicyItem[];
  nextSnapshot?: string;
}

/** `GET /groups/{g}/backupCompliancePolicy` (2023-10-01). */
export interface CompliancePolicy {
  state?: string;
  authorizedEmail?: string;
  copyProtectionEnabled?: boolean;
  encryptionAtRestEnabled?: boolean;
  pitEnabled?: boolean;
  restoreWindowDays?: number;
  scheduledPolicyItems: PolicyItem[];
  onDemandPolicyItem?: PolicyItem;
}

export interface DatabaseUserRole {
  roleName: string;
  databaseName: string;
  collectionName?: string;
}

export interface DatabaseUser {
  username: string;
  databaseName: string;
  roles: DatabaseUserRole[];
  scopes: { name: string; type: string }[];
}
