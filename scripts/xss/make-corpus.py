#!/usr/bin/env python3
"""Writes an XSS corpus for ReportSite: content folders full of payloads that must never run.

    python3 scripts/xss/make-corpus.py OUT

OUT/content            the main corpus: valid content (builds without --strict) with a payload in every
                       place content can reach (front matter, body, headings, paragraphs, sub-paragraphs,
                       footnotes, links, images, autolinks, raw HTML, citations, site.yml, addressees.yml)
OUT/content-site-K     small sites, one per hostile site.yml (base_url, documents, title, language ...):
                       a site has one site.yml, so each variant needs its own folder
OUT/content-rejected   reports whose symbol is a payload: the build must refuse them and write nothing
OUT/manifest.json      every payload: id, folder, file, context, vector, text (read by check.py)

Every payload carries a unique id N, and if it ran it would leave a trace in the DOM:
`document.title = 'XSS-N'`, an element `<b id="xss-fired-N">`, or `data-xss="N"` on <html>.
Standard library only.
"""

import base64
import json
import shutil
import sys
from pathlib import Path


# --- What a payload does if it runs -------------------------------------------------------------------------

def js(n, quoted=True, scope="", kind=None):
    """JavaScript that leaves the trace of payload n. `quoted=False` gives a form without quotes, spaces,
    `<` or `>` (regex literals stand in for strings), for unquoted attributes, URLs and Markdown destinations.
    `scope` is `parent.` inside an iframe. `kind`: 0 title, 1 data-xss attribute, 2 element (default: n % 3)."""
    d = scope + "document"
    k = n % 3 if kind is None else kind
    if quoted:
        if k == 0:
            return f"{d}.title='XSS-{n}'"
        if k == 1:
            return f"{d}.documentElement.setAttribute('data-xss','{n}')"
        return f"{d}.documentElement.appendChild({d}.createElement('b')).id='xss-fired-{n}'"
    if k == 0:
        return f"{d}.title=/XSS-{n}/.source"
    if k == 1:
        return f"{d}.documentElement.setAttribute(/data-xss/.source,{n})"
    return f"{d}.documentElement.appendChild({d}.createElement(/b/.source)).id=/xss-fired-{n}/.source"


def entities(text):
    """Every character as a hexadecimal character reference (browsers decode them inside attributes)."""
    return "".join(f"&#x{ord(c):x};" for c in text)


def svg_b64(n):
    svg = f"<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"{js(n, scope='top.')}\"/>"
    return base64.b64encode(svg.encode()).decode()


def svg_use_b64(n):
    svg = ("<svg id=\"x\" xmlns=\"http://www.w3.org/2000/svg\"><image href=\"1\" onerror=\""
           + js(n, scope="top.") + "\"/></svg>")
    return base64.b64encode(svg.encode()).decode()


def b64_html(n):
    return base64.b64encode(f"<script>{js(n, scope='top.')}</script>".encode()).decode()


# --- Vectors: functions of the payload id -------------------------------------------------------------------
# Raw HTML, and text that tries to break out of an attribute or element. Each is written on one line, and
# every element that starts a CommonMark HTML block of types 1-5 is closed on that line (so that a block
# never swallows the numbered paragraphs after it).

