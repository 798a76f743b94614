import { randomBytes } from 'node:crypto';
import {
  archiveDigest,
  archiveEncoding,
  IDENTITY_OPTION,
  MANIFEST_NAME,
  type Manifest,
  TOOL,
  VERIFICATION_FORMAT_VERSION,
  type VerificationRecord,
  verificationName,
} from '@shipkit/backup';
import {
  type NamespaceRename,
  type NamespaceSelection,
  RestoreFailedError,
  type RestorePlan,
  type RestoreProof,
  type RestoreResult,
  restoreArchive,
  type Staging,
  type TargetOutcome,
} from '@shipkit/mongo';
import {
  DEFAULT_PARALLELISM,
  errorMessage,
  type Logger,
  MemoryKeeper,
  OptionError,
  ref,
  say,
  silentLogger,
  UserError,
} from '@shipkit/runtime';
import { ObjectNotFoundError } from '@shipkit/storage';
import type { MongoClient } from 'mongodb';
import { compareNamespaces } from './compare';
import { chooseIdentity } from './identity';
import { type RestoredNamespace, readBack } from './read-back';
import type { VerificationReport, VerifyMode } from './report';
import type { BackupSource } from './source';
import { ArchiveStageError, compressionOf, type StoredDigest } from './stored-archive';
import { openBackupArchive } from './stored-parts';
import { ArchiveTally, type TallyOptions } from './tally';

/** Receives progress as archive bytes and documents are read (a `ProgressReporter` fits). */
export interface ProgressSink {
  add(bytes: number, documents?: number): void;
}

export interface CheckDeps {
  logger?: Logger;
  signal?: AbortSignal;
  now?: () => Date;
  progress?: ProgressSink;
}

export interface ArchiveAccess {
  /** The secret holding the age identity (a key or an identity file's text). */
  identity?: string;
  /** The option that gave it (its table key), for messages. */
  identityOption?: string;
}

export interface VerifyOptions extends ArchiveAccess {
  mode: 'integrity' | 'full';
  /** Full mode: where each namespace is restored. Default: every database under a fresh scratch prefix. */
  renames?: NamespaceRename[];
  parallelism?: number;
  batchBytes?: number;
  /** Write a verification record next to the manifest when the verification passes. Default true. */
  record?: boolean;
  /** For tests: skip the SHA-256 comparison so the checks behind it are reached. */
  skipSha256Check?: boolean;
  /** When content hashing moves to worker threads, and how many. */
  hashing?: TallyOptions;
}

export interface VerifyDeps extends CheckDeps {
  /** The scratch server for full mode. */
  scratch?: MongoClient;
  /** The scratch database prefix for full mode (default `vfy_<random>_`). */
  scratchPrefix?: string;
}

/**
 * Verifies a backup. `integrity` streams the stored object once — SHA-256 and size against the
 * manifest, decryption, decompression, every namespace CRC, then counts, CRCs, content hashes and
 * index specs against the manifest — with no database. `full` also restores it into a scratch
 * server under fresh database names, reads every namespace back and compares counts, content hashes
 * and index specs, then drops the scratch databases. Problems found are in the report (result
 * `failed`); bad input, a wrong identity or a non-empty target are thrown as `UserError`.
 */
export async function verifyBackup(
  source: BackupSource,
  options: VerifyOptions,
  deps: VerifyDeps = {},
): Promise<VerificationReport> {
  if (options.mode === 'integrity') return runCheck(source, 'integrity', options, undefined, deps);
  if (!deps.scratch) {
    throw new OptionError(
      'scratch-mongodb-uri',
      say`is required with ${ref('mode')} full: a full verification restores into a scratch server.`,
    );
  }
  const prefix = deps.scratchPrefix ?? `vfy_${randomBytes(3).toString('hex')}_`;
  const auto = options.renames === undefined || options.renames.length === 0;
  const renames = auto ? [{ from: '*.*', to: `${prefix}*.*` }] : (options.renames as NamespaceRename[]);
  return runCheck(
    source,
    'full',
    options,
    {
      client: deps.scratch,
      selection: { renames },
      drop: false,
      removeAfter: auto,
      readBack: true,
    },
    deps,
  );
}

