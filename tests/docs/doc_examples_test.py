#!/usr/bin/env python3
"""The docs test's own rules, as tables: how expected output is compared (expected_output.py)
and how a document's blocks, directives, GET and POST requests and prose arrows are read
(doc_examples.py)."""

import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from doc_examples import Block, Paragraph, Request, find_arrows, parse_document, parse_request  # noqa: E402
from expected_output import match_json, match_output, match_text  # noqa: E402


class MatchJsonTest(unittest.TestCase):
    # (expected, actual, the difference or None)
    ROWS = [
        # Fields shown must be there and equal; fields left out are not checked.
        ({"a": 1}, {"a": 1, "b": 2}, None),
        ({"a": 1}, {"a": 2}, "$.a: expected 1, got 2"),
        ({"a": 1}, {"b": 1}, "$.a: missing (the output has b)"),
        ({"a": {"b": "x"}}, {"a": {"b": "y"}}, '$.a.b: expected "x", got "y"'),
        # Arrays: every element, in order, unless "..." stands for a run of them.
        ([1, 2], [1, 2], None),
        ([1, 2], [1, 2, 3], "$: 1 more elements than shown, from [2]: 3"),
        ([1, 2, 3], [1, 2], "$[2]: missing; expected 3"),
        ([1, "..."], [1, 2, 3], None),
        (["..."], [], None),
        (["...", 3], [1, 2, 3], None),
        ([2, "..."], [1, 2], "$[0]: expected 2, got 1"),
        ([1, "...", 5], [1, 2, 3], '$[1:]: no element matches 5, shown after "..."'),
        # "..." as a value matches anything; inside a string, any text.
        ({"a": "..."}, {"a": [1, {"b": None}]}, None),
        ("Entry, by puncture, ...", "Entry, by puncture, of instrumentation", None),
        ("Entry, ...", "Exit, by", '$: expected "Entry, ...", got "Exit, by"'),
        # Build times match any time of their shape.
        ({"built_at": "2026-11-27T00:50:04Z"}, {"built_at": "2027-01-02T03:04:05Z"}, None),
        ({"built_at": "2026-11-27T00:50:04Z"}, {"built_at": "yesterday"},
         '$.built_at: expected "2026-11-27T00:50:04Z", got "yesterday"'),
        # Types are not mixed: true is not 1, null is not "".
        ({"billable": True}, {"billable": 1}, "$.billable: expected true, got 1"),
        ({"parent": None}, {"parent": ""}, '$.parent: expected null, got ""'),
    ]

    def test_rows(self):
        for expected, actual, difference in self.ROWS:
            with self.subTest(expected=expected, actual=actual):
                self.assertEqual(match_json(expected, actual), difference)

    def test_json_lines_compare_one_value_per_line(self):
        self.assertIsNone(match_output('{"q":"a"}\n{"q":"b"}', '{"q":"a","n":1}\n{"q":"b"}\n', "json", 10))
        self.assertEqual(match_output('{"q":"a"}\n{"q":"b"}', '{"q":"a"}\n', "json", 10),
                         "expected 2 JSON values, got 1")


class MatchTextTest(unittest.TestCase):
    # (expected, actual, the difference or None); the expected text starts at line 20.
    ROWS = [
        ("a\nb", "a\nb\n", None),
        ("a  \nb", "a\nb   ", None),  # trailing spaces do not count
        ("a\nb", "a\nc", "line 21 'b': got 'c' (output line 2)"),
        ("a\nb", "a", "line 21 'b': the output ended"),
        ("a", "a\nb", "the output goes on after the last line shown: 'b'"),
        # A line "..." stands for any number of lines, "..." in a line for any text.
        ("a\n...\nz", "a\nz", None),
        ("a\n...\nz", "a\nb\nc\nz", None),
        ("...\nz", "a\nz\nz", None),
        ("index    ... documents, ... MB", "index    75 documents, 3.4 MB", None),
        # Version names and build times match any of their shape, with a -2 suffix too.
        ("current  fy2026-20261127T012943Z", "current  fy2026-20270101T000000Z-2", None),
        ("current  fy2026-20261127T012943Z", "current  fy2025-20270101T000000Z",
         "line 20 'current  fy2026-20261127T012943Z': got 'current  fy2025-20270101T000000Z' (output line 1)"),
    ]

    def test_rows(self):
        for expected, actual, difference in self.ROWS:
            with self.subTest(expected=expected, actual=actual):
                self.assertEqual(match_text(expected, actual, 20), difference)