HTML_VECTORS = [
    ("script", lambda n: f"<script>{js(n)}</script>"),
    ("script-upper", lambda n: f"<SCRIPT>{js(n)}</SCRIPT>"),
    ("script-src-data", lambda n: f"<script src=\"data:text/javascript,{js(n)}\"></script>"),
    ("script-nested", lambda n: f"<scr<script>ipt>{js(n)}</scr</script>ipt>"),
    ("img-onerror", lambda n: f"<img src=x onerror=\"{js(n)}\">"),
    ("img-onerror-unquoted", lambda n: f"<img src=x onerror={js(n, False)}>"),
    ("img-onerror-mixed-case", lambda n: f"<IMG SRC=x OnErRoR={js(n, False)}>"),
    ("img-onerror-entities", lambda n: f"<img src=x onerror=\"{entities(js(n))}\">"),
    ("img-slash-separator", lambda n: f"<img/src=x/onerror={js(n, False)}>"),
    ("svg-onload", lambda n: f"<svg onload={js(n, False)}>"),
    ("svg-script", lambda n: f"<svg><script>{js(n)}</script></svg>"),
    ("svg-animate-onbegin", lambda n: f"<svg><animate onbegin={js(n, False)} attributeName=x dur=1s></svg>"),
    ("svg-a-xlink", lambda n: f"<svg><a xlink:href=\"javascript:{js(n)}\"><text x=10 y=10>svg link {n}</text></a></svg>"),
    ("iframe-srcdoc", lambda n: f"<iframe srcdoc=\"<script>{js(n, scope='parent.')}</script>\"></iframe>"),
    ("iframe-javascript", lambda n: f"<iframe src=\"javascript:{js(n, scope='parent.')}\"></iframe>"),
    ("math-mglyph-style", lambda n: f"<math><mtext><table><mglyph><style><img src=x onerror={js(n, False)}>"),
    ("math-href", lambda n: f"<math href=\"javascript:{js(n)}\"><mi>math {n}</mi></math>"),
    ("style-onload", lambda n: f"<style onload={js(n, False)}>b{{color:red}}</style>"),
    ("style-breakout", lambda n: f"<style>b{{color:red}}</style><img src=x onerror={js(n, False)}>"),
    ("comment-short", lambda n: f"<!--><script>{js(n)}</script>-->"),
    ("comment-bang", lambda n: f"<!-- --!><img src=x onerror={js(n, False)}> -->"),
    ("comment-dash", lambda n: f"<!---><svg onload={js(n, False)}>-->"),
    ("details-ontoggle", lambda n: f"<details open ontoggle={js(n, False)}><summary>d{n}</summary></details>"),
    ("input-autofocus", lambda n: f"<input autofocus onfocus={js(n, False)}>"),
    ("body-onload", lambda n: f"<body onload={js(n, False)}>"),
    ("video-source-onerror", lambda n: f"<video><source onerror={js(n, False)}></video>"),
    ("audio-onerror", lambda n: f"<audio src=x onerror={js(n, False)}></audio>"),
    ("object-javascript", lambda n: f"<object data=\"javascript:{js(n, scope='parent.')}\"></object>"),
    ("embed-javascript", lambda n: f"<embed src=\"javascript:{js(n, scope='parent.')}\">"),
    ("meta-refresh", lambda n: f"<meta http-equiv=\"refresh\" content=\"0;url=javascript:{js(n)}\">"),
    ("base-href", lambda n: f"<base href=\"javascript:{js(n)}//\">"),
    ("noscript-mxss", lambda n: f"<noscript><p title=\"</noscript><img src=x onerror={js(n, False)}>\"></noscript>"),
    ("textarea-breakout", lambda n: f"</textarea><script>{js(n)}</script>"),
    ("title-breakout", lambda n: f"</title><script>{js(n)}</script>"),
    ("a-javascript", lambda n: f"<a href=\"javascript:{js(n)}\">raw link {n}</a>"),
    ("form-action", lambda n: f"<form action=\"javascript:{js(n)}\"><button autofocus>go {n}</button></form>"),
    ("marquee-onstart", lambda n: f"<marquee onstart={js(n, False)}>m{n}</marquee>"),
    ("animation-start", lambda n: f"<style>@keyframes x{{}}</style><b style=\"animation-name:x\" onanimationstart={js(n, False)}>a{n}</b>"),
    ("cdata", lambda n: f"<![CDATA[<script>{js(n)}</script>]]>"),
    ("processing-instruction", lambda n: f"<?xss <script>{js(n)}</script> ?>"),
    ("declaration", lambda n: f"<!XSS <img src=x onerror={js(n, False)}>>"),
]

# Text that would matter only if the value were put in a page without escaping: quotes and angle brackets.
BREAKOUT_VECTORS = [
    ("dq-breakout-script", lambda n: f"\"><script>{js(n)}</script>"),
    ("sq-breakout-img", lambda n: f"'><img src=x onerror={js(n, False)}>"),
    ("dq-attribute", lambda n: f"\" autofocus onfocus=\"{js(n)}\" x=\""),
    ("sq-attribute", lambda n: f"' autofocus onfocus='{js(n, False)}' x='"),
    ("unquoted-attribute", lambda n: f"x autofocus onfocus={js(n, False)} "),
    ("title-breakout", lambda n: f"</title><script>{js(n)}</script>"),
    ("script-tag", lambda n: f"<script>{js(n)}</script>"),
    ("img-onerror", lambda n: f"<img src=x onerror={js(n, False)}>"),
    ("svg-onload", lambda n: f"<svg onload={js(n, False)}>"),
    ("entity-escaped-script", lambda n: f"&lt;script&gt;{js(n)}&lt;/script&gt;"),
    ("mustache-triple", lambda n: f"{{{{{{bodyHTML}}}}}}<svg onload={js(n, False)}>"),
    ("mustache-delimiters", lambda n: f"{{{{=<% %>=}}}}<img src=x onerror={js(n, False)}>"),
    ("textarea-breakout", lambda n: f"</textarea><img src=x onerror={js(n, False)}>"),
    ("javascript-url", lambda n: f"javascript:{js(n)}"),
]

