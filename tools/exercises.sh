#!/bin/sh
# tools/exercises.sh — build each exercise with its Check test, run it, report.
#
#   sh tools/exercises.sh report learner     the learner's files: one line each, then
#                                            "exercises: S of N solved"; always exits 0
#   sh tools/exercises.sh report solutions   the same with the reference solutions
#   sh tools/exercises.sh check              exits 1 unless every solution passes,
#                                            every untouched starting file fails, every
#                                            common mistake in tests/exercises/mistakes/
#                                            gets its hint, and book.md copies every
#                                            README table
#   sh tools/exercises.sh list               the exercises' files, in the course's order
#
# mk/exercises.mk runs it from the top of the repository once the library,
# each test's object and the runner are built, with BUILD, CC, CFLAGS,
# LDFLAGS, LDLIBS, CHECK_FLAGS and LIBRARY in the environment (`list` needs
# none of them). The exercises are built and run side by side, then reported
# in the course's order.
#
# The one list of the exercises, and of their order, is the table in each
# chapter's exercises/README.md (which the book copies): exercise NAME is the
# row that starts "| `NAME.c` |". Another .c file beside them, such as a
# learner's spare copy, is no exercise; `check` fails if one has a test but
# no row, or a row names no file.

set -u

# The exercise names in the table of chapter directory $1's README, in order.
listed_in() {
    sed -n 's/^| `\([^`]*\)\.c` |.*/\1/p' "$1/README.md" 2>/dev/null
}

# Every exercise's file, chapter by chapter, each chapter in its table's order.
exercises_in_order() {
    for dir in chapters/*/exercises; do
        for name in $(listed_in "$dir"); do
            [ -f "$dir/$name.c" ] && echo "$dir/$name.c"
        done
    done
}

EXERCISES=$(exercises_in_order)
TOTAL=$(echo "$EXERCISES" | grep -c .)

# chapters/03-gradients/exercises/grad-a2.c -> ch03/grad-a2
label_of() {
    chapter=${1#chapters/}
    echo "ch${chapter%%-*}/$(basename "$1" .c)"
}

# The starting file as shipped: the working copy, unless the learner has
# edited it since git last recorded it; then git's copy, written to $2.
starting_file() {
    if edited "$1" && git show "HEAD:$1" >"$2" 2>/dev/null; then
        echo "$2"
    else
        echo "$1"
    fi
}

# Whether the file $1 differs from git's last recorded copy of it.
edited() {
    git cat-file -e "HEAD:$1" 2>/dev/null && ! git diff --quiet HEAD -- "$1" 2>/dev/null
}

# Prints a line for each #include of a solution that its starting file lacks:
# the natural answer must compile without a change to the top of the file.
# A starting file that differs from git's copy is left out: it may be a
# learner's work in progress.
include_problems() {
    for exercise in $EXERCISES; do
        edited "$exercise" && continue
        solution=$(dirname "$exercise")/solutions/$(basename "$exercise")
        grep '^#include' "$solution" | while read -r line; do
            grep -qxF "$line" "$exercise" ||
                echo "  $exercise lacks $line, which its solution uses"
        done
    done
}

# The compiler's first error in the log $1, on one line, the way it starts:
# "grad-a2.c:27: comparison of integer expressions … [warning -Wsign-compare,
# counted as an error]" (the course builds with -Werror), followed by gcc's
# suggestion when it names a missing #include.
first_compile_problem() {
    awk '
        /^[^ :]+:[0-9]+:[0-9]+: (fatal )?error: / {
            if (problem != "") exit
            problem = $0
            next
        }
        problem != "" && /^[^ :]+:[0-9]+:[0-9]+: note: include / {
            sub(/^[^ ]* note: /, "")
            problem = problem "; note: " $0
            exit
        }
        problem != "" && /^[^ :]+:[0-9]+:[0-9]+: / { exit }
        END { print problem }
    ' "$1" | sed -E \
        -e 's#^([^:]*/)?([^/:]+):([0-9]+):[0-9]+: [a-z ]+: #\2:\3: #' \
        -e 's/ \[-Werror=([^]]*)\]/ [warning -W\1, counted as an error]/' \
        -e 's/ \[-Werror,(-W[^]]*)\]/ [warning \1, counted as an error]/'
}

