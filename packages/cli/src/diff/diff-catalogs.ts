import type { CatalogEntry, ErrorCode } from 'errcat';
import semver from 'semver';
import type { AnyCatalog } from '../internal/any-catalog.js';
import { diffEntry, show } from './diff-entry.js';
import type { Emit } from './diff-fields.js';
import { type ChangeLevel, DIFF_RULES, type DiffRuleId } from './diff-rules.js';
import { sameJson } from './same-json.js';

/**
 * Why a breaking change was accepted as minor.
 *
 * @example
 * ```ts
 * const waiver: DiffWaiver = { rule: 'unreleased', reason: "since 1.3.0, later than the old catalog's version 1.2.0" };
 * ```
 */
export interface DiffWaiver {
  /**
   * `deprecation-trail`: the entry was removed after the old catalog deprecated it with a
   * `replacedBy` that the new catalog still has. `unreleased`: the entry's `since` is later than
   * the old catalog's `version`, so no released client knew it.
   */
  readonly rule: 'deprecation-trail' | 'unreleased';
  /** The trail, in one line. */
  readonly reason: string;
}

/**
 * One change between two catalog versions.
 *
 * @example
 * ```ts
 * for (const change of diffCatalogs(before, after).changes) console.log(change.level, change.path, change.message);
 * ```
 */
export interface CatalogChange {
  /** The rule that found it (see {@link DIFF_RULES}). */
  readonly rule: DiffRuleId;
  /** Its level after any waiver. */
  readonly level: ChangeLevel;
  /** Where: `domain`, `errors.<KEY>.status`, `errors.<KEY>.details.<field>`… */
  readonly path: string;
  /** The entry's key in the new catalog (the old key for a removed entry), for entry changes. */
  readonly key?: string;
  /** The entry's code, for entry changes. */
  readonly code?: ErrorCode;
  /** What changed, in one line. */
  readonly message: string;
  /** The old value, when one value changed. */
  readonly before?: unknown;
  /** The new value, when one value changed. */
  readonly after?: unknown;
  /** Set when a breaking change was accepted as minor. */
  readonly waiver?: DiffWaiver;
}

/**
 * Whether the catalogs' `version` fields moved as far as the changes need.
 *
 * @example
 * ```ts
 * const { version } = diffCatalogs(before, after);
 * if (version && !version.sufficient) console.error(`bump ${version.after}: the changes need more`);
 * ```
 */
export interface VersionCheck {
  /** The old catalog's version. */
  readonly before: string;
  /** The new catalog's version. */
  readonly after: string;
  /** How far it moved; `prerelease` versions promise nothing, so any change fits them. */
  readonly bump: 'major' | 'minor' | 'patch' | 'prerelease' | 'none' | 'downgrade';
  /** True when the bump covers the verdict (in 0.x, a minor bump covers a major verdict, as Cargo reads it). */
  readonly sufficient: boolean;
}

/**
 * The result of {@link diffCatalogs}.
 *
 * @example
 * ```ts
 * const diff: CatalogDiff = diffCatalogs(before, after);
 * if (diff.breaking) process.exitCode = 1;
 * ```
 */
export interface CatalogDiff {
  /** The highest level among the changes, or `none`. */
  readonly verdict: ChangeLevel | 'none';
  /** True when a change is major after waivers: `errcat diff` then exits 1. */
  readonly breaking: boolean;
  /** How many changes of each level. */
  readonly counts: Readonly<Record<ChangeLevel, number>>;
  /** Every change: catalog-wide first, then entry by entry in the old catalog's order, then new entries. */
  readonly changes: readonly CatalogChange[];
  /** Present when both catalogs declare a semver `version`. */
  readonly version?: VersionCheck;
}

const RANK: Readonly<Record<ChangeLevel | 'none', number>> = { none: 0, patch: 1, minor: 2, major: 3 };

