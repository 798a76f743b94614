import { type Namespace, namespaceName } from '@shipkit/archive';
import { errorMessage, type Logger, silentLogger } from '@shipkit/runtime';
import type { Document, MongoClient } from 'mongodb';
import { createCommand } from './collection-spec';
import { describeState, type PlannedNamespace, type RestorePlan } from './plan';
import { newRunId, stagingName } from './staging-names';

/**
 * A restore into a real target never destroys data before its replacement is proven. The engine
 * writes every collection under a staging name in the target's own database (see `staging-names`);
 * the caller checks everything — the whole archive read with every CRC, the stored SHA-256, counts
 * and content hashes against the manifest, the staged data read back — and only then calls `swap`,
 * the one place that renames or drops a target namespace. Anything else ends in `discard`, which
 * removes what this run created and leaves every target as it was.
 *
 * The swap sets each existing target aside (a rename within its database, atomic on MongoDB and
 * cheap: no data is copied), renames the staged collection into place, creates views, and drops
 * what was set aside only once every namespace is in place. If a step fails, the steps before it
 * are undone in reverse, so the target is again as it was. Time-series collections cannot be
 * renamed (MongoDB before 8.3): they are restored straight into targets that did not exist, and
 * removed again if the restore does not pass; the plan refuses to replace one.
 */

/** What a target namespace is after the restore. */
export type OutcomeState = 'untouched' | 'left as it was' | 'restored' | 'replaced' | 'needs attention';

export interface TargetOutcome {
  /** The target namespace, `db.collection`. */
  namespace: string;
  state: OutcomeState;
  /** What it held before; for `needs attention`, where its data is now and what to do. */
  note?: string;
  /** A collection of this run that could not be dropped and is left behind. */
  leftover?: string;
}

/** What the caller found; `swap` runs only when it proves the restore. */
export interface RestoreProof {
  /** The archive was read to its end, with every namespace CRC checked. */
  archiveComplete: boolean;
  /** Every problem found (stored SHA-256, counts, content hashes, indexes, refused documents…). */
  problems: readonly string[];
}

/** The swap failed part-way; `outcomes` says exactly what each target namespace is now. */
export class SwapFailedError extends Error {
  override readonly name = 'SwapFailedError';
  constructor(
    /** What failed and whether it was undone, in one sentence or two. */
    readonly summary: string,
    readonly outcomes: TargetOutcome[],
  ) {
    super(`${summary}\n${describeOutcomes(outcomes)}`);
  }
}

/** One namespace's progress through the swap, so that it can be undone. */
interface SwapStep {
  planned: PlannedNamespace;
  /** The collection the existing target was renamed to. */
  aside?: string;
  /** The options of an existing view that was dropped (views cannot be renamed). */
  view?: Document;
  movedIn: boolean;
}

export class Staging {
  readonly run: string;
  readonly #client: MongoClient;
  readonly #logger: Logger;
  /** Collections this run created: staging collections, and targets it had to write directly. */
  readonly #created = new Map<string, Namespace>();

  constructor(client: MongoClient, options: { logger?: Logger; run?: string } = {}) {
    this.#client = client;
    this.#logger = options.logger ?? silentLogger;
    this.run = options.run ?? newRunId();
  }

  /** The engine reports every collection it creates, so that `discard` removes exactly those. */
  created(ns: Namespace): void {
    this.#created.set(namespaceName(ns), ns);
  }

