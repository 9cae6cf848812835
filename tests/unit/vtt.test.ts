import { describe, expect, it } from 'vitest';
import { slugify } from '../../src/core/slug.ts';
import { cueNodesToText, parseCaptions, parseCaptionsSliced, parseChapters, parseChaptersSliced, type Slicer } from '../../src/core/vtt.ts';
import { pairChapters } from '../../src/core/chapter-pairing.ts';
import * as webvttModule from 'webvtt-parser';

type WebVTTModule = typeof webvttModule;
const webvtt = ((webvttModule as unknown as { default?: WebVTTModule }).default ?? webvttModule) as WebVTTModule;

const vtt = (...lines: string[]) => lines.join('\n');
/** Milliseconds of CPU this process used since `start` (process.cpuUsage()): what other processes do not stretch. */
const cpuMilliseconds = (start: NodeJS.CpuUsage) => {
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1000;
};

describe('parseCaptions', () => {
  it('parses cues with ids, times, source lines, text and a node tree', () => {
    const r = parseCaptions(
      vtt('WEBVTT', '', 'NOTE a comment', 'spanning two lines', '', 'first', '00:00:01.000 --> 00:00:02.500', '<v Alice>Bonjour <b>à</b> tous</v>', 'deuxième ligne', '', '00:03.000 --> 00:04.000 align:start', 'R&amp;D <i.loud>now</i>'),
      'a.vtt',
    );
    expect(r.problems).toEqual([]);
    expect(r.items).toHaveLength(2);
    const [a, b] = r.items;
    expect(a).toMatchObject({ id: 'first', index: 0, start: 1, end: 2.5, line: 7, text: 'Bonjour à tous\ndeuxième ligne' });
    expect(a!.nodes[0]).toMatchObject({ type: 'tag', tag: 'v', annotation: 'Alice' });
    expect(b).toMatchObject({ id: 'cue-1', index: 1, start: 3, end: 4, line: 11, text: 'R&D now' });
    expect(b!.nodes[1]).toEqual({ type: 'tag', tag: 'i', classes: ['loud'], annotation: '', children: [{ type: 'text', text: 'now' }] });
  });

  it('never produces HTML: markup-like text stays text', () => {
    const r = parseCaptions(vtt('WEBVTT', '', '00:00.000 --> 00:01.000', '&lt;img src=x onerror=alert(1)&gt;'), 'x.vtt');
    expect(r.items[0]!.nodes).toEqual([{ type: 'text', text: '<img src=x onerror=alert(1)>' }]);
  });

  it('keeps timestamps and ruby in the tree, and leaves <rt> out of the plain text', () => {
    const r = parseCaptions(vtt('WEBVTT', '', '00:00.000 --> 00:02.000', 'a <00:00.500>b <ruby>漢<rt>kan</rt></ruby>'), 'x.vtt');
    expect(r.items[0]!.nodes).toContainEqual({ type: 'timestamp', time: 0.5 });
    expect(r.items[0]!.text).toBe('a b 漢');
    expect(cueNodesToText(r.items[0]!.nodes)).toBe('a b 漢');
  });

  it('reports a missing signature at 1:1 and, as browsers, reads no cue', () => {
    const r = parseCaptions(vtt('WEBVTTX', '', '00:00.000 --> 00:01.000', 'hi'), 'x.vtt');
    expect(r.problems[0]).toMatchObject({ rule: 'vtt-signature', line: 1, col: 1, severity: 'error', file: 'x.vtt', kind: 'captions' });
    expect(r.items).toHaveLength(0);
  });

  it('takes decoded text: a BOM left after decoding is a second BOM, an invalid signature', () => {
    expect(parseCaptions('\uFEFFWEBVTT\n', 'x.vtt').problems[0]).toMatchObject({ rule: 'vtt-signature', line: 1, col: 1 });
  });

  it('accepts CRLF and CR line endings with the right lines', () => {
    for (const nl of ['\r\n', '\r', '\n']) {
      const r = parseCaptions('WEBVTT' + nl + nl + 'id' + nl + '00:00.000 --> 00:01.000' + nl + 'hi' + nl + nl + '00:01.000 --> 00:02.000' + nl + 'ho', 'x.vtt');
      expect(r.problems).toEqual([]);
      expect(r.items.map((c) => c.line)).toEqual([4, 7]);
    }
  });

  it('locates timing errors by line and column (the bad cue is dropped)', () => {
    const r = parseCaptions(vtt('WEBVTT', '', '00:00.000 --> 00:01.000', 'ok', '', '00:02.000 --> 0x:03.000', 'dropped', '', '00:04.00 --> 00:05.000', 'dropped too'), 'x.vtt');
    expect(r.items.map((c) => c.text)).toEqual(['ok']);
    expect(r.problems).toHaveLength(2);
    expect(r.problems[0]).toMatchObject({ rule: 'vtt-syntax', line: 6, col: 16 });
    expect(r.problems[1]).toMatchObject({ rule: 'vtt-syntax', line: 9 });
  });

  it('locates cue text errors on the right line of a multi-line cue', () => {
    const r = parseCaptions(vtt('WEBVTT', '', '00:00.000 --> 00:01.000', 'line one', 'two <x>bad</x>'), 'x.vtt');
    const p = r.problems.find((q) => /Unknown tag/.test(q.message));
    expect(p).toMatchObject({ line: 5, col: 8 });
  });

  it('columns count code points', () => {
    const r = parseCaptions(vtt('WEBVTT', '', '00:00.000 --> 00:01.000', '🎬🎬 <x>'), 'x.vtt');
    expect(r.problems[0]).toMatchObject({ line: 4, col: 6 }); // the tag's closing '>'
  });

  it('reports an end before the start and a start before the previous start', () => {
    const r = parseCaptions(vtt('WEBVTT', '', '00:05.000 --> 00:04.000', 'a', '', '00:01.000 --> 00:02.000', 'b'), 'x.vtt');
    expect(r.problems.map((p) => [p.rule, p.line])).toEqual([
      ['cue-timing', 3],
      ['cue-order', 6],
    ]);
    // sorted into text-track order
    expect(r.items.map((c) => c.text)).toEqual(['b', 'a']);
    expect(r.items.map((c) => c.index)).toEqual([0, 1]);
  });

  it('points at the line after an identifier when it is not a timing line', () => {
    const r = parseCaptions(vtt('WEBVTT', '', 'id', '00:02.000 -> 00:03.000', 'text'), 'x.vtt');
    expect(r.items).toEqual([]);
    expect(r.problems[0]).toMatchObject({ line: 4, col: 1 });
  });

  it('reports an identifier without a timing line and a missing blank line', () => {
    const r = parseCaptions(vtt('WEBVTT', '', 'lonely', '', 'id', 'text', '', '00:00.000 --> 00:01.000', 'a', '00:01.000 --> 00:02.000', 'b'), 'x.vtt');
    expect(r.items.map((c) => c.text)).toEqual(['a', 'b']);
    expect(r.problems.map((p) => p.line)).toEqual([3, 6, 10]);
  });

  it('handles empty and degenerate inputs without throwing', () => {
    for (const s of ['', '\n', 'WEBVTT', 'WEBVTT\n\n-->', '-->', '\0\0\0', 'WEBVTT\n\n00:00.000 --> 00:01.000', '\uFEFF']) {
      const r = parseCaptions(s, 'x.vtt');
      expect(Array.isArray(r.items)).toBe(true);
      for (const p of r.problems) expect(p.line).toBeGreaterThan(0);
    }
  });

  // The bounds are on the CPU time this process spends parsing, not the wall clock, which other work on a busy
  // machine stretches at will; the test's own limit is only a safety net.
  it('parses 100 000 cues in a few seconds, with their lines', { timeout: 60_000 }, () => {
    const parts = ['WEBVTT', ''];
    for (let i = 0; i < 100_000; i++) {
      const t = (s: number) => `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}.000`;
      parts.push(`${t(i)} --> ${t(i + 1)}`, `Cue number ${i}`, '');
    }
    const cpu = process.cpuUsage();
    const r = parseCaptions(parts.join('\n'), 'big.vtt');
    expect(cpuMilliseconds(cpu)).toBeLessThan(5000);
    expect(r.problems).toEqual([]);
    expect(r.items).toHaveLength(100_000);
    expect(r.items[99_999]).toMatchObject({ line: 3 + 3 * 99_999, text: 'Cue number 99999' });
  });

  it('guards against pathological lines: huge settings, deep nesting, huge cue text', { timeout: 60_000 }, () => {
    const settings = 'a:b '.repeat(200_000);
    const deep = '<b>'.repeat(100_000) + 'x';
    const voices = '<v a>'.repeat(50_000);
    const cpu = process.cpuUsage();
    const r = parseCaptions(vtt('WEBVTT', '', '00:00.000 --> 00:01.000 ' + settings, 'x', '', '00:01.000 --> 00:02.000', deep, '', '00:02.000 --> 00:03.000', voices), 'x.vtt');
    expect(cpuMilliseconds(cpu)).toBeLessThan(5000);
    expect(r.items).toHaveLength(3);
    expect(r.problems.some((p) => /too long/.test(p.message))).toBe(true);
    expect(r.problems.length).toBeLessThanOrEqual(5001);
  });
});

