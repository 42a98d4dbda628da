import net from 'node:net';

/** Asks the kernel for a free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('could not determine a free port'));
      });
    });
  });
}

/** Whether a TCP port on the loopback interface can be listened on now. */
export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** Two consecutive free loopback ports, as the cluster launcher gives its API processes. */
export async function consecutiveFreePorts(): Promise<[number, number]> {
  for (;;) {
    const port = await freePort();
    if (port < 65535 && (await portIsFree(port + 1))) return [port, port + 1];
  }
}

/**
 * A free loopback port in [min, max], tried from a random start so that clusters started side
 * by side rarely reach for the same one. For ports that must stay below the kernel's
 * ephemeral range.
 */
export async function freePortBetween(min: number, max: number, skip: ReadonlySet<number> = new Set()) {
  const span = max - min + 1;
  const start = Math.floor(Math.random() * span);
  for (let i = 0; i < span; i++) {
    const port = min + ((start + i) % span);
    if (!skip.has(port) && (await portIsFree(port))) return port;
  }
  throw new Error(`no free TCP port between ${min} and ${max} on 127.0.0.1`);
}
