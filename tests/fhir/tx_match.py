"""Compares a server's answer with an HL7 terminology test's expected response.

The expected files are patterns, read the way HL7's Java test runner reads them
(CompareUtilities in org.hl7.fhir.core): objects must have the same properties
unless the expected object lists them in "$optional-properties$"; array items
are compared in order (both sides are sorted first, see tx_normalize); an item
marked "$optional$" may be absent; strings such as "$instant$" or
"$fragments:a|b$" match a kind of value instead of one value.
"""
import base64
import re

# The value shapes of the "$...$" templates (FHIR R4 datatype regexes, simplified).
_TEMPLATE_PATTERNS = {
    "$instant$": r"([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)-(0[1-9]|1[0-2])-(0[1-9]|[1-2][0-9]|3[0-1])"
                 r"T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))",
    "$date$": r"([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1]))?)?",
    "$uuid$": r"urn:uuid:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}",
    "$id$": r"[A-Za-z0-9\-\.]{1,64}",
    "$url$": r"\S*",
    "$token$": r"[0-9a-zA-Z_][0-9a-zA-Z_\.\-]*",
}
_SEMVER = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$")


class Matcher:
    """One comparison: the modes under test and the variables ("version") of the run."""

    def __init__(self, modes=(), variables=None, pattern_mode=False):
        self.modes = set(modes)
        self.variables = dict(variables or {})
        self.pattern_mode = pattern_mode
        self.warnings = []

    # --- entry point -----------------------------------------------------------------
    def compare(self, expected, actual):
        """None when actual matches expected, else a sentence saying where they differ."""
        if not isinstance(expected, dict) or not isinstance(actual, dict):
            return "the answer is not a JSON object"
        return self._objects("", expected, actual)

    # --- objects -------------------------------------------------------------------------
    def _objects(self, path, expected, actual):
        optionals = self._optional_names(expected)
        count_only = set(expected.get("$count-arrays$", []) or [])
        for name, value in actual.items():
            if name == "fhir_comments":
                continue
            if name in expected:
                why = self._nodes(path + "." + name, expected[name], value, name in count_only)
                if why:
                    return why
            elif not self.pattern_mode and name not in optionals:
                return "properties differ at %s: unexpected property %s" % (path or "(root)", name)
        for name, value in expected.items():
            if name == "fhir_comments" or name == "$optional$" or "*" in optionals or name in optionals:
                continue
            if name not in actual and not self._all_optional(value):
                return "properties differ at %s: missing property %s" % (path or "(root)", name)
        return None

    @staticmethod
    def _optional_names(expected):
        if "$optional-properties$" not in expected:
            return set()
        return {"$optional-properties$", "$count-arrays$", *expected["$optional-properties$"]}

    @staticmethod
    def _all_optional(value):
        if not isinstance(value, list):
            return False
        return all(not isinstance(item, dict) or "$optional$" in item for item in value)

    # --- any node ------------------------------------------------------------------------
    def _nodes(self, path, expected, actual, count_only):
        if isinstance(expected, bool) or isinstance(actual, bool):
            if type(expected) is not type(actual):
                return "property types differ at %s: expected %r, got %r" % (path, expected, actual)
            return None if expected == actual else "boolean values differ at %s: expected %r, got %r" % (path, expected, actual)
        if isinstance(expected, str) and isinstance(actual, str):
            if "<div" in expected and "<div" in actual:
                return None
            if self._string_matches(actual, expected) or _same_base64(actual, expected):
                return None
            return "string values differ at %s: expected %r, got %r" % (path, expected, actual)
        if isinstance(expected, (int, float)) and isinstance(actual, (int, float)):
            return None if expected == actual else "number values differ at %s: expected %r, got %r" % (path, expected, actual)
        if expected is None:
            return None if actual is None else "null differs at %s: got %r" % (path, actual)
        if isinstance(expected, dict) and isinstance(actual, dict):
            return self._objects(path, expected, actual)
        if isinstance(expected, list) and isinstance(actual, list):
            return self._arrays(path, expected, actual, count_only)
        return "properties differ at %s: expected a %s, got a %s" % (path, _kind(expected), _kind(actual))

    # --- arrays ---------------------------------------------------------------------------
    def _arrays(self, path, expected, actual, count_only):
        if count_only:
            if len(expected) != len(actual):
                return "array item count differs at %s: expected %d, got %d" % (path, len(expected), len(actual))
            return None
        if self.pattern_mode:
            position = 0
            for index, item in enumerate(expected):
                why = "not found"
                while why is not None and position < len(actual):
                    why = self._nodes("%s[%d]" % (path, index), item, actual[position], False)
                    position += 1
                if why is not None:
                    return "the expected item at %s index %d was not found" % (path, index)
            return None
        optional_count = sum(1 for item in expected if self._is_optional(item))
        minimum = len(expected) - optional_count
        if len(actual) > len(expected) or len(actual) < minimum:
            return "array item count differs at %s: expected %d, got %d" % (path, len(expected), len(actual))
        position = 0
        for index, item in enumerate(expected):
            if position >= len(actual):
                if index >= len(expected) - optional_count and self._is_optional(item):
                    warning = self._optional_warning(item)
                    if warning:
                        self.warnings.append(warning)
                    return None
                return "one or more array items did not match at %s starting at index %d" % (path, index)
            why = self._nodes("%s[%d]" % (path, index), item, actual[position], False)
            if why and not self._is_optional(item):
                return why
            if not why:
                position += 1
        if position < len(actual):
            return "unexpected item in array at %s at index %d" % (path, position)
        return None

    def _is_optional(self, item):
        if not isinstance(item, dict):
            return False
        flag = item.get("$optional$")
        if isinstance(flag, bool):
            return flag
        if isinstance(flag, str):
            return self._passes_optional_filter(flag)
        return False

    @staticmethod
    def _optional_warning(item):
        flag = item.get("$optional$") if isinstance(item, dict) else None
        if isinstance(flag, str) and flag.startswith("warning:"):
            return flag[len("warning:"):]
        return None

    def _passes_optional_filter(self, token):
        if token.startswith("!"):
            return token[1:] not in self.modes
        if token.startswith("warning:"):
            return True
        if token.startswith("version:"):
            version = self.variables.get("version")
            return version is not None and version.startswith(token[len("version:"):])
        return token in self.modes

    # --- strings --------------------------------------------------------------------------
    def _string_matches(self, actual, expected):
        if not (expected.startswith("$") and expected.endswith("$") and len(expected) >= 2):
            if "$version$" in expected and "version" in self.variables:
                expected = expected.replace("$version$", self.variables["version"])
            return actual == expected
        if expected.startswith("$choice:"):
            return actual in expected[len("$choice:"):-1].split("|")
        if expected.startswith("$fragments:"):
            return _has_fragments(actual, expected[len("$fragments:"):-1].split("|"))
        if expected.startswith("$external:"):
            # Message texts differ between servers: without a server's own strings, only the
            # fragments after the second colon (if any) are checked.
            parts = expected[1:-1].split(":")
            return len(parts) <= 2 or _has_fragments(actual, parts[2].split("|"))
        if expected == "$$":
            return True
        if expected == "$string$":
            return actual == actual.strip()
        if expected == "$semver$":
            return bool(_SEMVER.match(actual))
        if expected == "$version$":
            return "version" not in self.variables or actual == self.variables["version"]
        pattern = _TEMPLATE_PATTERNS.get(expected)
        if pattern is None:
            raise ValueError("unknown template %s in an expected response" % expected)
        return re.fullmatch(pattern, actual) is not None


def _has_fragments(actual, fragments):
    lowered = actual.lower()
    return all(fragment.lower() in lowered for fragment in fragments)


def _same_base64(actual, expected):
    try:
        left = base64.b64decode(actual, validate=True)
        right = base64.b64decode(expected, validate=True)
    except (ValueError, TypeError):
        return False
    return len(left) > 0 and left == right


def _kind(value):
    return {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}.get(type(value), "number")
