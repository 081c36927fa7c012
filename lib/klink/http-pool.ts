// One keep-alive undici Pool per K-LINK origin, shared by every client in the process: a
// connection's TLS handshake is paid once, not per request or per client.
import "server-only";
import { Pool } from "undici";

const pools = new Map<string, Pool>();

/** Enough parallel sockets for a burst of cache misses; more requests queue on the pool. */
const CONNECTIONS_PER_ORIGIN = 32;

export function poolFor(origin: string): Pool {
  let pool = pools.get(origin);
  if (!pool || pool.closed || pool.destroyed) {
    pool = new Pool(origin, {
      connections: CONNECTIONS_PER_ORIGIN,
      keepAliveTimeout: 10_000,
      keepAliveMaxTimeout: 60_000,
      // The per-call timeout of the client is the one that counts; these only stop a leak.
      headersTimeout: 300_000,
      bodyTimeout: 300_000,
    });
    pools.set(origin, pool);
  }
  return pool;
}
