import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { usage } from '../../src/cli/main.ts';
import { runPackage } from '../../src/cli/package-command.ts';
import { readZip } from '../helpers/zip-reader.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const VTT = 'WEBVTT\n\n00:00:00.000 --> 00:00:04.000\nBonjour à tous.\n\n00:00:04.000 --> 00:00:08.000\nMerci.\n';
const CHAPTERS = 'WEBVTT\n\nintro\n00:00:00.000 --> 00:00:08.000\nIntroduction\n';
const DESCRIPTIONS = 'WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nDiapositive de titre.\n';

/** A lesson laid out like the repository's (manifest in lessons/, files beside it in sibling folders), and a library. */
function lesson(manifest: Record<string, unknown> = {}, skip: string[] = []) {
  const dir = mkdtempSync(join(tmpdir(), 'lesson-package-'));
  dirs.push(dir);
  const files: Record<string, string | Buffer> = {
    'lessons/demo.json': JSON.stringify({
      version: 1,
      id: 'demo',
      title: { fr: 'Leçon <b>&</b> "risques"', en: 'Lesson' },
      language: 'fr',
      duration: 8,
      media: [{ src: '../media/demo video.webm', type: 'video/webm' }],
      poster: '../media/demo.jpg',
      thumbnails: '../media/demo.thumbnails.vtt',
      captions: [{ lang: 'fr', label: 'Français', kind: 'captions', src: '../captions/demo.fr.vtt', default: true }],
      chapters: [{ lang: 'fr', src: '../chapters/demo.fr.vtt' }],
      descriptions: [{ lang: 'fr', src: '../descriptions/demo.fr.vtt' }],
      notes: { fr: { intro: '../chapters/notes/intro.md' } },
      ...manifest,
    }),
    'media/demo video.webm': Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 1, 2, 3]),
    'media/demo.jpg': Buffer.from([0xff, 0xd8, 0xff]),
    'media/demo.thumbnails.vtt': 'WEBVTT\n\n00:00:00.000 --> 00:00:08.000\nsprites/demo.sprite.jpg#xywh=0,0,160,90\n',
    'media/sprites/demo.sprite.jpg': Buffer.from([0xff, 0xd8]),
    'captions/demo.fr.vtt': VTT,
    'chapters/demo.fr.vtt': CHAPTERS,
    'chapters/notes/intro.md': '# Introduction\n',
    'descriptions/demo.fr.vtt': DESCRIPTIONS,
    'lib/lesson-player.js': 'export {};\n',
    'lib/chunks/panels-abc.js': 'export const x = 1;\n',
    'lib/types/index.d.ts': 'export {};\n',
    'lib/custom-elements.json': '{}',
  };
  for (const [path, body] of Object.entries(files)) {
    if (skip.includes(path)) continue;
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), body);
  }
  const run = (...args: string[]) => runPackage(args, dir, usage, join(dir, 'lib'));
  return { dir, run };
}

/** Tags balance and every attribute is quoted: the manifest is well-formed XML (the e2e test parses it too). */
function expectWellFormed(xml: string) {
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  const stack: string[] = [];
  for (const [, close, name, attrs, selfClose] of xml.matchAll(/<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>/g)) {
    expect(attrs).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;)/);
    if (close) expect(stack.pop()).toBe(name);
    else if (!selfClose) stack.push(name!);
  }
  expect(stack).toEqual([]);
  expect(xml.replace(/<\?xml[^>]*\?>|<[^>]+>/g, '')).not.toMatch(/[<>]|&(?!amp;|lt;|gt;|quot;|apos;)/);
}

