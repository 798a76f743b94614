import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, test } from '@jest/globals';
import { HookReceiver } from '../../../test/fakes/hooks';
import {
  deliver,
  heartbeatRequest,
  Notifier,
  type NotifyEvent,
  notificationJsonSchema,
  notificationSchema,
  notifyConfig,
  parseHeartbeat,
  parseTarget,
  slackBody,
  teamsBody,
  webhookBody,
} from '../src';

const TOOL = { name: 'mongo-shipkit', version: '0.1.0' };
const noWait = async () => {};
const receivers: HookReceiver[] = [];
async function receiver(...args: Parameters<typeof HookReceiver.start>): Promise<HookReceiver> {
  const started = await HookReceiver.start(...args);
  receivers.push(started);
  return started;
}
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.stop()));
});

const FAILED: NotifyEvent = {
  event: 'backup.failed',
  at: '2026-12-07T03:17:00.000Z',
  summary: 'backup to s3://acme/shop failed',
  destination: 's3://acme/shop',
  durationSeconds: 12,
  failure: 'The source did not answer within 30s.',
};

describe('targets', () => {
  test('the format follows the host, and a prefix overrides it', () => {
    expect(parseTarget('https://hooks.slack.com/services/T0/B0/xyz').format).toBe('slack');
    expect(parseTarget('https://acme.webhook.office.com/webhookb2/abc').format).toBe('teams');
    expect(
      parseTarget('https://prod-12.westeurope.logic.azure.com/workflows/abc/triggers/manual').format,
    ).toBe('teams');
    expect(parseTarget('https://alerts.example.com/hook').format).toBe('webhook');
    const forced = parseTarget('slack+http://127.0.0.1:9/x');
    expect(forced).toMatchObject({ format: 'slack', url: 'http://127.0.0.1:9/x' });
    expect(forced.label).toBe('slack (127.0.0.1:9)');
  });

  test('a bad URL is refused without repeating it', () => {
    expect(() => parseTarget('hooks.slack.com/services/SECRET')).toThrow(/not a URL/);
    expect(() => parseTarget('hooks.slack.com/services/SECRET')).not.toThrow(/SECRET/);
    expect(() => parseTarget('ftp://example.com/x')).toThrow(/http\(s\)/);
  });

  test('every URL is handed over as a secret, as it will be sent', () => {
    const secrets: string[] = [];
    notifyConfig(
      {
        notify: [parseTarget('teams+https://example.com/t?sig=abc')],
        'notify-secret': 's3cret',
        heartbeat: parseHeartbeat('https://hc-ping.com/uuid'),
        'notify-timeout': 1000,
      },
      (s) => secrets.push(s),
    );
    expect(secrets).toEqual(['https://example.com/t?sig=abc', 'https://hc-ping.com/uuid']);
  });
});

describe('payloads', () => {
  test('the generic body follows docs/schema/notification.schema.json, which is up to date', () => {
    const body = JSON.parse(webhookBody(FAILED, TOOL));
    expect(notificationSchema.safeParse(body).success).toBe(true);
    const published = JSON.parse(
      readFileSync(new URL('../../../docs/schema/notification.schema.json', import.meta.url), 'utf8'),
    );
    expect(published).toEqual(notificationJsonSchema());
  });

  test('Slack: text as the fallback, blocks with a header, the summary and mrkdwn fields', () => {
    const body = JSON.parse(slackBody(FAILED));
    expect(body.text).toContain('backup.failed');
    expect(body.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: expect.any(String) },
    });
    expect(body.blocks[1]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: FAILED.summary } });
    expect(body.blocks[2].fields).toContainEqual({
      type: 'mrkdwn',
      text: `*What failed*\n${FAILED.failure}`,
    });
  });

  test('Teams: a message with one Adaptive Card attachment', () => {
    const body = JSON.parse(teamsBody(FAILED));
    expect(body.type).toBe('message');
    expect(body.attachments).toHaveLength(1);
    const [attachment] = body.attachments;
    expect(attachment.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(attachment.content).toMatchObject({ type: 'AdaptiveCard', version: '1.4' });
    expect(attachment.content.body[1]).toEqual({ type: 'TextBlock', text: FAILED.summary, wrap: true });
    expect(attachment.content.body[2].facts).toContainEqual({ title: 'What failed', value: FAILED.failure });
  });

  test('heartbeat: healthchecks suffixes, or Cronitor states', () => {
    const hc = parseHeartbeat('https://hc-ping.com/abc/');
    expect(heartbeatRequest(hc, 'start').url).toBe('https://hc-ping.com/abc/start');
    expect(heartbeatRequest(hc, 'success').url).toBe('https://hc-ping.com/abc/');
    expect(heartbeatRequest(hc, 'fail', 'what').url).toBe('https://hc-ping.com/abc/fail');
    expect(heartbeatRequest(hc, 'fail', 'what').body).toBe('what');
    const cronitor = parseHeartbeat('https://cronitor.link/p/key/nightly');
    expect(heartbeatRequest(cronitor, 'start').url).toBe('https://cronitor.link/p/key/nightly?state=run');
    expect(heartbeatRequest(cronitor, 'fail', 'x').url).toBe(
      'https://cronitor.link/p/key/nightly?state=fail&message=x',
    );
  });
});

