/**
 * The player's panels — transcript, chapters, notes, the learner's panel and the Embed dialog — in a chunk of their
 * own: `<lesson-player>` imports this module once it is connected, so the video and its controls come first.
 * The library entry (src/index.ts) registers them the same way.
 */
import '../lesson-chapters/lesson-chapters.ts';
import '../lesson-embed/lesson-embed.ts';
import '../lesson-learner/lesson-learner.ts';
import '../lesson-notes/lesson-notes.ts';
import '../lesson-transcript/lesson-transcript.ts';
