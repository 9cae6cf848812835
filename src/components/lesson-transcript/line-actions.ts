/**
 * What a reader does with a line besides seeking (the logic is in copy-link.ts): a reactive controller for the
 * copy buttons (one on the spoken line, the tab stop's line and the hovered line; the other rows keep the button's
 * room, so nothing reflows when it comes), "copy a link to this moment" (C or the button: the clipboard, or a
 * field with the link selected where the clipboard refuses) and N, a learner note at the line's moment.
 */
import { html, nothing, type LitElement, type ReactiveController } from 'lit';
import { formatDuration } from '../../core/time.ts';
import { learnerStrings } from '../../i18n/learner-strings.ts';
import type { UiStrings } from '../../i18n/strings.ts';
import { copyText } from '../browser-helpers.ts';
import { copyButtonChanges, copyMomentLink } from './copy-link.ts';
import type { LineWindow } from './line-window.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The link icon of the copy buttons, built once and cloned (DOM, not markup: lines are built imperatively). */
function linkIcon(): SVGSVGElement {
  const icon = document.createElementNS(SVG_NS, 'svg');
  icon.setAttribute('viewBox', '0 0 24 24');
  icon.setAttribute('aria-hidden', 'true');
  icon.setAttribute('focusable', 'false');
  for (const d of ['M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1', 'M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1']) {
    const path = document.createElementNS(SVG_NS, 'path');
    path.setAttribute('d', d);
    icon.append(path);
  }
  return icon;
}

/** What the line actions ask of the transcript around it (the lesson's state owner is reached through the element). */
export interface LineActionsHost {
  strings(): UiStrings;
  /** The start of cue `index`, in seconds; undefined without it. */
  cueStart(index: number): number | undefined;
  /** Adds a learner note at `time` and opens it in the notes: the note's time, or null when none was added. */
  addNote(time: number): number | null;
  announce(message: string): void;
  /** The element with the focus in the transcript's shadow root. */
  focused(): Element | null;
  /** The lines showing a copy button besides the hovered one: the spoken line and the tab stop. */
  copyButtonLines(): readonly number[];
}

export class LineActions implements ReactiveController {
  /** The link to copy by hand, when the clipboard refused. */
  #toCopyByHand = '';
  #focusField = false;
  #copyButtons = new Map<number, HTMLButtonElement>();
  #hovered = -1;
  #linkIcon: SVGSVGElement | null = null;

  constructor(
    private readonly host: LitElement,
    private readonly lines: LineWindow,
    private readonly around: LineActionsHost,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    if (!this.#focusField) return;
    this.#focusField = false;
    const field = this.host.renderRoot.querySelector<HTMLInputElement>('#link-to-copy');
    field?.focus({ preventScroll: true });
    field?.select();
  }

  /** The field with the link selected, while the clipboard refused it. */
  renderFallback(s: UiStrings) {
    return this.#toCopyByHand
      ? html`<div class="fallback">
          <label>${s.linkSelected}<input id="link-to-copy" readonly .value=${this.#toCopyByHand} @blur=${() => this.offerByHand('')} /></label>
        </div>`
      : nothing;
  }

  async copyLink(index: number): Promise<void> {
    const start = this.around.cueStart(index);
    if (start === undefined) return;
    const { toCopyByHand, message } = await copyMomentLink(location.href, start, copyText, this.around.strings());
    this.offerByHand(toCopyByHand);
    this.around.announce(message);
  }

  /** A note of the learner's own at the line's moment, whose editor takes the focus in the notes. */
  addNote(index: number): void {
    const start = this.around.cueStart(index);
    if (start === undefined) return;
    const time = this.around.addNote(start);
    if (time !== null) this.around.announce(learnerStrings(this.around.strings().lang).noteAdded(formatDuration(time)));
  }

  /** New lines are coming: the buttons of the old ones are gone with them. */
  forgetLines(): void {
    this.#copyButtons.clear();
    this.#hovered = -1;
  }

  /** A block was emptied: its buttons are gone with it. */
  released(first: number, end: number): void {
    for (let i = first; i < end; i++) this.#copyButtons.delete(i);
  }

  /** Puts the copy buttons where they belong now. */
  syncCopyButtons(): void {
    const focused = this.around.focused();
    const { remove, add } = copyButtonChanges(
      this.#copyButtons.keys(),
      [...this.around.copyButtonLines(), this.#hovered],
      (index) => Boolean(this.lines.row(index)),
      // The focus stays on a button until the pointer or the keyboard moves it.
      (index) => this.#copyButtons.get(index) === focused,
    );
    for (const index of remove) {
      this.#copyButtons.get(index)!.remove();
      this.#copyButtons.delete(index);
    }
    for (const index of add) {
      const start = this.around.cueStart(index);
      if (start === undefined) continue;
      const copy = document.createElement('button');
      copy.type = 'button';
      copy.className = 'copy';
      // Out of the tab order: the list is one tab stop, and C copies from the focused line.
      copy.tabIndex = -1;
      const label = this.around.strings().copyLinkTo(formatDuration(start));
      copy.setAttribute('aria-label', label);
      copy.title = label;
      this.#linkIcon ??= linkIcon();
      copy.append(this.#linkIcon.cloneNode(true));
      this.lines.row(index)!.append(copy);
      this.#copyButtons.set(index, copy);
    }
  }

  onPointerOver = (event: PointerEvent): void => {
    const index = this.lines.indexOf(event.target as Element);
    if (index === this.#hovered) return;
    this.#hovered = index;
    this.syncCopyButtons();
  };

  onPointerLeave = (): void => {
    this.#hovered = -1;
    this.syncCopyButtons();
  };

  /** Offers a link in a field, selected, for the reader to copy (the clipboard refused it); '' takes it away. */
  offerByHand(link: string): void {
    if (link === this.#toCopyByHand) return;
    this.#toCopyByHand = link;
    this.#focusField = Boolean(link);
    this.host.requestUpdate();
  }
}
