import { describe, expect, it } from '@jest/globals';
import { OptionError, parseTable, type Table, type Vocabulary } from '@shipkit/runtime';
import { DEPLOY_ACTION_ROWS, DEPLOY_ROWS, type DeployValues, deployOptions } from '../src/options';

const KEY = 'rnd_abcdefghijklmnop';
const HOOK = 'https://api.render.com/deploy/srv-d0hook123?key=s3cr3tk3y';
const ACTION = { ...DEPLOY_ROWS, ...DEPLOY_ACTION_ROWS };

/** How an action names its inputs (as @shipkit/action-kit does). */
const inputs: Vocabulary = { subject: (key) => `Input '${key}'`, reference: (key) => `'${key}'` };

/** The deploy options of a table, as an edge parses them; errors in `vocabulary`'s words. */
function parseWith(table: Table, given: Record<string, string>, vocabulary = inputs) {
  try {
    return deployOptions(parseTable(table, { read: (key) => given[key] }) as DeployValues);
  } catch (error) {
    throw error instanceof OptionError ? new Error(error.render(vocabulary)) : error;
  }
}

const parseInputs = (given: Record<string, string>) => parseWith(ACTION, given);

describe('deployOptions', () => {
  it('parses an API deploy with every option', () => {
    const inputs = parseInputs({
      'service-id': 'srv-d0abc123',
      'api-key': KEY,
      commit: 'abc1234',
      'clear-cache': 'true',
      'deploy-mode': 'build_and_deploy',
      timeout: '45m',
      'poll-interval': '50ms',
      'superseded-outcome': 'success',
      'rollback-on-failure': 'true',
      'allow-auto-deploy': 'true',
      'cancel-on-timeout': 'True',
      'cancel-on-workflow-cancel': 'TRUE',
      'health-check-url': 'https://shop.example/healthz',
      'health-check-timeout': '90s',
      'github-deployment': 'true',
      'github-token': 'ghs_x',
      environment: 'staging',
    });
    expect(inputs).toEqual({
      flow: {
        serviceId: 'srv-d0abc123',
        trigger: { kind: 'api', commitId: 'abc1234', clearCache: true, deployMode: 'build_and_deploy' },
        wait: true,
        timeoutMs: 45 * 60_000,
        pollIntervalMs: 50,
        supersededOutcome: 'success',
        cancelOnTimeout: true,
        rollbackOnFailure: true,
        allowAutoDeploy: true,
        healthCheck: { url: 'https://shop.example/healthz', timeoutMs: 90_000 },
      },
      apiKey: KEY,
      apiBaseUrl: 'https://api.render.com/v1',
      cancelOnWorkflowCancel: true,
      githubDeployment: { token: 'ghs_x', environment: 'staging' },
      commit: 'abc1234',
    });
  });

  it('takes the service id from the deploy hook URL', () => {
    const { flow } = parseInputs({ 'deploy-hook-url': HOOK, 'api-key': KEY, 'image-url': 'ghcr.io/a/b:1' });
    expect(flow.serviceId).toBe('srv-d0hook123');
    expect(flow.trigger).toEqual({ kind: 'hook', hookUrl: HOOK, imageUrl: 'ghcr.io/a/b:1' });
  });

  it.each([
    [{}, "Give 'api-key' (with 'service-id') to deploy through the Render API, or 'deploy-hook-url'."],
    [{ 'api-key': KEY }, "Input 'service-id' is required with 'api-key'"],
    [{ 'api-key': KEY, 'service-id': 'shop-web' }, "Input 'service-id' must be a Render service id such as"],
    [
      { 'deploy-hook-url': HOOK, commit: 'abc' },
      "Input 'commit' needs the API trigger, but 'deploy-hook-url' is set",
    ],
    [
      { 'api-key': KEY, 'service-id': 'srv-a1', 'deploy-mode': 'deploy_only', commit: 'abc' },
      "Input 'deploy-mode' deploy_only redeploys the last build",
    ],
    [
      { 'api-key': KEY, 'service-id': 'srv-a1', 'deploy-mode': 'rebuild' },
      "Input 'deploy-mode' must be one of",
    ],
    [
      { 'deploy-hook-url': HOOK, 'rollback-on-failure': 'true' },
      "Input 'rollback-on-failure' needs 'api-key'",
    ],
    [
      { 'api-key': KEY, 'service-id': 'srv-a1', wait: 'false', 'health-check-url': 'https://x.example' },
      "Input 'health-check-url' needs 'wait'.",
    ],
    [
      { 'api-key': KEY, 'service-id': 'srv-a1', 'github-deployment': 'true' },
      "Input 'github-deployment' needs 'github-token'",
    ],
    [
      { 'api-key': KEY, 'service-id': 'srv-a1', wait: 'yes' },
      "Input 'wait' must be a boolean (true or false), got 'yes'.",
    ],
    [{ 'api-key': KEY, 'service-id': 'srv-a1', timeout: '30' }, "Input 'timeout' must be a duration"],
    [
      { 'api-key': KEY, 'service-id': 'srv-a1', 'superseded-outcome': 'ignore' },
      "Input 'superseded-outcome' must be one of 'auto', 'success', 'failure'",
    ],
    [{ 'deploy-hook-url': 'not a url?key=zzz' }, "Input 'deploy-hook-url' is not a URL"],
  ])('refuses %j', (inputs, message) => {
    expect(() => parseInputs(inputs as Record<string, string>)).toThrow(message);
  });

  it('names options in the words of the edge that renders the error', () => {
    const flags: Vocabulary = {
      subject: (key) => (key === 'api-key' ? 'RENDER_API_KEY' : `--${key}`),
      reference: (key) => (key === 'api-key' ? 'RENDER_API_KEY' : `--${key}`),
    };
    expect(() => parseWith(ACTION, { 'api-key': KEY }, flags)).toThrow(
      '--service-id is required with RENDER_API_KEY (unless --deploy-hook-url names the service).',
    );
  });

  it('lets a table change a default, as the CLI does for wait', () => {
    const given = { 'api-key': KEY, 'service-id': 'srv-a1' };
    const cli = { ...DEPLOY_ROWS, wait: { ...DEPLOY_ROWS.wait, default: 'false' } };
    expect(parseWith(cli, given).flow.wait).toBe(false);
    expect(parseWith(ACTION, given).flow.wait).toBe(true);
  });

  it('never repeats the hook URL in an error', () => {
    let message = '';
    try {
      parseInputs({ 'deploy-hook-url': 'ftp://api.render.com/deploy/srv-a?key=s3cr3tk3y' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("Input 'deploy-hook-url' must be an https:// URL");
    expect(message).not.toContain('s3cr3tk3y');
  });
});
