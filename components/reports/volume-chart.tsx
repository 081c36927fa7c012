"use client";
// Interactions per day (or hour), stacked inbound / outbound / other. One image for assistive
// technology (its label holds the summary); the numbers are in the table below it.
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import type { VolumeRow } from "@/lib/reports/summarize";

const SERIES = [
  { key: "inbound", label: "Inbound", colour: "#2563eb" },
  { key: "outbound", label: "Outbound", colour: "#c26a05" },
  { key: "other", label: "Other", colour: "#64748b" },
] as const;

export function VolumeChart({ rows, summary }: { rows: VolumeRow[]; summary: string }) {
  return (
    <div role="img" aria-label={summary} style={{ width: "100%", height: 260 }}>
      <BarChart
        data={rows}
        responsive
        style={{ width: "100%", height: 260 }}
        margin={{ top: 12, right: 8, bottom: 0, left: 0 }}
        accessibilityLayer={false}
      >
        <CartesianGrid vertical={false} stroke="#e5e8ee" />
        <XAxis
          dataKey="label"
          tickLine={false}
          axisLine={{ stroke: "#a9b0bc" }}
          tick={{ fill: "#525a68", fontSize: 12 }}
          interval="preserveStartEnd"
          minTickGap={16}
        />
        <YAxis
          allowDecimals={false}
          tickLine={false}
          axisLine={false}
          tick={{ fill: "#525a68", fontSize: 12 }}
          width={40}
        />
        <Tooltip cursor={{ fill: "#eef2ff" }} />
        <Legend />
        {SERIES.map((series) => (
          <Bar
            key={series.key}
            dataKey={series.key}
            name={series.label}
            stackId="volume"
            fill={series.colour}
            isAnimationActive={false}
            maxBarSize={28}
          />
        ))}
      </BarChart>
    </div>
  );
}
