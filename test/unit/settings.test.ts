import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadPackageSettings } from '../../src/config/packageSettings.js';
import { loadSettings, SettingsError } from '../../src/config/settings.js';

function problems(
  env: Record<string, string>,
  load: (env: Record<string, string>) => unknown = loadSettings,
): string[] {
  try {
    load(env);
  } catch (err) {
    if (err instanceof SettingsError) return err.problems;
    throw err;
  }
  return [];
}

test('defaults: local anonymous mode on port 3978 with Swedish replies', () => {
  const s = loadSettings({});
  expect(s).toMatchObject({
    PORT: 3978,
    DATA_DIR: './data',
    BOT_LANGUAGE: 'sv',
    REMISS_SOURCE: 'local',
    anonymous: true,
    allowedTenants: [],
  });
});

test('an app id defaults the app type to SingleTenant, which needs a tenant id', () => {
  expect(problems({ MicrosoftAppId: 'app', MicrosoftAppPassword: 'pw' })).toEqual([
    'MicrosoftAppTenantId: required when MicrosoftAppType is SingleTenant (the default)',
  ]);
  const s = loadSettings({ MicrosoftAppId: 'app', MicrosoftAppPassword: 'pw', MicrosoftAppTenantId: 't1' });
  expect(s.MicrosoftAppType).toBe('SingleTenant');
  expect(s.allowedTenants).toEqual(['t1']);
  expect(s.anonymous).toBe(false);
});

test("a managed identity needs the tenant id too: a settings message, not the SDK's assertion", () => {
  expect(problems({ MicrosoftAppId: 'mi-client-id', MicrosoftAppType: 'UserAssignedMSI' })).toEqual([
    'MicrosoftAppTenantId: required when MicrosoftAppType is UserAssignedMSI',
  ]);
  expect(
    loadSettings({ MicrosoftAppId: 'mi-client-id', MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: 't1' })
      .MicrosoftAppType,
  ).toBe('UserAssignedMSI');
});

test('production refuses anonymous mode and needs the allowed tenants', () => {
  expect(problems({ NODE_ENV: 'production' })).toEqual([
    'MicrosoftAppId: required in production: anonymous mode accepts unauthenticated requests',
    'ALLOWED_TENANTS: required in production (or set MicrosoftAppTenantId)',
    'FILE_LINK_SECRET: required in production (download links must survive restarts and work across instances)',
    'BOT_PUBLIC_URL: required in production (the host of download links)',
  ]);
});

test('each bad setting is named', () => {
  const found = problems({ PORT: 'abc', BOT_LANGUAGE: 'de', MicrosoftAppType: 'Weird' });
  expect(found.map((p) => p.split(':')[0])).toEqual(['PORT', 'MicrosoftAppType', 'BOT_LANGUAGE']);
});

test('ALLOWED_TENANTS is a comma-separated list', () => {
  expect(loadSettings({ ALLOWED_TENANTS: ' a , b,,c ' }).allowedTenants).toEqual(['a', 'b', 'c']);
});

/** A self-signed certificate as PEM (key and certificate), as PKCS#12 and as a key alone, made with openssl. */
function makeCertificates() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'remissbot-cert-'));
  const [key, cert, pem, p12, encrypted] = [
    'key.pem',
    'cert.pem',
    'remissbot.pem',
    'remissbot.p12',
    'encrypted.pem',
  ].map((f) => path.join(dir, f)) as [string, string, string, string, string];
  openssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    key,
    '-out',
    cert,
    '-days',
    '2',
    '-subj',
    '/CN=Remissbot',
  );
  writeFileSync(pem, readFileSync(key, 'utf8') + readFileSync(cert, 'utf8'));
  openssl('pkcs12', '-export', '-inkey', key, '-in', cert, '-out', p12, '-passout', 'pass:');
  // What `openssl pkcs12` writes without -nodes: the key encrypted with the password it asks for.
  openssl('pkcs12', '-in', p12, '-out', encrypted, '-passin', 'pass:', '-passout', 'pass:hemligt');
  return { dir, pem, p12, keyOnly: key, encrypted };
}

