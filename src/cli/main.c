/* therex: the command table. Each command lives in its own cmd_<name>.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const struct {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} commands[] = {
    {"extract", cmd_extract, "extract therapy-claim triples from abstracts"},
    {"check", cmd_check, "compile rule files and run their examples"},
    {"explain", cmd_explain, "show mentions, cues, rules tried and triples of a sentence"},
    {"lint", cmd_lint, "report risky but legal rules"},
    {"eval", cmd_eval, "score triples against a gold file (as score.py does)"},
    {"load", cmd_load, "load triples into SQLite or PostgreSQL tables (upserts)"},
    {"report", cmd_report, "write an HTML page of the triples for a curator"},
};

static void usage(FILE *out)
{
    fprintf(out, "usage: therex <command> [options] [args]\n\ncommands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fprintf(out, "\n'therex <command> --help' describes a command's options.\n\n"
                 "exit status: 0 success; 1 some input skipped (extract, eval, report), a failed\n"
                 "example (check), warnings (lint); 2 usage error; 3 rule errors; 4 the output\n"
                 "could not be written; 128+N interrupted by signal N (see therex(1)).\n");
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
        usage(stdout);
        return 0;
    }
    if (!strcmp(argv[1], "--version")) {
        printf("therex %s\n", THEREX_VERSION);
        return 0;
    }
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        if (!strcmp(argv[1], commands[i].name))
            return commands[i].run(argc - 1, argv + 1);
    cli_error("unknown command '%s'", argv[1]);
    usage(stderr);
    return EXIT_USAGE;
}
