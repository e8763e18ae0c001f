/**
 * The Graph and SharePoint settings, checked together: filing in SharePoint needs all of them and exactly one
 * credential, and a certificate must be a PEM file the credential can read.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

type GraphSettingName =
  | 'GRAPH_TENANT_ID'
  | 'GRAPH_CLIENT_ID'
  | 'GRAPH_CLIENT_SECRET'
  | 'GRAPH_CERTIFICATE_PATH'
  | 'SHAREPOINT_SITE_ID'
  | 'SHAREPOINT_SITE_URL'
  | 'SHAREPOINT_LIBRARY';

/** Graph is all or nothing: any Graph or SharePoint setting asks for filing in SharePoint, which needs them all. */
export function graphProblems(
  s: Partial<Record<GraphSettingName, string>> & { GRAPH_USE_MANAGED_IDENTITY?: boolean },
): [string, string][] {
  const named: GraphSettingName[] = [
    'GRAPH_TENANT_ID',
    'GRAPH_CLIENT_ID',
    'GRAPH_CLIENT_SECRET',
    'GRAPH_CERTIFICATE_PATH',
    'SHAREPOINT_SITE_ID',
    'SHAREPOINT_SITE_URL',
    'SHAREPOINT_LIBRARY',
  ];
  if (!s.GRAPH_USE_MANAGED_IDENTITY && !named.some((k) => s[k])) return [];
  const problems: [string, string][] = [];
  const credentials = [
    s.GRAPH_CLIENT_SECRET && 'GRAPH_CLIENT_SECRET',
    s.GRAPH_CERTIFICATE_PATH && 'GRAPH_CERTIFICATE_PATH',
    s.GRAPH_USE_MANAGED_IDENTITY && 'GRAPH_USE_MANAGED_IDENTITY',
  ].filter(Boolean);
  if (credentials.length !== 1) {
    problems.push([
      'GRAPH_CLIENT_SECRET',
      'filing in SharePoint needs exactly one credential: GRAPH_CLIENT_SECRET, GRAPH_CERTIFICATE_PATH or ' +
        `GRAPH_USE_MANAGED_IDENTITY=true (${credentials.length ? `got ${credentials.join(' and ')}` : 'none is set'})`,
    ]);
  }
  const certificate = s.GRAPH_CERTIFICATE_PATH && certificateProblem(s.GRAPH_CERTIFICATE_PATH);
  if (certificate) problems.push(['GRAPH_CERTIFICATE_PATH', certificate]);
  if (!s.GRAPH_TENANT_ID) problems.push(['GRAPH_TENANT_ID', 'required for filing in SharePoint']);
  if (!s.GRAPH_CLIENT_ID && !s.GRAPH_USE_MANAGED_IDENTITY)
    problems.push(['GRAPH_CLIENT_ID', 'required with a client secret or a certificate']);
  if (!s.SHAREPOINT_SITE_ID === !s.SHAREPOINT_SITE_URL)
    problems.push(['SHAREPOINT_SITE_ID', 'set either SHAREPOINT_SITE_ID or SHAREPOINT_SITE_URL']);
  if (!s.SHAREPOINT_LIBRARY)
    problems.push(['SHAREPOINT_LIBRARY', "required for filing in SharePoint (the document library's name)"]);
  return problems;
}

/**
 * ClientCertificateCredential reads only a PEM holding the private key and the certificate, and only at the first
 * token: a PKCS#12 file (what App Service keeps an uploaded certificate as) is refused here, at start, instead.
 */
function certificateProblem(file: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'latin1');
  } catch (err) {
    return `cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? 'unreadable'})`;
  }
  const convert = (p12: string) =>
    `openssl pkcs12 -in ${p12} -out remissbot-graph.pem -nodes (add -legacy if OpenSSL 3 says "unsupported")`;
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text) || !text.includes('-----BEGIN CERTIFICATE-----')) {
    return (
      `${file} must be a PEM file holding the private key and the certificate; convert a .pfx or .p12 ` +
      `(as App Service stores an uploaded certificate) once with: ${convert(path.basename(file))}`
    );
  }
  // The credential is given no password: an encrypted key would fail only at the first filing.
  if (/-----BEGIN ENCRYPTED PRIVATE KEY-----|^Proc-Type: 4,ENCRYPTED/m.test(text)) {
    return (
      `${file} holds an encrypted private key, which Remissbot cannot open (it takes no certificate password); ` +
      `write it unencrypted (-nodes): ${convert('<the .pfx or .p12>')}`
    );
  }
  return undefined;
}
