#!/bin/sh
# tools/html-check.sh BOOK.html — reads the HTML book in a real browser,
# headless chromium, as a reader's would show it, and fails unless every
# image loads, every internal link (#name) has its target, and no listing
# runs off the page with no way to scroll to its end. (make html-check)
#
# The check is a script appended to a copy of the page, which runs once the
# page has loaded and writes what it found into the page; chromium prints
# the page as it then is (--dump-dom), and this reads that part back.
set -eu
html=${1:?usage: sh tools/html-check.sh book.html}
[ -f "$html" ] || { echo "html-check: no $html (make html builds it)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

check='<script>
window.addEventListener("load", function () {
  var problems = [];
  var images = document.images;
  for (var i = 0; i < images.length; i++)
    if (!images[i].complete || images[i].naturalWidth === 0)
      problems.push("image does not load: " + (images[i].alt || "").slice(0, 70));
  var links = document.querySelectorAll("a[href^=\"#\"]");
  for (var k = 0; k < links.length; k++) {
    var target = decodeURIComponent(links[k].getAttribute("href").slice(1));
    if (target !== "" && document.getElementById(target) === null)
      problems.push("link to a missing #" + target + ": " + links[k].textContent.slice(0, 50));
  }
  var listings = document.querySelectorAll("pre");
  for (var p = 0; p < listings.length; p++) {
    var style = getComputedStyle(listings[p]);
    var scrolls = style.overflowX === "auto" || style.overflowX === "scroll";
    if (listings[p].scrollWidth > listings[p].clientWidth + 1 && !scrolls)
      problems.push("listing runs off the page: " + listings[p].textContent.slice(0, 50));
  }
  var out = document.createElement("pre");
  out.id = "html-check-result";
  out.textContent = "checked " + images.length + " images, " + links.length +
      " internal links, " + listings.length + " listings\n" + problems.join("\n");
  document.body.appendChild(out);
});
</script>'

# The page with the check just before its last </body>. (Through the
# environment: awk -v would turn the script's \n into a newline.)
CHECK=$check awk '
    { line[NR] = $0 }
    /<\/body>/ { last = NR }
    END { for (k = 1; k <= NR; k++) { if (k == last) print ENVIRON["CHECK"]; print line[k] } }
' "$html" >"$work/book.html"

browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || { echo "html-check: chromium is not installed" >&2; exit 2; }
# A fresh profile, nothing fetched or synced: the check reads only the page.
"$browser" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run \
    --user-data-dir="$work/profile" --window-size=1280,1600 \
    --virtual-time-budget=30000 --dump-dom "file://$(cd "$work" && pwd)/book.html" \
    >"$work/dom.html" 2>"$work/chromium.log" || {
    echo "html-check: chromium failed; its log:" >&2
    tail -n 20 "$work/chromium.log" >&2
    exit 1
}
# What the check wrote: from its <pre> to the </pre> after it.
result=$(awk '/<pre id="html-check-result">/ { on = 1; sub(/.*<pre id="html-check-result">/, "") }
              on { if (sub(/<\/pre>.*/, "")) { print; exit } print }' "$work/dom.html")
if [ -z "$result" ]; then
    echo "html-check: the page never finished loading in chromium" >&2
    exit 1
fi
echo "html-check: $result"
problems=$(echo "$result" | sed 1d)
[ -z "$problems" ] || { echo "html-check: $html has the problems above" >&2; exit 1; }
