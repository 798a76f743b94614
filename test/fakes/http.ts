import type { IncomingMessage } from 'node:http';

/** The whole request body as text. */
export async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The request body parsed as JSON; undefined when it is empty or not JSON (the fake then answers 4xx). */
export async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const text = await readBody(request);
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}