/** Where a check restores the archive, and how. */
export interface RestoreSpec {
  client: MongoClient;
  selection: NamespaceSelection;
  drop: boolean;
  /**
   * A real target: restore under staging names, and let the swap put them in place only once
   * everything passed (see @shipkit/restore). Without it, straight into the targets (fresh scratch
   * databases, which nobody else uses).
   */
  swap?: StagedSwap;
  /** Drop the target databases afterwards (scratch databases this run named). */
  removeAfter: boolean;
  /** Read every restored namespace back and compare it (off only for a restore asked to skip it). */
  readBack: boolean;
}

/**
 * The end of a staged restore, which the restore package owns: `settle` swaps the staged data in
 * when the proof holds and removes it otherwise; `abandon` removes it when the check stops with an
 * error, and returns that error saying what each target is.
 */
export interface StagedSwap {
  readonly staging: Staging;
  settle(
    plan: RestorePlan,
    proof: RestoreProof,
    signal: AbortSignal | undefined,
  ): Promise<{ outcomes: TargetOutcome[]; problem?: string }>;
  abandon(plan: RestorePlan | undefined, error: unknown): Promise<unknown>;
}

/** What the manifest says of the stored archive: the one object, or every part (their digest and total size). */
function archiveOf(manifest: Manifest): {
  size: number;
  sha256: string;
  compression: string;
  recipients: string[];
} {
  return { ...archiveEncoding(manifest), sha256: archiveDigest(manifest) };
}

/** The identity that decrypts `source`, chosen among those given before anything is downloaded. */
export async function identityFor(source: BackupSource, access: ArchiveAccess): Promise<string | undefined> {
  const subject = source.backupId ? `backup ${source.backupId}` : source.url;
  const recipients = source.manifest ? archiveOf(source.manifest).recipients : [];
  return chooseIdentity(access.identity, recipients, access.identityOption ?? IDENTITY_OPTION, subject);
}

/**
 * Reads a stored archive once — checking it, restoring it when `restoreSpec` says where — and
 * reports every finding against the manifest.
 */
