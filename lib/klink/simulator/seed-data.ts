// Generates the simulated tenant from a seed: the same seed gives the same data (ids, names,
// texts, relative times); timestamps count back from a reference time.
import * as corpus from "./corpus";
import {
  contactFormFields,
  ticketFormFields,
  TICKET_CHANNELS,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  TICKET_TYPES,
} from "./form-fields";
import { generateCxLogs } from "./cx-log-seed";
import { createRng, type Rng } from "./prng";
import type {
  Agent,
  CategoryRecord,
  ChannelRecord,
  ContactRecord,
  GroupRecord,
  SimState,
  TagRecord,
  TicketRecord,
} from "./state";

export const SEED_SIZES = { contacts: 500, tickets: 2000, days: 120 } as const;

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

type Person = { display: string; local: string; locale: string };

const LOCALES: {
  code: string;
  weight: number;
  domain: string;
  phone: (rng: Rng) => string;
  person: (rng: Rng) => Person;
}[] = [
  {
    code: "th",
    weight: 3,
    domain: "example.co.th",
    phone: (rng) => `+668${rng.int(1, 9)}${rng.digits(7)}`,
    person: (rng) => {
      const [given, givenLatin] = rng.pick(corpus.THAI_GIVEN);
      const [family, familyLatin] = rng.pick(corpus.THAI_FAMILY);
      return rng.chance(0.6)
        ? { display: `${given} ${family}`, local: `${givenLatin}.${familyLatin[0]}`, locale: "th" }
        : {
            display: `${givenLatin[0].toUpperCase()}${givenLatin.slice(1)} ${familyLatin[0].toUpperCase()}${familyLatin.slice(1)}`,
            local: `${givenLatin}.${familyLatin}`,
            locale: "th",
          };
    },
  },
  {
    code: "my",
    weight: 3,
    domain: "example.com.mm",
    phone: (rng) => `+959${rng.digits(9)}`,
    person: (rng) => {
      const [name, latin] = rng.pick(corpus.BURMESE_NAMES);
      const [honorific, honorificLatin] = rng.pick(corpus.BURMESE_HONORIFICS);
      if (rng.chance(0.3)) return { display: `${honorific}${name}`, local: `${honorificLatin}.${latin}`, locale: "my" };
      const title = latin
        .split(".")
        .map((p) => p[0].toUpperCase() + p.slice(1))
        .join(" ");
      return rng.chance(0.6)
        ? { display: name, local: latin, locale: "my" }
        : { display: title, local: latin, locale: "my" };
    },
  },
  {
    code: "sg",
    weight: 3,
    domain: "example.sg",
    phone: (rng) => `+65${rng.pick(["8", "9"])}${rng.digits(7)}`,
    person: (rng) => {
      const given = rng.pick(corpus.LATIN_GIVEN);
      const family = rng.pick(corpus.LATIN_FAMILY);
      return {
        display: `${given} ${family}`,
        local: `${given.replace(/ /g, "").toLowerCase()}.${family.toLowerCase()}`,
        locale: "en",
      };
    },
  },
  {
    code: "vn",
    weight: 1,
    domain: "example.vn",
    phone: (rng) => `+849${rng.digits(8)}`,
    person: (rng) => {
      const [display, local] = rng.pick(corpus.VIETNAMESE_NAMES);
      return { display, local, locale: "vi" };
    },
  },
  {
    code: "cn",
    weight: 1,
    domain: "example.cn",
    phone: (rng) => `+8613${rng.digits(9)}`,
    person: (rng) => {
      const [display, local] = rng.pick(corpus.CHINESE_NAMES);
      return { display, local, locale: "zh" };
    },
  },
];
const LOCALE_BAG = LOCALES.flatMap((l) => Array.from({ length: l.weight }, () => l));

function socialId(rng: Rng, type: string, phone: string): string {
  switch (type) {
    case "messenger":
      return `PSID-${rng.digits(10)}`;
    case "line":
      return `U${rng.uuid().replace(/-/g, "")}`;
    case "instagram":
      return `IGSID-${rng.digits(12)}`;
    case "telegram":
      return `TG-${rng.digits(9)}`;
    default:
      return phone.replace("+", "");
  }
}