# Markdown that makes links, images and autolinks from hostile URLs, titles and texts.
MARKDOWN_VECTORS = [
    ("md-link-javascript", lambda n: f"[link {n}](javascript:{js(n, False)})"),
    ("md-link-javascript-case", lambda n: f"[link {n}](JaVaScRiPt:{js(n, False)})"),
    ("md-link-javascript-tab-entity", lambda n: f"[link {n}](java&#x09;script:{js(n, False)})"),
    ("md-link-javascript-newline-entity", lambda n: f"[link {n}](java&#10;script:{js(n, False)})"),
    ("md-link-javascript-entity-j", lambda n: f"[link {n}](&#106;avascript:{js(n, False)})"),
    ("md-link-javascript-colon-entity", lambda n: f"[link {n}](javascript&#x3A;{js(n, False)})"),
    ("md-link-javascript-leading-space-entity", lambda n: f"[link {n}](&#32;javascript:{js(n, False)})"),
    ("md-link-javascript-control-entity", lambda n: f"[link {n}](&#x01;javascript:{js(n, False)})"),
    ("md-link-javascript-angle", lambda n: f"[link {n}](<javascript:void({js(n)})>)"),
    ("md-link-javascript-backslash", lambda n: f"[link {n}](javascript\\:{js(n, False)})"),
    ("md-link-data-base64", lambda n: f"[link {n}](data:text/html;base64,{b64_html(n)})"),
    ("md-link-data-percent", lambda n: f"[link {n}](DATA:text/html,%3Cscript%3E{js(n, False, scope='top.')}%3C/script%3E)"),
    ("md-link-vbscript", lambda n: f"[link {n}](vbscript:document.title=\"XSS-{n}\")"),
    ("md-link-dq-destination", lambda n: f"[link {n}](\" onmouseover={js(n, False)} x=\")"),
    ("md-link-dq-destination-angle", lambda n: f"[link {n}](<https://example.org/\" onmouseover=\"{js(n)}\" x=\">)"),
    ("md-link-title-dq", lambda n: f"[link {n}](https://example.org/ \"t\\\" onmouseover=\\\"{js(n)}\\\" x=\\\"\")"),
    ("md-link-title-sq", lambda n: f"[link {n}](https://example.org/ 't\\' autofocus onfocus=\\'{js(n, False)}\\' x=\\'')"),
    ("md-link-title-paren", lambda n: f"[link {n}](https://example.org/ (t\" autofocus onfocus=\"{js(n, False)}\" x=\"))"),
    ("md-link-title-tag", lambda n: f"[link {n}](https://example.org/ \"</a><script>{js(n)}</script>\")"),
    ("md-link-text-html", lambda n: f"[<img src=x onerror={js(n, False)}> link {n}](https://example.org/)"),
    ("md-image-javascript", lambda n: f"![image {n}](javascript:{js(n, False)})"),
    ("md-image-alt-breakout", lambda n: f"![alt {n}\" onerror=\"{js(n)}\" x=\"](https://example.invalid/missing-{n}.png)"),
    ("md-image-alt-entity-breakout", lambda n: f"![alt {n}&#34; onerror=&#34;{js(n)}](https://example.invalid/missing-{n}.png)"),
    ("md-image-title-breakout", lambda n: f"![image {n}](https://example.invalid/missing-{n}.png \"t\\\" onerror=\\\"{js(n)}\\\" x=\\\"\")"),
    ("md-image-src-breakout", lambda n: f"![image {n}](<https://example.invalid/missing.png\" onerror=\"{js(n)}\" x=\">)"),
    ("md-image-src-unquoted", lambda n: f"![image {n}](https://example.invalid/x&#32;onerror={js(n, False)})"),
    ("md-image-data-svg", lambda n: f"![image {n}](data:image/svg+xml;base64,{svg_b64(n)})"),
    ("md-autolink-javascript", lambda n: f"<javascript:{js(n, False)}>"),
    ("md-autolink-javascript-case", lambda n: f"<JAVASCRIPT:{js(n, False)}>"),
    ("md-autolink-vbscript", lambda n: f"<vbscript:document.title=XSS-{n}>"),
    ("md-autolink-data", lambda n: f"<data:text/html;base64,{b64_html(n)}>"),
    ("md-ext-autolink-www-quote", lambda n: f"www.example.org/?q=\"onmouseover={js(n, False)}"),
    ("md-ext-autolink-http-tag", lambda n: f"https://example.org/?x=\"><script>{js(n)}</script>"),
    ("md-reference-link", lambda n: f"[reference {n}][ref-{n}]\n\n[ref-{n}]: javascript:{js(n, False)} \"t\\\" onmouseover=\\\"{js(n)}\""),
    ("md-entity-text", lambda n: f"&lt;script&gt;{js(n)}&lt;/script&gt;"),
    ("md-numeric-entity-text", lambda n: f"&#60;img src=x onerror={js(n, False)}&#62;"),
    ("md-backslash-escaped", lambda n: f"\\<script>{js(n)}\\</script>"),
    ("md-code-span", lambda n: f"`</code><script>{js(n)}</script>`"),
    ("md-emphasis-split", lambda n: f"*<img src=x* onerror={js(n, False)}>*"),
    ("md-strikethrough", lambda n: f"~~<svg onload={js(n, False)}>~~"),
]


def yq(value):
    """A YAML double-quoted scalar."""
    out = []
    for c in value:
        if c == "\\":
            out.append("\\\\")
        elif c == "\"":
            out.append("\\\"")
        elif c == "\t":
            out.append("\\t")
        elif c == "\n":
            out.append("\\n")
        elif ord(c) < 0x20 or ord(c) == 0x7F:
            out.append(f"\\x{ord(c):02x}")
        else:
            out.append(c)
    return "\"" + "".join(out) + "\""


class Corpus:
    def __init__(self):
        self.payloads = []
        self.folder = "content"
        self.file = ""

    def new(self, context, vector, make):
        """A fresh payload id, recorded with where it goes; returns the payload's text."""
        n = len(self.payloads) + 1
        text = make(n)
        self.payloads.append({"id": n, "folder": self.folder, "file": self.file, "context": context,
                              "vector": vector, "text": text})
        return text


def cycle(vectors, i):
    return vectors[i % len(vectors)]


