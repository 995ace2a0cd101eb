import { inflateRawSync } from 'node:zlib';

/**
 * Reads every file of an ordinary zip (what Excel and exceljs write) with Node's native zlib:
 * the package guard reads the original and the rated copy whole, and JSZip's JavaScript
 * inflate was a third of `npm run rate`'s time. Answers undefined for anything it does not
 * handle plainly (ZIP64, encryption, a method other than stored or deflate, a Unicode-path
 * extra field, a damaged directory), so the caller reads those with JSZip as before.
 * Files come in central-directory order, as JSZip gives them; folders are left out.
 *
 * @example
 * const files = unzipPlain(bytes) ?? (await viaJSZip(bytes));
 */
export function unzipPlain(bytes: Uint8Array): Map<string, Uint8Array> | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  // The end-of-central-directory record: last 22 bytes, plus a comment of up to 64 KiB.
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(at) === 0x06054b50 && at + 22 + u16(at + 20) === bytes.length) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0 || u16(eocd + 4) !== 0 || u16(eocd + 6) !== 0) return undefined; // not found, or multi-disk
  const count = u16(eocd + 10);
  const dirSize = u32(eocd + 12);
  const dirStart = u32(eocd + 16);
  if (count === 0xffff || dirSize === 0xffffffff || dirStart === 0xffffffff) return undefined; // ZIP64
  if (dirStart + dirSize > eocd) return undefined;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const files = new Map<string, Uint8Array>();
  let at = dirStart;
  try {
    for (let i = 0; i < count; i++) {
      if (u32(at) !== 0x02014b50) return undefined;
      const flags = u16(at + 8);
      const method = u16(at + 10);
      const compressedSize = u32(at + 20);
      const size = u32(at + 24);
      const nameLength = u16(at + 28);
      const extraLength = u16(at + 30);
      const commentLength = u16(at + 32);
      const local = u32(at + 42);
      if (flags & 0x1) return undefined; // encrypted
      if (compressedSize === 0xffffffff || size === 0xffffffff || local === 0xffffffff) return undefined;
      for (let x = at + 46 + nameLength; x + 4 <= at + 46 + nameLength + extraLength; x += 4 + u16(x + 2)) {
        if (u16(x) === 0x7075) return undefined; // Info-ZIP Unicode path: JSZip's rules apply
      }
      const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
      at += 46 + nameLength + extraLength + commentLength;
      if (name.endsWith('/')) continue;
      if (u32(local) !== 0x04034b50) return undefined;
      const dataStart = local + 30 + u16(local + 26) + u16(local + 28);
      if (dataStart + compressedSize > bytes.length) return undefined;
      const data = bytes.subarray(dataStart, dataStart + compressedSize);
      let content: Uint8Array;
      if (method === 0) content = data.slice();
      else if (method === 8) content = new Uint8Array(inflateRawSync(data));
      else return undefined;
      if (content.length !== size) return undefined;
      files.set(name, content);
    }
  } catch {
    return undefined; // a bad name or deflate stream: JSZip says what is wrong, as before
  }
  return files;
}
