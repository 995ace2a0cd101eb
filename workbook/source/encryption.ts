/**
 * Why a workbook that is not a zip but an OLE compound file cannot be read, and what to do.
 * An .xlsx protected by a sensitivity label (Microsoft Purview / Azure RMS) and one protected
 * by a password are both compound files holding an "EncryptedPackage"; a label's adds the
 * "DRMEncrypted…" data space. An old .xls holds a "Workbook" stream instead. Stream names in
 * a compound file's directory are UTF-16LE, so a byte search finds them without parsing.
 */

const utf16 = (s: string): Buffer => Buffer.from(s, 'utf16le');
const DRM = utf16('DRMEncrypted');
const ENCRYPTED_PACKAGE = utf16('EncryptedPackage');
const XLS_WORKBOOK = utf16('Workbook');

export type Protection = 'sensitivity-label' | 'password' | 'xls' | 'unknown';

export function protectionOf(bytes: Uint8Array): Protection {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.includes(DRM)) return 'sensitivity-label';
  if (b.includes(ENCRYPTED_PACKAGE)) return 'password';
  if (b.includes(XLS_WORKBOOK)) return 'xls';
  return 'unknown';
}

/** The officer- and log-safe reason for a compound file, naming the cause and the fix. */
export function encryptedReason(bytes: Uint8Array): string {
  switch (protectionOf(bytes)) {
    case 'sensitivity-label':
      return 'the file is encrypted by a sensitivity label, which Waymark cannot open; give this workbook a label that does not encrypt (or ask your Purview admin), then save it again';
    case 'xls':
      return 'the file is an old .xls workbook; save it as an Excel Workbook (.xlsx)';
    case 'password':
      return 'the file is password-protected; remove the password (File > Info > Protect Workbook) and save it again';
    case 'unknown':
      return 'the file is password-protected or an old .xls file; save it as an unencrypted .xlsx';
  }
}