class Report:
    """One report file: front matter, and a body written paragraph by paragraph, numbered from 1."""

    def __init__(self, corpus, symbol, date, title_plain):
        self.corpus = corpus
        self.symbol = symbol
        self.date = date
        self.title_plain = title_plain
        self.front = []
        self.lines = []
        self.next_para = 1
        self.next_note = 1
        self.notes = []

    @property
    def file_name(self):
        return self.symbol.replace("/", "-") + ".md"

    def meta(self, key, value):
        self.front.append((key, value))

    def add(self, text):
        self.lines.append(text)
        self.lines.append("")

    def para(self, text):
        """A numbered paragraph; returns its number."""
        n = self.next_para
        self.next_para += 1
        self.add(f"{n}. {text}")
        return n

    def note(self, text):
        """A footnote: returns the reference `[^k]` to put where it is cited."""
        k = self.next_note
        self.next_note += 1
        self.notes.append(f"[^{k}]: {text}")
        return f"[^{k}]"

    def text(self):
        out = ["---"]
        for key, value in self.front:
            out.append(f"{key}: {value}")
        out.append("---")
        out.append("")
        out.extend(self.lines)
        for n in self.notes:
            out.append(n)
            out.append("")
        return "\n".join(out)


FRONT_KEYS = ["title", "subtitle", "author", "mandate", "session", "agenda_item", "status", "source", "body", "excerpt"]


def front_matter_payloads(corpus, report, offset, excerpt=False):
    """A payload in every optional and required text key of the front matter."""
    report.meta("symbol", report.symbol)
    report.meta("date", report.date)
    for i, key in enumerate(FRONT_KEYS):
        if key == "excerpt" and not excerpt:
            continue
        name, make = cycle(BREAKOUT_VECTORS, offset + i)
        if key in ("title",):
            # The title is also the page's <title>: the trace must not depend on document.title or <body>.
            payload = corpus.new(f"front matter {key}", name, lambda n, m=make: m(n).replace(js(n), js(n, kind=1)).replace(js(n, False), js(n, False, kind=1)))
        else:
            payload = corpus.new(f"front matter {key}", name, make)
        prefix = {"title": report.title_plain + " ", "body": "Human Rights Council ", "excerpt": "paragraphs 3-9 only "}.get(key, "")
        report.meta(key, yq(prefix + payload))


