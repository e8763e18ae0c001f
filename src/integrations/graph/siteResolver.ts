/**
 * The SharePoint site's Graph id: given (SHAREPOINT_SITE_ID), or resolved once from its URL
 * (SHAREPOINT_SITE_URL: GET /sites/{hostname}:/{path}). A failed lookup is not remembered.
 */
import type { Client } from '@microsoft/microsoft-graph-client';

export class SiteResolver {
  private resolved?: Promise<string>;

  constructor(
    private readonly client: Client,
    private readonly site: { id: string } | { url: string },
  ) {}

  siteId(): Promise<string> {
    const { site } = this;
    if ('id' in site) return Promise.resolve(site.id);
    this.resolved ??= (async () => {
      const url = new URL(site.url);
      return (
        (await this.client
          .api(`/sites/${url.hostname}:${url.pathname.replace(/\/+$/, '')}`)
          .select('id')
          .get()) as { id: string }
      ).id;
    })().catch((err: unknown) => {
      this.resolved = undefined;
      throw err;
    });
    return this.resolved;
  }
}
