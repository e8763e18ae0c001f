/**
 * `npm run dev`: the bot on the embedded default (file storage, no Azure) plus the Microsoft 365 Agents
 * Playground, a local Teams-like client, with Swedish mock users. On first run it imports example
 * remisser dated relative to today, so there is a real list to ask about at once.
 */
import 'dotenv/config';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadSettings, SettingsError } from '../src/config/settings.js';
import { loadOrganisationDirectory } from '../src/config/organisationConfig.js';
import { exampleCsv } from './exampleRemisser.js';
import { playgroundConfigAs } from './playgroundConfig.js';

const ROOT = path.resolve(__dirname, '..');
const PLAYGROUND_PORT = '56150';
const APPROVER_PLAYGROUND_PORT = '56151';
const bin = (name: string) => path.join(ROOT, 'node_modules', '.bin', name);

/** The Playground's tenant, from its config, so the bot's tenant check admits it. */
function playgroundTenant(): string {
  const match = /^tenantId:\s*(\S+)/m.exec(readFileSync(path.join(ROOT, '.m365agentsplayground.yml'), 'utf8'));
  if (!match?.[1]) throw new Error('.m365agentsplayground.yml has no tenantId');
  return match[1];
}

function main(): void {
  // The example city (a kansli, a förvaltning and a bolag) unless ORG_CONFIG names the deployment's own.
  const env = {
    ...process.env,
    ALLOWED_TENANTS: process.env.ALLOWED_TENANTS || playgroundTenant(),
    ORG_CONFIG: process.env.ORG_CONFIG || path.join(ROOT, 'config', 'city'),
  };
  let settings;
  try {
    settings = loadSettings(env);
  } catch (err) {
    if (err instanceof SettingsError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }

  const marker = path.join(settings.DATA_DIR, '.examples-imported');
  if (!existsSync(marker)) {
    mkdirSync(settings.DATA_DIR, { recursive: true });
    const file = path.join(settings.DATA_DIR, 'exempel-remisser.csv');
    const city = !loadOrganisationDirectory(path.resolve(settings.ORG_CONFIG)).single;
    writeFileSync(file, exampleCsv(new Date(), { organisations: city }));
    const run = spawnSync(bin('tsx'), [path.join(ROOT, 'src/cli/import.ts'), file], { stdio: 'inherit', env });
    if (run.status === 0) writeFileSync(marker, new Date().toISOString());
  }

  const children: ChildProcess[] = [];
  const stopAll = () => children.forEach((c) => c.kill('SIGTERM'));
  process.on('SIGINT', stopAll);
  process.on('SIGTERM', stopAll);

  const bot = spawn(bin('tsx'), [path.join(ROOT, 'src/index.ts')], { stdio: 'inherit', env });
  children.push(bot);
  const endpoint = `http://127.0.0.1:${settings.PORT}/api/messages`;
  const playground = spawn(
    bin('agentsplayground'),
    ['-e', endpoint, '-c', 'msteams', '-p', PLAYGROUND_PORT, '--disable-telemetry'],
    {
      cwd: ROOT,
      env: { ...env, TEAMSAPPTESTER_BROWSER: 'none' },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  children.push(playground);
  // `npm run dev -- --godkannare`: a second client as Cecilia Holm, the organisation's approver.
  if (process.argv.includes('--godkannare')) {
    const dir = path.join(ROOT, 'devTools', 'playground-cecilia');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, '.m365agentsplayground.yml'), playgroundConfigAs('user-cecilia'));
    children.push(
      spawn(
        bin('agentsplayground'),
        ['-e', endpoint, '-c', 'msteams', '-p', APPROVER_PLAYGROUND_PORT, '--disable-telemetry'],
        {
          cwd: dir,
          env: { ...env, TEAMSAPPTESTER_BROWSER: 'none' },
          stdio: ['ignore', 'inherit', 'inherit'],
        },
      ),
    );
    process.stdout.write(
      `Godkännaren Cecilia Holm: http://localhost:${APPROVER_PLAYGROUND_PORT} (skriv "hej" där först)\n`,
    );
  }
  process.stdout.write(
    `\nRemissbot: ${endpoint}\nÖppna den lokala Teams-klienten: http://localhost:${PLAYGROUND_PORT}\nSkriv till ` +
      `exempel "vilka remisser ska besvaras?"\n\n`,
  );
  for (const child of children) {
    child.on('exit', (code) => {
      stopAll();
      process.exitCode = code ?? 0;
    });
  }
}

main();
