import { randomBytes } from 'node:crypto';
import type { ArchiveEvent } from '@shipkit/archive';
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
  /** For a backup in parts: how many parts are read at once (default 1, one after another). */
  parallelParts?: number;
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

type CheckOptions = ArchiveAccess & {
  parallelism?: number;
  batchBytes?: number;
  record?: boolean;
  skipSha256Check?: boolean;
  hashing?: TallyOptions;
};

/**
 * A check in named stages: open the stored object, stream it (tallying, and restoring when asked),
 * prove the stored object and the restored data, list the findings, settle a staged restore, report.
 * `CheckRun` alone holds what went wrong on the way.
 */
export async function runCheck(
  source: BackupSource,
  mode: VerifyMode,
  options: CheckOptions,
  restoreSpec: RestoreSpec | undefined,
  deps: CheckDeps,
): Promise<VerificationReport> {
  const now = deps.now ?? (() => new Date());
  const logger = deps.logger ?? silentLogger;
  const startedAt = now();
  const opened = await openArchive(source, options, restoreSpec !== undefined);
  const swap = restoreSpec?.swap;
  const staging = swap?.staging;
  const run = new CheckRun(opened, new ArchiveTally(options.hashing ?? {}));
  await streamArchive(run, options, restoreSpec, staging, deps, logger);
  const checkSha = source.manifest !== undefined && !options.skipSha256Check;
  const { digest, restored, removed } = await proveStored(
    run,
    checkSha && source.manifest ? archiveOf(source.manifest).sha256 : undefined,
    restoreSpec,
    swap,
    options.parallelism ?? DEFAULT_PARALLELISM,
    deps.signal,
    logger,
  );
  const findings = listFindings(source, mode, run, { digest, restored, checkSha, restoreSpec }, options);
  const outcomes = swap && run.plan ? await settleRun(swap, run, findings, source, options, deps) : undefined;
  const finishedAt = now();
  const report: VerificationReport = {
    tool: { ...TOOL },
    mode,
    result: findings.problems.length === 0 && run.tally.complete ? 'passed' : 'failed',
    source: source.url,
    ...(source.backupId ? { backupId: source.backupId } : {}),
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    durationMs: finishedAt.getTime() - startedAt.getTime(),
    archive: {
      layers: [...opened.layers],
      storedBytes: digest.bytes,
      sha256: findings.sha256,
      complete: run.tally.complete,
    },
    namespaces: findings.rows,
    totals: {
      namespaces: findings.rows.length,
      documents: run.tally.documents,
      ...(source.manifest ? { expectedDocuments: source.manifest.totals.documents } : {}),
      ...(restored ? { restoredDocuments: [...restored.values()].reduce((t, r) => t + r.documents, 0) } : {}),
    },
    problems: findings.problems,
    notChecked: findings.notChecked,
    ...(run.plan
      ? {
          target: {
            databases: run.plan.targetDatabases,
            removed,
            ...(outcomes ? { namespaces: outcomes } : {}),
          },
        }
      : {}),
  };
  const proven = !restoreSpec || restoreSpec.readBack;
  if (report.result === 'passed' && source.backupId) {
    await settleRecord(source, report, run.plan, proven && options.record !== false, logger);
  }
  return report;
}

type OpenedArchive = Awaited<ReturnType<typeof openBackupArchive>>;

/**
 * What one check has read and what went wrong on the way, in one place: the first failure wins
 * (what fails later is its consequence), and whether it came out of the stored object (its layers
 * or its archive) rather than the target.
 */
class CheckRun {
  failure: unknown;
  failedReading = false;
  restoreResult: RestoreResult | undefined;
  plan: RestorePlan | undefined;
  readonly events: AsyncGenerator<ArchiveEvent>;

  constructor(
    readonly opened: OpenedArchive,
    readonly tally: ArchiveTally,
  ) {
    const run = this;
    this.events = (async function* () {
      try {
        yield* opened.events;
      } catch (error) {
        run.failedReading = true;
        throw error;
      }
    })();
  }

