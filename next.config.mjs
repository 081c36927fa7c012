/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Scripts (simulator, migrations) run beside the app; only the app itself is bundled.
  typedRoutes: false,
};

export default nextConfig;
