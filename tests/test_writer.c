/*
 * Tests of the JSON writer (output/writer_json.c): every record carries every key of
 * docs/triple.schema.json and decodes as UTF-8, even when a name holds bytes that are
 * not UTF-8 (a Latin-1 file name); a value JSON cannot hold fails the record instead of
 * dropping its key. Records are checked against the schema file itself by a small
 * validator of the keywords it uses.
 */
#include <criterion/criterion.h>
#include <jansson.h>
#include <math.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "support.h"
#include "therex.h"

/* ---------------------------------------------------------------- schema check */

static json_t *schema_root;

static json_t *load_schema(void)
{
    if (!schema_root) {
        char path[4096];
        snprintf(path, sizeof path, "%s/docs/triple.schema.json", THX_SOURCE_DIR);
        json_error_t err;
        schema_root = json_load_file(path, 0, &err);
        cr_assert_not_null(schema_root, "%s: %s", path, err.text);
    }
    return schema_root;
}

static bool has_type(const json_t *v, const char *type)
{
    if (!strcmp(type, "object"))
        return json_is_object(v);
    if (!strcmp(type, "array"))
        return json_is_array(v);
    if (!strcmp(type, "string"))
        return json_is_string(v);
    if (!strcmp(type, "integer"))
        return json_is_integer(v);
    if (!strcmp(type, "number"))
        return json_is_number(v);
    if (!strcmp(type, "boolean"))
        return json_is_boolean(v);
    if (!strcmp(type, "null"))
        return json_is_null(v);
    cr_assert_fail("unknown type %s in the schema", type);
    return false;
}

/* True when v satisfies schema s (the keywords docs/triple.schema.json uses); `why`
 * gets the first reason it does not. */
static bool valid(const json_t *v, const json_t *s, const char *at, char *why, size_t n)
{
    const json_t *k;
    if ((k = json_object_get(s, "$ref"))) {
        const char *ref = json_string_value(k);
        cr_assert(!strncmp(ref, "#/$defs/", 8), "unsupported $ref %s", ref);
        return valid(v, json_object_get(json_object_get(load_schema(), "$defs"), ref + 8), at,
                     why, n);
    }
    if ((k = json_object_get(s, "oneOf"))) {
        size_t i, hits = 0;
        json_t *alt;
        json_array_foreach(k, i, alt) hits += valid(v, alt, at, why, n);
        if (hits != 1)
            snprintf(why, n, "%s: %zu alternatives of oneOf match", at, hits);
        return hits == 1;
    }
    if ((k = json_object_get(s, "type"))) {
        bool ok = false;
        if (json_is_string(k)) {
            ok = has_type(v, json_string_value(k));
        } else {
            size_t i;
            json_t *t;
            json_array_foreach(k, i, t) ok |= has_type(v, json_string_value(t));
        }
        if (!ok) {
            snprintf(why, n, "%s: wrong type", at);
            return false;
        }
    }
    if ((k = json_object_get(s, "const")) && !json_equal((json_t *)v, k)) {
        snprintf(why, n, "%s: not the constant", at);
        return false;
    }
    if ((k = json_object_get(s, "enum"))) {
        size_t i, hit = 0;
        json_t *e;
        json_array_foreach(k, i, e) hit |= json_equal((json_t *)v, e);
        if (!hit) {
            snprintf(why, n, "%s: not in the enum", at);
            return false;
        }
    }
    if ((k = json_object_get(s, "minimum")) && json_is_number(v) &&
        json_number_value(v) < json_number_value(k)) {
        snprintf(why, n, "%s: under the minimum", at);
        return false;
    }
    if ((k = json_object_get(s, "maximum")) && json_is_number(v) &&
        json_number_value(v) > json_number_value(k)) {
        snprintf(why, n, "%s: over the maximum", at);
        return false;
    }
    if ((k = json_object_get(s, "pattern")) && json_is_string(v)) {
        regex_t re;
        cr_assert_eq(regcomp(&re, json_string_value(k), REG_EXTENDED | REG_NOSUB), 0);
        int m = regexec(&re, json_string_value(v), 0, NULL, 0);
        regfree(&re);
        if (m) {
            snprintf(why, n, "%s: does not match %s", at, json_string_value(k));
            return false;
        }
    }
    char sub[512];
    if (json_is_object(v)) {
        size_t i;
        json_t *r;
        const json_t *props = json_object_get(s, "properties");
        json_array_foreach(json_object_get(s, "required"), i, r) {
            if (!json_object_get(v, json_string_value(r))) {
                snprintf(why, n, "%s: required key '%s' missing", at, json_string_value(r));
                return false;
            }
        }
        const char *key;
        json_t *val;
        json_object_foreach((json_t *)v, key, val) {
            const json_t *ps = props ? json_object_get(props, key) : NULL;
            snprintf(sub, sizeof sub, "%s.%s", at, key);
            if (!ps && json_is_false(json_object_get(s, "additionalProperties"))) {
                snprintf(why, n, "%s: key not in the schema", sub);
                return false;
            }
            if (ps && !valid(val, ps, sub, why, n))
                return false;
        }
    }
    if (json_is_array(v) && (k = json_object_get(s, "items"))) {
        size_t i;
        json_t *item;
        json_array_foreach(v, i, item) {
            snprintf(sub, sizeof sub, "%s[%zu]", at, i);
            if (!valid(item, k, sub, why, n))
                return false;
        }
    }
    return true;
}

