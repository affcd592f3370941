/*
 * What a slot of a pattern compiles to (rule_compile.c reads the slot, this file writes
 * its regex): a lexicon mention's token, a coordination of them {type+}, or an open noun
 * phrase {type:open} for terms no lexicon lists yet. Declared in rule_syntax.h.
 */
#include <stdio.h>

#include "rule_syntax.h"

const char slot_type_letter[SLOT_NTYPES] = {'T', 'E', 'C'};
const char *const slot_group_names[SLOT_NTYPES] = {"thx_t", "thx_e", "thx_c"};

/* An open slot binds a bounded noun phrase for terms no lexicon lists yet: at most
 * OPEN_MAX_WORDS words, none of them a verb, auxiliary, preposition or conjunction that
 * starts a new phrase, nor a section label ("RESULTS mTOR activity was inhibited");
 * punctuation and mentions end it; a leading determiner is left out of the slot. */
#define OPEN_MAX_WORDS 5
#define OPEN_STOP                                                                          \
    "(?:and|or|but|nor|with|without|in|on|at|by|for|from|to|of|as|than|that|which|who|"      \
    "whom|whose|was|were|is|are|be|been|being|has|have|had|may|might|can|could|will|would|" \
    "should|must|did|does|do|not|no|after|before|during|between|among|versus|vs|via|"       \
    "through|using|compared|while|whereas|although|because|since|if|when|where|the|a|an|"   \
    "this|these|those|its|their|our|both|either|each|all|such|other|more|less|than|into|"   \
    "under|over|against|within|per|plus|alone|only|also|significantly|treated|received|"    \
    "about|regarding|concerning|toward|towards|upon|despite|whether|"                       \
    "(?:induced|caused|provoked|triggered|mediated|elicited|evoked)\\s+by|"                 \
    "receiving|showed|shows|reduced|improved|increased|decreased|patients?|subjects?|"        \
    "results|conclusions?|background|methods|objectives?|purpose|introduction)\\b"
/* Greek letters in UTF-8 (the patterns run on bytes): "TNF-α", "TGF-β1" */
#define OPEN_GREEK "(?:\\xce[\\x91-\\xbf]|\\xcf[\\x80-\\x89])"
#define OPEN_CHARS "(?:[A-Za-z0-9]|" OPEN_GREEK ")(?:[A-Za-z0-9'/]|" OPEN_GREEK ")*+"
#define OPEN_WORD "(?!" OPEN_STOP ")" OPEN_CHARS
/* the next word of an open phrase: after white space a word that is no stop word; right
 * after a hyphen any word ("stimulus-induced overflow", "dose-dependent") */
#define OPEN_NEXT "(?:-++" OPEN_CHARS "|[ \\t-]+" OPEN_WORD ")"
/* words of adjective shape or hyphenated compounds before a later item of a coordinated
 * list, after "and" or "or" ("unstable angina or non-Q-wave <myocardial infarction>";
 * after a bare comma the words may start a new clause) */
#define LIST_MODS                                                                          \
    "(?:(?<=\\band\\s|\\bor\\s)(?:(?:[A-Za-z][a-z-]*(?:al|ic|ive|ous|ar|ary|ory|less|ent|ant|ile)" \
    "|[A-Za-z0-9]++(?:-[A-Za-z0-9]++)++)\\s+){1,2}+)?"
/* one-word items of adjective shape between commas that no mention covers, passed over
 * by a coordinated list: "<colorectal>, <breast>, pancreaticobiliary, <gastric> ...
 * cancers" (the conjunct that forms no listed term, lexicon/coord.c) */
#define LIST_SKIP                                                                          \
    "(?:(?:[A-Za-z][a-z-]*(?:al|ic|ive|ous|ar|ary|ory)\\s*+,\\s*+){1,2}+)?"
/* a short note in parentheses after an item of a coordinated list, with no mention inside
 * ("(two cases)", "(n = 12)") */
#define LIST_NOTE "(?:\\s*+\\([^()\\x01]{1,40}\\))?"
/* between two conditions, the second the one the people of the first have: "<bleeding
 * duodenal ulcer> in a child with <Henoch-Schonlein purpura>", "<renal failure> in
 * <membranous nephropathy>" */
#define LIST_IN_PEOPLE                                                                     \
    "in\\s+(?:(?:a|an)\\s+)?(?:(?:patients?|child|children|infants?|adults?|women|men|subjects|" \
    "people|individuals|cases?)\\s+with\\s+)?"
