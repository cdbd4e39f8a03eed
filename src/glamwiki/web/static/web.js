// Keyboard focus across htmx swaps (docs/web.md, "Accessibility"). htmx itself puts the focus back
// on an element of the new content with the id of the one that had it (a pager's "next" link, a
// job's Stop button); when there is none (the last page has no "next"), the focus would fall to the
// top of the page: it goes to the new content instead, so the next Tab continues from there.
"use strict";
document.addEventListener("htmx:afterSettle", (event) => {
  const active = document.activeElement;
  if (active && active !== document.body) return;
  const old = event.detail.target;
  const swapped = old && old.id ? document.getElementById(old.id) : null;
  const cause = event.detail.requestConfig && event.detail.requestConfig.triggeringEvent;
  if (!swapped || !cause || (cause.type !== "click" && cause.type !== "submit")) return;  // not a timer's redraw
  swapped.setAttribute("tabindex", "-1");
  swapped.focus({ preventScroll: true });
});