describe('delivery', () => {
  test('a generic webhook is signed: an independent HMAC over "<t>.<body>" matches', async () => {
    const hook = await receiver();
    const notifier = new Notifier(
      { targets: [parseTarget(`${hook.url}/hook`)], secret: 'whsec_test', requestTimeoutMs: 2000 },
      { tool: TOOL, now: () => new Date('2026-12-07T03:17:00Z') },
    );
    const [outcome] = await notifier.finish(FAILED);
    expect(outcome).toMatchObject({ delivered: true, attempts: 1, status: 200 });
    const [request] = hook.requests;
    const header = String(request?.headers['x-shipkit-signature']);
    const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
    expect(match?.[1]).toBe(String(Date.parse('2026-12-07T03:17:00Z') / 1000));
    const expected = createHmac('sha256', 'whsec_test')
      .update(`${match?.[1]}.${request?.body}`)
      .digest('hex');
    expect(match?.[2]).toBe(expected);
    const body = JSON.parse(request?.body ?? '');
    expect(body).toMatchObject({
      version: 1,
      event: 'backup.failed',
      destination: 's3://acme/shop',
      tool: TOOL,
    });
    expect(request?.body).not.toContain('whsec_test');
  });

  test('a 500 then a 200: one retry, delivered', async () => {
    const hook = await receiver((n) => (n === 1 ? 500 : 200));
    const waits: number[] = [];
    const outcome = await deliver(
      { url: hook.url, label: 'webhook', method: 'POST', headers: {}, body: '{}' },
      'backup.failed',
      { sleep: async (ms) => void waits.push(ms) },
    );
    expect(outcome).toMatchObject({ delivered: true, attempts: 2, status: 200 });
    expect(waits).toEqual([1000]);
    expect(hook.requests).toHaveLength(2);
  });

  test('500 for ever: bounded tries with a growing backoff, then an outcome, not a throw', async () => {
    const hook = await receiver(() => 500);
    const waits: number[] = [];
    const outcome = await deliver(
      {
        url: `${hook.url}/x?token=tok123`,
        label: 'webhook (127.0.0.1)',
        method: 'POST',
        headers: {},
        body: '{}',
      },
      'backup.succeeded',
      { sleep: async (ms) => void waits.push(ms) },
    );
    expect(outcome).toMatchObject({ delivered: false, attempts: 3, status: 500 });
    expect(outcome.error).toBe('answered HTTP 500 (after 3 tries)');
    expect(waits).toEqual([1000, 2000]);
    expect(JSON.stringify(outcome)).not.toContain('tok123');
  });

  test('a 4xx is final: no retry', async () => {
    const hook = await receiver(() => 404);
    const outcome = await deliver({ url: hook.url, label: 'w', method: 'POST', headers: {} }, 'e', {
      sleep: noWait,
    });
    expect(outcome).toMatchObject({ delivered: false, attempts: 1, status: 404 });
  });

  test('a receiver that never answers is abandoned at the per-request deadline', async () => {
    const hook = await receiver(() => 'hang');
    const started = Date.now();
    const outcome = await deliver({ url: hook.url, label: 'w', method: 'POST', headers: {} }, 'e', {
      requestTimeoutMs: 200,
      sleep: noWait,
    });
    expect(outcome).toMatchObject({
      delivered: false,
      attempts: 3,
      error: 'no answer within 0s (after 3 tries)',
    });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  test('nobody listening: a connection error, retried, reported', async () => {
    const closed = await HookReceiver.start();
    await closed.stop();
    const outcome = await deliver({ url: closed.url, label: 'w', method: 'POST', headers: {} }, 'e', {
      sleep: noWait,
    });
    expect(outcome.delivered).toBe(false);
    expect(outcome.error).toMatch(/could not connect \(ECONNREFUSED\) \(after 3 tries\)/);
  });

  test('heartbeat: /start, then success or /fail with what failed; secrets redacted from bodies', async () => {
    const hook = await receiver();
    const notifier = new Notifier(
      {
        targets: [parseTarget(`slack+${hook.url}/slack`)],
        heartbeat: parseHeartbeat(`${hook.url}/ping/abc`),
        requestTimeoutMs: 2000,
      },
      { tool: TOOL, redact: (t) => t.replaceAll('hunter2', '***') },
    );
    await notifier.start();
    await notifier.finish({ ...FAILED, failure: 'auth failed for password hunter2' });
    await notifier.finish({
      ...FAILED,
      event: 'backup.succeeded',
      failure: undefined,
    } as unknown as NotifyEvent);
    expect(hook.to('/ping/abc/start')).toHaveLength(1);
    const [fail] = hook.to('/ping/abc/fail');
    expect(fail?.body).toContain('auth failed for password ***');
    expect(hook.requests.filter((r) => r.path === '/ping/abc')).toHaveLength(1);
    for (const r of hook.requests) expect(r.body).not.toContain('hunter2');
    expect(JSON.parse(hook.to('/slack')[0]?.body ?? '').blocks).toBeDefined();
  });
});