describe('plain cue text (no "&", no "<")', () => {
  it("gives the tree and the problems webvtt-parser's cue text parser gives it", () => {
    const texts = ['Bonjour', 'deux\nlignes', 'a > b; c = "d" #1', ' espaces  \t tab ', 'émoji 🎬 et 𝄞', 'x'.repeat(3000), 'fin;'];
    for (const text of texts) {
      const messages: string[] = [];
      const tree = new webvtt.WebVTTCueTextParser(text, (message) => messages.push(message), 'subtitles', {}).parse(0, 10);
      const r = parseCaptions(vtt('WEBVTT', '', '00:00.000 --> 00:10.000', text), 'p.vtt');
      expect(messages).toEqual([]);
      expect(r.problems).toEqual([]);
      expect(r.items[0]!.nodes).toEqual(tree.children.map((n) => ({ type: 'text', text: n.value })));
    }
  });

  it('still goes through the parser when it holds "&" or "<"', () => {
    const r = parseCaptions(vtt('WEBVTT', '', '00:00.000 --> 00:10.000', 'a &amp; b', '', '00:10.000 --> 00:20.000', '1 < 2 &bogus'), 'p.vtt');
    expect(r.items.map((c) => c.text)).toEqual(['a & b', '1 ']);
    expect(r.problems.map((p) => p.rule)).toEqual(['vtt-cue-text', 'vtt-cue-text']);
  });
});

