/** The window this pad stands at: `/pad/?counter=3` or `/kiosk/rate?counter=3`. */
export function counterIdFrom(search: string): string | null {
  return new URLSearchParams(search).get('counter')?.trim() || null;
}
