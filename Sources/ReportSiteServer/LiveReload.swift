import Foundation
import ReportSiteKit

/// The live-reload script and the error banner of `reportsite serve`.
///
/// Nothing of this is in the built files: the server adds one `<script>` element to each HTML response, just
/// before `</body>`, when it sends it. The script is a Swift string here, not a file of `Templates/`, so that it
/// works with any templates folder (an older copy, a site's own) and never becomes part of what a build is made
/// of (the templates are in every page's fingerprint) or of what `reportsite init` copies.
///
/// Mechanism: long polling. The script asks `GET /__reportsite/wait?version=N`; the server answers at once when
/// its count of builds is not N (the first request sends -1), otherwise when a build finishes or after about
/// 25 seconds, with `{"version": V, "site": S, "errors": [...]}`. When `site` (the count of builds that wrote a
/// new site) differs from the one the page was served with, the page reloads; otherwise the banner shows the
/// errors of the last build, or is hidden when there are none. Long polling was chosen over Server-Sent Events:
/// each answer is an ordinary, complete JSON response (FlyingFox sends it with a Content-Length, and tests read
/// it with any HTTP client), and a request held open ends on its own, so a stopped server leaves no stream to
/// tear down; the browser simply retries every two seconds until the server is back. Only one open page holds a
/// wait request (the holder of a Web Lock, who passes each answer to the other pages on a BroadcastChannel): a
/// browser opens at most six connections to a server, and a held request per page would make the seventh wait.
enum LiveReload {
    static let prefix = "/__reportsite/"
    static let scriptPath = "/__reportsite/reload.js"
    static let waitPath = "/__reportsite/wait"
    /// How long a wait request is held when nothing changes.
    static let holdSeconds = 25.0

    /// The element added to an HTML page; `site` is the count of site builds the page was served with.
    /// `banner: false`: the page lists the errors itself, and reloads when they change instead.
    static func tag(site: Int, banner: Bool = true) -> String {
        "<script src=\"\(scriptPath)\" data-reportsite-site=\"\(site)\"\(banner ? "" : " data-reportsite-banner=\"off\"")></script>"
    }

    /// `html` with the script added before its last `</body>` (at the end when it has none).
    static func inject(into html: Data, site: Int, banner: Bool = true) -> Data {
        let tag = Data(tag(site: site, banner: banner).utf8)
        let bytes = [UInt8](html)
        let close = Array("</body".utf8)
        var index = bytes.count - close.count
        while index >= 0 {
            if bytes[index] == UInt8(ascii: "<"),
               zip(bytes[index..<(index + close.count)], close).allSatisfy({ $0 == $1 || $0 == $1 - 32 }) {
                var result = Data(bytes[..<index])
                result.append(tag)
                result.append(contentsOf: bytes[index...])
                return result
            }
            index -= 1
        }
        var result = html
        result.append(tag)
        return result
    }

    /// The answer of the wait endpoint (keys sorted, so it is the same bytes for the same state).
    static func json(_ snapshot: BuildStatus.Snapshot) -> Data {
        struct Answer: Encodable {
            var version: Int
            var site: Int
            var errors: [String]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let answer = Answer(version: snapshot.version, site: snapshot.site, errors: snapshot.errors)
        return (try? encoder.encode(answer)) ?? Data("{}".utf8)
    }

    /// A page for when there is no site to show yet (the first build failed and no earlier site exists): the
    /// errors of the last build, escaped; it reloads when they change and when a build succeeds.
    static func noSitePage(_ snapshot: BuildStatus.Snapshot) -> Data {
        let errors = snapshot.errors.isEmpty ? "(none yet: the first build is still running)" : snapshot.errors.joined(separator: "\n")
        let page = """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>No site yet - reportsite serve</title></head>
        <body>
        <h1>No site yet</h1>
        <p>The site has not been built: the build found errors. Correct the content; this page reloads when \
        the build succeeds.</p>
        <pre>\(HTMLEscaping.escape(errors))</pre>
        </body>
        </html>

        """
        return inject(into: Data(page.utf8), site: snapshot.site, banner: false)
    }

    /// The script. It reads its own `data-reportsite-site`, shows the last build's errors in a banner (as text,
    /// through `textContent`: an error message never becomes markup), and reloads the page when a build wrote a
    /// new site.
    static let script = """
    // reportsite serve: live reload and build errors. Added by the development server only; not part of the site.
    (function () {
      "use strict";
      var me = document.currentScript;
      var site = me ? me.getAttribute("data-reportsite-site") : null;
      var banners = !me || me.getAttribute("data-reportsite-banner") !== "off";
      var shown = null;
      var banner = null;

      function show(errors) {
        if (!errors || errors.length === 0) {
          if (banner) { banner.hidden = true; }
          return;
        }
        if (!banner) {
          banner = document.createElement("div");
          banner.id = "reportsite-serve-errors";
          banner.setAttribute("role", "alert");
          var s = banner.style;
          s.position = "fixed"; s.top = "0"; s.left = "0"; s.right = "0"; s.zIndex = "2147483647";
          s.maxHeight = "50vh"; s.overflow = "auto"; s.margin = "0"; s.padding = "0.75em 1em";
          s.background = "#8b0000"; s.color = "#fff"; s.font = "13px/1.4 monospace"; s.whiteSpace = "pre-wrap";
          document.body.appendChild(banner);
        }
        banner.textContent = "The last build failed; this is the last good site.\\n\\n" + errors.join("\\n");
        banner.hidden = false;
      }

      // What a state of the server means for this page: reload, or show (hide) the errors. False: reloading.
      function handle(state) {
        if (site !== null && String(state.site) !== site) { location.reload(); return false; }
        if (banners) {
          show(state.errors);
        } else {
          // The page lists the errors itself: reload when they are not those it shows.
          var now = JSON.stringify(state.errors);
          if (shown !== null && shown !== now) { location.reload(); return false; }
          shown = now;
        }
        return true;
      }

      function ask(known) {
        return fetch("/__reportsite/wait?version=" + known, { cache: "no-store" }).then(function (response) {
          if (!response.ok) { throw new Error("HTTP " + response.status); }
          return response.json();
        });
      }

      // The long poll: one held request at a time, each state handed to onState, until it says the page reloads.
      function poll(onState) {
        var version = -1;
        (function next() {
          ask(version)
            .then(function (state) { version = state.version; if (onState(state)) { next(); } })
            .catch(function () { setTimeout(next, 2000); });
        })();
      }

      // A browser opens at most six connections to a server: with a held request per open page, the seventh
      // page would wait. So one page (the holder of a Web Lock) polls and tells the others on a
      // BroadcastChannel; when it closes or reloads, the lock passes to another page. A page that is not the
      // poller asks once, with a request answered at once, for the errors to show now.
      var channel = typeof BroadcastChannel === "function" ? new BroadcastChannel("reportsite-serve") : null;
      var locks = typeof navigator !== "undefined" && navigator.locks ? navigator.locks : null;
      if (channel && locks) {
        channel.onmessage = function (event) { handle(event.data); };
        ask(-1).then(handle, function () {});
        locks.request("reportsite-serve-poll", function () {
          return new Promise(function () {
            poll(function (state) { channel.postMessage(state); return handle(state); });
          });
        });
      } else {
        poll(handle);
      }
    })();

    """
}
