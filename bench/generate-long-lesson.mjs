#!/usr/bin/env node
/**
 * Writes a generated lesson for the scale benchmark: N caption cues, M contiguous chapters with one note each,
 * over a given duration. The media is the project's own 229 s stand-in WebM (no media tools at bench time): the
 * lesson is longer than its video, which the load, DOM, memory and per-frame figures do not depend on, and a seek
 * past the video's end is clamped to it by the controller.
 *
 *   node bench/generate-long-lesson.mjs <out-dir> [--cues 4000] [--chapters 60] [--duration 10800] [--id long]
 *
 * <out-dir> is served so that <out-dir>/../media/ holds the project's media (as the bench's build dir does).
 * Text is pseudo-random French words from a fixed seed: the same files every run.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const WORDS = (
  'le la les un une des du de et à en pour sur avec dans par que qui ne pas plus agent service public usager ' +
  'équipe produit administration process validation crise politique sécurité données formulaire démarche ' +
  'numérique innovation projet budget direction ministère terrain besoin mesure impact utilisateur code ' +
  'déploiement mise production risque décision calendrier réunion comité preuve expérimentation'
).split(' ');

function vttTime(seconds) {
  const ms = Math.round(seconds * 1000);
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const pad = (n, w = 2) => String(n).padStart(w, '0');
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(ms % 1000, 3)}`;
}

/** A small deterministic PRNG (mulberry32). */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * @param {string} outDir
 * @param {{ cues?: number, chapters?: number, duration?: number, id?: string }} [options]
 * @returns {string} the manifest's path
 */
export function generateLesson(outDir, { cues = 4000, chapters = 60, duration = 10800, id = 'long' } = {}) {
  const rand = random(cues * 7919 + chapters);
  const sentence = (min, max) => {
    const n = min + Math.floor(rand() * (max - min + 1));
    const words = Array.from({ length: n }, () => WORDS[Math.floor(rand() * WORDS.length)]);
    words[0] = words[0][0].toUpperCase() + words[0].slice(1);
    return `${words.join(' ')}.`;
  };
  mkdirSync(join(outDir, 'notes'), { recursive: true });
  const step = duration / cues;
  const captions = ['WEBVTT', ''];
  for (let i = 0; i < cues; i++) {
    const start = i * step;
    const end = start + step * 0.92;
    // About one cue in three on two lines, as captions are.
    const text = rand() < 0.33 ? `${sentence(3, 6)}\n${sentence(3, 6)}` : sentence(5, 10);
    captions.push(`c${i + 1}`, `${vttTime(start)} --> ${vttTime(end)}`, text, '');
  }
  const chapterVtt = ['WEBVTT', ''];
  const notes = {};
  const chapterStep = duration / chapters;
  for (let i = 0; i < chapters; i++) {
    const chapterId = `chapitre-${String(i + 1).padStart(2, '0')}`;
    chapterVtt.push(chapterId, `${vttTime(i * chapterStep)} --> ${vttTime((i + 1) * chapterStep)}`, `Chapitre ${i + 1} : ${sentence(2, 5).slice(0, -1)}`, '');
    notes[chapterId] = `notes/${chapterId}.md`;
    writeFileSync(join(outDir, notes[chapterId]), `## Chapitre ${i + 1}\n\n${sentence(8, 14)} ${sentence(8, 14)}\n\n- ${sentence(4, 8)}\n- ${sentence(4, 8)}\n`);
  }
  writeFileSync(join(outDir, `${id}.fr.vtt`), captions.join('\n'));
  writeFileSync(join(outDir, `${id}.chapters.fr.vtt`), chapterVtt.join('\n'));
  const manifest = {
    version: 1,
    id,
    title: { fr: `Leçon générée (${cues} répliques, ${chapters} chapitres)` },
    language: 'fr',
    duration,
    media: [{ src: '../media/survivre-en-milieu-hostile.webm', type: 'video/webm' }],
    captions: [{ lang: 'fr', label: 'Français', kind: 'captions', src: `${id}.fr.vtt`, default: true }],
    chapters: [{ lang: 'fr', src: `${id}.chapters.fr.vtt` }],
    notes: { fr: notes },
  };
  const path = join(outDir, `${id}.json`);
  writeFileSync(path, `${JSON.stringify(manifest, null, 2)}\n`);
  return path;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const outDir = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
  if (!outDir) {
    console.error('usage: node bench/generate-long-lesson.mjs <out-dir> [--cues 4000] [--chapters 60] [--duration 10800] [--id long]');
    process.exit(2);
  }
  const option = (name) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const num = (name) => (option(name) === undefined ? undefined : Number(option(name)));
  const path = generateLesson(resolve(outDir), { cues: num('cues'), chapters: num('chapters'), duration: num('duration'), id: option('id') });
  console.log(`wrote ${path}`);
}
