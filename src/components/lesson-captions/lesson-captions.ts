/**
 * `<lesson-captions>`: the caption overlay shown over the video, in place of the player library's own.
 *
 * Built from the cue's markup tree with text nodes only (see cue-dom.ts). It follows the viewer's caption style
 * from the player's menu through the `--media-user-*` custom properties, and rises above the control bar while
 * the controls show (`--lesson-captions-lift`), so captions never sit under them.
 *
 * @csspart cue - the box around the caption text.
 * @cssprop --lesson-captions-lift - distance kept from the bottom of the video.
 */
import { css, html, type PropertyValues } from 'lit';
import { customElement } from 'lit/decorators.js';
import { cueFragment, speakerLabelStyles } from '../cue-dom.ts';
import { LessonView } from '../lesson-view/lesson-view.ts';
import type { LessonChange } from '../../state/lesson-store.ts';

@customElement('lesson-captions')
export class LessonCaptions extends LessonView {
  static override styles = [speakerLabelStyles, css`
    :host {
      position: absolute;
      inset: 0;
      display: flex;
      flex-direction: column;
      justify-content: flex-end;
      align-items: center;
      pointer-events: none;
      container-type: size;
    }
    .cue {
      margin: 0 4% calc(var(--lesson-captions-lift, 0px) + 3%);
      max-width: 92%;
      padding: 0.2em 0.5em;
      font-family: var(--media-user-font-family, system-ui, sans-serif);
      font-variant: var(--media-user-font-variant, normal);
      font-size: calc(clamp(14px, 4.5cqh, 40px) * var(--media-user-font-size, 1));
      line-height: 1.3;
      color: var(--media-user-text-color, #fff);
      background: var(--media-user-text-bg, rgb(0 0 0 / 0.8));
      text-shadow: var(--media-user-text-shadow, none);
      text-align: center;
      white-space: pre-line;
      transition: margin-bottom 0.2s;
    }
    .cue[hidden] {
      display: none;
    }
    .cue-v[data-voice]::before {
      content: attr(data-voice) ': ';
    }
    @media (prefers-reduced-motion: reduce) {
      .cue {
        transition: none;
      }
    }
    @media (forced-colors: active) {
      .cue {
        background: Canvas;
        color: CanvasText;
        border: 1px solid CanvasText;
      }
    }
  `];

  protected readonly watches: readonly LessonChange[] = ['active', 'captions'];
  #shown: unknown = undefined;

  protected override render() {
    return html`<div class="cue" part="cue" lang=${this.controller?.captionsLanguage ?? ''} hidden></div>`;
  }

  protected override updated(_: PropertyValues<this>): void {
    const box = this.renderRoot.querySelector<HTMLElement>('.cue');
    const cue = this.controller?.overlayCue ?? null;
    if (!box || cue === this.#shown) return;
    this.#shown = cue;
    box.replaceChildren(cue ? cueFragment(cue.nodes) : '');
    box.hidden = !cue;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lesson-captions': LessonCaptions;
  }
}
