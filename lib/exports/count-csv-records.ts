// Counts the records of a CSV text arriving in pieces: a line end inside a quoted cell (a
// description with line breaks) is part of the cell, not a new record. Safe to import in client
// components (the export button's progress).
export function csvRecordCounter(): (chunk: string) => number {
  let quoted = false;
  let records = 0;
  return (chunk) => {
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c === 34) quoted = !quoted;
      else if (c === 10 && !quoted) records++;
    }
    return records;
  };
}
