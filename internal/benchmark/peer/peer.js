// The JavaScript peer of the browser benchmark: the pipeline a site would
// assemble from npm packages instead of the widget. It reads the quoted
// passages of the article (the text between quote marks), searches each
// statement of the bundle for each of them with approx-string-match (the
// fuzzy search the Hypothesis client anchors with), allowing a quarter of
// the quote's characters as errors, as a misquote would need, and marks the
// quotes that match with mark.js.
//
// It runs after mark.js (window.Mark) and is configured by its tag:
// data-statements (the bundle's URL), data-root (the article's selector),
// data-search (approx-string-match's module) and data-candidates. When done
// it fires peer:done on document with what it did and how long each stage
// took (load: its module and the bundle; index; search, with the reading of
// the article; mark), or with {error}.
//
// Searching every statement for every quote is quotes × statements
// searches (5,000 × 10,000 on the L page), so, as a site would, it searches
// only the statements that hold one of the quote's two rarest words (an
// inverted index of the bundle's words): one changed word still leaves the
// other. data-candidates="all" searches every statement instead.
(() => {
  const script = document.currentScript;
  const { statements: bundleURL, root: rootSelector, search: searchURL } = script.dataset;
  const searchAll = script.dataset.candidates === 'all';

  // Quoted passages: between curly or straight double quotes.
  const quoteMarks = /[“"]([^“”"]+)[”"]/g;
  const wordPattern = /[\p{L}\p{N}]+/gu;
  const rarest = 2;

  const words = (text) => new Set(text.toLowerCase().match(wordPattern));

  // index maps each word to the statements that hold it.
  function index(texts) {
    const postings = new Map();
    texts.forEach((text, i) => {
      for (const w of words(text)) {
        let list = postings.get(w);
        if (!list) postings.set(w, (list = []));
        list.push(i);
      }
    });
    return postings;
  }

  // candidates are the statements that hold one of the quote's rarest
  // words (those that some statement holds).
  function candidates(postings, quote, every) {
    if (searchAll) return every;
    const lists = [...words(quote)]
      .map((w) => postings.get(w))
      .filter(Boolean)
      .sort((a, b) => a.length - b.length)
      .slice(0, rarest);
    return [...new Set(lists.flat())];
  }

  async function run() {
    const phases = {};
    let t = performance.now();
    const lap = (name) => {
      const now = performance.now();
      phases[name] = now - t;
      t = now;
    };
    const [{ default: search }, bundle] = await Promise.all([
      import(searchURL),
      fetch(bundleURL).then((r) => {
        if (!r.ok) throw new Error(`${bundleURL}: ${r.status}`);
        return r.json();
      }),
    ]);
    lap('load');
    const texts = bundle['@graph'].filter((n) => n['@type'] === 'Quotation').map((n) => n.text);
    const postings = index(texts);
    const every = texts.map((_, i) => i);
    lap('index');
    const root = document.querySelector(rootSelector);
    const text = root.textContent;

    let quotes = 0;
    let searches = 0;
    const ranges = [];
    for (const m of text.matchAll(quoteMarks)) {
      const quote = m[1];
      const maxErrors = Math.floor(quote.length / 4);
      quotes++;
      let best = Infinity;
      for (const i of candidates(postings, quote, every)) {
        searches++;
        for (const found of search(texts[i], quote, maxErrors)) best = Math.min(best, found.errors);
      }
      if (best <= maxErrors) ranges.push({ start: m.index + 1, length: quote.length });
    }

    lap('search');
    const marks = await new Promise((resolve) => {
      new Mark(root).markRanges(ranges, { className: 'peer-match', done: resolve });
    });
    lap('mark');
    return { quotes, statements: texts.length, searches, matches: ranges.length, marks, phases };
  }

  run().then(
    (detail) => document.dispatchEvent(new CustomEvent('peer:done', { detail })),
    (err) => document.dispatchEvent(new CustomEvent('peer:done', { detail: { error: String(err) } })),
  );
})();
