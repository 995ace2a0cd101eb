/**
 * The workbook's drive item in SharePoint or OneDrive, through Microsoft Graph: resolve a
 * link once (`GET /shares/{shareId}/driveItem`), then its metadata (`GET
 * /drives/{d}/items/{i}`, for the eTag) and its bytes (`GET …/content`, which redirects to a
 * pre-authenticated download URL). Failures are thrown as the Graph client's GraphError;
 * {@link withGraphRetry} and {@link driveFailureReason} turn them into waits and words.
 */
import { GraphError, ResponseType, type Client } from '@microsoft/microsoft-graph-client';
import { RETRYABLE_STATUSES } from '../../bot/delivery/retry.js';
import type { GraphFailure } from '../../bot/graph/client.js';
import { shareId, type WorkbookLocation } from './location.js';

export interface DriveItemRef {
  readonly driveId: string;
  readonly itemId: string;
}

export interface DriveItemInfo extends DriveItemRef {
  readonly name: string;
  /** Changes whenever the item changes; the poll compares it. */
  readonly eTag: string;
  readonly lastModified: Date;
  readonly isFolder: boolean;
}

interface RawItem {
  id?: string;
  name?: string;
  eTag?: string;
  lastModifiedDateTime?: string;
  folder?: unknown;
  parentReference?: { driveId?: string };
}

const SELECT = 'id,name,eTag,lastModifiedDateTime,folder,parentReference';

function info(raw: RawItem, fallback?: DriveItemRef): DriveItemInfo {
  const driveId = raw.parentReference?.driveId ?? fallback?.driveId;
  const itemId = raw.id ?? fallback?.itemId;
  if (!driveId || !itemId) throw new Error('Microsoft Graph returned a drive item without its drive or item id');
  const modified = raw.lastModifiedDateTime ? new Date(raw.lastModifiedDateTime) : new Date(NaN);
  return {
    driveId,
    itemId,
    name: raw.name ?? '',
    eTag: raw.eTag ?? '',
    lastModified: modified,
    isFolder: raw.folder !== undefined && raw.folder !== null,
  };
}

const itemPath = (ref: DriveItemRef) => `/drives/${encodeURIComponent(ref.driveId)}/items/${encodeURIComponent(ref.itemId)}`;

export interface DriveReader {
  /** The item a link or `drive:` value points at (a link is resolved through /shares). */
  resolve(location: Exclude<WorkbookLocation, { kind: 'file' }>): Promise<DriveItemInfo>;
  item(ref: DriveItemRef): Promise<DriveItemInfo>;
  content(ref: DriveItemRef): Promise<Uint8Array>;
}

export function createDriveReader(client: Client): DriveReader {
  const reader: DriveReader = {
    async resolve(location) {
      if (location.kind === 'drive') return reader.item(location);
      const raw = (await client.api(`/shares/${shareId(location.url)}/driveItem`).select(SELECT).get()) as RawItem;
      return info(raw);
    },
    async item(ref) {
      return info((await client.api(itemPath(ref)).select(SELECT).get()) as RawItem, ref);
    },
    async content(ref) {
      // RAW, because with ARRAYBUFFER the client drops an error's status headers (Retry-After).
      const response = (await client.api(`${itemPath(ref)}/content`).responseType(ResponseType.RAW).get()) as Response;
      if (!response.ok) throw await errorFrom(response);
      return new Uint8Array(await response.arrayBuffer());
    },
  };
  return reader;
}

/** A GraphError as the client builds one for JSON calls: status, Graph error code, headers. */
async function errorFrom(response: Response): Promise<GraphError> {
  let code: string | undefined;
  let message = `HTTP ${response.status}`;
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string } };
    code = body.error?.code;
    message = body.error?.message ?? message;
  } catch {
    // Not a Graph error body: the status says enough.
  }
  const error = new GraphError(response.status, message);
  if (code) error.code = code;
  error.headers = response.headers;
  return error;
}


/**
 * What to tell an officer (and the log) about a failed Graph call: the cause and the fix.
 * Names no school or person.
 */
export function driveFailureReason(failure: GraphFailure): string {
  const code = failure.code ? `, ${failure.code}` : '';
  switch (failure.status) {
    case 401:
      return `Microsoft Graph refused Waymark's token (401${code}); check MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppTenantId, or the managed identity`;
    case 403:
      return `Waymark has no permission to read the workbook (403${code}); grant its app Sites.Selected on the workbook's site, or Files.SelectedOperations.Selected on the file (README, "Deploy to your tenant")`;
    case 404:
      return `the workbook was not found in SharePoint or OneDrive (404${code}): it was moved or deleted, or the link no longer works; set WAYMARK_WORKBOOK to the file's current link`;
    case 423:
      return `the workbook is locked in SharePoint (423${code}); it is read again once it is unlocked`;
    case 429:
    case 503:
      return `Microsoft Graph is busy (${failure.status}${code}, asked to wait); it is read again at the next check`;
    case undefined:
      return `Microsoft Graph could not be reached (${failure.network ?? 'network error'}); it is read again at the next check`;
    default:
      return `Microsoft Graph answered ${failure.status}${code}; it is read again at the next check`;
  }
}

/** Failures worth trying again with the same eTag at the next check (not a property of the file). */
export function isTransient(failure: GraphFailure): boolean {
  return failure.status === undefined || failure.status === 423 || failure.status === 401 || failure.status >= 500 || RETRYABLE_STATUSES.has(failure.status);
}
