/**
 * A loopback S3 endpoint for faults a real server will not produce on demand: 200 answers carrying
 * an <Error> body, 503 SlowDown, parts without ETag, 501 for If-None-Match, Object Lock refusals.
 * It speaks just enough of the path-style REST protocol for multipart uploads, PUT, HEAD and DELETE.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeRequest {
  method: string;
  key: string;
  /** CreateMultipartUpload, UploadPart, CompleteMultipartUpload, AbortMultipartUpload, PutObject, HeadObject, DeleteObject. */
  operation: string;
  headers: IncomingMessage['headers'];
  bodyBytes: number;
}

export interface FakeAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

/** Return an answer to override the default one for this request, or undefined to let it through. */
export type FakeFault = (request: FakeRequest, seen: FakeRequest[]) => FakeAnswer | undefined;

export function s3Error(status: number, code: string, message: string): FakeAnswer {
  return {
    status,
    headers: { 'content-type': 'application/xml' },
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>fake</RequestId></Error>`,
  };
}

export interface FakeS3 {
  endpoint: string;
  requests: FakeRequest[];
  /** Keys stored by successful PUT or CompleteMultipartUpload. */
  objects: Map<string, number>;
  fault: FakeFault;
  close(): Promise<void>;
}

function operationOf(method: string, query: URLSearchParams): string {
  if (method === 'POST' && query.has('uploads')) return 'CreateMultipartUpload';
  if (method === 'PUT' && query.has('uploadId')) return 'UploadPart';
  if (method === 'POST' && query.has('uploadId')) return 'CompleteMultipartUpload';
  if (method === 'DELETE' && query.has('uploadId')) return 'AbortMultipartUpload';
  if (method === 'PUT') return 'PutObject';
  if (method === 'HEAD') return 'HeadObject';
  if (method === 'DELETE') return 'DeleteObject';
  if (method === 'GET') return 'GetObject';
  return `${method}?`;
}

export async function startFakeS3(): Promise<FakeS3> {
  const requests: FakeRequest[] = [];
  const objects = new Map<string, number>();
  const parts = new Map<string, number>();
  const fake: FakeS3 = {
    endpoint: '',
    requests,
    objects,
    fault: () => undefined,
    close: () => new Promise((done) => server.close(() => done())),
  };

  const answer = (response: ServerResponse, { status, headers = {}, body = '' }: FakeAnswer) => {
    response.writeHead(status, { 'content-length': String(Buffer.byteLength(body)), ...headers });
    response.end(body);
  };

  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://fake');
    const [, bucket = '', ...rest] = url.pathname.split('/');
    const key = decodeURIComponent(rest.join('/'));
    let bodyBytes = 0;
    for await (const chunk of request) bodyBytes += (chunk as Buffer).length;
    const method = request.method ?? 'GET';
    const seen: FakeRequest = {
      method,
      key,
      operation: operationOf(method, url.searchParams),
      headers: request.headers,
      bodyBytes,
    };
    requests.push(seen);
    const override = fake.fault(seen, requests);
    if (override) return answer(response, override);

    const xml = { 'content-type': 'application/xml' };
    switch (seen.operation) {
      case 'CreateMultipartUpload':
        return answer(response, {
          status: 200,
          headers: xml,
          body: `<InitiateMultipartUploadResult><Bucket>${bucket}</Bucket><Key>${key}</Key><UploadId>upload-1</UploadId></InitiateMultipartUploadResult>`,
        });
      case 'UploadPart':
        parts.set(`${key}#${url.searchParams.get('partNumber')}`, bodyBytes);
        return answer(response, {
          status: 200,
          headers: { etag: `"part-${url.searchParams.get('partNumber')}"` },
        });
      case 'CompleteMultipartUpload': {
        let size = 0;
        for (const [partKey, bytes] of parts) if (partKey.startsWith(`${key}#`)) size += bytes;
        objects.set(key, size);
        return answer(response, {
          status: 200,
          headers: xml,
          body: `<CompleteMultipartUploadResult><Bucket>${bucket}</Bucket><Key>${key}</Key><ETag>"done-1"</ETag></CompleteMultipartUploadResult>`,
        });
      }
      case 'AbortMultipartUpload':
        return answer(response, { status: 204 });
      case 'PutObject':
        objects.set(key, bodyBytes);
        return answer(response, { status: 200, headers: { etag: '"put-1"' } });
      case 'HeadObject': {
        const size = objects.get(key);
        if (size === undefined) return answer(response, { status: 404 });
        return answer(response, {
          status: 200,
          headers: {
            etag: '"put-1"',
            'last-modified': new Date().toUTCString(),
            'content-length': String(size),
          },
        });
      }
      case 'DeleteObject':
        objects.delete(key);
        return answer(response, { status: 204 });
      default:
        return answer(response, s3Error(501, 'NotImplemented', `the fake does not do ${seen.operation}`));
    }
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  fake.endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}
