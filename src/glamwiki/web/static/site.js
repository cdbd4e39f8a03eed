// Every POST names the project its page was drawn for (field _project, header X-Glamwiki-Project
// for htmx, URL-encoded), so that a form answered in one tab after switching project in another acts on the
// project the user saw, not the session's current one (docs/adr/0015).
(function () {
  function project() {
    var meta = document.querySelector('meta[name="glamwiki-project"]');
    return meta ? meta.getAttribute("content") : "";
  }
  document.addEventListener("submit", function (event) {
    var form = event.target, name = project();
    if (!name || (form.getAttribute("method") || "get").toLowerCase() !== "post") return;
    var input = form.querySelector('input[name="_project"]');
    if (!input) {
      input = document.createElement("input");
      input.type = "hidden";
      input.name = "_project";
      form.appendChild(input);
    }
    input.value = name;
  }, true);
  document.addEventListener("htmx:configRequest", function (event) {
    var name = project();
    if (name) event.detail.headers["X-Glamwiki-Project"] = encodeURIComponent(name);
  });
})();
