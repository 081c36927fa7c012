// A webhook delivery's processing status and verification result as coloured labels.
import ui from "@/components/ui/ui.module.css";

const STATUS_TONE: Record<string, string> = {
  processed: "tone-green",
  pending: "tone-amber",
  processing: "tone-amber",
  failed: "tone-red",
  rejected: "tone-red",
};

export function DeliveryStatus({ status }: { status: string }) {
  return <span className={`${ui.badge} ${ui[STATUS_TONE[status] ?? ""] ?? ""}`}>{status}</span>;
}

export function Verification({ value }: { value: string }) {
  return <span className={`${ui.badge} ${value === "verified" ? ui["tone-green"] : ui["tone-red"]}`}>{value}</span>;
}