  /**
   * Removes the restored data that interrupted runs left in the target databases (copies of a
   * backup, nothing else). A target's previous data set aside by an interrupted swap is never
   * removed: the plan refuses to go on while it exists.
   */
  async removeLeftovers(plan: RestorePlan): Promise<void> {
    for (const leftover of plan.leftovers) {
      if (leftover.role !== 'new') continue;
      this.#logger.warn(
        `removing ${leftover.db}.${leftover.name}: restored data of an interrupted restore (run ${leftover.run}) ` +
          `that was never swapped into ${leftover.db}.${leftover.collection}`,
      );
      await this.#drop({ db: leftover.db, collection: leftover.name });
    }
  }

  /** Removes what this run created; every target stays as it was. */
  async discard(plan: RestorePlan): Promise<TargetOutcome[]> {
    const kept = await this.#dropCreated();
    return written(plan).map((planned) => unchanged(planned, kept));
  }

  /**
   * Puts the staged restore in place. Refuses unless `proof` proves it. Not cancellable once
   * started: it is a few renames, and stopping half-way would leave a mix of old and new data.
   */
  async swap(plan: RestorePlan, proof: RestoreProof): Promise<TargetOutcome[]> {
    if (!proof.archiveComplete || proof.problems.length > 0) {
      throw new Error('the restore is not proven: the staged data must not replace anything');
    }
    const ordered = written(plan).sort((a, b) => Number(a.type === 'view') - Number(b.type === 'view'));
    const steps: SwapStep[] = [];
    for (const planned of ordered) {
      const step: SwapStep = { planned, movedIn: false };
      steps.push(step);
      try {
        await this.#setAside(step);
        await this.#moveIn(step);
      } catch (error) {
        throw await this.#rollBack(steps, plan, error);
      }
    }
    // Every target is in place: only now is what they held before dropped.
    const outcomes: TargetOutcome[] = [];
    for (const { planned, aside } of steps) {
      const namespace = namespaceName(planned.target);
      if (planned.existing.kind === 'absent') {
        outcomes.push({ namespace, state: 'restored' });
        continue;
      }
      let note = `was: ${describeState(planned.existing)}`;
      if (aside) {
        try {
          await this.#drop({ db: planned.target.db, collection: aside });
        } catch (error) {
          note += `; its previous data is still in ${planned.target.db}.${aside} (${errorMessage(error)}): drop it`;
          this.#logger.warn(`${namespace}: ${note}`);
        }
      }
      outcomes.push({ namespace, state: 'replaced', note });
    }
    this.#created.clear();
    return outcomes;
  }

  async #setAside(step: SwapStep): Promise<void> {
    const { target, existing, action } = step.planned;
    if (existing.kind === 'absent') return;
    const db = this.#client.db(target.db);
    if (existing.kind === 'view') {
      const [info] = await db.listCollections({ name: target.collection }).toArray();
      step.view = (info as { options?: Document } | undefined)?.options ?? {};
      await db.command({ drop: target.collection });
      return;
    }
    const aside = stagingName(this.run, 'old', target.collection);
    await db.renameCollection(target.collection, aside);
    step.aside = aside;
    if (action !== 'replace' && (await db.collection(aside).findOne({}, { projection: { _id: 1 } }))) {
      throw new Error(`${namespaceName(target)} received documents while the restore ran`);
    }
  }

  async #moveIn(step: SwapStep): Promise<void> {
    const { planned } = step;
    const db = this.#client.db(planned.target.db);
    if (planned.type === 'view') {
      await db.command(createCommand(planned.target, planned.entry, (read) => planned.viewOn ?? read));
    } else if (isStaged(planned)) {
      await db.renameCollection(planned.writeTo.collection, planned.target.collection);
    }
    step.movedIn = true;
  }

  /** Undoes `steps` in reverse, removes what this run created, and says where everything is. */
  async #rollBack(steps: SwapStep[], plan: RestorePlan, cause: unknown): Promise<SwapFailedError> {
    const failedAt = namespaceName((steps.at(-1) as SwapStep).planned.target);
    const stuck = new Map<string, string>();
    for (const step of [...steps].reverse()) {
      const { target, writeTo, type } = step.planned;
      const db = this.#client.db(target.db);
      try {
        if (step.movedIn) {
          if (type === 'view' || !isStaged(step.planned)) await db.command({ drop: target.collection });
          else await db.renameCollection(target.collection, writeTo.collection);
          step.movedIn = false;
        }
        if (step.aside) {
          await db.renameCollection(step.aside, target.collection);
          delete step.aside;
        }
        if (step.view) {
          await db.command({ create: target.collection, ...step.view });
          delete step.view;
        }
      } catch (error) {
        stuck.set(namespaceName(target), errorMessage(error));
      }
    }
    const kept = await this.#dropCreated();
    const bySteps = new Map(steps.map((step) => [namespaceName(step.planned.target), step]));
    const outcomes = written(plan).map((planned) => {
      const step = bySteps.get(namespaceName(planned.target));
      const why = stuck.get(namespaceName(planned.target));
      return step && why !== undefined ? stuckOutcome(step, why) : unchanged(planned, kept);
    });
    const swappedBefore = steps.length - 1;
    const undone =
      stuck.size === 0
        ? swappedBefore === 0
          ? 'Nothing of the target was changed.'
          : `The ${swappedBefore} namespace${swappedBefore === 1 ? '' : 's'} swapped before it ${swappedBefore === 1 ? 'was' : 'were'} put back: nothing of the target was changed.`
        : 'It could not all be undone: the namespaces marked "needs attention" below say where their data is.';
    return new SwapFailedError(
      `Swapping the restored data into the target failed at ${failedAt}: ${errorMessage(cause)}. ${undone}`,
      outcomes,
    );
  }

  /** Drops every collection this run created; returns those that could not be dropped, with why. */
  async #dropCreated(): Promise<Map<string, string>> {
    const kept = new Map<string, string>();
    for (const [name, ns] of this.#created) {
      try {
        await this.#drop(ns);
        this.#created.delete(name);
      } catch (error) {
        kept.set(name, errorMessage(error));
        this.#logger.warn(`could not drop ${name}: ${errorMessage(error)}`);
      }
    }
    return kept;
  }

  async #drop(ns: Namespace): Promise<void> {
    try {
      await this.#client.db(ns.db).command({ drop: ns.collection });
    } catch (error) {
      // Servers before 7.0 answer NamespaceNotFound when there is nothing to drop.
      if ((error as { code?: unknown }).code !== 26) throw error;
    }
  }
}

