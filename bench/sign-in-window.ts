/** The 30-day sign-in window every run collects, ending at the tenant's "now" (as the demo collects it). */
export const SIGN_IN_DAYS = 30;

/** [from, to) in whole seconds, as main/collect/sign-in-window.ts fixes it for a run ending at `until`. */
export function signInWindow(until: string): { from: string; to: string } {
  const end = Math.floor(Date.parse(until) / 1000) * 1000;
  const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
  return { from: iso(end - SIGN_IN_DAYS * 86_400_000), to: iso(end) };
}
