/**
 * A submenu of the lesson's own inside the settings menu of Vidstack's default layout (audio description), built
 * from Vidstack's menu elements and classes so that it looks, reads and moves by keyboard like the layout's own
 * submenus. It knows the layout's DOM but does not import vidstack: the elements are already defined by the adapter.
 *
 * The layout renders its settings submenus only while the settings menu is open, and again whenever one of them
 * changes (a new language): ours is put back after the Accessibility submenu each time, as a fresh element, since
 * Vidstack's menu components do not come back to life once removed.
 */
import { html, render, type TemplateResult } from 'lit';
import type { SettingsEntry, SettingsSubmenu } from './media-adapter.ts';

let sectionCount = 0;

/** Keeps the submenu `model()` describes in the settings menu found under `root`; `refresh()` after the model changed. */
export function keepSubmenuInSettings(root: HTMLElement, model: () => SettingsSubmenu | null): { refresh(): void; disconnect(): void } {
  let submenu: HTMLElement | null = null;
  // The model is asked for only while the submenu is in the menu: it formats numbers in the learner's language, and
  // the first number formatted in a page costs more than the rest of the submenu (ICU's locale data).
  const refresh = () => {
    if (!submenu) return;
    const described = model();
    if (described) render(submenuTemplate(described), submenu);
  };
  const place = () => {
    const items = root.querySelector('.vds-settings-menu-items');
    const anchor = items?.querySelector(':scope > .vds-accessibility-menu') ?? null;
    if (submenu && (!anchor || !submenu.isConnected)) {
      submenu.remove();
      submenu = null;
    }
    if (!anchor || submenu || !model()) return;
    submenu = document.createElement('media-menu');
    submenu.className = 'vds-menu lesson-settings-submenu';
    refresh();
    anchor.after(submenu);
  };
  const observer = new MutationObserver(place);
  observer.observe(root, { childList: true, subtree: true });
  place();
  return {
    refresh,
    disconnect: () => {
      observer.disconnect();
      submenu?.remove();
      submenu = null;
    },
  };
}

function submenuTemplate({ label, hint, entries }: SettingsSubmenu): TemplateResult {
  return html`<media-menu-button class="vds-menu-item">
      <slot name="menu-arrow-left-icon" data-class="vds-icon vds-menu-arrow-left-icon vds-menu-close-icon"></slot>
      <slot name="menu-accessibility-icon" data-class="vds-icon vds-menu-accessibility-icon vds-menu-item-icon"></slot>
      <span class="vds-menu-item-label">${label}</span>
      <span class="vds-menu-item-hint" data-part="hint">${hint}</span>
      <slot name="menu-arrow-right-icon" data-class="vds-icon vds-menu-arrow-right-icon vds-menu-open-icon"></slot>
    </media-menu-button>
    <media-menu-items class="vds-menu-items">${entries.map(entryTemplate)}</media-menu-items>`;
}

function entryTemplate(entry: SettingsEntry): TemplateResult {
  if (entry.kind === 'checkbox') {
    const toggle = () => entry.onChange(!entry.checked);
    return html`<div class="vds-menu-section">
      <div class="vds-menu-section-body">
        <div class="vds-menu-item">
          <div class="vds-menu-item-label">${entry.label}</div>
          <div
            class="vds-menu-checkbox"
            role="menuitemcheckbox"
            tabindex="0"
            aria-label=${entry.label}
            aria-checked=${String(entry.checked)}
            @pointerup=${(event: PointerEvent) => event.button === 0 && toggle()}
            @keydown=${(event: KeyboardEvent) => {
              if (event.key !== 'Enter' && event.key !== ' ') return;
              event.preventDefault();
              toggle();
            }}
          ></div>
        </div>
      </div>
    </div>`;
  }
  const id = `lesson-settings-section-${++sectionCount}`;
  return html`<section class="vds-menu-section" role="group" aria-labelledby=${id}>
    <div class="vds-menu-section-title"><header id=${id}>${entry.label}</header></div>
    <div class="vds-menu-section-body">
      <media-radio-group
        class="vds-radio-group"
        value=${entry.value}
        @change=${(event: CustomEvent<string | boolean>) => {
          // Each radio's own change (checked or not: a boolean) bubbles through the group: only its value counts.
          if (typeof event.detail === 'string') entry.onChange(event.detail);
        }}
      >
        ${entry.options.map(
          (option) => html`<media-radio class="vds-radio" value=${option.value}>
            <slot name="menu-radio-check-icon" data-class="vds-icon"></slot>
            <span class="vds-radio-label" data-part="label">${option.label}</span>
          </media-radio>`,
        )}
      </media-radio-group>
    </div>
  </section>`;
}
