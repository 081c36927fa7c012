"use client";
// Re-renders the (server-rendered) history when live events arrive, at most once a second.
import { useRouter } from "next/navigation";
import { useCallback, useRef } from "react";
import { useLiveEvents } from "@/lib/events/use-live-events";

export function LiveRefresh() {
  const router = useRouter();
  const last = useRef(0);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const onEvent = useCallback(() => {
    if (pending.current) return;
    const wait = Math.max(0, last.current + 1000 - Date.now());
    pending.current = setTimeout(() => {
      pending.current = null;
      last.current = Date.now();
      router.refresh();
    }, wait);
  }, [router]);
  useLiveEvents(onEvent);
  return null;
}
