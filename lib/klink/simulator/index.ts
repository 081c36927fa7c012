// The K-LINK simulator: a real HTTP server that behaves like K-LINK for tests, benchmarks and the
// demo. See server.ts (the API), control-api.ts (/__sim/), webhooks.ts (signed deliveries).
export { startSimulator, type RunningSimulator } from "./server";
export type { SimulatorOptions } from "./core";
export { signWebhookBody, type Delivery, type DeliveryAttempt } from "./webhooks";
export type { RequestLogEntry } from "./request-log";
export type { Fault, FaultSpec } from "./faults";
export { SEED_SIZES } from "./seed-data";
export { TICKET_STATUSES, TICKET_PRIORITIES } from "./form-fields";
