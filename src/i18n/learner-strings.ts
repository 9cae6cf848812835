/** UI strings of the learner's features (own notes, progress, resume, the lesson as a document), French first. */
import type { ImportProblem } from '../learner/notes-markdown.ts';
import type { StorageProblem } from '../learner/learner-storage.ts';

export interface LearnerStrings {
  panel: string;
  myNotes: string;
  addNote: string;
  addNoteAt: (time: string) => string;
  noteAt: (time: string) => string;
  noteLabel: (time: string) => string;
  /** The time button's name: its visible time first (WCAG 2.5.3, label in name), then what it does. */
  seekToNote: (shown: string, spoken: string) => string;
  deleteNote: string;
  deleteNoteAt: (time: string) => string;
  noteDeleted: string;
  undo: string;
  noteRestored: string;
  noteAdded: (time: string) => string;
  exportNotes: string;
  importNotes: string;
  imported: (added: number, updated: number) => string;
  importFailed: string;
  importProblem: (p: ImportProblem) => string;
  notesHeading: string;
  progress: (percent: number) => string;
  watchedFull: string;
  watchedPart: string;
  notWatched: string;
  resumeAt: (time: string) => string;
  resume: string;
  dismiss: string;
  clearData: string;
  clearConfirm: string;
  clearYes: string;
  clearNo: string;
  cleared: string;
  downloadTxt: string;
  downloadVtt: string;
  printVersion: string;
  /** The disclosure that holds the less frequent tools: export, import, downloads, print, clear. */
  tools: string;
  printWithMyNotes: string;
  transcriptDocument: string;
  authoredNotes: string;
  problem: (p: StorageProblem) => string;
  /** The learning platform keeps the place and progress, not the notes (SCORM 1.2's 4 096 characters). */
  notesOnlyHere: string;
}

const fr: LearnerStrings = {
  panel: 'Mon suivi',
  myNotes: 'Mes notes',
  addNote: 'Ajouter une note',
  addNoteAt: (t) => `Ajouter une note à ${t}`,
  noteAt: (t) => `Note à ${t}`,
  noteLabel: (t) => `Ma note à ${t}`,
  seekToNote: (shown, spoken) => `${shown}, aller à ${spoken}`,
  deleteNote: 'Supprimer',
  deleteNoteAt: (t) => `Supprimer la note à ${t}`,
  noteDeleted: 'Note supprimée.',
  undo: 'Annuler',
  noteRestored: 'Note rétablie.',
  noteAdded: (t) => `Note ajoutée à ${t}.`,
  exportNotes: 'Exporter mes notes (.md)',
  importNotes: 'Importer des notes (.md)',
  imported: (a, u) => `${a} note${a > 1 ? 's' : ''} ajoutée${a > 1 ? 's' : ''}, ${u} mise${u > 1 ? 's' : ''} à jour.`,
  importFailed: 'Ce fichier n’a pas pu être importé.',
  importProblem: (p) => {
    const at = p.line ? ` (ligne ${p.line})` : '';
    switch (p.code) {
      case 'too-large':
        return 'Le fichier est trop gros pour des notes (1 Mo au plus).';
      case 'not-notes':
        return 'Ce fichier ne contient pas de notes exportées par le lecteur.';
      case 'other-lesson':
        return `Ces notes sont celles d’une autre leçon (« ${p.detail ?? ''} »)${at}.`;
      case 'newer-version':
        return `Ce fichier vient d’une version plus récente du lecteur${at}.`;
      case 'bad-time':
        return `Un titre de note n’indique pas de moment lisible, par exemple « ### 2:11 »${at}.`;
      case 'text-outside-note':
        return `Du texte se trouve en dehors d’une note${at}.`;
      case 'too-long':
        return `Une note est trop longue${at}.`;
    }
  },
  notesHeading: 'Mes notes',
  progress: (p) => `${p} % de la leçon vue`,
  watchedFull: 'vu en entier',
  watchedPart: 'vu en partie',
  notWatched: 'pas encore vu',
  resumeAt: (t) => `Reprendre à ${t}\u00a0?`,
  resume: 'Reprendre',
  dismiss: 'Ignorer',
  clearData: 'Effacer mes données de cette leçon',
  clearConfirm: 'Effacer vos notes, votre progression et votre position pour cette leçon\u00a0? Cette action est définitive.',
  clearYes: 'Effacer',
  clearNo: 'Garder',
  cleared: 'Vos données de cette leçon ont été effacées.',
  downloadTxt: 'Télécharger la transcription (.txt)',
  downloadVtt: 'Télécharger les sous-titres (.vtt)',
  printVersion: 'Version imprimable',
  tools: 'Exporter, télécharger, imprimer',
  printWithMyNotes: 'Inclure mes notes',
  transcriptDocument: 'Transcription',
  authoredNotes: 'Notes du chapitre',
  notesOnlyHere: 'Vos notes sont trop longues pour la plateforme de formation\u00a0: elle garde votre position et votre progression, vos notes restent dans ce navigateur.',
  problem: (p) => {
    switch (p) {
      case 'unavailable':
        return 'Vos notes et votre progression ne peuvent pas être enregistrées dans ce navigateur\u00a0: elles seront perdues en quittant la page. Exportez vos notes pour les garder.';
      case 'write-failed':
        return 'L’enregistrement a échoué (stockage plein ou refusé)\u00a0: vos dernières modifications ne sont gardées que dans cette page. Exportez vos notes pour les garder.';
      case 'corrupt':
        return 'Les notes et la progression enregistrées pour cette leçon étaient illisibles\u00a0: elles ont été mises de côté et vous repartez de zéro.';
      case 'newer':
        return 'Vos données ont été enregistrées par une version plus récente du lecteur\u00a0: elles ne sont pas modifiées ici et vos changements ne seront pas gardés.';
    }
  },
};