# What a compiler log $1 says about a mistake beginners often make, in one
# sentence to put before the compiler's own words ("" for none). The first
# match wins; abs() comes first because the compiler's first words about it
# ("include <stdlib.h>") would lead the wrong way.
known_compile_mistake() {
    if grep -q -E "implicit(ly)? declar[a-z]* (of )?(library )?function '(l|ll)?abs'|absolute-value" "$1"; then
        echo "abs() is the absolute value of an int (it would cut 0.5 down to 0): for a" \
            "double, call fabs(), declared in <math.h>"
    elif grep -q -E "comparison of unsigned expression in '>= 0' is always true" "$1"; then
        echo "a size_t is never below 0, so i >= 0 is always true and the loop would never" \
            "end: loop while i > 0 and use i - 1, or count up"
    elif grep -q -E 'comparison of integer(s| expressions) of different sign' "$1"; then
        echo "an int compared with a size_t: count with a size_t, as n is"
    elif grep -q -E 'control reaches end of non-void function|does not return a value' "$1"; then
        echo "the function must end by returning its answer (return …;) on every path"
    else
        name=$(sed -n -E "s/.*unused parameter '([A-Za-z0-9_]+)'.*/\1/p" "$1" | head -n 1)
        [ -z "$name" ] || echo "your code does not use $name yet (the starting file's" \
            "(void)$name; only kept the compiler quiet about that)"
    fi
}

# The linker's first complaint in the log $1, on one line: a function called
# but defined nowhere ("undefined reference to 'dot_product'") or defined
# twice, with the line of the file where the linker knows it (from -g).
first_link_problem() {
    problem=$(grep -m 1 -E 'undefined reference to|multiple definition of' "$1" | tr '`' "'")
    if [ -z "$problem" ]; then # something else: its first line, without ld's name
        grep -v -e 'in function' -e '^collect2' "$1" | sed -n -E 's#^[^ ]*ld: ##; 1p'
        return
    fi
    name=$(echo "$problem" | sed -E "s/.*(reference to|definition of) ('[A-Za-z0-9_]+').*/\2/")
    # "path/file.c:12: undefined reference …", or "…; path/file.c:12: first
    # defined here"; without -g the place is "(.text+0x1c)", and is left out.
    where=$(echo "$problem" | sed -n -E \
        -e 's#^(.*/)?([^/: ]+\.c):([0-9]+): undefined reference.*#\2:\3: #p' \
        -e 's#.*; ([^ ]*:)?(.*/)?([^/: ]+\.c):([0-9]+): first defined here.*#\3:\4: #p')
    case $problem in
        *"undefined reference"*)
            echo "${where}undefined reference to $name, which neither your file nor the" \
                "library defines" ;;
        *)
            echo "${where}multiple definition of $name, which the library or the test" \
                "defines too: rename yours, or make it static" ;;
    esac
}

