/**
 * Loads a lesson's files: the manifest, then its caption and chapter tracks together (the lesson is ready when
 * they are), then its note files (one per chapter, after the lesson is ready). A problem in one file never stops
 * the others; each is reported as it is found.
 */
import { pairChapters } from '../core/chapter-pairing.ts';
import { validateManifest, parseManifestText } from '../core/manifest.ts';
import { problemForConsole } from '../core/problem-audience.ts';
import type { Chapter, Cue, LessonManifest, LessonProblem } from '../core/types.ts';
import type { LessonEnvironment } from './environment.ts';
import { fetchLessonText } from './fetch-lesson-file.ts';

export interface LessonModel {
  manifest: LessonManifest;
  /** Language of the transcript, chapters and notes shown (the UI language when the lesson has it). */
  contentLang: string;
  cues: Cue[];
  /** Every caption/subtitle track that loaded, by language (for the overlay). */
  captionTracks: Map<string, Cue[]>;
  /** Every description track that loaded, by language (audio description, and the transcript's slide lines). */
  descriptionTracks: Map<string, Cue[]>;
  chapters: Chapter[];
  /** Chapter id → Markdown. Filled after the lesson is ready (see `LoadedLesson.notes`). */
  notes: Map<string, string>;
}

export interface LoadedLesson {
  model: LessonModel;
  /** The note files arriving, or null when the lesson has none. Resolves when `model.notes` is filled. */
  notes: Promise<void> | null;
}

export interface LoadRequest {
  url: string;
  uiLang: string;
  timeoutMs: number;
  signal: AbortSignal;
  report(problem: LessonProblem): void;
}

