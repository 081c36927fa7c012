import { z } from "zod";
import { route } from "@/lib/doors/route";
import { handleAuthRequest } from "@/lib/auth/next-auth-handler";
import { requestInfoOf } from "@/lib/audit/request-audit";

export const dynamic = "force-dynamic";

// next-auth checks its own CSRF token on every POST; sign-in is public by nature.
const handler = route(
  { access: "public", params: z.object({ nextauth: z.array(z.string()) }) },
  ({ req, params, requestId }) => handleAuthRequest(req, params.nextauth, requestInfoOf(req, requestId)),
);

export { handler as GET, handler as POST };
