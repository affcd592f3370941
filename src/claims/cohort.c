/* A sentence that describes a study's cohort: see cohort.h. */
#include <strings.h>

#include "cohort.h"
#include "words.h"

bool cohort_described(const char *s, size_t trig_start, size_t trig_end)
{
    static const char *const GOT[] = {"treated", "underwent", "undergoing", "undergone",
                                      "received", "receiving", "for", NULL};
    static const char *const DRAWN[] = {"included", "enrolled", "recruited", "consecutive",
                                        "retrospectively", "database", "registry", "charts",
                                        "records", NULL};
    if (!words_in(s, trig_start, trig_end, GOT))
        return false;
    for (size_t i = 0; i < trig_start;) {
        while (i < trig_start && !words_char(s[i]))
            i++;
        size_t b = i;
        while (i < trig_start && words_char(s[i]))
            i++;
        if (i > b && words_in(s, b, i, DRAWN))
            return true;
    }
    return false;
}
