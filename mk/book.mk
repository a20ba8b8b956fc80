# mk/book.mk: the book weaver, and the targets that keep book.md honest.
#
# Included by the top-level Makefile, which defines BUILD, CC, CFLAGS and
# CHAPTERS (the chapter programs whose runs the book shows).
#
#   make book         fill in every listing and output in book.md
#   make book-check   fail if book.md is out of date with the code (for CI)
#   make html-check   book.html checked in headless chromium (for CI)

WEAVE := $(BUILD)/weave

# weave uses POSIX calls (getline, popen, open_memstream) beyond plain C11.
WEAVE_CFLAGS := -D_POSIX_C_SOURCE=200809L

# For tests/test_weave.c, which runs the built weaver: add these to the
# compile line of the test runner, and make the runner depend on $(WEAVE).
WEAVE_TEST_CFLAGS := -D_POSIX_C_SOURCE=200809L -DWEAVE_BIN='"$(WEAVE)"'

$(WEAVE): tools/weave.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(WEAVE_CFLAGS) -o $@ $< $(LDFLAGS)

# The outputs shown in the book come from real runs, so the chapter
# programs must be built first. The runs draw no images (SGD_GNUPLOT empty,
# code/render.h): the book's images are figures/, which `make figures` draws,
# and drawing them again here would make `make test` seconds slower.
book: $(WEAVE) $(CHAPTERS)
	SGD_GNUPLOT= $(WEAVE) book.md

book-check: $(WEAVE) $(CHAPTERS)
	SGD_GNUPLOT= $(WEAVE) --check book.md

.PHONY: book book-check

# make test fails when a listing or an output in the book has drifted.
EXTRA_TESTS += book-check

# The book as one standalone HTML page, figures and math inside, for reading
# offline in a browser. pandoc is installed on first use.
html: book.html

book.html: book.md tools/book.css $(wildcard figures/*.png figures/*.gif)
	@sh tools/install-deps.sh pandoc
	pandoc book.md --standalone --self-contained --mathml --toc --css tools/book.css \
	    --metadata pagetitle="SGD from scratch, in C" -o $@
	@echo "wrote $@: open it in any browser"

# The HTML book as a browser shows it: headless chromium (installed on first
# use) loads book.html and checks that every image loads, every internal
# link resolves and no listing runs off the page (tools/html-check.sh).
html-check: book.html
	@sh tools/install-deps.sh chromium
	@sh tools/html-check.sh book.html

.PHONY: html html-check
