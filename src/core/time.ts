/**
 * Time values as people and URLs write them: parsing and formatting, no DOM.
 * Accepted forms: `90`, `90.5`, `1:30`, `01:02:03.5`, `1m30s`, `1h2m3s`, `npt:90` (Media Fragments).
 */

const CLOCK = /^(?:(\d{1,3}):)?(\d{1,2}):(\d{1,2}(?:\.\d+)?)$/;
const UNITS = /^(?:(\d{1,3})h)?(?:(\d{1,4})m)?(?:(\d{1,6}(?:\.\d+)?)s)?$/;
const SECONDS = /^\d{1,7}(?:\.\d+)?$/;

/** Parses a time written by a person or a URL. Returns undefined for anything else (never throws). */
export function parseTime(raw: string): number | undefined {
  if (typeof raw !== 'string' || raw.length > 32) return undefined;
  const value = raw.trim().toLowerCase().replace(/^npt:/, '');
  if (value === '') return undefined;
  if (SECONDS.test(value)) return Number(value);
  const clock = CLOCK.exec(value);
  if (clock) {
    const [, h, m, s] = clock;
    if (h !== undefined && Number(m) > 59) return undefined;
    if (Number(s) >= 60) return undefined;
    return Number(h ?? 0) * 3600 + Number(m) * 60 + Number(s);
  }
  const units = UNITS.exec(value);
  if (units && (units[1] || units[2] || units[3])) {
    return Number(units[1] ?? 0) * 3600 + Number(units[2] ?? 0) * 60 + Number(units[3] ?? 0);
  }
  return undefined;
}

/** `75` → `1:15`, `3725` → `1:02:05`. Seconds are floored: a label never claims a moment not yet reached. */
export function formatTime(seconds: number): string {
  const total = Number.isFinite(seconds) && seconds > 0 ? Math.floor(seconds) : 0;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** A label for screen readers, e.g. `1 min 15 s`: "1:15" is read out as a ratio by some. */
export function formatDuration(seconds: number): string {
  const total = Number.isFinite(seconds) && seconds > 0 ? Math.floor(seconds) : 0;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const parts: string[] = [];
  if (h) parts.push(`${h} h`);
  if (m) parts.push(`${m} min`);
  if (s || parts.length === 0) parts.push(`${s} s`);
  return parts.join(' ');
}

/** Seconds as `[h:]mm:ss.ttt`, as written in WebVTT. */
export function formatVttTime(seconds: number): string {
  if (!Number.isFinite(seconds)) return String(seconds);
  const ms = Math.round(Math.max(0, seconds) * 1000);
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const t = ms % 1000;
  const mmss = `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}.${String(t).padStart(3, '0')}`;
  return h ? `${h}:${mmss}` : mmss;
}
