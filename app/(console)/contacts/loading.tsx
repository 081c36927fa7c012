import { ContactListSkeleton } from "@/components/contacts/contact-skeletons";

export default function Loading() {
  return <ContactListSkeleton />;
}