function openssl(...args: string[]): void {
  execFileSync('openssl', args, { stdio: 'pipe' });
}

describe('Graph and SharePoint settings', () => {
  let certificates: ReturnType<typeof makeCertificates>;
  beforeAll(() => {
    certificates = makeCertificates();
  });
  afterAll(() => rmSync(certificates.dir, { recursive: true, force: true }));

  const site = {
    GRAPH_TENANT_ID: 't1',
    SHAREPOINT_SITE_ID: 'stad.sharepoint.com,1,2',
    SHAREPOINT_LIBRARY: 'Remissvar',
  };

  test('without them, filing goes to the local folder and the public cloud endpoints are the defaults', () => {
    const s = loadSettings({});
    expect(s.sharePoint).toBeUndefined();
    expect([s.GRAPH_BASE_URL, s.AZURE_AUTHORITY_HOST]).toEqual([
      'https://graph.microsoft.com',
      'https://login.microsoftonline.com',
    ]);
  });

  test(
    'the credential is the one named: a secret, a certificate, or a managed identity (user-assigned with ' +
      'AZURE_CLIENT_ID)',
    () => {
      expect(loadSettings({ ...site, GRAPH_CLIENT_ID: 'c1', GRAPH_CLIENT_SECRET: 's' }).sharePoint?.credential).toEqual(
        {
          kind: 'secret',
          tenantId: 't1',
          clientId: 'c1',
          secret: 's',
        },
      );
      expect(
        loadSettings({ ...site, GRAPH_CLIENT_ID: 'c1', GRAPH_CERTIFICATE_PATH: certificates.pem }).sharePoint
          ?.credential,
      ).toEqual({ kind: 'certificate', tenantId: 't1', clientId: 'c1', certificatePath: certificates.pem });
      expect(loadSettings({ ...site, GRAPH_USE_MANAGED_IDENTITY: 'true' }).sharePoint?.credential).toEqual({
        kind: 'managedIdentity',
        tenantId: 't1',
        clientId: undefined,
      });
      expect(loadSettings({ ...site, GRAPH_USE_MANAGED_IDENTITY: 'true', AZURE_CLIENT_ID: 'mi' }).sharePoint).toEqual({
        credential: { kind: 'managedIdentity', tenantId: 't1', clientId: 'mi' },
        site: { id: 'stad.sharepoint.com,1,2' },
        library: 'Remissvar',
      });
    },
  );

  test(
    'a certificate must be a PEM with the key and the certificate: a .p12 from App Service is refused at start, ' +
      'with the conversion',
    () => {
      const withCertificate = (file: string) =>
        problems({ ...site, GRAPH_CLIENT_ID: 'c1', GRAPH_CERTIFICATE_PATH: file });
      expect(withCertificate(certificates.pem)).toEqual([]);
      expect(withCertificate(certificates.p12)).toEqual([
        `GRAPH_CERTIFICATE_PATH: ${certificates.p12} must be a PEM file holding the private key and the certificate; ` +
          `convert a .pfx or .p12 (as App Service stores an uploaded certificate) once with: openssl pkcs12 -in ` +
          `remissbot.p12 -out remissbot-graph.pem -nodes (add -legacy if OpenSSL 3 says "unsupported")`,
      ]);
      expect(withCertificate(certificates.encrypted)).toEqual([
        `GRAPH_CERTIFICATE_PATH: ${certificates.encrypted} holds an encrypted private key, which Remissbot cannot ` +
          `open (it takes no certificate password); write it unencrypted (-nodes): openssl pkcs12 -in <the .pfx or ` +
          `.p12> -out remissbot-graph.pem -nodes (add -legacy if OpenSSL 3 says "unsupported")`,
      ]);
      expect(withCertificate(certificates.keyOnly)[0]).toMatch(
        /^GRAPH_CERTIFICATE_PATH: .* must be a PEM file holding the private key and the certificate/,
      );
      expect(withCertificate(path.join(certificates.dir, 'missing.pem'))).toEqual([
        `GRAPH_CERTIFICATE_PATH: cannot read ${path.join(certificates.dir, 'missing.pem')} (ENOENT)`,
      ]);
      // What the openssl command prints is what the bot accepts.
      openssl(
        'pkcs12',
        '-in',
        certificates.p12,
        '-out',
        path.join(certificates.dir, 'converted.pem'),
        '-nodes',
        '-passin',
        'pass:',
      );
      expect(withCertificate(path.join(certificates.dir, 'converted.pem'))).toEqual([]);
    },
  );

  test('two credentials, or none, is refused rather than guessed', () => {
    expect(
      problems({ ...site, GRAPH_CLIENT_ID: 'c1', GRAPH_CLIENT_SECRET: 's', GRAPH_USE_MANAGED_IDENTITY: 'true' }),
    ).toEqual([
      'GRAPH_CLIENT_SECRET: filing in SharePoint needs exactly one credential: GRAPH_CLIENT_SECRET, ' +
        'GRAPH_CERTIFICATE_PATH or GRAPH_USE_MANAGED_IDENTITY=true (got GRAPH_CLIENT_SECRET and ' +
        'GRAPH_USE_MANAGED_IDENTITY)',
    ]);
    expect(problems({ ...site, GRAPH_CLIENT_ID: 'c1' })[0]).toContain('(none is set)');
  });

  test('a partial configuration names what is missing', () => {
    expect(problems({ GRAPH_CLIENT_SECRET: 's' })).toEqual([
      'GRAPH_TENANT_ID: required for filing in SharePoint',
      'GRAPH_CLIENT_ID: required with a client secret or a certificate',
      'SHAREPOINT_SITE_ID: set either SHAREPOINT_SITE_ID or SHAREPOINT_SITE_URL',
      "SHAREPOINT_LIBRARY: required for filing in SharePoint (the document library's name)",
    ]);
    expect(
      problems({
        ...site,
        GRAPH_CLIENT_ID: 'c1',
        GRAPH_CLIENT_SECRET: 's',
        SHAREPOINT_SITE_URL: 'https://stad.sharepoint.com/sites/r',
      }),
    ).toEqual(['SHAREPOINT_SITE_ID: set either SHAREPOINT_SITE_ID or SHAREPOINT_SITE_URL']);
    expect(
      problems({ ...site, GRAPH_CLIENT_ID: 'c1', GRAPH_CLIENT_SECRET: 's', GRAPH_BASE_URL: 'http://graph.local' })[0],
    ).toMatch(/^GRAPH_BASE_URL: /);
  });
});

