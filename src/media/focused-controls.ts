/**
 * Keeps the player's controls shown while one of them has the keyboard focus.
 *
 * Vidstack hides its controls 2 s into playback. A control that becomes hidden loses the focus, so Vidstack means to
 * move the focus to the player first and to give it back to the control at the next key. It looks for the focus in
 * `document.activeElement`, which our shadow root retargets to `<lesson-player>`: inside it, the focus fell to the
 * page's body instead, and the learner's next key (an arrow on the time slider, Space on a button) went nowhere
 * (WCAG 2.1.1 Keyboard, 2.4.7 Focus Visible). Here, a control that holds the focus keeps the controls shown, as in
 * Able Player; they hide again as usual once the focus leaves them. It knows Vidstack's events and remote but does
 * not import vidstack (the adapter does).
 */

/** The part of Vidstack's `<media-player>` this needs. */
export interface ControlsHost extends HTMLElement {
  remoteControl: { pauseControls(trigger?: Event): void; resumeControls(trigger?: Event): void };
}

/** Starts keeping `player`'s controls shown while focused; returns the function that stops it. */
export function keepFocusedControlsShown(player: ControlsHost): () => void {
  /** Whether the controls' idle hiding is paused by us (resumed when the focus leaves them). */
  let holding = false;
  const isControl = (node: unknown): boolean => node instanceof Node && node !== player && player.contains(node);
  const focused = () => {
    const root = player.getRootNode() as Document | ShadowRoot;
    return root.activeElement;
  };
  // Vidstack says the controls are hiding in `controls-change` (false), before it renders them hidden: shown again
  // at once, they never hide under the focus. Whatever asked them to hide: the idle timer, a menu that closed.
  const onControlsChange = (event: Event) => {
    if ((event as CustomEvent<boolean>).detail !== false || !isControl(focused())) return;
    holding = true;
    player.remoteControl.pauseControls(event);
  };
  const onFocusOut = (event: FocusEvent) => {
    if (!holding || isControl(event.relatedTarget)) return;
    holding = false;
    player.remoteControl.resumeControls(event);
  };
  player.addEventListener('controls-change', onControlsChange);
  player.addEventListener('focusout', onFocusOut);
  return () => {
    player.removeEventListener('controls-change', onControlsChange);
    player.removeEventListener('focusout', onFocusOut);
  };
}