export async function runCheck(
  source: BackupSource,
  mode: VerifyMode,
  options: ArchiveAccess & {
    parallelism?: number;
    batchBytes?: number;
    record?: boolean;
    skipSha256Check?: boolean;
    hashing?: TallyOptions;
  },
  restoreSpec: RestoreSpec | undefined,
  deps: CheckDeps,
): Promise<VerificationReport> {
  const now = deps.now ?? (() => new Date());
  const logger = deps.logger ?? silentLogger;
  const startedAt = now();
  const { manifest } = source;
  const parallelism = options.parallelism ?? DEFAULT_PARALLELISM;
  const identity = await identityFor(source, options);
  const opened = await openBackupArchive(source, {
    ...(identity ? { identity } : {}),
    identityOption: options.identityOption ?? IDENTITY_OPTION,
  }).catch(async (error: unknown) => {
    if (error instanceof ObjectNotFoundError && source.backupId && !(await stillExists(source))) {
      throw new UserError(`${disappeared(source)}.`);
    }
    throw error;
  });

  const tally = new ArchiveTally(options.hashing ?? {});
  const memory = new MemoryKeeper();
  tally.onDocuments = (bytes, documents) => {
    deps.progress?.add(bytes, documents);
    memory.add(bytes);
  };
  let failure: unknown;
  let restoreResult: RestoreResult | undefined;
  let plan: RestorePlan | undefined;
  const swap = restoreSpec?.swap;
  const staging = swap?.staging;
  // Whether the failure came out of the stored object (its layers or its archive), not the target.
  let failedReading = false;
  const events = (async function* () {
    try {
      yield* opened.events;
    } catch (error) {
      failedReading = true;
      throw error;
    }
  })();
  try {
    if (!restoreSpec) {
      for await (const event of events) {
        await tally.observe(event);
        deps.signal?.throwIfAborted();
      }
    } else {
      restoreResult = await restoreArchive(
        tally.tap(events),
        { ...restoreSpec.selection, drop: restoreSpec.drop, parallelism, ...batchOption(options.batchBytes) },
        {
          client: restoreSpec.client,
          logger,
          ...(staging ? { staging } : {}),
          ...(deps.signal ? { signal: deps.signal } : {}),
          onPlan: (p) => {
            plan = p;
          },
        },
      );
    }
  } catch (error) {
    if (error instanceof RestoreFailedError) restoreResult = error.result;
    failure = error;
  }
  try {
    await tally.finish();
  } catch (error) {
    failure ??= error;
  }

  const checkSha = manifest !== undefined && !options.skipSha256Check;
  let digest: StoredDigest;
  let restored: Map<string, RestoredNamespace> | undefined;
  try {
    // After a failure the rest of the object is still read when a manifest holds its SHA-256: a
    // changed stored object is then named as such, rather than by whatever layer tripped over it.
    // So is what follows the archive's end (a compressor's last frame, or bytes appended to it):
    // a whole archive swapped in from another backup must still fail on its SHA-256.
    const drain = checkSha && (failedReading || tally.complete) && !deps.signal?.aborted;
    digest = await opened.digest(drain);
    const storedChanged =
      checkSha && digest.complete && digest.sha256 !== (manifest && archiveOf(manifest).sha256);
    // A damaged archive or refused documents are findings of the check; anything else (bad input, a
    // wrong identity, a target that cannot take the data, cancellation) stops it.
    const finding = failure instanceof ArchiveStageError || failure instanceof RestoreFailedError;
    if (failure !== undefined && !finding && !(storedChanged && !deps.signal?.aborted)) throw failure;
    if (restoreSpec?.readBack && plan && restoreResult) {
      // A staged restore creates its views at the swap, which proves they exist.
      const written = plan.namespaces.filter((n) => n.action !== 'refuse' && !(staging && n.type === 'view'));
      restored = await readBack(restoreSpec.client, written, parallelism, deps.signal);
    }
  } catch (error) {
    await removeScratch(restoreSpec, plan, logger);
    throw swap ? await swap.abandon(plan, error) : error;
  } finally {
    await opened.close();
  }
  const removed = await removeScratch(restoreSpec, plan, logger);

  const problems: string[] = [];
  const notChecked: string[] = [];
  const sha256 = shaVerdict(source, digest, checkSha, problems, notChecked, options.skipSha256Check === true);
  // What the catalogue found wrong with the backup comes first: the rest may follow from it.
  problems.unshift(...(source.damage ?? []).map((d) => `backup ${source.backupId} is damaged: ${d}`));
  if (failure !== undefined) problems.push(errorMessage(failure));
  if (manifest && tally.header) {
    const compression = compressionOf(opened.layers);
    if (compression !== archiveOf(manifest).compression) {
      problems.push(
        `the stored archive is compressed with ${compression}, but the manifest says ${archiveOf(manifest).compression}`,
      );
    }
    const encrypted = opened.layers.includes('age');
    if (encrypted !== archiveOf(manifest).recipients.length > 0) {
      problems.push(
        `the stored archive is ${encrypted ? '' : 'not '}encrypted, but the manifest says otherwise`,
      );
    }
  }
  const restoredNamespaces = plan
    ? new Set(plan.namespaces.map((n) => `${n.source.db}.${n.source.collection}`))
    : undefined;
  const comparison = compareNamespaces({ manifest, tally, restored, restoredNamespaces });
  problems.push(...comparison.problems);
  let outcomes: TargetOutcome[] | undefined;
  if (swap && plan) {
    const unproven =
      manifest && !options.skipSha256Check && sha256.state !== 'passed'
        ? ["the stored object's SHA-256 could not be checked against the manifest"]
        : [];
    const settled = await swap.settle(
      plan,
      { archiveComplete: tally.complete, problems: [...problems, ...unproven] },
      deps.signal,
    );
    outcomes = settled.outcomes;
    if (settled.problem) problems.push(settled.problem);
  }
  if (!manifest) {
    notChecked.push(
      mode === 'integrity'
        ? 'Expected counts, content hashes and index specs: the archive has no manifest (stock mongodump writes none). ' +
            'Each namespace CRC was checked and documents were counted.'
        : 'Whether the archive is complete: it has no manifest (stock mongodump writes none). ' +
            'Each namespace CRC was checked, and the restore was compared with the archive itself.',
    );
  }
  if (restoreSpec && !restoreSpec.readBack) {
    notChecked.push(
      'What the target holds: the restored namespaces were not read back (asked to skip it). ' +
        'The archive was checked and no document was refused.',
    );
  }
  if (plan) {
    if (plan.excluded.length > 0) notChecked.push(`Not restored (excluded): ${plan.excluded.join(', ')}.`);
    for (const skipped of plan.skipped)
      notChecked.push(`Not restored: ${skipped.namespace} — ${skipped.reason}.`);
  }

  const finishedAt = now();
  const report: VerificationReport = {
    tool: { ...TOOL },
    mode,
    result: problems.length === 0 && tally.complete ? 'passed' : 'failed',
    source: source.url,
    ...(source.backupId ? { backupId: source.backupId } : {}),
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    durationMs: finishedAt.getTime() - startedAt.getTime(),
    archive: { layers: [...opened.layers], storedBytes: digest.bytes, sha256, complete: tally.complete },
    namespaces: comparison.rows,
    totals: {
      namespaces: comparison.rows.length,
      documents: tally.documents,
      ...(manifest ? { expectedDocuments: manifest.totals.documents } : {}),
      ...(restored ? { restoredDocuments: [...restored.values()].reduce((t, r) => t + r.documents, 0) } : {}),
    },
    problems,
    notChecked,
    ...(plan
      ? {
          target: { databases: plan.targetDatabases, removed, ...(outcomes ? { namespaces: outcomes } : {}) },
        }
      : {}),
  };
  const proven = !restoreSpec || restoreSpec.readBack;
  if (report.result === 'passed' && source.backupId) {
    await settleRecord(source, report, plan, proven && options.record !== false, logger);
  }
  return report;
}

