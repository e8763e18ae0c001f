/**
 * The city of issue 19's "Scale": 40 organisations (the kansli, which sees all, and förvaltningar, kontor and
 * bolag), 50 handläggare and a chef each (2,000 handläggare), and 20,000 open remisser in the register, spread
 * over the organisations and their handläggare. The organisations are written as a folder of organisation
 * files in the documented shape (ORG_CONFIG), one *.json each, made from config/examples; the register into
 * a file store. It is built once per benchmark run and copied for each benchmark that uses it.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REMISS_PREFIX } from '../src/register/registerKeys.js';
import { createStore } from '../src/storage/createStore.js';
import { remiss } from '../test/support/remissFixtures.js';
import { ROOT } from './startCommand.js';

export const CITY_ORGANISATIONS = 40;
export const HANDLAGGARE_PER_ORGANISATION = 50;
export const CITY_REMISSER = Number(process.env.BENCH_CITY_REMISSER ?? 20_000);
/** Of each organisation's remisser, the last tenth is not yet assigned (Inkommen): everyone's due list has them. */
const UNASSIGNED_SHARE = 0.1;

export interface CityOrganisation {
  id: string;
  handlaggare: string[];
  chef: string;
  /** Its team channel's conversation id (the organisation file's channel). */
  channelId: string;
}

export interface City {
  /** ORG_CONFIG: the folder of organisation files. */
  configDir: string;
  /** DATA_DIR: the bot's file store, with the register. */
  dataDir: string;
  organisations: CityOrganisation[];
  /** Every handläggare's e-mail. */
  handlaggare: string[];
}

const KINDS = ['forvaltning', 'forvaltning', 'kontor', 'bolag'] as const;

function organisationsOf(): CityOrganisation[] {
  return Array.from({ length: CITY_ORGANISATIONS }, (_, o) => {
    const id = o === 0 ? 'kansliet' : `org-${String(o).padStart(2, '0')}`;
    return {
      id,
      handlaggare: Array.from({ length: HANDLAGGARE_PER_ORGANISATION }, (_, k) => `handlaggare${k}@${id}.stad.se`),
      chef: `chef@${id}.stad.se`,
      channelId: `19:${id}-remisser@thread.tacv2`,
    };
  });
}

/** Writes one organisation file per organisation, each from the example of its kind. */
function writeOrganisationFiles(configDir: string, organisations: readonly CityOrganisation[]): void {
  mkdirSync(configDir, { recursive: true });
  organisations.forEach((organisation, o) => {
    const kind = o === 0 ? 'kontor' : KINDS[o % KINDS.length]!;
    const example = JSON.parse(readFileSync(path.join(ROOT, 'config/examples', `${kind}.json`), 'utf8')) as object;
    const file = {
      ...example,
      id: organisation.id,
      name: `Organisation ${o}`,
      genitive: `Organisation ${o}s`,
      shortName: `O${o}`,
      defaultApprover: organisation.chef,
      approvers: [{ name: `Chef ${o}`, email: organisation.chef }],
      members: { handlaggare: organisation.handlaggare, chef: [organisation.chef] },
      channel: `channel:19:team-${organisation.id}@thread.tacv2/${organisation.channelId}`,
      ...(o === 0 ? { seesAll: true } : {}),
    };
    writeFileSync(path.join(configDir, `${organisation.id}.json`), JSON.stringify(file, null, 2));
  });
}

function dayFrom(today: Date, days: number): string {
  return new Date(today.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The register: remiss i belongs to organisation i mod 40. Each handläggare has nine; the first is due in 7 to
 * 13 days (inside the digest's horizon, before any reminder), the rest in 15 days to a year.
 */
async function writeRegister(dataDir: string, organisations: readonly CityOrganisation[], today: Date) {
  const store = createStore({ STORAGE: 'file', DATA_DIR: dataDir });
  const perOrganisation = CITY_REMISSER / organisations.length;
  const assigned = perOrganisation * (1 - UNASSIGNED_SHARE);
  const one = (i: number) => {
    const organisation = organisations[i % organisations.length]!;
    const j = Math.floor(i / organisations.length);
    const handlaggare = j < assigned ? organisation.handlaggare[j % HANDLAGGARE_PER_ORGANISATION] : undefined;
    const dnr = `${organisation.id.toUpperCase()} 2026/${j}`;
    const record = remiss({
      dnr,
      organisation: organisation.id,
      title: `Remiss ${i} om stadens verksamhet`,
      dueDate: dayFrom(today, j < HANDLAGGARE_PER_ORGANISATION ? 7 + (j % 7) : 15 + (i % 350)),
      ...(handlaggare ? { handlaggare: { email: handlaggare } } : {}),
    });
    // Written as the store's records, without the register's change marker per save (20,000 saves through
    // the repository take minutes, each rewriting the marker); the bot lists the register afresh at start.
    return store.create(REMISS_PREFIX + dnr, record);
  };
  const BATCH = 200;
  for (let start = 0; start < CITY_REMISSER; start += BATCH)
    await Promise.all(Array.from({ length: Math.min(BATCH, CITY_REMISSER - start) }, (_, k) => one(start + k)));
}

let template: Promise<City> | undefined;

/** A fresh copy of the city (organisation files and register), in its own temporary folder. */
export async function cityCopy(): Promise<City> {
  const city = await (template ??= buildTemplate());
  const root = mkdtempSync(path.join(os.tmpdir(), 'remissbot-bench-city-'));
  const copy = { ...city, configDir: path.join(root, 'organisations'), dataDir: path.join(root, 'data') };
  cpSync(city.configDir, copy.configDir, { recursive: true });
  cpSync(city.dataDir, copy.dataDir, { recursive: true });
  return copy;
}

/** Removes a copy made by cityCopy. */
export function removeCity(city: City): void {
  rmSync(path.dirname(city.dataDir), { recursive: true, force: true });
}

async function buildTemplate(): Promise<City> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'remissbot-bench-city-template-'));
  process.once('exit', () => rmSync(root, { recursive: true, force: true }));
  const organisations = organisationsOf();
  const city: City = {
    configDir: path.join(root, 'organisations'),
    dataDir: path.join(root, 'data'),
    organisations,
    handlaggare: organisations.flatMap((o) => o.handlaggare),
  };
  const started = Date.now();
  writeOrganisationFiles(city.configDir, organisations);
  await writeRegister(city.dataDir, organisations, new Date());
  console.error(`city: ${CITY_ORGANISATIONS} organisations, ${CITY_REMISSER} remisser in ${Date.now() - started} ms`);
  return city;
}
