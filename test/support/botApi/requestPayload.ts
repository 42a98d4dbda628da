// Reads a Bot API request's parameters: a JSON body, or the multipart form of an upload.
import type http from 'node:http';

export async function readPayload(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  if (body.length === 0) return {};
  const type = req.headers['content-type'] ?? '';
  if (type.includes('application/json')) return JSON.parse(body.toString('utf8'));
  const boundary = /boundary=(.+)$/.exec(type)?.[1];
  if (type.includes('multipart/form-data') && boundary) return parseMultipart(body, boundary);
  return {};
}

/**
 * The multipart form grammY sends for uploads (unquoted file names, `attach://` references):
 * fields as strings (JSON ones parsed), files as their name, size and bytes.
 */
function parseMultipart(body: Buffer, boundary: string): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  const files = new Map<string, { name: string; size: number; bytes: Buffer }>();
  for (const part of body.toString('latin1').split(`--${boundary}`)) {
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) continue;
    const headers = part.slice(0, split);
    const value = part.slice(split + 4).replace(/\r\n$/, '');
    const name = /name="?([^";\r\n]+)"?/.exec(headers)?.[1];
    const fileName = /filename="?([^";\r\n]+)"?/.exec(headers)?.[1];
    if (!name) continue;
    if (fileName) {
      const bytes = Buffer.from(value, 'latin1');
      files.set(name, { name: fileName, size: bytes.length, bytes });
    } else {
      const text = Buffer.from(value, 'latin1').toString('utf8');
      fields[name] = /^[[{]/.test(text) ? JSON.parse(text) : text;
    }
  }
  for (const [key, value] of Object.entries(fields)) {
    const reference = typeof value === 'string' ? /^attach:\/\/(.+)$/.exec(value)?.[1] : undefined;
    if (reference && files.has(reference)) fields[key] = files.get(reference);
  }
  return fields;
}
