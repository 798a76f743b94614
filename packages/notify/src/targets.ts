import { InvalidValue } from '@shipkit/runtime';

/** The payload a notification URL receives. */
export type TargetFormat = 'slack' | 'teams' | 'webhook';

export interface NotifyTarget {
  format: TargetFormat;
  /** The URL requests go to (any `slack+` / `teams+` / `webhook+` prefix removed). Secret. */
  url: string;
  /** How logs and summaries name it: the format and host only, never the path or query (they hold tokens). */
  label: string;
}

const PREFIX = /^(slack|teams|webhook)\+(https?:\/\/.*)$/i;

/** Hosts of Teams incoming webhooks (Office 365 connectors) and of Workflows (Power Automate) triggers. */
const TEAMS_HOSTS = [
  /(^|\.)webhook\.office\.com$/,
  /^outlook\.office(365)?\.com$/,
  /(^|\.)logic\.azure\.com$/,
  /(^|\.)powerautomate\.com$/,
  /(^|\.)powerplatform\.com$/,
  /^flow\.microsoft\.com$/,
];

/**
 * Where a notification goes, and in which format: chosen by the host (hooks.slack.com is Slack; Teams
 * webhook and Workflows hosts are Teams; anything else gets the generic JSON webhook), unless a prefix
 * says it (`slack+https://…`, `teams+https://…`, `webhook+https://…`). Errors never repeat the URL.
 */
export function parseTarget(text: string): NotifyTarget {
  const trimmed = text.trim();
  const prefixed = PREFIX.exec(trimmed);
  const raw = targetAddress(trimmed);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new InvalidValue(
      'must be http(s) URLs (optionally prefixed slack+, teams+ or webhook+), got something that is not a URL.',
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InvalidValue(`must be http(s) URLs, got a ${url.protocol} URL.`);
  }
  const format = prefixed ? (prefixed[1]?.toLowerCase() as TargetFormat) : detectFormat(url.hostname);
  return { format, url: url.toString(), label: `${format} (${url.host})` };
}

/** The URL a target sends to: its text without a `slack+` / `teams+` / `webhook+` format prefix. */
export function targetAddress(text: string): string {
  const trimmed = text.trim();
  return PREFIX.exec(trimmed)?.[2] ?? trimmed;
}

function detectFormat(host: string): TargetFormat {
  if (host === 'hooks.slack.com') return 'slack';
  if (TEAMS_HOSTS.some((pattern) => pattern.test(host))) return 'teams';
  return 'webhook';
}

/** A heartbeat (dead-man's switch) URL: healthchecks.io, Cronitor or Better Stack style. */
export interface HeartbeatTarget {
  url: string;
  label: string;
}

export function parseHeartbeat(text: string): HeartbeatTarget {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new InvalidValue('must be an http(s) URL, got something that is not a URL.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InvalidValue(`must be an http(s) URL, got a ${url.protocol} URL.`);
  }
  return { url: url.toString(), label: `heartbeat (${url.host})` };
}
