/**
 * `Date.toISOString` remembered per instant, for one batch or message: alerts posted together
 * share a few instants (received now, ending resolve_timeout later), and formatting every Date
 * again was a large share of serialising them.
 *
 * @example
 * const iso = isoStringsOf();
 * alerts.map((alert) => iso(alert.startsAt));
 */
export function isoStringsOf(): (date: Date) => string {
  const known = new Map<number, string>();
  return (date) => {
    const time = date.getTime();
    let text = known.get(time);
    if (text === undefined) known.set(time, (text = date.toISOString()));
    return text;
  };
}
