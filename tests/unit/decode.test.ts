import { describe, expect, it } from 'vitest';
import { decodeText, firstInvalidUtf8, normalizeNewlines } from '../../src/core/decode.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const cat = (...parts: (Uint8Array | number[])[]) => {
  const arrays = parts.map((p) => (p instanceof Uint8Array ? p : Uint8Array.from(p)));
  const out = new Uint8Array(arrays.reduce((n, a) => n + a.length, 0));
  let o = 0;
  for (const a of arrays) {
    out.set(a, o);
    o += a.length;
  }
  return out;
};

describe('decodeText', () => {
  it('decodes UTF-8 and strips a BOM', () => {
    const r = decodeText(cat([0xef, 0xbb, 0xbf], enc('WEBVTT\n\nÉté 🎬')), 'a.vtt', 'captions');
    expect(r.problems).toEqual([]);
    expect(r.text).toBe('WEBVTT\n\nÉté 🎬');
  });

  it('normalises CRLF and CR line endings without changing line count', () => {
    expect(decodeText(enc('a\r\nb\rc\nd'), 'a.vtt', 'captions').text).toBe('a\nb\nc\nd');
    expect(normalizeNewlines('x\r\r\ny')).toBe('x\n\ny');
  });

  it('refuses an empty file, a BOM-only file and a blank file', () => {
    for (const bytes of [new Uint8Array(), Uint8Array.from([0xef, 0xbb, 0xbf]), enc(' \n\n')]) {
      const r = decodeText(bytes, 'e.vtt', 'captions');
      expect(r.text).toBeUndefined();
      expect(r.problems).toHaveLength(1);
      expect(r.problems[0]).toMatchObject({ rule: 'file-empty', severity: 'error', file: 'e.vtt', kind: 'captions' });
    }
  });

  it('locates the first invalid UTF-8 byte by line and column (code points)', () => {
    // line 3, after "é" and "x": column 3
    const bytes = cat(enc('WEBVTT\r\n\r\néx'), [0xff], enc('y'));
    const r = decodeText(bytes, 'bad.vtt', 'captions');
    expect(r.text).toBeUndefined();
    expect(r.problems[0]).toMatchObject({ rule: 'file-encoding', line: 3, col: 3 });
    expect(r.problems[0]!.message).toMatch(/line 3, column 3/);
    expect(r.problems[0]!.message).toMatch(/0xFF/);
  });

  it('counts a CR-only line ending as a line break', () => {
    const r = decodeText(cat(enc('a\rb\r'), [0xc3, 0x28]), 'x.vtt', 'captions');
    expect(r.problems[0]).toMatchObject({ line: 3, col: 1 });
  });

  it('rejects truncated sequences, overlongs, surrogates and code points above U+10FFFF', () => {
    expect(firstInvalidUtf8(Uint8Array.from([0x41, 0xe2, 0x82]))).toBe(1);
    expect(firstInvalidUtf8(Uint8Array.from([0xc0, 0xaf]))).toBe(0);
    expect(firstInvalidUtf8(Uint8Array.from([0xe0, 0x80, 0xaf]))).toBe(0);
    expect(firstInvalidUtf8(Uint8Array.from([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(Uint8Array.from([0xf4, 0x90, 0x80, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(enc('ok é € 𝄞'))).toBe(-1);
  });

  it('agrees with the fatal TextDecoder on random bytes', () => {
    let seed = 42;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    for (let k = 0; k < 2000; k++) {
      const bytes = Uint8Array.from({ length: 1 + Math.floor(rnd() * 12) }, () => (rnd() < 0.5 ? 0x80 + Math.floor(rnd() * 0x80) : Math.floor(rnd() * 256)));
      let valid = true;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        valid = false;
      }
      expect(firstInvalidUtf8(bytes) === -1).toBe(valid);
    }
  });

  it('reports a NUL byte as binary, with its position', () => {
    const r = decodeText(cat(enc('WEBVTT\nab'), [0]), 'bin.vtt', 'captions');
    expect(r.problems[0]).toMatchObject({ rule: 'file-binary', line: 2, col: 3 });
    const png = decodeText(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), 'p.vtt', 'captions');
    expect(png.text).toBeUndefined();
    expect(png.problems).toHaveLength(1);
    expect(['file-binary', 'file-encoding']).toContain(png.problems[0]!.rule);
  });

  it('recognises UTF-16 by its byte order mark', () => {
    const r = decodeText(Uint8Array.from([0xff, 0xfe, 0x57, 0, 0x45, 0]), 'u16.vtt', 'captions');
    expect(r.problems[0]).toMatchObject({ rule: 'file-encoding', line: 1, col: 1 });
    expect(r.problems[0]!.message).toMatch(/UTF-16/);
  });
});
