// A contact's custom fields, labelled from the tenant's form fields. Values the tenant no longer
// lists (unknown or archived fields) are still shown, marked as such.
import type { CustomFieldRow } from "@/lib/console/contact-details";
import ui from "@/components/ui/ui.module.css";

/** `labelsKnown` false: the form fields could not be read, so no field can be called unknown. */
export function CustomFieldList({ rows, labelsKnown = true }: { rows: CustomFieldRow[]; labelsKnown?: boolean }) {
  if (!rows.length)
    return (
      <p className={ui.muted}>
        {labelsKnown ? "This tenant has no custom contact fields." : "No custom field values."}
      </p>
    );
  return (
    <dl className={ui.dl}>
      {rows.map((row) => (
        <div key={row.key} style={{ display: "contents" }}>
          <dt>
            {row.label}
            {!row.known && labelsKnown ? (
              <span className={ui.muted} style={{ fontWeight: 400 }}>
                {" "}
                (not in this tenant&apos;s form fields)
              </span>
            ) : null}
            {row.archived ? (
              <span className={ui.muted} style={{ fontWeight: 400 }}>
                {" "}
                (archived)
              </span>
            ) : null}
          </dt>
          <dd>{row.value === "—" ? <span className={ui.muted}>—</span> : row.value}</dd>
        </div>
      ))}
    </dl>
  );
}