describe('parsing in slices', () => {
  /** A clock that moves 1 ms each time it is read, and counts the pauses and the reads between them. */
  const fakeSlicer = (sliceMs: number) => {
    let time = 0;
    let reads = 0;
    const slices: number[] = [];
    const slicer: Slicer = {
      now: () => (reads++, time++),
      pause: async () => {
        slices.push(reads);
        reads = 0;
      },
      sliceMs,
    };
    return { slicer, slices };
  };
  const captions = (count: number, broken = false) => {
    const parts = ['WEBVTT', ''];
    for (let i = 0; i < count; i++) parts.push(`c${i}`, `00:${String(i % 60).padStart(2, '0')}.000 --> 00:${String(i % 60).padStart(2, '0')}.500${broken && i % 7 === 0 ? ' bogus:1' : ''}`, broken && i % 5 === 0 ? '<x>R&D</x>' : `Ligne ${i}`, '');
    return parts.join('\n');
  };

  it('gives the cues and problems of the whole parse, pausing when a slice has taken its time', async () => {
    for (const broken of [false, true]) {
      const text = captions(500, broken);
      const { slicer, slices } = fakeSlicer(10);
      expect(await parseCaptionsSliced(text, 'a.vtt', slicer)).toEqual(parseCaptions(text, 'a.vtt'));
      // 500 blocks, one clock read each, 10 ms (reads) per slice.
      expect(slices.length).toBeGreaterThanOrEqual(45);
      expect(Math.max(...slices)).toBeLessThanOrEqual(11);
    }
  });

  it('does not pause within its time, and reads chapters the same', async () => {
    const text = vtt('WEBVTT', '', 'intro', '00:00.000 --> 01:00.000', 'Introduction', '', '01:00.000 --> 02:00.000', 'Suite <b>gras</b>');
    const { slicer, slices } = fakeSlicer(1_000);
    expect(await parseChaptersSliced(text, 'c.vtt', slicer)).toEqual(parseChapters(text, 'c.vtt'));
    expect(slices).toEqual([]);
  });

  it('reports a file without signature as the whole parse does', async () => {
    const { slicer } = fakeSlicer(10);
    expect(await parseCaptionsSliced('no signature', 'x.vtt', slicer)).toEqual(parseCaptions('no signature', 'x.vtt'));
  });
});

