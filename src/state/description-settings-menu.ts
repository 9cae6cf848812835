/**
 * The audio description settings as a submenu of the player's settings menu (delivery, voice rate, extended
 * description, spoken subtitles), described without the DOM: the media adapter builds it with the player library's
 * own menu elements, and each choice goes to the store as a request.
 */
import type { DescriptionDelivery } from '../core/description-scheduler.ts';
import { descriptionStrings } from '../i18n/description-strings.ts';
import type { SettingsSubmenu } from '../media/media-adapter.ts';
import { RATES, type AudioDescription, type DescriptionsState } from './audio-description.ts';

/** The submenu for this state in the UI language `lang`; null when the lesson has no description track. */
export function descriptionSettingsMenu(
  state: DescriptionsState,
  lang: string,
  configure: AudioDescription['configure'],
): SettingsSubmenu | null {
  if (!state.available.length) return null;
  const words = descriptionStrings(lang);
  return {
    label: words.menu,
    hint: words.menuHint(state.language === null ? null : state.delivery),
    entries: [
      {
        kind: 'radio',
        label: words.delivery,
        value: state.delivery,
        options: [
          { label: words.announce, value: 'announce' },
          { label: words.speech, value: 'speech' },
        ],
        onChange: (value) => configure({ delivery: value as DescriptionDelivery }),
      },
      {
        kind: 'radio',
        label: words.rate,
        value: String(state.rate),
        options: RATES.map((rate) => ({ label: `${rate.toLocaleString(lang)} ×`, value: String(rate) })),
        onChange: (value) => configure({ rate: Number(value) }),
      },
      { kind: 'checkbox', label: words.extended, checked: state.extended, onChange: (extended) => configure({ extended }) },
      { kind: 'checkbox', label: words.spokenSubtitles, checked: state.spokenSubtitles, onChange: (spokenSubtitles) => configure({ spokenSubtitles }) },
    ],
  };
}
