"""Compares what a program printed with the output a document shows. Returns None when they
agree, else one sentence naming the first difference.

JSON: every field shown must be there with the value shown; fields not shown are not
checked. An array shows its elements in order; the element "..." stands for any number of
elements (["..."] any array, [A, "..."] one starting with A). The value "..." matches any
value; "..." inside a string matches any text. Text: line by line, trailing spaces ignored;
a line "..." stands for any number of lines, and "..." inside a line for any text. In both,
a UTC time (2026-11-27T00:50:04Z, or 20261127T012943Z as in version names) matches any
time of the same shape: build times change with every build (a compact one also matches
the "-2" that a version built in the same second as another gets)."""

import json
import re
from typing import Any, List, Optional

ELISION = "..."
ISO_TIME = r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"
COMPACT_TIME = r"\d{8}T\d{6}Z"
TOKEN = re.compile(rf"(\.\.\.|{ISO_TIME}|{COMPACT_TIME})")


def text_pattern(expected: str) -> "re.Pattern[str]":
    parts = []
    for piece in TOKEN.split(expected):
        if piece == ELISION:
            parts.append(".*?")
        elif re.fullmatch(ISO_TIME, piece):
            parts.append(ISO_TIME)
        elif re.fullmatch(COMPACT_TIME, piece):
            parts.append(COMPACT_TIME + r"(?:-\d+)?")
        else:
            parts.append(re.escape(piece))
    return re.compile("".join(parts), re.DOTALL)


def short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 160 else text[:157] + "..."


def match_json(expected: Any, actual: Any, path: str = "$") -> Optional[str]:
    if expected == ELISION:
        return None
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return f"{path}: expected an object, got {short(actual)}"
        for key, value in expected.items():
            if key not in actual:
                return f"{path}.{key}: missing (the output has {', '.join(actual) or 'no fields'})"
            difference = match_json(value, actual[key], f"{path}.{key}")
            if difference:
                return difference
        return None
    if isinstance(expected, list):
        if not isinstance(actual, list):
            return f"{path}: expected an array, got {short(actual)}"
        return match_array(expected, actual, path)
    if isinstance(expected, str):
        if not isinstance(actual, str):
            return f"{path}: expected {short(expected)}, got {short(actual)}"
        return None if text_pattern(expected).fullmatch(actual) else f"{path}: expected {short(expected)}, got {short(actual)}"
    # bool before numbers: in Python True == 1.
    if isinstance(expected, bool) or expected is None or isinstance(actual, bool):
        return None if expected is actual else f"{path}: expected {short(expected)}, got {short(actual)}"
    return None if expected == actual else f"{path}: expected {short(expected)}, got {short(actual)}"


def match_array(expected: List[Any], actual: List[Any], path: str) -> Optional[str]:
    """Elements in order; "..." takes any run of elements (shortest first)."""
    def walk(i: int, j: int) -> Optional[str]:
        if i == len(expected):
            return None if j == len(actual) else f"{path}: {len(actual) - j} more elements than shown, from [{j}]: {short(actual[j])}"
        if expected[i] == ELISION:
            first = None
            for k in range(j, len(actual) + 1):
                difference = walk(i + 1, k)
                if difference is None:
                    return None
                first = first or difference
            after = expected[i + 1] if i + 1 < len(expected) else ELISION
            if after != ELISION and all(match_json(after, element) for element in actual[j:]):
                return f'{path}[{j}:]: no element matches {short(after)}, shown after "..."'
            return first
        if j == len(actual):
            return f"{path}[{j}]: missing; expected {short(expected[i])}"
        difference = match_json(expected[i], actual[j], f"{path}[{j}]")
        return difference or walk(i + 1, j + 1)
    return walk(0, 0)


def parse_json_values(text: str) -> Optional[List[Any]]:
    """One JSON value, or JSON Lines; None when it is neither."""
    try:
        return [json.loads(text)]
    except ValueError:
        pass
    try:
        return [json.loads(line) for line in text.splitlines() if line.strip()]
    except ValueError:
        return None


def match_text(expected: str, actual: str, first_line: int) -> Optional[str]:
    """first_line: the document line of the expected text's first line, for messages."""
    want = [l.rstrip() for l in expected.rstrip("\n").split("\n")]
    got = [l.rstrip() for l in actual.rstrip("\n").split("\n")] if actual.strip() else []
    furthest = [0, 0]  # the deepest expected line reached, and the output line there

    def walk(i: int, j: int) -> bool:
        if (i, j) > tuple(furthest):
            furthest[:] = [i, j]
        if i == len(want):
            return j == len(got)
        if want[i].strip() == ELISION:
            return any(walk(i + 1, k) for k in range(j, len(got) + 1))
        return j < len(got) and bool(text_pattern(want[i]).fullmatch(got[j])) and walk(i + 1, j + 1)

    if walk(0, 0):
        return None
    i, j = furthest
    if i == len(want):
        return f"the output goes on after the last line shown: {got[j]!r}"
    shown = f"line {first_line + i} {want[i]!r}"
    return f"{shown}: got {got[j]!r} (output line {j + 1})" if j < len(got) else f"{shown}: the output ended"


def match_output(expected: str, actual: str, lang: str, first_line: int) -> Optional[str]:
    if lang == "json" or (lang == "" and expected.lstrip().startswith(("{", "["))):
        want = parse_json_values(expected)
        if want is None:
            return f"line {first_line}: the expected block is not JSON (one value or one per line)"
        got = parse_json_values(actual)
        if got is None:
            return f"the output is not JSON: {actual[:200]!r}"
        if len(want) != len(got):
            return f"expected {len(want)} JSON values, got {len(got)}"
        for index, (one_want, one_got) in enumerate(zip(want, got)):
            difference = match_json(one_want, one_got, "$" if len(want) == 1 else f"line {index + 1}: $")
            if difference:
                return difference
        return None
    return match_text(expected, actual, first_line)