describe('parseChapters', () => {
  it('reads slug ids and plain titles', () => {
    const r = parseChapters(vtt('WEBVTT', '', 'introduction', '00:00.000 --> 00:10.000', 'Introduction', '', 'la-suite', '00:10.000 --> 00:20.000', 'La suite'), 'c.vtt');
    expect(r.problems).toEqual([]);
    expect(r.items).toEqual([
      { id: 'introduction', index: 0, title: 'Introduction', start: 0, end: 10, line: 4 },
      { id: 'la-suite', index: 1, title: 'La suite', start: 10, end: 20, line: 8 },
    ]);
  });

  it('warns about a missing id at the timing line and an invalid one at its own line, with ids made from the titles', () => {
    const r = parseChapters(vtt('WEBVTT', '', '00:00.000 --> 00:10.000', 'Intro', '', 'Chapitre 2', '00:10.000 --> 00:20.000', 'La Suite à venir'), 'c.vtt');
    expect(r.items.map((c) => c.id)).toEqual(['intro', 'la-suite-a-venir']);
    expect(r.problems.map((p) => [p.rule, p.severity, p.line, p.col])).toEqual([
      ['chapter-id-slug', 'warning', 3, 1],
      ['chapter-id-slug', 'warning', 6, 1],
    ]);
    expect(r.problems[1]!.message).toContain('"la-suite-a-venir"');
  });

  it('keeps derived ids unique and stable, falling back to the identifier and then the position', () => {
    const text = vtt('WEBVTT', '', 'Chapitre 1', '00:00.000 --> 00:10.000', 'Intro', '', 'intro', '00:10.000 --> 00:20.000', 'Autre', '', 'Chapitre 3', '00:20.000 --> 00:30.000', '***', '', '00:30.000 --> 00:40.000', '!!!');
    const ids = parseChapters(text, 'c.vtt').items.map((c) => c.id);
    expect(ids).toEqual(['intro-2', 'intro', 'chapitre-3', 'chapter-4']);
    expect(parseChapters(text, 'c.vtt').items.map((c) => c.id)).toEqual(ids);
  });

  it('warns about markup in chapter titles, and reads their text as browsers do', () => {
    const r = parseChapters(vtt('WEBVTT', '', 'a', '00:00.000 --> 00:10.000', '<b>Intro</b>'), 'c.vtt');
    expect(r.items[0]!.title).toBe('Intro');
    expect(r.problems[0]).toMatchObject({ rule: 'vtt-cue-text', severity: 'warning', line: 5 });
  });

  it('slugify makes slugs', () => {
    expect(slugify('  Le Règne des Process! ')).toBe('le-regne-des-process');
    expect(slugify('***')).toBe('');
  });
});

