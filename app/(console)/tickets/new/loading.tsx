import { TicketFormSkeleton } from "@/components/tickets/ticket-skeletons";

export default function Loading() {
  return <TicketFormSkeleton />;
}
