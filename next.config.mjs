/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Scripts (simulator, migrations) run beside the app; only the app itself is bundled.
  typedRoutes: false,
  typescript: {
    // `next build` type-checks the project unless told that this was just done: CI runs
    // `npm run typecheck` (the same tsconfig) right before its build and sets this, so that the
    // check is not run twice. Everyone else's build checks types.
    ignoreBuildErrors: process.env.BUILD_TYPES_ALREADY_CHECKED === "true",
  },
};

export default nextConfig;
