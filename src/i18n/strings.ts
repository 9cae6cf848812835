/** UI strings of the lesson player, French first. Functions take values so that word order can differ. */

export interface UiStrings {
  lang: 'fr' | 'en';
  loading: string;
  loadFailed: string;
  player: string;
  transcript: string;
  chapters: string;
  notes: string;
  currentChapter: string;
  searchLabel: string;
  searchPlaceholder: string;
  searchNext: string;
  searchPrevious: string;
  searchClear: string;
  searchCount: (index: number, total: number) => string;
  searchNone: string;
  /** Label of the search matches' marks on the seek bar. */
  searchMarks: string;
  resumeFollowing: string;
  copyLink: string;
  linkCopied: string;
  copyLinkTo: (time: string) => string;
  /** Shown when the clipboard refuses: the link is selected in a field for the reader to copy. */
  linkSelected: string;
  /** The transcript's keys, shown while its list of lines has the focus. */
  transcriptKeysHint: string;
  seekTo: (time: string) => string;
  notesFor: (title: string) => string;
  openNotes: string;
  backToVideo: string;
  backToVideoAt: (title: string) => string;
  noNotes: string;
  followVideo: string;
  notesLoading: string;
  notesFailed: string;
  chapterNow: (title: string) => string;
  /** The full transcript (text alternative): its link and the slides' descriptions. */
  fullTranscript: string;
  slide: string;
  chapterOf: (n: number, total: number) => string;
  problemIn: (file: string) => string;
  line: (line: number, col?: number) => string;
  fileKinds: Record<string, string>;
  errorsHeading: string;
  /** "3 problèmes": the count in a file's summary of the problems list. */
  problemCount: (n: number) => string;
  /** The colon between a label and its text: French puts a space before it. */
  colon: string;
  /**
   * The player library's own controls, by its English words; plus `Video Player` (its region's name) and `out of`
   * (between two times in the time slider's value), which it does not translate itself (see vidstack-adapter.ts).
   */
  media: Record<string, string>;
  /** The "Embed" dialog and the embed's panel tabs. */
  embed: {
    open: string;
    title: string;
    intro: string;
    startAt: (time: string) => string;
    iframe: string;
    component: string;
    copy: (what: string) => string;
    copyButton: string;
    copied: string;
    copyFailed: string;
    close: string;
    video: string;
    panels: string;
  };
}

