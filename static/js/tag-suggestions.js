// Tag suggestions in the admin (secretariat/content/admin_widgets.py): the editor
// types tags separated by commas. The tag being typed is looked up among the
// existing tags through the admin's autocomplete view and offered in the
// field's <datalist>, so near-duplicates are avoided; typed tags that do not
// exist yet are named under the field. Without this script the field is a
// plain text box and works the same.
"use strict";

(function () {
  function split(value) {
    return value.split(",").map((name) => name.trim()).filter(Boolean);
  }

  function enhance(input) {
    const list = document.getElementById(input.getAttribute("list"));
    const news = document.getElementById(input.getAttribute("list") + "-new");
    // The tags the object carries exist; every answer adds what it names.
    const existing = new Set(split(input.value));
    const looked = new Set();
    let timer = null;

    async function lookup(term) {
      const url = new URL(input.dataset.tagSuggestions, window.location.href);
      url.searchParams.set("term", term);
      const response = await fetch(url, { credentials: "same-origin" });
      if (!response.ok) {
        return [];
      }
      const names = (await response.json()).results.map((result) => result.text);
      names.forEach((name) => existing.add(name));
      looked.add(term);
      return names;
    }

    async function update(finished) {
      const names = split(input.value);
      const typing = finished || /,\s*$/.test(input.value) ? "" : names.pop() || "";
      if (typing) {
        const found = await lookup(typing);
        list.replaceChildren(
          ...found
            .filter((name) => !names.includes(name))
            .map((name) => new Option(name, [...names, name].join(", ")))
        );
      }
      for (const name of names) {
        if (!existing.has(name) && !looked.has(name)) {
          await lookup(name);
        }
      }
      const fresh = names.filter((name) => !existing.has(name));
      news.textContent = fresh.length ? `${news.dataset.label} ${fresh.join(", ")}` : "";
    }

    input.addEventListener("input", () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => update(false), 250);
    });
    input.addEventListener("change", () => update(true));
  }

  document.querySelectorAll("input[data-tag-suggestions]").forEach(enhance);
})();
