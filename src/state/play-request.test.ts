import { describe, expect, it, vi } from 'vitest';
import { playUnawaited } from './play-request.ts';
import { storeWithMedia } from './testing/fake-environment.ts';

/** Lets the rejection handler run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('playUnawaited', () => {
  it('says nothing when the play is cut short by a pause', async () => {
    const warn = vi.fn();
    playUnawaited(() => Promise.reject(new DOMException('The play() request was interrupted by a call to pause().', 'AbortError')), warn);
    await settle();
    expect(warn).not.toHaveBeenCalled();
  });

  it('warns, naming the refusal, when the browser refuses to play', async () => {
    const warn = vi.fn();
    playUnawaited(() => Promise.reject(new DOMException("play() failed because the user didn't interact with the document first.", 'NotAllowedError')), warn);
    await settle();
    expect(warn).toHaveBeenCalledExactlyOnceWith("the media did not play: NotAllowedError: play() failed because the user didn't interact with the document first.");
  });

  it('warns with whatever was thrown when it is not an error', async () => {
    const warn = vi.fn();
    playUnawaited(() => Promise.reject('no source'), warn);
    await settle();
    expect(warn).toHaveBeenCalledExactlyOnceWith('the media did not play: no source');
  });

  it('says nothing when the media plays', async () => {
    const warn = vi.fn();
    const play = vi.fn(() => Promise.resolve());
    playUnawaited(play, warn);
    await settle();
    expect(play).toHaveBeenCalledOnce();
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('LessonStore.requestPlay, for buttons and resumptions that await nothing', () => {
  it('plays the media', async () => {
    const { store, media } = await storeWithMedia();
    store.requestPlay();
    await settle();
    expect(media.plays).toBe(1);
    expect(store.paused).toBe(false);
  });

  it('a play the learner cut short with pause is no error and no warning', async () => {
    const { env, store, media } = await storeWithMedia();
    media.playRefusal = new DOMException('The play() request was interrupted by a call to pause().', 'AbortError');
    store.requestPlay();
    await settle();
    expect(media.plays).toBe(1);
    expect(env.warnings).toEqual([]);
  });

  it('a play the browser refuses is one warning; the lesson stays paused', async () => {
    const { env, store, media } = await storeWithMedia();
    media.playRefusal = new DOMException('play() failed because the user did not interact with the document first.', 'NotAllowedError');
    store.requestPlay();
    await settle();
    expect(env.warnings).toEqual(['the media did not play: NotAllowedError: play() failed because the user did not interact with the document first.']);
    expect(store.paused).toBe(true);
  });
});
