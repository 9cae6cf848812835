// The shipped <lesson-player>, unchanged, on a page whose lesson comes from the query (?lesson=URL).
import '../../src/components/lesson-player/lesson-player.ts';

const player = document.createElement('lesson-player');
player.id = 'lecteur';
player.setAttribute('lesson', new URLSearchParams(location.search).get('lesson') ?? '/lessons/survivre-en-milieu-hostile.json');
document.body.append(player);