/** The changes of one entry, collected so that waivers can apply to them together. */
class EntryChanges {
  readonly changes: CatalogChange[] = [];
  constructor(
    readonly key: string,
    readonly code: ErrorCode,
  ) {}
  readonly emit: Emit = (rule, path, message, before, after) => {
    const change: CatalogChange = {
      rule,
      level: DIFF_RULES[rule].level,
      path,
      key: this.key,
      code: this.code,
      message,
    };
    this.changes.push({
      ...change,
      ...(before === undefined ? {} : { before }),
      ...(after === undefined ? {} : { after }),
    });
  };
  /** Accepts every major change as minor, for one reason. */
  waive(waiver: DiffWaiver, rules?: ReadonlySet<DiffRuleId>): void {
    for (const [index, change] of this.changes.entries()) {
      if (change.level === 'major' && (rules === undefined || rules.has(change.rule))) {
        this.changes[index] = { ...change, level: 'minor', waiver };
      }
    }
  }
}

const REMOVAL: ReadonlySet<DiffRuleId> = new Set(['entry-removed']);

/** The deprecation trail of an old entry: the reason it may go, or undefined. */
function deprecationTrail(entry: CatalogEntry, after: AnyCatalog): DiffWaiver | undefined {
  if (!entry.deprecated || entry.replacedBy.length === 0) return undefined;
  const missing = entry.replacedBy.filter((key) => after.entry(key) === undefined);
  if (missing.length > 0) return undefined;
  return {
    rule: 'deprecation-trail',
    reason: `deprecated in the old catalog with replacedBy ${entry.replacedBy.join(', ')}`,
  };
}

/** The `unreleased` waiver of an old entry: its `since` is later than the old catalog's version. */
function unreleased(entry: CatalogEntry, before: AnyCatalog): DiffWaiver | undefined {
  const version = semver.valid(before.version ?? '');
  const since = semver.valid(entry.since ?? '');
  if (version === null || since === null || !semver.gt(since, version)) return undefined;
  return { rule: 'unreleased', reason: `since ${since}, later than the old catalog's version ${version}` };
}

function diffCatalogFacts(before: AnyCatalog, after: AnyCatalog, changes: CatalogChange[]): void {
  const add = (rule: DiffRuleId, path: string, message: string, old?: unknown, now?: unknown) => {
    changes.push({
      rule,
      level: DIFF_RULES[rule].level,
      path,
      message,
      ...(old === undefined ? {} : { before: old }),
      ...(now === undefined ? {} : { after: now }),
    });
  };
  if (before.domain !== after.domain) {
    add('domain-changed', 'domain', `domain ${before.domain} → ${after.domain}`, before.domain, after.domain);
  }
  const profile = (catalog: AnyCatalog) => catalog.spec.profile ?? 'problem';
  if (profile(before) !== profile(after)) {
    add(
      'profile-changed',
      'profile',
      `profile ${profile(before)} → ${profile(after)}`,
      profile(before),
      profile(after),
    );
  }
  for (const fact of ['name', 'description', 'docs', 'categories', 'stack'] as const) {
    if (!sameJson(before.spec[fact], after.spec[fact])) add('catalog-docs-changed', fact, `${fact} changed`);
  }
}

/** Who plays each base-catalog role: `role-removed` when a role's code changes, `role-added` when new. */
function diffRoles(before: AnyCatalog, after: AnyCatalog, changes: CatalogChange[]): void {
  const roles = new Set(
    [...before.entries, ...after.entries].flatMap((entry) => (entry.role ? [entry.role] : [])),
  );
  for (const role of roles) {
    const old = before.entries.find((entry) => entry.role === role);
    const now = after.entries.find((entry) => entry.role === role);
    if (old && (now === undefined || now.code !== old.code)) {
      const group = new EntryChanges(old.key, old.code);
      const message = now
        ? `role ${role} moved from ${old.key} (${show(old.code)}) to ${now.key} (${show(now.code)})`
        : `role ${role} is no longer played by ${old.key}`;
      group.emit('role-removed', `errors.${old.key}.role`, message, old.key, now?.key);
      changes.push(...group.changes);
    } else if (!old && now) {
      const group = new EntryChanges(now.key, now.code);
      group.emit(
        'role-added',
        `errors.${now.key}.role`,
        `${now.key} now plays role ${role}`,
        undefined,
        now.key,
      );
      changes.push(...group.changes);
    }
  }
}

