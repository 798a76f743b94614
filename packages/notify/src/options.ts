import { customRow, durationRow, parseList, textRow, type Values } from '@shipkit/runtime';
import { DEFAULT_REQUEST_TIMEOUT_MS } from './deliver';
import { type HeartbeatTarget, type NotifyTarget, parseHeartbeat, parseTarget } from './targets';

/** The rows every command that reports its outcome takes: backup, verify, restore, check-freshness. */
export const NOTIFY_ROWS = {
  notify: customRow((raw) => parseList(raw).map(parseTarget), {
    description:
      'Where to send the outcome: Slack or Teams incoming-webhook URLs, or any URL for the generic JSON webhook (signed with {notify-secret}); a slack+, teams+ or webhook+ prefix forces the format. Secret: hook URLs carry tokens.',
    default: '',
    secret: true,
    multiple: true,
    env: 'SHIPKIT_NOTIFY',
    placeholder: '<url>',
  }),
  'notify-secret': textRow({
    description:
      'Signs generic webhooks: X-Shipkit-Signature: t=<unix seconds>,v1=<HMAC-SHA256 of "<t>.<body>">. Secret.',
    default: '',
    secret: true,
    env: 'SHIPKIT_NOTIFY_SECRET',
    placeholder: '<secret>',
  }),
  heartbeat: customRow(parseHeartbeat, {
    description:
      "A dead-man's switch (healthchecks.io, Cronitor or Better Stack URL): pinged at <url>/start when the run starts, <url> when it succeeds, <url>/fail when it fails. Secret.",
    default: '',
    secret: true,
    env: 'SHIPKIT_HEARTBEAT',
    placeholder: '<url>',
  }),
  'notify-timeout': durationRow({
    description:
      'How long each notification or heartbeat request may take; a request is tried 3 times in all. One that cannot be delivered is a warning, never a failure of the run.',
    default: `${DEFAULT_REQUEST_TIMEOUT_MS / 1000}s`,
  }),
};

export interface NotifyConfig {
  targets: NotifyTarget[];
  secret?: string;
  heartbeat?: HeartbeatTarget;
  requestTimeoutMs: number;
}

/**
 * The typed settings from the parsed rows. Each URL is handed to `addSecret` as it will be sent
 * (without its format prefix), so no spelling of it can be printed.
 */
export function notifyConfig(
  values: Values<typeof NOTIFY_ROWS>,
  addSecret: (secret: string) => void,
): NotifyConfig {
  const targets = values.notify ?? [];
  for (const target of targets) addSecret(target.url);
  const heartbeat = values.heartbeat;
  if (heartbeat) addSecret(heartbeat.url);
  const secret = values['notify-secret'];
  return {
    targets,
    ...(secret ? { secret } : {}),
    ...(heartbeat ? { heartbeat } : {}),
    requestTimeoutMs: values['notify-timeout'],
  };
}
