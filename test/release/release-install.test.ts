// The release as users get it: every package packed with `npm pack`, installed from the tarballs
// into a project outside the repository (with the real peers, offline from the npm cache that
// `npm ci` filled), the README examples typechecked under `nodenext` and `bundler` and run, and
// the CLI run by its documented commands (`npx errcat …`, the CI snippet of contract-tooling.md).
// ERRCAT_RELEASE_KEEP=1 keeps the temporary project (its path is in the first log line).
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type LockEntry, offlineLockfile, type PackedPackage } from './offline-lockfile.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const tsc = join(repo, 'node_modules/typescript/bin/tsc');
const folders = readdirSync(join(repo, 'packages')).sort();

/** The peers (and type packages) a user installs next to errcat's packages, at the lockfile's versions. */
const PEERS = [
  'fastify',
  'express',
  '@types/express',
  'hono',
  'jose',
  'ioredis',
  'pg',
  '@types/pg',
  'better-sqlite3',
  '@types/better-sqlite3',
  '@types/node',
];

/**
 * The README examples that run here, and what each prints. The store examples only typecheck: they
 * need a Redis or PostgreSQL server, or better-sqlite3's native build (install scripts are off).
 */
const RUNS: Readonly<Record<string, RegExp>> = {
  errcat: /^404 \{"type":"about:blank","title":"Order not found","status":404,"detail":"Order 'o-1' could/,
  fastify: /^404 application\/problem\+json\n$/,
  express: /^404 \{\n {2}type: 'about:blank',[^}]*detail: "Order 'o-1' could not be found"/,
  hono: /^404 \{\n {2}type: 'about:blank',[^}]*detail: "Order 'o-1' could not be found"/,
  jwt: /^orders:read\n401 \{ 'www-authenticate': 'Bearer' \}\n$/,
};

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

// npm's lifecycle variables (from `npm test`) would point a nested npm at the repository.
const env = Object.fromEntries(
  Object.entries(process.env).filter(
    ([name]) => !/^(npm_(package_|lifecycle_|command$|config_(local_)?prefix$)|INIT_CWD$)/.test(name),
  ),
);

function run(command: string, args: readonly string[], cwd: string, timeout = 60_000): Promise<Run> {
  return new Promise((done) => {
    execFile(
      command,
      [...args],
      { cwd, env, timeout, maxBuffer: 32 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        done({ code, stdout, stderr: error && code === 1 && !stderr ? error.message : stderr });
      },
    );
  });
}

function codeBlocks(markdown: string, language: string): string[] {
  const fence = new RegExp(`^\`\`\`${language}\\n([\\s\\S]*?)^\`\`\`$`, 'gm');
  return [...markdown.matchAll(fence)].map((match) => match[1] ?? '');
}

function readme(folder: string): string {
  return readFileSync(join(repo, 'packages', folder, 'README.md'), 'utf8');
}

/** Every condition name used in an `exports` map. */
function conditions(exports: unknown): string[] {
  if (typeof exports !== 'object' || exports === null) return [];
  return Object.entries(exports).flatMap(([key, value]) => [
    ...(key.startsWith('.') ? [] : [key]),
    ...conditions(value),
  ]);
}

interface PackResult {
  readonly name: string;
  readonly filename: string;
  readonly size: number;
  readonly unpackedSize: number;
  readonly integrity: string;
  readonly files: readonly { readonly path: string }[];
}

async function installOffline(project: string, packed: readonly PackedPackage[], extra: readonly string[]) {
  const repoLock = JSON.parse(readFileSync(join(repo, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockEntry>;
  };
  const { manifest, lockfile } = offlineLockfile(repoLock, packed, extra);
  await writeFile(join(project, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  await writeFile(join(project, 'package-lock.json'), `${JSON.stringify(lockfile, null, 2)}\n`);
  const flags = ['--no-audit', '--no-fund', '--ignore-scripts'];
  const offline = await run('npm', ['ci', '--offline', ...flags], project, 120_000);
  if (offline.code === 0) return 'offline';
  // A cache that misses a tarball (npm ci never ran here): the same lockfile, from the registry.
  const online = await run('npm', ['ci', ...flags], project, 240_000);
  if (online.code !== 0)
    throw new Error(`npm ci failed offline and online:\n${offline.stderr}\n${online.stderr}`);
  return 'online';
}

const built = folders.every((folder) => existsSync(join(repo, 'packages', folder, 'dist/index.js')));

// Each step spawns npm, tsc or node; a loaded 2-core machine (npm test runs files in parallel) is slow.
describe.skipIf(!built)('the release, installed from its tarballs', { timeout: 120_000 }, () => {
  let dir = '';
  let project = '';
  let results: PackResult[] = [];
  let packed: PackedPackage[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'errcat-release-'));
    project = join(dir, 'project');
    await mkdir(join(project, 'tarballs'), { recursive: true });
    const workspaces = folders.flatMap((folder) => ['--workspace', `packages/${folder}`]);
    const pack = await run(
      'npm',
      ['pack', ...workspaces, '--pack-destination', join(project, 'tarballs'), '--json'],
      repo,
    );
    if (pack.code !== 0) throw new Error(`npm pack failed: ${pack.stderr}`);
    results = JSON.parse(pack.stdout) as PackResult[];
    packed = folders.map((folder) => {
      const workspace = `packages/${folder}`;
      const manifest = JSON.parse(readFileSync(join(repo, workspace, 'package.json'), 'utf8'));
      const result = results.find((candidate) => candidate.name === manifest.name);
      if (!result) throw new Error(`npm pack made no tarball of ${manifest.name}`);
      return { workspace, manifest, tarball: `tarballs/${result.filename}`, integrity: result.integrity };
    });
    const mode = await installOffline(project, packed, PEERS);
    console.log(
      `release: ${project}: installed ${packed.length} tarballs ${mode}; sizes (packed / unpacked bytes):\n${results
        .map(
          (result) =>
            `  ${result.name.padEnd(18)} ${String(result.size).padStart(8)} ${String(result.unpackedSize).padStart(9)}`,
        )
        .join('\n')}`,
    );
  }, 300_000);

  afterAll(async () => {
    if (dir && !process.env.ERRCAT_RELEASE_KEEP) await rm(dir, { recursive: true, force: true });
  });

  test('every tarball has its LICENSE and README, no tests, no `source` condition, resolvable declaration maps', async () => {
    expect(results.map((result) => result.name).sort()).toEqual(
      packed.map((item) => item.manifest.name).sort(),
    );
    for (const result of results) {
      const paths = result.files.map((file) => file.path);
      expect(paths, result.name).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'package.json']));
      expect(
        paths.filter((path) => /\.test(-d)?\.ts$|(^|\/)(test|tests|__tests__|fixtures)\//.test(path)),
        result.name,
      ).toEqual([]);
      const installed = join(project, 'node_modules', result.name);
      const manifest = JSON.parse(await readFile(join(installed, 'package.json'), 'utf8'));
      expect(conditions(manifest.exports), result.name).not.toContain('source');
      for (const map of paths.filter((path) => path.endsWith('.d.ts.map'))) {
        const { sources } = JSON.parse(await readFile(join(installed, map), 'utf8')) as { sources: string[] };
        for (const source of sources) {
          expect(
            existsSync(join(installed, dirname(map), source)),
            `${result.name}: ${map} → ${source}`,
          ).toBe(true);
        }
      }
    }
  });

  test("the README examples typecheck under nodenext and bundler (with a consumer's `source` condition)", async () => {
    await mkdir(join(project, 'examples'));
    const written: string[] = [];
    for (const folder of folders) {
      const [example] = codeBlocks(readme(folder), 'ts');
      if (example === undefined) continue;
      await writeFile(join(project, 'examples', `${folder}.ts`), example);
      written.push(`${folder}.js`);
    }
    expect(written).toEqual(expect.arrayContaining(Object.keys(RUNS).map((folder) => `${folder}.js`)));
    const strict = {
      strict: true,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      target: 'ES2022',
      lib: ['ES2023', 'DOM'],
      types: ['node'],
      // A consumer whose own build uses a `source` condition must still get errcat's declarations.
      customConditions: ['source'],
    };
    const configs = {
      // The published declarations are checked once (about 10 s on 2 cores with every peer's types).
      'tsconfig.nodenext.json': {
        module: 'nodenext',
        moduleResolution: 'nodenext',
        outDir: 'out',
        skipLibCheck: false,
      },
      'tsconfig.bundler.json': {
        module: 'preserve',
        moduleResolution: 'bundler',
        noEmit: true,
        skipLibCheck: true,
      },
    };
    for (const [file, options] of Object.entries(configs)) {
      const config = { compilerOptions: { ...strict, ...options }, include: ['examples/*.ts'] };
      await writeFile(join(project, file), JSON.stringify(config, null, 2));
    }
    const checks = await Promise.all(
      Object.keys(configs).map((file) => run('node', [tsc, '-p', file, '--listFiles'], project)),
    );
    for (const check of checks) {
      const lines = check.stdout.split('\n').filter((line) => line !== '');
      expect(lines.filter((line) => !line.startsWith('/')).concat(check.stderr || [])).toEqual([]);
      // Declarations only: no TypeScript source of errcat's packages enters the program.
      expect(lines.filter((line) => /\/node_modules\/(errcat|@errcat\/[^/]+)\/src\//.test(line))).toEqual([]);
    }
    expect(readdirSync(join(project, 'out')).sort()).toEqual(written.sort());
  });

  test('the README examples run (under `--conditions=source` too)', async () => {
    const runs = await Promise.all(
      Object.keys(RUNS).map((folder) => run('node', ['--conditions=source', `out/${folder}.js`], project)),
    );
    for (const [index, [folder, expected]] of Object.entries(RUNS).entries()) {
      const result = runs[index] as Run;
      expect(result.stderr, folder).toBe('');
      expect(result.stdout, folder).toMatch(expected);
      expect(result.code, folder).toBe(0);
    }
  });

  test("the CLI README's commands run as documented, without esbuild installed", async () => {
    const cli = readme('cli');
    const [catalog = ''] = codeBlocks(cli, 'yaml');
    const file = /^# (\S+)/.exec(catalog)?.[1] ?? 'errors.yaml';
    await writeFile(join(project, file), catalog);
    const commands = codeBlocks(cli, 'sh')
      .flatMap((block) => block.split('\n'))
      .filter((line) => line.startsWith('npx errcat '));
    expect(commands.length).toBeGreaterThanOrEqual(3);
    for (const command of commands) {
      const [npx = 'npx', ...args] = command.split(/\s+/);
      const result = await run(npx, args, project);
      expect(result.stderr, command).toBe('');
      expect(result.code, command).toBe(0);
    }
    const site = await readFile(join(project, 'site', 'index.html'), 'utf8');
    const script = await readFile(join(project, 'node_modules/@errcat/cli/dist/docs/site-script.js'), 'utf8');
    expect(site).toContain(`<script type="module">${script.trim().slice(0, 500)}`);
    expect(existsSync(join(project, 'node_modules', 'esbuild'))).toBe(false);
    const version = await run('npx', ['errcat', '--version'], project);
    const cliVersion = packed.find((item) => item.manifest.name === '@errcat/cli')?.manifest.version;
    expect(version.stdout).toBe(`errcat ${cliVersion}\n`);
    // Both errcat and @errcat/cli have an `errcat` bin and npm links one: the core's runs the same CLI.
    const forwarded = await run('node', ['node_modules/errcat/bin/errcat.js', '--version'], project);
    expect(forwarded).toEqual(version);
  });

  test('the CI snippet of docs/contract-tooling.md runs as written', async () => {
    const guide = readFileSync(join(repo, 'docs/contract-tooling.md'), 'utf8');
    const snippet = /^- run: (npx errcat diff git:origin\/main:(\S+) .*)$/m.exec(guide);
    expect(snippet).not.toBeNull();
    const [, command = '', path = ''] = snippet ?? [];
    const [catalog = ''] = codeBlocks(readme('cli'), 'yaml');
    await mkdir(dirname(join(project, path)), { recursive: true });
    await writeFile(join(project, path), catalog);
    const git = ['-c', 'user.name=release', '-c', 'user.email=release@example.com'];
    for (const args of [
      ['init', '-q', '-b', 'main'],
      ['add', path],
      [...git, 'commit', '-q', '-m', 'catalog'],
      ['update-ref', 'refs/remotes/origin/main', 'HEAD'],
    ]) {
      expect((await run('git', args, project)).code, args.join(' ')).toBe(0);
    }
    const result = await run('sh', ['-c', `GITHUB_STEP_SUMMARY=summary.md; ${command}`], project);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(await readFile(join(project, 'summary.md'), 'utf8')).toMatch(/^#/);
  });

  test('`npx errcat` without @errcat/cli says what to install', async () => {
    const core = join(dir, 'core-only');
    await mkdir(core);
    const errcat = packed.find((item) => item.manifest.name === 'errcat') as PackedPackage;
    await installOffline(core, [{ ...errcat, tarball: `../project/${errcat.tarball}` }], []);
    const result = await run('npx', ['errcat', 'lint', 'errors.yaml'], core);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'errcat: the errcat command is in @errcat/cli; install it with `npm install --save-dev @errcat/cli`\n',
    );
  });
});

if (!built) {
  console.warn('release-install: skipped, the packages are not built (run `npm run build`)');
}
