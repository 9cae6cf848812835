import { describe, expect, it, vi } from 'vitest';
import type { DescriptionsState } from './audio-description.ts';
import { descriptionSettingsMenu } from './description-settings-menu.ts';

const state: DescriptionsState = {
  language: 'fr',
  available: ['fr', 'en'],
  delivery: 'announce',
  rate: 1,
  extended: true,
  spokenSubtitles: false,
  fallback: null,
};

describe('descriptionSettingsMenu', () => {
  it('is absent without a description track', () => {
    expect(descriptionSettingsMenu({ ...state, available: [] }, 'fr', vi.fn())).toBeNull();
  });

  it('names the submenu and its state in the UI language, with the current choices', () => {
    const menu = descriptionSettingsMenu(state, 'fr', vi.fn())!;
    expect([menu.label, menu.hint]).toEqual(['Audiodescription', 'Annoncée']);
    expect(menu.entries.map((e) => [e.label, e.kind === 'radio' ? e.value : e.checked])).toEqual([
      ['Les descriptions sont', 'announce'],
      ['Débit de la voix', '1'],
      ['Mettre la vidéo en pause le temps d’une longue description', true],
      ['Lire aussi les sous-titres à voix haute', false],
    ]);
    const rates = menu.entries[1]!;
    expect(rates.kind === 'radio' && rates.options.map((o) => o.label)).toEqual(['0,75 ×', '1 ×', '1,25 ×', '1,5 ×', '2 ×']);
    expect(descriptionSettingsMenu({ ...state, language: null }, 'en', vi.fn())!.hint).toBe('Off');
    expect(descriptionSettingsMenu({ ...state, delivery: 'speech' }, 'en', vi.fn())!.hint).toBe('Read aloud');
  });

  it('sends each choice to the store as a setting', () => {
    const configure = vi.fn();
    const [delivery, rate, extended, spoken] = descriptionSettingsMenu(state, 'en', configure)!.entries;
    if (delivery!.kind !== 'radio' || rate!.kind !== 'radio' || extended!.kind !== 'checkbox' || spoken!.kind !== 'checkbox') throw new Error('entry kinds');
    delivery!.onChange('speech');
    rate!.onChange('1.5');
    extended!.onChange(false);
    spoken!.onChange(true);
    expect(configure.mock.calls).toEqual([[{ delivery: 'speech' }], [{ rate: 1.5 }], [{ extended: false }], [{ spokenSubtitles: true }]]);
  });
});
