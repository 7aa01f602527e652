#!/usr/bin/env python3
"""Tests of the HL7 test-suite matcher and normalizer (tests/fhir/tx_match.py, tx_normalize.py)."""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tx_convert  # noqa: E402
import tx_match  # noqa: E402
import tx_normalize  # noqa: E402


def compare(expected, actual, modes=("general",), pattern_mode=False):
    return tx_match.Matcher(modes, {"version": "4.0.1"}, pattern_mode).compare(expected, actual)


class MatcherTest(unittest.TestCase):
    def test_equal_objects_match(self):
        self.assertIsNone(compare({"a": "x", "b": [1, 2]}, {"b": [1, 2], "a": "x"}))

    def test_unexpected_property_fails_unless_optional(self):
        self.assertIn("unexpected property b", compare({"a": 1}, {"a": 1, "b": 2}))
        self.assertIsNone(compare({"$optional-properties$": ["b"], "a": 1}, {"a": 1, "b": 2}))

    def test_missing_property_fails(self):
        self.assertIn("missing property b", compare({"a": 1, "b": 2}, {"a": 1}))

    def test_optional_array_item_may_be_absent(self):
        expected = {"p": [{"n": 1}, {"$optional$": True, "n": 2}]}
        self.assertIsNone(compare(expected, {"p": [{"n": 1}]}))
        self.assertIsNone(compare(expected, {"p": [{"n": 1}, {"n": 2}]}))
        self.assertIsNotNone(compare(expected, {"p": [{"n": 2}]}))

    def test_optional_by_mode_and_version(self):
        expected = {"p": [{"n": 1}, {"$optional$": "!tx.fhir.org", "n": 2}, {"$optional$": "version:5", "n": 3}]}
        self.assertIsNotNone(compare(expected, {"p": [{"n": 1}, {"n": 3}]}, modes=("general", "tx.fhir.org")))
        self.assertIsNone(compare({"p": [{"n": 1}, {"$optional$": "!tx.fhir.org", "n": 2}]}, {"p": [{"n": 1}]}))
        self.assertIsNotNone(compare({"p": [{"$optional$": "version:5", "n": 3}]}, {"p": []}))

    def test_array_order_matters_after_sorting(self):
        self.assertIsNotNone(compare({"p": [1, 2]}, {"p": [2, 1]}))

    def test_templates(self):
        self.assertIsNone(compare({"t": "$instant$"}, {"t": "2026-12-02T10:00:00Z"}))
        self.assertIsNotNone(compare({"t": "$instant$"}, {"t": "yesterday"}))
        self.assertIsNone(compare({"u": "$uuid$"}, {"u": "urn:uuid:8acdbfdc-e9d2-11ed-a05b-0242ac120003"}))
        self.assertIsNone(compare({"c": "$choice:a|b$"}, {"c": "b"}))
        self.assertIsNotNone(compare({"c": "$choice:a|b$"}, {"c": "c"}))
        self.assertIsNone(compare({"m": "$fragments:Unknown|code1$"}, {"m": "unknown code 'code1' in the system"}))
        self.assertIsNone(compare({"m": "$external:3$"}, {"m": "anything a server says"}))
        self.assertIsNotNone(compare({"m": "$external:3:Display$"}, {"m": "wrong"}))
        self.assertIsNone(compare({"v": "$version$"}, {"v": "4.0.1"}))

    def test_boolean_is_not_a_string(self):
        self.assertIsNotNone(compare({"b": True}, {"b": "true"}))

    def test_pattern_mode_finds_items_in_order_and_allows_extras(self):
        expected = {"rest": [{"mode": "server"}]}
        actual = {"rest": [{"mode": "client"}, {"mode": "server", "x": 1}], "extra": True}
        self.assertIsNone(compare(expected, actual, pattern_mode=True))
        self.assertIsNotNone(compare({"rest": [{"mode": "none"}]}, actual, pattern_mode=True))


class NormalizeTest(unittest.TestCase):
    def test_parameters_are_sorted_and_diagnostics_dropped(self):
        answer = {"resourceType": "Parameters", "parameter": [
            {"name": "result", "valueBoolean": False}, {"name": "diagnostics", "valueString": "x"},
            {"name": "message", "valueString": "b; a"}, {"name": "code", "valueCode": "c"}]}
        tx_normalize.normalize_answer(answer, True)
        self.assertEqual([p["name"] for p in answer["parameter"]], ["code", "message", "result"])
        self.assertEqual(answer["parameter"][1]["valueString"], "a; b")

    def test_unmanaged_extensions_and_narrative_are_dropped(self):
        answer = {"resourceType": "ValueSet", "text": {"div": "<div/>"}, "extension": [
            {"url": "http://example.org/other"}, {"url": "http://hl7.org/fhir/StructureDefinition/valueset-label"}],
            "compose": {"extension": [{"url": "http://example.org/kept-in-compose"}]},
            "expansion": {"contains": [{"code": "b"}, {"code": "a"}]}}
        tx_normalize.normalize_answer(answer, True)
        self.assertNotIn("text", answer)
        self.assertEqual([e["url"] for e in answer["extension"]], ["http://hl7.org/fhir/StructureDefinition/valueset-label"])
        self.assertEqual(len(answer["compose"]["extension"]), 1)
        self.assertEqual([c["code"] for c in answer["expansion"]["contains"]], ["a", "b"])

    def test_error_outcome_loses_diagnostics_only_issues(self):
        answer = {"resourceType": "OperationOutcome", "issue": [
            {"severity": "error", "code": "x", "diagnostics": "stack"},
            {"severity": "error", "code": "y", "details": {"text": "kept"}, "diagnostics": "gone"}]}
        tx_normalize.normalize_answer(answer, False)
        self.assertEqual(answer["issue"], [{"severity": "error", "code": "y", "details": {"text": "kept"}}])


class ConvertTest(unittest.TestCase):
    def test_contains_property_extension_reads_as_r5_property(self):
        answer = {"resourceType": "ValueSet", "expansion": {"contains": [{"code": "a", "extension": [{
            "url": tx_convert.CONTAINS_PROPERTY,
            "extension": [{"url": "code", "valueCode": "status"}, {"url": "value", "valueCode": "retired"}]}]}]}}
        tx_convert.to_r5(answer)
        self.assertEqual(answer["expansion"]["contains"][0], {"code": "a", "property": [{"code": "status", "valueCode": "retired"}]})

    def test_concept_map_relationship_becomes_equivalence(self):
        concept_map = {"resourceType": "ConceptMap", "group": [{"element": [{"code": "a", "target": [
            {"code": "b", "relationship": "source-is-narrower-than-target"}]}]}]}
        converted = tx_convert.to_r4(concept_map)
        self.assertEqual(converted["group"][0]["element"][0]["target"][0], {"code": "b", "equivalence": "wider"})
        self.assertIn("relationship", concept_map["group"][0]["element"][0]["target"][0])


if __name__ == "__main__":
    unittest.main()