function bumpOf(before: string, after: string): VersionCheck['bump'] {
  if (semver.eq(before, after)) return 'none';
  if (semver.lt(after, before)) return 'downgrade';
  if (semver.prerelease(after) !== null) return 'prerelease';
  const diff = semver.diff(before, after);
  return diff === 'major' || diff === 'premajor'
    ? 'major'
    : diff === 'minor' || diff === 'preminor'
      ? 'minor'
      : 'patch';
}

function checkVersion(
  before: AnyCatalog,
  after: AnyCatalog,
  verdict: ChangeLevel | 'none',
): VersionCheck | undefined {
  const old = semver.valid(before.version ?? '');
  const now = semver.valid(after.version ?? '');
  if (old === null || now === null) return undefined;
  const bump = bumpOf(old, now);
  // In 0.x the minor number is the breaking one, as Cargo reads semver.
  const zero = semver.major(old) === 0;
  const covers: Record<VersionCheck['bump'], number> = {
    prerelease: RANK.major,
    major: RANK.major,
    minor: zero ? RANK.major : RANK.minor,
    patch: zero ? RANK.minor : RANK.patch,
    none: RANK.none,
    downgrade: -1,
  };
  const sufficient = covers[bump] >= RANK[verdict];
  return { before: old, after: now, bump, sufficient };
}

/**
 * Compares two versions of a catalog as a contract: every change with its rule and semver level
 * (see {@link DIFF_RULES}), the verdict (the highest level) and whether the `version` bump covers it.
 * Entries match by key; a key that disappears while a new key takes its code is a rename. Two
 * waivers accept a breaking change as minor: the removal of an entry that the old catalog
 * deprecated with a `replacedBy` the new catalog still has, and any change to an entry whose `since`
 * is later than the old catalog's `version` (it had not shipped).
 *
 * @example
 * ```ts
 * const diff = diffCatalogs(parseCatalog(oldSpec), parseCatalog(newSpec));
 * if (diff.breaking) console.log(diff.changes.filter((c) => c.level === 'major'));
 * ```
 */
export function diffCatalogs(before: AnyCatalog, after: AnyCatalog): CatalogDiff {
  const changes: CatalogChange[] = [];
  diffCatalogFacts(before, after, changes);
  const afterByKey = new Map(after.entries.map((entry) => [entry.key, entry]));
  const beforeKeys = new Set(before.entries.map((entry) => entry.key));
  const added = after.entries.filter((entry) => !beforeKeys.has(entry.key));
  const renamedTo = new Map<string, CatalogEntry>();
  for (const entry of before.entries) {
    const now = afterByKey.get(entry.key);
    const target =
      now ?? added.find((candidate) => candidate.code === entry.code && !renamedTo.has(candidate.key));
    const group = new EntryChanges(target?.key ?? entry.key, target?.code ?? entry.code);
    const at = `errors.${group.key}`;
    if (!target) group.emit('entry-removed', `errors.${entry.key}`, `removed (code ${show(entry.code)})`);
    else {
      if (!now) {
        renamedTo.set(target.key, entry);
        group.emit(
          'entry-renamed',
          at,
          `renamed from ${entry.key} (code ${show(entry.code)})`,
          entry.key,
          target.key,
        );
      }
      diffEntry(at, entry, target, group.emit);
    }
    const trail = deprecationTrail(entry, after);
    if (trail) group.waive(trail, REMOVAL);
    const early = unreleased(entry, before);
    if (early) group.waive(early);
    changes.push(...group.changes);
  }
  for (const entry of added) {
    if (renamedTo.has(entry.key)) continue;
    const group = new EntryChanges(entry.key, entry.code);
    const status = entry.declaredStatus === undefined ? '' : `, status ${entry.declaredStatus}`;
    group.emit('entry-added', `errors.${entry.key}`, `added (code ${show(entry.code)}${status})`);
    changes.push(...group.changes);
  }
  diffRoles(before, after, changes);
  const counts: Record<ChangeLevel, number> = { major: 0, minor: 0, patch: 0 };
  let verdict: ChangeLevel | 'none' = 'none';
  for (const change of changes) {
    counts[change.level] += 1;
    if (RANK[change.level] > RANK[verdict]) verdict = change.level;
  }
  const version = checkVersion(before, after, verdict);
  return { verdict, breaking: counts.major > 0, counts, changes, ...(version ? { version } : {}) };
}
