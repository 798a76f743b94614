import { UserError } from '@shipkit/runtime';
import sodium from 'libsodium-wrappers';

export const DEFAULT_GITHUB_API_URL = 'https://api.github.com';

/** A GitHub API call that has not answered in this long is given up: nothing may wait for ever. */
const REQUEST_TIMEOUT_MS = 30_000;

export interface GitHubOptions {
  /** owner/name */
  repository: string;
  token: string;
  apiUrl?: string;
  fetch?: typeof fetch;
}

export interface RepositoryPublicKey {
  keyId: string;
  /** base64 X25519 public key */
  key: string;
}

/** A libsodium sealed box of `value` to the repository's public key, base64: what GitHub expects. */
export async function sealSecret(value: string, publicKeyBase64: string): Promise<string> {
  await sodium.ready;
  const publicKey = sodium.from_base64(publicKeyBase64, sodium.base64_variants.ORIGINAL);
  const sealed = sodium.crypto_box_seal(sodium.from_string(value), publicKey);
  return sodium.to_base64(sealed, sodium.base64_variants.ORIGINAL);
}

/**
 * The few GitHub REST calls init-client makes: Actions secrets (sealed to the repository's key),
 * Actions variables and deployment environments. Errors say what the token lacks, never its value.
 */
export class GitHubRepositoryClient {
  private readonly apiUrl: string;
  private readonly fetch: typeof fetch;
  private publicKey: RepositoryPublicKey | undefined;

  constructor(private readonly options: GitHubOptions) {
    this.apiUrl = (options.apiUrl ?? DEFAULT_GITHUB_API_URL).replace(/\/+$/, '');
    this.fetch = options.fetch ?? globalThis.fetch;
  }

  private path(suffix: string): string {
    const [owner, name] = this.options.repository.split('/') as [string, string];
    return `/repos/${encodeURIComponent(owner)}/${encodeURIComponent(name)}${suffix}`;
  }

  private async request(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; json: unknown }> {
    let response: Response;
    try {
      response = await this.fetch(`${this.apiUrl}${path}`, {
        method,
        headers: {
          accept: 'application/vnd.github+json',
          authorization: `Bearer ${this.options.token}`,
          'user-agent': 'shipkit-init-client',
          'x-github-api-version': '2022-11-28',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      const reason =
        (error as { name?: unknown }).name === 'TimeoutError'
          ? `no answer within ${REQUEST_TIMEOUT_MS / 1000}s`
          : String(error);
      throw new UserError(`Could not reach the GitHub API at ${this.apiUrl} (GITHUB_API_URL): ${reason}`);
    }
    const text = await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: response.status, json };
  }

  private fail(what: string, status: number, json: unknown, permission: string): never {
    const message = (json as { message?: unknown } | undefined)?.message;
    const detail = typeof message === 'string' ? `: ${message}` : '';
    const hint =
      status === 401
        ? ' GITHUB_TOKEN was refused: check that it is valid and not expired.'
        : status === 403
          ? ` GITHUB_TOKEN lacks the permission: it needs ${permission} on ${this.options.repository}.`
          : status === 404
            ? ` Either ${this.options.repository} does not exist or GITHUB_TOKEN cannot see it (it needs ${permission}).`
            : '';
    throw new UserError(`GitHub refused to ${what} (HTTP ${status}${detail}).${hint}`);
  }

  async repositoryPublicKey(): Promise<RepositoryPublicKey> {
    if (this.publicKey) return this.publicKey;
    const { status, json } = await this.request('GET', this.path('/actions/secrets/public-key'));
    if (status !== 200) this.fail('give the repository public key', status, json, 'Secrets: read and write');
    const { key_id: keyId, key } = (json ?? {}) as { key_id?: unknown; key?: unknown };
    if (typeof keyId !== 'string' || typeof key !== 'string') {
      throw new UserError('GitHub answered the public-key request without key_id and key.');
    }
    this.publicKey = { keyId, key };
    return this.publicKey;
  }

  /** Creates or updates an Actions secret; returns whether it was created. */
  async putSecret(name: string, value: string): Promise<'created' | 'updated'> {
    const { keyId, key } = await this.repositoryPublicKey();
    const encrypted = await sealSecret(value, key);
    const { status, json } = await this.request(
      'PUT',
      this.path(`/actions/secrets/${encodeURIComponent(name)}`),
      {
        encrypted_value: encrypted,
        key_id: keyId,
      },
    );
    if (status !== 201 && status !== 204)
      this.fail(`set the secret ${name}`, status, json, 'Secrets: read and write');
    return status === 201 ? 'created' : 'updated';
  }

  /** Creates or updates an Actions variable. */
  async putVariable(name: string, value: string): Promise<'created' | 'updated'> {
    const permission = 'Variables: read and write';
    const existing = await this.request('GET', this.path(`/actions/variables/${encodeURIComponent(name)}`));
    if (existing.status === 200) {
      const { status, json } = await this.request(
        'PATCH',
        this.path(`/actions/variables/${encodeURIComponent(name)}`),
        {
          name,
          value,
        },
      );
      if (status !== 204 && status !== 200)
        this.fail(`update the variable ${name}`, status, json, permission);
      return 'updated';
    }
    if (existing.status !== 404)
      this.fail(`read the variable ${name}`, existing.status, existing.json, permission);
    const { status, json } = await this.request('POST', this.path('/actions/variables'), { name, value });
    if (status !== 201) this.fail(`create the variable ${name}`, status, json, permission);
    return 'created';
  }

  /** Creates the deployment environment, or leaves an existing one's protection rules as they are. */
  async ensureEnvironment(name: string): Promise<void> {
    const { status, json } = await this.request(
      'PUT',
      this.path(`/environments/${encodeURIComponent(name)}`),
      {},
    );
    if (status !== 200)
      this.fail(`create the environment ${name}`, status, json, 'Administration: read and write');
  }
}
