/**
 * A zip archive in memory (PKWARE APPNOTE, no zip64): text is deflated, media (already compressed) stored. Names
 * are UTF-8 (flag bit 11) and every entry carries the same fixed date, so the same lesson makes the same bytes.
 */
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  /** Path inside the archive, with forward slashes. */
  name: string;
  data: Uint8Array;
}

/** 1980-01-01 00:00, the first DOS date: a build stamps no time. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const DOS_TIME = 0;
const COMPRESSIBLE = /\.(html|js|css|json|vtt|md|xml|txt|svg|map)$/i;
const ZIP32_LIMIT = 0xffffffff;

export function zipArchive(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const deflate = COMPRESSIBLE.test(entry.name);
    const body = deflate ? deflateRawSync(entry.data, { level: 9 }) : Buffer.from(entry.data);
    const crc = crc32(entry.data);
    if (entry.data.length >= ZIP32_LIMIT || offset + body.length >= ZIP32_LIMIT) throw new Error(`${entry.name}: a package over 4 GB is not supported`);
    // The fields the local header and the central directory share, in the same order.
    const shared = (header: Buffer, at: number) => {
      header.writeUInt16LE(20, at - 2); // version needed: 2.0
      header.writeUInt16LE(0x0800, at); // UTF-8 names
      header.writeUInt16LE(deflate ? 8 : 0, at + 2);
      header.writeUInt16LE(DOS_TIME, at + 4);
      header.writeUInt16LE(DOS_DATE, at + 6);
      header.writeUInt32LE(crc, at + 8);
      header.writeUInt32LE(body.length, at + 12);
      header.writeUInt32LE(entry.data.length, at + 16);
      header.writeUInt16LE(name.length, at + 20);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    shared(local, 6);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(0x0314, 4); // made by: Unix, 2.0
    shared(central, 8);
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38); // a regular file, rw-r--r--
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
