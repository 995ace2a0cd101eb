/**
 * Where WAYMARK_WORKBOOK points: a local file, a SharePoint or OneDrive link (a sharing link,
 * or the file's address as copied from the browser), or `drive:<driveId>/<itemId>`. Pure.
 */

export type WorkbookLocation =
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'share'; readonly url: string }
  | { readonly kind: 'drive'; readonly driveId: string; readonly itemId: string };

/**
 * Reads WAYMARK_WORKBOOK. Returns an error string for a `drive:` value that is not
 * `drive:<driveId>/<itemId>` or an http(s) link that is not https.
 *
 * @example
 * parseWorkbookLocation('drive:b!abc/01XYZ') //=> { kind: 'drive', driveId: 'b!abc', itemId: '01XYZ' }
 */
export function parseWorkbookLocation(value: string): WorkbookLocation | { readonly error: string } {
  const v = value.trim();
  if (/^drive:/i.test(v)) {
    const m = /^drive:([^/\s]+)\/([^/\s]+)$/i.exec(v);
    if (!m) return { error: 'must be drive:<driveId>/<itemId> (both from Microsoft Graph), a SharePoint or OneDrive link, or a file path' };
    return { kind: 'drive', driveId: m[1]!, itemId: m[2]! };
  }
  if (/^https?:\/\//i.test(v)) {
    let url: URL;
    try {
      url = new URL(v);
    } catch {
      return { error: 'is not a readable link' };
    }
    if (url.protocol !== 'https:') return { error: 'must be an https:// SharePoint or OneDrive link' };
    return { kind: 'share', url: v };
  }
  return { kind: 'file', path: v };
}

/**
 * Graph's share id for a link: "u!" and the link in unpadded base64url
 * (https://learn.microsoft.com/graph/api/shares-get, "Encoding sharing URLs").
 *
 * @example
 * shareId('https://contoso.sharepoint.com/:x:/s/si/abc') //=> 'u!aHR0cHM6Ly9jb250b3NvLnNoYXJlcG9pbnQuY29tLzp4Oi9zL3NpL2FiYw'
 */
export function shareId(url: string): string {
  return `u!${Buffer.from(url, 'utf8').toString('base64url')}`;
}
