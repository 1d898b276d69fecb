const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const LONG_DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// The three forms of RFC 9110 §5.6.7, anchored and without nested quantifiers (linear time).
// Names are case-sensitive, as the grammar says.
const IMF_FIXDATE = /^([A-Z][a-z]{2}), (\d{2}) ([A-Z][a-z]{2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/;
const RFC850_DATE = /^([A-Z][a-z]{5,8}), (\d{2})-([A-Z][a-z]{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) GMT$/;
const ASCTIME_DATE = /^([A-Z][a-z]{2}) ([A-Z][a-z]{2}) ( \d|\d{2}) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/;

function daysIn(month: number, year: number): number {
  if (month === 1) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month] as number;
}

function build(
  year: number,
  monthName: string,
  day: number,
  h: string,
  m: string,
  s: string,
): number | undefined {
  const month = MONTHS.indexOf(monthName);
  const hour = Number(h);
  const minute = Number(m);
  const second = Number(s);
  // A leap second (60) is accepted and counts as the first second of the next minute.
  if (month < 0 || day < 1 || day > daysIn(month, year) || hour > 23 || minute > 59 || second > 60) {
    return undefined;
  }
  return Date.UTC(year, month, day, hour, minute, second);
}

/**
 * Parses an HTTP-date strictly (IMF-fixdate, RFC 850 or asctime form) into epoch milliseconds.
 * Anything else, including impossible dates such as 30 February, is `undefined`.
 *
 * A two-digit RFC 850 year that would lie more than 50 years after `now` is read as the most
 * recent past year with those digits (RFC 9110 §5.6.7).
 *
 * @example
 * ```ts
 * parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT', Date.now()); // 784111777000
 * ```
 */
export function parseHttpDate(value: string, now: number): number | undefined {
  let match = IMF_FIXDATE.exec(value);
  if (match) {
    const [, day, date, month, year, h, m, s] = match as unknown as string[];
    if (!DAYS.includes(day as string)) return undefined;
    return build(Number(year), month as string, Number(date), h as string, m as string, s as string);
  }
  match = RFC850_DATE.exec(value);
  if (match) {
    const [, day, date, month, yy, h, m, s] = match as unknown as string[];
    if (!LONG_DAYS.includes(day as string)) return undefined;
    const current = new Date(now).getUTCFullYear();
    let year = current - (current % 100) + Number(yy);
    if (year > current + 50) year -= 100;
    return build(year, month as string, Number(date), h as string, m as string, s as string);
  }
  match = ASCTIME_DATE.exec(value);
  if (match) {
    const [, day, month, date, h, m, s, year] = match as unknown as string[];
    if (!DAYS.includes(day as string)) return undefined;
    return build(
      Number(year),
      month as string,
      Number((date as string).trim()),
      h as string,
      m as string,
      s as string,
    );
  }
  return undefined;
}
