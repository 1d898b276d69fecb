/**
 * How much a catalog change matters to the code around an API, in semver terms: `major` breaks a
 * client that reads the errors or a server that raises them; `minor` adds to the contract; `patch`
 * changes only documentation or server-side behaviour that no client sees.
 *
 * @example
 * ```ts
 * const level: ChangeLevel = DIFF_RULES['entry-removed'].level; // 'major'
 * ```
 */
export type ChangeLevel = 'major' | 'minor' | 'patch';

/**
 * One rule of `errcat diff`: its level and why.
 *
 * @example
 * ```ts
 * const { level, summary, why }: DiffRule = DIFF_RULES['status-changed'];
 * ```
 */
export interface DiffRule {
  /** The level of a change the rule finds, before any waiver. */
  readonly level: ChangeLevel;
  /** What the rule finds, in one line. */
  readonly summary: string;
  /** Why it has that level. */
  readonly why: string;
}

/**
 * Every rule of `errcat diff`, by id. docs/contract-tooling.md prints this table, and a test keeps
 * the two in step.
 *
 * @example
 * ```ts
 * DIFF_RULES['status-changed'].level; // 'major'
 * ```
 */
export const DIFF_RULES = {
  'domain-changed': {
    level: 'major',
    summary: "The catalog's domain changed",
    why: 'Clients and `catalog.is()` recognise errors by domain, like `ErrorInfo.domain` (AIP-193).',
  },
  'profile-changed': {
    level: 'major',
    summary: "The catalog's default wire profile changed",
    why: 'Every error body changes shape.',
  },
  'entry-added': {
    level: 'minor',
    summary: 'A new entry (code)',
    why: 'Clients must treat unknown codes as an open set; new codes add to the contract.',
  },
  'entry-removed': {
    level: 'major',
    summary: 'An entry disappeared',
    why: 'Clients that match its code or key never see it again; servers that raise it no longer compile.',
  },
  'entry-renamed': {
    level: 'major',
    summary: 'An entry kept its code under a new key',
    why: 'Keys are part of the contract: typed clients narrow on them and the google profile sends them as `reason`.',
  },
  'code-changed': {
    level: 'major',
    summary: "An entry's code value changed",
    why: 'The code is what clients match on.',
  },
  'status-changed': {
    level: 'major',
    summary: "An entry's HTTP status changed",
    why: 'Clients and proxies branch on the status before they read the body.',
  },
  'retryable-changed': {
    level: 'major',
    summary: 'The `retryable` flag flipped',
    why: "Deployed clients' retry loops follow the flag they were built with.",
  },
  'throttling-changed': {
    level: 'major',
    summary: 'The `throttling` flag flipped',
    why: 'It sets how slowly clients back off.',
  },
  'not-applied-changed': {
    level: 'major',
    summary: 'The `notApplied` flag flipped',
    why: 'It decides whether a client may retry a non-idempotent request: a wrong flag duplicates work.',
  },
  'type-changed': {
    level: 'major',
    summary: "The entry's docs URL (problem `type` URI) changed or was removed",
    why: "RFC 9457 makes `type` a problem's primary identifier.",
  },
  'type-added': {
    level: 'minor',
    summary: 'An entry without a docs URL got one',
    why: '`about:blank` carries no meaning a client could have matched on.',
  },
  'retry-after-removed': {
    level: 'major',
    summary: 'An entry no longer sends a default `Retry-After`',
    why: 'Clients that wait for the header lose their delay.',
  },
  'retry-after-changed': {
    level: 'minor',
    summary: 'A default `Retry-After` was added or changed',
    why: 'A delay hint: clients that read it adapt, others are unaffected.',
  },
  'header-removed': {
    level: 'major',
    summary: 'A header the entry always sends was removed',
    why: 'Clients read headers such as `WWW-Authenticate`.',
  },
  'header-changed': {
    level: 'major',
    summary: 'The value of a header the entry always sends changed',
    why: 'Clients parse such headers (a realm, a scheme).',
  },
  'header-added': {
    level: 'minor',
    summary: 'The entry sends a new header',
    why: 'Additive.',
  },
  'profile-data-removed': {
    level: 'major',
    summary: "A wire profile's data on an entry (`extensions.<profile>`) was removed",
    why: 'Profiles put that data on the wire (a legacy code, a google `reason`).',
  },
  'profile-data-changed': {
    level: 'major',
    summary: "A wire profile's data on an entry changed",
    why: 'It changes what the profile sends.',
  },
  'profile-data-added': {
    level: 'minor',
    summary: "A wire profile's data was added to an entry",
    why: 'It only adds or specialises what the profile sends for an entry that had none.',
  },
  'role-removed': {
    level: 'major',
    summary: 'An entry no longer plays a base-catalog role (or another entry does now)',
    why: 'Servers raise the role entry for framework failures: those reach clients under another code.',
  },
  'role-added': {
    level: 'minor',
    summary: 'An entry took a base-catalog role nobody played',
    why: 'Failures that reached clients as errcat base codes now use a catalog code.',
  },
  'expose-changed': {
    level: 'minor',
    summary: 'Whether the rendered message reaches clients changed',
    why: 'The message is debug text; `code` and details carry the contract.',
  },
  'field-removed': {
    level: 'major',
    summary: 'A details field (or message parameter) was removed',
    why: 'AIP-193: a metadata key, once sent, must keep being sent; servers that pass it stop compiling.',
  },
  'field-added-required': {
    level: 'major',
    summary: 'A new required details field (or message parameter)',
    why: 'Every server that raises the error must now pass it.',
  },
  'field-added-optional': {
    level: 'minor',
    summary: 'A new optional details field',
    why: 'Additive: clients ignore members they do not know (RFC 9457 §3.2).',
  },
  'field-optionality-changed': {
    level: 'major',
    summary: 'A details field became required or optional',
    why: 'Required → optional: clients may miss it. Optional → required: servers must pass it.',
  },
  'field-type-changed': {
    level: 'major',
    summary: "A details field's type, item type or format changed",
    why: 'Clients decode the old type.',
  },
  'field-enum-narrowed': {
    level: 'major',
    summary: 'A value was removed from a details field’s `enum` (or an `enum` was added)',
    why: 'Servers that pass the removed value stop compiling.',
  },
  'field-enum-widened': {
    level: 'minor',
    summary: 'A value was added to a details field’s `enum` (or the `enum` was dropped)',
    why: 'New values are like new codes: clients must tolerate values they do not know.',
  },
  'field-hidden': {
    level: 'major',
    summary: 'A public details field became `internal`',
    why: 'It no longer reaches responses: for clients it was removed.',
  },
  'field-exposed': {
    level: 'minor',
    summary: 'An `internal` details field became public',
    why: 'Responses gain a member.',
  },
  'message-param-removed': {
    level: 'major',
    summary: 'A parameter disappeared from the message template',
    why: 'AIP-193: every variable of a message is also metadata; clients that localise messages from details lose it.',
  },
  'details-not-comparable': {
    level: 'minor',
    summary: 'Details are a Standard Schema on either side: errcat cannot compare them',
    why: 'Review the schema change by hand; it is not assumed to be safe or breaking.',
  },
  'entry-deprecated': {
    level: 'minor',
    summary: 'An entry became deprecated',
    why: 'A new signal to clients; nothing stops working.',
  },
  'deprecation-changed': {
    level: 'patch',
    summary: 'A deprecation was lifted, or its reason or `replacedBy` changed',
    why: 'Migration advice, not behaviour.',
  },
  'message-changed': {
    level: 'patch',
    summary: 'A message template or a translation changed (same parameters)',
    why: 'errcat always sends `code`, so messages are debug text (AIP-193 allows message changes when ErrorInfo is sent).',
  },
  'docs-changed': {
    level: 'patch',
    summary:
      'Title, description, causes, resolution, category, example, `since` or a field description changed',
    why: 'Documentation, not contract (Twilio: do not build logic on cause or solution text).',
  },
  'server-changed': {
    level: 'patch',
    summary: 'Log level or stack capture changed',
    why: 'Server-side only; nothing reaches the wire.',
  },
  'tool-data-changed': {
    level: 'patch',
    summary: "An entry's `extensions.openapi` (operation mapping) changed",
    why: 'It changes which operations list the error in the generated OpenAPI document, not the error itself.',
  },
  'catalog-docs-changed': {
    level: 'patch',
    summary: "The catalog's name, description, docs base text, categories or stack rule changed",
    why: 'Documentation; entries whose docs URL or retryable flag changes as a result are reported per entry.',
  },
} as const satisfies Record<string, DiffRule>;

/**
 * The id of a rule of `errcat diff`, such as `status-changed`.
 *
 * @example
 * ```ts
 * const id: DiffRuleId = 'status-changed';
 * ```
 */
export type DiffRuleId = keyof typeof DIFF_RULES;
