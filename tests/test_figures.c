/* Tests for code/figures.c: a run's figures replace the old ones all
 * together or not at all, whatever else happens meanwhile: a failure, a
 * folder in the way, Ctrl-C or kill, another run into the same folder, a
 * stopped run's remains, a link planted to mislead the clean-up. Each
 * defect issue 18 found has a test here, named after what it now keeps. */
#define _POSIX_C_SOURCE 200809L /* fork, kill, pipe, nanosleep, sigprocmask, setrlimit */

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "figures.h"
#include "plot.h"
#include "rng.h"
#include "run_program.h"
#include "suites.h"

enum { PATH_SIZE = 256 };

static char dir[64];

static void make_scratch(void)
{
    ck_assert(make_temp_dir(dir, sizeof dir));
}

static void remove_scratch(void)
{
    remove_temp_dir(dir);
}

/* DIR/name, into path (PATH_SIZE bytes). */
static void in_dir(char *path, const char *name)
{
    ck_assert_int_lt(snprintf(path, PATH_SIZE, "%s/%s", dir, name), PATH_SIZE);
}

static Dataset some_data(void)
{
    Dataset data;
    Rng rng = rng_seeded(7);
    const double a_true[2] = {3, 2};
    ck_assert_int_eq(data_synthetic(&data, 100, a_true, &rng, NULL), STATUS_OK);
    return data;
}

/* Draws "first" (a fit) and second_name (a curve), both titled title,
 * into the set. */
static Status draw_into(const FigureSet *figures, const char *title, const char *second_name,
                        Error *err)
{
    Dataset data = some_data();
    const double x[2] = {0, 1};
    Curve curve = {"c", ROLE_LOSS, false, x, x, 2};
    Axes axes = {.title = title, .x_label = "x", .y_label = "y"};
    Status status = plot_fit(figures_dir(figures), "first", title, &data, NULL, 0, err);
    if (status == STATUS_OK)
        status = plot_curves(figures_dir(figures), second_name, &axes, &curve, 1, err);
    data_free(&data);
    return status;
}

/* A whole run's figures: "first" and second_name drawn into a set in out. */
static Status draw_two_in(const char *out, const char *title, const char *second_name,
                          Error *err)
{
    FigureSet *figures = NULL;
    Status status = figures_begin(&figures, out, err);
    if (status == STATUS_OK)
        status = draw_into(figures, title, second_name, err);
    return figures_finish(figures, status, err);
}

static Status draw_two(const char *title, const char *second_name, Error *err)
{
    return draw_two_in(dir, title, second_name, err);
}

static char *fingerprint(const char *name)
{
    char path[PATH_SIZE];
    in_dir(path, name);
    char *print = fingerprint_file(path);
    ck_assert_ptr_nonnull(print);
    return print;
}

static void check_nothing_hidden_in(const char *folder)
{
    char name[PATH_SIZE];
    ck_assert_msg(!find_hidden_entry(folder, name, sizeof name), "left behind: %s/%s", folder,
                  name);
}

/* The title of the script out/name, into title (PATH_SIZE bytes): "" if
 * the script is missing, cut short, or has none. */
static void title_of(const char *out, const char *name, char *title)
{
    char path[PATH_SIZE];
    ck_assert_int_lt(snprintf(path, sizeof path, "%s/%s", out, name), PATH_SIZE);
    char *script = read_text_file(path);
    const char *line = script == NULL ? NULL : strstr(script, "set title '");
    title[0] = '\0';
    if (line != NULL && script[strlen(script) - 1] == '\n') /* whole */
        sscanf(line, "set title '%255[^']'", title);
    free(script);
}

/* How many folders of figure sets (".figures.…") folder holds. */
static size_t count_sets(const char *folder)
{
    DIR *listing = opendir(folder);
    ck_assert_ptr_nonnull(listing);
    size_t count = 0;
    struct dirent *entry;
    while ((entry = readdir(listing)) != NULL)
        count += strncmp(entry->d_name, ".figures.", 9) == 0;
    closedir(listing);
    return count;
}

