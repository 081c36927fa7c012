import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { env } from "@/lib/env";
import { oidcConfigured } from "@/lib/auth/auth-options";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { loginErrorMessage } from "@/lib/auth/login-errors";
import { currentActor } from "@/lib/doors/page-guard";
import { LoginForm } from "./login-form";
import styles from "../auth.module.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const config = env();
  const callbackUrl = safeCallbackPath(first(params.callbackUrl), config.NEXTAUTH_URL);
  if (await currentActor()) redirect(callbackUrl);
  return (
    <main className={styles.page}>
      <div className={styles.card}>
        <p className={styles.brand}>
          <span className={styles.brandMark} aria-hidden="true">
            K
          </span>
          Klink Console
        </p>
        <h1>Sign in to Klink Console</h1>
        <p className={styles.lead}>The staff console for your K-LINK customer support.</p>
        <LoginForm
          callbackUrl={callbackUrl}
          initialError={loginErrorMessage(first(params.error))}
          ssoName={oidcConfigured(config) ? config.OIDC_NAME : undefined}
        />
        <p className={styles.foot}>No account yet? Ask an administrator of this console to add you.</p>
      </div>
    </main>
  );
}
