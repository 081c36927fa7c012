// A ticket or contact page inside its presence scope when collaboration data is there (a
// connection is configured), else as it is.
import type { ReactNode } from "react";
import type { RecordCollaboration } from "@/lib/console/record-collaboration";
import { PresenceScope } from "./presence";

export function CollaborationScope({ collab, children }: { collab: RecordCollaboration | null; children: ReactNode }) {
  if (!collab) return <>{children}</>;
  return (
    <PresenceScope connectionId={collab.connectionId} record={collab.record}>
      {children}
    </PresenceScope>
  );
}
