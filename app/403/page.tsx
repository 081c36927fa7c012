import type { Metadata } from "next";
import Link from "next/link";
import { currentActor } from "@/lib/auth/page-guard";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Not allowed" };

export default async function ForbiddenPage() {
  const actor = await currentActor();
  return (
    <main style={{ padding: "2rem", maxWidth: "40rem" }}>
      <h1>Not allowed</h1>
      <p>
        {actor
          ? `You are signed in as ${actor.email} with the ${actor.role} role, which may not open that page.`
          : "You need to sign in to open that page."}
      </p>
      <p>
        <Link href="/">Back to the console</Link>
      </p>
    </main>
  );
}
