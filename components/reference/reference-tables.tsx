// The flat reference lists: tags, channels and contact groups.
import type { Channel, ContactGroup as Group, Tag } from "@/lib/console/normalize/reference";
import { Badge } from "@/components/ui/badge";
import { Timestamp } from "@/components/ui/timestamp";
import ui from "@/components/ui/ui.module.css";

const created = (item: Record<string, unknown>) => (typeof item.createdAt === "string" ? item.createdAt : null);

export function TagTable({ tags }: { tags: Tag[] }) {
  return (
    <div className={ui.tableWrap}>
      <table className={ui.table} aria-label="Tags">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Created</th>
          </tr>
        </thead>
        <tbody>
          {tags.map((tag) => (
            <tr key={tag.id}>
              <td>{tag.name}</td>
              <td className={ui.nowrap}>
                <Timestamp value={created(tag)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ChannelTable({ channels }: { channels: Channel[] }) {
  return (
    <div className={ui.tableWrap}>
      <table className={ui.table} aria-label="Channels">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Type</th>
            <th scope="col">Status</th>
            <th scope="col">Created</th>
          </tr>
        </thead>
        <tbody>
          {channels.map((channel) => (
            <tr key={channel.id}>
              <td>{channel.name}</td>
              <td>
                <Badge value={channel.type} />
              </td>
              <td>{channel.status ?? <span className={ui.muted}>—</span>}</td>
              <td className={ui.nowrap}>
                <Timestamp value={created(channel)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function GroupTable({ groups }: { groups: Group[] }) {
  return (
    <div className={ui.tableWrap}>
      <table className={ui.table} aria-label="Contact groups">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Description</th>
            <th scope="col" className={ui.numeric}>
              Contacts
            </th>
          </tr>
        </thead>
        <tbody>
          {groups.map((group) => (
            <tr key={group.id}>
              <td>{group.name}</td>
              <td>{group.description || <span className={ui.muted}>—</span>}</td>
              <td className={ui.numeric}>
                {typeof group.contactCount === "number" ? group.contactCount.toLocaleString("en") : "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
