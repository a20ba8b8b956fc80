#define _POSIX_C_SOURCE 200809L /* posix_spawn, mkdtemp, nftw */
#define _XOPEN_SOURCE 700

#include "run_program.h"

#include <dirent.h>
#include <fcntl.h>
#include <ftw.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

char *read_text_file(const char *path)
{
    FILE *file = fopen(path, "rb");
    if (file == NULL)
        return NULL;
    size_t size = 0, capacity = 4096;
    char *text = malloc(capacity);
    size_t got;
    while (text != NULL && (got = fread(text + size, 1, capacity - size - 1, file)) > 0) {
        size += got;
        if (size + 1 == capacity) {
            char *bigger = realloc(text, capacity * 2);
            if (bigger == NULL)
                free(text);
            text = bigger;
            capacity *= 2;
        }
    }
    fclose(file);
    if (text != NULL)
        text[size] = '\0';
    return text;
}

bool write_text_file(const char *path, const char *text)
{
    FILE *file = fopen(path, "wb");
    if (file == NULL)
        return false;
    bool ok = fputs(text, file) >= 0;
    return fclose(file) == 0 && ok;
}

char scratch_dir[64];

void scratch_make(void)
{
    if (!make_temp_dir(scratch_dir, sizeof scratch_dir))
        abort(); /* Check reports the test as an error */
}

void scratch_remove(void)
{
    remove_temp_dir(scratch_dir);
}

bool run_chapter_program(const char *build_dir, const char *chapter, const char *out_dir,
                         const char *const *words, ProgramRun *run)
{
    char program[256];
    snprintf(program, sizeof program, "%s/%s", build_dir, chapter);
    const char *argv[12] = {program, "--out", out_dir};
    for (int k = 0; words[k] != NULL && k < 8; k++)
        argv[3 + k] = words[k];
    return run_program(argv, run);
}

bool run_program_redirected(const char *const *argv, const char *in_path,
                            const char *out_path, ProgramRun *run)
{
    char out_temp[] = "/tmp/sgd-test-out-XXXXXX", err_temp[] = "/tmp/sgd-test-err-XXXXXX";
    int out_fd = out_path == NULL ? mkstemp(out_temp) : -1, err_fd = mkstemp(err_temp);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, in_path != NULL ? in_path : "/dev/null",
                                     O_RDONLY, 0);
    if (out_path != NULL)
        posix_spawn_file_actions_addopen(&actions, 1, out_path,
                                         O_WRONLY | O_CREAT | O_TRUNC, 0644);
    else
        posix_spawn_file_actions_adddup2(&actions, out_fd, 1);
    posix_spawn_file_actions_adddup2(&actions, err_fd, 2);
    pid_t pid;
    int spawned = posix_spawnp(&pid, argv[0], &actions, NULL, (char *const *)argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    if (out_fd >= 0)
        close(out_fd);
    close(err_fd);
    int status = 0;
    if (spawned == 0)
        waitpid(pid, &status, 0);
    run->exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    run->out = out_path == NULL ? read_text_file(out_temp) : calloc(1, 1);
    run->err = read_text_file(err_temp);
    if (out_path == NULL)
        unlink(out_temp);
    unlink(err_temp);
    return spawned == 0 && run->out != NULL && run->err != NULL;
}

bool run_program(const char *const *argv, ProgramRun *run)
{
    return run_program_redirected(argv, NULL, NULL, run);
}

void program_run_free(ProgramRun *run)
{
    free(run->out);
    free(run->err);
    run->out = run->err = NULL;
}

void last_line(const char *text, char *line, size_t size)
{
    size_t end = strlen(text);
    while (end > 0 && text[end - 1] == '\n')
        end--;
    size_t start = end;
    while (start > 0 && text[start - 1] != '\n')
        start--;
    snprintf(line, size, "%.*s", (int)(end - start), text + start);
}

bool make_temp_dir(char *path, size_t size)
{
    if (snprintf(path, size, "/tmp/sgd-test-XXXXXX") >= (int)size)
        return false;
    return mkdtemp(path) != NULL;
}

static int remove_entry(const char *path, const struct stat *info, int type,
                        struct FTW *where)
{
    (void)info, (void)type, (void)where;
    return remove(path);
}

void remove_temp_dir(const char *path)
{
    if (strncmp(path, "/tmp/sgd-test-", 14) == 0) /* never anything else */
        nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

char *fingerprint_file(const char *path)
{
    struct stat info;
    char *contents = stat(path, &info) == 0 ? read_text_file(path) : NULL;
    if (contents == NULL)
        return NULL;
    size_t size = strlen(contents) + 32;
    char *print = malloc(size);
    if (print != NULL)
        snprintf(print, size, "%lu\n%s", (unsigned long)info.st_ino, contents);
    free(contents);
    return print;
}

bool find_hidden_entry(const char *folder, char *name, size_t size)
{
    DIR *listing = opendir(folder);
    if (listing == NULL)
        return false;
    bool found = false;
    struct dirent *entry;
    while (!found && (entry = readdir(listing)) != NULL)
        if (entry->d_name[0] == '.' && strcmp(entry->d_name, ".") != 0 &&
            strcmp(entry->d_name, "..") != 0) {
            snprintf(name, size, "%s", entry->d_name);
            found = true;
        }
    closedir(listing);
    return found;
}

bool gnuplot_was_silent(const char *err)
{
    while (*err != '\0') {
        int frames, used = 0;
        if (sscanf(err, "%d frames in animation sequence%n", &frames, &used) != 1 || used == 0)
            return false;
        err += used;
        while (*err == '\n' || *err == '\r')
            err++;
    }
    return true;
}
