// The simulator's in-memory tenant. Records are kept in the shape the API answers with, except
// that tickets and CX logs hold ids and are joined with their contact, agents and tags on the way
// out, so a renamed contact shows up everywhere at once.
export type Agent = {
  id: string;
  name: string;
  email: string;
  address: null;
  phone: null;
  notificationCount: number;
  createdAt: string;
  updatedAt: string;
  deletedAt: null;
};

export type TagRecord = { id: string; name: string; createdAt: string; updatedAt: string; deletedAt: null };
export type ChannelRecord = {
  id: string;
  name: string;
  type: string;
  status: string;
  createdAt: string;
  updatedAt: string;
  deletedAt: null;
};
export type GroupRecord = {
  id: string;
  name: string;
  description: string;
  contactCount: number;
  createdAt: string;
  updatedAt: string;
  deletedAt: null;
};

export type CategoryRecord = {
  id: string;
  createdAt: string;
  updatedAt: string;
  deletedAt: null;
  value: string;
  parentId: string | null;
  level: number;
  sortOrder: number;
  childCategoryList: CategoryRecord[];
};

export type FormFieldRecord = {
  id: string;
  system_name: string;
  display_name: string;
  type: "text" | "textarea" | "date" | "select" | "number";
  is_default: boolean;
  is_archived: boolean;
  is_required: boolean;
  is_unique: boolean;
  options: { value: string; label: string; is_default?: boolean }[];
};

export type PlatformContact = {
  id: string;
  createdAt: string;
  updatedAt: string;
  deletedAt: null;
  channelId: string;
  socialPlatformId: string;
  type: string;
  botpress_user_metadata: null;
};

export type ContactRecord = {
  id: string;
  name: string;
  address: string | null;
  channel: string | null;
  notes: string | null;
  contactNumber: string | null;
  socialProfileUrl: string | null;
  contactProfile: string | null;
  companyId: string | null;
  company: { id: string; name: string } | null;
  tags: { id: string; name: string }[];
  contactEmails: { id: string; email: string; isPrimary: boolean; createdAt: string }[];
  contactPhones: { id: string; phone: string; isPrimary: boolean; createdAt: string }[];
  platformContacts: PlatformContact[];
  customFields: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  [extra: string]: unknown;
};

export type TicketRecord = {
  id: string;
  ticketNumber: number;
  title: string;
  description: string;
  type: string;
  channel: string;
  priority: string;
  status: string;
  contactId: string;
  creatorId: string;
  assigneeId: string | null;
  reasonToAssign: string | null;
  tagIds: string[];
  customFields: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
  deletedAt: null;
  [extra: string]: unknown;
};

export type CxLogRecord = {
  id: string;
  caseId: number;
  startedAtMs: number;
  contactId: string;
  /** null: nobody took it (no response). */
  agentId: string | null;
  fields: Record<string, unknown>;
};

export type SimState = {
  agents: Agent[];
  tags: TagRecord[];
  channels: ChannelRecord[];
  groups: GroupRecord[];
  categories: CategoryRecord[];
  contactFields: FormFieldRecord[];
  ticketFields: FormFieldRecord[];
  /** Newest first. */
  contacts: ContactRecord[];
  /** Newest first. */
  tickets: TicketRecord[];
  /** Newest first. */
  cxLogs: CxLogRecord[];
  nextTicketNumber: number;
  nextCaseId: number;
};
