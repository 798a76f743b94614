import { createHmac } from 'node:crypto';
import { formatBytes, formatCount } from '@shipkit/runtime';
import { isAlarm, type NotifyEvent } from './events';
import type { HeartbeatTarget, NotifyTarget } from './targets';

/** One HTTP request to send: built here (pure), sent by `deliver`. */
export interface OutgoingRequest {
  /** Secret: never logged. */
  url: string;
  /** How logs and summaries name the receiver. */
  label: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
}

/** The version of the generic webhook body (docs/schema/notification.schema.json). */
export const NOTIFICATION_VERSION = 1;

export const SIGNATURE_HEADER = 'X-Shipkit-Signature';

/** The generic JSON webhook body: the event itself, versioned. */
export function webhookBody(event: NotifyEvent, tool: { name: string; version: string }): string {
  return JSON.stringify({ version: NOTIFICATION_VERSION, ...event, tool });
}

/**
 * `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`: the receiver recomputes it with the
 * shared secret and refuses a stale `t`, so a captured request cannot be replayed later.
 */
export function signature(body: string, secret: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  const v1 = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  return `t=${t},v1=${v1}`;
}

/** The figures worth a line in a chat message, as label/value pairs. */
export function facts(event: NotifyEvent): [string, string][] {
  const rows: [string, string][] = [];
  if (event.backupId) rows.push(['Backup', event.backupId]);
  if (event.destination) rows.push(['Destination', event.destination]);
  if (event.documents !== undefined) rows.push(['Documents', formatCount(event.documents)]);
  if (event.bytes !== undefined) rows.push(['Stored', formatBytes(event.bytes)]);
  if (event.durationSeconds !== undefined) rows.push(['Duration', `${event.durationSeconds}s`]);
  for (const a of event.anomalies ?? []) {
    rows.push([a.namespace, `${formatCount(a.before)} → ${formatCount(a.after)} documents`]);
  }
  if (event.failure) rows.push(['What failed', event.failure]);
  return rows;
}

function title(event: NotifyEvent): string {
  return `${isAlarm(event.event) ? '🔴' : '✅'} mongo-shipkit ${event.event}`;
}

/**
 * A Slack incoming-webhook message: `text` is the notification's fallback, `blocks` the message
 * (a header, the summary, then the figures as mrkdwn fields of at most 10 per section).
 */
export function slackBody(event: NotifyEvent): string {
  const fields = facts(event).map(([label, value]) => ({
    type: 'mrkdwn',
    text: `*${slackEscape(label)}*\n${slackEscape(value)}`,
  }));
  const blocks: unknown[] = [
    { type: 'header', text: { type: 'plain_text', text: title(event).slice(0, 150) } },
    { type: 'section', text: { type: 'mrkdwn', text: slackEscape(event.summary) } },
  ];
  for (let i = 0; i < fields.length; i += 10)
    blocks.push({ type: 'section', fields: fields.slice(i, i + 10) });
  return JSON.stringify({ text: `${title(event)}: ${event.summary}`, blocks });
}

/** Slack's three control characters in mrkdwn. */
function slackEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A Teams message carrying one Adaptive Card, the shape both Teams incoming webhooks and the
 * Workflows "post to a channel when a webhook request is received" trigger accept.
 */
export function teamsBody(event: NotifyEvent): string {
  return JSON.stringify({
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body: [
            {
              type: 'TextBlock',
              text: title(event),
              weight: 'Bolder',
              size: 'Medium',
              wrap: true,
              ...(isAlarm(event.event) ? { color: 'Attention' } : {}),
            },
            { type: 'TextBlock', text: event.summary, wrap: true },
            { type: 'FactSet', facts: facts(event).map(([label, value]) => ({ title: label, value })) },
          ],
        },
      },
    ],
  });
}

/** The request one notification URL receives for `event`, signed when a secret is given. */
export function notificationRequest(
  target: NotifyTarget,
  event: NotifyEvent,
  options: { secret?: string; tool: { name: string; version: string }; now: Date },
): OutgoingRequest {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  let body: string;
  if (target.format === 'slack') body = slackBody(event);
  else if (target.format === 'teams') body = teamsBody(event);
  else {
    body = webhookBody(event, options.tool);
    headers['user-agent'] = `${options.tool.name}/${options.tool.version}`;
    if (options.secret) headers[SIGNATURE_HEADER] = signature(body, options.secret, options.now);
  }
  return { url: target.url, label: target.label, method: 'POST', headers, body };
}

export type HeartbeatSignal = 'start' | 'success' | 'fail';

/**
 * The healthchecks.io convention: `<url>/start` when the run starts, `<url>` when it succeeds,
 * `<url>/fail` when it fails, with a short plain-text body saying what happened (Better Stack
 * heartbeats take the same suffixes). Cronitor telemetry URLs (cronitor.link) say it with
 * `?state=run|complete|fail` and a `message` parameter instead.
 */
export function heartbeatRequest(
  target: HeartbeatTarget,
  signal: HeartbeatSignal,
  text = '',
): OutgoingRequest {
  const url = new URL(target.url);
  const message = text.slice(0, 1000);
  if (url.hostname === 'cronitor.link' || url.hostname.endsWith('.cronitor.link')) {
    url.searchParams.set('state', { start: 'run', success: 'complete', fail: 'fail' }[signal]);
    if (message) url.searchParams.set('message', message.slice(0, 500));
    return { url: url.toString(), label: target.label, method: 'GET', headers: {} };
  }
  if (signal !== 'success') url.pathname = `${url.pathname.replace(/\/+$/, '')}/${signal}`;
  return {
    url: url.toString(),
    label: target.label,
    method: 'POST',
    headers: { 'content-type': 'text/plain; charset=utf-8' },
    body: message,
  };
}
