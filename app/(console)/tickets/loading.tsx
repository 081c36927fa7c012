import { TicketListSkeleton } from "@/components/tickets/ticket-skeletons";

export default function Loading() {
  return <TicketListSkeleton />;
}
