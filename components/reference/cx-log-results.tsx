"use client";
// One page of CX logs for the chosen range: the server-rendered page as SWR's fallback, kept fresh
// under [proxy URL, zone] — the zone travels as the x-client-timezone header, so it is part of
// the key (live events about messages revalidate every CX log key).
import useSWR from "swr";
import { shownAnswer, type ShownAnswer } from "@/lib/console/normalize/answers";
import { cxLogsHref, cxLogsProxyUrl, totalOf, type CxLogQuery } from "@/lib/console/cx-log-range";
import { consoleApi } from "@/lib/console/console-api";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { useListKeyboard } from "@/components/ui/use-list-keyboard";
import { CxLogTable } from "./cx-log-table";

type Listing = ShownAnswer<"cxLogs.list">;

/** K-LINK's answer read as the server read it (normalize/answers.ts). */
async function fetchInZone([url, timeZone]: [string, string]): Promise<Listing> {
  const result = await consoleApi(url, { headers: { "x-client-timezone": timeZone } });
  if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
  return shownAnswer("cxLogs.list", result.data);
}

export function CxLogResults({
  query,
  timeZone,
  fallbackData,
}: {
  query: CxLogQuery;
  timeZone: string;
  fallbackData: Listing;
}) {
  const { data = fallbackData } = useSWR<Listing, Error, [string, string]>(
    [cxLogsProxyUrl(query), timeZone],
    fetchInZone,
    { fallbackData, revalidateOnMount: false },
  );
  const container = useListKeyboard<HTMLDivElement>();
  const total = totalOf(data.cxLogs.total);
  const pageSize = data.cxLogs.pageSize ?? query.pageSize;
  if (!data.cxLogs.data.length) {
    return (
      <EmptyState title="No interactions in this range">
        <p>
          Nothing started between {query.from} and {query.to} ({timeZone}). Try a longer range.
        </p>
      </EmptyState>
    );
  }
  return (
    <div ref={container}>
      <CxLogTable logs={data.cxLogs.data} timeZone={timeZone} label="CX logs" rowKeys />
      <Pagination
        page={data.cxLogs.page}
        lastPage={Math.max(1, Math.ceil(total / pageSize))}
        total={total}
        pageSize={pageSize}
        label="CX log pages"
        hrefFor={(page) => cxLogsHref({ ...query, timeZone, page })}
      />
    </div>
  );
}