def build_main(corpus, root):
    """The main content folder: valid enough to build without --strict."""
    corpus.folder = "content"
    content = root / "content"
    (content / "reports").mkdir(parents=True)
    reports = []

    # site.yml: one of each key, hostile.
    corpus.file = "site.yml"
    site = [
        ("title", corpus.new("site.yml title", "title-breakout", lambda n: f"XSS corpus </title><script>{js(n, kind=1)}</script>")),
        ("description", corpus.new("site.yml description", "dq-breakout-script", lambda n: f"\"><script>{js(n)}</script>")),
        ("language", corpus.new("site.yml language", "dq-attribute", lambda n: f"en\" onmouseover=\"{js(n, kind=1)}\" x=\"")),
        # base_url and documents must be http(s) addresses (hostile ones are refused: see the content-site-K folders);
        # here they are valid, with characters that must be escaped in attributes.
        ("base_url", "https://example.org/xss-corpus?a=1&b=2"),
        ("documents", "https://undocs.org/{symbol}?lang=en&x=1"),
    ]
    (content / "site.yml").write_text("".join(f"{k}: {yq(v)}\n" for k, v in site))

    # addressees.yml: hostile names and aliases; the reports below address each of these entries.
    corpus.file = "addressees.yml"
    addressees = [
        ("states", corpus.new("addressees.yml name", "dq-breakout-script", lambda n: f"States\"><script>{js(n)}</script>"),
         ["States", "Governments", corpus.new("addressees.yml alias", "img-onerror", lambda n: f"Member States<img src=x onerror={js(n, False)}>")]),
        ("human-rights-council", corpus.new("addressees.yml name", "title-breakout", lambda n: f"</title><svg onload={js(n, False)}>"),
         ["Human Rights Council", corpus.new("addressees.yml alias", "sq-attribute", lambda n: f"' autofocus onfocus='{js(n, False)}' x='")]),
        ("secretary-general", corpus.new("addressees.yml name", "sq-breakout-img", lambda n: f"Secretary-General'><img src=x onerror={js(n, False)}>"),
         ["Secretary-General"]),
        ("ohchr", corpus.new("addressees.yml name", "entity-escaped-script", lambda n: f"OHCHR &lt;script&gt;{js(n)}&lt;/script&gt;"),
         ["OHCHR", "Office of the High Commissioner"]),
        ("civil-society", corpus.new("addressees.yml name", "dq-attribute", lambda n: f"Civil society\" autofocus onfocus=\"{js(n)}\" x=\""),
         ["civil society", "non-governmental organizations"]),
        ("not-specified", corpus.new("addressees.yml name", "script-tag", lambda n: f"Not specified <script>{js(n)}</script>"),
         []),
    ]
    lines = []
    for slug, name, aliases in addressees:
        lines.append(f"- slug: {slug}")
        lines.append(f"  name: {yq(name)}")
        lines.append("  aliases: [" + ", ".join(yq(a) for a in aliases) + "]")
    (content / "addressees.yml").write_text("\n".join(lines) + "\n")

    # Report 1: every raw HTML vector as a block of its own, inside numbered paragraphs and sub-paragraphs.
    r = Report(corpus, "A/HRC/99/1", "2099-01-01", "Raw HTML blocks")
    corpus.file = r.file_name
    front_matter_payloads(corpus, r, 0)
    r.add("## I. Raw HTML blocks")
    for i, (name, make) in enumerate(HTML_VECTORS):
        if i % 3 == 0:
            r.para(f"Paragraph before an HTML block (vector {name}).")
        else:
            r.add(f"({chr(ord('a') + (i % 3) - 1)}) Sub-paragraph before an HTML block (vector {name}).")
        r.add(corpus.new("raw HTML block", name, make))
    reports.append(r)

    # Report 2: every raw HTML vector inline, in paragraph text, sub-paragraphs and footnote texts.
    r = Report(corpus, "A/HRC/99/2", "2099-01-02", "Inline HTML")
    corpus.file = r.file_name
    front_matter_payloads(corpus, r, 3)
    r.add("## I. Inline HTML in paragraphs")
    for i, (name, make) in enumerate(HTML_VECTORS):
        where = i % 3
        if where == 0:
            p = corpus.new("inline HTML in a numbered paragraph", name, make)
            r.para(f"Text before {p} and after.")
        elif where == 1:
            r.para(f"A paragraph with sub-paragraphs ({name}):")
            p = corpus.new("inline HTML in a sub-paragraph", name, make)
            r.add(f"(a) Sub-paragraph text {p} continues;")
        else:
            p = corpus.new("inline HTML in a footnote text", name, make)
            ref = r.note(f"Footnote text {p} end.")
            r.para(f"A paragraph citing a note.{ref}")
    reports.append(r)

    # Report 3: Markdown links, images and autolinks with hostile destinations, titles and texts.
    r = Report(corpus, "A/HRC/99/3", "2099-01-03", "Links and images")
    corpus.file = r.file_name
    front_matter_payloads(corpus, r, 6)
    r.add("## I. Links in paragraphs")
    for i, (name, make) in enumerate(MARKDOWN_VECTORS):
        p = corpus.new("Markdown " + ("link/image in a footnote" if i % 4 == 3 else "link/image in a paragraph"), name, make)
        if name == "md-reference-link":
            first, definition = p.split("\n\n")
            r.para(f"See {first} here.")
            r.add(definition)
        elif i % 4 == 3:
            ref = r.note(f"Note with {p} inside.")
            r.para(f"A paragraph citing a note.{ref}")
        elif i % 4 == 1:
            r.para(f"A paragraph with a sub-paragraph ({name}):")
            r.add(f"(a) {p} in a sub-paragraph;")
        else:
            r.para(f"Paragraph with {p} inside.")
    reports.append(r)

    # Report 4: headings (numbered and not), the table of contents, section anchors and footnotes.
    r = Report(corpus, "A/HRC/99/4", "2099-01-04", "Headings and notes")
    corpus.file = r.file_name
    front_matter_payloads(corpus, r, 9)
    romans = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]
    heading_vectors = [v for v in BREAKOUT_VECTORS if v[0] != "javascript-url"] + HTML_VECTORS[:4]
    for i, (name, make) in enumerate(heading_vectors[:8]):
        h = corpus.new("numbered heading", name, make)
        r.add(f"## {romans[i]}. Section {h}")
        s = corpus.new("sub-section heading", *cycle(heading_vectors, i + 8))
        r.add(f"### A. Sub-section {s}")
        u = corpus.new("footnote text", *cycle(BREAKOUT_VECTORS + HTML_VECTORS, i * 5))
        ref = r.note(u)
        r.para(f"Paragraph under a hostile heading.{ref}")
    h = corpus.new("unnumbered heading", "svg-onload", lambda n: f"<svg onload={js(n, False)}> Summary \"quoted'")
    r.add(f"## {h}")
    r.para("A paragraph under an unnumbered heading.")
    h = corpus.new("unnumbered heading", "md-entity-text", lambda n: f"Annex &lt;img src=x onerror={js(n, False)}&gt;")
    r.add(f"## {h}")
    r.para("Another.")
    # A nested heading inside a numbered paragraph's list item is rendered as text.
    h = corpus.new("heading inside a blockquote", "script", lambda n: f"<script>{js(n)}</script> quoted heading")
    r.add(f"> ## {h}")
    reports.append(r)

    # Report 5: citations, with payloads right before and after symbols and locators.
    r = Report(corpus, "A/HRC/99/5", "2099-01-05", "Citations")
    corpus.file = r.file_name
    front_matter_payloads(corpus, r, 1)
    r.add("## I. Citations next to payloads")
    citations = [
        lambda n: f"A/HRC/99/1\"><img src=x onerror={js(n, False)}>, para. 1",
        lambda n: f"A/HRC/99/2, para. 1\"><script>{js(n)}</script>",
        lambda n: f"(A/HRC/99/1, paras. 1-2<svg onload={js(n, False)}>)",
        lambda n: f"A/HRC/98/7\"><img src=x onerror={js(n, False)}>",
        lambda n: f"A/HRC/98/7'onmouseover='{js(n, False)}'",
        lambda n: f"E/CN.4/2099/1, para. 2 &lt;script&gt;{js(n)}&lt;/script&gt;",
        lambda n: f"General Assembly resolution 57/218<img src=x onerror={js(n, False)}>",
        lambda n: f"Human Rights Council resolution 17/22\" onmouseover=\"{js(n)}\"",
        lambda n: f"Commission on Human Rights resolution 1999/44&#34;&gt;&lt;svg onload={js(n, False)}&gt;",
        lambda n: f"see paragraph 1 above<script>{js(n)}</script>",
        lambda n: f"chapter I\"><img src=x onerror={js(n, False)}>",
        lambda n: f"A/HRC/99/3, para. 2 (a)\"><svg onload={js(n, False)}>",
        lambda n: f"A/58/275&quot;&gt;&lt;img src=x onerror={js(n, False)}&gt;, para. 80",
        lambda n: f"[A/HRC/99/1, para. 1](javascript:{js(n, False)})",
        lambda n: f"E/CN.4/2003/85/Add.1'><img src=x onerror={js(n, False)}>",
        lambda n: f"CMW/C/GC/2\" autofocus onfocus=\"{js(n)}\" x=\"",
    ]
    for i, make in enumerate(citations):
        p = corpus.new("citation" + (" in a footnote" if i % 5 == 4 else ""), "citation-neighbour", make)
        if i % 5 == 4:
            ref = r.note(f"See {p}.")
            r.para(f"A paragraph whose note cites a report.{ref}")
        elif i % 5 == 2:
            r.para("A paragraph with a citing sub-paragraph:")
            r.add(f"(a) As noted in {p};")
        else:
            r.para(f"As the report says ({p}), the point stands.")
    reports.append(r)

    # Report 6: recommendations, so that payloads reach the recommendations index and its addressee pages.
    r = Report(corpus, "A/HRC/99/6", "2099-01-06", "Recommendations")
    corpus.file = r.file_name
    front_matter_payloads(corpus, r, 4)
    r.add("## I. Introduction")
    r.para("The present report contains recommendations.")
    h = corpus.new("recommendations heading", "entity-escaped-script", lambda n: f"Recommendations &lt;script&gt;{js(n)}&lt;/script&gt;")
    r.add(f"## II. {h}")
    subjects = ["States", "the Human Rights Council", "the Secretary-General", "OHCHR", "civil society", "Member States", ""]
    rec_vectors = [
        lambda n: f"&lt;img src=x onerror={js(n, False)}&gt;",
        lambda n: f"\"><script>{js(n)}</script>",
        lambda n: f"'\" autofocus onfocus=\"{js(n)}",
        lambda n: f"&#60;svg onload={js(n, False)}&#62;",
        lambda n: f"</p><script>{js(n)}</script>",
        lambda n: f"[a link](javascript:{js(n, False)})",
        lambda n: f"`<script>{js(n)}</script>`",
    ]
    overrides = {}
    for i, subject in enumerate(subjects):
        p = corpus.new("recommendation text", "recommendation", rec_vectors[i % len(rec_vectors)])
        who = f"{subject} " if subject else ""
        if i % 3 == 2:
            n = r.para("The Special Rapporteur makes the following recommendations:")
            if subject:
                r.add(f"(a) The Special Rapporteur recommends that {who}adopt measures {p};")
            else:
                r.add(f"(a) The Special Rapporteur recommends measures {p};")
        else:
            n = r.para(f"The Special Rapporteur recommends that {who}adopt measures {p}." if subject
                       else f"The Special Rapporteur recommends measures {p}.")
        if i == 5:
            overrides[str(n)] = ["states", "human-rights-council", "secretary-general", "ohchr", "civil-society"]
    h = corpus.new("recommendations sub-heading", "img-onerror", lambda n: f"Recommendations to States<img src=x onerror={js(n, False)}>")
    r.add(f"### A. {h}")
    p = corpus.new("recommendation under an addressee heading", "dq-breakout-script", lambda n: f"\"><script>{js(n)}</script>")
    r.para(f"Ensure that detention is a last resort {p}.")
    r.meta("addressees", "{ " + ", ".join(f"{yq(k)}: [{', '.join(v)}]" for k, v in overrides.items()) + " }")
    reports.append(r)

    # Report 7: an excerpt (a paragraph cut at the start), page markers, tables, code, quotes and lists.
    r = Report(corpus, "A/HRC/99/7", "2099-01-07", "Excerpt and blocks")
    corpus.file = r.file_name
    front_matter_payloads(corpus, r, 7, excerpt=True)
    r.next_para = 3
    p = corpus.new("incomplete paragraph", "script", lambda n: f"<script>{js(n)}</script>")
    r.para(f"[...] of the migrants concerned {p}.")
    r.add("<!-- page 17 -->")
    p = corpus.new("after a page marker", "comment-short", lambda n: f"<!-- page 18 --><script>{js(n)}</script>")
    r.add(p)
    p = corpus.new("page-marker lookalike", "comment-bang", lambda n: f"<!-- page 19 --!><img src=x onerror={js(n, False)}>")
    r.para(f"Text {p} after.")
    cells = [corpus.new("table cell", *cycle(HTML_VECTORS + BREAKOUT_VECTORS, 7 * i + 2)) for i in range(4)]
    r.para("A paragraph with a table:")
    r.add("| a | b |\n|---|---|\n" + f"| {cells[0].replace('|', '&#124;')} | {cells[1].replace('|', '&#124;')} |\n| {cells[2].replace('|', '&#124;')} | {cells[3].replace('|', '&#124;')} |")
    p = corpus.new("fenced code block", "code-breakout", lambda n: f"</code></pre><script>{js(n)}</script>")
    r.para("A paragraph with code:")
    r.add(f"```\n{p}\n```")
    p = corpus.new("fenced code info string", "code-info", lambda n: f"\"><script>{js(n)}</script>")
    r.add(f"```{p.replace('`', '')}\ncode\n```")
    p = corpus.new("indented code block in a blockquote", "script", lambda n: f"<script>{js(n)}</script>")
    r.add(f">     {p}")
    p = corpus.new("blockquote", "img-onerror", lambda n: f"<img src=x onerror={js(n, False)}>")
    r.para(f"A quotation follows:")
    r.add(f"> Quoted {p} text.")
    p = corpus.new("bullet list item", "svg-onload", lambda n: f"<svg onload={js(n, False)}>")
    q = corpus.new("bullet list item", "md-link-javascript", lambda n: f"[item link](javascript:{js(n, False)})")
    r.para("A list:")
    r.add(f"- first {p}\n- second {q}")
    p = corpus.new("line break and emphasis", "img-onerror", lambda n: f"**<img src=x onerror={js(n, False)}>**")
    r.para(f"Line one  \nline two {p} and _{{{{{{bodyHTML}}}}}}_.")
    r.para("A paragraph with nested sub-paragraphs:")
    r.add("(a) First sub-paragraph;")
    r.add("(b) Second sub-paragraph;")
    p = corpus.new("nested sub-paragraph", "sq-breakout-img", lambda n: f"'><img src=x onerror={js(n, False)}>")
    r.add(f"(i) Nested roman item {p};")
    p = corpus.new("nested sub-paragraph", "dq-breakout-script", lambda n: f"\"><script>{js(n)}</script>")
    r.add(f"(ii) Another {p}.")
    reports.append(r)

    # Report 8: a dotted symbol, the text's own escapes, Unicode tricks and template syntax.
    r = Report(corpus, "E/CN.4/2099/1", "2099-01-08", "Escapes and templates")
    corpus.file = r.file_name
    front_matter_payloads(corpus, r, 11)
    r.add("## I. Escapes")
    tricks = [
        ("mustache-triple", lambda n: f"{{{{{{bodyHTML}}}}}} {{{{#layout}}}}<img src=x onerror={js(n, False)}>{{{{/layout}}}}"),
        ("mustache-delimiters", lambda n: f"{{{{=<% %>=}}}}<%{{bodyHTML}}%><svg onload={js(n, False)}>"),
        ("double-escaped", lambda n: f"&amp;lt;script&amp;gt;{js(n)}&amp;lt;/script&amp;gt;"),
        ("fullwidth-brackets", lambda n: f"\uff1cscript\uff1e{js(n)}\uff1c/script\uff1e"),
        ("nul-in-tag", lambda n: f"<scr\u0000ipt>{js(n)}</script>"),
        ("utf7", lambda n: f"+ADw-script+AD4-{js(n)}+ADw-/script+AD4-"),
        ("zero-width-javascript-link", lambda n: f"[zw link](java\u200bscript:{js(n, False)})"),
        ("right-to-left-override", lambda n: f"\u202e<img src=x onerror={js(n, False)}>"),
        ("css-expression", lambda n: f"<div style=\"background:url(javascript:{js(n)})\">css</div>"),
        ("svg-use-data", lambda n: f"<svg><use href=\"data:image/svg+xml;base64,{svg_use_b64(n)}#x\"/></svg>"),
    ]
    for i, (name, make) in enumerate(tricks):
        p = corpus.new("paragraph text", name, make)
        if i % 4 == 3:
            ref = r.note(f"Note {p}.")
            r.para(f"Paragraph with a note.{ref}")
        else:
            r.para(f"Paragraph: {p} end.")
    reports.append(r)

    for rep in reports:
        (content / "reports" / rep.file_name).write_text(rep.text())
    return [rep.symbol for rep in reports]


