import { UserError } from '@shipkit/runtime';

/** Used when the suite's package.json names no repository and none is given. */
export const DEFAULT_SUITE_REPOSITORY = 'mongo-shipkit/mongo-shipkit';

export interface Suite {
  /** owner/name of the repository holding the actions and reusable workflows. */
  repository: string;
  version: string;
  /** The tag callers pin: v<major>, moved along with each release of that major version. */
  ref: string;
}

const REPOSITORY = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;

export function parseRepository(value: string, what: string): string {
  const trimmed = value.trim();
  if (!REPOSITORY.test(trimmed)) {
    throw new UserError(`${what} must be a GitHub repository as owner/name, e.g. acme/shop.`);
  }
  return trimmed;
}

/** owner/name from package.json's `repository` field: "owner/name", "github:owner/name" or a GitHub URL. */
export function repositoryFromPackageJson(repository: unknown): string | undefined {
  const text =
    typeof repository === 'string'
      ? repository
      : typeof repository === 'object' &&
          repository !== null &&
          typeof (repository as { url?: unknown }).url === 'string'
        ? (repository as { url: string }).url
        : undefined;
  if (!text) return undefined;
  const match =
    /^(?:github:)?([\w-]+\/[\w.-]+?)(?:\.git)?$/.exec(text) ??
    /github\.com[/:]([\w-]+\/[\w.-]+?)(?:\.git)?\/?$/.exec(text);
  return match?.[1];
}

export function suiteFromPackageJson(
  packageJson: { version?: unknown; repository?: unknown },
  override?: string,
): Suite {
  const version = typeof packageJson.version === 'string' ? packageJson.version : '';
  const major = /^(\d+)\.\d+\.\d+/.exec(version)?.[1];
  if (major === undefined)
    throw new Error(`the suite's package.json has no semver version (found '${version}')`);
  const repository =
    override !== undefined
      ? parseRepository(override, '--suite-repo')
      : (repositoryFromPackageJson(packageJson.repository) ?? DEFAULT_SUITE_REPOSITORY);
  return { repository, version, ref: `v${major}` };
}
