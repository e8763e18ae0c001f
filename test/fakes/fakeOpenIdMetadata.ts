/**
 * The Bot Framework's OpenID metadata and signing keys, served over HTTPS on 127.0.0.1 with the tests'
 * certificate, and a signer for channel tokens: inbound authentication proven offline. The keys carry the
 * "msteams" endorsement, as the Bot Framework's do.
 */
import { createPrivateKey, generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { ensureTestCertificate } from '../support/testTls.js';

export const CHANNEL_ISSUER = 'https://api.botframework.com';

export class FakeOpenIdMetadata {
  readonly kid = randomUUID();
  private readonly keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  private server?: https.Server;
  private port = 0;

  get metadataUrl(): string {
    return `https://localhost:${this.port}/v1/.well-known/openidconfiguration`;
  }

  async start(): Promise<void> {
    const { cert, key } = ensureTestCertificate();
    const jwk = {
      ...this.keys.publicKey.export({ format: 'jwk' }),
      kid: this.kid,
      use: 'sig',
      alg: 'RS256',
      endorsements: ['msteams'],
    };
    this.server = https.createServer({ cert, key }, (req, res) => {
      res.setHeader('content-type', 'application/json');
      if (req.url === '/v1/.well-known/openidconfiguration') {
        res.end(
          JSON.stringify({
            issuer: CHANNEL_ISSUER,
            authorization_endpoint: 'https://invalid.botframework.com',
            jwks_uri: `https://localhost:${this.port}/v1/.well-known/keys`,
            id_token_signing_alg_values_supported: ['RS256'],
            token_endpoint_auth_methods_supported: ['private_key_jwt'],
          }),
        );
      } else if (req.url === '/v1/.well-known/keys') {
        res.end(JSON.stringify({ keys: [jwk] }));
      } else {
        res.statusCode = 404;
        res.end('{}');
      }
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /**
   * A channel token (RS256): the claims given over sensible defaults, signed with the served key unless another is
   * given.
   */
  token(claims: Record<string, unknown>, options: { key?: KeyObject; kid?: string } = {}): string {
    const now = Math.floor(Date.now() / 1000);
    const header = { alg: 'RS256', typ: 'JWT', kid: options.kid ?? this.kid };
    const payload = { iss: CHANNEL_ISSUER, nbf: now - 60, iat: now - 60, exp: now + 3600, ...claims };
    const data = [header, payload].map((p) => Buffer.from(JSON.stringify(p)).toString('base64url')).join('.');
    return `${data}.${sign('sha256', Buffer.from(data), options.key ?? this.keys.privateKey).toString('base64url')}`;
  }
}

/** A key the metadata does not serve: what a forger has. */
export function anotherKey(): KeyObject {
  return createPrivateKey(
    generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'pem', type: 'pkcs8' }),
  );
}