/** The lesson, or null when the manifest could not be used (its problems are reported). */
export async function loadLesson(env: LessonEnvironment, request: LoadRequest): Promise<LoadedLesson | null> {
  const { signal, report } = request;
  const fetchText = async (url: string, kind: LessonProblem['kind'], reportTo = report): Promise<string | undefined> => {
    const fetched = await fetchLessonText(url, kind, { signal, timeoutMs: request.timeoutMs, fetch: env.fetch, scheduler: env.scheduler });
    if (signal.aborted) return undefined;
    fetched.problems.forEach(reportTo);
    return fetched.text;
  };
  /** The WebVTT module, or a located problem for the track that needed it when the module could not load. */
  const parserFor = async (vtt: Promise<VttModule>, file: string, kind: 'captions' | 'chapters' | 'descriptions'): Promise<VttModule | null> => {
    try {
      return await vtt;
    } catch (error) {
      if (!signal.aborted) {
        const reason = (error as Error).message || 'network error';
        report({ severity: 'error', file, kind, rule: 'fetch-network', message: `could not be read: the player's WebVTT module did not load (${reason})` });
      }
      return null;
    }
  };

  // A long file is parsed in slices, with a new task between them: the page is never held more than a slice.
  const slicer = { now: () => env.scheduler.now(), pause: () => new Promise<void>((resolve) => env.scheduler.setTimeout(resolve, 0)), sliceMs: VTT_SLICE_MS };
  // The WebVTT parser stays out of the player's first chunk: fetched while the manifest is.
  const vtt = loadVttParser();
  vtt.catch(() => undefined); // reported by the track that needs it, if the manifest gets that far
  const absolute = new URL(request.url, env.baseURI()).href;
  const text = await fetchText(absolute, 'manifest');
  if (text === undefined) return null;
  const parsed = parseManifestText(text, absolute);
  const validated = parsed.value === undefined ? { problems: [] } : validateManifest(parsed.value, absolute);
  for (const p of [...parsed.problems, ...validated.problems]) report(p);
  const manifest = validated.manifest;
  if (!manifest || signal.aborted) return null;

  const contentLang = pickLanguage(request.uiLang, [manifest.language, ...manifest.captions.map((c) => c.lang)], manifest.language);
  // In the manifest's order, whichever file arrives first: menus, `available` and events list them the same every time.
  const captionTracks = new Map<string, Cue[]>(manifest.captions.map((t) => [t.lang, []]));
  const descriptionTracks = new Map<string, Cue[]>((manifest.descriptions ?? []).map((t) => [t.lang, []]));
  // Captions and descriptions are both timed text; a description track's problems are named as such.
  const loadCues = async (track: { lang: string; src: string }, kind: 'captions' | 'descriptions', into: Map<string, Cue[]>) => {
    const text = await fetchText(track.src, kind);
    const parser = text === undefined ? null : await parserFor(vtt, track.src, kind);
    const result = parser && text !== undefined ? await parser.parseCaptionsSliced(text, track.src, slicer) : null;
    result?.problems.forEach((problem) => report({ ...problem, kind }));
    // A track that failed or holds nothing is not offered.
    if (result?.items.length) into.set(track.lang, result.items);
    else into.delete(track.lang);
  };
  const captionLoads = [
    ...manifest.captions.map((track) => loadCues(track, 'captions', captionTracks)),
    ...(manifest.descriptions ?? []).map((track) => loadCues(track, 'descriptions', descriptionTracks)),
  ];
  const chapterTrack = manifest.chapters.find((c) => c.lang === contentLang) ?? manifest.chapters.find((c) => c.lang === manifest.language);
  const loadChapters = async (src: string, reportTo: (problem: LessonProblem) => void): Promise<Chapter[]> => {
    const text = await fetchText(src, 'chapters', reportTo);
    const parser = text === undefined ? null : await parserFor(vtt, src, 'chapters');
    if (!parser || text === undefined) return [];
    const result = await parser.parseChaptersSliced(text, src, slicer);
    result.problems.forEach(reportTo);
    return result.items;
  };
  // A translated chapter track takes the ids of the lesson's own (notes and #chapter= links use those): the
  // reference track is read for its ids only, so what goes wrong with it is for the author, not the learner.
  const referenceTrack = chapterTrack?.lang !== manifest.language ? manifest.chapters.find((c) => c.lang === manifest.language) : undefined;
  const forAuthor = (problem: LessonProblem) => env.warn(problemForConsole(problem));
  const chaptersLoad = chapterTrack
    ? Promise.all([loadChapters(chapterTrack.src, report), referenceTrack ? loadChapters(referenceTrack.src, forAuthor) : null]).then(([shown, reference]) => {
        if (!reference?.length || !shown.length) return shown;
        const paired = pairChapters(reference, shown, chapterTrack.src, referenceTrack!.src);
        paired.problems.forEach(report);
        return paired.items;
      })
    : Promise.resolve([] as Chapter[]);
  const [chapters] = await Promise.all([chaptersLoad, ...captionLoads]);
  if (signal.aborted) return null;

  const cues = captionTracks.get(contentLang) ?? captionTracks.get(manifest.language) ?? [];
  const model: LessonModel = { manifest, contentLang, cues, captionTracks, descriptionTracks, chapters, notes: new Map() };
  // The notes once the lesson is on screen, two at a time: a request costs the page about a millisecond of its main
  // thread (60 for a lesson of 60 chapters, before its transcript showed), and on a slow network all of them at once
  // took the browser's connections (six per server over HTTP/1.1) from the tracks, then from the video player's code
  // and the video (README, Performance: "Slow phone").
  const notesLang = manifest.notes[contentLang] ? contentLang : manifest.language;
  const noteFiles = Object.entries(manifest.notes[notesLang] ?? {});
  const notes = noteFiles.length
    ? new Promise<void>((resolve) => {
        const cancel = env.scheduler.afterPaint(resolve);
        signal.addEventListener('abort', () => (cancel(), resolve()), { once: true });
      }).then(async () => {
        const texts = await inTurn(noteFiles, NOTES_IN_FLIGHT, ([, src]) => (signal.aborted ? undefined : fetchText(src, 'notes')));
        noteFiles.forEach(([chapterId], i) => texts[i] !== undefined && model.notes.set(chapterId, texts[i]!));
      })
    : null;
  return { model, notes };
}

/** Note files asked for at a time. */
export const NOTES_IN_FLIGHT = 2;

/** `task` for each item, at most `inFlight` at a time, in order; the results in the items' order. */
async function inTurn<T, R>(items: readonly T[], inFlight: number, task: (item: T) => Promise<R> | R): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, items.length) }, lane));
  return results;
}

type VttModule = typeof import('../core/vtt.ts');

/** Longest run of WebVTT parsing without a pause: under the 50 ms of a long task, with room for what follows it. */
export const VTT_SLICE_MS = 25;
let vttModule: Promise<VttModule> | null = null;

/** Loads the WebVTT parser once per page (it holds no player); a failed load is tried again by the next lesson. */
function loadVttParser(): Promise<VttModule> {
  vttModule ??= import('../core/vtt.ts').catch((error: unknown) => {
    vttModule = null;
    throw error;
  });
  return vttModule;
}

/** The first of the candidates matching the UI language (by primary subtag), else the fallback. */
function pickLanguage(uiLang: string, available: string[], fallback: string): string {
  const primary = uiLang.toLowerCase().split('-')[0];
  return available.find((l) => l.toLowerCase().split('-')[0] === primary) ?? fallback;
}
