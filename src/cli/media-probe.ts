/**
 * Reads a media file's duration without decoding it: MP4 (`moov/mvhd`) only. Never throws; undefined when unknown.
 * Reads box headers with a file handle, so a large video is never loaded whole.
 */
import { closeSync, openSync, readSync, fstatSync } from 'node:fs';

/** Media files the player can play, by extension: the `type` a manifest gives them and the type a server sends. */
export const MEDIA_TYPE_BY_EXTENSION: Readonly<Record<string, string>> = {
  '.mp4': 'video/mp4',
  '.m4v': 'video/mp4',
  '.webm': 'video/webm',
  '.ogv': 'video/ogg',
  '.mp3': 'audio/mpeg',
  '.m4a': 'audio/mp4',
  '.oga': 'audio/ogg',
  '.ogg': 'audio/ogg',
  '.m3u8': 'application/vnd.apple.mpegurl',
};

const MAX_MOOV = 64 * 1024 * 1024;

export function probeMp4Duration(path: string): number | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const size = fstatSync(fd).size;
    const head = Buffer.alloc(16);
    let offset = 0;
    for (let boxes = 0; offset + 8 <= size && boxes < 1000; boxes++) {
      readSync(fd, head, 0, 16, offset);
      let boxSize = head.readUInt32BE(0);
      const type = head.toString('latin1', 4, 8);
      let headerSize = 8;
      if (boxSize === 1) {
        boxSize = Number(head.readBigUInt64BE(8));
        headerSize = 16;
      } else if (boxSize === 0) boxSize = size - offset;
      if (boxSize < headerSize) return undefined;
      if (type === 'moov') {
        const len = Math.min(boxSize - headerSize, MAX_MOOV);
        const moov = Buffer.alloc(len);
        readSync(fd, moov, 0, len, offset + headerSize);
        return mvhdDuration(moov);
      }
      offset += boxSize;
    }
    return undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        /* ignore */
      }
    }
  }
}

function mvhdDuration(moov: Buffer): number | undefined {
  let offset = 0;
  while (offset + 8 <= moov.length) {
    const size = moov.readUInt32BE(offset);
    const type = moov.toString('latin1', offset + 4, offset + 8);
    if (size < 8) return undefined;
    if (type === 'mvhd') {
      const version = moov[offset + 8];
      const body = offset + 12;
      if (version === 1) {
        const timescale = moov.readUInt32BE(body + 16);
        const duration = Number(moov.readBigUInt64BE(body + 20));
        return timescale ? duration / timescale : undefined;
      }
      const timescale = moov.readUInt32BE(body + 8);
      const duration = moov.readUInt32BE(body + 12);
      return timescale && duration !== 0xffffffff ? duration / timescale : undefined;
    }
    offset += size;
  }
  return undefined;
}