/* ---- All together or not at all ---------------------------------------- */

START_TEST(a_figure_set_moves_all_its_figures_into_place)
{
    ck_assert_int_eq(draw_two("old", "second", NULL), STATUS_OK);
    char title[PATH_SIZE];
    title_of(dir, "first.gp", title);
    ck_assert_str_eq(title, "old");
    title_of(dir, "second.gp", title);
    ck_assert_str_eq(title, "old");
    check_nothing_hidden_in(dir);
}
END_TEST

START_TEST(a_run_failing_on_its_second_figure_leaves_the_first_as_it_was)
{
    ck_assert_int_eq(draw_two("old", "second", NULL), STATUS_OK);
    char *before = fingerprint("first.gp");
    /* The second figure cannot be written: its folder does not exist. The
     * message names it where the reader would look for it, not in the set's
     * folder, which is gone (issue 18, defect 6). */
    Error err;
    char expected[2 * PATH_SIZE];
    ck_assert_int_eq(draw_two("new", "missing/second", &err), STATUS_IO);
    snprintf(expected, sizeof expected, "cannot write %s/missing/second.gp: %s", dir,
             strerror(ENOENT));
    ck_assert_str_eq(err.message, expected);
    char *after = fingerprint("first.gp");
    ck_assert_msg(strcmp(after, before) == 0, "first.gp was replaced"); /* same bytes, same file */
    free(before);
    free(after);
    check_nothing_hidden_in(dir);
}
END_TEST

START_TEST(a_figure_that_would_land_on_a_folder_moves_none)
{
    ck_assert_int_eq(draw_two("old", "second", NULL), STATUS_OK);
    char *before = fingerprint("first.gp");
    char blocker[PATH_SIZE], expected[2 * PATH_SIZE];
    in_dir(blocker, "second.gp");
    ck_assert_int_eq(remove(blocker), 0);
    ck_assert_int_eq(mkdir(blocker, 0755), 0);
    Error err;
    ck_assert_int_eq(draw_two("new", "second", &err), STATUS_IO);
    snprintf(expected, sizeof expected, "cannot write %s: Is a directory", blocker);
    ck_assert_str_eq(err.message, expected);
    char *after = fingerprint("first.gp");
    ck_assert_msg(strcmp(after, before) == 0, "first.gp was replaced");
    free(before);
    free(after);
    check_nothing_hidden_in(dir);
}
END_TEST

/* The child of the test below: draws a set whose writes fail past 1000
 * bytes, as on a full disk, and exits 0 if the message is the expected one. */
static _Noreturn void draw_a_set_on_a_full_disk(const char *expected)
{
    struct rlimit small = {1000, 1000};
    signal(SIGXFSZ, SIG_IGN); /* a write past the limit fails with EFBIG instead */
    Error err;
    bool named = setrlimit(RLIMIT_FSIZE, &small) == 0 &&
                 draw_two("t", "second", &err) == STATUS_IO &&
                 strcmp(err.message, expected) == 0;
    _exit(named ? 0 : 1);
}

START_TEST(a_figure_that_cannot_be_written_is_named_where_the_reader_looks)
{
    /* Issue 18, defect 6: on a full disk the message named the set's hidden
     * folder (cannot write …/.figures.23032.Lmxv4Y/ch04-fit.gp), which the
     * reader never asked for and which is gone once the run ends. */
    char expected[2 * PATH_SIZE];
    snprintf(expected, sizeof expected, "cannot write %s/first.gp: %s", dir, strerror(EFBIG));
    pid_t child = fork();
    if (child == 0)
        draw_a_set_on_a_full_disk(expected);
    ck_assert_int_gt(child, 0);
    int status;
    ck_assert_int_eq(waitpid(child, &status, 0), child);
    ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0,
                  "the message was not '%s'", expected);
    check_nothing_hidden_in(dir);
    char path[PATH_SIZE];
    in_dir(path, "first.gp");
    ck_assert_int_ne(access(path, F_OK), 0);
}
END_TEST

