/* The benchmark's floor: read the first 64 KiB of every file under the given folders and
   nothing else, on as many threads as there are cores (the same parallelism as verify-photos).
   Prints the number of files read. Build: cc -O2 -pthread floor.c -o floor */
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char **paths;
static size_t count, capacity, next_index;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static void add(const char *path) {
    if (count == capacity) {
        capacity = capacity ? capacity * 2 : 1024;
        paths = realloc(paths, capacity * sizeof *paths);
        if (!paths) abort();
    }
    paths[count++] = strdup(path);
}

static void walk(const char *folder) {
    DIR *d = opendir(folder);
    if (!d) return;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", folder, e->d_name);
        struct stat st;
        if (stat(path, &st) != 0) continue;
        if (S_ISDIR(st.st_mode)) walk(path); else if (S_ISREG(st.st_mode)) add(path);
    }
    closedir(d);
}

static void *reader(void *unused) {
    (void)unused;
    static __thread char buffer[65536];
    for (;;) {
        pthread_mutex_lock(&lock);
        size_t i = next_index++;
        pthread_mutex_unlock(&lock);
        if (i >= count) return NULL;
        int fd = open(paths[i], O_RDONLY | O_CLOEXEC);
        if (fd < 0) continue;
        if (pread(fd, buffer, sizeof buffer, 0) < 0) perror(paths[i]);
        close(fd);
    }
}

int main(int argc, char **argv) {
    for (int i = 1; i < argc; i++) walk(argv[i]);
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    if (cores < 1) cores = 1;
    pthread_t threads[64];
    if (cores > 64) cores = 64;
    for (long t = 0; t < cores; t++) pthread_create(&threads[t], NULL, reader, NULL);
    for (long t = 0; t < cores; t++) pthread_join(threads[t], NULL);
    printf("%zu\n", count);
    return 0;
}
