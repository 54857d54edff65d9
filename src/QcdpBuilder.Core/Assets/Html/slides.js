// The slide viewer: shows one slide at a time, with Previous/Next buttons and the arrow keys
// (Home and End for the first and last). Without this script every slide shows, one under another.
(function () {
  "use strict";
  var deck = document.querySelector("[data-deck]");
  if (!deck) return;
  var slides = Array.prototype.slice.call(deck.querySelectorAll(".slide"));
  if (slides.length === 0) return;
  var controls = deck.querySelector("[data-controls]");
  var help = deck.querySelector("[data-help]");
  var prev = deck.querySelector("[data-prev]");
  var next = deck.querySelector("[data-next]");
  var current = deck.querySelector("[data-current]");
  var index = 0;

  function show(n, focus, remember) {
    index = Math.max(0, Math.min(slides.length - 1, n));
    slides.forEach(function (s, k) { s.hidden = k !== index; });
    current.textContent = String(index + 1);
    prev.disabled = index === 0;
    next.disabled = index === slides.length - 1;
    // The address names the slide once the reader moves (not on arrival: the browser would scroll to it).
    if (remember) try { history.replaceState(null, "", "#" + slides[index].id); } catch (e) { /* some file:// browsers refuse; the slide still changes */ }
    if (focus) slides[index].querySelector("h2").focus({ preventScroll: true });
  }

  slides.forEach(function (s) { s.querySelector("h2").setAttribute("tabindex", "-1"); });
  controls.hidden = false;
  help.hidden = false;
  prev.addEventListener("click", function () { show(index - 1, false, true); });
  next.addEventListener("click", function () { show(index + 1, false, true); });
  document.addEventListener("keydown", function (e) {
    var t = e.target;
    if (e.altKey || e.ctrlKey || e.metaKey || (t && /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    if (e.key === "ArrowRight" || e.key === "PageDown") show(index + 1, true, true);
    else if (e.key === "ArrowLeft" || e.key === "PageUp") show(index - 1, true, true);
    else if (e.key === "Home") show(0, true, true);
    else if (e.key === "End") show(slides.length - 1, true, true);
    else return;
    e.preventDefault();
  });

  // Printing shows every slide with its speaker notes, whichever slide is on screen.
  window.addEventListener("beforeprint", function () {
    slides.forEach(function (s) { s.hidden = false; });
    deck.querySelectorAll("details").forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () { show(index, false); });

  var start = slides.findIndex(function (s) { return "#" + s.id === location.hash; });
  show(start < 0 ? 0 : start, false);
})();