START_TEST(a_figure_set_restores_the_signal_mask_and_fails_cleanly)
{
    sigset_t before, after;
    sigprocmask(SIG_SETMASK, NULL, &before);
    ck_assert_int_eq(draw_two("t", "second", NULL), STATUS_OK);
    sigprocmask(SIG_SETMASK, NULL, &after);
    ck_assert_int_eq(sigismember(&after, SIGINT), sigismember(&before, SIGINT));
    ck_assert_int_eq(sigismember(&after, SIGTERM), sigismember(&before, SIGTERM));
    ck_assert_int_eq(draw_two("t", "missing/second", NULL), STATUS_IO);
    sigprocmask(SIG_SETMASK, NULL, &after);
    ck_assert_int_eq(sigismember(&after, SIGINT), sigismember(&before, SIGINT));

    /* A set that cannot begin leaves nothing to finish. */
    char file[PATH_SIZE], under[2 * PATH_SIZE];
    in_dir(file, "a-file");
    ck_assert(write_text_file(file, "x\n"));
    snprintf(under, sizeof under, "%s/figures", file);
    FigureSet *figures = (FigureSet *)&figures; /* anything but NULL */
    Error err;
    ck_assert_int_eq(figures_begin(&figures, under, &err), STATUS_IO);
    ck_assert_ptr_null(figures);
    ck_assert_int_eq(figures_finish(figures, STATUS_IO, &err), STATUS_IO);
    sigprocmask(SIG_SETMASK, NULL, &after);
    ck_assert_int_eq(sigismember(&after, SIGTERM), sigismember(&before, SIGTERM));
}
END_TEST

/* ---- Folders ------------------------------------------------------------ */

START_TEST(folders_are_made_and_a_file_in_the_way_is_an_error)
{
    char nested[PATH_SIZE], file[PATH_SIZE], blocked[2 * PATH_SIZE];
    in_dir(nested, "a/b/c");
    ck_assert_int_eq(make_directory(nested, NULL), STATUS_OK);
    struct stat info;
    ck_assert(stat(nested, &info) == 0 && S_ISDIR(info.st_mode));
    ck_assert_int_eq(make_directory(nested, NULL), STATUS_OK); /* exists: fine */
    in_dir(file, "plain-file");
    ck_assert(write_text_file(file, "not a folder\n"));
    snprintf(blocked, sizeof blocked, "%s/figures", file);
    Error err;
    ck_assert_int_eq(make_directory(blocked, &err), STATUS_IO);
    ck_assert_ptr_nonnull(strstr(err.message, "plain-file is not a folder"));
}
END_TEST

START_TEST(a_failed_run_removes_the_folders_it_made_and_only_those)
{
    /* Issue 18, defect 4: `ch06 --lr 1e300 --out N/a/b` failed and left
     * N/a/b behind. A failed set now removes the folders its figures_begin()
     * made, deepest first, each only while it is empty. */
    char top[PATH_SIZE], out[2 * PATH_SIZE], other[2 * PATH_SIZE];
    in_dir(top, "N");
    snprintf(out, sizeof out, "%s/a/b/", top); /* a trailing '/' names the same folder */
    FigureSet *figures = NULL;
    ck_assert_int_eq(figures_begin(&figures, out, NULL), STATUS_OK);
    ck_assert_int_eq(figures_finish(figures, STATUS_DIVERGED, NULL), STATUS_DIVERGED);
    ck_assert_msg(access(top, F_OK) != 0, "%s is still there", top);

    /* A folder that was there before stays, and so does one that something
     * else was put in meanwhile. */
    ck_assert_int_eq(mkdir(top, 0755), 0);
    snprintf(other, sizeof other, "%s/a/other.txt", top);
    ck_assert_int_eq(figures_begin(&figures, out, NULL), STATUS_OK);
    ck_assert(write_text_file(other, "x\n"));
    ck_assert_int_eq(figures_finish(figures, STATUS_IO, NULL), STATUS_IO);
    ck_assert_int_eq(access(other, F_OK), 0);
    ck_assert_int_ne(access(out, F_OK), 0);

    /* A run that succeeds keeps the folders it made for its figures. */
    ck_assert_int_eq(draw_two_in(out, "t", "second", NULL), STATUS_OK);
    ck_assert_int_eq(access(out, F_OK), 0);
}
END_TEST