  get failed(): boolean {
    return this.failure !== undefined;
  }

  fail(error: unknown): void {
    if (error instanceof RestoreFailedError) this.restoreResult ??= error.result;
    this.failure ??= error;
  }
}

// A restore is paced by its target, not by decompression, and its batches hold documents for a
// while: it keeps less decompressed ahead and collects garbage more often than an integrity check.
// Measured on a 256 MiB restore into FerretDB, three runs each: peak RSS 194–214 MiB with 8 MiB ahead
// per frame and a collection every 32 MiB, 185–190 with 2 and 16, 180–182 with 2 and 8 (for 0.8 CPU s
// more, in the same wall time). A collection every 1 MiB held 165 MiB but took 11 CPU s instead of 7.
const RESTORE_AHEAD_BYTES = 2 * 1024 * 1024;
const RESTORE_COLLECT_EVERY_BYTES = 8 * 1024 * 1024;

/** Stage 1: the stored object opened, its layers peeled (a deleted backup named as such). */
async function openArchive(
  source: BackupSource,
  options: ArchiveAccess,
  restoring: boolean,
): Promise<OpenedArchive> {
  const identity = await identityFor(source, options);
  return openBackupArchive(
    source,
    {
      ...(identity ? { identity } : {}),
      identityOption: options.identityOption ?? IDENTITY_OPTION,
      ...(restoring ? { aheadBytes: RESTORE_AHEAD_BYTES } : {}),
    },
    options.parallelParts,
  ).catch(async (error: unknown) => {
    if (error instanceof ObjectNotFoundError && source.backupId && !(await stillExists(source))) {
      throw new UserError(`${disappeared(source)}.`);
    }
    throw error;
  });
}

/** Stage 2: every event tallied, and restored when asked; failures are kept in `run`, not thrown. */
async function streamArchive(
  run: CheckRun,
  options: CheckOptions,
  restoreSpec: RestoreSpec | undefined,
  staging: Staging | undefined,
  deps: CheckDeps,
  logger: Logger,
): Promise<void> {
  const { tally } = run;
  const memory = new MemoryKeeper(restoreSpec ? RESTORE_COLLECT_EVERY_BYTES : undefined);
  tally.onDocuments = (bytes, documents) => {
    deps.progress?.add(bytes, documents);
    memory.add(bytes);
  };
  try {
    if (!restoreSpec) {
      for await (const event of run.events) {
        tally.observe(event);
        deps.signal?.throwIfAborted();
      }
    } else {
      run.restoreResult = await restoreArchive(
        tally.tap(run.events),
        {
          ...restoreSpec.selection,
          drop: restoreSpec.drop,
          parallelism: options.parallelism ?? DEFAULT_PARALLELISM,
          ...batchOption(options.batchBytes),
        },
        {
          client: restoreSpec.client,
          logger,
          ...(staging ? { staging } : {}),
          ...(deps.signal ? { signal: deps.signal } : {}),
          onPlan: (p) => {
            run.plan = p;
          },
        },
      );
    }
  } catch (error) {
    run.fail(error);
  }
  try {
    await tally.finish();
  } catch (error) {
    run.fail(error);
  }
}

/**
 * Stage 3: the stored object's digest, and the restored data read back. A failure that is not a
 * finding of the check stops it here: the staging is removed and the error says what each target is.
 */
