/**
 * A test city in a temporary ORG_CONFIG folder: the kansli (Stadsledningskontoret, for Kommunstyrelsen; sees all and
 * sends remisser on), Socialförvaltningen (a förvaltning, with a chef and its own channel), Stockholm Business
 * Region (a bolag) and Norrmalms stadsdelsförvaltning (a förvaltning with a registrator, in the kansli's group "Alla
 * stadsdelsförvaltningar"). Erik is in both SOF and SBR.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { exampleOrganisation } from './answerFixtures.js';
import {
  cardActionFrom,
  personalChat,
  startHarness,
  type ChatUser,
  type Harness,
  type HarnessOptions,
} from './botHarness.js';
import type { Card } from './formDriver.js';

export const people = {
  anna: { id: '29:anna', name: 'Anna Andersson', aadObjectId: 'aad-anna', email: 'anna.andersson@stad.se' },
  bertil: { id: '29:bertil', name: 'Bertil Berg', aadObjectId: 'aad-bertil', email: 'bertil.berg@stad.se' },
  kerstin: { id: '29:kerstin', name: 'Kerstin Kansli', aadObjectId: 'aad-kerstin', email: 'kerstin@stad.se' },
  erik: { id: '29:erik', name: 'Erik Sandberg', aadObjectId: 'aad-erik', email: 'erik.sandberg@stad.se' },
  doris: { id: '29:doris', name: 'Doris Dahl', aadObjectId: 'aad-doris', email: 'doris.dahl@stad.se' },
  okand: { id: '29:okand', name: 'Okänd Person', aadObjectId: 'aad-okand', email: 'okand@stad.se' },
  nils: { id: '29:nils', name: 'Nils Norr', aadObjectId: 'aad-nils', email: 'nils.norr@stad.se' },
  rut: { id: '29:rut', name: 'Rut Registrator', aadObjectId: 'aad-rut', email: 'rut.registrator@stad.se' },
};
export type CityPerson = keyof typeof people;

export const SOF_CHANNEL = '19:sof-remisser@thread.tacv2';

/** Writes the city's organisation files; returns the folder to give as ORG_CONFIG. */
export async function writeTestCity(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'remissbot-city-'));
  const write = (name: string, json: object) => writeFile(path.join(dir, name), JSON.stringify(json));
  await write('1-kansliet.json', {
    ...exampleOrganisation('kontor'),
    id: 'kansliet',
    name: 'Stadsledningskontoret',
    genitive: 'Stadsledningskontorets',
    shortName: 'SLK',
    board: 'Kommunstyrelsen',
    seesAll: true,
    members: { handlaggare: [people.kerstin.email], registrator: [people.kerstin.email] },
    referral: { workingDaysBefore: 10, groups: [{ name: 'Alla stadsdelsförvaltningar', organisations: ['norr'] }] },
  });
  await write('2-sof.json', {
    ...exampleOrganisation('forvaltning'),
    id: 'sof',
    members: { handlaggare: [people.anna.email, people.erik.email], chef: [people.doris.email] },
    channel: `channel:19:team-sof@thread.tacv2/${SOF_CHANNEL}`,
  });
  await write('3-sbr.json', {
    ...exampleOrganisation('bolag'),
    id: 'sbr',
    members: { handlaggare: [people.bertil.email, people.erik.email] },
  });
  await write('4-norr.json', {
    ...exampleOrganisation('forvaltning'),
    id: 'norr',
    name: 'Norrmalms stadsdelsförvaltning',
    genitive: 'Norrmalms stadsdelsförvaltnings',
    shortName: 'NORR',
    board: 'Norrmalms stadsdelsnämnd',
    members: { handlaggare: [people.nils.email], registrator: [people.rut.email] },
  });
  return dir;
}

/** The bot on a fresh test city, with everyone's 1:1 chat. */
export interface CityHarness {
  h: Harness;
  chats: Record<CityPerson, ChatUser>;
  /** A card button pressed by `who`: answered 200, with the card it returns. */
  press(who: ChatUser, verb: string, data: object): Promise<Card>;
  stop(): Promise<void>;
}

export async function startCity(options: HarnessOptions = {}): Promise<CityHarness> {
  const configDir = await writeTestCity();
  const h = await startHarness({ ...options, env: { ...options.env, ORG_CONFIG: configDir } });
  const chats = Object.fromEntries(
    Object.entries(people).map(([key, person]) => [key, personalChat(h.connector, person)]),
  ) as Record<CityPerson, ChatUser>;
  return {
    h,
    chats,
    press: async (who, verb, data) => {
      const res = await h.post(cardActionFrom(h.connector, who, verb, data));
      if (res.status !== 200) throw new Error(`${verb} answered ${res.status}`);
      return (res.body as { value: Card }).value;
    },
    stop: async () => {
      await h.stop();
      await rm(configDir, { recursive: true, force: true });
    },
  };
}
