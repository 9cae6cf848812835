/**
 * Lesson problems in the UI language. The core (shared with the CLI, whose output stays English) words each problem
 * in English and gives it a stable `rule` and, where a value matters, `params`. The player shows the learner only the
 * problems that concern them (core/problem-audience.ts), and words each of those from `rule` + `params` in French,
 * never quoting the English message inside a French sentence; in English the core's message is the wording.
 * Problems the learner is not shown go to the console, in English, for the lesson's author.
 */
import type { LessonProblem } from '../core/types.ts';

type Params = Record<string, string | number>;
/** A problem's wording: `detail` is the English message, for templates that quote it. */
type Template = (params: Params, detail: string) => string;

/** HTTP status → what it means for the reader (the number alone is for the site's maintainer). */
function statusFr(status: unknown): string {
  const code = Number(status);
  if (code === 404 || code === 410) return `le fichier est introuvable sur le serveur (erreur ${code})`;
  if (code === 401 || code === 403) return `le serveur en refuse l’accès (erreur ${code})`;
  if (code >= 500) return `le serveur a rencontré une erreur (erreur ${code})`;
  return `le serveur a répondu par une erreur (${code})`;
}

const fr: Record<string, Template> = {
  'fetch-status': (p) => statusFr(p.status),
  'fetch-timeout': (p) => `le serveur n’a pas répondu en ${String(p.seconds).replace('.', ',')}\u00a0s`,
  'fetch-network': (p) => `le fichier n’a pas pu être téléchargé (erreur réseau${p.reason ? `\u00a0: ${p.reason}` : ''})`,
  'fetch-truncated': () => 'le téléchargement a été interrompu avant la fin du fichier',
  'fetch-content-type': (p) => `le serveur l’envoie avec un type de contenu inattendu («\u00a0${p.type}\u00a0»)`,
  'file-empty': () => 'le fichier est vide',
  'file-binary': () => 'le fichier contient un octet nul\u00a0: c’est un fichier binaire, pas du texte UTF-8',
  'file-encoding': (p) =>
    p.encoding === 'UTF-16'
      ? 'le fichier est encodé en UTF-16\u00a0: enregistrez-le en UTF-8'
      : `le fichier n’est pas en UTF-8 valide${p.byte ? ` (octet ${p.byte})` : ''}\u00a0: enregistrez-le en UTF-8`,
  'manifest-json': () => 'le fichier n’est pas du JSON valide, il est peut-être tronqué',
  'track-empty': () => 'le fichier ne contient aucun texte minuté lisible',
  'media-error': (p) =>
    p.reason === 'decode'
      ? 'la vidéo n’a pas pu être décodée (fichier abîmé ou format non pris en charge)'
      : 'aucune des sources de la vidéo n’a pu être lue (fichier introuvable, inaccessible ou dans un format inattendu)',
  'media-stream-fallback': () => 'le flux adaptatif n’a pas pu être lu\u00a0: la vidéo continue depuis le fichier complet',
  'poster-error': () => 'l’image n’a pas pu être chargée (fichier introuvable ou qui n’est pas une image)',
};

/** Any error in the manifest, by the JSON path it concerns (the English message details it in the console). */
const manifestFr: Template = (p) =>
  p.scheme
    ? `l’adresse «\u00a0${p.path}\u00a0» utilise le schéma «\u00a0${p.scheme}\u00a0», qui est refusé`
    : `la description de la leçon est invalide en «\u00a0${p.path ?? '(racine)'}\u00a0» (détail dans la console du navigateur)`;

const TEMPLATES: Record<string, Record<string, Template>> = { fr };
const MANIFEST_TEMPLATES: Record<string, Template> = { fr: manifestFr };

/** The problem's sentence (without the file name) in `lang`; the English message in English. */
export function localizeProblem(problem: LessonProblem, lang: string): string {
  const template = TEMPLATES[lang]?.[problem.rule] ?? (problem.kind === 'manifest' ? MANIFEST_TEMPLATES[lang] : undefined);
  if (!template) return problem.message;
  try {
    return template(problem.params ?? {}, problem.message);
  } catch {
    return problem.message;
  }
}

/** Rules that have a French wording (for tests: every fault the player reports itself must have one). */
export const LOCALIZED_RULES = Object.keys(fr);
