// One table of the Reports page with its CSV download: a caption, column headers (numbers right-
// aligned), and rows already formatted for people. The frame scrolls and takes the keyboard focus
// (axe: scrollable-region-focusable).
import type { ReactNode } from "react";
import ui from "@/components/ui/ui.module.css";

export type Column = { label: string; numeric?: boolean };

export function ReportTable({
  title,
  columns,
  rows,
  csvHref,
  footer,
}: {
  title: string;
  columns: Column[];
  rows: { key: string; cells: ReactNode[] }[];
  csvHref: string;
  footer?: ReactNode[];
}) {
  return (
    <div>
      <p style={{ margin: "0 0 0.4rem", textAlign: "right" }}>
        <a href={csvHref} download>
          Download {title.toLowerCase()} as CSV
        </a>
      </p>
      <div className={ui.tableWrap} role="region" aria-label={title} tabIndex={0} style={{ maxHeight: "28rem" }}>
        <table className={ui.table}>
          <caption>{title}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.label} scope="col" className={c.numeric ? ui.numeric : undefined}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={columns.length} className={ui.muted}>
                  No interactions.
                </td>
              </tr>
            ) : (
              rows.map((row) => (
                <tr key={row.key}>
                  {row.cells.map((cell, i) => (
                    <td key={columns[i].label} className={columns[i].numeric ? ui.numeric : undefined}>
                      {cell}
                    </td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
          {footer ? (
            <tfoot>
              <tr>
                {footer.map((cell, i) => (
                  <th
                    key={columns[i].label}
                    scope={i === 0 ? "row" : undefined}
                    className={columns[i].numeric ? ui.numeric : undefined}
                  >
                    {cell}
                  </th>
                ))}
              </tr>
            </tfoot>
          ) : null}
        </table>
      </div>
    </div>
  );
}
