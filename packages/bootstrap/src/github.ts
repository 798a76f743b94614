import { DEFAULT_GITHUB_API_URL, GitHubClient, realGitHubDeps } from '@shipkit/github';
import { UserError } from '@shipkit/runtime';
import sodium from 'libsodium-wrappers';

export { DEFAULT_GITHUB_API_URL } from '@shipkit/github';

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
  private readonly github: GitHubClient;
  private publicKey: RepositoryPublicKey | undefined;

  constructor(private readonly options: GitHubOptions) {
    this.github = new GitHubClient(
      {
        token: options.token,
        apiUrl: options.apiUrl ?? DEFAULT_GITHUB_API_URL,
        userAgent: 'shipkit-init-client',
        // Someone waits at the terminal: an unreachable API is reported after a few seconds.
        retry: { attempts: 3 },
      },
      { ...realGitHubDeps(), ...(options.fetch ? { fetch: options.fetch } : {}) },
    );
  }

  private path(suffix: string): string {
    const [owner, name] = this.options.repository.split('/') as [string, string];
    return `/repos/${encodeURIComponent(owner)}/${encodeURIComponent(name)}${suffix}`;
  }

  /** What the user can do about a refusal: which permission GITHUB_TOKEN lacks, on which repository. */
  private hint(permission: string): (status: number) => string | undefined {
    const { repository } = this.options;
    return (status) =>
      status === 401
        ? 'GITHUB_TOKEN was refused: check that it is valid and not expired.'
        : status === 403
          ? `GITHUB_TOKEN lacks the permission: it needs ${permission} on ${repository}.`
          : status === 404
            ? `Either ${repository} does not exist or GITHUB_TOKEN cannot see it (it needs ${permission}).`
            : undefined;
  }

  async repositoryPublicKey(): Promise<RepositoryPublicKey> {
    if (this.publicKey) return this.publicKey;
    const { body } = await this.github.request<{ key_id?: unknown; key?: unknown } | undefined>({
      method: 'GET',
      path: this.path('/actions/secrets/public-key'),
      what: 'give the repository public key',
      hint: this.hint('Secrets: read and write'),
    });
    const { key_id: keyId, key } = body ?? {};
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
    const { status } = await this.github.request({
      method: 'PUT',
      path: this.path(`/actions/secrets/${encodeURIComponent(name)}`),
      body: { encrypted_value: encrypted, key_id: keyId },
      what: `set the secret ${name}`,
      hint: this.hint('Secrets: read and write'),
    });
    return status === 201 ? 'created' : 'updated';
  }

  /** Creates or updates an Actions variable. */
  async putVariable(name: string, value: string): Promise<'created' | 'updated'> {
    const hint = this.hint('Variables: read and write');
    const path = this.path(`/actions/variables/${encodeURIComponent(name)}`);
    const existing = await this.github.request({
      method: 'GET',
      path,
      what: `read the variable ${name}`,
      accept: [404],
      hint,
    });
    if (existing.status !== 404) {
      await this.github.request({
        method: 'PATCH',
        path,
        body: { name, value },
        what: `update the variable ${name}`,
        // Setting the same value twice leaves the same variable.
        idempotent: true,
        hint,
      });
      return 'updated';
    }
    // Not resent after a lost answer (a second POST would fail as a duplicate): the next run updates it.
    await this.github.request({
      method: 'POST',
      path: this.path('/actions/variables'),
      body: { name, value },
      what: `create the variable ${name}`,
      hint,
    });
    return 'created';
  }

  /** Creates the deployment environment, or leaves an existing one's protection rules as they are. */
  async ensureEnvironment(name: string): Promise<void> {
    await this.github.request({
      method: 'PUT',
      path: this.path(`/environments/${encodeURIComponent(name)}`),
      body: {},
      what: `create the environment ${name}`,
      hint: this.hint('Administration: read and write'),
    });
  }
}
