// The simulated team's CX logs: a few thousand a month, shaped like a real support desk's so the
// Reports page looks like one. Weekdays are busier than weekends; interactions follow office
// hours in the tenant's zone (Asia/Bangkok) with a lunch dip and a quiet night; each queue has
// its own agents, and busy hours, mail and one overloaded agent answer slower, so some SLAs are
// breached. First-response SLA targets: chats 5 min, mail 1 h, calls 1 min. Outbound interactions
// and a few others carry no SLA (slaStatus null). Durations are in seconds, as K-LINK's documented
// example implies (handledTime 2720 = closedAt − startedDate).
import * as corpus from "./corpus";
import type { Rng } from "./prng";
import type { Agent, ContactRecord, CxLogRecord } from "./state";

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** The tenant's zone offset (Asia/Bangkok has no daylight saving). */
const HOME_OFFSET_MS = 7 * HOUR;
export const CX_LOGS_PER_WEEKDAY = 120;
const WEEKEND_SHARE = 0.45;

/** Relative interactions per wall-clock hour in the tenant's zone. */
const HOUR_WEIGHTS = [1, 0.5, 0.3, 0.3, 0.4, 0.8, 2, 4, 8, 11, 12, 11, 7, 8, 11, 12, 10, 8, 6, 5, 4, 3, 2, 1.5];
const HOUR_TOTAL = HOUR_WEIGHTS.reduce((a, b) => a + b, 0);

const SLA_TARGET_SECONDS: Record<string, number> = { email: 3600, phone: 60 };
const CHAT_SLA_TARGET_SECONDS = 300;

function weightedHour(rng: Rng): number {
  let roll = rng.next() * HOUR_TOTAL;
  for (let hour = 0; hour < 24; hour++) {
    roll -= HOUR_WEIGHTS[hour];
    if (roll < 0) return hour;
  }
  return 23;
}

/** A right-skewed duration around `median` seconds (log-normal-ish, from two uniforms). */
function skewed(rng: Rng, median: number, spread = 0.8): number {
  const normal = Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
  return Math.max(1, Math.round(median * Math.exp(normal * spread)));
}

export function generateCxLogs(
  rng: Rng,
  options: { start: number; referenceTime: number; agents: Agent[]; contacts: ContactRecord[]; firstCaseId: number },
): CxLogRecord[] {
  const queues = corpus.QUEUES.map((name) => ({ id: rng.uuid(), name }));
  // Each queue is staffed by a few agents (some work two queues); the first agent is overloaded.
  const staff = queues.map((_, q) => options.agents.filter((_, a) => a % queues.length === q || a % 4 === q % 4));
  const overloaded = options.agents[0]?.id;
  const logs: CxLogRecord[] = [];
  const firstDay = Math.floor((options.start + HOME_OFFSET_MS) / DAY);
  const lastDay = Math.floor((options.referenceTime + HOME_OFFSET_MS) / DAY);
  for (let day = firstDay; day <= lastDay; day++) {
    const weekday = new Date(day * DAY).getUTCDay();
    const weekend = weekday === 0 || weekday === 6;
    const volume = Math.round(CX_LOGS_PER_WEEKDAY * (weekend ? WEEKEND_SHARE : 1) * (0.8 + rng.next() * 0.4));
    for (let i = 0; i < volume; i++) {
      const hour = weightedHour(rng);
      const startedAtMs = day * DAY - HOME_OFFSET_MS + hour * HOUR + rng.int(0, HOUR - 1);
      if (startedAtMs < options.start || startedAtMs > options.referenceTime) continue;
      const contact = rng.pick(options.contacts);
      const platform = contact.platformContacts[0];
      const channel = rng.chance(0.12) ? "email" : rng.chance(0.05) ? "phone" : (platform?.type ?? "web");
      const queueIndex = rng.int(0, queues.length - 1);
      const queue = queues[queueIndex];
      const unassigned = rng.chance(0.03);
      const agent = unassigned ? null : rng.pick(staff[queueIndex].length ? staff[queueIndex] : options.agents);
      const outbound = rng.chance(0.15);
      const load = HOUR_WEIGHTS[hour] / 12;
      const slow = (agent?.id === overloaded ? 2.2 : 1) * (1 + load);
      const target = SLA_TARGET_SECONDS[channel] ?? CHAT_SLA_TARGET_SECONDS;
      const firstResponseTime = unassigned ? null : skewed(rng, target * 0.25 * slow, 0.9);
      const handledTime = skewed(rng, channel === "email" ? 1500 : channel === "phone" ? 360 : 900, 0.7);
      const hold = channel === "phone" || rng.chance(0.3) ? rng.int(0, 240) : 0;
      const wrapUp = rng.int(20, 240);
      const hasSla = !outbound && !rng.chance(0.04);
      logs.push({
        id: rng.uuid(),
        caseId: options.firstCaseId + logs.length,
        startedAtMs,
        contactId: contact.id,
        agentId: agent?.id ?? null,
        fields: {
          entityId: rng.uuid(),
          entityName: channel === "email" ? "mailRoom" : "room",
          channel,
          channelType: channel,
          queueId: queue.id,
          queueName: queue.name,
          direction: outbound ? "outbound" : "inbound",
          handledTime,
          totalHoldDuration: hold,
          firstResponseTime,
          disposition: unassigned ? "No Response" : rng.pick(corpus.DISPOSITIONS),
          customerPhone:
            channel === "whatsapp" || channel === "viber" || channel === "phone" ? contact.contactNumber : null,
          contactLabel: rng.chance(0.5) ? [rng.pick(corpus.CONTACT_LABELS)] : [],
          uid: platform?.socialPlatformId ?? null,
          wrapUpFormId: rng.uuid(),
          wrapUpDuration: wrapUp,
          slaStatus: !hasSla ? null : firstResponseTime !== null && firstResponseTime <= target ? "meet" : "breach",
          fullHandledTime: handledTime + hold,
          resolutionTime: handledTime + wrapUp + (rng.chance(0.2) ? rng.int(600, 6 * 3600) : 0),
          fullResolutionTime: handledTime + hold + wrapUp,
          cxIntelligenceStatus: rng.pick(["processed", "processed", "pending"]),
          firstRepliedTime: firstResponseTime === null ? null : firstResponseTime + rng.int(0, 10),
        },
      });
    }
  }
  // Newest first, like the rest of the state.
  return logs.sort((a, b) => b.startedAtMs - a.startedAtMs);
}
