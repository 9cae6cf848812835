/** The `@lit/context` key by which `<lesson-player>` gives its lesson store to the views inside it. */
import { createContext } from '@lit/context';
import type { LessonStore } from '../../state/lesson-store.ts';

export const lessonStoreContext = createContext<LessonStore | null>(Symbol('lesson-store'));
