/** The words of passages (quoting a selection, notes on a passage, a passage opened from a link), in the UI language. */

export interface PassageStrings {
  /** The actions' group, named by the passage's times (spoken form, e.g. "1 min 23 s"). */
  selected: (from: string, to: string) => string;
  copyQuote: string;
  quoteCopied: string;
  addNote: string;
  noteAdded: (from: string, to: string) => string;
  /** Said when Shift with the arrows selects lines: what the keys do with it now. */
  keyboardSelected: (from: string, to: string) => string;
  /** Quotation marks around a quote, with their spaces. */
  open: string;
  close: string;
  /** Shown above the transcript while a passage opened from a link is highlighted. */
  shared: (from: string, to: string) => string;
  /** A note's button that plays its passage: the range it shows first (WCAG 2.5.3), then what it does. */
  playPassage: (shown: string, from: string, to: string) => string;
}

const fr: PassageStrings = {
  selected: (from, to) => `Passage sélectionné, de ${from} à ${to}`,
  copyQuote: 'Copier la citation',
  quoteCopied: 'Citation copiée',
  addNote: 'Ajouter une note sur ce passage',
  noteAdded: (from, to) => `Note ajoutée sur le passage de ${from} à ${to}.`,
  keyboardSelected: (from, to) => `Passage de ${from} à ${to} sélectionné. C\u00a0: copier la citation, N\u00a0: ajouter une note sur ce passage.`,
  open: '«\u00a0',
  close: '\u00a0»',
  shared: (from, to) => `Passage partagé\u00a0: de ${from} à ${to}`,
  playPassage: (shown, from, to) => `${shown}, lire le passage de ${from} à ${to}`,
};

const en: PassageStrings = {
  selected: (from, to) => `Selected passage, from ${from} to ${to}`,
  copyQuote: 'Copy quote',
  quoteCopied: 'Quote copied',
  addNote: 'Add a note on this passage',
  noteAdded: (from, to) => `Note added on the passage from ${from} to ${to}.`,
  keyboardSelected: (from, to) => `Passage from ${from} to ${to} selected. C: copy the quote, N: add a note on this passage.`,
  open: '“',
  close: '”',
  shared: (from, to) => `Shared passage: from ${from} to ${to}`,
  playPassage: (shown, from, to) => `${shown}, play the passage from ${from} to ${to}`,
};

export function passageStrings(lang: string): PassageStrings {
  return lang === 'en' ? en : fr;
}
