#!/usr/bin/env node
// Runs our WebVTT parser (src/core/vtt.ts) over a local copy of the web-platform-tests WebVTT parsing corpus
// (webvtt/parsing/) and prints how many of the file-parsing assertions on cue counts, ids, texts and times hold,
// plus whether the parser ever throws on any file of the corpus. The corpus is not part of this repository:
//
//   node scripts/wpt-conformance.mjs <corpus-dir>        # the directory that holds file-parsing/
//
// Each file-parsing test's assertions are JavaScript run against a stand-in for the browser's TextTrackCueList,
// built from our parse. Assertions on settings we do not model (align, line, position, size, vertical, region) and
// tests that need a browser (document.styleSheets) are counted as "not modelled", not as failures.
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join, basename } from 'node:path';
import vm from 'node:vm';
import { register } from 'tsx/esm/api';

register();
const { parseVttRaw, parseCaptions, parseChapters } = await import(new URL('../src/core/vtt.ts', import.meta.url).href);
const { decodeText } = await import(new URL('../src/core/decode.ts', import.meta.url).href);

const corpus = process.argv[2];
if (!corpus || !existsSync(join(corpus, 'file-parsing'))) {
  console.error('usage: node scripts/wpt-conformance.mjs <corpus-dir>   (the directory that holds file-parsing/)');
  process.exit(2);
}
const fileParsing = join(corpus, 'file-parsing');

/** Python's bytes(s, 'utf-8').decode('unicode_escape'), which build.py applies to the WebVTT part of a .test. */
function unicodeEscape(bytes) {
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b !== 0x5c || i + 1 >= bytes.length) {
      out += String.fromCharCode(b);
      continue;
    }
    const c = String.fromCharCode(bytes[++i]);
    const hex = (n) => {
      const h = String.fromCharCode(...bytes.subarray(i + 1, i + 1 + n));
      i += n;
      return parseInt(h, 16);
    };
    const simple = { n: '\n', r: '\r', t: '\t', f: '\f', v: '\v', a: '\x07', b: '\b', '\\': '\\', "'": "'", '"': '"', '\n': '' };
    if (c in simple) out += simple[c];
    else if (c === 'x') out += String.fromCharCode(hex(2));
    else if (c === 'u') out += String.fromCharCode(hex(4));
    else if (c === 'U') out += String.fromCodePoint(hex(8));
    else if (c >= '0' && c <= '7') {
      let oct = c;
      while (oct.length < 3 && bytes[i + 1] >= 0x30 && bytes[i + 1] <= 0x37) oct += String.fromCharCode(bytes[++i]);
      out += String.fromCharCode(parseInt(oct, 8));
    } else out += '\\' + c;
  }
  return out;
}

/** A browser's view of a .vtt file: UTF-8 with replacement, one leading BOM dropped. */
const browserDecode = (bytes) => new TextDecoder('utf-8').decode(bytes);

function cueList(text, file) {
  const raw = parseVttRaw(text, file, 'captions', 'captions');
  const cues = raw.cues.sort((a, b) => a.start - b.start || b.end - a.end || a.order - b.order);
  return { cues, problems: raw.problems };
}

const tally = { count: [0, 0], id: [0, 0], text: [0, 0], time: [0, 0], notModelled: 0, errored: [] };
const failures = [];