const fr: UiStrings = {
  lang: 'fr',
  loading: 'Chargement de la leçon…',
  loadFailed: 'La leçon n’a pas pu être chargée.',
  player: 'Lecteur vidéo',
  transcript: 'Transcription',
  chapters: 'Chapitres',
  notes: 'Notes',
  currentChapter: 'Chapitre en cours',
  searchLabel: 'Rechercher dans la transcription',
  searchPlaceholder: 'Rechercher…',
  searchNext: 'Résultat suivant',
  searchPrevious: 'Résultat précédent',
  searchClear: 'Effacer la recherche',
  searchCount: (i, n) => `${i} sur ${n}`,
  searchNone: 'Aucun résultat',
  searchMarks: 'Résultats de la recherche',
  resumeFollowing: 'Reprendre le suivi',
  copyLink: 'Copier le lien vers ce moment',
  linkCopied: 'Lien copié',
  copyLinkTo: (t) => `Copier le lien vers ${t}`,
  linkSelected: 'Lien sélectionné\u00a0: copiez-le avec Ctrl+C',
  transcriptKeysHint: 'Flèches\u00a0: changer de ligne · Maj+flèches\u00a0: sélectionner des lignes · Entrée\u00a0: aller à ce moment · C\u00a0: copier le lien · N\u00a0: ajouter une note',
  seekTo: (t) => `Aller à ${t}`,
  notesFor: (title) => `Notes : ${title}`,
  openNotes: 'Notes',
  backToVideo: 'Revenir à la vidéo',
  backToVideoAt: (title) => `Revenir à la vidéo au chapitre « ${title} »`,
  noNotes: 'Pas de notes pour ce chapitre.',
  followVideo: 'Suivre la vidéo',
  notesLoading: 'Chargement des notes…',
  notesFailed: 'Les notes n’ont pas pu être affichées.',
  chapterNow: (title) => `Chapitre : ${title}`,
  fullTranscript: 'Transcription complète',
  slide: 'Diapositive',
  chapterOf: (n, total) => `Chapitre ${n} / ${total}`,
  problemIn: (file) => `Problème dans ${file}`,
  line: (line, col) => (col ? `ligne ${line}, colonne ${col}` : `ligne ${line}`),
  fileKinds: {
    manifest: 'le manifeste de la leçon',
    captions: 'les sous-titres',
    chapters: 'les chapitres',
    descriptions: 'l’audiodescription',
    notes: 'les notes',
    media: 'la vidéo',
    poster: 'l’image d’affiche',
    thumbnails: 'les vignettes',
  },
  errorsHeading: 'Problèmes de chargement',
  problemCount: (n) => `${n} problèmes`,
  colon: '\u00a0: ',
  embed: {
    open: 'Intégrer',
    title: 'Intégrer cette leçon dans un site',
    intro: 'Copiez l’un de ces codes dans votre page.',
    startAt: (t) => `Commencer à ${t}`,
    iframe: 'Iframe (tout site)',
    component: 'Composant web (script et balise)',
    copy: (what) => `Copier le code : ${what}`,
    copyButton: 'Copier',
    copied: 'Code copié',
    copyFailed: 'Copie refusée\u00a0: le code est sélectionné, copiez-le avec Ctrl+C',
    close: 'Fermer',
    video: 'Vidéo',
    panels: 'Contenu de la leçon',
  },
  media: {
    Announcements: 'Annonces',
    Accessibility: 'Accessibilité',
    AirPlay: 'AirPlay',
    Audio: 'Audio',
    Auto: 'Auto',
    Boost: 'Amplification',
    Captions: 'Sous-titres',
    Casual: 'Décontractée',
    'Caption Styles': 'Style des sous-titres',
    'Captions look like this': 'Les sous-titres ressemblent à ceci',
    Chapters: 'Chapitres',
    'Closed-Captions Off': 'Sous-titres désactivés',
    'Closed-Captions On': 'Sous-titres activés',
    Connected: 'Connecté',
    'Current time': 'Position',
    Continue: 'Continuer',
    Cursive: 'Cursive',
    Depressed: 'En creux',
    Connecting: 'Connexion',
    Default: 'Par défaut',
    Disabled: 'Désactivés',
    'Disable captions': 'Désactiver les sous-titres',
    Disconnected: 'Déconnecté',
    'Display Background': 'Fond de la zone',
    'Drop Shadow': 'Ombre portée',
    Download: 'Télécharger',
    Duration: 'Durée',
    'Enable captions': 'Activer les sous-titres',
    'Enter Fullscreen': 'Plein écran',
    'Enter PiP': 'Image dans l’image',
    'Exit Fullscreen': 'Quitter le plein écran',
    'Exit PiP': 'Quitter l’image dans l’image',
    Font: 'Police',
    Family: 'Famille',
    Forward: 'Avancer',
    Fullscreen: 'Plein écran',
    'Go back to previous menu': 'Revenir au menu précédent',
    'Google Cast': 'Google Cast',
    'Keyboard Animations': 'Animations du clavier',
    LIVE: 'DIRECT',
    Loop: 'Boucle',
    'Monospaced Sans-Serif': 'Sans empattement à chasse fixe',
    'Monospaced Serif': 'Avec empattement à chasse fixe',
    Mute: 'Couper le son',
    None: 'Aucune',
    Normal: 'Normale',
    Off: 'Désactivé',
    'out of': 'sur',
    Outline: 'Contour',
    Pause: 'Pause',
    Play: 'Lecture',
    Playback: 'Lecture',
    PiP: 'Image dans l’image',
    'Proportional Sans-Serif': 'Sans empattement proportionnelle',
    'Proportional Serif': 'Avec empattement proportionnelle',
    Quality: 'Qualité',
    Raised: 'En relief',
    Replay: 'Revoir',
    Reset: 'Réinitialiser',
    Restart: 'Recommencer',
    Rewind: 'Reculer',
    'Seek Backward': 'Reculer',
    'Seek Forward': 'Avancer',
    Seek: 'Position',
    Settings: 'Paramètres',
    'Skip To Live': 'Aller au direct',
    'Small Capitals': 'Petites capitales',
    Speed: 'Vitesse',
    Size: 'Taille',
    Color: 'Couleur',
    Opacity: 'Opacité',
    Shadow: 'Ombre',
    Text: 'Texte',
    'Text Background': 'Fond du texte',
    Track: 'Piste',
    Unmute: 'Rétablir le son',
    'Video Player': 'Lecteur vidéo',
    Volume: 'Volume',
  },
};

