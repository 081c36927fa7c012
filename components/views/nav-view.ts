// A saved view as the navigation and the command palette show it (what the server hands the
// browser: no owner ids). Safe to import anywhere.
import type { ViewList } from "@/lib/views/view-query";

export type NavView = { id: string; list: ViewList; name: string; query: string; href: string; shared: boolean };
