// Reason phrases of the error statuses (RFC 9110, 6585, 8470, 7725). The client cannot import
// node:http's STATUS_CODES: it runs wherever fetch exists.
const PHRASES: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  407: 'Proxy Authentication Required',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  411: 'Length Required',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  416: 'Range Not Satisfiable',
  417: 'Expectation Failed',
  421: 'Misdirected Request',
  422: 'Unprocessable Content',
  423: 'Locked',
  424: 'Failed Dependency',
  425: 'Too Early',
  426: 'Upgrade Required',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  451: 'Unavailable For Legal Reasons',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
  505: 'HTTP Version Not Supported',
  507: 'Insufficient Storage',
  508: 'Loop Detected',
  511: 'Network Authentication Required',
};

/**
 * The reason phrase of a status (`'Not Found'`), or a generic one for unlisted statuses.
 *
 * @example
 * ```ts
 * statusPhrase(404); // 'Not Found'
 * statusPhrase(599); // 'Server error'
 * ```
 */
export function statusPhrase(status: number): string {
  if (status === 0) return 'Unknown error';
  return PHRASES[status] ?? (status >= 500 ? `Server error ${status}` : `Client error ${status}`);
}

/** The UPPER_SNAKE names of the listed statuses, computed once. */
const NAMES: ReadonlyMap<number, string> = new Map(
  Object.entries(PHRASES).map(([status, phrase]) => [
    Number(status),
    phrase.toUpperCase().replaceAll(' ', '_'),
  ]),
);

/**
 * The code a response gets when its body names none: the status phrase in UPPER_SNAKE
 * (`NOT_FOUND`, `SERVICE_UNAVAILABLE`), or `HTTP_<status>` for unlisted statuses.
 *
 * @example
 * ```ts
 * statusCodeName(503); // 'SERVICE_UNAVAILABLE'
 * statusCodeName(599); // 'HTTP_599'
 * ```
 */
export function statusCodeName(status: number): string {
  return NAMES.get(status) ?? (status === 0 ? 'UNKNOWN' : `HTTP_${status}`);
}

/** The listed phrases in lower case, for {@link isReasonPhrase}. */
const LOWER_PHRASES: ReadonlySet<string> = new Set(
  Object.values(PHRASES).map((phrase) => phrase.toLowerCase()),
);

/**
 * Whether a string is an HTTP reason phrase (`"Not Found"`, `"Bad Request"`, any case), which
 * servers such as boom, Fastify and Spring Boot send in an `error` member: a phrase, not a code.
 *
 * @example
 * ```ts
 * isReasonPhrase('Not Found'); // true
 * isReasonPhrase('invalid_grant'); // false
 * ```
 */
export function isReasonPhrase(text: string): boolean {
  return LOWER_PHRASES.has(text.trim().toLowerCase());
}
