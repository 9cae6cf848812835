/**
 * `lesson-player package <manifest> --scorm 1.2|2004 | --format cmi5 [--activity-id IRI] [-o lesson.zip]
 * [--complete-at 90]`: a SCORM or cmi5 package a learning platform imports (Moodle: activity "SCORM package"). The
 * zip holds `imsmanifest.xml` (SCORM) or `cmi5.xml` (cmi5), a launch page that turns the player's bridge on, the library build and every file of the lesson (media, poster, thumbnails and
 * their images, caption tracks, chapters, notes), all relative: nothing is requested outside the package.
 *
 * Everything is checked before anything is written: lint errors, a missing or remote file, an unknown version stop
 * the command with one line (exit status 2) and no zip. The zip is written beside its name and renamed into place,
 * so a failure never leaves a partial one.
 */
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { lessonTitle } from '../core/lesson-title.ts';
import type { LessonManifest } from '../core/types.ts';
import { isPlaylist, playlistReferences } from '../core/m3u8.ts';
import { eachArgument, MissingValue } from './command-args.ts';
import { lintPaths } from './lint.ts';
import type { RunResult } from './main.ts';
import { cmi5Structure } from './cmi5-structure.ts';
import { imsManifest, LAUNCH_CSS, LAUNCH_PAGE, launchPage, type PackageFormat } from './scorm-manifest.ts';
import { zipArchive, type ZipEntry } from './zip-writer.ts';

class Refused extends Error {}

/** The library build the package carries (`vite build` writes it; the npm package ships it). */
export const LIBRARY_DIR = resolve(import.meta.dirname, '../../dist/lib');
const DEFAULT_COMPLETE_AT = 90;

interface PackageOptions {
  manifest: string;
  version: PackageFormat;
  output?: string;
  completeAt: number;
  /** cmi5: the course's IRI. */
  activityId?: string;
}

function parsePackageArgs(argv: readonly string[]): PackageOptions | 'help' {
  let manifest: string | undefined;
  let version: string | undefined;
  let output: string | undefined;
  let completeAt = DEFAULT_COMPLETE_AT;
  let format: string | undefined;
  let activityId: string | undefined;
  const help = eachArgument(argv, (arg, flag, value) => {
    if (flag === '-h' || flag === '--help') return 'help';
    else if (flag === '--scorm') version = value();
    else if (flag === '--format') format = value();
    else if (flag === '--activity-id') activityId = value();
    else if (flag === '-o' || flag === '--output') output = value();
    else if (flag === '--complete-at') {
      const text = value();
      completeAt = Number(text);
      if (!/^\d+$/.test(text) || completeAt < 1 || completeAt > 100) throw new Refused(`--complete-at: "${text}" is not a whole percentage from 1 to 100`);
    } else if (flag.startsWith('-')) throw new Refused(`unknown option ${flag}`);
    else if (manifest === undefined) manifest = arg;
    else throw new Refused(`one lesson at a time ("${arg}" too)`);
  });
  if (help) return help;
  if (!manifest) throw new Refused('which lesson? (lesson-player package <manifest> --scorm 1.2|2004 | --format cmi5 [-o lesson.zip])');
  if (format !== undefined && format !== 'cmi5') throw new Refused(`--format: unknown format "${format}" (cmi5; for SCORM, --scorm 1.2 or 2004)`);
  if (format && version !== undefined) throw new Refused('--scorm or --format cmi5: one package format at a time');
  if (activityId !== undefined && !format) throw new Refused('--activity-id is for --format cmi5');
  if (activityId !== undefined && !/^[a-z][a-z0-9+.-]*:\S+$/i.test(activityId)) throw new Refused(`--activity-id: "${activityId}" is not an IRI (https://… or urn:…)`);
  if (format === 'cmi5') return { manifest, version: 'cmi5', output, completeAt, activityId };
  if (version === undefined) throw new Refused('which format? --scorm 1.2, --scorm 2004 or --format cmi5');
  if (version !== '1.2' && version !== '2004') throw new Refused(`--scorm: unknown version "${version}" (1.2 or 2004)`);
  return { manifest, version, output, completeAt };
}

