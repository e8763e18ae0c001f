import { loadSettings, SettingsError } from '../../src/config/settings.js';

function problems(env: Record<string, string>): string[] {
  try {
    loadSettings(env);
  } catch (err) {
    if (err instanceof SettingsError) return err.problems;
    throw err;
  }
  return [];
}

test('defaults: local anonymous mode on port 3978 with Swedish replies', () => {
  const s = loadSettings({});
  expect(s).toMatchObject({ PORT: 3978, DATA_DIR: './data', BOT_LANGUAGE: 'sv', REMISS_SOURCE: 'local', anonymous: true, allowedTenants: [] });
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

describe('Graph and SharePoint settings', () => {
  const site = { GRAPH_TENANT_ID: 't1', SHAREPOINT_SITE_ID: 'stad.sharepoint.com,1,2', SHAREPOINT_LIBRARY: 'Remissvar' };

  test('without them, filing goes to the local folder and the public cloud endpoints are the defaults', () => {
    const s = loadSettings({});
    expect(s.sharePoint).toBeUndefined();
    expect([s.GRAPH_BASE_URL, s.AZURE_AUTHORITY_HOST]).toEqual(['https://graph.microsoft.com', 'https://login.microsoftonline.com']);
  });

  test('the credential is the one named: a secret, a certificate, or a managed identity (user-assigned with AZURE_CLIENT_ID)', () => {
    expect(loadSettings({ ...site, GRAPH_CLIENT_ID: 'c1', GRAPH_CLIENT_SECRET: 's' }).sharePoint?.credential).toEqual({ kind: 'secret', tenantId: 't1', clientId: 'c1', secret: 's' });
    expect(loadSettings({ ...site, GRAPH_CLIENT_ID: 'c1', GRAPH_CERTIFICATE_PATH: '/etc/cert.pem' }).sharePoint?.credential).toEqual({ kind: 'certificate', tenantId: 't1', clientId: 'c1', certificatePath: '/etc/cert.pem' });
    expect(loadSettings({ ...site, GRAPH_USE_MANAGED_IDENTITY: 'true' }).sharePoint?.credential).toEqual({ kind: 'managedIdentity', tenantId: 't1', clientId: undefined });
    expect(loadSettings({ ...site, GRAPH_USE_MANAGED_IDENTITY: 'true', AZURE_CLIENT_ID: 'mi' }).sharePoint).toEqual({ credential: { kind: 'managedIdentity', tenantId: 't1', clientId: 'mi' }, site: { id: 'stad.sharepoint.com,1,2' }, library: 'Remissvar' });
  });

  test('two credentials, or none, is refused rather than guessed', () => {
    expect(problems({ ...site, GRAPH_CLIENT_ID: 'c1', GRAPH_CLIENT_SECRET: 's', GRAPH_USE_MANAGED_IDENTITY: 'true' })).toEqual([
      'GRAPH_CLIENT_SECRET: filing in SharePoint needs exactly one credential: GRAPH_CLIENT_SECRET, GRAPH_CERTIFICATE_PATH or GRAPH_USE_MANAGED_IDENTITY=true (got GRAPH_CLIENT_SECRET and GRAPH_USE_MANAGED_IDENTITY)',
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
    expect(problems({ ...site, GRAPH_CLIENT_ID: 'c1', GRAPH_CLIENT_SECRET: 's', SHAREPOINT_SITE_URL: 'https://stad.sharepoint.com/sites/r' })).toEqual(['SHAREPOINT_SITE_ID: set either SHAREPOINT_SITE_ID or SHAREPOINT_SITE_URL']);
    expect(problems({ ...site, GRAPH_CLIENT_ID: 'c1', GRAPH_CLIENT_SECRET: 's', GRAPH_BASE_URL: 'http://graph.local' })[0]).toMatch(/^GRAPH_BASE_URL: /);
  });
});

test('REMISS_SOURCE=sharepoint needs the list and the Graph settings', () => {
  expect(problems({ REMISS_SOURCE: 'sharepoint' })).toEqual([
    "SHAREPOINT_REMISS_LIST: required when REMISS_SOURCE is sharepoint (the list's name or id)",
    'REMISS_SOURCE: sharepoint needs the Graph settings (GRAPH_TENANT_ID, a credential, the site and SHAREPOINT_LIBRARY)',
  ]);
  const s = loadSettings({ REMISS_SOURCE: 'sharepoint', SHAREPOINT_REMISS_LIST: 'Remisser', GRAPH_TENANT_ID: 't1', GRAPH_CLIENT_ID: 'c1', GRAPH_CLIENT_SECRET: 's', SHAREPOINT_SITE_ID: 'x,1,2', SHAREPOINT_LIBRARY: 'Remissvar' });
  expect(s.sharePoint?.remissList).toBe('Remisser');
  // With a local register the list setting is ignored.
  expect(loadSettings({ SHAREPOINT_REMISS_LIST: 'Remisser', GRAPH_TENANT_ID: 't1', GRAPH_CLIENT_ID: 'c1', GRAPH_CLIENT_SECRET: 's', SHAREPOINT_SITE_ID: 'x,1,2', SHAREPOINT_LIBRARY: 'Remissvar' }).sharePoint?.remissList).toBeUndefined();
});
