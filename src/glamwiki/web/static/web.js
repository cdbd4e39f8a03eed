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

// The jobs' progress for screen readers: the page's polite status line (role="status") says each
// running job's state in steps of 10 %, rewritten only when that text changes, not at every redraw.
function sayJobs() {
  const status = document.getElementById("jobs-status");
  if (!status) return;
  const rows = [...document.querySelectorAll("#jobs tr[data-status]")];
  const said = rows.filter((row) => ["queued", "running"].includes(row.dataset.status)).map((row) => {
    const bar = row.querySelector("progress");
    const share = bar && bar.max ? `, ${Math.floor((10 * bar.value) / bar.max) * 10} %` : "";
    return `Job ${row.id.replace("job-", "")} (${row.cells[1].textContent}): ${row.dataset.status}${share}.`;
  });
  const text = said.length ? said.join(" ") : "No job is running.";
  if (status.textContent !== text) status.textContent = text;
}
document.addEventListener("htmx:afterSettle", sayJobs);
document.addEventListener("DOMContentLoaded", sayJobs);