describe('lesson-player package', () => {
  it('SCORM 1.2: one SCO whose resource lists every file of the package, all relative, with the launch page', () => {
    const { dir, run } = lesson();
    const result = run('lessons/demo.json', '--scorm', '1.2', '-o', 'out.zip');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^out\.zip: SCORM 1\.2 package of "Leçon <b>&<\/b> "risques"", 14 files/);
    const zip = readZip(readFileSync(join(dir, 'out.zip')));
    expect([...zip.keys()].sort()).toEqual(
      [
        'imsmanifest.xml',
        'index.html',
        'launch.css',
        'lib/chunks/panels-abc.js',
        'lib/lesson-player.js',
        'lesson/captions/demo.fr.vtt',
        'lesson/chapters/demo.fr.vtt',
        'lesson/chapters/notes/intro.md',
        'lesson/descriptions/demo.fr.vtt',
        'lesson/lessons/demo.json',
        'lesson/media/demo video.webm',
        'lesson/media/demo.jpg',
        'lesson/media/demo.thumbnails.vtt',
        'lesson/media/sprites/demo.sprite.jpg',
      ].sort(),
    );
    expect(zip.get('lesson/media/demo video.webm')).toEqual(readFileSync(join(dir, 'media/demo video.webm')));
    expect(zip.get('lesson/captions/demo.fr.vtt')!.toString()).toBe(VTT);
    const xml = zip.get('imsmanifest.xml')!.toString();
    expectWellFormed(xml);
    expect(xml).toContain('xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"');
    expect(xml).toContain('<schemaversion>1.2</schemaversion>');
    expect(xml.match(/<organization /g)).toHaveLength(1);
    expect(xml.match(/<item /g)).toHaveLength(1);
    expect(xml.match(/<resource /g)).toHaveLength(1);
    expect(xml).toMatch(/<item identifier="lesson-player-demo-item" identifierref="lesson-player-demo-sco"/);
    expect(xml).toMatch(/<resource identifier="lesson-player-demo-sco" type="webcontent" adlcp:scormtype="sco" href="index.html">/);
    expect(xml).toContain('<title>Leçon &lt;b&gt;&amp;&lt;/b&gt; &quot;risques&quot;</title>');
    const listed = [...xml.matchAll(/<file href="([^"]+)"\/>/g)].map((m) => decodeURIComponent(m[1]!));
    expect(listed.sort()).toEqual([...zip.keys()].filter((k) => k !== 'imsmanifest.xml').sort());
    const page = zip.get('index.html')!.toString();
    expect(page).toContain('<lesson-player lesson="lesson/lessons/demo.json" scorm="1.2" scorm-complete-at="90"></lesson-player>');
    expect(page).toContain('<script type="module" src="lib/lesson-player.js"></script>');
    expect(page).toContain('<title>Leçon &lt;b&gt;&amp;&lt;/b&gt; &quot;risques&quot;</title>');
    expect(page).not.toMatch(/<script>|style=|https?:/);
  });

  it('SCORM 2004 4th edition: its namespaces, scormType and the completion threshold from --complete-at', () => {
    const { dir, run } = lesson();
    expect(run('lessons/demo.json', '--scorm=2004', '--complete-at', '75').code).toBe(0);
    const zip = readZip(readFileSync(join(dir, 'demo.zip')));
    const xml = zip.get('imsmanifest.xml')!.toString();
    expectWellFormed(xml);
    expect(xml).toContain('xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"');
    expect(xml).toContain('xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"');
    expect(xml).toContain('<schemaversion>2004 4th Edition</schemaversion>');
    expect(xml).toContain('adlcp:scormType="sco"');
    expect(xml).toContain('<adlcp:completionThreshold completedByMeasure="true" minProgressMeasure="0.75"/>');
    expect(xml).toContain('<file href="lesson/media/demo%20video.webm"/>');
    expect(zip.get('index.html')!.toString()).toContain('scorm="2004" scorm-complete-at="75"');
  });

  it('cmi5: cmi5.xml with one course and one AU launching the page in cmi5 mode, every file relative', () => {
    const { dir, run } = lesson();
    const result = run('lessons/demo.json', '--format', 'cmi5', '--complete-at', '80', '-o', 'cmi5.zip');
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^cmi5\.zip: cmi5 package of "Leçon <b>&<\/b> "risques"", 14 files/);
    const zip = readZip(readFileSync(join(dir, 'cmi5.zip')));
    expect(zip.has('imsmanifest.xml')).toBe(false);
    expect([...zip.keys()].filter((k) => !k.startsWith('lib/') && !k.startsWith('lesson/')).sort()).toEqual(['cmi5.xml', 'index.html', 'launch.css']);
    const xml = zip.get('cmi5.xml')!.toString();
    expectWellFormed(xml);
    expect(xml).toContain('<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">');
    expect(xml.match(/<course /g)).toHaveLength(1);
    expect(xml.match(/<au /g)).toHaveLength(1);
    expect(xml).toContain('<course id="urn:lesson-player:lesson:demo">');
    expect(xml).toContain('<au id="urn:lesson-player:lesson:demo/video" moveOn="Completed" launchMethod="AnyWindow" activityType="https://w3id.org/xapi/video/activity-type/video">');
    // cmi5 requires a title and a description in each, in this order, then the AU's URL, relative to the package.
    expect(xml.replace(/\s+/g, ' ')).toMatch(/<au [^>]+> <title><langstring lang="fr">Leçon &lt;b&gt;&amp;&lt;\/b&gt; &quot;risques&quot;<\/langstring><\/title> <description><langstring lang="fr">[^<]+<\/langstring><\/description> <url>index\.html<\/url> <\/au>/);
    expect(zip.get('index.html')!.toString()).toContain('<lesson-player lesson="lesson/lessons/demo.json" cmi5 complete-at="80"></lesson-player>');
    expect(run('lessons/demo.json', '--format=cmi5', '--activity-id', 'https://formation.example.gouv.fr/risques', '-o', 'b.zip').code).toBe(0);
    expect(readZip(readFileSync(join(dir, 'b.zip'))).get('cmi5.xml')!.toString()).toContain('<au id="https://formation.example.gouv.fr/risques/video"');
  });

  it('the same lesson makes the same bytes', () => {
    const { dir, run } = lesson();
    run('lessons/demo.json', '--scorm', '1.2', '-o', 'a.zip');
    run('lessons/demo.json', '--scorm', '1.2', '-o', 'b.zip');
    expect(readFileSync(join(dir, 'a.zip')).equals(readFileSync(join(dir, 'b.zip')))).toBe(true);
  });

  it.each([
    [['lessons/demo.json'], {}, [], /which format\? --scorm 1\.2, --scorm 2004 or --format cmi5$/],
    [['lessons/demo.json', '--format', 'scorm'], {}, [], /--format: unknown format "scorm" \(cmi5; for SCORM, --scorm 1\.2 or 2004\)$/],
    [['lessons/demo.json', '--format', 'cmi5', '--scorm', '1.2'], {}, [], /one package format at a time$/],
    [['lessons/demo.json', '--format', 'cmi5', '--activity-id', 'not an iri'], {}, [], /--activity-id: "not an iri" is not an IRI/],
    [['lessons/demo.json', '--scorm', '3'], {}, [], /--scorm: unknown version "3" \(1\.2 or 2004\)$/],
    [['lessons/demo.json', '--scorm', '1.2', '--complete-at', '0'], {}, [], /--complete-at: "0" is not a whole percentage from 1 to 100$/],
    [['lessons/none.json', '--scorm', '1.2'], {}, [], /lessons\/none\.json: no such file$/],
    [['lessons/demo.json', '--scorm', '1.2'], {}, ['media/demo video.webm'], /demo video\.webm/],
    [['lessons/demo.json', '--scorm', '1.2'], {}, ['chapters/notes/intro.md'], /intro\.md/],
    [['lessons/demo.json', '--scorm', '1.2'], { poster: 'https://cdn.example/p.jpg' }, [], /"https:\/\/cdn\.example\/p\.jpg" is outside the lesson folder/],
    [['lessons/demo.json', '--scorm', '1.2'], { media: 'not a list' }, [], /lessons\/demo\.json:\d+: media/],
    [['lessons/demo.json', '--scorm', '1.2'], {}, ['lib/lesson-player.js'], /the player library is not built/],
    [['lessons/demo.json', '--scorm', '1.2'], {}, ['media/sprites/demo.sprite.jpg'], /"sprites\/demo\.sprite\.jpg" does not exist/],
  ])('refuses %j with one line, exit status 2, and no zip', (args, manifest, skip, message) => {
    const { dir, run } = lesson(manifest, skip);
    const result = run(...args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')).toHaveLength(2);
    expect(result.stderr).toMatch(/^lesson-player package: /);
    expect(result.stderr.trim()).toMatch(message);
    expect(readdirSync(dir).filter((f) => f.endsWith('.zip') || f.includes('.partial'))).toEqual([]);
  });

  it('an HLS stream in the manifest goes in whole (playlists, renditions, init segments, segments); a missing one refuses', () => {
    const { dir, run } = lesson({
      media: [
        { src: '../media/hls/master.m3u8', type: 'application/vnd.apple.mpegurl' },
        { src: '../media/demo video.webm', type: 'video/webm' },
      ],
    });
    const put = (path: string, body: string) => {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), body);
    };
    const media = '#EXTM3U\n#EXT-X-MAP:URI="init.mp4"\n#EXTINF:6,\n000.m4s\n#EXTINF:6,\n001.m4s\n#EXT-X-ENDLIST\n';
    put('media/hls/master.m3u8', '#EXTM3U\n#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="a",NAME="fr",URI="audio/index.m3u8"\n#EXT-X-STREAM-INF:BANDWIDTH=1,AUDIO="a"\n360p/index.m3u8\n');
    for (const rung of ['360p', 'audio']) {
      put(`media/hls/${rung}/index.m3u8`, media);
      for (const file of ['init.mp4', '000.m4s', '001.m4s']) put(`media/hls/${rung}/${file}`, file);
    }
    const result = run('lessons/demo.json', '--scorm', '2004', '-o', 'out.zip');
    expect(result.stderr).toBe('');
    const stream = [...readZip(readFileSync(join(dir, 'out.zip'))).keys()].filter((k) => k.includes('/hls/')).sort();
    expect(stream).toEqual(
      ['master.m3u8', ...['360p', 'audio'].flatMap((r) => ['000.m4s', '001.m4s', 'index.m3u8', 'init.mp4'].map((f) => `${r}/${f}`))].map((f) => `lesson/media/hls/${f}`).sort(),
    );
    rmSync(join(dir, 'out.zip'));
    rmSync(join(dir, 'media/hls/audio/001.m4s'));
    const refused = run('lessons/demo.json', '--scorm', '2004', '-o', 'out.zip');
    expect([refused.code, refused.stderr]).toEqual([2, 'lesson-player package: ../media/hls/master.m3u8: "001.m4s" does not exist\n']);
    expect(existsSync(join(dir, 'out.zip'))).toBe(false);
  });

  it('a zip that cannot be written leaves nothing behind', () => {
    const { dir, run } = lesson();
    const result = run('lessons/demo.json', '--scorm', '1.2', '-o', 'missing-folder/out.zip');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^lesson-player package: .*missing-folder.*ENOENT\n$/);
    expect(existsSync(join(dir, 'missing-folder'))).toBe(false);
  });

  it('is a command of the CLI (help lists it)', () => {
    const r = spawnSync(process.execPath, [inject('cliPath'), 'package', '--help'], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('lesson-player package <manifest> --scorm 1.2|2004 | --format cmi5');
  });
});
