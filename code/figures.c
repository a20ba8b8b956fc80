#define _POSIX_C_SOURCE 200809L /* mkdtemp, openat, renameat, fdopendir, scandir, sigprocmask */

#include "figures.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef PATH_MAX
#define PATH_MAX 4096
#endif

struct FigureSet {
    char out_dir[PATH_MAX]; /* OUT_DIR as the reader named it, for messages */
    char dir[PATH_MAX];     /* OUT_DIR/.figures.XXXXXX, where the figures are drawn */
    int out_fd;             /* OUT_DIR, whose lock orders what runs change in it */
    int dir_fd;             /* the set's folder, locked for as long as the set lives */
    size_t first_made;      /* which of OUT_DIR's folders this run made: see make_folders */
};

/* ---- Folders ------------------------------------------------------------ */

/* Creates dir and any missing parents. *first_made is the length of the
 * first prefix of dir this call created, the shallowest folder it made (0
 * if it made none): every deeper one is new too, so a failed run can remove
 * exactly what it added (remove_made_folders). */
static Status make_folders(const char *dir, size_t *first_made, Error *err)
{
    *first_made = 0;
    char path[PATH_MAX];
    if (snprintf(path, sizeof path, "%s", dir) >= (int)sizeof path)
        return fail(err, STATUS_IO, "%.60s...: folder name too long", dir);
    /* Create each prefix ending at a '/', then the whole path; a prefix that
     * already exists is fine, anything else is not. */
    for (char *p = path + (path[0] != '\0');; p++) {
        if (*p != '/' && *p != '\0')
            continue;
        char saved = *p;
        *p = '\0';
        if (mkdir(path, 0777) == 0) {
            if (*first_made == 0)
                *first_made = (size_t)(p - path);
        } else if (errno != EEXIST) {
            return fail(err, STATUS_IO, "cannot create folder %s: %s", path, strerror(errno));
        }
        struct stat info;
        if (stat(path, &info) != 0) /* a link to itself: "Too many levels of ..." */
            return fail(err, STATUS_IO, "cannot use folder %s: %s: %s", dir, path,
                        strerror(errno));
        if (!S_ISDIR(info.st_mode))
            return fail(err, STATUS_IO, "cannot use folder %s: %s is not a folder",
                        dir, path);
        *p = saved;
        if (saved == '\0')
            return STATUS_OK;
    }
}

Status make_directory(const char *dir, Error *err)
{
    size_t first_made;
    return make_folders(dir, &first_made, err);
}

/* Removes dir and each parent down to the first one make_folders() made
 * (first_made bytes of dir), deepest first, each only if it is empty: a
 * folder something else has been put in since is no longer only the run's. */
static void remove_made_folders(const char *dir, size_t first_made)
{
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s", dir);
    for (size_t length = strlen(path); first_made > 0 && length >= first_made;) {
        path[length] = '\0';
        if (rmdir(path) != 0 && errno != ENOENT) /* ENOENT: "a/b/" is "a/b" again */
            return;
        while (length > 0 && path[length - 1] != '/')
            length--;
        if (length-- == 0)
            return;
    }
}

/* ---- Locks and signals --------------------------------------------------- */

/* flock(), again if a signal handler interrupted it. */
static int lock(int fd, int operation)
{
    int result;
    while ((result = flock(fd, operation)) != 0 && errno == EINTR)
        continue;
    return result;
}

/* Ctrl-C (SIGINT), kill (SIGTERM), a closed terminal (SIGHUP) and Ctrl-\
 * (SIGQUIT) would stop a run between two of the renames that move its set
 * into place, leaving the reader's folder half old, half new. Moving takes
 * a few milliseconds, so commit() blocks these signals for them: one sent
 * meanwhile waits, then stops the program as usual. Nothing else is held; a
 * run stopped at any other moment leaves only its set's folder, which the
 * next run removes. (sigprocmask is for single-threaded programs, which the
 * chapters are while they commit. SIGKILL cannot be blocked.) */
static void block_stop_signals(sigset_t *saved_mask)
{
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    sigaddset(&stop_signals, SIGHUP);
    sigaddset(&stop_signals, SIGQUIT);
    sigprocmask(SIG_BLOCK, &stop_signals, saved_mask);
}

static void restore_signals(const sigset_t *saved_mask)
{
    sigprocmask(SIG_SETMASK, saved_mask, NULL);
}

