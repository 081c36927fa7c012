// A plain-text table for benchmark output: columns padded to their widest cell.
export function printTable(headers: string[], rows: string[][]): void {
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: string[]) => `  ${cells.map((cell, i) => cell.padEnd(widths[i])).join("  ")}`.trimEnd();
  console.log(line(headers));
  console.log(line(widths.map((width) => "-".repeat(width))));
  for (const row of rows) console.log(line(row));
}