/** Every file a lesson manifest names, as written in it (relative to the manifest). */
function referencedFiles(manifest: LessonManifest): string[] {
  return [
    ...manifest.media.map((m) => m.src),
    ...(manifest.poster ? [manifest.poster] : []),
    ...(manifest.thumbnails ? [manifest.thumbnails] : []),
    ...manifest.captions.map((c) => c.src),
    ...(manifest.chapters ?? []).map((c) => c.src),
    ...(manifest.descriptions ?? []).map((d) => d.src),
    ...Object.values(manifest.notes ?? {}).flatMap((byChapter) => Object.values(byChapter)),
  ];
}

/** A file named in `from` (relative to it), which must exist inside the lesson's folder; `named` is said in errors. */
function localFile(ref: string, from: string, named: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith('/')) throw new Refused(`${named}: "${ref}" is outside the lesson folder; a package carries every file (use a relative path)`);
  const abs = resolve(dirname(from), decodeURI(ref.split(/[?#]/)[0]!));
  if (!existsSync(abs) || !statSync(abs).isFile()) throw new Refused(`${named}: "${ref}" does not exist`);
  return abs;
}

/** Every file an HLS playlist names, its variant playlists' own included: a package carries the whole stream. */
function streamFiles(playlist: string, named: string): string[] {
  const files = new Set<string>();
  const pending = [playlist];
  while (pending.length) {
    const current = pending.pop()!;
    for (const ref of playlistReferences(readFileSync(current, 'utf8'))) {
      const abs = localFile(ref, current, named);
      if (files.has(abs)) continue;
      files.add(abs);
      if (isPlaylist(ref)) pending.push(abs);
    }
  }
  return [...files];
}

/** The images a thumbnails track points at (`sprite.jpg#xywh=…`), relative to the track. */
function thumbnailImages(vtt: string): string[] {
  const images = new Set<string>();
  for (const block of vtt.replace(/\r\n?/g, '\n').split(/\n\n+/)) {
    const lines = block.split('\n');
    const timing = lines.findIndex((l) => l.includes('-->'));
    const target = timing >= 0 ? lines[timing + 1]?.trim() : undefined;
    if (target) images.add(target.split('#')[0]!);
  }
  return [...images];
}

/** A path inside the package (forward slashes) for a file under `root`. */
const packagePath = (prefix: string, root: string, file: string) => `${prefix}/${relative(root, file).split(sep).join('/')}`;

function commonDirectory(files: readonly string[]): string {
  let root = dirname(files[0]!);
  while (!files.every((f) => f.startsWith(root.endsWith(sep) ? root : root + sep))) root = dirname(root);
  return root;
}

function listLibrary(dir: string): string[] {
  if (!existsSync(join(dir, 'lesson-player.js'))) throw new Refused(`the player library is not built (no ${join(dir, 'lesson-player.js')}): run npm run build`);
  const files: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const abs = join(d, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'types') walk(abs);
      } else if (/\.(js|css)$/.test(entry.name)) files.push(abs);
    }
  };
  walk(dir);
  return files.sort();
}

