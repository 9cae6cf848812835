/**
 * The description scheduler's engine over the Web Speech API (`speechSynthesis`): feature-detected, so a browser
 * without it gets null and the player announces instead. Tests replace `speechSynthesis` itself (the boundary), so
 * this adapter runs as it does for learners.
 *
 * A voice is chosen for the utterance's language (exact tag, then primary subtag); with none, `speak` returns
 * false rather than let the browser read French text with an English voice. Voices may arrive late
 * (`voiceschanged`): they are read again on each utterance.
 */
import type { SpeechEngine, Utterance } from '../core/description-scheduler.ts';

export function browserSpeechEngine(): SpeechEngine | null {
  const synth = globalThis.speechSynthesis as SpeechSynthesis | undefined;
  const Speech = globalThis.SpeechSynthesisUtterance as typeof SpeechSynthesisUtterance | undefined;
  if (!synth || typeof Speech !== 'function') return null;
  const voiceFor = (lang: string): SpeechSynthesisVoice | undefined => {
    const wanted = lang.toLowerCase();
    const primary = wanted.split('-')[0];
    const voices = synth.getVoices();
    return voices.find((v) => v.lang.toLowerCase() === wanted) ?? voices.find((v) => v.lang.toLowerCase().replace('_', '-').split('-')[0] === primary);
  };
  return {
    speak({ text, lang, rate }: Utterance, events) {
      const voice = voiceFor(lang);
      if (!voice) return false;
      const utterance = new Speech(text);
      utterance.lang = lang;
      utterance.voice = voice;
      utterance.rate = rate;
      utterance.onend = () => events.end();
      // `interrupted`/`canceled` come from our own cancel: the scheduler has moved on, it is not a failure.
      utterance.onerror = (event) => {
        if (event.error !== 'interrupted' && event.error !== 'canceled') events.error();
      };
      synth.speak(utterance);
      return true;
    },
    cancel() {
      synth.cancel();
    },
  };
}
