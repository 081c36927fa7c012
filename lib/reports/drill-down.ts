// The drill-down from a report's breakdown row to the CX logs it counted: the CX logs page with
// the same range and zone and the row's dimension and key (the key functions of
// log-dimensions.ts decide which logs match). Safe to import anywhere.
import { queryString, firstParam, type SearchParams } from "../console/search-params";
import { isDimension, type Dimension } from "./log-dimensions";

export type DrillDown = { dimension: Dimension; key: string };

export function drillDownHref(range: { from: string; to: string; timeZone: string }, drill: DrillDown): string {
  return `/cx-logs${queryString({ from: range.from, to: range.to, tz: range.timeZone, by: drill.dimension, key: drill.key })}`;
}

/** The drill-down a CX logs URL asks for, if any (an unknown dimension is ignored). */
export function drillDownOf(params: SearchParams): DrillDown | null {
  const by = firstParam(params, "by");
  const key = firstParam(params, "key");
  if (!by || !isDimension(by) || key === undefined || key.length > 200) return null;
  return { dimension: by, key };
}
