import { ContactFormSkeleton } from "@/components/contacts/contact-skeletons";

export default function Loading() {
  return <ContactFormSkeleton />;
}