# Builds the file $1 as exercise $2 into directory $3 and runs its test,
# which prints the "solved" or "not yet" line. Returns 0 when solved, 1 when
# not yet, 2 when the file does not compile or link. The compiler speaks
# plain English (LC_ALL=C), so that its messages can be picked out.
try_exercise() {
    source=$1 exercise=$2 out=$3
    name=$(basename "$exercise" .c) label=$(label_of "$exercise")
    log=$out/$name.log
    if ! LC_ALL=C $CC $CFLAGS -Icode -I"$(dirname "$exercise")" -c "$source" \
        -o "$out/$name.o" >"$log" 2>&1; then
        problem=$(first_compile_problem "$log")
        mistake=$(known_compile_mistake "$log")
        if [ -n "$mistake" ]; then # the hint first, then the compiler's words without
            problem="$mistake (${problem%%; note: include *})" # its advice to include
        fi
        echo "  not yet  $label — does not compile${problem:+: $problem} (see $log)"
        return 2
    fi
    if ! LC_ALL=C $CC $CFLAGS $LDFLAGS "$out/$name.o" "$BUILD/exercises/tests/${name}_test.o" \
        "$BUILD/exercises/runner.o" "$LIBRARY" $CHECK_FLAGS $LDLIBS -o "$out/$name" \
        >>"$log" 2>&1; then
        problem=$(first_link_problem "$log")
        echo "  not yet  $label — does not link${problem:+: $problem} (see $log)"
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

# Prints a line for every row of a chapter's README table that names no
# file, and every file with a test that no table names.
table_problems() {
    for dir in chapters/*/exercises; do
        [ -d "$dir" ] || continue
        listed=$(listed_in "$dir")
        for name in $listed; do
            [ -f "$dir/$name.c" ] || echo "  $dir/README.md lists $name.c, which does not exist"
        done
        for file in "$dir"/*.c; do
            name=$(basename "$file" .c)
            [ -f "tests/exercises/${name}_test.c" ] || continue
            echo "$listed" | grep -qx "$name" ||
                echo "  $file has a test but no row in the table of $dir/README.md"
        done
    done
}

# Prints a line for every row of a chapter's README table that book.md, which
# copies the tables into its Exercises subsections, lacks word for word.
book_problems() {
    for dir in chapters/*/exercises; do
        grep '^| `[^`]*\.c` |' "$dir/README.md" 2>/dev/null | while IFS= read -r row; do
            grep -qxF "$row" book.md ||
                echo "  book.md lacks this row of $dir/README.md: $row"
        done
    done
}

# The common mistakes, tests/exercises/mistakes/NAME--WHAT.c: each a wrong
# answer to exercise NAME, whose test must fail (status 1) with the words of
# the file's " * expect: " line, the hint that names the mistake. All are
# built at once; prints a line for each that does not, or names no exercise.
mistake_problems() {
    for file in tests/exercises/mistakes/*.c; do
        [ -e "$file" ] || continue
        mistake=$(basename "$file" .c)
        exercise=$(echo "$EXERCISES" | grep "/${mistake%%--*}\.c\$")
        if [ -z "$exercise" ]; then
            echo "  $file: there is no exercise ${mistake%%--*}"
            continue
        fi
        out=$BUILD/exercises/mistakes/$mistake
        mkdir -p "$out"
        (
            line=$(try_exercise "$file" "$exercise" "$out")
            status=$?
            expect=$(sed -n 's/^ \* expect: //p' "$file")
            if [ "$status" -ne 1 ] || ! echo "$line" | grep -qF "$expect"; then
                echo "  $file: its test should fail saying \"$expect\"; it says:$line"
            fi
        ) >"$out/problem" &
    done
    wait
    cat "$BUILD"/exercises/mistakes/*/problem 2>/dev/null
}

check() {
    rm -f "$BUILD"/exercises/starting/*.c # git's copies from the last check
    rm -rf "$BUILD"/exercises/mistakes
    try_all solutions
    try_all starting
    ok=true

    problems=$(table_problems)
    if [ -n "$problems" ]; then
        echo "$problems"
        echo "exercises-check: each chapter's exercises/README.md must list its exercises"
        ok=false
    fi
    problems=$(book_problems)
    if [ -n "$problems" ]; then
        echo "$problems"
        echo "exercises-check: book.md's Exercises tables must copy the READMEs' tables"
        ok=false
    fi
    problems=$(mistake_problems)
    if [ -n "$problems" ]; then
        echo "$problems"
        echo "exercises-check: a common mistake must get its hint"
        ok=false
    else
        echo "exercises-check: mistakes: $(ls tests/exercises/mistakes/*.c | grep -c .) of" \
            "them named by their tests"
    fi
    problems=$(include_problems)
    if [ -n "$problems" ]; then
        echo "$problems"
        echo "exercises-check: a starting file must include every header its solution does"
        ok=false
    fi

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

case ${1:-} in
    report) report "${2:-learner}" ;;
    check) check ;;
    list) echo "$EXERCISES" ;;
    *) echo "usage: sh tools/exercises.sh report learner|solutions | check | list" >&2; exit 2 ;;
esac
