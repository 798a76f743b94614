import { ref, say } from '@shipkit/runtime';
import { type RenderApi, startDeployOnce } from './client';
import {
  DEFAULT_RETRY,
  type HttpDeps,
  RenderApiError,
  type RetryPolicy,
  realHttpDeps,
  renderMessage,
  sendWithRetry,
} from './http';

export interface DeployHookOptions {
  /** For image-backed services: the image to deploy, sent as `imgURL`. */
  imageUrl?: string;
  /**
   * With an API key: where to find the deploy when the hook's answer is lost (a 5xx, a timeout), so that
   * it is adopted rather than the hook fired twice. A hook cannot be looked up by itself: the service's
   * deploys triggered by a deploy hook since the request are listed instead.
   */
  reconcileWith?: { api: Pick<RenderApi, 'listDeploys'>; serviceId: string };
  retry?: Partial<RetryPolicy>;
}

/**
 * A deploy hook URL (the option `deploy-hook-url`), checked; the message never repeats the URL,
 * which holds a secret key.
 */
export function parseHookUrl(hookUrl: string): URL {
  let url: URL;
  try {
    url = new URL(hookUrl);
  } catch {
    throw new RenderApiError(
      "is not a URL; copy it from the service's Settings → Deploy Hook (https://api.render.com/deploy/srv-…?key=…).",
      undefined,
      undefined,
      HOOK_OPTION,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new RenderApiError(
      `must be an https:// URL, got a ${url.protocol} URL.`,
      undefined,
      undefined,
      HOOK_OPTION,
    );
  }
  return url;
}

const HOOK_OPTION = 'deploy-hook-url';

/** The service id in a hook URL's path (`/deploy/srv-…`), so a hook plus an API key needs no `service-id`. */
export function serviceIdFromHookUrl(hookUrl: string): string | undefined {
  try {
    return /\/deploy\/((?:srv|crn)-[A-Za-z0-9]+)\/?$/.exec(new URL(hookUrl).pathname)?.[1];
  } catch {
    return undefined;
  }
}

/**
 * Triggers a deploy through a deploy hook. Render answers `{"deploy": {"id": …}}` today, but that is
 * not a documented contract, so the id is returned only when present.
 */
export async function triggerDeployHook(
  hookUrl: string,
  options: DeployHookOptions = {},
  deps: Partial<HttpDeps> = {},
): Promise<{ deployId?: string }> {
  const url = parseHookUrl(hookUrl);
  if (options.imageUrl) url.searchParams.set('imgURL', options.imageUrl);
  const http = { ...realHttpDeps(), ...deps };
  const what = 'trigger the deploy hook';
  const { reconcileWith, imageUrl } = options;
  return startDeployOnce({
    what,
    policy: { ...DEFAULT_RETRY, ...options.retry },
    deps: http,
    send: async (policy) => {
      const response = await sendWithRetry(
        { url: url.href, method: 'POST', headers: { accept: 'application/json' }, what },
        http,
        policy,
      );
      return hookAnswer(response);
    },
    adopt: (deploy) => ({ deployId: deploy.id }),
    ...(reconcileWith
      ? {
          reconcile: {
            ...reconcileWith,
            match: { trigger: 'deploy_hook', ...(imageUrl ? { imageUrl } : {}) },
          },
        }
      : {}),
    unreconcilableHint: '; with an API key and the service id the deploy it started is looked up instead',
  });
}

function hookAnswer(response: { status: number; text: string; attempts: number }): { deployId?: string } {
  if (response.status >= 200 && response.status < 300) {
    return deployIdOf(response.text);
  }
  const { message } = renderMessage(response.text);
  const said = message ? `: ${message}` : '';
  if (response.status === 404 || response.status === 401 || response.status === 403) {
    throw new RenderApiError(
      say`Render did not accept the deploy hook (HTTP ${response.status})${said}. Check ${ref(HOOK_OPTION)}: copy it again from the service's Settings → Deploy Hook (regenerating the hook invalidates the old URL).`,
      response.status,
    );
  }
  throw new RenderApiError(
    `Render could not trigger the deploy hook (HTTP ${response.status} after ${response.attempts} attempts)${said}.`,
    response.status,
  );
}

function deployIdOf(text: string): { deployId?: string } {
  try {
    const id = (JSON.parse(text) as { deploy?: { id?: unknown } }).deploy?.id;
    return typeof id === 'string' && id ? { deployId: id } : {};
  } catch {
    return {};
  }
}
