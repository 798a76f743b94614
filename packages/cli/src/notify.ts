import type { Values } from '@shipkit/runtime';
import { TOOL } from '@shipkit/backup';
import {
  type Delivery,
  describeDelivery,
  NOTIFY_ROWS,
  type NotifyEvent,
  Notifier,
  notifyConfig,
} from '@shipkit/notify';
import type { CommandContext } from './command';

/** What a reporting command ends with: its exit code, and the event to send. */
export interface Reported {
  code: number;
  event: NotifyEvent;
}

/**
 * Runs a command that tells receivers its outcome (`--notify`, `--heartbeat`): the heartbeat's start
 * first, then the command, then its event — the failure event when it threw. A notification that is
 * not delivered is a warning on stderr: it never changes the exit code, nor hides the error.
 */
export async function reporting(
  options: Values<typeof NOTIFY_ROWS>,
  context: CommandContext,
  failed: (error: unknown) => NotifyEvent,
  work: () => Promise<Reported>,
): Promise<number> {
  const notifier = new Notifier(
    notifyConfig(options, (secret) => context.redactor.add(secret)),
    { tool: TOOL, redact: (text) => context.redactor.redact(text) },
  );
  if (!notifier.enabled) return (await work()).code;
  warn(context, await notifier.start());
  let outcome: Reported;
  try {
    outcome = await work();
  } catch (error) {
    warn(context, await notifier.finish(failed(error)));
    throw error;
  }
  warn(context, await notifier.finish(outcome.event));
  return outcome.code;
}

function warn(context: CommandContext, deliveries: Delivery[]): void {
  for (const delivery of deliveries) {
    if (delivery.delivered) context.logger.debug(describeDelivery(delivery));
    else context.logger.warn(`notification ${describeDelivery(delivery)}`);
  }
}
