/**
 * Trusted Types for the player library. Imported by vidstack-adapter.ts BEFORE vidstack, because Vidstack builds
 * some static templates at module load with `template.innerHTML = "<video …>"`: under
 * `require-trusted-types-for 'script'` that plain string assignment throws and the whole player fails to load.
 *
 * Why a `default` policy, and why this one:
 * - Vidstack is third-party code assigning plain strings; it cannot be handed a named policy. Only the `default`
 *   policy is consulted for plain strings at a sink, so it is the one place to decide.
 * - It passes through only what Vidstack itself writes: a fixed allowlist of its static templates, and icon markup
 *   made only of SVG shape elements with drawing attributes (no `on*`, no `href`, no `style`, no other element, no
 *   entity or `<` inside a value). Everything else is REJECTED (the policy returns null, so the sink throws and the
 *   browser reports the violation): a string that reaches a sink by any other route, including lesson text, is an
 *   injection bug to see, never something to sanitise quietly. DOMPurify is not used here: it loads lazily with the
 *   notes, and the policy must answer synchronously from the first module load.
 * - Lesson text never reaches it: captions are rendered from text nodes (cue-dom.ts), Vidstack gets empty cue text,
 *   and notes are sanitised by DOMPurify (its own `dompurify` policy) into a DocumentFragment.
 * - Without an enforcing CSP the browser never calls a default policy: installing it changes nothing for sites that
 *   do not use Trusted Types. A page that already has a default policy keeps its own (it then owns the decision).
 *
 * A rewrite: Vidstack's `<video style="max-width: unset;">` carries an inline style attribute, which a strict
 * `style-src 'self'` blocks; the attribute is dropped here and the same rule lives in the adapter's stylesheet.
 *
 * Vidstack's small layout (a player under 576 × 380 px, e.g. a 640 × 360 embed) has one more inline style, in a Lit
 * template, which goes through Lit's own `lit-html` policy rather than this one. Lit may have made that policy before
 * this module loads (it sits in whichever chunk the bundler chose), but it calls the policy's `createHTML` each time
 * it prepares a template: the method of the `lit-html` policies is therefore wrapped to turn that one attribute into
 * a class, which the adapter's stylesheet styles (`lesson-pass-through`). Any other input, and every other policy,
 * is left as it was.
 */

/** Vidstack 1.15's static templates (createTemplate calls), mapped to the markup the page gets. */
const STATIC_TEMPLATES = new Map<string, string>([
  ['', ''],
  ['<video muted playsinline preload="none" style="max-width: unset;"></video>', '<video muted playsinline preload="none"></video>'],
  ['<img loading="eager" decoding="async" aria-hidden="true">', '<img loading="eager" decoding="async" aria-hidden="true">'],
  [
    '<svg viewBox="0 0 32 32" fill="none" aria-hidden="true" xmlns="http://www.w3.org/2000/svg"></svg>',
    '<svg viewBox="0 0 32 32" fill="none" aria-hidden="true" xmlns="http://www.w3.org/2000/svg"></svg>',
  ],
]);

const SHAPE = '(?:path|g|circle|ellipse|rect|line|polyline|polygon)';
const SHAPE_ATTR =
  '(?:d|fill|fill-rule|clip-rule|fill-opacity|stroke|stroke-width|stroke-linecap|stroke-linejoin|stroke-opacity|opacity|transform|cx|cy|r|rx|ry|x|y|x1|y1|x2|y2|width|height|points)';
/** Icon markup: shape elements, drawing attributes with plain values, white space. Nothing else. */
const ICON_MARKUP = new RegExp(`^(?:\\s+|<${SHAPE}(?:\\s+${SHAPE_ATTR}="[^"<>&]*")*\\s*/?>|</${SHAPE}>)*$`);

/** Lit templates of Vidstack's with an inline style, rewritten without it (see the module's comment). */
const LIT_TEMPLATE_REWRITES: [string, string][] = [
  ['<media-controls-group class="vds-controls-group" style="pointer-events: none;">', '<media-controls-group class="vds-controls-group lesson-pass-through">'],
];

/** What the `lit-html` policy is given, with Vidstack's inline styles turned into classes. Exported for unit tests. */
export function withoutVidstackInlineStyles(html: string): string {
  return LIT_TEMPLATE_REWRITES.reduce((text, [from, to]) => (text.includes(from) ? text.replaceAll(from, to) : text), html);
}

/** What the default policy lets through, exported for unit tests. Null means rejected. */
export function vettedPlayerMarkup(input: string): string | null {
  const known = STATIC_TEMPLATES.get(input);
  if (known !== undefined) return known;
  return input.length <= 20_000 && ICON_MARKUP.test(input) ? input : null;
}

interface TrustedTypesLike {
  defaultPolicy: unknown;
  createPolicy(name: string, rules: { createHTML(input: string): string | null }): unknown;
}

interface PolicyPrototype {
  createHTML(this: { name: string }, input: string, ...rest: unknown[]): unknown;
}

/** Makes every `lit-html` policy drop Vidstack's inline styles before it creates its HTML (once per prototype). */
export function rewriteLitPolicies(prototype: PolicyPrototype): void {
  const create = prototype.createHTML;
  if ((create as { lessonPlayer?: boolean }).lessonPlayer) return;
  const rewritten = function (this: { name: string }, input: string, ...rest: unknown[]) {
    return create.call(this, this.name === 'lit-html' ? withoutVidstackInlineStyles(input) : input, ...rest);
  };
  prototype.createHTML = Object.assign(rewritten, { lessonPlayer: true });
}

/** Installs the default policy once, where Trusted Types exist and no default policy does. */
export function installDefaultTrustedTypesPolicy(): void {
  const tt = (globalThis as { trustedTypes?: TrustedTypesLike }).trustedTypes;
  if (!tt || tt.defaultPolicy) return;
  try {
    tt.createPolicy('default', { createHTML: vettedPlayerMarkup });
  } catch {
    // The page's CSP does not allow a policy named `default`: Vidstack cannot run under it (README, "Content
    // Security Policy"); the browser reports the violation to the site.
  }
}

installDefaultTrustedTypesPolicy();
const policyClass = (globalThis as { TrustedTypePolicy?: { prototype: PolicyPrototype } }).TrustedTypePolicy;
if (policyClass) rewriteLitPolicies(policyClass.prototype);
