const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH = `(${MONTHS.join('|')})`;
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})';

// The three HTTP-date forms a recipient must accept (RFC 9110 §5.6.7), all in UTC.
const IMF_FIXDATE = new RegExp(`^[A-Z][a-z]{2}, (\\d{2}) ${MONTH} (\\d{4}) ${TIME} GMT$`);
const RFC_850 = new RegExp(`^[A-Z][a-z]+, (\\d{2})-${MONTH}-(\\d{2}) ${TIME} GMT$`);
const ASCTIME = new RegExp(`^[A-Z][a-z]{2} ${MONTH} ([ \\d]\\d) ${TIME} (\\d{4})$`);

/**
 * How long a `Retry-After` header asks to wait from `now`, in milliseconds: delta-seconds or an
 * HTTP-date (a date already past is 0). Undefined when absent or unreadable, so the caller falls back
 * to its own backoff. `Date.parse` is not used: it reads asctime as local time and accepts "1.5".
 *
 * @example
 * retryAfterMs('120', now) // 120_000
 * retryAfterMs('Wed, 21 Oct 2015 07:28:00 GMT', new Date('2015-10-21T07:27:30Z')) // 30_000
 */
export function retryAfterMs(value: string | null | undefined, now: Date): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1_000;
  const at = httpDateMsOf(text, now);
  return at === undefined ? undefined : Math.max(0, at - now.getTime());
}

function httpDateMsOf(text: string, now: Date): number | undefined {
  let m = IMF_FIXDATE.exec(text);
  if (m) return utcMsOf(Number(m[3]), m[2], Number(m[1]), m[4], m[5], m[6]);
  m = RFC_850.exec(text);
  if (m) return utcMsOf(fullYearOf(Number(m[3]), now), m[2], Number(m[1]), m[4], m[5], m[6]);
  m = ASCTIME.exec(text);
  if (m) return utcMsOf(Number(m[6]), m[1], Number(m[2].trim()), m[3], m[4], m[5]);
  return undefined;
}

function utcMsOf(
  year: number,
  month: string,
  day: number,
  h: string,
  min: string,
  s: string,
): number | undefined {
  const ms = Date.UTC(year, MONTHS.indexOf(month), day, Number(h), Number(min), Number(s));
  // Date.UTC rolls "31 Feb" over into March; a date that does not round-trip is not a date.
  return new Date(ms).getUTCDate() === day ? ms : undefined;
}

// RFC 9110: a two-digit year more than 50 years in the future is the most recent past one.
function fullYearOf(twoDigits: number, now: Date): number {
  const year = Math.floor(now.getUTCFullYear() / 100) * 100 + twoDigits;
  return year > now.getUTCFullYear() + 50 ? year - 100 : year;
}