START_TEST(figures_are_as_private_as_the_umask_says)
{
    /* Issue 18, defect 5: figures were made 0644 whatever the umask. */
    const mode_t masks[] = {077, 022, 002};
    for (size_t k = 0; k < 3; k++) {
        mode_t saved = umask(masks[k]);
        Status status = draw_two("t", "second", NULL);
        umask(saved);
        ck_assert_int_eq(status, STATUS_OK);
        const char *names[] = {"first.gp", "second.gp"};
        for (size_t f = 0; f < 2; f++) {
            char path[PATH_SIZE];
            in_dir(path, names[f]);
            struct stat info;
            ck_assert_int_eq(stat(path, &info), 0);
            ck_assert_msg((info.st_mode & 0777) == (0666 & ~masks[k]),
                          "umask %03o: %s is %03o", (unsigned)masks[k], names[f],
                          (unsigned)(info.st_mode & 0777));
        }
    }
}
END_TEST

/* ---- Two runs at once --------------------------------------------------- */

/* Check's handlers, inherited through fork, answer SIGTERM and SIGINT by
 * killing the whole process group, the test with it; a chapter program has
 * the default actions, and so must a child standing for one. */
static const int STOP_SIGNALS[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};

static void restore_default_actions(void)
{
    sigset_t stop;
    sigemptyset(&stop);
    for (size_t k = 0; k < 4; k++) {
        signal(STOP_SIGNALS[k], SIG_DFL);
        sigaddset(&stop, STOP_SIGNALS[k]);
    }
    sigprocmask(SIG_UNBLOCK, &stop, NULL);
}

/* A run in a child: it draws its set into out, titled title, tells the
 * parent through ready (a pipe's write end) that it is drawn, then waits
 * for go (a read end) to close before it finishes. Exits 0 if its set
 * landed. */
static _Noreturn void draw_a_set_on_cue(const char *out, const char *title, int ready, int go)
{
    restore_default_actions();
    FigureSet *figures = NULL;
    Status status = figures_begin(&figures, out, NULL);
    if (status == STATUS_OK)
        status = draw_into(figures, title, "second", NULL);
    char byte;
    if (write(ready, "r", 1) != 1 || read(go, &byte, 1) != 0)
        status = STATUS_IO;
    _exit(figures_finish(figures, status, NULL) == STATUS_OK ? 0 : 1);
}

/* Starts a child drawing a set titled title into out; it waits for go. */
static pid_t start_run(const char *out, const char *title, int go[2])
{
    int ready[2];
    ck_assert_int_eq(pipe(ready), 0);
    pid_t child = fork();
    if (child == 0) {
        close(ready[0]);
        close(go[1]);
        draw_a_set_on_cue(out, title, ready[1], go[0]);
    }
    ck_assert_int_gt(child, 0);
    close(ready[1]);
    char byte;
    ck_assert_msg(read(ready[0], &byte, 1) == 1, "%s could not draw its set", title);
    close(ready[0]);
    return child;
}

static void check_ran_ok(pid_t child)
{
    int status;
    ck_assert_int_eq(waitpid(child, &status, 0), child);
    ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0, "a run failed");
}

/* Takes the lock a run holds while it moves its set into folder. */
static int lock_folder(const char *folder)
{
    int fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(flock(fd, LOCK_EX), 0);
    return fd;
}

