# mk/exercises.mk — exercises that check themselves, for chapters 01–05.
#
# Included by the top-level Makefile, which defines BUILD, CC, CFLAGS, LDLIBS,
# CHECK_FLAGS, LIBRARY and EXTRA_TESTS.
#
#   make exercises               your progress: one line per exercise, then
#                                "exercises: S of N solved" (never fails)
#   make exercises SOLUTIONS=1   the same for the reference solutions
#   make exercises-check         every solution passes, every starting file
#                                fails its test (so no test is vacuous), and
#                                book.md copies every README table (make test)
#
# Exercise NAME is chapters/NN-…/exercises/NAME.c (the learner's file) with its
# prototype in NAME.h, its answer in solutions/NAME.c and its Check test in
# tests/exercises/NAME_test.c; its row in the table of its chapter's
# exercises/README.md makes it an exercise and sets its place in the report
# (see tools/exercises.sh). The tests and their runner are the course's own
# code and are built here by make; the learner's file may not compile yet, so
# tools/exercises.sh builds it, and reports rather than stops when it fails.

# The exercises, as the tables in the chapters' exercises/README.md list them.
EXERCISE_SOURCES := $(shell sh tools/exercises.sh list)
EXERCISE_BUILD := $(BUILD)/exercises
EXERCISE_TEST_OBJECTS := $(patsubst %.c,$(EXERCISE_BUILD)/tests/%_test.o,$(notdir $(EXERCISE_SOURCES)))
EXERCISE_RUNNER := $(EXERCISE_BUILD)/runner.o
# Check's compile flags alone (CHECK_FLAGS also holds its link flags).
CHECK_CFLAGS := $(shell pkg-config --cflags check 2>/dev/null)

# Each test includes its exercise's header, which lives beside the exercise.
define exercise_test_rule
$(EXERCISE_BUILD)/tests/$(basename $(notdir $(1)))_test.o: \
        tests/exercises/$(basename $(notdir $(1)))_test.c $(1:.c=.h) \
        tests/exercises/exercise_test.h code/*.h
	@mkdir -p $$(@D)
	$$(CC) $$(CFLAGS) $(CHECK_CFLAGS) -Icode -I$(dir $(1)) -Itests/exercises -c $$< -o $$@
endef
$(foreach source,$(EXERCISE_SOURCES),$(eval $(call exercise_test_rule,$(source))))

$(EXERCISE_RUNNER): tests/exercises/runner.c tests/exercises/exercise_test.h code/*.h
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(CHECK_CFLAGS) -Icode -Itests/exercises -c $< -o $@

# The script gets the toolchain through its environment.
RUN_EXERCISES = BUILD='$(BUILD)' CC='$(CC)' CFLAGS='$(CFLAGS)' LDFLAGS='$(LDFLAGS)' \
    LDLIBS='$(LDLIBS)' CHECK_FLAGS='$(CHECK_FLAGS)' LIBRARY='$(LIBRARY)' \
    sh tools/exercises.sh

exercises: $(LIBRARY) $(EXERCISE_TEST_OBJECTS) $(EXERCISE_RUNNER)
	@$(RUN_EXERCISES) report $(if $(filter-out 0 no,$(SOLUTIONS)),solutions,learner)

exercises-check: $(LIBRARY) $(EXERCISE_TEST_OBJECTS) $(EXERCISE_RUNNER)
	@$(RUN_EXERCISES) check

EXTRA_TESTS += exercises-check

.PHONY: exercises exercises-check
