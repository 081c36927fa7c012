// The command palette's searches, free of React so they can be tested alone. Several sources
// answer one query at their own pace (the console's own lists at once, K-LINK's ticket and contact
// searches when they answer); each answer is kept only while its query is still the latest one,
// so a slow answer to "ket" never overwrites the answer to "kettle". Safe to import in client
// components.

export type PaletteItem = {
  /** Unique within the palette (also the option's element id). */
  id: string;
  group: PaletteGroup;
  label: string;
  /** A second line: a ticket's status, a contact's e-mail, a view's list … */
  detail?: string;
  /** Where choosing it goes; absent for actions that run in the page. */
  href?: string;
  action?: "export";
};

export const PALETTE_GROUPS = ["Actions", "Saved views", "Recent", "Pages", "Tickets", "Contacts"] as const;
export type PaletteGroup = (typeof PALETTE_GROUPS)[number];

export type RemoteSource = "Tickets" | "Contacts";

export type SearchState = {
  query: string;
  results: Partial<Record<RemoteSource, PaletteItem[]>>;
  pending: RemoteSource[];
  failed: RemoteSource[];
};

export const emptySearch = (query = ""): SearchState => ({ query, results: {}, pending: [], failed: [] });

/**
 * Runs the remote searches of each query typed, handing every state change to `update`. An answer
 * is applied only while its query is still the latest one; starting a new query aborts the older
 * searches (their answers, if they come anyway, are dropped).
 */
export function createPaletteSearch(
  search: (source: RemoteSource, query: string, signal: AbortSignal) => Promise<PaletteItem[]>,
  update: (state: SearchState) => void,
) {
  let latest = 0;
  let controller: AbortController | null = null;
  let state = emptySearch();
  const set = (next: SearchState) => {
    state = next;
    update(state);
  };

  return {
    /** Starts the searches for `query` (blank: nothing to ask K-LINK). */
    run(query: string, sources: readonly RemoteSource[]): Promise<void> {
      const ticket = ++latest;
      controller?.abort();
      controller = new AbortController();
      const { signal } = controller;
      const trimmed = query.trim();
      if (!trimmed) {
        set(emptySearch(query));
        return Promise.resolve();
      }
      set({ ...emptySearch(query), pending: [...sources] });
      return Promise.all(
        sources.map(async (source) => {
          let items: PaletteItem[] | null = null;
          try {
            items = await search(source, trimmed, signal);
          } catch {
            items = null;
          }
          if (ticket !== latest) return; // a newer query is on screen: this answer is stale
          set({
            query: state.query,
            results: items ? { ...state.results, [source]: items } : state.results,
            pending: state.pending.filter((s) => s !== source),
            failed: items ? state.failed : [...state.failed, source],
          });
        }),
      ).then(() => undefined);
    },
    cancel(): void {
      latest++;
      controller?.abort();
    },
  };
}

/** Case- and accent-insensitive "contains", for the palette's own lists. */
export function matches(query: string, ...texts: (string | undefined | null)[]): boolean {
  const fold = (text: string) => text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
  const wanted = fold(query.trim());
  return !wanted || texts.some((text) => text && fold(text).includes(wanted));
}
