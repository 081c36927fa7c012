// Tags, channels, categories, CX logs and send message. Shapes of the uncaptured ones (our choice,
// unverified): tags and channels → the listing envelope; channel create → 201 {status:"success",
// message, data: channel}.
import { channelCreateBodySchema } from "../../schemas/reference";
import { parseSelectedDate } from "../../schemas/cx-log";
import { messageSendBodySchema } from "../../schemas/message";
import { webhookTimestamp } from "../../webhook-payloads";
import { paginate, SimHttpError, validBody } from "../http-io";
import { CHANNEL_TYPES } from "../corpus";
import { zonedTimeToUtc } from "../../zoned-clock";
import { cxLogView } from "../views";
import type { Handler } from "./types";

export const referenceHandlers: Record<string, Handler> = {
  "tags.list": (req, { state }) => ({ status: 200, body: paginate(state.tags, req.query, (t) => t) }),

  "channels.list": (req, { state }) => ({ status: 200, body: paginate(state.channels, req.query, (c) => c) }),

  "channels.create": (req, ctx) => {
    const body = validBody(channelCreateBodySchema, req.body);
    if (!CHANNEL_TYPES.includes(body.type))
      throw new SimHttpError(400, `Validation failed: type: must be one of: ${CHANNEL_TYPES.join(", ")}`);
    if (ctx.state.channels.some((c) => c.name === body.name))
      throw new SimHttpError(422, "A channel with this name already exists");
    const at = ctx.now().toISOString();
    const channel = {
      ...body,
      id: ctx.rng.uuid(),
      name: body.name,
      type: body.type,
      status: "active",
      createdAt: at,
      updatedAt: at,
      deletedAt: null as null,
    };
    ctx.state.channels.push(channel);
    return { status: 201, body: { status: "success", message: "Channel created successfully", data: channel } };
  },

  "categories.list": (_req, { state }) => ({ status: 200, body: { data: state.categories } }),

  "cxLogs.list": (req, { state, rng }) => {
    const timeZone = req.headers["x-client-timezone"];
    if (typeof timeZone !== "string" || !timeZone) throw new SimHttpError(400, "x-client-timezone header is required");
    const selected = req.query.get("selectedDate");
    if (!selected) throw new SimHttpError(400, "selectedDate is required");
    const range = parseSelectedDate(selected);
    if (!range) throw new SimHttpError(400, "selectedDate must be YYYY/MM/DD HH:mm:ss-YYYY/MM/DD HH:mm:ss");
    let from: number, to: number;
    try {
      from = zonedTimeToUtc(range.from, timeZone);
      // The end second is inclusive.
      to = zonedTimeToUtc(range.to, timeZone) + 999;
    } catch {
      throw new SimHttpError(400, "x-client-timezone must be an IANA time zone such as Asia/Bangkok");
    }
    const logs = state.cxLogs.filter((l) => l.startedAtMs >= from && l.startedAtMs <= to);
    const { total, page, pageSize, data } = paginate(logs, req.query, (l) => cxLogView(state, l));
    return { status: 200, body: { requestId: rng.uuid(), cxLogs: { data, total, page, pageSize } } };
  },

  "messages.send": (req, ctx) => {
    const body = validBody(messageSendBodySchema, req.body);
    const messageType = body.messageType ?? "text";
    if (messageType !== "text")
      throw new SimHttpError(400, "Validation failed: messageType: only text messages are supported");
    const contact = ctx.state.contacts.find((c) => c.id === body.contactId && !c.deletedAt);
    if (!contact) throw new SimHttpError(400, "Validation failed: contactId: no contact with this id");
    const now = ctx.now();
    // Nanosecond timestamps, as in the documented answer.
    const stamp = `${now.toISOString().slice(0, 23)}${String(ctx.rng.int(0, 999_999)).padStart(6, "0")}Z`;
    const message = {
      id: ctx.rng.uuid(),
      createdAt: stamp,
      updatedAt: stamp,
      deletedAt: null,
      clientRequestId: "",
      partition_key: `${now.getUTCFullYear()}_${String(now.getUTCMonth() + 1).padStart(2, "0")}`,
      contactId: contact.id,
      channelId: contact.platformContacts[0]?.channelId ?? null,
      channel: contact.channel,
      messageType,
      message: body.message,
      direction: "outbound",
      sentAt: webhookTimestamp(now),
    };
    ctx.emit("message.outbound", message);
    return { status: 200, body: { status: 200, message: "Message sent successfully", data: message } };
  },
};