SITE_VARIANTS = [
    # (base_url, documents, title, language), each a function of a fresh id, or None for the default.
    ("base_url", lambda n: f"javascript:{js(n)}//", "documents", lambda n: f"javascript:{js(n)}//{{symbol}}"),
    ("base_url", lambda n: f"JaVaScRiPt:{js(n)}//", "documents", lambda n: f"JAVASCRIPT:{js(n)}//{{symbol}}"),
    ("base_url", lambda n: f"\tjavascript:{js(n)}//", "documents", lambda n: f" \tjava\tscript:{js(n)}//{{symbol}}"),
    ("base_url", lambda n: f"data:text/html;base64,{b64_html(n)}#", "documents", lambda n: f"data:text/html,<script>{js(n, scope='top.')}</script>{{symbol}}"),
    ("base_url", lambda n: f"vbscript:document.title=\"XSS-{n}\"'", "documents", lambda n: f"vbscript:document.title=\"XSS-{n}\"'{{symbol}}"),
    ("base_url", lambda n: f"https://example.org/\" onmouseover=\"{js(n)}\" x=\"", "documents", lambda n: f"https://undocs.org/{{symbol}}\" autofocus onfocus=\"{js(n)}\" x=\""),
    ("base_url", lambda n: f"https://example.org/'><script>{js(n)}</script>", "documents", lambda n: f"https://undocs.org/{{symbol}}'><img src=x onerror={js(n, False)}>"),
    ("title", lambda n: f"Site\"><img src=x onerror={js(n, False, kind=1)}>", "language", lambda n: f"en><script>{js(n, kind=1)}</script>"),
    ("title", lambda n: f"<svg onload={js(n, False, kind=1)}>", "language", lambda n: f"en' onmouseover='{js(n, False, kind=1)}"),
]


