"use client";
// A horizontal bar chart of ticket counts (one bar per status, priority or channel), the count
// written at the end of each bar. Clicking a bar opens the ticket list filtered by it; keyboard
// and screen-reader users get the same numbers and links from the table that goes with it (the
// chart itself is one image with the numbers in its label).
import { useRouter } from "next/navigation";
import { Bar, BarChart, LabelList, Rectangle, Tooltip, XAxis, YAxis, type BarShapeProps } from "recharts";

export type BreakdownBar = { label: string; count: number; colour: string; href: string };

export function BreakdownChart({ bars, summary }: { bars: BreakdownBar[]; summary: string }) {
  const router = useRouter();
  const height = Math.max(80, bars.length * 34 + 16);
  const longest = Math.max(...bars.map((b) => b.label.length), 4);
  return (
    <div role="img" aria-label={summary} style={{ width: "100%", height }}>
      <BarChart
        layout="vertical"
        data={bars}
        responsive
        style={{ width: "100%", height }}
        margin={{ top: 4, right: 52, bottom: 4, left: 4 }}
        accessibilityLayer={false}
      >
        <XAxis type="number" hide allowDecimals={false} />
        <YAxis
          type="category"
          dataKey="label"
          width={Math.min(140, longest * 7.5 + 12)}
          tickLine={false}
          axisLine={false}
          tick={{ fill: "#303642", fontSize: 13 }}
          interval={0}
        />
        <Tooltip cursor={{ fill: "#eef2ff" }} formatter={(value) => [Number(value).toLocaleString("en"), "Tickets"]} />
        <Bar
          dataKey="count"
          isAnimationActive={false}
          cursor="pointer"
          maxBarSize={24}
          onClick={(entry) => {
            const href = (entry as { payload?: BreakdownBar }).payload?.href;
            if (href) router.push(href);
          }}
          shape={(props: BarShapeProps) => (
            <Rectangle {...props} radius={[0, 4, 4, 0]} fill={(props.payload as BreakdownBar).colour} />
          )}
        >
          <LabelList
            dataKey="count"
            position="right"
            fill="#1a1d23"
            fontSize={13}
            fontWeight={600}
            formatter={(value) => Number(value).toLocaleString("en")}
          />
        </Bar>
      </BarChart>
    </div>
  );
}
