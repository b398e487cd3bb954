/* hakusho search: runs in the browser on the prebuilt index (search-index.js: every page's title, address,
   summary and text), no server, works from file://. Japanese is matched anywhere in running text, Latin words
   by prefix, case-insensitively, by scanning the normalized text of every page (normalized once, then kept).
   The rules mirror src/search/ (tokenize.rs, mod.rs); keep the two in step. */
(function () {
  'use strict';

  function isCjkLetter(cp) {
    if (cp === 0x30FB) return false; // ・
    return (cp >= 0x3041 && cp <= 0x309F) || (cp >= 0x30A0 && cp <= 0x30FF) ||
      (cp >= 0x31F0 && cp <= 0x31FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
      (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
      (cp >= 0xFF66 && cp <= 0xFF9F) || (cp >= 0xAC00 && cp <= 0xD7AF) ||
      (cp >= 0x20000 && cp <= 0x2FA1F);
  }
  var LETTER = /[\p{L}\p{N}]/u;
  function isWordChar(ch) {
    return LETTER.test(ch) && !isCjkLetter(ch.codePointAt(0));
  }

  /* Full-width ASCII to ASCII, ideographic space to space, lower case; one character for one. */
  function normalizeSlow(text) {
    var out = '';
    for (var ch of String(text)) {
      var cp = ch.codePointAt(0);
      if (cp >= 0xFF01 && cp <= 0xFF5E) ch = String.fromCodePoint(cp - 0xFEE0);
      else if (cp === 0x3000) ch = ' ';
      var lower = ch.toLowerCase();
      out += Array.from(lower).length === 1 ? lower : ch;
    }
    return out;
  }
  function normalize(text) {
    var s = String(text).replace(/[\uFF01-\uFF5E]/g, function (c) {
      return String.fromCharCode(c.charCodeAt(0) - 0xFEE0);
    }).replace(/\u3000/g, ' ');
    /* The whole-string lower case is native and fast; where it is not one character for one (İ) or
       depends on context (final Σ), fall back to the character-by-character rule. */
    var lower = s.toLowerCase();
    if (lower.length === s.length && s.indexOf('\u03A3') < 0) return lower;
    return normalizeSlow(s);
  }

  /* Occurrences of term: anywhere for CJK, at the start of a word for Latin. */
  function count(text, term) {
    var latin = !isCjkLetter(term.codePointAt(0));
    var n = 0;
    var from = 0;
    for (;;) {
      var at = text.indexOf(term, from);
      if (at < 0) return n;
      var before = at > 0 ? Array.from(text.slice(Math.max(0, at - 2), at)).pop() : '';
      if (!latin || !before || !isWordChar(before)) n++;
      from = at + term.length;
    }
  }

  /* Each page's title, summary and text, normalized on first use and kept for later queries. */
  var normalized = typeof WeakMap === 'function' ? new WeakMap() : null;
  function normalizedDoc(doc) {
    var n = normalized && normalized.get(doc);
    if (!n) {
      n = [normalize(doc[0]), normalize(doc[2]), normalize(doc[3])];
      if (normalized) normalized.set(doc, n);
    }
    return n;
  }

  /* Matches for every word of q, best first: title ×10, summary ×3, text ×1. */
  function search(index, q) {
    var terms = normalize(q).split(/\s+/).filter(Boolean);
    if (terms.length === 0) return [];
    var hits = [];
    index.docs.forEach(function (doc, d) {
      var n = normalizedDoc(doc);
      var score = 0;
      for (var i = 0; i < terms.length; i++) {
        var s = 10 * count(n[0], terms[i]) + 3 * count(n[1], terms[i]) + count(n[2], terms[i]);
        if (s === 0) return;
        score += s;
      }
      hits.push({ doc: d, score: score });
    });
    hits.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
    return hits;
  }

  function escapeHtml(s) {
    return s.replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  /* A piece of the summary or text around the first match, matches marked. */
  function snippet(doc, q) {
    var terms = normalize(q).split(/\s+/).filter(Boolean);
    var n = normalizedDoc(doc);
    var sources = [[doc[2], n[1]], [doc[3], n[2]]];
    for (var s = 0; s < sources.length; s++) {
      var original = sources[s][0];
      var norm = sources[s][1];
      var first = -1;
      terms.forEach(function (t) {
        var at = norm.indexOf(t);
        if (at >= 0 && (first < 0 || at < first)) first = at;
      });
      if (first < 0) continue;
      var start = Math.max(0, first - 40);
      var end = Math.min(original.length, first + 80);
      var piece = original.slice(start, end);
      var pieceNorm = norm.slice(start, end);
      var html = '';
      var i = 0;
      while (i < piece.length) {
        var hit = null;
        for (var k = 0; k < terms.length; k++) {
          if (pieceNorm.indexOf(terms[k], i) === i) { hit = terms[k]; break; }
        }
        if (hit) {
          html += '<mark>' + escapeHtml(piece.slice(i, i + hit.length)) + '</mark>';
          i += hit.length;
        } else {
          html += escapeHtml(piece[i]);
          i++;
        }
      }
      return (start > 0 ? '…' : '') + html + (end < original.length ? '…' : '');
    }
    return escapeHtml(doc[2].slice(0, 120));
  }

  var api = { normalize: normalize, search: search, snippet: snippet };
  if (typeof module !== 'undefined' && module.exports) module.exports = api;
  if (typeof document === 'undefined') return;

  function start() {
    var index = window.HAKUSHO_SEARCH_INDEX;
    var form = document.getElementById('hk-search-form');
    var input = document.getElementById('hk-search-input');
    var list = document.getElementById('hk-search-results');
    var status = document.getElementById('hk-search-status');
    var nojs = document.getElementById('hk-search-nojs');
    if (!index || !form || !input || !list || !status) return;
    form.hidden = false;
    if (nojs) nojs.hidden = true;
    function run() {
      var q = input.value.trim();
      list.textContent = '';
      if (!q) { status.textContent = ''; return; }
      var hits = search(index, q);
      status.textContent = hits.length
        ? (hits.length === 1 && form.getAttribute('data-found-one') || form.getAttribute('data-found')).replace('{n}', String(hits.length))
        : form.getAttribute('data-none');
      hits.slice(0, 50).forEach(function (h) {
        var doc = index.docs[h.doc];
        var li = document.createElement('li');
        var a = document.createElement('a');
        a.href = doc[1];
        a.textContent = doc[0];
        var p = document.createElement('p');
        p.className = 'snippet';
        p.innerHTML = snippet(doc, q);
        li.appendChild(a);
        li.appendChild(p);
        list.appendChild(li);
      });
      try {
        var url = new URL(window.location.href);
        url.searchParams.set('q', q);
        window.history.replaceState(null, '', url.toString());
      } catch (e) { /* file:// may refuse; searching still works */ }
    }
    var timer = null;
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(run, 80);
    });
    form.addEventListener('submit', function (e) { e.preventDefault(); run(); });
    var params = new URLSearchParams(window.location.search);
    if (params.get('q')) { input.value = params.get('q'); run(); }
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
