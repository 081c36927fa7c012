// The paginated listing envelope `{total, page, pageSize, lastPage, data}`
// (shared/klink-api/README.md §6), read whatever K-LINK put in it: counts as numbers or numeric
// strings, missing ones worked out from what is there, `data` that is not a list read as empty.
// Safe to import anywhere.
import { asArray, asCount, asRecord } from "./values";

export type Listing<T> = { total: number; page: number; pageSize: number; lastPage: number; data: T[] };

export function normalizeListing<T>(raw: unknown, item: (raw: unknown) => T | null): Listing<T> {
  const record = asRecord(raw) ?? {};
  const data = asArray(Array.isArray(raw) ? raw : record.data).flatMap((entry) => {
    const shown = item(entry);
    return shown === null ? [] : [shown];
  });
  const total = asCount(record.total) ?? data.length;
  const pageSize = positive(asCount(record.pageSize)) ?? Math.max(data.length, 1);
  const page = positive(asCount(record.page)) ?? 1;
  const lastPage = positive(asCount(record.lastPage)) ?? Math.max(1, Math.ceil(total / pageSize), page);
  return { total, page, pageSize, lastPage, data };
}

const positive = (n: number | null) => (n !== null && n > 0 ? n : null);