/* ---- The sets of runs that are gone ------------------------------------- */

/* True for the name of a set's folder: ".figures.XXXXXX", as mkdtemp()
 * makes it, or ".figures.PID.XXXXXX", as the course named its sets before
 * it locked them, whose remains a reader's folder may still hold. */
static bool is_set_name(const char *name)
{
    static const char prefix[] = ".figures.";
    if (strncmp(name, prefix, sizeof prefix - 1) != 0)
        return false;
    const char *rest = name + sizeof prefix - 1;
    size_t digits = strspn(rest, "0123456789");
    if (digits > 0 && rest[digits] == '.')
        rest += digits + 1;
    return strlen(rest) == 6 &&
           strspn(rest, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") == 6;
}

/* True if name ends with suffix. */
static bool ends_with(const char *name, const char *suffix)
{
    size_t length = strlen(name), suffix_length = strlen(suffix);
    return length > suffix_length && strcmp(name + length - suffix_length, suffix) == 0;
}

/* True for a regular file name in the folder, not a link to one. */
static bool is_regular(int folder_fd, const char *name)
{
    struct stat info;
    return fstatat(folder_fd, name, &info, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(info.st_mode);
}

/* The images a figure script draws (render.h), one of them beside it. */
static const char *const IMAGES[] = {".png", ".gif"};

/* True for what a set holds: a regular file named NAME.gp, what plot.h
 * writes, or the image gnuplot drew from one, NAME.png or NAME.gif. */
static bool is_figure(int folder_fd, const char *name)
{
    bool named = ends_with(name, ".gp") || ends_with(name, IMAGES[0]) ||
                 ends_with(name, IMAGES[1]);
    return named && is_regular(folder_fd, name);
}

/* Removes the set folder name in OUT_DIR (out_fd) if its run is gone: its
 * lock can be taken. The folder is opened without following a link, and it
 * must be a folder of this user's: a link planted under a set's name
 * (another user can make one in a shared sticky folder) would otherwise
 * lead the clean-up into its target. Inside, only the regular files named
 * NAME.gp, NAME.png and NAME.gif go, through the opened folder, so no link in it is followed
 * either; anything else keeps the folder there. */
static void remove_gone_set(int out_fd, const char *name)
{
    int fd = openat(out_fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return;
    struct stat info;
    DIR *folder = NULL;
    if (fstat(fd, &info) != 0 || info.st_uid != geteuid() ||
        lock(fd, LOCK_EX | LOCK_NB) != 0 || (folder = fdopendir(fd)) == NULL) {
        close(fd); /* and with it the lock, if it was taken */
        return;
    }
    struct dirent *entry;
    while ((entry = readdir(folder)) != NULL)
        if (is_figure(fd, entry->d_name))
            unlinkat(fd, entry->d_name, 0);
    unlinkat(out_fd, name, AT_REMOVEDIR); /* only if it is now empty */
    closedir(folder);                     /* closes fd, and lets go of the lock */
}

/* Runs stopped before they finished (Ctrl-C, kill -9, a crash) leave their
 * sets' folders in OUT_DIR; those no live run holds go. The caller holds
 * OUT_DIR's lock, so no run is between making its folder and locking it. */
static void remove_gone_sets(int out_fd)
{
    int fd = dup(out_fd);
    DIR *folder = fd < 0 ? NULL : fdopendir(fd);
    if (folder == NULL) {
        if (fd >= 0)
            close(fd);
        return;
    }
    rewinddir(folder); /* the duplicate shares out_fd's place in the folder */
    struct dirent *entry;
    while ((entry = readdir(folder)) != NULL)
        if (is_set_name(entry->d_name))
            remove_gone_set(out_fd, entry->d_name);
    closedir(folder);
}

/* ---- Beginning a set ----------------------------------------------------- */

/* Makes and opens OUT_DIR. */
static Status open_out_dir(FigureSet *set, const char *out_dir, Error *err)
{
    if (snprintf(set->out_dir, PATH_MAX, "%s", out_dir) >= PATH_MAX)
        return fail(err, STATUS_IO, "%.60s...: path too long", out_dir);
    Status status = make_folders(out_dir, &set->first_made, err);
    if (status != STATUS_OK)
        return status;
    set->out_fd = open(out_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (set->out_fd < 0)
        return fail(err, STATUS_IO, "cannot use folder %s: %s", out_dir, strerror(errno));
    return STATUS_OK;
}

/* Makes the set's own folder, private (mkdtemp: 0700), and locks it. */
static Status make_locked_folder(FigureSet *set, Error *err)
{
    bool fits = snprintf(set->dir, PATH_MAX, "%s/.figures.XXXXXX", set->out_dir) < PATH_MAX;
    if (!fits || mkdtemp(set->dir) == NULL) {
        int saved = fits ? errno : ENAMETOOLONG;
        set->dir[0] = '\0'; /* no folder of ours to remove */
        return fail(err, STATUS_IO, "cannot write in folder %s: %s", set->out_dir,
                    strerror(saved));
    }
    set->dir_fd = open(set->dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (set->dir_fd < 0 || lock(set->dir_fd, LOCK_EX | LOCK_NB) != 0)
        return fail(err, STATUS_IO, "cannot lock folder %s: %s", set->out_dir,
                    strerror(errno));
    return STATUS_OK;
}

/* Clears the gone runs' sets, then makes this run's, holding OUT_DIR's
 * lock: otherwise another run's clean-up could find the new folder before
 * it is locked, and take it for a gone run's. */
static Status make_set_folder(FigureSet *set, Error *err)
{
    if (lock(set->out_fd, LOCK_EX) != 0)
        return fail(err, STATUS_IO, "cannot lock folder %s: %s", set->out_dir,
                    strerror(errno));
    remove_gone_sets(set->out_fd);
    Status status = make_locked_folder(set, err);
    lock(set->out_fd, LOCK_UN);
    return status;
}

static void close_set(FigureSet *set, bool landed);

Status figures_begin(FigureSet **figures, const char *out_dir, Error *err)
{
    *figures = NULL;
    FigureSet *set = calloc(1, sizeof *set);
    if (set == NULL)
        return fail(err, STATUS_NO_MEMORY, "out of memory for a set of figures");
    set->out_fd = set->dir_fd = -1;
    Status status = open_out_dir(set, out_dir, err);
    if (status == STATUS_OK)
        status = make_set_folder(set, err);
    if (status != STATUS_OK) {
        close_set(set, false);
        return status;
    }
    *figures = set;
    return STATUS_OK;
}

const char *figures_dir(const FigureSet *figures)
{
    return figures->dir;
}

/* ---- Moving a set into place -------------------------------------------- */

static int not_dot_or_dot_dot(const struct dirent *entry)
{
    return strcmp(entry->d_name, ".") != 0 && strcmp(entry->d_name, "..") != 0;
}

/* The names of the figures staged in the set, sorted; *count < 0 (and a
 * message in err) if its folder cannot be read. Free with free_names(). */
static struct dirent **staged_names(const FigureSet *set, int *count, Error *err)
{
    struct dirent **names = NULL;
    *count = scandir(set->dir, &names, not_dot_or_dot_dot, alphasort);
    if (*count < 0)
        fail(err, STATUS_IO, "cannot read folder %s: %s", set->out_dir, strerror(errno));
    return names;
}

static void free_names(struct dirent **names, int count)
{
    for (int k = 0; k < count; k++)
        free(names[k]);
    free(names);
}

/* rename() cannot put a file where a folder is: find that out before moving
 * any figure, so that a failure moves none. names: count */
static Status check_replaceable(const FigureSet *set, struct dirent **names, int count,
                                Error *err)
{
    for (int k = 0; k < count; k++) {
        struct stat info;
        if (fstatat(set->out_fd, names[k]->d_name, &info, AT_SYMLINK_NOFOLLOW) == 0 &&
            S_ISDIR(info.st_mode))
            return fail(err, STATUS_IO, "cannot write %s/%s: %s", set->out_dir,
                        names[k]->d_name, strerror(EISDIR));
    }
    return STATUS_OK;
}

/* True if name is among the count names. */
static bool is_staged(struct dirent **names, int count, const char *name)
{
    for (int k = 0; k < count; k++)
        if (strcmp(names[k]->d_name, name) == 0)
            return true;
    return false;
}

/* A script that moves in without its image (no gnuplot drew one) would sit
 * beside the image of an older run: that image goes. Only a regular file
 * named NAME.png or NAME.gif, never a link or a folder. names: count */
static void remove_stale_images(const FigureSet *set, struct dirent **names, int count)
{
    for (int k = 0; k < count; k++) {
        const char *script = names[k]->d_name;
        if (!ends_with(script, ".gp"))
            continue;
        char image[2][PATH_MAX];
        for (int e = 0; e < 2; e++)
            snprintf(image[e], PATH_MAX, "%.*s%s", (int)(strlen(script) - 3), script, IMAGES[e]);
        if (is_staged(names, count, image[0]) || is_staged(names, count, image[1]))
            continue;
        for (int e = 0; e < 2; e++)
            if (is_regular(set->out_fd, image[e]))
                unlinkat(set->out_fd, image[e], 0);
    }
}

/* Moves every figure into OUT_DIR; only a disk failing midway could leave
 * some moved and some not. names: count */
static Status move_all(const FigureSet *set, struct dirent **names, int count, Error *err)
{
    for (int k = 0; k < count; k++)
        if (renameat(set->dir_fd, names[k]->d_name, set->out_fd, names[k]->d_name) != 0)
            return fail(err, STATUS_IO, "cannot write %s/%s: %s", set->out_dir,
                        names[k]->d_name, strerror(errno));
    return STATUS_OK;
}

/* Checks, then moves, every staged figure, holding OUT_DIR's lock, so that
 * no other run's set moves in between, and the stop signals, for the few
 * milliseconds of the moves, so that no set is left half moved. */
static Status commit(FigureSet *set, Error *err)
{
    int count;
    struct dirent **names = staged_names(set, &count, err);
    if (count < 0)
        return STATUS_IO;
    Status status = STATUS_OK;
    if (lock(set->out_fd, LOCK_EX) != 0)
        status = fail(err, STATUS_IO, "cannot lock folder %s: %s", set->out_dir,
                      strerror(errno));
    if (status == STATUS_OK) {
        sigset_t saved_mask;
        block_stop_signals(&saved_mask);
        status = check_replaceable(set, names, count, err);
        if (status == STATUS_OK)
            status = move_all(set, names, count, err);
        if (status == STATUS_OK)
            remove_stale_images(set, names, count);
        lock(set->out_fd, LOCK_UN);
        restore_signals(&saved_mask);
    }
    free_names(names, count);
    return status;
}

Status figures_check(const FigureSet *figures, Error *err)
{
    int count;
    struct dirent **names = staged_names(figures, &count, err);
    Status status = count < 0 ? STATUS_IO : check_replaceable(figures, names, count, err);
    free_names(names, count);
    return status;
}

/* ---- Ending a set -------------------------------------------------------- */

/* Deletes whatever is left in the set's folder (everything in it is the
 * run's own: nobody else can write there), then the folder. */
static void remove_set_folder(const FigureSet *set)
{
    int count;
    struct dirent **names = staged_names(set, &count, NULL);
    for (int k = 0; k < count; k++)
        unlinkat(set->dir_fd, names[k]->d_name, 0);
    free_names(names, count);
    rmdir(set->dir);
}

/* Frees the set; a set that did not land takes with it the folders made
 * for it, if they are empty. */
static void close_set(FigureSet *set, bool landed)
{
    if (set->dir_fd >= 0) {
        remove_set_folder(set);
        close(set->dir_fd); /* and with it the lock */
    } else if (set->dir[0] != '\0') {
        rmdir(set->dir); /* made, but it could not be opened */
    }
    if (set->out_fd >= 0)
        close(set->out_fd);
    if (!landed)
        remove_made_folders(set->out_dir, set->first_made);
    free(set);
}

/* The set's folder is gone once the run ends, so a message naming a file
 * in it (a figure that could not be written) names it where the reader
 * would find it: OUT_DIR/NAME.gp, not OUT_DIR/.figures.XXXXXX/NAME.gp. */
static void name_as_the_reader_does(const FigureSet *set, Error *err)
{
    if (err == NULL || set->dir[0] == '\0')
        return;
    size_t out_length = strlen(set->out_dir), dir_length = strlen(set->dir);
    for (char *at; (at = strstr(err->message, set->dir)) != NULL;)
        memmove(at + out_length, at + dir_length, strlen(at + dir_length) + 1);
}

Status figures_finish(FigureSet *figures, Status status, Error *err)
{
    if (figures == NULL)
        return status;
    if (status == STATUS_OK)
        status = commit(figures, err);
    if (status != STATUS_OK)
        name_as_the_reader_does(figures, err);
    close_set(figures, status == STATUS_OK);
    return status;
}
