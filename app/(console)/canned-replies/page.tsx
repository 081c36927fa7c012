// /canned-replies: the agent's own canned replies and the shared ones (admins manage those).
import type { Metadata } from "next";
import { CannedRepliesManager } from "@/components/canned-replies/canned-replies-manager";
import { PageHeader } from "@/components/ui/page-header";
import { listCannedReplies } from "@/lib/canned-replies/canned-replies";
import { consolePage } from "@/lib/doors/console-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Canned replies" };

export default async function CannedRepliesPage() {
  const page = await consolePage("agent");
  const replies = await listCannedReplies(page.actor);
  return (
    <>
      <PageHeader
        title="Canned replies"
        description="Templates for messages: type / in a message to insert one. Variables such as {{contact.name}} are filled in when inserted."
      />
      <CannedRepliesManager initial={replies} isAdmin={page.can.admin} />
    </>
  );
}