test('REMISS_SOURCE=sharepoint needs the list and the Graph settings', () => {
  expect(problems({ REMISS_SOURCE: 'sharepoint' })).toEqual([
    "SHAREPOINT_REMISS_LIST: required when REMISS_SOURCE is sharepoint (the list's name or id)",
    'REMISS_SOURCE: sharepoint needs the Graph settings (GRAPH_TENANT_ID, a credential, the site and ' +
      'SHAREPOINT_LIBRARY)',
  ]);
  const s = loadSettings({
    REMISS_SOURCE: 'sharepoint',
    SHAREPOINT_REMISS_LIST: 'Remisser',
    GRAPH_TENANT_ID: 't1',
    GRAPH_CLIENT_ID: 'c1',
    GRAPH_CLIENT_SECRET: 's',
    SHAREPOINT_SITE_ID: 'x,1,2',
    SHAREPOINT_LIBRARY: 'Remissvar',
  });
  expect(s.sharePoint?.remissList).toBe('Remisser');
  // With a local register the list setting is ignored.
  expect(
    loadSettings({
      SHAREPOINT_REMISS_LIST: 'Remisser',
      GRAPH_TENANT_ID: 't1',
      GRAPH_CLIENT_ID: 'c1',
      GRAPH_CLIENT_SECRET: 's',
      SHAREPOINT_SITE_ID: 'x,1,2',
      SHAREPOINT_LIBRARY: 'Remissvar',
    }).sharePoint?.remissList,
  ).toBeUndefined();
});