function buildPackage(options: PackageOptions, cwd: string, libraryDir: string): { output: string; entries: ZipEntry[]; title: string } {
  const manifestPath = resolve(cwd, options.manifest);
  if (!existsSync(manifestPath) || !statSync(manifestPath).isFile()) throw new Refused(`${options.manifest}: no such file`);
  const lint = lintPaths([manifestPath], { cwd, captionRules: {}, ruleSettings: {} });
  const errors = lint.findings.filter((f) => f.severity === 'error');
  if (errors.length) {
    const first = errors[0]!;
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more: lesson-player lint ${options.manifest})` : '';
    throw new Refused(`${first.file}${first.line ? `:${first.line}` : ''}: ${first.message}${more}`);
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as LessonManifest;
  const lessonFiles = new Set([manifestPath]);
  for (const ref of referencedFiles(manifest)) {
    const abs = localFile(ref, manifestPath, options.manifest);
    lessonFiles.add(abs);
    if (isPlaylist(ref)) for (const file of streamFiles(abs, ref)) lessonFiles.add(file);
  }
  if (manifest.thumbnails) {
    const track = resolve(dirname(manifestPath), manifest.thumbnails);
    for (const image of thumbnailImages(readFileSync(track, 'utf8'))) {
      const abs = resolve(dirname(track), decodeURI(image));
      if (!existsSync(abs)) throw new Refused(`${manifest.thumbnails}: "${image}" does not exist`);
      lessonFiles.add(abs);
    }
  }
  const root = commonDirectory([...lessonFiles]);
  const library = listLibrary(libraryDir);
  const entries: ZipEntry[] = [
    ...library.map((abs) => ({ name: packagePath('lib', libraryDir, abs), data: readFileSync(abs) })),
    ...[...lessonFiles].sort().map((abs) => ({ name: packagePath('lesson', root, abs), data: readFileSync(abs) })),
  ];
  const title = lessonTitle(manifest, manifest.language);
  const description = {
    version: options.version,
    lessonId: manifest.id,
    title,
    language: manifest.language,
    lessonPath: packagePath('lesson', root, manifestPath),
    completeAt: options.completeAt,
    files: [] as string[],
  };
  const generated: ZipEntry[] = [
    { name: LAUNCH_PAGE, data: Buffer.from(launchPage(description)) },
    { name: 'launch.css', data: Buffer.from(LAUNCH_CSS) },
  ];
  const all = [...generated, ...entries];
  description.files = all.map((e) => e.name);
  const output = resolve(cwd, options.output ?? `${manifest.id}.zip`);
  const { version } = description;
  const structure =
    version === 'cmi5'
      ? {
          name: 'cmi5.xml',
          text: cmi5Structure({
            // Stable across builds, so that a package uploaded again updates the same course.
            courseId: options.activityId ?? `urn:lesson-player:lesson:${manifest.id}`,
            title,
            description: manifest.description?.[manifest.language] ?? title,
            language: manifest.language,
            launchPage: LAUNCH_PAGE,
          }),
        }
      : { name: 'imsmanifest.xml', text: imsManifest({ ...description, version }) };
  return { output, title, entries: [{ name: structure.name, data: Buffer.from(structure.text) }, ...all] };
}

export function runPackage(argv: readonly string[], cwd: string, usage: () => string, libraryDir = LIBRARY_DIR): RunResult {
  let temp: string | null = null;
  try {
    const options = parsePackageArgs(argv);
    if (options === 'help') return { code: 0, stdout: usage(), stderr: '' };
    const { output, entries, title } = buildPackage(options, cwd, libraryDir);
    const zip = zipArchive(entries);
    temp = `${output}.${process.pid}.partial`;
    writeFileSync(temp, zip);
    renameSync(temp, output);
    temp = null;
    const size = (zip.length / 1024 / 1024).toFixed(1);
    const kind = options.version === 'cmi5' ? 'cmi5' : `SCORM ${options.version}`;
    return { code: 0, stdout: `${relative(cwd, output) || output}: ${kind} package of "${title}", ${entries.length} files, ${size} MB\n`, stderr: '' };
  } catch (e) {
    if (temp) rmSync(temp, { force: true });
    if (e instanceof Refused || e instanceof MissingValue) return { code: 2, stdout: '', stderr: `lesson-player package: ${e.message}\n` };
    const error = e as NodeJS.ErrnoException;
    return { code: 2, stdout: '', stderr: `lesson-player package: ${error.path ?? ''}${error.path ? ': ' : ''}${error.code ?? error.message}\n` };
  }
}
