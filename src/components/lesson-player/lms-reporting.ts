/**
 * Turns on the learning platform bridges a page asks for on `<lesson-player>` — SCORM (`scorm`), an LRS
 * (`xapi-endpoint`, `xapi-auth`, `xapi-actor`, `xapi-activity`) or a cmi5 launch (`cmi5`) — when the player first
 * connects. Each bridge is its own chunk, fetched only then: a page that asks for none never downloads them. The
 * bridges are plugins of the lesson store, which starts, stops and disposes them with itself; a reactive
 * controller only for the moment it reads its host's attributes.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { DEFAULT_COMPLETE_AT } from '../../lms/completion.ts';
import type { WindowLike } from '../../lms/scorm-api.ts';
import type { LessonEnvironment } from '../../state/environment.ts';
import type { LessonStore } from '../../state/lesson-store.ts';

/** The host's attributes the bridges read. */
export interface LmsSettings {
  lesson: string;
  scorm: '' | '1.2' | '2004';
  scormCompleteAt: number;
  xapiEndpoint: string;
  xapiAuth: string;
  xapiActor: string;
  xapiActivity: string;
  cmi5: boolean;
  completeAt: number;
}

/** A percentage attribute as a share: 1 to 100 %, else the bridges' default. */
const share = (percent: number) => Math.min(100, Math.max(1, percent || DEFAULT_COMPLETE_AT * 100)) / 100;

export class LmsReporting implements ReactiveController {
  #asked = false;

  constructor(
    private readonly host: ReactiveControllerHost & LmsSettings,
    private readonly store: LessonStore,
    private readonly env: LessonEnvironment,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.#asked) return;
    this.#asked = true;
    const { scorm, xapiEndpoint, cmi5 } = this.host;
    const failed = (error: unknown) => console.error('lesson-player: the learning platform bridge could not be loaded', error);
    if (scorm === '1.2' || scorm === '2004') {
      const completeAt = share(this.host.scormCompleteAt);
      import('../../lms/scorm-bridge.ts').then(({ ScormBridge }) => {
        this.store.use(new ScormBridge(this.store, this.env, { version: scorm, completeAt, window: window as unknown as WindowLike }));
      }, failed);
    }
    if (cmi5 || xapiEndpoint) {
      const { xapiAuth, xapiActor, xapiActivity, lesson } = this.host;
      // Without `xapi-activity`, the lesson's IRI is its manifest's address.
      const options = cmi5
        ? { cmi5Search: location.search }
        : { lrs: { endpoint: new URL(xapiEndpoint, document.baseURI).href, authorization: xapiAuth, actor: xapiActor, activityId: xapiActivity || new URL(lesson, document.baseURI).href } };
      const completeAt = share(this.host.completeAt);
      import('../../lms/xapi-bridge.ts').then(({ XapiBridge }) => {
        this.store.use(new XapiBridge(this.store, this.env, { ...options, completeAt }));
      }, failed);
    }
  }
}
