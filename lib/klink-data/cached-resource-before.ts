import "server-only";
// The "before" of an audited write, when it costs nothing: the cached answer of the read
// endpoint at the same path (PATCH/DELETE /contacts/{id} → GET /contacts/{id}), if the cache
// holds one. No extra call to K-LINK is made for it.
import { cacheKey } from "../cache/cache-key";
import { getCache } from "../cache/get-cache";
import { endpoints, type EndpointDef, type KlinkCallInput } from "../klink/registry";

export async function cachedResourceBefore(
  def: EndpointDef,
  connectionId: string,
  input: KlinkCallInput,
): Promise<unknown> {
  const reader = (Object.values(endpoints) as EndpointDef[]).find(
    (candidate) => candidate.method === "GET" && candidate.path === def.path && candidate.cache,
  );
  if (!reader) return undefined;
  try {
    const entry = await getCache().get<{ data: unknown }>(
      cacheKey(connectionId, reader.name, { params: input.params, query: {}, headers: {} }),
    );
    return entry?.value.data;
  } catch {
    return undefined;
  }
}