class ParseDocumentTest(unittest.TestCase):
    def parse(self, text):
        with tempfile.NamedTemporaryFile("w", suffix=".md", delete=False) as out:
            out.write(text)
        try:
            return parse_document(out.name, "T.md")
        finally:
            os.unlink(out.name)

    def test_blocks_directives_and_what_follows_what(self):
        document = self.parse("Intro.\n\n<!-- example: fixture corpus -->\n```sh\nls\n```\n\n```text\nx\n```\n"
                              "\nProse.\n\n```json\n{}\n```\n\n    indented\n    block\n")
        kinds = [(b.line, b.lang, b.directive.kind if b.directive else "", b.follows_block) for b in document.blocks]
        self.assertEqual(kinds, [(4, "sh", "fixture corpus", False), (8, "text", "", True),
                                 (14, "json", "", False), (18, "indented", "", False)])
        self.assertEqual(document.errors, [])

    def test_markup_mistakes_are_errors_with_their_line(self):
        document = self.parse("<!-- example: fixtures -->\n```sh\nls\n```\n<!-- not checked: -->\n\n"
                              "```sh\nls\n```\n<!-- flags: medcode-search -->\n")
        self.assertEqual(document.errors, [
            "T.md:1: unknown directive <!-- example: fixtures -->; use one of: fixture corpus, setup, file",
            "T.md:5: <!-- not checked: --> needs a reason",
            "T.md:10: directive with nothing after it",
        ])

    def test_a_get_block_is_a_request(self):
        document = self.parse("```\nGET /healthz\n```\n")
        self.assertTrue(document.blocks[0].is_request())

    def test_a_post_block_is_a_request_and_its_output_follows_it(self):
        document = self.parse('```\nPOST /fhir/CodeSystem/$lookup\n{"resourceType": "Parameters"}\n```\n'
                              '```json\n{}\n```\n\n```json\nPOST /fhir/x\n```\n')
        self.assertEqual([(b.is_request(), b.follows_block) for b in document.blocks],
                         [(True, False), (False, True), (False, True)])  # a ```json block is never a request


class ParseRequestTest(unittest.TestCase):
    BODY = '{"resourceType": "Parameters",\n "parameter": []}'
    # (the block's text, the request or the error); the block's fence is line 10.
    ROWS = [
        # GET: one line, to any path; a status after "->" and a note in parentheses.
        ("GET /v1/search?q=asthma", Request("GET", "/v1/search?q=asthma", 200)),
        ("GET /fhir/metadata?mode=terminology", Request("GET", "/fhir/metadata?mode=terminology", 200)),
        ("GET /v1/search?q=x&limit=500      -> 400", Request("GET", "/v1/search?q=x&limit=500", 400)),
        ("GET /v1/codes/icd10cm/I21.9      (attributes only)", Request("GET", "/v1/codes/icd10cm/I21.9", 200)),
        ("\nGET /healthz\n", Request("GET", "/healthz", 200)),
        ("GET /healthz\nGET /metrics", "a GET block holds one line: GET /path [-> STATUS] [(note)]"),
        ("GET healthz", "a GET block holds one line: GET /path [-> STATUS] [(note)]; got 'GET healthz'"),
        # POST: the request line, then the JSON body, sent as it is written.
        ("POST /fhir/CodeSystem/$lookup\n" + BODY, Request("POST", "/fhir/CodeSystem/$lookup", 200, BODY)),
        ("POST /fhir/ValueSet/$expand -> 422 (too many codes)\n" + BODY,
         Request("POST", "/fhir/ValueSet/$expand", 422, BODY)),
        ("POST /fhir/ValueSet/$expand",
         "a POST block holds POST /fhir/PATH [-> STATUS] [(note)] and then its JSON body; the body is missing"),
        ("POST /v1/search\n{}", "a POST block holds POST /fhir/PATH [-> STATUS] [(note)] and then its JSON body: "
         "only /fhir/ takes POST; got '/v1/search'"),
        # A body that is not JSON names its document line: fence 10, request 11, body from 12.
        ('POST /fhir/CodeSystem/$lookup\n{"resourceType": "Parameters",\n "parameter": [}',
         "line 13: the POST body is not JSON: Expecting value"),
    ]

    def test_rows(self):
        for text, want in self.ROWS:
            with self.subTest(text=text):
                block = Block("T.md", 10, 10 + text.count("\n") + 2, "", text)
                self.assertTrue(block.is_request())
                try:
                    got = parse_request(block)
                except ValueError as error:
                    got = str(error)
                self.assertEqual(got, want)


class FindArrowsTest(unittest.TestCase):
    def arrows(self, text):
        errors = []
        found = [(a.line, a.query, a.codes, a.words) for a in find_arrows(Paragraph("T.md", 5, text), errors)]
        return found, errors

    def test_codes_words_wrapped_queries_and_code_spans(self):
        found, errors = self.arrows('so "pain in hip" -> M25.559, then M25.55. And "community\nacquired'
                                    ' pneumonia" -> J18.9, ("low platelets" -> thrombocytopenia, "big liver"\n'
                                    '-> hepatomegaly); `"query" -> CODE` is markup.')
        self.assertEqual(found, [
            (5, "pain in hip", ["M25.559", "M25.55"], []),
            (5, "community acquired pneumonia", ["J18.9"], []),
            (6, "low platelets", [], ["thrombocytopenia"]),
            (6, "big liver", [], ["hepatomegaly"]),
        ])
        self.assertEqual(errors, [])

    def test_an_arrow_to_nothing_readable_is_an_error(self):
        found, errors = self.arrows('"x" -> (see below)')
        self.assertEqual(found, [])
        self.assertEqual(len(errors), 1)
        self.assertIn("T.md:5: cannot read the example", errors[0])


if __name__ == "__main__":
    unittest.main()
