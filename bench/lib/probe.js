// Injected before any page script (Playwright addInitScript): helpers the benchmark calls from outside the player.
// It observes the page only: the player exposes nothing for the benchmark.
(() => {
  const bench = {
    readyAt: null,
    readyDetail: null,
    /** Main-thread tasks over 50 ms since navigation: [start, duration] in ms. */
    longTasks: [],
    /** First match of a selector in the document or any shadow root under it. */
    find(selector, root = document) {
      const hit = root.querySelector(selector);
      if (hit) return hit;
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) {
          const found = bench.find(selector, el.shadowRoot);
          if (found) return found;
        }
      }
      return null;
    },
    /** Every node (elements, text, comments) in the document and its shadow roots. */
    countNodes(root = document) {
      let n = 0;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
      for (let node = walker.currentNode; node; node = walker.nextNode()) {
        n++;
        if (node.shadowRoot) n += bench.countNodes(node.shadowRoot);
      }
      return n;
    },
    frame: () => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now()))),
    transcriptRoot: () => bench.find('lesson-transcript')?.shadowRoot ?? null,
    rows: () => bench.transcriptRoot()?.querySelectorAll('.row').length ?? 0,
    /**
     * Whether the transcript shows its lines: every line, or (a long lesson builds only the lines near its view)
     * built lines filling at least the height of its scroll container.
     */
    transcriptShown() {
      const root = bench.transcriptRoot();
      const scroller = root?.querySelector('.scroller');
      if (!bench.readyDetail || !scroller) return false;
      const rows = [...root.querySelectorAll('.row')];
      if (rows.length === bench.readyDetail.cues) return true;
      return rows.length > 0 && rows.reduce((sum, row) => sum + row.offsetHeight, 0) >= scroller.clientHeight;
    },
    /** Whether the notes panel shows the lesson's notes (they are asked for once the lesson has painted). */
    notesShown: () => Boolean(bench.find('lesson-notes')?.shadowRoot?.querySelector('.note-body')),
    /** Calls back with (row index, performance.now(), video.currentTime) each time a line is marked current. */
    observeMarks(callback) {
      const video = bench.find('video');
      const observer = new MutationObserver((records) => {
        const now = performance.now();
        const media = video ? video.currentTime : NaN;
        for (const record of records) {
          if (record.target.getAttribute('aria-current') === 'true') callback(Number(record.target.closest('.row').dataset.index), now, media);
        }
      });
      observer.observe(bench.transcriptRoot(), { subtree: true, attributes: true, attributeFilter: ['aria-current'] });
      return () => observer.disconnect();
    },
  };
  document.addEventListener(
    'lesson-ready',
    (event) => {
      bench.readyAt ??= performance.now();
      bench.readyDetail ??= event.detail;
    },
    true,
  );
  if (PerformanceObserver.supportedEntryTypes?.includes('longtask')) {
    new PerformanceObserver((list) => {
      for (const task of list.getEntries()) bench.longTasks.push([task.startTime, task.duration]);
    }).observe({ type: 'longtask', buffered: true });
  }
  window.__bench = bench;
})();
