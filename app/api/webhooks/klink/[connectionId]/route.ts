// K-LINK posts its webhook deliveries here. No session: see lib/webhooks/webhook-endpoint.ts.
import { webhookEndpoint } from "@/lib/doors/webhook-route";

export const dynamic = "force-dynamic";

export const POST = webhookEndpoint;
