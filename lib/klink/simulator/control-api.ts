// The simulator's control API under /__sim/ (no token): for tests, benchmarks and the demo.
//   GET    /__sim/info                  seed, sizes, endpoint names (and the unverified ones)
//   POST   /__sim/reset                 data back to the seed; clears request log, counters, faults, deliveries
//   GET    /__sim/requests              request log (?endpoint=tickets.list&since=<seq>); DELETE clears it
//   GET    /__sim/counters              requests per endpoint name
//   GET    /__sim/faults                faults; POST adds one ({pathPattern, method?, latencyMs?, status?,
//                                       rate?, retryAfterSeconds?, mode?, count?}) → 201 {id,…}; DELETE removes all
//   DELETE /__sim/faults/{id}
//   GET    /__sim/webhooks/targets      targets (no secrets); POST {url, secret} adds one; DELETE drops runtime ones
//   POST   /__sim/webhooks/emit         {event, data} → a signed delivery to every target
//   GET    /__sim/webhooks/deliveries   every delivery with its attempts
//   GET    /__sim/variants              shape variants on now, and every variant there is
//   POST   /__sim/variants              {variants: "all" | "none" | [names]} → answers in those shapes (variants.ts)
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { endpointNames, endpoints } from "../registry";
import type { SimulatorCore } from "./core";
import { faultSpecSchema } from "./faults";
import { errorBody, parseJsonBody, readBody, sendJson, SimHttpError, validBody } from "./http-io";
import { parseVariants, SHAPE_VARIANTS } from "./variants";

const targetSchema = z.object({
  url: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }),
  secret: z.string().min(1, "is required"),
});
const emitSchema = z.object({ event: z.string().min(1, "is required"), data: z.unknown().default({}) });
const variantsSchema = z.object({
  variants: z.union([z.enum(["all", "none"]), z.array(z.enum(SHAPE_VARIANTS))], {
    error: `must be "all", "none" or a list of: ${SHAPE_VARIANTS.join(", ")}`,
  }),
});

export async function handleControl(
  sim: SimulatorCore,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const route = `${req.method} ${url.pathname.replace(/\/+$/, "")}`;
  try {
    const body = req.method === "POST" ? parseJsonBody(await readBody(req)) : undefined;
    switch (route) {
      case "GET /__sim/info":
        return sendJson(res, 200, {
          seed: sim.seed,
          referenceTime: new Date(sim.referenceTime).toISOString(),
          counts: {
            contacts: sim.state.contacts.filter((c) => !c.deletedAt).length,
            tickets: sim.state.tickets.length,
            cxLogs: sim.state.cxLogs.length,
          },
          endpoints: endpointNames,
          // Paths and shapes this project assumed, not K-LINK's documented ones (shared/klink-api/README.md §13).
          unverified: endpointNames.filter((name) => !endpoints[name].verified),
        });
      case "POST /__sim/reset":
        sim.reset();
        return sendJson(res, 200, { status: "ok" });
      case "GET /__sim/requests": {
        const since = Number(url.searchParams.get("since") ?? 0);
        return sendJson(res, 200, {
          data: sim.requests.list({ endpoint: url.searchParams.get("endpoint") ?? undefined, sinceSeq: since }),
        });
      }
      case "DELETE /__sim/requests":
        sim.requests.clear();
        return sendJson(res, 200, { status: "ok" });
      case "GET /__sim/counters":
        return sendJson(res, 200, sim.requests.counters());
      case "GET /__sim/faults":
        return sendJson(res, 200, { data: sim.faults.list() });
      case "POST /__sim/faults":
        return sendJson(res, 201, sim.faults.add(validBody(faultSpecSchema, body)));
      case "DELETE /__sim/faults":
        sim.faults.clear();
        return sendJson(res, 200, { status: "ok" });
      case "GET /__sim/webhooks/targets":
        return sendJson(res, 200, { data: sim.webhooks.listTargets() });
      case "POST /__sim/webhooks/targets": {
        const target = validBody(targetSchema, body);
        const added = sim.webhooks.addTarget(target.url, target.secret);
        return sendJson(res, 201, { id: added.id, url: added.url, fromStart: added.fromStart });
      }
      case "DELETE /__sim/webhooks/targets":
        sim.webhooks.removeRuntimeTargets();
        return sendJson(res, 200, { status: "ok" });
      case "POST /__sim/webhooks/emit": {
        const { event, data } = validBody(emitSchema, body);
        const deliveries = sim.webhooks.emit(event, data);
        return sendJson(res, 202, { data: deliveries.map((d) => ({ id: d.id, targetId: d.targetId, url: d.url })) });
      }
      case "GET /__sim/webhooks/deliveries":
        return sendJson(res, 200, { data: sim.webhooks.deliveries() });
      case "POST /__sim/variants":
        sim.variants = parseVariants(validBody(variantsSchema, body).variants);
      // falls through: answers with the variants now on
      case "GET /__sim/variants":
        return sendJson(res, 200, { enabled: [...sim.variants], available: SHAPE_VARIANTS });
    }
    const faultId = /^DELETE \/__sim\/faults\/([\w-]+)$/.exec(route)?.[1];
    if (faultId) {
      if (!sim.faults.remove(faultId)) throw new SimHttpError(404, "No such fault");
      return sendJson(res, 200, { status: "ok" });
    }
    throw new SimHttpError(404, "Unknown control route");
  } catch (error) {
    const status = error instanceof SimHttpError ? error.status : 500;
    sendJson(res, status, errorBody(error instanceof SimHttpError ? error.message : "Internal simulator error"));
  }
}
