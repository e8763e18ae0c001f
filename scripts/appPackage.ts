/**
 * Builds the Teams app package: fills manifest/manifest.json from the settings, validates it and the English
 * localization against Microsoft's own JSON schemas for their version (shipped offline in
 * @microsoft/app-manifest), checks the icons as Teams does, and zips the four files.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import JSZip from 'jszip';
import { PNG } from 'pngjs';

const ROOT = path.resolve(__dirname, '..');
const SCHEMAS = path.join(ROOT, 'node_modules', '@microsoft', 'app-manifest', 'build', 'json-schemas', 'teams');

export interface PackageInput {
  teamsAppId?: string;
  botId?: string;
  publicUrl?: string;
  /** The app's version; default package.json's. */
  version?: string;
  /** The organisation's own pages; default the bot's /privacy and /terms, and its public URL. */
  privacyUrl?: string;
  termsUrl?: string;
  websiteUrl?: string;
  manifestDir?: string;
}

/** package.json's version: a release of the bot is a release of its Teams app. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

export class PackageError extends Error {
  readonly code = 'PACKAGE_INVALID';
  constructor(readonly problems: string[]) {
    super(`The Teams app package cannot be built:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'PackageError';
  }
}

function validate(schemaFile: string, document: unknown, label: string): string[] {
  // The Teams schemas are draft-04 and use patterns that are not valid as unicode regular expressions.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const check = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')) as object);
  if (check(document)) return [];
  return (check.errors ?? []).map(
    (e) =>
      `${label}${e.instancePath || '/'}: ` +
      `${e.message ?? 'invalid'}` +
      (e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''),
  );
}

/** Teams' rules: colour 192×192; outline 32×32, white on transparent. */
export function checkIcons(color: Buffer, outline: Buffer): string[] {
  const problems: string[] = [];
  const c = PNG.sync.read(color);
  if (c.width !== 192 || c.height !== 192)
    problems.push(`color.png must be 192×192 pixels (is ${c.width}×${c.height})`);
  const o = PNG.sync.read(outline);
  if (o.width !== 32 || o.height !== 32) problems.push(`outline.png must be 32×32 pixels (is ${o.width}×${o.height})`);
  let coloured = 0;
  let opaqueBackground = 0;
  for (let i = 0; i < o.data.length; i += 4) {
    const [r, g, b, a] = [o.data[i]!, o.data[i + 1]!, o.data[i + 2]!, o.data[i + 3]!];
    if (a > 0 && (r < 250 || g < 250 || b < 250)) coloured++;
    if (a === 255) opaqueBackground++;
  }
  if (coloured > 0) problems.push(`outline.png must be white on transparent (${coloured} pixels have colour)`);
  if (opaqueBackground === o.width * o.height) problems.push('outline.png must have a transparent background');
  return problems;
}

export async function buildAppPackage(input: PackageInput): Promise<Buffer> {
  const dir = input.manifestDir ?? path.join(ROOT, 'manifest');
  const problems: string[] = [];
  if (!input.teamsAppId)
    problems.push('TEAMS_APP_ID: required (a GUID of your choice, the same for every release of the app)');
  if (!input.botId) problems.push("MicrosoftAppId: required (the bot's Entra app id)");
  let url: URL | undefined;
  try {
    url = new URL(input.publicUrl ?? '');
    if (url.protocol !== 'https:') problems.push('BOT_PUBLIC_URL: must be an https address (Teams refuses http)');
  } catch {
    problems.push("BOT_PUBLIC_URL: required (the bot's public https address)");
  }
  if (problems.length > 0) throw new PackageError(problems);

  const filled = readFileSync(path.join(dir, 'manifest.json'), 'utf8')
    .replaceAll('${{APP_VERSION}}', input.version ?? packageVersion())
    .replaceAll('${{TEAMS_APP_ID}}', input.teamsAppId!)
    .replaceAll('${{MicrosoftAppId}}', input.botId!)
    .replaceAll('${{WEBSITE_URL}}', input.websiteUrl ?? url!.origin)
    .replaceAll('${{PRIVACY_URL}}', input.privacyUrl ?? `${url!.origin}/privacy`)
    .replaceAll('${{TERMS_URL}}', input.termsUrl ?? `${url!.origin}/terms`)
    .replaceAll('${{BOT_DOMAIN}}', url!.host);
  const manifest = JSON.parse(filled) as {
    manifestVersion: string;
    localizationInfo?: { additionalLanguages?: { file: string }[] };
  };
  const version = `v${manifest.manifestVersion}`;
  problems.push(...validate(path.join(SCHEMAS, version, 'MicrosoftTeams.schema.json'), manifest, 'manifest.json'));
  const localizations = (manifest.localizationInfo?.additionalLanguages ?? []).map((l) => l.file);
  const files: Record<string, Buffer> = { 'manifest.json': Buffer.from(filled) };
  for (const file of localizations) {
    const text = readFileSync(path.join(dir, file));
    problems.push(
      ...validate(
        path.join(SCHEMAS, version, 'MicrosoftTeams.Localization.schema.json'),
        JSON.parse(text.toString('utf8')),
        file,
      ),
    );
    files[file] = text;
  }
  files['color.png'] = readFileSync(path.join(dir, 'color.png'));
  files['outline.png'] = readFileSync(path.join(dir, 'outline.png'));
  problems.push(...checkIcons(files['color.png'], files['outline.png']));
  if (problems.length > 0) throw new PackageError(problems);

  const zip = new JSZip();
  for (const [name, bytes] of Object.entries(files)) zip.file(name, bytes);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
