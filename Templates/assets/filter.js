// Comfort only: a text filter for the recommendations index. Without JavaScript the page lists everything,
// and the addressee and report pages filter it.
(function () {
  var groups = document.getElementById("recommendation-groups");
  if (!groups) return;
  var label = document.createElement("label");
  label.className = "text-filter";
  // On a listing cut into pages the filter sees this page only: say so.
  label.textContent = document.querySelector(".pagination") ? "Filter this page by text " : "Filter by text ";
  var input = document.createElement("input");
  input.type = "search";
  input.placeholder = "e.g. detention, ratify";
  label.appendChild(input);
  var status = document.createElement("p");
  status.className = "filter-status";
  status.setAttribute("aria-live", "polite");
  groups.parentNode.insertBefore(label, groups);
  groups.parentNode.insertBefore(status, groups);
  var items = Array.prototype.slice.call(groups.querySelectorAll(".rec"));
  input.addEventListener("input", function () {
    var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    items.forEach(function (item) {
      var text = item.textContent.toLowerCase();
      var match = words.every(function (w) { return text.indexOf(w) !== -1; });
      item.hidden = !match;
      if (match) shown += 1;
    });
    Array.prototype.forEach.call(groups.querySelectorAll(".rec-group"), function (g) {
      g.hidden = g.querySelectorAll(".rec:not([hidden])").length === 0;
    });
    status.textContent = words.length ? shown + " listed" : "";
  });
})();
