#define _POSIX_C_SOURCE 200809L /* fork, execlp, waitpid, scandir */

#include "render.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

/* The exit status a child gives when the program cannot be run at all. */
enum { NOT_RUN = 127 };

/* The images a script may name, in the order they are looked for. */
static const char *const IMAGE_EXTENSIONS[] = {"png", "gif"};

static int is_script(const struct dirent *entry)
{
    size_t length = strlen(entry->d_name);
    return length > 3 && strcmp(entry->d_name + length - 3, ".gp") == 0;
}

/* Runs `program script` with standard input from /dev/null and its stdout
 * and stderr into output (size bytes, the rest dropped). Returns its exit
 * status: NOT_RUN if it could not be started, 128 + N if signal N ended
 * it, -1 if no process could be made. */
static int run_gnuplot(const char *program, const char *script, char *output, size_t size)
{
    int fds[2];
    if (pipe(fds) != 0)
        return -1;
    pid_t pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        return -1;
    }
    if (pid == 0) { /* only calls a child may make before it execs */
        int null = open("/dev/null", O_RDONLY);
        if (null >= 0)
            dup2(null, STDIN_FILENO);
        dup2(fds[1], STDOUT_FILENO);
        dup2(fds[1], STDERR_FILENO);
        close(fds[0]);
        close(fds[1]);
        execlp(program, program, script, (char *)NULL);
        _exit(NOT_RUN);
    }
    close(fds[1]);
    size_t used = 0;
    char chunk[512];
    ssize_t got;
    while ((got = read(fds[0], chunk, sizeof chunk)) != 0) {
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            break;
        size_t keep = (size_t)got < size - 1 - used ? (size_t)got : size - 1 - used;
        memcpy(output + used, chunk, keep);
        used += keep;
    }
    output[used] = '\0';
    close(fds[0]);
    int status;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/* The first line of output that is a complaint, into line (size bytes):
 * gnuplot's "75 frames in animation sequence" is only a note. A line that
 * names the script's line ("... line 40: warning: empty x range") is the
 * one that says what is wrong; else the first line that is not blank.
 * Returns false when there is none. */
static bool first_complaint(const char *output, char *line, size_t size)
{
    const char *chosen = NULL;
    size_t chosen_length = 0;
    for (const char *start = output; *start != '\0';) {
        size_t length = strcspn(start, "\n");
        int frames, end = 0;
        bool note = sscanf(start, "%d frames in animation sequence%n", &frames, &end) == 1 &&
                    (size_t)end == length;
        bool blank = strspn(start, " \t\r") >= length;
        if (!note && !blank) {
            bool names_line = memchr(start, ':', length) != NULL &&
                              strstr(start, " line ") != NULL &&
                              strstr(start, " line ") < start + length;
            if (chosen == NULL || names_line) {
                chosen = start;
                chosen_length = length;
            }
            if (names_line)
                break;
        }
        start += length + (start[length] == '\n');
    }
    if (chosen == NULL)
        return false;
    /* '"DIR/.figures.XXXXXX/NAME.gp" line 40: ...' names the set's folder,
     * gone when the run ends: the caller names the script itself. */
    const char *quote_end = chosen[0] == '"' ? memchr(chosen + 1, '"', chosen_length - 1) : NULL;
    if (quote_end != NULL && quote_end[1] == ' ') {
        chosen_length -= (size_t)(quote_end + 2 - chosen);
        chosen = quote_end + 2;
    }
    snprintf(line, size, "%.*s", (int)chosen_length, chosen);
    return true;
}

/* Deletes the images script (NAME.gp, in dir) may have begun. */
static void remove_images(const char *dir, const char *script)
{
    char path[4096];
    for (size_t k = 0; k < sizeof IMAGE_EXTENSIONS / sizeof *IMAGE_EXTENSIONS; k++) {
        snprintf(path, sizeof path, "%s/%.*s.%s", dir, (int)(strlen(script) - 3), script,
                 IMAGE_EXTENSIONS[k]);
        unlink(path);
    }
}

/* Adds the image gnuplot drew for script (NAME.gp, in dir) to the list. */
static void note_image(const char *dir, const char *script, Rendering *rendering)
{
    char path[4096];
    struct stat info;
    for (size_t k = 0; k < sizeof IMAGE_EXTENSIONS / sizeof *IMAGE_EXTENSIONS; k++) {
        int stem = (int)(strlen(script) - 3);
        snprintf(path, sizeof path, "%s/%.*s.%s", dir, stem, script, IMAGE_EXTENSIONS[k]);
        if (stat(path, &info) != 0 || !S_ISREG(info.st_mode))
            continue;
        size_t used = strlen(rendering->images);
        snprintf(rendering->images + used, sizeof rendering->images - used, "%s%.*s.%s",
                 used > 0 ? ", " : "", stem, script, IMAGE_EXTENSIONS[k]);
        rendering->drawn++;
        return;
    }
}

/* Draws one script; false when there is no gnuplot to draw with. */
static bool render_one(const char *program, const char *dir, const char *script,
                       Rendering *rendering)
{
    char path[4096], output[2048], complaint[200];
    snprintf(path, sizeof path, "%s/%s", dir, script);
    int status = run_gnuplot(program, path, output, sizeof output);
    if (status == NOT_RUN && output[0] == '\0')
        return false;
    if (status == 0 && !first_complaint(output, complaint, sizeof complaint)) {
        note_image(dir, script, rendering);
        return true;
    }
    remove_images(dir, script);
    if (rendering->refused[0] == '\0') {
        if (!first_complaint(output, complaint, sizeof complaint))
            snprintf(complaint, sizeof complaint, "exit status %d", status);
        snprintf(rendering->refused, sizeof rendering->refused, "%s: %s", script, complaint);
    }
    return true;
}

Status render_figures(const char *dir, Rendering *rendering, Error *err)
{
    *rendering = (Rendering){.missing = false};
    const char *program = getenv("SGD_GNUPLOT");
    if (program == NULL)
        program = "gnuplot";
    if (program[0] == '\0')
        return STATUS_OK;
    struct dirent **scripts;
    int count = scandir(dir, &scripts, is_script, alphasort);
    if (count < 0)
        return fail(err, STATUS_IO, "cannot read folder %s: %s", dir, strerror(errno));
    for (int k = 0; k < count; k++) {
        if (!rendering->missing)
            rendering->missing = !render_one(program, dir, scripts[k]->d_name, rendering);
        free(scripts[k]);
    }
    free(scripts);
    return STATUS_OK;
}
