import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { embedPlayerId, envelope, parseEmbedCommand, parseEmbedEvent, parseOrigins, shouldSendTimeUpdate } from '../../src/embed/protocol.ts';

const base = { source: 'lesson-player', version: 1, id: 'demo' };

describe('parseEmbedCommand', () => {
  it('accepts each command with exactly its fields', () => {
    for (const command of [
      { type: 'hello' },
      { type: 'play' },
      { type: 'pause' },
      { type: 'seek', time: 30.5 },
      { type: 'seekToChapter', chapter: 'la-crise-politique' },
      { type: 'setCaptions', lang: 'fr' },
      { type: 'setCaptions', lang: null },
      { type: 'setDescriptions', lang: 'en' },
      { type: 'setDescriptions', lang: true },
      { type: 'setDescriptions', lang: false },
      { type: 'openNotes', chapter: 'introduction' },
    ]) {
      expect(parseEmbedCommand({ ...base, ...command })).toEqual({ ...base, ...command });
    }
    expect(parseEmbedCommand({ ...base, id: '*', type: 'hello' })).toEqual({ ...base, id: '*', type: 'hello' });
  });

  it('rejects anything off the schema', () => {
    for (const bad of [
      null,
      'play',
      [{ ...base, type: 'play' }],
      { ...base, type: 'play', extra: 1 },
      { ...base, type: 'seek' },
      { ...base, type: 'seek', time: '30' },
      { ...base, type: 'seek', time: -1 },
      { ...base, type: 'seek', time: Number.NaN },
      { ...base, type: 'seek', time: Infinity },
      { ...base, type: 'seekToChapter', chapter: '<img src=x onerror=alert(1)>' },
      { ...base, type: 'setCaptions', lang: 'fr"><script>' },
      { ...base, type: 'setCaptions' },
      { ...base, type: 'setDescriptions', lang: 'en<b>' },
      { ...base, type: 'setDescriptions', lang: 1 },
      { ...base, type: 'eval', code: 'alert(1)' },
      { ...base, type: 'toString' },
      { ...base, type: '__proto__' },
      { ...base, version: 2, type: 'play' },
      { ...base, version: '1', type: 'play' },
      { ...base, source: 'other', type: 'play' },
      { ...base, id: '', type: 'play' },
      { ...base, id: 'a b', type: 'play' },
      { ...base, id: 'x'.repeat(65), type: 'play' },
      { source: 'lesson-player', version: 1, type: 'play' },
      Object.assign(Object.create({ inherited: true }), { ...base, type: 'play' }),
      new Date(),
    ]) {
      expect(parseEmbedCommand(bad), JSON.stringify(bad)).toBeNull();
    }
  });

  it('returns a fresh object: nothing of the sender object travels further', () => {
    const sent = { ...base, type: 'seek', time: 3 };
    const parsed = parseEmbedCommand(sent)!;
    expect(parsed).not.toBe(sent);
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
  });

  it('never throws, whatever arrives', () => {
    fc.assert(
      fc.property(fc.anything({ withObjectString: true, withNullPrototype: true, withMap: true, withSet: true }), (data) => {
        parseEmbedCommand(data);
        parseEmbedEvent(data);
        parseEmbedCommand({ ...base, ...(typeof data === 'object' && data !== null ? data : { type: data }) });
      }),
    );
  });
});

describe('parseEmbedEvent', () => {
  it('accepts the events the embed sends and refuses the wildcard id', () => {
    const chapter = { id: 'introduction', title: 'Introduction', start: 0, end: 12 };
    for (const event of [
      envelope('demo', {
        type: 'ready',
        lesson: 'https://x.example/l.json',
        title: 'T',
        duration: 229,
        chapters: [chapter],
        descriptions: { language: 'fr', delivery: 'announce', available: ['fr', 'en'] },
      }),
      envelope('demo', { type: 'descriptionschange', language: null, delivery: 'speech' }),
      envelope('demo', { type: 'timeupdate', time: 1.5, duration: 229, paused: false }),
      envelope('demo', { type: 'cuechange', index: 3, text: 'Bonjour', start: 1, end: 2 }),
      envelope('demo', { type: 'cuechange', index: -1, text: null, start: null, end: null }),
      envelope('demo', { type: 'chapterchange', index: 0, chapter }),
      envelope('demo', { type: 'error', kind: 'media', message: 'boom' }),
    ]) {
      expect(parseEmbedEvent(event)).toEqual(event);
    }
    expect(parseEmbedEvent(envelope('*', { type: 'timeupdate', time: 1, duration: 2, paused: true }))).toBeNull();
    expect(parseEmbedEvent({ ...envelope('demo', { type: 'chapterchange', index: 0, chapter: null }), chapter: { id: 'x', title: 1, start: 0, end: 1 } })).toBeNull();
    expect(parseEmbedEvent(envelope('demo', { type: 'play' }))).toBeNull();
    const ready = { type: 'ready' as const, lesson: 'l', title: 'T', duration: 1, chapters: [] };
    for (const descriptions of [
      { language: 'fr', delivery: 'shout', available: [] },
      { language: 'fr', delivery: 'speech', available: ['<b>'] },
      { language: 'fr', delivery: 'speech' },
      { language: 'fr', delivery: 'speech', available: [], extra: 1 },
    ]) {
      expect(parseEmbedEvent({ ...envelope('demo', { ...ready, descriptions: { language: null, delivery: 'speech', available: [] } }), descriptions })).toBeNull();
    }
  });
});

describe('parseOrigins', () => {
  it('always allows its own origin, adds bare http(s) origins, and drops the rest', () => {
    const allowed = parseOrigins(' https://site.example , http://127.0.0.1:4174/,*,null,javascript:alert(1),https://a.example/path,ftp://x.example', 'https://lecons.example');
    expect([...allowed].sort()).toEqual(['http://127.0.0.1:4174', 'https://lecons.example', 'https://site.example']);
    expect([...parseOrigins(null, 'https://lecons.example')]).toEqual(['https://lecons.example']);
  });
});

describe('embedPlayerId', () => {
  it('keeps a safe id and falls back otherwise', () => {
    expect(embedPlayerId('lecon-1')).toBe('lecon-1');
    expect(embedPlayerId('<x>')).toBe('lesson');
    expect(embedPlayerId(null, 'p')).toBe('p');
  });
});

describe('shouldSendTimeUpdate', () => {
  it('sends at most one per interval while the clock moves, and at once on play/pause', () => {
    expect(shouldSendTimeUpdate(null, { at: 0, time: 0, paused: true })).toBe(true);
    const last = { at: 1000, time: 5, paused: false };
    expect(shouldSendTimeUpdate(last, { at: 1100, time: 5.1, paused: false })).toBe(false);
    expect(shouldSendTimeUpdate(last, { at: 1250, time: 5.25, paused: false })).toBe(true);
    expect(shouldSendTimeUpdate(last, { at: 2000, time: 5, paused: false })).toBe(false);
    expect(shouldSendTimeUpdate(last, { at: 1010, time: 5, paused: true })).toBe(true);
  });
});
