/**
 * Bytes → text for lesson files (WebVTT, JSON manifests, Markdown notes).
 * DOM-free and network-free: the same code runs in the player and in the CLI.
 *
 * Content is untrusted: invalid UTF-8, NUL bytes, UTF-16 files and empty files become located problems, never exceptions.
 */
import type { LessonFileKind, LessonProblem } from './types.ts';

export interface DecodedText {
  /** The text without BOM, with CRLF and CR turned into LF (line numbers are unchanged). Absent when undecodable. */
  text?: string;
  problems: LessonProblem[];
}

/** Turns CRLF and lone CR into LF. Every line break stays one line break, so line numbers are preserved. */
export function normalizeNewlines(text: string): string {
  return text.indexOf('\r') === -1 ? text : text.replace(/\r\n?/g, '\n');
}

/**
 * Offset of the first byte that is not part of a well-formed UTF-8 sequence (WHATWG/Unicode rules:
 * no overlongs, no surrogates, nothing above U+10FFFF), or -1 when the whole input is valid.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      if (i + k >= n) return i;
      const c = bytes[i + k]!;
      if (k === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** 1-based line and column (in code points) of a byte offset inside valid UTF-8 bytes. */
function locateByte(bytes: Uint8Array, offset: number): { line: number; col: number } {
  let line = 1;
  let col = 1;
  for (let i = 0; i < offset; i++) {
    const b = bytes[i]!;
    if (b === 0x0a) {
      if (i > 0 && bytes[i - 1] === 0x0d) continue; // CRLF already counted at the CR
      line++;
      col = 1;
    } else if (b === 0x0d) {
      line++;
      col = 1;
    } else if ((b & 0xc0) !== 0x80) {
      col++; // count lead bytes and ASCII only: one per code point
    }
  }
  return { line, col };
}

const hex = (b: number) => '0x' + b.toString(16).toUpperCase().padStart(2, '0');

/**
 * Decodes a lesson file. Strict UTF-8 (a BOM is stripped); refuses empty files, UTF-16, binary data (NUL bytes)
 * and invalid UTF-8 with an error naming the line and column of the first bad byte.
 */
export function decodeText(bytes: Uint8Array, file: string, kind: LessonFileKind): DecodedText {
  const problem = (message: string, rule: string, line?: number, col?: number, params?: LessonProblem['params']): DecodedText => {
    const p: LessonProblem = { severity: 'error', file, kind, message, rule };
    if (params) p.params = params;
    if (line !== undefined) p.line = line;
    if (col !== undefined) p.col = col;
    return { problems: [p] };
  };
  if (bytes.length === 0) return problem('The file is empty.', 'file-empty');
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return problem('The file is encoded in UTF-16 (it starts with a UTF-16 byte order mark): save it as UTF-8.', 'file-encoding', 1, 1, { encoding: 'UTF-16' });
  }
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  const body = start ? bytes.subarray(start) : bytes;
  if (body.length === 0) return problem('The file is empty (it holds only a byte order mark).', 'file-empty');

  const nul = body.indexOf(0);
  if (nul !== -1) {
    // A NUL byte anywhere means binary data, even when an invalid UTF-8 byte comes first (e.g. PNG's 0x89).
    const { line, col } = locateByte(body, nul);
    return problem(
      `The file contains a NUL byte at line ${line}, column ${col}: it looks like a binary file, not UTF-8 text.`,
      'file-binary',
      line,
      col,
    );
  }
  let text: string;
  try {
    // The browser's decoder refuses exactly what firstInvalidUtf8 finds (both follow the WHATWG/Unicode rules), in
    // native code: the byte-by-byte search runs only to locate the problem in a file that has one.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    const bad = firstInvalidUtf8(body);
    if (bad === -1) return problem('The file is not valid UTF-8: save it as UTF-8.', 'file-encoding');
    const { line, col } = locateByte(body, bad);
    return problem(
      `Invalid UTF-8 at line ${line}, column ${col} (byte ${hex(body[bad]!)} at offset ${bad + start}): save the file as UTF-8.`,
      'file-encoding',
      line,
      col,
      { byte: hex(body[bad]!) },
    );
  }
  if (text.trim() === '') return problem('The file holds only white space.', 'file-empty');
  return { text: normalizeNewlines(text), problems: [] };
}