describe('REGISTRATOR', () => {
  const team = '4f1c2a9e-7c1d-4a55-9a0e-5a3f4c2b1d00';
  const registrator = (value: string) => loadSettings({ REGISTRATOR: value }).REGISTRATOR;

  test("a channel id copied from Teams' link is decoded; a whole link is read; a person stays as given", () => {
    expect(registrator(`channel:${team}/19%3aAbC123def%40thread.tacv2`)).toBe(
      `channel:${team}/19:AbC123def@thread.tacv2`,
    );
    expect(registrator(`channel:${team}/19:AbC123def@thread.tacv2`)).toBe(`channel:${team}/19:AbC123def@thread.tacv2`);
    expect(registrator('channel:19%3Akansliet%40thread.skype/19%3Aregistratur%40thread.skype')).toBe(
      'channel:19:kansliet@thread.skype/19:registratur@thread.skype',
    );
    expect(
      registrator(
        'channel:https://teams.microsoft.com/l/channel/19%3aAbC123def%40thread.tacv2/Registratur' +
          `?groupId=${team}&tenantId=${team}`,
      ),
    ).toBe(`channel:${team}/19:AbC123def@thread.tacv2`);
    expect(registrator('person:rut@stad.se')).toBe('person:rut@stad.se');
  });

  test.each([
    ['a channel name instead of its id', `channel:${team}/Registratur`],
    ['a chat id, not a channel', `channel:${team}/19:abc@unq.gbl.spaces`],
    ['broken percent-encoding', `channel:${team}/19%3zabc%40thread.tacv2`],
    ['a team that is neither a group id nor a team thread', 'channel:kansliet/19:abc@thread.tacv2'],
    ['a link without the groupId', 'channel:https://teams.microsoft.com/l/channel/19%3aabc%40thread.tacv2/General'],
    ['a link to a chat', 'channel:https://teams.microsoft.com/l/chat/19%3aabc%40thread.v2/0'],
    ['neither channel nor person', 'team:abc'],
    ['a person without an e-mail', 'person:rut'],
  ])('%s is refused, saying what a channel id looks like', (_name, value) => {
    const found = problems({ REGISTRATOR: value });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^REGISTRATOR: must be channel:<team id>\/<channel id> .*19:…@thread\.tacv2/);
  });
});

describe('package settings (npm run package)', () => {
  test('only what goes into the package is read: no secret, tenant or link secret is asked for', () => {
    const s = loadPackageSettings({
      NODE_ENV: 'production',
      TEAMS_APP_ID: '1a2b3c4d-0000-4000-8000-000000000001',
      MicrosoftAppId: 'app',
      BOT_PUBLIC_URL: 'https://remissbot.stad.se',
    });
    expect(s).toEqual({
      TEAMS_APP_ID: '1a2b3c4d-0000-4000-8000-000000000001',
      MicrosoftAppId: 'app',
      BOT_PUBLIC_URL: 'https://remissbot.stad.se',
    });
  });

  test('the version and the pages are checked', () => {
    const found = problems(
      { TEAMS_APP_VERSION: '1.2', PRIVACY_URL: 'http://stad.se/integritet', TEAMS_APP_ID: 'not-a-guid' },
      loadPackageSettings,
    );
    expect(found.map((p) => p.split(':')[0])).toEqual(['TEAMS_APP_ID', 'TEAMS_APP_VERSION', 'PRIVACY_URL']);
    expect(loadPackageSettings({ TEAMS_APP_VERSION: '1.4.0', TERMS_URL: 'https://stad.se/villkor' })).toMatchObject({
      TEAMS_APP_VERSION: '1.4.0',
      TERMS_URL: 'https://stad.se/villkor',
    });
  });
});
