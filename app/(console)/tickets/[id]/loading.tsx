import { TicketDetailSkeleton } from "@/components/tickets/ticket-skeletons";

export default function Loading() {
  return <TicketDetailSkeleton />;
}
