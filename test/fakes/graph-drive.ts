/**
 * A loopback fake of Microsoft Graph's drive API, as the bot uses it for a SharePoint or
 * OneDrive workbook: `/shares/{u!…}/driveItem` (resolving a link), `/drives/{d}/items/{i}`
 * (metadata with eTag), and `…/content`, which answers 302 to a download URL that needs no
 * token, as SharePoint does. Items can change (new eTag), disappear (404), be forbidden (403),
 * and any request can be answered with a status and Retry-After.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';

export interface FakeDriveItem {
  driveId: string;
  itemId: string;
  name: string;
  bytes: Uint8Array;
  /** Links that resolve to this item through /shares. */
  links: string[];
  version: number;
  lastModified: string;
  forbidden: boolean;
  folder: boolean;
}

export type RequestKind = 'share' | 'item' | 'content' | 'download';

export interface DriveRequest {
  readonly kind: RequestKind;
  readonly path: string;
  readonly authorization: string | undefined;
  readonly status: number;
}

export interface FakeDrive {
  readonly url: string;
  readonly requests: DriveRequest[];
  add(item: { driveId: string; itemId: string; name: string; bytes: Uint8Array; links?: string[]; folder?: boolean }): void;
  /** New content: a new eTag and modified time. */
  update(itemId: string, bytes: Uint8Array, modified?: string): void;
  remove(itemId: string): void;
  forbid(itemId: string, forbidden?: boolean): void;
  /** The next `times` requests of `kind` get `status` with Retry-After `retryAfter`. */
  fail(kind: RequestKind, status: number, times?: number, retryAfter?: string): void;
  count(kind: RequestKind): number;
  close(): Promise<void>;
}

const decodeShare = (id: string): string | undefined => (id.startsWith('u!') ? Buffer.from(id.slice(2), 'base64url').toString('utf8') : undefined);

export async function startFakeDrive(): Promise<FakeDrive> {
  const items = new Map<string, FakeDriveItem>();
  const requests: DriveRequest[] = [];
  const faults: { kind: RequestKind; status: number; left: number; retryAfter: string | undefined }[] = [];
  const app = express();
  let downloadOrigin = '';

  const etag = (i: FakeDriveItem) => `"{${i.itemId}},${i.version}"`;
  const metadata = (i: FakeDriveItem) => ({
    id: i.itemId,
    name: i.name,
    eTag: etag(i),
    lastModifiedDateTime: i.lastModified,
    parentReference: { driveId: i.driveId },
    ...(i.folder ? { folder: { childCount: 0 } } : { file: { mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } }),
  });
  const graphError = (res: express.Response, status: number, code: string) => res.status(status).json({ error: { code, message: code } });

  /** Records the request; answers a queued fault, a missing token or a missing/forbidden item. */
  function gate(kind: RequestKind, req: express.Request, res: express.Response, item: FakeDriveItem | undefined): item is FakeDriveItem {
    const record = (status: number) => requests.push({ kind, path: req.path, authorization: req.headers.authorization, status });
    const fault = faults.find((f) => f.kind === kind && f.left > 0);
    if (fault) {
      fault.left--;
      record(fault.status);
      if (fault.retryAfter !== undefined) res.set('Retry-After', fault.retryAfter);
      graphError(res, fault.status, fault.status === 429 ? 'activityLimitReached' : fault.status === 503 ? 'serviceNotAvailable' : 'generalException');
      return false;
    }
    if (kind !== 'download' && !req.headers.authorization?.startsWith('Bearer ')) {
      record(401);
      graphError(res, 401, 'InvalidAuthenticationToken');
      return false;
    }
    if (!item) {
      record(404);
      graphError(res, 404, 'itemNotFound');
      return false;
    }
    if (item.forbidden) {
      record(403);
      graphError(res, 403, 'accessDenied');
      return false;
    }
    record(200);
    return true;
  }

  app.get('/:version/shares/:share/driveItem', (req, res) => {
    const link = decodeShare(String(req.params.share));
    const item = [...items.values()].find((i) => link !== undefined && i.links.includes(link));
    if (gate('share', req, res, item)) res.json(metadata(item));
  });
  app.get('/:version/drives/:drive/items/:item', (req, res) => {
    const found = items.get(String(req.params.item));
    const item = found && found.driveId === req.params.drive ? found : undefined;
    if (gate('item', req, res, item)) res.json(metadata(item));
  });
  app.get('/:version/drives/:drive/items/:item/content', (req, res) => {
    const found = items.get(String(req.params.item));
    const item = found && found.driveId === req.params.drive ? found : undefined;
    if (gate('content', req, res, item)) {
      // Another origin, as SharePoint's download host is: fetch drops the bearer token on the way.
      res.redirect(302, `${downloadOrigin}/download/${encodeURIComponent(item.itemId)}/${item.version}`);
    }
  });
  app.get('/download/:item/:version', (req, res) => {
    const item = items.get(String(req.params.item));
    if (gate('download', req, res, item)) res.type('application/octet-stream').send(Buffer.from(item.bytes));
  });
  app.use((req, res) => graphError(res, 404, `no route ${req.method} ${req.path}`));

  const listen = () =>
    new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
  const server = await listen();
  const downloads = await listen();
  const { port } = server.address() as AddressInfo;
  downloadOrigin = `http://127.0.0.1:${(downloads.address() as AddressInfo).port}`;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    add(i) {
      items.set(i.itemId, { ...i, links: i.links ?? [], version: 1, lastModified: '2026-11-20T09:00:00Z', forbidden: false, folder: i.folder ?? false });
    },
    update(itemId, bytes, modified = '2026-11-27T10:00:00Z') {
      const i = items.get(itemId)!;
      i.bytes = bytes;
      i.version++;
      i.lastModified = modified;
    },
    remove: (itemId) => void items.delete(itemId),
    forbid(itemId, forbidden = true) {
      items.get(itemId)!.forbidden = forbidden;
    },
    fail(kind, status, times = 1, retryAfter) {
      faults.push({ kind, status, left: times, retryAfter });
    },
    count: (kind) => requests.filter((r) => r.kind === kind && r.status === 200).length,
    close: () =>
      Promise.all(
        [server, downloads].map(
          (s) =>
            new Promise<void>((resolve) => {
              s.close(() => resolve());
              s.closeAllConnections();
            }),
        ),
      ).then(() => undefined),
  };
}
