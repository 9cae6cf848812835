// `cem analyze` (npm run build): dist/lib/custom-elements.json for the published package.
//
// Each element documents itself in its file's header comment (@attr, @prop, @fires, @slot, @csspart, @cssprop),
// above the imports, where the analyzer does not look for a class's JSDoc: `fileHeaderDocs` reads that header and
// merges it into the file's element. Events dispatched by the controller on the player's behalf are only known from
// @fires.

const TAG = /^@(attr|prop|fires|slot|csspart|cssprop)\s+(?:\{([^}]*)\}\s+)?([^\s]+)(?:\s+-\s+)?([\s\S]*)$/;

/** The header's tags, each with its description (continuation lines joined), and the text before the first tag. */
export function parseHeader(text) {
  const lines = text
    .replace(/^\/\*\*|\*\/$/g, '')
    .split('\n')
    .map((l) => l.replace(/^\s*\* ?/, ''));
  const tags = [];
  const intro = [];
  for (const line of lines) {
    if (line.trim().startsWith('@')) {
      const m = TAG.exec(line.trim());
      tags.push(m ? { kind: m[1], type: m[2], name: m[3], description: m[4].trim() } : { kind: 'other', name: '', description: '' });
    } else if (tags.length) tags.at(-1).description = `${tags.at(-1).description} ${line.trim()}`.trim();
    else intro.push(line);
  }
  return { summary: intro.join('\n').trim(), tags };
}

function upsert(list, name, entry) {
  const found = list.find((x) => x.name === name);
  if (found) Object.assign(found, Object.fromEntries(Object.entries(entry).filter(([k, v]) => v && !(k === 'type' && found.type))));
  else list.push({ name, ...entry });
}

function fileHeaderDocs() {
  const headers = new Map();
  return {
    name: 'lesson-file-header-docs',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const source = node.getSourceFile();
      const first = source.statements[0];
      const comment = first && ts.getLeadingCommentRanges(source.text, first.getFullStart())?.find((r) => source.text.startsWith('/**', r.pos));
      if (comment) headers.set(`${moduleDoc.path}#${node.name.text}`, source.text.slice(comment.pos, comment.end));
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const moduleDoc of customElementsManifest.modules)
      for (const decl of moduleDoc.declarations ?? []) {
        const header = headers.get(`${moduleDoc.path}#${decl.name}`);
        if (!header || !decl.customElement) continue;
        const { summary, tags } = parseHeader(header);
        decl.summary ??= summary.split('\n\n')[0].replace(/\s+/g, ' ');
        decl.description ||= summary.replace(/\n(?!\n)/g, ' ');
        for (const t of tags) {
          const type = t.type ? { text: t.type } : undefined;
          if (t.kind === 'attr') upsert((decl.attributes ??= []), t.name, { description: t.description, type });
          if (t.kind === 'prop') upsert((decl.members ??= []), t.name, { kind: 'field', description: t.description, type });
          if (t.kind === 'fires') upsert((decl.events ??= []), t.name, { description: t.description, type: { text: 'CustomEvent' } });
          if (t.kind === 'slot') upsert((decl.slots ??= []), t.name === '(default)' ? '' : t.name, { description: t.description });
          if (t.kind === 'csspart') upsert((decl.cssParts ??= []), t.name, { description: t.description });
          if (t.kind === 'cssprop') upsert((decl.cssProperties ??= []), t.name, { description: t.description });
        }
        // Internal plumbing, not API: the views' base-class bookkeeping and the player's discovery event.
        decl.members = decl.members?.filter((m) => m.privacy !== 'private' && m.privacy !== 'protected' && !m.name.startsWith('#') && m.name !== 'watches' && m.name !== 'strings');
        decl.events = decl.events?.filter((e) => e.name !== 'lesson-player-connected');
      }
    },
  };
}

export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.styles.ts'],
  outdir: 'dist/lib',
  litelement: true,
  dependencies: false,
  // package.json names dist/lib/custom-elements.json itself: a build into another folder must not rewrite it.
  packagejson: false,
  plugins: [fileHeaderDocs()],
};
