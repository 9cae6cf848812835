import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { convertSubtitles, decodeSubtitleBytes, subtitleFormat, toVttCueText, vttTimestamp } from '../../src/core/subtitle-convert.ts';
import { parseCaptions } from '../../src/core/vtt.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/formats/${name}`, import.meta.url)));
const srt = (...blocks: string[]) => blocks.join('\n\n');

describe('decodeSubtitleBytes', () => {
  it('reads UTF-8 with and without BOM, and UTF-16 with a BOM', () => {
    const utf8 = new TextEncoder().encode('é');
    expect(decodeSubtitleBytes(utf8)).toEqual({ text: 'é', encoding: 'UTF-8' });
    expect(decodeSubtitleBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toEqual({ text: 'é', encoding: 'UTF-8' });
    expect(decodeSubtitleBytes(new Uint8Array([0xff, 0xfe, 0xe9, 0]))).toEqual({ text: 'é', encoding: 'UTF-16' });
  });

  it('detects Windows-1252 and decodes its 0x80–0x9F range (no mojibake, no control characters)', () => {
    const { text, encoding } = decodeSubtitleBytes(fixture('subtitling-company.fr.srt'));
    expect(encoding).toBe('Windows-1252');
    expect(text).toContain('c’est l’été');
    expect(text).toContain('Œuvre');
    expect(text).toContain('équipes…');
    expect(text).not.toMatch(/[\u0080-\u009f]|Ã|â€/);
  });
});

describe('convertSubtitles', () => {
  it('converts the Windows-1252 SRT fixture: CRLF, numbering gaps, tags kept or dropped, escapes', () => {
    const { text } = decodeSubtitleBytes(fixture('subtitling-company.fr.srt'));
    const r = convertSubtitles(text, 'srt');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.cues.map((c) => [c.start, c.end])).toEqual([[0, 3.5], [3.5, 7], [7, 10], [10, 14]]);
    expect(r.cues.map((c) => c.text)).toEqual([
      '<i>Bonjour</i> à tous, c’est l’été.',
      'Œuvre collective :\n« les services publics ».',
      'Déjà trois équipes… &amp; plus.',
      '<b>Fin</b> de l’introduction.',
    ]);
    // The output is WebVTT a browser reads without a single complaint.
    const parsed = parseCaptions(r.vtt, 'out.vtt');
    expect(parsed.problems).toEqual([]);
    expect(parsed.items.map((c) => c.text)[1]).toBe('Œuvre collective :\n« les services publics ».');
  });

  it('accepts "." or "," milliseconds, one to three digits, hours optional, and SRT coordinates', () => {
    const r = convertSubtitles(srt('1\n00:00:01.5 --> 00:00:02,25 X1:10 X2:20\nA', '7\n01:02,000 --> 01:03,000\nB'), 'srt');
    expect(r.ok && r.cues.map((c) => [c.start, c.end])).toEqual([[1.5, 2.25], [62, 63]]);
  });

  it('keeps a cue whose text holds a blank line, and cues without numbers', () => {
    const r = convertSubtitles(srt('00:00:01,000 --> 00:00:02,000\nfirst', 'still first', '00:00:03,000 --> 00:00:04,000\nsecond'), 'srt');
    expect(r.ok && r.cues.map((c) => c.text)).toEqual(['first\nstill first', 'second']);
  });

  it('converts YouTube SBV: comma-separated timings, [br] line breaks', () => {
    const r = convertSubtitles(new TextDecoder().decode(fixture('youtube.en.sbv')), 'sbv');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.cues[1]).toEqual({ start: 3, end: 6.5, text: 'We will talk about\ndigital public services.' });
    expect(r.cues[2]!.text).toBe('&gt;&gt; NARRATOR: A small team, a real problem.');
    expect(parseCaptions(r.vtt, 'out.vtt').problems).toEqual([]);
  });

  it('refuses what is not a subtitle file, with the line that broke', () => {
    expect(convertSubtitles('# Notes\n\nSome text\n', 'srt')).toMatchObject({ ok: false, line: 1 });
    expect(convertSubtitles(srt('1\n00:00:01,000 --> 00:00:02,000\nok', '2\nnot a timing\nx'), 'srt')).toMatchObject({ ok: false, line: 6 });
    expect(convertSubtitles('1\n00:00:01,000 --> 00:00:00,500\nback', 'srt')).toMatchObject({ ok: false, line: 2, message: expect.stringMatching(/ends before/) });
    expect(convertSubtitles('1\n00:00:61,000 --> 00:01:02,000\nx', 'srt')).toMatchObject({ ok: false, line: 2 });
    expect(convertSubtitles('', 'sbv')).toMatchObject({ ok: false, line: 1 });
  });
});

describe('helpers', () => {
  it('toVttCueText keeps i/b/u in lowercase, drops font and ASS codes, escapes the rest, breaks "-->"', () => {
    expect(toVttCueText('<I>a</I> <font color="red">b</font> {\\an8}c <x>d</x> & <3 --> e')).toBe('<i>a</i> b c d &amp; &lt;3 -‑&gt; e');
  });
  it('vttTimestamp always writes two-digit hours', () => {
    expect(vttTimestamp(3725.5)).toBe('01:02:05.500');
    expect(vttTimestamp(0)).toBe('00:00:00.000');
  });
  it('subtitleFormat from the name, else the first timing line', () => {
    expect(subtitleFormat('a.SRT', '')).toBe('srt');
    expect(subtitleFormat('a.txt', '0:00:01.000,0:00:02.000\nx')).toBe('sbv');
    expect(subtitleFormat('a.txt', 'hello')).toBeUndefined();
  });
});
