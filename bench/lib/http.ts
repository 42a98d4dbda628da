import http from 'node:http';

/**
 * Keep-alive connections, as a real client pool would hold them. Idle ones are closed after
 * 4 s, before the server's 5 s keep-alive timeout would close them under a request.
 */
export const agent = new http.Agent({ keepAlive: true, maxSockets: 256, timeout: 4_000 });

export interface HttpAnswer {
  status: number;
  body: string;
}

function once(
  url: string,
  options: { method: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method, headers: options.headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
      );
      res.on('error', reject);
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      // A kept-alive socket the server closed while idle: Node's documented case for one retry.
      reject(Object.assign(error, { retryable: req.reusedSocket && error.code === 'ECONNRESET' }));
    });
    req.end(options.body);
  });
}

/**
 * A plain node:http request (cheaper than fetch, so the load generator steals less CPU). Every
 * request the benchmark sends is safe to repeat (GETs, and POSTs with an Idempotency-Key).
 */
export async function request(
  url: string,
  options: { method: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<HttpAnswer> {
  try {
    return await once(url, options);
  } catch (error) {
    if ((error as { retryable?: boolean }).retryable) return once(url, options);
    throw error;
  }
}
