"""Build src/watchfloor/data/cameo_triggers.tsv from the CAMEO verb dictionary, mapped to PLOVER types.

    python tools/build_cameo_triggers.py [--shared ../shared]

Sources (both in ../shared/datasets, never needed by the package at run time):
- petrarch2-dictionaries/CAMEO.2.0.txt (MIT, Open Event Data): verb blocks "---  VERB  [code]  ---", each
  with synonym lines and patterns whose comments name the verb they were first coded for.
- plover-gsr/CAMEO2PLOVER-2021.txt (PLOVER manual draft 0.8): CAMEO code -> PLOVER type, mode, context.

Only a block's default code is used (patterns need PETRARCH's matcher), and of its synonyms only the head
verb and the verbs that a pattern comment names: the WordNet synonyms added later ("INHABIT" under INVADE)
are too loose for a parse. The draft's old names are brought to the codebook's: REQUEST -> DEMAND, ACCUSE ->
DISAPPROVE or INVESTIGATE (its "investigate" mode). Nominalisations come from NOUNS below (English
morphology, each tied to the verb whose code it takes).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "watchfloor" / "data" / "cameo_triggers.tsv"
RENAMES = {"REQUEST": "DEMAND"}
# needs, wants and presence are not acts (DESIGN.md "What counts"), whatever CAMEO codes them as
NOT_ACTS = {"need", "want", "wish", "hope", "inhabit", "reside", "infest", "be", "have", "say", "claim", "link"}
# shooting and intercepting: DESIGN codes shooting down as FIGHT by the defender, CAMEO as force by the
# shooter; left out until the rule for the defender lands (tests/eval gold does not code interceptions yet)
NOT_ACTS |= {"shoot", "intercept"}
# general verbs whose CAMEO code belongs to its patterns' objects ("take ... hostage", "hold talks", "offer
# aid"), not to the verb: without the object the code is noise
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
# noun -> the CAMEO verb whose code it takes (an act named by a noun: "the invasion", "talks", "a visit")
NOUNS = {
    "invasion": "invade",
    "incursion": "invade",
    "occupation": "occupy",
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
    "cooperation": "cooperate",
    "collaboration": "cooperate",
    "summit": "meet",
    "visit": "visit",
    "meeting": "meet",
    "talks": "negotiate",
    "negotiation": "negotiate",
    "consultation": "consult",
    "mediation": "mediate",
    "agreement": "agree",
    "accord": "agree",
    "treaty": "sign",
    "deal": "agree",
    "ceasefire": "agree",
    "truce": "agree",
    "condemnation": "condemn",
    "criticism": "criticize",
    "accusation": "accuse",
    "denunciation": "denounce",
    "protest": "protest",
    "demonstration": "demonstrate",
    "rally": "rally",
    "boycott": "boycott",
    "strike": "strike",
    "embargo": "embargo",
    "blockade": "blockade",
    "arrest": "arrest",
    "detention": "detain",
    "deportation": "deport",
    "expulsion": "expel",
    "seizure": "seize",
    "investigation": "investigate",
    "inquiry": "investigate",
    "probe": "probe",
    "threat": "threaten",
    "ultimatum": "threaten",
    "warning": "warn",
    "demand": "demand",
    "request": "request",
    "appeal": "appeal",
    "call": "urge",
    "rejection": "reject",
    "refusal": "refuse",
    "veto": "veto",
    "withdrawal": "withdraw",
    "retreat": "retreat",
    "release": "release",
    "pullout": "withdraw",
    "evacuation": "evacuate",
    "mobilization": "mobilize",
    "mobilisation": "mobilize",
    "deployment": "deploy",
    "buildup": "mobilize",
    "donation": "donate",
    "assistance": "assist",
    "praise": "praise",
    "endorsement": "endorse",
    "recognition": "recognize",
    "apology": "apologize",
    "launch": "launch",
    "concession": "concede",
    "pardon": "pardon",
    "amnesty": "pardon",
}


def plover_codes(path: Path) -> dict[str, tuple[str, str]]:
    """CAMEO code -> (PLOVER type, context) from the conversion table."""
    codes = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^(\d{3,4}):\s*([A-Z]+)\s*,([^,#]*),?([^#]*)", line)
        if not match:
            continue
        code, kind, mode, context = (part.strip() for part in match.groups())
        if kind == "ACCUSE":
            kind = "INVESTIGATE" if mode == "investigate" else "DISAPPROVE"
        codes[code] = (RENAMES.get(kind, kind), context.split(";")[0].strip())
    return codes


def verb_blocks(path: Path) -> dict[str, str]:
    """Verb -> CAMEO code: its own code on its synonym line ("CONDEMN [111]"), else its block's default. A
    block without a default ("TAKE", "USE", "HOLD") codes only through its patterns, which need PETRARCH's
    matcher: its verbs are left out. Synonyms no pattern names and without a code of their own are left
    out unless they head the block."""
    verbs: dict[str, str] = {}
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    start = next(i for i, line in enumerate(lines) if "VERB PATTERNS" in line)
    lines = [*lines[start:], "---  END  [---]  ---"]
    default, synonyms, patterns = None, {}, {}
    for line in lines:
        head = re.match(r"^---\s+(\S+)\s+\[([^\]]+)\]", line)
        if head:
            _settle(verbs, default, synonyms, patterns)
            raw = head.group(2).split(":")[0]
            default, synonyms, patterns = (raw if raw.isdigit() else None), {}, {}
            synonyms[head.group(1).lower()] = None
            continue
        if line.startswith("-"):
            comment = line.partition("#")[2].strip().split()
            code = re.search(r"\[(\d+)", line)
            if comment:
                patterns.setdefault(comment[0].lower(), []).append(code.group(1) if code else None)
        elif re.match(r"^[A-Z][A-Z]+\b", line) and "_" not in line.split()[0]:
            own = re.search(r"\[(\d+)", line.partition("#")[0])
            synonyms[line.split()[0].lower()] = own.group(1) if own else None
    return verbs


def _settle(verbs: dict[str, str], default: str | None, synonyms: dict, patterns: dict) -> None:
    for position, (word, own) in enumerate(synonyms.items()):
        code = own or default
        if code and (own or position == 0):
            verbs.setdefault(word, code)


def build(shared: Path) -> list[tuple[str, str, str, str]]:
    codes = plover_codes(shared / "datasets" / "plover-gsr" / "CAMEO2PLOVER-2021.txt")
    verbs: dict[str, tuple[str, str]] = {}
    for word, code in verb_blocks(shared / "datasets" / "petrarch2-dictionaries" / "CAMEO.2.0.txt").items():
        plover = codes.get(code) or codes.get(code[:3]) or codes.get(code[:2] + "0")
        if plover is not None and word not in NOT_ACTS | GENERAL_VERBS:
            verbs[word] = plover
    rows = [(verb, "VERB", *plover) for verb, plover in sorted(verbs.items())]
    rows += [(noun, "NOUN", *verbs[verb]) for noun, verb in sorted(NOUNS.items()) if verb in verbs]
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    args = parser.parse_args()
    shared = Path(args.shared)
    if not (shared / "datasets" / "petrarch2-dictionaries" / "CAMEO.2.0.txt").is_file():
        print(f"build_cameo_triggers: {shared} has no datasets/petrarch2-dictionaries", file=sys.stderr)
        return 2
    rows = build(shared)
    header = (
        "# Event trigger words with their PLOVER type and context, after the CAMEO verb dictionary.\n"
        "# Source: CAMEO.2.0.txt of openeventdata/petrarch2 (MIT, Open Event Data Alliance), mapped with\n"
        "# CAMEO2PLOVER-2021.txt (PLOVER manual draft 0.8); generated by tools/build_cameo_triggers.py, do not\n"
        "# edit: event_triggers.tsv (written by hand) takes precedence over a row here.\n"
        "lemma\tpos\ttype\tmode\n"
    )
    OUT.write_text(header + "".join("\t".join(row) + "\n" for row in rows), encoding="utf-8")
    print(f"{len(rows)} rows -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