const en: UiStrings = {
  lang: 'en',
  loading: 'Loading the lesson…',
  loadFailed: 'The lesson could not be loaded.',
  player: 'Video player',
  transcript: 'Transcript',
  chapters: 'Chapters',
  notes: 'Notes',
  currentChapter: 'Current chapter',
  searchLabel: 'Search the transcript',
  searchPlaceholder: 'Search…',
  searchNext: 'Next match',
  searchPrevious: 'Previous match',
  searchClear: 'Clear the search',
  searchCount: (i, n) => `${i} of ${n}`,
  searchNone: 'No match',
  searchMarks: 'Search results',
  resumeFollowing: 'Resume following',
  copyLink: 'Copy link to this moment',
  linkCopied: 'Link copied',
  copyLinkTo: (t) => `Copy link to ${t}`,
  linkSelected: 'Link selected: copy it with Ctrl+C',
  transcriptKeysHint: 'Arrows: move between lines · Shift+arrows: select lines · Enter: go to this moment · C: copy the link · N: add a note',
  seekTo: (t) => `Go to ${t}`,
  notesFor: (title) => `Notes: ${title}`,
  openNotes: 'Notes',
  backToVideo: 'Back to the video',
  backToVideoAt: (title) => `Back to the video at chapter “${title}”`,
  noNotes: 'No notes for this chapter.',
  followVideo: 'Follow the video',
  notesLoading: 'Loading the notes…',
  notesFailed: 'The notes could not be shown.',
  chapterNow: (title) => `Chapter: ${title}`,
  fullTranscript: 'Full transcript',
  slide: 'Slide',
  chapterOf: (n, total) => `Chapter ${n} / ${total}`,
  problemIn: (file) => `Problem in ${file}`,
  line: (line, col) => (col ? `line ${line}, column ${col}` : `line ${line}`),
  fileKinds: {
    manifest: 'the lesson manifest',
    captions: 'the captions',
    chapters: 'the chapters',
    descriptions: 'the audio description',
    notes: 'the notes',
    media: 'the video',
    poster: 'the poster image',
    thumbnails: 'the thumbnails',
  },
  errorsHeading: 'Loading problems',
  problemCount: (n) => `${n} problems`,
  colon: ': ',
  embed: {
    open: 'Embed',
    title: 'Embed this lesson in a site',
    intro: 'Copy one of these codes into your page.',
    startAt: (t) => `Start at ${t}`,
    iframe: 'Iframe (any site)',
    component: 'Web component (script and tag)',
    copy: (what) => `Copy the code: ${what}`,
    copyButton: 'Copy',
    copied: 'Code copied',
    copyFailed: 'Copy refused: the code is selected, copy it with Ctrl+C',
    close: 'Close',
    video: 'Video',
    panels: 'Lesson content',
  },
  media: {},
};

/** Picks the UI language from a BCP 47 tag: English for `en*`, French otherwise (the default). */
export function uiStrings(lang: string | null | undefined): UiStrings {
  return lang?.toLowerCase().startsWith('en') ? en : fr;
}
