#!/usr/bin/env python3
"""How many of a PDF's words `reportsite import` kept, and in order (issue 19's measure).

    python3 scripts/import/words.py --reportsite .build/release/reportsite PDF...

For each PDF: the reference is the words of `pdftotext` (the same extraction the importer reads), less the page
furniture and the printed contents, which the importer removes on purpose: lines repeated on three or more pages
(running headers and footers), lines of a number alone (page numbers), lines with dot leaders (the contents), job
numbers (GE.19-22458(E)), barcodes (*1407536*) and the cover's banner, distribution and language lines. Numbers
are left out on both sides (paragraph, footnote and page numbers are structure, measured apart), and a footnote
marker glued to a word is taken off it. The output is the file `import` writes, front matter included
(the cover's words move there). Words are compared lower-cased, letters and digits only.
- anywhere: the share of the reference's words found in the output, each as often as the reference has it;
- in order: the share in one common order (difflib's matching blocks: a lower bound of the longest common
  subsequence), footnote texts counted where the output puts them (at the end, so a little lower than the truth);
- body in order: the same for the body alone, the measure issue 19 asks for. The footnote texts are taken out of
  both sides: out of the output, its footnote definitions; out of the reference, the runs of words (four or more)
  that match those definitions in their order, since the notes of each page follow one another as they do in
  the output. A note the importer left in the body as text stays on both sides.
"""
import argparse, collections, difflib, os, re, subprocess, sys, tempfile

def words(text):
    """Words, lower-cased; numbers left out (paragraph, footnote and page numbers are structure, measured apart),
    and a footnote marker glued to a word (`obligations1`) taken off it."""
    out = []
    for w in re.findall(r"[0-9a-zà-ÿœæ]+", text.lower()):
        if w.isdigit(): continue
        m = re.fullmatch(r"([a-zà-ÿœæ]{2,})\d{1,3}", w)
        out.append(m.group(1) if m else w)
    return out

# The cover's furniture, which the importer turns into front matter or drops: the organ's banner, the distribution
# and language lines, the symbol.
COVER = re.compile(r"^(United Nations|UNITED NATIONS|General Assembly|GENERAL ASSEMBLY|Distr\..*|Original: .*|ORIGINAL: .*"
                   r"|[A-Z]{1,6}/[A-Z0-9./-]+\*?|A|E|Advance unedited version)$")

def reference(raw):
    lines = raw.replace("\f", "\n").split("\n")
    counts = collections.Counter(l.strip() for l in lines if l.strip())
    kept = []
    for l in lines:
        t = l.strip()
        if not t or counts[t] >= 3 or COVER.match(t): continue
        if re.fullmatch(r"\d{1,4}", t): continue
        if re.search(r"\.{5,}", t): continue
        if re.fullmatch(r"GE\.\d{2}-\d{4,6}\s*\(E\).*", t) or re.fullmatch(r"\*\d{5,}\*", t): continue
        kept.append(t)
    return words("\n".join(kept))

def split_notes(md):
    """The file's body and its footnote definitions (`[^N]: text` and the indented lines that go on with it)."""
    body, notes, in_note = [], [], False
    for line in md.split("\n"):
        if re.match(r"\[\^[^\]]+\]:", line):
            in_note = True; notes.append(line.split(":", 1)[1]); continue
        if in_note and (line.startswith("    ") or line.startswith("\t")):
            notes.append(line); continue
        in_note = False
        body.append(line)
    return "\n".join(body), "\n".join(notes)

def without_notes(ref, note_words):
    """The reference less the runs of words (four or more, in order) that match the output's footnote texts."""
    sm = difflib.SequenceMatcher(None, ref, note_words, autojunk=False)
    drop = set()
    for b in sm.get_matching_blocks():
        if b.size >= 4: drop.update(range(b.a, b.a + b.size))
    return [w for i, w in enumerate(ref) if i not in drop]

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--reportsite", required=True)
    ap.add_argument("pdfs", nargs="+")
    a = ap.parse_args()
    total = [0, 0, 0, 0, 0]
    print("| document | reference words | anywhere | in order | body words | body in order |")
    print("|---|---:|---:|---:|---:|---:|")
    for pdf in a.pdfs:
        raw = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout
        with tempfile.TemporaryDirectory() as out:
            subprocess.run([os.path.abspath(a.reportsite), "import", os.path.abspath(pdf), "-o", out], cwd=out,
                           capture_output=True, text=True)
            md = [f for f in os.listdir(out) if f.endswith(".md")]
            if not md:
                print(f"| {os.path.basename(pdf)} | nothing written | | |")
                continue
            text = open(os.path.join(out, md[0]), encoding="utf-8").read()
        ref = reference(raw)
        got = words(re.sub(r"\[\^[^\]]*\]", " ", text))
        have = collections.Counter(got)
        anywhere = sum(min(n, have[w]) for w, n in collections.Counter(ref).items())
        sm = difflib.SequenceMatcher(None, ref, got, autojunk=False)
        in_order = sum(b.size for b in sm.get_matching_blocks())
        body, notes = split_notes(text)
        body_ref = without_notes(ref, words(notes))
        body_got = words(re.sub(r"\[\^[^\]]*\]", " ", body))
        sm = difflib.SequenceMatcher(None, body_ref, body_got, autojunk=False)
        body_in_order = sum(b.size for b in sm.get_matching_blocks())
        total[0] += len(ref); total[1] += anywhere; total[2] += in_order
        total[3] += len(body_ref); total[4] += body_in_order
        print(f"| {os.path.basename(pdf)} | {len(ref)} | {anywhere / max(len(ref), 1):.2%} | {in_order / max(len(ref), 1):.2%}"
              f" | {len(body_ref)} | {body_in_order / max(len(body_ref), 1):.2%} |")
    print(f"| all | {total[0]} | {total[1] / max(total[0], 1):.2%} | {total[2] / max(total[0], 1):.2%}"
          f" | {total[3]} | {total[4] / max(total[3], 1):.2%} |")

if __name__ == "__main__":
    sys.exit(main())