def build_site_variants(corpus, root):
    """Small sites, each with its own hostile site.yml and a report that cites a document not on the site."""
    folders = []
    for k, (key1, make1, key2, make2) in enumerate(SITE_VARIANTS, start=1):
        folder = f"content-site-{k}"
        corpus.folder = folder
        content = root / folder
        (content / "reports").mkdir(parents=True)
        corpus.file = "site.yml"
        v1 = corpus.new(f"site.yml {key1}", key1 + "-variant", make1)
        v2 = corpus.new(f"site.yml {key2}", key2 + "-variant", make2)
        (content / "site.yml").write_text(f"{key1}: {yq(v1)}\n{key2}: {yq(v2)}\n")
        r = Report(corpus, f"A/HRC/97/{k}", "2097-01-01", "Site variant")
        corpus.file = r.file_name
        r.meta("symbol", r.symbol)
        r.meta("title", yq(f"Site variant {k}"))
        r.meta("date", r.date)
        r.meta("body", "Human Rights Council")
        r.add("## I. Cited documents")
        r.para("A document not on this site: A/HRC/98/7, para. 3; and General Assembly resolution 57/218.")
        r.para("The Special Rapporteur recommends that States act.")
        (content / "reports" / r.file_name).write_text(r.text())
        folders.append(folder)
    return folders


