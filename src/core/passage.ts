/**
 * A passage of the transcript, without the DOM: the words a selection covers (prose, not the lines' times), the
 * cues it spans, its time range, and the quote a reader shares (the words, the lesson's title, a link that plays
 * the passage). The caller gives the words of the UI (quotation marks).
 */
import { formatTime } from './time.ts';

/** What a selection covers of one transcript line: the cue's index and the selected part of its words. */
export interface SelectedLine {
  index: number;
  text: string;
}

/** A selection across transcript lines: the first and last cue indexes and the selected words as running text. */
export interface Passage {
  first: number;
  last: number;
  text: string;
}

/** Text as running prose: caption line breaks and runs of white space become single spaces. */
export function prose(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The passage a selection covers, its lines in any order; null when it holds no words. */
export function passageOf(lines: readonly SelectedLine[]): Passage | null {
  const worded = lines.map((line) => ({ index: line.index, text: prose(line.text) })).filter((line) => line.text !== '' && line.index >= 0);
  if (!worded.length) return null;
  worded.sort((a, b) => a.index - b.index);
  return { first: worded[0]!.index, last: worded.at(-1)!.index, text: worded.map((line) => line.text).join(' ') };
}

/** The time range of cues `first` to `last`: the first one's start, the last one's end. */
export function passageTimes(cues: readonly { start: number; end: number }[], passage: Pick<Passage, 'first' | 'last'>): { start: number; end: number } | null {
  const first = cues[passage.first];
  const last = cues[passage.last];
  if (!first || !last) return null;
  return { start: first.start, end: Math.max(first.start, last.end) };
}

/**
 * The cues a passage opened from a link covers: those that end after its start (the link's start is floored to a
 * second, so half a second of the line before does not count) and start before its end.
 */
export function passageLines(cues: readonly { start: number; end: number }[], range: { start: number; end: number }): { first: number; last: number } | null {
  let first = -1;
  let last = -1;
  cues.forEach((cue, i) => {
    if (cue.end > range.start + 0.5 && cue.start < range.end - 0.05) {
      if (first < 0) first = i;
      last = i;
    }
  });
  return first < 0 ? null : { first, last };
}

export interface QuoteSource {
  text: string;
  title: string;
  start: number;
  end: number;
  link: string;
  /** The UI language's quotation marks, e.g. `« ` and ` »`. */
  open: string;
  close: string;
}

/** A quote to paste in a message: the words in quotation marks, then the lesson's title and times, then the link. */
export function quoteText(quote: QuoteSource): string {
  const title = prose(quote.title);
  return `${quote.open}${prose(quote.text)}${quote.close}\n— ${title} (${formatTime(quote.start)}–${formatTime(quote.end)})\n${quote.link}\n`;
}
