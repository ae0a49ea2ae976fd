// Benchmark fixture (scripts/bench/run.mjs): a bare App Router app whose only page is prerendered
// at build time. It is never built in place: the benchmark copies this folder to a temporary
// directory, hard-links the repository's node_modules next to it (so it uses the same `next`),
// writes content.json and runs `next build` there. The root is pinned to that copy, so Turbopack
// never infers a parent workspace (or picks up the portal's proxy.ts).
/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  turbopack: { root: import.meta.dirname },
  outputFileTracingRoot: import.meta.dirname,
};

export default nextConfig;