function runAssertions(name, js, text) {
  const { cues } = cueList(text, name);
  let last = null;
  const proxies = cues.map((c) =>
    new Proxy(
      {},
      {
        get(_, prop) {
          last = prop;
          if (prop === 'id') return c.id;
          if (prop === 'text') return c.text;
          if (prop === 'startTime') return c.start;
          if (prop === 'endTime') return c.end;
          return undefined;
        },
      },
    ),
  );
  const list = new Proxy(proxies, {
    get(target, prop) {
      if (prop === 'length') last = 'length';
      return target[prop];
    },
  });
  const category = { length: 'count', id: 'id', text: 'text', startTime: 'time', endTime: 'time' };
  const record = (ok, actual, expected, msg) => {
    const cat = category[last];
    last = null;
    if (!cat) return void tally.notModelled++;
    tally[cat][1]++;
    if (ok) tally[cat][0]++;
    else failures.push(`${name}: ${cat} ${msg ?? ''} expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  };
  const sandbox = {
    cues: list,
    assert_equals: (a, e, msg) => record(Object.is(a, e) || a === e, a, e, msg),
    assert_approx_equals: (a, e, eps, msg) => record(Math.abs(a - e) <= eps, a, e, msg),
    assert_true: (v) => record(v === true, v, true),
    assert_false: (v) => record(v === false, v, false),
    assert_unreached: (msg) => failures.push(`${name}: unreached ${msg}`),
    Number,
    Math,
    String,
    console,
  };
  try {
    vm.runInNewContext(js, sandbox, { timeout: 2000 });
  } catch (e) {
    tally.errored.push(`${name} (${String(e.message ?? e).split('\n')[0]})`);
  }
}

let files = 0;
let threw = 0;
const tryAll = (name, text) => {
  files++;
  for (const f of [parseCaptions, parseChapters]) {
    try {
      f(text, name);
    } catch (e) {
      threw++;
      console.error(`THROWS on ${name}: ${e.message}`);
    }
  }
};

// 1. support/*.test
const support = join(fileParsing, 'support');
const tests = readdirSync(support).filter((f) => f.endsWith('.test')).sort();
for (const f of tests) {
  const bytes = readFileSync(join(support, f));
  const source = bytes.toString('utf8');
  const body = source.split('\n\n').slice(1).join('\n\n');
  const [js] = body.split('\n===\n');
  const sep = bytes.indexOf(Buffer.from('\n===\n'));
  const vttText = browserDecode(Buffer.from(unicodeEscape(bytes.subarray(sep + 5)), 'utf8'));
  runAssertions(basename(f, '.test'), js, vttText);
  tryAll(f, vttText);
}

// 2. tests/*.html with generated tests/support/*.vtt (their .test source is absent)
const testsDir = join(fileParsing, 'tests');
const htmls = existsSync(testsDir) ? readdirSync(testsDir).filter((f) => f.endsWith('.html')).sort() : [];
for (const f of htmls) {
  const html = readFileSync(join(testsDir, f), 'utf8');
  const src = /track\.src = '([^']+)'/.exec(html)?.[1];
  const js = /var cues = video\.textTracks\[0\]\.cues;\s*\{([\s\S]*?)\n    \}\n    this\.done\(\);/.exec(html)?.[1];
  if (!src || js === undefined || !existsSync(join(testsDir, src))) continue;
  const text = browserDecode(readFileSync(join(testsDir, src)));
  runAssertions(basename(f, '.html'), js, text);
  tryAll(f, text);
}

// 3. signature-invalid: the track must fail (we must report a signature or empty-file error)
let sigOk = 0;
let sigTotal = 0;
const invalid = readdirSync(support).filter((f) => f.endsWith('.vtt')).sort();
for (const f of invalid) {
  sigTotal++;
  const bytes = new Uint8Array(readFileSync(join(support, f)));
  const decoded = decodeText(bytes, f, 'captions');
  const text = decoded.text ?? browserDecode(bytes);
  tryAll(f, text);
  const rejected =
    decoded.problems.some((p) => p.rule === 'file-empty') ||
    cueList(browserDecode(bytes), f).problems.some((p) => p.rule === 'vtt-signature');
  if (rejected) sigOk++;
  else failures.push(`${f}: signature accepted, should be rejected`);
}

// 4. Every other file of the corpus (cue-text-parsing inputs, obsolete tests, generated copies): never throw.
const walk = (dir) => {
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) walk(p);
    else if (/\.(vtt|dat|test)$/.test(e) && !p.startsWith(support + '/') ) tryAll(p, browserDecode(readFileSync(p)));
  }
};
walk(corpus);
// cue-text-parsing .dat cases, wrapped in a cue the way common.js does
const datDir = join(corpus, 'cue-text-parsing', 'dat');
let datCases = 0;
if (existsSync(datDir)) {
  for (const f of readdirSync(datDir).filter((x) => x.endsWith('.dat'))) {
    for (const block of readFileSync(join(datDir, f), 'utf8').split('#data\n').slice(1)) {
      const input = block.split('\n#errors')[0];
      datCases++;
      tryAll(`${f} case ${datCases}`, 'WEBVTT\n\n00:00.000 --> 00:01.000\n' + input);
    }
  }
}

const pct = ([ok, n]) => `${ok}/${n}${n ? ` (${Math.round((1000 * ok) / n) / 10}%)` : ''}`;
console.log(`WPT WebVTT file-parsing, ${tests.length} .test + ${htmls.length} generated tests:`);
console.log(`  cue counts  ${pct(tally.count)}`);
console.log(`  cue ids     ${pct(tally.id)}`);
console.log(`  cue texts   ${pct(tally.text)}`);
console.log(`  cue times   ${pct(tally.time)}`);
console.log(`  all modelled assertions ${pct([0, 1, 2, 3].reduce((a, k) => { const t = tally[['count', 'id', 'text', 'time'][k]]; return [a[0] + t[0], a[1] + t[1]]; }, [0, 0]))}`);
console.log(`  assertions on settings/regions not modelled: ${tally.notModelled}`);
console.log(`  tests that need a browser (not evaluated): ${tally.errored.length}${tally.errored.length ? ' — ' + tally.errored.join(', ') : ''}`);
console.log(`  invalid signatures rejected: ${sigOk}/${sigTotal}`);
console.log(`Robustness: parsed ${files} files (+${datCases} cue-text cases among them) as captions and as chapters; threw ${threw} times.`);
if (failures.length) {
  console.log(`\nFailures (${failures.length}):`);
  for (const f of failures) console.log('  ' + f);
}
process.exitCode = threw ? 1 : 0;
