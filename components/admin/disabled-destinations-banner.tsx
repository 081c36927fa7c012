// Tells admins, on every console page, that the console disabled a forwarding destination (it
// answered 410, or failed for FORWARD_DISABLE_AFTER_MS): events for it are not forwarded.
import Link from "next/link";
import type { Actor } from "@/lib/identity/actor";
import { consoleDisabledDestinations } from "@/lib/forwarding/destinations-in-trouble";
import ui from "@/components/ui/ui.module.css";

export async function DisabledDestinationsBanner({ actor }: { actor: Actor }) {
  const disabled = await consoleDisabledDestinations(actor);
  if (disabled.length === 0) return null;
  return (
    <div className={`${ui.notice} ${ui["notice-error"]}`} role="status" data-testid="disabled-destinations-banner">
      <p>
        Forwarding is off for {disabled.map((d) => d.name).join(", ")}: the console disabled{" "}
        {disabled.length === 1 ? "it" : "them"}. <Link href="/admin/destinations">See why and enable again</Link>.
      </p>
    </div>
  );
}