START_TEST(two_runs_into_one_folder_leave_one_runs_whole_set)
{
    /* Issue 18, defect 2: two runs into one --out at once left a mixed set
     * (ch10-units.gp from one run, the other figures from the other), and
     * both exited 0. Each run now moves its set in holding the folder's
     * lock. Two runs draw their sets and wait; this test takes the lock, as
     * a third run moving its set in would, and only then lets them finish.
     * While it holds the lock neither set may land, however long it waits (a
     * third of a second here, where the runs need a few milliseconds); once
     * it lets go, both land, one after the other, whole. */
    char out[PATH_SIZE];
    in_dir(out, "shared");
    int go[2];
    ck_assert_int_eq(pipe(go), 0);
    pid_t runs[2] = {start_run(out, "run 0", go), start_run(out, "run 1", go)};
    close(go[0]);
    int lock = lock_folder(out);
    close(go[1]); /* go on, both */
    nanosleep(&(struct timespec){0, 300 * 1000 * 1000}, NULL);
    char first[PATH_SIZE], second[PATH_SIZE];
    title_of(out, "first.gp", first);
    title_of(out, "second.gp", second);
    ck_assert_msg(first[0] == '\0' && second[0] == '\0',
                  "a set moved in while another run held the folder: '%s', '%s'", first,
                  second);
    for (size_t k = 0; k < 2; k++)
        ck_assert_int_eq(waitpid(runs[k], NULL, WNOHANG), 0); /* still waiting */
    close(lock);
    check_ran_ok(runs[0]);
    check_ran_ok(runs[1]);
    title_of(out, "first.gp", first);
    title_of(out, "second.gp", second);
    ck_assert_msg(strcmp(first, second) == 0 && strncmp(first, "run ", 4) == 0,
                  "a mixed set: first.gp from '%s', second.gp from '%s'", first, second);
    check_nothing_hidden_in(out);
}
END_TEST

/* ---- Runs that stop midway ---------------------------------------------- */

/* A folder named like a set in out, with a figure in it, into path. */
static void plant_set(const char *out, const char *name, char *path)
{
    ck_assert_int_lt(snprintf(path, PATH_SIZE, "%s/%s", out, name), PATH_SIZE);
    ck_assert_int_eq(mkdir(path, 0700), 0);
    char figure[2 * PATH_SIZE];
    snprintf(figure, sizeof figure, "%s/fit.gp", path);
    ck_assert(write_text_file(figure, "plot x\n"));
}

START_TEST(a_live_runs_set_is_never_removed)
{
    /* Issue 18, defect 3: a run in another PID namespace removed a live
     * run's set, for kill(pid, 0) found no process of that PID in its own
     * namespace, and the live run then exited 0 with a figure missing. A set
     * now counts as a stopped run's only when its lock can be taken. Here
     * wait a live run's set (a child's), a set named with a PID no process
     * can have (above Linux's largest, 2^22) and locked by this test, as a
     * live run elsewhere would lock it, and the same unlocked: a stopped
     * run's. Another run begins and ends in the folder. */
    char out[PATH_SIZE], far[PATH_SIZE], stopped[PATH_SIZE];
    in_dir(out, "live");
    int go[2];
    ck_assert_int_eq(pipe(go), 0);
    pid_t live = start_run(out, "live", go);
    close(go[0]);
    plant_set(out, ".figures.99999999.abcdef", far);
    plant_set(out, ".figures.99999998.ghijkl", stopped);
    int lock = lock_folder(far);
    Dataset data = some_data();
    FigureSet *figures = NULL;
    ck_assert_int_eq(figures_begin(&figures, out, NULL), STATUS_OK);
    ck_assert_int_eq(plot_fit(figures_dir(figures), "other", "t", &data, NULL, 0, NULL),
                     STATUS_OK);
    ck_assert_int_eq(figures_finish(figures, STATUS_OK, NULL), STATUS_OK);
    data_free(&data);
    char far_figure[2 * PATH_SIZE];
    snprintf(far_figure, sizeof far_figure, "%s/fit.gp", far);
    ck_assert_msg(access(far_figure, F_OK) == 0, "a live set was removed: %s", far);
    ck_assert_msg(access(stopped, F_OK) != 0, "a stopped run's set stayed: %s", stopped);
    close(go[1]);
    check_ran_ok(live); /* its set whole, */
    char title[PATH_SIZE];
    title_of(out, "second.gp", title);
    ck_assert_str_eq(title, "live"); /* and in place */
    close(lock);
}
END_TEST

