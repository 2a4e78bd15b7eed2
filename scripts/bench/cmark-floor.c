/* cmark-floor: the least a Markdown site build can do, as a yardstick for ReportSite.
 *
 * In one process it reads every .md file of a folder, leaves out the YAML front matter, parses the rest
 * with libcmark-gfm (footnotes; the table, strikethrough and autolink extensions, as ReportSite's parser)
 * and writes the HTML of each file to OUT/<name>.html inside a minimal page. Nothing else: no templates,
 * no citations, no index, no link check. cmark's safe default is kept (raw HTML is not passed through).
 *
 * Build: gcc -O2 -o cmark-floor cmark-floor.c $(pkg-config --cflags --libs libcmark-gfm libcmark-gfm-extensions)
 * Usage: cmark-floor REPORTS-FOLDER OUT-FOLDER      (OUT-FOLDER must exist)
 */
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const extension_names[] = {"table", "strikethrough", "autolink"};

static int by_name(const void *a, const void *b) {
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The whole file in a malloc'd buffer (NUL-terminated); its length in *length. */
static char *read_file(const char *path, size_t *length) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t capacity = 1 << 17, used = 0;
    char *data = malloc(capacity);
    for (;;) {
        if (used + 1 >= capacity) {
            capacity *= 2;
            char *grown = realloc(data, capacity);
            if (!grown) { free(data); fclose(f); return NULL; }
            data = grown;
        }
        size_t n = fread(data + used, 1, capacity - used - 1, f);
        used += n;
        if (n == 0) break;
    }
    int failed = ferror(f);
    fclose(f);
    if (failed) { free(data); return NULL; }
    data[used] = '\0';
    *length = used;
    return data;
}

/* Where the Markdown starts: after a front matter block of "---" lines, if the file opens with one. */
static size_t body_start(const char *text, size_t length) {
    if (length < 4 || strncmp(text, "---\n", 4) != 0) return 0;
    const char *end = strstr(text + 4, "\n---\n");
    return end ? (size_t)(end - text) + 5 : 0;
}

static int render(const char *in_path, const char *out_path, const char *title, int title_length) {
    size_t length = 0;
    char *text = read_file(in_path, &length);
    if (!text) { fprintf(stderr, "cmark-floor: cannot read %s: %s\n", in_path, strerror(errno)); return 1; }
    size_t start = body_start(text, length);

    int options = CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES;
    cmark_parser *parser = cmark_parser_new(options);
    for (size_t i = 0; i < sizeof extension_names / sizeof *extension_names; i++) {
        cmark_syntax_extension *ext = cmark_find_syntax_extension(extension_names[i]);
        if (ext) cmark_parser_attach_syntax_extension(parser, ext);
    }
    cmark_parser_feed(parser, text + start, length - start);
    cmark_node *document = cmark_parser_finish(parser);
    char *html = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser));

    int status = 0;
    FILE *out = fopen(out_path, "wb");
    if (!out) {
        fprintf(stderr, "cmark-floor: cannot write %s: %s\n", out_path, strerror(errno));
        status = 1;
    } else {
        fprintf(out, "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>%.*s</title></head>\n"
                     "<body><main>\n", title_length, title);
        fputs(html, out);
        fputs("</main></body></html>\n", out);
        if (fclose(out) != 0) { fprintf(stderr, "cmark-floor: cannot write %s\n", out_path); status = 1; }
    }
    cmark_get_default_mem_allocator()->free(html);
    cmark_node_free(document);
    cmark_parser_free(parser);
    free(text);
    return status;
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: cmark-floor REPORTS-FOLDER OUT-FOLDER\n");
        return 2;
    }
    cmark_gfm_core_extensions_ensure_registered();
    DIR *dir = opendir(argv[1]);
    if (!dir) { fprintf(stderr, "cmark-floor: cannot open %s: %s\n", argv[1], strerror(errno)); return 2; }
    size_t count = 0, capacity = 1024;
    char **names = malloc(capacity * sizeof *names);
    struct dirent *entry;
    while ((entry = readdir(dir)) != NULL) {
        size_t len = strlen(entry->d_name);
        if (len < 4 || strcmp(entry->d_name + len - 3, ".md") != 0) continue;
        if (count == capacity) names = realloc(names, (capacity *= 2) * sizeof *names);
        names[count++] = strdup(entry->d_name);
    }
    closedir(dir);
    qsort(names, count, sizeof *names, by_name);

    int failures = 0;
    char in_path[4096], out_path[4096];
    for (size_t i = 0; i < count; i++) {
        size_t stem = strlen(names[i]) - 3;
        snprintf(in_path, sizeof in_path, "%s/%s", argv[1], names[i]);
        snprintf(out_path, sizeof out_path, "%s/%.*s.html", argv[2], (int)stem, names[i]);
        failures += render(in_path, out_path, names[i], (int)stem);
        free(names[i]);
    }
    free(names);
    if (count == 0) { fprintf(stderr, "cmark-floor: no .md file in %s\n", argv[1]); return 1; }
    return failures ? 1 : 0;
}
