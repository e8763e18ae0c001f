/**
 * The pages the Teams app's details link to (developer.privacyUrl and termsOfUseUrl default to them): served by
 * the real server, in Swedish.
 */
import { startHarness, type Harness } from '../support/botHarness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.stop());

test.each([
  ['/privacy', ['Personuppgiftsansvarig', 'Var och hur länge', '15 minuter']],
  ['/terms', ['villkor för användning', 'inte detsamma som att det är diariefört']],
])('GET %s is a Swedish HTML page', async (route, phrases) => {
  const res = await fetch(`${h.baseUrl}${route}`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
  const html = await res.text();
  expect(html).toMatch(/^<!doctype html>\n<html lang="sv">/);
  for (const phrase of phrases) expect(html).toContain(phrase);
});
