// The demo page: registers every element of the player.
import '../components/lesson-player/lesson-player.ts';