#define OPEN_DETERMINER "(?:(?:the|a|an|this|these)\\s+)?"
/* inside an open effect, a first word of adjective shape coordinated with a second that
 * shares the head after it: "the chemical and clinical pregnancy rates", "medial and
 * lateral joint space narrowing" (not "motility and viability": no head follows; not
 * "SBP and plasma H2O2 level": two nouns) */
#define OPEN_COORD                                                                         \
    "(?:(?<=al|ic|ive|ar|ary|ous|ory)[ \\t]+(?:and|or)[ \\t]+" OPEN_WORD "(?=[ \\t-]+" \
    OPEN_WORD "))?"
/* An open effect is an outcome's noun phrase, so it has more stop words than a therapy or
 * condition phrase: a preposition or adverb after the head is no part of it ("reduced
 * morbidity following adenotonsillectomy", "increased serum potassium levels similarly",
 * "relative to"); a quantifier or negative-polarity word is no object ("did not promote
 * any significant changes"). */
#define EFF_STOP                                                                           \
    "(?:following|relative|along|even|up|any|[A-Za-z]{3,}(?:edly|ally|ntly|ously|ively|"    \
    "arly|ately|idly))\\b(?!-)"
#define EFF_WORD "(?!" OPEN_STOP ")(?!" EFF_STOP ")" OPEN_CHARS
#define EFF_NEXT "(?:-++" OPEN_CHARS "|[ \\t-]+" EFF_WORD ")"
/* a time word, with or without its number, is no outcome ("The RFS rate at 3 years was
 * higher", "EE recurrence at Week 24 was reduced"; but "Day 8 FEV1 peak") */
#define EFF_NOT_TIME                                                                       \
    "(?!(?:years?|months?|weeks?|days?|hours?|h|min|minutes?)(?:[ \\t]+[0-9]+)?\\b"          \
    "(?![ \\t-]+(?!" OPEN_STOP ")[A-Za-z0-9]))"
/* a relational head takes its complement: "preventing emergence of mature gametocytes",
 * "promoting the interaction between mTOR and DEPTOR"; without it ("the association
 * between mTOR and its inhibitor") the head alone is no object (EFF_END) */
#define EFF_REL                                                                            \
    "\\binteraction|\\binteractions|\\bassociation|\\bbinding|\\bemergence|\\bformation|"    \
    "\\baccumulation|\\brecruitment|\\binfiltration|\\btranslocation|\\bshortening|"           \
    "\\bblunting|\\bdegradation|\\bdeposition|\\buptake|\\bloss|\\bbalance|\\bratio|\\brecognition|"   \
    "\\blevels|\\blevel|\\bnumber|\\bamount|\\bpercentage|\\bproportion|\\bconcentrations|"         \
    "\\bconcentration|\\bduration|\\blength|\\bsize|\\bexpression|\\bproduction|"              \
    "\\bphosphorylation|\\bcontent|\\bvolume|\\brate|\\brates|\\brisk|\\bsecretion|\\brelease|" \
    "\\bincidence|\\bfrequency|\\bactivation|" EFF_REL_TO
/* a time's complement is a "to" phrase: "increased the time to recovery", "the latency to
 * first electrographic seizure" */
#define EFF_REL_TO "\\btime|\\btimes|\\blatency|\\blatencies"
/* a word of the complement, or an effect or therapy mention ("between <mTOR> and DEPTOR",
 * "recruitment of BM-derived <progenitor cells>"): a short stop list keeps the pattern
 * small */
#define EFF_CSTOP                                                                          \
    "(?:and|or|but|with|without|in|on|at|by|for|from|to|of|as|than|that|which|was|were|is|"  \
    "are|be|been|has|have|had|not|no|after|during|versus|vs|via|the|a|an|its|their|both|"   \
    "following|while|whereas|through|compared|derived|induced|related|mediated|caused|"    \
    "associated|including|can|could|may|might|will|would|should|this|these|those)\\b"
/* whose measure it is, not what is measured: "reduced the urine volume of rats" */
#define EFF_WHO                                                                            \
    "(?:rats|mice|animals|patients|subjects|participants|children|women|men|individuals|"  \
    "infants|volunteers)\\b"
