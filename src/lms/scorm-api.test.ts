import { describe, expect, it } from 'vitest';
import { findScormApi, scormCalls, sessionTime, type WindowLike } from './scorm-api.ts';

/** A chain of windows: index 0 is the lesson's, each the parent of the one before; the last is its own parent. */
function chain(length: number, apiAt: number, name = 'API'): WindowLike[] {
  const windows: WindowLike[] = Array.from({ length }, () => ({}));
  windows.forEach((w, i) => (w.parent = windows[i + 1] ?? w));
  if (apiAt >= 0) windows[apiAt]![name] = { marker: apiAt };
  return windows;
}

describe('SCORM API discovery', () => {
  it('walks up the parents to the first window holding the version’s API', () => {
    const windows = chain(4, 2);
    expect(findScormApi(windows[0]!, '1.2')).toEqual({ marker: 2 });
    expect(findScormApi(windows[0]!, '2004')).toBeNull();
    const w2004 = chain(3, 1, 'API_1484_11');
    expect(findScormApi(w2004[0]!, '2004')).toEqual({ marker: 1 });
  });

  it('then the opener and its parents (a platform that opened the lesson in a new window)', () => {
    const platform = chain(2, 1);
    const lesson: WindowLike = { opener: platform[0] };
    lesson.parent = lesson;
    expect(findScormApi(lesson, '1.2')).toEqual({ marker: 1 });
  });

  it('skips windows that refuse to be read (another origin) and stops after a bounded walk', () => {
    const hostile: WindowLike = new Proxy({} as WindowLike, {
      get: () => {
        throw new DOMException('Blocked a frame', 'SecurityError');
      },
    });
    expect(findScormApi({ parent: hostile }, '1.2')).toBeNull();
    // A parent chain that never ends (each window a new parent) is not followed forever.
    let reads = 0;
    const endless = (): WindowLike => ({
      get parent() {
        reads++;
        return endless();
      },
    });
    expect(findScormApi(endless(), '1.2')).toBeNull();
    expect(reads).toBeLessThanOrEqual(501);
  });
});

describe('SCORM calls', () => {
  it('treats a throwing or refusing API as a refusal, and reports its error', () => {
    const calls = scormCalls(
      {
        LMSInitialize: () => 'false',
        LMSSetValue: () => {
          throw new Error('boom');
        },
        LMSGetValue: () => {
          throw new Error('boom');
        },
        LMSGetLastError: () => '101',
        LMSGetErrorString: (code: string) => `General exception ${code}`,
      },
      '1.2',
    );
    expect(calls.initialize()).toBe(false);
    expect(calls.set('cmi.core.lesson_location', '1')).toBe(false);
    expect(calls.get('cmi.core.lesson_location')).toBe('');
    expect(calls.lastError()).toBe('101: General exception 101');
    expect(scormCalls({ Initialize: () => true }, '2004').initialize()).toBe(true);
  });

  it('formats session time as the version requires', () => {
    expect(sessionTime(3_723_450, '1.2')).toBe('0001:02:03.45');
    expect(sessionTime(0, '1.2')).toBe('0000:00:00.00');
    expect(sessionTime(3_723_450, '2004')).toBe('PT1H2M3.45S');
    expect(sessionTime(60_000, '2004')).toBe('PT0H1M0S');
  });
});