REJECTED_SYMBOLS = [
    ("symbol-script", lambda n: f"A/58/<script>{js(n)}</script>"),
    ("symbol-dq-breakout", lambda n: f"A/58/275\"><img src=x onerror={js(n, False)}>"),
    ("symbol-sq-attribute", lambda n: f"A/58/275'onmouseover='{js(n, False)}'"),
    ("symbol-javascript", lambda n: f"javascript:{js(n)}"),
    ("symbol-javascript-path", lambda n: f"javascript:/{js(n, False)}/1"),
    ("symbol-svg", lambda n: f"A/58/<svg onload={js(n, False)}>"),
    ("symbol-space-img", lambda n: f"A/58/275 <img src=x onerror={js(n, False)}>"),
    ("symbol-fragment", lambda n: f"A/58/275#\"><script>{js(n)}</script>"),
    ("symbol-traversal", lambda n: f"A/../../xss-fired-{n}"),
    ("symbol-dot-dot-part", lambda n: f"A/58/..<svg onload={js(n, False)}>"),
    ("symbol-entity", lambda n: f"A/58/&#60;script&#62;{js(n)}"),
    ("symbol-leading-dot", lambda n: f"./A/{n}<img src=x onerror={js(n, False)}>"),
    ("symbol-unicode-slash", lambda n: f"A\u2215{n}\u2215<svg onload={js(n, False)}>"),
    ("symbol-query", lambda n: f"A/58/275?x=\"><script>{js(n)}</script>"),
]


def build_rejected(corpus, root):
    """Reports whose symbol is a payload, and one valid report: the build must fail and write nothing."""
    corpus.folder = "content-rejected"
    content = root / "content-rejected"
    (content / "reports").mkdir(parents=True)
    files = []
    for i, (name, make) in enumerate(REJECTED_SYMBOLS, start=1):
        file_name = f"rejected-{i:02d}.md"
        corpus.file = file_name
        symbol = corpus.new("front matter symbol", name, make)
        r = Report(corpus, "unused", "2096-01-01", "Rejected")
        r.meta("symbol", yq(symbol))
        r.meta("title", yq(f"Hostile symbol {i}"))
        r.meta("date", r.date)
        r.meta("body", "Human Rights Council")
        r.para("A paragraph.")
        (content / "reports" / file_name).write_text(r.text())
        files.append("reports/" + file_name)
    good = Report(corpus, "A/HRC/96/1", "2096-01-02", "Valid")
    good.meta("symbol", good.symbol)
    good.meta("title", "A valid report next to hostile ones")
    good.meta("date", good.date)
    good.meta("body", "Human Rights Council")
    good.para("A paragraph.")
    (content / "reports" / good.file_name).write_text(good.text())
    return files


def main(argv):
    if len(argv) != 2 or argv[1].startswith("-"):
        print(__doc__.strip().split("\n\n")[1], file=sys.stderr)
        return 2
    root = Path(argv[1])
    for name in ["content", "content-rejected", "manifest.json"]:
        p = root / name
        if p.is_dir():
            shutil.rmtree(p)
        elif p.exists():
            p.unlink()
    for p in root.glob("content-site-*"):
        shutil.rmtree(p)
    root.mkdir(parents=True, exist_ok=True)
    corpus = Corpus()
    symbols = build_main(corpus, root)
    variants = build_site_variants(corpus, root)
    rejected = build_rejected(corpus, root)
    manifest = {
        "folders": [{"folder": "content", "expect": "build", "reports": symbols}]
        + [{"folder": f, "expect": "build", "reports": [f"A/HRC/97/{i}"]} for i, f in enumerate(variants, start=1)]
        + [{"folder": "content-rejected", "expect": "reject", "hostile_files": rejected}],
        "payloads": corpus.payloads,
    }
    (root / "manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n")
    counts = {}
    for p in corpus.payloads:
        counts[p["folder"]] = counts.get(p["folder"], 0) + 1
    print(f"{len(corpus.payloads)} payloads in {root}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
