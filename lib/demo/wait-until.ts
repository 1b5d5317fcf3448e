/** Polls `probe` until it answers true (errors count as "not yet"), or fails after `timeoutMs`. */
export async function waitUntil(what: string, probe: () => Promise<boolean>, timeoutMs: number, intervalMs = 1_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  for (;;) {
    try {
      if (await probe()) return;
    } catch (error) {
      last = ` (last error: ${(error as Error).message})`;
    }
    if (Date.now() >= deadline) throw new Error(`${what} did not answer within ${Math.round(timeoutMs / 1000)} s${last}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
