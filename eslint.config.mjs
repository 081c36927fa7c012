import nextConfig from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextConfig,
  ...nextTs,
  { ignores: ["lib/db/generated/**", ".next/**", "node_modules/**", "test-results/**", "data/**"] },
];

export default config;