async function proveStored(
  run: CheckRun,
  /** The SHA-256 the manifest holds, when it is to be checked. */
  expectedSha256: string | undefined,
  restoreSpec: RestoreSpec | undefined,
  swap: StagedSwap | undefined,
  parallelism: number,
  signal: AbortSignal | undefined,
  logger: Logger,
): Promise<{ digest: StoredDigest; restored: Map<string, RestoredNamespace> | undefined; removed: boolean }> {
  const { opened, plan } = run;
  let digest: StoredDigest;
  let restored: Map<string, RestoredNamespace> | undefined;
  try {
    // After a failure the rest of the object is still read when a manifest holds its SHA-256: a
    // changed stored object is then named as such, rather than by whatever layer tripped over it.
    // So is what follows the archive's end (a compressor's last frame, or bytes appended to it):
    // a whole archive swapped in from another backup must still fail on its SHA-256.
    const checkSha = expectedSha256 !== undefined;
    const drain = checkSha && (run.failedReading || run.tally.complete) && !signal?.aborted;
    digest = await opened.digest(drain);
    const storedChanged = checkSha && digest.complete && digest.sha256 !== expectedSha256;
    // A damaged archive or refused documents are findings of the check; anything else (bad input, a
    // wrong identity, a target that cannot take the data, cancellation) stops it.
    const finding = run.failure instanceof ArchiveStageError || run.failure instanceof RestoreFailedError;
    if (run.failed && !finding && !(storedChanged && !signal?.aborted)) throw run.failure;
    if (restoreSpec?.readBack && plan && run.restoreResult) {
      // A staged restore creates its views at the swap, which proves they exist.
      const written = plan.namespaces.filter((n) => n.action !== 'refuse' && !(swap && n.type === 'view'));
      restored = await readBack(restoreSpec.client, written, parallelism, signal);
    }
  } catch (error) {
    await removeScratch(restoreSpec, plan, logger);
    throw swap ? await swap.abandon(plan, error) : error;
  } finally {
    await opened.close();
  }
  return { digest, restored, removed: await removeScratch(restoreSpec, plan, logger) };
}

interface Findings {
  problems: string[];
  notChecked: string[];
  sha256: VerificationReport['archive']['sha256'];
  rows: VerificationReport['namespaces'];
}

/** Stage 4: every problem found and everything not checked, archive-wide ones first. */
function listFindings(
  source: BackupSource,
  mode: VerifyMode,
  run: CheckRun,
  proof: {
    digest: StoredDigest;
    restored: Map<string, RestoredNamespace> | undefined;
    checkSha: boolean;
    restoreSpec: RestoreSpec | undefined;
  },
  options: CheckOptions,
): Findings {
  const { manifest } = source;
  const { tally, opened, plan } = run;
  const problems: string[] = [];
  const notChecked: string[] = [];
  const sha256 = shaVerdict(
    source,
    proof.digest,
    proof.checkSha,
    problems,
    notChecked,
    options.skipSha256Check === true,
  );
  // What the catalogue found wrong with the backup comes first: the rest may follow from it.
  problems.unshift(...(source.damage ?? []).map((d) => `backup ${source.backupId} is damaged: ${d}`));
  if (run.failed) problems.push(errorMessage(run.failure));
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
  const comparison = compareNamespaces({ manifest, tally, restored: proof.restored, restoredNamespaces });
  problems.push(...comparison.problems);
  if (!manifest) {
    notChecked.push(
      mode === 'integrity'
        ? 'Expected counts, content hashes and index specs: the archive has no manifest (stock mongodump writes none). ' +
            'Each namespace CRC was checked and documents were counted.'
        : 'Whether the archive is complete: it has no manifest (stock mongodump writes none). ' +
            'Each namespace CRC was checked, and the restore was compared with the archive itself.',
    );
  }
  if (proof.restoreSpec && !proof.restoreSpec.readBack) {
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
  return { problems, notChecked, sha256, rows: comparison.rows };
}

/** Stage 5 of a staged restore: swapped in when the proof holds, else discarded; a failed swap is a problem. */
async function settleRun(
  swap: StagedSwap,
  run: CheckRun,
  findings: Findings,
  source: BackupSource,
  options: CheckOptions,
  deps: CheckDeps,
): Promise<TargetOutcome[]> {
  const unproven =
    source.manifest && !options.skipSha256Check && findings.sha256.state !== 'passed'
      ? ["the stored object's SHA-256 could not be checked against the manifest"]
      : [];
  const settled = await swap.settle(
    run.plan as RestorePlan,
    { archiveComplete: run.tally.complete, problems: [...findings.problems, ...unproven] },
    deps.signal,
  );
  if (settled.problem) findings.problems.push(settled.problem);
  return settled.outcomes;
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