describe('reading WebVTT as browsers do', () => {
  it('ignores header lines with one warning that gives the fix, and reads the cues', () => {
    const r = parseCaptions(vtt('WEBVTT', 'Kind: captions', 'Language: fr', '', '00:00.000 --> 00:01.000', 'Bonjour'), 'x.vtt');
    expect(r.items.map((c) => c.text)).toEqual(['Bonjour']);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ rule: 'vtt-header', severity: 'warning', line: 2, col: 1 });
    expect(r.problems[0]!.message).toMatch(/NOTE block/);
  });

  it('drops unknown and legacy cue settings with a warning, and keeps the cue', () => {
    const r = parseCaptions(vtt('WEBVTT', '', '00:00.000 --> 00:01.000 position:10%,start align:middle foo:bar', 'Bonjour'), 'x.vtt');
    expect(r.items).toHaveLength(1);
    expect(r.problems.length).toBeGreaterThanOrEqual(2);
    for (const p of r.problems) expect(p).toMatchObject({ rule: 'vtt-cue-setting', severity: 'warning', line: 3 });
  });

  it('skips empty cues with a warning', () => {
    const r = parseCaptions(vtt('WEBVTT', '', '00:00.000 --> 00:01.000', '', '00:01.000 --> 00:02.000', '<i> </i>', '', '00:02.000 --> 00:03.000', 'ok'), 'x.vtt');
    expect(r.items.map((c) => [c.text, c.index])).toEqual([['ok', 0]]);
    expect(r.problems.filter((p) => p.rule === 'cue-empty').map((p) => [p.severity, p.line])).toEqual([['warning', 3], ['warning', 5]]);
  });

  it('keeps voices as speaker labels and never shows inline timestamps as text', () => {
    const r = parseCaptions(
      vtt('WEBVTT', '', '00:00.000 --> 00:04.000', '<v Marie Curie><c.loud>Bonjour</c> à <b>tous</b>', '', '00:04.000 --> 00:08.000', 'so<00:00:05.000><c> this</c><00:00:06.500><c> is</c>'),
      'x.vtt',
    );
    expect(r.items[0]).toMatchObject({ speaker: 'Marie Curie', text: 'Bonjour à tous' });
    expect(r.items[1]!.text).toBe('so this is');
    expect(r.items[1]!.speaker).toBeUndefined();
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('warns about unknown tags and bad escapes, which browsers show as text', () => {
    const r = parseCaptions(vtt('WEBVTT', '', '00:00.000 --> 00:01.000', '<font color="red">a</font> & b'), 'x.vtt');
    expect(r.items).toHaveLength(1);
    expect(r.problems.length).toBeGreaterThan(0);
    for (const p of r.problems) expect(p).toMatchObject({ rule: 'vtt-cue-text', severity: 'warning', line: 4 });
  });
});

describe('pairChapters', () => {
  const ch = (id: string, start: number, end: number, line = 1) => ({ id, index: 0, title: id, start, end, line });
  const fr = [ch('introduction', 0, 10), ch('la-suite', 10, 20)];
  it('keeps tracks with the same ids', () => {
    expect(pairChapters(fr, fr, 'en.vtt', 'the "fr" track')).toEqual({ items: fr, problems: [] });
  });
  it('pairs by position when the counts and times match, with a warning', () => {
    const r = pairChapters(fr, [ch('introduction-en', 0, 10.2), ch('what-next', 10.2, 20)], 'en.vtt', 'the "fr" track');
    expect(r.items.map((c) => c.id)).toEqual(['introduction', 'la-suite']);
    expect(r.problems).toMatchObject([{ rule: 'chapters-lang-paired', severity: 'warning', file: 'en.vtt' }]);
  });
  it('keeps its own ids, with a warning, when the counts or the times differ', () => {
    const count = pairChapters(fr, [ch('one', 0, 20)], 'en.vtt', 'the "fr" track');
    expect(count.items.map((c) => c.id)).toEqual(['one']);
    expect(count.problems).toMatchObject([{ rule: 'chapters-lang-mismatch', severity: 'warning' }]);
    const times = pairChapters(fr, [ch('a', 0, 5), ch('b', 5, 20, 7)], 'en.vtt', 'the "fr" track');
    expect(times.items.map((c) => c.id)).toEqual(['a', 'b']);
    expect(times.problems).toMatchObject([{ rule: 'chapters-lang-mismatch', line: 1 }]);
  });
});