const en: LearnerStrings = {
  panel: 'My learning',
  myNotes: 'My notes',
  addNote: 'Add a note',
  addNoteAt: (t) => `Add a note at ${t}`,
  noteAt: (t) => `Note at ${t}`,
  noteLabel: (t) => `My note at ${t}`,
  seekToNote: (shown, spoken) => `${shown}, go to ${spoken}`,
  deleteNote: 'Delete',
  deleteNoteAt: (t) => `Delete the note at ${t}`,
  noteDeleted: 'Note deleted.',
  undo: 'Undo',
  noteRestored: 'Note restored.',
  noteAdded: (t) => `Note added at ${t}.`,
  exportNotes: 'Export my notes (.md)',
  importNotes: 'Import notes (.md)',
  imported: (a, u) => `${a} note${a === 1 ? '' : 's'} added, ${u} updated.`,
  importFailed: 'This file could not be imported.',
  importProblem: (p) => {
    const at = p.line ? ` (line ${p.line})` : '';
    switch (p.code) {
      case 'too-large':
        return 'The file is too large for notes (1 MB at most).';
      case 'not-notes':
        return 'This file holds no notes exported by the player.';
      case 'other-lesson':
        return `These notes belong to another lesson (“${p.detail ?? ''}”)${at}.`;
      case 'newer-version':
        return `This file comes from a newer version of the player${at}.`;
      case 'bad-time':
        return `A note heading has no readable moment, e.g. “### 2:11”${at}.`;
      case 'text-outside-note':
        return `Some text is outside any note${at}.`;
      case 'too-long':
        return `A note is too long${at}.`;
    }
  },
  notesHeading: 'My notes',
  progress: (p) => `${p}% of the lesson watched`,
  watchedFull: 'watched in full',
  watchedPart: 'partly watched',
  notWatched: 'not watched yet',
  resumeAt: (t) => `Resume at ${t}?`,
  resume: 'Resume',
  dismiss: 'Dismiss',
  clearData: 'Clear my data for this lesson',
  clearConfirm: 'Clear your notes, progress and position for this lesson? This cannot be undone.',
  clearYes: 'Clear',
  clearNo: 'Keep',
  cleared: 'Your data for this lesson was cleared.',
  downloadTxt: 'Download the transcript (.txt)',
  downloadVtt: 'Download the captions (.vtt)',
  printVersion: 'Printable version',
  tools: 'Export, download, print',
  printWithMyNotes: 'Include my notes',
  transcriptDocument: 'Transcript',
  authoredNotes: 'Chapter notes',
  notesOnlyHere: 'Your notes are too long for the learning platform: it keeps your place and progress, your notes stay in this browser.',
  problem: (p) => {
    switch (p) {
      case 'unavailable':
        return 'Your notes and progress cannot be saved in this browser: they will be lost when you leave the page. Export your notes to keep them.';
      case 'write-failed':
        return 'Saving failed (storage full or refused): your latest changes are kept in this page only. Export your notes to keep them.';
      case 'corrupt':
        return 'The notes and progress saved for this lesson could not be read: they were set aside and you start afresh.';
      case 'newer':
        return 'Your data was saved by a newer version of the player: it is left unchanged here and your changes will not be kept.';
    }
  },
};

export function learnerStrings(lang: string | null | undefined): LearnerStrings {
  return lang?.toLowerCase().startsWith('en') ? en : fr;
}
