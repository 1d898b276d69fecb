// The three forms of RFC 9110 §5.6.7, anchored and without nested quantifiers (linear time).
// Names are case-sensitive, as the grammar says; a weekday must be one, whatever the date's is.
const IMF_FIXDATE =
  /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (?<day>\d{2}) (?<month>[A-Z][a-z]{2}) (?<year>\d{4}) (?<hour>\d{2}):(?<minute>\d{2}):(?<second>\d{2}) GMT$/;
const RFC850_DATE =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (?<day>\d{2})-(?<month>[A-Z][a-z]{2})-(?<year>\d{2}) (?<hour>\d{2}):(?<minute>\d{2}):(?<second>\d{2}) GMT$/;
const ASCTIME_DATE =
  /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?<month>[A-Z][a-z]{2}) (?<day> \d|\d{2}) (?<hour>\d{2}):(?<minute>\d{2}):(?<second>\d{2}) (?<year>\d{4})$/;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function daysIn(month: number, year: number): number {
  if (month === 1) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month] as number;
}

/** The year a date's digits name; two (RFC 850) name the latest such year at most 50 years after `now`. */
function fullYear(digits: string, now: number): number {
  if (digits.length === 4) return Number(digits);
  const current = new Date(now).getUTCFullYear();
  const year = current - (current % 100) + Number(digits);
  return year > current + 50 ? year - 100 : year;
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
  const fields = (IMF_FIXDATE.exec(value) ?? RFC850_DATE.exec(value) ?? ASCTIME_DATE.exec(value))?.groups;
  if (fields === undefined) return undefined;
  const year = fullYear(fields.year as string, now);
  const month = MONTHS.indexOf(fields.month as string);
  // An asctime day of one digit is space-padded; Number reads ' 6' as 6.
  const day = Number(fields.day);
  const hour = Number(fields.hour);
  const minute = Number(fields.minute);
  const second = Number(fields.second);
  // A leap second (60) is accepted and counts as the first second of the next minute.
  if (month < 0 || day < 1 || day > daysIn(month, year) || hour > 23 || minute > 59 || second > 60) {
    return undefined;
  }
  return Date.UTC(year, month, day, hour, minute, second);
}
