import { type Logger, table } from '@shipkit/runtime';
import { type Delivery, type DeliveryOptions, deliver } from './deliver';
import { isAlarm, type NotifyEvent } from './events';
import type { NotifyConfig } from './options';
import { heartbeatRequest, notificationRequest, type OutgoingRequest } from './payloads';

export interface NotifierDeps {
  tool: { name: string; version: string };
  now?: () => Date;
  /** Removes any secret from a body before it is sent (belt and braces: events hold none). */
  redact?: (text: string) => string;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Tells the receivers a run's outcome: the heartbeat when the run starts, then the event to every
 * notification URL and the heartbeat's success or fail when it ends. Never throws; each request's
 * outcome is returned so the edge can warn about the ones not delivered.
 */
export class Notifier {
  constructor(
    private readonly config: NotifyConfig,
    private readonly deps: NotifierDeps,
  ) {}

  get enabled(): boolean {
    return this.config.targets.length > 0 || this.config.heartbeat !== undefined;
  }

  async start(): Promise<Delivery[]> {
    const { heartbeat } = this.config;
    if (!heartbeat) return [];
    return [await this.send(heartbeatRequest(heartbeat, 'start'), 'heartbeat start')];
  }

  async finish(event: NotifyEvent): Promise<Delivery[]> {
    const redact = this.deps.redact ?? ((text: string) => text);
    const now = this.deps.now?.() ?? new Date();
    const clean: NotifyEvent = JSON.parse(redact(JSON.stringify(event)));
    // A fresh backup every day is no news for a channel: only the heartbeat hears of it.
    const targets = clean.event === 'freshness.ok' ? [] : this.config.targets;
    const requests: [OutgoingRequest, string][] = targets.map((target) => [
      notificationRequest(target, clean, {
        ...(this.config.secret ? { secret: this.config.secret } : {}),
        tool: this.deps.tool,
        now,
      }),
      clean.event,
    ]);
    const { heartbeat } = this.config;
    if (heartbeat) {
      const signal = isAlarm(clean.event) ? 'fail' : 'success';
      const text = [clean.summary, clean.failure].filter(Boolean).join('\n');
      requests.push([heartbeatRequest(heartbeat, signal, text), `heartbeat ${signal}`]);
    }
    return Promise.all(requests.map(([request, what]) => this.send(request, what)));
  }

  private send(request: OutgoingRequest, what: string): Promise<Delivery> {
    const options: DeliveryOptions = {
      requestTimeoutMs: this.config.requestTimeoutMs,
      ...(this.deps.fetch ? { fetch: this.deps.fetch } : {}),
      ...(this.deps.sleep ? { sleep: this.deps.sleep } : {}),
    };
    return deliver(request, what, options);
  }
}

/** "slack (hooks.slack.com): backup.failed not delivered: answered HTTP 500 (after 3 tries)" */
export function describeDelivery(delivery: Delivery): string {
  return delivery.delivered
    ? `${delivery.label}: ${delivery.what} delivered`
    : `${delivery.label}: ${delivery.what} not delivered: ${delivery.error ?? 'failed'}`;
}

/** What a reporting run ends with: its own result, and the event to send. */
export interface Reported<T> {
  value: T;
  event: NotifyEvent;
}

/**
 * Runs `work` between the heartbeat's start and the event it ends with — the `failed` event when it
 * throws, and then the error is thrown on. Deliveries that failed are warnings on `logger`, never a
 * failure: the run's own result or error is what the caller gets, with every delivery's outcome.
 */
export async function reportRun<T>(
  notifier: Notifier,
  logger: Logger,
  failed: (error: unknown) => NotifyEvent,
  work: () => Promise<Reported<T>>,
): Promise<{ value: T; deliveries: Delivery[] }> {
  if (!notifier.enabled) return { value: (await work()).value, deliveries: [] };
  const deliveries = warnAbout(logger, await notifier.start());
  let outcome: Reported<T>;
  try {
    outcome = await work();
  } catch (error) {
    warnAbout(logger, await notifier.finish(failed(error)));
    throw error;
  }
  deliveries.push(...warnAbout(logger, await notifier.finish(outcome.event)));
  return { value: outcome.value, deliveries };
}

function warnAbout(logger: Logger, deliveries: Delivery[]): Delivery[] {
  for (const delivery of deliveries) {
    if (delivery.delivered) logger.debug(describeDelivery(delivery));
    else logger.warn(`notification ${describeDelivery(delivery)}`);
  }
  return deliveries;
}

/** The job summary's rows about notifications: one per request, delivered or not. */
export function deliveriesMarkdown(deliveries: Delivery[]): string | undefined {
  if (deliveries.length === 0) return undefined;
  const rows = deliveries.map((d) => [
    d.label,
    d.what,
    d.delivered ? 'delivered' : `**not delivered**: ${d.error ?? 'failed'}`,
    d.attempts,
  ]);
  return `#### Notifications\n\n${table(['receiver', 'sent', 'outcome', 'tries'], rows, ['l', 'l', 'l', 'r'])}`;
}
