/**
 * The lesson model: plain data shared by the DOM-free core, the state controller, the views and the CLI.
 * Nothing here may touch the DOM or the network.
 */

/** Cue text markup as a tree. Views build DOM nodes from it; it is never turned into an HTML string. */
export type CueNode =
  | { type: 'text'; text: string }
  | { type: 'timestamp'; time: number }
  | {
      type: 'tag';
      /** One of WebVTT's cue text tags. */
      tag: 'b' | 'i' | 'u' | 'c' | 'v' | 'lang' | 'ruby' | 'rt';
      classes: string[];
      /** The annotation: the voice name for `<v>`, the language for `<lang>`. */
      annotation: string;
      children: CueNode[];
    };

/** A timed caption cue. */
export interface Cue {
  /** The cue identifier from the file, or `cue-<index>` when it has none. */
  id: string;
  /** Position in the track, from 0. */
  index: number;
  /** Seconds. */
  start: number;
  /** Seconds. */
  end: number;
  /** The cue's text without markup, lines joined by "\n". */
  text: string;
  /** The cue's text as a markup tree. */
  nodes: CueNode[];
  /** 1-based line of the cue's timing line in the source file. */
  line: number;
  /** The speaker, from the cue's first `<v Name>` voice span. */
  speaker?: string;
}

/** A chapter: a contiguous section of the lesson. */
export interface Chapter {
  /** Stable slug from the chapter cue's identifier, used in `#chapter=` links and notes. */
  id: string;
  index: number;
  title: string;
  start: number;
  end: number;
  line: number;
}

/** Which lesson file a problem concerns. */
export type LessonFileKind = 'manifest' | 'captions' | 'chapters' | 'descriptions' | 'notes' | 'media' | 'poster' | 'thumbnails';

/** A problem found in a lesson file, located as precisely as the source allows. */
export interface LessonProblem {
  severity: 'error' | 'warning';
  /** The file's path or URL as the user gave it. */
  file: string;
  kind: LessonFileKind;
  /** A sentence for a human, without the file name. */
  message: string;
  /** A stable rule identifier, e.g. `vtt-syntax`, `cue-cps`. */
  rule: string;
  /** 1-based, when known. */
  line?: number;
  /** 1-based, when known. */
  col?: number;
  /** Values in the message (a status code, a content type…), so that the player can word it in the UI language. */
  params?: Record<string, string | number>;
}

/** A track as parsed: its cues (or chapters) and the problems met while parsing. */
export interface ParsedTrack<T> {
  items: T[];
  problems: LessonProblem[];
}

/** Strings keyed by BCP 47 language tag, e.g. `{ "fr": "…", "en": "…" }`. */
export type Localized = Record<string, string>;

export interface ManifestMediaSource {
  src: string;
  type: string;
}

export interface ManifestTextTrack {
  lang: string;
  label: string;
  src: string;
  /** `captions` for a same-language track for deaf and hard-of-hearing viewers (RGAA 4.3.2), else `subtitles`. */
  kind: 'captions' | 'subtitles';
  default?: boolean;
}

export interface ManifestChapterTrack {
  lang: string;
  src: string;
}

/** A lesson manifest (schemas/lesson.schema.json), with every URL resolved against the manifest's own URL. */
export interface LessonManifest {
  version: 1;
  id: string;
  title: Localized;
  series?: Localized;
  provider?: { name: string; url?: string };
  description?: Localized;
  /** The language the lesson is spoken in. */
  language: string;
  /** Seconds, informative: the media decides. */
  duration?: number;
  media: ManifestMediaSource[];
  poster?: string;
  /** A WebVTT thumbnails track for the time slider. */
  thumbnails?: string;
  captions: ManifestTextTrack[];
  chapters: ManifestChapterTrack[];
  /**
   * WebVTT description tracks (`kind: descriptions`), one per language: what is on screen, for learners who do not
   * see it, read aloud by the player or announced to a screen reader.
   */
  descriptions?: ManifestChapterTrack[];
  /** Per language, per chapter id: the URL of that chapter's Markdown note. */
  notes: Record<string, Record<string, string>>;
}