export function generateState(seed: number, referenceTime: number): SimState {
  const rng = createRng(seed);
  const start = referenceTime - SEED_SIZES.days * DAY;
  const stamp = (ms: number) => ({ createdAt: iso(ms), updatedAt: iso(ms), deletedAt: null });

  const agents: Agent[] = corpus.AGENT_NAMES.map(([name, local]) => ({
    id: rng.uuid(),
    name,
    email: `${local}@klink-shop.example`,
    address: null,
    phone: null,
    notificationCount: rng.int(0, 12),
    ...stamp(start - 300 * DAY),
  }));
  const tags: TagRecord[] = corpus.TAG_NAMES.map((name) => ({ id: rng.uuid(), name, ...stamp(start - 200 * DAY) }));
  const channels: ChannelRecord[] = corpus.CHANNELS.map((c) => ({
    id: rng.uuid(),
    ...c,
    status: "active",
    ...stamp(start - 365 * DAY),
  }));
  const groups: GroupRecord[] = corpus.GROUPS.map((g) => ({
    id: rng.uuid(),
    ...g,
    contactCount: 0,
    ...stamp(start - 100 * DAY),
  }));

  let order = 0;
  const category = (
    value: string,
    parentId: string | null,
    level: number,
    sortOrder: number,
    children: [string, string[]][],
  ): CategoryRecord => {
    const id = rng.uuid();
    const at = iso(start - 90 * DAY + order++ * 60_000);
    return {
      id,
      createdAt: at,
      updatedAt: at,
      deletedAt: null,
      value,
      parentId,
      level,
      sortOrder,
      childCategoryList: children.map(([child, grandchildren], i) =>
        category(
          child,
          id,
          level + 1,
          i,
          grandchildren.map((g) => [g, []]),
        ),
      ),
    };
  };
  const categories = corpus.CATEGORY_TREE.map(([value, children], i) => category(value, null, 1, i, children));

  const contactFields = contactFormFields(rng);
  const ticketFields = ticketFormFields(rng);

  const contacts: ContactRecord[] = [];
  for (let i = 0; i < SEED_SIZES.contacts; i++) {
    const locale = rng.pick(LOCALE_BAG);
    const person = locale.person(rng);
    const createdMs = start + Math.floor(((i + rng.next()) / SEED_SIZES.contacts) * (SEED_SIZES.days - 1) * DAY);
    const created = iso(createdMs);
    const phone = locale.phone(rng);
    const email = `${person.local}${rng.int(1, 999)}@${locale.domain}`;
    const platformChannels = [
      rng.pick(channels.slice(0, 6)),
      ...(rng.chance(0.3) ? [rng.pick(channels.slice(0, 6))] : []),
    ];
    const uniquePlatforms = [...new Map(platformChannels.map((c) => [c.id, c])).values()];
    const contactTags = [...new Set([rng.pick(tags), ...(rng.chance(0.4) ? [rng.pick(tags)] : [])])];
    const company = rng.chance(0.25)
      ? {
          id: rng.uuid(),
          name: `${rng.pick(corpus.LATIN_FAMILY)} ${rng.pick(["Trading", "Holdings", "Co., Ltd.", "Pte. Ltd."])}`,
        }
      : null;
    contacts.push({
      id: rng.uuid(),
      name: person.display,
      address: rng.chance(0.5)
        ? `No.${rng.int(1, 300)}, ${rng.pick(["Sukhumvit Rd, Bangkok", "Pyay Rd, Yangon", "Orchard Rd, Singapore", "Nguyen Hue, Ho Chi Minh City", "ถนนสุขุมวิท กรุงเทพฯ", "ရန်ကုန်မြို့"])}`
        : null,
      channel: uniquePlatforms[0].type,
      notes: rng.chance(0.2)
        ? rng.pick(["Prefers LINE in the evening", "ลูกค้า VIP ติดต่อด่วน", "မြန်မာလို ပြောဆိုရန် ဦးစားပေး", "Wholesale account"])
        : null,
      contactNumber: phone,
      socialProfileUrl: null,
      contactProfile: null,
      companyId: company?.id ?? null,
      company,
      tags: contactTags.map((t) => ({ id: t.id, name: t.name })),
      contactEmails: [{ id: rng.uuid(), email, isPrimary: true, createdAt: created }],
      contactPhones: [{ id: rng.uuid(), phone, isPrimary: true, createdAt: created }],
      platformContacts: uniquePlatforms.map((c) => ({
        id: rng.uuid(),
        createdAt: created,
        updatedAt: created,
        deletedAt: null,
        channelId: c.id,
        socialPlatformId: socialId(rng, c.type, phone),
        type: c.type,
        botpress_user_metadata: null,
      })),
      customFields: {
        cf_customer_id: `CUS-${String(10_000 + i)}`,
        ...(rng.chance(0.5)
          ? { cf_birthday: iso(Date.UTC(rng.int(1960, 2004), rng.int(0, 11), rng.int(1, 28))).slice(0, 10) }
          : {}),
        cf_membership: rng.pick(["silver", "silver", "gold", "platinum"]),
        cf_preferred_language: person.locale,
      },
      createdAt: created,
      updatedAt: created,
      deletedAt: null,
    });
    const group = rng.chance(0.5) ? rng.pick(groups) : undefined;
    if (group) group.contactCount++;
  }
  contacts.reverse();

  const tickets: TicketRecord[] = [];
  for (let i = 0; i < SEED_SIZES.tickets; i++) {
    const contact = rng.pick(contacts);
    const subject = rng.pick(corpus.TICKET_SUBJECTS);
    const n = `#${rng.int(100_000, 999_999)}`;
    const createdMs = start + Math.floor(((i + rng.next()) / SEED_SIZES.tickets) * SEED_SIZES.days * DAY);
    const age = referenceTime - createdMs;
    // Older tickets are mostly done; recent ones mostly open.
    const status =
      age > 30 * DAY ? rng.pick(["resolved", "closed", "closed", "resolved", "pending"]) : rng.pick(TICKET_STATUSES);
    const assignee = rng.chance(0.8) ? rng.pick(agents) : undefined;
    tickets.push({
      id: rng.uuid(),
      ticketNumber: 38_000 + i,
      title: subject.title.replace("{n}", n),
      description: subject.description.replace("{n}", n),
      type: rng.pick(TICKET_TYPES),
      channel: rng.pick(TICKET_CHANNELS),
      priority: rng.pick([...TICKET_PRIORITIES, "medium", "low"]),
      status,
      contactId: contact.id,
      creatorId: rng.pick(agents).id,
      assigneeId: assignee?.id ?? null,
      reasonToAssign: assignee
        ? rng.pick(["Round robin", "Skill: billing", "Language: Thai", "Language: Burmese", "Escalation"])
        : null,
      tagIds: rng.chance(0.5) ? [rng.pick(tags).id] : [],
      customFields: {
        ...(rng.chance(0.4) ? { cf_trackingid: `TRK-${rng.digits(8)}` } : {}),
        ...(rng.chance(0.3) ? { cf_product: rng.pick(["kettle", "blender", "rice cooker", "air fryer"]) } : {}),
        ...(rng.chance(0.2) ? { cf_date: iso(createdMs - rng.int(0, 5) * DAY).slice(0, 10) } : {}),
      },
      createdAt: iso(createdMs),
      updatedAt: iso(createdMs + rng.int(0, 3 * DAY)),
      deletedAt: null,
    });
  }
  tickets.reverse();

  const cxLogs = generateCxLogs(rng, { start, referenceTime, agents, contacts, firstCaseId: 12_000 });

  return {
    agents,
    tags,
    channels,
    groups,
    categories,
    contactFields,
    ticketFields,
    contacts,
    tickets,
    cxLogs,
    nextTicketNumber: 38_000 + SEED_SIZES.tickets,
    nextCaseId: 12_000 + cxLogs.length,
  };
}