/* The child of the test below: it draws a figure into a set in out, tells
 * the parent through ready that it is in the middle of its run, and then
 * waits for go to close, as a chapter trains between its figures. If a stop
 * signal cannot stop it there, it exits with 3. */
static _Noreturn void wait_inside_a_figure_set(int ready, int go, const char *out)
{
    restore_default_actions();
    FigureSet *figures = NULL;
    if (figures_begin(&figures, out, NULL) != STATUS_OK ||
        draw_into(figures, "t", "second", NULL) != STATUS_OK)
        _exit(1);
    char byte;
    if (write(ready, "r", 1) != 1 || read(go, &byte, 1) != 0)
        _exit(1);
    _exit(3); /* still here: the signal waited */
}

START_TEST(a_signal_stops_a_run_at_once_and_its_figures_are_cleared_later)
{
    /* A run used to hold Ctrl-C and kill from its first figure to its last,
     * so a chapter that trains in between could not be stopped. The child
     * stops in the middle of a figure set; the parent signals it and only
     * then lets it go on (closes go), so the outcome does not depend on
     * timing: a signal that stops the child at once wins, a held one lets
     * it reach _exit(3). SIGKILL, which nothing can hold, is the last round. */
    char out[PATH_SIZE], other[2 * PATH_SIZE];
    in_dir(out, "stopped");
    const int signals[] = {SIGINT, SIGTERM, SIGHUP, SIGKILL};
    for (int round = 0; round < 4; round++) {
        int ready[2], go[2];
        ck_assert_int_eq(pipe(ready), 0);
        ck_assert_int_eq(pipe(go), 0);
        pid_t child = fork();
        if (child == 0) {
            close(ready[0]);
            close(go[1]);
            wait_inside_a_figure_set(ready[1], go[0], out);
        }
        ck_assert_int_ge(child, 0);
        close(ready[1]);
        close(go[0]);
        char byte;
        ssize_t got = read(ready[0], &byte, 1); /* blocks until the child is in its set */
        close(ready[0]);
        ck_assert_int_eq(kill(child, got == 1 ? signals[round] : SIGKILL), 0);
        close(go[1]);
        int status;
        ck_assert_int_eq(waitpid(child, &status, 0), child);
        ck_assert_msg(got == 1, "round %d: the child could not draw its figure", round);
        ck_assert_msg(WIFSIGNALED(status) && WTERMSIG(status) == signals[round],
                      "round %d: signal %d did not stop the run (exit %d)", round,
                      signals[round], WIFEXITED(status) ? WEXITSTATUS(status) : -1);
        /* What it leaves is its set's hidden folder, and no figure ... */
        ck_assert_uint_eq(count_sets(out), 1);
        char path[2 * PATH_SIZE];
        snprintf(path, sizeof path, "%s/first.gp", out);
        ck_assert_int_ne(access(path, F_OK), 0);
        /* ... which the next run's figures_begin() removes, since no run
         * holds it, while a folder of another name stays. */
        snprintf(other, sizeof other, "%s/.figures.keep.me", out);
        ck_assert_int_eq(mkdir(other, 0755), 0);
        FigureSet *figures = NULL;
        ck_assert_int_eq(figures_begin(&figures, out, NULL), STATUS_OK);
        ck_assert_uint_eq(count_sets(out), 2); /* the new set and "keep.me" */
        ck_assert_int_eq(figures_finish(figures, STATUS_OK, NULL), STATUS_OK);
        ck_assert_int_eq(rmdir(other), 0);
        check_nothing_hidden_in(out);
    }
}
END_TEST

