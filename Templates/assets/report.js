// Comfort only, on a report page. Without JavaScript every paragraph number is still a permalink and the
// table of contents is open.
// 1. A "Cite" button beside each paragraph and sub-paragraph copies "A/58/275, para. 80 (address)".
// 2. On a narrow screen the table of contents starts folded, so that the text comes first.
(function () {
  var main = document.querySelector("main.report");
  if (!main) return;
  var symbol = main.getAttribute("data-symbol") || "";
  // With base_url the published address; else the address this page was opened at.
  var base = main.getAttribute("data-cite-url") || location.href.split("#")[0];

  var toc = document.querySelector(".toc details");
  if (toc && window.matchMedia && window.matchMedia("(max-width: 64rem)").matches) toc.open = false;
  // A printed report keeps its contents.
  if (toc) window.addEventListener("beforeprint", function () { toc.open = true; });

  // "para. 80", "para. 80 (a)", "para. 80 (a) (i)", "para. 121.1".
  function locator(target) {
    var parts = [];
    var node = target;
    while (node && node !== main) {
      if (node.classList && node.classList.contains("subpara")) {
        var s = node.querySelector(".snum");
        if (s) parts.unshift(s.textContent.trim());
      } else if (node.classList && node.classList.contains("para")) {
        var p = node.querySelector(".pnum");
        var number = p ? p.textContent.trim().replace(/\.$/, "") : "";
        if (parts.length && parts[0].indexOf(".") !== -1) return "para. " + parts.join(" ");
        return "para. " + [number].concat(parts).join(" ");
      }
      node = node.parentNode;
    }
    return "";
  }

  var status = document.createElement("p");
  status.className = "cite-status";
  status.setAttribute("role", "status");
  main.appendChild(status);

  function copied(button, text) {
    status.textContent = "Copied: " + text;
    button.textContent = "Copied";
    setTimeout(function () { button.textContent = "Cite"; }, 2000);
  }

  function copy(button, target) {
    var cite = symbol + ", " + locator(target);
    var url = base + "#" + target.id;
    var text = cite + " (" + url + ")";
    var fallback = function () { window.prompt("Copy this citation:", text); };
    if (!navigator.clipboard || !window.isSecureContext) { fallback(); return; }
    var plain = function () { return navigator.clipboard.writeText(text); };
    var done;
    if (window.ClipboardItem && navigator.clipboard.write) {
      // A word processor gets a link; a plain-text field gets the citation and the address.
      var link = document.createElement("a");
      link.href = url;
      link.textContent = cite;
      var item = new ClipboardItem({
        "text/plain": new Blob([text], { type: "text/plain" }),
        "text/html": new Blob([link.outerHTML], { type: "text/html" })
      });
      done = navigator.clipboard.write([item]).catch(plain);
    } else {
      done = plain();
    }
    done.then(function () { copied(button, text); }, fallback);
  }

  var targets = main.querySelectorAll(".para[id], .subpara[id]");
  Array.prototype.forEach.call(targets, function (target) {
    var number = target.querySelector(target.classList.contains("para") ? ".pnum" : ".snum");
    if (!number) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "cite";
    button.textContent = "Cite";
    button.setAttribute("aria-label", "Copy the citation " + symbol + ", " + locator(target));
    button.addEventListener("click", function () { copy(button, target); });
    number.parentNode.insertBefore(button, number.nextSibling);
  });
})();
