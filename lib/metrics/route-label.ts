// A low-cardinality route label for request metrics: ids in a path become ":id", so every
// ticket shares one series instead of creating one per ticket.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NUMBER = /^\d+$/;
// cuids, K-LINK social platform ids, hex hashes: long tokens mixing letters and digits.
const OPAQUE_ID = /^(?=.*\d)[A-Za-z0-9_.~-]{8,}$/;

export function routeLabel(pathname: string): string {
  return pathname
    .split("/")
    .map((segment) => (UUID.test(segment) || NUMBER.test(segment) || OPAQUE_ID.test(segment) ? ":id" : segment))
    .join("/");
}
