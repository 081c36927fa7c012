/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Scripts (simulator, migrations) run beside the app; only the app itself is bundled.
  typedRoutes: false,
  experimental: {
    // Bounded bodies (README "Limits and abuse"). A server action's body: Next.js stops reading it
    // at this size and refuses the action.
    serverActions: { bodySizeLimit: "1mb" },
    // Next.js copies the body of every non-GET page request for proxy.ts (which never reads it)
    // and keeps up to this much of it in memory: the default 10 MB per request is what an
    // outsider's parallel posts to a page would cost. A server action (the only body a page
    // takes) is at most 1 MB anyway.
    proxyClientMaxBodySize: "1mb",
  },
  typescript: {
    // `next build` type-checks the project unless told that this was just done: CI runs
    // `npm run typecheck` (the same tsconfig) right before its build and sets this, so that the
    // check is not run twice. Everyone else's build checks types.
    ignoreBuildErrors: process.env.BUILD_TYPES_ALREADY_CHECKED === "true",
  },
};

export default nextConfig;
