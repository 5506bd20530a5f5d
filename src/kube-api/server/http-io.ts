/** Small HTTP helpers of the facade: JSON answers with exact media types, Status errors, request bodies. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Status } from '../status/status.js';

/** sendJson answers with a JSON body under the given media type. */
export function sendJson(res: ServerResponse, code: number, body: unknown, contentType = 'application/json'): void {
  const text = JSON.stringify(body);
  res.writeHead(code, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-cache, private' });
  res.end(text);
}

/** sendStatus answers with a Status object under its code. */
export function sendStatus(res: ServerResponse, status: Status): void {
  sendJson(res, status.code, status);
}

/** readBody reads a request body (Express may already have parsed a JSON one). */
export async function readBody(req: IncomingMessage & { body?: unknown }): Promise<string> {
  if (req.body !== undefined && typeof req.body === 'object' && req.readableEnded) return JSON.stringify(req.body);
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** bearerToken reads `Authorization: Bearer <token>`. */
export function bearerToken(req: IncomingMessage): string | undefined {
  const match = /^Bearer\s+(.+)$/i.exec(req.headers.authorization?.trim() ?? '');
  return match ? match[1].trim() : undefined;
}

/** KubeApiError carries a Status out of a handler. */
export class KubeApiError extends Error {
  constructor(readonly status: Status) {
    super(status.message ?? status.reason ?? 'error');
  }
}
