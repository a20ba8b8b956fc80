# mk/reference.mk: the chapters beside PyTorch. Never part of `make test`,
# which must not need torch; .ci/run runs it after the tests.
#
# Included by the top-level Makefile, which defines BUILD, CC, CFLAGS,
# LIBRARY, LDLIBS and CHAPTERS.
#
#   make reference   install Debian's python3-torch if it is missing, run each
#                    chapter with --trace and its counterpart in reference/
#                    on the same data, and compare every step

# Debian's Python, which python3-torch installs into: a python3 earlier on
# PATH (a virtualenv, another install) may have no torch.
PYTHON_TORCH := /usr/bin/python3
REFERENCE_GRADIENTS := $(BUILD)/reference-gradients

$(REFERENCE_GRADIENTS): reference/gradients.c $(LIBRARY) code/*.h
	$(CC) $(CFLAGS) -Icode $< $(LIBRARY) $(LDLIBS) -o $@

# Chapter 12's layers first (mk/conv.mk), then every chapter's run.
reference: $(CHAPTERS) $(REFERENCE_GRADIENTS) $(CONV_DUMP)
	@sh tools/install-deps.sh python3-torch
	@$(CONV_DUMP) | $(PYTHON_TORCH) reference/conv_layers.py
	@sh reference/run.sh $(BUILD) $(PYTHON_TORCH)

.PHONY: reference