/** Whether the namespace's data went under a staging name (not straight into the target). */
export function isStaged(planned: PlannedNamespace): boolean {
  return namespaceName(planned.writeTo) !== namespaceName(planned.target);
}

/** The namespaces a plan writes (a refused plan writes nothing). */
function written(plan: RestorePlan): PlannedNamespace[] {
  return plan.namespaces.filter((n) => n.action !== 'refuse');
}

/**
 * A target this run did not change, and, from `kept`, a collection of this run that could not be
 * dropped: a staging collection (the target is still as it was), or a time-series collection the run
 * created where nothing was (it holds part of the restore).
 */
function unchanged(planned: PlannedNamespace, kept: Map<string, string>): TargetOutcome {
  const namespace = namespaceName(planned.target);
  const outcome: TargetOutcome =
    planned.existing.kind === 'absent'
      ? { namespace, state: 'untouched', note: 'absent' }
      : { namespace, state: 'left as it was', note: describeState(planned.existing) };
  const leftover = namespaceName(planned.writeTo);
  const why = kept.get(leftover);
  if (why === undefined) return outcome;
  if (!isStaged(planned)) {
    return {
      namespace,
      state: 'needs attention',
      note: `it was absent and now holds part of the restore, which could not be dropped (${why}): drop it`,
      leftover,
    };
  }
  return {
    ...outcome,
    note: `${outcome.note}; the staging collection ${leftover} could not be dropped (${why}): drop it`,
    leftover,
  };
}

/** A namespace whose swap could not be undone: where its data is, and what to do. */
function stuckOutcome(step: SwapStep, why: string): TargetOutcome {
  const { target } = step.planned;
  const namespace = namespaceName(target);
  const where: string[] = [];
  where.push(step.movedIn ? `${namespace} holds the restored data` : `${namespace} is absent`);
  if (step.aside)
    where.push(`its previous data is in ${target.db}.${step.aside}: rename it back to restore it`);
  if (step.view) where.push(`it was a view, to recreate with ${JSON.stringify(step.view)}`);
  if (!step.aside && !step.view && step.planned.existing.kind === 'absent' && step.movedIn)
    where.push('it did not exist before: drop it if unwanted');
  return { namespace, state: 'needs attention', note: `${where.join('; ')} (undo failed: ${why})` };
}

/** One line per target namespace and its state, under a line that sums them up. */
export function describeOutcomes(outcomes: readonly TargetOutcome[]): string {
  const kept = outcomes.every((o) => o.state === 'untouched' || o.state === 'left as it was');
  const cleaned = outcomes.every((o) => o.leftover === undefined);
  const heading = kept
    ? `Target namespaces (nothing of the target changed${cleaned ? '; the staging collections were removed' : ''}):`
    : 'Target namespaces:';
  return [
    heading,
    ...outcomes.map((o) => `  ${o.namespace}: ${o.state}${o.note ? ` — ${o.note}` : ''}`),
  ].join('\n');
}
