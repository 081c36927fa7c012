// The groups a contact is in, named from the tenant's group list.
import { Badge } from "@/components/ui/badge";
import ui from "@/components/ui/ui.module.css";

export function ContactGroups({ groups }: { groups: { id?: string; name: string }[] }) {
  if (!groups.length) return <p className={ui.muted}>Not in any group.</p>;
  return (
    <ul className={ui.chips} aria-label="Groups of this contact">
      {groups.map((g) => (
        <li key={g.id ?? g.name}>
          <Badge value={g.name} />
        </li>
      ))}
    </ul>
  );
}
