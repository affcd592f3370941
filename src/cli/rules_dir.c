/* Where an installed therex finds its rule pack: beside its own executable, as the
 * install laid it out (BINDIR/../share/therex/rules, THEREX_RULES_FROM_BIN from
 * CMakeLists.txt), so that a tree installed with `cmake --install --prefix P`, or moved
 * as a whole, uses P's rules and not those of the prefix given at configure time. */
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

#ifndef THEREX_RULES_FROM_BIN
#define THEREX_RULES_FROM_BIN "../share/therex/rules"
#endif

const char *cli_installed_rules(void)
{
    static char dir[PATH_MAX];
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return NULL;
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (!slash)
        return NULL;
    *slash = '\0';
    int k = snprintf(dir, sizeof dir, "%s/%s", exe, THEREX_RULES_FROM_BIN);
    if (k < 0 || (size_t)k >= sizeof dir || access(dir, F_OK) != 0)
        return NULL;
    return dir;
}
