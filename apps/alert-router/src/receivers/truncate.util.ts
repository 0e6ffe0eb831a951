/** At most `max` characters, ending in … when cut (as Alertmanager truncates titles). */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
