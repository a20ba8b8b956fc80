#!/bin/sh
# tools/exercises.sh — build each exercise with its Check test, run it, report.
#
#   sh tools/exercises.sh report learner     the learner's files: one line each, then
#                                            "exercises: S of N solved"; always exits 0
#   sh tools/exercises.sh report solutions   the same with the reference solutions
#   sh tools/exercises.sh check              exits 1 unless every solution passes and
#                                            every untouched starting file fails
#
# mk/exercises.mk runs it from the top of the repository once the library,
# each test's object and the runner are built, with BUILD, CC, CFLAGS,
# LDFLAGS, LDLIBS, CHECK_FLAGS and LIBRARY in the environment. The exercises
# are built and run side by side, then reported in the course's order.

set -u

EXERCISES=$(ls chapters/*/exercises/*.c 2>/dev/null | sort)
TOTAL=$(echo "$EXERCISES" | grep -c .)

# chapters/03-gradients/exercises/grad-a2.c -> ch03/grad-a2
label_of() {
    chapter=${1#chapters/}
    echo "ch${chapter%%-*}/$(basename "$1" .c)"
}

# The starting file as shipped: the working copy, unless the learner has
# edited it since git last recorded it; then git's copy, written to $2.
starting_file() {
    if git cat-file -e "HEAD:$1" 2>/dev/null && ! git diff --quiet HEAD -- "$1" 2>/dev/null &&
        git show "HEAD:$1" >"$2" 2>/dev/null; then
        echo "$2"
    else
        echo "$1"
    fi
}

# Builds the file $1 as exercise $2 into directory $3 and runs its test,
# which prints the "solved" or "not yet" line. Returns 0 when solved, 1 when
# not yet, 2 when the file does not compile or link.
try_exercise() {
    source=$1 exercise=$2 out=$3
    name=$(basename "$exercise" .c) label=$(label_of "$exercise")
    log=$out/$name.log
    if ! $CC $CFLAGS -Icode -I"$(dirname "$exercise")" -c "$source" -o "$out/$name.o" \
        >"$log" 2>&1; then
        echo "  not yet  $label — does not compile (see $log)"
        return 2
    fi
    if ! $CC $CFLAGS $LDFLAGS "$out/$name.o" "$BUILD/exercises/tests/${name}_test.o" \
        "$BUILD/exercises/runner.o" "$LIBRARY" $CHECK_FLAGS $LDLIBS -o "$out/$name" \
        >>"$log" 2>&1; then
        echo "  not yet  $label — does not link (see $log)"
        return 2
    fi
    verdict=$("$out/$name")
    status=$?
    # The runner always prints a line; guard against a test program that died.
    [ -n "$verdict" ] || verdict="  not yet  $label — the test program stopped (exit $status)"
    echo "$verdict"
    [ "$status" -eq 0 ] && return 0
    return 1
}

# Tries every exercise in one of three versions — learner, solutions or
# starting — each in its own directory under $BUILD/exercises, all at once.
# Leaves NAME.line (what to print) and NAME.status (0, 1 or 2) per exercise.
try_all() {
    version=$1 out=$BUILD/exercises/$1
    mkdir -p "$out"
    for exercise in $EXERCISES; do
        name=$(basename "$exercise" .c)
        case $version in
            learner) source=$exercise ;;
            solutions) source=$(dirname "$exercise")/solutions/$name.c ;;
            starting) source=$(starting_file "$exercise" "$out/$name.c") ;;
        esac
        (
            try_exercise "$source" "$exercise" "$out" >"$out/$name.line"
            echo $? >"$out/$name.status"
        ) &
    done
    wait
}

# How many exercises of version $1 ended with status $2.
count_status() {
    count=0
    for exercise in $EXERCISES; do
        name=$(basename "$exercise" .c)
        [ "$(cat "$BUILD/exercises/$1/$name.status")" = "$2" ] && count=$((count + 1))
    done
    echo "$count"
}

# Prints the lines of version $1 whose status is not $2 (all lines if $2 is "any").
print_lines() {
    for exercise in $EXERCISES; do
        name=$(basename "$exercise" .c)
        status=$(cat "$BUILD/exercises/$1/$name.status")
        [ "$2" = any ] || [ "$status" != "$2" ] && cat "$BUILD/exercises/$1/$name.line"
    done
}

report() {
    try_all "$1"
    print_lines "$1" any
    echo "exercises: $(count_status "$1" 0) of $TOTAL solved"
    exit 0 # a progress report, never a failed build
}

check() {
    try_all solutions
    try_all starting
    ok=true

    passed=$(count_status solutions 0)
    print_lines solutions 0 | sed 's/^  not yet  /  solution fails  /'
    echo "exercises-check: solutions: $passed of $TOTAL pass their tests"
    [ "$passed" -eq "$TOTAL" ] || ok=false

    # A starting file must compile cleanly and fail: status 1, nothing else.
    failed=$(count_status starting 1)
    for exercise in $EXERCISES; do
        name=$(basename "$exercise" .c)
        case $(cat "$BUILD/exercises/starting/$name.status") in
            0) echo "  starting file passes  $(label_of "$exercise") — its test is vacuous" ;;
            2) sed 's/^  not yet  /  starting file broken  /' "$BUILD/exercises/starting/$name.line" ;;
        esac
    done
    from_git=$(ls "$BUILD"/exercises/starting/*.c 2>/dev/null | grep -c .)
    note=""
    [ "$from_git" -eq 0 ] || note=" ($from_git as git has them: you have edited yours)"
    echo "exercises-check: starting files: $failed of $TOTAL fail their tests, as they should$note"
    [ "$failed" -eq "$TOTAL" ] || ok=false

    $ok
}

rm -f "$BUILD"/exercises/starting/*.c
case ${1:-} in
    report) report "${2:-learner}" ;;
    check) check ;;
    *) echo "usage: sh tools/exercises.sh report learner|solutions | check" >&2; exit 2 ;;
esac
