# mk/conv.mk: chapter 12's layers checked against PyTorch, and timed beside
# it. Neither is part of `make test`: PyTorch is not a test dependency, and a
# timing depends on the machine.
#
# Included by the top-level Makefile, which defines BUILD, CC, CFLAGS,
# LDLIBS and LIBRARY.
#
#   make conv-reference   conv3x3 and maxpool2x2 (code/conv.h, code/conv_fast.h)
#                         against torch.nn.functional.conv2d and max_pool2d in
#                         float64, every output and gradient to 1e-12
#   make bench-conv       the same layers' speed, plain and fast, beside
#                         PyTorch's on the same shapes (make bench runs it)

# Debian's python3 with python3-torch; the python3 on PATH may be another.
CONV_DUMP := $(BUILD)/conv-dump
CONV_BENCH := $(BUILD)/conv-bench

$(CONV_DUMP): tools/conv_dump.c $(LIBRARY) code/*.h
	$(CC) $(CFLAGS) -Icode $< $(LIBRARY) $(LDLIBS) -o $@

$(CONV_BENCH): tools/bench/conv_bench.c $(LIBRARY) code/*.h
	$(CC) $(CFLAGS) -Icode $< $(LIBRARY) $(LDLIBS) -o $@

conv-reference: $(CONV_DUMP)
	$(CONV_DUMP) | $(PYTHON_TORCH) reference/conv_layers.py

bench-conv: $(CONV_BENCH)
	$(CONV_BENCH) | $(PYTHON_TORCH) tools/bench/conv_torch.py

.PHONY: conv-reference bench-conv
