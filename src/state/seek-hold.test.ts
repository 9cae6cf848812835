import { describe, expect, it } from 'vitest';
import { SeekHold } from './seek-hold.ts';

describe('SeekHold', () => {
  it('holds a seek’s target over the media’s stale clock until the media has sought there', () => {
    const hold = new SeekHold();
    hold.seeking(41.5);
    expect(hold.clock(73.3)).toBe(41.5);
    hold.mediaReported(true, 73.3);
    expect(hold.clock(73.3)).toBe(41.5);
    hold.mediaReported(false, 41.5);
    expect(hold.clock(45)).toBe(45);
  });

  it('keeps the target when the seek the media finishes is the one asked before it (a quick next, then previous)', () => {
    const hold = new SeekHold();
    hold.seeking(73.3);
    hold.mediaReported(true, 41.5);
    hold.seeking(41.5);
    hold.mediaReported(false, 73.3); // the seek to 73.3 ends now
    expect(hold.clock(73.3)).toBe(41.5);
    hold.mediaReported(true, 73.3);
    hold.mediaReported(false, 41.5);
    expect(hold.clock(42)).toBe(42);
  });

  it('lets go when the media finishes elsewhere: it clamped the target, or went elsewhere (its own slider)', () => {
    const hold = new SeekHold();
    hold.seeking(300);
    hold.mediaReported(true, 0);
    hold.mediaReported(false, 229);
    expect(hold.clock(229)).toBe(229);
    hold.seeking(41.5);
    hold.mediaReported(true, 229);
    hold.mediaReported(false, 120);
    expect(hold.clock(120)).toBe(120);
  });

  it('lets go as soon as the media’s clock is at the target; a start waiting for the media wins over both', () => {
    const hold = new SeekHold();
    hold.seeking(10);
    expect(hold.clock(10.1)).toBe(10.1);
    hold.start = 5;
    hold.seeking(20);
    expect(hold.clock(0)).toBe(5);
    hold.clear();
    expect(hold.clock(3)).toBe(3);
  });
});
