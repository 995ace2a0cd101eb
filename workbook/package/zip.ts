import * as zlib from 'node:zlib';

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** zlib.crc32 where Node has it (20.15, 22.2 and later); the same sum in JavaScript otherwise. */
function crc32(bytes: Uint8Array): number {
  const native = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;
  if (native) return native(bytes);
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * Writes files (in the order given) as a zip with Node's native deflate: JSZip's JavaScript
 * deflate of the rated copy was the largest single cost of `npm run rate`. Plain zip only
 * (UTF-8 names, no ZIP64): answers undefined for 65,535 files or more, or a file or archive of
 * 4 GiB, so the caller can write those with JSZip. Every entry is dated 1980-01-01 (the zip
 * epoch), so the same parts make the same bytes.
 *
 * @example
 * const bytes = zipPlain(new Map([['[Content_Types].xml', ct], ['xl/workbook.xml', wb]]));
 */
export function zipPlain(files: ReadonlyMap<string, Uint8Array>): Buffer | undefined {
  if (files.size >= 0xffff) return undefined;
  const encoder = new TextEncoder();
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01
  for (const [name, content] of files) {
    const nameBytes = encoder.encode(name);
    const data = zlib.deflateRawSync(content);
    if (content.length >= 0xffffffff || data.length >= 0xffffffff) return undefined;
    const crc = crc32(content);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: deflate
    local.writeUInt16LE(0x0800, 6); // names are UTF-8
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(0, 10); // time 00:00
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(content.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4); // made by: MS-DOS attributes, zip 2.0
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt16LE(0, 12);
    entry.writeUInt16LE(DOS_DATE, 14);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(content.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    // extra, comment, disk, internal and external attributes: 0
    entry.writeUInt32LE(offset, 42);
    locals.push(local, Buffer.from(nameBytes), data);
    central.push(entry, Buffer.from(nameBytes));
    offset += 30 + nameBytes.length + data.length;
    if (offset >= 0xffffffff) return undefined;
  }
  const dirSize = central.reduce((n, b) => n + b.length, 0);
  if (offset + dirSize >= 0xffffffff) return undefined;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.size, 8);
  end.writeUInt16LE(files.size, 10);
  end.writeUInt32LE(dirSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...central, end]);
}
