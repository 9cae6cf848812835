/**
 * `<lesson-transcript-document>`: the lesson's full transcript as a document to read (RGAA 4.1/4.2, WCAG 1.2.3):
 * one section per chapter, headed by its title, starting with a description of the chapter's slide, then the
 * speech as paragraphs with their start time. Built by `buildTranscriptDocument` (core/transcript-document.ts).
 *
 * @attr lesson - URL of the lesson manifest: the element loads the lesson itself (a page of its own).
 * @attr for - or: id of a `<lesson-player>` whose lesson to show.
 * @attr heading-level - level of the chapter headings, 2–6 (default 2).
 *
 * @csspart section - each chapter's section.
 * @csspart slide - a slide's description (from the lesson's description track when it has one).
 */
import { css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { html as staticHtml, literal, type StaticValue } from 'lit/static-html.js';
import { buildTranscriptDocument, describeSlide } from '../../core/transcript-document.ts';
import { descriptionStrings } from '../../i18n/description-strings.ts';
import { formatDuration, formatTime } from '../../core/time.ts';
import { browserEnvironment } from '../../state/browser-environment.ts';
import { LessonStore, type LessonChange } from '../../state/lesson-store.ts';
import { pageLanguage } from '../page-language.ts';
import { LessonView } from '../lesson-view/lesson-view.ts';
import { visuallyHiddenStyles } from '../view-styles.ts';

const HEADINGS: readonly StaticValue[] = [literal`h2`, literal`h3`, literal`h4`, literal`h5`, literal`h6`];

@customElement('lesson-transcript-document')
export class LessonTranscriptDocument extends LessonView {
  static override styles = [
    visuallyHiddenStyles,
    css`
    :host {
      display: block;
      line-height: 1.6;
    }
    section {
      margin-block-end: 2rem;
    }
    .heading {
      margin: 0 0 0.5rem;
      font-size: 1.25rem;
      line-height: 1.3;
    }
    .slide {
      margin: 0 0 0.75rem;
      padding: 0.5rem 0.75rem;
      border-inline-start: 4px solid currentColor;
      font-style: italic;
      overflow-wrap: anywhere;
    }
    .time {
      font-variant-numeric: tabular-nums;
      font-weight: 700;
      margin-inline-end: 0.25rem;
    }
    /* A copied paragraph gives its time once, as shown ("0:04 Depuis…"), not run into its spoken form. */
    .spoken {
      user-select: none;
    }
    p {
      margin: 0 0 0.75rem;
      max-width: 70ch;
      overflow-wrap: anywhere;
    }
  `,
  ];

  /** Manifest URL, for a page that shows the transcript without a player. */
  @property() lesson = '';
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  protected readonly watches: readonly LessonChange[] = ['status', 'model'];

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Set before the base class subscribes to the controller (in this same update).
    if (changed.has('lesson') && this.lesson && !this.htmlFor && !this.controller) {
      this.controller = new LessonStore(browserEnvironment(this));
      this.controller.setLanguage(pageLanguage(this));
    }
    super.willUpdate(changed);
    if (changed.has('lesson') && this.lesson && !this.htmlFor) void this.controller!.load(this.lesson);
  }

  protected override render() {
    const controller = this.controller;
    const s = this.strings;
    if (!controller || controller.status === 'loading' || controller.status === 'idle') return html`<p role="status">${s.loading}</p>`;
    const model = controller.model;
    if (controller.status === 'error' || !model) return html`<p role="alert">${s.loadFailed}</p>`;
    const doc = buildTranscriptDocument(model);
    const line = descriptionStrings(s.lang).line;
    const level = Math.min(6, Math.max(2, Math.floor(Number(this.headingLevel)) || 2));
    const heading = HEADINGS[level - 2]!;
    const words = { slide: s.slide, chapterOf: s.chapterOf, colon: s.colon };
    return html`<article lang=${doc.lang}>
      ${doc.sections.map(
        (section, i) => staticHtml`<section part="section" aria-labelledby=${`section-${i}`}>
          <${heading} class="heading" id=${`section-${i}`}>${section.title}</${heading}>
          ${section.slide ? html`<p class="slide" part="slide">[${describeSlide(section.slide, words)}]</p>` : nothing}
          ${section.descriptions.map((d) => html`<p class="slide" part="slide">[${line}${d.text}]</p>`)}
          ${section.paragraphs.map(
            (p) =>
              html`<p><span class="time"><span aria-hidden="true">${formatTime(p.start)}</span><span class="visually-hidden spoken">${formatDuration(p.start)}</span></span> ${p.text}</p>`,
          )}
        </section>`,
      )}
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lesson-transcript-document': LessonTranscriptDocument;
  }
}
