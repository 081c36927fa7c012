import { ContactDetailSkeleton } from "@/components/contacts/contact-skeletons";

export default function Loading() {
  return <ContactDetailSkeleton />;
}