/* The child of the test below: it draws sets into out over and over, each
 * titled with its round, telling the parent through ready once the first
 * has landed, until a signal stops it. */
static _Noreturn void draw_sets_forever(int ready, pid_t parent, const char *out)
{
    restore_default_actions();
    for (unsigned round = 0; getppid() == parent; round++) { /* never outlive the test */
        char title[32];
        snprintf(title, sizeof title, "round %u", round);
        if (draw_two_in(out, title, "second", NULL) != STATUS_OK)
            _exit(1);
        if (round == 0 && (write(ready, "r", 1) != 1 || close(ready) != 0))
            _exit(1);
    }
    _exit(1);
}

START_TEST(an_interrupted_run_leaves_whole_figures_of_one_run)
{
    /* A child draws set after set and is stopped by a signal wherever it
     * is: drawing, finishing, or moving a set in. The figures in the
     * folder are always one run's, whole; what the stopped run leaves is its
     * set's folder at most, which the next run removes. The parent signals
     * only once the first set has landed, so the outcome does not depend on
     * timing. */
    char out[PATH_SIZE];
    in_dir(out, "interrupted");
    for (int round = 0; round < 16; round++) {
        int ready[2];
        ck_assert_int_eq(pipe(ready), 0);
        pid_t parent = getpid(), child = fork();
        if (child == 0) {
            close(ready[0]);
            draw_sets_forever(ready[1], parent, out);
        }
        ck_assert_int_ge(child, 0);
        close(ready[1]);
        char byte;
        ssize_t got = read(ready[0], &byte, 1); /* blocks until the first set landed */
        close(ready[0]);
        int signal_number = got == 1 ? STOP_SIGNALS[round % 3] : SIGKILL;
        ck_assert_int_eq(kill(child, signal_number), 0);
        int status;
        ck_assert_int_eq(waitpid(child, &status, 0), child);
        ck_assert_msg(got == 1, "round %d: the child could not draw its first set", round);
        ck_assert_msg(WIFSIGNALED(status) && WTERMSIG(status) == signal_number,
                      "round %d: the child was not stopped by signal %d", round,
                      signal_number);
        char first[PATH_SIZE], second[PATH_SIZE];
        title_of(out, "first.gp", first);
        title_of(out, "second.gp", second);
        ck_assert_msg(first[0] != '\0' && strcmp(first, second) == 0,
                      "round %d: first.gp from '%s', second.gp from '%s'", round, first,
                      second);
        ck_assert_uint_le(count_sets(out), 1);
        ck_assert_int_eq(draw_two_in(out, "next", "second", NULL), STATUS_OK);
        check_nothing_hidden_in(out);
    }
}
END_TEST

/* A pid that no process has: a child's, once it has exited and been reaped. */
static pid_t a_finished_pid(void)
{
    pid_t child = fork();
    if (child == 0)
        _exit(0);
    ck_assert_int_gt(child, 0);
    ck_assert_int_eq(waitpid(child, NULL, 0), child);
    return child;
}