/* Parses one output line (jansson refuses malformed UTF-8) and checks it against the
 * schema. Returns the record; the caller releases it. */
static json_t *expect_valid_record(const char *line)
{
    json_error_t err;
    json_t *v = json_loads(line, 0, &err);
    cr_assert_not_null(v, "not JSON or not UTF-8 (%s): %s", err.text, line);
    char why[1024] = "";
    cr_assert(valid(v, load_schema(), "record", why, sizeof why), "%s in %s", why, line);
    return v;
}

/* ---------------------------------------------------------------- records */

/* A triple as the extractor makes it, with the given source name. */
static thx_triple make_triple(char *text, char *norm)
{
    thx_triple t;
    memset(&t, 0, sizeof t);
    strcpy(t.id, "0123456789abcdef");
    t.sentence = (thx_evidence){0, THX_SEC_ABSTRACT, 0, 24, text};
    t.therapy = (thx_slot){text, norm, "MeSH:D055354", 0, 8};
    t.effect = (thx_slot){text + 9, norm, NULL, 9, 14};
    t.predicate = "biolink:treats";
    t.rule_id = "treats.x";
    t.rule_file = "rules/t.rules";
    t.rule_line = 3;
    t.confidence = 0.9;
    return t;
}

Test(writer, a_record_of_valid_strings_matches_the_schema)
{
    char text[] = "Exosomes treat stroke.", norm[] = "exosomes";
    thx_triple t = make_triple(text, norm);
    thx_doc doc = {.id = "d", .source = "corpus/a.txt", .title = "T"};
    char *j = thx_triple_to_json(&t, &doc);
    cr_assert_not_null(j);
    json_decref(expect_valid_record(j));
    free(j);
}

Test(writer, names_that_are_not_utf8_are_written_with_u_fffd)
{
    char text[] = "Exosomes treat stroke in S\xE3o Paulo.", norm[] = "exosomes";
    thx_triple t = make_triple(text, norm);
    t.rule_file = "rules/\xFFt.rules";
    thx_doc doc = {.id = "caf\xE9.txt", .source = "corpus/caf\xE9.txt", .title = "\xC3"};
    char *j = thx_triple_to_json(&t, &doc);
    cr_assert_not_null(j);
    json_t *v = expect_valid_record(j);
    json_t *d = json_object_get(v, "doc");
    cr_assert_str_eq(json_string_value(json_object_get(d, "source")), "corpus/caf\xEF\xBF\xBD.txt");
    cr_assert_str_eq(json_string_value(json_object_get(d, "id")), "caf\xEF\xBF\xBD.txt");
    cr_assert_str_eq(json_string_value(json_object_get(d, "title")), "\xEF\xBF\xBD");
    cr_assert_str_eq(json_string_value(json_object_get(json_object_get(v, "rule"), "file")),
                     "rules/\xEF\xBF\xBDt.rules");
    json_decref(v);
    free(j);
}

Test(writer, a_value_json_cannot_hold_fails_the_record)
{
    char text[] = "Exosomes treat stroke.", norm[] = "exosomes";
    thx_triple t = make_triple(text, norm);
    thx_doc doc = {.id = "d", .source = "a.txt"};
    t.confidence = NAN;
    cr_assert_null(thx_triple_to_json(&t, &doc), "a record without \"confidence\"");
    t.confidence = 0.5;
    thx_cue cue = {"negation", NULL, 0, 3};
    t.cues = &cue;
    t.ncues = 1;
    cr_assert_null(thx_triple_to_json(&t, &doc), "a cue without \"text\"");
}

/* ---------------------------------------------------------------- end to end */

/* `therex extract` of a file whose name is Latin-1: every line of the output is a
 * valid record naming the file with U+FFFD. */
Test(writer, extract_over_a_file_name_that_is_not_utf8)
{
    char dir[] = "/tmp/thx-writer-XXXXXX";
    cr_assert_not_null(mkdtemp(dir));
    char path[4200];
    snprintf(path, sizeof path, "%s/S\xE3o-Paulo.txt", dir);
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    fputs("Exosomes have been used to treat diseases such as stroke and liver fibrosis.\n", f);
    fclose(f);
    char args[8400], *out = NULL, *err = NULL;
    snprintf(args, sizeof args, "extract -q -r rules/unit.rules --root %s %s -o -", dir, dir);
    int rc = run_cli(THX_TEST_DIR, args, &out, &err);
    cr_assert_eq(rc, 0, "exit status %d: %s", rc, err);
    cr_assert_str_eq(err, "");
    size_t lines = 0;
    for (char *line = out, *nl; (nl = strchr(line, '\n')); line = nl + 1, lines++) {
        *nl = '\0';
        json_t *v = expect_valid_record(line);
        json_t *d = json_object_get(v, "doc");
        cr_assert_str_eq(json_string_value(json_object_get(d, "id")), "S\xEF\xBF\xBDo-Paulo.txt");
        cr_assert_not_null(strstr(json_string_value(json_object_get(d, "source")),
                                  "/S\xEF\xBF\xBDo-Paulo.txt"));
        json_decref(v);
    }
    cr_assert_eq(lines, 2);
    free(out);
    free(err);
    unlink(path);
    rmdir(dir);
}
