/**
 * A local stand-in for GitHub's Actions secrets, variables and environments endpoints (what
 * `GITHUB_API_URL` points at), with a repository keypair of its own: it opens each sealed secret with
 * its private key, so tests can check the value that arrived, and answers 422 when a box does not open.
 *   GET  /repos/{o}/{r}/actions/secrets/public-key
 *   PUT  /repos/{o}/{r}/actions/secrets/{name}          201 created, 204 updated
 *   GET  /repos/{o}/{r}/actions/variables/{name}        200 or 404
 *   POST /repos/{o}/{r}/actions/variables               201
 *   PATCH /repos/{o}/{r}/actions/variables/{name}       204
 *   PUT  /repos/{o}/{r}/environments/{name}             200
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import sodium from 'libsodium-wrappers';
import { readJsonBody } from './http';

export interface RecordedSecretsRequest {
  method: string;
  path: string;
  status: number;
  /** The request body as received (sealed values stay sealed here). */
  body?: unknown;
}

const SECRET_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export class FakeGitHubSecrets {
  readonly token = `ghp_${randomBytes(18).toString('hex')}`;
  readonly keyId = String(3380204578043523366n + BigInt(randomBytes(2).readUInt16BE()));
  /** Opened secret values by name. */
  readonly secrets = new Map<string, string>();
  readonly variables = new Map<string, string>();
  readonly environments = new Set<string>();
  readonly requests: RecordedSecretsRequest[] = [];
  /** Answer like a token without the needed permissions. */
  forbidden = false;

  private constructor(
    private readonly server: Server,
    private readonly repository: string,
    private readonly keyPair: { publicKey: Uint8Array; privateKey: Uint8Array },
  ) {}

  static async start(repository = 'acme/shop'): Promise<FakeGitHubSecrets> {
    await sodium.ready;
    let fake: FakeGitHubSecrets | undefined;
    const server = createServer((request, response) => {
      fake?.handle(request, response).catch(() => {
        response.writeHead(500);
        response.end();
      });
    });
    fake = new FakeGitHubSecrets(server, repository, sodium.crypto_box_keypair());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  /** What `GITHUB_API_URL` points at. */
  get url(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  get publicKeyBase64(): string {
    return sodium.to_base64(this.keyPair.publicKey, sodium.base64_variants.ORIGINAL);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const method = request.method ?? 'GET';
    const path = new URL(request.url ?? '/', this.url).pathname;
    const body = await readJsonBody(request);
    const [status, answer] = this.answer(method, path, request, body);
    this.requests.push({ method, path, status, ...(body === undefined ? {} : { body }) });
    response.writeHead(status, answer === undefined ? {} : { 'content-type': 'application/json' });
    response.end(answer === undefined ? undefined : JSON.stringify(answer));
  }

  private answer(method: string, path: string, request: IncomingMessage, body: unknown): [number, unknown] {
    if (!request.headers['user-agent']) {
      return [
        403,
        {
          message:
            'Request forbidden by administrative rules. Please make sure your request has a User-Agent header.',
        },
      ];
    }
    const auth = request.headers.authorization;
    if (auth !== `Bearer ${this.token}` && auth !== `token ${this.token}`)
      return [401, { message: 'Bad credentials' }];
    const route = /^\/repos\/([^/]+\/[^/]+)\/(.+)$/.exec(path);
    if (!route || decodeURIComponent(route[1] as string) !== this.repository)
      return [404, { message: 'Not Found' }];
    if (this.forbidden) return [403, { message: 'Resource not accessible by personal access token' }];
    const rest = route[2] as string;
    const fields = (body ?? {}) as Record<string, unknown>;

    if (method === 'GET' && rest === 'actions/secrets/public-key') {
      return [200, { key_id: this.keyId, key: this.publicKeyBase64 }];
    }
    const secret = /^actions\/secrets\/([^/]+)$/.exec(rest);
    if (method === 'PUT' && secret) {
      const name = decodeURIComponent(secret[1] as string);
      if (!SECRET_NAME.test(name) || name.toUpperCase().startsWith('GITHUB_')) {
        return [422, { message: 'Secret names can only contain alphanumeric characters or underscores' }];
      }
      if (fields.key_id !== this.keyId) return [422, { message: 'Invalid request: key_id does not match' }];
      if (typeof fields.encrypted_value !== 'string')
        return [422, { message: 'encrypted_value is required' }];
      let opened: string;
      try {
        const sealed = sodium.from_base64(fields.encrypted_value, sodium.base64_variants.ORIGINAL);
        opened = sodium.to_string(
          sodium.crypto_box_seal_open(sealed, this.keyPair.publicKey, this.keyPair.privateKey),
        );
      } catch {
        return [
          422,
          { message: 'Bad request: encrypted_value could not be decrypted with the repository key' },
        ];
      }
      const existed = this.secrets.has(name);
      this.secrets.set(name, opened);
      return [existed ? 204 : 201, existed ? undefined : {}];
    }
    const variable = /^actions\/variables\/([^/]+)$/.exec(rest);
    if (variable) {
      const name = decodeURIComponent(variable[1] as string);
      if (method === 'GET') {
        const value = this.variables.get(name);
        return value === undefined ? [404, { message: 'Not Found' }] : [200, { name, value }];
      }
      if (method === 'PATCH') {
        if (!this.variables.has(name)) return [404, { message: 'Not Found' }];
        if (typeof fields.value !== 'string') return [422, { message: 'value is required' }];
        this.variables.set(name, fields.value);
        return [204, undefined];
      }
    }
    if (method === 'POST' && rest === 'actions/variables') {
      if (typeof fields.name !== 'string' || typeof fields.value !== 'string') {
        return [422, { message: 'name and value are required' }];
      }
      if (this.variables.has(fields.name)) return [409, { message: 'Already exists' }];
      this.variables.set(fields.name, fields.value);
      return [201, {}];
    }
    const environment = /^environments\/([^/]+)$/.exec(rest);
    if (method === 'PUT' && environment) {
      const name = decodeURIComponent(environment[1] as string);
      this.environments.add(name);
      return [200, { id: 161088068, name, protection_rules: [] }];
    }
    return [404, { message: 'Not Found' }];
  }
}
