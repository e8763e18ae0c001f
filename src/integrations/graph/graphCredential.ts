/**
 * The credential Remissbot uses for Microsoft Graph, chosen explicitly from the settings: a client secret, a
 * certificate or a managed identity. Never a fallback chain, so a deployment cannot silently run as some other
 * identity than the one the admin granted Sites.Selected to.
 */
import {
  ClientCertificateCredential,
  ClientSecretCredential,
  ManagedIdentityCredential,
  type TokenCredential,
} from '@azure/identity';
import type { GraphCredentialChoice } from '../../config/settings.js';

/** Authorities Entra's instance discovery knows; any other host (a national cloud's own, a test's fake) skips it. */
const KNOWN_AUTHORITY_HOSTS = new Set([
  'https://login.microsoftonline.com',
  'https://login.microsoftonline.us',
  'https://login.chinacloudapi.cn',
]);

export function createGraphCredential(choice: GraphCredentialChoice, authorityHost: string): TokenCredential {
  const options = { authorityHost, disableInstanceDiscovery: !KNOWN_AUTHORITY_HOSTS.has(authorityHost) };
  switch (choice.kind) {
    case 'secret':
      return new ClientSecretCredential(choice.tenantId, choice.clientId, choice.secret, options);
    case 'certificate':
      return new ClientCertificateCredential(
        choice.tenantId,
        choice.clientId,
        { certificatePath: choice.certificatePath },
        options,
      );
    case 'managedIdentity':
      return choice.clientId
        ? new ManagedIdentityCredential({ clientId: choice.clientId })
        : new ManagedIdentityCredential();
  }
}
