// hakusho default theme: two small aids to reading; every page works without them.
// 1. The table of contents marks the section being read (aria-current on its link).
// 2. The language switch keeps the reader's place: the #section (mapped to the other language's id
//    where the headings differ, see render/reading_nav.rs) and the search query (?q=).
(function () {
  "use strict";

  function markToc() {
    var toc = document.querySelector("nav.toc");
    if (!toc || !("IntersectionObserver" in window)) return;
    var links = Array.prototype.slice.call(toc.querySelectorAll('a[href^="#"]'));
    var byId = {};
    var headings = [];
    links.forEach(function (a) {
      var id = decodeURIComponent(a.getAttribute("href").slice(1));
      var h = document.getElementById(id);
      if (h) {
        byId[id] = a;
        headings.push(h);
      }
    });
    if (!headings.length) return;
    var visible = {};
    function mark(id) {
      links.forEach(function (a) {
        if (a === byId[id]) a.setAttribute("aria-current", "location");
        else a.removeAttribute("aria-current");
      });
    }
    function update() {
      // The last heading in the top fifth of the window or above it is the section being read (a short
      // section's next heading may already be in view below it).
      var current = null;
      var limit = window.innerHeight / 5;
      for (var i = 0; i < headings.length; i++) {
        if (headings[i].getBoundingClientRect().top <= limit) current = headings[i].id;
        else break;
      }
      if (current === null && visible[headings[0].id]) current = headings[0].id;
      // At the end of the page the last sections cannot reach the top: the last one in view is read.
      var doc = document.documentElement;
      if (window.innerHeight + window.scrollY >= doc.scrollHeight - 2) {
        for (var j = headings.length - 1; j >= 0; j--) {
          if (headings[j].getBoundingClientRect().top < window.innerHeight) {
            current = headings[j].id;
            break;
          }
        }
      }
      mark(current);
    }
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (e) {
        visible[e.target.id] = e.isIntersecting;
      });
      update();
    }, { rootMargin: "0px 0px -80% 0px" });
    headings.forEach(function (h) {
      observer.observe(h);
    });
    window.addEventListener("scroll", function () {
      window.requestAnimationFrame(update);
    }, { passive: true });
    update();
  }

  function keepPlace() {
    var link = document.querySelector(".lang-switch a");
    if (!link) return;
    var base = link.getAttribute("href").split("#")[0].split("?")[0];
    var sections = {};
    try {
      sections = JSON.parse(link.getAttribute("data-sections") || "{}");
    } catch (e) {
      sections = {};
    }
    function update() {
      var href = base;
      var q = new URLSearchParams(window.location.search).get("q");
      if (q) href += "?q=" + encodeURIComponent(q);
      var hash = decodeURIComponent(window.location.hash.slice(1));
      if (hash) {
        var there = Object.prototype.hasOwnProperty.call(sections, hash) ? sections[hash] : hash;
        if (there) href += "#" + encodeURIComponent(there);
      }
      link.setAttribute("href", href);
    }
    update();
    window.addEventListener("hashchange", update);
    // The search page changes ?q= as the reader types; take it when the link is used.
    link.addEventListener("pointerdown", update);
    link.addEventListener("focus", update);
    link.addEventListener("click", update);
  }

  markToc();
  keepPlace();
})();
