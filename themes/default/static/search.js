/* hakusho search: runs in the browser on the prebuilt index (search-index.js), no server, works from
   file://. Japanese is matched inside running text through character pairs (bigrams), Latin words by
   prefix, case-insensitively. The tokenizer mirrors src/search/tokenize.rs; keep the two in step. */
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
  function normalize(text) {
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

  function tokens(normalized) {
    var chars = Array.from(normalized);
    var out = [];
    var i = 0;
    while (i < chars.length) {
      var ch = chars[i];
      if (isCjkLetter(ch.codePointAt(0))) {
        var start = i;
        while (i < chars.length && isCjkLetter(chars[i].codePointAt(0))) i++;
        if (i - start === 1) out.push(chars[start]);
        else for (var k = start; k + 1 < i; k++) out.push(chars[k] + chars[k + 1]);
      } else if (isWordChar(ch)) {
        var s = i;
        while (i < chars.length && isWordChar(chars[i])) i++;
        out.push(chars.slice(s, i).join(''));
      } else {
        i++;
      }
    }
    return out;
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

  function intersect(a, b) {
    var out = [];
    var i = 0, j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) { out.push(a[i]); i++; j++; }
      else if (a[i] < b[j]) i++;
      else j++;
    }
    return out;
  }

  /* Pages that may hold the term, from the index (a superset; counting confirms). */
  function candidates(index, term) {
    var toks = tokens(term);
    var all = null;
    if (toks.length === 0 || (toks.length === 1 && Array.from(toks[0]).length === 1 && isCjkLetter(toks[0].codePointAt(0)))) {
      return null; // a single kanji: scan every page
    }
    var keys = null;
    toks.forEach(function (tok, n) {
      var list;
      if (isCjkLetter(tok.codePointAt(0))) {
        list = index.grams[tok] || [];
      } else {
        /* the last word of the term may be a prefix; the others are whole words or prefixes too */
        keys = keys || Object.keys(index.grams);
        var set = {};
        keys.forEach(function (k) {
          if (k.lastIndexOf(tok, 0) === 0) index.grams[k].forEach(function (d) { set[d] = true; });
        });
        list = Object.keys(set).map(Number).sort(function (a, b) { return a - b; });
      }
      all = n === 0 ? list : intersect(all, list);
    });
    return all;
  }

  /* Matches for every word of q, best first: title ×10, summary ×3, text ×1. */
  function search(index, q) {
    var terms = normalize(q).split(/\s+/).filter(Boolean);
    if (terms.length === 0) return [];
    var pool = null;
    terms.forEach(function (t) {
      var c = candidates(index, t);
      if (c !== null) pool = pool === null ? c : intersect(pool, c);
    });
    var docs = pool === null ? index.docs.map(function (_, i) { return i; }) : pool;
    var hits = [];
    docs.forEach(function (d) {
      var doc = index.docs[d];
      var title = normalize(doc[0]), summary = normalize(doc[2]), text = normalize(doc[3]);
      var score = 0;
      for (var i = 0; i < terms.length; i++) {
        var s = 10 * count(title, terms[i]) + 3 * count(summary, terms[i]) + count(text, terms[i]);
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
    var sources = [doc[2], doc[3]];
    for (var s = 0; s < sources.length; s++) {
      var original = sources[s];
      var norm = normalize(original);
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

  var api = { normalize: normalize, tokens: tokens, search: search, snippet: snippet };
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
        ? form.getAttribute('data-found').replace('{n}', String(hits.length))
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
