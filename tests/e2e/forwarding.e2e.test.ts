// The forwarding hub in the built console, with real parts only: an admin adds a destination in
// Chromium, sends a test event, and a local receiver verifies it with the Standard Webhooks
// reference implementation; then a change made in K-LINK (the simulator) arrives at the receiver
// through the console, and the inbound delivery's page says where it went. Needs `npm run build`.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startConsoleStack, type ConsoleStack } from "../helpers/console-stack";
import { startReceiver, type Receiver } from "../helpers/forward-receiver";
import { seriousA11yViolations } from "../helpers/axe";
import { waitFor } from "../../scripts/console-process";

let stack: ConsoleStack;
let receiver: Receiver;

beforeAll(async () => {
  stack = await startConsoleStack({ env: { FORWARD_ALLOW_HTTP_LOOPBACK: "true" } });
  receiver = await startReceiver();
});

afterAll(async () => {
  await receiver?.close();
  await stack?.stop();
});

describe("forwarding K-LINK's events", () => {
  it("an admin adds a destination, sends a test event and the receiver verifies it; K-LINK changes follow", async () => {
    const { context, page } = await stack.signIn("admin", "/admin/destinations");
    await page.getByRole("heading", { name: "Forwarding destinations" }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    const add = page.getByRole("region", { name: "Add a destination" });
    await add.getByRole("textbox", { name: "Name", exact: true }).fill("Local CRM");
    await add.getByRole("textbox", { name: "URL", exact: true }).fill(receiver.url);
    await add.getByRole("button", { name: "Add destination" }).click();
    const secret = await page.getByTestId("signing-secret").textContent();
    expect(secret).toMatch(/^whsec_/);
    receiver.secrets = [secret!];

    await page.getByRole("button", { name: "Send test event to Local CRM" }).click();
    await page.getByText(/Test event msg_\w+: Delivered \(HTTP 204\)/).waitFor({ timeout: 10_000 });
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0].verifiedBy).toBe(0);
    expect(JSON.parse(receiver.received[0].body)).toMatchObject({ type: "console.test" });

    // A change in K-LINK: its webhook reaches the console, which forwards it, signed.
    const ticket = (await stack.klink<{ data: { id: string }[] }>("/api/v1/tickets?pageSize=1")).data[0];
    await stack.klink(`/api/v1/tickets/${ticket.id}/status`, { method: "PUT", body: { status: "closed" } });
    await waitFor(async () => receiver.received.some((r) => JSON.parse(r.body).type === "ticket.update"), 10_000);
    const forwarded = receiver.received.find((r) => JSON.parse(r.body).type === "ticket.update")!;
    expect(forwarded.verifiedBy).toBe(0);
    expect(JSON.parse(forwarded.body)).toMatchObject({ connectionId: stack.connectionId });

    const message = await stack.database.forwardMessage.findUniqueOrThrow({ where: { id: forwarded.id } });
    await page.goto(`${stack.server.url}/admin/webhooks/${message.deliveryId}`);
    await page.getByRole("list", { name: "Forwarded to" }).getByText("Local CRM").waitFor();

    await page.goto(`${stack.server.url}/admin/destinations/${message.destinationId}`);
    await page.getByRole("heading", { name: "Messages to Local CRM" }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();
  });
});
