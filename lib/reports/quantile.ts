// Median and 90th percentile of durations: linear interpolation between the closest ranks (the
// "R-7" definition, as spreadsheets' PERCENTILE.INC), so the median of an even count is the mean
// of the middle two. Safe to import anywhere.

/** The p-quantile (0 ≤ p ≤ 1) of ascending `sorted`; null when empty. */
export function quantile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

export function ascending(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

export type Spread = { median: number | null; p90: number | null; count: number };

export function spreadOf(values: readonly number[]): Spread {
  const sorted = ascending(values);
  return { median: quantile(sorted, 0.5), p90: quantile(sorted, 0.9), count: sorted.length };
}
