// Reads a cue script (format: captions/source/README.md) into plain data. No I/O beyond the text given.

export const PAUSE_KINDS = ['split', 'sentence', 'paragraph'];

/**
 * @param {string} text the cue script
 * @returns {{ respellings: {from: string, to: string}[], chapters: {id: string, title: {fr: string, en: string}, firstCue: number}[],
 *   cues: {id: string, fr: string[], en: string[], say?: string, pause: string, chapter: string, line: number}[] }}
 */
export function parseCueScript(text) {
  const respellings = [];
  const chapters = [];
  const cues = [];
  let block = null;
  const fail = (line, msg) => {
    throw new Error(`cue script line ${line}: ${msg}`);
  };
  const closeBlock = () => {
    if (!block) return;
    if (!block.fr.length) fail(block.line, 'cue without "fr:" lines');
    if (!block.en.length) fail(block.line, 'cue without "en:" lines');
    if (!block.pause) fail(block.line, 'cue without "pause:"');
    if (!chapters.length) fail(block.line, 'cue before the first "chapter:"');
    block.chapter = chapters[chapters.length - 1].id;
    block.id = `c${String(cues.length + 1).padStart(3, '0')}`;
    cues.push(block);
    block = null;
  };
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (/^\s*#/.test(raw)) return;
    if (!raw.trim()) return closeBlock();
    const m = /^([a-z]+):\s?(.*)$/.exec(raw);
    if (!m) fail(line, `expected "key: value", got ${JSON.stringify(raw)}`);
    const [, key, value] = m;
    switch (key) {
      case 'respell': {
        const parts = value.split('=>').map((s) => s.trim());
        if (parts.length !== 2 || !parts[0] || !parts[1]) fail(line, 'expected "respell: written => spoken"');
        respellings.push({ from: parts[0], to: parts[1] });
        return;
      }
      case 'chapter': {
        closeBlock();
        const parts = value.split('|').map((s) => s.trim());
        if (parts.length !== 3 || parts.some((p) => !p)) fail(line, 'expected "chapter: id | titre | title"');
        chapters.push({ id: parts[0], title: { fr: parts[1], en: parts[2] }, firstCue: cues.length, line });
        return;
      }
      case 'fr':
      case 'en':
      case 'say':
      case 'pause': {
        block ??= { fr: [], en: [], say: undefined, pause: undefined, line };
        if (key === 'fr' || key === 'en') block[key].push(value.trim());
        else if (key === 'say') block.say = value.trim();
        else {
          if (!PAUSE_KINDS.includes(value.trim())) fail(line, `pause must be one of ${PAUSE_KINDS.join(', ')}`);
          block.pause = value.trim();
        }
        return;
      }
      default:
        fail(line, `unknown key "${key}"`);
    }
  });
  closeBlock();
  for (const ch of chapters) {
    if (ch.firstCue >= cues.length) fail(ch.line, `chapter "${ch.id}" has no cue`);
  }
  return { respellings, chapters, cues };
}

/** Caption text of a cue's lines, `**x**` as `<b>x</b>`, lines joined by "\n". */
export function vttText(lines) {
  return lines
    .map((l) => l.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'))
    .join('\n')
    .replace(/\*\*([^*]+?)\*\*/gs, '<b>$1</b>');
}

/** What a reader sees: no markup, lines joined by a space. */
export function plainText(lines) {
  return lines.join(' ').replace(/\*\*/g, '');
}

/** What espeak-ng says: the plain text with the respellings applied (audio only). */
export function spokenText(cue, respellings) {
  if (cue.say) return cue.say;
  let s = plainText(cue.fr);
  for (const { from, to } of respellings) {
    const esc = from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    s = s.replace(new RegExp(`(?<![\\p{L}\\p{N}])${esc}(?![\\p{L}\\p{N}])`, 'gu'), to);
  }
  return s;
}
