import { TOOL } from '@shipkit/backup';
import { type NOTIFY_ROWS, Notifier, type NotifyEvent, notifyConfig, reportRun } from '@shipkit/notify';
import type { Values } from '@shipkit/runtime';
import type { CommandContext } from './command';

/**
 * Runs a command that tells receivers its outcome (`--notify`, `--heartbeat`): `work` returns its
 * exit code and the event to send; when it throws, the `failed` event is sent and the error goes on
 * to be reported as usual. A notification not delivered is a warning on stderr, never another exit code.
 */
export async function reporting(
  options: Values<typeof NOTIFY_ROWS>,
  context: CommandContext,
  failed: (error: unknown) => NotifyEvent,
  work: () => Promise<{ code: number; event: NotifyEvent }>,
): Promise<number> {
  const notifier = new Notifier(
    notifyConfig(options, (secret) => context.redactor.add(secret)),
    { tool: TOOL, redact: (text) => context.redactor.redact(text) },
  );
  const { value } = await reportRun(notifier, context.logger, failed, async () => {
    const { code, event } = await work();
    return { value: code, event };
  });
  return value;
}