#define EFF_CWORD "(?:(?!" EFF_CSTOP ")" OPEN_CHARS "|\\x01[ET]\\d+\\x02)"
/* up to four words, a hyphenated compound one word ("pro-apoptotic HIF-1a target genes") */
#define EFF_CWORDS EFF_CWORD "(?:-++" OPEN_CHARS ")*+"
#define EFF_C "(?:(?:the|a|an)[ \\t]+)?(?!" EFF_WHO ")" EFF_CWORDS "(?:[ \\t-]+" EFF_CWORDS "){0,3}"
#define EFF_OF                                                                             \
    "(?:(?:(?<=" EFF_REL ")[ \\t]+of|(?<=" EFF_REL_TO ")[ \\t]+to)[ \\t]+" EFF_C "|(?<=" EFF_REL       \
    ")[ \\t]+between[ \\t]+" EFF_C "[ \\t]+and[ \\t]+" EFF_C ")?"
/* an open effect does not end on a word that needs its head ("increased plasma and 24 h
 * urinary aldosterone", "reduced supine systolic and diastolic blood pressure") nor on a
 * relational head whose complement it left out, unless the complement names a condition,
 * which the rule's pattern then takes ("reduced the formation of <C>") */
#define EFF_END                                                                            \
    "(?<!\\bplasma|\\bserum|\\burinary|\\bsystolic|\\bdiastolic|\\bpostoperative|\\bpost|"    \
    "\\bsupine|\\bblood|\\btotal|\\bmean)(?!(?:(?<=" EFF_REL ")[ \\t]+(?:of|between)|"           \
    "(?<=" EFF_REL_TO ")[ \\t]+to)[ \\t]+(?!(?:\\S+[ \\t]+){0,5}?\\x01C|(?:the[ \\t]+)?" EFF_WHO "))"
/* inside an open effect, an abbreviation the authors define before the phrase goes on:
 * "the IIEF-Erectile Function (EF) scores" */
#define OPEN_ABBR "[ \\t]*+\\([A-Za-z0-9][A-Za-z0-9-]{0,11}\\)(?=[ \\t]+" OPEN_WORD ")"

void slot_regex_open(strbuf *out, slot_type t)
{
    /* a mention of the type, else the noun phrase */
    /* an open effect may end in an effect mention it qualifies: "reduced perioperative
     * <blood loss>", "improved glycaemic <control>"; an open effect is the longest
     * phrase (atomic), so that a look-ahead after it ("no condition follows") cannot be
     * met by cutting it short ("cochlear hair cell" of "... cell loss"); an open
     * therapy or condition may shrink to let what follows it match */
    if (t == SLOT_EFFECT) {
        sb_printf(out,
                  "(?:(?<%s>\\x01%c\\d+\\x02)|(?<![A-Za-z0-9'/])" OPEN_DETERMINER
                  "(?<%s_open>(?>" EFF_NOT_TIME EFF_WORD OPEN_COORD "(?:" EFF_NEXT "|" OPEN_ABBR
                  "){0,%d}" EFF_OF "(?:[ \\t-]+\\x01E\\d+\\x02)?)" EFF_END "))",
                  slot_group_names[t], slot_type_letter[t], slot_group_names[t],
                  OPEN_MAX_WORDS - 1);
        return;
    }
    sb_printf(out,
              "(?:(?<%s>\\x01%c\\d+\\x02)|(?<![A-Za-z0-9'/])" OPEN_DETERMINER
              "(?<%s_open>" OPEN_WORD "(?:" OPEN_NEXT "){0,%d}))",
              slot_group_names[t], slot_type_letter[t], slot_group_names[t], OPEN_MAX_WORDS - 1);
}

void slot_regex_mention(strbuf *out, slot_type t, bool list, bool in_people)
{
    char tok[32];
    snprintf(tok, sizeof tok, "\\x01%c\\d+\\x02", slot_type_letter[t]);
    sb_printf(out, "(?<%s>%s", slot_group_names[t], tok);
    /* a later item may carry up to two words of adjective shape that its mention does not
     * cover: "connective tissue disorders, and inflammatory <skin diseases>" (LIST_MODS);
     * an item may be followed by a short note in parentheses: "<ventricular fibrillation>
     * (two cases) and <ventricular tachycardia> (one case)" (LIST_NOTE); a one-word
     * adjective between commas is passed over (LIST_SKIP); "<C1> in patients
     * with <C2>" continues a condition list only after a (required) therapy slot: before
     * it, "<harm> in patients with <C2> treated with X" is how side effects are reported */
    if (list)
        sb_printf(out,
                  "(?:" LIST_NOTE "\\s*(?:,\\s*" LIST_SKIP "(?:(?:and|or)\\b\\s*)?|(?:and/or|and|or|as well as|"
                  "plus|together with|versus|vs|compared with)\\b\\.?\\s*%s)" LIST_MODS "%s)*",
                  in_people ? "|" LIST_IN_PEOPLE : "", tok);
    sb_putc(out, ')');
}
