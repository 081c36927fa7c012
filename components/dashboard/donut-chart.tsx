"use client";
// A donut of parts of a whole (cache reads by state, K-LINK calls ok or failed) with the headline
// figure in the middle. One image for assistive technology; the parts and their numbers are in
// the legend next to it, as text.
import { Pie, PieChart, Sector, type PieSectorShapeProps } from "recharts";

export type DonutPart = { key: string; label: string; value: number; colour: string };

export function DonutChart({
  parts,
  centre,
  summary,
  size = 150,
}: {
  parts: DonutPart[];
  centre: string;
  summary: string;
  size?: number;
}) {
  const shown = parts.some((p) => p.value > 0) ? parts : [{ key: "none", label: "none", value: 1, colour: "#e5e8ee" }];
  return (
    <div role="img" aria-label={summary} style={{ width: size, height: size, position: "relative", flex: "none" }}>
      <PieChart width={size} height={size} accessibilityLayer={false}>
        <Pie
          data={shown}
          dataKey="value"
          nameKey="label"
          innerRadius={size * 0.32}
          outerRadius={size * 0.48}
          paddingAngle={shown.length > 1 ? 1 : 0}
          isAnimationActive={false}
          stroke="none"
          shape={(props: PieSectorShapeProps) => <Sector {...props} fill={(props.payload as DonutPart).colour} />}
        />
      </PieChart>
      <span
        aria-hidden="true"
        style={{
          position: "absolute",
          inset: 0,
          display: "grid",
          placeItems: "center",
          fontWeight: 700,
          fontSize: size > 120 ? "1.35rem" : "1.05rem",
          color: "#1a1d23",
        }}
      >
        {centre}
      </span>
    </div>
  );
}