/**
 * Writes the verification record of a passing check, unless the backup was deleted meanwhile (prune
 * deletes the manifest first): then no record stays in its remains, and a verification fails, since
 * the backup it proved no longer exists (a restore did its job on the target all the same, and says
 * so). Existence is checked before writing and again after, as prune may delete it in between.
 */
async function settleRecord(
  source: BackupSource,
  report: VerificationReport,
  plan: RestorePlan | undefined,
  record: boolean,
  logger: Logger,
): Promise<void> {
  let exists = await stillExists(source);
  const recorded = exists && record ? await recordVerification(source, report, plan, logger) : undefined;
  if (recorded) {
    report.recorded = source.storage.describe(recorded);
    exists = await stillExists(source);
  }
  if (exists) return;
  if (recorded) await forgetRecord(source, recorded, logger);
  delete report.recorded;
  const gone = disappeared(source);
  if (report.mode === 'restore') report.notChecked.push(`${gone}.`);
  else {
    report.result = 'failed';
    report.problems.push(gone);
  }
}

async function stillExists(source: BackupSource): Promise<boolean> {
  return (await source.storage.head(`${source.backupId}/${MANIFEST_NAME}`)) !== undefined;
}

function disappeared(source: BackupSource): string {
  return (
    `backup ${source.backupId} disappeared while it was being read (its ${MANIFEST_NAME} is gone, ` +
    'e.g. deleted by prune): it no longer exists, and no verification was recorded'
  );
}

function batchOption(batchBytes: number | undefined) {
  return batchBytes === undefined ? {} : { batchBytes };
}

