import { Marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { classifyHref, fitNoteHeadings, NOTE_URI_ALLOWLIST, notePurifyConfig, type TokenLike } from './note-safety.ts';

describe('classifyHref', () => {
  it('turns #t= and #chapter= fragments into seek links', () => {
    expect(classifyHref('#t=90')).toEqual({ kind: 'time', time: 90 });
    expect(classifyHref('#t=1:23')).toEqual({ kind: 'time', time: 83 });
    expect(classifyHref('#t=1m30s')).toEqual({ kind: 'time', time: 90 });
    expect(classifyHref('#chapter=la-crise-politique')).toEqual({ kind: 'chapter', chapterId: 'la-crise-politique' });
    expect(classifyHref('#t=10&chapter=intro')).toEqual({ kind: 'chapter', chapterId: 'intro' });
  });

  it('keeps http(s) and mailto as external links', () => {
    expect(classifyHref('https://beta.gouv.fr/')).toEqual({ kind: 'external', href: 'https://beta.gouv.fr/' });
    expect(classifyHref('HTTP://example.org')).toMatchObject({ kind: 'external' });
    expect(classifyHref('mailto:contact@example.org')).toMatchObject({ kind: 'external' });
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    ' javascript:alert(1)',
    '\u0001javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '//evil.example/',
    'relative/page.html',
    '#top',
    '#t=not-a-time',
    '#chapter=Bad Id',
    '',
  ])('blocks %j', (href) => {
    expect(classifyHref(href)).toEqual({ kind: 'blocked' });
  });

  it('blocks non-strings and absurdly long values', () => {
    expect(classifyHref(null)).toEqual({ kind: 'blocked' });
    expect(classifyHref(undefined)).toEqual({ kind: 'blocked' });
    expect(classifyHref(`https://x.example/${'a'.repeat(3000)}`)).toEqual({ kind: 'blocked' });
  });
});

describe('NOTE_URI_ALLOWLIST (given to DOMPurify)', () => {
  it('accepts only the allowed schemes and seek fragments', () => {
    for (const ok of ['https://a.example', 'http://a.example', 'mailto:a@b.example', '#t=12', '#chapter=intro']) {
      expect(NOTE_URI_ALLOWLIST.test(ok), ok).toBe(true);
    }
    for (const bad of ['javascript:alert(1)', 'data:image/png;base64,AAAA', 'vbscript:x', 'ftp://a.example', '#top', 'page.html', '/root']) {
      expect(NOTE_URI_ALLOWLIST.test(bad), bad).toBe(false);
    }
  });
});

describe('notePurifyConfig', () => {
  const config = notePurifyConfig(4);

  it('returns DOM fragments, never an HTML string', () => {
    expect(config.RETURN_DOM_FRAGMENT).toBe(true);
  });

  it('allows none of the dangerous elements and attributes', () => {
    for (const tag of ['script', 'style', 'form', 'iframe', 'img', 'svg', 'math', 'object', 'embed', 'input', 'link', 'meta', 'base']) {
      expect(config.ALLOWED_TAGS).not.toContain(tag);
      expect(config.FORBID_TAGS).toContain(tag);
    }
    expect(config.ALLOWED_ATTR).not.toContain('style');
    expect(config.FORBID_ATTR).toContain('style');
    expect(config.ALLOWED_ATTR.filter((a) => a.startsWith('on'))).toEqual([]);
    expect(config.ALLOW_DATA_ATTR).toBe(false);
    expect(config.ALLOW_UNKNOWN_PROTOCOLS).toBe(false);
    expect(config.ALLOWED_URI_REGEXP).toBe(NOTE_URI_ALLOWLIST);
  });

  it('allows only headings below the chapter heading', () => {
    expect(config.ALLOWED_TAGS.filter((t) => /^h\d$/.test(t))).toEqual(['h4', 'h5', 'h6']);
    expect(notePurifyConfig(9).ALLOWED_TAGS.filter((t) => /^h\d$/.test(t))).toEqual(['h6']);
  });
});

describe('fitNoteHeadings', () => {
  const marked = new Marked({ gfm: true, async: false });
  const render = (md: string, level: number) => {
    const tokens = marked.lexer(md);
    fitNoteHeadings(tokens as unknown as TokenLike[], level);
    return marked.parser(tokens) as string;
  };

  it('drops the leading ## heading and moves ### one level below the chapter heading', () => {
    const out = render('## La crise politique\n\nTexte.\n\n### Les signes\n\n- un\n', 3);
    expect(out).not.toContain('La crise politique');
    expect(out).toContain('<h4>Les signes</h4>');
    expect(out).toContain('<p>Texte.</p>');
  });

  it('keeps a note that starts with text intact, and never goes above the chapter level', () => {
    const out = render('Texte.\n\n## Encore un titre\n\n#### Détail\n', 3);
    expect(out).toContain('<p>Texte.</p>');
    expect(out).toContain('<h4>Encore un titre</h4>');
    expect(out).toContain('<h5>Détail</h5>');
  });

  it('handles setext headings, nested headings and the h6 ceiling', () => {
    const out = render('Titre\n=====\n\n> ### Citée\n\n###### Fond\n', 5);
    expect(out).not.toContain('Titre');
    expect(out).toMatch(/<blockquote>\s*<h6>Citée<\/h6>/);
    expect(out).toContain('<h6>Fond</h6>');
  });

  it('works on plain token objects', () => {
    const tokens: TokenLike[] = [{ type: 'space' }, { type: 'heading', depth: 3 }, { type: 'list', items: [{ type: 'list_item', tokens: [{ type: 'heading', depth: 1 }] }] }];
    fitNoteHeadings(tokens, 2);
    expect(tokens[1]!.depth).toBe(3);
    expect(tokens[2]!.items![0]!.tokens![0]!.depth).toBe(3);
  });
});
