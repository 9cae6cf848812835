/**
 * `lesson-player convert <in.srt|in.sbv> [-o out.vtt]`: SRT or YouTube SBV → WebVTT, on standard output or into a
 * file. The conversion itself is the DOM-free core's (src/core/subtitle-convert.ts). Refused input: exit status 2 and
 * one line naming the file and the line that broke; nothing is written.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { convertSubtitles, decodeSubtitleBytes, subtitleFormat, type ConversionResult } from '../core/subtitle-convert.ts';
import type { RunResult } from './main.ts';

/** Reads and converts one subtitle file; `error` is one line for the user when it cannot be. */
export function convertFile(abs: string, shown: string): { result?: Extract<ConversionResult, { ok: true }>; encoding?: string; error?: string } {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(abs));
  } catch (e) {
    return { error: `${shown}: cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})` };
  }
  if (bytes.indexOf(0) !== -1 && !(bytes[0] === 0xff && bytes[1] === 0xfe) && !(bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { error: `${shown}: is a binary file, not a subtitle file` };
  }
  const { text, encoding } = decodeSubtitleBytes(bytes);
  const format = subtitleFormat(shown, text);
  if (!format) return { error: `${shown}: not an SRT or SBV subtitle file (no timing line such as "00:00:01,000 --> 00:00:02,500")` };
  const result = convertSubtitles(text, format);
  if (!result.ok) return { error: `${shown}:${result.line}: not a valid ${format.toUpperCase()} file: ${result.message}` };
  return { result, encoding };
}

export function runConvert(argv: readonly string[], cwd: string, usage: () => string): RunResult {
  let input: string | undefined;
  let output: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-h' || arg === '--help') return { code: 0, stdout: usage(), stderr: '' };
    if (arg === '-o' || arg === '--output') {
      output = argv[++i];
      if (!output) return { code: 2, stdout: '', stderr: 'lesson-player convert: -o needs a file name\n' };
    } else if (arg.startsWith('--output=')) output = arg.slice('--output='.length);
    else if (arg.startsWith('-') && arg !== '-') return { code: 2, stdout: '', stderr: `lesson-player convert: unknown option ${arg}\n` };
    else if (input === undefined) input = arg;
    else return { code: 2, stdout: '', stderr: 'lesson-player convert: one input file at a time\n' };
  }
  if (input === undefined) return { code: 2, stdout: '', stderr: 'lesson-player convert: which file? (lesson-player convert <in.srt|in.sbv> [-o out.vtt])\n' };
  const { result, encoding, error } = convertFile(resolve(cwd, input), input);
  if (!result) return { code: 2, stdout: '', stderr: `lesson-player convert: ${error}\n` };
  const summary = `${input}: ${result.cues.length} cues converted from ${result.format.toUpperCase()} (${encoding})`;
  if (output === undefined) return { code: 0, stdout: result.vtt, stderr: `${summary}\n` };
  try {
    writeFileSync(resolve(cwd, output), result.vtt);
  } catch (e) {
    return { code: 2, stdout: '', stderr: `lesson-player convert: ${output}: cannot be written (${(e as NodeJS.ErrnoException).code ?? String(e)})\n` };
  }
  return { code: 0, stdout: '', stderr: `${summary} into ${output}\n` };
}
