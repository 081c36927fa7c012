// npm run bench:simulator — how fast the K-LINK simulator starts (seed generation) and answers,
// so tests and proxy benchmarks know what they stand on. Loopback only; bounded; prints one table.
import { Pool } from "undici";
import { startSimulator } from "../lib/klink/simulator";
import { generateState } from "../lib/klink/simulator/seed-data";

const TOKEN = "kpt_bench0123456789";
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

const seedTimes: number[] = [];
for (let seed = 1; seed <= 10; seed++) {
  const started = performance.now();
  generateState(seed, Date.UTC(2026, 0, 31));
  seedTimes.push(performance.now() - started);
}
seedTimes.sort((a, b) => a - b);

const sim = await startSimulator({ tokens: [TOKEN] });
const pool = new Pool(sim.url, { connections: 16 });

async function measure(path: string, requests: number, concurrency: number) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        next++;
        const t = performance.now();
        const res = await pool.request({ path, method: "GET", headers: { authorization: `Bearer ${TOKEN}` } });
        await res.body.text();
        if (res.statusCode !== 200) throw new Error(`${path} answered ${res.statusCode}`);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    path,
    requests,
    perSecond: Math.round(requests / seconds),
    p50: percentile(latencies, 50).toFixed(2),
    p99: percentile(latencies, 99).toFixed(2),
  };
}

const rows = [
  await measure("/api/v1/tickets?pageSize=10", 2000, 16),
  await measure("/api/v1/tickets?pageSize=100&status=open", 1000, 16),
  await measure("/api/v1/contacts?keyword=kyaw", 1000, 16),
  await measure("/api/v1/categories", 2000, 16),
];
await pool.close();
await sim.stop();

console.log(
  `seed generation (500 contacts, 2000 tickets, 1500 CX logs): p50 ${percentile(seedTimes, 50).toFixed(1)} ms, max ${seedTimes.at(-1)!.toFixed(1)} ms`,
);
console.table(
  rows.map((r) => ({ path: r.path, requests: r.requests, "req/s": r.perSecond, "p50 ms": r.p50, "p99 ms": r.p99 })),
);
