// Node-side entry of @flotilla/web: tells the hub where the built dashboard lives.
// (The browser entry is src/main.tsx; nothing here is bundled.)

/** Absolute path of the built dashboard (packages/web/dist), which the hub serves at `/`. */
export function dashboardDir(): string {
  return decodeURIComponent(new URL('../dist', import.meta.url).pathname);
}