function shaVerdict(
  source: BackupSource,
  digest: StoredDigest,
  checkSha: boolean,
  problems: string[],
  notChecked: string[],
  skipped: boolean,
): VerificationReport['archive']['sha256'] {
  const expected = source.manifest && archiveOf(source.manifest).sha256;
  if (!source.manifest) {
    notChecked.push('SHA-256 and size of the stored object: there is no manifest holding them.');
    return { actual: digest.sha256, state: 'not-checked' };
  }
  if (!checkSha) {
    if (skipped) notChecked.push('SHA-256 of the stored object: skipped on request.');
    return { ...(expected ? { expected } : {}), state: 'not-checked' };
  }
  if (!digest.complete) {
    notChecked.push('SHA-256 of the stored object: it could not be read to its end.');
    return { ...(expected ? { expected } : {}), state: 'not-checked' };
  }
  const { size, sha256 } = archiveOf(source.manifest);
  if (digest.sha256 === sha256) return { expected: sha256, actual: digest.sha256, state: 'passed' };
  const sizeNote =
    digest.bytes === size
      ? `same size, ${digest.bytes} bytes`
      : `${digest.bytes} bytes, the manifest says ${size}`;
  // First: every later problem follows from it.
  problems.unshift(
    digest.changed
      ? `the stored parts of ${source.url} do not match the manifest: ${digest.changed.join(', ')} ` +
          `changed or damaged after the backup was written (${sizeNote})`
      : `the stored archive ${source.url} does not match its manifest: SHA-256 ${digest.sha256}, expected ${sha256} ` +
          `(${sizeNote}); it was changed or damaged after the backup was written`,
  );
  return { expected: sha256, actual: digest.sha256, state: 'failed' };
}

/** Drops the scratch databases a full verification created; returns whether it did. */
async function removeScratch(
  spec: RestoreSpec | undefined,
  plan: RestorePlan | undefined,
  logger: Logger,
): Promise<boolean> {
  if (!spec?.removeAfter || !plan) return false;
  let removed = true;
  for (const db of plan.targetDatabases) {
    try {
      await spec.client.db(db).dropDatabase();
    } catch (error) {
      removed = false;
      logger.warn(`could not drop scratch database ${db}: ${errorMessage(error)}`);
    }
  }
  return removed;
}

/**
 * Writes the verification record of this mode and scope next to the manifest (see
 * `@shipkit/backup` verification.ts for the layout); returns its key. A store that refuses it is a
 * warning, not a failure.
 */
async function recordVerification(
  source: BackupSource,
  report: VerificationReport,
  plan: RestorePlan | undefined,
  logger: Logger,
): Promise<string | undefined> {
  const { manifest, manifestSha256 } = source;
  const id = source.backupId as string;
  if (!manifest || !manifestSha256) return undefined;
  const listed = new Set(manifest.namespaces.map((ns) => `${ns.db}.${ns.collection}`));
  const namespaces = report.namespaces.map((row) => row.namespace).filter((ns) => listed.has(ns));
  const notRestorable = (plan?.skipped ?? []).map((s) => s.namespace).filter((ns) => listed.has(ns));
  const covered = new Set([...namespaces, ...notRestorable]);
  const record: VerificationRecord = {
    formatVersion: VERIFICATION_FORMAT_VERSION,
    backupId: id,
    mode: report.mode,
    scope: [...listed].every((ns) => covered.has(ns)) ? 'all' : 'partial',
    result: 'passed',
    verifiedAt: report.finishedAt,
    tool: { ...TOOL },
    archiveSha256: archiveOf(manifest).sha256,
    manifestSha256,
    namespaces,
    notRestorable,
    documents: report.namespaces
      .filter((row) => row.type !== 'view' && listed.has(row.namespace))
      .reduce((sum, row) => sum + (row.restored?.documents ?? row.archive?.documents ?? 0), 0),
  };
  const key = `${id}/${verificationName(record.mode, record.scope)}`;
  try {
    await source.storage.put(key, Buffer.from(`${JSON.stringify(record, null, 2)}\n`), {
      contentType: 'application/json',
    });
    return key;
  } catch (error) {
    logger.warn(
      `the verification passed but ${source.storage.describe(key)} could not be written: ${errorMessage(error)}`,
    );
    return undefined;
  }
}

async function forgetRecord(source: BackupSource, key: string, logger: Logger): Promise<void> {
  try {
    await source.storage.delete(key);
  } catch (error) {
    logger.warn(`could not remove ${source.storage.describe(key)}: ${errorMessage(error)}`);
  }
}
