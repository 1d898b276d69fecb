/**
 * One `packages` entry of a package-lock.json (lockfile version 3), as far as this file reads it.
 *
 * @example
 * ```ts
 * const entry: LockEntry = { version: '5.12.8', integrity: 'sha512-…', dependencies: { avvio: '^9.0.0' } };
 * ```
 */
export interface LockEntry {
  readonly version?: string;
  readonly resolved?: string;
  readonly integrity?: string;
  readonly link?: boolean;
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly optionalDependencies?: Readonly<Record<string, string>>;
  readonly peerDependencies?: Readonly<Record<string, string>>;
  readonly peerDependenciesMeta?: Readonly<Record<string, { readonly optional?: boolean }>>;
  readonly [field: string]: unknown;
}

/**
 * A package packed from the workspace: where it lives in the repository and its tarball.
 *
 * @example
 * ```ts
 * const cli: PackedPackage = { workspace: 'packages/cli', manifest, tarball: 'tarballs/errcat-cli-0.2.0.tgz', integrity };
 * ```
 */
export interface PackedPackage {
  /** The workspace folder, such as `packages/cli`. */
  readonly workspace: string;
  /** The manifest that went into the tarball. */
  readonly manifest: { readonly name: string } & LockEntry;
  /** The tarball's path relative to the project, such as `tarballs/errcat-cli-0.2.0.tgz`. */
  readonly tarball: string;
  /** `npm pack`'s sha512 integrity of the tarball. */
  readonly integrity: string;
}

/**
 * What {@link offlineLockfile} writes: the project's manifest and its package-lock.json.
 *
 * @example
 * ```ts
 * const { manifest, lockfile }: OfflineProject = offlineLockfile(repoLock, packed, ['jose']);
 * ```
 */
export interface OfflineProject {
  readonly manifest: Record<string, unknown>;
  readonly lockfile: Record<string, unknown>;
}

// The folder holding a lock location's own node_modules lookups: `node_modules/a/node_modules/b`
// looks in itself, then `node_modules/a`, then the root (''); a workspace looks in itself, then
// the root.
function parentOf(location: string): string | undefined {
  if (location === '') return undefined;
  const nested = location.lastIndexOf('/node_modules/');
  return nested === -1 ? '' : location.slice(0, nested);
}

function resolveIn(packages: Readonly<Record<string, LockEntry>>, from: string, name: string) {
  for (let at: string | undefined = from; at !== undefined; at = parentOf(at)) {
    const location = `${at === '' ? '' : `${at}/`}node_modules/${name}`;
    const entry = packages[location];
    if (entry && !entry.link) return location;
  }
  return undefined;
}

const FLAGS = new Set(['dev', 'devOptional', 'peer']);

function withoutFlags(entry: LockEntry): LockEntry {
  return Object.fromEntries(Object.entries(entry).filter(([field]) => !FLAGS.has(field)));
}

/**
 * A project that installs the packed tarballs and the given registry packages with `npm ci`
 * offline: its lockfile copies, from the repository's own lockfile (whose tarballs `npm ci` put
 * in the npm cache), every package the tarballs and the extra packages need, at the place it has
 * in the repository's tree, so that no registry metadata is needed.
 *
 * @example
 * ```ts
 * const { manifest, lockfile } = offlineLockfile(repoLock, packed, ['fastify', '@types/node']);
 * ```
 */
export function offlineLockfile(
  repoLock: { readonly packages: Readonly<Record<string, LockEntry>> },
  packed: readonly PackedPackage[],
  extra: readonly string[],
): OfflineProject {
  const { packages } = repoLock;
  const byWorkspace = new Map(packed.map((item) => [item.workspace, item]));
  const dependencies: Record<string, string> = {};
  const entries: Record<string, LockEntry> = {};
  const pending: string[] = [];
  const seen = new Set<string>();
  const need = (from: string, name: string, optional: boolean) => {
    const location = resolveIn(packages, from, name);
    if (location === undefined) {
      if (optional) return;
      throw new Error(`${name} (needed from '${from || 'the root'}') is not in package-lock.json`);
    }
    pending.push(location);
  };
  for (const item of packed) {
    dependencies[item.manifest.name] = `file:${item.tarball}`;
    const { name, version, dependencies: deps, peerDependencies, peerDependenciesMeta } = item.manifest;
    entries[`node_modules/${name}`] = {
      ...(version !== undefined && { version }),
      resolved: `file:${item.tarball}`,
      integrity: item.integrity,
      ...(deps && { dependencies: deps }),
      ...(peerDependencies && { peerDependencies }),
      ...(peerDependenciesMeta && { peerDependenciesMeta }),
      ...(item.manifest.bin !== undefined && { bin: item.manifest.bin }),
    };
    for (const dep of Object.keys(deps ?? {})) {
      if (!packed.some((other) => other.manifest.name === dep)) need(item.workspace, dep, false);
    }
  }
  for (const name of extra) {
    const location = resolveIn(packages, '', name);
    const version = location === undefined ? undefined : packages[location]?.version;
    if (location === undefined || version === undefined)
      throw new Error(`${name} is not in package-lock.json`);
    dependencies[name] = version;
    pending.push(location);
  }
  for (let location = pending.pop(); location !== undefined; location = pending.pop()) {
    if (seen.has(location)) continue;
    seen.add(location);
    const entry = packages[location] as LockEntry;
    // A workspace's nested node_modules moves under the package's name in the project's tree.
    const workspace = [...byWorkspace.keys()].find((folder) => location.startsWith(`${folder}/`));
    const target = workspace
      ? `node_modules/${byWorkspace.get(workspace)?.manifest.name}${location.slice(workspace.length)}`
      : location;
    entries[target] = withoutFlags(entry);
    for (const dep of Object.keys(entry.dependencies ?? {})) need(location, dep, false);
    for (const dep of Object.keys(entry.optionalDependencies ?? {})) need(location, dep, true);
    for (const dep of Object.keys(entry.peerDependencies ?? {})) {
      need(location, dep, entry.peerDependenciesMeta?.[dep]?.optional === true);
    }
  }
  const manifest = {
    name: 'errcat-release-check',
    version: '0.0.0',
    private: true,
    type: 'module',
    dependencies,
  };
  const sorted = Object.fromEntries(Object.entries(entries).sort(([a], [b]) => a.localeCompare(b)));
  return {
    manifest,
    lockfile: {
      name: manifest.name,
      version: manifest.version,
      lockfileVersion: 3,
      requires: true,
      packages: { '': { name: manifest.name, version: manifest.version, dependencies }, ...sorted },
    },
  };
}
