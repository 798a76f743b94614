import { UserError } from '@shipkit/runtime';

export interface GitHubApiErrorFields {
  method: string;
  /** The request's path under the API URL, without its query. */
  path: string;
  /** The HTTP status; absent when GitHub could not be reached or gave no answer. */
  status?: number;
  /** GitHub's own `message`. */
  githubMessage?: string;
  documentationUrl?: string;
  attempts: number;
  /** A request that changes something failed in a way GitHub may have acted on; it was not sent again. */
  mayHaveBeenReceived?: boolean;
}

/**
 * The one error of the GitHub client: what was asked (method, path without the query), what GitHub
 * answered and, in the message, what the edge says to do about it. The message never holds the token:
 * the client builds every one through its redactor.
 */
export class GitHubApiError extends UserError {
  override name = 'GitHubApiError';
  readonly method: string;
  readonly path: string;
  readonly status: number | undefined;
  readonly githubMessage: string | undefined;
  readonly documentationUrl: string | undefined;
  readonly attempts: number;
  readonly mayHaveBeenReceived: boolean;

  constructor(message: string, fields: GitHubApiErrorFields) {
    super(message);
    this.method = fields.method;
    this.path = fields.path;
    this.status = fields.status;
    this.githubMessage = fields.githubMessage;
    this.documentationUrl = fields.documentationUrl;
    this.attempts = fields.attempts;
    this.mayHaveBeenReceived = fields.mayHaveBeenReceived ?? false;
  }
}
