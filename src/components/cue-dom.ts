/**
 * Cue text markup → DOM nodes, built element by element with text nodes: never through an HTML string, so markup
 * or entities in a caption file can only ever show as text. Shared by the transcript and the caption overlay.
 */
import { css } from 'lit';
import type { CueNode } from '../core/types.ts';

/**
 * A voice (`<v Name>`) shows its speaker's name before its words, as captions for deaf viewers do. Generated
 * content, not text nodes: the cue's text (search offsets, highlights, copies) stays the words alone.
 */
export const speakerLabelStyles = css`
  .cue-v[data-voice]::before {
    content: attr(data-voice) '\00a0: ';
    font-weight: 700;
  }
  :lang(en) .cue-v[data-voice]::before {
    content: attr(data-voice) ': ';
  }
`;

const ELEMENT_FOR_TAG = { b: 'b', i: 'i', u: 'u', c: 'span', v: 'span', lang: 'span', ruby: 'ruby', rt: 'rt' } as const;
/** WebVTT class names are free text: keep only what is a safe, plain CSS class token. */
const CLASS_TOKEN = /^[A-Za-z0-9_-]{1,40}$/;

export function cueFragment(nodes: readonly CueNode[], doc: Document = document): DocumentFragment {
  const fragment = doc.createDocumentFragment();
  append(fragment, nodes, doc, 0);
  return fragment;
}

function append(parent: Node, nodes: readonly CueNode[], doc: Document, depth: number): void {
  for (const node of nodes) {
    if (node.type === 'text') {
      parent.appendChild(doc.createTextNode(node.text));
    } else if (node.type === 'tag') {
      const element = doc.createElement(ELEMENT_FOR_TAG[node.tag]);
      element.className = `cue-${node.tag}`;
      for (const name of node.classes) if (CLASS_TOKEN.test(name)) element.classList.add(`cue-class-${name}`);
      if (node.tag === 'v' && node.annotation) element.dataset.voice = node.annotation;
      if (node.tag === 'lang' && /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(node.annotation)) element.lang = node.annotation;
      // Deeply nested markup is flattened to its text rather than risking the stack.
      if (depth > 32) element.textContent = plainText(node.children);
      else append(element, node.children, doc, depth + 1);
      parent.appendChild(element);
    }
    // Timestamps inside a cue (karaoke timing) carry no text.
  }
}

function plainText(nodes: readonly CueNode[]): string {
  return nodes.map((n) => (n.type === 'text' ? n.text : n.type === 'tag' ? plainText(n.children) : '')).join('');
}
