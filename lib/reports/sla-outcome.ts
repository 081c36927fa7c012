// K-LINK's slaStatus is documented by one example value, "meet" (shared/klink-api/README.md).
// Met is "meet"/"met"; no status (null, empty, "none") is an interaction without an SLA; any other
// value ("breach", "breached", "missed", …) counts as breached, so an unexpected spelling shows up
// as a breach to look at rather than vanishing. Safe to import anywhere.
export type SlaOutcome = "met" | "breached" | "none";

export function slaOutcome(status: unknown): SlaOutcome {
  if (typeof status !== "string") return "none";
  const value = status.trim().toLowerCase();
  if (value === "" || value === "none" || value === "no_sla" || value === "n/a") return "none";
  if (value === "meet" || value === "met" || value === "within") return "met";
  return "breached";
}