START_TEST(clearing_a_stopped_set_never_follows_a_link)
{
    /* Issue 18's critical find: a link named like a stopped run's set led
     * the clean-up into its target, which lost every file. Here one link
     * stands for a whole set and points at a folder of someone's files;
     * a real stopped set holds its figure and a link to a file outside.
     * The next run must leave both targets alone; it may remove the real
     * set's own figure, and keeps the folder while the link is in it. */
    char out[PATH_SIZE], victim[PATH_SIZE], keep[2 * PATH_SIZE], keep_gp[2 * PATH_SIZE];
    in_dir(out, "planted");
    in_dir(victim, "victim");
    snprintf(keep, sizeof keep, "%s/keep.txt", victim);
    snprintf(keep_gp, sizeof keep_gp, "%s/keep.gp", victim);
    ck_assert_int_eq(mkdir(out, 0755), 0);
    ck_assert_int_eq(mkdir(victim, 0755), 0);
    ck_assert(write_text_file(keep, "x\n"));
    ck_assert(write_text_file(keep_gp, "x\n"));
    char planted[2 * PATH_SIZE], stopped[2 * PATH_SIZE], figure[3 * PATH_SIZE],
        inner[3 * PATH_SIZE];
    snprintf(planted, sizeof planted, "%s/.figures.%ld.abcdef", out, (long)a_finished_pid());
    snprintf(stopped, sizeof stopped, "%s/.figures.%ld.ghijkl", out, (long)a_finished_pid());
    snprintf(figure, sizeof figure, "%s/fit.gp", stopped);
    snprintf(inner, sizeof inner, "%s/other.gp", stopped);
    ck_assert_int_eq(symlink(victim, planted), 0);
    ck_assert_int_eq(mkdir(stopped, 0755), 0);
    ck_assert(write_text_file(figure, "plot x\n"));
    ck_assert_int_eq(symlink(keep_gp, inner), 0);
    FigureSet *figures = NULL;
    ck_assert_int_eq(figures_begin(&figures, out, NULL), STATUS_OK);
    ck_assert_int_eq(figures_finish(figures, STATUS_OK, NULL), STATUS_OK);
    struct stat info;
    ck_assert_msg(stat(keep, &info) == 0, "the clean-up followed a link to %s", keep);
    ck_assert_msg(stat(keep_gp, &info) == 0, "the clean-up followed a link to %s", keep_gp);
    ck_assert_int_eq(lstat(planted, &info), 0); /* the link is not ours to remove */
    ck_assert(S_ISLNK(info.st_mode));
    ck_assert_int_eq(lstat(inner, &info), 0);
    ck_assert_int_ne(stat(figure, &info), 0); /* a stopped run's own figure goes */
}
END_TEST

Suite *figures_suite(void)
{
    Suite *suite = suite_create("figures");
    TCase *tc = tcase_create("all or nothing");
    tcase_set_timeout(tc, 30);
    tcase_add_checked_fixture(tc, make_scratch, remove_scratch);
    tcase_add_test(tc, a_figure_set_moves_all_its_figures_into_place);
    tcase_add_test(tc, a_run_failing_on_its_second_figure_leaves_the_first_as_it_was);
    tcase_add_test(tc, a_figure_that_would_land_on_a_folder_moves_none);
    tcase_add_test(tc, a_figure_that_cannot_be_written_is_named_where_the_reader_looks);
    tcase_add_test(tc, a_figure_set_restores_the_signal_mask_and_fails_cleanly);
    tcase_add_test(tc, folders_are_made_and_a_file_in_the_way_is_an_error);
    tcase_add_test(tc, a_failed_run_removes_the_folders_it_made_and_only_those);
    tcase_add_test(tc, figures_are_as_private_as_the_umask_says);
    suite_add_tcase(suite, tc);

    TCase *runs = tcase_create("other runs");
    tcase_set_timeout(runs, 30);
    tcase_add_checked_fixture(runs, make_scratch, remove_scratch);
    tcase_add_test(runs, two_runs_into_one_folder_leave_one_runs_whole_set);
    tcase_add_test(runs, a_live_runs_set_is_never_removed);
    tcase_add_test(runs, a_signal_stops_a_run_at_once_and_its_figures_are_cleared_later);
    tcase_add_test(runs, an_interrupted_run_leaves_whole_figures_of_one_run);
    tcase_add_test(runs, clearing_a_stopped_set_never_follows_a_link);
    suite_add_tcase(suite, runs);
    return suite;
}
