import { describe, expect, it } from 'vitest';
import { streamFaults, type StreamFaultSignal } from './stream-faults.ts';

function faults() {
  const calls: string[] = [];
  const counter = streamFaults({ recover: () => calls.push('recover'), leave: () => calls.push('leave') });
  return { counter, calls };
}

describe('streamFaults', () => {
  it('recovers from the element’s decode error itself, once, and leaves at the next fault after the recovery', () => {
    const { counter, calls } = faults();
    counter.attached();
    counter.fault('element');
    expect(calls).toEqual(['recover']);
    counter.attached();
    counter.fault('element');
    expect(calls).toEqual(['recover', 'leave']);
  });

  it('leaves hls.js’s reset and a fatal error to hls.js and the player library, and still counts them', () => {
    for (const signal of ['reset', 'fatal'] as const) {
      const { counter, calls } = faults();
      counter.fault(signal);
      expect(calls).toEqual([]);
      counter.attached();
      counter.fault(signal);
      expect(calls).toEqual(['leave']);
    }
  });

  it('counts one fault once, whatever signals it sends and in whatever order, until the media is attached again', () => {
    const orders: StreamFaultSignal[][] = [
      ['reset', 'element', 'fatal'],
      ['element', 'reset', 'element'],
      ['fatal', 'fatal', 'reset'],
    ];
    for (const signals of orders) {
      const { counter, calls } = faults();
      counter.attached();
      for (const signal of signals) counter.fault(signal);
      expect(calls).toEqual(signals.includes('element') ? ['recover'] : []);
      counter.attached();
      expect(calls).not.toContain('leave');
    }
  });

  it('leaves on the second fault when only hls.js resets, the element’s error never fired (as under load)', () => {
    const { counter, calls } = faults();
    counter.attached();
    counter.fault('reset');
    counter.attached();
    counter.fault('reset');
    expect(calls).toEqual(['leave']);
  });

  it('leaves once: signals after leaving, and attaches before any fault, do nothing', () => {
    const { counter, calls } = faults();
    counter.attached();
    counter.attached();
    counter.fault('fatal');
    counter.attached();
    counter.fault('element');
    counter.fault('reset');
    counter.attached();
    counter.fault('fatal');
    expect(calls).toEqual(['leave']);
  });
});
