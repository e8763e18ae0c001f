/**
 * `npm run bundle`: the one production artefact. Builds dist/, stages what the running bot needs in build/app/
 * (compiled code, card templates, example organisation files, package.json with production scripts and the
 * lock file), installs the production dependencies there exactly as the lock file says (`npm ci --omit=dev`),
 * and zips the folder as build/remissbot.zip for App Service's zip deploy. The Dockerfile copies build/app/.
 * Nothing in the artefact compiles at start: `npm start` runs dist/.
 *
 * Options: `--out <dir>` stages and zips elsewhere (the tests use a temporary folder); `--no-build` reuses dist/.
 */
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';

const ROOT = path.resolve(__dirname, '..');

/** What the running bot reads besides node_modules: its code, card templates, pages and organisation files. */
const SHIPPED = ['dist/src', 'cards', 'pages', 'config', '.env.example', 'README.md', 'docs/deploy.md'];

interface PackageJson {
  scripts: Record<string, string>;
  [key: string]: unknown;
}

/**
 * The artefact's scripts: `start` as it is, and every command that runs a src/cli file through tsx runs its
 * compiled file instead (`npm run import`, `npm run sharepoint:setup`, `npm run org:check` work on the server);
 * nothing else, so that no build step is found and run by App Service's deployment engine.
 */
export function productionScripts(scripts: Record<string, string>): Record<string, string> {
  const result: Record<string, string> = { start: scripts.start! };
  for (const [name, command] of Object.entries(scripts)) {
    const cli = /^tsx (src\/cli\/[\w-]+)\.ts$/.exec(command);
    if (cli) result[name] = `node dist/${cli[1]}.js`;
  }
  return result;
}

function files(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    // npm's .bin links are not needed to run the bot and zip deploy has no symbolic links.
    if (entry.isSymbolicLink() || entry.name === '.bin') return [];
    return entry.isDirectory() ? files(full, base) : [path.relative(base, full)];
  });
}

async function zipFolder(dir: string, zipPath: string): Promise<void> {
  const zip = new JSZip();
  for (const file of files(dir)) {
    const full = path.join(dir, file);
    zip.file(file.split(path.sep).join('/'), readFileSync(full), {
      unixPermissions: statSync(full).mode,
      date: new Date(0),
    });
  }
  await new Promise<void>((resolve, reject) => {
    zip
      .generateNodeStream({ type: 'nodebuffer', streamFiles: true, compression: 'DEFLATE', platform: 'UNIX' })
      .pipe(createWriteStream(zipPath))
      .on('finish', resolve)
      .on('error', reject);
  });
}

/** npm's own script, run by this Node.js (the one the artefact is made for), when npm started this script. */
function npm(args: string[], cwd: string): void {
  const npmCli = process.env.npm_execpath;
  if (npmCli?.endsWith('.js')) execFileSync(process.execPath, [npmCli, ...args], { cwd, stdio: 'inherit' });
  else execFileSync('npm', args, { cwd, stdio: 'inherit' });
}

export async function bundle(outDir: string, build = true): Promise<{ appDir: string; zipPath: string }> {
  if (build) npm(['run', 'build'], ROOT);
  if (!existsSync(path.join(ROOT, 'dist/src/index.js')))
    throw new Error('dist/src/index.js is missing: run npm run build');
  const appDir = path.join(outDir, 'app');
  const zipPath = path.join(outDir, 'remissbot.zip');
  rmSync(appDir, { recursive: true, force: true });
  rmSync(zipPath, { force: true });
  mkdirSync(appDir, { recursive: true });
  for (const item of SHIPPED) cpSync(path.join(ROOT, item), path.join(appDir, item), { recursive: true });
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as PackageJson;
  writeFileSync(
    path.join(appDir, 'package.json'),
    JSON.stringify({ ...pkg, scripts: productionScripts(pkg.scripts) }, null, 2) + '\n',
  );
  cpSync(path.join(ROOT, 'package-lock.json'), path.join(appDir, 'package-lock.json'));
  npm(['ci', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund'], appDir);
  await zipFolder(appDir, zipPath);
  return { appDir, zipPath };
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const outIndex = args.indexOf('--out');
  const outDir = path.resolve(outIndex >= 0 && args[outIndex + 1] ? args[outIndex + 1]! : path.join(ROOT, 'build'));
  bundle(outDir, !args.includes('--no-build')).then(
    ({ appDir, zipPath }) => process.stdout.write(`${appDir}\n${zipPath}\n`),
    (err: Error) => {
      process.stderr.write(`${err.message}\n`);
      process.exitCode = 1;
    },
  );
}
