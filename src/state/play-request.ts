/**
 * A play that nobody awaits: the play button of a note on a passage, a player put back on the page while it played,
 * a description that ends. A play cut short by a pause or a new source (`AbortError`) is what the learner asked for
 * and says nothing. Any other refusal (the browser's autoplay policy, a media that cannot play) leaves the player
 * paused with its play button showing, and is a warning for the page's author. Never an unhandled rejection: the
 * page would see an error for a learner who only pressed pause.
 */
export function playUnawaited(play: () => Promise<void>, warn: (message: string) => void): void {
  play().catch((error: unknown) => {
    if (error instanceof Error && error.name === 'AbortError') return;
    warn(`the media did not play: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
  });
}
