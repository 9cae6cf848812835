/** The words of audio description (control, settings, transcript lines), in the player's UI language. */
import type { SpeechFallback } from '../core/description-scheduler.ts';

export interface DescriptionStrings {
  /** The control bar button's name, with its state; it contains the "AD" it shows (WCAG 2.5.3). */
  button: (on: boolean) => string;
  /** The settings submenu's name, and its state in a word. */
  menu: string;
  menuHint: (delivery: 'announce' | 'speech' | null) => string;
  delivery: string;
  announce: string;
  speech: string;
  rate: string;
  extended: string;
  spokenSubtitles: string;
  /** Said once, when the player cannot speak and announces instead. */
  fallback: (reason: SpeechFallback) => string;
  /** Before a description in the transcript, e.g. "Description : ". */
  line: string;
}

const fr: DescriptionStrings = {
  button: (on) => (on ? 'AD, audiodescription activée' : 'AD, audiodescription désactivée'),
  menu: 'Audiodescription',
  menuHint: (delivery) => (delivery === 'speech' ? 'Lue' : delivery === 'announce' ? 'Annoncée' : 'Désactivée'),
  delivery: 'Les descriptions sont',
  announce: 'annoncées à mon lecteur d’écran',
  speech: 'lues par le lecteur vidéo (voix de synthèse)',
  rate: 'Débit de la voix',
  extended: 'Mettre la vidéo en pause le temps d’une longue description',
  spokenSubtitles: 'Lire aussi les sous-titres à voix haute',
  fallback: (reason) =>
    reason === 'no-voice'
      ? 'Aucune voix de synthèse dans la langue des descriptions : elles sont annoncées à votre lecteur d’écran.'
      : reason === 'error'
        ? 'La voix de synthèse a échoué : les descriptions sont annoncées à votre lecteur d’écran.'
        : 'Ce navigateur n’a pas de voix de synthèse : les descriptions sont annoncées à votre lecteur d’écran.',
  line: 'Description\u00a0: ',
};

const en: DescriptionStrings = {
  button: (on) => (on ? 'AD, audio description on' : 'AD, audio description off'),
  menu: 'Audio description',
  menuHint: (delivery) => (delivery === 'speech' ? 'Read aloud' : delivery === 'announce' ? 'Announced' : 'Off'),
  delivery: 'Descriptions are',
  announce: 'announced to my screen reader',
  speech: 'read by the video player (synthetic voice)',
  rate: 'Voice rate',
  extended: 'Pause the video during a long description',
  spokenSubtitles: 'Also read subtitles aloud',
  fallback: (reason) =>
    reason === 'no-voice'
      ? 'No synthetic voice for the descriptions’ language: they are announced to your screen reader.'
      : reason === 'error'
        ? 'The synthetic voice failed: descriptions are announced to your screen reader.'
        : 'This browser has no synthetic voice: descriptions are announced to your screen reader.',
  line: 'Description: ',
};

export function descriptionStrings(lang: string): DescriptionStrings {
  return lang.toLowerCase().startsWith('en') ? en : fr;
}
