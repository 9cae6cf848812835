// The full transcript pages (transcription.html, transcript.html): the document view alone, no player.
import '../components/lesson-transcript-document/lesson-transcript-document.ts';
