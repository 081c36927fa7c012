"use client";
// Webhook deliveries per hour, stacked by what became of them, the hour's total above each bar.
// One image for assistive technology (its label holds the summary); the hour-by-hour numbers are
// in the table next to it.
import { Bar, BarChart, CartesianGrid, LabelList, Tooltip, XAxis, YAxis } from "recharts";
import { DELIVERY_SERIES as SERIES, SERIES_COLOURS, type HourPoint } from "./chart-style";

/** Whether `key` is the top non-empty segment of the point's stack (where its total is written). */
function isTopSegment(point: HourPoint | undefined, key: string): boolean {
  if (!point || point.total === 0) return false;
  const top = [...SERIES].reverse().find((s) => point[s.key] > 0);
  return top?.key === key;
}

export function HourlyDeliveriesChart({ points, summary }: { points: HourPoint[]; summary: string }) {
  return (
    <div role="img" aria-label={summary} style={{ width: "100%", height: 240 }}>
      <BarChart
        data={points}
        responsive
        style={{ width: "100%", height: 240 }}
        margin={{ top: 20, right: 8, bottom: 0, left: 0 }}
        accessibilityLayer={false}
      >
        <CartesianGrid vertical={false} stroke="#e5e8ee" />
        <XAxis
          dataKey="hour"
          tickLine={false}
          axisLine={{ stroke: "#a9b0bc" }}
          tick={{ fill: "#525a68", fontSize: 12 }}
          interval="preserveStartEnd"
          minTickGap={12}
        />
        <YAxis
          allowDecimals={false}
          tickLine={false}
          axisLine={false}
          tick={{ fill: "#525a68", fontSize: 12 }}
          width={36}
        />
        <Tooltip cursor={{ fill: "#eef2ff" }} labelFormatter={(hour) => `${hour} UTC`} />
        {SERIES.map((series) => (
          <Bar
            key={series.key}
            dataKey={series.key}
            name={series.label}
            stackId="deliveries"
            fill={SERIES_COLOURS[series.key]}
            isAnimationActive={false}
            maxBarSize={28}
          >
            <LabelList
              dataKey="total"
              content={(label) => {
                const point = points[Number(label.index)];
                if (!isTopSegment(point, series.key)) return null;
                const x = Number(label.x) + Number(label.width) / 2;
                return (
                  <text x={x} y={Number(label.y) - 5} textAnchor="middle" fill="#1a1d23" fontSize={11} fontWeight={600}>
                    {point.total.toLocaleString("en")}
                  </text>
                );
              }}
            />
          </Bar>
        ))}
      </BarChart>
    </div>
  );
}
